"""Sentence helpers: every number printed in the text is a registered figure with its identities."""
from fractions import Fraction as F

from doc15 import Mark


class TX:
    def __init__(self, doc, rng, f, o):
        self.doc, self.rng, self.f, self.o = doc, rng, f, o
        self.unit = o['text_unit']
        self.pdec = o['pdec']

    # figures ---------------------------------------------------------------
    def a(self, key, fen):
        return self.doc.fig(key, 'amt', fen, self.unit, 2, sep=self.o['text_sep'])

    def am(self, key, fen):
        """amount followed by its unit, as segments"""
        return [self.a(key, fen), self.unit]

    def pc(self, key, value, dec=None):
        return self.doc.fig(key, 'pct', value, '%', self.pdec if dec is None else dec)

    def n(self, key, value, unit=''):
        return self.doc.fig(key, 'cnt', value, unit, 0)

    def yr(self, y, expect=None):
        f = self.doc.fig(f'year.{len(self.doc.figs)}', 'year', y, '', 0)
        if expect is not None:
            self.doc.ident('year', fig=f, expect=expect)
        return f

    def share(self, part_fig, whole_fig, key, lead='占'):
        """'占12.34%' with a ratio identity; whole may be a fig printed elsewhere."""
        if whole_fig.exact == 0:
            return []
        p = self.pc(key, F(part_fig.exact * 100, whole_fig.exact))
        self.doc.ident('ratio', pct=p, num=part_fig, den=whole_fig, f=100)
        return [lead, p, '%']

    def completion(self, fin_fig, bud_fig, key, lead='完成年初预算的'):
        if bud_fig.exact == 0:
            return []
        p = self.pc(key, F(fin_fig.exact * 100, bud_fig.exact))
        self.doc.ident('ratio', pct=p, num=fin_fig, den=bud_fig, f=100)
        return [lead, p, '%']

    # comparisons -----------------------------------------------------------
    def cmp_phrase(self, budget=False, pv=None):
        """'与2024年度相比，' etc. Returns segments (with a year figure where a year is named)."""
        Y = self.f.year
        st = self.o['cmp']
        if st == 2 and self.rng.random() < 0.4:
            st = self.rng.randrange(2)
        u = self.unit
        if budget:
            if st == 0:
                return ['比', self.yr(Y - 1, Y - 1), '年预算'] + (['数', pv, u] if pv else [])
            if st == 1:
                return ['与', self.yr(Y - 1, Y - 1), '年预算'] + (['数', pv, u] if pv else []) + ['相比，']
            return ['较上年预算'] + (['数', pv, u] if pv else [])
        if st == 0:
            return ['与', self.yr(Y - 1, Y - 1), '年度'] + (['的', pv, u] if pv else []) + ['相比，']
        if st == 1:
            return ['比', self.yr(Y - 1, Y - 1), '年度'] + (['的', pv, u] if pv else [])
        return ['较上年'] + (['的', pv, u] if pv else [])

    def growth(self, key, cur_fig, cur, prev, budget=False, show_prev=None, both=False, reason=None):
        """Growth clause after a current figure; registers the growth identity.
        both=True: '收、支总计各增加…' form."""
        doc = self.doc
        if show_prev is None:
            show_prev = self.rng.random() < self.o['show_prev']
        if cur == 0 and prev == 0:
            return ['与上年持平']
        d = cur - prev
        up = d > 0
        pv = self.a(key + '.prev', prev) if (show_prev and prev) else None
        segs = self.cmp_phrase(budget, pv)
        w1 = doc.word(key + '.w1', '增加' if up else '减少', 1 if up else -1)
        if both:
            segs.append('收、支总计各')
        ch = self.a(key + '.chg', abs(d))
        segs += [w1, ch, self.unit]
        pf = None
        if prev:
            w2 = doc.word(key + '.w2', '增长' if up else '下降', 1 if up else -1)
            pf = self.pc(key + '.pct', F(abs(d) * 100, prev))
            segs += ['，', w2, pf, '%']
            dirs = [w1, w2]
        else:
            dirs = [w1]
        idn = doc.ident('growth', cur=cur_fig, prev=pv, chg=ch, pct=pf, dirs=dirs)
        if not prev:
            segs += [Mark('（上年无此项支出）' if not budget else '（上年未安排此项预算）', kind='growth0', ident=idn,
                          key=key, cur=cur, budget=budget)]
        if reason:
            segs += [Mark('，主要原因是', kind='reason'), reason]
        return segs

    def items_list(self, items, keyp, lead='主要包括：'):
        """'基本工资X万元、津贴补贴Y万元' -> (segments, figs)"""
        segs, figs = [lead], []
        for i, (code, name, v) in enumerate(items):
            fi = self.a(f'{keyp}.{code}', v)
            figs.append(fi)
            segs += [name, fi, self.unit]
            segs.append('、' if i < len(items) - 1 else '')
        return segs, figs

    def reason(self, up):
        from catalog15 import REASONS_DOWN, REASONS_UP
        return self.rng.choice(REASONS_UP if up else REASONS_DOWN)
