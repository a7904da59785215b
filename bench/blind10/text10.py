"""text10: the explanatory parts of a document (概况, 说明, 名词解释), built from facts.

Every sentence that carries a number registers the identity it states (sum, ratio, change).
Candidate places for each defect class are recorded in `doc.cands[class]`.
"""
from facts10 import PERS, PUB, fn_name

CN = '一二三四五六七八九十'


def cn(i):
    i += 1
    if i <= 10:
        return CN[i - 1]
    return '十' + CN[i - 11]


class G:
    """context: department facts, composed values per scenario, the doc and options."""

    def __init__(self, D, scen, doc, r):
        self.D, self.doc, self.r = D, doc, r
        self.V = scen['cur']
        self.P = scen['prev']
        self.B0 = scen.get('b0')
        self.B1 = scen.get('b1')
        self.final = D['doc_type'] == 'final'
        self.Y = D['year']
        self.o = doc.opts
        self.dept = D['dept']
        self.kw = '决算' if self.final else '预算'

    def cand(self, cls, **kw):
        self.doc.cands.setdefault(cls, []).append(kw)

    def A(self, k, scen='cur', **kw):
        src = {'cur': self.V, 'prev': self.P, 'b0': self.B0, 'b1': self.B1}[scen]
        return self.doc.amt(f'{scen}:{k}', src.get(k, 0), **kw)

    def prevname(self):
        if self.final:
            return self.r.choice(['上年决算数', f'{self.Y - 1}年决算数'])
        return self.r.choice([f'{self.Y - 1}年年初预算数', f'{self.Y - 1}年预算数', '上年年初预算数'])

    def change(self, k, cur_fig, named=None, tagcls=True):
        """the clause comparing a figure with last year's; returns parts."""
        d = self.doc
        cur, prev = self.V.get(k, 0), self.P.get(k, 0)
        if prev == 0:
            return ['，上年未安排此项支出' if not self.final else '，上年无此项支出']
        diff = cur - prev
        if abs(diff) < 10_000:  # less than 0.01 万元
            return ['，与上年持平']
        sign = 1 if diff > 0 else -1
        named = self.r.random() < 0.55 if named is None else named
        w0 = d.word(f'dir:{k}', sign, 0)
        chg = d.amt(f'chg:{k}', abs(diff))
        w1 = d.word(f'dir:{k}', sign, 1)
        rate = d.pct(f'rate:{k}', abs(diff) / prev * 100)
        if named:
            pf = self.A(k, 'prev')
            lead = self.r.choice(['，比', '，较', '，与']) if True else ''
            nm = self.prevname()
            parts = [lead + nm, pf, '万元' + ('相比' if lead == '，与' else ''), w0, chg, '万元，', w1, rate, '%']
            d.c_change(cur_fig, pf, chg, [w0, w1], rate, 'change')
            self.cand('direction', fid=w0.id, flip=True)
            self.cand('growth', fid=chg.id, exact=abs(diff))
        else:
            lead = self.r.choice(['，比上年', '，较上年', '，与上年相比'])
            parts = [lead, w0, chg, '万元，', w1, rate, '%']
            d.c_change(cur_fig, None, chg, [w0, w1], rate, 'change')
        return parts

    def share(self, num_fig, den_fig, num, den, base_words, alts=()):
        d = self.doc
        if den == 0:
            return []
        rf = d.pct(f'share:{num_fig.key}', num / den * 100)
        d.c_ratio(rf, num_fig, den_fig, 'share')
        wrong = [a * 100 for a in alts if a]
        self.cand('share', fid=rf.id, wrong=wrong, exact=num / den * 100)
        return [f'，占{base_words}', rf, '%']


# ------------------------------------------------------------------ sections
def build_text(g):
    d, D, _o = g.doc, g.D, g.o
    Y, kw, dept = g.Y, g.kw, g.dept
    units = D['units']
    d.h(0, f'{dept}{Y}年度部门{kw}')
    d.p(f'{D["prov"]}{D["city"]}财政局审核  {Y + (0 if g.final else 0)}年' if False else f'公开时间：{Y + 1 if g.final else Y}年{g.r.randint(1, 9)}月')
    # 目录
    d.h(1, '目  录')
    secs = section_titles(g)
    d.p('第一部分  部门概况')
    d.p('第二部分  ' + f'{Y}年度部门{kw}情况说明')
    for s in secs:
        d.p('    ' + s)
    d.p('第三部分  名词解释')
    d.p(f'第四部分  附件：{Y}年度部门{kw}表')
    # ---- part 1
    d.h(1, '第一部分  部门概况')
    d.h(2, '一、主要职能')
    d.p(f'{dept}是{D["city"]}人民政府工作部门，负责贯彻落实上级关于{D["kind"]["kuan"][1]}方面的方针政策和决策部署，'
        f'组织拟订并实施本地区相关规划和制度，承担相关行政管理和公共服务职责，完成市委、市政府交办的其他任务。')
    d.h(2, f'二、部门{kw}单位构成')
    names = '、'.join(u.name for u in units[1:])
    d.p(f'纳入本部门{Y}年度部门{kw}编制范围的单位共{len(units)}个，包括：{dept}本级（行政单位）和所属{len(units) - 1}个事业单位'
        f'（{names}）。本{kw}为部门汇总{kw}，既反映部门汇总数，也分别说明本级和所属单位的情况。')
    # ---- part 2
    d.h(1, f'第二部分  {Y}年度部门{kw}情况说明')
    for i, s in enumerate(secs):
        d.h(2, s)
        SECTION_FUNCS[i](g)
    # ---- part 3
    d.h(1, '第三部分  名词解释')
    glossary(g)


def section_titles(g):
    k = g.kw
    return [f'一、收入支出{k}总体情况说明', f'二、收入{k}情况说明', f'三、支出{k}情况说明',
            f'四、财政拨款收入支出{k}总体情况说明', f'五、一般公共预算财政拨款支出{k}情况说明',
            f'六、一般公共预算财政拨款基本支出{k}情况说明', f'七、财政拨款“三公”经费支出{k}情况说明',
            f'八、政府性基金预算财政拨款支出{k}情况说明', f'九、国有资本经营预算财政拨款支出{k}情况说明',
            '十、其他重要事项的情况说明', f'十一、本级及所属单位{k}情况说明']


def s_total(g):
    d, Y = g.doc, g.Y
    inc = g.A('dept/inc_total')
    exp = g.A('dept/exp_total')
    if g.final:
        parts = [f'{g.dept}{Y}年度收入总计', inc, '万元，支出总计', exp, '万元']
        d.c_sum(exp, [inc], 'inc=exp')
        b0 = g.A('dept/inc_total', 'b0')
        parts += ['。与年初预算', b0, '万元相比，完成年初预算的']
        r0 = d.pct('compl:dept/inc_total:b0', g.V['dept/inc_total'] / g.B0['dept/inc_total'] * 100)
        d.c_ratio(r0, inc, b0, 'completion')
        g.cand('completion-level', fid=r0.id, wrong=g.V['dept/inc_total'] / g.B1['dept/inc_total'] * 100)
        parts += [r0, '%']
        parts += g.change('dept/inc_total', inc, named=True)
        d.p(*parts, '。收支变化主要原因是所属单位人员调整及项目支出增减。')
    else:
        parts = [f'按照综合{g.kw}的原则，{g.dept}所有收入和支出均纳入部门{g.kw}管理。{Y}年收入总计', inc,
                 '万元，支出总计', exp, '万元']
        d.c_sum(exp, [inc], 'inc=exp')
        parts += g.change('dept/inc_total', inc, named=True)
        d.p(*parts, '。主要原因是人员经费正常增长和部分项目支出调整。')


def s_income(g):
    d, Y, V = g.doc, g.Y, g.V
    tot = g.A('dept/inc')
    parts = [f'{Y}年本年收入合计', tot, '万元，其中：']
    items = []
    if g.final:
        spec = [('dept/inc_cz', '财政拨款收入'), ('dept/inc_sj', '上级补助收入'), ('dept/inc_sy', '事业收入'),
                ('dept/inc_qt', '其他收入')]
    else:
        spec = [('dept/inc_gp', '一般公共预算拨款收入'), ('dept/inc_gf', '政府性基金预算拨款收入'),
                ('dept/inc_sy', '财政专户管理资金收入'), ('dept/inc_sj', '上级补助收入'), ('dept/inc_qt', '单位资金收入')]
    figs = []
    for i, (k, nm) in enumerate(spec):
        f = g.A(k)
        figs.append(f)
        parts += [nm, f, '万元']
        if V[k] and V['dept/inc']:
            parts += g.share(f, tot, V[k], V['dept/inc'], '本年收入合计的',
                             alts=[V[k] / V['dept/inc_total']] if V['dept/inc_total'] != V['dept/inc'] else [])
        parts.append('；' if i < len(spec) - 1 else '。')
        items.append(f)
    d.c_sum(tot, figs, 'items')
    for i, f in enumerate(figs):
        if f.exact:
            g.cand('breakdown', fid=f.id, exact=f.exact)
        if i > 0 and figs[i - 1].exact != f.exact and abs(figs[i - 1].exact - f.exact) > 50_000:
            g.cand('copied-amount', fid=f.id, copy=figs[i - 1].text)
    d.p(*parts)
    cin = g.A('dept/cin')
    cgf = g.A('dept/cin_gf')
    word = '年初结转和结余' if g.final else '上年结转'
    p2 = [f'另有{word}', cin, '万元，其中：政府性基金预算上年结转', cgf, '万元']
    cgp = g.A('dept/cin_gp')
    p2 += ['，一般公共预算上年结转', cgp, '万元。']
    d.c_sum(cin, [cgf, cgp], 'items')
    d.p(*p2)


def s_expense(g):
    d, Y, V = g.doc, g.Y, g.V
    tot = g.A('dept/exp')
    b = g.A('dept/basic')
    p = g.A('dept/proj')
    parts = [f'{Y}年本年支出合计', tot, '万元，其中：基本支出', b, '万元']
    parts += g.share(b, tot, V['dept/basic'], V['dept/exp'], '本年支出合计的',
                     alts=[V['dept/basic'] / V['dept/exp_total']] if V['dept/cout'] else [])
    parts += ['，主要用于保障机构正常运转和完成日常工作任务；项目支出', p, '万元']
    parts += g.share(p, tot, V['dept/proj'], V['dept/exp'], '本年支出合计的')
    parts += ['，主要用于完成特定行政任务和事业发展目标。']
    d.c_sum(tot, [b, p], 'items')
    g.cand('breakdown', fid=b.id, exact=b.exact)
    d.p(*parts)
    if g.final:
        co = g.A('dept/cout')
        d.p('年末结转和结余', co, '万元，主要是部分项目跨年度实施，资金结转下年继续使用。')


def s_fiscal(g):
    d, Y, V = g.doc, g.Y, g.V
    gp = g.A('dept/gp_exp')
    gf = g.A('dept/gf_exp')
    tot_fen = V['dept/gp_exp'] + V['dept/gf_exp']
    V['dept/cz_exp'] = tot_fen
    g.P['dept/cz_exp'] = g.P['dept/gp_exp'] + g.P['dept/gf_exp']
    if g.B0:
        g.B0['dept/cz_exp'] = g.B0['dept/gp_exp'] + g.B0['dept/gf_exp']
        g.B1['dept/cz_exp'] = g.B1['dept/gp_exp'] + g.B1['dept/gf_exp']
    tot = g.A('dept/cz_exp')
    parts = [f'{Y}年财政拨款支出', tot, '万元，其中：一般公共预算财政拨款支出', gp, '万元，政府性基金预算财政拨款支出', gf,
             '万元，国有资本经营预算财政拨款支出0.00万元']
    d.c_sum(tot, [gp, gf], 'items')
    g.cand('breakdown', fid=gp.id, exact=gp.exact)
    parts += g.change('dept/cz_exp', tot)
    d.p(*parts, '。')


def s_gp(g):
    d, Y, V, D = g.doc, g.Y, g.V, g.D
    tot = g.A('dept/gp_exp')
    if g.final:
        b0 = g.A('dept/gp_exp', 'b0')
        b1 = g.A('dept/gp_exp', 'b1')
        r1 = d.pct('compl:dept/gp_exp:b1', V['dept/gp_exp'] / g.B1['dept/gp_exp'] * 100)
        d.c_ratio(r1, tot, b1, 'completion')
        g.cand('completion-level', fid=r1.id, wrong=V['dept/gp_exp'] / g.B0['dept/gp_exp'] * 100)
        d.p(f'{Y}年度一般公共预算财政拨款支出', tot, '万元，年初预算', b0, '万元，全年预算（调整预算）', b1,
            '万元，预算执行率（决算数÷调整后预算数）为', r1, '%', *g.change('dept/gp_exp', tot), '。')
    else:
        d.p(f'{Y}年一般公共预算财政拨款支出', tot, '万元', *g.change('dept/gp_exp', tot, named=True), '。')
    d.p('按支出功能分类科目（项级）具体情况如下：')
    leaves = [c for c in V['_fn_leaves'] if V[f'dept/fn/{c}/b'] + V[f'dept/fn/{c}/p']]
    prevfig = None
    for i, code in enumerate(leaves):
        k = f'dept/fn/{code}/gp'
        for S in (g.V, g.P, g.B0, g.B1):
            if S is not None:
                S[k] = S.get(f'dept/fn/{code}/b', 0) + S.get(f'dept/fn/{code}/p', 0)
        name = f'{fn_name(D, code[:3])}（类）{fn_name(D, code[:5])}（款）{fn_name(D, code)}（项）'
        f = g.A(k)
        if g.final:
            b0 = g.A(k, 'b0')
            b1 = g.A(k, 'b1')
            parts = [f'{i + 1}.{name}：年初预算', b0, '万元，调整预算', b1, '万元，支出决算', f, '万元']
            if g.B0[k]:
                r0 = d.pct(f'compl:{k}:b0', V[k] / g.B0[k] * 100)
                d.c_ratio(r0, f, b0, 'completion')
                if g.B1[k]:
                    g.cand('completion-level', fid=r0.id, wrong=V[k] / g.B1[k] * 100)
                parts += ['，完成年初预算的', r0, '%']
            if g.B1[k] and g.r.random() < 0.6:
                r1 = d.pct(f'compl:{k}:b1', V[k] / g.B1[k] * 100)
                d.c_ratio(r1, f, b1, 'completion')
                if g.B0[k]:
                    g.cand('completion-level', fid=r1.id, wrong=V[k] / g.B0[k] * 100)
                parts += ['，为调整预算的', r1, '%']
            parts += ['。决算数与预算数存在差异的主要原因是人员变动及项目调整。']
        else:
            parts = [f'{i + 1}.{name}', f, '万元', *g.change(k, f), '。']
        if prevfig is not None and abs(prevfig.exact - f.exact) > 50_000:
            g.cand('copied-amount', fid=f.id, copy=prevfig.text)
        prevfig = f
        d.p(*parts)


def s_basic(g):
    d, Y, V = g.doc, g.Y, g.V
    b = g.A('dept/basic')
    pe = g.A('dept/pers')
    pu = g.A('dept/pub')
    pnames = '、'.join(n for c, n in PERS if V[f'dept/e/{c}'])
    unames = '、'.join(n for c, n in PUB if V[f'dept/e/{c}'])
    d.p(f'{Y}年一般公共预算财政拨款基本支出', b, '万元，其中：人员经费', pe, f'万元，主要包括{pnames}；公用经费', pu,
        f'万元，主要包括{unames}。')
    d.c_sum(b, [pe, pu], 'items')
    g.cand('breakdown', fid=pe.id, exact=pe.exact)
    # 汇总 vs units: register that the dept figure is the sum of the unit figures stated in 十一
    g.unit_sum_targets = {'basic': b, 'pub': pu}
    g.cand('summary-units', fid=pu.id, exact=pu.exact)
    g.cand('summary-units', fid=b.id, exact=b.exact)


def sangong_para(g, scope, lead):
    d, V, P = g.doc, g.V, g.P
    tot = g.A(f'{scope}/sg')
    cg = g.A(f'{scope}/sg_cg')
    car = g.A(f'{scope}/sg_car')
    buy = g.A(f'{scope}/sg_buy')
    run = g.A(f'{scope}/sg_run')
    jd = g.A(f'{scope}/sg_jd')
    parts = [lead, tot, '万元']
    if g.final and g.B1:
        b1 = g.A(f'{scope}/sg', 'b1')
        parts += ['，全年预算', b1, '万元']
        if g.B1[f'{scope}/sg']:
            r1 = d.pct(f'compl:{scope}/sg:b1', V[f'{scope}/sg'] / g.B1[f'{scope}/sg'] * 100)
            d.c_ratio(r1, tot, b1, 'completion')
            if g.B0[f'{scope}/sg']:
                g.cand('completion-level', fid=r1.id, wrong=V[f'{scope}/sg'] / g.B0[f'{scope}/sg'] * 100)
            parts += ['，完成全年预算的', r1, '%']
    parts += g.change(f'{scope}/sg', tot)
    parts += ['。其中：因公出国（境）费', cg, '万元']
    parts += g.change(f'{scope}/sg_cg', cg) if V[f'{scope}/sg_cg'] or P[f'{scope}/sg_cg'] else ['']
    parts += ['；公务用车购置及运行维护费', car, '万元（其中：公务用车购置费', buy, '万元；公务用车运行维护费', run, '万元）']
    d.c_sum(car, [buy, run], 'items')
    carch = g.change(f'{scope}/sg_car', car)
    # the rate refers to the main amount; a rate against a sub-item is the planted wrong-base error
    k = f'{scope}/sg_car'
    diff = V[k] - P[k]
    if P[k] and abs(diff) >= 10_000:
        rate_fig = [x for x in carch if hasattr(x, 'kind') and x.kind == 'pct'][0]
        wrong = [abs(diff) / P[f'{scope}/sg_{s}'] * 100 for s in ('buy', 'run') if P[f'{scope}/sg_{s}']]
        g.cand('rate-base', fid=rate_fig.id, wrong=wrong, exact=abs(diff) / P[k] * 100)
    parts += carch
    parts += ['；公务接待费', jd, '万元']
    parts += g.change(f'{scope}/sg_jd', jd)
    parts += ['。']
    d.c_sum(tot, [cg, car, jd], 'items')
    if abs(car.exact - jd.exact) > 50_000:
        g.cand('copied-amount', fid=jd.id, copy=car.text)
    g.cand('breakdown', fid=jd.id, exact=jd.exact)
    d.p(*parts)


def s_sangong(g):
    Y = g.Y
    sangong_para(g, 'dept', f'{Y}年部门汇总财政拨款“三公”经费{g.kw}')
    g.doc.p('“三公”经费变动的主要原因是严格落实过紧日子要求，压减公务接待和车辆运行支出。')


def s_gf(g):
    d, V = g.doc, g.V
    if not V['dept/gf_exp'] and not V['dept/cin_gf']:
        d.p(f'本部门{g.Y}年没有使用政府性基金预算拨款安排的支出，故政府性基金预算财政拨款支出表为空表。')
        return
    e = g.A('dept/gf_exp')
    i = g.A('dept/inc_gf')
    c = g.A('dept/cin_gf')
    parts = [f'{g.Y}年政府性基金预算财政拨款支出', e, '万元，资金来源为本年政府性基金预算拨款收入', i, '万元和上年结转', c, '万元']
    if g.final:
        co = g.A('dept/cout_gf')
        parts += ['，年末结转', co, '万元']
        d.c_sum(e, [i, c, co], 'items', signs=[1, 1, -1])
    else:
        d.c_sum(e, [i, c], 'items')
    d.p(*parts, '，主要用于彩票公益金资助的社会公益项目。')


def s_gy(g):
    g.doc.p(f'本部门{g.Y}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算财政拨款支出表为空表。')


def s_other(g):
    d, V, Y = g.doc, g.V, g.Y
    d.h(3, '（一）机关运行经费')
    if g.o['jg'] == 'broad':
        j = g.A('dept/jg_broad')
        jb = g.A('dept/jg_basic')
        jp = g.A('dept/jg_proj')
        parts = [f'按照本地区口径，本部门机关运行经费是指列支在办公费、印刷费、水电费、邮电费、差旅费、维修（护）费、会议费、培训费、'
                 f'公务接待费、公务用车运行维护费等经济科目下的全部资金（含基本支出和项目支出安排的部分），因此可能大于基本支出中的公用经费。'
                 f'{Y}年机关运行经费', j, '万元，其中：基本支出安排', jb, '万元，项目支出安排', jp, '万元']
        d.c_sum(j, [jb, jp], 'items')
        g.cand('breakdown', fid=jb.id, exact=jb.exact)
        parts += g.change('dept/jg_broad', j)
        d.p(*parts, '。')
    else:
        j = g.A('u0/pub')
        parts = [f'本部门机关运行经费为行政单位（{g.dept}本级）使用一般公共预算财政拨款安排的基本支出中的公用经费，'
                 f'{Y}年机关运行经费', j, '万元']
        parts += g.change('u0/pub', j)
        d.p(*parts, '。所属事业单位的公用经费不计入机关运行经费。')
    names = [x['name'] for x in g.D['cur']['u0']['proj'] if '运行' in x['name']]
    if names:
        d.p(f'项目支出中的“{names[0]}”属于项目支出，按项目管理，与上述机关运行经费口径不同。')
    d.h(3, '（二）政府采购情况')
    pc = g.A('dept/pc')
    hw, gc, fw = g.A('dept/pc_hw'), g.A('dept/pc_gc'), g.A('dept/pc_fw')
    word = '政府采购支出总额' if g.final else '政府采购预算总额'
    parts = [f'{Y}年{word}', pc, '万元，其中：货物', hw, '万元，工程', gc, '万元，服务', fw, '万元']
    d.c_sum(pc, [hw, gc, fw], 'items')
    for f in (hw, fw):
        g.cand('breakdown', fid=f.id, exact=f.exact)
    if abs(hw.exact - fw.exact) > 50_000:
        g.cand('copied-amount', fid=fw.id, copy=(gc if gc.exact else hw).text)
    sme = g.A('dept/pc_sme')
    sm = g.A('dept/pc_small')
    parts += ['。授予中小企业合同金额', sme, '万元']
    parts += g.share(sme, pc, V['dept/pc_sme'], V['dept/pc'], f'{word}的')
    parts += ['，其中：授予小微企业合同金额', sm, '万元']
    parts += g.share(sm, sme, V['dept/pc_small'], V['dept/pc_sme'], '授予中小企业合同金额的',
                     alts=[V['dept/pc_small'] / V['dept/pc']])
    d.p(*parts, '。')
    d.h(3, '（三）国有资产占用情况')
    n = g.r.randint(2, 9)
    d.p(f'截至{Y - (0 if g.final else 1)}年12月31日，本部门共有车辆{n}辆，其中：一般公务用车{n - 1}辆、执法执勤用车1辆；'
        f'单位价值100万元以上专用设备0台（套）。')
    d.h(3, '（四）预算绩效管理情况')
    pj = g.A('dept/proj')
    if g.final:
        d.p(f'本部门对{Y}年项目支出开展了绩效自评，涉及项目支出', pj, '万元，自评结果已随本决算一并公开。')
    else:
        d.p(f'本部门{Y}年实行绩效目标管理的项目支出', pj, '万元，已全部编制绩效目标。')


def s_units(g):
    d, V = g.doc, g.V
    units = g.D['units']
    d.p(f'以下分别说明{g.dept}本级及所属单位的{g.kw}情况（各单位数据为本单位数，部门汇总数见前述各部分）。')
    ufig = {'basic': [], 'pub': []}
    for i, u in enumerate(units):
        p = u.uid
        d.h(3, f'（{cn(i)}）{u.name}')
        inc = g.A(f'{p}/inc')
        exp = g.A(f'{p}/exp')
        b = g.A(f'{p}/basic')
        pe = g.A(f'{p}/pers')
        pu = g.A(f'{p}/pub')
        pj = g.A(f'{p}/proj')
        ufig['basic'].append(b)
        ufig['pub'].append(pu)
        d.p(f'{u.name}{g.Y}年本年收入合计', inc, '万元，本年支出合计', exp, '万元。其中：基本支出', b, '万元（人员经费', pe,
            '万元，公用经费', pu, '万元）；项目支出', pj, '万元。')
        d.c_sum(exp, [b, pj], 'items')
        d.c_sum(b, [pe, pu], 'items')
        for f in (pu, pj, b):
            g.cand('text-vs-table', fid=f.id, exact=f.exact, unit=u.name)
        sg = g.A(f'{p}/sg')
        car = g.A(f'{p}/sg_car')
        buy = g.A(f'{p}/sg_buy')
        run = g.A(f'{p}/sg_run')
        parts = ['“三公”经费', sg, '万元，其中公务用车购置及运行维护费', car, '万元（其中：购置费', buy, '万元；运行维护费', run, '万元）']
        d.c_sum(car, [buy, run], 'items')
        chg = g.change(f'{p}/sg_car', car)
        k = f'{p}/sg_car'
        diff = V[k] - g.P[k]
        if g.P[k] and abs(diff) >= 10_000:
            rf = [x for x in chg if hasattr(x, 'kind') and x.kind == 'pct'][0]
            wrong = [abs(diff) / g.P[f'{p}/sg_{s}'] * 100 for s in ('buy', 'run') if g.P[f'{p}/sg_{s}']]
            g.cand('rate-base', fid=rf.id, wrong=wrong, exact=abs(diff) / g.P[k] * 100)
        d.p(*parts, *chg, '。')
    tg = getattr(g, 'unit_sum_targets', {})
    for k, f in tg.items():
        d.c_sum(f, ufig[k], 'units')


SECTION_FUNCS = [s_total, s_income, s_expense, s_fiscal, s_gp, s_basic, s_sangong, s_gf, s_gy, s_other, s_units]


def glossary(g):
    d = g.doc
    items = [
        ('一般公共预算财政拨款收入', '指本级财政当年拨付的一般公共预算资金。'),
        ('政府性基金预算财政拨款收入', '指本级财政当年拨付的政府性基金预算资金。'),
        ('财政专户管理资金收入' if not g.final else '事业收入', '指纳入财政专户管理、按规定取得的资金收入。'),
        ('上年结转' if not g.final else '年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金，含政府性基金预算上年结转。'),
        ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
        ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
        ('“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'),
    ]
    if g.o['jg'] == 'broad':
        items.append(('机关运行经费', '本地区口径下，指列支在办公费、印刷费、水电费、邮电费、差旅费、维修（护）费、会议费、培训费、公务接待费、'
                                  '公务用车运行维护费等经济科目的全部资金，既包括基本支出，也包括项目支出。'))
    else:
        items.append(('机关运行经费', '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的公用经费。'))
    for i, (a, b) in enumerate(items):
        d.p(f'{i + 1}.{a}：{b}')
