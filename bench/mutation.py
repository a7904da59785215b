"""Mutation benchmark: plant one defect at a time where the checker reported nothing, and count how
often it is then found on the right line; count new findings elsewhere as false alarms.

    python3 bench/mutation.py [--seed N] [--max-per-kind N] [FILES...]

Kinds of defect planted (each a real kind seen in published files, domain.md):
  share       a share (占X%) moved by 2–5 points
  growth      a growth rate (增长Y%) moved by 2–5 points
  completion  a completion rate (完成预算的Z%) moved by 2–5 points
  direction   增加 ↔ 减少 swapped in front of a change amount that has a rate
  breakdown   one part of a complete breakdown (其中 …) changed by 5–20 %
  year        the comparison year (与2019年相比) moved one year back
  section     a mandatory section (heading and body) deleted: 政府采购, 机关运行经费, 三公 ...
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
SEEDS = HERE.parent.parent / "shared" / "seeds"
# The rules expected to catch each kind (any new finding on the planted line counts as found).
EXPECTED_RULES = {
    "share": {"share"},
    "growth": {"growth-rate"},
    "completion": {"completion-rate"},
    "direction": {"change-direction", "growth-rate"},
    "breakdown": {"breakdown-sum", "identity"},
    "year": {"comparison-year"},
    "section": {"missing-part"},
}


@dataclass
class Mutant:
    kind: str
    line: int  # 1-based line of the text file
    start: int  # span in the original line
    end: int
    new: str
    lines_ok: tuple[int, ...]  # lines where a finding counts as found (empty: anywhere)
    blank_to: int = 0  # for a deleted section: the last line blanked (line numbers are kept)


def _fmt(value: Decimal, decimals: int) -> str:
    return str(value.quantize(Decimal(1).scaleb(-decimals)))


def _rounding_margin(m, ms) -> Decimal:
    """How far the stated rate may move just from the rounding of the two nearest amounts before it."""
    inputs = [x for x in ms if x.start < m.start and x.sentence >= m.sentence - 1 and not x.is_percent][-2:]
    rel = sum((Decimal(5).scaleb(-(x.decimals + 1)) / x.value for x in inputs if x.value), Decimal(0))
    return m.value * rel


def _verifiable(m, ms) -> bool:
    """A claim the sentence gives the numbers for: a completion rate needs a budget figure, a share an
    amount before it, a growth rate a change amount or last year's figure."""
    before = [x for x in ms if x.start < m.start and x.sentence >= m.sentence - 1 and not x.is_percent]
    if m.cue == "completion":
        return any(x.role == "budget" for x in before)
    if m.cue == "growth":
        return any(x.is_change or x.role == "prev" for x in before if x.sentence == m.sentence)
    return any(not x.is_change for x in before if x.sentence == m.sentence)


def candidates(path: Path, rng: random.Random) -> tuple[list[Mutant], set[tuple]]:
    from budgetdoc.analysis import analyse
    from budgetdoc.extract.facts import base_key
    from budgetdoc.load import load
    from budgetdoc.rules import run_rules
    from budgetdoc.rules.sums import _identity_for

    analysis = analyse(load(path))
    baseline = run_rules(analysis)
    flagged = {e.loc.line for f in baseline for e in f.evidence}
    out: list[Mutant] = []
    for line, ms in analysis.mentions:
        ln = line.block.loc.line
        if ln is None or ln in flagged:
            continue
        for m in ms:
            a, b = line.norm.orig_span(m.start, m.end)
            num = re.match(r"\s*[\d.,]+", line.block.text[a:b])
            if num is None:
                continue
            na, nb = a + num.start(), a + num.end()
            if m.cue in ("share", "growth", "completion") and m.value > 0 and _verifiable(m, ms):
                # A few points, and more than the rounding of the inputs allows (1.5万元 is 1.45–1.55):
                # a change inside that margin is not a defect.
                delta = max(Decimal(rng.choice([2, 3, 4, 5])), _rounding_margin(m, ms) * 2)
                delta = delta.quantize(Decimal(1), rounding="ROUND_CEILING") * rng.choice([1, -1])
                new = m.value + delta if m.value + delta > 0 else m.value + abs(delta)
                out.append(Mutant(m.cue, ln, na, nb, _fmt(new, m.decimals), (ln,)))
            if m.is_change and m.value > 0 and any(x.cue == "growth" and x.sentence == m.sentence
                                                   and x.start > m.start for x in ms):
                word = "增加" if m.direction > 0 else "减少"
                pos = line.block.text.rfind(word, 0, a)
                if pos >= 0 and a - pos <= 8:
                    out.append(Mutant("direction", ln, pos, pos + 2, "减少" if word == "增加" else "增加", (ln,)))
        for y in re.finditer(r"(与|比|较)\s*(20\d\d)\s*年", line.block.text):
            yv = int(y.group(2))
            if analysis.meta.year and yv == analysis.meta.year - 1:
                out.append(Mutant("year", ln, y.start(2), y.end(2), str(yv - 1), (ln,)))
    for bd in analysis.breakdowns:
        if bd.head.key is None or not bd.parts:
            continue
        ident = _identity_for(bd.head.key)
        keys = {base_key(p.key) for p in bd.parts if p.key}
        if ident is None or not set(ident.parts) <= keys:
            continue  # only complete breakdowns must add up exactly
        lines = tuple(sorted({bd.head.line.block.loc.line, *(p.line.block.loc.line for p in bd.parts)}))
        if any(x in flagged for x in lines):
            continue
        part = rng.choice([p for p in bd.parts if p.value > 0] or bd.parts)
        a, b = part.line.norm.orig_span(part.start, part.end)
        num = re.match(r"\s*[\d.,]+", part.line.block.text[a:b])
        if num is None:
            continue
        factor = Decimal(rng.choice([5, 10, 20])) / 100
        head_in_part_unit = bd.head.value_yuan / (part.value_yuan / part.value if part.value else 1)
        step = max(part.value * factor, head_in_part_unit * factor / 10,
                   Decimal(1).scaleb(-part.decimals) * 10 * len(bd.parts))
        new = part.value + step
        out.append(Mutant("breakdown", part.line.block.loc.line, a + num.start(), a + num.end(),
                          _fmt(new, part.decimals), lines))
    out.extend(_section_mutants(analysis))
    base_keys = {(f.rule, f.evidence[0].loc.line, f.message) for f in baseline if f.evidence}
    return out, base_keys


_MANDATORY = {"procurement", "operating_cost", "sangong", "assets"}


def _section_mutants(analysis) -> list[Mutant]:
    """Delete a mandatory section whole: from its heading to the next heading at its level or above."""
    out = []
    secs = analysis.sections
    for i, sec in enumerate(secs):
        if sec.type not in _MANDATORY or (sec.parent is not None and sec.parent.type == sec.type):
            continue
        start = analysis.lines[sec.block_index].block.loc.line
        nxt = next((s for s in secs[i + 1:] if s.level <= sec.level), None)
        end = (analysis.lines[nxt.block_index].block.loc.line - 1) if nxt else start + 3
        if start is not None and end is not None and end > start:  # a contents entry has no body
            out.append(Mutant("section", start, 0, 0, "", (), blank_to=end))
    return out


def run(files: list[Path], seed: int, max_per_kind: int, show_missed: bool = False) -> int:
    from budgetdoc import check
    from budgetdoc.grouping import ungroup

    rng = random.Random(seed)
    found: dict[str, list[bool]] = defaultdict(list)
    false_alarms = 0
    checked_claims = 0
    with tempfile.TemporaryDirectory() as tmp:
        for path in files:
            text = path.read_text(encoding="utf-8")
            lines = text.split("\n")
            muts, base = candidates(path, rng)
            by_kind: dict[str, list[Mutant]] = defaultdict(list)
            for m in muts:
                by_kind[m.kind].append(m)
            chosen = [m for ms in by_kind.values() for m in rng.sample(ms, min(len(ms), max_per_kind))]
            n_claims = sum(1 for _ in muts)
            for mut in chosen:
                new_lines = list(lines)
                if mut.blank_to:
                    for n in range(mut.line - 1, min(mut.blank_to, len(new_lines))):
                        new_lines[n] = ""
                else:
                    old = new_lines[mut.line - 1]
                    new_lines[mut.line - 1] = old[:mut.start] + mut.new + old[mut.end:]
                target = Path(tmp) / path.name
                target.write_text("\n".join(new_lines), encoding="utf-8")
                result = check(target)
                result.findings = ungroup(result.findings)  # place by place, as the baseline
                # Found: a finding on the planted line that the unmutated document did not have.
                hit = any((f.rule, f.evidence[0].loc.line, f.message) not in base
                          and (any(e.loc.line in mut.lines_ok for e in f.evidence)
                               or (not mut.lines_ok and f.rule in EXPECTED_RULES[mut.kind]))
                          for f in result.findings)
                found[mut.kind].append(hit)
                if show_missed and not hit:
                    print(f"missed {mut.kind} {path.name}:{mut.line}: {new_lines[mut.line - 1][:160]}")
                new = [f for f in result.findings if (f.rule, f.evidence[0].loc.line, f.message) not in base
                       and not any(e.loc.line in mut.lines_ok for e in f.evidence)
                       and not (mut.kind == "section" and f.rule in EXPECTED_RULES["section"])]
                false_alarms += len(new)
                checked_claims += n_claims
    total = sum(len(v) for v in found.values())
    hits = sum(sum(v) for v in found.values())
    n_gen = sum(1 for f in files if f.name.startswith("generated_"))
    print(f"mutation benchmark: {len(files) - n_gen} seed files + {n_gen} generated documents, "
          f"random seed {seed}, at most {max_per_kind} mutants per kind and file")
    print(f"{'kind':12} {'mutants':>8} {'found':>6} {'recall':>7}")
    for kind in EXPECTED_RULES:
        v = found.get(kind, [])
        if v:
            print(f"{kind:12} {len(v):8d} {sum(v):6d} {sum(v) / len(v):7.3f}")
    if total:
        print(f"{'overall':12} {total:8d} {hits:6d} {hits / total:7.3f}")
    rate = false_alarms / checked_claims * 1000 if checked_claims else 0.0
    print(f"false alarms: {false_alarms} new findings away from the planted defect, over {checked_claims} "
          f"unmutated claim checks = {rate:.2f} per 1,000")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--seed", type=int, default=20261123)
    ap.add_argument("--max-per-kind", type=int, default=20)
    ap.add_argument("--missed", action="store_true", help="print each planted defect that was not found")
    ap.add_argument("--generated", type=int, default=20,
                    help="also mutate this many generated correct documents (bench/generate.py)")
    args = ap.parse_args()
    files = args.files or sorted(SEEDS.glob("*.txt"))
    with tempfile.TemporaryDirectory() as gen_dir:
        if args.generated:
            from generate import document

            rng = random.Random(args.seed)
            for i in range(args.generated):
                p = Path(gen_dir) / f"generated_{i:03d}.txt"
                p.write_text(document(rng, rng.randint(2019, 2025)), encoding="utf-8")
                files.append(p)
        if not files:
            print(f"no input files (looked in {SEEDS})", file=sys.stderr)
            return 2
        return run(files, args.seed, args.max_per_kind, args.missed)


if __name__ == "__main__":
    sys.exit(main())
