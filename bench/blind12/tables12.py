"""The standard tables of a 部门预算 / 部门决算, with every numeric cell and every sum recorded."""
from decimal import Decimal

from model12 import LEIS, PERS, PUB
from num12 import fmt, in_unit, plain


class Table:
    def __init__(self, tid, title, unit, header, opts, ov):
        self.tid, self.title, self.unit, self.header = tid, title, unit, header
        self.rows, self.sums, self.o, self.ov, self.note = [], [], opts, ov, None
        self.d = {'万元': 2, '元': 2, '千元': opts['qian_dec']}[unit]

    def num(self, c, row, col):
        cid = f'{self.tid}|{row}|{col}'
        v = in_unit(c, self.unit)
        o = self.ov.get('cell:' + cid)
        if o:
            v = Decimal(o['v'])
        sep = self.unit != '万元' or self.o['table_sep']
        if c == 0 and not o and self.o['zero_cell'] == '':
            s = ''
        else:
            s = fmt(v, self.d, sep=sep)
        return {'id': cid, 's': s, 'v': plain(v, self.d), 'd': self.d, 'u': self.unit, 'c': c, 'row': row, 'col': col}

    def add(self, labels, vals, cols, row):
        cells = list(labels) + [self.num(v, row, col) for v, col in zip(vals, cols)]
        self.rows.append(cells)
        return cells[len(labels):]

    def sum(self, total, parts):
        if parts:
            self.sums.append((total['id'], [p['id'] for p in parts]))

    def to_json(self):
        return dict(tid=self.tid, title=self.title, unit=self.unit, header=self.header, rows=self.rows,
                    sums=self.sums, note=self.note)


def tree(t, m, cols, fn, total_label='合计'):
    """Rows 合计 / 类 / 款 / 项 with values fn(leaf) -> list per column; registers column and row sums."""
    leaves = [lf for lf in m['leaves'] if any(fn(lf))]
    n = len(cols)
    tot = [sum(fn(lf)[i] for lf in leaves) for i in range(n)]
    top = t.add(['', total_label], tot, cols, total_label)
    leis = sorted({lf['lei'] for lf in leaves})
    lei_cells = []
    for lei in leis:
        ll = [lf for lf in leaves if lf['lei'] == lei]
        lc = t.add([lei, LEIS[lei]], [sum(fn(lf)[i] for lf in ll) for i in range(n)], cols, LEIS[lei])
        lei_cells.append(lc)
        kuan_cells = []
        for kuan in sorted({lf['kuan'] for lf in ll}):
            kl = [lf for lf in ll if lf['kuan'] == kuan]
            kc = t.add([kuan, '  ' + kl[0]['kuan_name']], [sum(fn(lf)[i] for lf in kl) for i in range(n)], cols,
                       kl[0]['kuan_name'])
            kuan_cells.append(kc)
            leaf_cells = [t.add([lf['code'], '    ' + lf['name']], fn(lf), cols, lf['name'] + lf['code'][-2:]) for lf in kl]
            for i in range(n):
                t.sum(kc[i], [x[i] for x in leaf_cells])
        for i in range(n):
            t.sum(lc[i], [x[i] for x in kuan_cells])
    for i in range(n):
        t.sum(top[i], [x[i] for x in lei_cells])
    return top


def row_sums(t, first_col_is_total=True, groups=None):
    for r in t.rows:
        nums = [c for c in r if isinstance(c, dict)]
        if groups:
            for tot, parts in groups:
                t.sum(nums[tot], [nums[i] for i in parts])
        elif first_col_is_total:
            t.sum(nums[0], nums[1:])


def two_col(t, left, right, sums_l, sums_r):
    """left/right: list of (label, cents). Sums given as (total label, [part labels])."""
    n = max(len(left), len(right))
    cells = {}
    for i in range(n):
        lab = []
        vals = []
        cols = []
        row = []
        for side, lst, col in (('收', left, '收入金额'), ('支', right, '支出金额')):
            if i < len(lst):
                lab, v = lst[i]
                c = t.num(v, lab.strip(), col)
                cells[lab] = c
                row += [lab.strip(), c]
            else:
                row += ['', '']
        t.rows.append(row)
        del lab, vals, cols
    for tot, parts in sums_l + sums_r:
        t.sum(cells[tot], [cells[p] for p in parts])
    return cells


def build_tables(m, opts, ov):
    F, P, Y, fin = m['F'], m['P'], m['year'], m['doc_type'] == 'final'
    u = opts['table_unit']
    T = []
    lt = {}
    for lf in m['leaves']:
        lt[lf['lei']] = lt.get(lf['lei'], 0) + lf['total']
    ft = {}
    for lf in m['leaves']:
        ft[lf['lei']] = ft.get(lf['lei'], 0) + lf['gp_total'] + lf['fund']
    K = '决算' if fin else '预算'
    pre = lambda i, name: f"{['一', '二', '三', '四', '五', '六', '七', '八', '九'][i]}、{name}" if opts['title_num'] == 'cn' else (f'表{i + 1} {name}' if opts['title_num'] == 'biao' else f'{Y}年{name}')  # noqa: E731
    leis = sorted(k for k in lt if lt[k])
    if fin:
        left = [('一般公共预算财政拨款收入', F['gp_inc']), ('政府性基金预算财政拨款收入', F['fund']), ('国有资本经营预算财政拨款收入', 0),
                ('上级补助收入', 0), ('事业收入', F['sy']), ('经营收入', 0), ('附属单位上缴收入', 0), ('其他收入', F['qt']),
                ('本年收入合计', F['inc']), ('使用非财政拨款结余', 0), ('年初结转和结余', F['b0']), ('收入总计', F['inc_total'])]
        right = [(LEIS[k] , lt[k]) for k in leis] + [('本年支出合计', F['exp']), ('结余分配', 0), ('年末结转和结余', F['b1']),
                                                   ('支出总计', F['exp_total'])]
        sl = [('本年收入合计', [x[0] for x in left[:8]]), ('收入总计', ['本年收入合计', '使用非财政拨款结余', '年初结转和结余'])]
        sr = [('本年支出合计', [LEIS[k] for k in leis]), ('支出总计', ['本年支出合计', '结余分配', '年末结转和结余'])]
    else:
        left = [('一般公共预算拨款收入', F['gp_inc']), ('政府性基金预算拨款收入', F['fund']), ('国有资本经营预算拨款收入', 0),
                ('事业收入', F['sy']), ('其他收入', F['qt']), ('本年收入合计', F['inc']), ('上年结转', F['b0']),
                ('收入总计', F['inc_total'])]
        right = [(LEIS[k], lt[k]) for k in leis] + [('本年支出合计', F['exp']), ('结转下年', 0), ('支出总计', F['exp_total'])]
        sl = [('本年收入合计', [x[0] for x in left[:5]]), ('收入总计', ['本年收入合计', '上年结转'])]
        sr = [('本年支出合计', [LEIS[k] for k in leis]), ('支出总计', ['本年支出合计', '结转下年'])]
    t = Table('T1', pre(0, f"收入支出{K}总表" if fin else '部门收支总表'), u, [['收入', '', '支出', ''], ['项目', K + '数', '项目', K + '数']], opts, ov)
    two_col(t, left, right, sl, sr)
    T.append(t)
    # 收入表
    if fin:
        t = Table('T2', pre(1, '收入决算表'), u, [['科目编码', '科目名称', '本年收入合计', '财政拨款收入', '事业收入', '其他收入']], opts, ov)
        tree(t, m, ['本年收入合计', '财政拨款收入', '事业收入', '其他收入'],
             lambda lf: [lf['gp_inc'] + lf['fund'] + lf['sy'] + lf['qt'], lf['gp_inc'] + lf['fund'], lf['sy'], lf['qt']])
    else:
        t = Table('T2', pre(1, '部门收入总表'), u, [['科目编码', '科目名称', '合计', '一般公共预算拨款收入', '政府性基金预算拨款收入',
                                              '事业收入', '其他收入', '上年结转']], opts, ov)
        tree(t, m, ['合计', '一般公共预算', '政府性基金', '事业收入', '其他收入', '上年结转'],
             lambda lf: [lf['total'], lf['gp_total'], lf['fund'], lf['sy'], lf['qt'], lf['jz']])
    row_sums(t)
    T.append(t)
    t = Table('T3', pre(2, '支出决算表' if fin else '部门支出总表'), u, [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], opts, ov)
    tree(t, m, ['合计', '基本支出', '项目支出'], lambda lf: [lf['total'], lf['gb'], lf['proj']])
    row_sums(t)
    T.append(t)
    # 财政拨款收支总表
    fleis = sorted(k for k in ft if ft[k])
    if fin:
        left = [('一般公共预算财政拨款', F['gp_inc']), ('政府性基金预算财政拨款', F['fund']), ('国有资本经营预算财政拨款', 0),
                ('本年收入合计 ', F['gp_inc'] + F['fund']), ('年初财政拨款结转和结余', F['fiscal_b0']), ('收入总计 ', F['fiscal_total'])]
        right = [(LEIS[k] + ' ', ft[k]) for k in fleis] + [('本年支出合计 ', F['fiscal_exp']), ('年末财政拨款结转和结余', F['fiscal_b1']),
                                                         ('支出总计 ', F['fiscal_total'])]
        sl = [('本年收入合计 ', [x[0] for x in left[:3]]), ('收入总计 ', ['本年收入合计 ', '年初财政拨款结转和结余'])]
        sr = [('本年支出合计 ', [LEIS[k] + ' ' for k in fleis]), ('支出总计 ', ['本年支出合计 ', '年末财政拨款结转和结余'])]
    else:
        left = [('一般公共预算拨款', F['gp_inc']), ('政府性基金预算拨款', F['fund']), ('国有资本经营预算拨款', 0), ('收入总计 ', F['fiscal_total'])]
        right = [(LEIS[k] + ' ', ft[k]) for k in fleis] + [('支出总计 ', F['fiscal_exp'])]
        sl = [('收入总计 ', [x[0] for x in left[:3]])]
        sr = [('支出总计 ', [LEIS[k] + ' ' for k in fleis])]
    t = Table('T4', pre(3, f'财政拨款收入支出{K}总表' if fin else '财政拨款收支总表'), u, [['收入', '', '支出', ''], ['项目', '金额', '项目', '金额']], opts, ov)
    two_col(t, left, right, sl, sr)
    T.append(t)
    # 一般公共预算支出表
    if fin:
        t = Table('T5', pre(4, '一般公共预算财政拨款支出决算表'), u, [['科目编码', '科目名称', '年初预算数', '决算数合计', '基本支出', '项目支出']], opts, ov)
        tree(t, m, ['年初预算数', '决算数合计', '基本支出', '项目支出'], lambda lf: [lf['ncys'], lf['gp_total'], lf['gb'], lf['gp']])
        row_sums(t, groups=[(1, [2, 3])])
    else:
        t = Table('T5', pre(4, '一般公共预算支出表'), u, [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], opts, ov)
        tree(t, m, ['合计', '基本支出', '项目支出'], lambda lf: [lf['gp_total'], lf['gb'], lf['gp']])
        row_sums(t)
    T.append(t)
    # 基本支出表 (经济分类)
    t = Table('T6', pre(5, f"一般公共预算{'财政拨款' if fin else ''}基本支出{K}表"), u, [['经济分类科目编码', '科目名称', '合计', '人员经费', '公用经费']], opts, ov)
    cols = ['合计', '人员经费', '公用经费']
    top = t.add(['', '合计'], [F['basic'], F['pers'], F['pub']], cols, '合计')
    groups = [('301', '工资福利支出', [x for x in PERS if x[0].startswith('301')], 1),
              ('302', '商品和服务支出', PUB, 2), ('303', '对个人和家庭的补助', [x for x in PERS if x[0].startswith('303')], 1)]
    gcells = []
    for code, name, items, side in groups:
        gv = sum(F['e' + c] for c, _ in items)
        vals = [gv, gv if side == 1 else 0, gv if side == 2 else 0]
        gc = t.add([code, name], vals, cols, name)
        gcells.append(gc)
        ic = []
        for c, n in items:
            v = F['e' + c]
            ic.append(t.add([c, '  ' + n], [v, v if side == 1 else 0, v if side == 2 else 0], cols, n))
        for i in range(3):
            t.sum(gc[i], [x[i] for x in ic])
    for i in range(3):
        t.sum(top[i], [x[i] for x in gcells])
    row_sums(t)
    T.append(t)
    # 三公
    hdr = [['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', '', '', '公务接待费'], ['', '', '', '小计', '购置费', '运行费', '']]
    cols = ['合计', '因公出国（境）费', '小计', '购置费', '运行费', '公务接待费']
    t = Table('T9' if fin else 'T7', pre(8 if fin else 6, f"财政拨款“三公”经费支出{K}表" if fin else '一般公共预算“三公”经费支出表'), u, hdr, opts, ov)
    if fin:
        rows = [('全年预算数', [F['sg_ys'], F['sg_ys_abroad'], F['sg_ys_car'], F['sg_ys_carbuy'], F['sg_ys_carop'], F['sg_ys_recv']]),
                ('决算数', [F['sg'], F['sg_abroad'], F['sg_car'], F['sg_carbuy'], F['sg_carop'], F['sg_recv']])]
    else:
        rows = [(f'{Y}年预算数', [F['sg'], F['sg_abroad'], F['sg_car'], F['sg_carbuy'], F['sg_carop'], F['sg_recv']]),
                (f'{Y - 1}年预算数', [P['sg'], P['sg_abroad'], P['sg_car'], P['sg_carbuy'], P['sg_carop'], P['sg_recv']])]
    for lab, vals in rows:
        t.add([lab], vals, cols, lab)
    row_sums(t, groups=[(0, [1, 2, 5]), (2, [3, 4])])
    sg_t = t
    # 政府性基金, 国有资本经营
    t = Table('T7' if fin else 'T8', pre(6 if fin else 7, f"政府性基金预算财政拨款收入支出{K}表" if fin else '政府性基金预算支出表'), u,
              [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], opts, ov)
    if F['fund']:
        tree(t, m, ['合计', '基本支出', '项目支出'], lambda lf: [lf['fund'], 0, lf['fund']])
        row_sums(t)
    else:
        t.note = f'注：本部门{Y}年度无政府性基金预算财政拨款收支，本表为空表。'
    fund_t = t
    t = Table('T8' if fin else 'T9', pre(7 if fin else 8, f"国有资本经营预算财政拨款支出{K}表" if fin else '国有资本经营预算支出表'), u,
              [['科目编码', '科目名称', '合计', '基本支出', '项目支出']], opts, ov)
    t.note = f'注：本部门{Y}年度无国有资本经营预算财政拨款收支，本表为空表。'
    cap_t = t
    if fin:
        T += [fund_t, cap_t, sg_t]
    else:
        T += [sg_t, fund_t, cap_t]
    return T
