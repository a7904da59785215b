"""gen11 text: the 说明 parts, as blocks of segments; figures are referenced by id so a planted defect
changes the printed string in one place.  Headings follow 一、（一）1.（1）."""
from fractions import Fraction as Fr

from facts11 import DUTIES, WORKS, REASONS_UP, REASONS_DOWN, PERSON_ITEMS, PUBLIC_ITEMS, rhu

DIRW = {0: ('增加', '减少', '持平'), 1: ('增长', '下降', '持平'), 2: ('提高', '降低', '持平')}
CN = '一二三四五六七八九十'


def dir_word(sign, slot):
    return DIRW[slot][0 if sign > 0 else 1 if sign < 0 else 2]


class Para:
    def __init__(self, doc, o, loc):
        self.doc, self.o, self.loc = doc, o, loc
        self.segs = []

    def s(self, text):
        self.segs.append(text)
        return self

    def a(self, key, fen):
        fid = self.doc.amt(key, fen, 'wan', 2, False, loc=self.loc)
        self.segs.append(('f', fid))
        self.segs.append('万元')
        return fid

    def p(self, key, value, signed=False):
        fid = self.doc.pct(key, value, self.o['pdec'], loc=self.loc)
        self.segs.append(('f', fid))
        self.segs.append('%')
        return fid

    def pp(self, key, value):
        fid = self.doc.pct(key, value, self.o['pdec'], loc=self.loc)
        self.segs.append(('f', fid))
        self.segs.append('个百分点')
        return fid

    def d(self, fid, slot):
        self.segs.append(('d', fid, slot))

    def ax(self, key, fen):
        fid = self.doc.approx(key, fen, 0, loc=self.loc)
        self.segs.append('约')
        self.segs.append(('f', fid))
        self.segs.append('万元')
        return fid


def compare(P, key, cur, prev, reason, w):
    """'比上年增加X万元，增长Y%' with identities; cur/prev are fids"""
    doc = P.doc
    cf = doc.figs[cur]['fen']
    pf = doc.figs[prev]['fen']
    sign = (cf > pf) - (cf < pf)
    dw = doc.word(f'dir.{key}', sign, loc=P.loc)
    P.s(P.o['cmp'])
    P.d(dw, 0)
    chg = P.a(f'chg.{key}', abs(cf - pf))
    P.s('，')
    P.d(dw, 1)
    rate = P.p(f'rate.{key}', Fr(cf - pf) * 100 / pf)
    doc.ident('change', cur=cur, prev=prev, chg=chg, dir=dw, what=f'{key} 增减额')
    doc.ident('growth', cur=cur, prev=prev, rate=rate, dir=dw, what=f'{key} 增长率')
    if reason:
        P.s('。主要原因是' + (reason[0] if sign > 0 else reason[1]) + '。')
    return dw


def build_text(doc, F, o, year, dt, rng):
    B = doc.blocks
    w = '预算数' if dt == 'budget' else '决算数'
    yw = f'{year}年' if dt == 'budget' else f'{year}年度'
    pyw = f'{year - 1}年' if dt == 'budget' else f'{year - 1}年度'
    kind = '部门预算' if dt == 'budget' else '部门决算'

    def h(level, text):
        B.append(dict(type='h', level=level, text=text))

    def para(loc):
        P = Para(doc, o, loc)
        B.append(dict(type='p', segs=P.segs))
        return P

    def reasons():
        return (rng.choice(REASONS_UP), rng.choice(REASONS_DOWN))

    B.append(dict(type='title', text=f'{F["org"]}{yw}{kind}'))
    # ---------------------------------------------------------------- part 1
    h(0, '第一部分 部门概况')
    h(1, '一、主要职能')
    duties = list(DUTIES[F['dept']])
    rng.shuffle(duties)
    F['duty_pool'] = duties
    txt = (f'{F["org"]}是{F["city"]}{"人民政府" if F["level"] == "市" else F["dist"] + "人民政府"}工作部门，'
           f'主要职责是：' + '；'.join(duties) + '。')
    txt += '同时，' + '；'.join(rng.sample(WORKS, 4)) + '。'
    txt += ('在履行上述职责中，本部门' + '，'.join(rng.sample(WORKS, 3)) + '；围绕' + rng.choice(duties) +
            '等重点任务，' + '，'.join(rng.sample(WORKS, 2)) + '。')
    para('职能').s(txt)
    h(1, '二、机构设置及人员情况')
    h(2, '（一）机构设置')
    offices = rng.sample(['办公室', '财务审计科', '政策法规科', '综合执法科', '行政审批科', '监督检查科', '宣传教育科',
                          '信息中心', '人事科', '规划发展科'], rng.randint(4, 7))
    para('机构').s(f'本部门内设{len(offices)}个科室，分别为' + '、'.join(offices[:-1]) + '及' + offices[-1] +
                 f'。纳入本部门{kind}编制范围的单位为本级行政单位，为一级预算单位。')
    h(2, '（二）人员情况')
    para('人员').s(f'本部门核定行政编制{F["staff"]}名，实有在职人员{F["actual"]}名，离退休人员{F["retired"]}名。')
    h(1, f'三、{yw}主要工作')
    for i, wk in enumerate(rng.sample(WORKS, 4)):
        h(3, f'{i + 1}.{wk.split("，")[0]}')
        para('工作').s(wk + '。' + '；'.join(rng.sample(duties, 3)) + '，' + rng.choice(WORKS) + '，推动各项工作提质增效。')

    # ---------------------------------------------------------------- part 2
    h(0, f'第二部分 {yw}{kind}情况说明')
    sec = iter(CN)
    h(1, f'{next(sec)}、收入支出{"预算" if dt == "budget" else "决算"}总体情况')
    P = para('总体')
    P.s(f'{yw}收入总计')
    P.a('inc.total', F['inc_total'])
    P.s('，支出总计')
    P.a('exp.total', F['exp_total'])
    P.s('。' + f'{yw}本年支出合计{w}')
    cur = P.a('exp.year', F['total'])
    P.s(f'，{pyw}{w}')
    prev = P.a('prev.exp.year', F['prev_total'])
    P.s('，')
    compare(P, 'exp.year', cur, prev, reasons(), w)

    # income shares
    h(1, f'{next(sec)}、收入{"预算" if dt == "budget" else "决算"}情况说明')
    P = para('收入')
    P.s(f'{yw}本年收入合计')
    tot = P.a('inc.year', F['inc_year'])
    P.s('，其中：')
    items = [(n, k, v) for n, k, v in (('一般公共预算拨款收入', 'inc.G', F['G']), ('事业收入', 'inc.S', F['S']),
                                        ('其他收入', 'inc.O', F['O'])) if v > 0]
    shares, parts = [], []
    for i, (n, k, v) in enumerate(items):
        P.s(n)
        a = P.a(k, v)
        parts.append(a)
        if len(items) > 1:
            P.s('，占')
            s = P.p(f'share.{k}', Fr(v) * 100 / F['inc_year'])
            shares.append(s)
            doc.ident('share', part=a, total=tot, pct=s, what=f'{n} 占比')
        P.s('；' if i < len(items) - 1 else '。')
    doc.ident('sum', total=tot, parts=parts, what='收入合计 = 各项收入')
    if len(shares) > 1:
        doc.ident('sum100', pcts=shares, what='收入占比合计')
    P.s('上年结转' if dt == 'budget' else '年初结转和结余')
    P.a('inc.carry', F['C'])
    P.s('。')

    # expenditure shares and percentage points
    h(1, f'{next(sec)}、支出{"预算" if dt == "budget" else "决算"}情况说明')
    P = para('支出')
    P.s(f'{yw}本年支出合计')
    tot = P.a('exp.year', F['total'])
    P.s('，其中：基本支出')
    b = P.a('g.basic', F['basic'])
    P.s('，占')
    sb = P.p('share.basic', Fr(F['basic']) * 100 / F['total'])
    P.s('；项目支出')
    pj = P.a('exp.proj', F['proj'])
    P.s('，占')
    sp = P.p('share.proj', Fr(F['proj']) * 100 / F['total'])
    P.s('。')
    doc.ident('sum', total=tot, parts=[b, pj], what='支出合计 = 基本 + 项目')
    doc.ident('share', part=b, total=tot, pct=sb, what='基本支出占比')
    doc.ident('share', part=pj, total=tot, pct=sp, what='项目支出占比')
    doc.ident('sum100', pcts=[sb, sp], what='支出占比合计')
    s1 = Fr(F['basic']) * 100 / F['total']
    s0 = Fr(F['prev_basic']) * 100 / F['prev_total']
    ppv = s1 - s0
    if rhu(abs(ppv), o['pdec']) >= Fr(1, 10):
        P.s(f'{pyw}基本支出{w}')
        pb = P.a('prev.g.basic', F['prev_basic'])
        P.s('，占当年支出合计的')
        s0f = P.p('share.prev.basic', s0)
        doc.ident('share', part=pb, total=prev, pct=s0f, what='上年基本支出占比')
        P.s(f'；{year}年基本支出占比较上年')
        dw = doc.word('dir.pp.basic', 1 if ppv > 0 else -1, loc='支出')
        P.d(dw, 2)
        ppf = P.pp('pp.basic', ppv)
        doc.ident('pp', s1=sb, s0=s0f, pp=ppf, dir=dw, what='基本支出占比变动百分点')
        P.s('，主要是' + ('人员经费增长较快' if ppv > 0 else '项目支出安排增加') + '。')

    # 财政拨款 two years side by side
    h(1, f'{next(sec)}、财政拨款收支{"预算" if dt == "budget" else "决算"}总体情况说明')
    P = para('财政拨款')
    P.s(f'财政拨款支出{yw}{w}')
    cur = P.a('exp.g', F['G'])
    P.s(f'，{pyw}{w}')
    prev_g = P.a('prev.exp.g', F['prev_G'])
    P.s('，')
    compare(P, 'exp.g', cur, prev_g, reasons(), w)

    # 一般公共预算 by class, list with 、 and 及
    h(1, f'{next(sec)}、一般公共预算{"支出" if dt == "budget" else "财政拨款支出决算"}情况说明')
    h(2, '（一）支出结构情况')
    cls = [(c, n) for c, n in F['tree'] if len(c) == 3 and sum(v['g'] for k, v in F['leaves'].items()
                                                              if k.startswith(c))]
    P = para('结构')
    names = [n for c, n in cls]
    P.s('按支出功能分类，一般公共预算支出主要用于' + ('、'.join(names[:-1]) + '及' + names[-1] if len(names) > 1
                                            else names[0]) + '。其中：')
    gt = None
    shares, parts = [], []
    for i, (c, n) in enumerate(cls):
        v = sum(x['g'] for k, x in F['leaves'].items() if k.startswith(c))
        P.s(f'{n}（类）')
        a = P.a(f'fg.{c}', v)
        P.s('，占')
        s = P.p(f'share.fg.{c}', Fr(v) * 100 / F['G'])
        shares.append((a, s))
        P.s('；' if i < len(cls) - 1 else '。')
    P.s('合计')
    gt = P.a('exp.g', F['G'])
    P.s('。')
    for a, s in shares:
        doc.ident('share', part=a, total=gt, pct=s, what='类占比')
    doc.ident('sum', total=gt, parts=[a for a, _ in shares], what='类合计')
    if len(shares) > 1:
        doc.ident('sum100', pcts=[s for _, s in shares], what='类占比合计')
    h(2, '（二）具体情况')
    cands = [c for c in F['leaves'] if F['leaves'][c]['g'] > 0 and F['leaves'][c]['prev_g'] > 0]
    pick = sorted(rng.sample(cands, min(len(cands), rng.randint(3, 5))))
    lastcls = None
    n3 = 0
    n4 = 0
    for c in pick:
        if c[:3] != lastcls:
            n3 += 1
            n4 = 0
            h(3, f'{n3}.{F["names"][c[:3]]}（类）')
            lastcls = c[:3]
        n4 += 1
        h(4, f'（{n4}）{F["names"][c[:5]]}（款）{F["names"][c]}（项）')
        v = F['leaves'][c]
        P = para(f'项{c}')
        P.s(f'{yw}{w}')
        cur = P.a(f'fg.{c}', v['g'])
        P.s(f'，{pyw}{w}')
        pv = P.a(f'prev.fg.{c}', v['prev_g'])
        P.s('，')
        compare(P, f'fg.{c}', cur, pv, reasons(), w)

    # 基本支出
    h(1, f'{next(sec)}、一般公共预算基本支出情况说明')
    P = para('基本支出')
    P.s(f'{yw}一般公共预算基本支出')
    b = P.a('g.basic', F['basic'])
    P.s('，其中：人员经费')
    pe = P.a('g.person', F['person'])
    pn = [n for c, n in PERSON_ITEMS if F['eco'][c] > 0][:7]
    P.s('，主要包括' + '、'.join(pn[:-1]) + '及' + pn[-1] + '；公用经费')
    pu = P.a('g.public', F['public'])
    un = [n for c, n in PUBLIC_ITEMS if F['eco'][c] > 0]
    un = rng.sample(un[:-1], 6) + [un[-1]]
    P.s('，主要包括' + '、'.join(un[:-1]) + '及' + un[-1] + '。')
    doc.ident('sum', total=b, parts=[pe, pu], what='基本支出 = 人员 + 公用')

    # 三公
    h(1, f'{next(sec)}、“三公”经费{"预算" if dt == "budget" else "决算"}情况说明')
    sg, sp_ = F['sg'], F['sgp']
    P = para('三公')
    P.s(f'{yw}“三公”经费{w}')
    t = P.a('sg.total', sum(sg.values()))
    P.s(f'，{pyw}{w}')
    tp = P.a('sgp.total', sum(sp_.values()))
    P.s('，')
    compare(P, 'sg.total', t, tp, None, w)
    P.s('。其中：因公出国（境）费')
    a1 = P.a('sg.abroad', sg['abroad'])
    P.s('；公务用车购置及运行维护费')
    a2 = P.a('sg.car', sg['carbuy'] + sg['carrun'])
    P.s('（其中：公务用车购置费')
    a3 = P.a('sg.carbuy', sg['carbuy'])
    P.s('，公务用车运行维护费')
    a4 = P.a('sg.carrun', sg['carrun'])
    P.s('）；公务接待费')
    a5 = P.a('sg.recep', sg['recep'])
    P.s(f'，全年预计接待约{rng.randint(3, 12) * 10}批次。')
    doc.ident('sum', total=t, parts=[a1, a2, a5], what='三公 = 出国 + 车 + 接待 (text)')
    doc.ident('sum', total=a2, parts=[a3, a4], what='车 = 购置 + 运维 (text)')

    h(1, f'{next(sec)}、政府性基金及国有资本经营{"预算" if dt == "budget" else "决算"}情况说明')
    para('基金').s(f'本部门{yw}没有使用政府性基金预算拨款安排的支出，也没有国有资本经营预算拨款安排的支出，'
                 '故相关表格无数据，以空表列示。')

    h(1, f'{next(sec)}、其他重要事项的情况说明')
    h(2, '（一）机关运行经费')
    P = para('机关运行')
    P.s(f'{yw}本部门机关运行经费{w}')
    P.a('g.public', F['public'])
    P.s('，主要用于办公及印刷、水电、邮电、差旅、维修（护）等日常公用支出。')
    h(2, '（二）政府采购情况')
    P = para('采购')
    buy = F['buy']
    g1, g2, g3 = buy * 5 // 10 // 100 * 100, buy * 2 // 10 // 100 * 100, 0
    g3 = buy - g1 - g2
    P.s(f'{yw}政府采购{w}')
    tb = P.a('buy.total', buy)
    P.s('，其中：货物类')
    x1 = P.a('buy.goods', g1)
    P.s('、工程类')
    x2 = P.a('buy.works', g2)
    P.s('及服务类')
    x3 = P.a('buy.serv', g3)
    P.s('。面向中小企业预留采购份额')
    P.ax('buy.sme', buy * 4 // 10)
    P.s('，占政府采购总额的40%以上。')
    doc.ident('sum', total=tb, parts=[x1, x2, x3], what='政府采购 = 货物 + 工程 + 服务')
    h(2, '（三）国有资产占有使用情况')
    para('资产').s(f'截至{year - 1 if dt == "budget" else year}年12月31日，本部门共有车辆{rng.randint(1, 6)}辆，'
                 f'其中一般公务用车{rng.randint(1, 3)}辆、执法执勤用车{rng.randint(0, 3)}辆；单位价值50万元以上通用设备0台（套）。')
    h(2, '（四）预算绩效情况')
    P = para('绩效')
    P.s(f'{yw}本部门纳入绩效目标管理的项目{len(F["projects"])}个，涉及项目资金')
    P.a('exp.proj', F['proj'])
    P.s('；部门整体支出绩效目标涉及资金')
    P.a('exp.year', F['total'])
    P.s('。设定了服务对象满意度不低于90%、资金使用合规率100%等绩效指标，详见部门整体支出绩效'
        + ('目标表。' if dt == 'budget' else '自评表。'))

    h(0, '第三部分 名词解释')
    for i, (k, v) in enumerate([('财政拨款收入', '指本级财政当年拨付的资金。'),
                                ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
                                ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
                                ('“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'),
                                ('机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。')]):
        para('名词').s(f'{i + 1}.{k}：{v}')
    h(0, f'第四部分 {yw}{kind}表')
