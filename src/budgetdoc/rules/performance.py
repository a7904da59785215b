"""Performance self-evaluation tables (绩效自评表): a score above its weight, and full marks for a
target that was missed (正向 below the target) or a cap that was exceeded (反向 above the cap)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..extract.tables import clean_text, parse_number
from ..interval import Interval
from ..model import Block, Cell, Evidence, Finding
from .base import RuleContext, rule

_NATURE = {"正向", "反向", "定性", "定量"}
# Headers of a self-evaluation's indicator section (年度指标值 | 实际完成值 | 分值 | 得分).
_INDICATOR_HEADERS = {"一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "指标性质"}
# Columns read relative to the 指标性质 column, named as the header row names them.
_FIELDS = {"direction": ("指标方向",), "target": ("年度指标值", "预期指标值", "指标值"),
           "actual": ("实际完成值", "实际完成指标值", "实际值"), "weight": ("分值",), "score": ("得分",)}


def _offsets(header: list[Cell]) -> dict[str, int] | None:
    texts = [clean_text(c.text).replace(" ", "") for c in header]
    if "指标性质" not in texts or "分值" not in texts or "得分" not in texts:
        return None
    anchor = texts.index("指标性质")
    out = {}
    for name, options in _FIELDS.items():
        idx = next((i for i, t in enumerate(texts) if t in options), None)
        if idx is not None:
            out[name] = idx - anchor
    return out if {"weight", "score"} <= out.keys() else None


def _rows(blocks: list[Block]) -> Iterator[tuple[list[Cell], dict[str, str]]]:
    """Indicator rows of every performance table. A table cut by page breaks continues in the next
    table blocks without its header: the header read last applies until prose intervenes."""
    offsets: dict[str, int] | None = None
    for block in blocks:
        if block.kind != "table":
            if len(block.text.strip()) > 40:
                offsets = None
            continue
        for row in block.rows:
            header = _offsets(row)
            if header is not None:
                offsets = header
            elif offsets is not None:
                values = _indicator(row, offsets)
                if values is not None:
                    yield row, values


def _indicator(row: list[Cell], offsets: dict[str, int]) -> dict[str, str] | None:
    texts = [clean_text(c.text).replace(" ", "") for c in row]
    anchor = next((i for i, t in enumerate(texts) if t in _NATURE), None)
    if anchor is None:
        return None
    values = {"nature": texts[anchor]}
    for name, off in offsets.items():
        j = anchor + off
        values[name] = texts[j] if 0 <= j < len(texts) else ""
    return values


def _num(text: str) -> Decimal | None:
    n = parse_number(text.rstrip("%"))
    return n[0] if n else None


def _quote(row: list[Cell]) -> str:
    return " | ".join(c.text.strip() for c in row if c.text.strip())


@rule("performance-score", "performance", "error", "绩效得分超过分值",
      "绩效自评表中每项指标的得分不能超过其分值。例：分值15分的数量指标得分30分。",
      rationale="项目支出绩效自评表：各指标得分不超过分值，总分为各项得分之和（满分100）。")
def check_scores(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    # Two layouts: a 指标性质 column to align on, or the weight written "15分" (one cell per line).
    rows = [(row, _num(v.get("weight", "")), _num(v.get("score", "")), row[0]) for row, v in _rows(a.doc.blocks)]
    rows += [(row, weight, _num(cell.text), cell) for row, weight, cell in _score_rows(a.doc.blocks)]
    for row, weight, score, cell in rows:
        if weight is not None and score is not None and score > weight:
            yield ctx.report(f"指标得分{score}超过分值{weight}。",
                          [Evidence(_quote(row), cell.loc)], stated=str(score), expected=f"≤{weight}")


@rule("performance-full-marks", "performance", "warning", "未完成目标却得满分",
      "正向指标实际值低于目标值、反向指标实际值超过上限时，不应得满分。例：目标123台，实际105台，得分0.29（满分0.29）。",
      rationale="绩效自评按指标完成程度计分：未完成正向指标或超出反向指标上限应扣分并说明原因，满分意味着目标已完成。")
def check_full_marks(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for row, v in _rows(a.doc.blocks):
        weight, score = _num(v.get("weight", "")), _num(v.get("score", ""))
        target, actual = _num(v.get("target", "")), _num(v.get("actual", ""))
        if None in (weight, score, target, actual) or score != weight or weight == 0:
            continue
        direction = v.get("direction", "")
        missed = (v["nature"] == "正向" and "大于" in direction and actual < target) or \
            (v["nature"] == "正向" and direction in ("等于", "=") and actual < target) or \
            (v["nature"] == "反向" and "小于" in direction and actual > target)  # type: ignore[operator]
        if missed:
            word = "未达到目标值" if v["nature"] == "正向" else "超过上限"
            yield ctx.report(f"指标实际完成值{actual}{word}{target}，却得满分{score}（分值{weight}）。",
                          [Evidence(_quote(row), row[0].loc)], stated=str(score), expected=f"<{weight}")


_WEIGHT = re.compile(r"^(\d+(\.\d+)?)分$")


def _score_rows(blocks: list[Block]) -> Iterator[tuple[list[Cell], Decimal, Cell]]:
    """(row, weight, score cell) for indicator rows that give the weight as "15分" (the layout of
    tables converted one cell per line); the header's 分值/得分 columns are aligned on that cell."""
    header: list[str] | None = None
    for block in blocks:
        if block.kind != "table":
            if len(block.text.strip()) > 40:
                header = None
            continue
        for row in block.rows:
            texts = [clean_text(c.text).replace(" ", "") for c in row]
            if "分值" in texts and "得分" in texts and "指标性质" not in texts:
                header = texts
                continue
            if header is None:
                continue
            idx = next((i for i, t in enumerate(texts) if _WEIGHT.match(t)), None)
            if idx is None:
                continue
            j = header.index("得分") + idx - header.index("分值")
            if 0 <= j < len(row) and parse_number(texts[j]):
                yield row, Decimal(_WEIGHT.match(texts[idx]).group(1)), row[j]  # type: ignore[union-attr]


@rule("performance-rate", "performance", "error", "预算执行率与金额不符",
      "绩效自评表中“执行率 = 全年执行数(B) ÷ 全年预算数(A)”。例：A、B均为176万元，执行率应为100%，表中填10%。",
      rationale="项目支出绩效自评表：预算执行率 = 全年执行数 ÷ 全年预算数 × 100%，按执行率计算该项得分。")
def check_execution_rate(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for block in a.doc.blocks:
        if block.kind != "table":
            continue
        header: list[str] | None = None
        for row in block.rows:
            texts = [clean_text(c.text).replace(" ", "") for c in row]
            if any("全年预算数" in t for t in texts) and any("执行率" in t for t in texts):
                header = texts
                continue
            if header is not None and any(t in _INDICATOR_HEADERS for t in texts):
                header = None  # the indicator section's own header: 分值/得分 below it are points, not rates
            if header is None or len(row) < 3:
                continue
            shift = len(texts) - len(header)  # rows and header are aligned on their right edge
            cols = {name: next((i for i, t in enumerate(header) if key in t), None) + shift  # type: ignore[operator]
                    for name, key in (("a", "全年预算数"), ("b", "全年执行数"), ("rate", "执行率"))}
            if not all(0 <= i < len(texts) for i in cols.values()):
                continue
            budget = _amount(texts[cols["a"]])
            spent = _amount(texts[cols["b"]])
            rate = parse_number(texts[cols["rate"]].rstrip("%"))
            if budget is None or spent is None or rate is None or budget[0] <= 0:
                continue
            expected = Interval.stated(spent[0], spent[1]) / Interval.stated(budget[0], budget[1])
            if expected is None:
                continue
            expected = expected.scale(Decimal(100))
            stated = Interval.stated(rate[0], rate[1])
            if stated.overlaps(expected):
                continue
            point = (spent[0] / budget[0] * 100).quantize(Decimal(1).scaleb(-max(rate[1], 0)))
            cell = row[cols["rate"]]
            yield ctx.report(f"执行率应为全年执行数{texts[cols['b']]} ÷ 全年预算数{texts[cols['a']]} = {point}%，"
                          f"表中为{texts[cols['rate']]}。", [Evidence(_quote(row), cell.loc)],
                          stated=texts[cols["rate"]], expected=f"{point}%")


def _amount(text: str) -> tuple[Decimal, int] | None:
    return parse_number(text.replace("万元", "").replace("元", ""))
