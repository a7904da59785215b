"""The pipeline up to the rules: load → normalize → structure → extract, kept in one object.

Rules read an `Analysis`; the report and the store read the `CheckResult` built from it.
"""

from __future__ import annotations

from dataclasses import dataclass

from .extract import Breakdown, Mention, assign_keys, facts_from, find_mentions
from .extract.tables import ParsedTable, parse_tables, table_facts
from .knowledge import knowledge
from .model import Fact, Metadata, SourceDocument
from .structure import Line, Section, extract_metadata, structure


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

    def name(self, key: str) -> str:
        return knowledge().name(key)

    def all_mentions(self) -> list[Mention]:
        return [m for _, ms in self.mentions for m in ms]


def analyse(doc: SourceDocument) -> Analysis:
    lines, sections = structure(doc.blocks)
    meta = extract_metadata(lines)
    mentions = [(ln, find_mentions(ln)) for ln in lines if ln.block.kind != "table"]
    breakdowns = assign_keys(mentions, meta)
    facts = facts_from(mentions)
    tables = parse_tables(doc.blocks, meta.unit)
    tfacts = table_facts(tables)
    if meta.unit is None and tables:
        meta.unit = tables[0].unit  # a file of tables only: the unit its tables are kept in
    return Analysis(doc, lines, sections, meta, mentions, breakdowns, facts + tfacts, tables, tfacts)
