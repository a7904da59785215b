"""A budget unit's own figures in the text against its row in the tables.

A department's disclosure often states, under each unit's own heading ("（二）XX市XX中心"), that unit's
收入, 支出, 基本支出, 人员经费, 公用经费, 项目支出 and 三公经费, while its 收入表, 支出表 and 三公 table print a
row per unit under the department's 合计. The text's figure of a unit is checked against that unit's row,
never against the department's (rules.tables.check_table_text leaves unit figures alone).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract import fact_of
from ..extract.tables import ParsedTable, table_knowledge, unit_row_facts
from ..model import Evidence, Fact, Finding, Reading
from ..verify import fact_figure
from .base import RuleContext, evidence, rule, unit_of
from .tables import _half_unit, _same, _tables_agree, stated_elsewhere


def _bare(name: str) -> str:
    """A unit's name as a row and a heading both print it: no spaces, brackets or 机关 before 本级."""
    return re.sub(r"[\s()（）]|机关(?=本级)", "", name)


def _generic(t: ParsedTable, f: Fact) -> bool:
    """Is the fact's column headed by a bare 合计 / 小计 / 总计 (no name of its own)?"""
    col = t.columns.get((f.loc.col or 0) - 1)
    return col is None or col.name in table_knowledge().total_headers


def _rows_of(unit: str, rows: dict[str, dict[str, list[Fact]]]) -> dict[str, list[Fact]] | None:
    """The facts of the one table row that names the unit (its whole name, or 本级 for a heading
    "XX局本级"); None when no row or several do."""
    u = _bare(unit)
    found = [name for name in rows
             if name == u or (len(name) >= 4 and (u.endswith(name) or name.endswith(u)))
             or (name == "本级" and u.endswith("本级"))]
    return rows[found[0]] if len(found) == 1 else None


@rule("unit-row-text", "consistency", "error", "单位的说明数字与表中该单位行不一致",
      "部门预决算说明分单位介绍时（“（二）XX中心：本年支出合计…，其中基本支出…”），每个单位的数字必须与表中该单位一行"
      "一致，例：说明写某中心公用经费51.48万元，支出表该中心一行为46.79万元。",
      rationale="部门汇总公开的表格按单位列示，说明中各单位的数字与表中对应单位行是同一数据，必须一致。",
      last_digit=True)
def check_unit_rows(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    rows: dict[str, dict[str, list[Fact]]] = {}
    for t in a.tables:
        # A column headed 合计 means what its neighbours leave it (本年收入 or with 上年结转, 收入总计): read so only
        # where the department's figure in it is confirmed, the text or another table stating it under that name.
        confirmed = {f.key for f in t.facts if not _generic(t, f) or stated_elsewhere(a, f)}
        for name, facts in unit_row_facts(t):
            for f in facts:
                if f.key in confirmed:
                    rows.setdefault(_bare(name), {}).setdefault(f.key, []).append(f)
    if not rows:
        return
    for m in a.all_mentions():
        unit = unit_of(m)
        if unit is None or m.is_percent or m.is_change or m.role or not m.key or not m.is_level:
            continue
        own = _rows_of(unit, rows)
        tfs = own.get(m.key) if own is not None else None
        if not tfs:
            continue
        # (a figure in brackets, 基本支出X（人员经费Y，公用经费Z）, makes no fact of the text's, yet is the unit's)
        xf = fact_of(m, m.key)
        agree = next((t for t in tfs if _same(xf, t)), None)
        if agree is not None:
            ctx.verified(m, Reading(f"与表中该单位行{agree.stated}一致", (fact_figure("表中该单位数", agree),)))
            continue
        if not _tables_agree(tfs):
            ctx.unverified(m, "各表该单位一行所列数字不一，无法确定对应哪一张表")
            continue
        tf = tfs[0]
        gap = abs(xf.value_yuan - tf.value_yuan) - _half_unit(xf) - _half_unit(tf)
        yield ctx.report(f"{unit}{a.name(m.key)}：说明中为{xf.stated}，表中该单位一行为{tf.stated}。",
                         [evidence(m), Evidence(tf.stated, tf.loc)], stated=xf.stated,
                         expected=tf.stated, slip=gap <= 2 * _half_unit(xf), claim=m,
                         reading=Reading(f"表中该单位为{tf.stated}", (fact_figure("表中该单位数", tf),)))
