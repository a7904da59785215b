"""Synthetic facts for one department: amounts are integers in units of 100 yuan ('bai')."""
import random

CLASS = {'201': '一般公共服务支出', '208': '社会保障和就业支出', '210': '卫生健康支出', '212': '城乡社区支出',
         '214': '交通运输支出', '220': '自然资源海洋气象等支出', '221': '住房保障支出',
         '223': '国有资本经营预算支出', '229': '其他支出'}
KUAN = {'20138': '市场监督管理事务', '20805': '行政事业单位养老支出', '20802': '民政管理事务', '20810': '社会福利',
        '21011': '行政事业单位医疗', '21201': '城乡社区管理事务', '21203': '城乡社区公共设施',
        '21208': '国有土地使用权出让收入安排的支出', '21213': '城市基础设施配套费安排的支出',
        '21401': '公路水路运输', '21460': '车辆通行费安排的支出', '22001': '自然资源事务', '22101': '保障性安居工程支出',
        '22102': '住房改革支出', '22301': '解决历史遗留问题及改革成本支出', '22960': '彩票公益金安排的支出'}
XIANG = {'2013801': '行政运行', '2013802': '一般行政管理事务', '2013850': '事业运行',
         '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出',
         '2080201': '行政运行', '2080202': '一般行政管理事务', '2080208': '基层政权建设和社区治理', '2081002': '老年福利',
         '2101101': '行政单位医疗', '2101102': '事业单位医疗', '2101103': '公务员医疗补助',
         '2120101': '行政运行', '2120102': '一般行政管理事务', '2120106': '工程建设管理', '2120399': '其他城乡社区公共设施支出',
         '2120801': '征地和拆迁补偿支出', '2120802': '土地开发支出', '2120803': '城市建设支出',
         '2120804': '农村基础设施建设支出', '2121301': '城市公共设施',
         '2140101': '行政运行', '2140102': '一般行政管理事务', '2140104': '公路建设', '2140106': '公路养护',
         '2146001': '公路还贷', '2146002': '政府还贷公路养护',
         '2200101': '行政运行', '2200102': '一般行政管理事务', '2200104': '自然资源规划及管理', '2200150': '事业运行',
         '2210103': '棚户区改造', '2210201': '住房公积金', '2230105': '国有企业退休人员社会化管理补助支出',
         '2296002': '用于社会福利的彩票公益金支出'}

# kind: (dept name stem, provincial name, GP main leaves [(code, basic?)], GF leaves, SOE possible, sub-units)
KINDS = {
    'zj': ('住房和城乡建设局', '住房和城乡建设厅', [('2120101', 1), ('2120102', 0), ('2120106', 0), ('2120399', 0), ('2210103', 0)],
           ['2120801', '2120803', '2121301'], True,
           ['住房保障服务中心', '建设工程质量安全监督站', '房地产交易中心', '城市建设档案馆', '公用事业服务中心']),
    'zr': ('自然资源和规划局', '自然资源厅', [('2200101', 1), ('2200102', 0), ('2200104', 0), ('2200150', 1)],
           ['2120802', '2120804'], False,
           ['不动产登记中心', '土地储备中心', '国土空间规划研究院', '自然资源调查监测中心', '测绘地理信息中心']),
    'jt': ('交通运输局', '交通运输厅', [('2140101', 1), ('2140102', 0), ('2140104', 0), ('2140106', 0)],
           ['2146001', '2146002'], True,
           ['公路事业发展中心', '交通运输综合行政执法支队', '港航事业发展中心', '道路运输服务中心']),
    'mz': ('民政局', '民政厅', [('2080201', 1), ('2080202', 0), ('2080208', 0), ('2081002', 0)],
           ['2296002'], False, ['社会福利院', '救助管理站', '殡葬管理所', '婚姻登记服务中心', '儿童福利院']),
    'sj': ('市场监督管理局', '市场监督管理局', [('2013801', 1), ('2013802', 0), ('2013850', 1)],
           [], False, ['市场监管综合行政执法支队', '计量测试所', '食品药品检验所', '消费者权益保护中心']),
}
REGIONS = [('河北省', ['石家庄市', '保定市', '唐山市']), ('山东省', ['济南市', '潍坊市', '临沂市']),
           ('湖北省', ['襄阳市', '宜昌市', '荆州市']), ('福建省', ['泉州市', '漳州市', '三明市']),
           ('江苏省', ['徐州市', '南通市', '盐城市']), ('陕西省', ['宝鸡市', '咸阳市', '汉中市']),
           ('黑龙江省', ['齐齐哈尔市', '牡丹江市', '佳木斯市']), ('贵州省', ['遵义市', '六盘水市', '安顺市'])]
INSURANCE = ['2080505', '2080506', '2101101', '2101102', '2101103', '2210201']


def parent(code):
    return code[:5] if len(code) == 7 else code[:3]


def name_of(code):
    return {3: CLASS, 5: KUAN, 7: XIANG}[len(code)][code]


def split(rng, total, n, minshare=0.05):
    """Split integer total into n positive parts."""
    if n == 1:
        return [total]
    w = [rng.uniform(minshare, 1) for _ in range(n)]
    w[0] += sum(w) * 0.8
    parts = [int(total * x / sum(w)) for x in w]
    parts[0] += total - sum(parts)
    return parts


def prior_of(rng, cur, mode='normal'):
    if mode == 'times':
        return max(100, int(cur / rng.uniform(2.3, 4.6)))
    r = rng.random()
    if r < 0.04:
        return int(cur * rng.uniform(0.998, 1.002))
    if r < 0.1:
        return cur
    if r < 0.55:
        return int(cur / rng.uniform(1.04, 1.45))
    return int(cur / rng.uniform(0.62, 0.96))


def make_facts(rng, doc_type, big=False):
    kind = rng.choice(sorted(KINDS))
    stem, prov_stem, mains, gfl, soe_ok, subs = KINDS[kind]
    prov, cities = rng.choice(REGIONS)
    if rng.random() < 0.3:
        dept = prov + prov_stem
    else:
        dept = rng.choice(cities) + stem
    year = 2026 if doc_type == 'budget' else 2025
    scale = rng.randint(1200000, 6000000) if big else rng.randint(30000, 500000)   # bai (100元): 300万..5000万 or 1.2亿..6亿
    nsub = rng.randint(2, min(5, len(subs)))
    prefix = dept[:len(dept) - len(prov_stem)] if dept.startswith(prov) else dept[:len(dept) - len(stem)]
    dcode = rng.randint(101, 189)
    units = [(f'{dcode}001', dept + '本级')] + [(f'{dcode}{i + 2:03d}', prefix + n)
                                               for i, n in enumerate(rng.sample(subs, nsub))]
    gp = {}   # code -> dict(cur, prev, basic)
    main_amt = split(rng, int(scale * 0.72), len(mains), 0.15)
    for (c, b), a in zip(mains, main_amt):
        gp[c] = dict(cur=a, basic=b)
    ins_total = int(scale * 0.12)
    for c, a in zip(INSURANCE, split(rng, ins_total, len(INSURANCE), 0.2)):
        gp[c] = dict(cur=max(a, 37), basic=1)
    for c in gp:
        gp[c]['prev'] = prior_of(rng, gp[c]['cur'])
    # one project leaf occasionally new this year
    projs = [c for c in gp if not gp[c]['basic']]
    if rng.random() < 0.3 and projs:
        gp[rng.choice(projs)]['prev'] = 0
    gf = {}
    times_mode = rng.random() < 0.6
    if gfl:
        for c, a in zip(gfl, split(rng, int(scale * rng.uniform(0.3, 0.9)), len(gfl), 0.3)):
            gf[c] = dict(cur=a, basic=0)
        for c in gf:
            gf[c]['prev'] = prior_of(rng, gf[c]['cur'], 'times' if times_mode else 'normal')
    soe = {}
    if soe_ok and rng.random() < 0.6:
        a = rng.randint(800, 6000)
        soe['2230105'] = dict(cur=a, basic=0, prev=prior_of(rng, a))
    nonfis = {'事业收入': rng.choice([0, rng.randint(500, 5000)]), '其他收入': rng.choice([0, 0, rng.randint(100, 1500)])}
    nonfis_prev = {k: (prior_of(rng, v) if v else 0) for k, v in nonfis.items()}
    gp_exp = sum(v['cur'] for v in gp.values())
    gp_exp_prev = sum(v['prev'] for v in gp.values())
    carry_in = rng.choice([0, rng.randint(200, max(300, gp_exp // 12))])
    carry_out = rng.randint(100, max(200, gp_exp // 15)) if doc_type == 'final' and rng.random() < 0.7 else 0
    gp_inc = gp_exp - carry_in + carry_out
    carry_in_prev = rng.choice([0, rng.randint(200, max(300, gp_exp_prev // 12))])
    carry_out_prev = carry_in if doc_type == 'final' else 0
    gp_inc_prev = gp_exp_prev - carry_in_prev + carry_out_prev
    # sangong
    sg = dict(abroad=rng.choice([0, rng.randint(20, 150)]), buy=rng.choice([0, 0, rng.randint(150, 600)]),
              run=rng.randint(60, 400), rec=rng.randint(10, 120))
    sg_prev = {k: (prior_of(rng, v) if v else rng.choice([0, 0, rng.randint(20, 200)])) for k, v in sg.items()}
    # procurement
    proc = dict(goods=rng.randint(200, 3000), works=rng.choice([0, rng.randint(500, 8000)]), svc=rng.randint(300, 5000))
    # basic spending: personnel vs public
    basic_gp = sum(v['cur'] for v in gp.values() if v['basic'])
    public = int(basic_gp * rng.uniform(0.12, 0.22))
    jg = int(public * rng.uniform(0.55, 0.9))
    jg_prev = prior_of(rng, jg)
    # assets (counts)
    veh = dict(主要负责人用车=rng.choice([0, 1]), 机要通信用车=rng.randint(0, 2), 应急保障用车=rng.randint(0, 3),
               执法执勤用车=rng.randint(0, 12), 特种专业技术用车=rng.randint(0, 5), 其他用车=rng.randint(0, 4))
    equip = dict(通用设备=rng.randint(0, 4), 专用设备=rng.randint(0, 6))
    house = dict(办公用房=rng.randint(1500, 9000), 业务用房=rng.randint(0, 12000), 其他用房=rng.randint(0, 2000))
    return dict(kind=kind, dept=dept, prov=prov, year=year, doc_type=doc_type, units=units, gp=gp, gf=gf, soe=soe,
                nonfis=nonfis, nonfis_prev=nonfis_prev, carry_in=carry_in, carry_out=carry_out, gp_inc=gp_inc,
                gp_inc_prev=gp_inc_prev, carry_in_prev=carry_in_prev, sg=sg, sg_prev=sg_prev, proc=proc,
                public=public, jg=jg, jg_prev=jg_prev, veh=veh, equip=equip, house=house, times_mode=times_mode, big=big)
