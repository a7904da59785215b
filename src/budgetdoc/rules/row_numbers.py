"""The 行次/栏次 column of a table: its numbers count the rows one by one, so one number out of the run
(28, 39, 30) is a typing slip in the printed table (佛山 财政拨款收入支出决算总表: 二、外交支出 numbered 39, the
number of 十二、农林水支出)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Evidence, Finding
from ..verify import row_quote
from .base import RuleContext, rule


@rule("row-number-skip", "table", "warning", "表格行次不连续",
      "行次（栏次）逐行加一；前一行为28、后一行为30，本行却是39，是录入错误，可能与另一行的行次重复。",
      rationale="决算报表的行次用于核对和引用：行次错了，按行次引用的数字就对不上。")
def check_row_numbers(ctx: RuleContext) -> Iterator[Finding]:
    for t in ctx.analysis.tables:
        for col in (c.index for c in t.columns.values() if c.role == "rownum"):
            numbered = [(row, cell) for row in t.rows if (cell := row.by_col.get(col)) is not None
                        and cell.text.strip().isdigit()]
            for (_, a), (row, cell), (_, b) in zip(numbered, numbered[1:], numbered[2:], strict=False):
                before, here, after = int(a.text), int(cell.text), int(b.text)
                if after == before + 2 and here != before + 1:
                    yield ctx.report(f"《{t.name[:30]}》“{row.name or row.code}”行的行次为{here}，"
                                     f"前后两行为{before}、{after}，应为{before + 1}。",
                                     [Evidence(row_quote(row), cell.loc)], stated=str(here), expected=str(before + 1))
