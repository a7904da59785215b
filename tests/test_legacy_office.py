"""Legacy .doc/.xls: converted with LibreOffice when installed (CI installs it), else a clear message."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import docx
import openpyxl
import pytest

from budgetdoc import InputError, check
from budgetdoc.load import convert

LINES = ["某某局2020年度部门决算", "第二部分 2020年度部门决算情况说明", "一、收入支出决算总体情况说明",
         "2020年度收、支总计384.49万元。与2019年相比，收、支总计各增加17.05万元，增长4.43%。"]
needs_soffice = pytest.mark.skipif(convert.soffice() is None, reason="LibreOffice (soffice) not installed")


def _legacy(tmp_path: Path, source: Path, target: str) -> Path:
    subprocess.run([convert.soffice(), "--headless", "--convert-to", target, "--outdir", str(tmp_path), str(source)],
                   env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, capture_output=True, timeout=120, check=True)
    return tmp_path / f"{source.stem}.{target}"


@needs_soffice
def test_doc_is_converted_and_checked(tmp_path: Path) -> None:
    d = docx.Document()
    for line in LINES:
        d.add_paragraph(line)
    src = tmp_path / "in.docx"
    d.save(src)
    legacy = _legacy(tmp_path, src, "doc")
    before = legacy.read_bytes()
    r = check(legacy)
    f = next(f for f in r.findings if f.rule == "growth-rate")
    assert (f.stated, f.expected, f.evidence[0].loc.paragraph) == ("4.43%", "4.64%", 4)
    assert r.metadata.year == 2020 and any("LibreOffice" in w for w in r.warnings)
    assert legacy.read_bytes() == before  # the user's file is only read


@needs_soffice
def test_xls_is_converted_and_checked(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    for line in LINES:
        ws.append([line])
    src = tmp_path / "in.xlsx"
    wb.save(src)
    r = check(_legacy(tmp_path, src, "xls"))
    assert any(f.rule == "growth-rate" and f.evidence[0].loc.sheet == "说明" for f in r.findings)


def test_without_libreoffice_a_clear_message(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(convert, "soffice", lambda: None)
    p = tmp_path / "old.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match="LibreOffice"):
        check(p)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed")
def test_damaged_doc_is_an_input_error(tmp_path: Path) -> None:
    # The legacy Office signature and nothing behind it: a .doc LibreOffice cannot open. (Plain text under
    # a .doc name is read as the text it is: the content decides the format.)
    p = tmp_path / "bad.doc"
    p.write_bytes(b"\xd0\xcf\x11\xe0" + b"\0" * 100)
    with pytest.raises(InputError, match="LibreOffice"):
        check(p)
