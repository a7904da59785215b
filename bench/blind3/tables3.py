"""Table builders. Every amount cell is a registered figure; identities are registered alongside."""
from collections import OrderedDict
from fractions import Fraction

from doc3 import header_from_cols
from facts3 import CLASS_NAMES, ECON_CLASS, KUAN_NAMES, PERS, PUB

IND = '\u3000\u3000'


def tf(doc, key, val, title, row, blank=None):
    o = doc.o
    b = o['blank0'] if blank is None else blank
    return doc.fig(key, val, 'amt', o['tab_unit'], o['tab_dec'], o['tab_sep'], ctx=title, blank=b, row=row)


def add_table(doc, title, header, rows, ncols, note='', kind='', label_cols=1, meta=None, role='table'):
    o = doc.o
    unit_note = '单位：%s' % o['tab_unit']
    if meta is None:
        meta = doc.rng.choice(['部门名称：%s' % doc.f['dept'], '编制单位：%s' % doc.f['dept'], '']) if o['meta'] else ''
    b = dict(t='table', title=title, header=header, rows=rows, ncols=ncols, note=note, kind=kind, unit=unit_note,
             meta=meta, label_cols=label_cols, role=role)
    doc.blocks.append(b)
    return b


def fn_table(doc, title, leaves, cols, rowsum=None, total_keys=None, kind='', total_label=None, lanci=False,
             style=None, label_head=None):
    """Functional-classification table. cols: amount cols {'h','get','kp','g'} or derived
    {'h','type':'chg'|'pct'|'rate','a','b','g'}"""
    o = doc.o
    style = style or o['code_style']
    total_keys = total_keys or {}
    total_label = total_label or o['total_label']
    amt = [i for i, c in enumerate(cols) if 'get' in c]
    use = [l for l in leaves if any(cols[i]['get'](l) for i in amt)]
    tree = OrderedDict()
    for l in sorted(use, key=lambda x: x['code']):
        tree.setdefault(l['code'][:3], OrderedDict()).setdefault(l['code'][:5], []).append(l)
    nodes = [('T', 'T', None)]
    for lei, ks in tree.items():
        nodes.append(('L', lei, None))
        for kuan, ls in ks.items():
            nodes.append(('K', kuan, None))
            for l in ls:
                nodes.append(('I', l['code'], l))

    def node_leaves(n):
        t, code, l = n
        if t == 'T':
            return use
        return [x for x in use if x['code'].startswith(code)]

    # labels
    if style == 'code7':
        lh = [o['code_head'], '科目名称']
    elif style == 'lkx':
        lh = [('科目编码', ['类', '款', '项']), '科目名称']
    elif style == 'codename':
        lh = ['科目']
    else:
        lh = [label_head or doc.rng.choice(['功能分类科目', '项目', '科目名称'])]

    def labels(n):
        t, code, l = n
        if t == 'T':
            name = total_label
            if style == 'code7':
                return [name, ''], name
            if style == 'lkx':
                return ['', '', '', name], name
            return [name], name
        name = CLASS_NAMES[code] if t == 'L' else KUAN_NAMES[code] if t == 'K' else l['name']
        if style == 'code7':
            return [code, name], name
        if style == 'lkx':
            if t == 'L':
                return [code, '', '', name], name
            if t == 'K':
                return [code[:3], code[3:5], '', name], name
            return [code[:3], code[3:5], code[5:7], name], name
        if style == 'codename':
            return ['%s %s' % (code, name)], name
        ind = '' if t == 'L' else IND if t == 'K' else IND * 2
        return [ind + name], name
    nlab = len(labels(nodes[0])[0])
    header = header_from_cols(lh, cols, two_row_labels=(style == 'lkx'))
    fids = {}
    rows_by_node = {}
    for n in nodes:
        t, code, l = n
        lab, name = labels(n)
        cells = list(lab)
        vals = {}
        for i, c in enumerate(cols):
            if 'get' in c:
                v = sum(c['get'](x) for x in node_leaves(n))
                vals[i] = v
                key = total_keys.get(i) if t == 'T' else '%s:%s' % (c['kp'], code)
                if key is None and t == 'T':
                    key = '%s:T' % c['kp']
                f = tf(doc, key, v, title, name)
                fids[(code, i)] = f
                cells.append(('F', f))
            else:
                cells.append(None)
        for i, c in enumerate(cols):
            if 'get' in c:
                continue
            a, b = vals[c['a']], vals[c['b']]
            fa, fb = fids[(code, c['a'])], fids[(code, c['b'])]
            if c['type'] == 'chg':
                f = doc.fig(None, a - b, 'amt', o['tab_unit'], o['tab_dec'], o['tab_sep'], ctx=title, row=name)
                doc.ident('sum', total=fa, parts=[fb, f], where='table')
                cells[nlab + i] = ('F', f)
            elif c['type'] == 'pct':
                if b == 0:
                    cells[nlab + i] = '' if a == 0 else '-'
                else:
                    f = doc.fig(None, Fraction(a - b, b), 'pct', dec=doc.pd, ctx=title, row=name)
                    doc.ident('growth', cur=fa, prev=fb, pct=f)
                    cells[nlab + i] = ('F', f)
            elif c['type'] == 'rate':
                if b == 0:
                    cells[nlab + i] = '' if a == 0 else '-'
                else:
                    f = doc.fig(None, Fraction(a, b), 'pct', dec=doc.pd, ctx=title, row=name)
                    doc.ident('completion', pct=f, actual=fa, budget=fb)
                    cells[nlab + i] = ('F', f)
        rows_by_node[(n[0], n[1])] = cells
    # sum identities
    for i in amt:
        def ch(n):
            t, code, _ = n
            if t == 'T':
                return [x for x in nodes if x[0] == 'L']
            if t == 'L':
                return [x for x in nodes if x[0] == 'K' and x[1].startswith(code)]
            if t == 'K':
                return [x for x in nodes if x[0] == 'I' and x[1].startswith(code)]
            return []
        for n in nodes:
            kids = ch(n)
            if kids:
                doc.ident('sum', total=fids[(n[1], i)], parts=[fids[(k[1], i)] for k in kids], where='table',
                          tree=True)
    if rowsum:
        ti, parts = rowsum
        for n in nodes:
            doc.ident('sum', total=fids[(n[1], ti)], parts=[fids[(n[1], j)] for j in parts], where='table',
                      tree=True)
    body = [rows_by_node[(n[0], n[1])] for n in nodes[1:]]
    trow = rows_by_node[('T', 'T')]
    rows = ([trow] + body) if o['total_top'] else (body + [trow])
    if lanci:
        rows = [['栏次'] + [''] * (nlab - 1) + [str(k + 1) for k in range(len(cols))]] + rows
    return add_table(doc, title, header, rows, nlab + len(cols), kind=kind, label_cols=nlab)


def econ_table(doc, title, kind=''):
    """一般公共预算基本支出表 by economic classification."""
    o, f, rng = doc.o, doc.f, doc.rng
    ec = f['ec']
    layout = o['econ_layout']
    pers_items = [(c, n) for c, n in PERS if ec[c]]
    pub_items = [(c, n) for c, n in PUB if ec[c]]

    def classes(items):
        out = OrderedDict()
        for c, n in items:
            out.setdefault(c[:3], []).append((c, n))
        return out
    pc, uc = classes(pers_items), classes(pub_items)
    if layout == 'blocks':
        def block(cls, label):
            rows, fl = [], []
            for k, its in cls.items():
                v = sum(ec[c] for c, _ in its)
                kf = tf(doc, 'ecc:' + k, v, title, ECON_CLASS[k])
                rows.append([k, ECON_CLASS[k], ('F', kf)])
                parts = []
                for c, n in its:
                    ff = tf(doc, 'ec:' + c, ec[c], title, n)
                    parts.append(ff)
                    rows.append([c, IND + n if o['econ_indent'] else n, ('F', ff)])
                doc.ident('sum', total=kf, parts=parts, where='table', tree=True)
                fl.append(kf)
            return rows, fl
        lrows, lf = block(pc, '人员经费')
        rrows, rf = block(uc, '公用经费')
        n = max(len(lrows), len(rrows))
        lrows += [['', '', '']] * (n - len(lrows))
        rrows += [['', '', '']] * (n - len(rrows))
        tp = tf(doc, 'gp.pers', f['gp_pers'], title, '人员经费合计')
        tu = tf(doc, 'gp.pub', f['gp_pub'], title, '公用经费合计')
        doc.ident('sum', total=tp, parts=lf, where='table', tree=True)
        doc.ident('sum', total=tu, parts=rf, where='table', tree=True)
        rows = [a + b for a, b in zip(lrows, rrows)]
        rows.append(['', '人员经费合计', ('F', tp), '', '公用经费合计', ('F', tu)])
        if o['econ_grand']:
            tg = tf(doc, 'gp.basic', f['gp_basic'], title, '合计')
            doc.ident('sum', total=tg, parts=[tp, tu], where='table', tree=True)
            rows.append(['', '合计', ('F', tg), '', '', ''])
        header = [[('人员经费', 3, 1), ('公用经费', 3, 1)],
                  [('科目编码', 1, 1), ('科目名称', 1, 1), ('金额', 1, 1), ('科目编码', 1, 1), ('科目名称', 1, 1),
                   ('金额', 1, 1)]]
        return add_table(doc, title, header, rows, 6, kind=kind, label_cols=2)
    # tree layout with 合计 / 人员经费 / 公用经费 columns
    rows = []
    cls_f = {0: [], 1: [], 2: []}
    allcls = list(pc.items()) + list(uc.items())
    for k, its in allcls:
        isp = k in ('301', '303')
        v = sum(ec[c] for c, _ in its)
        f0 = tf(doc, 'ecc:' + k, v, title, ECON_CLASS[k])
        f1 = tf(doc, 'ecc:' + k if isp else None, v if isp else 0, title, ECON_CLASS[k])
        f2 = tf(doc, 'ecc:' + k if not isp else None, 0 if isp else v, title, ECON_CLASS[k])
        doc.ident('sum', total=f0, parts=[f1, f2], where='table', tree=True)
        rows.append([k, ECON_CLASS[k], ('F', f0), ('F', f1), ('F', f2)])
        parts = {0: [], 1: [], 2: []}
        for c, n in its:
            g0 = tf(doc, 'ec:' + c, ec[c], title, n)
            g1 = tf(doc, 'ec:' + c if isp else None, ec[c] if isp else 0, title, n)
            g2 = tf(doc, 'ec:' + c if not isp else None, 0 if isp else ec[c], title, n)
            doc.ident('sum', total=g0, parts=[g1, g2], where='table', tree=True)
            parts[0].append(g0)
            parts[1].append(g1)
            parts[2].append(g2)
            code = c if o['code_style'] != 'lkx' else '%s %s' % (c[:3], c[3:])
            rows.append([code, IND + n if o['econ_indent'] else n, ('F', g0), ('F', g1), ('F', g2)])
        for j, fx in ((0, f0), (1, f1), (2, f2)):
            doc.ident('sum', total=fx, parts=parts[j], where='table', tree=True)
            cls_f[j].append(fx)
    t0 = tf(doc, 'gp.basic', f['gp_basic'], title, '合计')
    t1 = tf(doc, 'gp.pers', f['gp_pers'], title, '合计')
    t2 = tf(doc, 'gp.pub', f['gp_pub'], title, '合计')
    for j, fx in ((0, t0), (1, t1), (2, t2)):
        doc.ident('sum', total=fx, parts=cls_f[j], where='table', tree=True)
    doc.ident('sum', total=t0, parts=[t1, t2], where='table', tree=True)
    trow = [o['total_label'], '', ('F', t0), ('F', t1), ('F', t2)]
    rows = [trow] + rows if o['total_top'] else rows + [trow]
    grp = doc.rng.random() < 0.5
    cols = [dict(h='合计'), dict(h='人员经费'), dict(h='公用经费')]
    if grp:
        for c in cols:
            c['g'] = '基本支出' if doc.dtype == 'budget' else '决算数'
    header = header_from_cols(['经济分类科目编码' if doc.rng.random() < 0.5 else '科目编码', '科目名称'], cols)
    return add_table(doc, title, header, rows, 5, kind=kind, label_cols=2)


def two_col(doc, title, left, right, lheads, rheads, lineno=False, kind=''):
    """left/right: (body, tail) lists of (label, [fid|None|str]). Tails aligned at the bottom."""
    lb, lt = left
    rb, rt = right
    nl = len(lheads) - 1
    nr = len(rheads) - 1
    n = max(len(lb), len(rb))
    lb = lb + [('', [None] * nl)] * (n - len(lb))
    rb = rb + [('', [None] * nr)] * (n - len(rb))
    m = max(len(lt), len(rt))
    lt = [('', [None] * nl)] * (m - len(lt)) + lt
    rt = [('', [None] * nr)] * (m - len(rt)) + rt
    rows = []
    li = ri = 0
    for (la, lv), (ra, rv) in zip(lb + lt, rb + rt):
        row = [la]
        if lineno:
            li += 1
            row.append(str(li) if la else '')
        row += [('F', x) if (x and x.startswith('F')) else (x or '') for x in lv]
        row.append(ra)
        if lineno:
            ri += 1
            row.append(str(ri + n + m) if ra else '')
        row += [('F', x) if (x and x.startswith('F')) else (x or '') for x in rv]
        rows.append(row)
    hl = [(lheads[0], 1, 1)] + ([('行次', 1, 1)] if lineno else []) + [(h, 1, 1) for h in lheads[1:]]
    hr = [(rheads[0], 1, 1)] + ([('行次', 1, 1)] if lineno else []) + [(h, 1, 1) for h in rheads[1:]]
    nl2 = len(hl)
    nr2 = len(hr)
    header = [[('收入', nl2, 1), ('支出', nr2, 1)], hl + hr]
    return add_table(doc, title, header, rows, nl2 + nr2, kind=kind, label_cols=1)


def empty_table(doc, title, cols_h, note, kind=''):
    o = doc.o
    header = [[(h, 1, 1) for h in cols_h]]
    rows = [[o['total_label']] + [''] * (len(cols_h) - 1)]
    if doc.rng.random() < 0.5:
        rows.append([''] * len(cols_h))
    return add_table(doc, title, header, rows, len(cols_h), note=note, kind=kind)
