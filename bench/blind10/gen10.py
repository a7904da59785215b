#!/usr/bin/env python3
"""gen10: synthetic 部门预算 / 部门决算 disclosures (department + units) with one planted defect in two
slots of three.

    python3 gen10.py --seed S --count N --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random

from defects10 import CLASSES, plant
from facts10 import compose, make_department
from model10 import Doc
from render10 import RENDER
from tables10 import build_tables
from text10 import G, build_text


def options(r, fmt):
    return dict(
        pdec=r.choice([1, 2, 2]),
        text_comma=r.random() < 0.3,
        comma=r.random() < 0.8,           # thousands separators in 元 tables
        comma_wan=r.random() < 0.3,       # and in 万元 tables
        zero=r.choice(['-', '0', 'blank']),
        yuan_tables=set(r.sample(range(1, 12), r.choice([0, 1, 3]))),
        tprefix=r.choice(['num', 'code', 'none']),
        fnlabel=r.choice(['codename', 'onecell', 'split']),
        jg=r.choice(['broad', 'admin']),
        split=r.random() < 0.7,
        txt_page_lines=r.choice([38, 46, 55]),
        txt_sep=r.choice(['\t', ' | ', '  ']),
        formfeed=r.random() < 0.5,
        html_caption=r.random() < 0.5,
        docx_headings=r.random() < 0.5,
        xlsx_numeric=r.random() < 0.7,
        pdf_table_newpage=r.random() < 0.4,
        tables_first=False,
    )


def build(seed, fmt, i, doc_type):
    r = random.Random(f'gen10-{seed}-{fmt}-{i}')
    year = r.choice([2024, 2025, 2026]) if doc_type == 'budget' else r.choice([2023, 2024, 2025])
    D = make_department(r, doc_type, year)
    scen = {'cur': compose(D, 'cur'), 'prev': compose(D, 'prev')}
    if doc_type == 'final':
        scen['b0'] = compose(D, 'b0')
        scen['b1'] = compose(D, 'b1')
    opts = options(r, fmt)
    doc = Doc(opts)
    g = G(D, scen, doc, r)
    build_text(g)
    tables = build_tables(g)
    doc.h(1, f'第四部分  附件：{year}年度部门{g.kw}表')
    for t in tables:
        doc.table(t)
    return doc, D, g, r


def jsonable(o):
    if isinstance(o, set):
        return sorted(o)
    raise TypeError(type(o))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    fmts = [f.strip() for f in a.formats.split(',') if f.strip()]
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    cr = random.Random(f'gen10-classes-{a.seed}')
    order = list(CLASSES)
    cr.shuffle(order)
    k = 0
    manifest = []
    for fmt in fmts:
        for i in range(a.count):
            doc_type = 'budget' if i % 2 == 0 else 'final'
            doc, D, g, r = build(a.seed, fmt, i, doc_type)
            defect, fid = None, None
            if i % 3 != 0:
                # the class waiting longest goes first; a class that cannot be planted in this
                # document (e.g. completion-level in a budget) keeps its place for the next slot
                for j, cls in enumerate(order):
                    res = plant(doc, cls, r)
                    if res:
                        defect, fid = res
                        order.append(order.pop(j))
                        break
                k += 1
            name = f'g10_{a.seed}_{fmt}_{i:02d}_{doc_type}.{fmt}'
            running = f'{D["dept"]}{D["year"]}年度部门{g.kw}'
            RENDER[fmt](doc, os.path.join(a.outdir, name), running)
            opts = {kk: (sorted(v) if isinstance(v, set) else v) for kk, v in doc.opts.items()}
            opts['units'] = len(D['units'])
            manifest.append(dict(file=name, format=fmt, doc_type=doc_type, department=D['dept'], year=D['year'],
                                 options=opts, defect=defect))
            internal = dict(file=name, figs=[f.rec() for f in doc.figs], checks=doc.checks, planted_fid=fid,
                            units=[dict(uid=u.uid, name=u.name, admin=u.admin) for u in D['units']])
            with open(os.path.join(a.outdir, '_internal', name + '.json'), 'w', encoding='utf-8') as f:
                json.dump(internal, f, ensure_ascii=False, indent=0, default=jsonable)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, default=jsonable)
    nd = sum(1 for m in manifest if m['defect'])
    print(f'{a.outdir}: {len(manifest)} files, {nd} with a planted defect')


if __name__ == '__main__':
    main()
