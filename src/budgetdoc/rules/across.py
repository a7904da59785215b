"""One figure across the tables: the same quantity (收入总计, 一般公共预算拨款, 基本支出 …) printed in the
收支总表, 收入总表, 支出总表, 财政拨款收支总表 and stated in the text. Where one table's cell disagrees with
every other statement of the quantity in its scope, and those agree with each other, that cell is the
error: named, with the figure the others give."""

from __future__ import annotations

from collections.abc import Iterator

from ..extract.keys import match_quantity
from ..extract.mentions import clean_label
from ..extract.tables import table_knowledge
from ..model import Evidence, Fact, Finding, Reading
from ..verify import TableTotal, fact_figure
from ..verify.search import Source, of_fact, statements
from .base import RuleContext, rule, unit_of


@rule("table-figures", "consistency", "error", "同一数据各表不一致",
      "同一口径的同一数据在各张公开表和说明中只能有一个数值。某张表的数字与其余各处（至少两处，且彼此一致）都不同时，"
      "这张表的该格有误。例：一般公共预算拨款收入在收支总表、说明中均为52,244.36万元，财政拨款收支总表为35,673.03万元。",
      rationale="部门预决算公开表之间有固定的勾稽关系：收支总表、收入总表、财政拨款收支总表中的同一项目必须一致；"
                "多数一致而一处不同时，不同的那一处是错的。")
def check_table_figures(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    k = a.knowledge
    for key in sorted({f.key for f in a.table_facts if _standard(f.key)}):
        tables = _one_per_table(a, [f for f in a.table_facts if f.key == key])
        if len(tables) < 2:
            continue
        text = [s for s in statements(a, key, k.name(key), tables=False)
                if s.mention is not None and unit_of(s.mention) is None]
        sources = [of_fact(f, k.name(key)) for f in tables] + text[:3]
        odd = [f for f in tables if not any(_agree(of_fact(f, ""), s) for s in sources if s.figure.loc != f.loc)]
        if len(odd) != 1:
            continue
        wrong = odd[0]
        others = [s for s in sources if s.figure.loc != wrong.loc]
        if len(others) < 2 or not all(_agree(others[0], s) for s in others[1:]):
            continue  # the others must say one thing between them
        where = _table_of(a, wrong)
        if where is None or not _row_names(where[1].name, key, a):
            continue  # the figure was read from a column of a total row: which quantity it is, is a guess
        if any(_agree(of_fact(wrong, ""), s) for s in statements(a, key, "", other_scopes=True)
               if s.figure.loc != wrong.loc):
            continue  # the table states the quantity of another funding scope (all funds, 财政拨款 …)
        right = others[0]
        places = "、".join(_where(s) for s in others[:4])
        title = f"《{where[0].name[:30]}》"
        yield ctx.report(f"{k.name(key)}：{title}为{wrong.stated}，其余各处（{places}）均为{right.stated}，该表此格有误。",
                         [Evidence(wrong.stated, wrong.loc), *(Evidence(s.stated, s.figure.loc) for s in others[:3])],
                         stated=wrong.stated, expected=right.stated,
                         claim=TableTotal(*where),
                         reading=Reading(f"其余{len(others)}处均为{right.stated}", tuple(s.figure for s in others[:4])))
        for s in others:
            if s.mention is not None:
                ctx.verified(s.mention, Reading(f"与各表一致（{right.stated}）", (fact_figure(k.name(key), tables[0]),)))


def _standard(key: str) -> bool:
    """A quantity of the standard tables (not a classification row: those are checked by their tables)."""
    return not key.split(".", 1)[-1].startswith(("func.", "econ.")) and ".func." not in key and ".econ." not in key \
        and not key.startswith(("func.", "econ."))


def _one_per_table(a, facts: list[Fact]) -> list[Fact]:  # noqa: ANN001
    """The first figure each printed table gives the quantity (its sides count as one table)."""
    out: list[Fact] = []
    seen: set[int] = set()
    for f in facts:
        group = next((t.group for t in a.tables if f in t.facts), None)
        if group is None or group in seen:
            continue
        seen.add(group)
        out.append(f)
    return out


def _table_of(a, f: Fact):  # noqa: ANN001, ANN202
    """The table and row that print a fact."""
    for t in a.tables:
        if f in t.facts:
            for row in t.rows:
                if any(v.cell.loc == f.loc for v in row.values.values()):
                    return t, row
    return None


def _row_names(name: str, key: str, a) -> bool:  # noqa: ANN001
    """Does the row's own label name the quantity (一般公共预算拨款收入 | 35,673.03), as opposed to a 合计 row
    whose columns were read as quantities?"""
    label = clean_label(table_knowledge().patterns["label_numbering"].sub("", name), a.knowledge)
    found = match_quantity(label, a.knowledge)
    return found is not None and a.knowledge.base_key(key) in (found.key, *found.also)


def _agree(x: Source, y: Source) -> bool:
    return x.yuan.overlaps(y.yuan)


def _where(s: Source) -> str:
    return s.figure.loc.describe()
