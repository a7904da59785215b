"""Facts of one department-year, in integer 元: function-class leaves by fund and stage,
carry-overs, prior-year figures, economic items, 三公, procurement."""
CLASSES = {'201': '一般公共服务支出', '207': '文化旅游体育与传媒支出', '208': '社会保障和就业支出',
           '210': '卫生健康支出', '212': '城乡社区支出', '213': '农林水支出',
           '220': '自然资源海洋气象等支出', '221': '住房保障支出', '229': '其他支出'}
KUAN = {'20103': '政府办公厅（室）及相关机构事务', '20701': '文化和旅游', '20802': '民政管理事务',
        '20805': '行政事业单位养老支出', '20810': '社会福利', '21001': '卫生健康管理事务', '21004': '公共卫生',
        '21011': '行政事业单位医疗', '21201': '城乡社区管理事务', '21208': '国有土地使用权出让收入安排的支出',
        '21301': '农业农村', '22001': '自然资源事务', '22102': '住房改革支出', '22960': '彩票公益金安排的支出'}
# leaf kinds: adm = 行政运行 (basic), inst = 事业运行 (basic, own income), prj = project, fund = 政府性基金
KINDS = {
    'zwfw': ('政务服务局', '政务服务中心', [('2010301', '行政运行', 'adm'), ('2010302', '一般行政管理事务', 'prj'),
                                       ('2010350', '事业运行', 'inst'),
                                       ('2010399', '其他政府办公厅（室）及相关机构事务支出', 'prj')]),
    'wl': ('文化旅游局', '文化馆', [('2070101', '行政运行', 'adm'), ('2070109', '群众文化', 'prj'),
                               ('2070199', '其他文化和旅游支出', 'inst'),
                               ('2296003', '用于体育事业的彩票公益金支出', 'fund')]),
    'mz': ('民政局', '社会福利中心', [('2080201', '行政运行', 'adm'), ('2080208', '基层政权建设和社区治理', 'prj'),
                                ('2081002', '老年福利', 'inst'),
                                ('2296002', '用于社会福利的彩票公益金支出', 'fund')]),
    'wj': ('卫生健康局', '疾病预防控制中心', [('2100101', '行政运行', 'adm'), ('2100401', '疾病预防控制机构', 'inst'),
                                    ('2100409', '重大公共卫生服务', 'prj')]),
    'zj': ('城市管理局', '市政设施维护中心', [('2120101', '行政运行', 'adm'), ('2120104', '城管执法', 'prj'),
                                    ('2120106', '市政公用行业市场监管', 'inst'),
                                    ('2120803', '城市建设支出', 'fund')]),
    'zr': ('自然资源局', '国土资源勘测中心', [('2200101', '行政运行', 'adm'),
                                    ('2200104', '自然资源规划及管理', 'prj'),
                                    ('2200150', '事业运行', 'inst'), ('2120801', '征地和拆迁补偿支出', 'fund')]),
    'nl': ('农业农村局', '农业技术推广中心', [('2130101', '行政运行', 'adm'), ('2130104', '事业运行', 'inst'),
                                    ('2130108', '病虫害控制', 'prj')]),
}
KUAN.update({'21201': '城乡社区管理事务', '22960': '彩票公益金安排的支出'})
SS = [('2080505', '机关事业单位基本养老保险缴费支出', 0.10), ('2080506', '机关事业单位职业年金缴费支出', 0.04),
      ('2101101', '行政单位医疗', 0.035), ('2101102', '事业单位医疗', 0.03), ('2210201', '住房公积金', 0.08)]
REGIONS = ['渠县', '宣汉县', '隆阳区', '西区', '江宁区', '永川区', '临潼区', '钟楼区', '兴化市', '桐庐县', '安吉县',
           '奈曼旗', '通榆县', '平江县', '龙泉市', '上杭县']
PERS = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
        ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'), ('30110', '职工基本医疗保险缴费'),
        ('30112', '其他社会保障缴费'), ('30113', '住房公积金'), ('30199', '其他工资福利支出'), ('30302', '退休费'),
        ('30305', '生活补助')]
PUB = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
       ('30211', '差旅费'), ('30213', '维修（护）费'), ('30215', '会议费'), ('30216', '培训费'),
       ('30217', '公务接待费'), ('30226', '劳务费'), ('30228', '工会经费'), ('30229', '福利费'),
       ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'), ('30299', '其他商品和服务支出')]
SRC = [('gp', '一般公共预算财政拨款收入'), ('gf', '政府性基金预算财政拨款收入'), ('gs', '国有资本经营预算财政拨款收入'),
       ('sj', '上级补助收入'), ('sy', '事业收入'), ('jy', '经营收入'), ('fs', '附属单位上缴收入'), ('qt', '其他收入'),
       ('zh', '财政专户管理资金收入')]


def split(rng, total, n, lo=0.3):
    """Split an integer into n positive integer parts."""
    if n == 1:
        return [total]
    w = [rng.uniform(lo, 1.0) for _ in range(n)]
    s = sum(w)
    parts = [int(total * x / s) for x in w]
    parts[-1] = total - sum(parts[:-1])
    return parts


def r100(x):
    return int(round(x / 100.0)) * 100


def make(rng, year):
    kind = rng.choice(sorted(KINDS))
    bureau, sub, leaves0 = KINDS[kind]
    region = rng.choice(REGIONS)
    F = {'year': year, 'kind': kind, 'dept': region + bureau, 'sub': region + sub, 'region': region}
    scale = rng.choice([3, 6, 12, 25, 60]) * 10 ** 5  # 元
    with_sub = rng.random() < 0.6
    leaves = []
    for code, name, k in leaves0:
        if k == 'inst' and not with_sub:
            continue
        if k == 'fund' and rng.random() < 0.3:
            continue
        leaves.append(dict(code=code, name=name, k=k))
    for code, name, _ in SS:
        if code == '2101102' and not with_sub:
            continue
        leaves.append(dict(code=code, name=name, k='ss'))
    salary = 0
    for L in leaves:
        for f in ('g_b', 'g_p', 'f_p', 'n_b', 'n_p', 'n_j', 'g_c0', 'g_c1', 'f_c0', 'f_c1'):
            L[f] = 0
        L['inc'] = {s: 0 for s, _ in SRC}
        k = L['k']
        if k == 'adm':
            L['g_b'] = int(scale * rng.uniform(0.25, 0.45)) + rng.randint(0, 99)
            salary += L['g_b']
        elif k == 'inst':
            L['g_b'] = int(scale * rng.uniform(0.15, 0.3)) + rng.randint(0, 99)
            L['n_b'] = int(scale * rng.uniform(0.05, 0.2)) + rng.randint(0, 99)
            L['n_p'] = int(scale * rng.uniform(0.0, 0.08))
            salary += L['g_b']
        elif k == 'prj':
            L['g_p'] = int(scale * rng.uniform(0.1, 0.5)) + rng.randint(0, 99)
            if rng.random() < 0.6:
                L['g_c0'] = int(L['g_p'] * rng.uniform(0.05, 0.3))
                L['g_c1'] = int(L['g_p'] * rng.uniform(0.02, 0.35))
        elif k == 'fund':
            L['f_p'] = int(scale * rng.uniform(0.05, 0.3)) + rng.randint(0, 99)
            L['f_c0'] = int(L['f_p'] * rng.uniform(0.0, 0.4))
            L['f_c1'] = int(L['f_p'] * rng.uniform(0.05, 0.5))
    for L in leaves:
        if L['k'] == 'ss':
            rate = dict((c, r) for c, _, r in SS)[L['code']]
            L['g_b'] = int(salary * rate * rng.uniform(0.8, 1.2)) + rng.randint(0, 99)
    # own income of subordinate units
    opt = {'jy': rng.random() < 0.3, 'zh': rng.random() < 0.5, 'sj': rng.random() < 0.3, 'qt': rng.random() < 0.7}
    for L in leaves:
        if L['k'] == 'inst':
            L['inc']['sy'] = int((L['n_b'] + L['n_p']) * rng.uniform(0.75, 1.0))
            if opt['zh']:
                L['inc']['zh'] = int(scale * rng.uniform(0.01, 0.05))
            if opt['jy']:
                L['n_j'] = int(scale * rng.uniform(0.01, 0.05))
                L['inc']['jy'] = int(L['n_j'] * rng.uniform(0.95, 1.2))
        if L['k'] == 'adm' and opt['qt']:
            L['inc']['qt'] = int(scale * rng.uniform(0.002, 0.02))
            L['n_b'] = int(L['inc']['qt'] * rng.uniform(0.5, 1.0))
        if L['k'] == 'prj' and opt['sj']:
            L['inc']['sj'] = int(scale * rng.uniform(0.02, 0.08))
            L['n_p'] = int(L['inc']['sj'] * rng.uniform(0.6, 1.0))
        L['inc']['gp'] = L['g_b'] + L['g_p'] + L['g_c1'] - L['g_c0']
        L['inc']['gf'] = L['f_p'] + L['f_c1'] - L['f_c0']
        L['g_e'] = L['g_b'] + L['g_p']
    # stages of the 一般公共预算 budget per leaf: 年初 (bud0), 调整 (bud1), 全年 (bud2)
    new_leaf = rng.choice([L for L in leaves if L['k'] in ('prj', 'inst')] + [None])
    for L in leaves:
        e = L['g_e']
        L['bud2'] = r100(e * rng.uniform(1.0, 1.12) + L['g_c1'])
        L['bud0'] = 0 if L is new_leaf else r100(L['bud2'] * rng.uniform(0.55, 0.95))
        L['bud1'] = r100(L['bud0'] + (L['bud2'] - L['bud0']) * rng.uniform(0.3, 0.9))
        L['prev'] = 0 if (L is new_leaf and rng.random() < 0.5) else int(e * rng.uniform(0.7, 1.3))
    F['leaves'] = leaves
    T = {}
    for s, _ in SRC:
        T['inc.' + s] = sum(L['inc'][s] for L in leaves)
    T['inc.fin'] = T['inc.gp'] + T['inc.gf'] + T['inc.gs']
    T['inc.total'] = sum(T['inc.' + s] for s, _ in SRC)
    T['gp.basic'] = sum(L['g_b'] for L in leaves)
    T['gp.proj'] = sum(L['g_p'] for L in leaves)
    T['gp.exp'] = T['gp.basic'] + T['gp.proj']
    T['gf.exp'] = sum(L['f_p'] for L in leaves)
    T['fin.exp'] = T['gp.exp'] + T['gf.exp']
    T['basic'] = T['gp.basic'] + sum(L['n_b'] for L in leaves)
    T['proj'] = T['gp.proj'] + T['gf.exp'] + sum(L['n_p'] for L in leaves)
    T['jyexp'] = sum(L['n_j'] for L in leaves)
    T['exp.total'] = T['basic'] + T['proj'] + T['jyexp']
    for st in ('bud0', 'bud1', 'bud2', 'prev'):
        T['gp.' + st] = sum(L[st] for L in leaves)
    T['gp.c0'] = sum(L['g_c0'] for L in leaves) + r100(scale * rng.uniform(0, 0.02))
    T['gp.c1'] = T['gp.c0'] + T['inc.gp'] - T['gp.exp']
    T['gf.c0'] = sum(L['f_c0'] for L in leaves)
    T['gf.c1'] = sum(L['f_c1'] for L in leaves)
    T['gs.c0'] = T['gs.c1'] = 0
    T['fin.c0'] = T['gp.c0'] + T['gf.c0']
    T['fin.c1'] = T['gp.c1'] + T['gf.c1']
    T['use'] = int(scale * rng.uniform(0.005, 0.02)) if rng.random() < 0.3 else 0
    T['dist'] = int(scale * rng.uniform(0.002, 0.01)) if rng.random() < 0.25 else 0
    nonfin_inc = T['inc.total'] - T['inc.fin']
    nonfin_exp = T['exp.total'] - T['fin.exp']
    need = nonfin_exp + T['dist'] - nonfin_inc - T['use']
    T['n.c0'] = max(0, need) + int(scale * rng.uniform(0.0, 0.04))
    T['n.c1'] = T['n.c0'] + nonfin_inc + T['use'] - nonfin_exp - T['dist']
    T['c0'] = T['fin.c0'] + T['n.c0']
    T['c1'] = T['fin.c1'] + T['n.c1']
    T['grand'] = T['inc.total'] + T['use'] + T['c0']
    assert T['grand'] == T['exp.total'] + T['dist'] + T['c1'], 'balance'
    T['fin.grand'] = T['inc.fin'] + T['fin.c0']
    assert T['fin.grand'] == T['fin.exp'] + T['fin.c1']
    # prior year (上年决算); last year's 年末 = this year's 年初, at every scope
    P = {}

    def g(x, lo=0.7, hi=1.3):
        return int(x * rng.uniform(lo, hi)) if x else 0
    for s, _ in SRC:
        P['inc.' + s] = g(T['inc.' + s])
    P['inc.fin'] = P['inc.gp'] + P['inc.gf'] + P['inc.gs']
    P['inc.total'] = sum(P['inc.' + s] for s, _ in SRC)
    P['c1'], P['fin.c1'], P['gp.c1'], P['gf.c1'] = T['c0'], T['fin.c0'], T['gp.c0'], T['gf.c0']
    P['c0'] = g(T['c0'], 0.5, 1.5) + r100(scale * 0.01)
    P['use'], P['dist'] = g(T['use']), 0
    P['grand'] = P['inc.total'] + P['use'] + P['c0']
    P['exp.total'] = P['grand'] - P['dist'] - P['c1']
    if P['exp.total'] <= 0:
        P['c0'] += -P['exp.total'] + scale // 2
        P['grand'] = P['inc.total'] + P['use'] + P['c0']
        P['exp.total'] = P['grand'] - P['dist'] - P['c1']
    P['jyexp'] = g(T['jyexp'])
    P['basic'] = int((P['exp.total'] - P['jyexp']) * rng.uniform(0.45, 0.75))
    P['proj'] = P['exp.total'] - P['jyexp'] - P['basic']
    P['gp.exp'] = T['gp.prev']
    P['gf.exp'] = g(T['gf.exp'])
    P['fin.c0'] = g(T['fin.c0'], 0.5, 1.5)
    F['T'], F['P'] = T, P
    # economic classification of 一般公共预算 basic expenditure
    pers = int(T['gp.basic'] * rng.uniform(0.7, 0.88))
    pub = T['gp.basic'] - pers
    np_ = rng.randint(7, len(PERS))
    nq = rng.randint(8, len(PUB))
    F['pers'] = list(zip(sorted(rng.sample(PERS, np_)), split(rng, pers, np_, 0.1)))
    F['pub'] = list(zip(sorted(rng.sample(PUB, nq)), split(rng, pub, nq, 0.1)))
    T['pers'], T['pub'] = pers, pub
    # 三公: 预算 (one stage), 决算, 上年决算
    sg = {}
    car = rng.random() < 0.85
    for stage in ('act', 'bud', 'prev'):
        f = {'act': 1.0, 'bud': rng.uniform(1.0, 1.3), 'prev': rng.uniform(0.7, 1.3)}[stage]
        base = pub * 0.02
        sg[stage] = {'abroad': int(base * f * rng.uniform(0.5, 1.5)) if rng.random() < 0.25 else 0,
                     'carbuy': int(base * 8 * f) if (car and rng.random() < 0.2) else 0,
                     'carrun': int(base * 2 * f * rng.uniform(0.6, 1.4)) if car else 0,
                     'recdom': int(base * f * rng.uniform(0.3, 1.5)) + rng.randint(1, 999),
                     'recfor': 0}
        d = sg[stage]
        d['car'] = d['carbuy'] + d['carrun']
        d['rec'] = d['recdom'] + d['recfor']
        d['total'] = d['abroad'] + d['car'] + d['rec']
    F['sg'] = sg
    F['jg'] = int(pub * rng.uniform(0.6, 0.95))
    F['jg_prev'] = int(F['jg'] * rng.uniform(0.7, 1.3))
    cg = {k: int(scale * rng.uniform(0.01, 0.15)) for k in ('goods', 'works', 'serv')}
    if rng.random() < 0.4:
        cg['works'] = 0
    cg['total'] = cg['goods'] + cg['works'] + cg['serv']
    cg['sme'] = int(cg['total'] * rng.uniform(0.5, 0.95))
    cg['micro'] = int(cg['sme'] * rng.uniform(0.4, 0.9))
    F['cg'] = cg
    F['staff'] = (rng.randint(15, 60), rng.randint(0, 40) if with_sub else 0)
    F['with_sub'] = with_sub
    return F
