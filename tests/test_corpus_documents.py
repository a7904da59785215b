"""Every disclosure of the corpus (corpus_kinds.py) and the files listed in corpus_expectations.py give
exactly the error findings read by hand there: a new error on them is a misread until the page shows
otherwise."""

from __future__ import annotations

from pathlib import Path

import pytest
from corpus_expectations import ERRORS, FILES
from corpus_kinds import KINDS

from budgetdoc import check

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def test_expectations_name_listed_files() -> None:
    assert set(ERRORS) <= set(FILES)


CHECKED = tuple(sorted(set(FILES) | {name for name, (disclosure, _) in KINDS.items() if disclosure}))


@pytest.mark.parametrize("name", CHECKED)
def test_corpus_document(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    r = check(path)
    errors = sorted((f.rule, f.evidence[0].loc.page, f.stated) for f in r.findings if f.severity == "error")
    assert errors == sorted(ERRORS.get(name, [])), [f.message for f in r.findings if f.severity == "error"]
