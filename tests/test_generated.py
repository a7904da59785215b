"""Generated correct documents (bench/generate.py) must get no finding: every claim in them holds
within rounding. This is the precision side of the mutation benchmark, run on fresh random figures."""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

from budgetdoc import check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import document  # noqa: E402


@pytest.mark.parametrize("seed", range(12))
def test_generated_correct_document_is_clean(tmp_path: Path, seed: int) -> None:
    rng = random.Random(seed)
    year = rng.randint(2019, 2025)
    p = tmp_path / "doc.txt"
    p.write_text(document(rng, year), encoding="utf-8")
    r = check(p)
    assert r.metadata.year == year and r.metadata.kind == "final"
    assert r.findings == []
    keys = {f.key for f in r.facts}
    assert {"income.total", "expense.current_year", "expense.basic", "procurement.total"} <= keys


def test_mutation_benchmark_runs() -> None:
    import mutation

    files = [p for p in sorted(mutation.SEEDS.glob("*.txt"))][:2]
    if not files:
        pytest.skip("seeds not available")
    assert mutation.run(files, seed=1, max_per_kind=2) == 0
