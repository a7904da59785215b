#!/usr/bin/env python3
"""verify10: re-derive every identity of gen10 documents from OUTDIR/_internal and the manifest.

    python3 verify10.py OUTDIR [OUTDIR ...]

It does not import the generator.  For each file it evaluates every registered identity (sum, ratio,
change: direction / amount / rate) and the implicit one that every printed instance of the same key
agrees, with interval arithmetic: a figure printed with d decimals stands for x ± 0.5·10⁻ᵈ.
A correct document must break nothing.  A defective one must break at least one identity, every broken
identity must involve the planted figure, and the planted figure must still break an identity when all
intervals are widened by 2 units of their last digit (so no planted defect is a rounding matter).
It also reads each rendered file back and checks that the defect's `where` is in it.
"""
import json
import os
import re
import sys

SCALE = {'万元': 1_000_000, '元': 100, '%': 1}
UP = {'增加', '增长', '上升', '提高'}
DOWN = {'减少', '下降', '降低'}


def interval(f, w=0.0):
    """(lo, hi) of a figure: amounts in fen, percentages in %, direction words as sign."""
    t = (f['text'] or '').replace(',', '').strip()
    if f['kind'] == 'dir':
        s = 1 if t in UP else (-1 if t in DOWN else 0)
        return (s, s)
    if t in ('', '-'):
        return (0.0, 0.0)
    v = float(t)
    dec = len(t.split('.')[1]) if '.' in t else 0
    sc = SCALE[f['unit']]
    half = (0.5 + w) * (10 ** -dec) * sc
    return (v * sc - half, v * sc + half)


def overlap(a, b, eps=1e-7):
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def add(a, b, s=1):
    if s > 0:
        return (a[0] + b[0], a[1] + b[1])
    return (a[0] - b[1], a[1] - b[0])


def div(a, b):
    if b[0] <= 0:
        return None
    qs = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]
    return (min(qs) * 100, max(qs) * 100)


def change_checks(c, F, I):
    """the sub-identities of one change clause (direction, amount, rate)."""
    out = []
    cur, pr, ch, dirs, rate = c['cur'], c['prior'], c['change'], c['dirs'], c['rate']

    def neg(x):
        return (-x[1], -x[0])
    if pr is not None:
        for d in dirs:
            def ev(w, d=d):
                diff = add(I(cur, w), I(pr, w), -1)
                s = I(d, w)[0]
                return (s > 0 and diff[1] > 0) or (s < 0 and diff[0] < 0)
            out.append(([d, cur, pr], ev, f"direction {F[d]['key']}"))
        if ch is not None:
            def ev(w):
                diff = add(I(cur, w), I(pr, w), -1)
                sd = diff if I(dirs[0], w)[0] > 0 else neg(diff)
                return overlap(sd, I(ch, w))
            out.append(([cur, pr, ch, dirs[0]], ev, f"change {F[ch]['key']}"))
        if rate is not None:
            def ev(w):
                diff = add(I(cur, w), I(pr, w), -1)
                sd = diff if I(dirs[-1], w)[0] > 0 else neg(diff)
                r = div(sd, I(pr, w))
                return r is None or overlap(I(rate, w), r)
            out.append(([cur, pr, rate, dirs[-1]], ev, f"rate {F[rate]['key']}"))
    else:
        if len(dirs) > 1:
            def ev(w):
                return I(dirs[0], w)[0] == I(dirs[1], w)[0]
            out.append((list(dirs), ev, f"direction-words {F[dirs[0]]['key']}"))
        if rate is not None and ch is not None:
            def ev(w):
                s = I(dirs[0], w)[0]
                prior = add(I(cur, w), I(ch, w), -s)
                r = div(I(ch, w), prior)
                return r is None or overlap(I(rate, w), r)
            out.append(([cur, ch, rate, dirs[0]], ev, f"rate {F[rate]['key']}"))
    return out



def expand(checks, figs):
    """checks -> list of (ids, evaluator(w) -> bool, description)."""
    F = {f['id']: f for f in figs}
    out = []

    def I(i, w):
        return interval(F[i], w)

    for c in checks:
        if c['type'] == 'sum':
            def ev(w, c=c):
                tot = I(c['total'], w)
                acc = (0.0, 0.0)
                for p, s in zip(c['parts'], c['signs']):
                    acc = add(acc, I(p, w), s)
                return overlap(tot, acc)
            out.append(([c['total']] + c['parts'], ev, f"sum[{c['tag']}] {F[c['total']]['key']}"))
        elif c['type'] == 'ratio':
            def ev(w, c=c):
                r = div(I(c['num'][0], w), I(c['den'][0], w))
                return r is None or overlap(I(c['rate'], w), r)
            out.append(([c['rate']] + c['num'] + c['den'], ev, f"ratio[{c['tag']}] {F[c['rate']]['key']}"))
        elif c['type'] == 'change':
            out.extend(change_checks(c, F, I))
    # implicit: every printed instance of one key agrees
    groups = {}
    for f in figs:
        if f['kind'] == 'amt':
            groups.setdefault(f['key'], []).append(f['id'])
    for k, ids in groups.items():
        for j in ids[1:]:
            def ev(w, a=ids[0], b=j):
                return overlap(I(a, w), I(b, w))
            out.append(([ids[0], j], ev, f'same-key {k}'))
    return out


def failing(internal, w=0.0):
    return [(ids, desc) for ids, ev, desc in expand(internal['checks'], internal['figs']) if not ev(w)]


# ---------------------------------------------------------------- reading rendered files back
def file_text(path, fmt):
    if fmt == 'txt':
        return open(path, encoding='utf-8').read()
    if fmt == 'html':
        import html as H
        s = open(path, encoding='utf-8').read()
        return H.unescape(re.sub(r'<[^>]+>', ' ', s))
    if fmt == 'docx':
        import docx
        D = docx.Document(path)
        parts = [p.text for p in D.paragraphs]
        for t in D.tables:
            for row in t.rows:
                parts.append(' '.join(c.text for c in row.cells))
        return '\n'.join(parts)
    if fmt == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        parts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                cells = []
                for c in row:
                    v = c.value
                    if isinstance(v, float) or isinstance(v, int):
                        v = f'{v:,.2f}' if ',' in (c.number_format or '') else f'{v:.2f}'
                    cells.append('' if v is None else str(v))
                parts.append(' '.join(cells))
        return '\n'.join(parts)
    if fmt == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return '\n'.join((p.extract_text(y_tolerance=6) or '') for p in pdf.pages)
    raise ValueError(fmt)


def nows(s):
    return re.sub(r'\s+', '', s or '')


def verify_dir(outdir, read_files=True):
    man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
    problems = []
    stats = dict(files=0, clean=0, defective=0, checks=0)
    for r in man:
        stats['files'] += 1
        internal = json.load(open(os.path.join(outdir, '_internal', r['file'] + '.json'), encoding='utf-8'))
        n = len(expand(internal['checks'], internal['figs']))
        stats['checks'] += n
        fails = failing(internal)
        dfc = r['defect']
        if dfc is None:
            stats['clean'] += 1
            for ids, desc in fails:
                problems.append(f"{r['file']}: correct document breaks {desc}")
        else:
            stats['defective'] += 1
            fid = internal['planted_fid']
            if not fails:
                problems.append(f"{r['file']}: planted {dfc['class']} breaks no identity")
            for ids, desc in fails:
                if fid not in ids:
                    problems.append(f"{r['file']}: identity broken that does not involve the planted figure: {desc}")
            robust = [x for x in failing(internal, 2.0) if fid in x[0]]
            if not robust:
                problems.append(f"{r['file']}: planted {dfc['class']} lies within rounding (widened intervals pass)")
            w = dfc.get('where') or ''
            if len(nows(w)) < 4:
                problems.append(f"{r['file']}: where shorter than 4 characters: {w!r}")
            if read_files:
                txt = nows(file_text(os.path.join(outdir, r['file']), r['format']))
                if nows(w) not in txt and nows(w).replace(',', '') not in txt.replace(',', ''):
                    problems.append(f"{r['file']}: where {w!r} not found in the rendered file")
    return problems, stats


def main(argv):
    if not argv:
        print(__doc__)
        return 2
    total = 0
    for od in argv:
        problems, st = verify_dir(od)
        total += len(problems)
        print(f"{od}: {st['files']} files ({st['clean']} correct, {st['defective']} defective), "
              f"{st['checks']} identities, {len(problems)} problems")
        for p in problems:
            print('  - ' + p)
    print(f'TOTAL PROBLEMS: {total}')
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
