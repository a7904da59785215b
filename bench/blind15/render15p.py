"""PDF rendering with reportlab (STSong-Light, invariant=1): text pages portrait, tables landscape;
long tables continue over pages with the header repeated or lost."""
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import (BaseDocTemplate, Frame, NextPageTemplate, PageBreak, PageTemplate, Paragraph, Spacer,
                                Table, TableStyle)

from doc15 import Doc
from render15 import body_grid, unit_line

FONT = 'STSong-Light'
pdfmetrics.registerFont(UnicodeCIDFont(FONT))


def S(name, size, lead=None, align=0, bold=False):
    return ParagraphStyle(name, fontName=FONT, fontSize=size, leading=lead or size * 1.45, alignment=align,
                          wordWrap='CJK')


P_BODY = S('body', 10.5, 18)
P_H1 = S('h1', 14, 22)
P_H2 = S('h2', 12, 19)
P_H3 = S('h3', 11, 18)
P_TITLE = S('title', 18, 28, 1)
P_CENTER = S('center', 11, 18, 1)
P_CELL = S('cell', 7, 9)
P_TT = S('tt', 11, 16, 1)
P_UNIT = S('unit', 8, 11, 2)


def para(text, style):
    return Paragraph(escape(text), style)


def make_table(doc, t, width, repeat):
    grid, hspans = t.header_grid()
    rows, bspans, covered = body_grid(t)
    nh = len(grid)
    nl = max(1, t.label_cols)

    def colhead(c):
        for r in range(nh - 1, -1, -1):
            if grid[r][c]:
                return grid[r][c]
        return ''
    W = {'行次': 0.45, '科目编码': 0.8, '类': 0.4, '款': 0.4, '项': 0.4, '项目': 2.4, '科目名称': 2.4, '功能分类科目': 2.8,
         '序号': 0.4, '单位名称': 3, '单位性质': 2}
    if t.form:
        ws = [1.0] * t.ncols
    else:
        ws = [W.get(colhead(c), 2.4 if c < nl and not t.blocks else 1.0) for c in range(t.ncols)]
    k = width / sum(ws)
    cw = [w * k for w in ws]
    data = []
    for r in grid:
        data.append([para(x, P_CELL) if x else '' for x in r])
    right = []
    for r, row in enumerate(rows):
        line = []
        for c, x in enumerate(row):
            cap = cw[c] / 7.3
            if (r, c) in covered or x == '':
                line.append('')
            elif Doc.cell_figs(t.rows[r][c]):
                line.append(x)
                right.append((c, nh + r))
            elif len(x) <= cap and (r, c) not in bspans:
                line.append(x)
            else:
                line.append(para(x, P_CELL))
        data.append(line)
    tab = Table(data, colWidths=cw, repeatRows=nh if repeat else 0, splitByRow=1)
    style = [('FONT', (0, 0), (-1, -1), FONT, 7), ('GRID', (0, 0), (-1, -1), 0.4, colors.black),
             ('VALIGN', (0, 0), (-1, -1), 'TOP'), ('TOPPADDING', (0, 0), (-1, -1), 2.5),
             ('BOTTOMPADDING', (0, 0), (-1, -1), 2.5), ('LEFTPADDING', (0, 0), (-1, -1), 2),
             ('RIGHTPADDING', (0, 0), (-1, -1), 2)]
    for c, r in right:
        style.append(('ALIGN', (c, r), (c, r), 'RIGHT'))
    for r, c, cs, rs in hspans:
        if cs > 1 or rs > 1:
            style.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
    for (r, c), (cs, rs) in bspans.items():
        if cs > 1 or rs > 1:
            style.append(('SPAN', (c, nh + r), (c + cs - 1, nh + r + rs - 1)))
    tab.setStyle(TableStyle(style))
    return tab


def render_pdf(doc, path):
    o = doc.opts
    repeat = o.get('pdf_repeat', True)
    pw, ph = A4
    lw, lh = landscape(A4)
    m = 40

    def footer(canvas, d):
        canvas.saveState()
        canvas.setFont(FONT, 8)
        w = canvas._pagesize[0]
        canvas.drawCentredString(w / 2, 20, f'- {d.page} -')
        canvas.restoreState()
    port = PageTemplate('port', [Frame(m, m, pw - 2 * m, ph - 2 * m, id='p')], onPage=footer, pagesize=A4)
    land = PageTemplate('land', [Frame(m, m, lw - 2 * m, lh - 2 * m, id='l')], onPage=footer, pagesize=landscape(A4))
    d = BaseDocTemplate(path, pageTemplates=[port, land], invariant=1, title=doc.title, author=doc.dept,
                        subject='', creator='', producer='')
    story = []
    mode = 'port'
    for b in doc.blocks:
        is_table = b[0] == 't' and not getattr(b[1], 'plain', False)
        want = 'land' if is_table else 'port'
        if want != mode:
            story += [NextPageTemplate(want), PageBreak()]
            mode = want
        elif is_table and o.get('pdf_newpage') and story:
            story.append(PageBreak())
        if b[0] == 'cover':
            story += [Spacer(1, 160), para(b[1][0], P_TITLE), Spacer(1, 30), para(b[1][1], P_CENTER), PageBreak()]
        elif b[0] == 'toc':
            story += [para(x, P_BODY if i else P_H1) for i, x in enumerate(b[1])] + [PageBreak()]
        elif b[0] == 'h':
            story.append(para(b[2], {1: P_H1, 2: P_H2}.get(b[1], P_H3)))
        elif b[0] == 'p':
            story.append(para('\u3000\u3000' + Doc.para_text(b[1])[0], P_BODY))
        elif b[0] == 't':
            t = b[1]
            width = (lw if is_table else pw) - 2 * m
            story.append(para(t.title, P_TT))
            ul = unit_line(doc, t)
            if ul:
                story.append(para(ul, P_UNIT))
            story.append(make_table(doc, t, width, repeat))
            if t.note:
                story.append(para(t.note, S('note', 8, 11)))
            story.append(Spacer(1, 10))
    d.build(story)
