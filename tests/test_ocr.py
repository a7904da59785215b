"""OCR of scanned PDFs and images (RapidOCR), on scans generated here from seed text.

The scanned PDF is made by bench/bench_ocr.py: seed lines typeset at 12 pt on A4 pages, drawn at
150 dpi, slightly blurred and rotated, and wrapped into an image-only PDF with Pillow.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from conftest import seed

from budgetdoc import InputError, check
from budgetdoc.analysis import analyse
from budgetdoc.load import load, ocr
from budgetdoc.load.ocr import _Box, group_lines
from budgetdoc.model import CheckResult
from budgetdoc.postpass import OCR_NOTE, review

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from bench_ocr import A4, EXCERPTS, cjk_font, excerpt, page_images, scanned_pdf  # noqa: E402

FONT = cjk_font()
needs_ocr = pytest.mark.skipif(not ocr.available(), reason="OCR engine missing: pip install rapidocr onnxruntime")
needs_font = pytest.mark.skipif(FONT is None, reason="no Simplified-Chinese font to draw the scan "
                                                    "(Debian fonts-noto-cjk)")

# The key facts of the covered part of each seed, as the text version states them (yuan).
KEY_FACTS = {
    "002": {"income.total": "3844900.00", "expense.current_year": "3768300.00",
            "expense.basic": "2213300.00", "expense.project": "1555000.00"},
    "001": {"income.total": "17246200.00", "expense.current_year": "17239400.00",
            "expense.basic": "8187300.00", "expense.project": "9052100.00"},
}


def _lines(prefix: str) -> list[str]:
    first, last = EXCERPTS[prefix]
    return excerpt(seed(prefix), first, last)


@pytest.fixture(scope="module")
def scans(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[CheckResult, CheckResult]]:
    """Per seed: the check of the scanned PDF and of the same lines as plain text (OCR runs once)."""
    if not ocr.available() or FONT is None:
        pytest.skip("OCR engine or CJK font missing")
    out = {}
    tmp = tmp_path_factory.mktemp("scans")
    for prefix in KEY_FACTS:
        lines = _lines(prefix)
        text = tmp / f"{prefix}.txt"
        text.write_text("\n".join(lines), encoding="utf-8")
        out[prefix] = (check(scanned_pdf(lines, tmp / f"{prefix}.pdf", FONT)), check(text))
    return out


def _first(result: CheckResult, key: str) -> Decimal | None:
    return next((f.value_yuan for f in result.facts if f.key == key), None)


@needs_ocr
@needs_font
@pytest.mark.parametrize("prefix", sorted(KEY_FACTS))
def test_scanned_pdf_gives_the_key_facts_of_the_text(scans, prefix: str) -> None:
    scanned, text = scans[prefix]
    assert scanned.format == "pdf"
    for key, value in KEY_FACTS[prefix].items():
        assert _first(text, key) == Decimal(value), key
        assert _first(scanned, key) == Decimal(value), key
    assert all(f.loc.page is not None and f.loc.line is not None for f in scanned.facts)
    assert scanned.metadata == text.metadata
    # The warning names the OCR'd pages and their mean confidence.
    (warning,) = [w for w in scanned.warnings if "OCR" in w]
    assert "第1" in warning and "OCR 平均置信度 0." in warning


@needs_ocr
@needs_font
def test_scanned_growth_rate_error_found_with_page(scans) -> None:
    scanned, text = scans["002"]
    found = [f for f in scanned.findings if f.rule == "growth-rate" and f.stated == "4.43%"]
    assert len(found) == 1
    f = found[0]
    assert f.expected == "4.64%" and f.severity == "error"  # read with high confidence: stays an error
    assert f.evidence[0].loc.page == 1 and f.evidence[0].loc.line is not None
    assert f.evidence[0].confidence is not None and f.evidence[0].confidence >= 0.9
    assert "增长4.43%" in f.evidence[0].quote
    assert json.loads(json.dumps(f.to_dict()))["evidence"][0]["confidence"] >= 0.9
    # Same findings as the text version of the same lines.
    assert [(g.rule, g.stated, g.expected) for g in scanned.findings] == \
        [(g.rule, g.stated, g.expected) for g in text.findings]


def test_low_confidence_ocr_error_becomes_warning(tmp_path: Path) -> None:
    p = tmp_path / "002.txt"
    p.write_text("\n".join(_lines("002")), encoding="utf-8")
    doc = load(p)
    claim = next(b for b in doc.blocks if "增长4.43%" in b.text)
    other = next(b for b in doc.blocks if "增长4.44%" in b.text)
    claim.confidence, other.confidence = 0.62, 0.95  # as if OCR'd: one doubtful line, one clear
    findings = {f.stated: f for f in review(analyse(doc))[0]}
    low, high = findings["4.43%"], findings["4.44%"]
    assert low.severity == "warning" and low.message.endswith(OCR_NOTE)
    assert low.evidence[0].confidence == 0.62
    assert high.severity == "error" and OCR_NOTE not in high.message
    # Text-layer evidence keeps its JSON shape: no confidence key at all.
    assert "confidence" not in findings["32.47%"].evidence[0].to_dict()
    assert findings["32.47%"].severity == "error"


def test_boxes_of_one_sentence_become_one_line() -> None:
    # Three boxes on one line (slightly uneven, as the detector returns them), out of order, and a
    # second line below; a far-away box on the first line is another cell, joined by a tab.
    boxes = [_Box("万元，增长4.43%。", 0.99, 610, 102, 900, 138), _Box("2020年度收、支总计", 0.98, 100, 100, 400, 136),
             _Box("384.49", 0.7, 405, 98, 600, 134), _Box("主要变动原因", 0.99, 100, 150, 300, 186),
             _Box("合计", 0.99, 1200, 101, 1260, 137)]
    lines = group_lines(boxes)
    assert [ln.text for ln in lines] == ["2020年度收、支总计384.49万元，增长4.43%。\t合计", "主要变动原因"]
    assert lines[0].confidence == 0.7  # the most doubtful box decides


@needs_ocr
@needs_font
def test_png_image_is_read_by_ocr(tmp_path: Path) -> None:
    page = page_images(_lines("002")[:6], FONT, dpi=150)[0]
    png = tmp_path / "page.png"
    page.crop((0, 0, page.width, page.height // 2)).save(png)
    r = check(png)
    assert r.format == "image"
    assert _first(r, "income.total") == Decimal("3844900.00")
    assert all(f.loc.page == 1 and f.loc.line is not None for f in r.facts)
    assert any("OCR" in w for w in r.warnings)
    growth = [f for f in r.findings if f.stated == "4.43%"]
    assert growth and growth[0].evidence[0].loc.page == 1


def test_image_extension_checked_against_content(tmp_path: Path) -> None:
    fake = tmp_path / "scan.png"
    fake.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 64)  # a broken JPEG under a .png name
    with pytest.raises(InputError, match="无法读取的图片"):
        load(fake)
    text = tmp_path / "scan.jpg"
    text.write_text("2020年度收、支总计384.49万元。", encoding="utf-8")
    doc = load(text)  # the bytes decide: text under an image's name is read as text
    assert doc.format == "text" and "内容实为 纯文本" in doc.warnings[0]


@needs_ocr
def test_engine_started_only_for_pages_without_text(tmp_path: Path) -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = tmp_path / "text.pdf"
    c = canvas.Canvas(str(out))
    c.setFont("STSong-Light", 10)
    c.drawString(40, 800, "2020年度收、支总计384.49万元。")
    c.save()
    ocr.engine.cache_clear()
    doc = load(out)
    assert ocr.engine.cache_info().currsize == 0
    assert doc.blocks[0].confidence is None and doc.warnings == []


def _two_page_scan(tmp_path: Path) -> bytes:
    """Seed 002's excerpt drawn on two scanned pages (its first five lines on the first)."""
    from PIL import ImageFilter

    lines = _lines("002")
    pages = [page_images(part, FONT, 150)[0].filter(ImageFilter.GaussianBlur(0.6)).rotate(0.4, fillcolor=255)
             for part in (lines[:5], lines[5:])]
    path = tmp_path / "two.pdf"
    pages[0].save(path, "PDF", resolution=150, save_all=True, append_images=pages[1:])
    return path.read_bytes()


@needs_ocr
@needs_font
def test_pages_of_one_scan_are_read_on_two_worker_processes(tmp_path: Path) -> None:
    data = _two_page_scan(tmp_path)
    scan = ocr.ScanPages(data)
    try:
        pooled = [scan.page(0), scan.page(1)]
        # Both pages were queued on the page pool when the first was asked for, and two workers read them.
        pool = ocr._POOL[ocr.SETTINGS]
        assert len(pool._processes) == 2
    finally:
        scan.close()
    alone = ocr.ScanPages(data, replace(ocr.SETTINGS, workers=1))  # page after page in this process
    try:
        here = [alone.page(0), alone.page(1)]
    finally:
        alone.close()
    assert [[ln.text for ln in lines] for _, lines in pooled] == [[ln.text for ln in lines] for _, lines in here]
    assert any("收、支总计384.49万元" in ln.text for ln in pooled[0][1])
    assert abs(pooled[0][0] - A4[0] * ocr.SETTINGS.dpi / 72) < 3  # rendered at the settings' dpi


def _in_worker() -> bool:
    return ocr.in_worker()


def test_a_pool_worker_reads_its_pages_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Started by multiprocessing (check -j, ingest -j, the workbench, Dask): a worker; this process: not.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    assert not ocr.in_worker()
    with ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn")) as pool:
        assert pool.submit(_in_worker).result()
    # In a worker, a scan's pages are not queued on a pool of its own (pools do not nest).
    monkeypatch.setattr(ocr, "in_worker", lambda: True)
    scan = ocr.ScanPages(b"%PDF-not-read")
    assert scan._queue(0) == {}


def test_margin_specks_are_dropped_and_text_kept() -> None:
    # Boxes as the 泉州 scan's page 4 gives them (pixels at 200 dpi): lines of text between x 230 and 1470,
    # a toner speck read as "è" beside the column, shorter than half a line. The speck goes; a short box
    # inside the column ("0" in a table cell) and a full-height one beside it (a page number) stay.
    text = [_Box("发海外仓信息服务功能，已有市内外39个海外仓入驻，覆盖15", 0.99, 232, 1580, 1470, 1639),
            _Box("个国家，面积超100万m²。", 0.99, 232, 1660, 700, 1719),
            _Box("建成公共海外仓和海外展销中心43个；", 0.99, 232, 1500, 1460, 1559)]
    speck = _Box("è", 0.97, 1564, 1583, 1586, 1612)
    cell = _Box("0", 0.95, 900, 1740, 915, 1765)
    number = _Box("4", 0.99, 1500, 2200, 1530, 2255)
    kept = ocr.without_specks([*text, speck, cell, number])
    assert speck not in kept and cell in kept and number in kept and all(b in kept for b in text)
    assert [ln.text for ln in group_lines(kept)][1] == "发海外仓信息服务功能，已有市内外39个海外仓入驻，覆盖15"
