"""Issue 13, the command line a reviewer lives in: progress, inputs (folders, globs, stdin), filters,
grouped findings, one language, non-disclosures, output formats and safe output files.

Every test runs the command in a subprocess, as a user would."""

from __future__ import annotations

import csv
import fcntl
import io
import json
import os
import pty
import shutil
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

import pytest
from conftest import seed

ROOT = Path(__file__).resolve().parents[1]


def _env(**extra: str) -> dict[str, str]:
    env = dict(os.environ)
    src = str(ROOT / "src")
    env["PYTHONPATH"] = src + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    env.update(extra)
    return env


def run(*args: str, stdin: bytes | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess:
    p = subprocess.run([sys.executable, "-m", "budgetdoc.cli", *args], capture_output=True, input=stdin,
                       timeout=300, env=_env(), cwd=cwd)
    p.stdout_text = p.stdout.decode("utf-8", "replace")  # type: ignore[attr-defined]
    p.stderr_text = p.stderr.decode("utf-8", "replace")  # type: ignore[attr-defined]
    return p


def run_tty(*args: str) -> tuple[int, str, str]:
    """Run with stderr on a pseudo-terminal (where a person would see progress); stdout captured."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))  # a terminal has a size
    p = subprocess.Popen([sys.executable, "-m", "budgetdoc.cli", *args], stdout=subprocess.PIPE, stderr=slave,
                         env=_env(BUDGETDOC_PROGRESS_DELAY="0", COLUMNS="120"))
    os.close(slave)
    chunks = []
    while True:
        try:
            data = os.read(master, 4096)
        except OSError:  # the child closed the terminal
            break
        if not data:
            break
        chunks.append(data)
    out = p.stdout.read() if p.stdout else b""
    p.wait(timeout=300)
    os.close(master)
    return p.returncode, out.decode("utf-8", "replace"), b"".join(chunks).decode("utf-8", "replace")


def _pdf(path: Path, pages: int) -> Path:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    c = canvas.Canvas(str(path))
    per = max(1, len(lines) // pages)
    for n in range(pages):
        c.setFont("STSong-Light", 9)
        y = 800
        for line in lines[n * per:(n + 1) * per][:60]:
            c.drawString(30, y, line[:60])
            y -= 12
        c.showPage()
    c.save()
    return path


# ---- 1. progress ----

def test_progress_on_a_terminal_with_pages_rate_and_eta(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "multi.pdf", 6)
    code, out, err = run_tty("check", "-j", "1", str(pdf), str(seed("004")))  # one by one: pages shown
    assert code in (0, 1), err
    assert "伊滨经开区" in out  # the report on stdout is not mixed with the bars
    assert "页" in err and "/6" in err  # the pages bar of the PDF
    assert "个文件" in err and "/2" in err  # the files bar
    assert "/s" in err and "<" in err  # rate and time left (tqdm's "elapsed<remaining")
    code, out, err = run_tty("check", "-j", "2", str(pdf), str(seed("004")))  # two processes: files only
    assert code in (0, 1) and "伊滨经开区" in out and "个文件" in err and "/2" in err


def test_parallel_check_gives_the_same_report(tmp_path: Path) -> None:
    files = [str(seed(s)) for s in ("000", "002", "003", "004")]
    one = run("check", "--format", "json", "-j", "1", *files)
    two = run("check", "--format", "json", "-j", "2", *files)
    assert one.returncode == two.returncode == 1
    assert json.loads(one.stdout) == json.loads(two.stdout)


def test_no_progress_when_quiet_or_not_a_terminal(tmp_path: Path) -> None:
    pdf = _pdf(tmp_path / "multi.pdf", 3)
    code, out, err = run_tty("check", "--quiet", str(pdf))
    assert code in (0, 1) and "页" not in err and "个文件" not in err
    p = run("check", str(pdf))
    assert p.stderr_text == ""  # stderr is a pipe here: nothing but real messages


def test_page_progress_reaches_load(tmp_path: Path) -> None:
    from budgetdoc.load import load

    calls: list[tuple[int, int]] = []
    load(_pdf(tmp_path / "p.pdf", 3), progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 3), (2, 3), (3, 3)]


def test_scanned_pages_are_released_one_by_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """OCR memory is bounded page by page: each page's bitmap is released before the next is rendered
    (here in this process, with the page pool off: each pool worker does the same, one page at a time)."""
    from dataclasses import replace

    from PIL import Image
    from reportlab.pdfgen import canvas

    from budgetdoc.load import load, ocr

    path = tmp_path / "scan.pdf"
    c = canvas.Canvas(str(path))
    for _ in range(3):
        c.rect(100, 100, 300, 300, fill=1)  # drawings and no text: a scanned page
        c.showPage()
    c.save()
    open_images: list[Image.Image] = []
    most_open = [0]

    class Tracked(Image.Image):
        def close(self) -> None:
            open_images.remove(self)

    def render(pdf: object, index: int, dpi: int = 200) -> Image.Image:
        im = Tracked()
        im._size = (1000, 1400)  # a page whose one short line is no wrapped sentence
        im.info["page"] = index + 1
        open_images.append(im)
        most_open[0] = max(most_open[0], len(open_images))
        return im

    def lines(image: Image.Image, settings: object = None) -> list[ocr.OcrLine]:
        return [ocr.OcrLine(f"第{image.info['page']}页文字", 0.99, 0, 0, 100, 10)]

    monkeypatch.setattr(ocr, "available", lambda: True)
    monkeypatch.setattr(ocr, "SETTINGS", replace(ocr.SETTINGS, workers=1))
    monkeypatch.setattr(ocr, "render_page", render)
    monkeypatch.setattr(ocr, "ocr_lines", lines)
    pages: list[tuple[int, int]] = []
    doc = load(path, progress=lambda done, total: pages.append((done, total)))
    assert [b.text for b in doc.blocks] == ["第1页文字", "第2页文字", "第3页文字"]
    assert pages == [(1, 3), (2, 3), (3, 3)]  # progress of OCR'd pages too
    assert most_open[0] == 1 and open_images == []


# ---- 3. not a disclosure ----

ESSAY = ("春天来了\n\n春天来了，公园里的花都开了。小明和妈妈一起去公园散步，看到了许多美丽的花朵。\n"
         "他们在湖边坐了一会儿，看着小鸭子在水里游来游去。回家的路上，小明买了一个气球，花了5元钱。\n")


def test_an_essay_is_not_a_disclosure(tmp_path: Path) -> None:
    essay = tmp_path / "essay.txt"
    essay.write_text(ESSAY, encoding="utf-8")
    p = run("check", str(essay))
    assert p.returncode == 3, p.stderr_text
    assert "不是部门预算/决算公开文件" in p.stdout_text and "错误 0 项" not in p.stdout_text
    d = json.loads(run("check", "--format", "json", str(essay)).stdout)
    assert d["disclosure"] is False and d["findings"] == []
    assert any("不是部门预算/决算公开文件" in w for w in d["warnings"])
    assert json.loads(run("check", "--format", "json", str(seed("004"))).stdout)["disclosure"] is True


def test_our_own_findings_workbook_is_not_a_disclosure(tmp_path: Path) -> None:
    book = tmp_path / "findings.xlsx"
    assert run("check", "-o", str(book), str(seed("002"))).returncode == 1
    p = run("check", "--format", "json", str(book))
    assert p.returncode == 3
    d = json.loads(p.stdout)
    assert d["disclosure"] is False and d["findings"] == []
    assert any("budgetdoc 生成的审查报告" in w for w in d["warnings"])
    # With a real disclosure beside it, the errors of the disclosure decide (exit 1).
    assert run("check", str(book), str(seed("002"))).returncode == 1


# ---- 4. the output format follows -o ----

@pytest.mark.parametrize(("name", "check_content"), [
    ("report.xlsx", lambda b: b.startswith(b"PK\x03\x04")),
    ("report.html", lambda b: b.startswith(b"<!DOCTYPE html>")),
    ("report.json", lambda b: json.loads(b)["document"]["year"] == 2021),
    ("report.csv", lambda b: b.decode("utf-8").startswith("\ufeff来源文件,部门,年度,文种,规则,严重程度")),
    ("report.txt", lambda b: b.decode("utf-8").startswith("== ")),
])
def test_format_follows_output_extension(tmp_path: Path, name: str, check_content) -> None:
    out = tmp_path / name
    p = run("check", "-o", str(out), str(seed("004")))
    assert p.returncode == 0, p.stderr_text
    assert check_content(out.read_bytes())


def test_format_and_extension_disagree(tmp_path: Path) -> None:
    out = tmp_path / "report.xlsx"
    p = run("check", "--format", "text", "-o", str(out), str(seed("004")))
    assert p.returncode == 2 and not out.exists()
    assert p.stderr_text.startswith("budgetdoc：") and "--format text" in p.stderr_text and p.stderr_text.count("\n") == 1
    # An extension that names no format: --format decides, text by default.
    other = tmp_path / "report.out"
    assert run("check", "--format", "json", "-o", str(other), str(seed("004"))).returncode == 0
    assert json.loads(other.read_text(encoding="utf-8"))["document"]["year"] == 2021


# ---- 5. repeated findings grouped; filters ----

def test_repeated_findings_are_one_with_all_quotes() -> None:
    d = json.loads(run("check", "--format", "json", str(seed("002"))).stdout)
    glossary = [f for f in d["findings"] if f["rule"] == "template-residue" and f.get("stated") == "(类)…"]
    assert len(glossary) == 1
    (g,) = glossary
    assert len(g["evidence"]) == 18 and "共18处" in g["message"]
    assert [e["line"] for e in g["evidence"]] == list(range(624, 642))
    text = run("check", str(seed("002"))).stdout_text
    assert "等18处" in text and "另有15处" in text
    assert text.count("9.一般公共服务（类）") == 1 and "12.教育（类）" not in text  # the first three quotes only
    assert len([f for f in d["findings"] if f["severity"] == "warning"]) < 25


def test_min_severity_rule_and_disable() -> None:
    errors = json.loads(run("check", "--format", "json", "--min-severity", "error", str(seed("002"))).stdout)
    assert errors["findings"] and {f["severity"] for f in errors["findings"]} == {"error"}
    only = json.loads(run("check", "--format", "json", "--rule", "growth-rate", "--rule", "share",
                          str(seed("002"))).stdout)
    assert {f["rule"] for f in only["findings"]} == {"growth-rate", "share"}
    off = json.loads(run("check", "--format", "json", "--disable", "growth-rate", "--disable", "template-residue",
                         str(seed("002"))).stdout)
    rules = {f["rule"] for f in off["findings"]}
    assert "growth-rate" not in rules and "template-residue" not in rules and "breakdown-sum" in rules
    p = run("check", "--disable", "grwth-rate", str(seed("002")))
    assert p.returncode == 2 and "did you mean 'growth-rate'?" in p.stderr_text and p.stderr_text.count("\n") == 1
    # Only warnings left, the exit code follows what is reported.
    assert run("check", "--rule", "share", str(seed("002"))).returncode == 0


# ---- 6. folders, globs, stdin; help ----

def test_folder_glob_and_stdin(tmp_path: Path) -> None:
    (tmp_path / "b" / "deep").mkdir(parents=True)
    shutil.copy(seed("004"), tmp_path / "b" / "deep" / "z.txt")
    shutil.copy(seed("001"), tmp_path / "b" / "a.txt")
    (tmp_path / "b" / "notes.exe").write_text("收入总计1万元", encoding="utf-8")
    d = json.loads(run("check", "--format", "json", str(tmp_path / "b")).stdout)
    assert [x["source"] for x in d] == [str(tmp_path / "b" / "a.txt"), str(tmp_path / "b" / "deep" / "z.txt")]
    g = run("check", "--format", "json", str(tmp_path / "b" / "**" / "*.txt"))
    assert [x["document"]["year"] for x in json.loads(g.stdout)] == [2023, 2021]
    assert "== 合计：2 个文件，错误" in run("check", str(tmp_path / "b")).stdout_text  # totals after the files
    none = run("check", str(tmp_path / "nothing-*.txt"))
    assert none.returncode == 2 and "没有与" in none.stderr_text
    s = run("check", "--format", "json", "--input-format", "txt", "-", stdin=seed("004").read_bytes())
    assert s.returncode == 0, s.stderr_text
    d = json.loads(s.stdout)
    assert d["source"] == "-" and d["document"]["year"] == 2021
    bad = run("check", "-", stdin=b"x")
    assert bad.returncode == 2 and "--input-format" in bad.stderr_text


def test_check_help_lists_extensions_and_exit_codes() -> None:
    from budgetdoc.load import supported_extensions

    p = run("check", "--help")
    assert p.returncode == 0
    for ext in supported_extensions():
        assert ext in p.stdout_text, ext
    for code in ("0 ", "1 ", "2 ", "3 "):
        assert f"  {code}" in p.stdout_text
    for flag in ("--min-severity", "--rule", "--disable", "--input-format", "--quiet", "--format", "--output"):
        assert flag in p.stdout_text
    assert p.stdout_text.startswith("用法：") and "显示本帮助并退出" in p.stdout_text  # one language
    rules = run("rules").stdout_text
    assert "growth-rate" in rules and "错误" in rules and " error " not in rules


def test_parts_of_one_disclosure_checked_together(tmp_path: Path) -> None:
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    (tmp_path / "x-text.txt").write_text("\n".join(lines[:300]), encoding="utf-8")
    (tmp_path / "x-tables.txt").write_text("\n".join(lines[300:]), encoding="utf-8")
    d = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert isinstance(d, dict)  # one document, not a list of two
    assert d["source"] == f"{tmp_path / 'x-text.txt'} + {tmp_path / 'x-tables.txt'}"
    # A part that cannot be read does not take the other part down with it.
    (tmp_path / "x-tables.txt").write_bytes(b"")
    p = run("check", "--format", "json", str(tmp_path))
    d = json.loads(p.stdout)
    assert p.returncode == 2 and [x["source"] for x in d] == [str(tmp_path / "x-text.txt"), str(tmp_path / "x-tables.txt")]
    assert d[0]["document"]["year"] == 2020 and "文件为空" in d[1]["error"]


# ---- 7. CSV on stdout has a BOM ----

def test_csv_to_stdout_has_bom() -> None:
    p = run("check", "--format", "csv", str(seed("002")))
    assert p.stdout.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(p.stdout.decode("utf-8-sig"))))
    assert rows[0][:3] == ["来源文件", "部门", "年度"] and len(rows) > 5
    assert {r[5] for r in rows[1:]} <= {"错误", "警告", "提示"}  # one language: severities in Chinese too


# ---- 8. one language ----

def test_errors_and_reader_notes_in_chinese(tmp_path: Path) -> None:
    p = run("check", str(tmp_path / "x.pdf"))
    assert p.returncode == 2 and p.stderr_text == f"budgetdoc：文件不存在：{tmp_path / 'x.pdf'}\n"
    u = run("check", "--format", "yaml", str(seed("004")))
    assert u.returncode == 2 and u.stderr_text.startswith("budgetdoc：用法错误：")
    text = run("check", str(seed("003"))).stdout_text
    assert "本年收入合计 6,442,713.85元" in text  # the document's own unit (元), with separators
    assert "应为：-" not in run("check", str(seed("002"))).stdout_text


def test_locations_read_naturally(tmp_path: Path) -> None:
    import docx

    d = docx.Document()
    for line in ["某某局2020年度部门决算", "一般公共预算财政拨款支出决算表", "单位：万元"]:
        d.add_paragraph(line)
    rows = [["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
            ["", "合计", "50.78", "50.78", ""],
            ["221", "住房保障支出", "50.78", "40.78", ""]]  # 合计 50.78 ≠ 基本 40.78 + 项目 0
    t = d.add_table(rows=len(rows), cols=len(rows[0]))
    for r, row in enumerate(rows):
        for c, value in enumerate(row):
            t.cell(r, c).text = value
    d.save(tmp_path / "t.docx")
    text = run("check", "--rule", "table-row-total", str(tmp_path / "t.docx")).stdout_text
    assert "表1 第3行「合计」列" in text, text  # not "表1第3行第3列"


# ---- 10. safe output files ----

def test_output_that_is_an_input_is_refused(tmp_path: Path) -> None:
    doc = tmp_path / "a.txt"
    shutil.copy(seed("004"), doc)
    before = doc.read_bytes()
    p = run("check", "-o", str(doc), str(doc))
    assert p.returncode == 2 and "拒绝覆盖" in p.stderr_text and doc.read_bytes() == before
    link = tmp_path / "link.txt"
    link.symlink_to(doc)
    assert run("check", "-o", str(link), str(doc)).returncode == 2
    assert run("check", "-o", "a.txt", "./a.txt", cwd=tmp_path).returncode == 2  # another spelling
    assert doc.read_bytes() == before
    # A folder does not pick up last run's report written beside the documents: rerunning works.
    report = tmp_path / "report.html"
    assert run("check", "-o", str(report), str(tmp_path)).returncode == 0
    assert run("check", "-o", str(report), str(tmp_path)).returncode == 0
    assert report.read_text(encoding="utf-8").count('class="doc"') == 1


def test_output_written_through_a_temporary_file(tmp_path: Path) -> None:
    from budgetdoc.cli import _write

    out = tmp_path / "r.txt"
    out.write_text("old report", encoding="utf-8")

    def interrupted(path: str) -> None:
        Path(path).write_text("half a rep", encoding="utf-8")
        raise OSError(28, "No space left on device")

    assert _write(str(out), interrupted) is False
    assert out.read_text(encoding="utf-8") == "old report"  # the old file is untouched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]  # and no temporary file is left
    t0 = time.time()
    assert run("check", "-o", str(out), str(seed("004"))).returncode == 0
    assert out.read_text(encoding="utf-8").startswith("== ") and out.stat().st_mtime >= t0 - 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.txt"]


# ---- 11. the repository and README ----

def test_build_is_ignored_and_readme_timings_are_honest() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").split()
    assert "build/" in ignored
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "a few seconds" not in readme
    assert "bench_check.py --repeat 3" in readme
