#!/usr/bin/env python3
"""gen14: synthetic 2026年部门预算 disclosures compared with 上年预算, published the way
multi-page PDFs break tables, with one planted defect in about half of them.

    python3 gen14.py --seed 1401 --count 6 --out out1401 [--formats txt,html,docx,xlsx,pdf] [--same-docs]

Writes OUT/g14_<seed>_<nn>_budget.<fmt>, OUT/manifest.json (the format bench/blind/check_generated.py
reads) and OUT/_internal/<file>.json (facts, figures and identities, for verify14.py).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from fractions import Fraction
from typing import Any

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from build14 import Q, build_tables  # noqa: E402
from defects14 import CLASSES, RESIDUE_PATTERNS, plant  # noqa: E402
from doc14 import Doc, Para  # noqa: E402
from facts14 import make_facts  # noqa: E402
from render14 import render, running_header  # noqa: E402
from text14 import compose  # noqa: E402

FORMATS = ['txt', 'html', 'docx', 'xlsx', 'pdf']


def sample_options(rng: random.Random, fmt: str) -> dict[str, Any]:
    """Layout of one document: units, columns, numbering, totals, page furniture, per-format style."""
    o: dict[str, Any] = {}
    o['tunit'] = '万元' if rng.random() < 0.7 else '元'
    o['tdec'] = 2 if o['tunit'] == '万元' else rng.choice([0, 2])
    o['tsep'] = rng.random() < 0.5
    o['xunit'] = '万元' if rng.random() < 0.85 else '元'
    o['xdec'] = rng.choice([0, 2])
    o['xsep'] = rng.random() < (0.6 if o['xunit'] == '元' else 0.25)
    o['pdec'] = rng.choice([2, 2, 2, 1])
    o['yoy_tables'] = rng.random() < 0.55
    o['yoy_styles'] = rng.choice([['both', 'chg', 'chg', 'rate', 'chgonly'], ['chg', 'chg', 'both'],
                                  ['both', 'both', 'chg'], ['chg', 'rate', 'chgonly']])
    o['cmp_year'] = rng.random() < 0.7
    o['zero'] = rng.choice(['blank', 'print'])
    o['total_pos'] = rng.choice(['top', 'top', 'bottom'])
    o['total_label'] = rng.choice(['合计', '合计', '总计'])
    o['code_style'] = rng.choices(['one', 'split', 'joined', 'indent'], [45, 25, 20, 10])[0]
    o['econ_style'] = rng.choice(['one', 'split', 'joined'])
    o['lanci'] = rng.random() < 0.35
    o['sg_layout'] = rng.choice(['vertical', 'horizontal'])
    o['sg_prev'] = rng.random() < 0.6
    o['sg_order'] = rng.choice(['std', 'jd_first'])
    o['sg_items_numbered'] = rng.random() < 0.5
    o['annex'] = rng.choice([['proj'], ['proc'], ['proj', 'proc']])
    o['all_classes'] = rng.random() < 0.3
    o['exp_extra_cols'] = rng.random() < 0.3
    o['unit_code'] = rng.random() < 0.5
    o['code_base'] = rng.randint(0, 80)
    o['empty_zero'] = rng.random() < 0.5
    o['proj_code'] = rng.random() < 0.4
    o['proc_hdr_long'] = rng.random() < 0.5
    o['title_year'] = rng.random() < 0.5
    o['table_numbering'] = rng.choice(['cn', 'biao', 'num'])
    o['table_prefix_in_title'] = rng.random() < 0.5
    o['table_newpage'] = rng.random() < 0.6
    o['tables_first'] = rng.random() < 0.35
    o['numbering'] = rng.choice(['cn', 'cn', 'arabic', 'mixed'])
    o['leaf_path'] = rng.choice(['full', 'full', 'code'])
    o['dept_line'] = rng.random() < 0.5
    # page furniture of the published PDF
    o['header_repeat'] = rng.random() < 0.6
    o['xubiao'] = rng.choice(['', '', '续表', '（续表）', '续上表'])
    o['footer'] = rng.choice(['— {n} —', '- {n} -', '第{n}页', '— {n} —'])
    o['running_header'] = rng.random() < 0.7
    o['header_suffix'] = rng.random() < 0.3
    o['page_lines'] = rng.choice([40, 44, 48])
    o['pdf_cut'] = rng.uniform(0.4, 0.7)
    # per format
    o['txt_table'] = rng.choice(['tsv', 'pipes', 'cells'])
    o['html_caption'] = rng.choice(['caption', 'p'])
    o['docx_headings'] = rng.random() < 0.5
    o['xlsx_text_numbers'] = rng.random() < 0.25
    o['xlsx_noise'] = rng.random() < 0.5
    o['xlsx_text_last'] = rng.random() < 0.4
    return o


MANIFEST_OPTIONS = ['tunit', 'tdec', 'xunit', 'pdec', 'yoy_tables', 'yoy_styles', 'zero', 'total_pos', 'total_label',
                    'code_style', 'econ_style', 'lanci', 'sg_layout', 'annex', 'all_classes', 'tables_first',
                    'numbering', 'header_repeat', 'xubiao', 'footer', 'running_header', 'table_newpage']


def frac_str(x: Fraction) -> str:
    return f'{x.numerator}/{x.denominator}' if x.denominator != 1 else str(x.numerator)


def internal_record(doc: Doc, fmt: str, defect: dict[str, Any] | None) -> dict[str, Any]:
    figs = []
    for f in doc.figs.values():
        figs.append(dict(id=f.id, key=f.key, kind=f.kind, value=frac_str(f.value), text=f.text, true_text=f.true_text,
                         unit=f.unit, dec=f.dec, loc=f.loc, signed=f.signed, tampered=f.tampered))
    rendered = [t.title for t in doc.tables() if t.tid != 't_units']
    paras = [b.text() for b in doc.blocks if isinstance(b, Para)]
    return dict(format=fmt, facts=doc.facts, options=doc.options, figs=figs, identities=doc.identities,
                paragraphs=paras,
                toc_tables=doc.toc_tables, toc_tids=doc.toc_tids, rendered_tables=rendered,
                rendered_tids=[t.tid for t in doc.tables() if t.tid != 't_units'],
                noise=dict(running_header=running_header(doc), footer=doc.options['footer']),
                residue_patterns=RESIDUE_PATTERNS, defect=defect)


def plan_run(seed: int, n_blocks: int, count: int) -> list[str | None]:
    """Clean or defective for each slot, and the class of each defective one.

    Half of each format's documents are clean (the odd one out decided by the seed), so false
    alarms can be counted per format; the classes are dealt from a seeded shuffle of all twelve,
    reshuffled whenever the deck runs out.
    """
    rng = random.Random(f'gen14-plan-{seed}')
    deck: list[str] = []
    plan: list[str | None] = []
    for _ in range(n_blocks):
        n_def = count // 2 + (count % 2 if rng.random() < 0.5 else 0)
        defective = set(rng.sample(range(count), n_def))
        for s in range(count):
            if s in defective:
                if not deck:
                    deck = CLASSES[:]
                    rng.shuffle(deck)
                plan.append(deck.pop())
            else:
                plan.append(None)
    return plan


def make_document(seed: int, slot: int, fmt: str, cls: str | None) -> tuple[Doc, dict[str, Any] | None]:
    rng = random.Random(f'gen14-doc-{seed}-{slot}')
    facts = make_facts(rng)
    opts = sample_options(rng, fmt)
    doc = Doc(facts, opts)
    q = Q(facts)
    tables = build_tables(doc, q, rng)
    compose(doc, q, rng, tables)
    defect = plant(doc, cls, random.Random(f'gen14-defect-{seed}-{slot}')) if cls else None
    if defect is None:
        # the planter checks the clean document too; do it here for clean ones
        from defects14 import violated
        bad = violated(doc, 0)
        assert not bad, f'clean document {seed}/{slot} violates {bad[:3]}'
    return doc, defect


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6, help='documents per format')
    ap.add_argument('--out', required=True)
    ap.add_argument('--formats', default=','.join(FORMATS))
    ap.add_argument('--same-docs', action='store_true',
                    help='render the same `count` documents in every format (default: different documents)')
    a = ap.parse_args()
    fmts = [f for f in a.formats.split(',') if f]
    os.makedirs(os.path.join(a.out, '_internal'), exist_ok=True)
    plan = plan_run(a.seed, 1 if a.same_docs else len(fmts), a.count)
    manifest = []
    for fi, fmt in enumerate(fmts):
        for nn in range(a.count):
            slot = nn if a.same_docs else fi * a.count + nn
            doc, defect = make_document(a.seed, slot, fmt, plan[slot])
            name = f'g14_{a.seed}_{slot + 1:02d}_budget.{fmt}' if not a.same_docs else f'g14_{a.seed}_{nn + 1:02d}_budget.{fmt}'
            with open(os.path.join(a.out, name), 'wb') as fh:
                fh.write(render(fmt, doc))
            public = None
            if defect:
                public = {k: v for k, v in defect.items() if not k.startswith('_')}
            opts = {k: doc.options[k] for k in MANIFEST_OPTIONS}
            opts['consolidated'] = doc.facts['consolidated']
            opts['units'] = len(doc.facts['units'])
            opts['planned_class'] = plan[slot]
            manifest.append(dict(file=name, format=fmt, doc_type='budget', department=doc.facts['dept'], year=2026,
                                 options=opts, defect=public))
            with open(os.path.join(a.out, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
                json.dump(internal_record(doc, fmt, defect), fh, ensure_ascii=False, indent=1, sort_keys=True)
    with open(os.path.join(a.out, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    n_def = sum(1 for m in manifest if m['defect'])
    print(f'{a.out}: {len(manifest)} files, {n_def} with a planted defect, {len(manifest) - n_def} clean')


if __name__ == '__main__':
    main()
