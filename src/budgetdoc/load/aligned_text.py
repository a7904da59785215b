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

from ..model import Cell, Location
from .wrapping import PAGE_NUMBER, has_clause_mark, width

# Cells are apart by two spaces or more. (A full-width space is the text's own: "项　　目".)
_GAP = re.compile(r" {2,}")
# A figure cell: an amount, a percentage, a count, or a dash for nothing.
_FIGURE = re.compile(r"^[-−–—]?\s*[\d,，.．]+\s*%?$|^[-−–—/]+$|^[\d,.]+ [\d,.]+$")
_DASH = re.compile(r"^[-−–—/]+$")
# A label that opens its own row ("二十四、债务付息支出", "（一）…", "1.…"), never the rest of one above.
NUMBERED = re.compile(r"^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、])")
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


def line_cells(line: str) -> list[str]:
    """The cells of a line, apart by two spaces or more (figures a single space apart each one)."""
    return [c.text for c in _spans(line, len)]


def is_row(line: str) -> bool:
    """A line of two cells or more (apart by a wide gap) that is not a unit line or a page number."""
    text = line.strip()
    if not text or "\t" in text or PAGE_NUMBER.match(text):
        return False
    cells = line_cells(text)
    if any(_CAPTION_CELL.match(c) for c in cells):
        return False
    if len(cells) == 2 and _TABLE_NUMBER.match(cells[0]) and not has_figure(cells[1]):
        return False  # a table's number and title set apart ("表1  2021年度收入支出决算总表")
    # A sentence with a wide gap in it stays a sentence: a row's cells are short.
    return len(cells) >= 2 and max(len(c) for c in cells) <= 40


_TABLE_NUMBER = re.compile(r"^表\s*[\d一二三四五六七八九十]+[-—.．]?\d*$")


def is_row_left_as_text(line: str) -> bool:
    """A table's row the reader could not put in columns (a performance table's "一般公共预算      70376.85万元"):
    cells apart by wide gaps and no clause punctuation. Its figures mean what its column headings say,
    which were not read, so it states nothing: prose justified with wide gaps keeps its commas."""
    return is_row(line) and not has_clause_mark(line)


def has_figure(line: str) -> bool:
    return any(_FIGURE.match(c) for c in line_cells(line))


# A line of one cell that ends the table rather than sits in it: the next table's number or title, a note,
# the document's name a page prints over its table ("XX局2024年度部门决算（公开）").
_TITLE = re.compile(r"^表\s*[\d一二三四五六七八九十]|表$|表[（(]续[)）]$|^(?:注|说明)[:：]|(?:部门|单位)(?:预算|决算)")


def is_title(line: str) -> bool:
    """A table's number or title line ("表5  一般公共预算支出表", "2026年部门收入总表")."""
    return bool(_TITLE.search(line.strip()))


def is_caption(line: str) -> bool:
    """A line over a table saying whose it is or its unit ("单位：元", "单位名称：XX局")."""
    return bool(_CAPTION_CELL.match(line.strip()))


def _in_table(line: str) -> bool:
    """A line of one cell inside a table: a label whose figures are blank, or the rest of a label too
    long for its column; not a sentence or the next table's title."""
    text = line.strip()
    return bool(text) and len(text) <= 40 and not _TITLE.search(text) and not PAGE_NUMBER.match(text) \
        and not _CAPTION_CELL.match(text) and not text.endswith(("。", "；", ";")) and len(line_cells(text)) == 1


def _blank_inside(lines: list[str], j: int) -> bool:
    """A blank line or two between rows: a layout that keeps the rows' spacing puts them there. (A page's
    number ends the block: the next page sets its columns its own way, and a table continued there is
    joined when the tables are read.)"""
    k = j
    while k < len(lines) and k - j < 2 and _blank(lines[k]):
        k += 1
    return k > j and k < len(lines) and is_row(lines[k])


# A rule drawn under a table's heading ("----------"): no row, as a blank line is none.
_RULE = re.compile(r"^\s*[-─━=_]{6,}\s*$")


def _blank(line: str) -> bool:
    return not line.strip() or bool(_RULE.match(line))


def _is_heading(line: str) -> bool:
    """A heading row: three cells or more, none a figure ("一级指标  二级指标  三级指标  指标值")."""
    cells = line_cells(line)
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
            and not NUMBERED.match(lines[j].strip()):
        j += 1
    rows_ = [n for n in range(i, j) if is_row(lines[n])]
    return j if len(rows_) >= 2 and _figures_enough(lines, i, j) else i


def _figures_enough(lines: list[str], i: int, j: int) -> bool:
    """Two rows with figures, or one under a heading row (a page's first rows of a table continued on the
    next page)."""
    rows_ = [n for n in range(i, j) if is_row(lines[n])]
    figures = sum(1 for n in rows_ if has_figure(lines[n]))
    return figures >= 2 or figures == 1 and any(_is_heading(lines[n]) for n in rows_ if not has_figure(lines[n]))


def table(lines: list[str], i: int, j: int, exact: bool = False) -> tuple[list[list[tuple[int, str | None]]], int]:
    """The rows of the aligned table on line indexes [i, j) and the index after them: where the columns
    cannot be told for the whole block, the longest run of its first lines where they can (a page's
    last rows printed out of line end it); ([], j) when none can."""
    for end in range(j, i + 1, -1):
        if not is_row(lines[end - 1]) and end < j:
            continue
        found = rows(lines, i, end, exact)
        # A heading and one row make a table only as a whole block (a page's foot): as the first lines of
        # a longer one whose rows cannot be put in columns, that one row's columns are no table's.
        if found is not None and _figures_enough(lines, i, end) \
                and (end == j or sum(1 for n in range(i, end) if is_row(lines[n]) and has_figure(lines[n])) >= 2):
            return found, end
    return [], j


def table_at(lines: list[str], i: int, exact: bool = False) -> tuple[int, int, list[list[tuple[int, str | None]]]] | None:
    """The aligned table whose rows start at line index i: its first and after-last line indexes and its
    rows; None when line i opens no block of rows. The heading lines above join the table when its
    columns hold them; where they do not, the rows without them; where the columns cannot be told, no rows
    (the block's lines stay text). `exact`: see rows()."""
    if not is_row(lines[i]) or (j := block_end(lines, i)) <= i:
        return None
    start = heading_start(lines, i)
    if start < i:
        found, end = table(lines, start, j, exact)
        if found:
            return start, end, found
    found, end = table(lines, i, j, exact)
    # A heading line whose cells stand over no column ("人员经费 … 公用经费" over two halves set side by side,
    # each with its own 科目编码 | 科目名称 | 金额): the table from the heading line under it.
    k = i + 1
    while not found and k < j and not has_figure(lines[k]) and _over_no_column(lines, k - 1, j):
        if is_row(lines[k]) and (more := table(lines, k, j, exact))[0]:
            return k, more[1], more[0]
        k += 1
    return i, end, found


def _over_no_column(lines: list[str], k: int, j: int) -> bool:
    """Does line index k stand clear of every column of the rows with figures below it (up to j), measured
    the way that sets those rows out in the most columns (the way they were laid out)? Only such a line
    can be left out of the table's heading: one whose cells stand over columns heads them."""
    best: tuple[int, bool] = (0, False)
    for measure in (width, len):
        figure_rows = [_spans(lines[n], measure) for n in range(k + 1, j) if has_figure(lines[n])]
        columns = _columns(figure_rows) if figure_rows else []
        clear = not any(_overlap(col, h) > 0 for col in columns for h in _spans(lines[k], measure))
        best = max(best, (len(columns), clear), key=lambda x: x[0])
    return best[1]


def heading_start(lines: list[str], i: int) -> int:
    """Where the heading of the table whose rows start at line index i begins: the lines of one or more
    words right above it (blank lines between), up to its caption or title. A heading split over lines
    ("项目        支出预算" / blank / "功能分类科目编码") is read with its table, so the caption above it
    stays the block right before the table."""
    start = k = i
    while k > 0 and i - k < 8:
        k -= 1
        line = lines[k]
        if _blank(line):
            continue
        if has_figure(line) or not (is_row(line) or _in_table(line)):
            break
        start = k
    return start


def rows(lines: list[str], i: int, j: int, exact: bool = False) -> list[list[tuple[int, str | None]]] | None:
    """The rows of the aligned table on line indexes [i, j): (line number, cell) pairs, each cell in the
    column it stands in, blank cells restored, a heading cell over several columns followed by None for
    each column it covers besides its first. The columns are where the rows with figures put their
    cells: cells that overlap are one column. Positions are taken in printed width or in characters,
    whichever puts every row in columns with the fewest columns.

    None where a cell's column cannot be told, since a figure read under the wrong heading is a wrong
    finding: two cells of one row in one column (cells only a few spaces apart, as text copied from a web
    page); a heading over no figure (a column blank in every row, "因公出国（境）费"); more columns than
    the fullest row has cells (rows spaced each their own way, as a PDF-to-text tool fits wide characters
    into its grid; `exact`: the lines were set out from where a PDF page puts its characters, so columns
    are where they stand however few cells the fullest row has)."""
    block = [(n, lines[n]) for n in range(i, j) if not _blank(lines[n]) and not PAGE_NUMBER.match(lines[n])]
    best: list[list[tuple[int, str | None]]] | None = None
    for measure in ((width,) if exact else (width, len)):
        spans = [(n, _spans(t, measure)) for n, t in block]
        figure_rows = [s for (n, s) in spans if has_figure(lines[n])]
        if not figure_rows:
            return None
        columns = _columns(figure_rows)
        figure_columns = _figure_columns(figure_rows, columns)
        if len(columns) > max(len(s) for s in figure_rows) and not exact \
                and not _headed(spans, lines, columns, figure_columns):
            continue
        if exact:  # columns blank in every row with figures join; the figure columns' numbers move
            columns = _label_columns(spans, lines, columns)
            figure_columns = _figure_columns(figure_rows, columns)
        elif extra := _blank_headed(spans, lines, columns, figure_columns):
            columns = sorted(columns + extra)
            figure_columns = _figure_columns(figure_rows, columns)
        extents = _extents(columns, figure_columns)
        out: list[list[tuple[int, str | None]]] | None = []
        for n, row in spans:
            cells = _place(row, columns, figure_columns, exact)
            if cells is None:
                out = None
                break
            if not has_figure(lines[n]):
                cells = _spanning(row, columns, extents, figure_columns, cells)
            out.append([(n + 1, c) for c in cells])
        if out is not None:
            _over_subheadings(out, [has_figure(lines[n]) for n, _ in spans])
        # Measured the way the table was laid out, a column's cells overlap: the fewest columns.
        if out is not None and (best is None or len(columns) < max(len(r) for r in best)):
            best = out
    if best is None:
        return _delimited(lines, block)
    return _join_wrapped(best, several=exact)


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


def _join_wrapped(rows: list[list[tuple[int, str | None]]], several: bool = False) -> list[list[tuple[int, str | None]]]:
    """Rows with a label too long for its column. A PDF-to-text tool prints a label's lines around the
    row's figures, as many above as below (its figures centred): "一般公共服务" / "201   264.87" / "支出",
    the row's own cell blank when the label has an even number of lines. In a column where a row with
    figures is blank and a line of that one cell touches it (no blank line between), such lines are
    parts of labels: those right above the first row of a run of touching lines open it, and those
    between two rows end the upper one (as many as it has above it, half when it has none) and open the
    lower one. A numbered line ("二十四、…") is a row of its own. `several`: a line of label parts may
    hold parts of several columns (a project's name and its 功能分类科目 both wrapped), each column's
    parts shared out apart, past the lines that hold only another column's."""
    def figure(k: int) -> bool:
        return any(_FIGURE.match(t) for _, t in rows[k] if t)

    def held(k: int) -> set[int]:
        """The columns a line without figures holds text in (none for a numbered line: a row of its own)."""
        cols = {c for c, (_, t) in enumerate(rows[k]) if t}
        if figure(k) or not cols or NUMBERED.match(rows[k][min(cols)][1] or ""):
            return set()
        return cols

    def filled(k: int) -> set[int]:
        cols = held(k)
        return cols if len(cols) == 1 or several else set()

    def touches(k: int, m: int) -> bool:
        return 0 <= min(k, m) and max(k, m) < len(rows) and abs(rows[k][0][0] - rows[m][0][0]) == 1

    wrapped = {c for k in range(len(rows)) if figure(k) for c, (_, t) in enumerate(rows[k]) if not t
               and any(touches(k, m) and c in filled(m) for m in (k - 1, k + 1))}

    def fragment(k: int) -> set[int]:
        """The wrapped columns a line holds parts of labels in (none unless all its cells are such)."""
        cols = filled(k)
        return cols if cols and cols <= wrapped else set()

    joined = [list(row) for row in rows]
    dropped: set[int] = set()
    owner: dict[int, int] | None = {} if several else None
    for c in sorted(wrapped):
        def part(n: int, c: int = c) -> bool:
            return bool(fragment(n)) and (c in fragment(n) or several)
        k = 0
        while k < len(rows):
            # A chain: touching lines, each a row with figures or a line of label parts (in column c, or
            # with `several` in any wrapped column: those hold nothing for c and are passed over).
            chain = [k]
            while touches(chain[-1], chain[-1] + 1) and (figure(chain[-1] + 1) or part(chain[-1] + 1)):
                chain.append(chain[-1] + 1)
            if not (figure(k) or c in fragment(k)):
                k += 1
                continue
            mine = [n for n in chain if figure(n) or c in fragment(n)]
            _share_parts(joined, dropped, mine, c, [figure(n) for n in mine], owner)
            k = chain[-1] + 1
    _wrapped_down(rows, joined, dropped, figure, held, touches)
    return [row for k, row in enumerate(joined) if k not in dropped]


def _wrapped_down(rows: list[list[tuple[int, str | None]]], joined: list[list[tuple[int, str | None]]],
                  dropped: set[int], figure: Callable[[int], bool], held: Callable[[int], set[int]],
                  touches: Callable[[int, int], bool]) -> None:
    """Labels a word processor wrapped downward: the first line of a label beside its row's figures, the
    rest on the line under it ("2025年社区矫正对象教育帮  2040605普法宣传  79.10" / "扶工作经费"). Where the
    lines of parts stand one at most between two rows, none above the first (a label centred on its figures
    leaves parts above as many as below), each under a cell that fills its column (a word processor cuts a
    label where its column ends), each part ends that row. (In place.)"""
    figures = [k for k in range(len(rows)) if figure(k)]
    if len(figures) < 3:
        return  # too few rows to tell a column's width by (a page's first row and a label with blank figures)
    parts = [k for k in range(figures[0] + 1, len(rows)) if k not in dropped and not figure(k) and held(k)]
    if not parts or any(not touches(k - 1, k) or not figure(k - 1) for k in parts):
        return
    widest = {c: max(width(rows[k][c][1] or "") for k in figures) for k in parts for c in held(k)}
    if any(width(rows[k - 1][c][1] or "") < widest[c] - 2 for k in parts for c in held(k)):
        return  # a label cut where its column ends fills it: under a shorter one, a row of its own
    for k in parts:
        for c in held(k):
            line, text = joined[k - 1][c]
            joined[k - 1][c] = (line, (text or "") + (rows[k][c][1] or ""))
        dropped.add(k)


def _share_parts(joined: list[list[tuple[int, str | None]]], dropped: set[int], chain: list[int], c: int,
                 figures: list[bool], owner: dict[int, int] | None = None) -> None:
    """Give the label parts of one chain of touching lines to its rows with figures (see _join_wrapped).
    `owner`: the row each line of parts went to for a column before; its parts of this column go there
    too (a line of parts of several columns belongs to one row), and where this column's lines go is added."""
    if owner is not None:
        mine = [(n, f) for n, f in zip(chain, figures, strict=True) if f or n not in owner]
        for n in chain:
            if n in owner and joined[n][c][1]:
                row = owner[n]
                line, text = joined[row][c]
                part = joined[n][c][1] or ""
                joined[row][c] = (line, part + (text or "") if n < row else (text or "") + part)
                dropped.add(n)
        chain, figures = [n for n, _ in mine], [f for _, f in mine]
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
            # A blank cell with no parts above has none below either where positions are exact (the
            # figures centred in their cell): a PDF-to-text tool may have lost the parts above, so half.
            half = 0 if owner is not None else (len(pending) + 1) // 2
            take = min(len(above[last]), len(pending)) if above[last] or not blank else half
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
            if owner is not None:
                owner.update({m: n for m in above[n] + below[n]})


def _overlap(column: tuple[int, int], span: _Span) -> int:
    """How far a cell stands over a column (0 or less: not at all)."""
    return min(column[1], span.end) - max(column[0], span.start)


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


def _headed(spans: list[tuple[int, tuple[_Span, ...]]], lines: list[str], columns: list[tuple[int, int]],
            figure_columns: set[int]) -> bool:
    """Does one heading line name every figure column, a cell over each and each over one (so columns more
    than the fullest row has cells are the table's, each row leaving some blank, not cells a tool set each
    its own way: a column of shifted figures has no heading of its own)?"""
    return any(not has_figure(lines[n]) and _names_each(row, columns, figure_columns) for n, row in spans)


def _names_each(headings: tuple[_Span, ...] | list[_Span], columns: list[tuple[int, int]], figure_columns: set[int]) -> bool:
    """Do these headings name every figure column, a cell over each (or ending right where it starts) and
    each over one?"""
    over = [[c for c in figure_columns if _overlap(columns[c], h) > 0]
            or [c for c in [_in_gap(h, columns, figure_columns, False)] if c is not None] for h in headings]
    named = [o[0] for o in over if len(o) == 1]
    return all(len(o) <= 1 for o in over) and sorted(named) == sorted(figure_columns)


def _blank_headed(spans: list[tuple[int, tuple[_Span, ...]]], lines: list[str], columns: list[tuple[int, int]],
                  figure_columns: set[int]) -> list[tuple[int, int]]:
    """Columns blank in every row whose headings stand among or right of the columns with figures (zeros
    printed blank: "合计  上年结转  一般公共预算拨款收入  政府性基金预算拨款收入  事业收入" over figures under
    合计, 一般公共预算 and 事业收入 only). Only where a heading line right above the first row with figures
    (or the one above it) names every figure column, a cell over each and each over one, and its other
    cells stand clear of every column, right of where the figures start: the figures keep the headings
    they stand under, so the headings over none are columns no row fills."""
    first = next((k for k, (n, _) in enumerate(spans) if has_figure(lines[n])), 0)
    start = min(columns[c][0] for c in figure_columns) if figure_columns else columns[-1][1]
    for _n, row in spans[max(0, first - 2):first]:
        free = [h for h in row if h.start >= start and all(_overlap(col, h) <= 0 for col in columns)
                and _in_gap(h, columns, figure_columns, False) is None]
        if free and _names_each([h for h in row if h not in free], columns, figure_columns):
            return [(h.start, h.end) for h in free]
    return []


def _label_columns(spans: list[tuple[int, tuple[_Span, ...]]], lines: list[str],
                   columns: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The columns with the rows' figures and those blank in every row with figures: labels of two lines
    each, set one above and one under their row's figures. A first such column is made of the lines of one
    cell touching a row with figures, all left of the first column; others of the cells of lines without
    figures below the first row with figures that stand in no column, and of the headings right of every
    column (a column of figures blank in every row)."""
    figure = {n for n, _ in spans if has_figure(lines[n])}
    parts = [row[0] for n, row in spans if len(row) == 1 and n not in figure and {n - 1, n + 1} & figure]
    out = list(columns)
    if parts and all(p.end <= columns[0][0] for p in parts):
        out.insert(0, (min(p.start for p in parts), max(p.end for p in parts)))
    first = min(figure, default=0)
    loose = sorted((c.start, c.end) for n, row in spans if n > first and n not in figure for c in row
                   if not any(_overlap(col, c) > 0 for col in out))
    # A heading right of every column heads a column blank in every row (其他资金 of projects with none).
    last = max(hi for _, hi in out)
    loose += sorted((c.start, c.end) for n, row in spans if n < first for c in row if c.start >= last)
    for lo, hi in _columns([tuple(_Span("", a, b) for a, b in sorted(loose))]) if loose else []:
        out.append((lo, hi))
    return sorted(out)


def _extents(columns: list[tuple[int, int]], figure_columns: set[int]) -> list[tuple[int, int]]:
    """How far each column's cells run: a figure column's from where the column before it ends (figures
    are set to their cell's right edge), a text column's to where the next text column starts (text is set
    to its left edge)."""
    out = []
    for c, (lo, hi) in enumerate(columns):
        if c in figure_columns and c > 0:
            lo = columns[c - 1][1]
        elif c not in figure_columns and c + 1 < len(columns) and c + 1 not in figure_columns:
            hi = columns[c + 1][0]
        out.append((lo, hi))
    return out


def _spanning(row: tuple[_Span, ...], columns: list[tuple[int, int]], extents: list[tuple[int, int]],
              figure_columns: set[int], cells: list[str]) -> list[str | None]:
    """A heading row with each cell over every column it stands over ("功能分类科目编码" over 类 | 款 | 项):
    the cell moved to the first of them, the others None (covered), when they are blank in the row. A
    heading written without its span would be read as covering the blank cells on its right. A heading
    centred over two figure columns stands over the first one's figures only: it covers too the columns
    over whose cells (their extents) a third of it or more stands, when they are all figure columns."""
    out: list[str | None] = list(cells)
    for span in row:
        over = [c for c, col in enumerate(columns) if _overlap(col, span) > 0]
        if len(over) < 2:
            third = max(1, (span.end - span.start) / 3)
            over = [c for c, col in enumerate(extents) if _overlap(col, span) >= third]
            over = over if set(over) <= figure_columns else []
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


def _figure_columns(data_rows: list[tuple[_Span, ...]], columns: list[tuple[int, int]]) -> set[int]:
    """The columns most of whose cells in the rows with figures are figures."""
    counts = [0] * len(columns)
    for row in data_rows:
        for span in row:
            c = next((c for c, col in enumerate(columns) if _overlap(col, span) > 0), None)
            if c is not None:
                counts[c] += 1 if _FIGURE.match(span.text) else -1
    return {c for c, n in enumerate(counts) if n > 0}


def _in_gap(span: _Span, columns: list[tuple[int, int]], figure_columns: set[int], exact: bool) -> int | None:
    """The column of a cell that stands in the gap between two columns (a heading centred over its cell, a
    dash set at its cell's left): figures are set to their cell's right edge, so the gap before a figure
    column is that column's; text is set to its left edge, so the gap after a text column before another
    is that one's. None otherwise (a heading over a column blank in every row: which one cannot be told).
    Not `exact` (a text file, whose tool may have shifted cells by a character or two), only a cell that
    ends right where a figure column starts, two columns or more after the text column before it."""
    right = next((c for c, (lo, _) in enumerate(columns) if lo >= span.end), None)
    left = next((c for c in range(len(columns) - 1, -1, -1) if columns[c][1] <= span.start), None)
    if not exact:
        near = right is not None and right in figure_columns and columns[right][0] - span.end <= 1 \
            and left is not None and left not in figure_columns and span.start - columns[left][1] >= 2
        return right if near else None
    if right is not None and right in figure_columns and (left is None or left + 1 == right):
        return right
    if left is not None and left not in figure_columns and right is not None and right == left + 1 \
            and right not in figure_columns:
        return left
    return None


def _over_subheadings(out: list[list[tuple[int, str | None]]], figures: list[bool]) -> None:
    """A heading centred over sub-headings set a row lower ("预算数" over 合计 | 财政拨款 | 其他资金) stands
    over the middle one only: it covers too the columns beside it that are blank in its row and down to
    the row of their own first heading, which is that of the column under it. (In place.)"""
    heads = next((k for k, f in enumerate(figures) if f), len(out))

    def first_below(r: int, c: int) -> int | None:
        return next((b for b in range(r + 1, heads) if out[b][c][1]), None)

    for r in range(heads - 1):
        row = out[r]
        for c, (_, text) in enumerate(row):
            if not text or (c + 1 < len(row) and row[c + 1][1] is None) or (level := first_below(r, c)) is None:
                continue
            lo = hi = c
            while lo > 0 and row[lo - 1][1] == "" and first_below(r, lo - 1) == level:
                lo -= 1
            while hi + 1 < len(row) and row[hi + 1][1] == "" and first_below(r, hi + 1) == level:
                hi += 1
            if lo < c:
                row[lo], row[c] = (row[lo][0], text), (row[c][0], None)
            for k in range(lo + 1, hi + 1):
                row[k] = (row[k][0], None)


def _place(row: tuple[_Span, ...], columns: list[tuple[int, int]], figure_columns: set[int],
           exact: bool = False) -> list[str] | None:
    """A row's cells in the columns they overlap most, blank columns left empty; a cell in a gap between
    two columns in the one whose cell runs over the gap (_in_gap), a dash for nothing in no column left out.
    None when a cell's column cannot be told or two cells fall in one column (but the characters of one
    letter-spaced word)."""
    cells = [""] * len(columns)
    for span in row:
        overlap, c = max((_overlap(col, span), c) for c, col in enumerate(columns))
        if overlap <= 0:
            gap = _in_gap(span, columns, figure_columns, exact)
            if gap is None and _DASH.match(span.text):
                continue  # a dash for nothing set apart from its column's figures: it states nothing
            if gap is None:
                return None
            c = gap
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


def grid_cells(rows: list[list[tuple[int, str | None]]], location: Callable[[int, int, int], Location]) -> list[list[Cell]]:
    """The cells of rows of (line, text) pairs, each placed by `location`(line, row, col); a text None is a
    column the cell on its left spans."""
    def span(row: list[tuple[int, str | None]], k: int) -> int:
        n = 1
        while k + n < len(row) and row[k + n][1] is None:
            n += 1
        return n
    return [[Cell(c.strip(), r, k + 1, location(n, r, k + 1), colspan=span(row, k))
             for k, (n, c) in enumerate(row) if c is not None] for r, row in enumerate(rows, start=1)]
