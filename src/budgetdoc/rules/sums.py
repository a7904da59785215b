"""Sums and identities: breakdowns (其中) against their totals, the identities of domain.md across
the document, and one quantity stated with two different amounts."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Breakdown, Mention
from ..interval import interval_sum
from ..knowledge import Knowledge, knowledge
from ..model import Evidence, Finding
from .base import RuleContext, evidence, fmt_amount, miss_severity, rule

# Facts in these parts are definitions, self-evaluation reports or attachments with their own
# definitions of the same words: they are listed but not held to the main tables' identities.
_SIDE_SECTIONS = {"glossary", "performance", "contact", "tables", "attachment"}


def in_side_section(m: Mention) -> bool:
    sec = m.line.section
    return sec is not None and any(s.type in _SIDE_SECTIONS for s in sec.chain())


def first_levels(a: Analysis) -> dict[str, Mention]:
    """The first amount the main text states for each key (all keys a phrase states, e.g. 收、支总计)."""
    first: dict[str, Mention] = {}
    for m in a.all_mentions():
        if m.key and not m.is_percent and not m.is_change and not in_side_section(m):
            for key in m.keys:
                first.setdefault(key, m)
    return first


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
        if b.head.key is None or not b.parts or in_side_section(b.head):
            continue
        yield from _check_breakdown(ctx, b)


def _check_breakdown(ctx: RuleContext, b: Breakdown) -> Iterator[Finding]:
    ident = _identity_for(b.head.key, ctx.knowledge)  # type: ignore[arg-type]
    k = ctx.knowledge
    scope = _scope(b.head.key, k)  # type: ignore[arg-type]
    keys = {k.base_key(p.key) for p in b.parts if p.key and _scope(p.key, k) == scope}
    complete = ident is not None and all(p.key for p in b.parts) and set(ident.parts) <= keys
    res = _mismatch(b.head, b.parts, must_equal=complete)
    if res is None:
        return
    slip, total = res
    names = "、".join(p.label or "分项" for p in b.parts[:8])
    kind = "应等于" if complete else "不应超过"
    expected = _fmt_yuan_like(total.mid, max([b.head, *b.parts], key=lambda m: m.decimals))
    yield ctx.report(f"分项之和{expected}与合计{b.head.stated.strip()}不符（{names}之和{kind}合计）。",
                     _breakdown_evidence(b), stated=b.head.stated.strip(), expected=expected, slip=slip)


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
    a = ctx.analysis
    first = first_levels(a)
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
            res = _mismatch(total, parts, must_equal=True)  # type: ignore[arg-type]
            if res is None:
                continue
            slip, s = res
            expected = _fmt_yuan_like(s.mid, total)
            ev = [evidence(total)] + [evidence(p) for p in parts if p is not None and p.line is not total.line]
            yield ctx.report(f"{ident.name}不成立：各项之和为{expected}，文中{a.name(scope + ident.total)}"
                             f"为{total.stated.strip()}。", _dedupe(ev), stated=total.stated.strip(), expected=expected,
                             slip=slip)
    for eq in a.knowledge.equalities:
        left, right = first.get(eq.left), first.get(eq.right)
        if left is None or right is None or left is right or left.yuan.overlaps(right.yuan):
            continue
        yield ctx.report(f"{a.name(eq.left)}{left.stated.strip()}与{a.name(eq.right)}{right.stated.strip()}不相等。",
                         _dedupe([evidence(left), evidence(right)]), stated=right.stated.strip(),
                         expected=left.stated.strip(), slip=miss_severity(right, left.interval) == "slip"
                         and left.unit == right.unit)


def _dedupe(ev: list[Evidence]) -> list[Evidence]:
    seen, out = set(), []
    for e in ev:
        k = (e.quote, e.loc)
        if k not in seen:
            seen.add(k)
            out.append(e)
    return out


@rule("fact-conflict", "consistency", "error", "同一数据前后表述不一致",
      "同一口径的同一数据（如本年支出合计、基本支出）在文中各处必须一致。例：第一处基本支出221.33万元，另一处221.30万元。",
      rationale="同一口径的同一数据在情况说明各处和公开表中只能有一个数值；不一致时应以公开表为准更正文字。",
      last_digit=True)
def check_conflicts(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    seen: dict[str, Mention] = {}
    reported: set[tuple[str, Decimal]] = set()
    for m in a.all_mentions():
        if not m.key or m.is_percent or m.is_change or m.threshold or in_side_section(m):
            continue
        if m.list_head is not None and m.list_head.key is None:
            continue
        for key in m.keys:
            first = seen.setdefault(key, m)
            if first is m or first.yuan.overlaps(m.yuan) or (key, m.value_yuan) in reported:
                continue
            reported.add((key, m.value_yuan))
            slip = miss_severity(m, first.yuan.scale(Decimal(1) / m.scale)) == "slip"
            yield ctx.report(f"{a.name(key)}前后不一致：{first.line.block.loc.describe()}为"
                             f"{first.stated.strip()}，{m.line.block.loc.describe()}为{m.stated.strip()}。",
                             [evidence(first), evidence(m)], stated=m.stated.strip(), expected=first.stated.strip(),
                             slip=slip)


def _names_other_quantity(change: Mention, k: Knowledge) -> bool:
    """A change is about the figure just stated only when its own words name nothing else: "与上年决算相比,
    减少0.28万元" is; "与2019年度相比，收入增加304.77万元" is about 收入, not the 年末结转 before it."""
    label = change.label[: len(change.label) - len(change.cue_text)] if change.cue_text else change.label
    rest = k.patterns["compared"].sub("", label.strip(",，;； ")).strip(",，;； ")
    return rest not in ("", "各", "共", "分别")


@rule("carryover-chain", "consistency", "error", "上年年末结转与本年年初结转不衔接",
      "上年的年末结转和结余就是本年的年初结转和结余。文中由“年末结转和结余X万元，比上年减少Y万元”可推出上年年末数，"
      "它应等于本年的年初结转和结余。",
      rationale="结转结余跨年衔接：上年末结转和结余 = 本年初结转和结余（收入支出决算总表的勾稽关系）。",
      last_digit=True)
def check_carryover_chain(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    first = first_levels(a)
    for scope in ("", "fiscal."):  # the totals' scopes: all funds, and 财政拨款 (财政拨款收入支出决算总表)
        begin = first.get(scope + "income.carryover_begin")
        end = first.get(scope + "expense.carryover_end")
        if begin is None or end is None:
            continue
        # The change stated right after this year's 年末 figure gives last year's 年末.
        change = next((x for _ln, ms in a.mentions for x in ms if x.is_change and x.line is end.line
                       and x.start > end.start and x.subject == end.key), None)
        if change is None or _names_other_quantity(change, a.knowledge):
            continue
        signed = change.yuan if change.direction > 0 else -change.yuan
        prev_end = end.yuan - signed
        if prev_end.overlaps(begin.yuan):
            continue
        stated = _fmt_yuan_like(end.value_yuan - (change.value_yuan if change.direction > 0 else -change.value_yuan), end)
        # A slip when the derived figure misses this year's 年初 by at most one unit of its last digit.
        unit_yuan = Decimal(1).scaleb(-begin.decimals) * begin.scale
        slip = prev_end.gap(begin.value_yuan) <= unit_yuan
        yield ctx.report(f"由年末结转和结余{end.stated.strip()}及其变动{change.cue_text}{change.stated.strip()}推得上年年末为"
                         f"{stated}，而本年年初结转和结余为{begin.stated.strip()}。",
                         [evidence(end, end=change.end, start=end.clause_start), evidence(begin)],
                         stated=stated, expected=begin.stated.strip(), slip=slip)
