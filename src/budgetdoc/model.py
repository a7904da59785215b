"""The document model every reader produces, and the facts and findings built on it.

Everything here is plain data: the JSON contract (report/json_report.py) and later the store
serialise these classes, so keep them free of behaviour beyond small helpers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

BlockKind = Literal["heading", "paragraph", "table"]
Severity = Literal["error", "warning", "info"]
ClaimStatus = Literal["verified", "contradicted", "unverified"]
# What a numeric statement claims: an amount (a level), a share (占), a growth rate, a change (增加X万元),
# a completion or execution rate, another percentage, a total of a table (合计/小计 = Σ), a count of
# things in the narrative (车辆12辆, 内设机构30个).
ClaimKind = Literal["amount", "share", "growth", "change", "completion", "percent", "total", "count"]
CLAIM_STATUSES: tuple[ClaimStatus, ...] = ("verified", "contradicted", "unverified")
SEVERITY_ORDER = {"error": 0, "warning": 1, "info": 2}


@dataclass(frozen=True)
class Location:
    """Where a piece of text sits in the source: a line for text/Markdown/HTML, a page for PDF,
    a paragraph or table cell for DOCX, a sheet and cell for XLSX."""

    line: int | None = None
    page: int | None = None
    paragraph: int | None = None
    table: int | None = None
    row: int | None = None
    col: int | None = None
    sheet: str | None = None
    cell: str | None = None
    file: str | None = None  # the part's file name, when one disclosure is read from several files

    # The header of a table cell's column (set by check() when the table has one); a label for
    # people only: not part of the location's identity and not in the JSON.
    column_name: str | None = field(default=None, compare=False, hash=False, repr=False)

    def to_dict(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if v is not None and k != "column_name"}

    def describe(self) -> str:
        """A short label that reads naturally, e.g. '第26行', '第5页 第3行',
        '第5页 表2 第5行「基本支出」列', '《a.pdf》第2页 第4行', '工作表「收入」B3单元格'."""
        parts = [f"《{self.file}》"] if self.file is not None else []
        if self.page is not None:
            parts.append(f"第{self.page}页")
        if self.sheet is not None:
            parts.append(f"工作表「{self.sheet}」" + (f"{self.cell}单元格" if self.cell is not None else ""))
        elif self.cell is not None:
            parts.append(f"{self.cell}单元格")
        if self.table is not None:
            parts.append(f"表{self.table}")
            if self.row is not None:
                name = (self.column_name or "").strip()
                col = f"「{name}」列" if name else (f"第{self.col}列" if self.col is not None else "")
                parts.append(f"第{self.row}行{col}")
            if self.line is not None:  # text and HTML tables: the source line of the cell (or table)
                parts[-1] += f"（源文件第{self.line}行）"
        elif self.paragraph is not None:
            parts.append(f"第{self.paragraph}段")
        if self.line is not None and self.table is None:
            parts.append(f"第{self.line}行")
        return " ".join(parts).replace("》 ", "》") or "未知位置"


@dataclass
class Cell:
    text: str
    row: int
    col: int
    loc: Location
    rowspan: int = 1
    colspan: int = 1


@dataclass
class Block:
    """A heading, a paragraph (one line of a text file) or a table, with its source location.

    `text` is the original text, kept untouched so findings can quote it exactly.
    """

    kind: BlockKind
    text: str
    loc: Location
    rows: list[list[Cell]] = field(default_factory=list)
    confidence: float | None = None  # OCR's confidence (0–1) when the text was recognised from an image


def table_block(rows: list[list[Cell]], loc: Location) -> Block:
    """A table block of these cells, its text the cells' texts (a tab between cells, a line between rows)."""
    return Block("table", "\n".join("\t".join(c.text for c in row) for row in rows), loc, rows=rows)


@dataclass
class SourceDocument:
    """What a reader returns: the blocks in reading order, plus how the bytes were decoded."""

    source: str
    format: str
    blocks: list[Block]
    encoding: str | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass
class Metadata:
    department: str | None = None
    year: int | None = None
    kind: Literal["final", "budget"] | None = None
    unit: Literal["万元", "元"] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"department": self.department, "year": self.year, "kind": self.kind, "unit": self.unit}


@dataclass
class Fact:
    """An amount the document states about a standard quantity."""

    key: str
    value_yuan: Decimal
    stated: str
    loc: Location
    section: str | None = None
    decimals: int | None = None  # the stated digits after the point (None: not recorded by the reader)
    unit: str | None = None  # the unit the figure was stated in (万元 / 元)
    # The other places that state this figure (same key, equal within both roundings): a key figure is
    # one fact with all its sources. Filled on the first fact of a key figure only.
    sources: list[Fact] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        out = {"key": self.key, "value_yuan": f"{self.value_yuan:.2f}", "stated": self.stated,
               **self.loc.to_dict(), **({"section": self.section} if self.section else {})}
        if self.sources:
            out["sources"] = [{"stated": f.stated, **f.loc.to_dict()} for f in self.sources]
        return out


@dataclass(frozen=True)
class Evidence:
    quote: str
    loc: Location
    confidence: float | None = None  # the OCR confidence of the quoted block; None for a text layer
    # The span of the stated number inside `quote` (character offsets in the original quote text),
    # so a report can highlight the exact figure; None when the finding states no single number.
    mark: tuple[int, int] | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {**self.loc.to_dict(), "quote": self.quote}
        if self.mark is not None:
            out["mark"] = list(self.mark)
        if self.confidence is not None:
            out["confidence"] = round(self.confidence, 3)
        return out


@dataclass(frozen=True)
class Finding:
    """What a rule reports. Built only by a rule's context (rules/base.py RuleContext.report), which
    stamps the rule's own id, category and default severity; re-graded only by postpass.py."""

    rule: str
    severity: Severity
    message: str
    evidence: list[Evidence]
    stated: str | None = None
    expected: str | None = None
    section: str | None = None  # title of the section of the first evidence (set by check())
    suppressed_by: Evidence | None = None  # the inline directive that suppressed this finding
    category: str | None = None  # the rule's catalogue category
    # True when the stated figure misses by at most one unit of its last digit (a slip, not a wrong
    # figure): the post-pass makes it a warning unless `tolerance.last_digit_warning` is false.
    last_digit: bool = False
    # The corrected wording (suggestion.py): the quote with the stated figure replaced by the expected one,
    # or which two figures to reconcile when either may be wrong; None when no correction follows.
    suggestion: str | None = None

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"rule": self.rule, "severity": self.severity, "message": self.message}
        if self.category is not None:
            out["category"] = self.category
        if self.stated is not None:
            out["stated"] = self.stated
        if self.expected is not None:
            out["expected"] = self.expected
        if self.suggestion is not None:
            out["suggestion"] = self.suggestion
        if self.section is not None:
            out["section"] = self.section
        out["evidence"] = [e.to_dict() for e in self.evidence]
        if self.suppressed_by is not None:
            out["suppressed_by"] = self.suppressed_by.to_dict()
        return out

    def sort_key(self) -> tuple:
        first = self.evidence[0].loc if self.evidence else Location()
        return (SEVERITY_ORDER[self.severity], first.page or 0, first.line or 0, first.paragraph or 0,
                self.rule)


@dataclass(frozen=True)
class Figure:
    """A figure a reading of a claim uses: what it stands for (in Chinese: 部分, 总额, 上年数 …), as stated,
    and where."""

    role: str
    stated: str
    loc: Location

    def to_dict(self) -> dict[str, Any]:
        return {"role": self.role, "stated": self.stated, **self.loc.to_dict()}


@dataclass(frozen=True)
class Reading:
    """How a statement was read: the arithmetic in words ("319.06万元 ÷ 517.23万元 = 61.69%") and the
    figures it took, each with its place."""

    text: str
    figures: tuple[Figure, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "figures": [f.to_dict() for f in self.figures]}


@dataclass(frozen=True)
class Claim:
    """One numeric statement of the document and what checking it found: `verified` under `reading`
    (the figures that agree), `contradicted` (a finding reports it; `reading` is the binding that fails),
    or `unverified`, with `reason` (no figure to hold it against, the base not certain, readings disagree)."""

    kind: ClaimKind
    status: ClaimStatus
    stated: str
    evidence: Evidence
    reading: Reading | None = None
    reason: str | None = None
    rule: str | None = None  # the rule whose check decided the status

    def to_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"kind": self.kind, "status": self.status, "stated": self.stated,
                               **self.evidence.to_dict()}
        if self.rule is not None:
            out["rule"] = self.rule
        if self.reading is not None:
            out["reading"] = self.reading.to_dict()
        if self.reason is not None:
            out["reason"] = self.reason
        return out


def ledger_counts(claims: list[Claim]) -> dict[str, int]:
    """How many statements, and how many of each status."""
    return {"claims": len(claims), **{s: sum(1 for c in claims if c.status == s) for s in CLAIM_STATUSES}}


@dataclass
class CheckResult:
    source: str
    encoding: str | None
    metadata: Metadata
    facts: list[Fact]
    findings: list[Finding]
    format: str = "text"
    sections: list[dict[str, Any]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)  # what the reader could not read (a scanned page)
    suppressed: list[Finding] = field(default_factory=list)  # silenced by inline directives, kept on record
    disclosure: bool = True  # False: not a budget/final-account disclosure (presentation.py); not checked
    claims: list[Claim] = field(default_factory=list)  # the claim ledger: every numeric statement checked

    def to_dict(self) -> dict[str, Any]:
        return {"source": self.source, "encoding": self.encoding, "format": self.format,
                "disclosure": self.disclosure, "document": self.metadata.to_dict(), "warnings": self.warnings, "sections": self.sections,
                "facts": [f.to_dict() for f in self.facts],
                "findings": [f.to_dict() for f in self.findings],
                "suppressed": [f.to_dict() for f in self.suppressed],
                "ledger": ledger_counts(self.claims), "claims": [c.to_dict() for c in self.claims]}

    @property
    def has_error(self) -> bool:
        return any(f.severity == "error" for f in self.findings)
