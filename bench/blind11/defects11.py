"""gen11 defects: plant exactly one wrong printed figure (or direction word) and describe it for the
manifest.  A plant is kept only if it breaks an identity even after every interval is widened by two
units of its last digit, and if every broken identity involves the planted figure."""
from fractions import Fraction as Fr

from facts11 import fmt_fr, FEN_PER
from render11 import seg_text
from text11 import dir_word
import verify11

CLASSES = ['table-total', 'child-row', 'text-vs-table', 'growth', 'pp-change', 'share', 'direction',
           'side-total', 'sangong-text', 'continued-total']
DELIMS = '，。；：'


def internal(doc):
    return dict(figures=doc.figs, identities=doc.ids)


def find_block(doc, fid):
    for b in doc.blocks:
        if b['type'] == 'p':
            for s in b['segs']:
                if not isinstance(s, str) and s[1] == fid:
                    return b
    return None


def clause(doc, fid, slot=None, left=0):
    """the clause of the rendered sentence holding the figure (or the direction word)"""
    b = find_block(doc, fid)
    pos = 0
    start = end = None
    for s in b['segs']:
        piece = seg_text(doc, [s])
        if not isinstance(s, str) and s[1] == fid and (slot is None or s[0] != 'd' or s[2] == slot):
            start, end = pos, pos + len(piece)
            if s[0] == 'f':
                break
            break
        pos += len(piece)
    txt = seg_text(doc, b['segs'])
    a = start
    while a > 0 and txt[a - 1] not in DELIMS:
        a -= 1
    for _ in range(left):
        if a > 1:
            a -= 1
            while a > 0 and txt[a - 1] not in DELIMS:
                a -= 1
    z = end
    while z < len(txt) and txt[z] not in DELIMS:
        z += 1
    w = txt[a:z]
    if len(w) < 6 and z < len(txt):
        z2 = z + 1
        while z2 < len(txt) and txt[z2] not in DELIMS:
            z2 += 1
        w = txt[a:z2]
    return w


def set_amount(f, fen):
    f['printed'] = fmt_fr(Fr(fen, FEN_PER[f['unit']]), f['dec'], f.get('thousands', False))


def accept(doc, fid):
    data = internal(doc)
    v = verify11.violated(data)
    vw = verify11.violated(data, widen=2)
    if not v or not vw:
        return False
    return all(fid in verify11.members(d) for d in v)


def try_amount(doc, rng, fid, deltas_wan=None, target=None):
    f = doc.figs[fid]
    old = f['printed']
    cands = [target] if target is not None else []
    for _ in range(12):
        dw = rng.choice(deltas_wan or [0.5, 0.8, 1.2, 2.4, 3.6, 5, 9, 12.5, 18, 27])
        sgn = rng.choice([1, -1])
        fen = f['fen'] + sgn * int(dw * 1000000)
        if fen > 0:
            cands.append(fen)
    for fen in cands:
        if fen is None or fen <= 0 or abs(fen - f['fen']) < 60000:
            continue
        set_amount(f, fen)
        if f['printed'] != old and accept(doc, fid):
            return old
        f['printed'] = old
    return None


def try_pct(doc, rng, fid, candidates):
    f = doc.figs[fid]
    old = f['printed']
    true = Fr(*f['value'])
    for v in candidates:
        if abs(abs(v) - abs(true)) < Fr(1, 2):
            continue
        f['printed'] = fmt_fr(abs(v) if not f.get('signed') else v, f['dec'])
        if f['printed'] != old and accept(doc, fid):
            return old
        f['printed'] = old
    return None


def text_figs(doc, pred):
    out = []
    for b in doc.blocks:
        if b['type'] == 'p':
            for s in b['segs']:
                if not isinstance(s, str) and s[0] == 'f' and pred(doc.figs[s[1]]):
                    out.append(s[1])
    return out


def table_where(doc, fid):
    f = doc.figs[fid]
    return f['printed'], [f['row']], f['table'], f['row']


def plant(doc, cls, rng):
    """returns (defect dict, fid) or None"""
    F = doc.figs
    if cls in ('table-total', 'child-row', 'side-total', 'continued-total'):
        if cls == 'table-total':
            tid = rng.choice(['T2', 'T3', 'T4'])
            t = doc.tables[tid]
            fids = [c['f'] for r in t.rows if r['label'] == '合计' for c in r['cells'] if 'f' in c][:1]
        elif cls == 'child-row':
            tid = rng.choice(['T2', 'T3'])
            t = doc.tables[tid]
            fids = [r['cells'][2]['f'] for r in t.rows if r['cells'] and r['cells'][0].get('t', '').isdigit()
                    and len(r['cells'][0]['t']) == 7]
            rng.shuffle(fids)
        elif cls == 'side-total':
            t = doc.tables['T1']
            r = [r for r in t.rows if r['label'] == '收入总计'][0]
            fids = [rng.choice([r['cells'][1]['f'], r['cells'][3]['f']])]
        else:
            t = doc.tables['T5']
            r = [r for r in t.rows if r['label'] == '合计'][0]
            fid = r['cells'][1]['f']
            first = sum(F[t.row_fids[i - (1 if t.rows[0]['label'] == '合计' else 0)][0]]['fen']
                        for i in t.first_chunk_rows)
            old = try_amount(doc, rng, fid, target=first)
            if old is None or F[fid]['fen'] == first and F[fid]['printed'] == old:
                return None
            if F[fid]['printed'] != fmt_fr(Fr(first, FEN_PER[F[fid]['unit']]), 2, F[fid]['thousands']):
                F[fid]['printed'] = old
                return None
            w, alt, tt, row = table_where(doc, fid)
            return dict(cls=cls, where=w, alt=alt, stated=w, expected=old, table=tt, row=row,
                        note=f'{tt}跨页续表，合计只加了第一页的{len(t.first_chunk_rows)}个项目；'
                             f'全部项目合计应为{old}'), fid
        for fid in fids:
            old = try_amount(doc, rng, fid)
            if old:
                w, alt, tt, row = table_where(doc, fid)
                note = {'table-total': f'{tt}的合计行与各分项之和不符',
                        'child-row': f'{tt}中“{row}”一行的金额改动后，其上级科目不再等于下级之和',
                        'side-total': f'{tt}的{row}一栏与本侧各项之和及另一侧总计不符'}[cls]
                return dict(cls=cls, where=w, alt=alt, stated=w, expected=old, table=tt, row=row, note=note), fid
        return None
    if cls in ('text-vs-table', 'sangong-text'):
        tabkeys = {f['key'] for f in F.values() if f.get('table')}
        if cls == 'sangong-text':
            pred = lambda f: f['key'] in ('sg.recep', 'sg.carrun', 'sg.total') and f['kind'] == 'amt'
        else:
            pred = lambda f: (f['kind'] == 'amt' and f['key'] in tabkeys and not f['key'].startswith('sg')
                              and f['fen'] > 0)
        fids = text_figs(doc, pred)
        rng.shuffle(fids)
        for fid in fids:
            deltas = [0.6, 1.5, 2.0, 3.3, 4.8, 10, 20] if cls == 'sangong-text' else None
            old = try_amount(doc, rng, fid, deltas)
            if old:
                w = clause(doc, fid)
                tf = [x for x in F.values() if x['key'] == F[fid]['key'] and x.get('table')]
                alt = [tf[0]['printed']] if tf else []
                return dict(cls=cls, where=w, alt=alt, stated=F[fid]['printed'], expected=old,
                            note=f'说明中的金额与表中同一项目（{tf[0]["table"] if tf else ""}）不符'), fid
        return None
    if cls == 'growth':
        fids = text_figs(doc, lambda f: f['key'].startswith('rate.'))
        rng.shuffle(fids)
        for fid in fids:
            g = [d for d in doc.ids if d['t'] == 'growth' and d['rate'] == fid][0]
            c, p = F[g['cur']]['fen'], F[g['prev']]['fen']
            wrong_base = Fr(c - p) * 100 / c
            true = Fr(*F[fid]['value'])
            cands = [wrong_base] + [true + s * x for x in (1.5, 3, 5.5, 8) for s in (1, -1) if true + s * x > 0]
            old = try_pct(doc, rng, fid, cands)
            if old:
                return dict(cls=cls, where=clause(doc, fid), alt=[clause(doc, fid, left=1)],
                            stated=F[fid]['printed'] + '%', expected=old + '%', note='增长率与两年金额不符（应为增减额除以上年数）'), fid
        return None
    if cls == 'pp-change':
        fids = text_figs(doc, lambda f: f['key'].startswith('pp.'))
        for fid in fids:
            true = Fr(*F[fid]['value'])
            cands = [true + s * x for x in (0.8, 1.4, 2.5) for s in (1, -1) if abs(true + s * x) > 0.3
                     and (true + s * x > 0) == (true > 0)]
            old = try_pct(doc, rng, fid, cands)
            if old:
                return dict(cls=cls, where=clause(doc, fid), alt=[], stated=F[fid]['printed'], expected=old,
                            note='占比变动的百分点与两年占比之差不符'), fid
        return None
    if cls == 'share':
        fids = text_figs(doc, lambda f: f['key'].startswith('share.') and 'prev' not in f['key'])
        fids = [x for x in fids if any(d['t'] == 'sum100' and x in d['pcts'] for d in doc.ids)]
        rng.shuffle(fids)
        for fid in fids:
            true = Fr(*F[fid]['value'])
            cands = [true + s * x for x in (1.2, 2.6, 4.1) for s in (1, -1) if 0 < true + s * x < 100]
            old = try_pct(doc, rng, fid, cands)
            if old:
                return dict(cls=cls, where=clause(doc, fid, left=1), alt=[clause(doc, fid)],
                            stated=F[fid]['printed'] + '%', expected=old + '%', note='占比与金额不符，各项占比之和不等于100%'), fid
        return None
    if cls == 'direction':
        fids = [fid for fid, f in F.items() if f['kind'] == 'word' and f['key'].startswith('dir.')
                and not f['key'].startswith('dir.pp') and f['printed'] in '+-']
        rng.shuffle(fids)
        for fid in fids:
            f = F[fid]
            old = f['printed']
            f['printed'] = '-' if old == '+' else '+'
            if accept(doc, fid):
                s = 1 if f['printed'] == '+' else -1
                w = clause(doc, fid, 0)
                return dict(cls=cls, where=w, alt=[clause(doc, fid, 1)], stated=dir_word(s, 0),
                            expected=dir_word(-s, 0),
                            note='两年金额的增减方向与“增加/减少”“增长/下降”用词相反'), fid
            f['printed'] = old
        return None
    raise ValueError(cls)
