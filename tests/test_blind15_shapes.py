"""Shapes a fifteenth blind generator (bench/blind15: 部门决算 of departments with units, 绩效自评 tables, portal
HTML and text left as a scan read it) showed misread, on documents made here with real libraries:

- a 项目支出/部门整体支出绩效自评表 whose 项目资金（万元） cell spans its money rows: the row's cells sit one
  column left of the header's, so 全年执行数 is found by the grid, not by the cell's place in its row (the 分值
  10 was read as the 资金总额);
- a line cut short of the width by wide digits, whose next line opens with 的 ("…与2024年度" / "的2,034.82万元
  相比，收、支总计各增加477.91万元，增长23.49%"): one sentence, last year's level in it.
"""

from __future__ import annotations

from pathlib import Path

from budgetdoc import check

# 支出决算表: 2,838.55 = 1,900.00 + 938.55 (by hand); the self-evaluation's 全年执行数 states the same.
_HTML = """<html><body><p>某某县司法局2025年度部门决算</p>
<p>2025年度本年支出合计2,838.55万元，其中：基本支出1,900.00万元，项目支出938.55万元。</p>
<p>支出决算表</p><p>单位：万元</p>
<table border="1"><tr><td>科目编码</td><td>科目名称</td><td>本年支出合计</td><td>基本支出</td><td>项目支出</td></tr>
<tr><td></td><td>合计</td><td>2,838.55</td><td>1,900.00</td><td>938.55</td></tr>
<tr><td>204</td><td>公共安全支出</td><td>2,838.55</td><td>1,900.00</td><td>938.55</td></tr></table>
<p>部门整体支出绩效自评表(2025年度)</p>
<table border="1">
<tr><td>部门名称</td><td colspan="7">某某县司法局</td></tr>
<tr><td rowspan="4">年度资金（万元）</td><td>&nbsp;</td><td>年初预算数</td><td>全年预算数</td><td>全年执行数</td>
<td>分值</td><td>执行率</td><td>得分</td></tr>
<tr><td>资金总额</td><td>2,333.94</td><td>2,986.79</td><td>{spent}</td><td>10</td><td>{rate}</td><td>9.50</td></tr>
<tr><td>其中：基本支出</td><td>1,900.00</td><td>1,900.00</td><td>1,900.00</td><td>-</td><td>100.00%</td><td>-</td></tr>
<tr><td>项目支出</td><td>433.94</td><td>1,086.79</td><td>938.55</td><td>-</td><td>86.36%</td><td>-</td></tr>
</table></body></html>"""


def _html(tmp_path: Path, spent: str, rate: str) -> Path:
    p = tmp_path / "a.html"
    p.write_text(_HTML.format(spent=spent, rate=rate), encoding="utf-8")
    return p


def test_a_self_evaluation_whose_first_cell_spans_its_money_rows(tmp_path: Path) -> None:
    # 2,838.55 ÷ 2,986.79 = 95.04% (by hand); 938.55 ÷ 1,086.79 = 86.36%.
    r = check(_html(tmp_path, "2,838.55", "95.04%"))
    assert not [f for f in r.findings if f.rule == "performance-dept-funds"]
    # 2,938.55 spent against the tables' 2,838.55: the 资金总额 is wrong, read from its 全年执行数 column.
    bad = check(_html(tmp_path, "2,938.55", "98.38%"))
    assert [(f.severity, f.stated) for f in bad.findings if f.rule == "performance-dept-funds"] == [("error", "2938.55")]


_PROSE = ("某某县农业农村局2025年度部门决算\n一、收入支出决算总体情况说明\n"
          "2025年度收入总计2,512.73万元，支出总计2,512.73万元。收入总\n"
          "计包括：本年收入合计2,480.96万元，用事业基金弥补收支差额\n"
          "10.77万元，年初结转和结余21.00万元；支出总计包括：本年支\n"
          "出合计2,511.77万元，结余分配0.00万元，年末结转和结余0.97万\n"
          "元。与2024年度\n"
          "的2,034.82万元相比，收、支总计各增加477.91万元，增长{rate}，\n"
          "主要原因是社会保险缴费基数调整，人员经费支出有所增加，同时\n"
          "本年度新增农业产业发展项目资金，项目支出规模较上年有所扩大。\n"
          "二、收入决算情况说明\n"
          "本年收入合计2,480.96万元，其中：一般公共预算财政拨款收入为\n"
          "2,480.96万元，占100.00%；政府性基金预算财政拨款收入为0.00万\n"
          "元，占0.00%；事业收入为0.00万元，占0.00%；其他收入为0.00万\n"
          "元，占0.00%。主要用于保障机构正常运转和完成各项工作任务。\n")


def test_a_line_that_opens_with_de_goes_on_from_the_line_above(tmp_path: Path) -> None:
    # 477.91 ÷ 2,034.82 = 23.49% (by hand): 2,034.82 is 2024's level (2,512.73 − 477.91 = 2,034.82).
    p = tmp_path / "a.txt"
    p.write_text(_PROSE.format(rate="23.49%"), encoding="utf-8")
    r = check(p)
    assert not [f for f in r.findings if f.rule == "growth-rate"]
    assert {c.status for c in r.claims if c.stated == "23.49%"} == {"verified"}
    p.write_text(_PROSE.format(rate="25.49%"), encoding="utf-8")
    bad = check(p)
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("25.49%", "23.49%")]


# Seed 002's 2020 items (by hand): 201 281.99 = 77.74 + 111.50 + 92.75; 208 16.00; 基本 186.49 + 项目 111.50 = 297.99
# = 281.99 + 16.00. The code is printed in the name cell with a dash (208-社会保障和就业支出).
_TABLE = ("某某县政务服务局2026年部门预算\n表5 2026年一般公共预算支出表\n编制单位：某某县政务服务局　　金额单位：万元\n"
          "| 功能分类科目 | 合计 | 基本支出 | 项目支出 |\n"
          "| 201-一般公共服务支出 | 281.99 | 170.49 | 111.50 |\n"
          "| 20103-政府办公厅（室）及相关机构事务 | 281.99 | 170.49 | 111.50 |\n"
          "| 2010301-行政运行 | 77.74 | 77.74 | 0.00 |\n| 2010302-一般行政管理事务 | 111.50 | 0.00 | 111.50 |\n"
          "| 2010350-事业运行 | 92.75 | 92.75 | 0.00 |\n| 208-社会保障和就业支出 | 16.00 | 16.00 | 0.00 |\n"
          "| 20805-行政事业单位养老支出 | 16.00 | 16.00 | 0.00 |\n"
          "| 2080505-机关事业单位基本养老保险缴费支出 | 16.00 | 16.00 | 0.00 |\n"
          "| 合计 | {total} | 186.49 | 111.50 |\n")


def test_a_blank_total_of_a_table_whose_codes_are_in_the_name_cells(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(_TABLE.format(total="297.99"), encoding="utf-8")
    assert not [f for f in check(p).findings if f.severity == "error"]
    p.write_text(_TABLE.format(total=""), encoding="utf-8")
    found = [(f.rule, f.stated, f.expected) for f in check(p).findings if f.severity == "error"]
    assert found == [("table-row-total", "（空白）", "297.99")]
    # A 款 changed (20103 printed 271.99) is found under its 类 once the codes are read: 271.99 ≠ 281.99.
    p.write_text(_TABLE.format(total="297.99").replace("| 20103-政府办公厅（室）及相关机构事务 | 281.99",
                                                        "| 20103-政府办公厅（室）及相关机构事务 | 271.99"), encoding="utf-8")
    assert "table-hierarchy" in {f.rule for f in check(p).findings if f.severity == "error"}


def test_a_finals_table_titled_as_a_budgets_summary(tmp_path: Path) -> None:
    text = ("某某县自然资源局2025年度部门决算\n表1 {title}\n单位：万元\n项目\t决算数\t项目\t决算数\n"
            "一般公共预算财政拨款收入\t100.00\t一般公共服务支出\t100.00\n收入总计\t100.00\t支出总计\t100.00\n")
    p = tmp_path / "a.txt"
    p.write_text(text.format(title="收入支出预算总表"), encoding="utf-8")
    assert [f.stated for f in check(p).findings if f.rule == "period-kind"] == ["预算"]
    p.write_text(text.format(title="收入支出决算总表"), encoding="utf-8")
    assert not [f for f in check(p).findings if f.rule == "period-kind"]
