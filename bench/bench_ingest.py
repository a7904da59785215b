"""Ingest speed: files per second for `budgetdoc ingest` of the seeds and of ../shared/real into a fresh
SQLite database, with 1 and 2 worker processes (each run from an empty database, so every file is
checked and stored). Prints a table; nothing is asserted. `--quick`: the seeds only, for CI."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from budgetdoc.store import open_db  # noqa: E402
from budgetdoc.store.ingest import collect, ingest  # noqa: E402

SHARED = ROOT.parent / "shared"


def run(paths: list[Path], jobs: int, db_url: str | None = None) -> tuple[int, int, float]:
    with tempfile.TemporaryDirectory() as tmp:
        engine = open_db(db_url or str(Path(tmp) / "bench.db"))
        start = time.perf_counter()
        report = ingest(engine, paths, jobs=jobs, progress=False)
        seconds = time.perf_counter() - start
        engine.dispose()
    return report.files, len(report.stored) + len(report.versions), seconds


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--quick", action="store_true", help="the seeds only")
    ap.add_argument("--jobs", default="1,2", help="worker counts to try (default 1,2)")
    args = ap.parse_args()
    corpora = [("seeds", SHARED / "seeds")]
    if not args.quick:
        corpora.append(("real", SHARED / "real"))
    print(f"{'corpus':8} {'jobs':>4} {'files':>5} {'docs':>5} {'seconds':>8} {'files/s':>8}   ({os.cpu_count()} cores)")
    for name, path in corpora:
        if not path.exists():
            print(f"{name:8} not found at {path}")
            continue
        n = len(collect([path]))
        for jobs in (int(j) for j in args.jobs.split(",")):
            files, docs, seconds = run([path], jobs)
            assert files == n
            print(f"{name:8} {jobs:>4} {files:>5} {docs:>5} {seconds:>8.1f} {files / seconds:>8.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
