"""Text of a 部门预算 (budget): 情况说明 and 其他重要事项 — every figure registered."""
from text15f import hn


def budget_explain(doc, tx, f, o):
    Y, u, a = f.year, tx.unit, tx.a
    K = {}
    i = 0

    def H(title):
        nonlocal i
        i += 1
        doc.h(2, hn(o, i) + title)
    H('收支预算总体情况说明')
    g1, g2 = a('grand', f.grand), a('grand', f.grand)
    inc, st, exp = a('inc.all.tot', f.inc), a('start.all', f.start), a('exp.all.tot', f.exp)
    doc.ident('sum', total=g1, parts=[inc, st])
    doc.ident('sum', total=g2, parts=[exp])
    up = f.grand > f.prev.grand
    doc.p(f'{Y}年收入总计', g1, u, '，支出总计', g2, u, '。其中：本年收入合计', inc, u, '，上年结转结余', st, u,
          '；本年支出合计', exp, u, '。', *tx.growth('g.grand', g1, f.grand, f.prev.grand, budget=True, both=True,
                                               reason=tx.reason(up)), '。')
    H('收入预算情况说明')
    inc2 = a('inc.all.tot', f.inc)
    parts = [('一般公共预算拨款收入', 'inc.all.gpb', f.inc_gpb), ('政府性基金预算拨款收入', 'inc.all.gf', f.inc_gf),
             ('事业收入', 'inc.all.sy', f.inc_sy), ('上级补助收入', 'inc.all.sj', f.inc_sj), ('其他收入', 'inc.all.qt', f.inc_qt)]
    segs, pf = [f'{Y}年本年收入合计', inc2, u, '，其中：'], []
    for j, (lab, k, v) in enumerate(parts):
        fi = a(k, v)
        pf.append(fi)
        segs += [lab, fi, u, '，'] + tx.share(fi, inc2, f's.{k}', '占本年收入合计的' if j == 0 else '占')
        segs.append('；' if j < len(parts) - 1 else '。')
    doc.ident('sum', total=inc2, parts=pf)
    segs += ['另有上年结转结余', a('start.all', f.start), u, '。']
    doc.p(*segs)
    H('支出预算情况说明')
    exp2 = a('exp.all.tot', f.exp)
    b, p = a('exp.all.bas', f.basic), a('exp.all.prj', f.proj)
    doc.ident('sum', total=exp2, parts=[b, p])
    doc.p(f'{Y}年本年支出合计', exp2, u, '，其中：基本支出', b, u, '，', *tx.share(b, exp2, 's.exp.bas', '占本年支出合计的'),
          '；项目支出', p, u, '，', *tx.share(p, exp2, 's.exp.prj'), '。基本支出主要用于保障机构正常运转，项目支出主要用于',
          '、'.join(x.name for x in f.projects[:3]), '等专项工作。')
    H('财政拨款收支预算总体情况说明')
    fg = a('fin.grand', f.gpb + f.gf)
    g_, gfx, fst = a('inc.all.gpb', f.inc_gpb), a('inc.all.gf', f.inc_gf), a('fin.start', f.gpb_start + f.gf_start)
    doc.ident('sum', total=fg, parts=[g_, gfx, fst])
    fprev = f.prev.fin
    doc.p(f'{Y}年财政拨款收、支总计', fg, u, '，其中：一般公共预算拨款收入', g_, u, '，政府性基金预算拨款收入', gfx, u,
          '，上年财政拨款结转', fst, u, '。', *tx.growth('g.fin', fg, f.gpb + f.gf, fprev, budget=True, both=True,
                                                   reason=tx.reason(f.gpb + f.gf > fprev)), '。')
    H('一般公共预算支出预算情况说明')
    doc.h(3, hn(o, 1, 3) + '一般公共预算支出预算总体情况')
    gp = a('gpb.all.fin', f.gpb)
    doc.p(f'{Y}年一般公共预算支出', gp, u, '，', *tx.share(gp, exp, 's.gpb', '占本年支出合计的'), '。',
          *tx.growth('g.gpb', gp, f.gpb, f.gpb_prev, budget=True, reason=tx.reason(f.gpb > f.gpb_prev)), '。')
    doc.h(3, hn(o, 2, 3) + '一般公共预算支出预算结构情况')
    cls = sorted({lf.cls for lf in f.leaves if lf.gpb})
    gp2 = a('gpb.all.fin', f.gpb)
    segs, cf = [f'{Y}年一般公共预算支出', gp2, u, '，主要用于以下方面：'], []
    for j, c in enumerate(cls):
        ls = [lf for lf in f.leaves if lf.cls == c and lf.gpb]
        fi = a(f'gpb.{c}.fin', sum(lf.gpb for lf in ls))
        cf.append(fi)
        segs += [ls[0].cls_name, '（类）', fi, u, '，'] + tx.share(fi, gp2, f's.gpb.{c}')
        segs.append('；' if j < len(cls) - 1 else '。')
    doc.ident('sum', total=gp2, parts=cf)
    doc.p(*segs)
    doc.h(3, hn(o, 3, 3) + '一般公共预算支出预算具体情况')
    for j, lf in enumerate([x for x in f.leaves if x.gpb]):
        fi = a(f'gpb.{lf.code}.fin', lf.gpb)
        segs = [f'{j + 1}.{lf.cls_name}（类）{lf.kuan_name}（款）{lf.name}（项）：{Y}年预算数为', fi, u, '，']
        segs += tx.growth(f'g.{lf.code}', fi, lf.gpb, lf.prev, budget=True, reason=tx.reason(lf.gpb > lf.prev))
        doc.p(*segs, '。')
    H('一般公共预算基本支出预算情况说明')
    bs, pe, pu = a('gpb.all.bas', f.gpb_basic), a('eco.person', f.person), a('eco.public', f.public)
    doc.ident('sum', total=bs, parts=[pe, pu])
    K['public'] = pu
    if o['basic_list'] == 'amounts':
        s1, f1 = tx.items_list(f.person_items, 'eco')
        s2, f2 = tx.items_list(f.public_items, 'eco')
        doc.ident('sum', total=pe, parts=f1)
        doc.ident('sum', total=pu, parts=f2)
    else:
        s1 = ['主要包括：' + '、'.join(n for _, n, _ in f.person_items)]
        s2 = ['主要包括：' + '、'.join(n for _, n, _ in f.public_items)]
    doc.p(f'{Y}年一般公共预算基本支出', bs, u, '，其中：')
    doc.p('人员经费', pe, u, '，', *s1, '。')
    doc.p('公用经费', pu, u, '，', *s2, '。')
    H('一般公共预算“三公”经费支出预算情况说明')
    sg = f.sg
    bt = a('sg.b.total', sg.b_total)
    segs = [f'{Y}年“三公”经费预算', bt, u, '，',
            *tx.growth('g.sg', bt, sg.b_total, sg.p_total, budget=True, reason=tx.reason(sg.b_total > sg.p_total)),
            '。其中：']
    parts = []
    for j, (k, nm) in enumerate([('abroad', '因公出国（境）费'), ('car', '公务用车购置及运行维护费'), ('recept', '公务接待费')]):
        x = a(f'sg.b.{k}', sg['b_' + k])
        parts.append(x)
        segs += [nm, x, u]
        if k == 'car':
            cb, cr = a('sg.b.car_buy', sg.b_car_buy), a('sg.b.car_run', sg.b_car_run)
            doc.ident('sum', total=x, parts=[cb, cr])
            segs += ['（其中：公务用车购置费', cb, u, '，公务用车运行维护费', cr, u, '）']
        segs += ['，'] + (tx.share(x, bt, f's.sg.{k}') if sg.b_total else [])
        segs.append('；' if j < 2 else '。')
    doc.ident('sum', total=bt, parts=parts)
    doc.p(*segs)
    H('政府性基金预算支出预算情况说明')
    if f.gf:
        doc.p(f'{Y}年政府性基金预算支出', a('gf.all.fin', f.gf), u, '，主要用于',
              '、'.join(sorted({lf.name for lf in f.leaves if lf.gf})), '。')
    else:
        doc.p(f'本部门{Y}年没有使用政府性基金预算拨款安排的支出，《政府性基金预算支出表》无数据。')
    H('国有资本经营预算支出预算情况说明')
    doc.p(f'本部门{Y}年没有使用国有资本经营预算拨款安排的支出，《国有资本经营预算支出表》无数据。')
    return K


def budget_other(doc, tx, f, o, K):
    Y, u, a = f.year, tx.unit, tx.a
    i = 0

    def H(title):
        nonlocal i
        i += 1
        doc.h(3, hn(o, i, 3) + title)
    H('机关运行经费')
    jg = a('jg', f.jg)
    doc.ident('le', a=jg, b=K['public'])
    doc.p(f'{Y}年本部门机关运行经费预算', jg, u, '，', *tx.growth('g.jg', jg, f.jg, f.jg_prev, budget=True,
                                                           reason=tx.reason(f.jg > f.jg_prev)), '。')
    H('政府采购情况')
    pc = f.pc
    tot, gd, wk, sv = a('pc.total', pc.total), a('pc.goods', pc.goods), a('pc.works', pc.works), a('pc.service', pc.service)
    sme = a('pc.sme', pc.sme)
    doc.ident('sum', total=tot, parts=[gd, wk, sv])
    doc.ident('le', a=sme, b=tot)
    doc.p(f'{Y}年本部门政府采购预算总额', tot, u, '，其中：政府采购货物预算', gd, u, '、政府采购工程预算', wk, u,
          '、政府采购服务预算', sv, u, '。面向中小企业预留采购份额', sme, u, '，',
          *tx.share(sme, tot, 's.pc.sme', '占政府采购预算总额的'), '。')
    H('国有资产占用情况')
    nt = tx.n('veh.total', f.n_veh, '辆')
    segs = [f'截至{Y - 1}年12月31日，本部门共有车辆', nt, '辆，其中：']
    parts = []
    for j, (k, c) in enumerate(f.vehicles):
        x = tx.n(f'veh.{k}', c, '辆')
        parts.append(x)
        segs += [k, x, '辆', '、' if j < len(f.vehicles) - 1 else '；']
    doc.ident('sum', total=nt, parts=parts)
    segs += ['单位价值50万元以上通用设备', tx.n('equip50', f.equip50, '台（套）'), '台（套），单位价值100万元以上专用设备',
             tx.n('equip100', f.equip100, '台（套）'), '台（套）。']
    doc.p(*segs)
    H('预算绩效目标设置情况')
    amt = a('gpb.all.prj', f.gpb_proj)
    gp = a('gpb.all.prj', f.gpb_proj)
    doc.p(f'{Y}年本部门实行绩效目标管理的项目', tx.n('perf.n', len(f.projects), '个'), '个，涉及一般公共预算当年拨款', amt, u,
          '，', *tx.share(amt, gp, 's.perf', '占一般公共预算项目支出预算的'), '（一般公共预算项目支出预算', gp, u,
          '）。部门整体绩效目标和项目绩效目标详见附表。')
