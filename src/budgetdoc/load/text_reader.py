"""Plain text and Markdown: one block per line, located by its 1-based line number.

Runs of tab-separated lines (tables flattened by a converter, one row per line) become a table
block whose cells keep their line and column, so table rules can read them as tables.
"""

from __future__ import annotations

from pathlib import Path

from ..model import Block, Cell, Location, SourceDocument
from .encoding import decode


def _cells(line: str) -> list[str]:
    return line.split("\t")


def _is_row(line: str) -> bool:
    return sum(1 for c in _cells(line) if c.strip()) >= 2


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    blocks: list[Block] = []
    # splitlines() would also split on \x0b, \x1c.. which editors do not count as lines.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    run: list[tuple[int, str]] = []
    tables = 0

    def flush() -> None:
        nonlocal tables
        if len(run) >= 2:
            tables += 1
            rows = [[Cell(c.strip(), r, col, Location(line=n, table=tables, row=r, col=col))
                     for col, c in enumerate(_cells(line), start=1)] for r, (n, line) in enumerate(run, start=1)]
            blocks.append(Block("table", "\n".join(line for _, line in run), Location(line=run[0][0], table=tables),
                                rows=rows))
        else:
            for n, line in run:
                blocks.append(Block("paragraph", line, Location(line=n)))
        run.clear()

    for i, line in enumerate(lines, start=1):
        if _is_row(line):
            run.append((i, line))
            continue
        flush()
        if line.strip():
            kind = "heading" if line.lstrip().startswith("#") else "paragraph"
            blocks.append(Block(kind, line, Location(line=i)))
    flush()
    return SourceDocument(source=str(path), format="text", blocks=blocks, encoding=encoding)
