"""A review a person reads: findings grouped by severity, each with its quote, place and values."""

from __future__ import annotations

from ..knowledge import knowledge
from ..model import CheckResult, Finding, ledger_counts
from .claims import ledger_line
from .marks import amount, shown_evidence, stated_as_written

_TITLES = {"error": "错误", "warning": "警告", "info": "提示"}
_KIND = {"final": "决算", "budget": "预算", None: "未识别"}
_KEY_FACTS = ["income.total", "income.current_year", "expense.total", "expense.current_year",
              "expense.basic", "expense.project", "sangong.total", "operating_cost", "procurement.total"]


def render_text(result: CheckResult) -> str:
    m = result.metadata
    out = [f"== {result.source}"]
    if not result.disclosure:
        out.append(f"格式：{result.format}  编码：{result.encoding or '-'}")
        out.extend(f"读取提示：{w}" for w in result.warnings)
        return "\n".join(out) + "\n"
    out.append(f"部门：{m.department or '未识别'}  年度：{m.year or '未识别'}  文种：{_KIND[m.kind]}  "
               f"单位：{m.unit or '未识别'}  编码：{result.encoding or '-'}")
    firsts = {}
    for f in result.facts:
        firsts.setdefault(f.key, f)
    figures = [f"{knowledge().name(k)} {amount(firsts[k].value_yuan, m.unit)}" for k in _KEY_FACTS if k in firsts]
    if figures:
        out.append("主要数字：" + "；".join(figures))
    for w in result.warnings:
        out.append(f"读取提示：{w}")
    counts = {s: sum(1 for f in result.findings if f.severity == s) for s in _TITLES}
    out.append(f"发现问题：错误 {counts['error']} 项，警告 {counts['warning']} 项，提示 {counts['info']} 项"
               + (f"；已按文中指令忽略 {len(result.suppressed)} 项" if result.suppressed else ""))
    out.append(ledger_line(ledger_counts(result.claims)))  # every numeric statement and what checking found
    for sev, title in _TITLES.items():
        group = [f for f in result.findings if f.severity == sev]
        if not group:
            continue
        out.append(f"\n[{title}]")
        for i, f in enumerate(group, 1):
            out.extend(_finding(i, f))
    if result.suppressed:  # recorded, not dropped: a reviewer sees what the author chose to ignore
        out.append("\n[已忽略]")
        for i, f in enumerate(result.suppressed, 1):
            where = f.evidence[0].loc.describe() if f.evidence else ""
            by = f.suppressed_by.loc.describe() if f.suppressed_by else ""
            out.append(f"{i}. ({f.rule}) {where} {f.message}（{by}的忽略指令）")
    return "\n".join(out) + "\n"


def _finding(i: int, f: Finding) -> list[str]:
    ev = f.evidence[0] if f.evidence else None
    where = ev.loc.describe() if ev else ""
    if len(f.evidence) > 1 and len({e.loc.describe() for e in f.evidence}) > 1:
        where += f" 等{len(f.evidence)}处"
    out = [f"{i}. ({f.rule}) {where} {f.message}"]
    stated = stated_as_written(f)
    values = ([f"文中：{stated}"] if stated is not None else []) + \
             ([f"应为：{f.expected}"] if f.expected is not None else [])
    if values:
        out.append("   " + "    ".join(values))
    if f.suggestion is not None:
        out.append(f"   建议：{f.suggestion}")
    shown, rest = shown_evidence(f)
    for e in shown:
        out.append(f"   > {e.loc.describe()}：{e.quote}")
    if rest:
        out.append(f"   > 另有{len(rest)}处：" + "、".join(e.loc.describe() for e in rest))
    return out
