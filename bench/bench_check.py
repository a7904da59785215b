"""Speed of `budgetdoc check` on the seeds: median milliseconds per document, beside the time to
just read the file (a reference measured in the same run, so the ratio is what carries over between
machines).

    python3 bench/bench_check.py [--repeat N] [FILES...]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt"))
    if not files:
        print(f"no input files (looked in {SEEDS})", file=sys.stderr)
        return 2
    from budgetdoc import check
    from budgetdoc.knowledge import knowledge
    from budgetdoc.load import load

    t0 = time.perf_counter()
    knowledge()
    check(files[0])  # warm-up: imports, YAML, regex compilation
    startup = (time.perf_counter() - t0) * 1000
    print(f"one-time start-up (imports, knowledge, first check): {startup:.0f} ms")
    print(f"{'file':28} {'KB':>6} {'read ms':>8} {'check ms':>9} {'ratio':>6} {'findings':>8}")
    medians = []
    for f in files:
        read_ms = _median_ms(lambda f=f: load(f), args.repeat)
        check_ms = _median_ms(lambda f=f: check(f), args.repeat)
        medians.append(check_ms)
        n = len(check(f).findings)
        print(f"{f.name:28} {f.stat().st_size / 1024:6.1f} {read_ms:8.2f} {check_ms:9.2f} "
              f"{check_ms / read_ms:6.1f} {n:8d}")
    print(f"median check time per document: {statistics.median(medians):.1f} ms "
          f"(target < 50 ms on one core); repeats per file: {args.repeat}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
