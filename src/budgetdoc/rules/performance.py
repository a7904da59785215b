"""Performance self-evaluation tables (绩效自评表): a score above its weight, and full marks for a
target that was missed (正向 below the target) or a cap that was exceeded (反向 above the cap)."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..extract.performance import performance_words
from ..interval import Interval
from ..model import Cell, Evidence, Finding
from .base import RuleContext, rule


def _quote(row: tuple[Cell, ...]) -> str:
    return " | ".join(c.text.strip() for c in row if c.text.strip())


@rule("performance-score", "performance", "error", "绩效得分超过分值",
      "绩效自评表中每项指标的得分不能超过其分值。例：分值15分的数量指标得分30分。",
      rationale="项目支出绩效自评表：各指标得分不超过分值，总分为各项得分之和（满分100）。")
def check_scores(ctx: RuleContext) -> Iterator[Finding]:
    p = ctx.analysis.performance
    # Two layouts: a 指标性质 column to align on, or the weight written "15分" (one cell per line).
    rows = [(r.cells, r.weight, r.score, r.cells[0]) for r in p.indicators]
    rows += [(r.cells, r.weight, r.score, r.score_cell) for r in p.weighted]
    for cells, weight, score, cell in rows:
        if weight is not None and score is not None and score > weight:
            yield ctx.report(f"指标得分{score}超过分值{weight}。",
                             [Evidence(_quote(cells), cell.loc)], stated=str(score), expected=f"≤{weight}")


@rule("performance-full-marks", "performance", "warning", "未完成目标却得满分",
      "正向指标实际值低于目标值、反向指标实际值超过上限时，不应得满分。例：目标123台，实际105台，得分0.29（满分0.29）。",
      rationale="绩效自评按指标完成程度计分：未完成正向指标或超出反向指标上限应扣分并说明原因，满分意味着目标已完成。")
def check_full_marks(ctx: RuleContext) -> Iterator[Finding]:
    words = performance_words()
    for r in ctx.analysis.performance.indicators:
        if r.weight is None or r.score != r.weight or r.weight == 0 or not words.missed(r):
            continue
        word = "未达到目标值" if r.nature == words.nature_order[0] else "超过上限"
        yield ctx.report(f"指标实际完成值{r.actual}{word}{r.target}，却得满分{r.score}（分值{r.weight}）。",
                         [Evidence(_quote(r.cells), r.cells[0].loc)], stated=str(r.score), expected=f"<{r.weight}")


@rule("performance-rate", "performance", "error", "预算执行率与金额不符",
      "绩效自评表中“执行率 = 全年执行数(B) ÷ 全年预算数(A)”。例：A、B均为176万元，执行率应为100%，表中填10%。",
      rationale="项目支出绩效自评表：预算执行率 = 全年执行数 ÷ 全年预算数 × 100%，按执行率计算该项得分。")
def check_execution_rate(ctx: RuleContext) -> Iterator[Finding]:
    for r in ctx.analysis.performance.funds:
        (budget, bd), (spent, sd), (rate, rd) = r.budget, r.spent, r.rate
        if budget <= 0:
            continue
        expected = Interval.stated(spent, sd) / Interval.stated(budget, bd)
        if expected is None or Interval.stated(rate, rd).overlaps(expected.scale(Decimal(100))):
            continue
        point = (spent / budget * 100).quantize(Decimal(1).scaleb(-max(rd, 0)))
        a_text, b_text, rate_text = r.texts
        yield ctx.report(f"执行率应为全年执行数{b_text} ÷ 全年预算数{a_text} = {point}%，表中为{rate_text}。",
                         [Evidence(_quote(r.cells), r.rate_cell.loc)], stated=rate_text, expected=f"{point}%")
