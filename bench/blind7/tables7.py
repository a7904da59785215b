"""tables7: the standard tables of a 部门预算 / 部门决算, with their figures and identities.

Every builder returns a doc7.Table; every amount cell is a registered figure whose
key is shared with the same quantity elsewhere (text, other tables), so that
same-key equality is checked across 元/千元/万元 and the text.
"""
from fractions import Fraction

from doc7 import Table

MANDATORY = {
    'budget': ['收支总表', '收入总表', '支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表',
               '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表'],
    'final': ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
              '一般公共预算财政拨款基本支出决算表', '政府性基金预算财政拨款收入支出决算表',
              '国有资本经营预算财政拨款支出决算表', '财政拨款“三公”经费支出决算表'],
}
CN = '一二三四五六七八九十'


def cn_num(i):
    if i <= 10:
        return CN[i - 1]
    if i < 20:
        return '十' + CN[i - 11]
    return CN[i // 10 - 1] + '十' + (CN[i % 10 - 1] if i % 10 else '')


class TB:
    """Table-building context for one document."""

    def __init__(self, doc, facts, opts):
        self.doc = doc
        self.f = facts
        self.o = opts
        self.fmt = (opts['tbl_unit'], opts['tbl_dec'], opts['tbl_sep'], opts['zero_blank'])
        self.n = 0
        self.year_fid = None

    # ------------ helpers ------------
    def money(self, key, fen, tags=()):
        return ('F', self.doc.table_money(key, fen, self.fmt, tags))

    def zero(self, key):
        return self.money(key, 0, ('zero',))

    def unit_label(self):
        u = self.o['tbl_unit']
        if self.o['unit_in_header']:
            return None
        return self.o['unit_label_fmt'].format(u=u)

    def amount_header(self, name):
        if self.o['unit_in_header']:
            return f'{name}（{self.o["tbl_unit"]}）'
        return name

    def title(self, name, mandatory):
        self.n += 1
        i = self.n
        style = self.o['title_style']
        segs = []
        if style == 'cn':
            segs.append(f'{cn_num(i)}、')
        elif style == 'biao':
            segs.append(f'表{i}  ')
        elif style == 'fubiao':
            segs.append(f'附表{i}：')
        if self.o['title_year']:
            fid = self.doc.new_fig('year.report', 'year', self.f.year, tags={'title'})
            segs.append(('F', fid))
            segs.append('年' + ('度' if self.f.doc_type == 'final' and self.o['nian_du'] else ''))
        segs.append(name)
        tid = f't{i}'
        t = Table(self.doc, tid, segs, self.unit_label(), [], mandatory=mandatory)
        return t

    def ids_sum(self, total, parts, cls='table-tree'):
        self.doc.sum_(total[1] if total else None, [p[1] for p in parts if p], cls)

    # ------------ function tree ------------
    def tree(self, leaves):
        """[(lei, lname, [(kuan, kname, [leaf])])] in code order."""
        out = {}
        for lf in sorted(leaves, key=lambda x: x.code):
            out.setdefault((lf.lei, lf.lname), {}).setdefault((lf.kuan, lf.kname), []).append(lf)
        return [(lei, ln, [(k, kn, lv) for (k, kn), lv in sorted(ks.items())]) for (lei, ln), ks in sorted(out.items())]

    def label_cells(self, level, code, name):
        st = self.o['label_style']
        if st == 'two':
            return [code, name]
        if st == 'lkx':
            lei, kuan, xiang = code[:3], code[3:5], code[5:7]
            if level == 'total':
                return ['', '', '', name]
            if level == 'lei':
                return [lei, '', '', name]
            if level == 'kuan':
                return [lei, kuan, '', name]
            return [lei, kuan, xiang, name]
        ind = {'total': '', 'lei': '', 'kuan': '  ', 'leaf': '    '}[level]
        return [ind + (code + ' ' if code else '') + name]

    def label_headers(self):
        st = self.o['label_style']
        if st == 'two':
            return ['科目编码', '科目名称']
        if st == 'lkx':
            return ['类', '款', '项', '科目名称']
        return ['功能分类科目']

    def func_table(self, t, leaves, cols, rowsums=(), extra=None, total_name='合计'):
        """cols: [(header, suffix, getter)], rowsums: [(total_suffix, [part_suffixes])]."""
        nlab = len(self.label_headers())
        t.label_cols = nlab
        tree = self.tree(leaves)
        fids = {}

        def row(level, code, name, vals, keycode):
            cells = self.label_cells(level, code, name)
            rf = {}
            for (h, suf, _), v in zip(cols, vals):
                c = self.money(f'f.{keycode}.{suf}', v, ('func', level))
                cells.append(c)
                rf[suf] = c
            if extra:
                cells += extra(level, keycode, rf)
            t.add_row(cells, label=name, kind=level)
            for tot, parts in rowsums:
                self.ids_sum(rf[tot], [rf[p] for p in parts], 'table-row')
            fids[keycode] = rf
            return rf

        def agg(lv):
            return [sum(g(lf) for lf in lv) for _, _, g in cols]

        all_leaves = [lf for _, _, ks in tree for _, _, lv in ks for lf in lv]
        total_first = self.o['total_first']
        if total_first:
            tot = row('total', '', total_name, agg(all_leaves), 'ALL')
        lei_rows = []
        for lei, ln, ks in tree:
            lv_all = [lf for _, _, lv in ks for lf in lv]
            lr = row('lei', lei, ln, agg(lv_all), lei)
            kuan_rows = []
            for k, kn, lv in ks:
                kr = row('kuan', k, kn, agg(lv), k)
                leaf_rows = [row('leaf', lf.code, lf.name, [g(lf) for _, _, g in cols], lf.code) for lf in lv]
                for _, suf, _ in cols:
                    self.ids_sum(kr[suf], [x[suf] for x in leaf_rows])
                kuan_rows.append(kr)
            for _, suf, _ in cols:
                self.ids_sum(lr[suf], [x[suf] for x in kuan_rows])
            lei_rows.append(lr)
        if not total_first:
            tot = row('total', '', total_name, agg(all_leaves), 'ALL')
        for _, suf, _ in cols:
            self.ids_sum(tot[suf], [x[suf] for x in lei_rows])
        t.headers = [self.label_headers() + [self.amount_header(h) for h, _, _ in cols]]
        return fids

    # ------------ 收支总表 (two halves or stacked) ------------
    def halves(self, t, left, right, right_cols, left_head, right_head):
        """left/right: [(label, [cell...], kind)]; cells already registered."""
        hangci = self.o['hangci'] and self.f.doc_type == 'final'
        if self.o['two_column']:
            n = max(len(left), len(right))
            lw = 1 + (1 if hangci else 0) + 1
            rw = 1 + (1 if hangci else 0) + right_cols
            h1 = [left_head] + [''] * (lw - 1) + [right_head] + [''] * (rw - 1)
            h2 = ['项目'] + (['行次'] if hangci else []) + [self.amount_header('金额')]
            h2 += ['项目'] + (['行次'] if hangci else [])
            h2 += [self.amount_header(x) for x in (['金额'] if right_cols == 1 else self.o['_rc_names'])]
            t.headers = [h1, h2]
            for i in range(n):
                cells = []
                lab = ''
                if i < len(left):
                    lb, cs, _ = left[i]
                    cells += [lb] + ([str(i + 1)] if hangci else []) + cs
                    lab = lb
                else:
                    cells += [''] * lw
                if i < len(right):
                    lb, cs, _ = right[i]
                    cells += [lb] + ([str(len(left) + i + 1)] if hangci else []) + cs + [''] * (right_cols - len(cs))
                    lab = lab + '|' + lb
                else:
                    cells += [''] * rw
                t.add_row(cells, label=lab, kind='pair')
            t.label_cols = 1
        else:
            ncol = max(1, right_cols)
            names = ['金额'] if ncol == 1 else self.o['_rc_names']
            t.headers = [['项目'] + (['行次'] if hangci else []) + [self.amount_header(x) for x in names]]
            k = 0
            t.add_row([left_head] + ([''] if hangci else []) + [''] * ncol, label=left_head, kind='head')
            for lb, cs, _ in left:
                k += 1
                t.add_row([lb] + ([str(k)] if hangci else []) + cs + [''] * (ncol - len(cs)), label=lb, kind='row')
            t.add_row([right_head] + ([''] if hangci else []) + [''] * ncol, label=right_head, kind='head')
            for lb, cs, _ in right:
                k += 1
                t.add_row([lb] + ([str(k)] if hangci else []) + cs + [''] * (ncol - len(cs)), label=lb, kind='row')

    # ======================================================================
    def t_shouzhi(self):
        f, tt, fin = self.f, self.f.tot, self.f.doc_type == 'final'
        name = '收入支出决算总表' if fin else self.o['budget_names']['收支总表']
        t = self.title(name, MANDATORY[f.doc_type][0])
        m = self.money
        L = []
        inc_items = [('一般公共预算财政拨款收入' if fin else '一般公共预算拨款收入', 'f.ALL.inc.gp', tt.inc_gp),
                     ('政府性基金预算财政拨款收入' if fin else '政府性基金预算拨款收入', 'f.ALL.inc.gf', tt.inc_gf),
                     ('国有资本经营预算财政拨款收入' if fin else '国有资本经营预算拨款收入', 'f.ALL.inc.soe', 0)]
        if fin:
            inc_items.append(('上级补助收入', 'f.ALL.inc.sj', 0))
        inc_items.append(('事业收入', 'f.ALL.inc.sy', tt.inc_sy))
        if fin:
            inc_items += [('经营收入', 'f.ALL.inc.jy', 0), ('附属单位上缴收入', 'f.ALL.inc.fs', 0)]
        inc_items.append(('其他收入', 'f.ALL.inc.qt', tt.inc_qt))
        parts = []
        for lb, k, v in inc_items:
            c = m(k, v)
            parts.append(c)
            L.append((lb, [c], 'item'))
        tot_inc = m('f.ALL.inc.total', tt.inc_total)
        L.append(('本年收入合计', [tot_inc], 'sub'))
        self.ids_sum(tot_inc, parts, 'table-row')
        if fin:
            use = m('f.ALL.inc.use', tt.use)
            L.append(('使用非财政拨款结余（含专用结余）', [use], 'item'))
            op = m('f.ALL.open', tt.open)
            L.append(('年初结转和结余', [op], 'item'))
        else:
            use = m('f.ALL.inc.use', tt.use)
            L.append(('用事业基金弥补收支差额', [use], 'item'))
            op = m('f.ALL.open', tt.open)
            L.append(('上年结转', [op], 'item'))
        grand_i = m('f.ALL.inc.grand', tt.inc_grand)
        L.append(('收入总计', [grand_i], 'grand'))
        self.ids_sum(grand_i, [tot_inc, use, op], 'table-row')
        R = []
        leis = self.tree(f.leaves)
        lparts = []
        for lei, ln, ks in leis:
            v = sum(lf.total for _, _, lv in ks for lf in lv)
            c = m(f'f.{lei}.all.total', v)
            lparts.append(c)
            R.append((ln, [c], 'item'))
        tot_exp = m('f.ALL.all.total', tt.total)
        R.append(('本年支出合计', [tot_exp], 'sub'))
        self.ids_sum(tot_exp, lparts, 'table-row')
        if fin:
            dist = m('f.ALL.dist', tt.dist)
            R.append(('结余分配', [dist], 'item'))
            cl = m('f.ALL.close', tt.close)
            R.append(('年末结转和结余', [cl], 'item'))
        else:
            dist = None
            cl = m('f.ALL.close', tt.close)
            R.append(('年末结转', [cl], 'item'))
        grand_e = m('f.ALL.exp.grand', tt.exp_grand)
        R.append(('支出总计', [grand_e], 'grand'))
        self.ids_sum(grand_e, [tot_exp] + ([dist] if dist else []) + [cl], 'table-row')
        self.doc.ident('eq', 'table-row', figs=[grand_i[1], grand_e[1]])
        # carry-over chain: 年初 + 本年收入 + 使用结余 − 本年支出 − 结余分配 = 年末
        parts = [op[1], tot_inc[1], use[1], tot_exp[1]] + ([dist[1]] if dist else [])
        self.doc.ident('sum', 'carryover', total=cl[1], parts=parts, signs=[1, 1, 1, -1] + ([-1] if dist else []))
        self.halves(t, L, R, 1, '收    入', '支    出')
        return t

    def t_income(self):
        f, fin = self.f, self.f.doc_type == 'final'
        name = '收入决算表' if fin else self.o['budget_names']['收入总表']
        t = self.title(name, MANDATORY[f.doc_type][1])
        if fin:
            cols = [('本年收入合计', 'inc.total', lambda lf: lf.inc_total),
                    ('财政拨款收入', 'inc.fis', lambda lf: lf.inc_gp + lf.inc_gf),
                    ('上级补助收入', 'inc.sj', lambda lf: 0),
                    ('事业收入', 'inc.sy', lambda lf: lf.inc_sy),
                    ('经营收入', 'inc.jy', lambda lf: 0),
                    ('附属单位上缴收入', 'inc.fs', lambda lf: 0),
                    ('其他收入', 'inc.qt', lambda lf: lf.inc_qt)]
            rs = [('inc.total', ['inc.fis', 'inc.sj', 'inc.sy', 'inc.jy', 'inc.fs', 'inc.qt'])]
        else:
            cols = [('合计', 'inc.all', lambda lf: lf.inc_total + lf.open),
                    ('上年结转', 'open', lambda lf: lf.open),
                    ('一般公共预算拨款收入', 'inc.gp', lambda lf: lf.inc_gp),
                    ('政府性基金预算拨款收入', 'inc.gf', lambda lf: lf.inc_gf),
                    ('事业收入', 'inc.sy', lambda lf: lf.inc_sy),
                    ('其他收入', 'inc.qt', lambda lf: lf.inc_qt)]
            rs = [('inc.all', ['open', 'inc.gp', 'inc.gf', 'inc.sy', 'inc.qt'])]
        self.func_table(t, f.leaves, cols, rs)
        return t

    def t_expense(self):
        f, fin = self.f, self.f.doc_type == 'final'
        name = '支出决算表' if fin else self.o['budget_names']['支出总表']
        t = self.title(name, MANDATORY[f.doc_type][2])
        cols = [('本年支出合计' if fin else '合计', 'all.total', lambda lf: lf.total),
                ('基本支出', 'all.basic', lambda lf: lf.basic),
                ('项目支出', 'all.proj', lambda lf: lf.proj)]
        parts = ['all.basic', 'all.proj']
        if self.o['zero_cols']:
            extra = [('上缴上级支出', 'all.sj', lambda lf: 0), ('经营支出' if fin else '事业单位经营支出', 'all.jy', lambda lf: 0),
                     ('对附属单位补助支出' if fin else '对下级单位补助支出', 'all.fs', lambda lf: 0)]
            cols += extra
            parts += [x[1] for x in extra]
        self.func_table(t, f.leaves, cols, [('all.total', parts)])
        return t

    def t_fiscal(self):
        f, tt, fin = self.f, self.f.tot, self.f.doc_type == 'final'
        name = '财政拨款收入支出决算总表' if fin else self.o['budget_names']['财政拨款收支总表']
        t = self.title(name, MANDATORY[f.doc_type][3])
        m = self.money
        self.o['_rc_names'] = ['合计', '一般公共预算财政拨款' if fin else '一般公共预算', '政府性基金预算财政拨款' if fin else '政府性基金预算',
                               '国有资本经营预算财政拨款' if fin else '国有资本经营预算']
        L = []
        a = m('f.ALL.inc.gp', tt.inc_gp)
        b = m('f.ALL.inc.gf', tt.inc_gf)
        c = m('f.ALL.inc.soe', 0)
        L += [('一般公共预算财政拨款' if fin else '一般公共预算拨款收入', [a], 'item'),
              ('政府性基金预算财政拨款' if fin else '政府性基金预算拨款收入', [b], 'item'),
              ('国有资本经营预算财政拨款' if fin else '国有资本经营预算拨款收入', [c], 'item')]
        fi = m('f.ALL.fis.inc', tt.fis_inc)
        L.append(('本年收入合计', [fi], 'sub'))
        self.ids_sum(fi, [a, b, c], 'table-row')
        og = m('f.ALL.open.gp', tt.gp_open)
        of = m('f.ALL.open.gf', tt.gf_open)
        oo = m('f.ALL.fis.open', tt.gp_open + tt.gf_open)
        L.append(('年初财政拨款结转和结余' if fin else '上年结转', [oo], 'item'))
        L.append(('  一般公共预算财政拨款' if fin else '  一般公共预算拨款', [og], 'item'))
        L.append(('  政府性基金预算财政拨款' if fin else '  政府性基金预算拨款', [of], 'item'))
        self.ids_sum(oo, [og, of], 'table-row')
        gi = m('f.ALL.fis.grand', tt.fis_grand)
        L.append(('收入总计', [gi], 'grand'))
        self.ids_sum(gi, [fi, oo], 'table-row')
        R = []

        per_col = [[], [], [], []]
        for lei, ln, ks in self.tree(f.leaves):
            lv = [lf for _, _, x in ks for lf in x]
            vals = [sum(lf.fis for lf in lv), sum(lf.gp for lf in lv), sum(lf.gf for lf in lv), 0]
            if vals[0] == 0:
                continue
            cs = [m(f'f.{lei}.fis.total', vals[0]), m(f'f.{lei}.gp.total', vals[1]),
                  m(f'f.{lei}.gf.total', vals[2]), m(f'f.{lei}.soe.total', 0)]
            self.ids_sum(cs[0], cs[1:], 'table-row')
            for i in range(4):
                per_col[i].append(cs[i])
            R.append((ln, cs, 'item'))
        tcs = [m('f.ALL.fis.total', tt.fis), m('f.ALL.gp.total', tt.gp), m('f.ALL.gf.total', tt.gf), m('f.ALL.soe.total', 0)]
        for i in range(4):
            self.ids_sum(tcs[i], per_col[i])
        self.ids_sum(tcs[0], tcs[1:], 'table-row')
        R.append(('本年支出合计', tcs, 'sub'))
        cg = m('f.ALL.close.gp', tt.gp_close)
        cf = m('f.ALL.close.gf', tt.gf_close)
        cc = m('f.ALL.fis.close', tt.gp_close + tt.gf_close)
        R.append(('年末财政拨款结转和结余' if fin else '年末结转', [cc, cg, cf, m('f.ALL.close.soe', 0)], 'item'))
        self.ids_sum(cc, [cg, cf], 'table-row')
        ge = m('f.ALL.fis.egrand', tt.fis_grand)
        R.append(('支出总计', [ge], 'grand'))
        self.ids_sum(ge, [tcs[0], cc], 'table-row')
        self.doc.ident('eq', 'table-row', figs=[gi[1], ge[1]])
        # carry-over chains per fund
        self.doc.ident('sum', 'carryover', total=cg[1], parts=[og[1], a[1], tcs[1][1]], signs=[1, 1, -1])
        self.doc.ident('sum', 'carryover', total=cf[1], parts=[of[1], b[1], tcs[2][1]], signs=[1, 1, -1])
        self.halves(t, L, R, 4, '收    入', '支    出')
        return t

    def t_gp(self):
        f, fin = self.f, self.f.doc_type == 'final'
        name = '一般公共预算财政拨款支出决算表' if fin else self.o['budget_names']['一般公共预算支出表']
        t = self.title(name, MANDATORY[f.doc_type][4])
        lv = [lf for lf in f.leaves if lf.gp > 0]
        cols = [('合计', 'gp.total', lambda lf: lf.gp), ('基本支出', 'gp.basic', lambda lf: lf.gp_basic),
                ('项目支出', 'gp.proj', lambda lf: lf.gp_proj)]
        extra = None
        if fin and self.o['gp_budget_cols']:
            cols = [('年初预算数', 'gp.b0', lambda lf: lf.b0), ('调整预算数', 'gp.b1', lambda lf: lf.b1)] + cols
            doc = self.doc

            def extra(level, keycode, rf):
                b1 = rf['gp.b1'][1]
                tot = rf['gp.total'][1]
                bf = doc.figs[b1].exact
                if bf <= 0:
                    return ['']
                v = Fraction(doc.figs[tot].exact * 100, bf)
                fid = doc.new_fig(f'pct.cmp1.{keycode}', 'pct', v, unit='%', dec=doc.pct_dec, tags={'table', 'cmp'})
                doc.ident('completion', 'completion', pct=fid, part=tot, whole=b1)
                return [('F', fid)]
        self.func_table(t, lv, cols, [('gp.total', ['gp.basic', 'gp.proj'])], extra=extra)
        if extra:
            t.headers[0].append('完成率（%）')
        return t

    def t_basic(self):
        f, fin = self.f, self.f.doc_type == 'final'
        from facts7 import CAPITAL, ECON_CLASS, FAMILY, PERSONNEL, PUBLIC
        name = '一般公共预算财政拨款基本支出决算表' if fin else self.o['budget_names']['一般公共预算基本支出表']
        t = self.title(name, MANDATORY[f.doc_type][5])
        m = self.money
        e = f.econ
        groups = [('301', PERSONNEL, 'p'), ('303', FAMILY, 'p'), ('302', PUBLIC, 'g'), ('310', CAPITAL, 'g')]
        if self.o['basic_layout'] == 'halves':
            left, right = [], []
            cls_f = {}
            for cc, items, side in groups:
                its = [(c, n) for c, n in items if e[c]]
                if not its:
                    continue
                tot = m(f'e.{cc}', sum(e[c] for c, _ in its))
                cls_f[cc] = tot
                rows = [(cc, ECON_CLASS[cc], tot)]
                parts = []
                for c, n in its:
                    x = m(f'e.{c}', e[c])
                    parts.append(x)
                    rows.append((c, n, x))
                self.ids_sum(tot, parts)
                (left if side == 'p' else right).extend(rows)
            pt = m('e.personnel', f.personnel)
            gt = m('e.public', f.public)
            self.ids_sum(pt, [cls_f.get('301'), cls_f.get('303')])
            self.ids_sum(gt, [cls_f.get('302'), cls_f.get('310')])
            n = max(len(left), len(right))
            t.headers = [['人员经费', '', '', '公用经费', '', ''],
                         ['经济分类科目编码', '科目名称', self.amount_header('金额'), '经济分类科目编码', '科目名称',
                          self.amount_header('金额')]]
            for i in range(n):
                cells = list(left[i]) if i < len(left) else ['', '', '']
                cells += list(right[i]) if i < len(right) else ['', '', '']
                t.add_row(cells, label=(left[i][1] if i < len(left) else '') + '|' + (right[i][1] if i < len(right) else ''), kind='pair')
            t.add_row(['', '人员经费合计', pt, '', '公用经费合计', gt], label='人员经费合计|公用经费合计', kind='sub')
            tot = m('f.ALL.gp.basic', f.gp_basic)
            t.add_row(['', '合计', tot, '', '', ''], label='合计', kind='total')
            self.ids_sum(tot, [pt, gt])
        else:
            t.headers = [['科目编码', '科目名称', self.amount_header('合计'), self.amount_header('人员经费'),
                          self.amount_header('公用经费')]]
            rows = []

            cls_rows = []
            for cc, items, side in groups:
                its = [(c, n) for c, n in items if e[c]]
                if not its:
                    continue
                v = sum(e[c] for c, _ in its)
                a = m(f'e.{cc}', v)
                b = m(f'e.{cc}', v)
                cr = [cc, ECON_CLASS[cc], a] + ([b, ''] if side == 'p' else ['', b])
                item_rows = []
                pa, pb = [], []
                for c, n in its:
                    x = m(f'e.{c}', e[c])
                    y = m(f'e.{c}', e[c])
                    item_rows.append([c, n, x] + ([y, ''] if side == 'p' else ['', y]))
                    pa.append(x)
                    pb.append(y)
                self.ids_sum(a, pa)
                self.ids_sum(b, pb)
                cls_rows.append((side, a, b))
                rows.append(('cls', cr, ECON_CLASS[cc]))
                rows += [('item', r, r[1]) for r in item_rows]
            ta = m('f.ALL.gp.basic', f.gp_basic)
            tp = m('e.personnel', f.personnel)
            tg = m('e.public', f.public)
            self.ids_sum(ta, [x[1] for x in cls_rows])
            self.ids_sum(tp, [x[2] for x in cls_rows if x[0] == 'p'])
            self.ids_sum(tg, [x[2] for x in cls_rows if x[0] == 'g'])
            self.ids_sum(ta, [tp, tg], 'table-row')
            trow = ['', '合计', ta, tp, tg]
            if self.o['total_first']:
                t.add_row(trow, label='合计', kind='total')
            for kind, r, lab in rows:
                t.add_row(r, label=lab, kind=kind)
            if not self.o['total_first']:
                t.add_row(trow, label='合计', kind='total')
        return t

    def t_sangong(self):
        f, fin, sg = self.f, self.f.doc_type == 'final', self.f.sg
        name = '财政拨款“三公”经费支出决算表' if fin else self.o['budget_names']['一般公共预算“三公”经费支出表']
        t = self.title(name, MANDATORY[f.doc_type][8 if fin else 6])
        m = self.money
        if not fin and self.o['sg_vertical']:
            # 项目 | 上年预算数 | 本年预算数 | 增减额 | 增减原因   (signed 增减额)
            y = f.year
            t.headers = [['项目', self.amount_header(f'{y - 1}年预算数'), self.amount_header(f'{y}年预算数'),
                          self.amount_header('增减额'), '增减原因']]
            rows = [('合计', 'total'), ('1、因公出国（境）费用', 'abroad'), ('2、公务接待费', 'recep'),
                    ('3、公务用车购置及运行费', 'car'), ('其中：（1）公务用车运行维护费', 'car_run'),
                    ('（2）公务用车购置费', 'car_buy')]
            F = {}
            for lab, k in rows:
                cur, prev = getattr(sg, k), getattr(sg.prev, k)
                pc = m(f'sg.prev.{k}', prev)
                cc = m(f'sg.{k}', cur)
                dfid = self.doc.new_fig(f'sg.chg.{k}', 'amount', cur - prev, unit=self.fmt[0], dec=self.fmt[1],
                                        tags={'table', 'chg'}, sep=self.fmt[2], signed=True)
                self.doc.ident('growth', 'change-amount', cur=cc[1], prev=pc[1], chg=dfid)
                pools = {'total': (['落实过紧日子要求，压减“三公”经费'], ['公务用车更新及接待任务增加']),
                         'abroad': (['严格控制因公出国（境）团组'], ['按计划安排出国（境）团组']),
                         'recep': (['严格执行公务接待标准，压减接待支出'], ['上级调研和业务交流接待增加']),
                         'car': (['公务用车保有量减少，运行费用下降'], ['按规定更新达到报废年限的车辆']),
                         'car_run': (['严格控制公务用车使用，燃油维修费用下降'], ['部分车辆使用年限较长，维修费用增加']),
                         'car_buy': (['本年无车辆更新计划'], ['按规定更新达到报废年限的车辆'])}[k]
                reason = ''
                if cur < prev:
                    reason = self.o['rng'].choice(pools[0])
                elif cur > prev:
                    reason = self.o['rng'].choice(pools[1])
                t.add_row([lab, pc, cc, ('F', dfid), reason], label=lab, kind='row')
                F[k] = (pc, cc)
            for i in range(2):
                self.ids_sum(F['total'][i], [F['abroad'][i], F['recep'][i], F['car'][i]], 'three-public')
                self.ids_sum(F['car'][i], [F['car_run'][i], F['car_buy'][i]], 'three-public')
            return t
        heads = ['合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费']
        t.headers = [['项目'] + [self.amount_header(h) if h else '' for h in heads],
                     ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '']]
        if fin:
            lines = [('预算数', 'sg.bud', sg.bud), ('决算数', 'sg', sg)]
        else:
            lines = ([('上年预算数', 'sg.prev', sg.prev)] if self.o['sg_prev_row'] else []) + [('本年预算数', 'sg', sg)]
        for lab, pre, o in lines:
            cs = [m(f'{pre}.total', o.total), m(f'{pre}.abroad', o.abroad), m(f'{pre}.car', o.car),
                  m(f'{pre}.car_buy', o.car_buy), m(f'{pre}.car_run', o.car_run), m(f'{pre}.recep', o.recep)]
            t.add_row([lab] + cs, label=lab, kind='row')
            self.ids_sum(cs[0], [cs[1], cs[2], cs[5]], 'three-public')
            self.ids_sum(cs[2], [cs[3], cs[4]], 'three-public')
        return t

    def t_gf(self):
        f, fin = self.f, self.f.doc_type == 'final'
        name = '政府性基金预算财政拨款收入支出决算表' if fin else self.o['budget_names']['政府性基金预算支出表']
        t = self.title(name, MANDATORY[f.doc_type][6 if fin else 7])
        lv = [lf for lf in f.leaves if lf.gf > 0]
        if not lv:
            t.headers = [self.label_headers() + [self.amount_header(h) for h in ('合计', '基本支出', '项目支出')]]
            t.label_cols = len(self.label_headers())
            t.add_row(self.label_cells('total', '', '合计') + ['', '', ''], label='合计', kind='total')
            y = f.year
            t.notes.append(f'注：本部门{y}年{"度" if fin else ""}没有使用政府性基金预算拨款安排的{"收支" if fin else "支出"}，故本表为空表。')
            return t
        if fin:
            cols = [('年初结转和结余', 'gf.open', lambda lf: lf.gf_open), ('本年收入', 'gf.inc', lambda lf: lf.inc_gf),
                    ('本年支出合计', 'gf.total', lambda lf: lf.gf), ('基本支出', 'gf.basic', lambda lf: lf.gf_basic),
                    ('项目支出', 'gf.proj', lambda lf: lf.gf_proj), ('年末结转和结余', 'gf.close', lambda lf: lf.gf_close)]
            doc = self.doc

            def extra(level, keycode, rf):
                doc.ident('sum', 'carryover', total=rf['gf.close'][1],
                          parts=[rf['gf.open'][1], rf['gf.inc'][1], rf['gf.total'][1]], signs=[1, 1, -1])
                return []
            self.func_table(t, lv, cols, [('gf.total', ['gf.basic', 'gf.proj'])], extra=extra)
        else:
            cols = [('合计', 'gf.total', lambda lf: lf.gf), ('基本支出', 'gf.basic', lambda lf: lf.gf_basic),
                    ('项目支出', 'gf.proj', lambda lf: lf.gf_proj)]
            self.func_table(t, lv, cols, [('gf.total', ['gf.basic', 'gf.proj'])])
        return t

    def t_soe(self):
        f, fin = self.f, self.f.doc_type == 'final'
        name = '国有资本经营预算财政拨款支出决算表' if fin else self.o['budget_names']['国有资本经营预算支出表']
        t = self.title(name, MANDATORY[f.doc_type][7 if fin else 8])
        t.headers = [self.label_headers() + [self.amount_header(h) for h in ('合计', '基本支出', '项目支出')]]
        t.label_cols = len(self.label_headers())
        t.add_row(self.label_cells('total', '', '合计') + ['', '', ''], label='合计', kind='total')
        t.notes.append(f'注：本部门{f.year}年{"度" if fin else ""}没有使用国有资本经营预算拨款安排的支出，故本表无数据。')
        return t

    def t_projects(self):
        """Budget only, not mandatory: 一般公共预算项目支出表."""
        f = self.f
        t = self.title(self.o['budget_names']['项目支出表'], None)
        m = self.money
        t.headers = [['项目名称', '功能分类科目', self.amount_header('金额')]]
        cs = []
        rows = []
        for i, p in enumerate(f.projects):
            c = m(f'p.{i}', p.amount)
            cs.append(c)
            rows.append([p.name, p.leaf, c])
        tot = m('f.ALL.gp.proj', f.tot.gp_proj)
        self.ids_sum(tot, cs)
        if self.o['total_first']:
            t.add_row(['合计', '', tot], label='合计', kind='total')
        for r in rows:
            t.add_row(r, label=r[0], kind='row')
        if not self.o['total_first']:
            t.add_row(['合计', '', tot], label='合计', kind='total')
        return t

    def build_all(self):
        fin = self.f.doc_type == 'final'
        ts = [self.t_shouzhi(), self.t_income(), self.t_expense(), self.t_fiscal(), self.t_gp(), self.t_basic()]
        if fin:
            ts += [self.t_gf(), self.t_soe(), self.t_sangong()]
        else:
            ts += [self.t_sangong(), self.t_gf(), self.t_soe()]
            if self.o['project_table']:
                ts.append(self.t_projects())
        return ts
