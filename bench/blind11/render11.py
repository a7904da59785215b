"""gen11 renderers: txt, html, docx, xlsx, pdf.  Deterministic bytes: fixed metadata, fixed zip dates,
reportlab invariant mode."""
import datetime
import html as H
import io
import re
import zipfile

from text11 import dir_word

FIXED_DT = datetime.datetime(2025, 1, 1, 0, 0, 0)


# ---------------------------------------------------------------- shared helpers

def dwidth(s):
    return sum(2 if ord(ch) > 0x2e7f else 1 for ch in s)


def wrap(s, width):
    """wrap by display width (CJK counts 2, digits and ASCII 1), like a word processor measures"""
    if not s:
        return ['']
    lines, cur, cw = [], '', 0
    for ch in s:
        w = 2 if ord(ch) > 0x2e7f else 1
        if cw + w > width and cur:
            # do not start a line with closing punctuation
            if ch in '）」”，。、；：' and len(cur) > 1:
                lines.append(cur[:-1])
                cur, cw = cur[-1], dwidth(cur[-1])
            else:
                lines.append(cur)
                cur, cw = '', 0
        cur += ch
        cw += w
    lines.append(cur)
    return lines


def seg_text(doc, segs):
    out = []
    for s in segs:
        if isinstance(s, str):
            out.append(s)
        elif s[0] == 'f':
            out.append(doc.figs[s[1]]['printed'])
        else:
            sg = doc.figs[s[1]]['printed']
            out.append(dir_word({'+': 1, '-': -1, '0': 0}[sg], s[2]))
    return ''.join(out)


def cell_text(doc, c):
    if 'f' in c:
        return doc.figs[c['f']]['printed']
    return c['t']


def place_header(header):
    """positions of header cells: (row, col, rowspan, colspan, text)"""
    occ = {}
    out = []
    for r, row in enumerate(header):
        c = 0
        for text, cs, rs in row:
            while (r, c) in occ:
                c += 1
            out.append((r, c, rs, cs, text))
            for i in range(rs):
                for j in range(cs):
                    occ[(r + i, c + j)] = True
            c += cs
    return out


def body_cells(t, row):
    """(col, span, cell) for a body row"""
    out, c = [], 0
    for cell in row['cells']:
        sp = cell.get('span', 1)
        out.append((c, sp, cell))
        c += sp
    return out


def chunks_of(t):
    return t.chunks or [(0, len(t.rows))]


def unit_line(t):
    return '单位：' + ('元' if t.unit == 'yuan' else '万元')


def is_num(t, col, cell):
    return 'f' in cell or (t.kinds[col] == 'num')


def normalize_zip(path, fix=None):
    """rewrite a zip with fixed dates and order; fix(name, bytes) may patch members"""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if fix:
                data = fix(name, data)
            zi = zipfile.ZipInfo(name, date_time=(2025, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o644 << 16
            z.writestr(zi, data)
    with open(path, 'wb') as f:
        f.write(buf.getvalue())


def fix_core(name, data):
    if name == 'docProps/core.xml':
        s = data.decode('utf-8')
        s = re.sub(r'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)', r'\g<1>2025-01-01T00:00:00Z\g<3>', s)
        return s.encode('utf-8')
    return data


# ---------------------------------------------------------------- txt

def render_txt(doc, path, o):
    L = []
    for b in doc.blocks:
        if b['type'] == 'title':
            L += [b['text'], '']
        elif b['type'] == 'h':
            L.append(b['text'])
        elif b['type'] == 'p':
            L.append('　　' + seg_text(doc, b['segs']))
        elif b['type'] == 'table':
            L += txt_table(doc, doc.tables[b['id']], o)
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')


def txt_table(doc, t, o):
    sep = ' | ' if o['txt_pipes'] else '  '
    ws = t.widths
    out = ['', t.title, unit_line(t)]

    def fmt_row(texts_by_col, spans, aligns):
        # texts_by_col: list of (col, span, lines, align)
        nl = max(len(x[2]) for x in texts_by_col)
        lines = []
        for k in range(nl):
            parts = []
            for col, sp, ls, al in texts_by_col:
                w = sum(ws[col:col + sp]) + len(sep) * (sp - 1)
                s = ls[k] if k < len(ls) else ''
                pad = w - dwidth(s)
                if al == 'r':
                    parts.append(' ' * pad + s)
                elif al == 'c':
                    parts.append(' ' * (pad // 2) + s + ' ' * (pad - pad // 2))
                else:
                    parts.append(s + ' ' * pad)
            lines.append(sep.join(parts).rstrip())
        return lines

    def header_lines():
        hl = []
        ph = place_header(t.header)
        for r in range(len(t.header)):
            cells = []
            covered = set()
            for (hr, hc, rs, cs, text) in ph:
                if hr == r:
                    cells.append((hc, cs, [text], 'c'))
                    covered.update(range(hc, hc + cs))
                elif hr < r < hr + rs:
                    cells.append((hc, cs, [''], 'c'))
                    covered.update(range(hc, hc + cs))
            cells.sort()
            hl += fmt_row(cells, None, None)
        return hl

    for ci, (a, b) in enumerate(chunks_of(t)):
        if ci > 0:
            out.append('')
            if t.cont_label:
                out.append(t.cont_label)
            out.append(unit_line(t))
        if t.header:
            out += header_lines()
            out.append('-' * (sum(ws) + len(sep) * (len(ws) - 1)))
        for row in t.rows[a:b]:
            cells = []
            for col, sp, cell in body_cells(t, row):
                tx = cell_text(doc, cell)
                if 'f' in cell:
                    cells.append((col, sp, [tx], 'r'))
                else:
                    w = sum(ws[col:col + sp]) + len(sep) * (sp - 1)
                    cells.append((col, sp, wrap(tx, w), 'l'))
            out += fmt_row(cells, None, None)
    out.append('')
    return out


# ---------------------------------------------------------------- html

def render_html(doc, path, o):
    m = doc.meta
    P = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
         f'<title>{H.escape(m["title"])}</title>',
         '<style>body{font-family:SimSun,serif;max-width:60em;margin:auto}p.b{text-indent:2em;text-align:justify}'
         'table{border-collapse:collapse;margin:0 auto}td,th{border:1px solid #000;padding:2px 4px;font-size:10.5pt}'
         'td.n{text-align:right;white-space:nowrap}.tt{text-align:center;font-weight:bold}.u{text-align:right}</style>',
         '</head><body>']
    for b in doc.blocks:
        if b['type'] == 'title':
            P.append(f'<h1 style="text-align:center">{H.escape(b["text"])}</h1>')
        elif b['type'] == 'h':
            lv = b['level'] + 2
            P.append(f'<h{lv}>{H.escape(b["text"])}</h{lv}>')
        elif b['type'] == 'p':
            P.append(f'<p class="b">{H.escape(seg_text(doc, b["segs"]))}</p>')
        elif b['type'] == 'table':
            P += html_table(doc, doc.tables[b['id']], o)
    P.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(P) + '\n')


def html_table(doc, t, o):
    out = [f'<p class="tt">{H.escape(t.title)}</p>']
    for ci, (a, b) in enumerate(chunks_of(t)):
        if ci > 0 and t.cont_label:
            out.append(f'<p class="tt">{H.escape(t.cont_label)}</p>')
        out.append(f'<p class="u">{unit_line(t)}</p>')
        out.append('<table>')
        if t.header:
            out.append('<thead>')
            ph = place_header(t.header)
            for r in range(len(t.header)):
                cells = ''.join(
                    f'<th{" colspan=%d" % cs if cs > 1 else ""}{" rowspan=%d" % rs if rs > 1 else ""}>{H.escape(tx)}</th>'
                    for hr, hc, rs, cs, tx in sorted(ph, key=lambda x: x[1]) if hr == r)
                out.append(f'<tr>{cells}</tr>')
            out.append('</thead>')
        out.append('<tbody>')
        for row in t.rows[a:b]:
            cs = []
            for col, sp, cell in body_cells(t, row):
                tx = cell_text(doc, cell)
                spa = f' colspan={sp}' if sp > 1 else ''
                if 'f' in cell:
                    cs.append(f'<td class="n"{spa}>{H.escape(tx)}</td>')
                else:
                    w = sum(t.widths[col:col + sp])
                    cs.append(f'<td{spa}>' + '<br>'.join(H.escape(x) for x in wrap(tx, w)) + '</td>')
            out.append('<tr>' + ''.join(cs) + '</tr>')
        out.append('</tbody></table>')
    return out


# ---------------------------------------------------------------- docx

def render_docx(doc, path, o):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    from docx.oxml import OxmlElement

    D = Document()
    st = D.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(11)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    cp = D.core_properties
    cp.author = ''
    cp.last_modified_by = ''
    cp.created = FIXED_DT
    cp.modified = FIXED_DT
    cp.last_printed = FIXED_DT
    cp.revision = 1
    cp.title = doc.meta['title']
    sec = D.sections[0]
    sec.header.paragraphs[0].text = doc.meta['running']
    sec.header.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    # page number field in the footer
    fp = sec.footer.paragraphs[0]
    fp.alignment = WD_ALIGN_PARAGRAPH.CENTER
    r = fp.add_run('— ')
    r = fp.add_run()
    for tag, txt in (('begin', None), (None, 'PAGE'), ('end', None)):
        if tag:
            e = OxmlElement('w:fldChar')
            e.set(qn('w:fldCharType'), tag)
        else:
            e = OxmlElement('w:instrText')
            e.set(qn('xml:space'), 'preserve')
            e.text = txt
        r._r.append(e)
    fp.add_run(' —')

    for b in doc.blocks:
        if b['type'] == 'title':
            p = D.add_paragraph()
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            rr = p.add_run(b['text'])
            rr.bold = True
            rr.font.size = Pt(18)
        elif b['type'] == 'h':
            if o['docx_heading_styles']:
                D.add_heading(b['text'], level=min(b['level'] + 1, 4))
            else:
                p = D.add_paragraph()
                rr = p.add_run(b['text'])
                rr.bold = b['level'] <= 2
                if b['level'] == 0:
                    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
                    rr.font.size = Pt(15)
        elif b['type'] == 'p':
            p = D.add_paragraph(seg_text(doc, b['segs']))
            p.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
            p.paragraph_format.first_line_indent = Pt(22)
        elif b['type'] == 'table':
            docx_table(D, doc, doc.tables[b['id']], o)
    D.save(path)
    normalize_zip(path, fix_core)


def docx_table(D, doc, t, o):
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    D.add_page_break()
    p = D.add_paragraph()
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(t.title).bold = True
    ncol = len(t.widths)
    for ci, (a, b) in enumerate(chunks_of(t)):
        if ci > 0:
            D.add_page_break()
            if t.cont_label:
                D.add_paragraph(t.cont_label)
        p = D.add_paragraph(unit_line(t))
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        nh = len(t.header)
        tb = D.add_table(rows=nh + (b - a), cols=ncol)
        tb.style = 'Table Grid'
        for (r, c, rs, cs, tx) in place_header(t.header):
            cell = tb.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(tb.cell(r + rs - 1, c + cs - 1))
            cell.text = tx
            cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
        for r in range(nh):
            trPr = tb.rows[r]._tr.get_or_add_trPr()
            e = OxmlElement('w:tblHeader')
            e.set(qn('w:val'), 'true')
            trPr.append(e)
        for i, row in enumerate(t.rows[a:b]):
            r = nh + i
            for col, sp, cell in body_cells(t, row):
                c = tb.cell(r, col)
                if sp > 1:
                    c = c.merge(tb.cell(r, col + sp - 1))
                tx = cell_text(doc, cell)
                if 'f' in cell:
                    c.text = tx
                    c.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
                else:
                    w = sum(t.widths[col:col + sp])
                    c.paragraphs[0].add_run('\n'.join(wrap(tx, w)))


# ---------------------------------------------------------------- xlsx

def render_xlsx(doc, path, o):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    wb.properties.creator = 'gen11'
    wb.properties.created = FIXED_DT
    wb.properties.modified = FIXED_DT
    ws = wb.active
    ws.title = '说明'
    ws.column_dimensions['A'].width = 100
    r = 1
    for b in doc.blocks:
        if b['type'] in ('title', 'h'):
            ws.cell(r, 1, b['text']).font = Font(bold=True)
            r += 1
        elif b['type'] == 'p':
            c = ws.cell(r, 1, '　　' + seg_text(doc, b['segs']))
            c.alignment = Alignment(wrap_text=True, vertical='top')
            r += 1
    thin = Side(style='thin')
    bd = Border(left=thin, right=thin, top=thin, bottom=thin)
    for k, b in enumerate(x for x in doc.blocks if x['type'] == 'table'):
        t = doc.tables[b['id']]
        short = re.sub(r'^\d{4}年度?', '', t.title).replace('“', '').replace('”', '')
        ws = wb.create_sheet(f'{k + 1}.{short}'[:31])
        ncol = len(t.widths)
        for i, w in enumerate(t.widths):
            ws.column_dimensions[chr(65 + i)].width = w + 2
        ws.cell(1, 1, t.title).font = Font(bold=True, size=14)
        ws.cell(1, 1).alignment = Alignment(horizontal='center')
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=ncol)
        r = 2
        nh = len(t.header)
        for ci, (a, bb) in enumerate(chunks_of(t)):
            if ci > 0:
                r += 1
                if t.cont_label:
                    ws.cell(r, 1, t.cont_label)
                    r += 1
            ws.cell(r, ncol, unit_line(t)).alignment = Alignment(horizontal='right')
            r += 1
            if ci == 0 and nh:
                ws.print_title_rows = f'{r}:{r + nh - 1}'
            for (hr, hc, rs, cs, tx) in place_header(t.header):
                c = ws.cell(r + hr, hc + 1, tx)
                c.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
                if rs > 1 or cs > 1:
                    ws.merge_cells(start_row=r + hr, start_column=hc + 1, end_row=r + hr + rs - 1,
                                   end_column=hc + cs)
            for rr in range(r, r + nh):
                for cc in range(1, ncol + 1):
                    ws.cell(rr, cc).border = bd
            r += nh
            for row in t.rows[a:bb]:
                for col, sp, cell in body_cells(t, row):
                    tx = cell_text(doc, cell)
                    if 'f' in cell:
                        f = doc.figs[cell['f']]
                        if o['xlsx_numeric'] and tx != '':
                            v = float(tx.replace(',', ''))
                            c = ws.cell(r, col + 1, v)
                            c.number_format = '#,##0.00' if ',' in tx or f.get('thousands') else '0.00'
                        else:
                            c = ws.cell(r, col + 1, tx if tx != '' else None)
                        c.alignment = Alignment(horizontal='right', vertical='center')
                    else:
                        w = sum(t.widths[col:col + sp])
                        c = ws.cell(r, col + 1, '\n'.join(wrap(tx, w)) if tx else None)
                        c.alignment = Alignment(wrap_text=True, vertical='center')
                    if sp > 1:
                        ws.merge_cells(start_row=r, start_column=col + 1, end_row=r, end_column=col + sp)
                for cc in range(1, ncol + 1):
                    ws.cell(r, cc).border = bd
                r += 1
    wb.save(path)
    normalize_zip(path, fix_core)


# ---------------------------------------------------------------- pdf

def render_pdf(doc, path, o):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from reportlab.lib import colors
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    FN = 'STSong-Light'
    fs = o['pdf_fs']
    body = ParagraphStyle('b', fontName=FN, fontSize=fs, leading=fs * 1.6, alignment=TA_JUSTIFY,
                          firstLineIndent=2 * fs, wordWrap='CJK')
    hs = [ParagraphStyle('h0', fontName=FN, fontSize=16, leading=24, alignment=TA_CENTER, spaceBefore=12,
                         spaceAfter=8, keepWithNext=1),
          ParagraphStyle('h1', fontName=FN, fontSize=fs + 2, leading=(fs + 2) * 1.6, spaceBefore=6, keepWithNext=1),
          ParagraphStyle('h2', fontName=FN, fontSize=fs + 1, leading=(fs + 1) * 1.6, firstLineIndent=2 * fs,
                         keepWithNext=1),
          ParagraphStyle('h3', fontName=FN, fontSize=fs, leading=fs * 1.6, firstLineIndent=2 * fs, keepWithNext=1),
          ParagraphStyle('h4', fontName=FN, fontSize=fs, leading=fs * 1.6, firstLineIndent=2 * fs, keepWithNext=1)]
    title = ParagraphStyle('t', fontName=FN, fontSize=20, leading=30, alignment=TA_CENTER, spaceBefore=120,
                           spaceAfter=40)
    tt = ParagraphStyle('tt', fontName=FN, fontSize=13, leading=20, alignment=TA_CENTER, keepWithNext=1)
    ul = ParagraphStyle('ul', fontName=FN, fontSize=9, leading=12, alignment=TA_RIGHT, keepWithNext=1)
    cl = ParagraphStyle('cl', fontName=FN, fontSize=9, leading=12, alignment=TA_LEFT, keepWithNext=1)
    cs_ = ParagraphStyle('cs', fontName=FN, fontSize=8.5, leading=11, alignment=TA_LEFT, wordWrap='CJK')
    ch = ParagraphStyle('ch', fontName=FN, fontSize=8.5, leading=11, alignment=TA_CENTER, wordWrap='CJK')
    cn = ParagraphStyle('cn', fontName=FN, fontSize=8.5, leading=11, alignment=TA_RIGHT)
    W, Hh = A4
    lm = rm = 72
    fw = W - lm - rm
    running = doc.meta['running']
    fstyle = o['pdf_footer']

    def on_page(canv, d):
        canv.saveState()
        canv.setFont(FN, 9)
        canv.drawCentredString(W / 2, Hh - 40, running)
        canv.setLineWidth(0.5)
        canv.line(lm, Hh - 45, W - rm, Hh - 45)
        n = canv.getPageNumber()
        s = {'dash': f'— {n} —', 'di': f'第{n}页', 'plain': f'- {n} -'}[fstyle]
        canv.drawCentredString(W / 2, 36, s)
        canv.restoreState()

    esc = lambda s: H.escape(s, quote=False)
    story = []
    for b in doc.blocks:
        if b['type'] == 'title':
            story.append(Paragraph(esc(b['text']), title))
            story.append(PageBreak())
        elif b['type'] == 'h':
            if b['level'] == 0 and story and not isinstance(story[-1], PageBreak) and o['pdf_part_newpage']:
                story.append(PageBreak())
            story.append(Paragraph(esc(b['text']), hs[b['level']]))
        elif b['type'] == 'p':
            story.append(Paragraph(esc(seg_text(doc, b['segs'])), body))
        elif b['type'] == 'table':
            t = doc.tables[b['id']]
            if t.chunks or o['pdf_table_newpage']:
                story.append(PageBreak())
            story.append(Spacer(1, 6))
            story.append(Paragraph(esc(t.title), tt))
            tw = sum(t.widths)
            colw = [fw * w / tw for w in t.widths]
            nh = len(t.header)
            ruled = o['pdf_ruled'] or t.id == 'T7'
            for ci, (a, bb) in enumerate(chunks_of(t)):
                if ci > 0:
                    story.append(PageBreak())
                    if t.cont_label:
                        story.append(Paragraph(esc(t.cont_label), cl))
                story.append(Paragraph(unit_line(t), ul))
                data = [[''] * len(t.widths) for _ in range(nh + bb - a)]
                cmds = [('FONT', (0, 0), (-1, -1), FN, 8.5), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                        ('TOPPADDING', (0, 0), (-1, -1), 2), ('BOTTOMPADDING', (0, 0), (-1, -1), 2)]
                for (r, c, rs, cs, tx) in place_header(t.header):
                    data[r][c] = Paragraph(esc(tx), ch)
                    if rs > 1 or cs > 1:
                        cmds.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
                for i, row in enumerate(t.rows[a:bb]):
                    r = nh + i
                    for col, sp, cell in body_cells(t, row):
                        tx = cell_text(doc, cell)
                        if 'f' in cell:
                            data[r][col] = Paragraph(esc(tx), cn)
                        else:
                            data[r][col] = Paragraph(esc(tx), cs_)
                        if sp > 1:
                            cmds.append(('SPAN', (col, r), (col + sp - 1, r)))
                if ruled:
                    cmds.append(('GRID', (0, 0), (-1, -1), 0.5, colors.black))
                else:
                    cmds += [('LINEABOVE', (0, 0), (-1, 0), 1.2, colors.black),
                             ('LINEBELOW', (0, -1), (-1, -1), 1.2, colors.black)]
                    if nh:
                        cmds.append(('LINEBELOW', (0, nh - 1), (-1, nh - 1), 0.6, colors.black))
                tb = Table(data, colWidths=colw, repeatRows=nh if nh else 0)
                tb.setStyle(TableStyle(cmds))
                story.append(tb)
    d = SimpleDocTemplate(path, pagesize=A4, leftMargin=lm, rightMargin=rm, topMargin=64, bottomMargin=60,
                          title=doc.meta['title'], author='', subject='', creator='gen11', producer='gen11',
                          invariant=1)
    d.build(story, onFirstPage=on_page, onLaterPages=on_page)


RENDER = dict(txt=render_txt, html=render_html, docx=render_docx, xlsx=render_xlsx, pdf=render_pdf)
