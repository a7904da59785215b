"""Render a document (blocks + tables) to txt, html, docx, xlsx and pdf, byte-stable."""
import html
import io
import re
import zipfile

FIXED = (2026, 1, 1, 0, 0, 0)


def cell_s(c):
    return c['s'] if isinstance(c, dict) else c


def layout(doc):
    """Flatten to a list of ('h1'|'h2'|'p'|'table', payload) in document order."""
    out = [('title', doc['title'])]
    Y, K = doc['year'], doc['kind']
    for kind, x in doc['blocks']:
        if kind == 'tables_here':
            if doc['opts']['tables_pos'] == 'mid':
                out.append(('h1', f'第二部分 {Y}年度部门{K}表'))
                out += [('table', t) for t in doc['tables']]
            else:
                out.append(('h1', f'第二部分 {Y}年度部门{K}表'))
                out.append(('p', f'{Y}年度部门{K}表详见附件。'))
        else:
            out.append((kind, x))
    if doc['opts']['tables_pos'] != 'mid':
        out.append(('h1', f'附件：{doc["dept"]}{Y}年度部门{K}表'))
        out += [('table', t) for t in doc['tables']]
    return out


def table_lines(t):
    return [[str(x) for x in r] for r in t['header']] + [[cell_s(c) for c in r] for r in t['rows']]


def to_txt(doc):
    st = doc['opts']['txt_table']
    L = []
    for kind, x in layout(doc):
        if kind != 'table':
            L.append(x)
            continue
        L.append(x['title'])
        L.append(f"单位：{x['unit']}")
        for r in table_lines(x):
            if st == 'tsv':
                L.append('\t'.join(r))
            elif st == 'pipe':
                L.append('| ' + ' | '.join(r) + ' |')
            else:
                L += [c for c in r if c != ''] + ['']
        if x['note']:
            L.append(x['note'])
    return ('\n'.join(L) + '\n').encode('utf-8')


def to_html(doc):
    cap = doc['opts']['html_caption']
    H = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">', f"<title>{html.escape(doc['title'])}</title>",
         '</head><body><div class="nav">首页 &gt; 信息公开 &gt; 财政预决算</div><div class="article">']
    for kind, x in layout(doc):
        if kind == 'title':
            H.append(f'<h1>{html.escape(x)}</h1>')
        elif kind == 'h1':
            H.append(f'<h2>{html.escape(x)}</h2>')
        elif kind == 'h2':
            H.append(f'<h3>{html.escape(x)}</h3>')
        elif kind == 'p':
            H.append(f'<p>{html.escape(x)}</p>')
        else:
            if not cap:
                H.append(f'<p class="tt">{html.escape(x["title"])}</p>')
            H.append('<table border="1">')
            if cap:
                H.append(f'<caption>{html.escape(x["title"])}</caption>')
            H.append(f'<tr><td colspan="{len(x["header"][0])}" align="right">单位：{x["unit"]}</td></tr>')
            for r in x['header']:
                H.append('<tr>' + ''.join(f'<th>{html.escape(c)}</th>' for c in r) + '</tr>')
            for r in x['rows']:
                H.append('<tr>' + ''.join(f'<td>{html.escape(cell_s(c))}</td>' for c in r) + '</tr>')
            H.append('</table>')
            if x['note']:
                H.append(f'<p>{html.escape(x["note"])}</p>')
    H.append('</div><div class="footer">主办单位：区人民政府办公室</div></body></html>')
    return ('\n'.join(H) + '\n').encode('utf-8')


def fix_zip(data):
    zin = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, 'w', zipfile.ZIP_DEFLATED) as z:
        for n in sorted(zin.namelist(), key=lambda n: (n != '[Content_Types].xml', n)):
            b = zin.read(n)
            if n == 'docProps/core.xml':
                b = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*', rb'\g<1>2026-01-01T00:00:00Z', b)
            zi = zipfile.ZipInfo(n, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, b)
    return out.getvalue()


def to_docx(doc):
    import datetime

    from docx import Document
    from docx.shared import Pt
    d = Document()
    cp = d.core_properties
    cp.author = 'gen12'
    cp.last_modified_by = 'gen12'
    cp.revision = 1
    cp.created = cp.modified = cp.last_printed = datetime.datetime(2026, 1, 1)
    cp.title = doc['title']
    heads = doc['opts']['docx_heads']
    for kind, x in layout(doc):
        if kind in ('title', 'h1', 'h2'):
            if heads:
                d.add_heading(x, level={'title': 0, 'h1': 1, 'h2': 2}[kind])
            else:
                d.add_paragraph().add_run(x).bold = True
        elif kind == 'p':
            d.add_paragraph(x)
        else:
            d.add_paragraph(x['title'])
            d.add_paragraph(f"单位：{x['unit']}")
            lines = table_lines(x)
            tb = d.add_table(rows=len(lines), cols=len(lines[0]))
            tb.style = 'Table Grid'
            for i, r in enumerate(lines):
                for j, v in enumerate(r):
                    tb.cell(i, j).text = v
                    for p in tb.cell(i, j).paragraphs:
                        for run in p.runs:
                            run.font.size = Pt(8)
            if x['note']:
                d.add_paragraph(x['note'])
    b = io.BytesIO()
    d.save(b)
    return fix_zip(b.getvalue())


def to_xlsx(doc):
    import datetime

    from openpyxl import Workbook
    wb = Workbook()
    wb.properties.creator = 'gen12'
    wb.properties.created = wb.properties.modified = datetime.datetime(2026, 1, 1)
    numeric = doc['opts']['xlsx_numeric']
    one = doc['opts']['xlsx_layout'] == 'one'
    ws = wb.active
    ws.title = '说明' if not one else '公开文本'
    row = 1
    for kind, x in layout(doc):
        if kind != 'table':
            ws.cell(row=row, column=1, value=x)
            row += 1
            continue
        if not one:
            sh = wb.create_sheet(x['tid'])
            r0 = 1
        else:
            sh = ws
            r0 = row + 1
        sh.cell(row=r0, column=1, value=x['title'])
        sh.cell(row=r0 + 1, column=1, value=f"单位：{x['unit']}")
        rr = r0 + 2
        for hr in x['header']:
            for j, v in enumerate(hr):
                sh.cell(row=rr, column=j + 1, value=v)
            rr += 1
        for r in x['rows']:
            for j, c in enumerate(r):
                if isinstance(c, dict) and numeric and c['s'] != '':
                    ce = sh.cell(row=rr, column=j + 1, value=float(c['v']))
                    ce.number_format = ('#,##0' if c['d'] == 0 else '#,##0.' + '0' * c['d'])
                else:
                    sh.cell(row=rr, column=j + 1, value=cell_s(c))
            rr += 1
        if x['note']:
            sh.cell(row=rr, column=1, value=x['note'])
            rr += 1
        if one:
            row = rr + 1
    b = io.BytesIO()
    wb.save(b)
    return fix_zip(b.getvalue())


def to_pdf(doc):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    F = 'STSong-Light'
    sty = {k: ParagraphStyle(k, fontName=F, fontSize=s, leading=s * 1.5, wordWrap='CJK', alignment=a)
           for k, s, a in (('title', 16, 1), ('h1', 13, 0), ('h2', 11, 0), ('p', 10, 0), ('cell', 7, 0))}
    story = []
    for kind, x in layout(doc):
        if kind in ('title', 'h1', 'h2', 'p'):
            story.append(Paragraph(html.escape(x), sty[kind]))
            story.append(Spacer(1, 3))
            continue
        if doc['opts']['pdf_newpage']:
            story.append(PageBreak())
        story.append(Paragraph(html.escape(x['title']), sty['h2']))
        story.append(Paragraph(f"单位：{x['unit']}", sty['p']))
        lines = table_lines(x)
        data = [[Paragraph(html.escape(v), sty['cell']) for v in r] for r in lines]
        n = len(lines[0])
        w = 500 / n
        cw = [w] * n
        if n >= 5 and x['header'][0][0].endswith('编码'):
            cw = [50, 110] + [340 / (n - 2)] * (n - 2)
        tb = Table(data, colWidths=cw, repeatRows=len(x['header']))
        tb.setStyle(TableStyle([('GRID', (0, 0), (-1, -1), 0.4, colors.black), ('FONTNAME', (0, 0), (-1, -1), F)]))
        story.append(tb)
        if x['note']:
            story.append(Paragraph(html.escape(x['note']), sty['p']))
        story.append(Spacer(1, 8))
    b = io.BytesIO()
    SimpleDocTemplate(b, pagesize=A4, invariant=1, title=doc['title'], author='gen12', creator='gen12',
                      leftMargin=40, rightMargin=40, topMargin=40, bottomMargin=40).build(story)
    return b.getvalue()


RENDER = {'txt': to_txt, 'html': to_html, 'docx': to_docx, 'xlsx': to_xlsx, 'pdf': to_pdf}
