#!/usr/bin/env python3
"""gen2.py - synthetic generator of Chinese departmental budget (部门预算) and
final-account (部门决算) disclosures, with planted defects, for testing a checker.

Usage:
    python3 gen2.py --seed S --count N --formats txt,html,docx,xlsx,pdf OUTDIR

Writes per format N documents (alternating budget / final), OUTDIR/manifest.json,
and OUTDIR/_internal/<file>.json (the generator's own record of every printed
figure, table relation and narrative claim; verify2.py checks those).

All names and figures are invented.  Phrasing follows real disclosures (see README.md).
"""
import argparse
import html as htmlmod
import json
import os
import random
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

# ----------------------------------------------------------------------------
# constants: places, departments, classification names
# ----------------------------------------------------------------------------
PROVINCES = ['四川省', '湖北省', '陕西省', '河南省', '广西壮族自治区', '云南省', '山东省',
             '辽宁省', '内蒙古自治区', '湖南省', '甘肃省']
CITIES = ['澄岚市', '枫汀市', '槐溪市', '菱川市', '沣宁市', '栖梧市', '霁原市', '岫阳市',
          '蓼城市', '棠溪市', '柘川市', '杉平市']
COUNTIES = ['青漪县', '白杉县', '柳汀县', '石楠县', '苇塘县', '桐岭县', '梓溪县', '鹤滩县',
            '蒲阳区', '枳城区', '芦湾区', '杏坪县', '栎山县', '荻港区']
SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦傅方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'
GIVEN = '建华明秀英丽军平伟芳敏静强磊洋艳勇杰娟涛超霞刚琳斌波宁辉颖鹏飞雪梅晨阳浩然欣怡嘉瑶思远文博'

LEI_NAMES = {
    '201': '一般公共服务支出', '204': '公共安全支出', '207': '文化旅游体育与传媒支出',
    '208': '社会保障和就业支出', '210': '卫生健康支出', '212': '城乡社区支出',
    '213': '农林水支出', '220': '自然资源海洋气象等支出', '221': '住房保障支出', '229': '其他支出',
}
KUAN_NAMES = {
    '20103': '政府办公厅（室）及相关机构事务', '20105': '统计信息事务', '20108': '审计事务',
    '20126': '档案事务', '20138': '市场监督管理事务', '20406': '司法', '20701': '文化和旅游',
    '20805': '行政事业单位养老支出', '20828': '退役军人管理事务', '21011': '行政事业单位医疗',
    '21208': '国有土地使用权出让收入安排的支出', '21301': '农业农村', '21302': '林业和草原',
    '22001': '自然资源事务', '22102': '住房改革支出', '22960': '彩票公益金安排的支出',
}
COMMON_XIANG = {
    '2080501': '行政单位离退休', '2080502': '事业单位离退休',
    '2080505': '机关事业单位基本养老保险缴费支出', '2080506': '机关事业单位职业年金缴费支出',
    '2101101': '行政单位医疗', '2101102': '事业单位医疗', '2101103': '公务员医疗补助',
    '2210201': '住房公积金',
}
GF_XIANG = {'2120899': '其他国有土地使用权出让收入安排的支出',
            '2296003': '用于体育事业的彩票公益金支出'}

DEPTS = [
    dict(name='政务服务管理局', kuan='20103', admin_run='2010301', inst_run='2010350',
         xiang={'2010301': '行政运行', '2010302': '一般行政管理事务', '2010350': '事业运行',
                '2010399': '其他政府办公厅（室）及相关机构事务支出'},
         proj=['2010302', '2010399'], sub=['政务服务中心', '公共资源交易中心', '便民服务热线中心'],
         projects=['政务服务大厅运行保障经费', '一体化政务服务平台运维经费', '便民服务热线坐席购买服务',
                   '政务服务事项标准化建设经费', '营商环境评价工作经费', '公共资源交易系统升级改造经费',
                   '自助服务终端购置经费'],
         inner=['办公室', '政务服务股', '审批协调股', '电子政务股', '营商环境股', '效能督查股'],
         duties=['负责统筹推进全域政务服务体系建设，组织实施政务服务事项标准化管理',
                 '负责政务服务大厅的运行管理，协调进驻部门窗口办理各类审批服务事项',
                 '负责一体化政务服务平台、自助服务终端的建设管理和推广应用',
                 '承担优化营商环境的日常协调工作，受理企业和群众对政务服务的投诉',
                 '负责公共资源交易平台的运行维护和场内交易活动的组织服务'],
         gf=None),
    dict(name='统计局', kuan='20105', admin_run='2010501', inst_run='2010550',
         xiang={'2010501': '行政运行', '2010502': '一般行政管理事务', '2010505': '专项统计业务',
                '2010507': '专项普查活动', '2010550': '事业运行'},
         proj=['2010502', '2010505', '2010507'], sub=['统计普查中心', '社情民意调查中心'],
         projects=['经济普查工作经费', '统计执法检查经费', '统计数据质量核查经费', '统计信息化平台运维费',
                   '住户调查辅助调查员劳务费', '农业统计抽样调查经费'],
         inner=['办公室', '综合统计股', '国民经济核算股', '普查中心', '执法监督股'],
         duties=['组织实施本地区统计调查制度，收集、汇总和提供统计数据',
                 '组织实施人口、经济、农业等重大普查，汇总、公布普查结果',
                 '负责统计执法检查，查处统计违法行为，保障统计数据质量',
                 '开展统计分析和预测，向党委、政府提供统计信息和咨询建议'],
         gf=None),
    dict(name='审计局', kuan='20108', admin_run='2010801', inst_run='2010850',
         xiang={'2010801': '行政运行', '2010802': '一般行政管理事务', '2010804': '审计业务',
                '2010850': '事业运行'},
         proj=['2010804', '2010802'], sub=['审计服务中心'],
         projects=['政府投资项目审计购买服务经费', '经济责任审计业务经费', '审计信息化建设经费',
                   '审计业务培训经费', '自然资源资产离任审计经费'],
         inner=['办公室', '财政审计股', '经济责任审计股', '投资审计股', '法规审理股'],
         duties=['负责本级预算执行情况和其他财政收支的审计监督',
                 '组织实施领导干部经济责任审计和自然资源资产离任审计',
                 '对政府投资和以政府投资为主的建设项目开展审计',
                 '向本级政府和上级审计机关报告审计工作情况'],
         gf=None),
    dict(name='司法局', kuan='20406', admin_run='2040601', inst_run='2040650',
         xiang={'2040601': '行政运行', '2040602': '一般行政管理事务', '2040604': '基层司法业务',
                '2040605': '普法宣传', '2040607': '法律援助', '2040610': '社区矫正', '2040650': '事业运行'},
         proj=['2040604', '2040605', '2040607', '2040610'], sub=['公证处', '法律援助中心'],
         projects=['人民调解以案定补经费', '法治宣传教育经费', '法律援助案件补贴', '社区矫正监管平台运维费',
                   '公共法律服务站点建设经费', '行政复议应诉工作经费'],
         inner=['办公室', '法治督察股', '基层工作股', '社区矫正股', '公共法律服务股'],
         duties=['承担统筹推进法治政府建设的具体工作',
                 '负责普法宣传和依法治理工作，组织实施法治宣传教育规划',
                 '指导管理人民调解、社区矫正和基层法律服务工作',
                 '负责法律援助、公证、律师等公共法律服务体系建设'],
         gf=None),
    dict(name='农业农村局', kuan='21301', admin_run='2130101', inst_run='2130104',
         xiang={'2130101': '行政运行', '2130102': '一般行政管理事务', '2130104': '事业运行',
                '2130106': '科技转化与推广服务', '2130108': '病虫害控制', '2130109': '农产品质量安全'},
         proj=['2130106', '2130108', '2130109', '2130102'], sub=['农业技术推广中心', '动物疫病预防控制中心', '农产品质量安全检测站'],
         projects=['农作物病虫害统防统治经费', '基层农技推广体系改革与建设补助', '农产品质量安全例行监测经费',
                   '高标准农田建设前期工作经费', '动物疫病强制免疫经费', '农业综合执法经费'],
         inner=['办公室', '计划财务股', '乡村产业股', '种植业管理股', '畜牧兽医股', '农田建设管理股'],
         duties=['贯彻落实党中央关于“三农”工作的方针政策，统筹推进乡村振兴',
                 '负责种植业、畜牧业、渔业等农业各产业的监督管理',
                 '负责农产品质量安全监督管理和农业投入品监管',
                 '负责农田建设、农业技术推广和动植物疫病防控工作'],
         gf='2120899'),
    dict(name='自然资源局', kuan='22001', admin_run='2200101', inst_run='2200150',
         xiang={'2200101': '行政运行', '2200102': '一般行政管理事务', '2200104': '自然资源规划及管理',
                '2200106': '自然资源利用与保护', '2200150': '事业运行'},
         proj=['2200104', '2200106', '2200102'], sub=['不动产登记中心', '土地储备中心'],
         projects=['国土空间总体规划编制经费', '不动产登记信息平台运维费', '自然资源执法巡查经费',
                   '地质灾害隐患点监测经费', '耕地保护动态巡查经费', '自然资源确权登记经费'],
         inner=['办公室', '国土空间规划股', '耕地保护股', '不动产登记股', '执法监察大队'],
         duties=['履行全民所有土地、矿产等自然资源资产所有者职责',
                 '负责国土空间规划编制和用途管制，组织耕地保护工作',
                 '负责不动产统一登记和自然资源确权登记',
                 '负责地质灾害防治和自然资源执法监察工作'],
         gf='2120899'),
    dict(name='市场监督管理局', kuan='20138', admin_run='2013801', inst_run='2013850',
         xiang={'2013801': '行政运行', '2013802': '一般行政管理事务', '2013804': '市场主体管理',
                '2013805': '市场秩序执法', '2013816': '食品安全监管', '2013850': '事业运行'},
         proj=['2013804', '2013805', '2013816'], sub=['检验检测中心', '个体私营经济服务中心'],
         projects=['食品安全抽检经费', '特种设备安全监察经费', '市场主体年报公示经费', '计量器具强制检定经费',
                   '知识产权保护专项经费', '价格监督检查经费'],
         inner=['办公室', '登记注册股', '食品安全监管股', '特种设备安全监察股', '执法稽查大队'],
         duties=['负责市场综合监督管理，规范和维护市场秩序',
                 '负责市场主体统一登记注册和信用监管',
                 '负责食品安全监督管理综合协调和抽样检验',
                 '负责特种设备安全监察、计量和标准化工作'],
         gf=None),
    dict(name='档案馆', kuan='20126', admin_run='2012601', inst_run='2012650',
         xiang={'2012601': '行政运行', '2012602': '一般行政管理事务', '2012604': '档案馆', '2012650': '事业运行'},
         proj=['2012604', '2012602'], sub=['档案数字化服务中心'],
         projects=['馆藏档案数字化加工经费', '档案库房设施维护经费', '地方志编纂经费', '档案征集与编研经费'],
         inner=['办公室', '档案接收征集科', '档案保管利用科', '信息技术科'],
         duties=['负责收集、接收、整理和保管本级机关档案及有关资料',
                 '负责馆藏档案的数字化、开发利用和编研工作',
                 '负责对本地区档案工作进行业务指导和监督检查'],
         gf=None),
    dict(name='文化和旅游局', kuan='20701', admin_run='2070101', inst_run='2070109',
         xiang={'2070101': '行政运行', '2070102': '一般行政管理事务', '2070104': '图书馆',
                '2070109': '群众文化', '2070199': '其他文化和旅游支出'},
         proj=['2070102', '2070104', '2070199'], sub=['文化馆', '图书馆'],
         projects=['公共文化服务体系建设经费', '送戏下乡演出购买服务', '图书馆免费开放经费',
                   '文物保护单位日常维护经费', '旅游宣传推介经费', '非物质文化遗产保护经费'],
         inner=['办公室', '文化艺术股', '旅游发展股', '文物保护股', '市场管理股'],
         duties=['贯彻落实文化和旅游工作方针政策，统筹文化事业、文化产业和旅游业发展',
                 '负责公共文化服务体系建设，指导图书馆、文化馆等公共文化设施建设',
                 '负责文物和非物质文化遗产保护工作',
                 '负责旅游宣传推广和文化旅游市场监管'],
         gf='2296003'),
    dict(name='退役军人事务局', kuan='20828', admin_run='2082801', inst_run='2082850',
         xiang={'2082801': '行政运行', '2082802': '一般行政管理事务', '2082804': '拥军优属', '2082850': '事业运行'},
         proj=['2082804', '2082802'], sub=['退役军人服务中心'],
         projects=['退役军人服务站运行经费', '双拥工作经费', '退役军人技能培训补助', '烈士纪念设施维护经费'],
         inner=['办公室', '思想政治和权益维护股', '移交安置和就业创业股', '优抚股'],
         duties=['负责退役军人思想政治、管理保障等工作',
                 '负责军队转业干部、退役士兵的移交安置和就业创业扶持',
                 '负责烈士褒扬和军人公墓维护管理，组织开展双拥工作'],
         gf=None),
]

# economic classification (支出经济分类) for basic expenditure
PERS_ITEMS = [  # code, name, share-range, admin_only
    ('30101', '基本工资', (0.19, 0.25)), ('30102', '津贴补贴', (0.12, 0.20)),
    ('30103', '奖金', (0.00, 0.05)), ('30106', '伙食补助费', (0.0, 0.012)),
    ('30107', '绩效工资', (0.12, 0.24)), ('30108', '机关事业单位基本养老保险缴费', (0.08, 0.11)),
    ('30109', '职业年金缴费', (0.02, 0.045)), ('30110', '职工基本医疗保险缴费', (0.045, 0.07)),
    ('30111', '公务员医疗补助缴费', (0.004, 0.015)), ('30112', '其他社会保障缴费', (0.002, 0.01)),
    ('30113', '住房公积金', (0.065, 0.09)), ('30199', '其他工资福利支出', (0.0, 0.03)),
]
FAMILY_ITEMS = [('30302', '退休费'), ('30305', '生活补助'), ('30309', '奖励金'), ('30399', '其他对个人和家庭的补助')]
PUB_ITEMS = [('30201', '办公费'), ('30202', '印刷费'), ('30205', '水费'), ('30206', '电费'), ('30207', '邮电费'),
             ('30208', '取暖费'), ('30209', '物业管理费'), ('30211', '差旅费'), ('30213', '维修（护）费'),
             ('30214', '租赁费'), ('30215', '会议费'), ('30216', '培训费'), ('30217', '公务接待费'),
             ('30226', '劳务费'), ('30227', '委托业务费'), ('30228', '工会经费'), ('30229', '福利费'),
             ('30231', '公务用车运行维护费'), ('30239', '其他交通费用'), ('30299', '其他商品和服务支出'),
             ('31002', '办公设备购置')]
ECON_CLASS = {'301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助', '310': '资本性支出'}
PROJ_ECON = [('30227', '委托业务费', '302'), ('30213', '维修（护）费', '302'), ('30218', '专用材料费', '302'),
             ('30226', '劳务费', '302'), ('30299', '其他商品和服务支出', '302'), ('31002', '办公设备购置', '310'),
             ('31007', '信息网络及软件购置更新', '310'), ('31006', '大型修缮', '310')]

REASONS_UP = ['人员调资及新增人员导致人员经费增加', '新增{proj}等项目支出', '业务量增加，相关运行保障经费相应增加',
              '落实社保缴费基数调整政策，相关缴费支出增加', '年中追加{proj}等专项资金']
REASONS_DOWN = ['严格落实过紧日子要求，压减一般性支出', '{proj}等项目已于上年完成，本年项目支出减少',
                '部分人员退休、调出，人员经费相应减少', '上年一次性安排的设备购置经费本年不再安排']
REASONS = {
    ('basic', True): ['人员调资及新增人员导致人员经费增加', '落实社保缴费基数调整政策，相关缴费支出增加',
                      '在职人员职级晋升，工资福利支出增加'],
    ('basic', False): ['部分人员退休、调出，人员经费相应减少', '严格落实过紧日子要求，压减一般性支出',
                       '在职人员减少，相关缴费支出减少'],
    ('proj', True): ['新增{proj}等项目支出', '年中追加{proj}等专项资金', '业务量增加，{proj}等项目经费相应增加'],
    ('proj', False): ['{proj}等项目已于上年完成，本年项目支出减少', '上年一次性安排的设备购置经费本年不再安排',
                      '部分项目资金结转下年使用'],
    ('total', True): REASONS_UP, ('total', False): REASONS_DOWN,
}
REASONS_SG_DOWN = ['认真贯彻落实中央八项规定精神和厉行节约要求，从严控制“三公”经费开支',
                   '严格公务接待审批，压减公务接待批次和人数', '加强公务用车管理，车辆运行费用有所下降']
REASONS_SG_UP = ['公务用车使用年限增加，维修保养费用上升', '上级部门检查指导工作增多，公务接待批次增加',
                 '按规定更新公务用车，购置费增加']

ZERO_WORDS = {'0.00': '0.00', 'blank': '', 'dash': '-', 'emdash': '—', 'zero': '0'}


# ----------------------------------------------------------------------------
# numbers
# ----------------------------------------------------------------------------
D = Decimal


def qd(x, d):
    return D(x).quantize(D(1).scaleb(-d), rounding=ROUND_HALF_UP)


def fen_to(unit, fen):
    if unit == '万元':
        return D(fen) / D(1000000)
    if unit == '元':
        return D(fen) / D(100)
    raise ValueError(unit)


def group3(intpart):
    s = str(intpart)
    neg = s.startswith('-')
    if neg:
        s = s[1:]
    out = []
    while len(s) > 3:
        out.insert(0, s[-3:])
        s = s[:-3]
    out.insert(0, s)
    return ('-' if neg else '') + ','.join(out)


def fmt_dec(val, d, sep=False, strip=False):
    v = qd(val, d)
    s = format(v, 'f')
    if strip and '.' in s:
        s = s.rstrip('0').rstrip('.')
    if sep:
        if '.' in s:
            a, b = s.split('.')
            s = group3(int(a)) + '.' + b if a not in ('-0',) else s
        else:
            s = group3(int(s))
    return s


def pct_value(num, den):
    if den == 0:
        return None
    return D(num) * 100 / D(den)


def half(d):
    return D(5) * D(10) ** (-(d + 1))


def decimals_of(s):
    s = s.replace(',', '')
    return len(s.split('.')[1]) if '.' in s else 0


def parse_num(s):
    s = s.strip().replace(',', '')
    if s in ('', '-', '—', '－'):
        return D(0)
    return D(s)


def interval(s):
    """interval of a printed number"""
    v = parse_num(s)
    if s.strip() in ('', '-', '—'):
        return (D(0), D(0))
    h = half(decimals_of(s))
    return (v - h, v + h)


def share_interval(part_s, base_s):
    lo_p, hi_p = interval(part_s)
    lo_b, hi_b = interval(base_s)
    lo_p = max(lo_p, D(0))
    if hi_b <= 0:
        return None
    lo_b = max(lo_b, D('1e-9'))
    return (lo_p / hi_b * 100, hi_p / lo_b * 100)


def pct_ok(p_s, iv):
    """True if printed pct p_s is consistent with interval iv (no error, no warning)"""
    lo, hi = interval(p_s)
    return not (hi < iv[0] or lo > iv[1])


def pct_err(p_s, iv):
    """True if printed pct misses iv by more than one unit of its last digit (= an error)."""
    lo, hi = interval(p_s)
    unit = D(10) ** (-decimals_of(p_s))
    return hi + unit < iv[0] or lo - unit > iv[1]


def growth_interval(cur_s, chg_s, sign):
    lc, hc = interval(cur_s)
    ld, hd = interval(chg_s)
    ld = max(ld, D(0))
    # prior = cur - sign*chg
    if sign > 0:
        lp, hp = lc - hd, hc - ld
    else:
        lp, hp = lc + ld, hc + hd
    if hp <= 0:
        return None
    lp = max(lp, D('1e-9'))
    return (ld / hp * 100, hd / lp * 100)


def mutate_number(s, rng, min_delta, kind=None):
    """realistic slip on a printed number: digit typo or transposition.  Returns new string
    whose value differs from s by at least min_delta, or None."""
    digits = [i for i, ch in enumerate(s) if ch.isdigit()]
    if not digits:
        return None
    kinds = [kind] if kind else ['transpose', 'typo', 'typo', 'drop']
    for _ in range(40):
        k = rng.choice(kinds)
        chars = list(s)
        if k == 'transpose':
            pairs = [(a, b) for a, b in zip(digits, digits[1:]) if b == a + 1 and s[a] != s[b]]
            if not pairs:
                continue
            a, b = rng.choice(pairs)
            chars[a], chars[b] = chars[b], chars[a]
        elif k == 'typo':
            i = rng.choice(digits)
            old = int(chars[i])
            new = (old + rng.choice([1, 2, 3, 6, 7, 8, 9])) % 10
            if i == digits[0] and new == 0 and len(digits) > 1 and ('.' not in s or i < s.index('.') - 1):
                continue
            chars[i] = str(new)
        elif k == 'drop':
            intd = [i for i in digits if '.' not in s or i < s.index('.')]
            if len(intd) < 2:
                continue
            i = rng.choice(intd[1:])
            del chars[i]
        t = ''.join(chars)
        # fix separators after a drop
        if ',' in s:
            try:
                dd = decimals_of(s)
                t = fmt_dec(parse_num(t), dd, sep=True)
            except Exception:
                continue
        try:
            if abs(parse_num(t) - parse_num(s)) >= min_delta and t != s:
                return t
        except Exception:
            continue
    return None


# ----------------------------------------------------------------------------
# slots, fragments, tables
# ----------------------------------------------------------------------------
class Slot:
    __slots__ = ('id', 'kind', 'text', 'orig', 'meta')

    def __init__(self, sid, kind, text, meta):
        self.id, self.kind, self.text, self.orig, self.meta = sid, kind, text, text, meta

    def __str__(self):
        return self.text


class Tab:
    def __init__(self, tid, title, unit, ncols):
        self.id, self.title, self.unit, self.ncols = tid, title, unit, ncols
        self.code_label = ''
        self.header = []     # rows of (text, colspan, rowspan)
        self.rows = []       # list of cells (str or Slot)
        self.kinds = []      # 'data' / 'total' / 'sub' / 'sec' / 'colno'
        self.labels = []     # manifest row label
        self.notes = []
        self.title_slot = None
        self.wide = False

    def add(self, cells, kind='data', label=''):
        assert len(cells) == self.ncols, (self.id, len(cells), self.ncols, cells)
        self.rows.append(cells)
        self.kinds.append(kind)
        self.labels.append(label)


def ctext(c):
    return c.text if isinstance(c, Slot) else ('' if c is None else str(c))


# ----------------------------------------------------------------------------
# facts
# ----------------------------------------------------------------------------
def rnd_fen(rng, lo_yuan, hi_yuan, cents=True):
    v = rng.randint(int(lo_yuan * 100), int(hi_yuan * 100))
    if not cents:
        v -= v % 100
    return v


def split_weights(rng, total, n, lo=0.5, hi=1.5):
    if n <= 0:
        return []
    w = [rng.uniform(lo, hi) for _ in range(n)]
    s = sum(w)
    out = [int(total * x / s) for x in w]
    out[-1] += total - sum(out)
    return out


def person_name(rng):
    return rng.choice(SURNAMES) + ''.join(rng.choice(GIVEN) for _ in range(rng.choice([1, 2])))


def prior_of(rng, v, lo=0.72, hi=1.32):
    if v == 0:
        return 0
    p = int(v * rng.uniform(lo, hi))
    # keep the prior level clearly away from zero and from the current value
    if abs(p - v) < max(v // 200, 5000):
        p = v + rng.choice([-1, 1]) * max(v // 30, 20000)
    p = max(p, max(v // 20, 50000))
    if v % 100 == 0:          # a department that books whole yuan did so last year too
        p -= p % 100
    return p


def gen_facts(rng, doc_type, year, opts, needs):
    F = {'doc_type': doc_type, 'year': year}
    dept = DEPTS[opts['dept_idx']]
    F['dept'] = dept
    prov = rng.choice(PROVINCES)
    city = rng.choice(CITIES)
    county = rng.choice(COUNTIES)
    if opts['level'] == 'county':
        place = city + county
        short_place = county
    else:
        place = city
        short_place = city
    F['province'], F['place'], F['short_place'] = prov, place, short_place
    F['dept_name'] = place + dept['name']
    # ---------------- units
    units = []
    bj_kind = 'admin' if dept['name'] != '档案馆' else rng.choice(['cangong', 'inst1'])
    units.append(dict(name=F['dept_name'] + '（本级）' if opts['n_sub'] else F['dept_name'],
                      short='本级', kind=bj_kind, staff=rng.randint(8, 36)))
    subs = rng.sample(dept['sub'], min(opts['n_sub'], len(dept['sub'])))
    for s in subs:
        units.append(dict(name=short_place + s, short=short_place + s,
                          kind=rng.choice(['inst1', 'inst1', 'inst2', 'cangong']), staff=rng.randint(5, 28)))
    for u in units:
        u['retired'] = rng.choice([0, 0, 1, 2, 3, 5])
        u['admin_like'] = u['kind'] in ('admin', 'cangong')
    F['units'] = units
    KIND_NAME = {'admin': '行政单位', 'cangong': '参照公务员法管理的事业单位', 'inst1': '公益一类事业单位',
                 'inst2': '公益二类事业单位'}
    for u in units:
        u['kind_name'] = KIND_NAME[u['kind']]
    # ---------------- basic (GPB) by unit and economic item
    func = {}

    def fadd(code, field, v):
        if v == 0:
            return
        d = func.setdefault(code, {})
        d[field] = d.get(field, 0) + v

    econ = {}
    has_cars = needs.get('sangong') or rng.random() < 0.8
    for ui, u in enumerate(units):
        per = rng.uniform(10.5, 16.5) * 1e6
        base = u['staff'] * per
        items = {}
        for code, name, (lo, hi) in PERS_ITEMS:
            if code == '30111' and not u['admin_like']:
                continue
            if code in ('30103', '30106', '30199') and rng.random() < 0.45:
                continue
            v = int(base * rng.uniform(lo, hi))
            v -= v % 100 if not opts['cents'] else 0
            if v > 0:
                items[code] = v
        if u['retired'] and rng.random() < 0.7:
            items['30305'] = u['retired'] * rnd_fen(rng, 600, 4800, opts['cents'])
        if u['retired'] and rng.random() < 0.4:
            items['30302'] = u['retired'] * rnd_fen(rng, 2000, 12000, opts['cents'])
        if rng.random() < 0.25:
            items['30399'] = rnd_fen(rng, 500, 20000, opts['cents'])
        pub_total = int(u['staff'] * rng.uniform(1.3, 3.9) * 1e6)
        chosen = ['30201', '30211', '30228']
        if u['admin_like'] and has_cars and (ui == 0 or rng.random() < 0.5):
            chosen.append('30231')
        if (ui == 0 and (needs.get('sangong') or rng.random() < 0.75)) or rng.random() < 0.3:
            chosen.append('30217')
        pool = [c for c, _ in PUB_ITEMS if c not in chosen]
        chosen += rng.sample(pool, rng.randint(4, 9))
        ws = split_weights(rng, pub_total, len(chosen), 0.3, 1.7)
        for c, v in zip(chosen, ws):
            if c in ('30217',):
                v = v // 6
            if c == '30231':
                v = v // 3
            if not opts['cents']:
                v -= v % 100
            if v > 0:
                items[c] = v
        u['econ'] = items
        for c, v in items.items():
            econ[c] = econ.get(c, 0) + v
        # functional allocation of this unit's basic spending
        run = dept['admin_run'] if u['admin_like'] else dept['inst_run']
        rest = 0
        for c, v in items.items():
            if c == '30108':
                fadd('2080505', 'gpb_b', v)
            elif c == '30109':
                fadd('2080506', 'gpb_b', v)
            elif c == '30110':
                fadd('2101101' if u['admin_like'] else '2101102', 'gpb_b', v)
            elif c == '30111':
                fadd('2101103', 'gpb_b', v)
            elif c == '30113':
                fadd('2210201', 'gpb_b', v)
            elif c.startswith('303'):
                fadd('2080501' if u['admin_like'] else '2080502', 'gpb_b', v)
            else:
                rest += v
        fadd(run, 'gpb_b', rest)
        u['basic'] = sum(items.values())
        u['pers'] = sum(v for c, v in items.items() if c[:3] in ('301', '303'))
        u['pub'] = sum(v for c, v in items.items() if c[:3] in ('302', '310'))
    F['econ'] = econ
    F['personnel'] = sum(v for c, v in econ.items() if c[:3] in ('301', '303'))
    F['public'] = sum(v for c, v in econ.items() if c[:3] in ('302', '310'))
    F['gpb_basic'] = F['personnel'] + F['public']
    # ---------------- projects (GPB)
    nproj = rng.randint(2, min(6, len(dept['projects'])))
    names = rng.sample(dept['projects'], nproj)
    projs = []
    plist = dept['proj']
    zero_x = None
    if needs.get('zero_base'):
        zero_x = plist[-1]
    for i, nm in enumerate(names):
        if zero_x:
            x = zero_x if i == 0 else rng.choice(plist[:-1])
        else:
            x = rng.choice(plist)
        ui = 0 if (len(units) == 1 or rng.random() < 0.6) else rng.randrange(1, len(units))
        amt = rnd_fen(rng, 30000, 2600000, opts['cents'])
        ec = rng.choice(PROJ_ECON)
        projs.append(dict(name=nm, xiang=x, unit=ui, amt=amt, econ=ec[0], econ_name=ec[1], econ_cls=ec[2],
                          new=(zero_x is not None and i == 0)))
    if has_cars and (needs.get('car_buy') or rng.random() < 0.2):
        projs.append(dict(name='公务用车更新购置经费', xiang=plist[0] if plist[0] != zero_x else plist[-1], unit=0,
                          amt=rnd_fen(rng, 120000, 260000, False), econ='31013', econ_name='公务用车购置',
                          econ_cls='310', new=False, car=True))
    for p in projs:
        fadd(p['xiang'], 'gpb_p', p['amt'])
        units[p['unit']]['proj'] = units[p['unit']].get('proj', 0) + p['amt']
    F['projects'] = projs
    F['gpb_proj'] = sum(p['amt'] for p in projs)
    # ---------------- government fund
    gf = dept['gf'] if (opts['has_gf'] and dept['gf']) else None
    F['gf_code'] = gf
    if gf:
        amt = rnd_fen(rng, 80000, 1500000, opts['cents'])
        fadd(gf, 'gf_p', amt)
        F['gf_proj_name'] = '专项资金项目' if gf.startswith('229') else '土地出让收入安排项目'
        F['gf_amt'] = amt
        units[0]['proj'] = units[0].get('proj', 0) + amt
    else:
        F['gf_amt'] = 0
    # ---------------- non-fiscal funds (事业收入 / 其他收入 / 上级补助)
    inst_units = [i for i, u in enumerate(units) if not u['admin_like']]
    F['oth_src'] = []
    if opts['nonfiscal']:
        tgt = inst_units[0] if inst_units else 0
        run = dept['inst_run'] if inst_units else dept['admin_run']
        ob = int(units[tgt]['basic'] * rng.uniform(0.05, 0.3))
        ob -= ob % 100
        fadd(run, 'oth_b', ob)
        units[tgt]['oth'] = ob
        F['oth_run'] = run
        F['oth_unit'] = tgt
        src0 = 'biz' if inst_units else 'other'
        F['oth_src'] = [src0]
        units[tgt].setdefault('oth_by', {})[src0] = ob
        if rng.random() < 0.5:
            op = rnd_fen(rng, 20000, 300000, opts['cents'])
            x = rng.choice(plist)
            fadd(x, 'oth_p', op)
            units[0]['oth'] = units[0].get('oth', 0) + op
            F['oth_proj_x'] = x
            src1 = rng.choice(['other', 'upper'])
            F['oth_src'].append(src1)
            ob_ = units[0].setdefault('oth_by', {})
            ob_[src1] = ob_.get(src1, 0) + op
    F['func'] = func
    for u in units:
        u['exp'] = u['basic'] + u.get('proj', 0) + u.get('oth', 0)
    # ---------------- totals
    tot = lambda fld: sum(d.get(fld, 0) for d in func.values())
    F['oth_basic'] = tot('oth_b')
    F['oth_proj'] = tot('oth_p')
    F['exp_basic'] = F['gpb_basic'] + F['oth_basic']
    F['exp_proj'] = F['gpb_proj'] + F['oth_proj'] + F['gf_amt']
    F['exp_year'] = F['exp_basic'] + F['exp_proj']
    F['gpb_exp'] = F['gpb_basic'] + F['gpb_proj']
    if doc_type == 'final':
        gen_final_extra(rng, F, opts, needs)
    else:
        gen_budget_extra(rng, F, opts, needs)
    gen_common_extra(rng, F, opts, needs)
    return F


def gen_final_extra(rng, F, opts, needs):
    func, projs, units = F['func'], F['projects'], F['units']
    # carry-overs on project 项
    cb = {'gpb': {}, 'gf': {}, 'oth': {}}
    ce = {'gpb': {}, 'gf': {}, 'oth': {}}
    if projs and rng.random() < 0.55:
        p = rng.choice(projs)
        v = int(p['amt'] * rng.uniform(0.1, 0.6))
        v -= v % 100
        cb['gpb'][p['xiang']] = cb['gpb'].get(p['xiang'], 0) + v
        p['carry_in'] = v
    if projs and rng.random() < 0.55:
        p = rng.choice(projs)
        v = int(p['amt'] * rng.uniform(0.05, 0.5))
        v -= v % 100
        ce['gpb'][p['xiang']] = ce['gpb'].get(p['xiang'], 0) + v
        p['carry_out'] = v
    if rng.random() < 0.3:   # petty cash left over, as in real documents
        x = F['dept']['admin_run']
        v = rnd_fen(rng, 500, 12000)
        ce['gpb'][x] = ce['gpb'].get(x, 0) + v
        if rng.random() < 0.6:
            v2 = rnd_fen(rng, 500, 12000)
            cb['gpb'][x] = cb['gpb'].get(x, 0) + min(v2, func[x].get('gpb_b', 0))
    if F['gf_code']:
        if rng.random() < 0.5:
            cb['gf'][F['gf_code']] = int(F['gf_amt'] * rng.uniform(0.1, 0.7)) // 100 * 100
        if rng.random() < 0.5:
            ce['gf'][F['gf_code']] = int(F['gf_amt'] * rng.uniform(0.1, 0.5)) // 100 * 100
    use_bal = 0
    bal_alloc = 0
    if F['oth_src']:
        run = F['oth_run']
        ob = func[run].get('oth_b', 0)
        if rng.random() < 0.4:
            ce['oth'][run] = int(ob * rng.uniform(0.05, 0.3)) // 100 * 100
        if rng.random() < 0.35:
            cb['oth'][run] = int(ob * rng.uniform(0.05, 0.3)) // 100 * 100
        if rng.random() < 0.3:
            use_bal = int(ob * rng.uniform(0.02, 0.1)) // 100 * 100
        if rng.random() < 0.2:
            bal_alloc = int(ob * rng.uniform(0.01, 0.05)) // 100 * 100
    F['use_bal'], F['bal_alloc'] = use_bal, bal_alloc
    # per 项 income
    for code, d in func.items():
        d['beg_gpb'] = cb['gpb'].get(code, 0)
        d['end_gpb'] = ce['gpb'].get(code, 0)
        d['beg_gf'] = cb['gf'].get(code, 0)
        d['end_gf'] = ce['gf'].get(code, 0)
        d['beg_oth'] = cb['oth'].get(code, 0)
        d['end_oth'] = ce['oth'].get(code, 0)
        gs = d.get('gpb_b', 0) + d.get('gpb_p', 0)
        d['inc_gpb'] = gs + d['end_gpb'] - d['beg_gpb']
        d['inc_gf'] = d.get('gf_p', 0) + d['end_gf'] - d['beg_gf']
        os_ = d.get('oth_b', 0) + d.get('oth_p', 0)
        oi = os_ + d['end_oth'] - d['beg_oth']
        if F['oth_src'] and code == F['oth_run']:
            oi = oi - use_bal + bal_alloc
        d['inc_oth'] = oi
        assert d['inc_gpb'] >= 0 and d['inc_gf'] >= 0 and d['inc_oth'] >= 0, (code, d)
        d['inc_biz'] = d['inc_upper'] = d['inc_other'] = 0
        if oi:
            if F['oth_src'] and code == F['oth_run']:
                d['inc_biz' if F['oth_src'][0] == 'biz' else 'inc_other'] = oi
            else:
                src = F['oth_src'][-1]
                d['inc_other' if src == 'other' else ('inc_upper' if src == 'upper' else 'inc_biz')] = oi
    S = lambda fld: sum(d.get(fld, 0) for d in func.values())
    F['inc_gpb'], F['inc_gf'] = S('inc_gpb'), S('inc_gf')
    F['inc_biz'], F['inc_upper'], F['inc_other'] = S('inc_biz'), S('inc_upper'), S('inc_other')
    F['inc_year'] = F['inc_gpb'] + F['inc_gf'] + F['inc_biz'] + F['inc_upper'] + F['inc_other']
    F['carry_begin'] = S('beg_gpb') + S('beg_gf') + S('beg_oth')
    F['carry_end'] = S('end_gpb') + S('end_gf') + S('end_oth')
    F['fin_begin'] = S('beg_gpb') + S('beg_gf')
    F['fin_end'] = S('end_gpb') + S('end_gf')
    F['fin_begin_gpb'], F['fin_begin_gf'] = S('beg_gpb'), S('beg_gf')
    F['fin_end_gpb'], F['fin_end_gf'] = S('end_gpb'), S('end_gf')
    F['inc_total'] = F['inc_year'] + use_bal + F['carry_begin']
    F['exp_total'] = F['exp_year'] + bal_alloc + F['carry_end']
    assert F['inc_total'] == F['exp_total'], (F['inc_total'], F['exp_total'])
    F['fin_inc_year'] = F['inc_gpb'] + F['inc_gf']
    F['fin_total'] = F['fin_inc_year'] + F['fin_begin']
    F['fin_exp_year'] = F['gpb_exp'] + F['gf_amt']
    assert F['fin_total'] == F['fin_exp_year'] + F['fin_end']
    # budgets (年初 / 调整) per project and per 项
    for p in projs:
        if p.get('new'):
            p['b0'] = 0
            p['badj'] = p['amt'] + rng.choice([0, 0, rnd_fen(rng, 1000, 30000, False)])
        else:
            b0 = int(p['amt'] * rng.uniform(0.78, 1.18))
            p['b0'] = b0 - b0 % 10000
            p['badj'] = max(p['b0'], p['amt']) if rng.random() < 0.6 else p['amt'] + rnd_fen(rng, 0, 50000, False)
            if p['b0'] == 0:
                p['b0'] = 10000
        p['score'] = D(rng.choice([100, 100, 99, 98, 97, 96, 95, 94, 92, 90])) - (D(rng.randint(0, 9)) / 10 if rng.random() < 0.4 else 0)
    for code, d in func.items():
        b = d.get('gpb_b', 0)
        d['b0'] = (int(b * rng.uniform(0.86, 1.06)) // 1000 * 1000) if b else 0
        d['badj'] = (d['b0'] + (int(b * rng.uniform(0.0, 0.12)) // 1000 * 1000)) if b else 0
    for p in projs:
        func[p['xiang']]['b0'] = func[p['xiang']]['b0'] + p['b0']
        func[p['xiang']]['badj'] = func[p['xiang']]['badj'] + p['badj']
    # prior year actual figures for comparisons
    pr = {}
    for k in ('inc_total', 'inc_year', 'exp_year', 'exp_total', 'fin_total', 'gpb_exp', 'gpb_basic',
              'personnel', 'public', 'exp_basic', 'exp_proj', 'carry_begin', 'carry_end'):
        pr[k] = prior_of(rng, F[k])
    pr['gf_amt'] = prior_of(rng, F['gf_amt']) if F['gf_amt'] and rng.random() < 0.7 else 0
    F['prior'] = pr


def gen_budget_extra(rng, F, opts, needs):
    func, projs = F['func'], F['projects']
    # 上年结转 (fiscal / non fiscal) used this year in projects
    carry = {'gpb': 0, 'gf': 0, 'oth': 0}
    for d in func.values():
        d['c_gpb'] = d['c_gf'] = d['c_oth'] = 0
    if projs and rng.random() < 0.4:
        p = rng.choice([p for p in projs if not p.get('car')] or projs)
        v = int(p['amt'] * rng.uniform(0.2, 0.8)) // 100 * 100
        func[p['xiang']]['c_gpb'] += v
        carry['gpb'] += v
    if F['gf_code'] and rng.random() < 0.3:
        v = int(F['gf_amt'] * rng.uniform(0.2, 0.6)) // 100 * 100
        func[F['gf_code']]['c_gf'] += v
        carry['gf'] += v
    if F['oth_src'] and rng.random() < 0.3:
        v = int(F['oth_basic'] * rng.uniform(0.05, 0.3)) // 100 * 100
        func[F['oth_run']]['c_oth'] += v
        carry['oth'] += v
    F['carry'] = carry
    F['carry_total'] = carry['gpb'] + carry['gf'] + carry['oth']
    F['inc_gpb'] = F['gpb_exp'] - carry['gpb']
    F['inc_gf'] = F['gf_amt'] - carry['gf']
    oth_inc = F['oth_basic'] + F['oth_proj'] - carry['oth']
    F['inc_biz'] = F['inc_other'] = F['inc_upper'] = 0
    if oth_inc:
        if F['oth_src'][0] == 'biz':
            F['inc_biz'] = F['oth_basic'] - carry['oth']
        else:
            F['inc_other'] = F['oth_basic'] - carry['oth']
        if F['oth_proj']:
            k = 'inc_other' if F['oth_src'][-1] == 'other' else 'inc_upper'
            if F['oth_src'][-1] == 'biz':
                k = 'inc_biz'
            F[k] += F['oth_proj']
    F['inc_year'] = F['inc_gpb'] + F['inc_gf'] + F['inc_biz'] + F['inc_other'] + F['inc_upper']
    F['inc_total'] = F['inc_year'] + F['carry_total']
    F['exp_total'] = F['exp_year']
    assert F['inc_total'] == F['exp_total']
    F['fin_inc_year'] = F['inc_gpb'] + F['inc_gf']
    F['fin_total'] = F['fin_inc_year'] + carry['gpb'] + carry['gf']
    assert F['fin_total'] == F['gpb_exp'] + F['gf_amt']
    # unit income split (部门收入总表 by unit)
    for ui, u in enumerate(F['units']):
        u['i_gpb'] = u['basic'] + sum(p['amt'] for p in projs if p['unit'] == ui)
        u['i_gf'] = F['gf_amt'] if ui == 0 else 0
        u['i_oth'] = u.get('oth', 0)
        u['i_carry'] = 0
    # carries belong to units: gpb carry to project's unit, gf carry to 本级, oth carry to the oth unit
    for p in projs:
        pass
    gcar = carry['gpb']
    if gcar:
        # find unit of the project carrying
        for p in projs:
            if func[p['xiang']]['c_gpb']:
                F['units'][p['unit']]['i_carry'] += gcar
                F['units'][p['unit']]['i_gpb'] -= gcar
                break
    if carry['gf']:
        F['units'][0]['i_carry'] += carry['gf']
        F['units'][0]['i_gf'] -= carry['gf']
    if carry['oth']:
        i = F['oth_unit']
        F['units'][i]['i_carry'] += carry['oth']
        F['units'][i]['i_oth'] -= carry['oth']
    for u in F['units']:
        u['i_total'] = u['i_gpb'] + u['i_gf'] + u['i_oth'] + u['i_carry']
        assert min(u['i_gpb'], u['i_gf'], u['i_oth']) >= 0, u
    # prior-year budget per 项 (all funds, split basic/project), no prior carry-over
    newx = F['projects'][0]['xiang'] if (needs.get('zero_base') and F['projects'] and F['projects'][0].get('new')) else None
    for code, d in func.items():
        g = d.get('gpb_b', 0) + d.get('gpb_p', 0)
        if code == newx or not g:
            d['prior'] = 0
        else:
            d['prior'] = prior_of(rng, g, 0.8, 1.25) // 1000 * 1000
        if g:
            d['prior_b'] = d['prior'] * d.get('gpb_b', 0) // g
        else:
            d['prior_b'] = 0
        d['prior_p'] = d['prior'] - d['prior_b']
        d['prior_gf'] = (prior_of(rng, d['gf_p'], 0.6, 1.3) // 1000 * 1000 if rng.random() < 0.8 else 0) if d.get('gf_p') else 0
        d['prior_ob'] = prior_of(rng, d['oth_b'], 0.8, 1.2) // 1000 * 1000 if d.get('oth_b') else 0
        d['prior_op'] = prior_of(rng, d['oth_p'], 0.6, 1.3) // 1000 * 1000 if (d.get('oth_p') and rng.random() < 0.7) else 0
        d['prior_all'] = d['prior'] + d['prior_gf'] + d['prior_ob'] + d['prior_op']
    S = lambda fld: sum(d.get(fld, 0) for d in func.values())
    pr = {}
    pr['gpb_exp'] = S('prior')
    pr['gpb_basic'] = S('prior_b')
    pr['gpb_proj'] = S('prior_p')
    pr['gf_amt'] = S('prior_gf')
    pr['exp_basic'] = S('prior_b') + S('prior_ob')
    pr['exp_proj'] = S('prior_p') + S('prior_op') + S('prior_gf')
    pr['exp_year'] = pr['exp_basic'] + pr['exp_proj']
    pr['inc_gpb'] = pr['gpb_exp']
    pr['inc_gf'] = pr['gf_amt']
    src = {'biz': 0, 'other': 0, 'upper': 0}
    if F['oth_src']:
        src[F['oth_src'][0]] += S('prior_ob')
        src[F['oth_src'][-1]] += S('prior_op')
    pr['inc_biz'], pr['inc_other'], pr['inc_upper'] = src['biz'], src['other'], src['upper']
    pr['inc_year'] = pr['inc_gpb'] + pr['inc_gf'] + src['biz'] + src['other'] + src['upper']
    pr['carry_total'] = 0
    pr['inc_total'] = pr['inc_year']
    pr['exp_total'] = pr['exp_year']
    assert pr['inc_total'] == pr['exp_total']
    pr['fin_total'] = pr['inc_gpb'] + pr['inc_gf']
    pr['personnel'] = int(F['personnel'] * rng.uniform(0.85, 1.1))
    F['prior'] = pr


def gen_common_extra(rng, F, opts, needs):
    econ, units = F['econ'], F['units']
    final = F['doc_type'] == 'final'
    # ---- 三公
    car_buy = sum(p['amt'] for p in F['projects'] if p.get('car'))
    sg = {'abroad': 0, 'car_buy': car_buy, 'car_run': econ.get('30231', 0), 'recv': econ.get('30217', 0)}
    if needs.get('sangong') and sg['car_run'] + sg['recv'] == 0:
        raise RuntimeError('sangong needed')
    sg['recv_dom'], sg['recv_for'] = sg['recv'], 0
    sg['car'] = sg['car_buy'] + sg['car_run']
    sg['total'] = sg['abroad'] + sg['car'] + sg['recv']
    F['sg'] = sg
    sgb = {}
    for k in ('abroad', 'car_buy', 'car_run', 'recv'):
        v = sg[k]
        if final:
            b = 0 if v == 0 else int(v * rng.uniform(0.96, 1.35)) // 10000 * 10000
            if v and b == 0:
                b = 10000
            if k == 'car_buy' and v:
                b = v if rng.random() < 0.6 else b
        else:
            b = v
        sgb[k] = b
    sgb['recv_dom'], sgb['recv_for'] = sgb['recv'], 0
    sgb['car'] = sgb['car_buy'] + sgb['car_run']
    sgb['total'] = sgb['abroad'] + sgb['car'] + sgb['recv']
    F['sg_budget'] = sgb
    sgp = {}
    for k in ('abroad', 'car_buy', 'car_run', 'recv'):
        v = sg[k]
        if k == 'car_buy':
            sgp[k] = 0 if v else (rnd_fen(rng, 100000, 250000, False) if rng.random() < 0.15 else 0)
        elif v == 0:
            sgp[k] = 0
        elif not final and rng.random() < 0.3:
            sgp[k] = v          # budget kept at last year's level (持平)
        else:
            sgp[k] = prior_of(rng, v, 0.7, 1.35)
    sgp['car'] = sgp['car_buy'] + sgp['car_run']
    sgp['recv_dom'], sgp['recv_for'] = sgp['recv'], 0
    sgp['total'] = sgp['abroad'] + sgp['car'] + sgp['recv']
    F['sg_prior'] = sgp
    # ---- vehicles / counts
    veh = {}
    stock = 0
    if sg['car_run'] or sg['car_buy']:
        stock = rng.randint(1, 4)
    veh['一般公务用车'] = 0
    veh['机要通信用车'] = rng.choice([0, 0, 1]) if stock else 0
    veh['应急保障用车'] = rng.choice([0, 0, 0, 1])
    veh['执法执勤用车'] = rng.choice([0, 0, 1, 2, 3]) if F['dept']['name'] in ('司法局', '市场监督管理局', '自然资源局', '农业农村局', '审计局') else 0
    veh['特种专业技术用车'] = rng.choice([0, 0, 1, 2]) if F['dept']['name'] in ('农业农村局', '自然资源局', '市场监督管理局', '统计局') else 0
    veh['其他用车'] = max(stock - veh['机要通信用车'], 0)
    if needs.get('vehicles') and sum(veh.values()) < 2:
        veh['其他用车'] += 2
    F['veh'] = veh
    F['veh_total'] = sum(veh.values())
    F['equip50'] = rng.choice([0, 0, 0, 1, 2])
    F['equip100'] = rng.choice([0, 0, 0, 0, 1])
    F['sg_counts'] = dict(abroad_groups=0, abroad_people=0,
                          car_bought=1 if sg['car_buy'] else 0,
                          car_stock=F['veh_total'],
                          recv_batches=(max(1, int(sg['recv'] / (rng.uniform(900, 2600) * 100))) if sg['recv'] else 0))
    F['sg_counts']['recv_people'] = F['sg_counts']['recv_batches'] * rng.randint(3, 8)
    # ---- 机关运行经费
    F['jiguan'] = sum(u['pub'] for u in units if u['admin_like'])
    F['jiguan_prior'] = prior_of(rng, F['jiguan'], 0.75, 1.3) if F['jiguan'] else 0
    # ---- 政府采购
    spend = F['exp_year']
    T = int(spend * rng.uniform(0.04, 0.3))
    T -= T % 100
    g = int(T * rng.uniform(0.2, 0.7)) // 100 * 100
    w = (int(T * rng.uniform(0.0, 0.3)) // 100 * 100) if rng.random() < 0.35 else 0
    s = T - g - w
    sme = int(T * rng.uniform(0.55, 1.0)) // 100 * 100
    small = int(sme * rng.uniform(0.3, 0.95)) // 100 * 100
    F['proc'] = dict(total=T, goods=g, works=w, services=s, sme=sme, small=small)
    # ---- assets (final, optional)
    fa = F['exp_year']
    cur = int(fa * rng.uniform(0.05, 0.6)) // 100 * 100
    fixed = int(fa * rng.uniform(0.3, 2.0)) // 100 * 100
    intang = (int(fa * rng.uniform(0.0, 0.1)) // 100 * 100) if rng.random() < 0.5 else 0
    cip = (int(fa * rng.uniform(0.0, 0.3)) // 100 * 100) if rng.random() < 0.2 else 0
    other = (int(fa * rng.uniform(0.0, 0.05)) // 100 * 100) if rng.random() < 0.3 else 0
    F['assets'] = dict(cur=cur, fixed=fixed, invest=0, cip=cip, intang=intang, other=other)
    F['assets']['total'] = sum(F['assets'].values())
    # ---- staffing
    F['bianzhi'] = sum(u['staff'] for u in units) + rng.randint(0, 6)
    F['shiyou'] = sum(u['staff'] for u in units)
    F['retired'] = sum(u['retired'] for u in units)
    F['dept_score'] = D(rng.choice([100, 98, 97, 96, 95, 93, 92, 91])) - (D(rng.randint(1, 9)) / 10 if rng.random() < 0.4 else 0)
    F['contact'] = dict(person=person_name(rng), phone='0%d-%d' % (rng.randint(710, 939), rng.randint(2100000, 8999999)))
    F['inner'] = rng.sample(F['dept']['inner'], rng.randint(3, len(F['dept']['inner'])))


# ----------------------------------------------------------------------------
# context: every printed figure is a Slot; claims and relations refer to slots
# ----------------------------------------------------------------------------
CN_NUM = '一二三四五六七八九十'


def cn(i):
    i += 1
    if i <= 10:
        return CN_NUM[i - 1]
    if i < 20:
        return '十' + CN_NUM[i - 11]
    return CN_NUM[i // 10 - 1] + '十' + (CN_NUM[i % 10 - 1] if i % 10 else '')


class Ctx:
    def __init__(self, F, opts, overrides, phrase_seed):
        self.F, self.o = F, opts
        self.ov = overrides or {}
        self.rng = random.Random(phrase_seed)
        self.slots = {}
        self.claims, self.rels, self.occs = [], [], []
        self.blocks = []
        self.required = []
        self.present = set()
        self.final = F['doc_type'] == 'final'
        self.Y = F['year']
        self.tu = opts['table_unit']
        self.xu = opts['text_unit']
        self.sec = None
        self.toc = []

    # ---- slots
    def slot(self, sid, kind, text, **meta):
        base, k = sid, 1
        while sid in self.slots:
            k += 1
            sid = '%s#%d' % (base, k)
        s = Slot(sid, kind, text, meta)
        if sid in self.ov:
            s.text = self.ov[sid]
        self.slots[sid] = s
        s.meta['sec'] = self.sec
        return s

    def occ(self, keys, s, unit, where):
        if not keys:
            return
        if isinstance(keys, str):
            keys = [keys]
        for k in keys:
            self.occs.append(dict(key=k, slot=s.id, unit=unit, where=where))

    # ---- text figures
    def fmt_text_amt(self, fen, unit):
        if fen == 0:
            return self.o['text_zero']
        return fmt_dec(fen_to(unit, fen), 2, sep=self.o['text_sep'])

    def amt(self, sid, fen, key=None, unit=None):
        unit = unit or self.xu
        s = self.slot(sid, 'amt', self.fmt_text_amt(fen, unit), unit=unit, fen=fen, key=key)
        self.occ(key, s, unit, 'text')
        return [s, self.o['num_space'] + unit]

    def pct(self, sid, num, den, kind='share', dec=None):
        dec = self.o['pct_dec'] if dec is None else dec
        v = pct_value(num, den)
        txt = fmt_dec(v, dec, strip=self.o['pct_strip'])
        s = self.slot(sid, kind, txt, unit='%', num=num, den=den)
        return [s, '%']

    def cnt(self, sid, n, key=None):
        s = self.slot(sid, 'count', str(n), unit='count', key=key)
        self.occ(key, s, 'count', 'text')
        return s

    def word(self, sid, kind, text, **meta):
        return self.slot(sid, kind, text, **meta)

    # ---- blocks
    def para(self, *frags):
        out = []

        def flat(x):
            if isinstance(x, (list, tuple)):
                for y in x:
                    flat(y)
            elif x is None:
                return
            else:
                out.append(x)
        flat(frags)
        self.blocks.append(dict(t='para', frags=out, sec=self.sec))
        return out

    def head(self, level, sid, text, alt=None, sec=None):
        s = self.slot(sid, 'heading', text, alt=alt)
        self.blocks.append(dict(t='head', level=level, frags=[s], sec=sec or self.sec))
        return s

    def begin(self, secid, level, text, alt=None, required=None, toc=True):
        """start a section; returns False if it is omitted (missing-part defect)"""
        if required:
            self.required.append(dict(id=secid, words=required, heading=text))
        if toc:
            self.toc.append((level, text))
        if self.ov.get('omit') == secid:
            return False
        self.sec = secid
        self.present.add(secid)
        self.head(level, 'h.' + secid, text, alt=alt, sec=secid)
        return True

    def table(self, tab, required=None):
        if required:
            self.required.append(dict(id=tab.id, words=required, heading=tab.title, table=True))
        if self.ov.get('omit') == tab.id:
            return False
        self.present.add(tab.id)
        self.blocks.append(dict(t='table', tab=tab, sec=self.sec))
        return True

    def pagebreak(self):
        self.blocks.append(dict(t='pagebreak'))

    # ---- claims / relations
    def claim(self, **c):
        for k, v in list(c.items()):
            if isinstance(v, Slot):
                c[k] = v.id
            elif isinstance(v, list) and v and isinstance(v[0], Slot):
                c[k] = [x.id for x in v]
        self.claims.append(c)

    def rel(self, kind, tid, target, sources, **kw):
        if target is None or any(s is None for s in sources):
            return
        self.rels.append(dict(kind=kind, table=tid, target=target.id, sources=[s.id for s in sources], **kw))

    # ---- table cells
    def zero_txt(self):
        return ZERO_WORDS[self.o['zero_style']]

    def tfmt(self, fen, unit):
        if fen == 0:
            return self.zero_txt()
        return fmt_dec(fen_to(unit, fen), 2, sep=self.o['tsep'])

    def cell(self, tab, rk, ck, fen, key=None, tag=None):
        s = self.slot('%s|%s|%s' % (tab.id, rk, ck), 'cell', self.tfmt(fen, tab.unit), unit=tab.unit, fen=fen,
                      table=tab.id, row=rk, col=ck, tag=tag, key=key)
        self.occ(key, s, tab.unit, 'table:' + tab.id)
        return s

    def ccell(self, tab, rk, ck, n, key=None, tag=None):
        s = self.slot('%s|%s|%s' % (tab.id, rk, ck), 'cell', str(n), unit='count', fen=n,
                      table=tab.id, row=rk, col=ck, tag=tag, key=key)
        self.occ(key, s, 'count', 'table:' + tab.id)
        return s

    def yslot(self, sid, y):
        s = self.slot(sid, 'year', str(y), expected=str(y))
        self.claim(type='year', slot=s, expected=str(y))
        return s

    # ---- phrasing helpers
    def pick(self, *alts):
        return self.rng.choice(alts)

    def cmp_label(self, sid, budget_prior=False):
        """'与2022年相比，' / '比上年' ... ; returns fragments; explicit years are slots"""
        st = self.o['cmp_style']
        y = self.Y - 1
        if st == 'year':
            ys = self.slot(sid + '.y', 'cmpyear', str(y), expected=str(y))
            self.claim(type='year', slot=ys, expected=str(y))
            if budget_prior:
                return self.pick(['与', ys, '年预算相比，'], ['比', ys, '年预算'])
            return self.pick(['与', ys, '年度相比，'], ['与', ys, '年相比，'], ['比', ys, '年'])
        if budget_prior:
            return [self.pick('比上年预算', '较上年预算', '与上年预算相比，')]
        return [self.pick('比上年', '较上年', '与上年相比，')]

    def change(self, sid, cur_slot, cur, prior, budget_prior=False, pct=True, with_label=True,
               label_frags=None, prior_key=None):
        """comparison clause.  cur/prior in fen; cur_slot is the printed current figure."""
        if cur == 0 and prior == 0:
            return [self.pick('本年未安排此项预算', '上年和本年均未安排') if budget_prior else
                    self.pick('上年和本年均无此项支出', '本年无此项支出')]
        if not self.o.get('b_prior_cols'):
            prior_key = None
        fr = []
        if with_label:
            fr += label_frags if label_frags is not None else self.cmp_label(sid, budget_prior)
        if prior == 0:
            d = self.word(sid + '.dir', 'dir', '增加', sign=1)
            ch = self.amt(sid + '.chg', cur, None)
            zb = self.word(sid + '.zb', 'zb', self.pick('，上年无此项支出，增长率无可比性', '，上年未安排，增长率无可比性',
                                                        '，上年无该项预算，增长率无可比性'))
            fr += [d, ch, zb]
            self.claim(type='growth', cur=cur_slot, chg=ch[0], dir=d, pct=None, pdir=None, zero_base=True,
                       prior_fen=0, cur_fen=cur, zb=zb, prior_key=prior_key)
            return fr
        if cur == prior:
            w = self.word(sid + '.flat', 'flat', '持平')
            fr += [w]
            self.claim(type='flat', slot=w, cur=cur_slot, cur_fen=cur, prior_fen=prior)
            return fr
        up = cur > prior
        d = self.word(sid + '.dir', 'dir', self.o['w_up'][0] if up else self.o['w_down'][0], sign=1 if up else -1)
        ch = self.amt(sid + '.chg', abs(cur - prior), None)
        fr += [d, ch]
        p = pd = None
        if pct:
            pd = self.word(sid + '.pdir', 'pdir', self.o['w_up'][1] if up else self.o['w_down'][1], sign=1 if up else -1)
            p = self.pct(sid + '.pct', abs(cur - prior), prior, kind='growth')
            fr += ['，', pd, p]
        self.claim(type='growth', cur=cur_slot, chg=ch[0], dir=d, pct=p[0] if p else None,
                   pdir=pd, zero_base=False, prior_fen=prior, cur_fen=cur, prior_key=prior_key)
        return fr

    def reason(self, sid, up, proj=None, kind='total'):
        if proj is None:
            ps = [p['name'] for p in self.F['projects']]
            proj = ps[0] if ps else '专项业务'
        pool = REASONS[(kind, bool(up))]
        txt = self.rng.choice(pool).format(proj=proj)
        return self.word(sid, 'reason', txt)

    def xkind(self, code):
        d = self.F['func'][code]
        return 'proj' if d.get('gpb_p', 0) > d.get('gpb_b', 0) else 'basic'

    def xproj(self, code):
        ps = [p['name'] for p in self.F['projects'] if p['xiang'] == code]
        return ps[0] if ps else None


# ----------------------------------------------------------------------------
# tables
# ----------------------------------------------------------------------------
STD_LEI = [('201', '一般公共服务支出'), ('202', '外交支出'), ('203', '国防支出'), ('204', '公共安全支出'),
           ('205', '教育支出'), ('206', '科学技术支出'), ('207', '文化旅游体育与传媒支出'),
           ('208', '社会保障和就业支出'), ('210', '卫生健康支出'), ('211', '节能环保支出'),
           ('212', '城乡社区支出'), ('213', '农林水支出'), ('214', '交通运输支出'),
           ('215', '资源勘探工业信息等支出'), ('216', '商业服务业等支出'), ('217', '金融支出'),
           ('219', '援助其他地区支出'), ('220', '自然资源海洋气象等支出'), ('221', '住房保障支出'),
           ('222', '粮油物资储备支出'), ('224', '灾害防治及应急管理支出'), ('229', '其他支出')]


def xiang_name(F, code):
    return F['dept']['xiang'].get(code) or COMMON_XIANG.get(code) or GF_XIANG.get(code) or '其他支出'


def tree_of(codes):
    tree = {}
    for c in sorted(codes):
        tree.setdefault(c[:3], {}).setdefault(c[:5], []).append(c)
    return tree


def label_cols(o):
    st = o['code_style']
    if st == 'split':
        return ['类', '款', '项', '科目名称']
    if st == 'single':
        return ['科目编码', '科目名称']
    return ['科目名称']


def label_cells(ctx, level, code, name):
    st = ctx.o['code_style']
    if st == 'split':
        k = code[3:5] if len(code) >= 5 else ''
        if k and ctx.o['kuan_nolead']:
            k = str(int(k))
        x = code[5:7] if len(code) == 7 else ''
        if x and ctx.o['kuan_nolead']:
            x = str(int(x))
        return [code[:3], k, x, name]
    if st == 'single':
        return [code, name]
    ind = {'lei': '', 'kuan': ctx.o['indent'], 'xiang': ctx.o['indent'] * 2}[level]
    return [ind + name]


def total_label_cells(ctx, text='合计'):
    n = len(label_cols(ctx.o))
    return [text] + [''] * (n - 1)


def mk_header(labels, groups, ncols_total):
    """labels: list of label col names; groups: list of (group_text or None, [sub labels])"""
    two = any(g is not None and len(subs) > 0 and g != subs[0] for g, subs in groups)
    if not two:
        row = [(l, 1, 1) for l in labels]
        for g, subs in groups:
            for s in subs:
                row.append((s, 1, 1))
        return [row]
    r1 = [(l, 1, 2) for l in labels]
    r2 = []
    for g, subs in groups:
        if g is None or (len(subs) == 1 and subs[0] == g):
            r1.append((subs[0], 1, 2))
        else:
            r1.append((g, len(subs), 1))
            r2 += [(s, 1, 1) for s in subs]
    return [r1, r2]


def func_table(ctx, tid, title, codes, cols, groups, row_rels=(), keyfn=None, unit=None, lanci=False):
    """cols: list of (ck, getter(code)->fen).  groups: header groups (see mk_header).
    keyfn(level, code, ck) -> occurrence keys"""
    F = ctx.F
    labels = label_cols(ctx.o)
    tab = Tab(tid, title, unit or ctx.tu, len(labels) + len(cols))
    tab.header = mk_header(labels, groups, tab.ncols)
    tree = tree_of(codes)
    kf = keyfn or (lambda lv, c, ck: None)
    rows_out = []
    lei_slots = {ck: [] for ck, _ in cols}
    for lei in sorted(tree):
        kuan_slots = {ck: [] for ck, _ in cols}
        lei_rows = []
        for kuan in sorted(tree[lei]):
            x_slots = {ck: [] for ck, _ in cols}
            x_rows = []
            for code in tree[lei][kuan]:
                cells = []
                for ck, g in cols:
                    s = ctx.cell(tab, code, ck, g(code), key=kf('xiang', code, ck), tag='leaf')
                    x_slots[ck].append(s)
                    cells.append(s)
                for t, srcs in row_rels:
                    ctx.rel('rowsum', tid, cells[[c for c, _ in cols].index(t)],
                            [cells[[c for c, _ in cols].index(x)] for x in srcs])
                x_rows.append((label_cells(ctx, 'xiang', code, xiang_name(F, code)) + cells, 'data',
                               xiang_name(F, code) + '（' + code + '）'))
            kcells = []
            for ck, g in cols:
                v = sum(g(c) for c in tree[lei][kuan])
                s = ctx.cell(tab, kuan, ck, v, key=kf('kuan', kuan, ck), tag='sub')
                ctx.rel('sum', tid, s, x_slots[ck])
                kuan_slots[ck].append(s)
                kcells.append(s)
            for t, srcs in row_rels:
                ctx.rel('rowsum', tid, kcells[[c for c, _ in cols].index(t)],
                        [kcells[[c for c, _ in cols].index(x)] for x in srcs])
            lei_rows.append((label_cells(ctx, 'kuan', kuan, KUAN_NAMES.get(kuan, '其他')) + kcells, 'sub',
                             KUAN_NAMES.get(kuan, '') + '（' + kuan + '）'))
            lei_rows += x_rows
        lcells = []
        for ck, g in cols:
            v = sum(g(c) for k in tree[lei] for c in tree[lei][k])
            s = ctx.cell(tab, lei, ck, v, key=kf('lei', lei, ck), tag='sub')
            ctx.rel('sum', tid, s, kuan_slots[ck])
            lei_slots[ck].append(s)
            lcells.append(s)
        for t, srcs in row_rels:
            ctx.rel('rowsum', tid, lcells[[c for c, _ in cols].index(t)],
                    [lcells[[c for c, _ in cols].index(x)] for x in srcs])
        rows_out.append((label_cells(ctx, 'lei', lei, LEI_NAMES[lei]) + lcells, 'sub', LEI_NAMES[lei] + '（' + lei + '）'))
        rows_out += lei_rows
    tcells = []
    for ck, g in cols:
        v = sum(g(c) for c in codes)
        s = ctx.cell(tab, 'total', ck, v, key=kf('total', None, ck), tag='total')
        ctx.rel('sum', tid, s, lei_slots[ck])
        tcells.append(s)
    for t, srcs in row_rels:
        ctx.rel('rowsum', tid, tcells[[c for c, _ in cols].index(t)],
                [tcells[[c for c, _ in cols].index(x)] for x in srcs])
    trow = (total_label_cells(ctx) + tcells, 'total', '合计')
    if lanci:
        tab.add(['栏次'] + [''] * (len(labels) - 1) + [str(i + 1) for i in range(len(cols))], 'colno', '栏次')
    if ctx.o['total_pos'] == 'top':
        rows_out.insert(0, trow)
    else:
        rows_out.append(trow)
    for cells, kind, lab in rows_out:
        tab.add(cells, kind, lab)
    tab.long = len(rows_out) > 12
    return tab


def side_table(ctx, tid, title, left, right, lhead, rhead, amount_heads, lanci=False, hangci=False):
    """two-sided 收支总表.  left/right: list of (label, [fen per amount col] or None for section, keys, tag, rid)
    Totals blocks are given as the trailing items flagged tag 'tot*'.  Returns tab and dict rid->[slots]."""
    na = len(amount_heads)
    layout = ctx.o['summary_layout']
    slots = {}
    if layout == 'two':
        ncols = 2 * (1 + na + (1 if hangci else 0))
        tab = Tab(tid, title, ctx.tu, ncols)
        side = ['项目'] + (['行次'] if hangci else []) + amount_heads
        r1 = [(lhead, len(side), 1), (rhead, len(side), 1)]
        r2 = [(x, 1, 1) for x in side] * 2
        tab.header = [r1, r2]
        if lanci:
            cols = ['栏次'] + ([''] if hangci else []) + [str(i + 1) for i in range(na)]
            colsr = ['栏次'] + ([''] if hangci else []) + [str(na + i + 1) for i in range(na)]
            tab.add(cols + colsr, 'colno', '栏次')
        lt = [x for x in left if not x[3].startswith('tot')]
        ltot = [x for x in left if x[3].startswith('tot')]
        rt = [x for x in right if not x[3].startswith('tot')]
        rtot = [x for x in right if x[3].startswith('tot')]
        n = max(len(lt), len(rt))
        lt += [None] * (n - len(lt))
        rt += [None] * (n - len(rt))
        hc = [1]
        nleft = len(lt) + len(ltot)

        def side_cells(item, base_no):
            if item is None:
                return [''] + ([''] if hangci else []) + [''] * na
            lab, vals, keys, tag, rid = item
            cells = [lab]
            if hangci:
                cells.append(str(base_no))
            ss = []
            for j, v in enumerate(vals):
                s = ctx.cell(tab, rid, 'a%d' % j, v, key=keys[j] if keys else None, tag=tag)
                ss.append(s)
            slots[rid] = ss
            return cells + ss
        li = ri = 0
        rowsL = lt + ltot
        rowsR = rt + rtot
        lno = 0
        rno = nleft
        for a, b in zip(rowsL, rowsR):
            if a is not None:
                lno += 1
            if b is not None:
                rno += 1
            cells = side_cells(a, lno) + side_cells(b, rno)
            kind = 'total' if ((a and a[3].startswith('tot')) or (b and b[3].startswith('tot'))) else 'data'
            lab = (a[0] if a else '') + ' | ' + (b[0] if b else '')
            tab.add(cells, kind, lab)
    else:
        ncols = 1 + na + (1 if hangci else 0)
        tab = Tab(tid, title, ctx.tu, ncols)
        tab.header = [[('项目', 1, 1)] + ([('行次', 1, 1)] if hangci else []) + [(x, 1, 1) for x in amount_heads]]
        if lanci:
            tab.add(['栏次'] + ([''] if hangci else []) + [str(i + 1) for i in range(na)], 'colno', '栏次')
        no = 0
        for headtxt, items in ((lhead, left), (rhead, right)):
            tab.add([headtxt] + [''] * (ncols - 1), 'sec', headtxt)
            for lab, vals, keys, tag, rid in items:
                no += 1
                cells = [lab] + ([str(no)] if hangci else [])
                ss = []
                for j, v in enumerate(vals):
                    s = ctx.cell(tab, rid, 'a%d' % j, v, key=keys[j] if keys else None, tag=tag)
                    ss.append(s)
                slots[rid] = ss
                tab.add(cells + ss, 'total' if tag.startswith('tot') else 'data', lab)
    return tab, slots


def sum_rel_cols(ctx, tid, slots, target, sources):
    """relation per amount column: slots[target][j] = sum slots[src][j]"""
    na = len(slots[target])
    for j in range(na):
        ctx.rel('sum', tid, slots[target][j], [slots[s][j] for s in sources if s in slots])


def econ_items_rows(F, econ, zero_rows):
    """returns [(cls, [(code,name,fen)])] for 人员经费 (301,303) and 公用经费 (302,310)"""
    names = {c: n for c, n, _ in PERS_ITEMS}
    names.update({c: n for c, n in FAMILY_ITEMS})
    names.update({c: n for c, n in PUB_ITEMS})
    out = {}
    order = [c for c, _, _ in PERS_ITEMS] + [c for c, _ in FAMILY_ITEMS] + [c for c, _ in PUB_ITEMS]
    for c in order:
        v = econ.get(c, 0)
        if v == 0 and c not in zero_rows:
            continue
        out.setdefault(c[:3], []).append((c, names[c], v))
    return out


def econ_table(ctx, tid, title, econ, keyed=True):
    F, o = ctx.F, ctx.o
    zero_rows = set(o['econ_zero_rows'])
    groups = econ_items_rows(F, econ, zero_rows)
    pers_cls = [c for c in ('301', '303') if c in groups]
    pub_cls = [c for c in ('302', '310') if c in groups]
    layout = o['econ_layout']
    kf = (lambda k: k) if keyed else (lambda k: None)
    tp = o['total_pos']
    if layout == 'side':
        tab = Tab(tid, title, ctx.tu, 6)
        tab.header = [[('人员经费', 3, 1), ('公用经费', 3, 1)],
                      [('科目编码', 1, 1), ('科目名称', 1, 1), ('决算数' if ctx.final else '预算数', 1, 1)] * 2]
        colL, colR = [], []
        blocks = []
        for side, clist, col in (('p', pers_cls, colL), ('q', pub_cls, colR)):
            cls_slots = []
            for cl in clist:
                items = groups[cl]
                its = [ctx.cell(tab, c, 'v', v, key=kf('econ.' + c), tag='leaf') for c, n, v in items]
                cs = ctx.cell(tab, cl, 'v', sum(v for _, _, v in items), key=kf('econcls.' + cl), tag='sub')
                ctx.rel('sum', tid, cs, its)
                cls_slots.append(cs)
                col.append([cl, ECON_CLASS[cl], cs])
                for (c, n, v), s in zip(items, its):
                    col.append([c, n, s])
            blocks.append(cls_slots)
        n = max(len(colL), len(colR))
        colL += [['', '', '']] * (n - len(colL))
        colR += [['', '', '']] * (n - len(colR))
        for a, b in zip(colL, colR):
            tab.add(a + b, 'data', a[1] + ' | ' + b[1])
        ps = ctx.cell(tab, 'pers', 'v', F['personnel'] if econ is F['econ'] else sum(v for c, v in econ.items() if c[:3] in ('301', '303')),
                      key=kf('personnel'), tag='total')
        qs = ctx.cell(tab, 'pub', 'v', F['public'] if econ is F['econ'] else sum(v for c, v in econ.items() if c[:3] in ('302', '310')),
                      key=kf('public'), tag='total')
        ctx.rel('sum', tid, ps, blocks[0])
        ctx.rel('sum', tid, qs, blocks[1])
        tab.add(['人员经费合计', '', ps, '公用经费合计', '', qs], 'total', '人员经费合计 | 公用经费合计')
        return tab
    # list layout
    tab = Tab(tid, title, ctx.tu, 3)
    tab.header = [[('科目编码', 1, 1), ('科目名称', 1, 1), ('决算数' if ctx.final else '本年预算数', 1, 1)]]
    rows = []
    big = []
    for bname, clist, key in (('人员经费', pers_cls, 'personnel'), ('公用经费', pub_cls, 'public')):
        brows = []
        cls_slots = []
        for cl in clist:
            items = groups[cl]
            its = [ctx.cell(tab, c, 'v', v, key=kf('econ.' + c), tag='leaf') for c, n, v in items]
            cs = ctx.cell(tab, cl, 'v', sum(v for _, _, v in items), key=kf('econcls.' + cl), tag='sub')
            ctx.rel('sum', tid, cs, its)
            cls_slots.append(cs)
            brows.append(([cl, ECON_CLASS[cl], cs], 'sub', ECON_CLASS[cl]))
            for (c, n, v), s in zip(items, its):
                brows.append(([c, o['indent'] + n, s], 'data', n))
        bs = ctx.cell(tab, key, 'v', sum(econ.get(c, 0) for c in econ if c[:3] in (('301', '303') if key == 'personnel' else ('302', '310'))),
                      key=kf(key), tag='sub')
        ctx.rel('sum', tid, bs, cls_slots)
        big.append(bs)
        lab = bname if tp == 'top' else bname + '合计'
        if tp == 'top':
            rows.append((['', lab, bs], 'sub', lab))
            rows += brows
        else:
            rows += brows
            rows.append((['', lab, bs], 'sub', lab))
    ts = ctx.cell(tab, 'total', 'v', sum(econ.values()), key=kf('gpb.basic'), tag='total')
    ctx.rel('sum', tid, ts, big)
    trow = (['合计', '', ts], 'total', '合计')
    if tp == 'top':
        rows.insert(0, trow)
    else:
        rows.append(trow)
    for c, k, l in rows:
        tab.add(c, k, l)
    tab.long = len(rows) > 12
    return tab


# ----------------------------------------------------------------------------
# shared narrative parts
# ----------------------------------------------------------------------------
def h2(ctx, i, text):
    st = ctx.o['h2_style']
    if st == 'cn':
        return cn(i) + '、' + text
    if st == 'arabic':
        return '%d、' % (i + 1) + text
    return '%d.' % (i + 1) + text


def h3(ctx, i, text):
    return '（' + cn(i) + '）' + text


def part_title(ctx, i, text):
    return ('第' + cn(i) + '部分 ' + text) if ctx.o['parts'] else text


def subj(ctx):
    return ctx.pick('本部门', ctx.F['dept_name'], '我部门') if ctx.o['subject_style'] == 'mixed' else \
        (ctx.F['dept_name'] if ctx.o['subject_style'] == 'name' else '本部门')


def overview(ctx):
    F, Y = ctx.F, ctx.Y
    word = '决算' if ctx.final else '预算'
    ctx.begin('p1', 1, part_title(ctx, 0, '部门概况'), toc=True)
    ctx.begin('p1.duty', 2, h2(ctx, 0, '主要职能'))
    for i, d in enumerate(F['dept']['duties']):
        ctx.para('%d.' % (i + 1), d, '。')
    ctx.begin('p1.org', 2, h2(ctx, 1, '机构设置及' + word + '单位构成'))
    ctx.para('本部门内设机构包括', '、'.join(F['inner']), '等', str(len(F['inner'])), '个科室。')
    units = F['units']
    n = ctx.cnt('units.n', len(units), key=None)
    names = [u['name'] for u in units]
    lead = ctx.pick('纳入本部门%d年度部门%s编制范围的单位共' % (Y, word), '从%s单位构成看，纳入本部门%d年度部门%s编报范围的单位共' % (word, Y, word))
    if ctx.o['unit_count_word'] == '家':
        unit_w = '家'
    else:
        unit_w = '个'
    ctx.para(lead, n, unit_w, '，具体包括：', '、'.join(names), '。')
    ctx.claim(type='count_list', stated=n, listed=len(names), names=names)
    if len(units) > 1:
        kinds = {}
        for u in units:
            kinds[u['kind_name']] = kinds.get(u['kind_name'], 0) + 1
        ks = [ctx.cnt('units.k%d' % i, v) for i, (k, v) in enumerate(kinds.items())]
        fr = ['其中：']
        for i, (k, v) in enumerate(kinds.items()):
            fr += [k, ks[i], unit_w, '，' if i < len(kinds) - 1 else '。']
        ctx.para(fr)
        ctx.claim(type='count_sum', total=n, items=ks, tag='units')
    if ctx.o['unit_table']:
        tab = Tab('U', '单位构成情况表', '', 3)
        tab.header = [[('序号', 1, 1), ('单位名称', 1, 1), ('单位性质', 1, 1)]]
        for i, u in enumerate(units):
            tab.add([str(i + 1), u['name'], u['kind_name']], 'data', u['name'])
        ctx.table(tab)
    ctx.begin('p1.staff', 2, h2(ctx, 2, '人员情况'))
    ctx.para(ctx.pick('截至%d年末，' % (Y if ctx.final else Y - 1), ''), '本部门核定编制', str(F['bianzhi']), '名，实有人数',
             str(F['shiyou']), '人；离退休人员', str(F['retired']), '人。')


def glossary(ctx, idx):
    ctx.begin('gloss', 1, part_title(ctx, idx, '名词解释'))
    items = [
        ('财政拨款收入', '指本级财政当年拨付的资金。'),
        ('事业收入', '指事业单位开展专业业务活动及辅助活动取得的收入。'),
        ('其他收入', '指单位取得的除上述收入以外的各项收入。'),
        ('年初结转和结余' if ctx.final else '上年结转', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'),
        ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
        ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
        ('“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'),
        ('机关运行经费', '指行政单位和参照公务员法管理的事业单位使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。'),
    ]
    for i, (k, v) in enumerate(items):
        ctx.para('%s、%s：%s' % (cn(i), k, v))
    # residue placeholder (empty unless a template-residue defect fills it)
    r = ctx.word('gloss.residue', 'residue_ph', '')
    if r.text:
        ctx.para(r)


def contact(ctx, idx):
    if not ctx.o['contact']:
        return
    ctx.begin('contact', 1, part_title(ctx, idx, ('决算' if ctx.final else '预算') + '公开联系方式及信息反馈渠道'))
    c = ctx.F['contact']
    ctx.para('联系人：', c['person'], '；联系电话：', c['phone'], '。')


def amt_list(ctx, sid, items, key_prefix=None):
    """'基本工资12.30万元、津贴补贴4.50万元' -> (frags, slots)"""
    fr, ss = [], []
    for i, (code, name, fen) in enumerate(items):
        a = ctx.amt('%s.%s' % (sid, code), fen, ('%s.%s' % (key_prefix, code)) if key_prefix else None)
        fr += [name, a, '、' if i < len(items) - 1 else '']
        ss.append(a[0])
    return fr, ss


def econ_lists(ctx):
    g = econ_items_rows(ctx.F, ctx.F['econ'], set())
    pers = [x for c in ('301', '303') for x in g.get(c, [])]
    pub = [x for c in ('302', '310') for x in g.get(c, [])]
    return pers, pub


def basic_section(ctx, sid, lead, cur_word):
    F = ctx.F
    B = ctx.amt(sid + '.B', F['gpb_basic'], 'gpb.basic')
    P = ctx.amt(sid + '.P', F['personnel'], 'personnel')
    Q = ctx.amt(sid + '.Q', F['public'], 'public')
    pers, pub = econ_lists(ctx)
    fr = [lead, B, '，其中：', ctx.pick('人员经费', '人员经费'), P, '，主要包括：']
    if ctx.o['econ_text'] == 'amounts':
        f1, s1 = amt_list(ctx, sid + '.p', pers, 'econ')
        f2, s2 = amt_list(ctx, sid + '.q', pub, 'econ')
        fr += f1 + ['；', ctx.pick('公用经费', '日常公用经费'), Q, '，主要包括：'] + f2 + ['。']
        ctx.para(fr)
        ctx.claim(type='sum', total=P[0], items=s1, tag='econ_p')
        ctx.claim(type='sum', total=Q[0], items=s2, tag='econ_q')
    else:
        fr += ['、'.join(n for _, n, _ in pers), '；', ctx.pick('公用经费', '日常公用经费'), Q, '，主要包括：',
               '、'.join(n for _, n, _ in pub), '。']
        ctx.para(fr)
    ctx.claim(type='sum', total=B[0], items=[P[0], Q[0]], tag='basic')


# ----------------------------------------------------------------------------
# final-account document
# ----------------------------------------------------------------------------
def build_final(ctx):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    u = ctx.xu
    t = ctx.slot('title', 'heading', F['dept_name'] + '%d年度部门决算' % Y,
                 alt=F['dept_name'] + '%d年部门预算' % Y)
    ctx.blocks.append(dict(t='title', frags=[t], sec=None))
    overview(ctx)
    parts_order = ['text', 'tables'] if o['tables_pos'] == 'end' else ['tables', 'text']
    pi = 1
    for part in parts_order:
        if part == 'text':
            final_text(ctx, pi)
        else:
            if o['tables_newpage']:
                ctx.pagebreak()
            final_tables(ctx, pi)
        pi += 1
    glossary(ctx, pi)
    contact(ctx, pi + 1)


def final_text(ctx, pi):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    S = subj(ctx)
    ctx.begin('p2', 1, part_title(ctx, pi, '%d年度部门决算情况说明' % Y), alt=part_title(ctx, pi, '%d年部门预算情况说明' % Y))
    i = 0
    # 一 总体
    if ctx.begin('s.total', 2, h2(ctx, i, '收入支出决算总体情况说明'), alt=h2(ctx, i, '收支预算总体情况说明'),
                 required=['收入支出决算总体']):
        if o['total_style'] == 'full':
            it = ctx.amt('s1.it', F['inc_total'], 'inc.total')
            iy = ctx.amt('s1.iy', F['inc_year'], 'inc.year')
            ub = ctx.amt('s1.ub', F['use_bal'], 'inc.use_bal')
            cb = ctx.amt('s1.cb', F['carry_begin'], 'carry.begin')
            et = ctx.amt('s1.et', F['exp_total'], 'exp.total')
            ey = ctx.amt('s1.ey', F['exp_year'], 'exp.year')
            ba = ctx.amt('s1.ba', F['bal_alloc'], 'exp.bal_alloc')
            ce = ctx.amt('s1.ce', F['carry_end'], 'carry.end')
            ctx.para(S, '%d年度收入总计' % Y, it, '，其中：本年收入合计', iy, '，使用非财政拨款结余', ub, '，年初结转和结余', cb,
                     '；支出总计', et, '，其中：本年支出合计', ey, '，结余分配', ba, '，年末结转和结余', ce, '。')
            ctx.claim(type='sum', total=it[0], items=[iy[0], ub[0], cb[0]], tag='total_inc')
            ctx.claim(type='sum', total=et[0], items=[ey[0], ba[0], ce[0]], tag='total_exp')
            up = F['inc_total'] > F['prior']['inc_total']
            ctx.para(ctx.change('s1.c', it[0], F['inc_total'], F['prior']['inc_total'],
                                label_frags=ctx.cmp_label('s1.c') + ['收、支总计各']),
                     '。主要原因是', ctx.reason('s1.r', up), '。')
        else:
            X = ctx.amt('s1.x', F['inc_total'], ['inc.total', 'exp.total'])
            up = F['inc_total'] > F['prior']['inc_total']
            ctx.para('%d年度收、支总计均为' % Y, X, '。', ctx.change('s1.c', X[0], F['inc_total'], F['prior']['inc_total'],
                                                              label_frags=ctx.cmp_label('s1.c') + ['收、支总计各']),
                     '。主要变动原因是', ctx.reason('s1.r', up), '。')
    i += 1
    # 二 收入
    if ctx.begin('s.inc', 2, h2(ctx, i, '收入决算情况说明'), alt=h2(ctx, i, '收入预算情况说明'), required=['收入决算情况']):
        items = [('一般公共预算财政拨款收入', F['inc_gpb'], 'inc.gpb'), ('政府性基金预算财政拨款收入', F['inc_gf'], 'inc.gf'),
                 ('国有资本经营预算财政拨款收入', 0, 'inc.soe'), ('上级补助收入', F['inc_upper'], 'inc.upper'),
                 ('事业收入', F['inc_biz'], 'inc.biz'), ('经营收入', 0, 'inc.oper'),
                 ('附属单位上缴收入', 0, 'inc.affil'), ('其他收入', F['inc_other'], 'inc.other')]
        if o['list_zero_items'] == 'omit':
            items = [x for x in items if x[1]]
        A = ctx.amt('s2.A', F['inc_year'], 'inc.year')
        fr = ['%d年本年收入合计' % Y, A, '，其中：']
        ss = []
        base_word = ctx.pick('', '占总收入的', '占本年收入合计的')
        for j, (nm, v, k) in enumerate(items):
            a = ctx.amt('s2.%s' % k, v, k)
            p = ctx.pct('s2.%s.p' % k, v, F['inc_year'])
            ctx.claim(type='share', part=a[0], base=A[0], pct=p[0])
            fr += [nm, a, '，', base_word or '占', p, '；' if j < len(items) - 1 else '。']
            ss.append(a[0])
        ctx.para(fr)
        ctx.claim(type='sum', total=A[0], items=ss, tag='inc_items', complete=(o['list_zero_items'] != 'omit' or True))
    i += 1
    # 三 支出
    if ctx.begin('s.exp', 2, h2(ctx, i, '支出决算情况说明'), alt=h2(ctx, i, '支出预算情况说明'), required=['支出决算情况']):
        C = ctx.amt('s3.C', F['exp_year'], 'exp.year')
        items = [('基本支出', F['exp_basic'], 'exp.basic'), ('项目支出', F['exp_proj'], 'exp.proj'),
                 ('上缴上级支出', 0, 'exp.up'), ('经营支出', 0, 'exp.oper'), ('对附属单位补助支出', 0, 'exp.sub')]
        if o['list_zero_items'] == 'omit':
            items = items[:2]
        fr = ['%d年本年支出合计' % Y, C, '，其中：']
        ss = []
        for j, (nm, v, k) in enumerate(items):
            a = ctx.amt('s3.%s' % k, v, k)
            p = ctx.pct('s3.%s.p' % k, v, F['exp_year'])
            ctx.claim(type='share', part=a[0], base=C[0], pct=p[0])
            fr += [nm, a, '，占', p, '；' if j < len(items) - 1 else '。']
            ss.append(a[0])
        ctx.para(fr)
        ctx.claim(type='sum', total=C[0], items=ss, tag='exp_items')
        units = F['units']
        if len(units) > 1:
            fr = [ctx.pick('按单位划分，', '分单位看，')]
            us = []
            for j, un in enumerate(units):
                a = ctx.amt('s3.u%d' % j, un['exp'], 'unit.%d.exp' % j)
                fr += [un['short'] if un['short'] != '本级' else ctx.pick('局本级', '本级', '机关本级'), '支出', a,
                       '，' if j < len(units) - 1 else '。']
                us.append(a[0])
            ctx.para(fr)
            ctx.claim(type='sum', total=C[0], items=us, tag='units_exp')
    i += 1
    # 四 财政拨款总体
    if ctx.begin('s.fin', 2, h2(ctx, i, '财政拨款收入支出决算总体情况说明'), alt=h2(ctx, i, '财政拨款收支预算总体情况说明'),
                 required=['财政拨款收入支出决算总体']):
        X = ctx.amt('s4.X', F['fin_total'], 'fin.total')
        fr = ['%d年度财政拨款收、支总计' % Y, X, '。']
        if o['fin_detail']:
            b = ctx.amt('s4.b', F['fin_begin'], 'fin.begin')
            iy = ctx.amt('s4.i', F['fin_inc_year'], 'fin.inc.year')
            e = ctx.amt('s4.e', F['fin_exp_year'], 'fin.exp.year')
            n = ctx.amt('s4.n', F['fin_end'], 'fin.end')
            fr = ['%d年度财政拨款收入总计' % Y, X, '，其中：年初财政拨款结转和结余', b, '，本年财政拨款收入', iy,
                  '；财政拨款支出总计', X[0], X[1], '，其中：本年财政拨款支出', e, '，年末财政拨款结转和结余', n, '。']
            ctx.claim(type='sum', total=X[0], items=[b[0], iy[0]], tag='fin_inc')
            ctx.claim(type='sum', total=X[0], items=[e[0], n[0]], tag='fin_exp')
        up = F['fin_total'] > F['prior']['fin_total']
        fr += [ctx.change('s4.c', X[0], F['fin_total'], F['prior']['fin_total'],
                          label_frags=ctx.cmp_label('s4.c') + ['财政拨款收、支总计各']), '。主要变动原因是', ctx.reason('s4.r', up), '。']
        ctx.para(fr)
    i += 1
    # 五 一般公共预算财政拨款支出
    if ctx.begin('s.gpb', 2, h2(ctx, i, '一般公共预算财政拨款支出决算情况说明'), alt=h2(ctx, i, '一般公共预算支出预算情况说明'),
                 required=['一般公共预算财政拨款支出决算情况']):
        ctx.head(3, 'h.s.gpb.1', h3(ctx, 0, '一般公共预算财政拨款支出决算总体情况'))
        G = ctx.amt('s5.G', F['gpb_exp'], 'gpb.exp')
        p = ctx.pct('s5.Gp', F['gpb_exp'], F['exp_year'])
        ctx.claim(type='share', part=G[0], base_key='exp.year', base_text=ctx.fmt_text_amt(F['exp_year'], ctx.xu), pct=p[0])
        up = F['gpb_exp'] > F['prior']['gpb_exp']
        ctx.para('%d年度一般公共预算财政拨款支出' % Y, G, '，占本年支出合计的', p, '。',
                 ctx.change('s5.c', G[0], F['gpb_exp'], F['prior']['gpb_exp'],
                            label_frags=ctx.cmp_label('s5.c') + ['一般公共预算财政拨款支出']),
                 '。主要原因是', ctx.reason('s5.r', up), '。')
        ctx.head(3, 'h.s.gpb.2', h3(ctx, 1, '一般公共预算财政拨款支出决算结构情况'))
        func = F['func']
        gcodes = [c for c, d in func.items() if d.get('gpb_b', 0) + d.get('gpb_p', 0)]
        tree = tree_of(gcodes)
        fr = ['%d年度一般公共预算财政拨款支出' % Y, G[0], G[1], '，主要用于以下方面：']
        ss = []
        for j, lei in enumerate(sorted(tree)):
            v = sum(func[c].get('gpb_b', 0) + func[c].get('gpb_p', 0) for k in tree[lei] for c in tree[lei][k])
            a = ctx.amt('s5.l%s' % lei, v, 'lei.%s.gpb' % lei)
            pp = ctx.pct('s5.l%s.p' % lei, v, F['gpb_exp'])
            ctx.claim(type='share', part=a[0], base=G[0], pct=pp[0])
            fr += [LEI_NAMES[lei], '（类）', a, '，占', pp, '；' if j < len(tree) - 1 else '。']
            ss.append(a[0])
        ctx.para(fr)
        ctx.claim(type='sum', total=G[0], items=ss, tag='lei_gpb')
        ctx.head(3, 'h.s.gpb.3', h3(ctx, 2, '一般公共预算财政拨款支出决算具体情况'))
        mode = o['final_budget_cols']
        bword = '调整预算' if mode == 'b0adj' and o['cmp_adj'] else '年初预算'
        for j, c in enumerate(sorted(gcodes)):
            d = func[c]
            act = d.get('gpb_b', 0) + d.get('gpb_p', 0)
            bud = d['badj'] if bword == '调整预算' else d['b0']
            nm = '%s（类）%s（款）%s（项）' % (LEI_NAMES[c[:3]], KUAN_NAMES[c[:5]], xiang_name(F, c))
            a = ctx.amt('s5.x%s' % c, act, 'func.%s.gpb' % c)
            b = ctx.amt('s5.b%s' % c, bud, 'func.%s.%s' % (c, 'badj' if bword == '调整预算' else 'b0'))
            fr = ['%d.' % (j + 1), nm, '：', bword, '为', b, '，支出决算为', a]
            if bud == 0:
                zb = ctx.word('s5.z%s' % c, 'zb', '，决算数大于%s数' % bword)
                fr += [zb, '，主要原因是', ctx.word('s5.r%s' % c, 'reason', '年中追加' + ctx.pick('专项工作经费', '项目资金')), '。']
                ctx.claim(type='completion', actual=a[0], budget=b[0], pct=None, zero_base=True, zb=zb)
            else:
                p = ctx.pct('s5.p%s' % c, act, bud, kind='completion')
                ctx.claim(type='completion', actual=a[0], budget=b[0], pct=p[0], zero_base=False)
                fr += ['，完成%s的' % bword, p, '。']
                if act != bud:
                    w = ctx.word('s5.w%s' % c, 'cmpword', '大于' if act > bud else '小于', sign=1 if act > bud else -1)
                    ctx.claim(type='cmpword', slot=w, a_fen=act, b_fen=bud)
                    fr += ['决算数', w, bword, '数的主要原因是', ctx.reason('s5.r%s' % c, act > bud, ctx.xproj(c), ctx.xkind(c)), '。']
            ctx.para(fr)
    i += 1
    # 六 基本支出
    if ctx.begin('s.basic', 2, h2(ctx, i, '一般公共预算财政拨款基本支出决算情况说明'), alt=h2(ctx, i, '一般公共预算基本支出预算情况说明'),
                 required=['基本支出决算情况']):
        basic_section(ctx, 's6', '%d年度一般公共预算财政拨款基本支出' % Y, '决算')
    i += 1
    # 七 项目支出 (optional)
    if o['proj_section']:
        if ctx.begin('s.proj', 2, h2(ctx, i, '一般公共预算财政拨款项目支出决算情况说明')):
            X = ctx.amt('s7.X', F['gpb_proj'], 'gpb.proj')
            by = {}
            for p in F['projects']:
                by.setdefault(p['econ_cls'], {}).setdefault((p['econ'], p['econ_name']), 0)
                by[p['econ_cls']][(p['econ'], p['econ_name'])] += p['amt']
            fr = ['%d年度一般公共预算财政拨款项目支出' % Y, X, '，其中：']
            cls_slots = []
            for j, cl in enumerate(sorted(by)):
                tot = sum(by[cl].values())
                a = ctx.amt('s7.c%s' % cl, tot, None)
                its = sorted(by[cl].items())
                f1, s1 = amt_list(ctx, 's7.i%s' % cl, [(k[0], k[1], v) for k, v in its])
                fr += [ECON_CLASS[cl], a, '，主要包括：'] + f1 + (['；'] if j < len(by) - 1 else ['。'])
                ctx.claim(type='sum', total=a[0], items=s1, tag='proj_econ')
                cls_slots.append(a[0])
            ctx.para(fr)
            ctx.claim(type='sum', total=X[0], items=cls_slots, tag='proj_cls')
        i += 1
    # 八 三公
    if ctx.begin('s.sg', 2, h2(ctx, i, '财政拨款“三公”经费支出决算情况说明'), alt=h2(ctx, i, '“三公”经费支出预算情况说明'),
                 required=['三公']):
        sg, sb, sp, cn_ = F['sg'], F['sg_budget'], F['sg_prior'], F['sg_counts']
        ctx.head(3, 'h.s.sg.1', h3(ctx, 0, '财政拨款“三公”经费支出总体情况说明'))
        Bt = ctx.amt('s8.Bt', sb['total'], 'sgb.total')
        At = ctx.amt('s8.At', sg['total'], 'sg.total')
        fr = ['%d年度财政拨款“三公”经费全年预算' % Y, Bt, '，支出决算', At]
        if sb['total']:
            p = ctx.pct('s8.Atp', sg['total'], sb['total'], kind='completion')
            ctx.claim(type='completion', actual=At[0], budget=Bt[0], pct=p[0], zero_base=False)
            fr += ['，完成预算的', p]
        fr += ['。其中：']
        for j, (k, nm) in enumerate((('abroad', '因公出国（境）费'), ('car', '公务用车购置及运行维护费'), ('recv', '公务接待费'))):
            b = ctx.amt('s8.b.' + k, sb[k], 'sgb.' + k)
            a = ctx.amt('s8.a.' + k, sg[k], 'sg.' + k)
            fr += [nm, '全年预算', b, '，支出决算', a]
            if sb[k]:
                p = ctx.pct('s8.p.' + k, sg[k], sb[k], kind='completion')
                ctx.claim(type='completion', actual=a[0], budget=b[0], pct=p[0], zero_base=False)
                fr += ['，完成预算的', p]
            fr += ['；' if j < 2 else '。']
        if sg['total'] != sb['total']:
            fr += ['决算数', '小于' if sg['total'] < sb['total'] else '大于', '预算数的主要原因是',
                   ctx.word('s8.r0', 'reason', ctx.rng.choice(REASONS_SG_DOWN if sg['total'] < sb['total'] else REASONS_SG_UP)), '。']
        ctx.para(fr)
        ctx.head(3, 'h.s.sg.2', h3(ctx, 1, '财政拨款“三公”经费支出具体情况说明'))
        At2 = ctx.amt('s8.At2', sg['total'], 'sg.total')
        fr = ['%d年度财政拨款“三公”经费支出' % Y, At2, '。']
        items = []
        for j, (k, nm) in enumerate((('abroad', '因公出国（境）费支出'), ('car', '公务用车购置及运行维护费支出'), ('recv', '公务接待费支出'))):
            a = ctx.amt('s8.i.' + k, sg[k], 'sg.' + k)
            items.append(a[0])
            fr += [nm, a]
            if sg['total']:
                p = ctx.pct('s8.i.%s.p' % k, sg[k], sg['total'])
                ctx.claim(type='share', part=a[0], base=At2[0], pct=p[0])
                fr += ['，占', p]
            fr += ['；' if j < 2 else '。']
        if sg['total'] or sp['total']:
            fr += ctx.change('s8.ct', At2[0], sg['total'], sp['total'], label_frags=ctx.cmp_label('s8.ct') + ['“三公”经费支出'])
            fr += ['。']
        ctx.para(fr)
        ctx.claim(type='sum', total=At2[0], items=items, tag='sangong')
        # details
        a1 = ctx.amt('s8.d.abroad', sg['abroad'], 'sg.abroad')
        fr = ['1.因公出国（境）费支出', a1, '，全年因公出国（境）团组', str(cn_['abroad_groups']), '个，累计',
              str(cn_['abroad_people']), '人次。']
        if sg['abroad'] or sp['abroad']:
            fr += ctx.change('s8.c1', a1[0], sg['abroad'], sp['abroad']) + ['。']
        else:
            fr += [ctx.pick('本年度无此项支出。', '与上年一致，均未发生此项支出。')]
        ctx.para(fr)
        a2 = ctx.amt('s8.d.car', sg['car'], 'sg.car')
        b1 = ctx.amt('s8.d.car_buy', sg['car_buy'], 'sg.car_buy')
        b2 = ctx.amt('s8.d.car_run', sg['car_run'], 'sg.car_run')
        fr = ['2.公务用车购置及运行维护费支出', a2, '。其中：（1）公务用车购置支出', b1, '，本年度使用财政拨款购置公务用车',
              str(cn_['car_bought']), '辆']
        if sg['car_buy'] or sp['car_buy']:
            fr += ['，'] + ctx.change('s8.c2', b1[0], sg['car_buy'], sp['car_buy'])
        fr += ['；（2）公务用车运行维护费支出', b2, '，主要用于按规定保留的公务用车的燃料费、维修费、过桥过路费、保险费等支出。截至',
               ctx.yslot('s8.y', Y), '年12月31日，使用财政拨款开支的公务用车保有量为', ctx.cnt('s8.stock', cn_['car_stock']), '辆']
        if sg['car_run'] or sp['car_run']:
            fr += ['。公务用车运行维护费'] + ctx.change('s8.c3', b2[0], sg['car_run'], sp['car_run'])
            up = sg['car_run'] > sp['car_run']
            fr += ['，主要原因是', ctx.word('s8.r3', 'reason', ctx.rng.choice(REASONS_SG_UP[:1] if up else REASONS_SG_DOWN[2:]))]
        fr += ['。']
        ctx.para(fr)
        ctx.claim(type='sum', total=a2[0], items=[b1[0], b2[0]], tag='sangong_car')
        a3 = ctx.amt('s8.d.recv', sg['recv'], 'sg.recv')
        d1 = ctx.amt('s8.d.recv_dom', sg['recv_dom'], 'sg.recv_dom')
        d2 = ctx.amt('s8.d.recv_for', sg['recv_for'], 'sg.recv_for')
        fr = ['3.公务接待费支出', a3, '。其中：国内公务接待支出', d1, '，接待', str(cn_['recv_batches']), '批次，',
              str(cn_['recv_people']), '人次；国（境）外公务接待支出', d2, '，接待0批次，0人次。']
        if sg['recv'] or sp['recv']:
            fr += ctx.change('s8.c4', a3[0], sg['recv'], sp['recv'])
            up = sg['recv'] > sp['recv']
            fr += ['，主要原因是', ctx.word('s8.r4', 'reason', ctx.rng.choice(REASONS_SG_UP[1:2] if up else REASONS_SG_DOWN[:2])), '。']
        ctx.para(fr)
        ctx.claim(type='sum', total=a3[0], items=[d1[0], d2[0]], tag='sangong_recv')
    i += 1
    # 九 政府性基金
    if ctx.begin('s.gf', 2, h2(ctx, i, '政府性基金预算财政拨款收入支出决算情况说明'), alt=h2(ctx, i, '政府性基金预算支出预算情况说明'),
                 required=['政府性基金']):
        if F['gf_code']:
            d = F['func'][F['gf_code']]
            b = ctx.amt('s9.b', d['beg_gf'], 'fin.begin.gf')
            iv = ctx.amt('s9.i', d['inc_gf'], 'inc.gf')
            e = ctx.amt('s9.e', F['gf_amt'], 'gf.exp')
            n = ctx.amt('s9.n', d['end_gf'], 'fin.end.gf')
            fr = ['%d年度政府性基金预算财政拨款年初结转和结余' % Y, b, '，本年收入', iv, '，本年支出', e, '，年末结转和结余', n, '。']
            ctx.claim(type='balance', begin=b[0], inc=iv[0], exp=e[0], end=n[0])
            if F['prior']['gf_amt'] or F['gf_amt']:
                fr += ['本年支出'] + ctx.change('s9.c', e[0], F['gf_amt'], F['prior']['gf_amt']) + ['，主要用于', F['gf_proj_name'], '。']
            ctx.para(fr)
        else:
            ctx.para(S, '%d年度没有政府性基金预算财政拨款收入，也没有使用政府性基金预算财政拨款安排的支出，故《政府性基金预算财政拨款收入支出决算表》以空表列示。' % Y)
    i += 1
    if ctx.begin('s.soe', 2, h2(ctx, i, '国有资本经营预算财政拨款支出决算情况说明'), alt=h2(ctx, i, '国有资本经营预算支出预算情况说明'),
                 required=['国有资本经营']):
        ctx.para(S, '%d年度没有国有资本经营预算财政拨款收入，也没有使用国有资本经营预算财政拨款安排的支出，故《国有资本经营预算财政拨款支出决算表》以空表列示。' % Y)
    i += 1
    other_sections(ctx, i)


def other_sections(ctx, i):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    S = subj(ctx)
    fin = ctx.final
    top = o['other_style'] == 'top'
    j = [0]

    def sub(secid, text, alt, req):
        if top:
            r = ctx.begin(secid, 2, h2(ctx, i + j[0], text), alt=h2(ctx, i + j[0], alt), required=req)
        else:
            r = ctx.begin(secid, 3, h3(ctx, j[0], text), alt=h3(ctx, j[0], alt), required=req)
        j[0] += 1
        return r
    if not top:
        ctx.begin('s.other', 2, h2(ctx, i, '其他重要事项的情况说明'))
    word = '支出' if fin else '预算'
    # 机关运行经费
    if sub('s.jg', '机关运行经费支出情况' if fin else '机关运行经费安排情况', '机关运行经费安排情况' if fin else '机关运行经费支出情况',
           ['机关运行经费']):
        J = ctx.amt('o.jg', F['jiguan'], 'jiguan')
        if F['jiguan']:
            up = F['jiguan'] > F['jiguan_prior']
            ctx.para(S, '%d年度机关运行经费%s' % (Y, '支出' if fin else '预算'), J, '，',
                     ctx.change('o.jg.c', J[0], F['jiguan'], F['jiguan_prior'], budget_prior=not fin),
                     '。主要原因是', ctx.reason('o.jg.r', up), '。',
                     ctx.pick('', '机关运行经费主要用于办公及印刷费、邮电费、差旅费、会议费、日常维修费、公务用车运行维护费等。'))
        else:
            ctx.para(S, '所属单位均为事业单位，%d年度机关运行经费%s' % (Y, '支出' if fin else '预算'), J, '。')
        ctx.claim(type='le', small=J[0], big_key='public', big_text=ctx.fmt_text_amt(F['public'], ctx.xu), tag='jiguan')
    # 政府采购
    if sub('s.proc', '政府采购支出情况' if fin else '政府采购预算情况', '政府采购预算情况' if fin else '政府采购支出情况', ['政府采购']):
        pc = F['proc']
        T = ctx.amt('o.pt', pc['total'], 'proc.total')
        g = ctx.amt('o.pg', pc['goods'], 'proc.goods')
        w = ctx.amt('o.pw', pc['works'], 'proc.works')
        s = ctx.amt('o.ps', pc['services'], 'proc.services')
        if fin:
            fr = [S, '%d年度政府采购支出总额' % Y, T, '，其中：政府采购货物支出', g, '、政府采购工程支出', w, '、政府采购服务支出', s, '。']
            m = ctx.amt('o.pm', pc['sme'], 'proc.sme')
            pm = ctx.pct('o.pmp', pc['sme'], pc['total'])
            n = ctx.amt('o.pn', pc['small'], 'proc.small')
            if o['small_base'] == 'total':
                pn = ctx.pct('o.pnp', pc['small'], pc['total'])
                nbase, nbase_word = T[0], '占政府采购支出总额的'
            else:
                pn = ctx.pct('o.pnp', pc['small'], pc['sme'])
                nbase, nbase_word = m[0], '占授予中小企业合同金额的'
            fr += ['授予中小企业合同金额', m, '，占政府采购支出总额的', pm, '，其中：授予小微企业合同金额', n, '，', nbase_word, pn, '。']
            ctx.claim(type='share', part=m[0], base=T[0], pct=pm[0])
            ctx.claim(type='share', part=n[0], base=nbase, pct=pn[0])
            ctx.claim(type='le', small=m[0], big=T[0], tag='sme')
            ctx.claim(type='le', small=n[0], big=m[0], tag='small')
        else:
            fr = [S, '%d年度政府采购预算总额' % Y, T, '，其中：政府采购货物预算', g, '、政府采购工程预算', w, '、政府采购服务预算', s, '。']
        ctx.para(fr)
        ctx.claim(type='sum', total=T[0], items=[g[0], w[0], s[0]], tag='proc')
    # 国有资产
    if sub('s.asset', '国有资产占用情况', '国有资产占有使用情况', ['国有资产']):
        veh = F['veh']
        yy = Y if fin else Y - 1
        V = ctx.cnt('o.vt', F['veh_total'], key='veh.total')
        fr = ['截至', ctx.yslot('o.vy', yy), '年12月31日，', S, '共有车辆', V, '辆，其中：']
        its = []
        ks = list(veh.items())
        for jj, (k, v) in enumerate(ks):
            c = ctx.cnt('o.v%d' % jj, v, key='veh.' + k)
            its.append(c)
            fr += [k, c, '辆', '、' if jj < len(ks) - 1 else '；']
        fr += ['单价50万元（含）以上通用设备', ctx.cnt('o.e50', F['equip50'], key='equip50'), '台（套），单价100万元（含）以上专用设备',
               ctx.cnt('o.e100', F['equip100'], key='equip100'), '台（套）。']
        ctx.para(fr)
        ctx.claim(type='count_sum', total=V, items=its, tag='veh')
        if fin and o['asset_totals']:
            a = F['assets']
            At = ctx.amt('o.at', a['total'], 'asset.total')
            fr = ['截至%d年12月31日，' % Y, S, '资产总额', At, '，其中：']
            names = [('cur', '流动资产'), ('fixed', '固定资产'), ('invest', '对外投资'), ('cip', '在建工程'), ('intang', '无形资产'), ('other', '其他资产')]
            ss = []
            for jj, (k, nm) in enumerate(names):
                x = ctx.amt('o.a.' + k, a[k], 'asset.' + k)
                ss.append(x[0])
                fr += [nm, x, '，' if jj < len(names) - 1 else '。']
            ctx.para(fr)
            ctx.claim(type='sum', total=At[0], items=ss, tag='assets')
    # 绩效
    if sub('s.perf', '预算绩效情况说明' if fin else '绩效目标设置情况', '绩效目标设置情况' if fin else '预算绩效情况说明', ['绩效']):
        projs = F['projects']
        N = ctx.cnt('o.pn', len(projs), key='perf.n')
        X = ctx.amt('o.px', F['gpb_proj'], 'gpb.proj')
        names = [p['name'] for p in projs]
        if fin:
            p100 = ctx.pct('o.pp', F['gpb_proj'], F['gpb_proj'])
            ctx.para('根据预算绩效管理要求，', S, '组织对%d年度一般公共预算项目支出全面开展绩效自评，共涉及项目' % Y, N, '个，资金', X,
                     '，占一般公共预算项目支出总额的', p100, '。')
            ctx.claim(type='share', part=X[0], base_key='gpb.proj', base_text=ctx.fmt_text_amt(F['gpb_proj'], ctx.xu), pct=p100[0])
            N2 = ctx.cnt('o.pn2', len(projs), key='perf.n')
            ctx.para(S, '在%d年度部门决算中反映' % Y, '、'.join('“%s”' % x for x in names), '等', N2, '个项目的绩效自评结果。')
            ctx.claim(type='count_list', stated=N, listed=len(names), names=names)
            ctx.claim(type='count_list', stated=N2, listed=len(names), names=names)
            acts = []
            for k, p in enumerate(projs):
                sc = ctx.slot('o.sc%d' % k, 'score', fmt_dec(p['score'], 2, strip=True), unit='score', key='proj.%d.score' % k)
                ctx.occ('proj.%d.score' % k, sc, 'score', 'text')
                b = ctx.amt('o.pb%d' % k, p['badj'], 'proj.%d.badj' % k)
                a = ctx.amt('o.pa%d' % k, p['amt'], 'proj.%d.act' % k)
                acts.append(a[0])
                pc_ = ctx.pct('o.pc%d' % k, p['amt'], p['badj'], kind='completion')
                ctx.claim(type='completion', actual=a[0], budget=b[0], pct=pc_[0], zero_base=False)
                ctx.para('%d.%s项目自评综述：根据年初设定的绩效目标，项目自评得分' % (k + 1, p['name']), sc, '分。全年预算数为', b,
                         '，执行数为', a, '，完成预算的', pc_, '。项目绩效目标', ctx.pick('完成良好', '基本完成', '全部完成'), '。')
            ctx.claim(type='sum', total=X[0], items=acts, tag='perf_amt')
            if o['dept_perf']:
                sc = ctx.slot('o.dsc', 'score', fmt_dec(F['dept_score'], 2, strip=True), unit='score', key='dept.score')
                ctx.para(S, '同步开展部门整体支出绩效自评，自评得分', sc, '分，评价等级为“', '优' if F['dept_score'] >= 90 else '良', '”。')
        else:
            p100 = ctx.pct('o.pp', F['gpb_proj'], F['gpb_proj'])
            ctx.para('按照预算绩效管理要求，', S, '%d年共' % Y, N, '个项目实行绩效目标管理，涉及一般公共预算项目支出', X,
                     '，占一般公共预算项目支出预算总额的', p100, '。具体包括：', '、'.join(names), '。')
            ctx.claim(type='share', part=X[0], base_key='gpb.proj', base_text=ctx.fmt_text_amt(F['gpb_proj'], ctx.xu), pct=p100[0])
            ctx.claim(type='count_list', stated=N, listed=len(names), names=names)
            if o['perf_table']:
                ctx.para('部门整体支出绩效目标详见附件《部门整体支出绩效目标表》。')


def lei_rows_all(ctx, values):
    """expenditure rows by 类 for summary tables: values: dict lei->fen (one or more columns: list)"""
    rows = []
    std = STD_LEI if ctx.o['full_lei'] else [(c, n) for c, n in STD_LEI if any(values.get(c, [0]))]
    for j, (c, n) in enumerate(std):
        rows.append((c, cn(j) + '、' + n, values.get(c)))
    return rows


def final_tables(ctx, pi):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    ctx.begin('p.tables', 1, part_title(ctx, pi, '%d年度部门决算表' % Y), alt=part_title(ctx, pi, '%d年部门预算表' % Y))
    if o['tables_attach_note']:
        ctx.para('（详见附表）')
    func = F['func']
    unit = ctx.tu
    lanci = o['lanci']
    hang = o['hangci']
    tno = [0]

    def T(tid, title, alt):
        tno[0] += 1
        return tid, title, alt

    # ---- F1 收入支出决算总表
    lei_all = {}
    for c, d in func.items():
        v = d.get('gpb_b', 0) + d.get('gpb_p', 0) + d.get('gf_p', 0) + d.get('oth_b', 0) + d.get('oth_p', 0)
        lei_all[c[:3]] = lei_all.get(c[:3], 0) + v
    left = [('一、一般公共预算财政拨款收入', [F['inc_gpb']], ['inc.gpb'], 'item', 'i1'),
            ('二、政府性基金预算财政拨款收入', [F['inc_gf']], ['inc.gf'], 'item', 'i2'),
            ('三、国有资本经营预算财政拨款收入', [0], None, 'item', 'i3'),
            ('四、上级补助收入', [F['inc_upper']], ['inc.upper'], 'item', 'i4'),
            ('五、事业收入', [F['inc_biz']], ['inc.biz'], 'item', 'i5'),
            ('六、经营收入', [0], None, 'item', 'i6'),
            ('七、附属单位上缴收入', [0], None, 'item', 'i7'),
            ('八、其他收入', [F['inc_other']], ['inc.other'], 'item', 'i8'),
            ('本年收入合计', [F['inc_year']], ['inc.year'], 'tot', 'iy'),
            ('使用非财政拨款结余（含专用结余）', [F['use_bal']], ['inc.use_bal'], 'tot2', 'iu'),
            ('年初结转和结余', [F['carry_begin']], ['carry.begin'], 'tot2', 'ib'),
            ('总计', [F['inc_total']], ['inc.total'], 'tot', 'it')]
    right = [(c, n, (v or [0])) for c, n, v in lei_rows_all(ctx, {k: [v] for k, v in lei_all.items()})]
    right = [(n, v, ['lei.%s.all' % c] if v[0] else None, 'item', 'e' + c) for c, n, v in right]
    right += [('本年支出合计', [F['exp_year']], ['exp.year'], 'tot', 'ey'),
              ('结余分配', [F['bal_alloc']], ['exp.bal_alloc'], 'tot2', 'ea'),
              ('年末结转和结余', [F['carry_end']], ['carry.end'], 'tot2', 'ee'),
              ('总计', [F['exp_total']], ['exp.total'], 'tot', 'et')]
    tab, sl = side_table(ctx, 'F1', '收入支出决算总表', left, right, '收入', '支出', ['决算数' if o['f1_head'] else '金额'],
                         lanci=lanci, hangci=hang)
    tab.code_label = '公开01表'
    tab.title_slot = ctx.slot('F1.title', 'heading', '收入支出决算总表', alt='收支预算总表')
    sum_rel_cols(ctx, 'F1', sl, 'iy', ['i%d' % k for k in range(1, 9)])
    sum_rel_cols(ctx, 'F1', sl, 'it', ['iy', 'iu', 'ib'])
    sum_rel_cols(ctx, 'F1', sl, 'ey', [r[4] for r in right if r[3] == 'item'])
    sum_rel_cols(ctx, 'F1', sl, 'et', ['ey', 'ea', 'ee'])
    ctx.rel('eq', 'F1', sl['it'][0], [sl['et'][0]])
    ctx.table(tab, required=['收入支出决算总表'])
    # ---- F2 收入决算表
    allcodes = sorted(c for c, d in func.items() if any(d.get(k, 0) for k in ('inc_gpb', 'inc_gf', 'inc_oth', 'gpb_b', 'gpb_p', 'gf_p', 'oth_b', 'oth_p')))
    g = lambda fld: (lambda c: func[c].get(fld, 0))
    cols = [('tot', lambda c: func[c]['inc_gpb'] + func[c]['inc_gf'] + func[c]['inc_oth']),
            ('fin', lambda c: func[c]['inc_gpb'] + func[c]['inc_gf']),
            ('upper', g('inc_upper')), ('biz', g('inc_biz')), ('oper', lambda c: 0), ('affil', lambda c: 0), ('other', g('inc_other'))]
    keys2 = {'tot': 'inc.year', 'fin': 'inc.fiscal', 'upper': 'inc.upper', 'biz': 'inc.biz', 'other': 'inc.other'}
    tab = func_table(ctx, 'F2', '收入决算表', allcodes, cols,
                     [(None, ['本年收入合计']), (None, ['财政拨款收入']), (None, ['上级补助收入']), (None, ['事业收入']),
                      (None, ['经营收入']), (None, ['附属单位上缴收入']), (None, ['其他收入'])],
                     row_rels=[('tot', ['fin', 'upper', 'biz', 'oper', 'affil', 'other'])],
                     keyfn=lambda lv, c, ck: keys2.get(ck) if lv == 'total' else None, lanci=lanci)
    tab.code_label = '公开02表'
    tab.title_slot = ctx.slot('F2.title', 'heading', '收入决算表', alt='部门收入预算表')
    ctx.table(tab, required=['收入决算表'])
    # ---- F3 支出决算表
    def allx(c):
        d = func[c]
        return d.get('gpb_b', 0) + d.get('gpb_p', 0) + d.get('gf_p', 0) + d.get('oth_b', 0) + d.get('oth_p', 0)

    def kf3(lv, c, ck):
        if lv == 'total':
            return {'tot': 'exp.year', 'basic': 'exp.basic', 'proj': 'exp.proj'}.get(ck)
        if lv == 'lei' and ck == 'tot':
            return 'lei.%s.all' % c
        if lv == 'xiang' and ck == 'tot':
            ks = ['func.%s.all' % c]
            d = func[c]
            if allx(c) == d.get('gpb_b', 0) + d.get('gpb_p', 0):
                ks.append('func.%s.gpb' % c)
            return ks
        return None
    expcodes = sorted(c for c in func if allx(c))
    cols = [('tot', allx), ('basic', lambda c: func[c].get('gpb_b', 0) + func[c].get('oth_b', 0)),
            ('proj', lambda c: func[c].get('gpb_p', 0) + func[c].get('oth_p', 0) + func[c].get('gf_p', 0)),
            ('up', lambda c: 0), ('oper', lambda c: 0), ('sub', lambda c: 0)]
    tab = func_table(ctx, 'F3', '支出决算表', expcodes, cols,
                     [(None, ['本年支出合计']), (None, ['基本支出']), (None, ['项目支出']), (None, ['上缴上级支出']),
                      (None, ['经营支出']), (None, ['对附属单位补助支出'])],
                     row_rels=[('tot', ['basic', 'proj', 'up', 'oper', 'sub'])], keyfn=kf3, lanci=lanci)
    tab.code_label = '公开03表'
    tab.title_slot = ctx.slot('F3.title', 'heading', '支出决算表', alt='部门支出预算表')
    maybe_swap(ctx, tab)
    ctx.table(tab, required=['支出决算表'])
    # ---- F4 财政拨款收入支出决算总表
    lei_fin = {}
    for c, d in func.items():
        gp = d.get('gpb_b', 0) + d.get('gpb_p', 0)
        gfv = d.get('gf_p', 0)
        if gp or gfv:
            cur = lei_fin.setdefault(c[:3], [0, 0, 0, 0])
            cur[0] += gp + gfv
            cur[1] += gp
            cur[2] += gfv
    na = 4
    left = [('一、一般公共预算财政拨款', [F['inc_gpb'], None, None, None], ['inc.gpb'], 'item', 'i1'),
            ('二、政府性基金预算财政拨款', [F['inc_gf'], None, None, None], ['inc.gf'], 'item', 'i2'),
            ('三、国有资本经营预算财政拨款', [0, None, None, None], None, 'item', 'i3'),
            ('本年收入合计', [F['fin_inc_year'], None, None, None], ['fin.inc.year'], 'tot', 'iy'),
            ('年初财政拨款结转和结余', [F['fin_begin'], None, None, None], ['fin.begin'], 'tot2', 'ib'),
            ('其中：一般公共预算财政拨款', [F['fin_begin_gpb'], None, None, None], ['fin.begin.gpb'], 'tot3', 'ib1'),
            ('　　　政府性基金预算财政拨款', [F['fin_begin_gf'], None, None, None], ['fin.begin.gf'], 'tot3', 'ib2'),
            ('　　　国有资本经营预算财政拨款', [0, None, None, None], None, 'tot3', 'ib3'),
            ('收入总计', [F['fin_total'], None, None, None], ['fin.total'], 'tot', 'it')]
    rl = lei_rows_all(ctx, {k: v for k, v in lei_fin.items()})
    right = []
    for c, n, v in rl:
        v = v or [0, 0, 0, 0]
        right.append((n, v, ['lei.%s.fin' % c, 'lei.%s.gpb' % c if v[1] else None, None, None] if v[0] else None, 'item', 'e' + c))
    right += [('本年支出合计', [F['fin_exp_year'], F['gpb_exp'], F['gf_amt'], 0], ['fin.exp.year', 'gpb.exp', 'gf.exp', None], 'tot', 'ey'),
              ('年末财政拨款结转和结余', [F['fin_end'], F['fin_end_gpb'], F['fin_end_gf'], 0], ['fin.end', 'fin.end.gpb', 'fin.end.gf', None], 'tot2', 'ee'),
              ('支出总计', [F['fin_total'], F['gpb_exp'] + F['fin_end_gpb'], F['gf_amt'] + F['fin_end_gf'], 0], ['fin.total', None, None, None], 'tot', 'et')]
    tab, sl = fin_side_table(ctx, 'F4', '财政拨款收入支出决算总表', left, right, lanci, hang)
    tab.code_label = '公开04表'
    tab.title_slot = ctx.slot('F4.title', 'heading', '财政拨款收入支出决算总表', alt='财政拨款收支预算总表')
    ctx.table(tab, required=['财政拨款收入支出决算总表'])
    # ---- F5 一般公共预算财政拨款支出决算表
    gcodes = sorted(c for c, d in func.items() if d.get('gpb_b', 0) + d.get('gpb_p', 0) or d.get('b0') or d.get('badj'))
    gcodes = [c for c in gcodes if c != F['gf_code']]
    act = lambda c: func[c].get('gpb_b', 0) + func[c].get('gpb_p', 0)
    mode = o['final_budget_cols']

    def kf5(lv, c, ck):
        if lv == 'total':
            return {'tot': 'gpb.exp', 'basic': 'gpb.basic', 'proj': 'gpb.proj', 'b0': 'gpb.b0', 'badj': 'gpb.badj'}.get(ck)
        if lv == 'lei' and ck == 'tot':
            return 'lei.%s.gpb' % c
        if lv == 'xiang':
            if ck == 'tot':
                ks = ['func.%s.gpb' % c]
                if allx(c) == act(c):
                    ks.append('func.%s.all' % c)
                return ks
            if ck in ('b0', 'badj'):
                return 'func.%s.%s' % (c, ck)
        return None
    if mode == 'plain':
        cols = [('tot', act), ('basic', lambda c: func[c].get('gpb_b', 0)), ('proj', lambda c: func[c].get('gpb_p', 0))]
        groups = [('本年支出', ['合计', '基本支出', '项目支出'])] if o['two_level_head'] else [(None, ['合计']), (None, ['基本支出']), (None, ['项目支出'])]
        rr = [('tot', ['basic', 'proj'])]
    elif mode == 'b0adj':
        cols = [('b0', lambda c: func[c]['b0']), ('badj', lambda c: func[c]['badj']), ('tot', act)]
        groups = [(None, ['年初预算数']), (None, ['调整预算数']), (None, ['决算数'])]
        rr = []
    else:
        cols = [('b0', lambda c: func[c]['b0']), ('tot', act), ('basic', lambda c: func[c].get('gpb_b', 0)),
                ('proj', lambda c: func[c].get('gpb_p', 0))]
        groups = [(None, ['年初预算数']), ('决算数', ['合计', '基本支出', '项目支出'])]
        rr = [('tot', ['basic', 'proj'])]
    tab = func_table(ctx, 'F5', '一般公共预算财政拨款支出决算表', gcodes, cols, groups, row_rels=rr, keyfn=kf5, lanci=lanci)
    tab.code_label = '公开05表'
    tab.title_slot = ctx.slot('F5.title', 'heading', '一般公共预算财政拨款支出决算表', alt='一般公共预算支出预算表')
    maybe_swap(ctx, tab)
    ctx.table(tab, required=['一般公共预算财政拨款支出决算表'])
    # ---- F6 基本支出
    tab = econ_table(ctx, 'F6', '一般公共预算财政拨款基本支出决算明细表' if o['f6_detail'] else '一般公共预算财政拨款基本支出决算表', F['econ'])
    tab.code_label = '公开06表'
    tab.title_slot = ctx.slot('F6.title', 'heading', tab.title, alt='一般公共预算基本支出预算表')
    ctx.table(tab, required=['基本支出决算'])
    # ---- F7 政府性基金
    gfc = [F['gf_code']] if F['gf_code'] else []
    cols = [('beg', lambda c: func[c]['beg_gf']), ('inc', lambda c: func[c]['inc_gf']), ('exp', lambda c: func[c]['gf_p']),
            ('basic', lambda c: 0), ('proj', lambda c: func[c]['gf_p']), ('end', lambda c: func[c]['end_gf'])]
    groups = [(None, ['年初结转和结余']), (None, ['本年收入']), ('本年支出', ['小计', '基本支出', '项目支出']), (None, ['年末结转和结余'])]

    def kf7(lv, c, ck):
        if lv == 'total':
            return {'beg': 'fin.begin.gf', 'inc': 'inc.gf', 'exp': 'gf.exp', 'end': 'fin.end.gf'}.get(ck)
        return None
    tab = func_table(ctx, 'F7', '政府性基金预算财政拨款收入支出决算表', gfc, cols, groups, row_rels=[('exp', ['basic', 'proj'])], keyfn=kf7)
    tab.code_label = '公开07表'
    tab.title_slot = ctx.slot('F7.title', 'heading', tab.title, alt='政府性基金预算支出表')
    # balance relation per row: beg + inc - exp = end
    for r, cells in enumerate(tab.rows):
        ss = [c for c in cells if isinstance(c, Slot)]
        if len(ss) == 6:
            ctx.rels.append(dict(kind='balance', table='F7', target=ss[5].id, sources=[ss[0].id, ss[1].id, ss[2].id]))
    if not gfc:
        tab.notes.append('注：本部门%d年度无政府性基金预算财政拨款收入、支出及结转结余，故本表无数据。' % Y)
    ctx.table(tab, required=['政府性基金预算财政拨款'])
    # ---- F8 国有资本经营
    tab = func_table(ctx, 'F8', '国有资本经营预算财政拨款支出决算表', [], [('tot', lambda c: 0), ('basic', lambda c: 0), ('proj', lambda c: 0)],
                     [('本年支出', ['合计', '基本支出', '项目支出'])], row_rels=[('tot', ['basic', 'proj'])])
    tab.code_label = '公开08表'
    tab.title_slot = ctx.slot('F8.title', 'heading', tab.title, alt='国有资本经营预算支出表')
    tab.notes.append('注：本部门%d年度无国有资本经营预算财政拨款支出，故本表无数据。' % Y)
    ctx.table(tab, required=['国有资本经营预算财政拨款'])
    # ---- F9 三公
    tab = sangong_table(ctx, 'F9', '财政拨款“三公”经费支出决算表', [('预算数', F['sg_budget'], 'sgb'), ('决算数', F['sg'], 'sg')])
    tab.code_label = '公开09表'
    tab.title_slot = ctx.slot('F9.title', 'heading', tab.title, alt='一般公共预算“三公”经费支出预算表')
    ctx.table(tab, required=['“三公”经费支出决算表'])
    # ---- F10 info table (optional)
    if o['info_table']:
        ctx.table(info_table(ctx))
    if o['selfeval_table'] and F['projects']:
        ctx.table(selfeval_table(ctx))


def maybe_swap(ctx, tab):
    """cross-table defect: two sibling leaf rows exchanged (all amount cells)"""
    sw = ctx.ov.get('swap')
    if not sw or sw[0] != tab.id:
        return
    a, b = sw[1], sw[2]
    ia = ib = None
    for r, cells in enumerate(tab.rows):
        ss = [c for c in cells if isinstance(c, Slot)]
        if ss and ss[0].meta.get('row') == a:
            ia = r
        if ss and ss[0].meta.get('row') == b:
            ib = r
    if ia is None or ib is None:
        return
    ra = [c for c in tab.rows[ia] if isinstance(c, Slot)]
    rb = [c for c in tab.rows[ib] if isinstance(c, Slot)]
    for x, y in zip(ra, rb):
        x.orig, y.orig = x.text, y.text
        x.text, y.text = y.orig, x.orig
        x.meta['swapped'] = y.meta['swapped'] = True


def fin_side_table(ctx, tid, title, left, right, lanci, hang):
    """财政拨款收支总表: income side one amount column, expenditure side 4 columns"""
    layout = ctx.o['summary_layout']
    slots = {}
    heads = ['合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款']
    if layout == 'two':
        ncols = 2 + (1 if hang else 0) + 1 + (1 if hang else 0) + 4
        tab = Tab(tid, title, ctx.tu, ncols)
        lside = ['项目'] + (['行次'] if hang else []) + ['金额']
        rside = ['项目'] + (['行次'] if hang else []) + heads
        tab.header = [[('收入', len(lside), 1), ('支出', len(rside), 1)], [(x, 1, 1) for x in lside + rside]]
        if lanci:
            tab.add(['栏次'] + ([''] if hang else []) + ['1', '栏次'] + ([''] if hang else []) + ['2', '3', '4', '5'], 'colno', '栏次')
        lt = [x for x in left if not x[3].startswith('tot')]
        ltot = [x for x in left if x[3].startswith('tot')]
        rt = [x for x in right if not x[3].startswith('tot')]
        rtot = [x for x in right if x[3].startswith('tot')]
        # align: put left totals aligned with right totals at the bottom
        n_up = max(len(lt), len(rt))
        n_dn = max(len(ltot), len(rtot))
        L = lt + [None] * (n_up - len(lt)) + [None] * (n_dn - len(ltot)) + ltot
        R = rt + [None] * (n_up - len(rt)) + [None] * (n_dn - len(rtot)) + rtot
        no = [0, len([x for x in L if x])]

        def cells_of(item, side):
            w = 1 if side == 0 else 4
            if item is None:
                return [''] + ([''] if hang else []) + [''] * w
            lab, vals, keys, tag, rid = item
            no[side] += 1
            out = [lab] + ([str(no[side])] if hang else [])
            ss = []
            for j in range(w):
                v = vals[j]
                s = ctx.cell(tab, ('L' if side == 0 else 'R') + rid, 'a%d' % j, v or 0,
                             key=(keys[j] if keys and j < len(keys) else None), tag=tag)
                ss.append(s)
            slots[('L' if side == 0 else 'R') + rid] = ss
            return out + ss
        for a, b in zip(L, R):
            kind = 'total' if ((a and a[3].startswith('tot')) or (b and b[3].startswith('tot'))) else 'data'
            tab.add(cells_of(a, 0) + cells_of(b, 1), kind, (a[0] if a else '') + ' | ' + (b[0] if b else ''))
    else:
        ncols = 1 + (1 if hang else 0) + 4
        tab = Tab(tid, title, ctx.tu, ncols)
        tab.header = [[('项目', 1, 1)] + ([('行次', 1, 1)] if hang else []) + [(h, 1, 1) for h in heads]]
        no = 0
        for head, items, side in (('收入', left, 'L'), ('支出', right, 'R')):
            tab.add([head] + [''] * (ncols - 1), 'sec', head)
            for lab, vals, keys, tag, rid in items:
                no += 1
                ss = []
                for j in range(4):
                    v = vals[j] if side == 'R' or j == 0 else None
                    if side == 'L' and j > 0:
                        ss.append('')
                        continue
                    s = ctx.cell(tab, side + rid, 'a%d' % j, v or 0, key=(keys[j] if keys and j < len(keys) else None), tag=tag)
                    ss.append(s)
                slots[side + rid] = [x for x in ss if isinstance(x, Slot)]
                tab.add([lab] + ([str(no)] if hang else []) + ss, 'total' if tag.startswith('tot') else 'data', lab)
    # relations
    L = lambda r: slots.get('L' + r)
    R = lambda r: slots.get('R' + r)
    ctx.rel('sum', tid, L('iy')[0], [L('i1')[0], L('i2')[0], L('i3')[0]])
    ctx.rel('sum', tid, L('ib')[0], [L('ib1')[0], L('ib2')[0], L('ib3')[0]])
    ctx.rel('sum', tid, L('it')[0], [L('iy')[0], L('ib')[0]])
    item_ids = [r[4] for r in right if r[3] == 'item']
    for j in range(4):
        ctx.rel('sum', tid, R('ey')[j], [R(r)[j] for r in item_ids])
        ctx.rel('sum', tid, R('et')[j], [R('ey')[j], R('ee')[j]])
    for r in item_ids + ['ey', 'ee', 'et']:
        ctx.rel('rowsum', tid, R(r)[0], R(r)[1:])
    ctx.rel('eq', tid, L('it')[0], [R('et')[0]])
    return tab, slots


def sangong_table(ctx, tid, title, cols):
    """cols: list of (header, dict, keyprefix)"""
    o = ctx.o
    items = [('total', '合计'), ('abroad', '1.因公出国（境）费'), ('car', '2.公务用车购置及运行维护费'),
             ('car_buy', '　其中：（1）公务用车购置费'), ('car_run', '　　　　（2）公务用车运行维护费'), ('recv', '3.公务接待费')]
    if o['sg_recv_split']:
        items += [('recv_dom', '　其中：国内公务接待费'), ('recv_for', '　　　　国（境）外公务接待费')]
    if o['sg_layout'] == 'long':
        tab = Tab(tid, title, ctx.tu, 1 + len(cols))
        tab.header = [[('项目', 1, 1)] + [(h, 1, 1) for h, _, _ in cols]]
        S = {}
        rows = []
        for k, lab in items:
            cells = [lab]
            for j, (h, d, kp) in enumerate(cols):
                s = ctx.cell(tab, k, 'c%d' % j, d[k], key='%s.%s' % (kp, k), tag='total' if k in ('total', 'car', 'recv') else 'leaf')
                S[(k, j)] = s
                cells.append(s)
            rows.append((cells, 'total' if k == 'total' else 'data', lab.strip('　')))
        if o['total_pos'] == 'bottom':
            rows = rows[1:] + rows[:1]
        for c, kd, l in rows:
            tab.add(c, kd, l)
    else:
        heads = ['合计', '因公出国（境）费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费']
        keys = ['total', 'abroad', 'car', 'car_buy', 'car_run', 'recv']
        tab = Tab(tid, title, ctx.tu, 1 + 6)
        tab.wide = True
        tab.header = [[('项目', 1, 2), ('合计', 1, 2), ('因公出国（境）费', 1, 2), ('公务用车购置及运行维护费', 3, 1), ('公务接待费', 1, 2)],
                      [('小计', 1, 1), ('公务用车购置费', 1, 1), ('公务用车运行维护费', 1, 1)]]
        S = {}
        for j, (h, d, kp) in enumerate(cols):
            cells = [h]
            for k in keys:
                s = ctx.cell(tab, h, k, d[k], key='%s.%s' % (kp, k), tag='total' if k in ('total', 'car') else 'leaf')
                S[(k, j)] = s
                cells.append(s)
            tab.add(cells, 'data', h)
    for j in range(len(cols)):
        ctx.rel('sum', tid, S[('total', j)], [S[('abroad', j)], S[('car', j)], S[('recv', j)]])
        ctx.rel('sum', tid, S[('car', j)], [S[('car_buy', j)], S[('car_run', j)]])
        if ('recv_dom', j) in S:
            ctx.rel('sum', tid, S[('recv', j)], [S[('recv_dom', j)], S[('recv_for', j)]])
    return tab


def info_table(ctx):
    F = ctx.F
    tab = Tab('F10', '机构运行经费支出、国有资产占用情况及政府采购支出信息表', ctx.tu, 3)
    tab.header = [[('项目', 1, 1), ('计量单位', 1, 1), ('数量/金额', 1, 1)]]
    tab.title_slot = ctx.slot('F10.title', 'heading', tab.title, alt=tab.title)
    u = ctx.tu
    tab.add(['一、机构运行经费支出', u, ctx.cell(tab, 'jg', 'v', F['jiguan'], key='jiguan', tag='leaf')], 'data', '机构运行经费支出')
    tab.add(['二、国有资产占用情况', '', ''], 'sec', '国有资产占用情况')
    vt = ctx.ccell(tab, 'veh', 'v', F['veh_total'], key='veh.total', tag='total')
    tab.add(['车辆数合计', '辆', vt], 'total', '车辆数合计')
    its = []
    for j, (k, v) in enumerate(F['veh'].items()):
        c = ctx.ccell(tab, 'veh%d' % j, 'v', v, key='veh.' + k, tag='leaf')
        its.append(c)
        tab.add(['　其中：' + k if j == 0 else '　　　　' + k, '辆', c], 'data', k)
    ctx.rel('sum', 'F10', vt, its)
    tab.add(['单价100万元（含）以上专用设备', '台（套）', ctx.ccell(tab, 'e100', 'v', F['equip100'], key='equip100')], 'data', '单价100万元以上设备')
    tab.add(['三、政府采购支出', '', ''], 'sec', '政府采购支出')
    pc = F['proc']
    T = ctx.cell(tab, 'pt', 'v', pc['total'], key='proc.total', tag='total')
    tab.add(['政府采购支出总额', u, T], 'total', '政府采购支出总额')
    ss = []
    for k, nm in (('goods', '　其中：政府采购货物支出'), ('works', '　　　　政府采购工程支出'), ('services', '　　　　政府采购服务支出')):
        c = ctx.cell(tab, 'p' + k, 'v', pc[k], key='proc.' + k, tag='leaf')
        ss.append(c)
        tab.add([nm, u, c], 'data', nm.strip('　'))
    ctx.rel('sum', 'F10', T, ss)
    tab.add(['授予中小企业合同金额', u, ctx.cell(tab, 'psme', 'v', pc['sme'], key='proc.sme')], 'data', '授予中小企业合同金额')
    tab.add(['　其中：授予小微企业合同金额', u, ctx.cell(tab, 'psmall', 'v', pc['small'], key='proc.small')], 'data', '授予小微企业合同金额')
    return tab


def selfeval_table(ctx):
    F = ctx.F
    k = 0
    p = F['projects'][0]
    tab = Tab('F11', '项目支出绩效自评表（%d年度）' % ctx.Y, ctx.tu, 8)
    tab.title_slot = ctx.slot('F11.title', 'heading', tab.title, alt='项目支出绩效目标表')
    tab.header = [[('项目名称', 1, 1), (p['name'], 7, 1)]]
    tab.add(['主管部门', F['dept_name'], '', '', '实施单位', F['units'][p['unit']]['name'], '', ''], 'data', '主管部门')
    tab.add(['项目资金（%s）' % ctx.tu, '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], 'sec', '项目资金')
    rate_s = fmt_dec(pct_value(p['amt'], p['badj']), 2) + '%'
    # score components: 10 for execution, 90 for indicators
    total_score = p['score']
    exec_score = qd(D(10) * min(D(p['amt']) / D(p['badj']), D(1)), 2) if p['badj'] else D(0)
    ind_total = total_score - exec_score
    if ind_total < 0 or ind_total > 90:
        exec_score = D(10)
        ind_total = total_score - 10
    b0 = ctx.cell(tab, 'fund', 'b0', p['b0'], key='proj.0.b0')
    b1 = ctx.cell(tab, 'fund', 'badj', p['badj'], key='proj.0.badj')
    b2 = ctx.cell(tab, 'fund', 'act', p['amt'], key='proj.0.act')
    rs = ctx.slot('F11|fund|rate', 'rate', rate_s[:-1], unit='%')
    tab.add(['', '年度资金总额', b0, b1, b2, '10', rate_s, fmt_dec(exec_score, 2, strip=True)], 'data', '年度资金总额')
    tab.rows[-1][6] = rs
    tab.rows[-1][6] = Slot(rs.id, 'rate', rate_s, rs.meta)
    ctx.slots[rs.id] = tab.rows[-1][6]
    ctx.claim(type='completion', actual=b2, budget=b1, pct=ctx.slots[rs.id], zero_base=False, table=True)
    tab.add(['', '其中：当年财政拨款', ctx.cell(tab, 'fund2', 'b0', p['b0']), ctx.cell(tab, 'fund2', 'badj', p['badj']),
             ctx.cell(tab, 'fund2', 'act', p['amt']), '—', '', '—'], 'data', '当年财政拨款')
    tab.add(['', '上年结转资金', ctx.zero_txt(), ctx.zero_txt(), ctx.zero_txt(), '—', '', '—'], 'data', '上年结转资金')
    tab.add(['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'], 'sec', '绩效指标')
    inds = [('产出指标', '数量指标', '完成%s任务量' % p['name'][:4], '≥95%', None),
            ('产出指标', '质量指标', '验收合格率', '100%', None),
            ('产出指标', '时效指标', '资金支付及时率', '≥90%', None),
            ('产出指标', '成本指标', '成本控制在预算范围内', '≤%s' % fmt_dec(fen_to(ctx.tu, p['badj']), 2), None),
            ('效益指标', '社会效益指标', '服务对象覆盖面', '≥90%', None),
            ('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%', None)]
    weights = [20, 15, 10, 15, 15, 15]
    # distribute the indicator score: full marks except a shortfall on one indicator
    short = qd(D(90) - ind_total, 2)
    scs = [D(w) for w in weights]
    actual = ['98%', '100%', '95%', '≤预算', '93%', '95%']
    if short > 0:
        j = 0
        scs[j] = qd(D(weights[j]) - short, 2)
        actual[0] = '%d%%' % max(50, 95 - int(short) - 1)
    ws, ss = [], []
    for (l1, l2, l3, tgt, _), w, sc, av in zip(inds, weights, scs, actual):
        wsl = ctx.slot('F11|ind|w%s' % l3, 'score', str(w), unit='score')
        ssl = ctx.slot('F11|ind|s%s' % l3, 'score', fmt_dec(sc, 2, strip=True), unit='score')
        ws.append(wsl)
        ss.append(ssl)
        tab.add([l1, l2, l3, tgt, av, wsl, ssl, '' if sc == w else '部分任务受客观因素影响未全部完成，下一步加强进度管理'], 'data', l3)
        ctx.claim(type='le', small=ssl, big=wsl, tag='score')
    tot = ctx.slot('F11|total|score', 'score', fmt_dec(total_score, 2, strip=True), unit='score', key='proj.0.score')
    ctx.occ('proj.0.score', tot, 'score', 'table:F11')
    ex = ctx.slot('F11|fund|score', 'score', fmt_dec(exec_score, 2, strip=True), unit='score')
    tab.rows[2][7] = ex
    wx = ctx.slot('F11|fund|w', 'score', '10', unit='score')
    tab.rows[2][5] = wx
    tab.add(['总分', '', '', '', '', '100', tot, ''], 'total', '总分')
    ctx.claim(type='sum', total=tot, items=[ex] + ss, tag='score_total', exact=True)
    ctx.claim(type='weights', items=[wx] + ws, expected=100)
    return tab


# ----------------------------------------------------------------------------
# budget document
# ----------------------------------------------------------------------------
def build_budget(ctx):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    t = ctx.slot('title', 'heading', F['dept_name'] + '%d年部门预算' % Y, alt=F['dept_name'] + '%d年度部门决算' % Y)
    ctx.blocks.append(dict(t='title', frags=[t], sec=None))
    overview(ctx)
    order = ['text', 'tables'] if o['tables_pos'] == 'end' else ['tables', 'text']
    pi = 1
    for part in order:
        if part == 'text':
            budget_text(ctx, pi)
        else:
            if o['tables_newpage']:
                ctx.pagebreak()
            budget_tables(ctx, pi)
        pi += 1
    glossary(ctx, pi)
    contact(ctx, pi + 1)


def budget_text(ctx, pi):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    S = subj(ctx)
    pr = F['prior']
    func = F['func']
    ctx.begin('p2', 1, part_title(ctx, pi, '%d年部门预算情况说明' % Y), alt=part_title(ctx, pi, '%d年度部门决算情况说明' % Y))
    i = 0
    lei_all = {}
    for c, d in func.items():
        v = d.get('gpb_b', 0) + d.get('gpb_p', 0) + d.get('gf_p', 0) + d.get('oth_b', 0) + d.get('oth_p', 0)
        lei_all[c[:3]] = lei_all.get(c[:3], 0) + v
    if ctx.begin('s.total', 2, h2(ctx, i, '收支预算总体情况说明'), alt=h2(ctx, i, '收入支出决算总体情况说明'), required=['收支预算总体']):
        X = ctx.amt('b1.X', F['inc_total'], ['inc.total', 'exp.total'])
        incs = [('一般公共预算拨款收入', F['inc_gpb'], 'inc.gpb'), ('政府性基金预算拨款收入', F['inc_gf'], 'inc.gf'),
                ('事业收入', F['inc_biz'], 'inc.biz'), ('上级补助收入', F['inc_upper'], 'inc.upper'),
                ('其他收入', F['inc_other'], 'inc.other'), ('上年结转', F['carry_total'], 'carry.total')]
        incs = [x for x in incs if x[1] or x[2] in ('inc.gpb',)]
        fr = ['按照综合预算的原则，', S, '所有收入和支出均纳入部门预算管理。收入包括：']
        ss = []
        for j, (nm, v, k) in enumerate(incs):
            a = ctx.amt('b1.i.' + k, v, k)
            ss.append(a[0])
            fr += [nm, a, '、' if j < len(incs) - 1 else '；']
        fr += ['支出包括：']
        es = []
        if o['b_exp_side'] == 'func':
            lk = sorted(k for k, v in lei_all.items() if v)
            for j, l in enumerate(lk):
                a = ctx.amt('b1.e.' + l, lei_all[l], 'lei.%s.all' % l)
                es.append(a[0])
                fr += [LEI_NAMES[l], a, '、' if j < len(lk) - 1 else '。']
        else:
            a = ctx.amt('b1.e.b', F['exp_basic'], 'exp.basic')
            b = ctx.amt('b1.e.p', F['exp_proj'], 'exp.proj')
            es = [a[0], b[0]]
            fr += ['基本支出', a, '、项目支出', b, '。']
        ctx.para(fr)
        up = F['inc_total'] > pr['inc_total']
        ctx.para(S, '%d年收支总预算' % Y, X, '，', ctx.change('b1.c', X[0], F['inc_total'], pr['inc_total'], budget_prior=True, prior_key='p.inc.total'),
                 '。主要原因是', ctx.reason('b1.r', up), '。')
        ctx.claim(type='sum', total=X[0], items=ss, tag='b_inc')
        ctx.claim(type='sum', total=X[0], items=es, tag='b_exp')
    i += 1
    if ctx.begin('s.inc', 2, h2(ctx, i, '收入预算情况说明'), alt=h2(ctx, i, '收入决算情况说明'), required=['收入预算情况']):
        X = ctx.amt('b2.X', F['inc_total'], 'inc.total')
        items = [('上年结转', F['carry_total'], 'carry.total'), ('一般公共预算拨款收入', F['inc_gpb'], 'inc.gpb'),
                 ('政府性基金预算拨款收入', F['inc_gf'], 'inc.gf'), ('事业收入', F['inc_biz'], 'inc.biz'),
                 ('上级补助收入', F['inc_upper'], 'inc.upper'), ('其他收入', F['inc_other'], 'inc.other')]
        if o['list_zero_items'] == 'omit':
            items = [x for x in items if x[1]]
        fr = [S, '%d年收入预算' % Y, X, '，其中：']
        ss = []
        for j, (nm, v, k) in enumerate(items):
            a = ctx.amt('b2.' + k, v, k)
            p = ctx.pct('b2.%s.p' % k, v, F['inc_total'])
            ctx.claim(type='share', part=a[0], base=X[0], pct=p[0])
            ss.append(a[0])
            fr += [nm, a, '，占', p, '；' if j < len(items) - 1 else '。']
        ctx.para(fr)
        ctx.claim(type='sum', total=X[0], items=ss, tag='b_inc2')
    i += 1
    if ctx.begin('s.exp', 2, h2(ctx, i, '支出预算情况说明'), alt=h2(ctx, i, '支出决算情况说明'), required=['支出预算情况']):
        X = ctx.amt('b3.X', F['exp_total'], 'exp.total')
        a = ctx.amt('b3.b', F['exp_basic'], 'exp.basic')
        pa = ctx.pct('b3.bp', F['exp_basic'], F['exp_total'])
        b = ctx.amt('b3.p', F['exp_proj'], 'exp.proj')
        pb = ctx.pct('b3.pp', F['exp_proj'], F['exp_total'])
        ctx.para(S, '%d年支出预算' % Y, X, '，其中：基本支出', a, '，占', pa, '；项目支出', b, '，占', pb, '。')
        ctx.claim(type='share', part=a[0], base=X[0], pct=pa[0])
        ctx.claim(type='share', part=b[0], base=X[0], pct=pb[0])
        ctx.claim(type='sum', total=X[0], items=[a[0], b[0]], tag='b_exp2')
        units = F['units']
        if len(units) > 1:
            fr = [ctx.pick('分单位看，', '按预算单位划分，')]
            us = []
            for j, un in enumerate(units):
                x = ctx.amt('b3.u%d' % j, un['i_total'], 'unit.%d.total' % j)
                us.append(x[0])
                fr += [un['short'] if un['short'] != '本级' else ctx.pick('局本级', '本级', '机关本级'), '安排', x,
                       '，' if j < len(units) - 1 else '。']
            ctx.para(fr)
            ctx.claim(type='sum', total=X[0], items=us, tag='units_exp')
    i += 1
    if ctx.begin('s.fin', 2, h2(ctx, i, '财政拨款收支预算总体情况说明'), alt=h2(ctx, i, '财政拨款收入支出决算总体情况说明'),
                 required=['财政拨款收支预算总体']):
        X = ctx.amt('b4.X', F['fin_total'], 'fin.total')
        a = ctx.amt('b4.g', F['inc_gpb'], 'inc.gpb')
        fr = ['%d年财政拨款收支总预算' % Y, X, '。收入包括：一般公共预算拨款', a]
        ss = [a[0]]
        if F['inc_gf']:
            b = ctx.amt('b4.f', F['inc_gf'], 'inc.gf')
            fr += ['、政府性基金预算拨款', b]
            ss.append(b[0])
        fc = F['carry']['gpb'] + F['carry']['gf']
        if fc:
            c = ctx.amt('b4.c', fc, 'fin.carry')
            fr += ['、上年财政拨款结转', c]
            ss.append(c[0])
        fr += ['。']
        ctx.claim(type='sum', total=X[0], items=ss, tag='b_fin')
        up = F['fin_total'] > pr['fin_total']
        fr += ctx.change('b4.c', X[0], F['fin_total'], pr['fin_total'], budget_prior=True,
                         label_frags=['财政拨款收支总预算'] + ctx.cmp_label('b4.c', True))
        fr += ['，主要原因是', ctx.reason('b4.r', up), '。']
        ctx.para(fr)
    i += 1
    if ctx.begin('s.gpb', 2, h2(ctx, i, '一般公共预算支出预算情况说明'), alt=h2(ctx, i, '一般公共预算财政拨款支出决算情况说明'),
                 required=['一般公共预算支出']):
        ctx.head(3, 'h.b5.1', h3(ctx, 0, '一般公共预算支出规模变化情况'))
        G = ctx.amt('b5.G', F['gpb_exp'], 'gpb.exp')
        up = F['gpb_exp'] > pr['gpb_exp']
        ctx.para(S, '%d年一般公共预算支出' % Y, G, '，', ctx.change('b5.c', G[0], F['gpb_exp'], pr['gpb_exp'], budget_prior=True, prior_key='p.gpb.exp'),
                 '。主要原因是', ctx.reason('b5.r', up), '。')
        ctx.head(3, 'h.b5.2', h3(ctx, 1, '一般公共预算支出结构情况'))
        gcodes = [c for c, d in func.items() if d.get('gpb_b', 0) + d.get('gpb_p', 0)]
        tree = tree_of(gcodes)
        fr = ['%d年一般公共预算支出' % Y, G[0], G[1], '，主要用于以下方面：']
        ss = []
        for j, lei in enumerate(sorted(tree)):
            v = sum(func[c].get('gpb_b', 0) + func[c].get('gpb_p', 0) for k in tree[lei] for c in tree[lei][k])
            a = ctx.amt('b5.l%s' % lei, v, 'lei.%s.gpb' % lei)
            p = ctx.pct('b5.l%s.p' % lei, v, F['gpb_exp'])
            ctx.claim(type='share', part=a[0], base=G[0], pct=p[0])
            ss.append(a[0])
            fr += [LEI_NAMES[lei], '（类）', a, '，占', p, '；' if j < len(tree) - 1 else '。']
        ctx.para(fr)
        ctx.claim(type='sum', total=G[0], items=ss, tag='lei_gpb')
        ctx.head(3, 'h.b5.3', h3(ctx, 2, '一般公共预算支出具体情况'))
        for j, c in enumerate(sorted(gcodes)):
            d = func[c]
            v = d.get('gpb_b', 0) + d.get('gpb_p', 0)
            nm = '%s（类）%s（款）%s（项）' % (LEI_NAMES[c[:3]], KUAN_NAMES[c[:5]], xiang_name(F, c))
            a = ctx.amt('b5.x%s' % c, v, 'func.%s.gpb' % c)
            fr = ['%d.' % (j + 1), nm, a, '，']
            fr += ctx.change('b5.x%s.c' % c, a[0], v, d['prior'], budget_prior=True, prior_key='func.%s.prior' % c)
            if d['prior'] and v != d['prior']:
                fr += ['，主要原因是', ctx.reason('b5.x%s.r' % c, v > d['prior'], ctx.xproj(c), ctx.xkind(c))]
            fr += ['。']
            ctx.para(fr)
    i += 1
    if ctx.begin('s.basic', 2, h2(ctx, i, '一般公共预算基本支出预算情况说明'), alt=h2(ctx, i, '一般公共预算财政拨款基本支出决算情况说明'),
                 required=['基本支出预算']):
        basic_section(ctx, 'b6', S + '%d年一般公共预算基本支出' % Y, '预算')
    i += 1
    if ctx.begin('s.sg', 2, h2(ctx, i, '一般公共预算“三公”经费预算情况说明'), alt=h2(ctx, i, '财政拨款“三公”经费支出决算情况说明'),
                 required=['三公']):
        sg, sp = F['sg'], F['sg_prior']
        X = ctx.amt('b7.X', sg['total'], 'sg.total')
        fr = [S, '%d年一般公共预算“三公”经费预算' % Y, X, '，']
        fr += ctx.change('b7.c', X[0], sg['total'], sp['total'], budget_prior=True, prior_key='sgp.total')
        fr += ['。其中：']
        a = ctx.amt('b7.a', sg['abroad'], 'sg.abroad')
        fr += ['因公出国（境）费', a, '，'] + ctx.change('b7.ca', a[0], sg['abroad'], sp['abroad'], budget_prior=True, prior_key='sgp.abroad') + ['；']
        b = ctx.amt('b7.b', sg['car'], 'sg.car')
        b1 = ctx.amt('b7.b1', sg['car_buy'], 'sg.car_buy')
        b2 = ctx.amt('b7.b2', sg['car_run'], 'sg.car_run')
        fr += ['公务用车购置及运行维护费', b, '（其中：公务用车购置费', b1, '，公务用车运行维护费', b2, '），']
        fr += ctx.change('b7.cb', b[0], sg['car'], sp['car'], budget_prior=True, prior_key='sgp.car') + ['；']
        c = ctx.amt('b7.r', sg['recv'], 'sg.recv')
        fr += ['公务接待费', c, '，'] + ctx.change('b7.cr', c[0], sg['recv'], sp['recv'], budget_prior=True, prior_key='sgp.recv') + ['。']
        if sg['total'] != sp['total']:
            fr += ['“三公”经费预算', '减少' if sg['total'] < sp['total'] else '增加', '的主要原因是',
                   ctx.word('b7.rr', 'reason', ctx.rng.choice(REASONS_SG_DOWN if sg['total'] < sp['total'] else REASONS_SG_UP)), '。']
        ctx.para(fr)
        ctx.claim(type='sum', total=X[0], items=[a[0], b[0], c[0]], tag='sangong')
        ctx.claim(type='sum', total=b[0], items=[b1[0], b2[0]], tag='sangong_car')
    i += 1
    if ctx.begin('s.gf', 2, h2(ctx, i, '政府性基金预算支出情况说明'), alt=h2(ctx, i, '政府性基金预算财政拨款收入支出决算情况说明'),
                 required=['政府性基金']):
        if F['gf_code']:
            e = ctx.amt('b8.e', F['gf_amt'], 'gf.exp')
            ctx.para(S, '%d年政府性基金预算支出' % Y, e, '，', ctx.change('b8.c', e[0], F['gf_amt'], pr['gf_amt'], budget_prior=True),
                     '，主要用于', F['gf_proj_name'], '。')
        else:
            ctx.para(S, '%d年没有使用政府性基金预算拨款安排的支出，故《政府性基金预算支出表》为空表。' % Y)
    i += 1
    if ctx.begin('s.soe', 2, h2(ctx, i, '国有资本经营预算支出情况说明'), alt=h2(ctx, i, '国有资本经营预算财政拨款支出决算情况说明'),
                 required=['国有资本经营']):
        ctx.para(S, '%d年没有使用国有资本经营预算拨款安排的支出，故《国有资本经营预算支出表》为空表。' % Y)
    i += 1
    other_sections(ctx, i)


def budget_tables(ctx, pi):
    F, o, Y = ctx.F, ctx.o, ctx.Y
    pr = F['prior']
    func = F['func']
    ctx.begin('p.tables', 1, part_title(ctx, pi, '%d年部门预算表' % Y), alt=part_title(ctx, pi, '%d年度部门决算表' % Y))
    prior_cols = o['b_prior_cols']
    amount_heads = ['上年预算数', '本年预算数'] if prior_cols else ['预算数']
    sel = (lambda cur, pri: [pri, cur]) if prior_cols else (lambda cur, pri: [cur])
    kk = (lambda k: [('p.' + k) if k else None, k]) if prior_cols else (lambda k: [k])
    # ---- T1 收支总表
    left = [('一、一般公共预算拨款收入', sel(F['inc_gpb'], pr['inc_gpb']), kk('inc.gpb'), 'item', 'i1'),
            ('二、政府性基金预算拨款收入', sel(F['inc_gf'], pr['inc_gf']), kk('inc.gf'), 'item', 'i2'),
            ('三、国有资本经营预算拨款收入', sel(0, 0), None, 'item', 'i3'),
            ('四、财政专户管理资金收入', sel(0, 0), None, 'item', 'i4'),
            ('五、事业收入', sel(F['inc_biz'], pr['inc_biz']), kk('inc.biz'), 'item', 'i5'),
            ('六、上级补助收入', sel(F['inc_upper'], pr['inc_upper']), kk('inc.upper'), 'item', 'i6'),
            ('七、附属单位上缴收入', sel(0, 0), None, 'item', 'i7'),
            ('八、事业单位经营收入', sel(0, 0), None, 'item', 'i8'),
            ('九、其他收入', sel(F['inc_other'], pr['inc_other']), kk('inc.other'), 'item', 'i9'),
            ('本年收入合计', sel(F['inc_year'], pr['inc_year']), kk('inc.year'), 'tot', 'iy'),
            ('上年结转', sel(F['carry_total'], 0), kk('carry.total'), 'tot2', 'ic'),
            ('收入总计', sel(F['inc_total'], pr['inc_total']), kk('inc.total'), 'tot', 'it')]
    if o['b_exp_side'] == 'func':
        lei_all, lei_pr = {}, {}
        for c, d in func.items():
            v = d.get('gpb_b', 0) + d.get('gpb_p', 0) + d.get('gf_p', 0) + d.get('oth_b', 0) + d.get('oth_p', 0)
            lei_all[c[:3]] = lei_all.get(c[:3], 0) + v
            lei_pr[c[:3]] = lei_pr.get(c[:3], 0) + d.get('prior_all', 0)
        rl = lei_rows_all(ctx, {k: [v, lei_pr.get(k, 0)] for k, v in lei_all.items()})
        right = []
        for c, n, v in rl:
            cur, pri = (v or [0, 0])
            right.append((n, sel(cur, pri), kk('lei.%s.all' % c) if cur else None, 'item', 'e' + c))
    else:
        right = [('一、基本支出', sel(F['exp_basic'], pr['exp_basic']), kk('exp.basic'), 'item', 'eb'),
                 ('　　人员经费', sel(F['personnel'] + F['oth_basic'] if False else F['personnel'], 0) if False else None, None, 'skip', 'x'),
                 ('二、项目支出', sel(F['exp_proj'], pr['exp_proj']), kk('exp.proj'), 'item', 'ep')]
        right = [r for r in right if r[3] != 'skip']
    right += [('本年支出合计', sel(F['exp_year'], pr['exp_year']), kk('exp.year'), 'tot', 'ey'),
              ('结转下年', sel(0, 0), None, 'tot2', 'en'),
              ('支出总计', sel(F['exp_total'], pr['exp_total']), kk('exp.total'), 'tot', 'et')]
    tab, sl = side_table(ctx, 'T1', '部门收支总表' if o['b_t1_name'] else '收支预算总表', left, right, '收入', '支出', amount_heads)
    tab.code_label = '表1'
    tab.title_slot = ctx.slot('T1.title', 'heading', tab.title, alt='收入支出决算总表')
    sum_rel_cols(ctx, 'T1', sl, 'iy', ['i%d' % k for k in range(1, 10)])
    sum_rel_cols(ctx, 'T1', sl, 'it', ['iy', 'ic'])
    sum_rel_cols(ctx, 'T1', sl, 'ey', [r[4] for r in right if r[3] == 'item'])
    sum_rel_cols(ctx, 'T1', sl, 'et', ['ey', 'en'])
    for j in range(len(amount_heads)):
        ctx.rel('eq', 'T1', sl['it'][j], [sl['et'][j]])
    ctx.table(tab, required=['收支总表' if o['b_t1_name'] else '收支预算总表'])
    # ---- T2 收入总表 (by unit)
    units = F['units']
    tab = Tab('T2', '部门收入总表', ctx.tu, 2 + 7)
    tab.header = [[('单位编码', 1, 2), ('单位名称', 1, 2), ('合计', 1, 2), ('上年结转', 1, 2), ('本年收入', 5, 1)],
                  [('一般公共预算拨款', 1, 1), ('政府性基金预算拨款', 1, 1), ('事业收入', 1, 1), ('上级补助收入', 1, 1), ('其他收入', 1, 1)]]
    tab.title_slot = ctx.slot('T2.title', 'heading', tab.title, alt='收入决算表')
    colsum = {k: [] for k in ('tot', 'car', 'gpb', 'gf', 'biz', 'up', 'oth')}
    rows = []
    for ui, un in enumerate(units):
        by = dict(un.get('oth_by', {}))
        if F['carry']['oth'] and ui == F.get('oth_unit'):
            by[F['oth_src'][0]] -= F['carry']['oth']
        vals = dict(tot=un['i_total'], car=un['i_carry'], gpb=un['i_gpb'], gf=un['i_gf'], biz=by.get('biz', 0),
                    up=by.get('upper', 0), oth=by.get('other', 0))
        assert vals['tot'] == sum(vals[k] for k in ('car', 'gpb', 'gf', 'biz', 'up', 'oth')), (vals, un)
        code = '%03d%03d' % (o['unit_code_base'], ui + 1)
        cells = [code, un['name']]
        ss = {}
        for k in ('tot', 'car', 'gpb', 'gf', 'biz', 'up', 'oth'):
            s = ctx.cell(tab, 'u%d' % ui, k, vals[k], key=('unit.%d.total' % ui) if k == 'tot' else None, tag='leaf')
            ss[k] = s
            colsum[k].append(s)
            cells.append(s)
        ctx.rel('rowsum', 'T2', ss['tot'], [ss[k] for k in ('car', 'gpb', 'gf', 'biz', 'up', 'oth')])
        rows.append((cells, 'data', un['name']))
    biz_t = sum(u['i_oth'] for u in units if F['oth_src'] and F['oth_src'][0] == 'biz' and not u['admin_like'])
    tot_vals = dict(tot=F['inc_total'], car=F['carry_total'], gpb=F['inc_gpb'], gf=F['inc_gf'])
    tcells = ['', '合计']
    ts = {}
    for k in ('tot', 'car', 'gpb', 'gf', 'biz', 'up', 'oth'):
        v = sum(ctx.slots[s.id].meta['fen'] for s in colsum[k])
        s = ctx.cell(tab, 'total', k, v, key={'tot': 'inc.total', 'car': 'carry.total', 'gpb': 'inc.gpb', 'gf': 'inc.gf', 'biz': 'inc.biz',
                                                      'up': 'inc.upper', 'oth': 'inc.other'}.get(k), tag='total')
        ctx.rel('sum', 'T2', s, colsum[k])
        ts[k] = s
        tcells.append(s)
    ctx.rel('rowsum', 'T2', ts['tot'], [ts[k] for k in ('car', 'gpb', 'gf', 'biz', 'up', 'oth')])
    if o['total_pos'] == 'top':
        rows.insert(0, (tcells, 'total', '合计'))
    else:
        rows.append((tcells, 'total', '合计'))
    for c, k, l in rows:
        tab.add(c, k, l)
    tab.code_label = '表2'
    ctx.table(tab, required=['收入总表'])
    # ---- T3 支出总表
    def allx(c):
        d = func[c]
        return d.get('gpb_b', 0) + d.get('gpb_p', 0) + d.get('gf_p', 0) + d.get('oth_b', 0) + d.get('oth_p', 0)
    expcodes = sorted(c for c in func if allx(c))

    def kf3(lv, c, ck):
        if lv == 'total':
            return {'tot': 'exp.year', 'basic': 'exp.basic', 'proj': 'exp.proj'}.get(ck)
        if lv == 'lei' and ck == 'tot':
            return 'lei.%s.all' % c
        if lv == 'xiang' and ck == 'tot':
            ks = ['func.%s.all' % c]
            if allx(c) == func[c].get('gpb_b', 0) + func[c].get('gpb_p', 0):
                ks.append('func.%s.gpb' % c)
            return ks
        return None
    cols = [('tot', allx), ('basic', lambda c: func[c].get('gpb_b', 0) + func[c].get('oth_b', 0)),
            ('proj', lambda c: func[c].get('gpb_p', 0) + func[c].get('oth_p', 0) + func[c].get('gf_p', 0))]
    tab = func_table(ctx, 'T3', '部门支出总表', expcodes, cols, [(None, ['合计']), (None, ['基本支出']), (None, ['项目支出'])],
                     row_rels=[('tot', ['basic', 'proj'])], keyfn=kf3)
    tab.code_label = '表3'
    tab.title_slot = ctx.slot('T3.title', 'heading', tab.title, alt='支出决算表')
    maybe_swap(ctx, tab)
    ctx.table(tab, required=['支出总表'])
    # ---- T4 财政拨款收支总表
    lei_fin = {}
    for c, d in func.items():
        gp = d.get('gpb_b', 0) + d.get('gpb_p', 0)
        gfv = d.get('gf_p', 0)
        if gp or gfv:
            cur = lei_fin.setdefault(c[:3], [0, 0, 0, 0])
            cur[0] += gp + gfv
            cur[1] += gp
            cur[2] += gfv
    fc = F['carry']['gpb'] + F['carry']['gf']
    left = [('一、一般公共预算拨款', [F['inc_gpb']], ['inc.gpb'], 'item', 'i1'),
            ('二、政府性基金预算拨款', [F['inc_gf']], ['inc.gf'], 'item', 'i2'),
            ('三、国有资本经营预算拨款', [0], None, 'item', 'i3'),
            ('本年收入合计', [F['fin_inc_year']], ['fin.inc.year'], 'tot', 'iy'),
            ('上年财政拨款结转', [fc], ['fin.carry'], 'tot2', 'ib'),
            ('其中：一般公共预算拨款', [F['carry']['gpb']], None, 'tot3', 'ib1'),
            ('　　　政府性基金预算拨款', [F['carry']['gf']], None, 'tot3', 'ib2'),
            ('　　　国有资本经营预算拨款', [0], None, 'tot3', 'ib3'),
            ('收入总计', [F['fin_total']], ['fin.total'], 'tot', 'it')]
    left = [(a, b + [None, None, None], c, d, e) for a, b, c, d, e in left]
    rl = lei_rows_all(ctx, lei_fin)
    right = []
    for c, n, v in rl:
        v = v or [0, 0, 0, 0]
        right.append((n, v, ['lei.%s.fin' % c, 'lei.%s.gpb' % c if v[1] else None, None, None] if v[0] else None, 'item', 'e' + c))
    right += [('本年支出合计', [F['gpb_exp'] + F['gf_amt'], F['gpb_exp'], F['gf_amt'], 0], ['fin.exp.year', 'gpb.exp', 'gf.exp', None], 'tot', 'ey'),
              ('结转下年', [0, 0, 0, 0], None, 'tot2', 'ee'),
              ('支出总计', [F['fin_total'], F['gpb_exp'], F['gf_amt'], 0], ['fin.total', None, None, None], 'tot', 'et')]
    tab, sl = fin_side_table(ctx, 'T4', '财政拨款收支总表', left, right, False, False)
    tab.code_label = '表4'
    tab.title_slot = ctx.slot('T4.title', 'heading', tab.title, alt='财政拨款收入支出决算总表')
    ctx.table(tab, required=['财政拨款收支总表'])
    # ---- T5 一般公共预算支出表
    gcodes = sorted(c for c, d in func.items() if d.get('gpb_b', 0) + d.get('gpb_p', 0) or d.get('prior'))
    gv = lambda c: func[c].get('gpb_b', 0) + func[c].get('gpb_p', 0)

    def kf5(lv, c, ck):
        if lv == 'total':
            return {'tot': 'gpb.exp', 'basic': 'gpb.basic', 'proj': 'gpb.proj', 'prior': 'p.gpb.exp'}.get(ck)
        if lv == 'lei' and ck == 'tot':
            return 'lei.%s.gpb' % c
        if lv == 'xiang' and ck == 'tot':
            ks = ['func.%s.gpb' % c]
            if allx(c) == gv(c):
                ks.append('func.%s.all' % c)
            return ks
        if lv == 'xiang' and ck == 'prior':
            return 'func.%s.prior' % c
        return None
    cols = [('tot', gv), ('basic', lambda c: func[c].get('gpb_b', 0)), ('proj', lambda c: func[c].get('gpb_p', 0))]
    groups = [(None, ['合计']), (None, ['基本支出']), (None, ['项目支出'])]
    if prior_cols:
        cols = [('prior', lambda c: func[c].get('prior', 0))] + cols
        groups = [(None, ['上年预算数']), ('本年预算数', ['合计', '基本支出', '项目支出'])]
    tab = func_table(ctx, 'T5', '一般公共预算支出表', gcodes, cols, groups, row_rels=[('tot', ['basic', 'proj'])], keyfn=kf5)
    tab.code_label = '表5'
    tab.title_slot = ctx.slot('T5.title', 'heading', tab.title, alt='一般公共预算财政拨款支出决算表')
    maybe_swap(ctx, tab)
    ctx.table(tab, required=['一般公共预算支出表'])
    # ---- T6 基本支出
    tab = econ_table(ctx, 'T6', '一般公共预算基本支出表', F['econ'])
    tab.code_label = '表6'
    tab.title_slot = ctx.slot('T6.title', 'heading', tab.title, alt='一般公共预算财政拨款基本支出决算表')
    ctx.table(tab, required=['基本支出表'])
    # ---- T7 三公
    cols = [('上年预算数', F['sg_prior'], 'sgp'), ('本年预算数', F['sg'], 'sg')] if prior_cols else [('%d年预算数' % Y, F['sg'], 'sg')]
    tab = sangong_table(ctx, 'T7', '一般公共预算“三公”经费支出表', cols)
    tab.code_label = '表7'
    tab.title_slot = ctx.slot('T7.title', 'heading', tab.title, alt='财政拨款“三公”经费支出决算表')
    ctx.table(tab, required=['“三公”经费支出表'])
    # ---- T8 政府性基金
    gfc = [F['gf_code']] if F['gf_code'] else []
    tab = func_table(ctx, 'T8', '政府性基金预算支出表', gfc,
                     [('tot', lambda c: func[c]['gf_p']), ('basic', lambda c: 0), ('proj', lambda c: func[c]['gf_p'])],
                     [(None, ['合计']), (None, ['基本支出']), (None, ['项目支出'])], row_rels=[('tot', ['basic', 'proj'])],
                     keyfn=lambda lv, c, ck: 'gf.exp' if (lv == 'total' and ck == 'tot') else None)
    tab.code_label = '表8'
    tab.title_slot = ctx.slot('T8.title', 'heading', tab.title, alt='政府性基金预算财政拨款收入支出决算表')
    if not gfc:
        tab.notes.append('注：本部门%d年没有使用政府性基金预算拨款安排的支出，故本表无数据。' % Y)
    ctx.table(tab, required=['政府性基金预算支出表'])
    tab = func_table(ctx, 'T9', '国有资本经营预算支出表', [],
                     [('tot', lambda c: 0), ('basic', lambda c: 0), ('proj', lambda c: 0)],
                     [(None, ['合计']), (None, ['基本支出']), (None, ['项目支出'])], row_rels=[('tot', ['basic', 'proj'])])
    tab.code_label = '表9'
    tab.title_slot = ctx.slot('T9.title', 'heading', tab.title, alt='国有资本经营预算财政拨款支出决算表')
    tab.notes.append('注：本部门%d年没有使用国有资本经营预算拨款安排的支出，故本表无数据。' % Y)
    ctx.table(tab, required=['国有资本经营预算支出表'])
    if o['perf_table']:
        ctx.table(perf_target_table(ctx), required=['部门整体支出绩效目标表'])


def perf_target_table(ctx):
    F, Y = ctx.F, ctx.Y
    tab = Tab('T10', '部门整体支出绩效目标表（%d年度）' % Y, ctx.tu, 6)
    tab.title_slot = ctx.slot('T10.title', 'heading', tab.title, alt='部门整体支出绩效自评表')
    tab.header = [[('部门（单位）名称', 1, 1), (F['dept_name'], 5, 1)]]
    tab.add(['年度履职目标', '；'.join(F['dept']['duties'][:3]) + '。', '', '', '', ''], 'data', '年度履职目标')
    tab.add(['年度主要任务', '任务名称', '主要内容', '', '', ''], 'sec', '年度主要任务')
    for p in F['projects'][:3]:
        tab.add(['', p['name'], '按计划完成%s相关工作' % p['name'].replace('经费', ''), '', '', ''], 'data', p['name'])
    u = '（%s）' % ctx.tu
    fin_money = F['fin_total']
    oth_money = F['inc_total'] - fin_money
    T = ctx.cell(tab, 'perf', 'total', F['inc_total'], key='inc.total', tag='perf')
    a = ctx.cell(tab, 'perf', 'fin', fin_money, key='fin.total', tag='perf')
    b = ctx.cell(tab, 'perf', 'oth', oth_money, tag='perf')
    c = ctx.cell(tab, 'perf', 'basic', F['exp_basic'], key='exp.basic', tag='perf')
    d = ctx.cell(tab, 'perf', 'proj', F['exp_proj'], key='exp.proj', tag='perf')
    tab.add(['预算情况', '部门预算总额' + u, T, '', '', ''], 'total', '部门预算总额')
    tab.add(['', '1.资金来源：（1）财政性资金', a, '', '', ''], 'data', '财政性资金')
    tab.add(['', '　　　　　　（2）其他资金', b, '', '', ''], 'data', '其他资金')
    tab.add(['', '2.资金结构：（1）基本支出', c, '', '', ''], 'data', '基本支出')
    tab.add(['', '　　　　　　（2）项目支出', d, '', '', ''], 'data', '项目支出')
    ctx.rel('sum', 'T10', T, [a, b])
    ctx.rel('sum', 'T10', T, [c, d])
    tab.add(['一级指标', '二级指标', '三级指标', '指标值类型', '指标值', '度量单位'], 'sec', '绩效指标')
    for r in (('产出指标', '数量指标', '重点工作任务完成数', '≥', str(len(F['projects'])), '项'),
              ('产出指标', '质量指标', '重点工作完成合格率', '≥', '95', '%'),
              ('产出指标', '时效指标', '预算执行率', '≥', '90', '%'),
              ('效益指标', '社会效益指标', '服务对象覆盖率', '≥', '90', '%'),
              ('满意度指标', '服务对象满意度指标', '社会公众满意度', '≥', '90', '%')):
        tab.add(list(r), 'data', r[2])
    return tab


# ----------------------------------------------------------------------------
# options
# ----------------------------------------------------------------------------
FINAL_BAD = ['收支预算', '预算情况说明', '预算支出情况说明', '安排情况', '采购预算', '绩效目标设置', '预算表', '部门预算',
             '绩效目标表']
DEFECT_CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction',
                  'breakdown', 'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue',
                  'missing-part', 'zero-base', 'doc-type']


def needs_for(cls, doc_type):
    n = {}
    if cls == 'sangong-sum':
        n['sangong'] = True
    if cls == 'zero-base':
        n['zero_base'] = True
    if cls == 'count':
        n['vehicles'] = True
    return n


def choose_options(rng, doc_type, cls):
    tu = rng.choice(['万元', '万元', '元'])
    o = dict(
        dept_idx=rng.randrange(len(DEPTS)), level=rng.choice(['county', 'county', 'city']),
        n_sub=rng.choice([0, 0, 1, 1, 2, 3]), cents=rng.random() < 0.75,
        has_gf=rng.random() < 0.4, nonfiscal=rng.random() < 0.4,
        table_unit=tu, text_unit=rng.choice(['万元', '万元', '元']) if tu == '元' else '万元',
        tsep=rng.random() < (0.75 if tu == '元' else 0.45), text_sep=rng.random() < 0.3,
        zero_style=rng.choice(['0.00', 'blank', 'dash', 'emdash', 'zero']), text_zero=rng.choice(['0', '0.00']),
        num_space=rng.choice(['', '', ' ']), total_pos=rng.choice(['top', 'bottom']),
        code_style=rng.choice(['split', 'single', 'indent']), kuan_nolead=rng.random() < 0.3,
        indent=rng.choice(['　　', '  ']), summary_layout=rng.choice(['two', 'two', 'stack']),
        lanci=doc_type == 'final' and rng.random() < 0.5, hangci=doc_type == 'final' and rng.random() < 0.5,
        final_budget_cols=rng.choice(['plain', 'b0adj', 'b0split']), cmp_adj=rng.random() < 0.5,
        two_level_head=rng.random() < 0.5, f1_head=rng.random() < 0.5, f6_detail=rng.random() < 0.6,
        econ_layout=rng.choice(['list', 'list', 'side']),
        econ_zero_rows=rng.sample(['30103', '30106', '30199', '30202', '30205', '30214', '30215', '30239'], rng.randint(0, 4)),
        econ_text=rng.choice(['amounts', 'names']), h2_style=rng.choice(['cn', 'cn', 'arabic', 'dot']),
        parts=rng.random() < 0.8, subject_style=rng.choice(['this', 'name', 'mixed']),
        unit_count_word=rng.choice(['个', '家']), unit_table=rng.random() < 0.5,
        total_style=rng.choice(['full', 'brief']), list_zero_items=rng.choice(['all', 'omit']),
        pct_dec=rng.choice([2, 2, 2, 1]), pct_strip=rng.random() < 0.25,
        cmp_style=rng.choice(['year', 'plain']),
        w_up=rng.choice([('增加', '增长'), ('增加', '上升'), ('增加', '增长')]),
        w_down=rng.choice([('减少', '下降'), ('减少', '降低'), ('减少', '下降')]),
        fin_detail=rng.random() < 0.5, proj_section=rng.random() < 0.5, other_style=rng.choice(['sub', 'top']),
        small_base=rng.choice(['total', 'sme']), asset_totals=rng.random() < 0.4, dept_perf=rng.random() < 0.5,
        perf_table=rng.random() < 0.85, info_table=doc_type == 'final' and rng.random() < 0.4,
        selfeval_table=doc_type == 'final' and rng.random() < 0.4,
        sg_layout=rng.choice(['long', 'wide']), sg_recv_split=rng.random() < 0.4, full_lei=rng.random() < 0.5,
        tables_pos=rng.choice(['end', 'end', 'before']), tables_newpage=rng.random() < 0.5,
        tables_attach_note=rng.random() < 0.3, contact=rng.random() < 0.6, toc=rng.random() < 0.6,
        b_prior_cols=rng.random() < 0.5, b_exp_side=rng.choice(['func', 'type']), b_t1_name=rng.random() < 0.5,
        unit_code_base=rng.randint(100, 999),
        unit_caption=rng.choice(['单位：', '金额单位：', '单位:']),
        txt_table=rng.choice(['tab', 'pipe', 'cellline']),
        pdf_split=rng.choice(['repeat', 'norepeat', 'xubiao']),
        xlsx_numbers=rng.choice(['number', 'number', 'text']),
        pdf_num_rise=rng.choice([0, 0, 1.5, 3.0, 4.5]), pdf_blank_page=rng.random() < 0.2,
    )
    if o['code_style'] != 'split':
        o['kuan_nolead'] = False
    if cls == 'comparison-year':
        o['cmp_style'] = 'year'
    if cls == 'perf-table':
        o['perf_table'] = True
    if cls == 'zero-base' and doc_type == 'final':
        o['final_budget_cols'] = rng.choice(['plain', 'b0split'])
    if cls == 'direction':
        pass
    return o


# ----------------------------------------------------------------------------
# defects
# ----------------------------------------------------------------------------
def unit_step(s):
    return D(10) ** (-decimals_of(s)) if s.strip() not in ('', '-', '—') else D('0.01')


def claims_with(ctx, t):
    return [c for c in ctx.claims if c['type'] == t]


def table_keyed(ctx):
    ks = set()
    for oc in ctx.occs:
        if oc['where'].startswith('table'):
            ks.add(oc['key'])
    return ks


def pick_defect(ctx, cls, rng):
    """returns (overrides, info) or None.  info: slot ids / texts used to write the manifest entry"""
    S = ctx.slots
    if cls in ('table-total', 'blank-total'):
        targets = {r['target'] for r in ctx.rels if r['kind'] == 'sum'}
        cands = [s for s in S.values() if s.kind == 'cell' and s.id in targets and s.meta.get('tag') in ('sub', 'total', 'tot', 'tot2')
                 and s.meta.get('fen', 0) > 0 and s.meta.get('unit') != 'count' and s.meta.get('table') not in ('T10',)]
        if not cands:
            return None
        pref = [s for s in cands if s.meta.get('tag') == 'sub'] if rng.random() < 0.6 else cands
        s = rng.choice(pref or cands)
        if cls == 'blank-total':
            return {s.id: ''}, dict(slot=s.id, stated='', expected=s.text, kind='cell',
                                    note='合计/小计单元格留空，但其明细行有数')
        new = mutate_number(s.text, rng, unit_step(s.text) * 20)
        if not new:
            return None
        return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='cell',
                                 note='合计/小计不等于其明细行之和（%s 应为 %s）' % (new, s.text))
    if cls == 'cross-table':
        cands = []
        for tid in ('F3', 'F5', 'T3', 'T5'):
            rows = {}
            for s in S.values():
                if s.kind == 'cell' and s.meta.get('table') == tid and s.meta.get('tag') == 'leaf' and s.meta.get('col') == 'tot':
                    rows[s.meta['row']] = s
            codes = sorted(rows)
            for i, a in enumerate(codes):
                for b in codes[i + 1:]:
                    if a[:5] == b[:5] and abs(rows[a].meta['fen'] - rows[b].meta['fen']) > 100000:
                        cands.append((tid, a, b, rows[a], rows[b]))
        if not cands:
            return None
        tid, a, b, sa, sb = rng.choice(cands)
        return {'swap': (tid, a, b)}, dict(slot=sa.id, alt_slot=sb.id, stated=sb.text, expected=sa.text, kind='cell',
                                           note='本表中两行（%s 与 %s）的金额互换，与其他表及文字不一致' % (a, b))
    if cls == 'text-vs-table':
        tk = table_keyed(ctx)
        cands = [s for s in S.values() if s.kind == 'amt' and s.meta.get('fen', 0) > 0 and s.meta.get('key')
                 and any(k in tk for k in (s.meta['key'] if isinstance(s.meta['key'], list) else [s.meta['key']]))]
        if not cands:
            return None
        s = rng.choice(cands)
        new = mutate_number(s.text, rng, max(unit_step(s.text) * 10, D('0.1') if s.meta['unit'] == '万元' else D(10)))
        if not new:
            return None
        return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text', unit=True,
                                 note='正文金额与表内对应数不一致（表中为%s）' % s.text)
    if cls == 'share':
        cl = [c for c in claims_with(ctx, 'share') if c.get('part') and S[c['pct']].meta.get('num', 0) > 0]
        rng.shuffle(cl)
        for c in cl:
            ps = S[c['pct']]
            part = S[c['part']].text
            base = S[c['base']].text if c.get('base') else c['base_text']
            iv = share_interval(part, base)
            if iv is None:
                continue
            others = [S[x['pct']].text for x in claims_with(ctx, 'share') if x is not c and S[x['pct']].text != ps.text
                      and parse_num(S[x['pct']].text) not in (0, 100)]
            opts = []
            for _ in range(8):
                m = mutate_number(ps.text, rng, D('0.5'))
                if m:
                    opts.append(m)
            opts += others
            rng.shuffle(opts)
            for new in opts:
                try:
                    if D(new.replace(',', '')) > 100 and D(ps.text) <= 100 and rng.random() < 0.7:
                        continue
                except Exception:
                    continue
                if pct_err(new, iv):
                    return {ps.id: new}, dict(slot=ps.id, stated=new + '%', expected=ps.text + '%', kind='text', pct=True,
                                              note='占比与其分子、分母不符（应为%s%%）' % ps.text)
        return None
    if cls == 'growth':
        cl = [c for c in claims_with(ctx, 'growth') if c.get('pct')]
        rng.shuffle(cl)
        for c in cl:
            ps = S[c['pct']]
            sign = S[c['dir']].meta['sign']
            iv = growth_interval(S[c['cur']].text, S[c['chg']].text, sign)
            if iv is None:
                continue
            dec = decimals_of(ps.text)
            opts = []
            wrong = pct_value(c['prior_fen'] and abs(c['cur_fen'] - c['prior_fen']), c['cur_fen']) if c['cur_fen'] else None
            if wrong is not None:
                opts.append(fmt_dec(wrong, max(dec, 1) if dec else 0, strip=ctx.o['pct_strip']))
            for _ in range(6):
                m = mutate_number(ps.text, rng, D('0.5'))
                if m:
                    opts.append(m)
            for new in opts:
                if new and pct_err(new, iv):
                    return {ps.id: new}, dict(slot=ps.id, stated=new + '%', expected=ps.text + '%', kind='text', pct=True,
                                              pre=c['pdir'],
                                              note='增长率与变动额及上年数不符（应为%s%%）' % ps.text)
        return None
    if cls == 'direction':
        cl = [c for c in claims_with(ctx, 'growth') if c.get('pct') and c.get('pdir')]
        if not cl:
            return None
        c = rng.choice(cl)
        d, pdir = S[c['dir']], S[c['pdir']]
        up = d.meta['sign'] > 0
        nd = ctx.o['w_down'][0] if up else ctx.o['w_up'][0]
        npd = ctx.o['w_down'][1] if up else ctx.o['w_up'][1]
        return {d.id: nd, pdir.id: npd}, dict(slot=d.id, end_slot=c['chg'], stated=nd, expected=d.text, kind='text', unit=True,
                                              alt_span=(pdir.id, c['pct']),
                                              note='数字为%s，文字却写成“%s”' % ('增加' if up else '减少', nd))
    if cls in ('breakdown', 'sangong-sum'):
        tk = table_keyed(ctx)
        if cls == 'sangong-sum':
            cl = [c for c in claims_with(ctx, 'sum') if c['tag'] == 'sangong']
        else:
            pref = ['units_exp', 'proc', 'proj_econ', 'proj_cls', 'assets', 'perf_amt', 'fin_inc', 'fin_exp', 'b_fin', 'econ_p', 'econ_q']
            cl = [c for c in claims_with(ctx, 'sum') if c['tag'] in pref]
            rng.shuffle(cl)
            cl.sort(key=lambda c: pref.index(c['tag']) // 4)
        for c in cl:
            items = [S[x] for x in c['items'] if S[x].meta.get('fen', 0) > 0]
            if cls == 'breakdown':
                nt = [s for s in items if not s.meta.get('key') or s.meta['key'] not in tk]
                items = nt or items
            rng.shuffle(items)
            for s in items:
                new = mutate_number(s.text, rng, max(unit_step(s.text) * 10, D('0.1') if s.meta['unit'] == '万元' else D(10)))
                if new:
                    return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text', unit=True,
                                             note=('“三公”经费分项之和不等于合计' if cls == 'sangong-sum' else '“其中”所列各项之和不等于所述合计') +
                                             '（此项应为%s）' % s.text)
        return None
    if cls == 'perf-table':
        cands = [s for s in S.values() if s.kind == 'cell' and s.meta.get('tag') == 'perf' and s.meta.get('fen', 0) > 0]
        if not cands:
            return None
        s = rng.choice(cands)
        if s.meta['col'] == 'total' and rng.random() < 0.5 and ctx.F['prior'].get('inc_total'):
            new = ctx.tfmt(ctx.F['prior']['inc_total'], s.meta['unit'])
            note = '绩效目标表的部门预算总额沿用了上年数'
        else:
            new = mutate_number(s.text, rng, unit_step(s.text) * 20)
            note = '绩效目标表金额与预算表不一致'
        if not new or new == s.text:
            return None
        return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='cell', note=note + '（应为%s）' % s.text)
    if cls == 'count':
        cl = claims_with(ctx, 'count_list') + [c for c in claims_with(ctx, 'count_sum') if c['tag'] == 'veh']
        cl = [c for c in cl if (c['type'] == 'count_list') or int(S[c['total']].text) >= 1]
        if not cl:
            return None
        c = rng.choice(cl)
        if c['type'] == 'count_list':
            s = S[c['stated']]
            n = int(s.text)
            new = str(n + 1 if (n == 1 or rng.random() < 0.6) else n - 1)
            note = '所述个数与列举的名称个数（%d）不符' % c['listed']
        else:
            s = S[c['total']]
            n = int(s.text)
            new = str(max(n - 1, 0)) if rng.random() < 0.5 and n > 1 else str(n + 2)
            note = '车辆总数与“其中”各类车辆数之和不符'
        return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text', ctxr=1, ctxl=2, note=note)
    if cls == 'comparison-year':
        cands = [s for s in S.values() if s.kind == 'cmpyear']
        if not cands:
            return None
        s = rng.choice(cands)
        y = int(s.text)
        new = str(y + 1) if rng.random() < 0.5 else str(y - 1)
        return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text', ctxr=1,
                                 note='“比上年”的比较年份写成了%s年（应为%s年）' % (new, s.text))
    if cls == 'template-residue':
        ch = rng.choice(['amt', 'dir', 'reason', 'reason2', 'note'])
        if ch == 'amt':
            cands = [s for s in S.values() if s.kind == 'amt' and s.meta.get('sec') in ('s.jg', 's.proc', 's.perf', 's.sg', 's.gf', 's.total')]
            if cands:
                s = rng.choice(cands)
                return {s.id: 'XX'}, dict(slot=s.id, stated='XX', expected=s.text, kind='text', unit=True,
                                          note='模板占位符“XX”未替换为金额')
        if ch == 'dir':
            cands = [s for s in S.values() if s.kind == 'dir']
            if cands:
                s = rng.choice(cands)
                new = rng.choice(['增加（减少）', '增加/减少', '增加(减少)'])
                return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text',
                                         note='模板中“增加（减少）”未按实际情况删改')
        if ch in ('reason', 'reason2'):
            cands = [s for s in S.values() if s.kind == 'reason']
            if cands:
                s = rng.choice(cands)
                new = '' if ch == 'reason' else rng.choice(['【请填写变动原因】', '××××', '（说明原因）'])
                return {s.id: new}, dict(slot=s.id, stated=new, expected=s.text, kind='text', reason=True,
                                         note='原因说明未填写，保留了模板文字')
        s = S['gloss.residue']
        new = '（名词解释部分请根据各部门实际列支情况罗列，此段删除）'
        return {s.id: new}, dict(slot=s.id, stated=new, expected='', kind='text', note='给编制人的模板说明未删除')
    if cls == 'missing-part':
        pref = ['s.sg', 's.proc', 's.asset', 's.jg', 's.gf', 's.soe', 'F9', 'T7', 'F7', 'T8', 'F8', 'T9', 'F6', 'T6', 's.basic', 's.perf']
        cands = [r for r in ctx.required if r['id'] in pref]
        if not cands:
            return None
        r = rng.choice(cands)
        return {'omit': r['id']}, dict(heading=r['heading'], stated='', expected=r['heading'], kind='missing',
                                       table=r.get('table'),
                                       note='必须公开的%s缺失（未公开也未说明）' % ('表格' if r.get('table') else '说明部分'))
    if cls == 'zero-base':
        cands = [s for s in S.values() if s.kind == 'zb']
        if not cands:
            return None
        s = rng.choice(cands)
        strip = ctx.o['pct_strip'] or rng.random() < 0.5
        hun = '100' if strip else '100.00'
        if '决算数大于' in s.text:
            word = '调整预算' if '调整预算' in s.text else '年初预算'
            new = '，完成%s的%s%%' % (word, hun)
            note = '%s为0，却写出完成率' % word
        else:
            new = '，%s%s%%' % (ctx.o['w_up'][1], hun)
            note = '上年为0，增长率无从计算却写成%s%%' % hun
        return {s.id: new}, dict(slot=s.id, stated=new.lstrip('，'), expected=s.text.lstrip('，'), kind='text', zb=True, note=note)
    if cls == 'doc-type':
        def wrong_kind(alt, sid):
            if not ctx.final:
                return '决算' in alt
            if sid in ('F1.title', 'F2.title', 'F3.title', 'F4.title', 'F5.title', 'F6.title', 'F7.title', 'F8.title', 'F9.title'):
                return '决算' not in alt
            return any(m in alt for m in FINAL_BAD) and '决算' not in alt and '预算绩效' not in alt
        cands = [s for s in S.values() if s.kind == 'heading' and s.meta.get('alt') and s.meta['alt'] != s.text
                 and wrong_kind(s.meta['alt'], s.id)]
        secs = [s for s in cands if s.id.startswith('h.s.') or s.id.endswith('.title') or s.id == 'title' or s.id == 'h.p2']
        if not secs:
            return None
        s = rng.choice(secs)
        return {s.id: s.meta['alt']}, dict(slot=s.id, stated=s.meta['alt'], expected=s.text, kind='heading',
                                           note='%s中出现了%s的标题' % ('决算' if ctx.final else '预算', '预算' if ctx.final else '决算'))
    return None


# ----------------------------------------------------------------------------
# assembly: resolve slots to text, record offsets
# ----------------------------------------------------------------------------
def header_grid(tab):
    n = len(tab.header)
    grid = [[None] * tab.ncols for _ in range(n)]
    spans = []
    for r, row in enumerate(tab.header):
        c = 0
        for text, cs, rs in row:
            while c < tab.ncols and grid[r][c] is not None:
                c += 1
            for rr in range(r, min(r + rs, n)):
                for cc in range(c, min(c + cs, tab.ncols)):
                    grid[rr][cc] = ''
            grid[r][c] = text
            if cs > 1 or rs > 1:
                spans.append((r, c, min(r + rs, n) - 1, min(c + cs, tab.ncols) - 1))
            c += cs
    return [[x or '' for x in row] for row in grid], spans


def caption_of(ctx, tab):
    if not tab.unit:
        return ''
    return ctx.o['unit_caption'] + tab.unit


def assemble(ctx):
    out = []
    toc = []
    for b in ctx.blocks:
        t = b['t']
        if t == 'title':
            out.append(dict(t='title', text=b['frags'][0].text))
            if ctx.o['toc']:
                out.append(dict(t='toc', entries=list(ctx.toc)))
        elif t == 'head':
            out.append(dict(t='head', level=b['level'], text=b['frags'][0].text, sid=b['frags'][0].id))
        elif t == 'para':
            text, spans = '', {}
            for f in b['frags']:
                if isinstance(f, Slot):
                    spans[f.id] = (len(text), len(text) + len(f.text))
                    text += f.text
                else:
                    text += str(f)
            out.append(dict(t='para', text=text, spans=spans))
        elif t == 'table':
            tab = b['tab']
            hg, hs = header_grid(tab)
            rows = [[ctext(c) for c in r] for r in tab.rows]
            out.append(dict(t='table', tab=tab, title=tab.title_slot.text if tab.title_slot else tab.title,
                            code=tab.code_label, caption=caption_of(ctx, tab), dept='部门：' + ctx.F['dept_name'],
                            hgrid=hg, hspans=hs, rows=rows, kinds=tab.kinds, labels=tab.labels, notes=tab.notes,
                            cells=[[c.id if isinstance(c, Slot) else None for c in r] for r in tab.rows]))
        elif t == 'pagebreak':
            out.append(dict(t='pagebreak'))
    return out


def plain_text(doc, with_toc=True):
    lines = []
    for b in doc:
        if b['t'] in ('title', 'head', 'para'):
            lines.append(b['text'])
        elif b['t'] == 'toc' and with_toc:
            lines.append('目录')
            lines += [e[1] for e in b['entries']]
        elif b['t'] == 'table':
            lines.append(b['code'])
            lines.append(b['title'])
            lines.append(b['dept'] + '  ' + b['caption'])
            for r in b['hgrid']:
                lines.append('\t'.join(r))
            for r in b['rows']:
                lines.append('\t'.join(r))
            lines += b['notes']
    return '\n'.join(lines)


def find_para(doc, sid):
    for b in doc:
        if b['t'] == 'para' and sid in b['spans']:
            return b
    return None


def uniq_where(full, text, st, en, min_left=0, min_right=0, maxext=14):
    """extend [st,en) within text until the substring occurs once in full"""
    l, r = max(0, st - min_left), min(len(text), en + min_right)
    w = text[l:r]
    k = 0
    # extend to the left first (the label before a figure identifies it best), then to the right
    while full.count(w) > 1 and k < maxext:
        if l > 0 and k < maxext * 2 // 3 and text[l - 1] not in '，；。：':
            l -= 1
        elif r < len(text) and text[r] not in '，；。':
            r += 1
        elif l > 0:
            l -= 1
        elif r < len(text):
            r += 1
        else:
            break
        w = text[l:r]
        k += 1
    return w


def where_of(ctx, doc, info):
    full = plain_text(doc)
    S = ctx.slots
    alt = []
    if info['kind'] == 'missing':
        return info['heading'], alt, None, None
    if info['kind'] == 'heading':
        return S[info['slot']].text, alt, None, None
    if info['kind'] == 'cell':
        s = S[info['slot']]
        tab = None
        row = None
        labcells = []
        for b in doc:
            if b['t'] == 'table':
                for ri, r in enumerate(b['cells']):
                    if info['slot'] in r:
                        tab, row = b['title'], b['labels'][ri]
                        ci = r.index(info['slot'])
                        # label cells of the same side (for two-sided tables: nearest label to the left)
                        labcells = [b['rows'][ri][k].strip() for k in range(ci - 1, -1, -1)
                                    if r[k] is None and b['rows'][ri][k].strip() and not b['rows'][ri][k].strip().isdigit()]
        w = s.text
        if not w:
            # blank total: locate by the row's label as printed
            w = labcells[0] if labcells else '合计'
            alt += [x for x in labcells[1:2]]
        else:
            if ',' in w:
                alt.append(w.replace(',', ''))
            if info.get('alt_slot'):
                alt.append(S[info['alt_slot']].text)
        return w, alt, tab, row
    # text slots
    sid = info['slot']
    b = find_para(doc, sid)
    if b is None:
        return S[sid].text, alt, None, None
    text = b['text']
    st, en = b['spans'][sid]
    if info.get('end_slot') and info['end_slot'] in b['spans']:
        en = b['spans'][info['end_slot']][1]
    if info.get('unit'):
        # include the unit after the number
        for u in (ctx.o['num_space'] + ctx.xu, ctx.xu):
            if text[en:en + len(u)] == u:
                en += len(u)
                break
    if info.get('pct'):
        if text[en:en + 1] == '%':
            en += 1
        if info.get('pre') and info['pre'] in b['spans']:
            st = b['spans'][info['pre']][0]
        elif text[st - 1:st] == '占':
            st -= 1
        for ps in info.get('alt_slots', []):
            pass
    if info.get('zb'):
        if text[st:st + 1] == '，':
            st += 1
    if info.get('reason'):
        w = uniq_where(full, text, st, en, min_left=3, min_right=1)
        return w, alt, None, None
    if info.get('alt_span'):
        a1, a2 = info['alt_span']
        if a1 in b['spans'] and a2 in b['spans']:
            s2, e2 = b['spans'][a1][0], b['spans'][a2][1]
            if text[e2:e2 + 1] == '%':
                e2 += 1
            alt.append(text[s2:e2])
    mr = info.get('ctxr', 0)
    ml = info.get('ctxl', 1 if info.get('ctxr') else 0)
    w = uniq_where(full, text, st, en, min_left=ml, min_right=mr)
    if not w.strip():
        w = uniq_where(full, text, st, en, min_left=3, min_right=1)
    return w, alt, None, None


# ----------------------------------------------------------------------------
# renderers
# ----------------------------------------------------------------------------
def render_txt(ctx, doc, path):
    o = ctx.o
    L = []
    for b in doc:
        t = b['t']
        if t == 'title':
            L += [b['text'], '']
        elif t == 'toc':
            L.append('目 录')
            for lv, tx in b['entries']:
                L.append(('' if lv <= 1 else '  ') + tx)
            L.append('')
        elif t == 'head':
            L.append(b['text'])
        elif t == 'para':
            L.append(('　　' if o['txt_table'] != 'pipe' else '') + b['text'])
        elif t == 'pagebreak':
            L.append('')
        elif t == 'table':
            L.append('')
            if b['code']:
                L.append(b['code'])
            L.append(b['title'])
            L.append(b['dept'] + '    ' + b['caption'])
            rows = b['hgrid'] + b['rows']
            st = o['txt_table']
            if st == 'tab':
                for r in rows:
                    L.append('\t'.join(r))
            elif st == 'pipe':
                for i, r in enumerate(rows):
                    L.append('| ' + ' | '.join(r) + ' |')
                    if i == len(b['hgrid']) - 1:
                        L.append('|' + '---|' * len(r))
            else:
                for r in rows:
                    L.append('')
                    for c in r:
                        L.append('\t' + c)
            L += b['notes']
            L.append('')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(L) + '\n')


def render_html(ctx, doc, path):
    e = htmlmod.escape
    H = ['<!DOCTYPE html>', '<html lang="zh-CN"><head><meta charset="utf-8">',
         '<title>%s</title>' % e(doc[0]['text']),
         '<style>body{font-family:SimSun,serif;max-width:60em;margin:auto}table{border-collapse:collapse;margin:1em 0}'
         'td,th{border:1px solid #333;padding:2px 6px;font-size:12px}td.n{text-align:right}p{text-indent:2em}</style>',
         '</head><body>']
    for b in doc:
        t = b['t']
        if t == 'title':
            H.append('<h1 style="text-align:center">%s</h1>' % e(b['text']))
        elif t == 'toc':
            H.append('<div class="toc"><p><b>目 录</b></p>')
            for lv, tx in b['entries']:
                H.append('<p style="text-indent:%dem">%s</p>' % (0 if lv <= 1 else 2, e(tx)))
            H.append('</div>')
        elif t == 'head':
            lv = min(b['level'] + 1, 6)
            H.append('<h%d>%s</h%d>' % (lv, e(b['text']), lv))
        elif t == 'para':
            H.append('<p>%s</p>' % e(b['text']))
        elif t == 'pagebreak':
            H.append('<hr/>')
        elif t == 'table':
            if b['code']:
                H.append('<p style="text-align:right;text-indent:0">%s</p>' % e(b['code']))
            H.append('<p style="text-align:center;text-indent:0"><b>%s</b></p>' % e(b['title']))
            H.append('<p style="text-indent:0">%s<span style="float:right">%s</span></p>' % (e(b['dept']), e(b['caption'])))
            H.append('<table>')
            tab = b['tab']
            for r, row in enumerate(tab.header):
                H.append('<tr>' + ''.join('<th%s%s>%s</th>' % (' colspan="%d"' % cs if cs > 1 else '',
                                                               ' rowspan="%d"' % rs if rs > 1 else '', e(tx))
                                          for tx, cs, rs in row) + '</tr>')
            for ri, row in enumerate(b['rows']):
                cells = []
                for ci, c in enumerate(row):
                    num = b['cells'][ri][ci] is not None
                    cells.append('<td%s>%s</td>' % (' class="n"' if num else '', e(c)))
                H.append('<tr>' + ''.join(cells) + '</tr>')
            H.append('</table>')
            for n in b['notes']:
                H.append('<p>%s</p>' % e(n))
    H.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(H))


def render_docx(ctx, doc, path):
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.oxml.ns import qn
    from docx.shared import Pt
    d = docx.Document()
    st = d.styles['Normal']
    st.font.name = 'SimSun'
    st.font.size = Pt(10.5)
    st.element.rPr.rFonts.set(qn('w:eastAsia'), '宋体')
    for b in doc:
        t = b['t']
        if t == 'title':
            p = d.add_heading(b['text'], level=0)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif t == 'toc':
            d.add_paragraph('目 录')
            for lv, tx in b['entries']:
                d.add_paragraph(('　　' if lv > 1 else '') + tx)
            d.add_page_break()
        elif t == 'head':
            d.add_heading(b['text'], level=min(b['level'], 3))
        elif t == 'para':
            p = d.add_paragraph(b['text'])
            p.paragraph_format.first_line_indent = Pt(21)
        elif t == 'pagebreak':
            d.add_page_break()
        elif t == 'table':
            if b['code']:
                p = d.add_paragraph(b['code'])
                p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            p = d.add_paragraph(b['title'])
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            d.add_paragraph(b['dept'] + '\t\t' + b['caption'])
            tab = b['tab']
            nh = len(b['hgrid'])
            T = d.add_table(rows=nh + len(b['rows']), cols=tab.ncols)
            T.style = 'Table Grid'
            for r, row in enumerate(b['hgrid']):
                for c, tx in enumerate(row):
                    if tx:
                        T.cell(r, c).text = tx
            for (r0, c0, r1, c1) in b['hspans']:
                T.cell(r0, c0).merge(T.cell(r1, c1))
            for ri, row in enumerate(b['rows']):
                for ci, tx in enumerate(row):
                    cell = T.cell(nh + ri, ci)
                    cell.text = tx
                    if b['cells'][ri][ci] is not None:
                        cell.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for n in b['notes']:
                d.add_paragraph(n)
    d.save(path)


def xlsx_sheet_name(s, used):
    s = re.sub(r'[\[\]:*?/\\]', '', s)[:28]
    base, k = s, 1
    while s in used:
        k += 1
        s = base[:26] + str(k)
    used.add(s)
    return s


def render_xlsx(ctx, doc, path):
    import openpyxl
    from openpyxl.styles import Alignment, Border, Font, Side
    from openpyxl.utils import get_column_letter
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = '情况说明'
    used = {'情况说明'}
    r = 1
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    ws.column_dimensions['A'].width = 120
    numeric = ctx.o['xlsx_numbers'] == 'number'
    fmt = '#,##0.00' if ctx.o['tsep'] else '0.00'
    for b in doc:
        t = b['t']
        if t in ('title', 'head', 'para'):
            c = ws.cell(row=r, column=1, value=b['text'])
            c.alignment = Alignment(wrap_text=True)
            if t != 'para':
                c.font = Font(bold=True)
            r += 1
        elif t == 'toc':
            ws.cell(row=r, column=1, value='目 录')
            r += 1
            for lv, tx in b['entries']:
                ws.cell(row=r, column=1, value=tx)
                r += 1
        elif t == 'table':
            tab = b['tab']
            ts = wb.create_sheet(xlsx_sheet_name((tab.code_label + tab.title) if tab.code_label else tab.title, used))
            ws.cell(row=r, column=1, value='（%s 见工作表“%s”）' % (b['title'], ts.title))
            r += 1
            rr = 1
            if b['code']:
                ts.cell(row=rr, column=tab.ncols, value=b['code'])
                rr += 1
            ts.cell(row=rr, column=1, value=b['title']).font = Font(bold=True, size=14)
            ts.merge_cells(start_row=rr, start_column=1, end_row=rr, end_column=max(tab.ncols, 1))
            ts.cell(row=rr, column=1).alignment = Alignment(horizontal='center')
            rr += 1
            ts.cell(row=rr, column=1, value=b['dept'])
            ts.cell(row=rr, column=tab.ncols, value=b['caption'])
            rr += 1
            h0 = rr
            for row in b['hgrid']:
                for ci, tx in enumerate(row):
                    c = ts.cell(row=rr, column=ci + 1, value=tx or None)
                    c.border = border
                    c.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
                rr += 1
            for (r0, c0, r1, c1) in b['hspans']:
                ts.merge_cells(start_row=h0 + r0, start_column=c0 + 1, end_row=h0 + r1, end_column=c1 + 1)
            for ri, row in enumerate(b['rows']):
                for ci, tx in enumerate(row):
                    sid = b['cells'][ri][ci]
                    val = tx if tx != '' else None
                    nf = None
                    if sid is not None and numeric and tx not in ('', '-', '—'):
                        try:
                            s = ctx.slots[sid]
                            if s.meta.get('unit') == 'count':
                                val = int(tx)
                            else:
                                val = float(parse_num(tx))
                                nf = fmt
                        except Exception:
                            val = tx
                    c = ts.cell(row=rr, column=ci + 1, value=val)
                    c.border = border
                    if nf:
                        c.number_format = nf
                rr += 1
            for n in b['notes']:
                ts.cell(row=rr, column=1, value=n)
                rr += 1
            for ci in range(tab.ncols):
                ts.column_dimensions[get_column_letter(ci + 1)].width = 30 if ci == 0 else 14
    wb.save(path)


_PDF_FONT = None


def pdf_font():
    global _PDF_FONT
    if _PDF_FONT is None:
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.cidfonts import UnicodeCIDFont
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
        _PDF_FONT = 'STSong-Light'
    return _PDF_FONT


def render_pdf(ctx, doc, path):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    fn = pdf_font()
    esc = lambda s: s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')
    P = lambda name, size, **kw: ParagraphStyle(name, fontName=fn, fontSize=size, leading=size * 1.5, wordWrap='CJK', **kw)
    st_title = P('t', 17, alignment=1, spaceAfter=10)
    st_h = {1: P('h1', 14, spaceBefore=8, spaceAfter=4), 2: P('h2', 12, spaceBefore=6, spaceAfter=3),
            3: P('h3', 11, spaceBefore=4, spaceAfter=2)}
    st_p = P('p', 10.5, firstLineIndent=21)
    st_c = P('c', 11, alignment=1)
    st_r = P('r', 9, alignment=2)
    st_l = P('l', 9)
    rng = random.Random(ctx.o['unit_code_base'])
    W = A4[0] - 30 * mm
    story = []
    rise = ctx.o.get('pdf_num_rise', 0)
    blank_page = ctx.o.get('pdf_blank_page', False)
    for b in doc:
        t = b['t']
        if t == 'title':
            story += [Spacer(1, 20 * mm), Paragraph(esc(b['text']), st_title)]
        elif t == 'toc':
            story.append(Paragraph('目 录', st_h[1]))
            for lv, tx in b['entries']:
                story.append(Paragraph(('　　' if lv > 1 else '') + esc(tx), st_l))
            story.append(PageBreak())
        elif t == 'head':
            story.append(Paragraph(esc(b['text']), st_h[min(b['level'], 3)]))
        elif t == 'para':
            tx = esc(b['text'])
            if rise:
                # numbers set in another font on a slightly different baseline, as in many real files
                tx = re.sub(r'([0-9][0-9,.]*%?)', r'<font name="Times-Roman"><sup rise="%s" size="10.5">\1</sup></font>' % rise, tx)
            story.append(Paragraph(tx, st_p))
        elif t == 'pagebreak':
            story.append(PageBreak())
            if blank_page:
                story.append(Spacer(1, 1))
                story.append(PageBreak())
                blank_page = False
        elif t == 'table':
            tab = b['tab']
            n = tab.ncols
            fs = 8 if n <= 5 else (7 if n <= 8 else 6)
            cs = ParagraphStyle('cell', fontName=fn, fontSize=fs, leading=fs * 1.25, wordWrap='CJK')
            nlab = sum(1 for c in (b['cells'][0] if b['cells'] else []) if c is None) if b['rows'] else 1
            # widths: label-ish columns wider
            numcols = set()
            for r in b['cells']:
                for ci, c in enumerate(r):
                    if c is not None:
                        numcols.add(ci)
            hdr_last = [''] * n
            for row in b['hgrid']:
                for ci, tx in enumerate(row):
                    if tx:
                        hdr_last[ci] = tx
            narrow = {'类', '款', '项', '行次', '序号', '单位编码', '科目编码', '计量单位'}
            wts = [(0.55 if hdr_last[ci] in ('类', '款', '项', '行次', '序号') else 0.9) if hdr_last[ci] in narrow
                   else (1.0 if ci in numcols else 2.2) for ci in range(n)]
            if tab.id in ('T10', 'F11', 'U'):
                wts = [1.4] * n
            s = sum(wts)
            widths = [W * x / s for x in wts]

            def cellp(tx, ci):
                if ci in numcols and tx and re.fullmatch(r'[-—0-9.,]*', tx):
                    return tx
                lead = len(tx) - len(tx.lstrip(' '))
                return Paragraph('&nbsp;' * lead + esc(tx.lstrip(' ')), cs)
            hdr = [[cellp(tx, -1) for tx in row] for row in b['hgrid']]
            body = [[cellp(tx, ci) for ci, tx in enumerate(row)] for row in b['rows']]
            nh = len(hdr)

            def mk(data, with_header):
                tstyle = [('FONTNAME', (0, 0), (-1, -1), fn), ('FONTSIZE', (0, 0), (-1, -1), fs),
                          ('GRID', (0, 0), (-1, -1), 0.5, colors.black), ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'),
                          ('ALIGN', (0, 0), (-1, -1), 'RIGHT')]
                if with_header:
                    for (r0, c0, r1, c1) in b['hspans']:
                        tstyle.append(('SPAN', (c0, r0), (c1, r1)))
                rep = nh if (with_header and ctx.o['pdf_split'] == 'repeat') else 0
                return Table(data, colWidths=widths, repeatRows=rep, style=TableStyle(tstyle))
            story.append(Spacer(1, 3 * mm))
            if b['code']:
                story.append(Paragraph(esc(b['code']), st_r))
            story.append(Paragraph(esc(b['title']), st_c))
            story.append(Paragraph(esc(b['dept']) + '　　　　' + esc(b['caption']), st_l))
            if ctx.o['pdf_split'] == 'xubiao' and len(body) > 10:
                k = rng.randint(7, min(16, len(body) - 2))
                chunks = [body[:k]]
                rest = body[k:]
                while rest:
                    chunks.append(rest[:30])
                    rest = rest[30:]
                for ci_, ch in enumerate(chunks):
                    if ci_ > 0:
                        story.append(PageBreak())
                        story.append(Paragraph('续表' if ci_ == 1 else '续表%d' % ci_, st_l))
                    story.append(mk(hdr + ch, True))
            else:
                story.append(mk(hdr + body, True))
            for nt in b['notes']:
                story.append(Paragraph(esc(nt), st_l))
    dd = SimpleDocTemplate(path, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                           bottomMargin=15 * mm, title=doc[0]['text'])
    dd.build(story)


RENDER = {'txt': render_txt, 'html': render_html, 'docx': render_docx, 'xlsx': render_xlsx, 'pdf': render_pdf}


# ----------------------------------------------------------------------------
# driver
# ----------------------------------------------------------------------------
def build(ctx):
    if ctx.final:
        build_final(ctx)
    else:
        build_budget(ctx)


def make_one(seed, fmt, i, doc_type, cls):
    base = random.Random('%s|%s|%d' % (seed, fmt, i))
    year = base.choice([2021, 2022, 2023, 2024, 2025]) if doc_type == 'budget' else base.choice([2020, 2021, 2022, 2023, 2024])
    last_err = None
    for attempt in range(30):
        orng = random.Random('%s|%s|%d|o%d' % (seed, fmt, i, attempt))
        o = choose_options(orng, doc_type, cls)
        frng = random.Random('%s|%s|%d|f%d' % (seed, fmt, i, attempt))
        try:
            F = gen_facts(frng, doc_type, year, o, needs_for(cls, doc_type))
        except (AssertionError, RuntimeError, KeyError) as ex:
            last_err = ex
            continue
        ps = '%s|%s|%d|p%d' % (seed, fmt, i, attempt)
        c1 = Ctx(F, o, {}, ps)
        build(c1)
        if not cls:
            return c1, None
        res = pick_defect(c1, cls, random.Random(ps + 'd'))
        if not res:
            last_err = 'no candidate for ' + cls
            continue
        ov, info = res
        c2 = Ctx(F, o, ov, ps)
        build(c2)
        return c2, info
    raise RuntimeError('could not build %s %s %d: %s' % (fmt, doc_type, i, last_err))


def jsonable(x):
    if isinstance(x, D):
        return str(x)
    if isinstance(x, dict):
        return {str(k): jsonable(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [jsonable(v) for v in x]
    return x


def internal_record(ctx, doc, fname, defect):
    slots = {}
    for sid, s in ctx.slots.items():
        m = {k: v for k, v in s.meta.items() if k in ('unit', 'fen', 'key', 'table', 'row', 'col', 'tag', 'sign', 'expected', 'sec', 'alt')}
        slots[sid] = dict(text=s.text, kind=s.kind, orig=s.orig, **m)
    tables = []
    for b in doc:
        if b['t'] == 'table':
            tables.append(dict(id=b['tab'].id, title=b['title'], unit=b['tab'].unit, cells=b['cells'], rows=b['rows'],
                               labels=b['labels'], kinds=b['kinds']))
    return jsonable(dict(
        file=fname, doc_type=ctx.F['doc_type'], year=ctx.Y, department=ctx.F['dept_name'], options=ctx.o,
        text_unit=ctx.xu, table_unit=ctx.tu, slots=slots, claims=ctx.claims, rels=ctx.rels, occs=ctx.occs,
        required=ctx.required, present=sorted(ctx.present), tables=tables,
        body_text=plain_text(doc, with_toc=False), full_text=plain_text(doc),
        headings=[b['text'] for b in doc if b['t'] in ('title', 'head')] + [b['title'] for b in doc if b['t'] == 'table'],
        toc=[e[1] for b in doc if b['t'] == 'toc' for e in b['entries']],
        facts=dict(prior=ctx.F['prior'], sg_prior=ctx.F['sg_prior'], jiguan_prior=ctx.F['jiguan_prior']),
        defect=defect))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument('--seed', required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args(argv)
    fmts = [f.strip() for f in a.formats.split(',') if f.strip()]
    for f in fmts:
        if f not in RENDER:
            ap.error('unknown format ' + f)
    os.makedirs(a.outdir, exist_ok=True)
    idir = os.path.join(a.outdir, '_internal')
    os.makedirs(idir, exist_ok=True)
    srng = random.Random('classes|%s' % a.seed)
    queue = []

    def next_class(doc_type):
        for _ in range(3):
            if not queue:
                q = DEFECT_CLASSES[:]
                srng.shuffle(q)
                queue.extend(q)
            for k, c in enumerate(queue):
                if c == 'perf-table' and doc_type != 'budget':
                    continue
                return queue.pop(k)
            queue.clear()
        return 'share'
    manifest = []
    ext = {'txt': 'txt', 'html': 'html', 'docx': 'docx', 'xlsx': 'xlsx', 'pdf': 'pdf'}
    for fmt in fmts:
        for i in range(a.count):
            doc_type = 'budget' if i % 2 == 0 else 'final'
            correct = (i % 3 == 0)
            cls = None if correct else next_class(doc_type)
            ctx, info = make_one(a.seed, fmt, i, doc_type, cls)
            doc = assemble(ctx)
            fname = '%s_%02d_%s_%d.%s' % (fmt, i + 1, doc_type, ctx.Y, ext[fmt])
            defect = None
            if info:
                w, alt, tab, row = where_of(ctx, doc, info)
                defect = dict(**{'class': cls}, where=w, alt=alt, stated=info['stated'], expected=info['expected'],
                              note=info['note'])
                if tab:
                    defect['table'] = tab
                if row:
                    defect['row'] = row
                if info.get('table') is not None and info['kind'] == 'missing':
                    defect['table'] = info['heading'] if info.get('table') else None
                if fmt == 'xlsx' and info['kind'] == 'cell' and ctx.o['xlsx_numbers'] == 'number' and w:
                    try:
                        v = float(parse_num(w))
                        defect['alt'] = defect['alt'] + [repr(v)]
                    except Exception:
                        pass
                defect['_slot'] = info.get('slot')
            RENDER[fmt](ctx, doc, os.path.join(a.outdir, fname))
            rec = internal_record(ctx, doc, fname, defect)
            with open(os.path.join(idir, fname + '.json'), 'w', encoding='utf-8') as f:
                json.dump(rec, f, ensure_ascii=False)
            mopts = {k: v for k, v in ctx.o.items() if k not in ('econ_zero_rows', 'unit_code_base', 'dept_idx')}
            mopts['n_units'] = len(ctx.F['units'])
            mopts['dept_type'] = ctx.F['dept']['name']
            md = None
            if defect:
                md = {k: v for k, v in defect.items() if not k.startswith('_') and v is not None}
            manifest.append(jsonable(dict(file=fname, format=fmt, doc_type=doc_type, department=ctx.F['dept_name'],
                                          year=ctx.Y, options=mopts, defect=md)))
            print('wrote', fname, ('defect ' + cls) if cls else 'correct', file=sys.stderr)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print('%d files, manifest at %s' % (len(manifest), os.path.join(a.outdir, 'manifest.json')))


if __name__ == '__main__':
    main()
