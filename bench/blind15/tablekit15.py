"""Generic table helpers for gen15: function-classification trees, two-column tables, side-by-side blocks."""
from fractions import Fraction as F

from doc15 import Table

CN_NUM = '一二三四五六七八九十'


def cn(i):
    """1 -> 一, 12 -> 十二, 21 -> 二十一."""
    if i <= 10:
        return CN_NUM[i - 1]
    if i < 20:
        return '十' + CN_NUM[i - 11]
    t, u = divmod(i, 10)
    return CN_NUM[t - 1] + '十' + (CN_NUM[u - 1] if u else '')


class TB:
    """Table builder bound to a document and its layout options."""

    def __init__(self, doc, rng, o):
        self.doc, self.rng, self.o = doc, rng, o
        self.n = 0

    def new(self, name, title, ncols, unit=None):
        self.n += 1
        if unit is None:
            mode = self.o['tunit']
            unit = mode if mode in ('元', '万元') else self.rng.choice(['元', '万元'])
        t = Table(self.n, name, title, unit, ncols)
        return t

    def amt(self, t, key, fen):
        sep = self.o['sep'] if t.unit == '元' else self.o['sep_wan']
        return self.doc.fig(key, 'amt', fen, t.unit, 2, sep=sep, zero=self.o['zero'], loc=f'table:{t.tid}')

    def pct(self, t, key, value, dec=2):
        return self.doc.fig(key, 'pct', value, '%', dec, zero='0', loc=f'table:{t.tid}')

    def num(self, t, key, value, dec=2, kind='score', unit='分'):
        return self.doc.fig(key, kind, value, unit, dec, zero='0', loc=f'table:{t.tid}')

    def empty_cell(self):
        return {'-': '-', 'blank': '', '0': ''}[self.o['zero']]

    # ------------------------------------------------------------------
    def label_cols(self):
        st = self.o['code']
        return {'code': ['科目编码', '科目名称'], 'lkx': ['类', '款', '项', '科目名称'], 'name': ['科目名称'],
                'codename': ['功能分类科目']}[st]

    def labels(self, level, code, name):
        st = self.o['code']
        if st == 'code':
            return [code, name]
        if st == 'lkx':
            k = code[3:5]
            if self.o.get('kuan_nozero') and k.startswith('0'):
                k = k[1:]
            return [code[:3], k if level >= 1 else '', code[5:7] if level == 2 else '', name]
        if st == 'name':
            return ['\u3000' * level + name]
        return [f'{code} {name}' if self.o.get('cn_space') else f'{code}-{name}']

    def total_labels(self, label):
        n = len(self.label_cols())
        if self.o['code'] == 'code':
            return ['', label] if self.o.get('total_in_name') else [label, '']
        return [label] + [''] * (n - 1)

    def tree(self, leaves):
        """Yield (level, code, name, [leaf...]) in display order."""
        out = []
        classes = sorted({lf.cls for lf in leaves})
        for c in classes:
            ls = [lf for lf in leaves if lf.cls == c]
            out.append((0, c, ls[0].cls_name, ls))
            for k in sorted({lf.kuan for lf in ls}):
                lk = [lf for lf in ls if lf.kuan == k]
                out.append((1, k, lk[0].kuan_name, lk))
                for lf in lk:
                    out.append((2, lf.code, lf.name, [lf]))
        return out

    def func_table(self, name, title, leaves, cols, row_ids=(), hangci=False, lanci=False, total_label=None,
                   header_groups=None, unit=None, rate_cols=()):
        """cols: list of (header, keyfmt, valfn). keyfmt has {c} for the code ('all' for the total row).
        rate_cols: list of (col index, num col, den col) printed as percentages (not summed)."""
        lc = self.label_cols()
        nl = len(lc) + (1 if hangci else 0)
        t = self.new(name, title, nl + len(cols), unit)
        t.label_cols = nl
        # header
        if header_groups:
            row1 = [('项目', len(lc), 1 if len(lc) > 1 else 2)] if len(lc) > 1 else [('项目', 1, 2)]
            if hangci:
                row1.append(('行次', 1, 2))
            row2 = [(x, 1, 1) for x in lc] if len(lc) > 1 else []
            for text, span in header_groups:
                if span == 1:
                    row1.append((text, 1, 2))
                else:
                    row1.append((text, span, 1))
            i = 0
            for text, span in header_groups:
                if span > 1:
                    row2 += [(cols[j][0], 1, 1) for j in range(i, i + span)]
                i += span
            if len(lc) > 1:
                row1[0] = ('项目', len(lc), 1)
            t.add_header(row1)
            t.add_header(row2)
        else:
            if len(lc) > 1:
                t.add_header([('项目', len(lc), 1)] + ([('行次', 1, 2)] if hangci else [])
                             + [(c[0], 1, 2) for c in cols])
                t.add_header([(x, 1, 1) for x in lc])
            else:
                t.add_header([(lc[0], 1, 1)] + ([('行次', 1, 1)] if hangci else []) + [(c[0], 1, 1) for c in cols])
        if lanci:
            t.add_header([('栏次', nl, 1)] + [(str(i + 1), 1, 1) for i in range(len(cols))])
        rate_idx = {r[0]: r for r in rate_cols}

        def mkrow(labels, c, ls):
            vals = []
            for ci, (hd, keyfmt, valfn) in enumerate(cols):
                if ci in rate_idx:
                    vals.append(None)
                    continue
                vals.append(self.amt(t, keyfmt.format(c=c), sum(valfn(lf) for lf in ls)))
            for ci, (_, nc, dc) in rate_idx.items():
                num = sum(cols[nc][2](lf) for lf in ls)
                den = sum(cols[dc][2](lf) for lf in ls)
                if den > 0:
                    f = self.pct(t, cols[ci][1].format(c=c), F(num * 100, den), self.o['pdec'])
                    vals[ci] = f
                    self.doc.ident('ratio', pct=f, num=vals[nc], den=vals[dc], f=100)
                else:
                    vals[ci] = self.empty_cell()
            for tot, parts in row_ids:
                self.doc.ident('sum', total=vals[tot], parts=[vals[p] for p in parts])
            return vals

        label = total_label or self.o['total_label']
        tvals = mkrow(None, 'all', leaves)
        trow = self.total_labels(label) + ([''] if hangci else []) + tvals
        body = []
        nodes = {}
        for level, code, nm, ls in self.tree(leaves):
            vals = mkrow(None, code, ls)
            nodes[code] = vals
            body.append((level, code, self.labels(level, code, nm), vals))
        rows = [trow] + [b[2] + [''] + b[3] if hangci else b[2] + b[3] for b in body]
        if self.o['total_pos'] == 'bottom':
            rows = rows[1:] + rows[:1]
        for i, r in enumerate(rows):
            if hangci:
                r[len(lc)] = str(i + 1)
            t.add_row(r)
        # column identities
        for ci in range(len(cols)):
            if ci in rate_idx:
                continue
            cls = [nodes[c][ci] for lvl, c, _, _ in body if lvl == 0]
            self.doc.ident('sum', total=tvals[ci], parts=cls)
            for lvl, c, _, ls in body:
                if lvl == 0:
                    self.doc.ident('sum', total=nodes[c][ci], parts=[nodes[k][ci] for l2, k, _, _ in body
                                                                      if l2 == 1 and k[:3] == c])
                elif lvl == 1:
                    self.doc.ident('sum', total=nodes[c][ci], parts=[nodes[k][ci] for l2, k, _, _ in body
                                                                      if l2 == 2 and k[:5] == c])
        t.total_vals = tvals
        t.nodes = nodes
        return t

    def two_col(self, name, title, left, right, hdr=('收入', '支出'), right_cols=('金额',), hangci=False,
                unit=None, left_head='项目', right_head='项目'):
        """left/right: lists of (label, [(key, fen)...] or None). Returns table and dict label->figs."""
        nr = len(right_cols)
        hc = 1 if hangci else 0
        ncols = 2 + hc + 1 + hc + nr
        t = self.new(name, title, ncols, unit)
        t.blocks = [(0, 2 + hc), (2 + hc, ncols)]
        t.add_header([(hdr[0], 2 + hc, 1), (hdr[1], 1 + hc + nr, 1)])
        r2 = [(left_head, 1, 1)] + ([('行次', 1, 1)] if hangci else []) + [('金额', 1, 1), (right_head, 1, 1)]
        r2 += ([('行次', 1, 1)] if hangci else []) + [(c, 1, 1) for c in right_cols]
        t.add_header(r2)
        figs = {}
        n = max(len(left), len(right))
        left = left + [('', None)] * (n - len(left))
        right = right + [('', None)] * (n - len(right))
        for i in range(n):
            row = []
            for side, (lab, vals), width in ((0, left[i], 1), (1, right[i], nr)):
                row.append(lab)
                if hangci:
                    row.append(str(i + 1 + side * n) if lab else '')
                if vals is None:
                    row += [''] * width
                else:
                    fs = [self.amt(t, k, v) for k, v in vals]
                    figs[(side, lab)] = fs
                    row += fs
            t.add_row(row)
        t.label_cols = 1
        return t, figs
