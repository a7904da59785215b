"""One figure across the tables: the same quantity (收入总计, 一般公共预算拨款, 基本支出 …) printed in the
收支总表, 收入总表, 支出总表, 财政拨款收支总表 and stated in the text. Where one table's cell disagrees with
every other statement of the quantity in its scope, and those agree with each other, that cell is the
error: named, with the figure the others give."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import combinations

from ..amount import Amount
from ..analysis import Analysis
from ..extract.keys import match_quantity, scope_in
from ..extract.mentions import clean_label
from ..extract.tables import (
    ParsedTable,
    Row,
    Value,
    bare_label,
    class_code,
    row_figure,
    row_stating,
    table_knowledge,
)
from ..interval import Interval, interval_sum
from ..model import Evidence, Fact, Figure, Finding, Reading
from ..verify import TableTotal, fact_figure
from ..verify.search import Source, of_fact, statements
from .base import RuleContext, evidence, rule, unit_of


@rule("table-figures", "consistency", "error", "同一数据各表不一致",
      "同一口径的同一数据在各张公开表和说明中只能有一个数值。某张表的数字与其余各处（至少两处，且彼此一致）都不同时，"
      "这张表的该格有误。例：一般公共预算拨款收入在收支总表、说明中均为52,244.36万元，财政拨款收支总表为35,673.03万元。"
      "收支总表支出方的各类与支出总表（支出决算表）的同一类（均为全部资金）也应一致：两表不同时，能由两表其余数字"
      "判明的指出错在哪一表，否则指出两处必有一处有误。",
      rationale="部门预决算公开表之间有固定的勾稽关系：收支总表、收入总表、财政拨款收支总表中的同一项目必须一致；"
                "多数一致而一处不同时，不同的那一处是错的。")
def check_table_figures(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    k = a.knowledge
    for key in sorted({f.key for f in a.table_facts if _standard(f.key)}):
        tables = _one_per_table(a, [f for f in a.table_facts if f.key == key])
        if len(tables) < 2:
            continue
        text = [s for s in statements(a, key, k.name(key), tables=False)
                if s.mention is not None and unit_of(s.mention) is None]
        sources = [of_fact(f, k.name(key)) for f in tables] + text[:3]
        odd = [f for f in tables if not any(_agree(of_fact(f, ""), s) for s in sources if s.figure.loc != f.loc)]
        if len(odd) != 1:
            continue
        wrong = odd[0]
        others = [s for s in sources if s.figure.loc != wrong.loc]
        if len(others) < 2 or not all(_agree(others[0], s) for s in others[1:]):
            continue  # the others must say one thing between them
        where = row_stating(a.tables, wrong.loc)
        if where is None or not (_row_names(where[1].name, key, a) or _whole_of_table(where[0], key, a)
                                 or _column_names(*where, wrong, key, a)):
            continue  # the figure was read from a column of a total row that does not name it: a guess
        if any(_agree(of_fact(wrong, ""), s) for s in statements(a, key, "", other_scopes=True)
               if s.figure.loc != wrong.loc):
            continue  # the table states the quantity of another funding scope (all funds, 财政拨款 …)
        right = others[0]
        places = "、".join(_where(s) for s in others[:4])
        title = f"《{where[0].name[:30]}》"
        yield ctx.report(f"{k.name(key)}：{title}为{wrong.stated}，其余各处（{places}）均为{right.stated}，该表此格有误。",
                         [Evidence(wrong.stated, wrong.loc), *(Evidence(s.stated, s.figure.loc) for s in others[:3])],
                         stated=wrong.stated, expected=right.stated,
                         claim=TableTotal(*where),
                         reading=Reading(f"其余{len(others)}处均为{right.stated}", tuple(s.figure for s in others[:4])))
        for s in others:
            if s.mention is not None:
                ctx.verified(s.mention, Reading(f"与各表一致（{right.stated}）", (fact_figure(k.name(key), tables[0]),)))
    yield from _class_rows(ctx)


def _class_rows(ctx: RuleContext) -> Iterator[Finding]:
    """A 类 of a 收支总表's expense side against the same 类 of the table of the same funds by 功能分类: the 收支总表
    against the 支出总表 (all funds), the 财政拨款收支总表's 一般公共预算 column against the 一般公共预算支出表. One
    quantity, one figure (of the report's period). Where they differ by more than the last digit of each (a 0.01
    tail of another rounding path is no difference), one table's cell is wrong; which one, only when the rest of
    the two tables says so: the 收支总表's when the other's 类 is the sum of its 款 and its 合计 the 收支总表's total
    (a 收支总表 row moved, its total kept); the other's when the 收支总表's 类 add up to its total and the other's
    合计 differs (moved and balanced on a wrong total); else both are named. Only with one table of each printed
    (no per-unit tables)."""
    from .tables import _side_classes  # here: rules register in rules/__init__'s order

    a = ctx.analysis
    pairs = (("summary", None, "expense", ("收支总表", "支出总表", "两表均列全部资金")),
             ("fiscal_summary", "gpb", "gpb_expense", ("财政拨款收支总表", "一般公共预算支出表", "两表均为一般公共预算财政拨款")))
    for kind, scope, other_kind, words in pairs:
        sides = [(t, found) for t in a.tables if t.type == kind and (t.scope is None or scope is not None)
                 and (found := _side_classes(t)) is not None]
        broad = [t for t in a.tables if t.type == other_kind and (t.scope is None or scope is not None)
                 and t.classification == "func"]
        if len(sides) != 1 or len({t.group for t in broad}) != 1:
            continue
        summary, (classes, _, end) = sides[0]
        col = _scope_column(ctx, summary, scope) if scope else None
        if scope and col is None:
            continue
        yield from _compare_classes(ctx, summary, col, classes, end, broad, words)


def _scope_column(ctx: RuleContext, t: ParsedTable, scope: str) -> int | None:
    """The one amount column of a funding scope (一般公共预算) a 财政拨款收支总表's expense side prints."""
    cols = [c for c, column in t.columns.items() if column.role == "amount"
            and scope_in("".join(column.path), ctx.analysis.knowledge) == scope]
    return cols[0] if len(cols) == 1 else None


def _compare_classes(ctx: RuleContext, summary: ParsedTable, col: int | None, classes: list[Row], end: int,
                     broad: list[ParsedTable], words: tuple[str, str, str]) -> Iterator[Finding]:
    """The 类 rows of a 收支总表 side (in column `col`, else their figure) against the same 类 of `broad`; `words`:
    how the messages name the two tables, and why they must agree."""
    this, that, same = words
    from .tables import _class_total

    def figure(row: Row | None) -> Value | None:
        if row is None or not row.values:
            return None
        return row.values.get(col) if col is not None else row_figure(summary, row)

    def in_yuan(rows: list[Row | None]) -> Interval | None:
        values = [figure(r) for r in rows]
        return interval_sum([v.interval.scale(summary.scale) for v in values if v is not None]) \
            if values and None not in values else None

    coded = {row.code: (t, row) for t in broad for row in t.rows if row.code and row.values}
    summary_total = in_yuan([_class_total(summary, end)])
    summary_sum = in_yuan(list(classes))
    expense_total = next((x for t in broad for r in t.rows if r.is_total and (x := _figure_of(t, r)) is not None), None)
    for row in classes:
        code = class_code(row)
        if code is None or code not in coded:
            continue
        t, other = coded[code]
        v, w = figure(row), row_figure(t, other)
        if v is None or w is None:
            continue
        x, y = v.interval.scale(summary.scale), w.interval.scale(t.scale)
        if x.overlaps(y):
            ctx.verified(TableTotal(summary, row), Reading(f"与《{t.name[:20]}》{code} {other.name}{w.cell.text.strip()}一致",
                                                           (_cell_figure(other, w),)))
            continue
        if _near(x, y, v, summary, w, t) or v.interval.overlaps(w.interval):
            continue  # one unit of the last digit apart (rounded on another path), or the same digits read in two units
        kuan = [r for r in t.rows if r.code and len(r.code) == 5 and r.code.startswith(code)]
        backed = bool(kuan) and (below := _sum_of(t, kuan)) is not None and below.overlaps(y)
        totals_agree = summary_total is not None and expense_total is not None \
            and summary_total.overlaps(expense_total)
        name = f"{code} {bare_label(other.name)}"
        said, other_said = v.cell.text.strip(), w.cell.text.strip()
        head = f"《{summary.name[:30]}》{name}为{said}，《{t.name[:30]}》同一类为{other_said}：{same}，应一致，"
        cells = [Evidence(said, v.cell.loc), Evidence(other_said, w.cell.loc)]
        if summary_sum is not None and summary_total is not None and summary_sum.overlaps(summary_total) \
                and expense_total is not None and not totals_agree:
            # the other table is the one wrong: its figure is the finding's
            yield ctx.report(head + f"{this}各类之和与其总计相符，{that}合计与之不同，{that}此格有误。", cells[::-1],
                             stated=other_said, expected=said, claim=TableTotal(t, other),
                             reading=Reading(f"《{summary.name[:20]}》{name}{said}", (_cell_figure(row, v),)))
            continue
        ends = f"后者为其下各款之和、两表合计一致，{this}此格有误。" if backed and totals_agree else "两处必有一处有误。"
        yield ctx.report(head + ends, cells, stated=said, expected=other_said, claim=TableTotal(summary, row),
                         reading=Reading(f"《{t.name[:20]}》{name}{other_said}", (_cell_figure(other, w),)))


def _figure_of(t: ParsedTable, row: Row | None) -> Interval | None:
    """A row's figure (row_figure) in yuan, None when it states none."""
    v = row_figure(t, row) if row is not None and row.values else None
    return v.interval.scale(t.scale) if v is not None else None


def _sum_of(t: ParsedTable, rows: list[Row]) -> Interval | None:
    """Σ of the rows' figures in yuan, None when one of them states none."""
    figures = [_figure_of(t, r) for r in rows]
    return interval_sum([f for f in figures if f is not None]) if figures and None not in figures else None


def _near(x: Interval, y: Interval, v: Value, t: ParsedTable, w: Value, o: ParsedTable) -> bool:
    """Are two figures within one unit of the last digit of each (another rounding path, no difference)?"""
    slack = max(Decimal(1).scaleb(-v.decimals) * t.scale, Decimal(1).scaleb(-w.decimals) * o.scale)
    return x.lo - slack <= y.hi and y.lo - slack <= x.hi


def _cell_figure(row: Row, v: Value) -> Figure:
    """A row's figure in one cell, as a figure of a reading."""
    return Figure(row.name, v.cell.text.strip(), v.cell.loc)


def _standard(key: str) -> bool:
    """A quantity of the standard tables (not a classification row: those are checked by their tables)."""
    return not key.split(".", 1)[-1].startswith(("func.", "econ.")) and ".func." not in key and ".econ." not in key \
        and not key.startswith(("func.", "econ."))


def _one_per_table(a, facts: list[Fact]) -> list[Fact]:  # noqa: ANN001
    """The first figure each printed table gives the quantity (its sides count as one table)."""
    out: list[Fact] = []
    seen: set[int] = set()
    for f in facts:
        group = next((t.group for t in a.tables if f in t.facts), None)
        if group is None or group in seen:
            continue
        seen.add(group)
        out.append(f)
    return out


def _row_names(name: str, key: str, a) -> bool:  # noqa: ANN001
    """Does the row's own label name the quantity (一般公共预算拨款收入 | 35,673.03), as opposed to a 合计 row
    whose columns were read as quantities?"""
    label = clean_label(table_knowledge().patterns["label_numbering"].sub("", name), a.knowledge)
    found = match_quantity(label, a.knowledge)
    return found is not None and a.knowledge.base_key(key) in (found.key, *found.also)


def _whole_of_table(t: ParsedTable, key: str, a) -> bool:  # noqa: ANN001
    """Is the quantity the whole the table is of (基本支出 of a 基本支出表, read from its 合计 row's total column),
    which its title says, not a column's header?"""
    return a.knowledge.base_key(key) == table_knowledge().whole.get(t.type or "")


def _column_names(t: ParsedTable, row: Row, f: Fact, key: str, a) -> bool:  # noqa: ANN001
    """Does the header right above the figure's cell name the quantity itself (收入总表 合计 row, column
    一般公共预算拨款; the department's 支出总表, column 本年支出合计), not only a figure of it (预算数) or a group
    over it?"""
    tk = table_knowledge()
    if t.type not in tk.columns_named and not (t.type in ("expense", "gpb_expense", "fiscal_expense")
                                               and tk.patterns["standard_expense_title"].search(t.title or "")):
        return False
    col = next((c for c, v in row.values.items() if v.cell.loc == f.loc), None)
    path = t.columns[col].path if col is not None else ()
    if not path:
        return False
    found = match_quantity(clean_label(re.sub(r"\s", "", path[-1]), a.knowledge), a.knowledge)
    return found is not None and found.start == 0 and a.knowledge.base_key(key) == found.key


def _agree(x: Source, y: Source) -> bool:
    return x.yuan.overlaps(y.yuan)


def _where(s: Source) -> str:
    return s.figure.loc.describe()


# ------------------------------------------------- the split of 基本支出 into 人员经费 and 公用经费

_SPLIT = ("expense.personnel", "expense.public")
_WHOLE = re.compile(r"(合计|总计)$")  # 本年支出合计, 支出总计: the row of the table's whole


@dataclass(frozen=True)
class _Split:
    """A table's 人员经费 and 公用经费 for the whole of its scope, in yuan, with their cells."""

    personnel: Value
    public: Value
    scale: Decimal
    group: int
    title: str

    def interval(self, v: Value) -> Interval:
        return v.interval.scale(self.scale)

    @property
    def basic(self) -> Interval:
        return self.interval(self.personnel) + self.interval(self.public)


def _split_key(label: str) -> str | None:
    found = match_quantity(clean_label(re.sub(r"(合计|总计|小计)$", "", label.strip())))
    return found.key if found is not None and found.key in _SPLIT else None


def _splits(a: Analysis) -> Iterator[_Split]:
    """Each printed table's split: its total row under columns headed 人员经费 and 公用经费 (a 收支总表's
    expense side), or its rows named 人员经费合计 and 公用经费合计 (a 经济分类 table, halves on two sides)."""
    by_group: dict[int, dict[str, tuple[Value, ParsedTable]]] = {}
    for t in a.tables:
        cols = {k: c for c, col in t.columns.items() if col.role == "amount" and col.path
                and (k := _split_key(col.path[-1])) is not None}
        total = next((r for r in t.rows if (r.is_total or _WHOLE.search(r.name.replace(" ", "")))
                      and all(c in r.values for c in cols.values())), None)
        if len(cols) == 2 and total is not None:
            yield _Split(total.values[cols[_SPLIT[0]]], total.values[cols[_SPLIT[1]]], t.scale, t.group, t.name)
            continue
        for r in t.rows:
            key = _split_key(r.name) if not r.code and r.values and r.name.strip().endswith("合计") else None
            if key is not None:
                by_group.setdefault(t.group, {}).setdefault(key, (r.values[min(r.values)], t))
    for group, rows in by_group.items():
        if len(rows) == 2:
            (p, t), (q, _) = rows[_SPLIT[0]], rows[_SPLIT[1]]
            yield _Split(p, q, t.scale, group, t.name)


@rule("personnel-split", "consistency", "warning", "人员经费与公用经费的划分各表不一",
      "两张表的基本支出相同（人员经费 + 公用经费之和一致），但人员经费、公用经费各自的金额不同：同一笔基本支出在两表中"
      "划分不一。例：收支总表人员经费20,374,181元、公用经费1,744,680元，经济分类表20,272,981.00元、1,845,880.34元。",
      rationale="人员经费 = 工资福利支出 + 对个人和家庭的补助，公用经费 = 商品和服务支出等；同一口径的基本支出在各表中"
                "应按同一口径划分。各地对个别科目归属的规定可能不同，故作为提示核对。")
def check_personnel_split(ctx: RuleContext) -> Iterator[Finding]:
    splits = list(_splits(ctx.analysis))
    for i, x in enumerate(splits):
        for y in splits[i + 1:]:
            if x.group == y.group or not x.basic.overlaps(y.basic):
                continue
            if x.interval(x.personnel).overlaps(y.interval(y.personnel)):
                continue
            cells = [x.personnel, x.public, y.personnel, y.public]
            said = "，".join(f"《{z.title[:30]}》人员经费{z.personnel.cell.text.strip()}、公用经费{z.public.cell.text.strip()}"
                            for z in (x, y))
            yield ctx.report(f"{said}：两表基本支出一致，人员经费与公用经费的划分不同。",
                             [Evidence(v.cell.text.strip(), v.cell.loc) for v in cells],
                             stated=x.personnel.cell.text.strip(), expected=y.personnel.cell.text.strip())
            return


@rule("classification-pair", "consistency", "warning", "功能分类与经济分类不对应",
      "同一笔支出按功能分类和按经济分类列示的金额应相同：2080505 机关事业单位基本养老保险缴费支出 = 30108 "
      "机关事业单位基本养老保险缴费，2080506 = 30109 职业年金缴费，2210201 = 30113 住房公积金。例：功能分类"
      "2080505为53.45万元，经济分类30108为47.01万元，相差6.44万元 = 30110 职工基本医疗保险缴费5.64 + 30112 "
      "其他社会保障缴费0.80，医保缴费被列入了养老保险科目。",
      rationale="这几对科目按定义是同一笔支出的两种分类（不是恒等式，故作为提示）；在同一资金口径下两者不等，"
                "多为科目列错或某张表漏改。")
def check_classification_pairs(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    k = a.knowledge
    firsts: dict[str, Fact] = {}
    for f in a.table_facts:
        firsts.setdefault(f.key, f)
    for pair in k.class_pairs:
        for scope in ("", *k.scope_prefixes):  # within one funding scope only
            func, econ = firsts.get(f"{scope}func.{pair.function}"), firsts.get(f"{scope}econ.{pair.economic}")
            if func is None or econ is None:
                continue
            fi, ei = Amount.of_fact(func).yuan, Amount.of_fact(econ).yuan
            if fi.overlaps(ei):
                continue
            why = _booked_with(a, scope, pair.economic, econ, fi - ei if func.value_yuan > econ.value_yuan else ei - fi)
            yield ctx.report(f"功能分类{pair.function}（{_row_name(a, func) or pair.name}）为{func.stated}，"
                             f"经济分类{pair.economic}（{_row_name(a, econ) or pair.name}）为{econ.stated}，"
                             f"两者应为同一笔支出，相差{_amount_text(func, abs(func.value_yuan - econ.value_yuan))}"
                             f"{why}，请核对科目是否列错。",
                             [Evidence(func.stated, func.loc), Evidence(econ.stated, econ.loc)],
                             stated=func.stated, expected=econ.stated)


def _booked_with(a: Analysis, scope: str, code: str, econ: Fact, gap: Interval) -> str:
    """"：相差额等于…" when the difference is the sum of one to three other items of the economic item's group
    in its table (a 医疗保险缴费 booked under 养老保险), else ""."""
    key = re.compile(rf"^{re.escape(scope)}econ\.({code[:3]}\d\d)$")
    items: dict[str, Fact] = {}
    for f in a.table_facts:
        m = key.match(f.key)
        if m and m.group(1) != code and f.loc.page == econ.loc.page and f.loc.table == econ.loc.table \
                and f.value_yuan > 0:
            items.setdefault(m.group(1), f)
    for n in (1, 2, 3):
        for combo in combinations(sorted(items.items()), n):
            total = Interval.exact(Decimal(0))
            for _, f in combo:
                total = total + Amount.of_fact(f).yuan
            if total.overlaps(gap):
                said = " + ".join(f"{c} {_row_name(a, f)}{f.stated}" for c, f in combo)
                return f"，等于{said}"
    return ""


def _row_name(a: Analysis, f: Fact) -> str:
    """The name the table prints beside a classified item's code (机关事业单位基本养老保险缴费支出): the name of the
    row whose cell states the fact."""
    where = row_stating(a.tables, f.loc)
    return where[1].name if where is not None else ""


def _amount_text(f: Fact, yuan: Decimal) -> str:
    """An amount in yuan written in the unit the fact was stated in."""
    if f.unit == "万元":
        return f"{yuan / Decimal(10000):.{f.decimals if f.decimals is not None else 2}f}万元"
    return f"{yuan:.2f}元"


@rule("fund-scope-row", "consistency", "error", "某一资金的科目金额大于全部资金",
      "部门支出总表（支出决算表）列示全部资金的支出；一般公共预算（财政拨款、政府性基金）支出表列示其中一种资金。"
      "同一科目在后者的金额不能大于前者。例：一般公共预算支出表“行政运行”2,681,783.86元，部门支出总表“行政运行”"
      "1,249,010.37元——两表必有一处有误（常见为支出总表中两行金额填串）。",
      rationale="全部资金 = 一般公共预算拨款 + 政府性基金拨款 + 其他资金，各项均不为负；同一功能分类科目的一般公共预算"
                "（或财政拨款）支出只是全部支出的一部分。")
def check_fund_scope_rows(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    yield from _fund_scope_totals(ctx)
    broad = [t for t in a.tables if t.type == "expense" and t.scope is None and t.classification == "func"]
    narrow = [t for t in a.tables if t.scope is not None and t.classification == "func" and t.type != "income"]
    if not broad or not narrow:
        return
    whole = _rows_by_item(broad)
    for t in narrow:
        for item, (part_table, part) in _rows_by_item([t]).items():
            if item not in whole:
                continue
            all_table, row = whole[item]
            v, w = row_figure(part_table, part), row_figure(all_table, row)
            if v is None or w is None or not v.interval.scale(part_table.scale).lo > w.interval.scale(all_table.scale).hi:
                continue
            yield ctx.report(f"《{part_table.name[:30]}》“{part.name}”为{v.cell.text.strip()}，大于《{all_table.name[:30]}》"
                             f"同一科目的{w.cell.text.strip()}：后者含全部资金，不应小于其中一种资金的支出，两表必有一处有误。",
                             [Evidence(w.cell.text.strip(), w.cell.loc), Evidence(v.cell.text.strip(), v.cell.loc)],
                             stated=w.cell.text.strip(), expected=f"≥{v.cell.text.strip()}")


# A fund's share of a quantity and the wider whole it is part of: 一般公共预算 (政府性基金, 国有资本经营) within
# 财政拨款, 财政拨款 within all funds.
_WITHIN = (("gpb", "fiscal"), ("gf", "fiscal"), ("soc", "fiscal"), ("fiscal", ""), ("gpb", ""), ("gf", ""))
_OF_FUNDS = ("expense.basic", "expense.project", "expense.current_year")


def _fund_scope_totals(ctx: RuleContext) -> Iterator[Finding]:
    """基本支出, 项目支出, 本年支出合计 of one fund larger than the same of the funds it is part of (财政拨款收支总表
    基本支出 753.74 where all funds' 基本支出 is 670.09): when every statement of the one exceeds every statement of
    the other, one of them is wrong. One finding per quantity."""
    a = ctx.analysis
    for key in _OF_FUNDS:
        for narrow, wide in _WITHIN:
            parts = statements(a, f"{narrow}.{key}", "其中一种资金")
            wholes = statements(a, f"{wide}.{key}" if wide else key, "全部资金")
            if not parts or not wholes or not min(p.yuan.lo for p in parts) > max(w.yuan.hi for w in wholes):
                continue
            part, whole = parts[0], wholes[0]
            yield ctx.report(f"{a.name(f'{narrow}.{key}')}为{part.stated}，大于{a.name(f'{wide}.{key}' if wide else key)}"
                             f"{whole.stated}：前者是后者的一部分，不应更大，两处必有一处有误。",
                             [_source_evidence(part), _source_evidence(whole)], stated=part.stated,
                             expected=f"≤{whole.stated}")
            break


def _source_evidence(s: Source) -> Evidence:
    return evidence(s.mention) if s.mention is not None else Evidence(s.figure.stated, s.figure.loc)


def _rows_by_item(tables: list[ParsedTable]) -> dict[tuple[str, ...], tuple[ParsedTable, Row]]:
    """The classified rows of tables by the item they are: a code, or for names only the 类 above and the
    name, when no other row under that 类 bears it; an item printed twice is left out (cannot be told)."""
    seen: dict[tuple[str, ...], list[tuple[ParsedTable, Row]]] = {}
    for t in tables:
        lei = ""
        for row in t.rows:
            if not row.values or row.is_total:
                continue
            if row.code:
                item: tuple[str, ...] = (row.code,)
            else:
                lei = class_code(row) or lei
                item = (lei, re.sub(r"\s", "", row.name))
            seen.setdefault(item, []).append((t, row))
    return {item: rows[0] for item, rows in seen.items() if len(rows) == 1}
