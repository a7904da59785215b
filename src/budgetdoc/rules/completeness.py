"""Completeness: the parts every disclosure must explain, by document kind (knowledge/completeness.yaml),
and tables referred to as attachments that the file does not hold."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Evidence, Finding, Location
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
