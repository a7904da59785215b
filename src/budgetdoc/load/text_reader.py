"""Plain text and Markdown: one block per line, located by its 1-based line number.

Three flattened table layouts become table blocks whose cells keep their line and column, so table
rules can read them as tables:
- a row per line, cells separated by tabs (the usual PDF-to-text output);
- Markdown pipe tables (`| 项目 | 金额 |`, the `|---|` line under the header skipped);
- a cell per line, each indented by a tab, rows separated by blank lines (the usual DOCX-to-text
  output: seeds 000 and 002);
- a row per line, cells separated by " | " without the outer bars (`301 | 工资福利支出 | 950.85`);
- a row per line, cells apart by runs of spaces (PDF-to-text output that keeps the layout), blank cells
  restored from where the cells stand (aligned_text).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Block, Cell, Location, SourceDocument
from . import aligned_text
from .encoding import decode
from .wrapping import PAGE_NUMBER, join_cut_lines, page_furniture


def _is_row(line: str) -> bool:
    return sum(1 for c in line.split("\t") if c.strip()) >= 2


_PIPE_RULE = re.compile(r"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of a Markdown pipe-table row, or None (a row needs two non-empty cells)."""
    t = line.strip()
    if not (t.startswith("|") and t.endswith("|")) or len(t) < 3:
        return None
    cells = [c.strip() for c in t[1:-1].split("|")]
    return cells if sum(1 for c in cells if c) >= 2 else None


def _bar_cells(line: str) -> list[str] | None:
    """The cells of a row written "A | B | C" (no outer bars; a leading " | " is an empty first cell), or
    None (a row needs two non-empty cells)."""
    if " | " not in line:
        return None
    cells = [c.strip() for c in line.rstrip().split("|")]
    return cells if sum(1 for c in cells if c) >= 2 else None


def _is_pipe(line: str) -> bool:
    return _pipe_cells(line) is not None or bool(_PIPE_RULE.match(line))


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and not _is_row(line)


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    # splitlines() would also split on \x0b, \x1c.. which editors do not count as lines.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    tables = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _pipe_cells(line) is not None:
            j = i
            while j < len(lines) and _is_pipe(lines[j]):
                j += 1
            rows = [[(n, c) for c in cells] for n in range(i + 1, j + 1)
                    if (cells := _pipe_cells(lines[n - 1])) is not None]
        elif _bar_cells(line) is not None:  # (a row of it may begin and end with a bar: " |  | 四、…| ")
            j = i
            while j < len(lines) and _bar_cells(lines[j]) is not None:
                j += 1
            rows = [[(n, c) for c in _bar_cells(lines[n - 1]) or []] for n in range(i + 1, j + 1)]
        elif _is_row(line):
            j = i + 1
            # Inside a table a row may fill one cell only (a label whose figure is blank: "上年结转\t").
            while j < len(lines) and (_is_row(lines[j]) or ("\t" in lines[j] and lines[j].strip())):
                j += 1
            rows = [[(n, c) for c in lines[n - 1].split("\t")] for n in range(i + 1, j + 1)]
        elif _is_cell_line(line):
            rows, j = _cell_per_line_rows(lines, i)
        elif aligned_text.is_row(line) and (j := aligned_text.block_end(lines, i)) > i:
            # The heading lines above that were taken for text join the table when its columns hold them.
            start = aligned_text.heading_start(lines, i)
            rows, end = aligned_text.table(lines, start, j) if start < i else ([], j)
            if rows:
                while blocks and blocks[-1].kind == "paragraph" and (blocks[-1].loc.line or 0) > start:
                    blocks.pop()
                i, j = start, end
            else:
                # Where the columns cannot be told, the lines stay text (not the rows without headings).
                rows, j = aligned_text.table(lines, i, j)
        else:
            rows, j = [], i + 1
        if len(rows) >= 2:
            tables += 1
            blocks.append(_table(rows, tables))
            i = max(j, i + 1)
            continue
        for n in range(i, max(j, i + 1)):
            if lines[n].strip() and not PAGE_NUMBER.match(lines[n]):
                kind = "heading" if lines[n].lstrip().startswith("#") else "paragraph"
                blocks.append(Block(kind, lines[n], Location(line=n + 1)))
        i = max(j, i + 1)
    return SourceDocument(source=str(path), format="text", blocks=join_cut_lines(blocks, furniture=page_furniture(lines)),
                          encoding=encoding)


def _cell_per_line_rows(lines: list[str], i: int) -> tuple[list[list[tuple[int, str]]], int]:
    """Rows of a cell-per-line table starting at line index i; returns the rows and the index after."""
    rows: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    j = i
    while j < len(lines) and (_is_cell_line(lines[j]) or not lines[j].strip()):
        if _is_cell_line(lines[j]):
            current.append((j + 1, lines[j]))
        elif current:
            rows.append(current)
            current = []
        j += 1
    if current:
        rows.append(current)
    # Trailing blank lines belong to the text that follows.
    while j > i and not lines[j - 1].strip() and not _is_cell_line(lines[j - 1]):
        j -= 1
    return rows, j


def _table(rows: list[list[tuple[int, str | None]]], number: int) -> Block:
    """A table block; a cell text None is a column the cell on its left spans (aligned text)."""
    def span(row: list[tuple[int, str | None]], k: int) -> int:
        n = 1
        while k + n < len(row) and row[k + n][1] is None:
            n += 1
        return n
    cells = [[Cell(c.strip(), r, k + 1, Location(line=n, table=number, row=r, col=k + 1), colspan=span(row, k))
              for k, (n, c) in enumerate(row) if c is not None] for r, row in enumerate(rows, start=1)]
    first = rows[0][0][0]
    text = "\n".join("\t".join(c.text for c in row) for row in cells)
    return Block("table", text, Location(line=first, table=number), rows=cells)
