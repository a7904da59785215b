"""尾差 (rounding-residue): a total that its parts as printed miss by a unit or two of the last digit is
within rounding (no error), and reviewers still list it (gold.json should items of 湖州市退役军人事务局).
One warning per table, every cell in its evidence; a sum beyond rounding stays an error of the table rules."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_table_structure import _docx_table  # a table in a DOCX (python-docx) under a title and 单位：万元

from budgetdoc import check

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _function_table(class_total: str) -> list[list[str]]:
    # 188.49 + 166.50 + 3,597.17 + 2,087.66 = 6,039.82 (the 款 of 湖州市退役军人事务局's 208).
    return [["科目编码", "科目名称", "合计"],
            ["208", "社会保障和就业支出", class_total],
            ["20805", "行政事业单位养老支出", "188.49"],
            ["20808", "抚恤", "166.50"],
            ["20809", "退役安置", "3,597.17"],
            ["20828", "退役军人管理事务", "2,087.66"]]


def _by_rule(path: Path) -> dict[str, list]:
    out: dict[str, list] = {}
    for f in check(path).findings:
        out.setdefault(f.rule, []).append(f)
    return out


def test_a_class_one_cent_off_its_items_is_a_warning_not_an_error(tmp_path: Path) -> None:
    found = _by_rule(_docx_table(tmp_path / "t.docx", "一般公共预算支出表", _function_table("6,039.81")))
    assert "table-hierarchy" not in found
    [f] = found["rounding-residue"]
    assert f.severity == "warning" and f.stated == "6,039.81" and f.expected == "6,039.82"
    assert "208 社会保障和就业支出" in f.message and "尾差" in f.message


def test_a_balanced_table_has_no_residue(tmp_path: Path) -> None:
    assert "rounding-residue" not in _by_rule(_docx_table(tmp_path / "t.docx", "一般公共预算支出表", _function_table("6,039.82")))


def test_beyond_rounding_is_an_error_and_no_residue(tmp_path: Path) -> None:
    # 6,039.72 is 0.10 under its items (four parts and the total can be off by 0.025 at most). Under, as
    # a table read to its end may miss rows: a total above its rows there says nothing.
    found = _by_rule(_docx_table(tmp_path / "t.docx", "一般公共预算支出表", _function_table("6,039.72")))
    assert [f.severity for f in found["table-hierarchy"]] == ["error"]
    assert "rounding-residue" not in found


def test_the_tables_of_a_real_budget_with_residues() -> None:
    path = SHARED / "corpus/079_湖州/2026年湖州市退役军人事务局部门预算.pdf"
    if not path.exists():
        pytest.skip(f"shared document missing: {path}")
    fs = [f for f in check(path).findings if f.rule == "rounding-residue"]
    assert all(f.severity == "warning" for f in fs)
    pages = {min(e.loc.page for e in f.evidence): f for f in fs}
    # Checked by hand against the PDF (and the reviewer's notes):
    # p19 收入总表: the units 2604.42 + 3011.95 + 316.25 + 175.07 + 148.61 = 6256.30 under the department's 6256.31.
    assert "6,256.30" in pages[19].message
    # p20 支出总表: 208 6039.81 against its 款 6039.82; 行政运行 571.56 against 人员 523.00 + 公用 48.57 = 571.57.
    quotes = " ".join(e.quote for e in pages[20].evidence)
    assert "6039.81" in quotes and "571.56" in quotes and "6,039.82" in pages[20].message
    # p26 基本支出表: 302 商品和服务支出 114.53 against its 15 items, 114.52.
    assert "114.53" in pages[26].message and "114.52" in pages[26].message
    # p31 项目支出表: 合计 4651.90 against its 7 projects, 4651.91.
    assert "4,651.91" in pages[31].message


def _income_rows(total: str) -> list[list[str]]:
    # A 收入总表 whose header cells are set letter-spaced ("科 目", "总 计"), as 重庆's are: the row's 总计
    # is its sources' sum, 39.70 + 16.82 = 56.52 (重庆市气象局 表二, 221 住房保障支出).
    return [["科 目", "", "总 计", "一般公共预算拨款收入", "事业收入"],
            ["科目编码", "科目名称", "", "", ""],
            ["221", "住房保障支出", total, "39.70", "16.82"]]


def test_a_letter_spaced_total_header_is_checked(tmp_path: Path) -> None:
    found = _by_rule(_docx_table(tmp_path / "t.docx", "部门收入总体情况表", _income_rows("56.53")))
    [f] = found["rounding-residue"]
    assert "221 住房保障支出56.53" in f.message and "56.52" in f.message
    found = _by_rule(_docx_table(tmp_path / "u.docx", "部门收入总体情况表", _income_rows("56.83")))
    [e] = found["table-row-total"]
    assert (e.severity, e.stated, e.expected) == ("error", "56.83", "56.52")
