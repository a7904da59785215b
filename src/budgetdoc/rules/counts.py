"""Counts in the narrative (车辆12辆, 内设机构30个): claims of the ledger of their own kind. A count is
verified when the items a sentence breaks it into (其中 …) add up to it, or when the names listed after
it are as many; contradicted when an item of 其中 exceeds it (or, for kinds that partition it such as
vehicle kinds, when the items together do); unverified otherwise."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from ..analysis import Analysis
from ..model import Evidence, Figure, Finding, Reading
from ..structure import Line
from ..verify import Count
from ..verify.quotes import line_evidence
from .base import SIDE_SECTIONS, RuleContext, rule
from .paragraphs import Paragraph, paragraphs

NO_BREAKDOWN = "未列分项或名称，无法核对"
PARTIAL = "其中所列分项之和小于总数，可能未列全"
OVERLAP = "分项可能交叉（如性别与学历），只核对每项不超过总数"
ITEM = "所属的总数未能核实"
NAMES_DIFFER = "所列名称个数与所述个数不同（名称可能未列全或另有合并），无法核对"


@dataclass(frozen=True)
class _Words:
    count: re.Pattern[str]
    not_before: re.Pattern[str]
    code: re.Pattern[str]
    breakdown: re.Pattern[str]
    list_end: re.Pattern[str]
    partition: frozenset[str]
    names_intro: re.Pattern[str]
    separator: str
    last_joiner: re.Pattern[str]
    names_open: re.Pattern[str]
    clause_marks: str
    inner_count: re.Pattern[str]
    names_closed: re.Pattern[str]
    partition_people: re.Pattern[str]
    rest: re.Pattern[str]  # the last item of a list that takes in the rest (其他用车)


@lru_cache(maxsize=1)
def _words() -> _Words:
    from ..knowledge import load_yaml

    d = load_yaml("projects.yaml")["counts"]
    units = "|".join(map(re.escape, d["units"]))
    na = d["not_after"].lstrip("^")
    count = re.compile(rf"(?<![\d.．])(\d+)\s*({units})(?!{na})(?![\d.])")
    return _Words(count, re.compile(d["not_before"]), re.compile(d["code"]), re.compile(d["breakdown"]),
                  re.compile(d["list_end"]), frozenset(d["partition_units"]), re.compile(d["names_intro"]),
                  d["name_separator"], re.compile(d["name_last_joiner"]), re.compile(d["names_open"]),
                  d["clause_marks"], re.compile(d["names_inner_count"]), re.compile(d["names_closed"]),
                  re.compile(d["partition_people"]), re.compile(d["partition_rest"]))


@dataclass(frozen=True)
class _Stated:
    count: Count  # on the line the number is printed on
    unit: str
    pos: int  # the number's offset in its paragraph
    end: int  # the offset after its measure word (on the next line when the line breaks between them)


def _counts(p: Paragraph, w: _Words) -> list[_Stated]:
    text = p.text
    codes = [c.span() for c in w.code.finditer(text)]
    out = []
    for m in w.count.finditer(text):
        if w.not_before.search(text[:m.start()].rstrip()) or any(a <= m.start() < b for a, b in codes):
            continue
        line, off = p.line_at(m.start())
        out.append(_Stated(Count(line, m.start() - off, min(m.end() - off, len(line.norm.text)), int(m.group(1))),
                           m.group(2), m.start(), m.end()))
    return out


def _body(line: Line) -> bool:
    if line.is_heading or line.section is None:
        return not line.is_heading
    types = {s.type for s in line.section.chain()}
    if types & (SIDE_SECTIONS - {"performance"}):
        return False
    # The 绩效 section's prose counts its projects ("共4个项目实行绩效目标管理…。具体包括：…"); its indicator
    # lines (数量指标 ≥8项) are no sentences.
    return "performance" not in types or (line.block.kind == "paragraph" and len(line.norm.text) >= 20
                                          and "。" in line.norm.text)


def _body_paragraphs(a: Analysis) -> list[Paragraph]:
    """The narrative's paragraphs, lines joined (a count's breakdown often runs over PDF lines)."""
    return [p for p in paragraphs(a) if p.lines and all(_body(ln) for _, ln in p.lines)]


def _quote(p: Paragraph, head: _Stated, start: int, end: int) -> Evidence:
    """[start, end) of the paragraph, on the line of the head count (clipped to it), the count marked."""
    line, off = p.line_at(head.pos)
    return line_evidence(line, max(start - off, 0), min(end - off, len(line.norm.text)),
                         (head.count.start, head.count.end))


def _bracketed(text: str, at: int) -> bool:
    """Is position `at` inside brackets (a sub-item: "一般公务用车5辆（其中：…）")?"""
    depth = 0
    for ch in text[:at]:
        if ch in "（(":
            depth += 1
        elif ch in "）)" and depth:
            depth -= 1
    return depth > 0


@rule("count-breakdown", "arithmetic", "error", "其中分项的数量超过总数",
      "“共有车辆12辆，其中：……”这类数量表述中，其中的每一项都不能超过总数；车辆、设备等按类别划分的，"
      "各项之和也不能超过总数，列至“其他用车”等兜底一项的，各项之和应等于总数。例：单价50万元以上设备6台，其中100万元以上9台。"
      "所述个数之后列出的名称多于该数（内设2个职能科室，分别是：A、B、C、D）时给出警告。",
      rationale="“其中”所列是总数的一部分：每项 ≤ 总数；车辆按用途、设备按类别划分时互不重叠，各项之和 ≤ 总数"
                "（列全时相等）。人员、机构等分项可能交叉（女性与党员），只核对每项。"
                "核对结果记入核对清单（数量类表述）：分项相加等于总数或所列名称个数相同的为已核实。")
def check_counts(ctx: RuleContext) -> Iterator[Finding]:
    w = _words()
    for p in _body_paragraphs(ctx.analysis):
        stated = _counts(p, w)
        done: set[int] = set()
        for i, head in enumerate(stated):
            if head.pos in done:
                continue
            items = _items(p, stated[i + 1:], head, w)
            if items is None:
                listed = yield from _names(ctx, p, head, w)
                if not listed and not _names_before(ctx, p, head, stated[:i], w):
                    ctx.unverified(head.count, NO_BREAKDOWN)
                continue
            done.update(x.pos for x in items)
            yield from _check_items(ctx, p, head, items, w)


def _items(p: Paragraph, after: list[_Stated], head: _Stated, w: _Words) -> list[_Stated] | None:
    """The counts of the same measure word listed after `head`'s 其中 (right after it, in its clause
    group), up to the end of the list; None when no 其中 follows the count."""
    text = p.text
    gap = text[head.end:head.end + 4]
    m = w.breakdown.search(gap)
    at = head.end
    if m is None and after and re.fullmatch(r"[、,，和及]\s*", text[head.end:after[0].pos]):
        # "公务接待29批次、116人次，其中：国内公务接待27批次，外事接待2批次": two counts share one 其中.
        at = after[0].end
        m = w.breakdown.search(text[at:at + 4])
    if m is None:
        return None
    if re.search(r"[。！？!?]", text[at:at + m.start()]):
        # "…全额事业编制95名，聘用教师控制数4人。其中，在职在编人员91人": a 其中 opening a sentence breaks
        # down the sentence before it, the last count only when that is its only one.
        s = max(text.rfind(c, 0, head.pos) for c in "。！？!?") + 1
        if w.count.search(text[s:head.pos]):
            return None
    start = at + m.end()
    end_m = w.list_end.search(text, start)
    end = end_m.start() if end_m else len(text)
    return [x for x in after if start <= x.pos < end and x.unit == head.unit and not _bracketed(text, x.pos)]


def _check_items(ctx: RuleContext, p: Paragraph, head: _Stated, items: list[_Stated], w: _Words) -> Iterator[Finding]:
    if not items:
        ctx.unverified(head.count, NO_BREAKDOWN)
        return
    figs = tuple(Figure("分项", p.text[x.pos:x.end].strip(), x.count.line.block.loc) for x in items)
    total = sum(x.count.value for x in items)
    reading = Reading(" + ".join(f.stated for f in figs) + f" = {total}{head.unit}", figs)
    big = next((x for x in items if x.count.value > head.count.value), None)
    partition = head.unit in w.partition or (head.unit in ("人", "名") and all(
        w.partition_people.match(_item_label(p.text, x.pos, w)) for x in items))
    text = p.text
    s = max(text.rfind(c, 0, head.pos) for c in "。;!?") + 1
    quote = _quote(p, head, s, items[-1].end)
    if big is not None:
        _items_unverified(ctx, items)
        yield ctx.report(f"其中{big.count.stated.strip()}超过总数{head.count.stated.strip()}。", [quote],
                         stated=head.count.stated.strip(), expected=f"≥{big.count.stated.strip()}", claim=head.count,
                         reading=Reading(f"{big.count.stated.strip()} ≤ {head.count.stated.strip()}", (figs[items.index(big)],)))
        return
    if total == head.count.value:
        ctx.verified(head.count, reading)
        for x in items:
            ctx.verified(x.count, reading)
        return
    if total > head.count.value and partition:
        _items_unverified(ctx, items)
        yield ctx.report(f"其中各项之和{total}{head.unit}超过总数{head.count.stated.strip()}。", [quote],
                         stated=head.count.stated.strip(), expected=f"≥{total}{head.unit}", claim=head.count,
                         reading=reading)
        return
    # the words between the item before and the last item's count: 其他用车 of "…0辆、其他用车2辆"
    last = text[items[-2].end:items[-1].pos].strip("、，,；; ") if len(items) > 1 else _item_label(text, items[-1].pos, w)
    if total < head.count.value and partition and w.rest.match(last):
        # 一般公务用车0辆、…、其他用车2辆: a list that ends with the rest (其他…) leaves nothing out.
        _items_unverified(ctx, items)
        yield ctx.report(f"其中各项（至“{last}”止，已列全）之和{total}{head.unit}，与总数{head.count.stated.strip()}不符。",
                         [quote], stated=head.count.stated.strip(), expected=f"{total}{head.unit}", claim=head.count,
                         reading=reading)
        return
    ctx.unverified(head.count, PARTIAL if total < head.count.value else OVERLAP, reading)
    _items_unverified(ctx, items)


def _item_label(text: str, pos: int, w: _Words) -> str:
    """The words an item's count follows ("在职人员" in "其中：在职人员23人"), back to the clause mark."""
    start = max(text.rfind(c, 0, pos) for c in w.clause_marks) + 1
    return text[start:pos].strip()


def _items_unverified(ctx: RuleContext, items: list[_Stated]) -> None:
    for x in items:
        ctx.unverified(x.count, ITEM)


def _names(ctx: RuleContext, p: Paragraph, head: _Stated, w: _Words) -> Iterator[Finding]:
    """A listing of names after the count in its sentence ("设30个内设机构，包括：办公室、…"): verified when
    there are as many names; a warning when a closed list names more than the count (内设2个职能科室，分别是：
    A、B、C、D); recorded unverified when fewer (a name may stand for several: 康复区（2个）). Returns False
    when no listing follows."""
    text = p.text
    end = min([i for i in (text.find(c, head.end) for c in "。;；") if i >= 0] or [len(text)])
    intro = w.names_intro.search(text, head.end, end)
    if intro is not None and intro.start() - head.end > 12:
        intro = None
    if intro is None and text[end:end + 1] == "。":
        # "共4个项目实行绩效目标管理，涉及…。具体包括：A、B、C。": the listing opens the next sentence.
        after = min([i for i in (text.find(c, end + 1) for c in "。;；") if i >= 0] or [len(text)])
        intro = w.names_intro.search(text, end + 1, after)
        if intro is None or intro.start() - end > 6:
            return False
        end = after
    if intro is None:
        return False
    listing = re.sub(r"[（(][^）)]*[）)]", "", text[intro.end():end]).strip().lstrip("：:").strip()
    names = [n for n in listing.split(w.separator) if n.strip()]
    if len(names) < 2 or any(re.search(r"\d\s*(万元|元|%)", n) for n in names):
        return False  # amounts, not names ("分单位看：A收入830.23万元、支出1072.64万元")
    if len(names) + 1 == head.count.value:  # one name short: the last two may be joined by 和
        last = w.last_joiner.split(names[-1])
        if len(last) == 2 and all(x.strip() for x in last):
            names = names[:-1] + last
    loc = head.count.line.block.loc
    closed = not w.names_open.search(names[-1].strip())
    reading = Reading(f"所列名称{len(names)}个：{names[0].strip()}……{names[-1].strip()}", (Figure("名称", listing[:40], loc),))
    if len(names) == head.count.value and closed:
        ctx.verified(head.count, reading)
    elif len(names) > head.count.value and closed and not w.inner_count.search(text[intro.end():end]):
        s = max(text.rfind(c, 0, head.pos) for c in "。;!?") + 1
        yield ctx.report(f"所述{head.count.stated.strip()}，其后列出的名称却有{len(names)}个（{names[0].strip()}……"
                         f"{names[-1].strip()}），个数不符。", [_quote(p, head, s, end)], severity="warning",
                         stated=head.count.stated.strip(), expected=f"{len(names)}{head.unit}", claim=head.count,
                         reading=reading)
    elif len(names) < head.count.value and closed and w.names_closed.search(text[max(0, intro.start() - 2):intro.end()]) \
            and not w.inner_count.search(text[intro.end():end]):
        # "单位共3个，具体包括：A（本级）、B。": a list said to be the whole (具体包括, 分别是) names fewer.
        s = max(text.rfind(c, 0, head.pos) for c in "。;!?") + 1
        yield ctx.report(f"所述{head.count.stated.strip()}，其后列出的名称只有{len(names)}个（{names[0].strip()}……"
                         f"{names[-1].strip()}），个数不符。", [_quote(p, head, s, end)], severity="warning",
                         stated=head.count.stated.strip(), expected=f"{len(names)}{head.unit}", claim=head.count,
                         reading=reading)
    else:
        ctx.unverified(head.count, NAMES_DIFFER, Reading(f"所列名称{len(names)}个", (Figure("名称", listing[:40], loc),)))
    return True


def _names_before(ctx: RuleContext, p: Paragraph, head: _Stated, before: list[_Stated], w: _Words) -> bool:
    """Names listed right before the count in its clause ("内设综合处、组织人事处、…、重点项目处10个处室",
    "以及A、B、C3家"): verified when there are as many; nothing is decided when not (where the list
    begins is not marked, and a list that ends with 等 may not be given in full)."""
    text = p.text
    start = max([text.rfind(c, 0, head.pos) + 1 for c in w.clause_marks] + [x.end for x in before if x.end <= head.pos])
    listing = re.sub(r"[（(][^）)]*[）)]", "", text[start:head.pos]).strip()
    # "A、B、C等3个": 等 closes a list given in full as often as one cut short; the count decides.
    names = w.names_open.sub("", listing).split(w.separator)
    if len(names) < 2 or not all(n.strip() for n in names):
        return False
    if len(names) + 1 == head.count.value:
        last = w.last_joiner.split(names[-1])
        if len(last) == 2 and all(x.strip() for x in last):
            names = names[:-1] + last
    if len(names) != head.count.value:
        return False
    loc = head.count.line.block.loc
    ctx.verified(head.count, Reading(f"所列名称{len(names)}个：{names[0].strip()}……{names[-1].strip()}",
                                     (Figure("名称", listing[-40:], loc),)))
    return True
