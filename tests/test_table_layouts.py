"""Tables read by their structure, one layout at a time, each built with a real library (lxml-parsed
HTML, python-docx, openpyxl, reportlab) and each with a case that must fire and one that must not.

The figures come from seed 002 (攀枝花市西区行政审批局 2020 决算): 本年支出合计 376.83 = 基本支出
221.33 (人员经费 190.40 + 公用经费 30.93) + 项目支出 155.50; 201 一般公共服务支出 302.16 …
"""

from __future__ import annotations

from pathlib import Path

import docx
import openpyxl
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from budgetdoc import check
from budgetdoc.load import load

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
TITLE = "攀枝花市西区行政审批局2020年度部门决算"
EXPENSE_TITLE = "一般公共预算财政拨款支出决算表"

# 合计 | 基本支出 (小计, 人员经费, 公用经费) | 项目支出: a two-row header whose 基本支出 spans three columns.
HEAD = [["科目编码", "科目名称", "合计", "基本支出", "", "", "项目支出"],
        ["", "", "", "小计", "人员经费", "公用经费", ""]]
BODY = [["", "合计", "376.83", "221.33", "190.40", "30.93", "155.50"],
        ["201", "一般公共服务支出", "302.16", "176.66", "150.00", "26.66", "125.50"],
        ["208", "社会保障和就业支出", "74.67", "44.67", "40.40", "4.27", "30.00"]]
# (row, col, rowspan, colspan) of the merged header cells
MERGES = [(0, 0, 2, 1), (0, 1, 2, 1), (0, 2, 2, 1), (0, 3, 1, 3), (0, 6, 2, 1)]


def _errors(path: Path, rule: str) -> list:
    return [f for f in check(path).findings if f.rule == rule and f.severity == "error"]


def _html(path: Path, body: list[list[str]]) -> Path:
    spans = {(r, c): (rs, cs) for r, c, rs, cs in MERGES}
    covered = {(r + dr, c + dc) for r, c, rs, cs in MERGES for dr in range(rs) for dc in range(cs)} - set(spans)
    rows = []
    for r, row in enumerate(HEAD + body):
        cells = []
        for c, text in enumerate(row):
            if (r, c) in covered:
                continue
            rs, cs = spans.get((r, c), (1, 1))
            cells.append(f'<td rowspan="{rs}" colspan="{cs}">{text}</td>')
        rows.append("<tr>" + "".join(cells) + "</tr>")
    path.write_text(f"<html><body><h1>{TITLE}</h1><p>{EXPENSE_TITLE}</p><p>单位：万元</p>"
                    f"<table>{''.join(rows)}</table></body></html>", encoding="utf-8")
    return path


def _docx(path: Path, body: list[list[str]]) -> Path:
    d = docx.Document()
    for line in (TITLE, EXPENSE_TITLE, "单位：万元"):
        d.add_paragraph(line)
    rows = HEAD + body
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            if text:
                t.cell(r, c).text = text
    for r, c, rs, cs in MERGES:
        t.cell(r, c).merge(t.cell(r + rs - 1, c + cs - 1))
    d.save(str(path))
    return path


def _xlsx(path: Path, body: list[list[str]]) -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append([TITLE])
    ws.append([EXPENSE_TITLE + "（单位：万元）"])
    for row in HEAD + body:
        ws.append([float(x) if x.replace(".", "").isdigit() and "." in x else (x or None) for x in row])
    for r, c, rs, cs in MERGES:
        ws.merge_cells(start_row=r + 3, start_column=c + 1, end_row=r + 2 + rs, end_column=c + cs)
    wb.save(str(path))
    return path


def _pdf(path: Path, blocks: list[tuple[str, list[list[str]], list[tuple]]], repeat: int = 0) -> Path:
    """Tables drawn with grid lines; `blocks` are (title, rows, extra table styles)."""
    story = [Paragraph(TITLE, STYLE)]
    for title, rows, extra in blocks:
        style = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                            ("GRID", (0, 0), (-1, -1), 0.5, colors.black), *extra])
        story += [Paragraph(title, STYLE), Paragraph("单位：万元", STYLE),
                  Table(rows, style=style, repeatRows=repeat), Spacer(1, 12)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _spans_style() -> list[tuple]:
    return [("SPAN", (c, r), (c + cs - 1, r + rs - 1)) for r, c, rs, cs in MERGES]


# ---- multi-level headers: 小计 sums its own group, 合计 sums the groups ----

def _bad_body() -> list[list[str]]:
    bad = [row[:] for row in BODY]
    bad[1][4] = "140.00"  # 201 人员经费 140.00 + 公用经费 26.66 = 166.66 ≠ 小计 176.66
    return bad


def test_html_rowspan_colspan_header(tmp_path: Path) -> None:
    assert not _errors(_html(tmp_path / "ok.html", BODY), "table-row-total")  # 小计 ≠ 合计 is not an error
    found = _errors(_html(tmp_path / "bad.html", _bad_body()), "table-row-total")
    assert [(f.stated, f.expected) for f in found] == [("176.66", "166.66")]


def test_docx_merged_header(tmp_path: Path) -> None:
    assert not _errors(_docx(tmp_path / "ok.docx", BODY), "table-row-total")
    found = _errors(_docx(tmp_path / "bad.docx", _bad_body()), "table-row-total")
    assert [(f.stated, f.expected) for f in found] == [("176.66", "166.66")]


def test_xlsx_merged_ranges(tmp_path: Path) -> None:
    assert not _errors(_xlsx(tmp_path / "ok.xlsx", BODY), "table-row-total")
    found = _errors(_xlsx(tmp_path / "bad.xlsx", _bad_body()), "table-row-total")
    assert [(f.stated, f.expected, f.evidence[0].loc.cell) for f in found] == [("176.66", "166.66", "D6")]


def test_pdf_spanning_header(tmp_path: Path) -> None:
    assert not _errors(_pdf(tmp_path / "ok.pdf", [(EXPENSE_TITLE, HEAD + BODY, _spans_style())]), "table-row-total")
    found = _errors(_pdf(tmp_path / "bad.pdf", [(EXPENSE_TITLE, HEAD + _bad_body(), _spans_style())]),
                    "table-row-total")
    assert [(f.stated, f.expected) for f in found] == [("176.66", "166.66")]


def test_total_not_checked_when_a_component_is_unknown(tmp_path: Path) -> None:
    """A column the knowledge does not name (调剂数) among the parts: the parts may be incomplete."""
    head = [["科目编码", "科目名称", "合计", "基本支出", "项目支出", "调剂数"]]
    body = [["201", "一般公共服务支出", "302.16", "176.66", "100.00", "25.50"]]
    path = _pdf(tmp_path / "t.pdf", [(EXPENSE_TITLE, head + body, [])])
    assert not _errors(path, "table-row-total")


def test_last_years_column_is_no_component(tmp_path: Path) -> None:
    """上年数 beside 合计 | 基本支出 | 项目支出 is another year's figure, never a part: 合计 = 基本 + 项目 is checked
    (276.66 = 176.66 + 100.00; printed 302.16 it is an error)."""
    head = [["科目编码", "科目名称", "合计", "基本支出", "项目支出", "上年数"]]
    ok = [["201", "一般公共服务支出", "276.66", "176.66", "100.00", "290.00"]]
    assert not _errors(_pdf(tmp_path / "ok.pdf", [(EXPENSE_TITLE, head + ok, [])]), "table-row-total")
    bad = [["201", "一般公共服务支出", "302.16", "176.66", "100.00", "290.00"]]
    found = _errors(_pdf(tmp_path / "bad.pdf", [(EXPENSE_TITLE, head + bad, [])]), "table-row-total")
    assert [(f.stated, f.expected) for f in found] == [("302.16", "276.66")]


# ---- text laid out with spaces (what a PDF-to-text tool prints for a table page) ----

def _layout(path: Path, rows: list[list[str]], blank_line: bool = False) -> Path:
    """The rows as a text file of aligned columns: figures right-aligned, other cells centred, columns two
    spaces apart or more, widths in printed columns (a CJK character takes two), blank cells only spaces."""
    def w(t: str) -> int:
        return sum(2 if "\u4e00" <= ch <= "\u9fff" or ch in "（）：" else 1 for ch in t)
    widths = [max(w(r[c]) for r in rows) for c in range(len(rows[0]))]
    lines = []
    for row in rows:
        cells = []
        for c, text in enumerate(row):
            pad = widths[c] - w(text)
            figure = text.replace(".", "").replace(",", "").isdigit() and c >= 2
            cells.append(" " * pad + text if figure else " " * (pad // 2) + text + " " * (pad - pad // 2))
        lines.append("    ".join(cells).rstrip())
        if blank_line:
            lines.append("")
    path.write_text("\n".join([TITLE, EXPENSE_TITLE, "单位：万元", *lines, "", "注：本表为示例。"]) + "\n",
                    encoding="utf-8")
    return path


def test_space_aligned_text_table(tmp_path: Path) -> None:
    """A row whose 公用经费 is blank keeps its 项目支出 in its own column (208: 74.67 = 基本 44.67 + 项目
    30.00, 人员经费 44.67, 公用经费 blank; so 合计 人员经费 194.67 = 150.00 + 44.67, 公用经费 26.66). Blank
    lines between the rows (a layout that keeps the spacing) do not end the table."""
    body = [["", "合计", "376.83", "221.33", "194.67", "26.66", "155.50"], BODY[1][:],
            ["208", "社会保障和就业支出", "74.67", "44.67", "44.67", "", "30.00"]]
    for blank in (False, True):
        path = _layout(tmp_path / f"ok{blank}.txt", HEAD + body, blank)
        table = [b for b in load(path).blocks if b.kind == "table"]
        assert len(table) == 1 and [c.text for c in table[0].rows[-1]] == body[2]
        assert not [f for f in check(path).findings if f.severity == "error"]
        bad = [row[:] for row in body]
        bad[1][4] = "140.00"  # 201 人员经费 140.00 + 公用经费 26.66 = 166.66 ≠ 小计 176.66
        found = _errors(_layout(tmp_path / f"bad{blank}.txt", HEAD + bad, blank), "table-row-total")
        assert [(f.stated, f.expected, f.evidence[0].loc.line) for f in found] == \
            [("176.66", "166.66", 7 + 3 * blank)]


def test_space_aligned_heading_over_a_blank_column_is_not_guessed(tmp_path: Path) -> None:
    """公用经费 blank in every row: its heading stands over no figure, so which column a heading names
    cannot be told from where the cells stand. The lines stay text, and no table finding is made."""
    body = [row[:5] + ["", row[6]] for row in BODY]
    path = _layout(tmp_path / "t.txt", HEAD + body)
    assert not any(b.kind == "table" for b in load(path).blocks)
    r = check(path)
    assert not [f for f in r.findings if f.severity == "error"]


def test_space_aligned_labels_wrapped_around_their_figures(tmp_path: Path) -> None:
    """A label too long for its column, printed as PDF-to-text tools do: its lines above and below the row's
    figures, the row's own label cell blank ("一般公共服务" / "201        302.16 …" / "支出"), or its middle line
    beside them ("机关事业单位" / "2080505 基本养老保险 44.67" / "缴费支出"). Each row keeps its whole name, and
    a wrong figure is still found on its row (201: 176.66 + 125.50 = 302.16)."""
    def layout(first: str) -> str:
        return "\n".join([
            TITLE, EXPENSE_TITLE, "单位：万元",
            "科目编码     科目名称            合计      基本支出      项目支出",
            "             合计              376.83      221.33      155.50",
            "             一般公共服务",
            f"201                             {first}      176.66      125.50",
            "             支出",
            "             社会保障和就",
            "208                              74.67       44.67       30.00",
            "             业支出",
            "             机关事业单位",
            "2080505      基本养老保险         74.67       44.67       30.00",
            "             缴费支出",
            "", "注：本表为示例。", ""])
    path = tmp_path / "ok.txt"
    path.write_text(layout("302.16"), encoding="utf-8")
    table = next(b for b in load(path).blocks if b.kind == "table")
    assert [c.text for row in table.rows for c in row[:2] if c.text] == [
        "科目编码", "科目名称", "合计", "201", "一般公共服务支出", "208", "社会保障和就业支出",
        "2080505", "机关事业单位基本养老保险缴费支出"]
    assert not [f for f in check(path).findings if f.severity == "error"]
    bad = tmp_path / "bad.txt"
    bad.write_text(layout("320.16"), encoding="utf-8")
    assert ("320.16", "302.16") in [(f.stated, f.expected) for f in check(bad).findings if f.severity == "error"]


def test_a_sentence_runs_on_over_a_page_number(tmp_path: Path) -> None:
    """Text copied from a PDF keeps the page's number between the two halves of a sentence: the sentence is
    one, so 11307.34 is the 一般公共预算 part of 11884.37 (2703.49 + 239.56 + 8941.32 = 11884.37;
    2703.19 + 239.56 + 8364.59 = 11307.34), no second 政府采购 total."""
    prose = ("（一）机关运行经费。2026年一般公共预算财政拨款运行经费2115.63万元，比2025年增加1.05万元，主要原因是机关办公费"
             "有所增加。主要用于办公费、印刷费、邮电费、水电费、物管费、差旅费、会议费、培训费及其他商品和服务支出等。"
             "（二）政府采购情况。所属各预算单位政府采购预算总额11884.37万元：政府采购货物预算2703.49万元、政府采购工程预算"
             "239.56万元、政府采购服务预算8941.32万元；其中一般公共预算拨款政府采购11307.34万元：政府采购货物预算"
             "2703.19万元、政府采购工程预算239.56万元、政府采购服务预算8364.59万元。（三）绩效目标设置情况。2026年项目支出"
             "均实行了绩效目标管理，涉及一般公共预算财政拨款项目支出资金全部纳入绩效目标管理的范围并编制了绩效目标。")
    at = prose.index("拨款政府采购")  # the page breaks right before it: lines of 40 ending there
    first = at % 40
    lines = [prose[:first], *(prose[i:i + 40] for i in range(first, len(prose), 40))]
    cut = (at - first) // 40 + 1
    text = "\n".join(["某市水利局2026年部门预算", *lines[:cut], "", "                    — 7 —", *lines[cut:], ""])
    path = tmp_path / "a.txt"
    path.write_text(text, encoding="utf-8")
    assert not [f for f in check(path).findings if f.severity == "error"]


# ---- side by side: 人员经费 | 公用经费 printed as one table ----

SIDE = [["人员经费", "", "", "公用经费", "", ""],
        ["经济分类科目编码", "科目名称", "金额", "经济分类科目编码", "科目名称", "金额"],
        ["301", "工资福利支出", "190.40", "302", "商品和服务支出", "30.93"],
        ["30101", "基本工资", "100.00", "30201", "办公费", "10.93"],
        ["30102", "津贴补贴", "90.40", "30211", "差旅费", "20.00"]]
SIDE_STYLE = [("SPAN", (0, 0), (2, 0)), ("SPAN", (3, 0), (5, 0))]
BASIC_TITLE = "一般公共预算财政拨款基本支出决算表"


def test_side_by_side_tables_read_apart(tmp_path: Path) -> None:
    assert not _errors(_pdf(tmp_path / "ok.pdf", [(BASIC_TITLE, SIDE, SIDE_STYLE)]), "table-hierarchy")
    bad = [row[:] for row in SIDE]
    bad[4][5] = "25.00"  # 302 = 30201 10.93 + 30211 25.00 = 35.93 ≠ 30.93
    found = _errors(_pdf(tmp_path / "bad.pdf", [(BASIC_TITLE, bad, SIDE_STYLE)]), "table-hierarchy")
    assert [(f.stated, f.expected, f.evidence[0].loc.col) for f in found] == [("30.93", "35.93", 6)]
    assert "302" in found[0].evidence[0].quote and "301" not in found[0].evidence[0].quote


# ---- a table that runs over a page break, its header repeated ----

def _long_table() -> list[list[str]]:
    rows = [["科目编码", "科目名称", "金额"], ["", "合计", "600.00"], ["201", "一般公共服务支出", "600.00"]]
    rows += [[f"201{n:02d}", f"款{n}", "10.00"] for n in range(1, 61)]  # 60 × 10.00 = 600.00, over two pages
    return rows


def test_table_over_a_page_break_is_one_table(tmp_path: Path) -> None:
    path = _pdf(tmp_path / "ok.pdf", [(EXPENSE_TITLE, _long_table(), [])], repeat=1)
    r = check(path)
    assert {e.loc.page for f in r.facts for e in [f] if f.key.startswith("gpb.func.201")} >= {1, 2}
    assert not [f for f in r.findings if f.rule == "table-hierarchy"]
    bad = _long_table()
    bad[-1][2] = "20.00"  # the last 款, on the second page: 201 = 610.00 ≠ 600.00
    found = _errors(_pdf(tmp_path / "bad.pdf", [(EXPENSE_TITLE, bad, [])], repeat=1), "table-hierarchy")
    assert ("600.00", "610.00") in [(f.stated, f.expected) for f in found]


# ---- 7-digit economic codes under a 3-digit class with no 5-digit row ----

SEVEN = [["经济分类科目编码", "科目名称", "金额"],
         ["301", "工资福利支出", "190.40"],
         ["30101", "基本工资", "100.00"],
         ["3010201", "津贴补贴", "50.40"],
         ["3010202", "改革性补贴", "40.00"]]


def test_seven_digit_codes_count_under_their_class(tmp_path: Path) -> None:
    assert not _errors(_pdf(tmp_path / "ok.pdf", [(BASIC_TITLE, SEVEN, [])]), "table-hierarchy")
    bad = [row[:] for row in SEVEN]
    bad[3][2] = "60.40"  # 301 = 100.00 + 60.40 + 40.00 = 200.40 ≠ 190.40
    found = _errors(_pdf(tmp_path / "bad.pdf", [(BASIC_TITLE, bad, [])]), "table-hierarchy")
    assert [(f.stated, f.expected) for f in found] == [("190.40", "200.40")]


# ---- the 行次 column and the 栏次 row are numbering, not money ----

SUMMARY = [["收入", "", "", "支出", "", ""],
           ["项目", "行次", "决算数", "项目", "行次", "决算数"],
           ["栏次", "", "1", "栏次", "", "2"],
           ["一、一般公共预算财政拨款收入", "1", "376.83", "一、一般公共服务支出", "32", "302.16"],
           ["二、上级补助收入", "2", "0.00", "二、社会保障和就业支出", "33", "74.67"],
           ["本年收入合计", "23", "376.83", "本年支出合计", "49", "376.83"]]
SUMMARY_STYLE = [("SPAN", (0, 0), (2, 0)), ("SPAN", (3, 0), (5, 0))]


def test_row_numbers_are_not_amounts(tmp_path: Path) -> None:
    r = check(_pdf(tmp_path / "t.pdf", [("收入支出决算总表", SUMMARY, SUMMARY_STYLE)]))
    facts = {f.key: f.stated for f in r.facts}
    assert facts["income.current_year"] == "376.83万元" and facts["expense.current_year"] == "376.83万元"
    assert not [f for f in r.findings if f.severity == "error"]
    bad = [row[:] for row in SUMMARY]
    bad[5][5] = "386.83"  # 本年支出合计 ≠ 本年收入合计 … and ≠ the parts
    r = check(_pdf(tmp_path / "bad.pdf", [("收入支出决算总表", bad, SUMMARY_STYLE)]))
    assert {f.key: f.stated for f in r.facts}["expense.current_year"] == "386.83万元"


# ---- performance tables: 分值 and 得分 are points, not money or rates ----

PERF = [["资金", "全年预算数(A)", "", "全年执行数(B)", "", "执行率(B/A)", "", ""],
        ["年度资金总额", "176.00", "", "176.00", "", "100%", "", ""],
        ["一级指标", "二级指标", "指标性质", "指标方向", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "正向", "大于等于", "420", "430", "20", "20"],
        ["产出指标", "质量指标", "正向", "大于等于", "98", "99", "20", "18"],
        ["效益指标", "社会效益", "正向", "大于等于", "90", "95", "30", "30"]]
# The fund rows' cells span columns, so those rows have fewer cells than the indicator rows.
PERF_STYLE = [("SPAN", (1, r), (2, r)) for r in (0, 1)] + [("SPAN", (3, r), (4, r)) for r in (0, 1)] \
    + [("SPAN", (5, r), (7, r)) for r in (0, 1)]


def test_performance_scores_are_not_rates(tmp_path: Path) -> None:
    """Below the 执行率 row comes the indicator section: its 分值 | 得分 columns sit where the amounts
    and the rate were, and must not be read as budget, spent and rate (20 ÷ 20 is not a rate)."""
    r = check(_pdf(tmp_path / "ok.pdf", [("项目支出绩效自评表", PERF, PERF_STYLE)]))
    assert not [f for f in r.findings if f.severity == "error"], [f.message for f in r.findings]
    bad = [row[:] for row in PERF]
    bad[5][7] = "35"  # 得分 35 above its 分值 30
    bad[1][5] = "10%"  # 176 ÷ 176 is 100%, not 10%
    found = {f.rule: f.stated for f in check(_pdf(tmp_path / "bad.pdf", [("项目支出绩效自评表", bad, PERF_STYLE)])).findings
             if f.severity == "error"}
    assert found == {"performance-score": "35", "performance-rate": "10%"}
