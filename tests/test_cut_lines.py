"""Prose cut at a fixed width and tables cut by a page, as real documents from other regions print them
(a department's text copied from its PDF into a .txt, a 收支总表 whose 收入总计 opens the next page, a
三公 table that leaves this year's cell blank beside last year's figure), and sentence shapes that came
with them. Each was once read as an error it is not; figures are made up in the same shapes and checked
by hand in the comments, and each test keeps a wrong figure of the shape an error."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table
from test_blind_shapes import GRID, STYLE
from test_unseen_shapes import _check as _text
from test_unseen_shapes import _errors, _status

from budgetdoc import check

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _cut(line: str, width: int) -> list[str]:
    """A line cut at `width` columns as a word processor does: anywhere in Chinese, a number kept whole."""
    out, cur = [], ""
    for tok in re.findall(r"[0-9A-Za-z.,%]+|.", line):
        if cur and _width(cur + tok) > width:
            out.append(cur)
            cur = ""
        cur += tok
    return [*out, cur] if cur else out


@pytest.mark.parametrize("seed", ["000_65a24acc6ee4d560.txt", "002_3ac8441545fefd6e.txt"])
@pytest.mark.parametrize("width", [44, 60])
def test_a_seed_cut_at_a_fixed_width_reads_as_the_seed(tmp_path: Path, seed: str, width: int) -> None:
    # The seed's prose cut into lines of one width (tables left as they are): the same errors, and
    # nearly every statement verified that the seed's own lines verify (seed 002 at 60 columns once
    # lost four growth-rate errors to warnings, and seed 000 gained a false breakdown-sum).
    src = SEEDS / seed
    lines = []
    for line in src.read_text(encoding="utf-8").splitlines():
        lines.extend([line] if "\t" in line or "|" in line or _width(line) <= width else _cut(line, width))
    cut = tmp_path / seed
    cut.write_text("\n".join(lines) + "\n", encoding="utf-8")
    a, b = check(src), check(cut)
    assert len(lines) > len(src.read_text(encoding="utf-8").splitlines()) + 50
    assert {(f.rule, f.stated) for f in b.findings if f.severity == "error"} == \
        {(f.rule, f.stated) for f in a.findings if f.severity == "error"}
    verified = [sum(c.status == "verified" for c in r.claims) for r in (a, b)]
    assert verified[1] >= 0.9 * verified[0]


def test_a_number_that_opens_the_next_line_is_no_numbered_item(tmp_path: Path) -> None:
    # "…，占" / "58.73%；…": the line goes on (58.73 is not item 58.). 221.33 ÷ 376.83 = 58.73%.
    body = ("2020年本年支出合计376.83万元，其中：基本支出221.33万元，占\n58.73%；项目支出155.5万元，占41.27%。\n"
            "2020年财政拨款收、支总计383.93万元。与2019年相比，财政拨款收\n、支总计各增加17.05万元，增长4.65%。\n")
    text = "某某局2020年度部门决算\n" + body * 4
    r = _text(tmp_path, "a.txt", text)
    assert _status(r, "58.73%") == {"verified"}
    assert _status(r, "4.65%") == {"verified"}  # 17.05 ÷ (383.93 − 17.05)
    wrong = _text(tmp_path, "b.txt", text.replace("增长4.65%", "增长4.44%"))
    assert [f.stated for f in wrong.findings if f.rule == "growth-rate" and f.severity == "error"] == ["4.44%"]


def test_an_items_parts_on_the_line_under_it(tmp_path: Path) -> None:
    # Cut at one width, "机构运行1100910.50元，其中：基本支出" / "1100910.50元，项目支出0元。" are one sentence: the
    # 0 is the item's 项目支出, not the department's 53700 (1493924.60 = 1440224.60 + 53700).
    paragraphs = ["2021年一般公共预算拨款支出1493924.60元，其中：基本支出1440224.60元，项目支出53700元，具体支出预算如下：",
                  "机构运行1100910.50元，其中：基本支出1100910.50元，项目支出0元。主要用于事业单位日常运转和各项科技活动工作等方面的支出。",
                  "其他技术研究与开发支出53700元，其中：基本支出0元，项目支出53700元。主要用于其他技术研究与开发支出。",
                  "机关事业单位基本养老保险缴费支出150384元，其中：基本支出150384元，项目支出0元。主要用于机关事业单位人员基本养老保险缴费支出。",
                  "事业单位医疗76142.10元，其中：基本支出76142.10元，项目支出0元。主要用于事业单位的基本医疗保险缴费支出。",
                  "住房公积金112788元，其中：基本支出112788元，项目支出0元。主要用于事业单位人员住房公积金支出。"]
    lines = [part for p in paragraphs for part in _cut(p, 52)]
    text = "某某中心2021年度部门预算\n" + "\n".join(lines) + "\n"
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r, "fact-conflict")
    assert {f.value_yuan for f in r.facts if f.key.endswith("expense.project")} == {Decimal("53700")}
    # 1440224.60 + 63700 = 1503924.60, not 1493924.60
    wrong = _text(tmp_path, "b.txt", text.replace("项目支出53700元，具体", "项目支出63700元，具体"))
    assert _errors(wrong)


def test_a_line_that_opens_with_a_figure_whose_name_is_lost(tmp_path: Path) -> None:
    # A page break cut "…其中：基本支出27" from "19816.81元，项目支出0元": the 0 is an item's 项目支出, not
    # the department's 469500.
    text = ("某某中心2024年度部门预算\n19816.81元，项目支出0元。主要用于人员经费保障。\n"
            "2.项目支出469500元，占一般公共预算支出的15.94%。\n一般公共预算支出2945760.58元。\n")
    r = _text(tmp_path, "a.txt", text)
    assert not _errors(r, "fact-conflict")
    wrong = _text(tmp_path, "b.txt", text + "3.项目支出0元。\n")
    assert _errors(wrong, "fact-conflict")


def test_a_carry_over_named_by_the_year_it_comes_from(tmp_path: Path) -> None:
    # "2019年结转" is the carry-over from 2019, rightly so named; the sentence's total is labelled 2019 in a
    # 2020 final and compared with 2019: that is the slip, and the finding quotes it.
    text = ("某某法院2020年度部门决算\n"
            "2019年某某法院收入决算总额为6754.31万元，其中预算财政拨款3277.62万元，2019年结转3476.69万元，"
            "收入决算总额较2019年增加1122.72万元，增长19.94%。\n"
            "2025年“三公”经费预算13.85万元，比2025年减少5.45万元。其中：因公出国（境）费用0万元，比2025年减少5万元。\n")
    r = _text(tmp_path, "a.txt", text)
    found = [f.message for f in r.findings if f.rule == "self-comparison"]
    assert len(found) == 2
    assert "收入决算总额为6754.31万元" in found[0] and "结转" not in found[0]
    assert "13.85万元" in found[1]  # the item of no year of its own is not a second slip


def test_a_change_whose_words_stand_in_the_clause_before(tmp_path: Path) -> None:
    # "本年支出与2021年度相比，减少9.21万元，降低8.60%": 本年支出 97.78; 9.21 ÷ (97.78 + 9.21) = 8.61%, 8.60
    # within rounding (9.205 ÷ 106.995 = 8.603%); not of 年初结转和结余16.34 (36.05%).
    text = ("某某局2022年度部门决算\n2022年度政府性基金预算财政拨款年初结转和结余16.34万元，本年收入81.45万元，"
            "本年支出97.78万元，年末结转和结余0万元。本年支出与2021年度相比，减少9.21万元，降低8.60%。\n")
    r = _text(tmp_path, "a.txt", text)
    assert _status(r, "8.60%") == {"verified"}
    assert not _errors(r)
    wrong = _text(tmp_path, "b.txt", text.replace("降低8.60%", "降低9.60%"))
    assert [f.stated for f in wrong.findings if f.rule == "growth-rate"] == ["9.60%"]


def test_a_fill_in_prompt_left_in_brackets(tmp_path: Path) -> None:
    text = ("某某局2021年度部门决算\n公务接待费支出1.34万元，比上年减少0.44万元，下降24.72%，主要原因是【请填写变动原因】。\n"
            "【注：本表金额单位为万元】\n")
    r = _text(tmp_path, "a.txt", text)
    assert [f.stated for f in r.findings if f.rule == "template-residue" and f.severity == "error"] \
        == ["【请填写变动原因】"]


def test_names_fewer_than_the_count_given_as_the_whole(tmp_path: Path) -> None:
    text = ("某某局2022年度部门预算\n纳入本部门2022年度部门预算编报范围的单位共3个，具体包括：某某局（本级）、某某服务中心。\n"
            "本部门共有内设机构5个，包括：办公室、财务科、业务科。\n")
    r = _text(tmp_path, "a.txt", text)
    found = [f for f in r.findings if f.rule == "count-breakdown"]
    # 具体包括 gives the whole list: 2 names for 3; a plain 包括 may name some only.
    assert [(f.severity, f.stated) for f in found] == [("warning", "3个")]
    right = _text(tmp_path, "b.txt", text.replace("单位共3个", "单位共2个"))
    assert not [f for f in right.findings if f.rule == "count-breakdown"]


def _pdf(path: Path, parts: list[list]) -> Path:
    story: list = []
    for n, part in enumerate(parts):
        if n:
            story.append(PageBreak())
        for x in part:
            story.append(Paragraph(x, STYLE) if isinstance(x, str) else Table(x, style=GRID))
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


# A stacked 收支预算总表 in 元, cut after its income rows: the next page opens with 续表, the header again
# and 收入总计. 10,237,248.00 + 953,585.00 = 11,190,833.00; + 1,137,314.00 = 12,328,147.00 = 支出总计
# (782,336.00 + 288,346.00 + 10,815,184.00 + 442,281.00); the text's 1232.81万元 is 12,328,147元.
HEAD = ["项目", "上年预算数", "本年预算数"]
INCOME = [HEAD, ["收入", "", ""], ["一、一般公共预算拨款收入", "10,365,910.00", "10,237,248.00"],
          ["二、其他收入", "1,118,120.00", "953,585.00"], ["本年收入合计", "11,484,030.00", "11,190,833.00"],
          ["上年结转", "0.00", "1,137,314.00"]]
EXPENSE = [HEAD, ["收入总计", "11,484,030.00", "12,328,147.00"], ["支出", "", ""],
           ["一、社会保障和就业支出", "729,500.00", "782,336.00"], ["二、卫生健康支出", "348,310.00", "288,346.00"],
           ["三、农林水支出", "9,914,300.00", "10,815,184.00"], ["四、住房保障支出", "491,920.00", "442,281.00"],
           ["本年支出合计", "11,484,030.00", "12,328,147.00"], ["结转下年", "0.00", "0.00"],
           ["支出总计", "11,484,030.00", "12,328,147.00"]]


def test_a_summary_table_whose_income_total_opens_the_next_page(tmp_path: Path) -> None:
    text = ["某某局2021年部门预算", "一、收支预算总体情况", "2021年收入总计1232.81万元，支出总计1232.81万元。"]
    r = check(_pdf(tmp_path / "a.pdf", [text, ["表1", "收支预算总表", "部门：某某局 单位：元", INCOME],
                                         ["续表", EXPENSE]]))
    assert not _errors(r)
    assert [f.value_yuan for f in r.facts if f.key == "income.total" and f.loc.table] == [12328147]
    wrong = ["某某局2021年部门预算", "一、收支预算总体情况", "2021年收入总计1242.81万元，支出总计1232.81万元。"]
    r2 = check(_pdf(tmp_path / "b.pdf", [wrong, ["表1", "收支预算总表", "部门：某某局 单位：元", INCOME],
                                          ["续表", EXPENSE]]))
    assert "table-text" in [f.rule for f in r2.findings if f.severity == "error"]


# 三公 with last year's and this year's budget: this year buys no car (its cell left blank), last year
# bought one for 11.71. 公务用车 3.63 = 购置 (blank) + 运行 3.63; 合计 7.47 = 0 + 3.63 + 3.84.
SANGONG = [["项目", "上年预算数", "本年预算数"], ["1.因公出国（境）费", "", ""],
           ["2.公务用车购置及运行维护费", "15.34", "3.63"], ["其中：（1）公务用车购置费", "11.71", ""],
           ["（2）公务用车运行维护费", "3.63", "3.63"], ["3.公务接待费", "3.62", "3.84"], ["合计", "18.96", "7.47"]]


def test_a_blank_this_year_cell_beside_last_years_figure(tmp_path: Path) -> None:
    r = check(_pdf(tmp_path / "a.pdf", [["某某局2025年部门预算", "一般公共预算“三公”经费支出表", "单位：万元", SANGONG]]))
    assert not _errors(r)
    assert not [f for f in r.facts if f.key == "sangong.vehicle_purchase"]
    # This year's 因公出国（境）费 printed 0.00: the total 8.47 is then no sum of 0.00 + 3.63 + 3.84.
    wrong = [["1.因公出国（境）费", "", "0.00"] if row[0].startswith("1.") else
             ["合计", "18.96", "8.47"] if row[0] == "合计" else row for row in SANGONG]
    r2 = check(_pdf(tmp_path / "b.pdf", [["某某局2025年部门预算", "一般公共预算“三公”经费支出表", "单位：万元", wrong]]))
    assert _errors(r2)


# A 财政拨款收入支出决算总表 side by side, its 支出 classes going on over the page with their 行次 and no
# header (its first rows print no amount). 616.88 + 81.44 = 698.32; + 38.54 = 736.86 = 736.32 + 0.54;
# 100.90 + 97.78 + 499.77 + 37.87 = 736.32. Under 年初财政拨款结转和结余 38.54 its 其中 rows (22.20 + 16.34) are the carry-over's, not the
# year's 一般公共预算财政拨款 616.88.
FISCAL_P1 = [["项目", "行次", "金额", "项目", "行次", "合计"], ["一、一般公共预算财政拨款", "1", "616.88", "一、一般公共服务支出", "10", ""],
             ["二、政府性基金预算财政拨款", "2", "81.44", "二、社会保障和就业支出", "11", "100.90"],
             ["", "", "", "三、城乡社区支出", "12", "97.78"]]
FISCAL_P2 = [["", "", "", "十五、商业服务业等支出", "24", ""], ["", "", "", "十六、金融支出", "25", ""],
             ["", "", "", "四、自然资源海洋气象等支出", "13", "499.77"], ["", "", "", "五、住房保障支出", "14", "37.87"],
             ["本年收入合计", "4", "698.32", "", "", ""], ["年初财政拨款结转和结余", "5", "38.54", "", "", ""],
             ["其中：一般公共预算财政拨款", "6", "22.20", "本年支出合计", "32", "736.32"],
             ["政府性基金预算财政拨款", "7", "16.34", "年末财政拨款结转和结余", "33", "0.54"],
             ["收入总计", "9", "736.86", "支出总计", "34", "736.86"]]


def test_a_carry_overs_parts_on_the_next_page(tmp_path: Path) -> None:
    text = ["某某局2022年度部门决算", "2022年度一般公共预算财政拨款收入616.88万元。"]
    r = check(_pdf(tmp_path / "a.pdf", [text + ["财政拨款收入支出决算总表", "单位：万元", FISCAL_P1], [FISCAL_P2]]))
    assert not _errors(r)
    assert [f.value_yuan for f in r.facts if f.key == "income.gpb"] == [6168800, 6168800]
    wrong = [["某某局2022年度部门决算", "2022年度一般公共预算财政拨款收入626.88万元。"]]
    r2 = check(_pdf(tmp_path / "b.pdf", [wrong[0] + ["财政拨款收入支出决算总表", "单位：万元", FISCAL_P1], [FISCAL_P2]]))
    assert _errors(r2)


# 支出决算表 (all funds): 212 城乡社区支出 139.21 of 政府性基金, 208 80.43 of 一般公共预算. The 政府性基金 table
# prints 年初结转 31.56 | 本年收入 170.78 | 本年支出 139.21 | 年末结转 63.13 (31.56 + 170.78 − 139.21 = 63.13).
FUND_TABLES = ("某某局2020年度部门决算\n支出决算表\n单位：万元\n"
               "科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出\n"
               "\t合计\t219.64\t80.43\t139.21\n208\t社会保障和就业支出\t80.43\t80.43\t0.00\n"
               "212\t城乡社区支出\t139.21\t0.00\t139.21\n"
               "政府性基金预算财政拨款收入支出决算表\n单位：万元\n"
               "科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出\t基本支出\t项目支出\t年末结转和结余\n"
               "212\t城乡社区支出\t31.56\t170.78\tGF\t0.00\tGF\t63.13\n")


def test_a_fund_tables_spending_is_not_its_income(tmp_path: Path) -> None:
    r = _text(tmp_path, "a.txt", FUND_TABLES.replace("GF", "139.21"))
    assert not _errors(r)
    assert [f.value_yuan for f in r.facts if f.key == "gf.func.212"] == [1392100]
    # The fund's own spending above all funds' on the same item: one of the two tables is wrong.
    wrong = _text(tmp_path, "b.txt", FUND_TABLES.replace("GF", "149.21").replace("63.13", "53.13"))
    assert [f.stated for f in wrong.findings if f.rule == "fund-scope-row"] == ["139.21"]
