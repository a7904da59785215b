"""PDF: per page, text lines and tables (ruled, and set without rules: load/pdf_aligned.py) in reading order.

Pages are read by pdfium (load/pdfium_page.py: characters and ruling lines in pdfplumber's shape, at C
speed) and laid out by pdfplumber's own geometry code (text lines, table finder, cell text); the
environment variable BUDGETDOC_PDF_READER=pdfplumber reads them through pdfminer instead, the old path
kept so the two can be compared (tests/test_pdf_readers_agree.py).

Text lines are located by page and 1-based line within the page (lines inside a table do not
count: they are the table's cells); table cells by page, table (1-based within the page), row and
col. A page without a text layer (a scan) is rendered with pypdfium2 and read by OCR (load/ocr.py):
its lines become paragraphs located by page and OCR line, each with the OCR confidence, and a
warning names the OCR'd pages and their mean confidence.
"""

from __future__ import annotations

import io
import logging
import os
import re
from collections.abc import Callable, Generator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument, table_block
from . import ocr
from .pdf_aligned import AlignedTable, aligned_tables
from .wrapping import ENDS as _ENDS
from .wrapping import NEW_PARAGRAPH as _NEW_PARAGRAPH

if TYPE_CHECKING:
    from PIL import Image

# Real disclosures set numbers in another font on a slightly different baseline; a tolerance of
# about 6 points keeps them in their lines (the default 3 splits sentences).
Y_TOLERANCE = 6
_PAGE_NUMBER = re.compile(r"\s*[—－\-─━–]\s*\d{1,3}\s*[—－\-─━–]\s*$|^\s*第?\s*\d{1,3}\s*页?\s*$")

# pdfminer logs a warning for every damaged object it skips. With no logging configured these
# would reach stderr through logging's last-resort handler and bury our one-line message;
# a NullHandler silences that fallback while an application that configures logging still sees them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def reader() -> str:
    """The engine that reads text pages: "pdfium" (default) or "pdfplumber" (pdfminer's parse, the old
    path, kept to compare against), from the environment variable BUDGETDOC_PDF_READER."""
    name = os.environ.get(READER_ENV, "pdfium").strip().lower() or "pdfium"
    if name not in READERS:
        raise InputError(f"{READER_ENV}={name}：未知的 PDF 读取方式（可选：{'、'.join(READERS)}）")
    return name


READER_ENV = "BUDGETDOC_PDF_READER"
READERS = ("pdfium", "pdfplumber")


def read(path: Path, data: bytes, progress: Callable[[int, int], None] | None = None) -> SourceDocument:
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException
    from pypdfium2 import PdfiumError

    blocks: list[Block] = []
    warnings: list[str] = []
    no_text: list[int] = []
    scans = _Scans(data)
    last_full = False  # did the previous page's last line run to the margin (a cut sentence)?
    pages = _pdfium_pages(data) if reader() == "pdfium" else _plumber_pages(data)
    try:
        for number, total, load_page in pages:
            page = None
            try:
                page = load_page()
                page_blocks, ends_full = _read_page(_visible(page))
            except (TypeError, ValueError, KeyError, AttributeError, ZeroDivisionError, _PageError) as e:
                # One damaged page must not cost the reader the rest of the document.
                warnings.append(f"第{number}页无法读取（{_describe(e)}），已跳过")
                continue
            finally:
                if page is not None:
                    page.close()  # drop the page's objects and cached layout so a 200-page file stays small
            if page_blocks is None:
                page_blocks, ends_full = scans.read(number)
            if page_blocks is None:  # OCR is not installed, or found no text on the scan
                no_text.append(number)
                warnings.append(f"第{number}页没有文字层（扫描件？），未能读取")
            else:
                if last_full:
                    _continue_across_pages(blocks, page_blocks)
                blocks.extend(page_blocks)
                last_full = ends_full
            if progress is not None:
                progress(number, total)
    except PdfiumError as e:
        if e.err_code == _PDFIUM_PASSWORD:
            raise InputError(f"{path}：PDF 已加密（有密码保护）；请提供未加密的副本") from None
        raise InputError(f"{path}：无法读取的 PDF（文件损坏或不完整：{_describe(e)}）") from None
    except PdfminerException as e:
        # pdfplumber wraps the pdfminer error it hit as the first argument.
        cause = e.args[0] if e.args else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(f"{path}：PDF 已加密（有密码保护）；"
                             f"请提供未加密的副本") from None
        raise InputError(f"{path}：无法读取的 PDF（文件损坏或不完整：{_describe(cause)}）") from None
    except (MalformedPDFException, TypeError, ValueError, KeyError, AttributeError) as e:
        # Damaged objects can also fail inside pdfplumber's own geometry code.
        raise InputError(f"{path}：无法读取的 PDF（文件损坏或不完整：{_describe(e)}）") from None
    finally:
        pages.close()
        scans.close()
    if (ocr_warning := scans.warning()) is not None:
        warnings.append(ocr_warning)
    if no_text and not blocks:
        how = ("OCR 也未识别出文字" if ocr.available()
               else "OCR 需要 `rapidocr` 和 `onnxruntime` 两个包，未安装")
        raise InputError(f"{path}：没有一页有文字层（扫描的 PDF？）；{how}")
    return SourceDocument(source=str(path), format="pdf", blocks=blocks, encoding=None, warnings=warnings)


_PDFIUM_PASSWORD = 4  # FPDF_ERR_PASSWORD
Pages = Generator[tuple[int, int, Callable[[], Any]], None, None]


class _PageError(Exception):
    """pdfium could not load one page of a document it opened."""


def _pdfium_pages(data: bytes) -> Pages:
    """Each page as (number, total, loader of its pdfplumber-shaped page read by pdfium)."""
    import pypdfium2

    from .pdfium_page import pdfium_page

    pdf = pypdfium2.PdfDocument(data)
    doctop = 0.0
    plumber: Any = None  # pdfminer's reading of the file, opened for the first page pdfium cannot read
    try:
        total = len(pdf)
        for index in range(total):
            def load(index: int = index) -> Any:
                nonlocal doctop, plumber
                try:
                    raw = pdf[index]
                except pypdfium2.PdfiumError as e:
                    raise _PageError(str(e)) from None
                try:
                    page = pdfium_page(raw, index + 1, doctop)
                finally:
                    raw.close()
                doctop += page.height
                if page.undecoded:
                    import pdfplumber

                    plumber = plumber or pdfplumber.open(io.BytesIO(data))
                    page.close()
                    return _sane_boxes(plumber.pages[index])
                return page
            yield index + 1, total, load
    finally:
        pdf.close()
        if plumber is not None:
            plumber.close()


def _plumber_pages(data: bytes) -> Pages:
    """Each page as (number, total, loader of its pdfplumber page): pdfminer parses it when read."""
    import pdfplumber

    with pdfplumber.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            yield page.page_number, len(pdf.pages), lambda page=page: _sane_boxes(page)


def _sane_boxes(page: Any) -> Any:
    """pdfminer's page with the boxes of characters in a font with a broken descent corrected (in place)."""
    from .pdfium_page import sane_char_box

    for char in page.chars:
        sane_char_box(char)
    return page


def open_page(path: str | Path, number: int) -> tuple[Any, Any]:
    """Page `number` (1-based) of the PDF at `path` as read() reads it (same engine, so the same lines
    and tables for page_layout()), and what keeps it readable (pdfplumber's open PDF, else None).
    IndexError when the document has no such page."""
    if reader() == "pdfium":
        import pypdfium2

        from .pdfium_page import pdfium_page

        doc = pypdfium2.PdfDocument(str(path))
        try:
            if not 1 <= number <= len(doc):
                raise IndexError(number)
            raw = doc[number - 1]
            try:
                page = pdfium_page(raw, number)
            finally:
                raw.close()
        finally:
            doc.close()
        if not page.undecoded:  # else pdfminer's page, as read() reads it
            return None, page
    import pdfplumber

    pdf = pdfplumber.open(path)
    if not 1 <= number <= len(pdf.pages):
        pdf.close()
        raise IndexError(number)
    return pdf, _sane_boxes(pdf.pages[number - 1])


def _continue_across_pages(before: list[Block], page_blocks: list[Block]) -> None:
    """A sentence cut by a page break continues on the next page's first line: join them."""
    if not before or not page_blocks:
        return
    last, first = before[-1], page_blocks[0]
    if last.kind == first.kind == "paragraph" and not last.text.rstrip().endswith(_ENDS) \
            and not _NEW_PARAGRAPH.match(first.text):
        last.text += first.text
        if first.confidence is not None:  # the joined sentence is partly OCR'd: keep the lower confidence
            last.confidence = min(first.confidence, last.confidence if last.confidence is not None else 1.0)
        page_blocks.pop(0)


def _describe(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg[:80]}" if msg else type(e).__name__


def _visible(page: Any) -> Any:
    """The page as a viewer shows it: content drawn outside the page box (some producers leave whole
    tables below the page) is cut away, so tables and text lie within the page."""
    x0, top, x1, bottom = page.bbox
    if any(o["x0"] < x0 - 1 or o["x1"] > x1 + 1 or o["top"] < top - 1 or o["bottom"] > bottom + 1
           for kind in ("chars", "rects", "lines") for o in getattr(page, kind)):
        return page.crop(page.bbox, strict=False)
    return page


def _clip(bbox: tuple[float, float, float, float], page: Any) -> tuple[float, float, float, float] | None:
    x0, top, x1, bottom = page.bbox
    b = (max(bbox[0], x0), max(bbox[1], top), min(bbox[2], x1), min(bbox[3], bottom))
    return b if b[0] < b[2] and b[1] < b[3] else None


def _read_page(page: Any) -> tuple[list[Block] | None, bool]:
    """The page's blocks in reading order (None when the page has drawings but no text), and whether
    its last text line runs to the right margin."""
    if not page.chars:
        # A blank page is normal (a separator); a page with only images or curves is a scan.
        return (None if (page.images or page.curves or page.rects) else []), False
    number = page.page_number
    tables, lines = page_layout(page)
    paragraphs, ends_full = _paragraphs(lines, page.width, number, slack=15, indent=50)
    items = [(top, 0, block) for top, block in paragraphs]
    for n, t in enumerate(tables, start=1):
        block = t.block(number, n) if isinstance(t, AlignedTable) else _table_block(t, number, n)
        items.append((t.bbox[1], 1, block))
    items.sort(key=lambda item: (item[0], item[1]))
    ends_full = ends_full and items[-1][1] == 0
    return [b for _, _, b in items], ends_full


def page_layout(page: Any, *, crop: bool = False) -> tuple[list[Any], list[dict[str, Any]]]:
    """A text page as the reader reads it: its tables (pdfplumber's ruled ones and those set without rules,
    each with a bbox and rows of cell boxes, in the order they are numbered:
    `table` 1, 2 … of a location) and its text lines outside them (pdfplumber's line dicts with text
    and position, page-number footers removed; a location's `line` counts these). crop: cut away what
    lies outside the page box first, as read() does. The workbench finds quotes' places with it."""
    if crop:
        page = _visible(page)
    ruled = [t for t in page.find_tables() if _is_real_table(t)]
    text_page = _outside(page, ruled)
    lines = _text_lines(text_page)
    # Tables without rules are read from the text lines outside the ruled ones (load/pdf_aligned.py).
    unruled = aligned_tables(text_page, lines)
    if unruled:
        lines = _text_lines(_outside(text_page, unruled))
    tables = sorted([*ruled, *unruled], key=lambda t: (t.bbox[1], t.bbox[0]))
    return tables, lines


def _outside(page: Any, tables: list[Any]) -> Any:
    for t in tables:
        if (bbox := _clip(t.bbox, page)) is not None:  # a table's edges may run past the page box
            page = page.outside_bbox(bbox, strict=False)
    return page


def _text_lines(page: Any) -> list[dict[str, Any]]:
    # extract_text_lines() builds the same lines as extract_text() but keeps each line's position,
    # which places the tables between the right lines.
    lines = []
    for ln in page.extract_text_lines(y_tolerance=Y_TOLERANCE, return_chars=False):
        ln["text"] = _PAGE_NUMBER.sub("", ln["text"])  # "— 5 —" footers, sometimes on the last text line
        if ln["text"].strip():
            lines.append(ln)
    return lines


def _paragraphs(lines: list[dict[str, Any]], width: float, number: int, slack: float,
                indent: float) -> tuple[list[tuple[float, Block]], bool]:
    """Paragraph blocks (with their top) from a page's text lines (dicts with text, x0, x1, top and,
    from OCR, confidence), joining wrapped lines; and whether the last line runs to the right margin.

    `slack` is how far short of the right margin a wrapped line may end, `indent` how far from the
    left margin it may start (points for a text layer, pixels for OCR)."""
    items: list[tuple[float, Block]] = []
    # The right margin: where most lines that run across the page end (the upper quartile), not the
    # farthest one: a line set a little past the margin (wide glyphs, a hanging mark) would put it
    # beyond the lines a producer wrapped by their count of characters.
    long = sorted(ln["x1"] for ln in lines if ln["x1"] >= 0.75 * width)
    right = long[(3 * (len(long) - 1)) // 4] if long else float("inf")  # none: nothing was wrapped
    left = min((ln["x0"] for ln in lines), default=0)
    prev: dict | None = None
    for i, ln in enumerate(lines, start=1):
        # A line that runs to the right margin without ending its sentence was wrapped: the next
        # line continues the same paragraph (one sentence must stay one block for the rules).
        # (A centred title spans the page too, but does not start at the left margin.)
        if prev is not None and prev["x1"] + _unbroken(ln) >= right - slack and prev["x0"] <= left + indent \
                and not prev["text"].rstrip().endswith(_ENDS):
            block = items[-1][1]
            block.text += ln["text"]
            if block.confidence is not None:  # a paragraph is as doubtful as its most doubtful line
                block.confidence = min(block.confidence, ln["confidence"])
            prev = ln
            continue
        items.append((ln["top"], Block("paragraph", ln["text"], Location(page=number, line=i),
                                       confidence=ln.get("confidence"))))
        prev = ln
    ends_full = bool(lines) and lines[-1]["x1"] >= right - slack
    return items, ends_full


# A figure with decimals or a percent sign: no paragraph opens with one (a year, an item number may).
_FIGURE_START = re.compile(r"^(\d[\d,，]*[.．]\d+[%％]?|\d+[%％])")


def _unbroken(ln: dict[str, Any]) -> float:
    """The width of the figure a line opens with ("82.60%；…"): a line before it that stops short of the margin
    by less than that was wrapped there, the figure being set whole on the next line."""
    m = _FIGURE_START.match(ln["text"])
    if m is None or not ln["text"]:
        return 0.0
    return (ln["x1"] - ln["x0"]) / len(ln["text"]) * len(m.group(0))


class _Scans:
    """OCR of the pages without a text layer (load/ocr.py's ScanPages: on worker processes, ahead of
    this reader, when there are several); remembers which pages were read and how confidently."""

    def __init__(self, data: bytes) -> None:
        self._pages = ocr.ScanPages(data)
        self.pages: list[int] = []
        self.confidences: list[float] = []

    def read(self, number: int) -> tuple[list[Block] | None, bool]:
        """The blocks OCR finds on page `number` (1-based); None when OCR is missing or finds nothing."""
        if not ocr.available():
            return None, False
        import pypdfium2

        try:
            width, lines = self._pages.page(number - 1)
        except pypdfium2.PdfiumError:
            return None, False  # pdfplumber read the file but pdfium cannot render it: keep the warning
        blocks, ends_full, confidences = line_blocks(lines, width, number)
        if not blocks:
            return None, False
        self.pages.append(number)
        self.confidences.extend(confidences)
        return blocks, ends_full

    def warning(self) -> str | None:
        if not self.pages:
            return None
        mean = sum(self.confidences) / len(self.confidences)
        return (f"第{'、'.join(map(str, self.pages))}页没有文字层，已用 OCR 识别，"
                f"OCR 平均置信度 {mean:.3f}：请对照原件核对数字")

    def close(self) -> None:
        self._pages.close()


def image_blocks(image: Image.Image, number: int) -> tuple[list[Block], bool, list[float]]:
    """OCR an image of page `number`: its paragraph blocks (wrapped lines joined, each with its OCR
    confidence), whether the last line runs to the right margin, and the confidence of every line."""
    return line_blocks(ocr.ocr_lines(image), image.width, number)


def line_blocks(ocr_lines: list[ocr.OcrLine], width: int, number: int) -> tuple[list[Block], bool, list[float]]:
    """image_blocks() of a page already OCR'd: its lines, on an image `width` pixels wide."""
    lines = []
    for ln in ocr_lines:
        text = _PAGE_NUMBER.sub("", ln.text)
        if text.strip():
            lines.append({"text": text, "x0": ln.x0, "x1": ln.x1, "top": ln.top, "confidence": ln.confidence,
                          "height": ln.height})
    if not lines:
        return [], False, []
    # In pixels: a wrapped line may stop short of the margin by about a glyph and a half, and a
    # scan's margin drifts a little with its rotation.
    height = sorted(ln["height"] for ln in lines)[len(lines) // 2]
    paragraphs, ends_full = _paragraphs(lines, width, number, slack=1.5 * height, indent=3 * height)
    return [b for _, b in paragraphs], ends_full, [ln["confidence"] for ln in lines]


_FIGURE = re.compile(r"-?[\d,]+(\.\d+)?")


def _is_real_table(table: Any) -> bool:
    # A single framed box (a note, a page border) is found as a one-cell table; its text must stay
    # paragraphs, or the facts in it would be lost to the text rules.
    rows = table.rows
    if len(rows) == 1:
        # One row of figures is a table a page break cut (its last row alone at the top of the next page):
        # read as a paragraph, the row would be lost to the table it belongs to.
        cells = [c for c in _extract(table)[0] if c and c.strip()]
        return len(cells) >= 3 and sum(bool(_FIGURE.fullmatch(c.strip())) for c in cells) >= 2
    return len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2


def _extract(table: Any) -> list[list[str | None]]:
    """pdfplumber's Table.extract(), the same texts without its scan of every character of the page for
    every row and cell: characters are found by their centres through sorted lists. A character belongs
    to the cell its centre is in (left and top edges inclusive), in page order, as there."""
    from bisect import bisect_left

    from pdfplumber.utils import extract_text

    chars = table.page.chars
    mids = sorted(((c["top"] + c["bottom"]) / 2, i) for i, c in enumerate(chars))
    v_keys = [m for m, _ in mids]
    h_mid = [(c["x0"] + c["x1"]) / 2 for c in chars]
    out: list[list[str | None]] = []
    for row in table.rows:
        _, top, _, bottom = row.bbox
        x_lo, x_hi = row.bbox[0], row.bbox[2]
        in_row = sorted(i for _, i in mids[bisect_left(v_keys, top):bisect_left(v_keys, bottom)]
                        if x_lo <= h_mid[i] < x_hi)
        texts: list[str | None] = []
        for cell in row.cells:
            if cell is None:
                texts.append(None)
                continue
            x0, c_top, x1, c_bottom = cell
            cell_chars = [chars[i] for i in in_row if x0 <= h_mid[i] < x1
                          and c_top <= (chars[i]["top"] + chars[i]["bottom"]) / 2 < c_bottom]
            texts.append(extract_text(cell_chars) if cell_chars else "")
        out.append(texts)
    return out


def _table_block(table: Any, page: int, number: int) -> Block:
    """The table's cells, each once with its row and column span on the table's grid (a merged header
    cell spans the columns under it), so the table model can read header paths."""
    texts = _extract(table)
    xs = sorted({round(c[0], 1) for c in table.cells})
    tops = sorted({round(c[1], 1) for c in table.cells})
    rows: list[list[Cell]] = []
    for r, (row, texts_row) in enumerate(zip(table.rows, texts, strict=True), start=1):
        cells = []
        for c, (bbox, value) in enumerate(zip(row.cells, texts_row, strict=True), start=1):
            if bbox is None:
                continue  # a grid position covered by a merged cell
            x0, top, x1, bottom = bbox
            colspan = max(1, sum(1 for x in xs if x0 - 0.5 <= x < x1 - 0.5))
            rowspan = max(1, sum(1 for y in tops if top - 0.5 <= y < bottom - 0.5))
            # A wrapped cell comes back with newlines, which inside a Chinese label are line breaks.
            text = (value or "").replace("\n", "").strip()
            cells.append(Cell(text=text, row=r, col=c, loc=Location(page=page, table=number, row=r, col=c),
                              rowspan=rowspan, colspan=colspan))
        rows.append(cells)
    return table_block(rows, Location(page=page, table=number))
