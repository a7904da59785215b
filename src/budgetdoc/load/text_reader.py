"""Plain text and Markdown: one block per line, located by its 1-based line number.

Three flattened table layouts become table blocks whose cells keep their line and column, so table
rules can read them as tables:
- a row per line, cells separated by tabs (the usual PDF-to-text output);
- Markdown pipe tables (`| 项目 | 金额 |`, the `|---|` line under the header skipped);
- a cell per line, each indented by a tab, rows separated by blank lines (the usual DOCX-to-text
  output: seeds 000 and 002);
- a row per line, cells separated by " | " without the outer bars (`301 | 工资福利支出 | 950.85`);
- a row per line, cells apart by runs of spaces (PDF-to-text output that keeps the layout), blank cells
  restored from where the cells stand (aligned_text).
"""

from __future__ import annotations

import re
from pathlib import Path

from ..model import Block, Location, SourceDocument, table_block
from . import aligned_text
from .encoding import decode
from .wrapping import PAGE_NUMBER, join_cut_lines, page_furniture, width


def _is_row(line: str) -> bool:
    return sum(1 for c in line.split("\t") if c.strip()) >= 2


_PIPE_RULE = re.compile(r"^\s*\|?(\s*:?-{2,}:?\s*\|)+\s*:?-*:?\s*$")


def _pipe_cells(line: str) -> list[str] | None:
    """The cells of a Markdown pipe-table row, or None (a row needs two non-empty cells)."""
    t = line.strip()
    if not (t.startswith("|") and t.endswith("|")) or len(t) < 3:
        return None
    cells = [c.strip() for c in t[1:-1].split("|")]
    return cells if sum(1 for c in cells if c) >= 2 else None


def _bar_cells(line: str) -> list[str] | None:
    """The cells of a row written "A | B | C" (no outer bars; a leading " | " is an empty first cell), or
    None (a row needs two non-empty cells)."""
    if " | " not in line:
        return None
    cells = _bar_pieces(line)
    return cells if sum(1 for c in cells if c) >= 2 else None


# A rule drawn under a bar table's heading ("--------", "───┼───").
_BAR_RULE = re.compile(r"^\s*[-─━=]{3,}[-─━=+┼|\s]*$")


def _bar_part(line: str) -> bool:
    """A bar table's line that holds the rest of labels wrapped in their cells ("          | 缴费支出  |    |",
    "项经费  |   |   |"): bars, short text and no figure, opening no row of its own (numbered, 其中, a total)
    and no sentence (a note under the table ends it)."""
    cells = _bar_pieces(line) if "|" in line else []
    first = next((c for c in cells if c), "")
    return len(cells) >= 2 and bool(first) and not _OWN_ROW.match(first) \
        and all(len(c) <= 20 and not _PROSE_MARK.search(c) and not aligned_text.has_figure(c) for c in cells if c)


_PROSE_MARK = re.compile(r"[，,。；;：:]")  # a note under the table, not a label's rest
# A label that opens a row of its own, never the rest of the one above.
_OWN_ROW = re.compile(aligned_text.NUMBERED.pattern + r"|^(?:其中|合计|小计|总计|\d{3})")


def _bar_rows(lines: list[str], i: int, j: int) -> list[list[tuple[int, str | None]]]:
    """The rows of the bar table on line indexes [i, j). Where every line's bars stand where those of the
    fullest lines stand (a fixed-width export), a cell over several of the others' columns spans them
    ("合计  |  2,271.04" under "科目编码 | 科目名称 | 合计"), and a label's rest wrapped onto a line of its
    own joins the row above; else each line's cells in order."""
    body = [n for n in range(i, j) if not _BAR_RULE.match(lines[n])]
    bars = {n: [width(lines[n][:k]) for k, ch in enumerate(lines[n]) if ch == "|"] for n in body}
    edges = max(bars.values(), key=len)
    if not all(all(any(abs(b - e) <= 1 for e in edges) for b in bars[n]) for n in body):
        return [[(n + 1, c) for c in _bar_cells(lines[n]) or _bar_pieces(lines[n])] for n in body]
    rows: list[list[tuple[int, str | None]]] = []
    for n in body:
        pieces = _bar_pieces(lines[n])
        row: list[tuple[int, str | None]] = []
        for k, text in enumerate(pieces):
            left = bars[n][k - 1] if k else -1
            right = bars[n][k] if k < len(bars[n]) else 10 ** 6
            covered = sum(1 for e in edges if left + 1 < e < right - 1)
            row += [(n + 1, text)] + [(n + 1, None)] * covered
        if _bar_part(lines[n]) and rows and any(aligned_text.has_figure(t) for _, t in rows[-1] if t) \
                and len(row) == len(rows[-1]):
            rows[-1] = [(m, (t or "") + (u or "") if t is not None else None)
                        for (m, t), (_, u) in zip(rows[-1], row, strict=True)]
            continue
        rows.append(row)
    return rows


def _bar_pieces(line: str) -> list[str]:
    """A bar line's cells, in order, blank ones too."""
    return [c.strip() for c in line.rstrip().split("|")]


def _is_pipe(line: str) -> bool:
    return _pipe_cells(line) is not None or bool(_PIPE_RULE.match(line))


def _is_cell_line(line: str) -> bool:
    return line.startswith("\t") and not _is_row(line)


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    # splitlines() would also split on \x0b, \x1c.. which editors do not count as lines.
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    blocks: list[Block] = []
    tables = 0
    i = 0
    while i < len(lines):
        line = lines[i]
        if _pipe_cells(line) is not None:
            j = i
            while j < len(lines) and _is_pipe(lines[j]):
                j += 1
            rows = [[(n, c) for c in cells] for n in range(i + 1, j + 1)
                    if (cells := _pipe_cells(lines[n - 1])) is not None]
        elif _bar_cells(line) is not None:  # (a row of it may begin and end with a bar: " |  | 四、…| ")
            j = i + 1
            while j < len(lines) and (_bar_cells(lines[j]) is not None or _BAR_RULE.match(lines[j])
                                      or _bar_part(lines[j])):
                j += 1
            while j > i + 1 and _BAR_RULE.match(lines[j - 1]):
                j -= 1  # a rule under the last row belongs to no row
            rows = _bar_rows(lines, i, j)
        elif _is_row(line):
            j = i + 1
            # Inside a table a row may fill one cell only (a label whose figure is blank: "上年结转\t").
            while j < len(lines) and (_is_row(lines[j]) or ("\t" in lines[j] and lines[j].strip())):
                j += 1
            rows = [[(n, c) for c in lines[n - 1].split("\t")] for n in range(i + 1, j + 1)]
        elif _is_cell_line(line):
            rows, j = _cell_per_line_rows(lines, i)
        elif (pasted := _pasted_cells(lines, i)) is not None:
            start, rows, j = pasted
            _text_lines(blocks, lines, i, start)  # the table's title and unit line
        elif (found := aligned_text.table_at(lines, i)) is not None:
            start, j, rows = found
            if rows:
                while blocks and blocks[-1].kind == "paragraph" and (blocks[-1].loc.line or 0) > start:
                    blocks.pop()  # its heading lines, first taken for text
                _text_lines(blocks, lines, i, start)  # a heading line over no column stays text
                i = start
        else:
            rows, j = [], i + 1
        if len(rows) >= 2:
            tables += 1
            blocks.append(_table(rows, tables))
            i = max(j, i + 1)
            continue
        _text_lines(blocks, lines, i, max(j, i + 1))
        i = max(j, i + 1)
    return SourceDocument(source=str(path), format="text", blocks=join_cut_lines(blocks, furniture=page_furniture(lines)),
                          encoding=encoding)


_FIGURE_LINE = re.compile(r"^[-−]?[\d,]+(\.\d+)?%?$")
_AMOUNT_LINE = re.compile(r"^[-−]?(\d[\d,]*\.\d+|\d{1,3}(,\d{3})+)$")


def _pasted_cells(lines: list[str], i: int) -> tuple[int, list[list[tuple[int, str | None]]], int] | None:
    """A table pasted as text cell by cell (copied from a web page or a word processor): each cell on a line
    of its own, one blank line after each row, figures on lines of their own ("208" / "社会保障和就业支出" /
    "9,702,081.00" / …). Its title and unit line may open the heading's group: they stay text. Three rows at
    least, two of them with figures, every cell a short line without sentence punctuation; returns where
    the table starts, its rows and the index after it, or None."""
    if i > 0 and lines[i - 1].strip() and not aligned_text.is_title(lines[i]):
        return None  # a row starts after a blank line, a table at its title (not inside its heading)
    groups: list[list[int]] = []
    j = i
    while j < len(lines) and lines[j].strip():
        group = []
        while j < len(lines) and lines[j].strip():
            group.append(j)
            j += 1
        if len(group) > 16 or any(len(lines[n].strip()) > 40 or re.search("[。；;]", lines[n]) for n in group) \
                or (groups and aligned_text.is_title(lines[group[0]])):
            j = group[0]  # (the next table's title ends this one)
            break
        groups.append(group)
        if j + 1 < len(lines) and not lines[j].strip() and lines[j + 1].strip():
            j += 1  # one blank line: the next row
        else:
            break
    if len(groups) < 3:
        return None
    first = groups[0]
    while first and (aligned_text.is_title(lines[first[0]]) or aligned_text.is_caption(lines[first[0]])):
        first = first[1:]
    groups[0] = first

    def figured(g: list[int]) -> bool:
        return any(_FIGURE_LINE.match(lines[n].strip()) for n in g)

    heads = groups[:next((k for k, g in enumerate(groups) if figured(g)), len(groups))]
    body = groups[len(heads):]
    width = len(heads[-1]) if heads else 0
    # A heading over pairs of columns ("收入 | 支出" over "项目 | 预算数 | 项目 | 预算数") spans them evenly. Its
    # cells are no section heading or sentence ("（二）…单位设置", "…情况："), its rows no cells of a
    # tab-indented table (_cell_per_line_rows), and two rows hold amounts (decimals or thousands).
    amounts = sum(1 for g in body if any(_AMOUNT_LINE.match(lines[n].strip()) for n in g))
    if width < 2 or amounts < 2 or any(len(g) > width or len(g) < 2 for g in body) \
            or any(not h or width % len(h) for h in heads) \
            or any(lines[n].startswith("\t") for g in groups for n in g) \
            or any(aligned_text.NUMBERED.match(lines[n].strip()) or lines[n].rstrip().endswith((":", "："))
                   for h in heads for n in h):
        return None
    rows: list[list[tuple[int, str | None]]] = []
    for h in heads:
        span = width // len(h)
        rows.append([c for n in h for c in [(n + 1, lines[n].strip())] + [(n + 1, None)] * (span - 1)])
    # A blank cell pasted is no line at all, so where a shorter row's blanks are cannot be told: only a 合计
    # row one cell short under a code column lacks its code; any other short row leaves the table as text.
    coded = _CODE_HEADING.search(lines[heads[-1][0]])
    for g in body:
        short = width - len(g)
        if short and not (short == 1 and coded and _TOTAL_CELL.match(lines[g[0]].strip())):
            return None
        rows.append([(g[0] + 1, "")] * short + [(n + 1, lines[n].strip()) for n in g])
    return heads[0][0], rows, groups[-1][-1] + 1


_CODE_HEADING = re.compile(r"编码|代码")
_TOTAL_CELL = re.compile(r"^(合\s*计|总\s*计)$")


def _text_lines(blocks: list[Block], lines: list[str], i: int, j: int) -> None:
    """Lines [i, j) as text blocks (page numbers and blank lines left out)."""
    for n in range(i, j):
        if lines[n].strip() and not PAGE_NUMBER.match(lines[n]):
            kind = "heading" if lines[n].lstrip().startswith("#") else "paragraph"
            blocks.append(Block(kind, lines[n], Location(line=n + 1)))


def _cell_per_line_rows(lines: list[str], i: int) -> tuple[list[list[tuple[int, str]]], int]:
    """Rows of a cell-per-line table starting at line index i; returns the rows and the index after."""
    rows: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    j = i
    while j < len(lines) and (_is_cell_line(lines[j]) or not lines[j].strip()):
        if _is_cell_line(lines[j]):
            current.append((j + 1, lines[j]))
        elif current:
            rows.append(current)
            current = []
        j += 1
    if current:
        rows.append(current)
    # Trailing blank lines belong to the text that follows.
    while j > i and not lines[j - 1].strip() and not _is_cell_line(lines[j - 1]):
        j -= 1
    return rows, j


def _table(rows: list[list[tuple[int, str | None]]], number: int) -> Block:
    """A table block; a cell text None is a column the cell on its left spans (aligned text)."""
    cells = aligned_text.grid_cells(rows, lambda n, r, c: Location(line=n, table=number, row=r, col=c))
    return table_block(cells, Location(line=rows[0][0][0], table=number))
