"""The same content in HTML, DOCX and other encodings gives the same facts and findings.

The documents are generated here from seed 002 with real libraries (lxml, python-docx)."""

from __future__ import annotations

import html
from pathlib import Path

import docx
from conftest import seed

from budgetdoc import check


def _lines(prefix: str) -> list[str]:
    return seed(prefix).read_text(encoding="utf-8").split("\n")


def _summary(result) -> tuple:
    firsts: dict[str, str] = {}
    for f in result.facts:
        firsts.setdefault(f.key, str(f.value_yuan))
    rules = sorted((f.rule, f.severity, f.stated, f.expected) for f in result.findings)
    return result.metadata.to_dict(), firsts, rules


def _write_html(lines: list[str], path: Path) -> None:
    # One <p> per source line, so the HTML line of each paragraph is the text line.
    body = "\n".join(f"<p>{html.escape(line)}</p>" if line.strip() else "" for line in lines)
    path.write_text(f"<html><head><meta charset='utf-8'><title>t</title></head><body>\n{body}\n</body></html>",
                    encoding="utf-8")


def test_html_rendering_matches_text(tmp_path: Path) -> None:
    lines = _lines("002")
    out = tmp_path / "002.html"
    _write_html(lines, out)
    text_result, html_result = check(seed("002")), check(out)
    assert _summary(html_result) == _summary(text_result)
    f = next(f for f in html_result.findings if f.rule == "growth-rate")
    assert f.evidence[0].loc.line == 26 + 1  # <html> line comes first
    assert f.evidence[0].quote == "与2019年相比，收、支总计各增加17.05万元，增长4.43%"


def test_html_table_is_read_as_table(tmp_path: Path) -> None:
    out = tmp_path / "t.html"
    out.write_text("<html><body><p>2020年度部门决算</p><table><tr><td>项目</td><td>金额</td></tr>"
                   "<tr><td>基本支出</td><td>319.06</td></tr></table></body></html>", encoding="utf-8")
    from budgetdoc.load import load

    doc = load(out)
    tables = [b for b in doc.blocks if b.kind == "table"]
    assert len(tables) == 1 and tables[0].rows[1][1].text == "319.06"
    assert tables[0].rows[1][1].loc.row == 2 and tables[0].rows[1][1].loc.col == 2


def test_docx_rendering_matches_text(tmp_path: Path) -> None:
    lines = _lines("002")
    d = docx.Document()
    for line in lines:
        if line.strip():
            d.add_paragraph(line)
    out = tmp_path / "002.docx"
    d.save(out)
    text_result, docx_result = check(seed("002")), check(out)
    assert _summary(docx_result) == _summary(text_result)
    f = next(f for f in docx_result.findings if f.rule == "breakdown-sum")
    assert f.evidence[0].loc.paragraph is not None and f.evidence[0].loc.line is None
    assert "政府采购支出总额0万元" in f.evidence[0].quote


def test_docx_tables_keep_cells(tmp_path: Path) -> None:
    d = docx.Document()
    d.add_paragraph("2020年度部门决算")
    t = d.add_table(rows=2, cols=2)
    t.cell(0, 0).text, t.cell(0, 1).text = "项目", "金额"
    t.cell(1, 0).text, t.cell(1, 1).text = "基本支出", "319.06"
    out = tmp_path / "t.docx"
    d.save(out)
    from budgetdoc.load import load

    table = next(b for b in load(out).blocks if b.kind == "table")
    assert table.rows[1][1].text == "319.06" and table.rows[1][1].loc.table == 1


def test_gb18030_and_bom(tmp_path: Path) -> None:
    text = seed("000").read_text(encoding="utf-8")
    gbk, bom = tmp_path / "gbk.txt", tmp_path / "bom.txt"
    gbk.write_bytes(text.encode("gb18030"))
    bom.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    base = check(seed("000"))
    for path, enc in ((gbk, "gb18030"), (bom, "utf-8-sig")):
        r = check(path)
        assert r.encoding == enc
        assert _summary(r) == _summary(base)


def test_traditional_characters_are_read(tmp_path: Path) -> None:
    p = tmp_path / "trad.txt"
    p.write_text("2020年度部門決算\n本部門2020年度支出合計517.23萬元，其中：基本支出319.06萬元，佔61.7%；"
                 "項目支出198.17萬元，佔38.3%。\n", encoding="utf-8")
    r = check(p)
    keys = {f.key: f.value_yuan for f in r.facts}
    assert str(keys["expense.basic"]) == "3190600.00"
    assert not r.findings


def test_html_loose_text_and_br_lines(tmp_path: Path) -> None:
    """Generated pages put text loose in <div>s, lines separated by <br>: each line keeps its own."""
    p = tmp_path / "div.html"
    p.write_text("<html><body>\n<div>2020年度部门决算<br>\n"
                 "本年支出合计517.23万元，其中：基本支出319.06万元，占<b>65.7%</b>。<br>\n"
                 "<span>其他</span></div>\n<table><tr><td>科目</td><td>金额</td></tr></table>\n<p>尾段</p>\n"
                 "</body></html>", encoding="utf-8")
    from budgetdoc.load import load

    blocks = [(b.kind, b.loc.line, b.text) for b in load(p).blocks]
    assert blocks[:3] == [("paragraph", 2, "2020年度部门决算"),
                          ("paragraph", 3, "本年支出合计517.23万元，其中：基本支出319.06万元，占65.7%。"),
                          ("paragraph", 4, "其他")]
    f = next(f for f in check(p).findings if f.rule == "share")  # 319.06/517.23 = 61.7%
    assert (f.stated, f.expected, f.evidence[0].loc.line) == ("65.7%", "61.7%", 3)


def test_text_table_with_bars_between_cells(tmp_path: Path) -> None:
    # "A | B | C" rows without the outer bars (a text export of a table), in 元 under a caption row, with a
    # row whose first cells are empty (" |  | 四、住房保障支出 | …": the 收入 side has no row there).
    out = tmp_path / "t.txt"
    out.write_text("2022年度财政拨款收入支出决算总表\n编制单位：某局    单位：元\n"
                   "项目 | 行次 | 金额 | 项目 | 行次 | 合计\n"
                   "一、一般公共预算财政拨款 | 1 | 3,490.00 | 一、文化旅游体育与传媒支出 | 30 | 2,442.50\n"
                   " |  |  | 二、住房保障支出 | 31 | 1,047.50\n"
                   "本年收入合计 | 4 | 3,490.00 | 本年支出合计 | 34 | 3,490.00\n\n说明文字。\n", encoding="utf-8")
    from budgetdoc.load import load

    tables = [b for b in load(out).blocks if b.kind == "table"]
    assert len(tables) == 1 and len(tables[0].rows) == 4
    row = tables[0].rows[2]
    assert [c.text for c in row] == ["", "", "", "二、住房保障支出", "31", "1,047.50"]
    assert row[5].loc.line == 5 and row[5].loc.col == 6
