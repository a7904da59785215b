#!/usr/bin/env python3
"""Check gen12 output from _internal: identities, claims, planted defects, and the rendered files.

python3 verify12.py OUTDIR [OUTDIR ...]   ->  "N documents, 0 problems"
"""
import html
import json
import os
import re
import sys
from decimal import Decimal

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from check12 import iv, ok, ovl  # noqa: E402

FW = str.maketrans('０１２３４５６７８９．', '0123456789.')
PERS = ['30101', '30102', '30103', '30107', '30108', '30109', '30110', '30113', '30199', '30305']
PUB = ['30201', '30202', '30205', '30206', '30207', '30209', '30211', '30212', '30213', '30215', '30216', '30217',
       '30228', '30229', '30231', '30239', '30299']


def norm(s):
    return re.sub(r'\s+', '', str(s)).replace(',', '').replace('，', ',')


def read_back(path, fmt):
    if fmt in ('txt',):
        return open(path, encoding='utf-8').read()
    if fmt == 'html':
        t = open(path, encoding='utf-8').read()
        return html.unescape(re.sub(r'<[^>]+>', '\n', t))
    if fmt == 'docx':
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out += [c.text for c in r.cells]
        return '\n'.join(out)
    if fmt == 'xlsx':
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value is None:
                        continue
                    if isinstance(c.value, float) or isinstance(c.value, int):
                        dec = len(c.number_format.split('.')[1]) if '.' in c.number_format else 0
                        out.append(f'{Decimal(repr(c.value)).quantize(Decimal(1).scaleb(-dec)):,}')
                    else:
                        out.append(str(c.value))
        return '\n'.join(out)
    if fmt == 'pdf':
        import pdfplumber
        with pdfplumber.open(path) as p:
            return '\n'.join(pg.extract_text(y_tolerance=6) or '' for pg in p.pages)
    raise ValueError(fmt)


def fact_identities(d):
    F, probs = d['facts'], []

    def eq(name, a, b):
        if a != b:
            probs.append(f'fact identity {name}: {a} != {b}')
    eq('收入总计', F['inc_total'], F['inc'] + F['b0'])
    eq('支出总计', F['exp_total'], F['exp'] + F['b1'])
    eq('收支平衡', F['inc_total'], F['exp_total'])
    eq('本年收入', F['inc'], F['gp_inc'] + F['fund'] + F['sy'] + F['qt'])
    eq('本年支出', F['exp'], F['basic'] + F['proj'])
    eq('基本支出', F['basic'], F['pers'] + F['pub'])
    eq('人员经费', F['pers'], sum(F['e' + c] for c in PERS))
    eq('公用经费', F['pub'], sum(F['e' + c] for c in PUB))
    eq('三公', F['sg'], F['sg_abroad'] + F['sg_car'] + F['sg_recv'])
    eq('公务用车', F['sg_car'], F['sg_carbuy'] + F['sg_carop'])
    eq('采购', F['cg'], F['cg_goods'] + F['cg_works'] + F['cg_serv'])
    eq('资产', F['as_total'], F['as_cur'] + F['as_fix'] + F['as_int'] + F['as_oth'])
    eq('一般公共预算', F['gp_total'], sum(lf['gp_total'] for lf in d['leaves']))
    eq('财政拨款', F['fiscal_total'], F['fiscal_exp'] + F['fiscal_b1'])
    eq('接待=302', F['sg_recv'], F['e30217'])
    eq('车运维=302', F['sg_carop'], F['e30231'])
    lv = {lf['code']: lf for lf in d['leaves']}
    eq('公积金=30113', lv['2210201']['gb'], F['e30113'])
    eq('养老=30108', lv['2080505']['gb'], F['e30108'])
    for a, b in (('cg_micro', 'cg_sme'), ('cg_sme', 'cg'), ('jgyx', 'pub')):
        if F[a] > F[b]:
            probs.append(f'fact {a} > {b}')
    if any(v < 0 for k, v in F.items() if isinstance(v, int)):
        probs.append('negative fact')
    return probs


def table_checks(d):
    """Returns list of (check name, [cell ids], passes(widen))."""
    out = []
    cells = {}
    for t in d['tables']:
        for r in t['rows']:
            for c in r:
                if isinstance(c, dict):
                    cells[c['id']] = c
                    printed = norm(c['s'])
                    if printed and Decimal(printed) != Decimal(c['v']):
                        out.append((f"printed {c['id']}", [c['id']], lambda w: False))
                    rec = dict(c, u=c['u'])
                    t_rec = {'v': str(c['c']), 'd': 0, 'u': '元', 'exact': True}
                    out.append((f"cell=fact {c['id']}", [c['id']],
                                lambda w, rec=rec, t_rec=t_rec: ovl(iv(rec, w), iv(t_rec))))
        for tot, parts in t['sums']:
            def f(w, tot=tot, parts=parts):
                def I(cid):
                    c = cells[cid]
                    if c['s'] == '':
                        return (Decimal(0), Decimal(0))
                    return iv(c, w)
                ps = [I(p) for p in parts]
                return ovl(I(tot), (sum(x[0] for x in ps), sum(x[1] for x in ps)))
            out.append((f"sum {tot}", [tot] + parts, f))
    return out


def check_doc(outdir, d, man):
    probs = fact_identities(d)
    pl = d['planted']
    targets = set(pl['targets']) if pl else set()
    claims = {c['id']: c for c in d['claims']}
    # which printed records were changed by the defect (for claims that share a figure)
    changed = set()
    for tid in targets:
        if tid in claims:
            c = claims[tid]
            role = {'eq': 's', 'change': 'c', 'to': 'lvl', 'growth': 'g', 'ratio': 'y', 'times': 'x', 'share': 's',
                    'pp': 'c', 'completion': 'r'}.get(c['kind'])
            if role:
                changed.add((c['n'][role]['s'], c['n'][role]['v']))
    for c in d['claims']:
        if c['clause'] is None:
            probs.append(f"claim {c['id']} has no clause")
            continue
        good = ok(c)
        if good:
            continue
        related = c['id'] in targets or any((r['s'], r['v']) in changed for r in c['n'].values())
        if not related:
            probs.append(f"claim {c['id']} ({c['kind']}) inconsistent: {c['clause']}")
    tchecks = table_checks(d)
    for name, ids, f in tchecks:
        if not f(0) and not (set(ids) & targets):
            probs.append(f'table check failed: {name}')
    if pl:
        # the planted defect must be wrong beyond rounding (2 units of the last digit)
        hit = False
        for tid in targets:
            if tid in claims and not ok(claims[tid], widen=2):
                hit = True
        for name, ids, f in tchecks:
            if name.startswith('sum ') and ids[0] in targets and not f(2):
                hit = True
        if not hit:
            probs.append(f"planted {pl['class']} is within rounding: {pl['targets']}")
        if not man['defect'] or man['defect']['class'] != pl['class']:
            probs.append('manifest defect differs from _internal')
        if len(man['defect']['where']) < 4:
            probs.append('where shorter than 4 characters')
    elif man['defect']:
        probs.append('manifest has a defect for a clean document')
    # the rendered file
    txt = read_back(os.path.join(outdir, d['file']), d['format'])
    nt = norm(txt).translate(FW)
    nf = norm(txt)
    for c in d['claims']:
        if c['clause'] and norm(c['clause']) not in nf:
            probs.append(f"clause not in file: {c['clause'][:60]}")
    for t in d['tables']:
        if norm(t['title']) not in nf:
            probs.append(f"table title missing: {t['title']}")
        for r in t['rows']:
            for c in r:
                if isinstance(c, dict) and c['s'] and norm(c['s']) not in nt:
                    probs.append(f"cell {c['id']} value {c['s']} not in file")
    if man['defect']:
        w = norm(man['defect']['where'])
        if w not in nf and w not in nt:
            probs.append(f"where not in file: {man['defect']['where']}")
    kind_bad = '预算表' if d['doc_type'] == 'final' else '决算'
    if d['doc_type'] == 'budget' and '决算' in txt.replace('预决算', ''):
        probs.append('决算 in a budget')
    if d['doc_type'] == 'final' and any(kind_bad in t['title'] for t in d['tables']):
        probs.append('预算表 title in a final')
    for res in ('增加（减少）', '增加/减少', '。。', 'XX', 'None', 'nan'):
        if res in txt:
            probs.append(f'residue {res!r}')
    return probs


def main():
    n = 0
    allp = []
    for outdir in sys.argv[1:]:
        man = {r['file']: r for r in json.load(open(os.path.join(outdir, 'manifest.json'), encoding='utf-8'))}
        for fn in sorted(man):
            d = json.load(open(os.path.join(outdir, '_internal', fn + '.json'), encoding='utf-8'))
            n += 1
            for p in check_doc(outdir, d, man[fn]):
                allp.append(f'{outdir}/{fn}: {p}')
    for p in allp:
        print(p)
    print(f'{n} documents, {len(allp)} problems')
    sys.exit(1 if allp else 0)


if __name__ == '__main__':
    main()
