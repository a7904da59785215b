"""The command line: exit codes, JSON contract, and bad input (clear message, exit 2, no traceback)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import seed


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgetdoc.cli", *args], capture_output=True, text=True,
                          timeout=120)


def test_json_contract_and_exit_code() -> None:
    p = run("check", "--format", "json", str(seed("002")))
    assert p.returncode == 1  # seed 002 has error-severity findings
    d = json.loads(p.stdout)
    assert set(d) >= {"source", "encoding", "document", "facts", "findings"}
    assert d["document"] == {"department": "攀枝花市西区行政审批局", "year": 2020, "kind": "final", "unit": "万元"}
    fact = next(f for f in d["facts"] if f["key"] == "expense.basic")
    assert {k: fact[k] for k in ("key", "value_yuan", "stated", "line")} == \
        {"key": "expense.basic", "value_yuan": "2213300.00", "stated": "221.33万元", "line": 32}
    f = next(f for f in d["findings"] if f["rule"] == "growth-rate")
    assert f["severity"] == "error" and f["stated"] == "4.43%" and f["expected"] == "4.64%"
    assert f["evidence"] == [{"line": 26, "quote": "与2019年相比，收、支总计各增加17.05万元，增长4.43%", "mark": [27, 32]}]
    start, end = f["evidence"][0]["mark"]
    assert f["evidence"][0]["quote"][start:end] == f["stated"]  # the mark is the stated number in the quote


def test_exit_zero_without_errors_and_text_review() -> None:
    p = run("check", str(seed("004")))
    assert p.returncode == 0
    assert "伊滨经开区（示范区）政务服务局" in p.stdout and "[警告]" in p.stdout


def test_several_files_one_bad(tmp_path: Path) -> None:
    p = run("check", "--format", "json", str(seed("004")), str(tmp_path / "missing.txt"), str(seed("001")))
    assert p.returncode == 2
    d = json.loads(p.stdout)
    assert len(d) == 3 and "error" in d[1] and d[2]["document"]["year"] == 2023
    assert "文件不存在：" in p.stderr and "missing.txt" in p.stderr


def _bad(path: Path) -> subprocess.CompletedProcess:
    p = run("check", str(path))
    assert p.returncode == 2, p.stderr
    assert "Traceback" not in p.stderr
    assert p.stderr.startswith("budgetdoc：") and p.stderr.count("\n") == 1
    return p


def test_bad_inputs(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert "文件为空" in _bad(empty).stderr
    garbage = tmp_path / "garbage.txt"
    garbage.write_bytes(os.urandom(4096))
    assert "二进制" in _bad(garbage).stderr or "编码" in _bad(garbage).stderr
    huge = tmp_path / "huge.txt"
    with open(huge, "wb") as f:
        f.truncate(60 * 1024 * 1024)
    assert "MB" in _bad(huge).stderr
    wrong = tmp_path / "report.exe"
    wrong.write_text("收入总计1万元", encoding="utf-8")
    assert "不支持的文件类型" in _bad(wrong).stderr
    pdf_named_txt = tmp_path / "x.txt"
    pdf_named_txt.write_bytes(b"%PDF-1.4\n%...")
    assert "PDF" in _bad(pdf_named_txt).stderr
    zip_named_docx = tmp_path / "x.docx"
    zip_named_docx.write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    assert "DOCX" in _bad(zip_named_docx).stderr
    assert "文件不存在" in _bad(tmp_path / "nope.txt").stderr


def test_input_file_is_not_modified(tmp_path: Path) -> None:
    src = seed("000")
    before = src.read_bytes()
    run("check", str(src))
    assert src.read_bytes() == before


def test_rules_command_lists_ids() -> None:
    p = run("rules")
    assert p.returncode == 0
    for rid in ("share", "growth-rate", "change-direction", "completion-rate", "breakdown-sum",
                "identity", "fact-conflict", "zero-base", "template-residue", "comparison-year",
                "period-kind", "unit-missing"):
        assert rid in p.stdout
