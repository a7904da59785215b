"""尾差: a table total that its parts as printed miss by a few units of the last digit, each part having
been rounded on its own. Within rounding, so no error (the table rules verified the total); reviewers
still ask for it to be evened out or explained, so it is a warning, one per table."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..model import Evidence, Finding
from ..verify import Residue, row_quote
from .base import RuleContext, fmt_fixed, rule

_TOTAL_HEADERS = ("合计", "总计")
_ROUNDING_NOTE = ("四舍五入", "尾差")  # a table note that explains the tails (read with its title)
_LISTED = 4  # the places a message spells out; the evidence holds them all


def _place(r: Residue) -> str:
    """The row and, when it is not the table's only total, the column: 208 社会保障和就业支出「人员支出」."""
    label = " ".join(p for p in (r.row.code, r.row.name) if p) or "合计"
    header = r.table.columns[r.col].name
    return label + (f"「{header}」" if header and re.sub(r"\s+", "", header) not in _TOTAL_HEADERS else "")


def _says(r: Residue) -> str:
    v = r.row.values[r.col]
    return f"{_place(r)}{fmt_fixed(v.value, v.decimals)}，{r.parts}之和{fmt_fixed(r.exact, v.decimals)}"


def _advice(title: str) -> str:
    """What to do: the table's own note may already say the tails come from rounding."""
    if any(w in title for w in _ROUNDING_NOTE):
        return "表注已说明四舍五入因素，可调整尾数使表内平衡。"
    return "建议调整尾数使表内平衡，或在表下注明。"


def _first_per_row(found: list[Residue]) -> list[Residue]:
    """Each row once, at the first of its columns: a message names the rows, the evidence every cell."""
    seen: set[int] = set()
    out = []
    for r in found:
        if id(r.row) not in seen:
            seen.add(id(r.row))
            out.append(r)
    return out


@rule("rounding-residue", "table", "warning", "合计与分项之和存在尾差",
      "表中合计（或上级科目）与其分项之和相差几个末位单位，在各项分别四舍五入的误差范围内（尾差），不是计算错误，"
      "但表内不平衡。例：社会保障和就业支出6,039.81，其下各款188.49+166.50+3,597.17+2,087.66=6,039.82。"
      "每张表报告一次，列出各处。",
      rationale="各项分别四舍五入后相加，与合计可能差几个末位单位，不作为错误；公开前一般应调整尾数使表内平衡，"
                "或在表下注明尾差原因。",
      after_others=True)
def check_rounding_residue(ctx: RuleContext) -> Iterator[Finding]:
    by_table: dict[str, list[Residue]] = {}
    for r in ctx.ledger.residues():
        # One printed table: its sides (收入 | 支出), and its pages when a continuation was not joined.
        by_table.setdefault(r.table.title or f"#{r.table.group}", []).append(r)
    for found in by_table.values():
        t = found[0].table
        first = found[0].row.values[found[0].col]
        rows = _first_per_row(found)
        listed = "；".join(_says(r) for r in rows[:_LISTED]) + ("等" if len(rows) > _LISTED else "")
        evidence = [Evidence(row_quote(r.row), r.row.values[r.col].cell.loc) for r in found]
        yield ctx.report(f"《{t.name[:40]}》有{len(found)}处合计与分项之和相差末位（四舍五入尾差，不是计算错误）："
                         f"{listed}。{_advice(t.title)}", evidence,
                         stated=fmt_fixed(first.value, first.decimals),
                         expected=fmt_fixed(found[0].exact, first.decimals))
