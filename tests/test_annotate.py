"""`budgetdoc annotate`: annotated copies read back with other libraries than the ones that wrote them —
pdfplumber finds each PDF annotation over the quote's characters, python-docx the Word comments on the
quoted runs, openpyxl the cell comments; LibreOffice renders the annotated DOCX (a screenshot is kept in
tests/artifacts/). Inputs: real PDFs with known true errors (tests/real_expectations.py) and a DOCX and
an XLSX made here from seed 002's text (its growth rate 4.43% is wrong: 17.05 ÷ 367.44 = 4.64%)."""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import openpyxl
import pdfplumber
import pytest
from conftest import seed
from real_expectations import ERRORS

from budgetdoc.cli import main
from budgetdoc.model import Evidence, Finding, Location
from budgetdoc.report.annotate.pdf import annotate_pdf

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"
ARTIFACTS = Path(__file__).resolve().parent / "artifacts"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _chars_of(page: Any, text: str) -> list[list[dict[str, Any]]]:
    """Every place the text stands on the page (any spacing between its characters), as characters."""
    wide = {"(": "[(（]", ")": "[)）]", ",": "[,，]", ":": "[:：]"}  # the stated values are half-width
    pattern = r"\s*".join(wide.get(c, re.escape(c)) for c in text if not c.isspace())
    return [[c for c in h["chars"] if not c["text"].isspace()]
            for h in page.search(pattern, regex=True, return_chars=True, y_tolerance=6)]


def _covers(annot: dict[str, Any], chars: list[dict[str, Any]], slack: float = 1.5) -> bool:
    return all(annot["x0"] - slack <= c["x0"] and c["x1"] <= annot["x1"] + slack
               and annot["top"] - slack <= c["top"] and c["bottom"] <= annot["bottom"] + slack for c in chars)


def _subtype(annot: dict[str, Any]) -> str:
    return str(annot["data"]["Subtype"]).strip("/'")


@pytest.mark.parametrize("name", ["jiangsu-provincial-jianchayuan-2018-budget.pdf", "putuo-sifaju-2026-dept-budget.pdf",
                                  "putuo-guihuaziyuan-2024-final.pdf", "putuo-sifaju-2026-unit-budget.pdf"])
def test_pdf_marks_every_true_error_over_its_characters(tmp_path: Path, name: str) -> None:
    src = tmp_path / name
    shutil.copy(REAL / name, src)
    before = _sha(src)
    assert main(["annotate", str(src)]) == 1  # errors annotated
    out = tmp_path / name.replace(".pdf", ".annotated.pdf")
    assert out.is_file() and _sha(src) == before  # beside the input; the input untouched
    with pdfplumber.open(out) as pdf:
        for rule, page_no, stated in ERRORS[name]:
            page = pdf.pages[page_no - 1]
            annots = [a for a in page.annots if rule in (a.get("contents") or "")]
            highlights = [a for a in annots if _subtype(a) == "Highlight"]
            squares = [a for a in annots if _subtype(a) == "Square"]
            notes = [a for a in annots if _subtype(a) == "Text"]
            assert highlights and notes, (rule, page_no)
            # The stated figure's characters, found here independently: inside a highlight and a square.
            places = _chars_of(page, stated)
            assert places, stated
            assert any(_covers(h, p) for h in highlights for p in places), (rule, stated)
            if squares:  # a figure the rule marked in its quote (table-text quotes the figure alone)
                assert any(_covers(s, p, 2.5) for s in squares for p in places), (rule, stated)
                assert all(s["x1"] - s["x0"] < 120 for s in squares)  # the number, not the sentence
            assert "应为" in notes[0]["contents"] or "文中" in notes[0]["contents"]


def test_pdf_note_carries_title_message_values_and_suggestion(tmp_path: Path) -> None:
    src = REAL / "jiangsu-provincial-jianchayuan-2018-budget.pdf"
    out = tmp_path / "j.pdf"
    assert main(["annotate", str(src), "-o", str(out), "--min-severity", "error"]) == 1
    with pdfplumber.open(out) as pdf:
        notes = [a for a in pdf.pages[22].annots if _subtype(a) == "Text"]
        assert len(notes) == 1  # p23 holds one error: 收支总计 增长 21.95 %
        text = notes[0]["contents"]
        assert text.startswith("【错误】增长率与增减额不符（growth-rate）")
        assert "文中：21.95 %" in text and "应为：22.00%" in text
        # 3,958.67 ÷ 17,996.68 = 21.9966% → 22.00, written as the document writes its rate ("21.95 %").
        assert "建议：江苏省人民检察院 2018 年度收入、支出预算总计21,955.35 万元，与上年相比收、支预算总计各增加3,958.67 万元，增长 22.00 %" in text
        # Warnings were left out (--min-severity error): p25 has only warnings and the 63.75% error.
        assert len([a for a in pdf.pages[24].annots if _subtype(a) == "Text"]) == 1


def test_pdf_one_annotation_per_place_of_a_grouped_finding(tmp_path: Path) -> None:
    out = tmp_path / "s.pdf"
    main(["annotate", str(REAL / "putuo-sifaju-2026-dept-budget.pdf"), "-o", str(out)])
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[7]
        squares = [a for a in page.annots if _subtype(a) == "Square" and "comparison-year" in a["contents"]]
        # "比2026年预算增加" three times and "与2026年预算持平" twice on p8: five places, five squares.
        assert len(squares) == 5
        years = [p for p in _chars_of(page, "2026") if any(_covers(s, p) for s in squares)]
        assert len(years) == 5
        assert sum("比2025年预算增加793.14万元" in s["contents"] for s in squares) == 3


def test_pdf_table_cell_finding_is_marked_on_its_row(tmp_path: Path) -> None:
    """A table finding quotes its row as cells joined by " | " (not text the page prints): the stated
    cell is marked, in the row the location names (行政运行), not another row printing the same figure."""
    out = tmp_path / "u.pdf"
    main(["annotate", str(REAL / "putuo-sifaju-2026-unit-budget.pdf"), "-o", str(out)])
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[10]
        square = next(a for a in page.annots if _subtype(a) == "Square" and "table-hierarchy" in a["contents"])
        row = _chars_of(page, "行政运行")[0][0]
        figures = [p for p in _chars_of(page, "64,840,547.00") if _covers(square, p)]
        assert len(_chars_of(page, "64,840,547.00")) == 3 and len(figures) == 1  # 司法, 司法 (款), 行政运行
        assert abs(figures[0][0]["top"] - row["top"]) < 3
        assert "建议：204 | 06 | 01 | 行政运行 | 14,348,853.34 | 14,348,853.34 | 0.00" in square["contents"]


def test_pdf_annotation_on_a_rotated_page_covers_its_text(tmp_path: Path) -> None:
    """pdfplumber reports a rotated page's characters as shown; the annotation must land there too."""
    src = REAL / "jiangsu-shengweibangongting-2018-budget-tables.pdf"
    with pdfplumber.open(src) as pdf:
        n, page = next((i + 1, p) for i, p in enumerate(pdf.pages) if p.rotation == 90 and p.chars)
        line = next(ln for ln in page.extract_text(y_tolerance=6).split("\n") if len(ln.replace(" ", "")) >= 6)
    quote = line.replace(" ", "")[:6]
    f = Finding("template-residue", "warning", "测试：旋转页上的标注", [Evidence(quote, Location(page=n))],
                stated=quote[2:5])
    out = tmp_path / "rotated.pdf"
    summary = annotate_pdf(src, [f], out)
    assert summary.places == 1 and not summary.missed
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[n - 1]
        highlight = next(a for a in page.annots if _subtype(a) == "Highlight")
        assert any(_covers(highlight, p) for p in _chars_of(page, quote))


def test_output_that_is_the_input_is_refused(tmp_path: Path, capsys) -> None:
    src = tmp_path / "a.pdf"
    shutil.copy(REAL / "putuo-caizhengju-2024-final.pdf", src)
    (tmp_path / "link.pdf").symlink_to(src)
    before = _sha(src)
    for out in (src, tmp_path / "link.pdf", tmp_path / "." / "a.pdf"):
        assert main(["annotate", str(src), "-o", str(out)]) == 2
        assert "拒绝覆盖" in capsys.readouterr().err
    assert _sha(src) == before


def test_existing_output_is_replaced_whole(tmp_path: Path) -> None:
    out = tmp_path / "old.pdf"
    out.write_bytes(b"an older copy")
    assert main(["annotate", str(REAL / "putuo-caizhengju-2024-final.pdf"), "-o", str(out)]) == 1
    with pdfplumber.open(out) as pdf:
        assert any(_subtype(a) == "Highlight" for a in pdf.pages[20].annots)
    assert [p.name for p in tmp_path.iterdir()] == ["old.pdf"]  # no temporary file left


def test_pdf_encrypted_for_changes_only_is_annotated(tmp_path: Path) -> None:
    """A PDF anyone may open (empty user password) but locked with an owner password, as some portals
    publish them: the copy is made from the decrypted file."""
    from pypdf import PdfWriter

    src, out = tmp_path / "locked.pdf", tmp_path / "locked.annotated.pdf"
    w = PdfWriter(clone_from=REAL / "putuo-caizhengju-2024-final.pdf")
    w.encrypt(user_password="", owner_password="owner")
    w.write(src)
    assert main(["annotate", str(src)]) == 1
    with pdfplumber.open(out) as pdf:
        page = pdf.pages[20]
        square = next(a for a in page.annots if _subtype(a) == "Square" and "share" in a["contents"])
        assert any(_covers(square, p) for p in _chars_of(page, "71.73%"))


def test_bad_inputs_exit_2_or_3(tmp_path: Path, capsys) -> None:
    assert main(["annotate", str(tmp_path / "missing.pdf")]) == 2
    assert "文件不存在" in capsys.readouterr().err
    other = tmp_path / "notice.txt"
    other.write_text("关于召开会议的通知\n请各单位于周五前报送材料。\n", encoding="utf-8")
    assert main(["annotate", str(other)]) == 3
    assert not (tmp_path / "notice.annotated.html").exists()


def test_text_input_gets_the_html_report(tmp_path: Path, capsys) -> None:
    src = tmp_path / "002.txt"
    shutil.copy(seed("002"), src)
    assert main(["annotate", str(src)]) == 1
    assert "HTML 审查报告" in capsys.readouterr().out
    html = (tmp_path / "002.annotated.html").read_text(encoding="utf-8")
    assert "<mark" in html and "建议：与2019年相比，收、支总计各增加17.05万元，增长4.64%" in html


# ---------------------------------------------------------------- DOCX


def _seed_docx(path: Path) -> list[str]:
    """Seed 002 as a Word document, each paragraph cut into runs of 7 characters (so a quote starts and
    ends inside runs)."""
    import docx

    lines = [ln for ln in seed("002").read_text(encoding="utf-8").split("\n")]
    d = docx.Document()
    for ln in lines:
        p = d.add_paragraph()
        for i in range(0, len(ln), 7):
            p.add_run(ln[i:i + 7])
    d.save(str(path))
    return lines


def _commented_text(document: Any) -> dict[str, str]:
    """Each comment's id → the text between its range start and end, read from the body's XML."""
    out: dict[str, list[str]] = {}
    open_ids: set[str] = set()
    for el in document.element.body.iter():
        if el.tag == f"{W}commentRangeStart":
            open_ids.add(el.get(f"{W}id"))
            out.setdefault(el.get(f"{W}id"), [])
        elif el.tag == f"{W}commentRangeEnd":
            open_ids.discard(el.get(f"{W}id"))
        elif el.tag == f"{W}t":
            for i in open_ids:
                out[i].append(el.text or "")
    return {i: "".join(t) for i, t in out.items()}


def test_docx_comments_sit_on_the_quoted_runs(tmp_path: Path) -> None:
    import docx

    src = tmp_path / "002.docx"
    _seed_docx(src)
    before = _sha(src)
    assert main(["annotate", str(src)]) == 1
    assert _sha(src) == before
    out = tmp_path / "002.annotated.docx"
    d = docx.Document(str(out))
    comments = {str(c.comment_id): c for c in d.comments}
    anchored = _commented_text(d)
    growth = [i for i, c in comments.items() if "4.43%" in c.text and "growth-rate" in c.text]
    assert growth
    # The comment covers the quote exactly, though the quote starts and ends inside 7-character runs.
    assert anchored[growth[0]] == "与2019年相比，收、支总计各增加17.05万元，增长4.43%"
    assert comments[growth[0]].author == "budgetdoc"
    assert "建议：与2019年相比，收、支总计各增加17.05万元，增长4.64%" in comments[growth[0]].text
    # Every comment is anchored on text that holds its stated figure.
    for i, c in comments.items():
        stated = re.search(r"文中：(\S+)", c.text)
        if stated:
            assert "".join(stated.group(1).split()) in "".join(anchored[i].split()), (c.text, anchored[i])
    # The document's text is unchanged by the run splits.
    assert [p.text for p in d.paragraphs] == [p.text for p in docx.Document(str(src)).paragraphs]


def test_docx_table_cell_comment_on_the_cell(tmp_path: Path) -> None:
    import docx

    from budgetdoc.report.annotate.docx import annotate_docx

    d = docx.Document()
    d.add_paragraph("支出表")
    t = d.add_table(rows=2, cols=2)
    for (r, c), text in {(0, 0): "项目", (0, 1): "金额", (1, 0): "基本支出", (1, 1): "221.33"}.items():
        t.cell(r, c).text = text
    src, out = tmp_path / "t.docx", tmp_path / "t.annotated.docx"
    d.save(str(src))
    f = Finding("table-row-total", "error", "测试", [Evidence("221.33", Location(table=1, row=2, col=2))],
                stated="221.33", expected="220.00")
    assert annotate_docx(src, [f], out).places == 1
    copy = docx.Document(str(out))
    (comment_id, anchored), = _commented_text(copy).items()
    assert anchored == "221.33"
    assert "请核对表1 第2行第2列“221.33”" in next(c.text for c in copy.comments if str(c.comment_id) == comment_id)


def test_docx_annotated_copy_renders_in_libreoffice(tmp_path: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    import pypdfium2 as pdfium

    src = tmp_path / "002.docx"
    _seed_docx(src)
    out = tmp_path / "002.annotated.docx"
    assert main(["annotate", str(src), "-o", str(out)]) == 1
    profile = tmp_path / "lo-profile"
    # Comments printed in the margin, so the screenshot shows them.
    r = subprocess.run([soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                        'pdf:writer_pdf_Export:{"ExportNotesInMargin":{"type":"boolean","value":"true"}}',
                        "--outdir", str(tmp_path), str(out)], capture_output=True, text=True, timeout=180)
    pdf_path = tmp_path / "002.annotated.pdf"
    assert r.returncode == 0 and pdf_path.is_file(), r.stderr
    with pdfplumber.open(pdf_path) as pdf:
        text = "".join(p.extract_text() or "" for p in pdf.pages)
    assert "增长4.43%" in "".join(text.split())
    from pypdf import PdfReader  # LibreOffice read the comments: it exports them as PDF notes

    notes = [str(a.get_object().get("/Contents", "")) for p in PdfReader(pdf_path).pages
             for a in (p.get("/Annots") or [])]
    assert any("growth-rate" in n and "4.64%" in n for n in notes), notes
    pdf = pdfium.PdfDocument(str(pdf_path))
    try:
        ARTIFACTS.mkdir(exist_ok=True)
        page = next(i for i in range(len(pdf)) if "4.43" in pdf[i].get_textpage().get_text_range())
        pdf[page].render(scale=1.3).to_pil().save(ARTIFACTS / "annotated-docx.png")
    finally:
        pdf.close()
    assert (ARTIFACTS / "annotated-docx.png").stat().st_size > 10_000


# ---------------------------------------------------------------- XLSX


def test_xlsx_cell_comments_on_the_cited_cells(tmp_path: Path) -> None:
    lines = seed("002").read_text(encoding="utf-8").split("\n")
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "说明"
    ws["A1"] = "2020年度攀枝花市西区行政审批局部门决算"
    ws["A3"] = lines[25]  # 收、支总计 ... 增加17.05万元，增长4.43%
    ws["A4"] = lines[31]  # 基本支出221.33万元 ...
    ws["A5"] = lines[38]  # 一般公共预算财政拨款增加108.06万元，增长32.47% (108.06 ÷ 224.71 = 48.09%)
    src = tmp_path / "002.xlsx"
    wb.save(src)
    before = _sha(src)
    assert main(["annotate", str(src)]) == 1
    assert _sha(src) == before
    out = openpyxl.load_workbook(tmp_path / "002.annotated.xlsx")
    sheet = out["说明"]
    assert sheet["A3"].comment is not None and sheet["A5"].comment is not None
    assert "应为：4.64%" in sheet["A3"].comment.text and sheet["A3"].comment.author == "budgetdoc"
    assert "应为：48.09%" in sheet["A5"].comment.text
    assert "增长48.09%" in sheet["A5"].comment.text  # the suggestion
    assert sheet["A1"].comment is None and sheet["A4"].comment is None
    assert sheet["A3"].value == lines[25]  # the cells themselves untouched


# ---------------------------------------------------------------- dismissed findings


def test_findings_dismissed_in_the_store_are_left_out(tmp_path: Path, capsys) -> None:
    from sqlalchemy import select
    from sqlalchemy.orm import Session

    from budgetdoc.store import judgements
    from budgetdoc.store.db import open_db
    from budgetdoc.store.models import FindingRow

    src = tmp_path / "j.pdf"
    shutil.copy(REAL / "jiangsu-provincial-jianchayuan-2018-budget.pdf", src)
    db = tmp_path / "store.db"
    assert main(["ingest", "--db", str(db), "-j", "1", str(src)]) == 0
    engine = open_db(str(db))
    with Session(engine) as s:
        share = next(f for f in s.scalars(select(FindingRow)) if f.rule == "share" and f.stated == "63.75%")
    judgements.judge(engine, share.id, "dismissed", "测试")
    engine.dispose()
    capsys.readouterr()
    out = tmp_path / "out.pdf"
    assert main(["annotate", str(src), "-o", str(out), "--db", str(db)]) == 1
    assert "判为误报的 1 项未标注" in capsys.readouterr().out
    with pdfplumber.open(out) as pdf:
        contents = [a["contents"] or "" for p in pdf.pages for a in p.annots]
    assert not any("63.75%" in c for c in contents)
    assert any("21.95 %" in c for c in contents)  # the other findings are there
    # A --db that does not exist is an error, not "no judgements".
    assert main(["annotate", str(src), "-o", str(out), "--db", str(tmp_path / "none.db")]) == 2
