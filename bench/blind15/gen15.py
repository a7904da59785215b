#!/usr/bin/env python3
"""gen15: synthetic 2025 部门决算 (and some 2026 部门预算) of county/district departments with planted defects.

Usage: python3 gen15.py --seed N --count 6 --out DIR [--formats txt,html,docx,xlsx,pdf]
"""
import argparse
import json
import os
import random

from build15 import build
from defects15 import CLASSES, plant
from noise15 import render_scanned
from render15 import render_html, render_txt
from render15o import render_docx, render_xlsx
from render15p import render_pdf

FORMATS = ['txt', 'html', 'docx', 'xlsx', 'pdf']
WEIGHTS = {c: 1 for c in CLASSES}
WEIGHTS.update({'perf-table': 3, 'table-total': 2, 'zero-base': 2, 'text-vs-table': 2, 'blank-total': 2, 'count': 2,
                'share': 2})


def slot_plan(rng, count, formats):
    """(format, index, doc_type, defect class or None) for every slot; one slot in three is clean."""
    slots = []
    for fmt in formats:
        budgets = set(rng.sample(range(count), count // 3))
        for i in range(count):
            slots.append([fmt, i, 'budget' if i in budgets else 'final', None])
    n = len(slots)
    clean = set(rng.sample(range(n), n // 3))
    bag = []
    while len(bag) < n:
        round_ = [c for c, w in WEIGHTS.items() for _ in range(w)]
        rng.shuffle(round_)
        bag += round_
    k = 0
    for j, s in enumerate(slots):
        if j not in clean:
            s[3] = bag[k]
            k += 1
    return slots


def fmt_options(rng, fmt, doc, scanned):
    o = doc.opts
    o['unit_style'] = rng.randrange(2)
    if fmt == 'txt':
        o['txt_table'] = rng.choice(['tsv', 'pipe', 'cells'])
        o['txt_indent'] = rng.choice(['', '\u3000\u3000'])
        o['scanned'] = scanned
    elif fmt == 'html':
        o['html_caption'] = rng.random() < 0.5
        o['html_heading'] = rng.choice(['h', 'strong'])
        o['views'] = rng.randint(30, 3000)
    elif fmt == 'docx':
        o['docx_heading'] = rng.choice(['style', 'bold'])
    elif fmt == 'xlsx':
        o['xlsx_numeric'] = rng.random() < 0.7
    elif fmt == 'pdf':
        o['pdf_repeat'] = rng.random() < 0.5
        o['pdf_newpage'] = rng.random() < 0.5


def public_opts(o):
    return {k: v for k, v in o.items() if isinstance(v, (str, int, float, bool))}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--out', required=True)
    ap.add_argument('--formats', default=','.join(FORMATS))
    a = ap.parse_args()
    formats = [f for f in a.formats.split(',') if f]
    os.makedirs(os.path.join(a.out, '_internal'), exist_ok=True)
    rng = random.Random(a.seed)
    slots = slot_plan(rng, a.count, formats)
    txt_slots = [j for j, s in enumerate(slots) if s[0] == 'txt']
    scanned = set(rng.sample(txt_slots, max(1, len(txt_slots) // 6))) if txt_slots else set()
    manifest = []
    for j, (fmt, i, dt, cls) in enumerate(slots):
        r = random.Random(f'gen15-{a.seed}-{fmt}-{i}')
        year = 2025 if dt == 'final' else 2026
        doc = build(r, dt, year, fmt)
        fmt_options(r, fmt, doc, j in scanned)
        defect = None
        if cls:
            order = [cls] + r.sample([c for c in CLASSES if c != cls], len(CLASSES) - 1)
            for c in order:
                defect = plant(doc, r, c)
                if defect:
                    break
        name = f'g15_{a.seed}_{j:02d}_{dt}.{fmt}'
        path = os.path.join(a.out, name)
        protect = [defect['where']] + defect['alt'] if defect else []
        if fmt == 'txt':
            text = render_scanned(doc, r, protect) if j in scanned else render_txt(doc)
            with open(path, 'w', encoding='utf-8') as fh:
                fh.write(text)
        elif fmt == 'html':
            site = f'{doc.facts.region[2]}人民政府门户网站'
            with open(path, 'w', encoding='utf-8') as fh:
                fh.write(render_html(doc, site, f'{year + 1 if dt == "final" else year}-0{r.randint(2, 9)}-{r.randint(10, 28)}'))
        elif fmt == 'docx':
            render_docx(doc, path)
        elif fmt == 'xlsx':
            render_xlsx(doc, path)
        else:
            render_pdf(doc, path)
        rec = doc.record()
        rec['file'], rec['format'], rec['title'] = name, fmt, doc.title
        rec['table_titles'] = [t.title for t in doc.tables]
        rec['planned'] = cls
        rec['defect'] = defect and {k: v for k, v in defect.items()}
        with open(os.path.join(a.out, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
            json.dump(rec, fh, ensure_ascii=False, indent=0, sort_keys=True)
        md = None
        if defect:
            md = dict(defect)
            md['class'] = md.pop('cls')
            for k in ('fids', 'kind'):
                md.pop(k)
            if md.get('table') is None:
                md.pop('table')
                md.pop('row', None)
        manifest.append(dict(file=name, format=fmt, doc_type=dt, department=doc.dept, year=year,
                             options=public_opts(doc.opts), defect=md))
    with open(os.path.join(a.out, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    n = sum(1 for m in manifest if m['defect'])
    print(f'wrote {len(manifest)} files ({n} with a defect) to {a.out}')


if __name__ == '__main__':
    main()
