"""Synthetic facts for a 2025 部门决算. All amounts are integers in 0.01 万元 (100 元)."""

REGIONS = {
    '江西省': ['南昌市', '赣州市', '九江市', '上饶市', '宜春市'],
    '安徽省': ['合肥市', '芜湖市', '安庆市', '阜阳市', '滁州市'],
    '广西壮族自治区': ['南宁市', '柳州市', '桂林市', '玉林市', '百色市'],
    '云南省': ['昆明市', '曲靖市', '玉溪市', '保山市', '丽江市'],
    '甘肃省': ['兰州市', '天水市', '张掖市', '酒泉市', '白银市'],
    '内蒙古自治区': ['呼和浩特市', '包头市', '赤峰市', '通辽市', '乌兰察布市'],
    '吉林省': ['长春市', '吉林市', '四平市', '通化市', '白山市'],
    '辽宁省': ['沈阳市', '大连市', '鞍山市', '锦州市', '丹东市'],
}

# function-class trees: (code, name, kind) kind: b = basic only, p = project only, bp = both
COMMON = [
    ('208', '社会保障和就业支出', [('20805', '行政事业单位养老支出', [
        ('2080505', '机关事业单位基本养老保险缴费支出', 'b'),
        ('2080506', '机关事业单位职业年金缴费支出', 'b')])]),
    ('221', '住房保障支出', [('22102', '住房改革支出', [('2210201', '住房公积金', 'b')])]),
]
HEALTH_INS = ('21011', '行政事业单位医疗', [('2101101', '行政单位医疗', 'b'), ('2101102', '事业单位医疗', 'b')])

KINDS = {
    'edu': dict(
        dept='教育局', head='教育支出',
        tree=[('205', '教育支出', [
            ('20501', '教育管理事务', [('2050101', '行政运行', 'b'), ('2050102', '一般行政管理事务', 'p')]),
            ('20502', '普通教育', [('2050201', '学前教育', 'bp'), ('2050202', '小学教育', 'bp'),
                                  ('2050203', '初中教育', 'bp'), ('2050204', '高中教育', 'bp')]),
            ('20503', '职业教育', [('2050302', '中等职业教育', 'bp')]),
            ('20509', '教育费附加安排的支出', [('2050999', '其他教育费附加安排的支出', 'p')])]),
            ('210', '卫生健康支出', [HEALTH_INS])],
        units=['第一中学', '第二中学', '实验小学', '第三小学', '机关幼儿园', '职业技术学校', '教育考试院',
               '电化教育馆', '特殊教育学校', '第八中学'],
        admin_units=1),
    'health': dict(
        dept='卫生健康委员会', head='卫生健康支出',
        tree=[('210', '卫生健康支出', [
            ('21001', '卫生健康管理事务', [('2100101', '行政运行', 'b'), ('2100199', '其他卫生健康管理事务支出', 'p')]),
            ('21002', '公立医院', [('2100201', '综合医院', 'p'), ('2100202', '中医（民族）医院', 'p')]),
            ('21004', '公共卫生', [('2100401', '疾病预防控制机构', 'bp'), ('2100403', '妇幼保健机构', 'bp'),
                                  ('2100409', '重大公共卫生服务', 'p')]),
            HEALTH_INS])],
        units=['疾病预防控制中心', '妇幼保健院', '卫生健康综合监督执法支队', '中心血站', '急救中心',
               '卫生健康事业发展中心', '健康教育所'],
        admin_units=1),
    'office': dict(
        dept='人民政府办公室', head='一般公共服务支出',
        tree=[('201', '一般公共服务支出', [
            ('20103', '政府办公厅（室）及相关机构事务', [('2010301', '行政运行', 'b'), ('2010302', '一般行政管理事务', 'p'),
                                                      ('2010350', '事业运行', 'bp'), ('2010399', '其他政府办公厅（室）及相关机构事务支出', 'p')]),
            ('20126', '档案事务', [('2012604', '档案馆', 'bp')])]),
            ('210', '卫生健康支出', [HEALTH_INS])],
        units=['机关事务服务中心', '政务服务中心', '档案馆', '接待服务中心', '人民政府研究室', '信息化中心'],
        admin_units=2),
}
EXTRA_CLASS = ('229', '其他支出', [('22999', '其他支出', [('2299999', '其他支出', 'p')])])

PERSON = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
          ('30108', '机关事业单位基本养老保险缴费'), ('30110', '职工基本医疗保险缴费'), ('30113', '住房公积金'),
          ('30305', '生活补助')]
PUBLIC = [('30201', '办公费'), ('30205', '水费'), ('30206', '电费'), ('30211', '差旅费'), ('30213', '维修（护）费'),
          ('30217', '公务接待费'), ('30228', '工会经费'), ('30231', '公务用车运行维护费'), ('30299', '其他商品和服务支出')]

REASONS_UP = ['年中追加了学校运转及设施维修资金', '人员调资及社保缴费基数上调', '新增重点项目年中追加预算',
              '上年结转资金在本年使用', '年中新增专项转移支付资金']
REASONS_DOWN = ['严格执行过紧日子要求，压减一般性支出', '部分项目按进度延后支付，资金结转下年',
                '人员退休减少，相应支出减少', '政府采购节约资金', '项目整合后支出口径调整']


def split(rng, total, n, lo=0.5, hi=1.5):
    """Split integer total into n positive integer parts."""
    if n == 1:
        return [total]
    w = [rng.uniform(lo, hi) for _ in range(n)]
    s = sum(w)
    parts = [max(1, int(total * x / s)) for x in w]
    parts[0] += total - sum(parts)
    if parts[0] <= 0:
        return split(rng, total, n, lo, hi)
    return parts


def scale(rng, v, lo, hi):
    return max(1, int(round(v * rng.uniform(lo, hi))))


def make_facts(rng, kind=None):
    kind = kind or rng.choice(sorted(KINDS))
    K = KINDS[kind]
    prov = rng.choice(sorted(REGIONS))
    city = rng.choice(REGIONS[prov])
    dept = city + K['dept']
    f = dict(kind=kind, province=prov, city=city, dept=dept, year=2025)
    # ---- function tree (一般公共预算财政拨款) ----
    tree = list(K['tree']) + list(COMMON)
    if rng.random() < 0.5:
        tree.append(EXTRA_CLASS)
    leaves = []
    for cc, cn, kuans in tree:
        for kc, kn, items in kuans:
            for ic, iname, typ in items:
                big = cc in ('205', '201') or (cc == '210' and kind == 'health')
                base = rng.randint(3000, 90000) if big else rng.randint(800, 12000)
                b = base if 'b' in typ else 0
                p = 0
                if 'p' in typ:
                    p = rng.randint(1500, 60000) if big else rng.randint(500, 6000)
                    if typ == 'bp':
                        p = int(p * rng.uniform(0.2, 0.6))
                leaves.append(dict(cls=cc, cname=cn, kuan=kc, kname=kn, code=ic, name=iname, b=b, p=p))
    # budgets: 年初 and 调整 (adjusted full-year budget)
    proj = [lf for lf in leaves if lf['p'] > 0 and lf['b'] == 0]
    zero_init = rng.choice(proj)['code'] if proj else None
    for lf in leaves:
        tot = lf['b'] + lf['p']
        if lf['code'] == zero_init or lf['cls'] == '229':
            lf['init'] = 0
            lf['adj'] = scale(rng, tot, 0.95, 1.08)
        else:
            lf['init'] = scale(rng, tot, 0.75, 1.12)
            r = rng.random()
            lf['adj'] = lf['init'] if r < 0.4 else scale(rng, lf['init'], 1.12, 1.45) if r < 0.8 \
                else scale(rng, lf['init'], 0.7, 0.88)
    f['leaves'] = leaves
    f['tree'] = [(cc, cn, [(kc, kn) for kc, kn, _ in kuans]) for cc, cn, kuans in tree]
    gb = sum(lf['b'] for lf in leaves)
    gp = sum(lf['p'] for lf in leaves)
    # prior year per class
    classes = [cc for cc, _, _ in tree]
    prev_cls = {}
    for cc in classes:
        cur = sum(lf['b'] + lf['p'] for lf in leaves if lf['cls'] == cc)
        prev_cls[cc] = 0 if cc == '229' else scale(rng, cur, 0.78, 1.22)
    f['prev_cls'] = prev_cls
    # ---- basic economic split ----
    # 三公 (drawn first: 公务接待费 and 公务用车运行维护费 reappear among the 公用经费 items)
    car_run = rng.randint(300, 3000)
    car_buy = 0 if rng.random() < 0.5 else rng.randint(1500, 4000)
    recv = rng.randint(50, 900)
    abroad = 0 if rng.random() < 0.6 else rng.randint(100, 1200)
    p_abroad = 0 if abroad == 0 or rng.random() < 0.5 else scale(rng, abroad, 0.6, 1.4)
    p_buy = 0 if rng.random() < 0.6 else rng.randint(1500, 4000)
    f['sg'] = dict(abroad=(p_abroad, abroad), buy=(p_buy, car_buy),
                   run=(scale(rng, car_run, 0.8, 1.25), car_run), recv=(scale(rng, recv, 0.7, 1.4), recv))
    if not any(p == 0 and c > 0 for p, c in f['sg'].values()) and EXTRA_CLASS not in tree:
        f['sg']['buy'] = (0, rng.randint(1500, 4000))
    pub = max(int(gb * rng.uniform(0.1, 0.22)), recv + car_run + 3000)
    per = gb - pub
    f['person'] = list(zip([c for c, _ in PERSON], [n for _, n in PERSON], split(rng, per, len(PERSON), 0.3, 2.0)))
    rest = split(rng, pub - recv - car_run, len(PUBLIC) - 2, 0.3, 2.0)
    vals = []
    for c, _ in PUBLIC:
        vals.append(recv if c == '30217' else car_run if c == '30231' else rest.pop())
    f['public'] = list(zip([c for c, _ in PUBLIC], [n for _, n in PUBLIC], vals))
    f['per_total'], f['pub_total'] = per, pub
    f['jgyx'] = int(pub * rng.uniform(0.35, 0.85))   # 机关运行经费 (admin units' share of 公用经费)
    # ---- all funds, per unit ----
    n_units = rng.randint(3, min(8, len(K['units'])))
    names = [dept + '（本级）'] + [city + u for u in rng.sample(K['units'], n_units)]
    prefix = rng.randint(101, 899)
    codes = [f'{prefix}{i + 1:03d}' for i in range(len(names))]
    basic_all = gb + rng.randint(500, 20000)
    proj_all = gp + rng.randint(300, 15000)
    bs = split(rng, basic_all, len(names), 0.3, 2.5)
    ps = split(rng, proj_all, len(names), 0.2, 2.5)
    units = []
    for i, (code, name) in enumerate(zip(codes, names)):
        c0 = rng.randint(0, 1500)
        c1 = rng.randint(0, 1500)
        exp = bs[i] + ps[i]
        sy = 0 if i == 0 else rng.randint(0, max(1, exp // 8))
        ot = rng.randint(0, max(1, exp // 40))
        fin = exp + c1 - c0 - sy - ot
        if fin <= 0:
            c0, fin = 0, exp + c1 - sy - ot
        units.append(dict(code=code, name=name, c0=c0, c1=c1, basic=bs[i], proj=ps[i], fin=fin, sy=sy, ot=ot))
    f['units'] = units
    inc = sum(u['fin'] + u['sy'] + u['ot'] for u in units)
    f['prev'] = dict(inc=scale(rng, inc, 0.8, 1.2), basic=scale(rng, basic_all, 0.85, 1.1),
                     proj=scale(rng, proj_all, 0.7, 1.35))
    if rng.random() < 0.3:   # project spending fell
        f['prev']['proj'] = scale(rng, proj_all, 1.1, 1.4)
    # ---- procurement and performance ----
    goods, works, serv = rng.randint(500, 30000), rng.choice([0, rng.randint(1000, 40000)]), rng.randint(300, 20000)
    tot = goods + works + serv
    sme = int(tot * rng.uniform(0.55, 0.95))
    f['gp'] = dict(goods=goods, works=works, serv=serv, sme=sme, micro=int(sme * rng.uniform(0.35, 0.8)))
    f['perf_cov'] = proj_all if rng.random() < 0.3 else int(proj_all * rng.uniform(0.55, 0.97))
    f['perf_n'] = rng.randint(4, 30)
    return f
