"""Where a finding's quote stands on a PDF page: its characters (pdfplumber), found whitespace-
insensitively near the place the reader located it (its table cell, or its paragraph's first line), and
the characters of the stated number inside it. The workbench draws boxes from them (web/pages.py);
`budgetdoc annotate` turns them into highlight and square annotations (report/annotate/pdf.py)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from ..amount import MONEY_SCALE
from ..load.pdf_reader import Y_TOLERANCE

Char = dict[str, Any]  # a pdfplumber character: text, x0, x1, top, bottom, y0, y1 (page display space)
Box = tuple[float, float, float, float]  # x0, top, x1, bottom
Anchor = tuple[str, Box]  # ("cell" | "line", box)

_SEP = ",，"  # thousands separators: a table may print 782,164.00 where the text quotes 782164.00


@dataclass(frozen=True)
class Place:
    """The characters of a quote on its page and those of its stated number (empty when not found)."""

    quote: list[Char]
    mark: list[Char]


def _pattern(text: str) -> str:
    """The text as a regex that allows any spacing between its characters, and a thousands separator
    between two digits."""
    solid = [c for c in text if not c.isspace()]
    out = []
    for i, c in enumerate(solid):
        if i:
            out.append(r"[\s,，]*" if c.isdigit() and solid[i - 1].isdigit() else r"\s*")
        out.append(re.escape(c))
    return "".join(out)


def layout(page: Any) -> tuple[list, list]:
    """The page as the PDF reader numbers it: its tables (each a bbox and a grid of cell boxes) and its
    text lines outside the tables (boxes), so a location can be turned back into a place on the page."""
    from ..load.pdf_reader import page_layout

    tables, text_lines = page_layout(page, crop=True)
    lines = [(ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in text_lines]
    grids = [(t.bbox, [list(row.cells) for row in t.rows]) for t in tables]
    return grids, lines


def anchor(grids: list, lines: list, loc: dict[str, Any]) -> Anchor | None:
    """Where the reader found the quote: ("cell", bbox) for a table cell, ("line", bbox) for the first
    line of a paragraph; None when the location does not say or the layout differs."""
    try:
        if loc.get("table"):
            bbox, rows = grids[loc["table"] - 1]
            if loc.get("row") and loc.get("col"):
                cell = rows[loc["row"] - 1][loc["col"] - 1]
                return ("cell", cell if cell is not None else bbox)
            return ("cell", bbox)
        if loc.get("line"):
            return ("line", lines[loc["line"] - 1])
    except (IndexError, TypeError, KeyError, ValueError, AttributeError):
        return None
    return None


def _distance(hit: dict[str, Any], where: Anchor | None) -> float:
    if where is None:
        return 0
    kind, (x0, top, x1, bottom) = where
    c = next((c for c in hit["chars"] if not c["text"].isspace()), None)
    if c is None:
        return float("inf")
    if kind == "cell":
        inside = x0 - 2 <= c["x0"] <= x1 + 2 and top - 2 <= c["top"] <= bottom + 2
        return 0 if inside else 1000 + abs(c["top"] - top) + abs(c["x0"] - x0)
    # a paragraph's quote starts on its first line or below it
    return c["top"] - top if c["top"] >= top - 3 else 1000 + top - c["top"]


def find_quote(page: Any, quote: str, mark: list[int] | tuple[int, int] | None,
               where: Anchor | None = None, figure: str | None = None) -> Place:
    """The quote's characters on a pdfplumber page. When the whole quote is not found (a quote joined
    across a page break), the stated number with its neighbours, then alone. Of several matches, the one
    at the evidence's location (`where`) wins. `figure` (the stated value) is the last resort, quote and
    mark at once: a table row quoted as its cells joined by " | " is not text the page prints."""
    solid = [i for i, c in enumerate(quote) if not c.isspace()]
    candidates: list[tuple[int, int]] = [(0, len(quote))]
    if mark:
        a, b = max(0, mark[0]), min(len(quote), mark[1])
        candidates += [(max(0, a - 12), min(len(quote), b + 12)), (max(0, a - 4), min(len(quote), b + 4)), (a, b)]
    if len(solid) > 24:  # a quote that runs onto the next page: at least its start
        candidates.append((0, solid[19] + 1))
    bare = quote.rstrip()
    unit = next((u for u in MONEY_SCALE if bare.endswith(u)), None)
    if unit and len(bare) > len(unit):  # a table cell quoted with the table's unit, which the cell does not print
        candidates.append((0, len(bare[: -len(unit)].rstrip())))
    for start, end in candidates:
        piece = quote[start:end]
        if not piece.strip():
            continue
        hits = page.search(_pattern(piece), regex=True, return_chars=True, return_groups=False,
                           y_tolerance=Y_TOLERANCE)
        if not hits:
            continue
        best = min(hits, key=lambda h: _distance(h, where))
        chars = [c for c in best["chars"] if not c["text"].isspace()]
        return Place(chars, _mark_chars(quote, solid, chars, start, end, mark) if mark else [])
    if figure and figure.strip() and figure in quote:
        hits = page.search(_pattern(figure), regex=True, return_chars=True, return_groups=False,
                           y_tolerance=Y_TOLERANCE)
        if hits:
            chars = [c for c in min(hits, key=lambda h: _distance(h, where))["chars"] if not c["text"].isspace()]
            return Place(chars, chars)
    return Place([], [])


def _mark_chars(quote: str, solid: list[int], chars: list[Char], start: int, end: int,
                mark: list[int] | tuple[int, int]) -> list[Char]:
    """The stated number's characters inside the match, by their index among the non-space ones."""
    inside = [i for i in solid if start <= i < end]
    if len(chars) != len(inside):  # separators the page prints and the quote does not
        chars = [c for c in chars if c["text"] not in _SEP]
        inside = [i for i in inside if quote[i] not in _SEP]
    if len(chars) != len(inside):
        return []
    return [c for c, i in zip(chars, inside, strict=True) if mark[0] <= i < mark[1]]


def line_boxes(chars: list[Char]) -> list[Box]:
    """The characters' boxes merged line by line (x0, top, x1, bottom in the page's display space)."""
    lines: list[list[float]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(c["top"] - lines[-1][1]) < 4 and c["x0"] >= lines[-1][0] - 1:
            last = lines[-1]
            last[2], last[3] = max(last[2], c["x1"]), max(last[3], c["bottom"])
        else:
            lines.append([c["x0"], c["top"], c["x1"], c["bottom"]])
    return [(a, b, c, d) for a, b, c, d in lines]
