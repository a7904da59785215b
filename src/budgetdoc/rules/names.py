"""Names of classification items (功能分类 类/款/项) in the text against the tables: an item the text names
(…抚恤（款）其他抚恤支出（项）136.50万元) that no table row is called, where a row of the same level with
the same amount is called almost the same (2080899 其他优抚支出 136.50): one of the two names is mistyped
or out of date."""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass

from ..extract.tables import table_knowledge
from ..interval import Interval
from ..model import Finding, Reading
from ..verify import fact_figure
from .base import RuleContext, evidence, in_side_section, line_evidence, rule

# How alike two names must be (difflib ratio) to be one item's name written two ways.
_ALIKE = 0.6
_LEVEL = {3: 0, 5: 1, 7: 2}  # code length -> position in a name path (类/款/项)


@dataclass(frozen=True)
class _Row:
    code: str
    name: str  # as compared: without 支出, 其它 read 其他
    values: tuple[Interval, ...]
    printed: str


def _bare(name: str) -> str:
    # 其它 and 其他 are one word (the classification writes 其他).
    return table_knowledge().patterns["class_suffix"].sub("", name.replace(" ", "").replace("其它", "其他").strip())


@rule("classification-item-name", "wording", "warning", "科目名称与表中不一致",
      "说明中逐项列出的功能分类科目，名称应与表中同一科目一致。例：说明写“抚恤（款）其他抚恤支出（项）136.50万元”，"
      "表中同额的2080899科目名为“其他优抚支出”。",
      rationale="情况说明对公开表逐项解释，科目名称须按当年《政府收支分类科目》与表中一致；名称写错或沿用旧名，"
                "读者无法对应到表中科目。")
def check_item_names(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    rows = [_Row(r.code, _bare(r.name), tuple(v.interval.scale(t.scale) for v in r.values.values()), r.name.strip())
            for t in a.tables if t.classification == "func" for r in t.rows if r.code and r.name and r.values]
    if not rows:
        return
    names = {(len(r.code), r.name) for r in rows}
    reported: set[tuple[str, str]] = set()
    part = a.knowledge.patterns["func_part"]
    for m in a.all_mentions():
        if not m.is_level or in_side_section(m):
            continue
        in_line = not (m.key and ".func." in f".{m.key}")
        if not in_line:
            path = m.key.split("func.", 1)[1].split("/")  # type: ignore[union-attr]
            marks = list(part.finditer(m.raw_label))
        else:
            # A figure labelled by its kind alone (…其他国土资源事务支出(项)。主要用于：……。年初预算为45.00万元):
            # the item its line names before it.
            marks = list(part.finditer(m.line.norm.text, 0, m.start))
            path = [marks[-1].group("name")] if marks else []
        if not marks or path[-1].isdigit() or marks[-1].group("level") == "类":
            continue  # an item named by its code, or a 类 alone
        level = "类款项".index(marks[-1].group("level"))
        said = _bare(path[-1])
        if "(" in said or ")" in said or any(n == said for length, n in names if _LEVEL.get(length) == level):
            continue  # a name with a level mark inside was cut at a line break, not written so
        # One name inside the other is a name cut at a line break or shortened, not another name.
        alike = {(r.code, r.printed) for r in rows if _LEVEL.get(len(r.code)) == level and r.name != said
                 and said not in r.name and r.name not in said
                 and difflib.SequenceMatcher(None, said, r.name).ratio() >= _ALIKE
                 and any(v.overlaps(m.yuan) for v in r.values)}
        if len({_bare(name) for _, name in alike}) != 1 or (said, next(iter(alike))[1]) in reported:
            continue
        code, name = sorted(alike)[0]
        reported.add((said, name))
        fig = fact_figure("表中科目", next(f for f in a.table_facts if f.key.endswith(f"func.{code}")))
        written = path[-1] + ("支出" if name.endswith("支出") and not path[-1].endswith("支出") else "")
        item = marks[-1]  # in the figure's label, or (in_line) in its line before it
        quote = line_evidence(m.line, item.start("name"), m.end, mark=item.span("name")) if in_line else evidence(m)
        yield ctx.report(f"说明中的科目名称“{written}”与表中同额科目“{code} {name}”不一致。", [quote],
                         stated=written, expected=name, claim=m,
                         reading=Reading(f"表中{code} {name}为同一金额", (fig,)))

