"""Shapes a tenth generator written blind (bench/blind10: a department with its 本级 and units, each unit's own
section; 机关运行经费 in a local scope; rates after a bracket of sub-items; 与上年年初预算数X相比; finals with
年初 / 调整 / 决算; tables as text with cells two spaces apart) and real excerpts gathered since used, each once
misread or missed. Figures are made up in the same shapes and checked by hand."""

from __future__ import annotations

from pathlib import Path

import openpyxl
from reportlab.lib.pagesizes import A4
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas
from test_blind5_shapes import _right_then_wrong
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors

from budgetdoc import check
from budgetdoc.load import load


def test_a_bare_figure_word_after_an_unknown_name_is_not_the_sentence_befores(tmp_path: Path) -> None:
    # "因公出国费预算数0万元,决算数0万元": the 决算数 is 因公出国费's, not the 三公经费 the sentence before states
    # (it was read as 三公经费 0, against 1645.14).
    text = ("某某市2021年“三公”经费决算情况\n"
            "2021年“三公”经费财政拨款支出合计预算数1691.24万元,决算数1645.14万元。"
            "出国经费预算数0万元,决算数0万元。公务接待费预算数145.00万元,决算数142.56万元。\n")
    assert not _errors(_text(tmp_path, "a.txt", text), "fact-conflict")


def test_a_comparison_with_last_years_budget_is_no_item_of_the_list(tmp_path: Path) -> None:
    # 机关运行经费229.91 = 109.67 + 120.24; "与上年年初预算数238.56万元相比减少8.65万元" is the base of the change
    # (238.56 − 229.91 = 8.65; 8.65 ÷ 238.56 = 3.63%), not a third item (109.67 + 120.24 + 238.56 = 468.47).
    text = ("某某局2026年部门预算\n七、机关运行经费\n2026年机关运行经费229.91万元，其中：基本支出安排109.67万元，"
            "项目支出安排120.24万元，与上年年初预算数238.56万元相比减少8.65万元，下降3.63%。\n"
            "“三公”经费4.24万元，其中公务用车购置及运行维护费3.13万元（其中：购置费0.00万元；运行维护费3.13万元），"
            "与2025年年初预算数3.09万元相比增加0.04万元，增长1.29%。\n")
    assert not _errors(_text(tmp_path, "a.txt", text))
    assert _right_then_wrong(tmp_path, text, "减少8.65万元，下降3.63%", "减少8.65万元，下降3.36%") == \
        [("growth-rate", "3.63%")]


def test_amounts_in_another_scale_or_per_head_are_no_unit_slip(tmp_path: Path) -> None:
    figures = "".join(f"第{i}项支出{i}.00万元；" for i in range(1, 40))
    text = (f"某某局2021年部门预算\n二、支出情况\n{figures}\n重点项目投资超过10.4亿元。工会经费人均定额增加1000元，"
            "监护补贴标准为每月200元。\n")
    assert "unit-mix" not in {f.rule for f in _text(tmp_path, "a.txt", text).findings}
    # A figure of the document in 元 in a text kept in 万元 still is.
    slip = _text(tmp_path, "b.txt", text + "国有资本经营预算支出3000元。\n")
    assert [f.stated for f in slip.findings if f.rule == "unit-mix"] == ["3000元"]


_DELIMITED = (
    "某某局2026年部门预算\n五、一般公共预算财政拨款支出情况说明\n2026年一般公共预算财政拨款支出68.67万元。\n"
    "公开05表  某某局2026年一般公共预算财政拨款支出预算表\n单位：万元\n"
    "科目编码  科目名称  合计  基本支出  项目支出\n"
    "合计    68.67  -  68.67\n"
    "229  其他支出  68.67  -  68.67\n"
    "22960  彩票公益金安排的支出  68.67  -  68.67\n"
    "2296002  用于社会福利的彩票公益金支出  68.67  -  68.67\n"
    "公开07表  某某局2026年一般公共预算财政拨款“三公”经费支出预算表\n单位：万元\n"
    "单位名称  合计  因公出国（境）费  公务用车购置及运行维护费      公务接待费\n"
    "      小计  公务用车购置费  公务用车运行维护费  \n"
    "合计  75.71  5.47  65.44  50.57  14.87  4.80\n"
    "某某局本级  40.53  5.47  34.52  28.30  6.22  0.54\n"
    "某某执法支队  4.24  -  3.13  -  3.13  1.11\n"
    "某某检验检测中心  30.94  -  27.79  22.27  5.52  3.15\n")


def test_a_table_as_text_with_cells_two_spaces_apart(tmp_path: Path) -> None:
    # Each further two spaces is a blank cell: 合计 has no name, 公务用车购置及运行维护费 spans 小计 | 购置费 | 运行维护费.
    p = tmp_path / "t.txt"
    p.write_text(_DELIMITED, encoding="utf-8")
    tables = [b for b in load(p).blocks if b.kind == "table"]
    assert [[c.text for c in r] for r in tables[0].rows[:2]] == \
        [["科目编码", "科目名称", "合计", "基本支出", "项目支出"], ["合计", "", "68.67", "-", "68.67"]]
    assert [(c.text, c.colspan) for c in tables[1].rows[0]][3] == ("公务用车购置及运行维护费", 3)
    assert [c.text for c in tables[1].rows[2]] == ["合计", "75.71", "5.47", "65.44", "50.57", "14.87", "4.80"]
    # Read in columns, the wrong 三公 合计 of the units is found: 5.47 + 34.52... by rows 40.53 + 4.24 + 30.94 = 75.71.
    r = _text(tmp_path, "w.txt", _DELIMITED.replace("合计  75.71", "合计  78.71"))
    assert "78.71" in {f.stated for f in r.findings if f.severity == "error"}
    assert not _errors(_text(tmp_path, "r.txt", _DELIMITED))


def test_one_row_under_a_heading_is_no_table_when_the_rows_below_cannot_be_placed(tmp_path: Path) -> None:
    # The heading's second line and the 合计 row happened to line up; the unit rows below do not. Read as a
    # table of two rows, 520.21 stood under 人员经费 (it is 基本支出's 小计) and gave a false table-text error.
    text = ("某某局2026年部门预算\n六、基本支出\n2026年一般公共预算财政拨款基本支出520.21万元，其中：人员经费359.70万元，"
            "公用经费160.51万元。\n单位：万元\n单位名称  合计  基本支出  项目支出\n\n— 3 —\n\n"
            "    小计  人员经费  公用经费  \n"
            "合计  1276.57  520.21  359.70  160.51  756.36\n"
            "某某局本级  680.00  203.17  131.22  71.95  476.84\n"
            "某某市场监管综合行政执法支队  234.28  123.83  91.28  32.55  110.44\n"
            "某某食品药品检验检测中心  362.29  193.21  137.20  56.01  169.08\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def _pdf(path: Path, lines: list[tuple[float, str]]) -> None:
    """A one-page PDF of text lines, each at its left edge (points), 16 points apart."""
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("STSong-Light", 10.5)
    y = 780.0
    for x, text in lines:
        c.drawString(x, y, text)
        y -= 16
    c.save()


def test_a_pdf_line_wrapped_short_of_the_one_line_past_the_margin(tmp_path: Path) -> None:
    # A producer that wraps by a count of characters ends lines of many digits short of the others, and
    # one line of wide characters a little past them: the wrapped line is still joined to the next.
    # 46.13 against 51.45: 5.32 less, 10.34%.
    path = tmp_path / "w.pdf"
    _pdf(path, [(46, "某某局2024年部门预算"),
                (46, "五、一般公共预算财政拨款支出预算情况说明"),
                (66, "2024年一般公共预算财政拨款支出915.79万元，比上年年初预算数967.55万元减少51.76万元，下降5.35%。"),
                (66, "1.社会保障和就业支出（类）行政事业单位养老支出（款）机关事业单位基本养老保险缴费（项）46.13万"),
                (46, "元，与2023年年初预算数51.45万元相比减少5.32万元，下降10.34%。"),
                (46, "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十。"),
                (46, "这一行的文字全是汉字，因此比其他行更宽一些，超出了右边距，直到页面边缘附近才结束这一行的文字。")])
    paragraphs = [b.text for b in load(path).blocks if b.kind == "paragraph"]
    assert any(t.endswith("46.13万元，与2023年年初预算数51.45万元相比减少5.32万元，下降10.34%。") for t in paragraphs)
    assert not _errors(check(path))


def test_a_completion_rate_of_the_initial_budget_is_not_of_the_adjusted_one(tmp_path: Path) -> None:
    # 178.20 ÷ 144.82 = 123.05%; 97.1% is 178.20 ÷ 183.55, the 调整预算 the rate does not name.
    text = ("某某局2023年度部门决算\n五、一般公共预算财政拨款支出决算情况说明\n"
            "1.农林水支出（类）农业农村（款）其他农业农村支出（项）：年初预算144.82万元，调整预算183.55万元，"
            "支出决算178.20万元，完成年初预算的123.0%，为调整预算的97.1%。\n")
    assert _right_then_wrong(tmp_path, text, "完成年初预算的123.0%", "完成年初预算的97.1%") == \
        [("completion-rate", "123.0%")]


def test_a_completion_rate_whose_sentence_goes_on_with_the_figure_before(tmp_path: Path) -> None:
    # 1056.90 ÷ 909.05 = 116.26%: the rate's sentence opens "与年初预算909.05万元相比" and the total is the one
    # figure of the sentence before (收入总计 = 支出总计).
    text = ("某某局2024年度部门决算\n一、收入支出决算总体情况说明\n某某局2024年度收入总计1056.90万元，支出总计1056.90万元。"
            "与年初预算909.05万元相比，完成年初预算的116.26%。\n")
    assert _right_then_wrong(tmp_path, text, "完成年初预算的116.26%", "完成年初预算的94.97%") == \
        [("completion-rate", "116.26%")]


def test_a_share_of_the_total_its_sentence_names_and_states(tmp_path: Path) -> None:
    # 68.43 ÷ 92.23 = 74.19%; 48.18% is 68.43 ÷ 142.02, the procurement total that opens the line.
    text = ("某某局2025年部门预算\n八、政府采购情况\n2025年政府采购预算总额142.02万元，其中：货物78.50万元，工程14.78万元，"
            "服务48.74万元。授予中小企业合同金额92.23万元，占政府采购预算总额的64.94%，其中：授予小微企业合同金额"
            "68.43万元，占授予中小企业合同金额的74.19%。\n")
    assert _right_then_wrong(tmp_path, text, "的74.19%", "的48.18%") == [("share", "74.19%")]


def test_a_summary_tables_odd_item_is_named(tmp_path: Path) -> None:
    # 支出总计 1302.63 = 收入总计; 本年支出合计 1276.42 (as the 支出决算表 states it) + 年末结转和结余 26.21. Printed
    # 22.99, the 结转 is named: the sum of the others leaves 26.21 for it.
    text = ("某某局2023年度部门决算\n收入支出决算总表\n单位：万元\n项目\t决算数\t项目\t决算数\n"
            "一、一般公共预算财政拨款收入\t1302.63\t一、一般公共服务支出\t1276.42\n"
            "本年收入合计\t1302.63\t本年支出合计\t1276.42\n"
            "\t\t年末结转和结余\t26.21\n收入总计\t1302.63\t支出总计\t1302.63\n"
            "支出决算表\n单位：万元\n项目\t本年支出合计\t基本支出\t项目支出\n合计\t1276.42\t800.00\t476.42\n")
    assert not _errors(_text(tmp_path, "r.txt", text))
    wrong = _text(tmp_path, "w.txt", text.replace("年末结转和结余\t26.21", "年末结转和结余\t22.99"))
    hit = next(f for f in wrong.findings if f.rule == "table-identity")
    assert "疑为年末结转和结余22.99万元有误（按其余各项应为26.21）" in hit.message
    assert hit.evidence[0].quote == "22.99万元"


def test_a_units_figure_against_its_row(tmp_path: Path) -> None:
    # The 检测中心's 公用经费 in its own section against its row of the 支出总表 (6.00); the department's 26.00
    # = 20.00 + 6.00 is not its figure.
    text = ("某某局2026年部门预算\n十一、本级及所属单位预算情况说明\n（一）某某局本级\n"
            "某某局本级2026年本年支出合计100.00万元。其中：基本支出60.00万元（人员经费40.00万元，公用经费20.00万元）；"
            "项目支出40.00万元。\n（二）某某市检测中心\n某某市检测中心2026年本年支出合计50.00万元。其中：基本支出30.00万元"
            "（人员经费24.00万元，公用经费6.00万元）；项目支出20.00万元。\n部门支出总表\n单位：万元\n"
            "单位名称\t合计\t人员经费\t公用经费\t项目支出\n合计\t150.00\t64.00\t26.00\t60.00\n"
            "某某局本级\t100.00\t40.00\t20.00\t40.00\n某某市检测中心\t50.00\t24.00\t6.00\t20.00\n")
    # (8.00 also breaks the section's own 基本支出 30.00 = 24.00 + 8.00: identity names the sum.)
    assert _right_then_wrong(tmp_path, text, "公用经费6.00万元）", "公用经费8.00万元）") == \
        [("identity", "32.00万元"), ("unit-row-text", "6.00万元")]


def test_a_shares_change_in_points_against_both_years_shares(tmp_path: Path) -> None:
    # An eleventh generator's shape (bench/blind11): 62.49 − 57.17 = 5.32 points; 57.17% is last year's share,
    # its amount labelled "2024年基本支出预算数" (last year's figure, not this year's 基本支出 stated twice).
    text = ("某某局2025年部门预算\n三、支出预算情况说明\n2025年本年支出合计2789.13万元，其中：基本支出1742.93万元，占62.49%；"
            "项目支出1046.20万元，占37.51%。2024年基本支出预算数1668.60万元，占当年支出合计的57.17%；"
            "2025年基本支出占比较上年提高5.32个百分点。\n")
    assert _right_then_wrong(tmp_path, text, "提高5.32个百分点", "提高5.82个百分点") == [("point-change", "5.32")]


def test_a_column_of_rates_headed_fudu_is_never_summed(tmp_path: Path) -> None:
    # 幅度(%) is each row's own rate, no money to add: −6.44 for the total is no sum of −8.33, −4.76 and −10.04
    # (it was added as an amount column). 31.50 = 5.50 + 20.00 + 6.00; 33.67 = 6.00 + 21.00 + 6.67; −2.17 ÷ 33.67 =
    # −6.44%, −0.50 ÷ 6.00 = −8.33%, −1.00 ÷ 21.00 = −4.76%, −0.67 ÷ 6.67 = −10.04%.
    text = ("某某局2025年部门预算\n一般公共预算“三公”经费支出表\n单位：万元\n项目\t本年预算\t上年预算\t增减额\t幅度(%)\n"
            "合计\t31.50\t33.67\t-2.17\t-6.44\n因公出国（境）费\t5.50\t6.00\t-0.50\t-8.33\n"
            "公务用车购置及运行维护费\t20.00\t21.00\t-1.00\t-4.76\n公务接待费\t6.00\t6.67\t-0.67\t-10.04\n")
    assert not _errors(_text(tmp_path, "a.txt", text))


def test_a_car_cost_in_brackets_against_its_table_cell(tmp_path: Path) -> None:
    # bench/blind11: "公务用车购置及运行维护费27.80万元（其中：公务用车购置费20.00万元；公务用车运行维护费7.80万元）"
    # against a 三公 table whose 运行维护费 is 7.80; written 17.80, the sub-item in brackets had been checked by nothing.
    # 33.18 = 2.00 + 27.80 + 3.38; 27.80 = 20.00 + 7.80.
    text = ("某某局2024年部门预算\n四、“三公”经费预算情况说明\n2024年“三公”经费预算33.18万元，其中：因公出国（境）费2.00万元；"
            "公务用车购置及运行维护费27.80万元（其中：公务用车购置费20.00万元；公务用车运行维护费7.80万元）；"
            "公务接待费3.38万元。\n一般公共预算“三公”经费支出表\n单位：万元\n"
            "合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\n"
            "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\n"
            "33.18\t2.00\t27.80\t20.00\t7.80\t3.38\n")
    wrong = _right_then_wrong(tmp_path, text, "运行维护费7.80万元）", "运行维护费17.80万元）")
    assert ("table-text", "7.80万元") in wrong


def test_odd_item_of_a_worksheet_identity_is_named(tmp_path: Path) -> None:
    """A worksheet's cells have no table number: the fact under test is not "stated elsewhere" by itself.
    支出总计 747.4 = the other side's 收入总计 and 本年支出合计 738.89 = the 支出决算表's 合计, so of
    738.89 + 9.56 = 748.45 the odd item is 年末结转和结余 (747.4 − 738.89 = 8.51)."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    for row in [("六安市统计局2025年部门收入支出决算总表",), ("单位：万元",), ("收入", None, "支出", None),
                ("项目", "决算数", "项目", "决算数"), ("一、财政拨款收入", 662.66, "一、一般公共服务支出", 590.03),
                ("二、上级补助收入", 10.58, "二、社会保障和就业支出", 49.42), ("三、其他收入", 42.34, "三、卫生健康支出", 20.68),
                (None, None, "四、住房保障支出", 24.58), (None, None, "五、其他支出", 54.18),
                ("本年收入合计", 715.58, "本年支出合计", 738.89), ("年初结转和结余", 31.82, "年末结转和结余", 9.56),
                ("收入总计", 747.4, "支出总计", 747.4)]:
        ws.append(row)
    ws2 = wb.create_sheet("表2")
    for row in [("六安市统计局2025年部门支出决算表",), ("单位：万元",), ("科目编码", "科目名称", "合计", "基本支出", "项目支出"),
                (None, "合计", 738.89, 600.00, 138.89)]:
        ws2.append(row)
    wb.save(tmp_path / "t.xlsx")
    f = next(f for f in check(tmp_path / "t.xlsx").findings if f.rule == "table-identity")
    assert "疑为年末结转和结余9.56万元有误（按其余各项应为8.51）" in f.message
    assert f.evidence[0].loc.cell == "D11"
