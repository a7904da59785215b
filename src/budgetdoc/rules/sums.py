"""Arithmetic of stated amounts: breakdowns (其中) against their totals, the identities of domain.md
across the document, 机关运行经费 within 公用经费."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Breakdown, Mention
from ..interval import Interval, interval_sum
from ..knowledge import Knowledge, knowledge
from ..model import Evidence, Finding, Reading
from ..verify import Candidate, decide
from ..verify.search import of_mention, statements, sum_reading, yuan_decimals
from .base import (
    RuleContext,
    evidence,
    first_levels,
    fmt_amount,
    in_side_section,
    miss_severity,
    rule,
    units,
)


def _scope(key: str, k: Knowledge) -> str:
    return key[: len(key) - len(k.base_key(key))]


def _identity_for(total_key: str, k: Knowledge | None = None):
    k = k or knowledge()
    for ident in k.identities:
        if ident.total == k.base_key(total_key) and ident.complete:
            return ident
    return None


def _mismatch(head: Mention, parts: list[Mention], must_equal: bool):
    total = interval_sum([p.yuan for p in parts])
    if must_equal:
        if total.overlaps(head.yuan):
            return None
    elif total.lo <= head.yuan.hi:
        return None
    scale = head.yuan.hi - head.yuan.lo
    unit_yuan = scale if scale > 0 else Decimal(1)
    gap = head.yuan.gap(total.mid) if must_equal else total.lo - head.yuan.hi
    return gap <= unit_yuan, total  # (a last-digit slip?, the sum of the parts)


def _fmt_yuan_like(value: Decimal, like: Mention) -> str:
    return fmt_amount(like, value / like.scale)


@rule("breakdown-sum", "arithmetic", "error", "分项之和与合计不符",
      "“合计X，其中：A、B、C”中，各分项应相加等于合计（分项齐全时），至少不能超过合计。"
      "例：政府采购支出总额0万元，其中货物13.36万元——分项超过总额。",
      rationale="合计 = 各分项之和：政府采购支出总额 = 货物 + 工程 + 服务；三公经费 = 因公出国(境)费 + 公务用车购置及运行维护费 + 公务接待费；基本支出 = 人员经费 + 公用经费。分项不全时，已列分项之和不能超过合计。",
      last_digit=True)
def check_breakdowns(ctx: RuleContext) -> Iterator[Finding]:
    for b in ctx.analysis.breakdowns:
        if not b.parts or in_side_section(b.head):
            continue
        if b.head.key is None:
            yield from _check_unnamed(ctx, b)
            continue
        yield from _check_breakdown(ctx, b)


def _check_unnamed(ctx: RuleContext, b: Breakdown) -> Iterator[Finding]:
    """A list under a total we cannot name ("国库拨款资金X。其中：财政拨款A、国有资源有偿使用收入B"):
    whether it is complete is unknown, so a sum that misses decides nothing; a sum that holds
    verifies the total and each item. Unless the sentence counts the items and lists that many
    ("重点项目7个，共计494.38万元，其中：A 76.30万元、…、G 75.01万元"): then they are all, and must add up."""
    if len(b.parts) < 2 or any(p.is_percent or p.is_change for p in b.parts):
        return
    counted = _counted(b, ctx.knowledge) == len(b.parts)
    reading = sum_reading([of_mention(p, "分项") for p in b.parts], "", complete=True, certain=counted)
    d = decide(b.head.value_yuan, yuan_decimals(b.head), [reading])
    if d.status == "verified":
        for m in (b.head, *b.parts):
            ctx.verified(m, reading.reading)
        return
    if not counted or d.status != "contradicted" or d.candidate is None or d.candidate.point is None:
        return
    expected = _fmt_yuan_like(d.candidate.point, max([b.head, *b.parts], key=lambda m: m.decimals))
    yield ctx.report(f"所列{len(b.parts)}项之和为{expected}，与共计{b.head.stated.strip()}不符。",
                     _breakdown_evidence(b), stated=b.head.stated.strip(), expected=expected,
                     slip=d.miss == "slip", claim=b.head, reading=d.reading)


def _counted(b: Breakdown, k: Knowledge) -> int | None:
    """How many items the head's sentence says there are ("重点项目7个，共计…"), when the list after it
    does not leave some out (…等)."""
    text = b.head.line.norm.text
    start = max(text.rfind(c, 0, b.head.start) for c in "。;；") + 1
    counts = list(re.finditer(k.claims["list_count"], text[start:b.head.start]))
    last = b.parts[-1]
    if not counts or last.line is not b.head.line or "等" in text[last.end:last.end + 3]:
        return None
    return int(counts[-1].group("n"))


def _check_breakdown(ctx: RuleContext, b: Breakdown) -> Iterator[Finding]:
    ident = _identity_for(b.head.key, ctx.knowledge)  # type: ignore[arg-type]
    k = ctx.knowledge
    scope = _scope(b.head.key, k)  # type: ignore[arg-type]
    keys = {k.base_key(p.key) for p in b.parts if p.key and _scope(p.key, k) == scope}
    complete = ident is not None and all(p.key for p in b.parts) and set(ident.parts) <= keys
    d = decide(b.head.value_yuan, yuan_decimals(b.head), _breakdown_readings(b, complete, k))
    if d.status == "verified":
        ctx.verified(b.head, d.reading)
        if complete or _adds_up(b):
            for p in b.parts:
                ctx.verified(p, d.reading)
        return
    if d.status == "unverified" or d.candidate is None or d.candidate.point is None:
        ctx.unverified(b.head, d.reason or "", d.reading)
        return
    names = "、".join(p.label or "分项" for p in b.parts[:8])
    kind = "应等于" if complete else "不应超过"
    expected = _fmt_yuan_like(d.candidate.point, max([b.head, *b.parts], key=lambda m: m.decimals))
    yield ctx.report(f"分项之和{expected}与合计{b.head.stated.strip()}不符（{names}之和{kind}合计）。",
                     _breakdown_evidence(b), stated=b.head.stated.strip(), expected=expected,
                     slip=d.miss == "slip", claim=b.head, reading=d.reading)


def _adds_up(b: Breakdown) -> bool:
    """Do the items add up to the total, within rounding (then each is consistent with it)?"""
    if len(b.parts) < 2:
        return False
    return interval_sum([p.yuan for p in b.parts]).overlaps(b.head.yuan)


def _breakdown_readings(b: Breakdown, complete: bool, k: Knowledge) -> list[Candidate]:
    """Σ of the listed items (certain: the list is read from the sentence's own structure), then the
    readings where some items are sub-items of another: an item whose quantity is a part of another
    item's (公务用车购置费 after 公务用车购置及运行维护费), or a run of items that adds up to the item
    before it (a parent followed by its own sub-items)."""
    parts = [of_mention(p, "分项") for p in b.parts]
    out = [sum_reading(parts, "", complete=complete, certain=True)]
    nested = {id(p) for p in b.parts for q in b.parts if p is not q and p.key and q.key
              and k.base_key(p.key) in _components(q.key, k)}
    if nested:
        out.append(sum_reading([s for s in parts if id(s.mention) not in nested], "", complete=complete))
    for i in range(len(parts)):
        run = Interval(Decimal(0), Decimal(0))
        for j in range(i + 1, len(parts)):
            run = run + parts[j].yuan
            if j > i + 1 and run.overlaps(parts[i].yuan):
                out.append(sum_reading(parts[: i + 1] + parts[j + 1:], "", complete=complete))
    return out


def _components(key: str | None, k: Knowledge) -> set[str]:
    """The parts of a total's identity (三公经费 -> 因公出国(境)费, 公务用车费, 公务接待费)."""
    if not key:
        return set()
    return {p for i in k.identities if i.total == k.base_key(key) for p in i.parts}


def _breakdown_evidence(b: Breakdown) -> list[Evidence]:
    """The head's sentence through its last part; a list that runs over lines quotes each line."""
    same_line = [p for p in b.parts if p.line is b.head.line]
    out = [evidence(b.head, end=(same_line[-1].end if same_line else None))]
    seen = {id(b.head.line)}
    for p in b.parts:
        if id(p.line) not in seen:
            seen.add(id(p.line))
            out.append(evidence(p))
    return out


@rule("identity", "arithmetic", "error", "收支恒等式不成立",
      "收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；"
      "收入总计 = 支出总计。分别在文中不同位置陈述的数字也须满足。",
      rationale="收入支出决算总表的平衡关系：收入总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转和结余；支出总计 = 本年支出合计 + 结余分配 + 年末结转和结余；收入总计 = 支出总计。",
      last_digit=True)
def check_identities(ctx: RuleContext) -> Iterator[Finding]:
    for unit in units(ctx.analysis):
        yield from _identities_in(ctx, first_levels(ctx.analysis, unit))


def _identities_in(ctx: RuleContext, first: dict[str, Mention]) -> Iterator[Finding]:
    """The identities among the first figures of one budget unit's scope."""
    a = ctx.analysis
    checked_heads = {id(b.head) for b in a.breakdowns if b.parts}
    for ident in a.knowledge.identities:
        if not ident.complete:
            continue
        for scope in ("", *a.knowledge.scope_prefixes):
            total = first.get(scope + ident.total)
            if total is None or id(total) in checked_heads:
                continue
            parts = [first.get(scope + p) for p in ident.parts]
            if any(p is None for p in parts) or any(p is total for p in parts):
                continue
            if _years_apart(a, total, parts):  # type: ignore[arg-type]
                # "2022年“三公”经费…3.46万元" and "2023年…因公出国（境）费…": two years' figures, no identity.
                ctx.unverified(total, "合计与分项标明的年度不同")
                continue
            if _more_items(a, parts):  # type: ignore[arg-type]
                ctx.unverified(total, "分项所在的列举还有其他金额，组成不确定")
                continue
            cands = _identity_readings(a, total, parts, [scope + p for p in ident.parts])  # type: ignore[arg-type]
            d = decide(total.value_yuan, yuan_decimals(total), cands)
            if d.status == "verified":
                ctx.verified(total, d.reading)
                if d.candidate is cands[0]:  # the parts as first stated add up: each agrees with the total
                    for p in parts:
                        ctx.verified(p, d.reading)  # type: ignore[arg-type]
                continue
            if d.status == "unverified" or d.candidate is None or d.candidate.point is None:
                ctx.unverified(total, d.reason or "", d.reading)
                continue
            expected = _fmt_yuan_like(d.candidate.point, total)
            ev = [evidence(total)] + [evidence(p) for p in parts if p is not None and p.line is not total.line]
            yield ctx.report(f"{ident.name}不成立：各项之和为{expected}，文中{a.name(scope + ident.total)}"
                             f"为{total.stated.strip()}。", _dedupe(ev), stated=total.stated.strip(), expected=expected,
                             slip=d.miss == "slip", claim=total, reading=d.reading)
    for eq in a.knowledge.equalities:
        left, right = first.get(eq.left), first.get(eq.right)
        if left is None or right is None or left is right:
            continue
        cands = [sum_reading([of_mention(left, a.name(eq.left))], "", certain=True)]
        cands += [sum_reading([s], "") for s in statements(a, eq.left, a.name(eq.left))]
        d = decide(right.value_yuan, yuan_decimals(right), cands)
        if d.status == "verified":
            ctx.verified(right, d.reading)
            continue
        yield ctx.report(f"{a.name(eq.left)}{left.stated.strip()}与{a.name(eq.right)}{right.stated.strip()}不相等。",
                         _dedupe([evidence(left), evidence(right)]), stated=right.stated.strip(),
                         expected=left.stated.strip(), slip=miss_severity(right, left.interval) == "slip"
                         and left.unit == right.unit, claim=right, reading=d.reading)


def _more_items(a: Analysis, parts: list[Mention]) -> bool:
    """Are the parts listed, in one sentence, beside amounts of things the knowledge does not name ("公务用车购置及运行
    维护费11167万元（其中，公务用车购置费255万元，公务用车运行维护费7922万元，其他交通工具购置144万元，其他交通费用
    2846万元）"): the whole may be of those too, so the identity's parts are not all of it."""
    first = min(parts, key=lambda p: (p.line.index, p.start))
    if not all(p.line is first.line and p.sentence == first.sentence for p in parts):
        return False
    return any(x.is_level and not x.key and x.role is None and x.start > first.start and x.sentence == first.sentence
               for x in a.line_mentions(first))


def _years_apart(a: Analysis, total: Mention, parts: list[Mention]) -> bool:
    """Do the sentences of the total and of its parts open with years (2022年…, 2023年…), and no year of both?"""
    label = re.compile(a.knowledge.claims["year_label"])

    def years(ms: list[Mention]) -> set[str]:
        out = set()
        for x in ms:
            text = x.line.norm.text
            opening = text[max(text.rfind(c, 0, x.start) for c in "。!?") + 1:x.start]
            if (m := label.match(opening)) is not None:
                out.add(m.group("year"))
        return out

    own, theirs = years([total]), years(parts)
    return bool(own and theirs) and not own & theirs


def _identity_readings(a: Analysis, total: Mention, parts: list[Mention], keys: list[str]) -> list[Candidate]:
    """Σ of the first statement of each part (certain), then the same with one part taken as stated
    elsewhere (another sentence, a table): the text may state a part twice, once in another scope."""
    srcs = [of_mention(p, a.name(key)) for p, key in zip(parts, keys, strict=True)]
    out = [sum_reading(srcs, "", certain=True)]
    for i, key in enumerate(keys):
        for alt in statements(a, key, a.name(key)):
            if alt.mention is not parts[i] and not alt.yuan.overlaps(srcs[i].yuan):
                out.append(sum_reading(srcs[:i] + [alt] + srcs[i + 1:], ""))
    return out


def _dedupe(ev: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in ev:
        k = (e.quote, e.loc)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


def _other_basis(a: Analysis) -> bool:
    """Does the document say its 机关运行经费 is counted on another basis (口径) than 公用经费? Then
    the two are not comparable (Jiangsu's 2017 budgets: "2017年“机关运行经费”统计口径发生调整", the
    项目 spending's 商品服务支出 included)."""
    said = re.compile(a.knowledge.claims["operating_cost_basis"])
    return any(said.search(line.norm.text) for line in a.lines)


@rule("operating-cost", "arithmetic", "warning", "机关运行经费超过公用经费",
      "按通行口径，机关运行经费是行政单位（含参公单位）基本支出中的公用经费，不应超过部门的公用经费。"
      "各地口径不同（有的按经济分类科目统计，含项目支出），所以只作提示，请按本地口径核对。",
      rationale="机关运行经费 ⊆ 一般公共预算财政拨款基本支出中的公用经费（名词解释口径）；这是定义而非恒等式，"
                "文件自述或名词解释采用其他口径时不适用。")
def check_operating_cost(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    first = first_levels(a)
    op = first.get("operating_cost")
    public = first.get("gpb.expense.public") or first.get("expense.public")
    if op is None or public is None or _other_basis(a):
        return
    # Any statement of 公用经费 (text or table, any funding scope) the figure stays within is a reading
    # under which the definition holds.
    readings = [s for key in ("gpb.expense.public", "expense.public", "fiscal.expense.public")
                for s in statements(a, key, "公用经费")]
    within = next((s for s in readings if op.yuan.lo <= s.yuan.hi), None)
    if within is not None:
        ctx.verified(op, Reading(f"{op.stated.strip()} ≤ 公用经费{within.stated}", (within.figure,)))
        return
    yield ctx.report(f"机关运行经费{op.stated.strip()}超过公用经费{public.stated.strip()}，请按本地机关运行经费的统计口径核对。",
                     [evidence(op), evidence(public)], stated=op.stated.strip(), expected=f"≤{public.stated.strip()}",
                     claim=op, unverified="机关运行经费的口径各地不同，无法据公用经费判断")
