"""Each rule on small documents written here: one where it must fire, one where it must not.
Expected values are computed by hand in the comments."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetdoc import check

HEAD = "某某局2020年度部门决算\n第二部分 2020年度部门决算情况说明\n"


def findings(tmp_path: Path, body: str, head: str = HEAD):
    p = tmp_path / "doc.txt"
    p.write_text(head + body + "\n", encoding="utf-8")
    return check(p).findings


CASES = [
    # rule, body that must fire, body that must not, (stated, expected) of the firing finding
    ("share",
     "本年支出合计517.23万元，其中：基本支出319.06万元，占65.7%；项目支出198.17万元，占34.3%。",
     "本年支出合计517.23万元，其中：基本支出319.06万元，占61.7%；项目支出198.17万元，占38.3%。",
     ("65.7%", "61.7%")),  # 319.06/517.23 = 61.686%
    ("growth-rate",
     "收、支总计384.49万元。与2019年相比，收、支总计各增加17.05万元，增长4.43%。",
     "收、支总计384.49万元。与2019年相比，收、支总计各增加17.05万元，增长4.64%。",
     ("4.43%", "4.64%")),  # 17.05/(384.49-17.05) = 4.640%
    ("growth-rate",  # rounding: 0.12/0.83 = 14.46% is still consistent with 14.41% (domain.md)
     "年初结转和结余0.95万元。与上年决算相比，增加0.12万元，增长16.41%。",
     "年初结转和结余0.95万元。与上年决算相比，增加0.12万元，增长14.41%。",
     ("16.41%", "14.46%")),
    ("completion-rate",
     "三公经费预算为1.5万元，支出决算为1.73万元，完成预算的105.33%。",
     "三公经费预算为1.5万元，支出决算为1.73万元，完成预算的115.33%。",
     ("105.33%", "115.33%")),  # 1.73/1.5 = 115.33%
    ("zero-base",
     "一般行政管理事务（项）。年初预算0万元，支出决算791.16万元，完成年初预算的100%。",
     "一般行政管理事务（项）。年初预算0万元，支出决算791.16万元，年初无该类预算。",
     ("100%", "不适用（预算为0）")),
    ("change-direction",
     "公用经费98.73万元，较上年减少52.63万元，增加了114.16%。",
     "公用经费98.73万元，较上年增加52.63万元，增长114.16%。",
     ("减少/增加了", None)),
    ("breakdown-sum",
     "政府采购支出总额0万元，其中：政府采购货物支出13.36万元、政府采购工程支出0万元、政府采购服务支出0万元。",
     "政府采购支出总额13.36万元，其中：政府采购货物支出13.36万元、政府采购工程支出0万元、政府采购服务支出0万元。",
     ("0万元", "13.36万元")),
    ("identity",
     "收入总计520.00万元。\n本年收入合计517.23万元。\n使用非财政拨款结余0万元。\n年初结转和结余0万元。",
     "收入总计517.23万元。\n本年收入合计517.23万元。\n使用非财政拨款结余0万元。\n年初结转和结余0万元。",
     ("520.00万元", "517.23万元")),
    ("fact-conflict",
     "本年支出合计376.83万元。\n第三部分\n本年支出合计376.38万元。",
     "本年支出合计376.83万元。\n第三部分\n本年支出合计376.83万元。",
     ("376.38万元", "376.83万元")),
    ("comparison-year",
     "机关运行经费17.41万元，比2018年增加1.74万元，增长11.10%。",
     "机关运行经费17.41万元，比2019年增加1.74万元，增长11.10%。与2020年预算相比，增加0万元。",
     ("2018", "2019")),
    ("period-kind",
     "纳入2021年部门预算编制范围的二级预算单位包括：本级。",
     "纳入2020年部门决算编制范围的二级预算单位包括：本级。",
     ("2021年预算", "2020年决算")),
    ("template-residue",
     "卫生健康支出类决算数为22.43万元，与年初预算相比增加(减少)5.71万元。",
     "卫生健康支出类决算数为22.43万元，与年初预算相比增加5.71万元。",
     ("增加(减少)", None)),
    ("unit-missing",
     "2020年一般公共预算支出决算数为332.77，完成预算97.89%。",
     "2020年一般公共预算支出决算数为332.77万元，完成预算97.89%。",
     ("332.77", "332.77万元")),
]


@pytest.mark.parametrize(("rule", "bad", "good", "values"), CASES, ids=[c[0] for c in CASES])
def test_rule_fires_and_stays_quiet(tmp_path: Path, rule: str, bad: str, good: str, values) -> None:
    hits = [f for f in findings(tmp_path, bad) if f.rule == rule]
    assert hits, f"{rule} did not fire"
    stated, expected = values
    assert hits[0].stated == stated
    if expected is not None:
        assert hits[0].expected == expected
    assert hits[0].evidence and hits[0].evidence[0].quote
    assert not [f for f in findings(tmp_path, good) if f.rule == rule]


def test_period_kind_heading_in_budget(tmp_path: Path) -> None:
    head = "某某局2021年度部门预算\n"
    assert any(f.rule == "period-kind" for f in findings(tmp_path, "八、政府性基金预算支出决算情况说明", head))
    assert not any(f.rule == "period-kind" for f in findings(tmp_path, "八、政府性基金预算支出预算情况说明", head))


def test_last_digit_slip_is_a_warning(tmp_path: Path) -> None:
    # 20.86/332.77 = 6.269% -> 6.27%; "6.26%" misses by one unit of the last digit
    body = "一般公共预算财政拨款支出332.77万元，主要用于：住房保障支出20.86万元，占6.26%。"
    hit = next(f for f in findings(tmp_path, body) if f.rule == "share")
    assert hit.severity == "warning" and hit.expected == "6.27%"


def test_growth_from_two_levels(tmp_path: Path) -> None:
    body = "公务用车运行维护费1.73万元，上年1.43万元，增加25.98%。"  # (1.73-1.43)/1.43 = 20.98%
    hit = next(f for f in findings(tmp_path, body) if f.rule == "growth-rate")
    assert (hit.stated, hit.expected) == ("25.98%", "20.98%")
    ok = "公务用车运行维护费1.73万元，上年1.43万元，增加20.98%。"
    assert not findings(tmp_path, ok)
