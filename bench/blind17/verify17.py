#!/usr/bin/env python3
"""Verify a gen17 output directory without importing the generator.

For every document: re-evaluate every recorded identity (interval arithmetic, ia17) on the printed figures;
a correct document must satisfy all of them; a defective one must break at least one identity that involves
the planted figures, even with every interval widened by 2 units of its last digit, and break nothing else.
Then read the rendered file back and check that every printed figure, every table title and the defect's
`where` (and `alt`) appear in it (whitespace removed). Usage: python3 verify17.py DIR [DIR ...]
"""
import html
import json
import os
import re
import sys

import ia17


def norm(s):
    s = str(s or '').replace('，', ',').replace('（', '(').replace('）', ')')
    return re.sub(r'\s+', '', s)


def xl_text(v, fmt_):
    if isinstance(v, (int, float)):
        nd = len(fmt_.split('.')[1]) if '.' in fmt_ else 0
        return f'{v:,.{nd}f}' if ',' in fmt_ else f'{v:.{nd}f}'
    return '' if v is None else str(v)


def read_text(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'txt':
        return open(path, encoding='utf-8').read()
    if ext == 'html':
        s = open(path, encoding='utf-8').read()
        return html.unescape(re.sub(r'<[^>]+>', ' ', s))
    if ext == 'docx':
        from docx import Document
        d = Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out.append(' | '.join(c.text for c in r.cells))
        return '\n'.join(out)
    if ext == 'xlsx':
        from openpyxl import load_workbook
        wb = load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                out.append(' | '.join(xl_text(c.value, c.number_format) for c in row))
        return '\n'.join(out)
    if ext == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return '\n'.join(p.extract_text(y_tolerance=6) or '' for p in pdf.pages)
    raise ValueError(ext)


def keys_of(c):
    return set(c['lhs'] + c['rhs']) if c['kind'] == 'bal' else {c['r'], c['num'], c['den']}


def verify_dir(d):
    man = json.load(open(os.path.join(d, 'manifest.json'), encoding='utf-8'))
    errs = []
    stats = dict(docs=0, correct=0, defective=0, checks=0)
    for r in man:
        stats['docs'] += 1
        for k in ('file', 'format', 'doc_type', 'department', 'year', 'options', 'defect'):
            if k not in r:
                errs.append(f"{r.get('file')}: manifest field {k} missing")
        it = json.load(open(os.path.join(d, '_internal', r['file'] + '.json'), encoding='utf-8'))
        figs, checks = it['figs'], it['checks']
        stats['checks'] += len(checks)
        for c in checks:
            for k in keys_of(c):
                if k not in figs:
                    errs.append(f"{r['file']}: check {c['label']} refers to unknown figure {k}")
        bad = [c for c in checks if not ia17.eval_check(c, figs)]
        dk = set(it['defect_keys'])
        if r['defect'] is None:
            stats['correct'] += 1
            if it['overrides']:
                errs.append(f"{r['file']}: correct document carries overrides")
            for c in bad:
                errs.append(f"{r['file']}: identity broken in a correct document: {c['label']}")
        else:
            stats['defective'] += 1
            df = r['defect']
            for k in ('class', 'where', 'alt', 'stated', 'expected', 'note'):
                if k not in df:
                    errs.append(f"{r['file']}: defect field {k} missing")
            if len(norm(df['where'])) < 4 and not df.get('table'):
                errs.append(f"{r['file']}: where too short")
            hard = [c for c in checks if not ia17.eval_check(c, figs, 2.0)]
            if not any(keys_of(c) & dk for c in hard):
                errs.append(f"{r['file']}: planted defect {df['class']} within rounding tolerance")
            for c in bad:
                if not keys_of(c) & dk:
                    errs.append(f"{r['file']}: unplanted broken identity: {c['label']}")
        text = norm(read_text(os.path.join(d, r['file'])))
        tn = text.replace(',', '')
        for t in it['titles']:
            if norm(t) not in text:
                errs.append(f"{r['file']}: table title {t} not rendered")
        missing = [k for k, v in figs.items() if v['s'] and norm(v['s']).replace(',', '') not in tn]
        if missing:
            errs.append(f"{r['file']}: {len(missing)} figures not found in the rendered text, e.g. {missing[:3]}")
        if r['defect']:
            for q in [r['defect']['where']] + list(r['defect']['alt']):
                if norm(q) not in text:
                    errs.append(f"{r['file']}: defect quote {q!r} not in the rendered text")
            if r['defect']['stated'] and norm(r['defect']['stated']).rstrip('%') not in text:
                errs.append(f"{r['file']}: stated value not in the rendered text")
    return stats, errs


def main():
    ok = True
    for d in sys.argv[1:]:
        stats, errs = verify_dir(d)
        print(f"{d}: {stats['docs']} documents ({stats['correct']} correct, {stats['defective']} defective), "
              f"{stats['checks']} identities -> {'PASS' if not errs else 'FAIL'}")
        for e in errs[:40]:
            print('  ' + e)
        ok = ok and not errs
    sys.exit(0 if ok else 1)


if __name__ == '__main__':
    main()
