"""Renderers: txt, html, docx, xlsx, pdf."""
import html as htmlmod
from decimal import Decimal


def seg_text(d, s, pad=False):
    if isinstance(s, int):
        f = d.figs[s]
        t = f["printed"]
        if pad and f["kind"] in ("amt", "pct", "pp") and t:
            return f" {t} "
        return t
    return s


def ptext(d, blk):
    return "".join(seg_text(d, s, d.o["num_pad"]) for s in blk["segs"])


def cell_text(d, c):
    if c is None:
        return ""
    if isinstance(c, int):
        return d.figs[c]["printed"]
    return c


def table_chunks(tb):
    """Yield (label, rows, repeat_header) pieces: the first with the title, continuations with the 续表 label."""
    rows = tb["rows"]
    if tb.get("split_at"):
        k = tb["split_at"]
        return [(tb["title"], rows[:k], True), (tb["title"] + tb.get("cont", "（续表）"), rows[k:], True)]
    return [(tb["title"], rows, True)]


# ------------------------------------------------------------------ txt
def render_txt(d, path):
    o = d.o
    out = []
    for blk in d.blocks:
        if blk["t"] == "h":
            out.append(("" if blk["level"] else "") + blk["text"])
        elif blk["t"] == "p":
            out.append(ptext(d, blk))
        else:
            for i, (lab, rows, _rep) in enumerate(table_chunks(blk)):
                out.append(lab)
                if i == 0:
                    out.append(blk["unit_label"])
                allrows = blk["header"] + [[cell_text(d, c) for c in r] for r in rows]
                for r in allrows:
                    if o["txt_table"] == "tsv":
                        out.append("\t".join(r))
                    elif o["txt_table"] == "pipe":
                        out.append("| " + " | ".join(r) + " |")
                    else:
                        out.extend(x if x else "" for x in r)
                        out.append("")
            if blk.get("note"):
                out.append(blk["note"])
        out.append("")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


# ------------------------------------------------------------------ html
def render_html(d, path):
    o = d.o
    e = htmlmod.escape
    out = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8"><title>' + e(d.blocks[0]["text"]) + "</title></head><body>"]
    for blk in d.blocks:
        if blk["t"] == "h":
            lv = min(blk["level"] + 1, 4)
            out.append(f"<h{lv}>{e(blk['text'])}</h{lv}>")
        elif blk["t"] == "p":
            out.append(f"<p>{e(ptext(d, blk))}</p>")
        else:
            for i, (lab, rows, _rep) in enumerate(table_chunks(blk)):
                if not o["html_caption"]:
                    out.append(f'<p class="table-title"><b>{e(lab)}</b></p>')
                out.append('<table border="1">')
                if o["html_caption"]:
                    out.append(f"<caption>{e(lab)}</caption>")
                if i == 0:
                    out.append(f'<tr><td colspan="{len(blk["header"][0])}" align="right">{e(blk["unit_label"])}</td></tr>')
                for r in blk["header"]:
                    out.append("<tr>" + "".join(f"<th>{e(x)}</th>" for x in r) + "</tr>")
                for r in rows:
                    out.append("<tr>" + "".join(f"<td>{e(cell_text(d, c))}</td>" for c in r) + "</tr>")
                out.append("</table>")
            if blk.get("note"):
                out.append(f"<p>{e(blk['note'])}</p>")
    out.append("</body></html>")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("\n".join(out))


# ------------------------------------------------------------------ docx
def render_docx(d, path):
    from docx import Document
    from docx.shared import Pt
    o = d.o
    doc = Document()
    for blk in d.blocks:
        if blk["t"] == "h":
            if o["docx_heading"]:
                doc.add_heading(blk["text"], level=min(blk["level"], 3))
            else:
                doc.add_paragraph().add_run(blk["text"]).bold = True
        elif blk["t"] == "p":
            doc.add_paragraph(ptext(d, blk))
        else:
            for i, (lab, rows, _rep) in enumerate(table_chunks(blk)):
                doc.add_paragraph().add_run(lab).bold = True
                if i == 0:
                    doc.add_paragraph(blk["unit_label"])
                allrows = blk["header"] + [[cell_text(d, c) for c in r] for r in rows]
                ncol = max(len(r) for r in allrows)
                t = doc.add_table(rows=len(allrows), cols=ncol)
                t.style = "Table Grid"
                for ri, r in enumerate(allrows):
                    cells = t.rows[ri].cells
                    for ci, x in enumerate(r):
                        cells[ci].text = x
                        for p in cells[ci].paragraphs:
                            for run in p.runs:
                                run.font.size = Pt(8)
            if blk.get("note"):
                doc.add_paragraph(blk["note"])
    doc.save(path)


# ------------------------------------------------------------------ xlsx
def render_xlsx(d, path):
    from openpyxl import Workbook
    o = d.o
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    layout = o["xlsx_layout"]

    def put_table(ws, blk, r0):
        r = r0
        for i, (lab, rows, _rep) in enumerate(table_chunks(blk)):
            ws.cell(row=r, column=1, value=lab)
            r += 1
            if i == 0:
                ws.cell(row=r, column=1, value=blk["unit_label"])
                r += 1
            for hr in blk["header"]:
                for ci, x in enumerate(hr):
                    if x:
                        ws.cell(row=r, column=ci + 1, value=x)
                r += 1
            for row in rows:
                for ci, c in enumerate(row):
                    txt = cell_text(d, c)
                    if txt == "":
                        continue
                    if isinstance(c, int) and o["xlsx_numeric"] and d.figs[c]["kind"] == "amt":
                        f = d.figs[c]
                        v = float(Decimal(txt.replace(",", "").replace(" ", "")))
                        cell = ws.cell(row=r, column=ci + 1, value=v)
                        fmt = "0" if f["dec"] == 0 else "0." + "0" * f["dec"]
                        cell.number_format = ("#,##" + fmt) if f.get("sep") else fmt
                    else:
                        ws.cell(row=r, column=ci + 1, value=txt)
                r += 1
        if blk.get("note"):
            ws.cell(row=r, column=1, value=blk["note"])
            r += 1
        return r + 1

    r = 1
    n = 0
    for blk in d.blocks:
        if blk["t"] == "h":
            ws.cell(row=r, column=1, value=blk["text"])
            r += 1
        elif blk["t"] == "p":
            ws.cell(row=r, column=1, value=ptext(d, blk))
            r += 1
        elif layout == "inline":
            r = put_table(ws, blk, r)
        else:
            n += 1
            if layout == "sheets":
                t = wb.create_sheet(f"表{n}")
                put_table(t, blk, 1)
            else:
                if n == 1:
                    tws = wb.create_sheet("报表")
                    tr = 1
                tr = put_table(tws, blk, tr)
    wb.save(path)


# ------------------------------------------------------------------ pdf
def render_pdf(d, path):
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (
        Paragraph,
        SimpleDocTemplate,
        Spacer,
        Table,
        TableStyle,
    )
    o = d.o
    try:
        pdfmetrics.getFont("STSong-Light")
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    FN = "STSong-Light"
    st_p = ParagraphStyle("p", fontName=FN, fontSize=10, leading=15, wordWrap="CJK")
    st_h = [ParagraphStyle(f"h{i}", fontName=FN, fontSize=s, leading=s + 6, wordWrap="CJK", spaceBefore=4)
            for i, s in enumerate([16, 13, 11.5, 10.5])]
    st_c = ParagraphStyle("c", fontName=FN, fontSize=7, leading=9, wordWrap="CJK")
    pw = landscape(A4)[0] - 60
    story = []

    def esc(s):
        return htmlmod.escape(s)

    for blk in d.blocks:
        if blk["t"] == "h":
            story.append(Paragraph(esc(blk["text"]), st_h[min(blk["level"], 3)]))
        elif blk["t"] == "p":
            story.append(Paragraph(esc(ptext(d, blk)), st_p))
        else:
            chunks = table_chunks(blk)
            ncol = max(len(r) for r in blk["header"] + (blk["rows"] or [[""]]))
            body = [[cell_text(d, c) for c in r] for r in blk["rows"]]
            widths = []
            for ci in range(ncol):
                w = max([len(r[ci]) if ci < len(r) else 0 for r in body] + [3])
                isnum = all((not r[ci]) or r[ci][0].isdigit() for r in body if ci < len(r))
                widths.append((w * 4.3 + 10) if isnum else min(w * 7.2 + 8, 190))
            for ci in range(ncol):
                hw = max(len(h[ci]) if ci < len(h) else 0 for h in blk["header"])
                widths[ci] = max(widths[ci], min(hw, 6) * 7.2 + 8)
            scale = min(1.0, pw / sum(widths))
            widths = [w * scale for w in widths]
            for i, (lab, rows, _rep) in enumerate(chunks):
                story.append(Spacer(1, 6))
                story.append(Paragraph(esc(lab), st_h[3]))
                if i == 0:
                    story.append(Paragraph(esc(blk["unit_label"]), st_c))
                hdr = [[Paragraph(esc(x), st_c) for x in h] + [""] * (ncol - len(h)) for h in blk["header"]]
                data = hdr + [[cell_text(d, c) for c in r] + [""] * (ncol - len(r)) for r in rows]
                if not rows:
                    data = hdr
                rep = len(hdr) if o["pdf_repeat_header"] else 0
                t = Table(data, colWidths=widths, repeatRows=rep)
                t.setStyle(TableStyle([("FONT", (0, 0), (-1, -1), FN, 7), ("GRID", (0, 0), (-1, -1), 0.4, "#444444"),
                                       ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
                story.append(t)
            if blk.get("note"):
                story.append(Paragraph(esc(blk["note"]), st_p))
    doc = SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30)
    doc.build(story)


RENDER = {"txt": render_txt, "html": render_html, "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
