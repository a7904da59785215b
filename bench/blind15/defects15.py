"""Plant exactly one defect in a built document; every numeric defect is checked to lie outside rounding."""
import copy
import re
from fractions import Fraction as F

from doc15 import SCALE, Doc, Mark, fmt_num
from ia15 import violations

CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction', 'breakdown',
           'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue', 'missing-part', 'zero-base',
           'doc-type']
NUMERIC = set(CLASSES) - {'template-residue', 'missing-part', 'doc-type'}


# ---------------------------------------------------------------- helpers
def set_amt(f, fen):
    v = F(fen) / SCALE[f.unit]
    f.text = fmt_num(v, f.dec, f.sep)


def set_val(f, v):
    f.text = fmt_num(v, f.dec, getattr(f, 'sep', False)) if f.kind not in ('cnt', 'year') else str(int(v))


def delta(rng, fen, up=None):
    mag = max(abs(int(fen)) * rng.uniform(0.04, 0.3), rng.randint(30000, 400000))
    mag = int(mag) // 100 * 100 + rng.randint(1, 99)
    if up is None:
        up = fen < mag * 1.6 or rng.random() < 0.55
    return mag if up else -mag


def loc_table(doc, f):
    if not f.loc.startswith('table:'):
        return None
    tid = int(f.loc.split(':')[1])
    for t in doc.tables:
        if t.tid == tid:
            return t
    return None


def cell_of(doc, f):
    t = loc_table(doc, f)
    if t is None:
        return None, None, None
    for r, row in enumerate(t.rows):
        for c, cell in enumerate(row):
            if f in Doc.cell_figs(cell):
                return t, r, c
    return t, None, None


def row_label(t, r, c=None):
    """The row's name: the last non-numeric label cell (of the cell's block), without a leading code."""
    if r is None:
        return ''
    row = t.rows[r]
    cells = row[:max(1, t.label_cols)]
    if t.blocks and c is not None:
        for a, b in t.blocks:
            if a <= c < b:
                cells = row[a:c]
    labs = [x for x in cells if isinstance(x, str) and x.strip() and not x.strip().isdigit()]
    if not labs:
        return ''
    lab = labs[-1].strip('\u3000 ')
    m = re.match(r'^\d+[ -]?(.*)$', lab)
    return m.group(1) if m and m.group(1) else lab


def para_of(doc, f):
    for b in doc.blocks:
        if b[0] == 'p':
            txt, pos = Doc.para_text(b[1])
            if f.id in pos:
                return txt, pos[f.id][0]
    return None, None


UNITS = ('万元', '元', '%', '个', '辆', '人次', '人', '分', '批次', '台（套）')


def where_of(doc, f):
    t, r, c = cell_of(doc, f)
    if t is not None and r is not None:
        w = Doc.cell_text(t.rows[r][c])
        return w, t.title, row_label(t, r, c)
    txt, span = para_of(doc, f)
    if txt is None:
        return f.text, None, None
    s, e = span
    B = '，。；：、'
    lb = max(txt.rfind(ch, 0, s) for ch in B) + 1
    if f.kind == 'pct' and s - lb < 8 and lb > 0:
        lb2 = max(txt.rfind(ch, 0, lb - 1) for ch in B) + 1
        if s - lb2 <= 24:
            lb = lb2
    lb1 = max(txt.rfind(ch, 0, s) for ch in B) + 1
    start = lb if s - lb <= (24 if lb != lb1 else 16) else s - 10
    while start < s and (txt[start].isdigit() or txt[start] in '.,' + B):
        start += 1
    if txt[start] in '万元）)%':
        start = lb1
    for u in UNITS:
        if txt.startswith(u, e):
            e += len(u)
            break
    if e - start < 4:
        start = max(0, e - 6)
    return txt[start:e], None, None


def text_figs(doc, kind='amt'):
    return [f for f in doc.figs if f.loc == 'text' and f.kind == kind]


def pick(rng, weighted):
    weighted = [(x, w) for x, w in weighted if w > 0]
    if not weighted:
        return None
    tot = sum(w for _, w in weighted)
    r = rng.uniform(0, tot)
    for x, w in weighted:
        r -= w
        if r <= 0:
            return x
    return weighted[-1][0]


def idents(doc, t):
    return [i for i in doc.idents if i['t'] == t]


def mk(cls, figs, note, where=None, alt=(), expected=None, stated=None, table=None, row=None, kind=None):
    return dict(cls=cls, fids=[f.id for f in figs], note=note, where=where, alt=list(alt), expected=expected,
                stated=stated, table=table, row=row, kind=kind)


# ---------------------------------------------------------------- handlers
def h_table_total(doc, rng):
    zb = doc.T['zb'][1]
    right = [fs[0] for (side, lab), fs in zb.items() if side == 1 and lab in ('本年支出合计', '年末结转和结余', '总计',
                                                                              '支出总计', '结转下年')]
    cands = [(doc.figs[i['total']], 1) for i in idents(doc, 'sum')
             if doc.figs[i['total']].loc.startswith('table') and doc.figs[i['total']].kind == 'amt'
             and doc.figs[i['total']].exact > 0 and not loc_table(doc, doc.figs[i['total']]).form]
    right = [f for f in right if f.exact > 0]
    f = rng.choice(right) if right and rng.random() < 0.5 else pick(rng, cands)
    old = f.text
    set_amt(f, f.exact + delta(rng, f.exact))
    w, tt, rl = where_of(doc, f)
    return mk('table-total', [f], f'{rl}的金额与其组成部分之和不符（{tt}）', w, [rl] if len(rl) >= 4 else [], old, f.text,
              tt, rl, kind='sum')


def h_cross_table(doc, rng):
    opts = [doc.T['zc'], doc.T['sr']]
    if doc.opts['gpb_layout'] in ('bp', 'iad'):
        opts.append(doc.T['gpb'])
    t = rng.choice([x for x in opts if x in doc.tables and getattr(x, 'nodes', None)])
    leaves = [c for c in t.nodes if len(c) == 7]
    code = rng.choice(leaves)
    vals = t.nodes[code]
    main = 2 if doc.opts['gpb_layout'] == 'iad' and t is doc.T['gpb'] else 0
    comp = None
    if main == 0 and len(vals) > 1:
        comp = [ci for ci in (1, 2) if isinstance(vals[ci], type(vals[0])) and vals[ci].exact > 0]
        comp = comp[0] if comp else None
        if comp is None:
            return None
    d = delta(rng, vals[main].exact)
    if vals[main].exact + d <= 0:
        d = -d
    chain = [t.nodes[code], t.nodes[code[:5]], t.nodes[code[:3]], t.total_vals]
    changed = []
    for row in chain:
        for ci in ([main] + ([comp] if comp is not None else [])):
            set_amt(row[ci], row[ci].exact + d)
            changed.append(row[ci])
    tot = t.total_vals[main]
    w, tt, rl = where_of(doc, tot)
    lw, _, ll = where_of(doc, t.nodes[code][main])
    return mk('cross-table', changed, f'{tt}中“{ll}”及其上级科目和合计同时改动，表内自洽但与其他表和文字不一致', w, [lw],
              tot.orig, tot.text, tt, rl, kind='key')


def h_blank_total(doc, rng):
    zb = doc.T['zb'][1]
    cands = []
    for (side, lab), fs in zb.items():
        if lab in ('本年收入合计', '本年支出合计') and fs[0].exact > 0:
            cands.append(((fs[0], lab, lab), 3))
    for key in ('zc', 'sr', 'gpb'):
        t = doc.T[key]
        if t in doc.tables:
            cands.append(((t.total_vals[0], t.title, '合计'), 2))
    t = doc.T['sg']
    kp = 'sg.f.' if doc.doc_type == 'final' else 'sg.b.'
    if t in doc.tables and t.figs[(kp, 'total')].exact > 0:
        cands.append(((t.figs[(kp, 'total')], t.title, '合计'), 1))
    f, where, rl = pick(rng, cands)
    t_, r_, c_ = cell_of(doc, f)
    rl = row_label(t_, r_, c_) or rl
    old = f.text
    f.text = ''
    tt = loc_table(doc, f).title
    alt = [tt] if where != tt else []
    return mk('blank-total', [f], f'{tt}的{rl}金额为空', where, alt, old, '', tt, rl, kind='sum')


def h_text_vs_table(doc, rng):
    tkeys = {f.key for f in doc.figs if f.loc.startswith('table')}
    cands = []
    for f in text_figs(doc):
        if f.key in tkeys and f.exact > 0:
            w = 4 if (f.key.startswith('prj.') or (f.key.startswith('gpb.') and len(f.key.split('.')[1]) == 7)) else 1
            cands.append((f, w))
    f = pick(rng, cands)
    old = f.text
    set_amt(f, f.exact + delta(rng, f.exact))
    w, _, _ = where_of(doc, f)
    return mk('text-vs-table', [f], f'文字中的金额{f.text}与表中的{old}不一致', w, [], old, f.text, kind='key')


def h_share(doc, rng):
    cands = []
    for i in idents(doc, 'ratio'):
        p = doc.figs[i['pct']]
        if p.loc != 'text' or doc.figs[i['den']].exact == 0:
            continue
        comp = p.key.startswith('c.') or p.key.endswith('.rate')
        cands.append(((i, comp), 6 if comp else 1))
    i, comp = pick(rng, cands)
    p = doc.figs[i['pct']]
    v = p.exact
    off = max(abs(v) * F(rng.randint(8, 35), 100), F(rng.randint(3, 12)))
    nv = v + off if (v < 5 or rng.random() < 0.5) else v - off
    set_val(p, nv)
    w, _, _ = where_of(doc, p)
    what = '完成率（决算数/年初预算数）' if comp else '占比'
    return mk('share', [p], f'{what}{p.text}%与所引金额不符', w, [], p.orig, p.text, kind='ratio')


def h_growth(doc, rng):
    cands = [i for i in idents(doc, 'growth') if i['pct'] is not None]
    i = rng.choice(cands)
    p, cur = doc.figs[i['pct']], doc.figs[i['cur']]
    chg = doc.figs[i['chg']].exact
    nv = F(chg * 100, cur.exact) if cur.exact else None
    note = '增长率按本年数作分母计算'
    if nv is None or abs(nv - p.exact) < 3 or rng.random() < 0.4:
        others = [doc.figs[j['pct']].exact for j in cands if j is not i and abs(doc.figs[j['pct']].exact - p.exact) > 5]
        if others and rng.random() < 0.5:
            nv, note = rng.choice(others), '增长率照抄了其他项目的比率'
        else:
            nv, note = p.exact * F(rng.randint(130, 260), 100) + 2, '增长率与增减额和上年数不符'
    set_val(p, nv)
    w, _, _ = where_of(doc, p)
    return mk('growth', [p], note, w, [], p.orig, p.text, kind='growth')


FLIP = {'增加': '减少', '减少': '增加', '增长': '下降', '下降': '增长'}


def h_direction(doc, rng):
    cands = [(i, 3 if i['prev'] is not None else 1) for i in idents(doc, 'growth') if i['pct'] is not None]
    i = pick(rng, cands)
    ws = [doc.figs[j] for j in i['dirs']]
    for w in ws:
        w.text = FLIP[w.text]
    ch = doc.figs[i['chg']]
    txt, span = para_of(doc, ch)
    s = span[0]
    where = txt[s - len(ws[0].text):span[1] + len(doc.figs[i['chg']].unit)]
    return mk('direction', ws, f'增减方向与数字不符：写作“{ws[0].text}”', where, [], ws[0].orig, ws[0].text, kind='growth')


def h_breakdown(doc, rng):
    cands = []
    for i in idents(doc, 'sum'):
        tf = doc.figs[i['total']]
        if tf.loc == 'text' and tf.key in ('eco.person', 'eco.public', 'pc.total') and len(i['parts']) >= 2:
            cands.append((i, 1))
    i = pick(rng, cands)
    if i is None:
        return None
    parts = [doc.figs[j] for j in i['parts'] if doc.figs[j].exact > 0]
    f = rng.choice(parts)
    old = f.text
    set_amt(f, f.exact + abs(delta(rng, f.exact)))
    w, _, _ = where_of(doc, f)
    return mk('breakdown', [f], f'明细项目之和大于{doc.figs[i["total"]].text}{doc.figs[i["total"]].unit}', w, [], old, f.text,
              kind='sum')


def h_sangong(doc, rng):
    cands = [i for i in idents(doc, 'sum') if doc.figs[i['total']].key in ('sg.f.total', 'sg.b.total')
             and doc.figs[i['total']].exact > 0]
    i = rng.choice(cands)
    f = doc.figs[i['total']] if rng.random() < 0.6 else rng.choice([doc.figs[j] for j in i['parts']])
    old = f.text
    set_amt(f, f.exact + abs(delta(rng, max(f.exact, 50000))) * rng.choice([1, 1, -1 if f.exact > 200000 else 1]))
    w, tt, rl = where_of(doc, f)
    return mk('sangong-sum', [f], '“三公”经费合计与因公出国（境）费、公务用车购置及运行维护费、公务接待费之和不符', w, [], old, f.text,
              tt, rl, kind='sum')


def _perf_shift(doc, rng, figs_rates, adj_figs, note):
    d = delta(rng, figs_rates[0][0].exact)
    changed = []
    for ex, rt, ad in zip([x for x, _ in figs_rates], [r for _, r in figs_rates], adj_figs):
        set_amt(ex, ex.exact + d)
        changed.append(ex)
        if rt is not None:
            set_val(rt, F((ex.exact + d) * 100, ad.exact))
            changed.append(rt)
    return changed, note


def h_perf(doc, rng):
    perf = [t for t in doc.perf if t in doc.tables]
    if doc.doc_type == 'budget':
        t = rng.choice(perf)
        if hasattr(t, 'target_figs'):
            tf = t.target_figs
            d = delta(rng, tf['prj'].exact)
            for k in ('tot', 'fin', 'prj'):
                set_amt(tf[k], tf[k].exact + d)
            f = tf['tot']
            w, tt, rl = where_of(doc, f)
            return mk('perf-table', [tf['tot'], tf['fin'], tf['prj']], '整体绩效目标表的预算总额、项目支出与预算表不一致', w,
                      [where_of(doc, tf['prj'])[0]], f.orig, f.text, tt, rl, kind='key')
        tot = t.total_figs
        d = delta(rng, tot[0].exact)
        for x in tot[:2]:
            set_amt(x, x.exact + d)
        w, tt, rl = where_of(doc, tot[0])
        return mk('perf-table', tot[:2], '项目绩效目标表资金合计与一般公共预算项目支出不一致', w, [], tot[0].orig, tot[0].text,
                  tt, rl, kind='key')
    v = pick(rng, [('whole', 4), ('proj', 4), ('rate', 2), ('total', 1)])
    whole = [t for t in perf if hasattr(t, 'exec_figs')][0]
    projs = [t for t in perf if hasattr(t, 'exec_fig')]
    if v == 'whole':
        ex, rt, ad = whole.exec_figs, whole.rate_figs, whole.adj_figs
        ch, note = _perf_shift(doc, rng, [(ex[0], rt[0]), (ex[2], rt[2])], [ad[0], ad[2]],
                               '部门整体支出绩效自评表的全年执行数与决算表本年支出合计、项目支出不一致')
        f = ex[0]
        w, tt, rl = where_of(doc, f)
        return mk('perf-table', ch, note, w, [where_of(doc, ex[2])[0]], f.orig, f.text, tt, rl, kind='key')
    if not projs:
        return None
    t = rng.choice(projs)
    rows = t.rows
    if v == 'proj':
        ex = [rows[3][4], rows[4][4]]
        rt = [rows[3][6][0], rows[4][6][0]]
        ad = [rows[3][3], rows[4][3]]
        ch, note = _perf_shift(doc, rng, list(zip(ex, rt)), ad, '项目支出绩效自评表的全年执行数与文字及决算数不一致')
        w, tt, rl = where_of(doc, ex[0])
        return mk('perf-table', ch, note, w, [], ex[0].orig, ex[0].text, tt, rl, kind='key')
    if v == 'rate':
        rt = rows[3][6][0]
        nv = rt.exact - rng.randint(8, 30) if rt.exact > 40 else rt.exact + 20
        set_val(rt, nv)
        w, tt, rl = where_of(doc, rt)
        return mk('perf-table', [rt], '执行率不等于全年执行数/全年预算数', w, [], rt.orig, rt.text, tt, rl, kind='ratio')
    tf = t.total_fig
    set_val(tf, tf.exact + rng.choice([-1, 1]) * rng.randint(3, 9) + F(rng.randint(0, 99), 100))
    if tf.exact > 100 - 9:
        set_val(tf, tf.exact - rng.randint(3, 9))
    w, tt, rl = where_of(doc, tf)
    return mk('perf-table', [tf], '总分不等于各项得分之和', w, [], tf.orig, tf.text, tt, rl, kind='sum')


def h_count(doc, rng):
    cands = []
    for i in idents(doc, 'sum'):
        tf = doc.figs[i['total']]
        if tf.kind == 'cnt' and tf.key in ('veh.total', 'staff.bz', 'staff.real', 'units.total', 'staff.retired'):
            cands.append((i, 3 if tf.key == 'veh.total' else 1))
    i = pick(rng, cands)
    tf = doc.figs[i['total']]
    f = rng.choice([doc.figs[j] for j in i['parts']])
    old = f.text
    set_val(f, int(tf.exact) + rng.randint(5, 12))
    w, _, _ = where_of(doc, f)
    return mk('count', [f], f'“其中”数{f.text}大于总数{tf.text}', w, [], old, f.text, kind='sum')


def h_year(doc, rng):
    cands = [i for i in idents(doc, 'year')]
    i = rng.choice(cands)
    f = doc.figs[i['fig']]
    Y = doc.year
    nv = rng.choice([Y, Y - 2])
    f.text = str(nv)
    txt, (s, e) = para_of(doc, f)
    where = txt[max(0, s - 1):e + (3 if txt.startswith('年预算', e) else 2)]
    return mk('comparison-year', [f], f'比较年份应为{Y - 1}年', where, [], str(Y - 1), str(nv), kind='year')


def h_residue(doc, rng):
    if rng.random() < 0.5:
        ws = [f for f in doc.figs if f.kind == 'dir' and f.text in ('增加', '减少', '增长', '下降')]
        w = rng.choice(ws)
        new = {'增加': rng.choice(['增加（减少）', '增加/减少']), '减少': '减少（增加）', '增长': '增长（下降）',
               '下降': '下降（增长）'}[w.text]
        w.text = new
        return mk('template-residue', [w], '模板用语未替换', new, [], w.orig, new, kind='residue')
    marks = []
    for b in doc.blocks:
        if b[0] == 'p':
            for j, s in enumerate(b[1]):
                if isinstance(s, Mark) and s.hook.get('kind') == 'reason' and j + 1 < len(b[1]):
                    marks.append((b, j))
    b, j = rng.choice(marks)
    del b[1][j + 1]
    if b[1][j + 1:j + 2] != ['。']:
        b[1].insert(j + 1, '。')
    where = '主要原因是。'
    return mk('template-residue', [], '原因说明为空，只留下“主要原因是。”', where, [], None, where, kind='residue')


def h_missing(doc, rng):
    cands = [t for t in doc.std if not t.empty]
    t = rng.choice(cands)
    doc.blocks = [b for b in doc.blocks if not (b[0] == 't' and b[1] is t)]
    doc.tables.remove(t)
    return mk('missing-part', [], f'目录列出的《{t.name}》未公开', t.name, [], t.name, '', t.name, kind='missing')


def h_zero(doc, rng):
    marks = []
    for b in doc.blocks:
        if b[0] == 'p':
            for j, s in enumerate(b[1]):
                if isinstance(s, Mark) and s.hook.get('kind') in ('zero_budget', 'zero_budget_sg', 'growth0'):
                    w = 3 if s.hook['kind'] == 'zero_budget' else 2 if s.hook['kind'] == 'growth0' else 1
                    marks.append(((b, j), w))
    b, j = pick(rng, marks)
    m = b[1][j]
    k = m.hook['kind']
    pd = doc.opts['pdec']
    if k == 'zero_budget':
        p = doc.fig(f'zero.{len(doc.figs)}', 'pct', 100, '%', pd)
        doc.ident('ratio', pct=p, num=m.hook['num'], den=m.hook['den'], f=100)
        b[1][j:j] = ['完成年初预算的', p, '%。']
        note = '年初预算为0，仍写“完成年初预算的100%”'
    elif k == 'zero_budget_sg':
        p = doc.fig(f'zero.{len(doc.figs)}', 'pct', 0, '%', pd)
        doc.ident('ratio', pct=p, num=m.hook['num'], den=m.hook['den'], f=100)
        b[1][j:j + 1] = ['，完成预算的', p, '%']
        note = '预算数为0，仍写“完成预算的0%”'
    else:
        idn = m.hook['ident']
        w2 = doc.word(m.hook['key'] + '.w2', '增长', 1)
        p = doc.fig(f'zero.{len(doc.figs)}', 'pct', 100, '%', pd)
        idn['pct'], idn['dirs'] = p.id, idn['dirs'] + [w2.id]
        b[1][j:j + 1] = ['，', w2, p, '%']
        note = '上年数为0，仍写“增长100%”'
    lead = {'zero_budget': '完成年初预算的', 'zero_budget_sg': '完成预算的', 'growth0': '增长'}[k]
    return mk('zero-base', [p], note, lead + p.text + '%', [], None, p.text, kind='zero')


def h_doctype(doc, rng):
    final = doc.doc_type == 'final'
    if rng.random() < 0.5:
        t = rng.choice([x for x in doc.std if x in doc.tables])
        old = t.title
        if final:
            i = old.rfind('决算')
            new = old[:i] + '预算' + old[i + 2:]
        else:
            new = old[:-1] + '决算表' if not old.endswith('总表') else old[:-2] + '决算总表'
        t.title = new
        return mk('doc-type', [], '表名用错了文件类别', new, [], old, new, t.title, kind='doctype')
    hs = [b for b in doc.blocks if b[0] == 'h' and (('部门决算情况说明' in b[2]) if final else ('预算情况说明' in b[2]))]
    b = rng.choice(hs)
    old = b[2]
    b[2] = old.replace('决算情况说明', '预算情况说明') if final else old.replace('预算情况说明', '决算情况说明')
    return mk('doc-type', [], '标题用错了文件类别', b[2], [], old, b[2], kind='doctype')


HANDLERS = {'table-total': h_table_total, 'cross-table': h_cross_table, 'blank-total': h_blank_total,
            'text-vs-table': h_text_vs_table, 'share': h_share, 'growth': h_growth, 'direction': h_direction,
            'breakdown': h_breakdown, 'sangong-sum': h_sangong, 'perf-table': h_perf, 'count': h_count,
            'comparison-year': h_year, 'template-residue': h_residue, 'missing-part': h_missing, 'zero-base': h_zero,
            'doc-type': h_doctype}


# ---------------------------------------------------------------- driver
def snapshot(doc):
    return dict(texts=[f.text for f in doc.figs], n=len(doc.figs), idents=copy.deepcopy(doc.idents),
                blocks=[list(b) if b[0] != 'p' else ['p', list(b[1])] for b in doc.blocks], tables=list(doc.tables),
                titles=[(t, t.title) for t in doc.tables])


def restore(doc, s):
    del doc.figs[s['n']:]
    for f, t in zip(doc.figs, s['texts']):
        f.text = t
    doc.idents = s['idents']
    doc.blocks = s['blocks']
    doc.tables = s['tables']
    for t, ti in s['titles']:
        t.title = ti


def check(doc, d):
    """The planted defect must break an identity even with every interval widened by 2 units of its last digit,
    and every identity broken at face value must involve a planted figure."""
    if d['cls'] not in NUMERIC:
        return not violations(doc, 0)
    fids = set(d['fids'])
    v0 = violations(doc, 0)
    if not v0 or any(not (fids & set(ids)) for _, ids in v0):
        return False
    v2 = [t for t, ids in violations(doc, 2) if fids & set(ids)]
    want = {'sum': lambda t: t == 'sum', 'key': lambda t: t.startswith('key:'), 'ratio': lambda t: t == 'ratio',
            'growth': lambda t: t == 'growth', 'year': lambda t: t == 'year', 'zero': lambda t: t in ('ratio', 'growth')}
    return any(want[d['kind']](t) for t in v2)


def plant(doc, rng, cls, tries=40):
    for _ in range(tries):
        s = snapshot(doc)
        try:
            d = HANDLERS[cls](doc, rng)
        except (IndexError, TypeError, KeyError, ValueError, AttributeError):
            d = None
        short_num = d and re.fullmatch(r'[\d,.%]+', d['where'] or '') and len(d['where']) < 6
        if d and d['where'] and not short_num and len(d['where'].replace(' ', '')) >= 4 and check(doc, d):
            for a in list(d['alt']):
                if len(a) < 4 or (re.fullmatch(r'[\d,.%]+', a) and len(a) < 6):
                    d['alt'].remove(a)
            return d
        restore(doc, s)
    return None
