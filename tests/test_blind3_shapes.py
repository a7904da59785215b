"""Layouts and phrasings a third generator written blind (bench/blind3) used, each once read as an error it
is not: tables in 千元, an HTML table titled by its <caption>, last year's figure labelled by its year, a
final's 整体绩效自评表 that prints 全年预算数 before 全年执行数, and a 具体情况 list whose item has no 年初预算.
Figures are made up in the same shapes and checked by hand in the comments; each test keeps a wrong figure
of the shape an error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors, _status

from budgetdoc import check

# 人员经费 3,586.1千元 = 358.61万元, 公用经费 960.6千元 = 96.06万元; 基本支出 4,546.7千元 = 454.67万元.
THOUSANDS = ("某某局2024年度部门决算\n2024年一般公共预算财政拨款基本支出454.67万元，其中：人员经费358.61万元，"
             "公用经费96.06万元。\n一般公共预算财政拨款基本支出决算表\n单位：千元\n"
             "科目编码\t科目名称\t合计\t人员经费\t公用经费\n\t合计\t4,546.7\t3,586.1\t960.6\n"
             "301\t工资福利支出\t3,586.1\t3,586.1\t\n302\t商品和服务支出\t960.6\t\t960.6\n")


def test_a_table_in_thousands_of_yuan(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", THOUSANDS)
    assert not _errors(r)
    assert _status(r, "358.61万元") == {"verified"}
    wrong = _text(tmp_path, "b.txt", THOUSANDS.replace("人员经费358.61万元", "人员经费368.61万元")
                  .replace("基本支出454.67万元", "基本支出464.67万元"))
    assert "table-text" in [f.rule for f in wrong.findings if f.severity == "error"]


# 图书馆: 2,936,923.54 of all funds, 2,769,334.51 (276.93万元) of 一般公共预算; the text is of the latter.
HTML = """<html><body><p>某某局2025年部门预算</p>
<h3>5.一般公共预算支出情况说明</h3>
<p>1.文化旅游体育与传媒支出（类）文化和旅游（款）图书馆（项）AMOUNT万元，主要用于图书馆运行。</p>
<table><caption>表3 部门支出总表</caption>
<tr><td colspan="5">单位：元</td></tr>
<tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td>207</td><td>文化旅游体育与传媒支出</td><td>2,936,923.54</td><td>2,936,923.54</td><td>0.00</td></tr>
<tr><td>20701</td><td>文化和旅游</td><td>2,936,923.54</td><td>2,936,923.54</td><td>0.00</td></tr>
<tr><td>2070104</td><td>图书馆</td><td>2,936,923.54</td><td>2,936,923.54</td><td>0.00</td></tr></table>
<table><caption>表5 一般公共预算支出表</caption>
<tr><td colspan="5">单位：元</td></tr>
<tr><th>科目编码</th><th>科目名称</th><th>合计</th><th>基本支出</th><th>项目支出</th></tr>
<tr><td>207</td><td>文化旅游体育与传媒支出</td><td>2,769,334.51</td><td>2,769,334.51</td><td>0.00</td></tr>
<tr><td>20701</td><td>文化和旅游</td><td>2,769,334.51</td><td>2,769,334.51</td><td>0.00</td></tr>
<tr><td>2070104</td><td>图书馆</td><td>2,769,334.51</td><td>2,769,334.51</td><td>0.00</td></tr></table>
</body></html>"""


def test_an_html_table_titled_by_its_caption(tmp_path: Path) -> None:
    p = tmp_path / "a.html"
    p.write_text(HTML.replace("AMOUNT", "276.93"), encoding="utf-8")
    r = check(p)
    assert not _errors(r)
    assert [f.value_yuan for f in r.facts if f.key == "gpb.func.2070104"] == [Decimal("2769334.51")]
    p2 = tmp_path / "b.html"
    p2.write_text(HTML.replace("AMOUNT", "286.93"), encoding="utf-8")
    assert "table-text" in [f.rule for f in check(p2).findings if f.severity == "error"]


def test_last_years_figure_labelled_by_its_year(tmp_path: Path) -> None:
    # In a 2025 budget "2024年预算数830.32万元" is the base: 73.46 ÷ 830.32 = 8.85%; 903.78 = 830.32 + 73.46.
    text = ("某某局2025年部门预算\n（一）总体情况：本部门2025年一般公共预算支出903.78万元，占本年支出预算合计的98.18%。"
            "2024年预算数830.32万元，增加73.46万元，增长8.85%，主要原因是业务量增加。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert _status(r, "8.85%") == {"verified"}
    wrong = _text(tmp_path, "b.txt", text.replace("增长8.85%", "增长9.85%"))
    assert [f.stated for f in wrong.findings if f.rule == "growth-rate" and f.severity == "error"] == ["9.85%"]


# A final's self-evaluation: 全年预算数 550.97 | 全年执行数 550.77 (266.96 + 283.81); the 决算 tables state
# what was spent. 550.77 ÷ 550.97 = 99.96%, 283.81 ÷ 284.01 = 99.93%.
SELF_EVALUATION = ("某某局2021年度部门决算\n2021年本年支出合计550.77万元，其中：基本支出266.96万元，项目支出283.81万元。\n"
                   "支出决算表\n单位：万元\n科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
                   "\t合计\t550.77\t266.96\t283.81\n208\t社会保障和就业支出\t550.77\t266.96\t283.81\n"
                   "2021年部门整体支出绩效自评表\n单位：万元\n项目\t全年预算数（A）\t全年执行数（B）\t执行率（B/A）\n"
                   "年度资金总额\t550.97\t550.77\t99.96\n其中：基本支出\t266.96\t266.96\t100.00\n"
                   "　　　项目支出\t284.01\t283.81\t99.93\n")


def test_a_finals_self_evaluation_states_what_was_spent(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", SELF_EVALUATION)
    assert not _errors(r)
    # 项目支出 spent 293.81 (293.81 ÷ 284.01 = 103.45%), 560.77 in all (÷ 550.97 = 101.78%): not the tables' 283.81.
    wrong = _text(tmp_path, "b.txt", SELF_EVALUATION.replace("284.01\t283.81\t99.93", "284.01\t293.81\t103.45")
                  .replace("550.97\t550.77\t99.96", "550.97\t560.77\t101.78"))
    assert _errors(wrong, "performance-dept-funds")


# 年初预算 330.45 = 191.26 + 76.35 + (none for item 3) + 62.84; item 3 states only its 支出决算 149.08.
ITEMS = ("某某局2021年度部门决算\n（三）具体情况：2021年度一般公共预算财政拨款支出年初预算为330.45万元，支出决算为485.44万元，"
         "完成年初预算的146.90%。其中：\n"
         "1.社会保障和就业支出（类）民政管理事务（款）行政运行（项）。年初预算为191.26万元，支出决算为209.13万元，"
         "完成年初预算的109.34%。\n"
         "2.社会保障和就业支出（类）民政管理事务（款）基层政权建设和社区治理（项）。年初预算为76.35万元，支出决算为"
         "69.39万元，完成年初预算的90.88%。\n"
         "3.社会保障和就业支出（类）民政管理事务（款）其他民政管理事务支出（项）。年初未安排预算，支出决算为149.08万元。\n"
         "4.住房保障支出（类）住房改革支出（款）住房公积金（项）。年初预算为62.84万元，支出决算为57.84万元，"
         "完成年初预算的92.04%。\n")


def test_an_item_with_no_budget_in_a_list_of_budgets(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", ITEMS)
    assert not _errors(r)
    # 291.26 + 76.35 + 62.84 = 430.45 > 330.45
    wrong = _text(tmp_path, "b.txt", ITEMS.replace("年初预算为191.26万元，支出决算为209.13万元，完成年初预算的109.34%",
                                                   "年初预算为291.26万元，支出决算为209.13万元，完成年初预算的71.80%"))
    assert _errors(wrong, "breakdown-sum")


def test_a_budget_tables_title_over_a_finals_table(tmp_path: Path) -> None:
    # A final's table printed under the budget's title (a template not renamed); the title is no heading.
    text = ("某某局2021年度部门决算\n2021年本年支出合计550.77万元。\nTITLE\n单位：万元\n"
            "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n\t合计\t550.77\t266.96\t283.81\n"
            "208\t社会保障和就业支出\t550.77\t266.96\t283.81\n")
    wrong = _text(tmp_path, "a.txt", text.replace("TITLE", "表3 支出预算表"))
    assert [(f.severity, f.stated) for f in wrong.findings if f.rule == "period-kind"] == [("warning", "预算")]
    right = _text(tmp_path, "b.txt", text.replace("TITLE", "表3 支出决算表"))
    assert not [f for f in right.findings if f.rule == "period-kind"]


def test_people_in_service_and_retired_are_a_partition(tmp_path: Path) -> None:
    # 23 + 5 = 28 people cannot be among 25; 女性 and 党员 may overlap (12 + 20 > 25 is no slip).
    text = "某某局2025年部门预算\n本部门核定编制24名，实有人员TOTAL人，其中：在职人员23人，离退休人员5人。\n" \
           "本部门在职人员25人，其中：女性12人，党员20人。\n"
    wrong = _text(tmp_path, "a.txt", text.replace("TOTAL", "25"))
    assert [f.stated for f in wrong.findings if f.rule == "count-breakdown" and f.severity == "error"] == ["25人"]
    right = _text(tmp_path, "b.txt", text.replace("TOTAL", "28"))
    assert not _errors(right)
