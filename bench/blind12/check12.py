"""Interval arithmetic on printed numbers (shared by defects12 and verify12)."""
from decimal import Decimal

SCALE = {'万元': Decimal(1), '亿元': Decimal(10000), '元': Decimal('0.0001'), '千元': Decimal('0.1'),
         '%': Decimal(1), 'pp': Decimal(1), '倍': Decimal(1)}


def iv(rec, widen=0, q=None):
    v = Decimal(rec['v'])
    u = Decimal(1).scaleb(-rec['d'])
    if rec.get('exact'):
        h = Decimal(0)
        w = Decimal(0)
    else:
        h = u / 2
        w = widen * u
    sc = SCALE[rec['u']]
    q = q or rec.get('q')
    if q in ('近', '不足'):
        lo, hi = v - u, v
    elif q == '超过':
        lo, hi = v, v + u
    else:
        lo, hi = v - h, v + h
    return ((lo - w) * sc, (hi + w) * sc)


def ovl(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def sub(a, b):
    return (a[0] - b[1], a[1] - b[0])


def add(*xs):
    return (sum(x[0] for x in xs), sum(x[1] for x in xs))


def div(a, b):
    if b[0] <= 0:
        return (Decimal(-10**12), Decimal(10**12))
    cs = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]
    return (min(cs), max(cs))


def scl(a, k, off=0):
    return (a[0] * k + off, a[1] * k + off)


def neg_if(a, sign):
    return a if sign >= 0 else (-a[1], -a[0])


def ok(c, widen=0):
    """Is claim c consistent under interval arithmetic (stated numbers widened by `widen` units)?"""
    n = c['n']
    k = c['kind']
    I = lambda r: iv(n[r], widen)  # noqa: E731
    if k == 'eq':
        return ovl(I('s'), I('t'))
    if k == 'change':
        return ovl(neg_if(I('c'), c['sign']), sub(I('cur'), I('prev')))
    if k == 'to':
        d = sub(I('cur'), I('prev'))
        dir_ok = d[1] > 0 if c['sign'] > 0 else d[0] < 0
        return ovl(I('lvl'), I('cur')) and dir_ok
    if k == 'growth':
        return ovl(neg_if(I('g'), c['sign']), scl(div(I('cur'), I('prev')), 100, -100))
    if k == 'ratio':
        return ovl(I('y'), scl(div(I('cur'), I('prev')), 100))
    if k == 'times':
        return ovl(I('x'), scl(div(I('cur'), I('prev')), 1, -1))
    if k == 'flat':
        tol = Decimal('0.005') if c.get('loose') else Decimal(0)
        d = div(sub(I('cur'), I('prev')), I('prev'))
        return d[0] <= tol and d[1] >= -tol
    if k == 'share':
        return ovl(I('s'), scl(div(I('part'), I('base')), 100))
    if k == 'pp':
        return ovl(neg_if(I('c'), c['sign']), sub(I('b'), I('a')))
    if k == 'sum':
        parts = [I(r) for r in n if r.startswith('p')]
        return ovl(I('w'), add(*parts))
    if k == 'completion':
        return ovl(I('r'), scl(div(I('act'), I('bud')), 100))
    if k == 'le':
        return I('a')[0] <= I('b')[1]
    raise ValueError(k)
