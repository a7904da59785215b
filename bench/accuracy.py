"""Accuracy on the five seeds against the hand-written expectations in tests/seed_expectations.py:
metadata, key facts, defects that must be found (recall), findings that are real (precision), and
correct statements that must not get an error. Then the real published PDFs of ../shared/real against
tests/real_expectations.py: files refused, metadata, hand-checked facts, error precision (true errors
÷ all errors) and recall of the known defects (found at any severity). Last, documents the checker
was not built on: ../shared/labels/score.py against the hand labels of 30 real documents (gold.json:
metadata, key figures, defects, claims verified right) and ../shared/corpus/survey.py over the 261 files
of 18 cities as a scraper collected them (disclosures recognised, key figures found, identities, error
findings), both run on the installed `budgetdoc` command, their closing lines printed.
With the seeds and the real documents it prints the claim ledger: per document how many numeric
statements checking found consistent (verified), inconsistent (contradicted) or could not check
(unverified), and the totals by kind of statement.

    python3 bench/accuracy.py [--seeds-only] [--no-unseen]
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "tests"))
SEEDS = HERE.parent.parent / "shared" / "seeds"
REAL = HERE.parent.parent / "shared" / "real"
LABELS = HERE.parent.parent / "shared" / "labels" / "score.py"
SURVEY = HERE.parent.parent / "shared" / "corpus" / "survey.py"


def main() -> int:
    from seed_expectations import CORRECT, DEFECTS, FACTS, METADATA, NOT_YET

    from budgetdoc import check
    from budgetdoc.grouping import places

    print(f"{'seed':5} {'meta':>5} {'facts':>7} {'defects found':>14} {'precision':>10} {'errors on correct':>18}"
          f"  {'ledger verified/contradicted/unverified of claims':>50}")
    ledgers: list[list] = []
    tot = {"meta": 0, "meta_n": 0, "facts": 0, "facts_n": 0, "found": 0, "defects": 0, "tp": 0, "findings": 0,
           "fp_correct": 0, "correct": 0}
    for prefix in sorted(METADATA):
        path = next(SEEDS.glob(f"{prefix}_*.txt"), None)
        if path is None:
            print(f"{prefix}: seed not found in {SEEDS}", file=sys.stderr)
            return 2
        r = check(path)
        meta = (r.metadata.department, r.metadata.year, r.metadata.kind, r.metadata.unit)
        meta_ok = sum(a == b for a, b in zip(meta, METADATA[prefix], strict=True))
        first = {}
        for f in r.facts:
            first.setdefault(f.key, f)
        facts_ok = sum(1 for k, (v, line) in FACTS[prefix].items()
                       if k in first and str(first[k].value_yuan.normalize()) == str(type(first[k].value_yuan)(v).normalize())
                       and first[k].loc.line == line)
        got = {(f.rule, e.loc.line) for f in r.findings for e in places(f)}  # each place of a repeated finding
        expected = {(rule, line) for rule, line, _ in DEFECTS[prefix]}
        found = len(expected & got)
        n_defects = len(expected) + len(NOT_YET[prefix])
        tp = len(got & expected)
        errors_on_correct = {e.loc.line for f in r.findings if f.severity == "error" for e in places(f)} & set(CORRECT[prefix])
        ledgers.append(r.claims)
        print(f"{prefix:5} {meta_ok}/4 {facts_ok:3d}/{len(FACTS[prefix]):<3d} {found:6d}/{n_defects:<7d} "
              f"{tp:4d}/{len(got):<5d} {len(errors_on_correct):8d}/{len(CORRECT[prefix])}          "
              f"{_ledger_cells(r.claims):>50}")
        for k, v in (("meta", meta_ok), ("meta_n", 4), ("facts", facts_ok), ("facts_n", len(FACTS[prefix])),
                     ("found", found), ("defects", n_defects), ("tp", tp), ("findings", len(got)),
                     ("fp_correct", len(errors_on_correct)), ("correct", len(CORRECT[prefix]))):
            tot[k] += v
    print(f"total: metadata {tot['meta']}/{tot['meta_n']}, key facts {tot['facts']}/{tot['facts_n']}, "
          f"defect recall {tot['found'] / tot['defects']:.3f} ({tot['found']}/{tot['defects']}, the misses are "
          f"listed by hand in NOT_YET), precision {tot['tp'] / max(tot['findings'], 1):.3f} "
          f"({tot['tp']}/{tot['findings']}), errors on correct statements {tot['fp_correct']}/{tot['correct']}")
    print_ledger("seeds", [c for claims in ledgers for c in claims])
    if "--seeds-only" in sys.argv:
        return 0
    status = real()
    return status or (0 if "--no-unseen" in sys.argv else unseen())


def real() -> int:
    from collections import Counter

    from real_expectations import DEFECTS, ERRORS, FACTS, META

    from budgetdoc import check
    from budgetdoc.errors import InputError
    from budgetdoc.grouping import places

    if not REAL.exists():
        print(f"real documents: {REAL} not found, section skipped")
        return 0
    print(f"\nreal documents ({REAL}): errors true/all, known defects found, metadata, facts, claim ledger "
          "(verified/contradicted/unverified of claims)")
    tot = Counter()
    claims: list = []
    for name in sorted(META):
        try:
            r = check(REAL / name)
        except InputError as e:
            tot["refused"] += 1
            print(f"  {name}: REFUSED ({e})")
            continue
        errors = [(f.rule, f.evidence[0].loc.page, f.stated) for f in r.findings if f.severity == "error"]
        true = sum(1 for e in errors if e in ERRORS.get(name, []))
        got = Counter((f.rule, e.loc.page) for f in r.findings for e in places(f))
        known = Counter(DEFECTS.get(name, []))
        found = sum(min(n, got[k]) for k, n in known.items())
        meta_ok = (r.metadata.department, r.metadata.year, r.metadata.kind) == META[name]
        first = {}
        for f in r.facts:
            first.setdefault(f.key, f)
        facts = FACTS.get(name, {})
        facts_ok = sum(1 for k, (v, page) in facts.items()
                       if k in first and (f"{first[k].value_yuan:.2f}", first[k].loc.page) == (v, page))
        for k, v in (("errors", len(errors)), ("true", true), ("defects", sum(known.values())), ("found", found),
                     ("meta", meta_ok), ("facts", facts_ok), ("facts_n", len(facts)), ("files", 1)):
            tot[k] += v
        claims += r.claims
        if errors or known or not meta_ok or facts_ok < len(facts):
            print(f"  {name[:60]:60} errors {true}/{len(errors)}  defects {found}/{sum(known.values())}  "
                  f"meta {'ok' if meta_ok else 'WRONG'}  facts {facts_ok}/{len(facts)}  "
                  f"ledger {_ledger_cells(r.claims)}")
    print(f"real total: {tot['files']} files read, {tot['refused']} refused; error precision "
          f"{tot['true'] / max(tot['errors'], 1):.3f} ({tot['true']}/{tot['errors']}); known-defect recall "
          f"{tot['found'] / max(tot['defects'], 1):.3f} ({tot['found']}/{tot['defects']}); metadata "
          f"{tot['meta']}/{tot['files']}; hand-checked facts {tot['facts']}/{tot['facts_n']}")
    print_ledger("real", claims)
    return 0


def _ledger_cells(claims: list) -> str:
    from budgetdoc.model import ledger_counts

    n = ledger_counts(claims)
    return f"{n['verified']}/{n['contradicted']}/{n['unverified']} of {n['claims']}"


def print_ledger(what: str, claims: list) -> None:
    """The claim ledger's totals, then by kind of statement: verified/contradicted/unverified of claims."""
    from budgetdoc.model import ledger_counts

    n = ledger_counts(claims)
    share = n["verified"] / n["claims"] if n["claims"] else 0.0
    print(f"{what} ledger: {n['claims']} numeric statements, verified {n['verified']} ({share:.1%}), "
          f"contradicted {n['contradicted']}, unverified {n['unverified']}")
    kinds = sorted({c.kind for c in claims}, key=lambda k: -sum(c.kind == k for c in claims))
    print(f"{what} ledger by kind: " + "; ".join(
        f"{k} {_ledger_cells([c for c in claims if c.kind == k])}" for k in kinds))


def unseen() -> int:
    """score.py on the labelled documents and survey.py on the corpus: their summary lines."""
    exe = shutil.which("budgetdoc")
    if exe is None:
        print("\nlabelled documents and corpus: no budgetdoc command on PATH (pip install .), sections skipped")
        return 0
    if LABELS.exists():
        print(f"\nlabelled real documents ({LABELS.parent / 'gold.json'}), as score.py counts them:")
        r = subprocess.run([sys.executable, str(LABELS), "--budgetdoc", exe], capture_output=True, text=True)
        print("\n".join("  " + ln for ln in r.stdout.splitlines() if ln.startswith("score:")) or r.stderr[-500:])
    if SURVEY.exists():
        print(f"\ncorpus survey ({SURVEY.parent}), as survey.py prints it:")
        with tempfile.TemporaryDirectory() as tmp:
            r = subprocess.run([sys.executable, str(SURVEY), "--budgetdoc", exe, "--errors", f"{tmp}/errors.tsv"],
                               capture_output=True, text=True)
        lines = r.stdout.splitlines()
        head = next((i for i, ln in enumerate(lines) if ln.startswith("city")), None)
        print("\n".join("  " + ln for ln in lines[head:]) if head is not None else r.stderr[-500:])
    return 0


if __name__ == "__main__":
    sys.exit(main())
