"""defects10: plant exactly one defect in a built document, and describe it for the manifest.

A defect changes the printed text of one figure.  It is kept only if (checked with verify10's
interval evaluation) it breaks at least one identity, every broken identity involves that figure,
and it still breaks one when every interval is widened by 2 units of its last digit.
"""
from model10 import DOWN, UP, fmt_amount, fmt_pct
from verify10 import failing

CLASSES = ['table-total', 'text-vs-table', 'rate-base', 'completion-level', 'direction', 'growth', 'breakdown',
           'share', 'summary-units', 'copied-amount', 'balance', 'blank-total']

NOTES = {
    'table-total': 'a 合计 cell of a table that spans the units does not equal the sum of the unit rows',
    'text-vs-table': "a unit's own figure in its section of the text differs from that unit's row in the tables",
    'rate-base': 'the rate of change of 公用车购置及运行维护费 is computed against a sub-item (购置费 or 运行维护费) '
                 'instead of the main amount of last year',
    'completion-level': 'the completion rate names one budget level (年初 / 调整 / 全年) but is computed against the other',
    'direction': 'the direction word contradicts the prior-year figure the sentence names',
    'growth': 'the stated change does not equal this year minus the prior figure the sentence names',
    'breakdown': 'an item of a list does not add up with the others to the stated total',
    'share': 'a share of a named base is wrong',
    'summary-units': 'a department 汇总 figure does not equal the sum of the units stated in 本级及所属单位 section',
    'copied-amount': "an item's sentence carries the previous item's amount",
    'balance': '收支总表: 本年支出合计 + 结转下年 / 年末结转和结余 does not equal 支出总计',
    'blank-total': 'a 类/款 total cell of the 功能分类 table is left blank while its children are not zero',
}


def clause(doc, fid):
    """the part of the sentence (between ，。；：) that holds figure fid, at least 10 characters."""
    for kind, x in doc.blocks:
        if kind != 'p':
            continue
        start = None
        s = ''
        for part in x:
            t = str(part)
            if hasattr(part, 'id') and part.id == fid:
                start = len(s)
                end = start + len(t)
            s += t
        if start is None:
            continue
        # include the unit after the figure
        while end < len(s) and s[end] in '万元%':
            end += 1
        b = start
        seps = '，。；：'
        while b > 0 and s[b - 1] not in seps:
            b -= 1
        if end - b < 10 and b > 0:
            b -= 1
            while b > 0 and s[b - 1] not in seps:
                b -= 1
        e = end
        if s[start:end] in UP + DOWN:   # a direction word: take the amount that follows
            while e < len(s) and s[e] not in seps:
                e += 1
        return s[b:e].strip('，。；：')
    return None


def shift(fen, r):
    d = max(int(abs(fen) * r.uniform(0.04, 0.15)), r.randint(60_000, 400_000))
    return fen + d if (r.random() < 0.5 or fen - d <= 0) else fen - d


def plant(doc, cls, r):
    """try to plant a defect of class cls; returns the manifest defect dict or None."""
    cands = list(doc.cands.get({'text-vs-table': 'text-vs-table'}.get(cls, cls), []))
    r.shuffle(cands)
    F = doc.figs
    for c in cands[:12]:
        f = F[c['fid']]
        old = f.text
        table = row = None
        if cls in ('table-total', 'balance'):
            nv = shift(f.exact, r)
            comma = ',' in old or (abs(f.exact) >= 100_000_000 and f.unit == '元' and doc.opts['comma'])
            f.text = fmt_amount(nv, f.unit, f.dec, comma)
            table, row = doc.cellinfo[f.id]
            where, alt = f.text, [row]
        elif cls == 'blank-total':
            f.text = ''
            table, row = doc.cellinfo[f.id]
            where, alt = c['label'], [c['label']]
        elif cls in ('text-vs-table', 'growth', 'breakdown', 'summary-units'):
            nv = shift(f.exact, r)
            f.text = fmt_amount(nv, f.unit, f.dec, ',' in old)
            where = clause(doc, f.id)
            alt = []
        elif cls in ('rate-base', 'completion-level', 'share'):
            wrong = c.get('wrong')
            if isinstance(wrong, (int, float)):
                wrong = [wrong]
            exact = c.get('exact', f.exact)
            opts = [x for x in (wrong or []) if abs(x - exact) >= 1.0]
            if not opts:
                if cls != 'share':
                    continue
                opts = [exact + r.choice([-1, 1]) * r.uniform(1.5, 6.0)]
                if opts[0] <= 0:
                    opts = [exact + r.uniform(1.5, 6.0)]
            f.text = fmt_pct(r.choice(opts), f.dec)
            where = clause(doc, f.id)
            alt = []
        elif cls == 'direction':
            f.text = (DOWN if f.exact > 0 else UP)[0]
            where = clause(doc, f.id)
            alt = []
        elif cls == 'copied-amount':
            if c['copy'] in ('', '-') or c['copy'] == old:
                continue
            f.text = c['copy']
            where = clause(doc, f.id)
            alt = []
        else:
            continue
        internal = dict(figs=[x.rec() for x in F], checks=doc.checks)
        fails = failing(internal)
        robust = [x for x in failing(internal, 2.0) if f.id in x[0]]
        ok = fails and all(f.id in ids for ids, _ in fails) and robust and where and len(where) >= 4
        if ok:
            exp_text = old
            d = dict(**{'class': cls}, where=where, alt=alt, stated=f.text, expected=exp_text, note=NOTES[cls])
            if table:
                d['table'], d['row'] = table, row
            return d, f.id
        f.text = old
    return None
