"""What the document view shows: a PDF page as a PNG (pypdfium2, cached per page) with the boxes of the
findings' quotes on it (the characters the PDF reader reads, found at view time), or the text of another format as
its reader's blocks (with their locations, so the page can mark each quote where it stands)."""

from __future__ import annotations

import re
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..amount import MONEY_SCALE
from ..load import load
from ..load.pdf_reader import Y_TOLERANCE

RENDER_SCALE = 1.6  # 115 dpi: readable Chinese at a screen's width
_pdf_lock = threading.Lock()  # pdfium is not thread-safe


def page_count(path: Path) -> int:
    import pypdfium2 as pdfium

    with _pdf_lock:
        pdf = pdfium.PdfDocument(str(path))
        try:
            return len(pdf)
        finally:
            pdf.close()


def page_png(path: Path, sha256: str, page: int, cache_dir: Path) -> Path:
    """The page (1-based) rendered to PNG, cached under cache_dir by the file's content hash."""
    import pypdfium2 as pdfium

    out = cache_dir / sha256 / f"p{page}.png"
    if out.exists():
        return out
    out.parent.mkdir(parents=True, exist_ok=True)
    with _pdf_lock:
        pdf = pdfium.PdfDocument(str(path))
        try:
            if not 1 <= page <= len(pdf):
                raise IndexError(page)
            image = pdf[page - 1].render(scale=RENDER_SCALE).to_pil()
        finally:
            pdf.close()
    tmp = out.with_suffix(f".{threading.get_ident()}.tmp")
    image.save(tmp, format="PNG", optimize=False)
    tmp.replace(out)
    return out


_SEP = ",，"  # thousands separators: a table may print 782,164.00 where the text quotes 782164.00


def _pattern(text: str) -> str:
    """The text as a regex that allows any spacing between its characters, and a thousands separator
    between two digits (a table may print 782,164.00 where the explanation quotes 782164.00)."""
    solid = [c for c in text if not c.isspace()]
    out = []
    for i, c in enumerate(solid):
        if i:
            out.append(r"[\s,，]*" if c.isdigit() and solid[i - 1].isdigit() else r"\s*")
        out.append(re.escape(c))
    return "".join(out)


def _boxes(chars: list[dict[str, Any]], bbox: tuple[float, float, float, float]) -> list[list[float]]:
    """The characters' boxes merged line by line, as fractions of the page (x, y, width, height)."""
    x0, top, x1, bottom = bbox
    w, h = (x1 - x0) or 1, (bottom - top) or 1
    lines: list[list[float]] = []
    for c in sorted(chars, key=lambda c: (round(c["top"]), c["x0"])):
        if lines and abs(c["top"] - lines[-1][1]) < 4 and c["x0"] >= lines[-1][0] - 1:
            last = lines[-1]
            last[2], last[3] = max(last[2], c["x1"]), max(last[3], c["bottom"])
        else:
            lines.append([c["x0"], c["top"], c["x1"], c["bottom"]])
    return [[round((a - x0) / w, 5), round((b - top) / h, 5), round((c - a) / w, 5), round((d - b) / h, 5)]
            for a, b, c, d in lines]


@lru_cache(maxsize=16)
def _page_text(path: str, page: int):  # -> (what keeps it open, pdfplumber-shaped page) for searches
    from ..load.pdf_reader import open_page

    return open_page(path, page)  # read as the PDF reader reads it, so locations agree


@lru_cache(maxsize=16)
def _layout(path: str, page: int) -> tuple[list, list]:
    """The page as the PDF reader numbers it: its tables (sorted as the reader numbers them, each a grid
    of cell boxes) and its text lines outside the tables (boxes), so a location (table/row/col, or
    line within the page) can be turned back into a place on the page."""
    from ..load.pdf_reader import page_layout

    _, raw = _page_text(path, page)
    tables, text_lines = page_layout(raw, crop=True)
    lines = [(ln["x0"], ln["top"], ln["x1"], ln["bottom"]) for ln in text_lines]
    grids = [(t.bbox, [[c for c in row.cells] for row in t.rows]) for t in tables]
    return grids, lines


def _anchor(path: Path, page: int, loc: dict[str, Any]) -> tuple[str, tuple] | None:
    """Where the reader found the quote: ("cell", bbox) for a table cell, ("line", bbox) for the first
    line of a paragraph; None when the location does not say or the layout differs."""
    try:
        grids, lines = _layout(str(path), page)
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


def _distance(hit: dict[str, Any], anchor: tuple[str, tuple] | None) -> float:
    if anchor is None:
        return 0
    kind, (x0, top, x1, bottom) = anchor
    c = next((c for c in hit["chars"] if not c["text"].isspace()), None)
    if c is None:
        return float("inf")
    if kind == "cell":
        inside = x0 - 2 <= c["x0"] <= x1 + 2 and top - 2 <= c["top"] <= bottom + 2
        return 0 if inside else 1000 + abs(c["top"] - top) + abs(c["x0"] - x0)
    # a paragraph's quote starts on its first line or below it
    return c["top"] - top if c["top"] >= top - 3 else 1000 + top - c["top"]


def quote_boxes(path: Path, page: int, quote: str, mark: list[int] | None,
                loc: dict[str, Any] | None = None) -> dict[str, list[list[float]]]:
    """Where a quote stands on a PDF page: {"quote": boxes, "mark": boxes of the stated number}. The
    quote is searched whitespace-insensitively in the page's text; when the whole quote is not found
    (a quote joined across a page break), the stated number with its neighbours, then alone. Of several
    matches, the one at the evidence's location (its table cell, or its paragraph's first line) wins."""
    with _pdf_lock:
        _, p = _page_text(str(path), page)
        bbox = p.bbox
        anchor = _anchor(path, page, loc or {})
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
            hits = p.search(_pattern(piece), regex=True, return_chars=True, return_groups=False,
                            y_tolerance=Y_TOLERANCE)
            if not hits:
                continue
            best = min(hits, key=lambda h: _distance(h, anchor))
            chars = [c for c in best["chars"] if not c["text"].isspace()]
            out = {"quote": _boxes(chars, bbox), "mark": []}
            if mark:  # the stated number's characters inside the match, by their index among non-spaces
                inside = [i for i in solid if start <= i < end]
                if len(chars) != len(inside):  # separators the page prints and the quote does not
                    chars = [c for c in chars if c["text"] not in _SEP]
                    inside = [i for i in inside if quote[i] not in _SEP]
                want = {n for n, i in enumerate(inside) if mark[0] <= i < mark[1]}
                if len(chars) == len(inside):
                    out["mark"] = _boxes([c for n, c in enumerate(chars) if n in want], bbox)
            return out
    return {"quote": [], "mark": []}


def text_blocks(path: Path) -> list[dict[str, Any]]:
    """The document's blocks as its reader gives them: kind, text, location, and table cells."""
    with _pdf_lock:  # a PDF is read by pdfium, which must not run in two threads at once
        doc = load(path)
    out = []
    for b in doc.blocks:
        item: dict[str, Any] = {"kind": b.kind, "text": b.text, "loc": b.loc.to_dict()}
        if b.rows:
            item["rows"] = [[{"text": c.text, "loc": c.loc.to_dict(), "rowspan": c.rowspan, "colspan": c.colspan}
                             for c in row] for row in b.rows]
        out.append(item)
    return out
