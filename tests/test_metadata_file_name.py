"""Metadata from a file's name (structure/file_name.py) for what its content does not state: the tables
part of a split disclosure names no department or year, its file name does. The content always wins, a
hash-like name gives nothing, and a reader note says what was taken from the name. In the store, a part
stored as its own document takes what it lacks from the document read from all the parts."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from sqlalchemy import select
from sqlalchemy.orm import Session
from store_support import REAL, need

from budgetdoc import check
from budgetdoc.check import check_parts
from budgetdoc.model import Metadata
from budgetdoc.report.text_report import render_text
from budgetdoc.store import open_db
from budgetdoc.store.ingest import ingest
from budgetdoc.store.models import Document
from budgetdoc.structure.file_name import name_metadata

FONT = "STSong-Light"  # a CID font built into reportlab: no font file needed
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

# A 收支预算总表 as the tables part prints it: its title says the kind, nothing says the year or the department.
ROWS = [["收入", "预算数", "支出", "预算数"],
        ["一般公共预算拨款收入", "100.00", "一般公共服务支出", "90.00"],
        ["事业收入", "20.00", "社会保障和就业支出", "30.00"],
        ["收入总计", "120.00", "支出总计", "120.00"]]


def _tables_pdf(path: Path, title: str = "收支预算总表") -> Path:
    style = ParagraphStyle("zh", fontName=FONT, fontSize=10, leading=14)
    table = Table(ROWS)
    table.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FONT, 10),
                               ("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    SimpleDocTemplate(str(path), pagesize=A4).build([Paragraph(title, style), Paragraph("单位：万元", style), table])
    return path


def _tables_xlsx(path: Path, title: str = "收支预算总表") -> Path:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "预算01表"
    ws.append([title])
    ws.append(["单位：万元"])
    for row in ROWS:
        ws.append([float(c) if c[0].isdigit() else c for c in row])
    wb.save(path)
    return path


def _meta(m: Metadata) -> tuple[str | None, int | None, str | None]:
    return m.department, m.year, m.kind


def test_tables_pdf_takes_department_and_year_from_its_name(tmp_path: Path) -> None:
    r = check(_tables_pdf(tmp_path / "某某区财政局-2025-budget-tables.pdf"))
    assert r.disclosure
    assert _meta(r.metadata) == ("某某区财政局", 2025, "budget")
    # The title above the ruled table (收支预算总表) is not a table's title: the kind is the name's too.
    note = "文件未写明年度、部门、文种，取自文件名：2025、某某区财政局、预算"
    assert r.warnings == [note]
    assert f"读取提示：{note}" in render_text(r)


def test_tables_xlsx_takes_department_and_year_from_its_name(tmp_path: Path) -> None:
    r = check(_tables_xlsx(tmp_path / "2025年某某局部门预算报表.xlsx"))
    assert r.disclosure and _meta(r.metadata) == ("某某局", 2025, "budget")  # the kind is the sheet's title's
    assert r.warnings == ["文件未写明年度、部门，取自文件名：2025、某某局"]


def test_the_content_wins_over_the_name(tmp_path: Path) -> None:
    # The tables say 2024 (in the title) and the name says 2025: the year stays the content's, and the
    # note names only the department, which the content does not state.
    r = check(_tables_xlsx(tmp_path / "2025年某某局部门预算报表.xlsx", title="2024年部门收支预算总表"))
    assert _meta(r.metadata) == ("某某局", 2024, "budget")
    assert r.warnings == ["文件未写明部门，取自文件名：某某局"]


def test_a_hash_like_name_gives_nothing(tmp_path: Path) -> None:
    r = check(_tables_pdf(tmp_path / "002_3ac8441545fefd6e.pdf"))
    assert r.disclosure and _meta(r.metadata) == (None, None, None) and r.warnings == []
    assert name_metadata("2025_budget_3ac8441545fefd6e.xlsx") == Metadata()  # a name with a hash in it


@pytest.mark.parametrize(("name", "said"), [
    ("2026年重庆市委宣传部部门预算.pdf", ("重庆市委宣传部", 2026, "budget")),  # not cut at 市委
    ("规划和自然资源局_2026年部门预算.html", ("规划和自然资源局", 2026, "budget")),
    ("关于2024年中共上海市普陀区委社会工作部部门决算的说明.docx", ("中共上海市普陀区委社会工作部", 2024, "final")),
    ("某某区财政局（汇总）２０２５年预算.pdf", ("某某区财政局", 2025, "budget")),  # full-width digits and brackets
    ("jiangsu-shengweibangongting-2019-budget-tables.pdf", (None, 2019, "budget")),
    ("putuo-caizhengju-2024-final.pdf", (None, 2024, "final")),
    ("2025年部门预决算公开.pdf", (None, 2025, None)),  # 预决算: neither kind
    ("某某局2024年决算_2025-06-30.pdf", ("某某局", 2024, "final")),  # the date the file was made is not the year
    ("2024年与2025年预算对比.xlsx", (None, None, "budget")),  # two years: neither
    ("上海市财政局_上海市会计中心_2026.pdf", (None, 2026, None)),  # two departments: neither
    ("stdin.pdf", (None, None, None)),
])
def test_what_a_name_says(name: str, said: tuple[str | None, int | None, str | None]) -> None:
    assert _meta(name_metadata(name)) == said


def test_real_tables_part_takes_the_year_from_its_name() -> None:
    # The Jiangsu tables part names its department in its tables' header but states no year.
    r = check(need(REAL / "jiangsu-shengweibangongting-2019-budget-tables.pdf"))
    assert _meta(r.metadata) == ("中共江苏省委办公厅", 2019, "budget")
    assert r.warnings == ["文件未写明年度，取自文件名：2019"]
    # The Xi'an tables state all three: nothing from the name.
    assert check(need(REAL / "shaanxi-xian-anquanshengchanjianduguanliju-2019-budget-tables.pdf")).warnings == []


def test_parts_checked_together_read_the_explanation(tmp_path: Path) -> None:
    """Checked together, the tables part's metadata is the explanation's, from the content: no note."""
    base = "beijing-municipal-caizhengju-2026-budget"
    r = check_parts([need(REAL / f"{base}-text.pdf"), need(REAL / f"{base}-tables.pdf")])
    assert _meta(r.metadata) == ("北京市财政局", 2026, "budget")
    assert not [w for w in r.warnings if "文件名" in w]
    # Parts whose content states nothing: the explanation's name first.
    text = tmp_path / "某某区财政局-2025-budget-text.txt"
    text.write_text("一、收支预算总体情况\n收入总计120.00万元，支出总计120.00万元。\n", encoding="utf-8")
    r = check_parts([text, _tables_pdf(tmp_path / "某某区财政局-2025-budget-tables.pdf")])
    assert _meta(r.metadata) == ("某某区财政局", 2025, "budget")
    assert r.warnings[-1] == "文件未写明年度、部门、文种，取自文件名：2025、某某区财政局、预算"


def test_stored_tables_part_takes_the_explanations_metadata(tmp_path: Path) -> None:
    """Files not named as parts are stored each as its own document, then paired and stored as one: the
    tables part's document (no year in it, none in its name) takes the explanation's year, with a note."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-text.pdf"), src / "explanation.pdf")
    shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-tables.pdf"), src / "annex.pdf")
    engine = open_db(str(tmp_path / "s.db"))
    report = ingest(engine, [src], jobs=1, progress=False)
    assert len(report.merged) == 1
    with Session(engine) as s:
        docs = {d.files[0].name: d for d in s.scalars(select(Document).where(Document.is_latest.is_(False)))}
        annex, explanation = docs["annex.pdf"], docs["explanation.pdf"]
        assert (annex.department, annex.year, annex.kind) == ("中共江苏省委办公厅", 2019, "budget")
        assert annex.warnings == ["文件未写明年度，取自同一公开的其他分册（explanation.pdf）：2019"]
        assert annex.department_key == explanation.department_key
        assert explanation.warnings == []  # it states all three itself
    engine.dispose()


def test_stored_part_gives_up_what_its_name_said(tmp_path: Path) -> None:
    """A tables part ingested alone takes the year from its name; ingested later with its explanation, its
    stored document takes the explanation's year instead, and the note says so."""
    src = tmp_path / "in"
    src.mkdir()
    tables = shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-tables.pdf"),
                         src / "jiangsu-2019-budget-tables.pdf")
    engine = open_db(str(tmp_path / "s.db"))
    ingest(engine, [tables], jobs=1, progress=False)
    with Session(engine) as s:
        (alone,) = s.scalars(select(Document))
        assert alone.year == 2019 and alone.warnings == ["文件未写明年度，取自文件名：2019"]
    shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-text.pdf"), src / "jiangsu-2019-budget-text.pdf")
    ingest(engine, [src], jobs=1, progress=False)
    with Session(engine) as s:
        alone = s.get(Document, alone.id)
        assert alone is not None and alone.merged_into is not None and alone.year == 2019
        assert alone.warnings == ["文件未写明年度，取自同一公开的其他分册（jiangsu-2019-budget-text.pdf）：2019"]
    engine.dispose()
