"""The claim ledger over the corpus, per city: how many numeric statements of the disclosures checking
found consistent (verified), inconsistent (contradicted) or could not check (unverified), and the error
findings. Cities given with --held are reported apart, as the half not developed on, then both halves.

    python3 bench/ledger_by_city.py [--corpus ../shared/corpus] [--held 004_重庆 --held 022_佛山 ...] [-j N]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent.parent / "shared" / "corpus"
EXTS = {".pdf", ".html", ".htm", ".xlsx", ".xls", ".doc", ".docx", ".txt", ".md"}
COLUMNS = ("disclosures", "claims", "verified", "contradicted", "unverified", "errors")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--held", action="append", default=[], help="a city folder held out (repeatable)")
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    files = sorted(f for f in a.corpus.rglob("*") if f.is_file() and f.suffix.lower() in EXTS)
    if not files:
        print(f"no files under {a.corpus}", file=sys.stderr)
        return 2
    exe = shutil.which("budgetdoc") or "budgetdoc"
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "r.json"
        subprocess.run([exe, "check", "--quiet", "--format", "json", "-j", str(a.jobs), "-o", str(out),
                        *map(str, files)], capture_output=True, text=True)
        if not out.exists():
            print("budgetdoc wrote no report", file=sys.stderr)
            return 1
        results = json.loads(out.read_text(encoding="utf-8"))
    results = results if isinstance(results, list) else [results]
    by_city: dict[str, Counter[str]] = defaultdict(Counter)
    for f, d in zip(files, results, strict=True):
        if "error" in d or d.get("disclosure") is False:
            continue
        c = by_city[f.parent.name]
        c["disclosures"] += 1
        for k in COLUMNS[1:5]:
            c[k] += (d.get("ledger") or {}).get(k, 0)
        c["errors"] += sum(1 for x in d.get("findings") or [] if x.get("severity") == "error")
    halves: dict[str, Counter[str]] = {"developed": Counter(), "held out": Counter()}
    print(f"{'city':12}" + "".join(f"{c:>14}" for c in COLUMNS) + f"{'verified %':>12}")
    for city in sorted(by_city):
        c = by_city[city]
        halves["held out" if city in a.held else "developed"].update(c)
        print(_row(city + (" *" if city in a.held else ""), c))
    for name, c in halves.items():
        if c["disclosures"]:
            print(_row(name, c))
    if a.held:
        print("* held out")
    return 0


def _row(name: str, c: Counter[str]) -> str:
    share = f"{100 * c['verified'] / c['claims']:.1f}" if c["claims"] else "-"
    return f"{name:12}" + "".join(f"{c[k]:>14}" for k in COLUMNS) + f"{share:>12}"


if __name__ == "__main__":
    sys.exit(main())
