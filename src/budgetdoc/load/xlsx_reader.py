"""XLSX via openpyxl: per sheet a heading (its title), a table of the used range (several, where the
sheet prints titled tables one under another), and one paragraph per row that holds text, so sentences typed into cells reach the text rules.

Everything is located by sheet and cell (e.g. "B3") with the sheet's own row/column numbers. A
merged range is one cell spanning its rows and columns (a header 基本支出 over 人员经费 | 公用经费), so
the table model reads header paths; workbooks above FULL_READ_BYTES are streamed (read-only mode
knows no merged ranges).
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument, table_block

FULL_READ_BYTES = 5 * 1024 * 1024  # a disclosure workbook is a few hundred KB


def read(path: Path, data: bytes) -> SourceDocument:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        # data_only: the values Excel last computed, not the formulas behind them.
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=len(data) > FULL_READ_BYTES, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        raise InputError(f"{path}：不是有效的 XLSX 文件（{type(e).__name__}）") from None
    blocks: list[Block] = []
    try:
        for ws in wb.worksheets:
            blocks.extend(_sheet(ws))
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as e:
        # read-only mode parses each sheet lazily, so a damaged sheet only fails here.
        raise InputError(f"{path}：不是有效的 XLSX 文件（{type(e).__name__}）") from None
    finally:
        wb.close()
    return SourceDocument(source=str(path), format="xlsx", blocks=blocks, encoding=None)


def _sheet(ws: Any) -> list[Block]:
    from openpyxl.utils import get_column_letter

    title = ws.title
    # The stored dimension is often missing or stale in files not written by Excel; scan instead.
    if hasattr(ws, "reset_dimensions"):  # read-only (streamed) sheets only
        ws.reset_dimensions()
    grid: dict[tuple[int, int], tuple[str, bool]] = {}  # (row, col) -> (text, is a string)
    for r, row in enumerate(ws.iter_rows(), start=1):
        for c, cell in enumerate(row, start=1):
            value = getattr(cell, "value", None)
            text = _text(value, getattr(cell, "number_format", "General"))
            if text:
                grid[(r, c)] = (text, isinstance(value, str))
    blocks = [Block("heading", title, Location(sheet=title))]
    if not grid:
        return blocks
    r0, r1 = min(r for r, _ in grid), max(r for r, _ in grid)
    c0, c1 = min(c for _, c in grid), max(c for _, c in grid)

    def loc(r: int, c: int) -> Location:
        return Location(sheet=title, cell=f"{get_column_letter(c)}{r}", row=r, col=c)

    spans: dict[tuple[int, int], tuple[int, int]] = {}  # origin -> (rowspan, colspan)
    covered: set[tuple[int, int]] = set()
    for rng in getattr(ws, "merged_cells", None) and ws.merged_cells.ranges or ():
        spans[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        covered |= {(r, c) for r in range(rng.min_row, rng.max_row + 1)
                    for c in range(rng.min_col, rng.max_col + 1)} - {(rng.min_row, rng.min_col)}
    rows = [[Cell(text=grid.get((r, c), ("", False))[0], row=r, col=c, loc=loc(r, c),
                  rowspan=spans.get((r, c), (1, 1))[0], colspan=spans.get((r, c), (1, 1))[1])
             for c in range(c0, c1 + 1) if (r, c) not in covered] for r in range(r0, r1 + 1)]
    for first, last in _table_runs(grid, r0, r1):
        part = rows[first - r0:last - r0 + 1]
        blocks.append(table_block(part, Location(sheet=title, cell=f"{loc(first, c0).cell}:{loc(last, c1).cell}")))
    for r in range(r0, r1 + 1):
        filled = [(c, grid[(r, c)]) for c in range(c0, c1 + 1) if (r, c) in grid]
        # A row of bare numbers is table data, not a sentence; only rows with a string become text.
        if any(is_str for _, (_, is_str) in filled):
            first = loc(r, filled[0][0])
            blocks.append(Block("paragraph", "\t".join(t for _, (t, _) in filled),
                                Location(sheet=title, cell=first.cell, row=r)))
    return blocks


def _table_runs(grid: dict[tuple[int, int], tuple[str, bool]], r0: int, r1: int) -> list[tuple[int, int]]:
    """The sheet's rows as tables: one run, or where a sheet prints several tables one under another
    (a whole disclosure on one sheet), a new run at each title row (one cell ending in 表) after an empty
    row or a row of one cell (a line of prose, the contents, the part's heading). Of several runs, those
    without a row of two filled cells (the prose between tables) are none."""
    filled: dict[int, list[str]] = {}
    for (r, _), (text, _) in sorted(grid.items()):
        filled.setdefault(r, []).append(text)
    starts = [r0] + [r for r in range(r0 + 1, r1 + 1)
                     if len(filled.get(r - 1, [])) <= 1 and len(filled.get(r, [])) == 1 and _is_title(filled[r][0])]
    runs = list(zip(starts, [s - 1 for s in starts[1:]] + [r1], strict=True))
    if len(runs) == 1:
        return runs
    return [(a, b) for a, b in runs if any(len(filled.get(r, [])) >= 2 for r in range(a, b + 1))]


def _is_title(text: str) -> bool:
    text = text.strip()
    return len(text) < 40 and text.endswith("表")


_DECIMALS = re.compile(r"0\.(0+)(?![0-9#])")  # the decimals a number format shows (0.00, #,##0.00)


def _text(value: Any, number_format: str) -> str:
    """A cell value as the text a reader of the sheet sees (close enough for checking)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, int | float):
        if "%" in number_format:
            # 0.0443 shown as 4.43%: keep the number of decimals the format asks for.
            decimals = len(number_format.split(".", 1)[1].split("%")[0]) if "." in number_format else 0
            return f"{value * 100:.{decimals}f}%"
        shown = _DECIMALS.search(number_format.split(";", 1)[0])
        if shown is not None and not isinstance(value, bool):
            # 26 under "#,##0.00" is seen as 26.00: its last digit (and so its rounding interval) is the format's.
            return f"{value:.{len(shown.group(1))}f}"
        if isinstance(value, float):
            if value.is_integer():
                return str(int(value))
            return format(value, ".15g")  # binary noise such as 0.30000000000000004 dropped
        return str(value)
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return str(value).strip()
