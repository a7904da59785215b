"""A change of a share in percentage points against the two shares the text states.

"基本支出1742.93万元，占62.49%…。2024年基本支出预算数1668.60万元，占当年支出合计的57.17%；2025年基本支出占比较上年
提高5.32个百分点": 62.49 − 57.17 = 5.32. Only where the line states both shares of the quantity the change names (this
year's and last year's, as the extraction keys their amounts): a point change of anything else (快于序时进度3.4个百分点,
增幅同比提高30.93个百分点) has no two shares to check against.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from ..extract.keys import match_quantity
from ..interval import Interval
from ..model import Finding, Reading
from ..structure import Line
from ..verify import mention_figure
from ..verify.quotes import line_evidence
from .base import RuleContext, rule
from .claims import fmt_pct


@rule("point-change", "arithmetic", "error", "占比变动的百分点与两年占比不符",
      "“占比较上年提高（降低）N个百分点”应等于本年占比与上年占比之差，两年占比均在文中写明时核对。例：本年基本支出占62.49%，"
      "上年占57.17%，应为提高5.32个百分点；“占比由上年的55.2%下降到53.3%（下降N个百分点）”中N应为1.9。",
      rationale="百分点是两个百分比之差；与文中两年占比不符时，变动幅度或占比之一有误。")
def check_point_changes(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    k = a.knowledge
    said = re.compile(k.claims["point_change"])
    inline = re.compile(k.claims["point_change_inline"])
    for line, ms in a.mentions:
        for hit in inline.finditer(line.norm.text):  # 占比由上年的48.57%提高到52.42%（提高3.85个百分点）
            was, now = (Interval.stated(Decimal(hit.group(g)), len(hit.group(g).partition(".")[2])) for g in ("a", "b"))
            yield from _judge(ctx, line, hit, hit.start(), now - was, f"占比由{hit.group('a')}%变为{hit.group('b')}%",
                              Reading(f"{hit.group('b')}% − {hit.group('a')}%"))
        for hit in said.finditer(line.norm.text):
            found = match_quantity(hit.group("what"), k)
            if found is None:
                continue
            shares: dict[str | None, list] = {None: [], "prev": []}
            for i, pct in enumerate(ms):
                if pct.cue != "share" or pct.start > hit.start():
                    continue
                parts = [x for x in ms[:i] if x.is_level and not x.is_percent and x.sentence == pct.sentence]
                part = parts[-1] if parts else None
                if part is None or not part.key or k.base_key(part.key.removesuffix(".prev")) != found.key \
                        or part.role not in shares:
                    continue
                shares[part.role].append(pct)
            was = hit.group("was")
            if len(shares[None]) != 1 or len(shares["prev"]) != (0 if was else 1):
                continue  # the line does not state both years' shares of it, once each
            cur = shares[None][0]
            if was:  # 占比较上年的60.08%下降…: last year's share in the phrase itself
                before = Interval.stated(Decimal(was), len(was.partition(".")[2]))
                prev_said, figures = f"{was}%", (mention_figure("本年占比", cur),)
            else:
                prev = shares["prev"][0]
                before, prev_said = Interval.stated(prev.value, prev.decimals), prev.stated.strip()
                figures = (mention_figure("本年占比", cur), mention_figure("上年占比", prev))
            diff = Interval.stated(cur.value, cur.decimals) - before
            reading = Reading(f"{cur.stated.strip()} − {prev_said}", figures)
            yield from _judge(ctx, line, hit, hit.start("what"), diff,
                              f"本年占比{cur.stated.strip()}，上年占比{prev_said}", reading)


def _judge(ctx: RuleContext, line: Line, hit: re.Match[str], start: int, diff: Interval, shares: str,
           reading: Reading) -> Iterator[Finding]:
    """The stated change (the match's `dir` and `n`) against the difference of the two shares; quoted from
    `start` to the match's end."""
    sign = -1 if re.search(ctx.analysis.knowledge.claims["point_change_down"], hit.group("dir")) else 1
    decimals = len(hit.group("n").partition(".")[2])
    if Interval.stated(sign * Decimal(hit.group("n")), decimals).overlaps(diff):
        return
    quote = line_evidence(line, start, hit.end(), mark=(hit.start("n"), hit.end("n")))
    expected = fmt_pct(abs(diff.mid), decimals).rstrip("%")
    way = "提高" if diff.mid > 0 else "降低"
    yield ctx.report(f"占比变动不符：{shares}，应为{way}{expected}个百分点，文中为{hit.group('dir')}{hit.group('n')}个百分点。",
                     [quote], stated=hit.group("n"), expected=expected, reading=reading)
