"""Consistency: one quantity stated with two amounts, last year's 年末结转 against this year's 年初结转,
the vehicles of the 三公 section against the assets section."""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Mention
from ..extract.keys import is_bare, split_role
from ..knowledge import Knowledge
from ..model import Finding, Reading
from ..verify import mention_figure
from ..verify.search import statements
from .base import (
    RuleContext,
    evidence,
    first_levels,
    in_side_section,
    line_evidence,
    miss_severity,
    rule,
    unit_of,
)
from .claims import budget_kind
from .sums import _fmt_yuan_like


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
        kind = _budget_kind(m, a.knowledge)
        for key in m.keys:
            # An item named without its path is the same item only within its paragraph; a budget unit's
            # figures (under a heading that names the unit) are the same quantity only within that unit.
            where = id(m.line.block) if _partial_item(key) else 0
            first = seen.setdefault(f"{key}|{kind}|{where}|{unit_of(m)}", m)
            if first is m:
                continue
            if first.yuan.overlaps(m.yuan):
                ctx.verified(m, Reading(f"与{first.line.block.loc.describe()}的{first.stated.strip()}一致",
                                        (mention_figure(a.name(key), first),)))
                continue
            if (key, m.value_yuan) in reported:
                continue
            # The tables decide which of the two is the figure: the one no table states is the wrong one;
            # when each matches a table (two funding scopes the text did not name), neither is.
            tables = statements(a, key, a.name(key), other_scopes=True, text=False)
            m_table = next((t for t in tables if t.yuan.overlaps(m.yuan)), None)
            f_table = next((t for t in tables if t.yuan.overlaps(first.yuan)), None)
            if m_table is not None and f_table is not None:
                for x, t in ((first, f_table), (m, m_table)):
                    ctx.verified(x, Reading(f"与表中{t.stated}一致（口径不同）", (t.figure,)))
                continue
            wrong, right = (first, m) if m_table is not None else (m, first)
            if _siblings(first, m) or _as_change(a, wrong, right) or _as_change(a, right, wrong) \
                    or (_generic(first, a.knowledge) or _generic(m, a.knowledge)) and first.line is not m.line \
                    or _sections_of_two_scopes(first, m) or _two_bodies(first, m, a.knowledge) \
                    or _one_sentence_two_names(first, m, a.knowledge):
                ctx.unverified(wrong, "两处数字可能不是同一数据（同一列举中的两项，或未写“增加”的增减额）")
                continue
            reported.add((key, wrong.value_yuan))
            slip = miss_severity(wrong, right.yuan.scale(Decimal(1) / wrong.scale)) == "slip"
            table_note = f"（表中为{m_table.stated}）" if m_table is not None else ""
            yield ctx.report(f"{a.name(key)}前后不一致：{first.line.block.loc.describe()}为"
                             f"{first.stated.strip()}，{m.line.block.loc.describe()}为{m.stated.strip()}。{table_note}",
                             [evidence(first), evidence(m)], stated=wrong.stated.strip(), expected=right.stated.strip(),
                             slip=slip, claim=wrong, reading=Reading(f"同一数据另一处为{right.stated.strip()}",
                                                                     (mention_figure(a.name(key), right),)))


def _generic(m: Mention, k: Knowledge) -> bool:
    """A figure labelled only by its side and period ("(二)公务接待费。支出预算1.90万元"): whose 支出 it is, the
    paragraph says, not the label; it is not certainly the department's total. (Within one paragraph the two
    figures are of what that paragraph is about: "支出决算为25.37万元，…；全年实际支出52.37万元".)"""
    _role, rest = split_role(m.label.strip(), k)
    return rest.strip(",，;；: ") in (*k.words["income"], *k.words["expense"])


def _sections_of_two_scopes(x: Mention, y: Mention) -> bool:
    """Two figures under headings of two funding scopes ("2.政府性基金收支…：上级补助收入113566万元" and
    "3.国有资本经营收支…：上级补助收入44万元"): each may be its section's, though the label names no scope."""
    sx = x.line.section.effective_scope if x.line.section else None
    sy = y.line.section.effective_scope if y.line.section else None
    return sx is not None and sy is not None and sx != sy


def _two_bodies(x: Mention, y: Mention, k: Knowledge) -> bool:
    """Two figures whose clauses name two bodies ("鄂城区2022年的三公经费决算数合计为1000.86万" and "2022年区直财政
    拨款资金安排三公经费决算数为736.40万元"; 本级 beside the whole department): each may be its body's."""
    body = re.compile(k.claims["body_scope"])

    def named(m: Mention) -> set[str]:
        return set(body.findall(m.line.norm.text[m.clause_start:m.start]))

    return named(x) != named(y)


def _one_sentence_two_names(x: Mention, y: Mention, k: Knowledge) -> bool:
    """One sentence stating a quantity twice under two names ("分级次看，市级一般公共预算收入49.5亿元，…县（市、区）
    一般公共预算收入234.6亿元"): a figure for each of the scopes it goes through, not one figure twice."""
    if not (x.line is y.line and x.sentence == y.sentence and x.label.strip() != y.label.strip()):
        return False
    # Two role words of the item the sentence is about ("预算数为59.87万元，…；本年预算安排95.87万元"): one figure.
    return not all(is_bare(split_role(v.label.strip(), k)[1], k) for v in (x, y))


def _siblings(x: Mention, y: Mention) -> bool:
    """Two items of one list (其中：A x，B y): never one quantity stated twice, whatever their labels read as."""
    return x.list_head is not None and x.list_head is y.list_head


def _as_change(a: Analysis, x: Mention, level: Mention) -> bool:
    """Is x, read as the change of `level` over last year, right with the growth rate right after it
    ("…比2021年增加231,448.10元。其中：…公务用车购置及运行费支出决算174,732.10元，增长176.55%": the change
    written without 增加, 273,702.10 − 174,732.10 = 98,970.00 and 174,732.10 ÷ 98,970.00 = 176.55%)?"""
    ms = a.line_mentions(x)
    after = ms[ms.index(x) + 1:]
    rate = after[0] if after else None
    if rate is None or rate.cue != "growth" or rate.sentence != x.sentence:
        return False
    base = level.yuan - x.yuan
    if base.lo <= 0:
        return False
    expected = x.yuan / base  # not None: the base is above 0
    return expected is not None and rate.interval.overlaps(expected.scale(Decimal(100)))


def _budget_kind(m: Mention, k: Knowledge) -> str:
    """年初 or 全年 for a budget figure (年初预算为0万元，全年预算为321.02万元: two figures), else ""."""
    return budget_kind(m.label, k) if m.role == "budget" else ""


def _partial_item(key: str) -> bool:
    """A 功能分类 item named without its 类/款 path (func.行政运行, or a name cut at a line break):
    the same 项 name sits under many 款, so two amounts for it in two paragraphs may be two items."""
    item = key.partition("func.")[2]
    return bool(item) and "/" not in item and not item.isdigit()


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
        # The change stated right after this year's 年末 figure gives last year's 年末: in its sentence, or opening
        # the next when the 年末 opens its own ("3.年末结转和结余0.67万元。与上年决算相比,减少0.28万元"). After a
        # sentence that lists several totals ("…；本年支出合计X，年末结转和结余13.86万元。较上年增长320.79万元") the
        # change is of what the paragraph is about, its 收入总计.
        opens = next((x for x in a.line_mentions(end) if x.sentence == end.sentence and x.is_level), None) is end
        change = next((x for _ln, ms in a.mentions for x in ms if x.is_change and x.line is end.line
                       and (x.sentence == end.sentence or (opens and x.sentence == end.sentence + 1))
                       and x.start > end.start and x.subject == end.key), None)
        if change is None or _names_other_quantity(change, a.knowledge):
            continue
        signed = change.yuan if change.direction > 0 else -change.yuan
        prev_end = end.yuan - signed
        if prev_end.hi < 0:
            ctx.unverified(change, "由年末结转和结余及其变动推得的上年数为负，变动所指可能是其他数字")
            continue
        if prev_end.overlaps(begin.yuan):
            ctx.verified(change, Reading(f"{end.stated.strip()} − {change.stated.strip()} = 本年年初结转和结余{begin.stated.strip()}",
                                         (mention_figure("年末结转和结余", end), mention_figure("年初结转和结余", begin))))
            continue
        stated = _fmt_yuan_like(end.value_yuan - (change.value_yuan if change.direction > 0 else -change.value_yuan), end)
        # A slip when the derived figure misses this year's 年初 by at most one unit of its last digit.
        unit_yuan = Decimal(1).scaleb(-begin.decimals) * begin.scale
        slip = prev_end.gap(begin.value_yuan) <= unit_yuan
        yield ctx.report(f"由年末结转和结余{end.stated.strip()}及其变动{change.cue_text}{change.stated.strip()}推得上年年末为"
                         f"{stated}，而本年年初结转和结余为{begin.stated.strip()}。",
                         [evidence(end, end=change.end, start=end.clause_start), evidence(begin)],
                         stated=stated, expected=begin.stated.strip(), slip=slip, claim=change)


@rule("vehicle-count", "consistency", "warning", "公务用车数量前后矛盾",
      "“三公”经费说明中财政拨款开支的公务用车保有量，不能多于国有资产占用情况中的车辆总数。",
      rationale="公务用车保有量是部门车辆的一部分（国有资产占用情况按用途列示全部车辆）。")
def check_vehicle_counts(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    fleet = total = None
    fleet_re, vehicles_re = a.knowledge.patterns["fleet"], a.knowledge.patterns["vehicles"]
    for line in a.lines:
        text = line.norm.text
        if fleet is None and (m := fleet_re.search(text)):
            fleet = (int(m.group("n")), line, m)
        if total is None and (m := vehicles_re.search(text)):
            total = (int(m.group("n")), line, m)
    if fleet and total and fleet[0] > total[0]:
        yield ctx.report(f"公务用车保有量{fleet[0]}辆，多于国有资产中的车辆总数{total[0]}辆。",
                      [line_evidence(fleet[1], fleet[2].start(), fleet[2].end()),
                       line_evidence(total[1], total[2].start(), total[2].end())],
                      stated=f"{fleet[0]}辆", expected=f"≤{total[0]}辆")
