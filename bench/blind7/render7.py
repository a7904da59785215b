"""render7: write a doc7.Doc as txt, html, docx, xlsx or pdf.

Each renderer returns (furniture, locs): the page header/footer strings it added
(verify7 strips those lines before looking for figures) and, for html/docx/xlsx,
where each table figure's cell is, so that verify7 can read the cell back.

The txt "pdfx" style imitates text extracted from a real PDF: one table row per
line with cells separated by runs of spaces, long row labels wrapped onto the next
line, page footers ("— 12 —") and the running header interleaved mid-table, the
table header repeated after a page break, and paragraphs hard-wrapped (sometimes in
the middle of a number).
"""
import html
import re
import unicodedata

FURN_NUM = r'^(—\s*\d+\s*—|-\s*\d+\s*-|第\s*\d+\s*页)$'


def dwidth(s):
    return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)


def header_text(doc):
    f = doc.facts
    return f'{f.dept_name}{f.year}年{"度部门决算" if f.doc_type == "final" else "部门预算"}（公开）'


def seg_text(doc, segs):
    return ''.join(doc.figs[s[1]].printed if isinstance(s, tuple) else s for s in segs)


def is_num_cell(s):
    return bool(re.fullmatch(r'-?[\d,]+(\.\d+)?', s or ''))


# ============================== TXT ==============================
class Pager:
    def __init__(self, doc, o):
        self.lines = []
        self.n = 0
        self.page = 1
        self.max = o['txt_page_lines']
        self.footer = o['txt_footer']
        self.head = header_text(doc)
        self.on_break = None
        self.furn = [self.head]

    def room(self):
        return self.max - self.n

    def emit(self, line):
        if self.n >= self.max:
            self.break_page()
        self.lines.append(line)
        self.n += 1

    def break_page(self):
        self.lines.append('')
        self.lines.append(' ' * 30 + self.footer.format(n=self.page))
        self.page += 1
        self.lines.append(self.head)
        self.lines.append('')
        self.n = 0
        if self.on_break:
            cb = self.on_break
            self.on_break = None
            cb()
            self.on_break = cb

    def finish(self):
        self.lines.append('')
        self.lines.append(' ' * 30 + self.footer.format(n=self.page))


def wrap(text, width, split_numbers):
    """Hard wrap at `width` display cells (a CJK char is 2)."""
    out = []
    cur = ''
    w = 0
    lim = width * 2
    i = 0
    while i < len(text):
        c = text[i]
        cw = dwidth(c)
        if w + cw > lim:
            if not split_numbers:
                # move a number that would be cut to the next line
                m = re.search(r'[\d.,]+$', cur)
                if m and i < len(text) and re.match(r'[\d.,]', text[i]) and m.start() > 0:
                    out.append(cur[:m.start()])
                    cur = cur[m.start():]
                    w = dwidth(cur)
                    continue
            out.append(cur)
            cur = ''
            w = 0
        cur += c
        w += cw
        i += 1
    if cur:
        out.append(cur)
    return out


def table_lines(doc, t, style, o):
    """Header lines and row lines (each a list of physical lines) for a table."""
    rows = [[t.cell_text(c) for c in r['cells']] for r in t.rows]
    hdr = t.headers
    if style == 'tsv':
        return ['\t'.join(h) for h in hdr], [['\t'.join(r)] for r in rows]
    if style == 'pipe':
        return ['| ' + ' | '.join(h) + ' |' for h in hdr], [['| ' + ' | '.join(r) + ' |'] for r in rows]
    ncol = max([len(h) for h in hdr] + [len(r) for r in rows])
    widths = [0] * ncol
    labmax = 26
    for r in rows + hdr:
        for j, c in enumerate(r):
            cw = dwidth(c)
            if not is_num_cell(c):
                cw = min(cw, labmax)
            widths[j] = max(widths[j], cw)

    def fmt_row(cells):
        first = []
        cont = []
        for j in range(ncol):
            c = cells[j] if j < len(cells) else ''
            if is_num_cell(c):
                first.append(' ' * (widths[j] - dwidth(c)) + c)
                cont.append(' ' * widths[j])
            else:
                if dwidth(c) > widths[j]:
                    # wrap the long label: the rest goes to a continuation line
                    k = 0
                    acc = 0
                    while k < len(c) and acc + dwidth(c[k]) <= widths[j]:
                        acc += dwidth(c[k])
                        k += 1
                    head, tail = c[:k], c[k:]
                else:
                    head, tail = c, ''
                first.append(head + ' ' * (widths[j] - dwidth(head)))
                cont.append(tail + ' ' * max(0, widths[j] - dwidth(tail)))
        gap = ' ' * 3
        lines = [gap.join(first).rstrip()]
        if any(x.strip() for x in cont):
            lines.append(gap.join(cont).rstrip())
        return lines

    return [fmt_row(h)[0] for h in hdr], [fmt_row(r) for r in rows]


def render_txt(doc, path):
    o = doc.opts
    style = o['txt_style']
    pdfx = style == 'pdfx'
    pg = Pager(doc, o)
    W = o['txt_width']
    out_plain = []

    def emit(line):
        if pdfx:
            pg.emit(line)
        else:
            out_plain.append(line)

    for b in doc.blocks:
        if b[0] == 'cover':
            emit(seg_text(doc, b[1]))
            emit('')
        elif b[0] == 'toc':
            for line in b[1]:
                emit(line)
            emit('')
        elif b[0] == 'h':
            txt = seg_text(doc, b[2])
            if pdfx and pg.room() < 4:
                pg.break_page()
            emit(txt)
        elif b[0] == 'p':
            txt = b[1].plain()
            if pdfx:
                ls = wrap(txt, W, o['txt_split_numbers'])
                if len(ls) <= pg.max - 2 and pg.room() < len(ls):
                    pg.break_page()
                for line in ls:
                    emit(line)
            else:
                emit(txt)
        elif b[0] == 't':
            t = b[1]
            hdr, rows = table_lines(doc, t, style, o)
            if pdfx and pg.room() < len(hdr) + 4:
                pg.break_page()
            title = t.title()
            emit((' ' * 12 + title) if pdfx else title)
            if t.unit_label:
                emit((' ' * 50 + t.unit_label) if pdfx else t.unit_label)
            for h in hdr:
                emit(h)
            if pdfx and o['txt_repeat_header']:
                def again(hdr=hdr):
                    for h in hdr:
                        pg.emit(h)
                pg.on_break = again
            for r in rows:
                if pdfx and len(r) > 1 and pg.room() < len(r):
                    pg.break_page()
                for line in r:
                    emit(line)
            pg.on_break = None
            for n in t.notes:
                emit(n)
            emit('')
    if pdfx:
        pg.finish()
        lines = pg.lines
        furn = pg.furn
    else:
        lines = out_plain
        furn = []
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(lines) + '\n')
    return furn, {}


# ============================== HTML ==============================
def render_html(doc, path):
    o = doc.opts
    mark = o['html_mark']
    out = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
           f'<title>{html.escape(seg_text(doc, doc.blocks[0][1]))}</title></head><body>']
    locs = {}
    ti = 0

    def segs_html(segs):
        parts = []
        for s in segs:
            if isinstance(s, tuple):
                t = html.escape(doc.figs[s[1]].printed)
                if mark == 'u' and doc.figs[s[1]].kind == 'amount':
                    t = f'<u>{t}</u>'
                elif mark == 'span':
                    t = f'<span class="num">{t}</span>'
                parts.append(t)
            else:
                parts.append(html.escape(s))
        return ''.join(parts)

    for b in doc.blocks:
        if b[0] == 'cover':
            out.append(f'<h1>{segs_html(b[1])}</h1>')
        elif b[0] == 'toc':
            out.append('<div class="toc">' + ''.join(f'<p>{html.escape(x)}</p>' for x in b[1]) + '</div>')
        elif b[0] == 'h':
            out.append(f'<h{b[1] + 1}>{segs_html(b[2])}</h{b[1] + 1}>')
        elif b[0] == 'p':
            out.append(f'<p>{segs_html(b[1].segs)}</p>')
        elif b[0] == 't':
            t = b[1]
            if not o['html_caption']:
                out.append(f'<p class="tbl-title"><b>{segs_html(t.title_segs)}</b></p>')
            if t.unit_label:
                out.append(f'<p class="unit" style="text-align:right">{html.escape(t.unit_label)}</p>')
            out.append('<table border="1" cellspacing="0">')
            if o['html_caption']:
                out.append(f'<caption>{segs_html(t.title_segs)}</caption>')
            out.append('<thead>')
            for h in t.headers:
                out.append('<tr>' + ''.join(f'<th>{html.escape(c)}</th>' for c in h) + '</tr>')
            out.append('</thead><tbody>')
            nh = len(t.headers)
            for ri, r in enumerate(t.rows):
                cells = []
                for ci, c in enumerate(r['cells']):
                    if isinstance(c, tuple):
                        locs[c[1]] = ['html', ti, nh + ri, ci]
                    cells.append(f'<td>{html.escape(t.cell_text(c))}</td>')
                out.append('<tr>' + ''.join(cells) + '</tr>')
            out.append('</tbody></table>')
            for n in t.notes:
                out.append(f'<p class="note">{html.escape(n)}</p>')
            ti += 1
    out.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as fh:
        fh.write('\n'.join(out))
    return [], locs


# ============================== DOCX ==============================
def render_docx(doc, path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt
    o = doc.opts
    d = Document()
    locs = {}
    ti = 0

    def add_runs(par, segs, underline=False):
        for s in segs:
            if isinstance(s, tuple):
                r = par.add_run(doc.figs[s[1]].printed)
                if underline and doc.figs[s[1]].kind == 'amount':
                    r.underline = True
            else:
                par.add_run(s)

    und = o['html_mark'] == 'u'
    for b in doc.blocks:
        if b[0] == 'cover':
            par = d.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(par, b[1])
            for r in par.runs:
                r.bold = True
                r.font.size = Pt(18)
        elif b[0] == 'toc':
            for x in b[1]:
                d.add_paragraph(x)
        elif b[0] == 'h':
            if o['docx_headings']:
                par = d.add_heading('', level=b[1])
                add_runs(par, b[2])
            else:
                par = d.add_paragraph()
                add_runs(par, b[2])
                for r in par.runs:
                    r.bold = True
        elif b[0] == 'p':
            par = d.add_paragraph()
            add_runs(par, b[1].segs, und)
        elif b[0] == 't':
            t = b[1]
            par = d.add_paragraph()
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
            add_runs(par, t.title_segs)
            for r in par.runs:
                r.bold = True
            if t.unit_label:
                par = d.add_paragraph(t.unit_label)
                par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            ncol = max([len(h) for h in t.headers] + [len(r['cells']) for r in t.rows])
            tbl = d.add_table(rows=len(t.headers) + len(t.rows), cols=ncol)
            tbl.style = 'Table Grid'
            for i, h in enumerate(t.headers):
                cells = tbl.rows[i].cells
                for j, c in enumerate(h):
                    cells[j].text = c
            nh = len(t.headers)
            for ri, r in enumerate(t.rows):
                cells = tbl.rows[nh + ri].cells
                for ci, c in enumerate(r['cells']):
                    cells[ci].text = t.cell_text(c)
                    if isinstance(c, tuple):
                        locs[c[1]] = ['docx', ti, nh + ri, ci]
            for n in t.notes:
                d.add_paragraph(n)
            ti += 1
    d.save(path)
    normalize_zip(path)
    return [], locs


# ============================== XLSX ==============================
def xl_format(fig):
    if fig.dec == 2:
        return '#,##0.00' if fig.sep == ',' else '0.00'
    if fig.dec == 1:
        return '#,##0.0' if fig.sep == ',' else '0.0'
    return '#,##0' if fig.sep == ',' else '0'


def render_xlsx(doc, path):
    from decimal import Decimal

    from openpyxl import Workbook
    from openpyxl.utils import get_column_letter
    o = doc.opts
    wb = Workbook()
    lay = o['xlsx_layout']
    ws_text = wb.active
    ws_text.title = '说明' if lay != 'inline' else '部门公开'
    locs = {}
    state = {'row': {ws_text.title: 1}}

    def put(ws, values):
        r = state['row'].setdefault(ws.title, 1)
        for j, v in enumerate(values):
            ws.cell(row=r, column=j + 1, value=v)
        state['row'][ws.title] = r + 1
        return r

    def table_sheet(t, k):
        if lay == 'sheets':
            name = re.sub(r'[\\/*?:\[\]]', '', f'{k + 1}{t.mandatory or "表"}')[:28]
            return wb.create_sheet(name)
        if lay == 'one':
            if '报表' not in wb.sheetnames:
                wb.create_sheet('报表')
            return wb['报表']
        return ws_text

    k = 0
    for b in doc.blocks:
        if b[0] == 'cover':
            put(ws_text, [seg_text(doc, b[1])])
        elif b[0] == 'toc':
            for x in b[1]:
                put(ws_text, [x])
        elif b[0] == 'h':
            put(ws_text, [seg_text(doc, b[2])])
        elif b[0] == 'p':
            put(ws_text, [b[1].plain()])
        elif b[0] == 't':
            t = b[1]
            ws = table_sheet(t, k)
            k += 1
            put(ws, [t.title()])
            if t.unit_label:
                put(ws, [t.unit_label])
            for h in t.headers:
                put(ws, list(h))
            for r in t.rows:
                rr = state['row'].setdefault(ws.title, 1)
                for ci, c in enumerate(r['cells']):
                    cell = ws.cell(row=rr, column=ci + 1)
                    if isinstance(c, tuple):
                        fig = doc.figs[c[1]]
                        if o['xlsx_numeric'] and fig.kind == 'amount' and fig.printed:
                            cell.value = float(Decimal(fig.printed.replace(',', '')))
                            cell.number_format = xl_format(fig)
                        else:
                            cell.value = fig.printed
                        locs[c[1]] = ['xlsx', ws.title, f'{get_column_letter(ci + 1)}{rr}']
                    else:
                        cell.value = c if c != '' else None
                state['row'][ws.title] = rr + 1
            for n in t.notes:
                put(ws, [n])
            put(ws, [])
    wb.save(path)
    normalize_zip(path)
    return [], locs


# ============================== PDF ==============================
_FONT = None


def font():
    global _FONT
    if _FONT is None:
        from reportlab import rl_config
        rl_config.invariant = 1
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        _FONT = 'STSong-Light'
    return _FONT


def render_pdf(doc, path):
    from reportlab.lib import colors
    from reportlab.lib.enums import TA_CENTER, TA_RIGHT
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase.pdfmetrics import stringWidth
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    o = doc.opts
    fn = font()
    head = header_text(doc)
    foot = o['txt_footer']
    st_body = ParagraphStyle('b', fontName=fn, fontSize=10.5, leading=16, wordWrap='CJK', firstLineIndent=21)
    st_h1 = ParagraphStyle('h1', fontName=fn, fontSize=15, leading=22, wordWrap='CJK', spaceBefore=8, spaceAfter=6)
    st_h2 = ParagraphStyle('h2', fontName=fn, fontSize=12, leading=18, wordWrap='CJK', spaceBefore=6, spaceAfter=3)
    st_cover = ParagraphStyle('c', fontName=fn, fontSize=20, leading=30, alignment=TA_CENTER, spaceAfter=20)
    st_title = ParagraphStyle('t', fontName=fn, fontSize=12, leading=17, alignment=TA_CENTER, wordWrap='CJK')
    st_unit = ParagraphStyle('u', fontName=fn, fontSize=9, leading=12, alignment=TA_RIGHT)
    st_note = ParagraphStyle('n', fontName=fn, fontSize=9, leading=13, wordWrap='CJK')
    W = A4[0] - 72
    E = lambda s: html.escape(s, quote=False)
    story = []
    for b in doc.blocks:
        if b[0] == 'cover':
            story.append(Spacer(1, 120))
            story.append(Paragraph(E(seg_text(doc, b[1])), st_cover))
        elif b[0] == 'toc':
            story.append(PageBreak())
            for x in b[1]:
                story.append(Paragraph(E(x), st_h2 if x.startswith('目') else st_note))
            story.append(PageBreak())
        elif b[0] == 'h':
            story.append(Paragraph(E(seg_text(doc, b[2])), st_h1 if b[1] == 1 else st_h2))
        elif b[0] == 'p':
            story.append(Paragraph(E(b[1].plain()), st_body))
        elif b[0] == 't':
            t = b[1]
            if o['pdf_table_newpage']:
                story.append(PageBreak())
            story.append(Paragraph(E(t.title()), st_title))
            if t.unit_label:
                story.append(Paragraph(E(t.unit_label), st_unit))
            data = [list(h) for h in t.headers] + [[t.cell_text(c) for c in r['cells']] for r in t.rows]
            ncol = max(len(r) for r in data)
            data = [r + [''] * (ncol - len(r)) for r in data]
            fs = 8.0
            for _ in range(6):
                widths = []
                for j in range(ncol):
                    col = [r[j] for r in data]
                    nums = [c for c in col if is_num_cell(c)]
                    txt = [c for c in col if c and not is_num_cell(c)]
                    wn = max([stringWidth(c, fn, fs) for c in nums] + [0]) + 6
                    wt = min(max([stringWidth(c, fn, fs) for c in txt] + [0]) + 6, 9 * fs * 1.1 if nums else 14 * fs * 1.1)
                    widths.append(max(wn, wt, 3 * fs))
                if sum(widths) <= W or fs <= 5:
                    break
                fs = max(5.0, fs * W / sum(widths) * 0.98)
            cst = ParagraphStyle('cell', fontName=fn, fontSize=fs, leading=fs * 1.25, wordWrap='CJK')
            rows = []
            for r in data:
                rows.append([c if (is_num_cell(c) or c == '') else Paragraph(E(c), cst) for c in r])
            tb = Table(rows, colWidths=widths, repeatRows=len(t.headers) if o['pdf_repeat_header'] else 0)
            tb.setStyle(TableStyle([('FONTNAME', (0, 0), (-1, -1), fn), ('FONTSIZE', (0, 0), (-1, -1), fs),
                                    ('GRID', (0, 0), (-1, -1), 0.3, colors.black),
                                    ('ALIGN', (1, len(t.headers)), (-1, -1), 'RIGHT'),
                                    ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                                    ('TOPPADDING', (0, 0), (-1, -1), 1), ('BOTTOMPADDING', (0, 0), (-1, -1), 1)]))
            story.append(tb)
            for n in t.notes:
                story.append(Paragraph(E(n), st_note))
            story.append(Spacer(1, 10))

    def on_page(canv, pdoc):
        canv.saveState()
        canv.setFont(fn, 8)
        canv.drawString(36, A4[1] - 24, head)
        canv.drawCentredString(A4[0] / 2, 18, foot.format(n=pdoc.page))
        canv.restoreState()

    sd = SimpleDocTemplate(path, pagesize=A4, leftMargin=36, rightMargin=36, topMargin=40, bottomMargin=36,
                           title=seg_text(doc, doc.blocks[0][1]), author=doc.facts.dept_name)
    sd.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return [head], {}


FIXED_DATE = (2020, 1, 1, 0, 0, 0)


def normalize_zip(path):
    """Make docx/xlsx byte-identical across runs: fixed entry dates and document dates."""
    import zipfile
    with zipfile.ZipFile(path) as z:
        items = [(i, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for info, data in items:
            if info.filename == 'docProps/core.xml':
                data = re.sub(rb'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)', rb'\g<1>2020-01-01T00:00:00Z\g<3>', data)
            zi = zipfile.ZipInfo(info.filename, date_time=FIXED_DATE)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            z.writestr(zi, data)


RENDERERS = {'txt': render_txt, 'html': render_html, 'docx': render_docx, 'xlsx': render_xlsx, 'pdf': render_pdf}
