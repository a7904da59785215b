#!/usr/bin/env python3
"""gen7: synthetic 部门预算 / 部门决算 disclosures with planted defects.

    python3 gen7.py --seed 701 --count 6 --formats txt,html,docx,xlsx,pdf out701

For each format, `count` documents alternating budget and final; one slot in three is
correct, every other slot gets exactly one defect whose class comes from a seeded
shuffle of defects7.CLASSES.  Deterministic for a seed.
"""
import argparse
import json
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from build7 import PUBLIC_OPTS, build, make_opts  # noqa: E402
from defects7 import CLASSES, FINAL_ONLY, Planter  # noqa: E402
from doc7 import all_identities, violated  # noqa: E402
from facts7 import make_facts  # noqa: E402
from render7 import RENDERERS  # noqa: E402


class ClassQueue:
    def __init__(self, rng):
        self.rng = rng
        self.q = []

    def refill(self):
        c = list(CLASSES)
        self.rng.shuffle(c)
        self.q += c

    def candidates(self, doc_type):
        """Classes in queue order that fit the document type (the first is preferred)."""
        if len(self.q) < len(CLASSES):
            self.refill()
        return [c for c in self.q if doc_type == 'final' or c not in FINAL_ONLY]

    def used(self, c):
        self.q.remove(c)


def internal_record(doc, fname, fmt, furn, locs, defect):
    used = doc.fig_ids_in_use()
    seen = set()
    figs = []
    for fid in used:
        if fid in seen:
            continue
        seen.add(fid)
        figs.append(doc.figs[fid].to_json())
    ids = all_identities(doc)
    tables = []
    for b in doc.blocks:
        if b[0] == 't':
            t = b[1]
            tables.append(dict(id=t.id, title=t.title(), mandatory=t.mandatory, toc_entry=getattr(t, 'toc_entry', None)))
    headings = [doc.seg_text(b[2]) for b in doc.blocks if b[0] == 'h']
    all_tables = [dict(id=t.id, title=t.title(), mandatory=t.mandatory, toc_entry=getattr(t, 'toc_entry', None))
                  for t in doc.table_list]
    return dict(file=fname, format=fmt, doc_type=doc.facts.doc_type, year=doc.facts.year,
                department=doc.facts.dept_name, figures=figs, identities=ids, headings=headings,
                tables=tables, all_tables=all_tables, mandatory=doc.mandatory, toc=doc.toc, furniture=furn,
                locs=locs, residue=doc.residue, defect=defect)


def make_one(seed, fmt, i, cq, outdir):
    doc_type = 'budget' if i % 2 == 0 else 'final'
    rng = random.Random(f'gen7-{seed}-{fmt}-{i}')
    year = rng.choice([2023, 2024, 2025, 2026]) if doc_type == 'budget' else rng.choice([2021, 2022, 2023, 2024])
    facts = make_facts(rng, doc_type, year)
    opts = make_opts(rng, doc_type, fmt)
    doc = build(facts, opts, rng)
    bad = violated(doc)
    if bad:
        raise AssertionError(f'correct document violates identities: {bad[:3]}')
    defect = None
    if i % 3 != 0:
        planter = Planter(doc, rng)
        for cls in cq.candidates(doc_type):
            defect = planter.plant(cls)
            if defect:
                cq.used(cls)
                break
        if defect is None:
            raise RuntimeError('no defect could be planted')
    fname = f'g7_{seed}_{i + 1:02d}_{doc_type}.{fmt}'
    furn, locs = RENDERERS[fmt](doc, os.path.join(outdir, fname))
    rec = internal_record(doc, fname, fmt, furn, locs, defect)
    with open(os.path.join(outdir, '_internal', fname + '.json'), 'w', encoding='utf-8') as fh:
        json.dump(rec, fh, ensure_ascii=False, indent=0)
    man_def = None
    if defect:
        man_def = {k: v for k, v in defect.items() if k != 'figs'}
    options = {k: opts[k] for k in PUBLIC_OPTS}
    options['region'] = facts.prov + facts.county
    options['dept_kind'] = facts.dept_key
    return dict(file=fname, format=fmt, doc_type=doc_type, department=facts.dept_name, year=year, options=options,
                defect=man_def)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    cq = ClassQueue(random.Random(f'gen7-classes-{a.seed}'))
    manifest = []
    for fmt in [x.strip() for x in a.formats.split(',') if x.strip()]:
        if fmt not in RENDERERS:
            sys.exit(f'unknown format {fmt}')
        for i in range(a.count):
            manifest.append(make_one(a.seed, fmt, i, cq, a.outdir))
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    nd = sum(1 for r in manifest if r['defect'])
    print(f'{len(manifest)} documents ({nd} with a defect) written to {a.outdir}')


if __name__ == '__main__':
    main()
