"""Readings that published excerpts of other regions (2021–2024 budgets and finals of 广西, 云南, 安徽 …) showed
misread; the sentences are theirs, figures checked by hand:

- a list under a budget figure (其中) ends at its total's sibling, as under any figure: "二、公务用车购置及运行费预算
  150万元，其中公务用车运行费150万元，…公务用车购置费0万元，三、公务接待费预算200万元" — 200 is no part of 150;
- a budget figure compared with last year (同比 / 比上年) is this year's level of the change, not its base;
- a change that names its quantity before the comparison ("“三公”经费支出决算数比上年减少X") is of that quantity's
  figure stated in the sentence before, not of the first figure of that sentence (the 年初预算).
"""

from __future__ import annotations

from pathlib import Path

from test_unseen_shapes import _check, _errors, _status

# In a final account (or a text that does not say which it is) the 预算 figures keep their role: budget figures.
_SANGONG = ("2023年度部门决算\n（三）“三公”经费情况说明\n"
            "2023年一般公共预算“三公”经费预算安排520万元，与2022年预算持平：一、2023年因公出国(境)费预算170万元，"
            "与2022年预算相比增加170万元，大力开展国外招商工作，二、2023年公务用车购置及运行费预算150万元，"
            "其中公务用车运行费{run}万元，与2022年预算相比减少170万元，主要原因是相应核减公务用车运行费预算，"
            "公务用车购置费0万元，主要原因是严控“三公”经费，三、2023年公务接待费预算200万元，与2022年预算相比持平。\n")


def test_a_budget_figures_list_ends_at_the_next_numbered_item(tmp_path: Path) -> None:
    # 170 + 150 + 200 = 520; 150 = 150 + 0 (by hand).
    r = _check(tmp_path, "ok.txt", _SANGONG.format(run="150"))
    assert not [f for f in r.findings if f.rule == "breakdown-sum"]
    # A 运行费 larger than its own 购置及运行费 is still wrong: 160 + 0 > 150.
    bad = _check(tmp_path, "bad.txt", _SANGONG.format(run="160"))
    assert [(f.rule, f.stated) for f in bad.findings if f.rule == "breakdown-sum"] == [("breakdown-sum", "150万元")]


def _final(sentence: str) -> str:
    return f"2021年度部门决算\n（三）“三公”经费支出决算情况说明\n{sentence}\n"


def test_a_budget_figure_compared_with_last_year_is_the_level(tmp_path: Path) -> None:
    # 1.00 ÷ (4.00 − 1.00) = 33.33% (by hand); ÷ 4.00 would be 25.00%.
    r = _check(tmp_path, "ok.txt", _final("公务接待费年初预算4.00万元，同比增加1.00万元，增长33.33%。"))
    assert not _errors(r, "growth-rate")
    assert _status(r, "33.33%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", _final("公务接待费年初预算4.00万元，同比增加1.00万元，增长25.00%。"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("25.00%", "33.33%")]


def test_a_change_of_the_quantity_it_names_before_its_comparison(tmp_path: Path) -> None:
    # 65000 ÷ 234000 = 27.8%; 313272.50 ÷ (65000 + 313272.50) = 82.82% (by hand); of the 年初预算 234000: 57.24%.
    text = _final("2022年度一般公共预算财政拨款“三公”经费支出年初预算为234000.00元，支出决算为65000.00元，"
                  "完成年初预算的27.8%。\n2022年度一般公共预算财政拨款“三公”经费支出决算数比上年减少313272.50元，"
                  "下降82.82%。").replace("2021年度", "2022年度")
    r = _check(tmp_path, "t.txt", text)
    assert not [f for f in r.findings if f.rule == "growth-rate"]
    assert _status(r, "82.82%") == {"verified"}


def test_a_list_after_a_budget_and_its_final_itemises_the_final(tmp_path: Path) -> None:
    # 0.00 + 59.36 + 1.42 = 60.78 (决算); 59.36 ÷ 60.78 = 97.66…% → 97.67% with the other two; ÷ 71.32 would be 83.23%.
    r = _check(tmp_path, "t.txt", _final(
        "2024年度财政拨款“三公”经费全年预算71.32万元，支出决算60.78万元，完成预算的85.22%。其中：因公出国（境）费"
        "0.00万元，占0.00%；公务用车购置及运行维护费59.36万元，占97.67%；公务接待费1.42万元，占2.33%。"))
    assert not [f for f in r.findings if f.rule in ("share", "breakdown-sum")]
    assert _status(r, "97.67%") == {"verified"}


# Session 40: excerpts of other regions (北京, 湖北, 湖南, 福建, 中央 …; pages11), sentences theirs, figures by hand.

def test_a_text_with_no_title_takes_its_year_from_its_opening(tmp_path: Path) -> None:
    # No title naming a department's account: the opening sentence's year is the report's, so the other year's
    # figures beside it are last year's, not this year's stated twice (1000.86 ≠ 807.95 is no conflict).
    text = ("2022年一般公共预算“三公”经费决算执行情况说明\n"
            "鄂城区2022年的“三公\"经费决算数合计为1000.86万,其中:公务用车购置费399.25万元、公务接待费43.77万元。"
            "2021年的三公经费决算数合计为807.95万,其中:公务用车购置费272.53万元、公务接待费39.43万元。\n")
    r = _check(tmp_path, "a.txt", text)
    assert r.metadata.year == 2022 and r.metadata.kind is None
    assert not _errors(r, "fact-conflict")
    # A year named after the subject ("中央本级2012年“三公经费”…执行数") is that year's figure too.
    text = ("2013年中央本级“三公经费”财政拨款预算79.69亿元中,因公出国(境)费21.36亿元,公务用车购置及运行费43.99亿元,"
            "公务接待费14.34亿元。中央本级2012年“三公经费”财政拨款预算执行数为80.95亿元。\n")
    assert not _errors(_check(tmp_path, "b.txt", text))  # 21.36 + 43.99 + 14.34 = 79.69


def test_an_average_is_no_figure_of_its_quantity(tmp_path: Path) -> None:
    text = ("北京市文物局2013年度部门决算\n2013年市文物局因公出国(境)费用89.64万元。\n"
            "据统计,全年因公出国(境)累计27人次,人均因公出国(境)费用3.32万元。\n")
    assert not _errors(_check(tmp_path, "a.txt", text), "fact-conflict")


def test_a_figure_after_de_is_of_the_words_before(tmp_path: Path) -> None:
    # "相比年初预算数的1.5亿元减少0.3亿元,下降24%": 1.2 against 1.5 (0.3 ÷ 1.5 = 20%, and 24% lies within the
    # rounding of 1.2 and 1.5 亿); not 0.3 against the 6200万元 of the clause before.
    text = ("2015年北京市市级决算“三公”经费情况\n分项看,公务接待费降幅最大,2015年决算数2352万元,相比年初预算数6200万元"
            "下降62.1%;因公出国(境)次之,共1.2亿元,相比年初预算数的1.5亿元减少0.3亿元,下降24%。\n")
    assert not _errors(_check(tmp_path, "a.txt", text), "growth-rate")


def test_jia_after_the_comparison_is_the_change(tmp_path: Path) -> None:
    # "比上年预算数加23.47万元" (增加 with a character lost): 23.47 ÷ (251.82 − 23.47) = 10.28%, not a level of 23.47.
    text = ("2024年“三公”经费预算情况说明\n本级2024年“三公”经费预算数为251.82万元,比上年预算数加23.47万元,"
            "与上年预算数相比增长{rate}。\n")
    assert _status(_check(tmp_path, "ok.txt", text.format(rate="10.28%")), "10.28%") == {"verified"}
    bad = _check(tmp_path, "bad.txt", text.format(rate="11.28%"))
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "growth-rate"] == [("11.28%", "10.28%")]


def test_an_identitys_parts_listed_beside_other_amounts(tmp_path: Path) -> None:
    # 255 + 7922 + 144 + 2846 = 11167: the 公务用车 whole is of the 其他交通 items too, not 购置 + 运行 (8177) alone.
    text = ("岳阳市某某局2016年部门预算\n2016年“三公”经费预算为19043万元,其中,公务接待费7494万元,因公出国(境)费382万元,"
            "公务用车购置及运行维护费11167万元(其中,公务用车购置费255万元,公务用车运行维护费7922万元,"
            "其他交通工具购置144万元,其他交通费用2846万元)。\n")
    assert not _errors(_check(tmp_path, "a.txt", text), "identity")


def test_a_budget_reporting_last_years_account_under_its_year(tmp_path: Path) -> None:
    text = ("某某局2022年部门预算\n一、2022年“三公”经费预算安排情况\n2022年度“三公”经费预算总计21.8万元。\n"
            "二、2021年“三公”经费决算情况\n2021年度“三公”经费合计支出20.12万元。\n三、2021年部门决算情况说明\n")
    found = [f.message for f in _check(tmp_path, "a.txt", text).findings if f.rule == "period-kind"]
    assert found == []


def test_a_lead_names_the_figure_of_a_bare_role_word(tmp_path: Path) -> None:
    # "(二)支出预算:2023年年初预算数1,895.74万元" is the 支出 budget: the same as 收入's, no conflict; 支出 of 1,900.74 is.
    text = ("某某县民政局2023年部门预算\n(一)收入预算:2023年年初预算数1,895.74万元。\n(二)支出预算:2023年年初预算数{e}万元。\n"
            "本部门2023年收入预算1,895.74万元，支出预算1,895.74万元。\n")
    assert not _errors(_check(tmp_path, "ok.txt", text.format(e="1,895.74")))
    bad = _check(tmp_path, "bad.txt", text.format(e="1,900.74"))
    assert [f.stated for f in bad.findings if f.severity == "error"] == ["1900.74万元"]


def test_a_sentence_opening_with_qizhong_breaks_down_its_sentence_before(tmp_path: Path) -> None:
    # 梧州 school: 0 + 0 + 95 = 95 编制; "。其中，在职在编人员91人" is of the 95, not of the 聘用教师 4 before it.
    text = ("某某中学2023年部门预算\n一、人员情况\n本单位人员编制总数95名，其中：行政编制0名，参公事业编制0名，"
            "全额事业编制95名，聘用教师控制数4人。其中，在职在编人员91人。\n")
    assert not _errors(_check(tmp_path, "a.txt", text), "count-breakdown")
    # A sentence with one count is still broken down by the 其中 after it: 3 > 2.
    bad = _check(tmp_path, "b.txt", "某某局2023年部门预算\n一、国有资产占用情况\n本单位共有车辆2辆。其中，一般公务用车3辆。\n")
    assert [(f.stated, f.expected) for f in bad.findings if f.rule == "count-breakdown"] == [("2辆", "≥3辆")]


# A 2016 provincial 三公 account (a news reprint of 福建's): changes and rates joined by 和 after 分别, each rate
# divided by this year's figure instead of last year's.
_JOINED = ("2016年省级“三公”经费支出2.29亿元,比上年减少支出0.88亿元,降幅达到38.7%。\n"
           "其中,公务用车购置及运行费1.41亿元,包括公务用车购置费0.14亿元和公务用车运行费1.27亿元,与2015年相比,"
           "分别减少0.18亿元和0.56亿元,下降{rates}。\n")


def test_changes_and_rates_joined_by_he_pair_one_for_one(tmp_path: Path) -> None:
    # By hand: 0.88 ÷ (2.29 + 0.88) = 27.8%; 购置费 0.18 ÷ (0.14 + 0.18) = 56.25% -> 56.3%; 运行费 0.56 ÷ (1.27 +
    # 0.56) = 30.6%. 0.56亿元 is a change (减少 … 和), not a third item of 1.41 = 0.14 + 1.27.
    r = _check(tmp_path, "bad.txt", _JOINED.format(rates="133.1%和43.7%"))
    assert not [f for f in r.findings if f.rule == "breakdown-sum"]
    found = [(f.stated, f.expected) for f in r.findings if f.rule == "growth-rate" and f.severity == "error"]
    assert found == [("38.7%", "27.8%"), ("133.1%", "56.3%"), ("43.7%", "30.6%")]
    ok = _check(tmp_path, "ok.txt", _JOINED.format(rates="56.3%和30.6%").replace("38.7%", "27.8%"))
    assert not _errors(ok) and _status(ok, "56.3%") == _status(ok, "30.6%") == {"verified"}


def test_a_figure_of_the_districts_departments_beside_the_districts(tmp_path: Path) -> None:
    # 鄂城区 2022: the district's 三公 (with 会议费 and 培训费) and the 区直 departments' 财政拨款 三公 are two bodies.
    text = ("2022年一般公共预算“三公”经费决算执行情况说明\n"
            "鄂城区2022年的“三公”经费决算数合计为1000.86万元,其中:因公出国(境)费0万元、公务用车购置费399.25万元、"
            "公务用车运行维护费472.38万元、公务接待费43.77万元、会议费34.10万元、培训费51.37万元。\n"
            "2022年区直财政拨款资金安排“三公”经费决算数为736.40万元,比预算数减少67.62万元。\n")
    r = _check(tmp_path, "a.txt", text)
    assert not _errors(r, "fact-conflict")
    # One body stated twice is still one figure: 1000.86 and 1000.68.
    twice = _check(tmp_path, "b.txt", text + "鄂城区2022年的“三公”经费决算数为1000.68万元。\n")
    assert [f.stated for f in twice.findings if f.rule == "fact-conflict"] == ["1000.68万元"]


def test_the_compared_years_figure_beside_this_years_is_the_base(tmp_path: Path) -> None:
    # 沈阳 市文联 2015 决算: 141.55 − 107.89 = 33.66, 33.66 ÷ 107.89 = 31.2% (by hand). The 2014 figure is the base the
    # sentence states beside 2015's, not a figure compared with its own year.
    text = ("沈阳市文联2015年度部门决算\n1、机关运行经费支出情况。2015年决算为保障机构正常运行而发生的购买货物和服务各项支出合计"
            "141.55万元,2014年为107.89万元,较2014年增加33.66万元,增加31%。\n")
    r = _check(tmp_path, "a.txt", text)
    assert not r.findings and _status(r, "31%") == {"verified"}
    # The figure labelled with the compared year alone is still a self-comparison.
    bad = _check(tmp_path, "b.txt", text.replace("2015年决算为", "2014年决算为"))
    assert [f.rule for f in bad.findings if f.severity == "error"] == ["self-comparison"]
