"""Cross-document checks: small documents written for the purpose (each figure chosen by hand against
seed 001, the 2023 final accounts of 科尔沁左翼中旗政务服务局), and the real Jiangsu series."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import select
from sqlalchemy.orm import Session
from store_support import REAL, SEEDS, db_url_fixture, need  # noqa: F401  (the db_url fixture)

from budgetdoc.store import open_db
from budgetdoc.store.crossdoc import catalogue, stated_interval
from budgetdoc.store.ingest import ingest
from budgetdoc.store.models import Document, FindingRow
from budgetdoc.store.queries import compare

DEPT = "科尔沁左翼中旗政务服务局"

# Seed 001 (2023 final) states: 收入总计 with 上年决算 795.72万元 (income.total.prev), 年初预算 354.72万元
# (income.total.budget), 年初结转和结余 0.95万元 (income.carryover_begin).
FINAL_2022 = """2022 年度{dept}(部门)决算公开文档

部门名称: {dept}(部门)

一、收入支出决算总体情况说明

{dept}(部门)2022年度收入、支出决算总计{total}万元。

(一) 收入决算总计{total}万元。包括:

1.本年收入决算合计{income}万元。

2.年初结转和结余0.83万元。

(二) 支出决算总计{total}万元。包括:

1.本年支出决算合计{expense}万元。

2.年末结转和结余{end}万元。
"""

BUDGET = """{dept}{year}年部门预算公开

一、收支预算总体情况说明

{dept}{year}年收入总计{total}万元，支出总计{total}万元。

二、收入预算情况说明

本年收入合计{total}万元。
"""


def final_2022(total="795.72", income="794.89", expense="794.77", end="0.95", dept=DEPT) -> str:
    return FINAL_2022.format(dept=dept, total=total, income=income, expense=expense, end=end)


def _corpus(tmp_path: Path, files: dict[str, str]) -> Path:
    d = tmp_path / "corpus"
    d.mkdir(exist_ok=True)
    shutil.copy(need(SEEDS / "001_17aaca51ade6ba7f.txt"), d / "seed-2023-final.txt")
    for name, text in files.items():
        (d / name).write_text(text, encoding="utf-8")
    return d


def _cross(url: str) -> list[FindingRow]:
    engine = open_db(url)
    with Session(engine) as s:
        rows = list(s.scalars(select(FindingRow).where(FindingRow.origin == "cross-document")
                              .order_by(FindingRow.rule, FindingRow.id)))
        years = {d.id: (d.year, d.kind) for d in s.scalars(select(Document))}
    engine.dispose()
    for r in rows:
        r.doc = years[r.document_id]
    return rows


def test_consistent_documents_give_no_finding(db_url, tmp_path):
    corpus = _corpus(tmp_path, {"2022-final.txt": final_2022(),
                                "2023-budget.txt": BUDGET.format(dept=DEPT, year=2023, total="354.72")})
    engine = open_db(db_url)
    report = ingest(engine, [corpus], jobs=1, progress=False)
    engine.dispose()
    assert len(report.stored) == 3 and report.crossdoc_findings == 0
    assert _cross(db_url) == []


def test_inconsistent_documents(db_url, tmp_path):
    # 2022 as published: 收入总计 800.72 (2023 quotes 795.72), 年末结转 1.20 (2023 starts with 0.95);
    # the 2023 budget says 360.00 where the 2023 final quotes a 年初预算 of 354.72.
    corpus = _corpus(tmp_path, {
        "2022-final.txt": final_2022(total="800.72", income="799.89", expense="799.52", end="1.20"),
        "2023-budget.txt": BUDGET.format(dept=DEPT, year=2023, total="360.00")})
    engine = open_db(db_url)
    ingest(engine, [corpus], jobs=1, progress=False)
    engine.dispose()
    found = {(f.rule, f.stated, f.expected): f for f in _cross(db_url)}
    assert set(found) == {
        ("carryover-across-years", "0.95万元", "1.20万元"),
        ("prior-year-quoted", "795.72万元", "800.72万元"),
        ("budget-vs-final", "354.72万元", "360.00万元"),
    }
    carry = found[("carryover-across-years", "0.95万元", "1.20万元")]
    assert carry.severity == "error" and carry.doc == (2023, "final")  # stored against the later document
    assert carry.message == ("2023年决算的年初结转和结余为0.95万元，2022年决算的年末结转和结余为1.20万元，"
                             "相差0.25万元（按各自的舍入位数仍不相符）。")
    ev_this, ev_last = carry.evidence
    assert ev_this["file"] == "seed-2023-final.txt" and ev_this["line"] == 155 and ev_this["quote"] == "0.95万元"
    assert ev_last["file"] == "2022-final.txt" and ev_last["line"] == 19 and ev_last["quote"] == "1.20万元"
    assert (ev_this["year"], ev_last["year"]) == (2023, 2022)
    prior = found[("prior-year-quoted", "795.72万元", "800.72万元")]
    assert prior.severity == "warning" and prior.message.startswith(
        "2023年决算引用的收入总计上年数为795.72万元，2022年决算的收入总计为800.72万元，相差5.00万元")
    budget = found[("budget-vs-final", "354.72万元", "360.00万元")]
    assert budget.severity == "warning" and budget.doc == (2023, "final")
    assert {e["kind"] for e in budget.evidence} == {"final", "budget"}


@pytest.mark.parametrize(("end", "expected"), [
    ("1", None),            # 1万元 means 0.5–1.5万元: 0.95 fits
    ("0.9", None),          # 0.85–0.95: 0.95 fits (the edge counts)
    ("0.96", None),         # 0.955–0.965 touches 0.945–0.955: both can be right
    ("0.960", "warning"),   # 0.9595–0.9605: 0.95 misses it by 0.0095, within a unit of its last digit
    ("0.97", "error"),      # 0.965–0.975: 0.95 misses it by 0.015
])
def test_rounding_intervals(tmp_path, end, expected):
    income = {"1": "794.72", "0.9": "794.82", "0.96": "794.76", "0.960": "794.76", "0.97": "794.75"}[end]
    corpus = _corpus(tmp_path, {"2022-final.txt": final_2022(expense=income, end=end)})
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    ingest(engine, [corpus], jobs=1, progress=False)
    engine.dispose()
    carry = [f for f in _cross(url) if f.rule == "carryover-across-years"]
    assert [f.severity for f in carry] == ([expected] if expected else [])


def test_other_department_or_kind_is_not_compared(tmp_path):
    corpus = _corpus(tmp_path, {
        "other-2022-final.txt": final_2022(total="800.72", income="799.89", expense="799.52", end="1.20",
                                           dept="科尔沁左翼中旗财政局"),
        "2022-budget.txt": BUDGET.format(dept=DEPT, year=2022, total="900.00")})
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    ingest(engine, [corpus], jobs=1, progress=False)
    engine.dispose()
    assert _cross(url) == []


def test_missing_year(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    for year, total in ((2017, "100.00"), (2019, "120.00"), (2020, "130.00")):
        (corpus / f"{year}.txt").write_text(BUDGET.format(dept="江苏省测试厅", year=year, total=total), encoding="utf-8")
    url = str(tmp_path / "s.db")
    engine = open_db(url)
    ingest(engine, [corpus], jobs=1, progress=False)
    engine.dispose()
    (f,) = _cross(url)
    assert (f.rule, f.severity, f.expected, f.doc) == ("missing-document", "warning", "2018年部门预算", (2019, "budget"))
    assert "缺少2018年部门预算" in f.message and [e["year"] for e in f.evidence] == [2017, 2019]


def test_config_disables_and_regrades_cross_document_rules(tmp_path):
    """The catalogue's cross-document ids are rule ids like any other: a config may disable one (ingest
    then stores none of its findings) or give it another severity; the same three budgets as above."""
    from budgetdoc.config import ConfigError, parse_config

    corpus = tmp_path / "c"
    corpus.mkdir()
    for year, total in ((2017, "100.00"), (2019, "120.00"), (2020, "130.00")):
        (corpus / f"{year}.txt").write_text(BUDGET.format(dept="江苏省测试厅", year=year, total=total), encoding="utf-8")
    for config, expected in ((parse_config({"disable": ["missing-document"]}), []),
                             (parse_config({"rules": {"missing-document": {"severity": "info"}}}), ["info"])):
        url = str(tmp_path / f"s{len(expected)}.db")
        engine = open_db(url)
        ingest(engine, [corpus], jobs=1, progress=False, config=config)
        engine.dispose()
        assert [f.severity for f in _cross(url)] == expected
    with pytest.raises(ConfigError, match="did you mean 'missing-document'"):
        parse_config({"disable": ["missing-documents"]})


def test_stated_interval():
    assert stated_interval("0.95万元", Decimal("9500")).lo == Decimal("9450")
    assert stated_interval("1,724.62 万元", Decimal("17246200")).hi == Decimal("17246250")
    assert stated_interval("1724", Decimal("1724")) is None  # no unit: nothing is compared
    assert stated_interval("12元", Decimal("13")) is None  # the value is not the text's number


def test_catalogue():
    rules = {r["id"]: r for r in catalogue()}
    assert set(rules) == {"carryover-across-years", "prior-year-quoted", "budget-vs-final", "missing-document"}
    for r in rules.values():
        assert r["category"] == "cross-document" and r["severity"] in ("error", "warning", "info")
        assert r["title"] and r["explanation"] and r["example_bad"] and r["example_good"]
    from budgetdoc.rules import RULES
    some = next(iter(RULES.values())).to_dict()
    assert set(rules["carryover-across-years"]) == set(some)  # the same shape as Rule.to_dict()
    assert not set(rules) & set(RULES)


# --------------------------------------------------------------- the real Jiangsu series (read by hand)

JIANGSU = [
    "jiangsu-shengweibangongting-2017-budget-text.pdf", "jiangsu-shengweibangongting-2017-budget-tables.pdf",
    "jiangsu-shengweibangongting-2018-budget-text.pdf", "jiangsu-shengweibangongting-2018-budget-tables.pdf",
    "jiangsu-shengweibangongting-2019-budget-text.pdf", "jiangsu-shengweibangongting-2019-budget-tables.pdf",
    "jiangsu-provincial-rendachangweihui-bangongting-2017-budget.pdf",
    "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-text.pdf",
    "jiangsu-provincial-rendachangweihui-bangongting-2019-budget-tables.pdf",
    "jiangsu-provincial-zhengxie-bangongting-2018-budget-text.pdf",
    "jiangsu-provincial-zhengxie-bangongting-2018-budget-tables.pdf",
    "jiangsu-zhengxiebangongting-2019-budget.pdf",
]


def test_real_jiangsu_series(db_url, tmp_path):
    """Three departments' budgets over 2017-2019, read by hand (pdftotext):
    - 中共江苏省委办公厅 2017/2018/2019 (text + tables each): 公务接待费预算 28 → 27 ("比上年预算减少1万元",
      2018 p.10) → 27; 收支预算总计 20,849.45 → 24,458.43 ("增加3608.98万元", = the difference).
    - 江苏省政协办公厅 2018 (two files) and 2019 (one file, cover read as 江苏省政协办): 公务接待费 412.50 →
      397.5 ("比上年预算减少15万元", 2019 p.16); 总计 10,150.48 → 13,377.11 ("增加3,226.63万元").
    - 江苏省人大常委会办公厅 2017 (one file; 公务接待费 427.5万元, p.28) and 2019 (two files; 384.75万元):
      no 2018 among the files, so a missing 2018 is the one cross-document finding — when the PDF reader
      can read the 2017 file (its crop box pokes outside the page: older readers refuse it, and then
      nothing is known of 2017 and nothing is missing).
    Budgets state no 上年数/年初预算 facts (.prev/.budget) and no final accounts are here, and the
    budgets' 上年结转 is not compared (an estimate); every quoted change above agrees with last year's
    document. So nothing else may be found."""
    src = tmp_path / "real"
    src.mkdir()
    for name in JIANGSU:
        shutil.copy(need(REAL / name), src / name)
    engine = open_db(db_url)
    report = ingest(engine, [src], jobs=2, progress=False)
    assert len(report.stored) == 7
    assert not report.failed  # the 2017 file's tables reach below its page box: read as a viewer shows it
    with Session(engine) as s:
        docs = sorted((d.department_key, d.year, d.kind, len(d.files)) for d in s.scalars(
            select(Document).where(Document.status == "ok")))
    assert docs == sorted([("江苏省人大常委", 2019, "budget", 2), ("江苏省委", 2017, "budget", 2),
                           ("江苏省委", 2018, "budget", 2), ("江苏省委", 2019, "budget", 2),
                           ("江苏省政协", 2018, "budget", 2), ("江苏省政协", 2019, "budget", 1),
                           ("江苏省人大常委", 2017, "budget", 1)])
    cross = _cross(db_url)
    (missing,) = cross
    assert (missing.rule, missing.severity, missing.expected, missing.doc) == (
        "missing-document", "warning", "2018年部门预算", (2019, "budget"))
    assert [e["year"] for e in missing.evidence] == [2017, 2019]
    assert missing.evidence[0]["file"] == "jiangsu-provincial-rendachangweihui-bangongting-2017-budget.pdf"
    by, rows = compare(engine, "sangong.reception", ["department", "year"])
    table = [(r.group, r.value / 10000, r.change / 10000 if r.change is not None else None, r.growth) for r in rows]
    assert table == [
        (("江苏省人大常委会办公厅", 2017), Decimal("427.5"), None, None),
        (("江苏省人大常委会办公厅", 2019), Decimal("384.75"), None, None),  # 2018 missing: no growth
        (("江苏省委办公厅", 2017), Decimal("28"), None, None),
        (("江苏省委办公厅", 2018), Decimal("27"), Decimal("-1"), Decimal("-3.57")),
        (("江苏省委办公厅", 2019), Decimal("27"), Decimal("0"), Decimal("0.00")),
        (("江苏省政协办公厅", 2018), Decimal("412.5"), None, None),
        (("江苏省政协办公厅", 2019), Decimal("397.5"), Decimal("-15"), Decimal("-3.64")),
    ]
    # 三公经费 is not stated as one figure in these budgets: compare sums 出国 + 车 + 接待 (each stated);
    # the documents' own shares agree: 106 / 675.1 = 15.70% (2018 p.13), 106 / 660.1 = 16.06% (2019 p.15)
    _, sangong = compare(engine, "sangong.total", ["department", "year"], department="政协")
    assert [(r.group[1], r.value / 10000, r.growth, r.derived) for r in sangong] == [
        (2018, Decimal("675.1"), None, 1), (2019, Decimal("660.1"), Decimal("-2.22"), 1)]
    _, totals = compare(engine, "income.total", ["department", "year"], department="江苏省委办公厅")
    assert [(r.group[1], r.value / 10000, r.change / 10000 if r.change is not None else None) for r in totals] == [
        (2017, Decimal("20849.45"), None), (2018, Decimal("24458.43"), Decimal("3608.98")),
        (2019, Decimal("27664.22"), Decimal("3205.79"))]
    engine.dispose()
