"""render10: one document model to txt, html, docx, xlsx and pdf, byte-for-byte deterministic."""
import html
import io
import re
import zipfile

FIXED_DT = (2026, 1, 1, 0, 0, 0)


def ptext(parts):
    return ''.join(str(x) for x in parts)


def cell_text(c):
    if c is None:
        return ''
    return str(c)


# ---------------------------------------------------------------- txt
def render_txt(doc, path, running):
    lines = []
    page = [1]
    per = doc.opts['txt_page_lines']
    count = [0]

    def newpage():
        lines.append('')
        lines.append(f'— {page[0]} —')
        lines.append('\f' if doc.opts['formfeed'] else '')
        page[0] += 1
        lines.append(running)
        lines.append('')
        count[0] = 0

    def emit(s):
        lines.append(s)
        count[0] += 1
        if count[0] >= per:
            newpage()

    sep = doc.opts['txt_sep']
    for kind, x in doc.blocks:
        if kind == 'pagebreak':
            newpage()
        elif kind.startswith('h'):
            emit('')
            emit(x)
        elif kind == 'p':
            emit(ptext(x))
        elif kind == 'table':
            t = x
            emit('')
            emit(t.title)
            emit(f'单位：{t.unit}')
            for hr in t.header:
                emit(sep.join(hr))
            for i, (lab, cells) in enumerate(t.rows):
                if t.split_at is not None and i == t.split_at:
                    newpage()
                    emit('（续表）')
                    if t.repeat_header:
                        for hr in t.header:
                            emit(sep.join(hr))
                emit(sep.join(cell_text(c) for c in cells))
            if t.note:
                emit(t.note)
    lines.append('')
    lines.append(f'— {page[0]} —')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write(running + '\n\n' + '\n'.join(lines) + '\n')


# ---------------------------------------------------------------- html
def render_html(doc, path, running):
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           f'<title>{html.escape(running)}</title>',
           '<style>table{border-collapse:collapse}td,th{border:1px solid #999;padding:2px 6px}'
           'td.n{text-align:right}</style></head><body>']
    for kind, x in doc.blocks:
        if kind == 'pagebreak':
            continue
        if kind.startswith('h'):
            lv = int(kind[1:]) + 1
            out.append(f'<h{lv}>{html.escape(x)}</h{lv}>')
        elif kind == 'p':
            out.append(f'<p>{html.escape(ptext(x))}</p>')
        elif kind == 'table':
            t = x
            if doc.opts['html_caption']:
                out.append('<table>')
                out.append(f'<caption>{html.escape(t.title)}<br>单位：{t.unit}</caption>')
            else:
                out.append(f'<p class="tt"><b>{html.escape(t.title)}</b></p><p class="unit">单位：{t.unit}</p>')
                out.append('<table>')
            out.append('<thead>')
            for hr in t.header:
                out.append('<tr>' + ''.join(f'<th>{html.escape(h)}</th>' for h in hr) + '</tr>')
            out.append('</thead><tbody>')
            for lab, cells in t.rows:
                tds = []
                for c in cells:
                    if hasattr(c, 'kind'):
                        tds.append(f'<td class="n">{html.escape(c.text)}</td>')
                    else:
                        tds.append(f'<td>{html.escape(cell_text(c))}</td>')
                out.append('<tr>' + ''.join(tds) + '</tr>')
            out.append('</tbody></table>')
            if t.note:
                out.append(f'<p>{html.escape(t.note)}</p>')
    out.append('</body></html>')
    with open(path, 'w', encoding='utf-8', newline='\n') as f:
        f.write('\n'.join(out) + '\n')


# ---------------------------------------------------------------- zip normalisation (docx, xlsx)
def normalize_zip(path):
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    fixed = b'2026-01-01T00:00:00Z'
    out = []
    for name, data in items:
        if name == 'docProps/core.xml':
            data = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)', rb'\g<1>' + fixed + rb'\g<3>', data)
        out.append((name, data))
    items = out
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            zi = zipfile.ZipInfo(name, FIXED_DT)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, 'wb') as f:
        f.write(buf.getvalue())


# ---------------------------------------------------------------- docx
def render_docx(doc, path, running):
    import datetime

    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt
    D = docx.Document()
    st = D.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    cp = D.core_properties
    cp.author = 'gen10'
    cp.title = running
    fixed = datetime.datetime(2026, 1, 1, 0, 0, 0)
    cp.created = fixed
    cp.modified = fixed
    cp.last_modified_by = 'gen10'
    cp.revision = 1
    sec = D.sections[0]
    sec.header.paragraphs[0].text = running
    sec.footer.paragraphs[0].text = '政府信息公开'
    use_heading = doc.opts['docx_headings']
    for kind, x in doc.blocks:
        if kind == 'pagebreak':
            D.add_page_break()
        elif kind.startswith('h'):
            lv = int(kind[1:])
            if use_heading:
                D.add_heading(x, level=min(lv, 3) if lv else 0)
            else:
                p = D.add_paragraph()
                p.add_run(x).bold = True
        elif kind == 'p':
            D.add_paragraph(ptext(x))
        elif kind == 'table':
            t = x
            p = D.add_paragraph()
            p.add_run(t.title).bold = True
            D.add_paragraph(f'单位：{t.unit}')
            ncol = max(len(c) for _, c in t.rows) if t.rows else len(t.header[0])
            ncol = max(ncol, len(t.header[0]))
            tbl = D.add_table(rows=0, cols=ncol)
            tbl.style = 'Table Grid'
            for hr in t.header:
                cells = tbl.add_row().cells
                for j, h in enumerate(hr):
                    cells[j].text = h
            for lab, row in t.rows:
                cells = tbl.add_row().cells
                for j, c in enumerate(row):
                    cells[j].text = cell_text(c)
            if t.note:
                D.add_paragraph(t.note)
    D.save(path)
    normalize_zip(path)


# ---------------------------------------------------------------- xlsx
def render_xlsx(doc, path, running):
    import datetime

    import openpyxl
    from openpyxl.styles import Font
    wb = openpyxl.Workbook()
    fixed = datetime.datetime(2026, 1, 1, 0, 0, 0)
    wb.properties.creator = 'gen10'
    wb.properties.created = fixed
    wb.properties.modified = fixed
    wb.properties.title = running
    ws = wb.active
    ws.title = '说明'
    ws.column_dimensions['A'].width = 120
    r = 1
    tables = []
    for kind, x in doc.blocks:
        if kind == 'pagebreak':
            continue
        if kind.startswith('h'):
            ws.cell(r, 1, x).font = Font(bold=True)
            r += 1
        elif kind == 'p':
            ws.cell(r, 1, ptext(x))
            r += 1
        elif kind == 'table':
            tables.append(x)
    numeric = doc.opts['xlsx_numeric']
    for t in tables:
        ws = wb.create_sheet(f'表{t.tid}')
        ws.cell(1, 1, t.title).font = Font(bold=True)
        ws.cell(2, 1, f'单位：{t.unit}')
        rr = 3
        for hr in t.header:
            for j, h in enumerate(hr):
                ws.cell(rr, j + 1, h or None)
            rr += 1
        for lab, row in t.rows:
            for j, c in enumerate(row):
                if hasattr(c, 'kind'):
                    if numeric and c.text not in ('', '-'):
                        cell = ws.cell(rr, j + 1, float(c.text.replace(',', '')))
                        cell.number_format = '#,##0.00' if ',' in c.text else '0.00'
                    else:
                        ws.cell(rr, j + 1, c.text or None)
                else:
                    ws.cell(rr, j + 1, c or None)
            rr += 1
        if t.note:
            ws.cell(rr, 1, t.note)
        ws.column_dimensions['A'].width = 36
    wb.save(path)
    normalize_zip(path)


# ---------------------------------------------------------------- pdf
def render_pdf(doc, path, running):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import (KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table,
                                    TableStyle)
    try:
        pdfmetrics.getFont('STSong-Light')
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    FN = 'STSong-Light'
    body = ParagraphStyle('b', fontName=FN, fontSize=10, leading=15, wordWrap='CJK', firstLineIndent=20)
    hs = [ParagraphStyle(f'h{i}', fontName=FN, fontSize=s, leading=s * 1.5, wordWrap='CJK', spaceBefore=6, spaceAfter=4)
          for i, s in enumerate((16, 14, 12, 11))]
    small = ParagraphStyle('s', fontName=FN, fontSize=9, leading=12, wordWrap='CJK')

    def esc(s):
        return html.escape(s, quote=False)

    def onpage(c, d):
        c.saveState()
        c.setFont(FN, 8)
        c.drawString(40, A4[1] - 28, running)
        c.drawCentredString(A4[0] / 2, 22, f'第 {d.page} 页')
        c.restoreState()

    story = []
    W = A4[0] - 80
    for kind, x in doc.blocks:
        if kind == 'pagebreak':
            story.append(PageBreak())
        elif kind.startswith('h'):
            story.append(Paragraph(esc(x), hs[min(int(kind[1:]), 3)]))
        elif kind == 'p':
            story.append(KeepTogether([Paragraph(esc(ptext(x)), body)]))
        elif kind == 'table':
            t = x
            if doc.opts['pdf_table_newpage']:
                story.append(PageBreak())
            story.append(Paragraph(esc(t.title), hs[3]))
            story.append(Paragraph(f'单位：{t.unit}', small))
            ncol = max([len(t.header[0])] + [len(c) for _, c in t.rows])
            hdr = [list(h) + [''] * (ncol - len(h)) for h in t.header]
            body_rows = [[cell_text(c) for c in row] + [''] * (ncol - len(row)) for _, row in t.rows]
            first = 150 if ncol <= 5 else 120
            if t.header[0][0] in ('科目编码', '经济分类科目编码'):
                cw = [60, 150] + [(W - 210) / (ncol - 2)] * (ncol - 2)
            elif ncol == 4:
                cw = [W * 0.32, W * 0.18, W * 0.32, W * 0.18]
            else:
                cw = [first] + [(W - first) / (ncol - 1)] * (ncol - 1)
            ts = TableStyle([('FONTNAME', (0, 0), (-1, -1), FN), ('FONTSIZE', (0, 0), (-1, -1), 7.5),
                             ('GRID', (0, 0), (-1, -1), 0.4, colors.grey), ('ALIGN', (1, 0), (-1, -1), 'RIGHT'),
                             ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')])
            chunks = [body_rows]
            if t.split_at is not None:
                chunks = [body_rows[:t.split_at], body_rows[t.split_at:]]
            for ci, ch in enumerate(chunks):
                if ci > 0:
                    story.append(PageBreak())
                    story.append(Paragraph('（续表）', small))
                rows = (hdr if (ci == 0 or t.repeat_header) else []) + ch
                nh = len(hdr) if (ci == 0 or t.repeat_header) else 0
                tbl = Table(rows, colWidths=cw, repeatRows=nh)
                tbl.setStyle(ts)
                story.append(tbl)
            if t.note:
                story.append(Paragraph(esc(t.note), small))
            story.append(Spacer(1, 8))
    buf = io.BytesIO()
    sd = SimpleDocTemplate(buf, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=45, bottomMargin=40,
                           title=running, author='gen10', creator='gen10', producer='gen10', subject='',
                           invariant=1)
    sd.build(story, onFirstPage=onpage, onLaterPages=onpage)
    with open(path, 'wb') as f:
        f.write(buf.getvalue())


RENDER = {'txt': render_txt, 'html': render_html, 'docx': render_docx, 'xlsx': render_xlsx, 'pdf': render_pdf}
