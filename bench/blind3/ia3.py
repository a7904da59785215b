"""Interval arithmetic over printed figures (shared by gen3.py and verify3.py).

All amounts are handled in integer fen as Fractions. A printed value with d decimals
in unit U stands for the interval v*U +- 0.5*10^-d*U.
"""
import re
from fractions import Fraction

UNITS = {'万元': 1000000, '元': 100, '千元': 100000}
POS_WORDS = ('增加', '增长', '上升', '提高', '增幅')
NEG_WORDS = ('减少', '下降', '降低', '节约', '减幅')


def parse_num(s):
    s = s.replace(',', '').replace(' ', '').replace('，', '')
    if s in ('', '-', '—'):
        return None
    if not re.fullmatch(r'-?\d+(\.\d+)?', s):
        raise ValueError('unparsable figure %r' % s)
    dec = len(s.split('.')[1]) if '.' in s else 0
    return Fraction(s), dec


def interval(f):
    """(lo, hi) for a figure record, or None if blank. Raises ValueError if unparsable."""
    kind = f['kind']
    if kind == 'cnt' or kind == 'year':
        v = parse_num(f['printed'])
        if v is None:
            return None
        return v[0], v[0]
    p = parse_num(f['printed'])
    if p is None:
        return None
    v, dec = p
    half = Fraction(5, 10 ** (dec + 1))
    if kind == 'amt':
        m = UNITS[f['unit']]
        return (v - half) * m, (v + half) * m
    return v - half, v + half


def word_sign(w):
    if w is None:
        return None
    if w in POS_WORDS:
        return 1
    if w in NEG_WORDS:
        return -1
    if w in ('持平', '无变化'):
        return 0
    return 'bad'


def ratio_range(n, d):
    """Range of n/d for intervals n=(lo,hi), d=(lo,hi); returns (lo,hi) or ('abs', minabs) when d spans 0."""
    if d[0] <= 0 <= d[1]:
        mx = max(abs(d[0]), abs(d[1]))
        mn_num = 0 if n[0] <= 0 <= n[1] else min(abs(n[0]), abs(n[1]))
        if mx == 0:
            return ('abs', None)
        return ('abs', mn_num / mx)
    vals = [a / b for a in n for b in d]
    return (min(vals), max(vals))


def feasible_ratio(pct_iv, n, d, offset=0):
    """Is there x in pct_iv with x/100 + offset in n/d ?"""
    r = ratio_range(n, d)
    lo, hi = pct_iv[0] / 100 + offset, pct_iv[1] / 100 + offset
    if r[0] == 'abs':
        if r[1] is None:
            return False
        return max(abs(lo), abs(hi)) >= r[1]
    return not (hi < r[0] or lo > r[1])


def ratio_exact_range(n, d):
    r = ratio_range(n, d)
    if r[0] == 'abs':
        return None
    return r


def check_identity(idt, figs, margin_units=0):
    """Return (ok, message). figs: id->record. margin_units widens every interval by that many
    units of the last digit (used by the generator to plant defects clearly outside tolerance)."""
    def iv(fid):
        f = figs[fid]
        r = interval(f)
        if r is None or margin_units == 0:
            return r
        p = parse_num(f['printed'])
        dec = p[1]
        u = Fraction(1, 10 ** dec) * (UNITS[f['unit']] if f['kind'] == 'amt' else 1)
        if f['kind'] in ('cnt', 'year'):
            u = 0
        return (r[0] - margin_units * u, r[1] + margin_units * u)

    k = idt['k']
    if k == 'sum':
        t = iv(idt['total'])
        parts = [iv(p) for p in idt['parts']]
        lo = sum((p[0] for p in parts if p is not None), Fraction(0))
        hi = sum((p[1] for p in parts if p is not None), Fraction(0))
        if t is None:
            if lo > 0 or hi < 0:
                return False, 'blank total with non-zero parts'
            return True, ''
        if t[1] < lo or t[0] > hi:
            return False, 'sum mismatch %s vs [%s,%s]' % (t, lo, hi)
        return True, ''
    if k == 'le':
        a, b = iv(idt['a']), iv(idt['b'])
        if a is None or b is None:
            return True, ''
        return (a[0] <= b[1]), 'le violated'
    if k == 'max':
        a = iv(idt['f'])
        return (a[0] <= idt['max']), 'max violated'
    if k == 'year':
        a = iv(idt['f'])
        return (a[0] == idt['expected']), 'year %s != %s' % (a[0], idt['expected'])
    if k == 'share':
        p, n, d = iv(idt['pct']), iv(idt['num']), iv(idt['den'])
        if p is None or n is None or d is None:
            return False, 'blank in share'
        return feasible_ratio(p, n, d), 'share infeasible'
    if k == 'completion':
        p, n, d = iv(idt['pct']), iv(idt['actual']), iv(idt['budget'])
        return feasible_ratio(p, n, d), 'completion infeasible'
    if k == 'direction':
        s = word_sign(figs[idt['w']]['printed'])
        if s == 'bad' or s is None:
            return False, 'direction word unparsable'
        c, pv = iv(idt['cur']), iv(idt['prev'])
        dlo, dhi = c[0] - pv[1], c[1] - pv[0]
        if s > 0:
            return dhi > 0, 'direction: not increased'
        if s < 0:
            return dlo < 0, 'direction: not decreased'
        return dlo <= 0 <= dhi, 'direction: not flat'
    if k == 'growth':
        cur = iv(idt['cur'])
        prev = iv(idt['prev']) if idt.get('prev') else None
        chg = iv(idt['chg']) if idt.get('chg') else None
        pct = iv(idt['pct']) if idt.get('pct') else None
        sc = word_sign(figs[idt['wchg']]['printed']) if idt.get('wchg') else None
        sp = word_sign(figs[idt['wpct']]['printed']) if idt.get('wpct') else None
        if sc == 'bad' or sp == 'bad':
            return False, 'direction word unparsable'
        if sc is None:
            sc = sp
        if sp is None:
            sp = sc
        if sc is None:
            sc = sp = 1
        if chg is not None:
            chg = (chg[0] * sc, chg[1] * sc) if sc >= 0 else (chg[1] * sc, chg[0] * sc)
            if sc == 0:
                chg = (Fraction(0), Fraction(0))
        if pct is not None:
            pct = (pct[0] * sp, pct[1] * sp) if sp >= 0 else (pct[1] * sp, pct[0] * sp)
        if prev is not None and chg is not None:
            dlo, dhi = cur[0] - prev[1], cur[1] - prev[0]
            if chg[1] < dlo or chg[0] > dhi:
                return False, 'change != cur-prev'
        if pct is not None:
            if prev is not None:
                if not feasible_ratio(pct, cur, prev, offset=1):
                    return False, 'growth rate infeasible (prev)'
            elif chg is not None:
                den = (cur[0] - chg[1], cur[1] - chg[0])
                if not feasible_ratio(pct, chg, den):
                    return False, 'growth rate infeasible (chg)'
        return True, ''
    raise ValueError('unknown identity ' + k)
