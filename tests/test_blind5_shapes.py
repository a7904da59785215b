"""Shapes a fifth generator written blind (bench/blind5: layouts of 北京, 上海, 山西, 湖北, 陕西, 海南 …) and real
published paragraphs of other regions used, each once misread: a change written 增收 / 减支 and a fall written
负增长; a year the text compares with taken for the report's; the items of a 其中 list after a comparison figure;
占年初预算的 as a share; a budget unit's own section under a heading ending 机关（本级）; a figure set beside a list
(另有…); a funding scope named after the whole it is part of (财政拨款支出中，一般公共预算…); 调整预算（全年预算）;
a part in brackets taken for this year's level; a list in brackets read on past them; a figure after a complete
list; a unit's figure in brackets after its name; one quantity under two funding-scope headings. And the defects
planted that were missed: a blank 类 cell under the 合计 row, a 政府采购 row whose 合计 is not 货物 + 工程 + 服务,
a table continued under its title with 续上表. Figures are made up in the same shapes and checked by hand in the
comments; each test keeps a wrong figure of the shape an error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

from budgetdoc import check


def _rules(r) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.rule for f in r.findings if f.severity == "error"]


def _right_then_wrong(tmp_path: Path, text: str, old: str, new: str) -> list[tuple[str, str | None]]:
    """No error on the text as written; the (rule, expected) of each error once `old` is made `new`."""
    assert old in text
    assert not _errors(_text(tmp_path, "right.txt", text))
    wrong = _text(tmp_path, "wrong.txt", text.replace(old, new))
    return [(f.rule, f.expected) for f in wrong.findings if f.severity == "error"]


def test_a_change_written_as_more_or_less_revenue_or_spending(tmp_path: Path) -> None:
    # 增支100.00 is the change: 100.00 ÷ (1,200.00 − 100.00) = 9.09%. Read as last year's level it gave 1,100%.
    text = "某某局2024年度部门决算\n2024年度本年支出合计1200.00万元，比上年增支100.00万元，增长9.09%。\n"
    # 8.33% is 100 ÷ 1,200: divided by this year.
    assert _right_then_wrong(tmp_path, text, "增长9.09%", "增长8.33%") == [("growth-rate", "9.09%")]
    # 减收: 24.00 ÷ (576.00 + 24.00) = 4.00%.
    assert not _errors(_text(tmp_path, "b.txt", "某某局2024年度部门决算\n2024年度本年收入合计576.00万元，"
                                                "比上年减收24.00万元，下降4.00%。\n"))


def test_a_fall_written_as_negative_growth(tmp_path: Path) -> None:
    # 4.60 ÷ (382.40 + 4.60) = 1.19%: 负增长 is the fall the 减少 says.
    text = "某某局2024年度部门决算\n2024年度本年收入合计382.40万元，比上年减少4.60万元，负增长1.19%。\n"
    assert _right_then_wrong(tmp_path, text, "负增长", "增长") == [("change-direction", None)]


def test_a_year_compared_with_is_not_the_reports(tmp_path: Path) -> None:
    # A page of a final without its title: 2022 is the year compared with. Taken for the report's year it made
    # every comparison a comparison with the same year.
    text = ("5.经营收入0.00万元，较2022年度决算数增加0.00万元，增长0%，主要原因是本单位无经营收入。\n"
            "6.其他收入12.00万元，较2022年度决算数增加2.00万元，增长20.00%。\n")
    r = _text(tmp_path, "a.txt", text)
    assert r.metadata.year != 2022
    assert not _errors(r)


SANGONG = ("某某市财政局2025年部门预算\n2025年“三公”经费预算总额为1969万元，较2024年的2190万元减少221万元，下降10.1%；"
           "其中：因公出国（境）经费40万元，较上年持平；公务接待费242万元，较上年减少12万元，下降4.7%；"
           "公务用车购置及运行维护费1687万元，较上年减少209万元，下降11%。\n")


def test_the_items_after_a_comparison_figure_are_the_figures(tmp_path: Path) -> None:
    # 221 ÷ 2,190 = 10.09%; 12 ÷ 254 = 4.72%; 209 ÷ 1,896 = 11.02%; 40 + 242 + 1,687 = 1,969. The list broke down
    # last year's 2,190 and made 1,687 a comparison figure: 209 ÷ 1,687 = 12%.
    r = _text(tmp_path, "a.txt", SANGONG)
    assert not _errors(r)
    assert {f.value_yuan for f in r.facts if f.key == "sangong.vehicle"} == {Decimal("16870000")}
    # 13% is no reading of 209 and 1,687 (11.0% of last year, 12.4% of this).
    assert _right_then_wrong(tmp_path, SANGONG, "下降11%", "下降13%") == [("growth-rate", "11%")]


def test_a_share_of_the_initial_budget_is_a_completion_rate(tmp_path: Path) -> None:
    # 198,450 is 122.3% of a 年初预算 the text does not state (162,265): no share of another figure.
    text = ("某某市财政局2021年部门决算\n市本级一般公共预算收入完成198450万元，占年初预算的122.3%。"
            "全市一般公共预算支出年初预算为546979万元。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert [c.kind for c in r.claims if c.stated == "122.3%"] == ["completion"]


UNITS = ("上海市某某区某某局2026年部门预算\n四、各预算单位收支预算情况\n（一）部门汇总\n"
         "2026年收入总计3983.81万元，支出预算3983.81万元。其中：基本支出2098.36万元，项目支出1885.45万元。\n"
         "（二）上海市某某区某某局机关（本级）\n"
         "2026年收入总计3049.14万元，支出预算3049.14万元。其中：基本支出1660.06万元，项目支出1389.08万元。\n"
         "（三）上海市某某区公路事务中心\n"
         "2026年收入总计934.67万元，支出预算934.67万元。其中：基本支出438.30万元，项目支出496.37万元。\n")


def test_a_units_section_under_a_heading_ending_in_its_offices_name(tmp_path: Path) -> None:
    # 2,098.36 + 1,885.45 = 3,983.81; 1,660.06 + 1,389.08 = 3,049.14; 438.30 + 496.37 = 934.67 and
    # 3,049.14 + 934.67 = 3,983.81. The heading 机关（本级） names the department's own unit: its figures are no
    # second statement of the department's.
    assert _right_then_wrong(tmp_path, UNITS, "项目支出1389.08万元", "项目支出1489.08万元") == \
        [("breakdown-sum", "3149.14万元")]


def test_a_figure_set_beside_a_list(tmp_path: Path) -> None:
    # 3,628.53 + 0.00 = 3,628.53; the carry-over 另有 is beside the 本年收入 (3,628.53 + 355.29 = 3,983.82 总计).
    text = ("某某局2026年部门预算\n2026年本年收入合计3628.53万元（不含上年结转结余），其中：1.一般公共预算拨款收入3628.53万元；"
            "2.政府性基金预算拨款收入0.00万元；另有上年结转结余355.29万元。\n")
    assert _right_then_wrong(tmp_path, text, "2.政府性基金预算拨款收入0.00万元", "2.政府性基金预算拨款收入10.00万元") == \
        [("breakdown-sum", "3638.53万元")]


def test_a_funding_scope_named_after_the_whole_it_is_part_of(tmp_path: Path) -> None:
    # 2,596.87 is the 一般公共预算 income; 2,618.50 its spending (财政拨款支出中): two quantities, no conflict.
    text = ("某某局2024年度部门决算\n2024年度本年收入合计2596.87万元，其中：一般公共预算财政拨款收入2596.87万元。\n"
            "2024年度财政拨款支出2618.50万元。财政拨款支出中，一般公共预算财政拨款2618.50万元，政府性基金预算财政拨款0.00万元。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert {f.value_yuan for f in r.facts if f.key == "gpb.expense.current_year"} == {Decimal("26185000")}


def test_an_execution_rate_of_the_adjusted_budget_named_twice(tmp_path: Path) -> None:
    # 2,618.50 ÷ 2,298.42 = 113.93% (年初); 2,618.50 ÷ 2,810.07 = 93.18% (调整 = 全年).
    text = ("某某局2024年度部门决算\n2024年度一般公共预算财政拨款支出年初预算为2298.42万元，调整预算（全年预算）为"
            "2810.07万元，支出决算为2618.50万元，完成年初预算的113.93%，预算执行率为93.18%。\n")
    assert _right_then_wrong(tmp_path, text, "预算执行率为93.18%", "预算执行率为95.18%") == [("completion-rate", "93.18%")]


def test_a_part_in_brackets_is_not_this_years_level(tmp_path: Path) -> None:
    # 3,983.81 ÷ 3,056.62 = 1.3033: up 30.3%. The carry-over in brackets (355.29) is part of it.
    text = ("某某局2026年部门预算\n2026年财政拨款收支总预算3983.81万元（含上年结转355.29万元），较上年预算3056.62万元"
            "增长30.3%。\n")
    assert _right_then_wrong(tmp_path, text, "增长30.3%", "下降30.3%") == [("change-direction", "增长")]


def test_a_list_in_brackets_ends_with_them(tmp_path: Path) -> None:
    # 20.24 + 36.23 = 56.47; 83.16 − 56.47 = 26.69; 26.69 ÷ 83.16 = 32.09%. 83.16 is last year's, no item (read as
    # one, 56.47 was short of 83.16). A wrong item in the brackets breaks 公务用车费 = 购置费 + 运行维护费.
    text = ("某某局2025年部门预算\n2.公务用车购置及运行维护费56.47万元（其中：公务用车购置费20.24万元，公务用车运行维护费"
            "36.23万元），比2024年年初预算数83.16万元减少26.69万元，下降32.09%。\n")
    assert _right_then_wrong(tmp_path, text, "购置费20.24万元", "购置费30.24万元") == [("identity", "66.47万元")]


def test_a_figure_after_a_complete_list_is_its_own_statement(tmp_path: Path) -> None:
    # 1,063.17 + 375.46 = 1,438.63; the 公用经费 after the semicolon is no third part of 本年支出.
    text = ("某某局2025年度部门决算\n2025年度本年收入1438.63万元，本年支出1438.63万元。其中：基本支出1063.17万元，"
            "项目支出375.46万元；一般公共预算财政拨款公用经费170.59万元。\n")
    assert _right_then_wrong(tmp_path, text, "本年支出1438.63万元", "本年支出1122.67万元") == \
        [("breakdown-sum", "1438.63万元")]


def test_a_units_figure_in_brackets_after_its_name(tmp_path: Path) -> None:
    # 1,438.62 + 952.11 = 2,390.73: each bracket holds its unit's own 本年支出.
    text = ("某某市审计局2025年度部门决算\n纳入某某市审计局2025年度部门决算编制范围的单位共2个，包括：某某市审计局机关（本级）"
            "（行政单位，本年支出决算1438.62万元）；某某市审计服务中心（参照公务员法管理事业单位，本年支出决算952.11万元）。\n"
            "2025年度本年支出合计2390.73万元。\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def test_one_quantity_under_headings_of_two_funding_scopes(tmp_path: Path) -> None:
    text = ("某某区财政局2020年度部门决算\n2.政府性基金收支及其平衡情况\n"
            "政府性基金收入0万元，加上年结余收入39930万元，上级补助收入113566万元，收入合计153496万元。\n"
            "3.国有资本经营收支及其平衡情况\n国有资本经营收入1493万元，上级补助收入44万元，上年结余140万元。\n")
    assert "fact-conflict" not in _rules(_text(tmp_path, "a.txt", text))


BLANK_CLASS = ("某某档案馆2022年度部门决算\n一般公共预算财政拨款支出决算表\n单位：元\n"
               "| 科目编码 | 科目名称 | 年初预算数 | 调整预算数 | 决算数 |\n"
               "|  | 合计 | 7,259,250.00 | 7,383,090.19 | 7,588,567.47 |\n"
               "| 201 | 一般公共服务支出 | 6,738,220.00 | 6,843,830.19 | 7,040,863.50 |\n"
               "| 20126 | 档案事务 | 6,738,220.00 | 6,843,830.19 | 7,040,863.50 |\n"
               "| 2012602 | 一般行政管理事务 | 2,191,100.00 | 2,191,100.00 | 2,102,282.62 |\n"
               "| 2012604 | 档案馆 | 2,034,300.00 | 2,132,490.19 | 2,093,250.19 |\n"
               "| 2012650 | 事业运行 | 2,512,820.00 | 2,520,240.00 | 2,845,330.69 |\n"
               "| 208 | 社会保障和就业支出 | 521,030.00 | 539,260.00 | 547,703.97 |\n"
               "| 20805 | 行政事业单位养老支出 | 521,030.00 | 539,260.00 | 547,703.97 |\n"
               "| 2080505 | 机关事业单位基本养老保险缴费支出 | 521,030.00 | 539,260.00 | 547,703.97 |\n")


def test_a_blank_class_cell_under_the_total_row(tmp_path: Path) -> None:
    # 调整预算数: 2,191,100.00 + 2,132,490.19 + 2,520,240.00 = 6,843,830.19 (20126); 合计 7,383,090.19 − 208's
    # 539,260.00 = 6,843,830.19 too. 201's cell left blank is missing, not zero.
    # (6,738,220 + 521,030 = 7,259,250; 7,040,863.50 + 547,703.97 = 7,588,567.47.)
    row = "| 201 | 一般公共服务支出 | 6,738,220.00 | 6,843,830.19 |"
    found = _right_then_wrong(tmp_path, BLANK_CLASS, row, "| 201 | 一般公共服务支出 | 6,738,220.00 |  |")
    assert found == [("table-hierarchy", "6,843,830.19")]


def test_a_procurement_row_of_goods_works_and_services(tmp_path: Path) -> None:
    # 81.17 + 60.21 + 0.00 = 141.38 in both rows: 合计 = 货物 + 工程 + 服务.
    text = ("某某局2025年部门预算\n表10：2025年政府采购预算表\n单位：万元\n采购单位/项目\t合计\t货物\t工程\t服务\n"
            "某某局（部门合计）\t141.38\t81.17\t60.21\t0.00\n  办公用房维修改造\t141.38\t81.17\t60.21\t0.00\n")
    assert _right_then_wrong(tmp_path, text, "60.21\t0.00\n  办公", "60.21\t2.01\n  办公") == \
        [("table-row-total", "143.39")]


def test_a_table_continued_under_its_title_with_xu_shang_biao(tmp_path: Path) -> None:
    # 合计 160.00 = 甲单位 90.00 + 乙单位 70.00; 甲 = 60.00 + 30.00 (its second project after the break), 乙 = 70.00.
    # Cut at the 续上表 line, the first part's rows were summed as one level: 90.00 + 60.00 = 150.00 against 160.00.
    text = ("某某局2024年部门预算\n表11：2024年项目支出预算表\n单位：万元\n"
            "| 单位/项目名称 | 资金来源 | 金额 |\n|  合计 |  | 160.00 |\n| 甲单位 |  | 90.00 |\n"
            "| 项目A | 一般公共预算 | 60.00 |\n表11：2024年项目支出预算表续上表\n"
            "| 单位/项目名称 | 资金来源 | 金额 |\n| 项目B | 一般公共预算 | 30.00 |\n| 乙单位 |  | 70.00 |\n"
            "| 项目C | 一般公共预算 | 70.00 |\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def test_a_budget_figure_where_the_text_does_not_say_budget_or_final(tmp_path: Path) -> None:
    # A 三公 note with no title: "预算为20万元" is the budget, "支出共计9.07万元" the spending, two figures.
    # 20 − 9.07 = 10.93; 10.93 ÷ 20 = 54.65%; 0 + 9 + 11 = 20.
    text = ("2021年我镇“三公”经费预算为20万元，其中：因公出国（境）费0万元，公务接待费9万元，公务用车运行维护费11万元。\n"
            "2021年“三公”经费支出共计9.07万元，较年初预算数减少10.93万元，下降54.65%。\n")
    r = _text(tmp_path, "a.txt", text)
    assert r.metadata.kind is None
    assert not _errors(r)


def test_a_share_of_the_whole_the_sentence_names_before_its_parts(tmp_path: Path) -> None:
    # 1.71 ÷ 3 = 57%; 0.53 ÷ 1.71 = 31%; 1.18 ÷ 1.71 = 69%: the shares are of the 决算 "…支出决算中" names, not
    # of the 预算 that opens the paragraph (0.53 ÷ 3 = 18%).
    text = ("某某中心2023年度部门决算\n2023年度“三公”经费支出预算为3万元，支出决算为1.71万元，完成预算的57%。"
            "“三公”经费支出决算中，公务接待费支出决算0.53万元，占31%；公务用车购置及运行维护费支出决算1.18万元，占69%。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not [f for f in r.findings if f.rule == "share"]
    # Swapped: 0.53 "占69%" is 31% of 1.71. (The second, 1.18 "占31%", has a reading: 0.53 ÷ 1.71, another amount of
    # its sentence as the part, which a sub-item standing between an amount and its share needs.)
    swapped = _text(tmp_path, "b.txt", text.replace("占31%", "占X%").replace("占69%", "占31%").replace("占X%", "占69%"))
    assert [f.expected for f in swapped.findings if f.rule == "share"] == ["31%"]


# From a sixth generator written blind (bench/blind6: finals of 内蒙古, 青海, 新疆 … layouts).
SUMMARY = ("<html><body><p>某某局2024年部门预算</p><p>表1 部门收支预算总表</p><p>单位：元</p><table>"
           "<tr><th colspan='2'>收入</th><th colspan='2'>支出</th></tr>"
           "<tr><th>项目</th><th>预算数</th><th>项目</th><th>预算数</th></tr>"
           "<tr><td>一、一般公共预算拨款收入</td><td>36,821,072.00</td><td>一、一般公共服务支出</td><td>34,365,072.00</td></tr>"
           "<tr><td>二、其他收入</td><td>194,737.00</td><td>二、住房保障支出</td><td>2,650,737.00</td></tr>"
           "<tr><td>本年收入合计</td><td>37,015,809.00</td><td>本年支出合计</td><td>37,015,809.00</td></tr>"
           "<tr><td>上年结转</td><td></td><td>结转下年</td><td></td></tr>"
           "<tr><td>收入总计</td><td>37,015,809.00</td><td>支出总计</td><td>37,015,809.00</td></tr>"
           "</table></body></html>")


def test_a_blank_subtotal_of_a_summary_side(tmp_path: Path) -> None:
    # 36,821,072 + 194,737 = 37,015,809 = 收入总计 (上年结转 blank); 34,365,072 + 2,650,737 = 37,015,809.
    (tmp_path / "a.html").write_text(SUMMARY, encoding="utf-8")
    assert not _errors(check(tmp_path / "a.html"))
    blank = SUMMARY.replace("<td>本年收入合计</td><td>37,015,809.00</td>", "<td>本年收入合计</td><td></td>")
    (tmp_path / "b.html").write_text(blank, encoding="utf-8")
    found = [(f.rule, f.expected) for f in check(tmp_path / "b.html").findings if f.severity == "error"]
    assert found == [("table-identity", "37,015,809.00")]


def test_counts_of_receptions_in_batches(tmp_path: Path) -> None:
    # 27 + 2 = 29 批次 (国内 and 外事 are all of them); 100 + 16 = 116 人次.
    text = ("某某局2023年度部门决算\n2023年度共发生公务接待29批次、116人次，其中：国内公务接待27批次、100人次，"
            "外事接待2批次、16人次。\n")
    assert _right_then_wrong(tmp_path, text, "外事接待2批次", "外事接待6批次") == [("count-breakdown", "≥33批次")]


def test_a_change_opening_the_next_sentence_is_not_the_carryovers(tmp_path: Path) -> None:
    # 1,178.22 + 3.08 = 1,181.30 ≈ 1,181.29; 1,167.43 + 13.86 = 1,181.29; 320.79 ÷ (1,181.29 − 320.79) = 37.28%: the
    # change is the 收入总计's. Read as the 年末结转's it made last year's 年末 13.86 − 320.79 < 0.
    text = ("某某局2024年度部门决算\n2024年度收入总计1181.29万元，支出总计1181.29万元。其中：本年收入合计1178.22万元，"
            "年初结转和结余3.08万元；本年支出合计1167.43万元，年末结转和结余13.86万元。较上年增长320.79万元，上升37.3%。\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def test_last_years_year_end_carryover_is_this_years_opening(tmp_path: Path) -> None:
    # 2023年年末 in a 2024 final is the 年初 of 2024 (3.08), not its 年末 (13.86).
    text = ("某某局2024年度部门决算\n2024年度财政拨款收入总计1181.29万元，其中：年初财政拨款结转和结余3.08万元。"
            "年末财政拨款结转和结余13.86万元。\n"
            "2023年年末财政拨款结转和结余3.08万元，已全部结转至2024年度继续使用；2024年末财政拨款结转和结余13.86万元。\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def test_a_finals_row_figure_is_its_total_not_the_initial_budget_beside_it(tmp_path: Path) -> None:
    # 年初预算数 | 合计 | 基本支出 | 项目支出 in a final: 合计 2,040.14 is the 决算 (= 基本 2,040.14), 2,126.34 the budget.
    text = ("某某局2024年度部门决算\n5. 自然资源海洋气象等支出（类）自然资源事务（款）行政运行（项）：年初预算为2126.34万元，"
            "支出决算为2040.14万元，预算执行率为95.9%。\n一般公共预算财政拨款支出决算表\n单位：万元\n"
            "| 科目编码 | 科目名称 | 年初预算数 | 合计 | 基本支出 | 项目支出 |\n"
            "|  | 合计 | 2126.34 | 2040.14 | 2040.14 |  |\n"
            "| 220 | 自然资源海洋气象等支出 | 2126.34 | 2040.14 | 2040.14 |  |\n"
            "| 22001 | 自然资源事务 | 2126.34 | 2040.14 | 2040.14 |  |\n"
            "| 2200101 | 行政运行 | 2126.34 | 2040.14 | 2040.14 |  |\n")
    # 2,040.14 ÷ 2,126.34 = 95.95%, printed 95.9%: within a unit of its last digit.
    r = _text(tmp_path, "a.txt", text)
    assert "table-text" not in _rules(r)
    assert {f.value_yuan for f in r.facts if f.key.endswith("func.2200101") and f.loc.table is not None} == \
        {Decimal("20401400")}


def test_a_reason_left_as_the_placeholder(tmp_path: Path) -> None:
    text = "某某局2024年度部门决算\n2024年度本年支出合计120.00万元，比上年增加10.00万元，增长9.09%，主要原因是XX。\n"
    r = _text(tmp_path, "a.txt", text)
    assert [f.stated for f in r.findings if f.rule == "template-residue"] == ["原因是XX"]


SANGONG_TABLE = ("某某局2024年部门预算\n2024年“三公”经费预算20.42万元，其中：因公出国（境）费0.00万元，"
                 "公务用车购置及运行维护费19.20万元，公务接待费1.22万元。\n"
                 "表9 一般公共预算“三公”经费支出预算表\n单位：元\n"
                 "| 项目 | 2024年预算数 | 2023年预算数 |\n| 合计 | 204,155.00 | 178,563.00 |\n"
                 "| 1.因公出国（境）费 |  | 16,365.00 |\n| 2.公务用车购置及运行维护费 | 192,027.00 | 152,148.00 |\n"
                 "| 3.公务接待费 | 12,128.00 | 10,050.00 |\n")


def test_a_blank_cell_of_this_year_beside_last_years(tmp_path: Path) -> None:
    # 因公出国 is blank for 2024 (0): last year's 16,365.00 is not its figure. 0 + 192,027 + 12,128 = 204,155;
    # 16,365 + 152,148 + 10,050 = 178,563.
    r = _text(tmp_path, "a.txt", SANGONG_TABLE)
    assert not _errors(r)
    # The 2023 column holds its own identity: 合计 178,563 against 16,365 + 152,148 + 10,050.
    found = _right_then_wrong(tmp_path, SANGONG_TABLE, "| 合计 | 204,155.00 | 178,563.00 |",
                              "| 合计 | 204,155.00 | 198,563.00 |")
    assert found == [("table-identity", "178,563.00")]
