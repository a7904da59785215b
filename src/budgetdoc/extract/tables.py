"""Tables by their structure: every reader's table blocks become one table model before anything is
summed.

1. Grid: cells are placed on a grid by their row/column spans (HTML colspan, DOCX merged cells, XLSX
   merged ranges, PDF cells spanning grid lines), so a header cell covers every column under it.
2. Title, header rows and the 栏次 row: the rows above the first data row are the header; each column
   gets its header path (基本支出 › 人员经费) and a role read from it (knowledge/tables.yaml
   `column_roles`): code, name, amount, row number, score, rate, indicator value, note. Only amount
   columns hold money.
3. Side by side: a table that prints two or three logical tables next to each other (收入 | 支出,
   人员经费 | 公用经费) is split into its sides, each with its own rows.
4. Across pages: a table continued on the next page (its header repeated, or the same columns and no
   title of its own) is one table; a page that opens with a row label (十六、金融支出) or the end of a
   wrapped cell (务支出) opens no table of its own.
5. Rows: classification code (however many digits; 款/项 printed without their leading zero are
   padded), name, and the amounts by column; facts from classification rows and label/amount pairs.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache
from itertools import pairwise

from ..amount import money_scale
from ..interval import Interval
from ..knowledge import knowledge, load_yaml
from ..model import Block, Cell, Fact
from ..normalize import normalize
from ..structure.metadata import org_pattern
from .keys import match_quantity, numbering_style, split_role
from .mentions import clean_label

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")
_CODE_PART = re.compile(r"^\d{1,3}$")
LABEL_ROLES = ("code", "name")


@dataclass(frozen=True)
class TableKnowledge:
    kinds: list[tuple[str, str | None, str | None, list[re.Pattern[str]]]]
    total_headers: set[str]
    part_headers: set[str]
    roles: list[tuple[str, list[re.Pattern[str]]]]
    money_headers: tuple[str, ...]
    indicator_signs: tuple[str, ...]
    measure_units: frozenset[str]
    numbering_row: list[re.Pattern[str]]
    total_rows: list[re.Pattern[str]]
    patterns: dict[str, re.Pattern[str]]
    classes: dict[str, str]  # 功能分类 类 name -> its 3-digit code
    whole: dict[str, str]  # a table type -> the quantity its title names as its whole (gpb_basic -> expense.basic)
    columns_named: frozenset[str]  # table types whose amount columns each name a part of the whole (income)


@lru_cache(maxsize=1)
def table_knowledge() -> TableKnowledge:
    data = load_yaml("tables.yaml")
    kinds = [(t["type"], t.get("scope"), t.get("classification"), [re.compile(p) for p in t["patterns"]])
             for t in data["tables"]]
    roles = [(role, [re.compile(p) for p in pats]) for role, pats in data["column_roles"].items()]
    return TableKnowledge(kinds, set(data["row_total_headers"]), set(data["row_part_headers"]), roles,
                          tuple(data["money_headers"]), tuple(data["indicator_signs"]),
                          frozenset(data["measure_units"]), [re.compile(p) for p in data["numbering_row"]],
                          [re.compile(p) for p in data["total_rows"]],
                          {name: re.compile(p) for name, p in data["patterns"].items()},
                          {name: code for code, names in data["function_classes"].items() for name in names},
                          {kind: spec["total"] for kind, spec in data["total_rows_by_type"].items() if spec.get("named")},
                          frozenset(kind for kind, spec in data["total_rows_by_type"].items() if spec.get("columns_named")))


def _pattern(name: str) -> re.Pattern[str]:
    return table_knowledge().patterns[name]


@dataclass
class Value:
    value: Decimal
    decimals: int
    cell: Cell

    @property
    def interval(self) -> Interval:
        return Interval.stated(self.value, self.decimals)


@dataclass(frozen=True)
class Column:
    index: int  # grid column within the logical table's block (0-based)
    path: tuple[str, ...]  # header texts from the top header row down, merged cells repeated once
    role: str  # code / name / amount / rownum / score / rate / indicator / note / text

    @property
    def name(self) -> str:
        return self.path[-1] if self.path else ""


@dataclass
class Row:
    index: int
    code: str | None
    name: str
    values: dict[int, Value]  # amount columns only: grid column -> amount
    cells: list[Cell]
    segment: int = 0  # which block (page) of the table the row is on
    by_col: dict[int, Cell] = field(default_factory=dict)  # grid column -> the cell starting there

    @property
    def is_total(self) -> bool:
        return not self.code and any(p.search(self.name) for p in table_knowledge().total_rows)


@dataclass
class ParsedTable:
    title: str
    type: str | None
    scope: str | None
    classification: str | None
    unit: str
    columns: dict[int, Column]
    rows: list[Row] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # filled by table_facts()
    group: int = 0  # the sides of one printed table share a group (收入 | 支出 halves)
    side: tuple[int, int] = (0, 0)  # the grid columns [start, end) of this side

    @property
    def name(self) -> str:
        """The title as a message names the table: without the 部门/单位 captions after it, and once where
        it was read twice (a page heading over the table's own title line)."""
        words = _CAPTION.split(self.title)[0].split()
        for n in range(len(words) // 2, 0, -1):
            if words[:n] == words[n:2 * n]:
                words = words[:n] + words[2 * n:]
                break
        return " ".join(words)

    @property
    def headers(self) -> dict[int, str]:
        return {i: c.name for i, c in self.columns.items() if c.name}

    @property
    def scale(self) -> Decimal:
        return money_scale(self.unit)


_CAPTION = re.compile(r"\s*(?:编制单位|预算单位|单位名称|部门|单位)\s*[:：]")


def clean_text(text: str) -> str:
    """A cell's text as the rules compare it: normalised, without line breaks."""
    return normalize(text.replace("\n", "")).text.strip()


def parse_number(text: str) -> tuple[Decimal, int] | None:
    """(value, decimals) of a cell that is a plain number (thousands separators allowed), else None."""
    t = clean_text(text).replace(",", "")
    if not _NUMBER.match(t):
        return None
    return Decimal(t), len(t.split(".")[1]) if "." in t else 0


def classify_title(title: str) -> tuple[str | None, str | None, str | None]:
    for kind, scope, classification, patterns in table_knowledge().kinds:
        if any(p.search(title) for p in patterns):
            return kind, scope, classification
    return None, None, None


# ---------------------------------------------------------------------------------------------- grid

Grid = list[list[Cell | None]]


def to_grid(rows: list[list[Cell]]) -> tuple[Grid, list[list[bool]]]:
    """Cells placed by their spans (the HTML table algorithm): grid[r][c] is the cell covering that
    position, origin[r][c] whether the cell starts there. Readers give each merged cell once."""
    grid: dict[tuple[int, int], Cell] = {}
    starts: set[tuple[int, int]] = set()
    for r, row in enumerate(rows):
        c = 0
        for cell in row:
            while (r, c) in grid:
                c += 1
            starts.add((r, c))
            for dr in range(max(cell.rowspan, 1)):
                for dc in range(max(cell.colspan, 1)):
                    grid.setdefault((r + dr, c + dc), cell)
            c += max(cell.colspan, 1)
    nrows = len(rows)
    ncols = max((c for _, c in grid), default=-1) + 1
    out: Grid = [[grid.get((r, c)) for c in range(ncols)] for r in range(nrows)]
    origin = [[(r, c) in starts for c in range(ncols)] for r in range(nrows)]
    return out, origin


def _text(cell: Cell | None) -> str:
    return clean_text(cell.text) if cell is not None else ""


# ------------------------------------------------------------------------------------ header and roles

def is_numbering_row(row: list[Cell | None]) -> bool:
    """The 栏次 row: '栏次 | 1 | 2 | 3' or '** | 1 | 2', numbers that count columns, not money."""
    k = table_knowledge()
    texts = [t for t in (_text(c) for c in _unique(row)) if t]
    if not texts or not all(t.isdigit() or any(p.search(t) for p in k.numbering_row) for t in texts):
        return False
    if any(not t.isdigit() for t in texts):
        return True
    ints = [int(t) for t in texts]
    return len(ints) >= 3 and ints == list(range(ints[0], ints[0] + len(ints))) and ints[0] <= 2


def _unique(row: list[Cell | None]) -> list[Cell]:
    out: list[Cell] = []
    for c in row:
        if c is not None and (not out or out[-1] is not c):
            out.append(c)
    return out


def _is_data_row(row: list[Cell | None], origin: list[bool]) -> bool:
    cells = [c for c, o in zip(row, origin, strict=True) if c is not None and o]
    for c in cells:
        t = _text(c)
        if parse_number(t) is not None and not (_CODE.match(t) and "." not in t) and not _CODE_PART.match(t):
            return True
    texts = [_text(c) for c in cells]
    if any(_pattern("nil_cell").match(t) for t in texts):
        return True  # "十、节能环保支出 | - | -": a row of zeros printed as "-"; a header names, it prints no "-"
    return any(_CODE.match(t) for t in texts[:3]) and any(texts[3:])


def _split_header(grid: Grid, origin: list[list[bool]]) -> int:
    """How many rows at the top are header rows (the 栏次 row included)."""
    for n, row in enumerate(grid):
        if is_numbering_row(row):
            continue
        if _is_data_row(row, origin[n]) or (n and _is_label_row(row, origin[n], grid[n - 1])):
            return n
    return len(grid)


def _is_label_row(row: list[Cell | None], origin: list[bool], above: list[Cell | None]) -> bool:
    """A row of nothing but its first cell under a header that names every column: a side's label (收入)
    or a numbered item with nothing printed (1.因公出国（境）费 | blank | blank) opens the body; a header
    cell is neither numbered like an item nor alone under filled header cells."""
    cells = [_text(c) if c is not None and o else "" for c, o in zip(row, origin, strict=True)]
    if len(cells) < 2 or not cells[0] or any(cells[1:]) or not all(c is not None and _text(c) for c in above[1:]):
        return False
    label = re.sub(r"\s", "", cells[0])
    return bool(_pattern("label_numbering").match(cells[0])) or label in _totals_knowledge()["sides"].values()


_CJK_GAP = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


def _paths(grid: Grid, nheader: int) -> list[tuple[str, ...]]:
    ncols = len(grid[0]) if grid else 0
    counting = {r for r in range(nheader) if is_numbering_row(grid[r])}  # the 栏次 row names no column
    spread = _spread_headers(grid, nheader, counting)
    paths = []
    for c in range(ncols):
        path: list[str] = []
        seen: set[int] = set()
        for r in range(nheader):
            cell = spread.get((r, c), grid[r][c])
            if cell is None or id(cell) in seen or r in counting:
                continue
            seen.add(id(cell))
            t = _CJK_GAP.sub("", _text(cell))  # "总 计", "科 目": a header set letter-spaced names the same column
            if t and (not path or path[-1] != t):
                path.append(t)
        paths.append(tuple(path))
    return paths


def _spread_headers(grid: Grid, nheader: int, counting: set[int]) -> dict[tuple[int, int], Cell]:
    """A merged header cell written without its span (text, a worksheet of values): "2022年预算数 | | | 2023年预算数
    | |" over "合计 | 因公出国（境）费 | …". An empty cell of an upper header row whose columns the rows below
    name is the nearest cell on its left, as the merged cell would cover it."""
    out: dict[tuple[int, int], Cell] = {}
    for r in range(nheader - 1):
        if r in counting or sum(1 for c in _unique(grid[r]) if _text(c)) < 2:
            continue
        left: Cell | None = None
        left_c = 0
        for c, cell in enumerate(grid[r]):
            if cell is not None and _text(cell):
                left, left_c = (cell if cell.colspan <= 1 else None), c
            elif left is not None and any(grid[b][c] is not None and _text(grid[b][c]) for b in range(r + 1, nheader)) \
                    and not any(grid[a][c] is not None and grid[a][c] is not grid[a][left_c] and _text(grid[a][c])
                                for a in range(r)):
                out[(r, c)] = left  # (not under another heading of a row above: a merged cell stays under its own)
            else:
                left = None
    return out


def _header_role(path: tuple[str, ...]) -> str | None:
    for role, patterns in table_knowledge().roles:
        if any(p.search(h) for p in patterns for h in path):
            return role
    return None


def _roles(grid: Grid, origin: list[list[bool]], nheader: int, paths: list[tuple[str, ...]],
           performance: bool) -> list[str]:
    k = table_knowledge()
    data = grid[nheader:]
    roles: list[str] = []
    for c, path in enumerate(paths):
        cells = [_text(row[c]) for r, row in enumerate(data) if origin[nheader + r][c]]
        # A column of figures whose zeros are printed "-" is still a column of figures.
        filled = [t for t in cells if t and not _pattern("nil_cell").match(t)]
        role = _header_role(path)
        if role is None or role == "name" and filled and _share(filled, lambda t: parse_number(t) is not None) > 0.8:
            if not filled:  # an empty column is money when its header says so (项目支出 with no cells)
                role = "amount" if any(w in h for w in k.money_headers for h in path) else "text"
            elif _share(filled, lambda t: bool(_CODE.match(t))) > 0.6 and not any("." in t for t in filled) \
                    and not any(w in h for w in k.money_headers for h in path):
                role = "code"  # (whole yuan of 3, 5 or 7 digits under 基本支出 are money, not codes)
            elif _share(filled, lambda t: parse_number(t) is not None) > 0.6:
                role = "amount"
            else:
                role = "name" if "name" not in roles and "amount" not in roles else "text"
        if role == "amount" and performance and not any(w in h for w in k.money_headers for h in path):
            role = "indicator"  # a performance table's numbers are targets and scores unless named money
        roles.append(role)
    # Numbers beside a comparison sign (≥ 420) or a measure unit (420 | 个) are indicator values.
    for c, role in enumerate(roles):
        if role != "amount":
            continue
        left = [_text(row[c - 1]) for row in data if c > 0]
        right = [_text(row[c + 1]) for row in data if c + 1 < len(paths)]
        if _share([t for t in left if t], lambda t: t in k.indicator_signs) > 0.5 \
                or _share([t for t in right if t], lambda t: t in k.measure_units) > 0.5:
            roles[c] = "indicator"
    # A column of small whole numbers beside amounts with decimals is the 行次 column, whatever its
    # header says (行次 1, 2, 3 … down the rows; 23 beside 本年收入合计 1,668.14).
    # In whole 元 (no decimals anywhere) only a run counting up by one is: 1, 2, 3 … (13, 14 … on a page that
    # goes on), never money.
    has_decimals = any("." in _text(row[c]) for row in data for c, role in enumerate(roles) if role == "amount")
    for c, role in enumerate(roles):
        if role == "amount":
            nums = [_text(row[c]) for row in data if _text(row[c])]
            small = all(t.isdigit() and int(t) <= 300 for t in nums)
            counting = len(nums) >= 3 and small and all(int(b) == int(a) + 1 for a, b in pairwise(nums))
            if (has_decimals and len(nums) >= 2 and len(set(nums)) == len(nums) and small) or counting:
                roles[c] = "rownum"
    return roles


def _share(items: list[str], pred) -> float:
    return sum(1 for t in items if pred(t)) / len(items) if items else 0.0


def _sides(roles: list[str]) -> list[tuple[int, int]]:
    """Column ranges of the logical tables printed side by side: a new side starts where a code or
    name column follows the amounts of the previous one (人员经费 | 公用经费, 收入 | 支出)."""
    starts = [0]
    seen_amount = False
    for c, role in enumerate(roles):
        if role in LABEL_ROLES and seen_amount and c > 0 and roles[c - 1] not in LABEL_ROLES:
            starts.append(c)
            seen_amount = False
        if role == "amount":
            seen_amount = True
    ends = [*starts[1:], len(roles)]
    return list(zip(starts, ends, strict=True))


# ---------------------------------------------------------------------------------------------- rows

def _rows(grid: Grid, origin: list[list[bool]], first: int, columns: dict[int, Column],
          side: tuple[int, int], segment: int) -> list[Row]:
    out = []
    lo, hi = side
    code_cols = [c for c in range(lo, hi) if columns[c].role == "code"]
    above: dict[int, str] = {}  # 类 | 款 | 项 in columns of their own: the last code each column printed
    below = _classes_after(grid, origin, first, code_cols, side)
    for r in range(first, len(grid)):
        row = grid[r]
        if is_numbering_row(row[lo:hi]):
            continue
        code_parts: list[str] = []
        code_at: list[int] = []
        name = ""
        values: dict[int, Value] = {}
        cells: list[Cell] = []
        by_col: dict[int, Cell] = {}
        for c in range(lo, hi):
            cell = row[c]
            if cell is None or not origin[r][c]:
                continue
            cells.append(cell)
            by_col[c] = cell
            t = _text(cell)
            if not t:
                continue
            col = columns[c]
            if col.role == "ident":
                if parse_number(t) is None and not name:
                    name = t  # a label in the code column (合计)
                continue  # a unit's or project's own code: neither its classification nor its name
            if col.role == "code" and not values:
                if code_parts and _CODE.match(t) and len(t) > 2:
                    pass  # a second classification's code (政府经济科目编码 beside 部门经济科目编码)
                elif _CODE.match(t) or (code_parts and _CODE_PART.match(t)):
                    # 款/项 printed in their own columns without the leading zero ("2" for 02)
                    code_parts.append(t if not code_parts else t.zfill(2))
                    code_at.append(c)
                elif not code_parts and not name and _CODE_PART.match(t) and len(code_cols) > 1 and c != code_cols[0] \
                        and all(heads := [below.get(r, "") if below is not None and k == code_cols[0] else above.get(k, "")
                                          for k in code_cols[:code_cols.index(c)]]):
                    # "| 05 | | 行政事业单位养老支出": the 款 under the 类 a row above printed (or, in a table that prints
                    # each 类 on a 小计 row after its 款 and 项, the 类 printed next below), the 类 not repeated
                    code_parts = [*heads, t.zfill(2)]
                    code_at = [*code_cols[:code_cols.index(c)], c]
                elif not name:
                    name = t  # a label in the code column (合计, 栏次)
            elif col.role == "amount":
                num = parse_number(t)
                if num is not None:
                    values[c] = Value(num[0], num[1], cell)

            elif col.role in ("name", "text") and not name:
                name = t
        code = "".join(code_parts) or None
        if code is not None and not _CODE.match(code):
            code = None
        if code is not None and len(code_cols) > 1:
            for k in code_cols:  # what this row printed in each code column, and nothing under it
                if k in code_at:
                    above[k] = code_parts[code_at.index(k)]
                elif code_at and k > code_at[-1]:
                    above.pop(k, None)
        if code is None and (m := _pattern("code_in_name").match(name)):
            code, name = m.group("code") or m.group("code2"), name[m.end():]  # [301]工资福利支出: the code printed in the name
        if cells:
            out.append(Row(row[lo].row if row[lo] is not None else r + 1, code, name, values, cells, segment, by_col))
    return out


def _classes_after(grid: Grid, origin: list[list[bool]], first: int, code_cols: list[int],
                   side: tuple[int, int]) -> dict[int, str] | None:
    """A table with 类 | 款 | 项 in columns of their own whose first classified row prints a 款 or 项 and no 类
    prints each 类 after its 款 and 项 (a 小计 row): for each row, the 类 printed next below it. None for a table
    that prints its 类 first."""
    if len(code_cols) < 2:
        return None

    def texts(r: int) -> list[str]:
        return [_text(grid[r][k]) if grid[r][k] is not None and origin[r][k] else "" for k in code_cols]

    opening = next((ts for r in range(first, len(grid)) if not is_numbering_row(grid[r][side[0]:side[1]])
                    and any(ts := texts(r)) and all(not t or _CODE_PART.match(t) or _CODE.match(t) for t in ts)), None)
    if opening is None or opening[0]:
        return None
    out: dict[int, str] = {}
    nxt = ""
    for r in range(len(grid) - 1, first - 1, -1):
        head = texts(r)[0]
        if head and _CODE.match(head):
            nxt = head
        out[r] = nxt
    return out


# -------------------------------------------------------------------------------------------- tables

def parse_tables(blocks: list[Block], default_unit: str | None) -> list[ParsedTable]:
    out: list[ParsedTable] = []
    group = 0
    last_unit: str | None = None  # the unit the last table that states one is in
    for i, block in enumerate(blocks):
        if block.kind != "table" or not block.rows:
            continue
        title, body = _title_and_body(blocks, i)
        grid, origin = to_grid(body)
        if not grid or not grid[0]:
            continue
        nheader = _split_header(grid, origin)
        if nheader == 0 and (header := _header_line_above(blocks, i, len(grid[0]))) is not None:
            grid, origin = to_grid([header, *body])
            nheader = _split_header(grid, origin)
        printed = _paths(grid, nheader)
        paths = [_without_unit(p) for p in printed]
        # "续表" (or the table's title with 续表) over a page's table: the table before goes on.
        own = "" if _pattern("continued").search(title) else title
        if _continue(out, blocks, i, own, grid, origin, nheader, paths):
            continue
        header_text = " ".join(p for path in printed for p in path)
        unit_re = _pattern("unit")
        unit_m = unit_re.search(title) or unit_re.search(header_text) or unit_re.search(_context(blocks, i)) \
            or _header_unit(header_text)
        # A table whose unit line the page lost (a 续表 not joined to its table, a caption set inside the
        # table's frame) is in the unit the tables before it state: a table set keeps one unit.
        unit = unit_m.group(1) if unit_m else (last_unit or default_unit or "万元")
        if unit_m:
            last_unit = unit
        kind, scope, classification = classify_title(title)
        if kind is None:
            kind, scope, classification = _content_kind(grid, nheader, paths, _fiscal_seen(out))
        roles = _roles(grid, origin, nheader, paths, kind == "performance")
        if classification is None and any("经济分类" in p for path in paths for p in path):
            classification = "econ"
        group += 1
        for side in _sides(roles):
            columns = {c: Column(c, paths[c], roles[c]) for c in range(*side)}
            t = ParsedTable(title, kind, scope, classification, unit, columns,
                            _rows(grid, origin, nheader, columns, side, 0), [block], group=group, side=side)
            out.append(t)
    return out


def _without_unit(path: tuple[str, ...]) -> tuple[str, ...]:
    """A column's headings without the unit they carry ("本年收入合计（万元）" names 本年收入合计): the
    table's unit is read from them, and the name is what the column is."""
    unit = _pattern("header_unit")
    return tuple(unit.sub("", h).strip() or h for h in path)


def _header_unit(header_text: str) -> re.Match[str] | None:
    """The unit the column headers name in brackets ("金额（元）"), when they all name the same one."""
    found = list(_pattern("header_unit").finditer(header_text))
    return found[0] if found and len({m.group(1) for m in found}) == 1 else None


@lru_cache(maxsize=1)
def _totals_knowledge() -> dict:
    """tables.yaml: content kinds, the figures of grand-total rows, period columns (see there)."""
    data = load_yaml("tables.yaml")
    content, period = data["content_kinds"], data["period_columns"]
    return {"by_type": data["total_rows_by_type"], "item_tables": set(data["item_tables"]),
            "generic": [re.compile(p) for p in data["total_column_headers"]],
            "year": re.compile(period["year"]), "prefer": period["prefer"], "avoid": period["avoid"],
            "change": re.compile(period["change"]), "last_year": re.compile(period["last_year"]),
            "dated_figure": re.compile(period["dated_figure"]), "rate_header": re.compile(period["rate_header"]),
            "change_rate": re.compile(period["change_rate"]), "period_row": re.compile(period["period_row"]),
            "summary_rows": [re.compile(p) for p in content["summary_rows"]],
            "fiscal_header": content["fiscal_header"], "sides": content["summary_sides"],
            "grand_total_after": content["grand_total_after"],
            "expense_columns": [re.compile(p) for p in content["expense_columns"]]}


def _fiscal_seen(tables: list[ParsedTable]) -> bool:
    """Has a table of a funding scope (财政拨款收支总表, 一般公共预算支出表 …) been read already?"""
    return any(t.scope is not None for t in tables)


def _content_kind(grid: Grid, nheader: int, paths: list[tuple[str, ...]],
                  fiscal_seen: bool) -> tuple[str | None, str | None, str | None]:
    """A table whose title names no standard table, recognised by its header and rows: a title printed
    as the first header row, the two grand totals of a 收支总表 among its row labels, or the 基本支出 and
    项目支出 columns over 功能分类 codes of a 支出总表 — only before the tables of a funding scope (the
    standard order puts the department's 支出总表 before the 财政拨款 ones, whose columns are the same)
    and under a header naming no scope."""
    top = [_text(c) for c in _unique(grid[0])] if nheader else []
    for text in top:
        if _pattern("title_like").search(text) and classify_title(text)[0] is not None:
            return classify_title(text)
    tk = _totals_knowledge()
    if not nheader:
        return None, None, None  # rows without a header: a continued table, whatever its rows say
    labels = {_pattern("label_numbering").sub("", re.sub(r"\s", "", _text(c))) for row in grid[nheader:] for c in row}
    header = " ".join(h for path in paths for h in path)
    if all(any(p.search(label) for label in labels) for p in tk["summary_rows"]):
        if any(w in header for w in tk["fiscal_header"]):
            return next((k, s, c) for k, s, c, _ in table_knowledge().kinds if k == "fiscal_summary")
        return "summary", None, None
    leaves = {re.sub(r"\s", "", path[-1]) for path in paths if path}
    coded = sum(1 for row in grid[nheader:] for c in row[:3] if c is not None and _CODE.match(_text(c)))
    if all(any(p.search(leaf) for leaf in leaves) for p in tk["expense_columns"]) and coded >= 2 \
            and not fiscal_seen and not any(w in header for w in tk["fiscal_header"]):
        return next((k, s, c) for k, s, c, _ in table_knowledge().kinds if k == "expense")
    return None, None, None


def _continue(out: list[ParsedTable], blocks: list[Block], i: int, title: str, grid: Grid,
              origin: list[list[bool]], nheader: int, paths: list[tuple[str, ...]]) -> bool:
    """Add the block to the table(s) it continues (the sides of the last printed table); False when it
    is a table of its own."""
    if not out:
        return False
    group = [t for t in out if t.group == out[-1].group]
    prev = group[0]
    if not _adjacent(blocks, prev.blocks[-1], i):
        return False
    width = len(grid[0])
    prev_width = max(t.side[1] for t in group)
    if width != prev_width:
        return False
    same_title = bool(title) and clean_text(title) == clean_text(prev.title)
    prev_paths = tuple(p for t in group for _, p in sorted((c, col.path) for c, col in t.columns.items()))
    # The header repeated on the new page; the old one may have taken a first row into it (项目 over 收入).
    repeated = len(paths) == len(prev_paths) and all(p and p == q[:len(p)] for p, q in zip(paths, prev_paths, strict=True))
    if nheader and repeated and (same_title or not title):
        first = nheader  # the header repeated on the new page
    elif not title and (not nheader or _labels_only(grid[:nheader])
                        or all(_fragment([c for c in row if c is not None]) for row in grid[:nheader])):
        first = 0  # no header (rows of labels without amounts read as one are rows: 结余分配 | …)
        # Without a header of its own the rows must fit the previous table's columns.
        for row, orig in zip(grid, origin, strict=True):
            for c, cell in enumerate(row):
                if cell is None or not orig[c] or not _text(cell):
                    continue
                role = next(t.columns[c].role for t in group if t.side[0] <= c < t.side[1])
                if parse_number(_text(cell)) is not None and role not in ("amount", "code", "rownum", "ident") \
                        and not _CODE_PART.match(_text(cell)):
                    return False
    else:
        return False
    rows_by_side = []
    for t in group:
        rows = _rows(grid, origin, first, t.columns, t.side, len(t.blocks))
        rows_by_side.append(rows)
    opening = rows_by_side[0][0] if rows_by_side and rows_by_side[0] else None
    if opening is not None and opening.is_total:
        # The 合计 row repeated under a repeated header continues the table; a 合计 row of other
        # amounts opens a new table (another unit's table of the same title). Another total (收入总计
        # after 本年收入合计, a stacked 收支总表 cut after its income rows) goes on with the table.
        prev_total = next((r for r in prev.rows if r.is_total and clean_text(r.name) == clean_text(opening.name)),
                          None)
        if prev_total is None and not any(r.is_total for r in prev.rows):
            return False
        if prev_total is not None and _amounts(prev_total) != _amounts(opening):
            return False
        rows_by_side = [[r for r in rows if not (r.is_total and _amounts(r) == _amounts(prev_total))]
                        for rows in rows_by_side]
    for t, rows in zip(group, rows_by_side, strict=True):
        t.rows.extend(rows)
        t.blocks.append(blocks[i])
    return True


_ROW_NUMBER = re.compile(r"\d{1,3}")


def _labels_only(rows: Grid) -> bool:
    """Header rows that are quantity labels (使用非财政拨款结余 | 结余分配), with their 行次 numbers
    (十五、商业服务业等支出 | 24): rows of a continued table."""
    return _are_labels([t for row in rows for c in _unique(row) if (t := _text(c)) and not _ROW_NUMBER.fullmatch(t)])


def _are_labels(texts: list[str]) -> bool:
    """Texts that are row labels: quantities (结余分配) or 功能分类 类 (十六、金融支出)."""
    bare = [_pattern("label_numbering").sub("", t) for t in texts]
    classes = table_knowledge().classes
    return bool(bare) and all(match_quantity(clean_label(t)) is not None or re.sub(r"\s", "", t) in classes
                              for t in bare)


def _fragment(row: list[Cell]) -> bool:
    """A row of one short text away from the first column that names no table and reads like no title
    (务支出: the end of a cell wrapped over the page break): a row of a continued table, not its title."""
    filled = [i for i, c in enumerate(row) if c.text.strip()]
    if len(filled) != 1 or filled[0] == 0:
        return False
    text = clean_text(row[filled[0]].text)
    return len(text) <= 8 and parse_number(text) is None and classify_title(text)[0] is None \
        and not _pattern("title_like").search(text) and _header_role((text,)) is None


def _row_label(text: str) -> bool:
    """A numbered row label (十六、金融支出) that names no table: the first row of a table continued from
    the page before, not its title."""
    if not _pattern("label_numbering").match(text) or classify_title(text)[0] is not None:
        return False
    return _are_labels([text])


def _amounts(row: Row) -> list[Decimal]:
    return [v.value for _, v in sorted(row.values.items())]


def _adjacent(blocks: list[Block], prev: Block, i: int) -> bool:
    """The table block at i follows `prev` with nothing but its title, caption or unit line between."""
    try:
        j = next(k for k in range(i - 1, -1, -1) if blocks[k] is prev)
    except StopIteration:
        return False
    between = [b for b in blocks[j + 1:i] if b.text.strip()]
    return len(between) <= 4 and not any(b.kind == "table" for b in between) \
        and all(len(clean_text(b.text)) <= 60 for b in between)




def _title_and_body(blocks: list[Block], i: int) -> tuple[str, list[list[Cell]]]:
    rows = blocks[i].rows
    while len(rows) > 1 and not any(c.text.strip() for c in rows[0]):
        rows = rows[1:]  # an empty ruled row above the title (Beijing's 预算01表 …): no part of the table
    first = [c for c in rows[0] if c.text.strip()]
    if len(first) == 1 and parse_number(first[0].text) is None and len(rows) > 1 and not _heading_over(first[0], rows):
        # A title cell often holds "收支预算总表部门：…单位：万元" and sometimes the whole table's
        # text besides: the title is what comes before 部门/单位, the unit is read from the rest.
        text = clean_text(first[0].text)
        if (_header_role((text,)) is None or classify_title(text)[0] is not None) and not _row_label(text) \
                and not _fragment(rows[0]):
            m = _pattern("title_end").search(text)
            unit = _pattern("unit").search(text)
            title = text[: m.start()] if m else text[:40]
            if classify_title(title)[0] is None:  # a caption row that is not the title: look above too
                above = _title_above(blocks, i)
                if above:
                    title = f"{above} {title}"
            body = rows[1:]
            # A second title line under the first (公开02表 / 收入总表): the table's name.
            while body and (second := _title_row(body[0])) and classify_title(title)[0] is None:
                title, body = f"{title} {second}", body[1:]
            # "部门：… 单位：万元" rows under the title are captions, not header
            body, caption_unit = _without_captions(body)
            unit = unit or caption_unit
            return title + (f" 单位:{unit.group(1)}" if unit else ""), body
    above = _title_above(blocks, i)
    body, unit = _without_captions(rows)
    title = above + " " + _context(blocks, i) if above else ""
    return title + (f" 单位:{unit.group(1)}" if unit and not _pattern("unit").search(title) else ""), body


def _heading_over(cell: Cell, rows: list[list[Cell]]) -> bool:
    """A lone cell atop a table that heads the columns under it ("基本支出" over 人员经费 | 公用经费, a table
    set without rules): it spans two columns or more but not all, names no table, and a row of the two
    below has two headings or more under it. (A title spans the table, or stands in its first cell.)"""
    text = clean_text(cell.text)
    ncols = sum(c.colspan for c in rows[0])
    if cell.colspan < 2 or cell.colspan >= ncols or "表" in text or len(text) > 10:
        return False
    return any(sum(1 for c in row if c.text.strip() and cell.col <= c.col < cell.col + cell.colspan) >= 2
               for row in rows[1:3])


def _without_captions(body: list[list[Cell]]) -> tuple[list[list[Cell]], re.Match[str] | None]:
    """The rows after the caption rows over a table's header ("编制单位：… | 单位：元"), and the unit the
    first caption that names one gives."""
    unit = None
    while body and _is_caption_row(body[0]):
        unit = unit or _pattern("unit").search(" ".join(clean_text(c.text) for c in body[0]))
        body = body[1:]
    return body, unit


def _title_row(row: list[Cell]) -> str | None:
    """The text of a row of one cell that names a standard table (收入总表), else None."""
    cells = [c for c in row if c.text.strip()]
    if len(cells) != 1:
        return None
    text = clean_text(cells[0].text)
    return text if classify_title(text)[0] is not None and len(text) < 40 else None


def _is_caption_row(row: list[Cell]) -> bool:
    text = " ".join(clean_text(c.text) for c in row if c.text.strip())
    return bool(_pattern("title_end").search(text)) and parse_number(text) is None and len(text) < 80


def _title_above(blocks: list[Block], i: int) -> str:
    """The nearest of the three blocks above a table that reads like a table title."""
    for j in range(i - 1, max(i - 4, -1), -1):
        b = blocks[j]
        if b.kind == "table":
            break
        text = clean_text(b.text)
        if _pattern("title_like").search(text) or classify_title(text)[0] and len(text) < 40:
            return text
    return ""


def _header_line_above(blocks: list[Block], i: int, ncols: int) -> list[Cell] | None:
    """A table of data rows only whose header the page before printed as a line of its own ("项目 2020年预算数
    2021年预算数" at the foot of a page, too short to be read as a table): that line, one word per column,
    when it has a word for every column, numbers none, and names a period over the figures."""
    prev = blocks[i - 1] if i else None
    if prev is None or prev.kind != "paragraph":
        return None
    words = clean_text(prev.text).split()
    if len(words) != ncols or ncols < 2 or any(parse_number(w) is not None for w in words):
        return None
    if not all(_totals_knowledge()["period_row"].match(w) for w in words[1:]):
        return None
    return [Cell(w, 0, c, prev.loc) for c, w in enumerate(words, start=1)]


def _context(blocks: list[Block], i: int) -> str:
    return " ".join(clean_text(b.text) for b in blocks[max(0, i - 2):i] if b.kind != "table")


# --------------------------------------------------------------------------------------------- facts

def _text_key(path: list[str]) -> str:
    """The key the text gives a 功能分类 item by its names (extract/facts.func_key: 支出 dropped at every level,
    住房改革支出（款） is 住房改革)."""
    return "func." + "/".join(_pattern("class_suffix").sub("", p) for p in path)


def table_facts(tables: list[ParsedTable]) -> list[Fact]:
    """Classification rows as func.<code> / econ.<code> (and the text's name-path key for 功能分类),
    label/amount pairs of summary tables as the standard keys."""
    facts: list[Fact] = []
    for t in tables:
        start = len(facts)
        counts: dict[str, int] = {}
        for row in t.rows:
            if row.code:
                counts[row.code] = counts.get(row.code, 0) + 1
        # Every coded row's name, a 类 printed after its 款 and 项 (its 小计 row) too.
        names = {row.code: row.name for row in t.rows if row.code and row.values and counts[row.code] == 1}
        parent: str | None = None  # the key of the last top-level (一、) label row, when it names one
        above: str | None = None  # the key of the last label row outside a 其中 list
        sub_of: str | None = None  # the key of the row a 其中 list under it itemises
        for row in t.rows:
            style = numbering_style(row.name)  # row.name is already normalised text
            if style == "han":
                found = match_quantity(_pattern("label_numbering").sub("", row.name))
                parent = found.key if found else None
            elif style is None:
                parent = None
            found = None if row.code else match_quantity(clean_label(_pattern("label_numbering").sub("", row.name)))
            if _pattern("subpart_header").match(row.name):
                sub_of = above
            elif style is not None or row.is_total or row.code or (found and _ends_sub_list(found.key)):
                sub_of = None  # 收入总计 after 其中：一般公共预算财政拨款 / 政府性基金预算财政拨款
            if sub_of is None and not row.code:
                above = found.key if found else None
            if sub_of is not None and sub_of.split(".")[-1].startswith("carryover"):
                continue  # 年初结转和结余 / 其中：一般公共预算财政拨款: the carry-over's part, not the income
            if row.code and counts[row.code] > 1:
                continue  # an item split over rows (by a second code column): no one row states it
            if row.code and row.values and t.classification:
                v = row_figure(t, row)
                if v is None:
                    continue
                prefix = t.classification
                scope = f"{t.scope}." if t.scope else ""
                keys = [f"{scope}{prefix}.{row.code}"]
                if prefix == "func":
                    path = [names.get(row.code[:n], "") for n in (3, 5, 7) if n <= len(row.code)]
                    if all(path):
                        keys.append(scope + _text_key(path))
                elif prefix == "econ" and (bare := re.sub(r"\s", "", row.name)) in knowledge().econ_items:
                    keys.append(f"{scope}econ.{bare}")  # the name the text gives the item (退休费)
                for key in keys:
                    facts.append(_fact(t, key, v))
            elif not row.code and t.type is not None and t.type not in _totals_knowledge()["item_tables"]:
                # Label/amount pairs only in a table recognised by its title: the same words in an
                # untitled list (a procurement list's 公务接待费 line) are not the standard quantity.
                if style == "paren-han" and parent and parent.split(".")[-1] != "current_year":
                    continue  # (一)一般公共预算拨款 under 二、上年结转: the carry-over's part, not the income
                facts.extend(_pair_facts(t, row))
        if t.type in ("summary", "fiscal_summary"):
            facts[start:] = _second_sum_is_grand_total(t, facts[start:])
        facts.extend(_total_row_facts(t, {f.key for f in facts[start:]}))
        t.facts = facts[start:]
    return facts


def _ends_sub_list(key: str) -> bool:
    """A row of a total or a carry-over is no item of the 其中 list above it."""
    last = key.split(".")[-1]
    return last in ("total", "current_year") or last.startswith("carryover")


def _second_sum_is_grand_total(t: ParsedTable, facts: list[Fact]) -> list[Fact]:
    """本年收入合计 … 上年结转结余 … 收入合计: in a 收支总表 the second 收入合计 below 本年收入合计 is the
    grand total (收入总计), when the table prints none by that name."""
    pairs = _totals_knowledge()["grand_total_after"]
    keys = {f.key for f in facts}
    seen: set[str] = set()
    out = []
    for f in facts:
        scope, base = (f.key.split(".", 1) if t.scope and f.key.startswith(t.scope + ".") else ("", f.key))
        total = f"{scope}.{pairs[base]}" if scope and base in pairs else pairs.get(base)
        if f.key in seen and total and total not in keys:
            f = Fact(total, f.value_yuan, f.stated, f.loc, f.section, f.decimals, f.unit)
        seen.add(f.key)
        out.append(f)
    return out


def _total_row_facts(t: ParsedTable, stated: set[str]) -> list[Fact]:
    """The figures of a standard table's grand-total row, keyed by their columns' headers: the 合计 row
    of a 支出总表 states 本年支出合计 | 基本支出 | 项目支出; of a 三公 table the 三公 total and its parts.
    A 收支总表 side whose last row is a bare 合计/总计 states that side's grand total. Keys the table's
    label/amount pairs stated already are left to them."""
    if t.type in ("summary", "fiscal_summary"):
        return _side_total(t, stated)
    row = _grand_total_row(t)
    return _row_facts(t, row, stated) if row is not None else []


def unit_row_facts(t: ParsedTable) -> list[tuple[str, list[Fact]]]:
    """The rows of a standard table that state one budget unit's figures under the department's 合计 (单位名称 |
    合计 | 基本支出 …: "XX局本级", "XX市XX中心"), each with its figures keyed as the total row's are: the unit's
    name and its facts."""
    total = _grand_total_row(t) if t.type not in ("summary", "fiscal_summary") else None
    if total is None:
        return []
    org = re.compile(f"(?:{org_pattern()})(?:\\(?本级\\)?)?$|^本级$")
    out = []
    for row in t.rows:
        if row is total or row.code or not row.values or not org.search(row.name):
            continue
        facts = _row_facts(t, row, set())
        if facts:
            out.append((row.name, facts))
    return out


def _row_facts(t: ParsedTable, row: Row, stated: set[str]) -> list[Fact]:
    """A row's figures keyed by their columns' headers, as the table's type names them (tables.yaml
    totals.by_type): [] for a table of no such type."""
    tk = _totals_knowledge()
    spec = tk["by_type"].get(t.type or "")
    if spec is None:
        return []
    amount_cols = [c for c in sorted(t.columns) if t.columns[c].role == "amount"]
    common = _common_prefix([t.columns[c].path for c in amount_cols])
    total = spec["total"]
    for part, whole in (spec.get("total_with") or {}).items():
        if any(_column_key(t.columns[c].path[len(common):], total) == part for c in amount_cols):
            total = whole
    allowed = {total, *spec["keys"]}
    chosen: dict[str, tuple[int, int]] = {}  # key -> (column, preference)
    dropped: set[str] = set()
    # Column groups of periods (预算数 › 合计 | 因公出国费 … beside 决算数 › 合计 | 因公出国费 …): only the
    # report's group states its figures, though a header it prints worse leaves one of its columns unknown.
    groups = {c: _period_rank(t.columns[c].path[:-1]) for c in amount_cols if len(t.columns[c].path) > 1}
    best_group = max((g for g in groups.values() if g is not None), default=None)
    for c in amount_cols:
        path = t.columns[c].path
        key = _column_key(path[len(common):], total)
        if key is None or key not in allowed:
            continue
        rank = _period_rank(path)
        if rank is None:
            continue
        if c in groups and best_group is not None and (groups[c] or 0) < best_group:
            continue
        if key in chosen and chosen[key][1] == rank:
            dropped.add(key)  # two columns alike: which is the figure is not known
        elif key not in chosen or rank > chosen[key][1]:
            chosen[key] = (c, rank)
    out = []
    for key, (c, _) in chosen.items():
        full = f"{t.scope}.{key}" if t.scope and knowledge().scoped(key) else key
        if key in dropped or full in stated:
            continue
        value = row.values.get(c) or _blank_zero(t, row, c)
        if value is not None:  # an empty 决算数 cell is never replaced by the 预算数 beside it
            out.append(_fact(t, full, value))
    return out


def _blank_zero(t: ParsedTable, row: Row, c: int) -> Value | None:
    """A column left blank in every row of the table, beside figures in the total row, states 0 (a
    table prints nothing for a quantity the department does not have: 机关运行经费 of a unit with none).
    A blank total cell under figures in the item rows is no figure."""
    if any(c in r.values for r in t.rows) or not row.values:
        return None
    cell = row.by_col.get(c)
    if cell is None:
        return None
    decimals = max(v.decimals for v in row.values.values())
    return Value(Decimal(0), decimals, cell)


def _grand_total_row(t: ParsedTable) -> Row | None:
    """The first 合计/总计 row; in a table of one figure row (a 三公 table of one line), that row."""
    total = next((r for r in t.rows if r.is_total and r.values), None)
    if total is not None:
        return total
    valued = [r for r in t.rows if r.values]
    if len(valued) == 1 and not valued[0].code and not valued[0].name:
        return valued[0]
    # Rows of periods (预算数 | 决算数; 2021年预算数 | 2020年预算数): the report's, when one ranks first.
    period = _totals_knowledge()["period_row"]
    if len(valued) < 2 or not all(period.match(re.sub(r"\s", "", r.name)) and not r.code for r in valued):
        return None
    ranked = sorted(((rank, i) for i, r in enumerate(valued) if (rank := _period_rank((r.name,))) is not None),
                    reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] == ranked[1][0]):
        return None
    return valued[ranked[0][1]]


def _common_prefix(paths: list[tuple[str, ...]]) -> tuple[str, ...]:
    if len(paths) < 2:
        return paths[0] if paths else ()
    out: list[str] = []
    for level in zip(*paths, strict=False):
        if len(set(level)) != 1:
            break
        out.append(level[0])
    return tuple(out)


def _column_key(path: tuple[str, ...], total: str) -> str | None:
    """The quantity a column of a grand-total row states: the lowest header that names one (基本支出 ›
    人员经费 -> 人员经费), past headers that only say 合计/小计/预算数; none at all: the table's total."""
    tk = _totals_knowledge()
    for h in reversed(path):
        bare = re.sub(r"\s", "", h)
        label = clean_label(bare)
        if _pattern("unit").search(bare) or _pattern("title_end").search(bare):
            continue  # a caption row inside the header (部门：… 单位：万元)
        if not label or any(p.search(x) for p in tk["generic"] for x in (bare, label)):
            continue
        found = match_quantity(label) or match_quantity(split_role(label)[1])
        return found.key if found else None
    return total


def _period_rank(path: tuple[str, ...]) -> int | None:
    """How surely a column is the report's figure among columns of one quantity: the later year, the
    决算 column; a 上年 column never (None)."""
    tk = _totals_knowledge()
    text = "".join(path)
    if any(w in text for w in tk["avoid"]):
        return None
    return _year_of(path) * 10 + sum(1 for w in tk["prefer"] if w in text)


def _year_of(path: tuple[str, ...]) -> int:
    """The latest year a column's header names (2024年预算数: 2024), 0 when none."""
    return max((int(y) for y in _totals_knowledge()["year"].findall("".join(path))), default=0)


def _side_total(t: ParsedTable, stated: set[str]) -> list[Fact]:
    """收入 | 支出 side of a 收支总表 whose grand total is a bare 合计/总计 as its last row."""
    valued = [r for r in t.rows if r.values]
    totals = [r for r in valued if r.is_total]
    # One bare total, printed under the last item or over the first (a 合计 row at the top).
    if len(totals) != 1 or totals[0] not in (valued[0], valued[-1]):
        return []
    root = next((c.path[0] for c in t.columns.values() if c.role == "name" and c.path), "")
    keys = [k for k, word in _totals_knowledge()["sides"].items() if word in root]
    if len(keys) != 1:
        return []
    key = f"{t.scope}.{keys[0]}" if t.scope else keys[0]
    if key in stated:
        return []
    row = totals[0]
    return [_fact(t, key, row.values[min(row.values)])]


def class_code(row: Row) -> str | None:
    """The 类 a row is, by its 3-digit code or, with no code, by its name (一、一般公共服务支出)."""
    if row.code:
        return row.code if len(row.code) == 3 else None
    return table_knowledge().classes.get(bare_label(row.name))


def bare_label(name: str) -> str:
    """A row's name without its numbering and spaces (一、一般公共服务支出 -> 一般公共服务支出)."""
    return re.sub(r"\s", "", _pattern("label_numbering").sub("", name))


def row_stating(tables: list[ParsedTable], loc: object) -> tuple[ParsedTable, Row] | None:
    """The table and row whose cell is at `loc` (where a fact read from a table was printed)."""
    for t in tables:
        for row in t.rows:
            if any(v.cell.loc == loc for v in row.values.values()):
                return t, row
    return None


def row_figure(t: ParsedTable, row: Row) -> Value | None:
    """A classified row's figure: its total column, of the report's period where the table prints several
    (年初预算数 | 决算数合计 | 基本支出 …: the 决算; 2025年预算数 | 2026年预算数: 2026). A table of income and
    expense by 功能分类 (政府性基金收入支出决算表: 年初结转 | 本年收入 | 本年支出 小计 …) states the item's 支出.
    None when that column is blank in the row (a blank is no figure: not the row's 年初预算数 beside it)."""
    cells = [(col, row.values[col]) for col in _expense_side(t, sorted(row.values))]
    totals = [(col, v) for col, v in cells if _total_like(t, col)]
    if not totals:
        return cells[0][1]
    figure = _of_period(t, totals)
    every = _expense_side(t, [col for col, c in t.columns.items() if c.role == "amount" and _total_like(t, col)])
    return None if _report_figure_blank(t, row, every) else figure


def _expense_side(t: ParsedTable, cols: list[int]) -> list[int]:
    """Of columns of income and expense (年初结转 | 本年收入 | 本年支出 …), the expense ones; else all."""
    if any("收入" in p for col in cols for p in t.columns[col].path):
        return [col for col in cols if any("支出" in p for p in t.columns[col].path)] or cols
    return cols


def _total_like(t: ParsedTable, col: int) -> bool:
    return any(w in p for w in ("合计", "小计", "金额", "预算数", "决算数", "总计") for p in t.columns[col].path)


def _of_period(t: ParsedTable, found: list[tuple[int, Value]]) -> Value:
    """Of the columns one figure is printed in for several periods, the report's (_period_rank): the first
    of those ranked highest (2026年预算数 › 合计 before its 基本支出), never a 上年 column unless all are."""
    col = _report_column(t, [col for col, _ in found])
    return next(v for c, v in found if c == col)


def _report_column(t: ParsedTable, cols: list[int]) -> int:
    """Of columns that print one figure for several periods, the report's (see _of_period)."""
    ranked = [(rank, col) for col, rank in _period_ranks(t, cols).items() if rank is not None]
    if not ranked:
        return cols[0]
    best = max(r for r, _ in ranked)
    return next(col for r, col in ranked if r == best)


def _period_ranks(t: ParsedTable, cols: list[int]) -> dict[int, int | None]:
    """Each column's _period_rank among `cols`, by the header words it does not share with the others."""
    # Header cells over all of them (the table's title row, "…支出决算表" spanning the width) say nothing of
    # any one column's period.
    shared = set.intersection(*(set(t.columns[col].path) for col in cols)) if cols else set()
    final = "决算" in t.title

    def rank_of(col: int) -> int | None:
        path = tuple(p for p in t.columns[col].path if p not in shared)
        rank = _period_rank(path)
        # A final's table prints the 年初预算数 beside its 合计 (年初预算数 | 合计 | 基本支出 | 项目支出): the 合计 is the
        # 决算, the budget column never the row's figure.
        if rank is not None and final and any("预算" in p for p in path) and not any("决算" in p for p in path):
            rank -= 1
        return rank

    return {col: rank_of(col) for col in cols}


def _report_figure_blank(t: ParsedTable, row: Row, cols: list[int]) -> bool:
    """Is the column of the report's period, ranked above every printed one, blank in this row (因公出国（境）费 |
    上年决算数 | 全年预算数 0.11 | 决算数 blank)? Columns no header tells apart (a PDF's split cells) are not."""
    ranks = _period_ranks(t, cols)
    printed = [r for col, r in ranks.items() if col in row.values and r is not None]
    blank = [r for col, r in ranks.items() if col not in row.values and r is not None]
    return bool(printed) and bool(blank) and max(blank) > max(printed)


def _pair_facts(t: ParsedTable, row: Row) -> list[Fact]:
    """A label cell followed by an amount: 本年收入合计 | 1,668.14 (a 行次 cell between is skipped)."""
    out = []
    cells = row.cells
    skipped = _skipped(row)
    for i, c in enumerate(cells):
        # Labels spaced out to fill their cell (收 入 总 计) are one word.
        label = re.sub(r"\s", "", _pattern("label_numbering").sub("", clean_text(c.text)))
        if not label or parse_number(label) is not None:
            continue
        # A "-" in the first column (上年结转 | - | 58.25) is no figure of the label's: the next one is.
        nxt = next((x for x in cells[i + 1:] if clean_text(x.text) and x not in skipped
                    and not _pattern("nil_cell").match(clean_text(x.text))), None)
        v = next((v for v in row.values.values() if v.cell is nxt), None)
        if nxt is None or v is None:
            continue
        # The label's amounts (up to the next label): one figure for several periods (上年预算数 | 本年预算数), never
        # the change between them (增减额).
        run = [(col, x) for col, x in _amount_run(t, row, cells, cells.index(nxt), skipped) if not _change_column(t, col)]
        if run and all(_other_period_only(t, col) for col, _ in run):
            continue  # 公务用车购置费 | — or blank (本年) | 11.71 (上年): the report's figure is not printed
        span = [col for col in _run_columns(t, row, cells[i + 1:], skipped) if not _change_column(t, col)]
        if len(span) > 1 and _report_figure_blank(t, row, span):
            continue  # 因公出国（境）费 | 上年 | 全年预算数 0.11 | 决算数 blank: the report's figure is not printed
        if len(run) > 1:
            v = _of_period(t, run)
        elif run:
            v = run[0][1]
        else:
            continue
        found = match_quantity(label)
        if found is None:
            continue
        key = found.key
        if found.scoped and t.scope and not key.startswith(t.scope + "."):
            key = f"{t.scope}.{key}"
        out.append(_fact(t, key, v))
        for extra in found.also:
            out.append(_fact(t, f"{t.scope}.{extra}" if found.scoped and t.scope else extra, v))
    return out


def _other_period_only(t: ParsedTable, col: int) -> bool:
    """Is `col` a 上年 column of a table that has a column of the report's period (上年预算数 | 本年预算数), or a
    column of an earlier year than another's (2023年预算数 beside 2024年预算数)?"""
    def rank(c: int) -> int | None:
        return _period_rank(t.columns[c].path)

    others = [c for c, column in t.columns.items() if c != col and column.role == "amount"]
    if rank(col) is None:
        return any(rank(c) is not None for c in others)
    year = _year_of(t.columns[col].path)
    return year > 0 and any(_year_of(t.columns[c].path) > year for c in others)


def _amount_run(t: ParsedTable, row: Row, cells: list[Cell], start: int, skipped: list[Cell]) -> list[tuple[int, Value]]:
    """The amount cells from cells[start] to the next cell that is not one, with their columns."""
    by_cell = {id(v.cell): (col, v) for col, v in row.values.items()}
    out = []
    for c in cells[start:]:
        if c in skipped:
            continue
        if id(c) not in by_cell:
            break
        out.append(by_cell[id(c)])
    return out


def last_year_figure(t: ParsedTable, row: Row, col: int, *, year: int | None) -> tuple[Value, Column] | None:
    """Last year's figure of the row's cell in column `col`, and its column: the cell under the table's one heading
    of last year (上年决算数, 上年预算数, or 2024年决算数 in a 2025 account) whose headers below it are the ones `col`
    has (2025年预算数 › 因公出国（境）费 for 2026年预算数 › 因公出国（境）费), else the heading's one column (上年决算数
    for 本年决算数). None when the table has no such heading or two (上年预算数 | 上年执行数), no column matches, or
    the row leaves it blank."""
    tk = _totals_knowledge()

    def below(c: Column) -> tuple[str, ...] | None:
        """The headers under a column's 上年 heading, None when it has none."""
        for i, p in enumerate(c.path):
            p = re.sub(r"\s", "", p)
            if tk["last_year"].search(p) or year is not None and tk["dated_figure"].search(p) \
                    and _year_of((p,)) == year - 1:
                return c.path[i + 1:]
        return None

    cols = {i: sub for i, c in t.columns.items() if c.role == "amount" and not _change_column(t, i)
            and (sub := below(c)) is not None}
    if not cols:
        return _last_year_row(t, row, col, year)
    if col in cols or len({t.columns[i].path[:len(t.columns[i].path) - len(sub)] for i, sub in cols.items()}) != 1:
        return None
    own = t.columns[col].path
    same = [i for i, sub in cols.items() if sub and own[-len(sub):] == sub] or [i for i, sub in cols.items() if not sub]
    v = row.values.get(same[0]) if len(same) == 1 else None
    return (v, t.columns[same[0]]) if v is not None else None


def _last_year_row(t: ParsedTable, row: Row, col: int, year: int | None) -> tuple[Value, Column] | None:
    """In a table whose rows are periods (a 三公 table of 2026年预算数 | 2025年预算数 rows under 合计 | 因公出国（境）费
    …), last year's figure of a cell of this year's row: the same column's cell of the one row of last year. None
    unless the cell's row names this year (or the report's period, 本年预算数) and exactly one row names the last."""
    tk = _totals_knowledge()

    def period(r: Row) -> int | None:
        """0 for a row of this year's figure, -1 for last year's, None for any other row."""
        name = re.sub(r"\s", "", r.name)
        if r.code or not tk["period_row"].match(name):
            return None
        if tk["last_year"].search(name):
            return -1
        named = _year_of((name,))
        if not named:
            return 0 if name.startswith("本年") else None
        return named - year if year is not None and named in (year, year - 1) else None

    if period(row) != 0:
        return None
    prev = [r for r in t.rows if r is not row and period(r) == -1]
    v = prev[0].values.get(col) if len(prev) == 1 else None
    return (v, Column(col, (prev[0].name.strip(),), "amount")) if v is not None else None


def change_column(t: ParsedTable) -> int | None:
    """The table's one column of the change between the periods in amounts (增减额; not its rate), None when none
    or several."""
    cols = [col for col, c in t.columns.items() if c.role == "amount" and _change_column(t, col)
            and not _totals_knowledge()["rate_header"].search("".join(c.path))]
    return cols[0] if len(cols) == 1 else None


def rate_column(t: ParsedTable) -> int | None:
    """The table's one column of the change between the periods in percent (增减率(%), 增长率), None when none or
    several."""
    tk = _totals_knowledge()
    cols = [col for col, c in t.columns.items() if c.role in ("rate", "amount")
            and tk["rate_header"].search(path := "".join(c.path)) and tk["change_rate"].search(path)]
    return cols[0] if len(cols) == 1 else None


def report_column(t: ParsedTable, row: Row) -> int | None:
    """The column of the row's figure (row_figure's), None when the row states none."""
    v = row_figure(t, row) if row.values else None
    return next((col for col, x in row.values.items() if x is v), None) if v is not None else None


def _change_column(t: ParsedTable, col: int) -> bool:
    """Is the column the change between two periods (增减额), never a figure of either?"""
    return _totals_knowledge()["change"].search("".join(t.columns[col].path)) is not None


def _run_columns(t: ParsedTable, row: Row, cells: list[Cell], skipped: list[Cell]) -> list[int]:
    """The amount columns of the cells after a label up to the next label, blank cells too (a figure not printed)."""
    col_of = {id(c): col for col, c in row.by_col.items()}
    out = []
    for c in cells:
        col = col_of.get(id(c))
        if c in skipped or col is None:
            continue
        if t.columns[col].role != "amount" or (col not in row.values and clean_text(c.text)
                                               and not _pattern("nil_cell").match(clean_text(c.text))):
            break
        out.append(col)
    return out


def _skipped(row: Row) -> list[Cell]:
    """Cells of a row that sit between a label and its amount without being either (行次)."""
    amounts = {id(v.cell) for v in row.values.values()}
    return [c for c in row.cells if clean_text(c.text).isdigit() and id(c) not in amounts]


def _fact(t: ParsedTable, key: str, v: Value) -> Fact:
    text = clean_text(v.cell.text) if v.value or parse_number(v.cell.text) is not None else "0"
    return Fact(key=key, value_yuan=v.value * t.scale, stated=f"{text}{t.unit}",
                loc=v.cell.loc, section=f"表：{t.title[:40]}" if t.title else "表", decimals=v.decimals, unit=t.unit)
