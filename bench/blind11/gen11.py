#!/usr/bin/env python3
"""gen11: synthetic 部门预算 / 部门决算 disclosures laid out as word processors publish them, with one
planted defect in two slots of three.

    python3 gen11.py --seed 1101 --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random

from defects11 import CLASSES, plant
from facts11 import Doc, make_facts
from render11 import RENDER
from tables11 import build_tables
from text11 import build_text


def options(rng):
    tunit = rng.choice(['yuan', 'wan', 'wan'])
    return dict(
        tunit=tunit,
        thousands=(tunit == 'yuan' and rng.random() < 0.8) or (tunit == 'wan' and rng.random() < 0.4),
        zero_blank=rng.random() < 0.5,
        wrapw=rng.choice([18, 20, 22, 24]),
        total_pos=rng.choice(['top', 'bottom']),
        chunk=rng.choice([7, 8, 9]),
        cont_label=rng.choice(['（续表）', '续表', '续上表', None]),
        sgunit=rng.choice(['wan', 'yuan']),
        pdec=rng.choice([1, 2, 2]),
        cmp=rng.choice(['比上年', '较上年', '与上年相比']),
        txt_pipes=rng.random() < 0.5,
        docx_heading_styles=rng.random() < 0.5,
        xlsx_numeric=rng.random() < 0.6,
        pdf_fs=rng.choice([10.5, 12]),
        pdf_footer=rng.choice(['dash', 'di', 'plain']),
        pdf_ruled=rng.random() < 0.5,
        pdf_part_newpage=rng.random() < 0.5,
        pdf_table_newpage=rng.random() < 0.5,
    )


def build(seed, fmt, slot, dt):
    rng = random.Random(f'gen11-{seed}-{fmt}-{slot}')
    year = rng.choice([2024, 2025, 2026]) if dt == 'budget' else rng.choice([2023, 2024, 2025])
    o = options(rng)
    if o['cmp'] == '与上年相比':
        o['cmp'] = f'与{year - 1}年相比，'
    F = make_facts(rng, dt, year)
    yw = f'{year}年' if dt == 'budget' else f'{year}年度'
    kind = '部门预算' if dt == 'budget' else '部门决算'
    doc = Doc(dict(title=f'{F["org"]}{yw}{kind}', running=f'{F["org"]}{yw}{kind}公开'))
    build_text(doc, F, o, year, dt, rng)
    ts = build_tables(doc, F, o, year, dt, rng)
    for t in ts:
        doc.blocks.append(dict(type='table', id=t.id))
    return doc, F, o, year, rng


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    fmts = [f.strip() for f in a.formats.split(',') if f.strip()]
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    # a fixed class order, rotated by 3 per seed: consecutive seeds spread every class over every format
    order = list(CLASSES)
    random.Random('gen11-classes').shuffle(order)
    k = 3 * a.seed
    man = []
    for fmt in fmts:
        for slot in range(a.count):
            dt = 'budget' if slot % 2 == 0 else 'final'
            doc, F, o, year, rng = build(a.seed, fmt, slot, dt)
            defect, dfid = None, None
            if slot % 3 != 0:
                for j in range(len(order)):
                    cls = order[(k + j) % len(order)]
                    r = plant(doc, cls, rng)
                    if r:
                        d, dfid = r
                        defect = dict(**{'class': d.pop('cls')}, **d)
                        break
                k += 1
            fn = f'g11_{a.seed}_{slot:02d}_{dt}.{fmt}'
            path = os.path.join(a.outdir, fn)
            RENDER[fmt](doc, path, o)
            man.append(dict(file=fn, format=fmt, doc_type=dt, department=F['org'], year=year, options=o,
                            defect=defect))
            internal = dict(file=fn, running=doc.meta['running'], title=doc.meta['title'], figures=doc.figs,
                            identities=doc.ids, defect_fid=dfid, defect=defect,
                            table_titles=[t.title for t in doc.tables.values()],
                            tables={t.id: t.to_json() for t in doc.tables.values()}, blocks=doc.blocks,
                            facts=dict(G=F['G'], S=F['S'], O=F['O'], C=F['C'], E=F['E'], basic=F['basic'],
                                       proj=F['proj'], total=F['total'], person=F['person'], public=F['public'],
                                       leaves=F['leaves'], projects=F['projects'], eco=F['eco'], sg=F['sg'],
                                       sgp=F['sgp'], prev_total=F['prev_total'], prev_basic=F['prev_basic']))
            with open(os.path.join(a.outdir, '_internal', fn + '.json'), 'w', encoding='utf-8') as f:
                json.dump(internal, f, ensure_ascii=False, indent=1, sort_keys=True)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(man, f, ensure_ascii=False, indent=1)
    nd = sum(1 for r in man if r['defect'])
    print(f'{a.outdir}: {len(man)} documents, {nd} with a planted defect')


if __name__ == '__main__':
    main()
