"""Tables: recognise the standard tables by their titles, read their header rows, classification
rows (科目编码 + 名称 + amounts) and label/amount pairs, and turn them into facts located by cell.

Works on every reader's table blocks (PDF, HTML, DOCX, XLSX). A table without a title of its own
that has the same columns as the table before it is its continuation (tables run over pages).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from functools import lru_cache

from ..interval import Interval
from ..knowledge import _yaml
from ..model import Block, Cell, Fact, Location
from ..normalize import normalize
from .keys import match_quantity

_NUMBER = re.compile(r"^-?\d+(\.\d+)?$")
_CODE = re.compile(r"^\d{2,7}$")
_UNIT = re.compile(r"单位\s*[:：]\s*(万元|元)")
_NUMBERING = re.compile(r"^\s*([一二三四五六七八九十]+[、.]|\d+\s*[.、]|[(（][一二三四五六七八九十\d]+[)）])\s*")
_SCALE = {"万元": Decimal(10000), "元": Decimal(1)}


@lru_cache(maxsize=1)
def _kinds() -> tuple[list[tuple[str, str | None, str | None, list[re.Pattern[str]]]], set[str], set[str]]:
    data = _yaml("tables.yaml")
    kinds = [(t["type"], t.get("scope"), t.get("classification"), [re.compile(p) for p in t["patterns"]])
             for t in data["tables"]]
    return kinds, set(data["row_total_headers"]), set(data["row_part_headers"])


@dataclass
class Value:
    value: Decimal
    decimals: int
    cell: Cell

    @property
    def interval(self) -> Interval:
        return Interval.stated(self.value, self.decimals)


@dataclass
class Row:
    index: int
    code: str | None
    name: str
    values: dict[int, Value]  # column -> amount
    cells: list[Cell]


@dataclass
class ParsedTable:
    title: str
    type: str | None
    scope: str | None
    classification: str | None
    unit: str
    headers: dict[int, str]
    rows: list[Row] = field(default_factory=list)
    blocks: list[Block] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)  # filled by table_facts()

    @property
    def scale(self) -> Decimal:
        return _SCALE[self.unit]

    @property
    def ncols(self) -> int:
        return max((len(r.cells) for r in self.rows), default=len(self.headers))


def _clean(text: str) -> str:
    return normalize(text.replace("\n", "")).text.strip()


def _number(text: str) -> tuple[Decimal, int] | None:
    t = _clean(text).replace(",", "")
    if not _NUMBER.match(t):
        return None
    return Decimal(t), len(t.split(".")[1]) if "." in t else 0


def classify_title(title: str) -> tuple[str | None, str | None, str | None]:
    for kind, scope, classification, patterns in _kinds()[0]:
        if any(p.search(title) for p in patterns):
            return kind, scope, classification
    return None, None, None


def parse_tables(blocks: list[Block], default_unit: str | None) -> list[ParsedTable]:
    out: list[ParsedTable] = []
    for i, block in enumerate(blocks):
        if block.kind != "table" or not block.rows:
            continue
        title, body = _title_and_body(blocks, i)
        if not title and out and out[-1].blocks and len(body[0]) == len(out[-1].blocks[-1].rows[-1]):
            prev = out[-1]  # a continuation: same columns, no title of its own
            header_rows, data_rows = _split_header(body)
            prev.rows.extend(_rows(data_rows))
            prev.blocks.append(block)
            continue
        header_rows, data_rows = _split_header(body)
        header_text = " ".join(_clean(c.text) for row in header_rows for c in row)
        unit_m = _UNIT.search(title) or _UNIT.search(header_text) or _UNIT.search(_context(blocks, i))
        unit = unit_m.group(1) if unit_m else (default_unit or "万元")
        kind, scope, classification = classify_title(title)
        headers = _headers(header_rows)
        if classification is None and any("经济分类" in h for h in headers.values()):
            classification = "econ"
        t = ParsedTable(title, kind, scope, classification, unit, headers, _rows(data_rows), [block])
        out.append(t)
    return out


_TITLE_END = re.compile(r"(编制)?(部\s*门|单\s*位)(名称)?\s*[:：]")


def _title_and_body(blocks: list[Block], i: int) -> tuple[str, list[list[Cell]]]:
    rows = blocks[i].rows
    first = [c for c in rows[0] if c.text.strip()]
    if len(first) == 1 and _number(first[0].text) is None and len(rows) > 1:
        # A title cell often holds "收支预算总表部门：…单位：万元" and sometimes the whole table's
        # text besides: the title is what comes before 部门/单位, the unit is read from the rest.
        text = _clean(first[0].text)
        m = _TITLE_END.search(text)
        unit = _UNIT.search(text)
        title = text[: m.start()] if m else text[:40]
        if classify_title(title)[0] is None:  # a caption row that is not the title: look above too
            above = _title_above(blocks, i)
            if above:
                title = f"{above} {title}"
        return title + (f" 单位:{unit.group(1)}" if unit else ""), rows[1:]
    above = _title_above(blocks, i)
    return (above + " " + _context(blocks, i) if above else ""), rows


def _title_above(blocks: list[Block], i: int) -> str:
    """The nearest of the three blocks above a table that reads like a table title."""
    for j in range(i - 1, max(i - 4, -1), -1):
        b = blocks[j]
        if b.kind == "table":
            break
        text = _clean(b.text)
        if text.endswith("表") or re.search(r"表\s*(\(|（|$)", text) or classify_title(text)[0] and len(text) < 40:
            return text
    return ""


def _context(blocks: list[Block], i: int) -> str:
    return " ".join(_clean(b.text) for b in blocks[max(0, i - 2):i] if b.kind != "table")


def _split_header(rows: list[list[Cell]]) -> tuple[list[list[Cell]], list[list[Cell]]]:
    for n, row in enumerate(rows):
        if any(_number(c.text) for c in row if not _CODE.match(_clean(c.text)) or "." in c.text):
            return rows[:n], rows[n:]
        if any(_CODE.match(_clean(c.text)) for c in row[:3]) and any(_clean(c.text) for c in row[3:]):
            return rows[:n], rows[n:]
    return rows, []


def _headers(rows: list[list[Cell]]) -> dict[int, str]:
    headers: dict[int, str] = {}
    for row in rows:
        for c in row:
            t = _clean(c.text)
            if t and t not in ("类", "款", "项"):
                headers[c.col] = t  # the lowest header row names the column
    return headers


def _rows(rows: list[list[Cell]]) -> list[Row]:
    out = []
    for row in rows:
        code_parts: list[str] = []
        name = ""
        values: dict[int, Value] = {}
        for c in row:
            t = _clean(c.text)
            if not t:
                continue
            if not name and not values and _CODE.match(t) and "." not in c.text:
                code_parts.append(t)
                continue
            num = _number(t)
            if num is not None:
                values[c.col] = Value(num[0], num[1], c)
            elif not values and not name:
                name = t
            elif not name:
                name = t
        code = "".join(code_parts) or None
        if code is not None and len(code) not in (3, 5, 7):
            code = None
        out.append(Row(row[0].row if row else 0, code, name, values, row))
    return out


def _text_key(path: list[str]) -> str:
    parts = [re.sub(r"支出$", "", path[0]), *path[1:]] if path else []
    return "func." + "/".join(parts)


def table_facts(tables: list[ParsedTable]) -> list[Fact]:
    """Classification rows as func.<code> / econ.<code> (and the text's name-path key for 功能分类),
    label/amount pairs of summary tables as the standard keys."""
    facts: list[Fact] = []
    for t in tables:
        start = len(facts)
        names: dict[str, str] = {}
        for row in t.rows:
            if row.code and row.values and t.classification:
                names[row.code] = row.name
                col, v = _primary(t, row)
                prefix = t.classification
                scope = f"{t.scope}." if t.scope else ""
                keys = [f"{scope}{prefix}.{row.code}"]
                if prefix == "func":
                    path = [names.get(row.code[:n], "") for n in (3, 5, 7) if n <= len(row.code)]
                    if all(path):
                        keys.append(scope + _text_key(path))
                for key in keys:
                    facts.append(_fact(t, key, v))
            elif not row.code:
                facts.extend(_pair_facts(t, row))
        t.facts = facts[start:]
    return facts


def _primary(t: ParsedTable, row: Row) -> tuple[int, Value]:
    for col, v in sorted(row.values.items()):
        h = t.headers.get(col, "")
        if any(w in h for w in ("合计", "金额", "预算数", "决算数", "总计")):
            return col, v
    col = min(row.values)
    return col, row.values[col]


def _pair_facts(t: ParsedTable, row: Row) -> list[Fact]:
    out = []
    cells = row.cells
    for i, c in enumerate(cells):
        label = _NUMBERING.sub("", _clean(c.text))
        if not label or _number(label) is not None:
            continue
        nxt = next((x for x in cells[i + 1:] if _clean(x.text)), None)
        if nxt is None or nxt.col not in row.values:
            continue
        found = match_quantity(label)
        if found is None:
            continue
        key = found.key
        if found.scoped and t.scope and not key.startswith(t.scope + "."):
            key = f"{t.scope}.{key}"
        out.append(_fact(t, key, row.values[nxt.col]))
        for extra in found.also:
            out.append(_fact(t, f"{t.scope}.{extra}" if found.scoped and t.scope else extra, row.values[nxt.col]))
    return out


def _fact(t: ParsedTable, key: str, v: Value) -> Fact:
    loc = v.cell.loc
    return Fact(key=key, value_yuan=v.value * t.scale, stated=f"{_clean(v.cell.text)}{t.unit}",
                loc=Location(**{k: val for k, val in loc.to_dict().items()}),
                section=f"表：{t.title[:40]}" if t.title else "表", decimals=v.decimals, unit=t.unit)
