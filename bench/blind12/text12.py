"""The 说明 text: every figure is a claim with a clause; phrasing follows the options."""
from decimal import Decimal

from num12 import approx, cn, fmt, in_unit, plain

UP_AMT, DN_AMT = ['增加'], ['减少']
UP_PCT = ['增长{}', '增幅为{}', '增长率为{}', '同比增长{}', '上升{}']
DN_PCT = ['下降{}', '降幅为{}', '减幅{}', '减少{}', '同比下降{}']
UP_TO = ['增加到{}', '增长至{}', '提高到{}']
DN_TO = ['下降至{}', '减少为{}', '降至{}']


class TB:
    def __init__(self, rng, opts, ov, m):
        self.r, self.o, self.ov, self.m = rng, opts, ov, m
        self.claims, self.n, self.fw, self.spaced, self.unit = [], 0, False, False, '万元'
        self.groups = []

    # ---- numbers ----
    def section(self, name):
        self.fw = self.o['fullwidth'] == name
        self.spaced = self.o['spaced'] == name
        self.unit = '元' if self.o['yuan_text'] == name else '万元'

    def rec(self, v, d, u, exact=False, q=None, sep=None):
        if sep is None:
            sep = u == '元' or (self.o['wan_thousands'] and u == '万元')
        s = fmt(v, d, sep=sep, spaced=self.spaced and abs(v) >= 1000, fw=self.fw)
        out = {'s': s, 'v': plain(v, d), 'd': d, 'u': u}
        if exact:
            out['exact'] = True
        if q:
            out['q'] = q
        return out

    def exact(self, c):
        return {'s': str(c), 'v': str(c), 'd': 0, 'u': '元', 'exact': True}

    def add(self, kind, cid, clause, n, **kw):
        c = dict(id=cid, kind=kind, clause=clause, n=n, **kw)
        self.claims.append(c)
        return c

    def val(self, cid, v):
        o = self.ov.get(cid)
        return Decimal(o['v']) if o and 'v' in o else v

    def amt(self, cid, c, key=None, unit=None, d=None, qual=None):
        """Print an amount (元) in the section's unit; registers an eq claim without clause."""
        unit = unit or self.unit
        if d is None:
            d = {'万元': 2, '元': 2, '亿元': 4, '千元': 1}[unit]
        v = in_unit(c, unit)
        if qual:
            v = approx(v, d, qual)
        v = self.val(cid, v)
        rec = self.rec(v, d, unit, q=qual)
        self.add('eq', cid, None, {'s': rec, 't': self.exact(c)}, key=key, unit=unit)
        zero = self.o['zero_style']
        if c == 0 and zero == '0':
            rec['s'] = '0'
            rec['v'] = '0'
            rec['d'] = 0
        return f"{qual or ''}{rec['s']}{unit}"

    def cl(self, text):
        for c in self.claims:
            if c['clause'] is None:
                c['clause'] = text
        return text

    def para(self, text):
        for c in self.claims:
            if 'sent' not in c:
                c['sent'] = text
        return text

    def pct(self, v, d):
        return self.rec(v, d, '%')

    # ---- claims ----
    def share(self, cid, part, base, d=None, named=None, base_key=None):
        d = self.o['share_dec'] if d is None else d
        t = Decimal(part) / Decimal(base) * 100 if base else Decimal(0)
        rec = self.pct(self.val(cid, t), d)
        lead = f'占{named}的' if named else self.r.choice(['占', '占比', '所占比重为', '比重为'])
        txt = f"{lead}{rec['s']}%"
        self.add('share', cid, txt, {'s': rec, 'part': self.exact(part), 'base': self.exact(base)},
                 named=named, base_key=base_key)
        return txt

    def chg(self, cid, cur, prev, style, period='比上年'):
        """A change statement. style: by / pct / both / pctfirst / to / ratio / times / flat."""
        d = cur - prev
        if prev == 0:
            style = 'by'
        if d == 0 and style not in ('ratio',):
            style = 'flat'
        sign = 1 if d > 0 else -1
        o = self.ov.get(cid + '.sign')
        wsign = -sign if o else sign
        ex = {'cur': self.exact(cur), 'prev': self.exact(prev)}
        r = self.r

        def by():
            c = self.val(cid + '.c', in_unit(abs(d), self.unit))
            rec = self.rec(c, 2, self.unit)
            t = f"{'增加' if wsign > 0 else '减少'}{rec['s']}{self.unit}"
            self.add('change', cid + '.c', t, dict(ex, c=rec), sign=wsign)
            return t

        def pc():
            gd = self.o['growth_dec']
            g = self.val(cid + '.g', abs(Decimal(d)) / Decimal(prev) * 100)
            rec = self.pct(g, gd)
            t = r.choice(UP_PCT if wsign > 0 else DN_PCT).format(rec['s'] + '%')
            self.add('growth', cid + '.g', t, dict(ex, g=rec), sign=wsign)
            return t

        if style == 'flat':
            loose = d != 0
            t = f"{period}{'基本持平' if loose else r.choice(['持平', '保持持平'])}"
            if period.startswith('与') and period.endswith('相比'):
                t = f"{period}，{'基本持平' if loose else '持平'}"
            self.add('flat', cid + '.f', t, ex, loose=loose)
            return t
        if style == 'by':
            return f'{period}{by()}'
        if style == 'pct':
            return f'{period}{pc()}'
        if style == 'both':
            return f'{period}{by()}，{pc()}'
        if style == 'pctfirst':
            return f'{period}{pc()}，{by()}'
        if style == 'to':
            lv = self.val(cid + '.l', in_unit(cur, self.unit))
            rec = self.rec(lv, 2, self.unit)
            core = r.choice(UP_TO if sign > 0 else DN_TO).format(rec['s'] + self.unit)
            t = f"由上年的{self.rec(in_unit(prev, self.unit), 2, self.unit)['s']}{self.unit}{core}"
            self.add('to', cid + '.l', core, dict(ex, lvl=rec), sign=sign)
            return t
        if style == 'ratio':
            y = self.val(cid + '.y', Decimal(cur) / Decimal(prev) * 100)
            rec = self.pct(y, self.o['growth_dec'])
            base = '上年预算' if '预算' in period else '上年决算' if '决算' in period else '上年'
            t = r.choice(['是{}的{}', '为{}的{}', '相当于{}的{}']).format(base, rec['s'] + '%')
            self.add('ratio', cid + '.y', t, dict(ex, y=rec))
            return t
        if style == 'times':
            x = self.val(cid + '.x', Decimal(d) / Decimal(prev))
            rec = self.rec(x, self.r.choice([1, 2]), '倍')
            t = f"增长{rec['s']}倍"
            self.add('times', cid + '.x', t, dict(ex, x=rec))
            return f'{period}{t}'
        raise ValueError(style)

    def pick_style(self, cur, prev, allow_to=True):
        o, r = self.o, self.r
        if prev == 0 or cur == prev:
            return 'by'
        if o['times_phrase'] and prev and cur >= 2.1 * prev:
            return 'times'
        ch = ['both', 'both', 'by', 'pct']
        if o['pct_first']:
            ch += ['pctfirst', 'pctfirst']
        if o['to_phrasing'] and allow_to:
            ch += ['to', 'to']
        if o['ratio_phrase']:
            ch += ['ratio']
        return r.choice(ch)

    def fenbie_amounts(self, cid, names, cents, keys, unit=None):
        """'A、B和C分别为X万元、Y万元、Z万元' — one clause, a group of eq claims."""
        parts = [self.amt(f'{cid}.{i}', c, k, unit=unit) for i, (c, k) in enumerate(zip(cents, keys))]
        nm = '、'.join(names[:-1]) + '和' + names[-1]
        t = f"{nm}分别为{'、'.join(parts)}"
        ids = [f'{cid}.{i}' for i in range(len(cents))]
        self.cl(t)
        self.groups.append(dict(id=cid, ids=ids, clause=t, cents=list(cents), unit=unit or self.unit))
        return t

    def fenbie_shares(self, cid, cents, base, named=None):
        ss = []
        d = self.o['share_dec']
        for i, c in enumerate(cents):
            t = Decimal(c) / Decimal(base) * 100
            rec = self.pct(self.val(f'{cid}.{i}', t), d)
            ss.append(rec)
        lead = f'分别占{named}的' if named else '分别占'
        t = lead + '、'.join(x['s'] + '%' for x in ss)
        for i, (c, rec) in enumerate(zip(cents, ss)):
            self.add('share', f'{cid}.{i}', t, {'s': rec, 'part': self.exact(c), 'base': self.exact(base)},
                     named=named)
        return t

    def sum_claim(self, cid, whole_txt_rec, parts_recs, clause, bracket=False):
        n = {'w': whole_txt_rec}
        for i, p in enumerate(parts_recs):
            n[f'p{i}'] = p
        self.add('sum', cid, clause, n, bracket=bracket)

    def last_rec(self, cid):
        for c in reversed(self.claims):
            if c['id'] == cid:
                return c['n']['s']
        raise KeyError(cid)

    def completion(self, cid, act, bud, label):
        r = self.val(cid, Decimal(act) / Decimal(bud) * 100)
        rec = self.pct(r, 2)
        t = f"{label}{rec['s']}%"
        self.add('completion', cid, t, {'r': rec, 'act': self.exact(act), 'bud': self.exact(bud)})
        return t

    def pp(self, cid, a_c, a_base, b_c, b_base, label):
        d = self.o['share_dec'] if self.o['share_dec'] else 1
        ra = self.pct(Decimal(a_c) / Decimal(a_base) * 100, d)
        rb = self.pct(Decimal(b_c) / Decimal(b_base) * 100, d)
        diff = Decimal(rb['v']) - Decimal(ra['v'])
        if diff == 0:
            return None
        sign = 1 if diff > 0 else -1
        c = self.val(cid, abs(diff))
        rc = self.pct(c, d)
        w = '提高' if sign > 0 else '下降'
        ctext = f"{w}{rc['s']}个百分点"
        t = f"{label}占比由上年的{ra['s']}%{w}到{rb['s']}%（{ctext}）"
        self.add('share', cid + '.a', t, {'s': ra, 'part': self.exact(a_c), 'base': self.exact(a_base)})
        self.add('share', cid + '.b', t, {'s': rb, 'part': self.exact(b_c), 'base': self.exact(b_base)})
        rc2 = dict(rc, u='pp')
        self.add('pp', cid, ctext, {'c': rc2, 'a': ra, 'b': rb}, sign=sign)
        return t


def cnt(tb, n):
    """A count, in Chinese numerals when the option says so."""
    if tb.o['cn_counts'] and 0 < n <= 99:
        return '两' if n == 2 else cn(n)
    return str(n)
