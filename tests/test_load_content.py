"""The bytes decide how a file is read, not its extension (load/__init__.py): a scraper saves pages under
the name of the file they link to. Real corpus files and generated ones."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SEEDS

from budgetdoc.load import load

CORPUS = SEEDS.parent / "corpus"
REAL = SEEDS.parent / "real"


def need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgetdoc.cli", *args], capture_output=True, text=True,
                          timeout=600)


def test_html_page_saved_as_pdf_is_read_as_html() -> None:
    # A 重庆 portal page (预算公开 column: 详情见附件) saved under the PDF's name.
    doc = load(need(CORPUS / "004_重庆/2026年重庆市国有资产监督管理委员会部门预算.pdf"))
    assert doc.format == "html" and doc.warnings[0] == "扩展名为 .pdf，内容实为 HTML，已按 HTML 读取"
    assert [b.text for b in doc.blocks if "附件" in b.text] == ["详情见附件", "附件下载："]
    p = run("check", "--quiet", str(CORPUS / "004_重庆/2026年重庆市国有资产监督管理委员会部门预算.pdf"))
    assert p.returncode == 3 and "不是部门预算/决算公开文件" in p.stdout and "内容实为 HTML" in p.stdout


def test_pdf_saved_as_html_is_read_as_pdf(tmp_path: Path) -> None:
    named = tmp_path / "budget.html"
    shutil.copy(need(REAL / "jiangsu-suzhou-shenjiju-2026-budget.pdf"), named)
    doc = load(named)
    assert doc.format == "pdf" and doc.warnings[0] == "扩展名为 .html，内容实为 PDF，已按 PDF 读取"
    assert doc.blocks[0].loc.page == 1


def test_pdf_whose_bytes_were_saved_as_text_is_refused_in_one_line() -> None:
    # 郑州: the PDF was decoded and re-encoded as text; its binary bytes became U+FFFD and are lost.
    p = run("check", "--quiet", str(need(CORPUS / "016_郑州/城市管理和综合执法局_2026年部门预算.html")))
    assert p.returncode == 2 and "Traceback" not in p.stderr and len(p.stderr.strip().splitlines()) == 1
    assert "PDF 已损坏" in p.stderr and "U+FFFD" in p.stderr


def test_page_without_text_is_not_a_disclosure() -> None:
    p = run("check", "--quiet", "--format", "json", str(need(CORPUS / "011_宁波/规划和自然资源局_2026年部门预算.html")))
    assert p.returncode == 3
    assert '"disclosure": false' in p.stdout and "文件中没有文字" in p.stdout


def test_office_files_by_their_content(tmp_path: Path) -> None:
    import openpyxl

    book = tmp_path / "book.xlsx"
    wb = openpyxl.Workbook()
    wb.active["A1"] = "2020年度收入总计384.49万元"
    wb.save(book)
    renamed = tmp_path / "book.docx"  # a workbook under a DOCX name: the archive's parts decide
    shutil.copy(book, renamed)
    doc = load(renamed)
    assert doc.format == "xlsx" and doc.warnings[0] == "扩展名为 .docx，内容实为 XLSX，已按 XLSX 读取"
    assert any(b.text == "2020年度收入总计384.49万元" for b in doc.blocks)
    as_text = tmp_path / "book.txt"
    shutil.copy(book, as_text)
    doc = load(as_text)
    assert doc.format == "xlsx" and "内容实为 XLSX" in doc.warnings[0]


def test_binary_of_unknown_kind_is_refused(tmp_path: Path) -> None:
    junk = tmp_path / "x.html"
    junk.write_bytes(bytes(range(256)) * 8)
    p = run("check", str(junk))
    assert p.returncode == 2 and "Traceback" not in p.stderr
    assert "不是 HTML 文件，内容也不是可识别的格式（二进制数据）" in p.stderr


def test_xlsx_numbers_show_the_decimals_their_format_shows(tmp_path: Path) -> None:
    # A reader of the sheet sees 26 under "#,##0.00" as 26.00 (its rounding interval ±0.005, not ±0.5),
    # 0.0443 under "0.00%" as 4.43%, and a number without a format as it is stored.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["项目", "决算数", "占比", "人数"])
    ws.append(["社会保障和就业支出", 26, 0.0443, 12])
    ws["B2"].number_format = "#,##0.00"
    ws["C2"].number_format = "0.00%"
    p = tmp_path / "t.xlsx"
    wb.save(p)
    cells = [c.text for b in load(p).blocks if b.kind == "table" for row in b.rows for c in row]
    assert ["社会保障和就业支出", "26.00", "4.43%", "12"] == cells[4:8]
