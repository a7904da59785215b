#!/usr/bin/env python3
"""Re-check every generated document from the generator's records (OUTDIR/_internal/*.json).

python3 verify13.py OUTDIR [OUTDIR ...]

For each file: correct documents must violate no identity (interval arithmetic on printed figures);
a defective one must violate at least one, even after every interval is widened by 2 units of its
last digit; `where`, every printed figure and every table title must be found in the rendered file
(whitespace removed). Uses only ia13 (the interval checks), not the generator.
"""
import json
import os
import re
import sys

import ia13


def squash(s):
    return re.sub(r'\s+', '', s)


def read_text(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'txt':
        return open(path, encoding='utf-8').read()
    if ext == 'html':
        from lxml import html
        return html.fromstring(open(path, 'rb').read()).text_content()
    if ext == 'docx':
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                out.append('\t'.join(c.text for c in row.cells))
        return '\n'.join(out)
    if ext == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                vals = []
                for c in row:
                    v = c.value
                    if isinstance(v, (int, float)):
                        fmt = c.number_format or ''
                        dec = len(fmt.split('.')[1]) if '.' in fmt else 0
                        v = f'{v:,.{dec}f}' if ',' in fmt else f'{v:.{dec}f}'
                    vals.append('' if v is None else str(v))
                out.append('\t'.join(vals))
        return '\n'.join(out)
    if ext == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return '\n'.join((p.extract_text(y_tolerance=6) or '') for p in pdf.pages)
    raise ValueError(ext)


def verify_dir(outdir):
    man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
    problems, stats = [], dict(files=0, clean=0, defective=0, identities=0, figures=0)
    for r in man:
        rec = json.load(open(os.path.join(outdir, '_internal', r['file'] + '.json'), encoding='utf-8'))
        stats['files'] += 1
        stats['identities'] += len(rec['identities'])
        stats['figures'] += len(rec['figures'])
        v0 = ia13.violations(rec)
        if r['defect'] is None:
            stats['clean'] += 1
            if v0:
                problems.append((r['file'], 'correct document violates: %s' % v0[:3]))
        else:
            stats['defective'] += 1
            v2 = ia13.violations(rec, widen=2)
            if not v2:
                problems.append((r['file'], 'defect %s violates no identity beyond rounding' % r['defect']['class']))
        text = squash(read_text(os.path.join(outdir, r['file'])))
        if r['defect']:
            w = squash(r['defect']['where'] or '')
            if len(w) < 4 or w not in text:
                problems.append((r['file'], 'where not found: %r' % r['defect']['where']))
        miss = [f['text'] for f in rec['figures'].values() if f['text'] and not f.get('dropped') and squash(f['text']) not in text]
        if miss:
            problems.append((r['file'], 'printed figures not found: %s' % miss[:5]))
        for t in rec['tables']:
            if squash(t) not in text:
                problems.append((r['file'], 'table title not found: ' + t))
    return stats, problems


def main():
    bad = 0
    for d in sys.argv[1:]:
        stats, problems = verify_dir(d)
        print(f"{d}: {stats['files']} files ({stats['clean']} correct, {stats['defective']} defective), "
              f"{stats['figures']} figures, {stats['identities']} identities: "
              f"{'OK' if not problems else str(len(problems)) + ' problems'}")
        for f, m in problems:
            print('   ', f, m)
        bad += len(problems)
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
