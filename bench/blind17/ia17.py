"""Interval-arithmetic evaluation of the recorded identities (used by verify17 and by the generator's
self-check of planted defects). A printed figure with d decimals stands for x ± 0.5·10^-d."""

BLANKS = ('', '—', '-', '--')


def parse(fig, widen=0.0):
    """-> (value, halfwidth) in 万元 (amounts) or percent (rates); None for a blank/dash."""
    s = fig['s'].replace(',', '').strip()
    if s in BLANKS:
        return None
    v = float(s)
    d = len(s.split('.')[1]) if '.' in s else 0
    h = (0.5 + widen) * 10 ** -d
    sc = fig.get('scale', 1.0)
    v, h = v * sc, h * sc
    if fig.get('neg'):
        v = -v
    return v, h


def eval_check(ch, figs, widen=0.0):
    """True when the identity holds within rounding (intervals widened by `widen` last-digit units)."""
    if ch['kind'] == 'bal':
        lo = hi = 0.0
        for side, sg in ((ch['lhs'], 1), (ch['rhs'], -1)):
            for k in side:
                p = parse(figs[k], widen)
                if p is None:
                    return False
                lo += sg * p[0] - p[1]
                hi += sg * p[0] + p[1]
        return lo <= 1e-9 and hi >= -1e-9
    if ch['kind'] == 'rate':
        r = parse(figs[ch['r']], widen)
        num = parse(figs[ch['num']], widen)
        den = parse(figs[ch['den']], widen)
        if num is None or den is None:
            return False
        if abs(den[0]) <= den[1] + 1e-12:        # zero base: no rate may be stated
            return r is None
        if r is None:
            return False
        cands = []
        for a in (num[0] - num[1], num[0] + num[1]):
            for b in (den[0] - den[1], den[0] + den[1]):
                if b != 0:
                    cands.append(a / b * 100)
        lo, hi = min(cands), max(cands)
        return r[0] + r[1] >= lo - 1e-9 and r[0] - r[1] <= hi + 1e-9
    raise ValueError(ch['kind'])
