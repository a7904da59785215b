"""The disclosure verdict (presentation.py) on real files: the hand classification of the corpus
(tests/corpus_kinds.py), fragments of a disclosure, and the reader note that says why.

All non-disclosures of the corpus are checked except the one scanned PDF (OCR of 19 pages, ~1 min); of the
disclosures, every city's and every layout's (a budget, a 2019 final account, a unit budget whose figures
are in its tables, a 2015 explanation on a web page, tables-only parts) — the rest of the 50 take minutes.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS
from corpus_kinds import KINDS

from budgetdoc.check import check, check_parts

SHARED = SEEDS.parent
CORPUS = SHARED / "corpus"
SLOW = {"021_泉州/商务局_2026年部门预算.pdf"}  # scanned: 19 pages of OCR
DISCLOSURES = [
    "001_上海/2026年上海市审计局_部门预算.pdf",
    "001_上海/2026年上海市政府办公厅_部门预算.pdf",  # a unit budget whose figures are in its tables
    "004_重庆/2026年重庆市气象局部门预算.pdf",
    "006_苏州/2026年苏州市审计局部门预算.pdf",
    "016_郑州/规划和自然资源局_2026年部门预算.html",  # a 2015 explanation on a web page, few figures
    "021_泉州/2026年泉州市人民政府办公室部门预算.pdf",
    "022_佛山/2026年佛山市交通运输局部门预算.pdf",  # a 2019 final account
    "077_珠海/2026年珠海市商务局部门预算.pdf",
    "079_湖州/2026年湖州市退役军人事务局部门预算.pdf",
]
NOT_DISCLOSURES = sorted(f for f, (kind, _) in KINDS.items() if not kind and f not in SLOW)


def test_classification_covers_the_corpus() -> None:
    files = {str(f.relative_to(CORPUS)) for f in CORPUS.rglob("*") if f.suffix in (".pdf", ".html")}
    if not files:
        pytest.skip("corpus not present")
    # Every readable file classified by hand; the one left out is unreadable (a PDF saved as text).
    assert files - set(KINDS) == {"016_郑州/城市管理和综合执法局_2026年部门预算.html"}
    assert sum(kind for kind, _ in KINDS.values()) == 50


@pytest.mark.parametrize("name", DISCLOSURES)
def test_disclosures_are_checked(name: str) -> None:
    path = CORPUS / name
    if not path.exists():
        pytest.skip("corpus not present")
    assert KINDS[name][0] is True
    r = check(path)
    assert r.disclosure, r.warnings


def test_non_disclosures_are_said(tmp_path: Path) -> None:
    if not CORPUS.exists():
        pytest.skip("corpus not present")
    called = {}
    for name in NOT_DISCLOSURES:
        r = check(CORPUS / name)
        called[name] = (r.disclosure, r.findings, [w for w in r.warnings if w.startswith("不是部门预算/决算公开文件")])
    wrong = [n for n, (disc, _, _) in called.items() if disc]
    assert wrong == []
    assert all(findings == [] and len(notes) == 1 for _, findings, notes in called.values())
    # The note says why: a page linking the file, or no substance (with the evidence counted).
    note = called["023_南通/政府办公厅_2026年部门预算.html"][2][0]
    assert "链接公开文件（附件）" in note and "有金额的标准数项0项" in note
    assert "文件中没有文字" in called["011_宁波/规划和自然资源局_2026年部门预算.html"][2][0]


def test_tables_part_alone_is_a_disclosure() -> None:
    real = SHARED / "real"
    tables = real / "jiangsu-shengweibangongting-2018-budget-tables.pdf"
    text = real / "jiangsu-shengweibangongting-2018-budget-text.pdf"
    if not tables.exists():
        pytest.skip("real documents not present")
    r = check(tables)
    assert r.disclosure and r.metadata.year == 2018 and r.metadata.kind == "budget"
    assert check(text).disclosure and check_parts([text, tables]).disclosure


@pytest.mark.parametrize(("text", "disclosure"), [
    # a paragraph of a disclosure: an amount in the accounts' words
    ("与2019年相比，收、支总计各增加17.05万元，增长4.43%。\n", True),
    # a figure in the accounts' words that is not an amount
    ("公务用车保有量为3辆。\n", True),
    # the report's title over one of its parts, whose tables are "see the attachment"
    ("某某区政务服务局2020年度部门决算\n第二部分 2020年度部门决算表（详见附件）\n", True),
    # a title alone
    ("2020年度部门决算\n", True),
    # the figures of another subject
    ("2026年1—2月泉州市国民经济主要指标\n四、地方一般公共预算收入 -9.3\n", False),
    # notices that only link the disclosure
    ("关于公开2026年部门预算的说明，详见附件。\n", False),
    ("关于公开2026年部门预算的说明\n附件：2026年部门预算.pdf\n", False),
    # a listing of links titled like a disclosure: the words, no figures
    ("首页 > 政务公开 > 预算公开\n2026年部门预算\n2025年部门决算\n2026年单位预算\n", False),
])
def test_fragments(tmp_path: Path, text: str, disclosure: bool) -> None:
    f = tmp_path / "x.txt"
    f.write_text(text, encoding="utf-8")
    assert check(f).disclosure is disclosure


def test_report_on_another_subject_with_budget_figures(tmp_path: Path) -> None:
    body = ("一、项目概况\n本单位2020年度收入总计100.00万元。\n本单位2020年度支出总计90.00万元。\n"
            "基本支出50.00万元，项目支出40.00万元。\n")
    report = tmp_path / "report.txt"
    report.write_text("某某区教育局2020年度项目支出绩效评价报告\n" + body, encoding="utf-8")
    r = check(report)
    assert not r.disclosure and "首行表明这是另一类文件（「某某区教育局2020年度项目支出绩效评价报告」）" in r.warnings[-1]
    disclosure = tmp_path / "disclosure.txt"  # the same figures under a disclosure's title
    disclosure.write_text("某某区教育局2020年度部门决算\n" + body, encoding="utf-8")
    assert check(disclosure).disclosure
