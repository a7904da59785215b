"""Changes against their parts' changes (change-sum), and the other readings the ledger found in the
narrative itself: a list under a total the text does not name, the parts of an identity that adds up,
names listed before their count. Each reading only verifies; a miss decides nothing except where the
parts are all the parts of an identity (then a warning). Sums below were added by hand."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import SEEDS

from budgetdoc import check
from budgetdoc.model import CheckResult, Claim

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _text(tmp_path: Path, *lines: str) -> CheckResult:
    p = tmp_path / "doc.txt"
    p.write_text("某某局2026年部门预算\n" + "\n".join(lines) + "\n", encoding="utf-8")
    return check(p)


def _claim(r: CheckResult, stated: str, kind: str | None = None) -> Claim:
    found = [c for c in r.claims if c.stated == stated and (kind is None or c.kind == kind)]
    assert found, [(c.stated, c.kind, c.status) for c in r.claims]
    return found[0]


def test_a_change_listed_into_its_parts_in_its_sentence(tmp_path: Path) -> None:
    # 2,781.90 + 2.48 = 2,784.38 (重庆市人民政府办公厅's sentence shape).
    r = _text(tmp_path, "收入比2025年增加2,784.38万元，其中：一般公共预算财政拨款增加2,781.90万元，事业收入增加2.48万元。",
              "支出比2025年减少29.30万元，主要是基本支出增加10.20万元，项目支出减少39.50万元。")
    for stated in ("2784.38万元", "2781.90万元", "2.48万元", "29.30万元", "10.20万元", "39.50万元"):
        c = _claim(r, stated, "change")
        assert c.status == "verified" and c.rule == "change-sum", c
    assert "−39.50万元" in (_claim(r, "29.30万元").reading.text)  # type: ignore[union-attr]
    assert not [f for f in r.findings if f.rule == "change-sum"]


def test_a_reason_list_that_does_not_add_up_is_unverified_not_wrong(tmp_path: Path) -> None:
    # 主要是 names the main parts only: 1,000 − 190 is not 74.73, and says nothing.
    r = _text(tmp_path, "项目支出比2025年增加74.73万元，主要是奖补资金增加1,000万元，专项资金减少190万元。")
    c = _claim(r, "74.73万元", "change")
    assert c.status == "unverified" and "810" in (c.reason or "") and "所列可能不全" in (c.reason or "")
    assert not [f for f in r.findings if f.rule == "change-sum"]


def test_changes_stated_with_the_parts_figures(tmp_path: Path) -> None:
    # 支出 = 基本支出 + 项目支出, so 552.5 = 994.5 − 442 (重庆市气象局's shape, over three sentences).
    r = _text(tmp_path, "三、财政拨款情况说明",
              "2026年一般公共预算财政拨款支出12,672.73万元，比2025年增加552.5万元。"
              "其中：基本支出5,445.39万元，主要用于保障在职人员工资福利，比2025年增加994.5万元；"
              "项目支出7,227.34万元，主要用于气象现代化建设，比2025年减少442万元。")
    for stated in ("552.5万元", "994.5万元", "442万元"):
        assert _claim(r, stated, "change").status == "verified"


def test_a_complete_sangong_list_that_misses_is_a_warning(tmp_path: Path) -> None:
    # The three 三公 items' changes add up to −(7.00 + 5.64 + 9.60) = −22.24, the total says 25.24.
    r = _text(tmp_path, "四、“三公”经费情况说明",
              "2026年“三公”经费预算308.00万元，比2025年减少25.24万元。其中：因公出国（境）费用20.00万元，"
              "比2025年减少7.00万元；公务接待费39.50万元，比2025年减少5.64万元；"
              "公务用车购置及运行维护费248.50万元，比2025年减少9.60万元。")
    [f] = [f for f in r.findings if f.rule == "change-sum"]
    assert f.severity == "warning" and f.stated == "25.24万元" and f.expected == "减少22.24万元"
    assert _claim(r, "25.24万元", "change").status == "contradicted"


def test_the_same_list_that_adds_up_is_verified(tmp_path: Path) -> None:
    r = _text(tmp_path, "四、“三公”经费情况说明",
              "2026年“三公”经费预算308.00万元，比2025年减少22.24万元。其中：因公出国（境）费用20.00万元，"
              "比2025年减少7.00万元；公务接待费39.50万元，比2025年减少5.64万元；"
              "公务用车购置及运行维护费248.50万元，比2025年减少9.60万元。")
    assert not [f for f in r.findings if f.rule == "change-sum"]
    assert _claim(r, "22.24万元", "change").status == "verified"


def test_a_real_budget_decomposes_its_changes() -> None:
    # p5: 收入比2025年减少246429.22 = +10300.15 − 258146.77 + 566.25 + 95.77 + 755.40 = −246429.20, within
    # the rounding of five figures (±0.025); p7: 三公 22.24 = 7.00 + 5.64 + 9.60.
    path = SHARED / "real" / "chongqing-municipal-shuiliju-2026-budget.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    r = check(path)
    income = [c for c in r.claims if c.kind == "change" and c.stated == "246429.22 万元" and c.evidence.loc.page == 5]
    assert income and income[0].status == "verified" and "258146.77" in income[0].reading.text  # type: ignore[union-attr]
    sangong = [c for c in r.claims if c.kind == "change" and c.stated == "22.24 万元"]
    assert sangong and sangong[0].status == "verified"
    assert not [f for f in r.findings if f.rule == "change-sum"]


def test_a_seed_change_of_the_income_total() -> None:
    # Seed 001 line 149: 收、支各增加928.90 = 本年收入 928.78 + 使用非财政拨款结余 0.00 + 年初结转 0.12 (l.153-155).
    r = check(SEEDS / "001_17aaca51ade6ba7f.txt")
    [c] = [c for c in r.claims if c.kind == "change" and c.evidence.loc.line == 149 and c.stated == "928.90万元"]
    assert c.status == "verified" and c.rule == "change-sum"


def test_a_list_under_a_total_the_text_does_not_name(tmp_path: Path) -> None:
    # 郑州's shape: 869.6461 + 53.55 = 923.1961; the expense list 494.8144 + 51.7317 + 370.65 + 6 = 923.1961.
    r = _text(tmp_path, "2015年收入预算共安排国库拨款资金923.1961万元。其中：财政拨款869.6461万元、国有资源（资产）有偿使用收入53.55万元。",
              "2015年预算支出安排资金923.1961万元。其中：工资福利支出494.8144万元；对个人和家庭补助51.7317万元；"
              "公用及运转支出370.65万元；专项事业发展支出6万元。")
    for stated in ("923.1961万元", "869.6461万元", "53.55万元", "494.8144万元", "6万元"):
        assert _claim(r, stated).status == "verified"


def test_an_unnamed_list_that_misses_decides_nothing(tmp_path: Path) -> None:
    # The total is not named, so whether the list is complete is unknown: no finding, unverified.
    r = _text(tmp_path, "2015年收入预算共安排国库拨款资金923.1961万元。其中：财政拨款869.6461万元、国有资源（资产）有偿使用收入50.00万元。")
    assert _claim(r, "923.1961万元").status == "unverified"
    assert not [f for f in r.findings if f.severity == "error"]


@pytest.mark.parametrize(("sentence", "stated", "status"), [
    ("土地储备中心内设综合处、组织人事处、计划财务处3个处室。", "3个", "verified"),
    ("本级1家行政单位以及市财政国库支付中心、市财政票据管理中心2家事业单位。", "2家", "verified"),
    ("下设气象台、气候中心等2个直属事业单位。", "2个", "verified"),  # 等 after a list given in full
    ("下设气象台、气候中心等8个直属事业单位。", "8个", "unverified"),  # a list cut short
    ("土地储备中心内设综合处、组织人事处、计划财务处4个处室。", "4个", "unverified"),
])
def test_names_listed_before_their_count(tmp_path: Path, sentence: str, stated: str, status: str) -> None:
    r = _text(tmp_path, sentence)
    assert _claim(r, stated, "count").status == status
    assert not [f for f in r.findings if f.rule == "count-breakdown"]
