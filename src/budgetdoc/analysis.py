"""The pipeline up to the rules: load → normalize → structure → extract, kept in one object.

Rules read an `Analysis`; the report and the store read the `CheckResult` built from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache

from .amount import Amount
from .extract import Breakdown, Mention, assign_keys, facts_from, find_mentions
from .extract.mentions import wrapped_lead, wrapped_unit
from .extract.performance import PerformanceTables, read_performance
from .extract.tables import ParsedTable, parse_tables, table_facts
from .knowledge import Knowledge, knowledge, load_yaml
from .model import Fact, Metadata, SourceDocument
from .structure import Line, Section, extract_metadata, mark_units, structure


@dataclass
class Analysis:
    doc: SourceDocument
    lines: list[Line]
    sections: list[Section]
    meta: Metadata
    mentions: list[tuple[Line, list[Mention]]]
    breakdowns: list[Breakdown]
    facts: list[Fact]  # text facts, then table facts
    tables: list[ParsedTable]
    table_facts: list[Fact]
    knowledge: Knowledge  # the domain data this document was read with (a config's aliases included)
    performance: PerformanceTables  # the 绩效自评表 rows: indicators, weighted scores, fund rows
    text_unit: str | None = None  # the unit the prose states its amounts in (meta.unit is the tables')

    def name(self, key: str) -> str:
        return self.knowledge.name(key)

    def all_mentions(self) -> list[Mention]:
        return [m for _, ms in self.mentions for m in ms]

    def line_mentions(self, m: Mention) -> list[Mention]:
        """The mentions of m's line (m among them)."""
        return next(ms for ln, ms in self.mentions if ln is m.line)


def analyse(doc: SourceDocument, k: Knowledge | None = None) -> Analysis:
    """Read a loaded document with the given knowledge (the packaged data when None)."""
    k = k or knowledge()
    lines, sections = structure(doc.blocks, k)
    stated = extract_metadata(lines)
    mark_units(sections, stated.department, k)
    tables = parse_tables(doc.blocks, stated.unit)
    # The document's unit is the unit its main tables are kept in (a Shanghai budget: tables in 元,
    # prose in 万元); a file without tables keeps the unit of its prose.
    main = main_table(tables)
    meta = replace(stated, unit=main.unit) if main is not None else stated
    body = [ln for ln in lines if ln.block.kind != "table"]
    prevs, nexts = [None, *body[:-1]][:len(body)], [*body[1:], None][:len(body)]
    mentions = [(ln, find_mentions(ln, k, wrapped_lead(prev, ln), wrapped_unit(ln, nxt)))
                for prev, ln, nxt in zip(prevs, body, nexts, strict=True)]
    breakdowns = assign_keys(mentions, meta, k)
    facts = facts_from(mentions)
    tfacts = table_facts(tables)
    return Analysis(doc, lines, sections, meta, mentions, breakdowns, key_figures_first(facts, tfacts, k), tables,
                    tfacts, k, read_performance(doc.blocks), stated.unit)


def main_table(tables: list[ParsedTable]) -> ParsedTable | None:
    """The 收支总表 when there is one, else the first standard table, else the first table."""
    for wanted in (lambda t: t.type == "summary", lambda t: t.type not in (None, "performance"), lambda t: True):
        found = next((t for t in tables if wanted(t)), None)
        if found is not None:
            return found
    return None


def key_figures_first(text: list[Fact], table: list[Fact], k: Knowledge) -> list[Fact]:
    """Text facts, then table facts, in document order, except that a key figure (收入总计, 基本支出,
    三公经费 … quantities.yaml `key_figures`) stated in a standard table is listed first with its table
    figure: a table binds it by its row label and column header in a fixed layout and prints it to the
    last yuan or fen, while a sentence binds it by its wording (which can be last year's figure, a
    sub-unit's, or rounded to 万元). The first fact of a key is the one a reader quotes as the figure."""
    figures = _key_figures()
    first = [f for f in table if f.key in figures]
    moved = {id(f) for f in first}
    ordered = first + [f for f in text + table if id(f) not in moved]
    _gather_sources(ordered, figures)
    return ordered


def _gather_sources(facts: list[Fact], figures: frozenset[str]) -> None:
    """The first fact of each key figure lists the other statements of the same figure: same key and
    equal within both roundings (19,577万元 in the text, 195,774,300元 in the table). A statement that
    differs is not a source: it is left to the rules (fact-conflict, table-text) to judge."""
    heads: dict[str, Fact] = {}
    for f in facts:
        head = heads.setdefault(f.key, f) if f.key in figures else None
        if head is not None and head is not f and Amount.of_fact(head).yuan.overlaps(Amount.of_fact(f).yuan):
            head.sources.append(f)


@lru_cache(maxsize=1)
def _key_figures() -> frozenset[str]:
    return frozenset(load_yaml("quantities.yaml")["key_figures"])
