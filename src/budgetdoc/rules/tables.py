"""Table checks: 类 = Σ款 = Σ项 and 合计 = Σ类 in classification tables, a row's 合计 column equal to
its parts (基本支出 + 项目支出 ...), and the explanation text stating the same figures as the tables."""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal

from ..extract.tables import ParsedTable, Row, Value, _kinds
from ..interval import Interval, interval_sum
from ..model import Evidence, Fact, Finding
from .base import RuleContext, miss_severity_of, rule
from .sums import in_side_section

_TOTAL_NAMES = ("合计", "总计")


def _row_quote(row: Row) -> str:
    return " | ".join(c.text.strip() for c in row.cells if c.text.strip())


def _ev(row: Row, v: Value) -> Evidence:
    return Evidence(_row_quote(row), v.cell.loc)


def _severity(total: Value, parts: Interval) -> str | None:
    return miss_severity_of(total.value, total.decimals, parts)


def _half_unit(stated: str) -> Decimal:
    """Half a unit of the last digit of a stated amount, in yuan ("221.33万元" -> 50)."""
    number = stated.replace("万元", "").replace("元", "").strip()
    decimals = len(number.split(".")[1]) if "." in number else 0
    scale = Decimal(10000) if "万" in stated else Decimal(1)
    return Decimal(5).scaleb(-(decimals + 1)) * scale


def _fmt(x: Decimal, decimals: int) -> str:
    return f"{x.quantize(Decimal(1).scaleb(-decimals)):,}"


@rule("table-hierarchy", "table", "error", "科目层级合计不符",
      "功能分类/经济分类表中，类的金额等于其下各款之和，款等于其下各项之和，合计行等于各类之和。"
      "例：201一般公共服务支出16,845.17 = 20131 16,845.17；20131 = 2013101 6,106.99 + 2013102 10,738.18。",
      rationale="政府收支分类科目按类、款、项逐级汇总（类3位、款5位、项7位编码），上级科目金额等于下级科目之和。",
      last_digit=True)
def check_hierarchy(ctx: RuleContext) -> Iterator[Finding]:
    for t in ctx.analysis.tables:
        if not t.classification:
            continue
        coded = [r for r in t.rows if r.code]
        for i, parent in enumerate(coded):
            children: list[Row] = []
            for r in coded[i + 1:]:
                if not r.code.startswith(parent.code) or len(r.code) <= len(parent.code):  # type: ignore[union-attr]
                    break
                if len(r.code) == len(parent.code) + 2:  # type: ignore[arg-type]
                    children.append(r)
            if children:
                yield from _compare(ctx, t, parent, children, f"{parent.code} {parent.name}", "其下各级科目")
        total = next((r for r in t.rows if not r.code and r.name in _TOTAL_NAMES and r.values), None)
        classes = [r for r in coded if len(r.code) == 3]  # type: ignore[arg-type]
        if total is not None and classes:
            yield from _compare(ctx, t, total, classes, "合计行", "各类科目")


def _compare(ctx: RuleContext, t: ParsedTable, parent: Row, children: list[Row], what: str, parts_name: str) -> Iterator[Finding]:
    for col, v in parent.values.items():
        if not all(col in c.values or not any(x.cell.col == col for x in c.values.values()) for c in children):
            continue
        parts = interval_sum([c.values[col].interval for c in children if col in c.values])
        sev = _severity(v, parts)
        if sev is None:
            continue
        header = t.headers.get(col, "")
        yield ctx.report(f"《{t.title[:30]}》{what}{('「' + header + '」') if header else ''}为{_fmt(v.value, v.decimals)}，"
                      f"{parts_name}之和为{_fmt(parts.mid, v.decimals)}，不相等。",
                      [_ev(parent, v)], stated=_fmt(v.value, v.decimals), expected=_fmt(parts.mid, v.decimals),
                      slip=sev == "slip")


@rule("table-row-total", "table", "error", "表内合计列与分项列不符",
      "同一行中“合计”列应等于其后各组成列之和（基本支出 + 项目支出，人员经费 + 公用经费，各资金来源……）。",
      rationale="本年支出合计 = 基本支出 + 项目支出 + …；基本支出 = 人员经费 + 公用经费；收入合计 = 各资金来源之和。",
      last_digit=True)
def check_row_totals(ctx: RuleContext) -> Iterator[Finding]:
    _, total_headers, part_headers = _kinds()
    for t in ctx.analysis.tables:
        cols = sorted(t.headers)
        for i, col in enumerate(cols):
            if t.headers[col] not in total_headers:
                continue
            parts = []
            for nxt in cols[i + 1:]:
                if t.headers[nxt] not in part_headers:
                    break
                parts.append(nxt)
            if len(parts) < 2:
                continue
            for row in t.rows:
                v = row.values.get(col)
                if v is None:
                    continue
                s = interval_sum([row.values[p].interval for p in parts if p in row.values])
                sev = _severity(v, s)
                if sev is not None:
                    names = "+".join(t.headers[p] for p in parts)
                    yield ctx.report(f"《{t.title[:30]}》“{row.name or row.code}”行：合计{_fmt(v.value, v.decimals)}，"
                                  f"{names}为{_fmt(s.mid, v.decimals)}。", [_ev(row, v)],
                                  stated=_fmt(v.value, v.decimals), expected=_fmt(s.mid, v.decimals),
                                  slip=sev == "slip")


@rule("table-text", "consistency", "error", "说明与表格数字不一致",
      "情况说明中陈述的数字必须与所附表格一致，例：说明写基本支出221.33万元，表中为221.30万元。",
      rationale="情况说明是对部门预决算表的解释（财预〔2016〕143号），同一数据在表和说明中必须一致。",
      last_digit=True)
def check_table_text(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    text_first: dict[str, Fact] = {}
    for m in a.all_mentions():
        if m.is_percent or m.is_change or in_side_section(m):
            continue
        for f in m.facts:
            text_first.setdefault(f.key, f)
    table_first: dict[str, Fact] = {}
    for f in a.table_facts:
        table_first.setdefault(f.key, f)
    for key, tf in table_first.items():
        xf = text_first.get(key)
        if xf is None:
            continue
        # Tables in 元 beside text in 万元: each figure's own rounding decides the tolerance.
        gap = abs(xf.value_yuan - tf.value_yuan) - _half_unit(xf.stated) - _half_unit(tf.stated)
        if gap <= 0:
            continue
        # Off by at most one unit of the text's last digit: truncated instead of rounded.
        slip = gap <= 2 * _half_unit(xf.stated)
        name = key.split("func.", 1)[1] if "func." in key else a.name(key)
        yield ctx.report(f"{name}：说明中为{xf.stated}，表中为{tf.stated}。",
                         [Evidence(xf.stated, xf.loc), Evidence(tf.stated, tf.loc)], stated=xf.stated, expected=tf.stated,
                         slip=slip)


def _fact_interval(f: Fact) -> Interval:
    half = _half_unit(f.stated)
    return Interval(f.value_yuan - half, f.value_yuan + half)


@rule("table-identity", "table", "error", "表内收支恒等式不成立",
      "收支总表等表格中：收入总计 = 支出总计，本年支出合计 = 基本支出 + 项目支出 + …，本年收入合计 = 各项收入之和等。",
      rationale="收入总计 = 支出总计；本年支出合计 = 基本支出 + 项目支出 + 上缴上级支出 + 经营支出 + 对附属单位补助支出（domain 恒等式）。",
      last_digit=True)
def check_table_identities(ctx: RuleContext) -> Iterator[Finding]:
    from ..knowledge import knowledge

    for t in ctx.analysis.tables:
        first: dict[str, Fact] = {}
        for f in t.facts:
            first.setdefault(f.key, f)
        for ident in knowledge().identities:
            if not ident.complete:
                continue
            for scope in ("", "fiscal.", "gpb.", "gf.", "soc."):
                total = first.get(scope + ident.total)
                parts = [first.get(scope + p) for p in ident.parts]
                if total is None or any(p is None for p in parts) or any(p is total for p in parts):
                    continue
                s = interval_sum([_fact_interval(p) for p in parts])  # type: ignore[arg-type]
                if _fact_interval(total).overlaps(s):
                    continue
                yield ctx.report(f"《{t.title[:30]}》{ident.name}不成立：{knowledge().name(scope + ident.total)}{total.stated}，"
                              f"各项之和{s.mid / (Decimal(10000) if '万' in total.stated else 1):.2f}。",
                              [Evidence(total.stated, total.loc)], stated=total.stated,
                              slip=s.gap(total.value_yuan) <= 2 * _half_unit(total.stated))
        inc, exp = first.get("income.total"), first.get("expense.total")
        if inc is not None and exp is not None and inc is not exp and \
                not _fact_interval(inc).overlaps(_fact_interval(exp)):
            yield ctx.report(f"《{t.title[:30]}》收入总计{inc.stated}与支出总计{exp.stated}不相等。",
                             [Evidence(inc.stated, inc.loc), Evidence(exp.stated, exp.loc)], stated=exp.stated,
                             expected=inc.stated,
                             slip=_fact_interval(inc).gap(exp.value_yuan) <= 2 * _half_unit(inc.stated))
