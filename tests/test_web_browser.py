"""End to end in a real browser (Playwright driving Debian's chromium; Playwright's own browser download
is not used): upload the seed and a real PDF, wait for the checks, see the known growth-rate error
boxed on the page image, dismiss a finding and see it stay dismissed after a re-check, load the
overview chart, and a file name with HTML in it shown as text. Screenshots: tests/artifacts/web-*.png.
Skipped, saying why, when Playwright or chromium is missing or chromium cannot start."""

from __future__ import annotations

import html
import shutil

import pytest
from web_support import ARTIFACTS, PDF, SEED, live_server, need

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install '.[test]')")

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
TIMEOUT = 180_000  # ms: the real PDF takes a few seconds to check on a busy 2-core machine


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        pytest.skip("chromium is not installed (.ci/run installs Debian's chromium)")
    with sync_api.sync_playwright() as p:
        try:
            b = p.chromium.launch(executable_path=CHROMIUM, headless=True,
                                  args=["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                        "--disable-background-networking", "--disable-component-update"])
        except Exception as e:  # a browser that cannot start here is a skip, not a failure
            pytest.skip(f"chromium could not be started by Playwright: {str(e).splitlines()[0]}")
        yield b
        b.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    from budgetdoc.web import create_app

    tmp = tmp_path_factory.mktemp("browser")
    app = create_app(str(tmp / "b.db"), upload_dir=tmp / "uploads")
    with live_server(app) as base:
        yield base, tmp


def test_workbench_in_browser(browser, server, tmp_path):
    base, _ = server
    ARTIFACTS.mkdir(exist_ok=True)
    seed_copy = tmp_path / "seed-002.txt"
    seed_copy.write_bytes(need(SEED).read_bytes())
    evil = tmp_path / '<img src=x onerror="window.__xss=1">.txt'
    evil.write_bytes(need(SEED).read_bytes().replace("攀枝花市西区行政审批局".encode(), "<b>测试局</b>".encode()))
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("dialog", lambda d: (errors.append("dialog: " + d.message), d.dismiss()))
    page.goto(base + "/#upload")

    # 1. upload: the seed, the PDF and a file whose name and text hold HTML; per-file status until done
    page.set_input_files("#file-input", [str(seed_copy), str(need(PDF)), str(evil)])
    page.wait_for_function("document.querySelectorAll('.job[data-status=done], .job[data-status=failed]').length === 3",
                           timeout=TIMEOUT)
    assert page.locator(".job[data-status=done]").count() == 3
    assert page.locator(".job .name").all_text_contents()[2] == evil.name  # shown as text, not parsed
    assert page.locator("img[src=x]").count() == 0
    page.screenshot(path=str(ARTIFACTS / "web-upload.png"), full_page=True)

    # 2. the PDF: page 23 shown with the known growth-rate error (21.95 %, should be 22.00%) boxed
    page.locator(".job", has_text=PDF.name).locator("a.doc-link").click()
    page.wait_for_selector(".finding")
    page.wait_for_selector("#page-img")
    page.wait_for_function("document.querySelector('#page-img').complete && document.querySelector('#page-img').naturalWidth > 0")
    assert page.locator("#page-select").input_value() == "23"
    card = page.locator(".finding[data-rule=growth-rate]", has_text="21.95")
    assert card.count() == 1 and "应为：22.00%" in card.inner_text()
    fid = card.get_attribute("data-id")
    mark = page.locator(f".box.mark[data-finding='{fid}']")
    mark.first.wait_for(state="visible")
    img_box, mark_box = page.locator("#page-img").bounding_box(), mark.first.bounding_box()
    assert img_box["x"] < mark_box["x"] < img_box["x"] + img_box["width"]
    assert img_box["y"] < mark_box["y"] < img_box["y"] + img_box["height"] and 0 < mark_box["width"] < img_box["width"] / 3
    # the box stands on the number: the PDF's characters there read 21.95
    card.locator(".quote").first.click()
    page.wait_for_selector(f".box.focus[data-finding='{fid}']")
    page.screenshot(path=str(ARTIFACTS / "web-pdf-page.png"), full_page=True)
    # filters: severity warning hides the error
    page.select_option("#f-severity", "warning")
    assert page.locator(f".finding[data-id='{fid}']").count() == 0
    page.select_option("#f-severity", "")

    # 3. the seed: text with the span marked; dismiss one finding, re-check, still dismissed
    page.goto(base + "/#upload")
    page.goto(base + "/#docs")
    page.locator("#doc-list a", has_text="").first.wait_for()
    seed_row = page.locator("#doc-list tr", has_text="seed-002.txt")
    seed_row.locator("a").first.click()
    page.wait_for_selector("#textdoc mark.q")
    first = page.locator(".finding").first
    rule, message = first.get_attribute("data-rule"), first.locator(".message").inner_text()
    first.locator("input.comment").fill("人工核对：<i>不是问题</i>")
    first.locator(".judge-dismiss").click()
    page.wait_for_selector(".finding[data-verdict=dismissed]")
    assert "已驳回 1" in page.locator("#doc-counts").inner_text()
    old_url = page.url
    page.click("#recheck")
    page.wait_for_function(f"location.href !== {old_url!r}", timeout=TIMEOUT)
    page.wait_for_selector(".finding[data-verdict=dismissed]", timeout=TIMEOUT)
    kept = page.locator(".finding[data-verdict=dismissed]")
    assert kept.count() == 1 and kept.get_attribute("data-rule") == rule
    assert kept.locator(".message").inner_text() == message
    assert kept.locator("input.comment").input_value() == "人工核对：<i>不是问题</i>"
    assert "版本 2" in page.locator("#doc-counts").inner_text() and "已驳回 1" in page.locator("#doc-counts").inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-dismissed-after-recheck.png"), full_page=True)

    # the document whose text holds HTML: shown as text
    page.goto(base + "/#docs")
    page.wait_for_selector("#doc-list td")
    page.locator("#doc-list tr", has_text=evil.name).locator("a").first.click()
    sync_api.expect(page.locator("#doc-title")).to_contain_text(evil.name)
    sync_api.expect(page.locator("#textdoc")).to_contain_text("<b>测试局</b>")
    assert page.locator("#textdoc b, #doc-head img, #textdoc img").count() == 0
    assert "<b>测试局</b>" in page.locator("#textdoc").inner_text()

    # 4. the overview: documents by department and year, the chart of a key figure
    page.goto(base + "/#overview")
    page.wait_for_selector("#chart svg rect.bar")
    assert page.locator("#ov-table").inner_text().count("#") >= 3
    page.select_option("#chart-key", "expense.total")
    page.wait_for_selector("#chart svg rect.bar")
    assert page.locator("#chart svg rect.bar").count() >= 2
    page.screenshot(path=str(ARTIFACTS / "web-overview.png"), full_page=True)

    # 5. a folder (webkitdirectory): its files with their relative paths; an HTML file with its quotes marked
    folder = tmp_path / "region" / "2020"
    folder.mkdir(parents=True)
    lines = need(SEED).read_text(encoding="utf-8").splitlines()
    folder.joinpath("seed.html").write_text(
        "<html><body>\n" + "\n".join(f"<p>{html.escape(x)}</p>" for x in lines) + "\n</body></html>\n",
        encoding="utf-8")
    folder.joinpath("notes.bin").write_bytes(b"\0\1")  # not a supported extension: left out
    page.goto(base + "/#upload")
    page.set_input_files("#dir-input", str(tmp_path / "region"))
    row = page.locator(".job", has_text="seed.html")
    sync_api.expect(row).to_have_attribute("data-status", "done", timeout=TIMEOUT)
    assert "2020/seed.html" in row.locator(".name").inner_text()
    assert page.locator(".job", has_text="notes.bin").count() == 0
    row.locator("a.doc-link").click()
    # Wait for this document's marks: the view re-renders once its findings arrive (a mark.q of the
    # previous view may still be in the page for a moment).
    page.wait_for_function("document.querySelectorAll('#textdoc .blk.hit').length >= 5"
                           " && document.querySelectorAll('#textdoc mark.q').length >= 1", timeout=TIMEOUT)
    page.screenshot(path=str(ARTIFACTS / "web-html-text.png"))

    # 6. drag and drop onto the page
    page.goto(base + "/#upload")
    page.evaluate("""text => {
        const dt = new DataTransfer();
        dt.items.add(new File([text], "dropped.txt", {type: "text/plain"}));
        document.querySelector("#drop").dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true}));
    }""", need(SEED.with_name("000_65a24acc6ee4d560.txt")).read_text(encoding="utf-8"))
    dropped = page.locator(".job", has_text="dropped.txt")
    sync_api.expect(dropped).to_have_attribute("data-status", "done", timeout=TIMEOUT)

    # 7. downloads
    with page.expect_download() as dl:
        page.goto(base + "/#export")
        page.click("a[href='/api/export?format=xlsx']")
    assert dl.value.suggested_filename == "budgetdoc.xlsx"
    assert errors == [] and page.evaluate("window.__xss") is None
    page.close()


def test_unverified_statements_on_the_document_page(browser, server, tmp_path):
    """The seed's page says its ledger line (the JSON's numbers) and lists the statements left to check
    by hand, each with its place, quote and reason; a click shows the statement's line in the text."""
    from budgetdoc.check import check
    from budgetdoc.report.claims import ledger_line

    base, _ = server
    expected = check(need(SEED)).to_dict()
    todo = [c for c in expected["claims"] if c["status"] == "unverified"]
    copy = tmp_path / "ledger-002.txt"
    copy.write_bytes(SEED.read_bytes())
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(base + "/#upload")
    page.set_input_files("#file-input", [str(copy)])
    row = page.locator(".job", has_text=copy.name)
    sync_api.expect(row).to_have_attribute("data-status", "done", timeout=TIMEOUT)
    row.locator("a.doc-link").click()
    sync_api.expect(page.locator("#doc-ledger")).to_have_text(ledger_line(expected["ledger"]))
    summary = page.locator("#unverified summary")
    sync_api.expect(summary).to_contain_text(f"（{len(todo)} 处）")
    summary.click()
    cards = page.locator("#unverified .claim")
    assert cards.count() == len(todo)
    first = cards.first
    assert first.locator(".reason").inner_text() == todo[0]["reason"]
    assert first.locator("mark.q").inner_text() == todo[0]["stated"]
    page.wait_for_selector("#textdoc")
    first.locator(".quote").click()
    at = page.locator("#textdoc .claim-at")
    sync_api.expect(at).to_have_count(1)
    assert f"第{todo[0]['line']}行" in at.inner_text()
    page.screenshot(path=str(ARTIFACTS / "web-unverified.png"), full_page=False)
    assert errors == []
    page.close()
