"""Department catalogue and fact generation (all money in integer fen)."""

W = 1000000  # fen per 万元

CLASS_NAMES = {
    '201': '一般公共服务支出', '204': '公共安全支出', '206': '科学技术支出',
    '207': '文化旅游体育与传媒支出', '208': '社会保障和就业支出', '210': '卫生健康支出',
    '213': '农林水支出', '221': '住房保障支出', '229': '其他支出',
}
KUAN_NAMES = {
    '20103': '政府办公厅（室）及相关机构事务', '20105': '统计信息事务', '20108': '审计事务',
    '20126': '档案事务', '20406': '司法', '20601': '科学技术管理事务', '20604': '技术研究与开发',
    '20701': '文化和旅游', '20802': '民政管理事务', '20805': '行政事业单位养老支出',
    '20828': '退役军人管理事务', '21011': '行政事业单位医疗', '21301': '农业农村',
    '22102': '住房改革支出', '22960': '彩票公益金安排的支出',
}
# all 类 that the 收支总表 may list (决算 template lists every class)
ALL_CLASSES = [('201', '一般公共服务支出'), ('202', '外交支出'), ('203', '国防支出'), ('204', '公共安全支出'),
               ('205', '教育支出'), ('206', '科学技术支出'), ('207', '文化旅游体育与传媒支出'),
               ('208', '社会保障和就业支出'), ('210', '卫生健康支出'), ('211', '节能环保支出'),
               ('212', '城乡社区支出'), ('213', '农林水支出'), ('214', '交通运输支出'),
               ('215', '资源勘探工业信息等支出'), ('216', '商业服务业等支出'), ('217', '金融支出'),
               ('220', '自然资源海洋气象等支出'), ('221', '住房保障支出'), ('222', '粮油物资储备支出'),
               ('224', '灾害防治及应急管理支出'), ('229', '其他支出')]

# (suffix, items[(code, name, role)], sy unit name or None, projects, gf item or None, duties)
DEPTS = [
    ('政务服务管理局', [('2010301', '行政运行', 'admin'), ('2010302', '一般行政管理事务', 'proj'),
                  ('2010350', '事业运行', 'sy'), ('2010399', '其他政府办公厅（室）及相关机构事务支出', 'proj')],
     '政务服务中心', ['政务服务大厅运行维护', '12345政务服务便民热线运行', '一体化政务服务平台运维',
                 '政务服务“好差评”系统建设', '大厅物业管理服务', '帮办代办服务'], None,
     ['负责推进政务服务体系建设，指导、协调、监督全域政务服务工作。', '负责政务服务事项目录管理和标准化建设。',
      '负责12345政务服务便民热线的运行管理。', '负责一体化在线政务服务平台的推广应用和运行维护。']),
    ('统计局', [('2010501', '行政运行', 'admin'), ('2010502', '一般行政管理事务', 'proj'),
             ('2010505', '专项统计业务', 'proj'), ('2010507', '专项普查活动', 'proj'), ('2010550', '事业运行', 'sy')],
     '社会经济调查中心', ['经济普查工作经费', '农业农村统计调查', '统计执法检查', '统计数据采集处理', '统计年鉴编印'], None,
     ['负责组织领导和协调全域统计工作，确保统计数据真实、准确、及时。', '负责组织实施各类普查和专项调查。',
      '负责统计执法检查，查处统计违法行为。']),
    ('审计局', [('2010801', '行政运行', 'admin'), ('2010804', '审计业务', 'proj'), ('2010850', '事业运行', 'sy')],
     '审计信息中心', ['经济责任审计', '政府投资项目审计', '审计信息化建设', '聘请中介机构参与审计'], None,
     ['主管本级审计工作，对本级预算执行情况和其他财政收支情况进行审计监督。', '负责政府投资建设项目的审计。',
      '负责对领导干部实施经济责任审计。']),
    ('司法局', [('2040601', '行政运行', 'admin'), ('2040604', '基层司法业务', 'proj'), ('2040605', '普法宣传', 'proj'),
             ('2040610', '社区矫正', 'proj'), ('2040650', '事业运行', 'sy')],
     '公共法律服务中心', ['人民调解以案定补', '法治宣传教育', '社区矫正监管平台运维', '法律援助案件补贴', '行政复议应诉'], None,
     ['负责推进法治政府建设，承担统筹规划法治社会建设的责任。', '负责指导、管理社区矫正工作和人民调解工作。',
      '负责拟订公共法律服务体系建设规划并指导实施。']),
    ('民政局', [('2080201', '行政运行', 'admin'), ('2080208', '基层政权建设和社区治理', 'proj'),
             ('2080299', '其他民政管理事务支出', 'proj')],
     None, ['社区治理示范创建', '养老服务体系建设', '婚姻登记服务', '殡葬改革', '社会组织培育'],
     ('2296002', '用于社会福利的彩票公益金支出', '福利彩票公益金项目'),
     ['负责拟订民政事业发展规划和政策并组织实施。', '负责社会组织登记管理和基层政权建设。',
      '负责养老服务体系建设和婚姻、殡葬管理工作。']),
    ('文化广电和旅游局', [('2070101', '行政运行', 'admin'), ('2070102', '一般行政管理事务', 'proj'),
                   ('2070104', '图书馆', 'sy'), ('2070109', '群众文化', 'proj'), ('2070112', '文化和旅游市场管理', 'proj')],
     '图书馆', ['公共文化服务体系建设', '非物质文化遗产保护', '旅游宣传推广', '文化市场综合执法', '送戏下乡'],
     ('2296003', '用于体育事业的彩票公益金支出', '全民健身体育彩票公益金项目'),
     ['负责贯彻落实文化、广电、旅游工作方针政策。', '负责推进公共文化服务体系建设和文化惠民工程。',
      '负责文化和旅游市场的行业监管。']),
    ('农业农村局', [('2130101', '行政运行', 'admin'), ('2130102', '一般行政管理事务', 'proj'),
               ('2130104', '事业运行', 'sy'), ('2130108', '病虫害控制', 'proj'), ('2130135', '农业资源保护修复与利用', 'proj')],
     '农业技术推广中心', ['高标准农田建设管理', '农作物病虫害统防统治', '农产品质量安全监管', '农村人居环境整治', '耕地质量监测'],
     None, ['负责统筹研究和组织实施“三农”工作的发展规划和政策。', '负责种植业、畜牧业、渔业等农业各产业的监督管理。',
            '负责农产品质量安全监督管理。']),
    ('退役军人事务局', [('2082801', '行政运行', 'admin'), ('2082802', '一般行政管理事务', 'proj'),
                 ('2082850', '事业运行', 'sy'), ('2082899', '其他退役军人事务管理支出', 'proj')],
     '退役军人服务中心', ['退役军人就业创业培训', '双拥共建活动', '退役军人服务站点建设', '烈士纪念设施维护'], None,
     ['负责退役军人思想政治、管理保障和安置工作。', '负责组织协调落实移交安置工作和就业创业扶持工作。',
      '负责褒扬纪念和双拥工作。']),
    ('科学技术局', [('2060101', '行政运行', 'admin'), ('2060102', '一般行政管理事务', 'proj'),
               ('2060199', '其他科学技术管理事务支出', 'proj'), ('2060499', '其他技术研究与开发支出', 'proj')],
     None, ['科技创新券兑付', '科技企业孵化器补助', '科普宣传活动', '科技计划项目管理'], None,
     ['负责拟订科技发展规划和政策并组织实施。', '负责推进创新体系建设和科技成果转化。', '负责科学技术普及工作。']),
    ('档案馆', [('2012601', '行政运行', 'admin'), ('2012602', '一般行政管理事务', 'proj'), ('2012604', '档案馆', 'sy'),
             ('2012699', '其他档案事务支出', 'proj')],
     '档案保护中心', ['档案数字化加工', '档案库房安全运维', '地方志编纂', '档案征集'], None,
     ['负责集中统一管理本级党政机关的档案。', '负责档案的接收、征集、整理、保管和利用。', '负责档案信息化建设。']),
]

REGIONS = ['浙江省湖州市吴兴区', '江苏省盐城市', '山东省临沂市兰山区', '河北省邢台市', '湖南省株洲市', '贵州省遵义市',
           '黑龙江省绥化市', '辽宁省鞍山市', '福建省三明市', '江西省赣州市章贡区', '内蒙古自治区通辽市', '新疆维吾尔自治区昌吉市',
           '浙江省台州市', '江苏省南通市海门区', '山东省潍坊市', '湖南省常德市武陵区', '福建省龙岩市', '河北省沧州市']

PERS = [('30101', '基本工资'), ('30102', '津贴补贴'), ('30103', '奖金'), ('30107', '绩效工资'),
        ('30108', '机关事业单位基本养老保险缴费'), ('30109', '职业年金缴费'), ('30110', '职工基本医疗保险缴费'),
        ('30111', '公务员医疗补助缴费'), ('30112', '其他社会保障缴费'), ('30113', '住房公积金'),
        ('30199', '其他工资福利支出'), ('30302', '退休费'), ('30305', '生活补助'), ('30399', '其他对个人和家庭的补助')]
PUB = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
       ('30208', '取暖费'), ('30209', '物业管理费'), ('30211', '差旅费'), ('30212', '因公出国（境）费用'),
       ('30213', '维修（护）费'), ('30215', '会议费'), ('30216', '培训费'), ('30217', '公务接待费'),
       ('30228', '工会经费'), ('30229', '福利费'), ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'),
       ('30299', '其他商品和服务支出'), ('31002', '办公设备购置')]
ECON_CLASS = {'301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '310': '资本性支出'}


def wan(rng, lo, hi):
    """random amount in fen between lo and hi 万元, with fen precision"""
    return int(rng.uniform(lo, hi) * W) + rng.randint(0, 99)


def factor(rng, v, lo=0.7, hi=1.3):
    return max(0, int(v * rng.uniform(lo, hi)))


def make_facts(rng, dtype, year):
    d = {}
    di = rng.randrange(len(DEPTS))
    suffix, items, sy_name, projects, gf_item, duties = DEPTS[di]
    region = rng.choice(REGIONS)
    d['dept'] = region + suffix
    d['short'] = suffix
    d['region'] = region
    d['duties'] = duties
    has_sy = sy_name is not None and rng.random() < 0.75
    units = [(d['dept'] + ('本级' if rng.random() < 0.5 else ''), rng.choice(['行政单位', '行政单位', '财政拨款的行政单位']))]
    if has_sy:
        units.append((region + sy_name, rng.choice(['公益一类事业单位', '公益一类事业单位', '参照公务员法管理的事业单位'])))
    d['units'] = units
    n_admin = rng.randint(6, 45)
    n_sy = rng.randint(5, 40) if has_sy else 0
    d['staff'] = dict(admin_bz=n_admin + rng.randint(0, 4), admin=n_admin, sy_bz=n_sy + rng.randint(0, 3) if has_sy else 0,
                      sy=n_sy, retired=rng.randint(0, 12))
    n = n_admin + n_sy
    # ---- personnel economic items (一般公共预算 basic)
    ec = {}
    base = wan(rng, 2.6, 4.2) * n // 1
    ec['30101'] = base
    ec['30102'] = wan(rng, 1.4, 3.0) * n_admin + wan(rng, 0.3, 0.8) * n_sy
    ec['30103'] = wan(rng, 0.2, 0.6) * n_admin if rng.random() < 0.7 else 0
    ec['30107'] = wan(rng, 1.2, 3.2) * n_sy if n_sy else (wan(rng, 0.5, 1.5) * n_admin if rng.random() < 0.5 else 0)
    wage = ec['30101'] + ec['30102'] + ec['30103'] + ec['30107']
    ec['30108'] = wage * 16 // 100 + rng.randint(0, 9999)
    ec['30109'] = wage * 8 // 100 + rng.randint(0, 9999) if rng.random() < 0.8 else 0
    ec['30110'] = wage * 7 // 100 + rng.randint(0, 9999)
    ec['30111'] = wage * 15 // 1000 + rng.randint(0, 999) if rng.random() < 0.6 else 0
    ec['30112'] = wage * 8 // 1000 + rng.randint(0, 999) if rng.random() < 0.7 else 0
    ec['30113'] = wage * 12 // 100 + rng.randint(0, 9999)
    ec['30199'] = wan(rng, 0.1, 0.6) * n // 3 if rng.random() < 0.6 else 0
    ec['30302'] = wan(rng, 0.5, 2.0) * d['staff']['retired'] // 4 if (d['staff']['retired'] and rng.random() < 0.5) else 0
    ec['30305'] = wan(rng, 0.1, 1.5) if rng.random() < 0.4 else 0
    ec['30399'] = wan(rng, 0.1, 2.0) if rng.random() < 0.4 else 0
    # ---- 三公 (values used in basic for 出国/接待/运行, project for 购置)
    sg = {}
    sg['abroad'] = wan(rng, 1.5, 6) if rng.random() < 0.12 else 0
    sg['car_run'] = wan(rng, 0.6, 6) if rng.random() < 0.8 else 0
    sg['car_buy'] = wan(rng, 12, 26) if rng.random() < 0.25 else 0
    sg['recep'] = wan(rng, 0.2, 4) if rng.random() < 0.8 else 0
    north = any(p in region for p in ('黑龙江', '辽宁', '内蒙古', '新疆', '河北', '山东'))
    for code, _ in PUB:
        ec[code] = 0
    per = n
    ec['30201'] = wan(rng, 0.3, 1.2) * per // 1
    ec['30202'] = wan(rng, 0.1, 3) if rng.random() < 0.6 else 0
    ec['30205'] = wan(rng, 0.2, 1.5) if rng.random() < 0.7 else 0
    ec['30206'] = wan(rng, 1, 8) if rng.random() < 0.8 else 0
    ec['30207'] = wan(rng, 0.5, 5)
    ec['30208'] = wan(rng, 3, 25) if north else 0
    ec['30209'] = wan(rng, 2, 30) if rng.random() < 0.6 else 0
    ec['30211'] = wan(rng, 0.1, 0.5) * per // 2
    ec['30212'] = sg['abroad']
    ec['30213'] = wan(rng, 0.5, 8) if rng.random() < 0.6 else 0
    ec['30215'] = wan(rng, 0.2, 3) if rng.random() < 0.5 else 0
    ec['30216'] = wan(rng, 0.2, 3) if rng.random() < 0.6 else 0
    ec['30217'] = sg['recep']
    ec['30228'] = wage * 2 // 100
    ec['30229'] = wan(rng, 0.1, 0.3) * per // 2 if rng.random() < 0.6 else 0
    ec['30231'] = sg['car_run']
    ec['30239'] = wan(rng, 0.3, 1.2) * per // 2 if rng.random() < 0.7 else 0
    ec['30299'] = wan(rng, 0.2, 6) if rng.random() < 0.6 else 0
    ec['31002'] = wan(rng, 0.5, 8) if rng.random() < 0.4 else 0
    d['ec'] = ec
    pers = sum(ec[c] for c, _ in PERS)
    pub = sum(ec[c] for c, _ in PUB)
    d['gp_pers'], d['gp_pub'] = pers, pub
    # ---- functional items
    leaves = {}

    def leaf(code, name):
        if code not in leaves:
            leaves[code] = dict(code=code, name=name, gp_b=0, gp_p=0, gf_p=0, oth_b=0, oth_p=0)
        return leaves[code]
    admin_item = [x for x in items if x[2] == 'admin'][0]
    sy_item = [x for x in items if x[2] == 'sy'] if has_sy else []
    proj_items = [x for x in items if x[2] == 'proj']
    # social security items
    share_sy = n_sy / n if n else 0
    a = leaf('2080505', '机关事业单位基本养老保险缴费支出'); a['gp_b'] += ec['30108']
    if ec['30109']:
        leaf('2080506', '机关事业单位职业年金缴费支出')['gp_b'] += ec['30109']
    if ec['30302']:
        leaf('2080501', '行政单位离退休')['gp_b'] += ec['30302']
    med_sy = int(ec['30110'] * share_sy)
    leaf('2101101', '行政单位医疗')['gp_b'] += ec['30110'] - med_sy
    if med_sy:
        leaf('2101102', '事业单位医疗')['gp_b'] += med_sy
    if ec['30111']:
        leaf('2101103', '公务员医疗补助')['gp_b'] += ec['30111']
    leaf('2210201', '住房公积金')['gp_b'] += ec['30113']
    rest = pers + pub - ec['30108'] - ec['30109'] - ec['30302'] - ec['30110'] - ec['30111'] - ec['30113']
    if sy_item:
        r_sy = int(rest * share_sy * rng.uniform(0.8, 1.0))
        leaf(sy_item[0][0], sy_item[0][1])['gp_b'] += r_sy
        rest -= r_sy
    leaf(admin_item[0], admin_item[1])['gp_b'] += rest
    # projects
    k = rng.randint(2, min(5, len(projects)))
    pnames = rng.sample(projects, k)
    plist = []
    for i, pn in enumerate(pnames):
        it = proj_items[i % len(proj_items)]
        amt = wan(rng, 3, 180)
        plist.append(dict(name=pn, code=it[0], amt=amt))
        leaf(it[0], it[1])['gp_p'] += amt
    if sg['car_buy']:
        it = proj_items[0]
        plist.append(dict(name='公务用车更新购置', code=it[0], amt=sg['car_buy']))
        leaf(it[0], it[1])['gp_p'] += sg['car_buy']
    d['projects'] = plist
    # government fund
    gf = 0
    if gf_item and rng.random() < 0.7:
        gf = wan(rng, 5, 90)
        leaf(gf_item[0], gf_item[1])['gf_p'] += gf
        d['gf_proj'] = gf_item[2]
    # non-fiscal income
    sy_in = wan(rng, 3, 60) if (sy_item and rng.random() < 0.5) else 0
    qt_in = wan(rng, 0.01, 3) if rng.random() < 0.35 else 0
    d['gp_spend'] = sum(l['gp_b'] + l['gp_p'] for l in leaves.values())
    main_proj = max(plist, key=lambda p: p['amt'])
    if dtype == 'final':
        gp_cin = int(main_proj['amt'] * rng.uniform(0, 0.15)) if rng.random() < 0.5 else 0
        gp_cout = int(main_proj['amt'] * rng.uniform(0, 0.2)) if rng.random() < 0.5 else 0
        gf_cin = int(gf * rng.uniform(0, 0.3)) if (gf and rng.random() < 0.4) else 0
        gf_cout = int(gf * rng.uniform(0, 0.3)) if (gf and rng.random() < 0.4) else 0
        oth_cin = wan(rng, 0.01, 5) if (sy_in or qt_in) and rng.random() < 0.5 else 0
        oth_cout = min(wan(rng, 0.01, 3), sy_in + qt_in) if (sy_in or qt_in) and rng.random() < 0.5 else 0
    else:
        gp_cin = int(main_proj['amt'] * rng.uniform(0.05, 0.3)) if rng.random() < 0.35 else 0
        gp_cout = 0
        gf_cin = int(gf * rng.uniform(0, 0.3)) if (gf and rng.random() < 0.3) else 0
        gf_cout = 0
        oth_cin = wan(rng, 0.5, 5) if (sy_in or qt_in) and rng.random() < 0.3 else 0
        oth_cout = 0
    oth_spend = sy_in + qt_in + oth_cin - oth_cout
    tgt = leaf(sy_item[0][0], sy_item[0][1]) if sy_item else leaf(admin_item[0], admin_item[1])
    if oth_spend:
        if rng.random() < 0.6:
            tgt['oth_b'] += oth_spend
        else:
            tgt['oth_p'] += oth_spend
    # per-leaf income split
    for l in leaves.values():
        l['inc_fin'] = l['gp_b'] + l['gp_p'] + l['gf_p']
        l['inc_sy'] = 0
        l['inc_qt'] = 0
        l['cin_fin'] = 0
        l['cin_oth'] = 0
    mp = leaves[main_proj['code']]
    if dtype == 'final':
        mp['inc_fin'] += gp_cout - gp_cin
        if gf:
            leaves[gf_item[0]]['inc_fin'] += gf_cout - gf_cin
    else:
        mp['inc_fin'] -= gp_cin
        mp['cin_fin'] += gp_cin
        if gf:
            leaves[gf_item[0]]['inc_fin'] -= gf_cin
            leaves[gf_item[0]]['cin_fin'] += gf_cin
    if sy_in or qt_in or oth_cin:
        tgt['inc_sy'] += sy_in
        tgt['inc_qt'] += qt_in
        if dtype == 'budget':
            tgt['cin_oth'] += oth_cin
    d['leaves'] = [leaves[c] for c in sorted(leaves)]
    d.update(gp_cin=gp_cin, gp_cout=gp_cout, gf=gf, gf_cin=gf_cin, gf_cout=gf_cout, sy_in=sy_in, qt_in=qt_in,
             oth_cin=oth_cin, oth_cout=oth_cout, oth_spend=oth_spend)
    d['gp_in'] = d['gp_spend'] + gp_cout - gp_cin
    d['gf_in'] = gf + gf_cout - gf_cin
    d['gp_basic'] = sum(l['gp_b'] for l in leaves.values())
    d['gp_proj'] = sum(l['gp_p'] for l in leaves.values())
    assert d['gp_basic'] == pers + pub
    d['exp_basic'] = sum(l['gp_b'] + l['oth_b'] for l in leaves.values())
    d['exp_proj'] = sum(l['gp_p'] + l['gf_p'] + l['oth_p'] for l in leaves.values())
    d['exp_total'] = d['exp_basic'] + d['exp_proj']
    d['inc_total'] = d['gp_in'] + d['gf_in'] + sy_in + qt_in
    d['cin'] = gp_cin + gf_cin + oth_cin
    d['cout'] = gp_cout + gf_cout + oth_cout
    d['grand'] = d['inc_total'] + d['cin']
    assert d['grand'] == d['exp_total'] + d['cout'], (d['grand'], d['exp_total'], d['cout'])
    d['fin_in'] = d['gp_in'] + d['gf_in']
    d['fin_cin'] = gp_cin + gf_cin
    d['fin_exp'] = d['gp_spend'] + gf
    d['fin_cout'] = gp_cout + gf_cout
    d['fin_grand'] = d['fin_in'] + d['fin_cin']
    assert d['fin_grand'] == d['fin_exp'] + d['fin_cout']
    # prior-year / initial budget per leaf
    for l in d['leaves']:
        for f in ('gp_b', 'gp_p', 'gf_p'):
            v = l[f]
            l[f + '_prev'] = factor(rng, v, 0.75, 1.25) if v else (wan(rng, 1, 20) if rng.random() < 0.1 else 0)
            if f == 'gp_p' and v and rng.random() < 0.15:
                l[f + '_prev'] = 0  # new project this year
            l[f + '_init'] = factor(rng, v, 0.85, 1.15) if v else 0
            if f == 'gp_p' and v and rng.random() < 0.2:
                l[f + '_init'] = 0  # added during the year
    # ensure at least one leaf with zero prior (budget) / zero initial budget (final)
    pl = [l for l in d['leaves'] if l['gp_p'] and not l['gp_b']]
    tag = 'gp_p_prev' if dtype == 'budget' else 'gp_p_init'
    tagb = tag.replace('gp_p', 'gp_b')
    if pl and not any(l[tag] == 0 and l[tagb] == 0 for l in pl):
        z = rng.choice(pl)
        z[tag] = 0
        z[tagb] = 0
    if dtype == 'final':  # initial budget of basic items is close to actual
        pass
    # 三公 budget/prev
    sg['car'] = sg['car_buy'] + sg['car_run']
    sg['total'] = sg['abroad'] + sg['car'] + sg['recep']
    sgp = {}
    for kx in ('abroad', 'car_buy', 'car_run', 'recep'):
        v = sg[kx]
        sgp[kx] = factor(rng, v, 0.6, 1.4) if v else (wan(rng, 0.5, 3) if (kx != 'car_buy' and rng.random() < 0.3) else 0)
        if kx == 'car_buy' and v and rng.random() < 0.7:
            sgp[kx] = 0
    sgp['car'] = sgp['car_buy'] + sgp['car_run']
    sgp['total'] = sgp['abroad'] + sgp['car'] + sgp['recep']
    sgb = {}
    for kx in ('abroad', 'car_buy', 'car_run', 'recep'):
        v = sg[kx]
        sgb[kx] = factor(rng, v, 1.0, 1.35) if v else (wan(rng, 0.5, 2) if (kx != 'car_buy' and rng.random() < 0.2) else 0)
    sgb['car'] = sgb['car_buy'] + sgb['car_run']
    sgb['total'] = sgb['abroad'] + sgb['car'] + sgb['recep']
    d['sg'], d['sgp'], d['sgb'] = sg, sgp, sgb
    d['sg_stats'] = dict(groups=rng.randint(1, 2) if sg['abroad'] else 0, people=rng.randint(2, 5) if sg['abroad'] else 0,
                         batches=rng.randint(3, 40) if sg['recep'] else 0, cars=rng.randint(1, 4) if sg['car_run'] else 0)
    if d['sg_stats']['people']:
        d['sg_stats']['people'] = max(d['sg_stats']['people'], d['sg_stats']['groups'])
    d['sg_stats']['visitors'] = d['sg_stats']['batches'] * rng.randint(3, 9)
    # 机关运行经费: 公用经费 of administrative units
    admin_share = 1.0 if not has_sy else (1.0 if '参照' in units[1][1] else rng.uniform(0.5, 0.85))
    d['jg'] = int(pub * admin_share)
    d['jg_prev'] = factor(rng, d['jg'], 0.75, 1.25)
    # 政府采购
    if rng.random() < 0.8:
        goods = wan(rng, 2, 60)
        works = wan(rng, 5, 120) if rng.random() < 0.3 else 0
        serv = wan(rng, 2, 90) if rng.random() < 0.7 else 0
    else:
        goods = works = serv = 0
    tot = goods + works + serv
    sme = int(tot * rng.uniform(0.6, 1.0))
    micro = int(sme * rng.uniform(0.3, 0.9))
    d['cg'] = dict(total=tot, goods=goods, works=works, serv=serv, sme=sme, micro=micro)
    # vehicles
    cars = dict(lead=0, jiyao=0, yingji=rng.randint(0, 1), zhifa=rng.randint(0, 3), teshu=rng.randint(0, 1),
                other=rng.randint(0, 2))
    cars['total'] = sum(cars.values())
    d['cars'] = cars
    d['eq50'] = rng.randint(0, 2)
    d['eq100'] = rng.randint(0, 1)
    # prior-year aggregates for text comparisons
    p_gp_b = sum(l['gp_b_prev'] for l in d['leaves'])
    p_gp = p_gp_b + sum(l['gp_p_prev'] for l in d['leaves'])
    p_gf = sum(l['gf_p_prev'] for l in d['leaves'])
    p_oth = factor(rng, oth_spend, 0.6, 1.3) if oth_spend else (wan(rng, 0.1, 5) if rng.random() < 0.2 else 0)
    p_exp = p_gp + p_gf + p_oth
    if dtype == 'final':
        p_cout = d['cin']                       # last year's 年末结转 = this year's 年初结转
        p_cin = int(d['cin'] * rng.uniform(0.3, 1.5)) if rng.random() < 0.6 else 0
        p_fin_cout = d['fin_cin']
        p_fin_cin = int(d['fin_cin'] * rng.uniform(0.2, 1.2)) if rng.random() < 0.5 else 0
    else:
        p_cout = p_fin_cout = 0
        p_cin = int(d['cin'] * rng.uniform(0.3, 1.5)) if rng.random() < 0.5 else 0
        p_fin_cin = min(p_cin, p_gp)
    p_grand = p_exp + p_cout
    d['prev'] = dict(grand=p_grand, inc_total=p_grand - p_cin, exp_total=p_exp, exp_basic=p_gp_b,
                     exp_proj=p_exp - p_gp_b, fin_grand=p_gp + p_gf + p_fin_cout, cin=p_cin, gp=p_gp)
    d['perf_n'] = len(plist)
    d['perf_sat'] = rng.choice([85, 90, 90, 95, 98])
    return d
