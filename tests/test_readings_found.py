"""Readings that verify statements the ledger used to leave unverified (issue 24, statements a reviewer
verified right by hand): each on a PDF written here with its arithmetic worked by hand, beside the
same statement with a wrong figure, which must not be verified, and (where a reading is only ever a
way to verify) must not become an error either; and on the real documents they were found in.

- A number at a PDF line's end whose unit opens the next line ("…会议费预算 0.00" / "万元，比上年减少
  2.00万元，下降100.0%") is an amount: 2.00 ÷ (0.00 + 2.00) = 100%.
- 人员经费 / 公用经费 stated in the text where no table names them: the sum of their 经济分类 类 rows
  (301 + 303; 302 + 310 …) in a 经济分类 table.
- The amount of the projects under performance targets ("共6个项目纳入绩效目标管理，涉及资金合计X万元"):
  the 项目支出 of a table.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from budgetdoc import check

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
STYLE = ParagraphStyle("cjk", fontName="STSong-Light", fontSize=10, leading=14)
GRID = TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 8),
                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black)])
CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def _pdf(path: Path, lines: list[str], tables: list[tuple[str, list[list[str]]]] = ()) -> Path:
    """Each line its own printed line (a PDF's text layer keeps them apart, as a wrapped paragraph)."""
    story: list = [Paragraph("某某市某某局2026年部门预算", STYLE)]
    story += [Paragraph(x, STYLE) for x in lines]
    for title, rows in tables:
        story += [Paragraph(title, STYLE), Paragraph("单位：万元", STYLE), Table(rows, style=GRID)]
    SimpleDocTemplate(str(path), pagesize=A4).build(story)
    return path


def _claims(result, stated: str, kind: str | None = None) -> list:
    return [c for c in result.claims if c.stated.replace(" ", "") == stated and (kind is None or c.kind == kind)]


def _errors(result) -> list[str]:
    return [f"{f.rule}: {f.message}" for f in result.findings if f.severity == "error"]


# ---- a unit on the next line ----

def _wrapped(tmp_path: Path, rate: str) -> Path:
    return _pdf(tmp_path / f"wrap{rate}.pdf", [
        "一、一般公共预算其他公务支出预算情况说明",
        "2026年某某市某某局会议费预算 0.00",
        f"万元，比上年预算数减少 2.00 万元，下降 {rate}，主要是厉行节约压减一般性支出。",
    ])


def test_a_unit_on_the_next_line_gives_the_number_its_unit(tmp_path: Path) -> None:
    r = check(_wrapped(tmp_path, "100.0%"))
    level = _claims(r, "0.00", "amount")
    assert len(level) == 1, [(c.kind, c.stated) for c in r.claims]
    # 2.00 ÷ (0.00 + 2.00) = 100.0%: the rate holds against the level the line break cut from its unit.
    growth = _claims(r, "100.0%", "growth")
    assert [c.status for c in growth] == ["verified"], [(c.stated, c.status, c.reason) for c in r.claims]


def test_a_wrong_rate_against_the_wrapped_level_is_not_verified(tmp_path: Path) -> None:
    r = check(_wrapped(tmp_path, "50.0%"))  # 2.00 ÷ 2.00 is 100%, not 50%
    growth = _claims(r, "50.0%", "growth")
    assert growth and growth[0].status != "verified"


# ---- 人员经费 / 公用经费 as the sum of their 经济分类 类 rows ----

ECON = ("2026年一般公共预算基本支出经济分类情况表", [
    ["科目编码", "科目名称", "合计"],
    ["", "合计", "5915.38"],
    ["301", "工资福利支出", "4407.07"],
    ["302", "商品和服务支出", "832.69"],
    ["303", "对个人和家庭的补助", "673.62"],
    ["310", "资本性支出", "2.00"],
])


def _econ_text(tmp_path: Path, personnel: str) -> Path:
    return _pdf(tmp_path / f"econ{personnel}.pdf", [
        "五、一般公共预算拨款基本支出情况",
        "基本支出按经济分类：",  # no total stated in the text: the table is the only reading
        f"（一）人员经费 {personnel} 万元，主要包括：基本工资、津贴补贴、奖金。",
        "（二）公用经费 834.69万元，主要包括：办公费、印刷费、水电费。",
    ], [ECON])


def test_personnel_and_public_costs_are_the_sums_of_their_classes(tmp_path: Path) -> None:
    r = check(_econ_text(tmp_path, "5080.69"))
    # 301 4407.07 + 303 673.62 = 5080.69; 302 832.69 + 310 2.00 = 834.69.
    for stated in ("5080.69万元", "834.69万元"):
        found = _claims(r, stated, "amount")
        assert [c.status for c in found] == ["verified"], (stated, [(c.stated, c.status) for c in r.claims])
        assert "301" in found[0].reading.text or "302" in found[0].reading.text


def test_a_personnel_cost_that_is_no_sum_is_left_unverified_not_wrong(tmp_path: Path) -> None:
    r = check(_econ_text(tmp_path, "5090.69"))  # 10.00 more than 301 + 303
    found = _claims(r, "5090.69万元", "amount")
    assert found and found[0].status != "verified"
    # Which 类 a document counts as 人员经费 varies: a sum that differs is no evidence of an error.
    assert not any("5090.69" in e for e in _errors(r)), _errors(r)


# ---- the amount of the projects under performance targets ----

EXPENSE = ("2026年支出预算总表", [
    ["科目编码", "科目名称", "合计", "基本支出", "项目支出"],
    ["", "合计", "7062.80", "4069.62", "2993.18"],
    ["224", "灾害防治及应急管理支出", "7062.80", "4069.62", "2993.18"],
])


def _targets(tmp_path: Path, amount: str) -> Path:
    return _pdf(tmp_path / f"perf{amount}.pdf", [
        "六、预算绩效情况说明",
        f"本部门共 6 个项目纳入绩效目标管理，涉及财政性资金合计 {amount} 万元。",
    ], [EXPENSE])


def test_the_projects_under_targets_are_the_project_spending(tmp_path: Path) -> None:
    r = check(_targets(tmp_path, "2,993.18"))
    found = _claims(r, "2,993.18万元", "amount") or _claims(r, "2993.18万元", "amount")
    assert [c.status for c in found] == ["verified"], [(c.stated, c.status) for c in r.claims]


def test_projects_under_targets_of_another_amount_stay_unverified(tmp_path: Path) -> None:
    # Only some projects may be under targets (运转类 and 特定目标类): 2,500.00 is no error.
    r = check(_targets(tmp_path, "2,500.00"))
    found = _claims(r, "2,500.00万元", "amount") or _claims(r, "2500.00万元", "amount")
    assert found and found[0].status == "unverified"
    assert not any("2500" in e.replace(",", "") for e in _errors(r)), _errors(r)


# ---- the real documents these were found in ----

@pytest.mark.parametrize(("path", "stated", "where"), [
    # 人员经费 5080.69 = 301 4407.07 + 303 673.62; 公用经费 834.69 = 302 832.69 + 310 2.00 (p20 基本支出经济分类表)
    ("021_泉州/2026年泉州市人民政府办公室部门预算.pdf", ["5080.69万元", "834.69万元"], "经费"),
    # 38 projects 74,051.18 = 项目支出 of the 支出总表 (p13)
    ("006_苏州/2026年苏州市自然资源和规划局部门预算.pdf", ["74051.18万元"], "绩效目标"),
    # 会议费 0.00 / 万元, 减少2.00, 下降100.0%: 2.00 ÷ 2.00
    ("079_湖州/2026年湖州市退役军人事务局部门预算.pdf", ["100.0%"], "下降"),
])
def test_real_statements_verified(path: str, stated: list[str], where: str) -> None:
    f = CORPUS / path
    if not f.exists():
        pytest.skip(f"corpus file missing: {f}")
    r = check(f)
    for s in stated:
        found = [c for c in r.claims if c.stated.replace(" ", "").replace(",", "") == s and where in c.evidence.quote]
        assert found and any(c.status == "verified" for c in found), (s, [(c.stated, c.status) for c in found])


# ---- a figure whose label names nothing: the item its paragraph is about ----

def _item_doc(tmp_path: Path, in_table: str) -> Path:
    p = tmp_path / f"item{in_table}.txt"
    p.write_text("某某市财政局2024年度部门决算\n（三）一般公共预算财政拨款支出决算具体情况\n"
                 "4、一般公共服务支出(类)财政事务(款)财政委托业务支出(项)。主要用于：委托中介机构开展审计工作。\n"
                 "年初预算为450.52万元，支出决算为449.52万元。\n"
                 "一般公共预算财政拨款支出决算表\n单位：万元\n科目编码\t科目名称\t合计\n"
                 f"201\t一般公共服务支出\t{in_table}\n20106\t财政事务\t{in_table}\n2010650\t财政委托业务支出\t{in_table}\n",
                 encoding="utf-8")
    return p


def test_a_figure_labelled_only_by_its_kind_is_read_as_its_paragraphs_item(tmp_path: Path) -> None:
    # "支出决算为449.52万元" names no item; its paragraph names 财政委托业务支出(项), whose row says 449.52.
    r = check(_item_doc(tmp_path, "449.52"))
    found = [c for c in _claims(r, "449.52万元", "amount") if "决算为" in c.evidence.quote]
    assert [c.status for c in found] == ["verified"], [(c.stated, c.status, c.evidence.quote) for c in r.claims]
    assert "财政委托业务支出" in found[0].reading.text


def test_the_paragraphs_item_with_another_amount_does_not_verify(tmp_path: Path) -> None:
    r = check(_item_doc(tmp_path, "440.00"))
    found = [c for c in _claims(r, "449.52万元", "amount") if "决算为" in c.evidence.quote]
    assert found and found[0].status != "verified"


def test_real_final_account_items_verified_by_their_paragraph() -> None:
    # putuo-caizhengju p22: 行政单位离退休(项) 支出决算为84.65 (the item name wrapped onto the line above);
    # 行政单位医疗(项) 60.99 (named in the numbered line read as a heading): both rows of the 支出决算表.
    f = Path(__file__).resolve().parents[2] / "shared" / "real" / "putuo-caizhengju-2024-final.pdf"
    if not f.exists():
        pytest.skip(f"real document missing: {f}")
    r = check(f)
    for s in ("84.65万元", "60.99万元"):
        found = [c for c in _claims(r, s, "amount") if "支出决算为" in c.evidence.quote]
        assert found and all(c.status == "verified" for c in found), (s, [(c.status, c.evidence.quote) for c in found])
