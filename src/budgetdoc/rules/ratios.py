"""This year's level as a ratio of last year's: "为上年的118.76%", "是上年的1.5倍", "增长2.7倍".

A ratio is a growth rate plus 100, so it is held against the same figures a growth rate is (rules.claims):
the change its sentence states with this year's level, the two levels the sentence states, or the 上年 column
of the table row stating this year's figure. "增长N倍" is read both ways, as writers use it: the growth is
N × 100%, or this year is N times last year's; it is wrong only when neither holds."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..extract import Mention, multiple_mentions
from ..model import Evidence, Finding
from ..verify import Candidate, decide
from ..verify.search import growth_reading, of_mention
from .base import RuleContext, evidence, fmt_pct, rule
from .claims import _change_for, _growth_readings, _levels_rate, cell_evidence, line_first, table_levels
from .wording import _level_stated_before

HUNDRED = Decimal(100)


@rule("prior-ratio", "arithmetic", "error", "与上年之比与金额不符",
      "“为上年的X%”“是上年的N倍”即本年数 ÷ 上年数；“增长N倍”按增长N×100%或为上年的N倍两种读法，两种都不符才报告。"
      "例：本年346.76万元、上年294.09万元，应为上年的117.91%；本年2,020.47万元、上年808.19万元，应为增长1.5倍（为上年的2.5倍）。",
      rationale="与上年对比是情况说明的规定内容；以倍数或百分比表述时，其基数同样是上年数。",
      last_digit=True)
def check_prior_ratio(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    previous_first: list[Mention] = []
    for line, ms in a.mentions:
        stated = [m for m in ms if m.cue == "ratio"] + multiple_mentions(line, a.knowledge)
        for m in stated:
            yield from _judge(ctx, ms, m, previous_first)
        first = line_first(ms)
        if first is not None:
            previous_first = [first]


def _growths(m: Mention) -> list[Decimal]:
    """The growth rates (in %) the statement may mean: 为上年的118% is +18%; 增长2倍 is +200%, or +100%."""
    if m.cue == "ratio":
        return [m.value - HUNDRED]
    return [m.value, m.value - HUNDRED]


def _readings(ctx: RuleContext, ms: list[Mention], m: Mention,
              previous_first: list[Mention]) -> tuple[list[Candidate], list[Evidence]]:
    """The growth this year's and last year's figures give, as growth-rate readings (the change the sentence
    states before the ratio, else the two levels it states or last year's with this year's stated before, else
    the 上年 cell of this year's table row), and the table cell read as evidence."""
    a = ctx.analysis
    change = _change_for(ms, m, a.knowledge.claims)
    if change is not None:
        if m.cue == "times" and change.direction < 0:
            return [], []  # 减少…增长N倍: the words disagree (change-direction's to say)
        return [r.candidate for r in _growth_readings(a, ms, m, change, change.direction or 1, previous_first)], []
    # Both levels in the sentence, or last year's in it and this year's stated once before ("收入总计64240.48万元。
    # 收入总计上年为44521.22万元，为上年的144.29%").
    found = _levels_rate(ms, m) or _level_stated_before(ctx, ms, m)
    if found is not None:
        cur, prev, _rate = found
        return [growth_reading(of_mention(cur, "本年数"), of_mention(prev, "上年数"), certain=True)], []
    in_table = table_levels(a, ms, m)
    if in_table is not None:
        cur, base, _rate = in_table
        return [growth_reading(of_mention(cur, "本年数"), base, certain=True)], cell_evidence(base)
    return [], []


def _judge(ctx: RuleContext, ms: list[Mention], m: Mention, previous_first: list[Mention]) -> Iterator[Finding]:
    cands, cells = _readings(ctx, ms, m, previous_first)
    if not cands:
        ctx.unverified(m, "句中没有增减额或上年数，表中也没有该项的上年数")
        return
    decisions = [decide(g, m.decimals, cands) for g in _growths(m)]
    held = next((d for d in decisions if d.status == "verified"), None)
    if held is not None:
        ctx.verified(m, held.reading)
        return
    d = decisions[0]
    if any(x.status != "contradicted" for x in decisions) or d.candidate is None or d.candidate.point is None:
        ctx.unverified(m, d.reason or "", d.reading)
        return
    figures = "、".join(f"{f.role}{f.stated}" for f in d.candidate.reading.figures)
    expected = _expected(m, d.candidate.point)
    said = f"{m.cue_text}{m.stated.strip()}"
    yield ctx.report(f"与上年之比计算不符：按{figures}，{expected}，文中为“{said}”。",
                     [evidence(m), *cells], stated=m.stated.strip(),
                     expected=expected, slip=d.miss == "slip", claim=m, reading=d.reading)


def _expected(m: Mention, growth: Decimal) -> str:
    """The statement as the figures make it (`growth`: the growth they give, in %): 为上年的117.91%, or 增长1.5倍
    （为上年的2.5倍）."""
    if not m.stated.strip().endswith("倍"):
        return f"本年为上年的{fmt_pct(growth + HUNDRED, m.decimals)}"
    q = Decimal(1).scaleb(-max(m.decimals + 2, 1))
    times = ((growth + HUNDRED) / HUNDRED).quantize(q)
    if m.cue == "ratio":
        return f"本年为上年的{times}倍"
    return f"应增长{(growth / HUNDRED).quantize(q)}倍（本年为上年的{times}倍）"

