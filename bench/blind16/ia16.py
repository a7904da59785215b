"""Interval checks of recorded identities (shared by gen16 for self-checks and verify16)."""
from decimal import Decimal as D
from itertools import product


def box(f, widen=False):
    v, hw = D(f['v']), D(f['hw'])
    if widen:  # plus two units of the last printed digit
        hw = hw * 5
    return (v - hw, v + hw)


def corners(fn, *iv):
    vals = []
    for c in product(*iv):
        try:
            vals.append(fn(*c))
        except (ZeroDivisionError, ArithmeticError):
            return None
    return min(vals), max(vals)


def overlap(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def holds(idt, figs, widen=False):
    """True when some choice of values inside the intervals satisfies the identity."""
    k = idt['kind']
    b = [box(figs[i], widen) for i in idt['figs']]
    sg = D(idt.get('sign', 1))
    if k == 'sum':      # figs[0] == sum(figs[1:])
        lo = sum(x[0] for x in b[1:])
        hi = sum(x[1] for x in b[1:])
        return overlap(b[0], (lo, hi))
    if k == 'eq':
        return overlap(b[0], b[1])
    if k == 'le':       # sum(figs[1:]) <= figs[0]
        return sum(x[0] for x in b[1:]) <= b[0][1]
    if k == 'ratio':    # R% = a / b * 100
        r = corners(lambda a, c: a / c * 100, b[1], b[2])
    elif k == 'growth':  # rate% = sg*ch / (cur - sg*ch) * 100, stated rate carries sign sg
        r = corners(lambda cur, ch: sg * ch / (cur - sg * ch) * 100, b[1], b[2])
        b0 = (sg * b[0][0], sg * b[0][1])
        return r is not None and overlap(tuple(sorted(b0)), r)
    elif k == 'growthp':  # rate% = (cur - prev) / prev * 100 (stated with sign sg)
        r = corners(lambda cur, p: (cur - p) / p * 100, b[1], b[2])
        b0 = tuple(sorted((sg * b[0][0], sg * b[0][1])))
        return r is not None and overlap(b0, r)
    elif k == 'diff':   # sg*ch = cur - prev
        r = (b[1][0] - b[2][1], b[1][1] - b[2][0])
        return overlap(tuple(sorted((sg * b[0][0], sg * b[0][1]))), r)
    elif k == 'times':  # N = (cur - prev) / prev
        r = corners(lambda cur, p: (cur - p) / p, b[1], b[2])
    elif k == 'share':  # P% = part / total * 100
        r = corners(lambda a, c: a / c * 100, b[1], b[2])
    elif k == 'pp':     # sg*pp = s1 - s0
        r = (b[1][0] - b[2][1], b[1][1] - b[2][0])
        return overlap(tuple(sorted((sg * b[0][0], sg * b[0][1]))), r)
    else:
        raise ValueError(k)
    return r is not None and overlap(b[0], r)


def key_groups(figs):
    g = {}
    for i, f in figs.items():
        if f.get('key'):
            g.setdefault(f['key'], []).append(i)
    return g


def failures(doc, widen=False):
    """All identities (explicit and same-key) that fail."""
    figs = doc['figs']
    out = []
    for idt in doc['identities']:
        if not holds(idt, figs, widen):
            out.append(idt)
    for key, ids in key_groups(figs).items():
        for j in ids[1:]:
            if not holds({'kind': 'eq', 'figs': [ids[0], j]}, figs, widen):
                out.append({'kind': 'key', 'name': key, 'figs': [ids[0], j]})
    return out
