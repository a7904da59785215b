"""Period: the comparison year, the year and kind the text gives the document, points in time."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import PurePath

from ..analysis import Analysis
from ..extract import Mention
from ..knowledge import Knowledge
from ..load.aligned_text import is_row_left_as_text
from ..model import Finding
from ..structure import Line
from ..structure.file_name import name_metadata
from .base import (
    SIDE_SECTIONS,
    RuleContext,
    line_evidence,
    rule,
    sentence_around,
)


def _names(text: str, k: Knowledge, kind: str) -> bool:
    """Does the text name a document kind (final: 决算, budget: 预算)?"""
    return any(w in text for w in k.words[kind])


def _kind_word(k: Knowledge, kind: str) -> str:
    """How the text names a document kind (决算 / 预算)."""
    return k.words[kind][0]


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
        if line.section is not None and any(s.type in SIDE_SECTIONS for s in line.section.chain()):
            continue
        for m in compare.finditer(line.norm.text):
            y = int(m.group("year"))
            what = m.group("what") or ""
            if y == year - 1:
                continue
            if y == year and (a.meta.kind is None or a.meta.kind == "final" and _names(what, a.knowledge, "budget")):
                continue  # a final account compared with the same year's budget (or a text that does not say which)
            kind = {"final": "决算", "budget": "预算"}.get(a.meta.kind or "", "文件")
            yield ctx.report(f"比较年度错误：{year}年{kind}应与{year - 1}年比较，"
                          f"文中写“{m.group(0).rstrip(',')}”。",
                          [line_evidence(line, *sentence_around(line.norm.text, m.start(), m.end()),
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
    tables = {i for i, b in enumerate(a.doc.blocks) if b.kind == "table"}
    titles = [re.sub(r"\s", "", t.title) for t in a.tables]
    for line in a.lines:
        text = line.norm.text
        for m in kn.patterns["coverage"].finditer(text):
            y, k = int(m.group("year")), m.group("kind")
            if y != year or k != word:
                yield ctx.report(f"本文件为{year}年部门{word}，文中却写“{m.group(0)}”。",
                              [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span())],
                              stated=f"{y}年{k}", expected=f"{year}年{word}")
        # A heading, or the title printed over a table ("支出预算表" over a final's table).
        bare = re.sub(r"\s", "", text)
        titles_table = len(text.strip()) <= 40 and not any(c in text for c in "。，,；;") \
            and (any(line.index + n in tables for n in (1, 2, 3))
                 # a worksheet's rows are a table and lines both: the line is a table's own title
                 or (len(bare) >= 6 and any(bare in title for title in titles)))
        if not (line.is_heading or titles_table) or is_row_left_as_text(line.block.text) \
                or text.rstrip().endswith("。"):
            # (a table's row left as text is no title: "产出指标   时效指标   及时做好财政总决算、部门决…"; nor a numbered
            # sentence: "(3)负责对…预算执行情况和决算进行审计监督。")
            continue
        title = kn.patterns["heading_budget_words"].sub("", text)
        # A heading of another year's account ("二、2021年“三公”经费决算情况" in a 2022 budget; a final's heading of
        # next year's budget) is of that year: not this file's kind.
        named = [int(y) for y in re.findall(r"(20\d{2})\s*年", title)]
        if named and all(y < year if kind == "budget" else y > year for y in named):
            continue
        if kind == "budget" and _names(title, kn, "final"):
            yield ctx.report(f"预算文件中出现决算标题“{text.strip()}”。",
                          [line_evidence(line, 0, len(text))], stated="决算", expected="预算")
        elif kind == "final" and kn.patterns["budget_heading"].search(title) and not _names(title, kn, "final"):
            yield ctx.report(f"决算文件中出现预算标题“{text.strip()}”。",
                          [line_evidence(line, 0, len(text))], stated="预算", expected="决算")


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
        if line.section is not None and any(s.type in SIDE_SECTIONS for s in line.section.chain()):
            continue
        for m in a.knowledge.patterns["as_of"].finditer(line.norm.text):
            y = int(m.group("year"))
            if y != expected and not (kind == "budget" and y == year):
                yield ctx.report(f"{year}年{'决算' if kind == 'final' else '预算'}的时点应为{expected}年末，文中写“{m.group(0)}”。",
                              [line_evidence(line, *sentence_around(line.norm.text, m.start(), m.end()),
                                             mark=m.span("year"))],
                              stated=str(y), expected=str(expected))


def _changes_after_levels(a: Analysis) -> Iterator[tuple[Line, Mention, list[Mention]]]:
    """Each change or growth rate outside the side sections, with the levels its sentence states before it
    (the figures a comparison is about): where a change has none, it is not given."""
    for line, ms in a.mentions:
        if line.section is not None and any(s.type in SIDE_SECTIONS for s in line.section.chain()):
            continue
        for x in ms:
            if not (x.is_change or x.cue == "growth"):
                continue
            levels = [v for v in ms if v.sentence == x.sentence and v.start < x.start and v.is_level]
            if levels:
                yield line, x, levels


@rule("self-comparison", "period", "error", "与同一年度比较",
      "一个金额标明的年度与它所比较的年度相同（“2025年三公经费预算13.85万元，比2025年减少5.45万元”），"
      "说明其中一个年度写错：本年数应标本报告年度。",
      rationale="增减变化是本年数与上年数之比；同一句中金额的年度与比较年度相同，比较就没有意义，"
                "通常是本年度误写成了上年度。")
def check_self_comparison(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year = a.meta.year  # not needed to see the fault; it names the year that was meant
    compared = re.compile(a.knowledge.claims["compared_year"])
    year_label = re.compile(a.knowledge.claims["subject_year"])  # "本部门2020年度本年支出合计…" too
    carry_over = re.compile(a.knowledge.claims["year_of_carry_over"])
    kinds = [*a.knowledge.words["budget"], *a.knowledge.words["final"]]
    for line, x, levels in _changes_after_levels(a):
        c = compared.search(x.raw_label)
        if c is None:
            continue
        y = int(c.group("year"))
        # "比2024年预算增加" in a final account compares with a budget: the same year is right there.
        if any(k in x.raw_label[c.end():] for k in kinds):
            continue
        # A carry-over is named by the year it comes from ("其中…，2019年结转X"): the list's total
        # before it is what the sentence compares.
        lv = levels[-1]
        if lv.list_head is not None and lv.list_head.is_level and carry_over.match(lv.raw_label):
            lv = lv.list_head
        own = year_label.match(lv.raw_label.strip())
        if own is None or int(own.group("year")) != y:
            continue
        # "2015年决算…合计141.55万元，2014年为107.89万元，较2014年增加33.66万元": the sentence states another year's
        # figure before the compared year's, which is then the base beside it, not the figure compared.
        if any((o := year_label.match(m.raw_label.strip())) and int(o.group("year")) != y
               for m in levels[:-1] if m.sentence == lv.sentence):
            continue
        s, e = sentence_around(line.norm.text, lv.start, x.end)
        yield ctx.report(f"金额“{lv.raw_label.strip()}{lv.stated.strip()}”标明的年度与比较年度相同"
                         f"（“{x.raw_label.strip()}{x.stated.strip()}”），其中一个年度有误"
                         f"{f'：{year}年文件的本年数应为{year}年' if year and y != year else ''}。",
                         [line_evidence(line, s, e, mark=(lv.start - len(lv.raw_label), lv.start))],
                         stated=str(y), expected=str(year) if year and y != year else None)


@rule("figure-year", "period", "error", "金额标明的年度有误",
      "一句话里金额标明的年度与它的比较对象不合：本文件为2026年预算，“2027年‘三公’经费预算数为41.16万元，"
      "比2025年预算增加16.35万元”与上年（2025年）比较，金额就是2026年的，却写成2027年；"
      "“2024年财政拨款收入总计766.11万元，比上年预算减少”出现在2023年预算里，同样如此。",
      rationale="增减变化是本年数与上年数之比：与报告年度的上一年比较的金额，只能是报告年度的；"
                "报告年度以后的年度没有预算或决算数。")
def check_figure_year(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year = a.meta.year
    if year is None or sum(1 for line in a.lines if f"{year}年" in line.norm.text) < 3:
        return  # the text itself must name its year often enough to weigh one sentence against it
    claims = a.knowledge.claims
    compared, own_year = re.compile(claims["compared_year"]), re.compile(claims["subject_year"])
    last_year = re.compile(claims["last_year_compared"])
    seen: set[tuple[int, int]] = set()  # (line, sentence): one finding a sentence
    for line, x, levels in _changes_after_levels(a):
        if (line.index, x.sentence) in seen:
            continue
        lv = levels[0]  # the sentence's own figure, the first it states
        own = own_year.match(lv.raw_label.strip())
        if own is None or int(own.group("year")) == year:
            continue
        y = int(own.group("year"))
        c = compared.search(x.raw_label)
        if c is not None:
            # Against the year before the report's (self-comparison speaks where both are the same).
            if int(c.group("year")) != year - 1 or y == int(c.group("year")):
                continue
            against = f"与{year - 1}年比较"
        elif last_year.search(x.raw_label) and y > year:
            against = "与上年比较"
        else:
            continue
        seen.add((line.index, x.sentence))
        s, e = sentence_around(line.norm.text, lv.start, x.end)
        yield ctx.report(f"金额“{lv.raw_label.strip()}{lv.stated.strip()}”标明{y}年，但本文件为{year}年"
                         f"{'决算' if a.meta.kind == 'final' else '预算'}，此句{against}，"
                         f"所述应为{year}年的数字：年度有误。",
                         [line_evidence(line, s, e, mark=(lv.start - len(lv.raw_label), lv.start))],
                         stated=str(y), expected=str(year))


@rule("file-name-period", "period", "warning", "文件名与内容的年度或文种不符",
      "文件名称写明的年度或文种（预算/决算）与文件内容不同：以“2026年某局部门预算”发布的文件，内容却是"
      "“2019年某局部门决算”，多为挂错文件。决算常以公开年份命名（2025年公开2024年决算），相差一年不算。",
      rationale="公开的文件名（网页链接标题）是读者找到文件的依据；名称与内容的年度、文种不一致，"
                "读者拿到的就不是所要的文件。")
def check_file_name_period(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    year, kind = a.meta.year, a.meta.kind
    if year is None or kind is None:
        return
    kn = a.knowledge
    for source in a.doc.source.split(" + "):  # the parts of a disclosure read as one
        name = PurePath(source).name
        said = name_metadata(name)
        # A final is often named by the year it is published in: one year apart is no conflict.
        year_off = said.year is not None and abs(said.year - year) > 1
        kind_off = said.kind is not None and said.kind != kind
        if not (year_off or kind_off):
            continue
        line = next((ln for ln in a.lines if str(year) in ln.norm.text and _names(ln.norm.text, kn, kind)), None)
        if line is None:
            continue  # the content's year and kind are not stated together: nothing to quote
        named = f"{said.year or ''}{'年' if said.year else ''}{_kind_word(kn, said.kind) if said.kind else ''}"
        own = f"{year}年{_kind_word(kn, kind)}"
        yield ctx.report(f"文件名“{PurePath(name).stem}”标明{named}，内容却是{own}（“{line.norm.text.strip()[:40]}”），"
                         "可能挂错文件或文件名有误。",
                         [line_evidence(line, 0, len(line.norm.text))], stated=named, expected=own)
