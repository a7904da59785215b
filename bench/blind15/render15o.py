"""DOCX and XLSX renderings; zip entries and core properties get fixed dates so output is byte-identical."""
import datetime
import re
import zipfile

from doc15 import Doc, Fig
from render15 import body_grid, unit_line

FIXED = datetime.datetime(2026, 1, 1, 0, 0, 0)


def fix_zip(path):
    """Rewrite a zip (docx/xlsx) with fixed timestamps and fixed core.xml dates."""
    with zipfile.ZipFile(path) as z:
        items = [(i.filename, z.read(i.filename)) for i in z.infolist()]
    with zipfile.ZipFile(path, 'w', zipfile.ZIP_DEFLATED) as z:
        for name, data in items:
            if name == 'docProps/core.xml':
                s = data.decode('utf-8')
                s = re.sub(r'(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:)', r'\g<1>2026-01-01T00:00:00Z\3', s)
                data = s.encode('utf-8')
            zi = zipfile.ZipInfo(name, date_time=(2026, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = 0o600 << 16
            z.writestr(zi, data)


def render_docx(doc, path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    o = doc.opts
    d = Document()
    st = d.styles['Normal']
    st.font.name = 'Times New Roman'
    st.font.size = Pt(10.5)
    st.element.get_or_add_rPr().get_or_add_rFonts().set(qn('w:eastAsia'), '宋体')
    cp = d.core_properties
    cp.author, cp.title, cp.last_modified_by = doc.dept, doc.title, doc.dept
    cp.created = cp.modified = FIXED
    cp.revision = 1

    def bold(text, center=False, size=None):
        p = d.add_paragraph()
        r = p.add_run(text)
        r.bold = True
        if size:
            r.font.size = Pt(size)
        if center:
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        return p
    for b in doc.blocks:
        if b[0] == 'cover':
            bold(b[1][0], True, 16)
            d.add_paragraph(b[1][1]).alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif b[0] == 'toc':
            for x in b[1]:
                d.add_paragraph(x)
        elif b[0] == 'h':
            if o.get('docx_heading') == 'style':
                d.add_heading(b[2], level=min(b[1], 3))
            else:
                bold(b[2])
        elif b[0] == 'p':
            d.add_paragraph(Doc.para_text(b[1])[0])
        elif b[0] == 't':
            t = b[1]
            bold(t.title, True)
            ul = unit_line(doc, t)
            if ul:
                d.add_paragraph(ul).alignment = WD_ALIGN_PARAGRAPH.RIGHT
            grid, hspans = t.header_grid()
            rows, bspans, covered = body_grid(t)
            nh = len(grid)
            tab = d.add_table(rows=nh + len(rows), cols=t.ncols)
            tab.style = 'Table Grid'
            for r, c, cs, rs in hspans:
                if cs > 1 or rs > 1:
                    tab.cell(r, c).merge(tab.cell(r + rs - 1, c + cs - 1))
            for (r, c), (cs, rs) in bspans.items():
                if cs > 1 or rs > 1:
                    tab.cell(nh + r, c).merge(tab.cell(nh + r + rs - 1, c + cs - 1))
            for r, c, cs, rs in hspans:
                tab.cell(r, c).text = grid[r][c] or ''
            for r, row in enumerate(rows):
                for c, x in enumerate(row):
                    if (r, c) not in covered and x:
                        cell = tab.cell(nh + r, c)
                        cell.text = x
            if t.note:
                d.add_paragraph(t.note)
    d.save(path)
    fix_zip(path)


def render_xlsx(doc, path):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    o = doc.opts
    numeric = o.get('xlsx_numeric', True)
    wb = Workbook()
    wb.properties.creator = doc.dept
    wb.properties.created = wb.properties.modified = FIXED
    ws = wb.active
    ws.title = '说明'
    ws.column_dimensions['A'].width = 120
    r = 1
    n = 0
    sheets = []
    for b in doc.blocks:
        if b[0] == 'cover':
            ws.cell(r, 1, b[1][0]).font = Font(bold=True, size=14)
            ws.cell(r + 1, 1, b[1][1])
            r += 3
        elif b[0] == 'toc':
            for x in b[1]:
                ws.cell(r, 1, x)
                r += 1
            r += 1
        elif b[0] == 'h':
            ws.cell(r, 1, b[2]).font = Font(bold=True)
            r += 1
        elif b[0] == 'p':
            ws.cell(r, 1, Doc.para_text(b[1])[0]).alignment = Alignment(wrap_text=True)
            r += 1
        elif b[0] == 't' and getattr(b[1], 'plain', False):
            t = b[1]
            ws.cell(r, 1, t.title)
            r += 1
            for row in [[x for x, _, _ in t.header[0]]] + t.rows:
                ws.cell(r, 1, '    '.join(Doc.cell_text(x) for x in row))
                r += 1
        elif b[0] == 't':
            n += 1
            t = b[1]
            ws.cell(r, 1, f'（{t.title}见工作表“{n}”）')
            r += 1
            sheets.append((n, t))
    for n, t in sheets:
        sh = wb.create_sheet(str(n) + '.' + re.sub(r'[\[\]:*?/\\]', '', t.name)[:26])
        sh.cell(1, 1, t.title).font = Font(bold=True, size=12)
        sh.merge_cells(start_row=1, start_column=1, end_row=1, end_column=t.ncols)
        sh.cell(1, 1).alignment = Alignment(horizontal='center')
        sh.cell(2, 1, unit_line(doc, t) or '')
        grid, hspans = t.header_grid()
        base = 3
        for rr, c, cs, rs in hspans:
            sh.cell(base + rr, c + 1, grid[rr][c] or '')
            if cs > 1 or rs > 1:
                sh.merge_cells(start_row=base + rr, start_column=c + 1, end_row=base + rr + rs - 1, end_column=c + cs)
        base += len(grid)
        rows, bspans, covered = body_grid(t)
        for rr, row in enumerate(t.rows):
            for c, cell in enumerate(row):
                if (rr, c) in covered:
                    continue
                txt = rows[rr][c]
                x = sh.cell(base + rr, c + 1)
                if numeric and isinstance(cell, Fig) and txt not in ('', '-') and cell.kind != 'dir':
                    x.value = float(txt.replace(',', '')) if '.' in txt else int(txt.replace(',', ''))
                    dec = len(txt.split('.')[1]) if '.' in txt else 0
                    x.number_format = ('#,##0' if ',' in txt or cell.sep else '0') + ('.' + '0' * dec if dec else '')
                elif txt != '':
                    x.value = txt
        for (rr, c), (cs, rs) in bspans.items():
            if cs > 1 or rs > 1:
                sh.merge_cells(start_row=base + rr, start_column=c + 1, end_row=base + rr + rs - 1, end_column=c + cs)
        if t.note:
            sh.cell(base + len(rows) + 1, 1, t.note)
        for c in range(t.ncols):
            sh.column_dimensions[chr(65 + c) if c < 26 else 'A' + chr(65 + c - 26)].width = 30 if c < t.label_cols else 16
    wb.save(path)
    fix_zip(path)
