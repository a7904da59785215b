"""The review report as one self-contained HTML page: summary, charts (inline SVG), findings.

Offline by construction: inline CSS, no script, no external URL. Everything that comes from the
document (names, quotes, messages) goes through html.escape before it is placed in the page.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from decimal import Decimal
from html import escape
from typing import Any

from ..amount import money_scale
from ..knowledge import knowledge
from ..model import CheckResult, Claim, Evidence, Fact, Finding, Location, ledger_counts
from .claims import KIND_NAMES, finding_for, ledger_line, reading_words, sum_ledgers
from .marks import amount, shown_evidence, spans, stated_as_written

_SEV = {"error": "错误", "warning": "警告", "info": "提示"}
_KIND = {"final": "决算", "budget": "预算"}
KEY_FACTS = ["income.total", "income.current_year", "expense.total", "expense.current_year", "expense.basic",
             "expense.project", "sangong.total", "operating_cost", "procurement.total"]
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
.f.ignored{{border-color:#aaa;background:#f2f2f2;color:#666}} .f.ignored .sev{{background:#999}}
.sev{{display:inline-block;font-size:12px;color:#fff;padding:0 6px;border-radius:3px;margin-right:6px}}
.sev.error{{background:#c0392b}} .sev.warning{{background:#d68910}} .sev.info{{background:#2e86c1}}
table.index{{border-collapse:collapse;width:100%;background:#fff;margin-bottom:24px;box-shadow:0 1px 3px #0002}}
table.index th,table.index td{{border:1px solid #e2e2e2;padding:6px 10px;text-align:left}}
table.index th,table.index td{{white-space:nowrap}} table.index td.file{{white-space:normal;word-break:break-all}}
table.index td.n{{text-align:right;font-variant-numeric:tabular-nums}} table.index tfoot td{{font-weight:bold}}
.more{{color:#666;font-size:13px;margin-top:4px}} .src{{color:#666;font-size:13px}}
.rule{{font-family:monospace;background:#eee;padding:0 6px;border-radius:3px;font-size:13px}}
.loc{{color:#666;font-size:13px;margin-left:6px}}
.vals{{font-size:14px;margin:4px 0}} .suggestion{{font-size:14px;margin:4px 0;color:#1e8449}} .vals b{{color:#c0392b}} .vals i{{font-style:normal;color:#1e8449;font-weight:bold}}
blockquote{{margin:6px 0 0;padding:6px 10px;background:#fff;border:1px solid #e5e5e5;border-radius:4px;font-size:14px}}
blockquote small{{color:#888;margin-right:6px}}
mark{{background:#ffe066;padding:0 2px;border-radius:2px;font-weight:bold}}
.warn{{color:#8a6d3b;background:#fcf8e3;padding:6px 10px;border-radius:4px}}
.ledger{{font-size:15px;margin:4px 0 8px}} .ledger a{{color:#2e5f8a}}
details.claims{{margin:10px 0;background:#fafafa;border:1px solid #e5e5e5;border-radius:4px;padding:6px 12px}}
details.claims summary{{cursor:pointer;font-weight:bold}} details.claims p{{margin:6px 0;color:#666;font-size:13px}}
table.claims{{border-collapse:collapse;width:100%;margin:6px 0;font-size:14px;background:#fff}}
table.claims th,table.claims td{{border:1px solid #e2e2e2;padding:4px 8px;text-align:left;vertical-align:top}}
table.claims td.w{{white-space:nowrap;color:#555;font-size:13px}} table.claims td.r{{color:#8a6d3b}}
footer{{color:#888;font-size:12px;text-align:center;margin:12px 0 24px}}
</style></head>
<body><main>
<h1>{title}</h1>
{body}
<footer>budgetdoc 生成 · 本页离线可读，不引用任何外部资源</footer>
</main></body></html>
"""


def render_html(results: list[CheckResult], errors: list[tuple[str, str]] | None = None) -> str:
    """One page for one or several checked documents; several get an index with each file's counts
    and a link to its section. `errors` are the (source, message) of inputs that could not be read."""
    errors = errors or []
    body = []
    if len(results) + len(errors) > 1:
        body.append(_index(results, errors))
    body.extend(_document(r, i) for i, r in enumerate(results, 1))
    return PAGE.format(title=escape("预决算公开文件审查报告"), body="\n".join(body))


def _counts(r: CheckResult) -> dict[str, int]:
    return {s: sum(1 for f in r.findings if f.severity == s) for s in _SEV}


# The index's ledger columns: statements, and how many were found consistent, inconsistent, not checkable.
_LEDGER_COLUMNS = {"claims": "数字表述", "verified": "核对一致", "contradicted": "不一致", "unverified": "无法核对"}


def _index(results: list[CheckResult], errors: list[tuple[str, str]]) -> str:
    rows, total = [], {s: 0 for s in _SEV}
    for i, r in enumerate(results, 1):
        c = _counts(r)
        for s in _SEV:
            total[s] += c[s]
        m = r.metadata
        name = m.department if r.disclosure and m.department else "（不是公开文件）" if not r.disclosure else "未识别"
        ledger = ledger_counts(r.claims)
        rows.append(f'<tr><td class="n">{i}</td><td class="file"><a href="#doc-{i}">{escape(r.source)}</a></td>'
                    f"<td>{escape(name)}</td><td>{m.year or ''}</td><td>{_KIND.get(m.kind or '', '')}</td>"
                    + "".join(f'<td class="n">{c[s]}</td>' for s in _SEV)
                    + f'<td class="n">{len(r.suppressed)}</td>'
                    + "".join(f'<td class="n">{ledger[k]}</td>' for k in _LEDGER_COLUMNS) + "</tr>")
    for source, message in errors:
        rows.append(f'<tr><td class="n">-</td><td>{escape(source)}</td>'
                    f'<td colspan="{7 + len(_LEDGER_COLUMNS)}">未能读取：{escape(message)}</td></tr>')
    head = "".join(f"<th>{h}</th>" for h in ("#", "文件", "部门", "年度", "文种", "错误", "警告", "提示", "已忽略",
                                             *_LEDGER_COLUMNS.values()))
    ledgers = sum_ledgers(ledger_counts(r.claims) for r in results)
    foot = (f'<tr><td></td><td>合计 {len(results)} 个文件' + (f"，{len(errors)} 个未能读取" if errors else "")
            + '</td><td></td><td></td><td></td>' + "".join(f'<td class="n">{total[s]}</td>' for s in _SEV)
            + f'<td class="n">{sum(len(r.suppressed) for r in results)}</td>'
            + "".join(f'<td class="n">{ledgers[k]}</td>' for k in _LEDGER_COLUMNS) + "</tr>")
    return (f'<h2>总览</h2><table class="index"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody><tfoot>{foot}</tfoot></table>')


def _document(r: CheckResult, number: int = 1) -> str:
    m = r.metadata
    firsts: dict[str, Fact] = {}
    for f in r.facts:
        firsts.setdefault(f.key, f)
    out = [f'<section class="doc" id="doc-{number}">']
    if not r.disclosure:
        out.append(f"<h2>{escape(r.source)}</h2>")
        out.extend(f'<p class="warn">读取提示：{escape(w)}</p>' for w in r.warnings)
        out.append("</section>")
        return "\n".join(out)
    meta = [("年度", str(m.year or "未识别")), ("文种", _KIND.get(m.kind or "", "未识别")),
            ("金额单位", m.unit or "未识别"), ("格式", f"{r.format}（编码 {r.encoding or '-'}）")]
    out += [f"<h2>{escape(m.department or '部门未识别')}</h2>",
            '<div class="meta">' + "".join(f"<div><b>{k}</b>{escape(v)}</div>" for k, v in meta) + "</div>",
            f'<p class="src">来源文件：{escape(r.source)}</p>']
    cells = [f'<td>{escape(knowledge().name(k))}</td><td class="v">{escape(amount(firsts[k].value_yuan, m.unit))}</td>'
             for k in KEY_FACTS if k in firsts]
    if cells:  # key figures two to a row
        out.append('<table class="figs">' + "".join(f"<tr>{''.join(cells[i:i + 2])}</tr>"
                                                    for i in range(0, len(cells), 2)) + "</table>")
    out.append(_charts(firsts, m.unit))
    for w in r.warnings:
        out.append(f'<p class="warn">读取提示：{escape(w)}</p>')
    counts = _counts(r)
    out.append('<p class="counts">' + "".join(f'<span class="{s}">{_SEV[s]} {n}</span>' for s, n in counts.items())
               + f'<span class="suppressed">已忽略 {len(r.suppressed)}</span></p>')
    out.append(f'<p class="ledger">{escape(ledger_line(ledger_counts(r.claims)))}'
               + (f'（<a href="#claims-{number}">逐处列出</a>）' if r.claims else "") + "</p>")
    if not r.findings:
        out.append("<p>未发现问题。</p>")
    anchors = _anchors(r, number)
    for sev, label in _SEV.items():
        group = [f for f in r.findings if f.severity == sev]
        if group:
            out.append(f"<h3>{label}（{len(group)}）</h3>")
            out.extend(_by_section(group, _headings(r), anchors))
    if r.suppressed:
        out.append(f"<h3>已按文中指令忽略（{len(r.suppressed)}）</h3>")
        out.extend(_finding(f, ignored=True, anchor=anchors.get(id(f))) for f in r.suppressed)
    if r.claims:
        out.append(_claims(r, number, anchors))
    out.append("</section>")
    return "\n".join(out)


def _anchors(r: CheckResult, number: int) -> dict[int, str]:
    """Each finding's (and suppressed finding's) anchor in the page, by the finding's id()."""
    return {id(f): f"doc-{number}-{tag}{i}" for tag, fs in (("f", r.findings), ("s", r.suppressed))
            for i, f in enumerate(fs, 1)}


def _claims(r: CheckResult, number: int, anchors: dict[int, str]) -> str:
    """The statements a reviewer still has to check by hand (unverified: quote, place, why), then the
    inconsistent ones, each linked to the finding that reports it; both collapsed."""
    out = [f'<h3 id="claims-{number}">数字表述核对</h3>']
    unverified = [c for c in r.claims if c.status == "unverified"]
    contradicted = [c for c in r.claims if c.status == "contradicted"]
    if unverified:
        out.append(f'<details class="claims unverified"><summary>无法核对的数字表述（{len(unverified)} 处）：需人工核对</summary>'
                   "<p>没有可与之核对的数字，或几种读法结果不一，程序不作判断。</p>"
                   '<table class="claims"><thead><tr><th>位置</th><th>类型</th><th>文中</th><th>引文</th><th>原因</th>'
                   "</tr></thead><tbody>"
                   + "".join(_claim_row(c, escape(c.reason or "")) for c in unverified) + "</tbody></table></details>")
    if contradicted:
        findings = [*r.findings, *r.suppressed]

        def where(c: Claim) -> str:
            i = finding_for(c, findings)
            link = f'<a href="#{anchors[id(findings[i])]}">见问题</a>' if i is not None else "（问题未列出）"
            return escape(reading_words(c.reading)) + ("<br>" if c.reading else "") + link
        out.append(f'<details class="claims contradicted"><summary>不一致的数字表述（{len(contradicted)} 处）</summary>'
                   '<table class="claims"><thead><tr><th>位置</th><th>类型</th><th>文中</th><th>引文</th>'
                   "<th>核对方式</th></tr></thead><tbody>"
                   + "".join(_claim_row(c, where(c)) for c in contradicted) + "</tbody></table></details>")
    return "\n".join(out)


def _claim_row(c: Claim, last: str) -> str:
    e = c.evidence
    found = spans(e, c.stated, "")  # the claim's own mark, else the stated figure found in the quote
    return (f'<tr><td class="w">{escape(e.loc.describe())}</td><td class="w">{escape(KIND_NAMES.get(c.kind, c.kind))}</td>'
            f'<td class="w">{escape(c.stated)}</td><td>{_mark_spans(e.quote, found)}</td><td class="r">{last}</td></tr>')


def _entry(section: dict[str, Any]) -> bool:
    """A numbered line the structure took for a heading that is really one entry of a list (a glossary
    line "9.一般公共服务（类）…：指……", a step "1.根据预算项目批复,…"): not a heading of the report."""
    title = str(section.get("title") or "")
    return (section.get("level") or 0) >= 4 and (bool(re.search(r"[:：]", title)) or len(title) > 16)


def _headings(r: CheckResult) -> dict[str, str]:
    """Section title → the heading the findings in it are shown under: list entries go under the
    heading they belong to."""
    out: dict[str, str] = {}
    current = None
    for s in r.sections:
        title = str(s.get("title") or "")
        if not _entry(s):
            current = title
        out.setdefault(title, title if not _entry(s) else (current or title))
    return out


def _by_section(findings: list[Finding], headings: dict[str, str],
                anchors: dict[int, str] | None = None) -> Iterable[str]:
    groups: dict[str, list[Finding]] = {}
    for f in findings:
        title = headings.get(f.section or "", f.section) if f.section else None
        groups.setdefault(title or "（未归入章节）", []).append(f)
    for title, fs in groups.items():
        yield f"<h4>{escape(title)}</h4>"
        yield from (_finding(f, anchor=(anchors or {}).get(id(f))) for f in fs)


def _finding(f: Finding, ignored: bool = False, anchor: str | None = None) -> str:
    where = f.evidence[0].loc.describe() if f.evidence else ""
    if len({e.loc.describe() for e in f.evidence}) > 1:
        where += f" 等{len(f.evidence)}处"
    css = "f ignored" if ignored else f"f sev-{f.severity}"
    sev = f'<span class="sev {f.severity}">{_SEV[f.severity]}</span>' if ignored else ""
    at = f'<a id="{anchor}"></a>' if anchor else ""  # where an inconsistent statement's link lands
    parts = [f'<div class="{css}">{at}{sev}<span class="rule">{escape(f.rule)}</span>'
             f'<span class="loc">{escape(where)}</span><div>{escape(f.message)}</div>']
    stated = stated_as_written(f)
    vals = ([f"文中：<b>{escape(stated)}</b>"] if stated is not None else []) + \
           ([f"应为：<i>{escape(f.expected)}</i>"] if f.expected is not None else [])
    if vals:
        parts.append(f'<div class="vals">{"　".join(vals)}</div>')
    if f.suggestion is not None:
        parts.append(f'<div class="suggestion">建议：{escape(f.suggestion)}</div>')
    shown, rest = shown_evidence(f)
    for e in shown:
        parts.append(f"<blockquote><small>{escape(e.loc.describe())}</small>{_marked(e, f)}</blockquote>")
    if rest:
        parts.append(f'<div class="more">另有{len(rest)}处：{escape("、".join(e.loc.describe() for e in rest))}</div>')
    if f.suppressed_by is not None:
        s = f.suppressed_by
        parts.append(f'<div class="loc">忽略指令：{escape(s.loc.describe())}“{escape(s.quote)}”</div>')
    parts.append("</div>")
    return "".join(parts)


def _marked(e: Evidence, f: Finding) -> str:
    return _mark_spans(e.quote, spans(e, f.stated, f.rule))


def highlight(quote: str, stated: str | None, rule: str = "") -> str:
    """The escaped quote with the stated value marked at its place in the original text (see
    marks.spans); a direction pair like "减少/增加" marks each of its words."""
    return _mark_spans(quote, spans(Evidence(quote, Location()), stated, rule))


def _mark_spans(quote: str, found: list[tuple[int, int]]) -> str:
    out, pos = [], 0
    for a, b in sorted(found):
        out.append(escape(quote[pos:a]) + f"<mark>{escape(quote[a:b])}</mark>")
        pos = b
    return "".join(out) + escape(quote[pos:])


# ---- charts: inline SVG ----

def _amount(f: Fact, unit: str | None) -> Decimal:
    return f.value_yuan / money_scale(unit or "万元")


def _charts(firsts: dict[str, Fact], unit: str | None) -> str:
    keys = [k for k in INCOME_SOURCES if k in firsts and firsts[k].value_yuan != 0]
    if not any(k in firsts for k in ("income.gpb", "income.gf", "income.soc")) and "income.fiscal" in firsts:
        keys.insert(0, "income.fiscal")  # only the total of the fiscal grants is stated
    u = unit or "万元"
    charts = []
    if keys:
        charts.append(f'<div class="chart"><p>收入来源（{u}）</p>'
                      + _bars([(knowledge().name(k), _amount(firsts[k], unit)) for k in keys], u) + "</div>")
    pie = [(knowledge().name(k), _amount(firsts[k], unit)) for k in ("expense.basic", "expense.project")
           if k in firsts and firsts[k].value_yuan != 0]
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
