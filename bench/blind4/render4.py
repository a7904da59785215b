"""Renderers: txt, html, docx, xlsx, pdf. Each returns its per-format options."""
import html as H

from doc4 import Fig


def ctext(d, c):
    return d.cell_text(c)


def grid_header(t):
    """expand header rows with spans into a full grid (text in top-left cell, '' elsewhere)."""
    rows = []
    occ = {}
    for ri, hr in enumerate(t.header):
        row = []
        ci = 0
        for text, cs, rs in hr:
            while occ.get((ri, ci)):
                row.append("")
                ci += 1
            row.append(text)
            for a in range(rs):
                for b in range(cs):
                    occ[(ri + a, ci + b)] = True
            row += [""] * (cs - 1)
            ci += cs
        while len(row) < t.ncols:
            row.append("")
        rows.append(row[:t.ncols])
    return rows


def parts_of(t):
    if t.split_at and 1 < t.split_at < len(t.rows):
        return [(t.title, t.rows[:t.split_at]), (t.title + "（续表）", t.rows[t.split_at:])]
    return [(t.title, t.rows)]


def render_txt(d, path, rng):
    style = rng.choice(["tsv", "pipe", "cells"])
    out = []
    for b in d.blocks:
        if b[0] == "h":
            out.append(b[2])
        elif b[0] == "p":
            out.append(d.para_text(b[1]))
        else:
            t = b[1]
            for title, rows in parts_of(t):
                out.append(title)
                out.append(t.unit_label)
                for r in grid_header(t) + [[ctext(d, c) for c in r] for r in rows]:
                    r = r + [""] * (t.ncols - len(r))
                    if style == "tsv":
                        out.append("\t".join(r))
                    elif style == "pipe":
                        out.append("| " + " | ".join(r) + " |")
                    else:
                        out.extend(x for x in r if x)
                        out.append("")
                if t.note:
                    out.append(t.note)
        out.append("")
    open(path, "w", encoding="utf-8").write("\n".join(out))
    return {"txt_tables": style}


def render_html(d, path, rng):
    cap = rng.random() < 0.5
    o = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>%s</title></head><body>" % H.escape(d.blocks[0][2])]
    for b in d.blocks:
        if b[0] == "h":
            o.append("<h%d>%s</h%d>" % (b[1] + 1, H.escape(b[2]), b[1] + 1))
        elif b[0] == "p":
            o.append("<p>%s</p>" % H.escape(d.para_text(b[1])))
        else:
            t = b[1]
            for title, rows in parts_of(t):
                if not cap:
                    o.append("<p class='tt'><b>%s</b></p>" % H.escape(title))
                o.append("<table border='1' cellspacing='0'>" + ("<caption>%s</caption>" % H.escape(title) if cap else ""))
                o.append("<tr><td colspan='%d' style='text-align:right'>%s</td></tr>" % (t.ncols, H.escape(t.unit_label)))
                for hr in t.header:
                    o.append("<tr>" + "".join("<th%s%s>%s</th>" % (" colspan='%d'" % cs if cs > 1 else "", " rowspan='%d'" % rs if rs > 1 else "", H.escape(x)) for x, cs, rs in hr) + "</tr>")
                for r in rows:
                    o.append("<tr>" + "".join("<td>%s</td>" % H.escape(ctext(d, c)) for c in r) + "</tr>")
                o.append("</table>")
            if t.note:
                o.append("<p>%s</p>" % H.escape(t.note))
    o.append("</body></html>")
    open(path, "w", encoding="utf-8").write("\n".join(o))
    return {"html_title": "caption" if cap else "paragraph"}


def render_docx(d, path, rng):
    from docx import Document
    doc = Document()
    hs = rng.random() < 0.5
    for b in d.blocks:
        if b[0] == "h":
            if hs:
                doc.add_heading(b[2], level=min(b[1] + 1, 3))
            else:
                doc.add_paragraph().add_run(b[2]).bold = True
        elif b[0] == "p":
            doc.add_paragraph(d.para_text(b[1]))
        else:
            t = b[1]
            for title, rows in parts_of(t):
                doc.add_paragraph().add_run(title).bold = True
                doc.add_paragraph(t.unit_label)
                nh = len(t.header)
                tb = doc.add_table(rows=nh + len(rows), cols=t.ncols)
                tb.style = "Table Grid"
                occ = {}
                for ri, hr in enumerate(t.header):
                    ci = 0
                    for text, cs, rs in hr:
                        while occ.get((ri, ci)):
                            ci += 1
                        cell = tb.cell(ri, ci)
                        if cs > 1 or rs > 1:
                            cell = cell.merge(tb.cell(ri + rs - 1, ci + cs - 1))
                        cell.text = text
                        for a in range(rs):
                            for bb in range(cs):
                                occ[(ri + a, ci + bb)] = True
                        ci += cs
                for ri, r in enumerate(rows):
                    for ci, c in enumerate(r[:t.ncols]):
                        tb.cell(nh + ri, ci).text = ctext(d, c)
            if t.note:
                doc.add_paragraph(t.note)
    doc.save(path)
    return {"docx_headings": "styles" if hs else "bold"}


def render_xlsx(d, path, rng):
    from openpyxl import Workbook
    num = rng.random() < 0.5
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    for b in d.blocks:
        if b[0] == "h":
            ws.append([b[2]])
        elif b[0] == "p":
            ws.append([d.para_text(b[1])])
    k = 0
    for b in d.blocks:
        if b[0] != "table":
            continue
        t = b[1]
        k += 1
        s = wb.create_sheet("表%d" % k)
        r0 = 1
        for title, rows in parts_of(t):
            s.cell(r0, 1, title)
            s.cell(r0 + 1, 1, t.unit_label)
            r = r0 + 2
            occ = {}
            for ri, hr in enumerate(t.header):
                ci = 0
                for text, cs, rs in hr:
                    while occ.get((ri, ci)):
                        ci += 1
                    s.cell(r + ri, ci + 1, text)
                    if cs > 1 or rs > 1:
                        s.merge_cells(start_row=r + ri, start_column=ci + 1, end_row=r + ri + rs - 1, end_column=ci + cs)
                    for a in range(rs):
                        for bb in range(cs):
                            occ[(ri + a, ci + bb)] = True
                    ci += cs
            r += len(t.header)
            for row in rows:
                for ci, c in enumerate(row[:t.ncols]):
                    txt = ctext(d, c)
                    cell = s.cell(r, ci + 1)
                    if num and isinstance(c, Fig) and c.kind == "amt" and txt:
                        cell.value = float(txt.replace(",", ""))
                        cell.number_format = ("#,##0" if c.sep else "0") + ("." + "0" * c.dec if c.dec else "")
                    else:
                        cell.value = txt
                r += 1
            r0 = r + 1
        if t.note:
            s.cell(r0, 1, t.note)
    wb.save(path)
    return {"xlsx_cells": "numeric" if num else "text"}


def render_pdf(d, path, rng):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    newpage = rng.random() < 0.5
    rep = rng.random() < 0.5
    ps = ParagraphStyle("n", fontName="STSong-Light", fontSize=10, leading=15, wordWrap="CJK")
    hs = ParagraphStyle("h", fontName="STSong-Light", fontSize=13, leading=19, spaceBefore=6, spaceAfter=4, wordWrap="CJK")
    cs_ = ParagraphStyle("c", fontName="STSong-Light", fontSize=7.5, leading=9.5, wordWrap="CJK")
    story = []
    esc = lambda s: H.escape(s)
    for b in d.blocks:
        if b[0] == "h":
            story.append(Paragraph(esc(b[2]), hs))
        elif b[0] == "p":
            story.append(Paragraph(esc(d.para_text(b[1])), ps))
        else:
            t = b[1]
            if newpage:
                story.append(PageBreak())
            for pi, (title, rows) in enumerate(parts_of(t)):
                story.append(Paragraph(esc(title), hs))
                story.append(Paragraph(esc(t.unit_label), ps))
                data = grid_header(t) + [[ctext(d, c) for c in r[:t.ncols]] + [""] * (t.ncols - len(r)) for r in rows]
                data = [[Paragraph(esc(x), cs_) if x else "" for x in r] for r in data]
                style = [("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                occ = {}
                for ri, hr in enumerate(t.header):
                    ci = 0
                    for text, cs, rs in hr:
                        while occ.get((ri, ci)):
                            ci += 1
                        if cs > 1 or rs > 1:
                            style.append(("SPAN", (ci, ri), (ci + cs - 1, ri + rs - 1)))
                        for a in range(rs):
                            for bb in range(cs):
                                occ[(ri + a, ci + bb)] = True
                        ci += cs
                W = landscape(A4)[0] - 72
                tb = Table(data, colWidths=[W / t.ncols] * t.ncols, repeatRows=len(t.header) if rep else 0)
                tb.setStyle(TableStyle(style))
                story.append(tb)
                story.append(Spacer(1, 8))
            if t.note:
                story.append(Paragraph(esc(t.note), ps))
    SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=36, rightMargin=36, topMargin=36, bottomMargin=36).build(story)
    return {"pdf_table_newpage": newpage, "pdf_repeat_header": rep}


RENDER = {"txt": render_txt, "html": render_html, "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
