"""Render a block list to txt, html, docx, xlsx and pdf (deterministic bytes)."""
import html
import io
import re
import zipfile

FIXED = (2024, 6, 30, 12, 0, 0)


def grid(header):
    """Place (text, colspan, rowspan) header cells: -> list of (r, c, text, cs, rs)."""
    taken, out = set(), []
    for r, row in enumerate(header):
        c = 0
        for text, cs, rs in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, text, cs, rs))
            for i in range(rs):
                for j in range(cs):
                    taken.add((r + i, c + j))
            c += cs
    return out


def matrix(t):
    """Header expanded to a plain matrix (text at the top-left of each span) + body texts."""
    nh, nc = len(t['header']), t['ncols']
    m = [[''] * nc for _ in range(nh)]
    for r, c, text, cs, rs in grid(t['header']):
        m[r][c] = text
    body = [[x.get('t', '') for x in row] + [''] * (nc - len(row)) for row in t['rows']]
    return m, body


# ---------------------------------------------------------------- txt
def to_txt(blocks, style):
    out = []
    for b in blocks:
        if b['type'] != 'table':
            out.append(b['text'])
            out.append('')
            continue
        out += [b['title'], b['unit']]
        h, body = matrix(b)
        if style == 'cells':
            for row in h + body:
                out += [x for x in row] + ['']
        else:
            sep = '\t' if style == 'tsv' else ' | '
            for row in h + body:
                out.append(sep.join(row).rstrip())
        if b.get('note'):
            out.append('注：' + b['note'])
        out.append('')
    return '\n'.join(out).encode('utf-8')


# ---------------------------------------------------------------- html
def to_html(blocks, style):
    o = ['<!DOCTYPE html>', '<html><head><meta charset="utf-8"><title>%s</title>' % html.escape(blocks[0]['text']),
         '<style>table{border-collapse:collapse}td,th{border:1px solid #333;padding:2px 4px}'
         'td.n{text-align:right}</style></head><body>']
    tag = {'title': 'h1', 'h1': 'h2', 'h2': 'h3', 'h3': 'h4', 'p': 'p', 'toc': 'p'}
    for b in blocks:
        if b['type'] != 'table':
            o.append(f'<{tag[b["type"]]}>{html.escape(b["text"])}</{tag[b["type"]]}>')
            continue
        if style == 'caption':
            o.append('<table>')
            o.append(f'<caption>{html.escape(b["title"])}<br/><span>{b["unit"]}</span></caption>')
        else:
            o.append(f'<p class="tt"><b>{html.escape(b["title"])}</b></p><p class="unit">{b["unit"]}</p><table>')
        o.append('<thead>')
        for r, row in enumerate(b['header']):
            o.append('<tr>' + ''.join(
                f'<th{" colspan=%d" % cs if cs > 1 else ""}{" rowspan=%d" % rs if rs > 1 else ""}>{html.escape(t)}</th>'
                for t, cs, rs in row) + '</tr>')
        o.append('</thead><tbody>')
        for row in b['rows']:
            o.append('<tr>' + ''.join(
                f'<td{"" if x.get("lab") else " class=n"}>{html.escape(x.get("t", ""))}</td>' for x in row) + '</tr>')
        o.append('</tbody></table>')
        if b.get('note'):
            o.append(f'<p>注：{html.escape(b["note"])}</p>')
    o.append('</body></html>')
    return '\n'.join(o).encode('utf-8')


# ---------------------------------------------------------------- zip normalisation (docx, xlsx)
def fix_zip(data):
    zin = zipfile.ZipFile(io.BytesIO(data))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w', zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            raw = zin.read(info.filename)
            if info.filename == 'docProps/core.xml':
                raw = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*', rb'\g<1>2024-06-30T12:00:00Z', raw)
            zi = zipfile.ZipInfo(info.filename, FIXED)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            zout.writestr(zi, raw)
    return buf.getvalue()


# ---------------------------------------------------------------- docx
def to_docx(blocks, style):
    import datetime

    from docx import Document
    from docx.shared import Pt
    doc = Document()
    cp = doc.core_properties
    cp.created = cp.modified = datetime.datetime(2024, 6, 30, 12, 0, 0)
    cp.author = cp.last_modified_by = 'gen13'
    cp.revision = 1
    lvl = {'title': 0, 'h1': 1, 'h2': 2, 'h3': 3}
    for b in blocks:
        t = b['type']
        if t in lvl:
            if style == 'heading':
                doc.add_heading(b['text'], lvl[t])
            else:
                doc.add_paragraph().add_run(b['text']).bold = True
        elif t in ('p', 'toc'):
            doc.add_paragraph(b['text'])
        else:
            doc.add_paragraph().add_run(b['title']).bold = True
            doc.add_paragraph(b['unit'])
            nh = len(b['header'])
            tab = doc.add_table(rows=nh + len(b['rows']), cols=b['ncols'])
            tab.style = 'Table Grid'
            for r, c, text, cs, rs in grid(b['header']):
                cell = tab.cell(r, c)
                if cs > 1 or rs > 1:
                    cell = cell.merge(tab.cell(r + rs - 1, c + cs - 1))
                cell.text = text
            for i, row in enumerate(b['rows']):
                for j, x in enumerate(row):
                    tab.cell(nh + i, j).text = x.get('t', '')
            for row in tab.rows:
                for cell in row.cells:
                    for p in cell.paragraphs:
                        for run in p.runs:
                            run.font.size = Pt(8)
            if b.get('note'):
                doc.add_paragraph('注：' + b['note'])
    buf = io.BytesIO()
    doc.save(buf)
    return fix_zip(buf.getvalue())


# ---------------------------------------------------------------- xlsx
def _xnum(x, figs, numeric):
    t = x.get('t', '')
    if not numeric or not x.get('fid') or t in ('', '-'):
        return t, None
    f = figs[x['fid']]
    v = float(t.replace(',', ''))
    fmt = ('#,##0' if ',' in t or (f['kind'] == 'amt' and len(t) > 7 and False) else '0')
    if ',' in t:
        fmt = '#,##0'
    if f['dec']:
        fmt += '.' + '0' * f['dec']
    return v, fmt


def to_xlsx(blocks, style, figs, numeric):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    import datetime
    wb = Workbook()
    wb.properties.creator = 'gen13'
    wb.properties.created = wb.properties.modified = datetime.datetime(2024, 6, 30, 12, 0, 0)
    ws = wb.active
    ws.title = '说明'
    row = 1
    n_t = 0
    for b in blocks:
        if b['type'] != 'table':
            ws.cell(row=row, column=1, value=b['text'])
            row += 1
            continue
        n_t += 1
        if style == 'sheets':
            t = wb.create_sheet(f'表{n_t}')
            r0 = 1
        else:
            t, r0 = ws, row + 1
        t.cell(row=r0, column=1, value=b['title']).font = Font(bold=True)
        t.cell(row=r0 + 1, column=1, value=b['unit'])
        r0 += 2
        for r, c, text, cs, rs in grid(b['header']):
            t.cell(row=r0 + r, column=c + 1, value=text).alignment = Alignment(horizontal='center')
            if cs > 1 or rs > 1:
                t.merge_cells(start_row=r0 + r, start_column=c + 1, end_row=r0 + r + rs - 1, end_column=c + cs)
        r0 += len(b['header'])
        for i, rw in enumerate(b['rows']):
            for j, x in enumerate(rw):
                v, fmt = _xnum(x, figs, numeric)
                cell = t.cell(row=r0 + i, column=j + 1, value=v)
                if fmt:
                    cell.number_format = fmt
        r0 += len(b['rows'])
        if b.get('note'):
            t.cell(row=r0, column=1, value='注：' + b['note'])
            r0 += 1
        if style != 'sheets':
            row = r0 + 1
    buf = io.BytesIO()
    wb.save(buf)
    return fix_zip(buf.getvalue())


# ---------------------------------------------------------------- pdf
def to_pdf(blocks, style):
    from reportlab import rl_config
    rl_config.invariant = 1
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    FN = 'STSong-Light'
    wide = max([b['ncols'] for b in blocks if b['type'] == 'table'] + [0]) > 8
    size = landscape(A4) if wide else A4
    st = {k: ParagraphStyle(k, fontName=FN, fontSize=fs, leading=fs * 1.5, wordWrap='CJK', spaceAfter=4)
          for k, fs in (('title', 16), ('h1', 14), ('h2', 12), ('h3', 11), ('p', 10.5), ('toc', 10.5), ('c', 7.5))}
    esc = html.escape
    story = []
    width = size[0] - 100
    for b in blocks:
        if b['type'] != 'table':
            story.append(Paragraph(esc(b['text']), st[b['type']]))
            continue
        if style == 'newpage':
            story.append(PageBreak())
        story.append(Paragraph(esc(b['title']), st['h3']))
        story.append(Paragraph(esc(b['unit']), st['p']))
        h, body = matrix(b)
        nc = b['ncols']
        nlab = max(1, sum(1 for x in b['rows'][0] if x.get('lab'))) if b['rows'] else 1
        data = [[Paragraph(esc(x), st['c']) if x else '' for x in row] for row in h]
        for row, src in zip(body, b['rows']):
            data.append([Paragraph(esc(x), st['c']) if (i < len(src) and src[i].get('lab') and x) else x
                         for i, x in enumerate(row)])
        def clen(x):
            return sum(1.0 if ord(ch) > 255 else 0.55 for ch in x)
        need = [max([clen(row[i]) for row in body] + [min(clen(r[i]), 6) for r in h] + [2]) * 8.0 + 8
                for i in range(nc)]
        need = [min(w, width * 0.32) for w in need]
        k = width / sum(need)
        cw = [w * k for w in need] if k < 1 else need
        ts = [('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('FONT', (0, 0), (-1, -1), FN, 7.5),
              ('ALIGN', (0, len(h)), (-1, -1), 'RIGHT'), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE')]
        for r, c, text, cs, rs in grid(b['header']):
            if cs > 1 or rs > 1:
                ts.append(('SPAN', (c, r), (c + cs - 1, r + rs - 1)))
        tab = Table(data, colWidths=cw, repeatRows=len(h) if style != 'norepeat' else 0)
        tab.setStyle(TableStyle(ts))
        story.append(tab)
        if b.get('note'):
            story.append(Paragraph('注：' + esc(b['note']), st['p']))
        story.append(Spacer(1, 8))
    buf = io.BytesIO()
    doc = SimpleDocTemplate(buf, pagesize=size, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50,
                            title=blocks[0]['text'], author='gen13', creator='gen13')
    doc.build(story)
    return buf.getvalue()


def render(fmt, blocks, lay, figs):
    if fmt == 'txt':
        return to_txt(blocks, lay['txt'])
    if fmt == 'html':
        return to_html(blocks, lay['html'])
    if fmt == 'docx':
        return to_docx(blocks, lay['docx'])
    if fmt == 'xlsx':
        return to_xlsx(blocks, lay['xlsx'], figs, lay['xnum'])
    return to_pdf(blocks, lay['pdf'])
