#!/usr/bin/env python3
"""verify7: re-check gen7 output without importing the generator.

    python3 verify7.py OUTDIR [OUTDIR ...]

For every document it
  * re-evaluates every identity in _internal from the printed strings alone (interval
    arithmetic: d decimals -> ±0.5·10^-d; a defect must survive widening by 2 units of
    the last digit, and every identity violated at normal width must involve a changed figure);
  * recomputes same-key equality groups itself;
  * checks titles (no 决算 in a budget's table titles or headings; every final table title says 决算),
    that the mandatory tables were rendered (except the one a missing-section defect removed),
    and that correct documents carry no template residue;
  * reads the file back (txt, html, docx, xlsx, pdf) and confirms that every printed figure,
    every rendered table title and the defect's `where` appear; for html/docx/xlsx each table
    figure is read from its own cell.
"""
import json
import os
import re
import sys
from fractions import Fraction
from html.parser import HTMLParser

SCALE = {'元': 100, '万元': 1_000_000, '千元': 100_000}
SIGN = {'增加': 1, '增长': 1, '上升': 1, '提高': 1, '减少': -1, '下降': -1, '降低': -1, '持平': 0}
RESIDUE = re.compile(r'XX|ＸＸ|××|202X|20XX|【填写】|增加（减少）|增加/减少|增长（下降）|请填写|此处填写|（请说明')
CLASSES = {'table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'change-amount',
           'completion', 'carryover', 'three-public', 'list-sum', 'count', 'duplicate-figure', 'missing-section',
           'template-residue', 'year-mismatch', 'direction'}
NONNUMERIC = {'missing-section', 'template-residue'}
FW = str.maketrans('０１２３４５６７８９．，－', '0123456789.,-')
PAGENO = re.compile(r'^(—\s*\d+\s*—|-\s*\d+\s*-|第\s*\d+\s*页)$')


def ws(s):
    return re.sub(r'\s+', '', s or '')


def num(s):
    t = (s or '').translate(FW).replace(',', '').replace(' ', '')
    if not re.fullmatch(r'-?\d+(\.\d+)?', t):
        raise ValueError(f'unparseable figure {s!r}')
    return Fraction(t)


def decimals(s):
    t = (s or '').translate(FW).replace(',', '').replace(' ', '')
    return len(t.split('.')[1]) if '.' in t else 0


# ------------------------------ interval arithmetic ------------------------------
class IA:
    def __init__(self, figs, widen):
        self.f = figs
        self.w = Fraction(widen)

    def iv(self, fid):
        g = self.f[fid]
        k = g['kind']
        p = g['printed']
        if k == 'word':
            s = SIGN[p]
            return (s, s)
        if k in ('count', 'year'):
            v = num(p)
            return (v, v)
        if p == '':
            return (Fraction(0), Fraction(0))
        v = num(p)
        d = decimals(p)
        if d != g['dec']:
            raise ValueError(f'{fid}: printed {p!r} has {d} decimals, registered {g["dec"]}')
        h = (Fraction(1, 2) + self.w) / 10 ** d
        if k == 'amount':
            s = SCALE[g['unit']]
            return ((v - h) * s, (v + h) * s)
        return (v - h, v + h)

    def sign(self, fid):
        return SIGN[self.f[fid]['printed']] if fid else None

    @staticmethod
    def meet(a, b):
        return a[0] <= b[1] and b[0] <= a[1]

    def ratio(self, n, d):
        if d[0] <= 0 <= d[1]:
            return None
        vals = [100 * a / b for a in n for b in d]
        return (min(vals), max(vals))

    def holds(self, d):
        k = d['kind']
        if k == 'sum':
            lo = hi = Fraction(d.get('const', 0))
            for p, s in zip(d['parts'], d['signs']):
                a, b = self.iv(p)
                lo, hi = (lo + a, hi + b) if s > 0 else (lo - b, hi - a)
            return self.meet(self.iv(d['total']), (lo, hi))
        if k == 'eq':
            ivs = [self.iv(x) for x in d['figs']]
            return max(a for a, _ in ivs) <= min(b for _, b in ivs)
        if k == 'le':
            return self.iv(d['a'])[0] <= self.iv(d['b'])[1]
        if k in ('share', 'completion'):
            r = self.ratio(self.iv(d['part']), self.iv(d['whole']))
            return r is None or self.meet(self.iv(d['pct']), r)
        if k == 'yeardiff':
            return num(self.f[d['a']]['printed']) - num(self.f[d['b']]['printed']) == d['diff']
        if k == 'growth':
            return self.growth(d)
        raise ValueError(k)

    def growth(self, d):
        cur = self.iv(d['cur'])
        s1 = self.sign(d.get('dir'))
        s2 = self.sign(d.get('dir2')) if d.get('dir2') else s1

        def signed(fid, s):
            a, b = self.iv(fid)
            if self.f[fid].get('signed') or s is None or s > 0:
                return (a, b), True
            if s < 0:
                return (-b, -a), True
            return (a, b), a <= 0 <= b

        prev = self.iv(d['prev']) if d.get('prev') else None
        chg = pct = None
        if d.get('chg'):
            chg, ok = signed(d['chg'], s1)
            if not ok:
                return False
        if d.get('pct'):
            pct, ok = signed(d['pct'], s2)
            if not ok:
                return False
        derived = prev is None and chg is not None
        if derived:
            prev = (cur[0] - chg[1], cur[1] - chg[0])
        diff = (cur[0] - prev[1], cur[1] - prev[0]) if prev else None
        if chg is not None and not derived and not self.meet(chg, diff):
            return False
        if s1 is not None and diff is not None:
            if (s1 > 0 and diff[1] <= 0) or (s1 < 0 and diff[0] >= 0) or (s1 == 0 and not diff[0] <= 0 <= diff[1]):
                return False
        if pct is not None and prev is not None:
            if derived:
                if cur[0] - chg[1] <= 0:
                    return True
                vals = [100 * x / (c - x) for c in cur for x in chg]
            else:
                if prev[0] <= 0:
                    return True
                vals = [100 * (c - p) / p for c in cur for p in prev]
            if not self.meet(pct, (min(vals), max(vals))):
                return False
        return True


def refs(d):
    k = d['kind']
    if k == 'sum':
        return [d['total']] + list(d['parts'])
    if k == 'eq':
        return list(d['figs'])
    if k == 'le':
        return [d['a'], d['b']]
    if k in ('share', 'completion'):
        return [d['pct'], d['part'], d['whole']]
    if k == 'yeardiff':
        return [d['a'], d['b']]
    if k == 'growth':
        return [d[x] for x in ('cur', 'prev', 'chg', 'pct', 'dir', 'dir2') if d.get(x)]
    return []


def identities(rec):
    """Explicit identities from the record, plus same-key groups recomputed here."""
    figs = {g['id']: g for g in rec['figures']}
    out = [d for d in rec['identities'] if not str(d.get('id', '')).startswith('k:')]
    out = [d for d in out if all(r in figs for r in refs(d))]
    groups = {}
    for g in rec['figures']:
        if g['kind'] in ('amount', 'pct', 'count', 'year') and g.get('key'):
            groups.setdefault((g['key'], g['kind']), []).append(g['id'])
    for (k, _), ids in groups.items():
        if len(ids) > 1:
            out.append(dict(kind='eq', figs=ids, id='key:' + k))
    return figs, out


# ------------------------------ read back ------------------------------
class HTMLText(HTMLParser):
    BLOCK = {'p', 'div', 'h1', 'h2', 'h3', 'h4', 'tr', 'caption', 'table', 'br', 'title'}

    def __init__(self):
        super().__init__()
        self.parts = []
        self.tables = []
        self.row = None
        self.cell = None

    def handle_starttag(self, tag, attrs):
        if tag in self.BLOCK:
            self.parts.append('\n')
        if tag == 'table':
            self.tables.append([])
        elif tag == 'tr':
            self.row = []
            self.tables[-1].append(self.row)
        elif tag in ('td', 'th'):
            self.cell = []

    def handle_endtag(self, tag):
        if tag in ('td', 'th') and self.cell is not None:
            self.row.append(''.join(self.cell))
            self.cell = None
            self.parts.append('\t')
        if tag in self.BLOCK:
            self.parts.append('\n')

    def handle_data(self, data):
        self.parts.append(data)
        if self.cell is not None:
            self.cell.append(data)


def xl_display(cell):
    v = cell.value
    if v is None:
        return ''
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        fmt = cell.number_format or 'General'
        m = re.fullmatch(r'(#,##)?0(\.(0+))?', fmt)
        if m:
            d = len(m.group(3) or '')
            return f'{v:,.{d}f}' if m.group(1) else f'{v:.{d}f}'
        return str(v)
    return str(v)


def strip_furniture(lines, furn):
    fz = {ws(x) for x in furn}
    out = []
    for line in lines:
        t = line.strip()
        if ws(t) in fz or PAGENO.match(t):
            continue
        out.append(line)
    return out


def read_back(path, fmt, rec):
    """(text, cells) where cells maps a loc tuple to the cell text."""
    cells = {}
    if fmt == 'txt':
        with open(path, encoding='utf-8') as fh:
            lines = fh.read().split('\n')
        return '\n'.join(strip_furniture(lines, rec['furniture'])), cells
    if fmt == 'pdf':
        import pdfplumber
        lines = []
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                lines += (page.extract_text(y_tolerance=4) or '').split('\n')
        return '\n'.join(strip_furniture(lines, rec['furniture'])), cells
    if fmt == 'html':
        p = HTMLText()
        with open(path, encoding='utf-8') as fh:
            p.feed(fh.read())
        for ti, t in enumerate(p.tables):
            for ri, r in enumerate(t):
                for ci, c in enumerate(r):
                    cells[('html', ti, ri, ci)] = c
        return ''.join(p.parts), cells
    if fmt == 'docx':
        import docx
        d = docx.Document(path)
        parts = [para.text for para in d.paragraphs]
        for ti, t in enumerate(d.tables):
            for ri, row in enumerate(t.rows):
                texts = []
                for ci, c in enumerate(row.cells):
                    cells[('docx', ti, ri, ci)] = c.text
                    texts.append(c.text)
                parts.append('\t'.join(texts))
        return '\n'.join(parts), cells
    if fmt == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        parts = []
        for ws_ in wb.worksheets:
            for row in ws_.iter_rows():
                texts = []
                for c in row:
                    s = xl_display(c)
                    cells[('xlsx', ws_.title, c.coordinate)] = s
                    texts.append(s)
                parts.append('\t'.join(texts))
        return '\n'.join(parts), cells
    raise ValueError(fmt)


# ------------------------------ checks ------------------------------
def check_doc(outdir, man, rec, problems):
    name = man['file']
    P = lambda msg: problems.append(f'{name}: {msg}')
    dfc = man['defect']
    idf = rec.get('defect')
    if (dfc is None) != (idf is None):
        P('manifest and _internal disagree about the defect')
        return
    figs, ids = identities(rec)

    # ---- identities ----
    bad0 = [d for d in ids if not IA(figs, 0).holds(d)]
    if dfc is None:
        for d in bad0[:5]:
            P(f'correct document violates {d["kind"]} {d.get("id")} ({d.get("cls", "")})')
    else:
        cls = dfc['class']
        if cls not in CLASSES:
            P(f'unknown class {cls}')
        if cls in ('completion', 'carryover') and man['doc_type'] != 'final':
            P(f'{cls} planted in a budget')
        if len(ws(dfc['where'])) < 4:
            P(f'where too short: {dfc["where"]!r}')
        changed = set(idf.get('figs') or [])
        if cls not in NONNUMERIC:
            bad2 = [d for d in ids if not IA(figs, 2).holds(d)]
            if not bad2:
                P(f'{cls}: no identity violated after widening by 2 units')
            for d in bad0:
                if not set(refs(d)) & changed:
                    P(f'{cls}: violated identity {d.get("id")} does not involve the changed figure')
            if not changed:
                P(f'{cls}: no changed figure recorded')
        else:
            for d in bad0[:5]:
                P(f'{cls}: unexpected violated identity {d.get("id")}')

    # ---- titles ----
    titles = [t['title'] for t in rec['tables']]
    if man['doc_type'] == 'budget':
        for s in titles + rec['headings']:
            if '决算' in s:
                P(f'budget has a 决算 title: {s}')
    else:
        for s in titles:
            if '决算' not in s:
                P(f'final table title without 决算: {s}')
    # ---- mandatory tables ----
    rendered = {t['mandatory'] for t in rec['tables'] if t['mandatory']}
    missing = [m for m in rec['mandatory'] if m not in rendered]
    if dfc and dfc['class'] == 'missing-section':
        if len(missing) != 1:
            P(f'missing-section should drop exactly one mandatory table, dropped {missing}')
    elif missing:
        P(f'mandatory tables not rendered: {missing}')

    # ---- read back ----
    path = os.path.join(outdir, name)
    if not os.path.exists(path):
        P('file missing')
        return
    text, cells = read_back(path, man['format'], rec)
    flat = ws(text)
    nf = 0
    for g in rec['figures']:
        p = g['printed']
        if not p:
            continue
        loc = rec['locs'].get(g['id'])
        if loc:
            got = cells.get(tuple(loc))
            if got is None or got.strip() != p:
                P(f'cell {loc} reads {got!r}, expected {p!r} ({g["key"]})')
                continue
        elif ws(p) not in flat:
            P(f'figure {g["id"]} {p!r} ({g["key"]}) not found in the file')
            continue
        nf += 1
    for t in rec['tables']:
        if ws(t['title']) not in flat:
            P(f'table title not found: {t["title"]}')
    if dfc:
        if ws(dfc['where']) not in flat:
            P(f'where not found in file: {dfc["where"]!r}')
        if dfc['class'] == 'missing-section':
            gone = [t for t in rec['all_tables'] if t['mandatory'] in missing]
            for t in gone:
                if ws(t['title']) in flat:
                    P(f'missing table is still in the file: {t["title"]}')
        if dfc['class'] == 'template-residue' and not RESIDUE.search(text):
            P('template residue not found in file')
    else:
        m = RESIDUE.search(text)
        if m:
            P(f'template residue in a correct document: {m.group(0)!r}')
    return nf


def check_dir(outdir):
    problems = []
    with open(os.path.join(outdir, 'manifest.json'), encoding='utf-8') as fh:
        man = json.load(fh)
    by_fmt = {}
    for r in man:
        by_fmt.setdefault(r['format'], []).append(r)
    for fmt, rs in by_fmt.items():
        for i, r in enumerate(rs):
            want = 'budget' if i % 2 == 0 else 'final'
            if r['doc_type'] != want:
                problems.append(f'{r["file"]}: slot {i} should be a {want}')
            if (r['defect'] is None) != (i % 3 == 0):
                problems.append(f'{r["file"]}: slot {i} correct/defect pattern broken')
    counts = {}
    nfig = 0
    for r in man:
        with open(os.path.join(outdir, '_internal', r['file'] + '.json'), encoding='utf-8') as fh:
            rec = json.load(fh)
        try:
            n = check_doc(outdir, r, rec, problems)
            nfig += n or 0
        except Exception as e:      # a crash is a problem, not a stop
            problems.append(f'{r["file"]}: verifier error {type(e).__name__}: {e}')
        c = r['defect']['class'] if r['defect'] else 'correct'
        counts[c] = counts.get(c, 0) + 1
    return man, problems, counts, nfig


def main():
    dirs = sys.argv[1:]
    if not dirs:
        sys.exit(__doc__)
    total_p = 0
    allc = {}
    for d in dirs:
        man, problems, counts, nfig = check_dir(d)
        for k, v in counts.items():
            allc[k] = allc.get(k, 0) + v
        print(f'{d}: {len(man)} files, {nfig} figures read back, {len(problems)} problems')
        for p in problems[:60]:
            print('  - ' + p)
        total_p += len(problems)
    print('classes: ' + ', '.join(f'{k}={v}' for k, v in sorted(allc.items())))
    print(f'TOTAL PROBLEMS: {total_p}')
    sys.exit(1 if total_p else 0)


if __name__ == '__main__':
    main()
