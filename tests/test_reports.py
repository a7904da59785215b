"""CSV, XLSX and HTML reports: one row per finding, a self-contained page, and the page in Chromium."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from html import escape
from pathlib import Path

import pytest
from conftest import seed

from budgetdoc.check import check
from budgetdoc.cli import main
from budgetdoc.report import render_csv, render_html
from budgetdoc.report.html_report import highlight
from budgetdoc.report.table_report import COLUMNS, finding_row

ARTIFACTS = Path(__file__).resolve().parent / "artifacts"


def _expected_rows(path: Path) -> list[list[str]]:
    r = check(path)
    return [finding_row(r, f) for f in r.findings]


def test_csv_rows_match_findings(tmp_path: Path) -> None:
    path = seed("002")
    r = check(path)
    rows = list(csv.reader(io.StringIO(render_csv([r]))))
    assert rows[0] == COLUMNS
    assert len(rows) - 1 == len(r.findings)
    for row, f in zip(rows[1:], r.findings, strict=True):
        d = dict(zip(COLUMNS, row, strict=True))
        assert (d["rule"], d["severity"], d["message"]) == (f.rule, f.severity, f.message)
        assert d["stated"] == (f.stated or "") and d["expected"] == (f.expected or "")
        assert d["department"] == "攀枝花市西区行政审批局" and d["year"] == "2020" and d["kind"] == "决算"
        assert d["location"].split("\n")[0] == f.evidence[0].loc.describe()
        assert d["quote"].split("\n")[0] == f.evidence[0].quote
    growth = next(dict(zip(COLUMNS, row, strict=True)) for row in rows[1:] if row[4] == "growth-rate")
    assert growth["location"] == "第26行" and growth["stated"] == "4.43%" and growth["expected"] == "4.64%"
    # Through the CLI, to a file: UTF-8 with a BOM so that Excel reads the Chinese.
    out = tmp_path / "f.csv"
    assert main(["check", "--format", "csv", "-o", str(out), str(path)]) == 1
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig")))) == rows


def test_xlsx_rows_match_findings(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "f.xlsx"
    assert main(["check", "--format", "xlsx", "-o", str(out), str(seed("002")), str(seed("004"))]) == 1
    ws = load_workbook(out).active
    got = [["" if v is None else str(v) for v in row] for row in ws.iter_rows(values_only=True)]
    assert got[0] == COLUMNS
    assert got[1:] == _expected_rows(seed("002")) + _expected_rows(seed("004"))


def test_xlsx_needs_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", "--format", "xlsx", str(seed("004"))]) == 2
    err = capsys.readouterr().err
    assert err.startswith("budgetdoc: ") and "-o PATH" in err and err.count("\n") == 1


def test_html_report_of_seed_001(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["check", "--format", "html", "-o", str(out), str(seed("001"))]) == 1
    page = out.read_text(encoding="utf-8")
    r = check(seed("001"))
    assert page.startswith("<!DOCTYPE html>") and page.count("<html") == 1
    assert "科尔沁左翼中旗政务服务局" in page and "2023" in page and "决算" in page
    assert "1724.62万元" in page  # income.total among the key figures
    assert "http://" not in page and "https://" not in page
    assert "<script" not in page and "<link" not in page and "src=" not in page
    assert page.count("<svg") == 2  # income sources; basic vs project
    for f in r.findings:
        assert escape(f.message) in page
    assert "<mark>增加(减少)</mark>" in page  # the stated residue highlighted in its quote
    assert f"错误（{sum(f.severity == 'error' for f in r.findings)}）" in page


def test_html_escapes_document_text(tmp_path: Path) -> None:
    doc = tmp_path / "x.txt"
    doc.write_text('<b>某局</b>2020年度部门决算\n一、收入支出决算总体情况说明\n'
                   '本年支出比上年增加(减少)17.05万元<script>alert("x")</script>。\n', encoding="utf-8")
    page = render_html([check(doc)])
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "<b>某局" not in page


def test_highlight_marks_stated_value() -> None:
    assert highlight("增加1.5万元，增长4.43%", "4.43%") == "增加1.5万元，增长<mark>4.43%</mark>"
    assert highlight("减少2万元，增加了5%", "减少/增加") == "<mark>减少</mark>2万元，<mark>增加</mark>了5%"
    assert highlight("a<b", None) == "a&lt;b"
    assert highlight("1 < 2", "9") == "1 &lt; 2"


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed (.ci/run installs it)")
def test_html_report_in_chromium(tmp_path: Path) -> None:
    report = tmp_path / "report.html"
    assert main(["check", "--format", "html", "-o", str(report), str(seed("001"))]) == 1
    png = tmp_path / "report-001.png"
    cmd = [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           f"--user-data-dir={tmp_path / 'profile'}", f"--screenshot={png}", "--window-size=1280,2000",
           report.resolve().as_uri()]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    assert png.exists(), p.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    w, h = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (w, h) == (1280, 2000)
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(png, ARTIFACTS / "report-001.png")
