"""Typing slips reviewers list (gold.json should items; also a 行次 out of its run and a template note left in, 佛山): a bracket closed by another kind (上海市应急管理局
p3 "非煤矿山（含地质勘探〉") and a stray letter inside a phrase (湖州市退役军人事务局 p32, a 绩效目标 table cell
"过节按时发f补贴"). Over the corpus, ../shared/real and the seeds these are the only two matches."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from budgetdoc import check

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _docx(tmp_path: Path, paragraph: str, cell: str) -> Path:
    d = docx.Document()
    for line in ("某某局2026年部门预算", paragraph, "项目绩效目标表"):
        d.add_paragraph(line)
    t = d.add_table(rows=2, cols=2)
    for c, text in enumerate(("项目名称", "年度目标")):
        t.cell(0, c).text = text
    t.cell(1, 0).text = "军休服务管理"
    t.cell(1, 1).text = cell
    out = tmp_path / "doc.docx"
    d.save(str(out))
    return out


def test_slips_in_prose_and_in_a_table_cell(tmp_path: Path) -> None:
    r = check(_docx(tmp_path, "负责危险化学品、非煤矿山（含地质勘探〉、工贸行业安全生产监督管理。", "过节按时发f补贴，做好医疗保障。"))
    [b] = [f for f in r.findings if f.rule == "bracket-mismatch"]
    assert b.severity == "warning" and b.stated == "（含地质勘探〉" and b.evidence[0].loc.paragraph == 2
    [s] = [f for f in r.findings if f.rule == "stray-letter"]
    assert s.stated == "f" and s.evidence[0].loc.table == 1 and s.evidence[0].quote == "过节按时发f补贴，做好医疗保障。"
    q = s.evidence[0]
    assert q.mark is not None and q.quote[q.mark[0]:q.mark[1]] == "f"


def test_no_slip_where_the_text_is_right(tmp_path: Path) -> None:
    r = check(_docx(tmp_path, "负责非煤矿山（含地质勘探）安全生产，开展“广告e课堂”培训和X光机检测。", "过节按时发放补贴。"))
    assert not [f for f in r.findings if f.rule in ("bracket-mismatch", "stray-letter")]


@pytest.mark.parametrize(("name", "rule", "page"), [
    ("001_上海/2026年上海市应急管理局_部门预算.pdf", "bracket-mismatch", 3),
    ("079_湖州/2026年湖州市退役军人事务局部门预算.pdf", "stray-letter", 32),
])
def test_the_reviewers_slips(name: str, rule: str, page: int) -> None:
    path = SHARED / "corpus" / name
    if not path.exists():
        pytest.skip(f"{path} not available")
    found = [f for f in check(path).findings if f.rule == rule]
    assert [f.evidence[0].loc.page for f in found] == [page]


def _numbered_table(tmp_path: Path, numbers: tuple[str, str, str]) -> Path:
    d = docx.Document()
    for line in ("某某局2019年部门决算", "财政拨款收入支出决算总表", "单位：万元"):
        d.add_paragraph(line)
    rows = [("项目", "行次", "金额"), ("一、一般公共服务支出", numbers[0], "10.00"),
            ("二、外交支出", numbers[1], "0.00"), ("三、国防支出", numbers[2], "0.00")]
    t = d.add_table(rows=len(rows), cols=3)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            t.cell(r, c).text = text
    out = tmp_path / "t.docx"
    d.save(str(out))
    return out


def test_a_row_number_out_of_its_run(tmp_path: Path) -> None:
    # 佛山 财政拨款收入支出决算总表 p12: 28, 39, 30 (二、外交支出 numbered like 十二、农林水支出).
    [f] = [f for f in check(_numbered_table(tmp_path, ("28", "39", "30"))).findings if f.rule == "row-number-skip"]
    assert (f.severity, f.stated, f.expected) == ("warning", "39", "29") and "二、外交支出" in f.message
    assert f.evidence[0].loc.table == 1 and f.evidence[0].loc.col is not None
    assert not [f for f in check(_numbered_table(tmp_path, ("28", "29", "30"))).findings if f.rule == "row-number-skip"]


def test_the_reviewers_row_number_and_template_note() -> None:
    path = SHARED / "real" / "guangdong-foshan-guidaojiaotongju-2019-final.pdf"
    if not path.exists():
        pytest.skip(f"{path} not available")
    r = check(path)
    assert [(f.stated, f.expected, f.evidence[0].loc.page) for f in r.findings if f.rule == "row-number-skip"] == [("39", "29", 12)]
    notes = [f for f in r.findings if f.rule == "template-residue" and "如有" in f.message]
    assert len(notes) == 1 and notes[0].evidence[0].loc.page == 28 and "共2处" in notes[0].message
