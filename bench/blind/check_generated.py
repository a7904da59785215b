#!/usr/bin/env python3
"""Run `budgetdoc check` on generated documents and score it against the manifest.

Usage: python3 check_generated.py OUTDIR [--raw report.json]
"""
import argparse
import collections
import json
import os
import re
import subprocess
import sys

CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction', 'breakdown',
           'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue', 'missing-part', 'zero-base', 'doc-type']


def norm(s):
    s = str(s or '')
    s = s.replace('，', ',').replace('（', '(').replace('）', ')')
    s = re.sub(r'\s+', '', s)
    return s


def norm_num(s):
    s = norm(s).replace(',', '')
    s = s.replace('万元', '').replace('元', '').replace('%', '')
    try:
        return float(s)
    except ValueError:
        return None


def same_value(a, b):
    if a is None or b is None or str(a).strip() == '' or str(b).strip() == '':
        return False
    x, y = norm_num(a), norm_num(b)
    if x is not None and y is not None:
        return abs(x - y) < 1e-9
    return norm(a).replace(',', '') == norm(b).replace(',', '')


def quotes(f):
    out = []
    for e in f.get('evidence') or []:
        q = e.get('quote')
        if q:
            out.append(norm(q))
    return out


def touches(f, defect):
    wheres = [defect.get('where')] + list(defect.get('alt') or [])
    wheres = [norm(w) for w in wheres if w]
    for q in quotes(f):
        for w in wheres:
            if len(q) >= 2 and (w in q or (q in w and len(q) >= min(4, len(w)))):
                return True
            # thousands separators differ between renderings
            if len(q) >= 2 and (w.replace(',', '') in q.replace(',', '') or
                                (q.replace(',', '') in w.replace(',', '') and len(q) >= min(4, len(w)))):
                return True
    st = defect.get('stated')
    if st not in (None, '') and same_value(f.get('stated'), st):
        return True
    # a deleted section has no text to quote: accept a finding that names the section
    if defect.get('class') in ('missing-part', 'missing-section'):
        w = norm(defect.get('where'))
        if w and (w in norm(f.get('message')) or w in norm(f.get('expected'))):
            return True
    return False


def ev_str(f):
    parts = []
    for e in f.get('evidence') or []:
        loc = ','.join(f'{k}={e[k]}' for k in ('line', 'page', 'sheet', 'cell', 'table', 'row', 'col') if k in e)
        parts.append(f'[{loc}] {e.get("quote", "")!r}')
    return ' | '.join(parts)[:300]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('outdir')
    ap.add_argument('--raw', help='also write the raw JSON report here')
    ap.add_argument('--jobs', default='2')
    ap.add_argument('--budgetdoc', default='budgetdoc', help='the budgetdoc command to run')
    a = ap.parse_args()
    man = json.load(open(os.path.join(a.outdir, 'manifest.json'), encoding='utf-8'))
    files = [os.path.join(a.outdir, r['file']) for r in man]
    help_txt = subprocess.run([a.budgetdoc, 'check', '--help'], capture_output=True, text=True).stdout
    cmd = [a.budgetdoc, 'check', '--format', 'json', '-q']
    if '-j' in help_txt:
        cmd += ['-j', str(a.jobs)]
    cmd += files
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1, 3):
        print(f'budgetdoc failed rc={p.returncode}\n{p.stderr[-3000:]}')
    try:
        rep = json.loads(p.stdout)
    except json.JSONDecodeError:
        print('could not parse JSON output; stderr:\n' + p.stderr[-3000:])
        sys.exit(2)
    if isinstance(rep, dict):
        rep = [rep]
    if a.raw:
        with open(a.raw, 'w', encoding='utf-8') as f:
            json.dump(rep, f, ensure_ascii=False, indent=1)
    by_name = {}
    for d in rep:
        by_name[os.path.basename(str(d.get('source', '')))] = d
    fmts = []
    for r in man:
        if r['format'] not in fmts:
            fmts.append(r['format'])

    clean_stats = {f: dict(docs=0, alarmed=0, errors=0) for f in fmts}
    false_alarms = []
    found = collections.defaultdict(lambda: [0, 0])  # (cls, fmt) -> [found, planted]
    misses = []
    stray = []
    ledger = {f: collections.Counter() for f in fmts}
    missing_reports = []
    for r in man:
        d = by_name.get(r['file'])
        fmt = r['format']
        if d is None:
            missing_reports.append(r['file'])
            continue
        for k, v in (d.get('ledger') or {}).items():
            if isinstance(v, (int, float)):
                ledger[fmt][k] += v
        fs = d.get('findings') or []
        errs = [f for f in fs if f.get('severity') == 'error']
        if not r['defect']:
            clean_stats[fmt]['docs'] += 1
            clean_stats[fmt]['errors'] += len(errs)
            if errs:
                clean_stats[fmt]['alarmed'] += 1
            for f in errs:
                false_alarms.append((r['file'], f))
        else:
            cls = r['defect']['class']
            hit = [f for f in fs if f.get('severity') in ('error', 'warning') and touches(f, r['defect'])]
            found[(cls, fmt)][1] += 1
            if hit:
                found[(cls, fmt)][0] += 1
            else:
                misses.append((r, fs))
            for f in errs:
                if not touches(f, r['defect']):
                    stray.append((r['file'], cls, f))

    W = 72
    print('=' * W)
    print('FALSE ALARMS ON CLEAN DOCUMENTS (error-severity findings)')
    print(f'{"format":8s} {"clean docs":>10s} {"docs w/ error":>14s} {"error findings":>15s}')
    tot = [0, 0, 0]
    for f in fmts:
        c = clean_stats[f]
        print(f'{f:8s} {c["docs"]:10d} {c["alarmed"]:14d} {c["errors"]:15d}')
        tot[0] += c['docs']
        tot[1] += c['alarmed']
        tot[2] += c['errors']
    print(f'{"all":8s} {tot[0]:10d} {tot[1]:14d} {tot[2]:15d}')
    print('=' * W)
    print('PLANTED DEFECTS FOUND / PLANTED (class x format)')
    print(f'{"class":18s}' + ''.join(f'{f:>7s}' for f in fmts) + f'{"all":>8s}')
    gt = [0, 0]
    colt = {f: [0, 0] for f in fmts}
    # the classes of the first generator first, then any other generator's own, by name
    for cls in CLASSES + sorted({c for c, _ in found} - set(CLASSES)):
        cells = []
        rt = [0, 0]
        for f in fmts:
            x = found.get((cls, f))
            if x:
                cells.append(f'{x[0]}/{x[1]}')
                rt[0] += x[0]
                rt[1] += x[1]
                colt[f][0] += x[0]
                colt[f][1] += x[1]
            else:
                cells.append('-')
        if rt[1] == 0:
            continue
        gt[0] += rt[0]
        gt[1] += rt[1]
        print(f'{cls:18s}' + ''.join(f'{c:>7s}' for c in cells) + f'{rt[0]}/{rt[1]:<3d}'.rjust(8))
    print(f'{"all":18s}' + ''.join(f'{colt[f][0]}/{colt[f][1]}'.rjust(7) for f in fmts) + f'{gt[0]}/{gt[1]}'.rjust(8))
    print('=' * W)
    print('LEDGER TOTALS PER FORMAT')
    for f in fmts:
        print(f'{f:8s} ' + ', '.join(f'{k}={v}' for k, v in sorted(ledger[f].items())))
    if missing_reports:
        print('documents missing from the report:', missing_reports)
    print('=' * W)
    print(f'FALSE ALARMS ON CLEAN DOCUMENTS: {len(false_alarms)}')
    for fn, f in false_alarms:
        print(f'- {fn}: [{f.get("rule")}] {f.get("message", "")[:160]}')
        print(f'    stated={f.get("stated")!r} expected={f.get("expected")!r} evidence: {ev_str(f)}')
    print('=' * W)
    print(f'MISSED PLANTED DEFECTS: {len(misses)}')
    for r, fs in misses:
        dfc = r['defect']
        print(f'- {r["file"]} [{dfc["class"]}] where={dfc.get("where")!r} stated={dfc.get("stated")!r} '
              f'expected={dfc.get("expected")!r}' + (f' table={dfc.get("table")!r} row={dfc.get("row")!r}' if dfc.get('table') else ''))
        print(f'    note: {dfc.get("note")}')
        near = [f for f in fs if f.get('severity') in ('error', 'warning')]
        print(f'    ({len(near)} error/warning findings on this document; rules: '
              f'{", ".join(sorted(set(f.get("rule", "?") for f in near)))})')
    print('=' * W)
    print(f'ERROR FINDINGS ON DEFECT DOCUMENTS NOT TOUCHING THE PLANTED DEFECT: {len(stray)}')
    for fn, cls, f in stray:
        print(f'- {fn} (planted {cls}): [{f.get("rule")}] {f.get("message", "")[:160]}')
        print(f'    stated={f.get("stated")!r} expected={f.get("expected")!r} evidence: {ev_str(f)}')


if __name__ == '__main__':
    main()
