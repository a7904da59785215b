"""A PDF copy with each finding marked where it stands: a highlight over the quote's characters, a
square around the stated number, and a note (a Text annotation with its popup: every viewer shows it)
beside the quote. One set per place of a grouped finding. Written with pypdf (BSD); the places come from
pdfplumber's characters (report/pdf_places.py), in the page's display space, turned back into the
page's user space here (a page may be rotated or its media box not start at 0)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ...errors import InputError
from ...model import Evidence, Finding
from .. import pdf_places as places
from ..marks import stated_as_written
from .note import AUTHOR, note, title
from .summary import Summary

_HIGHLIGHT = {"error": "ff8a80", "warning": "ffe066", "info": "a5d8ff"}
_BORDER = "d32f2f"
Point = tuple[float, float]


def annotate_pdf(src: Path, findings: list[Finding], out: Path) -> Summary:
    import pdfplumber
    from pypdf import PdfReader, PdfWriter

    reader = PdfReader(src)
    if reader.is_encrypted and not reader.decrypt(""):  # open for reading, locked for changes: no copy
        raise InputError(f"{src}：PDF 已加密，无法写出批注副本")
    writer = PdfWriter(clone_from=reader)
    summary = Summary()
    with pdfplumber.open(src) as pdf:
        layouts: dict[int, tuple[list, list]] = {}
        margins: dict[int, float] = {}  # where the page's text starts: the notes' icons go left of it
        for f in findings:
            summary.findings += 1
            for e in f.evidence:
                n = e.loc.page
                if n is None or not 1 <= n <= len(pdf.pages) or not e.quote.strip():
                    summary.missed.append((f, e))
                    continue
                page = pdf.pages[n - 1]
                if n not in layouts:
                    layouts[n] = _layout(page)
                    margins[n] = min((c["x0"] for c in page.chars), default=20.0)
                found = places.find_quote(page, e.quote, e.mark, places.anchor(*layouts[n], e.loc.to_dict()),
                                          figure=stated_as_written(f))
                if not found.quote:
                    summary.missed.append((f, e))
                    continue
                _annotate_place(writer, n - 1, _Space(page), f, e, found, margins[n])
                summary.places += 1
    with open(out, "wb") as fh:
        writer.write(fh)
    return summary


def _layout(page: Any) -> tuple[list, list]:
    try:
        return places.layout(page)
    except Exception:  # a page the table finder cannot lay out: quotes are still searched on it
        return [], []


class _Space:
    """pdfplumber's display space (x right, top down; rotated as shown) → the page's user space."""

    def __init__(self, page: Any) -> None:
        x0, y0, x1, y1 = (float(v) for v in page.page_obj.mediabox)
        self.box = (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1))
        self.rotation = int(page.rotation or 0) % 360
        self.height = float(page.height)

    def point(self, x: float, top: float) -> Point:
        """pdfminer turned the page with a matrix from its media box and rotation: undo it."""
        bx0, by0, bx1, by1 = self.box
        X, Y = x, self.height - top
        if self.rotation == 90:
            return bx1 - Y, X + by0
        if self.rotation == 180:
            return bx1 - X, by1 - Y
        if self.rotation == 270:
            return Y + bx0, by1 - X
        return X + bx0, Y + by0

    def quad(self, box: places.Box) -> list[Point]:
        """A line's box as its four corners in the order QuadPoints want: upper left, upper right,
        lower left, lower right (as the text reads)."""
        x0, top, x1, bottom = box
        return [self.point(x0, top), self.point(x1, top), self.point(x0, bottom), self.point(x1, bottom)]


def _rect(points: list[Point], pad: float = 0.0) -> tuple[float, float, float, float]:
    xs, ys = [p[0] for p in points], [p[1] for p in points]
    return min(xs) - pad, min(ys) - pad, max(xs) + pad, max(ys) + pad


def _annotate_place(writer: Any, index: int, space: _Space, f: Finding, e: Evidence, found: places.Place,
                    margin: float) -> None:
    from pypdf.annotations import Highlight, Popup, Rectangle, Text
    from pypdf.generic import ArrayObject, FloatObject, NameObject, NumberObject, TextStringObject

    text = note(f, e)
    lines = places.line_boxes(found.quote)
    quads = [space.quad(b) for b in lines]
    points = [p for q in quads for p in q]
    highlight = Highlight(rect=_rect(points), quad_points=ArrayObject(FloatObject(v) for q in quads for p in q for v in p),
                          highlight_color=_HIGHLIGHT.get(f.severity, "ffe066"), printing=True)
    _describe(highlight, f, text)
    writer.add_annotation(index, highlight)
    if found.mark:
        marks = [p for b in places.line_boxes(found.mark) for p in space.quad(b)]
        square = Rectangle(_rect(marks, pad=1.0), border_color=_BORDER)
        square[NameObject("/BS")] = _border_style()
        square[NameObject("/F")] = NumberObject(4)
        _describe(square, f, text)
        writer.add_annotation(index, square)
    left = max(min(margin, min(b[0] for b in lines)) - 19, 1)  # the note's icon in the margin
    top = lines[0][1]
    icon = Text(rect=_rect(space.quad((left, top, left + 16, top + 16))), text=text, open=False)
    icon[NameObject("/Name")] = NameObject("/Comment")
    icon[NameObject("/F")] = NumberObject(4)
    _describe(icon, f, text)
    icon[NameObject("/Subj")] = TextStringObject(title(f))
    added = writer.add_annotation(index, icon)
    popup = Popup(rect=_rect(space.quad((left + 18, top, left + 278, top + 120))), parent=added, open=False)
    added[NameObject("/Popup")] = writer.add_annotation(index, popup).indirect_reference


def _describe(annot: Any, f: Finding, text: str) -> None:
    from pypdf.generic import NameObject, TextStringObject

    annot[NameObject("/Contents")] = TextStringObject(text)
    annot[NameObject("/T")] = TextStringObject(AUTHOR)


def _border_style() -> Any:
    from pypdf.generic import DictionaryObject, NameObject, NumberObject

    return DictionaryObject({NameObject("/W"): NumberObject(1), NameObject("/S"): NameObject("/S")})
