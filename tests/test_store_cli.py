"""The store's command line in a subprocess: ingest, list, show, compare, export, and bad usage."""

from __future__ import annotations

import csv
import io
import json

import pytest
from store_support import cli, copy_seeds, db_url_fixture  # noqa: F401  (the db_url fixture)


@pytest.fixture
def ingested(db_url, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    r = cli("ingest", "--db", db_url, "-j", "2", str(seeds))
    assert r.returncode == 0, r.stderr
    assert "新入库 5 份" in r.stderr and "Traceback" not in r.stderr
    assert "\r" not in r.stderr  # stderr is not a terminal: no progress bar
    return db_url


def test_list_show(ingested):
    r = cli("list", "--db", ingested)
    assert r.returncode == 0, r.stderr
    lines = r.stdout.splitlines()
    assert lines[0].split() == ["id", "department", "year", "kind", "version", "files", "errors", "warnings",
                                "status"]
    assert len(lines) == 2 + 5 and any("攀枝花市西区行政审批局" in ln and "2020" in ln for ln in lines)
    docs = json.loads(cli("list", "--db", ingested, "--format", "json").stdout)
    assert len(docs) == 5 and all(d["status"] == "ok" and d["version"] == 1 for d in docs)
    pzh = next(d for d in docs if d["department"] == "攀枝花市西区行政审批局")
    assert pzh["errors"] > 0 and pzh["files"] == ["002_3ac8441545fefd6e.txt"]
    assert [d["id"] for d in json.loads(cli("list", "--db", ingested, "--year", "2021", "--format", "json").stdout)] \
        == [d["id"] for d in docs if d["year"] == 2021]
    budget = json.loads(cli("list", "--db", ingested, "--kind", "budget", "--format", "json").stdout)
    assert [d["department"] for d in budget] == ["伊滨经开区（示范区）政务服务局"]
    growth = json.loads(cli("list", "--db", ingested, "--rule", "growth-rate", "--format", "json").stdout)
    assert pzh["id"] in [d["id"] for d in growth] and len(growth) < 5
    dept = json.loads(cli("list", "--db", ingested, "--department", "攀枝花", "--format", "json").stdout)
    assert [d["id"] for d in dept] == [pzh["id"]]

    r = cli("show", str(pzh["id"]), "--db", ingested)
    assert r.returncode == 0, r.stderr
    assert "攀枝花市西区行政审批局 2020年决算" in r.stdout and "sha256" in r.stdout
    assert "expense.basic" in r.stdout and "221.33 万元" in r.stdout  # 基本支出 221.33万元 in the text
    assert "growth-rate" in r.stdout and "4.43%" in r.stdout
    shown = json.loads(cli("show", str(pzh["id"]), "--db", ingested, "--format", "json").stdout)
    assert shown["year"] == 2020 and shown["files"][0]["name"] == "002_3ac8441545fefd6e.txt"
    assert any(f["key"] == "expense.basic" and f["value_yuan"] == "2213300.00" for f in shown["key_facts"])

    by_name = json.loads(cli("show", "002_3ac8441545fefd6e.txt", "--db", ingested, "--format", "json").stdout)
    assert by_name["id"] == pzh["id"]
    r = cli("show", "9999", "--db", ingested)
    assert r.returncode == 2 and r.stderr.startswith("budgetdoc：") and "Traceback" not in r.stderr


def test_compare(ingested):
    r = cli("compare", "--key", "sangong.total", "--db", ingested, "--format", "csv")
    assert r.returncode == 0, r.stderr
    rows = list(csv.reader(io.StringIO(r.stdout)))
    assert rows[0] == ["department", "year", "sangong.total（万元）", "增减（万元）", "增长率"]
    values = {(row[0], row[1]): row[2] for row in rows[1:]}
    # seed 000: 三公经费 1.73万元; seed 001: 6.04万元; seed 002: 0万元 (read by hand)
    assert values[("奈曼旗行政审批和政务服务局", "2020")] == "1.73"
    assert values[("科尔沁左翼中旗政务服务局", "2023")] == "6.04"
    assert values[("攀枝花市西区行政审批局", "2020")] == "0.00"
    data = json.loads(cli("compare", "--key", "sangong.total", "--by", "year", "--db", ingested,
                          "--format", "json").stdout)
    by_year = {d["year"]: d for d in data}
    assert by_year[2020]["documents"] == 3 and by_year[2020]["value_wan"] == "1.73"  # 1.73 + 0 + 0
    assert by_year[2023]["growth_percent"] is None  # no 2022 in the store
    # the same disclosure stored twice (a copy under another name) is counted once
    from pathlib import Path

    copy = Path(ingested).parent / "copy" if "://" not in ingested else None
    if copy is not None:
        copy.mkdir()
        (copy / "again-000.txt").write_bytes(next(Path(ingested).parent.glob("seeds/000_*.txt")).read_bytes())
        assert cli("ingest", "--db", ingested, "-q", str(copy)).returncode == 0
        assert len(json.loads(cli("list", "--db", ingested, "--format", "json").stdout)) == 6
        again = json.loads(cli("compare", "--key", "sangong.total", "--by", "year", "--db", ingested,
                               "--format", "json").stdout)
        assert {d["year"]: d["value_wan"] for d in again} == {d["year"]: d["value_wan"] for d in data}
    r = cli("compare", "--key", "sangong.total", "--by", "region", "--db", ingested)
    assert r.returncode == 2 and "--by" in r.stderr


def test_export(ingested, tmp_path):
    out = tmp_path / "csv"
    r = cli("export", "--format", "csv", "-o", str(out), "--db", ingested)
    assert r.returncode == 0, r.stderr
    raw = (out / "facts.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    facts = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert any(f["key"] == "expense.basic" and f["value_yuan"] == "2213300.00" and f["stated"] == "221.33万元"
               for f in facts)
    docs = list(csv.DictReader(io.StringIO((out / "documents.csv").read_text(encoding="utf-8-sig"))))
    assert len(docs) == 5 and all(len(d["sha256"]) == 64 for d in docs)
    findings = list(csv.DictReader(io.StringIO((out / "findings.csv").read_text(encoding="utf-8-sig"))))
    assert any(f["rule"] == "growth-rate" and "4.43%" in f["evidence"] for f in findings)

    xlsx = tmp_path / "all.xlsx"
    assert cli("export", "--format", "xlsx", "-o", str(xlsx), "--db", ingested).returncode == 0
    from openpyxl import load_workbook

    wb = load_workbook(xlsx, read_only=True)
    assert wb.sheetnames == ["documents", "facts", "findings"]
    header = next(wb["facts"].iter_rows(values_only=True))
    assert header[:7] == ("document_id", "department", "year", "kind", "position", "key", "value_yuan")
    assert sum(1 for _ in wb["documents"].iter_rows()) == 6

    pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    pq_dir = tmp_path / "pq"
    assert cli("export", "--format", "parquet", "-o", str(pq_dir), "--db", ingested).returncode == 0
    table = pq.read_table(pq_dir / "facts.parquet")
    assert str(table.schema.field("value_yuan").type) == "decimal128(20, 2)"
    assert len(table) == len(facts)
    assert pq.read_table(pq_dir / "documents.parquet").num_rows == 5


def test_second_ingest_and_bad_file_exit_codes(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["000"])
    (seeds / "bad.pdf").write_bytes(bytes(range(256)) * 8)  # binary, no known format
    db = str(tmp_path / "x.db")
    r = cli("ingest", "--db", db, str(seeds), "--format", "json")
    assert r.returncode == 1 and "Traceback" not in r.stderr  # a file failed: recorded, the other stored
    out = json.loads(r.stdout)
    assert len(out["stored"]) == 2 and len(out["failed"]) == 1 and "不是 PDF" in out["failed"][0]["error"]
    again = json.loads(cli("ingest", "--db", db, str(seeds), "--format", "json").stdout)
    assert again["unchanged"] == 2 and again["stored"] == [] and again["failed"] == []


@pytest.mark.parametrize("args", [
    ["list", "--db", "/nonexistent-dir/x.db"],
    ["list", "--db", "{tmp}/missing.db"],
    ["list", "--db", "{tmp}/notadb.db"],
    ["list", "--db", "mysql://u@localhost/x"],
    ["list", "--db", "postgresql://nobody@127.0.0.1:1/x"],
    ["ingest", "--db", "{tmp}/x.db", "{tmp}/no-such-folder"],
    ["ingest", "--db", "{tmp}/x.db", "--jobs", "0", "{tmp}"],
    ["show", "abc", "--db", "{tmp}/notadb.db"],
    ["show", "nosuchfile.pdf", "--db", "{tmp}/x.db"],
    ["export", "--format", "csv", "-o", "{tmp}/notadb.db", "--db", "{tmp}/x.db"],
])
def test_bad_usage_is_one_line_and_exit_2(tmp_path, args):
    (tmp_path / "notadb.db").write_text("not a database " * 100, encoding="utf-8")
    if "{tmp}/x.db" in args and args[0] != "ingest":
        cli("ingest", "--db", str(tmp_path / "x.db"), str(copy_seeds(tmp_path / "s", ["004"])))
    r = cli(*[a.replace("{tmp}", str(tmp_path)) for a in args])
    assert r.returncode == 2, (r.stdout, r.stderr)
    assert "Traceback" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("budgetdoc："), r.stderr


def test_dask_engine(tmp_path):
    pytest.importorskip("dask.distributed")
    from budgetdoc.store import open_db
    from budgetdoc.store.ingest import ingest

    seeds = copy_seeds(tmp_path / "seeds", ["000", "002"])
    (seeds / "bad.pdf").write_bytes(bytes(range(256)) * 8)  # binary, no known format
    engine = open_db(str(tmp_path / "d.db"))
    report = ingest(engine, [seeds], jobs=2, engine_kind="dask", progress=False)
    assert len(report.stored) == 3 and len(report.failed) == 1
    assert "bad.pdf" in report.failed[0][1] and "budgetdoc-" not in report.failed[0][1]  # no worker temp path
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from budgetdoc.store.models import Document

    with Session(engine) as s:
        sources = sorted(s.scalars(select(Document.source)))
    assert sources == sorted(str(p) for p in seeds.iterdir())  # the original paths, not the worker's copies
    engine.dispose()


def test_default_database_is_budgetdoc_db_in_the_working_directory(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["004"])
    work = tmp_path / "work"
    work.mkdir()
    r = cli("ingest", "-q", str(seeds), cwd=work)
    assert r.returncode == 0 and r.stderr == "", r.stderr  # --quiet: nothing on stderr
    assert (work / "budgetdoc.db").exists()
    docs = json.loads(cli("list", "--format", "json", cwd=work).stdout)
    assert [d["department"] for d in docs] == ["伊滨经开区（示范区）政务服务局"]
    r = cli("list", cwd=tmp_path)  # no budgetdoc.db here
    assert r.returncode == 2 and "数据库不存在" in r.stderr
