"""Completeness: the parts every disclosure must explain, by document kind (knowledge/completeness.yaml),
tables referred to as attachments that the file does not hold, and tables the contents list that it does not."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..extract.tables import classify_title
from ..knowledge import load_yaml
from ..model import Evidence, Finding, Location
from ..structure import Line
from .base import RuleContext, rule


@rule("missing-part", "completeness", "warning", "缺少必须公开的说明",
      "部门预决算公开必须说明收入、支出、一般公共预算财政拨款支出、“三公”经费、机关运行经费、政府采购、"
      "国有资产占用情况，并附名词解释。既无相应标题、也无相应数字和表述时报告。可在配置的 aliases.sections 中为本地区模板补充标题写法。",
      rationale="《地方预决算公开操作规程》（财预〔2016〕143号）规定部门预决算公开的内容，包括“三公”经费、机关运行经费、政府采购、国有资产占用等重要事项说明。")
def check_required(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    if a.meta.kind is None or not a.lines:
        return
    prose = sum(1 for ln in a.lines if ln.block.kind == "paragraph" and len(ln.norm.text) >= 20)
    if a.tables and prose < 10:
        return  # a file of tables only (the explanation published as another file)
    # A heading counts when text follows it (a table of contents lists headings with nothing under them).
    with_body = {id(ln.section) for ln in a.lines if not ln.is_heading and ln.section is not None
                 and len(ln.norm.text.strip()) >= 10}
    heading_types = {s.type for s in a.sections if id(s) in with_body or any(
        id(c) in with_body for c in a.sections if c.parent is s)}
    if len(heading_types - {None, "explanation"}) < 4:
        return  # an excerpt, not a whole disclosure: nothing can be said about what it leaves out
    keys = {f.key for f in a.facts}
    # Phrases count in the explanation itself, not in the glossary's definitions or the contents.
    text = "\n".join(ln.norm.text for ln in a.lines if ln.block.kind != "table" and not ln.is_heading
                     and not (ln.section and any(s.type in ("glossary", "contact") for s in ln.section.chain())))
    where = Location(line=1) if a.lines[0].block.loc.line is not None else a.lines[0].block.loc
    for part in a.knowledge.required:
        if a.meta.kind not in part.kinds:
            continue
        if heading_types & part.headings:
            continue
        if any(k == f or k.startswith(f) for k in keys for f in part.facts):
            continue
        if any(p.search(text) for p in part.phrases):
            continue
        word = "决算" if a.meta.kind == "final" else "预算"
        yield ctx.report(f"未找到“{part.name}”：部门{word}公开应包含该部分。",
                         [Evidence("（全文未见该部分的标题、数字或表述）", where)], expected=part.name)


@rule("attachment-absent", "completeness", "info", "表格见附件但文件中没有",
      "说明写“见附件”，而本文件中没有表格：请确认附件已一并公开。",
      rationale="部门决算表是公开的必备内容；以附件形式公开时，附件必须与说明一并公开。")
def check_attachments(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    if any(t.type not in (None, "performance") for t in a.tables):
        return  # the standard tables are in the file
    for line in a.lines:
        m = a.knowledge.patterns["attached"].search(line.norm.text)
        if m and line.section is not None and any(s.type == "tables" for s in line.section.chain()) \
                or (m and "表" in line.norm.text[:m.start()]):
            yield ctx.report("表格注明见附件，本文件中未包含表格，请确认附件已公开。",
                          [Evidence(line.norm.quote(0, len(line.norm.text)), line.block.loc)])
            return


@rule("table-absent", "completeness", "warning", "公开表缺失",
      "文件含有大部分公开表，却缺少其中一张必须公开的表（如一般公共预算基本支出表），全文也没有提到这张表；"
      "或目录列出某张表（如“七、一般公共预算“三公”经费支出表”），而文件中既没有这类表格，正文也没有再出现这一表名。",
      rationale="部门预决算公开表是公开的必备内容（财预〔2016〕143号规定的公开表）；缺少一张，或目录列出而正文缺失，"
                "说明该表漏发或被删。政府性基金、国有资本经营预算表在没有这类资金时常不列出，不在此检查。")
def check_tables_absent(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    typed = {t.type for t in a.tables if t.type is not None}
    if len(typed) < 3:
        return  # a file of prose (its tables published apart): the contents list what is elsewhere
    spec = load_yaml("completeness.yaml")["mandatory_tables"]
    entries, after = _contents(a.lines)
    named = _named_tables(after or a.lines, spec["signs"])
    reported: set[str] = set()
    for line, title, kind in entries:
        if kind in typed or kind in named:
            continue  # there, or printed again (a row of another table's grid, a note that it is empty)
        reported.add(kind)
        yield ctx.report(f"目录列出《{title}》，文件中未见该表。",
                         [Evidence(line.norm.quote(0, len(line.norm.text)), line.block.loc)], expected=title)
    if a.meta.kind not in ("budget", "final") or len(typed) < spec["min_present"]:
        return
    where = Location(line=1) if a.lines[0].block.loc.line is not None else a.lines[0].block.loc
    for kind, name in spec[a.meta.kind].items():
        if kind in typed or kind in named or kind in reported:
            continue
        yield ctx.report(f"公开表中未见《{name}》：文件含有其他公开表，全文未提到这张表。",
                         [Evidence("（全文未见该表的标题或表格）", where)], expected=name)


def _named_tables(lines: list[Line], signs: dict[str, list[str]]) -> set[str]:
    """The kinds of table the lines name: a title, a row of a table's grid, "《…表》为空表", and of a table
    its cells show (因公出国 and 公务接待: a 三公 table whose title the page cut)."""
    out: set[str] = set()
    for ln in lines:
        text = re.sub(r"\s", "", ln.block.text if ln.block.kind == "table" else ln.norm.text)
        for m in re.finditer(r"[^，,。；;：:《》()（）]{2,40}?表", text):
            kind = classify_title(_bare_title(m.group(0)))[0]
            if kind is not None:
                out.add(kind)
        if ln.block.kind == "table":
            out |= {kind for kind, words in signs.items() if all(w in text for w in words)}
    return out


def _contents(lines: list[Line]) -> tuple[list[tuple[Line, str, str]], list[Line]]:
    """The table titles a 目录 lists (line, title without its numbering and page number, kind of table),
    and the lines after the contents. The contents run from a line ending 目录 over short lines; they end at
    the first line that repeats an entry (the body's first heading) or at a longer line."""
    # 目录 on its own line, or after the cover's title the reader joined to it (…部门预算公开目 录)
    start = next((i for i, ln in enumerate(lines[:80]) if len(ln.norm.text) <= 60
                  and re.sub(r"\s", "", ln.norm.text).endswith("目录")), None)
    if start is None:
        return [], []
    seen: set[str] = set()
    entries: list[tuple[Line, str, str]] = []
    end = start + 1
    while end < len(lines):
        ln = lines[end]
        title = _bare_title(ln.norm.text)
        # the body's heading repeats an entry, with its year or without ("2024年部门收支总表" after 部门收支总表)
        same = re.sub(r"^\d{4}年度?", "", title)
        if ln.block.kind == "table" or len(ln.norm.text) > 60 or not title or same in seen:
            break
        seen.add(same)
        kind = classify_title(title)[0]
        if kind is not None and title.endswith("表"):
            entries.append((ln, title, kind))
        end += 1
    return entries, lines[end:]


def _bare_title(text: str) -> str:
    """A line's words without numbering, leaders and a page number (表7：…表……12 -> …表)."""
    text = re.sub(r"[\s.…·\-—_]*\d*\s*$", "", text.strip())
    text = re.sub(r"^(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|"
                  r"\d+[.、．]|附?表\s*\d+(-\d+)?[:：.、．\-]?|附表\s*\d*[-—]?)\s*", "", text)
    return re.sub(r"\s", "", text)
