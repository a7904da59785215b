"""Tables a PDF page sets without ruling lines: a three-line table (rules over and under the heading and
at the foot, none between the columns), or no rules at all. pdfplumber's table finder needs ruled cells,
so these came out as lines of text, their figures read as prose.

The page's text lines are set out as text, each character at its place in columns of half a Chinese
character, and read by the reader of tables laid out with spaces (load/aligned_text.py): its columns are
where the rows with figures put their cells, and where they cannot be told the lines stay text. Lines are
taken with pdfplumber's default tolerance of 3 points here, not the reader's 6: the lines of a label
wrapped in its cell stand closer than that, and must stay lines of their own to be joined as a label.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field
from typing import Any

from pdfplumber.utils import merge_bboxes, objects_to_bbox

from ..model import Block, Location, table_block
from . import aligned_text
from .wrapping import width

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

# Text lines are looked at for a table only on a page with two lines or more holding a decimal figure
# that stands apart (spaces or the line's ends around it), as a table's cell does.
_CELL_FIGURE = re.compile(r"(?:^|\s)[-−]?[\d,]*\d[.．]\d+%?(?=\s|$)")
_LINE_TOLERANCE = 3
# Sentence punctuation: a table's cells name and count, they do not make sentences.
_SENTENCE = re.compile(r"[，。；]")
_UNIT_LEFT = re.compile(r"^(?:万元|亿元|元|%|％)")


@dataclass
class _Row:
    cells: list[Box | None]


@dataclass
class AlignedTable:
    """A table read from a page's text lines: its box, a grid of cell boxes (pdfplumber's Table shape, for
    report/pdf_places) and the rows the aligned-text reader found ((line, text) pairs, None a spanned column)."""

    bbox: Box
    rows: list[_Row]
    cells: list[list[tuple[int, str | None]]] = field(repr=False)

    def block(self, page: int, number: int) -> Block:
        grid = aligned_text.grid_cells(self.cells, lambda _n, r, c: Location(page=page, table=number, row=r, col=c))
        return table_block(grid, Location(page=page, table=number))


@dataclass
class _Line:
    text: str
    chars: list[dict[str, Any] | None]  # the character at each position of text (None: a space put in)
    box: Box


def aligned_tables(page: Any, lines: list[dict[str, Any]]) -> list[AlignedTable]:
    """The tables without rules among a page's text (`page` without its ruled tables; `lines` its text
    lines as the reader takes them, to tell whether any could be a table's rows)."""
    if sum(1 for ln in lines if _CELL_FIGURE.search(ln["text"])) < 2:
        return []
    raw = [ln for ln in page.extract_text_lines(y_tolerance=_LINE_TOLERANCE, return_chars=True) if ln["chars"]]
    if not raw:
        return []
    set_out = _set_out(raw)
    texts = [ln.text for ln in set_out]
    out: list[AlignedTable] = []
    i = 0
    while i < len(texts):
        found = aligned_text.table_at(texts, i, exact=True)
        if found is None or len(found[2]) < 2:
            i = found[1] if found is not None else i + 1
            continue
        start, end, rows = found
        if _prose(texts[start:end]):
            i = end
            continue
        inside = set_out[start:end]
        bbox = merge_bboxes([ln.box for ln in inside])
        grid = [_Row([_cell_box(set_out[n - 1], text) if text else None for n, text in row]) for row in rows]
        out.append(AlignedTable(bbox, grid, rows))
        i = end
    return out


def _prose(lines: list[str]) -> bool:
    """Prose whose figures are set apart from its words (in another font, on another baseline), not a
    table: a line with sentence punctuation, or a cell that opens with the unit its figure left ("万元、津贴
    补贴"; a table states its unit over its heading)."""
    return any(_SENTENCE.search(t) or any(_UNIT_LEFT.match(c) for c in aligned_text.line_cells(t)) for t in lines)


def _set_out(raw: list[dict[str, Any]]) -> list[_Line]:
    """Each line as text with its characters in columns: a column is half the width of the page's Chinese
    characters (a figure's digit takes one), counted from the leftmost character; characters closer than
    most of a column follow each other without a space (a word's own spacing)."""
    chars = [c for ln in raw for c in ln["chars"] if not c["text"].isspace()]
    units = [(c["x1"] - c["x0"]) / width(c["text"]) for c in chars if width(c["text"])]
    unit = statistics.median(units) if units else 5.0
    left = min(c["x0"] for c in chars)
    out = []
    for ln in raw:
        text = ""
        placed: list[dict[str, Any] | None] = []
        last_x1: float | None = None
        for c in sorted((c for c in ln["chars"] if not c["text"].isspace()), key=lambda c: c["x0"]):
            at = round((c["x0"] - left) / unit)
            if last_x1 is None or c["x0"] - last_x1 >= 0.9 * unit:
                pad = max(0 if last_x1 is None else 1, at - width(text))
                text += " " * pad
                placed += [None] * pad
            text += c["text"]
            placed += [c] * len(c["text"])
            last_x1 = c["x1"]
        out.append(_Line(text, placed, (ln["x0"], ln["top"], ln["x1"], ln["bottom"])))
    return out


def _cell_box(line: _Line, text: str) -> Box | None:
    """Where a cell's text stands on its line (None when the cell is a label joined from several lines)."""
    at = line.text.find(text)
    if at < 0:
        return None
    chars = [c for c in line.chars[at:at + len(text)] if c is not None]
    return objects_to_bbox(chars)
