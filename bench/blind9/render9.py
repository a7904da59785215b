"""Render a Doc to txt, html, docx, xlsx or pdf."""

from __future__ import annotations

import html
import re
from pathlib import Path

from facts9 import Doc


def fix_zip(path: Path) -> None:
    """Rewrite an OOXML zip with fixed entry times so the same seed gives the same bytes."""
    import zipfile

    with zipfile.ZipFile(path) as z:
        entries = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>2020-01-01T00:00:00Z", data)
            z.writestr(zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0)), data, zipfile.ZIP_DEFLATED)


NUM_RE = re.compile(r"^-?[\d,]+(\.\d+)?$")


def grid(doc: Doc, t: dict) -> list[list[str]]:
    return [[doc.printed(c) for c in row] for row in t["header"] + t["rows"]]


def covered(t: dict) -> dict[tuple[int, int], tuple[int, int, int, int] | None]:
    """Map each cell inside a merge: top-left -> the merge, others -> None."""
    out: dict = {}
    for r0, c0, r1, c1 in t["merges"]:
        for r in range(r0, r1 + 1):
            for c in range(c0, c1 + 1):
                out[(r, c)] = (r0, c0, r1, c1) if (r, c) == (r0, c0) else None
    return out


def items(doc: Doc):
    """Yield ('h', level, text), ('p', text) and ('t', table) in order."""
    for b in doc.blocks:
        if b[0] == "h":
            yield "h", b[1], doc.printed(b[2])
        elif b[0] == "p":
            yield "p", 0, doc.para_text(b[1])
        else:
            yield "t", 0, b[1]


# ------------------------------------------------------------------ txt
def render_txt(doc: Doc, path: Path) -> None:
    o = doc.options
    out: list[str] = []
    for kind, lvl, x in items(doc):
        if kind == "h":
            out += ["", x]
        elif kind == "p":
            w = o["txt_wrap"]
            if w:
                out += [x[i : i + w] for i in range(0, len(x), w)]
            else:
                out.append(x)
        else:
            out += ["", doc.printed(x["title"]), x["unit_line"]]
            sep = "\t" if o["txt_table"] == "tsv" else " | "
            for row in grid(doc, x):
                out.append(sep.join(row).rstrip())
            if x["note"]:
                out.append(x["note"])
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


# ------------------------------------------------------------------ html
def render_html(doc: Doc, path: Path) -> None:
    o = doc.options
    h = [
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>',
        html.escape(doc.printed(doc.blocks[0][2])),
        "</title></head><body>",
    ]
    for kind, lvl, x in items(doc):
        if kind == "h":
            n = min(lvl + 1, 4)
            h.append(f"<h{n}>{html.escape(x)}</h{n}>")
        elif kind == "p":
            h.append(f"<p>{html.escape(x)}</p>")
        else:
            title = html.escape(doc.printed(x["title"]))
            if o["html_caption"]:
                h.append(f'<table border="1"><caption>{title}</caption>')
            else:
                h.append(f'<p class="table-title"><b>{title}</b></p><table border="1">')
            h.append(
                f'<tr><td colspan="{len(x["header"][0])}" style="text-align:right">'
                f"{html.escape(x['unit_line'])}</td></tr>"
            )
            cov = covered(x)
            g = grid(doc, x)
            nh = len(x["header"])
            for r, row in enumerate(g):
                cells = []
                for c, v in enumerate(row):
                    m = cov.get((r, c), False)
                    if m is None:
                        continue
                    tag = "th" if r < nh else "td"
                    attr = ""
                    if m:
                        r0, c0, r1, c1 = m
                        if r1 > r0:
                            attr += f' rowspan="{r1 - r0 + 1}"'
                        if c1 > c0:
                            attr += f' colspan="{c1 - c0 + 1}"'
                    cells.append(f"<{tag}{attr}>{html.escape(v)}</{tag}>")
                h.append("<tr>" + "".join(cells) + "</tr>")
            h.append("</table>")
            if x["note"]:
                h.append(f"<p>{html.escape(x['note'])}</p>")
    h.append("</body></html>")
    path.write_text("\n".join(h), encoding="utf-8")


# ------------------------------------------------------------------ docx
def render_docx(doc: Doc, path: Path) -> None:
    from docx import Document
    from docx.shared import Pt

    d = Document()
    for kind, lvl, x in items(doc):
        if kind == "h":
            if doc.options["docx_headings"]:
                d.add_heading(x, level=min(lvl, 3))
            else:
                p = d.add_paragraph()
                r = p.add_run(x)
                r.bold = True
                r.font.size = Pt(16 if lvl == 0 else 13 if lvl == 1 else 11)
        elif kind == "p":
            d.add_paragraph(x)
        else:
            p = d.add_paragraph()
            p.add_run(doc.printed(x["title"])).bold = True
            d.add_paragraph(x["unit_line"])
            g = grid(doc, x)
            tb = d.add_table(rows=len(g), cols=len(g[0]))
            tb.style = "Table Grid"
            for r, row in enumerate(g):
                for c, v in enumerate(row):
                    if v:
                        tb.cell(r, c).text = v
            for r0, c0, r1, c1 in x["merges"]:
                tb.cell(r0, c0).merge(tb.cell(r1, c1))
            if x["note"]:
                d.add_paragraph(x["note"])
    import datetime

    stamp = datetime.datetime(doc.f.year, 6, 30, 9, 0, 0)
    d.core_properties.created = stamp
    d.core_properties.modified = stamp
    d.core_properties.last_modified_by = ""
    d.save(str(path))
    fix_zip(path)


# ------------------------------------------------------------------ xlsx
def _xl_value(v: str, numeric: bool):
    if numeric and NUM_RE.match(v):
        dec = len(v.split(".")[1]) if "." in v else 0
        fmt = ("#,##0" if "," in v else "0") + ("." + "0" * dec if dec else "")
        return float(v.replace(",", "")), fmt
    return v, None


def render_xlsx(doc: Doc, path: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    o = doc.options
    wb = Workbook()
    ws = wb.active
    ws.title = "说明"
    row = 1
    tno = 0
    for kind, lvl, x in items(doc):
        if kind in ("h", "p"):
            ws.cell(row=row, column=1, value=x)
            if kind == "h":
                ws.cell(row=row, column=1).font = Font(bold=True)
            row += 1
            continue
        tno += 1
        if o["xlsx_layout"] == "sheets":
            ts = wb.create_sheet(f"表{tno}")
            r0 = 1
        else:
            ts = ws
            r0 = row + 1
        ts.cell(row=r0, column=1, value=doc.printed(x["title"])).font = Font(bold=True)
        ts.cell(row=r0 + 1, column=1, value=x["unit_line"])
        g = grid(doc, x)
        raw = x["header"] + x["rows"]
        for r, vals in enumerate(g):
            for c, v in enumerate(vals):
                if v == "":
                    continue
                val, fmt = _xl_value(v, o["xlsx_numeric"] and raw[r][c] in doc.figs)
                cell = ts.cell(row=r0 + 2 + r, column=c + 1, value=val)
                if fmt:
                    cell.number_format = fmt
        for a, b, c, e in x["merges"]:
            ts.merge_cells(start_row=r0 + 2 + a, start_column=b + 1, end_row=r0 + 2 + c, end_column=e + 1)
            ts.cell(row=r0 + 2 + a, column=b + 1).alignment = Alignment(vertical="center")
        end = r0 + 2 + len(g)
        if x["note"]:
            ts.cell(row=end, column=1, value=x["note"])
            end += 1
        if ts is ws:
            row = end + 1
    import datetime

    stamp = datetime.datetime(doc.f.year, 6, 30, 9, 0, 0)
    wb.properties.created = stamp
    wb.properties.modified = stamp
    wb.save(str(path))
    fix_zip(path)


# ------------------------------------------------------------------ pdf
_FONT = None


def _font() -> str:
    global _FONT
    if _FONT is None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont

        pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
        _FONT = "STSong-Light"
    return _FONT


def _w(s: str, fs: float) -> float:
    return sum(fs * (0.55 if ord(ch) < 128 else 1.0) for ch in s)


def render_pdf(doc: Doc, path: Path) -> None:
    from reportlab import rl_config
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

    rl_config.invariant = 1  # no creation date or random id: same seed, same bytes
    fn = _font()
    body = ParagraphStyle("b", fontName=fn, fontSize=10, leading=15, wordWrap="CJK")
    hs = {
        0: ParagraphStyle("h0", fontName=fn, fontSize=16, leading=24, alignment=1),
        1: ParagraphStyle("h1", fontName=fn, fontSize=13, leading=20),
        2: ParagraphStyle("h2", fontName=fn, fontSize=11, leading=17),
    }
    cell = ParagraphStyle("c", fontName=fn, fontSize=7, leading=9, wordWrap="CJK")
    avail = A4[0] - 72
    story = []
    o = doc.options
    for kind, lvl, x in items(doc):
        if kind == "h":
            story.append(Paragraph(html.escape(x), hs[min(lvl, 2)]))
        elif kind == "p":
            story.append(Paragraph(html.escape(x), body))
        else:
            if o["pdf_newpage"]:
                story.append(PageBreak())
            story.append(Paragraph(html.escape(doc.printed(x["title"])), hs[2]))
            story.append(Paragraph(html.escape(x["unit_line"]), body))
            g = grid(doc, x)
            nh = len(x["header"])
            ncol = len(g[0])
            widths = [max([_w(g[r][c], 7) for r in range(nh, len(g))] + [28]) + 8 for c in range(ncol)]
            if sum(widths) > avail:
                k = avail / sum(widths)
                widths = [w * k for w in widths]
            data = []
            for r, row in enumerate(g):
                out = []
                for c, v in enumerate(row):
                    if r < nh or _w(v, 7) + 6 > widths[c]:
                        out.append(Paragraph(html.escape(v), cell))
                    else:
                        out.append(v)
                data.append(out)
            style = [
                ("FONT", (0, 0), (-1, -1), fn, 7),
                ("GRID", (0, 0), (-1, -1), 0.4, colors.black),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ]
            for r0, c0, r1, c1 in x["merges"]:
                style.append(("SPAN", (c0, r0), (c1, r1)))
            tb = Table(data, colWidths=widths, repeatRows=nh if o["pdf_repeat"] else 0)
            tb.setStyle(TableStyle(style))
            story.append(tb)
            if x["note"]:
                story.append(Paragraph(html.escape(x["note"]), body))
            story.append(Spacer(1, 8))
    sd = SimpleDocTemplate(
        str(path), pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=40, title="", author=""
    )
    sd.build(story)


RENDER = {"txt": render_txt, "html": render_html, "docx": render_docx, "xlsx": render_xlsx, "pdf": render_pdf}
