#!/usr/bin/env python3
"""gen13: synthetic 部门决算 disclosures that state one quantity at several stages and fund scopes.

python3 gen13.py --seed S --count N --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random
from decimal import Decimal

import build13
import facts13
import ia13
from doc13 import fmt_num, where_of
from render13 import render

CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction',
           'sangong-sum', 'missing-part', 'completion', 'carry-over', 'scope']
OTHER = {'bud0': 'bud2', 'bud1': 'bud0', 'bud2': 'bud0'}


def build(F, opt, seed, **kw):
    return build13.Builder(F, opt, seed, **kw).build()


def record(d):
    return {'figures': d.figs, 'identities': d.ids}


def retext(fig, value):
    """Print `value` (in the figure's unit) the way the figure was printed."""
    return fmt_num(Decimal(repr(value)), fig['dec'], ',' in fig['text'])


def shifted(fig, rng, lo=0.04, hi=0.25):
    v = float(fig['text'].replace(',', ''))
    unit = 10 ** -fig['dec']
    delta = max(abs(v) * rng.uniform(lo, hi), 30 * unit, (10000 / fig['scale']) if fig['kind'] == 'amt' else 0)
    return retext(fig, round(v + rng.choice([-1, 1]) * delta if v > delta * 1.5 else v + delta, fig['dec']))


def stage_value(F, key):
    """key like gp.bud0 or gp.<code>.bud0 -> value at the *other* stage."""
    parts = key.split('.')
    st = OTHER[parts[-1]]
    if len(parts) == 2:
        return F['T']['gp.' + st]
    L = [x for x in F['leaves'] if x['code'] == parts[1]][0]
    return L[st]


def plant(cls, F, opt, seed, base, rng):
    """Return (kwargs for build, target fid, note) or None when the class does not fit this document."""
    figs, ids = base.figs, base.ids
    T = F['T']
    text_figs = [f for f, x in figs.items() if x.get('where') == 'text' and x['kind'] == 'amt' and x['text']]
    table_keys = {x['key'] for x in figs.values() if x.get('where') == 'table' and x['key']}
    if cls == 'table-total':
        c = [i['fid'] for i in ids if i['type'] == 'nonblank' and figs[i['fid']].get('where') == 'table'
             and len(figs[i['fid']]['text']) >= 4]
        f = rng.choice(c)
        return dict(overrides={f: shifted(figs[f], rng)}), f, 'a total cell changed; its parts unchanged'
    if cls == 'blank-total':
        c = [i['fid'] for i in ids if i['type'] == 'nonblank' and figs[i['fid']].get('where') == 'table'
             and figs[i['fid']]['text'] and len(figs[i['fid']].get('row') or '') >= 4]
        f = rng.choice(c)
        return dict(overrides={f: ''}), f, 'a total cell left blank'
    if cls == 'text-vs-table':
        c = [f for f in text_figs if figs[f]['key'] and figs[f]['key'] in table_keys and not figs[f]['key'].startswith('prev')
             and ia13.num(figs[f]) >= 10000]
        f = rng.choice(c)
        return dict(overrides={f: shifted(figs[f], rng)}), f, 'text amount differs from its table'
    if cls == 'cross-table':
        leaves = [L for L in F['leaves'] if L['g_b'] > 20000]
        if not leaves:
            return None
        L = rng.choice(leaves)
        x = int(L['g_b'] * rng.uniform(0.1, 0.4))
        f = [k for k, v in figs.items() if v.get('table') == 'T3' and v['key'] == f'exp.{L["code"]}.basic']
        if not f:
            return None
        return dict(pert={'T3.shift': (L['code'], -x)}), f[0], '支出决算表 moves part of one 项 from 基本 to 项目 (table balanced; other tables disagree)'
    if cls == 'share':
        c = [i for i in ids if i['type'] == 'ratio' and i['label'].startswith('share') and figs[i['pct']].get('where') == 'text']
        i = rng.choice(c)
        fg = figs[i['pct']]
        v = float(fg['text'])
        nv = v * rng.uniform(1.12, 1.4) if v < 70 else v * rng.uniform(0.7, 0.88)
        return dict(overrides={i['pct']: retext(fg, round(nv, fg['dec']))}), i['pct'], 'share stated against the wrong total'
    if cls in ('growth', 'direction'):
        c = [i for i in ids if i['type'] == 'growth' and i.get('pct') and ia13.word_sign(figs[i['word']])]
        if cls == 'direction':
            bykey = ia13.key_groups(figs)
            c = [i for i in c if ia13.resolve(i, figs, bykey, 'cur') and ia13.resolve(i, figs, bykey, 'prev')]
        if not c:
            return None
        i = rng.choice(c)
        if cls == 'direction':
            flip = {'增加': '减少', '增长': '下降', '上升': '下降', '减少': '增加', '下降': '增长', '降低': '上升'}
            ov = {w: flip[figs[w]['text']] for w in i['words']}
            return dict(overrides=ov), i['word'], 'direction word contradicts the figures'
        fg = figs[i['pct']]
        bykey = ia13.key_groups(figs)
        cur = ia13.num(figs[ia13.resolve(i, figs, bykey, 'cur')]) if ia13.resolve(i, figs, bykey, 'cur') else None
        v = float(fg['text'])
        if cur and v > 0 and v < 80:  # the real error: change divided by this year
            g = v / (1 + ia13.word_sign(figs[i['word']]) * v / 100.0)
            note = 'growth divided by this year instead of last year'
        else:
            g = v * rng.uniform(1.3, 1.8)
            note = 'growth rate wrong'
        return dict(overrides={i['pct']: retext(fg, round(g, fg['dec']))}), i['pct'], note
    if cls == 'completion':
        c = [i for i in ids if i['type'] == 'ratio' and i.get('stage') and i['label'].startswith('completion vs')]
        if not c:
            return None
        i = rng.choice(c)
        den = i['den'][0][1]
        key = den[2:] if den.startswith('k:') else figs[den]['key']
        other = stage_value(F, key)
        num = ia13.num(figs[i['num'][0][1]])
        if not other:
            return None
        fg = figs[i['pct']]
        return (dict(overrides={i['pct']: retext(fg, round(100.0 * num / other, fg['dec']))}), i['pct'],
                f'rate computed against {build13.STAGE[OTHER[i["stage"]]]} but stated as {build13.STAGE[i["stage"]]}')
    if cls == 'carry-over':
        sites = ['prev.c1@text'] + (['prev.c1@T10'] if opt['t10'] else [])
        site = rng.choice(sites)
        nv = int(F['P']['c1'] * rng.uniform(0.4, 0.8)) if F['P']['c1'] > 100000 else F['P']['c1'] + 150000
        where = 'text' if site.endswith('text') else 'table'
        f = [k for k, v in figs.items() if v['key'] == 'prev.c1' and v.get('where') == where][0]
        return dict(pert={site: nv}), f, "last year's 年末结转和结余 restated differently from this year's 年初结转和结余"
    if cls == 'scope':
        opts = []
        if T['basic'] - T['gp.basic'] >= 20000:
            opts.append(('gp.basic', '一般公共预算财政拨款支出', 'gp.basic@text', T['basic'],
                         'all-funds 基本支出 quoted in the 一般公共预算 section'))
        if T['c0'] - T['fin.c0'] >= 20000:
            opts.append(('fin.c0', '财政拨款收入支出', 'fin.c0@text', T['c0'],
                         'all-funds 年初结转和结余 quoted as 年初财政拨款结转和结余'))
        if not opts:
            return None
        key, sec, site, v, note = rng.choice(opts)
        f = [k for k, x in figs.items() if x['key'] == key and x.get('where') == 'text'
             and x.get('section', '').startswith(sec)]
        return dict(pert={site: v}), f[0], note
    if cls == 'sangong-sum':
        if rng.random() < 0.6:
            f = [k for k, v in figs.items() if v['key'] == 'sg.act.total' and v.get('where') == 'text'][0]
            d = max(int(F['sg']['act']['total'] * 0.15), 5000)
            return dict(pert={'sg.total@text': F['sg']['act']['total'] + d}), f, '三公 total in the text is not the sum of its items'
        f = [k for k, v in figs.items() if v['key'] == 'sg.act.total' and v.get('table') == 'T9'][0]
        return dict(overrides={f: shifted(figs[f], rng, 0.1, 0.3)}), f, '三公 table total is not the sum of its items'
    if cls == 'missing-part':
        tid = rng.choice(['T6', 'T7', 'T8', 'T9', 'T3'])
        return dict(drop=tid), tid, 'a table listed in 目录 is not published'
    raise ValueError(cls)


def make_doc(seed, fmt_index, idx, cls):
    rng = random.Random(f'{seed}-{fmt_index}-{idx}')
    year = rng.choice([2021, 2022, 2023, 2024])
    F = facts13.make(rng, year)
    opt = build13.options(rng)
    bseed = rng.randrange(10 ** 9)
    base = build(F, opt, bseed)
    assert not ia13.violations(record(base)), 'correct document violates an identity'
    if cls is None:
        return F, opt, base, None
    order = [cls] + rng.sample([c for c in CLASSES if c != cls], len(CLASSES) - 1)
    for c in order:
        for _ in range(6):
            r = plant(c, F, opt, bseed, base, rng)
            if r is None:
                break
            kw, target, note = r
            d = build(F, opt, bseed, **kw)
            if not ia13.violations(record(d), widen=2):
                continue
            if c == 'missing-part':
                title = [b['title'] for b in base.blocks if b['type'] == 'table' and b['tid'] == target][0]
                defect = dict(**{'class': c}, where=title, stated=None, expected=title, note=note, table=target)
            else:
                fg = d.figs[target]
                defect = {'class': c, 'where': where_of(d, target) if fg['text'] or fg.get('where') == 'text'
                          else fg.get('row'), 'stated': fg['text'], 'expected': base.figs[target]['text'],
                          'note': note, 'fid': target}
                if fg.get('table'):
                    defect.update(table=fg['table'], row=fg.get('row'), col=fg.get('col'))
                    if not fg['text']:
                        defect['where'] = fg.get('row')
                alt = []
                if fg.get('where') == 'text':
                    alt.append(fg['text'])
                defect['alt'] = [a for a in alt if len(a) >= 4]
            return F, opt, d, defect
    raise RuntimeError('no defect could be planted')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    fmts = a.formats.split(',')
    rng = random.Random(a.seed)
    manifest = []
    slots, pool = [], []
    for fi, fmt in enumerate(fmts):
        for i in range(a.count):
            if i % 3 == 0:
                slots.append((fi, fmt, i, None))
                continue
            if not pool:
                pool = CLASSES[:]
                rng.shuffle(pool)
            slots.append((fi, fmt, i, pool.pop()))
    for fi, fmt, i, cls in slots:
        F, opt, d, defect = make_doc(a.seed, fi, i, cls)
        lay = dict(txt=rng.choice(['tsv', 'pipe', 'cells']), html=rng.choice(['caption', 'para']),
                   docx=rng.choice(['heading', 'bold']), xlsx=rng.choice(['sheets', 'one']),
                   xnum=rng.random() < 0.5, pdf=rng.choice(['repeat', 'norepeat', 'newpage']))
        name = f'g13_{a.seed}_{fi * a.count + i + 1:02d}_final.{fmt}'
        with open(os.path.join(a.outdir, name), 'wb') as fh:
            fh.write(render(fmt, d.blocks, lay, d.figs))
        layout = {k: v for k, v in opt.items()}
        layout['render'] = lay[fmt] if fmt != 'xlsx' else f"{lay['xlsx']}/{'numeric' if lay['xnum'] else 'text'}"
        manifest.append(dict(file=name, format=fmt, doc_type='final', department=F['dept'], year=F['year'],
                             options=layout, defect=defect))
        titles = [b['title'] for b in d.blocks if b['type'] == 'table']
        with open(os.path.join(a.outdir, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
            json.dump(dict(file=name, format=fmt, figures=d.figs, identities=d.ids, tables=titles,
                           defect=defect), fh, ensure_ascii=False, indent=0, sort_keys=True)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
