"""Real PDFs read twice: as PDFs, and as the text `pdftotext -layout` prints for them (what a reviewer gets
when a PDF is saved as text). Prints, over all files, the facts and the claim ledger of the text, and how
its error findings compare with the PDF's, rule by rule per file: found in both, only in the text (a misread
of the text, or of the PDF), only in the PDF (the text lost it).

    python3 bench/layout_text.py ../shared/real [--budgetdoc budgetdoc] [-j 2] [-v]

Needs `pdftotext` (Debian: apt-get install poppler-utils); nothing else of this project calls it.
"""

from __future__ import annotations

import argparse
import collections
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


def _check(budgetdoc: str, paths: list[Path], jobs: int) -> dict[str, dict]:
    """budgetdoc's JSON for each file, by file name without its extension."""
    with tempfile.NamedTemporaryFile(suffix=".json") as out:
        subprocess.run([budgetdoc, "check", *map(str, paths), "--format", "json", "-o", out.name, "-q",
                        "-j", str(jobs)], check=False, capture_output=True)
        data = json.loads(Path(out.name).read_text(encoding="utf-8") or "[]")
    docs = data["documents"] if isinstance(data, dict) and "documents" in data else data
    return {Path(d["source"].split(" + ")[0]).stem: d for d in docs}


def _errors(doc: dict) -> collections.Counter:
    return collections.Counter(f["rule"] for f in doc.get("findings", []) if f["severity"] == "error")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("folder", type=Path, help="a folder of PDFs")
    ap.add_argument("--budgetdoc", default=shutil.which("budgetdoc") or "budgetdoc")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("-v", "--verbose", action="store_true", help="print the files where the two differ")
    a = ap.parse_args()
    if shutil.which("pdftotext") is None:
        print("layout_text: pdftotext not found (apt-get install poppler-utils)", file=sys.stderr)
        return 2
    pdfs = sorted(a.folder.glob("*.pdf"))
    if not pdfs:
        print(f"layout_text: no PDF in {a.folder}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        texts = []
        for pdf in pdfs:
            txt = Path(tmp) / f"{pdf.stem}.txt"
            subprocess.run(["pdftotext", "-layout", str(pdf), str(txt)], check=False, capture_output=True)
            if txt.exists():
                texts.append(txt)
        as_pdf, as_text = _check(a.budgetdoc, pdfs, a.jobs), _check(a.budgetdoc, texts, a.jobs)
    both = pdf_only = text_only = 0
    ledger: collections.Counter = collections.Counter()
    for name, doc in sorted(as_text.items()):
        ledger["facts"] += len(doc.get("facts", []))
        for claim in doc.get("claims", []):
            ledger[claim["status"]] += 1
        p, t = _errors(as_pdf.get(name, {})), _errors(doc)
        both += sum((p & t).values())
        pdf_only += sum((p - t).values())
        text_only += sum((t - p).values())
        if a.verbose and p != t:
            print(f"{name}: only in the PDF {dict(p - t)}, only in the text {dict(t - p)}")
    print(f"{len(pdfs)} PDFs ({len(as_text)} disclosures) as layout text: facts {ledger['facts']}, claims verified {ledger['verified']}, "
          f"unverified {ledger['unverified']}, contradicted {ledger['contradicted']}")
    print(f"error findings of the text: {both + text_only} ({both} as the PDF's, {text_only} only in the text); "
          f"{pdf_only} of the PDF's not in the text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
