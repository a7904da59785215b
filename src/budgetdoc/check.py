"""The one public entry point: check a file and get its metadata, facts and findings."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

from .analysis import Analysis, analyse
from .config import DEFAULT, Config
from .grouping import group_repeated
from .load import load
from .model import Block, CheckResult, Finding, SourceDocument
from .postpass import review
from .presentation import finish
from .structure.file_name import fill_from_names
from .suggestion import with_suggestions
from .verify import Ledger


def check(path: str | Path, config: Config | None = None,
          progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """Read a disclosure, extract its figures and verify its claims. Raises InputError on bad input.

    `config` (config.load_config) disables or re-grades rules and adds regional section aliases;
    inline `budgetdoc: ignore <rule>` directives move findings to `suppressed`. `progress(done, total)`
    is called after each page of a PDF or image (the CLI's progress bar)."""
    doc = load(path, progress)
    return _check_document(doc, config, [doc.source])


def check_parts(paths: Sequence[str | Path], config: Config | None = None,
                progress: Callable[[int, int], None] | None = None) -> CheckResult:
    """Check the files of one disclosure published in parts (说明 and 报表, `-text` and `-tables`) as one
    document: text is held against the tables of the other file. Every location names its file."""
    if len(paths) == 1:
        return check(paths[0], config, progress)
    docs = [load(p, progress) for p in paths]
    blocks = [_in_file(b, Path(d.source).name) for d in docs for b in d.blocks]
    merged = SourceDocument(source=" + ".join(d.source for d in docs), format=docs[0].format, blocks=blocks,
                            encoding=docs[0].encoding,
                            warnings=[f"{Path(d.source).name}: {w}" for d in docs for w in d.warnings])
    return _check_document(merged, config, [d.source for d in docs])


def _in_file(block: Block, name: str) -> Block:
    rows = [[replace(c, loc=replace(c.loc, file=name)) for c in row] for row in block.rows]
    return replace(block, loc=replace(block.loc, file=name), rows=rows)


def _check_document(doc: SourceDocument, config: Config | None, names: list[str]) -> CheckResult:
    """`names`: the files read, whose names give what the content does not state (department, year,
    kind) to the result's metadata, with a reader note; the rules read the content's metadata only."""
    config = config or DEFAULT
    analysis = analyse(doc, config.overlay())  # aliases shape the sections, so they apply while reading
    ledger = Ledger()
    findings, suppressed = review(analysis, config, ledger)
    findings, suppressed = _with_sections(analysis, findings), _with_sections(analysis, suppressed)
    findings, suppressed = group_repeated(findings), group_repeated(suppressed)
    findings, suppressed = with_suggestions(findings), with_suggestions(suppressed)
    sections = [{"title": s.title, "type": s.type, "level": s.level,
                 **analysis.lines[s.block_index].block.loc.to_dict()} for s in analysis.sections]
    result = finish(doc, CheckResult(source=doc.source, encoding=doc.encoding, metadata=analysis.meta,
                                     facts=analysis.facts, findings=findings, format=doc.format, sections=sections,
                                     warnings=doc.warnings, suppressed=suppressed,
                                     claims=ledger.claims(analysis)), analysis)
    if result.disclosure:  # a file that is not one has no department or year to speak of
        result.metadata, note = fill_from_names(result.metadata, names)
        if note is not None:
            result.warnings = [*result.warnings, note]
    return result


def _with_sections(analysis: Analysis, findings: list[Finding]) -> list[Finding]:
    """Each finding with the title of the section its first quote is in (the HTML report groups by it)."""
    titles = {}
    for line in analysis.lines:
        if line.section is not None:
            titles.setdefault(line.block.loc, line.section.title)
            for row in line.block.rows:  # findings on table cells quote the cell's location
                for cell in row:
                    titles.setdefault(cell.loc, line.section.title)
    return [replace(f, section=titles.get(f.evidence[0].loc)) if f.evidence and f.section is None else f
            for f in findings]
