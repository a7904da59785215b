"""facts7: the facts behind one synthetic disclosure, all money in integer fen.

Nothing here prints anything.  build7 turns these facts into text and tables and
registers every printed figure with doc7.  All identities hold exactly on these
integers, so any rounding of them is consistent within interval arithmetic.
"""
from types import SimpleNamespace as NS

WAN = 1_000_000          # fen in one 万元
YUAN = 100               # fen in one 元

# regions whose public pages were read for this generator (see README)
REGIONS = [
    ('北京市', '怀柔区'), ('北京市', '平谷区'), ('北京市', '门头沟区'),
    ('吉林省', '梨树县'), ('吉林省', '抚松县'),
    ('黑龙江省', '宾县'), ('黑龙江省', '五常市'),
    ('山东省', '莒南县'), ('山东省', '平邑县'),
    ('河南省', '新安县'), ('河南省', '许昌市建安区'),
    ('江西省', '奉新县'), ('江西省', '安远县'),
    ('青海省', '湟源县'), ('甘肃省', '临泽县'), ('甘肃省', '永靖县'),
    ('西藏自治区', '林周县'),
    ('辽宁省', '本溪满族自治县'), ('辽宁省', '岫岩满族自治县'),
    ('广西壮族自治区', '柳城县'), ('广西壮族自治区', '田东县'),
]

# function classes: (类 code, 类 name, 款 code, 款 name, [(项 code, 项 name, nature)])
# nature: basic = carries 基本支出 (行政运行/事业运行), proj = project only, mixed
DEPTS = {
    'zwfw': dict(
        name='政务服务管理局', short='政务服务局',
        subs=['政务服务中心', '公共资源交易中心', '12345政务服务便民热线中心'],
        main=[('201', '一般公共服务支出', '20103', '政府办公厅（室）及相关机构事务',
               [('2010301', '行政运行', 'basic'), ('2010302', '一般行政管理事务', 'proj'),
                ('2010350', '事业运行', 'basic'), ('2010399', '其他政府办公厅（室）及相关机构事务支出', 'proj')])],
        projects=['政务服务大厅运行维护经费', '一体化政务服务平台运维经费', '12345热线运行经费',
                  '公共资源交易系统升级项目', '窗口综合服务人员经费', '帮办代办服务经费'],
        gf=None,
        duties=['承担全县（区）政务服务体系建设的统筹协调和指导监督', '负责政务服务大厅的运行管理和窗口工作人员考核',
                '推进“一网通办”和“最多跑一次”改革', '负责公共资源交易平台的建设和运行管理',
                '负责12345政务服务便民热线的受理、转办和督办']),
    'nyj': dict(
        name='农业农村局', short='农业农村局',
        subs=['农业技术推广中心', '动物疫病预防控制中心', '农村经营管理站'],
        main=[('213', '农林水支出', '21301', '农业农村',
               [('2130101', '行政运行', 'basic'), ('2130104', '事业运行', 'basic'),
                ('2130108', '病虫害控制', 'proj'), ('2130122', '农业生产发展', 'proj'),
                ('2130153', '农田建设', 'proj')])],
        projects=['高标准农田建设管护经费', '农作物病虫害统防统治', '基层农技推广体系改革与建设',
                  '动物防疫物资采购', '农村人居环境整治', '耕地地力保护监测'],
        gf=None,
        duties=['贯彻执行农业农村工作的方针政策和法律法规', '统筹推进乡村振兴和农村改革',
                '负责种植业、畜牧业、渔业等农业各产业的监督管理', '组织农业技术推广和农业防灾减灾',
                '负责耕地及永久基本农田质量保护']),
    'zrzy': dict(
        name='自然资源局', short='自然资源局',
        subs=['不动产登记中心', '土地储备中心', '测绘地理信息服务中心'],
        main=[('220', '自然资源海洋气象等支出', '22001', '自然资源事务',
               [('2200101', '行政运行', 'basic'), ('2200106', '自然资源利用与保护', 'proj'),
                ('2200109', '自然资源调查与确权登记', 'proj'), ('2200150', '事业运行', 'basic')])],
        projects=['国土空间规划编制', '不动产登记系统运维', '自然资源确权登记', '地质灾害隐患点监测',
                  '土地变更调查', '耕地保护专项经费'],
        gf=('212', '城乡社区支出', '21208', '国有土地使用权出让收入安排的支出',
            [('2120802', '土地开发支出', 'proj'), ('2120899', '其他国有土地使用权出让收入安排的支出', 'proj')]),
        duties=['履行全民所有自然资源资产所有者职责', '负责自然资源调查监测评价和统一确权登记',
                '负责国土空间规划和用途管制', '负责耕地保护和土地储备管理', '负责地质灾害防治的组织指导']),
    'mzj': dict(
        name='民政局', short='民政局',
        subs=['社会福利中心', '殡葬管理所', '救助管理站'],
        main=[('208', '社会保障和就业支出', '20802', '民政管理事务',
               [('2080201', '行政运行', 'basic'), ('2080208', '基层政权建设和社区治理', 'proj'),
                ('2080250', '事业运行', 'basic')]),
              ('208', '社会保障和就业支出', '20810', '社会福利',
               [('2081002', '老年福利', 'proj'), ('2081004', '殡葬', 'proj')])],
        projects=['困难群众临时救助工作经费', '居家养老服务补贴', '社区治理示范创建', '殡葬设施维护',
                  '社会组织等级评估', '流浪乞讨人员救助'],
        gf=('229', '其他支出', '22960', '彩票公益金安排的支出',
            [('2296002', '用于社会福利的彩票公益金支出', 'proj')]),
        duties=['负责社会救助和社会福利工作', '负责养老服务体系建设', '指导城乡社区治理和基层政权建设',
                '负责社会组织登记管理', '负责殡葬管理和婚姻登记']),
    'scjg': dict(
        name='市场监督管理局', short='市场监管局',
        subs=['食品药品检验检测中心', '消费者权益保护中心', '市场监管综合执法大队'],
        main=[('201', '一般公共服务支出', '20138', '市场监督管理事务',
               [('2013801', '行政运行', 'basic'), ('2013804', '市场主体管理', 'proj'),
                ('2013805', '市场秩序执法', 'proj'), ('2013812', '药品事务', 'proj'),
                ('2013816', '食品安全监管', 'proj'), ('2013850', '事业运行', 'basic')])],
        projects=['食品安全抽检经费', '药品医疗器械监管', '特种设备安全监察', '市场主体信用监管',
                  '计量器具强制检定', '消费者投诉处理'],
        gf=None,
        duties=['负责市场综合监督管理', '负责市场主体统一登记注册', '负责食品安全和药品安全监督管理',
                '负责特种设备安全监督管理', '负责计量、标准化和认证认可工作']),
    'wlj': dict(
        name='文化广电和旅游局', short='文旅局',
        subs=['文化馆', '图书馆', '文物管理所'],
        main=[('207', '文化旅游体育与传媒支出', '20701', '文化和旅游',
               [('2070101', '行政运行', 'basic'), ('2070104', '图书馆', 'mixed'),
                ('2070109', '群众文化', 'proj'), ('2070112', '文化和旅游市场管理', 'proj')]),
              ('207', '文化旅游体育与传媒支出', '20702', '文物',
               [('2070204', '文物保护', 'proj')])],
        projects=['送戏下乡文化惠民演出', '公共图书馆免费开放', '文物保护单位修缮', '旅游宣传推介',
                  '非物质文化遗产保护', '群众文化活动'],
        gf=('229', '其他支出', '22960', '彩票公益金安排的支出',
            [('2296003', '用于体育事业的彩票公益金支出', 'proj')]),
        duties=['贯彻执行文化、广电、旅游和文物工作的方针政策', '统筹全县（区）公共文化服务体系建设',
                '负责文物和非物质文化遗产保护', '负责旅游市场监督管理和宣传推广', '指导群众文化活动']),
    'yjj': dict(
        name='应急管理局', short='应急管理局',
        subs=['应急救援指挥中心', '安全生产监察大队'],
        main=[('224', '灾害防治及应急管理支出', '22401', '应急管理事务',
               [('2240101', '行政运行', 'basic'), ('2240106', '安全监管', 'proj'),
                ('2240108', '应急救援', 'proj'), ('2240150', '事业运行', 'basic')])],
        projects=['安全生产专项检查', '应急物资储备', '森林防灭火队伍建设', '应急指挥平台运维',
                  '自然灾害救助', '安全生产宣传教育'],
        gf=None,
        duties=['负责应急管理工作，指导各部门应对安全生产类、自然灾害类突发事件',
                '组织编制总体应急预案和安全生产类、自然灾害类专项预案', '负责安全生产综合监督管理',
                '统筹应急救援力量建设', '负责应急物资储备和调度']),
}

# social-security style leaves present in every department
SOCIAL = [
    ('208', '社会保障和就业支出', '20805', '行政事业单位养老支出',
     [('2080505', '机关事业单位基本养老保险缴费支出', 'basic'), ('2080506', '机关事业单位职业年金缴费支出', 'basic')]),
    ('210', '卫生健康支出', '21011', '行政事业单位医疗',
     [('2101101', '行政单位医疗', 'basic'), ('2101102', '事业单位医疗', 'basic'), ('2101103', '公务员医疗补助', 'basic')]),
    ('221', '住房保障支出', '22102', '住房改革支出',
     [('2210201', '住房公积金', 'basic')]),
]

PERSONNEL = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
             ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'),
             ('30110', '职工基本医疗保险缴费'), ('30111', '公务员医疗补助缴费'),
             ('30112', '其他社会保障缴费'), ('30113', '住房公积金'), ('30199', '其他工资福利支出')]
FAMILY = [('30302', '退休费'), ('30305', '生活补助'), ('30309', '奖励金')]
PUBLIC = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
          ('30208', '取暖费'), ('30209', '物业管理费'), ('30211', '差旅费'), ('30213', '维修（护）费'),
          ('30216', '培训费'), ('30217', '公务接待费'), ('30226', '劳务费'), ('30228', '工会经费'),
          ('30229', '福利费'), ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'),
          ('30299', '其他商品和服务支出')]
CAPITAL = [('31002', '办公设备购置')]
ECON_CLASS = {'301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '310': '资本性支出'}
# econ item -> function leaves it is tied to
TIES = {'30108': ['2080505'], '30109': ['2080506'], '30110': ['2101101', '2101102'],
        '30111': ['2101103'], '30113': ['2210201']}

CAR_KINDS = ['主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车',
             '离退休干部服务用车', '其他用车']
UNIT_TYPES = ['行政单位', '参照公务员法管理的事业单位', '公益一类事业单位', '公益二类事业单位']


def amt(rng, lo_wan, hi_wan, whole_yuan=0.5):
    """A random amount in fen between lo and hi 万元."""
    v = int(rng.uniform(lo_wan, hi_wan) * WAN)
    if rng.random() < whole_yuan:
        v -= v % YUAN
    return max(v, 0)


def split(rng, total, n, min_share=0.05):
    """Split an integer total into n non-negative integer parts (exact sum)."""
    if n <= 0:
        return []
    ws = [rng.uniform(min_share, 1.0) for _ in range(n)]
    s = sum(ws)
    parts = [int(total * w / s) for w in ws]
    parts[-1] += total - sum(parts)
    return parts


def vary(rng, v, lo=-0.35, hi=0.45, zero_p=0.0):
    """Last year's (or the budget's) counterpart of an amount."""
    if zero_p and rng.random() < zero_p:
        return 0
    r = rng.uniform(lo, hi)
    if abs(r) < 0.02:
        r = 0.05
    p = int(v / (1 + r))
    return p - p % YUAN if rng.random() < 0.6 else p


def make_facts(rng, doc_type, year, dept_key=None):
    f = NS()
    f.doc_type = doc_type
    f.year = year
    f.prov, f.county = rng.choice(REGIONS)
    f.dept_key = dept_key or rng.choice(sorted(DEPTS))
    d = DEPTS[f.dept_key]
    f.dept_name = f.county + d['name']
    f.dept_short = d['short']
    f.duties = list(d['duties'])
    scale = rng.choice([0.4, 1.0, 2.5, 6.0])

    # ---- units (单位构成) ----
    nsub = rng.randint(1, min(3, len(d['subs'])))
    subs = rng.sample(d['subs'], nsub)
    units = [NS(name=f.dept_name + '（本级）' if rng.random() < 0.5 else f.dept_name + '机关',
                type='行政单位')]
    for s in subs:
        units.append(NS(name=f.county + s, type=rng.choice(UNIT_TYPES[1:])))
    for u in units:
        u.quota = rng.randint(4, 30)
        u.staff = max(1, u.quota - rng.randint(0, 4))
    f.units = units

    # ---- function leaves ----
    groups = []
    for lei, lname, kuan, kname, items in d['main']:
        groups.append((lei, lname, kuan, kname, list(items)))
    for lei, lname, kuan, kname, items in SOCIAL:
        its = list(items)
        if rng.random() < 0.5 and kuan == '21011':
            its = [i for i in its if i[0] != '2101103']
        if rng.random() < 0.3 and kuan == '20805':
            its = [i for i in its if i[0] != '2080506']
        groups.append((lei, lname, kuan, kname, its))
    leaves = []
    for lei, lname, kuan, kname, items in groups:
        for code, name, nature in items:
            leaves.append(NS(code=code, name=name, nature=nature, kuan=kuan, kname=kname, lei=lei, lname=lname,
                             gp_basic=0, gp_proj=0, gf_basic=0, gf_proj=0, ot_basic=0, ot_proj=0))
    if d['gf'] and rng.random() < 0.7:
        lei, lname, kuan, kname, items = d['gf']
        for code, name, nature in items[:rng.randint(1, len(items))]:
            leaves.append(NS(code=code, name=name, nature='gf', kuan=kuan, kname=kname, lei=lei, lname=lname,
                             gp_basic=0, gp_proj=0, gf_basic=0, gf_proj=0, ot_basic=0, ot_proj=0))
    byc = {lf.code: lf for lf in leaves}

    # ---- economic classification of 一般公共预算 basic expenditure ----
    econ = {}
    for code, name in PERSONNEL:
        econ[code] = 0
    base = amt(rng, 60, 160) * scale
    econ['30101'] = int(base)
    econ['30102'] = int(base * rng.uniform(0.3, 0.6))
    econ['30103'] = int(base * rng.uniform(0.0, 0.08)) if rng.random() < 0.6 else 0
    econ['30107'] = int(base * rng.uniform(0.5, 0.9))
    pay = econ['30101'] + econ['30102'] + econ['30107']
    econ['30108'] = int(pay * 0.16)
    econ['30109'] = int(pay * 0.08) if '2080506' in byc else 0
    econ['30110'] = int(pay * rng.uniform(0.06, 0.09))
    econ['30111'] = int(pay * 0.02) if '2101103' in byc else 0
    econ['30112'] = int(pay * rng.uniform(0.005, 0.02))
    econ['30113'] = int(pay * 0.12)
    econ['30199'] = int(base * rng.uniform(0.02, 0.1))
    for code, _ in FAMILY:
        econ[code] = int(base * rng.uniform(0.01, 0.12)) if rng.random() < 0.5 else 0
    pub_total = int(base * rng.uniform(0.15, 0.5))
    pubs = [c for c, _ in PUBLIC]
    chosen = [c for c in pubs if rng.random() < 0.7 or c in ('30201', '30231', '30217', '30228')]
    parts = split(rng, pub_total, len(chosen))
    for c in pubs:
        econ[c] = 0
    for c, p in zip(chosen, parts):
        econ[c] = p
    econ['31002'] = int(base * rng.uniform(0.0, 0.05)) if rng.random() < 0.5 else 0
    for k in econ:
        if econ[k] and rng.random() < 0.5:
            econ[k] -= econ[k] % YUAN
    f.econ = econ
    f.personnel = sum(econ[c] for c, _ in PERSONNEL) + sum(econ[c] for c, _ in FAMILY)
    f.public = sum(econ[c] for c, _ in PUBLIC) + sum(econ[c] for c, _ in CAPITAL)
    f.gp_basic = f.personnel + f.public

    # tie social leaves to econ items, split the medical one between 行政/事业 leaves
    for ec, codes in TIES.items():
        present = [c for c in codes if c in byc]
        if not present:
            continue
        ps = split(rng, econ[ec], len(present), 0.3)
        for c, p in zip(present, ps):
            byc[c].gp_basic = p
    tied = sum(lf.gp_basic for lf in leaves)
    rest = f.gp_basic - tied
    carriers = [lf for lf in leaves if lf.nature in ('basic', 'mixed') and lf.gp_basic == 0]
    for lf, p in zip(carriers, split(rng, rest, len(carriers), 0.2)):
        lf.gp_basic = p

    # ---- projects (一般公共预算 project expenditure) ----
    pleaves = [lf for lf in leaves if lf.nature in ('proj', 'mixed')]
    nproj = rng.randint(3, min(6, len(d['projects'])))
    names = rng.sample(d['projects'], nproj)
    projects = []
    for i, nm in enumerate(names):
        lf = pleaves[i % len(pleaves)]
        a = amt(rng, 8, 120) * scale
        a = int(a)
        a -= a % YUAN
        projects.append(NS(name=nm, leaf=lf.code, amount=a))
        lf.gp_proj += a
    f.projects = projects

    # ---- 政府性基金 ----
    for lf in leaves:
        if lf.nature == 'gf':
            lf.gf_proj = int(amt(rng, 20, 300) * scale)
    # ---- non-fiscal money (事业收入/其他收入) ----
    f.has_other = rng.random() < 0.45
    if f.has_other:
        tgt = [lf for lf in leaves if lf.nature in ('basic', 'mixed', 'proj') and lf.lei not in ('208', '210', '221')]
        for lf in rng.sample(tgt, min(2, len(tgt))):
            if rng.random() < 0.5:
                lf.ot_basic = int(amt(rng, 2, 40) * scale)
            else:
                lf.ot_proj = int(amt(rng, 2, 40) * scale)
    for lf in leaves:
        lf.gp = lf.gp_basic + lf.gp_proj
        lf.gf = lf.gf_basic + lf.gf_proj
        lf.ot = lf.ot_basic + lf.ot_proj
        lf.basic = lf.gp_basic + lf.gf_basic + lf.ot_basic
        lf.proj = lf.gp_proj + lf.gf_proj + lf.ot_proj
        lf.total = lf.basic + lf.proj
        lf.fis = lf.gp + lf.gf
    leaves = [lf for lf in leaves if lf.total > 0]
    f.leaves = leaves

    # ---- carry-overs (attached to project leaves) and income by leaf ----
    for lf in leaves:
        lf.gp_open = lf.gp_close = lf.gf_open = lf.gf_close = 0
    projl = [lf for lf in leaves if lf.gp_proj > 0]
    gfl = [lf for lf in leaves if lf.gf > 0]
    if doc_type == 'final':
        for lf in rng.sample(projl, min(len(projl), rng.randint(1, 2))):
            lf.gp_open = int(lf.gp_proj * rng.uniform(0.05, 0.4))
            lf.gp_close = int(lf.gp_proj * rng.uniform(0.02, 0.5)) if rng.random() < 0.8 else 0
        for lf in gfl:
            if rng.random() < 0.6:
                lf.gf_open = int(lf.gf * rng.uniform(0.05, 0.3))
                lf.gf_close = int(lf.gf * rng.uniform(0.0, 0.3))
    else:
        # a budget uses last year's 结转 as part of this year's income; nothing is carried forward
        for lf in rng.sample(projl, min(len(projl), rng.randint(0, 2))):
            lf.gp_open = int(lf.gp_proj * rng.uniform(0.05, 0.35))
        for lf in gfl:
            if rng.random() < 0.4:
                lf.gf_open = int(lf.gf * rng.uniform(0.05, 0.3))
    for lf in leaves:
        for k in ('gp_open', 'gp_close', 'gf_open', 'gf_close'):
            v = getattr(lf, k)
            setattr(lf, k, v - v % YUAN)
        lf.inc_gp = lf.gp - lf.gp_open + lf.gp_close
        lf.inc_gf = lf.gf - lf.gf_open + lf.gf_close
        lf.inc_sy = lf.ot // 2 if lf.ot and rng.random() < 0.5 else lf.ot
        lf.inc_qt = lf.ot - lf.inc_sy
        lf.open = lf.gp_open + lf.gf_open
        lf.close = lf.gp_close + lf.gf_close
        lf.inc_total = lf.inc_gp + lf.inc_gf + lf.inc_sy + lf.inc_qt
        lf.fis_open = lf.open

    S = lambda attr: sum(getattr(lf, attr) for lf in leaves)
    f.tot = NS(**{k: S(k) for k in ('gp_basic', 'gp_proj', 'gf_basic', 'gf_proj', 'ot_basic', 'ot_proj', 'gp', 'gf',
                                    'ot', 'basic', 'proj', 'total', 'fis', 'gp_open', 'gp_close', 'gf_open',
                                    'gf_close', 'inc_gp', 'inc_gf', 'inc_sy', 'inc_qt', 'open', 'close', 'inc_total')})
    t = f.tot
    t.use = 0            # 使用非财政拨款结余
    t.dist = 0           # 结余分配
    t.inc_grand = t.inc_total + t.use + t.open
    t.exp_grand = t.total + t.dist + t.close
    assert t.inc_grand == t.exp_grand, (t.inc_grand, t.exp_grand)
    t.fis_inc = t.inc_gp + t.inc_gf
    t.fis_grand = t.fis_inc + t.gp_open + t.gf_open
    assert t.fis_grand == t.fis + t.gp_close + t.gf_close

    # ---- last year / budget counterparts ----
    f.prev = {}
    for k in ('inc_grand', 'inc_total', 'total', 'basic', 'proj', 'fis_grand', 'gp', 'fis_inc', 'personnel', 'public'):
        v = getattr(t, k, None) if k not in ('personnel', 'public') else getattr(f, k)
        f.prev[k] = vary(rng, v)
    if doc_type == 'final':
        # year-start budget (年初预算) and adjusted budget (调整预算) for every 一般公共预算 leaf
        for lf in leaves:
            if lf.gp == 0:
                lf.b0 = lf.b1 = 0
                continue
            lf.b0 = vary(rng, lf.gp, -0.3, 0.6, zero_p=0.12 if lf.nature == 'proj' else 0.0)
            lf.b1 = lf.gp if rng.random() < 0.35 else vary(rng, lf.gp, -0.15, 0.25)
            if lf.b1 == 0:
                lf.b1 = lf.gp
        t.b0 = sum(lf.b0 for lf in leaves)
        t.b1 = sum(lf.b1 for lf in leaves)
        f.prev_open = t.open          # last year's 年末 = this year's 年初 (stated in text)

    # ---- 三公 ----
    sg = NS()
    sg.abroad = amt(rng, 0.5, 6) if rng.random() < 0.25 else 0
    sg.car_buy = amt(rng, 12, 28) if rng.random() < 0.25 else 0
    sg.car_run = econ['30231'] if econ['30231'] else amt(rng, 1, 8)
    sg.recep = econ['30217']
    sg.car = sg.car_buy + sg.car_run
    sg.total = sg.abroad + sg.car + sg.recep
    sg.recep_batches = rng.randint(2, 40) if sg.recep else 0
    sg.recep_people = sg.recep_batches * rng.randint(3, 12)
    sg.abroad_groups = rng.randint(1, 2) if sg.abroad else 0
    sg.abroad_people = sg.abroad_groups * rng.randint(1, 4)
    sg.cars_bought = 1 if sg.car_buy else 0
    sg.prev = NS(abroad=vary(rng, sg.abroad) if sg.abroad and rng.random() < 0.7 else (0 if rng.random() < 0.7 else amt(rng, 0.5, 4)),
                 car_buy=0 if rng.random() < 0.8 else amt(rng, 10, 25),
                 car_run=vary(rng, sg.car_run) if rng.random() < 0.85 else sg.car_run,
                 recep=vary(rng, sg.recep) if sg.recep else amt(rng, 0.2, 3))
    sg.prev.car = sg.prev.car_buy + sg.prev.car_run
    sg.prev.total = sg.prev.abroad + sg.prev.car + sg.prev.recep
    if doc_type == 'final':
        sg.bud = NS(abroad=sg.abroad if sg.abroad == 0 else vary(rng, sg.abroad, -0.3, 0.0),
                    car_buy=sg.car_buy if rng.random() < 0.7 else vary(rng, sg.car_buy, -0.2, 0.0) if sg.car_buy else 0,
                    car_run=vary(rng, sg.car_run, -0.3, 0.05),
                    recep=vary(rng, sg.recep, -0.4, 0.05) if sg.recep else amt(rng, 0.5, 2))
        sg.bud.car = sg.bud.car_buy + sg.bud.car_run
        sg.bud.total = sg.bud.abroad + sg.bud.car + sg.bud.recep
    f.sg = sg

    # ---- 机关运行经费 (≤ 公用经费) ----
    f.yx = int(f.public * rng.uniform(0.5, 0.95))
    f.yx -= f.yx % YUAN
    f.yx_prev = vary(rng, f.yx)

    # ---- 政府采购 ----
    cg = NS()
    cg.goods = int(amt(rng, 3, 80) * scale)
    cg.works = int(amt(rng, 10, 200) * scale) if rng.random() < 0.35 else 0
    cg.serv = int(amt(rng, 5, 120) * scale) if rng.random() < 0.8 else 0
    cg.total = cg.goods + cg.works + cg.serv
    cg.sme = int(cg.total * rng.uniform(0.4, 1.0))
    cg.micro = int(cg.sme * rng.uniform(0.2, 1.0))
    cg.goods_sme = 0
    f.cg = cg

    # ---- 国有资产 ----
    ncar = rng.randint(0, 9)
    kinds = rng.sample(CAR_KINDS, rng.randint(2, 4))
    if '其他用车' not in kinds:
        kinds.append('其他用车')
    kinds = [k for k in CAR_KINDS if k in kinds]
    cars = dict(zip(kinds, split(rng, ncar, len(kinds), 0.0) if ncar else [0] * len(kinds)))
    f.cars = cars
    f.car_total = ncar
    f.eq50 = rng.randint(0, 5)
    f.eq100 = rng.randint(0, 2)
    if doc_type == 'final':
        a = NS()
        a.current = int(amt(rng, 50, 900) * scale)
        a.fixed = int(amt(rng, 100, 3000) * scale)
        a.intangible = int(amt(rng, 0, 60) * scale) if rng.random() < 0.6 else 0
        a.other = 0
        a.total = a.current + a.fixed + a.intangible + a.other
        f.assets = a

    # ---- 绩效 ----
    pf = NS()
    pf.nproj = len(projects)
    pf.goal_n = pf.nproj if rng.random() < 0.7 else max(1, pf.nproj - rng.randint(1, 2))
    pf.goal_fund = sum(p.amount for p in projects[:pf.goal_n])
    pf.fund_total = sum(p.amount for p in projects)
    f.perf = pf

    # ---- per-unit income and expenditure ----
    nunits = len(units)
    inc_parts = split(rng, t.inc_total, nunits, 0.2)
    exp_parts = []
    for i, ip in enumerate(inc_parts):
        exp_parts.append(ip)
    # move carry-over differences onto the first unit so that Σ exp = 本年支出合计
    exp_parts[0] += t.total - sum(exp_parts)
    if exp_parts[0] < 0:
        exp_parts = split(rng, t.total, nunits, 0.2)
    for u, ip, ep in zip(units, inc_parts, exp_parts):
        u.inc = ip
        u.exp = ep
        u.inc_prev = vary(rng, ip)
    return f
