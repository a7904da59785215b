"""Wording consistency: outdated classification names, list numbering that skips, money units that
differ from the rest of the document, 机关运行经费 larger than the 公用经费 it is part of."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from decimal import Decimal

from ..amount import money_unit
from ..model import Evidence, Finding
from .base import RuleContext, evidence, line_evidence, rule
from .sums import first_levels, in_side_section


@rule("classification-name", "wording", "warning", "功能分类科目名称已过时",
      "2019年起“医疗卫生与计划生育支出”改为“卫生健康支出”，“文化体育与传媒支出”改为“文化旅游体育与传媒支出”；"
      "此后年度的文件须用新名称。",
      rationale="政府收支分类科目每年由财政部修订，公开文件须使用当年科目名称。")
def check_class_names(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    if a.meta.year is None:
        return
    renamed = [r for r in a.knowledge.claims.get("renamed_classes", []) if a.meta.year >= r["since"]]
    for line in a.lines:
        for r in renamed:
            i = line.norm.text.find(r["old"])
            if i >= 0:
                yield ctx.report(f"{a.meta.year}年文件使用了已更名的科目名称“{r['old']}”，{r['since']}年起应为“{r['new']}”。",
                              [line_evidence(line, 0, len(line.norm.text))], stated=r["old"], expected=r["new"])
        for block_row in (line.block.rows or []):
            for cell in block_row:
                for r in renamed:
                    if r["old"] in cell.text:
                        yield ctx.report(f"表中使用了已更名的科目名称“{r['old']}”，{r['since']}年起应为“{r['new']}”。",
                                      [Evidence(cell.text, cell.loc)], stated=r["old"], expected=r["new"])


_ITEM = re.compile(r"^\s*(-\s*)?(?P<n>\d{1,2})\s*[.、](?!\d)")


@rule("numbering-skip", "wording", "warning", "序号不连续",
      "同一列表中的序号应连续：“5.……”之后是“7.……”，说明漏了一项或编号有误。",
      rationale="情况说明逐项列示科目，序号跳号常因删除内容或复制粘贴造成，需核对是否漏列。")
def check_numbering(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    prev_n: int | None = None
    prev_section = None
    for line in a.lines:
        if line.block.kind == "table":
            continue
        m = _ITEM.match(line.norm.text)
        if line.section is not prev_section and not (m and line.is_heading):
            prev_n, prev_section = None, line.section
        if m is None:
            continue
        n = int(m.group("n"))
        if prev_n is not None and n > prev_n + 1 and n - prev_n <= 3:
            yield ctx.report(f"序号由{prev_n}跳到{n}，中间缺少{prev_n + 1}。",
                          [line_evidence(line, 0, min(len(line.norm.text), 40))], stated=str(n), expected=str(prev_n + 1))
        prev_n = n if n != 1 or prev_n is None else 1


@rule("unit-mix", "wording", "warning", "金额单位与全文不一致",
      "全文以“元”为单位时出现“万元”（或相反），读者易把数字看错一万倍：如全文为元的文件写“支出0万元”。",
      rationale="同一份公开文件的说明部分应统一计量单位，表格单位须在表头注明。")
def check_unit_mix(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    units: Counter[str] = Counter()
    money = [(ln, m) for ln, ms in a.mentions for m in ms if not m.is_percent and not m.threshold]
    for _ln, m in money:
        units[money_unit(m.unit)] += 1
    total = sum(units.values())
    if total < 10:
        return
    main, count = units.most_common(1)[0]
    if count / total < 0.9:
        return  # the document mixes units on purpose
    for _ln, m in money:
        unit = money_unit(m.unit)
        sec = m.line.section
        in_overview = sec is not None and any(x.type == "overview" for x in sec.chain())
        if unit != main and not in_side_section(m) and not in_overview:  # 概况 cites other money
            yield ctx.report(f"全文金额以{main}为单位，此处为“{m.stated.strip()}”。",
                          [evidence(m)], stated=m.stated.strip(), expected=f"以{main}表述")


@rule("operating-cost", "arithmetic", "error", "机关运行经费超过公用经费",
      "机关运行经费是行政单位（含参公单位）基本支出中的公用经费，不能超过全部门的公用经费。",
      rationale="机关运行经费 ⊆ 一般公共预算财政拨款基本支出中的公用经费（名词解释口径）。")
def check_operating_cost(ctx: RuleContext) -> Iterator[Finding]:
    a = ctx.analysis
    first = first_levels(a)
    op = first.get("operating_cost")
    public = first.get("gpb.expense.public") or first.get("expense.public")
    if op is None or public is None:
        return
    if op.yuan.lo > public.yuan.hi * Decimal(1):  # type: ignore[attr-defined]
        yield ctx.report(f"机关运行经费{op.stated.strip()}超过公用经费{public.stated.strip()}。",  # type: ignore[attr-defined]
                      [evidence(op), evidence(public)], stated=op.stated.strip(),  # type: ignore[arg-type, attr-defined]
                      expected=f"≤{public.stated.strip()}")  # type: ignore[attr-defined]
