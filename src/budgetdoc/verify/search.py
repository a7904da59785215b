"""Where the readings of a statement are looked for: every statement of a quantity in the text and the
tables (in every funding scope when asked), and the amounts around a figure — its clause and sentence,
parenthetical sub-items included, and the lines just above it.

Rules build their `Candidate`s from these; no rule looks for alternatives on its own."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from ..amount import Amount
from ..interval import Interval, interval_sum
from ..knowledge import load_yaml
from ..model import Cell, Fact, Figure, Reading
from .readings import Candidate

if TYPE_CHECKING:
    from ..analysis import Analysis
    from ..extract import Mention
    from ..extract.tables import ParsedTable, Value

# Parts whose figures follow their own definitions (a glossary, a self-evaluation report, an
# attachment): not statements of the document's own quantities.
SIDE_SECTIONS = {"glossary", "performance", "contact", "tables", "attachment"}


@dataclass(frozen=True)
class Source:
    """A figure the document states: its value in yuan as the interval its digits stand for, and how a
    reading names it."""

    yuan: Interval
    value_yuan: Decimal
    figure: Figure
    mention: Mention | None = None
    cell: Cell | None = None  # the table cell it is printed in (for a table's figure)

    @property
    def stated(self) -> str:
        return self.figure.stated


def of_mention(m: Mention, role: str) -> Source:
    return Source(m.yuan, m.value_yuan, Figure(role, m.stated.strip(), m.line.block.loc), m)


def of_fact(f: Fact, role: str) -> Source:
    return Source(Amount.of_fact(f).yuan, f.value_yuan, Figure(role, f.stated, f.loc))


def of_cell(t: ParsedTable, v: Value, role: str) -> Source:
    """A table's amount cell, in yuan, as the document prints it (with the table's unit)."""
    return Source(v.interval.scale(t.scale), v.value * t.scale, Figure(role, f"{v.cell.text.strip()}{t.unit}", v.cell.loc),
                  cell=v.cell)


def in_side_section(m: Mention) -> bool:
    sec = m.line.section
    return sec is not None and any(s.type in SIDE_SECTIONS for s in sec.chain())


def statements(a: Analysis, key: str, role: str, *, other_scopes: bool = False,
               tables: bool = True, text: bool = True) -> list[Source]:
    """Every statement of `key`: the text's levels in document order, then the tables' figures. With
    `other_scopes`, the same quantity in every funding scope too (基本支出 of all funds and of 财政拨款),
    after the key's own."""
    k = a.knowledge
    base = k.base_key(key)
    own: list[Source] = []
    other: list[Source] = []
    for m in a.all_mentions() if text else ():
        if not m.is_level or in_side_section(m):
            continue
        for mk in m.keys:
            if mk == key:
                own.append(of_mention(m, role))
            elif other_scopes and k.base_key(mk) == base:
                other.append(of_mention(m, role))
    if tables:
        for f in a.table_facts:
            if f.key == key:
                own.append(of_fact(f, role))
            elif other_scopes and k.base_key(f.key) == base:
                other.append(of_fact(f, role))
    return _unique(own + other)


def _unique(sources: list[Source]) -> list[Source]:
    seen: set[tuple] = set()
    out = []
    for s in sources:
        k = (s.value_yuan, s.figure.loc)
        if k not in seen:
            seen.add(k)
            out.append(s)
    return out


def sentence_levels(ms: list[Mention], m: Mention) -> list[Mention]:
    """The levels of m's sentence before it, parenthetical sub-items included, nearest first."""
    return [x for x in reversed(ms) if x.sentence == m.sentence and x.start < m.start and x.is_level]


def lines_before(a: Analysis, m: Mention, back: int = 3) -> list[Mention]:
    """The levels of the few lines above m's line, in the same section (a paragraph a PDF broke over
    lines, or the sentence a following one refers to), nearest first."""
    idx = next(i for i, (ln, _) in enumerate(a.mentions) if ln is m.line)
    out: list[Mention] = []
    for ln, ms in reversed(a.mentions[max(0, idx - back):idx]):
        if ln.section is not m.line.section or ln.is_heading:
            break
        out.extend(x for x in reversed(ms) if x.is_level)
    return out


def line_openers(a: Analysis, m: Mention, back: int = 3) -> list[Mention]:
    """The first level of each of the few lines above m's (same section), nearest line first: the figure
    a paragraph or list opens with, which the lines after it often take as their total. A line that opens
    with a budget or last year's figure ("年初预算为X，调整预算为Y，支出决算为Z") gives its own figure too."""
    out: list[Mention] = []
    own: set[int] = set()  # the lines whose own (this period's) figure is in
    for x in reversed(lines_before(a, m, back)):  # lines_before is nearest first; the first level of a line is its last here
        if out and any(y.line is x.line for y in out[-2:]):
            if id(x.line) not in own and x.role in (None, "actual"):
                own.add(id(x.line))
                out.append(x)
            continue
        out.append(x)
        if x.role in (None, "actual"):
            own.add(id(x.line))
    return list(reversed(out))


def section_openers(a: Analysis, m: Mention) -> list[Mention]:
    """The first level stated under m's section and under each section above it (nearest first): the total
    a section opens with ("一般公共预算当年拨款X万元" under (五), in its first subsection), which the shares
    of its later subsections take."""
    out: list[Mention] = []
    sec = m.line.section
    chain = sec.chain() if sec is not None else []
    for s in chain[:3]:
        first = next((x for ln, ms in a.mentions if ln.section is not None and not ln.is_heading
                      and any(c is s for c in ln.section.chain()) for x in ms if x.is_level and x is not m), None)
        if first is not None and first not in out:
            out.append(first)
    return out


def percent(x: Interval | None) -> Interval | None:
    return x.scale(Decimal(100)) if x is not None else None


def ratio_reading(part: Source, total: Source, decimals: int, *, certain: bool = False,
                  what: str = "") -> Candidate:
    """part ÷ total in %, as a reading of a stated share or completion rate."""
    q = percent(part.yuan / total.yuan)
    point = part.value_yuan / total.value_yuan * 100 if total.value_yuan else None
    shown = f"{point.quantize(Decimal(1).scaleb(-decimals))}%" if point is not None else "无法计算"
    text = f"{part.stated} ÷ {total.stated}{what} = {shown}"
    return Candidate(q, Reading(text, (part.figure, total.figure)), certain, point)


def level_growth(cur: Interval, prev: Interval) -> Interval | None:
    """The growth from last year's level to this year's in %: this ÷ last − 1, not (this − last) ÷ last,
    so last year's figure takes one value inside its rounding, not two. None when last year may be 0
    or is below it (no base)."""
    if prev.lo <= 0:
        return None
    q = cur / prev
    return Interval(q.lo - 1, q.hi - 1).scale(Decimal(100)) if q is not None else None


def growth_reading(cur: Source, prev: Source, *, certain: bool = False) -> Candidate:
    """(this year − last year) ÷ last year in %, as a reading of a stated growth rate."""
    rate = level_growth(cur.yuan, prev.yuan)
    point = (cur.value_yuan - prev.value_yuan) / prev.value_yuan * 100 if prev.value_yuan else None
    text = f"（{cur.stated} − {prev.stated}）÷ {prev.stated}"
    return Candidate(rate, Reading(text, (cur.figure, prev.figure)), certain, point)


def yuan_decimals(m: Mention | Source) -> int:
    """The decimals of a figure counted in yuan (221.33万元: -2, its last digit is 100元), so a figure
    can be held against a sum in yuan with its own rounding."""
    if not isinstance(m, Source):
        return m.decimals - m.scale.adjusted()
    width = m.yuan.hi - m.yuan.lo  # one unit of the last digit
    return -width.adjusted() if width > 0 else 2


AT_LEAST = Decimal("1e30")


def sum_reading(parts: list[Source], what: str, *, complete: bool = True, certain: bool = False,
                extra: tuple[Figure, ...] = ()) -> Candidate:
    """Σ parts in yuan as a reading of a stated total: equal to it when the parts are all there is
    (`complete`), else no more than it (the total must be at least the parts)."""
    total = Interval(Decimal(0), Decimal(0))
    for p in parts:
        total = total + p.yuan
    point = sum((p.value_yuan for p in parts), Decimal(0))
    expected = total if complete else Interval(total.lo, AT_LEAST)
    text = what or " + ".join(p.stated for p in parts)
    return Candidate(expected, Reading(text, (*extra, *(p.figure for p in parts))), certain, point)


# Words a row label and a sentence's label may differ by while naming the same thing.
_GENERIC = re.compile(r"[\s\d.,;:、()（）“”\"]|其中|合计|总计|小计|共计|预算数?|决算数?|安排|支出|经费|资金|本年|年度|为$")


def _bare(label: str) -> str:
    return _GENERIC.sub("", label)


def related(label: str, row_name: str) -> bool:
    """Do a sentence's label and a table row's name name the same thing (one inside the other once the
    generic words are gone, or four characters in a row in common)?"""
    a, b = _bare(label), _bare(row_name)
    if len(a) < 2 or len(b) < 2:
        return False
    if a in b or b in a:
        return True
    return any(a[i:i + 4] in b for i in range(len(a) - 3))


@dataclass(frozen=True)
class _Cell:
    lo: Decimal
    hi: Decimal
    source: Source
    row_name: str


class CellIndex:
    """Every amount cell of the document's tables, in yuan, sorted by value: which cells state a figure.
    Rows with no amount at all (a quantity the department does not have, printed blank) are kept by name:
    they state 0."""

    def __init__(self, a: Analysis) -> None:
        cells = []
        blank: list[tuple[str, Figure]] = []
        for t in a.tables:
            for row in t.rows:
                name = row.name or ""
                if not row.values and name:
                    blank.append((name, Figure(name, "空", row.cells[0].loc)))
                for v in row.values.values():
                    src = of_cell(t, v, name or "表中数")
                    cells.append(_Cell(src.yuan.lo, src.yuan.hi, src, name))
        cells.sort(key=lambda c: c.lo)
        self._cells = cells
        self._los = [c.lo for c in cells]
        self._width = max((c.hi - c.lo for c in cells), default=Decimal(0))
        self._blank = blank
        self._names = a.name
        self._lines = a.lines
        self._item = a.knowledge.patterns["func_part"]

    def sources(self, m: Mention) -> list[Source]:
        """The cells that state m's figure (within both roundings) in a row whose name is what m names:
        its label, the quantity it was read as, or the words in front of it when a line break took its
        label away."""
        names = _names_of(m, self._names)
        if len(_bare(m.label)) < 2:
            names += self._item_before(m)
        y = m.yuan
        out = []
        for c in self._cells[bisect.bisect_left(self._los, y.lo - self._width):]:
            if c.lo > y.hi:
                break
            if c.hi >= y.lo and any(related(n, c.row_name) for n in names):
                out.append(c.source)
        if not out and m.value == 0:
            out = [Source(Interval(Decimal(0), Decimal(0)), Decimal(0), f) for name, f in self._blank
                   if any(related(n, name) for n in names)]
        return out


    def _item_before(self, m: Mention) -> list[str]:
        """The 功能分类 item a paragraph is about ("…财政事务(款)行政运行(项)。…年初预算为1560.05万元，支出决算为
        1511.89万元"): the last item named before a figure whose own label names nothing, on its line or
        on the lines of its paragraph just above (a PDF wraps it)."""
        i = m.line.index
        above = []
        for prev in reversed(self._lines[max(0, i - _ITEM_LINES):i]):
            if prev.is_heading:  # a numbered item line read as the heading of its paragraph names the item
                above.insert(0, prev.norm.text)
                break
            if prev.section is not m.line.section:
                break
            above.insert(0, prev.norm.text)
        # The lines joined: an item name wrapped before its (项) is read whole.
        found = list(self._item.finditer("".join(above) + m.line.norm.text[:m.start]))
        return [found[-1].group("name")] if found else []


# How many lines above a figure its paragraph may have named the item (a PDF wraps a paragraph in 2-3).
_ITEM_LINES = 3


def _names_of(m: Mention, name: Callable[[str], str]) -> list[str]:
    out = [m.label]
    if m.key:
        base = m.key.removesuffix(".budget").removesuffix(".prev")
        out.append(name(base))
        if base.startswith("func."):
            out.append(base.rsplit("/", 1)[-1].removeprefix("func."))
    if len(_bare(m.label)) < 2:
        before = m.line.norm.text[max(0, m.start - 16):m.start]
        out.append(before)
    return out


def group_sums(a: Analysis, key: str) -> list[Source]:
    """人员经费 / 公用经费 stated in the text where no table prints the group by name: the sum of its
    经济分类 类 rows (301 + 303, 302 + 310 …) in each 经济分类 table, first column. Only a reading that
    verifies: which 类 a document counts in the group, and whether the table holds project spending too,
    varies, so a sum that differs decides nothing."""
    group = load_yaml("tables.yaml")["econ_groups"].get(a.knowledge.base_key(key))
    out: list[Source] = []
    if not group:
        return out
    for t in a.tables:
        if t.classification != "econ":
            continue
        rows = [r for r in t.rows if r.code in group and r.values]
        if not rows or rows[0].code != group[0]:
            continue  # without the group's main 类 the rows are not the group
        cells = [r.values[min(r.values)] for r in rows]
        total = interval_sum([c.interval for c in cells]).scale(t.scale)
        names = "+".join(f"{r.code}{r.name or ''}" for r in rows)
        fig = Figure(names, f"{total.mid / t.scale:.2f}{t.unit}", cells[0].cell.loc)
        out.append(Source(total, total.mid, fig))
    return out
