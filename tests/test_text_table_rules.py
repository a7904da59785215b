"""Text tables as word processors and fixed-width exports print them: a rule of dashes under the heading,
bars between cells ("A | B | C") lined up, a cell over two of the others' columns ("合计 | 332.77" under
"科目编码 | 科目名称 | 合计"), and labels wrapped in their cells, their rest on a line of its own. Built
from a seed's 一般公共预算财政拨款支出决算表 (tests/test_tables.py TABLE)."""

from __future__ import annotations

from pathlib import Path

from test_tables import TABLE
from test_unseen_shapes import _check

from budgetdoc.analysis import analyse
from budgetdoc.load import load

CODE_W, NAME_W, NUM_W = 10, 16, 12


def _bar_table(rows: list[list[str]]) -> str:
    """The table with bars lined up: the name cut at 8 characters, its rest on the next line (blank code
    cell); the 合计 row's label over the code and name columns; a rule under the heading."""
    def pad(text: str, width: int, right: bool = False) -> str:  # to a printed width (Chinese: two columns)
        fill = " " * (width - sum(2 if ord(ch) > 127 else 1 for ch in text))
        return fill + text if right else text + fill

    def line(code: str, name: str, nums: list[str]) -> str:
        return pad(code, CODE_W) + "| " + pad(name, NAME_W) + " | " + " | ".join(pad(n, NUM_W, True) for n in nums)
    out = [line(*TABLE[0][:2], TABLE[0][2:]), "-" * 70]
    for code, name, *nums in rows[1:]:
        if not code:  # 合计: one cell over 科目编码 and 科目名称
            # (its bar where the others' second bar stands: code, "| ", name, " ")
            out.append(pad(name, CODE_W + 2 + NAME_W + 1) + "| " + " | ".join(pad(n, NUM_W, True) for n in nums))
            continue
        out.append(line(code, name[:8], nums))
        if name[8:]:
            out.append(line("", name[8:], ["", "", ""]))
    return "\n".join(out)


def _doc(table: str) -> str:
    return f"2020年度部门决算\n一般公共预算财政拨款支出决算表\n单位：万元\n{table}\n"


def test_bar_table_with_spans_rules_and_wrapped_labels(tmp_path: Path) -> None:
    text = _doc(_bar_table(TABLE))
    assert "| 政府办公厅（室）" in text and "\n          | 及相关机构事务" in text  # the label's rest on its own line
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    [t] = analyse(load(tmp_path / "t.txt")).tables
    assert [c.name for c in t.columns.values()] == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    total = t.rows[0]
    assert total.name == "合计" and {t.columns[i].name: str(v.value) for i, v in total.values.items()} == \
        {"合计": "332.77", "基本支出": "221.27", "项目支出": "111.50"}
    assert next(r for r in t.rows if r.code == "20103").name == "政府办公厅(室)及相关机构事务"
    assert not [f for f in _check(tmp_path, "clean.txt", text).findings if f.severity == "error"]

    bad = [row[:] for row in TABLE]
    bad[4][2] = "87.74"  # 行政运行: its 款 20103 (281.99) ≠ 87.74 + 111.50 + 92.75 = 291.99
    f = next(f for f in _check(tmp_path, "bad.txt", _doc(_bar_table(bad))).findings if f.rule == "table-hierarchy")
    assert (f.stated, f.expected) == ("87.74", "77.74") and "2010301" in f.evidence[0].quote


SUMMARY = """2024年部门收支总表
单位：万元
                   收入                                          支出
           项目                 预算数                   项目                   预算数
------------------------------------------------------------------------------------------
一、一般公共预算拨款收入           3115.81  一、一般公共服务支出                   2145.84
二、事业收入                         23.90  二、社会保障和就业支出                  513.89
三、其他收入                         21.51  三、住房保障支出                        515.82
本年收入合计                       3161.22  本年支出合计                           3175.55
上年结转                             14.33
收入总计                           {total}  支出总计                               3175.55
"""


def test_rule_under_an_aligned_heading_stays_in_the_table(tmp_path: Path) -> None:
    """A rule of dashes between the heading and the rows of a table laid out with spaces: the heading is
    still the table's (its 收入 | 支出 sides and 预算数 columns), so 收入总计 is checked against its items:
    3161.22 + 14.33 = 3175.55, so 3177.95 is wrong."""
    ok = _check(tmp_path, "ok.txt", SUMMARY.format(total="3175.55"))
    assert not [f for f in ok.findings if f.severity == "error"]
    r = _check(tmp_path, "bad.txt", SUMMARY.format(total="3177.95"))
    assert any(f.rule == "table-identity" and "收入总计" in f.message and f.stated.startswith("3177.95")
               for f in r.findings if f.severity == "error")


# A 项目支出表 as a word processor's fixed-width export prints it (blind11's text, its first page, the 合计
# made that page's: 79.10 + 9.81 + 74.94 + 88.85 + 75.26 + 63.13 + 22.61 = 413.70, 财政拨款 311.02, 其他资金
# 102.68): headings centred over right-aligned figures ("合计" ends where its column's figures start), a rule
# under them, and labels wrapped downward (the rest of a name on the line under its row).
PROJECT_TEXT = """2025年项目支出表
单位：万元
        项目名称              功能分类科目                          预算数
                                                     合计          财政拨款        其他资金
----------------------------------------------------------------------------------------------
合计                                                    413.70          311.02          102.68
2025年社区矫正对象教育帮  2040605普法宣传                79.10           39.55           39.55
扶工作经费
法律援助案件补贴工作经费  2040605普法宣传                 9.81            9.81            0.00
行政复议和行政应诉专项项  2040605普法宣传                74.94           74.94            0.00
目
2025年法治宣传教育“八五”  2040610社区矫正                88.85           88.85            0.00
普法项目
公共法律服务中心运行保障  2040610社区矫正                75.26           75.26            0.00
经费
2025年人民调解员以案定补  2040607公共法律服务            63.13            0.00           63.13
运行经费
法治政府建设示范创建运行  2040699其他司法支出            22.61           22.61            0.00
经费
"""


def test_fixed_width_project_table_labels_wrapped_downward(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PROJECT_TEXT, encoding="utf-8")
    [t] = analyse(load(tmp_path / "p.txt")).tables
    assert [c.name for c in t.columns.values()][2:] == ["合计", "财政拨款", "其他资金"]
    names = [r.name for r in t.rows]
    assert names[:3] == ["合计", "2025年社区矫正对象教育帮扶工作经费", "法律援助案件补贴工作经费"]
    assert len(names) == 8 and "法治政府建设示范创建运行经费" in names
    assert not [f for f in _check(tmp_path, "ok.txt", PROJECT_TEXT).findings if f.severity == "error"]
    bad = PROJECT_TEXT.replace(" 413.70", " 423.70")
    f = next(f for f in _check(tmp_path, "bad.txt", bad).findings if f.rule == "table-hierarchy")
    assert f.stated.startswith("423.70") and "413.70" in f.message


# blind11's text again, in 元, its first page's 合计 made that page's (242,000 + 782,008 + 596,143 + 903,600 +
# 419,717 + 1,094,052 = 4,037,520; 财政拨款 3,496,803, 其他资金 121,000 + 419,717 = 540,717): every row leaves
# 财政拨款 or 其他资金 blank, so no row has a cell in each of the five columns, and both the name and the
# 功能分类科目 wrap onto the line under the row.
PROJECT_TEXT_YUAN = """2024年项目支出表
单位：元
      项目名称            功能分类科目                          预算数
                                                 合计          财政拨款        其他资金
------------------------------------------------------------------------------------------
合计                                          4,037,520.00    3,496,803.00      540,717.00
市场秩序综合执法专项  2013805市场秩序执法       242,000.00      121,000.00      121,000.00
行动运行经费
药品医疗器械化妆品不  2013812药品事务           782,008.00      782,008.00
良反应监测项目
2024年知识产权保护和  2013816食品安全监管       596,143.00      596,143.00
商标品牌培育专项经费
消费者权益保护及投诉  2013899其他市场监督       903,600.00      903,600.00
举报处置项目          管理事务支出
特种设备安全监管及隐  2013812药品事务           419,717.00                      419,717.00
患排查补助资金
市场主体信用监管平台  2013899其他市场监督     1,094,052.00    1,094,052.00
运行维护专项经费      管理事务支出

"""


def test_columns_named_by_one_heading_line_though_no_row_fills_them_all(tmp_path: Path) -> None:
    (tmp_path / "p.txt").write_text(PROJECT_TEXT_YUAN, encoding="utf-8")
    [t] = analyse(load(tmp_path / "p.txt")).tables
    assert [c.name for c in t.columns.values()][2:] == ["合计", "财政拨款", "其他资金"]
    row = next(r for r in t.rows if r.name.startswith("消费者"))
    assert (row.name, row.cells[1].text) == ("消费者权益保护及投诉举报处置项目", "2013899其他市场监督管理事务支出")
    assert {t.columns[i].name: str(v.value) for i, v in row.values.items()} == {"合计": "903600.00", "财政拨款": "903600.00"}
    assert len(t.rows) == 7
    assert not [f for f in _check(tmp_path, "ok.txt", PROJECT_TEXT_YUAN).findings if f.severity == "error"]
