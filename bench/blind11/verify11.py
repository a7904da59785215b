#!/usr/bin/env python3
"""verify11: re-derive every identity of gen11 documents from OUTDIR/_internal/*.json, using only the
printed strings (interval arithmetic), and read every rendered file back to check that each printed
figure and the defect's `where` occur in it.  Does not import the generator.

    python3 verify11.py OUTDIR [OUTDIR ...]

A correct document must violate no identity; a defective one must violate at least one, and every
violated identity must involve the planted figure (so exactly one problem: the planted one)."""
import html as H
import json
import math
import os
import re
import sys
from fractions import Fraction as Fr

FEN = {'yuan': 100, 'wan': 1000000}


# ---------------------------------------------------------------- interval arithmetic

def parse(printed):
    return Fr(printed.replace(',', ''))


def iv(f, widen=0):
    """interval of a figure, in fen for amounts and in percent for percentages"""
    p = f['printed']
    if f['kind'] in ('amt', 'approx'):
        if p == '':
            return (Fr(0), Fr(0))
        u = FEN[f['unit']]
        v = parse(p)
        h = (Fr(1, 2) + widen) / 10 ** f['dec']
        return ((v - h) * u, (v + h) * u)
    v = parse(p)
    h = (Fr(1, 2) + widen) / 10 ** f['dec']
    return (v - h, v + h)


def sign_of(f):
    return {'+': 1, '-': -1, '0': 0}[f['printed']]


def signed_iv(f, dirf, widen):
    lo, hi = iv(f, widen)
    if dirf is None:
        return lo, hi
    s = sign_of(dirf)
    if s == 0:
        return (Fr(0), Fr(0)) if lo <= 0 <= hi else (lo, hi)
    if s < 0:
        return (-hi, -lo)
    return (lo, hi)


def overlap(a, b):
    return max(a[0], b[0]) <= min(a[1], b[1])


def check_identity(d, figs, widen=0):
    """True when the identity can hold for some values inside the printed intervals"""
    t = d['t']
    g = lambda k: figs[k]
    if t == 'sum':
        tot = iv(g(d['total']), widen)
        lo = sum(iv(g(p), widen)[0] for p in d['parts'])
        hi = sum(iv(g(p), widen)[1] for p in d['parts'])
        return overlap(tot, (lo, hi))
    if t in ('eqv', 'key'):
        ivs = [iv(g(x), widen) for x in d['fids']]
        return max(a for a, _ in ivs) <= min(b for _, b in ivs)
    if t == 'sum100':
        lo = sum(iv(g(p), widen)[0] for p in d['pcts'])
        hi = sum(iv(g(p), widen)[1] for p in d['pcts'])
        return lo <= 100 <= hi
    if t == 'share':
        p, tt = iv(g(d['part']), widen), iv(g(d['total']), widen)
        if tt[0] <= 0:
            return True
        rng = (max(p[0], 0) * 100 / tt[1], p[1] * 100 / tt[0])
        return overlap(iv(g(d['pct']), widen), rng)
    dirf = g(d['dir']) if d.get('dir') else None
    if t == 'change':
        c, p = iv(g(d['cur']), widen), iv(g(d['prev']), widen)
        rng = (c[0] - p[1], c[1] - p[0])
        return overlap(signed_iv(g(d['chg']), dirf, widen), rng)
    if t == 'growth':
        c, p = iv(g(d['cur']), widen), iv(g(d['prev']), widen)
        if p[0] <= 0:
            return True
        c0 = max(c[0], 0)
        rng = ((c0 / p[1] - 1) * 100, (c[1] / p[0] - 1) * 100)
        return overlap(signed_iv(g(d['rate']), dirf, widen), rng)
    if t == 'pp':
        s1, s0 = iv(g(d['s1']), widen), iv(g(d['s0']), widen)
        rng = (s1[0] - s0[1], s1[1] - s0[0])
        return overlap(signed_iv(g(d['pp']), dirf, widen), rng)
    raise ValueError(t)


def members(d):
    out = []
    for k in ('total', 'part', 'pct', 'cur', 'prev', 'chg', 'rate', 'dir', 's1', 's0', 'pp'):
        if d.get(k):
            out.append(d[k])
    for k in ('parts', 'fids', 'pcts'):
        out += d.get(k) or []
    return out


def all_identities(data):
    ids = list(data['identities'])
    groups = {}
    for fid, f in data['figures'].items():
        if f['kind'] == 'amt':
            groups.setdefault(f['key'], []).append(fid)
    for k, fs in sorted(groups.items()):
        if len(fs) > 1:
            ids.append(dict(t='key', fids=fs, what=f'same key {k}'))
    return ids


def violated(data, widen=0):
    figs = data['figures']
    return [d for d in all_identities(data) if not check_identity(d, figs, widen)]


# ---------------------------------------------------------------- printed strings against the true values

def rhu(x, dec):
    q = 10 ** dec
    n = Fr(x) * q
    r = math.floor(n + Fr(1, 2)) if n >= 0 else -math.floor(-n + Fr(1, 2))
    return Fr(r, q)


def fmt(x, dec, thousands):
    r = rhu(x, dec)
    neg = r < 0
    n = int(abs(r) * 10 ** dec)
    ip, fp = divmod(n, 10 ** dec)
    s = f'{ip:,}' if thousands else str(ip)
    if dec:
        s += '.' + str(fp).rjust(dec, '0')
    return ('-' + s) if neg and n else s


def true_printed(f):
    if f['kind'] in ('amt', 'approx'):
        s = fmt(Fr(f['fen'], FEN[f['unit']]), f['dec'], f.get('thousands', False))
        return s
    if f['kind'] == 'pct':
        v = Fr(*f['value'])
        return fmt(v if f.get('signed') else abs(v), f['dec'], False)
    return {1: '+', -1: '-', 0: '0'}[f['sign']]


# ---------------------------------------------------------------- reading the rendered files back

def read_back(path, running):
    ext = path.rsplit('.', 1)[1]
    if ext == 'txt':
        return open(path, encoding='utf-8').read()
    if ext == 'html':
        s = open(path, encoding='utf-8').read()
        s = re.sub(r'<style.*?</style>', '', s, flags=re.S)
        s = re.sub(r'<[^>]+>', '', s)
        return H.unescape(s)
    if ext == 'docx':
        import docx
        D = docx.Document(path)
        out = [p.text for p in D.paragraphs]
        for t in D.tables:
            for r in t.rows:
                seen = []
                for c in r.cells:
                    if c._tc not in seen:
                        seen.append(c._tc)
                        out.append(c.text)
        return '\n'.join(out)
    if ext == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    v = c.value
                    if v is None:
                        continue
                    if isinstance(v, (int, float)):
                        v = f'{v:,.2f}' if ',' in c.number_format else f'{v:.2f}'
                    out.append(str(v))
        return '\n'.join(out)
    if ext == 'pdf':
        import pdfplumber
        out = []
        with pdfplumber.open(path) as pdf:
            for pg in pdf.pages:
                lines = (pg.extract_text(y_tolerance=6) or '').split('\n')
                keep = [ln for ln in lines if ln.strip() != running and
                        not re.fullmatch(r'\s*(— \d+ —|第\d+页|- \d+ -)\s*', ln)]
                out.append('\n'.join(keep))
        return '\n'.join(out)
    raise ValueError(ext)


def pdf_first_page(path, data):
    """the project table's first chunk must sit on one page (the page of its title), and the next chunk
    must start on a later page: the continued-total defect is defined by that page"""
    import pdfplumber
    t = data['tables']['T5']
    figs = data['figures']
    with pdfplumber.open(path) as pdf:
        pages = [nows(pg.extract_text(y_tolerance=6) or '') for pg in pdf.pages]
    tp = [i for i, s in enumerate(pages) if nows(t['title']) in s]
    if not tp:
        return ['project table title not found in the PDF']
    pg = pages[tp[-1]]
    a, b = t['chunks'][0]
    for r in t['rows'][a:b]:
        for c in r['cells']:
            if 'f' in c and figs[c['f']]['printed'] and nows(figs[c['f']]['printed']) not in pg:
                return [f'project table first chunk runs past its page ({figs[c["f"]]["printed"]})']
    return []


def nows(s):
    return re.sub(r'\s+', '', s)


def verify_one(outdir, rec):
    probs = []
    data = json.load(open(os.path.join(outdir, '_internal', rec['file'] + '.json'), encoding='utf-8'))
    figs = data['figures']
    dfc = rec['defect']
    dfid = data.get('defect_fid')
    # printed strings: all but the planted figure must be the rounding of the true value
    for fid, f in figs.items():
        tp = true_printed(f)
        pr = f['printed']
        if f['kind'] != 'word' and pr == '' and tp.replace(',', '') in ('0.00', '0'):
            continue
        if fid == dfid:
            if pr == tp:
                probs.append(f'{fid}: planted figure printed as its true value')
        elif pr != tp:
            probs.append(f'{fid} {f["key"]}: printed {pr!r} but true value rounds to {tp!r}')
    v = violated(data)
    vw = violated(data, widen=2)
    if dfc is None:
        for d in v:
            probs.append(f'identity violated on a correct document: {d["what"]}')
    else:
        if not v:
            probs.append('planted defect breaks no identity')
        if not vw:
            probs.append('planted defect is within the widened rounding tolerance')
        for d in v:
            if dfid not in members(d):
                probs.append(f'violated identity not involving the planted figure: {d["what"]}')
    # read back
    text = nows(read_back(os.path.join(outdir, rec['file']), data['running']))
    if dfc is not None:
        if len(nows(dfc['where'])) < 4:
            probs.append(f'where too short: {dfc["where"]!r}')
        if nows(dfc['where']) not in text:
            probs.append(f'where not found in the rendered file: {dfc["where"]!r}')
    missing = [f['printed'] for f in figs.values() if f['kind'] in ('amt', 'pct', 'approx') and f['printed']
               and nows(f['printed']) not in text]
    if missing:
        probs.append(f'{len(missing)} printed figures not found in the file, e.g. {missing[:3]}')
    if rec['file'].endswith('.pdf'):
        probs += pdf_first_page(os.path.join(outdir, rec['file']), data)
    for tt in data['table_titles']:
        if nows(tt) not in text:
            probs.append(f'table title not found: {tt}')
    return probs, len(v)


def main(argv):
    total = 0
    ndocs = 0
    for outdir in argv:
        man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
        nd = 0
        for rec in man:
            probs, nv = verify_one(outdir, rec)
            ndocs += 1
            nd += 1
            if probs:
                total += len(probs)
                for p in probs:
                    print(f'{outdir}/{rec["file"]}: {p}')
        print(f'{outdir}: {nd} documents checked, '
              f'{sum(1 for r in man if r["defect"])} planted defects')
    print(f'{ndocs} documents, {total} problems')
    return 1 if total else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
