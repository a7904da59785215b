"""The workbench's "download the annotated copy": the REST route on a stored PDF and seed (a dismissed
finding is left out, a text file gets no copy, a changed file none either), and in a real browser
(Playwright driving Debian's chromium) the document page's link downloads the copy, read back with
pypdf and pdfplumber. Screenshot of the downloaded copy's page 23: tests/artifacts/web-annotated-pdf.png."""

from __future__ import annotations

import shutil

import pdfplumber
import pytest
from web_support import ARTIFACTS, PDF, SEED, live_server, need, upload, wait_job

httpx = pytest.importorskip("httpx", reason="the workbench tests need pip install '.[test]'")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from budgetdoc.web import create_app

    tmp = tmp_path_factory.mktemp("annotated")
    app = create_app(str(tmp / "a.db"), upload_dir=tmp / "uploads")
    with live_server(app) as base:
        client = httpx.Client(base_url=base, timeout=120)
        ids = []
        for path in (need(PDF), need(SEED)):
            r = upload(client, path.name, path.read_bytes())
            assert r.status_code == 202, r.text
            job = wait_job(client, r.json()["jobs"][0]["id"])
            assert job["status"] == "done", job
            ids.append(job["document_id"])
        yield base, client, ids[0], ids[1], tmp


def _annots(data: bytes, tmp_path) -> dict[int, list[dict]]:
    path = tmp_path / "copy.pdf"
    path.write_bytes(data)
    with pdfplumber.open(path) as pdf:
        return {i + 1: [a for a in p.annots] for i, p in enumerate(pdf.pages)}


def test_annotated_copy_leaves_dismissed_findings_out(server, tmp_path) -> None:
    _, client, pdf_id, seed_id, _ = server
    doc = client.get(f"/api/documents/{pdf_id}").json()
    assert doc["annotatable"] is True
    assert client.get(f"/api/documents/{seed_id}").json()["annotatable"] is False
    found = client.get("/api/findings", params={"document_id": pdf_id}).json()["findings"]
    growth = next(f for f in found if f["rule"] == "growth-rate" and f["stated"] == "21.95 %")
    assert growth["suggestion"].endswith("增长 22.00 %")  # the suggestion, computed from the stored quote
    share = next(f for f in found if f["rule"] == "share" and f["stated"] == "63.75%")

    r = client.get(f"/api/documents/{pdf_id}/annotated")
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf"
    assert r.headers["content-disposition"] == f'attachment; filename="budgetdoc-{pdf_id}.annotated.pdf"'
    before = _annots(r.content, tmp_path)
    assert any("63.75%" in (a["contents"] or "") for a in before[25])

    assert client.post("/api/judgements", json={"finding_id": share["id"], "verdict": "dismissed"}).status_code == 200
    after = _annots(client.get(f"/api/documents/{pdf_id}/annotated").content, tmp_path)
    assert not any("63.75%" in (a["contents"] or "") for a in after[25])
    assert any("21.95 %" in (a["contents"] or "") for a in after[23])
    n = sum(len(v) for v in before.values())
    assert sum(len(v) for v in after.values()) == n - 4  # its highlight, square, note and popup


def test_no_copy_of_a_text_file_an_unknown_document_or_a_changed_file(server, tmp_path) -> None:
    _, client, pdf_id, seed_id, tmp = server
    r = client.get(f"/api/documents/{seed_id}/annotated")
    assert r.status_code == 400 and "HTML 报告" in r.text
    assert client.get("/api/documents/999999/annotated").status_code == 404
    # The stored file changed on the server after its check: its findings no longer fit it.
    stored = next(p for p in (tmp / "uploads").rglob("*.pdf"))
    keep = tmp_path / "keep.pdf"
    shutil.copy(stored, keep)
    try:
        stored.write_bytes(stored.read_bytes() + b"\n%changed\n")
        assert client.get(f"/api/documents/{pdf_id}/annotated").status_code == 409
    finally:
        shutil.copy(keep, stored)
    assert client.get(f"/api/documents/{pdf_id}/annotated").status_code == 200


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


def test_download_from_the_document_page_in_a_browser(server, tmp_path) -> None:
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    base, _, pdf_id, _, _ = server
    with sync_api.sync_playwright() as p:
        try:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                        args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"])
        except Exception as e:
            pytest.skip(f"chromium could not be started by Playwright: {str(e).splitlines()[0]}")
        try:
            page = browser.new_page(accept_downloads=True)
            page.goto(f"{base}/#doc/{pdf_id}")
            card = page.locator(".finding[data-rule=growth-rate]", has_text="21.95")
            card.wait_for(timeout=60_000)
            assert "建议：" in card.inner_text() and "22.00 %" in card.inner_text()
            with page.expect_download(timeout=120_000) as info:
                page.locator("#annotated").click()
            saved = tmp_path / info.value.suggested_filename
            info.value.save_as(saved)
        finally:
            browser.close()
    assert saved.name == f"budgetdoc-{pdf_id}.annotated.pdf"
    from pypdf import PdfReader

    reader = PdfReader(saved)
    kinds = [str(a.get_object()["/Subtype"]) for a in reader.pages[22].get("/Annots") or []]
    assert {"/Highlight", "/Square", "/Text"} <= set(kinds)
    with pdfplumber.open(saved) as pdf:
        page = pdf.pages[22]
        square = next(a for a in page.annots if "21.95 %" in (a["contents"] or "") and "Square" in str(a["data"]["Subtype"]))
        hit = page.search(r"21\.95", regex=True, return_chars=True)[0]
        assert square["x0"] - 2 <= hit["x0"] and hit["x1"] <= square["x1"] + 2
        assert square["top"] - 2 <= hit["top"] and hit["bottom"] <= square["bottom"] + 2
    import pypdfium2 as pdfium

    ARTIFACTS.mkdir(exist_ok=True)
    doc = pdfium.PdfDocument(str(saved))
    try:
        doc[22].render(scale=1.3, may_draw_forms=True).to_pil().save(ARTIFACTS / "web-annotated-pdf.png")
    finally:
        doc.close()


def test_a_cross_document_finding_keeps_only_this_documents_places() -> None:
    from budgetdoc.store.models import FindingRow
    from budgetdoc.web.app import _as_finding, _here

    row = FindingRow(id=1, document_id=7, rule="prior-year-quoted", severity="warning", origin="cross-document",
                     message="m", stated="100.00万元", expected="98.00万元", section=None, suppressed=False,
                     evidence=[{"page": 3, "line": 2, "quote": "100.00万元", "document_id": 7},
                               {"page": 5, "line": 1, "quote": "98.00万元", "document_id": 6}])
    mine = _here(_as_finding(row), row, 7)
    assert [e.quote for e in mine.evidence] == ["100.00万元"]
    assert _here(_as_finding(row), row, 6).evidence[0].quote == "98.00万元"
    # The note still names both figures to reconcile.
    assert "“100.00万元”" in mine.suggestion and "“98.00万元”" in mine.suggestion
