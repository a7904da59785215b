"""Compose one 部门决算 disclosure from facts: tables with stage/scope columns and the 情况说明 text."""
import random

from doc13 import Doc, Para
from facts13 import CLASSES, KUAN, SRC

CN = '一二三四五六七八九十'
STAGE = {'bud0': '年初预算', 'bud1': '调整预算', 'bud2': '全年预算'}
TITLES = [('T1', '收入支出决算总表'), ('T2', '收入决算表'), ('T3', '支出决算表'), ('T4', '财政拨款收入支出决算总表'),
          ('T5', '一般公共预算财政拨款支出决算表'), ('T6', '一般公共预算财政拨款基本支出决算明细表'),
          ('T7', '政府性基金预算财政拨款收入支出决算表'), ('T8', '国有资本经营预算财政拨款支出决算表'),
          ('T9', '财政拨款“三公”经费支出决算表'), ('T10', '收入支出决算增减变动情况表')]


def cn_num(i):
    return CN[i] if i < 10 else '十' + CN[i - 10]


def options(rng):
    return dict(
        tunit=rng.choice(['wan', 'wan', 'yuan']), tsep=rng.random() < 0.5, text_sep=rng.random() < 0.3,
        pdec=rng.choice([2, 2, 1]), zero_blank=rng.random() < 0.35, blank_split=rng.random() < 0.35,
        code_style=rng.choice(['code', 'lkx', 'codename', 'name']), total_top=rng.random() < 0.6,
        class_after=rng.random() < 0.2, hangci=rng.random() < 0.5, lanci=rng.random() < 0.5,
        t5=rng.choice(['v1', 'v2', 'v3', 'v4']), sg_stage=rng.choice(['bud0', 'bud2']),
        sg_vertical=rng.random() < 0.5, t10=rng.random() < 0.6, tables_first=rng.random() < 0.25,
        basic_blocks=rng.random() < 0.5, total_word=rng.choice(['合计', '总计']),
        prefix=rng.choice(['', '表', 'year']))


class Builder:
    def __init__(self, F, opt, seed, overrides=None, pert=None, drop=None):
        self.F, self.o, self.T, self.P = F, opt, F['T'], F['P']
        self.rng = random.Random(seed)  # phrasing choices; same seed -> same figure order
        self.d = Doc(overrides, pert)
        self.drop = drop
        self.y = F['year']
        self.dept = F['dept']
        self.sec = ''

    # ------------------------------------------------------------------ helpers
    def para(self, style='p'):
        return Para(self.d, style, sep=self.o['text_sep'], pdec=self.o['pdec'], section=self.sec)

    def head(self, text, style='h2'):
        self.d.blocks.append(dict(type=style, text=text))

    def cell(self, key, yuan, tab, row, col, blank_ok=True):
        o = self.o
        dec = 2 if o['tunit'] == 'wan' else 0
        fid, text = self.d.amt(key, yuan, o['tunit'], dec, o['tsep'], zero_blank=o['zero_blank'] and blank_ok,
                               where='table', table=tab, row=row, col=col)
        return dict(t=text, fid=fid)

    def pcell(self, num, den, tab, row, col, signed=False):
        if not den:
            return dict(t='' if self.rng.random() < 0.5 else '-', fid=None)
        fid, text = self.d.pct(100.0 * num / den, self.o['pdec'], where='table', table=tab, row=row, col=col)
        return dict(t=text, fid=fid)

    def title(self, tid):
        name = dict(TITLES)[tid]
        p = self.o['prefix']
        idx = [t for t, _ in TITLES].index(tid) + 1
        if p == '表':
            return f'表{idx}：{self.dept}{name}' if tid != 'T10' else f'附表：{self.dept}{name}'
        if p == 'year':
            return f'{self.dept}{self.y}年度{name}'
        return f'{cn_num(idx - 1)}、{name}'

    def unit_label(self):
        return '单位：万元' if self.o['tunit'] == 'wan' else '单位：元'

    def tree(self, leaves):
        """[(level, code, name, [leaves])] in display order: class, kuan, leaf."""
        out = []
        for c in sorted({L['code'][:3] for L in leaves}):
            cl = [L for L in leaves if L['code'][:3] == c]
            sub = []
            for k in sorted({L['code'][:5] for L in cl}):
                kl = [L for L in cl if L['code'][:5] == k]
                sub.append((1, k, KUAN[k], kl))
                for L in sorted(kl, key=lambda x: x['code']):
                    sub.append((2, L['code'], L['name'], [L]))
            node = (0, c, CLASSES[c], cl)
            out += (sub + [node]) if self.o['class_after'] else ([node] + sub)
        return out

    def label_cells(self, lvl, code, name):
        s = self.o['code_style']
        if lvl < 0:
            lab = self.o['total_word']
            return {'code': ['', lab], 'lkx': ['', '', '', lab], 'codename': [lab], 'name': [lab]}[s]
        if lvl == 0 and self.o['class_after']:
            name = name + '小计'
        if s == 'code':
            return [code, name]
        if s == 'lkx':
            return {0: [code, '', '', name], 1: ['', code[3:], '', name], 2: ['', '', code[5:], name]}[lvl]
        if s == 'codename':
            return [code + ' ' + name]
        return ['\u3000' * lvl + name]

    def label_header(self):
        s = self.o['code_style']
        return {'code': ['科目编码', '科目名称'], 'lkx': ['类', '款', '项', '科目名称'],
                'codename': ['功能分类科目'], 'name': ['项目']}[s]

    def func_table(self, tid, leaves, cols, groups=None, rates=(), note=None):
        """A 类/款/项 table. cols: [(colname, key_fn(code_or_None), value_fn(list_of_leaves), split)],
        split columns are left blank on 类/款 rows when blank_split is on. rates: [(colname, num_col, den_col, mode)]."""
        o = self.o
        lab = self.label_header()
        allc = [c[0] for c in cols] + [r[0] for r in rates]
        header = []
        if groups:  # groups: list of (text, span) over allc (None text = no group: rowspan 2)
            r1, r2 = [(x, 1, 2) for x in lab], []
            i = 0
            for text, span in groups:
                if text is None:
                    r1.append((allc[i], 1, 2))
                else:
                    r1.append((text, span, 1))
                    r2 += [(allc[j], 1, 1) for j in range(i, i + span)]
                i += span
            header = [r1, r2]
        else:
            header = [[(x, 1, 1) for x in lab] + [(c, 1, 1) for c in allc]]
        if o['lanci']:
            header.append([('栏次', len(lab), 1)] + [(str(i + 1), 1, 1) for i in range(len(allc))])
        nodes = [(-1, '', o['total_word'], leaves)] + self.tree(leaves)
        if not o['total_top']:
            nodes = nodes[1:] + nodes[:1]
        rows, figmap = [], {}
        for lvl, code, name, ls in nodes:
            rowname = name if lvl >= 0 else o['total_word']
            row = [dict(t=x, lab=True) for x in self.label_cells(lvl, code, name)]
            for cname, key_fn, val_fn, split in cols:
                if split and o['blank_split'] and lvl in (0, 1):
                    row.append(dict(t='', fid=None))
                    continue
                c = self.cell(key_fn(code if lvl >= 0 else None), val_fn(ls), tid, rowname, cname,
                              blank_ok=lvl == 2)
                figmap[(code, cname)] = c['fid']
                row.append(c)
            for rname, ncol, dcol, mode in rates:
                nv = sum(cols[ncol][2]([L]) for L in ls)
                dv = sum(cols[dcol][2]([L]) for L in ls)
                if mode == 'growth':
                    c = self.pcell(nv - dv, dv, tid, rowname, rname)
                    if c['fid'] and figmap.get((code, cols[ncol][0])) and figmap.get((code, cols[dcol][0])):
                        a, b = figmap[(code, cols[ncol][0])], figmap[(code, cols[dcol][0])]
                        self.d.ratio(c['fid'], [(1, a), (-1, b)], [(1, b)], f'{tid} {rowname} {rname}')
                else:
                    c = self.pcell(nv, dv, tid, rowname, rname)
                    if c['fid'] and figmap.get((code, cols[ncol][0])) and figmap.get((code, cols[dcol][0])):
                        self.d.ratio(c['fid'], [(1, figmap[(code, cols[ncol][0])])],
                                     [(1, figmap[(code, cols[dcol][0])])], f'{tid} {rowname} {rname}')
                row.append(c)
            if o['hangci']:
                pass
            rows.append(row)
        # column trees
        for cname, _, _, _ in cols:
            def kids(code, lvl):
                if lvl == -1:
                    cands = [c for c in {L['code'][:3] for L in leaves}]
                elif lvl == 0:
                    cands = [c for c in {L['code'][:5] for L in leaves if L['code'][:3] == code}]
                else:
                    cands = [L['code'] for L in leaves if L['code'][:5] == code]
                out = []
                for c in sorted(cands):
                    if figmap.get((c, cname)):
                        out.append(figmap[(c, cname)])
                    else:
                        out += kids(c, lvl + 1)
                return out
            for lvl, code, name, _ in nodes:
                if lvl < 2 and figmap.get((code, cname)):
                    self.d.total(figmap[(code, cname)], kids(code, lvl), f'{tid} {name} {cname}')
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header,
                    rows=rows, note=note, ncols=len(lab) + len(allc), figmap=figmap)

    # ------------------------------------------------------------------ tables
    def t1(self):
        T, tid, o = self.T, 'T1', self.o
        inc = [(lab, 'inc.' + s, T['inc.' + s]) for s, lab in SRC if s != 'zh' or T['inc.zh']]
        classes = sorted({L['code'][:3] for L in self.F['leaves']})
        exp = [(CLASSES[c], 'exp.' + c, sum(self._all_exp(L) for L in self.F['leaves'] if L['code'][:3] == c))
               for c in classes]
        left, right = [], []
        fl = {}
        for lab, k, v in inc + [('本年收入合计', 'inc.total', T['inc.total']),
                                ('使用非财政拨款结余', 'use', T['use']), ('年初结转和结余', 'c0', T['c0']),
                                ('收入总计', 'grand', T['grand'])]:
            c = self.cell(k, v, tid, lab, '收入决算数', blank_ok=k not in ('inc.total', 'grand'))
            fl[k] = c['fid']
            left.append((lab, c))
        for lab, k, v in exp + [('本年支出合计', 'exp.total', T['exp.total']), ('结余分配', 'dist', T['dist']),
                                ('年末结转和结余', 'c1', T['c1']), ('支出总计', 'grand', T['grand'])]:
            c = self.cell(k, v, tid, lab, '支出决算数', blank_ok=k not in ('exp.total', 'grand'))
            fl['E' + k] = c['fid']
            right.append((lab, c))
        d = self.d
        d.total(fl['inc.total'], [fl[k] for _, k, _ in inc], 'T1 本年收入合计')
        d.total(fl['grand'], [fl['inc.total'], fl['use'], fl['c0']], 'T1 收入总计')
        d.total(fl['Eexp.total'], [fl['E' + k] for _, k, _ in exp], 'T1 本年支出合计')
        d.total(fl['Egrand'], [fl['Eexp.total'], fl['Edist'], fl['Ec1']], 'T1 支出总计')
        return self._two_sided(tid, left, right, '收入', '支出', ['决算数'], ['决算数'])

    def _two_sided(self, tid, left, right, ltitle, rtitle, lcols, rcols):
        o = self.o
        hc = ['行次'] if o['hangci'] else []
        header = [[(ltitle, 1 + len(hc) + len(lcols), 1), (rtitle, 1 + len(hc) + len(rcols), 1)],
                  [('项目', 1, 1)] + [(x, 1, 1) for x in hc + lcols] + [('项目', 1, 1)] +
                  [(x, 1, 1) for x in hc + rcols]]
        if o['lanci']:
            header.append([('栏次', 1 + len(hc), 1)] + [(str(i + 1), 1, 1) for i in range(len(lcols))] +
                          [('栏次', 1 + len(hc), 1)] +
                          [(str(i + 1 + len(lcols)), 1, 1) for i in range(len(rcols))])
        n = max(len(left), len(right))
        rows = []
        for i in range(n):
            row = []
            for side, cols, off in ((left, lcols, 0), (right, rcols, n)):
                if i < len(side):
                    lab, *cells = side[i]
                    row += [dict(t=lab, lab=True)] + ([dict(t=str(off + i + 1))] if hc else []) + cells
                else:
                    row += [dict(t='')] * (1 + len(hc) + len(cols))
            rows.append(row)
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header,
                    rows=rows, ncols=2 + 2 * len(hc) + len(lcols) + len(rcols))

    def _all_exp(self, L):
        return L['g_b'] + L['g_p'] + L['f_p'] + L['n_b'] + L['n_p'] + L['n_j']

    def t2(self):
        srcs = [('财政拨款收入', lambda L: L['inc']['gp'] + L['inc']['gf'] + L['inc']['gs'], 'fin')] + \
               [(lab, (lambda s: lambda L: L['inc'][s])(s), s) for s, lab in SRC[3:]
                if s != 'zh' or self.T['inc.zh']]
        cols = [('本年收入合计', lambda c: 'inc.total' if c is None else 'inc.%s.total' % c,
                 lambda ls: sum(sum(L['inc'].values()) for L in ls), False)]
        for lab, fn, s in srcs:
            cols.append((lab, (lambda s: lambda c: 'inc.' + s if c is None else f'inc.{c}.{s}')(s),
                         (lambda fn: lambda ls: sum(fn(L) for L in ls))(fn), True))
        t = self.func_table('T2', self.F['leaves'], cols)
        self._rowsum(t, cols)
        return t

    def _rowsum(self, t, cols):
        fm = t['figmap']
        codes = {c for c, _ in fm}
        for code in sorted(codes):
            tot = fm.get((code, cols[0][0]))
            parts = [fm.get((code, c[0])) for c in cols[1:]]
            if tot and all(parts):
                self.d.lin([(1, tot)] + [(-1, p) for p in parts], f"{t['tid']} row {code or '合计'}")

    def t3(self, pert=None):
        pert = self.d.val('T3.shift', None)
        leaves = [dict(L) for L in self.F['leaves']]
        if pert:  # one table's own split of a leaf moved between 基本 and 项目 (cross-table defect)
            for L in leaves:
                if L['code'] == pert[0]:
                    L['g_b'] += pert[1]
                    L['g_p'] -= pert[1]
        cols = [('本年支出合计', lambda c: 'exp.total' if c is None else f'exp.{c}', lambda ls: sum(self._all_exp(L) for L in ls), False),
                ('基本支出', lambda c: 'basic' if c is None else f'exp.{c}.basic', lambda ls: sum(L['g_b'] + L['n_b'] for L in ls), True),
                ('项目支出', lambda c: 'proj' if c is None else f'exp.{c}.proj', lambda ls: sum(L['g_p'] + L['f_p'] + L['n_p'] for L in ls), True)]
        if self.T['jyexp'] or self.rng.random() < 0.5:
            cols.append(('经营支出', lambda c: 'jyexp' if c is None else f'exp.{c}.jy', lambda ls: sum(L['n_j'] for L in ls), True))
        if self.rng.random() < 0.5:
            cols.append(('上缴上级支出', lambda c: 'sjexp' if c is None else f'exp.{c}.sj', lambda ls: 0, True))
            cols.append(('对附属单位补助支出', lambda c: 'fsexp' if c is None else f'exp.{c}.fs', lambda ls: 0, True))
        t = self.func_table('T3', leaves, cols)
        self._rowsum(t, cols)
        return t

    def t4(self):
        T, tid = self.T, 'T4'
        left = []
        fl = {}
        for lab, k, v in [('一般公共预算财政拨款', 'inc.gp', T['inc.gp']), ('政府性基金预算财政拨款', 'inc.gf', T['inc.gf']),
                          ('国有资本经营预算财政拨款', 'inc.gs', T['inc.gs']), ('本年收入合计', 'inc.fin', T['inc.fin']),
                          ('年初财政拨款结转和结余', 'fin.c0', T['fin.c0']), ('一般公共预算财政拨款', 'gp.c0', T['gp.c0']),
                          ('政府性基金预算财政拨款', 'gf.c0', T['gf.c0']), ('国有资本经营预算财政拨款', 'gs.c0', 0),
                          ('收入总计', 'fin.grand', T['fin.grand'])]:
            c = self.cell(k, v, tid, lab, '金额', blank_ok=k not in ('inc.fin', 'fin.grand', 'fin.c0'))
            fl[k] = c['fid']
            left.append((lab, c))
        d = self.d
        d.total(fl['inc.fin'], [fl['inc.gp'], fl['inc.gf'], fl['inc.gs']], 'T4 本年收入合计')
        d.total(fl['fin.c0'], [fl['gp.c0'], fl['gf.c0'], fl['gs.c0']], 'T4 年初财政拨款结转和结余')
        d.total(fl['fin.grand'], [fl['inc.fin'], fl['fin.c0']], 'T4 收入总计')
        right = []
        funds = [('合计', 'fin'), ('一般公共预算财政拨款', 'gp'), ('政府性基金预算财政拨款', 'gf'), ('国有资本经营预算财政拨款', 'gs')]
        rf = {}
        classes = sorted({L['code'][:3] for L in self.F['leaves'] if L['g_b'] + L['g_p'] + L['f_p']})
        def fv(ls, f):
            return sum({'fin': L['g_b'] + L['g_p'] + L['f_p'], 'gp': L['g_b'] + L['g_p'], 'gf': L['f_p'], 'gs': 0}[f] for L in ls)
        rowspec = [(CLASSES[c], c, {f: fv([L for L in self.F['leaves'] if L['code'][:3] == c], f) for _, f in funds})
                   for c in classes]
        rowspec.append(('本年支出合计', 'exp', {'fin': T['fin.exp'], 'gp': T['gp.exp'], 'gf': T['gf.exp'], 'gs': 0}))
        rowspec.append(('年末财政拨款结转和结余', 'c1', {'fin': T['fin.c1'], 'gp': T['gp.c1'], 'gf': T['gf.c1'], 'gs': 0}))
        rowspec.append(('支出总计', 'grand', {'fin': T['fin.grand'], 'gp': T['gp.exp'] + T['gp.c1'],
                                          'gf': T['gf.exp'] + T['gf.c1'], 'gs': 0}))
        keyname = {'exp': '{f}.exp', 'c1': '{f}.c1', 'grand': '{f}.grand'}
        for lab, r, vals in rowspec:
            cells = []
            for fname, f in funds:
                k = keyname.get(r, 'fin.exp.{c}.{f}').format(f=f, c=r)
                if r == 'exp' and f == 'fin':
                    k = 'fin.exp'
                c = self.cell(k, vals[f], tid, lab, fname, blank_ok=r not in ('exp', 'grand') or f in ('gs', 'gf'))
                rf[(r, f)] = c['fid']
                cells.append(c)
            d.total(cells[0]['fid'], [x['fid'] for x in cells[1:]], f'T4 {lab} 合计列')
            right.append((lab, *cells))
        for _, f in funds:
            d.total(rf[('exp', f)], [rf[(c, f)] for c in classes], f'T4 本年支出合计 {f}')
            d.total(rf[('grand', f)], [rf[('exp', f)], rf[('c1', f)]], f'T4 支出总计 {f}')
        # fund-scope balance: 本年收入 + 年初结转 = 本年支出 + 年末结转
        d.lin([(1, fl['inc.gp']), (1, fl['gp.c0']), (-1, rf[('exp', 'gp')]), (-1, rf[('c1', 'gp')])], 'T4 一般公共预算收支平衡')
        d.lin([(1, fl['inc.gf']), (1, fl['gf.c0']), (-1, rf[('exp', 'gf')]), (-1, rf[('c1', 'gf')])], 'T4 政府性基金收支平衡')
        d.lin([(1, fl['fin.grand']), (-1, rf[('grand', 'fin')])], 'T4 收入总计=支出总计')
        return self._two_sided(tid, left, right, '收入', '支出', ['金额'], [f for f, _ in funds])

    def t5(self):
        v = self.o['t5']
        leaves = [L for L in self.F['leaves'] if L['g_e'] or L['bud2']]
        def col(name, key, fn, split=False):
            return (name, lambda c: (f'gp.{key}' if c is None else f'gp.{c}.{key}'), lambda ls: sum(fn(L) for L in ls), split)
        b0 = col('年初预算数', 'bud0', lambda L: L['bud0'])
        b1 = col('调整预算数', 'bud1', lambda L: L['bud1'])
        b2 = col('全年预算数', 'bud2', lambda L: L['bud2'])
        ex = col('合计', 'exp', lambda L: L['g_e'])
        exb = col('基本支出', 'basic', lambda L: L['g_b'], True)
        exp_ = col('项目支出', 'proj', lambda L: L['g_p'], True)
        pv = col('上年决算数', 'prev', lambda L: L['prev'])
        if v == 'v1':
            cols = [b0, b1, b2, ex, exb, exp_]
            rates = [('完成率（决算数/全年预算数）%', 3, 2, 'rate')]
            groups = [(None, 1), (None, 1), (None, 1), ('决算数', 3), (None, 1)]
        elif v == 'v2':
            cols = [b0, b2, ex, exb, exp_]
            rates = [('决算数为年初预算的%', 2, 0, 'rate'), ('决算数为全年预算的%', 2, 1, 'rate')]
            groups = [(None, 1), (None, 1), ('决算数', 3), (None, 1), (None, 1)]
        elif v == 'v3':
            cols = [pv, ex, exb, exp_, b0]
            rates = [('增减率%', 1, 0, 'growth'), ('执行率（决算数/年初预算数）%', 1, 4, 'rate')]
            groups = [(None, 1), ('本年决算数', 3), (None, 1), (None, 1), (None, 1)]
        else:
            cols = [b0, b1, ex, pv]
            rates = [('完成调整预算%', 2, 1, 'rate'), ('比上年增减%', 2, 3, 'growth')]
            cols[2] = ('决算数', cols[2][1], cols[2][2], False)
            groups = None
        t = self.func_table('T5', leaves, cols, groups, rates)
        fm = t['figmap']
        if v != 'v4':
            ci = [c[0] for c in cols]
            i = ci.index('合计')
            for code in sorted({c for c, _ in fm}):
                a, b, p = fm.get((code, '合计')), fm.get((code, '基本支出')), fm.get((code, '项目支出'))
                if a and b and p:
                    self.d.lin([(1, a), (-1, b), (-1, p)], f'T5 row {code or "合计"} 合计=基本+项目')
        self.t5cols = {c[1](None) for c in cols}
        return t

    def t6(self):
        F, tid, d = self.F, 'T6', self.d
        pers = [(c, n, v) for (c, n), v in F['pers']]
        pub = [(c, n, v) for (c, n), v in F['pub']]
        lp, lq = [], []
        for c, n, v in pers:
            lp.append((c, n, self.cell('econ.' + c, v, tid, n, '人员经费')))
        for c, n, v in pub:
            lq.append((c, n, self.cell('econ.' + c, v, tid, n, '公用经费')))
        tp = self.cell('pers', F['T']['pers'], tid, '人员经费合计', '人员经费', False)
        tq = self.cell('pub', F['T']['pub'], tid, '公用经费合计', '公用经费', False)
        tt = self.cell('gp.basic', F['T']['gp.basic'], tid, '合计', '基本支出', False)
        d.total(tp['fid'], [x[2]['fid'] for x in lp], 'T6 人员经费合计')
        d.total(tq['fid'], [x[2]['fid'] for x in lq], 'T6 公用经费合计')
        d.total(tt['fid'], [tp['fid'], tq['fid']], 'T6 基本支出合计')
        if self.o['basic_blocks']:
            header = [[('人员经费', 3, 1), ('公用经费', 3, 1)],
                      [('经济分类科目编码', 1, 1), ('科目名称', 1, 1), ('决算数', 1, 1)] * 2]
            rows = []
            for i in range(max(len(lp), len(lq))):
                row = []
                for side in (lp, lq):
                    if i < len(side):
                        row += [dict(t=side[i][0]), dict(t=side[i][1], lab=True), side[i][2]]
                    else:
                        row += [dict(t='')] * 3
                rows.append(row)
            rows.append([dict(t=''), dict(t='人员经费合计', lab=True), tp, dict(t=''), dict(t='公用经费合计', lab=True), tq])
            rows.append([dict(t=''), dict(t='基本支出合计', lab=True), tt] + [dict(t='')] * 3)
            ncols = 6
        else:
            header = [[('经济分类科目编码', 1, 1), ('科目名称', 1, 1), ('决算数', 1, 1)]]
            rows = [[dict(t=''), dict(t='合计', lab=True), tt], [dict(t='301/303'), dict(t='人员经费', lab=True), tp]]
            rows += [[dict(t=c), dict(t='\u3000' + n, lab=True), x] for c, n, x in lp]
            rows += [[dict(t='302'), dict(t='公用经费', lab=True), tq]]
            rows += [[dict(t=c), dict(t='\u3000' + n, lab=True), x] for c, n, x in lq]
            ncols = 3
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header, rows=rows, ncols=ncols)

    def t7(self):
        leaves = [L for L in self.F['leaves'] if L['k'] == 'fund']
        if not leaves:
            return self._empty('T7', ['年初结转和结余', '本年收入', '本年支出', '年末结转和结余'],
                               '本部门本年度无政府性基金预算财政拨款收入、支出及结转结余，故本表无数据。')
        cols = [('年初结转和结余', lambda c: 'gf.c0' if c is None else f'gf.{c}.c0', lambda ls: sum(L['f_c0'] for L in ls), False),
                ('本年收入', lambda c: 'inc.gf' if c is None else f'gf.{c}.inc', lambda ls: sum(L['inc']['gf'] for L in ls), False),
                ('小计', lambda c: 'gf.exp' if c is None else f'gf.{c}.exp', lambda ls: sum(L['f_p'] for L in ls), False),
                ('基本支出', lambda c: 'gf.basic' if c is None else f'gf.{c}.basic', lambda ls: 0, True),
                ('项目支出', lambda c: 'gf.proj' if c is None else f'gf.{c}.proj', lambda ls: sum(L['f_p'] for L in ls), True),
                ('年末结转和结余', lambda c: 'gf.c1' if c is None else f'gf.{c}.c1', lambda ls: sum(L['f_c1'] for L in ls), False)]
        t = self.func_table('T7', leaves, cols, [(None, 1), (None, 1), ('本年支出', 3), (None, 1)])
        fm = t['figmap']
        for code in sorted({c for c, _ in fm}):
            g = [fm.get((code, n)) for n in ('年初结转和结余', '本年收入', '小计', '年末结转和结余', '基本支出', '项目支出')]
            if all(g[:4]):
                self.d.lin([(1, g[0]), (1, g[1]), (-1, g[2]), (-1, g[3])], f'T7 row {code or "合计"} 结转平衡')
            if g[2] and g[4] and g[5]:
                self.d.lin([(1, g[2]), (-1, g[4]), (-1, g[5])], f'T7 row {code or "合计"} 小计')
        return t

    def _empty(self, tid, cols, note):
        header = [[(x, 1, 1) for x in self.label_header()] + [(c, 1, 1) for c in cols]]
        row = [dict(t=x, lab=True) for x in self.label_cells(-1, '', '')] + [dict(t='') for _ in cols]
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header,
                    rows=[row], note=note, ncols=len(header[0]))

    def t8(self):
        return self._empty('T8', ['合计', '基本支出', '项目支出'],
                           '本部门本年度无国有资本经营预算财政拨款支出，故本表无数据。')

    def t9(self):
        sg, tid, d = self.F['sg'], 'T9', self.d
        stg = STAGE[self.o['sg_stage']] + '数'
        items = [('合计', 'total'), ('因公出国（境）费', 'abroad'), ('小计', 'car'), ('公务用车购置费', 'carbuy'),
                 ('公务用车运行维护费', 'carrun'), ('公务接待费', 'rec')]
        stages = [('上年决算数', 'prev'), (stg, 'bud'), ('决算数', 'act')]
        if not self.o['sg_vertical']:
            stages = stages[1:]
            header = [[('项目', 1, 3), ('合计', 1, 2), ('因公出国（境）费', 1, 2), ('公务用车购置及运行维护费', 3, 1), ('公务接待费', 1, 2)],
                      [('小计', 1, 1), ('公务用车购置费', 1, 1), ('公务用车运行维护费', 1, 1)],
                      [(str(i + 1), 1, 1) for i in range(6)]]
            rows = []
            for sname, s in stages:
                cells = {k: self.cell(f'sg.{s}.{k}', sg[s][k], tid, sname, n, k not in ('total',)) for n, k in items}
                rows.append([dict(t=sname, lab=True)] + [cells[k] for _, k in items])
                d.total(cells['total']['fid'], [cells['abroad']['fid'], cells['car']['fid'], cells['rec']['fid']], f'T9 {sname} 合计')
                d.total(cells['car']['fid'], [cells['carbuy']['fid'], cells['carrun']['fid']], f'T9 {sname} 车辆小计')
            ncols = 7
        else:
            header = [[('项目', 1, 1)] + [(n, 1, 1) for n, _ in stages]]
            labs = {'total': '合计', 'abroad': '1.因公出国（境）费', 'car': '2.公务用车购置及运行维护费',
                    'carbuy': '（1）公务用车购置费', 'carrun': '（2）公务用车运行维护费', 'rec': '3.公务接待费'}
            rows, cells = [], {}
            for _, k in items:
                row = [dict(t=labs[k], lab=True)]
                for sname, s in stages:
                    c = self.cell(f'sg.{s}.{k}', sg[s][k], tid, labs[k], sname, k != 'total')
                    cells[(k, s)] = c['fid']
                    row.append(c)
                rows.append(row)
            for _, s in stages:
                d.total(cells[('total', s)], [cells[('abroad', s)], cells[('car', s)], cells[('rec', s)]], f'T9 {s} 合计')
                d.total(cells[('car', s)], [cells[('carbuy', s)], cells[('carrun', s)]], f'T9 {s} 车辆')
            ncols = 4
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header, rows=rows, ncols=ncols)

    def t10(self):
        T, P, tid, d = self.T, self.P, 'T10', self.d
        items = [('本年收入合计', 'inc.total'), ('其中：财政拨款收入', 'inc.fin'), ('一般公共预算财政拨款收入', 'inc.gp'),
                 ('本年支出合计', 'exp.total'), ('基本支出', 'basic'), ('项目支出', 'proj'),
                 ('年初结转和结余', 'c0'), ('年末结转和结余', 'c1')]
        header = [[('项目', 1, 1), ('上年决算数', 1, 1), ('本年决算数', 1, 1), ('增减额', 1, 1), ('增减率（%）', 1, 1)]]
        rows, fm = [], {}
        for lab, k in items:
            pv = self.d.val('prev.c1@T10', P[k]) if k == 'c1' else P[k]
            cp = self.cell('prev.' + k, pv, tid, lab, '上年决算数', False)
            cc = self.cell(k, T[k], tid, lab, '本年决算数', False)
            fm[k] = (cp['fid'], cc['fid'])
            fid, text = d.amt(None, T[k] - pv, self.o['tunit'], 2 if self.o['tunit'] == 'wan' else 0, self.o['tsep'],
                              where='table', table=tid, row=lab, col='增减额')
            d.lin([(1, fid), (-1, cc['fid']), (1, cp['fid'])], f'T10 {lab} 增减额')
            r = self.pcell(T[k] - pv, pv, tid, lab, '增减率')
            if r['fid']:
                d.ratio(r['fid'], [(1, cc['fid']), (-1, cp['fid'])], [(1, cp['fid'])], f'T10 {lab} 增减率')
            rows.append([dict(t=lab, lab=True), cp, cc, dict(t=text, fid=fid), r])
        d.lin([(1, fm['c1'][0]), (-1, fm['c0'][1])], 'carry-over: 上年年末结转和结余 = 本年年初结转和结余 (T10)')
        return dict(type='table', tid=tid, title=self.title(tid), unit=self.unit_label(), header=header, rows=rows, ncols=5)

    # ------------------------------------------------------------------ text helpers
    def up(self, x):
        return x > 0

    def growth(self, P, cur_fid, cur, prev, key, style=None, noun='上年', pkey=None):
        """Append a change clause to paragraph P; return nothing. key: the quantity's key (prev.<key>)."""
        d = self.d
        pkey = pkey or 'prev.' + key
        if prev == 0:
            P.t('，上年无此项支出')
            return
        if cur == prev:
            w = P.w('持平')
            P.t('')
            d.growth([w], f'growth {key}', cur=cur_fid, prev_key=pkey)
            return
        style = style or self.rng.choice(['chg', 'chg', 'levels', 'prev', 'pct'])
        upw = cur > prev
        w1, w2 = ('增加', '增长') if upw else ('减少', '下降')
        if self.rng.random() < 0.3:
            w1, w2 = ('增加', '上升') if upw else ('减少', '降低')
        pv = self.d.val('growth.prev@' + key, prev)
        g = 100.0 * abs(cur - pv) / pv
        if style == 'levels':
            P.t(f'，由{noun}的')
            pf = P.a(pkey, pv)
            w = P.w(w1)
            P.t('到')
            cf = P.a(key, cur)
            P.t('，')
            ww = P.w(w2)
            pc = P.p(g)
            d.growth([w, ww], f'growth {key}', cur=cf, prev=pf, pct=pc)
        elif style == 'prev':
            P.t(f'，{noun}决算数为')
            pf = P.a(pkey, pv)
            P.t('，')
            w = P.w(w1)
            ch = P.a(None, abs(cur - pv))
            P.t('，')
            ww = P.w(w2)
            pc = P.p(g)
            d.growth([w, ww], f'growth {key}', cur=cur_fid, prev=pf, chg=ch, pct=pc)
        elif style == 'chg':
            P.t(self.rng.choice([f'，与{noun}相比', f'，比{noun}', f'，较{noun}决算']))
            w = P.w(w1)
            ch = P.a(None, abs(cur - pv))
            P.t('，')
            ww = P.w(w2)
            pc = P.p(g)
            d.growth([w, ww], f'growth {key}', cur=cur_fid, chg=ch, pct=pc, prev_key=pkey)
        else:
            P.t(f'，同比')
            w = P.w(w2)
            pc = P.p(g)
            d.growth([w], f'growth {key}', cur=cur_fid, pct=pc, prev_key=pkey)

    def completion(self, P, num_fid, num, stage, bud, budkey, level):
        """'完成年初预算的r%' / '为调整预算的r%'; level: also state the budget amount."""
        name = STAGE[stage]
        if level:
            P.t(f'，{name}数为')
            bf = P.a(budkey, bud)
            den = [(1, bf)]
        else:
            den = [(1, 'k:' + budkey)]
        if bud == 0:
            P.t('，年初未安排预算')
            return
        P.t('，' + self.rng.choice([f'完成{name}的', f'为{name}的', f'占{name}的']))
        r = self.d.val('rate@' + budkey, 100.0 * num / bud)
        pc = P.p(r)
        self.d.ratio(pc, [(1, num_fid)], den, f'completion vs {name} {budkey}', stage=stage)

    def share(self, P, fid, val, tot_fid, tot, label):
        P.t('，占' + label + '的' if self.rng.random() < 0.5 else '，占')
        pc = P.p(100.0 * val / tot)
        self.d.ratio(pc, [(1, fid)], [(1, tot_fid)], f'share of {label}')

    def stage_choice(self, need_level=False):
        st = self.rng.choice(['bud0', 'bud1', 'bud2'])
        have = f'gp.{st}' in getattr(self, 't5cols', set())
        return st, (need_level or not have or self.rng.random() < 0.4)

    # ------------------------------------------------------------------ text sections
    def sections(self):
        T, P, F, y, dept = self.T, self.P, self.F, self.y, self.dept
        secs = []

        def S(title):
            secs.append(title)
            self.sec = title
            self.head(f'{cn_num(len(secs) - 1)}、{title}', 'h2')

        S('收入支出决算总体情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度收入总计')
        g1 = p.a('grand', T['grand'])
        p.t('，支出总计')
        g2 = p.a('grand', T['grand'])
        self.growth(p, g1, T['grand'], P['grand'], 'grand', noun='上年' if self.rng.random() < 0.5 else f'{y - 1}年度')
        p.t('。其中：本年收入合计')
        a = p.a('inc.total', T['inc.total'])
        p.t('，使用非财政拨款结余')
        b = p.a('use', T['use'])
        p.t('，年初结转和结余')
        c = p.a('c0', T['c0'])
        p.t('；本年支出合计')
        e = p.a('exp.total', T['exp.total'])
        p.t('，结余分配')
        f = p.a('dist', T['dist'])
        p.t('，年末结转和结余')
        g = p.a('c1', T['c1'])
        p.t('。')
        p.close()
        self.d.total(g1, [a, b, c], 'text 收入总计')
        self.d.total(g2, [e, f, g], 'text 支出总计')
        # carry-over: last year's 年末 restated
        p = self.para()
        p.t('年初结转和结余')
        c0 = p.a('c0', T['c0'])
        p.t(self.rng.choice(['，系上年年末结转和结余', '，为上年度年末结转和结余结转至本年使用的资金']))
        p.t('（上年年末结转和结余')
        pc1 = p.a('prev.c1', self.d.val('prev.c1@text', P['c1']))
        p.t('）。年末结转和结余')
        c1 = p.a('c1', T['c1'])
        self.growth(p, c1, T['c1'], self.d.val('prev.c1@text', P['c1']), 'c1', style='chg', noun='上年末')
        p.t('，主要是部分项目跨年度实施，资金结转下年继续使用。')
        p.close()
        self.d.lin([(1, pc1), (-1, c0)], 'carry-over: 上年年末结转和结余 = 本年年初结转和结余 (text)')

        S('收入决算情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度本年收入合计')
        tot = p.a('inc.total', T['inc.total'])
        self.growth(p, tot, T['inc.total'], P['inc.total'], 'inc.total')
        p.t('。其中：')
        parts = []
        srcs = [(s, lab) for s, lab in SRC if T['inc.' + s]]
        for i, (s, lab) in enumerate(srcs):
            p.t(lab)
            f = p.a('inc.' + s, T['inc.' + s])
            parts.append(f)
            self.share(p, f, T['inc.' + s], tot, T['inc.total'], '本年收入合计')
            p.t('；' if i < len(srcs) - 1 else '。')
        self.d.total(tot, parts, 'text 收入构成')
        p.t('财政拨款收入（一般公共预算、政府性基金预算和国有资本经营预算财政拨款）合计')
        fi = p.a('inc.fin', T['inc.fin'])
        self.share(p, fi, T['inc.fin'], tot, T['inc.total'], '本年收入合计')
        p.t('。')
        p.close()

        S('支出决算情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度本年支出合计')
        tot = p.a('exp.total', T['exp.total'])
        self.growth(p, tot, T['exp.total'], P['exp.total'], 'exp.total')
        p.t('。其中：基本支出')
        b = p.a('basic', T['basic'])
        self.share(p, b, T['basic'], tot, T['exp.total'], '本年支出合计')
        self.growth(p, b, T['basic'], P['basic'], 'basic', style=self.rng.choice(['levels', 'prev']))
        p.t('；项目支出')
        pj = p.a('proj', T['proj'])
        self.share(p, pj, T['proj'], tot, T['exp.total'], '本年支出合计')
        parts = [b, pj]
        if T['jyexp']:
            p.t('；经营支出')
            j = p.a('jyexp', T['jyexp'])
            parts.append(j)
            self.share(p, j, T['jyexp'], tot, T['exp.total'], '本年支出合计')
        p.t('。')
        self.d.total(tot, parts, 'text 支出构成')
        p.close()

        S('财政拨款收入支出决算总体情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度财政拨款收入总计')
        fg = p.a('fin.grand', T['fin.grand'])
        p.t('，其中：本年财政拨款收入')
        fi = p.a('inc.fin', T['inc.fin'])
        p.t('，年初财政拨款结转和结余')
        fc0 = p.a('fin.c0', self.d.val('fin.c0@text', T['fin.c0']))
        p.t('（一般公共预算')
        a = p.a('gp.c0', T['gp.c0'])
        p.t('、政府性基金预算')
        b = p.a('gf.c0', T['gf.c0'])
        p.t('）；财政拨款支出总计')
        fg2 = p.a('fin.grand', T['fin.grand'])
        p.t('，其中：本年财政拨款支出')
        fe = p.a('fin.exp', T['fin.exp'])
        p.t('，年末财政拨款结转和结余')
        fc1 = p.a('fin.c1', T['fin.c1'])
        p.t('（一般公共预算')
        a1 = p.a('gp.c1', T['gp.c1'])
        p.t('、政府性基金预算')
        b1 = p.a('gf.c1', T['gf.c1'])
        p.t('）。')
        self.d.total(fg, [fi, fc0], 'text 财政拨款收入总计')
        self.d.total(fc0, [a, b], 'text 年初财政拨款结转和结余')
        self.d.total(fg2, [fe, fc1], 'text 财政拨款支出总计')
        self.d.total(fc1, [a1, b1], 'text 年末财政拨款结转和结余')
        p.t('本年财政拨款支出中，基本支出')
        fb = p.a('fin.basic', T['gp.basic'])
        p.t('，项目支出')
        fp = p.a('fin.proj', T['gp.proj'] + T['gf.exp'])
        p.t('。财政拨款支出')
        fe2 = p.a('fin.exp', T['fin.exp'])
        self.growth(p, fe2, T['fin.exp'], P['gp.exp'] + P['gf.exp'], 'fin.exp')
        p.t('。')
        self.d.total(fe2, [fb, fp], 'text 财政拨款支出构成')
        p.close()

        S('一般公共预算财政拨款支出决算情况说明')
        self.head('（一）总体情况', 'h3')
        p = self.para()
        p.t(f'{dept}{y}年度一般公共预算财政拨款支出决算')
        ge = p.a('gp.exp', T['gp.exp'])
        p.t('，占本年支出合计的')
        sh = p.p(100.0 * T['gp.exp'] / T['exp.total'])
        self.d.ratio(sh, [(1, ge)], [(1, 'k:exp.total')], 'share of 本年支出合计')
        st, lv = self.stage_choice()
        self.completion(p, ge, T['gp.exp'], st, T['gp.' + st], 'gp.' + st, lv)
        self.growth(p, ge, T['gp.exp'], P['gp.exp'], 'gp.exp', noun='上年', pkey='gp.prev')
        p.t('。其中：基本支出')
        gb = p.a('gp.basic', self.d.val('gp.basic@text', T['gp.basic']))
        p.t('，项目支出')
        gpj = p.a('gp.proj', T['gp.proj'])
        p.t('。')
        self.d.total(ge, [gb, gpj], 'text 一般公共预算 基本+项目')
        p.close()
        self.head('（二）结构情况', 'h3')
        p = self.para()
        p.t(f'{y}年度一般公共预算财政拨款支出决算')
        ge2 = p.a('gp.exp', T['gp.exp'])
        p.t('，主要用于以下方面：')
        classes = sorted({L['code'][:3] for L in F['leaves'] if L['g_e']})
        parts = []
        for i, c in enumerate(classes):
            v = sum(L['g_e'] for L in F['leaves'] if L['code'][:3] == c)
            p.t(f'{CLASSES[c]}（类）')
            f = p.a(f'gp.{c}.exp', v)
            parts.append(f)
            p.t('，占')
            pc = p.p(100.0 * v / T['gp.exp'])
            self.d.ratio(pc, [(1, f)], [(1, ge2)], f'share of 一般公共预算支出 {c}')
            p.t('；' if i < len(classes) - 1 else '。')
        self.d.total(ge2, parts, 'text 一般公共预算 by 类')
        p.close()
        self.head('（三）具体情况', 'h3')
        for i, L in enumerate([L for L in F['leaves'] if L['g_e']]):
            c = L['code']
            p = self.para()
            p.t(f'{i + 1}.{CLASSES[c[:3]]}（类）{KUAN[c[:5]]}（款）{L["name"]}（项）：')
            st, lv = self.stage_choice()
            if L['bud0'] == 0 and st == 'bud0':
                lv = True
            if lv or self.rng.random() < 0.5:
                p.t('支出决算为')
                f = p.a(f'gp.{c}.exp', L['g_e'])
                self.completion(p, f, L['g_e'], st, L[st], f'gp.{c}.{st}', lv)
            else:
                p.t(f'{STAGE[st]}为')
                bf = p.a(f'gp.{c}.{st}', L[st])
                p.t('，支出决算为')
                f = p.a(f'gp.{c}.exp', L['g_e'])
                if L[st]:
                    p.t('，' + self.rng.choice([f'完成{STAGE[st]}的', f'为{STAGE[st]}的']))
                    r = self.d.val(f'rate@gp.{c}.{st}', 100.0 * L['g_e'] / L[st])
                    pc = p.p(r)
                    self.d.ratio(pc, [(1, f)], [(1, bf)], f'completion vs {STAGE[st]} gp.{c}', stage=st)
            if self.rng.random() < 0.5:
                self.growth(p, f, L['g_e'], L['prev'], f'gp.{c}.exp', pkey=f'gp.{c}.prev')
            p.t('。')
            p.close()

        S('一般公共预算财政拨款基本支出决算情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度一般公共预算财政拨款基本支出')
        gb = p.a('gp.basic', T['gp.basic'])
        p.t('，其中：人员经费')
        pe = p.a('pers', T['pers'])
        p.t('，主要包括' + '、'.join(n for (c, n), v in F['pers']) + '；公用经费')
        pu = p.a('pub', T['pub'])
        p.t('，主要包括' + '、'.join(n for (c, n), v in F['pub']) + '。')
        self.d.total(gb, [pe, pu], 'text 基本支出=人员+公用')
        p.close()

        S('财政拨款“三公”经费支出决算情况说明')
        sg = F['sg']
        stg = STAGE[self.o['sg_stage']]
        p = self.para()
        p.t(f'{dept}{y}年度财政拨款“三公”经费{stg}')
        bf = p.a('sg.bud.total', sg['bud']['total'])
        p.t('，支出决算')
        af = p.a('sg.act.total', self.d.val('sg.total@text', sg['act']['total']))
        p.t(f'，完成{stg}的')
        r = p.p(100.0 * sg['act']['total'] / sg['bud']['total'])
        self.d.ratio(r, [(1, af)], [(1, bf)], f'completion 三公 vs {stg}', stage=self.o['sg_stage'])
        p.t('。其中：因公出国（境）费支出决算')
        x1 = p.a('sg.act.abroad', sg['act']['abroad'])
        p.t('；公务用车购置及运行维护费支出决算')
        x2 = p.a('sg.act.car', sg['act']['car'])
        p.t('（其中公务用车购置费')
        x21 = p.a('sg.act.carbuy', sg['act']['carbuy'])
        p.t('，公务用车运行维护费')
        x22 = p.a('sg.act.carrun', sg['act']['carrun'])
        p.t('）；公务接待费支出决算')
        x3 = p.a('sg.act.rec', sg['act']['rec'])
        p.t('。')
        self.d.total(af, [x1, x2, x3], 'text 三公 sum')
        self.d.total(x2, [x21, x22], 'text 公务用车 sum')
        p.close()
        p = self.para()
        p.t(f'“三公”经费支出决算')
        af2 = p.a('sg.act.total', sg['act']['total'])
        self.growth(p, af2, sg['act']['total'], sg['prev']['total'], 'sg.act.total', pkey='sg.prev.total')
        p.t('。公务接待费')
        rf = p.a('sg.act.rec', sg['act']['rec'])
        p.t('，占“三公”经费的')
        sp = p.p(100.0 * sg['act']['rec'] / sg['act']['total'])
        self.d.ratio(sp, [(1, rf)], [(1, af2)], 'share of 三公')
        self.growth(p, rf, sg['act']['rec'], sg['prev']['rec'], 'sg.act.rec', pkey='sg.prev.rec')
        p.t('，主要原因是严格执行中央八项规定精神，压减公务接待活动。')
        p.close()

        S('政府性基金预算财政拨款支出决算情况说明')
        p = self.para()
        if T['gf.exp'] or T['gf.c0']:
            p.t(f'{dept}{y}年度政府性基金预算财政拨款年初结转和结余')
            a = p.a('gf.c0', T['gf.c0'])
            p.t('，本年收入')
            b = p.a('inc.gf', T['inc.gf'])
            p.t('，本年支出')
            c = p.a('gf.exp', T['gf.exp'])
            p.t('，年末结转和结余')
            dd = p.a('gf.c1', T['gf.c1'])
            p.t('，结转下年继续使用。')
            self.d.lin([(1, a), (1, b), (-1, c), (-1, dd)], 'text 政府性基金结转平衡')
        else:
            p.t(f'{dept}{y}年度无政府性基金预算财政拨款收入、支出及结转结余。')
        p.close()

        S('国有资本经营预算财政拨款支出决算情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度无国有资本经营预算财政拨款支出，故国有资本经营预算财政拨款支出决算表为空表。')
        p.close()

        S('机关运行经费支出决算情况说明')
        p = self.para()
        p.t(f'{dept}{y}年度机关运行经费支出')
        j = p.a('jg', F['jg'])
        self.growth(p, j, F['jg'], F['jg_prev'], 'jg', pkey='prev.jg')
        p.t('，主要用于办公费、差旅费、维修（护）费等日常公用支出。')
        p.close()
        S('政府采购支出决算情况说明')
        cg = F['cg']
        p = self.para()
        p.t(f'{dept}{y}年度政府采购支出总额')
        t = p.a('cg.total', cg['total'])
        p.t('，其中：政府采购货物支出')
        a = p.a('cg.goods', cg['goods'])
        p.t('、政府采购工程支出')
        b = p.a('cg.works', cg['works'])
        p.t('、政府采购服务支出')
        c = p.a('cg.serv', cg['serv'])
        p.t('。授予中小企业合同金额')
        s = p.a('cg.sme', cg['sme'])
        p.t('，占政府采购支出总额的')
        sp = p.p(100.0 * cg['sme'] / cg['total'])
        p.t('，其中：授予小微企业合同金额')
        m = p.a('cg.micro', cg['micro'])
        p.t('。')
        self.d.total(t, [a, b, c], 'text 政府采购 sum')
        self.d.ratio(sp, [(1, s)], [(1, t)], 'share of 政府采购')
        self.d.le(m, s, '小微 ≤ 中小企业')
        self.d.le(s, t, '中小企业 ≤ 采购总额')
        p.close()
        S('国有资产占用情况说明')
        p = self.para()
        p.t(f'截至{y}年12月31日，本部门共有车辆{self.rng.randint(0, 4)}辆，单位价值100万元以上设备0台（套）。')
        p.close()
        return secs

    # ------------------------------------------------------------------ assembly
    def build(self):
        F, y, dept, o = self.F, self.y, self.dept, self.o
        d = self.d
        tables = {}
        tables['T5'] = self.t5()
        for tid, fn in (('T1', self.t1), ('T2', self.t2), ('T3', self.t3), ('T4', self.t4), ('T6', self.t6),
                        ('T7', self.t7), ('T8', self.t8), ('T9', self.t9)):
            tables[tid] = fn()
        if o['t10']:
            tables['T10'] = self.t10()
        body = d.blocks  # tables registered no blocks; text starts here
        d.blocks = []
        self.head(f'{y}年度{dept}部门决算公开', 'title')
        d.blocks.append(dict(type='p', text=f'公开日期：{y + 1}年{self.rng.randint(7, 9)}月{self.rng.randint(1, 28)}日'))
        self.head('目录', 'h1')
        parts = ['第一部分 部门概况', '第二部分 部门决算情况说明', '第三部分 名词解释', '第四部分 部门决算公开联系方式', '第五部分 部门决算表']
        toc = [parts[0], '一、主要职能', '二、机构设置及决算单位构成', parts[1], '（情况说明各节）', parts[2], parts[3], parts[4]]
        tids = [t for t, _ in TITLES if t in tables]
        toc = toc[:-1] + [parts[4]] + [tables[t]['title'] for t in tids]
        for line in toc:
            if line != '（情况说明各节）':
                d.blocks.append(dict(type='toc', text=line))
        def table_part():
            self.head(parts[4], 'h1')
            for t in tids:
                if self.drop == t:
                    continue
                d.blocks.append(tables[t])
        if o['tables_first']:
            table_part()
        self.head(parts[0], 'h1')
        self.head('一、主要职能', 'h2')
        d.blocks.append(dict(type='p', text=f'{dept}是负责本行政区域相关行政管理和公共服务工作的政府工作部门，'
                             '主要职责是贯彻执行国家和上级有关方针政策和法律法规，拟订并组织实施本行业发展规划，'
                             '承担相关领域的监督管理和公共服务职责，完成上级交办的其他任务。'))
        self.head('二、机构设置及决算单位构成', 'h2')
        units = f'纳入本部门{y}年度部门决算编制范围的单位包括：{dept}本级'
        units += f'、{F["sub"]}（事业单位）。' if F['with_sub'] else '。'
        d.blocks.append(dict(type='p', text=units + f'年末实有人数{sum(F["staff"])}人，其中行政人员{F["staff"][0]}人，'
                             f'事业人员{F["staff"][1]}人。'))
        self.head(parts[1], 'h1')
        self.sections()
        self.head(parts[2], 'h1')
        d.blocks.append(dict(type='p', text='1.财政拨款收入：指本级财政当年拨付的资金。2.年初结转和结余：指以前年度尚未完成、'
                             '结转到本年按有关规定继续使用的资金。3.年末结转和结余：指本年度或以前年度预算安排、'
                             '因客观条件发生变化未执行完毕、结转到以后年度继续使用的资金。4.基本支出：指为保障机构正常运转、'
                             '完成日常工作任务而发生的人员经费和公用经费。5.项目支出：指在基本支出之外为完成特定行政任务和'
                             '事业发展目标所发生的支出。6.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及'
                             '运行维护费和公务接待费。'))
        self.head(parts[3], 'h1')
        d.blocks.append(dict(type='p', text=f'联系单位：{dept}办公室；联系电话：0{self.rng.randint(100, 999)}-'
                             f'{self.rng.randint(2000000, 8999999)}。'))
        if not o['tables_first']:
            table_part()
        for t in tids[:9]:
            d.present(tables[t]['title'], self.drop != t)
        for f in d.figs.values():
            if self.drop and f.get('table') == self.drop:
                f['dropped'] = True
        # text blocks built before assembly are none; figures of tables keep no block index
        return d
