"""Wording: template text never filled in, wrong comparison year, wrong document kind, units."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..knowledge import Knowledge
from ..model import Finding
from .base import RuleContext, line_evidence, rule
from .sums import _SIDE_SECTIONS


def _residue(k: Knowledge) -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(e["pattern"]), e["severity"], e["message"]) for e in k.residue]


@rule("template-residue", "wording", "warning", "模板残留",
      "公开模板中的可选用语、占位符和给编制人的说明必须改写或删除：如“增加(减少)”“增加/减少”"
      "“…（款）…（项）：指……”“（名词解释部分请根据……）”。可选用语残留使变动方向不明，为错误；其余为警告。",
      rationale="公开文件应为定稿：模板中的可选用语、占位符和给编制人的说明须按实际情况改写或删除，否则变动方向和口径不明。")
def check_residue(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for line in a.lines:
        text = line.norm.text
        for pattern, severity, message in _residue(a.knowledge):
            for m in list(pattern.finditer(text))[:1]:  # one finding per line and kind of residue
                yield ctx.report(message.format(match=m.group(0).strip()),
                                 [line_evidence(line, *_sentence_around(text, m.start(), m.end()), mark=m.span())],
                                 stated=m.group(0).strip(), severity=severity)  # type: ignore[arg-type]


def _names(text: str, k: Knowledge, kind: str) -> bool:
    """Does the text name a document kind (final: 决算, budget: 预算)?"""
    return any(w in text for w in k.words[kind])


def _kind_word(k: Knowledge, kind: str) -> str:
    """How the text names a document kind (决算 / 预算)."""
    return k.words[kind][0]


def _sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    s = max(text.rfind(c, 0, start) for c in "。;!?") + 1
    e_candidates = [i for i in (text.find(c, end) for c in "。;!?") if i >= 0]
    e = min(e_candidates) + 1 if e_candidates else len(text)
    return s, max(e, end)


@rule("comparison-year", "period", "error", "比较年度错误",
      "与上年比较时，比较年度必须是报告年度的上一年：2020年决算写“比2018年增加”是错误的。"
      "决算与本年年初预算比较（与2020年预算相比）不受此限。",
      rationale="决算与上年决算对比、预算与上年预算对比：比较年度 = 报告年度 − 1（决算与本年年初预算对比除外）。")
def check_comparison_year(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year = a.meta.year
    if year is None:
        return
    compare = re.compile(a.knowledge.claims["comparison_year"])
    for line in a.lines:
        if line.section is not None and any(s.type in _SIDE_SECTIONS for s in line.section.chain()):
            continue
        for m in compare.finditer(line.norm.text):
            y = int(m.group("year"))
            what = m.group("what") or ""
            if y == year - 1:
                continue
            if y == year and a.meta.kind == "final" and _names(what, a.knowledge, "budget"):
                continue  # a final account compared with the same year's budget
            yield ctx.report(f"比较年度错误：{year}年{'决算' if a.meta.kind == 'final' else '预算'}应与{year - 1}年比较，"
                          f"文中写“{m.group(0).rstrip(',')}”。",
                          [line_evidence(line, *_sentence_around(line.norm.text, m.start(), m.end()),
                                         mark=m.span("year"))],
                          stated=str(y), expected=str(year - 1))


@rule("period-kind", "period", "warning", "年度或文种与文件不符",
      "文中对本文件的称谓必须与其年度和文种一致：2020年决算写“纳入2021年部门预算编制范围”，"
      "预算文件出现“……决算情况说明”标题，都是套用其他文件未改干净。",
      rationale="文件的年度和文种（预算/决算）决定公开表和情况说明的口径；套用其他年度或文种的表述会误导读者。")
def check_period_kind(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year, kind = a.meta.year, a.meta.kind
    if year is None or kind is None:
        return
    kn = a.knowledge
    word = _kind_word(kn, kind)
    for line in a.lines:
        text = line.norm.text
        for m in kn.patterns["coverage"].finditer(text):
            y, k = int(m.group("year")), m.group("kind")
            if y != year or k != word:
                yield ctx.report(f"本文件为{year}年部门{word}，文中却写“{m.group(0)}”。",
                              [line_evidence(line, *_sentence_around(text, m.start(), m.end()), mark=m.span())],
                              stated=f"{y}年{k}", expected=f"{year}年{word}")
        if not line.is_heading:
            continue
        title = kn.patterns["heading_budget_words"].sub("", text)
        if kind == "budget" and _names(title, kn, "final"):
            yield ctx.report(f"预算文件中出现决算标题“{text.strip()}”。",
                          [line_evidence(line, 0, len(text))], stated="决算", expected="预算")
        elif kind == "final" and kn.patterns["budget_heading"].search(title) and not _names(title, kn, "final"):
            yield ctx.report(f"决算文件中出现预算标题“{text.strip()}”。",
                          [line_evidence(line, 0, len(text))], stated="预算", expected="决算")


@rule("unit-missing", "wording", "warning", "金额缺少单位或多余符号",
      "金额必须带单位（万元/元），不能多出百分号：“其他工资福利支出15.84。”“支出决算0万元%”。",
      rationale="公开的金额须标明计量单位（万元或元）；金额后多出的“%”使其看起来像比例。")
def check_units(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for line in a.lines:
        if line.is_heading or "\t" in line.block.text:
            continue
        text = line.norm.text
        for m in a.knowledge.patterns["no_unit"].finditer(text):
            yield ctx.report(f"金额“{m.group('num')}”没有单位。",
                          [line_evidence(line, *_sentence_around(text, m.start(), m.end()), mark=m.span("num"))],
                          stated=m.group("num"), expected=f"{m.group('num')}{a.meta.unit or '万元'}")
        for m in a.knowledge.patterns["stray_percent"].finditer(text):
            yield ctx.report(f"金额后多出百分号：“{m.group(0)}”。",
                          [line_evidence(line, *_sentence_around(text, m.start(), m.end()), mark=m.span())],
                          stated=m.group(0))


@rule("period-date", "period", "warning", "时点日期与报告年度不符",
      "决算的资产、车辆等时点数应截至报告年度末（2020年决算写“截至2020年12月31日”）；"
      "预算的时点数为上年末。日期不符常是套用旧文件未改。",
      rationale="部门决算反映报告年度的收支和年末资产状况；部门预算说明上年末的资产占用情况。")
def check_period_dates(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year, kind = a.meta.year, a.meta.kind
    if year is None or kind is None:
        return
    expected = year if kind == "final" else year - 1
    for line in a.lines:
        if line.section is not None and any(s.type in _SIDE_SECTIONS for s in line.section.chain()):
            continue
        for m in a.knowledge.patterns["as_of"].finditer(line.norm.text):
            y = int(m.group("year"))
            if y != expected and not (kind == "budget" and y == year):
                yield ctx.report(f"{year}年{'决算' if kind == 'final' else '预算'}的时点应为{expected}年末，文中写“{m.group(0)}”。",
                              [line_evidence(line, *_sentence_around(line.norm.text, m.start(), m.end()),
                                             mark=m.span("year"))],
                              stated=str(y), expected=str(expected))


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
