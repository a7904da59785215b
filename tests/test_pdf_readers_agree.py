"""The pdfium reader (the default, load/pdfium_page.py) and the old pdfplumber reader (pdfminer's parse of
every page, BUDGETDOC_PDF_READER=pdfplumber) read the same documents to the same result: the thirty-five
PDFs of ../shared/real and every PDF disclosure of ../shared/corpus give the same disclosure verdict,
metadata, facts (key, amount, stated text, location, section) and findings (rule, severity, message,
stated, expected, every quote with its location and mark). Each file is read twice, once per reader.

Differences found while this was built, and what became of them:
- pdfium's text page drops a text object that holds only a space (and a real space right after a space
  it generated itself), which pdfminer reads and which ends a word ("13.56 %", a page number "1 0"):
  the pdfium reader adds a space for such an object, in content order. Fixed, no exception here.
- pdfium reports a hyphen that ends a line as U+0002 ("RISC-"): read as "-". Fixed.
- The one difference left is a fix, listed in FIXES with the pages and why: there the comparison leaves
  out those pages' facts and findings and checks that only the new reader reads them. A page whose
  reading follows from the fixed pages (a table's lost unit line, taken from the tables before it) is
  listed in CARRIED and compared apart.
Three generated pages pin the space, the MediaBox and the broken-descent classes down without ../shared.
"""

from __future__ import annotations

from decimal import Decimal
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

# file: (pages only the pdfium reader reads, metadata fields that differ as (new, old), why).
FIXES: dict[str, tuple[frozenset[int], dict[str, tuple[Any, Any]], str]] = {
    "shaanxi-xian-minzhengju-2021-budget.pdf": (
        frozenset(range(39, 85)) - {46, 47},
        {"unit": ("元", "万元")},
        "Pages 39-45 and 48-84 (its 16 tables) have MediaBox [0 595.276 841.89 0], bottom and top given "
        "swapped. pdfminer builds its page matrix from the box as given and draws their content 595 pt below "
        "the page, where the reader cuts it away as outside the page box: the old reader read nothing of "
        "them. pdfium draws them on the page as a viewer does (page 39 rendered: 表1 2021年部门综合预算收支总表, "
        "单位：元). With the 收支总表 read, the document's unit is its tables' 元 (analysis.main_table), no "
        "longer its prose's 万元; facts and findings on the other pages are the same.",
    ),
}

# file: (pages whose reading follows from a fixed page, why). Compared apart: the new reader's figures there
# are checked against the page by hand.
CARRIED: dict[str, tuple[frozenset[int], str]] = {
    "shaanxi-xian-minzhengju-2021-budget.pdf": (
        frozenset({46}),
        "p46's 一般公共预算支出明细表 prints its 单位：元 inside the table's frame, which neither reader keeps; a "
        "table whose unit line is lost is in the unit of the tables before it. Only the new reader reads those "
        "(pp39-44, all 单位：元), so only it reads p46 in 元 (合计 535,987,052.43元, as printed); the old "
        "reader falls back to the prose's 万元.",
    ),
}


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
    pages, fields, _ = FIXES.get(path.name, (frozenset(), {}, ""))
    for name, (new_value, old_value) in fields.items():
        assert (getattr(new["metadata"], name), getattr(old["metadata"], name)) == (new_value, old_value)
        setattr(new["metadata"], name, old_value)
    assert new["metadata"] == old["metadata"]
    if pages:  # the fixed pages: only the new reader reads them
        assert not [f for f in old["facts"] if f[3][0] in pages]
        assert len([f for f in new["facts"] if f[3][0] in pages]) > 50
    carried, _ = CARRIED.get(path.name, (frozenset(), ""))
    if carried:
        assert not [f for f in new["facts"] if f[3][0] in carried and f[2].endswith("万元")]
        assert ("gpb.func.205", Decimal("1023214.00")) in [(f[0], f[1]) for f in new["facts"] if f[3][0] in carried]
        old["facts"] = [f for f in old["facts"] if f[3][0] not in carried]
        old["findings"] = [f for f in old["findings"] if not {q[1][0] for q in f[5]} & carried]
        pages = pages | carried
    assert [f for f in new["facts"] if f[3][0] not in pages] == old["facts"]
    assert [f for f in new["findings"] if not {q[1][0] for q in f[5]} & pages] == old["findings"]


def test_default_reader_is_pdfium(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(pdf_reader.READER_ENV, raising=False)
    assert pdf_reader.reader() == "pdfium"
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfplumber")
    assert pdf_reader.reader() == "pdfplumber"
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfminer")
    with pytest.raises(Exception, match="未知的 PDF 读取方式"):
        pdf_reader.reader()


def test_inverted_media_box_is_read_where_a_viewer_draws_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The class of the one fix above, on a generated page: its MediaBox gives top before bottom."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from budgetdoc.load import load

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = tmp_path / "inverted.pdf"
    c = canvas.Canvas(str(out))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 780, "2020年度收、支总计384.49万元。")
    c.showPage()
    c.save()
    data = out.read_bytes()
    box = b"/MediaBox [ 0 0 595.2756 841.8898 ]"
    assert box in data
    out.write_bytes(data.replace(box, b"/MediaBox [ 0 841.8898 595.2756 0 ]"))  # same length: offsets hold
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfium")
    assert [b.text for b in load(out).blocks] == ["2020年度收、支总计384.49万元。"]
    monkeypatch.setenv(pdf_reader.READER_ENV, "pdfplumber")
    assert load(out).blocks == []  # drawn 842 pt below the page by pdfminer, and cut away there


def test_a_lone_space_object_ends_a_word_in_both_readers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A space drawn on its own (pdfium's text page skips it) still splits "13.56" from a "%" set 2 pt
    after it, as pdfminer reads it; without it the two run together (pdfplumber joins gaps under 3 pt)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from budgetdoc.load import load

    font = "STSong-Light"
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = tmp_path / "space.pdf"
    c = canvas.Canvas(str(out))
    c.setFont(font, 10)
    head = "支出增长13.56"
    end = 40 + pdfmetrics.stringWidth(head, font, 10)
    c.drawString(40, 780, head)
    c.drawString(end, 780, " ")
    c.drawString(end + 2, 780, "%。")
    c.drawString(40, 760, "收入增长13.56")
    c.drawString(end + 2, 760, "%。")
    c.showPage()
    c.save()
    for engine in pdf_reader.READERS:
        monkeypatch.setenv(pdf_reader.READER_ENV, engine)
        assert [b.text for b in load(out).blocks] == ["支出增长13.56 %。", "收入增长13.56%。"], engine


def test_figures_in_a_font_with_a_broken_descent_stay_in_their_line(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """Digits set in a second font whose descriptor gives /Descent -999 (the Founder-typeset PDFs of one
    city give -1033): pdfminer's box puts them under the baseline, a line below the words beside them,
    and "收入预算 万元" lost its figures. Both readers give such a font a typical descent."""
    import re

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    from budgetdoc.load import load

    for font in ("STSong-Light", "MSung-Light"):
        pdfmetrics.registerFont(UnicodeCIDFont(font))
    out = tmp_path / "descent.pdf"
    c = canvas.Canvas(str(out), pageCompression=0)
    t = c.beginText(40, 780)
    for font, s in [("STSong-Light", "收入预算"), ("MSung-Light", "14770.62"), ("STSong-Light", "万元，其中：一般公共预算拨款"),
                    ("MSung-Light", "12672.73"), ("STSong-Light", "万元。")]:
        t.setFont(font, 12)
        t.textOut(s)
    c.drawText(t)
    c.showPage()
    c.save()
    data = out.read_bytes()
    at = data.index(b"/FontName /MSung-Light")
    start = data.rfind(b"<<", 0, at)
    descriptor = data[start:data.index(b">>", at)]
    assert re.search(rb"/Descent -271 ", descriptor)
    out.write_bytes(data[:start] + descriptor.replace(b"/Descent -271 ", b"/Descent -999 ") + data[start + len(descriptor):])
    for engine in pdf_reader.READERS:
        monkeypatch.setenv(pdf_reader.READER_ENV, engine)
        assert [b.text for b in load(out).blocks] == ["收入预算14770.62万元，其中：一般公共预算拨款12672.73万元。"], engine
