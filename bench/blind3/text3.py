"""Narrative sections (部门概况, 情况说明, 其他重要事项, 名词解释)."""
from fractions import Fraction

from build3 import gp_leaves, leaf_gp, leaf_gp_init, leaf_gp_prev, reason, sgn
from doc3 import CN_NUM
from facts3 import CLASS_NAMES, KUAN_NAMES, PERS, PUB

GLOSSARY = [
    ('财政拨款收入', '指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。'),
    ('事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'),
    ('其他收入', '指单位取得的除上述收入以外的各项收入，主要是存款利息收入等。'),
    ('年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'),
    ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
    ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
    ('“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。'),
    ('机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。'),
    ('年末结转和结余', '指单位按有关规定结转到下年或以后年度继续使用的资金。'),
]


class Sec:
    def __init__(self, doc):
        self.doc = doc
        self.i = 0
        self.style = doc.o['h2_style']

    def __call__(self, text):
        d = self.doc
        if self.style == 'mixed' and self.i in (1, 2, 8):
            num = '%d、' % (self.i + 1)
        else:
            num = d.num_heading(self.i, 'cn' if self.style == 'mixed' else self.style)
        self.i += 1
        d.h(2, num + text)


def overview(doc):
    d, f, o, rng = doc, doc.f, doc.o, doc.rng
    d.h(1, d.part(rng.choice(['部门概况', '%s概况' % f['short'], '部门基本情况'])))
    s = Sec(d)
    s(rng.choice(['主要职能', '部门主要职责', '主要职责']))
    dsty = rng.random() < 0.7
    for i, t in enumerate(f['duties']):
        d.p('%d.%s' % (i + 1, t) if dsty else '（%s）%s' % (CN_NUM[i], t))
    s(rng.choice(['机构设置及%s单位构成' % ('预算' if d.dtype == 'budget' else '决算'), '部门机构设置', '单位构成']))
    nu = len(f['units'])
    cs, _ = d.cnt(nu, '个', pre='')
    d.p('纳入%s%d年%s编制范围的单位共%s，包括：%s。' % (
        f['dept'], d.Y, '部门预算' if d.dtype == 'budget' else '部门决算', cs, '、'.join(u[0] for u in f['units'])))
    rows = [[str(i + 1), u[0], u[1]] for i, u in enumerate(f['units'])]
    d.blocks.append(dict(t='table', title='单位构成情况', header=[[('序号', 1, 1), ('单位名称', 1, 1), ('单位性质', 1, 1)]],
                         rows=rows, ncols=3, note='', kind='units', unit='', meta='', label_cols=3, role='units'))
    st = f['staff']
    s(rng.choice(['人员情况', '部门人员构成']))
    bz = st['admin_bz'] + st['sy_bz']
    inserv = st['admin'] + st['sy']
    tot = inserv + st['retired']
    a, af = d.cnt(tot, '人', pre='实有人员')
    b, bf = d.cnt(inserv, '人', pre='在职人员')
    c, cf = d.cnt(st['retired'], '人', pre='离退休人员')
    d.ident('sum', total=af, parts=[bf, cf], where='text', count=True)
    e, _ = d.cnt(bz, '名', pre='核定编制')
    d.p('本部门%s，%s，其中：%s，%s。' % (e, a, b, c))
    if st['sy']:
        x, xf = d.cnt(inserv, '人', pre='在职人员')
        y, yf = d.cnt(st['admin'], '人', pre='行政人员')
        z, zf = d.cnt(st['sy'], '人', pre='事业人员')
        d.ident('sum', total=xf, parts=[yf, zf], where='text', count=True)
        d.p('%s中，%s，%s。' % (x, y, z))


def listing(d, items, total_fid, with_share=False, den=None, sep='；', zero=False):
    """items: (label, key, fen). returns text and registers a complete-list sum identity."""
    parts, segs = [], []
    for lab, key, v in items:
        if v == 0 and not zero:
            continue
        s, fid = d.m(key, v, pre=lab)
        parts.append(fid)
        if with_share and den:
            s += '，' + d.share(v, den[0], fid, den[1])
        segs.append(s)
    if len(parts) >= 1:
        d.ident('sum', total=total_fid, parts=parts, where='text', list=True)
    return sep.join(segs)


def common_tail(d, B):
    """其他重要事项 + 名词解释 + 联系方式"""
    f, o, rng, Y = d.f, d.o, d.rng, d.Y
    s = Sec(d)
    d.h(1, d.part('其他重要事项的情况说明')) if o['other_h1'] else d.h(2, '其他重要事项的情况说明')
    word = '预算' if B else '支出'
    s('机关运行经费%s情况' % ('预算安排' if B else '支出'))
    js, jf = d.m('jg', f['jg'])
    form = 'prev' if d.prev_forms == 0 or rng.random() < 0.5 else None
    g = d.growth(f['jg'], f['jg_prev'], jf, form=form)
    d.p('%d年%s机关运行经费%s%s，%s。%s。' % (Y, f['short'] if rng.random() < 0.5 else '本部门',
                                       '预算' if B else '支出', js, g, reason(d, sgn(f['jg'], f['jg_prev']))))
    if 'gp.pub' in d.refs:
        d.ident('le', a=jf, b=d.refs['gp.pub'])
    s('政府采购%s情况' % ('预算' if B else '支出'))
    cg = f['cg']
    if cg['total'] == 0:
        d.p('%d年本部门%s政府采购%s。' % (Y, '未安排' if B else '未发生', '预算' if B else '支出'))
    else:
        ts, tf_ = d.m('cg.total', cg['total'])
        lst = listing(d, [('政府采购货物%s' % ('预算' if B else '支出'), 'cg.goods', cg['goods']),
                          ('政府采购工程%s' % ('预算' if B else '支出'), 'cg.works', cg['works']),
                          ('政府采购服务%s' % ('预算' if B else '支出'), 'cg.serv', cg['serv'])], tf_, sep='、', zero=True)
        if B:
            ms, mf = d.m('cg.sme', cg['sme'])
            sh = d.share(cg['sme'], cg['total'], mf, tf_, pre='占政府采购预算总额的')
            d.ident('le', a=mf, b=tf_)
            d.p('%d年本部门政府采购预算总额%s，其中：%s。面向中小企业预留采购份额%s，%s。' % (Y, ts, lst, ms, sh))
        else:
            ms, mf = d.m('cg.sme', cg['sme'])
            sh = d.share(cg['sme'], cg['total'], mf, tf_, pre='占政府采购支出总额的')
            ws, wf = d.m('cg.micro', cg['micro'])
            sh2 = d.share(cg['micro'], cg['total'], wf, tf_, pre='占政府采购支出总额的')
            d.ident('le', a=mf, b=tf_)
            d.ident('le', a=wf, b=mf)
            d.p('%d年度本部门政府采购支出总额%s，其中：%s。授予中小企业合同金额%s，%s，其中：授予小微企业合同金额%s，%s。' % (
                Y, ts, lst, ms, sh, ws, sh2))
    s('国有资产占用情况')
    cars = f['cars']
    tot, tf2 = d.cnt(cars['total'], '辆', pre='共有车辆')
    parts = []
    segs = []
    for k, nm in (('lead', '主要负责人用车'), ('jiyao', '机要通信用车'), ('yingji', '应急保障用车'),
                  ('zhifa', '执法执勤用车'), ('teshu', '特种专业技术用车'), ('other', '其他用车')):
        cs, cf = d.cnt(cars[k], '辆', pre=nm)
        parts.append(cf)
        segs.append(cs)
    d.ident('sum', total=tf2, parts=parts, where='text', count=True)
    e1, _ = d.cnt(f['eq50'], '台（套）')
    e2, _ = d.cnt(f['eq100'], '台（套）')
    dt = '%d年12月31日' % (Y - 1 if B else Y)
    d.p('截至%s，本部门%s，其中：%s。单价50万元以上通用设备%s，单价100万元以上专用设备%s。' % (
        dt, tot, '、'.join(segs), e1, e2))
    s('预算绩效管理情况' if not B else '绩效目标设置情况')
    n, _ = d.cnt(f['perf_n'], '个')
    ps, pf = d.m('gp.proj', f['gp_proj'])
    if B:
        d.p('按照全面实施预算绩效管理的要求，本部门%d年实行绩效目标管理的项目%s，涉及一般公共预算项目支出%s，'
            '部门整体支出绩效目标见《%s》。' % (Y, n, ps, '部门整体支出绩效目标表'))
    else:
        sh = d.share(f['gp_proj'], f['gp_proj'], pf, pf, pre='占一般公共预算项目支出总额的')
        d.p('根据预算绩效管理要求，本部门组织对%d年度一般公共预算项目支出开展绩效自评，共涉及项目%s，资金%s，%s。'
            '从自评情况看，项目总体完成了年初设定的绩效目标。' % (Y, n, ps, sh))
    # glossary
    d.h(1, d.part('名词解释'))
    gl = GLOSSARY[:]
    if B:
        gl = [x for x in gl if x[0] not in ('年末结转和结余',)]
        gl = [(('上年结转' if k == '年初结转和结余' else k), v.replace('以前年度尚未完成、结转到本年', '上年尚未完成、结转到本年'))
              for k, v in gl]
    gsty = rng.choice(['cn', 'cn', 'ar', 'paren'])
    for i, (k, v) in enumerate(gl):
        d.p('%s、%s：%s' % (CN_NUM[i], k, v) if gsty == 'cn' else '%d.%s：%s' % (i + 1, k, v) if gsty == 'ar'
            else '（%s）%s：%s' % (CN_NUM[i], k, v))
    if o['contact']:
        d.h(1, d.part(rng.choice(['联系方式', '信息反馈渠道'])))
        d.p('联系人：%s；联系电话：0%d-%d。' % (rng.choice(['王', '李', '张', '刘', '陈']) + rng.choice(['敏', '伟', '静', '强', '磊', '芳']),
                                    rng.randint(311, 999), rng.randint(2000000, 8999999)))


def budget_text(d):
    f, o, rng, Y = d.f, d.o, d.rng, d.Y
    B = True
    dn = f['dept'] if rng.random() < 0.5 else '本部门'
    d.h(1, d.part(rng.choice(['%d年部门预算情况说明' % Y, '%s%d年部门预算情况说明' % (f['short'], Y)])))
    s = Sec(d)
    d.sec = s
    prev = f['prev']
    # 1
    s('收支预算总体情况说明')
    gs, gf_ = d.m('inc.grand', f['grand'])
    es, ef = d.m('exp.grand', f['grand'])
    g = d.growth(f['grand'], prev['grand'], gf_, form='full')
    sub = listing(d, [('本年收入', 'inc.total', f['inc_total']), ('上年结转', 'inc.cin', f['cin'])], gf_, sep='，')
    d.p('%s%d年收入预算总计%s，支出预算总计%s。%s。收、支预算总计%s。%s。' % (
        dn, Y, gs, es, '收入总计中' + sub if f['cin'] else '收入全部为本年收入', g, reason(d, sgn(f['grand'], prev['grand']))))
    # 2
    s('收入预算情况说明')
    ts, tf_ = d.m('inc.total', f['inc_total'])
    items = [('一般公共预算拨款收入', 'inc.gp', f['gp_in']), ('政府性基金预算拨款收入', 'inc.gf', f['gf_in']),
             ('事业收入', 'inc.sy', f['sy_in']), ('其他收入', 'inc.qt', f['qt_in'])]
    lst = listing(d, items, tf_, with_share=True, den=(f['inc_total'], tf_), zero=o['list_zero'])
    d.p('%s%d年本年收入预算合计%s，其中：%s。' % (dn, Y, ts, lst))
    if f['cin']:
        cs, cf = d.m('inc.cin', f['cin'])
        d.p('另有上年结转%s，主要为上年尚未执行完毕的项目资金。' % cs)
    # 3
    s('支出预算情况说明')
    ts, tf_ = d.m('exp.total', f['exp_total'])
    d.refs['exp.total'] = tf_
    lst = listing(d, [('基本支出', 'exp.basic', f['exp_basic']), ('项目支出', 'exp.proj', f['exp_proj'])], tf_,
                  with_share=True, den=(f['exp_total'], tf_))
    d.p('%s%d年支出预算合计%s，其中：%s。' % (dn, Y, ts, lst))
    d.p('基本支出主要用于保障机构正常运转和在职人员工资福利；项目支出主要用于%s等工作。' %
        '、'.join(p['name'] for p in f['projects'][:3]))
    # 4
    s('财政拨款收支预算总体情况说明')
    fs, ff = d.m('fin.grand', f['fin_grand'])
    lst = listing(d, [('一般公共预算拨款', 'inc.gp', f['gp_in']), ('政府性基金预算拨款', 'inc.gf', f['gf_in']),
                      ('上年财政拨款结转', 'fin.cin', f['fin_cin'])], ff, sep='、')
    lst2 = listing(d, [('一般公共预算支出', 'gp.total', f['gp_spend']), ('政府性基金预算支出', 'gf.exp', f['gf'])], ff, sep='、')
    g = d.growth(f['fin_grand'], prev['fin_grand'], ff)
    d.p('%s%d年财政拨款收支总预算%s。收入包括：%s；支出包括：%s。财政拨款收支总预算%s。' % (dn, Y, fs, lst, lst2, g))
    # 5
    s('一般公共预算支出情况说明')
    gl = gp_leaves(f)
    gp_prev = sum(leaf_gp_prev(l) for l in gl)
    xs, xf = d.m('gp.total', f['gp_spend'])
    sh = d.share(f['gp_spend'], f['exp_total'], xf, d.refs['exp.total'], pre='占本年支出预算合计的')
    g = d.growth(f['gp_spend'], gp_prev, xf)
    d.p('（一）总体情况：%s%d年一般公共预算支出%s，%s。%s，%s。' % (dn, Y, xs, sh, g, reason(d, sgn(f['gp_spend'], gp_prev))))
    cls = sorted({l['code'][:3] for l in gl if leaf_gp(l)})
    xs2, xf2 = d.m('gp.total', f['gp_spend'])
    lst = listing(d, [(CLASS_NAMES[c] + ('（类）' if rng.random() < 0.5 else ''), 'fg.tot:' + c,
                       sum(leaf_gp(l) for l in gl if l['code'][:3] == c)) for c in cls], xf2, with_share=True,
                  den=(f['gp_spend'], xf2))
    d.p('（二）结构情况：一般公共预算支出%s，按支出功能分类，%s。' % (xs2, lst))
    d.p('（三）具体情况：')
    zero_site = d.defect == 'zero-base'
    k = 0
    for l in gl:
        v, pv = leaf_gp(l), leaf_gp_prev(l)
        if not v:
            continue
        k += 1
        lab = '%s（类）%s（款）%s（项）' % (CLASS_NAMES[l['code'][:3]], KUAN_NAMES[l['code'][:5]], l['name'])
        ls, lf = d.m('fg.tot:' + l['code'], v)
        zd = zero_site and pv == 0 and d.defect_info is None
        g = d.growth(v, pv, lf, zero_defect=zd)
        tail = '' if pv == 0 else '，' + reason(d, sgn(v, pv))
        d.p('%d.%s%s%s%s，%s%s。' % (k, lab, rng.choice(['', '预算']), '' if o['num_space'] else '', ls, g, tail))
    # 6
    basic_text(d, dn)
    # 7
    sg_text(d, dn)
    # 8
    s('政府性基金预算支出情况说明')
    if f['gf']:
        gs2, gf2 = d.m('gf.exp', f['gf'])
        pv = sum(l['gf_p_prev'] for l in f['leaves'])
        g = d.growth(f['gf'], pv, gf2)
        d.p('%s%d年政府性基金预算支出%s，主要用于%s，%s。' % (dn, Y, gs2, f.get('gf_proj', '彩票公益金项目'), g))
    else:
        d.p('%s%d年没有使用政府性基金预算拨款安排的支出，《%s》为空表。' % (dn, Y, '政府性基金预算支出表'))
    s('国有资本经营预算支出情况说明')
    d.p('%s%d年没有使用国有资本经营预算拨款安排的支出%s。' % (dn, Y, '，相关表格为空表' if d.o['with_gz'] else ''))
    common_tail(d, True)


def basic_text(d, dn):
    f, o, rng, Y = d.f, d.o, d.rng, d.Y
    B = d.dtype == 'budget'
    ec = f['ec']
    d.sec(d.o['basic_head'])
    bs, bf = d.m('gp.basic', f['gp_basic'], pre='基本支出' + ('' if B else '决算'))
    ps, pf = d.m('gp.pers', f['gp_pers'], pre='人员经费')
    us, uf = d.m('gp.pub', f['gp_pub'], pre='公用经费')
    d.refs['gp.pub'] = uf
    d.ident('sum', total=bf, parts=[pf, uf], where='text', list=True)
    pl = listing(d, [(n, 'ec:' + c, ec[c]) for c, n in PERS], pf, sep='、')
    ul = listing(d, [(n, 'ec:' + c, ec[c]) for c, n in PUB], uf, sep='、')
    d.p('%s%d年一般公共预算%s，其中：' % (dn, Y, bs))
    d.p('%s，主要包括：%s。' % (ps, pl))
    d.p('%s，主要包括：%s。' % (us, ul))


def sg_text(d, dn):
    f, o, rng, Y = d.f, d.o, d.rng, d.Y
    B = d.dtype == 'budget'
    sg, sgp, sgb = f['sg'], f['sgp'], f['sgb']
    d.sec(d.o['sg_head'])
    ts, tf_ = d.m('sg.total', sg['total'])
    if B:
        g = d.growth(sg['total'], sgp['total'], tf_)
        head = '%s%d年一般公共预算“三公”经费预算%s，%s。' % (dn, Y, ts, g)
    else:
        bs, bf = d.m('sgb.total', sgb['total'])
        if sgb['total']:
            cp = d.completion(sg['total'], sgb['total'], tf_, bf, pre='完成预算的')
        else:
            cp = '年初未安排预算'
        head = '%s%d年度财政拨款“三公”经费全年预算数%s，支出决算%s，%s。' % (dn, Y, bs, ts, cp)
    ta, af = d.m('sg.abroad', sg['abroad'], pre='因公出国（境）费')
    tc, cf = d.m('sg.car', sg['car'], pre='公务用车购置及运行费')
    tb, bf2 = d.m('sg.car_buy', sg['car_buy'], pre='公务用车购置费')
    tr, rf = d.m('sg.car_run', sg['car_run'], pre='公务用车运行维护费')
    te, ef = d.m('sg.recep', sg['recep'], pre='公务接待费')
    d.ident('sum', total=tf_, parts=[af, cf, ef], where='text', list=True, sg=True)
    d.ident('sum', total=cf, parts=[bf2, rf], where='text', list=True)
    d.p(head + '其中：%s；%s（其中：%s，%s）；%s。' % (
        ta, tc, tb, tr, te))
    if not B:
        ts2, tf2 = d.m('sg.total', sg['total'])
        g = d.growth(sg['total'], sgp['total'], tf2)
        d.p('%d年度“三公”经费支出决算%s，%s。' % (Y, ts2, g))
    # per item
    names = [('abroad', '因公出国（境）费'), ('car_buy', '公务用车购置费'), ('car_run', '公务用车运行维护费'), ('recep', '公务接待费')]
    for i, (k, nm) in enumerate(names):
        v, pv = sg[k], sgp[k]
        s, fid = d.m('sg.' + k, v)
        form = 'prev' if (v and pv and rng.random() < 0.6) else None
        g = d.growth(v, pv, fid, form=form)
        extra = ''
        st = f['sg_stats']
        if k == 'abroad' and not B:
            a, _ = d.cnt(st['groups'], '个')
            b, _ = d.cnt(st['people'], '人次')
            extra = '全年安排因公出国（境）团组%s，累计%s；' % (a, b)
        if k == 'recep' and not B and v:
            a, _ = d.cnt(st['batches'], '批次')
            b, _ = d.cnt(st['visitors'], '人次')
            extra = '国内公务接待%s，%s；' % (a, b)
        if k == 'car_run' and st['cars']:
            a, _ = d.cnt(st['cars'], '辆')
            extra = '公务用车保有量%s，' % a
        rsn = '' if v == pv else '，' + rng.choice(['主要原因是', '主要原因：', '变动原因：']) + d.rs(rng.choice(
            SG_UP[k] if v > pv else SG_DOWN[k]), pre='')
        if rsn:
            fid_r = list(d.figs)[-1]
            d.figs[fid_r]['pre'] = rsn[1:rsn.index('⟦')]
        d.p('%d.%s%s%s，%s%s%s。' % (i + 1, nm, '预算' if B else '支出', s, extra, g, rsn))


def final_text(d):
    f, o, rng, Y = d.f, d.o, d.rng, d.Y
    dn = f['dept'] if rng.random() < 0.5 else '本部门'
    d.h(1, d.part(rng.choice(['%d年度部门决算情况说明' % Y, '%s%d年度部门决算情况说明' % (f['short'], Y)])))
    s = Sec(d)
    d.sec = s
    prev = f['prev']
    s('收入支出决算总体情况说明')
    gs, gf_ = d.m('inc.grand', f['grand'])
    g = d.growth(f['grand'], prev['grand'], gf_, form='full')
    d.p('%s%d年度收入、支出决算总计均为%s。%s，%s。' % (dn, Y, gs, g, reason(d, sgn(f['grand'], prev['grand']))))
    a1, af1 = d.m('inc.grand', f['grand'])
    l1 = listing(d, [('本年收入合计', 'inc.total', f['inc_total']), ('使用非财政拨款结余', None, 0),
                     ('年初结转和结余', 'inc.cin', f['cin'])], af1, sep='，', zero=True)
    d.p('（一）收入决算总计%s。包括：%s。' % (a1, l1))
    a2, af2 = d.m('exp.grand', f['grand'])
    l2 = listing(d, [('本年支出合计', 'exp.total', f['exp_total']), ('结余分配', None, 0),
                     ('年末结转和结余', 'exp.cout', f['cout'])], af2, sep='，', zero=True)
    d.p('（二）支出决算总计%s。包括：%s。' % (a2, l2))
    s('收入决算情况说明')
    ts, tf_ = d.m('inc.total', f['inc_total'])
    items = [('一般公共预算财政拨款收入', 'inc.gp', f['gp_in']), ('政府性基金预算财政拨款收入', 'inc.gf', f['gf_in']),
             ('事业收入', 'inc.sy', f['sy_in']), ('其他收入', 'inc.qt', f['qt_in'])]
    lst = listing(d, items, tf_, with_share=True, den=(f['inc_total'], tf_), zero=o['list_zero'])
    g = d.growth(f['inc_total'], prev['inc_total'], tf_)
    d.p('%s%d年度本年收入合计%s，%s。其中：%s。' % (dn, Y, ts, g, lst))
    s('支出决算情况说明')
    ts, tf_ = d.m('exp.total', f['exp_total'])
    d.refs['exp.total'] = tf_
    lst = listing(d, [('基本支出', 'exp.basic', f['exp_basic']), ('项目支出', 'exp.proj', f['exp_proj'])], tf_,
                  with_share=True, den=(f['exp_total'], tf_))
    g = d.growth(f['exp_total'], prev['exp_total'], tf_)
    d.p('%s%d年度本年支出合计%s，%s。其中：%s。' % (dn, Y, ts, g, lst))
    s('财政拨款收入支出决算总体情况说明')
    fs, ff = d.m('fin.grand', f['fin_grand'])
    g = d.growth(f['fin_grand'], prev['fin_grand'], ff)
    d.p('%s%d年度财政拨款收入、支出决算总计%s。%s，%s。' % (dn, Y, fs, g, reason(d, sgn(f['fin_grand'], prev['fin_grand']))))
    s('一般公共预算财政拨款支出决算情况说明')
    gl = gp_leaves(f)
    gp_prev = sum(leaf_gp_prev(l) for l in gl)
    gp_init = sum(leaf_gp_init(l) for l in gl)
    xs, xf = d.m('gp.total', f['gp_spend'])
    sh = d.share(f['gp_spend'], f['exp_total'], xf, d.refs['exp.total'], pre='占本年支出合计的')
    g = d.growth(f['gp_spend'], gp_prev, xf)
    d.p('（一）总体情况：%s%d年度一般公共预算财政拨款支出%s，%s。%s，%s。' % (dn, Y, xs, sh, g, reason(d, sgn(f['gp_spend'], gp_prev))))
    cls = sorted({l['code'][:3] for l in gl if leaf_gp(l)})
    xs2, xf2 = d.m('gp.total', f['gp_spend'])
    lst = listing(d, [(CLASS_NAMES[c] + ('（类）' if rng.random() < 0.5 else ''), 'fg.tot:' + c,
                       sum(leaf_gp(l) for l in gl if l['code'][:3] == c)) for c in cls], xf2, with_share=True,
                  den=(f['gp_spend'], xf2))
    d.p('（二）结构情况：一般公共预算财政拨款支出%s，主要用于以下方面：%s。' % (xs2, lst))
    xs3, xf3 = d.m('gp.total', f['gp_spend'])
    is_, if_ = d.m('gp.init', gp_init)
    cp = d.completion(f['gp_spend'], gp_init, xf3, if_)
    d.p('（三）具体情况：%s%d年度一般公共预算财政拨款支出年初预算为%s，支出决算为%s，%s。其中：' % (dn, Y, is_, xs3, cp))
    zero_site = d.defect == 'zero-base'
    k = 0
    for l in gl:
        v, iv = leaf_gp(l), leaf_gp_init(l)
        if not v:
            continue
        k += 1
        lab = '%s（类）%s（款）%s（项）' % (CLASS_NAMES[l['code'][:3]], KUAN_NAMES[l['code'][:5]], l['name'])
        ls, lf = d.m('fg.tot:' + l['code'], v)
        if iv:
            is2, if2 = d.m('fgi:' + l['code'], iv)
            cp = d.completion(v, iv, lf, if2)
            tail = '' if abs(v - iv) * 50 < iv else '，' + ('决算数大于年初预算数的主要原因是' if v > iv else '决算数小于年初预算数的主要原因是') + \
                d.rs(rng.choice(REASON_FIN_UP if v > iv else REASON_FIN_DOWN))
            d.p('%d.%s。年初预算为%s，支出决算为%s，%s%s。' % (k, lab, is2, ls, cp, tail))
        else:
            if zero_site and d.defect_info is None:
                is2, if2 = d.m('fgi:' + l['code'], 0)
                ps, pf = d.pc(Fraction(1), pre='完成年初预算的')
                d.ident('completion', pct=pf, actual=lf, budget=if2)
                d.defect_info = dict(cls='zero-base', where=ps.replace('⟦%s⟧' % pf, d.figs[pf]['printed']),
                                     stated=d.figs[pf]['printed'] + '%', expected='无法计算（年初预算为0）',
                                     note='年初预算为0，完成率无从计算，却写成完成年初预算的100%。', fid=pf)
                d.p('%d.%s。年初预算为%s，支出决算为%s，%s。决算数与年初预算数的差异原因：年中追加%s经费。' % (
                    k, lab, is2, ls, ps, l['name']))
            else:
                d.p('%d.%s。年初未安排预算，支出决算为%s，主要是年中追加%s经费。' % (k, lab, ls, l['name']))
    basic_text(d, dn)
    sg_text(d, dn)
    s(d.o['gf_head'])
    if f['gf']:
        gs2, gf2 = d.m('gf.exp', f['gf'])
        pv = sum(l['gf_p_prev'] for l in f['leaves'])
        g = d.growth(f['gf'], pv, gf2)
        d.p('%s%d年度政府性基金预算财政拨款支出%s，主要用于%s，%s。' % (dn, Y, gs2, f.get('gf_proj', '彩票公益金项目'), g))
    else:
        d.p('%s%d年度无政府性基金预算财政拨款收入、支出及结转结余，故《政府性基金预算财政拨款收入支出决算表》无数据。' % (dn, Y))
    s(d.o['gz_head'])
    d.p('%s%d年度无国有资本经营预算财政拨款支出。' % (dn, Y))
    common_tail(d, False)


REASON_FIN_UP = ['年中追加人员经费', '年中追加专项工作经费', '社会保障缴费基数调整', '新增人员']
REASON_FIN_DOWN = ['厉行节约，压减一般性支出', '部分项目按进度结转下年', '人员减少', '项目采购节约']


SG_UP = {'abroad': ['按计划开展对外交流学习'], 'car_buy': ['按规定更新报废年限已满的公务用车', '新增执法执勤用车'],
         'car_run': ['下乡督导检查任务增加，用车频次增加', '车辆老化，维修费用增加'],
         'recep': ['上级部门检查调研增加', '承办全市现场会，接待批次增加']}
SG_DOWN = {'abroad': ['严格控制因公出国（境）团组和人数', '本年未安排出国（境）任务'],
           'car_buy': ['本年未购置公务用车', '公务用车购置计划减少'],
           'car_run': ['严格落实中央八项规定精神，压减用车支出', '公务用车数量减少'],
           'recep': ['严格执行公务接待标准，接待批次减少', '厉行节约，压减公务接待支出']}
