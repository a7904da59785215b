#!/usr/bin/env python3
"""Independent re-check of a gen15 output directory (does not import the generator).

python3 verify15.py DIR [DIR ...]

For every document: re-derives every printed figure from its exact value, re-checks every identity with interval
arithmetic, checks titles and mandatory tables, checks that a planted defect is present and outside rounding
(still violated with every interval widened by 2 units of its last digit) and that it is the only thing wrong,
and reads the file back (pdfplumber / python-docx / openpyxl / lxml) to find every figure, every table title,
the defect's `where` and `alt`.
"""
import json
import os
import re
import sys
from fractions import Fraction as Q

UNIT_FEN = {'元': 100, '万元': 1000000}
RESIDUE = ['增加（减少）', '减少（增加）', '增长（下降）', '下降（增长）', '增加/减少', '增加减少', '主要原因是。', '（请', 'XX万元']
CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction', 'breakdown',
           'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue', 'missing-part', 'zero-base',
           'doc-type']
FINAL_STD = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
             '一般公共预算财政拨款基本支出决算表', '财政拨款“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表',
             '国有资本经营预算财政拨款支出决算表']
BUDGET_STD = ['部门收支总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表',
              '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表']


# ------------------------------------------------------------------ numbers
def rnd(x, d):
    """round half away from zero; returns a string with d decimals"""
    m = Q(10) ** d
    y = abs(x) * m
    n = int(y) + (1 if y - int(y) >= Q(1, 2) else 0)
    s = str(n).rjust(d + 1, '0')
    s = (s[:-d] + '.' + s[-d:]) if d else s
    return ('-' if x < 0 and n else '') + s


def with_sep(s):
    ip, _, fp = s.partition('.')
    neg = ip.startswith('-')
    ip = ip.lstrip('-')
    g = []
    while len(ip) > 3:
        g.insert(0, ip[-3:])
        ip = ip[:-3]
    g.insert(0, ip)
    return ('-' if neg else '') + ','.join(g) + ('.' + fp if fp else '')


def expected_text(f):
    ex = Q(f['exact'])
    k = f['kind']
    if k == 'dir':
        return None
    if k in ('cnt', 'year'):
        return str(int(ex))
    v = ex / UNIT_FEN[f['unit']] if k == 'amt' else ex
    s = rnd(v, f['dec'])
    return with_sep(s) if f['sep'] else s


def iv(f, w=0):
    """interval of a printed figure, in fen for amounts"""
    t = f['text'].replace(',', '').strip()
    if f['kind'] in ('cnt', 'year'):
        v = Q(int(t))
        return v, v
    if t in ('', '-'):
        v, d = Q(0), f['dec']
    else:
        v, d = Q(t), (len(t.split('.')[1]) if '.' in t else 0)
    h = (Q(1, 2) + w) * Q(1, 10 ** d)
    s = UNIT_FEN[f['unit']] if f['kind'] == 'amt' else 1
    return (v - h) * s, (v + h) * s


def word_sign(t):
    a = any(x in t for x in ('增加', '增长', '上升', '提高'))
    b = any(x in t for x in ('减少', '下降', '降低', '节约'))
    if a != b:
        return 1 if a else -1
    return 0 if (not a and '持平' in t) else None


def broken(idn, F, w):
    """True when no choice of values inside the intervals satisfies the identity."""
    t = idn['t']
    g = lambda k: F[idn[k]] if idn.get(k) is not None else None  # noqa: E731
    if t == 'sum':
        lo, hi = iv(g('total'), w)
        plo = sum(iv(F[i], w)[0] for i in idn['parts'])
        phi = sum(iv(F[i], w)[1] for i in idn['parts'])
        return plo > hi or phi < lo
    if t == 'le':
        return iv(g('a'), w)[0] > iv(g('b'), w)[1]
    if t == 'year':
        return int(g('fig')['text']) != idn['expect']
    if t == 'ratio':
        (pl, ph), (nl, nh), (dl, dh) = iv(g('pct'), w), iv(g('num'), w), iv(g('den'), w)
        if dl <= 0:
            return True          # a rate on a zero (or possibly zero) base
        return idn['f'] * max(nl, 0) / dh > ph or idn['f'] * nh / dl < pl
    if t == 'notfull':
        (tl, th), (al, ah) = iv(g('target'), w), iv(g('actual'), w)
        miss = ah < tl if idn['dir'] == 'ge' else al > th
        return miss and iv(g('score'), w)[0] >= iv(g('weight'), w)[1]
    if t == 'growth':
        signs = [word_sign(F[i]['text']) for i in idn['dirs']]
        known = {s for s in signs if s is not None}
        if len(known) > 1:
            return True
        s = known.pop() if known else None
        cl, ch = iv(g('cur'), w)
        lo, hi = None, None
        if g('prev') is not None:
            pl, ph = iv(g('prev'), w)
            lo, hi = cl - ph, ch - pl
        if g('chg') is not None:
            a, b = iv(g('chg'), w)
            opts = {1: [(a, b)], -1: [(-b, -a)], 0: [(-b, b)], None: [(a, b), (-b, -a)]}[s]
            got = []
            for x, y in opts:
                if lo is not None:
                    x, y = max(x, lo), min(y, hi)
                if x <= y:
                    got.append((x, y))
            if not got:
                return True
            lo, hi = min(x for x, _ in got), max(y for _, y in got)
        if lo is None:
            return False
        if s == 1:
            if hi <= 0:
                return True
            lo = max(lo, Q(0))
        if s == -1:
            if lo >= 0:
                return True
            hi = min(hi, Q(0))
        if g('pct') is None:
            return False
        bl, bh = iv(g('prev'), w) if g('prev') is not None else (cl - hi, ch - lo)
        if bl <= 0:
            return True          # growth stated on a zero base
        amin = Q(0) if lo <= 0 <= hi else min(abs(lo), abs(hi))
        amax = max(abs(lo), abs(hi))
        pl, ph = iv(g('pct'), w)
        return 100 * amin / bh > ph or 100 * amax / bl < pl
    raise ValueError('unknown identity ' + t)


def ident_figs(idn):
    out = []
    for k, v in idn.items():
        if k in ('t', 'f', 'expect', 'dir') or v is None:
            continue
        out += v if isinstance(v, list) else [v]
    return out


def all_broken(rec, w):
    F = {f['id']: f for f in rec['figs']}
    out = []
    for idn in rec['idents']:
        if broken(idn, F, w):
            out.append((idn['t'], ident_figs(idn)))
    groups = {}
    for f in rec['figs']:
        if f['kind'] != 'dir' and not f['key'].startswith('year.'):
            groups.setdefault(f['key'], []).append(f)
    for k, fs in groups.items():
        if len(fs) > 1:
            ivs = [iv(f, w) for f in fs]
            if max(a for a, _ in ivs) > min(b for _, b in ivs):
                out.append(('key:' + k, [f['id'] for f in fs]))
    return out


# ------------------------------------------------------------------ reading files back
FW = str.maketrans('０１２３４５６７８９．', '0123456789.')


def xlsx_cell_text(c):
    v = c.value
    if v is None:
        return ''
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        fmt = c.number_format or 'General'
        m = re.match(r'^(#,##)?0(\.(0+))?$', fmt)
        if m:
            d = len(m.group(3) or '')
            s = f'{v:,.{d}f}' if m.group(1) else f'{v:.{d}f}'
            return s
        return str(v)
    return str(v)


def read_back(path, fmt):
    if fmt == 'txt':
        return open(path, encoding='utf-8').read()
    if fmt == 'html':
        import lxml.html
        root = lxml.html.fromstring(open(path, 'rb').read())
        return '\n'.join(t for t in root.itertext())
    if fmt == 'docx':
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for row in t.rows:
                prev = None
                for c in row.cells:
                    if c._tc is not prev:
                        out.append(c.text)
                    prev = c._tc
        return '\n'.join(out)
    if fmt == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                out.append('\t'.join(xlsx_cell_text(c) for c in row))
        return '\n'.join(out)
    if fmt == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return '\n'.join(p.extract_text(y_tolerance=6) or '' for p in pdf.pages)
    raise ValueError(fmt)


def nows(s):
    return re.sub(r'\s+', '', s)


# ------------------------------------------------------------------ per document
def title_problems(rec):
    final = rec['doc_type'] == 'final'
    out = []
    heads = [rec['title']] + rec['headings']
    if final:
        if '决算' not in rec['title']:
            out.append(rec['title'])
        for t in rec['table_titles']:
            if t.endswith('预算表') or '预算总表' in t:
                out.append(t)
        out += [h for h in heads if '预算情况说明' in h or '部门预算' in h]
    else:
        out += [x for x in heads + rec['table_titles'] if '决算' in x]
    return out


def check_doc(outdir, m):
    errs = []
    E = errs.append
    rec = json.load(open(os.path.join(outdir, '_internal', m['file'] + '.json'), encoding='utf-8'))
    F = {f['id']: f for f in rec['figs']}
    d = rec['defect']
    md = m['defect']
    if (d is None) != (md is None):
        E('manifest and record disagree on the defect')
        return errs
    for k in ('doc_type', 'year'):
        if rec[k] != m[k]:
            E(f'{k} differs')
    if rec['dept'] != m['department']:
        E('department differs')
    dfids = set(d['fids']) if d else set()
    # 1 every printed figure is its exact value, rounded (planted figures excepted)
    for f in rec['figs']:
        if f['id'] in dfids or f['kind'] == 'dir':
            continue
        exp = expected_text(f)
        if f['text'] == exp:
            continue
        if f['loc'] != 'text' and f['text'] in ('', '-') and Q(f['exact']) == 0:
            continue
        if f['loc'] != 'text' and f['text'] in ('', '-') and rnd(Q(f['exact']) / UNIT_FEN.get(f['unit'], 1), f['dec']) \
                .strip('-0.') == '':
            continue
        E(f'figure {f["key"]} printed {f["text"]!r}, expected {exp!r}')
    for f in rec['figs']:
        if f['kind'] == 'dir' and f['id'] not in dfids and word_sign(f['text']) != f['sign']:
            E(f'direction word {f["text"]} has the wrong sign')
    # 2 identities
    b0 = all_broken(rec, 0)
    tp = title_problems(rec)
    listed, rendered = rec['listed'], [t['name'] for t in rec['tables']]
    missing = [x for x in rec['mandatory'] if x not in rendered]
    if rec['doc_type'] == 'final' and rec['mandatory'] != FINAL_STD or rec['doc_type'] == 'budget' and \
            rec['mandatory'] != BUDGET_STD:
        E('mandatory table list is not the standard one')
    unlisted = [x for x in listed if x not in rendered]
    if not d:
        for t, ids in b0:
            E(f'clean document breaks {t}: ' + ', '.join(f'{F[i]["key"]}={F[i]["text"]!r}' for i in ids[:6]))
        if tp:
            E(f'title problems in a clean document: {tp}')
        if missing or unlisted:
            E(f'tables missing: {missing + unlisted}')
    else:
        cls = d['cls']
        if cls not in CLASSES or md['class'] != cls:
            E(f'bad class {cls}')
        if cls in ('template-residue', 'missing-part', 'doc-type'):
            if b0:
                E(f'{cls}: numbers should be untouched, but {b0[:2]}')
        else:
            if not b0:
                E(f'{cls}: planted defect breaks no identity')
            for t, ids in b0:
                if not dfids & set(ids):
                    E(f'{cls}: unrelated identity broken {t}')
            b2 = [t for t, ids in all_broken(rec, 2) if dfids & set(ids)]
            if not b2:
                E(f'{cls}: defect is within rounding (not broken with intervals widened by 2 units)')
            want = {'count': lambda t: t in ('sum', 'le') or t.startswith('key:'), 'comparison-year': lambda t: t == 'year',
                    'growth': lambda t: t == 'growth', 'direction': lambda t: t == 'growth',
                    'zero-base': lambda t: t in ('ratio', 'growth'), 'share': lambda t: t == 'ratio',
                    'text-vs-table': lambda t: t.startswith('key:'), 'cross-table': lambda t: t.startswith('key:'),
                    'table-total': lambda t: t == 'sum', 'blank-total': lambda t: t == 'sum',
                    'breakdown': lambda t: t == 'sum', 'sangong-sum': lambda t: t == 'sum'}.get(cls)
            if want and not any(want(t) for t in b2):
                E(f'{cls}: the expected kind of identity is not broken ({b2})')
            if cls == 'count' and not all(F[i]['kind'] == 'cnt' for i in dfids):
                E('count defect on a non-count figure')
        if cls == 'doc-type':
            if tp != [d['where']] and d['where'] not in tp:
                E(f'doc-type: title problems {tp} do not match {d["where"]!r}')
        elif tp:
            E(f'title problems {tp}')
        if cls == 'missing-part':
            if unlisted != [d['where']]:
                E(f'missing-part: unlisted tables {unlisted}, where {d["where"]!r}')
        elif missing or unlisted:
            E(f'tables missing: {missing + unlisted}')
        if len(nows(d['where'])) < 4:
            E('where shorter than 4 characters')
        if re.fullmatch(r'[\d,.%]+', d['where']) and len(d['where']) < 6:
            E('where is a short bare number')
    # 3 read the file back
    path = os.path.join(outdir, m['file'])
    try:
        text = read_back(path, m['format'])
    except Exception as ex:  # noqa: BLE001
        E(f'cannot read back: {ex}')
        return errs
    flat = nows(text)
    norm = flat.translate(FW)
    res = [r for r in RESIDUE if r in flat]
    if d and d['cls'] == 'template-residue':
        if d['where'] not in res:
            E(f'residue {d["where"]!r} not found in the file')
    elif res:
        E(f'template residue in the file: {res}')
    if d:
        for w in [d['where']] + d['alt']:
            if nows(w) not in flat:
                E(f'where/alt {w!r} not found in the file')
    for t in rec['table_titles']:
        if nows(t) not in flat:
            E(f'table title {t!r} not found')
    if nows(rec['title']) not in flat:
        E('document title not found')
    tids = {f"table:{t['tid']}" for t in rec['tables']}
    miss = [f['text'] for f in rec['figs'] if f['text'] not in ('', '-') and nows(f['text']) not in norm
            and (f['loc'] == 'text' or f['loc'] in tids)]
    if miss:
        E(f'{len(miss)} printed figures not found, e.g. {miss[:3]}')
    return errs


def main():
    dirs = sys.argv[1:]
    if not dirs:
        print(__doc__)
        sys.exit(2)
    total = bad = 0
    from collections import Counter
    per = Counter()
    for outdir in dirs:
        man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
        for m in man:
            total += 1
            per[(m['defect'] or {}).get('class', 'clean')] += 1
            if not os.path.exists(os.path.join(outdir, m['file'])):
                print(f'{m["file"]}: file missing')
                bad += 1
                continue
            errs = check_doc(outdir, m)
            if errs:
                bad += 1
                print(f'{outdir}/{m["file"]}:')
                for e in errs[:8]:
                    print('   ', e)
    print(f'{total} documents checked, {bad} with problems')
    print('classes: ' + ', '.join(f'{k}={v}' for k, v in sorted(per.items())))
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
