#!/usr/bin/env python3
"""verify16 DIR [DIR ...]: re-check every identity recorded by gen16 and the planted defect in the rendered files.

It does not import the generator: it reads OUTDIR/manifest.json and OUTDIR/_internal/*.json, re-runs the identities
with interval arithmetic (ia16), recomputes the balance identities from the recorded facts, and reads each rendered
file back (txt, html, docx, xlsx, pdf) to find every printed figure, every table title and the defect's quotes.
"""
import html
import json
import os
import re
import sys

import ia16

RESIDUE = ['增加（减少）', '增加/减少', '增加(减少)', '主要原因是。', '。。', 'XX', '……', '下降（增长）']


def read_text(path):
    ext = path.rsplit('.', 1)[1]
    if ext == 'txt':
        return open(path, encoding='utf-8').read()
    if ext == 'html':
        s = open(path, encoding='utf-8').read()
        return html.unescape(re.sub(r'<[^>]+>', ' ', s))
    if ext == 'docx':
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out.append(' '.join(c.text for c in r.cells))
        return '\n'.join(out)
    if ext == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for r in ws.iter_rows(values_only=True):
                out.append(' '.join('' if v is None else str(v) for v in r))
        return '\n'.join(out)
    if ext == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return '\n'.join((p.extract_text(y_tolerance=6) or '') for p in pdf.pages)
    raise ValueError(ext)


def norm(s):
    return re.sub(r'\s+', '', s or '')


def facts_checks(rec):
    f, lv = rec['facts'], rec['leaves']
    errs = []
    gp_exp = sum(v['cur'] for v in lv['gp'].values())
    if f['gp_inc'] + f['carry_in'] != gp_exp + f['carry_out']:
        errs.append('一般公共预算 income + carry-in != expenditure + carry-out')
    if f['jg'] > f['public']:
        errs.append('机关运行经费 > 公用经费')
    if any(v['cur'] <= 0 for src in lv.values() for v in src.values()):
        errs.append('non-positive leaf')
    return errs


def verify_dir(out):
    man = json.load(open(os.path.join(out, 'manifest.json'), encoding='utf-8'))
    problems = []
    for r in man:
        fn = r['file']
        rec = json.load(open(os.path.join(out, '_internal', fn + '.json'), encoding='utf-8'))
        p = [f'{fn}: {e}' for e in facts_checks(rec)]
        fails = ia16.failures(rec)
        dfc = r['defect']
        if not dfc:
            p += [f'{fn}: identity fails in a correct document: {x}' for x in fails]
        else:
            mut = set(rec['defect']['mutated'])
            if not mut:
                p.append(f'{fn}: defect without a mutated figure')
            if not fails:
                p.append(f'{fn}: planted defect does not break any identity')
            p += [f'{fn}: failure not caused by the planted defect: {x}' for x in fails if not set(x['figs']) & mut]
            if not any(set(x['figs']) & mut for x in ia16.failures(rec, widen=True)):
                p.append(f'{fn}: planted defect within rounding (+2 last-digit units)')
            if not any(rec['figs'][i]['s'] in str(dfc['stated']) for i in mut):
                p.append(f'{fn}: stated {dfc["stated"]!r} is not a mutated figure')
            for k in ('class', 'where', 'stated', 'expected', 'note'):
                if not dfc.get(k):
                    p.append(f'{fn}: manifest defect lacks {k}')
            if len(norm(dfc.get('where'))) < 4:
                p.append(f'{fn}: where shorter than 4 characters')
        text = norm(read_text(os.path.join(out, fn)))
        for t in rec['tables']:
            if norm(t) not in text:
                p.append(f'{fn}: table title missing: {t}')
        for i, fg in rec['figs'].items():
            if norm(fg['s']) not in text:
                p.append(f'{fn}: printed figure {fg["s"]} ({fg["key"]}) missing')
        if dfc:
            for w in [dfc['where']] + list(dfc.get('alt') or []):
                if norm(w) not in text:
                    p.append(f'{fn}: defect quote not in file: {w}')
        for x in RESIDUE:
            if x in text:
                p.append(f'{fn}: template residue {x}')
        if r['doc_type'] == 'budget' and '决算' in text:
            p.append(f'{fn}: 决算 in a budget document')
        if r['doc_type'] == 'final' and '决算' not in norm(''.join(rec['tables'])):
            p.append(f'{fn}: final document without 决算 tables')
        problems += p
    nd = sum(1 for r in man if r['defect'])
    fm = sorted({r['format'] for r in man})
    print(f'{out}: {len(man)} files ({len(man) - nd} correct, {nd} defective; formats {",".join(fm)}): '
          + ('OK' if not problems else f'{len(problems)} PROBLEMS'))
    for x in problems[:40]:
        print('  ' + x)
    return not problems


if __name__ == '__main__':
    ok = all([verify_dir(d) for d in sys.argv[1:]])
    sys.exit(0 if ok else 1)
