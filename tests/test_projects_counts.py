"""The rules of projects.py, counts.py and the department-wide performance table (performance.py) on the
documents that showed each class (gold.json), and count claims in the ledger."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _file(name: str) -> Path:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return path


def _errors(path: Path, rule: str) -> list[tuple[int | None, str | None]]:
    return sorted((f.evidence[0].loc.page, f.stated) for f in check(path).findings
                  if f.rule == rule and f.severity == "error")


@pytest.mark.parametrize(("name", "page", "stated", "tokens"), [
    # 资金总额 8200.95 and 项目支出 2285.57 match no scope of the budget tables (15184.81 / 9269.43).
    ("021_泉州/2026年泉州市人民政府办公室部门预算.pdf", 37, "8200.95", ("8200.95", "2285.57", "15184.81")),
    # 81562.56 and 52047.74: both 356.00 above 81206.56 and 51691.74.
    ("021_泉州/2026年泉州市公安局部门预算.pdf", 52, "81562.56", ("81562.56", "52047.74", "51691.74")),
])
def test_dept_funds_against_budget_tables(name: str, page: int, stated: str, tokens: tuple[str, ...]) -> None:
    r = check(_file(name))
    found = [f for f in r.findings if f.rule == "performance-dept-funds"]
    assert [(f.evidence[0].loc.page, f.stated) for f in found] == [(page, stated)]
    assert all(t in found[0].message for t in tokens)


def test_key_projects_against_project_table() -> None:
    path = _file("077_珠海/2026年珠海市商务局部门预算.pdf")
    # 7672.25 against 7,672.50 (p24) and 175 against 234.48 (p25); the other 21 key projects agree.
    assert _errors(path, "project-amount") == [(33, "7672.25"), (34, "175")]


def test_share_target_above_100() -> None:
    path = _file("021_泉州/2026年泉州市公安局部门预算.pdf")
    r = check(path)
    found = [f for f in r.findings if f.rule == "performance-share-target"]
    # =1100% and ≥1100% (验收合格率, 群众满意度) on pp40-44: one error with its ten places; a cap (≤1100%) is
    # always met: a warning, not an error.
    errors = [f for f in found if f.severity == "error"]
    assert [(f.stated, len(f.evidence)) for f in errors] == [("1100%", 10)]
    assert {e.loc.page for e in errors[0].evidence} == {40, 41, 42, 43, 44}
    caps = [f for f in found if f.severity == "warning"]
    assert caps and all("≤1100%" in e.quote for f in caps for e in f.evidence)


@pytest.mark.parametrize(("name", "page", "stated"), [
    ("001_上海/2026年上海市交通运输局_部门预算.pdf", 4, "30个"),  # 30 内设机构 named after it
    ("001_上海/2026年上海市交通运输局_部门预算.pdf", 21, "12辆"),  # 0+…+3+0+9 vehicles
    ("001_上海/2026年上海市审计局_部门预算.pdf", 4, "20个"),
])
def test_count_claims_verified(name: str, page: int, stated: str) -> None:
    r = check(_file(name))
    counts = [c for c in r.claims if c.kind == "count" and c.evidence.loc.page == page and c.stated == stated]
    assert counts and counts[0].status == "verified", counts


def test_count_breakdown_over_pdf_lines() -> None:
    # p53 breaks the sentence over four PDF lines (… 特种专业技术用车 9 / 辆 …): 343 = 0 + 53 + 4 + 277 + 9 + 0;
    # 购置车辆 31 = 1 + 1 + 29 (checked by hand against the page).
    r = check(_file("021_泉州/2026年泉州市公安局部门预算.pdf"))
    counts = {c.stated: c for c in r.claims if c.kind == "count" and c.evidence.loc.page == 53}
    assert counts["343辆"].status == "verified" and counts["31辆"].status == "verified"
    assert counts["343辆"].reading is not None and "277 辆" in counts["343辆"].reading.text
    assert counts["277 辆"].status == "verified"


def test_names_listed_after_a_count_joined_by_he() -> None:
    # "下属 12 个二级预算单位,分别是A、B、…、重庆市水利信息中心和重庆市三峡库区工作服务中心": 12 names, the
    # last two joined by 和 (counted by hand).
    path = CORPUS.parent / "real" / "chongqing-municipal-shuiliju-2026-budget.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    counts = [c for c in check(path).claims if c.kind == "count" and c.stated == "12 个"]
    assert [c.status for c in counts] == ["verified"]
    assert "重庆市三峡库区工作服务中心" in (counts[0].reading.text if counts[0].reading else "")


def test_a_classification_code_in_brackets_is_no_count(tmp_path: Path) -> None:
    r = check(_text(tmp_path, "社会保障和就业支出（208类）行政事业单位养老支出（05款）其他行政事业单位养老支出（99项）"
                              "预算为12.00万元。"))
    assert not [c for c in r.claims if c.kind == "count"]


def _text(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "doc.txt"
    p.write_text("2026年部门预算收入支出总计384.49万元。\n" + text + "\n", encoding="utf-8")
    return p


def test_count_claims_in_ledger_order(tmp_path: Path) -> None:
    r = check(_text(tmp_path, "本部门共有车辆12辆，其中：一般公务用车3辆、其他用车9辆。\n"
                              "单价50万元以上设备6台，其中100万元以上9台。\n"
                              "实有人员72人，其中女性40人，中共党员50人。\n"
                              "本部门设3个内设机构，包括：办公室、财务处。"))
    counts = [(c.stated, c.status) for c in r.claims if c.kind == "count"]
    assert counts == [("12辆", "verified"), ("3辆", "verified"), ("9辆", "verified"),
                      ("6台", "contradicted"), ("9台", "unverified"),
                      ("72人", "unverified"), ("40人", "unverified"), ("50人", "unverified"),
                      ("3个", "unverified")]
    assert [f.stated for f in r.findings if f.rule == "count-breakdown"] == ["6台"]


def test_item_restated_copied_from_previous(tmp_path: Path) -> None:
    r = check(_text(tmp_path, "（一）信息系统运维项目421.25万元。主要用于系统运维，2026年预算安排421.25万元。\n"
                              "（二）档案数字化项目200.63万元。主要用于档案数字化，预算安排421.25万元。"))
    found = [f for f in r.findings if f.rule == "item-restated-amount"]
    assert len(found) == 1 and "上一项目" in found[0].message and found[0].expected == "200.63万元"


def test_project_text_citing_several_projects(tmp_path: Path) -> None:
    """A project's text that cites the total of a run of projects (105 = 30 + 35 + 40) for one of them."""
    r = check(_text(tmp_path, "部门预算项目支出表\n单位：万元\n项目名称\t合计\t财政拨款\n合计\t105.00\t105.00\n"
                              "社区矫正信息化运维\t30.00\t30.00\n法律援助案件补贴经费\t35.00\t35.00\n"
                              "人民调解员以案定补经费\t40.00\t40.00\n"
                              "社区矫正信息化运维项目，申请105万元，用于系统运维。"))
    found = [f for f in r.findings if f.rule == "project-amount"]
    assert len(found) == 1 and "3个项目之和" in found[0].message, [f.message for f in found]
