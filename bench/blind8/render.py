"""Render a Doc to txt (as a PDF-to-text tool prints it), html, docx, xlsx and pdf."""
from __future__ import annotations

import html as H
import unicodedata

from model import Doc


# ----------------------------------------------------------------- shared helpers
def cell_text(d: Doc, c) -> str:
    return d.figs[c].text if isinstance(c, int) else c


def table_parts(d: Doc, t: dict) -> list[dict]:
    """Split a table into printed parts: [{'label': str|None, 'header': bool, 'rows': [[str]]}]."""
    rows = [[cell_text(d, c) for c in r] for r in t["rows"]]
    s = t.get("split")
    if not s or s <= 0 or s >= len(rows):
        return [{"label": None, "header": True, "rows": rows}]
    title = d.figs[t["title"]].text
    st = t.get("cont", "repeat")
    label = {"repeat": None, "xubiao": "续表", "title_xu": f"{title}（续表）", "bare": None}[st]
    return [{"label": None, "header": True, "rows": rows[:s]},
            {"label": label, "header": st != "bare", "rows": rows[s:]}]


def header_rows(t: dict) -> list[list[str]]:
    return t["header"]


def is_num(s: str) -> bool:
    return bool(s) and s.replace(",", "").replace(".", "").replace("-", "").replace("%", "").isdigit()


def dwidth(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def page_no(d: Doc, n: int) -> str:
    return d.meta["options"]["page_no"].format(n=n)


# ----------------------------------------------------------------- txt
class TxtPager:
    def __init__(self, d: Doc, per_page: int = 54) -> None:
        self.d, self.per = d, per_page
        self.lines: list[str] = []
        self.on_page = 0
        self.page = 1

    def emit(self, line: str) -> None:
        if self.on_page >= self.per:
            self.new_page()
        self.lines.append(line)
        self.on_page += 1

    def new_page(self) -> None:
        if self.on_page == 0:
            return
        self.lines += ["", " " * 34 + page_no(self.d, self.page), "\f"]
        self.page += 1
        self.on_page = 0
        if self.d.meta["options"]["running_head"]:
            self.lines.append(self.d.meta["running_head"])
            self.on_page = 1


def wrap(s: str, width: int = 78) -> list[str]:
    out, cur, w = [], "", 0
    i = 0
    while i < len(s):
        j = i + 1
        if s[i].isascii() and s[i] not in " ":  # keep ASCII runs (numbers) together
            while j < len(s) and s[j].isascii() and s[j] != " ":
                j += 1
        tok = s[i:j]
        tw = dwidth(tok)
        if w + tw > width and cur:
            out.append(cur)
            cur, w = "", 0
        cur += tok
        w += tw
        i = j
    if cur:
        out.append(cur)
    return out


def txt_table_lines(rows: list[list[str]]) -> list[str]:
    n = max(len(r) for r in rows)
    widths = [max(dwidth(r[i]) if i < len(r) else 0 for r in rows) for i in range(n)]
    out = []
    for r in rows:
        parts = []
        for i in range(n):
            c = r[i] if i < len(r) else ""
            pad = widths[i] - dwidth(c)
            parts.append(" " * pad + c if is_num(c) else c + " " * pad)
        out.append("   ".join(parts).rstrip())
    return out


def render_txt(d: Doc, path: str) -> None:
    pg = TxtPager(d)
    for b in d.blocks:
        t = b["t"]
        if t == "pagebreak":
            pg.new_page()
        elif t in ("h", "p"):
            for ln in wrap(d.block_text(b)):
                pg.emit(ln)
            pg.emit("")
        elif t == "toc":
            for it in b["items"]:
                pg.emit(it)
            for it in b["tables"]:
                pg.emit("    " + it)
            for it in b["after"]:
                pg.emit(it)
        elif t == "table":
            parts = table_parts(d, b)
            title = d.figs[b["title"]].text
            pg.emit(" " * 10 + title)
            pg.emit(b["unit"])
            for k, part in enumerate(parts):
                if k:
                    pg.new_page()
                    if part["label"]:
                        pg.emit(part["label"])
                rows = (header_rows(b) if part["header"] else []) + part["rows"]
                for ln in txt_table_lines(rows):
                    pg.emit(ln)
            if b.get("note"):
                pg.emit(b["note"])
            pg.emit("")
    pg.new_page()
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(pg.lines))


# ----------------------------------------------------------------- html
def render_html(d: Doc, path: str) -> None:
    e = H.escape
    out = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>" + e(d.meta["running_head"]) +
           "</title></head><body>"]
    page = 1
    for b in d.blocks:
        t = b["t"]
        if t == "pagebreak":
            out.append(f"<div class='page-footer'>{e(page_no(d, page))}</div><hr/>")
            page += 1
        elif t == "h":
            lv = min(b["level"] + 1, 4)
            out.append(f"<h{lv}>{e(d.block_text(b))}</h{lv}>")
        elif t == "p":
            out.append(f"<p>{e(d.block_text(b))}</p>")
        elif t == "toc":
            out.append("<div class='toc'>" + "".join(f"<p>{e(x)}</p>" for x in b["items"]) +
                       "".join(f"<p class='toc-table'>{e(x)}</p>" for x in b["tables"]) +
                       "".join(f"<p>{e(x)}</p>" for x in b["after"]) + "</div>")
        elif t == "table":
            title = d.figs[b["title"]].text
            for k, part in enumerate(table_parts(d, b)):
                if k:
                    out.append(f"<div class='page-footer'>{e(page_no(d, page))}</div><hr/>")
                    page += 1
                    if d.meta["options"]["running_head"]:
                        out.append(f"<div class='page-header'>{e(d.meta['running_head'])}</div>")
                    if part["label"]:
                        out.append(f"<p class='cont'>{e(part['label'])}</p>")
                else:
                    out.append(f"<p class='table-title'><b>{e(title)}</b></p><p class='unit'>{e(b['unit'])}</p>")
                out.append("<table border='1'>")
                if part["header"]:
                    out.append("<thead>" + "".join("<tr>" + "".join(f"<th>{e(c)}</th>" for c in r) + "</tr>"
                                                   for r in header_rows(b)) + "</thead>")
                out.append("<tbody>" + "".join("<tr>" + "".join(f"<td>{e(c)}</td>" for c in r) + "</tr>"
                                               for r in part["rows"]) + "</tbody></table>")
            if b.get("note"):
                out.append(f"<p class='note'>{e(b['note'])}</p>")
    out.append(f"<div class='page-footer'>{e(page_no(d, page))}</div></body></html>")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


# ----------------------------------------------------------------- docx
def render_docx(d: Doc, path: str) -> None:
    from docx import Document
    from docx.enum.text import WD_BREAK
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = Document()
    st = doc.styles["Normal"]
    st.font.size = Pt(10.5)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), "宋体")
    if d.meta["options"]["running_head"]:
        doc.sections[0].header.paragraphs[0].text = d.meta["running_head"]

    def mark_header(row) -> None:
        trPr = row._tr.get_or_add_trPr()
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        trPr.append(el)

    def add_table(rows: list[list[str]], nhead: int):
        n = max(len(r) for r in rows)
        tbl = doc.add_table(rows=len(rows), cols=n)
        tbl.style = "Table Grid"
        for i, r in enumerate(rows):
            for j in range(n):
                tbl.cell(i, j).text = r[j] if j < len(r) else ""
            if i < nhead:
                mark_header(tbl.rows[i])
        return tbl

    for b in d.blocks:
        t = b["t"]
        if t == "pagebreak":
            doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        elif t == "h":
            doc.add_heading(d.block_text(b), level=min(b["level"], 3))
        elif t == "p":
            doc.add_paragraph(d.block_text(b))
        elif t == "toc":
            for x in b["items"] + b["tables"] + b["after"]:
                doc.add_paragraph(x)
        elif t == "table":
            title = d.figs[b["title"]].text
            p = doc.add_paragraph()
            p.add_run(title).bold = True
            doc.add_paragraph(b["unit"])
            parts = table_parts(d, b)
            hdr = header_rows(b)
            if len(parts) == 2 and b.get("cont") == "repeat":
                # one table, header row repeated by Word, hard page break inside the table
                rows = hdr + parts[0]["rows"] + parts[1]["rows"]
                tbl = add_table(rows, len(hdr))
                r0 = len(hdr) + len(parts[0]["rows"])
                para = tbl.cell(r0, 0).paragraphs[0]
                brk = para.add_run()
                brk.add_break(WD_BREAK.PAGE)
                if len(para.runs) > 1:  # move the break in front of the cell text
                    para._p.remove(brk._r)
                    para.runs[0]._r.addprevious(brk._r)
            else:
                for k, part in enumerate(parts):
                    if k:
                        doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
                        if part["label"]:
                            doc.add_paragraph(part["label"])
                    rows = (hdr if part["header"] else []) + part["rows"]
                    add_table(rows, len(hdr) if part["header"] else 0)
            if b.get("note"):
                doc.add_paragraph(b["note"])
    doc.save(path)


# ----------------------------------------------------------------- xlsx
def render_xlsx(d: Doc, path: str) -> None:
    from openpyxl import Workbook
    from openpyxl.worksheet.pagebreak import Break

    numeric = d.meta["options"].get("xlsx_numeric", True)
    wb = Workbook()
    ws = wb.active
    ws.title = "情况说明"
    r = 1
    for b in d.blocks:
        t = b["t"]
        if t in ("h", "p"):
            ws.cell(r, 1, d.block_text(b))
            r += 1
        elif t == "toc":
            for x in b["items"] + b["tables"] + b["after"]:
                ws.cell(r, 1, x)
                r += 1
    ti = 0
    for b in d.blocks:
        if b["t"] != "table":
            continue
        ti += 1
        sh = wb.create_sheet(f"表{ti}")
        sh.cell(1, 1, d.figs[b["title"]].text)
        sh.cell(2, 1, b["unit"])
        row = 3
        hdr = header_rows(b)
        for k, part in enumerate(table_parts(d, b)):
            if k:
                sh.row_breaks.append(Break(id=row - 1))
                if part["label"]:
                    sh.cell(row, 1, part["label"])
                    row += 1
            if part["header"]:
                for hr in hdr:
                    for j, c in enumerate(hr, 1):
                        sh.cell(row, j, c)
                    row += 1
            for rr in part["rows"]:
                for j, c in enumerate(rr, 1):
                    if numeric and is_num(c) and "%" not in c and "." in c:
                        cell = sh.cell(row, j, float(c.replace(",", "")))
                        dec = len(c.split(".")[1])
                        cell.number_format = ("#,##0." if "," in c else "0.") + "0" * dec
                    else:
                        sh.cell(row, j, c)
                row += 1
        if b.get("cont") == "repeat" and b.get("split"):
            sh.print_title_rows = f"3:{2 + len(hdr)}"
        if b.get("note"):
            sh.cell(row, 1, b["note"])
    wb.save(path)


# ----------------------------------------------------------------- pdf
_FONT = None


def _font() -> str:
    global _FONT
    if _FONT is None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONT = "STSong-Light"
    return _FONT


def render_pdf(d: Doc, path: str) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    fn = _font()
    ps = ParagraphStyle("b", fontName=fn, fontSize=10, leading=15, wordWrap="CJK")
    hs = {lv: ParagraphStyle(f"h{lv}", fontName=fn, fontSize=16 - 2 * lv, leading=24 - 2 * lv, wordWrap="CJK",
                             spaceBefore=6, spaceAfter=4) for lv in range(4)}
    ts = ParagraphStyle("t", fontName=fn, fontSize=11, leading=16, alignment=1, wordWrap="CJK")
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")  # noqa: E731
    story = []
    W = A4[0] - 72

    def mk_table(rows: list[list[str]], nhead: int, repeat: bool) -> Table:
        n = max(len(r) for r in rows)
        rows = [r + [""] * (n - len(r)) for r in rows]
        fs = 7.5 if n > 4 else 8.5
        # width: text columns get what they need, numbers share the rest
        need = [max(dwidth(r[i]) for r in rows) * fs * 0.52 + 6 for i in range(n)]
        sc = min(1.0, W / sum(need))
        widths = [x * sc for x in need]
        tb = Table(rows, colWidths=widths, repeatRows=nhead if repeat else 0)
        tb.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), fn, fs), ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("ALIGN", (2, nhead), (-1, -1), "RIGHT"),
                                ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
        return tb

    for b in d.blocks:
        t = b["t"]
        if t == "pagebreak":
            story.append(PageBreak())
        elif t == "h":
            story.append(Paragraph(esc(d.block_text(b)), hs[min(b["level"], 3)]))
        elif t == "p":
            story.append(Paragraph(esc(d.block_text(b)), ps))
        elif t == "toc":
            for x in b["items"] + b["tables"] + b["after"]:
                story.append(Paragraph(esc(x), ps))
        elif t == "table":
            story.append(Spacer(1, 8))
            story.append(Paragraph(esc(d.figs[b["title"]].text), ts))
            story.append(Paragraph(esc(b["unit"]), ps))
            hdr = header_rows(b)
            for k, part in enumerate(table_parts(d, b)):
                if k:
                    story.append(PageBreak())
                    if part["label"]:
                        story.append(Paragraph(esc(part["label"]), ts if "（续表）" in part["label"] else ps))
                rows = (hdr if part["header"] else []) + part["rows"]
                story.append(mk_table(rows, len(hdr) if part["header"] else 0, b.get("cont") == "repeat"))
            if b.get("note"):
                story.append(Paragraph(esc(b["note"]), ps))

    def on_page(c, doc) -> None:
        c.saveState()
        c.setFont(fn, 8)
        if d.meta["options"]["running_head"]:
            c.drawString(36, A4[1] - 28, d.meta["running_head"])
        c.drawCentredString(A4[0] / 2, 20, page_no(d, doc.page))
        c.restoreState()

    SimpleDocTemplate(path, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=42, bottomMargin=36,
                      title=d.meta["running_head"]).build(story, onFirstPage=on_page, onLaterPages=on_page)


RENDER = {"txt": render_txt, "html": render_html, "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
