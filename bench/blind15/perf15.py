"""Performance tables: 项目支出绩效自评表, 部门整体支出绩效自评表 (final); 整体/项目绩效目标表 (budget)."""
from fractions import Fraction as F

from catalog15 import INDICATORS
from doc15 import round_half_up

W = 1000000


def indicators(rng, pj, final, weight_total=90):
    """Indicator rows for one project: list of dicts."""
    n = rng.randint(4, 7)
    picks = [INDICATORS[0], INDICATORS[2]] + rng.sample(INDICATORS[1:2] + INDICATORS[3:7], n - 3) + [INDICATORS[7]]
    picks.sort(key=INDICATORS.index)
    ws = [rng.randint(8, 25) for _ in picks]
    s = sum(ws)
    ws = [w * weight_total // s for w in ws]
    ws[0] += weight_total - sum(ws)
    out = []
    miss_budget = 1 if (final and rng.random() < 0.5) else 0
    for (l1, l2, l3, unit, d), w in zip(picks, ws):
        r = dict(l1=l1, l2=l2, l3=l3, unit=unit, dir=d, w=w, reason='')
        if d == 'q':
            r.update(target='有效提升' if '便利' in l3 else '基本建立', actual=None, tdec=0)
            r['actual_txt'] = r['target']
        elif unit == '万元':
            r.update(target=F(round_half_up(F(pj.adj, W), 2)), tdec=2, dir='le')
            r['actual'] = F(round_half_up(F(pj.exec, W), 2))
        elif unit == '%':
            tgt = rng.choice([90, 95, 98, 100]) if '满意' in l3 or '合格' in l3 else 100
            r.update(target=F(tgt), tdec=0)
            r['actual'] = F(min(100, tgt + rng.randint(0, 6))) if '满意' in l3 else F(tgt)
        else:
            tgt = rng.randint(6, 300)
            r.update(target=F(tgt), tdec=0, actual=F(tgt + rng.randint(0, 12)))
        r['score'] = F(w)
        if final and miss_budget and d == 'ge' and unit in ('次', '个'):
            r['actual'] = r['target'] - rng.randint(1, max(1, int(r['target']) // 5))
            sc = F(int(F(w) * r['actual'] / r['target'] * 100), 100)
            r['score'] = min(sc, F(w) - F(1, 2))
            r['reason'] = '受工作安排调整影响，部分任务顺延至下年完成'
            miss_budget = 0
        out.append(r)
    return out


def _ind_rows(doc, t, tb, key, inds, final):
    rows, ws, ss = [], [], []
    for j, r in enumerate(inds):
        wf = tb.num(t, f'{key}.w{j}', r['w'], 0)
        ws.append(wf)
        if r['dir'] == 'q':
            tv, av = r['target'], r['actual_txt']
        else:
            tv = doc.fig(f'{key}.t{j}', 'val', r['target'], r['unit'], r['tdec'], loc=f'table:{t.tid}')
            av = doc.fig(f'{key}.a{j}', 'val', r['actual'], r['unit'], r['tdec'], loc=f'table:{t.tid}') if final else None
        dtxt = {'ge': '≥', 'le': '≤', 'q': '定性'}[r['dir']]
        row = [r['l1'], r['l2'], r['l3'], dtxt, tv]
        if final:
            sf = tb.num(t, f'{key}.s{j}', r['score'], 2)
            ss.append(sf)
            doc.ident('le', a=sf, b=wf)
            if r['dir'] != 'q':
                doc.ident('notfull', target=tv, actual=av, dir=r['dir'], score=sf, weight=wf)
            row += [av, r['unit'], wf, sf, r['reason']]
        else:
            row += [r['unit'], wf]
        rows.append(row)
    return rows, ws, ss


def project_eval_table(doc, tb, rng, f, i, pj, unit_name):
    """项目支出绩效自评表 for project i (amounts in 万元)."""
    t = tb.new('项目支出绩效自评表', f'项目支出绩效自评表（{f.year}年度）', 10, unit='万元')
    t.form = True
    t.project = i
    key = f'prj.{i}'
    amt = lambda k, v: doc.fig(f'{key}.{k}', 'amt', v, '万元', 2, zero='0', loc=f'table:{t.tid}')  # noqa: E731
    rate = F(pj.exec * 100, pj.adj)
    ff = [amt('init', pj.init), amt('adj', pj.adj), amt('exec', pj.exec)]
    fc = [amt('init', pj.init), amt('adj', pj.adj), amt('exec', pj.exec)]
    z = [amt('carry.init', 0), amt('carry.adj', 0), amt('carry.exec', 0)]
    o_ = [amt('other.init', 0), amt('other.adj', 0), amt('other.exec', 0)]
    w10 = tb.num(t, f'{key}.wfund', 10, 0)
    rf = doc.fig(f'{key}.rate', 'pct', rate, '%', 2, loc=f'table:{t.tid}')
    rc = doc.fig(f'{key}.rate', 'pct', rate, '%', 2, loc=f'table:{t.tid}')
    score = round_half_up(F(10) * rate / 100, 2)
    sf = tb.num(t, f'{key}.sfund', score, 2)
    doc.ident('ratio', pct=rf, num=ff[2], den=ff[1], f=100)
    doc.ident('ratio', pct=rc, num=fc[2], den=fc[1], f=100)
    doc.ident('le', a=sf, b=w10)
    rows = [['项目名称', pj.name] + [None] * 8,
            ['主管部门', f.dept, None, None, None, '实施单位', unit_name, None, None, None],
            ['项目资金（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', None, None],
            [None, '年度资金总额', ff[0], ff[1], ff[2], w10, [rf, '%'], sf, None, None],
            [None, '其中：财政拨款', fc[0], fc[1], fc[2], '-', [rc, '%'], '-', None, None],
            [None, '上年结转资金', z[0], z[1], z[2], '-', '-', '-', None, None],
            [None, '其他资金', o_[0], o_[1], o_[2], '-', '-', '-', None, None],
            ['年度总体目标', '预期目标', None, None, None, '实际完成情况', None, None, None, None],
            [None, f'按计划完成{pj.name}各项工作任务，保障工作有序开展。', None, None, None,
             '已按计划完成年度主要任务，资金使用规范。', None, None, None, None],
            ['一级指标', '二级指标', '三级指标', '指标方向', '年度指标值', '实际完成值', '计量单位', '分值', '得分',
             '偏差原因分析及改进措施']]
    inds = indicators(rng, pj, True)
    irows, ws, ss = _ind_rows(doc, t, tb, key, inds, True)
    rows += irows
    wsum = tb.num(t, f'{key}.wsum', 100, 0)
    total = tb.num(t, f'{key}.total', score + sum(r['score'] for r in inds), 2)
    doc.ident('sum', total=wsum, parts=[w10] + ws)
    doc.ident('sum', total=total, parts=[sf] + ss)
    rows.append(['总分', None, None, None, None, None, None, wsum, total, ''])
    for r in rows:
        t.add_row(r)
    for sp in [(0, 1, 9), (1, 1, 4), (1, 6, 4), (2, 7, 3), (3, 7, 3), (4, 7, 3), (5, 7, 3), (6, 7, 3),
               (7, 1, 4), (7, 5, 5), (8, 1, 4), (8, 5, 5), (len(rows) - 1, 0, 7)]:
        t.span(sp[0], sp[1], sp[2])
    t.span(2, 0, 1, 5)
    t.span(7, 0, 1, 2)
    t.total_fig, t.exec_fig, t.rate_fig, t.adj_fig = total, ff[2], rf, ff[1]
    return t, total, rate


def whole_eval_table(doc, tb, rng, f):
    """部门整体支出绩效自评表: 资金总额 / 基本支出 / 项目支出 against the final tables (all funds)."""
    t = tb.new('部门整体支出绩效自评表', f'部门整体支出绩效自评表（{f.year}年度）', 10, unit='万元')
    t.form = True
    wh = f.whole
    amt = lambda k, v: doc.fig(k, 'amt', v, '万元', 2, zero='0', loc=f'table:{t.tid}')  # noqa: E731
    init = [amt('whole.init', wh.init_b + wh.init_p), amt('whole.init_b', wh.init_b), amt('whole.init_p', wh.init_p)]
    adj = [amt('whole.adj', wh.adj_b + wh.adj_p), amt('whole.adj_b', wh.adj_b), amt('whole.adj_p', wh.adj_p)]
    ex = [amt('exp.all.tot', f.exp), amt('exp.all.bas', f.basic), amt('exp.all.prj', f.proj)]
    for col in (init, adj, ex):
        doc.ident('sum', total=col[0], parts=col[1:])
    rates = []
    for j, k in enumerate(('whole.rate', 'whole.rate_b', 'whole.rate_p')):
        a = [wh.adj_b + wh.adj_p, wh.adj_b, wh.adj_p][j]
        e = [f.exp, f.basic, f.proj][j]
        rf = doc.fig(k, 'pct', F(e * 100, a), '%', 2, loc=f'table:{t.tid}')
        doc.ident('ratio', pct=rf, num=ex[j], den=adj[j], f=100)
        rates.append(rf)
    w10 = tb.num(t, 'whole.wfund', 10, 0)
    score = round_half_up(F(10 * f.exp, wh.adj_b + wh.adj_p), 2)
    sf = tb.num(t, 'whole.sfund', score, 2)
    doc.ident('le', a=sf, b=w10)
    rows = [['部门（单位）名称', f.dept] + [None] * 8,
            ['年度预算执行情况（万元）', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分', None, None],
            [None, '资金总额', init[0], adj[0], ex[0], w10, [rates[0], '%'], sf, None, None],
            [None, '其中：基本支出', init[1], adj[1], ex[1], '-', [rates[1], '%'], '-', None, None],
            [None, '　　　项目支出', init[2], adj[2], ex[2], '-', [rates[2], '%'], '-', None, None],
            ['年度总体目标', '预期目标', None, None, None, '实际完成情况', None, None, None, None],
            [None, '保障部门正常运转，按计划完成年度重点工作任务。', None, None, None,
             '部门运转正常，年度重点工作任务基本完成。', None, None, None, None],
            ['一级指标', '二级指标', '三级指标', '指标方向', '年度指标值', '实际完成值', '计量单位', '分值', '得分',
             '偏差原因分析及改进措施']]
    from facts15 import Obj
    pseudo = Obj(adj=wh.adj_b + wh.adj_p, exec=f.exp)
    inds = indicators(rng, pseudo, True)
    irows, ws, ss = _ind_rows(doc, t, tb, 'whole', inds, True)
    rows += irows
    wsum = tb.num(t, 'whole.wsum', 100, 0)
    total = tb.num(t, 'whole.total', score + sum(r['score'] for r in inds), 2)
    doc.ident('sum', total=wsum, parts=[w10] + ws)
    doc.ident('sum', total=total, parts=[sf] + ss)
    rows.append(['总分', None, None, None, None, None, None, wsum, total, ''])
    for r in rows:
        t.add_row(r)
    for sp in [(0, 1, 9), (1, 7, 3), (2, 7, 3), (3, 7, 3), (4, 7, 3), (5, 1, 4), (5, 5, 5), (6, 1, 4), (6, 5, 5),
               (len(rows) - 1, 0, 7)]:
        t.span(sp[0], sp[1], sp[2])
    t.span(1, 0, 1, 4)
    t.span(5, 0, 1, 2)
    t.exec_figs, t.rate_figs, t.adj_figs, t.total_fig = ex, rates, adj, total
    return t


def whole_target_table(doc, tb, rng, f):
    """部门整体绩效目标表 (budget)."""
    t = tb.new('部门整体绩效目标表', f'部门（单位）整体绩效目标表（{f.year}年度）', 6, unit='万元')
    t.form = True
    amt = lambda k, v: doc.fig(k, 'amt', v, '万元', 2, zero='0', loc=f'table:{t.tid}')  # noqa: E731
    tot, fin, oth = amt('exp.all.tot', f.exp), amt('fin.exp', f.gpb + f.gf), amt('exp.all.nf', f.nf)
    bas, prj = amt('exp.all.bas', f.basic), amt('exp.all.prj', f.proj)
    doc.ident('sum', total=tot, parts=[fin, oth])
    doc.ident('sum', total=tot, parts=[bas, prj])
    rows = [['部门（单位）名称', f.dept, None, None, None, None],
            ['年度履职目标', f'围绕{f.area}中心工作，全面履行部门职责，保障机构正常运转，推进重点项目按计划实施。',
             None, None, None, None],
            ['预算情况（万元）', '部门预算总额', None, None, tot, None],
            [None, '1.资金来源：（1）财政拨款', None, None, fin, None],
            [None, '（2）其他资金', None, None, oth, None],
            [None, '2.资金结构：（1）基本支出', None, None, bas, None],
            [None, '（2）项目支出', None, None, prj, None],
            ['一级指标', '二级指标', '三级指标', '指标方向', '指标值', '计量单位']]
    from facts15 import Obj
    inds = indicators(rng, Obj(adj=f.exp, exec=f.exp), False)
    for j, r in enumerate(inds):
        tv = r['target'] if r['dir'] == 'q' else doc.fig(f'wt.t{j}', 'val', r['target'], r['unit'], r['tdec'],
                                                          loc=f'table:{t.tid}')
        rows.append([r['l1'], r['l2'], r['l3'], {'ge': '≥', 'le': '≤', 'q': '定性'}[r['dir']], tv, r['unit']])
    for r in rows:
        t.add_row(r)
    for i in range(7):
        t.span(i, 1, 3 if i >= 2 else 5)
        if i >= 2:
            t.span(i, 4, 2)
    t.span(2, 0, 1, 5)
    t.target_figs = dict(tot=tot, fin=fin, oth=oth, bas=bas, prj=prj)
    return t


def project_target_table(doc, tb, rng, f):
    """项目支出绩效目标表 (budget): all 一般公共预算 projects."""
    t = tb.new('项目支出绩效目标表', f'{f.year}年项目支出绩效目标表', 10, unit='万元')
    t.add_header([('项目名称', 1, 2), ('项目金额', 3, 1), ('绩效目标', 6, 1)])
    t.add_header([(x, 1, 1) for x in ('资金总额', '财政拨款', '其他资金', '产出指标', '指标值', '效益指标', '指标值',
                                     '满意度指标', '指标值')])
    amt = lambda k, v: doc.fig(k, 'amt', v, '万元', 2, zero=tb.o['zero'], loc=f'table:{t.tid}')  # noqa: E731
    tot = [amt('gpb.all.prj', f.gpb_proj), amt('gpb.all.prj', f.gpb_proj), amt('proj.other', 0)]
    rows, cols = [], [[], [], []]
    for i, pj in enumerate(f.projects):
        a = [amt(f'prj.{i}.exec', pj.exec), amt(f'prj.{i}.exec', pj.exec), amt(f'prj.{i}.other', 0)]
        doc.ident('sum', total=a[0], parts=a[1:])
        for j in range(3):
            cols[j].append(a[j])
        rows.append([pj.name] + a + ['完成年度工作任务', '按期完成', '工作效能提升', '有效提升', '服务对象满意度',
                                     f'≥{rng.choice([90, 95])}%'])
    for j in range(3):
        doc.ident('sum', total=tot[j], parts=cols[j])
    doc.ident('sum', total=tot[0], parts=tot[1:])
    trow = [tb.o['total_label']] + tot + [''] * 6
    for r in ([trow] + rows):
        t.add_row(r)
    t.total_figs = tot
    return t
