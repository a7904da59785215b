"""Arithmetic claims in sentences: shares (占), growth rates (增长), completion rates (完成预算的), zero bases."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..amount import Amount
from ..analysis import Analysis
from ..extract import Mention, joined_run
from ..extract.keys import QuantityMatch, is_bare, match_quantity, scope_in, split_role
from ..extract.mentions import continues_sentence, named_whole, sentence_bounds
from ..extract.tables import ParsedTable, Row, last_year_figure, row_stating
from ..interval import Interval, interval_sum
from ..knowledge import Knowledge
from ..model import Evidence, Figure, Finding, Reading
from ..verify import Candidate, decide, mention_figure
from ..verify.readings import holds
from ..verify.search import (
    Source,
    growth_reading,
    line_openers,
    lines_before,
    of_cell,
    of_mention,
    ratio_reading,
    section_openers,
    sentence_levels,
    statements,
    sum_reading,
)
from .base import (
    RuleContext,
    evidence,
    fmt_pct,
    level_growth,
    rule,
)

HUNDRED = Decimal(100)
NAMED_BASE_MISSING = "句中所指的总额在文中和表中都未找到"


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


def line_first(ms: list[Mention]) -> Mention | None:
    """The first amount a line states that is no rate, change or share's total: the level a rate in a line after it
    may be of."""
    return next((x for x in ms if not x.is_percent and not x.is_change and not x.share_total), None)


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
        full = _den_key(den, found, k)
        if full not in by_key and k.base_key(full) == full:
            # 占公用经费的 after "一般公共预算财政拨款基本支出中公用经费368.91万元，其中…": a total named without its
            # scope is the one its line states before it in a scope.
            scoped = sorted((x for key, xs in by_key.items() if k.base_key(key) == full for x in xs
                             if x.line is pct.line and x.start < pct.start and x is not part), key=lambda x: x.start)
            if scoped:
                return scoped[-1:], True
        if full not in by_key:
            return [], True  # not stated in the text: the tables' figure, if any (_named_base)
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
    opening = line_first(ms)
    if opening is not None and opening is not part:
        cands.append(opening)
    head = part.list_head
    if head is not None:
        cands.insert(0, head)
    whole = _whole_before(a, pct, part, by_key)
    if whole is not None and whole not in cands:
        cands.insert(0, whole)
    return cands, False


def _whole_before(a: Analysis, pct: Mention, part: Mention, by_key: dict[str, list[Mention]]) -> Mention | None:
    """The figure of the whole a sentence names before its parts ("“三公”经费支出决算中，公务接待费支出决算0.53万元，
    占31%"): the last statement of that quantity before the share, in this period."""
    named = named_whole(re.sub(r"[“”\"‘’']", "", pct.line.norm.text[:part.start]), a.knowledge)  # “三公”经费
    if named is None:
        return None
    role, rest = split_role(named, a.knowledge)
    found = match_quantity(rest if role else named, a.knowledge)
    if found is None:
        return None
    before = [x for x in by_key.get(found.key, []) if x is not part and x.role in (None, "actual")
              and (x.line.index, x.start) < (pct.line.index, pct.start)]
    return before[-1] if before else None


def _bound(total: Mention, part: Mention, list_opener: Mention | None, siblings: list[Mention]) -> bool:
    """Is the total a share is held against bound with certainty? The head of the list the part is
    an item of (X，其中：A a，占…), also when only an earlier item of the same enumeration was read as
    its item (X，主要用于：A a，占…；B b，占…), or the amount of the line that opened the list (…X万元，具体如下：)."""
    return total is part.list_head or total is list_opener or any(x.list_head is total for x in siblings)


def _list_items(ms: list[Mention], part: Mention, shared: set[int]) -> list[Mention]:
    """The items of the enumeration the part is one of: the amounts of its sentence each followed by
    its own share ("其中：A 2086.10万元，占66.95%；B 191.74万元，占6.15%；…")."""
    return [x for x in ms if x.sentence == part.sentence and id(x) in shared]


def _share_of(ms: list[Mention], item: Mention) -> Mention | None:
    return next((x for x in ms if x.start > item.start and x.cue == "share"), None)


def _closing_total(a: Analysis, ms: list[Mention], part: Mention, shared: set[int]) -> Mention | None:
    """The amount that closes the part's enumeration ("…；住房保障支出168.42万元，占5.41%。合计3115.81万元。")
    when the items add up to it: the whole of the list, named by nothing but a total's word."""
    items = _list_items(ms, part, shared)
    if len(items) < 3 or (last := _share_of(ms, items[-1])) is None:
        return None
    after = [x for x in ms if x.start >= last.end]
    if not after or not after[0].is_level or after[0].key:
        return None
    gap = part.line.norm.text[last.end:after[0].start]
    if not re.match(a.knowledge.claims["list_closing"], gap):
        return None
    total = sum_reading([of_mention(x, "分项") for x in items], "").expected
    return after[0] if total is not None and total.overlaps(after[0].yuan) else None


def _list_bears_out(ms: list[Mention], part: Mention, closing: Mention, shared: set[int]) -> bool:
    """Is the closing total certainly the base of the part's share? When at least two other items of
    the list state their shares of it right: the document's own reading of its list."""
    if closing.yuan.contains_zero():
        return False
    right = 0
    for item in _list_items(ms, part, shared):
        pct = _share_of(ms, item)
        if item is part or pct is None:
            continue
        c = ratio_reading(of_mention(item, "部分"), of_mention(closing, "总额"), pct.decimals)
        right += c.expected is not None and holds(pct.value, pct.decimals, c.expected)
    return right >= 2


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
            if pct.part is None and not before:
                ctx.unverified(pct, "句中没有所占的金额")
                continue
            part = pct.part or before[-1]
            cands, strict = _share_candidates(a, ms, pct, part, by_key)
            if strict and not cands:
                yield from _named_base(ctx, pct, part)
                continue
            if not strict and prev_lines_first is not None:
                cands.append(prev_lines_first)
            # A guessed total that has a share of its own is a sibling item of the same list
            # ("人员支出X，占a%；公用支出Y，占b%"), never the total the share is of.
            cands = [c for c in cands if strict or (c is not part and id(c) not in shared)]
            siblings = [x for x in ms if x.start < part.start and id(x) in shared]
            if strict and cands and _budget_of_another(a, part, cands[0]):
                ctx.unverified(pct, "所占的是本项自身的预算数，文中未写明")
                continue
            certain = bool(cands) and (strict or _bound(cands[0], part, prev_lines_first, siblings))
            closing = None if strict else _closing_total(a, ms, part, shared)
            if closing is not None:
                cands = [closing, *(c for c in cands if c is not closing)]
                certain = _list_bears_out(ms, part, closing, shared)
            d = decide(pct.value, pct.decimals, _share_readings(a, pct, part, cands, certain))
            if d.status == "verified":
                ctx.verified(pct, d.reading)
                continue
            if d.candidate is None or d.candidate.point is None:
                ctx.unverified(pct, d.reason or "", d.reading)
                continue
            total = d.reading.figures[1].stated if d.reading else ""
            expected = fmt_pct(d.candidate.point, pct.decimals)
            msg = f"占比计算不符：{part.stated.strip()} ÷ {total} = {expected}，文中为{pct.stated.strip()}。"
            if d.status == "unverified":
                # The total was guessed (the first amount of the sentence or line before): the share
                # may be of another total the text does not name. Not certain enough for an error.
                yield ctx.report(msg + "（文中未写明基数，请核对所指总额）", [evidence(pct)], stated=pct.stated.strip(),
                                 expected=expected, severity="warning", claim=pct, reading=d.reading,
                                 unverified=d.reason)
                continue
            yield ctx.report(msg, [evidence(pct)], stated=pct.stated.strip(), expected=expected,
                             slip=d.miss == "slip", claim=pct, reading=d.reading)
        first = line_first(ms)
        if first is not None and line.block.text.rstrip().endswith((":", "：")):
            prev_lines_first = first
        elif line.is_heading:
            prev_lines_first = None


def _budget_of_another(a: Analysis, part: Mention, total: Mention) -> bool:
    """Is the budget a share of a budget word alone (占全年预算的) was bound to another item's ("3.…（项）：…年初预算数为
    77.41万元。4.…（项）：支出决算为13.37万元，占全年预算的90.59%": the 4th item's own budget is not stated)?"""
    return total.role == "budget" and not _same_quantity(total, part, a.knowledge)


def _named_base(ctx: RuleContext, pct: Mention, part: Mention) -> Iterator[Finding]:
    """A share of a total the sentence names but the text does not state ("占一般公共预算项目支出总额的
    100%"): verified against the tables' figure of that total, or the sum of its parts as the text
    states them; where every such base gives another share, a warning (a table's scope may differ from
    the sentence's); unverified when there is none. Never another amount of the text in its place (no
    reading of a named total)."""
    bases = _named_bases(ctx.analysis, pct)
    if bases is None:
        ctx.unverified(pct, NAMED_BASE_MISSING)
        return
    src = of_mention(part, "部分")
    whose: dict[int, str] = {}
    cands = []
    for t, label in bases:
        if not t.yuan.contains_zero():
            cands.append(ratio_reading(src, t, pct.decimals))
            whose[id(cands[-1])] = label
    d = decide(pct.value, pct.decimals, cands)
    if d.status == "verified":
        ctx.verified(pct, d.reading)
        return
    if d.candidate is None or d.candidate.point is None or d.reading is None:
        ctx.unverified(pct, d.reason if cands else NAMED_BASE_MISSING, d.reading)
        return
    total = d.reading.figures[1].stated
    expected = fmt_pct(d.candidate.point, pct.decimals)
    yield ctx.report(f"占比计算不符：{part.stated.strip()} ÷ {total}（{whose[id(d.candidate)]}）= {expected}，"
                     f"文中为{pct.stated.strip()}。请核对所指总额的口径。", [evidence(pct)], stated=pct.stated.strip(),
                     expected=expected, severity="warning", claim=pct, reading=d.reading, unverified=d.reason)


def _named_bases(a: Analysis, pct: Mention) -> list[tuple[Source, str]] | None:
    """The figures of the total a share names (占政府性基金预算项目支出总额的): the tables' statements
    of it and the sum of its parts as the text states them, each with how it was found; None when the
    name is no known quantity."""
    found = match_quantity(pct.den, a.knowledge)
    if found is None:
        return None
    key = _den_key(pct.den, found, a.knowledge)
    # A total named without its funding scope (占公用经费的) is that of any scope the tables state it in.
    unscoped = a.knowledge.base_key(key) == key
    bases = [(t, f"表中的{pct.den}") for t in statements(a, key, "总额", text=False, other_scopes=unscoped)]
    return bases + [(t, f"{pct.den}各项之和") for t in _sum_of_parts(a, key)]


def _den_key(den: str, found: QuantityMatch, k: Knowledge) -> str:
    """The key of the total a share's sentence names (一般公共预算项目支出总额 -> gpb.expense.project)."""
    if not found.scoped:
        return found.key
    # A scope word the name opens with scopes it (占财政拨款支出总额的: fiscal.expense.current_year), as in facts.
    name = den[found.start:found.end]
    opens = any(pattern.match(name) for _, pattern in k.scopes)
    scope = scope_in(den[: found.start] + (name if opens else ""), k)
    return f"{scope}.{found.key}" if scope else found.key


def _sum_of_parts(a: Analysis, key: str) -> list[Source]:
    """A total the text states only as its parts ("因公出国（境）费100万元，占“三公”经费的20.65%；公务用车…
    267.8万元…；公务接待费116.5万元…": 三公 = 100 + 267.8 + 116.5): Σ of the first statement of each
    part of its identity, when the text states them all."""
    from .sums import _identity_for  # here, not at the top: rules register in rules/__init__'s order

    base = a.knowledge.base_key(key)
    scope = key[: len(key) - len(base)]
    ident = _identity_for(key, a.knowledge)
    if ident is None:
        return []
    parts = [next(iter(statements(a, scope + p, p, tables=False)), None) for p in ident.parts]
    if any(p is None for p in parts):
        return []
    found = [p for p in parts if p is not None]
    stated = "+".join(p.stated for p in found)
    return [Source(interval_sum([p.yuan for p in found]), sum((p.value_yuan for p in found), Decimal(0)),
                   Figure("总额", f"（{stated}）", found[0].figure.loc))]


def _share_readings(a: Analysis, pct: Mention, part: Mention, totals: list[Mention],
                    certain: bool) -> list[Candidate]:
    """part ÷ total for the total the sentence names or the rule guessed (the first certain when the
    text binds it), then the other readings: the same total as stated elsewhere (text and tables, any
    funding scope), the total of the part's identity (基本支出 of 本年支出合计), and another amount
    of the sentence as the part (a sub-item in brackets may stand between the part and its share)."""
    src = of_mention(part, "部分")
    out = [ratio_reading(src, of_mention(c, "总额"), pct.decimals, certain=certain and i == 0)
           for i, c in enumerate(totals) if not c.yuan.contains_zero()]
    if certain and totals and totals[0].yuan.contains_zero():
        return [Candidate(None, Reading(f"{part.stated.strip()} ÷ {totals[0].stated.strip()}"), certain=True)]
    keys = [k for t in totals[:1] for k in t.keys] + _identity_totals(a, part)
    seen = {id(t) for t in totals}
    seen.add(id(part))  # the part is never its own base (940.15 ÷ 940.15 is no reading of "占…总额的100%")
    # A total the sentence names in a funding scope (占一般公共预算支出的: gpb.expense.current_year) is of
    # that scope only: neither the same total of another scope nor the figure a paragraph opens with.
    found = match_quantity(pct.den, a.knowledge) if pct.den else None
    scoped = found is not None and _den_key(pct.den, found, a.knowledge).split(".")[0] in \
        {prefix for prefix, _ in a.knowledge.scopes}
    more = [s for key in keys for s in statements(a, key, "总额", other_scopes=not scoped)
            if s.mention is None or id(s.mention) not in seen]
    out += [ratio_reading(src, t, pct.decimals) for t in more if not t.yuan.contains_zero()]
    # The lines just above may open the paragraph the share's list belongs to ("支出预算X万元…" /
    # "2.按支出用途分类，包括人员支出Y万元，占Z%").
    # Not where the total the share names is the amount of its own sentence named so ("授予中小企业合同金额
    # 92.23万元…，占授予中小企业合同金额的48.18%"): no other figure is that total.
    named_here = certain and bool(totals) and bool(pct.den) and totals[0].line is pct.line \
        and totals[0].sentence == pct.sentence and pct.den in totals[0].label
    firsts = [f for f in line_openers(a, pct) + section_openers(a, pct)
              if not f.yuan.contains_zero() and not scoped and not named_here]
    out += [ratio_reading(src, of_mention(f, "总额"), pct.decimals) for f in firsts if id(f) not in seen]
    for other in sentence_levels(a.line_mentions(pct), pct):
        if other is part or other.share_total:
            continue
        osrc = of_mention(other, "部分")
        out += [ratio_reading(osrc, of_mention(c, "总额"), pct.decimals) for c in totals[:1]
                if not c.yuan.contains_zero() and c is not other]
    return out


def _identity_totals(a: Analysis, part: Mention) -> list[str]:
    """The totals the part's quantity is a part of (expense.basic -> expense.current_year), in its scope."""
    k = a.knowledge
    if not part.key:
        return []
    base = k.base_key(part.key)
    scope = part.key[: len(part.key) - len(base)]
    return [scope + i.total for i in k.identities if base in i.parts]


def _change_for(ms: list[Mention], pct: Mention, claims: dict) -> Mention | None:
    """The change amount a growth rate goes with: the one before it in its sentence, else the one whose
    clause comes right after it ("比上年降幅为26.3%，减少112.17万元"). `claims`: the knowledge's claims.yaml."""
    reason = claims["reason_cue"]
    rates = joined_run(ms, pct)
    if len(rates) > 1:
        # "分别减少0.18亿元和0.56亿元，下降133.1%和43.7%": rates joined by 和 pair with the changes joined so right
        # before them, one for one; else none is certainly the rate's.
        i = next(k for k, x in enumerate(ms) if x is rates[0])
        changes = joined_run(ms, ms[i - 1]) if i > 0 and ms[i - 1].is_change else []
        return changes[rates.index(pct)] if len(changes) == len(rates) else None
    passed: list[Mention] = []  # the levels between the rate and the change
    for x in reversed([x for x in ms if x.start < pct.start and x.sentence == pct.sentence]):
        if x.is_change:
            # "增加164.48万元，主要原因是…统一压减10%": a rate inside the reason is not this change's; nor a rate after
            # another quantity's figure ("基本支出…增加51.55万元，…；项目支出187.36万元，与上年预算相比，下降4.54%").
            other = any(m.key and x.subject and m.role is None and m.key != x.subject for m in passed)
            return None if other or re.search(reason, pct.line.norm.text[x.end:pct.start]) else x
        if x.is_percent:
            return None
        if x.is_level:
            passed.append(x)
    # Only a clause of the change word alone (not an item's: "增长16.75%，其中因公出国(境)费增加0万元"), and not a
    # rate inside a reason ("主要原因是…其余会议费压减10%，增减相抵后增加164.48万元").
    after = next((x for x in ms if x.start > pct.start), None)
    if after is not None and after.is_change and after.sentence == pct.sentence \
            and not pct.line.norm.text[pct.end:after.clause_start].strip(" ,") \
            and re.fullmatch(claims["change_clause"], pct.line.norm.text[after.clause_start:after.start].strip()) \
            and not re.search(reason, pct.line.norm.text[_sentence_start(pct):pct.start]):
        return after
    return None


def _of_last_year(a: Analysis, change: Mention) -> bool:
    """Does the change's own clause say it is against last year (同比增加, 比上年减少), not against a budget?"""
    return re.search(a.knowledge.claims["change_parts"]["against"]["prev"],
                     change.line.norm.text[change.clause_start:change.start]) is not None


def _current_candidates(ms: list[Mention], change: Mention, lines_before: list[Mention],
                        roles: tuple[str | None, ...] = (None, "actual")) -> list[Mention]:
    """This year's levels a change may be of; `roles`: the figures that are this year's (a budget figure too,
    for a change against last year)."""
    cands: list[Mention] = []
    before = [x for x in _levels_before(ms, change) if x.role in roles]
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
        opening = _first_level(ms, 0)
        if opening is not None:
            cands.append(opening)
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
            change = _change_for(ms, pct, a.knowledge.claims)
            if change is None:
                yield from _growth_from_levels(ctx, ms, pct)
                continue
            if change.direction and pct.direction and change.direction != pct.direction:
                continue  # reported by change-direction
            sign = change.direction or pct.direction
            readings = _growth_readings(a, ms, pct, change, sign, previous_first)
            d = decide(pct.value * (1 if sign >= 0 else -1), pct.decimals, [r.candidate for r in readings])
            if d.status == "verified":
                ctx.verified(pct, d.reading)
                ctx.verified(change, d.reading)  # the change agrees with its rate and level
                continue
            chosen = next((r for r in readings if r.candidate is d.candidate), None)
            if chosen is None or d.candidate is None or d.candidate.point is None:
                ctx.unverified(pct, d.reason or "", d.reading)
                continue
            cur, b = chosen.level, chosen.base
            expected = fmt_pct(abs(d.candidate.point), pct.decimals)
            msg = (f"增长率计算不符：{cur.stated.strip()}较上年{'增加' if sign > 0 else '减少'}"
                   f"{change.stated.strip()}，上年数为{_fmt_base(b, cur)}，应为{expected}，文中为{pct.stated.strip()}。")
            if b is not None and not cur.yuan.contains_zero():
                this_year = _pct(change.yuan / cur.yuan)
                if this_year is not None and pct.interval.overlaps(this_year):
                    msg += "文中增长率是以本年数为基数计算的，应以上年数为基数。"
            if d.status == "contradicted" and change.start > pct.start:
                # "同比增长14.6%，增收4,376万元": an amount after its rate may be against another basis (自然口径
                # beside 同口径). Not certain enough for an error.
                yield ctx.report(msg + "（增减额写在增长率之后，二者口径可能不同，请核对）", [evidence(pct)],
                                 stated=pct.stated.strip(), expected=expected, severity="warning", claim=pct,
                                 reading=d.reading, unverified="增减额写在增长率之后，口径可能不同")
                continue
            if d.status == "unverified":
                # This year's figure was taken from the paragraph before (the sentence names none):
                # the rate may be of another quantity or basis (按可比口径相比…). Not certain enough for an error.
                yield ctx.report(msg + "（本年数取自上一段，请核对所比较的数字）", [evidence(cur), evidence(pct)],
                                 stated=pct.stated.strip(), expected=expected, severity="warning", claim=pct,
                                 reading=d.reading, unverified=d.reason)
                continue
            yield ctx.report(msg, [evidence(pct)], stated=pct.stated.strip(), expected=expected,
                             slip=d.miss == "slip", claim=pct, reading=d.reading)
        first = line_first(ms)
        if first is not None:
            previous_first = [first]


@dataclass(frozen=True)
class _GrowthReading:
    candidate: Candidate
    level: Mention  # this year's figure, or the comparison figure when `base` is None
    base: Interval | None  # last year's level derived from this year's and the change; None: `level` is it


def _growth_readings(a: Analysis, ms: list[Mention], pct: Mention, change: Mention, sign: int,
                     previous_first: list[Mention]) -> list[_GrowthReading]:
    """A rate and its change read against this year's level (the rate is change ÷ (level − change)) or
    against a stated comparison figure (change ÷ base). First the figure the sentence binds: the base it
    names (与年初预算354.72万元相比, 比上年预算数X万元), else the level before the change in the sentence
    (certain when it is in the same line); then the other readings: every level of the sentence (sub-items
    in brackets too), the levels the lines before open with, the same quantity as stated elsewhere."""
    c = change.yuan if sign > 0 else -change.yuan
    c_pt = change.value_yuan if sign > 0 else -change.value_yuan
    out: list[_GrowthReading] = []
    before = _levels_before(ms, change)
    # A comparison figure before the level the change is of belongs to an earlier figure ("较2024年的2190万元减少
    # 221万元；其中：…公务用车购置及运行维护费1687万元，较上年减少209万元"): 2,190 is no base of 209.
    own = [x for x in before if x.role in (None, "actual") and x.line is change.line and x.sentence == change.sentence]
    # (A comparison figure with a change of its own before the level: 上年预算数为Y，本年X，比上年增加Z keeps Y.)
    # A budget figure is the base of a change against the budget, and this year's level of one against last year
    # ("商品和服务支出预算75800元，同比增加52044.27元": this year's budget, compared with last year's).
    of_prev = _of_last_year(a, change)
    bases = [x for x in before if (x.role in (("prev",) if of_prev else ("budget", "prev")) or (x.sentence == change.sentence and names_base(x)))
             and not (own and x.line is own[-1].line and x.start < own[-1].start
                      and any(y.is_change and x.start < y.start < own[-1].start for y in ms))]
    seen: set[int] = set()

    def as_base(x: Mention, certain: bool) -> None:
        rate = None if x.yuan.contains_zero() else _pct(c / x.yuan)
        point = c_pt / x.value_yuan * HUNDRED if x.value_yuan else None
        text = f"{change.stated.strip()} ÷ 比较基数{x.stated.strip()}"
        out.append(_GrowthReading(Candidate(rate, Reading(text, (mention_figure("增减额", change),
                                                                    mention_figure("上年数", x))), certain, point), x, None))

    # A figure the text names as the comparison is never this year's; a budget figure that is the item's
    # own (公务接待费支出预算4万元，比2021年预算减少4万元) may be: the change may be of it against another year's.
    compared = [b for b in bases if b.role == "prev" or names_base(b)]

    def as_level(x: Mention, certain: bool) -> None:
        if id(x) in seen or x is change or any(x is b for b in compared):
            return
        seen.add(id(x))
        b = x.yuan - c
        base_pt = x.value_yuan - c_pt
        ok = not b.contains_zero() and b.lo > 0  # a negative last year's level is no base
        rate = _growth_of(x.yuan, c) if ok else None
        text = f"{change.stated.strip()} ÷（{x.stated.strip()} {'−' if sign > 0 else '+'} {change.stated.strip()}）"
        out.append(_GrowthReading(Candidate(rate, Reading(text, (mention_figure("本年数", x), mention_figure("增减额", change))),
                                            certain, c_pt / base_pt * HUNDRED if base_pt else None), x, Interval.exact(base_pt)))

    if bases:
        as_base(bases[-1], True)
    curs = _current_candidates(ms, change, previous_first, (None, "actual", "budget") if of_prev else (None, "actual"))
    named, words = _change_names(a, change)
    curs, labelled = _labelled_first(a, ms, change, curs, named, words)
    for i, cur in enumerate(curs):
        own = _own_level(a, cur, change, named, words, labelled)
        # The last item of a list the sentence before opened is no certain level of the change after it
        # ("其中：国内公务接待支出3996.31元…国（境）外公务接待支出0元…。较上年减少576.64元").
        if cur.sentence != change.sentence and _of_items(a, change):
            continue  # an item's change: the total of the sentence before is no level of it
        item_before = cur.sentence != change.sentence and (cur.list_head is not None or _sentence_goes_back(a, cur))
        as_level(cur, not bases and i == 0 and cur.line is pct.line and not bracketed(cur, change) and own
                 and not item_before)
        if cur.list_head is not None and cur.list_head.is_level:
            as_level(cur.list_head, False)
    for x in sentence_levels(ms, change):
        as_level(x, False)
    if curs and bracketed(curs[0], change):
        # The line opens inside brackets a PDF line break left the item's own figure above
        # ("…运行维护费预算27.60万元（其中：购置费14.43万元，运行维护费" / "13.17万元），比上年减少0.93万元").
        for x in lines_before(a, change, 1):
            as_level(x, False)
    subject = named or next((k for x in curs[:1] for k in x.keys), None) or change.subject
    if subject:
        for s in statements(a, subject, "本年数", other_scopes=True, tables=False):
            if s.mention is not None:
                as_level(s.mention, False)
    return out


def _labelled_first(a: Analysis, ms: list[Mention], change: Mention, curs: list[Mention], named: str | None,
                    words: str) -> tuple[list[Mention], list[Mention]]:
    """The candidates with the level labelled by the change's own words first, and the levels so labelled:
    words no standard quantity is ("本年支出比上年减少42.08万元" after 年初结转和结余0.00万元，本年收入…，
    本年支出139.21万元) name the figure the change is of."""
    if named is not None:
        # The last level of the quantity the change names goes first ("…本年支出139.21万元，年末结转和结余31.56万元。
        # 本年支出比上年减少42.08万元").
        of_it = [x for x in ms if x.is_level and x.end <= change.start and x.role in (None, "actual")
                 and named in {*x.keys, *(a.knowledge.base_key(k) for k in x.keys)}]
        return of_it[-1:] + [c for c in curs if c not in of_it[-1:]], []
    said = words.strip(",;: ")
    for p in ("compared", "compared_tail"):
        said = a.knowledge.patterns[p].sub("", said).strip(",;: ")
    if len(said) < 2:
        return curs, []
    before = [x for x in ms if x.is_level and x.end <= change.start and said in x.label and x.role in (None, "actual")]
    curs = before[-1:] + [c for c in curs if c not in before[-1:]]
    return curs, [c for c in curs if said in c.label]


def _own_level(a: Analysis, cur: Mention, change: Mention, named: str | None, words: str,
               labelled: list[Mention]) -> bool:
    """Can `cur` be the figure the change is of, by what the change names? The level labelled with its words
    when there is one; any level when it names no quantity; else a level of the quantity it names. A level of
    the sentence before is no other quantity's ("政府性基金预算拨款0.00万元。与2024年预算相比，财政拨款收支
    总预算减少180.02万元"), nor one of its own sentence that is another item ("公务用车…174,732.10元，
    增长176.55%；公务接待费支出决算增加56,716.00元")."""
    if (cur in labelled) if labelled else named is None:
        return True
    if (named is not None and named in cur.keys) or words in cur.label:
        return True
    # A change naming the quantity without its funding scope ("本年支出比上年减少") is of that quantity in the scope
    # the sentence before gave it (政府性基金预算财政拨款…本年支出139.21万元).
    if named is not None and named == a.knowledge.base_key(named) \
            and named in {a.knowledge.base_key(k) for k in cur.keys}:
        return True
    if cur.sentence != change.sentence or named is None:
        return False
    bases_of = {a.knowledge.base_key(k) for k in cur.keys}
    return not bases_of or a.knowledge.base_key(named) in bases_of


def _sentence_goes_back(a: Analysis, x: Mention) -> bool:
    """Does x's sentence begin on the line above (a PDF wrapped it: "…；国(境)外公务" / "接待支出0元，…。较上年减少")?
    Its other levels are there, and x, the last, is no more the sentence's figure than they are."""
    if x.sentence != 0:
        return False
    idx = next(i for i, (ln, _) in enumerate(a.mentions) if ln is x.line)
    return idx > 0 and continues_sentence(a.mentions[idx - 1][0], x.line)


def _change_names(a: Analysis, change: Mention) -> tuple[str | None, str]:
    """The quantity a change's own words name ("财政拨款收支总预算减少" -> fiscal.income.total), and the words."""
    label = change.label[: len(change.label) - len(change.cue_text)] if change.cue_text and \
        change.label.endswith(change.cue_text) else change.label
    if not label.strip(",;: "):
        label = _compared_clause(a, change)
    # "三公经费支出决算数比上年减少": the quantity is named before its comparison.
    label = a.knowledge.patterns["compared_tail"].sub("", label) or label
    found = match_quantity(label, a.knowledge) if label else None
    if found is None and label:
        # 公务接待费支出决算增加: the quantity named before a period word (决算, 预算数 …).
        _role, rest = split_role(label, a.knowledge)
        found = match_quantity(rest, a.knowledge) if _role and rest else None
        label = rest if found is not None else label
    if found is None:
        return None, label
    return _den_key(label, found, a.knowledge), label


def _of_items(a: Analysis, change: Mention) -> bool:
    """Is the change's sentence a list of items ("其中，因公出国支出…比去年无增减变化；…公务接待费支出决算比预算
    无增减变化，比去年增加0.5万元"): its changes are the items', not the total's of the sentence before."""
    before = change.line.norm.text[_sentence_start(change):change.start]
    return bool(re.match(a.knowledge.claims["item_list_opener"], before.lstrip())) or ";" in before


def _sentence_start(m: Mention) -> int:
    """Where m's sentence starts in its line."""
    return sentence_bounds(m.line.norm.text)[m.sentence][0]


def _compared_clause(a: Analysis, change: Mention) -> str:
    """The words of a comparison the clause before a bare change states ("本年支出与2021年度相比，减少9.21万元":
    本年支出与2021年度相比), from the sentence's start or its last figure; "" when there is none."""
    start = max([_sentence_start(change),
                 *(m.end for m in a.line_mentions(change) if m.sentence == change.sentence and m.end <= change.start)])
    span = change.line.norm.text[start:change.start].strip(",;: ")
    return span if a.knowledge.patterns["compared_tail"].search(span) else ""


def bracketed(x: Mention, change: Mention) -> bool:
    """Is a level inside brackets the change stands outside of (…13.17万元），比上年减少…): a sub-item, not
    the figure the change is of."""
    if x.line is not change.line:
        return False
    between = x.line.norm.text[x.end:change.start]
    depth = 0
    for ch in between:
        depth += 1 if ch in "(（" else -1 if ch in ")）" else 0
        if depth < 0:
            return True
    return False


def names_base(x: Mention) -> bool:
    """A level stated as the comparison ("比2025年年初预算数3845.49万元增加…"): its label ends in a
    comparison word and a year or 上年, not in a quantity of its own."""
    # Not "经比较2020年度镇本级三公经费41万元": there the comparison opens a label naming the figure's own quantity.
    m = re.search(r"(?<!经)(?<!经比)(比|较|与|同)\s*(上年|\d{4}\s*年)", x.raw_label)
    return m is not None and len(x.raw_label.strip()) - m.end() <= 6


def table_levels(a: Analysis, ms: list[Mention], x: Mention) -> tuple[Mention, Source, Interval] | None:
    """(this year, last year, rate in %) for a rate or change whose sentence states this year's figure and not
    last year's ("…（项）：支出决算为7.19万元，为年初预算的133.7%，同比下降34.2%"): last year's is the row's cell under
    the 上年 column of the one table row stating this year's. None when the sentence names a period the column
    is not of (比上年预算 against 上年决算数), or no such row or column."""
    # This year's figure: the one level since the change before, a budget figure aside ("年初预算为7.00万元，支出决算为
    # 7.19万元，同比增长…"; "支出决算X万元，其中基本支出Y万元，比上年增加…" may be of either).
    before = [b for b in _levels_before(ms, x) if b.role != "budget"]
    since = change_before(ms, x)
    if len([b for b in before if b.start > since]) != 1 or not _against_last_year(a, x) \
            or any(b.role == "prev" or names_base(b) for b in before):
        return None
    cur = before[-1]
    found = _row_of(a, cur) if cur.role in (None, "actual") and cur.key else None
    prev = last_year_figure(*found, year=a.meta.year) if found is not None else None
    if found is None or prev is None:
        return None
    value, column = prev
    heading = "".join(column.path)
    for pattern in a.knowledge.claims["compared_stage"].values():
        if re.search(pattern, x.raw_label) and not re.search(pattern, heading):
            return None
    base = of_cell(found[0], value, f"表中{column.name}")
    rate = level_growth(cur.yuan, base.yuan)
    return (cur, base, rate) if rate is not None else None


def change_before(ms: list[Mention], x: Mention, *, rates: bool = False) -> int:
    """Where the last change (with `rates`, or growth rate) before x in its sentence ends, -1 when none: the
    levels after it are of x's clause."""
    return max((m.end for m in ms if m.sentence == x.sentence and m.end <= x.start
                and (m.is_change or rates and m.cue == "growth")), default=-1)


def _against_last_year(a: Analysis, x: Mention) -> bool:
    """Do the words right before a rate or change say it is against last year (同比, 比上年, 较2024年 in 2025)?"""
    claims = a.knowledge.claims
    if re.search(claims["names_last_year"], x.raw_label):
        return True
    year = re.search(claims["compared_year"], x.raw_label)
    return year is not None and a.meta.year is not None and int(year.group("year")) == a.meta.year - 1


def _growth_of(cur: Interval, change: Interval) -> Interval:
    """change ÷ (cur − change) in %, over every cur and change inside their rounding. The change is in
    both numerator and base, so dividing the two intervals would let it take two values at once (25万元
    of 1.10万元 then reads as 92–99.6% instead of 95.68–95.88%); the ratio is monotone in each, so its
    bounds are at the corners. The base (cur − change) must not contain zero."""
    q = [d / (x - d) for x in (cur.lo, cur.hi) for d in (change.lo, change.hi)]
    return Interval(min(q), max(q)).scale(HUNDRED)


def _levels_rate(ms: list[Mention], pct: Mention) -> tuple[Mention, Mention, Interval] | None:
    """(this year, last year, rate in %) for "本年1.73万元，上年1.43万元，增长20.98%". Only the levels since the
    change or rate before it: "(2)…运行费61800.00元，2025年预算数为62470.00元，减少670.00元，下降1.1%；(3)公务接待费
    54100.00元，比上年预算增长13.1%" — 13.1% is of 54100, whose last year's figure is not stated."""
    since = change_before(ms, pct, rates=True)
    before = [x for x in _levels_before(ms, pct) if x.start > since]
    prevs = [x for x in before if x.role == "prev"]
    if not prevs:
        return None
    prev = prevs[-1]
    # 本年X，上年Y，增长P% — or 上年执行数为Y，本年安排X，比上年增加P% (this year's figure after it)
    curs = [x for x in before if x.start < prev.start and x.role in (None, "actual")] \
        or [x for x in before if x.start > prev.start and x.role is None and x.sentence == pct.sentence]
    if not curs or prev.yuan.contains_zero():
        return None
    # "收支总预算3983.81万元（含上年结转355.29万元），较上年预算3056.62万元增长30.3%": a figure in brackets
    # the comparison stands outside of is a part, not this year's level.
    cur = next((x for x in reversed(curs) if not bracketed(x, prev)), curs[-1])
    rate = level_growth(cur.yuan, prev.yuan)
    return (cur, prev, rate) if rate is not None else None


def _compared_levels(ms: list[Mention], change: Mention) -> tuple[Mention, Mention, Interval] | None:
    """(this year, the level compared with, rate in %) for "支出157.48万元，比2019年度(决算)179.95万元增加22.47万元":
    the last level of the change's sentence that names itself the comparison, and the level before it."""
    before = [x for x in _levels_before(ms, change) if x.sentence == change.sentence]
    prevs = [x for x in before if x.role == "prev" or names_base(x)]
    if not prevs:
        return None
    prev = prevs[-1]
    # 本年X，比上年Y增加Z — or 上年预算数为Y，本年预算数为X，比上年增加Z (this year's figure after it).
    curs = [x for x in before if x.start < prev.start and x.role in (None, "actual") and not names_base(x)] \
        or [x for x in before if x.start > prev.start and x.role is None and not names_base(x)][-1:]
    if not curs or prev.yuan.contains_zero():
        return None
    rate = level_growth(curs[-1].yuan, prev.yuan)
    return (curs[-1], prev, rate) if rate is not None else None


def _against_levels(rate: Interval, sign: int) -> bool:
    """Do the two levels move the other way than the rate's word says?"""
    return (rate.lo > 0 and sign < 0) or (rate.hi < 0 and sign > 0)


def _growth_from_levels(ctx: RuleContext, ms: list[Mention], pct: Mention) -> Iterator[Finding]:
    """"本年1.73万元，上年1.43万元，增长20.98%": the rate from the two levels themselves; other pairs of
    this year's and last year's figures of the sentence are the other readings."""
    found = _levels_rate(ms, pct)
    if found is None:
        last = [x for x in _levels_before(ms, pct) if x.sentence == pct.sentence]
        # The figure the rate follows is this year's level of what the sentence is about.
        zero = last[-1] if last and last[-1].value == 0 and last[-1].role in (None, "actual") else None
        if zero is not None and (pct.direction or 1) < 0:
            # Down to nothing is a fall of 100%, whatever last year's level was.
            d = decide(-pct.value, pct.decimals, [Candidate(Interval.exact(Decimal(-100)), Reading(
                f"本年数为{zero.stated.strip()}，下降100%", (mention_figure("本年数", zero),)), True, Decimal(-100))])
            if d.status == "verified":
                ctx.verified(pct, d.reading)
            else:
                yield ctx.report(f"增长率计算不符：本年数为{zero.stated.strip()}，应为下降100%，文中为{pct.cue_text}"
                                 f"{pct.stated.strip()}。", [evidence(pct)], stated=pct.stated.strip(), expected="100%",
                                 slip=d.miss == "slip", claim=pct, reading=d.reading)
            return
        in_table = table_levels(ctx.analysis, ms, pct)
        if in_table is None:
            ctx.unverified(pct, "句中没有增减额，也没有本年数和上年数")
            return
        # Last year's figure only in the table row of this year's: the one reading.
        cur, base, rate = in_table
        if not _against_levels(rate, pct.direction or 1):
            yield from _judge_levels(ctx, pct, cur, base, [growth_reading(of_mention(cur, "本年数"), base, certain=True)])
        return
    cur, prev, rate = found
    sign = pct.direction or 1
    if _against_levels(rate, sign):
        return  # reported by change-direction
    before = _levels_before(ms, pct)
    prevs = [x for x in before if x.role == "prev"]
    curs = [x for x in before if x.role in (None, "actual")]
    cands = [growth_reading(of_mention(cur, "本年数"), of_mention(prev, "上年数"), certain=True)]
    cands += [growth_reading(of_mention(x, "本年数"), of_mention(p, "上年数")) for p in prevs for x in curs
              if (x, p) != (cur, prev)]
    yield from _judge_levels(ctx, pct, cur, of_mention(prev, "上年数"), cands)


def _judge_levels(ctx: RuleContext, pct: Mention, cur: Mention, prev: Source, cands: list[Candidate]) -> Iterator[Finding]:
    """A growth rate decided among the readings of this year's and last year's levels (the first the certain one)."""
    d = decide(pct.value * (pct.direction or 1), pct.decimals, cands)
    if d.status == "verified":
        ctx.verified(pct, d.reading)
        return
    if d.status == "unverified" or d.candidate is None or d.candidate.point is None:
        ctx.unverified(pct, d.reason or "", d.reading)
        return
    expected = fmt_pct(abs(d.candidate.point), pct.decimals)
    yield ctx.report(f"增长率计算不符：本年{cur.stated.strip()}、上年{named_level(prev)}，应为{expected}，"
                     f"文中为{pct.stated.strip()}。", [evidence(pct), *cell_evidence(prev)], stated=pct.stated.strip(),
                     expected=expected, slip=d.miss == "slip", claim=pct, reading=d.reading)


def named_level(x: Mention | Source) -> str:
    """A level as a message names it: the figure, and for a table's cell its column too (5.36万元（表中上年决算数）)."""
    return f"{x.stated.strip()}（{x.figure.role}）" if isinstance(x, Source) and x.cell is not None else x.stated.strip()


def cell_evidence(x: Mention | Source) -> list[Evidence]:
    """The table cell a level was read from, as evidence beside the sentence's (none for the text's own)."""
    return [Evidence(x.cell.text, x.cell.loc)] if isinstance(x, Source) and x.cell is not None else []


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
    a = ctx.analysis
    for ms, pct in _percents(a, "completion"):
        pair = _budget_actual(ms, pct, a.knowledge)
        if pair is None:
            yield from _completion_by_table(ctx, ms, pct)
            continue
        budget, actual = pair
        if budget.value == 0:
            continue  # zero-base reports it
        yield from _judge_completion(ctx, pct, actual, _completion_readings(a, ms, pct, budget, actual),
                                     f"预算{budget.stated.strip()}")


def _judge_completion(ctx: RuleContext, pct: Mention, actual: Mention, cands: list[Candidate],
                      budget: str | None = None) -> Iterator[Finding]:
    """A completion rate decided among its readings: verified, unverified, or reported when no reading holds.
    `budget`: how the message names the budget (else by the figure of the reading chosen)."""
    d = decide(pct.value, pct.decimals, cands)
    if d.status == "verified":
        ctx.verified(pct, d.reading)
        return
    if d.status == "unverified" or d.candidate is None or d.candidate.point is None:
        ctx.unverified(pct, d.reason or "", d.reading)
        return
    expected = fmt_pct(d.candidate.point, pct.decimals)
    if budget is None:
        fig = d.reading.figures[1] if d.reading and len(d.reading.figures) > 1 else None
        budget = f"{fig.role}{fig.stated}" if fig else "预算"
    yield ctx.report(f"完成率计算不符：决算{actual.stated.strip()} ÷ {budget} = {expected}，文中为{pct.stated.strip()}。",
                     [evidence(pct)], stated=pct.stated.strip(), expected=expected, slip=d.miss == "slip", claim=pct,
                     reading=d.reading)


def _completion_readings(a: Analysis, ms: list[Mention], pct: Mention, budget: Mention,
                         actual: Mention) -> list[Candidate]:
    """actual ÷ budget for the pair the sentence states (certain when both are in the rate's own
    sentence), then every other budget figure around it (年初, 调整, 全年 …, the lines above too) against
    every actual figure of its line: a rate may be of the adjusted budget while the sentence also gives the
    initial one."""
    certain = budget.sentence == pct.sentence \
        and (actual.sentence == pct.sentence or _goes_on_with(ms, budget, actual, a.knowledge))
    out = [ratio_reading(of_mention(actual, "决算数"), of_mention(budget, "预算数"), pct.decimals, certain=certain)]
    # Only the rate's own line: the lines around it are often other items with budgets of their own.
    near = _levels_before(ms, pct, same_sentence=False)
    budgets = [x for x in near if x.role == "budget" and not x.yuan.contains_zero()]
    kind = budget_kind(pct.cue_text, a.knowledge)
    if kind and budget_kind(budget.label, a.knowledge) == kind:
        # 完成年初预算的97.1% beside 年初预算144.82万元: not of the 调整预算 the sentence also states
        budgets = [x for x in budgets if budget_kind(x.label, a.knowledge) in ("", kind)]
    actuals = [x for x in near if x.role in (None, "actual")]
    out += [ratio_reading(of_mention(x, "决算数"), of_mention(b, "预算数"), pct.decimals)
            for b in budgets for x in actuals if (b, x) != (budget, actual)]
    return out


def _goes_on_with(ms: list[Mention], budget: Mention, actual: Mention, k: Knowledge) -> bool:
    """Does the rate's sentence go on with the figure of the sentence before ("…收入总计1056.90万元，支出总计
    1056.90万元。与年初预算909.05万元相比，完成年初预算的94.97%")? Its budget names no quantity of its own, and
    every figure the sentence before states is that one (one value, however many names)."""
    if actual.sentence != budget.sentence - 1 or not is_bare(split_role(budget.label, k)[1], k):
        return False
    before = [x for x in ms if x.sentence == actual.sentence and x.is_level and x.role in (None, "actual")]
    return all(x.value == actual.value and x.unit == actual.unit for x in before)


def budget_kind(label: str, k: Knowledge) -> str:
    """Which budget a label names: 年初, 全年, 调整 … ("" when it names none)."""
    found = re.findall(k.claims["budget_kind"], label)
    return found[-1][0] if found else ""


def _completion_by_table(ctx: RuleContext, ms: list[Mention], pct: Mention) -> Iterator[Finding]:
    """"…（项）：支出决算为5.44万元，完成年初预算的151.89%" with the budget only in the tables: the budget column the
    rate names (年初 / 调整 / 全年预算数) of the row whose 决算 is the figure stated (certain when one column is named
    so), else unverified."""
    a = ctx.analysis
    actual = next((x for x in reversed(_levels_before(ms, pct)) if x.role in (None, "actual")), None)
    found = _row_of(a, actual) if actual is not None and actual.key else None
    if actual is None or found is None:
        ctx.unverified(pct, "句中找不到预算数和决算（执行）数")
        return
    t, row, _col = found
    kind = budget_kind(pct.cue_text, a.knowledge)
    cols = [col for col, c in t.columns.items() if col in row.values and re.search(a.knowledge.claims["table_budget_column"], c.name)
            and budget_kind(c.name, a.knowledge).startswith(kind)]
    cands = [ratio_reading(of_mention(actual, "决算数"), of_cell(t, row.values[col], f"表中{t.columns[col].name}"),
                           pct.decimals, certain=len(cols) == 1 and bool(kind))
             for col in cols if row.values[col].value]
    if not cands:
        ctx.unverified(pct, "句中找不到预算数，表中本项的预算数为空")
        return
    yield from _judge_completion(ctx, pct, actual, cands)


def _row_of(a: Analysis, m: Mention) -> tuple[ParsedTable, Row, int] | None:
    """The table row whose figure is the quantity m states, and states the same amount (a 功能分类 item's row of a
    决算 table), with the column of that figure: None when no such row, or several."""
    rows = {id(w[1]): (*w, col) for f in a.table_facts if f.key == m.key and Amount.of_fact(f).yuan.overlaps(m.yuan)
            and (w := row_stating(a.tables, f.loc)) is not None
            for col, v in w[1].values.items() if v.cell.loc == f.loc}
    return next(iter(rows.values())) if len(rows) == 1 else None


def _budget_actual(ms: list[Mention], pct: Mention, k: Knowledge) -> tuple[Mention, Mention] | None:
    # "年初预算为0万元，全年预算为321.02万元 … 完成年初预算的95.89%": the rate is of the budget it names.
    kind = budget_kind(pct.cue_text, k)
    budget = actual = None
    for x in reversed(_levels_before(ms, pct, same_sentence=False)):
        if x.sentence < pct.sentence - 1:
            break
        if x.role == "budget" and budget is None and (not kind or budget_kind(x.label, k) in ("", kind)):
            if actual is not None and x.value != 0 and not _same_quantity(x, actual, k):
                # The total's budget before an item's actual (…年初预算22.00，其中：公务接待费决算0.30) is not the
                # item's; a total budgeted at 0 is (every part of it is 0 too).
                continue
            budget = x
        elif x.role in (None, "actual") and actual is None and (x.role == "actual" or budget is not None
                                                                 or x.sentence == pct.sentence):
            actual = x
        if budget is not None and actual is not None:
            return budget, actual
    return None


def _same_quantity(budget: Mention, actual: Mention, k: Knowledge) -> bool:
    """Can a budget figure and an actual one be of one quantity (either unnamed, or both named alike)?"""
    if not budget.key or not actual.key:
        return True
    return k.quantity_key(budget.key) == k.quantity_key(actual.key)


@rule("zero-base", "arithmetic", "warning", "以零为基数的比率",
      "基数为0时增长率、完成率或占比没有意义：“年初预算为0万元……完成年初预算的100%”“上年为0……增长100%”应改为说明新增情况；"
      "表中为0的总额不能写“占……总额的0%”。",
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
            elif pct.cue == "share" and pct.den:
                yield from _zero_named_base(ctx, pct)
        first = line_first(ms)
        if first is not None:
            previous_first = [first]


def _zero_base_growth(ctx: RuleContext, ms: list[Mention], pct: Mention, previous_first: list[Mention],
                      said: re.Pattern[str]) -> Iterator[Finding]:
    """A growth rate whose base is zero: the increase is this year's whole amount (增加307.82万元 of
    307.82万元, "增长100%" or "增长0%"), or the sentence itself says there was no base (无上年决算数)."""
    change = _change_for(ms, pct, ctx.analysis.knowledge.claims)
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


def _zero_named_base(ctx: RuleContext, pct: Mention) -> Iterator[Finding]:
    """A share of a named total that every table states as 0 ("0个政府性基金预算项目…共涉及资金0万元，
    占政府性基金预算项目支出总额的0%", the 政府性基金 table's 项目支出 0.00): 0 ÷ 0 has no value."""
    bases = _named_bases(ctx.analysis, pct) or []
    tables = [t for t, _label in bases if t.figure.loc.table is not None]
    if not tables or not all(t.yuan.contains_zero() and t.value_yuan == 0 for t in tables):
        return
    t = tables[0]
    yield ctx.report(f"“{pct.den}”在表中为{t.figure.stated.strip()}（{t.figure.loc.describe()}），以0为基数无法计算占比，"
                     f"文中却写“占{pct.den}的{pct.stated.strip()}”。",
                     [evidence(pct)], stated=pct.stated.strip(), expected="不适用（总额为0）")


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
