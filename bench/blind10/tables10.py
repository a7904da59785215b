"""tables10: the attached tables (部门预算表 / 部门决算表), with their sum identities.

Tables that span units (收入总表, 支出总表, 三公表, 项目支出表, 政府采购表) have a 合计 row for the
department and one row (or a block of rows) per unit.  All children are printed in every table.
"""
from facts10 import PERS, PUB, fn_name
from model10 import Table


class TB:
    def __init__(self, g):
        self.g = g
        self.d = g.doc
        self.n = 0
        self.tables = []

    def new(self, name, header, unit=None):
        g = self.g
        self.n += 1
        unit = unit or ('元' if self.n in g.o['yuan_tables'] else '万元')
        pre = {'num': f'{self.n}.', 'code': f'公开{self.n:02d}表  ', 'none': ''}[g.o['tprefix']]
        title = f'{pre}{g.dept}{g.Y}年{name}'
        t = Table(self.n, title, unit, header, code=f'公开{self.n:02d}表')
        self.tables.append(t)
        return t

    def c(self, t, label, key, scen='cur', fen=None):
        g = self.g
        src = {'cur': g.V, 'prev': g.P, 'b0': g.B0, 'b1': g.B1}[scen]
        v = src.get(key, 0) if fen is None else fen
        comma = g.o['comma'] if t.unit == '元' else g.o['comma_wan']
        f = self.d.amt(f'{scen}:{key}', v, unit=t.unit, dec=2, ctx=f'T{t.tid}', comma=comma, zero=g.o['zero'])
        self.d.cellinfo[f.id] = (t.title, label)
        return f

    def row(self, t, label, cells, lead=None):
        t.add(label, ([lead] if lead is not None else [label]) + cells)
        return cells

    # ---- sum helpers
    def rowsum(self, figs, tag='row'):
        """figs[0] = sum(figs[1:])"""
        self.d.c_sum(figs[0], figs[1:], tag)

    def colsum(self, total_row, child_rows, tag='col'):
        for j in range(len(total_row)):
            self.d.c_sum(total_row[j], [r[j] for r in child_rows], tag)


def build_tables(g):
    tb = TB(g)
    kw = g.kw
    V = g.V
    F = g.final
    # extra composite: all-fund class totals
    for S in (g.V, g.P, g.B0, g.B1):
        if S is None:
            continue
        for c in set(x[:3] for x in S['_fn_leaves']):
            S[f'dept/fnall/{c}'] = sum(S.get(f'dept/fn/{c}/{col}', 0) for col in ('b', 'p', 'gf', 'nf'))
    classes = sorted(set(x[:3] for x in V['_fn_leaves']))

    # 1 收支总表 (two columns)
    t = tb.new('部门收入支出决算总表' if F else '部门收支预算总表', [['收入', '', '支出', ''], ['项目', f'{kw}数', '项目', f'{kw}数']])
    if F:
        inc_items = [('一、财政拨款收入', 'dept/inc_cz'), ('二、上级补助收入', 'dept/inc_sj'), ('三、事业收入', 'dept/inc_sy'),
                     ('四、经营收入', 'dept/zero'), ('五、附属单位上缴收入', 'dept/zero'), ('六、其他收入', 'dept/inc_qt')]
    else:
        inc_items = [('一、一般公共预算拨款收入', 'dept/inc_gp'), ('二、政府性基金预算拨款收入', 'dept/inc_gf'),
                     ('三、国有资本经营预算拨款收入', 'dept/zero'), ('四、财政专户管理资金收入', 'dept/inc_sy'),
                     ('五、上级补助收入', 'dept/inc_sj'), ('六、单位资金收入', 'dept/inc_qt')]
    exp_items = [(f'{_cnum(i)}、{fn_name(g.D, c)}', f'dept/fnall/{c}') for i, c in enumerate(classes)]
    n = max(len(inc_items), len(exp_items))
    L, R = [], []
    for i in range(n):
        cells = []
        if i < len(inc_items):
            lab, k = inc_items[i]
            f = tb.c(t, lab, k)
            L.append(f)
            cells += [lab, f]
        else:
            cells += ['', '']
        if i < len(exp_items):
            lab, k = exp_items[i]
            f = tb.c(t, lab, k)
            R.append(f)
            cells += [lab, f]
        else:
            cells += ['', '']
        t.add(cells[0] or cells[2], cells)
    ti = tb.c(t, '本年收入合计', 'dept/inc')
    te = tb.c(t, '本年支出合计', 'dept/exp')
    t.add('本年收入合计', ['本年收入合计', ti, '本年支出合计', te])
    g.d_sum = None
    g.doc.c_sum(ti, L, 'table')
    g.doc.c_sum(te, R, 'table')
    cin = tb.c(t, '年初结转和结余' if F else '上年结转', 'dept/cin')
    cout = tb.c(t, '年末结转和结余' if F else '结转下年', 'dept/cout')
    t.add('年初结转和结余' if F else '上年结转', ['年初结转和结余' if F else '上年结转', cin,
                                          '年末结转和结余' if F else '结转下年', cout])
    cgf = tb.c(t, '其中：政府性基金', 'dept/cin_gf')
    t.add('其中：政府性基金上年结转', ['  其中：政府性基金上年结转', cgf, '', ''])
    it = tb.c(t, '收入总计', 'dept/inc_total')
    et = tb.c(t, '支出总计', 'dept/exp_total')
    t.add('收入总计', ['收入总计', it, '支出总计', et])
    g.doc.c_sum(it, [ti, cin], 'table')
    g.doc.c_sum(et, [te, cout], 'table')
    g.doc.c_sum(et, [it], 'table')
    if F:
        g.cand('balance', fid=cout.id, exact=cout.exact)
    else:
        g.cand('balance', fid=et.id, exact=et.exact)
    V['dept/zero'] = 0
    for S in (g.P, g.B0, g.B1):
        if S is not None:
            S['dept/zero'] = 0

    # 2 收入总表 by unit
    if F:
        cols = [('合计', 'inc'), ('财政拨款收入', 'inc_cz'), ('上级补助收入', 'inc_sj'), ('事业收入', 'inc_sy'), ('其他收入', 'inc_qt')]
    else:
        cols = [('合计', 'inc_total'), ('上年结转', 'cin'), ('一般公共预算拨款收入', 'inc_gp'), ('政府性基金预算拨款收入', 'inc_gf'),
                ('财政专户管理资金收入', 'inc_sy'), ('上级补助收入', 'inc_sj'), ('单位资金收入', 'inc_qt')]
    unit_table(g, tb, '部门收入决算表' if F else '部门收入预算表', cols, rowsum_from=1)

    # 3 支出总表 by unit
    t = tb.new('部门支出决算表' if F else '部门支出预算表',
               [['单位名称', '合计', '基本支出', '', '', '项目支出'], ['', '', '小计', '人员经费', '公用经费', '']])
    tot = [tb.c(t, '合计', f'dept/{k}') for k in ('exp', 'basic', 'pers', 'pub', 'proj')]
    tb.row(t, '合计', tot)
    rows = []
    for u in g.D['units']:
        r = [tb.c(t, u.name, f'{u.uid}/{k}') for k in ('exp', 'basic', 'pers', 'pub', 'proj')]
        tb.row(t, u.name, r)
        rows.append(r)
        for f in r[1:4] + r[4:]:
            g.cand('text-vs-table-cell', fid=f.id)
    for r in [tot] + rows:
        g.doc.c_sum(r[0], [r[1], r[4]], 'row')
        g.doc.c_sum(r[1], [r[2], r[3]], 'row')
    tb.colsum(tot, rows)
    for f in tot:
        g.cand('table-total', fid=f.id, exact=f.exact)

    # 4 财政拨款收支总表
    t = tb.new('财政拨款收入支出决算总表' if F else '财政拨款收支预算总表', [['收入', '', '支出', ''], ['项目', f'{kw}数', '项目', f'{kw}数']])
    V['dept/inc_czsum'] = V['dept/inc_gp'] + V['dept/inc_gf']
    a = [tb.c(t, '本年收入', 'dept/inc_czsum'), tb.c(t, '一般公共预算财政拨款', 'dept/inc_gp'),
         tb.c(t, '政府性基金预算财政拨款', 'dept/inc_gf'), tb.c(t, '国有资本经营预算财政拨款', 'dept/zero')]
    b = [tb.c(t, '本年支出', 'dept/cz_exp'), tb.c(t, '一般公共预算财政拨款', 'dept/gp_exp'),
         tb.c(t, '政府性基金预算财政拨款', 'dept/gf_exp'), tb.c(t, '国有资本经营预算财政拨款', 'dept/zero')]
    labs = ['一、本年收入', '  一般公共预算财政拨款', '  政府性基金预算财政拨款', '  国有资本经营预算财政拨款']
    labs2 = ['一、本年支出', '  一般公共预算财政拨款', '  政府性基金预算财政拨款', '  国有资本经营预算财政拨款']
    for i in range(4):
        t.add(labs[i].strip(), [labs[i], a[i], labs2[i], b[i]])
    g.doc.c_sum(a[0], a[1:], 'table')
    g.doc.c_sum(b[0], b[1:], 'table')
    ci = tb.c(t, '上年结转', 'dept/cin')
    co = tb.c(t, '年末结转', 'dept/cout')
    t.add('二、上年结转', ['二、年初财政拨款结转和结余' if F else '二、上年结转', ci, '二、年末财政拨款结转和结余' if F else '二、结转下年', co])
    V['dept/cz_in_total'] = V['dept/inc_czsum'] + V['dept/cin']
    it = tb.c(t, '收入总计', 'dept/cz_in_total')
    et = tb.c(t, '支出总计', 'dept/cz_in_total')
    t.add('收入总计', ['收入总计', it, '支出总计', et])
    g.doc.c_sum(it, [a[0], ci], 'table')
    g.doc.c_sum(et, [b[0], co], 'table')

    # 5 一般公共预算支出表 (功能分类)
    gp_fn_table(g, tb, classes)
    # 6 基本支出表 (经济分类)
    basic_table(g, tb)
    # 7 三公 by unit
    cols = [('合计', 'sg'), ('因公出国（境）费', 'sg_cg'), ('小计', 'sg_car'), ('购置费', 'sg_buy'), ('运行维护费', 'sg_run'),
            ('公务接待费', 'sg_jd')]
    t = unit_table(g, tb, '一般公共预算财政拨款“三公”经费支出' + ('决算表' if F else '预算表'), cols, rowsum_from=None,
                   header=[['单位名称', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
                           ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '']])
    for lab, cells in t.rows:
        f = cells[1:]
        g.doc.c_sum(f[0], [f[1], f[2], f[5]], 'row')
        g.doc.c_sum(f[2], [f[3], f[4]], 'row')
    # 8 政府性基金
    gf_table(g, tb)
    # 9 国有资本经营
    t = tb.new('国有资本经营预算财政拨款支出' + ('决算表' if F else '预算表'), [['科目编码', '科目名称', '合计', '基本支出', '项目支出']])
    t.note = '注：本部门本年没有使用国有资本经营预算拨款安排的支出，故本表无数据。'
    # 10 项目支出表
    project_table(g, tb)
    # 11 政府采购表
    procurement_table(g, tb)
    return tb.tables


def _cnum(i):
    return '一二三四五六七八九十'[i] if i < 10 else str(i + 1)


def unit_table(g, tb, name, cols, rowsum_from=1, header=None):
    t = tb.new(name, header or [['单位名称'] + [c[0] for c in cols]])
    tot = [tb.c(t, '合计', f'dept/{k}') for _, k in cols]
    tb.row(t, '合计', tot)
    rows = []
    for u in g.D['units']:
        r = [tb.c(t, u.name, f'{u.uid}/{k}') for _, k in cols]
        tb.row(t, u.name, r)
        rows.append(r)
    if rowsum_from:
        for r in [tot] + rows:
            g.doc.c_sum(r[0], r[rowsum_from:], 'row')
    tb.colsum(tot, rows)
    for f in tot:
        if f.exact:
            g.cand('table-total', fid=f.id, exact=f.exact)
    return t


def fn_rows(g, codes, cols):
    """function-class tree rows: [(level, code, [(scenario key)...])] for all classes/款/项 with any value."""
    out = []
    cls = sorted(set(c[:3] for c in codes))
    for c3 in cls:
        out.append((1, c3))
        for c5 in sorted(set(c[:5] for c in codes if c[:3] == c3)):
            out.append((2, c5))
            for c7 in sorted(c for c in codes if c[:5] == c5):
                out.append((3, c7))
    return out


def label_for(g, level, code):
    style = g.o['fnlabel']
    name = fn_name(g.D, code)
    if style == 'codename':
        return [code, ('  ' * (level - 1)) + name]
    if style == 'onecell':
        return [f'{code} {name}', '']
    return [code, name]


def tree_checks(g, rows_figs, ncol):
    """rows_figs: list of (level, code, figs); register 类=Σ款, 款=Σ项, 合计=Σ类 per column."""
    d = g.doc
    for i, (lev, code, figs) in enumerate(rows_figs):
        if lev == 0:
            kids = [r for r in rows_figs if r[0] == 1]
        elif lev in (1, 2):
            kids = [r for r in rows_figs if r[0] == lev + 1 and r[1].startswith(code)]
        else:
            continue
        for j in range(ncol):
            d.c_sum(figs[j], [k[2][j] for k in kids], 'tree')


def gp_fn_table(g, tb, classes):
    F = g.final
    V = g.V
    t = tb.new('一般公共预算财政拨款支出' + ('决算表' if F else '预算表'),
               [['科目编码', '科目名称', '合计', '基本支出', '项目支出']])
    leaves = [c for c in V['_fn_leaves'] if V[f'dept/fn/{c}/b'] + V[f'dept/fn/{c}/p']]
    for S in (g.V, g.P, g.B0, g.B1):
        if S is None:
            continue
        for c in set([x[:3] for x in leaves] + [x[:5] for x in leaves] + leaves):
            S[f'dept/fn/{c}/gp'] = S.get(f'dept/fn/{c}/b', 0) + S.get(f'dept/fn/{c}/p', 0)
    rows = [(0, '')] + fn_rows(g, leaves, 3)
    rf = []
    for lev, code in rows:
        if lev == 0:
            lab = ['合计', '']
            figs = [tb.c(t, '合计', 'dept/gp_exp'), tb.c(t, '合计', 'dept/basic'), tb.c(t, '合计', 'dept/proj_gp')]
        else:
            lab = label_for(g, lev, code)
            name = fn_name(g.D, code)
            figs = [tb.c(t, name, f'dept/fn/{code}/{col}') for col in ('gp', 'b', 'p')]
        t.add(lab[1] or lab[0] or '合计', lab + figs)
        rf.append((lev, code, figs))
        g.doc.c_sum(figs[0], figs[1:], 'row')
        if lev in (1, 2) and figs[0].exact and len(fn_name(g.D, code)) >= 4:
            g.cand('blank-total', fid=figs[0].id, label=fn_name(g.D, code), table=t.title)
    tree_checks(g, rf, 3)
    if g.o['split']:
        t.split_at = max(2, len(t.rows) // 2)


def basic_table(g, tb):
    F = g.final
    t = tb.new('一般公共预算财政拨款基本支出' + ('决算明细表' if F else '预算表'),
               [['经济分类科目编码', '经济分类科目名称', '合计', '人员经费', '公用经费']])
    d = g.doc
    tot = [tb.c(t, '合计', 'dept/basic'), tb.c(t, '合计', 'dept/pers'), tb.c(t, '合计', 'dept/pub')]
    t.add('合计', ['', '合计'] + tot)
    blocks = []
    for code, name, items, col in (('301', '工资福利支出', PERS, 1), ('302', '商品和服务支出', PUB, 2)):
        key = 'dept/pers' if col == 1 else 'dept/pub'
        head = [tb.c(t, name, key), None, None]
        head[col] = tb.c(t, name, key)
        head[3 - col] = tb.c(t, name, 'dept/zero')
        t.add(name, [code, name] + head)
        kids = []
        for c, n in items:
            if not g.V[f'dept/e/{c}']:
                continue
            r = [tb.c(t, n, f'dept/e/{c}'), None, None]
            r[col] = tb.c(t, n, f'dept/e/{c}')
            r[3 - col] = tb.c(t, n, 'dept/zero')
            t.add(n, [c, ('  ' if g.o['fnlabel'] == 'codename' else '') + n] + r)
            kids.append(r)
        for j in range(3):
            d.c_sum(head[j], [k[j] for k in kids], 'tree')
        for r in [head] + kids:
            d.c_sum(r[0], [r[1], r[2]], 'row')
        blocks.append(head)
    for j in range(3):
        d.c_sum(tot[j], [b[j] for b in blocks], 'tree')
    d.c_sum(tot[0], [tot[1], tot[2]], 'row')
    t.split_at = len(t.rows) // 2 if g.o['split'] else None


def gf_table(g, tb):
    F = g.final
    V = g.V
    t = tb.new('政府性基金预算财政拨款支出' + ('决算表' if F else '预算表'), [['科目编码', '科目名称', '合计', '基本支出', '项目支出']])
    code7 = '2296099'
    if not V.get(f'dept/fn/{code7}/gf'):
        t.note = '注：本部门本年没有使用政府性基金预算拨款安排的支出，故本表无数据。'
        return
    tot = [tb.c(t, '合计', 'dept/gf_exp'), tb.c(t, '合计', 'dept/zero'), tb.c(t, '合计', 'dept/gf_exp')]
    t.add('合计', ['合计', ''] + tot)
    rf = [(0, '', tot)]
    for lev, code in ((1, '229'), (2, '22960'), (3, code7)):
        lab = label_for(g, lev, code)
        figs = [tb.c(t, fn_name(g.D, code), f'dept/fn/{code}/gf'), tb.c(t, fn_name(g.D, code), 'dept/zero'),
                tb.c(t, fn_name(g.D, code), f'dept/fn/{code}/gf')]
        t.add(fn_name(g.D, code), lab + figs)
        rf.append((lev, code, figs))
    for lev, code, figs in rf:
        g.doc.c_sum(figs[0], figs[1:], 'row')
    tree_checks(g, rf, 3)


def project_table(g, tb):
    F = g.final
    d = g.doc
    t = tb.new('项目支出' + ('决算表' if F else '预算表'), [['单位名称/项目名称', '合计', '一般公共预算', '政府性基金', '其他资金']])
    for S in (g.V, g.P, g.B0, g.B1):
        if S is None:
            continue
        for scope in ['dept'] + [u.uid for u in g.D['units']]:
            S[f'{scope}/proj_gf'] = S.get(f'{scope}/gf_exp', 0)
            S[f'{scope}/proj_nf'] = S[f'{scope}/proj'] - S[f'{scope}/proj_gp'] - S[f'{scope}/proj_gf']
    cols = ('proj', 'proj_gp', 'proj_gf', 'proj_nf')
    tot = [tb.c(t, '合计', f'dept/{k}') for k in cols]
    t.add('合计', ['合计'] + tot)
    urows = []
    for u in g.D['units']:
        ur = [tb.c(t, u.name, f'{u.uid}/{k}') for k in cols]
        t.add(u.name, [u.name] + ur)
        urows.append(ur)
        kids = []
        for i, x in enumerate(g.D['cur'][u.uid]['proj']):
            x['amt']
            k = f'{u.uid}/pj{i}'
            r = [tb.c(t, x['name'], k)]
            for fund in ('gp', 'gf', 'nf'):
                r.append(tb.c(t, x['name'], k if x['fund'] == fund else 'dept/zero'))
            t.add(x['name'], ['  ' + x['name']] + r)
            kids.append(r)
            d.c_sum(r[0], r[1:], 'row')
        tb.colsum(ur, kids, 'tree')
        d.c_sum(ur[0], ur[1:], 'row')
    tb.colsum(tot, urows, 'tree')
    d.c_sum(tot[0], tot[1:], 'row')
    for f in tot:
        if f.exact:
            g.cand('table-total', fid=f.id, exact=f.exact)


def procurement_table(g, tb):
    F = g.final
    d = g.doc
    t = tb.new('政府采购' + ('支出决算表' if F else '预算表'), [['单位名称/采购品目', '合计', '货物', '工程', '服务']])
    cols = ('pc', 'pc_hw', 'pc_gc', 'pc_fw')
    tot = [tb.c(t, '部门合计', f'dept/{k}') for k in cols]
    t.add('部门合计', ['部门合计'] + tot)
    urows = []
    for u in g.D['units']:
        ur = [tb.c(t, u.name, f'{u.uid}/{k}') for k in cols]
        t.add(u.name, [u.name + '小计'] + ur)
        urows.append(ur)
        kids = []
        for i, (kind, item, amt) in enumerate(g.D['cur'][u.uid]['proc']):
            k = f'{u.uid}/pc{i}'
            r = [tb.c(t, item, k)]
            for kk in ('货物', '工程', '服务'):
                r.append(tb.c(t, item, k if kind == kk else 'dept/zero'))
            t.add(item, ['  ' + item] + r)
            kids.append(r)
            d.c_sum(r[0], r[1:], 'row')
        tb.colsum(ur, kids, 'tree')
        d.c_sum(ur[0], ur[1:], 'row')
    tb.colsum(tot, urows, 'tree')
    d.c_sum(tot[0], tot[1:], 'row')
    for f in tot:
        if f.exact:
            g.cand('table-total', fid=f.id, exact=f.exact)
