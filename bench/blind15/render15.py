"""Text and HTML renderings of a gen15 document."""
import html as H

from doc15 import Doc


def body_grid(t):
    """Body rows as strings; covered cells (None) -> ''. Returns (rows, span map origin->(cs, rs), covered set)."""
    spans = {(r, c): (cs, rs) for r, c, cs, rs in t.spans}
    covered = set()
    for (r, c), (cs, rs) in spans.items():
        for rr in range(r, r + rs):
            for cc in range(c, c + cs):
                if (rr, cc) != (r, c):
                    covered.add((rr, cc))
    rows = [[Doc.cell_text(x) for x in row] for row in t.rows]
    return rows, spans, covered


def unit_line(doc, t):
    if getattr(t, 'plain', False):
        return ''
    u = t.unit or '万元'
    style = doc.opts.get('unit_style', 0)
    if style == 0:
        return f'单位：{u}'
    return f'编制单位：{doc.dept}　　金额单位：{u}'


def table_lines(doc, t, style):
    out = [t.title]
    ul = unit_line(doc, t)
    if ul:
        out.append(ul)
    grid, _ = t.header_grid()
    hdr = [[x or '' for x in r] for r in grid]
    rows, _, _ = body_grid(t)
    allrows = hdr + rows
    if style == 'tsv':
        out += ['\t'.join(r) for r in allrows]
    elif style == 'pipe':
        out += ['| ' + ' | '.join(r) + ' |' for r in allrows]
    else:   # one cell per line, blank line between rows
        for r in allrows:
            out += [x for x in r if x != ''] + ['']
    if t.note:
        out.append(t.note)
    return out


def render_txt(doc):
    o = doc.opts
    style = o.get('txt_table', 'tsv')
    ind = o.get('txt_indent', '')
    lines = []
    for b in doc.blocks:
        if b[0] == 'cover':
            lines += b[1] + ['']
        elif b[0] == 'toc':
            lines += b[1] + ['']
        elif b[0] == 'h':
            lines.append(b[2])
        elif b[0] == 'p':
            lines.append(ind + Doc.para_text(b[1])[0])
        elif b[0] == 't':
            lines += [''] + table_lines(doc, b[1], style) + ['']
    return '\n'.join(lines) + '\n'


CSS = ('body{font-family:SimSun,serif;font-size:14px}.wrap{width:1000px;margin:0 auto}'
       'table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #333;padding:2px 4px;font-size:12px}'
       '.num{text-align:right}.tt{text-align:center;font-weight:bold}.info{color:#666}')


def td(text, tag='td', cs=1, rs=1, num=False):
    a = ''
    if cs > 1:
        a += f' colspan="{cs}"'
    if rs > 1:
        a += f' rowspan="{rs}"'
    if num:
        a += ' class="num"'
    body = H.escape(text) if text != '' else '&nbsp;'
    return f'<{tag}{a}>{body}</{tag}>'


def table_html(doc, t):
    o = doc.opts
    out = []
    cap = o.get('html_caption', True)
    out.append('<table border="1" cellspacing="0" cellpadding="0">')
    if cap:
        out.append(f'<caption>{H.escape(t.title)}</caption>')
    else:
        out.insert(0, f'<p class="tt">{H.escape(t.title)}</p>')
    ul = unit_line(doc, t)
    if ul:
        out.insert(0 if cap else 1, f'<p style="text-align:right">{H.escape(ul)}</p>')
    if t.header:
        out.append('<thead>')
        for row in t.header:
            out.append('<tr>' + ''.join(td(x, 'th', cs, rs) for x, cs, rs in row) + '</tr>')
        out.append('</thead>')
    out.append('<tbody>')
    rows, spans, covered = body_grid(t)
    for r, row in enumerate(rows):
        cells = []
        for c, x in enumerate(row):
            if (r, c) in covered:
                continue
            cs, rs = spans.get((r, c), (1, 1))
            num = isinstance(t.rows[r][c], (list,)) or bool(Doc.cell_figs(t.rows[r][c]))
            cells.append(td(x, 'td', cs, rs, num))
        out.append('<tr>' + ''.join(cells) + '</tr>')
    out.append('</tbody></table>')
    if t.note:
        out.append(f'<p>{H.escape(t.note)}</p>')
    return '\n'.join(out)


def render_html(doc, site, date):
    o = doc.opts
    parts = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
             f'<title>{H.escape(doc.title)}</title><style>{CSS}</style></head><body>',
             f'<div class="top">{H.escape(site)}　|　<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; '
             f'<a href="#">财政预决算</a></div>', '<div class="wrap">']
    hstyle = o.get('html_heading', 'h')
    for b in doc.blocks:
        if b[0] == 'cover':
            parts.append(f'<h1 style="text-align:center">{H.escape(b[1][0])}</h1>')
            parts.append(f'<p class="info">发布时间：{date}&nbsp;&nbsp;来源：{H.escape(doc.dept)}&nbsp;&nbsp;'
                         f'浏览次数：{o.get("views", 100)}</p>')
            parts.append(f'<p style="text-align:center">{H.escape(b[1][1])}</p>')
        elif b[0] == 'toc':
            parts.append('<div class="toc">' + ''.join(f'<p>{H.escape(x)}</p>' for x in b[1]) + '</div>')
        elif b[0] == 'h':
            lv = b[1]
            if hstyle == 'h':
                parts.append(f'<h{lv + 1}>{H.escape(b[2])}</h{lv + 1}>')
            else:
                parts.append(f'<p><strong>{H.escape(b[2])}</strong></p>')
        elif b[0] == 'p':
            txt = Doc.para_text(b[1])[0]
            parts.append(f'<p style="text-indent:2em">{H.escape(txt)}</p>')
        elif b[0] == 't':
            parts.append(table_html(doc, b[1]))
    parts.append('</div><div class="foot">主办单位：' + H.escape(site) + '</div></body></html>')
    return '\n'.join(parts) + '\n'
