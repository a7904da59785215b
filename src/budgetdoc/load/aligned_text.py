"""Tables laid out with spaces: a row per line, its cells apart by runs of spaces, as PDF-to-text tools
print a table page ("一、一般公共预算拨款收入      675.82      一、一般公共服务支出      516.39").

A blank cell leaves no text, only a wider gap, so a row's cells are put in columns by where they stand:
the columns are where the rows with figures put their cells, and every cell goes to the column it
overlaps. A single space stays inside a cell ("项 目", "1 234.56"). Where the columns cannot be told
the lines stay text, as before: a figure read under the wrong heading is a wrong finding.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from .wrapping import PAGE_NUMBER, has_clause_mark, width

# Cells are apart by two spaces or more. (A full-width space is the text's own: "项　　目".)
_GAP = re.compile(r" {2,}")
# A figure cell: an amount, a percentage, a count, or a dash for nothing.
_FIGURE = re.compile(r"^[-−–—]?\s*[\d,，.．]+\s*%?$|^[-−–—/]+$|^[\d,.]+ [\d,.]+$")
_DASH = re.compile(r"^[-−–—/]+$")
# A label that opens its own row ("二十四、债务付息支出", "（一）…", "1.…"), never the rest of one above.
_NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
# A cell of the caption line over a table, naming its department and unit ("部门：XX局    单位：万元"): no row.
_CAPTION_CELL = re.compile(r"^(?:编制|填报|预算|主管)?(?:部门|单位)(?:名称)?[:：]|^(?:金额)?单位[:：]")


@dataclass(frozen=True)
class _Span:
    text: str
    start: int  # in printed columns or in characters, depending on the measure
    end: int


# Figures a single space apart are cells of their own ("376.83 221.33"), unless the space groups
# thousands ("1 234.56": three digits after a figure without a decimal point).
_NUMBER = r"[-−]?[\d,]+(?:\.\d+)?%?"
_FIGURES = re.compile(rf"^{_NUMBER}(?: {_NUMBER})+$")
_TOKEN = re.compile(_NUMBER)


def _split_figures(part: str, at: int) -> list[tuple[str, int]]:
    """The figures of a cell that holds several a single space apart, each with its offset; else the
    cell itself."""
    if not _FIGURES.match(part):
        return [(part, at)]
    out: list[tuple[str, int]] = []
    for m in _TOKEN.finditer(part):
        prev = out[-1][0] if out else ""
        if prev and re.fullmatch(r"\d{3}(?:\.\d+)?%?", m.group()) and re.fullmatch(r"[-−]?\d{1,3}", prev):
            out[-1] = (f"{prev} {m.group()}", out[-1][1])
        else:
            out.append((m.group(), at + m.start()))
    return out


@lru_cache(maxsize=8192)
def _spans(line: str, measure: Callable[[str], int]) -> tuple[_Span, ...]:
    """The cells of a line with where each stands, by `measure` (printed width or characters). Cached:
    a block's lines are measured again for each shorter run table() tries."""
    out: list[_Span] = []
    pos = 0
    for gap in [*_GAP.finditer(line), None]:
        end = gap.start() if gap else len(line)
        part = line[pos:end]
        if part.strip():
            lead = pos + len(part) - len(part.lstrip())
            for text, at in _split_figures(part.strip(), lead):
                start = measure(line[:at])
                out.append(_Span(text, start, start + measure(text)))
        pos = gap.end() if gap else len(line)
    return tuple(out)


def _cells(line: str) -> list[str]:
    return [c.text for c in _spans(line, len)]


def is_row(line: str) -> bool:
    """A line of two cells or more (apart by a wide gap) that is not a unit line or a page number."""
    text = line.strip()
    if not text or "\t" in text or PAGE_NUMBER.match(text):
        return False
    cells = _cells(text)
    if any(_CAPTION_CELL.match(c) for c in cells):
        return False
    # A sentence with a wide gap in it stays a sentence: a row's cells are short.
    return len(cells) >= 2 and max(len(c) for c in cells) <= 40


def is_row_left_as_text(line: str) -> bool:
    """A table's row the reader could not put in columns (a performance table's "一般公共预算      70376.85万元"):
    cells apart by wide gaps and no clause punctuation. Its figures mean what its column headings say,
    which were not read, so it states nothing: prose justified with wide gaps keeps its commas."""
    return is_row(line) and not has_clause_mark(line)


def has_figure(line: str) -> bool:
    return any(_FIGURE.match(c) for c in _cells(line))


# A line of one cell that ends the table rather than sits in it: the next table's number or title, a note,
# the document's name a page prints over its table ("XX局2024年度部门决算（公开）").
_TITLE = re.compile(r"^表\s*[\d一二三四五六七八九十]|表$|表[（(]续[)）]$|^(?:注|说明)[:：]|(?:部门|单位)(?:预算|决算)")


def _in_table(line: str) -> bool:
    """A line of one cell inside a table: a label whose figures are blank, or the rest of a label too
    long for its column; not a sentence or the next table's title."""
    text = line.strip()
    return bool(text) and len(text) <= 40 and not _TITLE.search(text) and not PAGE_NUMBER.match(text) \
        and not _CAPTION_CELL.match(text) and not text.endswith(("。", "；", ";")) and len(_cells(text)) == 1


def _blank_inside(lines: list[str], j: int) -> bool:
    """A blank line or two between rows: a layout that keeps the rows' spacing puts them there. (A page's
    number ends the block: the next page sets its columns its own way, and a table continued there is
    joined when the tables are read.)"""
    k = j
    while k < len(lines) and k - j < 2 and not lines[k].strip():
        k += 1
    return k > j and k < len(lines) and is_row(lines[k])


def _is_heading(line: str) -> bool:
    """A heading row: three cells or more, none a figure ("一级指标  二级指标  三级指标  指标值")."""
    cells = _cells(line)
    return len(cells) >= 3 and not any(_FIGURE.match(c) for c in cells)


def block_end(lines: list[str], i: int) -> int:
    """The index after the aligned table starting at line index i (i itself is a row), or i when the rows
    there are no table: two rows at least, two of them with a figure. Lines of one cell between rows stay
    in the table (labels whose figures are blank), and a blank line or two before a row; a sentence, a title,
    a heading row under rows with figures, or blank lines before anything else end it."""
    j = last = i
    figures_above = False
    while j < len(lines) and (is_row(lines[j]) or _in_table(lines[j]) or _blank_inside(lines, j)):
        if is_row(lines[j]):
            if figures_above and _is_heading(lines[j]):
                break  # the next table's heading, right under this one's last row
            figures_above = figures_above or has_figure(lines[j])
            last = j
        j += 1
    j = last + 1
    # The rest of the last row's label, printed under it (a short line touching it, not numbered).
    while j < len(lines) and j - last <= 2 and _in_table(lines[j]) and len(lines[j].strip()) <= 12 \
            and not _NUMBERED.match(lines[j].strip()):
        j += 1
    rows_ = [n for n in range(i, j) if is_row(lines[n])]
    return j if len(rows_) >= 2 and _figures_enough(lines, i, j) else i


def _figures_enough(lines: list[str], i: int, j: int) -> bool:
    """Two rows with figures, or one under a heading row (a page's first rows of a table continued on the
    next page)."""
    rows_ = [n for n in range(i, j) if is_row(lines[n])]
    figures = sum(1 for n in rows_ if has_figure(lines[n]))
    return figures >= 2 or figures == 1 and any(_is_heading(lines[n]) for n in rows_ if not has_figure(lines[n]))


def table(lines: list[str], i: int, j: int) -> tuple[list[list[tuple[int, str | None]]], int]:
    """The rows of the aligned table on line indexes [i, j) and the index after them: where the columns
    cannot be told for the whole block, the longest run of its first lines where they can (a page's
    last rows printed out of line end it); ([], j) when none can."""
    for end in range(j, i + 1, -1):
        if not is_row(lines[end - 1]) and end < j:
            continue
        found = rows(lines, i, end)
        # A heading and one row make a table only as a whole block (a page's foot): as the first lines of
        # a longer one whose rows cannot be put in columns, that one row's columns are no table's.
        if found is not None and _figures_enough(lines, i, end) \
                and (end == j or sum(1 for n in range(i, end) if is_row(lines[n]) and has_figure(lines[n])) >= 2):
            return found, end
    return [], j


def heading_start(lines: list[str], i: int) -> int:
    """Where the heading of the table whose rows start at line index i begins: the lines of one or more
    words right above it (blank lines between), up to its caption or title. A heading split over lines
    ("项目        支出预算" / blank / "功能分类科目编码") is read with its table, so the caption above it
    stays the block right before the table."""
    start = k = i
    while k > 0 and i - k < 8:
        k -= 1
        line = lines[k]
        if not line.strip():
            continue
        if has_figure(line) or not (is_row(line) or _in_table(line)):
            break
        start = k
    return start


def rows(lines: list[str], i: int, j: int) -> list[list[tuple[int, str | None]]] | None:
    """The rows of the aligned table on line indexes [i, j): (line number, cell) pairs, each cell in the
    column it stands in, blank cells restored, a heading cell over several columns followed by None for
    each column it covers besides its first. The columns are where the rows with figures put their
    cells: cells that overlap are one column. Positions are taken in printed width or in characters,
    whichever puts every row in columns with the fewest columns.

    None where a cell's column cannot be told, since a figure read under the wrong heading is a wrong
    finding: two cells of one row in one column (cells only a few spaces apart, as text copied from a web
    page); a heading over no figure (a column blank in every row, "因公出国（境）费"); more columns than
    the fullest row has cells (rows spaced each their own way, as a PDF-to-text tool fits wide characters
    into its grid)."""
    block = [(n, lines[n]) for n in range(i, j) if lines[n].strip() and not PAGE_NUMBER.match(lines[n])]
    best: list[list[tuple[int, str | None]]] | None = None
    for measure in (width, len):
        spans = [(n, _spans(t, measure)) for n, t in block]
        figure_rows = [s for (n, s) in spans if has_figure(lines[n])]
        if not figure_rows:
            return None
        columns = _columns(figure_rows)
        if len(columns) > max(len(s) for s in figure_rows):
            continue
        out: list[list[tuple[int, str | None]]] | None = []
        for n, row in spans:
            cells = _place(row, columns)
            if cells is None:
                out = None
                break
            if not has_figure(lines[n]):
                cells = _spanning(row, columns, cells)
            out.append([(n + 1, c) for c in cells])
        # Measured the way the table was laid out, a column's cells overlap: the fewest columns.
        if out is not None and (best is None or len(columns) < max(len(r) for r in best)):
            best = out
    if best is None:
        return _delimited(lines, block)
    return _join_wrapped(best)


def _fields(line: str, blanks: bool) -> list[str]:
    """A line's cells apart by two spaces: with blanks, each further two spaces is a blank cell (a leading
    two a blank first cell, a trailing two a blank last one); without, a wider gap or a lead is one
    separator (an indent)."""
    if blanks:
        return [c.strip() for c in line.split("  ")]
    return [c.strip() for c in _GAP.split(line.strip())]


def _delimited(lines: list[str], block: list[tuple[int, str]]) -> list[list[tuple[int, str | None]]] | None:
    """A table whose cells are two spaces apart and not lined up, as text taken from a web page or a word
    processor prints one ("合计    68.67  -  68.67" under "科目编码  科目名称  合计  基本支出  项目支出"): every
    gap is two spaces or a multiple of two. Its rows are read cell by cell where every row then has as many
    cells as the others, either taking a wider gap for an indent or counting each further two spaces as a
    blank cell; a heading cell followed by blanks over a heading row with cells there spans them. None
    otherwise."""
    if any(len(g) % 2 for _, t in block for g in re.findall(r" +", t)):
        return None
    for blanks in (False, True):
        fields = [(n, _fields(t, blanks)) for n, t in block]
        if len({len(f) for _, f in fields}) != 1 or len(fields[0][1]) < 2:
            continue
        out: list[list[tuple[int, str | None]]] = []
        for r, (n, row) in enumerate(fields):
            cells: list[str | None] = list(row)
            nxt = fields[r + 1] if r + 1 < len(fields) else None
            if nxt is not None and not has_figure(lines[n]) and not has_figure(lines[nxt[0]]):
                for c in range(1, len(cells)):
                    if cells[c] == "" and cells[c - 1] != "" and nxt[1][c]:
                        cells[c] = None  # covered by the heading on its left
            out.append([(n + 1, c) for c in cells])
        return out
    return None


def _join_wrapped(rows: list[list[tuple[int, str | None]]]) -> list[list[tuple[int, str | None]]]:
    """Rows with a label too long for its column. A PDF-to-text tool prints a label's lines around the
    row's figures, as many above as below (its figures centred): "一般公共服务" / "201   264.87" / "支出",
    the row's own cell blank when the label has an even number of lines. In a column where a row with
    figures is blank and a line of that one cell touches it (no blank line between), such lines are
    parts of labels: those right above the first row of a run of touching lines open it, and those
    between two rows end the upper one (as many as it has above it, half when it has none) and open the
    lower one. A numbered line ("二十四、…") is a row of its own."""
    def figure(k: int) -> bool:
        return any(_FIGURE.match(t) for _, t in rows[k] if t)

    def fragment(k: int) -> int | None:
        filled = [c for c, (_, t) in enumerate(rows[k]) if t]
        if figure(k) or len(filled) != 1 or _NUMBERED.match(rows[k][filled[0]][1]):
            return None
        return filled[0]

    def touches(k: int, m: int) -> bool:
        return 0 <= min(k, m) and max(k, m) < len(rows) and abs(rows[k][0][0] - rows[m][0][0]) == 1

    wrapped = {c for k in range(len(rows)) if figure(k) for c, (_, t) in enumerate(rows[k]) if not t
               and any(touches(k, m) and fragment(m) == c for m in (k - 1, k + 1))}
    joined = [list(row) for row in rows]
    dropped: set[int] = set()
    for c in sorted(wrapped):
        k = 0
        while k < len(rows):
            # A chain: touching lines, each a row with figures or a part of a label in column c.
            chain = [k]
            while touches(chain[-1], chain[-1] + 1) and (figure(chain[-1] + 1) or fragment(chain[-1] + 1) == c):
                chain.append(chain[-1] + 1)
            if not (figure(k) or fragment(k) == c):
                k += 1
                continue
            _share_parts(joined, dropped, chain, c, [figure(n) for n in chain])
            k = chain[-1] + 1
    return [row for k, row in enumerate(joined) if k not in dropped]


def _share_parts(joined: list[list[tuple[int, str | None]]], dropped: set[int], chain: list[int], c: int,
                 figures: list[bool]) -> None:
    """Give the label parts of one chain of touching lines to its rows with figures (see _join_wrapped)."""
    rows_at = [n for n, f in zip(chain, figures, strict=True) if f]
    if not rows_at:
        return
    above: dict[int, list[int]] = {n: [] for n in rows_at}
    below: dict[int, list[int]] = {n: [] for n in rows_at}
    pending: list[int] = []
    last: int | None = None
    for n, f in zip(chain, figures, strict=True):
        if not f:
            pending.append(n)
            continue
        if last is None:
            above[n] = pending
        else:
            blank = not joined[last][c][1]
            take = min(len(above[last]), len(pending)) if above[last] or not blank else (len(pending) + 1) // 2
            below[last], above[n] = pending[:take], pending[take:]
        pending, last = [], n
    if last is not None and pending:
        blank = not joined[last][c][1]
        take = min(len(above[last]), len(pending)) if above[last] or not blank else len(pending)
        below[last] = pending[:take]
    for n in rows_at:
        if above[n] or below[n]:
            line, text = joined[n][c]
            joined[n][c] = (line, "".join(joined[m][c][1] for m in above[n]) + text
                            + "".join(joined[m][c][1] for m in below[n]))
            dropped.update(above[n] + below[n])


def _columns(data_rows: list[tuple[_Span, ...]]) -> list[tuple[int, int]]:
    """The columns of a table: the cells of its rows merged where they overlap, left to right."""
    # A dash for nothing is a cell one character wide, placed anywhere in its column: no column of its own.
    spans = sorted((c.start, c.end) for row in data_rows for c in row if not _DASH.match(c.text))
    columns: list[tuple[int, int]] = []
    for lo, hi in spans:
        if columns and lo < columns[-1][1]:
            columns[-1] = (columns[-1][0], max(columns[-1][1], hi))
        else:
            columns.append((lo, hi))
    return columns


def _spanning(row: tuple[_Span, ...], columns: list[tuple[int, int]], cells: list[str]) -> list[str | None]:
    """A heading row with each cell over every column it stands over ("功能分类科目编码" over 类 | 款 | 项):
    the cell moved to the first of them, the others None (covered), when they are blank in the row. A
    heading written without its span would be read as covering the blank cells on its right."""
    out: list[str | None] = list(cells)
    for span in row:
        over = [c for c, (lo, hi) in enumerate(columns) if min(hi, span.end) > max(lo, span.start)]
        if len(over) < 2:
            continue
        own = out.index(span.text) if span.text in out else None
        if own is None or any(out[c] for c in over if c != own):
            continue
        out[own] = ""
        out[over[0]] = span.text
        for c in over[1:]:
            out[c] = None
    return out


def _place(row: tuple[_Span, ...], columns: list[tuple[int, int]]) -> list[str] | None:
    """A row's cells in the columns they overlap most, blank columns left empty. None when a cell
    overlaps no column (a heading over a column blank in every row: which one it names cannot be told)
    or two cells fall in one column (but the characters of one letter-spaced word)."""
    cells = [""] * len(columns)
    for span in row:
        overlap, c = max((min(hi, span.end) - max(lo, span.start), c) for c, (lo, hi) in enumerate(columns))
        if overlap <= 0:
            return None
        if cells[c]:
            # A word set letter-spaced to fill its cell ("收    入", "合  计"): its characters in one column.
            if not (_han(span.text) and len(span.text) == 1 and _han(cells[c]) and len(cells[c]) <= 3):
                return None
            cells[c] += span.text
        else:
            cells[c] = span.text
    return cells


def _han(text: str) -> bool:
    return bool(text) and all("\u4e00" <= ch <= "\u9fff" for ch in text)
