"""Performance tables (绩效自评表) read into typed rows, so the performance rules only compare numbers.

Three shapes, as published:
- indicator rows aligned on their 指标性质 cell (正向/反向/定性/定量), the header naming 指标方向,
  年度指标值, 实际完成值, 分值 and 得分 relative to it;
- indicator rows that give the weight as "15分" (tables converted one cell per line), the header's
  分值/得分 columns aligned on that cell;
- the fund rows: 全年预算数(A) | 全年执行数(B) | 执行率, aligned on their right edge (a fund row's cells
  span columns). The indicator section's own header ends them: its 分值 | 得分 sit where the amounts
  and the rate were, and are points, not money or a rate.
The department-wide table (部门整体支出绩效目标表) states the year's whole budget as label | amount pairs
(资金总额, 项目支出, 基本支出, 其他资金): read into `DeptFunds`. Indicator targets stated as a
percentage (≥90%) are read with the indicator's name (`ShareTarget`) where the name is a share of a whole.
A table cut by page breaks continues in the next table blocks without its header: a header read last
applies until prose intervenes. The words are in knowledge/tables.yaml (`performance`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import NamedTuple

from ..knowledge import load_yaml
from ..model import Block, Cell
from .tables import clean_text, is_numbering_row, parse_number, to_grid


@dataclass(frozen=True)
class Indicator:
    """One indicator row: its 指标性质 (nature), 指标方向, target, actual, weight (分值) and score (得分)."""

    cells: tuple[Cell, ...]
    nature: str
    direction: str
    target: Decimal | None
    actual: Decimal | None
    weight: Decimal | None
    score: Decimal | None


@dataclass(frozen=True)
class WeightedScore:
    """An indicator row of the "15分" layout: its weight and the cell of its score."""

    cells: tuple[Cell, ...]
    weight: Decimal
    score: Decimal
    score_cell: Cell


@dataclass(frozen=True)
class FundRow:
    """全年预算数(A), 全年执行数(B) and the stated 执行率, each as (value, decimals), with their texts."""

    cells: tuple[Cell, ...]
    budget: tuple[Decimal, int]
    spent: tuple[Decimal, int]
    rate: tuple[Decimal, int]
    texts: tuple[str, str, str]
    rate_cell: Cell
    names: tuple[str, str, str] = ("全年预算数", "全年执行数", "执行率")  # how the table's header names the three


@dataclass(frozen=True)
class FundLine:
    """One amount of a department-wide table: 资金总额, 项目支出, 基本支出 or 其他资金, as stated."""

    value: Decimal
    decimals: int
    text: str
    cell: Cell
    row: tuple[Cell, ...]


@dataclass(frozen=True)
class DeptFunds:
    """The 年度预算安排 of a department-wide performance table (部门整体支出绩效目标表): its amounts by
    name (total, project, basic, other) and the unit its label states (None: not stated)."""

    title: str
    unit: str | None
    lines: dict[str, FundLine]


@dataclass(frozen=True)
class ShareTarget:
    """An indicator whose value is a share of a whole (满意度, 合格率 …) with its target in percent."""

    name: str
    sign: str  # the comparison in front of the figure (≥, =, ≤ …), "" when none
    value: Decimal
    text: str
    cell: Cell
    row: tuple[Cell, ...]


@dataclass(frozen=True)
class PerformanceTables:
    indicators: tuple[Indicator, ...]
    weighted: tuple[WeightedScore, ...]
    funds: tuple[FundRow, ...]
    dept_funds: tuple[DeptFunds, ...] = ()
    share_targets: tuple[ShareTarget, ...] = ()


@dataclass(frozen=True)
class _Words:
    natures: frozenset[str]
    fields: dict[str, tuple[str, ...]]
    nature_header: str
    weight_header: str
    score_header: str
    indicator_headers: frozenset[str]
    budget_header: str
    spent_header: str
    rate_header: str
    weight_cell: re.Pattern[str]
    money_units: tuple[str, ...]
    at_least: tuple[str, ...]  # 指标方向 words of a target to reach (大于), to equal (等于), a cap (小于)
    equal: tuple[str, ...]
    at_most: tuple[str, ...]
    nature_order: tuple[str, ...]  # 正向, 反向, … as listed: the first is forward, the second reverse
    total_subheaders: frozenset[str] = frozenset()  # 总额 under 全年预算数 in a two-level fund header
    at_most_signs: frozenset[str] = frozenset()  # the signs of a target that is a cap (≤, 不超过)
    other_rates: tuple[tuple[str, str, str], ...] = ()  # (预算数, 决算数, 完成率) beside (全年预算数, 全年执行数, 执行率)

    def rate_headers(self, texts: list[str]) -> tuple[str, str, str] | None:
        """The (budget, spent, rate) words a header row names, the self-evaluation's first."""
        for trio in ((self.budget_header, self.spent_header, self.rate_header), *self.other_rates):
            if any(trio[0] in t for t in texts) and any(trio[1] in t for t in texts) and any(trio[2] in t for t in texts):
                return trio
        return None

    def missed(self, r: Indicator) -> bool | None:
        """Did the row miss its target (正向 below it) or exceed its cap (反向 above it)? None when it
        cannot be told (a number missing, a 定性 indicator)."""
        if r.target is None or r.actual is None:
            return None
        if r.nature == self.nature_order[0]:
            return (any(w in r.direction for w in self.at_least) or r.direction in self.equal) and r.actual < r.target
        if r.nature == self.nature_order[1]:
            return any(w in r.direction for w in self.at_most) and r.actual > r.target
        return None


@lru_cache(maxsize=1)
def _words() -> _Words:
    d = load_yaml("tables.yaml")["performance"]
    return _Words(frozenset(d["natures"]), {k: tuple(v) for k, v in d["fields"].items()}, d["nature_header"],
                  d["weight_header"], d["score_header"], frozenset(d["indicator_headers"]), d["budget_header"],
                  d["spent_header"], d["rate_header"], re.compile(d["weight_cell"]), tuple(d["money_units"]),
                  tuple(d["direction_at_least"]), tuple(d["direction_equal"]), tuple(d["direction_at_most"]),
                  tuple(d["natures"]), frozenset(d.get("fund_total_subheaders", ())),
                  frozenset(d.get("target_cap_signs", ())),
                  tuple((a, b, r) for a, b, r in d.get("other_rate_headers", ())))


def performance_words() -> _Words:
    """The performance tables' words (knowledge/tables.yaml `performance`), loaded once."""
    return _words()


def read_performance(blocks: list[Block]) -> PerformanceTables:
    return PerformanceTables(tuple(_indicators(blocks)), tuple(_weighted(blocks)), tuple(_funds(blocks)),
                             tuple(_dept_funds(blocks)), tuple(_share_targets(blocks)))


class _DeptWords(NamedTuple):
    title: re.Pattern[str]
    names: dict[str, frozenset[str]]  # fund -> the labels that name it
    unit: re.Pattern[str]
    share: re.Pattern[str]  # indicators that are shares of a whole
    target: re.Pattern[str]
    lead: re.Pattern[str]  # the group and numbering before a fund's label
    actual: re.Pattern[str]  # the header of the column of what was spent (全年执行数), in a self-evaluation
    unit_line: re.Pattern[str]  # 单位：万元 on a line of its own above the table
    tail: re.Pattern[str]  # the unit after a fund's label: 部门预算总额（万元）


@lru_cache(maxsize=1)
def _dept_words() -> _DeptWords:
    d = load_yaml("tables.yaml")["performance"]
    signs = "|".join(re.escape(s) for s in d["target_signs"])
    target = re.compile(rf"^({signs})?(\d+(?:\.\d+)?)[%％]$")
    return _DeptWords(re.compile(d["dept_title"]), {k: frozenset(v) for k, v in d["dept_funds"].items()},
                      re.compile(d["dept_unit"]), re.compile(d["share_indicators"]), target,
                      re.compile(d["dept_label_lead"]), re.compile(d["dept_actual_header"]),
                      re.compile(d["dept_unit_line"]), re.compile(d["dept_label_tail"]))


def _dept_funds(blocks: list[Block]) -> Iterator[DeptFunds]:
    """The amounts of each table under a title that says 整体 (the paragraphs just above the table, or
    the table's own first rows), read as a label cell followed by an amount cell."""
    w = _dept_words()
    title_re, names, unit_re, lead = w.title, w.names, w.unit, w.lead
    title = ""
    above: str | None = None  # the unit a line between the title and the table states (单位：万元)
    for block in blocks:
        if block.kind != "table":
            text = clean_text(block.text).replace(" ", "")
            if len(text) > 40:
                title = ""  # a sentence, even one on the self-evaluation ("部门整体支出绩效自评:全年预算数…。"), is no title
            elif title_re.search(text):
                title, above = text, None
            if (um := w.unit_line.search(text)) is not None:
                above = um.group(1)
            continue
        lines: dict[str, FundLine] = {}
        unit: str | None = None
        own = title
        spent: int | None = None  # the 全年执行数 column of a self-evaluation (全年预算数 | 全年执行数 | 执行率)
        grid, origin = to_grid(block.rows)
        for cells, starts in zip(grid, origin, strict=True):
            # Cells by column, a merged cell once (项目资金（万元） spanning the rows of 年度资金总额 … leaves the
            # row's first cell to the column it spans, so the 全年执行数 column is the same in every row).
            row = [c if start else None for c, start in zip(cells, starts, strict=True)]
            texts = _texts(row)
            if spent is None and not lines:
                spent = next((j for j, t in enumerate(texts) if w.actual.search(t)), None)
            if not own and any(title_re.search(t) for t in texts):
                own = next(t for t in texts if title_re.search(t))
            if not lines and (um := w.unit_line.search("".join(texts).replace(" ", ""))) is not None:
                above = um.group(1)  # the table's caption row, read with its table (a worksheet's used range)
            for i, t in enumerate(texts[:-1]):
                um = unit_re.search(t)
                if um and unit is None:
                    unit = um.group(1)
                bare = w.tail.sub("", t)
                name = next((k for k, v in names.items() if bare in v or lead.sub("", bare) in v), None)
                # A final's self-evaluation states the year's spending under its own header: that is the
                # figure of the 决算 tables, not the 全年预算数 printed first.
                after = next((j for j in range(i + 1, len(texts)) if texts[j]), i + 1)  # past the label's span
                at = spent if spent is not None and spent >= after and spent < len(texts) else after
                n = parse_number(texts[at]) if name else None
                cell = row[at] if at < len(row) else None
                if name and n is not None and cell is not None and name not in lines:
                    lines[name] = FundLine(n[0], n[1], texts[at], cell, tuple(c for c in row if c is not None))
        if own and "total" in lines:
            yield DeptFunds(own, unit or above, lines)
        title, above = "", None


def _share_targets(blocks: list[Block]) -> Iterator[ShareTarget]:
    """Indicator rows of performance tables whose name is a share of a whole, with the percentage in the
    cell right after the name (the target: 年度指标值 / 目标值)."""
    share, target = _dept_words().share, _dept_words().target
    for block in blocks:
        if block.kind != "table":
            continue
        for row in block.rows:
            texts = _texts(row)
            for i in range(len(texts) - 2, -1, -1):
                if not share.search(texts[i]) or parse_number(texts[i].rstrip("%")) is not None:
                    continue
                m = target.match(texts[i + 1])
                if m:
                    yield ShareTarget(texts[i], m.group(1) or "", Decimal(m.group(2)), texts[i + 1], row[i + 1],
                                      tuple(row))
                break


def _texts(row: list[Cell] | list[Cell | None]) -> list[str]:
    """The cells' texts without spaces; "" for a column a merged cell covers (None)."""
    return [clean_text(c.text).replace(" ", "") if c is not None else "" for c in row]


def _num(text: str) -> Decimal | None:
    n = parse_number(text.rstrip("%"))
    return n[0] if n else None


def _offsets(texts: list[str]) -> dict[str, int] | None:
    w = _words()
    if w.nature_header not in texts or w.weight_header not in texts or w.score_header not in texts:
        return None
    anchor = texts.index(w.nature_header)
    out = {}
    for name, options in w.fields.items():
        idx = next((i for i, t in enumerate(texts) if t in options), None)
        if idx is not None:
            out[name] = idx - anchor
    return out if {"weight", "score"} <= out.keys() else None


def _indicators(blocks: list[Block]) -> Iterator[Indicator]:
    offsets: dict[str, int] | None = None
    for block in blocks:
        if block.kind != "table":
            if len(block.text.strip()) > 40:
                offsets = None
            continue
        for row in block.rows:
            texts = _texts(row)
            header = _offsets(texts)
            if header is not None:
                offsets = header
                continue
            if offsets is None:
                continue
            anchor = next((i for i, t in enumerate(texts) if t in _words().natures), None)
            if anchor is None:
                continue
            at = {name: texts[anchor + off] if 0 <= anchor + off < len(texts) else "" for name, off in offsets.items()}
            yield Indicator(tuple(row), texts[anchor], at.get("direction", ""), _num(at.get("target", "")),
                            _num(at.get("actual", "")), _num(at.get("weight", "")), _num(at.get("score", "")))


def _weighted(blocks: list[Block]) -> Iterator[WeightedScore]:
    w = _words()
    header: list[str] | None = None
    for block in blocks:
        if block.kind != "table":
            if len(block.text.strip()) > 40:
                header = None
            continue
        for row in block.rows:
            texts = _texts(row)
            if w.weight_header in texts and w.score_header in texts and w.nature_header not in texts:
                header = texts
                continue
            if header is None:
                continue
            idx = next((i for i, t in enumerate(texts) if w.weight_cell.match(t)), None)
            if idx is None and len(texts) == len(header):
                # A row a project (项目 | 全年预算数 | … | 分值 | 得分): the weight a bare number under 分值.
                idx = header.index(w.weight_header) if parse_number(texts[header.index(w.weight_header)]) else None
            if idx is None:
                continue
            j = header.index(w.score_header) + idx - header.index(w.weight_header)
            score = parse_number(texts[j]) if 0 <= j < len(row) else None
            bare = w.weight_cell.match(texts[idx])
            weight = Decimal(bare.group(1)) if bare else parse_number(texts[idx])[0]  # type: ignore[index]
            if score is not None:
                yield WeightedScore(tuple(row), weight, score[0], row[j])


def _sub_columns(header: list[Cell], sub: list[Cell], trio: tuple[str, str, str]) -> dict[str, int] | None:
    """Grid columns of A, B and the rate under a two-level header: each top cell's total sub-column
    (全年预算数 › 总额), or the top cell itself when nothing is under it. None if one is not found."""
    w = _words()
    out: dict[str, int] = {}
    texts = [clean_text(c.text) for c in header]
    for name, i in _trio_columns(texts, trio).items():
        if i is None:
            return None
        top = header[i]
        under = [c for c in sub if top.col <= c.col < top.col + top.colspan and clean_text(c.text)]
        total = [c for c in under if clean_text(c.text).replace(" ", "") in w.total_subheaders]
        out[name] = (total or under or [top])[0].col
    return out


@lru_cache(maxsize=1)
def _rate_formula() -> re.Pattern[str]:
    return re.compile(load_yaml("tables.yaml")["performance"]["rate_formula"])


def _trio_columns(header: list[str], trio: tuple[str, str, str]) -> dict[str, int | None]:
    """The header's columns of A, B and the rate (None: not found): the first header naming each, the rate's
    never A or B (完成率（决算数/全年预算数）% names 决算数 too), and A and B the columns the rate's header names as
    its formula where it has a column of each name (全年预算数, not the 年初预算数 before it)."""
    cols = {name: next((i for i, t in enumerate(header) if key in t and (name == "rate" or trio[2] not in t)), None)
            for name, key in zip(("a", "b", "rate"), trio, strict=True)}
    found = _rate_formula().search(header[cols["rate"]]) if cols["rate"] is not None else None
    if found is not None:
        named = {name: next((i for i, t in enumerate(header) if i != cols["rate"] and t.strip() == found.group(name)),
                            None) for name in ("a", "b")}
        if None not in named.values():
            cols.update(named)
    return cols


def _by_col(row: list[Cell], cols: dict[str, int]) -> dict[str, int] | None:
    idx = {c.col: i for i, c in enumerate(row)}
    out = {name: idx.get(col, -1) for name, col in cols.items()}
    return out if all(i >= 0 for i in out.values()) else None


def _funds(blocks: list[Block]) -> Iterator[FundRow]:
    w = _words()
    for block in blocks:
        if block.kind != "table":
            continue
        header: list[str] | None = None
        header_cells: list[Cell] = []
        sub_cols: dict[str, int] | None = None
        trio = (w.budget_header, w.spent_header, w.rate_header)
        for row in block.rows:
            texts = _texts(row)
            named = w.rate_headers(texts)
            if named is not None and named[0] != w.budget_header and any(c.colspan > 1 for c in row):
                named = None  # 预算数 | 决算数(合计 | 基本支出 …) | 完成率: a header over sub-columns, not three columns
            if named is not None or (any(w.budget_header in t for t in texts) and any(w.rate_header in t for t in texts)):
                header, header_cells, sub_cols = texts, row, None
                trio = named or (w.budget_header, w.spent_header, w.rate_header)
                continue
            if header is not None and any(t in w.indicator_headers for t in texts):
                header = None  # the indicator section's own header: 分值/得分 below it are points, not rates
            if header is None or len(row) < 3:
                continue
            if row is not header_cells and header_cells and not any(parse_number(t.rstrip("%")) for t in texts if t) \
                    and any(t in w.total_subheaders for t in texts):
                # The header's second row (总额 | 财政拨款 | 其他资金 under 全年预算数 and 全年执行数):
                # the rows below are read by grid column, not aligned on their right edge.
                sub_cols = _sub_columns(header_cells, row, trio)
                header_cells = []
                continue
            if sub_cols is not None:
                found = _by_col(row, sub_cols)
                if found is None:
                    continue
                yield from _fund_row(row, texts, found, trio)
                continue
            if trio[0] != w.budget_header and len(texts) != len(header):
                continue  # a 三公 table's 预算数 | 决算数 | 完成率 are read only in rows of as many cells
            shift = len(texts) - len(header)  # rows and header are aligned on their right edge
            cols = {name: -1 if i is None else i + shift for name, i in _trio_columns(header, trio).items()}
            if not all(0 <= i < len(texts) for i in cols.values()):
                continue
            yield from _fund_row(row, texts, cols, trio)


def _fund_row(row: list[Cell], texts: list[str], cols: dict[str, int], names: tuple[str, str, str]) -> Iterator[FundRow]:
    if is_numbering_row(list(row)):
        return  # 栏次 | 1 | 2 | 3: the columns' numbers, not amounts
    budget, spent = _amount(texts[cols["a"]]), _amount(texts[cols["b"]])
    rate = parse_number(texts[cols["rate"]].rstrip("%"))
    if budget is None or spent is None or rate is None:
        return
    yield FundRow(tuple(row), budget, spent, rate,
                  (texts[cols["a"]], texts[cols["b"]], texts[cols["rate"]]), row[cols["rate"]], names)


def _amount(text: str) -> tuple[Decimal, int] | None:
    for unit in _words().money_units:
        text = text.replace(unit, "")
    return parse_number(text)
