"""Renderers: txt, html, docx, xlsx, pdf."""
import html as H
import re

from doc3 import header_grid

NUMRE = re.compile(r'^-?[\d,]+(\.\d+)?$')


def cell_text(doc, c):
    if c is None:
        return ''
    if isinstance(c, str):
        return c
    if c[0] == 'F':
        return doc.figs[c[1]]['printed']
    if c[0] == 'T':
        return c[1] + doc.figs[c[2]]['printed'] + c[3]
    return str(c)


def is_num_cell(doc, c):
    return isinstance(c, tuple) and c[0] == 'F' and doc.figs[c[1]]['kind'] in ('amt', 'pct')


def table_title(doc, b):
    return b.get('shown_title') or b['title']


def text_blocks(doc):
    """yields (kind, text) for non-table blocks, resolved"""
    for b in doc.blocks:
        if b['t'] == 'table':
            yield 'table', b
        elif b['t'] == 'toc':
            yield 'toc', b
        elif b['t'] == 'title':
            yield 'title', b
        elif b['t'] == 'pagebreak':
            yield 'pagebreak', b
        else:
            yield b['t'], doc.resolve(b['text'])


# ------------------------------------------------------------------ TXT
def to_txt(doc, path):
    o = doc.o
    out = []
    for k, x in text_blocks(doc):
        if k == 'title':
            out += ['', x['text'], ''] + x['sub'] + ['']
        elif k == 'toc':
            out += ['目　录', ''] + x['lines'] + ['']
        elif k == 'pagebreak':
            out.append('\f' if o['txt_ff'] else '')
        elif k == 'table':
            b = x
            out.append('')
            out.append(table_title(doc, b))
            meta = '    '.join(t for t in (b['meta'], b['unit']) if t)
            if meta:
                out.append(meta)
            grid, _ = header_grid(b['header'], b['ncols'])
            rows = grid + [[cell_text(doc, c) for c in r] for r in b['rows']]
            st = o['txt_table']
            for r in rows:
                if st == 'tsv':
                    out.append('\t'.join(r))
                elif st == 'pipe':
                    out.append('| ' + ' | '.join(r) + ' |')
                else:
                    for c in r:
                        out.append('\t' + c)
                    out.append('')
            if b['note']:
                out.append(b['note'])
            out.append('')
        elif k == 'h1':
            out += ['', x, '']
        else:
            out.append(x)
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out) + '\n')


# ------------------------------------------------------------------ HTML
def to_html(doc, path):
    o = doc.o
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           '<title>%s</title>' % H.escape(doc.cover_title),
           '<style>table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #666;padding:2px 6px;font-size:12px}'
           'td.n{text-align:right}.t{text-align:center;font-weight:bold}</style></head><body>']
    for k, x in text_blocks(doc):
        if k == 'title':
            out.append('<h1 style="text-align:center">%s</h1>' % H.escape(x['text']))
            for s in x['sub']:
                out.append('<p style="text-align:center">%s</p>' % H.escape(s))
        elif k == 'toc':
            out.append('<div class="toc"><p class="t">目　录</p>')
            for line in x['lines']:
                out.append('<p>%s</p>' % H.escape(line))
            out.append('</div>')
        elif k == 'pagebreak':
            out.append('<hr>')
        elif k == 'table':
            b = x
            cap = o['html_caption']
            out.append('<table>' if cap else '<p class="t">%s</p>' % H.escape(table_title(doc, b)))
            if not cap:
                out.append('<table>')
            else:
                out.append('<caption>%s</caption>' % H.escape(table_title(doc, b)))
            meta = '　'.join(t for t in (b['meta'], b['unit']) if t)
            if meta:
                out.append('<tr><td colspan="%d" style="border:none;text-align:right">%s</td></tr>' % (b['ncols'], H.escape(meta)))
            for row in b['header']:
                out.append('<tr>' + ''.join('<th%s%s>%s</th>' % (' colspan="%d"' % cs if cs > 1 else '',
                                                                   ' rowspan="%d"' % rs if rs > 1 else '', H.escape(t))
                                            for t, cs, rs in row) + '</tr>')
            for r in b['rows']:
                out.append('<tr>' + ''.join('<td%s>%s</td>' % (' class="n"' if is_num_cell(doc, c) else '',
                                                                H.escape(cell_text(doc, c))) for c in r) + '</tr>')
            out.append('</table>')
            if b['note']:
                out.append('<p>%s</p>' % H.escape(b['note']))
        elif k == 'h1':
            out.append('<h2>%s</h2>' % H.escape(x))
        elif k == 'h2':
            out.append('<h3>%s</h3>' % H.escape(x))
        else:
            out.append('<p>%s</p>' % H.escape(x))
    out.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out))


# ------------------------------------------------------------------ DOCX
def to_docx(doc, path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    o = doc.o
    d = docx.Document()
    st = d.styles['Normal']
    st.font.name = 'SimSun'
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    st.font.size = Pt(10.5)
    for k, x in text_blocks(doc):
        if k == 'title':
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            r = p.add_run(x['text'])
            r.bold = True
            r.font.size = Pt(18)
            for s in x['sub']:
                q = d.add_paragraph(s)
                q.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif k == 'toc':
            p = d.add_paragraph('目　录')
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in x['lines']:
                d.add_paragraph(line)
        elif k == 'pagebreak':
            d.add_page_break()
        elif k == 'table':
            b = x
            p = d.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.add_run(table_title(doc, b)).bold = True
            meta = '　　'.join(t for t in (b['meta'], b['unit']) if t)
            if meta:
                d.add_paragraph(meta)
            grid, spans = header_grid(b['header'], b['ncols'])
            nh = len(grid)
            t = d.add_table(rows=nh + len(b['rows']), cols=b['ncols'])
            t.style = 'Table Grid'
            for r, row in enumerate(grid):
                for c, txt in enumerate(row):
                    if txt:
                        t.cell(r, c).text = txt
            for (r, c, rs, cs) in spans:
                a = t.cell(r, c)
                z = t.cell(r + rs - 1, c + cs - 1)
                txt = a.text
                m = a.merge(z)
                m.text = txt
            for i, row in enumerate(b['rows']):
                for c, cell in enumerate(row):
                    s = cell_text(doc, cell)
                    if s:
                        tc = t.cell(nh + i, c)
                        tc.text = s
                        if is_num_cell(doc, cell):
                            tc.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            if b['note']:
                d.add_paragraph(b['note'])
        elif k == 'h1':
            if o['docx_heading_styles']:
                d.add_heading(x, level=1)
            else:
                p = d.add_paragraph()
                p.add_run(x).bold = True
        elif k == 'h2':
            if o['docx_heading_styles']:
                d.add_heading(x, level=2)
            else:
                p = d.add_paragraph()
                p.add_run(x).bold = True
        else:
            p = d.add_paragraph(x)
            p.paragraph_format.first_line_indent = Pt(21)
    d.save(path)


# ------------------------------------------------------------------ XLSX
def to_xlsx(doc, path):
    import openpyxl
    from openpyxl.styles import Alignment, Font
    o = doc.o
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '公开说明'
    ws.column_dimensions['A'].width = 120
    r = 1
    tables = []
    for k, x in text_blocks(doc):
        if k == 'table':
            tables.append(x)
            if o['xlsx_mode'] == 'inline':
                r = write_table(doc, ws, x, r + 1, o) + 1
            continue
        if k == 'title':
            ws.cell(r, 1, x['text']).font = Font(bold=True, size=16)
            r += 1
            for s in x['sub']:
                ws.cell(r, 1, s)
                r += 1
        elif k == 'toc':
            ws.cell(r, 1, '目录')
            r += 1
            for line in x['lines']:
                ws.cell(r, 1, line)
                r += 1
        elif k == 'pagebreak':
            r += 1
        else:
            c = ws.cell(r, 1, x)
            c.alignment = Alignment(wrap_text=True)
            if k in ('h1', 'h2'):
                c.font = Font(bold=True)
            r += 1
    if o['xlsx_mode'] == 'sheets':
        used = set()
        for i, b in enumerate(tables):
            name = ('%d%s' % (i + 1, b['title']))[:28]
            while name in used:
                name = name[:-1] + '_'
            used.add(name)
            wsx = wb.create_sheet(name)
            write_table(doc, wsx, b, 1, o)
    elif o['xlsx_mode'] == 'onesheet':
        wsx = wb.create_sheet('部门%s表' % ('预算' if doc.dtype == 'budget' else '决算'))
        rr = 1
        for b in tables:
            rr = write_table(doc, wsx, b, rr, o) + 2
    wb.save(path)


def write_table(doc, ws, b, r0, o):
    from openpyxl.styles import Alignment, Font
    nc = max(b['ncols'], 1)
    ws.cell(r0, 1, table_title(doc, b)).font = Font(bold=True, size=13)
    if nc > 1:
        ws.merge_cells(start_row=r0, start_column=1, end_row=r0, end_column=nc)
    r = r0 + 1
    meta = '　　'.join(t for t in (b['meta'], b['unit']) if t)
    if meta:
        ws.cell(r, 1, meta)
        r += 1
    grid, spans = header_grid(b['header'], b['ncols'])
    for i, row in enumerate(grid):
        for c, t in enumerate(row):
            if t:
                ws.cell(r + i, c + 1, t).alignment = Alignment(horizontal='center', wrap_text=True)
    for (rr, c, rs, cs) in spans:
        ws.merge_cells(start_row=r + rr, start_column=c + 1, end_row=r + rr + rs - 1, end_column=c + cs)
    r += len(grid)
    for row in b['rows']:
        for c, cell in enumerate(row):
            s = cell_text(doc, cell)
            if s == '':
                continue
            if o['xlsx_numeric'] and is_num_cell(doc, cell) and NUMRE.match(s):
                f = doc.figs[cell[1]]
                v = float(s.replace(',', ''))
                x = ws.cell(r, c + 1, v)
                dec = f['dec']
                fmt = ('#,##0' if (',' in s or f.get('sep')) else '0') + ('.' + '0' * dec if dec else '')
                x.number_format = fmt
            else:
                ws.cell(r, c + 1, s)
        r += 1
    if b['note']:
        ws.cell(r, 1, b['note'])
        r += 1
    return r


# ------------------------------------------------------------------ PDF
_FONT = None


def _font():
    global _FONT
    if _FONT is None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        _FONT = 'STSong-Light'
    return _FONT


def to_pdf(doc, path):
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer
    o = doc.o
    fn = _font()
    sty = dict(
        title=ParagraphStyle('t', fontName=fn, fontSize=18, leading=26, alignment=TA_CENTER, spaceAfter=12),
        sub=ParagraphStyle('s', fontName=fn, fontSize=11, leading=16, alignment=TA_CENTER),
        h1=ParagraphStyle('h1', fontName=fn, fontSize=14, leading=20, spaceBefore=10, spaceAfter=6),
        h2=ParagraphStyle('h2', fontName=fn, fontSize=11.5, leading=17, spaceBefore=6, spaceAfter=3),
        p=ParagraphStyle('p', fontName=fn, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap='CJK'),
        tt=ParagraphStyle('tt', fontName=fn, fontSize=12, leading=16, alignment=TA_CENTER, spaceBefore=6, spaceAfter=3),
        small=ParagraphStyle('sm', fontName=fn, fontSize=8.5, leading=11),
    )
    esc = lambda s: H.escape(s)
    story = []
    W = A4[0] - 2 * 40
    for k, x in text_blocks(doc):
        if k == 'title':
            story.append(Spacer(1, 120))
            story.append(Paragraph(esc(x['text']), sty['title']))
            for s in x['sub']:
                story.append(Paragraph(esc(s), sty['sub']))
            story.append(PageBreak())
        elif k == 'toc':
            story.append(Paragraph('目　录', sty['tt']))
            for line in x['lines']:
                story.append(Paragraph(esc(line), sty['small'] if o['pdf_small_toc'] else sty['p']))
            story.append(PageBreak())
        elif k == 'pagebreak':
            story.append(PageBreak())
        elif k == 'table':
            story += pdf_table(doc, x, sty, W, o)
        elif k in ('h1', 'h2'):
            story.append(Paragraph(esc(x), sty[k]))
        else:
            story.append(Paragraph(esc(x), sty['p']))
    pdf = SimpleDocTemplate(path, pagesize=A4, leftMargin=40, rightMargin=40, topMargin=45, bottomMargin=45,
                            title=doc.cover_title)
    pdf.build(story)


def _indent(t):
    n = len(t) - len(t.lstrip('\u3000'))
    return '&nbsp;' * (2 * n) + H.escape(t.lstrip('\u3000'))


def pdf_table(doc, b, sty, W, o):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle
    fn = _font()
    nc = b['ncols']
    fs = 8 if nc <= 6 else 6.5 if nc <= 9 else 5.6
    cst = ParagraphStyle('c', fontName=fn, fontSize=fs, leading=fs + 2, wordWrap='CJK')
    hst = ParagraphStyle('hc', fontName=fn, fontSize=fs, leading=fs + 2, wordWrap='CJK', alignment=1)
    grid, spans = header_grid(b['header'], nc)
    body = [[cell_text(doc, c) for c in r] for r in b['rows']]
    numcols = set()
    for r in b['rows']:
        for i, c in enumerate(r):
            if is_num_cell(doc, c):
                numcols.add(i)
    # widths: by content length; numbers never wrap
    cw = fs * 1.0
    widths = []
    for i in range(nc):
        cells = [r[i] for r in body]
        if i in numcols:
            mx = max([len(x) for x in cells] + [4])
            widths.append(mx * fs * 0.56 + 8)
        else:
            mx = max([len(x) for x in cells] + [2])
            widths.append(min(mx, 16) * cw + 8)
    tot = sum(widths)
    if tot < W:
        free = [i for i in range(nc) if i not in numcols]
        if free:
            j = max(free, key=lambda i: widths[i])
            widths[j] += (W - tot) * 0.6
    tot = sum(widths)
    if tot > W:
        numw = sum(widths[i] for i in numcols)
        if numw < W * 0.8:
            scale = (W - numw) / (tot - numw)
            widths = [w if i in numcols else w * scale for i, w in enumerate(widths)]
        else:
            widths = [w * W / tot for w in widths]
    hdr = [[Paragraph(H.escape(t), hst) if t else '' for t in row] for row in grid]
    bod = []
    for r, raw in zip(body, b['rows']):
        bod.append([t if is_num_cell(doc, c) else (Paragraph(_indent(t), cst) if t else '') for t, c in zip(r, raw)])
    nh = len(hdr)
    base = [('FONT', (0, 0), (-1, -1), fn, fs), ('GRID', (0, 0), (-1, -1), 0.4, colors.black),
            ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('ALIGN', (0, nh), (-1, -1), 'RIGHT'),
            ('TOPPADDING', (0, 0), (-1, -1), 1.5), ('BOTTOMPADDING', (0, 0), (-1, -1), 1.5),
            ('LEFTPADDING', (0, 0), (-1, -1), 3), ('RIGHTPADDING', (0, 0), (-1, -1), 3)]
    for (r, c, rs, cs) in spans:
        base.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
    out = []
    if o['pdf_table_newpage'] and b.get('role') != 'units':
        out.append(PageBreak())
    out.append(Paragraph(H.escape(table_title(doc, b)), sty['tt']))
    meta = '　　'.join(t for t in (b['meta'], b['unit']) if t)
    if meta:
        out.append(Paragraph(H.escape(meta), sty['small']))
    mode = o['pdf_split']
    chunk = o['pdf_chunk']
    if mode == 'manual' and len(bod) > chunk:
        pieces = [bod[i:i + chunk] for i in range(0, len(bod), chunk)]
        for j, pc in enumerate(pieces):
            if j:
                out.append(PageBreak())
                out.append(Paragraph(o['contd_label'] if not o['contd_title'] else
                                     '%s（%s）' % (table_title(doc, b), o['contd_label']), sty['small']))
            with_h = (j == 0) or o['pdf_repeat']
            data = (hdr if with_h else []) + pc
            stl = list(base) if with_h else [s for s in base if s[0] != 'SPAN'] + []
            if not with_h:
                stl = [s if s[0] != 'ALIGN' else ('ALIGN', (0, 0), (-1, -1), 'RIGHT') for s in stl]
            t = Table(data, colWidths=widths)
            t.setStyle(TableStyle(stl))
            out.append(t)
    else:
        t = Table(hdr + bod, colWidths=widths, repeatRows=nh if o['pdf_repeat'] else 0)
        t.setStyle(TableStyle(base))
        out.append(t)
    if b['note']:
        out.append(Paragraph(H.escape(b['note']), sty['small']))
    out.append(Spacer(1, 8))
    return out
