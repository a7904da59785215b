#!/usr/bin/env python3
"""gen16: synthetic 部门预算/决算 disclosures with ratio-of-prior, 倍, 个百分点, per-项 and scope claims.

Usage: python3 gen16.py --seed N --count C --out DIR [--formats txt,html,docx,xlsx,pdf]
"""
import argparse
import json
import os
import random

import ia16
from compose16 import compose
from defects16 import CLASSES, applicable, plant
from doc16 import para_text
from facts16 import make_facts
from render16 import RENDER


def options(rng, s):
    big = s % 4 == 3
    o = dict(unit=rng.choice(['yuan', 'wan', 'wan']), sep=rng.random() < 0.6, yi=False,
             layout=rng.choice(['full', 'split']), tables_first=rng.random() < 0.3, proc_table=rng.random() < 0.5,
             txt_style=rng.choice(['tab', 'space']), html_caption=rng.random() < 0.5, pdf_repeat=rng.random() < 0.5, big=big)
    if big:
        if rng.random() < 0.5:
            o['unit'] = 'qian'
        else:
            o['yi'] = True
    if o['unit'] == 'yuan':
        o['sep'] = True
    return o


def record(doc):
    return dict(figs={i: f.record() for i, f in doc.figs.items()}, identities=doc.identities)


def check_planted(rec, mutated):
    """Correct: no failure. Defect: every failure involves a mutated figure; one fails even widened."""
    fails = ia16.failures(rec)
    if not mutated:
        return not fails
    m = set(mutated)
    if not fails or any(not (set(x['figs']) & m) for x in fails):
        return False
    return any(set(x['figs']) & m for x in ia16.failures(rec, widen=True))


def build_one(seed, s, cls_order, want_defect):
    for attempt in range(40):
        rng = random.Random(seed * 100003 + s * 101 + attempt)
        doc_type = 'budget' if s % 2 == 0 else 'final'
        o = options(rng, s)
        f = make_facts(rng, doc_type, o['big'])
        try:
            doc, cand, title = compose(f, rng, o)
        except AssertionError:
            continue
        defect = None
        if want_defect:
            cls = next((c for c in cls_order if applicable(c, cand)), None)
            if cls is None:
                continue
            unit_min = {'wan': '1', 'yuan': '10000', 'qian': '10'}[o['unit']]
            defect = plant(cls, doc, cand, rng, unit_min)
        rec = record(doc)
        if not check_planted(rec, defect['mutated'] if defect else []):
            continue
        return f, o, doc, defect, rec, title
    raise RuntimeError(f'could not build slot {s}')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--out', required=True)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    a = ap.parse_args()
    os.makedirs(os.path.join(a.out, '_internal'), exist_ok=True)
    fmts = a.formats.split(',')
    order = CLASSES[:]
    random.Random(a.seed).shuffle(order)
    ptr = 0
    man = []
    for fi, fmt in enumerate(fmts):
        for i in range(a.count):
            s = fi * a.count + i
            want = s % 3 != 2
            cls_order = order[ptr % len(order):] + order[:ptr % len(order)]
            f, o, doc, defect, rec, title = build_one(a.seed, s, cls_order, want)
            if want:
                ptr = order.index(defect['class']) + 1
            name = f'g16_{a.seed}_{s:02d}_{f["doc_type"]}.{fmt}'
            RENDER[fmt](doc, os.path.join(a.out, name), o)
            d = None
            if defect:
                d = {k: defect[k] for k in ('class', 'where', 'alt', 'stated', 'expected', 'note', 'table', 'row')
                     if k in defect}
            man.append(dict(file=name, format=fmt, doc_type=f['doc_type'], department=f['dept'], year=f['year'],
                            options={k: v for k, v in o.items()}, defect=d))
            rec.update(file=name, title=title, defect=defect,
                       tables=[b[1]['title'] for b in doc.blocks if b[0] == 't'],
                       text=[b[2] if b[0] == 'h' else para_text(b[1]) for b in doc.blocks if b[0] in 'hp'],
                       facts={k: v for k, v in f.items() if k not in ('gp', 'gf', 'soe')},
                       leaves={k: f[k] for k in ('gp', 'gf', 'soe')})
            with open(os.path.join(a.out, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
                json.dump(rec, fh, ensure_ascii=False, indent=1, sort_keys=True)
    with open(os.path.join(a.out, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(man, fh, ensure_ascii=False, indent=1)
    print(f'{len(man)} documents, {sum(1 for r in man if r["defect"])} with a planted defect -> {a.out}')


if __name__ == '__main__':
    main()
