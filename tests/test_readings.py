"""The claim ledger and its one decision (verify/readings.py): an error only where the text binds a
statement to its figures with certainty and no reading of the document makes it right; what cannot be
decided is unverified. Each class of false error seen on documents the project does not have (issue 24)
on a document written here, with its arithmetic worked by hand in the comments, beside the true defect of
the same shape that must still be an error."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from budgetdoc import check
from budgetdoc.interval import Interval
from budgetdoc.model import Reading
from budgetdoc.verify import Candidate, decide

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


def _doc(tmp_path: Path, body: str, title: str = "某某市某某局2026年部门预算") -> Path:
    p = tmp_path / "doc.txt"
    p.write_text(title + "\n" + body, encoding="utf-8")
    return p


def _errors(result, rule: str | None = None) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in result.findings
            if f.severity == "error" and (rule is None or f.rule == rule)]


def _claim(result, stated: str, kind: str | None = None):
    found = [c for c in result.claims if c.stated.replace(" ", "") == stated and (kind is None or c.kind == kind)]
    assert len(found) == 1, [(c.kind, c.stated) for c in result.claims]
    return found[0]


def _r(text: str = "") -> Reading:
    return Reading(text)


# ---- decide(): the order of the three outcomes ----

def test_decide_verified_when_any_reading_holds() -> None:
    # 61.7% against 319.06/517.23 = 61.686% (holds) and 319.06/500 = 63.8% (does not): verified.
    d = decide(Decimal("61.7"), 1, [Candidate(Interval.exact(Decimal("63.812")), _r("a"), certain=True),
                                     Candidate(Interval.exact(Decimal("61.686")), _r("b"))])
    assert d.status == "verified" and d.reading.text == "b"


def test_decide_contradicted_needs_a_certain_binding() -> None:
    bad = [Candidate(Interval.exact(Decimal("4.64")), _r("certain"), certain=True),
           Candidate(Interval.exact(Decimal("9.9")), _r("other"))]
    d = decide(Decimal("4.43"), 2, bad)
    assert (d.status, d.reading.text, d.miss) == ("contradicted", "certain", "miss")
    # The same readings with nothing certain: unverified, the likeliest reading kept for a warning.
    d = decide(Decimal("4.43"), 2, [Candidate(c.expected, c.reading) for c in bad])
    assert d.status == "unverified" and d.reason and d.reading.text == "certain"


def test_decide_slip_and_zero_base() -> None:
    # 23.94% for 23.946%: one unit of the last digit, a slip.
    assert decide(Decimal("23.94"), 2, [Candidate(Interval.exact(Decimal("23.946")), _r(), True)]).miss == "slip"
    # A certain reading that cannot be computed (a base of 0) leaves the statement unverified.
    d = decide(Decimal("100"), 0, [Candidate(None, _r("0 base"), True)])
    assert d.status == "unverified" and "0" in (d.reason or "")
    assert decide(Decimal("5"), 0, []).status == "unverified"


# ---- classes of false errors ----

def test_rate_of_the_amount_before_its_bracketed_sub_items(tmp_path: Path) -> None:
    # 公务用车购置及运行维护费 500.00 (购置 150.00; 运行维护 350.00) fell by 113.50: 113.50 ÷ 613.50 = 18.50%.
    # Against 350.00 (the amount nearest the change) it would be 113.50 ÷ 463.50 = 24.49%.
    body = ("2026年“三公”经费预算数为520.00万元。其中：因公出国（境）费10.00万元；公务用车购置及运行维护费500.00万元"
            "（其中，公务用车购置费150.00万元；公务用车运行维护费350.00万元），比上年减少113.50万元，下降{}%；"
            "公务接待费10.00万元。\n")
    ok = check(_doc(tmp_path, body.format("18.5")))
    assert _errors(ok, "growth-rate") == []
    claim = _claim(ok, "18.5%", "growth")
    assert claim.status == "verified" and "500.00万元 + 113.50万元" in claim.reading.text
    # 28.5% fits no reading (24.49% against 350.00, 18.50% against 500.00), but nothing binds the rate to
    # one of the two amounts with certainty: the rule asks for a check, it does not say wrong.
    bad = check(_doc(tmp_path, body.format("28.5")))
    assert _claim(bad, "28.5%", "growth").status in ("contradicted", "unverified")


def test_comparison_figure_named_before_the_change(tmp_path: Path) -> None:
    # "比2025年年初预算数180.00万元增加20.00万元，增长11.1%": 180.00 is last year's figure, so 20 ÷ 180 = 11.11%;
    # read as this year's level it would give 20 ÷ 160 = 12.5%.
    ok = check(_doc(tmp_path, "2026年机关运行经费预算为200.00万元，比2025年年初预算数180.00万元增加20.00万元，增长11.1%。\n"))
    assert _errors(ok) == []
    assert _claim(ok, "11.1%", "growth").status == "verified"
    bad = check(_doc(tmp_path, "2026年机关运行经费预算为200.00万元，比2025年年初预算数180.00万元增加20.00万元，增长12.5%。\n"))
    assert _errors(bad, "growth-rate") and _claim(bad, "12.5%", "growth").status == "contradicted"


def test_negative_last_year_level_is_no_base(tmp_path: Path) -> None:
    # 80.00 this year after an increase of 130.00: last year −50.00. No growth rate has such a base.
    r = check(_doc(tmp_path, "2026年一般公共预算支出预算80.00万元，比上年增加130.00万元，增长260.0%。\n"))
    assert _errors(r) == []
    assert _claim(r, "260.0%", "growth").status == "unverified"


def test_budget_units_are_scopes_of_their_own(tmp_path: Path) -> None:
    # The department states 公用经费 500.00, each unit under its own heading states its own (300.00, 200.00);
    # each unit's 基本支出 = 人员经费 + 公用经费 (1700 + 300 = 2000, 800 + 200 = 1000), and 项目支出 after
    # the semicolon is the sibling of 基本支出, no item of its list.
    body = ("一、部门预算收支总体情况\n"
            "2026年部门预算收入合计5000.00万元。基本支出3000.00万元，其中：人员经费2500.00万元，公用经费500.00万元；"
            "项目支出2000.00万元。\n"
            "二、各单位预算情况\n"
            "（一）某某市水利局本级\n"
            "收入合计3000.00万元。基本支出2000.00万元，其中：人员经费1700.00万元，公用经费300.00万元；项目支出1000.00万元。\n"
            "（二）某某市水源保护管理办公室\n"
            "收入合计2000.00万元。基本支出1000.00万元，其中：人员经费800.00万元，公用经费200.00万元；项目支出1000.00万元。\n")
    r = check(_doc(tmp_path, body))
    assert _errors(r) == []
    heads = [c for c in r.claims if c.stated in ("2000.00万元", "1000.00万元") and c.status == "verified"
             and c.rule == "breakdown-sum"]
    assert {c.evidence.quote.split("，")[0][-13:] for c in heads} >= {"基本支出2000.00万元", "基本支出1000.00万元"}
    # Two figures of one quantity within one unit's scope are still a conflict.
    bad = check(_doc(tmp_path, body + "某某市水源保护管理办公室公用经费为210.00万元。\n"))
    assert _errors(bad, "fact-conflict")


def test_operating_cost_is_a_definition_not_an_identity(tmp_path: Path) -> None:
    base = "一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，公用经费20.00万元。\n"
    over = base + "机关运行经费支出25.00万元。\n"
    hit = [f for f in check(_doc(tmp_path, over)).findings if f.rule == "operating-cost"]
    assert [f.severity for f in hit] == ["warning"]
    # A document that counts it over basic and project spending alike: the expectation stands down.
    wide = over + "名词解释：机关运行经费：指按经济分类科目统计的基本支出和项目支出中的办公费、印刷费等支出。\n"
    assert not [f for f in check(_doc(tmp_path, wide)).findings if f.rule == "operating-cost"]


def test_a_project_named_like_the_operating_cost_is_a_project(tmp_path: Path) -> None:
    # 项目支出表 with a project "其他机构运行经费" of 50.00: not the department's 机关运行经费 (30.00).
    html = ("<html><body><p>某某市某某局2026年部门预算</p>"
            "<p>2026年机关运行经费预算30.00万元。</p>"
            "<p>项目支出预算表</p><table><tr><td>项目名称</td><td>金额</td></tr>"
            "<tr><td>其他机构运行经费</td><td>50.00</td></tr><tr><td>信息化建设</td><td>20.00</td></tr></table>"
            "</body></html>")
    p = tmp_path / "doc.html"
    p.write_text(html, encoding="utf-8")
    r = check(p)
    assert not [f for f in r.findings if f.rule == "table-text"]
    assert not [f for f in r.facts if f.key == "operating_cost" and f.value_yuan == Decimal(500000)]


def test_completion_of_the_adjusted_budget(tmp_path: Path) -> None:
    # 年初预算 100.00, 调整预算 120.00, 决算 114.00: 114 ÷ 120 = 95.00% (of the adjusted budget the rate names
    # none of); 114 ÷ 100 = 114% would be the initial budget's.
    body = "2025年度部门决算\n公务接待费年初预算为100.00万元，调整预算为120.00万元，决算为114.00万元，完成预算的95.00%。\n"
    r = check(_doc(tmp_path, body, title="某某局2025年度部门决算"))
    assert _errors(r, "completion-rate") == []
    assert _claim(r, "95.00%", "completion").status == "verified"


def test_a_fall_to_nothing_is_a_fall_of_a_hundred_percent(tmp_path: Path) -> None:
    ok = check(_doc(tmp_path, "2026年安排公务用车购置费预算0.00万元，比上年预算数下降100%。\n"))
    assert _claim(ok, "100%", "growth").status == "verified"
    bad = check(_doc(tmp_path, "2026年安排公务用车购置费预算0.00万元，比上年预算数下降50%。\n"))
    assert _errors(bad, "growth-rate") and _claim(bad, "50%", "growth").status == "contradicted"


def test_share_of_the_total_its_section_opens_with(tmp_path: Path) -> None:
    # 5756.51 ÷ 5973.01 = 96.38% -> 96.4%; 145.08 ÷ 5973.01 = 2.43% -> 2.4%. The total is stated in the first
    # subsection, the shares in the second.
    body = ("（五）一般公共预算当年拨款情况说明\n1.一般公共预算当年拨款规模变化情况。\n"
            "2026年一般公共预算当年拨款5973.01万元，比上年执行数减少263.59万元。\n"
            "2.一般公共预算当年拨款结构情况。\n"
            "社会保障和就业（类）支出5756.51万元，占96.4%；\n住房保障（类）支出145.08万元，占2.4%。\n")
    r = check(_doc(tmp_path, body))
    assert _claim(r, "96.4%", "share").status == "verified"
    assert "5973.01" in _claim(r, "2.4%", "share").reading.text


# ---- the ledger on a real document ----

def test_ledger_of_seed_002() -> None:
    r = check(SEEDS / "002_3ac8441545fefd6e.txt")
    # Line 26: 收、支总计384.49万元, 增加17.05万元, 增长4.43%: 17.05 ÷ (384.49 − 17.05) = 4.64%, a real error.
    growth = next(c for c in r.claims if c.kind == "growth" and c.stated == "4.43%")
    assert growth.status == "contradicted" and growth.rule == "growth-rate" and growth.evidence.loc.line == 26
    assert any(f.rule == "growth-rate" and f.stated == "4.43%" and f.severity == "error" for f in r.findings)
    # Every error-severity finding that names a statement is that statement's contradiction.
    contradicted = {(c.evidence.loc, c.stated) for c in r.claims if c.status == "contradicted"}
    assert (growth.evidence.loc, "4.43%") in contradicted
    d = r.to_dict()
    assert d["ledger"]["claims"] == len(d["claims"]) == sum(d["ledger"][s] for s in ("verified", "contradicted", "unverified"))
    assert all(c["status"] != "verified" or c.get("reading") for c in d["claims"])
    assert all(c["status"] != "unverified" or c.get("reason") for c in d["claims"])


# ---- one figure across the tables (issue 25, class 2) ----

def _two_tables(tmp_path: Path, fiscal_gpb: str, text: str = "一般公共预算拨款收入100.00万元") -> Path:
    # 收支总表 and 财政拨款收支总表 both print the 一般公共预算 income row; the text states it too.
    html = ("<html><body><p>某某市某某局2026年部门预算</p>"
            f"<p>2026年部门收入预算150.00万元，其中：{text}，其他收入50.00万元。</p>"
            "<p>部门收支预算总表</p><table><tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>"
            "<tr><td>一般公共预算</td><td>100.00</td><td>一般公共服务支出</td><td>150.00</td></tr>"
            "<tr><td>其他收入</td><td>50.00</td><td></td><td></td></tr>"
            "<tr><td>收入总计</td><td>150.00</td><td>支出总计</td><td>150.00</td></tr></table>"
            "<p>财政拨款收支预算总表</p><table><tr><td>项目</td><td>预算数</td><td>项目</td><td>预算数</td></tr>"
            f"<tr><td>一般公共预算</td><td>{fiscal_gpb}</td><td>一般公共服务支出</td><td>100.00</td></tr>"
            "<tr><td>收入总计</td><td>100.00</td><td>支出总计</td><td>100.00</td></tr></table>"
            "</body></html>")
    p = tmp_path / "doc.html"
    p.write_text(html, encoding="utf-8")
    return p


def test_one_table_against_all_the_others(tmp_path: Path) -> None:
    # 80.00 in the 财政拨款收支总表 against 100.00 in the 收支总表 and in the text: that cell is wrong.
    r = check(_two_tables(tmp_path, "80.00"))
    hits = [f for f in r.findings if f.rule == "table-figures"]
    assert [(f.severity, f.stated, f.expected) for f in hits] == [("error", "80.00万元", "100.00万元")]
    assert "财政拨款收支预算总表" in hits[0].message
    assert not [f for f in check(_two_tables(tmp_path, "100.00")).findings if f.rule == "table-figures"]
    # Only two statements that differ (the text states none): which one is wrong is not known.
    lone = check(_two_tables(tmp_path, "80.00", text="一般公共预算拨款收入若干"))
    assert not [f for f in lone.findings if f.rule == "table-figures"]


# A 类 of the 收支总表 against the same 类 of the 支出决算表 (both all funds). The figures are seed 002's 2020 account:
# 201 281.99 = 77.74 + 111.50 + 92.75; 208 16.00; 210 13.93 = 5.37 + 7.47 + 1.09; 221 20.86; 332.77 in all (by hand).
_CLASSES_002 = [("201", "一般公共服务支出", "281.99"), ("20103", "政府办公厅（室）及相关机构事务", "281.99"),
                ("2010301", "行政运行", "77.74"), ("2010302", "一般行政管理事务", "111.50"), ("2010350", "事业运行", "92.75"),
                ("208", "社会保障和就业支出", "16.00"), ("20805", "行政事业单位养老支出", "16.00"),
                ("2080505", "机关事业单位基本养老保险缴费支出", "16.00"), ("210", "卫生健康支出", "13.93"),
                ("21011", "行政事业单位医疗", "13.93"), ("2101101", "行政单位医疗", "5.37"), ("2101102", "事业单位医疗", "7.47"),
                ("2101103", "公务员医疗补助", "1.09"), ("221", "住房保障支出", "20.86"), ("22102", "住房改革支出", "20.86"),
                ("2210201", "住房公积金", "20.86")]


def _account_xlsx(tmp_path: Path, summary: dict[str, str], expense: dict[str, str] | None = None,
                  expense_total: float = 332.77) -> Path:
    """收入支出决算总表 (income | expense by 类) and 支出决算表 (类/款/项) as an XLSX, figures as numbers."""
    from openpyxl import Workbook

    wb = Workbook()
    s = wb.active
    s.title = "收入支出决算总表"
    s.append(["某某市政务服务局2020年度收入支出决算总表"])
    s.append(["单位：万元"])
    s.append(["项目", "决算数", "项目", "决算数"])
    lei = [(c, n, v) for c, n, v in _CLASSES_002 if len(c) == 3]
    income = [("一、一般公共预算财政拨款收入", 332.77), ("二、政府性基金预算财政拨款收入", 0.0)]
    for i in range(len(lei)):
        left = income[i] if i < len(income) else ("", None)
        c, n, v = lei[i]
        s.append([left[0], left[1], f"{'一二三四'[i]}、{n}", float(summary.get(c, v))])
    s.append(["本年收入合计", 332.77, "本年支出合计", 332.77])
    s.append(["收入总计", 332.77, "支出总计", 332.77])
    e = wb.create_sheet("支出决算表")
    e.append(["某某市政务服务局2020年度支出决算表"])
    e.append(["单位：万元"])
    e.append(["科目编码", "科目名称", "本年支出合计"])
    for c, n, v in _CLASSES_002:
        e.append([c, n, float((expense or {}).get(c, v))])
    e.append(["", "合计", expense_total])
    for sheet in wb:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, float):
                    cell.number_format = "#,##0.00"  # as published: two decimals shown
    p = tmp_path / "某某市政务服务局2020年度部门决算.xlsx"
    wb.save(p)
    return p


def test_a_class_of_the_summary_against_the_expense_table(tmp_path: Path) -> None:
    ok = check(_account_xlsx(tmp_path, {}))
    assert not [f for f in ok.findings if f.rule == "table-figures"]
    # 201 and 208 of the 收支总表 shifted by 10.00 (its total still holds): against 281.99 = Σ 款 and 16.00 = Σ 款.
    bad = check(_account_xlsx(tmp_path, {"201": "271.99", "208": "26.00"}))
    hits = [(f.severity, f.stated, f.expected) for f in bad.findings if f.rule == "table-figures"]
    assert hits == [("error", "271.99", "281.99"), ("error", "26.00", "16.00")]
    assert all("收支总表此格有误" in f.message for f in bad.findings if f.rule == "table-figures")
    # The 支出决算表's 类 not the sum of its 款 (16.00 ≠ 26.00 printed): which table is wrong is not known.
    both = check(_account_xlsx(tmp_path, {"208": "26.00"}, {"208": "16.00", "20805": "26.00", "2080505": "26.00"}))
    assert [f.message.endswith("两处必有一处有误。") for f in both.findings if f.rule == "table-figures"] == [True]
    # The 支出决算表 moved and balanced on a wrong 合计 (208 = 26.00 = its 款, 合计 342.77) while the 收支总表's 类 add up
    # to its 332.77: the 支出决算表's cell is the wrong one.
    moved = check(_account_xlsx(tmp_path, {}, {"208": "26.00", "20805": "26.00", "2080505": "26.00"}, 342.77))
    assert [(f.stated, f.expected, f.message.endswith("支出总表此格有误。")) for f in moved.findings
            if f.rule == "table-figures" and "同一类" in f.message] == [("26.00", "16.00", True)]
    # One unit of the last digit apart is another rounding path, no difference: 13.94 against 13.93.
    tail = check(_account_xlsx(tmp_path, {"210": "13.94"}))
    assert not [f for f in tail.findings if f.rule == "table-figures"]
