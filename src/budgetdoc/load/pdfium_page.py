"""A PDF page read by pdfium, in the shape pdfplumber's layout code consumes.

pdfminer (under pdfplumber) parses every content stream in Python: ~97% of the time of reading a text
PDF. pdfium (pypdfium2) parses the same page in C. `pdfium_page()` turns what pdfium finds into the
object lists of a pdfplumber page — characters with pdfminer's geometry, and the page's paths as
pdfminer classifies them (rect / line / curve) — on a `pdfplumber.page.Page` subclass, so pdfplumber's
own pure-geometry code (text lines, crop, table finder, cell text, search) runs on it unchanged and
builds the same lines and tables.

Geometry and content follow pdfminer, not pdfium's own text model:
- a character's box spans its advance across and, up, the font's descent to descent plus the font size
  (pdfminer's LTChar), under the character's matrix; pdfium's loose box is that box with pdfium's own
  vertical offset, so it gives the advance, and the descent comes from pdfium's font metrics;
- characters are listed in content order (the page's objects walked in order, into forms), as pdfminer
  meets them: pdfplumber's sorts are stable, so the order decides between characters at the same x;
- pdfium's generated characters (spaces and line breaks it infers) are left out; a text object that
  draws nothing (a lone space) is on no text page of pdfium's, and becomes the space pdfminer reads,
  since a space ends a word ("13.56 %"); a hyphen pdfium marks at a line's end (U+0002) is "-";
- coordinates are pdfplumber's: rotated as pdfminer rotates the page (/Rotate), top measured down from
  the top of the media box;
- paths are split into subpaths at each moveto; a subpath is a `line` (m l), a `rect` (an axis-aligned
  closed four-sided m l l l [h]) or a `curve` (anything else, points at segment ends), as pdfminer's
  `paint_path` does. Paths neither stroked nor filled (clipping) are not painted and not read.
Known differences, not seen on ../shared: pdfium skips a text object drawn twice at the same place (a
fake bold), which pdfminer reads twice; pdfminer ignores the obsolete `F` fill, pdfium does not.
tests/test_pdf_readers_agree.py holds this reader against pdfminer's on ../shared.
"""

from __future__ import annotations

import ctypes
from functools import lru_cache
from typing import Any

import pdfplumber.page
import pypdfium2.raw as pdfium_c

Matrix = tuple[float, float, float, float, float, float]

# Code points pdfium reports for characters that are not text (its textpage marks them too).
_CONTROL = {0x2, 0x3, 0xFFFE, 0xFFFF}


class PdfiumPage(pdfplumber.page.Page):
    """A pdfplumber page whose objects were read by pdfium (no pdfminer parse)."""

    def __init__(self, objects: dict[str, list[dict[str, Any]]], page_number: int,
                 mediabox: tuple[float, float, float, float], rotation: int, initial_doctop: float) -> None:
        # Page.__init__ reads a pdfminer page; set what pdfplumber's geometry code reads instead.
        self.pdf = None  # type: ignore[assignment]
        self.root_page = self
        self.page_obj = None  # type: ignore[assignment]
        self.page_number = page_number
        self.initial_doctop = initial_doctop
        self.rotation = rotation
        self.mediabox = self.cropbox = self.bbox = mediabox
        self._pdfium_objects = objects
        self.get_textmap = lru_cache()(self._get_textmap)
        self.undecoded = False  # a text object pdfium could not read: the page is for pdfminer to read

    def parse_objects(self) -> dict[str, list[dict[str, Any]]]:
        return self._pdfium_objects

    def close(self) -> None:
        super().close()
        self._pdfium_objects = {}


def pdfium_page(page: Any, page_number: int, initial_doctop: float = 0.0) -> PdfiumPage:
    """The pdfplumber-shaped page of an open pypdfium2 PdfPage (`page_number` 1-based)."""
    geometry = _Geometry(page, page_number, initial_doctop)
    by_object = _chars(page, geometry)
    objects: dict[str, list[dict[str, Any]]] = {"char": [], "rect": [], "line": [], "curve": [], "image": []}
    raw = page.raw
    count = pdfium_c.FPDFPage_CountObjects(raw)
    _objects([pdfium_c.FPDFPage_GetObject(raw, i) for i in range(count)], (1, 0, 0, 1, 0, 0), geometry, objects,
             by_object, 0)
    for rest in by_object.values():  # characters of objects the walk did not meet (none expected)
        objects["char"].extend(rest)
    out = PdfiumPage({k: v for k, v in objects.items() if v}, page_number, geometry.mediabox,
                     geometry.rotation, initial_doctop)
    out.undecoded = geometry.undecoded
    return out


class _Geometry:
    """pdfium's user space to pdfplumber's coordinates, as pdfminer's page matrix and pdfplumber's
    media-box adjustments make them."""

    def __init__(self, page: Any, page_number: int, initial_doctop: float) -> None:
        self.page_number = page_number
        x0, y0, x1, y1 = page.get_mediabox()
        x0, x1 = sorted((x0, x1))
        y0, y1 = sorted((y0, y1))
        self.rotation = page.get_rotation() % 360
        ctm = {90: (0, -1, 1, 0, -y0, x1), 180: (-1, 0, 0, -1, x1, y1),
               270: (0, 1, -1, 0, y1, -x0)}.get(self.rotation, (1, 0, 0, 1, -x0, -y0))
        self.ctm: Matrix = tuple(float(v) for v in ctm)  # type: ignore[assignment]
        bx0, by0, bx1, by1 = (y0, x0, y1, x1) if self.rotation in (90, 270) else (x0, y0, x1, y1)
        self.height = by1 - by0
        self.mediabox = (bx0, self.height - by1, bx1, self.height - by0)
        self.dx = bx0  # pdfplumber moves x back by the media box's left edge
        self.dtop = self.mediabox[1]
        self.doctop = initial_doctop
        self.fonts: dict[int, tuple[float, str]] = {}  # the page's fonts by handle: descent, name
        self.undecoded = False

    def font(self, font: Any) -> tuple[float, str]:
        key = ctypes.cast(font, ctypes.c_void_p).value or 0
        if key not in self.fonts:
            self.fonts[key] = _font(font)
        return self.fonts[key]

    def rotated(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point under pdfminer's page matrix (where its exact comparisons are made)."""
        a, b, c, d, e, f = self.ctm
        return a * x + c * y + e, b * x + d * y + f

    def plumber(self, x: float, y: float) -> tuple[float, float]:
        """A point of pdfminer's page space as pdfplumber's (x, top)."""
        return x + self.dx, self.height - y + self.dtop

    def point(self, x: float, y: float) -> tuple[float, float]:
        """A user-space point as pdfplumber's (x, top)."""
        return self.plumber(*self.rotated(x, y))

    def box(self, pts: list[tuple[float, float]]) -> dict[str, float]:
        """The pdfplumber box fields of the points' bounds."""
        xs = [p[0] for p in pts]
        tops = [p[1] for p in pts]
        x0, x1, top, bottom = min(xs), max(xs), min(tops), max(tops)
        return {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": self.doctop + top,
                "y0": self.height - bottom + self.dtop, "y1": self.height - top + self.dtop,
                "width": x1 - x0, "height": bottom - top}


def _mult(m: Matrix, n: Matrix) -> Matrix:
    """m then n (PDF's row-vector convention)."""
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (a * a2 + b * c2, a * b2 + b * d2, c * a2 + d * c2, c * b2 + d * d2,
            e * a2 + f * c2 + e2, e * b2 + f * d2 + f2)


def _chars(page: Any, geo: _Geometry) -> dict[int, list[dict[str, Any]]]:
    """The characters of pdfium's text page by text object (its handle), each object's in text order.
    The page walk puts them in content order, as pdfminer meets them: pdfplumber's sorts are stable,
    so the order decides between characters at the same x (a space drawn over a digit)."""
    textpage = page.get_textpage()
    try:
        return _textpage_chars(textpage.raw, geo)
    finally:
        textpage.close()


def _untyped(function: Any, restype: Any, *argtypes: Any) -> Any:
    """A pdfium function called with plain addresses: pypdfium2's typed pointers cost a conversion and
    a cast per call, which over every character of every page is a large share of reading it."""
    return ctypes.CFUNCTYPE(restype, *argtypes)(ctypes.cast(function, ctypes.c_void_p).value)


_VP, _INT = ctypes.c_void_p, ctypes.c_int
_IS_GENERATED = _untyped(pdfium_c.FPDFText_IsGenerated, _INT, _VP, _INT)
_GET_UNICODE = _untyped(pdfium_c.FPDFText_GetUnicode, ctypes.c_uint, _VP, _INT)
_GET_OBJECT = _untyped(pdfium_c.FPDFText_GetTextObject, _VP, _VP, _INT)  # the handle as an int: its key
_GET_ORIGIN = _untyped(pdfium_c.FPDFText_GetCharOrigin, _INT, _VP, _INT, _VP, _VP)
_GET_LOOSE = _untyped(pdfium_c.FPDFText_GetLooseCharBox, _INT, _VP, _INT, _VP)


def _textpage_chars(tp: Any, geo: _Geometry) -> dict[int, list[dict[str, Any]]]:
    # The loop runs once per character of every page: pdfium's functions are called with plain
    # addresses and the common case (upright text on an unrotated page) is computed inline.
    is_generated, get_unicode, get_object = _IS_GENERATED, _GET_UNICODE, _GET_OBJECT
    get_origin, get_loose = _GET_ORIGIN, _GET_LOOSE
    page = ctypes.cast(tp, ctypes.c_void_p).value
    rect = pdfium_c.FS_RECTF()
    ox, oy = ctypes.c_double(), ctypes.c_double()
    rect_at, ox_at, oy_at = ctypes.addressof(rect), ctypes.addressof(ox), ctypes.addressof(oy)
    plain_page = geo.ctm[1] == geo.ctm[2] == 0 and geo.ctm[0] == geo.ctm[3] == 1
    ex, ey = geo.ctm[4] + geo.dx, geo.height - geo.ctm[5] + geo.dtop  # x = ux + ex, top = ey - uy
    doctop, number = geo.doctop, geo.page_number
    objects: dict[int, _TextObject] = {}
    chars: dict[int, list[dict[str, Any]]] = {}
    for i in range(pdfium_c.FPDFText_CountChars(tp)):
        key = get_object(page, i)
        if not key or is_generated(page, i):
            continue  # spaces and line breaks pdfium infers: pdfminer has no such characters
        code = get_unicode(page, i)
        if code == 0x2 and pdfium_c.FPDFText_IsHyphen(tp, i):
            code = 0x2D  # pdfium marks a hyphen that ends a line; the page draws "-"
        elif code in _CONTROL or code == 0:
            continue
        info = objects.get(key)
        if info is None:
            info = objects[key] = _TextObject(tp, i, pdfium_c.FPDFText_GetTextObject(tp, i), geo)
        get_origin(page, i, ox_at, oy_at)
        get_loose(page, i, rect_at)
        if plain_page and info.plain:
            # pdfminer's box: the advance across, descent to descent + size up (a, d > 0; b = c = 0)
            x0 = ox.value + ex
            x1 = x0 + (rect.right - rect.left)
            top = ey - (oy.value + info.hi)
            bottom = ey - (oy.value + info.lo)
            box = {"x0": x0, "x1": x1, "top": top, "bottom": bottom, "doctop": doctop + top,
                   "width": x1 - x0, "height": bottom - top, "object_type": "char", "text": _text(code),
                   "fontname": info.fontname, "size": bottom - top, "upright": info.upright,
                   "page_number": number}
        else:
            box = info.box(rect, ox.value, oy.value, geo)
            box.update({"object_type": "char", "text": _text(code), "fontname": info.fontname,
                        "size": box["height"], "upright": info.upright, "page_number": number})
        chars.setdefault(key, []).append(box)
    return chars


class _TextObject:
    """What the characters of one text object share: their matrix (text matrix and CTM, as pdfminer's;
    pdfium gives it without the character's own position), font size, and the font's descent and name."""

    def __init__(self, tp: Any, index: int, obj: Any, geo: _Geometry) -> None:
        m = pdfium_c.FS_MATRIX()
        if not pdfium_c.FPDFText_GetMatrix(tp, index, m):
            m.a, m.b, m.c, m.d, m.e, m.f = 1, 0, 0, 1, 0, 0
        self.a, self.b, self.c, self.d = m.a, m.b, m.c, m.d
        self.size = pdfium_c.FPDFText_GetFontSize(tp, index) or 1.0
        descent, self.fontname = geo.font(pdfium_c.FPDFTextObj_GetFont(obj))
        self.lo, self.hi = descent * self.size, descent * self.size + self.size  # in text space
        a, b, c, d = _mult((m.a, m.b, m.c, m.d, 0, 0), geo.ctm)[:4]
        self.upright = a * d > 0 and b * c <= 0  # pdfminer's test (scaling is never negative here)
        self.plain = self.b == self.c == 0 and self.a > 0 and self.d > 0
        if self.plain:  # the vertical extent in user space
            self.lo, self.hi = self.lo * self.d, self.hi * self.d

    def box(self, rect: Any, ox: float, oy: float, geo: _Geometry) -> dict[str, Any]:
        """pdfminer's box in general: the rectangle of the advance by descent..descent + size under the
        matrix, at the character's origin, bounded in pdfplumber's coordinates."""
        a, b, c, d = self.a, self.b, self.c, self.d
        adv = _advance(rect, a, b, c, d, self.size)
        lo, hi = (self.lo / d, self.hi / d) if self.plain else (self.lo, self.hi)
        corners = [(ox + u * a + v * c, oy + u * b + v * d) for u in (0.0, adv) for v in (lo, hi)]
        return geo.box([geo.point(x, y) for x, y in corners])


def _advance(rect: Any, a: float, b: float, c: float, d: float, size: float) -> float:
    """The character's advance in text space. pdfium's loose box is the box of the advance by the font
    size (its height) under the character's matrix: width = |a|·adv + |c|·size, height = |b|·adv + |d|·size."""
    if abs(a) >= abs(b):
        return max(0.0, (rect.right - rect.left) - abs(c) * size) / abs(a) if a else 0.0
    return max(0.0, (rect.top - rect.bottom) - abs(d) * size) / abs(b)


def _text(code: int) -> str:
    try:
        return chr(code)
    except ValueError:
        return "\ufffd"


# A font whose descriptor puts the descent more than half an em below the baseline is broken (seen:
# -1.033 em for the digits and punctuation of Founder-typeset PDFs); pdfminer's box for its characters
# then lies wholly under the baseline, a line lower than the words beside them, and the figures drop
# out of their sentence. Such a font is given a typical descent. pdf_reader corrects pdfminer's
# characters the same way (sane_char_box), so both readers read the same lines.
MAX_DESCENT = 0.5
TYPICAL_DESCENT = -0.2


def sane_descent(descent: float) -> float:
    return TYPICAL_DESCENT if descent < -MAX_DESCENT else descent


def sane_char_box(char: dict[str, Any]) -> None:
    """pdfminer's box of an upright character of a font with a broken descent, moved up to where
    `sane_descent` puts it (the box is the advance by descent..descent + size at the baseline)."""
    a, b, c, d, _, f = char.get("matrix") or (1, 0, 0, 1, 0, 0)
    if b or c or d <= 0 or char["y1"] <= char["y0"]:
        return
    size = (char["y1"] - char["y0"]) / d
    descent = (char["y0"] - f) / d
    if descent >= -MAX_DESCENT * size:
        return
    shift = (TYPICAL_DESCENT * size - descent) * d
    char["y0"] += shift
    char["y1"] += shift
    for key in ("top", "bottom", "doctop"):
        char[key] -= shift


def _font(font: Any) -> tuple[float, str]:
    if not font:
        return 0.0, ""
    value = ctypes.c_float()
    descent = value.value if pdfium_c.FPDFFont_GetDescent(font, ctypes.c_float(1.0), value) else 0.0
    length = pdfium_c.FPDFFont_GetBaseFontName(font, None, 0)
    name = ""
    if length > 0:
        buf = ctypes.create_string_buffer(length)
        pdfium_c.FPDFFont_GetBaseFontName(font, buf, length)
        name = buf.value.decode("utf-8", "replace")
    return sane_descent(min(descent, -descent)), name


def _objects(objs: list[Any], parent: Matrix, geo: _Geometry, out: dict[str, list[dict[str, Any]]],
             chars: dict[int, list[dict[str, Any]]], depth: int) -> None:
    """Walk page objects in content order (into forms): characters of text objects, a space for a blank
    text object, paths, images."""
    m = pdfium_c.FS_MATRIX()
    for obj in objs:
        kind = pdfium_c.FPDFPageObj_GetType(obj)
        if kind not in (pdfium_c.FPDF_PAGEOBJ_PATH, pdfium_c.FPDF_PAGEOBJ_FORM, pdfium_c.FPDF_PAGEOBJ_IMAGE,
                        pdfium_c.FPDF_PAGEOBJ_TEXT):
            continue
        if not pdfium_c.FPDFPageObj_GetMatrix(obj, m):
            continue
        matrix = _mult((m.a, m.b, m.c, m.d, m.e, m.f), parent)
        if kind == pdfium_c.FPDF_PAGEOBJ_TEXT:
            key = ctypes.cast(obj, ctypes.c_void_p).value or 0
            if key in chars:
                out["char"].extend(chars.pop(key))
            elif (space := _blank_text(obj, matrix, geo)) is not None:
                out["char"].append(space)
                geo.undecoded |= _cid_standard(pdfium_c.FPDFTextObj_GetFont(obj), geo)
        elif kind == pdfium_c.FPDF_PAGEOBJ_PATH:
            _path(obj, matrix, geo, out)
        elif kind == pdfium_c.FPDF_PAGEOBJ_FORM and depth < 16:
            count = pdfium_c.FPDFFormObj_CountObjects(obj)
            _objects([pdfium_c.FPDFFormObj_GetObject(obj, i) for i in range(count)], matrix, geo, out, chars,
                     depth + 1)
        elif kind == pdfium_c.FPDF_PAGEOBJ_IMAGE:
            # an image is the unit square under its matrix
            pts = [geo.point(*_apply(matrix, x, y)) for x in (0.0, 1.0) for y in (0.0, 1.0)]
            out["image"].append({"object_type": "image", **geo.box(pts)})


# Adobe's standard CJK fonts, which a PDF names without embedding them (reportlab's and iText's
# STSong-Light with UniGB-UCS2-H). pdfium reads no string of one character in them (a lone 年 between
# figures, a line's last 算): it finds an object that draws nothing, so pdfminer reads such a page.
_CID_STANDARD = ("STSong", "STHeiti", "STFangsong", "STKaiti", "AdobeSong", "AdobeHeiti", "AdobeFangsong",
                 "AdobeKaiti", "MSung", "MHei", "HeiseiMin", "HeiseiKakuGo", "HYSMyeongJo", "HYGoThic",
                 "KozMin", "KozGo")


def _cid_standard(font: Any, geo: _Geometry) -> bool:
    # the base font name as the page's font cache holds it (the name the characters carry)
    return bool(font) and geo.font(font)[1].startswith(_CID_STANDARD) and not pdfium_c.FPDFFont_GetIsEmbedded(font)


def _blank_text(obj: Any, matrix: Matrix, geo: _Geometry) -> dict[str, Any] | None:
    """A space for a text object that draws nothing (a lone " "): pdfium's text page skips such
    objects, pdfminer reads their spaces, and a space ends a word in pdfplumber's lines ("13.56 %")."""
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    if not pdfium_c.FPDFPageObj_GetBounds(obj, left, bottom, right, top) or right.value - left.value >= 0.01:
        return None  # a text object with extent is on pdfium's text page
    size = ctypes.c_float()
    if not pdfium_c.FPDFTextObj_GetFontSize(obj, size) or size.value <= 0:
        return None
    descent, fontname = geo.font(pdfium_c.FPDFTextObj_GetFont(obj))
    a, b, c, d, e, f = matrix
    lo, hi = descent * size.value, descent * size.value + size.value
    corners = [(e + u * a + v * c, f + u * b + v * d) for u in (0.0, size.value / 2) for v in (lo, hi)]
    box = geo.box([geo.point(x, y) for x, y in corners])
    m = _mult(matrix, geo.ctm)
    box.update({"object_type": "char", "text": " ", "fontname": fontname, "size": box["height"],
                "upright": m[0] * m[3] > 0 and m[1] * m[2] <= 0, "page_number": geo.page_number})
    return box


def _apply(m: Matrix, x: float, y: float) -> tuple[float, float]:
    return m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]


def _path(obj: Any, matrix: Matrix, geo: _Geometry, out: dict[str, list[dict[str, Any]]]) -> None:
    fill, stroke = ctypes.c_int(), ctypes.c_int()
    if not pdfium_c.FPDFPath_GetDrawMode(obj, fill, stroke):
        return
    if fill.value == pdfium_c.FPDF_FILLMODE_NONE and not stroke.value:
        return  # a clipping path, never painted: pdfminer does not see it
    width = ctypes.c_float()
    linewidth = width.value if pdfium_c.FPDFPageObj_GetStrokeWidth(obj, width) else 0.0
    x, y = ctypes.c_float(), ctypes.c_float()
    subpaths: list[tuple[str, list[tuple[float, float]]]] = []
    bezier = 0
    shape, pts = "", []  # the current subpath as pdfminer sees it: operators and their end points
    for i in range(pdfium_c.FPDFPath_CountSegments(obj)):
        seg = pdfium_c.FPDFPath_GetPathSegment(obj, i)
        kind = pdfium_c.FPDFPathSegment_GetType(seg)
        pdfium_c.FPDFPathSegment_GetPoint(seg, x, y)
        point = geo.rotated(*_apply(matrix, x.value, y.value))
        if kind == pdfium_c.FPDF_SEGMENT_MOVETO:
            bezier = 0
            if shape:
                subpaths.append((shape, pts))
            shape, pts = "m", [point]
        elif kind == pdfium_c.FPDF_SEGMENT_BEZIERTO:
            # pdfium gives a curve as its three points; pdfminer keeps only the end point
            bezier += 1
            if bezier % 3 == 0:
                shape += "c"
                pts.append(point)
            continue
        else:
            shape += "l"
            pts.append(point)
        bezier = 0
        if pdfium_c.FPDFPathSegment_GetClose(seg) and shape:
            shape += "h"
            pts.append(pts[0])
    if shape:
        subpaths.append((shape, pts))
    for sub_shape, sub_pts in subpaths:
        _subpath(sub_shape, sub_pts, geo, out, stroke=bool(stroke.value),
                 fill=fill.value != pdfium_c.FPDF_FILLMODE_NONE, linewidth=linewidth)


def _subpath(shape: str, pts: list[tuple[float, float]], geo: _Geometry, out: dict[str, list[dict[str, Any]]],
             **attrs: Any) -> None:
    """One subpath as pdfminer's paint_path classifies it (points in user space)."""
    if not shape.startswith("m"):
        return
    if len(shape) > 3 and shape[-2:] == "lh" and pts[-2] == pts[0]:
        shape = shape[:-2] + "h"  # a redundant l back to the start before the close
        pts.pop()
    plumber = [geo.plumber(*p) for p in pts]
    if shape in ("ml", "mlh"):
        out["line"].append(_shape("line", plumber[:2], geo, attrs))
        return
    if shape in ("mlllh", "mllll"):
        (x0, y0), (x1, y1), (x2, y2), (x3, y3), _ = pts
        square = (x0 == x1 and y1 == y2 and x2 == x3 and y3 == y0) or (y0 == y1 and x1 == x2 and y2 == y3 and x3 == x0)
        if pts[0] == pts[4] and square:
            out["rect"].append(_shape("rect", plumber[:4], geo, attrs))
            return
    out["curve"].append(_shape("curve", plumber, geo, attrs))


def _shape(kind: str, pts: list[tuple[float, float]], geo: _Geometry, attrs: dict[str, Any]) -> dict[str, Any]:
    return {"object_type": kind, **geo.box(pts), **attrs, "pts": pts}
