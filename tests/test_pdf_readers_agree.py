"""The pdfium reader (the default, load/pdfium_page.py) and the old pdfplumber reader (pdfminer's parse of
every page, BUDGETDOC_PDF_READER=pdfplumber) read the same documents to the same result: the thirty-five
PDFs of ../shared/real and every PDF disclosure of ../shared/corpus give the same disclosure verdict,
metadata, facts (key, amount, stated text, location) and findings (rule, severity, message, stated,
expected, every quote with its location). Each file is read twice, once per reader.

No file needs an exception: where the readers differed while this was built (pdfium's text page drops a
text object holding only a space, which pdfminer reads and which ends a word: "13.56 %"), the pdfium
reader was fixed to read as pdfminer does.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from corpus_kinds import KINDS

from budgetdoc import check
from budgetdoc.load import pdf_reader
from budgetdoc.model import CheckResult, Location

SHARED = Path(__file__).resolve().parents[2] / "shared"
REAL = sorted((SHARED / "real").glob("*.pdf"))
CORPUS = [SHARED / "corpus" / name for name, (disclosure, _) in sorted(KINDS.items())
          if disclosure and name.lower().endswith(".pdf")]
FILES = REAL + [p for p in CORPUS if p.exists()]


def _loc(loc: Location) -> tuple[Any, ...]:
    return (loc.page, loc.line, loc.table, loc.row, loc.col, loc.file)


def _summary(r: CheckResult) -> dict[str, Any]:
    return {
        "disclosure": r.disclosure,
        "metadata": r.metadata,
        "facts": [(f.key, f.value_yuan, f.stated, _loc(f.loc), f.section) for f in r.facts],
        "findings": [(f.rule, f.severity, f.message, f.stated, f.expected,
                      [(e.quote, _loc(e.loc), e.mark) for e in f.evidence])
                     for f in [*r.findings, *r.suppressed]],
    }


def _read(path: Path, engine: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    monkeypatch.setenv(pdf_reader.READER_ENV, engine)
    return _summary(check(path))


def test_the_files_are_there() -> None:
    if not (SHARED / "real").exists():
        pytest.skip(f"{SHARED} not available")
    assert len(REAL) == 35 and len(FILES) >= 35 + 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_readers_agree(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    new = _read(path, "pdfium", monkeypatch)
    old = _read(path, "pdfplumber", monkeypatch)
    assert new["disclosure"] == old["disclosure"]
    assert new["metadata"] == old["metadata"]
    assert new["facts"] == old["facts"]
    assert new["findings"] == old["findings"]


def test_default_reader_is_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pdf_reader.READER_ENV, raising=False)
    assert pdf_reader.reader() == "pdfium"
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfplumber")
    assert pdf_reader.reader() == "pdfplumber"
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfminer")
    with pytest.raises(Exception, match="未知的 PDF 读取方式"):
        pdf_reader.reader()
