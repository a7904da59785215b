#!/usr/bin/env python3
"""gen17: synthetic 2025 部门决算 disclosures (budget stages, summed changes, comparison tables,
per-unit income/expense tables, shares of named bases) with planted defects.

Usage: python3 gen17.py --seed N --count C --out DIR [--formats txt,html,docx,xlsx,pdf]
"""
import argparse
import json
import os
import random

import ia17
import render17
from build17 import build
from defects17 import CLASSES, Planter
from facts17 import REASONS_DOWN, REASONS_UP, make_facts

EXT = {'txt': 'txt', 'html': 'html', 'docx': 'docx', 'xlsx': 'xlsx', 'pdf': 'pdf'}


def options(rng):
    return dict(tunit=rng.choice(['万元', '万元', '元']), sep=rng.random() < 0.5, tsep=rng.random() < 0.25,
                rnd=rng.choice([1, 2]), blank=rng.choice(['—', '']), stage=rng.choice(['init', 'adj', 'mixed']),
                adjw=rng.choice(['调整预算', '全年预算']), say_adj=rng.random() < 0.5, total_top=rng.random() < 0.5,
                indent=rng.random() < 0.5, tables_first=rng.random() < 0.3, micro_base=rng.choice(['sme', 'total']),
                tprefix=rng.choice(['biao', 'cn']), txt_tab=rng.choice(['pipe', 'tab']), html_caption=rng.random() < 0.5,
                docx_head=rng.random() < 0.5, cont=rng.choice(['（续表）', '续表 ']))


def failing(b, widen=0.0):
    return [c for c in b.R.checks if not ia17.eval_check(c, b.R.figs, widen)]


def check_keys(c):
    return set(c['lhs'] + c['rhs']) if c['kind'] == 'bal' else {c['r'], c['num'], c['den']}


def make_doc(rng, cls):
    f = make_facts(rng)
    f['_reasons'] = [(rng.choice(REASONS_UP), rng.choice(REASONS_DOWN)) for _ in range(6)]
    opt = options(rng)
    b0 = build(f, opt)
    bad = failing(b0)
    assert not bad, bad[:3]
    if cls is None:
        return f, opt, b0, None
    pl = Planter(rng, b0)
    plan = pl.plan(cls)
    if plan is None:
        cls = 'completion'
        plan = pl.plan(cls)
    b1 = build(f, opt, plan['over'])
    fails = failing(b1, 2.0)
    keys = set(plan['keys'])
    assert fails and any(check_keys(c) & keys for c in fails), (cls, plan['over'])
    assert all(check_keys(c) & keys for c in failing(b1)), (cls, [c['label'] for c in failing(b1)])
    where = plan['where'](b1)
    d = dict(**{'class': cls}, where=where, alt=[x for x in plan['alt'](b1) if x != where], stated=plan['stated'],
             expected=plan['expected'], note=plan['note'])
    if plan.get('table'):
        d['table'], d['row'] = plan['table'], plan['row']
    return f, opt, b1, (d, plan['keys'])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--out', required=True)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    a = ap.parse_args()
    fmts = [x for x in a.formats.split(',') if x]
    os.makedirs(os.path.join(a.out, '_internal'), exist_ok=True)
    master = random.Random(a.seed)
    order = CLASSES[:]
    master.shuffle(order)
    ci = 0
    manifest = []
    for fmt in ['txt', 'html', 'docx', 'xlsx', 'pdf']:
        for i in range(a.count):
            rng = random.Random(f'{a.seed}-{fmt}-{i}')
            if fmt not in fmts:
                continue
            cls = None if i % 3 == 0 else order[ci % len(order)]
            if cls:
                ci += 1
            f, opt, b, dk = make_doc(rng, cls)
            name = f'g17_{a.seed}_{fmt}_{i + 1:02d}_final.{EXT[fmt]}'
            path = os.path.join(a.out, name)
            blocks, tables, dept = b.blocks, b.tables, f['dept']
            if fmt == 'txt':
                open(path, 'w', encoding='utf-8').write(render17.to_txt(blocks, tables, opt, dept))
            elif fmt == 'html':
                open(path, 'w', encoding='utf-8').write(render17.to_html(blocks, tables, opt, dept))
            elif fmt == 'docx':
                render17.to_docx(blocks, tables, opt, dept, path)
            elif fmt == 'xlsx':
                render17.to_xlsx(blocks, tables, opt, dept, path)
            else:
                render17.to_pdf(blocks, tables, opt, dept, path)
            defect = dk[0] if dk else None
            manifest.append(dict(file=name, format=fmt, doc_type='final', department=dept, year=f['year'],
                                 options=dict(opt, kind=f['kind'], province=f['province'], units=len(f['units'])),
                                 defect=defect))
            internal = dict(file=name, figs=b.R.figs, checks=b.R.checks, overrides=b.R.over,
                            defect_keys=dk[1] if dk else [], titles=[t['title'] for t in tables],
                            facts={k: v for k, v in f.items() if not k.startswith('_')})
            with open(os.path.join(a.out, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
                json.dump(internal, fh, ensure_ascii=False, indent=0, sort_keys=True)
    with open(os.path.join(a.out, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    nd = sum(1 for m in manifest if m['defect'])
    print(f'{a.out}: {len(manifest)} documents, {len(manifest) - nd} correct, {nd} with one planted defect')


if __name__ == '__main__':
    main()
