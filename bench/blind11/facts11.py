"""gen11 facts: departments, function / economic classification, amounts in integer fen, and the
figure registry (every printed number is a figure with a key, a unit, decimals and its printed string).
"""
from fractions import Fraction as Fr
import math

FEN_PER = {'yuan': 100, 'wan': 1000000}

# ---------------------------------------------------------------- number formatting

def rhu(x, dec):
    """round half up a Fraction to dec decimals, returning a Fraction"""
    q = 10 ** dec
    n = Fr(x) * q
    if n >= 0:
        r = math.floor(n + Fr(1, 2))
    else:
        r = -math.floor(-n + Fr(1, 2))
    return Fr(r, q)


def fmt_fr(x, dec, thousands=False, signed=False):
    """print a Fraction already or not yet rounded, with dec decimals"""
    r = rhu(x, dec)
    neg = r < 0
    a = -r if neg else r
    q = 10 ** dec
    n = int(a * q)
    ip, fp = divmod(n, q)
    s = f'{ip:,}' if thousands else str(ip)
    if dec:
        s += '.' + str(fp).rjust(dec, '0')
    if neg and n != 0:
        s = '-' + s
    elif signed and n != 0:
        s = s
    return s


def fen_to_unit(fen, unit):
    return Fr(fen, FEN_PER[unit])


# ---------------------------------------------------------------- catalogues
# (code, name, kind) kind: B = basic (行政运行/事业运行), P = project, and the 经济-linked leaves
COMMON_LEAVES = [
    ('208', '社会保障和就业支出', None),
    ('20805', '行政事业单位养老支出', None),
    ('2080501', '行政单位离退休', 'L:30302'),
    ('2080505', '机关事业单位基本养老保险缴费支出', 'L:30108'),
    ('2080506', '机关事业单位职业年金缴费支出', 'L:30109'),
    ('210', '卫生健康支出', None),
    ('21011', '行政事业单位医疗', None),
    ('2101101', '行政单位医疗', 'L:30110'),
    ('2101103', '公务员医疗补助', 'L:30112'),
    ('221', '住房保障支出', None),
    ('22102', '住房改革支出', None),
    ('2210201', '住房公积金', 'L:30113'),
]

DEPTS = {
    '市场监督管理局': [
        ('201', '一般公共服务支出', None),
        ('20138', '市场监督管理事务', None),
        ('2013801', '行政运行', 'B'),
        ('2013804', '市场主体管理', 'P'),
        ('2013805', '市场秩序执法', 'P'),
        ('2013812', '药品事务', 'P'),
        ('2013816', '食品安全监管', 'P'),
        ('2013899', '其他市场监督管理事务支出', 'P'),
    ],
    '司法局': [
        ('204', '公共安全支出', None),
        ('20406', '司法', None),
        ('2040601', '行政运行', 'B'),
        ('2040604', '基层司法业务', 'P'),
        ('2040605', '普法宣传', 'P'),
        ('2040607', '公共法律服务', 'P'),
        ('2040610', '社区矫正', 'P'),
        ('2040699', '其他司法支出', 'P'),
    ],
    '生态环境局': [
        ('211', '节能环保支出', None),
        ('21101', '环境保护管理事务', None),
        ('2110101', '行政运行', 'B'),
        ('2110104', '生态环境保护宣传', 'P'),
        ('2110199', '其他环境保护管理事务支出', 'P'),
        ('21102', '环境监测与监察', None),
        ('2110299', '其他环境监测与监察支出', 'P'),
        ('21103', '污染防治', None),
        ('2110302', '水体', 'P'),
        ('2110301', '大气', 'P'),
    ],
    '文化广电和旅游局': [
        ('207', '文化旅游体育与传媒支出', None),
        ('20701', '文化和旅游', None),
        ('2070101', '行政运行', 'B'),
        ('2070109', '群众文化', 'P'),
        ('2070111', '文化创作与保护', 'P'),
        ('2070112', '文化和旅游市场管理', 'P'),
        ('2070199', '其他文化和旅游支出', 'P'),
        ('20702', '文物', None),
        ('2070204', '文物保护', 'P'),
    ],
    '农业农村局': [
        ('213', '农林水支出', None),
        ('21301', '农业农村', None),
        ('2130101', '行政运行', 'B'),
        ('2130104', '事业运行', 'B'),
        ('2130108', '病虫害控制', 'P'),
        ('2130122', '农业生产发展', 'P'),
        ('2130126', '农村社会事业', 'P'),
        ('2130148', '渔业发展', 'P'),
        ('2130199', '其他农业农村支出', 'P'),
    ],
    '政务服务和数据管理局': [
        ('201', '一般公共服务支出', None),
        ('20103', '政府办公厅（室）及相关机构事务', None),
        ('2010301', '行政运行', 'B'),
        ('2010302', '一般行政管理事务', 'P'),
        ('2010350', '事业运行', 'B'),
        ('2010399', '其他政府办公厅（室）及相关机构事务支出', 'P'),
        ('215', '资源勘探工业信息等支出', None),
        ('21505', '工业和信息产业监管', None),
        ('2150599', '其他工业和信息产业监管支出', 'P'),
    ],
}

DUTIES = {
    '市场监督管理局': ['负责市场综合监督管理', '统一登记市场主体并建立信息公示和共享机制', '组织市场监管综合执法工作',
                 '承担反垄断统一执法', '规范和维护市场秩序', '负责产品质量安全监督管理和特种设备安全监督管理',
                 '负责食品安全监督管理综合协调', '负责药品、医疗器械和化妆品的质量监督管理'],
    '司法局': ['负责拟订全区法治建设规划并组织实施', '承担统筹规划法治社会建设的责任', '负责拟订公共法律服务体系建设规划并指导实施',
            '指导、管理社区矫正工作', '指导、管理人民调解工作和司法所建设', '负责普法宣传工作', '负责管理律师、公证和司法鉴定工作'],
    '生态环境局': ['负责建立健全生态环境基本制度', '负责重大生态环境问题的统筹协调和监督管理', '负责监督管理减排目标的落实',
              '负责环境污染防治的监督管理', '指导协调和监督生态保护修复工作', '负责生态环境监测工作', '统一负责生态环境监督执法'],
    '文化广电和旅游局': ['贯彻落实文化和旅游工作的方针政策', '统筹规划文化事业、文化产业和旅游业发展', '管理全区性重大文化活动',
                 '负责推进公共文化服务体系建设和旅游公共服务建设', '负责非物质文化遗产保护', '负责文物保护和考古发掘工作', '指导文化和旅游市场发展'],
    '农业农村局': ['统筹研究和组织实施“三农”工作的发展战略和政策', '负责种植业、畜牧业、渔业、农垦、农业机械化等农业各产业的监督管理',
              '负责农产品质量安全监督管理', '组织农业资源区划工作', '负责农业防灾减灾和农作物重大病虫害防治工作',
              '负责农业投资管理', '推动农业科技体制改革'],
    '政务服务和数据管理局': ['负责政务服务体系建设', '组织推进行政审批制度改革', '负责政务服务事项目录管理和标准化建设',
                    '统筹推进数字政府建设', '负责政务数据资源的归集、共享、开放和应用', '负责公共资源交易的监督管理', '承办区委、区政府交办的其他事项'],
}

WORKS = ['坚持问题导向，持续优化工作流程，推动各项重点任务落地见效', '加强干部队伍建设，开展业务培训和作风建设专项活动',
         '严格执行中央八项规定精神，厉行节约，压减一般性支出', '强化预算绩效管理，推动预算编制与绩效目标同步设定、同步审核',
         '围绕年度目标任务，细化责任分工，确保各项工作按期完成', '加强内部控制建设，规范资金使用和资产管理',
         '推进信息化建设，提升业务系统的集约化水平和数据共享能力', '落实安全生产责任制，开展隐患排查和专项整治']

REGIONS = [('河北省', '邢台市', '信都区'), ('山东省', '临沂市', '兰山区'), ('湖南省', '株洲市', '芦淞区'),
           ('江西省', '赣州市', '章贡区'), ('内蒙古自治区', '包头市', '昆都仑区'), ('宁夏回族自治区', '银川市', '兴庆区'),
           ('海南省', '海口市', '美兰区'), ('河北省', '保定市', '竞秀区'), ('山东省', '潍坊市', '奎文区'),
           ('湖南省', '岳阳市', '岳阳楼区'), ('江西省', '九江市', '濂溪区'), ('宁夏回族自治区', '石嘴山市', '大武口区')]

PERSON_ITEMS = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
                ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'), ('30110', '职工基本医疗保险缴费'),
                ('30112', '其他社会保障缴费'), ('30113', '住房公积金'), ('30199', '其他工资福利支出')]
FAMILY_ITEMS = [('30302', '退休费'), ('30305', '生活补助'), ('30399', '其他对个人和家庭的补助')]
PUBLIC_ITEMS = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
                ('30211', '差旅费'), ('30213', '维修（护）费'), ('30215', '会议费'), ('30216', '培训费'),
                ('30217', '公务接待费'), ('30226', '劳务费'), ('30228', '工会经费'), ('30229', '福利费'),
                ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'), ('30299', '其他商品和服务支出')]

PROJECT_STEMS = {
    '市场监督管理局': ['食品安全抽检监测', '特种设备安全监管及隐患排查', '市场主体信用监管平台运行维护', '计量器具强制检定',
                 '药品医疗器械化妆品不良反应监测', '知识产权保护和商标品牌培育', '市场秩序综合执法专项行动', '消费者权益保护及投诉举报处置'],
    '司法局': ['公共法律服务中心运行保障', '人民调解员以案定补', '社区矫正对象教育帮扶', '法治宣传教育“八五”普法',
            '法律援助案件补贴', '行政复议和行政应诉专项', '基层司法所规范化建设', '法治政府建设示范创建'],
    '生态环境局': ['大气污染防治网格化监管', '重点流域水质自动监测站运行维护', '生态环境执法能力建设', '土壤污染状况详查',
              '环境空气质量监测及数据分析服务', '第二次全国污染源普查成果应用', '生态环境保护宣传教育', '突发环境事件应急物资储备'],
    '文化广电和旅游局': ['公共图书馆文化馆免费开放', '非物质文化遗产保护传承', '全民阅读及群众文化活动', '文物安全巡查及保护修缮',
                 '文化和旅游市场综合执法', '旅游宣传推介及节庆活动', '农村电影放映工程', '文化惠民演出'],
    '农业农村局': ['耕地地力保护和高标准农田建设管护', '农作物重大病虫害统防统治', '动物疫病强制免疫及监测', '农产品质量安全检测',
              '农村人居环境整治提升', '渔业资源增殖放流', '基层农技推广体系改革与建设', '农业社会化服务'],
    '政务服务和数据管理局': ['政务服务大厅运行保障', '一体化政务服务平台运行维护', '12345政务服务便民热线运行', '政务数据共享交换平台建设',
                    '公共资源交易平台运行维护', '电子政务外网安全等级保护测评', '营商环境评价及优化提升', '政务服务“好差评”第三方评估'],
}
PROJECT_SUFFIX = ['经费', '专项经费', '项目', '工作经费', '补助资金', '运行经费']

REASONS_UP = ['人员调整及工资标准提高', '新增业务工作任务', '按政策调整缴费基数', '项目实施进度加快', '新增专项工作安排']
REASONS_DOWN = ['落实过紧日子要求压减一般性支出', '部分项目完成后不再安排', '退休人员减少', '按实际需求核减预算', '上年一次性支出不再安排']


# ---------------------------------------------------------------- figure registry

class Doc:
    """the document model: meta, figures, identities, blocks (text and tables)"""

    def __init__(self, meta):
        self.meta = meta
        self.figs = {}
        self.ids = []
        self.blocks = []
        self.tables = {}
        self.n = 0

    def _new(self, d):
        self.n += 1
        fid = f'f{self.n}'
        d['id'] = fid
        self.figs[fid] = d
        return fid

    def amt(self, key, fen, unit='wan', dec=2, thousands=False, loc='', signed=False):
        s = fmt_fr(fen_to_unit(fen, unit), dec, thousands)
        if not signed and fen < 0:
            raise ValueError(('negative amount', key, fen))
        return self._new(dict(kind='amt', key=key, fen=int(fen), unit=unit, dec=dec, thousands=thousands,
                              printed=s, loc=loc))

    def pct(self, key, value, dec=2, loc='', signed=False):
        """value: a Fraction, in percent (or percentage points)"""
        v = value if signed else abs(value)
        s = fmt_fr(v, dec)
        return self._new(dict(kind='pct', key=key, value=[value.numerator, value.denominator], dec=dec,
                              printed=s, loc=loc, signed=signed))

    def word(self, key, sign, loc=''):
        return self._new(dict(kind='word', key=key, sign=sign, printed={1: '+', -1: '-', 0: '0'}[sign], loc=loc))

    def approx(self, key, fen, dec=0, loc=''):
        return self._new(dict(kind='approx', key=key, fen=int(fen), unit='wan', dec=dec,
                              printed=fmt_fr(fen_to_unit(fen, 'wan'), dec), loc=loc))

    def ident(self, t, **kw):
        d = dict(t=t, **kw)
        self.ids.append(d)
        return d


# ---------------------------------------------------------------- fact generation

def split_fen(rng, total, n, lo=0.3):
    """split total into n positive integer parts (fen), roughly random"""
    if n <= 0:
        return []
    ws = [rng.uniform(lo, 1.0) for _ in range(n)]
    s = sum(ws)
    parts = [int(total * w / s) for w in ws]
    parts[-1] += total - sum(parts)
    return parts


def r100(rng, lo, hi):
    """an amount in fen between lo and hi 万元, to whole 元 (some to 百元)"""
    v = rng.randint(int(lo * 10000), int(hi * 10000))
    if rng.random() < 0.4:
        v = v // 100 * 100
    return v * 100


def prev_of(rng, cur, lo=-0.25, hi=0.35):
    """last year's figure for this year's fen value; never equal and never zero"""
    while True:
        f = 1 + rng.uniform(lo, hi)
        p = int(cur / f) // 100 * 100
        if p > 0 and abs(p - cur) >= 80000:      # at least 0.08 万元 apart
            return p


def make_facts(rng, doc_type, year):
    dept = rng.choice(sorted(DEPTS))
    prov, city, dist = rng.choice(REGIONS)
    level = rng.choice(['区', '市'])
    if level == '区':
        org = f'{city}{dist}{dept}'
    else:
        org = f'{city}{dept}'
    cat = DEPTS[dept] + COMMON_LEAVES
    staff = rng.randint(18, 140)
    actual = staff - rng.randint(0, 6)
    retired = rng.randint(2, 30)
    # economic items of 基本支出 (all 一般公共预算)
    eco = {}
    per_head = rng.uniform(14, 22)
    wage_total = int(actual * per_head * 10000) * 100
    base = {'30101': 0.16, '30102': 0.22, '30103': 0.05, '30107': 0.12, '30108': 0.10, '30109': 0.05,
            '30110': 0.055, '30112': 0.01, '30113': 0.08, '30199': 0.02}
    for code, _ in PERSON_ITEMS:
        eco[code] = int(wage_total * base[code] * rng.uniform(0.85, 1.15)) // 100 * 100 + rng.randint(0, 99) * 100
    eco['30302'] = retired * rng.randint(25000, 60000) * 100
    eco['30305'] = rng.randint(5000, 40000) * 100
    eco['30399'] = rng.choice([0, rng.randint(2000, 30000) * 100])
    pub_total = int(actual * rng.uniform(1.6, 3.2) * 10000) * 100
    pw = {'30201': 0.14, '30202': 0.03, '30205': 0.02, '30206': 0.05, '30207': 0.03, '30211': 0.05, '30213': 0.06,
          '30215': 0.015, '30216': 0.03, '30217': 0.015, '30226': 0.06, '30228': 0.06, '30229': 0.05, '30231': 0.07,
          '30239': 0.2, '30299': 0.12}
    for code, _ in PUBLIC_ITEMS:
        eco[code] = max(100000, int(pub_total * pw[code] * rng.uniform(0.7, 1.3)) // 100 * 100)
    person = sum(eco[c] for c, _ in PERSON_ITEMS) + sum(eco[c] for c, _ in FAMILY_ITEMS)
    public = sum(eco[c] for c, _ in PUBLIC_ITEMS)
    # leaves
    leaves = {}
    names = {c: n for c, n, _ in cat}
    kinds = {c: k for c, n, k in cat}
    linked = {k[2:]: c for c, n, k in cat if k and k.startswith('L:')}
    brows = [c for c, n, k in cat if k == 'B']
    prows = [c for c, n, k in cat if k == 'P']
    for c, n, k in cat:
        if len(c) == 7:
            leaves[c] = dict(person=0, public=0, gproj=0, oproj=0)
    person_left = person
    for eco_code, leaf in linked.items():
        leaves[leaf]['person'] += eco[eco_code]
        person_left -= eco[eco_code]
    bsplit = split_fen(rng, person_left, len(brows), 0.2)
    psplit = split_fen(rng, public, len(brows), 0.2)
    for c, a, b in zip(brows, bsplit, psplit):
        leaves[c]['person'] += a
        leaves[c]['public'] += b
    # projects
    stems = list(PROJECT_STEMS[dept])
    rng.shuffle(stems)
    nproj = rng.randint(14, 22)
    projects = []
    for i in range(nproj):
        stem = stems[i % len(stems)]
        if i >= len(stems):
            stem = f'{year}年度' + stem
        name = stem + rng.choice(PROJECT_SUFFIX)
        if rng.random() < 0.35:
            name = f'{year}年' + name
        amt = r100(rng, 2, 120)
        if rng.random() < 0.25:
            g, o = 0, amt
        elif rng.random() < 0.2:
            g = amt // 2 // 100 * 100
            o = amt - g
        else:
            g, o = amt, 0
        leaf = rng.choice(prows)
        projects.append(dict(name=name, leaf=leaf, g=g, o=o))
        leaves[leaf]['gproj'] += g
        leaves[leaf]['oproj'] += o
    # make sure every leaf has money, drop empty leaves from the catalogue
    for c in list(leaves):
        if sum(leaves[c].values()) == 0:
            del leaves[c]
    for c, v in leaves.items():
        v['basic'] = v['person'] + v['public']
        v['g'] = v['basic'] + v['gproj']
        v['all'] = v['g'] + v['oproj']
        v['prev'] = prev_of(rng, v['all'])
        v['prev_g'] = prev_of(rng, v['g']) if v['g'] else 0
    used = set()
    for c in leaves:
        used.update([c[:3], c[:5], c])
    tree = [(c, names[c]) for c, n, k in cat if c in used]
    G = sum(v['g'] for v in leaves.values())
    N = sum(v['oproj'] for v in leaves.values())
    basic = sum(v['basic'] for v in leaves.values())
    proj = sum(v['gproj'] + v['oproj'] for v in leaves.values())
    total = basic + proj
    # income sources of the non-fiscal money
    S = (N * rng.randint(0, 5) // 10) // 100 * 100
    O = ((N - S) * rng.randint(0, 6) // 10) // 100 * 100
    E = 0
    if doc_type == 'final':
        E = r100(rng, 1, 60)
    C = N - S - O + E
    inc_year = G + S + O
    inc_total = inc_year + C
    exp_total = total + E
    assert inc_total == exp_total
    prev_total = sum(v['prev'] for v in leaves.values())
    prev_basic = int(basic / (1 + rng.uniform(-0.12, 0.12))) // 100 * 100
    if prev_basic >= prev_total:
        prev_basic = prev_total * 6 // 10
    prev_G = sum(v['prev_g'] for v in leaves.values())
    # 三公
    sg = dict(abroad=rng.choice([0, 0, r100(rng, 1, 6)]), carbuy=rng.choice([0, 0, r100(rng, 12, 25)]),
              carrun=r100(rng, 1.5, 9), recep=r100(rng, 0.6, 4))
    sgp = dict(abroad=rng.choice([0, sg['abroad'], r100(rng, 1, 5)]) if sg['abroad'] else 0,
               carbuy=rng.choice([0, r100(rng, 12, 25)]), carrun=prev_of(rng, sg['carrun']),
               recep=prev_of(rng, sg['recep']))
    # 政府采购 and 机关运行
    buy = r100(rng, 20, 300)
    return dict(dept=dept, org=org, prov=prov, city=city, dist=dist, level=level, staff=staff, actual=actual,
                retired=retired, eco=eco, person=person, public=public, leaves=leaves, tree=tree, projects=projects,
                G=G, S=S, O=O, C=C, E=E, N=N, basic=basic, proj=proj, total=total, inc_year=inc_year,
                inc_total=inc_total, exp_total=exp_total, prev_total=prev_total, prev_basic=prev_basic,
                prev_G=prev_G, sg=sg, sgp=sgp, buy=buy, names=names, kinds=kinds)
