"""Pagination and the five renderings (txt, html, docx, xlsx, pdf).

Text formats are rendered the way text extracted from a multi-page PDF looks: running headers
and "— n —" footers between pages, inside the text and between the parts of a table, tables
continued with their header repeated (or not) and sometimes a 续表 caption.  The PDF itself is
paginated by reportlab with the same furniture drawn on every page.
"""
from __future__ import annotations

import datetime as dt
import html
import io
import math
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from doc14 import Doc, Fig, Noise, Para, Table

FIXED_DATE = dt.datetime(2026, 2, 10, 9, 0, 0)
ZIP_DATE = (2026, 2, 10, 9, 0, 0)


@dataclass
class TablePart:
    table: Table
    start: int
    end: int
    header: bool     # print the header rows
    caption: str     # 续表 caption of a continuation part ('' = none)
    first: bool      # print title, 编制单位 and unit caption
    last: bool       # print the note under the table


def cell_text(c: Any) -> str:
    if c is None:
        return ''
    if isinstance(c, Fig):
        return c.text
    return str(c)


def header_text(c: Any) -> str:
    return '' if c is None or c == '^' else str(c)


# ---------------------------------------------------------------- pagination (text formats)
def running_header(doc: Doc) -> str:
    return f'{doc.facts["dept"]}2026年部门预算' + ('公开' if doc.options['header_suffix'] else '')


def footer(doc: Doc, n: int) -> str:
    return doc.options['footer'].format(n=n)


def para_lines(p: Para) -> float:
    n = len(p.text())
    if p.style in ('h1', 'title'):
        return 2.5
    if p.style in ('h2', 'h3'):
        return 1.6
    return math.ceil(max(n, 1) / 38) + 0.3


def split_para(p: Para, max_chars: int) -> tuple[Para, Para] | None:
    """Split after the last '。' that leaves at most max_chars before it (a page break between sentences)."""
    best = None
    pos = 0
    for i, s in enumerate(p.segs):
        if isinstance(s, str):
            for k, ch in enumerate(s):
                if ch == '。' and pos + k + 1 <= max_chars and pos + k + 1 < len(p.text()):
                    best = (i, k + 1)
            pos += len(s)
        else:
            pos += len(s.text)
    if best is None:
        return None
    i, k = best
    s = p.segs[i]
    a = Para(p.segs[:i] + [s[:k]], p.style)
    b = Para(([s[k:]] if s[k:] else []) + p.segs[i + 1:], p.style)
    return a, b


def paginate(doc: Doc) -> list[Any]:
    """Blocks with page furniture inserted where a printed page would end."""
    o = doc.options
    cap = o['page_lines']
    out: list[Any] = []
    state = {'page': 1, 'used': 0.0}

    def new_page() -> None:
        out.append(Noise(footer(doc, state['page']), 'footer'))
        state['page'] += 1
        state['used'] = 0.0
        if o['running_header']:
            out.append(Noise(running_header(doc), 'header'))
            state['used'] = 1.0

    for b in doc.blocks:
        if b == 'pagebreak':
            if state['used'] > 1.0:
                new_page()
            continue
        if isinstance(b, Para):
            h = para_lines(b)
            if state['used'] + h <= cap:
                out.append(b)
                state['used'] += h
                continue
            room = int((cap - state['used'] - 0.3) * 38)
            parts = None if b.protect or b.style != 'body' else split_para(b, room)
            if parts:
                out.append(parts[0])
                new_page()
                out.append(parts[1])
                state['used'] += para_lines(parts[1])
            else:
                new_page()
                out.append(b)
                state['used'] += h
            continue
        if isinstance(b, Table):
            t = b
            nh = len(t.header) + (1 if t.lanci else 0)
            start, first = 0, True
            while True:
                title_cost = 3.0 if first else (1.0 if o['xubiao'] else 0.0)
                head_cost = nh if (first or o['header_repeat']) else 0
                avail = int(cap - state['used'] - title_cost - head_cost - (1 if t.note else 0))
                remaining = len(t.rows) - start
                if avail < min(3, remaining):
                    new_page()
                    continue
                take = min(avail, remaining)
                end = start + take
                out.append(TablePart(t, start, end, first or o['header_repeat'], '' if first else o['xubiao'],
                                     first, end == len(t.rows)))
                state['used'] += title_cost + head_cost + take
                if end == len(t.rows):
                    if t.note:
                        state['used'] += 1
                    break
                new_page()
                start, first = end, False
            continue
        raise TypeError(b)
    out.append(Noise(footer(doc, state['page']), 'footer'))
    return out


# ---------------------------------------------------------------- txt
def txt_table_lines(part: TablePart, style: str) -> list[str]:
    t = part.table
    lines: list[str] = []
    if part.first:
        lines.append(t.title)
        cap = (t.dept_line + '    ' if t.dept_line else '') + t.unit_caption
        if cap.strip():
            lines.append(cap)
    elif part.caption:
        lines.append(part.caption)
    rows: list[list[str]] = []
    if part.header:
        rows += [[header_text(c) for c in r] for r in t.header]
        if t.lanci:
            rows.append(list(t.lanci))
    rows += [[cell_text(c) for c in r] for r in t.rows[part.start:part.end]]
    for r in rows:
        if style == 'tsv':
            lines.append('\t'.join(r).rstrip('\t'))
        elif style == 'pipes':
            lines.append('| ' + ' | '.join(r) + ' |')
        else:  # one cell per line, rows separated by a blank line (a flattened table)
            lines += [c for c in r if c.strip()]
            lines.append('')
    if part.last and t.note:
        lines.append(t.note)
    return lines


def render_txt(doc: Doc, items: list[Any]) -> bytes:
    style = doc.options['txt_table']
    lines: list[str] = []
    for it in items:
        if isinstance(it, Para):
            lines.append(it.text())
        elif isinstance(it, Noise):
            lines.append(it.text)
        elif isinstance(it, TablePart):
            lines += txt_table_lines(it, style)
        elif isinstance(it, Table):  # an inline table (部门预算单位构成)
            lines += txt_table_lines(TablePart(it, 0, len(it.rows), True, '', True, True), style)
    return ('\n'.join(lines) + '\n').encode('utf-8')


# ---------------------------------------------------------------- html
def header_spans(header: list[list[Any]]) -> list[list[tuple[int, int, int, str]]]:
    """(col, colspan, rowspan, text) for each real header cell, row by row."""
    out = []
    for i, row in enumerate(header):
        cells = []
        for j, c in enumerate(row):
            if c is None or c == '^':
                continue
            cs = 1
            while j + cs < len(row) and row[j + cs] is None:
                cs += 1
            rs = 1
            while i + rs < len(header) and header[i + rs][j] == '^':
                rs += 1
            cells.append((j, cs, rs, str(c)))
        out.append(cells)
    return out


def html_table(part: TablePart, caption_mode: str) -> str:
    t = part.table
    h: list[str] = []
    if part.first:
        if caption_mode == 'p':
            h.append(f'<p class="table-title"><b>{html.escape(t.title)}</b></p>')
        cap = (t.dept_line + '　' if t.dept_line else '') + t.unit_caption
        if cap.strip():
            h.append(f'<p class="table-unit">{html.escape(cap)}</p>')
    elif part.caption:
        h.append(f'<p class="table-cont">{html.escape(part.caption)}</p>')
    h.append('<table border="1" cellspacing="0" cellpadding="2">')
    if part.first and caption_mode == 'caption':
        h.append(f'<caption>{html.escape(t.title)}</caption>')
    if part.header:
        h.append('<thead>')
        for cells in header_spans(t.header):
            tds = ''.join(f'<th{f" colspan={cs}" if cs > 1 else ""}{f" rowspan={rs}" if rs > 1 else ""}>'
                          f'{html.escape(x)}</th>' for _, cs, rs, x in cells)
            h.append(f'<tr>{tds}</tr>')
        if t.lanci:
            h.append('<tr>' + ''.join(f'<td>{html.escape(c)}</td>' for c in t.lanci) + '</tr>')
        h.append('</thead>')
    h.append('<tbody>')
    for r in t.rows[part.start:part.end]:
        tds = ''.join(f'<td align="right">{html.escape(cell_text(c))}</td>' if j in t.num_cols
                      else f'<td>{html.escape(cell_text(c))}</td>' for j, c in enumerate(r))
        h.append(f'<tr>{tds}</tr>')
    h.append('</tbody></table>')
    if part.last and t.note:
        h.append(f'<p class="table-note">{html.escape(t.note)}</p>')
    return '\n'.join(h)


def render_html(doc: Doc, items: list[Any]) -> bytes:
    o = doc.options
    title = f'{doc.facts["dept"]}2026年部门预算'
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">', f'<title>{html.escape(title)}</title>',
           '</head><body>']
    tag = {'title': 'h1', 'h1': 'h2', 'h2': 'h3', 'h3': 'h4'}
    for it in items:
        if isinstance(it, Para):
            if it.style in tag:
                out.append(f'<{tag[it.style]}>{html.escape(it.text())}</{tag[it.style]}>')
            else:
                out.append(f'<p>{html.escape(it.text())}</p>')
        elif isinstance(it, Noise):
            out.append(f'<div class="pdf-page-{it.kind}">{html.escape(it.text)}</div>')
        elif isinstance(it, TablePart):
            out.append(html_table(it, o['html_caption']))
        elif isinstance(it, Table):
            out.append(html_table(TablePart(it, 0, len(it.rows), True, '', True, True), 'p'))
    out.append('</body></html>')
    return ('\n'.join(out) + '\n').encode('utf-8')


# ---------------------------------------------------------------- zip determinism (docx, xlsx)
def fix_zip(data: bytes) -> bytes:
    """Rewrite an OOXML zip with fixed timestamps and fixed core-property dates."""
    src = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == 'docProps/core.xml':
                stamp = FIXED_DATE.strftime('%Y-%m-%dT%H:%M:%SZ')
                content = re.sub(rb'(<dcterms:(?:created|modified)[^>]*>)[^<]*(<)',
                                 rb'\g<1>' + stamp.encode() + rb'\g<2>', content)
            zi = zipfile.ZipInfo(info.filename, ZIP_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            dst.writestr(zi, content)
    return buf.getvalue()


# ---------------------------------------------------------------- docx
def render_docx(doc: Doc, items: list[Any]) -> bytes:
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt

    o = doc.options
    d = docx.Document()
    st = d.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    cp = d.core_properties
    cp.author, cp.title = doc.facts['dept'], f'{doc.facts["dept"]}2026年部门预算'
    cp.created = cp.modified = cp.last_printed = FIXED_DATE
    cp.last_modified_by = doc.facts['dept']
    cp.revision = 1

    def add_table(part: TablePart) -> None:
        t = part.table
        if part.first:
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(t.title).bold = True
            cap = (t.dept_line + '　　' if t.dept_line else '') + t.unit_caption
            if cap.strip():
                d.add_paragraph(cap).alignment = WD_ALIGN_PARAGRAPH.RIGHT
        elif part.caption:
            d.add_paragraph(part.caption)
        hdr = (t.header if part.header else []) + ([t.lanci] if part.header and t.lanci else [])
        body = t.rows[part.start:part.end]
        ncol = len(t.header[0])
        tb = d.add_table(rows=len(hdr) + len(body), cols=ncol)
        tb.style = 'Table Grid'
        if part.header:
            for i, row in enumerate(t.header):
                for j, c in enumerate(row):
                    if c is not None and c != '^':
                        tb.cell(i, j).text = str(c)
            for i, cells in enumerate(header_spans(t.header)):
                for j, cs, rs, _ in cells:
                    if cs > 1 or rs > 1:
                        a = tb.cell(i, j)
                        b = tb.cell(i + rs - 1, j + cs - 1)
                        txt = a.text
                        m = a.merge(b)
                        m.text = txt
            if t.lanci:
                for j, c in enumerate(t.lanci):
                    tb.cell(len(t.header), j).text = c
        off = len(hdr)
        for i, r in enumerate(body):
            for j, c in enumerate(r):
                cell = tb.cell(off + i, j)
                cell.text = cell_text(c)
                if j in t.num_cols:
                    cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if part.last and t.note:
            d.add_paragraph(t.note)

    for it in items:
        if isinstance(it, Para):
            if it.style == 'title':
                p = d.add_paragraph()
                p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                r = p.add_run(it.text())
                r.bold = True
                r.font.size = Pt(18)
            elif it.style in ('h1', 'h2', 'h3'):
                lvl = {'h1': 1, 'h2': 2, 'h3': 3}[it.style]
                if o['docx_headings']:
                    d.add_heading(it.text(), level=lvl)
                else:
                    d.add_paragraph().add_run(it.text()).bold = True
            else:
                d.add_paragraph(it.text())
        elif isinstance(it, Noise):
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(it.text).font.size = Pt(8)
        elif isinstance(it, TablePart):
            add_table(it)
        elif isinstance(it, Table):
            add_table(TablePart(it, 0, len(it.rows), True, '', True, True))
    buf = io.BytesIO()
    d.save(buf)
    return fix_zip(buf.getvalue())


# ---------------------------------------------------------------- xlsx
def number_format(text: str) -> str:
    dec = len(text.split('.')[1]) if '.' in text else 0
    base = '#,##0' if ',' in text else '0'
    return base + ('.' + '0' * dec if dec else '')


def render_xlsx(doc: Doc, items: list[Any]) -> bytes:
    import openpyxl
    from openpyxl.styles import Alignment, Font

    o = doc.options
    wb = openpyxl.Workbook()
    wb.properties.creator = doc.facts['dept']
    wb.properties.created = wb.properties.modified = FIXED_DATE
    text_ws = wb.active
    text_ws.title = '部门预算说明'
    text_ws.column_dimensions['A'].width = 120
    sheets: dict[str, Any] = {}
    used_names: set[str] = {text_ws.title}

    def sheet_for(t: Table) -> Any:
        if t.tid in sheets:
            return sheets[t.tid]
        name = re.sub(r'[\\/?*\[\]:]', '', t.title)[:31]
        base, k = name, 2
        while name in used_names:
            name = f'{base[:28]}({k})'
            k += 1
        used_names.add(name)
        ws = wb.create_sheet(name)
        sheets[t.tid] = ws
        return ws

    def put(ws: Any, r: int, c: int, v: Any, num: bool = False) -> None:
        cell = ws.cell(row=r, column=c)
        if num and isinstance(v, str) and v and not o['xlsx_text_numbers'] and re.fullmatch(r'-?[\d,]+(\.\d+)?', v):
            cell.value = float(v.replace(',', ''))
            cell.number_format = number_format(v)
            cell.alignment = Alignment(horizontal='right')
        else:
            cell.value = v if v != '' else None

    def write_part(ws: Any, part: TablePart) -> None:
        t = part.table
        r = ws.max_row + 1 if ws.max_row > 1 or ws.cell(1, 1).value is not None else 1
        ncol = len(t.header[0])
        if part.first:
            put(ws, r, 1, t.title)
            ws.cell(r, 1).font = Font(bold=True, size=14)
            ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=ncol)
            r += 1
            cap = (t.dept_line + '　　' if t.dept_line else '') + t.unit_caption
            if cap.strip():
                put(ws, r, 1, cap)
                r += 1
        elif part.caption:
            put(ws, r, 1, part.caption)
            r += 1
        if part.header:
            for i, row in enumerate(t.header):
                for j, c in enumerate(row):
                    if c is not None and c != '^':
                        put(ws, r + i, j + 1, str(c))
            for i, cells in enumerate(header_spans(t.header)):
                for j, cs, rs, _ in cells:
                    if cs > 1 or rs > 1:
                        ws.merge_cells(start_row=r + i, start_column=j + 1, end_row=r + i + rs - 1, end_column=j + cs)
            r += len(t.header)
            if t.lanci:
                for j, c in enumerate(t.lanci):
                    put(ws, r, j + 1, c)
                r += 1
        for row in t.rows[part.start:part.end]:
            for j, c in enumerate(row):
                put(ws, r, j + 1, cell_text(c), num=j in t.num_cols)
            r += 1
        if part.last and t.note:
            put(ws, r, 1, t.note)

    text_row = 1
    open_table: Table | None = None  # a table continued on the next page
    for it in items:
        if isinstance(it, Para):
            text_ws.cell(text_row, 1).value = it.text()
            if it.style != 'body':
                text_ws.cell(text_row, 1).font = Font(bold=True)
            text_row += 1
        elif isinstance(it, Noise):
            if not o['xlsx_noise']:
                continue
            if open_table is not None:
                # converted from PDF: the page furniture sits between the parts of the table
                ws = sheet_for(open_table)
                ws.cell(ws.max_row + 1, 1).value = it.text
            else:
                text_ws.cell(text_row, 1).value = it.text
                text_row += 1
        elif isinstance(it, TablePart) and it.table.tid == 't_units':
            for row in ([it.table.header[0]] if it.header else []) + it.table.rows[it.start:it.end]:
                for j, c in enumerate(row):
                    text_ws.cell(text_row, j + 1).value = cell_text(c) or None
                text_row += 1
        elif isinstance(it, TablePart):
            ws = sheet_for(it.table)
            if it.first or o['xlsx_noise']:
                write_part(ws, it)
            else:
                write_part(ws, TablePart(it.table, it.start, it.end, False, '', False, it.last))
            open_table = None if it.last else it.table
        elif isinstance(it, Table):
            for row in [it.header[0]] + it.rows:
                for j, c in enumerate(row):
                    text_ws.cell(text_row, j + 1).value = cell_text(c) or None
                text_row += 1
    if o['xlsx_text_last']:
        wb.move_sheet(text_ws, offset=len(wb.sheetnames) - 1)
    for ws in wb.worksheets:
        if ws is not text_ws:
            for col in range(1, ws.max_column + 1):
                ws.column_dimensions[openpyxl.utils.get_column_letter(col)].width = 16
    buf = io.BytesIO()
    wb.save(buf)
    return fix_zip(buf.getvalue())


# ---------------------------------------------------------------- pdf
_FONT_READY = False


def _font() -> str:
    global _FONT_READY
    if not _FONT_READY:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        _FONT_READY = True
    return 'STSong-Light'


def pdf_parts(doc: Doc) -> list[Any]:
    """Blocks for the PDF: tables are split by hand (with a 续表 caption) only when the layout asks."""
    o = doc.options
    out: list[Any] = []
    for b in doc.blocks:
        if isinstance(b, Table) and b.tid != 't_units':
            n = len(b.rows)
            if o['xubiao'] and n >= 14:
                cut = max(6, int(n * o['pdf_cut']))
                out.append(TablePart(b, 0, cut, True, '', True, False))
                out.append('pagebreak')
                out.append(TablePart(b, cut, n, o['header_repeat'], o['xubiao'], False, True))
            else:
                out.append(TablePart(b, 0, n, True, '', True, True))
        else:
            out.append(b)
    return out


def render_pdf(doc: Doc, items: list[Any] | None = None) -> bytes:
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (
        BaseDocTemplate,
        Frame,
        KeepTogether,
        NextPageTemplate,
        PageBreak,
        PageTemplate,
        Paragraph,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as RLTable

    o = doc.options
    font = _font()
    body = ParagraphStyle('body', fontName=font, fontSize=10.5, leading=17, firstLineIndent=21, wordWrap='CJK')
    styles = {
        'body': body,
        'toc': ParagraphStyle('toc', parent=body, firstLineIndent=0, leftIndent=20),
        'title': ParagraphStyle('title', fontName=font, fontSize=18, leading=28, alignment=TA_CENTER, spaceAfter=12),
        'h1': ParagraphStyle('h1', fontName=font, fontSize=15, leading=24, alignment=TA_CENTER, spaceBefore=6,
                             spaceAfter=10),
        'h2': ParagraphStyle('h2', fontName=font, fontSize=12, leading=20, spaceBefore=6, spaceAfter=2),
        'h3': ParagraphStyle('h3', fontName=font, fontSize=11, leading=18, firstLineIndent=21),
    }
    cell_style = ParagraphStyle('cell', fontName=font, fontSize=7.5, leading=9.5, wordWrap='CJK')
    cap_style = ParagraphStyle('cap', fontName=font, fontSize=9, leading=12)
    ttl_style = ParagraphStyle('ttl', fontName=font, fontSize=13, leading=20, alignment=TA_CENTER, spaceAfter=4)
    unit_style = ParagraphStyle('unit', fontName=font, fontSize=9, leading=12, alignment=TA_RIGHT)

    buf = io.BytesIO()
    port, land = A4, landscape(A4)
    hdr_text = running_header(doc)

    def furniture(canvas: Any, d: Any) -> None:
        canvas.saveState()
        canvas.setFont(font, 9)
        w, h = canvas._pagesize
        n = canvas.getPageNumber()
        if o['running_header'] and n > 1:
            canvas.drawCentredString(w / 2, h - 28, hdr_text)
        canvas.drawCentredString(w / 2, 22, footer(doc, n))
        canvas.restoreState()

    dt_ = BaseDocTemplate(buf, pagesize=port, title=f'{doc.facts["dept"]}2026年部门预算', author=doc.facts['dept'],
                          creator='gen14', producer='gen14', subject='2026年部门预算', invariant=1)
    dt_.addPageTemplates([
        PageTemplate('port', [Frame(50, 50, port[0] - 100, port[1] - 100, id='p')], onPage=furniture, pagesize=port),
        PageTemplate('land', [Frame(36, 44, land[0] - 72, land[1] - 88, id='l')], onPage=furniture, pagesize=land),
    ])

    def esc(s: str) -> str:
        return html.escape(s, quote=False)

    def rl_table(part: TablePart, width: float) -> list[Any]:
        t = part.table
        flow: list[Any] = []
        if part.first:
            flow.append(Paragraph(esc(t.title), ttl_style))
            cap = (t.dept_line + '　　' if t.dept_line else '') + t.unit_caption
            if cap.strip():
                flow.append(Paragraph(esc(cap), unit_style))
        elif part.caption:
            flow.append(Paragraph(esc(part.caption), cap_style))
        hdr_rows = []
        if part.header:
            hdr_rows = [[header_text(c) for c in r] for r in t.header]
            if t.lanci:
                hdr_rows.append(list(t.lanci))
        body_rows = [[cell_text(c) for c in r] for r in t.rows[part.start:part.end]]
        ncol = len(t.header[0])
        # column widths: numbers get what their longest entry needs, labels share the rest
        widths = []
        for j in range(ncol):
            texts = [r[j] for r in body_rows + hdr_rows if j < len(r)]
            if j in t.num_cols:
                widths.append(max(42.0, max((len(x) for x in texts), default=4) * 4.3 + 10))
            else:
                widths.append(None)
        free = width - sum(w for w in widths if w)
        labels = [j for j in range(ncol) if widths[j] is None]
        weights = {j: min(max((len(r[j]) for r in body_rows + hdr_rows if j < len(r)), default=4), 24) + 2
                   for j in labels}
        tw = sum(weights.values()) or 1
        for j in labels:
            widths[j] = max(free * weights[j] / tw, 24)
        data = []
        for r in hdr_rows:
            data.append([Paragraph(esc(x), cell_style) if x else '' for x in r])
        for r in body_rows:
            data.append([x if j in t.num_cols else (Paragraph(esc(x).replace(' ', '&nbsp;'), cell_style) if x else '')
                         for j, x in enumerate(r)])
        cmds = [('FONT', (0, 0), (-1, -1), font, 7.5), ('GRID', (0, 0), (-1, -1), 0.4, colors.black),
                ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('TOPPADDING', (0, 0), (-1, -1), 1.5),
                ('BOTTOMPADDING', (0, 0), (-1, -1), 1.5)]
        for j in t.num_cols:
            cmds.append(('ALIGN', (j, len(hdr_rows)), (j, -1), 'RIGHT'))
        if part.header:
            for i, cells in enumerate(header_spans(t.header)):
                for j, cs, rs, _ in cells:
                    if cs > 1 or rs > 1:
                        cmds.append(('SPAN', (j, i), (j + cs - 1, i + rs - 1)))
        rl = RLTable(data, colWidths=widths, repeatRows=len(hdr_rows) if (o['header_repeat'] and hdr_rows) else 0)
        rl.setStyle(TableStyle(cmds))
        flow.append(rl)
        if part.last and t.note:
            flow.append(Paragraph(esc(t.note), cap_style))
        flow.append(Spacer(1, 10))
        return flow

    story: list[Any] = []
    blocks = items if items is not None else pdf_parts(doc)
    landscape_now = False
    for i, b in enumerate(blocks):
        if b == 'pagebreak':
            nxt = next((x for x in blocks[i + 1:] if x != 'pagebreak'), None)
            want_land = isinstance(nxt, Para) and nxt.style == 'h1' and '部门预算表' in nxt.text()
            if isinstance(nxt, Para) and nxt.style == 'h1':
                if want_land != landscape_now:
                    story.append(NextPageTemplate('land' if want_land else 'port'))
                    landscape_now = want_land
            story.append(PageBreak())
        elif isinstance(b, Para):
            p = Paragraph(esc(b.text()), styles.get(b.style, body))
            story.append(KeepTogether([p]) if b.protect else p)
        elif isinstance(b, TablePart):
            width = (land[0] - 72) if landscape_now else (port[0] - 100)
            story += rl_table(b, width)
        elif isinstance(b, Table):  # inline 单位构成 table
            story += rl_table(TablePart(b, 0, len(b.rows), True, '', True, True), port[0] - 100)
    dt_.build(story)
    return buf.getvalue()


def render(fmt: str, doc: Doc) -> bytes:
    if fmt == 'pdf':
        return render_pdf(doc)
    items = paginate(doc)
    return {'txt': render_txt, 'html': render_html, 'docx': render_docx, 'xlsx': render_xlsx}[fmt](doc, items)
