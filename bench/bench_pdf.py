"""PDF reading speed on ../shared/real, all in one run so the ratios hold on a busy machine:

- pages per second of the engines alone: raw pypdfium2 text (its text page and text of every page), and
  pdfplumber as the old reader paid for it (extract_text and find_tables of every page);
- our full check, `budgetdoc check --format json` end to end (a fresh CLI process, default jobs) over all
  the files, with each reader (BUDGETDOC_PDF_READER=pdfium, the default, and =pdfplumber), and the ratio;
- memory as documents are added: one process checks the files one after another and prints its peak
  and current RSS after 5, 10, 20 and all of them (flat means nothing accumulates per document);
- documents per second for `budgetdoc ingest` of ../shared/corpus into a new temporary SQLite database.

Wall and CPU seconds are printed side by side (CPU: this process plus its children, all threads).

    python3 bench/bench_pdf.py [--quick] [--skip-ingest] [--ingest-readers pdfium,pdfplumber]

--quick: the first 6 real PDFs and the first 20 corpus files.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SRC = ROOT / "src"
sys.path.insert(0, str(SRC))


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _timed(fn: Callable[[], object]) -> tuple[float, float]:
    wall, cpu = time.perf_counter(), _cpu()
    fn()
    return time.perf_counter() - wall, _cpu() - cpu


def _pages(files: list[Path]) -> int:
    import pypdfium2

    total = 0
    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        total += len(pdf)
        pdf.close()
    return total


def _raw_pdfium(files: list[Path]) -> None:
    import pypdfium2

    for f in files:
        pdf = pypdfium2.PdfDocument(str(f))
        for page in pdf:
            text = page.get_textpage()
            text.get_text_range()
            text.close()
            page.close()
        pdf.close()


def _raw_pdfplumber(files: list[Path]) -> None:
    import pdfplumber

    for f in files:
        with pdfplumber.open(f) as pdf:
            for page in pdf.pages:
                page.extract_text(y_tolerance=6)
                page.find_tables()
                page.close()


def _cli(args: list[str], reader: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(SRC), "BUDGETDOC_PDF_READER": reader}
    code = "import sys; from budgetdoc.cli import entry; sys.argv[0] = 'budgetdoc'; entry()"
    proc = subprocess.run([sys.executable, "-c", code, *args], env=env, capture_output=True, text=True)
    if proc.returncode not in (0, 1, 3):
        raise SystemExit(f"budgetdoc {' '.join(args[:2])} failed ({proc.returncode}): {proc.stderr.strip()[:300]}")
    return proc


def _rss_kb() -> int:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def _memory(files: list[Path]) -> None:
    """Check the files one after another in this process (pdfium reader): RSS after 5, 10, 20, all."""
    os.environ["BUDGETDOC_PDF_READER"] = "pdfium"
    from budgetdoc import check

    marks = sorted({n for n in (5, 10, 20, len(files)) if n <= len(files)})
    print(f"\nmemory, one process checking the {len(files)} real PDFs in turn (pdfium reader; the OCR engine,")
    print("about 0.7 GB, is loaded on the first page without a text layer and kept):")
    print(f"{'files':>5} {'pages':>6} {'peak RSS MB':>12} {'RSS now MB':>11}  files with a page OCR'd so far")
    ocred: list[str] = []
    for n, f in enumerate(files, start=1):
        result = check(f)
        if any("没有文字层" in w for w in result.warnings):  # OCR ran on a page (whether it found text or not)
            ocred.append(f.name)
        if n in marks:
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
            print(f"{n:>5} {_pages(files[:n]):>6} {peak:>12.0f} {_rss_kb() / 1024:>11.0f}  {', '.join(ocred) or '-'}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="6 real PDFs and 20 corpus files")
    ap.add_argument("--skip-ingest", action="store_true", help="no ingest of the corpus")
    ap.add_argument("--skip-real", action="store_true", help="only the ingest of the corpus")
    ap.add_argument("--ingest-readers", default="pdfium", help="readers to ingest the corpus with (comma-separated)")
    args = ap.parse_args()
    real = sorted((SHARED / "real").glob("*.pdf"))
    if not real:
        print(f"no PDFs at {SHARED / 'real'}")
        return 1
    if args.quick:
        real = real[:6]
    if not args.skip_real:
        _real(real)
    if not args.skip_ingest:
        _ingest(args.quick, args.ingest_readers.split(","))
    return 0


def _real(real: list[Path]) -> None:
    pages = _pages(real)
    print(f"{len(real)} PDFs of {SHARED / 'real'}, {pages} pages; {os.cpu_count()} cores "
          f"(load average {os.getloadavg()[0]:.1f} at the start)\n")
    print(f"{'what':44} {'wall s':>7} {'CPU s':>7} {'pages/s':>8} {'pages/CPU s':>12}")

    def row(name: str, wall: float, cpu: float) -> None:
        print(f"{name:44} {wall:>7.1f} {cpu:>7.1f} {pages / wall:>8.1f} {pages / cpu:>12.1f}")

    row("raw pypdfium2 text (one process)", *_timed(lambda: _raw_pdfium(real)))
    row("pdfplumber extract_text+find_tables (one)", *_timed(lambda: _raw_pdfplumber(real)))
    check_args = ["check", "--format", "json", "-q", *map(str, real)]
    new = _timed(lambda: _cli(check_args, "pdfium"))
    row("budgetdoc check, pdfium reader (default -j)", *new)
    old = _timed(lambda: _cli(check_args, "pdfplumber"))
    row("budgetdoc check, pdfplumber reader", *old)
    print(f"\nspeed-up of the full check, pdfium over pdfplumber: {old[0] / new[0]:.2f}x wall, "
          f"{old[1] / new[1]:.2f}x CPU")

    _memory(real)


def _ingest(quick: bool, readers: list[str]) -> None:
    corpus = SHARED / "corpus"
    if not corpus.exists():
        print(f"\nno corpus at {corpus}")
        return
    from budgetdoc.store.ingest import collect

    docs = collect([corpus])
    if quick:
        docs = docs[:20]
    print(f"\ningest of {len(docs)} corpus files (`budgetdoc ingest`, default -j, new SQLite database):")
    print(f"{'reader':12} {'wall s':>7} {'CPU s':>7} {'docs/s':>7}")
    for reader in readers:
        with tempfile.TemporaryDirectory() as tmp:
            db = str(Path(tmp) / "bench.db")
            wall, cpu = _timed(lambda db=db, reader=reader: _cli(["ingest", "--db", db, "-q", *map(str, docs)],
                                                                  reader))
        print(f"{reader:12} {wall:>7.1f} {cpu:>7.1f} {len(docs) / wall:>7.2f}")


if __name__ == "__main__":
    sys.exit(main())
