"""facts10: the numbers behind one synthetic department, in integer fen.

A department is a 本级 (administrative unit) plus 1-3 subordinate 事业 units.  Every unit gets
leaf values (economic items, projects, 三公 items, carries, procurement items) in several
scenarios: `cur` (the year reported), `prev` (last year's 年初预算 for a budget, last year's 决算
for a final), and for finals `b0` (年初预算) and `b1` (调整预算 / 全年预算).  Composite values
(totals, function-class trees, department 汇总) are derived by `compose()` from the leaves of one
scenario, so every identity holds exactly in fen.
"""

WAN = 1_000_000  # fen per 万元
YUAN = 100

REGIONS = [('山西省', '晋中市'), ('吉林省', '四平市'), ('安徽省', '安庆市'), ('陕西省', '宝鸡市'),
           ('青海省', '海东市'), ('广西壮族自治区', '梧州市'), ('黑龙江省', '绥化市'), ('山西省', '长治市'),
           ('吉林省', '白山市'), ('安徽省', '六安市')]

# department kinds: class 201/213/220/207 with their 款 and 项 codes
KINDS = [
    dict(dept='市场监督管理局', cls=('201', '一般公共服务支出'), kuan=('20138', '市场监督管理事务'),
         leaves={'run': ('2013801', '行政运行'), 'adm': ('2013802', '一般行政管理事务'),
                 'inst': ('2013850', '事业运行'), 'oth': ('2013899', '其他市场监督管理事务')},
         units=['食品药品检验检测中心', '市场监管综合行政执法支队', '消费者权益保护服务中心'],
         projects=['食品安全抽检经费', '特种设备安全监察经费', '计量检定设备购置经费', '12315热线运维经费']),
    dict(dept='自然资源局', cls=('220', '自然资源海洋气象等支出'), kuan=('22001', '自然资源事务'),
         leaves={'run': ('2200101', '行政运行'), 'adm': ('2200102', '一般行政管理事务'),
                 'inst': ('2200150', '事业运行'), 'oth': ('2200199', '其他自然资源事务支出')},
         units=['不动产登记中心', '国土空间规划服务中心', '自然资源调查监测中心'],
         projects=['国土空间规划编制经费', '不动产登记系统运维经费', '地质灾害防治经费', '耕地保护督察经费']),
    dict(dept='农业农村局', cls=('213', '农林水支出'), kuan=('21301', '农业农村'),
         leaves={'run': ('2130101', '行政运行'), 'adm': ('2130102', '一般行政管理事务'),
                 'inst': ('2130104', '事业运行'), 'oth': ('2130199', '其他农业农村支出')},
         units=['农业技术推广中心', '农产品质量安全检测中心', '动物疫病预防控制中心'],
         projects=['农业技术推广补助经费', '动物防疫物资购置经费', '高标准农田建设管理经费', '农产品质量监测经费']),
    dict(dept='政务服务管理局', cls=('201', '一般公共服务支出'), kuan=('20103', '政府办公厅（室）及相关机构事务'),
         leaves={'run': ('2010301', '行政运行'), 'adm': ('2010302', '一般行政管理事务'),
                 'inst': ('2010350', '事业运行'), 'oth': ('2010399', '其他政府办公厅（室）及相关机构事务支出')},
         units=['政务服务中心', '大数据服务中心', '公共资源交易中心'],
         projects=['政务服务大厅运行经费', '一体化政务服务平台运维经费', '12345热线服务经费', '营商环境评价经费']),
    dict(dept='统计局', cls=('201', '一般公共服务支出'), kuan=('20105', '统计信息事务'),
         leaves={'run': ('2010501', '行政运行'), 'adm': ('2010502', '一般行政管理事务'),
                 'inst': ('2010550', '事业运行'), 'oth': ('2010599', '其他统计信息事务支出')},
         units=['社会经济调查队', '统计数据管理中心', '普查中心'],
         projects=['经济普查经费', '统计调查专项经费', '统计执法检查经费', '统计数据处理系统运维经费']),
]
# the 机构运行 project names (shape 6)
RUN_PROJECTS = ['其他机构运行经费', '机构运行保障经费']

CLASS_NAMES = {'201': '一般公共服务支出', '208': '社会保障和就业支出', '210': '卫生健康支出',
               '213': '农林水支出', '220': '自然资源海洋气象等支出', '221': '住房保障支出', '229': '其他支出',
               '207': '文化旅游体育与传媒支出'}
FIXED_LEAVES = {
    'pension': ('208', ('20805', '行政事业单位养老支出'), ('2080505', '机关事业单位基本养老保险缴费支出')),
    'annuity': ('208', ('20805', '行政事业单位养老支出'), ('2080506', '机关事业单位职业年金缴费支出')),
    'med_adm': ('210', ('21011', '行政事业单位医疗'), ('2101101', '行政单位医疗')),
    'med_inst': ('210', ('21011', '行政事业单位医疗'), ('2101102', '事业单位医疗')),
    'housing': ('221', ('22102', '住房改革支出'), ('2210201', '住房公积金')),
    'gf': ('229', ('22960', '彩票公益金安排的支出'), ('2296099', '用于其他社会公益事业的彩票公益金支出')),
}

PERS = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
        ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'), ('30110', '职工基本医疗保险缴费'),
        ('30113', '住房公积金'), ('30199', '其他工资福利支出')]
PUB = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
       ('30211', '差旅费'), ('30213', '维修（护）费'), ('30215', '会议费'), ('30216', '培训费'),
       ('30217', '公务接待费'), ('30228', '工会经费'), ('30229', '福利费'), ('30231', '公务用车运行维护费'),
       ('30239', '其他交通费用'), ('30299', '其他商品和服务支出')]
# economic codes whose spending counts as 机关运行经费 under the local (broad) definition
OFFICE_CODES = ['30201', '30202', '30205', '30206', '30207', '30211', '30213', '30215', '30216', '30217', '30231']
PROC_ITEMS = {'货物': ['办公设备', '执法装备', '检测仪器', '办公家具', '计算机设备'],
              '工程': ['办公楼维修改造工程', '业务用房装修工程'],
              '服务': ['物业管理服务', '印刷服务', '信息系统运维服务', '审计咨询服务', '保安服务']}


def rnd(r, lo_wan, hi_wan):
    """a random amount in fen between lo and hi 万元."""
    return r.randint(int(lo_wan * WAN), int(hi_wan * WAN))


class Unit:
    def __init__(self, uid, name, short, admin):
        self.uid, self.name, self.short, self.admin = uid, name, short, admin


def make_department(r, doc_type, year):
    kind = r.choice(KINDS)
    prov, city = r.choice(REGIONS)
    dept = city + kind['dept']
    nsub = r.choice([1, 2, 2, 3])
    sub_names = r.sample(kind['units'], nsub)
    units = [Unit('u0', dept + '本级', '本级', True)]
    for i, n in enumerate(sub_names):
        units.append(Unit(f'u{i + 1}', city + n, n, False))
    D = dict(kind=kind, prov=prov, city=city, dept=dept, units=units, doc_type=doc_type, year=year)
    # ---- leaves of the current year
    leaves = {}
    for u in units:
        L = {}
        big = 1.0 if u.admin else r.uniform(0.4, 0.9)
        L['pers'] = {}
        base = rnd(r, 60, 260) * big
        shares = {'30101': 0.28, '30102': 0.22, '30103': 0.05, '30107': 0.12, '30108': 0.12, '30109': 0.05,
                  '30110': 0.07, '30113': 0.08, '30199': 0.01}
        for code, _ in PERS:
            if code == '30107' and u.admin:
                L['pers'][code] = 0
                continue
            L['pers'][code] = int(base * shares[code] * r.uniform(0.8, 1.2))
        L['pub'] = {}
        for code, _ in PUB:
            if r.random() < 0.12 and code not in ('30201', '30231', '30217', '30299'):
                L['pub'][code] = 0
            else:
                L['pub'][code] = rnd(r, 0.3, 9.0 if code != '30299' else 18.0) * big
        L['pub'] = {k: int(v) for k, v in L['pub'].items()}
        # projects: (name, leafkey, fund, amount, office part)
        projs = []
        pool = list(kind['projects'])
        r.shuffle(pool)
        npj = r.randint(1, 3) if u.admin else r.randint(1, 2)
        if u.admin or r.random() < 0.5:
            nm = RUN_PROJECTS[int(u.uid[1:]) % 2] if not u.admin else r.choice(RUN_PROJECTS)
            amt = rnd(r, 8, 60)
            projs.append(dict(name=nm, leaf='adm' if u.admin else 'inst', fund='gp', amt=amt,
                              office=int(amt * r.uniform(0.4, 0.9))))
        for k in range(npj):
            amt = rnd(r, 10, 180) * big
            projs.append(dict(name=pool[k], leaf=r.choice(['adm', 'oth']) if u.admin else 'oth', fund='gp',
                              amt=int(amt), office=int(amt * r.uniform(0.0, 0.2))))
        if not u.admin and r.random() < 0.7:
            projs.append(dict(name='专项业务服务收入支出', leaf='oth', fund='nf', amt=rnd(r, 5, 60), office=0))
        if u.uid == 'u0' and r.random() < 0.75:
            projs.append(dict(name='彩票公益金资助项目', leaf='gf', fund='gf', amt=rnd(r, 10, 90), office=0))
        L['proj'] = projs
        # 三公
        L['sg'] = dict(cg=rnd(r, 1, 6) if (u.admin and r.random() < 0.3) else 0,
                       buy=rnd(r, 12, 30) if r.random() < (0.6 if u.admin else 0.3) else 0,
                       run=L['pub']['30231'], jd=L['pub']['30217'])
        # carries
        L['cin_gf'] = rnd(r, 2, 20) if any(p['fund'] == 'gf' for p in projs) else 0
        L['cin_gp'] = rnd(r, 1, 15) if doc_type == 'final' else 0
        L['cout_gp'] = rnd(r, 1, 12) if doc_type == 'final' else 0
        L['cout_gf'] = rnd(r, 1, 8) if (doc_type == 'final' and L['cin_gf']) else 0
        # nf split proportions
        L['nfsplit'] = (r.choice([0, 0.3, 0.5]), r.choice([0.2, 0.4]))
        # procurement
        proc = []
        for kindp, items in PROC_ITEMS.items():
            if kindp == '工程' and r.random() < 0.6:
                continue
            for it in r.sample(items, r.randint(1, 2)):
                proc.append((kindp, it, rnd(r, 2, 40) * (1 if u.admin else 0.6)))
        L['proc'] = [(a, b, int(c)) for a, b, c in proc]
        L['sme_share'] = r.uniform(0.6, 0.95)
        L['small_share'] = r.uniform(0.5, 0.9)
        leaves[u.uid] = L
    D['cur'] = leaves
    D['prev'] = scale_leaves(r, leaves, 0.75, 1.25)
    if doc_type == 'final':
        b1 = scale_leaves(r, leaves, 1.0, 1.10)
        b0 = scale_leaves(r, b1, 0.72, 0.93)
        D['b1'], D['b0'] = b1, b0
    return D


def scale_leaves(r, leaves, lo, hi):
    out = {}
    for uid, L in leaves.items():
        M = {}
        M['pers'] = {k: (int(v * r.uniform(lo, hi)) if v else 0) for k, v in L['pers'].items()}
        M['pub'] = {k: (int(v * r.uniform(lo, hi)) if v else 0) for k, v in L['pub'].items()}
        M['proj'] = []
        for p in L['proj']:
            q = dict(p)
            f = r.uniform(lo, hi)
            q['amt'] = int(p['amt'] * f)
            q['office'] = int(p['office'] * f)
            M['proj'].append(q)
        sg = {}
        for k, v in L['sg'].items():
            sg[k] = int(v * r.uniform(lo, hi)) if v else 0
        # a car bought last year and not this year, or the reverse, is realistic
        if L['sg']['buy'] and r.random() < 0.25:
            sg['buy'] = 0
        M['sg'] = sg
        for k in ('cin_gf', 'cin_gp', 'cout_gp', 'cout_gf'):
            M[k] = int(L[k] * r.uniform(lo, hi))
        M['nfsplit'] = L['nfsplit']
        M['proc'] = L['proc']
        M['sme_share'], M['small_share'] = L['sme_share'], L['small_share']
        out[uid] = M
    return out


def compose(D, scen):
    """all composite values of one scenario: dict key -> fen."""
    leaves = D[scen]
    kind = D['kind']
    V = {}
    fn_all = {}  # leaf code -> [basic, project] gp ; gf separately

    def add(key, v):
        V[key] = V.get(key, 0) + v

    for u in D['units']:
        L = leaves[u.uid]
        p = u.uid
        pers = sum(L['pers'].values())
        pub = sum(L['pub'].values())
        V[f'{p}/pers'] = pers
        V[f'{p}/pub'] = pub
        V[f'{p}/basic'] = pers + pub
        for c, v in L['pers'].items():
            V[f'{p}/e/{c}'] = v
        for c, v in L['pub'].items():
            V[f'{p}/e/{c}'] = v
        proj_gp = sum(x['amt'] for x in L['proj'] if x['fund'] == 'gp')
        proj_gf = sum(x['amt'] for x in L['proj'] if x['fund'] == 'gf')
        proj_nf = sum(x['amt'] for x in L['proj'] if x['fund'] == 'nf')
        V[f'{p}/proj'] = proj_gp + proj_gf + proj_nf
        V[f'{p}/proj_gp'] = proj_gp
        for i, x in enumerate(L['proj']):
            V[f'{p}/pj{i}'] = x['amt']
        V[f'{p}/exp'] = V[f'{p}/basic'] + V[f'{p}/proj']
        # function leaves (gp basic / gp project / gf project / nf)
        fl = {}

        def fadd(code, col, v):
            fl.setdefault(code, {'b': 0, 'p': 0, 'gf': 0, 'nf': 0})[col] += v
        runleaf = kind['leaves']['run' if u.admin else 'inst'][0]
        tied = L['pers']['30108'] + L['pers']['30109'] + L['pers']['30110'] + L['pers']['30113']
        fadd(runleaf, 'b', pers - tied + pub)
        fadd(FIXED_LEAVES['pension'][2][0], 'b', L['pers']['30108'])
        fadd(FIXED_LEAVES['annuity'][2][0], 'b', L['pers']['30109'])
        fadd(FIXED_LEAVES['med_adm' if u.admin else 'med_inst'][2][0], 'b', L['pers']['30110'])
        fadd(FIXED_LEAVES['housing'][2][0], 'b', L['pers']['30113'])
        for x in L['proj']:
            code = FIXED_LEAVES['gf'][2][0] if x['leaf'] == 'gf' else kind['leaves'][x['leaf']][0]
            fadd(code, {'gp': 'p', 'gf': 'gf', 'nf': 'nf'}[x['fund']], x['amt'])
        for code, d in fl.items():
            for col, v in d.items():
                V[f'{p}/fn/{code}/{col}'] = v
                add(f'dept/fn/{code}/{col}', v)
                fn_all.setdefault(code, set())
        # income
        gp_spend = pers + pub + proj_gp
        V[f'{p}/cin_gp'], V[f'{p}/cin_gf'] = L['cin_gp'], L['cin_gf']
        V[f'{p}/cout_gp'], V[f'{p}/cout_gf'] = L['cout_gp'], L['cout_gf']
        V[f'{p}/inc_gp'] = gp_spend + L['cout_gp'] - L['cin_gp']
        V[f'{p}/inc_gf'] = proj_gf + L['cout_gf'] - L['cin_gf']
        a, b = L['nfsplit']
        sy = int(proj_nf * a)
        sj = int(proj_nf * b)
        V[f'{p}/inc_sy'] = sy       # 财政专户管理资金收入 (budget) / 事业收入 (final)
        V[f'{p}/inc_sj'] = sj       # 上级补助收入
        V[f'{p}/inc_qt'] = proj_nf - sy - sj  # 单位资金 / 其他收入
        V[f'{p}/inc_cz'] = V[f'{p}/inc_gp'] + V[f'{p}/inc_gf']
        V[f'{p}/inc'] = V[f'{p}/inc_cz'] + sy + sj + V[f'{p}/inc_qt']
        V[f'{p}/cin'] = L['cin_gp'] + L['cin_gf']
        V[f'{p}/cout'] = L['cout_gp'] + L['cout_gf']
        V[f'{p}/inc_total'] = V[f'{p}/inc'] + V[f'{p}/cin']
        V[f'{p}/exp_total'] = V[f'{p}/exp'] + V[f'{p}/cout']
        assert V[f'{p}/inc_total'] == V[f'{p}/exp_total'], (p, V[f'{p}/inc_total'], V[f'{p}/exp_total'])
        V[f'{p}/gp_exp'] = gp_spend
        V[f'{p}/gf_exp'] = proj_gf
        # 三公
        sg = L['sg']
        V[f'{p}/sg_cg'], V[f'{p}/sg_buy'], V[f'{p}/sg_run'], V[f'{p}/sg_jd'] = sg['cg'], sg['buy'], sg['run'], sg['jd']
        V[f'{p}/sg_car'] = sg['buy'] + sg['run']
        V[f'{p}/sg'] = sg['cg'] + sg['buy'] + sg['run'] + sg['jd']
        # 机关运行经费 (broad definition): office codes in basic + office part of projects
        V[f'{p}/jg_basic'] = sum(L['pub'][c] for c in OFFICE_CODES)
        V[f'{p}/jg_proj'] = sum(x['office'] for x in L['proj'] if x['fund'] == 'gp')
        V[f'{p}/jg_broad'] = V[f'{p}/jg_basic'] + V[f'{p}/jg_proj']
        # procurement
        tot = {'货物': 0, '工程': 0, '服务': 0}
        for i, (k, it, amt) in enumerate(L['proc']):
            V[f'{p}/pc{i}'] = amt
            tot[k] += amt
        V[f'{p}/pc_hw'], V[f'{p}/pc_gc'], V[f'{p}/pc_fw'] = tot['货物'], tot['工程'], tot['服务']
        V[f'{p}/pc'] = sum(tot.values())
        V[f'{p}/pc_sme'] = int(V[f'{p}/pc'] * L['sme_share'])
        V[f'{p}/pc_small'] = int(V[f'{p}/pc_sme'] * L['small_share'])
    # department 汇总
    ukeys = [k.split('/', 1)[1] for k in V if k.startswith('u0/') and '/fn/' not in k]
    for k in ukeys:
        if k.startswith(('e/', 'pj', 'pc')) and k not in ('pc', 'pc_hw', 'pc_gc', 'pc_fw', 'pc_sme', 'pc_small'):
            continue
        V[f'dept/{k}'] = sum(V.get(f'{u.uid}/{k}', 0) for u in D['units'])
    for c, _ in PERS + PUB:
        V[f'dept/e/{c}'] = sum(V.get(f'{u.uid}/e/{c}', 0) for u in D['units'])
    # function tree (gp: b/p, gf) for dept and per unit: 款 and 类 sums
    for scope in ['dept'] + [u.uid for u in D['units']]:
        for code in list(fn_all):
            for col in ('b', 'p', 'gf', 'nf'):
                v = V.get(f'{scope}/fn/{code}/{col}', 0)
                V[f'{scope}/fn/{code}/{col}'] = v
                add(f'{scope}/fn/{code[:5]}/{col}', v) if code[:5] != code else None
                add(f'{scope}/fn/{code[:3]}/{col}', v)
    V['_fn_leaves'] = sorted(fn_all)
    return V


def fn_name(D, code):
    kind = D['kind']
    for k, (c, n) in kind['leaves'].items():
        if c == code:
            return n
    if code == kind['kuan'][0]:
        return kind['kuan'][1]
    for _, (c5, n5), (c7, n7) in FIXED_LEAVES.values():
        if code == c7:
            return n7
        if code == c5:
            return n5
    return CLASS_NAMES[code[:3]] if len(code) == 3 else '?'
