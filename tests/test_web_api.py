"""The workbench's REST API: every endpoint, bad uploads, authentication, concurrent uploads."""

from __future__ import annotations

import csv
import io
import os
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from web_support import PDF, SEED, SEEDS, live_server, need, upload, wait_job

from budgetdoc.check import check

fastapi_testclient = pytest.importorskip("fastapi.testclient")


def make_client(tmp: Path, **kwargs):
    from budgetdoc.web import create_app

    app = create_app(str(tmp / "wb.db"), upload_dir=tmp / "uploads", **kwargs)
    return app, fastapi_testclient.TestClient(app)


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A server with the seed and the real PDF checked and stored."""
    tmp = tmp_path_factory.mktemp("web")
    app, client = make_client(tmp)
    with client:
        r = client.post("/api/uploads", files=[("files", ("seed-002.txt", need(SEED).read_bytes(), "text/plain")),
                                               ("files", (PDF.name, need(PDF).read_bytes(), "application/pdf"))])
        assert r.status_code == 202, r.text
        jobs = [wait_job(client, j["id"]) for j in r.json()["jobs"]]
        assert [j["status"] for j in jobs] == ["done", "done"], jobs
        yield client, jobs[0]["document_id"], jobs[1]["document_id"], tmp


def test_health_and_openapi(loaded):
    client, *_ = loaded
    h = client.get("/api/health").json()
    assert h["ok"] and h["auth"] is False and ".pdf" in h["extensions"]
    paths = client.get("/openapi.json").json()["paths"]
    for p in ("/api/uploads", "/api/uploads/{job_id}", "/api/documents", "/api/documents/{doc_id}",
              "/api/documents/{doc_id}/recheck", "/api/documents/{doc_id}/text",
              "/api/documents/{doc_id}/pages/{page}.png", "/api/documents/{doc_id}/pages/{page}/boxes",
              "/api/documents/{doc_id}/report.{fmt}", "/api/facts", "/api/findings", "/api/judgements",
              "/api/judgements/{judgement_id}", "/api/compare", "/api/overview", "/api/export", "/api/rules"):
        assert p in paths, p
    page = client.get("/")
    assert page.status_code == 200 and "budgetdoc" in page.text
    assert "http" not in client.get("/static/app.js").text.split("//")[0]  # nothing from a CDN
    for asset in ("/static/app.js", "/static/chart.js", "/static/style.css"):
        body = client.get(asset).text
        assert "cdn" not in body.lower() and "https://" not in body


def test_jobs_documents_facts(loaded):
    client, seed_id, pdf_id, _ = loaded
    jobs = client.get("/api/uploads").json()["jobs"]
    assert {j["name"] for j in jobs} >= {"seed-002.txt", PDF.name}
    assert client.get("/api/uploads/nope").status_code == 404
    docs = {d["id"]: d for d in client.get("/api/documents").json()["documents"]}
    assert docs[seed_id]["department"] == "攀枝花市西区行政审批局" and docs[seed_id]["year"] == 2020
    assert docs[seed_id]["files"][0]["name"] == "seed-002.txt"
    assert docs[pdf_id]["year"] == 2018 and docs[pdf_id]["kind"] == "budget"
    assert client.get("/api/documents", params={"year": 2018}).json()["documents"][0]["id"] == pdf_id
    doc = client.get(f"/api/documents/{pdf_id}").json()
    assert doc["format"] == "pdf" and doc["pages"] == 31 and doc["viewable"] and doc["counts"]["error"] >= 1
    assert client.get("/api/documents/999999").status_code == 404
    facts = client.get("/api/facts", params={"document_id": seed_id, "key": "expense.basic"}).json()["facts"]
    assert facts[0]["value_yuan"] == "2213300.00" and facts[0]["location"]["line"] == 32
    assert client.get("/api/facts", params={"key": "expense.total"}).json()["facts"]
    text = client.get(f"/api/documents/{seed_id}/text").json()
    assert text["format"] == "text" and any(b["loc"].get("line") == 26 for b in text["blocks"])


def test_findings_and_boxes(loaded):
    client, seed_id, pdf_id, _ = loaded
    found = client.get("/api/findings", params={"document_id": pdf_id, "rule": "growth-rate",
                                                "severity": "error"}).json()["findings"]
    known = [f for f in found if f["evidence"][0].get("page") == 23]
    assert known and known[0]["stated"] == "21.95 %" and known[0]["expected"] == "22.00%"
    sections = {f["section"] for f in found}
    one = next(iter(sections))
    assert all(f["section"] == one for f in client.get("/api/findings", params={
        "document_id": pdf_id, "section": one}).json()["findings"])
    boxes = client.get(f"/api/documents/{pdf_id}/pages/23/boxes").json()["boxes"]
    box = next(b for b in boxes if b["finding_id"] == known[0]["id"])
    assert box["quote"] and len(box["mark"]) == 1
    x, y, w, h = box["mark"][0]
    assert 0 < x < 1 and 0 < y < 1 and 0 < w < 0.3 and 0 < h < 0.05
    png = client.get(f"/api/documents/{pdf_id}/pages/23.png")
    assert png.status_code == 200 and png.content.startswith(b"\x89PNG")
    assert client.get(f"/api/documents/{pdf_id}/pages/99.png").status_code == 404
    assert client.get(f"/api/documents/{seed_id}/pages/1.png").status_code == 400
    assert client.get("/api/findings", params={"severity": "bogus"}).status_code == 422
    rules = {r["id"]: r for r in client.get("/api/rules").json()["rules"]}
    assert rules["growth-rate"]["explanation"] and "missing-document" in rules


def test_judgements_recheck_export(loaded):
    client, seed_id, _, _ = loaded
    found = client.get("/api/findings", params={"document_id": seed_id}).json()["findings"]
    target, other = found[0], found[1]
    r = client.post("/api/judgements", json={"finding_id": target["id"], "verdict": "dismissed",
                                             "comment": "<script>x</script> 已核实"})
    assert r.status_code == 200 and r.json()["verdict"] == "dismissed"
    j2 = client.post("/api/judgements", json={"finding_id": other["id"], "verdict": "confirmed"}).json()
    assert client.post("/api/judgements", json={"finding_id": 10**9, "verdict": "dismissed"}).status_code == 404
    assert client.post("/api/judgements", json={"finding_id": target["id"], "verdict": "maybe"}).status_code == 422
    counts = client.get(f"/api/documents/{seed_id}").json()["counts"]
    assert counts["dismissed"] == 1 and counts["confirmed"] == 1
    listed = client.get("/api/judgements", params={"document_id": seed_id}).json()["judgements"]
    assert {j["verdict"] for j in listed} == {"dismissed", "confirmed"}
    assert [f["id"] for f in client.get("/api/findings", params={"document_id": seed_id,
                                                                 "judgement": "dismissed"}).json()["findings"]] \
        == [target["id"]]
    # a re-check stores a new version; the judgements are found again on its findings
    job = client.post(f"/api/documents/{seed_id}/recheck")
    assert job.status_code == 202
    done = wait_job(client, job.json()["id"])
    assert done["status"] == "done" and done["outcome"] == "version" and done["document_id"] != seed_id
    new = client.get("/api/findings", params={"document_id": done["document_id"]}).json()["findings"]
    again = [f for f in new if f["judgement"]]
    assert {(f["rule"], f["message"], f["judgement"]["verdict"]) for f in again} == {
        (target["rule"], target["message"], "dismissed"), (other["rule"], other["message"], "confirmed")}
    assert client.get(f"/api/documents/{done['document_id']}").json()["history"][0]["id"] == seed_id
    # withdrawn
    assert client.delete(f"/api/judgements/{j2['id']}").status_code == 200
    assert client.delete(f"/api/judgements/{j2['id']}").status_code == 404
    # exported with the findings
    z = zipfile.ZipFile(io.BytesIO(client.get("/api/export", params={"format": "csv"}).content))
    assert sorted(z.namelist()) == ["documents.csv", "facts.csv", "findings.csv"]
    rows = list(csv.DictReader(io.StringIO(z.read("findings.csv").decode("utf-8-sig"))))
    dismissed = [r for r in rows if r["judgement"] == "dismissed"]
    assert len(dismissed) == 1 and dismissed[0]["judgement_comment"] == "<script>x</script> 已核实"
    assert client.get("/api/export", params={"format": "xlsx"}).content.startswith(b"PK")
    pq = client.get("/api/export", params={"format": "parquet"})
    assert pq.status_code in (200, 400)
    assert client.get("/api/export", params={"format": "pdf"}).status_code == 422


def test_reports_compare_overview(loaded):
    client, seed_id, pdf_id, _ = loaded
    html = client.get(f"/api/documents/{pdf_id}/report.html")
    assert html.status_code == 200 and "21.95" in html.text and "attachment" in html.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(client.get(f"/api/documents/{seed_id}/report.csv").content.decode("utf-8-sig"))))
    assert rows[0][0] == "来源文件" and rows[1][0] == "seed-002.txt"
    assert client.get(f"/api/documents/{seed_id}/report.xlsx").content.startswith(b"PK")
    assert client.get(f"/api/documents/{seed_id}/report.pdf").status_code == 422
    cmp = client.get("/api/compare", params={"key": "expense.total"}).json()
    assert {(r["department"], r["year"], r["value"]) for r in cmp["rows"]} >= {
        ("攀枝花市西区行政审批局", 2020, 384.49), ("江苏省人民检察院", 2018, 21955.35)}  # its cover
    assert client.get("/api/compare", params={"by": "colour"}).status_code == 400
    ov = client.get("/api/overview").json()
    assert ov["documents"] == 2 and set(ov["series"]) == {"sangong.total", "operating_cost", "expense.total"}
    assert {d["department"] for d in ov["departments"]} == {"攀枝花市西区行政审批局", "江苏省人民检察院"}


def test_bad_uploads(tmp_path):
    seed = need(SEED).read_bytes()
    app, client = make_client(tmp_path, max_upload_mb=0.05)
    uploads = tmp_path / "uploads"
    with client:
        too_big = upload(client, "big.txt", seed + b"x" * 60_000)
        assert too_big.status_code == 413 and "过大" in too_big.json()["detail"]
        wrong_type = upload(client, "tool.exe", b"MZ\x90\x00")
        assert wrong_type.status_code == 415 and "不支持" in wrong_type.json()["detail"]
        garbage_pdf = upload(client, "fake.pdf", os.urandom(2000))
        assert garbage_pdf.status_code == 415 and "PDF" in garbage_pdf.json()["detail"]
        garbage_txt = upload(client, "fake.txt", bytes(range(256)) * 8)
        assert garbage_txt.status_code == 415
        png_as_docx = upload(client, "x.docx", b"\x89PNG\r\n\x1a\n" + b"\0" * 100)
        assert png_as_docx.status_code == 415
        assert upload(client, "empty.txt", b"").status_code == 400
        # the right signature but unreadable: accepted, checked, failed with a message naming the upload
        broken = upload(client, "broken.pdf", b"%PDF-1.4\n" + os.urandom(3000))
        assert broken.status_code == 202
        failed = wait_job(client, broken.json()["jobs"][0]["id"])
        assert failed["status"] == "failed" and "broken.pdf" in failed["error"] and str(uploads) not in failed["error"]
        assert client.get(f"/api/documents/{failed['document_id']}").json()["status"] == "error"
        assert client.post("/api/uploads").status_code == 422
        before = client.get("/api/uploads").json()["jobs"]
        two = client.post("/api/uploads", files=[("files", ("ok.txt", seed[:20_000], "text/plain")),
                                                 ("files", ("bad.pdf", b"not a pdf", "application/pdf"))])
        assert two.status_code == 415 and client.get("/api/uploads").json()["jobs"] == before
        # nothing refused was kept
        assert [p.suffix for p in uploads.iterdir() if p.name != ".pages"] == [".pdf"]
        # a name with ../ and HTML: shown as given (its last part), stored under a generated name
        evil = "../../<img src=x onerror=alert(1)>.txt"
        r = upload(client, evil, seed, path="../../etc/<b>passwd</b>/" + evil)
        assert r.status_code == 202, r.text
        job = wait_job(client, r.json()["jobs"][0]["id"])
        assert job["status"] == "done" and job["name"] == "<img src=x onerror=alert(1)>.txt"
        doc = client.get(f"/api/documents/{job['document_id']}").json()
        assert doc["files"][0]["name"] == "<img src=x onerror=alert(1)>.txt"
        stored = [p for p in uploads.iterdir() if p.name != ".pages"]
        assert len(stored) == 2 and all(p.stem.isalnum() and len(p.stem) == 64 for p in stored)
        outside = [p.name for p in tmp_path.rglob("*") if p.is_file() and uploads not in p.parents]
        assert all(n.startswith("wb.db") for n in outside), outside
        assert not [p for p in tmp_path.parent.rglob("*") if "passwd" in p.name or "<img" in p.name]


def test_token(tmp_path):
    app, client = make_client(tmp_path, token="s3cret")
    with client:
        assert client.get("/api/health").json()["auth"] is True
        r = client.get("/api/documents")
        assert r.status_code == 401 and r.json()["detail"]
        assert client.get("/api/documents", headers={"Authorization": "Bearer wrong"}).status_code == 401
        assert client.get("/api/documents", headers={"Authorization": "Bearer s3cret"}).status_code == 200
        client.cookies.set("budgetdoc_token", "s3cret")
        assert client.get("/api/documents").status_code == 200
        assert client.get("/").status_code == 200  # the page itself holds no data


def test_token_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGETDOC_TOKEN", "envtoken")
    app, client = make_client(tmp_path)
    with client:
        assert client.get("/api/documents").status_code == 401
        assert client.get("/api/documents", headers={"Authorization": "Bearer envtoken"}).status_code == 200


def test_concurrent_uploads(tmp_path):
    """Uploads at once to a live server: every one checked and stored as its own document, each under
    its own name with its own content's department and year; nothing lost or mixed up."""
    import httpx

    from budgetdoc.web import create_app

    seeds = sorted(need(SEEDS).glob("*.txt"))
    assert len(seeds) >= 5
    expected = {}
    for s in seeds:
        m = check(s).metadata
        expected[s.name] = (m.department, m.year)
    # each seed twice, under two names: 10 uploads, 10 documents (same content, distinct names)
    items = [(f"{tag}-{s.name}", s) for s in seeds for tag in ("a", "b")]
    app = create_app(str(tmp_path / "c.db"), upload_dir=tmp_path / "up")
    with live_server(app) as base, httpx.Client(base_url=base, timeout=60) as client:
        def send(item):
            name, path = item
            r = client.post("/api/uploads", files=[("files", (name, path.read_bytes(), "text/plain"))])
            assert r.status_code == 202, r.text
            return name, path, r.json()["jobs"][0]["id"]

        with ThreadPoolExecutor(max_workers=6) as pool:
            sent = list(pool.map(send, items))
        jobs = [(name, path, wait_job(client, jid, timeout=120)) for name, path, jid in sent]
        assert all(j["status"] == "done" for _, _, j in jobs), jobs
        assert len({j["id"] for _, _, j in jobs}) == len(items)
        docs = {d["id"]: d for d in client.get("/api/documents").json()["documents"]}
        by_name = {}
        for name, path, job in jobs:
            doc = docs[job["document_id"]]
            assert (doc["department"], doc["year"]) == expected[path.name], (name, doc)
            by_name.setdefault(job["document_id"], set()).add(name)
        # same content under the second name: the document of that content (stored once) or its own
        assert len(docs) >= len(seeds)
        names = {f["name"] for d in docs.values() for f in d["files"]}
        assert names <= {n for n, _ in items}
        for d in docs.values():  # a document's name and its content belong together
            assert d["files"][0]["name"].split("-", 1)[1] in expected
            assert expected[d["files"][0]["name"].split("-", 1)[1]] == (d["department"], d["year"])


def test_serve_command(tmp_path):
    """`budgetdoc serve` starts uvicorn on the database; a bad --db is one line and exit 2."""
    import subprocess
    import sys
    import time

    import httpx
    from web_support import free_port

    env = {**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1] / "src"), "BUDGETDOC_TOKEN": ""}
    bad = subprocess.run([sys.executable, "-m", "budgetdoc.cli", "serve", "--db", str(tmp_path / "no" / "x.db")],
                         capture_output=True, text=True, env=env, timeout=60)
    assert bad.returncode == 2 and bad.stderr.startswith("budgetdoc：") and "Traceback" not in bad.stderr
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "budgetdoc.cli", "serve", "--db", str(tmp_path / "s.db"),
                             "--port", str(port), "--token", "t0k"], env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        end = time.time() + 60
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.time() < end, "serve did not start"
                time.sleep(0.2)
        assert health["auth"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/api/documents").status_code == 401
        assert httpx.get(f"http://127.0.0.1:{port}/api/documents",
                         headers={"Authorization": "Bearer t0k"}).json() == {"documents": []}
        assert (tmp_path / "s.db.uploads").is_dir()
    finally:
        proc.terminate()
        proc.wait(30)


def test_on_postgresql(tmp_path):
    """The same workbench on PostgreSQL (skipped without BUDGETDOC_TEST_PG_URL): upload, judge, re-check,
    export."""
    from store_support import pg_database

    from budgetdoc.web import create_app

    with pg_database() as url:
        app = create_app(url, upload_dir=tmp_path / "up")
        with fastapi_testclient.TestClient(app) as client:
            job = wait_job(client, upload(client, "seed.txt", need(SEED).read_bytes()).json()["jobs"][0]["id"])
            assert job["status"] == "done"
            f = client.get("/api/findings", params={"document_id": job["document_id"]}).json()["findings"][0]
            assert client.post("/api/judgements", json={"finding_id": f["id"], "verdict": "dismissed"}).status_code == 200
            again = wait_job(client, client.post(f"/api/documents/{job['document_id']}/recheck").json()["id"])
            new = client.get("/api/findings", params={"document_id": again["document_id"],
                                                      "judgement": "dismissed"}).json()["findings"]
            assert [(x["rule"], x["message"]) for x in new] == [(f["rule"], f["message"])]
            assert client.get("/api/overview").json()["totals"]["dismissed"] == 1
            z = zipfile.ZipFile(io.BytesIO(client.get("/api/export", params={"format": "csv"}).content))
            assert "dismissed" in z.read("findings.csv").decode("utf-8-sig")
        app.state.engine.dispose()


def test_responsive_while_checking(tmp_path):
    """While a real PDF is checked in the background, a bounded burst of reads on 127.0.0.1 (120
    requests, 6 at a time) is answered, every one, without a server error."""
    import time

    import httpx

    from budgetdoc.web import create_app

    app = create_app(str(tmp_path / "r.db"), upload_dir=tmp_path / "up")
    with live_server(app) as base, httpx.Client(base_url=base, timeout=30) as client:
        job = client.post("/api/uploads", files=[("files", (PDF.name, need(PDF).read_bytes(), "application/pdf"))])
        job_id = job.json()["jobs"][0]["id"]

        def read(i: int) -> tuple[int, float]:
            t = time.perf_counter()
            path = ("/api/health", f"/api/uploads/{job_id}", "/api/documents", "/api/overview")[i % 4]
            return client.get(path).status_code, time.perf_counter() - t

        with ThreadPoolExecutor(max_workers=6) as pool:
            answers = list(pool.map(read, range(120)))
        assert [s for s, _ in answers] == [200] * 120
        slowest = max(t for _, t in answers)
        print(f"120 reads while checking: slowest {slowest * 1000:.0f} ms")
        assert slowest < 10
        assert wait_job(client, job_id)["status"] == "done"


def test_quote_boxes_at_the_evidence_location():
    """Of a figure printed twice in a table row (合计 and 财政拨款收入 columns), the box is on the cell the
    finding cites; a cell quoted with the table's unit (元) is still found; a landscape page's fractions."""
    from budgetdoc.web import pages

    pdf = need(PDF.with_name("shanghai-putuo-caizhengju-2025-budget.pdf"))
    loc = {"page": 11, "table": 1, "row": 6, "col": 5}
    b = pages.quote_boxes(pdf, 11, "782164.00元", None, loc)
    (x, y, w, h), = b["quote"]
    assert 364 / 841.9 < x < 457 / 841.9 and 194 / 595.3 < y < 218 / 595.3
    other = pages.quote_boxes(pdf, 11, "782164.00元", None, {**loc, "col": 6})["quote"][0]
    assert 457 / 841.9 < other[0] < 539 / 841.9
