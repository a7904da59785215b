"""Document model: printed figures with identities, text helpers and table builders."""
import math
import re
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from ia3 import UNITS

PH = re.compile(r'⟦(F\d+)⟧')
CN_NUM = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六',
          '十七', '十八', '十九', '二十']


def fmt_amt(fen, unit, dec, sep):
    v = (Decimal(fen) / Decimal(UNITS[unit])).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)
    if v == 0:
        v = abs(v)
    return format(v, (',.%df' if sep else '.%df') % dec)


def round_frac(x, dec):
    """Fraction -> Decimal rounded half away from zero."""
    s = 1 if x >= 0 else -1
    n = math.floor(abs(x) * 10 ** dec + Fraction(1, 2))
    return Decimal(s * n).scaleb(-dec)


def fmt_pct(frac, dec):
    v = round_frac(Fraction(frac) * 100, dec)
    if v == 0:
        v = abs(v)
    return format(v, '.%df' % dec)


class Doc:
    def __init__(self, rng, dtype, year, facts, opts):
        self.rng, self.dtype, self.Y, self.f, self.o = rng, dtype, year, facts, opts
        self.figs, self.idents, self.blocks = {}, [], []
        self.n = 0
        self.tu = opts['text_unit']
        self.pd = opts['pct_dec']
        self.sp = ' ' if opts['num_space'] else ''
        self.tsep = opts['text_sep']
        self.defect = None       # class name chosen for this document
        self.defect_info = None  # filled when planted
        self.year_used = 0
        self.prev_forms = 0
        self.refs = {}
        self.pi = 0

    def part(self, name):
        t = self.o['part_fmt'] % (CN_NUM[self.pi], name)
        self.pi += 1
        return t

    # ------------------------------------------------------------ figures
    def fig(self, key, val, kind='amt', unit=None, dec=2, sep=False, ctx='text', pre='', post='', blank=False,
            printed=None, row=None):
        fid = 'F%d' % self.n
        self.n += 1
        if printed is None:
            if kind == 'amt':
                printed = '' if (blank and val == 0) else fmt_amt(val, unit, dec, sep)
            elif kind == 'pct':
                printed = fmt_pct(val, dec)
            else:
                printed = str(val)
        self.figs[fid] = dict(id=fid, key=key, kind=kind, unit=unit, dec=dec, sep=sep, val=str(val), printed=printed,
                              ctx=ctx, pre=pre, post=post, row=row)
        return fid

    def ident(self, k, **kw):
        d = dict(k=k, **kw)
        self.idents.append(d)
        return d

    def m(self, key, fen, pre=''):
        """text amount: returns (string, fid)"""
        fid = self.fig(key, fen, 'amt', self.tu, 2, self.tsep, 'text', pre=pre + self.sp, post=self.sp + self.tu)
        return '%s%s⟦%s⟧%s%s' % (pre, self.sp, fid, self.sp, self.tu), fid

    def pc(self, frac, pre='', post='%'):
        fid = self.fig(None, frac, 'pct', None, self.pd, ctx='text', pre=pre, post=post)
        return '%s⟦%s⟧%s' % (pre, fid, post), fid

    def wd(self, sign, kind='chg'):
        if kind == 'chg':
            w = {1: '增加', -1: self.o['w_neg_chg'], 0: '持平'}[sign]
        else:
            w = {1: self.o['w_pos_pct'], -1: self.o['w_neg_pct'], 0: '持平'}[sign]
        fid = self.fig(None, w, 'word', printed=w)
        return '⟦%s⟧' % fid, fid

    def yr(self, y, pre='', post='年'):
        fid = self.fig(None, y, 'year', pre=pre, post=post, printed=str(y))
        self.ident('year', f=fid, expected=y)
        self.year_used += 1
        return '%s⟦%s⟧%s' % (pre, fid, post), fid

    def cnt(self, n, post='', pre=''):
        fid = self.fig(None, n, 'cnt', pre=pre, post=post, printed=str(n))
        return '%s⟦%s⟧%s' % (pre, fid, post), fid

    def rs(self, text, pre=''):
        fid = self.fig(None, text, 'reason', printed=text, pre=pre)
        return '⟦%s⟧' % fid

    def resolve(self, s):
        return PH.sub(lambda mo: self.figs[mo.group(1)]['printed'], s)

    # ------------------------------------------------------------ phrases
    def cmp_phrase(self, force_year=False):
        rng, y1 = self.rng, self.Y - 1
        if self.dtype == 'budget':
            forms = [('比', '年预算'), ('较', '年预算'), ('与', '年预算相比，'), (None, '较上年预算'), (None, '比上年预算'),
                     (None, '与上年预算相比，')]
        else:
            forms = [('与', '年度决算相比，'), ('较', '年'), ('比', '年'), ('与', '年相比，'), (None, '较上年'),
                     (None, '与上年相比，'), (None, '同比')]
        if force_year or self.year_used == 0:
            forms = [x for x in forms if x[0]]
        pre, post = rng.choice(forms)
        if pre is None:
            return post
        return self.yr(y1, pre, post)[0]

    def prev_label(self):
        if self.dtype == 'budget':
            return self.rng.choice(['上年预算数为', '上年预算', '%d年预算数' % (self.Y - 1)])
        return self.rng.choice(['上年决算数为', '上年', '上年支出'])

    def growth(self, cur_fen, prev_fen, cur_fid, form=None, reason=None, zero_defect=False, site=''):
        """clause comparing cur with prev. returns text (no trailing punctuation)."""
        rng = self.rng
        form = form or rng.choice(['full', 'full', 'full', 'pct', 'chg', 'prev'])
        chgv = cur_fen - prev_fen
        sign = (chgv > 0) - (chgv < 0)
        if cur_fen == 0 and prev_fen == 0:
            return rng.choice(['与上年持平', '上年和本年均无此项支出', '与上年一致，均为0'])
        if prev_fen == 0:
            cmpp = self.cmp_phrase()
            cs, cf = self.m(None, chgv)
            if zero_defect:
                w1, w1f = self.wd(1)
                ps, pf = self.pc(Fraction(1), pre='')
                w2, w2f = self.wd(1, 'pct')
                txt = '%s%s%s，%s%s' % (cmpp, w1, cs, w2, ps)
                g = self.ident('growth', cur=cur_fid, chg=cf, pct=pf, wchg=w1f, wpct=w2f)
                self.defect_info = dict(cls='zero-base', where=self.figs[w2f]['printed'] + self.figs[pf]['printed'] + '%',
                                        stated='100%', expected='无法计算（上年为0）',
                                        note='上年数为0（本年新增），不能计算增长率，却写成增长100%。', fid=pf)
                return txt
            w1, w1f = self.wd(1)
            return rng.choice(['%s%s%s（上年无此项支出）' % (cmpp, w1, cs), '上年无此项支出，为本年新增',
                               '%s%s%s，为新增项目' % (cmpp, w1, cs)])
        if chgv == 0:
            return self.cmp_phrase() + '持平'
        cmpp = self.cmp_phrase()
        absc = abs(chgv)
        frac = Fraction(abs(chgv), prev_fen)
        if form == 'prev':
            self.prev_forms += 1
            lab = self.prev_label()
            prs, prf = self.m(None, prev_fen, pre='')
            w1, w1f = self.wd(sign)
            cs, cf = self.m(None, absc)
            w2, w2f = self.wd(sign, 'pct')
            ps, pf = self.pc(frac)
            self.ident('growth', cur=cur_fid, prev=prf, chg=cf, pct=pf, wchg=w1f, wpct=w2f)
            self.ident('direction', w=w1f, cur=cur_fid, prev=prf)
            sep = rng.choice(['，', '，', '；'])
            return '%s%s%s%s%s，%s%s' % (lab, prs, sep, w1, cs, w2, ps)
        if form == 'pct':
            w2, w2f = self.wd(sign, 'pct')
            ps, pf = self.pc(frac)
            self.ident('growth', cur=cur_fid, pct=pf, wpct=w2f)
            return '%s%s%s' % (cmpp, w2, ps)
        w1, w1f = self.wd(sign)
        cs, cf = self.m(None, absc)
        if form == 'chg':
            self.ident('growth', cur=cur_fid, chg=cf, wchg=w1f)
            return '%s%s%s' % (cmpp, w1, cs)
        w2, w2f = self.wd(sign, 'pct')
        ps, pf = self.pc(frac)
        self.ident('growth', cur=cur_fid, chg=cf, pct=pf, wchg=w1f, wpct=w2f)
        return '%s%s%s，%s%s' % (cmpp, w1, cs, w2, ps)

    def share(self, num_fen, den_fen, num_fid, den_fid, pre='占', post='%'):
        if den_fen == 0:
            return ''
        s, f = self.pc(Fraction(num_fen, den_fen), pre=pre, post=post)
        self.ident('share', pct=f, num=num_fid, den=den_fid)
        return s

    def completion(self, act_fen, bud_fen, act_fid, bud_fid, pre='完成年初预算的'):
        s, f = self.pc(Fraction(act_fen, bud_fen), pre=pre)
        self.ident('completion', pct=f, actual=act_fid, budget=bud_fid)
        return s

    # ------------------------------------------------------------ blocks
    def h(self, level, text, role='section'):
        self.blocks.append(dict(t='h%d' % level, text=text, role=role))

    def p(self, text):
        self.blocks.append(dict(t='p', text=text))

    def num_heading(self, i, style):
        if style == 'cn':
            return CN_NUM[i] + '、'
        if style == 'paren':
            return '（%s）' % CN_NUM[i]
        if style == 'arabic':
            return '%d.' % (i + 1)
        return '%d、' % (i + 1)


# ---------------------------------------------------------------- table helpers
def header_from_cols(label_heads, cols, two_row_labels=False):
    """label_heads: list of str (or ('科目编码', 3) group) ; cols: list of dicts with 'h' and optional 'g'."""
    groups = [c.get('g') for c in cols]
    two = any(groups) or two_row_labels
    if not two:
        row = []
        for lh in label_heads:
            row.append((lh, 1, 1))
        for c in cols:
            row.append((c['h'], 1, 1))
        return [row]
    r0, r1 = [], []
    for lh in label_heads:
        if isinstance(lh, tuple):
            r0.append((lh[0], len(lh[1]), 1))
            for x in lh[1]:
                r1.append((x, 1, 1))
        else:
            r0.append((lh, 1, 2))
    i = 0
    while i < len(cols):
        g = cols[i].get('g')
        if not g:
            r0.append((cols[i]['h'], 1, 2))
            i += 1
            continue
        j = i
        while j < len(cols) and cols[j].get('g') == g:
            j += 1
        if j - i == 1 and cols[i]['h'] == g:
            r0.append((g, 1, 2))
        else:
            r0.append((g, j - i, 1))
            for c in cols[i:j]:
                r1.append((c['h'], 1, 1))
        i = j
    return [r0, r1]


def header_grid(header, ncols):
    """-> grid (list of list str) and spans [(r, c, rs, cs)]"""
    nrows = len(header)
    grid = [[None] * ncols for _ in range(nrows)]
    spans = []
    for r, row in enumerate(header):
        c = 0
        for text, cs, rs in row:
            while c < ncols and grid[r][c] is not None:
                c += 1
            if c >= ncols:
                break
            for rr in range(r, r + rs):
                for cc in range(c, c + cs):
                    if rr < nrows and cc < ncols:
                        grid[rr][cc] = ''
            grid[r][c] = text
            if cs > 1 or rs > 1:
                spans.append((r, c, rs, cs))
            c += cs
    for r in range(nrows):
        for c in range(ncols):
            if grid[r][c] is None:
                grid[r][c] = ''
    return grid, spans
