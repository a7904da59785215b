"""The claim ledger: what checking came to for every numeric statement of a document.

Rules record a statement (a `Mention` of the narrative, or a `TableTotal`: a 合计/小计 of a table) as
verified, contradicted or unverified. A statement recorded several times keeps the strongest result:
a contradiction (a finding) over a verification over an unverified note, so a statement one rule found
wrong is never listed as right. `claims()` lists every statement in document order, those no rule
could hold against anything as unverified.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..model import Claim, ClaimKind, ClaimStatus, Evidence, Fact, Figure, Location, Reading
from .quotes import evidence, line_evidence
from .readings import NO_READING

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..extract import Mention
    from ..extract.tables import ParsedTable, Row
    from ..structure import Line

_RANK: dict[ClaimStatus, int] = {"contradicted": 0, "verified": 1, "unverified": 2}
# Parts of a document whose numbers are not statements to check: definitions and contact lines.
_NOT_CLAIMS = {"glossary", "contact"}
NO_TOTAL_CHECK = "合计的组成项不全或无法确定，无法核对"


@dataclass(frozen=True)
class TableTotal:
    """A total of a table: the row (a 合计 row, or a classification row with rows under it, or any row
    whose 合计 column is checked against its part columns)."""

    table: ParsedTable
    row: Row


@dataclass(frozen=True)
class Count:
    """A count of things the narrative states ("车辆12辆", "内设机构30个"): the number's span in the line's
    normalized text (its measure word included) and its value."""

    line: Line
    start: int
    end: int
    value: int

    @property
    def stated(self) -> str:
        return self.line.norm.text[self.start:self.end]


@dataclass(frozen=True)
class Residue:
    """A table total that holds within rounding but not to the last digit (a 尾差): its parts as printed
    add up to `exact`, the cell in column `col` prints another figure, each part having been rounded
    on its own. `parts` says in words what was added ("其下各款", "基本支出+项目支出")."""

    table: ParsedTable
    row: Row
    col: int
    exact: Decimal
    parts: str


@dataclass
class _Entry:
    status: ClaimStatus
    reading: Reading | None
    reason: str | None
    rule: str | None
    evidence: Evidence | None = None


Subject = "Mention | TableTotal | Count"


def _key(subject: object) -> tuple:
    from ..extract import Mention

    if isinstance(subject, Mention):
        return ("m", id(subject))
    if isinstance(subject, Count):
        return ("c", id(subject.line), subject.start)
    assert isinstance(subject, TableTotal)
    return ("t", id(subject.table), subject.row.index, id(subject.row))


class Ledger:
    def __init__(self) -> None:
        self._entries: dict[tuple, _Entry] = {}
        self._subjects: dict[tuple, object] = {}
        self._residues: dict[tuple[int, int, int], Residue] = {}

    def record(self, subject: Mention | TableTotal | Count, status: ClaimStatus, *, reading: Reading | None = None,
               reason: str | None = None, rule: str | None = None, evidence: Evidence | None = None) -> None:
        key = _key(subject)
        old = self._entries.get(key)
        if old is not None and _RANK[old.status] <= _RANK[status]:
            return
        self._entries[key] = _Entry(status, reading, reason, rule, evidence)
        self._subjects[key] = subject

    def residue(self, r: Residue) -> None:
        """Note a total whose parts add up to it only within rounding (once per cell)."""
        if r.exact != r.row.values[r.col].value:
            self._residues.setdefault((id(r.table), id(r.row), r.col), r)

    def residues(self) -> list[Residue]:
        """The 尾差 noted, of totals no rule found wrong, in the order they were noted."""
        return [r for r in self._residues.values()
                if self.status(TableTotal(r.table, r.row)) != "contradicted"]

    def status(self, subject: Mention | TableTotal | Count) -> ClaimStatus | None:
        e = self._entries.get(_key(subject))
        return e.status if e is not None else None

    def claims(self, analysis: Analysis) -> list[Claim]:
        """Every numeric statement of the narrative, every table total recorded or printed as a 合计 row,
        and every count a rule recorded, in document order."""
        from ..extract import Mention

        out: list[tuple[tuple, Claim]] = []
        # A rule may read a statement that is no mention of the line's (a multiple: 增长2.7倍, rules.ratios).
        others: dict[int, list[Mention]] = {}
        for subject in self._subjects.values():
            if isinstance(subject, Mention):
                others.setdefault(id(subject.line), []).append(subject)
        for line, ms in analysis.mentions:
            sec = line.section
            if sec is not None and any(s.type in _NOT_CLAIMS for s in sec.chain()):
                continue
            mine = {id(m) for m in ms}
            for m in [*ms, *(x for x in others.get(id(line), []) if id(x) not in mine)]:
                if m.threshold:
                    continue
                e = self._entries.get(_key(m))
                ev = e.evidence if e is not None and e.evidence is not None else evidence(m)
                claim = Claim(_kind(m), e.status if e else "unverified", m.stated.strip(), ev,
                              e.reading if e else None, (e.reason if e else NO_READING) if not e or
                              e.status == "unverified" else None, e.rule if e else None)
                out.append(((line.index, 0, m.start), claim))
        for t in analysis.tables:
            for row in t.rows:
                key = ("t", id(t), row.index, id(row))
                e = self._entries.get(key)
                if e is None and not (row.is_total and row.values):
                    continue
                first = row.values[min(row.values)] if row.values else None
                if first is None:
                    continue
                ev = e.evidence if e is not None and e.evidence is not None else Evidence(row_quote(row), first.cell.loc)
                stated = first.cell.text.strip()
                claim = Claim("total", e.status if e else "unverified", stated, ev, e.reading if e else None,
                              (e.reason if e else NO_TOTAL_CHECK) if not e or e.status == "unverified" else None,
                              e.rule if e else None)
                out.append(((_line_of(analysis, t), 1, row.index), claim))
        out += self._count_claims()
        out.sort(key=lambda x: x[0])
        return [c for _, c in out]


    def _count_claims(self) -> list[tuple[tuple, Claim]]:
        out = []
        for key, subject in self._subjects.items():
            if not isinstance(subject, Count):
                continue
            e = self._entries[key]
            text = subject.line.norm.text
            s = max(text.rfind(c, 0, subject.start) for c in "。;!?") + 1
            ev = e.evidence or line_evidence(subject.line, s, subject.end, (subject.start, subject.end))
            out.append(((subject.line.index, 0, subject.start), Claim("count", e.status, subject.stated.strip(), ev,
                                                                         e.reading, e.reason, e.rule)))
        return out


def _line_of(analysis: Analysis, t: ParsedTable) -> int:
    block = t.blocks[0]
    return next((ln.index for ln in analysis.lines if ln.block is block), 0)


def row_quote(row: Row) -> str:
    """A table row as a quote: its non-empty cells joined."""
    return " | ".join(c.text.strip() for c in row.cells if c.text.strip())


def _kind(m: Mention) -> ClaimKind:
    if m.is_percent:
        return {"share": "share", "growth": "growth", "completion": "completion"}.get(m.cue or "", "percent")  # type: ignore[return-value]
    return "change" if m.is_change else "amount"


def mention_figure(role: str, m: Mention) -> Figure:
    return Figure(role, m.stated.strip(), m.line.block.loc)


def fact_figure(role: str, f: Fact) -> Figure:
    return Figure(role, f.stated, f.loc)


def place(loc: Location) -> str:
    return loc.describe()
