"""Wording: template text never filled in, amounts without units or in the other unit, change words that
contradict each other, outdated classification names, list numbering that skips."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from ..amount import money_unit
from ..extract import Mention
from ..extract.keys import match_quantity
from ..interval import Interval
from ..knowledge import Knowledge
from ..load.aligned_text import is_row_left_as_text
from ..model import Cell, Evidence, Finding
from ..normalize import normalize
from .base import (
    RuleContext,
    evidence,
    in_side_section,
    level_growth,
    line_evidence,
    rule,
    sentence_around,
)
from .claims import (
    _against_levels,
    _change_for,
    _compared_levels,
    _levels_rate,
    _percents,
    cell_evidence,
    named_level,
    table_levels,
)


def _residue(k: Knowledge) -> list[tuple[re.Pattern[str], str, str]]:
    return [(re.compile(e["pattern"]), e["severity"], e["message"]) for e in k.residue]


def _column_heading(text: str, start: int, end: int) -> bool:
    """The match is a table row's short cell with no clause in it (a worksheet's header row read as a
    line: "科目编码\t…\t比上年增加(减少)")."""
    if "\t" not in text:
        return False
    cell = text[text.rfind("\t", 0, start) + 1:(text.find("\t", end) + 1 or len(text) + 1) - 1]
    return len(cell.strip()) <= 20 and not re.search(r"[，。；：,;:]", cell)


@rule("template-residue", "wording", "warning", "模板残留",
      "公开模板中的可选用语、占位符和给编制人的说明必须改写或删除：如“增加(减少)”“增加/减少”"
      "“…（款）…（项）：指……”“（名词解释部分请根据……）”。可选用语残留使变动方向不明，为错误（变动额为0时方向无关紧要，为警告）；其余为警告。",
      rationale="公开文件应为定稿：模板中的可选用语、占位符和给编制人的说明须按实际情况改写或删除，否则变动方向和口径不明。")
def check_residue(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for line in a.lines:
        text = line.norm.text
        for pattern, severity, message in _residue(a.knowledge):
            for m in list(pattern.finditer(text))[:1]:  # one finding per line and kind of residue
                if _column_heading(text, m.start(), m.end()):
                    continue  # a table's column "比上年增加（减少）" names both directions on purpose
                msg = message.format(match=m.group(0).strip())
                if severity == "error" and re.match(a.knowledge.claims["zero_change_after"], text[m.end():]):
                    # "增加（减少）0万元": no change, so no direction is lost; the wording is still to be fixed.
                    severity, msg = "warning", msg.replace("，变动方向不明", "") + "（变动额为0）"
                yield ctx.report(msg,
                                 [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span())],
                                 stated=m.group(0).strip(), severity=severity)  # type: ignore[arg-type]


@rule("unit-missing", "wording", "warning", "金额缺少单位或多余符号",
      "金额必须带单位（万元/元），比率必须带百分号，金额不能多出百分号：“其他工资福利支出15.84。”“增长13.95。”"
      "“支出决算0万元%”“公务接待支出0.39万（”。",
      rationale="公开的金额须标明计量单位（万元或元）；金额后多出的“%”使其看起来像比例。")
def check_units(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for line in a.lines:
        if line.is_heading or "\t" in line.block.text:
            continue
        text = line.norm.text
        for m in a.knowledge.patterns["no_unit"].finditer(text):
            yield ctx.report(f"金额“{m.group('num')}”没有单位。",
                          [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span("num"))],
                          stated=m.group("num"), expected=f"{m.group('num')}{a.text_unit or a.meta.unit or '万元'}")
        for m in a.knowledge.patterns["no_percent"].finditer(text):
            yield ctx.report(f"“{m.group('cue')}”之后的比率“{m.group('num')}”没有百分号。",
                          [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span("num"))],
                          stated=m.group("num"), expected=f"{m.group('num')}%")
        for m in a.knowledge.patterns["short_unit"].finditer(text):
            # One message for every place: a document that writes 万 for 万元 does it throughout.
            yield ctx.report("金额单位写作“万”，缺少“元”。",
                             [line_evidence(line, *sentence_around(text, m.start(), m.end()),
                                            mark=(m.end() - 1, m.end()))],  # the 万 that lacks 元
                             stated="万", expected="万元")
        for m in a.knowledge.patterns["stray_percent"].finditer(text):
            yield ctx.report(f"金额后多出百分号：“{m.group(0)}”。",
                          [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span())],
                          stated=m.group(0))


@rule("doubled-punctuation", "wording", "warning", "标点重复",
      "同一标点连用两次是录入错误：“等方面的支出。。”“预警预报、、滨海”。",
      rationale="公开文件应为定稿：重复的句号、顿号、逗号常是删改内容后留下的痕迹，须核对是否漏了文字。")
def check_doubled_punctuation(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    for line in a.lines:
        if "\t" in line.block.text:  # a table row: its cells are joined, not written
            continue
        text = line.norm.text
        for m in a.knowledge.patterns["doubled_punctuation"].finditer(text):
            written = line.norm.quote(*m.span())  # as the document writes it (full-width ，；：)
            yield ctx.report(f"标点“{written}”重复。",
                             [line_evidence(line, *sentence_around(text, m.start(), m.end()), mark=m.span())],
                             stated=written, expected=written[0])


@rule("bracket-mismatch", "wording", "warning", "括号不配对",
      "左括号与另一种右括号相配是录入错误：“非煤矿山（含地质勘探〉”。",
      rationale="公开文件应为定稿：括号类型不一致多为输入法切换或删改留下的痕迹。")
def check_bracket_mismatch(ctx: RuleContext) -> Iterator[Finding]:
    yield from _slips(ctx, "mismatched_bracket", "括号不配对：“{}”。")


@rule("stray-letter", "wording", "warning", "中文词语中夹杂字母",
      "两个汉字之间夹着一个小写字母，多为误触键盘：“过节按时发f补贴”。",
      rationale="公开文件应为定稿：词语中间多出的字母是录入错误（e、i 开头的品牌名如“e课堂”除外）。")
def check_stray_letter(ctx: RuleContext) -> Iterator[Finding]:
    yield from _slips(ctx, "stray_letter", "词语中多出字母：“{}”。")


def _slips(ctx: RuleContext, pattern: str, message: str) -> Iterator[Finding]:
    """Each match of a typing-slip pattern, in prose and in table cells alike, quoted with its sentence
    (a cell: the cell's text, located by its table, row and column)."""
    a = ctx.analysis
    found = a.knowledge.patterns[pattern]
    tables: dict[int, list[list[Cell | None]]] = {}
    for line in a.lines:
        if line.block.kind == "table":
            tables.setdefault(id(line.block), line.block.rows)
            continue
        text = line.norm.text
        for m in found.finditer(text):
            s, e = sentence_around(text, m.start(), m.end())
            near = line.norm.quote(max(m.start() - 2, s), min(m.end() + 2, e))
            yield ctx.report(message.format(near), [line_evidence(line, s, e, mark=m.span())],
                             stated=line.norm.quote(*m.span()))
    cells = {id(c): c for rows in tables.values() for row in rows for c in row if c is not None}
    for cell in cells.values():
        norm = normalize(cell.text)
        for m in found.finditer(norm.text):
            span = norm.orig_span(*m.span())
            near = norm.quote(max(m.start() - 2, 0), min(m.end() + 2, len(norm.text)))
            yield ctx.report(message.format(near), [Evidence(cell.text, cell.loc, mark=span)],
                             stated=norm.quote(*m.span()))


@rule("change-direction", "wording", "error", "增减方向用语矛盾",
      "同一处变动的增减额用语与增长率用语必须一致：“减少52.63万元，增加了114.16%”自相矛盾；"
      "句中写出本年数与比较数时，增减用语须与两者的大小一致（157.48万元，比上年179.95万元增加22.47万元）。",
      rationale="增减额的符号、增减用语（增加/增长/上升 与 减少/下降/降低）和增长率的符号必须一致，否则读者无法判断变动方向。")
def check_direction(ctx: RuleContext) -> Iterator[Finding]:
    for ms, pct in _percents(ctx.analysis, "growth"):
        change = _change_for(ms, pct, ctx.analysis.knowledge.claims)
        if change is None:
            # No change amount: the rate's word against this year's and last year's levels.
            found = _levels_rate(ms, pct) or table_levels(ctx.analysis, ms, pct)
            if found is not None and _against_levels(found[2], pct.direction or 1):
                cur, prev, rate = found
                yield ctx.report(f"增减方向与数字矛盾：本年{cur.stated.strip()}、上年{named_level(prev)}，"
                                 f"文中却写“{pct.cue_text}{pct.stated.strip()}”。", [evidence(pct), *cell_evidence(prev)],
                                 stated=pct.cue_text, expected="增长" if rate.lo > 0 else "下降")
            continue
        if not change.direction or not pct.direction:
            continue
        if change.direction != pct.direction:
            yield ctx.report(f"增减方向矛盾：“{change.cue_text}{change.stated.strip()}”与“{pct.cue_text}"
                             f"{pct.stated.strip()}”方向相反，请核实变动方向。",
                             [evidence(pct)], stated=f"{change.cue_text}/{pct.cue_text}")
            continue
        # Both words agree, the two levels of the sentence do not ("支出157.48万元，比2019年度179.95万元增加
        # 22.47万元，增长12.49%"): the levels' difference is the change stated, so only its direction is wrong.
        found = _compared_levels(ms, change) or _level_stated_before(ctx, ms, change) \
            or table_levels(ctx.analysis, ms, change)
        if found is not None and _against_levels(found[2], change.direction):
            cur, prev, _rate = found
            if (prev.yuan - cur.yuan).overlaps(change.yuan) or (cur.yuan - prev.yuan).overlaps(change.yuan):
                yield ctx.report(f"增减方向与数字矛盾：本年{cur.stated.strip()}、上年{named_level(prev)}，"
                                 f"文中却写“{change.cue_text}{change.stated.strip()}，{pct.cue_text}{pct.stated.strip()}”。",
                                 [evidence(change, end=pct.end), *cell_evidence(prev)], stated=change.cue_text,
                                 expected="减少" if change.direction > 0 else "增加")


def _level_stated_before(ctx: RuleContext, ms: list[Mention], change: Mention) -> tuple[Mention, Mention, Interval] | None:
    """(this year, last year, rate) where the change's sentence states only last year's figure of a quantity
    ("基本支出（上年538.53万元），较2024年预算增加102.68万元") and the text states this year's once before it
    (其中：基本支出435.85万元)."""
    prevs = [x for x in ms if x.is_level and x.sentence == change.sentence and x.start < change.start]
    if len(prevs) != 1 or prevs[0].role != "prev":
        return None
    key = prevs[0].key.removesuffix(".prev") if prevs[0].key else _named_before_bracket(ctx, prevs[0])
    if key is None:
        return None
    curs = [m for m in ctx.analysis.all_mentions()
            if m.is_level and m.key == key and m.role is None and m.line.index <= change.line.index]
    if len({m.value_yuan for m in curs}) != 1 or curs[0].unit != prevs[0].unit:
        return None
    rate = level_growth(curs[0].yuan, prevs[0].yuan)
    return (curs[0], prevs[0], rate) if rate is not None else None


def _named_before_bracket(ctx: RuleContext, m: Mention) -> str | None:
    """The quantity a bracket's figure is of, named right before the bracket ("基本支出（上年538.53万元）")."""
    text = m.line.norm.text
    at = text.rfind("(", 0, m.start)
    if at < 0 or ")" in text[at:m.start]:
        return None
    start = max(text.rfind(c, 0, at) for c in "。;,:") + 1
    found = match_quantity(text[start:at].strip(), ctx.knowledge)
    return found.key if found is not None and not found.scoped or found is not None and found.start == 0 else None


@rule("classification-name", "wording", "warning", "功能分类科目名称已过时",
      "2019年起“医疗卫生与计划生育支出”改为“卫生健康支出”，“文化体育与传媒支出”改为“文化旅游体育与传媒支出”；"
      "此后年度的文件须用新名称。",
      rationale="政府收支分类科目每年由财政部修订，公开文件须使用当年科目名称。")
def check_class_names(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    if a.meta.year is None:
        return
    renamed = [r for r in a.knowledge.claims.get("renamed_classes", []) if a.meta.year >= r["since"]]
    for line in a.lines:
        for r in renamed:
            i = line.norm.text.find(r["old"])
            if i >= 0:
                yield ctx.report(f"{a.meta.year}年文件使用了已更名的科目名称“{r['old']}”，{r['since']}年起应为“{r['new']}”。",
                              [line_evidence(line, 0, len(line.norm.text), mark=(i, i + len(r["old"])))],
                              stated=r["old"], expected=r["new"])
        for block_row in (line.block.rows or []):
            for cell in block_row:
                for r in renamed:
                    if r["old"] in cell.text:
                        yield ctx.report(f"表中使用了已更名的科目名称“{r['old']}”，{r['since']}年起应为“{r['new']}”。",
                                      [Evidence(cell.text, cell.loc)], stated=r["old"], expected=r["new"])


_ITEM = re.compile(r"^\s*(-\s*)?(?P<n>\d{1,2})\s*[.、](?!\d)")


@rule("numbering-skip", "wording", "warning", "序号不连续",
      "同一列表中的序号应连续：“5.……”之后是“7.……”，说明漏了一项或编号有误。",
      rationale="情况说明逐项列示科目，序号跳号常因删除内容或复制粘贴造成，需核对是否漏列。")
def check_numbering(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    prev_n: int | None = None
    prev_section = None
    for line in a.lines:
        if line.block.kind == "table" or is_row_left_as_text(line.block.text):
            continue  # (a table's row left as text numbers its cells, not a list)
        m = _ITEM.match(line.norm.text)
        if line.section is not prev_section and not (m and line.is_heading):
            prev_n, prev_section = None, line.section
        if m is None:
            continue
        n = int(m.group("n"))
        if prev_n is not None and n > prev_n + 1 and n - prev_n <= 3:
            yield ctx.report(f"序号由{prev_n}跳到{n}，中间缺少{prev_n + 1}。",
                          [line_evidence(line, 0, min(len(line.norm.text), 40), mark=m.span("n"))],
                          stated=str(n), expected=str(prev_n + 1))
        prev_n = n if n != 1 or prev_n is None else 1


@rule("unit-mix", "wording", "warning", "金额单位与全文不一致",
      "全文以“元”为单位时出现“万元”（或相反），读者易把数字看错一万倍：如全文为元的文件写“支出0万元”。",
      rationale="同一份公开文件的说明部分应统一计量单位，表格单位须在表头注明。")
def check_unit_mix(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    units: Counter[str] = Counter()
    money = [(ln, m) for ln, ms in a.mentions for m in ms if not m.is_percent and not m.threshold]
    for _ln, m in money:
        units[money_unit(m.unit)] += 1
    total = sum(units.values())
    if total < 10:
        return
    main, count = units.most_common(1)[0]
    if count / total < 0.9:
        return  # the document mixes units on purpose
    before, after = re.compile(a.knowledge.claims["per_unit_before"]), re.compile(a.knowledge.claims["per_unit_after"])
    for _ln, m in money:
        unit = money_unit(m.unit)
        if {unit, main} != {"元", "万元"}:
            continue  # 4.1亿元 in a text kept in 万元 is a larger sum, not a misplaced unit
        text = m.line.norm.text
        if before.search(text[m.clause_start:m.start]) or after.match(text[m.end:]):
            continue  # 人均定额增加1000元, 每人每月100元: a standard, in 元 on purpose
        sec = m.line.section
        in_overview = sec is not None and any(x.type == "overview" for x in sec.chain())
        if unit != main and not in_side_section(m) and not in_overview:  # 概况 cites other money
            yield ctx.report(f"全文金额以{main}为单位，此处为“{m.stated.strip()}”。",
                          [evidence(m)], stated=m.stated.strip(), expected=f"以{main}表述")


@rule("flat-reason", "wording", "warning", "“持平”与所述原因矛盾",
      "文中说某项与上年“持平”，紧接的原因却只说增加或只说减少（“总计持平。主要原因：……减少支付”），"
      "说明“持平”写错或数字有误，应核对上年数。",
      rationale="“持平”表示没有变化；说明变化原因的句子与“持平”自相矛盾，读者无法判断实际增减。")
def check_flat_reason(ctx: RuleContext) -> Iterator[Finding]:
    from .paragraphs import paragraphs

    a = ctx.analysis
    c = a.knowledge.claims
    flat, up, down = re.compile(c["flat_claim"]), re.compile(c["flat_reason_up"]), re.compile(c["flat_reason_down"])
    neutral, reason = re.compile(c["flat_reason_neutral"]), re.compile(c["reason_cue"])
    for p in paragraphs(a):
        for m in flat.finditer(p.text):
            s = p.sentence_start(m.start())
            e = p.sentence_end(m.end())
            # Only the claim's own sentence and the reason that opens the next one.
            r = reason.match(p.text, e) if e < len(p.text) else None
            if r is None or any(x.pos in range(s, e) for x in p.placed if x.m.is_change or x.m.is_percent):
                continue
            r_end = p.text.find("。", r.end())
            why = p.text[r.end(): r_end if r_end >= 0 else len(p.text)]
            if neutral.search(why) or bool(up.search(why)) == bool(down.search(why)):
                continue
            said = "增加" if up.search(why) else "减少"
            ln, off = p.line_at(m.start())
            text = ln.norm.text
            ls, le = max(s - off, 0), min((r_end if r_end >= 0 else len(p.text)) + 1 - off, len(text))
            yield ctx.report(f"文中说“{p.text[s:m.end()].strip()}”，所述原因却是{said}（“{why.strip()[:60]}”），"
                             f"请核对上年数。", [line_evidence(ln, ls, le, mark=(m.start() - off, m.end() - off))],
                             stated=m.group(0), expected=said)



@rule("circular-reason", "wording", "warning", "变动原因只是重复变动本身",
      "说明增减原因时只写“XX支出下降”“XX有所减少”，等于重复变动本身，没有说明原因："
      "“会议费预算支出10万元，比上年预算减少7万元，主要原因是会议费支出下降。”",
      rationale="情况说明应说明增减变化的原因（政策调整、人员变动、项目增减等）；以“XX下降”解释“XX减少”是循环论证，"
                "读者得不到任何信息。")
def check_circular_reason(ctx: RuleContext) -> Iterator[Finding]:
    from .paragraphs import paragraphs

    a = ctx.analysis
    c = a.knowledge.claims
    cue, shape = re.compile(c["circular_reason_cue"]), re.compile(c["circular_reason"])
    noise = re.compile(c["circular_reason_noise"])
    for p in paragraphs(a):
        seen: set[int] = set()  # a change amount and its rate share one reason
        for x in p.placed:
            if not (x.m.is_change or (x.m.is_percent and x.m.cue == "growth")):
                continue
            s, e = p.sentence_start(x.pos), p.sentence_end(x.pos)
            # The reason: the rest of the change's sentence after the cue, or the sentence after it.
            m = cue.search(p.text, x.pos, min(len(p.text), e + 8))
            if m is None or m.start() in seen:
                continue
            end = p.sentence_end(m.end())
            why = p.text[m.end():end].rstrip("。;")
            r = shape.match(why)
            if r is None:
                continue
            subject = noise.sub("", r.group("subject"))
            if not subject or subject not in noise.sub("", p.text[s:m.start()]):
                continue
            seen.add(m.start())
            ln, off = p.line_at(m.start())
            text = ln.norm.text
            yield ctx.report(f"变动原因“{why.strip()}”只是重复了变动本身，没有说明原因。",
                             [line_evidence(ln, max(s - off, 0), min(end - off, len(text)),
                                            mark=(m.start() - off, min(end - off, len(text))))],
                             stated=why.strip())
