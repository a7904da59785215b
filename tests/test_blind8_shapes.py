"""Shapes an eighth generator written blind (bench/blind8: 上海, 广东, 湖北, 福建, 江苏, 浙江, 重庆 layouts; tables
continued over pages, 重点项目 paragraphs, the department-wide performance table) used, each once misread, and
the defects it planted that were missed. Misreads: a performance table's row left as text ("一般公共预算   70376.85万元")
taken for a statement; a text file cut at a width whose many short lines hid the cut ("…购买第三方服务。上" / "年预算为
14.97万元"); a worksheet's header cell 比上年增加（减少） taken for template wording; the unit row over a worksheet's
performance table (单位：万元) not read; a project paragraph's 其中上年结转 and 上年预算 taken for the department's.
Missed: a project's amount against its row where the project table prints each project's 功能科目编码; a share of a
total named with its funding scope (占一般公共预算支出的) verified by another scope's total; 上年预算为0.00 before a
growth rate; a change whose sentence states last year's figure before this year's; a change against the two
figures of the sentence before it (决算数比年初预算减少X); a counted list that does not add up; one fund's 基本支出
above all funds'; a blank 本年收入合计 under 收入项目 | 支出项目 headers; a project table over three pages of layout
text; a project of a short name at the head of its paragraph; 公用经费 against its 款 rows with no 类 rows. Figures
are made up in the same shapes and checked by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from test_blind5_shapes import _right_then_wrong
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

from budgetdoc import check


def test_a_performance_tables_row_left_as_text_states_nothing(tmp_path: Path) -> None:
    # The text's 一般公共预算拨款收入 is 53,598.71; the performance table's cost indicator row, printed with its cells
    # apart by spaces, names the whole appropriation 70,376.85 under a heading the reader did not put in columns.
    text = ("西安市某某局2021年部门预算\n一、收入预算情况\n"
            "2021年本部门财政拨款收入70,376.87万元，其中一般公共预算拨款收入53,598.71万元、政府性基金拨款收入"
            "16,778.16万元。\n表15\n"
            "      一级指标    二级指标                指标内容                     指标值\n"
            "                      一般公共预算                        70376.85万元\n"
            "              成本指标\n"
            "                      政府性基金预算                       16826.34万元\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r)
    assert {f.stated for f in r.facts if f.key == "income.gpb"} == {"53598.71万元"}


def test_a_file_cut_at_a_width_among_many_short_lines(tmp_path: Path) -> None:
    # Lines cut at one width, "上" left at the end of one: 上年预算为14.97, 本年24.48, 增加9.51 = 24.48 − 14.97,
    # 9.51 ÷ 14.97 = 63.53%. Read from "年预算为14.97" the rate looked like 9.51 ÷ (14.97 − 9.51) = 174.2%.
    short = "".join(f"{i}、某某局2023年部门预算公开表{i}\n\n" for i in range(1, 25))  # titles: short lines
    body = ("某某局2023年部门预算\n一、收支预算总体情况说明\n2023年收入预算总计500.00万元，支出预算总计500.00万元。\n"
            + short +
            "（七）校车运营补助（续建）项目，预算安排24.48万元，主要用于购买第三方服务，保障校车运营。上\n"
            "年预算为14.97万元，比上年增加9.51万元，增长63.5%，主要原因是新增线路，校车运营里程相应增加。\n") + "".join(
            f"（{n}）某某教育项目，预算安排{n}.00万元，主要用于设备购置和系统运维，保障学校的正常教学秩序。主\n"
            f"要原因是新增学校，相应安排经费。本项目严格按照相关规定执行，确保资金使用效益，接受社会监督。\n"
            for n in range(10, 16))
    assert _right_then_wrong(tmp_path, body, "增长63.5%", "增长36.5%") == [("growth-rate", "63.5%")]


def _workbook(path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for name, rows in sheets.items():
        ws = wb.create_sheet(name)
        for row in rows:
            ws.append(row)
    wb.save(path)
    return path


_TEXT = ["某某区民政局2023年部门预算",
         "一、收支预算总体情况说明",
         "2023年收入预算总计5260.31万元，支出预算总计5260.31万元。其中基本支出2477.23万元，项目支出2783.08万元。"]


def test_a_worksheets_header_and_performance_unit_row(tmp_path: Path) -> None:
    # 比上年增加（减少） heads a column of a worksheet's table: no template wording. The performance table's
    # 单位：万元 is a row of the sheet's used range: 5260.31 = 2477.23 + 2783.08 in 万元, as the text states.
    def book(total: object) -> Path:
        return _workbook(tmp_path / f"b{total}.xlsx", {
            "情况说明": [[t] for t in _TEXT],
            "表3": [["三、某某区民政局2023年一般公共预算支出预算表"], ["单位：万元"],
                    ["科目编码", "科目名称", "合计", "上年预算数", "比上年增加（减少）"],
                    ["208", "社会保障和就业支出", 5260.31, 5100.00, 160.31],
                    ["", "合计", 5260.31, 5100.00, 160.31]],
            "表8": [["八、某某区民政局2023年部门整体支出绩效目标表"], ["单位：万元"],
                    ["年度预算资金总额（万元）", total, "其中：财政拨款", 5260.31],
                    ["按支出性质：基本支出", 2477.23, "其他资金", 0],
                    ["按支出性质：项目支出", 2783.08]]})
    r = check(book(5260.31))
    assert not [f for f in r.findings if f.rule in ("template-residue", "performance-dept-funds")]
    # 5429.98 for 5260.31: the performance table's total is the error
    wrong = [f for f in check(book(5429.98)).findings if f.rule == "performance-dept-funds"]
    assert wrong and wrong[0].severity == "error" and "5429.98" in wrong[0].message


def test_a_projects_paragraph_states_the_projects_figures(tmp_path: Path) -> None:
    # Each paragraph's 上年结转 and 上年预算 are its project's: 222.98 = 188.41 + 34.57 (18.35%); 282.74 = 170.85
    # + 111.89 (65.49%). Taken for the department's 年初结转, 6.34 and 38.78 conflicted.
    text = ("某某区卫生健康委员会2023年部门预算\n六、项目支出情况说明\n"
            "（一）基本公共卫生服务补助项目，预算安排222.98万元，主要用于补助发放；上年结转6.34万元。上年预算为"
            "188.41万元，比上年增加34.57万元，增长18.35%。\n"
            "（二）社区卫生服务中心设备购置项目，预算安排282.74万元，主要用于设备购置；上年结转38.78万元。"
            "上年预算为170.85万元，比上年增加111.89万元，增长65.49%。\n")
    r = _text(tmp_path, "p.txt", text)
    assert not _errors(r)
    assert not [f for f in r.facts if f.key in ("income.carryover_begin", "income.carryover_begin.prev")]


def test_a_projects_amount_against_a_table_of_projects_with_their_codes(tmp_path: Path) -> None:
    # The project table prints each project's 功能科目编码 (2010303 twice): the rows are projects, not classes.
    # 社会信用体系建设（续建） is 3,208,303.00元 = 320.83万元; its paragraph says 320.83 (299.44 + 21.39).
    text = ("某某区政务服务管理局2024年部门预算\n六、项目支出情况说明\n"
            "其中重点项目2个，共计575.57万元，其中：帮办代办服务254.74万元、社会信用体系建设（续建）320.83万元。\n"
            "（二）社会信用体系建设（续建）项目，预算安排320.83万元，主要用于系统运维。\n"
            "表5 某某区政务服务管理局2024年项目支出预算表\n单位：元\n"
            "项目名称\t功能科目编码\t合计\t一般公共预算拨款\t上年结转\n"
            "合计\t\t5,755,703.00\t5,532,300.00\t223,403.00\n"
            "帮办代办服务\t2010303\t2,547,400.00\t2,547,400.00\t0.00\n"
            "社会信用体系建设（续建）\t2010303\t3,208,303.00\t2,984,900.00\t223,403.00\n")
    # 5,755,703.00 = 2,547,400.00 + 3,208,303.00; 575.57 = 254.74 + 320.83
    wrong = _text(tmp_path, "w.txt", text.replace("预算安排320.83万元", "预算安排403.17万元"))
    assert [(f.rule, f.expected) for f in wrong.findings if f.severity == "error"] == \
        [("project-amount", "320.83万元（3,208,303.00元）")]
    assert not _errors(_text(tmp_path, "r.txt", text))
    # the listed amount copies the item before it (254.74): said so
    copied = _text(tmp_path, "c.txt", text.replace("（续建）320.83万元。", "（续建）254.74万元。"))
    assert [f.message for f in copied.findings if f.rule == "project-amount" and "疑为照抄" in f.message]


def test_a_share_of_a_total_named_with_its_scope(tmp_path: Path) -> None:
    # 400.37 ÷ 494.48 = 80.97% → 81.0% of 一般公共预算支出. 78.5% is 400.37 ÷ 509.98, the 财政拨款 total: no reading
    # of the total the sentence names.
    text = ("某某区民政局2023年部门预算\n五、一般公共预算支出预算情况说明\n"
            "2023年一般公共预算支出494.48万元，占财政拨款支出总额的97.0%（财政拨款支出总额509.98万元）。主要用于：社会保障和"
            "就业支出（类）400.37万元，占一般公共预算支出的81.0%；卫生健康支出（类）94.11万元，占一般公共预算支出的19.0%。\n")
    # 494.48 ÷ 509.98 = 96.96% → 97.0%; 94.11 ÷ 494.48 = 19.03% → 19.0%
    assert _right_then_wrong(tmp_path, text, "的81.0%", "的78.5%") == [("share", "81.0%")]


def test_growth_from_a_base_written_zero(tmp_path: Path) -> None:
    # 上年预算为0.00万元: no growth rate can be stated of it.
    text = ("某某区农业农村局2023年部门预算\n六、项目支出情况说明\n"
            "（三）农村人居环境整治项目，预算安排19.69万元，主要用于宣传培训。上年预算为0.00万元，比上年增长43.14%。\n")
    r = _text(tmp_path, "z.txt", text)
    assert [f.expected for f in r.findings if f.rule == "zero-base"] == ["不适用（上年为0）"]


def test_a_change_against_the_two_figures_its_text_states(tmp_path: Path) -> None:
    # 上年77.79 before 本年65.56: a fall of 12.23 (12.23 ÷ 77.79 = 15.72%), written 增加.
    budget = ("某某区卫生健康委员会2024年部门预算\n五、一般公共预算支出预算情况说明\n"
              "2100202综合医院：上年预算数为77.79万元，2024年预算数为65.56万元，比上年减少12.23万元，下降15.72%，"
              "主要原因是部分项目已完成。\n")
    assert _right_then_wrong(tmp_path, budget, "比上年减少12.23万元，下降", "比上年增加12.23万元，增长") == \
        [("change-direction", "减少")]
    # 年初预算100.74, 支出决算88.53: 88.53 ÷ 100.74 = 87.88% → 87.9%, and 决算数 is 12.21 below the budget.
    final = ("某某区政务服务管理局2024年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
             "公务员医疗补助（项）：年初预算为100.74万元，支出决算为88.53万元，完成年初预算的87.9%。决算数比年初预算减少"
             "12.21万元。决算数与年初预算数存在差异的主要原因是人员减少。\n")
    assert _right_then_wrong(tmp_path, final, "减少12.21万元", "减少5.34万元") == [("change-levels", "12.21万元")]
    # 完成全年预算50.74的67.2%, 比上年决算数减少1.55: the change is of last year's figure, which is not stated.
    sangong = ("某某街道办事处2024年度部门决算\n七、财政拨款“三公”经费支出决算情况说明\n"
               "2024年度“三公”经费财政拨款支出决算为34.08万元，完成全年预算50.74万元的67.2%，比上年决算数减少1.55万元。\n")
    assert not _errors(_text(tmp_path, "s.txt", sangong))


def test_a_counted_list_of_projects_is_the_whole_list(tmp_path: Path) -> None:
    # 重点项目3个 and three listed: they are all, so they add up to 共计 (76.30 + 65.13 + 35.51 = 176.94). Without a
    # count a 其中 list may leave items out, and a sum short of the total decides nothing.
    text = ("某某区卫生健康委员会2023年度部门决算\n六、项目支出决算情况说明\n"
            "2023年项目支出881.93万元，共安排项目20个。其中重点项目3个，共计176.94万元，其中：爱国卫生运动76.30万元、"
            "计划生育家庭特别扶助65.13万元、卫生监督执法35.51万元。\n")
    assert _right_then_wrong(tmp_path, text, "共计176.94万元", "共计196.94万元") == [("breakdown-sum", "176.94万元")]
    uncounted = text.replace("其中重点项目3个，共计", "其中重点项目共计").replace("176.94万元，其中", "196.94万元，其中")
    assert not _errors(_text(tmp_path, "u.txt", uncounted))


def test_one_funds_figure_larger_than_all_funds(tmp_path: Path) -> None:
    # All income is 财政拨款 (1434.78 + 上年结转23.00 = 1457.78), so 财政拨款's 基本支出 cannot exceed all funds' 670.09:
    # the 财政拨款收支总表 printing 753.74 (with 项目支出 704.04 for 787.69, the total still 1457.78) is wrong.
    text = ("某某县政务服务管理局2022年部门预算\n一、收支预算总体情况说明\n"
            "2022年支出总计1457.78万元，其中：基本支出670.09万元，项目支出787.69万元。\n"
            "财政拨款收支预算总表\n单位：万元\n"
            "收入项目\t预算数\t支出项目\t预算数\n"
            "一、本年收入\t1434.78\t一、本年支出\t1457.78\n"
            "（一）一般公共预算拨款\t1434.78\t（一）基本支出\t670.09\n"
            "二、上年结转\t23.00\t（二）项目支出\t787.69\n"
            "收入总计\t1457.78\t支出总计\t1457.78\n")
    wrong = text.replace("基本支出\t670.09", "基本支出\t753.74").replace("项目支出\t787.69", "项目支出\t704.04")
    assert not [f for f in _text(tmp_path, "r.txt", text).findings if f.rule == "fund-scope-row"]
    found = [f for f in _text(tmp_path, "w.txt", wrong).findings if f.rule == "fund-scope-row"]
    assert [(f.severity, f.expected) for f in found] == [("error", "≤670.09万元")]


def test_a_blank_subtotal_under_income_and_expense_item_headers(tmp_path: Path) -> None:
    # 收入项目 | 决算数 | 支出项目 | 决算数: two sides. 本年收入合计 printed blank: 470.19 + 0 = 470.19, and with 年初结转
    # 1.80 it gives 收入总计 471.99.
    rows = [["收入项目", "决算数", "支出项目", "决算数"],
            ["一、一般公共预算拨款收入", "470.19", "一、社会保障和就业支出", "60.10"],
            ["二、政府性基金预算拨款收入", "0.00", "二、卫生健康支出", "404.56"],
            ["", "", "三、住房保障支出", "7.33"],
            ["本年收入合计", "", "本年支出合计", "471.99"],
            ["年初结转和结余", "1.80", "年末结转和结余", "0.00"],
            ["收入总计", "471.99", "支出总计", "471.99"]]
    # 60.10 + 404.56 + 7.33 = 471.99
    table = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    html = ("<html><body><h1>某某区卫生健康委员会2023年度部门决算</h1><p>表1 收入支出决算总表</p><p>单位：万元</p>"
            f"<table>{table}</table></body></html>")
    p = tmp_path / "b.html"
    p.write_text(html, encoding="utf-8")
    found = [f for f in check(p).findings if f.rule == "table-identity"]
    assert [(f.severity, f.expected) for f in found] == [("error", "470.19")]


def test_a_project_table_over_three_pages_of_layout_text(tmp_path: Path) -> None:
    # The project table as a PDF-to-text tool prints it: its heading and first row, the page's number and running
    # head, rows without a heading, the next page's, then （续表） with the heading again and the 合计.
    # 2,610,220.33 + 1,402,200.00 + 2,545,195.00 = 6,557,615.33. The heading was joined to the first row as a
    # sentence, and the first row (社会组织培育 261.02万元) was read in no table.
    text = ("某某县民政局2022年部门预算\n一、收支预算总体情况说明\n2022年收入预算总计655.76万元，支出预算总计655.76万元。\n"
            "（一）社会组织培育项目，预算安排261.02万元，主要用于设备购置和系统运维。\n\n"
            "          表5某某县民政局2022年项目支出预算表\n"
            "编制单位：某某县民政局　　　　单位：元\n"
            "项目名称                   功能科目编码   合计           一般公共预算拨款   上年结转\n"
            "社会组织培育                    2080203   2,610,220.33       2,610,220.33         0.00\n\n"
            "                                  6\n\n"
            "某某县民政局2022年部门预算\n"
            "特困人员供养                    2080204   1,402,200.00       1,402,200.00         0.00\n\n"
            "                                  7\n\n"
            "某某县民政局2022年部门预算\n"
            "表5某某县民政局2022年项目支出预算表（续表）\n"
            "项目名称               功能科目编码   合计            一般公共预算拨款   上年结转\n"
            "孤儿基本生活费              2082102    2,545,195.00       2,440,600.00     104,595.00\n"
            "合计                                  6,557,615.33       6,453,020.33     104,595.00\n")
    assert _right_then_wrong(tmp_path, text, "预算安排261.02万元", "预算安排621.02万元") == \
        [("project-amount", "261.02万元（2,610,220.33元）")]


def test_a_short_projects_name_at_the_head_of_its_paragraph(tmp_path: Path) -> None:
    # 高龄津贴 (4 characters) is bound only where a paragraph opens with it as a project's; a final's 支出决算 is the
    # project's amount. 30.64 + 185.01 = 215.65.
    text = ("某某区民政局2025年度部门决算\n六、项目支出决算情况说明\n"
            "（二）高龄津贴项目，支出决算30.64万元，主要用于补贴发放。\n"
            "表6 某某区民政局2025年项目支出决算明细表\n单位：万元\n"
            "项目名称\t功能科目编码\t合计\t本年财政拨款\t年初结转和结余\n"
            "合计\t\t215.65\t179.73\t35.92\n"
            "高龄津贴\t2081003\t30.64\t30.64\t0.00\n"
            "高龄津贴（二期）\t2081902\t185.01\t149.09\t35.92\n")
    assert _right_then_wrong(tmp_path, text, "支出决算30.64万元", "支出决算24.45万元") == [("project-amount", "30.64万元")]


def test_a_groups_items_without_class_rows(tmp_path: Path) -> None:
    # 人员经费 over 301/303 items and 公用经费 over 302 items, no 类 rows: 公用经费 = 7.66 + 12.47 + 30.66 = 50.79;
    # 人员经费 = 134.87 + 314.88 + 35.95 = 485.70; 合计 536.49.
    text = ("某某区教育局2023年度部门决算\n一般公共预算财政拨款基本支出决算表\n单位：万元\n"
            "经济分类科目编码\t科目名称\t决算数\n"
            "\t人员经费\t485.70\n30101\t基本工资\t134.87\n30102\t津贴补贴\t314.88\n30302\t退休费\t35.95\n"
            "\t公用经费\t50.79\n30201\t办公费\t7.66\n30202\t印刷费\t12.47\n30213\t维修（护）费\t30.66\n"
            "\t合计\t536.49\n")
    r = _text(tmp_path, "r.txt", text)
    assert not _errors(r)
    # 公用经费 printed 31.79 (the 合计 517.49 made of it): the subtotal is named against its items, and so is the 合计
    wrong = _text(tmp_path, "w.txt", text.replace("公用经费\t50.79", "公用经费\t31.79").replace("合计\t536.49", "合计\t517.49"))
    found = [(f.rule, f.stated, f.expected) for f in wrong.findings if f.severity == "error"]
    assert ("table-hierarchy", "31.79", "50.79") in found and all(rule == "table-hierarchy" for rule, _, _ in found)


def test_a_change_without_a_rate_written_the_wrong_way(tmp_path: Path) -> None:
    # 年初预算20.25, 支出决算22.58: 决算数 is 2.33 above the budget (22.58 ÷ 20.25 = 111.51% → 111.5%).
    text = ("某某区民政局2025年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
            "2081003老年福利：年初预算为20.25万元，支出决算为22.58万元，完成年初预算的111.5%。决算数比年初预算增加2.33万元。"
            "决算数与年初预算数存在差异的主要原因是上年结转资金增加。\n")
    assert _right_then_wrong(tmp_path, text, "比年初预算增加2.33", "比年初预算减少2.33") == [("change-levels", "增加")]
