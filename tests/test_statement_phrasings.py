"""Numeric statements phrased the other ways departments write them (blind12's theme):

- 分别: "基本支出和项目支出分别为a、b，分别占x%、y%": the k-th figure is the k-th name's, and the k-th share
  is of the k-th figure; names apart by 、, the last two by 和 (社会保障和就业支出 stays one name);
- "由上年的X减少为Y" / "增加到Y": Y is this year's level of the sentence's quantity, X last year's, no change;
- "占比由上年的a%提高到b%（提高c个百分点）": c is b − a.
Built from seed 002's 一般公共预算支出表 (tests/test_tables.py TABLE): 221.27 + 111.50 = 332.77.
"""

from __future__ import annotations

from pathlib import Path

from test_tables import TABLE
from test_unseen_shapes import _check

from budgetdoc.analysis import analyse
from budgetdoc.load import load

_TABLE = "\n".join("\t".join(r) for r in TABLE)


def _doc(sentence: str) -> str:
    return (f"2020年部门预算\n一般公共预算支出表\n单位：万元\n{_TABLE}\n\n（四）一般公共预算支出情况\n"
            f"一般公共预算支出332.77万元，其中：{sentence}。\n")


def _keys(path: Path) -> dict[str, str]:
    a = analyse(load(path))
    return {m.stated: m.key or "" for _line, ms in a.mentions for m in ms if m.key}


def test_respectively_pairs_names_and_figures_in_order(tmp_path: Path) -> None:
    # 221.27 / 332.77 = 66.49%, 111.50 / 332.77 = 33.51% (checked by hand).
    ok = _doc("基本支出和项目支出分别为221.27万元、111.50万元，分别占66.49%、33.51%")
    (tmp_path / "ok.txt").write_text(ok, encoding="utf-8")
    keys = _keys(tmp_path / "ok.txt")
    assert keys["221.27万元"].endswith("expense.basic") and keys["111.50万元"].endswith("expense.project")
    r = _check(tmp_path, "ok2.txt", ok)
    assert not [f for f in r.findings if f.severity == "error" or f.rule == "share"]

    swapped = _doc("基本支出和项目支出分别为111.50万元、221.27万元，分别占33.51%、66.49%")
    errors = [f for f in _check(tmp_path, "bad.txt", swapped).findings if f.severity == "error"]
    assert {(f.rule, f.stated) for f in errors} == {("table-text", "111.50万元"), ("table-text", "221.27万元")}


def test_respectively_names_with_he_inside_them(tmp_path: Path) -> None:
    text = ("2020年部门预算\n按支出功能分类，一般公共服务支出、社会保障和就业支出和住房保障支出分别为281.99万元、"
            "12.34万元、50.78万元。\n")
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    a = analyse(load(tmp_path / "t.txt"))
    labels = [m.label for _line, ms in a.mentions for m in ms]
    assert labels == ["一般公共服务支出", "社会保障和就业支出", "住房保障支出"]


def test_a_level_gone_to_is_no_change(tmp_path: Path) -> None:
    text = "2024年部门决算\n（一）机关运行经费\n本部门机关运行经费支出1,261.87万元，由上年的1,599.77万元减少为1,261.87万元。\n"
    (tmp_path / "t.txt").write_text(text, encoding="utf-8")
    a = analyse(load(tmp_path / "t.txt"))
    ms = [m for _line, line_ms in a.mentions for m in line_ms]
    assert [(m.stated, m.key, m.is_change) for m in ms] == [("1261.87万元", "operating_cost", False),
                                                            ("1599.77万元", "operating_cost.prev", False),
                                                            ("1261.87万元", "operating_cost", False)]


def test_point_change_between_the_two_shares_it_names(tmp_path: Path) -> None:
    text = ("2024年部门预算\n基本支出占比由上年的48.57%提高到52.42%（提高3.85个百分点）。"
            "项目支出占比由上年的55.2%下降到53.3%（下降{n}个百分点）。\n")
    assert not [f for f in _check(tmp_path, "ok.txt", text.format(n="1.9")).findings if f.rule == "point-change"]
    [f] = [f for f in _check(tmp_path, "bad.txt", text.format(n="2.9")).findings if f.rule == "point-change"]
    assert (f.severity, f.stated, f.expected) == ("error", "2.9", "1.9")  # 55.2 − 53.3 = 1.9


def _pasted(rows: list[list[str]]) -> str:
    """The table pasted cell by cell: each cell on a line, a blank line after each row; the 合计 row
    without its blank code cell."""
    groups = ["一般公共预算支出表\n单位：万元\n" + "\n".join(rows[0])]
    groups += ["\n".join(c for c in row if c) for row in rows[1:]]
    return "2020年部门预算\n" + "\n\n".join(groups) + "\n"


def test_a_table_pasted_cell_by_cell(tmp_path: Path) -> None:
    rows = [r[:] for r in TABLE]
    for r in rows[1:]:
        r[3] = r[3] or "0.00"  # (a blank cell pasted is no line at all: zeros written out)
        r[4] = r[4] or "0.00"
    (tmp_path / "t.txt").write_text(_pasted(rows), encoding="utf-8")
    [t] = analyse(load(tmp_path / "t.txt")).tables
    assert t.title.startswith("一般公共预算支出表") and t.unit == "万元"
    assert [c.name for c in t.columns.values()] == ["科目编码", "科目名称", "合计", "基本支出", "项目支出"]
    assert [r.name for r in t.rows][:3] == ["合计", "一般公共服务支出", "政府办公厅(室)及相关机构事务"]
    assert not [f for f in _check(tmp_path, "ok.txt", _pasted(rows)).findings if f.severity == "error"]
    rows[4][2] = "87.74"  # 行政运行: 77.74 + 111.50 + 92.75 = 281.99 is its 款's
    bad = [f for f in _check(tmp_path, "bad.txt", _pasted(rows)).findings if f.rule == "table-hierarchy"]
    assert bad and bad[0].stated == "87.74"


def test_a_change_after_its_rate_is_checked_as_a_warning(tmp_path: Path) -> None:
    # A fall: 271.59 + 112.17 = 383.76 last year, 112.17 / 383.76 = 29.2%, not 26.3%.
    text = ("2024年部门预算\n（一）住房保障支出\n住房保障支出（类）住房改革支出（款）住房公积金（项）271.59万元，"
            "比上年降幅为{rate}，减少112.17万元。\n")
    assert not [f for f in _check(tmp_path, "ok.txt", text.format(rate="29.2%")).findings if f.rule == "growth-rate"]
    [f] = [f for f in _check(tmp_path, "bad.txt", text.format(rate="26.3%")).findings if f.rule == "growth-rate"]
    assert (f.severity, f.stated, f.expected) == ("warning", "26.3%", "29.2%")


def test_an_approximate_figure_is_read_loosely(tmp_path: Path) -> None:
    # 33,100.00 + 600.00 = 33,700万元 = 3.37亿元: "3.36亿元" stated as exact misses it (by one unit of its last
    # digit), "约3.36亿元" does not.
    text = "2024年部门预算\n（一）收入预算情况\n本年收入合计{q}3.36亿元，其中：一般公共预算拨款收入33,100.00万元，事业收入600.00万元。\n"
    exact = [f for f in _check(tmp_path, "exact.txt", text.format(q="")).findings if f.rule == "breakdown-sum"]
    assert [(f.severity, f.stated) for f in exact] == [("warning", "3.36亿元")]
    about = _check(tmp_path, "about.txt", text.format(q="约"))
    assert not [f for f in about.findings if f.rule == "breakdown-sum"]
    assert {c.status for c in about.claims if c.stated.startswith("3.36")} == {"verified"}  # not left unchecked


def test_the_basis_of_a_comparison_names_nothing(tmp_path: Path) -> None:
    # 基本支出 1269.20 fell by 506.21 from 1775.41: 28.5%, not 506.21 / 3512.66 (the 本年支出合计's).
    text = ("2024年部门预算\n三、支出预算情况\n本年支出合计3006.45万元，其中：基本支出和项目支出分别为1269.20万元、"
            "1737.25万元。其中基本支出同口径比上年减少506.21万元，减少28.5%。\n")
    r = _check(tmp_path, "t.txt", text)
    assert not [f for f in r.findings if f.rule == "growth-rate"]
    assert {c.status for c in r.claims if c.stated == "28.5%"} == {"verified"}
