#!/usr/bin/env python3
"""verify14: independent check of gen14 output.  Does not import the generator.

    python3 verify14.py OUTDIR [OUTDIR ...]

For every document it
 1. re-derives every keyed quantity from the stored facts model (its own evaluator) and checks the
    facts balance (unit incomes = unit expenditure, 经济分类 = 功能分类 basic, 收入总计 = 支出总计 …);
 2. checks every printed figure against the facts: correct figures contain the true value in their
    printed interval; planted figures miss it even widened by 2 units of the last digit;
 3. re-evaluates every identity (sums, changes, growth, shares, direction, counts, same-quantity
    equalities) from the printed values with interval arithmetic: a clean document satisfies all;
    a defective one violates only identities that involve the planted figures, and an identity of
    the planted class stays violated after widening every interval by 2 units of its last digit;
 4. checks the 目录 tables are all published (or exactly the planted one is missing), and that
    template residue occurs only as planted;
 5. reads the rendered file back (txt, html, docx, xlsx, pdf) and finds every printed figure,
    every published table title and the manifest's `where` in it.
"""
from __future__ import annotations

import json
import os
import re
import sys
from fractions import Fraction
from typing import Any

Iv = tuple[Fraction, Fraction]
FACTOR = {'元': Fraction(1), '万元': Fraction(10000), '%': Fraction(1), '': Fraction(1), '辆': Fraction(1),
          '个': Fraction(1), '台（套）': Fraction(1)}
SIGN = {'增加': 1, '增长': 1, '减少': -1, '下降': -1, '持平': 0}


def norm(s: str) -> str:
    return re.sub(r'\s+', '', s)


# ---------------------------------------------------------------- facts evaluator
class Facts:
    def __init__(self, f: dict[str, Any]) -> None:
        self.f = f
        self.units = f['units']

    def _exp_items(self, year: int) -> list[tuple[str, str, str, int]]:
        """(leaf, source, b|p, amount) for one year."""
        out = []
        if year == 2026:
            for u in self.units:
                out += [(leaf, 'gp', 'b', v) for leaf, v in u['basic_gp'].items()]
                out += [(leaf, 'nf', 'b', v) for leaf, v in u['basic_nf'].items()]
            out += [(p['leaf'], p['src'], 'p', p['v26']) for p in self.f['projects']]
        else:
            for leaf, b in self.f['basic25'].items():
                out += [(leaf, 'gp', 'b', b['gp']), (leaf, 'nf', 'b', b['nf'])]
            out += [(p['leaf'], p['src'], 'p', p['v25']) for p in self.f['projects']]
        return out

    def exp(self, scope: str, code: str, part: str, year: int) -> int:
        if part in ('sj', 'jy', 'fs'):
            return 0
        srcs = {'gp': {'gp'}, 'gf': {'gf'}, 'soe': set(), 'fis': {'gp', 'gf'}, 'all': {'gp', 'gf', 'nf'}}[scope]
        tot = 0
        for leaf, src, bp, v in self._exp_items(year):
            if src in srcs and (code == 'T' or leaf.startswith(code)) and (part == 'tot' or part == bp):
                tot += v
        return tot

    def nf(self, k: str, year: int) -> int:
        if year == 2026:
            return sum(u['nf_income'][k] for u in self.units)
        return self.f['nf_income25'][k]

    def inc(self, k: str, year: int) -> int:
        if k == 'gp':
            return self.exp('gp', 'T', 'tot', year)
        if k == 'gf':
            return self.exp('gf', 'T', 'tot', year)
        if k in ('soe', 'jy', 'sj', 'fs'):
            return 0
        if k in ('zh', 'sy', 'qt', 'jz'):
            return self.nf(k, year)
        if k == 'total':
            return sum(self.inc(x, year) for x in ('gp', 'gf', 'soe', 'zh', 'sy', 'jy', 'sj', 'fs', 'qt'))
        if k == 'grand':
            return self.inc('total', year) + self.inc('jz', year)
        if k == 'fis':
            return self.inc('gp', year) + self.inc('gf', year)
        if k.startswith('fisjz.'):
            return 0
        raise KeyError(k)

    def value(self, key: str) -> Fraction:
        if key.startswith('chg:'):
            b = key[4:]
            return self.value(f'{b}@2026') - self.value(f'{b}@2025')
        if key.startswith('rate:'):
            b = key[5:]
            return self.value(f'chg:{b}') * 100 / self.value(f'{b}@2025')
        if key.startswith('share:'):
            a, w = key[6:].split('|')
            return self.value(a) * 100 / self.value(w)
        if key.startswith('dir:'):
            c = self.value('chg:' + key[4:])
            return Fraction((c > 0) - (c < 0))
        base, _, yr = key.partition('@')
        year = int(yr) if yr else 0
        f = self.f
        m = re.fullmatch(r'exp\.(gp|gf|soe|fis|all)\.(T|\d{3}|\d{5}|\d{7})\.(tot|b|p|sj|jy|fs)', base)
        if m:
            return Fraction(self.exp(m[1], m[2], m[3], year))
        if base in ('exp.total', 'exp.grand'):
            return Fraction(self.exp('all', 'T', 'tot', year))
        if base in ('exp.jz', 'exp.fisjz'):
            return Fraction(0)
        if base.startswith('inc.'):
            return Fraction(self.inc(base[4:], year))
        m = re.fullmatch(r'unit\.(\d+)\.inc\.(\w+)', base)
        if m:
            i, k = int(m[1]), m[2]
            u = self.units[i]
            mine = [p for p in f['projects'] if p['unit'] == i]
            vals = dict(gp=sum(u['basic_gp'].values()) + sum(p['v26'] for p in mine if p['src'] == 'gp'),
                        gf=sum(p['v26'] for p in mine if p['src'] == 'gf'), soe=0, **u['nf_income'])
            return Fraction(sum(vals.values()) if k == 'grand' else vals[k])
        m = re.fullmatch(r'econ\.(\w+)', base)
        if m:
            c = m[1]
            pref = {'person': ('301', '303'), 'public': ('302',)}.get(c, (c,))
            return Fraction(sum(v for u in self.units for k, v in u['econ'].items() if k.startswith(pref)))
        m = re.fullmatch(r'sg\.(\w+)', base)
        if m:
            sg = f['sangong'][str(year)]
            k = m[1]
            return Fraction({'car': sg['gz'] + sg['yx'], 'tot': sum(sg.values())}.get(k, sg.get(k, 0)))
        if base == 'jgyx':
            return Fraction(f['jgyx'][str(year)])
        m = re.fullmatch(r'proc\.(?:r(\d+)\.)?(\w+)', base)
        if m:
            if m[2] == 'sme':
                return Fraction(f['proc']['sme'])
            if year == 2025:
                return Fraction(f['proc']['prev_total'])
            rows = f['proc']['rows'] if m[1] is None else [f['proc']['rows'][int(m[1])]]
            parts = ('goods', 'works', 'services') if m[2] == 'tot' else (m[2],)
            return Fraction(sum(r[p] for r in rows for p in parts))
        m = re.fullmatch(r'proj\.(u?)(\d+)\.(\w+)', base)
        if m:
            if m[1]:
                ps = [p for p in f['projects'] if p['unit'] == int(m[2])]
            else:
                ps = [f['projects'][int(m[2])]]
            src = m[3]
            return Fraction(sum(p['v26'] for p in ps if src == 'tot' or p['src'] == src))
        if base.startswith('veh.'):
            k = base[4:]
            return Fraction(sum(n for kind, n in f['vehicles'] if k == 'tot' or kind == k))
        simple = {'equip50': f['equip50'], 'equip100': f['equip100'], 'vehbuy': f['veh_buy'],
                  'units.n': len(self.units), 'offices.n': len(f['offices']),
                  'perf.n': sum(1 for p in f['projects'] if p['v26'] and p['src'] == 'gp')}
        if base in simple:
            return Fraction(simple[base])
        raise KeyError(key)

    def balance_errors(self) -> list[str]:
        """The facts model's own identities."""
        errs = []
        leaf_map = {'30108': '2080505', '30109': '2080506', '30113': '2210201'}
        for i, u in enumerate(self.units):
            if sum(u['econ'].values()) != sum(u['basic_gp'].values()):
                errs.append(f'unit {i}: 经济分类 {sum(u["econ"].values())} != 功能分类 basic {sum(u["basic_gp"].values())}')
            for e, leaf in leaf_map.items():
                if u['econ'].get(e, 0) != u['basic_gp'].get(leaf, 0):
                    errs.append(f'unit {i}: {e} != {leaf}')
            if sum(u['nf_income'].values()) != sum(u['basic_nf'].values()):
                errs.append(f'unit {i}: non-fiscal income != non-fiscal spending')
        for year in (2026, 2025):
            if self.inc('grand', year) != self.exp('all', 'T', 'tot', year):
                errs.append(f'{year}: 收入总计 != 支出总计')
        admin = ('行政单位', '参照公务员法管理事业单位')
        j = sum(v for u in self.units if u['nature'] in admin for k, v in u['econ'].items() if k.startswith('302'))
        if j != self.f['jgyx']['2026']:
            errs.append('机关运行经费 != 行政/参公单位公用经费')
        if j > self.value('econ.public@2026'):
            errs.append('机关运行经费 > 公用经费')
        head = self.units[0]['econ']
        sg = self.f['sangong']['2026']
        if head.get('30217', 0) != sg['jd'] or head.get('30231', 0) != sg['yx']:
            errs.append('三公 接待/运行 != 本级 30217/30231')
        if self.value('proc.tot@2026') > self.exp('all', 'T', 'tot', 2026):
            errs.append('政府采购 > 支出合计')
        return errs


# ---------------------------------------------------------------- intervals from printed figures
class Printed:
    def __init__(self, figs: list[dict[str, Any]]) -> None:
        self.figs = {f['id']: f for f in figs}

    @staticmethod
    def num(t: str) -> Fraction | None:
        try:
            return Fraction(t.replace(',', ''))
        except (ValueError, ZeroDivisionError):
            return None

    def iv(self, fid: str | None, w: int, signed_by: str | None = None) -> Iv | None:
        if not fid:
            return (Fraction(0), Fraction(0))
        f = self.figs[fid]
        v = self.num(f['text'])
        if v is None or f['kind'] == 'dir':
            return None
        # counts (辆, 个, 台) are exact integers, not rounded figures: no half-unit and no widening
        h = Fraction(0) if f['kind'] == 'cnt' else (Fraction(1, 2) + w) / 10 ** f['dec']
        fac = FACTOR[f['unit']]
        lo, hi = (v - h) * fac, (v + h) * fac
        if signed_by and not f['signed']:
            s = SIGN.get(self.figs[signed_by]['text'])
            if s is None:
                return None
            if s < 0:
                lo, hi = -hi, -lo
        return (lo, hi)

    def sign(self, fid: str) -> int | None:
        return SIGN.get(self.figs[fid]['text'])


def meet(a: Iv, b: Iv) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def ratio(num: Iv, den: Iv) -> Iv | None:
    if den[0] <= 0 <= den[1]:
        return None
    c = [n / d * 100 for n in num for d in den]
    return (min(c), max(c))


def holds(d: dict[str, Any], pr: Printed, w: int) -> bool | None:
    t = d['type']
    if t == 'sum':
        tot = pr.iv(d['total'], w)
        parts = [pr.iv(p, w) for p in d['parts']]
        if tot is None or None in parts:
            return None
        return meet(tot, (sum((p[0] for p in parts), Fraction(0)), sum((p[1] for p in parts), Fraction(0))))
    if t in ('eq', 'le'):
        a, b = pr.iv(d['a'], w), pr.iv(d['b'], w)
        if a is None or b is None:
            return None
        return meet(a, b) if t == 'eq' else a[0] <= b[1]
    if t == 'diff':
        chg = pr.iv(d['chg'], w, d.get('dir'))
        cur, prev = pr.iv(d.get('cur'), w), pr.iv(d.get('prev'), w)
        if chg is None or cur is None or prev is None:
            return None
        return meet(chg, (cur[0] - prev[1], cur[1] - prev[0]))
    if t == 'growth':
        rate = pr.iv(d['rate'], w, d.get('dir'))
        if rate is None:
            return None
        if d.get('cur') and d.get('prev'):
            cur, prev = pr.iv(d['cur'], w), pr.iv(d['prev'], w)
            if cur is None or prev is None:
                return None
            r = ratio((cur[0] - prev[1], cur[1] - prev[0]), prev)
        elif d.get('prev') and d.get('chg'):
            chg, prev = pr.iv(d['chg'], w, d.get('chgdir')), pr.iv(d['prev'], w)
            if chg is None or prev is None:
                return None
            r = ratio(chg, prev)
        elif d.get('cur') and d.get('chg'):
            chg, cur = pr.iv(d['chg'], w, d.get('chgdir')), pr.iv(d['cur'], w)
            if chg is None or cur is None:
                return None
            corners = [c2 / (c1 - c2) * 100 for c1 in cur for c2 in chg if c1 - c2 > 0]
            r = (min(corners), max(corners)) if len(corners) == 4 else None
        else:
            return None
        return None if r is None else meet(rate, r)
    if t == 'share':
        s, p, wh = pr.iv(d['share'], w), pr.iv(d['part'], w), pr.iv(d['whole'], w)
        if s is None or p is None or wh is None:
            return None
        r = ratio(p, wh)
        return None if r is None else meet(s, r)
    if t == 'dir':
        cur, prev = pr.iv(d['cur'], w), pr.iv(d['prev'], w)
        if cur is None or prev is None:
            return None
        lo, hi = cur[0] - prev[1], cur[1] - prev[0]
        for fid in d['dirs']:
            s = pr.sign(fid)
            if s is None:
                return None
            if not ((s > 0 and hi > 0) or (s < 0 and lo < 0) or (s == 0 and lo <= 0 <= hi)):
                return False
        return True
    if t == 'count_items':
        v = Printed.num(pr.figs[d['fig']]['text'])
        return None if v is None else v == d['n']
    raise ValueError(t)


def mag(iv: Iv) -> Iv:
    lo, hi = iv
    if lo >= 0:
        return iv
    if hi <= 0:
        return (-hi, -lo)
    return (Fraction(0), max(-lo, hi))


def all_violations(rec: dict[str, Any], pr: Printed, w: int) -> list[dict[str, Any]]:
    out = [d for d in rec['identities'] if holds(d, pr, w) is False]
    groups: dict[str, list[str]] = {}
    for f in rec['figs']:
        if f['key'] and f['kind'] in ('amt', 'pct', 'cnt'):
            groups.setdefault(f['key'], []).append(f['id'])
    for key, ids in groups.items():
        ivs = [(i, pr.iv(i, w)) for i in ids]
        ivs = [(i, mag(v) if key.startswith(('chg:', 'rate:')) else v) for i, v in ivs if v is not None]
        for x in range(len(ivs)):
            for y in range(x + 1, len(ivs)):
                if not meet(ivs[x][1], ivs[y][1]):
                    out.append({'type': 'key-eq', 'tag': key, 'a': ivs[x][0], 'b': ivs[y][0]})
    return out


def figs_of(d: dict[str, Any]) -> set[str]:
    ids = set()
    for k, v in d.items():
        if k in ('type', 'tag', 'id', 'n'):
            continue
        if isinstance(v, str) and re.fullmatch(r'f\d+', v):
            ids.add(v)
        elif isinstance(v, list):
            ids |= {x for x in v if isinstance(x, str) and re.fullmatch(r'f\d+', x)}
    return ids


# ---------------------------------------------------------------- reading the rendered file back
def xlsx_cell_text(c: Any) -> str:
    v = c.value
    if v is None:
        return ''
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        fmt = c.number_format or 'General'
        dec = len(fmt.split('.')[1]) if '.' in fmt else 0
        return f'{v:,.{dec}f}' if ',' in fmt else f'{v:.{dec}f}'
    return str(v)


def read_back(path: str, fmt: str) -> str:
    if fmt == 'txt':
        return open(path, encoding='utf-8').read()
    if fmt == 'html':
        from lxml import html as lh
        root = lh.fromstring(open(path, 'rb').read())
        return '\n'.join(t for t in root.body.itertext())
    if fmt == 'docx':
        import docx
        from docx.table import Table as DT
        from docx.text.paragraph import Paragraph as DP
        d = docx.Document(path)
        out = []
        for el in d.element.body.iterchildren():
            if el.tag.endswith('}p'):
                out.append(DP(el, d).text)
            elif el.tag.endswith('}tbl'):
                for row in DT(el, d).rows:
                    seen = []
                    for c in row.cells:
                        if c._tc not in seen:  # merged cells repeat
                            seen.append(c._tc)
                            out.append(c.text)
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
            return '\n'.join(p.extract_text() or '' for p in pdf.pages)
    raise ValueError(fmt)


# ---------------------------------------------------------------- per-document verdict
CLASS_WANT = {
    'table-total': lambda d, ch, loc: d['type'] == 'sum' and d['total'] in ch and loc(d['total']) == 'table',
    'text-vs-table': lambda d, ch, loc: d['type'] == 'key-eq' and {loc(d['a']), loc(d['b'])} == {'text', 'table'}
    and ({d['a'], d['b']} & ch) and all(loc(x) == 'text' for x in {d['a'], d['b']} & ch),
    'yoy-growth': lambda d, ch, loc: d['type'] == 'growth' and d['rate'] in ch,
    'yoy-change': lambda d, ch, loc: d['type'] == 'diff' and d['chg'] in ch,
    'direction': lambda d, ch, loc: d['type'] == 'dir' and set(d['dirs']) & ch,
    'share': lambda d, ch, loc: d['type'] == 'share' and d['share'] in ch,
    'sangong-sum': lambda d, ch, loc: d['type'] == 'sum' and d['tag'] == 'sangong' and figs_of(d) & ch,
    'vehicle-count': lambda d, ch, loc: d['type'] == 'sum' and d['tag'] == 'vehicle' and figs_of(d) & ch,
    'procurement-sum': lambda d, ch, loc: d['type'] == 'sum' and d['tag'] == 'procurement' and figs_of(d) & ch,
    'cross-table': lambda d, ch, loc: d['type'] == 'key-eq' and loc(d['a']) == 'table' and loc(d['b']) == 'table'
    and {d['a'], d['b']} & ch,
}


def verify_doc(outdir: str, m: dict[str, Any]) -> list[str]:
    errs: list[str] = []
    rec = json.load(open(os.path.join(outdir, '_internal', m['file'] + '.json'), encoding='utf-8'))
    facts = Facts(rec['facts'])
    errs += [f'facts: {e}' for e in facts.balance_errors()]
    pr = Printed(rec['figs'])
    defect = rec['defect']
    changed = set(defect['_changed']) if defect else set()
    cls = defect['class'] if defect else None
    loc = lambda fid: pr.figs[fid]['loc']['part']  # noqa: E731

    # manifest agrees with the internal record
    pub = m['defect']
    if (pub is None) != (defect is None):
        errs.append('manifest and internal record disagree on the defect')
    elif pub:
        for k in ('class', 'where', 'stated', 'expected'):
            if pub.get(k) != defect.get(k):
                errs.append(f'manifest {k} differs from internal record')
        if not pub.get('where') or len(norm(pub['where'])) < 4:
            errs.append('where shorter than 4 characters')

    # 2. every figure against the facts
    for f in rec['figs']:
        if not f['key']:
            continue
        try:
            true = facts.value(f['key'])
        except (KeyError, ZeroDivisionError) as e:
            errs.append(f'{f["id"]} {f["key"]}: no facts value ({e!r})')
            continue
        if f['kind'] == 'dir':
            ok = SIGN.get(f['text']) == int(true)
            if f['id'] in changed:
                if ok:
                    errs.append(f'{f["id"]}: planted direction word agrees with the facts')
            elif not ok:
                errs.append(f'{f["id"]} {f["key"]}: word {f["text"]} but sign {true}')
            continue
        if not f['signed']:
            true = abs(true)
        if f['id'] in changed:
            iv = pr.iv(f['id'], 2)
            if iv is not None and iv[0] <= true <= iv[1]:
                errs.append(f'{f["id"]} {f["key"]}: planted value {f["text"]} within rounding of the true value')
            continue
        iv = pr.iv(f['id'], 0)
        if iv is None or not (iv[0] <= true <= iv[1]):
            errs.append(f'{f["id"]} {f["key"]}: printed {f["text"]}{f["unit"]} but facts say {float(true)}')

    # 3. identities among printed figures
    soft = all_violations(rec, pr, 0)
    hard = all_violations(rec, pr, 2)
    if defect is None or cls in ('missing-part', 'template-left'):
        if soft:
            errs.append(f'{len(soft)} identities violated, e.g. {soft[0]}')
    else:
        stray = [d for d in soft if not (figs_of(d) | {d.get('a'), d.get('b')}) & changed]
        if stray:
            errs.append(f'violations not involving the planted figures: {stray[:2]}')
        if not any(CLASS_WANT[cls](d, changed, loc) for d in hard):
            errs.append(f'no {cls} identity violated beyond rounding (widened by 2 units)')

    # 4. tables and template residue
    toc, rendered = rec['toc_tables'], rec['rendered_tables']
    missing = [t for tid, t in zip(rec['toc_tids'], toc) if tid not in rec['rendered_tids']]
    for tid, t in zip(rec['toc_tids'], toc):
        if tid in rec['rendered_tids'] and not rendered[rec['rendered_tids'].index(tid)].endswith(t):
            errs.append(f'table {tid} published as {rendered[rec["rendered_tids"].index(tid)]!r}, 目录 says {t!r}')
    if cls == 'missing-part':
        if len(missing) != 1 or not missing[0].endswith(defect['where']) or \
                sum(norm(defect['where']) in norm(t) for t in toc) != 1:
            errs.append(f'missing tables {missing}, planted {defect["where"]}')
    elif missing:
        errs.append(f'tables listed in 目录 but not published: {missing}')
    text = '\n'.join(rec['paragraphs'])
    found = [p for p in rec['residue_patterns'] if p in text]
    if cls == 'template-left':
        if not found or defect['where'] not in text:
            errs.append('planted template residue not in the text')
    elif found:
        errs.append(f'template residue {found} in a document without that defect')
    if any(w in text for w in ('决算数', '部门决算', '决算表')):
        errs.append('a budget document talks about 决算')

    # 5. the rendered file
    path = os.path.join(outdir, m['file'])
    body = norm(read_back(path, m['format']))
    miss = [f['text'] for f in rec['figs'] if f['kind'] != 'dir' and f['text'] and norm(f['text']) not in body]
    if miss:
        errs.append(f'{len(miss)} printed figures not found in the file, e.g. {miss[:5]}')
    for t in rendered:
        if norm(t) not in body:
            errs.append(f'table title {t!r} not found in the file')
    if pub:
        if norm(pub['where']) not in body:
            errs.append(f'where {pub["where"]!r} not found in the file')
        if cls == 'missing-part':
            in_text = norm(text).count(norm(pub['where']))
            if body.count(norm(pub['where'])) != in_text:
                errs.append('the missing table title still appears outside the 目录/text')
    return errs


def main() -> None:
    dirs = sys.argv[1:]
    if not dirs:
        print(__doc__)
        sys.exit(2)
    total_bad = 0
    for outdir in dirs:
        man = json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))
        bad = 0
        per_fmt: dict[str, list[int]] = {}
        for m in man:
            errs = verify_doc(outdir, m)
            c = per_fmt.setdefault(m['format'], [0, 0])
            c[0 if m['defect'] is None else 1] += 1
            if errs:
                bad += 1
                print(f'FAIL {outdir}/{m["file"]} ({m["defect"]["class"] if m["defect"] else "clean"}):')
                for e in errs[:8]:
                    print('   ', e)
        fmts = ', '.join(f'{k}: {v[0]} clean + {v[1]} defective' for k, v in per_fmt.items())
        classes = sorted(m['defect']['class'] for m in man if m['defect'])
        print(f'{outdir}: {len(man) - bad}/{len(man)} documents pass ({fmts}); defects: {", ".join(classes)}')
        total_bad += bad
    sys.exit(1 if total_bad else 0)


if __name__ == '__main__':
    main()
