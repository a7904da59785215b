"""Number formatting and the figure registry shared by the builder."""
from decimal import ROUND_HALF_UP, Decimal

DASH = '—'


def group(intpart):
    s = str(intpart)
    out = ''
    while len(s) > 3:
        out = ',' + s[-3:] + out
        s = s[:-3]
    return s + out


def money(c, unit='万元', sep=False):
    """c: integer 0.01 万元. unit 万元 -> 2 decimals; 元 -> c*100 with 2 decimals."""
    neg = c < 0
    a = abs(c)
    if unit == '万元':
        ip, fp = a // 100, a % 100
    else:
        ip, fp = a * 100, 0
    s = (group(ip) if sep else str(ip)) + f'.{fp:02d}'
    return ('-' if neg else '') + s


def rate(num, den, nd=2):
    q = Decimal(1).scaleb(-nd)
    v = (Decimal(num) * 100 / Decimal(den)).quantize(q, rounding=ROUND_HALF_UP)
    s = str(v)
    return s[1:] if s.startswith('-') and not s.strip('-0.') else s


class Registry:
    """key -> printed figure; overrides (planted defects) replace the printed text."""

    def __init__(self, overrides=None):
        self.figs = {}
        self.over = dict(overrides or {})
        self.checks = []
        self.clauses = {}

    def put(self, key, s, scale=1.0, neg=False, kind='amt'):
        if key in self.over:
            s = self.over[key]
        self.figs[key] = dict(s=s, scale=scale, neg=neg, kind=kind)
        return s

    def amt(self, key, c, unit='万元', sep=False, neg=False):
        return self.put(key, money(c, unit, sep), 1.0 if unit == '万元' else 0.0001, neg)

    def pct(self, key, num, den, nd=2, blank=DASH):
        s = blank if den == 0 else rate(num, den, nd)
        return self.put(key, s, kind='pct')

    def bal(self, lhs, rhs, label):
        self.checks.append(dict(kind='bal', lhs=list(lhs), rhs=list(rhs), label=label))

    def ratio(self, r, num, den, label):
        self.checks.append(dict(kind='rate', r=r, num=num, den=den, label=label))
