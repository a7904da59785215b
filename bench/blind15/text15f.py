"""Text of a 部门决算 (final): 概况, 情况说明, 其他重要事项 — every figure registered."""
from catalog15 import REASONS_OVER, REASONS_UNDER, REASONS_ZEROBUD, WORK_ITEMS
from doc15 import Mark
from tablekit15 import cn


def hn(o, i, level=2):
    if level == 2:
        return f'{cn(i)}、' if o['num'] != 'arabic' else f'{i}.'
    return f'（{cn(i)}）' if o['num'] == 'cn' else f'({i})'


def overview(doc, tx, f, o, budget):
    Y = f.year
    word = '预算' if budget else '决算'
    doc.h(2, hn(o, 1) + '主要职能')
    doc.p(f.kind['duty'].replace('全县', f.area))
    items = tx.rng.sample(WORK_ITEMS, 3)
    doc.p(f'{Y}年度重点工作：' if not budget else f'{Y}年重点工作安排：',
          '；'.join(f'{i + 1}.{w}' for i, w in enumerate(items)) + '。')
    doc.h(2, hn(o, 2) + f'机构设置及{word}单位构成')
    nu = len(f.units)
    segs = [f'纳入本部门{Y}年度部门{word}编制范围的单位共' if not budget else f'纳入本部门{Y}年部门{word}编制范围的单位共',
            tx.n('units.total', nu, '个'), '个，其中：行政单位', tx.n('units.admin', f.n_admin, '个'),
            '个，参照公务员法管理的事业单位', tx.n('units.cg', f.n_cg, '个'), '个，其他事业单位',
            tx.n('units.sy', f.n_sy, '个'), '个。具体包括：' + '、'.join(u for u, _ in f.units) + '。']
    figs = [s for s in segs if not isinstance(s, str)]
    doc.ident('sum', total=figs[0], parts=figs[1:])
    doc.p(*segs)
    from doc15 import Table
    t = Table(0, '单位构成', f'{word}单位构成情况表', '', 3)
    t.add_header([('序号', 1, 1), ('单位名称', 1, 1), ('单位性质', 1, 1)])
    for i, (u, nat) in enumerate(f.units):
        t.add_row([str(i + 1), u, nat])
    t.plain = True
    doc.blocks.append(['t', t])
    doc.h(2, hn(o, 3) + '人员情况')
    s = f.staff
    segs = [f'截至{Y - 1 if budget else Y}年底，本部门编制总数', tx.n('staff.bz', s.bz, '人'), '人，其中：行政编制',
            tx.n('staff.bz_admin', s.bz_admin, '人'), '人，事业编制', tx.n('staff.bz_inst', s.bz_inst, '人'),
            '人；实有在职人员', tx.n('staff.real', s.real, '人'), '人，其中：行政人员', tx.n('staff.real_admin', s.real_admin, '人'),
            '人，事业人员', tx.n('staff.real_inst', s.real_inst, '人'), '人；离退休人员', tx.n('staff.retired', s.retired, '人'),
            '人，其中：离休', tx.n('staff.lixiu', s.lixiu, '人'), '人，退休', tx.n('staff.tuixiu', s.tuixiu, '人'), '人。']
    fg = [x for x in segs if not isinstance(x, str)]
    doc.ident('sum', total=fg[0], parts=fg[1:3])
    doc.ident('sum', total=fg[3], parts=fg[4:6])
    doc.ident('sum', total=fg[6], parts=fg[7:9])
    doc.p(*segs)


def final_explain(doc, tx, f, o):
    Y, u = f.year, tx.unit
    K = {}
    a = tx.a
    i = 0

    def H(title):
        nonlocal i
        i += 1
        doc.h(2, hn(o, i) + title)
    H('收入支出决算总体情况说明')
    g1 = K['grand'] = a('grand', f.grand)
    g2 = a('grand', f.grand)
    inc, use, st = a('inc.all.tot', f.inc), a('use_nf', f.use_nf), a('start.all', f.start)
    exp, dist, end = a('exp.all.tot', f.exp), a('dist', f.dist), a('end.all', f.end)
    K.update(inc=inc, exp=exp)
    doc.ident('sum', total=g1, parts=[inc, use, st])
    doc.ident('sum', total=g2, parts=[exp, dist, end])
    up = f.grand > f.prev.grand
    doc.p(f'{Y}年度收入总计', g1, u, '，支出总计', g2, u, '。收入总计包括：本年收入合计', inc, u, '，',
          o['use_label'], use, u, '，年初结转和结余', st, u, '；支出总计包括：本年支出合计', exp, u, '，结余分配', dist, u,
          '，年末结转和结余', end, u, '。',
          *tx.growth('g.grand', g1, f.grand, f.prev.grand, both=True, reason=tx.reason(up)), '。')
    H('收入决算情况说明')
    inc2 = a('inc.all.tot', f.inc)
    parts = [('财政拨款收入', 'inc.all.fin', f.inc_gpb + f.inc_gf), ('上级补助收入', 'inc.all.sj', f.inc_sj),
             ('事业收入', 'inc.all.sy', f.inc_sy), ('经营收入', 'inc.all.jy', 0), ('附属单位上缴收入', 'inc.all.fs', 0),
             ('其他收入', 'inc.all.qt', f.inc_qt)]
    segs, pf = [f'{Y}年度本年收入合计', inc2, u, '，其中：'], []
    for j, (lab, k, v) in enumerate(parts):
        fi = a(k, v)
        pf.append(fi)
        segs += [lab, fi, u, '，'] + tx.share(fi, inc2, f's.{k}', '占本年收入合计的' if j == 0 else '占')
        segs.append('；' if j < len(parts) - 1 else '。')
    doc.ident('sum', total=inc2, parts=pf)
    doc.p(*segs)
    H('支出决算情况说明')
    exp2 = a('exp.all.tot', f.exp)
    parts = [('基本支出', 'exp.all.bas', f.basic), ('项目支出', 'exp.all.prj', f.proj), ('上缴上级支出', 'exp.all.sj', 0),
             ('经营支出', 'exp.all.jy', 0), ('对附属单位补助支出', 'exp.all.fz', 0)]
    segs, pf = [f'{Y}年度本年支出合计', exp2, u, '，其中：'], []
    for j, (lab, k, v) in enumerate(parts):
        fi = a(k, v)
        pf.append(fi)
        segs += [lab, fi, u, '，'] + tx.share(fi, exp2, f's.{k}', '占本年支出合计的' if j == 0 else '占')
        segs.append('；' if j < len(parts) - 1 else '。')
    doc.ident('sum', total=exp2, parts=pf)
    doc.p(*segs)
    K['basic'], K['proj'] = pf[0], pf[1]
    doc.p('基本支出主要用于保障机构正常运转和完成日常工作任务；项目支出主要用于', '、'.join(p.name for p in f.projects[:3]),
          '等专项工作。')
    H('财政拨款收入支出决算总体情况说明')
    fg = a('fin.grand', f.gpb + f.gf + f.gpb_end + f.gf_end)
    fs_, fi_ = a('fin.start', f.gpb_start + f.gf_start), a('fin.inc', f.inc_gpb + f.inc_gf)
    fe, fend = a('fin.exp', f.gpb + f.gf), a('fin.end', f.gpb_end + f.gf_end)
    doc.ident('sum', total=fg, parts=[fs_, fi_])
    doc.ident('sum', total=fg, parts=[fe, fend])
    up = f.gpb + f.gf > f.prev.fin
    doc.p(f'{Y}年度财政拨款收、支总计', fg, u, '，其中：年初财政拨款结转和结余', fs_, u, '，本年财政拨款收入', fi_, u,
          '；本年财政拨款支出', fe, u, '，年末财政拨款结转和结余', fend, u, '。',
          *tx.growth('g.fin', fg, f.gpb + f.gf + f.gpb_end + f.gf_end, f.prev.fin, both=True, reason=tx.reason(up)), '。')
    H('一般公共预算财政拨款支出决算情况说明')
    doc.h(3, hn(o, 1, 3) + '一般公共预算财政拨款支出决算总体情况')
    gp = K['gpb'] = a('gpb.all.fin', f.gpb)
    gi = a('gpb.all.init', f.gpb_init)
    up = f.gpb > f.gpb_prev
    doc.p(f'{Y}年度一般公共预算财政拨款支出', gp, u, '，', *tx.share(gp, exp, 's.gpb', '占本年支出合计的'), '。',
          *tx.growth('g.gpb', gp, f.gpb, f.gpb_prev, reason=tx.reason(up)), '。与年初预算', gi, u, '相比，',
          *tx.completion(gp, gi, 'c.gpb'), '。')
    doc.h(3, hn(o, 2, 3) + '一般公共预算财政拨款支出决算结构情况')
    cls = sorted({lf.cls for lf in f.leaves if lf.gpb})
    segs, cf = [f'{Y}年度一般公共预算财政拨款支出', a('gpb.all.fin', f.gpb), u, '，主要用于以下方面：'], []
    gp2 = segs[1]
    for j, c in enumerate(cls):
        ls = [lf for lf in f.leaves if lf.cls == c and lf.gpb]
        fi = a(f'gpb.{c}.fin', sum(lf.gpb for lf in ls))
        cf.append(fi)
        segs += [ls[0].cls_name, '（类）', fi, u, '，'] + tx.share(fi, gp2, f's.gpb.{c}')
        segs.append('；' if j < len(cls) - 1 else '。')
    doc.ident('sum', total=gp2, parts=cf)
    doc.p(*segs)
    doc.h(3, hn(o, 3, 3) + '一般公共预算财政拨款支出决算具体情况')
    doc.p(f'{Y}年度一般公共预算财政拨款支出年初预算为', a('gpb.all.init', f.gpb_init), u, '，支出决算为',
          a('gpb.all.fin', f.gpb), u, '。其中：')
    for j, lf in enumerate([x for x in f.leaves if x.gpb]):
        fi, bi = a(f'gpb.{lf.code}.fin', lf.gpb), a(f'gpb.{lf.code}.init', lf.init)
        segs = [f'{j + 1}.{lf.cls_name}（类）{lf.kuan_name}（款）{lf.name}（项）：年初预算为', bi, u, '，支出决算为', fi, u, '，']
        if lf.init == 0:
            segs += [Mark('决算数大于年初预算数的主要原因是', kind='zero_budget', num=fi, den=bi),
                     tx.rng.choice(REASONS_ZEROBUD), '。']
        else:
            segs += tx.completion(fi, bi, f'c.{lf.code}')
            r = lf.gpb / lf.init
            if abs(r - 1) < 0.005:
                segs += ['，决算数与年初预算数基本一致。']
            elif r > 1:
                segs += [Mark('。决算数大于年初预算数的主要原因是', kind='reason'), tx.rng.choice(REASONS_OVER), '。']
            else:
                segs += [Mark('。决算数小于年初预算数的主要原因是', kind='reason'), tx.rng.choice(REASONS_UNDER), '。']
        doc.p(*segs)
    H('一般公共预算财政拨款基本支出决算情况说明')
    bs, pe, pu = a('gpb.all.bas', f.gpb_basic), a('eco.person', f.person), a('eco.public', f.public)
    K['public'] = pu
    doc.ident('sum', total=bs, parts=[pe, pu])
    if o['basic_list'] == 'amounts':
        s1, f1 = tx.items_list([x for x in f.person_items], 'eco')
        s2, f2 = tx.items_list([x for x in f.public_items], 'eco')
        doc.ident('sum', total=pe, parts=f1)
        doc.ident('sum', total=pu, parts=f2)
    else:
        s1 = ['主要包括：' + '、'.join(n for _, n, _ in f.person_items)]
        s2 = ['主要包括：' + '、'.join(n for _, n, _ in f.public_items)]
    doc.p(f'{Y}年度一般公共预算财政拨款基本支出', bs, u, '，其中：')
    doc.p('人员经费', pe, u, '，', *s1, '。')
    doc.p('公用经费', pu, u, '，', *s2, '。')
    H('财政拨款“三公”经费支出决算情况说明')
    sangong_final(doc, tx, f, o, K)
    H('政府性基金预算财政拨款支出决算情况说明')
    if f.gf:
        gfa = a('gf.all.fin', f.gf)
        doc.p(f'{Y}年度政府性基金预算财政拨款支出', gfa, u, '，主要用于',
              '、'.join(sorted({lf.name for lf in f.leaves if lf.gf})), '。')
    else:
        doc.p(f'本部门{Y}年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，'
              '故《政府性基金预算财政拨款收入支出决算表》为空表。')
    H('国有资本经营预算财政拨款支出决算情况说明')
    doc.p(f'本部门{Y}年度没有国有资本经营预算财政拨款收入和支出，故《国有资本经营预算财政拨款支出决算表》为空表。')
    return K


def sangong_final(doc, tx, f, o, K):
    Y, u, a, sg = f.year, tx.unit, tx.a, f.sg
    doc.h(3, hn(o, 1, 3) + '“三公”经费财政拨款支出决算总体情况说明')
    bt, ft = a('sg.b.total', sg.b_total), a('sg.f.total', sg.total)
    segs = [f'{Y}年度“三公”经费财政拨款支出预算为', bt, u, '，支出决算为', ft, u, '，', *tx.completion(ft, bt, 'c.sg', '完成预算的'),
            '。其中：']
    names = [('abroad', '因公出国（境）费'), ('car', '公务用车购置及运行维护费'), ('recept', '公务接待费')]
    fb, ff = [], []
    for j, (k, nm) in enumerate(names):
        b, x = a(f'sg.b.{k}', sg['b_' + k]), a(f'sg.f.{k}', sg[k])
        fb.append(b)
        ff.append(x)
        segs += [nm, '支出预算为', b, u, '，支出决算为', x, u]
        c = tx.completion(x, b, f'c.sg.{k}', '，完成预算的')
        segs += c if c else [Mark('，未安排预算也未发生支出', kind='zero_budget_sg', num=x, den=b) if sg[k] == 0 else '']
        segs.append('；' if j < 2 else '。')
    doc.ident('sum', total=bt, parts=fb)
    doc.ident('sum', total=ft, parts=ff)
    segs += ['决算数小于预算数的主要原因是认真落实中央八项规定精神，厉行节约，严格控制“三公”经费支出。'
             if sg.total <= sg.b_total else '决算数大于预算数的主要原因是年中新增公务用车购置支出。']
    doc.p(*segs)
    ft2 = a('sg.f.total', sg.total)
    doc.p(f'{Y}年度“三公”经费财政拨款支出决算', ft2, u, '，', *tx.growth('g.sg', ft2, sg.total, sg.p_total,
                                                                   reason=tx.reason(sg.total > sg.p_total)), '。')
    doc.h(3, hn(o, 2, 3) + '“三公”经费财政拨款支出决算具体情况说明')
    ft3 = a('sg.f.total', sg.total)
    segs = [f'{Y}年度“三公”经费财政拨款支出决算', ft3, u, '，其中：']
    parts = []
    for j, (k, nm) in enumerate(names):
        x = a(f'sg.f.{k}', sg[k])
        parts.append(x)
        segs += [nm, '支出决算', x, u, '，'] + (tx.share(x, ft3, f's.sg.{k}') if sg.total else [])
        segs.append('；' if j < 2 else '。')
    doc.ident('sum', total=ft3, parts=parts)
    doc.p(*segs)
    doc.p('1.因公出国（境）费支出', a('sg.f.abroad', 0), u, '，全年安排因公出国（境）团组', tx.n('sg.groups', 0, '个'),
          '个，累计', tx.n('sg.abroad_persons', 0, '人次'), '人次。', *tx.growth('g.sg.abroad', None, 0, 0), '。')
    car, buy, run = a('sg.f.car', sg.car), a('sg.f.car_buy', sg.car_buy), a('sg.f.car_run', sg.car_run)
    doc.ident('sum', total=car, parts=[buy, run])
    nv = tx.n('veh.fin', f.n_veh_fin, '辆')
    K['veh_fin'] = nv
    doc.p('2.公务用车购置及运行维护费支出', car, u, '。其中：公务用车购置费', buy, u, '，购置车辆',
          tx.n('sg.n_buy', sg.n_buy, '辆'), '辆；公务用车运行维护费', run, u,
          '，主要用于按规定保留的公务用车燃料费、维修费、过路过桥费、保险费等支出。截至', f'{f.year}年12月31日，'
          '使用财政拨款开支的公务用车保有量为', nv, '辆。公务用车运行维护费',
          *tx.growth('g.sg.run', run, sg.car_run, sg.p_car_run), '。')
    rc = a('sg.f.recept', sg.recept)
    doc.p('3.公务接待费支出', rc, u, '，共接待国内公务', tx.n('sg.batches', sg.batches, '批次'), '批次、',
          tx.n('sg.persons', sg.persons, '人次'), '人次；国（境）外公务接待', tx.n('sg.fbatch', 0, '批次'), '批次。',
          *tx.growth('g.sg.recept', rc, sg.recept, sg.p_recept), '。')


def final_other(doc, tx, f, o, K, perf_figs):
    Y, u, a = f.year, tx.unit, tx.a
    i = 0

    def H(title):
        nonlocal i
        i += 1
        doc.h(2, hn(o, i) + title)
    H('机关运行经费支出情况')
    jg = a('jg', f.jg)
    doc.ident('le', a=jg, b=K['public'])
    doc.p(f'{Y}年度本部门机关运行经费支出', jg, u, '，', *tx.growth('g.jg', jg, f.jg, f.jg_prev,
                                                             reason=tx.reason(f.jg > f.jg_prev)),
          '。机关运行经费主要用于办公费、水电费、差旅费、公务用车运行维护费等日常公用支出。')
    H('政府采购支出情况')
    pc = f.pc
    tot, gd, wk, sv = a('pc.total', pc.total), a('pc.goods', pc.goods), a('pc.works', pc.works), a('pc.service', pc.service)
    sme, small = a('pc.sme', pc.sme), a('pc.small', pc.small)
    doc.ident('sum', total=tot, parts=[gd, wk, sv])
    doc.ident('le', a=small, b=sme)
    doc.ident('le', a=sme, b=tot)
    doc.p(f'{Y}年度本部门政府采购支出总额', tot, u, '，其中：政府采购货物支出', gd, u, '、政府采购工程支出', wk, u,
          '、政府采购服务支出', sv, u, '。授予中小企业合同金额', sme, u, '，', *tx.share(sme, tot, 's.pc.sme', '占政府采购支出总额的'),
          '，其中：授予小微企业合同金额', small, u, '，', *tx.share(small, tot, 's.pc.small', '占政府采购支出总额的'), '。')
    H('国有资产占用情况')
    nt = tx.n('veh.total', f.n_veh, '辆')
    segs = [f'截至{Y}年12月31日，本部门共有车辆', nt, '辆，其中：']
    parts = []
    for j, (k, c) in enumerate(f.vehicles):
        x = tx.n(f'veh.{k}', c, '辆')
        parts.append(x)
        segs += [k, x, '辆', '、' if j < len(f.vehicles) - 1 else '；']
    doc.ident('sum', total=nt, parts=parts)
    doc.ident('le', a=K['veh_fin'], b=nt)
    segs += ['单位价值50万元以上通用设备', tx.n('equip50', f.equip50, '台（套）'), '台（套），单位价值100万元以上专用设备',
             tx.n('equip100', f.equip100, '台（套）'), '台（套）。']
    doc.p(*segs)
    H('预算绩效管理情况')
    ev = [f.projects[j] for j in f.evaluated]
    amt = a('perf.eval_amt', sum(p.exec for p in ev))
    gp = a('gpb.all.prj', f.gpb_proj)
    doc.p('根据预算绩效管理要求，本部门组织对', f'{Y}年度一般公共预算项目支出开展绩效自评，共涉及项目',
          tx.n('perf.n', len(ev), '个'), '个，资金', amt, u, '，', *tx.share(amt, gp, 's.perf', '占一般公共预算项目支出总额的'),
          '（一般公共预算项目支出总额', gp, u, '）。')
    ex = []
    for j in f.evaluated:
        p = f.projects[j]
        ad, exf = a(f'prj.{j}.adj', p.adj), a(f'prj.{j}.exec', p.exec)
        ex.append(exf)
        segs = [f'{len(ex)}.{p.name}项目：全年预算数', ad, u, '，执行数', exf, u, '，',
                *tx.completion(exf, ad, f'prj.{j}.rate', '完成预算的')]
        if j in perf_figs:
            sc = doc.fig(f'prj.{j}.total', 'score', perf_figs[j], '分', 2)
            segs += ['，项目自评得分', sc, '分']
        doc.p(*segs, '。')
    doc.ident('sum', total=amt, parts=ex)
    wt = f.whole
    wa = a('whole.adj', wt.adj_b + wt.adj_p)
    we = a('exp.all.tot', f.exp)
    segs = ['部门整体支出绩效自评：全年预算数', wa, u, '，全年执行数', we, u, '，', *tx.completion(we, wa, 'whole.rate', '预算执行率为')]
    if 'whole' in perf_figs:
        segs += ['，自评得分', doc.fig('whole.total', 'score', perf_figs['whole'], '分', 2), '分']
    doc.p(*segs, '。具体情况详见部门整体支出绩效自评表和项目支出绩效自评表。')
