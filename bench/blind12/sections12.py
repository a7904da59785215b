"""The parts of a 部门预算 / 部门决算, written with the phrasing options."""
from decimal import Decimal

from model12 import LEIS, PERS, PUB
from num12 import in_unit
from text12 import TB, cnt


def lei_totals(m, field='total'):
    out = {}
    for lf in m['leaves']:
        out[lf['lei']] = out.get(lf['lei'], 0) + lf[field]
    return {k: v for k, v in out.items() if v}


def build_text(m, opts, ov, rng):
    F, P, Y, fin = m['F'], m['P'], m['year'], m['doc_type'] == 'final'
    tb = TB(rng, opts, ov, m)
    r = rng
    B = []
    h1 = lambda t: B.append(('h1', t))  # noqa: E731
    h2 = lambda t: B.append(('h2', t))  # noqa: E731
    p = lambda t: B.append(('p', tb.para(t)))  # noqa: E731
    dept = m['dept']
    kind = '决算' if fin else '预算'
    if fin:
        per = r.choice(['比上年决算数', f'与{Y - 1}年度决算相比', '比上年执行数', '较上年'])
    else:
        per = r.choice(['比上年预算', f'较{Y - 1}年年初预算', '与上年相比', '同口径比上年', '比上年'])

    def period():
        return per if not per.startswith('与') else per + '，'

    def ch(cid, cur, prev, allow_to=True, style=None):
        st = style or tb.pick_style(cur, prev, allow_to)
        pr = per if not (per.startswith('与') and st != 'flat') else per + '，'
        if st == 'ratio':
            pr = per
        return tb.chg(cid, cur, prev, st, pr)

    c = m['counts']
    h1(f'第一部分 {dept}概况')
    h2('一、部门职责')
    p(f'{dept}是区（县）人民政府工作部门，负责贯彻落实党和国家有关方针政策和法律法规，拟订本行业发展规划并组织实施，'
      f'承担本领域的监督管理、公共服务和政策宣传等职责，完成上级交办的其他任务。')
    h2('二、机构设置')
    p(f'本部门内设职能科室{cnt(tb, c["depts"])}个，所属事业单位{cnt(tb, 1 if c["staff_unit"] else 0)}个。'
      f'核定行政编制{cnt(tb, c["staff_adm"])}名，事业编制{cnt(tb, c["staff_unit"])}名。'
      f'纳入{Y}年部门{kind}编制范围的单位包括：{dept}本级' + ('及所属事业单位。' if c['staff_unit'] else '。'))
    B.append(('tables_here', None))
    h1(f'第三部分 {Y}年度部门{kind}情况说明')

    # 一、收支总体情况
    tb.section('total')
    h2(f'一、收入支出{kind}总体情况')
    tot = F['inc_total']
    s1 = '收入总计'
    if opts['yi_total'] and tot >= 100000000:
        qual = r.choice(['约', '约', '近', '超过', '不足']) if opts['approx'] else None
        d = r.choice([2, 4]) if not qual else r.choice([1, 2])
        if qual in ('近', '不足', '超过') and in_unit(tot, '亿元') == in_unit(tot, '亿元').quantize(Decimal(1).scaleb(-d)):
            qual = '约'
        head = tb.cl(f"{Y}年度{s1}{tb.amt('tot.yi', tot, 'inc_total', unit='亿元', d=d, qual=qual)}")
    else:
        qual = None
        head = tb.cl(f"{Y}年度{s1}{tb.amt('tot.w', tot, 'inc_total')}")
    if opts['mixed_yi_wan'] and tot >= 100000000 and not qual:
        a = tb.cl(f"其中本年收入合计{tb.amt('tot.inc', F['inc'], 'inc')}")
        b = tb.cl(f"{'上年结转' if not fin else '年初结转和结余'}{tb.amt('tot.b0', F['b0'], 'b0')}")
        tb.sum_claim('tot.sum', tb.last_rec('tot.yi') if opts['yi_total'] else tb.last_rec('tot.w'),
                     [tb.last_rec('tot.inc'), tb.last_rec('tot.b0')], f'{head}，{a}，{b}')
        p(f"{head}，{a}，{b}；支出总计与收入总计相等。{s1}{ch('tot.ch', tot, P['inc_total'], allow_to=False)}。")
    else:
        p(f"{head}，支出总计{tb.cl(tb.amt('tot.e', F['exp_total'], 'exp_total'))}。"
          f"{s1}{ch('tot.ch', tot, P['inc_total'], allow_to=False)}。主要原因是{r.choice(['人员变动和项目调整', '新增专项工作任务', '压减一般性支出'])}。")

    # 二、收入
    tb.section('income')
    h2(f'二、收入{kind}情况')
    inc_items = [('一般公共预算财政拨款收入' if fin else '一般公共预算拨款收入', F['gp_inc'], 'gp_inc'),
                 ('政府性基金预算财政拨款收入' if fin else '政府性基金预算拨款收入', F['fund'], 'fund'),
                 ('事业收入', F['sy'], 'sy'), ('其他收入', F['qt'], 'qt')]
    nz = [x for x in inc_items if x[1]]
    head = tb.cl(f"本年收入合计{tb.amt('inc.t', F['inc'], 'inc')}")
    if opts['fenbie_amounts'] and len(nz) >= 2:
        t1 = tb.fenbie_amounts('inc.fb', [x[0] for x in nz], [x[1] for x in nz], [x[2] for x in nz])
        t2 = tb.fenbie_shares('inc.fs', [x[1] for x in nz], F['inc'],
                              named='本年收入合计' if opts['named_base'] else None) if opts['fenbie_shares'] else ''
        zs = [x[0] for x in inc_items if not x[1]]
        tail = ''
        if zs:
            tail = '；' + '、'.join(zs) + ('均为0.00万元' if opts['zero_style'] == '0.00' else '均为0' if opts['zero_style'] == '0' else '均无')
        p(f"{head}。其中：{t1}" + (f"，{t2}" if t2 else '') + tail + '。')
    else:
        bits = []
        for i, (nm, v, k) in enumerate(inc_items):
            if not v and opts['zero_style'] == '无':
                bits.append(f'无{nm}')
                continue
            a = tb.cl(f"{nm}{tb.amt(f'inc.{i}', v, k)}")
            bits.append(f"{a}，{tb.share(f'inc.s{i}', v, F['inc'], named='本年收入合计' if opts['named_base'] and i == 0 else None)}")
        p(f"{head}，其中：" + '；'.join(bits) + '。')
    if F['b0'] or not fin:
        p(f"{'上年结转' if not fin else '年初结转和结余'}{tb.cl(tb.amt('inc.b0', F['b0'], 'b0'))}。")

    # 三、支出
    tb.section('exp')
    h2(f'三、支出{kind}情况')
    head = tb.cl(f"本年支出合计{tb.amt('exp.t', F['exp'], 'exp')}")
    if opts['fenbie_amounts']:
        t1 = tb.fenbie_amounts('exp.fb', ['基本支出', '项目支出'], [F['basic'], F['proj']], ['basic', 'proj'])
        t2 = tb.fenbie_shares('exp.fs', [F['basic'], F['proj']], F['exp'],
                              named='本年支出合计' if opts['named_base'] else None)
        s = f'{head}，其中：{t1}，{t2}。'
    else:
        a = tb.cl(f"基本支出{tb.amt('exp.b', F['basic'], 'basic')}")
        b = tb.cl(f"项目支出{tb.amt('exp.p', F['proj'], 'proj')}")
        s = (f"{head}，其中：{a}，{tb.share('exp.bs', F['basic'], F['exp'])}；{b}，"
             f"{tb.share('exp.ps', F['proj'], F['exp'], named='本年支出合计' if opts['named_base'] else None)}。")
    if opts['fenbie_changes'] and (F['basic'] - P['basic']) * (F['proj'] - P['proj']) != 0:
        s += f"基本支出和项目支出分别{period()}" + '和'.join(
            tb.chg(f'exp.c{i}', cur, pv, 'by', '') for i, (cur, pv) in enumerate([(F['basic'], P['basic']), (F['proj'], P['proj'])])) + '。'
    elif opts['fenbie_pcts'] and F['basic'] > P['basic'] and F['proj'] > P['proj']:
        gd = opts['growth_dec']
        recs = []
        for i, (cur, pv) in enumerate([(F['basic'], P['basic']), (F['proj'], P['proj'])]):
            g = tb.val(f'exp.g{i}', Decimal(cur - pv) / Decimal(pv) * 100)
            recs.append(tb.pct(g, gd))
        t = f"基本支出和项目支出分别增长{recs[0]['s']}%、{recs[1]['s']}%"
        for i, (cur, pv) in enumerate([(F['basic'], P['basic']), (F['proj'], P['proj'])]):
            tb.add('growth', f'exp.g{i}', t, {'cur': tb.exact(cur), 'prev': tb.exact(pv), 'g': recs[i]}, sign=1)
        s += t + '。'
    else:
        s += f"其中基本支出{ch('exp.c0', F['basic'], P['basic'])}。"
    if opts['pp_phrase']:
        t = tb.pp('exp.pp', P['basic'], P['exp'], F['basic'], F['exp'], '基本支出')
        if t:
            s += t + '。'
    p(s)

    # 四、财政拨款
    tb.section('fiscal')
    h2(f'四、财政拨款收支{kind}总体情况')
    head = tb.cl(f"财政拨款收入总计{tb.amt('fis.t', F['fiscal_total'], 'fiscal_total')}")
    parts = [(f"一般公共预算{'财政' if fin else ''}拨款收入", F['gp_inc'], 'gp_inc'),
             (f"政府性基金预算{'财政' if fin else ''}拨款收入", F['fund'], 'fund')]
    if fin:
        parts.append(('年初结转和结余', F['fiscal_b0'], 'fiscal_b0'))
    bits = [tb.cl(f"{nm}{tb.amt(f'fis.{i}', v, k)}") for i, (nm, v, k) in enumerate(parts)]
    recs = [tb.last_rec(f'fis.{i}') for i in range(len(parts))]
    tb.sum_claim('fis.sum', tb.last_rec('fis.t'), recs, head + '，其中：' + '，'.join(bits))
    s = f"{head}，其中：" + '，'.join(bits) + '。'
    if fin:
        s += f"财政拨款支出总计{tb.cl(tb.amt('fis.e', F['fiscal_total'], 'fiscal_total'))}，其中年末结转和结余{tb.cl(tb.amt('fis.b1', F['fiscal_b1'], 'fiscal_b1'))}。"
    s += f"财政拨款收入总计{ch('fis.ch', F['fiscal_total'], P['fiscal_total'])}。"
    p(s)

    # 五、一般公共预算
    tb.section('gp')
    h2(f"五、一般公共预算{'财政拨款' if fin else ''}支出{kind}情况")
    gpt = F['gp_total']
    yi = opts['yi_total'] and gpt >= 100000000 and r.random() < 0.6
    gq = '约' if yi and opts['approx'] and r.random() < 0.5 else None
    head = tb.cl(f"一般公共预算{'财政拨款' if fin else ''}支出{tb.amt('gp.t', gpt, 'gp_total', unit='亿元' if yi else None, d=2 if gq else None, qual=gq)}")
    s = f"{head}，{tb.share('gp.sh', gpt, F['exp'], named=r.choice(['本年支出合计', '本年支出总额']))}"
    if fin:
        s += '，' + tb.completion('gp.ncys', gpt, F['ncys'], '完成年初预算的')
        if opts['completion_adjusted']:
            s += f"，{tb.completion('gp.tzys', gpt, F['tzys'], '完成调整预算的')}"
    s += f"，{ch('gp.ch', gpt, P['gp_total'])}。"
    p(s)
    lt = lei_totals(m, 'gp_total')
    codes = sorted(lt)
    names = [LEIS[k] for k in codes]
    if opts['sum_sentence'] and len(codes) >= 3:
        amts = [tb.cl(f"{LEIS[k]}{tb.amt(f'gp.l{k}', lt[k], 'lei' + k)}") for k in codes]
        recs = [tb.last_rec(f'gp.l{k}') for k in codes]
        w = tb.amt('gp.lsum', gpt, 'gp_total')
        t = f"主要用于{'、'.join(names[:-1])}和{names[-1]}等方面，共计{w}"
        tb.cl(t)
        tb.sum_claim('gp.lsum.s', tb.last_rec('gp.lsum'), recs, t)
        p(f"{t}。其中：{'，'.join(amts)}。")
    else:
        t = tb.fenbie_amounts('gp.fb', names, [lt[k] for k in codes], ['lei' + k for k in codes])
        if opts['fenbie_shares']:
            t += '，' + tb.fenbie_shares('gp.fs', [lt[k] for k in codes], gpt,
                                        named=f"一般公共预算{'财政拨款' if fin else ''}支出" if opts['named_base'] else None)
        p(f'按支出功能分类，{t}。')
    for i, lf in enumerate(lf for lf in m['leaves'] if lf['gp_total']):
        nm = f"{LEIS[lf['lei']]}（类）{lf['kuan_name']}（款）{lf['name']}（项）"
        if fin:
            a = tb.cl(f"年初预算{tb.amt(f'lf{i}.n', lf['ncys'], 'ncys' + lf['code'])}")
            b = tb.cl(f"支出决算{tb.amt(f'lf{i}.a', lf['gp_total'], 'gp' + lf['code'])}")
            s = f"{i + 1}.{nm}：{a}，{b}"
            if lf['ncys']:
                s += '，' + tb.completion(f'lf{i}.r', lf['gp_total'], lf['ncys'], '完成年初预算的')
            p(s + '。')
        else:
            a = tb.cl(f"{nm}{tb.amt(f'lf{i}.a', lf['gp_total'], 'gp' + lf['code'])}")
            p(f"{i + 1}.{a}，{ch(f'lf{i}.ch', lf['gp_total'], lf['prev'], allow_to=False)}。")

    # 六、基本支出
    tb.section('basic')
    h2(f"六、一般公共预算{'财政拨款' if fin else ''}基本支出{kind}情况")
    head = tb.cl(f"一般公共预算{'财政拨款' if fin else ''}基本支出{tb.amt('bs.t', F['basic'], 'basic')}")
    if opts['fenbie_amounts']:
        s = f"{head}，其中：{tb.fenbie_amounts('bs.fb', ['人员经费', '公用经费'], [F['pers'], F['pub']], ['pers', 'pub'])}。"
    else:
        s = f"{head}，其中：{tb.cl('人员经费' + tb.amt('bs.p', F['pers'], 'pers'))}，{tb.cl('公用经费' + tb.amt('bs.g', F['pub'], 'pub'))}。"
    p(s)
    for tag, items, tot, key in (('人员经费', PERS, F['pers'], 'pers'), ('公用经费', PUB, F['pub'], 'pub')):
        its = [(c, n, F['e' + c]) for c, n in items if F['e' + c]]
        closed = opts['qizhong_heji'] and tag == '人员经费'
        if not closed:
            its = sorted(its, key=lambda x: -x[2])[:5]
        bits = [tb.cl(f"{n}{tb.amt(f'bs.{c}', v, 'e' + c)}") for c, n, v in its]
        s = f"{tag}主要包括：{'、'.join(bits)}"
        if closed:
            w = tb.amt(f'bs.{key}.w', tot, key)
            tb.sum_claim(f'bs.{key}.sum', tb.last_rec(f'bs.{key}.w'), [tb.last_rec(f'bs.{c}') for c, _, _ in its],
                         s + f'，合计{w}')
            s += f'，合计{w}'
            tb.cl(s)
        else:
            s += '等'
        p(s + '。')

    # 七、三公
    tb.section('sg')
    h2(f"七、“三公”经费{'支出决算' if fin else '预算'}情况")
    u = tb.unit
    head = tb.cl(f"{'财政拨款' if r.random() < 0.5 else '一般公共预算财政拨款'}“三公”经费{'支出' if fin else '预算'}{tb.amt('sg.t', F['sg'], 'sg')}")
    s = head
    if fin:
        s += f"，全年预算{tb.cl(tb.amt('sg.ys', F['sg_ys'], 'sg_ys'))}，{tb.completion('sg.r', F['sg'], F['sg_ys'], '完成预算的')}"
    s += f"，{ch('sg.ch', F['sg'], P['sg'], allow_to=False)}。"
    ab = (f"因公出国（境）费{tb.amt('sg.a', F['sg_abroad'], 'sg_abroad')}" if F['sg_abroad'] or opts['zero_style'] != '无'
          else '无因公出国（境）费')
    if F['sg_abroad'] or opts['zero_style'] != '无':
        tb.cl(ab)
    car_w = tb.amt('sg.car', F['sg_car'], 'sg_car')
    if opts['bracket_sub']:
        b1 = tb.amt('sg.cb', F['sg_carbuy'], 'sg_carbuy')
        b2 = tb.amt('sg.co', F['sg_carop'], 'sg_carop')
        car = f"公务用车购置及运行维护费{car_w}（其中：公务用车购置费{b1}，公务用车运行维护费{b2}）"
        tb.cl(car)
        tb.sum_claim('sg.car.s', tb.last_rec('sg.car'), [tb.last_rec('sg.cb'), tb.last_rec('sg.co')], car, bracket=True)
    else:
        car = tb.cl(f"公务用车购置及运行维护费{car_w}")
    rc = tb.cl(f"公务接待费{tb.amt('sg.rv', F['sg_recv'], 'sg_recv')}")
    recs = [tb.last_rec('sg.car'), tb.last_rec('sg.rv')]
    if F['sg_abroad'] or opts['zero_style'] != '无':
        recs.insert(0, tb.last_rec('sg.a'))
    tb.sum_claim('sg.sum', tb.last_rec('sg.t'), recs, head)
    s += f"其中：{ab}；{car}；{rc}"
    s += f"，{ch('sg.rv.ch', F['sg_recv'], P['sg_recv'], allow_to=False, style='flat' if F['sg_recv'] == P['sg_recv'] else None)}。"
    if F['sg_carbuy']:
        s += f"{'本年度购置' if fin else '计划购置'}公务用车{cnt(tb, c['car_buy'])}辆。"
    if opts['fenbie_pcts'] and F['sg'] and all(x for x in (F['sg_car'], F['sg_recv'])):
        its = [('公务用车购置及运行维护费', F['sg_car']), ('公务接待费', F['sg_recv'])]
        if F['sg_abroad']:
            its.insert(0, ('因公出国（境）费', F['sg_abroad']))
        nm = '、'.join(x[0] for x in its)
        s += f"{nm}{tb.fenbie_shares('sg.fs', [x[1] for x in its], F['sg'], named='“三公”经费')}。"
    p(s)
    tb.unit = u

    # 八、机关运行经费
    tb.section('jg')
    h2('八、机关运行经费情况')
    a = tb.cl(f"机关运行经费{'支出' if fin else '预算'}{tb.amt('jg.t', F['jgyx'], 'jgyx')}")
    st = 'flat' if F['jgyx'] != P['jgyx'] and abs(F['jgyx'] - P['jgyx']) * 2500 <= P['jgyx'] and opts['near_flat'] else None
    p(f"本部门{a}，{ch('jg.ch', F['jgyx'], P['jgyx'], style=st)}，{tb.share('jg.s', F['jgyx'], F['pub'], named='公用经费')}。")

    # 九、政府采购
    tb.section('cg')
    h2('九、政府采购情况')
    nms = ['货物', '工程', '服务']
    vals = [F['cg_goods'], F['cg_works'], F['cg_serv']]
    if opts['sum_sentence']:
        w = tb.amt('cg.t', F['cg'], 'cg')
        if r.random() < 0.5:
            fb = tb.fenbie_amounts('cg.fb', [f'政府采购{x}' for x in nms], vals, ['cg_goods', 'cg_works', 'cg_serv'])
            t = f"政府采购{'支出' if fin else '预算'}主要用于货物、工程和服务等方面，共计{w}"
            tb.cl(t)
            tb.sum_claim('cg.sum', tb.last_rec('cg.t'), [tb.last_rec(f'cg.fb.{i}') for i in range(3)], t + '，' + fb)
            s = f'{t}，{fb}'
        else:
            bits = [tb.cl(f"{x}类{tb.amt(f'cg.{i}', v, 'cg_' + ['goods', 'works', 'serv'][i])}") for i, (x, v) in enumerate(zip(nms, vals))]
            t = f"政府采购{'支出' if fin else '预算'}主要用于{'、'.join(bits[:-1])}和{bits[-1]}等方面，共计{w}"
            tb.cl(t)
            tb.sum_claim('cg.sum', tb.last_rec('cg.t'), [tb.last_rec(f'cg.{i}') for i in range(3)], t)
            s = t
    else:
        head = tb.cl(f"政府采购{'支出总额' if fin else '预算总额'}{tb.amt('cg.t', F['cg'], 'cg')}")
        bits = [tb.cl(f"政府采购{x}{'支出' if fin else '预算'}{tb.amt(f'cg.{i}', v, 'cg_' + ['goods', 'works', 'serv'][i])}") for i, (x, v) in enumerate(zip(nms, vals))]
        tb.sum_claim('cg.sum', tb.last_rec('cg.t'), [tb.last_rec(f'cg.{i}') for i in range(3)], head)
        s = f"{head}，其中：{'、'.join(bits)}"
    s += f"，{ch('cg.ch', F['cg'], P['cg'])}。"
    sme = tb.cl(f"{'授予中小企业合同金额' if fin else '预留中小企业采购份额'}{tb.amt('cg.sme', F['cg_sme'], 'cg_sme')}")
    s += f"{sme}，{tb.share('cg.smes', F['cg_sme'], F['cg'], named=r.choice(['政府采购支出总额', '政府采购预算总额']) if fin is False else '政府采购支出总额')}"
    s += f"，其中：{tb.cl('小微企业' + tb.amt('cg.mic', F['cg_micro'], 'cg_micro'))}。"
    p(s)

    # 十、国有资产
    tb.section('as')
    h2('十、国有资产占有使用情况')
    s = (f"截至{Y - 1 if not fin else Y}年12月31日，本部门共有车辆{cnt(tb, c['car_total'])}辆，其中：执法执勤用车{cnt(tb, c['car_law'])}辆、"
         f"特种专业技术用车{cnt(tb, c['car_spec'])}辆、其他用车{cnt(tb, c['car_other'])}辆；单位价值100万元以上设备{cnt(tb, c['equip'])}台（套）。")
    if fin:
        its = [('流动资产', F['as_cur'], 'as_cur'), ('固定资产', F['as_fix'], 'as_fix'), ('无形资产', F['as_int'], 'as_int'),
               ('其他资产', F['as_oth'], 'as_oth')]
        aq = r.choice(['约', '近', '超过', '不足']) if opts['approx'] and F['as_total'] >= 100000000 else None
        if aq in ('近', '不足', '超过') and F['as_total'] % 1000000 == 0:
            aq = '约'
        head = tb.cl(f"资产总额{tb.amt('as.t', F['as_total'], 'as_total', unit='亿元' if aq else None, d=2 if aq else None, qual=aq)}")
        bits = [tb.cl(f"{n}{tb.amt(f'as.{i}', v, k)}") for i, (n, v, k) in enumerate(its)]
        tb.sum_claim('as.sum', tb.last_rec('as.t'), [tb.last_rec(f'as.{i}') for i in range(4)], head + '，其中：' + '，'.join(bits))
        s += f"{head}，其中：{'，'.join(bits)}。"
    p(s)

    # 十一、绩效
    tb.section('perf')
    if fin:
        h2('十一、预算绩效管理情况')
        n = len(m['perf'])
        a = tb.cl(f"涉及资金{tb.amt('pf.t', F['perf_b'], 'perf_b')}")
        p(f"组织对{cnt(tb, n)}个项目开展绩效自评，{a}，{tb.share('pf.s', F['perf_b'], F['gp_proj'], named='一般公共预算项目支出总额')}。")
        for i, pj in enumerate(m['perf']):
            a = tb.cl(f"全年预算数{tb.amt(f'pf{i}.a', pj['a'], None)}")
            b = tb.cl(f"全年执行数{tb.amt(f'pf{i}.b', pj['b'], None)}")
            p(f"{i + 1}.{pj['name']}：{a}，{b}，{tb.completion(f'pf{i}.r', pj['b'], pj['a'], '执行率为')}，自评得分{pj['score']}分。")
    else:
        h2('十一、预算绩效目标设置情况')
        a = tb.cl(f"涉及一般公共预算项目支出{tb.amt('pf.t', F['gp_proj'], 'gp_proj')}")
        p(f"本部门{cnt(tb, c['proj_n'])}个项目全部编制了绩效目标，{a}，{tb.share('pf.s', F['gp_proj'], F['proj'], named='项目支出')}。")
    h1('第四部分 名词解释')
    for t in ['1.财政拨款收入：指本级财政当年拨付的资金。', '2.事业收入：指事业单位开展专业业务活动及辅助活动取得的收入。',
              f"3.{'年初结转和结余' if fin else '上年结转'}：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。",
              '4.基本支出：指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。',
              '5.项目支出：指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。',
              '6.“三公”经费：指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。',
              '7.机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。']:
        B.append(('p', t))
    B.append(('p', '联系方式：如对本公开内容有疑问，请与本部门财务科联系。'))
    return B, tb
