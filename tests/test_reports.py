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
from budgetdoc.report.marks import stated_as_written
from budgetdoc.report.table_report import COLUMNS, KEYS, finding_row

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
        d = dict(zip(KEYS, row, strict=True))
        assert (d["rule"], d["severity"], d["message"]) == (f.rule, {"error": "错误", "warning": "警告", "info": "提示"}[f.severity],
                                                            f.message)
        assert d["stated"] == (stated_as_written(f) or "") and d["expected"] == (f.expected or "")
        assert d["department"] == "攀枝花市西区行政审批局" and d["year"] == "2020" and d["kind"] == "决算"
        assert d["location"].split("\n")[0] == f.evidence[0].loc.describe()
        assert d["quote"].split("\n")[0] == f.evidence[0].quote
    growth = next(dict(zip(KEYS, row, strict=True)) for row in rows[1:] if row[4] == "growth-rate")
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
    assert err.startswith("budgetdoc：") and "-o" in err and err.count("\n") == 1


def test_html_report_of_seed_001(tmp_path: Path) -> None:
    out = tmp_path / "report.html"
    assert main(["check", "--format", "html", "-o", str(out), str(seed("001"))]) == 1
    page = out.read_text(encoding="utf-8")
    r = check(seed("001"))
    assert page.startswith("<!DOCTYPE html>") and page.count("<html") == 1
    assert "科尔沁左翼中旗政务服务局" in page and "2023" in page and "决算" in page
    assert "1,724.62万元" in page  # income.total among the key figures, with thousands separators
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


# ---- issue 13: marks at the exact span of the original text (2), the HTML of several files (9) ----

def test_marks_land_on_the_stated_value_in_the_original_quote() -> None:
    from budgetdoc.model import Evidence, Finding, Location
    from budgetdoc.report.marks import spans, stated_as_written

    total = "2020年，西区行政审批局政府采购支出总额0万元，其中：政府采购货物支出13.36万元、政府采购工程支出0万元、政府采购服务支出0万元"
    marked = highlight(total, "0万元", "breakdown-sum")
    assert marked.startswith("2020年，西区行政审批局政府采购支出总额<mark>0万元</mark>，其中") and marked.count("<mark>") == 1
    numbering = "7.卫生健康支出（类）行政事业单位医疗（款）事业单位医疗（项）:支出决算为7.47万元"
    assert highlight(numbering, "7", "numbering-skip").startswith("<mark>7</mark>.卫生健康")
    # The rule states normalised text; the quote is the original, full-width and with separators.
    assert highlight("占总额的100%（必须达到100%）。", "(必须达到100%)") == "占总额的100%<mark>（必须达到100%）</mark>。"
    assert highlight("收入总计１，７２４.６２万元", "1724.62万元") == "收入总计<mark>１，７２４.６２万元</mark>"
    assert highlight("增长4.43%，比上年4.43", "4.43%") == "增长<mark>4.43%</mark>，比上年4.43"
    f = Finding("template-residue", "warning", "m", [Evidence("占100%（必须达到100%）。", Location(line=1))],
                stated="(必须达到100%)")
    assert stated_as_written(f) == "（必须达到100%）"  # 文中 as the document writes it
    # A span the rule knew (Evidence.mark, when the model has it) is used as is.
    e = Evidence("增长4.43%，比上年4.43", Location(line=1))
    object.__setattr__(e, "mark", (11, 15))
    assert spans(e, "4.43%") == [(11, 15)]


def test_text_and_html_show_values_as_written_and_expected_only_when_known(tmp_path: Path) -> None:
    out = tmp_path / "r.html"
    assert main(["check", "-o", str(out), str(seed("000")), str(seed("002"))]) == 1
    page = out.read_text(encoding="utf-8")
    assert "应为：<i>-</i>" not in page and "应为：-" not in page
    assert "文中：<b>（必须达到100%）</b>" in page
    assert "<mark>（必须达到100%）</mark>" in page
    assert "政府采购支出总额<mark>0万元</mark>，其中" in page
    assert "<mark>7</mark>.卫生健康支出" in page


def _index_page(tmp_path: Path) -> tuple[Path, str]:
    ignore = tmp_path / "ignored.txt"
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    lines.insert(25, "budgetdoc: ignore growth-rate")
    ignore.write_text("\n".join(lines), encoding="utf-8")
    report = tmp_path / "index.html"
    assert main(["check", "-o", str(report), str(seed("001")), str(seed("002")), str(ignore)]) == 1
    return report, report.read_text(encoding="utf-8")


def test_html_of_several_files_has_an_index(tmp_path: Path) -> None:
    _, page = _index_page(tmp_path)
    assert page.count('<table class="index">') == 1
    for i in (1, 2, 3):
        assert f'href="#doc-{i}"' in page and f'id="doc-{i}"' in page
    r = check(seed("002"))
    errors = sum(f.severity == "error" for f in r.findings)
    assert f'<td class="n">{errors}</td>' in page
    # The department once per document: its heading, and its row in the index.
    assert page.count("攀枝花市西区行政审批局") == 2 * 2  # two documents of that department
    assert "支出总计" in page.split('id="doc-2"')[1].split("</table>")[0]  # among the key figures
    # No zero bars: seed 002 states 政府性基金 etc. as 0; only non-zero sources are drawn.
    chart = page.split('id="doc-2"')[1].split("</svg>")[0]
    assert ">0.00<" not in chart
    # Suppressed findings are grey, not an error's red border.
    ignored = page.split('id="doc-3"')[1]
    assert '<div class="f ignored">' in ignored and "已按文中指令忽略" in ignored
    assert ignored.split("已按文中指令忽略")[1].count("sev-error") == 0
    # Glossary lines are not each a heading.
    doc2 = page.split('id="doc-2"')[1].split('id="doc-3"')[0]
    assert "<h4>9.一般公共服务" not in doc2 and doc2.count("<h4>") < 15


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium not installed (.ci/run installs it)")
def test_html_index_in_chromium(tmp_path: Path) -> None:
    report, _ = _index_page(tmp_path)
    png = tmp_path / "report-index.png"
    cmd = [shutil.which("chromium") or "chromium", "--headless", "--no-sandbox", "--disable-gpu",
           "--disable-background-networking", "--disable-component-update", "--no-first-run",
           f"--user-data-dir={tmp_path / 'profile'}", "--dump-dom", report.resolve().as_uri()]
    dom = subprocess.run(cmd, capture_output=True, text=True, timeout=120).stdout
    assert '<table class="index">' in dom and 'href="#doc-3"' in dom  # parsed and laid out by the browser
    shot = [*cmd[:-2], f"--screenshot={png}", "--window-size=1280,1600", report.resolve().as_uri()]
    p = subprocess.run(shot, capture_output=True, text=True, timeout=120)
    assert png.exists(), p.stderr[-2000:]
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 20_000
    ARTIFACTS.mkdir(exist_ok=True)
    shutil.copyfile(png, ARTIFACTS / "report-index.png")
