"""Department names as documents write them, reduced to one key per department.

The same office is "中共江苏省委办公厅" on a table header, "江苏省委办公厅" in the text,
"江苏省政协办" or "江苏省人大常委" on a cover: the key drops the party prefix, brackets (（本级）,
（单位预算）), spaces, a final 办公厅/办公室/办 and then a final 会, so those spellings meet and
different departments (财政厅, 审计局 ...) do not.
"""

from __future__ import annotations

import re

_BRACKETS = re.compile(r"[（(][^）)]*[）)]")
_SPACE = re.compile(r"\s+")


# How the name of a department (or budget unit) ends; a name that ends otherwise, or reads like a piece of
# a sentence, is a misread cover and is not used to match documents across years.
_SUFFIXES = ("厅", "局", "委", "委员会", "办", "院", "会", "部", "室", "中心", "馆", "所", "站", "队", "处", "校",
             "学", "社", "团", "府", "署", "狱", "联", "协", "宫", "台", "园", "库", "场", "行", "司", "区", "县", "市")
_NOT_A_NAME = ("有关", "经费", "及", "等", "其他", "以及", "会同", "根据", "按照")


def plausible(name: str | None) -> bool:
    """True when `name` looks like a department's name (see _SUFFIXES), not a misread fragment."""
    key = _cleaned(name)
    return bool(key) and len(key) >= 4 and key.endswith(_SUFFIXES) and not any(w in key for w in _NOT_A_NAME)


def _cleaned(name: str | None) -> str:
    """The name without brackets, spaces and the party prefix; a final 办公厅/办公室 shortened to 办."""
    if not name:
        return ""
    key = _SPACE.sub("", _BRACKETS.sub("", name))
    if key.startswith("中共") and len(key) > 4:
        key = key[2:]
    for tail in ("办公厅", "办公室"):
        if key.endswith(tail):
            key = key[: -len(tail)] + "办"
            break
    return key


def department_key(name: str | None) -> str | None:
    key = _cleaned(name)
    # a 常委会/委员会 and its 办公厅 are one budget unit, and covers cut names short: 江苏省人大常委会办公厅,
    # 江苏省人大常委会 and 江苏省人大常委 all become 江苏省人大常委
    for tail in ("办", "会"):
        if key.endswith(tail) and len(key) > 4:
            key = key[: -len(tail)]
    return key or None
