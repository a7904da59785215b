"""Render the block model to txt, html, docx, xlsx and pdf."""
import html as H
import os

DEC_PCT = {1: '0.0', 2: '0.00'}


def grid(header):
    """Header rows of (text, colspan, rowspan) -> (matrix of texts, list of merges (r0,c0,r1,c1))."""
    occ = {}
    mat = []
    merges = []
    for r, row in enumerate(header):
        c = 0
        line = {}
        for text, cs, rs in row:
            while (r, c) in occ:
                c += 1
            line[c] = text
            for dr in range(rs):
                for dc in range(cs):
                    occ[(r + dr, c + dc)] = True
            if cs > 1 or rs > 1:
                merges.append((r, c, r + rs - 1, c + cs - 1))
            c += cs
        mat.append(line)
    ncol = max(c for (_, c) in occ) + 1
    out = [[mat[r].get(c, '') for c in range(ncol)] for r in range(len(header))]
    return out, merges


def title_of(tb, n, opt):
    return f"表{n} {tb['title']}" if opt['tprefix'] == 'biao' else f"{n}、{tb['title']}"


def sub_of(tb, dept):
    return f"编制单位：{dept}    单位：{tb['unit']}"


def expand(blocks, tables):
    out = []
    for b in blocks:
        if b[0] == 'tables':
            for i, tb in enumerate(tables):
                out.append(('table', (i + 1, tb)))
        else:
            out.append(b)
    return out


# ---------------- txt ----------------
def to_txt(blocks, tables, opt, dept):
    L = []
    for kind, x in expand(blocks, tables):
        if kind == 'table':
            n, tb = x
            L += ['', title_of(tb, n, opt), sub_of(tb, dept)]
            hm, _ = grid(tb['header'])
            rows = hm + [[c[0] for c in r] for r in tb['rows']]
            for r in rows:
                L.append(('| ' + ' | '.join(r) + ' |') if opt['txt_tab'] == 'pipe' else '\t'.join(r))
            L.append('')
        elif kind == 'title':
            L += [x, '']
        elif kind == 'h1':
            L += ['', x, '']
        else:
            L.append(x)
    return '\n'.join(L) + '\n'


# ---------------- html ----------------
def to_html(blocks, tables, opt, dept):
    o = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8"><title>%s</title>' % H.escape(blocks[0][1]),
         '<style>table{border-collapse:collapse}td,th{border:1px solid #333;padding:2px 6px}td.n{text-align:right}</style>',
         '</head><body>']
    for kind, x in expand(blocks, tables):
        if kind == 'title':
            o.append(f'<h1>{H.escape(x)}</h1>')
        elif kind == 'h1':
            o.append(f'<h2>{H.escape(x)}</h2>')
        elif kind == 'h2':
            o.append(f'<h3>{H.escape(x)}</h3>')
        elif kind == 'p':
            o.append(f'<p>{H.escape(x)}</p>')
        else:
            n, tb = x
            t = H.escape(title_of(tb, n, opt))
            if opt['html_caption']:
                o.append(f'<table><caption>{t}<br>{H.escape(sub_of(tb, dept))}</caption><thead>')
            else:
                o.append(f'<p><b>{t}</b></p><p>{H.escape(sub_of(tb, dept))}</p><table><thead>')
            for row in tb['header']:
                o.append('<tr>' + ''.join(
                    f'<th{" colspan=%d" % cs if cs > 1 else ""}{" rowspan=%d" % rs if rs > 1 else ""}>{H.escape(tx)}</th>'
                    for tx, cs, rs in row) + '</tr>')
            o.append('</thead><tbody>')
            for r in tb['rows']:
                o.append('<tr>' + ''.join(f'<td class="n">{H.escape(s)}</td>' if k in ('amt', 'pct') else f'<td>{H.escape(s)}</td>'
                                          for s, k in r) + '</tr>')
            o.append('</tbody></table>')
    o.append('</body></html>')
    return '\n'.join(o) + '\n'


# ---------------- docx ----------------
def to_docx(blocks, tables, opt, dept, path):
    from docx import Document
    from docx.enum.section import WD_ORIENT, WD_SECTION
    from docx.shared import Pt
    d = Document()
    st = d.styles['Normal']
    st.font.size = Pt(10)
    st.font.name = 'SimSun'

    def orient(land):
        sec = d.add_section(WD_SECTION.NEW_PAGE)
        w, h = sec.page_width, sec.page_height
        if land != (sec.orientation == WD_ORIENT.LANDSCAPE):
            sec.orientation = WD_ORIENT.LANDSCAPE if land else WD_ORIENT.PORTRAIT
            sec.page_width, sec.page_height = h, w
    land = False
    for kind, x in expand(blocks, tables):
        if kind == 'title':
            d.add_heading(x, 0)
        elif kind in ('h1', 'h2'):
            if opt['docx_head']:
                d.add_heading(x, 1 if kind == 'h1' else 2)
            else:
                d.add_paragraph().add_run(x).bold = True
        elif kind == 'p':
            d.add_paragraph(x)
        else:
            n, tb = x
            if tb['wide'] and not land:
                orient(True)
                land = True
            elif not tb['wide'] and land:
                orient(False)
                land = False
            d.add_paragraph().add_run(title_of(tb, n, opt)).bold = True
            d.add_paragraph(sub_of(tb, dept))
            hm, merges = grid(tb['header'])
            ncol = len(hm[0])
            t = d.add_table(rows=len(hm) + len(tb['rows']), cols=ncol)
            t.style = 'Table Grid'
            for r, row in enumerate(hm):
                for c, tx in enumerate(row):
                    if tx:
                        t.cell(r, c).text = tx
            for r0, c0, r1, c1 in merges:
                t.cell(r0, c0).merge(t.cell(r1, c1))
            for r, row in enumerate(tb['rows']):
                for c, (s, k) in enumerate(row):
                    cell = t.cell(len(hm) + r, c)
                    cell.text = s
                    if k in ('amt', 'pct'):
                        cell.paragraphs[0].alignment = 2
    d.save(path)


# ---------------- xlsx ----------------
def to_xlsx(blocks, tables, opt, dept, path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    ws = wb.active
    ws.title = '说明'
    ws.column_dimensions['A'].width = 120
    r = 1
    for kind, x in expand(blocks, tables):
        if kind == 'table':
            continue
        ws.cell(r, 1, x)
        if kind in ('title', 'h1', 'h2'):
            ws.cell(r, 1).font = Font(bold=True)
        r += 1
    thin = Side(style='thin')
    bd = Border(left=thin, right=thin, top=thin, bottom=thin)
    for n, tb in enumerate(tables, 1):
        s = wb.create_sheet(f'表{n}')
        s.cell(1, 1, title_of(tb, n, opt)).font = Font(bold=True)
        s.cell(2, 1, sub_of(tb, dept))
        hm, merges = grid(tb['header'])
        for i, row in enumerate(hm):
            for c, tx in enumerate(row):
                cell = s.cell(3 + i, 1 + c, tx or None)
                cell.border = bd
                cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
        for r0, c0, r1, c1 in merges:
            s.merge_cells(start_row=3 + r0, start_column=1 + c0, end_row=3 + r1, end_column=1 + c1)
        base = 3 + len(hm)
        for i, row in enumerate(tb['rows']):
            for c, (tx, k) in enumerate(row):
                cell = s.cell(base + i, 1 + c)
                cell.border = bd
                if k in ('amt', 'pct') and tx not in ('', '—', '-'):
                    cell.value = float(tx.replace(',', ''))
                    if k == 'amt':
                        cell.number_format = '#,##0.00' if ',' in tx or opt['sep'] else '0.00'
                    else:
                        cell.number_format = DEC_PCT[len(tx.split('.')[1])]
                else:
                    cell.value = tx if tx else None
        for c in range(len(hm[0])):
            s.column_dimensions[chr(65 + c)].width = 28 if c == 1 else 16
    wb.save(path)


# ---------------- pdf ----------------
_FONT = None


def font():
    global _FONT
    if _FONT:
        return _FONT
    from reportlab.pdfbase import pdfmetrics
    p = '/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc'
    if os.path.exists(p):
        from reportlab.pdfbase.ttfonts import TTFont
        pdfmetrics.registerFont(TTFont('WQY', p, subfontIndex=0))
        _FONT = 'WQY'
    else:
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        _FONT = 'STSong-Light'
    return _FONT


def to_pdf(blocks, tables, opt, dept, path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph,
                                    Spacer, Table, TableStyle)
    fn = font()
    ps = ParagraphStyle('b', fontName=fn, fontSize=10, leading=15, wordWrap='CJK')
    ph = ParagraphStyle('h', fontName=fn, fontSize=13, leading=19, spaceBefore=6, spaceAfter=4)
    pt = ParagraphStyle('t', fontName=fn, fontSize=16, leading=22, alignment=1, spaceAfter=10)
    doc = BaseDocTemplate(path, pagesize=A4, invariant=1, title=blocks[0][1], author=dept)
    m = 50
    pw, phh = A4
    lw, lh = landscape(A4)
    doc.addPageTemplates([
        PageTemplate('P', [Frame(m, m, pw - 2 * m, phh - 2 * m)], pagesize=A4),
        PageTemplate('L', [Frame(m, m, lw - 2 * m, lh - 2 * m)], pagesize=landscape(A4))])
    story = []
    land = False

    def mk_table(tb, rows, width):
        hm, merges = grid(tb['header'])
        data = hm + [[c[0] for c in r] for r in rows]
        ncol = len(hm[0])
        w2 = width * 0.26
        ws = [width * 0.1, w2] + [(width - width * 0.1 - w2) / (ncol - 2)] * (ncol - 2)
        if tb['rows'][0][0][1] != 'code':
            ws = [width * 0.34] + [(width * 0.66) / (ncol - 1)] * (ncol - 1)
        t = Table(data, colWidths=ws, repeatRows=len(hm))
        style = [('FONTNAME', (0, 0), (-1, -1), fn), ('FONTSIZE', (0, 0), (-1, -1), 8),
                 ('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('ALIGN', (0, 0), (-1, len(hm) - 1), 'CENTER'),
                 ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]
        for i, r in enumerate(rows):
            for j, (_, k) in enumerate(r):
                if k in ('amt', 'pct'):
                    style.append(('ALIGN', (j, len(hm) + i), (j, len(hm) + i), 'RIGHT'))
        for r0, c0, r1, c1 in merges:
            style.append(('SPAN', (c0, r0), (c1, r1)))
        t.setStyle(TableStyle(style))
        return t
    for kind, x in expand(blocks, tables):
        if kind == 'title':
            story.append(Paragraph(H.escape(x), pt))
        elif kind in ('h1', 'h2'):
            story.append(Paragraph(H.escape(x), ph))
        elif kind == 'p':
            story.append(Paragraph(H.escape(x), ps))
        else:
            n, tb = x
            want = tb['wide']
            if want != land:
                story += [NextPageTemplate('L' if want else 'P'), PageBreak()]
                land = want
            width = (lw if land else pw) - 2 * m - 4
            story.append(Paragraph(H.escape(title_of(tb, n, opt)), ph))
            story.append(Paragraph(H.escape(sub_of(tb, dept)), ps))
            rows = tb['rows']
            if tb['split'] and len(rows) > 6:
                cut = len(rows) // 2
                story.append(mk_table(tb, rows[:cut], width))
                story.append(PageBreak())
                story.append(Paragraph(H.escape(opt['cont'] + title_of(tb, n, opt)), ph))
                story.append(mk_table(tb, rows[cut:], width))
            else:
                story.append(mk_table(tb, rows, width))
            story.append(Spacer(1, 10))
    doc.build(story)
