"""PDF via pdfplumber: per page, text lines and ruled tables in reading order.

Text lines are located by page and 1-based line within the page (lines inside a table do not
count: they are the table's cells); table cells by page, table (1-based within the page), row and
col. Only PDFs with a text layer are read; pages without one produce a warning (no OCR yet).
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument

# Real disclosures set numbers in another font on a slightly different baseline; a tolerance of
# about 6 points keeps them in their lines (the default 3 splits sentences).
Y_TOLERANCE = 6
_PAGE_NUMBER = re.compile(r"\s*[—－-]\s*\d{1,3}\s*[—－-]\s*$|^\s*第?\s*\d{1,3}\s*页?\s*$")
# A line that starts like this opens a new paragraph, even at the top of a page.
_NEW_PARAGRAPH = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[．.、])")
_ENDS = ("。", "；", ";", "：", ":", "！", "？", "!", "?")

# pdfminer logs a warning for every damaged object it skips. With no logging configured these
# would reach stderr through logging's last-resort handler and bury our one-line message;
# a NullHandler silences that fallback while an application that configures logging still sees them.
logging.getLogger("pdfminer").addHandler(logging.NullHandler())


def read(path: Path, data: bytes) -> SourceDocument:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfplumber.utils.exceptions import MalformedPDFException, PdfminerException

    blocks: list[Block] = []
    warnings: list[str] = []
    no_text: list[int] = []
    last_full = False  # did the previous page's last line run to the margin (a cut sentence)?
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                try:
                    page_blocks, ends_full = _read_page(page)
                finally:
                    page.close()  # drop the page's cached layout so a 200-page file stays small
                if page_blocks is None:
                    no_text.append(page.page_number)
                    warnings.append(f"page {page.page_number} has no text layer (scanned?)")
                else:
                    if last_full:
                        _continue_across_pages(blocks, page_blocks)
                    blocks.extend(page_blocks)
                    last_full = ends_full
    except PdfminerException as e:
        # pdfplumber wraps the pdfminer error it hit as the first argument.
        cause = e.args[0] if e.args else e
        if isinstance(cause, PDFPasswordIncorrect):
            raise InputError(f"{path}: the PDF is encrypted (password-protected); "
                             f"give an unprotected copy") from None
        raise InputError(f"{path}: not a readable PDF (damaged or truncated: {_describe(cause)})") from None
    except (MalformedPDFException, TypeError, ValueError, KeyError, AttributeError) as e:
        # Damaged objects can also fail inside pdfplumber's own geometry code.
        raise InputError(f"{path}: not a readable PDF (damaged or truncated: {_describe(e)})") from None
    if no_text and not blocks:
        raise InputError(f"{path}: no page has a text layer (a scanned PDF?); "
                         f"OCR is not supported yet")
    return SourceDocument(source=str(path), format="pdf", blocks=blocks, encoding=None, warnings=warnings)


def _continue_across_pages(before: list[Block], page_blocks: list[Block]) -> None:
    """A sentence cut by a page break continues on the next page's first line: join them."""
    if not before or not page_blocks:
        return
    last, first = before[-1], page_blocks[0]
    if last.kind == first.kind == "paragraph" and not last.text.rstrip().endswith(_ENDS) \
            and not _NEW_PARAGRAPH.match(first.text):
        last.text += first.text
        page_blocks.pop(0)


def _describe(e: BaseException) -> str:
    msg = str(e).strip().splitlines()[0] if str(e).strip() else ""
    return f"{type(e).__name__}: {msg[:80]}" if msg else type(e).__name__


def _read_page(page: Any) -> tuple[list[Block] | None, bool]:
    """The page's blocks in reading order (None when the page has drawings but no text), and whether
    its last text line runs to the right margin."""
    if not page.chars:
        # A blank page is normal (a separator); a page with only images or curves is a scan.
        return (None if (page.images or page.curves or page.rects) else []), False
    number = page.page_number
    tables = [t for t in page.find_tables() if _is_real_table(t)]
    text_page = page
    for t in tables:
        text_page = text_page.outside_bbox(t.bbox)
    # extract_text_lines() builds the same lines as extract_text() but keeps each line's position,
    # which places the tables between the right lines.
    lines = []
    for ln in text_page.extract_text_lines(y_tolerance=Y_TOLERANCE, return_chars=False):
        ln["text"] = _PAGE_NUMBER.sub("", ln["text"])  # "— 5 —" footers, sometimes on the last text line
        if ln["text"].strip():
            lines.append(ln)
    items: list[tuple[float, int, Block]] = []
    right = max((ln["x1"] for ln in lines), default=0)
    if right < 0.75 * page.width:
        right = float("inf")  # no line on this page reaches a text margin: nothing was wrapped
    left = min((ln["x0"] for ln in lines), default=0)
    prev: dict | None = None
    for i, ln in enumerate(lines, start=1):
        # A line that runs to the right margin without ending its sentence was wrapped: the next
        # line continues the same paragraph (one sentence must stay one block for the rules).
        # (A centred title spans the page too, but does not start at the left margin.)
        if prev is not None and prev["x1"] >= right - 15 and prev["x0"] <= left + 50 \
                and not prev["text"].rstrip().endswith(_ENDS):
            block = items[-1][2]
            block.text += ln["text"]
            prev = ln
            continue
        items.append((ln["top"], 0, Block("paragraph", ln["text"], Location(page=number, line=i))))
        prev = ln
    for n, t in enumerate(sorted(tables, key=lambda t: (t.bbox[1], t.bbox[0])), start=1):
        items.append((t.bbox[1], 1, _table_block(t.extract(), number, n)))
    items.sort(key=lambda item: (item[0], item[1]))
    ends_full = bool(lines) and lines[-1]["x1"] >= right - 15 and items[-1][1] == 0
    return [b for _, _, b in items], ends_full


def _is_real_table(table: Any) -> bool:
    # A single framed box (a note, a page border) is found as a one-cell table; its text must stay
    # paragraphs, or the facts in it would be lost to the text rules.
    rows = table.rows
    return len(rows) >= 2 and max(len(r.cells) for r in rows) >= 2


def _table_block(rows_text: list[list[str | None]], page: int, number: int) -> Block:
    rows: list[list[Cell]] = []
    for r, row in enumerate(rows_text, start=1):
        cells = []
        for c, value in enumerate(row, start=1):
            # None marks a grid position covered by a merged cell; a wrapped cell comes back with
            # newlines, which inside a Chinese label are line breaks, not spaces.
            text = (value or "").replace("\n", "").strip()
            cells.append(Cell(text=text, row=r, col=c, loc=Location(page=page, table=number, row=r, col=c)))
        rows.append(cells)
    text = "\n".join("\t".join(c.text for c in row) for row in rows)
    return Block("table", text, Location(page=page, table=number), rows=rows)
