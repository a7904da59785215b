"""Which quantity a label names: quantity patterns, role words, funding scope (knowledge data)."""

from __future__ import annotations

from ..knowledge import knowledge

_CONNECTIVES = {"", "与", "比", "较", "同", "和", "及", "其中", "各", "共", "合计", "总计", "全年", "本年", "当年", "支出", "收入"}


def match_quantity(label: str) -> tuple[str, tuple[str, ...], bool, int] | None:
    """(key, also-keys, scoped, start of the matched name in the label) or None.

    The name that covers most of the label wins (三公经费财政拨款支出 is 三公经费, not 财政拨款支出);
    among names starting at the same place, the first listed in the data.
    """
    best = None
    for q in knowledge().quantities:
        for p in q.patterns:
            m = p.search(label)
            if m and (best is None or m.start() < best[3]):
                best = (q.key, q.also, q.scoped, m.start())
    return best


def match_econ(label: str) -> str | None:
    for name in knowledge().econ_items:
        if label.endswith(name):
            return "econ." + name
    return None


def scope_in(text: str) -> str | None:
    for prefix, pattern in knowledge().scopes:
        if pattern.search(text):
            return prefix
    return None


def split_role(label: str) -> tuple[str | None, str]:
    """Strip a role word from the end of a label: ('budget', '因公出国(境)费') for '因公出国(境)费预算'."""
    for role, pattern in knowledge().roles:
        m = pattern.search(label)
        if m and m.start() < len(label):
            return role, label[: m.start()]
    return None, label


def is_bare(rest: str) -> bool:
    return rest.strip(",;:、 ") in _CONNECTIVES
