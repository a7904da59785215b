"""Arithmetic claims in sentences: shares (占), growth rates (增长), completion rates (完成预算的), zero bases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Mention
from ..interval import Interval
from ..knowledge import Knowledge
from ..model import Finding
from .base import (
    RuleContext,
    evidence,
    fmt_pct,
    level_growth,
    miss_severity,
    rule,
)

HUNDRED = Decimal(100)


def _sentence_mentions(ms: list[Mention], m: Mention) -> list[Mention]:
    return [x for x in ms if x.sentence == m.sentence]


def _levels_before(ms: list[Mention], m: Mention, same_sentence: bool = True) -> list[Mention]:
    return [x for x in ms if x.start < m.start and x.is_level
            and (x.sentence == m.sentence or not same_sentence)]


def _first_level(ms: list[Mention], sentence: int) -> Mention | None:
    for x in ms:
        if x.sentence == sentence and x.is_level:
            return x
    return None


def _facts_by_key(a: Analysis) -> dict[str, list[Mention]]:
    out: dict[str, list[Mention]] = {}
    for m in a.all_mentions():
        if m.key and not m.is_percent and not m.is_change:
            out.setdefault(m.key, []).append(m)
    return out


def _pct(x: Interval | None) -> Interval | None:
    return x.scale(HUNDRED) if x is not None else None


def _recent_levels(a: Analysis, pct: Mention, lines_back: int = 3) -> list[Mention]:
    """Level amounts before a percentage in its line and the few lines above it."""
    idx = next(i for i, (ln, _) in enumerate(a.mentions) if ln is pct.line)
    out: list[Mention] = []
    for _ln, ms in a.mentions[max(0, idx - lines_back):idx + 1]:
        out.extend(x for x in ms if (x.line is not pct.line or x.start < pct.start)
                   and x.is_level)
    return out


def _share_candidates(a: Analysis, ms: list[Mention], pct: Mention, part: Mention,
                      by_key: dict[str, list[Mention]]) -> tuple[list[Mention], bool]:
    """Which total the share is of: the one the sentence names (strict), else plausible heads."""
    from ..extract.keys import match_quantity, scope_in, split_role

    k = a.knowledge
    den = pct.den
    if pct.den_amount is not None:
        return [pct.den_amount], True  # 占本年支出合计517.23万元的: the total is stated right there
    if den:
        # The sentence names the total: use exactly that one, or say nothing if it is not found.
        found = match_quantity(den, k)
        if found is None:
            role, rest = split_role(den, k)
            if role == "budget" and not rest:
                budgets = [x for x in _recent_levels(a, pct) if x.role == "budget"]
                return budgets[-1:], True
            return [], True
        key = found.key
        scope = scope_in(den[: found.start], k) if found.scoped else None
        full = f"{scope}.{key}" if scope else key
        if full not in by_key:
            return [], True
        near = [x for x in by_key[full] if x.line is pct.line and x.start < pct.start and x is not part]
        return (near[-1:] or [x for x in by_key[full] if x is not part][:1]), True
    cands: list[Mention] = []
    first = _first_level(ms, part.sentence)
    if first is not None and first is not part:
        cands.append(first)
    if part.sentence > 0:
        prev = _first_level(ms, part.sentence - 1)
        if prev is not None:
            cands.append(prev)
    line_first = next((x for x in ms if not x.is_percent and not x.is_change and not x.share_total), None)
    if line_first is not None and line_first is not part:
        cands.append(line_first)
    head = part.list_head
    if head is not None:
        cands.insert(0, head)
    return cands, False


def _bound(total: Mention, part: Mention, list_opener: Mention | None, siblings: list[Mention]) -> bool:
    """Is the total a share is held against bound with certainty? The head of the list the part is
    an item of (X，其中：A a，占…), also when only an earlier item of the same enumeration was read as
    its item (X，主要用于：A a，占…；B b，占…), or the amount of the line that opened the list (…X万元，具体如下：)."""
    return total is part.list_head or total is list_opener or any(x.list_head is total for x in siblings)


def _share_parts(a: Analysis) -> set[int]:
    """The amounts that are themselves the part of a share claim (the amount just before a 占X%)."""
    out: set[int] = set()
    for _line, ms in a.mentions:
        for pct in ms:
            if pct.cue == "share" and (before := _levels_before(ms, pct)):
                out.add(id(before[-1]))
    return out


@rule("share", "arithmetic", "error", "占比与金额不符",
      "“占X%”必须等于部分金额除以所指总额（按四舍五入区间判断）。例：基本支出319.06万元，占本年支出合计517.23万元的61.7%。",
      rationale="构成比 = 部分 ÷ 总额 × 100%。情况说明按公开模板说明收支结构（如基本支出、项目支出占本年支出合计的比例），所述比例须与所列金额一致。",
      last_digit=True)
def check_shares(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    by_key = _facts_by_key(a)
    shared = _share_parts(a)
    prev_lines_first: Mention | None = None
    for line, ms in a.mentions:
        for pct in ms:
            if pct.cue != "share":
                continue
            before = _levels_before(ms, pct)
            if not before:
                continue
            part = before[-1]
            cands, strict = _share_candidates(a, ms, pct, part, by_key)
            if not strict and prev_lines_first is not None:
                cands.append(prev_lines_first)
            # A guessed total that has a share of its own is a sibling item of the same list
            # ("人员支出X，占a%；公用支出Y，占b%"), never the total the share is of.
            cands = [c for c in cands if strict or (c is not part and id(c) not in shared)]
            if not cands:
                continue
            results = []
            for c in cands:
                if c.yuan.contains_zero():
                    continue  # a zero cannot be the total of this part
                ratio = _pct(part.yuan / c.yuan)
                results.append((c, ratio, miss_severity(pct, ratio)))
            if not results or any(sev is None for _, _, sev in results):
                continue
            c, ratio, sev = results[0]
            expected = fmt_pct(part.value_yuan / c.value_yuan * HUNDRED, pct.decimals)
            msg = f"占比计算不符：{part.stated.strip()} ÷ {c.stated.strip()} = {expected}，文中为{pct.stated.strip()}。"
            siblings = [x for x in ms if x.start < part.start and id(x) in shared]
            if not (strict or _bound(c, part, prev_lines_first, siblings)):
                # The total was guessed (the first amount of the sentence or line before): the share
                # may be of another total the text does not name. Not certain enough for an error.
                yield ctx.report(msg + "（文中未写明基数，请核对所指总额）", [evidence(pct)], stated=pct.stated.strip(),
                                 expected=expected, severity="warning")
                continue
            yield ctx.report(msg, [evidence(pct)], stated=pct.stated.strip(), expected=expected, slip=sev == "slip")
        first = next((x for x in ms if not x.is_percent and not x.is_change and not x.share_total), None)
        if first is not None and line.block.text.rstrip().endswith((":", "：")):
            prev_lines_first = first
        elif line.is_heading:
            prev_lines_first = None


def _change_for(ms: list[Mention], pct: Mention, reason: str) -> Mention | None:
    for x in reversed([x for x in ms if x.start < pct.start and x.sentence == pct.sentence]):
        if x.is_change:
            # "增加164.48万元，主要原因是…统一压减10%": a rate inside the reason is not this change's.
            return None if re.search(reason, pct.line.norm.text[x.end:pct.start]) else x
        if x.is_percent:
            return None
    return None


def _current_candidates(ms: list[Mention], change: Mention, lines_before: list[Mention]) -> list[Mention]:
    cands: list[Mention] = []
    before = [x for x in _levels_before(ms, change) if x.role in (None, "actual")]
    if before:
        cands.append(before[-1])
        if before[0] is not before[-1]:
            cands.append(before[0])
    if change.sentence > 0:
        for s in range(change.sentence - 1, -1, -1):
            levels = [x for x in ms if x.sentence == s and x.is_level and x.role in (None, "actual")]
            if levels:
                heads = [x for x in levels if any(y.list_head is x for y in ms)]
                cands.extend([levels[0], *heads, levels[-1]])
                break
        line_first = _first_level(ms, 0)
        if line_first is not None:
            cands.append(line_first)
    if not cands and lines_before:
        cands.extend(lines_before[-1:])
    return cands


@rule("growth-rate", "arithmetic", "error", "增长率与增减额不符",
      "增长率以上年数为基数：增长率 = 增减额 ÷（本年数 − 增减额）。常见错误是除以本年数。"
      "例：收支总计384.49万元，增加17.05万元，应增长4.64%（17.05÷367.44），而不是4.43%（17.05÷384.49）。",
      rationale="增长率 = （本年数 − 上年数）÷ 上年数 = 增减额 ÷ （本年数 − 增减额）。与上年对比说明增减变化及原因是情况说明的规定内容。",
      last_digit=True)
def check_growth(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    previous_first: list[Mention] = []
    for _line, ms in a.mentions:
        for pct in ms:
            if pct.cue != "growth":
                continue
            change = _change_for(ms, pct, a.knowledge.claims["reason_cue"])
            if change is None:
                yield from _growth_from_levels(ctx, ms, pct)
                continue
            if change.direction and pct.direction and change.direction != pct.direction:
                continue  # reported by change-direction
            sign = change.direction or pct.direction
            # An explicit base (与年初预算354.72万元相比) is the comparison figure itself.
            bases = [x for x in _levels_before(ms, change) if x.role in ("budget", "prev")]
            c = change.yuan if sign > 0 else -change.yuan
            results = []
            if bases:
                base = bases[-1]
                rates = [(base, _pct(c / base.yuan) if not base.yuan.contains_zero() else None, None)]
            else:
                rates = []
                for cur in _current_candidates(ms, change, previous_first):
                    b = cur.yuan - c
                    rates.append((cur, _growth_of(cur.yuan, c) if not b.contains_zero() else None, b))
            for cur, rate, b in rates:
                if rate is None:
                    results = []
                    break
                stated = Interval.stated(pct.value * (1 if sign >= 0 else -1), pct.decimals)
                sev = None if stated.overlaps(rate) else miss_severity(pct, Interval(abs(rate.lo), abs(rate.hi))
                                                                       if rate.lo >= 0 or rate.hi <= 0 else rate)
                results.append((cur, rate, b, sev))
            if not results or any(r[3] is None for r in results):
                continue
            cur, rate, b, sev = results[0]
            c_pt = change.value_yuan if sign > 0 else -change.value_yuan
            base_pt = cur.value_yuan if b is None else cur.value_yuan - c_pt
            expected = fmt_pct(abs(c_pt / base_pt * HUNDRED), pct.decimals) if base_pt else "-"
            b = Interval.exact(base_pt) if b is not None else None
            msg = (f"增长率计算不符：{cur.stated.strip()}较上年{'增加' if sign > 0 else '减少'}"
                   f"{change.stated.strip()}，上年数为{_fmt_base(b, cur)}，应为{expected}，文中为{pct.stated.strip()}。")
            if b is not None and not cur.yuan.contains_zero():
                this_year = _pct(change.yuan / cur.yuan)
                if this_year is not None and pct.interval.overlaps(this_year):
                    msg += "文中增长率是以本年数为基数计算的，应以上年数为基数。"
            if cur.line is not pct.line:
                # This year's figure was taken from the paragraph before (the sentence names none):
                # the rate may be of another quantity or basis (按可比口径相比…). Not certain enough for an error.
                yield ctx.report(msg + "（本年数取自上一段，请核对所比较的数字）", [evidence(cur), evidence(pct)],
                                 stated=pct.stated.strip(), expected=expected, severity="warning")
                continue
            yield ctx.report(msg, [evidence(pct)], stated=pct.stated.strip(), expected=expected, slip=sev == "slip")
        first = next((x for x in ms if not x.is_percent and not x.is_change and not x.share_total), None)
        if first is not None:
            previous_first = [first]


def _growth_of(cur: Interval, change: Interval) -> Interval:
    """change ÷ (cur − change) in %, over every cur and change inside their rounding. The change is in
    both numerator and base, so dividing the two intervals would let it take two values at once (25万元
    of 1.10万元 then reads as 92–99.6% instead of 95.68–95.88%); the ratio is monotone in each, so its
    bounds are at the corners. The base (cur − change) must not contain zero."""
    q = [d / (x - d) for x in (cur.lo, cur.hi) for d in (change.lo, change.hi)]
    return Interval(min(q), max(q)).scale(HUNDRED)


def _levels_rate(ms: list[Mention], pct: Mention) -> tuple[Mention, Mention, Interval] | None:
    """(this year, last year, rate in %) for "本年1.73万元，上年1.43万元，增长20.98%"."""
    before = _levels_before(ms, pct)
    prevs = [x for x in before if x.role == "prev"]
    if not prevs:
        return None
    prev = prevs[-1]
    # 本年X，上年Y，增长P% — or 上年执行数为Y，本年安排X，比上年增加P% (this year's figure after it)
    curs = [x for x in before if x.start < prev.start and x.role in (None, "actual")] \
        or [x for x in before if x.start > prev.start and x.role is None and x.sentence == pct.sentence]
    if not curs or prev.yuan.contains_zero():
        return None
    cur = curs[-1]
    rate = level_growth(cur.yuan, prev.yuan)
    return (cur, prev, rate) if rate is not None else None


def _against_levels(rate: Interval, sign: int) -> bool:
    """Do the two levels move the other way than the rate's word says?"""
    return (rate.lo > 0 and sign < 0) or (rate.hi < 0 and sign > 0)


def _growth_from_levels(ctx: RuleContext, ms: list[Mention], pct: Mention) -> Iterator[Finding]:
    """"本年1.73万元，上年1.43万元，增长20.98%": the rate from the two levels themselves."""
    found = _levels_rate(ms, pct)
    if found is None:
        return
    cur, prev, rate = found
    sign = pct.direction or 1
    if _against_levels(rate, sign):
        return  # reported by change-direction
    stated = Interval.stated(pct.value * sign, pct.decimals)
    if stated.overlaps(rate):
        return
    sev = miss_severity(pct, Interval(abs(rate.lo), abs(rate.hi)) if rate.lo >= 0 or rate.hi <= 0 else rate)
    expected = fmt_pct(abs((cur.value_yuan - prev.value_yuan) / prev.value_yuan * HUNDRED), pct.decimals)
    yield ctx.report(f"增长率计算不符：本年{cur.stated.strip()}、上年{prev.stated.strip()}，应为{expected}，"
                     f"文中为{pct.stated.strip()}。", [evidence(pct)], stated=pct.stated.strip(), expected=expected,
                     slip=sev == "slip")


def _fmt_base(b: Interval | None, cur: Mention) -> str:
    if b is None:
        return "所述基数"
    q = Decimal(1).scaleb(-cur.decimals)
    return f"{(b.mid / cur.scale).quantize(q)}{cur.unit}"


def _percents(a: Analysis, cue: str) -> Iterator[tuple[list[Mention], Mention]]:
    """Every percentage with the given cue, with the mentions of its line."""
    for _line, ms in a.mentions:
        for pct in ms:
            if pct.cue == cue:
                yield ms, pct


@rule("completion-rate", "arithmetic", "error", "预算完成率与金额不符",
      "完成预算的比例 = 决算数 ÷ 预算数。例：预算1.5万元，决算1.73万元，完成预算的115.33%。",
      rationale="预算完成率 = 决算数 ÷ 预算数 × 100%。决算说明（如三公经费、机关运行经费）须说明决算数与年初预算数的对比。",
      last_digit=True)
def check_completion(ctx: RuleContext) -> Iterator[Finding]:
    for ms, pct in _percents(ctx.analysis, "completion"):
        pair = _budget_actual(ms, pct, ctx.analysis.knowledge)
        if pair is None:
            continue
        budget, actual = pair
        if budget.value == 0:
            continue  # zero-base reports it
        rate = _pct(actual.yuan / budget.yuan)
        sev = miss_severity(pct, rate) if rate is not None else None
        if sev is None:
            continue
        expected = fmt_pct(actual.value_yuan / budget.value_yuan * HUNDRED, pct.decimals)
        yield ctx.report(f"完成率计算不符：决算{actual.stated.strip()} ÷ 预算{budget.stated.strip()} = {expected}，"
                         f"文中为{pct.stated.strip()}。", [evidence(pct)], stated=pct.stated.strip(),
                         expected=expected, slip=sev == "slip")


def budget_kind(label: str, k: Knowledge) -> str:
    """Which budget a label names: 年初, 全年, 调整 … ("" when it names none)."""
    found = re.findall(k.claims["budget_kind"], label)
    return found[-1][0] if found else ""


def _budget_actual(ms: list[Mention], pct: Mention, k: Knowledge) -> tuple[Mention, Mention] | None:
    # "年初预算为0万元，全年预算为321.02万元 … 完成年初预算的95.89%": the rate is of the budget it names.
    kind = budget_kind(pct.cue_text, k)
    budget = actual = None
    for x in reversed(_levels_before(ms, pct, same_sentence=False)):
        if x.sentence < pct.sentence - 1:
            break
        if x.role == "budget" and budget is None and (not kind or budget_kind(x.label, k) in ("", kind)):
            budget = x
        elif x.role in (None, "actual") and actual is None and (x.role == "actual" or budget is not None
                                                                 or x.sentence == pct.sentence):
            actual = x
        if budget is not None and actual is not None:
            return budget, actual
    return None


@rule("zero-base", "arithmetic", "warning", "以零为基数的比率",
      "基数为0时增长率或完成率没有意义：“年初预算为0万元……完成年初预算的100%”“上年为0……增长100%”应改为说明新增情况。",
      rationale="比率的分母为0时没有定义；新增项目或新设单位应说明追加或新增的原因，而不是写出完成率或增长率。")
def check_zero_base(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    said = re.compile(a.knowledge.claims["zero_base_said"])
    previous_first: list[Mention] = []
    for _line, ms in a.mentions:
        for pct in ms:
            if pct.cue == "completion":
                found = _zero_budget(ms, pct, a.knowledge)
                if found is not None:
                    budget, actual = found
                    yield ctx.report(f"预算数为0（{budget.stated.strip()}），决算{_spent(actual)}，无法计算完成率，"
                                     f"文中却写“{pct.cue_text}{pct.stated.strip()}”。",
                                     [evidence(pct)], stated=pct.stated.strip(), expected="不适用（预算为0）")
            elif pct.cue is None:
                found = _zero_budget_inline(ms, pct, a.knowledge.claims["percent_cues"]["completion"])
                if found is not None:
                    budget, actual = found
                    yield ctx.report(f"预算数为0，决算{_spent(actual)}，无法计算完成率，文中却写"
                                     f"“{budget.raw_label.strip()}{budget.stated.strip()}的{pct.stated.strip()}”。",
                                     [evidence(pct)], stated=pct.stated.strip(), expected="不适用（预算为0）")
            elif pct.cue == "growth":
                yield from _zero_base_growth(ctx, ms, pct, previous_first, said)
        first = next((x for x in ms if not x.is_percent and not x.is_change and not x.share_total), None)
        if first is not None:
            previous_first = [first]


def _zero_base_growth(ctx: RuleContext, ms: list[Mention], pct: Mention, previous_first: list[Mention],
                      said: re.Pattern[str]) -> Iterator[Finding]:
    """A growth rate whose base is zero: the increase is this year's whole amount (增加307.82万元 of
    307.82万元, "增长100%" or "增长0%"), or the sentence itself says there was no base (无上年决算数)."""
    change = _change_for(ms, pct, ctx.analysis.knowledge.claims["reason_cue"])
    if change is not None and change.value != 0 and (change.direction or pct.direction) > 0:
        cands = _current_candidates(ms, change, previous_first)
        cur = cands[0] if cands else None
        if cur is not None and cur.value_yuan == change.value_yuan:
            yield ctx.report(f"上年数为0（本年{cur.stated.strip()}全部为新增），增长率无意义，"
                             f"文中却写“{pct.cue_text}{pct.stated.strip()}”。",
                             [evidence(pct)], stated=pct.stated.strip(), expected="不适用（上年为0）")
            return
    text = pct.line.norm.text
    s = max(text.rfind("。", 0, pct.start), -1) + 1
    e = text.find("。", pct.end)
    m = said.search(text, s, e if e >= 0 else len(text))
    if m is not None:
        yield ctx.report(f"文中说明{m.group(0)}，以0为基数的增长率无意义，文中却写“{pct.cue_text}{pct.stated.strip()}”。",
                         [evidence(pct, end=e + 1 if e >= 0 else len(text), start=s)], stated=pct.stated.strip(),
                         expected="不适用（上年为0）")


def _zero_budget(ms: list[Mention], pct: Mention, k: Knowledge) -> tuple[Mention, Mention] | None:
    """(budget, actual) when a completion rate's budget is 0: the budget the rate names (完成年初预算的 ->
    年初预算为0万元, see _budget_actual), else the nearest one."""
    pair = _budget_actual(ms, pct, k)
    return pair if pair is not None and pair[0].value == 0 else None


def _spent(actual: Mention) -> str:
    """The actual figure beside a zero budget: 0 of 0 is as undefined as 0.16 of 0."""
    return f"{actual.stated.strip()}{'（预算、决算均为0）' if actual.value == 0 else ''}"


def _zero_budget_inline(ms: list[Mention], pct: Mention, cue: str) -> tuple[Mention, Mention] | None:
    """"决算为0.16万元，完成预算0万元的0%": the budget stated inside the completion phrase is 0."""
    before = [x for x in ms if x.sentence == pct.sentence and x.start < pct.start]
    if len(before) < 2 or pct.line.norm.text[before[-1].end:pct.start].strip() != "的":
        return None
    budget, actual = before[-1], before[-2]
    if budget.role != "budget" or not actual.is_level or not re.search(cue, budget.raw_label.rstrip()):
        return None
    return (budget, actual) if budget.value == 0 else None
