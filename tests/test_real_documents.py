"""The thirty-five real published PDFs of ../shared/real: none refused, metadata as their covers say, the
standard facts where the document states them, and no error finding beyond the true ones read by
hand in real_expectations.py (a new error there is a misread until shown otherwise)."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest
from real_expectations import ERRORS, FACTS, META

from budgetdoc import check
from budgetdoc.check import check_parts
from budgetdoc.model import CheckResult

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"


def _path(name: str) -> Path:
    p = REAL / name
    if not p.exists():
        pytest.skip(f"{p} not available")
    return p


@cache
def _checked(name: str) -> CheckResult:
    return check(_path(name))


def test_every_real_document_is_listed() -> None:
    if not REAL.exists():
        pytest.skip(f"{REAL} not available")
    assert sorted(p.name for p in REAL.glob("*.pdf")) == sorted(META)


@pytest.mark.parametrize("name", sorted(META))
def test_real_document(name: str) -> None:
    r = _checked(name)  # a refused file raises InputError here
    assert r.disclosure, r.warnings  # a part of a disclosure (its tables alone) is one too
    m = r.metadata
    assert (m.department, m.year, m.kind) == META[name]
    errors = sorted((f.rule, f.evidence[0].loc.page, f.stated) for f in r.findings if f.severity == "error")
    assert errors == sorted(ERRORS.get(name, [])), [f.message for f in r.findings if f.severity == "error"]
    for key, (yuan, page) in FACTS.get(name, {}).items():
        first = next((f for f in r.facts if f.key == key), None)
        assert first is not None, key
        assert (f"{first.value_yuan:.2f}", first.loc.page) == (yuan, page), key


def test_real_growth_error_quotes_its_sentence() -> None:
    r = _checked("jiangsu-shengweibangongting-2017-budget-text.pdf")
    f = next(f for f in r.findings if f.rule == "growth-rate")
    assert (f.stated, f.expected) == ("1.66%", "1.69%")
    assert f.evidence[0].loc.page == 8 and "6106.99" in f.evidence[0].quote


def test_split_disclosure_checked_as_one() -> None:
    """The 2019 explanation and tables of 江苏省人大常委会办公厅, given together, are one document:
    its metadata from the text part, figures from both, locations naming their file."""
    r = check_parts([_path("jiangsu-provincial-rendachangweihui-bangongting-2019-budget-text.pdf"),
                     _path("jiangsu-provincial-rendachangweihui-bangongting-2019-budget-tables.pdf")])
    assert (r.metadata.department, r.metadata.year, r.metadata.kind) == ("江苏省人大常委会办公厅", 2019, "budget")
    files = {f.loc.file for f in r.facts}
    assert files == {"jiangsu-provincial-rendachangweihui-bangongting-2019-budget-text.pdf",
                     "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-tables.pdf"}
    assert not [f for f in r.findings if f.severity == "error"]
    assert not [f for f in r.findings if f.rule == "attachment-absent"]
