"""Table builders for gen16 (cells are strings or Figs)."""
from facts16 import name_of, parent


def tree(leaves):
    """leaves: code -> dict(t,b,p) in bai. Returns ordered [(code, level, vals)] incl. 类/款 aggregates."""
    agg = {}
    for c, v in leaves.items():
        for code in (c[:3], c[:5], c):
            a = agg.setdefault(code, dict(t=0, b=0, p=0))
            for k in 't', 'b', 'p':
                a[k] += v[k]
    return [(c, len(c), agg[c]) for c in sorted(agg)]


def tree_table(doc, title, leaves, prefix, unit, sep, layout, cols=('t', 'b', 'p'), total_key=None):
    rows, kids = [], {}
    t = dict(title=title, unit={'wan': '万元', 'yuan': '元', 'qian': '千元'}[unit], rows=rows, name=prefix)
    if layout == 'split':
        t['header'] = [['类', '款', '项', '科目名称', '合计', '基本支出', '项目支出'][:4 + len(cols)]]
    else:
        t['header'] = [['科目编码', '科目名称', '合计', '基本支出', '项目支出'][:2 + len(cols)]]
    tot = dict(t=sum(v['t'] for v in leaves.values()), b=sum(v['b'] for v in leaves.values()),
               p=sum(v['p'] for v in leaves.values()))
    lab = ['', '', '', '合计'] if layout == 'split' else ['', '合计']
    totrow = lab + [doc.amt(tot[k], f'{prefix}.ALL.{k}', unit, sep) for k in cols]
    rows.append(totrow)
    cells = {'ALL': totrow[len(lab):]}
    for code, lvl, v in tree(leaves):
        nm = name_of(code)
        if layout == 'split':
            lab = [code[:3], code[3:5] if lvl >= 5 else '', code[5:] if lvl == 7 else '', nm]
        else:
            lab = [code, ('  ' * ((lvl - 3) // 2)) + nm]
        r = lab + [doc.amt(v[k], f'{prefix}.{code}.{k}', unit, sep) for k in cols]
        rows.append(r)
        cells[code] = r[len(lab):]
        if lvl > 3:
            kids.setdefault(parent(code), []).append(code)
        else:
            kids.setdefault('ALL', []).append(code)
    for par, ch in kids.items():
        for j in range(len(cols)):
            doc.ident('sum', f'{prefix}.{par}.col{j}', [cells[par][j]] + [cells[c][j] for c in ch])
    if len(cols) == 3:
        for code, r in cells.items():
            doc.ident('sum', f'{prefix}.{code}.row', [r[0], r[1], r[2]])
    return t, cells
