"""The claim ledger where a reviewer reads results: the text report's line and totals, the HTML page's
line and its lists of statements to check by hand, the XLSX sheets, the store (claims round-trip on
SQLite and PostgreSQL, migration 0003 on a database made before it), `budgetdoc show`/`export`, and
the workbench's API and document page.

Expectations come from the JSON of the same run (the ledger's numbers move as rules improve) or from a
fact checked by hand that does not move: seed 002 line 26 says 收、支总计 384.49万元, 增加17.05万元,
增长4.43%; last year was 384.49 − 17.05 = 367.44万元 and 17.05 ÷ 367.44 = 4.64%, so "4.43%" is wrong
(17.05 ÷ 384.49 = 4.43%: the rate was divided by this year) — the claim is contradicted."""

from __future__ import annotations

import io
import re
from decimal import Decimal
from html import escape
from pathlib import Path

import pytest
from conftest import seed
from sqlalchemy import text
from store_support import cli, db_url_fixture  # noqa: F401  (the db_url fixture)

from budgetdoc.check import check
from budgetdoc.cli import main
from budgetdoc.model import ledger_counts
from budgetdoc.report import render_html
from budgetdoc.report.claims import ledger_line

LEDGER_RE = re.compile(r"数字表述 (\d+) 处：核对一致 (\d+)，不一致 (\d+)，无法核对 (\d+)")


def _numbers(ledger: dict[str, int]) -> tuple[int, ...]:
    return ledger["claims"], ledger["verified"], ledger["contradicted"], ledger["unverified"]


def _growth_claim(d: dict) -> dict:
    return next(c for c in d["claims"] if c.get("line") == 26 and c["stated"] == "4.43%")


def test_the_growth_rate_of_seed_002_line_26_is_contradicted() -> None:
    d = check(seed("002")).to_dict()
    c = _growth_claim(d)
    assert (c["kind"], c["status"], c["rule"]) == ("growth", "contradicted", "growth-rate")
    assert c["quote"].endswith("增长4.43%") and c["quote"][c["mark"][0]:c["mark"][1]] == "4.43%"
    # by hand, with the rounding of both figures: no value inside 384.49±0.005 and 17.05±0.005 gives 4.43%±0.005
    lowest = Decimal("17.045") / (Decimal("384.495") - Decimal("17.045")) * 100
    assert lowest > Decimal("4.435")
    assert d["ledger"]["contradicted"] == sum(x["status"] == "contradicted" for x in d["claims"])
    assert d["ledger"]["claims"] == len(d["claims"])


def test_text_report_line_equals_the_json_ledger(tmp_path: Path) -> None:
    paths = [seed("002"), seed("001")]
    ledgers = [check(p).to_dict()["ledger"] for p in paths]
    out = tmp_path / "r.txt"
    assert main(["check", "-q", "-o", str(out), *map(str, paths)]) == 1
    report = out.read_text(encoding="utf-8")
    for block, ledger in zip(report.split("\n== ")[:2], ledgers, strict=True):
        lines = block.splitlines()
        at = next(i for i, ln in enumerate(lines) if LEDGER_RE.fullmatch(ln))
        assert lines[at - 1].startswith("发现问题：")  # right after the findings summary
        assert tuple(map(int, LEDGER_RE.fullmatch(lines[at]).groups())) == _numbers(ledger)
    total = report.rstrip().splitlines()[-1]
    assert total.startswith("== 合计：2 个文件")
    summed = {k: sum(x[k] for x in ledgers) for k in ledgers[0]}
    assert tuple(map(int, LEDGER_RE.search(total).groups())) == _numbers(summed)


def test_html_lists_the_statements_left_to_check(tmp_path: Path) -> None:
    r = check(seed("002"))
    page = render_html([r])
    assert f'<p class="ledger">{ledger_line(ledger_counts(r.claims))}' in page
    todo = page.split('<details class="claims unverified">')[1].split("</details>")[0]
    unverified = [c for c in r.claims if c.status == "unverified"]
    assert unverified and todo.count("<tr><td") == len(unverified)
    for c in unverified:
        assert escape(c.evidence.loc.describe()) in todo and escape(c.reason or "") in todo
    first = unverified[0]
    row = todo.split(f'<td class="w">{escape(first.evidence.loc.describe())}</td>')[1].split("</tr>")[0]
    assert f"<mark>{escape(first.stated)}</mark>" in row  # the figure marked in its quote
    # the inconsistent ones, each linked to the finding that reports it
    wrong = page.split('<details class="claims contradicted">')[1].split("</details>")[0]
    row = next(tr for tr in wrong.split("<tr>") if "<mark>4.43%</mark>" in tr)
    anchor = re.search(r'<a href="#([^"]+)">见问题</a>', row).group(1)
    finding = page.split(f'<a id="{anchor}"></a>')[1].split("</div>")[0]
    assert "growth-rate" in finding and "4.43%" in page.split(f'<a id="{anchor}"></a>')[1].split("<blockquote>")[1]
    # several documents: the index has the ledger columns and their totals
    two = render_html([r, check(seed("004"))])
    foot = two.split("<tfoot>")[1].split("</tfoot>")[0]
    n = [ledger_counts(r.claims), ledger_counts(check(seed("004")).claims)]
    assert foot.endswith("".join(f'<td class="n">{n[0][k] + n[1][k]}</td>' for k in n[0]) + "</tr>")


def test_xlsx_lists_every_claim_and_the_counts(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    out = tmp_path / "r.xlsx"
    assert main(["check", "-q", "-o", str(out), str(seed("002"))]) == 1
    d = check(seed("002")).to_dict()
    wb = load_workbook(out)
    assert wb.sheetnames == ["问题", "数字表述", "核对汇总"] and wb.active.title == "问题"
    rows = list(wb["数字表述"].iter_rows(values_only=True))
    assert len(rows) - 1 == len(d["claims"])
    growth = next(r for r in rows if r[3] == "4.43%" and r[4] == "第26行")
    assert growth[1:3] == ("增长率", "不一致") and growth[8] == "growth-rate" and "384.49万元" in growth[6]
    assert sum(r[2] == "无法核对" for r in rows[1:]) == d["ledger"]["unverified"]
    summary = list(wb["核对汇总"].iter_rows(values_only=True))
    assert tuple(summary[1][4:]) == _numbers(d["ledger"])


# ---------------------------------------------------------------------------------------- the store


def _claims_as_json(d: dict) -> list[dict]:
    return [{k: v for k, v in c.items() if k not in ("id", "document_id")} for c in d["claims"]]


def test_store_round_trips_the_claims(db_url, tmp_path):
    from budgetdoc.store import open_db
    from budgetdoc.store.ingest import ingest
    from budgetdoc.store.queries import list_documents, show_document

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "s.txt").write_bytes(seed("002").read_bytes())
    expected = check(folder / "s.txt").to_dict()
    engine = open_db(db_url)
    ingest(engine, [folder], jobs=1, progress=False, crossdoc=False)
    doc_id = list_documents(engine)[0]["id"]
    shown = show_document(engine, doc_id)
    assert shown["ledger"] == expected["ledger"] and list_documents(engine)[0]["ledger"] == expected["ledger"]
    assert _claims_as_json(shown) == expected["claims"]  # every field, in document order
    engine.dispose()

    r = cli("show", str(doc_id), "--db", db_url)
    assert r.returncode == 0, r.stderr
    assert ledger_line(expected["ledger"]) in r.stdout
    todo = r.stdout.split("待人工核对")[1]
    assert todo.count("\n  ") == expected["ledger"]["unverified"]
    out = tmp_path / "csv"
    assert cli("export", "--format", "csv", "-o", str(out), "--db", db_url).returncode == 0
    import csv

    row = next(csv.DictReader(io.StringIO((out / "documents.csv").read_text(encoding="utf-8-sig"))))
    assert (int(row["claims"]), int(row["claims_verified"]), int(row["claims_contradicted"]),
            int(row["claims_unverified"])) == _numbers(expected["ledger"])


def test_migration_0003_on_a_database_made_before_it(db_url):
    """A store made at 0002 with a document in it: opening it adds the ledger; the old document's
    ledger is unknown (not 0 statements), and a downgrade back to 0002 works."""
    from alembic import command
    from alembic.config import Config
    from sqlalchemy import create_engine

    from budgetdoc.store.db import MIGRATIONS, open_db, resolve_url
    from budgetdoc.store.queries import show_document

    def to(engine, revision: str, down: bool = False) -> None:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            (command.downgrade if down else command.upgrade)(cfg, revision)

    engine = create_engine(resolve_url(db_url))
    to(engine, "0002")
    with engine.begin() as conn:
        conn.execute(text(
            "INSERT INTO documents (group_key, version, is_latest, status, content_sha256, source, warnings, "
            "n_errors, n_warnings, n_info, checker_version, ingested_at) VALUES ('g', 1, true, 'ok', 'x', 's', "
            "'[]', 0, 0, 0, 'old', CURRENT_TIMESTAMP)"))
    engine.dispose()
    engine = open_db(db_url)  # migrates to the head
    with engine.connect() as conn:
        doc_id = conn.execute(text("SELECT id FROM documents")).scalar()
    shown = show_document(engine, doc_id)
    assert shown["ledger"] is None and shown["claims"] == []
    r = cli("show", str(doc_id), "--db", db_url)
    assert r.returncode == 0 and "尚无逐处核对" in r.stdout and "数字表述 0 处" not in r.stdout, r.stderr
    to(engine, "0002", down=True)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM documents")).scalar() == 1
    to(engine, "head")
    engine.dispose()


# ---------------------------------------------------------------------------------------- the workbench


def test_workbench_api_lists_the_unverified(tmp_path):
    pytest.importorskip("fastapi.testclient")
    from fastapi.testclient import TestClient
    from web_support import SEED, need, upload, wait_job

    from budgetdoc.web import create_app

    expected = check(need(SEED)).to_dict()
    app = create_app(str(tmp_path / "wb.db"), upload_dir=tmp_path / "uploads")
    with TestClient(app) as client:
        job = wait_job(client, upload(client, "seed-002.txt", SEED.read_bytes()).json()["jobs"][0]["id"])
        doc_id = job["document_id"]
        assert client.get(f"/api/documents/{doc_id}").json()["ledger"] == expected["ledger"]
        assert client.get("/api/documents").json()["documents"][0]["ledger"] == expected["ledger"]
        got = client.get("/api/claims", params={"document_id": doc_id, "status": "unverified"}).json()
        assert got["ledger"] == expected["ledger"]
        assert _claims_as_json(got) == [c for c in expected["claims"] if c["status"] == "unverified"]
        wrong = client.get("/api/claims", params={"document_id": doc_id, "status": "contradicted",
                                                  "kind": "growth"}).json()["claims"]
        assert any(c["line"] == 26 and c["stated"] == "4.43%" for c in wrong)
        assert len(client.get("/api/claims").json()["claims"]) == expected["ledger"]["claims"]  # latest documents
        assert client.get("/api/claims", params={"status": "bogus"}).status_code == 422
        assert client.get("/api/claims", params={"document_id": 999999}).status_code == 404
        assert client.get("/api/overview").json()["ledger"] == expected["ledger"]
        # the reports downloaded from the workbench carry the ledger stored with the document
        page = client.get(f"/api/documents/{doc_id}/report.html").text
        assert ledger_line(expected["ledger"]) in page and '<details class="claims unverified">' in page
        assert "/api/claims" in client.get("/openapi.json").json()["paths"]
    app.state.engine.dispose()
