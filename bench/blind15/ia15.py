"""Interval checks used by the generator when planting defects (verify15.py has its own implementation)."""
from fractions import Fraction as F

SCALE = {'元': 100, '万元': 1000000}
RESIDUE = ['增加（减少）', '减少（增加）', '增长（下降）', '下降（增长）', '增加/减少', '增加减少', '主要原因是。', '（请', 'XX万元']


def parse(text):
    t = text.replace(',', '').strip()
    if t in ('', '-'):
        return F(0), None
    d = len(t.split('.')[1]) if '.' in t else 0
    return F(t), d


def interval(fig, widen=0):
    """fig: Fig object. Returns (lo, hi) in base units, or None for words."""
    if fig.kind == 'dir':
        return None
    v, d = parse(fig.text)
    if d is None:
        d = fig.dec
    if fig.kind in ('cnt', 'year'):
        return v, v
    half = (F(1, 2) + widen) / F(10) ** d
    if fig.kind == 'amt':
        s = SCALE[fig.unit]
        return (v - half) * s, (v + half) * s
    return v - half, v + half


def sign_of(word):
    up = any(w in word for w in ('增加', '增长', '上升', '提高'))
    dn = any(w in word for w in ('减少', '下降', '降低', '节约'))
    if up and dn:
        return None
    if up:
        return 1
    if dn:
        return -1
    if '持平' in word:
        return 0
    return None


def violated(ident, figs, widen=0):
    g = lambda k: figs[ident[k]] if ident.get(k) is not None else None  # noqa: E731
    I = lambda f: interval(f, widen)  # noqa: E731
    t = ident['t']
    if t == 'sum':
        lo, hi = I(g('total'))
        ps = [I(figs[i]) for i in ident['parts']]
        return sum(p[0] for p in ps) > hi or sum(p[1] for p in ps) < lo
    if t == 'le':
        return I(g('a'))[0] > I(g('b'))[1]
    if t == 'year':
        return int(g('fig').text) != ident['expect']
    if t == 'ratio':
        p, n, d = I(g('pct')), I(g('num')), I(g('den'))
        if d[0] <= 0:
            return True
        k = ident['f']
        lo, hi = k * max(n[0], 0) / d[1], k * n[1] / d[0]
        return lo > p[1] or hi < p[0]
    if t == 'notfull':
        ta, ac = I(g('target')), I(g('actual'))
        missed = ac[1] < ta[0] if ident['dir'] == 'ge' else ac[0] > ta[1]
        return missed and I(g('score'))[0] >= I(g('weight'))[1]
    if t == 'growth':
        signs = {sign_of(figs[i].text) for i in ident['dirs']}
        if None in signs:
            signs.discard(None)
        if len(signs) > 1:
            return True
        s = signs.pop() if signs else None
        cur = I(g('cur'))
        D = None
        if g('prev') is not None:
            pv = I(g('prev'))
            D = (cur[0] - pv[1], cur[1] - pv[0])
        if g('chg') is not None:
            c = I(g('chg'))
            cands = [(c[0], c[1])] if s == 1 else [(-c[1], -c[0])] if s == -1 else [(c[0], c[1]), (-c[1], -c[0])]
            if s == 0:
                cands = [(min(-c[1], c[0]), max(c[1], -c[0]))]
            best = None
            for lo, hi in cands:
                if D is not None:
                    lo, hi = max(lo, D[0]), min(hi, D[1])
                if lo <= hi:
                    best = (lo, hi) if best is None else (min(best[0], lo), max(best[1], hi))
            if best is None:
                return True
            D = best
        if D is None:
            return False
        if s == 1 and D[1] <= 0 or s == -1 and D[0] >= 0:
            return True
        if s == 1:
            D = (max(D[0], F(0)), D[1])
        elif s == -1:
            D = (D[0], min(D[1], F(0)))
        if g('pct') is None:
            return False
        if g('prev') is not None:
            B = I(g('prev'))
        else:
            B = (cur[0] - D[1], cur[1] - D[0])
        if B[0] <= 0:
            return True
        p = I(g('pct'))
        amin = 0 if D[0] <= 0 <= D[1] else min(abs(D[0]), abs(D[1]))
        amax = max(abs(D[0]), abs(D[1]))
        lo, hi = 100 * amin / B[1], 100 * amax / B[0]
        return lo > p[1] or hi < p[0]
    raise ValueError(t)


def key_conflicts(figs, widen=0):
    """Groups of same-key figures that do not share a common value."""
    by = {}
    for f in figs:
        if f.kind in ('dir',) or f.key.startswith('year.'):
            continue
        by.setdefault(f.key, []).append(f)
    bad = []
    for k, fs in by.items():
        if len(fs) < 2:
            continue
        ivs = [interval(f, widen) for f in fs]
        if max(i[0] for i in ivs) > min(i[1] for i in ivs):
            bad.append((k, [f.id for f in fs]))
    return bad


def violations(doc, widen=0):
    """All violated identities: list of (description, [fig ids])."""
    out = []
    for idn in doc.idents:
        if violated(idn, doc.figs, widen):
            ids = [v for k, v in idn.items() if k not in ('t', 'f', 'expect', 'dir') and v is not None]
            flat = []
            for v in ids:
                flat += v if isinstance(v, list) else [v]
            out.append((idn['t'], flat))
    for k, ids in key_conflicts(doc.figs, widen):
        out.append(('key:' + k, ids))
    return out
