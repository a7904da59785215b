"""Render gen16 blocks to txt, html, docx, xlsx, pdf."""
import html as H

from doc16 import para_text, piece_str


def cells(row):
    return [piece_str(x) for x in row]


def table_lines(t, style):
    out = [t['title'], f'单位：{t["unit"]}']
    for r in t['header'] + [cells(r) for r in t['rows']]:
        out.append(('\t' if style == 'tab' else '  ').join(x if x else ('-' if style == 'space' else '') for x in r))
    if t.get('note'):
        out.append(t['note'])
    return out


def to_txt(doc, path, o):
    lines = []
    for b in doc.blocks:
        if b[0] == 'h':
            lines.append(b[2])
        elif b[0] == 'p':
            lines.append(para_text(b[1]))
        else:
            lines += [''] + table_lines(b[1], o['txt_style']) + ['']
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\n'.join(lines) + '\n')


def to_html(doc, path, o):
    out = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>%s</title></head><body>' % H.escape(doc.blocks[0][2])]
    for b in doc.blocks:
        if b[0] == 'h':
            lv = min(b[1] + 1, 4)
            out.append(f'<h{lv}>{H.escape(b[2])}</h{lv}>')
        elif b[0] == 'p':
            out.append(f'<p>{H.escape(para_text(b[1]))}</p>')
        else:
            t = b[1]
            out.append('<table border="1" cellspacing="0">')
            if o['html_caption']:
                out.append(f'<caption>{H.escape(t["title"])}</caption>')
            else:
                out.insert(len(out) - 1, f'<p><b>{H.escape(t["title"])}</b></p>')
            ncol = len(t['header'][-1])
            out.append(f'<tr><td colspan="{ncol}" align="right">单位：{t["unit"]}</td></tr>')
            for r in t['header']:
                out.append('<tr>' + ''.join(f'<th>{H.escape(x)}</th>' for x in r) + '</tr>')
            for r in t['rows']:
                out.append('<tr>' + ''.join(f'<td>{H.escape(x)}</td>' for x in cells(r)) + '</tr>')
            out.append('</table>')
            if t.get('note'):
                out.append(f'<p>{H.escape(t["note"])}</p>')
    out.append('</body></html>')
    with open(path, 'w', encoding='utf-8', newline='\n') as fh:
        fh.write('\n'.join(out) + '\n')


def to_docx(doc, path, o):
    import docx
    d = docx.Document()
    for b in doc.blocks:
        if b[0] == 'h':
            d.add_heading(b[2], level=min(b[1], 3))
        elif b[0] == 'p':
            d.add_paragraph(para_text(b[1]))
        else:
            t = b[1]
            d.add_paragraph(t['title'])
            d.add_paragraph(f'单位：{t["unit"]}')
            rows = t['header'] + [cells(r) for r in t['rows']]
            tb = d.add_table(rows=len(rows), cols=len(rows[0]))
            tb.style = 'Table Grid'
            for i, r in enumerate(rows):
                for j, x in enumerate(r):
                    tb.cell(i, j).text = x
            if t.get('note'):
                d.add_paragraph(t['note'])
    d.core_properties.created = __import__('datetime').datetime(2026, 1, 1)
    d.save(path)


def to_xlsx(doc, path, o):
    import openpyxl
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '说明'
    for b in doc.blocks:
        if b[0] == 'h':
            ws.append([b[2]])
        elif b[0] == 'p':
            ws.append([para_text(b[1])])
    n = 0
    for b in doc.blocks:
        if b[0] != 't':
            continue
        n += 1
        t = b[1]
        s = wb.create_sheet(f'表{n}')
        s.append([t['title']])
        s.append([f'单位：{t["unit"]}'])
        for r in t['header']:
            s.append(r)
        for r in t['rows']:
            s.append(cells(r))
        if t.get('note'):
            s.append([t['note']])
    wb.save(path)


def to_pdf(doc, path, o):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    st = ParagraphStyle('n', fontName='STSong-Light', fontSize=10, leading=15, wordWrap='CJK')
    hs = ParagraphStyle('h', fontName='STSong-Light', fontSize=13, leading=20, spaceBefore=6)
    ts = ParagraphStyle('t', fontName='STSong-Light', fontSize=11, leading=16, spaceBefore=8)
    story = []
    for b in doc.blocks:
        if b[0] == 'h':
            story.append(Paragraph(H.escape(b[2]), hs))
        elif b[0] == 'p':
            story.append(Paragraph(H.escape(para_text(b[1])), st))
        else:
            t = b[1]
            story.append(Paragraph(H.escape(t['title']), ts))
            story.append(Paragraph(H.escape('单位：' + t['unit']), st))
            rows = t['header'] + [cells(r) for r in t['rows']]
            ncol = len(rows[0])
            fs = 7 if ncol > 6 else 8
            tb = Table(rows, repeatRows=len(t['header']) if o['pdf_repeat'] else 0)
            tb.setStyle(TableStyle([('FONTNAME', (0, 0), (-1, -1), 'STSong-Light'), ('FONTSIZE', (0, 0), (-1, -1), fs),
                                    ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                                    ('ALIGN', (2 if ncol > 4 else 1, len(t['header'])), (-1, -1), 'RIGHT')]))
            story.append(tb)
            if t.get('note'):
                story.append(Paragraph(H.escape(t['note']), st))
            story.append(Spacer(1, 8))
    SimpleDocTemplate(path, pagesize=landscape(A4), leftMargin=30, rightMargin=30, topMargin=30, bottomMargin=30,
                      invariant=1).build(story)


RENDER = dict(txt=to_txt, html=to_html, docx=to_docx, xlsx=to_xlsx, pdf=to_pdf)
