"""Plant exactly one defect by mutating figures; returns the manifest entry (without where checks)."""
from decimal import Decimal as D

from doc16 import clause_of, q

CLASSES = ['ratio-of-prior', 'times-growth', 'pp-change', 'item-amount', 'item-growth', 'scope-cross-table',
           'unit-sum', 'procurement', 'asset-count', 'fund-text-vs-table', 'class-sum', 'total-sum']


def applicable(cls, cand):
    need = {'ratio-of-prior': 'ratio', 'times-growth': 'times', 'pp-change': 'pp', 'item-amount': 'item',
            'item-growth': 'growth', 'scope-cross-table': 'fincls', 'unit-sum': 'unitrow', 'procurement': 'proc',
            'asset-count': 'asset', 'fund-text-vs-table': 'gftext', 'class-sum': 'classrow', 'total-sum': 'incrow'}[cls]
    c = cand.get(need) or []
    if cls == 'item-growth':
        c = [x for x in c if x[6] == 'item']
    if cls == 'scope-cross-table':
        return len(c) >= 2
    if cls == 'item-amount':
        c = [x for x in c if x[0].v >= 5]
    return bool(c)


def paras_with(doc, fig):
    for b in doc.blocks:
        if b[0] == 'p' and any(x is fig for x in b[1]):
            return b[1]
    return None


def shift(fig, frac, rng, minimum):
    """Move an amount by a clear margin (frac of its value, at least `minimum` printed units)."""
    d = max(q(fig.v * D(str(frac)), fig.dec), D(minimum))
    return d


def plant(cls, doc, cand, rng, unit_min):
    """unit_min: at least one 万元 in the table unit."""
    P = lambda f: clause_of(paras_with(doc, f), f)  # noqa: E731
    e = dict(**{'class': cls}, alt=[], note='')
    if cls == 'ratio-of-prior':
        r, _ = rng.choice(cand['ratio'])
        old = r.v
        r.set(old + D(rng.choice([-1, 1]) if old > 30 else 1) * q(D(rng.uniform(6, 20)), 2))
        e.update(where=P(r), stated=r.s + '%', expected=str(old) + '%', note='stated ratio to last year is wrong')
    elif cls == 'times-growth':
        n, _ = rng.choice(cand['times'])
        old = n.v
        n.set(old + 1)
        e.update(where=P(n), stated=n.s, expected=str(old), note='增长N倍 stated as this year / last year (off by one)')
    elif cls == 'pp-change':
        pp, sg = rng.choice(cand['pp'])
        old = pp.v
        pp.set(old + q(D(rng.uniform(1.5, 4)), 2))
        e.update(where=P(pp), stated=pp.s, expected=str(old), note='percentage-point change of the project share is wrong')
    elif cls == 'item-amount':
        a, pcs, code = rng.choice([x for x in cand['item'] if x[0].v >= 5])
        old = a.v
        a.set(old + shift(a, rng.uniform(0.08, 0.3), rng, 1) * rng.choice([1, -1]))
        e.update(where=P(a), stated=a.s, expected=str(old), table='一般公共预算支出表', row=code,
                 note='per-项 amount in the text differs from its table row')
    elif cls == 'item-growth':
        r, ch, cur, c, p, sg, _ = rng.choice([x for x in cand['growth'] if x[6] == 'item'])
        old = r.v
        wrong = q(D(abs(c - p)) / D(c) * 100, 2)   # divided by this year
        if abs(wrong - old) < 1:
            wrong = old + q(D(rng.uniform(3, 9)), 2)
        r.set(wrong)
        e.update(where=P(r), alt=[P(cur)], stated=r.s + '%', expected=str(old) + '%', note='per-项 growth rate is wrong')
    elif cls == 'scope-cross-table':
        (ca, la), (cb, lb) = rng.sample(cand['fincls'], 2)
        small = min(ca[1].v, cb[1].v)
        d = max(q(small * D(str(rng.uniform(0.1, 0.4))), ca[1].dec), D(unit_min))
        if d >= small:
            d = q(small / 2, ca[1].dec)
        for c, sgn in ((ca, 1), (cb, -1)):
            c[0].set(c[0].v + sgn * d)
            c[1].set(c[1].v + sgn * d)
        e.update(where=ca[1].s, alt=[cb[1].s], stated=ca[1].s, expected=str(ca[1].v - d), table='财政拨款收支总表', row=la,
                 note=f'一般公共预算 column of {la}/{lb} shifted against the 一般公共预算支出表 (column total kept)')
    elif cls == 'unit-sum':
        tc, cc, nm = rng.choice(cand['unitrow'])
        d = max(q(tc.v * D(str(rng.uniform(0.1, 0.3))), tc.dec), D(unit_min))
        old = tc.v
        tc.set(tc.v + d)
        cc.set(cc.v + d)
        e.update(where=tc.s, alt=[cc.s], stated=tc.s, expected=str(old), table='部门收入表', row=nm,
                 note='a unit row raised (row still balanced) so the units no longer add to 合计')
    elif cls == 'procurement':
        tf, shares, pcs = cand['proc'][0]
        if rng.random() < 0.5:
            s, a = rng.choice([x for x in shares if x[1].v > 0])
            old = s.v
            s.set(old + q(D(rng.uniform(4, 10)), 2) * (1 if old < 50 else -1))
            e.update(where=P(s), stated=s.s + '%', expected=str(old) + '%', note='procurement share wrong')
        else:
            old = tf.v
            tf.set(old + shift(tf, rng.uniform(0.08, 0.25), rng, 1))
            e.update(where=P(tf), stated=tf.s, expected=str(old), note='procurement total in text ≠ 货物+工程+服务')
    elif cls == 'asset-count':
        tot, parts, pcs = rng.choice(cand['asset'])
        k, x = rng.choice(parts)
        extra = max(2, int(tot.v) // 3 + 1) if tot.dec == 0 and tot.v < 1000 else int(tot.v) // 4 + 10
        x.set(x.v + extra)
        e.update(where=P(x), alt=[P(tot)], stated=x.s, expected=str(x.v - extra),
                 note=f'其中 {k} raised: parts add to more than the total')
    elif cls == 'fund-text-vs-table':
        g, pcs = cand['gftext'][0]
        old = g.v
        g.set(old + shift(g, rng.uniform(0.1, 0.3), rng, 1) * rng.choice([1, -1]))
        e.update(where=P(g), stated=g.s, expected=str(old), table='政府性基金预算支出表',
                 note='政府性基金 total in the text differs from its table')
    elif cls == 'class-sum':
        cells, lab = rng.choice(cand['classrow'])
        j = 1 if cells[1].v > 0 else 2
        d = max(q(cells[0].v * D(str(rng.uniform(0.06, 0.2))), cells[0].dec), D(unit_min))
        old = cells[0].v
        cells[0].set(old + d)
        cells[j].set(cells[j].v + d)
        e.update(where=cells[0].s, alt=[cells[j].s], stated=cells[0].s, expected=str(old), table='一般公共预算支出表',
                 row=lab, note='类 row no longer equals the sum of its 款')
    elif cls == 'total-sum':
        c, lab = rng.choice([x for x in cand['incrow'] if x[0].v > 0])
        old = c.v
        c.set(old + max(q(old * D(str(rng.uniform(0.05, 0.2))), c.dec), D(unit_min)))
        e.update(where=c.s, stated=c.s, expected=str(old), table='收支总表', row=lab,
                 note='an income row changed: 本年收入合计 ≠ sum of its rows')
    e['mutated'] = [i for i, f in doc.figs.items() if f.mutated]
    return e
