"""Facts of one synthetic department, in integer 元."""
import hashlib
import random

REGIONS = ['江宁区', '临川区', '青山湖区', '和平区', '越秀县', '平江县', '栖霞市', '宁乡市', '汇川区', '高新区',
           '兰陵县', '永定区']
LEIS = {'201': '一般公共服务支出', '204': '公共安全支出', '208': '社会保障和就业支出', '210': '卫生健康支出',
        '211': '节能环保支出', '213': '农林水支出', '221': '住房保障支出', '229': '其他支出'}
# name, kuan code, kuan name, [(code, name, kind)] kind: basic / proj / unit (事业运行, basic)
DEPTS = [
    ('审计局', '20108', '审计事务', [('2010801', '行政运行', 'basic'), ('2010804', '审计业务', 'proj'),
                                  ('2010899', '其他审计事务支出', 'proj')]),
    ('统计局', '20105', '统计信息事务', [('2010501', '行政运行', 'basic'), ('2010507', '专项普查活动', 'proj'),
                                     ('2010508', '统计抽样调查', 'proj')]),
    ('商务局', '20113', '商贸事务', [('2011301', '行政运行', 'basic'), ('2011308', '招商引资', 'proj'),
                                  ('2011399', '其他商贸事务支出', 'proj')]),
    ('政务服务管理局', '20103', '政府办公厅（室）及相关机构事务',
     [('2010301', '行政运行', 'basic'), ('2010302', '一般行政管理事务', 'proj'), ('2010350', '事业运行', 'unit')]),
    ('司法局', '20406', '司法', [('2040601', '行政运行', 'basic'), ('2040604', '基层司法业务', 'proj'),
                              ('2040610', '社区矫正', 'proj')]),
    ('生态环境局', '21101', '环境保护管理事务', [('2110101', '行政运行', 'basic'), ('2110104', '生态环境保护宣传', 'proj'),
                                         ('2110199', '其他环境保护管理事务支出', 'proj')]),
    ('农业农村局', '21301', '农业农村', [('2130101', '行政运行', 'basic'), ('2130104', '事业运行', 'unit'),
                                    ('2130108', '病虫害控制', 'proj')]),
]
COMMON = [('2080505', '机关事业单位基本养老保险缴费支出', '20805', '行政事业单位养老支出'),
          ('2080506', '机关事业单位职业年金缴费支出', '20805', '行政事业单位养老支出'),
          ('2101101', '行政单位医疗', '21011', '行政事业单位医疗'),
          ('2101102', '事业单位医疗', '21011', '行政事业单位医疗'),
          ('2210201', '住房公积金', '22102', '住房改革支出')]
FUND_LEAF = ('2296002', '用于社会福利的彩票公益金支出', '22960', '彩票公益金安排的支出')
PERS = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
        ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'), ('30110', '职工基本医疗保险缴费'),
        ('30113', '住房公积金'), ('30199', '其他工资福利支出'), ('30305', '生活补助')]
PUB = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
       ('30209', '物业管理费'), ('30211', '差旅费'), ('30212', '因公出国（境）费用'), ('30213', '维修（护）费'),
       ('30215', '会议费'), ('30216', '培训费'), ('30217', '公务接待费'), ('30228', '工会经费'), ('30229', '福利费'),
       ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'), ('30299', '其他商品和服务支出')]


def rng_for(*parts):
    return random.Random(hashlib.sha256('|'.join(map(str, parts)).encode()).hexdigest())


def split(rng, total, n, lo=0.3):
    ws = [rng.uniform(lo, 1.0) for _ in range(n)]
    s = sum(ws)
    out = [int(total * w / s) for w in ws]
    out[0] += total - sum(out)
    return out


def prior(rng, cur, mode):
    """Last year's value for cur. mode: flat / nearflat / times / normal."""
    if cur == 0:
        return 0
    if mode == 'flat':
        return cur
    if mode == 'nearflat':
        return cur + rng.choice([-1, 1]) * max(1, cur // 2500)
    if mode == 'times':
        return int(cur / rng.uniform(2.15, 3.6))
    f = rng.choice([rng.uniform(0.72, 0.95), rng.uniform(1.04, 1.35), rng.uniform(0.55, 0.8), rng.uniform(1.08, 1.6)])
    return max(1, int(cur / f))


def build(seed, slot, doc_type, opts):
    r = rng_for('gen12-facts', seed, slot, doc_type)
    di = r.randrange(len(DEPTS))
    dname, kcode, kname, own = DEPTS[di]
    region = r.choice(REGIONS)
    year = r.choice([2023, 2024, 2025, 2026])
    F = {}
    scale = r.choice([32_000_000, 85_000_000, 160_000_000, 230_000_000, 410_000_000])  # 元 (3200万 …)
    scale = int(scale * r.uniform(0.8, 1.25))
    # economic items of 基本支出
    basic = int(scale * r.uniform(0.35, 0.55))
    pers = int(basic * r.uniform(0.68, 0.82))
    pub = basic - pers
    pv = split(r, pers, len(PERS), 0.2)
    # keep pension, annuity, medical, housing fund modest and plausible
    pv_named = dict(zip([c for c, _ in PERS], pv))
    fixed = {'30108': int(pers * 0.11), '30109': int(pers * 0.045), '30110': int(pers * 0.06),
             '30113': int(pers * 0.09), '30305': int(pers * 0.015)}
    rest = pers - sum(fixed.values())
    others = ['30101', '30102', '30103', '30107', '30199']
    ow = split(r, rest, len(others), 0.3)
    pv_named = dict(fixed)
    pv_named.update(zip(others, ow))
    for c, _ in PERS:
        F['e' + c] = pv_named[c]
    has_abroad = opts['abroad']
    gv = split(r, pub, len(PUB), 0.15)
    for (c, _), v in zip(PUB, gv):
        F['e' + c] = v
    # bounded 三公 items inside 公用经费
    small = {'30212': (int(pub * 0.02) if has_abroad else 0), '30217': int(pub * r.uniform(0.01, 0.03)),
             '30231': int(pub * r.uniform(0.03, 0.07))}
    for c, v in small.items():
        diff = F['e' + c] - v
        F['e' + c] = v
        F['e30299'] += diff
    F['pers'] = pers
    F['pub'] = pub
    F['basic'] = basic
    # function leaves
    leaves = []
    mk = kcode[:3]
    for code, name, kind in own:
        leaves.append(dict(code=code, name=name, kind=kind, kuan=kcode, kuan_name=kname, lei=mk))
    for code, name, kc, kn in COMMON:
        leaves.append(dict(code=code, name=name, kind='basic', kuan=kc, kuan_name=kn, lei=code[:3]))
    if opts['fund']:
        leaves.append(dict(code=FUND_LEAF[0], name=FUND_LEAF[1], kind='fund', kuan=FUND_LEAF[2],
                           kuan_name=FUND_LEAF[3], lei='229'))
    # basic per leaf
    tie = {'2080505': F['e30108'], '2080506': F['e30109'], '2210201': F['e30113']}
    med = F['e30110']
    tie['2101101'] = int(med * 0.6)
    tie['2101102'] = med - tie['2101101']
    run_total = basic - sum(tie.values())
    units = [lf for lf in leaves if lf['kind'] in ('basic', 'unit') and lf['code'] not in tie]
    if len(units) == 2:
        a = int(run_total * r.uniform(0.6, 0.8))
        runs = [a, run_total - a]
    else:
        runs = [run_total]
    for lf in leaves:
        lf.update(gb=0, gp=0, fund=0, sy=0, qt=0, jz=0)
        if lf['code'] in tie:
            lf['gb'] = tie[lf['code']]
    for lf, v in zip(units, runs):
        lf['gb'] = v
    projs = [lf for lf in leaves if lf['kind'] == 'proj']
    if not projs:
        projs = [units[0]]
    project_gp = int(scale * r.uniform(0.25, 0.5))
    for lf, v in zip(projs, split(r, project_gp, len(projs), 0.4)):
        lf['gp'] = v
    fund_total = 0
    for lf in leaves:
        if lf['kind'] == 'fund':
            lf['fund'] = fund_total = int(scale * r.uniform(0.02, 0.06))
    # non-fiscal money on the first project leaf
    ol = projs[0]
    if opts['nonfiscal']:
        ol['sy'] = int(scale * r.uniform(0.03, 0.08))
        ol['qt'] = int(scale * r.uniform(0.005, 0.02))
        if doc_type == 'budget':
            ol['jz'] = int(scale * r.uniform(0.01, 0.03))
    for lf in leaves:
        lf['gp_total'] = lf['gb'] + lf['gp']
        lf['total'] = lf['gp_total'] + lf['fund'] + lf['sy'] + lf['qt'] + lf['jz']
        lf['proj'] = lf['gp'] + lf['fund'] + lf['sy'] + lf['qt'] + lf['jz']
    F['proj'] = sum(lf['proj'] for lf in leaves)
    F['gp_total'] = sum(lf['gp_total'] for lf in leaves)
    F['gp_basic'] = basic
    F['gp_proj'] = sum(lf['gp'] for lf in leaves)
    F['fund'] = fund_total
    F['sy'] = sum(lf['sy'] for lf in leaves)
    F['qt'] = sum(lf['qt'] for lf in leaves)
    F['jz'] = sum(lf['jz'] for lf in leaves)
    F['exp'] = basic + F['proj']
    F['fiscal_exp'] = F['gp_total'] + F['fund']
    if doc_type == 'budget':
        F['inc'] = F['gp_total'] + F['fund'] + F['sy'] + F['qt']
        F['b0'] = F['jz']
        F['b1'] = 0
        F['fiscal_b0'] = 0
        F['fiscal_b1'] = 0
        F['gp_inc'] = F['gp_total']
    else:
        b0 = int(scale * r.uniform(0.0, 0.04))
        b1 = int(scale * r.uniform(0.0, 0.04))
        F['gp_inc'] = F['gp_total'] + b1 - b0
        F['fiscal_b0'] = b0
        F['fiscal_b1'] = b1
        F['b0'] = b0
        F['b1'] = b1
        F['inc'] = F['gp_inc'] + F['fund'] + F['sy'] + F['qt']
        # income per leaf: the carry-over difference sits on the first project leaf
        for lf in leaves:
            lf['gp_inc'] = lf['gp_total']
        ol['gp_inc'] += b1 - b0
        assert ol['gp_inc'] >= 0
    F['inc_total'] = F['inc'] + F['b0']
    F['exp_total'] = F['exp'] + F['b1']
    assert F['inc_total'] == F['exp_total']
    F['fiscal_total'] = F['gp_inc'] + F['fund'] + F['fiscal_b0']
    assert F['fiscal_total'] == F['fiscal_exp'] + F['fiscal_b1']
    # 三公
    F['sg_abroad'] = F['e30212']
    F['sg_recv'] = F['e30217']
    F['sg_carop'] = F['e30231']
    F['sg_carbuy'] = (int(r.uniform(18, 32) * 10000) * r.choice([0, 1, 1, 2])) if opts['carbuy'] else 0
    F['sg_car'] = F['sg_carbuy'] + F['sg_carop']
    F['sg'] = F['sg_abroad'] + F['sg_car'] + F['sg_recv']
    if F['sg_carbuy'] > F['gp_proj']:
        F['sg_carbuy'] = 0
        F['sg_car'] = F['sg_carop']
        F['sg'] = F['sg_abroad'] + F['sg_car'] + F['sg_recv']
    F['jgyx'] = int(pub * r.uniform(0.75, 0.95))
    # 政府采购
    pc = int(F['gp_proj'] * r.uniform(0.2, 0.6))
    g, w, s = split(r, pc, 3, 0.2)
    F['cg_goods'], F['cg_works'], F['cg_serv'] = g, w, s
    F['cg'] = g + w + s
    F['cg_sme'] = int(F['cg'] * r.uniform(0.6, 0.95))
    F['cg_micro'] = int(F['cg_sme'] * r.uniform(0.5, 0.9))
    # 资产 (final) and counts
    F['as_cur'] = int(scale * r.uniform(0.2, 0.6))
    F['as_fix'] = int(scale * r.uniform(0.3, 1.2))
    F['as_int'] = int(scale * r.uniform(0.0, 0.05))
    F['as_oth'] = int(scale * r.uniform(0.0, 0.03))
    F['as_total'] = F['as_cur'] + F['as_fix'] + F['as_int'] + F['as_oth']
    counts = dict(staff_adm=r.randint(18, 60), staff_unit=r.randint(0, 40), depts=r.randint(6, 14),
                  car_total=0, car_law=r.randint(1, 6), car_spec=r.randint(0, 3), car_other=r.randint(0, 2),
                  equip=r.randint(0, 5), proj_n=r.randint(3, 9))
    counts['car_total'] = counts['car_law'] + counts['car_spec'] + counts['car_other']
    counts['car_buy'] = F['sg_carbuy'] // 250000 if F['sg_carbuy'] else 0
    if F['sg_carbuy'] and counts['car_buy'] == 0:
        counts['car_buy'] = 1
    # prior-year values (上年预算 for budgets, 上年决算 for finals)
    P = {}
    modes = {k: 'normal' for k in ['inc_total', 'inc', 'exp', 'basic', 'proj', 'pers', 'pub', 'gp_total', 'gp_basic',
                                    'gp_proj', 'fiscal_total', 'sg', 'sg_abroad', 'sg_car', 'sg_carop', 'sg_carbuy',
                                    'sg_recv', 'jgyx', 'cg', 'fund', 'sy']}
    if opts['flat_item']:
        modes['sg_recv'] = 'flat'
    if opts['near_flat']:
        modes['jgyx'] = 'nearflat'
    if opts['times_phrase']:
        modes['cg'] = 'times'
    for k, m in modes.items():
        P[k] = prior(r, F[k], m)
    # prior split of 支出 for share-change (占比由A%提高到B%)
    P['basic'] = int(P['exp'] * F['basic'] / F['exp'] * r.uniform(0.9, 1.1))
    P['proj'] = P['exp'] - P['basic']
    P['sg'] = P['sg_abroad'] + P['sg_car'] + P['sg_recv']
    P['sg_car'] = P['sg_carop'] + P['sg_carbuy']
    P['sg'] = P['sg_abroad'] + P['sg_car'] + P['sg_recv']
    for lf in leaves:
        lf['prev'] = prior(r, lf['gp_total'], 'normal')
    # finals: 年初预算 and 调整预算 of the 一般公共预算 per leaf and totals
    if doc_type == 'final':
        for lf in leaves:
            lf['ncys'] = max(0, int(lf['gp_total'] * r.uniform(0.78, 1.05))) if lf['gp_total'] else 0
            lf['tzys'] = max(lf['gp_total'], int(lf['gp_total'] * r.uniform(1.0, 1.06)))
        F['ncys'] = sum(lf['ncys'] for lf in leaves)
        F['tzys'] = sum(lf['tzys'] for lf in leaves)
        F['sg_ys'] = int(F['sg'] * r.uniform(1.0, 1.25)) + 10000
        F['sg_ys_abroad'] = F['sg_abroad'] + (10000 if F['sg_abroad'] else 0)
        F['sg_ys_carbuy'] = F['sg_carbuy']
        F['sg_ys_recv'] = int(F['sg_recv'] * r.uniform(1.0, 1.3))
        F['sg_ys_carop'] = F['sg_ys'] - F['sg_ys_abroad'] - F['sg_ys_carbuy'] - F['sg_ys_recv']
        if F['sg_ys_carop'] < 0:
            F['sg_ys_carop'] = F['sg_carop']
            F['sg_ys'] = F['sg_ys_abroad'] + F['sg_ys_carbuy'] + F['sg_ys_recv'] + F['sg_ys_carop']
        F['sg_ys_car'] = F['sg_ys_carbuy'] + F['sg_ys_carop']
        # performance self-evaluation of projects
        perf = []
        for lf in projs:
            if lf['gp']:
                a = int(lf['gp'] * r.uniform(1.0, 1.15))
                perf.append(dict(name=f"{lf['name']}项目", a=a, b=lf['gp'], score=round(r.uniform(85, 99.5), 1)))
        F['perf_b'] = sum(p['b'] for p in perf)
    else:
        perf = []
        F['perf_b'] = F['gp_proj']
    dept = f"{region}{dname}"
    return dict(dept=dept, region=region, dname=dname, year=year, doc_type=doc_type, F=F, P=P, leaves=leaves,
                counts=counts, perf=perf, kuan=(kcode, kname))
