#!/usr/bin/env python3
"""verify3: re-check generated documents from their _internal records and rendered files.

usage: python3 verify3.py OUTDIR [OUTDIR ...]
For every file: correct documents must satisfy every identity (interval arithmetic), have all mandatory
tables, consistent titles and no template residue; defective documents must violate at least one check;
every printed figure and the defect's `where` string must occur in the rendered file text.
"""
import html
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ia3 import check_identity, interval  # noqa: E402


def _fids(i):
    out = []
    for k, v in i.items():
        if k in ('k', 'where', 'tree', 'list', 'sg', 'count', 'max', 'expected'):
            continue
        if isinstance(v, list):
            out += v
        elif isinstance(v, str) and v.startswith('F'):
            out.append(v)
    return out


def key_conflicts(figs):
    byk = {}
    for f in figs.values():
        if f['kind'] == 'amt' and f['key'] and f['printed'] != '':
            try:
                iv = interval(f)
            except ValueError:
                continue
            if iv is not None:
                byk.setdefault(f['key'], []).append((iv, f['id']))
    out = []
    for k, ivs in byk.items():
        lo = max(x[0][0] for x in ivs)
        hi = min(x[0][1] for x in ivs)
        if lo > hi:
            out.append('key %s: %s' % (k, [(figs[i]['printed'], figs[i]['ctx'][:12]) for _, i in ivs]))
    return out


def check_records(rec):
    v = []
    figs = rec['figures']
    for f in figs.values():
        if f['kind'] in ('amt', 'pct', 'cnt', 'year'):
            try:
                interval(f)
            except ValueError:
                v.append('unparsable figure %r' % f['printed'])
        for p in rec['residue_patterns']:
            if p in (f['printed'] or ''):
                v.append('template residue %r' % f['printed'])
    for i in rec['identities']:
        try:
            ok, msg = check_identity(i, figs)
        except (ValueError, KeyError, ZeroDivisionError, TypeError) as e:
            ok, msg = False, 'error %s' % e
        if not ok:
            v.append('%s: %s [%s]' % (i['k'], msg, ' '.join(figs[x]['printed'] for x in _fids(i))[:120]))
    v += key_conflicts(figs)
    B = rec['doc_type'] == 'budget'
    for t in rec['titles']:
        s = t['text']
        if B and '决算' in s:
            v.append('budget document titled %r' % s)
        if not B:
            if t['role'] == 'table' and '决算' not in s:
                v.append('final-account table titled %r' % s)
            if '部门预算' in s or s.endswith('预算表'):
                v.append('final-account document titled %r' % s)
    for m in rec['mandatory']:
        if m not in rec['rendered_tables']:
            v.append('mandatory table missing: %s' % m)
    return v


# ------------------------------------------------------------------ text extraction
def fmt_cell(c):
    v = c.value
    if v is None:
        return ''
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        nf = c.number_format or 'General'
        m = re.match(r'^(#,##)?0(\.(0+))?$', nf)
        if m:
            dec = len(m.group(3) or '')
            return format(v, (',' if m.group(1) else '') + '.%df' % dec)
        return str(v)
    return str(v)


def extract_text(path):
    ext = path.rsplit('.', 1)[-1]
    if ext == 'txt':
        return open(path, encoding='utf-8').read()
    if ext == 'html':
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'<(script|style)[^>]*>.*?</\1>', ' ', s, flags=re.S)
        s = re.sub(r'<[^>]+>', '\n', s)
        return html.unescape(s)
    if ext == 'docx':
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                seen = set()
                for c in r.cells:
                    if id(c._tc) in seen:
                        continue
                    seen.add(id(c._tc))
                    out.append(c.text)
        return '\n'.join(out)
    if ext == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                out.append('\t'.join(fmt_cell(c) for c in row))
        return '\n'.join(out)
    if ext == 'pdf':
        import pdfplumber
        out = []
        with pdfplumber.open(path) as pdf:
            for p in pdf.pages:
                out.append(p.extract_text() or '')
        return '\n'.join(out)
    raise ValueError(ext)


def squash(s):
    return re.sub(r'\s+', '', s)


def verify_dir(outdir):
    man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
    bad = 0
    classes = {}
    for m in man:
        name = m['file']
        rec = json.load(open(os.path.join(outdir, '_internal', name + '.json'), encoding='utf-8'))
        viol = check_records(rec)
        text = squash(extract_text(os.path.join(outdir, name)))
        problems = []
        for p in rec['residue_patterns']:
            if p in text:
                viol.append('rendered text contains residue %r' % p)
        missing = [f['printed'] for f in rec['figures'].values() if f['printed'] and squash(f['printed']) not in text]
        if missing:
            problems.append('printed figures not found in rendered text: %s' % missing[:5])
        for t in rec['rendered_tables']:
            if squash(t) not in text:
                problems.append('table title not in text: %s' % t)
        d = m['defect']
        if d is None:
            if viol:
                problems.append('correct document violates: %s' % viol[:4])
        else:
            classes[d['class']] = classes.get(d['class'], 0) + 1
            if not viol:
                problems.append('defective document (%s) violates nothing' % d['class'])
            if len(d['where']) < 4:
                problems.append('where too short: %r' % d['where'])
            if squash(d['where']) not in text:
                problems.append('where %r not in rendered text' % d['where'])
        if problems:
            bad += 1
            print('FAIL', outdir, name, d and d['class'])
            for p in problems:
                print('    ', p)
    print('%s: %d files, %d failed; classes: %s' % (outdir, len(man), bad, json.dumps(classes, ensure_ascii=False, sort_keys=True)))
    return bad


if __name__ == '__main__':
    tot = 0
    for od in sys.argv[1:]:
        tot += verify_dir(od)
    print('ALL OK' if tot == 0 else 'FAILURES: %d' % tot)
    sys.exit(1 if tot else 0)
