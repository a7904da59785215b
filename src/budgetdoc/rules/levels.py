"""One item across the sentences of its paragraph: a growth rate held against the two levels the text
states with their years ("2025年当年预算执行数为X万元，2026年预算安排Y万元，比2025年…增加P%"), and an
item's amount stated twice ("住房公积金（01项）208.8万元 … 2026年预算安排201.50万元").

A PDF often breaks such a sentence over two lines ("2025年当年预算执行数为" / "1690.69万元"), so these
rules read a paragraph's lines joined, and a figure's year is the year that opens its clause."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from ..analysis import Analysis
from ..extract import Mention
from ..interval import Interval
from ..model import Evidence, Finding
from ..verify import decide
from ..verify.search import growth_reading, of_mention
from .base import RuleContext, fmt_pct, level_growth, line_evidence, miss_severity, rule
from .paragraphs import Paragraph, Placed, paragraphs

HUNDRED = Decimal(100)
def _year_of(p: Paragraph, pos: int, pattern: re.Pattern[str]) -> int | None:
    m = pattern.match(p.clause_before(pos).strip())
    return int(m.group("year")) if m else None


def _rate(cur: Mention, base: Mention) -> Interval | None:
    return level_growth(cur.yuan, base.yuan)


def _item_head(p: Paragraph, before: int, year_label: re.Pattern[str]) -> Placed | None:
    """The paragraph's first level when it opens the paragraph unlabelled by a year: the item's amount."""
    for x in p.placed:
        if x.pos >= before:
            return None
        if x.m.is_level:
            return x if _year_of(p, x.pos, year_label) is None else None
    return None


@dataclass(frozen=True)
class YearLevels:
    """A growth rate with the figures of the comparison year and of the report year before it."""

    pct: Placed
    base: Mention
    cur: Mention
    head: Placed | None  # the item's own amount at the head of the paragraph, when there is one


def _year_levels(a: Analysis, p: Paragraph) -> Iterator[YearLevels]:
    year = a.meta.year
    if year is None:
        return
    claims = a.knowledge.claims
    compared = re.compile(claims["compared_year"])
    year_label = re.compile(claims["year_label"])
    part_words = re.compile(claims["item_part_words"])
    for x in p.placed:
        if x.m.cue != "growth":
            continue
        s = p.sentence_start(x.pos)
        before = [y for y in p.placed if s <= y.pos < x.pos]
        if any(y.m.is_change for y in before):
            continue  # a change amount: growth-rate checks the rate against it
        found = list(compared.finditer(p.text, s, x.pos))
        if not found or int(found[-1].group("year")) >= year:
            continue  # no comparison year, or the report year itself (comparison-year reports that)
        y0 = int(found[-1].group("year"))
        levels = [y for y in before if y.m.is_level]
        bases = [y for y in levels if _year_of(p, y.pos, year_label) == y0]
        curs = [y for y in levels if _year_of(p, y.pos, year_label) == year]
        # Exactly one figure of each year, neither a part of the item (2025年结转, 其中财政拨款…).
        if len(bases) != 1 or len(curs) != 1 or bases[0].m.unit != curs[0].m.unit:
            continue
        if any(part_words.search(p.clause_before(y.pos)) for y in (bases[0], curs[0])):
            continue
        yield YearLevels(x, bases[0].m, curs[0].m, _item_head(p, s, year_label))


def _fits(pct: Mention, rate: Interval | None) -> bool:
    sign = pct.direction or 1
    return rate is not None and Interval.stated(pct.value * sign, pct.decimals).overlaps(rate)


def _differs(a: Mention, b: Mention) -> bool:
    return not a.yuan.overlaps(b.yuan)


def _quote(p: Paragraph, x: Placed, start: int, end: int) -> Evidence:
    m = x.m
    line_start = x.pos - m.start  # the offset of the pct's line in the paragraph
    s = max(start - line_start, 0)
    e = min(end - line_start, len(m.line.norm.text))
    return line_evidence(m.line, s, e, mark=(m.start, m.end))


@rule("growth-levels", "arithmetic", "error", "增长率与两年金额不符",
      "文中写出比较年度和本年度的金额时，增长率 =（本年数 − 比较年度数）÷ 比较年度数。"
      "例：2025年预算执行数为77.99万元，2026年预算安排91.97万元，应增长17.93%，而不是17.66%。",
      rationale="增长率以比较年度的金额为基数；逐项说明中“上年执行数、本年预算数、增减比例”三者必须一致。"
                "照抄上一行的比例或数字减少却写“增加”都是常见错误。",
      last_digit=True)
def check_growth_levels(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for p in paragraphs(a):
        for yl in _year_levels(a, p):
            pct = yl.pct.m
            if yl.head is not None and _differs(yl.head.m, yl.cur):
                continue  # the item's amount is stated twice: item-amounts reports it with this rate
            cands = [growth_reading(of_mention(yl.cur, "本年数"), of_mention(yl.base, "比较年度数"), certain=True)]
            if yl.head is not None and yl.head.m is not yl.cur:
                cands.append(growth_reading(of_mention(yl.head.m, "本年数"), of_mention(yl.base, "比较年度数")))
            sign = pct.direction or 1
            d = decide(pct.value * sign, pct.decimals, cands)
            if d.status == "verified":
                ctx.verified(pct, d.reading)
                continue
            rate = _rate(yl.cur, yl.base)
            if d.status == "unverified" or rate is None:
                ctx.unverified(pct, d.reason or "", d.reading)
                continue
            exact = (yl.cur.value_yuan - yl.base.value_yuan) / yl.base.value_yuan * HUNDRED
            word = "增长" if exact >= 0 else "下降"
            expected = f"{word}{fmt_pct(abs(exact), pct.decimals)}"
            ev = [_quote(p, yl.pct, p.sentence_start(yl.pct.pos), p.sentence_end(yl.pct.pos))]
            levels = f"{yl.base.stated.strip()}到{yl.cur.stated.strip()}"
            if (rate.lo > 0 and sign < 0) or (rate.hi < 0 and sign > 0):
                yield ctx.report(f"增减方向与数字矛盾：{levels}，应为{expected}，文中却写“{pct.cue_text}"
                                 f"{pct.stated.strip()}”。", ev, stated=pct.stated.strip(), expected=expected,
                                 claim=pct, reading=d.reading)
                continue
            sev = miss_severity(pct, Interval(abs(rate.lo), abs(rate.hi)) if rate.lo >= 0 or rate.hi <= 0 else rate)
            yield ctx.report(f"增长率计算不符：{levels}，应为{expected}，文中为{pct.cue_text}{pct.stated.strip()}。",
                             ev, stated=pct.stated.strip(), expected=expected, slip=sev == "slip", claim=pct,
                             reading=d.reading)


def _table_values(a: Analysis, code: str) -> list[tuple[Decimal, str]]:
    """The amounts the tables give a 功能分类 code (every column read as a total of the row)."""
    return [(f.value_yuan, f.stated) for f in a.table_facts if f.key == f"func.{code}"]


def _matches(m: Mention, values: list[tuple[Decimal, str]]) -> bool:
    return any(m.yuan.overlaps(Interval.exact(v)) for v, _ in values)


@rule("item-amounts", "consistency", "error", "同一科目金额前后不一",
      "逐项说明中，一个科目段首写出的金额与后文“本年预算安排”的金额必须相同；有表格时以表格为准。"
      "例：住房公积金（01项）208.8万元……2026年预算安排201.50万元。",
      rationale="同一科目在同一段中只能有一个本年金额；不同的两个数必有一个错误，表格（功能分类支出表）决定哪个是对的，"
                "增长率通常与正确的那个相符。")
def check_item_amounts(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    if a.meta.year is None:
        return
    claims = a.knowledge.claims
    year_label = re.compile(claims["year_label"])
    codes = re.compile(claims["item_codes"])
    part_words = re.compile(claims["item_part_words"])
    rates = {id(yl.cur): yl for p in paragraphs(a) for yl in _year_levels(a, p)}
    for p in paragraphs(a):
        head = _item_head(p, len(p.text), year_label)
        if head is None:
            continue
        code = codes.search(p.text, 0, head.pos)
        if code is None:
            continue
        for x in p.placed:
            if x.pos <= head.pos or not x.m.is_level or x.m.unit != head.m.unit:
                continue
            clause = p.clause_before(x.pos)
            if _year_of(p, x.pos, year_label) != a.meta.year or part_words.search(clause):
                continue
            if not _differs(head.m, x.m):
                break
            yield _two_amounts(ctx, p, head, x, code.group("lei") + code.group("kuan") + code.group("xiang"),
                               rates.get(id(x.m)))
            break


def _two_amounts(ctx: RuleContext, p: Paragraph, head: Placed, second: Placed, code: str,
                 yl: YearLevels | None) -> Finding:
    a = ctx.analysis
    h, s = head.m, second.m
    msg = (f"同一科目（{code}）前后两个金额：段首为{h.stated.strip()}，后文为"
           f"“{p.clause_before(second.pos).strip()}{s.stated.strip()}”。")
    values = _table_values(a, code)
    expected = None
    if values:
        msg += f"表中为{values[0][1]}"
        if _matches(h, values) and not _matches(s, values):
            msg += f"，{s.stated.strip()}有误"
            expected = h.stated.strip()
        elif _matches(s, values) and not _matches(h, values):
            msg += f"，{h.stated.strip()}有误"
            expected = s.stated.strip()
        else:
            msg += "，两者都与表不符" if not (_matches(h, values) or _matches(s, values)) else ""
        msg += "。"
    if yl is not None:
        pct = yl.pct.m
        fit_h, fit_s = _fits(pct, _rate(h, yl.base)), _fits(pct, _rate(s, yl.base))
        said = f"文中增减比例“{pct.cue_text}{pct.stated.strip()}”（以{yl.base.stated.strip()}为基数）"
        if fit_h != fit_s:
            msg += f"{said}与{(h if fit_h else s).stated.strip()}相符。"
        elif not fit_h:
            msg += f"{said}与两个金额都不符。"
    start = p.sentence_start(head.pos)
    ev = [_quote(p, head, start, p.sentence_end(head.pos)),
          _quote(p, second, p.sentence_start(second.pos), p.sentence_end(second.pos))]
    return ctx.report(msg, ev, stated=s.stated.strip(), expected=expected)
