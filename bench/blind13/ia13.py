"""Interval arithmetic on printed figures (shared by gen13 and verify13).

A figure is a dict: text (as printed, '' if blank), dec (decimals), scale (元 per printed unit;
1 for percentages), kind ('amt' | 'pct' | 'word'), key, zero_blank (a blank cell means 0).
Values are compared in 元; a printed number with d decimals stands for x ± 0.5·10^-d (in its unit).
"""
import itertools
from decimal import Decimal

UP = ('增加', '增长', '上升', '提高', '多')
DOWN = ('减少', '下降', '降低', '节约', '少')


def num(fig):
    """Centre value (in 元 for amounts) of a printed figure; None if blank and blank is not zero."""
    t = (fig.get('text') or '').replace(',', '').replace('，', '').strip()
    if t in ('', '-', '—', '－'):
        return 0.0 if fig.get('zero_blank') else None
    return float(Decimal(t)) * fig['scale']


def half(fig, widen=0):
    t = (fig.get('text') or '').strip()
    unit = 10 ** (-fig['dec']) * fig['scale']
    if t in ('', '-', '—', '－'):
        return widen * unit
    return 0.5 * unit + widen * unit


def word_sign(fig):
    t = fig.get('text') or ''
    if '持平' in t:
        return 0
    if any(w in t for w in DOWN):
        return -1
    if any(w in t for w in UP):
        return 1
    return None


def lin_range(terms, figs, widen):
    """terms: [(coef, fid)] -> (lo, hi) or None when a figure is blank."""
    lo = hi = 0.0
    for c, fid in terms:
        v = num(figs[fid])
        if v is None:
            return None
        h = half(figs[fid], widen)
        lo += c * v - abs(c) * h
        hi += c * v + abs(c) * h
    return lo, hi


def _res_terms(terms, figs, bykey):
    out = []
    for c, f in terms:
        if isinstance(f, str) and f.startswith('k:'):
            ids = bykey.get(f[2:])
            if not ids:
                return None
            f = min(ids, key=lambda x: half(figs[x]))
        out.append((c, f))
    return out


def ratio_range(nterms, dterms, figs, widen):
    """Range of 100*N/D over the box of the figures' intervals (vertex evaluation is exact:
    a linear-fractional function is monotone in each variable while D keeps its sign)."""
    ids = sorted({f for _, f in nterms} | {f for _, f in dterms})
    box = {}
    for f in ids:
        v = num(figs[f])
        if v is None:
            return None
        h = half(figs[f], widen)
        box[f] = (v - h, v + h)
    dl = dh = 0.0
    for c, f in dterms:
        a, b = box[f]
        dl += min(c * a, c * b)
        dh += max(c * a, c * b)
    if dl <= 0 <= dh:
        return None
    vals = []
    for corner in itertools.product(*[box[f] for f in ids]):
        x = dict(zip(ids, corner))
        n = sum(c * x[f] for c, f in nterms)
        d = sum(c * x[f] for c, f in dterms)
        vals.append(100.0 * n / d)
    return min(vals), max(vals)


def resolve(idn, figs, bykey, name):
    """A slot of an identity is a figure id, or a key looked up among printed figures."""
    fid = idn.get(name)
    if fid is not None:
        return fid
    k = idn.get(name + '_key')
    if k and bykey.get(k):
        return min(bykey[k], key=lambda f: half(figs[f]))
    return None


def check(idn, figs, bykey, widen=0):
    """Return a message if the identity is violated, else None."""
    t = idn['type']
    eps = 1e-6
    if t == 'lin':
        r = lin_range(idn['terms'], figs, widen)
        if r and (r[0] > eps or r[1] < -eps):
            return f"sum off: {r[0]:.2f}..{r[1]:.2f} 元"
        return None
    if t == 'nonblank':
        f = figs[idn['fid']]
        if (f.get('text') or '').strip() in ('', '-', '—'):
            r = lin_range([(1, p) for p in idn.get('parts', [])], figs, widen)
            if r and (r[0] > eps or r[1] < -eps):
                return 'total left blank though its parts are not zero'
        return None
    if t == 'le':
        a, b = figs[idn['a']], figs[idn['b']]
        va, vb = num(a), num(b)
        if va is not None and vb is not None and va - half(a, widen) > vb + half(b, widen) + eps:
            return 'exceeds its bound'
        return None
    if t == 'present':
        return None if idn['ok'] else f"missing part {idn['title']}"
    if t == 'ratio':
        p = figs[idn['pct']]
        pv = num(p)
        nt, dt = _res_terms(idn['num'], figs, bykey), _res_terms(idn['den'], figs, bykey)
        if nt is None or dt is None:
            return None
        r = ratio_range(nt, dt, figs, widen)
        if r is None or pv is None:
            return None
        ph = half(p, widen)
        if pv + ph < r[0] - eps or pv - ph > r[1] + eps:
            return f"ratio {p['text']}% outside {r[0]:.3f}..{r[1]:.3f}"
        return None
    if t == 'growth':
        s = word_sign(figs[idn['word']])
        cur, prev = resolve(idn, figs, bykey, 'cur'), resolve(idn, figs, bykey, 'prev')
        chg, pct = idn.get('chg'), idn.get('pct')
        if s is None:
            return 'no direction word'
        if cur is not None and prev is not None:
            r = lin_range([(1, cur), (-1, prev)], figs, widen)
            if r:
                if s > 0 and r[1] <= eps:
                    return 'says increase, figures fell'
                if s < 0 and r[0] >= -eps:
                    return 'says decrease, figures rose'
                if s == 0 and (r[0] > eps or r[1] < -eps):
                    return 'says 持平, figures changed'
        if s == 0:
            return None
        if chg is not None and cur is not None and prev is not None:
            r = lin_range([(s, chg), (-1, cur), (1, prev)], figs, widen)
            if r and (r[0] > eps or r[1] < -eps):
                return 'change is not cur - prev'
        if pct is not None:
            if cur is not None and prev is not None:
                n, d = [(1, cur), (-1, prev)], [(1, prev)]
            elif cur is not None and chg is not None:
                n, d = [(s, chg)], [(1, cur), (-s, chg)]
            elif prev is not None and chg is not None:
                n, d = [(s, chg)], [(1, prev)]
            else:
                return None
            r = ratio_range(n, d, figs, widen)
            pv = num(figs[pct])
            if r is None or pv is None:
                return None
            sp = s * pv
            ph = half(figs[pct], widen)
            if sp + ph < r[0] - eps or sp - ph > r[1] + eps:
                return f"growth {figs[pct]['text']}% outside {r[0]:.3f}..{r[1]:.3f}"
        return None
    raise ValueError(t)


def key_groups(figs):
    by = {}
    for fid, f in figs.items():
        if f.get('key') and f['kind'] == 'amt':
            by.setdefault(f['key'], []).append(fid)
    return by


def check_keys(figs, bykey, widen=0):
    """Every printed figure bound to one key must agree within rounding."""
    out = []
    for k, ids in bykey.items():
        ivs = []
        for f in ids:
            v = num(figs[f])
            if v is None:
                continue
            h = half(figs[f], widen)
            ivs.append((v - h, v + h, f))
        if len(ivs) < 2:
            continue
        lo = max(a for a, _, _ in ivs)
        hi = min(b for _, b, _ in ivs)
        if lo > hi + 1e-6:
            out.append((k, [f for _, _, f in ivs]))
    return out


def violations(rec, widen=0):
    figs = rec['figures']
    bykey = key_groups(figs)
    out = []
    for i, idn in enumerate(rec['identities']):
        m = check(idn, figs, bykey, widen)
        if m:
            out.append((i, idn.get('label', idn['type']), m))
    for k, ids in check_keys(figs, bykey, widen):
        out.append((None, 'key ' + k, 'figures disagree: ' + ', '.join(figs[f]['text'] for f in ids)))
    return out
