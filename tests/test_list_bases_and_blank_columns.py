"""Shares of a list closed by its own total, and text tables whose zeros are printed blank.

- "一般公共预算支出主要用于…。其中：A a，占x%；…；E e，占y%。合计T。": the shares are of T, the list's whole
  (its items add up to it), not of the first item or of a figure from the lines above.
- A table's number and title set apart by spaces ("表2  收入决算表") are the title, not the table's first row.
- Headings right of every column with figures head columns blank in every row (zeros printed blank), so
  the table is read and its totals checked.
- A project name a listing gives several amounts (each unit's item of that name) is no one project's.
"""

from __future__ import annotations

from pathlib import Path

from test_unseen_shapes import _check

from budgetdoc.analysis import analyse
from budgetdoc.load import load

# Checked by hand: 2086.10 + 191.74 + 513.89 + 155.66 + 168.42 = 3115.81; 2086.10 / 3115.81 = 66.952%,
# 191.74 / 3115.81 = 6.154%, 513.89 / 3115.81 = 16.493%, 155.66 / 3115.81 = 4.996%, 168.42 / 3115.81 = 5.405%.
SHARES = ("2025年部门预算\n（四）一般公共预算支出情况\n"
          "按支出功能分类，一般公共预算支出主要用于一般公共服务支出、资源勘探工业信息等支出、社会保障和就业支出、"
          "卫生健康支出及住房保障支出。其中：一般公共服务支出（类）2086.10万元，占66.95%；资源勘探工业信息等支出（类）"
          "191.74万元，占6.15%；社会保障和就业支出（类）513.89万元，占{social}；卫生健康支出（类）155.66万元，占5.00%；"
          "住房保障支出（类）168.42万元，占5.41%。合计3115.81万元。\n")


def test_shares_of_the_total_that_closes_their_list(tmp_path: Path) -> None:
    ok = _check(tmp_path, "ok.txt", SHARES.format(social="16.49%"))
    assert not [f for f in ok.findings if f.rule == "share"]
    bad = _check(tmp_path, "bad.txt", SHARES.format(social="13.50%"))
    [f] = [f for f in bad.findings if f.rule == "share"]
    # The four other items' shares are right of 3115.81, so the list's whole is certain: an error.
    assert (f.severity, f.stated, f.expected) == ("error", "13.50%", "16.49%")
    assert "3115.81" in f.message


def test_a_list_without_its_closing_total_stays_a_warning(tmp_path: Path) -> None:
    text = SHARES.format(social="13.50%").replace("合计3115.81万元。", "")
    shares = [f for f in _check(tmp_path, "t.txt", text).findings if f.rule == "share"]
    # Without the list's whole its base is a guess: never an error (the list is found by its odd share only
    # as one of the warnings whose base was guessed).
    assert shares and {f.severity for f in shares} == {"warning"} and "13.50%" in {f.stated for f in shares}


# A final's 收入决算表 laid out as a PDF-to-text tool keeps it: the table number and title two spaces apart
# right above the heading (the unit in the heading cells), zeros printed blank, so only the first two of the
# seven figure columns hold figures. From seed 002's classes: 281.99 + 50.78 = 332.77.
INCOME = """2020年度部门决算
            表2  2020年度收入决算表
科目编码   科目名称                本年收入合计（万元）   财政拨款收入（万元）   上级补助收入（万元）   事业收入（万元）   其他收入（万元）
           合计                                 {total}                 332.77
201        一般公共服务支出                     281.99                 281.99
20103      政府办公厅（室）及相关机构事务       281.99                 281.99
221        住房保障支出                          50.78                  50.78
22102      住房改革支出                          50.78                  50.78
"""


def test_title_apart_and_columns_blank_in_every_row(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(INCOME.format(total="332.77"), encoding="utf-8")
    [t] = analyse(load(tmp_path / "t.txt")).tables
    assert "收入决算表" in t.title
    names = [c.name for c in t.columns.values()]
    assert names[2:4] == ["本年收入合计", "财政拨款收入"] and len(names) == 7  # the unit is the table's
    assert [r.name for r in t.rows] == ["合计", "一般公共服务支出", "政府办公厅(室)及相关机构事务", "住房保障支出",
                                        "住房改革支出"]
    assert not [f for f in _check(tmp_path, "ok.txt", INCOME.format(total="332.77")).findings if f.severity == "error"]
    bad = _check(tmp_path, "bad.txt", INCOME.format(total="342.77"))
    assert any(f.severity == "error" and f.stated.startswith("342.77") for f in bad.findings)


# A 专项业务经费表 whose pages the reader takes as separate tables: the first is the project table (its 项目简介
# column blank), the next ones, without title or heading, list the other units' items, each unit with an item
# named 其他履职尽责专项业务费 and its own amount.
PROJECTS = """2022年部门预算
项目支出表
单位：万元
单位编码\t单位（项目）名称\t项目金额\t项目简介
\t合计\t300.00\t
252001\t市生态环境局\t150.00\t
\t其他履职尽责专项业务费\t150.00\t

252002\t市环境监测站\t85.00
\t其他履职尽责专项业务费\t85.00

252003\t市环境监理处\t65.00
\t其他履职尽责专项业务费\t40.00
\t执法装备购置项目\t25.00
"""


def test_a_name_listed_with_several_amounts_is_no_one_project(tmp_path: Path) -> None:
    r = _check(tmp_path, "p.txt", PROJECTS)
    assert not [f for f in r.findings if f.rule == "project-amount"]


# The same with the blank columns among the filled ones (上年结转 and 政府性基金 printed blank), in 元 with
# thousands separators: 2,819,900.00 + 507,800.00 = 3,327,700.00.
INCOME_BETWEEN = """2020年部门预算
            附表2：部门收入总表
                                                  单位: 元
科目编码   科目名称                     合计           上年结转   一般公共预算拨款收入   政府性基金预算拨款收入   事业收入
           合计                         {total}                       2,819,900.00                              507,800.00
     201   一般公共服务支出             2,819,900.00                      2,819,900.00
   20103   政府办公厅（室）及相关机构   2,819,900.00                      2,819,900.00
     221   住房保障支出                   507,800.00                                                                507,800.00
"""


def test_blank_columns_between_the_filled_ones(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(INCOME_BETWEEN.format(total="3,327,700.00"), encoding="utf-8")
    [t] = analyse(load(tmp_path / "t.txt")).tables
    names = [c.name for c in t.columns.values()]
    assert names[2:] == ["合计", "上年结转", "一般公共预算拨款收入", "政府性基金预算拨款收入", "事业收入"]
    housing = next(r for r in t.rows if r.code == "221")
    assert {t.columns[i].name: str(v.value) for i, v in housing.values.items()} == {"合计": "507800.00",
                                                                                 "事业收入": "507800.00"}
    # A 合计 short of its classes (a 合计 above them may stand over rows a page lost; one below may not).
    bad = _check(tmp_path, "bad.txt", INCOME_BETWEEN.format(total="3,227,700.00"))
    assert any(f.severity == "error" and f.stated == "3,227,700.00" for f in bad.findings)


# A 基本支出表 set as two halves side by side, a line naming each half (人员经费 … 公用经费) over the line that
# names the columns: 72.52 + 144.03 = 216.55; 10.00 + 20.00 = 30.00.
BASIC_HALVES = """2020年部门预算
            表6  一般公共预算基本支出表
                                                  单位：万元
人员经费                                                       公用经费
经济分类科目编码   科目名称                     金额           经济分类科目编码   科目名称             金额
             301   工资福利支出                   216.55                302   商品和服务支出          30.00
           30101   基本工资                        {basic}              30201   办公费                  10.00
           30102   津贴补贴                       144.03              30202   印刷费                  20.00
"""


def test_a_line_naming_halves_over_the_heading(tmp_path: Path) -> None:
    (tmp_path / "t.txt").write_text(BASIC_HALVES.format(basic="72.52"), encoding="utf-8")
    tables = analyse(load(tmp_path / "t.txt")).tables
    rows = {r.name: str(next(iter(r.values.values())).value) for t in tables for r in t.rows if r.values}
    assert rows == {"工资福利支出": "216.55", "基本工资": "72.52", "津贴补贴": "144.03", "商品和服务支出": "30.00",
                    "办公费": "10.00", "印刷费": "20.00"}
    assert not [f for f in _check(tmp_path, "ok.txt", BASIC_HALVES.format(basic="72.52")).findings
                if f.severity == "error"]
    bad = _check(tmp_path, "bad.txt", BASIC_HALVES.format(basic="82.52"))
    assert any(f.rule == "table-hierarchy" and f.severity == "error" for f in bad.findings)
