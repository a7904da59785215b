"""Metadata from the content (structure/metadata.py): where a department's name starts and ends, and the
year and kind of titles a PDF split apart. Real corpus files (names checked by hand against the page)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from budgetdoc.analysis import analyse
from budgetdoc.load import load
from budgetdoc.model import Metadata

CORPUS = SEEDS.parent / "corpus"


def meta(name: str) -> Metadata:
    path = CORPUS / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    return analyse(load(path)).meta


@pytest.mark.parametrize(("name", "department"), [
    # "· 2022年度苏州市市场监督管理局法治政府建设工作报告": not 度苏州市…
    ("006_苏州/市场监督管理局_2026年部门预算.html", "苏州市市场监督管理局"),
    ("021_泉州/公安局交通警察局_2026年部门预算.html", "泉州市公安局"),
    # "解读宁波市住房和城乡建设局关于…的通知": not 解读宁波市…
    ("011_宁波/住房和建设局_2026年部门预算.html", "宁波市住房和城乡建设局"),
    # "中共宁波市教育局委员会关于…": the bureau's party committee; the department is the bureau
    ("011_宁波/教育局_2026年部门预算.html", "宁波市教育局"),
    # a party organ keeps 中共
    ("004_重庆/2026年重庆市委宣传部部门预算.pdf", "中共重庆市委宣传部"),
    # "预算单位：上海市统计和大数据研究院（上海市统计数据管理中心）目 录": the 目 of 目录 is not the name's
    ("001_上海/2026年上海市统计局_部门预算.pdf", "上海市统计和大数据研究院（上海市统计数据管理中心）"),
    # "预算单位：上海钻石宝玉石交易联合管理办公室2026年1月": the name ends before the date
    ("001_上海/2026年上海市商务局_部门预算.pdf", "上海钻石宝玉石交易联合管理办公室"),
])
def test_department_bounded(name: str, department: str) -> None:
    assert meta(name).department == department


@pytest.mark.parametrize("name", ["004_重庆/2026年重庆市商务委员会部门预算.pdf", "004_重庆/2026年重庆市气象局部门预算.pdf"])
def test_year_set_apart_from_its_title(name: str) -> None:
    # Page 1 reads "重庆市气象局 年部门预算情况说明" with "2026" on a line of its own.
    m = meta(name)
    assert (m.year, m.kind) == (2026, "budget")


def test_tables_only_file_takes_year_and_kind_from_its_tables(tmp_path: Path) -> None:
    f = tmp_path / "tables.txt"
    f.write_text("单位：万元\n项目\t2025年预算数\t2026年预算数\n收入总计\t100.00\t120.00\n支出总计\t100.00\t120.00\n",
                 encoding="utf-8")
    m = analyse(load(f)).meta
    assert (m.year, m.kind) == (2026, "budget")  # the latest year's column is the report's


def test_part_number_before_a_title_is_not_the_name(tmp_path: Path) -> None:
    f = tmp_path / "x.txt"
    f.write_text("第一部分昆明市人民政府办公室2020年度部门决算\n本部门2020年度收入总计100.00万元。\n", encoding="utf-8")
    m = analyse(load(f)).meta
    assert (m.department, m.year, m.kind) == ("昆明市人民政府办公室", 2020, "final")


def test_tables_without_a_year_still_say_the_kind() -> None:
    # Beijing's tables part: "预算01表 收支总表" … no year and no department anywhere in the file.
    path = SEEDS.parent / "real" / "beijing-municipal-caizhengju-2026-budget-tables.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    m = analyse(load(path)).meta
    assert (m.department, m.year, m.kind) == (None, None, "budget")
