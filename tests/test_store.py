"""The store: ingest, idempotency, versions, failures, resume, concurrent writers, parts of one disclosure.
Every test that touches a database runs on SQLite and on PostgreSQL (store_support.db_url)."""

from __future__ import annotations

import shutil
import subprocess
import sys

import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from store_support import REAL, ROOT, SEEDS, cli, copy_seeds, counts, db_url_fixture, need  # noqa: F401  (the db_url fixture)

from budgetdoc.check import check
from budgetdoc.store import StoreError, open_db, resolve_url
from budgetdoc.store import ingest as ingest_mod
from budgetdoc.store.ingest import group_files, ingest
from budgetdoc.store.models import Document, FactRow, FindingRow


def _docs(url: str, latest_only: bool = True) -> list[Document]:
    engine = open_db(url)
    with Session(engine) as s:
        q = select(Document).order_by(Document.id)
        if latest_only:
            q = q.where(Document.is_latest.is_(True))
        docs = list(s.scalars(q))
        for d in docs:
            _ = d.files
    engine.dispose()
    return docs


def test_ingest_seeds_then_nothing_new(db_url, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    engine = open_db(db_url)
    report = ingest(engine, [seeds], jobs=1, progress=False)
    assert len(report.stored) == 5 and not report.failed and report.unchanged == 0
    stored = counts(db_url)
    assert stored["documents"] == 5 and stored["document_files"] == 5
    expected_facts = sum(len(check(p).facts) for p in sorted(seeds.glob("*.txt")))
    assert stored["facts"] == expected_facts
    # what is stored is what check() says: metadata, facts in order with exact decimals, findings
    result = check(seeds / "002_3ac8441545fefd6e.txt")
    with Session(engine) as s:
        doc = s.scalars(select(Document).where(Document.source.like("%002_%"))).one()
        assert (doc.department, doc.year, doc.kind, doc.unit) == ("攀枝花市西区行政审批局", 2020, "final", "万元")
        assert len(doc.files[0].sha256) == 64 and doc.files[0].name == "002_3ac8441545fefd6e.txt"
        facts = s.scalars(select(FactRow).where(FactRow.document_id == doc.id).order_by(FactRow.position)).all()
        assert [(f.key, f.value_yuan, f.stated) for f in facts] == [
            (f.key, f.value_yuan.quantize(f.value_yuan.__class__("0.01")), f.stated) for f in result.facts]
        assert facts[0].location == result.facts[0].loc.to_dict()
        rules = s.scalars(select(FindingRow.rule).where(FindingRow.document_id == doc.id,
                                                        FindingRow.origin == "document",
                                                        FindingRow.suppressed.is_(False))
                          .order_by(FindingRow.position)).all()
        assert rules == [f.rule for f in result.findings]
        assert doc.n_errors == sum(f.severity == "error" for f in result.findings) > 0
    # a second run stores nothing and checks nothing
    calls = []
    real = ingest_mod.check_group
    ingest_mod.check_group = lambda *a, **k: calls.append(a) or real(*a, **k)
    try:
        again = ingest(engine, [seeds], jobs=1, progress=False)
    finally:
        ingest_mod.check_group = real
    assert again.unchanged == 5 and not again.stored and not again.versions and calls == []
    assert counts(db_url) == stored
    engine.dispose()


def test_changed_file_is_a_new_version_with_history(db_url, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["000", "002"])
    engine = open_db(db_url)
    ingest(engine, [seeds], jobs=1, progress=False)
    before = counts(db_url)
    target = seeds / "002_3ac8441545fefd6e.txt"
    target.write_text(target.read_text(encoding="utf-8").replace("384.49", "384.50", 1), encoding="utf-8")
    report = ingest(engine, [seeds], jobs=1, progress=False)
    assert len(report.versions) == 1 and report.unchanged == 1 and not report.stored
    versions = [d for d in _docs(db_url, latest_only=False) if "002_" in d.source]
    assert [(d.version, d.is_latest) for d in versions] == [(1, False), (2, True)]
    assert versions[0].files[0].sha256 != versions[1].files[0].sha256
    assert counts(db_url)["documents"] == before["documents"] + 1
    with Session(engine) as s:  # the old version keeps its facts
        n_old = s.scalar(select(func.count()).select_from(FactRow).where(FactRow.document_id == versions[0].id))
        assert n_old == before["facts"] - len(check(seeds / "000_65a24acc6ee4d560.txt").facts)
    assert len([d for d in _docs(db_url) if "002_" in d.source]) == 1  # latest only
    engine.dispose()


def test_bad_file_is_recorded_and_the_run_goes_on(db_url, tmp_path):
    seeds = copy_seeds(tmp_path / "in", ["000", "004"])
    (seeds / "broken.pdf").write_bytes(bytes(range(256)) * 8)  # binary, no known format
    (seeds / "empty.docx").write_bytes(b"")
    engine = open_db(db_url)
    report = ingest(engine, [seeds], jobs=2, progress=False)
    assert len(report.stored) == 4 and len(report.failed) == 2
    docs = {d.files[0].name: d for d in _docs(db_url)}
    assert docs["broken.pdf"].status == "error" and "不是 PDF" in docs["broken.pdf"].error
    assert docs["empty.docx"].status == "error" and "文件为空" in docs["empty.docx"].error
    assert docs["000_65a24acc6ee4d560.txt"].status == "ok" and docs["000_65a24acc6ee4d560.txt"].year == 2020
    # unchanged broken files are not re-checked either
    assert ingest(engine, [seeds], jobs=1, progress=False).unchanged == 4
    engine.dispose()


def test_interrupted_run_resumes(db_url, tmp_path, monkeypatch):
    seeds = copy_seeds(tmp_path / "seeds")
    engine = open_db(db_url)
    real_store = ingest_mod.store
    stored = []

    def store_then_crash(engine, outcome):
        if len(stored) == 2:
            raise KeyboardInterrupt
        stored.append(outcome.group.key)
        return real_store(engine, outcome)

    monkeypatch.setattr(ingest_mod, "store", store_then_crash)
    with pytest.raises(KeyboardInterrupt):
        ingest(engine, [seeds], jobs=1, progress=False)
    monkeypatch.setattr(ingest_mod, "store", real_store)
    assert counts(db_url)["documents"] == 2
    checked = []
    real_check = ingest_mod.check_group
    monkeypatch.setattr(ingest_mod, "check_group", lambda paths, config=None: checked.append(paths)
                        or real_check(paths, config))
    report = ingest(engine, [seeds], jobs=1, progress=False)
    assert report.unchanged == 2 and len(report.stored) == 3 and len(checked) == 3
    assert not any(p[0].endswith(tuple(k.rsplit("/", 1)[-1] for k in stored)) for p in checked)
    assert counts(db_url)["documents"] == 5
    engine.dispose()


def test_two_concurrent_ingests_neither_corrupt_nor_duplicate(db_url, tmp_path):
    seeds = copy_seeds(tmp_path / "seeds")
    open_db(db_url).dispose()  # both processes race on the data, not on creating the schema
    env_cmd = ["ingest", "--db", db_url, "-j", "1", "--quiet", str(seeds)]
    procs = [subprocess.Popen([sys.executable, "-m", "budgetdoc.cli", *env_cmd], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}) for _ in range(2)]
    outs = [p.communicate(timeout=600) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outs
    assert all("Traceback" not in err for _, err in outs)
    docs = _docs(db_url, latest_only=False)
    assert len(docs) == 5 and len({d.group_key for d in docs}) == 5
    assert all(d.version == 1 and d.is_latest for d in docs)
    expected_facts = sum(len(check(p).facts) for p in sorted(seeds.glob("*.txt")))
    assert counts(db_url)["facts"] == expected_facts


def test_two_processes_create_a_new_sqlite_database_at_once(tmp_path):
    seeds = copy_seeds(tmp_path / "seeds", ["000", "004"])
    db = tmp_path / "fresh.db"
    procs = [subprocess.Popen([sys.executable, "-m", "budgetdoc.cli", "ingest", "--db", str(db), "-j", "1", "-q",
                               str(seeds)], stderr=subprocess.PIPE, text=True,
                              env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}) for _ in range(2)]
    errs = [p.communicate(timeout=600)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0], errs
    assert counts(str(db))["documents"] == 2


def test_part_names_group_files(tmp_path):
    """The grouping of `budgetdoc check` (budgetdoc.parts): parts need both halves; formats may differ."""
    for name in ["a-text.txt", "a-tables.txt", "b-text.txt", "c.txt", "d说明.pdf", "d报表.xlsx"]:
        (tmp_path / name).write_text("x", encoding="utf-8")
    groups = group_files(sorted(tmp_path.iterdir()))
    assert sorted([p.rsplit("/", 1)[-1] for p in g.paths] for g in groups) == [
        ["a-text.txt", "a-tables.txt"], ["b-text.txt"], ["c.txt"], ["d说明.pdf", "d报表.xlsx"]]


def test_split_disclosure_is_one_document(db_url, tmp_path):
    need(REAL)
    src = tmp_path / "in"
    src.mkdir()
    for part in ("text", "tables"):
        shutil.copy(need(REAL / f"jiangsu-shengweibangongting-2019-budget-{part}.pdf"), src)
    engine = open_db(db_url)
    report = ingest(engine, [src], jobs=1, progress=False)
    assert len(report.stored) == 1
    (doc,) = _docs(db_url)
    assert [f.name for f in doc.files] == ["jiangsu-shengweibangongting-2019-budget-text.pdf",
                                           "jiangsu-shengweibangongting-2019-budget-tables.pdf"]
    assert (doc.department, doc.year, doc.kind) == ("江苏省委办公厅", 2019, "budget")
    with Session(engine) as s:  # facts from both files, each naming its file
        files = {f["file"] for f in s.scalars(select(FactRow.location).where(FactRow.document_id == doc.id))}
    assert files == {"jiangsu-shengweibangongting-2019-budget-text.pdf",
                     "jiangsu-shengweibangongting-2019-budget-tables.pdf"}
    engine.dispose()


def test_parts_recognised_after_checking(tmp_path):
    """Two files not named as parts: the explanation (no table) and the tables (department only) of the
    same department in one folder are paired after checking and stored as one document."""
    need(REAL)
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-text.pdf"), src / "explanation.pdf")
    shutil.copy(need(REAL / "jiangsu-shengweibangongting-2019-budget-tables.pdf"), src / "annex.pdf")
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    report = ingest(engine, [src], jobs=1, progress=False)
    assert len(report.stored) == 2 and len(report.merged) == 1
    (merged,) = _docs(url)
    assert sorted(f.name for f in merged.files) == ["annex.pdf", "explanation.pdf"]
    assert (merged.department, merged.year, merged.kind) == ("江苏省委办公厅", 2019, "budget")
    parts = [d for d in _docs(url, latest_only=False) if d.id != merged.id]
    assert [d.merged_into for d in parts] == [merged.id, merged.id]
    assert ingest(engine, [src], jobs=1, progress=False).unchanged == 2  # and nothing more next time
    assert len(_docs(url)) == 1
    engine.dispose()


def test_db_urls():
    assert resolve_url("x.db").get_backend_name() == "sqlite"
    assert resolve_url("postgresql://u@h:5432/d").drivername == "postgresql+psycopg"
    assert resolve_url("sqlite:////tmp/x.db").database == "/tmp/x.db"
    for bad in ("mysql://u@h/d", "/nonexistent-dir/x.db", "/tmp", "://"):
        with pytest.raises(StoreError):
            resolve_url(bad)


def test_part_ingested_alone_then_with_its_twin(tmp_path):
    """A part stored alone first is superseded by the document read from both parts."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(need(SEEDS / "000_65a24acc6ee4d560.txt"), src / "x-text.txt")
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    ingest(engine, [src / "x-text.txt"], jobs=1, progress=False)
    shutil.copy(need(SEEDS / "004_cb2d984479a09303.txt"), src / "x-tables.txt")
    report = ingest(engine, [src], jobs=1, progress=False)
    assert len(report.stored) == 1
    (doc,) = _docs(url)
    assert [f.name for f in doc.files] == ["x-text.txt", "x-tables.txt"]
    alone = next(d for d in _docs(url, latest_only=False) if d.id != doc.id)
    assert not alone.is_latest and alone.merged_into == doc.id
    assert ingest(engine, [src / "x-text.txt"], jobs=1, progress=False).unchanged == 1  # nothing comes back
    assert len(_docs(url)) == 1
    engine.dispose()


def test_unreadable_part_leaves_the_other_checked(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(need(SEEDS / "000_65a24acc6ee4d560.txt"), src / "x-text.txt")
    (src / "x-tables.pdf").write_bytes(bytes(range(256)) * 8)  # binary, no known format
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    report = ingest(engine, [src], jobs=1, progress=False)
    assert len(report.stored) == 1 and len(report.failed) == 1  # recorded (exit 1), yet the text is checked
    (doc,) = _docs(url)
    assert doc.status == "ok" and doc.year == 2020 and "x-tables.pdf：不是 PDF" in doc.error
    assert [f.name for f in doc.files] == ["x-text.txt", "x-tables.pdf"]
    assert doc.warnings[0].startswith("未能读取的分册：") and "x-tables.pdf" in doc.warnings[0]
    assert counts(url)["facts"] == len(check(src / "x-text.txt").facts)
    engine.dispose()
