"""Builds the content of one budget / final-account disclosure (blocks + figures + identities)."""
from fractions import Fraction

from doc3 import CN_NUM
from facts3 import ALL_CLASSES, CLASS_NAMES
from tables3 import add_table, econ_table, empty_table, fn_table, tf, two_col

REASONS_UP = ['人员调整及工资标准提高，人员经费相应增加', '新增重点工作任务经费', '业务量增加，相关运转经费增加',
              '年中追加专项工作经费', '信息化项目建设支出增加', '社会保障缴费基数调整']
REASONS_DOWN = ['严格落实过紧日子要求，压减一般性支出', '部分项目已完成，资金需求减少', '人员退休、调出，人员经费减少',
                '厉行节约，压减非刚性支出', '上年一次性项目本年不再安排']


def reason(doc, sign):
    r = doc.rng.choice(REASONS_UP if sign >= 0 else REASONS_DOWN)
    lead = doc.rng.choice(['主要原因是', '主要原因：', '变动原因：', '增减变化原因是'])
    return lead + doc.rs(r, pre=lead)


def sgn(a, b):
    return (a > b) - (a < b)


def leaf_gp(l):
    return l['gp_b'] + l['gp_p']


def leaf_gp_prev(l):
    return l['gp_b_prev'] + l['gp_p_prev']


def leaf_gp_init(l):
    return l['gp_b_init'] + l['gp_p_init']


def gp_leaves(f):
    return [l for l in f['leaves'] if leaf_gp(l) or leaf_gp_prev(l) or leaf_gp_init(l)]


# ===================================================================== tables
def T(doc, name):
    """table titles"""
    B = doc.dtype == 'budget'
    Y = doc.Y
    t = {
        'szzb': '部门收支总表' if B else '收入支出决算总表',
        'sr': '部门收入总表' if B else '收入决算表',
        'zc': '部门支出总表' if B else '支出决算表',
        'czzb': '财政拨款收支总表' if B else '财政拨款收入支出决算总表',
        'gpzc': '一般公共预算支出表' if B else '一般公共预算财政拨款支出决算表',
        'jbzc': '一般公共预算基本支出表' if B else '一般公共预算财政拨款基本支出决算表',
        'sg': '一般公共预算“三公”经费支出表' if B else '财政拨款“三公”经费支出决算表',
        'gf': '政府性基金预算支出表' if B else '政府性基金预算财政拨款收入支出决算表',
        'gz': '国有资本经营预算支出表' if B else '国有资本经营预算财政拨款支出决算表',
        'perf': '部门整体支出绩效目标表' if B else '部门整体支出绩效自评表',
    }
    return t[name]


def budget_tables(doc):
    f, o, rng = doc.f, doc.o, doc.rng
    Lv = f['leaves']
    tu = o['tab_unit']
    # 1 收支总表
    title = T(doc, 'szzb')
    tf_ = lambda k, v, r: tf(doc, k, v, title, r)
    inc = [('一、一般公共预算拨款收入', 'inc.gp', f['gp_in']), ('二、政府性基金预算拨款收入', 'inc.gf', f['gf_in']),
           ('三、国有资本经营预算拨款收入', 'inc.gz', 0), ('四、事业收入', 'inc.sy', f['sy_in']),
           ('五、事业单位经营收入', 'inc.jy', 0), ('六、其他收入', 'inc.qt', f['qt_in'])]
    lb, lparts = [], []
    for lab, k, v in inc:
        x = tf_(k if v else None, v, lab)
        lparts.append(x)
        lb.append((lab, [x]))
    it = tf_('inc.total', f['inc_total'], '本年收入合计')
    ic = tf_('inc.cin', f['cin'], '上年结转')
    ig = tf_('inc.grand', f['grand'], '收入总计')
    doc.ident('sum', total=it, parts=lparts, where='table', tree=True)
    doc.ident('sum', total=ig, parts=[it, ic], where='table', tree=True)
    lt = [('本年收入合计', [it]), (rng.choice(['上年结转', '上年结转结余', '上年结转（结余）']), [ic]), ('收入总计', [ig])]
    rb, rparts = [], []
    cls = sorted({l['code'][:3] for l in Lv if l['gp_b'] + l['gp_p'] + l['gf_p'] + l['oth_b'] + l['oth_p']})
    for i, c in enumerate(cls):
        v = sum(l['gp_b'] + l['gp_p'] + l['gf_p'] + l['oth_b'] + l['oth_p'] for l in Lv if l['code'][:3] == c)
        lab = ('%s、' % CN_NUM[i] if o['cls_num'] else '') + CLASS_NAMES[c]
        x = tf_('fa.tot:' + c, v, lab)
        rparts.append(x)
        rb.append((lab, [x]))
    et = tf_('exp.total', f['exp_total'], '本年支出合计')
    eo = tf_(None, 0, '结转下年')
    eg = tf_('exp.grand', f['grand'], '支出总计')
    doc.ident('sum', total=et, parts=rparts, where='table', tree=True)
    doc.ident('sum', total=eg, parts=[et, eo], where='table', tree=True)
    doc.ident('sum', total=eg, parts=[ig], where='table', tree=True)
    rt = [('本年支出合计', [et]), ('结转下年', [eo]), ('支出总计', [eg])]
    two_col(doc, title, (lb, lt), (rb, rt), ['项目', '本年预算'], ['项目', '本年预算'], kind='szzb')
    # 2 收入总表 by function
    title = T(doc, 'sr')
    gfc = [l['code'] for l in Lv if l['gf_p']]
    cols = [dict(h='合计', get=lambda l: l['inc_fin'] + l['inc_sy'] + l['inc_qt'] + l['cin_fin'] + l['cin_oth'], kp='ia.tot'),
            dict(h='上年结转', get=lambda l: l['cin_fin'] + l['cin_oth'], kp='ia.cin'),
            dict(h='一般公共预算拨款', get=lambda l: 0 if l['gf_p'] else l['inc_fin'], kp='ia.gp'),
            dict(h='政府性基金预算拨款', get=lambda l: l['inc_fin'] if l['gf_p'] else 0, kp='ia.gf'),
            dict(h='事业收入', get=lambda l: l['inc_sy'], kp='ia.sy'),
            dict(h='其他收入', get=lambda l: l['inc_qt'], kp='ia.qt')]
    if not f['gf_in'] and not f['gf_cin'] and rng.random() < 0.5:
        cols = [c for c in cols if c['kp'] != 'ia.gf']
    tk = {0: 'inc.grand'}
    for i, c in enumerate(cols):
        tk[i] = {'ia.tot': 'inc.grand', 'ia.cin': 'inc.cin', 'ia.gp': 'inc.gp', 'ia.gf': 'inc.gf', 'ia.sy': 'inc.sy',
                 'ia.qt': 'inc.qt'}[c['kp']]
    fn_table(doc, title, Lv, cols, rowsum=(0, list(range(1, len(cols)))), total_keys=tk, kind='sr')
    # 3 支出总表
    title = T(doc, 'zc')
    cols = [dict(h='合计', get=lambda l: l['gp_b'] + l['gp_p'] + l['gf_p'] + l['oth_b'] + l['oth_p'], kp='fa.tot'),
            dict(h='基本支出', get=lambda l: l['gp_b'] + l['oth_b'], kp='fa.b'),
            dict(h='项目支出', get=lambda l: l['gp_p'] + l['gf_p'] + l['oth_p'], kp='fa.p')]
    fn_table(doc, title, Lv, cols, rowsum=(0, [1, 2]), total_keys={0: 'exp.total', 1: 'exp.basic', 2: 'exp.proj'},
             kind='zc')
    # 4 财政拨款收支总表
    title = T(doc, 'czzb')
    tf_ = lambda k, v, r: tf(doc, k, v, title, r)
    a = tf_('inc.gp', f['gp_in'], '一般公共预算拨款')
    b = tf_('inc.gf' if f['gf_in'] else None, f['gf_in'], '政府性基金预算拨款')
    c = tf_(None, 0, '国有资本经营预算拨款')
    fi = tf_('fin.in', f['fin_in'], '本年收入合计')
    fc = tf_('fin.cin', f['fin_cin'], '上年结转')
    fg = tf_('fin.grand', f['fin_grand'], '收入总计')
    doc.ident('sum', total=fi, parts=[a, b, c], where='table', tree=True)
    doc.ident('sum', total=fg, parts=[fi, fc], where='table', tree=True)
    lb = [('一、一般公共预算拨款', [a]), ('二、政府性基金预算拨款', [b]), ('三、国有资本经营预算拨款', [c])]
    lt = [('本年收入合计', [fi]), ('上年结转', [fc]), ('收入总计', [fg])]
    rb = []
    p0, p1, p2 = [], [], []
    fcls = sorted({l['code'][:3] for l in Lv if leaf_gp(l) + l['gf_p']})
    for i, cc in enumerate(fcls):
        vg = sum(leaf_gp(l) for l in Lv if l['code'][:3] == cc)
        vf = sum(l['gf_p'] for l in Lv if l['code'][:3] == cc)
        lab = ('%s、' % CN_NUM[i] if o['cls_num'] else '') + CLASS_NAMES[cc]
        x0 = tf_('fin.exp:' + cc, vg + vf, lab)
        x1 = tf_('fg.tot:' + cc, vg, lab)
        x2 = tf_('ff.tot:' + cc if vf else None, vf, lab)
        doc.ident('sum', total=x0, parts=[x1, x2], where='table', tree=True)
        p0.append(x0); p1.append(x1); p2.append(x2)
        rb.append((lab, [x0, x1, x2]))
    e0 = tf_('fin.exp', f['fin_exp'], '本年支出合计')
    e1 = tf_('gp.total', f['gp_spend'], '本年支出合计')
    e2 = tf_('gf.exp' if f['gf'] else None, f['gf'], '本年支出合计')
    for t_, pp in ((e0, p0), (e1, p1), (e2, p2)):
        doc.ident('sum', total=t_, parts=pp, where='table', tree=True)
    doc.ident('sum', total=e0, parts=[e1, e2], where='table', tree=True)
    g0 = tf_('fin.grandx', f['fin_grand'], '支出总计')
    doc.ident('sum', total=g0, parts=[e0], where='table', tree=True)
    doc.ident('sum', total=g0, parts=[fg], where='table', tree=True)
    rt = [('本年支出合计', [e0, e1, e2]), ('结转下年', [None, None, None]), ('支出总计', [g0, None, None])]
    two_col(doc, title, (lb, lt), (rb, rt), ['项目', '预算数'], ['项目', '合计', '一般公共预算', '政府性基金预算'], kind='czzb')
    # 5 一般公共预算支出表
    title = T(doc, 'gpzc')
    gl = gp_leaves(f)
    if o['gp_cols'] == 'cmp':
        y1 = doc.Y - 1
        cols = [dict(h='%d年预算数' % y1, get=leaf_gp_prev, kp='fgp'),
                dict(h='小计', get=leaf_gp, kp='fg.tot', g='%d年预算数' % doc.Y),
                dict(h='基本支出', get=lambda l: l['gp_b'], kp='fg.b', g='%d年预算数' % doc.Y),
                dict(h='项目支出', get=lambda l: l['gp_p'], kp='fg.p', g='%d年预算数' % doc.Y),
                dict(h='增减额', type='chg', a=1, b=0), dict(h='增减%', type='pct', a=1, b=0)]
        fn_table(doc, title, gl, cols, rowsum=(1, [2, 3]),
                 total_keys={0: 'gp.prev', 1: 'gp.total', 2: 'gp.basic', 3: 'gp.proj'}, kind='gpzc')
    else:
        cols = [dict(h='合计', get=leaf_gp, kp='fg.tot'), dict(h='基本支出', get=lambda l: l['gp_b'], kp='fg.b'),
                dict(h='项目支出', get=lambda l: l['gp_p'], kp='fg.p')]
        fn_table(doc, title, gl, cols, rowsum=(0, [1, 2]), total_keys={0: 'gp.total', 1: 'gp.basic', 2: 'gp.proj'},
                 kind='gpzc')
    # 6 基本支出表
    econ_table(doc, T(doc, 'jbzc'), kind='jbzc')
    # 7 三公
    sg_table(doc)
    # 8 政府性基金
    gf_table(doc)
    # 9 国有资本经营
    if o['with_gz']:
        empty_table(doc, T(doc, 'gz'), ['项目', '合计', '基本支出', '项目支出'],
                    '注：本部门%d年无国有资本经营预算拨款安排的支出，本表为空表。' % doc.Y, kind='gz')
    perf_table(doc)


def final_tables(doc):
    f, o, rng = doc.f, doc.o, doc.rng
    Lv = f['leaves']
    title = T(doc, 'szzb')
    tf_ = lambda k, v, r: tf(doc, k, v, title, r)
    inc = [('一、一般公共预算财政拨款收入', 'inc.gp', f['gp_in']), ('二、政府性基金预算财政拨款收入', 'inc.gf', f['gf_in']),
           ('三、国有资本经营预算财政拨款收入', 'inc.gz', 0), ('四、上级补助收入', 'inc.sj', 0),
           ('五、事业收入', 'inc.sy', f['sy_in']), ('六、经营收入', 'inc.jy', 0), ('七、附属单位上缴收入', 'inc.fs', 0),
           ('八、其他收入', 'inc.qt', f['qt_in'])]
    lb, lparts = [], []
    for lab, k, v in inc:
        x = tf_(k if v else None, v, lab)
        lparts.append(x)
        lb.append((lab, [x]))
    it = tf_('inc.total', f['inc_total'], '本年收入合计')
    iu = tf_(None, 0, '使用非财政拨款结余')
    ic = tf_('inc.cin', f['cin'], '年初结转和结余')
    ig = tf_('inc.grand', f['grand'], '总计')
    doc.ident('sum', total=it, parts=lparts, where='table', tree=True)
    doc.ident('sum', total=ig, parts=[it, iu, ic], where='table', tree=True)
    lt = [('本年收入合计', [it]), (rng.choice(['使用非财政拨款结余和专用结余', '使用非财政拨款结余', '用事业基金弥补收支差额']), [iu]),
          ('年初结转和结余', [ic]), ('总计', [ig])]
    rb, rparts = [], []
    allc = ALL_CLASSES if o['all_classes'] else [(c, CLASS_NAMES[c]) for c in
                                                 sorted({l['code'][:3] for l in Lv})]
    for i, (c, nm) in enumerate(allc):
        v = sum(l['gp_b'] + l['gp_p'] + l['gf_p'] + l['oth_b'] + l['oth_p'] for l in Lv if l['code'][:3] == c)
        lab = ('%s、' % CN_NUM[i] if (o['cls_num'] and i < 20) else '') + nm
        x = tf_('fa.tot:' + c if v else None, v, lab)
        rparts.append(x)
        rb.append((lab, [x]))
    et = tf_('exp.total', f['exp_total'], '本年支出合计')
    ea = tf_(None, 0, '结余分配')
    eo = tf_('exp.cout', f['cout'], '年末结转和结余')
    eg = tf_('exp.grand', f['grand'], '总计')
    doc.ident('sum', total=et, parts=rparts, where='table', tree=True)
    doc.ident('sum', total=eg, parts=[et, ea, eo], where='table', tree=True)
    doc.ident('sum', total=eg, parts=[ig], where='table', tree=True)
    rt = [('本年支出合计', [et]), ('结余分配', [ea]), ('年末结转和结余', [eo]), ('总计', [eg])]
    two_col(doc, title, (lb, lt), (rb, rt), ['项目', '决算数' if rng.random() < 0.5 else '金额'],
            ['项目', '决算数' if rng.random() < 0.5 else '金额'], lineno=o['lineno'], kind='szzb')
    # 2 收入决算表
    title = T(doc, 'sr')
    cols = [dict(h='本年收入合计', get=lambda l: l['inc_fin'] + l['inc_sy'] + l['inc_qt'], kp='ia.tot'),
            dict(h='财政拨款收入', get=lambda l: l['inc_fin'], kp='ia.fin'),
            dict(h='上级补助收入', get=lambda l: 0, kp='ia.sj'),
            dict(h='事业收入', get=lambda l: l['inc_sy'], kp='ia.sy'),
            dict(h='经营收入', get=lambda l: 0, kp='ia.jy'),
            dict(h='附属单位上缴收入', get=lambda l: 0, kp='ia.fs'),
            dict(h='其他收入', get=lambda l: l['inc_qt'], kp='ia.qt')]
    if o['drop_zero_cols']:
        cols = [c for c in cols if c['kp'] not in ('ia.sj', 'ia.jy', 'ia.fs')]
    tkm = {'ia.tot': 'inc.total', 'ia.fin': 'fin.in', 'ia.sy': 'inc.sy', 'ia.qt': 'inc.qt', 'ia.sj': None, 'ia.jy': None,
           'ia.fs': None}
    tk = {i: tkm[c['kp']] for i, c in enumerate(cols)}
    fn_table(doc, title, Lv, cols, rowsum=(0, list(range(1, len(cols)))), total_keys=tk, kind='sr',
             lanci=o['lanci'])
    # 3 支出决算表
    title = T(doc, 'zc')
    cols = [dict(h='本年支出合计', get=lambda l: l['gp_b'] + l['gp_p'] + l['gf_p'] + l['oth_b'] + l['oth_p'], kp='fa.tot'),
            dict(h='基本支出', get=lambda l: l['gp_b'] + l['oth_b'], kp='fa.b'),
            dict(h='项目支出', get=lambda l: l['gp_p'] + l['gf_p'] + l['oth_p'], kp='fa.p')]
    if not o['drop_zero_cols']:
        cols += [dict(h='上缴上级支出', get=lambda l: 0, kp='fa.sj'), dict(h='经营支出', get=lambda l: 0, kp='fa.jy'),
                 dict(h='对附属单位补助支出', get=lambda l: 0, kp='fa.fs')]
    tk = {0: 'exp.total', 1: 'exp.basic', 2: 'exp.proj'}
    fn_table(doc, title, Lv, cols, rowsum=(0, list(range(1, len(cols)))), total_keys=tk, kind='zc', lanci=o['lanci'])
    # 4 财政拨款收入支出决算总表
    title = T(doc, 'czzb')
    tf_ = lambda k, v, r: tf(doc, k, v, title, r)
    a = tf_('inc.gp', f['gp_in'], '一般公共预算财政拨款')
    b = tf_('inc.gf' if f['gf_in'] else None, f['gf_in'], '政府性基金预算财政拨款')
    c = tf_(None, 0, '国有资本经营预算财政拨款')
    fi = tf_('fin.in', f['fin_in'], '本年收入合计')
    fc = tf_('fin.cin', f['fin_cin'], '年初财政拨款结转和结余')
    fc1 = tf_('fin.cin.gp' if f['gp_cin'] else None, f['gp_cin'], '一般公共预算财政拨款')
    fc2 = tf_('fin.cin.gf' if f['gf_cin'] else None, f['gf_cin'], '政府性基金预算财政拨款')
    fg = tf_('fin.grand', f['fin_grand'], '总计')
    doc.ident('sum', total=fi, parts=[a, b, c], where='table', tree=True)
    doc.ident('sum', total=fc, parts=[fc1, fc2], where='table', tree=True)
    doc.ident('sum', total=fg, parts=[fi, fc], where='table', tree=True)
    lb = [('一、一般公共预算财政拨款', [a]), ('二、政府性基金预算财政拨款', [b]), ('三、国有资本经营预算财政拨款', [c])]
    lt = [('本年收入合计', [fi]), ('年初财政拨款结转和结余', [fc]), ('　一般公共预算财政拨款', [fc1]),
          ('　政府性基金预算财政拨款', [fc2]), ('总计', [fg])]
    rb, pp = [], []
    fcls = sorted({l['code'][:3] for l in Lv if leaf_gp(l) + l['gf_p']})
    for i, cc in enumerate(fcls):
        v = sum(leaf_gp(l) + l['gf_p'] for l in Lv if l['code'][:3] == cc)
        lab = ('%s、' % CN_NUM[i] if o['cls_num'] else '') + CLASS_NAMES[cc]
        x = tf_('fin.exp:' + cc, v, lab)
        pp.append(x)
        rb.append((lab, [x]))
    e0 = tf_('fin.exp', f['fin_exp'], '本年支出合计')
    eo = tf_('fin.cout', f['fin_cout'], '年末财政拨款结转和结余')
    eo1 = tf_('fin.cout.gp' if f['gp_cout'] else None, f['gp_cout'], '一般公共预算财政拨款')
    eo2 = tf_('fin.cout.gf' if f['gf_cout'] else None, f['gf_cout'], '政府性基金预算财政拨款')
    g0 = tf_('fin.grandx', f['fin_grand'], '总计')
    doc.ident('sum', total=e0, parts=pp, where='table', tree=True)
    doc.ident('sum', total=eo, parts=[eo1, eo2], where='table', tree=True)
    doc.ident('sum', total=g0, parts=[e0, eo], where='table', tree=True)
    doc.ident('sum', total=g0, parts=[fg], where='table', tree=True)
    rt = [('本年支出合计', [e0]), ('年末财政拨款结转和结余', [eo]), ('　一般公共预算财政拨款', [eo1]),
          ('　政府性基金预算财政拨款', [eo2]), ('总计', [g0])]
    two_col(doc, title, (lb, lt), (rb, rt), ['项目', '金额'], ['项目', '金额'], lineno=o['lineno'], kind='czzb')
    # 5 一般公共预算财政拨款支出决算表
    title = T(doc, 'gpzc')
    gl = gp_leaves(f)
    if o['gp_cols'] == 'cmp':
        cols = [dict(h='年初预算数', get=leaf_gp_init, kp='fgi'),
                dict(h='合计', get=leaf_gp, kp='fg.tot', g='决算数'),
                dict(h='基本支出', get=lambda l: l['gp_b'], kp='fg.b', g='决算数'),
                dict(h='项目支出', get=lambda l: l['gp_p'], kp='fg.p', g='决算数'),
                dict(h='完成年初预算%', type='rate', a=1, b=0)]
        fn_table(doc, title, gl, cols, rowsum=(1, [2, 3]),
                 total_keys={0: 'gp.init', 1: 'gp.total', 2: 'gp.basic', 3: 'gp.proj'}, kind='gpzc', lanci=o['lanci'])
    else:
        cols = [dict(h='合计', get=leaf_gp, kp='fg.tot'), dict(h='基本支出', get=lambda l: l['gp_b'], kp='fg.b'),
                dict(h='项目支出', get=lambda l: l['gp_p'], kp='fg.p')]
        fn_table(doc, title, gl, cols, rowsum=(0, [1, 2]), total_keys={0: 'gp.total', 1: 'gp.basic', 2: 'gp.proj'},
                 kind='gpzc', lanci=o['lanci'])
    econ_table(doc, T(doc, 'jbzc'), kind='jbzc')
    gf_table(doc)
    empty_table(doc, T(doc, 'gz'), ['科目编码', '科目名称', '本年支出合计', '基本支出', '项目支出'],
                rng.choice(['注：本单位%d年度没有使用国有资本经营预算财政拨款安排的支出，故本表无数据。' % doc.Y,
                            '说明：本部门无国有资本经营预算财政拨款收支，本表以空表列示。']), kind='gz')
    sg_table(doc)
    perf_table(doc)


def sg_table(doc):
    f, o, rng = doc.f, doc.o, doc.rng
    title = T(doc, 'sg')
    B = doc.dtype == 'budget'
    if B:
        sets = [('sg', f['sg'], '%d年预算数' % doc.Y)]
        if o['sg_prev']:
            sets = [('sgp', f['sgp'], '%d年预算数' % (doc.Y - 1))] + sets
    else:
        sets = [('sgb', f['sgb'], '预算数'), ('sg', f['sg'], '决算数')]
    items = [('total', '合计'), ('abroad', '因公出国（境）费'), ('car', '公务用车购置及运行费'),
             ('car_buy', '公务用车购置费'), ('car_run', '公务用车运行费' if rng.random() < 0.5 else '公务用车运行维护费'),
             ('recep', '公务接待费')]
    fids = {}
    for pref, vals, lab in sets:
        for k, nm in items:
            fids[(pref, k)] = tf(doc, '%s.%s' % (pref, k), vals[k], title, nm, blank=False)
        doc.ident('sum', total=fids[(pref, 'total')], parts=[fids[(pref, x)] for x in ('abroad', 'car', 'recep')],
                  where='table', tree=True, sg=True)
        doc.ident('sum', total=fids[(pref, 'car')], parts=[fids[(pref, x)] for x in ('car_buy', 'car_run')],
                  where='table', tree=True)
    if o['sg_layout'] == 'h':
        cols_h = [nm if k not in ('car_buy', 'car_run') else '其中：' + nm for k, nm in items]
        r0 = [(lab, 6, 1) for _, _, lab in sets]
        r1 = [(h, 1, 1) for _ in sets for h in cols_h]
        rows = [[('F', fids[(pref, k)]) for pref, _, _ in sets for k, _ in items]]
        add_table(doc, title, [r0, r1], rows, 6 * len(sets), kind='sg', label_cols=0)
    else:
        labs = {'total': rng.choice(['合计', '共计', '“三公”经费合计']), 'abroad': '1、因公出国（境）费',
                'car': '2、公务用车购置及运行费', 'car_buy': '　其中：（1）公务用车购置费',
                'car_run': '　　　　（2）' + items[4][1], 'recep': '3、公务接待费'}
        rows = [[labs[k]] + [('F', fids[(pref, k)]) for pref, _, _ in sets] for k, _ in items]
        header = [[('项目', 1, 1)] + [(lab, 1, 1) for _, _, lab in sets]]
        add_table(doc, title, header, rows, 1 + len(sets), kind='sg', label_cols=1,
                  note=rng.choice(['', '注：“三公”经费包括因公出国（境）费、公务用车购置及运行费和公务接待费。']))


def gf_table(doc):
    f, o, rng = doc.f, doc.o, doc.rng
    title = T(doc, 'gf')
    gl = [l for l in f['leaves'] if l['gf_p']]
    if not gl:
        note = rng.choice(['注：本部门%d年%s政府性基金预算%s，本表为空表。' % (
            doc.Y, '度' if doc.dtype == 'final' else '', '财政拨款收入、支出及结转结余' if doc.dtype == 'final' else '拨款安排的支出'),
            '说明：本单位无政府性基金预算收支，故此表无数据。'])
        empty_table(doc, title, ['科目编码', '科目名称', '合计', '基本支出', '项目支出'], note, kind='gf')
        return
    if doc.dtype == 'budget':
        cols = [dict(h='合计', get=lambda l: l['gf_p'], kp='ff.tot'), dict(h='基本支出', get=lambda l: 0, kp='ff.b'),
                dict(h='项目支出', get=lambda l: l['gf_p'], kp='ff.p')]
        fn_table(doc, title, gl, cols, rowsum=(0, [1, 2]), total_keys={0: 'gf.exp', 1: None, 2: 'gf.exp'}, kind='gf')
    else:
        cols = [dict(h='年初结转和结余', get=lambda l: f['gf_cin'], kp='ffc'),
                dict(h='本年收入', get=lambda l: f['gf_in'], kp='ffi'),
                dict(h='小计', get=lambda l: l['gf_p'], kp='ff.tot', g='本年支出'),
                dict(h='基本支出', get=lambda l: 0, kp='ff.b', g='本年支出'),
                dict(h='项目支出', get=lambda l: l['gf_p'], kp='ff.p', g='本年支出'),
                dict(h='年末结转和结余', get=lambda l: f['gf_cout'], kp='ffo')]
        fn_table(doc, title, gl, cols, rowsum=(2, [3, 4]),
                 total_keys={0: 'fin.cin.gf', 1: 'inc.gf', 2: 'gf.exp', 3: None, 4: 'gf.exp', 5: 'fin.cout.gf'}, kind='gf')


def perf_table(doc):
    f, o, rng = doc.f, doc.o, doc.rng
    title = T(doc, 'perf')
    B = doc.dtype == 'budget'
    defect = doc.defect == 'perf-table'
    rows = []
    if B:
        tot, fin, oth, bas, pro = f['exp_total'], f['fin_grand'], f['oth_spend'], f['exp_basic'], f['exp_proj']
        tot_p, bas_p, pro_p, fin_p = tot, bas, pro, fin
        info = None
        if defect:
            mode = rng.choice(['proj', 'total'])
            delta = max(int(tot * rng.uniform(0.06, 0.2)), 300000)
            delta = delta if rng.random() < 0.5 or pro < delta * 2 else -delta
            if mode == 'proj':   # 项目 and 总额 and 财政性 shifted consistently inside the table
                pro_p, tot_p, fin_p = pro + delta, tot + delta, fin + delta
            else:                # 总额 alone (internal sums also fail)
                tot_p = tot + delta
            info = mode
        rows.append(['部门（单位）名称', f['dept'], '', ''])
        rows.append(['年度履职目标', '；'.join(f['duties']), '', ''])
        ft = tf(doc, 'exp.total', tot_p, title, '部门预算总额', blank=False)
        ff = tf(doc, 'fin.grand', fin_p, title, '财政性资金', blank=False)
        fo = tf(doc, 'oth.total' if oth else None, oth, title, '其他资金', blank=False)
        fb = tf(doc, 'exp.basic', bas_p, title, '基本支出', blank=False)
        fp = tf(doc, 'exp.proj', pro_p, title, '项目支出', blank=False)
        doc.ident('sum', total=ft, parts=[ff, fo], where='table', tree=True)
        doc.ident('sum', total=ft, parts=[fb, fp], where='table', tree=True)
        rows.append(['预算情况', '部门预算总额（%s）' % o['tab_unit'], ('F', ft), ''])
        rows.append(['', '资金来源：（1）财政性资金', ('F', ff), ''])
        rows.append(['', '　　　　　（2）其他资金', ('F', fo), ''])
        rows.append(['', '资金结构：（1）基本支出', ('F', fb), ''])
        rows.append(['', '　　　　　（2）项目支出', ('F', fp), ''])
        if defect:
            tgt = fp if info == 'proj' else ft
            doc.defect_info = dict(cls='perf-table', where=doc.figs[tgt]['printed'], fid=tgt,
                                   stated=doc.figs[tgt]['printed'],
                                   expected=tf_print(doc, pro if info == 'proj' else tot),
                                   note='整体绩效目标表中的%s与部门预算表不一致。' % ('项目支出' if info == 'proj' else '部门预算总额'),
                                   table=title, row='项目支出' if info == 'proj' else '部门预算总额')
        header = [[('项目', 1, 1), ('内容', 1, 1), ('金额', 1, 1), ('备注', 1, 1)]]
    else:
        A = dict(b=f['exp_basic'] + rng.randint(0, 3) * 1000000 // 3, p=f['exp_proj'] + f['cout'] + rng.randint(0, 5) * 100000)
        A['t'] = A['b'] + A['p']
        Bv = dict(t=f['exp_total'], b=f['exp_basic'], p=f['exp_proj'])
        if defect:
            delta = max(int(Bv['t'] * rng.uniform(0.06, 0.2)), 300000)
            mode = rng.choice(['proj', 'total'])
            if mode == 'proj':
                Bv['p'] += delta
                Bv['t'] += delta
            else:
                Bv['t'] += delta
        header = [[('项目', 1, 1), ('全年预算数（A）', 1, 1), ('全年执行数（B）', 1, 1), ('执行率（B/A）', 1, 1)]]
        fa, fb_ = {}, {}
        for k, lab, key in (('t', '年度资金总额', 'exp.total'), ('b', '其中：基本支出', 'exp.basic'),
                            ('p', '　　　项目支出', 'exp.proj')):
            fa[k] = tf(doc, None, A[k], title, lab, blank=False)
            fb_[k] = tf(doc, key, Bv[k], title, lab, blank=False)
            pf = doc.fig(None, Fraction(Bv[k], A[k]), 'pct', dec=doc.pd, ctx=title, row=lab)
            doc.ident('completion', pct=pf, actual=fb_[k], budget=fa[k])
            rows.append([lab, ('F', fa[k]), ('F', fb_[k]), ('F', pf)])
        doc.ident('sum', total=fa['t'], parts=[fa['b'], fa['p']], where='table', tree=True)
        doc.ident('sum', total=fb_['t'], parts=[fb_['b'], fb_['p']], where='table', tree=True)
        if defect:
            tgt = fb_['p'] if mode == 'proj' else fb_['t']
            # rate recomputed by the publisher from the wrong figure: keep completion consistent
            doc.defect_info = dict(cls='perf-table', where=doc.figs[tgt]['printed'], fid=tgt,
                                   stated=doc.figs[tgt]['printed'],
                                   expected=tf_print(doc, f['exp_proj'] if mode == 'proj' else f['exp_total']),
                                   note='整体支出绩效自评表中的全年执行数与决算报表不一致。', table=title,
                                   row='项目支出' if mode == 'proj' else '年度资金总额')
    # indicators
    sat = f['perf_sat']
    ind = [('产出指标', '数量指标', '完成重点工作任务数', '≥%d项' % rng.randint(4, 12)),
           ('产出指标', '质量指标', '预算执行率', '≥%d%%' % rng.choice([90, 95])),
           ('产出指标', '时效指标', '任务按时完成率', '100%'),
           ('效益指标', '社会效益指标', '政务信息公开及时性', '及时'),
           ('满意度指标', '服务对象满意度指标', '服务对象满意度', None)]
    if B:
        rows.append(['一级指标', '二级指标', '三级指标', '指标值'])
    else:
        rows.append(['一级指标', '二级指标', '三级指标', '年度指标值 / 实际完成值'])
    for a, b, c, v in ind:
        if v is None:
            sf = doc.fig(None, sat, 'cnt', ctx=title, pre='≥', post='%', printed=str(sat), row=c)
            doc.ident('max', f=sf, max=100)
            rows.append([a, b, c, ('T', '≥', sf, '%')])
        else:
            rows.append([a, b, c, v])
    add_table(doc, title, header, rows, 4, kind='perf', label_cols=1, role='perf')


def tf_print(doc, v):
    from doc3 import fmt_amt
    return fmt_amt(v, doc.o['tab_unit'], doc.o['tab_dec'], doc.o['tab_sep'])
