"""The review report as one self-contained HTML page: summary, charts (inline SVG), findings.

Offline by construction: inline CSS, no script, no external URL. Everything that comes from the
document (names, quotes, messages) goes through html.escape before it is placed in the page.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from decimal import Decimal
from html import escape

from ..amount import money_scale
from ..knowledge import knowledge
from ..model import CheckResult, Fact, Finding

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}
_KIND = {"final": "决算", "budget": "预算"}
KEY_FACTS = ["income.total", "income.current_year", "expense.current_year", "expense.basic", "expense.project",
             "sangong.total", "operating_cost", "procurement.total"]
INCOME_SOURCES = ["income.gpb", "income.gf", "income.soc", "income.superior_subsidy", "income.business",
                  "income.operating", "income.affiliated", "income.other"]
_COLORS = ["#3b6ea8", "#e08a2e", "#4f9d69", "#b04a5a", "#7a5ea8", "#3a9aa6", "#a08a3a", "#777777"]

PAGE = """<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>
body{{font-family:"Noto Sans CJK SC","Noto Sans SC","Microsoft YaHei","PingFang SC",sans-serif;margin:0;
 background:#f4f5f7;color:#222;line-height:1.55}}
main{{max-width:1120px;margin:0 auto;padding:24px}}
h1{{font-size:24px;margin:0 0 16px}} h2{{font-size:20px;margin:0 0 12px}}
h3{{font-size:17px;margin:22px 0 8px;padding-bottom:4px;border-bottom:2px solid #ddd}}
h4{{font-size:15px;margin:14px 0 6px;color:#444}}
.doc{{background:#fff;border-radius:8px;padding:20px 24px;margin-bottom:24px;box-shadow:0 1px 3px #0002}}
.meta{{display:grid;grid-template-columns:repeat(4,1fr);gap:8px 16px;margin-bottom:12px}}
.meta div{{background:#f7f8fa;padding:6px 10px;border-radius:4px}} .meta b{{display:block;font-size:12px;color:#666}}
table.figs{{border-collapse:collapse;width:100%;margin:8px 0 12px}}
table.figs td{{border:1px solid #e2e2e2;padding:4px 10px}} table.figs td.v{{text-align:right;font-variant-numeric:tabular-nums}}
.charts{{display:flex;gap:24px;flex-wrap:wrap}} .chart{{flex:1 1 420px}} .chart p{{margin:0 0 4px;font-weight:bold}}
.counts span{{display:inline-block;margin-right:10px;padding:2px 10px;border-radius:12px;color:#fff;font-size:14px}}
.error{{background:#c0392b}} .warning{{background:#d68910}} .info{{background:#2e86c1}} .suppressed{{background:#888}}
.f{{border-left:4px solid #ccc;background:#fafafa;padding:8px 12px;margin:8px 0;border-radius:0 4px 4px 0}}
.f.sev-error{{border-color:#c0392b}} .f.sev-warning{{border-color:#d68910}} .f.sev-info{{border-color:#2e86c1}}
.rule{{font-family:monospace;background:#eee;padding:0 6px;border-radius:3px;font-size:13px}}
.loc{{color:#666;font-size:13px;margin-left:6px}}
.vals{{font-size:14px;margin:4px 0}} .vals b{{color:#c0392b}} .vals i{{font-style:normal;color:#1e8449;font-weight:bold}}
blockquote{{margin:6px 0 0;padding:6px 10px;background:#fff;border:1px solid #e5e5e5;border-radius:4px;font-size:14px}}
blockquote small{{color:#888;margin-right:6px}}
mark{{background:#ffe066;padding:0 2px;border-radius:2px;font-weight:bold}}
.warn{{color:#8a6d3b;background:#fcf8e3;padding:6px 10px;border-radius:4px}}
footer{{color:#888;font-size:12px;text-align:center;margin:12px 0 24px}}
</style></head>
<body><main>
<h1>{title}</h1>
{body}
<footer>budgetdoc 生成 · 本页离线可读，不引用任何外部资源</footer>
</main></body></html>
"""


def render_html(results: list[CheckResult]) -> str:
    """One page for one or several checked documents."""
    title = "预决算公开文件审查报告"
    if len(results) == 1 and results[0].metadata.department:
        title += "：" + results[0].metadata.department
    return PAGE.format(title=escape(title), body="\n".join(_document(r) for r in results))


def _document(r: CheckResult) -> str:
    m = r.metadata
    firsts: dict[str, Fact] = {}
    for f in r.facts:
        firsts.setdefault(f.key, f)
    meta = [("部门", m.department or "未识别"), ("年度", str(m.year or "未识别")),
            ("文种", _KIND.get(m.kind or "", "未识别")), ("金额单位", m.unit or "未识别")]
    out = ['<section class="doc">', f"<h2>{escape(m.department or r.source)}</h2>",
           '<div class="meta">' + "".join(f"<div><b>{k}</b>{escape(v)}</div>" for k, v in meta) + "</div>",
           f'<p class="loc">来源文件：{escape(r.source)}（{escape(r.format)}，编码 {escape(r.encoding or "-")}）</p>']
    cells = [f'<td>{escape(knowledge().name(k))}</td><td class="v">{escape(firsts[k].stated.strip())}</td>'
             for k in KEY_FACTS if k in firsts]
    if cells:  # key figures two to a row
        out.append('<table class="figs">' + "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>"
                                                    for i in range(0, len(cells), 2)) + "</table>")
    out.append(_charts(firsts, m.unit))
    for w in r.warnings:
        out.append(f'<p class="warn">读取提示：{escape(w)}</p>')
    counts = {s: sum(1 for f in r.findings if f.severity == s) for s in _SEV}
    out.append('<p class="counts">' + "".join(f'<span class="{s}">{_SEV[s]} {n}</span>' for s, n in counts.items())
               + f'<span class="suppressed">已忽略 {len(r.suppressed)}</span></p>')
    if not r.findings:
        out.append("<p>未发现问题。</p>")
    for sev, label in _SEV.items():
        group = [f for f in r.findings if f.severity == sev]
        if group:
            out.append(f"<h3>{label}（{len(group)}）</h3>")
            out.extend(_by_section(group))
    if r.suppressed:
        out.append(f"<h3>已按文中指令忽略（{len(r.suppressed)}）</h3>")
        out.extend(_finding(f) for f in r.suppressed)
    out.append("</section>")
    return "\n".join(out)


def _by_section(findings: list[Finding]) -> Iterable[str]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        groups.setdefault(f.section or "（未归入章节）", []).append(f)
    for title, fs in groups.items():
        yield f"<h4>{escape(title)}</h4>"
        yield from (_finding(f) for f in fs)


def _finding(f: Finding) -> str:
    where = f.evidence[0].loc.describe() if f.evidence else ""
    parts = [f'<div class="f sev-{f.severity}"><span class="rule">{escape(f.rule)}</span>'
             f'<span class="loc">{escape(where)}</span><div>{escape(f.message)}</div>']
    if f.stated is not None or f.expected is not None:
        parts.append(f'<div class="vals">文中：<b>{escape(f.stated or "-")}</b>　应为：'
                     f'<i>{escape(f.expected or "-")}</i></div>')
    for e in f.evidence:
        parts.append(f"<blockquote><small>{escape(e.loc.describe())}</small>{highlight(e.quote, f.stated)}</blockquote>")
    if f.suppressed_by is not None:
        s = f.suppressed_by
        parts.append(f'<div class="loc">忽略指令：{escape(s.loc.describe())}“{escape(s.quote)}”</div>')
    parts.append("</div>")
    return "".join(parts)


def highlight(quote: str, stated: str | None) -> str:
    """The escaped quote with the stated value marked: its last occurrence (the claim ends the quote);
    a direction pair like "减少/增加" marks each of its words."""
    if not stated:
        return escape(quote)
    needles = [stated] if stated in quote else [s for s in stated.split("/") if s]
    spans: list[tuple[int, int]] = []
    for n in needles:
        i = quote.rfind(n)
        if i >= 0 and not any(a < i + len(n) and i < b for a, b in spans):
            spans.append((i, i + len(n)))
    out, pos = [], 0
    for a, b in sorted(spans):
        out.append(escape(quote[pos:a]) + f"<mark>{escape(quote[a:b])}</mark>")
        pos = b
    return "".join(out) + escape(quote[pos:])


# ---- charts: inline SVG ----

def _amount(f: Fact, unit: str | None) -> Decimal:
    return f.value_yuan / money_scale(unit or "万元")


def _charts(firsts: dict[str, Fact], unit: str | None) -> str:
    keys = [k for k in INCOME_SOURCES if k in firsts]
    if not any(k in firsts for k in ("income.gpb", "income.gf", "income.soc")) and "income.fiscal" in firsts:
        keys.insert(0, "income.fiscal")  # only the total of the fiscal grants is stated
    u = unit or "万元"
    charts = []
    if keys:
        charts.append(f'<div class="chart"><p>收入来源（{u}）</p>'
                      + _bars([(knowledge().name(k), _amount(firsts[k], unit)) for k in keys], u) + "</div>")
    pie = [(knowledge().name(k), _amount(firsts[k], unit)) for k in ("expense.basic", "expense.project") if k in firsts]
    if pie:
        charts.append(f'<div class="chart"><p>基本支出与项目支出（{u}）</p>' + _pie(pie, u) + "</div>")
    return '<div class="charts">' + "".join(charts) + "</div>" if charts else ""


def _bars(items: list[tuple[str, Decimal]], unit: str) -> str:
    width, label_w, row_h = 520, 190, 28
    top = max((v for _, v in items), default=Decimal(0)) or Decimal(1)
    h = row_h * len(items) + 10
    out = [f'<svg width="{width}" height="{h}" role="img" '
           f'aria-label="收入来源条形图" font-size="13">']
    for i, (name, v) in enumerate(items):
        y = 5 + i * row_h
        w = float(v / top) * (width - label_w - 110)
        out.append(f'<text x="{label_w - 8}" y="{y + 18}" text-anchor="end">{escape(name)}</text>'
                   f'<rect x="{label_w}" y="{y + 4}" width="{max(w, 1):.1f}" height="{row_h - 10}" '
                   f'fill="{_COLORS[i % len(_COLORS)]}"/>'
                   f'<text x="{label_w + max(w, 1) + 6:.1f}" y="{y + 18}">{v:,.2f}</text>')
    out.append("</svg>")
    return "".join(out)


def _pie(items: list[tuple[str, Decimal]], unit: str) -> str:
    total = sum((v for _, v in items), Decimal(0))
    cx, cy, r = 110, 110, 95
    out = ['<svg width="520" height="230" role="img" '
           'aria-label="基本支出与项目支出饼图" font-size="13">']
    angle = -math.pi / 2
    for i, (_name, v) in enumerate(items):
        color = _COLORS[i % len(_COLORS)]
        share = float(v / total) if total else 0.0
        if share >= 0.9999:  # one slice is the whole circle: an arc cannot draw it
            out.append(f'<circle cx="{cx}" cy="{cy}" r="{r}" fill="{color}"/>')
        elif share > 0:
            end = angle + share * 2 * math.pi
            x1, y1 = cx + r * math.cos(angle), cy + r * math.sin(angle)
            x2, y2 = cx + r * math.cos(end), cy + r * math.sin(end)
            large = 1 if share > 0.5 else 0
            out.append(f'<path d="M{cx},{cy} L{x1:.2f},{y1:.2f} A{r},{r} 0 {large} 1 {x2:.2f},{y2:.2f} Z" '
                       f'fill="{color}" stroke="#fff" stroke-width="1.5"/>')
            angle = end
    for i, (name, v) in enumerate(items):
        y = 70 + i * 34
        pct = f"{v / total * 100:.2f}%" if total else "-"
        out.append(f'<rect x="235" y="{y - 12}" width="14" height="14" fill="{_COLORS[i % len(_COLORS)]}"/>'
                   f'<text x="256" y="{y}">{escape(name)} {v:,.2f}{escape(unit)}（{pct}）</text>')
    out.append("</svg>")
    return "".join(out)
