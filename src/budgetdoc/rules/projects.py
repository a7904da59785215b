"""Projects: the amount a sentence or a key-project list (重点项目) gives a project against its row in the
project table (项目支出表), and an item whose paragraph restates its budget with another figure."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache

from ..analysis import Analysis
from ..extract import Mention
from ..extract.facts import project_named
from ..extract.mentions import clean_label
from ..extract.tables import ParsedTable, Row, clean_text, parse_number
from ..knowledge import load_yaml
from ..model import Cell, Evidence, Figure, Finding, Reading
from ..structure.sections import unit_named
from ..verify import Candidate, decide
from ..verify.search import yuan_decimals
from .base import RuleContext, evidence, fmt_amount, rule

_SCALES = (Decimal(10000), Decimal(1))  # a list's amount without its unit: 万元, else 元


@lru_cache(maxsize=1)
def _words() -> dict:
    d = load_yaml("projects.yaml")["projects"]
    return {"min": int(d["min_name_chars"]), "after": re.compile(d["amount_after_name"]),
            "restated": re.compile(d["restated_budget"]), "item": re.compile(d["item_heading"])}


def _norm(text: str) -> str:
    return clean_text(text).replace(" ", "")


@dataclass(frozen=True)
class _Row:
    table: ParsedTable
    row: Row


def _own_segments(t: ParsedTable) -> set[int]:
    """The blocks of a project table that are the table itself: the first, and each continuation that
    repeats its header or has none. A block with a header of its own (项目 | 预算数 | 绩效目标 after the
    project table) is another table the reader joined to it."""
    first = [_norm(c.text) for c in t.blocks[0].rows[0]] if t.blocks and t.blocks[0].rows else []
    out = {0}
    for i, b in enumerate(t.blocks[1:], start=1):
        head = [_norm(c.text) for c in b.rows[0]] if b.rows else []
        if head == first or any(parse_number(x) is not None for x in head):
            out.add(i)
    return out


def _joined(a: Analysis) -> set[int]:
    """Blocks the reader joined to a project table that are tables of their own (_own_segments)."""
    return {id(b) for t in a.tables if t.type == "project" for i, b in enumerate(t.blocks) if i not in _own_segments(t)}


def _project_blocks(a: Analysis) -> set[int]:
    return {id(t.blocks[i]) for t in a.tables if t.type == "project" for i in _own_segments(t)}


_LISTING_TYPES = (None, "performance")  # tables that may list projects with amounts (重点项目, 绩效目标)
_CODE = re.compile(r"^\d{3}(\d{2}){0,2}$")  # a 功能分类 code: the row is a class, not a project


def _standard_names(a: Analysis) -> set[str]:
    """Row names of the standard tables (收入总表, 支出总表 …): budget units and classes, never projects."""
    return {_norm(r.name or "") for t in a.tables if t.type not in (*_LISTING_TYPES, "project") for r in t.rows}


def _project_rows(a: Analysis, min_chars: int) -> dict[str, list[_Row]]:
    """The rows of the project tables by name: not a class (a 功能分类 code, or a name the standard
    tables use for a unit or class: the subtotal over its projects), nor a name shorter than `min_chars`."""
    out: dict[str, list[_Row]] = {}
    standard = _standard_names(a)
    for t in a.tables:
        if t.type != "project":
            continue
        own = _own_segments(t)
        classes = _class_rows(t)
        for row in t.rows:
            name = _norm(row.name or "")
            if row.segment not in own:
                continue
            if row.is_total or not row.values or len(name) < min_chars or unit_named(name) \
                    or name in standard or id(row) in classes:
                continue
            out.setdefault(name, []).append(_Row(t, row))
    return out


def _class_rows(t: ParsedTable) -> set[int]:
    """The rows of a project table that are 功能分类 classes over its projects: coded rows, where the codes
    nest (201 › 20103 › 2010301 …) or rows without a code stand under them (2010301 行政运行 over its
    projects). A table whose projects each print the class they are spent under (项目名称 | 功能科目编码,
    every row coded, none nesting) has none."""
    coded = [r for r in t.rows if r.code and _CODE.match(r.code)]
    codes = [r.code for r in coded]
    nested = any(a != b and b.startswith(a) for a in codes for b in codes)  # type: ignore[union-attr]
    every = all(r.code for r in t.rows if r.values and not r.is_total)
    if not nested and (every or len(set(codes)) < len(codes)):
        return set()
    return {id(r) for r in coded}


def _readings(rows: list[_Row]) -> list[Candidate]:
    """Every amount of the project's rows (总计, 财政拨款, 一般公共预算 … any may be the one meant), then
    the rows' totals together when the name has several rows (one project in several units)."""
    out = []
    for r in rows:
        for v in r.row.values.values():
            fig = Figure(f"项目支出表「{r.row.name}」", f"{v.cell.text.strip()}{r.table.unit}", v.cell.loc)
            out.append(Candidate(v.interval.scale(r.table.scale), Reading(f"{fig.role}{fig.stated}", (fig,)), True,
                                 v.value * r.table.scale))
    if len(rows) > 1:
        firsts = [r.row.values[min(r.row.values)] for r in rows]
        total = firsts[0].interval.scale(rows[0].table.scale)
        for r, v in zip(rows[1:], firsts[1:], strict=True):
            total = total + v.interval.scale(r.table.scale)
        figs = tuple(Figure(f"项目支出表「{r.row.name}」", v.cell.text.strip(), v.cell.loc) for r, v in zip(rows, firsts, strict=True))
        out.append(Candidate(total, Reading(" + ".join(f.stated for f in figs), figs)))
    return out


def _sum_note(rows: list[_Row], value_yuan: Decimal) -> str:
    """When the stated figure is the total of a run of rows around the project's (several projects'
    sum cited for one), say which."""
    r = rows[0]
    body = [x for x in r.table.rows if not x.is_total and x.values]
    at = next((i for i, x in enumerate(body) if x is r.row), None)
    if at is None:
        return ""
    for size in range(2, 7):
        for start in range(max(0, at - size + 1), min(at, len(body) - size) + 1):
            run = body[start:start + size]
            total = sum((x.values[min(x.values)].value for x in run), Decimal(0)) * r.table.scale
            if abs(total - value_yuan) < Decimal("0.005") * r.table.scale:
                return f"（该数是{'、'.join(x.name for x in run)}{size}个项目之和）"
    return ""


@rule("project-amount", "consistency", "error", "项目金额与项目支出表不符",
      "文中或重点项目表列出的项目金额，应与项目支出表中同名项目的金额（任一资金列）一致。"
      "例：重点项目“辅助人员补助经费-拱北海关”预算数7672.25万元，项目支出表为7,672.50万元。",
      rationale="同一项目在同一文件中的预算数只有一个：说明或重点项目绩效目标中的金额 = 项目支出表该项目的金额"
                "（总计、财政拨款或一般公共预算任一列相符即可；同名项目有多行时，任一行或各行之和相符即可）。"
                "项目按全名对应，名称过短（少于6字）的只在以“XX项目，”开头的段落中核对。")
def check_project_amounts(ctx: RuleContext) -> Iterator[Finding]:
    # A shorter name binds where a paragraph opens with it as a project's ("（二）高龄津贴项目，支出决算…").
    short = _project_rows(ctx.analysis, min_chars=4)
    index = {name: rows for name, rows in short.items() if len(name) >= _words()["min"]}
    if index:
        yield from _listed(ctx, index)
    yield from _in_text(ctx, index, short)


def _listed(ctx: RuleContext, index: dict[str, list[_Row]]) -> Iterator[Finding]:
    """Tables other than the project table whose row names a project followed by its amount."""
    own = _project_blocks(ctx.analysis)
    standard = {id(b) for t in ctx.analysis.tables if t.type not in _LISTING_TYPES for b in t.blocks}
    listed: list[tuple[list[_Row], list[Cell], Cell, tuple[Decimal, int]]] = []
    for block in ctx.analysis.doc.blocks:
        if block.kind != "table" or id(block) in own or (id(block) in standard and id(block) not in _joined(ctx.analysis)):
            continue
        for cells in block.rows:
            for i, cell in enumerate(cells[:-1]):
                rows = index.get(_norm(cell.text))
                n = parse_number(clean_text(cells[i + 1].text)) if rows else None
                if rows and n is not None:
                    listed.append((rows, cells, cells[i + 1], n))
                    break
    # A name the listings give several amounts is no one project's: each unit's item of that name
    # ("其他履职尽责专项业务费" under every unit of a 专项业务经费表 split over pages).
    amounts: dict[str, set[Decimal]] = {}
    for rows, _cells, _cell, (value, _d) in listed:
        amounts.setdefault(_norm(rows[0].row.name or ""), set()).add(value)
    for rows, cells, cell, n in listed:
        if len(amounts[_norm(rows[0].row.name or "")]) == 1:
            yield from _cell_claim(ctx, rows, cells, cell, n)


def _cell_claim(ctx: RuleContext, rows: list[_Row], cells: list[Cell], cell: Cell,
                n: tuple[Decimal, int]) -> Iterator[Finding]:
    value, decimals = n
    cands = _readings(rows)
    decisions = [decide(value * s, decimals - s.adjusted(), cands) for s in _SCALES]
    if any(d.status != "contradicted" for d in decisions):
        return
    d = decisions[0]
    expected = d.candidate.reading.figures[0].stated if d.candidate and d.candidate.reading.figures else ""
    quote = " | ".join(c.text.strip() for c in cells if c.text.strip())[:160]
    note = _sum_note(rows, value * _SCALES[0])
    yield ctx.report(f"项目“{rows[0].row.name}”列为{clean_text(cell.text)}，项目支出表中该项目为{expected}{note}。",
                     [Evidence(quote, cell.loc), *_row_evidence(rows)], stated=clean_text(cell.text),
                     expected=expected)


def _row_evidence(rows: list[_Row]) -> list[Evidence]:
    r = rows[0].row
    return [Evidence(" | ".join(c.text.strip() for c in r.cells if c.text.strip()), r.cells[0].loc)]


def _in_text(ctx: RuleContext, index: dict[str, list[_Row]], short: dict[str, list[_Row]]) -> Iterator[Finding]:
    """A sentence naming a project with its amount right after the name (only binding words between); a name
    of `short` (4 or 5 characters) only in the paragraph that opens with it as a project's."""
    after = _words()["after"]
    longest_first = sorted(index, key=len, reverse=True)
    for line, ms in ctx.analysis.mentions:
        if not ms:
            continue
        text = line.norm.text.replace(" ", "")
        named = project_named(line.norm.text)
        opening = _norm(named.removesuffix("项目")) if named else None
        names = longest_first
        if opening in short and opening not in index:
            names = sorted([*longest_first, opening], key=len, reverse=True)
        if not any(n in text for n in names):
            continue
        for i, m in enumerate(ms):
            if not m.is_level or m.role == "prev":
                continue
            # From the sentence's start or the figure before, whichever is later, up to this figure.
            start = max(line.norm.text.rfind(c, 0, m.start) for c in "。;；!?") + 1
            if i > 0 and ms[i - 1].sentence == m.sentence:
                start = max(start, ms[i - 1].end)
            head = line.norm.text[start:m.start].replace(" ", "")
            name = next((n for n in names if n in head and after.match(head[head.rfind(n) + len(n):])), None)
            if name is None:
                continue
            yield from _mention_claim(ctx, index.get(name) or short[name], m)


def _mention_claim(ctx: RuleContext, rows: list[_Row], m: Mention) -> Iterator[Finding]:
    d = decide(m.value_yuan, yuan_decimals(m), _readings(rows))
    if d.status == "verified":
        ctx.verified(m, d.reading)
        return
    if d.status != "contradicted" or d.candidate is None:
        ctx.unverified(m, d.reason or "", d.reading)
        return
    expected = d.candidate.reading.figures[0].stated if d.candidate.reading.figures else ""
    if d.candidate.point is not None and m.value and fmt_amount(m) != expected.replace(",", ""):
        # The table's figure in the sentence's unit first (26.94万元（269,400.00元）).
        in_text = fmt_amount(m, d.candidate.point / (m.value_yuan / m.value))
        expected = in_text if in_text == expected.replace(",", "") else f"{in_text}（{expected}）"
    note = _sum_note(rows, m.value_yuan) or _copied_note(ctx, m)
    yield ctx.report(f"项目“{rows[0].row.name}”在文中为{m.stated.strip()}，项目支出表中该项目为{expected}{note}。",
                     [evidence(m), *_row_evidence(rows)], stated=m.stated.strip(), expected=expected,
                     claim=m, reading=d.reading)


def _copied_note(ctx: RuleContext, m: Mention) -> str:
    """A listed project whose amount is the one listed right before it: say so (copied)."""
    ms = ctx.analysis.line_mentions(m)
    before = [x for x in ms if x.is_level and x.end <= m.start and x.sentence == m.sentence]
    if before and before[-1].value == m.value and before[-1].unit == m.unit:
        return f"（与前一项“{clean_label(before[-1].label)}”的金额相同，疑为照抄）"
    return ""


@rule("item-restated-amount", "consistency", "error", "同一项目前后金额不一",
      "编号列出的项目（“2.XX项目200.63万元”）在本段中再说“预算安排N万元”时，N应等于该项目的金额。"
      "例：项目列为200.63万元，段中却写“预算安排421.25万元”（上一项目的金额）。",
      rationale="一段只说一个项目时，段中不带其他名称的“预算安排/预算资金N万元”就是该项目的预算，应与标题金额相同；"
                "与上一项目金额相同的多为照抄。出现其他名称、年份对比或“其中”分项时不核对；"
                "功能分类科目（XX（01项））由“同一科目金额前后不一”核对。")
def check_item_restated(ctx: RuleContext) -> Iterator[Finding]:
    w = _words()
    # Items of the 功能分类 (住房公积金（01项）) are item-amounts' (rules/levels.py): it holds them to the tables.
    classified = re.compile(ctx.knowledge.claims["item_codes"])
    item: Mention | None = None
    previous: Mention | None = None
    section = None
    for line, ms in ctx.analysis.mentions:
        if line.is_heading or line.section is not section:
            item, section = None, line.section
        heading = _item_heading(line.norm.text, ms, w["item"])
        if heading is None and w["item"].match(line.norm.text):
            item = previous = None  # another numbered item, its amount not read ("（9）行政单位医疗（2101101）：…")
        if heading is not None and (classified.search(line.norm.text, 0, heading.start)
                                    or heading.key and ".func." in f".{heading.key}"):
            heading = None  # a 功能分类 item (by its 类/款/项 words or its code), not a project
            item = previous = None
        if heading is not None:
            previous, item = item, heading
            ms = [m for m in ms if m.start > heading.end and m.sentence > heading.sentence]
        if item is None:
            continue
        for m in ms:
            if not m.is_level or m.unit != item.unit or not w["restated"].fullmatch(m.label.replace(" ", "")) \
                    or m.role == "prev":
                continue  # ("2024年预算数830.32万元": last year's, the comparison's)
            if m.yuan.overlaps(item.yuan):
                ctx.verified(m, Reading(f"项目金额{item.stated.strip()}", (Figure("项目金额", item.stated.strip(), item.line.block.loc),)))
                continue
            copied = previous is not None and m.yuan.overlaps(previous.yuan)
            note = f"，与上一项目“{previous.label}”的金额{previous.stated.strip()}相同，疑为照抄" if copied and previous else ""
            yield ctx.report(f"项目“{item.label}”列为{item.stated.strip()}，段中却写预算安排{m.stated.strip()}{note}。",
                             [evidence(item), evidence(m)] if m.line is not item.line else [evidence(m, start=0)],
                             stated=m.stated.strip(), expected=fmt_amount(item), claim=m,
                             reading=Reading(f"项目金额{item.stated.strip()}", (Figure("项目金额", item.stated.strip(), item.line.block.loc),)))
            item = None  # one finding per item
            break


def _item_heading(text: str, ms: list[Mention], numbered: re.Pattern[str]) -> Mention | None:
    """The amount of a numbered item line ("2.XX项目200.63万元"): its first figure, a level with a name."""
    if not ms or not numbered.match(text):
        return None
    first = ms[0]
    if first.is_percent or not first.is_level or first.sentence != 0 or len(first.label) < 4:
        return None
    return first
