"""The standard tables of a 部门决算 (final) and a 部门预算 (budget), registered with their identities."""
from tablekit15 import TB, cn

INC_ROWS = [('一般公共预算财政拨款收入', 'gpb', 'inc_gpb'), ('政府性基金预算财政拨款收入', 'gf', 'inc_gf'),
            ('国有资本经营预算财政拨款收入', 'gov', None), ('上级补助收入', 'sj', 'inc_sj'), ('事业收入', 'sy', 'inc_sy'),
            ('经营收入', 'jy', None), ('附属单位上缴收入', 'fs', None), ('其他收入', 'qt', 'inc_qt')]
BINC_ROWS = [('一般公共预算拨款收入', 'gpb', 'inc_gpb'), ('政府性基金预算拨款收入', 'gf', 'inc_gf'),
             ('国有资本经营预算拨款收入', 'gov', None), ('财政专户管理资金收入', 'zh', None), ('事业收入', 'sy', 'inc_sy'),
             ('上级补助收入', 'sj', 'inc_sj'), ('附属单位上缴收入', 'fs', None), ('其他收入', 'qt', 'inc_qt')]


def g(f, attr):
    return f[attr] if attr else 0


def classes(f, pred=lambda lf: lf.total):
    out = []
    for c in sorted({lf.cls for lf in f.leaves if pred(lf)}):
        ls = [lf for lf in f.leaves if lf.cls == c]
        out.append((c, ls[0].cls_name, ls))
    return out


def sum_total(doc, figs_by_label, total_label, part_labels, side=0):
    tot = figs_by_label[(side, total_label)][0]
    doc.ident('sum', total=tot, parts=[figs_by_label[(side, lb)][0] for lb in part_labels])
    return tot


def final_tables(doc, rng, f, o, tb=None):
    tb = tb or TB(doc, rng, o)
    Y = f.year
    out = {}
    # 1 收入支出决算总表
    left = [(f'{cn(i + 1)}、{lab}', [(f'inc.all.{k}', g(f, a))]) for i, (lab, k, a) in enumerate(INC_ROWS)]
    cls = classes(f)
    right = [(f'{cn(i + 1)}、{nm}', [(f'exp.{c}.tot', sum(lf.total for lf in ls))]) for i, (c, nm, ls) in enumerate(cls)]
    n = max(len(left), len(right))
    left += [('', None)] * (n - len(left))
    right += [('', None)] * (n - len(right))
    use_lab = o['use_label']
    left += [('本年收入合计', [('inc.all.tot', f.inc)]), (use_lab, [('use_nf', f.use_nf)]),
             ('年初结转和结余', [('start.all', f.start)]), ('总计', [('grand', f.grand)])]
    right += [('本年支出合计', [('exp.all.tot', f.exp)]), ('结余分配', [('dist', f.dist)]),
              ('年末结转和结余', [('end.all', f.end)]), ('总计', [('grand', f.grand)])]
    t, fb = tb.two_col('收入支出决算总表', '收入支出决算总表', left, right, hangci=o['hangci'])
    sum_total(doc, fb, '本年收入合计', [lb for lb, v in left[:8]])
    sum_total(doc, fb, '总计', ['本年收入合计', use_lab, '年初结转和结余'])
    sum_total(doc, fb, '本年支出合计', [lb for lb, v in right[:len(cls)]], 1)
    sum_total(doc, fb, '总计', ['本年支出合计', '结余分配', '年末结转和结余'], 1)
    t.note = '注：本表反映部门本年度的总收支和年初、年末结转结余情况。'
    out['zb'] = (t, fb)
    # 2 收入决算表
    cols = [('本年收入合计', 'inc.{c}.tot', lambda lf: lf.inc), ('财政拨款收入', 'inc.{c}.fin', lambda lf: lf.i_gpb + lf.i_gf),
            ('上级补助收入', 'inc.{c}.sj', lambda lf: lf.i_sj), ('事业收入', 'inc.{c}.sy', lambda lf: lf.i_sy),
            ('经营收入', 'inc.{c}.jy', lambda lf: 0), ('附属单位上缴收入', 'inc.{c}.fs', lambda lf: 0),
            ('其他收入', 'inc.{c}.qt', lambda lf: lf.i_qt)]
    t = tb.func_table('收入决算表', '收入决算表', [lf for lf in f.leaves if lf.inc], cols, row_ids=[(0, [1, 2, 3, 4, 5, 6])],
                      hangci=o['hangci'], lanci=o['lanci'])
    out['sr'] = t
    # 3 支出决算表
    cols = [('本年支出合计', 'exp.{c}.tot', lambda lf: lf.total), ('基本支出', 'exp.{c}.bas', lambda lf: lf.basic + lf.nfb),
            ('项目支出', 'exp.{c}.prj', lambda lf: lf.proj + lf.gf + lf.nfp), ('上缴上级支出', 'exp.{c}.sj', lambda lf: 0),
            ('经营支出', 'exp.{c}.jy', lambda lf: 0), ('对附属单位补助支出', 'exp.{c}.fz', lambda lf: 0)]
    t = tb.func_table('支出决算表', '支出决算表', [lf for lf in f.leaves if lf.total], cols, row_ids=[(0, [1, 2, 3, 4, 5])],
                      hangci=o['hangci'], lanci=o['lanci'])
    out['zc'] = t
    # 4 财政拨款收入支出决算总表
    left = [('一、一般公共预算财政拨款', [('inc.all.gpb', f.inc_gpb)]), ('二、政府性基金预算财政拨款', [('inc.all.gf', f.inc_gf)]),
            ('三、国有资本经营预算财政拨款', [('inc.all.gov', 0)])]
    fcls = classes(f, lambda lf: lf.gpb + lf.gf)
    right = []
    for i, (c, nm, ls) in enumerate(fcls):
        a, b = sum(lf.gpb for lf in ls), sum(lf.gf for lf in ls)
        right.append((f'{cn(i + 1)}、{nm}', [(f'fin.{c}.tot', a + b), (f'gpb.{c}.fin', a), (f'gf.{c}.fin', b),
                                            (f'gov.{c}.fin', 0)]))
    n = max(len(left), len(right))
    left += [('', None)] * (n - len(left))
    right += [('', None)] * (n - len(right))
    left += [('本年收入合计', [('fin.inc', f.inc_gpb + f.inc_gf)]),
             ('年初财政拨款结转和结余', [('fin.start', f.gpb_start + f.gf_start)]),
             ('　一般公共预算财政拨款', [('gpb.start', f.gpb_start)]), ('　政府性基金预算财政拨款', [('gf.start', f.gf_start)]),
             ('　国有资本经营预算财政拨款', [('gov.start', 0)]), ('', None), ('总计', [('fin.grand', f.gpb + f.gf + f.gpb_end + f.gf_end)])]
    right += [('本年支出合计', [('fin.exp', f.gpb + f.gf), ('gpb.all.fin', f.gpb), ('gf.all.fin', f.gf), ('gov.all.fin', 0)]),
              ('年末财政拨款结转和结余', [('fin.end', f.gpb_end + f.gf_end), ('gpb.end', f.gpb_end), ('gf.end', f.gf_end),
                                   ('gov.end', 0)]),
              ('', None), ('', None), ('', None), ('', None),
              ('总计', [('fin.grand', f.gpb + f.gf + f.gpb_end + f.gf_end), ('gpb.grand', f.gpb + f.gpb_end),
                      ('gf.grand', f.gf + f.gf_end), ('gov.grand', 0)])]
    t, fb = tb.two_col('财政拨款收入支出决算总表', '财政拨款收入支出决算总表', left, right,
                       right_cols=('合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'),
                       hangci=o['hangci'])
    sum_total(doc, fb, '本年收入合计', [lb for lb, v in left[:3]])
    sum_total(doc, fb, '年初财政拨款结转和结余', ['　一般公共预算财政拨款', '　政府性基金预算财政拨款', '　国有资本经营预算财政拨款'])
    sum_total(doc, fb, '总计', ['本年收入合计', '年初财政拨款结转和结余'])
    for j in range(4):
        doc.ident('sum', total=fb[(1, '本年支出合计')][j], parts=[fb[(1, lb)][j] for lb, v in right[:len(fcls)]])
        doc.ident('sum', total=fb[(1, '总计')][j], parts=[fb[(1, '本年支出合计')][j], fb[(1, '年末财政拨款结转和结余')][j]])
    for lb, v in right:
        if v:
            fs = fb[(1, lb)]
            doc.ident('sum', total=fs[0], parts=fs[1:])
    out['czzb'] = (t, fb)
    # 5 一般公共预算财政拨款支出决算表
    gl = [lf for lf in f.leaves if lf.gpb]
    lay = o['gpb_layout']
    if lay == 'bp':
        cols = [('合计', 'gpb.{c}.fin', lambda lf: lf.gpb), ('基本支出', 'gpb.{c}.bas', lambda lf: lf.basic),
                ('项目支出', 'gpb.{c}.prj', lambda lf: lf.proj)]
        t = tb.func_table('一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表', gl, cols, row_ids=[(0, [1, 2])],
                          lanci=o['lanci'], header_groups=[('决算数', 3)] if o.get('bp_group') else None)
    elif lay == 'iad':
        cols = [('年初预算数', 'gpb.{c}.init', lambda lf: lf.init), ('调整预算数', 'gpb.{c}.adj', lambda lf: lf.adj),
                ('决算数', 'gpb.{c}.fin', lambda lf: lf.gpb)]
        t = tb.func_table('一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表', gl, cols, lanci=o['lanci'])
    else:
        cols = [('年初预算数', 'gpb.{c}.init', lambda lf: lf.init), ('合计', 'gpb.{c}.fin', lambda lf: lf.gpb),
                ('基本支出', 'gpb.{c}.bas', lambda lf: lf.basic), ('项目支出', 'gpb.{c}.prj', lambda lf: lf.proj),
                ('完成率（%）', 'gpb.{c}.rate', None)]
        t = tb.func_table('一般公共预算财政拨款支出决算表', '一般公共预算财政拨款支出决算表', gl, cols, row_ids=[(1, [2, 3])],
                          lanci=o['lanci'], header_groups=[('年初预算数', 1), ('决算数', 3), ('完成率（%）', 1)],
                          rate_cols=[(4, 1, 0)])
    out['gpb'] = t
    # 6 基本支出
    out['jb'] = basic_table(tb, doc, f, o, '一般公共预算财政拨款基本支出决算表')
    # 7 三公
    out['sg'] = sangong_table(tb, doc, f, o, '财政拨款“三公”经费支出决算表',
                              [('预算数', 'sg.b.', 'b_'), ('决算数', 'sg.f.', '')])
    # 8 政府性基金
    out['gf'] = gf_table(tb, doc, f, o, '政府性基金预算财政拨款收入支出决算表', final=True)
    # 9 国有资本
    t = tb.new('国有资本经营预算财政拨款支出决算表', '国有资本经营预算财政拨款支出决算表', 5)
    t.add_header([('项目', 2, 1), ('本年支出', 3, 1)])
    t.add_header([('科目编码', 1, 1), ('科目名称', 1, 1), ('合计', 1, 1), ('基本支出', 1, 1), ('项目支出', 1, 1)])
    t.add_row([o['total_label'], '', '', '', ''])
    t.empty = True
    t.note = f'注：本部门{Y}年度没有国有资本经营预算财政拨款收入、支出和结转结余，故本表为空表。'
    out['gy'] = t
    return out


def basic_table(tb, doc, f, o, title):
    lay = o['basic_layout']
    groups = [('301', '工资福利支出', [x for x in f.person_items if x[0].startswith('301')]),
              ('303', '对个人和家庭的补助', [x for x in f.person_items if x[0].startswith('303')]),
              ('302', '商品和服务支出', [x for x in f.public_items if x[0].startswith('302')]),
              ('310', '资本性支出', [x for x in f.public_items if x[0].startswith('310')])]
    groups = [gr for gr in groups if gr[2]]
    person = [gr for gr in groups if gr[0] in ('301', '303')]
    public = [gr for gr in groups if gr[0] in ('302', '310')]

    def block_rows(t, grs):
        rows, gfigs = [], []
        for code, name, items in grs:
            gf_ = tb.amt(t, f'eco.{code}', sum(v for _, _, v in items))
            rows.append([code, name, gf_])
            its = []
            for c, nm, v in items:
                fi = tb.amt(t, f'eco.{c}', v)
                its.append(fi)
                rows.append([c, nm, fi])
            doc.ident('sum', total=gf_, parts=its)
            gfigs.append(gf_)
        return rows, gfigs

    if lay == 'tree':
        t = tb.new('一般公共预算财政拨款基本支出决算表', title, 3)
        t.add_header([('科目编码', 1, 1), ('科目名称', 1, 1), ('决算数', 1, 1)])
        tot = tb.amt(t, 'gpb.all.bas', f.gpb_basic)
        pf = tb.amt(t, 'eco.person', f.person)
        qf = tb.amt(t, 'eco.public', f.public)
        r1, g1 = block_rows(t, person)
        r2, g2 = block_rows(t, public)
        rows = [['', '人员经费', pf]] + r1 + [['', '公用经费', qf]] + r2
        trow = ['', o['total_label'], tot]
        rows = ([trow] + rows) if o['total_pos'] == 'top' else (rows + [trow])
        for r in rows:
            t.add_row(r)
        doc.ident('sum', total=tot, parts=[pf, qf])
        doc.ident('sum', total=pf, parts=g1)
        doc.ident('sum', total=qf, parts=g2)
        t.label_cols = 2
        return t
    nb = 2 if lay == 'side2' else 3
    t = tb.new('一般公共预算财政拨款基本支出决算表', title, 3 * nb)
    t.blocks = [(3 * i, 3 * i + 3) for i in range(nb)]
    head = [('人员经费', 3, 1), ('公用经费', 3 * (nb - 1), 1)]
    t.add_header(head)
    t.add_header([(x, 1, 1) for _ in range(nb) for x in ('科目编码', '科目名称', '决算数')])
    r1, g1 = block_rows(t, person)
    r2, g2 = block_rows(t, public)
    if nb == 2:
        cols = [r1, r2]
    else:
        h = (len(r2) + 1) // 2
        cols = [r1, r2[:h], r2[h:]]
    n = max(len(c) for c in cols)
    for i in range(n):
        row = []
        for c in cols:
            row += c[i] if i < len(c) else ['', '', '']
        t.add_row(row)
    pf = tb.amt(t, 'eco.person', f.person)
    qf = tb.amt(t, 'eco.public', f.public)
    last = ['', '人员经费合计', pf, '', '公用经费合计', qf] + ([''] * 3 if nb == 3 else [])
    t.add_row(last)
    doc.ident('sum', total=pf, parts=g1)
    doc.ident('sum', total=qf, parts=g2)
    t.label_cols = 2
    return t


def sangong_table(tb, doc, f, o, title, colspecs):
    """colspecs: list of (heading, keyprefix, facts-prefix)."""
    sg = f.sg
    items = [('合计', 'total'), ('1.因公出国（境）费', 'abroad'), ('2.公务用车购置及运行维护费', 'car'),
             ('（1）公务用车购置费', 'car_buy'), ('（2）公务用车运行维护费', 'car_run'), ('3.公务接待费', 'recept')]
    if o['sg_layout'] == 'v':
        t = tb.new('三公', title, 1 + len(colspecs))
        t.add_header([('项目', 1, 1)] + [(h, 1, 1) for h, _, _ in colspecs])
        figs = {}
        for lab, k in items:
            row = [lab]
            for h, kp, fp in colspecs:
                fi = tb.amt(t, kp + k, sg[fp + k])
                figs[(kp, k)] = fi
                row.append(fi)
            t.add_row(row)
    else:
        t = tb.new('三公', title, 6 * len(colspecs))
        t.add_header([(h, 6, 1) for h, _, _ in colspecs])
        t.add_header([(x, c, r) for _ in colspecs for x, c, r in
                      (('合计', 1, 2), ('因公出国（境）费', 1, 2), ('公务用车购置及运行维护费', 3, 1), ('公务接待费', 1, 2))])
        t.add_header([(x, 1, 1) for _ in colspecs for x in ('小计', '公务用车购置费', '公务用车运行维护费')])
        order = ['total', 'abroad', 'car', 'car_buy', 'car_run', 'recept']
        figs, row = {}, []
        for h, kp, fp in colspecs:
            for k in order:
                fi = tb.amt(t, kp + k, sg[fp + k])
                figs[(kp, k)] = fi
                row.append(fi)
        t.add_row(row)
    for h, kp, fp in colspecs:
        doc.ident('sum', total=figs[(kp, 'total')], parts=[figs[(kp, 'abroad')], figs[(kp, 'car')], figs[(kp, 'recept')]])
        doc.ident('sum', total=figs[(kp, 'car')], parts=[figs[(kp, 'car_buy')], figs[(kp, 'car_run')]])
    t.name = title
    t.figs = figs
    return t


def gf_table(tb, doc, f, o, title, final):
    gl = [lf for lf in f.leaves if lf.gf]
    if gl:
        if final:
            cols = [('本年收入', 'gfi.{c}', lambda lf: lf.i_gf), ('本年支出合计', 'gf.{c}.fin', lambda lf: lf.gf),
                    ('基本支出', 'gf.{c}.bas', lambda lf: 0), ('项目支出', 'gf.{c}.prj', lambda lf: lf.gf)]
            t = tb.func_table(title, title, gl, cols, row_ids=[(1, [2, 3])],
                              header_groups=[('本年收入', 1), ('本年支出', 3)])
        else:
            cols = [('合计', 'gf.{c}.fin', lambda lf: lf.gf), ('基本支出', 'gf.{c}.bas', lambda lf: 0),
                    ('项目支出', 'gf.{c}.prj', lambda lf: lf.gf)]
            t = tb.func_table(title, title, gl, cols, row_ids=[(0, [1, 2])])
        return t
    t = tb.new(title, title, 5)
    t.add_header([('项目', 2, 1), ('本年支出', 3, 1)])
    t.add_header([('科目编码', 1, 1), ('科目名称', 1, 1), ('合计', 1, 1), ('基本支出', 1, 1), ('项目支出', 1, 1)])
    t.add_row([o['total_label'], '', '', '', ''])
    t.empty = True
    word = '收入、支出和结转结余' if final else '预算拨款安排的支出'
    t.note = f'注：本部门{f.year}年度没有政府性基金预算财政拨款{word}，故本表为空表。' if final else \
        f'注：本部门{f.year}年度没有使用政府性基金{word}，故本表无数据。'
    return t


def budget_tables(doc, rng, f, o, tb=None):
    tb = tb or TB(doc, rng, o)
    Y = f.year
    out = {}
    left = [(f'{cn(i + 1)}、{lab}', [(f'inc.all.{k}', g(f, a))]) for i, (lab, k, a) in enumerate(BINC_ROWS)]
    cls = classes(f)
    right = [(f'{cn(i + 1)}、{nm}', [(f'exp.{c}.tot', sum(lf.total for lf in ls))]) for i, (c, nm, ls) in enumerate(cls)]
    n = max(len(left), len(right))
    left += [('', None)] * (n - len(left))
    right += [('', None)] * (n - len(right))
    left += [('本年收入合计', [('inc.all.tot', f.inc)]), ('上年结转结余', [('start.all', f.start)]),
             ('收入总计', [('grand', f.grand)])]
    right += [('本年支出合计', [('exp.all.tot', f.exp)]), ('结转下年', [('end.all', f.end)]), ('支出总计', [('grand', f.grand)])]
    t, fb = tb.two_col('部门收支总表', f'{Y}年部门收支总表', left, right, right_cols=('预算数',))
    sum_total(doc, fb, '本年收入合计', [lb for lb, v in left[:8]])
    sum_total(doc, fb, '收入总计', ['本年收入合计', '上年结转结余'])
    sum_total(doc, fb, '本年支出合计', [lb for lb, v in right[:len(cls)]], 1)
    sum_total(doc, fb, '支出总计', ['本年支出合计', '结转下年'], 1)
    out['zb'] = (t, fb)
    cols = [('合计', 'inc.{c}.tot', lambda lf: lf.inc), ('一般公共预算拨款收入', 'inc.{c}.gpb', lambda lf: lf.i_gpb),
            ('政府性基金预算拨款收入', 'inc.{c}.gf', lambda lf: lf.i_gf), ('事业收入', 'inc.{c}.sy', lambda lf: lf.i_sy),
            ('上级补助收入', 'inc.{c}.sj', lambda lf: lf.i_sj), ('其他收入', 'inc.{c}.qt', lambda lf: lf.i_qt)]
    out['sr'] = tb.func_table('部门收入总表', f'{Y}年部门收入总表', [lf for lf in f.leaves if lf.inc], cols,
                              row_ids=[(0, [1, 2, 3, 4, 5])])
    cols = [('合计', 'exp.{c}.tot', lambda lf: lf.total), ('基本支出', 'exp.{c}.bas', lambda lf: lf.basic + lf.nfb),
            ('项目支出', 'exp.{c}.prj', lambda lf: lf.proj + lf.gf + lf.nfp)]
    out['zc'] = tb.func_table('部门支出总表', f'{Y}年部门支出总表', [lf for lf in f.leaves if lf.total], cols,
                              row_ids=[(0, [1, 2])])
    left = [('一、一般公共预算拨款', [('inc.all.gpb', f.inc_gpb)]), ('二、政府性基金预算拨款', [('inc.all.gf', f.inc_gf)]),
            ('三、国有资本经营预算拨款', [('inc.all.gov', 0)]), ('四、上年结转', [('fin.start', f.gpb_start + f.gf_start)])]
    fcls = classes(f, lambda lf: lf.gpb + lf.gf)
    right = [(f'{cn(i + 1)}、{nm}', [(f'fin.{c}.tot', sum(lf.gpb + lf.gf for lf in ls))]) for i, (c, nm, ls) in enumerate(fcls)]
    n = max(len(left), len(right))
    left += [('', None)] * (n - len(left))
    right += [('', None)] * (n - len(right))
    left += [('收入总计', [('fin.grand', f.gpb + f.gf)])]
    right += [('支出总计', [('fin.grand', f.gpb + f.gf)])]
    t, fb = tb.two_col('财政拨款收支总表', f'{Y}年财政拨款收支总表', left, right, right_cols=('预算数',))
    sum_total(doc, fb, '收入总计', [lb for lb, v in left[:4]])
    sum_total(doc, fb, '支出总计', [lb for lb, v in right[:len(fcls)]], 1)
    out['czzb'] = (t, fb)
    gl = [lf for lf in f.leaves if lf.gpb]
    if o['gpb_layout'] == 'bp':
        cols = [('合计', 'gpb.{c}.fin', lambda lf: lf.gpb), ('基本支出', 'gpb.{c}.bas', lambda lf: lf.basic),
                ('项目支出', 'gpb.{c}.prj', lambda lf: lf.proj)]
        t = tb.func_table('一般公共预算支出表', f'{Y}年一般公共预算支出表', gl, cols, row_ids=[(0, [1, 2])])
    else:
        cols = [(f'{Y - 1}年预算数', 'gpb.{c}.prev', lambda lf: lf.prev), ('合计', 'gpb.{c}.fin', lambda lf: lf.gpb),
                ('基本支出', 'gpb.{c}.bas', lambda lf: lf.basic), ('项目支出', 'gpb.{c}.prj', lambda lf: lf.proj)]
        t = tb.func_table('一般公共预算支出表', f'{Y}年一般公共预算支出表', gl, cols, row_ids=[(1, [2, 3])],
                          header_groups=[(f'{Y - 1}年预算数', 1), (f'{Y}年预算数', 3)])
    out['gpb'] = t
    out['jb'] = basic_table(tb, doc, f, o, f'{Y}年一般公共预算基本支出表')
    out['jb'].name = '一般公共预算基本支出表'
    out['sg'] = sangong_table(tb, doc, f, o, f'{Y}年一般公共预算“三公”经费支出表',
                              [(f'{Y - 1}年预算数', 'sg.p.', 'p_'), (f'{Y}年预算数', 'sg.b.', 'b_')])
    out['sg'].name = '一般公共预算“三公”经费支出表'
    t = gf_table(tb, doc, f, o, f'{Y}年政府性基金预算支出表', final=False)
    t.name = '政府性基金预算支出表'
    out['gf'] = t
    t = tb.new('国有资本经营预算支出表', f'{Y}年国有资本经营预算支出表', 5)
    t.add_header([('项目', 2, 1), ('本年国有资本经营预算支出', 3, 1)])
    t.add_header([('科目编码', 1, 1), ('科目名称', 1, 1), ('合计', 1, 1), ('基本支出', 1, 1), ('项目支出', 1, 1)])
    t.add_row([o['total_label'], '', '', '', ''])
    t.empty = True
    t.note = f'注：本部门{Y}年度没有使用国有资本经营预算拨款安排的支出，故本表无数据。'
    out['gy'] = t
    return out
