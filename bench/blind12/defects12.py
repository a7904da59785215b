"""Planting one defect: choose a claim or cell, give it a value wrong under every reading."""
import copy
from decimal import Decimal

from check12 import ok
from num12 import q

CLASSES = ['fenbie-swap', 'to-level', 'by-change', 'ratio-of-prior', 'times-growth', 'share-named-base', 'yi-unit',
           'sum-sentence', 'pp-change', 'table-total', 'growth-pct', 'direction-word', 'completion-rate',
           'bracket-subitems']
ROLE = {'eq': 's', 'change': 'c', 'to': 'lvl', 'growth': 'g', 'ratio': 'y', 'times': 'x', 'share': 's', 'pp': 'c',
        'completion': 'r'}


def D(x):
    return Decimal(x)


def with_value(c, role, v):
    c2 = copy.deepcopy(c)
    c2['n'][role] = dict(c2['n'][role], v=str(v))
    c2['n'][role].pop('exact', None)
    return c2


def far(a, b, d):
    """a and b differ by more than 2 units of the last digit plus rounding."""
    return abs(D(a) - D(b)) > Decimal(3) * Decimal(1).scaleb(-d)


def try_values(c, role, cands, extra=lambda v: True):
    rec = c['n'][role]
    d = rec['d']
    for v in cands:
        v = q(q(v, 0) if rec['u'] == '元' else v, d)
        if v <= 0 or not far(v, rec['v'], d):
            continue
        if ok(with_value(c, role, v), widen=2):
            continue
        if not extra(v):
            continue
        return v
    return None


def mults(v, fs=(1.16, 0.85, 1.27, 0.76, 1.4, 0.62)):
    return [D(v) * D(str(f)) for f in fs]


def alt_bases(F):
    return [F[k] for k in ('inc', 'exp', 'gp_total', 'inc_total', 'proj', 'basic', 'pub', 'sg', 'cg', 'gp_proj',
                           'fiscal_total', 'pers') if F.get(k)]


def plant(cls, claims, groups, tables, F, rng):
    """Returns (ov, info) or None. info: targets (claim/cell ids), kind, role, cid."""
    by = {c['id']: c for c in claims}
    cands = []
    if cls == 'fenbie-swap':
        for g in groups:
            for i in range(len(g['ids'])):
                for j in range(i + 1, len(g['ids'])):
                    a, b = g['cents'][i], g['cents'][j]
                    if abs(a - b) > max(50000, 0.08 * max(a, b)) and min(a, b) > 0:
                        cands.append((g, i, j))
        if not cands:
            return None
        g, i, j = rng.choice(cands)
        ci, cj = by[g['ids'][i]], by[g['ids'][j]]
        vi, vj = ci['n']['s']['v'], cj['n']['s']['v']
        ov = {g['ids'][i]: {'v': vj}, g['ids'][j]: {'v': vi}}
        return ov, dict(targets=[g['ids'][i], g['ids'][j]], cid=g['ids'][i], role='s', expected=vi, group=g['id'])
    kinds = {'to-level': ['to'], 'by-change': ['change'], 'ratio-of-prior': ['ratio'], 'times-growth': ['times'],
             'share-named-base': ['share'], 'yi-unit': ['eq'], 'pp-change': ['pp'], 'growth-pct': ['growth'],
             'completion-rate': ['completion']}
    if cls in kinds:
        for c in claims:
            if c['kind'] not in kinds[cls]:
                continue
            if cls == 'share-named-base' and not c.get('named'):
                continue
            if cls == 'yi-unit' and c['n']['s']['u'] != '亿元':
                continue
            if c['kind'] == 'share' and D(c['n']['s']['v']) < 1:
                continue
            cands.append(c)
        rng.shuffle(cands)
        for c in cands:
            role = ROLE[c['kind']]
            tv = D(c['n'][role]['v'])
            n = c['n']
            extra = lambda v: True  # noqa: E731
            cs = mults(tv)
            if cls == 'to-level':
                ch = abs(D(n['cur']['v']) - D(n['prev']['v'])) * (D(n['lvl']['v']) / D(n['cur']['v']))
                extra = lambda v, ch=ch: far(v, ch, 2)  # noqa: E731
            elif cls == 'by-change':
                cur = D(n['cur']['v']) * (D(n['c']['v']) / (abs(D(n['cur']['v']) - D(n['prev']['v'])) or 1))
                extra = lambda v, cur=cur: far(v, cur, 2)  # noqa: E731
            elif cls == 'ratio-of-prior':
                g = (D(n['cur']['v']) - D(n['prev']['v'])) / D(n['prev']['v']) * 100
                cs = [tv + 9, tv - 8, tv + 14, tv - 13, tv + 21]
                extra = lambda v, g=g: far(v, abs(g), 1)  # noqa: E731
            elif cls == 'times-growth':
                rr = D(n['cur']['v']) / D(n['prev']['v'])
                cs = [tv + D('0.5'), tv - D('0.4'), tv + D('0.8'), tv - D('0.7')]
                extra = lambda v, rr=rr: far(v, rr, 1)  # noqa: E731
            elif cls == 'share-named-base':
                part = D(n['part']['v'])
                bases = [D(b) for b in alt_bases(F)]  # 元, as part
                cs = [tv + 7, tv - 6, tv + 11, tv - 10, tv * D('1.3'), tv * D('0.7')]
                d = n['s']['d']
                extra = lambda v, part=part, bases=bases, d=d: all(far(v, part / b * 100, d) for b in bases)  # noqa: E731
                cs = [x for x in cs if x < 100]
            elif cls == 'yi-unit':
                d = n['s']['d']
                step = Decimal(1).scaleb(-d)
                cs = [tv + max(step * 7, D('0.12')), tv - max(step * 6, D('0.11')), tv * D('1.1')]
            elif cls == 'pp-change':
                cs = [tv + D('1.5'), tv + D('2.4'), tv * 2 + 1, tv + 5]
            elif cls == 'growth-pct':
                cur, prev = D(n['cur']['v']), D(n['prev']['v'])
                rat = cur / prev * 100
                cs = [abs(cur - prev) / cur * 100, tv + 6, tv - 5 if tv > 6 else tv + 9, tv * D('1.5')]
                extra = lambda v, rat=rat: far(v, rat, 1)  # noqa: E731
            elif cls == 'completion-rate':
                act = D(n['act']['v'])
                alts = [D(F[k]) for k in ('ncys', 'tzys', 'sg_ys') if F.get(k)]  # 元, as act
                cs = [tv + 9, tv - 8, tv + 15, tv - 12]
                extra = lambda v, act=act, alts=alts: all(far(v, act / b * 100, 2) for b in alts)  # noqa: E731
            v = try_values(c, role, cs, extra)
            if v is not None:
                return {c['id']: {'v': str(v)}}, dict(targets=[c['id']], cid=c['id'], role=role, expected=c['n'][role]['v'])
        return None
    if cls == 'direction-word':
        for c in claims:
            if c['kind'] in ('change', 'growth') and c['id'][-2:] in ('.c', '.g') and not c['id'].startswith('exp.g'):
                role = ROLE[c['kind']]
                if D(c['n'][role]['v']) * 10 ** c['n'][role]['d'] >= 5 and D(c['n'][role]['v']) > 0:
                    cands.append(c)
        if not cands:
            return None
        c = rng.choice(cands)
        base = c['id'][:-2]
        tg = [x['id'] for x in claims if x['id'] in (base + '.c', base + '.g')]
        return {base + '.sign': {'sign': True}}, dict(targets=tg, cid=c['id'], role=ROLE[c['kind']], expected=None, sign=True)
    if cls in ('sum-sentence', 'bracket-subitems'):
        for c in claims:
            if c['kind'] == 'sum' and bool(c.get('bracket')) == (cls == 'bracket-subitems'):
                cands.append(c)
        rng.shuffle(cands)
        for c in cands:
            if cls == 'sum-sentence':
                wid = [x for x in claims if x['kind'] == 'eq' and x['n']['s'] is c['n']['w']]
                if not wid:
                    continue
                e = wid[0]
                tv = D(e['n']['s']['v'])
                cs = [tv * D('0.9'), tv * D('0.86'), tv * D('0.8')]
                for v in cs:
                    v = q(q(v, 0) if e['n']['s']['u'] == '元' else v, e['n']['s']['d'])
                    c2 = copy.deepcopy(c)
                    c2['n']['w'] = dict(c2['n']['w'], v=str(v))
                    if not ok(c2, widen=2) and not ok(with_value(e, 's', v), widen=2):
                        return {e['id']: {'v': str(v)}}, dict(targets=[e['id'], c['id']], cid=e['id'], role='s',
                                                              expected=e['n']['s']['v'], sum=c['id'])
            else:
                parts = [r for r in c['n'] if r.startswith('p')]
                pr = max(parts, key=lambda r: D(c['n'][r]['v']))
                pe = [x for x in claims if x['kind'] == 'eq' and x['n']['s'] is c['n'][pr]]
                if not pe:
                    continue
                e = pe[0]
                tv = D(e['n']['s']['v'])
                for v in [tv * D('1.25'), tv * D('0.7'), tv * D('1.5')]:
                    v = q(q(v, 0) if e['n']['s']['u'] == '元' else v, e['n']['s']['d'])
                    c2 = copy.deepcopy(c)
                    c2['n'][pr] = dict(c2['n'][pr], v=str(v))
                    if not ok(c2, widen=2):
                        return {e['id']: {'v': str(v)}}, dict(targets=[e['id'], c['id']], cid=e['id'], role='s',
                                                              expected=e['n']['s']['v'], sum=c['id'])
        return None
    if cls == 'table-total':
        cells = {}
        for t in tables:
            for r in t.rows:
                for x in r:
                    if isinstance(x, dict):
                        cells[x['id']] = (t, x)
        for t in tables:
            for tot, parts in t.sums:
                tc = cells[tot][1]
                if tc['c'] >= 200000 and len(tc['v']) >= 5 and ('合计' in tc['row'] or '总计' in tc['row'] or tc['col'] in ('合计', '本年收入合计')):
                    cands.append((t, tc, parts))
        if not cands:
            return None
        t, tc, parts = rng.choice(cands)
        tv = D(tc['v'])
        v = q(q(tv * D(rng.choice(['1.12', '0.9', '1.07', '0.85'])), 0 if tc['u'] == '元' else tc['d']), tc['d'])
        return {'cell:' + tc['id']: {'v': str(v)}}, dict(targets=[tc['id']], cid=tc['id'], role='cell', expected=tc['v'],
                                                         table=t.title, row=tc['row'], col=tc['col'])
    raise ValueError(cls)
