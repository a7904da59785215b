"""Fire / must-not-fire cases for the completeness, consistency and performance-rate rules, on
documents written here (correct ones from bench/generate.py, then changed by hand)."""

from __future__ import annotations

import random
import sys
from pathlib import Path

from budgetdoc import check

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
from generate import document  # noqa: E402


def _check(tmp_path: Path, text: str, name: str = "doc.txt"):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return check(p)


def _rules(result) -> list[str]:
    return [f.rule for f in result.findings]


def _doc(year: int = 2021) -> str:
    return document(random.Random(7), year)


def test_missing_part(tmp_path: Path) -> None:
    full = _doc()
    assert "missing-part" not in _rules(_check(tmp_path, full))
    lines = full.split("\n")
    start = next(i for i, ln in enumerate(lines) if ln.startswith("七、政府采购"))
    cut = "\n".join(lines[:start] + lines[start + 2:])  # heading and its paragraph
    hits = [f for f in _check(tmp_path, cut).findings if f.rule == "missing-part"]
    assert [f.expected for f in hits] == ["政府采购情况说明"]


def test_missing_part_not_for_excerpts(tmp_path: Path) -> None:
    assert _check(tmp_path, "某局2020年度部门决算\n本年支出合计10.00万元。\n").findings == []


def test_attachment_absent(tmp_path: Path) -> None:
    text = _doc() + "第四部分 部门决算表\n（详见附件）\n"
    hits = [f for f in _check(tmp_path, text).findings if f.rule == "attachment-absent"]
    assert len(hits) == 1 and hits[0].severity == "info"
    assert "attachment-absent" not in _rules(_check(tmp_path, _doc()))


def test_classification_name(tmp_path: Path) -> None:
    body = "2020年度部门决算\n医疗卫生与计划生育（类）支出13.93万元。\n"
    hit = next(f for f in _check(tmp_path, body).findings if f.rule == "classification-name")
    assert (hit.stated, hit.expected) == ("医疗卫生与计划生育", "卫生健康")
    old = "2018年度部门决算\n医疗卫生与计划生育（类）支出13.93万元。\n"  # the old name was right then
    assert "classification-name" not in _rules(_check(tmp_path, old))


def test_numbering_skip(tmp_path: Path) -> None:
    head = "2020年度部门决算\n三、支出情况\n"
    items = ["1.行政运行支出1.00万元。", "2.事业运行支出2.00万元。", "4.住房公积金支出3.00万元。"]
    hit = next(f for f in _check(tmp_path, head + "\n".join(items)).findings if f.rule == "numbering-skip")
    assert (hit.stated, hit.expected, hit.evidence[0].loc.line) == ("4", "3", 5)
    items[2] = "3.住房公积金支出3.00万元。"
    assert "numbering-skip" not in _rules(_check(tmp_path, head + "\n".join(items)))


def test_unit_mix(tmp_path: Path) -> None:
    amounts = "".join(f"第{i}项支出{i * 1000}元；" for i in range(1, 12))
    text = f"2020年度部门决算\n二、支出情况\n{amounts}\n国有资本经营预算支出0万元。\n"
    hit = next(f for f in _check(tmp_path, text).findings if f.rule == "unit-mix")
    assert hit.stated == "0万元" and hit.evidence[0].loc.line == 4
    assert "unit-mix" not in _rules(_check(tmp_path, text.replace("0万元", "0元")))


def test_operating_cost(tmp_path: Path) -> None:
    base = "2020年度部门决算\n一般公共预算财政拨款基本支出100.00万元，其中：人员经费80.00万元，公用经费20.00万元。\n"
    bad = base + "机关运行经费支出25.00万元。\n"
    hit = next(f for f in _check(tmp_path, bad).findings if f.rule == "operating-cost")
    assert (hit.stated, hit.expected) == ("25.00万元", "≤20.00万元")
    assert "operating-cost" not in _rules(_check(tmp_path, base + "机关运行经费支出15.00万元。\n"))


def test_performance_rate(tmp_path: Path) -> None:
    header = "\t项目资金\t全年预算数（A）\t全年执行数（B）\t分值\t执行率（B/A）\t得分"
    bad = f"2020年度部门决算\n{header}\n\t年度资金总额\t176万元\t176万元\t10\t10%\t10\n"
    hit = next(f for f in _check(tmp_path, bad).findings if f.rule == "performance-rate")
    assert (hit.stated, hit.expected, hit.evidence[0].loc.line, hit.evidence[0].loc.col) == ("10%", "100%", 3, 6)
    good = bad.replace("\t10%\t", "\t100%\t")
    assert "performance-rate" not in _rules(_check(tmp_path, good))


def test_period_date(tmp_path: Path) -> None:
    bad = "2020年度部门决算\n三、国有资产占用情况\n截至2019年12月31日，本部门共有车辆1辆。\n"
    hit = next(f for f in _check(tmp_path, bad).findings if f.rule == "period-date")
    assert (hit.stated, hit.expected, hit.evidence[0].loc.line) == ("2019", "2020", 3)
    assert "period-date" not in _rules(_check(tmp_path, bad.replace("2019年12月", "2020年12月")))
    budget = "2021年度部门预算\n截至2020年12月31日，本部门共有车辆1辆。\n"  # a budget reports last year-end
    assert "period-date" not in _rules(_check(tmp_path, budget))


def test_vehicle_count(tmp_path: Path) -> None:
    text = ("2020年度部门决算\n使用财政拨款开支的公务用车保有量为3辆。\n"
            "截至2020年12月31日，本部门共有车辆1辆。\n")
    hit = next(f for f in _check(tmp_path, text).findings if f.rule == "vehicle-count")
    assert (hit.stated, hit.expected) == ("3辆", "≤1辆")
    assert "vehicle-count" not in _rules(_check(tmp_path, text.replace("保有量为3辆", "保有量为1辆")))


def test_xx_placeholder(tmp_path: Path) -> None:
    text = "2020年度部门决算\n本部门20XX年度收入合计XX万元。\n"
    hits = [f for f in _check(tmp_path, text).findings if f.rule == "template-residue"]
    assert hits and hits[0].evidence[0].loc.line == 2
    assert not _check(tmp_path, "2020年度部门决算\n本部门使用XX系统办理业务。\n").findings


def test_carryover_chain(tmp_path: Path) -> None:
    # seed 001 lines 155/163: 年初 0.95; 年末 0.67, 比上年减少0.28 -> last year's 年末 0.95 = this year's 年初
    ok = ("2023年度部门决算\n3.年初结转和结余0.95万元。\n"
          "3.年末结转和结余0.67万元。与上年决算相比,减少0.28万元,减少29.47%。\n")
    assert "carryover-chain" not in _rules(_check(tmp_path, ok))
    bad = ok.replace("减少0.28万元,减少29.47%", "减少0.38万元,减少36.19%")  # 0.38/1.05 = 36.19%
    hit = next(f for f in _check(tmp_path, bad).findings if f.rule == "carryover-chain")
    assert (hit.stated, hit.expected, hit.evidence[0].loc.line) == ("1.05万元", "0.95万元", 3)
    other = ok.replace("与上年决算相比,减少0.28万元,减少29.47%", "与上年相比，收入总计增加3.04万元")
    assert "carryover-chain" not in _rules(_check(tmp_path, other))
