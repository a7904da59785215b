"""PDF tables set without ruling lines between their cells (three-line tables: a rule over and under the
heading and one at the foot), drawn with reportlab from a seed's 一般公共预算财政拨款支出决算表: read as
tables (load/pdf_aligned.py), not as lines of prose, with their cells, merged headings and wrapped
labels where they stand."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from test_tables import TABLE

from budgetdoc import check
from budgetdoc.analysis import analyse
from budgetdoc.load import load

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
CELL = ParagraphStyle("cell", fontName="STSong-Light", fontSize=8, leading=10)
TITLE = "一般公共预算财政拨款支出决算表"


def _three_lines(header_rows: int, nrows: int, numbers_from: int) -> TableStyle:
    """A three-line table: rules over and under the heading and at the foot, none between columns;
    figures set to the right of their cells."""
    return TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                       ("LINEABOVE", (0, 0), (-1, 0), 1, colors.black),
                       ("LINEBELOW", (0, header_rows - 1), (-1, header_rows - 1), 0.5, colors.black),
                       ("LINEBELOW", (0, nrows - 1), (-1, nrows - 1), 1, colors.black),
                       ("ALIGN", (numbers_from, header_rows), (-1, -1), "RIGHT"),
                       ("ALIGN", (0, 0), (-1, header_rows - 1), "CENTER"),
                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")])


def _pdf(path: Path, table: list[list[object]], style: TableStyle, widths: list[float] | None = None,
         prose: list[str] = ()) -> Path:
    story = [Paragraph(p, STYLE) for p in prose]
    story += [Paragraph(TITLE, STYLE), Paragraph("单位：万元", STYLE), Table(table, colWidths=widths, style=style)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _tables(path: Path) -> list:
    return analyse(load(path)).tables


def test_three_line_table_read_as_a_table_with_its_defect_located(tmp_path: Path) -> None:
    clean = _pdf(tmp_path / "clean.pdf", TABLE, _three_lines(1, len(TABLE), 2))
    tables = _tables(clean)
    assert len(tables) == 1
    t = tables[0]
    assert [c.path for c in t.columns.values()][2:] == [("合计",), ("基本支出",), ("项目支出",)]
    assert [r.code for r in t.rows][:3] == [None, "201", "20103"]
    # 行政运行: 77.74 under 合计 and 基本支出, its 项目支出 blank (no figure moved into the blank cell).
    row = next(r for r in t.rows if r.code == "2010301")
    assert {t.columns[i].name: str(v.value) for i, v in row.values.items()} == {"合计": "77.74", "基本支出": "77.74"}
    assert not [f for f in check(clean).findings if f.severity == "error"]

    bad = [row[:] for row in TABLE]
    bad[4][2] = "87.74"  # 行政运行: its 款 20103 (281.99) ≠ 87.74 + 111.50 + 92.75 = 291.99
    f = next(f for f in check(_pdf(tmp_path / "bad.pdf", bad, _three_lines(1, len(bad), 2))).findings
             if f.rule == "table-hierarchy")
    assert (f.stated, f.expected) == ("87.74", "77.74")
    loc = f.evidence[0].loc
    assert (loc.page, loc.table, loc.col) == (1, 1, 3) and "2010301" in f.evidence[0].quote


# The seed's table with 基本支出 split into 人员经费 | 公用经费 under a heading over both (a merged heading
# of two rows): 人员经费 70.00 + 80.00 + 50.78 = 200.78, 公用经费 7.74 + 12.75 = 20.49, 200.78 + 20.49 = 221.27.
SPLIT = [["科目编码", "科目名称", "合计", "基本支出", "", "项目支出"],
         ["", "", "", "人员经费", "公用经费", ""],
         ["", "合计", "332.77", "200.78", "20.49", "111.50"],
         ["201", "一般公共服务支出", "281.99", "150.00", "20.49", "111.50"],
         ["20103", "政府办公厅（室）及相关机构事务", "281.99", "150.00", "20.49", "111.50"],
         ["2010301", "行政运行", "77.74", "70.00", "7.74", ""],
         ["2010302", "一般行政管理事务", "111.50", "", "", "111.50"],
         ["2010350", "事业运行", "92.75", "80.00", "12.75", ""],
         ["221", "住房保障支出", "50.78", "50.78", "", ""],
         ["22102", "住房改革支出", "50.78", "50.78", "", ""],
         ["2210201", "住房公积金", "50.78", "50.78", "", ""]]


def _split_style() -> TableStyle:
    style = _three_lines(2, len(SPLIT), 2)
    for c in (0, 1, 2, 5):
        style.add("SPAN", (c, 0), (c, 1))
    style.add("SPAN", (3, 0), (4, 0))
    return style


def test_heading_over_two_figure_columns_covers_both(tmp_path: Path) -> None:
    """基本支出 is centred over 人员经费 | 公用经费, so it stands over the figures of the first only: it
    heads both, and 合计 and 项目支出 beside it keep their own."""
    t = _tables(_pdf(tmp_path / "split.pdf", SPLIT, _split_style()))[0]
    paths = [c.path for c in t.columns.values()]
    assert paths[2:] == [("合计",), ("基本支出", "人员经费"), ("基本支出", "公用经费"), ("项目支出",)]
    assert not [f for f in check(tmp_path / "split.pdf").findings if f.severity == "error"]


def test_wrapped_labels_join_their_rows(tmp_path: Path) -> None:
    """Labels too long for a narrow column wrap over two lines, one above and one under the row's figures
    (the row's own line has no label): each label is joined whole into its row."""
    rows = [[Paragraph(v, CELL) if c == 1 else v for c, v in enumerate(row)] for row in TABLE]
    path = _pdf(tmp_path / "wrapped.pdf", rows, _three_lines(1, len(TABLE), 2), widths=[50, 70, 60, 60, 60])
    t = _tables(path)[0]
    assert next(r for r in t.rows if r.code == "20103").name.endswith("政府办公厅(室)及相关机构事务")
    assert next(r for r in t.rows if r.code == "201").name.endswith("一般公共服务支出")
    assert not [f for f in check(path).findings if f.severity == "error"]


def test_prose_with_figures_stays_prose(tmp_path: Path) -> None:
    """Sentences with figures in them are no table's rows, however the page sets them."""
    prose = ["2020年度一般公共预算财政拨款支出332.77万元，其中：基本支出221.27万元，占66.49%；"
             "项目支出111.50万元，占33.51%。", "行政运行77.74万元，主要用于保障机构正常运转。"]
    doc = load(_pdf(tmp_path / "prose.pdf", TABLE, _three_lines(1, len(TABLE), 2), prose=prose))
    assert [b.kind for b in doc.blocks].count("table") == 1
    assert any("基本支出221.27万元" in b.text for b in doc.blocks if b.kind == "paragraph")


# A 项目支出表 whose project names and 功能分类科目 both wrap in narrow columns: 30.00 + 56.94 + 106.58 = 193.52,
# 财政拨款 30.00 + 56.94 + 53.29 = 140.23, 其他资金 53.29.
PROJECTS = [["项目名称", "功能分类科目", "合计", "财政拨款", "其他资金"],
            ["合计", "", "193.52", "140.23", "53.29"],
            ["社区矫正对象教育帮扶工作经费", "2040604基层司法业务", "30.00", "30.00", ""],
            ["法律援助案件补贴经费", "2040604基层司法业务", "56.94", "56.94", ""],
            ["行政复议和行政应诉专项经费", "2040699其他司法支出", "106.58", "53.29", "53.29"]]


def test_labels_wrapped_in_two_columns_join_their_rows(tmp_path: Path) -> None:
    """Each line of label parts holds parts of both text columns; the parts of one line belong to one row,
    so the 合计 row (its 功能分类科目 blank) takes none of the first project's."""
    rows = [[Paragraph(v, CELL) if c < 2 and r else v for c, v in enumerate(row)] for r, row in enumerate(PROJECTS)]
    path = _pdf(tmp_path / "projects.pdf", rows, _three_lines(1, len(PROJECTS), 2), widths=[60, 55, 60, 60, 60])
    t = _tables(path)[0]
    names = [(r.name, r.cells[1].text) for r in t.rows]
    assert names == [("合计", ""), ("社区矫正对象教育帮扶工作经费", "2040604基层司法业务"),
                     ("法律援助案件补贴经费", "2040604基层司法业务"), ("行政复议和行政应诉专项经费", "2040699其他司法支出")]
    assert not [f for f in check(path).findings if f.severity == "error"]


def test_heading_over_a_column_blank_in_every_row(tmp_path: Path) -> None:
    """No project has 其他资金: its heading stands right of every column with figures, and heads a column of
    its own (not 财政拨款's, which would then have two headings)."""
    rows = [[*row[:4], ""] if r else row for r, row in enumerate(PROJECTS)]
    rows[1][2:4] = ["193.52", "193.52"]
    rows[4][2:4] = ["106.58", "106.58"]
    t = _tables(_pdf(tmp_path / "blank.pdf", rows, _three_lines(1, len(rows), 2)))[0]
    assert [c.name for c in t.columns.values()][2:] == ["合计", "财政拨款", "其他资金"]
    assert {t.columns[i].name: str(v.value) for i, v in t.rows[0].values.items()} == {"合计": "193.52", "财政拨款": "193.52"}
