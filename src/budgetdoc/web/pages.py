"""What the document view shows: a PDF page as a PNG (pypdfium2, cached per page) with the boxes of the
findings' quotes on it (the characters the PDF reader reads, found at view time), or the text of another format as
its reader's blocks (with their locations, so the page can mark each quote where it stands)."""

from __future__ import annotations

import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from ..load import load
from ..report import pdf_places as places

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


def _boxes(boxes: list[tuple[float, float, float, float]], bbox: tuple[float, float, float, float]) -> list[list[float]]:
    """Boxes (x0, top, x1, bottom) as fractions of the page (x, y, width, height)."""
    x0, top, x1, bottom = bbox
    w, h = (x1 - x0) or 1, (bottom - top) or 1
    return [[round((a - x0) / w, 5), round((b - top) / h, 5), round((c - a) / w, 5), round((d - b) / h, 5)]
            for a, b, c, d in boxes]


@lru_cache(maxsize=16)
def _page_text(path: str, page: int):  # -> (what keeps it open, pdfplumber-shaped page) for searches
    from ..load.pdf_reader import open_page

    return open_page(path, page)  # read as the PDF reader reads it, so locations agree


@lru_cache(maxsize=16)
def _layout(path: str, page: int) -> tuple[list, list]:
    """The page's tables and text lines as the PDF reader numbers them (report/pdf_places.layout)."""
    _, raw = _page_text(path, page)
    return places.layout(raw)


def _anchor(path: Path, page: int, loc: dict[str, Any]) -> places.Anchor | None:
    try:
        grids, lines = _layout(str(path), page)
    except (IndexError, TypeError, KeyError, ValueError, AttributeError):
        return None
    return places.anchor(grids, lines, loc)


def quote_boxes(path: Path, page: int, quote: str, mark: list[int] | None,
                loc: dict[str, Any] | None = None, figure: str | None = None) -> dict[str, list[list[float]]]:
    """Where a quote stands on a PDF page: {"quote": boxes, "mark": boxes of the stated number}, as
    fractions of the page (report/pdf_places.find_quote finds the characters)."""
    with _pdf_lock:
        _, p = _page_text(str(path), page)
        found = places.find_quote(p, quote, mark, _anchor(path, page, loc or {}), figure)
        return {"quote": _boxes(places.line_boxes(found.quote), p.bbox),
                "mark": _boxes(places.line_boxes(found.mark), p.bbox)}


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
