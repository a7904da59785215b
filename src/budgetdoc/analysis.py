"""The pipeline up to the rules: load → normalize → structure → extract, kept in one object.

Rules read an `Analysis`; the report and the store read the `CheckResult` built from it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from .extract import Breakdown, Mention, assign_keys, facts_from, find_mentions
from .extract.performance import PerformanceTables, read_performance
from .extract.tables import ParsedTable, parse_tables, table_facts
from .knowledge import Knowledge, knowledge
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
    knowledge: Knowledge  # the domain data this document was read with (a config's aliases included)
    performance: PerformanceTables  # the 绩效自评表 rows: indicators, weighted scores, fund rows

    def name(self, key: str) -> str:
        return self.knowledge.name(key)

    def all_mentions(self) -> list[Mention]:
        return [m for _, ms in self.mentions for m in ms]


def analyse(doc: SourceDocument, k: Knowledge | None = None) -> Analysis:
    """Read a loaded document with the given knowledge (the packaged data when None)."""
    k = k or knowledge()
    lines, sections = structure(doc.blocks, k)
    stated = extract_metadata(lines)
    tables = parse_tables(doc.blocks, stated.unit)
    # A file of tables only states no unit in prose: it is the unit its tables are kept in.
    meta = replace(stated, unit=tables[0].unit) if stated.unit is None and tables else stated
    mentions = [(ln, find_mentions(ln, k)) for ln in lines if ln.block.kind != "table"]
    breakdowns = assign_keys(mentions, meta, k)
    facts = facts_from(mentions)
    tfacts = table_facts(tables)
    return Analysis(doc, lines, sections, meta, mentions, breakdowns, facts + tfacts, tables, tfacts, k,
                    read_performance(doc.blocks))
