"""Renderers: txt, html, docx, xlsx, pdf."""
import html as htmlmod


def table_lines(T):
    """Title line, unit line, header rows, body rows (lists of strings)."""
    return T["header"], T["rows"]


def unit_line(T, dept):
    return f"编制单位：{dept}    单位：{T['unit']}"


# ---------------- txt
def render_txt(D, path, dept):
    o = D.opts
    out = []
    for kind, x in D.blocks:
        if kind in ("title", "h1", "h2", "p"):
            out.append(x)
            if kind == "title":
                out.append("")
            continue
        T = x
        out.append("")
        out.append(T["title"])
        out.append(unit_line(T, dept))
        sepc = "\t" if o["txt_table"] == "tsv" else " | "
        for r in T["header"] + T["rows"]:
            line = sepc.join(r)
            out.append(("| " + line + " |") if o["txt_table"] == "pipe" else line)
        if T.get("note"):
            out.append(T["note"])
        out.append("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


# ---------------- html
def _span_map(T):
    """For header cells: (r,c) -> (rowspan, colspan); covered cells -> None."""
    m = {}
    for r0, c0, r1, c1 in T["spans"]:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                m[(r, c)] = None
        m[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
    return m


def render_html(D, path, dept):
    o = D.opts
    e = htmlmod.escape
    out = ["<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>" + e(D.blocks[0][1]) + "</title>",
           ("<style>table{border-collapse:collapse}td,th{border:1px solid #888;padding:2px 6px}"
           "td.n{text-align:right}</style></head><body>")]
    for kind, x in D.blocks:
        if kind == "title":
            out.append(f"<h1>{e(x)}</h1>")
        elif kind == "h1":
            out.append(f"<h2>{e(x)}</h2>")
        elif kind == "h2":
            out.append(f"<h3>{e(x)}</h3>")
        elif kind == "p":
            out.append(f"<p>{e(x)}</p>")
        else:
            T = x
            if not o["html_caption"]:
                out.append(f"<p class=\"tt\"><b>{e(T['title'])}</b></p>")
            out.append(f"<p class=\"unit\">{e(unit_line(T, dept))}</p>")
            out.append("<table>")
            if o["html_caption"]:
                out.append(f"<caption>{e(T['title'])}</caption>")
            sm = _span_map(T)
            out.append("<thead>")
            for ri, r in enumerate(T["header"]):
                cells = []
                for ci, c in enumerate(r):
                    sp = sm.get((ri, ci), (1, 1))
                    if sp is None:
                        continue
                    attr = (f" rowspan=\"{sp[0]}\"" if sp[0] > 1 else "") + (f" colspan=\"{sp[1]}\"" if sp[1] > 1 else "")
                    cells.append(f"<th{attr}>{e(c)}</th>")
                out.append("<tr>" + "".join(cells) + "</tr>")
            out.append("</thead><tbody>")
            for r in T["rows"]:
                out.append("<tr>" + "".join(f"<td class=\"n\">{e(c)}</td>" if _isnum(c) else f"<td>{e(c)}</td>"
                                            for c in r) + "</tr>")
            out.append("</tbody></table>")
            if T.get("note"):
                out.append(f"<p>{e(T['note'])}</p>")
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


def _isnum(c):
    s = c.replace(",", "").replace(".", "")
    return s.isdigit() and len(c) > 0


# ---------------- docx
def render_docx(D, path, dept):
    from docx import Document
    from docx.shared import Pt
    o = D.opts
    doc = Document()
    for kind, x in D.blocks:
        if kind == "title":
            doc.add_heading(x, 0)
        elif kind in ("h1", "h2"):
            if o["docx_heading"]:
                doc.add_heading(x, 1 if kind == "h1" else 2)
            else:
                r = doc.add_paragraph().add_run(x)
                r.bold = True
        elif kind == "p":
            doc.add_paragraph(x)
        else:
            T = x
            r = doc.add_paragraph().add_run(T["title"])
            r.bold = True
            doc.add_paragraph(unit_line(T, dept))
            allr = T["header"] + T["rows"]
            ncol = len(allr[0])
            tb = doc.add_table(rows=len(allr), cols=ncol)
            tb.style = "Table Grid"
            for ri, row in enumerate(allr):
                for ci, c in enumerate(row):
                    cell = tb.cell(ri, ci)
                    cell.text = c
                    for p in cell.paragraphs:
                        for rr in p.runs:
                            rr.font.size = Pt(8)
            for r0, c0, r1, c1 in T["spans"]:
                keep = allr[r0][c0]
                m = tb.cell(r0, c0).merge(tb.cell(r1, c1))
                m.text = keep
            if T.get("note"):
                doc.add_paragraph(T["note"])
    doc.save(path)


# ---------------- xlsx
def _xval(c, numeric):
    if not numeric or not _isnum(c):
        return c if c != "" else None, None
    v = float(c.replace(",", ""))
    fmt = "#,##0.00" if "," in c else "0.00"
    if "," not in c and len(c.split(".")[0]) > 3:
        fmt = "0.00"
    return v, fmt


def render_xlsx(D, path, dept):
    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    o = D.opts
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    row = 1
    for kind, x in D.blocks:
        if kind != "table":
            ws.cell(row=row, column=1, value=x)
            row += 1
            continue
        T = x
        if o["xlsx_layout"] == "sheets":
            idx = len([s for s in wb.sheetnames])
            sh = wb.create_sheet(f"表{idx}")
            r0 = 1
        else:
            sh = ws
            r0 = row + 1
        sh.cell(row=r0, column=1, value=T["title"])
        sh.cell(row=r0 + 1, column=1, value=unit_line(T, dept))
        rr = r0 + 2
        hdr0 = rr
        for r in T["header"]:
            for ci, c in enumerate(r):
                sh.cell(row=rr, column=ci + 1, value=c if c else None)
            rr += 1
        for a, b, c2, d in T["spans"]:
            sh.merge_cells(start_row=hdr0 + a, start_column=b + 1, end_row=hdr0 + c2, end_column=d + 1)
        for r in T["rows"]:
            for ci, c in enumerate(r):
                v, fmt = _xval(c, o["xlsx_numeric"])
                cell = sh.cell(row=rr, column=ci + 1, value=v)
                if fmt:
                    cell.number_format = fmt
            rr += 1
        if T.get("note"):
            sh.cell(row=rr, column=1, value=T["note"])
            rr += 1
        for ci in range(len(T["rows"][0])):
            sh.column_dimensions[get_column_letter(ci + 1)].width = 16
        if sh is ws:
            row = rr + 1
    wb.save(path)


# ---------------- pdf
_FONT = None


def _font():
    global _FONT
    if _FONT is None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONT = "STSong-Light"
    return _FONT


def render_pdf(D, path, dept):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.platypus import (
        PageBreak,
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
    o = D.opts
    fn = _font()
    st = {"title": ParagraphStyle("t", fontName=fn, fontSize=16, leading=22, alignment=1, wordWrap="CJK"),
          "h1": ParagraphStyle("h1", fontName=fn, fontSize=13, leading=18, spaceBefore=8, wordWrap="CJK"),
          "h2": ParagraphStyle("h2", fontName=fn, fontSize=11.5, leading=16, spaceBefore=4, wordWrap="CJK"),
          "p": ParagraphStyle("p", fontName=fn, fontSize=10.5, leading=16, wordWrap="CJK"),
          "cell": ParagraphStyle("c", fontName=fn, fontSize=7.5, leading=9.5, wordWrap="CJK")}
    story = []
    W = landscape(A4)[0] - 3 * cm
    for kind, x in D.blocks:
        if kind != "table":
            story.append(Paragraph(htmlesc(x), st[kind]))
            continue
        T = x
        if o["pdf_newpage"]:
            story.append(PageBreak())
        story.append(Spacer(1, 6))
        story.append(Paragraph(htmlesc(T["title"]), st["h2"]))
        story.append(Paragraph(htmlesc(unit_line(T, dept)), st["p"]))
        allr = T["header"] + T["rows"]
        ncol = len(allr[0])
        numw = 2.3 * cm
        widths = []
        for ci in range(ncol):
            col = [r[ci] for r in T["rows"]]
            isn = sum(1 for c in col if _isnum(c)) >= max(1, len([c for c in col if c])) * 0.6
            widths.append(numw if isn else None)
        free = W - sum(w for w in widths if w)
        nfree = sum(1 for w in widths if w is None)
        widths = [w if w else max(1.2 * cm, free / max(1, nfree)) for w in widths]
        data = []
        for ri, r in enumerate(allr):
            data.append([Paragraph(htmlesc(c), st["cell"]) if (not _isnum(c) and c) else c for c in r])
        t = Table(data, colWidths=widths, repeatRows=len(T["header"]) if o["pdf_repeat"] else 0)
        style = [("FONT", (0, 0), (-1, -1), fn, 7.5), ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
                 ("ALIGN", (0, len(T["header"])), (-1, -1), "RIGHT"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
        for r0, c0, r1, c1 in T["spans"]:
            style.append(("SPAN", (c0, r0), (c1, r1)))
        t.setStyle(TableStyle(style))
        story.append(t)
        if T.get("note"):
            story.append(Paragraph(htmlesc(T["note"]), st["p"]))
    doc = SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=1.5 * cm, rightMargin=1.5 * cm,
                            topMargin=1.5 * cm, bottomMargin=1.5 * cm, title=D.blocks[0][1])
    doc.build(story)


def htmlesc(s):
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


RENDER = {"txt": render_txt, "html": render_html, "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
