"""Table checks: 类 = Σ款 = Σ项 and 合计 = Σ类 in classification tables, a 收支总表's 本年支出合计 = Σ类 (by
code or by name), the 合计 of a table of units/projects/items = Σ rows at one level, 人员经费合计 = 301 + 303,
a row's 合计 column equal to its parts (基本支出 + 项目支出 ...), the 收支总表 identities (a blank total is
no zero), and the explanation text stating the same figures as the tables."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace
from decimal import Decimal
from functools import lru_cache

from ..amount import Amount
from ..analysis import Analysis
from ..extract import Mention, fact_of
from ..extract.keys import match_quantity, numbering_style
from ..extract.mentions import clean_label
from ..extract.tables import (
    Column,
    ParsedTable,
    Row,
    Value,
    bare_label,
    change_column,
    class_code,
    last_year_figure,
    parse_number,
    rate_column,
    report_column,
    row_figure,
    row_stating,
    table_knowledge,
)
from ..interval import Interval, interval_sum
from ..knowledge import Knowledge, load_yaml
from ..model import Evidence, Fact, Figure, Finding, Reading
from ..verify import Residue, TableTotal, fact_figure, mention_figure, row_quote
from ..verify.search import CellIndex, group_sums, level_growth
from .base import RuleContext, fmt_fixed, fmt_pct, miss_severity_of, rule, unit_of
from .sums import in_side_section

_TOTAL_NAMES = ("合计", "总计")
_SUB_ROW = re.compile(r"^\s*(其中|含|\(\s*[一二三四五六七八九十\d]+\s*\)|\d+\s*[.、])")


def _ev(row: Row, v: Value) -> Evidence:
    return Evidence(row_quote(row), v.cell.loc)


def _severity(total: Value, parts: Interval) -> str | None:
    return miss_severity_of(total.value, total.decimals, parts)


def _tail(ctx: RuleContext, t: ParsedTable, row: Row, col: int, parts: list[Value], what: str) -> None:
    """A total that held within rounding: note it when its parts as printed do not add up to the last
    digit (a 尾差, which rounding-residue reports). Parts printed to another precision than the total
    (whole 元 under a total in 分) are no 尾差 of one rounding."""
    if parts and all(p.decimals == row.values[col].decimals for p in parts):
        ctx.ledger.residue(Residue(t, row, col, sum((p.value for p in parts), Decimal(0)), what))


def _half_unit(f: Fact) -> Decimal:
    """Half a unit of the last digit of a fact as stated, in yuan (221.33万元 -> 50)."""
    return Amount.of_fact(f).last_digit_yuan / 2


@rule("table-hierarchy", "table", "error", "科目层级合计不符",
      "功能分类/经济分类表中，类的金额等于其下各款之和，款等于其下各项之和，合计行等于各类之和。"
      "例：201一般公共服务支出16,845.17 = 20131 16,845.17；20131 = 2013101 6,106.99 + 2013102 10,738.18。"
      "收支总表（含跨页续表）支出方的本年支出合计（或支出总计）等于各类支出之和；人员经费合计 = 301 + 303；"
      "单位、项目、采购品目表的合计行等于同一层级各行之和（部门、单位、项目分层时按层级计，不重复相加）。",
      rationale="政府收支分类科目按类、款、项逐级汇总（类3位、款5位、项7位编码），上级科目金额等于下级科目之和。",
      last_digit=True)
def check_hierarchy(ctx: RuleContext) -> Iterator[Finding]:
    for t in ctx.analysis.tables:
        levels = _levels(ctx, t)
        reported: set[tuple[int, int]] = set()
        families = list(_families(t))
        below = {id(p): kids for p, kids, _what, _name, _open in families}
        for parent, children, what, parts_name, open_end in families:
            yield from _compare(ctx, t, parent, children, what, parts_name, levels, reported, open_end, below)
        yield from _blank_class_cells(ctx, t, families, levels)
        yield from _check_class_rows(ctx, t)
        yield from _check_named_classes(ctx, t)
        yield from _check_item_total(ctx, t)
        yield from _check_econ_groups(ctx, t)


Family = tuple[Row, list[Row], str, str, bool]  # parent, its children, how they are named, open end


def _families(t: ParsedTable) -> Iterator[Family]:
    """Every coded row with the rows directly under it, and the 合计 row with the top-level rows. A table
    of no classification by its title is one when it is a standard table with a code column and each
    code once (机关运行经费表 by 302 › 30201 …; not a procurement list whose unit and item rows repeat
    their item's code)."""
    coded = [r for r in t.rows if r.code]
    if not t.classification and (t.type in (None, "performance") or len({r.code for r in coded}) < len(coded)
                                 or not any(c.role == "code" for c in t.columns.values())):
        return  # an untitled table (a page not joined to its table) is no classification table either
    for i, parent in enumerate(coded):
        children, open_end = _children(coded, i)
        if children:
            yield parent, children, f"{parent.code} {parent.name}", "其下各级科目", open_end
    total = next((r for r in t.rows if r.is_total and r.values), None)
    # The rows no other row of the table is above (a 类 printed after its 款 and 项 is still above them).
    tops = [r for r in coded if not any(r.code.startswith(p.code) and len(p.code) < len(r.code)  # type: ignore[union-attr]
                                        for p in coded)]
    if total is not None and tops:
        yield total, tops, "合计行", "各类科目", True


def _blank_class_cells(ctx: RuleContext, t: ParsedTable, all_families: list[Family],
                       levels: list[Level]) -> Iterator[Finding]:
    """A 类 or 款 whose cell is blank in a column where the rows under it, the row above it (its 类, or the
    合计 row) and its siblings are all filled (22102 住房改革支出 | 空白 | between 221 1,200,635 and 2210201
    1,200,635; 201 一般公共服务支出 | 空白 | under 合计 7,937,640.19 beside 208 1,093,810.00), when the two
    sums that give it agree: Σ of its rows, and the row above less the siblings. A blank is no zero and no
    match."""
    # Rows cut off at the table's end would make the two sums disagree: open-ended families are kept.
    families = [(p, kids) for p, kids, _what, _parts, _open in all_families]
    below = {id(p): kids for p, kids in families}
    amount = [c for c, col in sorted(t.columns.items()) if col.role == "amount"]
    for parent, kids in families:
        for row in kids:
            own = below.get(id(row))
            if not own:
                continue
            # A row that prints its 合计 and no part of it: table-row-total says which parts are missing.
            no_parts = {col for tot, parts in levels if tot in row.values and not _parts_stated(row, (tot, parts))
                        for _name, cols in parts for col in cols}
            for c in amount:
                if c in row.values or c in no_parts or c not in parent.values or any(c not in r.values for r in own):
                    continue
                others = [k for k in kids if k is not row]
                if any(c not in k.values for k in others):
                    continue
                under = interval_sum([r.values[c].interval for r in own])
                v = parent.values[c]
                rest = v.interval - interval_sum([k.values[c].interval for k in others])
                if not under.lo > 0 or not under.overlaps(rest):
                    continue
                decimals = max(r.values[c].decimals for r in own)
                expected = fmt_fixed(under.mid, decimals)
                named = next((x for x in row.cells if row.name and row.name in x.text), row.cells[0])
                above = f"{parent.code} {parent.name}" if parent.code else "合计"
                yield ctx.report(f"《{t.name[:30]}》{row.code} {row.name}「{t.columns[c].name}」栏空白：其下各级科目之和为"
                                 f"{expected}，{above}减去同级其他科目亦为{expected}，表中缺失。",
                                 [Evidence(named.text.strip(), named.loc)], stated="（空白）", expected=expected,
                                 claim=TableTotal(t, row))


def _children(coded: list[Row], i: int) -> tuple[list[Row], bool]:
    """The rows directly under coded[i] (their nearest ancestor present in the table is it, however
    many digits the codes have: 301 › 30102 › 3010201, or 301 › 3010201 with no 5-digit row), and whether
    its block of rows runs to the edge of the table as read (rows may be missing there). The block is the
    run of its descendants right after it, or, where a table prints each 类 as a 小计 row after its 款 and
    项, right before it."""
    parent = coded[i].code or ""

    def under(r: Row) -> bool:
        return (r.code or "").startswith(parent) and len(r.code or "") > len(parent)

    j = i + 1
    while j < len(coded) and under(coded[j]):
        j += 1
    block, open_end = coded[i + 1:j], j == len(coded)
    if not block:
        k = i
        while k > 0 and under(coded[k - 1]):
            k -= 1
        block, open_end = coded[k:i], k == 0
    codes = [parent, *(r.code or "" for r in block)]
    children = [r for r in block
                if max((c for c in codes if (r.code or "").startswith(c) and len(c) < len(r.code or "")), key=len) == parent]
    return children, open_end and bool(block)


def _compare(ctx: RuleContext, t: ParsedTable, parent: Row, children: list[Row], what: str, parts_name: str,
             levels: list[Level], reported: set[tuple[int, int]], open_end: bool = False,
             below: dict[int, list[Row]] | None = None) -> Iterator[Finding]:
    """Each amount column of the parent against its children's sum. `open_end`: the children run to
    the end of the table as read, so rows may be missing (a page not joined): a shortfall says nothing.
    When one child's cell, corrected, makes every sum hold (the parent's column and both rows' 合计),
    that cell is the one named."""
    checked = failed = 0
    once = _without_repeats(children)
    for col, v in parent.values.items():
        parts = _column_sum(children, col)
        if parts is None:
            continue
        checked += 1
        sev = _severity(v, parts)
        if sev is None:
            _tail(ctx, t, parent, col, [c.values[col] for c in children if col in c.values], parts_name)
            continue
        if open_end and (parts.hi < v.interval.lo or col == change_column(t) or v.value < 0
                         or any(c.values[col].value < 0 for c in children if col in c.values)):
            continue  # rows may be missing: a shortfall says nothing, nor any sum of a signed column (增减额)
        alt = _column_sum(once, col) if len(once) < len(children) else None
        if alt is not None and _severity(v, alt) is None:
            continue  # the rows of a repeated code are one item (a 项 printed with its 款's code)
        failed += 1
        header = t.columns[col].name
        named = f"「{header}」" if header else ""
        culprit = _culprit(parent, children, col, levels, below)
        if culprit is not None:
            child, expected = culprit
            cv = child.values[col]
            if (id(child), col) not in reported:
                reported.add((id(child), col))
                yield ctx.report(f"《{t.name[:30]}》{child.code} {child.name}{named}为{fmt_fixed(cv.value, cv.decimals)}，"
                                 f"按上级{what}及本行合计应为{fmt_fixed(expected, cv.decimals)}（上级为"
                                 f"{fmt_fixed(v.value, v.decimals)}，{parts_name}之和为{fmt_fixed(parts.mid, v.decimals)}）。",
                                 [_ev(child, cv)], stated=fmt_fixed(cv.value, cv.decimals),
                                 expected=fmt_fixed(expected, cv.decimals), slip=sev == "slip", claim=TableTotal(t, child))
            continue
        if (id(parent), col) in reported:
            continue
        reported.add((id(parent), col))
        yield ctx.report(f"《{t.name[:30]}》{what}{named}为{fmt_fixed(v.value, v.decimals)}，"
                      f"{parts_name}之和为{fmt_fixed(parts.mid, v.decimals)}，不相等。",
                      [_ev(parent, v)], stated=fmt_fixed(v.value, v.decimals), expected=fmt_fixed(parts.mid, v.decimals),
                      slip=sev == "slip", claim=TableTotal(t, parent))
    if checked and not failed:
        ctx.verified(TableTotal(t, parent), Reading(f"{what}等于{parts_name}之和（{checked}列）",
                                                    tuple(_cell_figure(c) for c in children[:12])))


# ------------------------------------------------- the 类 rows of a 收支总表's expense side


class _TooMany(Exception):
    pass


@lru_cache(maxsize=1)
def _class_rows_end() -> frozenset[str]:
    return frozenset(load_yaml("tables.yaml")["class_rows_end"])


def _ends_classes(row: Row) -> bool:
    """A row that closes the 类 rows: 本年支出合计, 结转下年, 支出总计, a bare 合计 …."""
    if row.code:
        return False
    if row.is_total:
        return True
    found = match_quantity(clean_label(bare_label(row.name)))
    return found is not None and found.key in _class_rows_end()


def _side_classes(t: ParsedTable) -> tuple[list[Row], list[list[Row]], int] | None:
    """The 类 rows of a 收支总表 side, each with the rows printed under it, and the index of the row
    that ends them; None when the side prints none or a row under them does not belong to its 类."""
    classes: list[Row] = []
    blocks: list[list[Row]] = []
    for i, row in enumerate(t.rows):
        if classes and _ends_classes(row):
            return classes, blocks, i
        code = class_code(row)
        if code is not None and classes and row.code is None and not blocks[-1] \
                and bare_label(row.name) == bare_label(classes[-1].name):
            code = None  # 229 其他支出 › 22999 其他支出: a 款 named as its 类
        if code is not None and not classes and row.code is None and i > 0 and class_code(t.rows[i - 1]) is None \
                and (style := numbering_style(t.rows[i - 1].name or "")) is not None \
                and style == numbering_style(row.name or ""):
            code = None  # "(三)政府性基金预算支出 / (四)国有资本经营预算支出": a list of funds, 223 by name only
        if code is not None:
            classes.append(row)
            blocks.append([])
        elif classes:
            if row.code and not row.code.startswith(classes[-1].code or ""):
                return None  # a coded row of another 类 than the one above it
            blocks[-1].append(row)
    return None


def _cents(v: Value, decimals: int) -> int:
    return int(v.value.scaleb(decimals))


def _classes_certain(t: ParsedTable, classes: list[Row], blocks: list[list[Row]]) -> bool:
    """Are the 类 rows surely the top level? By their codes; by name only when every 类 is the sum of
    the rows under it read as 款 over 项 (or no 类 has rows under it)."""
    if all(r.code for r in classes):
        return True
    if not any(blocks):
        return True
    for row, block in zip(classes, blocks, strict=True):
        if not row.values or not block:
            return False
        col = min(row.values)
        valued = [r for r in block if col in r.values]
        if any(r.values and col not in r.values for r in block):
            return False
        d = max([row.values[col].decimals, *(r.values[col].decimals for r in valued)])
        if not _nested_sum(_cents(row.values[col], d), [_cents(r.values[col], d) for r in valued]):
            return False
    return True


def _class_total(t: ParsedTable, end: int) -> Row | None:
    """The row the 类 add up to: 本年支出合计, or 支出总计 (a bare 合计) when no figure is printed
    between the 类 and it."""
    for row in t.rows[end:]:
        found = match_quantity(clean_label(bare_label(row.name))) if not row.code else None
        key = found.key if found is not None else None
        if key == "expense.current_year":
            return row if row.values else None
        if key == "expense.total" or row.is_total:
            return row if row.values else None
        if any(v.value for v in row.values.values()):
            return None  # 年末结转和结余 …: the total has more parts than the 类
    return None


def _other_side_rows(ctx: RuleContext, t: ParsedTable) -> list[Row]:
    """The income side's rows with a figure (一、财政拨款, 一般公共预算, 收入总计 …) beside a 收支总表
    expense side: they state the same total the expense rows do not add up to, so the finding names them."""
    sides = [o for o in ctx.analysis.tables if o.group == t.group and o is not t]
    return [r for o in sides for r in o.rows if r.values and not r.code][:8]


def _classes_elsewhere(ctx: RuleContext, t: ParsedTable, classes: list[Row]) -> None:
    """A 类 row of a 收支总表 is the total of its 款 printed in the 功能分类 tables: the same 类 code there
    with the same figure (within rounding) verifies it. Only a verification: the tables may differ in
    scope (all funds, 财政拨款), so a difference says nothing."""
    coded = [(o, r) for o in ctx.analysis.tables if o.classification == "func" and o.type not in ("summary", "fiscal_summary")
             for r in o.rows if r.code and len(r.code) == 3 and r.values]
    for row in classes:
        code = class_code(row)
        if not row.values or code is None:
            continue
        v = row.values[min(row.values)]
        for o, other in coded:
            match = next((w for w in other.values.values() if w.interval.overlaps(v.interval)), None)
            if other.code == code and match is not None:
                ctx.verified(TableTotal(t, row), Reading(f"与《{o.name[:20]}》{code} {other.name}{match.cell.text.strip()}一致",
                                                         (_cell_figure(other),)))
                break


def _named_classes(t: ParsedTable) -> tuple[list[Row], list[list[Row]]] | None:
    """The 类 rows of a 功能分类 table printed by name only (no code column) with the rows under each, up to
    the end of the table or its bottom 合计."""
    classes: list[Row] = []
    blocks: list[list[Row]] = []
    for row in t.rows:
        if row.code:
            return None
        if row.is_total:
            if classes:
                break
            continue
        if class_code(row) is not None:
            classes.append(row)
            blocks.append([])
        elif classes:
            blocks[-1].append(row)
        else:
            return None  # a row above the first 类 that is none
    return (classes, blocks) if classes else None


def _check_named_classes(ctx: RuleContext, t: ParsedTable) -> Iterator[Finding]:
    """A 功能分类 table by name only (类 › 款 › 项 told apart by nothing but their sums): where the 合计 is
    not the sum of the 类 rows, the one 类 that, read as the sum of the rows under it, makes the 合计 hold
    is the wrong cell (社会保障和就业支出 50.15 over 行政事业单位养老支出 53.15 = 4.27 + 34.72 + 14.16, 合计
    1,404.58 = 1,292.68 + 53.15 + 26.23 + 32.52). Two sums agree on it, so it is an error; otherwise nothing."""
    if t.classification != "func" or t.type in ("summary", "fiscal_summary"):
        return
    found = _named_classes(t)
    total = next((r for r in t.rows if r.is_total and r.values), None)
    if found is None or total is None:
        return
    classes, blocks = found
    for col, v in sorted(total.values.items()):
        if not all(col in r.values for r in classes):
            continue
        d = max([v.decimals, *(r.values[col].decimals for r in classes)])
        got = sum(_cents(r.values[col], d) for r in classes)
        want = _cents(v, d)
        if 2 * abs(got - want) <= len(classes) + 1:
            continue
        culprits = []
        for row, block in zip(classes, blocks, strict=True):
            vals = [_cents(r.values[col], d) for r in block if col in r.values]
            if not vals or any(col not in r.values for r in block):
                continue
            fixed = want - (got - _cents(row.values[col], d))
            try:
                if _nested_sum(fixed, vals) and not _nested_sum(_cents(row.values[col], d), vals):
                    culprits.append((row, fixed))
            except _TooMany:
                return
        if len(culprits) != 1:
            continue
        row, fixed = culprits[0]
        cell = row.values[col]
        expected = fmt_fixed(Decimal(fixed).scaleb(-d), cell.decimals)
        header = t.columns[col].name
        named = f"「{header}」" if header and header not in _TOTAL_NAMES else ""
        yield ctx.report(f"《{t.name[:30]}》{bare_label(row.name)}{named}为{fmt_fixed(cell.value, cell.decimals)}，"
                         f"其下各款之和为{expected}，按合计{fmt_fixed(v.value, v.decimals)}各类之和亦应为{expected}。",
                         [_ev(row, cell)], stated=fmt_fixed(cell.value, cell.decimals), expected=expected,
                         claim=TableTotal(t, row))


def _check_class_rows(ctx: RuleContext, t: ParsedTable) -> Iterator[Finding]:
    """收支总表 expense side: its 本年支出合计 (or 支出总计) = Σ 类, column by column. An error only when
    the 类 rows are certain (by code, or by name with every 类 the sum of its rows) and every 类 has a
    figure in the column; otherwise a sum that holds verifies the total, one that fails is left unverified."""
    if t.type not in ("summary", "fiscal_summary"):
        return
    found = _side_classes(t)
    if found is None:
        return
    classes, blocks, end = found
    _classes_elsewhere(ctx, t, classes)
    total = _class_total(t, end)
    if total is None or not any(r.values for r in classes):
        return
    certain = _classes_certain(t, classes, blocks)
    checked = 0
    for col, v in sorted(total.values.items()):
        have = [r for r in classes if col in r.values]
        if not have:
            continue
        parts = interval_sum([r.values[col].interval for r in have])
        sev = _severity(v, parts)
        complete = all(col in r.values for r in classes if r.values)  # a 类 row with no figure at all adds none
        if sev is None:
            checked += 1
            _tail(ctx, t, total, col, [r.values[col] for r in have], "各类支出")
            continue
        header = t.columns[col].name
        named = f"「{header}」" if header and header not in _TOTAL_NAMES else ""
        terms = "+".join(f"{bare_label(r.name)}{fmt_fixed(r.values[col].value, r.values[col].decimals)}" for r in have)
        reading = Reading(f"各类支出之和{fmt_fixed(parts.mid, v.decimals)}", tuple(_cell_figure(r) for r in have[:12]))
        if not (certain and complete):
            ctx.unverified(TableTotal(t, total), "各类支出的层级无法确定，不能据以核对合计", reading)
            return
        if parts.hi < v.interval.lo and table_knowledge().patterns["continued"].search(t.title):
            # A 续表 not joined to its first page: the 类 rows above it are on that page.
            ctx.unverified(TableTotal(t, total), "续表只列出部分支出类别，不能据以核对合计", reading)
            return
        income = _other_side_rows(ctx, t)
        if not any(r.values[min(r.values)].interval.overlaps(v.interval) for r in income):
            income = []  # the income side states another total: table-identity names that
        said = "；收入方各行（" + "、".join(f"{bare_label(r.name)}{fmt_fixed(r.values[min(r.values)].value, v.decimals)}"
                                        for r in income) + "）按同一总数列示，同样与支出各类之和不符" if income else ""
        yield ctx.report(f"《{t.name[:30]}》{bare_label(total.name)}{named}为{fmt_fixed(v.value, v.decimals)}，"
                         f"表中各类支出之和为{fmt_fixed(parts.mid, v.decimals)}（{terms}），不相等{said}。",
                         [_ev(total, v), *(_ev(r, r.values[min(r.values)]) for r in income)],
                         stated=fmt_fixed(v.value, v.decimals), expected=fmt_fixed(parts.mid, v.decimals),
                         slip=sev == "slip", claim=TableTotal(t, total), reading=reading)
        return
    if checked:
        ctx.verified(TableTotal(t, total), Reading(f"{bare_label(total.name)}等于各类支出之和（{checked}列）",
                                                   tuple(_cell_figure(r) for r in classes[:12])))


# ------------------------------------------- 人员经费合计 / 公用经费合计 rows of a 经济分类 table


@lru_cache(maxsize=1)
def _econ_groups() -> dict[str, frozenset[str]]:
    return {k: frozenset(v) for k, v in load_yaml("tables.yaml")["econ_groups"].items()}


def _principal(key: str) -> str:
    """The group's main 类 (301 工资福利支出, 302 商品和服务支出): a side without it is not the group's."""
    return load_yaml("tables.yaml")["econ_groups"][key][0]


def _group_rows(t: ParsedTable) -> list[tuple[Row, str]]:
    """The rows of a side that name an 经济分类 group (人员经费合计, 公用经费) without a code, with the group's key."""
    out = []
    for row in t.rows:
        if row.code or not row.values:
            continue
        found = match_quantity(clean_label(re.sub(r"(合计|总计|小计)$", "", bare_label(row.name))))
        if found is not None and found.key in _econ_groups():
            out.append((row, found.key))
    return out


def _check_econ_groups(ctx: RuleContext, t: ParsedTable) -> Iterator[Finding]:
    """人员经费合计 = 301 + 303, 公用经费合计 = 302 + 310 + …: a row naming the group, without a code, against
    the 类 rows of the group on its side (or its 款 rows, 30101 …, in a table that prints no 类). An error only
    when the side's 类 rows are all of the group, its main 类 among them (the 人员经费 | 公用经费 halves of a
    基本支出 table), or every 款 row is of one group or the other; otherwise a sum that holds verifies the row."""
    if t.classification != "econ":
        return
    # The 类 of this side and of the sides right of it up to one that prints a group total of its own: 公用经费 set
    # over two column groups (302 … | 30217 … 310 资本性支出) has its 公用经费合计 under the first of them only.
    sides = [t]
    for o in sorted((o for o in ctx.analysis.tables if o.group == t.group and o.side[0] > t.side[0]),
                    key=lambda o: o.side[0]):
        if _group_rows(o):
            break
        sides.append(o)
    rows = [(o, r) for o in sides for r in o.rows]
    classes_of = [(o, r) for o, r in rows if r.code and len(r.code) == 3]
    by_item = not classes_of  # no 类 rows: the 款 rows (30101 …) under 人员经费 / 公用经费 are the group's
    if by_item:
        classes_of = [(o, r) for o, r in rows if r.code and len(r.code) == 5]
    classes = [r for _, r in classes_of]
    side_of = {id(r): o for o, r in classes_of}
    every_group = set().union(*_econ_groups().values())
    for row, key in _group_rows(t):
        group = _econ_groups()[key]
        members = [r for r in classes if (r.code[:3] if by_item else r.code) in group]  # type: ignore[index]
        if not members:
            continue
        col, v = min(row.values.items())

        def cell(r: Row, col: int = col) -> Value | None:
            """The member's figure in the total's column (the same place in its own side)."""
            o = side_of[id(r)]
            return r.values.get(col - t.side[0] + o.side[0])

        have = [r for r in members if cell(r) is not None]
        if not have:
            continue
        parts = interval_sum([cell(r).interval for r in have])  # type: ignore[union-attr]
        reading = Reading("+".join(f"{r.code}{bare_label(r.name)}" for r in have) + f"={fmt_fixed(parts.mid, v.decimals)}",
                          tuple(_cell_figure(r) for r in have))
        sev = _severity(v, parts)
        if sev is None:
            ctx.verified(TableTotal(t, row), reading)
            _tail(ctx, t, row, col, [cell(r) for r in have], reading.text.split("=")[0])  # type: ignore[misc]
        elif len(members) == len(have) and _principal(key) in {r.code[:3] for r in members} \
                and (len(members) == len(classes) or by_item and all(r.code[:3] in every_group for r in classes)):  # type: ignore[index]
            yield ctx.report(f"《{t.name[:30]}》{bare_label(row.name)}为{fmt_fixed(v.value, v.decimals)}，"
                             f"{reading.text.split('=')[0]}之和为{fmt_fixed(parts.mid, v.decimals)}，不相等。", [_ev(row, v)],
                             stated=fmt_fixed(v.value, v.decimals), expected=fmt_fixed(parts.mid, v.decimals),
                             slip=sev == "slip", claim=TableTotal(t, row), reading=reading)
        else:
            ctx.unverified(TableTotal(t, row), "表中另有其他经济分类类级科目，组成不确定", reading)


# ------------------------------------ the 合计 row of a table of units, projects or items


_MAX_STATES = 20000


def _nested_sum(total: int, vals: list[int]) -> bool | None:
    """Can the rows (whole last-digit units, top to bottom) be read as groups — a row alone, or a row
    followed by groups that add up to it (部门 › 单位 › 项目, 类 › 款 › 项) — whose top rows add up to
    `total`? Each sum within its terms' rounding (half a unit each). None when the readings are too
    many to try. Rows of 0 are left out: a 0 is a row alone or over rows of 0, whatever the reading."""
    vals = [v for v in vals if v]
    if any(v < 0 for v in vals):
        return None
    n = len(vals)
    ends: list[set[int]] = [set() for _ in range(n + 1)]  # where a group opened at i can end
    budget = [_MAX_STATES]

    def chains(start: int, target: int) -> set[int]:
        """Positions a run of whole groups from `start` can end at, its top rows adding up to target."""
        out: set[int] = set()
        states = {(start, 0, 0)}
        seen: set[tuple[int, int, int]] = set()
        while states:
            pos, acc, cnt = states.pop()
            if cnt and 2 * abs(acc - target) <= cnt + 1:
                out.add(pos)
            if pos >= n or 2 * (acc - target) > cnt + 1:
                continue
            for e in ends[pos]:
                nxt = (e, acc + vals[pos], cnt + 1)
                if nxt not in seen:
                    budget[0] -= 1
                    if budget[0] < 0:
                        raise _TooMany
                    seen.add(nxt)
                    states.add(nxt)
        return out

    try:
        for i in range(n - 1, -1, -1):
            ends[i] = {i + 1} | chains(i + 1, vals[i])
        return n in chains(0, total)
    except _TooMany:
        return None


def _one_level(t: ParsedTable, items: list[Row], col: int) -> bool:
    """Are the item rows surely one level, so that the 合计 is their plain sum? No 小计 or 其中 rows, no
    mixed numbering (一、 over 1.), no codes, no blank cell in the column beside figures (a blank is no
    zero), and no row equal to the rows right under it (a unit over its one project)."""
    k = table_knowledge()
    if any(r.code for r in items) or any(col not in r.values for r in items):
        return False
    if any(_SUB_ROW.match(r.name) or r.name in k.total_headers or any(w in r.name for w in _TOTAL_NAMES + ("小计",))
           for r in items):
        return False
    if len({numbering_style(r.name) for r in items}) > 1:
        return False
    return not _parent_row([r.values[col] for r in items])


def _parent_row(values: list[Value]) -> bool:
    """Is some row (not 0) the sum of a run of the rows right under it, within rounding?"""
    for i, v in enumerate(values):
        if not v.value:
            continue
        run: list[Interval] = []
        for w in values[i + 1:]:
            run.append(w.interval)
            s = interval_sum(run)
            if s.overlaps(v.interval):
                return True
            if s.lo > v.interval.hi:
                break
    return False


def _untitled_next(ctx: RuleContext, t: ParsedTable) -> bool:
    """Is the next table read after this one untitled (it may be this one's continuation)?"""
    tables = ctx.analysis.tables
    later = [o for o in tables[tables.index(t) + 1:] if o.group != t.group]
    return bool(later) and not later[0].title.strip()


def _item_rows(t: ParsedTable) -> tuple[Row, list[Row]] | None:
    """The 合计 row of a table whose rows carry no classification code, and its item rows (every other
    row with figures); None when the table has codes (the hierarchy decides), or not one 合计 row. A
    performance table's (项目支出绩效目标表: 项目 | 资金总额 | 其中：财政拨款 | 绩效目标) only where every row states
    every fund its 合计 does: a project a row."""
    if t.type in ("summary", "fiscal_summary") or any(r.code for r in t.rows):
        return None
    totals = [r for r in t.rows if r.is_total and r.values]
    if len(totals) != 1:
        return None
    items = [r for r in t.rows if r.values and r is not totals[0]]
    if t.type == "performance" and any(set(r.values) != set(totals[0].values) for r in items):
        return None  # a performance table's rows add up only where each is a project with all its funds
    return (totals[0], items) if items else None


def _check_item_total(ctx: RuleContext, t: ParsedTable) -> Iterator[Finding]:
    """A table of units, projects or items (收入总表 by unit, 项目支出表, 政府采购表 …): its 合计 row, column
    by column, is the sum of its rows read at one level (units alone, or units over their projects).
    Verified when some reading holds in every column; an error only when the rows are surely one
    level and the table is read whole (its 合计 under its rows, or the rows exceeding it)."""
    found = _item_rows(t)
    if found is None:
        return
    total, items = found
    checked = 0
    for col, v in sorted(total.values.items()):
        have = [r for r in items if col in r.values]
        if not have:
            continue
        d = max([v.decimals, *(r.values[col].decimals for r in have)])
        flat = interval_sum([r.values[col].interval for r in have])
        nested = _nested_sum(_cents(v, d), [_cents(r.values[col], d) for r in have])
        if _severity(v, flat) is None:
            checked += 1
            _tail(ctx, t, total, col, [r.values[col] for r in have], "其下各行")
            continue
        if nested:
            checked += 1
            _tail_of_repeat(ctx, t, total, have, col)
            continue
        header = t.columns[col].name
        named = f"「{header}」" if header and header not in _TOTAL_NAMES else ""
        reading = Reading(f"各行之和{fmt_fixed(flat.mid, v.decimals)}", tuple(_cell_figure(r) for r in have[:12]))
        # Rows on a page not joined cannot be missing: the 合计 is under its rows, or no untitled table
        # follows (a continuation not recognised), or the rows already exceed it.
        below = t.rows.index(total) > t.rows.index(items[-1])
        whole = below or not _untitled_next(ctx, t) or flat.lo > v.interval.hi
        if nested is None or not (_one_level(t, items, col) and whole and t.type is not None):
            ctx.unverified(TableTotal(t, total), "各行的层级无法确定（单位、项目或小计行），不能据以核对合计", reading)
            return
        culprit = _unit_row_culprit(ctx, t, have, col, v)
        if culprit is not None:
            yield culprit
            return
        sev = _severity(v, flat)
        yield ctx.report(f"《{t.name[:30]}》合计行{named}为{fmt_fixed(v.value, v.decimals)}，其下{len(have)}行之和为"
                         f"{fmt_fixed(flat.mid, v.decimals)}，不相等。", [_ev(total, v)], stated=fmt_fixed(v.value, v.decimals),
                         expected=fmt_fixed(flat.mid, v.decimals), slip=sev == "slip", claim=TableTotal(t, total),
                         reading=reading)
        return
    if checked:
        ctx.verified(TableTotal(t, total), Reading(f"合计行等于其下各行之和（{checked}列）",
                                                   tuple(_cell_figure(r) for r in items[:12])))


def _unit_row_culprit(ctx: RuleContext, t: ParsedTable, rows: list[Row], col: int, total: Value) -> Finding | None:
    """The one row of a table by unit whose 合计 differs from the same unit's in another table by unit (部门收入总表
    beside 部门支出总表) and, taken at that figure, makes the rows add up to the 合计 row: that row's cell is the
    wrong one (the other rows, the 合计 and the other table agree). None unless exactly one row does."""
    if col != min((c for c, column in t.columns.items() if column.role == "amount"), default=None):
        return None  # the table's own 合计 column only (a unit's 收入 and 支出 are one figure there)
    others = {}
    for o in ctx.analysis.tables:
        found = _item_rows(o) if o.group != t.group else None
        for r in found[1] if found else []:
            w = row_figure(o, r)
            if w is not None and r.name:
                others.setdefault(bare_label(r.name), (o, r, w))
    fixes = []
    for r in rows:
        there = others.get(bare_label(r.name)) if r.name else None
        if there is None:
            continue
        o, other_row, w = there
        mine = r.values[col]
        theirs = w.interval.scale(o.scale / t.scale)
        rest = interval_sum([x.values[col].interval for x in rows if x is not r])
        if not mine.interval.overlaps(theirs) and (rest + theirs).overlaps(total.interval):
            fixes.append((r, mine, o, other_row, w))
    if len(fixes) != 1:
        return None
    r, mine, o, other_row, w = fixes[0]
    said, other_said = fmt_fixed(mine.value, mine.decimals), w.cell.text.strip()
    return ctx.report(f"《{t.name[:30]}》{r.name}「{t.columns[col].name}」为{said}，《{o.name[:30]}》同一单位为{other_said}；"
                      f"以后者计，各行之和与合计行{fmt_fixed(total.value, total.decimals)}相符，此格有误。",
                      [_ev(r, mine), Evidence(other_said, w.cell.loc)], stated=said, expected=other_said,
                      claim=TableTotal(t, r), reading=Reading(f"《{o.name[:20]}》{other_row.name}{other_said}",
                                                              (_cell_figure(other_row),)))


def _tail_of_repeat(ctx: RuleContext, t: ParsedTable, total: Row, rows: list[Row], col: int) -> None:
    """A first row that repeats the 合计 (the department over its units): the rows under it are its parts."""
    head, rest = rows[0], rows[1:]
    if len(rest) >= 2 and head.values[col].value == total.values[col].value:
        if _severity(head.values[col], interval_sum([r.values[col].interval for r in rest])) is None:
            _tail(ctx, t, head, col, [r.values[col] for r in rest], "其下各行")


def _without_repeats(rows: list[Row]) -> list[Row]:
    """The rows without one that repeats the code of the row right above it. Two readings of such a
    pair: an item split over two rows by another column (both add), or a 款 and its 项 printed with one
    code (one item)."""
    return [r for i, r in enumerate(rows) if not (i and r.code and r.code == rows[i - 1].code)]


def _cell_figure(row: Row) -> Figure:
    """A row as a figure of a reading: its name or code and its first amount, at that cell."""
    v = row.values[min(row.values)] if row.values else None
    return Figure(row.name or row.code or "", v.cell.text.strip() if v else "", v.cell.loc if v else row.cells[0].loc)


def _column_sum(children: list[Row], col: int) -> Interval | None:
    have = [c for c in children if col in c.values]
    # A child with amounts in other columns but none in this one: the columns are misaligned.
    if not have or any(col not in c.values and c.values for c in children):
        return None
    return interval_sum([c.values[col].interval for c in have])


Level = tuple[int, list[tuple[str, list[int]]]]  # a 合计 column and the columns of its parts


def _levels(ctx: RuleContext, t: ParsedTable) -> list[Level]:
    if _misaligned(t):
        return []
    others = [c for o in ctx.analysis.tables if o.group == t.group
              for c in o.columns.values() if o is not t or c.role != "amount"]
    return list(_total_columns(t, others))


def _misaligned(t: ParsedTable) -> bool:
    """Amounts under a header that names a classification (部门支出经济分类科目 over 1,721.98): the data
    rows are shifted against the header (a PDF row that lost an empty cell), so no amount column is
    what its header says and no sum of the table can be checked."""
    label = table_knowledge().patterns["label_header"]
    return any(c.role == "amount" and any(label.search(h) for h in c.path) for c in t.columns.values())


def _row_holds(row: Row, levels: list[Level]) -> bool | None:
    """Does every 合计 of the row equal its parts? None when the row has no 合计 to check."""
    checked = False
    for total, parts in levels:
        v = row.values.get(total)
        if v is None:
            continue
        checked = True
        if _severity(v, _group_sum(row, parts)) is not None:
            return False
    return True if checked else None


def _culprit(parent: Row, children: list[Row], col: int, levels: list[Level],
             below: dict[int, list[Row]] | None = None) -> tuple[Row, Decimal] | None:
    """The one child whose cell in `col`, set to parent − the other children, makes its own row add up,
    the parent's row adding up too; else the one whose cell, so set, is the sum of the rows under it (220
    524.08 over 22001 654.76 over 项 of 524.08: the 款 is the wrong cell). None when no child or more than
    one would do."""
    if _row_holds(parent, levels) is not True:
        return _culprit_by_rows_below(parent, children, col, below or {})
    found: list[tuple[Row, Decimal]] = []
    for child in children:
        if col not in child.values or _row_holds(child, levels) is not False:
            continue
        cv = child.values[col]
        rest = sum((c.values[col].value for c in children if c is not child and col in c.values), Decimal(0))
        expected = parent.values[col].value - rest
        fixed = replace(child, values={**child.values, col: Value(expected, cv.decimals, cv.cell)})
        if _row_holds(fixed, levels):
            found.append((child, expected))
    return found[0] if len(found) == 1 else _culprit_by_rows_below(parent, children, col, below or {})


def _culprit_by_rows_below(parent: Row, children: list[Row], col: int,
                           below: dict[int, list[Row]]) -> tuple[Row, Decimal] | None:
    found: list[tuple[Row, Decimal]] = []
    for child in children:
        kids = below.get(id(child))
        sums = _column_sum(kids, col) if kids and col in child.values else None
        if sums is None or _severity(child.values[col], sums) is None:
            continue  # the child adds up to the rows under it: not it
        cv = child.values[col]
        expected = parent.values[col].value - sum((c.values[col].value for c in children
                                                   if c is not child and col in c.values), Decimal(0))
        if _severity(Value(expected, cv.decimals, cv.cell), sums) is None:
            found.append((child, expected))
    return found[0] if len(found) == 1 else None


def _culprit_rows(t: ParsedTable, levels: list[Level]) -> set[int]:
    """Rows whose failed 合计 is explained by one wrong cell that table-hierarchy names (a child's
    cell, or the parent's own when its children agree with each other and it does not)."""
    out: set[int] = set()
    for parent, children, _what, _name, open_end in _families(t):
        for col, v in parent.values.items():
            parts = _column_sum(children, col)
            if parts is None or _severity(v, parts) is None or (open_end and parts.hi < v.interval.lo):
                continue
            once = _without_repeats(children)
            alt = _column_sum(once, col) if len(once) < len(children) else None
            if alt is not None and _severity(v, alt) is None:
                continue
            culprit = _culprit(parent, children, col, levels)
            if culprit is not None:
                out.add(id(culprit[0]))
            elif _row_holds(parent, levels) is False and _row_holds(
                    replace(parent, values={**parent.values, col: Value(parts.mid, v.decimals, v.cell)}), levels):
                out.add(id(parent))  # the parent's cell is the wrong one: set to its children's sum, all holds
    return out


@rule("table-row-total", "table", "error", "表内合计列与分项列不符",
      "同一行中“合计”列应等于其后各组成列之和（基本支出 + 项目支出，人员经费 + 公用经费，各资金来源，政府采购的"
      "货物 + 工程 + 服务……）。",
      rationale="本年支出合计 = 基本支出 + 项目支出 + …；基本支出 = 人员经费 + 公用经费；收入合计 = 各资金来源之和；"
                "政府采购合计 = 货物 + 工程 + 服务。",
      last_digit=True)
def check_row_totals(ctx: RuleContext) -> Iterator[Finding]:
    for t in ctx.analysis.tables:
        all_levels = _levels(ctx, t)
        coded = [r for r in t.rows if r.code]
        explained = _culprit_rows(t, all_levels)  # table-hierarchy names the wrong cell of these rows
        parents = [r for k, r in enumerate(coded) if _children(coded, k)[0]]
        for row in t.rows:
            if id(row) in explained:
                continue
            levels = [lv for lv in all_levels if not _blank_subtotal(t, row, lv)]
            yield from _blank_row_total(ctx, t, coded, row, levels)
            stated = [lv for lv in levels if _parts_stated(row, lv)]
            if levels and not stated and (found := _blank_row_parts(ctx, t, coded, parents, row, levels)) is not None:
                yield found
                continue
            if levels and not stated and any(tot in row.values for tot, _ in levels):
                # 收入 rows of a 财政拨款收支总表 printed over the 支出 side's columns fill only 合计: a blank is
                # no 0, so there is nothing to add.
                ctx.unverified(TableTotal(t, row), "本行各组成列均为空白（空白不是0），无法核对")
                continue
            levels = stated
            if len(levels) < len(all_levels) and _row_holds(row, levels) is None:
                ctx.unverified(TableTotal(t, row), "本行小计栏空白（空白不是0），无法核对")
                continue
            if _row_holds(row, levels):
                names = "；".join(f"{t.columns[tot].name}=" + "+".join(n for n, _ in parts) for tot, parts in levels
                                 if tot in row.values)
                ctx.verified(TableTotal(t, row), Reading(f"本行{names}"))
                for tot, parts in levels:
                    if tot in row.values:
                        what = "+".join(n for n, _ in parts) if len(parts) <= 3 else "本行各组成列"
                        _tail(ctx, t, row, tot, [row.values[c] for _, cols in parts for c in cols if c in row.values],
                              what)
                continue
            fix = _one_cell_fix(row, levels)
            if fix is not None:
                yield from _report_cell(ctx, t, row, levels, *fix)
                continue
            for total, parts in levels:
                yield from _report_level(ctx, t, row, total, parts)


@rule("table-change", "table", "error", "表中增减额、增减率与两年数不符",
      "列出上年数、本年数和增减额（增减率）的表，每行的增减额 = 本年数 − 上年数，增减率 = 增减额 ÷ 上年数。例：2025年预算数"
      " 5.36、2026年预算数 7.19，增减额应为 1.83，增减率应为 34.1%；上年数为0时增减率无意义，不核对。",
      rationale="增减额是两个年度金额之差，增减率以上年数为基数；表中各栏并列时，每一行都须满足。",
      last_digit=True)
def check_table_changes(ctx: RuleContext) -> Iterator[Finding]:
    for t in ctx.analysis.tables:
        change, rate = change_column(t), rate_column(t)
        if change is None and rate is None:
            continue
        for row in t.rows:
            col = report_column(t, row)
            last = last_year_figure(t, row, col, year=ctx.analysis.meta.year) if col is not None else None
            if col is None or last is None:
                continue
            this, (before, column) = row.values[col], last
            stated = row.values.get(change) if change is not None else None
            if stated is not None:
                diff = this.interval - before.interval
                miss = miss_severity_of(stated.value, stated.decimals, diff)
                if miss is not None:
                    expected = fmt_fixed(this.value - before.value, stated.decimals)
                    yield ctx.report(f"《{t.name[:30]}》{row.code or ''} {row.name}「{t.columns[change].name}」为"
                                     f"{fmt_fixed(stated.value, stated.decimals)}，{t.columns[col].name or '本年数'}"
                                     f"{fmt_fixed(this.value, this.decimals)} − {column.name}"
                                     f"{fmt_fixed(before.value, before.decimals)} = {expected}。", [_ev(row, stated)],
                                     stated=fmt_fixed(stated.value, stated.decimals), expected=expected, slip=miss == "slip")
            if rate is not None:
                yield from _rate_cell(ctx, t, row, rate, this, before, column)


def _rate_cell(ctx: RuleContext, t: ParsedTable, row: Row, rate: int, this: Value, before: Value,
               column: Column) -> Iterator[Finding]:
    """A row's 增减率 cell against (本年 − 上年) ÷ 上年 of its own row; none where last year is 0 (a rate of no base:
    blank or "—" is right there)."""
    cell = row.by_col.get(rate)
    said = parse_number(cell.text) if cell is not None else None
    if said is None:
        return
    if before.value == 0 and this.value != 0:
        # A rate printed on a base of 0 ("—" or blank is right): it has no value (as zero-base says of the text's).
        yield ctx.report(f"《{t.name[:30]}》{row.code or ''} {row.name}{column.name}为0，增减率无意义，"
                         f"「{t.columns[rate].name}」却填{cell.text.strip()}。", [Evidence(cell.text.strip(), cell.loc)],
                         stated=cell.text.strip(), expected="不适用（上年为0）", severity="warning")
        return
    if before.interval.lo <= 0:
        return
    value, decimals = said
    expected = level_growth(this.interval, before.interval)
    if expected is None:
        return
    miss = miss_severity_of(value, decimals, expected)
    if miss is None:
        return
    shown = fmt_pct((this.value - before.value) / before.value * 100, decimals).rstrip("%")
    yield ctx.report(f"《{t.name[:30]}》{row.code or ''} {row.name}「{t.columns[rate].name}」为{cell.text.strip()}，"
                     f"（{fmt_fixed(this.value, this.decimals)} − {fmt_fixed(before.value, before.decimals)}）÷ "
                     f"{column.name}{fmt_fixed(before.value, before.decimals)} = {shown}%。",
                     [Evidence(cell.text.strip(), cell.loc)], stated=cell.text.strip(), expected=shown,
                     slip=miss == "slip")


def _blank_row_total(ctx: RuleContext, t: ParsedTable, coded: list[Row], row: Row,
                     levels: list[Level]) -> Iterator[Finding]:
    """A classified row whose 合计 is blank while its parts are filled (221 住房保障支出 | 空白 | 335,533.08 |),
    when the rows under it give the same 合计 (Σ 款 = 335,533.08): two sums agree, the 合计 is missing. A
    blank is no zero and no match. `coded`: the table's rows with a code."""
    if row.code:
        i = next((k for k, r in enumerate(coded) if r is row), None)
        if i is None:
            return
        children, _open = _children(coded, i)
    elif row.is_total:
        # The 合计 row's: the 类, by code, or by name in a table that prints no code
        children = [r for r in coded if len(r.code or "") == 3] if coded else \
            [r for r in t.rows if r is not row and not r.is_total and class_code(r) is not None]
    else:
        return
    label = f"{row.code} {row.name}" if row.code else bare_label(row.name)
    below_name = "其下各级科目" if row.code else "各类"
    for tot, parts in levels:
        if tot in row.values or not _parts_stated(row, (tot, parts)) or not children:
            continue
        own = _group_sum(row, parts)
        if not own.lo > 0 or any(tot not in c.values for c in children):
            continue
        below = interval_sum([c.values[tot].interval for c in children])
        if not below.overlaps(own):
            continue
        decimals = max(c.values[tot].decimals for c in children)
        expected = fmt_fixed(below.mid, decimals)
        named = next((c for c in row.cells if row.name and row.name in c.text), row.cells[0])
        yield ctx.report(f"《{t.name[:30]}》{label}「{t.columns[tot].name}」栏空白：本行"
                         f"{'+'.join(n for n, _ in parts)}为{fmt_fixed(own.mid, decimals)}，{below_name}之和亦为{expected}，"
                         f"{t.columns[tot].name}应为{expected}，表中缺失。",
                         [Evidence(named.text.strip(), named.loc)], stated="（空白）", expected=expected,
                         claim=TableTotal(t, row))


def _blank_row_parts(ctx: RuleContext, t: ParsedTable, coded: list[Row], parents: list[Row], row: Row,
                     levels: list[Level]) -> Finding | None:
    """A classified row that prints its 合计 and leaves every part blank (21011 | 45.36 | 空白 | 空白 |), in a
    table whose other parent rows print their parts, when the rows under it fill the parts and add up to
    that 合计: the part their sums give is missing from the row (a blank is no zero and no match)."""
    i = next((k for k, r in enumerate(coded) if r is row), None)
    if not row.code or i is None:
        return None
    children, _open = _children(coded, i)
    for tot, parts in levels:
        v = row.values.get(tot)
        if v is None or not v.value > 0 or not children or any(tot not in c.values for c in children):
            continue
        if not interval_sum([c.values[tot].interval for c in children]).overlaps(v.interval):
            continue
        if not any(_parts_stated(r, (tot, parts)) for r in parents if r is not row):
            continue  # the table prints parts on item rows only: its parent rows give the 合计 alone
        sums = {name: interval_sum([c.values[col].interval for c in children for col in cols if col in c.values])
                for name, cols in parts}
        if not interval_sum(list(sums.values())).overlaps(v.interval):
            continue
        missing = [(name, s) for name, s in sums.items() if s.lo > 0]
        if not missing:
            continue
        decimals = max([v.decimals, *(c.values[tot].decimals for c in children)])
        said = "、".join(f"「{name}」应为{fmt_fixed(s.mid, decimals)}" for name, s in missing)
        named = next((c for c in row.cells if row.name and row.name in c.text), row.cells[0])
        return ctx.report(f"《{t.name[:30]}》{row.code} {row.name}的组成栏空白：本行{t.columns[tot].name}为"
                          f"{fmt_fixed(v.value, v.decimals)}，其下各级科目按列相加，{said}，表中缺失。",
                          [Evidence(named.text.strip(), named.loc)], stated="（空白）", expected=fmt_fixed(missing[0][1].mid, decimals),
                          claim=TableTotal(t, row))
    return None


def _row_said(row: Row) -> str:
    """How a message names a row: by its name or code, else by its place (a 三公 table of one unnamed row)."""
    label = row.name or row.code
    return f"“{label}”行" if label else f"第{row.cells[0].loc.row or ''}行".replace("第行", "数字行")


def _group_sum(row: Row, parts: list[tuple[str, list[int]]]) -> Interval:
    return interval_sum([_group_value(row, cols) for _, cols in parts])


def _parts_stated(row: Row, level: Level) -> bool:
    """Does the row print any of the level's parts (a figure, 0.00 included)?"""
    return any(c in row.values for _name, cols in level[1] for c in cols)


def _blank_subtotal(t: ParsedTable, row: Row, level: Level) -> bool:
    """Is a part of the level a 小计 column left blank in this row while the columns beside it under the
    same header have figures? A blank 小计 is no 0: the level cannot be read in this row."""
    for _name, cols in level[1]:
        if len(cols) != 1 or cols[0] in row.values:
            continue
        path = t.columns[cols[0]].path
        if len(path) < 2 or not _is_total_header(path[-1]):
            continue  # a plain part left blank: nothing under it to say it is not 0
        siblings = [c for c, col in t.columns.items() if c != cols[0] and col.path[:-1] == path[:-1]]
        if any(c in row.values for c in siblings):
            return True
    return False


def _report_level(ctx: RuleContext, t: ParsedTable, row: Row, total: int,
                  parts: list[tuple[str, list[int]]]) -> Iterator[Finding]:
    v = row.values.get(total)
    if v is None:
        return
    s = _group_sum(row, parts)
    sev = _severity(v, s)
    if sev is not None:
        names = "+".join(name for name, _ in parts)
        yield ctx.report(f"《{t.name[:30]}》{_row_said(row)}：{t.columns[total].name}"
                         f"{fmt_fixed(v.value, v.decimals)}，{names}为{fmt_fixed(s.mid, v.decimals)}。", [_ev(row, v)],
                         stated=fmt_fixed(v.value, v.decimals), expected=fmt_fixed(s.mid, v.decimals), slip=sev == "slip",
                         claim=TableTotal(t, row))


def _report_cell(ctx: RuleContext, t: ParsedTable, row: Row, levels: list[Level], col: int,
                 expected: Decimal) -> Iterator[Finding]:
    """One wrong cell breaks two sums of the row (a 小计 in 合计 = 小计 + 项目 and 小计 = 人员 + 公用):
    report that cell once."""
    v = row.values[col]
    slip = all(sev == "slip" for _, _, sev in _failing(row, levels))
    yield ctx.report(f"《{t.name[:30]}》{_row_said(row)}：{t.columns[col].name}{fmt_fixed(v.value, v.decimals)}，"
                     f"按本行其他各列应为{fmt_fixed(expected, v.decimals)}。", [_ev(row, v)],
                     stated=fmt_fixed(v.value, v.decimals), expected=fmt_fixed(expected, v.decimals), slip=slip,
                     claim=TableTotal(t, row))


def _failing(row: Row, levels: list[Level]) -> list[tuple[int, list[tuple[str, list[int]]], str]]:
    """The row's 合计 columns that are not the sum of their parts, with the miss's severity."""
    out = []
    for total, parts in levels:
        if total in row.values:
            sev = _severity(row.values[total], _group_sum(row, parts))
            if sev is not None:
                out.append((total, parts, sev))
    return out


def _one_cell_fix(row: Row, levels: list[Level]) -> tuple[int, Decimal] | None:
    """The one cell of a row whose correction makes every 合计 of the row hold, when more than one sum
    fails; None when one sum fails (its 合计 is named) or no single cell (or several) would do."""
    failing = _failing(row, levels)
    if len(failing) < 2:
        return None
    fixes: set[tuple[int, Decimal]] = set()
    for total, parts, _sev in failing:
        tv = row.values[total].value
        sums = {name: sum((row.values[c].value for c in cols if c in row.values), Decimal(0)) for name, cols in parts}
        whole = sum(sums.values(), Decimal(0))
        candidates = [(total, whole)] + [(cols[0], tv - (whole - sums[name])) for name, cols in parts
                                         if len(cols) == 1 and cols[0] in row.values]
        for col, value in candidates:
            cv = row.values[col]
            if _row_holds(replace(row, values={**row.values, col: Value(value, cv.decimals, cv.cell)}), levels):
                fixes.add((col, value))
    return next(iter(fixes)) if len(fixes) == 1 else None


def _is_total_header(name: str) -> bool:
    """合计, 小计, 总计, and a name ending like one (本年收入合计, 项目支出总数: the group's own total, beside
    its parts such as 扣除基建项目后预算数)."""
    k = table_knowledge()
    return name in k.total_headers or bool(k.patterns["total_ending"].search(name))


def _incomplete(prefix: tuple[str, ...], others: list[Column]) -> bool:
    """Is a part of this level of the header outside the amounts summed? A column under the same
    header read as another side or as codes (其他收入 498, 332 … taken for codes and split off) is;
    a "其中：X" column is not (it is summed in the column before it)."""
    k = table_knowledge()
    money = k.part_headers | k.total_headers
    for c in others:
        if len(c.path) <= len(prefix) or c.path[:len(prefix)] != prefix or _is_subpart(c):
            continue
        if prefix or c.path[0] in money:
            return True
    return False


def _is_subpart(c: Column) -> bool:
    """A "其中：X" column (or one under a 其中 header): a part of the column before it."""
    sub = table_knowledge().patterns["subpart_header"]
    return any(sub.search(h) for h in c.path)


@lru_cache(maxsize=1)
def _beside_headers() -> list[re.Pattern[str]]:
    return [re.compile(p) for p in load_yaml("tables.yaml")["row_beside_headers"]]


def _total_columns(t: ParsedTable, others: list[Column] | None = None) -> Iterator[tuple[int, list[tuple[str, list[int]]]]]:
    """(total column, [(part name, the columns that give the part)]) for every level of the header:
    总计 = 基本支出 + 项目支出 where 基本支出 is its 小计 column (or the sum of its own columns), and
    小计 = 人员经费 + 公用经费 one level down. A level with a column whose meaning is not a known
    part (上年数, a column the knowledge does not name) is not checked: the parts may be incomplete."""
    part_headers = table_knowledge().part_headers
    beside = _beside_headers()
    amount = [c for c in t.columns.values() if c.role == "amount" and c.path and not _is_subpart(c)
              and not any(p.search(re.sub(r"\s", "", c.path[-1])) for p in beside)]
    prefixes = {c.path[:n] for c in amount for n in range(len(c.path))}
    for prefix in sorted(prefixes, key=lambda p: (len(p), p)):  # by depth, then by name: one order every run
        level = [c for c in amount if c.path[:len(prefix)] == prefix and len(c.path) > len(prefix)]
        if _incomplete(prefix, others or []):
            continue
        groups: dict[str, list] = {}
        for c in level:
            groups.setdefault(c.path[len(prefix)], []).append(c)
        totals = [name for name, cols in groups.items() if _is_total_header(name) and len(cols) == 1
                  and len(cols[0].path) == len(prefix) + 1]
        if len(totals) != 1:
            continue
        parts: list[tuple[str, list[int]]] = []
        for name, cols in groups.items():
            if name == totals[0]:
                continue
            if name not in part_headers:
                parts = []
                break
            leaf = [c for c in cols if len(c.path) == len(prefix) + 1]
            sub = [c for c in cols if len(c.path) == len(prefix) + 2 and _is_total_header(c.path[-1])]
            if leaf:
                parts.append((name, [leaf[0].index]))
            elif len(sub) == 1 and len(cols) == 1:
                # A 小计 with nothing beside it under its header: the header's span was lost (merged
                # cells not kept), and the columns after it may be its parts, not the 合计's.
                parts = []
                break
            elif len(sub) == 1:
                parts.append((name, [sub[0].index]))
            elif all(len(c.path) == len(prefix) + 2 for c in cols):
                parts.append((name, [c.index for c in cols]))
            else:
                parts = []
                break
        if len(parts) >= 2:
            yield groups[totals[0]][0].index, parts


def _of_project(m: Mention, k: Knowledge) -> bool:
    """Is m an item (at any depth) of a list a 项目支出 figure heads?"""
    h = m.list_head
    while h is not None:
        if h.key and k.base_key(h.key).startswith("expense.project"):
            return True
        h = h.list_head
    return False


def _group_value(row: Row, cols: list[int]) -> Interval:
    return interval_sum([row.values[c].interval for c in cols if c in row.values])


@rule("table-text", "consistency", "error", "说明与表格数字不一致",
      "情况说明中陈述的数字必须与所附表格一致，例：说明写基本支出221.33万元，表中为221.30万元。",
      rationale="情况说明是对部门预决算表的解释（财预〔2016〕143号），同一数据在表和说明中必须一致。",
      last_digit=True)
def check_table_text(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    text_first: dict[str, Fact] = {}
    speaker: dict[int, Mention] = {}  # fact -> the mention that states it
    for m in a.all_mentions():
        if m.is_percent or m.is_change or in_side_section(m) or unit_of(m) is not None:
            continue  # a budget unit's figures are not the department's tables'
        named = _heading_scope(m, a.knowledge)
        for f in m.facts or _bracketed_item(m, a.knowledge):
            speaker[id(f)] = m
            # A figure of no scope under a heading that names one (（四）财政拨款支出情况) is that scope's.
            key = f"{named}.{f.key}" if named and _scopable(f.key, a.knowledge) else f.key
            text_first.setdefault(key, f)
    by_key: dict[str, list[Fact]] = {}
    for f in a.table_facts:
        by_key.setdefault(f.key, []).append(f)
    by_base: dict[str, list[Fact]] = {}
    for f in a.table_facts:
        by_base.setdefault(a.knowledge.base_key(f.key), []).append(f)
    reported: set[int] = set()  # a phrase stating two totals at once (收入支出总计0.3万元) is one finding
    for key, tfs in by_key.items():
        xf = text_first.get(key)
        if xf is None:
            continue
        m = speaker[id(xf)]
        if id(m) in reported:
            continue
        if ".econ." in f".{key}" and _of_project(m, a.knowledge):
            # 项目支出X，其中：商品和服务支出Y: the project's economic classes, not the 基本支出 table's rows.
            ctx.unverified(m, "项目支出的经济分类，表中为基本支出的经济分类，无法核对")
            continue
        # A figure whose scope the text names itself (一般公共预算财政拨款基本支出X) is that scope's; one that
        # names none, or takes it from the heading above, may be of any scope a table states it in.
        own_scope = xf.key != a.knowledge.base_key(xf.key)
        readings = tfs if own_scope else tfs + by_base.get(a.knowledge.base_key(key), [])
        agree = next((t for t in readings if _same(xf, t)), None)
        if agree is not None:
            ctx.verified(m, Reading(f"与表中{agree.stated}一致", (fact_figure("表中数", agree),)))
            continue
        if not _tables_agree(tfs):
            ctx.unverified(m, "各表所列数字不一，无法确定对应哪一张表")
            continue
        tf = tfs[0]
        # Tables in 元 beside text in 万元: each figure's own rounding decides the tolerance.
        gap = abs(xf.value_yuan - tf.value_yuan) - _half_unit(xf) - _half_unit(tf)
        # Off by at most one unit of the text's last digit: truncated instead of rounded.
        slip = gap <= 2 * _half_unit(xf)
        name = key.split("func.", 1)[1] if "func." in key else a.name(key)
        reported.add(id(m))
        parts = _own_parts(a, m)
        if parts is not None:
            # The text's figure is the sum of its own parts as it states them ("财政拨款收支总预算192207.76万元，
            # 其中：一般公共预算拨款52244.36万元，政府性基金139963.40万元"): right by that reading; the table's is the odd one.
            ctx.verified(m, parts)
            yield ctx.report(f"{name}：表中为{tf.stated}，说明中为{xf.stated}（与其所列分项之和相符），请核对表中数字。",
                             [Evidence(tf.stated, tf.loc), Evidence(xf.stated, xf.loc)], stated=tf.stated,
                             expected=xf.stated, slip=slip, reading=parts)
            continue
        yield ctx.report(f"{name}：说明中为{xf.stated}，表中为{tf.stated}。",
                         [Evidence(xf.stated, xf.loc), Evidence(tf.stated, tf.loc)], stated=xf.stated, expected=tf.stated,
                         slip=slip, claim=m, reading=Reading(f"表中为{tf.stated}", (fact_figure("表中数", tf),)))
    _text_in_tables(ctx)


def _bracketed_item(m: Mention, k: Knowledge) -> list[Fact]:
    """A sub-item in brackets makes no fact of the text (what the sentence is about is the amount before it), yet
    one that names an item of its own a table prints ("公务用车购置及运行维护费27.79万元（其中：购置费22.27万元；运行
    维护费5.51万元）") is checked against its cell: claims.yaml bracket_item_keys."""
    if not m.key or m.role or not m.is_level or k.base_key(m.key) not in k.claims["bracket_item_keys"]:
        return []
    return [fact_of(m, m.key)]


def _own_parts(a, m: Mention) -> Reading | None:  # noqa: ANN001
    """The reading of a text figure as the sum of the amounts right after it (the list it opens, in its
    sentence or the next: "总预算192207.76万元。收入包括：…52244.36万元、…139963.40万元"), when two or more
    of them, taken in order from the first, add up to it."""
    after = [x for x in a.line_mentions(m) if x.start > m.start and x.sentence <= m.sentence + 1]
    run = []
    for x in after:
        if not x.is_level:
            break
        run.append(x)
        if len(run) > 1 and interval_sum([p.yuan for p in run]).overlaps(m.yuan):
            return Reading(f"{m.stated.strip()} = " + " + ".join(p.stated.strip() for p in run),
                           tuple(mention_figure("分项", p) for p in run))
    return None


def _text_in_tables(ctx: RuleContext) -> None:
    """Every other figure of the text that a table states in a row of the same name is verified there:
    an amount, or a change the table prints beside its two years."""
    a = ctx.analysis
    if not a.tables:
        return
    cells = CellIndex(a)
    for m in a.all_mentions():
        if m.is_percent or m.threshold or ctx.ledger.status(m) is not None:
            continue
        found = cells.sources(m)
        if found:
            ctx.verified(m, Reading(f"与表中“{found[0].figure.role}”{found[0].stated}一致", (found[0].figure,)))
            continue
        # A mention the extraction left without a key (its label read alone) is named by its label here.
        found_key = m.key or getattr(match_quantity(clean_label(m.label), a.knowledge), "key", None)
        if found_key and unit_of(m) is None:
            summed = next((s for s in group_sums(a, found_key) if s.yuan.overlaps(m.yuan)), None)
            if summed is not None:
                ctx.verified(m, Reading(f"与表中{summed.figure.role}之和{summed.stated}一致", (summed.figure,)))


def _heading_scope(m: Mention, k: Knowledge) -> str | None:
    """The funding scope the nearest heading above the mention names, if any (财政拨款, 一般公共预算 …)."""
    from ..extract.keys import scope_in

    section = m.line.section
    subject_end = re.compile(k.claims["heading_subject_end"])
    for s in section.chain() if section else []:
        # Only the heading's own subject: a glossary line taken for a heading ("(四)其他收入:指除上述
        # “财政拨款收入”…以外的收入") names 财政拨款 in its definition, not as its scope.
        if (scope := scope_in(subject_end.split(s.title, 1)[0], k)) is not None:
            return scope
    return None


def _scopable(key: str, k: Knowledge) -> bool:
    """A key stated without its funding scope that has scopes (基本支出, a 功能分类 item; not 三公)."""
    if k.base_key(key) != key:
        return False
    return key.startswith("func.") or k.scoped(key)


def _same(x: Fact, y: Fact) -> bool:
    return abs(x.value_yuan - y.value_yuan) <= _half_unit(x) + _half_unit(y)


def _tables_agree(facts: list[Fact]) -> bool:
    """Do the tables give one figure for the key? Two tables that differ (因公出国费用 7.70 in the
    基本支出 table, 5.50 in the 项目支出 table, 13.20 in the 三公 table) read the key in different
    scopes, so which one the text means is not known."""
    return all(_same(f, facts[0]) for f in facts[1:])


def _fact_interval(f: Fact) -> Interval:
    return Amount.of_fact(f).yuan


@rule("table-identity", "table", "error", "表内收支恒等式不成立",
      "收支总表等表格中：收入总计 = 支出总计，本年支出合计 = 基本支出 + 项目支出 + …，本年收入合计 = 各项收入之和，"
      "支出总计 = 本年支出合计 + 结转下年等。收入总计（支出总计）栏空白而各项已填且与另一方总计相等时，报告合计缺失。",
      rationale="收入总计 = 支出总计；本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出（domain 恒等式）。",
      last_digit=True)
def check_table_identities(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    groups: dict[int, list[ParsedTable]] = {}
    for t in a.tables:  # the sides of a printed table (收入 | 支出) are read together
        groups.setdefault(t.group, []).append(t)
    for sides in groups.values():
        t = sides[0]
        yield from _blank_grand_totals(ctx, sides)
        yield from _blank_subtotals(ctx, sides)
        first: dict[str, Fact] = {}
        for f in (f for side in sides for f in side.facts):
            first.setdefault(f.key, f)
        for ident in a.knowledge.identities:
            if not ident.complete:
                continue
            for scope in ("", *a.knowledge.scope_prefixes):
                total = first.get(scope + ident.total)
                stated = [first.get(scope + p) for p in ident.parts]
                if total is None or any(p is total for p in stated):
                    continue
                where = row_stating(sides, total.loc)
                between = None
                if any(p is None for p in stated):
                    # 支出总计 = 本年支出合计 + 结转下年 in a budget, which prints no 结余分配 row (or leaves it
                    # blank): the parts printed, and every other figure between the first part and the total.
                    between = _between_rows(ident, stated, where) if where is not None else None
                    if between is None:
                        continue
                keys = [k for k, p in zip(ident.parts, stated, strict=True) if p is not None]
                parts = [p for p in stated if p is not None]
                subject = TableTotal(*where) if where is not None else None
                s = interval_sum([_fact_interval(p) for p in parts])
                reading = Reading(f"{a.name(scope + ident.total)} = " + " + ".join(p.stated for p in parts),
                                  tuple(fact_figure(a.name(scope + k), p) for k, p in zip(keys, parts, strict=True)))
                if _fact_interval(total).overlaps(s):
                    if subject is not None:
                        ctx.verified(subject, reading)
                    continue
                others = between if between is not None else \
                    _unnamed_rows(where, parts) if where is not None else []  # type: ignore[arg-type]
                if others:
                    # Rows the knowledge does not name (财政专户管理资金收入) stand beside the parts: the
                    # total may include them. With them it holds, or it cannot be decided.
                    with_others = s + interval_sum([v.interval.scale(where[0].scale) for v in others])  # type: ignore[index]
                    if subject is not None:
                        if _fact_interval(total).overlaps(with_others):
                            ctx.verified(subject, Reading(reading.text + " + 表中其他各行", reading.figures))
                        else:
                            ctx.unverified(subject, "表中另有未能识别的行，合计的组成不确定", reading)
                    continue
                said = f"《{t.name[:30]}》{ident.name}不成立：{a.name(scope + ident.total)}{total.stated}，" \
                       f"各项之和{s.mid / Amount.of_fact(total).scale:.2f}"
                evidence = [Evidence(total.stated, total.loc)]
                if (found := _odd_part(a, total, parts, sides)) is not None:
                    # 支出总计 equals 收入总计 (or is stated alike elsewhere) and every other part is stated alike
                    # elsewhere: name the part.
                    odd, why = found
                    rest = total.value_yuan - sum((p.value_yuan for p in parts if p is not odd), Decimal(0))
                    name = a.name(scope + keys[parts.index(odd)])
                    said += f"；{a.name(scope + ident.total)}{why}、其余各项与他处所列一致，" \
                            f"疑为{name}{odd.stated}有误（按其余各项应为{rest / Amount.of_fact(odd).scale:.2f}）"
                    evidence = [Evidence(odd.stated, odd.loc), *evidence]
                yield ctx.report(said + "。", evidence, stated=total.stated,
                                 slip=s.gap(total.value_yuan) <= 2 * _half_unit(total), claim=subject, reading=reading)
        yield from _other_period_columns(ctx, t, first)
        for eq in a.knowledge.equalities:
            for scope in ("", *a.knowledge.scope_prefixes):  # 财政拨款收支总表: fiscal.收入总计 = fiscal.支出总计
                left, right = scope + eq.left, scope + eq.right
                inc, exp = first.get(left), first.get(right)
                if inc is None or exp is None or inc is exp:
                    continue
                where = row_stating(sides, exp.loc)
                subject = TableTotal(*where) if where is not None else None
                reading = Reading(f"{a.name(left)}{inc.stated}", (fact_figure(a.name(left), inc),))
                if _fact_interval(inc).overlaps(_fact_interval(exp)):
                    if subject is not None:
                        ctx.verified(subject, reading)
                    continue
                yield ctx.report(f"《{t.name[:30]}》{a.name(left)}{inc.stated}与{a.name(right)}{exp.stated}不相等。",
                                 [Evidence(inc.stated, inc.loc), Evidence(exp.stated, exp.loc)], stated=exp.stated,
                                 expected=inc.stated,
                                 slip=_fact_interval(inc).gap(exp.value_yuan) <= 2 * _half_unit(inc),
                                 claim=subject, reading=reading)


def stated_elsewhere(a: Analysis, f: Fact) -> bool:
    """Does the text or another table state the table fact's figure under its key (equal within both
    roundings)? (Never the fact itself: a worksheet's cells have no table number to tell them apart.)"""
    place = (f.loc.page, f.loc.sheet, f.loc.table)
    return any(o is not f and o.key == f.key and _same(o, f)
               and (o.loc.table is None or (o.loc.page, o.loc.sheet, o.loc.table) != place) for o in a.facts)


def _odd_part(a: Analysis, total: Fact, parts: list[Fact], sides: list[ParsedTable]) -> tuple[Fact, str] | None:
    """The one part of a failing table identity that nothing else confirms, when the total is confirmed (the
    other side's total of the table equals it, or another table or the text states it alike) and every other
    part is stated alike elsewhere, with how the total is confirmed; else None."""
    side_facts = [f for side in sides for f in side.facts]
    balanced = False
    for e in a.knowledge.equalities:
        for mine, other in ((e.left, e.right), (e.right, e.left)):
            if total.key.endswith(mine):
                key = total.key.removesuffix(mine) + other
                balanced = balanced or any(f.key == key and _fact_interval(f).overlaps(_fact_interval(total))
                                           for f in side_facts)
    if not (balanced or stated_elsewhere(a, total)):
        return None
    unconfirmed = [p for p in parts if not stated_elsewhere(a, p)]
    if len(unconfirmed) != 1 or len(parts) < 2:
        return None
    return unconfirmed[0], "与另一侧总计相符" if balanced else "与他处所列一致"


def _other_period_columns(ctx: RuleContext, t: ParsedTable, first: dict[str, Fact]) -> Iterator[Finding]:
    """A 三公 table of item rows and a column per period (项目 | 预算数 | 决算数): the facts are the report's
    column; the identities hold in every column (三公经费 = 因公出国 + 公务用车 + 公务接待 in the 预算数 too)."""
    if t.type != "sangong" or any(r.code for r in t.rows):
        return
    keyed: dict[str, Row] = {}
    for row in t.rows:
        found = match_quantity(clean_label(bare_label(row.name))) if row.name else None
        if found is not None and found.key.startswith("sangong.") and found.key not in keyed:
            keyed[found.key] = row
        elif found is None and row.is_total and "sangong.total" not in keyed:
            keyed["sangong.total"] = row  # the table's 合计 row is its 三公经费
    used = {f.loc for f in first.values()}
    for c in sorted(t.columns):
        if t.columns[c].role != "amount" or any(v.cell.loc in used for r in keyed.values()
                                                   if (v := r.values.get(c)) is not None):
            continue  # the column the facts come from: checked above
        for ident in ctx.analysis.knowledge.identities:
            rows = [keyed.get(k) for k in (ident.total, *ident.parts)]
            if not ident.complete or any(r is None or c not in r.values for r in rows):
                continue
            total, *parts = (r.values[c] for r in rows)  # type: ignore[union-attr]
            s = interval_sum([p.interval for p in parts])
            if total.interval.overlaps(s):
                continue
            yield ctx.report(f"《{t.name[:30]}》「{t.columns[c].name}」栏{ident.name}不成立：{rows[0].name}"  # type: ignore[union-attr]
                             f"{fmt_fixed(total.value, total.decimals)}，各项之和{fmt_fixed(s.mid, total.decimals)}。",
                             [Evidence(total.cell.text.strip(), total.cell.loc)], stated=total.cell.text.strip(),
                             expected=fmt_fixed(s.mid, total.decimals),
                             slip=s.gap(total.value) <= Decimal(1).scaleb(-total.decimals))  # 2 half units


def _grand_total(t: ParsedTable) -> tuple[Row, str] | None:
    """A 收支总表 side's 收入总计/支出总计 row (however it is scoped) and which of the two it is."""
    for row in t.rows:
        if row.code:
            continue
        found = match_quantity(clean_label(bare_label(row.name)))
        if found is not None and found.key.split(".")[-2:] in (["income", "total"], ["expense", "total"]):
            return row, found.key.split(".")[-2]
    return None


def _top_rows(t: ParsedTable, end: Row) -> list[Row] | None:
    """The top-level item rows of a side above its grand total: the 类 rows of an expense side, else
    the rows numbered 一、二、…; None when neither is printed."""
    found = _side_classes(t)
    if found is not None and found[0]:
        return found[0]
    above = t.rows[:next(i for i, r in enumerate(t.rows) if r is end)]
    numbered = [r for r in above if numbering_style(r.name) == "han"]
    return numbered or None


def _from_subtotal(t: ParsedTable, end: Row) -> list[Row]:
    """The rows from a side's last total above its grand total (本年收入合计) down to the grand total."""
    above = t.rows[:next(i for i, r in enumerate(t.rows) if r is end)]
    sub = table_knowledge().patterns["side_subtotal"]
    start = max((i for i, r in enumerate(above) if sub.search(bare_label(r.name))), default=None)
    return above[start:] if start is not None else []


def _blank_grand_totals(ctx: RuleContext, sides: list[ParsedTable]) -> Iterator[Finding]:
    """收支总表: a side's 收入总计 (支出总计) printed blank while its own item rows are filled and add up to
    the other side's total. A blank is no zero and no match: the table's total is missing."""
    if len(sides) != 2 or any(t.type not in ("summary", "fiscal_summary") for t in sides):
        return
    totals = [_grand_total(t) for t in sides]
    if any(x is None for x in totals) or totals[0][1] == totals[1][1]:  # type: ignore[index]
        return
    for i in (0, 1):
        t, (row, _), (other, _) = sides[i], totals[i], totals[1 - i]  # type: ignore[misc]
        amount = [c for c in sorted(t.columns) if t.columns[c].role == "amount"]
        if row.values or not other.values or not amount:
            continue
        col, ov = amount[0], other.values[min(other.values)]
        # The side's items (一、…八、), or its 本年收入合计 and the rows under it (结余, 年初结转和结余).
        readings = [[r for r in rows if col in r.values] for rows in (_top_rows(t, row), _from_subtotal(t, row))]
        sums = [interval_sum([r.values[col].interval for r in have]) for have in readings
                if have and any(r.values[col].value for r in have)]
        parts = next((x for x in sums if _severity(ov, x) is None), None)
        if parts is None:
            continue  # no reading of the rows gives the other side's total: which figure is missing is not known
        name, other_name = bare_label(row.name), bare_label(other.name)
        cell = row.by_col.get(col) or row.cells[0]
        reading = Reading(f"{other_name}{fmt_fixed(ov.value, ov.decimals)}", (_cell_figure(other),))
        yield ctx.report(f"《{t.name[:30]}》{name}栏空白：各项之和为{fmt_fixed(parts.mid, ov.decimals)}，与{other_name}"
                         f"{fmt_fixed(ov.value, ov.decimals)}相等，{name}应为{fmt_fixed(ov.value, ov.decimals)}，表中缺失。",
                         [Evidence(name, cell.loc)], stated="（空白）", expected=fmt_fixed(ov.value, ov.decimals),
                         reading=reading)


def _blank_subtotals(ctx: RuleContext, sides: list[ParsedTable]) -> Iterator[Finding]:
    """收支总表: a side's 本年收入合计 (本年支出合计) printed blank while the items above it are filled and, with the
    rows under it (上年结转, 结转下年), give the side's filled 收入总计 (支出总计): Σ items is the missing cell."""
    if len(sides) != 2 or any(t.type not in ("summary", "fiscal_summary") for t in sides):
        return
    sub = table_knowledge().patterns["side_subtotal"]
    for t in sides:
        found = _grand_total(t)
        amount = [c for c in sorted(t.columns) if t.columns[c].role == "amount"]
        if found is None or not amount or amount[0] not in found[0].values:
            continue
        end, col = found[0], amount[0]
        rows = _from_subtotal(t, end)
        if not rows or not sub.search(bare_label(rows[0].name)) or col in rows[0].values or rows[0].values:
            continue
        subtotal, under = rows[0], rows[1:]
        items = [r for r in (_top_rows(t, subtotal) or []) if r in t.rows[:t.rows.index(subtotal)]]
        if not items or any(col not in r.values for r in items if r.values) \
                or not any(col in r.values and r.values[col].value for r in items):
            continue
        have = [r.values[col].interval for r in items if col in r.values]
        parts = interval_sum(have)
        rest = interval_sum([r.values[col].interval for r in under if col in r.values])
        total = end.values[col]
        if _severity(total, parts + rest) is not None:
            continue  # the items and the rows under do not give the total: which cell is missing is not known
        d = max(r.values[col].decimals for r in items if col in r.values)
        expected = fmt_fixed(parts.mid, d)
        name = bare_label(subtotal.name)
        yield ctx.report(f"《{t.name[:30]}》{name}栏空白：其上各项之和为{expected}，加其下各行与"
                         f"{bare_label(end.name)}{fmt_fixed(total.value, total.decimals)}相符，{name}应为{expected}，表中缺失。",
                         [Evidence(name, (subtotal.by_col.get(col) or subtotal.cells[0]).loc)], stated="（空白）",
                         expected=expected, reading=Reading(f"{bare_label(end.name)}{fmt_fixed(total.value, total.decimals)}",
                                                            (_cell_figure(end),)))


@lru_cache(maxsize=1)
def _layout_identities() -> frozenset[str]:
    return frozenset(load_yaml("tables.yaml")["layout_identities"])


def _between_rows(ident, stated: list[Fact | None], where: tuple[ParsedTable, Row]) -> list[Value] | None:
    """For a grand-total identity with parts not printed: the figures between the first part's row and
    the total's row, other than the parts' own (rows the total may include: a sub-row, a label the
    knowledge does not name). None when the identity is not read by layout or its first part is missing
    or not above the total on the same side."""
    t, total = where
    if ident.name not in _layout_identities() or stated[0] is None:
        return None
    rows = {id(r): i for i, r in enumerate(t.rows)}
    start = row_stating([t], stated[0].loc)
    if start is None or rows[id(start[1])] >= rows[id(total)]:
        return None
    own = {p.loc for p in stated if p is not None}
    out = []
    for row in t.rows[rows[id(start[1])] + 1:rows[id(total)]]:
        col = min(total.values) if total.values else None
        v = row.values.get(col) if col is not None else None
        if v is not None and v.value and v.cell.loc not in own:
            out.append(v)
    return out


def _unnamed_rows(where: tuple[ParsedTable, Row], parts: list[Fact]) -> list[Value]:
    """The amounts, in the total's column, of the rows above the total on its side that state no fact
    (a label the knowledge does not name) and are no total themselves."""
    t, total = where
    col = next((c for c, v in total.values.items()), None)
    named = {f.loc for f in t.facts}
    out = []
    for row in t.rows:
        if row is total:
            break
        v = row.values.get(col) if col is not None else None
        if v is None or v.value == 0 or row.is_total or any(x.cell.loc in named for x in row.values.values()):
            continue
        if row.code or _SUB_ROW.match(row.name):
            continue  # a classification row, a 其中 or a numbered sub-row: an item of a part, not a part
        out.append(v)
    return out
