"""Facts model of one synthetic 2026年部门预算 (integer 元 throughout).

Everything printed in a document is derived from this model, and verify14.py re-derives every
quantity from the same JSON without importing the generator.  Money is whole 元 so that sums are
exact; rounding only happens when a figure is printed.
"""
from __future__ import annotations

import random
from typing import Any

YEAR = 2026
PREV = 2025

# ---------------------------------------------------------------- classification names (2026 科目)
CLASS_NAMES: dict[str, str] = {
    '201': '一般公共服务支出', '202': '外交支出', '203': '国防支出', '204': '公共安全支出',
    '205': '教育支出', '206': '科学技术支出', '207': '文化旅游体育与传媒支出',
    '208': '社会保障和就业支出', '210': '卫生健康支出', '211': '节能环保支出',
    '212': '城乡社区支出', '213': '农林水支出', '214': '交通运输支出',
    '215': '资源勘探工业信息等支出', '216': '商业服务业等支出', '217': '金融支出',
    '219': '援助其他地区支出', '220': '自然资源海洋气象等支出', '221': '住房保障支出',
    '222': '粮油物资储备支出', '224': '灾害防治及应急管理支出', '227': '预备费',
    '229': '其他支出', '230': '转移性支出', '231': '债务还本支出', '232': '债务付息支出',
    '233': '债务发行费用支出',
}
KUAN_NAMES: dict[str, str] = {
    '20103': '政府办公厅（室）及相关机构事务', '20105': '统计信息事务', '20106': '财政事务',
    '20108': '审计事务', '20113': '商贸事务', '20406': '司法', '20701': '文化和旅游',
    '20702': '文物', '20802': '民政管理事务', '20805': '行政事业单位养老支出',
    '20810': '社会福利', '20820': '临时救助', '21011': '行政事业单位医疗',
    '22102': '住房改革支出', '22960': '彩票公益金安排的支出',
}
XIANG_NAMES: dict[str, str] = {
    '2010301': '行政运行', '2010302': '一般行政管理事务', '2010350': '事业运行',
    '2010399': '其他政府办公厅（室）及相关机构事务支出',
    '2010501': '行政运行', '2010502': '一般行政管理事务', '2010505': '专项统计业务',
    '2010507': '专项普查活动', '2010508': '统计抽样调查', '2010550': '事业运行',
    '2010601': '行政运行', '2010602': '一般行政管理事务', '2010607': '信息化建设',
    '2010608': '财政委托业务支出', '2010650': '事业运行',
    '2010801': '行政运行', '2010802': '一般行政管理事务', '2010804': '审计业务',
    '2010850': '事业运行',
    '2011301': '行政运行', '2011302': '一般行政管理事务', '2011308': '招商引资',
    '2011350': '事业运行', '2011399': '其他商贸事务支出',
    '2040601': '行政运行', '2040602': '一般行政管理事务', '2040604': '基层司法业务',
    '2040605': '普法宣传', '2040607': '法律援助', '2040610': '社区矫正', '2040650': '事业运行',
    '2040699': '其他司法支出',
    '2070101': '行政运行', '2070102': '一般行政管理事务', '2070104': '图书馆',
    '2070109': '群众文化', '2070111': '文化创作与保护', '2070112': '文化和旅游市场管理',
    '2070113': '旅游宣传', '2070204': '文物保护',
    '2080201': '行政运行', '2080202': '一般行政管理事务', '2080208': '基层政权建设和社区治理',
    '2080501': '行政单位离退休', '2080502': '事业单位离退休',
    '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出',
    '2081001': '儿童福利', '2081002': '老年福利', '2081004': '殡葬', '2081005': '社会福利事业单位',
    '2082001': '临时救助支出', '2082002': '流浪乞讨人员救助支出',
    '2101101': '行政单位医疗', '2101102': '事业单位医疗', '2101103': '公务员医疗补助',
    '2210201': '住房公积金',
    '2296002': '用于社会福利的彩票公益金支出', '2296003': '用于体育事业的彩票公益金支出',
}

# ---------------------------------------------------------------- 经济分类 (部门预算支出经济分类)
ECON_CLASSES: dict[str, str] = {'301': '工资福利支出', '302': '商品和服务支出',
                                '303': '对个人和家庭的补助'}
ECON_NAMES: dict[str, str] = {
    '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30107': '绩效工资',
    '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费',
    '30110': '职工基本医疗保险缴费', '30111': '公务员医疗补助缴费', '30112': '其他社会保障缴费',
    '30113': '住房公积金', '30199': '其他工资福利支出',
    '30201': '办公费', '30202': '印刷费', '30205': '水费', '30206': '电费', '30207': '邮电费',
    '30209': '物业管理费', '30211': '差旅费', '30212': '因公出国（境）费用', '30213': '维修（护）费',
    '30215': '会议费', '30216': '培训费', '30217': '公务接待费', '30226': '劳务费',
    '30228': '工会经费', '30229': '福利费', '30231': '公务用车运行维护费', '30239': '其他交通费用',
    '30299': '其他商品和服务支出',
    '30302': '退休费', '30305': '生活补助', '30307': '医疗费补助', '30309': '奖励金',
    '30399': '其他对个人和家庭的补助',
}

# ---------------------------------------------------------------- departments
# Each kind: 行政运行/一般行政管理事务 leaves, the 事业 units with their own 事业运行 leaf,
# the projects (name, leaf, low, high in 元), optional 政府性基金 projects.
DEPT_KINDS: dict[str, dict[str, Any]] = {
    'sifa': dict(
        name='司法局', admin_leaf='2040601', gen_leaf='2040602',
        units=[('公证处', '公益二类事业单位', '2040650'), ('法律援助中心', '公益一类事业单位', '2040650'),
               ('社区矫正服务中心', '参照公务员法管理事业单位', '2040650')],
        projects=[('人民调解工作经费', '2040604', 80000, 600000), ('基层法律服务工作经费', '2040604', 100000, 500000),
                  ('普法宣传教育经费', '2040605', 100000, 800000), ('法律援助案件补贴', '2040607', 200000, 1500000),
                  ('社区矫正工作经费', '2040610', 150000, 900000), ('行政复议应诉工作经费', '2040699', 50000, 400000),
                  ('政府法律顾问服务经费', '2040602', 100000, 600000), ('司法行政信息化运维经费', '2040602', 100000, 700000)],
        unit_projects=[('公证业务专项经费', '2040604', 50000, 300000), ('法律援助值班律师经费', '2040607', 80000, 400000)],
        gf=[], vehicle_kinds=['一般公务用车', '执法执勤用车', '其他用车'],
        offices=['办公室', '法治督察科', '行政复议与应诉科', '普法与依法治理科', '人民参与和促进法治科',
                 '公共法律服务管理科', '社区矫正管理科', '政治部'],
        duties=['负责本区法治建设的统筹协调、督促检查和推进落实工作，承担依法治区委员会办公室的日常工作。',
                '承担统筹规划全区立法工作的协调责任，负责有关规范性文件合法性审核和备案审查工作。',
                '承办申请区政府行政复议、行政应诉案件，指导、监督全区行政复议和行政应诉工作。',
                '负责拟订全区法治宣传教育规划并组织实施，指导调解工作和人民调解员队伍建设。',
                '负责全区社区矫正工作，指导管理律师、公证、法律援助、司法鉴定等公共法律服务工作。']),
    'shenji': dict(
        name='审计局', admin_leaf='2010801', gen_leaf='2010802',
        units=[('政府投资审计中心', '公益一类事业单位', '2010850'), ('审计信息中心', '公益一类事业单位', '2010850')],
        projects=[('政府投资审计经费', '2010804', 200000, 1500000), ('购买社会审计服务经费', '2010804', 300000, 2000000),
                  ('经济责任审计专项经费', '2010804', 100000, 600000), ('审计信息化建设经费', '2010802', 100000, 900000),
                  ('内部审计指导监督经费', '2010802', 50000, 300000)],
        unit_projects=[('投资审计业务经费', '2010804', 100000, 800000), ('审计数据分析平台运维经费', '2010802', 80000, 400000)],
        gf=[], vehicle_kinds=['一般公务用车', '其他用车'],
        offices=['办公室', '法规审理科', '财政金融审计科', '经济责任审计科', '行政事业审计科', '固定资产投资审计科'],
        duties=['主管本区审计工作，贯彻执行国家审计法律法规和方针政策，拟订全区审计工作规划并组织实施。',
                '向区委审计委员会提出年度审计计划建议，对区级预算执行情况和其他财政收支情况进行审计监督。',
                '负责对政府投资和以政府投资为主的建设项目的预算执行情况和决算进行审计监督。',
                '依法对领导干部履行经济责任、自然资源资产管理和生态环境保护责任情况进行审计。',
                '指导和监督内部审计工作，依法核查社会审计机构对依法属于审计监督对象的单位出具的审计报告。']),
    'tongji': dict(
        name='统计局', admin_leaf='2010501', gen_leaf='2010502',
        units=[('统计普查中心', '公益一类事业单位', '2010550'), ('社情民意调查中心', '公益一类事业单位', '2010550')],
        projects=[('统计调查专项经费', '2010505', 100000, 800000), ('经济普查专项经费', '2010507', 300000, 2500000),
                  ('人口抽样调查经费', '2010508', 100000, 900000), ('统计数据质量核查经费', '2010505', 50000, 400000),
                  ('统计信息化运维经费', '2010502', 80000, 500000)],
        unit_projects=[('普查业务经费', '2010507', 80000, 600000), ('民意调查专项经费', '2010508', 50000, 300000)],
        gf=[], vehicle_kinds=['一般公务用车', '其他用车'],
        offices=['办公室', '综合统计科', '国民经济核算科', '工业交通统计科', '贸易外经统计科', '人口和社会科技统计科'],
        duties=['贯彻执行国家统计法律法规，拟订全区统计工作规划和统计调查计划并组织实施。',
                '组织实施全区国民经济核算制度和统计标准，组织实施全国性和全区性重大国情国力普查。',
                '收集、汇总、整理和提供全区有关调查的统计数据，对国民经济和社会发展情况进行统计分析。',
                '负责全区统计执法检查，依法查处统计违法行为，指导全区统计信息化建设。']),
    'caizheng': dict(
        name='财政局', admin_leaf='2010601', gen_leaf='2010602',
        units=[('财政投资评审中心', '公益一类事业单位', '2010650'), ('财政国库支付中心', '参照公务员法管理事业单位', '2010650')],
        projects=[('预算管理一体化系统运维经费', '2010607', 300000, 2000000), ('财政投资评审委托业务费', '2010608', 300000, 2500000),
                  ('国库集中支付代理服务费', '2010608', 100000, 800000), ('财会监督检查经费', '2010602', 80000, 500000),
                  ('行政事业性国有资产清查委托服务费', '2010608', 100000, 900000)],
        unit_projects=[('投资评审业务经费', '2010608', 100000, 700000), ('国库支付业务运行经费', '2010602', 50000, 400000)],
        gf=[], vehicle_kinds=['一般公务用车', '其他用车'],
        offices=['办公室', '预算科', '国库科', '经济建设科', '行政政法科', '社会保障科', '会计科', '财会监督科'],
        duties=['贯彻执行国家财税方针政策和法律法规，拟订全区财政发展规划和财政政策并组织实施。',
                '负责编制年度区级预决算草案并组织执行，受区政府委托向区人大常委会报告财政预算执行情况。',
                '负责管理区级各项财政收入，管理区级政府非税收入和政府性基金。',
                '负责政府采购监督管理、行政事业单位国有资产管理和会计管理工作。']),
    'shangwu': dict(
        name='商务局', admin_leaf='2011301', gen_leaf='2011302',
        units=[('投资促进中心', '公益一类事业单位', '2011350'), ('市场运行监测中心', '公益一类事业单位', '2011350')],
        projects=[('招商引资专项经费', '2011308', 300000, 2500000), ('外贸稳增长工作经费', '2011302', 100000, 800000),
                  ('消费促进活动经费', '2011399', 200000, 1500000), ('电子商务发展专项经费', '2011399', 100000, 900000),
                  ('商贸流通安全监管经费', '2011302', 50000, 400000)],
        unit_projects=[('投资促进活动经费', '2011308', 100000, 800000), ('重要商品市场监测经费', '2011302', 50000, 300000)],
        gf=[], vehicle_kinds=['一般公务用车', '其他用车'],
        offices=['办公室', '商贸流通科', '对外贸易科', '外资科', '电子商务科', '市场秩序科'],
        duties=['贯彻执行国内外贸易和国际经济合作的方针政策，拟订全区商务发展规划并组织实施。',
                '负责推进全区流通产业结构调整，促进商贸服务业和社区商业发展，组织实施促进消费工作。',
                '负责全区对外贸易、利用外资和对外经济合作的管理和服务工作。',
                '承担全区招商引资的统筹协调和组织推进工作，负责重要消费品市场运行监测。']),
    'minzheng': dict(
        name='民政局', admin_leaf='2080201', gen_leaf='2080202',
        units=[('社会福利院', '公益二类事业单位', '2081005'), ('救助管理站', '公益一类事业单位', '2082002'),
               ('殡葬管理所', '公益二类事业单位', '2081004')],
        projects=[('社区治理专项经费', '2080208', 300000, 2000000), ('高龄津贴', '2081002', 500000, 4000000),
                  ('居家养老服务补贴', '2081002', 300000, 2500000), ('孤儿基本生活费', '2081001', 100000, 800000),
                  ('困难群众临时救助资金', '2082001', 200000, 1500000), ('区划地名管理经费', '2080202', 50000, 300000)],
        unit_projects=[('流浪乞讨人员救助经费', '2082002', 100000, 600000), ('特困人员集中供养经费', '2081005', 200000, 1200000)],
        gf=[('彩票公益金养老服务项目', '2296002', 300000, 2000000), ('彩票公益金社会福利项目', '2296002', 100000, 900000)],
        vehicle_kinds=['一般公务用车', '特种专业技术用车', '应急保障用车', '其他用车'],
        offices=['办公室', '社会救助科', '养老服务科', '社会事务科', '基层政权建设和社区治理科', '社会组织管理科'],
        duties=['贯彻执行民政工作方针政策和法律法规，拟订全区民政事业发展规划并组织实施。',
                '负责全区社会救助工作，统筹城乡低保、特困人员救助供养和临时救助工作。',
                '统筹推进、督促指导、监督管理全区养老服务工作，承担老年人福利和特殊困难老年人救助工作。',
                '负责全区社会组织登记管理、区划地名管理、殡葬管理和儿童福利工作。']),
    'wenlv': dict(
        name='文化和旅游局', admin_leaf='2070101', gen_leaf='2070102',
        units=[('图书馆', '公益一类事业单位', '2070104'), ('文化馆', '公益一类事业单位', '2070109')],
        projects=[('公共文化服务体系建设经费', '2070109', 300000, 2000000), ('文化旅游市场执法检查经费', '2070112', 50000, 400000),
                  ('全域旅游宣传推广经费', '2070113', 200000, 1500000), ('非物质文化遗产保护经费', '2070111', 100000, 600000),
                  ('文物保护修缮经费', '2070204', 200000, 2500000)],
        unit_projects=[('图书购置经费', '2070104', 100000, 600000), ('群众文化活动经费', '2070109', 100000, 800000)],
        gf=[('全民健身器材更新项目', '2296003', 200000, 1200000)],
        vehicle_kinds=['一般公务用车', '执法执勤用车', '其他用车'],
        offices=['办公室', '公共服务科', '产业发展科', '资源开发与市场管理科', '文物与非遗科'],
        duties=['贯彻执行文化和旅游工作的方针政策，拟订全区文化和旅游发展规划并组织实施。',
                '统筹推进全区公共文化服务体系建设和旅游公共服务建设，指导群众文化和图书馆工作。',
                '负责全区文物和非物质文化遗产保护利用工作，指导文化和旅游市场综合执法。',
                '负责全区文化和旅游宣传推广工作，促进文化产业和旅游产业发展。']),
    'zhengwu': dict(
        name='行政审批服务局', admin_leaf='2010301', gen_leaf='2010302',
        units=[('政务服务中心', '公益一类事业单位', '2010350'), ('公共资源交易中心', '公益一类事业单位', '2010350')],
        projects=[('政务服务大厅运行维护经费', '2010302', 300000, 2000000), ('12345政务服务便民热线运行经费', '2010399', 200000, 1500000),
                  ('政务服务平台运维经费', '2010302', 100000, 900000), ('营商环境优化专项经费', '2010399', 100000, 800000),
                  ('“一网通办”事项标准化经费', '2010302', 50000, 400000)],
        unit_projects=[('公共资源交易平台运维经费', '2010399', 100000, 700000), ('政务大厅物业管理经费', '2010302', 200000, 900000)],
        gf=[], vehicle_kinds=['一般公务用车', '其他用车'],
        offices=['办公室', '政策法规科', '审批服务一科', '审批服务二科', '政务服务管理科', '电子政务科'],
        duties=['贯彻执行政务服务和行政审批制度改革的方针政策，拟订全区政务服务发展规划并组织实施。',
                '负责划转事项的行政许可集中办理，规范审批行为，优化办事流程。',
                '指导、协调并推进全区政务服务体系建设，负责区政务服务中心的运行管理。',
                '负责全区公共资源交易的综合管理和12345政务服务便民热线的运行管理。']),
}

REGIONS = ['南京市江宁区', '成都市武侯区', '西安市雁塔区', '杭州市西湖区', '长沙市岳麓区', '济南市历下区',
           '合肥市蜀山区', '郑州市金水区', '福州市鼓楼区', '南昌市青山湖区', '昆明市五华区', '太原市小店区',
           '宁波市鄞州区', '无锡市滨湖区', '青岛市崂山区', '武汉市洪山区']

ADMIN_NATURES = ('行政单位', '参照公务员法管理事业单位')


def _r(x: float, step: int = 1) -> int:
    """Round to a whole number of 元 (or to `step` 元) — budgets are drawn up in whole 元."""
    return int(round(x / step)) * step


def _econ_for_unit(rng: random.Random, staff: int, nature: str, is_head: bool) -> dict[str, int]:
    """GP basic expenditure of one unit by 经济分类 款."""
    admin = nature in ADMIN_NATURES
    e: dict[str, int] = {}
    e['30101'] = _r(staff * rng.uniform(38000, 52000))
    e['30102'] = _r(staff * rng.uniform(48000, 76000))
    if admin:
        e['30103'] = _r(staff * rng.uniform(4000, 9000))
    else:
        e['30107'] = _r(staff * rng.uniform(38000, 66000))
    base = e['30101'] + e['30102'] + e.get('30103', 0) + e.get('30107', 0)
    e['30108'] = _r(base * 0.16)
    e['30109'] = _r(base * 0.08)
    e['30110'] = _r(base * rng.uniform(0.065, 0.09))
    if admin:
        e['30111'] = _r(base * rng.uniform(0.02, 0.04))
    e['30112'] = _r(base * rng.uniform(0.004, 0.008))
    e['30113'] = _r(base * 0.12)
    if rng.random() < 0.3:
        e['30199'] = _r(staff * rng.uniform(500, 3000), 100)
    # 商品和服务支出
    e['30201'] = _r(staff * rng.uniform(1000, 2600), 100)
    if rng.random() < 0.7:
        e['30202'] = _r(staff * rng.uniform(200, 800), 100)
    e['30205'] = _r(staff * rng.uniform(150, 400), 100)
    e['30206'] = _r(staff * rng.uniform(600, 1500), 100)
    e['30207'] = _r(staff * rng.uniform(300, 800), 100)
    if rng.random() < 0.6:
        e['30209'] = _r(staff * rng.uniform(1000, 3000), 100)
    e['30211'] = _r(staff * rng.uniform(1200, 3500), 100)
    if rng.random() < 0.6:
        e['30213'] = _r(staff * rng.uniform(300, 1200), 100)
    if rng.random() < 0.4:
        e['30215'] = _r(rng.uniform(5000, 30000), 100)
    e['30216'] = _r(staff * rng.uniform(400, 1300), 100)
    if rng.random() < 0.4:
        e['30226'] = _r(rng.uniform(20000, 200000), 100)
    e['30228'] = _r(base * 0.02)
    e['30229'] = _r(staff * rng.uniform(800, 2000), 100)
    if admin:
        e['30239'] = _r(staff * rng.uniform(8000, 15000), 100)
    e['30299'] = _r(staff * rng.uniform(300, 1500), 100)
    # 对个人和家庭的补助
    if rng.random() < 0.5:
        e['30302'] = _r(rng.uniform(1, 4) * rng.uniform(30000, 60000))
    if rng.random() < 0.5:
        e['30305'] = _r(rng.uniform(10000, 60000), 100)
    if rng.random() < 0.4:
        e['30307'] = _r(rng.uniform(5000, 30000), 100)
    if rng.random() < 0.5 and is_head:
        e['30309'] = _r(staff * rng.uniform(300, 900), 100)
    return e


def _basic_by_leaf(econ: dict[str, int], nature: str, run_leaf: str) -> dict[str, int]:
    """Map 经济分类 items onto 功能分类 项: social-security items have their own 项."""
    admin = nature in ADMIN_NATURES
    out: dict[str, int] = {}

    def add(leaf: str, v: int) -> None:
        if v:
            out[leaf] = out.get(leaf, 0) + v
    add('2080505', econ.get('30108', 0))
    add('2080506', econ.get('30109', 0))
    add('2101101' if admin else '2101102', econ.get('30110', 0))
    add('2101103', econ.get('30111', 0))
    add('2210201', econ.get('30113', 0))
    add('2080501' if admin else '2080502', econ.get('30302', 0) + econ.get('30305', 0))
    taken = {'30108', '30109', '30110', '30111', '30113', '30302', '30305'}
    add(run_leaf, sum(v for k, v in econ.items() if k not in taken))
    return out


def _prev_of(rng: random.Random, cur: int, lo: float, hi: float, flat_p: float = 0.0) -> int:
    """A plausible 2025年预算 for a 2026 amount: cur / (1 + g)."""
    if cur == 0:
        return 0
    if rng.random() < flat_p:
        return cur
    g = rng.uniform(lo, hi)
    if abs(g) < 0.01:  # a real change, not a near-tie that reads like 持平
        g = rng.choice([-1, 1]) * rng.uniform(0.01, 0.06)
    return _r(cur / (1 + g), 100 if cur > 100000 else 1)


def make_facts(rng: random.Random, kind_key: str | None = None, n_sub: int | None = None) -> dict[str, Any]:
    kinds = sorted(DEPT_KINDS)
    kind_key = kind_key or rng.choice(kinds)
    kind = DEPT_KINDS[kind_key]
    region = rng.choice(REGIONS)
    dept = region + kind['name']
    district = region.split('市')[1]
    if n_sub is None:
        n_sub = rng.choice([0, 0, 1, 1, 2, 2, 3])
    n_sub = min(n_sub, len(kind['units']))
    subs = rng.sample(kind['units'], n_sub)

    units: list[dict[str, Any]] = []
    head_staff = rng.randint(18, 70)
    units.append(dict(name=dept + ('（本级）' if n_sub else ''), short=dept, nature='行政单位',
                      staff=head_staff, run_leaf=kind['admin_leaf'], head=True))
    for (uname, nature, leaf) in subs:
        units.append(dict(name=region + uname, short=district + uname, nature=nature,
                          staff=rng.randint(6, 40), run_leaf=leaf, head=False))

    # ---- 三公 (department level, all carried by 本级 and its basic items / one project)
    n_veh = rng.choice([0, 1, 2, 2, 3, 3, 4, 5, 6, 8]) if rng.random() < 0.9 else 0
    sg26 = dict(cg=0, gz=0, yx=0, jd=0)
    if rng.random() < 0.15:
        sg26['cg'] = _r(rng.uniform(30000, 120000), 100)
    buy = 0
    if n_veh and rng.random() < 0.3:
        buy = 1
        sg26['gz'] = _r(rng.uniform(150000, 260000), 100)
    if n_veh:
        sg26['yx'] = _r(n_veh * rng.uniform(12000, 30000), 100)
    sg26['jd'] = _r(rng.uniform(5000, 60000), 100)
    cg25 = sg26['cg'] if rng.random() < 0.7 else (_r(rng.uniform(30000, 100000), 100) if rng.random() < 0.5 else 0)
    sg25 = dict(cg=cg25,
                gz=_r(rng.uniform(150000, 250000), 100) if rng.random() < 0.25 else 0,
                yx=_prev_of(rng, sg26['yx'], -0.15, 0.2, 0.2),
                jd=_prev_of(rng, sg26['jd'], -0.1, 0.35, 0.2))
    if sg26['yx'] == 0 and rng.random() < 0.5:
        sg25['yx'] = _r(rng.uniform(10000, 30000), 100)

    for i, u in enumerate(units):
        econ = _econ_for_unit(rng, u['staff'], u['nature'], u['head'])
        if u['head']:
            econ['30217'] = sg26['jd']
            if sg26['yx']:
                econ['30231'] = sg26['yx']
            if sg26['cg']:
                econ['30212'] = sg26['cg']
        u['econ'] = econ
        u['basic_gp'] = _basic_by_leaf(econ, u['nature'], u['run_leaf'])
        # non-fiscal money: 公益二类 units charge 事业收入 and spend it on basic needs
        inc = dict(sy=0, qt=0, zh=0, jz=0)
        if u['nature'] == '公益二类事业单位':
            inc['sy'] = _r(sum(econ.values()) * rng.uniform(0.15, 0.6), 100)
            if rng.random() < 0.3:
                inc['zh'] = _r(rng.uniform(50000, 400000), 100)
        if rng.random() < 0.25:
            inc['qt'] = _r(rng.uniform(10000, 150000), 100)
        if rng.random() < 0.15:
            inc['jz'] = _r(rng.uniform(20000, 300000), 100)
        u['nf_income'] = inc
        nf = sum(inc.values())
        u['basic_nf'] = {u['run_leaf']: nf} if nf else {}

    # ---- projects
    projects: list[dict[str, Any]] = []
    head_pool = list(kind['projects'])
    for (pname, leaf, lo, hi) in rng.sample(head_pool, rng.randint(2, min(5, len(head_pool)))):
        projects.append(dict(unit=0, name=pname, leaf=leaf, src='gp', v26=_r(rng.uniform(lo, hi), 100)))
    if sg26['gz']:
        projects.append(dict(unit=0, name='公务用车购置', leaf=kind['gen_leaf'], src='gp', v26=sg26['gz']))
    for i, u in enumerate(units[1:], start=1):
        pool = [p for p in kind['unit_projects']]
        for (pname, leaf, lo, hi) in rng.sample(pool, rng.randint(0, 1 if n_sub > 1 else 2)):
            projects.append(dict(unit=i, name=pname, leaf=leaf, src='gp', v26=_r(rng.uniform(lo, hi), 100)))
    if kind['gf'] and rng.random() < 0.6:
        for (pname, leaf, lo, hi) in rng.sample(kind['gf'], rng.randint(1, len(kind['gf']))):
            projects.append(dict(unit=0, name=pname, leaf=leaf, src='gf', v26=_r(rng.uniform(lo, hi), 100)))
    # 2025 amounts: continuing projects move, some are new, some are exactly flat
    for p in projects:
        r = rng.random()
        if p['name'] == '公务用车购置':
            p['v25'] = sg25['gz']
        elif r < 0.18:
            p['v25'] = 0
        elif r < 0.30:
            p['v25'] = p['v26']
        else:
            p['v25'] = _prev_of(rng, p['v26'], -0.35, 0.45)
    # a project funded last year and not this year (its 项 may vanish from the 2026 columns)
    if rng.random() < 0.45:
        used = {p['name'] for p in projects}
        spare = [q for q in head_pool if q[0] not in used]
        if spare:
            (pname, leaf, lo, hi) = rng.choice(spare)
            projects.append(dict(unit=0, name=pname, leaf=leaf, src='gp', v26=0, v25=_r(rng.uniform(lo, hi), 100)))
    if sg26['gz'] == 0 and sg25['gz']:
        projects.append(dict(unit=0, name='公务用车购置', leaf=kind['gen_leaf'], src='gp', v26=0, v25=sg25['gz']))

    # ---- 2025 basic by leaf (department level)
    basic26: dict[str, dict[str, int]] = {}
    for u in units:
        for leaf, v in u['basic_gp'].items():
            basic26.setdefault(leaf, dict(gp=0, nf=0))['gp'] += v
        for leaf, v in u['basic_nf'].items():
            basic26.setdefault(leaf, dict(gp=0, nf=0))['nf'] += v
    basic25: dict[str, dict[str, int]] = {}
    for leaf in sorted(basic26):
        b = basic26[leaf]
        basic25[leaf] = dict(gp=_prev_of(rng, b['gp'], -0.06, 0.12, 0.05), nf=_prev_of(rng, b['nf'], -0.2, 0.3))
    nf25_total = sum(b['nf'] for b in basic25.values())
    # 2025 non-fiscal income split in the same proportions as 2026
    nf26 = {k: sum(u['nf_income'][k] for u in units) for k in ('sy', 'qt', 'zh', 'jz')}
    tot26 = sum(nf26.values())
    nf_inc25 = {k: 0 for k in nf26}
    if tot26:
        acc = 0
        keys = [k for k in ('sy', 'qt', 'zh', 'jz') if nf26[k]]
        for k in keys[:-1]:
            nf_inc25[k] = _r(nf25_total * nf26[k] / tot26)
            acc += nf_inc25[k]
        nf_inc25[keys[-1]] = nf25_total - acc
    elif nf25_total:
        nf_inc25['qt'] = nf25_total

    # ---- 机关运行经费: 公用经费 of administrative and 参公 units
    jgyx26 = sum(v for u in units if u['nature'] in ADMIN_NATURES for k, v in u['econ'].items() if k.startswith('302'))
    jgyx25 = _prev_of(rng, jgyx26, -0.08, 0.1, 0.05)

    # ---- 政府采购预算
    proc_rows: list[dict[str, Any]] = []
    for i, u in enumerate(units):
        goods = _r(u['staff'] * rng.uniform(1500, 6000), 100) if rng.random() < 0.85 else 0
        if i == 0 and sg26['gz']:
            goods += sg26['gz']
        works = _r(rng.uniform(80000, 900000), 100) if rng.random() < 0.3 else 0
        services = _r(rng.uniform(50000, 1200000), 100) if rng.random() < 0.8 else 0
        if i == 0 and goods + works + services == 0:
            services = _r(rng.uniform(50000, 600000), 100)
        if goods + works + services:
            proc_rows.append(dict(unit=i, label=u['name'], goods=goods, works=works, services=services))
    proc_total = sum(r['goods'] + r['works'] + r['services'] for r in proc_rows)
    proc25 = _prev_of(rng, proc_total, -0.3, 0.4)
    sme = _r(proc_total * rng.uniform(0.35, 0.9), 100) if rng.random() < 0.5 else None

    # ---- 国有资产: vehicles by kind (sum = n_veh)
    vehicles: list[list[Any]] = []
    if n_veh:
        kinds_v = kind['vehicle_kinds']
        counts = {k: 0 for k in kinds_v}
        for _ in range(n_veh):
            counts[rng.choice(kinds_v)] += 1
        vehicles = [[k, counts[k]] for k in kinds_v]
    equip50 = rng.choice([0, 0, 0, 1, 2])
    equip100 = rng.choice([0, 0, 0, 0, 1])

    offices = rng.sample(kind['offices'], rng.randint(4, len(kind['offices'])))
    return dict(
        year=YEAR, prev=PREV, kind=kind_key, region=region, dept=dept, dept_short=kind['name'],
        consolidated=n_sub > 0, units=units, projects=projects,
        basic25=basic25, nf_income25=nf_inc25,
        sangong={'2026': sg26, '2025': sg25}, veh_buy=buy,
        jgyx={'2026': jgyx26, '2025': jgyx25},
        proc=dict(rows=proc_rows, prev_total=proc25, sme=sme),
        vehicles=vehicles, equip50=equip50, equip100=equip100,
        offices=offices, duties=kind['duties'],
    )


# ---------------------------------------------------------------- derived quantities (generator side)
def leaf_table(f: dict[str, Any]) -> dict[str, dict[str, int]]:
    """Department-level amounts per 项: gp_b, gp_p, gf_p, nf_b for 2026 and 2025 (suffix 25)."""
    out: dict[str, dict[str, int]] = {}

    def row(leaf: str) -> dict[str, int]:
        return out.setdefault(leaf, dict(gp_b=0, gp_p=0, gf_p=0, nf_b=0, gp_b25=0, gp_p25=0, gf_p25=0, nf_b25=0))
    for u in f['units']:
        for leaf, v in u['basic_gp'].items():
            row(leaf)['gp_b'] += v
        for leaf, v in u['basic_nf'].items():
            row(leaf)['nf_b'] += v
    for leaf, b in f['basic25'].items():
        row(leaf)['gp_b25'] += b['gp']
        row(leaf)['nf_b25'] += b['nf']
    for p in f['projects']:
        r = row(p['leaf'])
        if p['src'] == 'gp':
            r['gp_p'] += p['v26']
            r['gp_p25'] += p['v25']
        else:
            r['gf_p'] += p['v26']
            r['gf_p25'] += p['v25']
    return out
