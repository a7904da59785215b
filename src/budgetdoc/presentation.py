"""What check() adds for the people who read its result: table cells named by their column header,
and a verdict on whether the file is a budget/final-account disclosure at all.

A file that is not one (a portal page, a notice that links the disclosure as an attachment, a report on
another subject, budgetdoc's own report) gets a reader note saying why, `disclosure = False` and no
findings: rules run on it would only invent problems. The verdict is positive and by evidence: a
disclosure carries the substance of one — standard quantities stated with amounts (收入总计, 基本支出,
三公经费 …), standard tables holding amounts (收支总表 …), standard sections whose body states amounts
(收支预算总体情况, 三公经费 …) — not merely the words (knowledge/parts.yaml `substance`). A fragment of a
disclosure (one paragraph pasted into a file) keeps its vocabulary and is checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .analysis import Analysis
from .knowledge import knowledge, load_yaml
from .model import Block, CheckResult, Evidence, Finding, Location, SourceDocument

# Our own reports: the CSV/XLSX header, the HTML footer and title, the text report's summary line.
_OWN = load_yaml("report.yaml")
_OWN_COLUMNS = set(_OWN["own_report_columns"])
_OWN_TEXT = re.compile(_OWN["own_report_text"])
_NUMERIC = re.compile(r"^[\s\d.,，%()（）\-—*]*$")
_VARIANTS = (".budget", ".prev")

NOT_DISCLOSURE = "不是部门预算/决算公开文件：{why}；未做核对。"


@dataclass(frozen=True)
class _Substance:
    min_quantities: int
    min_table_amounts: int
    min_sections: int
    weak_sections: frozenset[str]
    amount: re.Pattern[str]
    fragment_lines: int
    figure: re.Pattern[str]
    attachment: re.Pattern[str]
    link_marks: re.Pattern[str]
    other_subject: re.Pattern[str]


@lru_cache(maxsize=1)
def _substance() -> _Substance:
    data = load_yaml("parts.yaml")
    s = data["substance"]
    figure = s["figure"].replace("{vocabulary}", data["disclosure_vocabulary"])
    return _Substance(s["min_quantities"], s["min_table_amounts"], s["min_sections"], frozenset(s["weak_sections"]),
                      re.compile(s["amount"]), s["fragment_lines"], re.compile(figure), re.compile(s["attachment"]),
                      re.compile(s["link_marks"], re.I), re.compile(s["other_subject"]))


def finish(doc: SourceDocument, result: CheckResult, analysis: Analysis | None = None) -> CheckResult:
    """The result with column names on cited table cells, and the disclosure verdict."""
    result.findings = _named(doc, result.findings)
    result.suppressed = _named(doc, result.suppressed)
    why = not_disclosure_reason(doc, result, analysis)
    if why is not None:
        result.disclosure = False
        result.warnings = [*result.warnings, NOT_DISCLOSURE.format(why=why)]
        result.findings, result.suppressed, result.claims = [], [], []
    return result


def not_disclosure_reason(doc: SourceDocument, result: CheckResult, analysis: Analysis | None = None) -> str | None:
    """Why the file is not a disclosure (a phrase in Chinese), or None when it carries a disclosure's substance."""
    if _own_report(doc):
        return "这是 budgetdoc 生成的审查报告"
    texts = [b.text for b in doc.blocks if b.text.strip()]
    if not texts:
        return "文件中没有文字"
    sub = _substance()
    quantities = _quantities(result)
    tables = _tables(analysis) if analysis is not None else 0
    first = next((b.text.strip() for b in doc.blocks if b.kind != "table" and b.text.strip()), "")
    if tables == 0 and sub.other_subject.search(first):
        # A report on another subject (绩效评价报告, 工作总结, a notice) may state budget figures; without a
        # disclosure's standard tables its title decides.
        return f"首行表明这是另一类文件（「{first[:40]}」），且没有标准的预算/决算表格"
    if analysis is not None:  # a 绩效自评表 read row by row (indicators, scores, funds) is a disclosure's table
        p = analysis.performance
        tables += bool(p.indicators or p.weighted or p.funds)
    sections = _sections(analysis) if analysis is not None else set()
    if (len(quantities) >= sub.min_quantities or tables > 0 or len(sections) >= sub.min_sections
            or (sections and quantities)):
        return None
    linked = any(sub.link_marks.search(t) for t in texts)
    if not linked and len(texts) <= sub.fragment_lines and _fragment(doc, result, analysis):
        return None  # a paragraph of a disclosure pasted into a file: its claims can be checked
    evidence = (f"有金额的标准数项{len(quantities)}项、有金额的标准表格{tables}张、"
                f"有金额的标准章节{len(sections)}个")
    if linked:
        return f"这是网页或链接公开文件（附件）的页面，本身没有公开文件的内容（{evidence}）"
    return f"没有部门预算/决算公开的实质内容（{evidence}）"


def _fragment(doc: SourceDocument, result: CheckResult, analysis: Analysis | None) -> bool:
    """A short text that reads as a piece of a disclosure (knowledge/parts.yaml, `substance`); one whose
    first line names another kind of document was set aside before."""
    sub = _substance()
    lines = [b.text for b in doc.blocks if b.kind != "table" and b.text.strip()]
    if any(sub.figure.search(t) for t in lines):
        return True
    m = result.metadata
    if m.year is None or m.kind is None:
        return False
    parts = analysis is not None and any(s.type is not None for s in analysis.sections)
    return parts or not any(sub.attachment.search(t) for t in lines)


def _quantities(result: CheckResult) -> set[str]:
    """The standard quantities stated with an amount, whatever their funding scope or column."""
    out = set()
    for f in result.facts:
        key = knowledge().base_key(f.key)
        for variant in _VARIANTS:
            key = key.removesuffix(variant)
        out.add("econ" if key.startswith("econ.") else key)
    return out


def _tables(analysis: Analysis) -> int:
    """Standard tables (a known type) holding amounts."""
    least = _substance().min_table_amounts
    return sum(1 for t in analysis.tables
               if t.type is not None and sum(len(r.values) for r in t.rows) >= least)


def _sections(analysis: Analysis) -> set[str]:
    """The standard section types whose body states an amount."""
    sub = _substance()
    found = set()
    for line in analysis.lines:
        if line.is_heading or line.section is None or not sub.amount.search(line.block.text):
            continue
        for s in line.section.chain():
            if s.type is not None and s.type not in sub.weak_sections:
                found.add(s.type)
                break
    return found


def _own_report(doc: SourceDocument) -> bool:
    for b in doc.blocks[:50]:
        if b.kind == "table" and b.rows and len(_OWN_COLUMNS & {c.text.strip() for c in b.rows[0]}) >= 5:
            return True
        if _OWN_TEXT.search(b.text):
            return True
    return False


# ---- column names of table cells ----

def _named(doc: SourceDocument, findings: list[Finding]) -> list[Finding]:
    if not any(e.loc.row is not None and e.loc.col is not None and e.loc.table is not None
               for f in findings for e in f.evidence):
        return findings
    tables = {b.loc: b for b in doc.blocks if b.kind == "table"}
    out = []
    for f in findings:
        out.append(replace(f, evidence=[_name_cell(tables, e) for e in f.evidence]))
    return out


def _name_cell(tables: dict[Location, Block], e: Evidence) -> Evidence:
    loc = e.loc
    if loc.table is None or loc.row is None or loc.col is None:
        return e
    block = next((b for key, b in tables.items() if key.table == loc.table and key.page == loc.page
                  and key.file == loc.file and key.sheet == loc.sheet and _same_table(b, loc)), None)
    if block is None:
        return e
    name = column_header(block, loc.col)
    return replace(e, loc=replace(loc, column_name=name)) if name else e


def _same_table(block: Block, loc: Location) -> bool:
    return any(c.loc == loc for row in block.rows for c in row)


def column_header(block: Block, col: int) -> str | None:
    """The header of column `col`: in the rows above the first row that holds a number (the header
    rows), the lowest non-empty text of that column; None when the table has no such header."""
    name = None
    for row in block.rows:
        if any(c.text.strip() and _NUMERIC.match(c.text) and any(ch.isdigit() for ch in c.text) for c in row):
            break
        cell = next((c for c in row if c.col == col), None)
        text = (cell.text if cell is not None else "").strip()
        if text:
            name = text
    if name is not None and len(name) > 20:
        return None  # a title or a note spanning the table, not a column's name
    return name
