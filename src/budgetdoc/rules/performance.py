"""Performance tables: in self-evaluation tables (绩效自评表) a score above its weight, and full marks for a
target that was missed (正向 below the target) or a cap that was exceeded (反向 above the cap); in target
tables (绩效目标表) the department-wide table's budget against the budget tables, and a share's target
above 100%."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..amount import MONEY_SCALE
from ..analysis import Analysis
from ..extract.mentions import list_end
from ..extract.performance import DeptFunds, FundLine, performance_words
from ..interval import Interval
from ..model import Cell, Evidence, Finding, Reading
from ..verify import Candidate, decide
from ..verify.search import Source, of_cell, statements, sum_reading
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
      "绩效自评表中“执行率 = 全年执行数(B) ÷ 全年预算数(A)”，决算“三公”经费表中“完成率 = 决算数 ÷ 预算数”。"
      "例：A、B均为176万元，执行率应为100%，表中填10%。",
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
        a_name, b_name, rate_name = r.names
        yield ctx.report(f"{rate_name}应为{b_name}{b_text} ÷ {a_name}{a_text} = {point}%，表中为{rate_text}。",
                         [Evidence(_quote(r.cells), r.rate_cell.loc)], stated=rate_text, expected=f"{point}%")


# What each amount of a department-wide table is held against: the quantities of the budget tables it
# states (in any funding scope), by the table's own names.
_DEPT_KEYS: dict[str, tuple[str, ...]] = {
    "total": ("expense.total", "expense.current_year", "income.total", "income.current_year"),
    "basic": ("expense.basic",),
    "project": ("expense.project",),
}
_DEPT_NAMES = {"total": "资金总额", "basic": "基本支出", "project": "项目支出"}
_SCALES = {u: MONEY_SCALE[u] for u in ("万元", "千元", "元")}


def _cell_sources(a: Analysis) -> list[Source]:
    """Every amount cell of the document's tables, in yuan (a unit's or a scope's figure among them), but
    the performance tables' own: a figure there cannot bear itself out."""
    return [of_cell(t, v, row.name or "表中数") for t in a.tables if t.type != "performance"
            for row in t.rows for v in row.values.values()]


def _dept_readings(a: Analysis, what: str, cells: list[Source]) -> tuple[list[Candidate], bool]:
    """The statements of the quantity (text and tables, every scope), the sums 基本 + 项目 of one scope
    for the total, then any table cell; certain when a budget table states the quantity."""
    srcs = [s for key in _DEPT_KEYS[what] for s in statements(a, key, a.name(key), other_scopes=True)]
    k = a.knowledge
    certain = any(k.base_key(f.key) in _DEPT_KEYS[what] for f in a.table_facts)
    cands = [Candidate(s.yuan, Reading(f"{s.figure.role}{s.stated}", (s.figure,)), certain, s.value_yuan)
             for s in srcs]
    if what == "total":
        for scope in ("", *k.scope_prefixes):
            basic = statements(a, scope + "expense.basic", "基本支出")
            project = statements(a, scope + "expense.project", "项目支出")
            if basic and project:
                cands.append(sum_reading([basic[0], project[0]], ""))
    cands += [Candidate(c.yuan, Reading(f"表中{c.figure.role}{c.stated}", (c.figure,)), False, c.value_yuan)
              for c in cells]
    return cands, certain


@rule("performance-dept-funds", "performance", "error", "整体绩效目标表的资金与预算表不符",
      "部门整体支出绩效目标表的年度预算安排（资金总额、基本支出、项目支出）应与部门预算表的收支总额、基本支出、"
      "项目支出一致（任一资金口径）；表中列出资金来源（财政性资金、其他资金）的，两项之和应等于资金总额。"
      "例：资金总额81562.56万元、基本支出52047.74万元，而支出总表合计81206.56万元、基本支出51691.74万元。",
      rationale="部门整体支出绩效目标覆盖部门全部预算资金：资金总额 = 部门预算支出总额，基本支出、项目支出与支出总表相同。"
                "文中或表中任一口径（全部资金、财政拨款、一般公共预算，或某一单位）有相同数字的即认为相符；"
                "预算表未列该数时不作判断。")
def check_dept_funds(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    cells = _cell_sources(a)
    for d in a.performance.dept_funds:
        scales = [_SCALES[d.unit]] if d.unit in _SCALES else list(_SCALES.values())
        wrong: list[tuple[str, FundLine, Candidate]] = []
        for what in ("total", "basic", "project"):
            line = d.lines.get(what)
            if line is None:
                continue
            cands, certain = _dept_readings(a, what, cells)
            decisions = [decide(line.value * s, line.decimals - s.adjusted(), cands) for s in scales]
            if not certain or any(x.status != "contradicted" for x in decisions):
                continue
            binding = decisions[0].candidate
            if binding is not None and binding.point is not None:
                wrong.append((what, line, binding))
        if not wrong:
            yield from _sources_add_up(ctx, d)
            continue
        scale = scales[0]
        unit = d.unit or ""
        parts = [f"{_DEPT_NAMES[w]}{line.text}{unit}，预算表为{_fmt(binding.point / scale, line.decimals)}{unit}"
                 f"（{binding.reading.text.replace(' ', '')}）" for w, line, binding in wrong]
        first = wrong[0][1]
        rows = {id(ln.row): ln for ln in d.lines.values()}
        quotes = [Evidence(_quote(ln.row), ln.cell.loc) for ln in rows.values()]
        yield ctx.report(f"{d.title}的年度预算安排与部门预算表不符：" + "；".join(parts) + "。",
                         quotes, stated=first.text, expected=_fmt(wrong[0][2].point / scale, first.decimals))  # type: ignore[operator]
    _verify_target_funds(ctx)


def _sources_add_up(ctx: RuleContext, d: DeptFunds) -> Iterator[Finding]:
    """资金来源 printed as 财政性资金 and 其他资金 (the rest) under 资金总额: the two make the whole, whatever the
    budget tables say (部门预算总额 1,018.98 = 财政性资金 988.96 + 其他资金 30.02, printed 98.96)."""
    total, fiscal, other = (d.lines.get(k) for k in ("total", "fiscal", "other"))
    if total is None or fiscal is None or other is None:
        return
    parts = Interval.stated(fiscal.value, fiscal.decimals) + Interval.stated(other.value, other.decimals)
    if Interval.stated(total.value, total.decimals).overlaps(parts):
        return
    quotes = [Evidence(_quote(x.row), x.cell.loc) for x in (total, fiscal, other)]
    yield ctx.report(f"{d.title}的资金来源之和与资金总额不符：财政性资金{fiscal.text} + 其他资金{other.text} = "
                     f"{_fmt(parts.mid, total.decimals)}，资金总额为{total.text}。",
                     quotes, stated=total.text, expected=_fmt(parts.mid, total.decimals))


def _fmt(x: Decimal, decimals: int) -> str:
    return str(x.quantize(Decimal(1).scaleb(-decimals)))


def _verify_target_funds(ctx: RuleContext) -> None:
    """The amount a sentence gives the projects under performance targets is verified where it is the
    项目支出 of a funding scope or a project table's 合计; which projects it covers varies (all, or the
    运转类 and 特定目标类 only), so one that matches neither is left unverified, never an error."""
    a = ctx.analysis
    cue = a.knowledge.patterns["performance_funds"]
    srcs = statements(a, "expense.project", "项目支出", other_scopes=True, text=False)
    for t in a.tables:
        if t.type == "project":
            srcs += [of_cell(t, v, f"项目表{row.name or '合计'}") for row in t.rows if row.is_total
                     for v in row.values.values()]
    if not srcs:
        return
    for line, ms in a.mentions:
        text = line.norm.text
        for c in cue.finditer(text):
            end = list_end(text, c.end())
            for m in ms:
                if m.is_percent or m.is_change or not c.start() <= m.start < end:
                    continue
                hit = next((s for s in srcs if s.yuan.overlaps(m.yuan)), None)
                if hit is not None:
                    ctx.verified(m, Reading(f"与{hit.figure.role}{hit.stated}一致", (hit.figure,)))


@rule("performance-share-target", "performance", "error", "占比类指标的目标值超过100%",
      "满意度、合格率、覆盖率等是部分占全体的比例，目标值不可能超过100%。例：群众满意度≥1100%、验收合格率=1100%。",
      rationale="比例类指标（满意度、合格率、达标率、覆盖率、知晓率、及时率……）= 部分 ÷ 全体 ≤ 100%；"
                "目标值超过100%无法实现（上限“≤1100%”总能满足，只作提示），多为“100%”误写。增长率、完成率、执行率等可超过100%，不在此列。")
def check_share_target(ctx: RuleContext) -> Iterator[Finding]:
    caps = performance_words().at_most_signs
    for t in ctx.analysis.performance.share_targets:
        if t.value <= 100:
            continue
        # A cap above 100% (≤1100%) is always met: meaningless, not false — a warning.
        cap = t.sign in caps
        # The indicator stays in the quote, not in the message: the same typo (1100% for 100%) in several
        # indicators is one thing to fix, reported once with all its places.
        yield ctx.report(f"比例类指标（满意度、合格率等）的目标值{t.value.normalize():f}%超过100%"
                         + ("，这一上限没有意义" if cap else "，无法实现") + "。",
                         [Evidence(_quote(t.row), t.cell.loc)], stated=f"{t.value.normalize():f}%", expected="≤100%",
                         severity="warning" if cap else None)
