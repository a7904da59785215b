"""What check() adds for the people who read its result: table cells named by their column header,
and a verdict on whether the file is a budget/final-account disclosure at all.

A file that is not one (an essay, a spreadsheet of something else, budgetdoc's own report) gets a
reader note saying so, `disclosure = False` and no findings: rules run on it would only invent
problems. The verdict is by evidence: none of the vocabulary of a disclosure (report year,
预算/决算, the words of its figures: 收入, 支出, 拨款, 经费 … in knowledge/parts.yaml) and few money
amounts, or the marks of a budgetdoc report. A fragment of a disclosure (one paragraph pasted into a
file) keeps its vocabulary and is checked.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from .knowledge import load_yaml
from .model import Block, CheckResult, Evidence, Finding, Location, SourceDocument

MIN_AMOUNTS = 3  # a disclosure states dozens of amounts; a letter that mentions one or two is not one
# Our own reports: the CSV/XLSX header, the HTML footer and title, the text report's summary line.
_OWN = load_yaml("report.yaml")
_OWN_COLUMNS = set(_OWN["own_report_columns"])
_OWN_TEXT = re.compile(_OWN["own_report_text"])
_NUMERIC = re.compile(r"^[\s\d.,，%()（）\-—*]*$")

NOT_DISCLOSURE = "不是部门预算/决算公开文件：{why}；未做核对。"


def finish(doc: SourceDocument, result: CheckResult) -> CheckResult:
    """The result with column names on cited table cells, and the disclosure verdict."""
    result.findings = _named(doc, result.findings)
    result.suppressed = _named(doc, result.suppressed)
    why = not_disclosure_reason(doc, result)
    if why is not None:
        result.disclosure = False
        result.warnings = [*result.warnings, NOT_DISCLOSURE.format(why=why)]
        result.findings, result.suppressed = [], []
    return result


def not_disclosure_reason(doc: SourceDocument, result: CheckResult) -> str | None:
    """Why the file is not a disclosure (a phrase in Chinese), or None when it may well be one."""
    if _own_report(doc):
        return "这是 budgetdoc 生成的审查报告"
    m = result.metadata
    amounts = len(result.facts)
    # The department is not asked for: its reader takes any sentence's subject when there is no title.
    if m.year is None and m.kind is None and amounts < MIN_AMOUNTS and not _vocabulary(doc):
        return f"未找到报告年度和文种（预算/决算），金额表述只有{amounts}处"
    return None


def _vocabulary(doc: SourceDocument) -> bool:
    words = _disclosure_words()
    return any(words.search(b.text) for b in doc.blocks)


@lru_cache(maxsize=1)
def _disclosure_words() -> re.Pattern[str]:
    return re.compile(load_yaml("parts.yaml")["disclosure_vocabulary"])


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
