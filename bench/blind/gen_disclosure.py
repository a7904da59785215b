#!/usr/bin/env python3
"""Generate synthetic 部门预算 / 部门决算 disclosure documents with planted defects.

This generator was written from ../shared/domain.md (beside the repository) and the seeds alone,
without reading budgetdoc's source, so that its documents stand in for ones the project has not
seen.  Run the three scripts, from the repository root, as:
    python3 bench/blind/gen_disclosure.py --seed 7 --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
    python3 bench/blind/verify_generated.py OUTDIR
    python3 bench/blind/check_generated.py OUTDIR [--raw report.json] [--jobs N] [--budgetdoc CMD]

Usage: python3 gen_disclosure.py --seed N --count K --formats txt,html,docx,xlsx,pdf OUTDIR

All amounts are integers in units of 0.01 万元 ("cents").  Every total is computed
as the sum of its (already rounded) parts; every percentage is computed from the
rounded stated figures.  Defects are applied after a clean document has been built.
"""
import argparse
import json
import os
import random
import re
from decimal import ROUND_HALF_UP, Decimal

# ----------------------------------------------------------------------------
# domain tables
# ----------------------------------------------------------------------------
LEI_NAMES = {
    '201': '一般公共服务支出', '204': '公共安全支出', '205': '教育支出',
    '207': '文化旅游体育与传媒支出', '208': '社会保障和就业支出', '210': '卫生健康支出',
    '212': '城乡社区支出', '213': '农林水支出', '214': '交通运输支出',
    '220': '自然资源海洋气象等支出', '221': '住房保障支出', '224': '灾害防治及应急管理支出',
    '229': '其他支出',
}
KUAN_NAMES = {
    '21401': '公路水路运输', '20802': '民政管理事务', '20810': '社会福利', '20820': '临时救助',
    '20138': '市场监督管理事务', '21301': '农业农村', '20501': '教育管理事务', '20508': '进修及培训',
    '20701': '文化和旅游', '20406': '司法', '22001': '自然资源事务', '22401': '应急管理事务',
    '20105': '统计信息事务', '20801': '人力资源和社会保障管理事务', '21001': '卫生健康管理事务',
    '21004': '公共卫生', '20805': '行政事业单位养老支出', '21011': '行政事业单位医疗',
    '22102': '住房改革支出', '22960': '彩票公益金安排的支出', '21208': '国有土地使用权出让收入安排的支出',
}

DEPTS = [
    dict(name='交通运输局', short='交通运输', items=[
        ('2140101', '行政运行', 'admin'), ('2140102', '一般行政管理事务', 'proj'),
        ('2140112', '公路运输管理', 'inst'), ('2140106', '公路养护', 'proj'), ('2140110', '公路和运输安全', 'proj')],
        offices=['办公室', '综合规划科', '建设管理科', '运输管理科', '安全监督科', '法制科', '财务审计科', '人事科', '港航管理科'],
        subunits=['公路事业发展中心', '道路运输服务中心', '交通运输综合行政执法大队'],
        duties=['贯彻执行国家、省、市有关交通运输工作的方针政策和法律法规，拟订本地区交通运输发展规划并组织实施。',
                '负责公路、水路运输市场监管，承担道路运输、水路运输的行业管理工作。',
                '负责农村公路建设、养护和管理工作，指导交通运输基础设施建设和维护。',
                '负责交通运输行业安全生产监督管理和应急处置工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='民政局', short='民政', items=[
        ('2080201', '行政运行', 'admin'), ('2080202', '一般行政管理事务', 'proj'),
        ('2080208', '基层政权建设和社区治理', 'proj'), ('2081002', '老年福利', 'proj'),
        ('2081004', '殡葬', 'inst'), ('2082001', '临时救助支出', 'proj')],
        offices=['办公室', '社会救助科', '养老服务科', '社会事务科', '基层政权和社区建设科', '区划地名科', '社会组织管理科', '财务科'],
        subunits=['社会福利院', '殡仪馆', '救助管理站'],
        duties=['贯彻落实国家民政工作方针政策和法律法规，拟订本地区民政事业发展规划并组织实施。',
                '负责社会救助、养老服务、儿童福利和残疾人福利相关工作。',
                '负责城乡社区治理和基层政权建设的指导工作，负责社会组织登记管理。',
                '负责行政区划、地名管理和殡葬管理工作。'],
        gf=('229', '22960', '2296002', '用于社会福利的彩票公益金支出')),
    dict(name='市场监督管理局', short='市场监管', items=[
        ('2013801', '行政运行', 'admin'), ('2013802', '一般行政管理事务', 'proj'),
        ('2013804', '市场主体管理', 'proj'), ('2013805', '市场秩序执法', 'proj'),
        ('2013812', '药品事务', 'proj'), ('2013850', '事业运行', 'inst')],
        offices=['办公室', '登记注册科', '信用监督管理科', '价格监督检查和反不正当竞争科', '食品安全协调科',
                 '特种设备安全监察科', '计量标准科', '药品医疗器械监督管理科', '法规科'],
        subunits=['市场监管综合行政执法大队', '检验检测中心', '消费者权益保护中心'],
        duties=['负责市场综合监督管理，贯彻执行市场监督管理和知识产权相关法律法规和政策。',
                '负责市场主体统一登记注册，建立市场主体信息公示和共享机制。',
                '负责组织和指导市场监管综合执法工作，规范和维护市场秩序。',
                '负责食品、药品、特种设备安全监督管理和计量、标准化工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='农业农村局', short='农业农村', items=[
        ('2130101', '行政运行', 'admin'), ('2130102', '一般行政管理事务', 'proj'),
        ('2130104', '事业运行', 'inst'), ('2130108', '病虫害控制', 'proj'), ('2130122', '农业生产发展', 'proj')],
        offices=['办公室', '发展规划科', '农村经济科', '种植业管理科', '畜牧兽医科', '农田建设管理科', '科技教育科', '财务科'],
        subunits=['农业技术推广中心', '动物疫病预防控制中心', '农村经营管理站'],
        duties=['统筹研究和组织实施“三农”工作的发展战略、中长期规划和重大政策。',
                '负责种植业、畜牧业、渔业、农业机械化等农业各产业的监督管理。',
                '负责农产品质量安全监督管理和农业防灾减灾工作。',
                '负责农田建设管理和农业科技推广工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='文化广电旅游局', short='文旅', items=[
        ('2070101', '行政运行', 'admin'), ('2070102', '一般行政管理事务', 'proj'),
        ('2070104', '图书馆', 'inst'), ('2070109', '群众文化', 'proj'), ('2070112', '文化和旅游市场管理', 'proj')],
        offices=['办公室', '公共服务科', '产业发展科', '市场管理科', '文物保护科', '广播电视科', '资源开发科'],
        subunits=['图书馆', '文化馆', '文物管理所'],
        duties=['贯彻落实党的宣传工作方针和文化、广电、旅游工作的法律法规。',
                '统筹推进文化事业、文化产业和旅游业发展，拟订发展规划并组织实施。',
                '负责公共文化服务体系建设和文化惠民工程的组织实施。',
                '负责文化、旅游市场的行业监管和综合执法工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='司法局', short='司法', items=[
        ('2040601', '行政运行', 'admin'), ('2040602', '一般行政管理事务', 'proj'),
        ('2040604', '基层司法业务', 'proj'), ('2040605', '普法宣传', 'proj'),
        ('2040607', '法律援助', 'proj'), ('2040650', '事业运行', 'inst')],
        offices=['办公室', '法治督察科', '行政执法协调监督科', '普法与依法治理科', '人民参与和促进法治科', '公共法律服务管理科', '社区矫正管理科'],
        subunits=['公证处', '法律援助中心'],
        duties=['负责统筹规划法治社会建设，承担全面依法治区（县）委员会办公室的日常工作。',
                '负责拟订普法规划并组织实施，指导人民调解和基层法治建设。',
                '负责社区矫正、法律援助、公证和律师管理等公共法律服务工作。',
                '负责行政执法协调监督和行政复议、行政应诉相关工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='自然资源局', short='自然资源', items=[
        ('2200101', '行政运行', 'admin'), ('2200102', '一般行政管理事务', 'proj'),
        ('2200104', '自然资源规划及管理', 'proj'), ('2200106', '自然资源利用与保护', 'proj'),
        ('2200150', '事业运行', 'inst')],
        offices=['办公室', '国土空间规划科', '耕地保护科', '自然资源开发利用科', '不动产登记科', '执法监察科', '测绘地理信息科', '财务科'],
        subunits=['不动产登记中心', '土地储备中心', '自然资源调查监测中心'],
        duties=['履行全民所有土地、矿产、森林、草原、湿地、水等自然资源资产所有者职责。',
                '负责自然资源调查监测评价和统一确权登记工作。',
                '负责国土空间规划和用途管制，负责耕地保护工作。',
                '负责自然资源领域执法监察和测绘地理信息管理工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='应急管理局', short='应急管理', items=[
        ('2240101', '行政运行', 'admin'), ('2240102', '一般行政管理事务', 'proj'),
        ('2240106', '安全监管', 'proj'), ('2240108', '应急救援', 'proj'), ('2240150', '事业运行', 'inst')],
        offices=['办公室', '应急指挥科', '风险监测和综合减灾科', '安全生产基础科', '危险化学品安全监督管理科', '政策法规科'],
        subunits=['应急管理综合行政执法大队', '应急救援指挥中心'],
        duties=['负责应急管理工作，指导各地各部门应对安全生产类、自然灾害类等突发事件。',
                '组织编制应急体系建设、安全生产和综合防灾减灾规划。',
                '负责安全生产综合监督管理和工矿商贸行业安全生产监督管理工作。',
                '统筹应急救援力量建设，组织协调灾害救助工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='统计局', short='统计', items=[
        ('2010501', '行政运行', 'admin'), ('2010502', '一般行政管理事务', 'proj'),
        ('2010505', '专项统计业务', 'proj'), ('2010507', '专项普查活动', 'proj'), ('2010550', '事业运行', 'inst')],
        offices=['办公室', '综合统计科', '国民经济核算科', '工业交通统计科', '农村统计科', '统计执法监督科'],
        subunits=['统计普查中心', '社情民意调查中心'],
        duties=['贯彻执行国家统计法律法规，拟订本地区统计工作规划并组织实施。',
                '组织实施各类统计调查和普查，收集、汇总、整理和提供统计数据。',
                '负责国民经济核算工作，对经济社会发展情况进行统计分析。',
                '依法监督检查统计法律法规的实施，查处统计违法行为。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='人力资源和社会保障局', short='人社', items=[
        ('2080101', '行政运行', 'admin'), ('2080102', '一般行政管理事务', 'proj'),
        ('2080106', '就业管理事务', 'proj'), ('2080109', '社会保险经办机构', 'inst'),
        ('2080112', '劳动人事争议调解仲裁', 'proj')],
        offices=['办公室', '就业促进科', '社会保险科', '劳动关系科', '工资福利科', '事业单位人事管理科', '职业能力建设科', '劳动保障监察科'],
        subunits=['社会保险事业中心', '公共就业和人才服务中心', '劳动人事争议仲裁院'],
        duties=['贯彻执行人力资源和社会保障事业发展规划和政策，拟订本地区实施办法。',
                '负责促进就业工作，统筹城乡就业发展和人才服务。',
                '统筹建立覆盖城乡的社会保障体系，组织实施养老、失业、工伤等社会保险政策。',
                '负责劳动关系协调、劳动人事争议调解仲裁和劳动保障监察工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
    dict(name='卫生健康局', short='卫生健康', items=[
        ('2100101', '行政运行', 'admin'), ('2100102', '一般行政管理事务', 'proj'),
        ('2100401', '疾病预防控制机构', 'inst'), ('2100408', '基本公共卫生服务', 'proj')],
        offices=['办公室', '规划发展与信息化科', '医政医管科', '基层卫生健康科', '疾病预防控制科', '妇幼健康科', '人口监测与家庭发展科'],
        subunits=['疾病预防控制中心', '卫生健康综合监督执法大队', '妇幼保健计划生育服务中心'],
        duties=['贯彻执行国民健康政策和卫生健康法律法规，拟订本地区卫生健康事业发展规划。',
                '负责疾病预防控制工作，组织实施免疫规划和重大疾病防控。',
                '负责医疗机构和医疗服务行业管理，推进基层卫生健康服务体系建设。',
                '负责妇幼健康、人口监测与家庭发展相关工作。'],
        gf=('212', '21208', '2120899', '其他国有土地使用权出让收入安排的支出')),
]
PLACES = [('安平市', '市'), ('临川区', '区'), ('清河县', '县'), ('永宁县', '县'), ('江北区', '区'),
          ('云岭市', '市'), ('河西区', '区'), ('东阳县', '县'), ('石门县', '县'), ('南湖区', '区'),
          ('青川市', '市'), ('白沙县', '县'), ('鹤山区', '区'), ('平湖市', '市')]

COMMON_ITEMS = [  # code, name ; attached to person-cost economic items
    ('2080501', '行政单位离退休'), ('2080505', '机关事业单位基本养老保险缴费支出'),
    ('2080506', '机关事业单位职业年金缴费支出'), ('2101101', '行政单位医疗'),
    ('2101102', '事业单位医疗'), ('2101103', '公务员医疗补助'), ('2210201', '住房公积金'),
]

ECON_PERSON = [('30101', '基本工资', .26), ('30102', '津贴补贴', .20), ('30103', '奖金', .05),
               ('30107', '绩效工资', .10), ('30108', '机关事业单位基本养老保险缴费', .12),
               ('30109', '职业年金缴费', .045), ('30110', '职工基本医疗保险缴费', .06),
               ('30111', '公务员医疗补助缴费', .012), ('30112', '其他社会保障缴费', .006),
               ('30113', '住房公积金', .08), ('30199', '其他工资福利支出', .02)]
ECON_FAMILY = [('30302', '退休费', .03), ('30305', '生活补助', .01), ('30309', '奖励金', .004)]
ECON_PUBLIC = [('30201', '办公费', .16), ('30202', '印刷费', .03), ('30205', '水费', .02), ('30206', '电费', .06),
               ('30207', '邮电费', .04), ('30211', '差旅费', .08), ('30212', '因公出国（境）费用', 0),
               ('30213', '维修（护）费', .07), ('30215', '会议费', .02), ('30216', '培训费', .03),
               ('30217', '公务接待费', 0), ('30228', '工会经费', .06), ('30229', '福利费', .05),
               ('30231', '公务用车运行维护费', 0), ('30239', '其他交通费用', .12), ('30299', '其他商品和服务支出', .08)]
ECON_GROUP = {'301': '工资福利支出', '302': '商品和服务支出', '303': '对个人和家庭的补助'}

REASONS_UP = ['人员调资及新增人员导致人员经费增加', '新增专项业务工作经费', '按政策调整社会保障缴费基数',
              '业务工作量增加、相应经费增加', '新增信息化建设项目']
REASONS_DOWN = ['严格落实过紧日子要求，压减一般性支出', '部分项目已完成、本年不再安排', '人员退休减少人员经费',
                '压减非刚性、非重点项目支出', '上年一次性项目本年未安排']

GLOSSARY = [
    ('财政拨款收入', '指本级财政当年拨付的资金。'),
    ('事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'),
    ('其他收入', '指除上述“财政拨款收入”“事业收入”“经营收入”等以外的收入。'),
    ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
    ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
    ('“三公”经费', '纳入财政预决算管理的“三公”经费，是指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'),
    ('机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、办公用房物业管理费、公务用车运行维护费以及其他费用。'),
]

CN_NUM = '一二三四五六七八九十'
TITLES = {
    'budget': dict(overall='收支预算总体情况说明', income='收入预算情况说明', exp='支出预算情况说明',
                   fiscal='财政拨款收支预算总体情况说明', gpb='一般公共预算支出预算情况说明',
                   basic='一般公共预算基本支出预算情况说明', sangong='一般公共预算“三公”经费支出预算情况说明',
                   gf='政府性基金预算支出情况说明', soe='国有资本经营预算支出情况说明'),
    'final': dict(overall='收入支出决算总体情况说明', income='收入决算情况说明', exp='支出决算情况说明',
                  fiscal='财政拨款收入支出决算总体情况说明', gpb='一般公共预算财政拨款支出决算情况说明',
                  basic='一般公共预算财政拨款基本支出决算情况说明', sangong='财政拨款“三公”经费支出决算情况说明',
                  gf='政府性基金预算财政拨款收入支出决算情况说明', soe='国有资本经营预算财政拨款支出决算情况说明'),
}


def cn(i):  # 1-based chinese ordinal up to 20
    if i <= 10:
        return CN_NUM[i - 1]
    return '十' + CN_NUM[i - 11]


# ----------------------------------------------------------------------------
# number formatting
# ----------------------------------------------------------------------------
def D(x):
    return Decimal(x)


def pct_value(part, total, dec):
    if total == 0:
        return Decimal(0)
    q = Decimal('0.01') if dec == 2 else Decimal('0.1')
    return (D(part) * 100 / D(total)).quantize(q, rounding=ROUND_HALF_UP)


class Money:
    __slots__ = ('c',)

    def __init__(self, c):
        self.c = int(c)


class Table:
    def __init__(self, key, title, header, merges, body, unit='万元', note=None, dept=None, total_rows=()):
        self.key, self.title, self.header, self.merges, self.body = key, title, header, merges, body
        self.unit, self.note, self.dept = unit, note, dept
        self.ncols = len(header[0])
        self.total_rows = set(total_rows)


# ----------------------------------------------------------------------------
# the generator
# ----------------------------------------------------------------------------
class Gen:
    def __init__(self, rng, doc_type, idx, defect_class, fmt):
        self.r = rng
        self.doc_type = doc_type  # 'budget' / 'final'
        self.idx = idx
        self.defect_class = defect_class
        self.fmt = fmt
        r = rng
        self.year = r.randint(2019, 2026)
        if doc_type == 'final' and self.year == 2026:
            self.year = r.randint(2019, 2025)
        self.place, self.level = r.choice(PLACES)
        self.dt = r.choice(DEPTS)
        self.dept = self.place + self.dt['name']
        self.pct_dec = 2 if r.random() < 0.8 else 1
        self.text_sep = r.random() < 0.25
        self.yuan = r.random() < 0.3
        self.table_sep = self.yuan or r.random() < 0.3
        self.zero_blank = r.random() < 0.3
        self.total_top = r.random() < 0.6
        self.two_row_hdr = r.random() < 0.6
        self.gf_on = r.random() < 0.3
        self.blocks = []
        self.claims = []
        self.sections = {}
        self.make_data()

    # ---------------------------------------------------------------- helpers
    def amt(self, lo, hi):
        return int(round(self.r.uniform(lo, hi) * 100))

    def w(self, c):
        """text amount in 万元."""
        v = D(c) / 100
        return f'{v:,.2f}' if self.text_sep else f'{v:.2f}'

    def pc(self, part, total):
        return f'{pct_value(part, total, self.pct_dec)}'

    def tm(self, c):
        """table money string."""
        if self.yuan:
            return f'{c * 100:,.2f}'
        v = D(c) / 100
        return f'{v:,.2f}' if self.table_sep else f'{v:.2f}'

    def fmt_cell(self, t, cell):
        if cell is None:
            return ''
        if isinstance(cell, Money):
            if t.unit == '元':
                return f'{cell.c * 100:,.2f}'
            v = D(cell.c) / 100
            return f'{v:,.2f}' if (self.table_sep and t.unit == '万元' and t.key != 'perf') else f'{v:.2f}'
        return str(cell)

    def M(self, c, total=False):
        if c == 0 and self.zero_blank and not total:
            return None
        return Money(c)

    def h(self, level, text, key=None):
        self.blocks.append({'t': f'h{level}', 'text': text, 'key': key})
        return len(self.blocks) - 1

    def p(self, text, key=None):
        self.blocks.append({'t': 'p', 'text': text, 'key': key})
        return len(self.blocks) - 1

    def claim(self, kind, bi, sub, **kw):
        assert sub in self.blocks[bi]['text'], (sub, self.blocks[bi]['text'])
        d = dict(kind=kind, block=bi, sub=sub)
        d.update(kw)
        self.claims.append(d)

    def change(self, this, last, unit_word='万元'):
        """Return (clause, info) for a change vs last year."""
        delta = this - last
        if delta == 0:
            return '持平', None
        up = delta > 0
        g = pct_value(abs(delta), last, self.pct_dec)
        clause = f'{"增加" if up else "减少"}{self.w(abs(delta))}{unit_word}，{"增长" if up else "下降"}{g}%'
        return clause, dict(this=this, last=last, delta=delta, g=g, up=up)

    def split(self, total, n, min_share=0.1):
        if n == 1:
            return [total]
        ws = [self.r.uniform(min_share, 1) for _ in range(n)]
        s = sum(ws)
        parts = [int(total * x / s) for x in ws[:-1]]
        parts.append(total - sum(parts))
        return parts

    # ---------------------------------------------------------------- data
    def make_data(self):
        r = self.r
        dt = self.dt
        self.n_sub = r.choice([0, 1, 1, 2, 2, 3])
        self.subunits = [self.place + s for s in r.sample(dt['subunits'], min(self.n_sub, len(dt['subunits'])))]
        self.n_sub = len(self.subunits)
        self.offices = r.sample(dt['offices'], r.randint(4, min(8, len(dt['offices']))))
        # staffing
        self.bz_admin = r.randint(12, 45)
        self.bz_inst = r.randint(8, 60) if self.n_sub else 0
        self.staff_in = self.bz_admin + self.bz_inst - r.randint(0, 5)
        self.staff_retired = r.randint(0, 25)
        staff = self.staff_in
        # person cost
        per_head = r.uniform(11, 19)
        person_total = staff * per_head
        econ = {}
        names = {}
        for code, name, wt in ECON_PERSON:
            if code == '30107' and not self.n_sub:
                continue
            if code == '30111' and r.random() < 0.3:
                continue
            econ[code] = int(round(person_total * wt * r.uniform(0.85, 1.15) * 100))
            names[code] = name
        for code, name, wt in ECON_FAMILY:
            if code == '30302' and r.random() < 0.5:
                continue
            if code != '30302' and r.random() < 0.4:
                continue
            econ[code] = int(round(person_total * wt * r.uniform(0.7, 1.3) * 100))
            names[code] = name
        # 三公
        self.sg_out = 0 if r.random() < 0.7 else self.amt(1.5, 8)
        self.sg_car_buy = 0 if r.random() < 0.8 else self.amt(12, 28)
        self.sg_car_run = self.amt(2, 18)
        self.sg_recv = self.amt(0.5, 6)
        public_total = staff * r.uniform(2.2, 4.5)
        for code, name, wt in ECON_PUBLIC:
            if code == '30212':
                v = self.sg_out
            elif code == '30217':
                v = self.sg_recv
            elif code == '30231':
                v = self.sg_car_run
            else:
                if code in ('30215', '30202') and r.random() < 0.3:
                    continue
                v = int(round(public_total * wt * r.uniform(0.7, 1.3) * 100))
            if v == 0:
                continue
            econ[code] = v
            names[code] = name
        self.econ = econ
        self.econ_names = names
        self.person_codes = [c for c in econ if c[:3] in ('301', '303')]
        self.public_codes = [c for c in econ if c[:3] == '302']
        person = sum(econ[c] for c in self.person_codes)
        public = sum(econ[c] for c in self.public_codes)
        # functional items
        items = {}

        def add(code, name, kind='basic', fund='gpb'):
            items[code] = dict(code=code, name=name, kind=kind, fund=fund, person=0, public=0,
                               proj=0, sy=0, qt=0, gf=0)
            return items[code]
        common = dict(COMMON_ITEMS)
        med = econ.get('30110', 0)
        med_inst = int(med * r.uniform(0.3, 0.6)) if self.n_sub else 0
        mapping = [('2080501', econ.get('30302', 0)), ('2080505', econ.get('30108', 0)),
                   ('2080506', econ.get('30109', 0)), ('2101101', med - med_inst),
                   ('2101102', med_inst), ('2101103', econ.get('30111', 0)), ('2210201', econ.get('30113', 0))]
        used = 0
        for code, v in mapping:
            if v > 0:
                add(code, common[code])['person'] = v
                used += v
        rest_person = person - used
        admin_public = public
        main = {c: (n, k) for c, n, k in dt['items']}
        admin_code = [c for c, n, k in dt['items'] if k == 'admin'][0]
        inst_code = [c for c, n, k in dt['items'] if k == 'inst'][0]
        it = add(admin_code, main[admin_code][0])
        if self.n_sub:
            share = r.uniform(0.55, 0.8)
            it['person'] = int(rest_person * share)
            it['public'] = int(public * share)
            it2 = add(inst_code, main[inst_code][0])
            it2['person'] = rest_person - it['person']
            it2['public'] = public - it['public']
            # the 三公 items are admin public costs: make sure admin public covers them
            admin_public = it['public']
        else:
            it['person'] = rest_person
            it['public'] = public
        self.admin_public = admin_public
        proj_codes = [c for c, n, k in dt['items'] if k == 'proj']
        chosen = r.sample(proj_codes, r.randint(1, len(proj_codes)))
        basic_total = person + public
        for c in chosen:
            add(c, main[c][0], 'proj')['proj'] = int(round(basic_total * r.uniform(0.08, 0.5)))
        if self.sg_car_buy:
            items[chosen[0]]['proj'] += self.sg_car_buy
        # other funds
        self.has_sy = self.n_sub > 0 and r.random() < 0.35
        self.has_qt = r.random() < 0.2
        if self.has_sy:
            items[chosen[-1]]['sy'] = self.amt(5, 60)
        if self.has_qt:
            items[chosen[0]]['qt'] = self.amt(2, 30)
        if self.gf_on:
            gl, gk, gi, gn = dt['gf']
            add(gi, gn, 'proj', 'gf')['gf'] = self.amt(20, 300)
            KUAN_NAMES.setdefault(gk, KUAN_NAMES.get(gk, ''))
        self.items = dict(sorted(items.items()))
        self.proj_main = chosen[0]
        # last-year (GPB total per item) and 年初预算 (final)
        for it in self.items.values():
            tot = it['person'] + it['public'] + it['proj']
            it['last'] = int(round(tot * r.uniform(0.78, 1.25))) if tot else 0
            if tot and it['last'] == tot:
                it['last'] += 37
            it['budget'] = int(round(tot * r.uniform(0.8, 1.1))) if tot else 0
            if tot and it['budget'] == 0:
                it['budget'] = 100
        # carry-overs (final only, fiscal GPB)
        gpb_proj_main = self.items[self.proj_main]['proj']
        if self.doc_type == 'final':
            self.s0 = self.amt(0, 15) if r.random() < 0.7 else 0
            self.s1 = self.amt(0, 15) if r.random() < 0.7 else 0
            if gpb_proj_main + self.s1 - self.s0 < 0:
                self.s0 = gpb_proj_main + self.s1
        else:
            self.s0 = self.s1 = 0
        # 三公 last year / budget
        def near(v, lo=0.75, hi=1.3):
            if v == 0:
                return 0 if r.random() < 0.7 else self.amt(0.5, 3)
            x = int(round(v * r.uniform(lo, hi)))
            return x if x != v else v + 13
        self.sg_last = dict(out=near(self.sg_out), car_buy=0 if self.sg_car_buy == 0 or r.random() < 0.5 else near(self.sg_car_buy),
                            car_run=near(self.sg_car_run), recv=near(self.sg_recv))
        if self.sg_car_buy and self.sg_last['car_buy'] == 0 and self.defect_class != 'zero-base':
            self.sg_last['car_buy'] = near(self.sg_car_buy)
        self.sg_budget = dict(out=self.sg_out if self.sg_out == 0 else max(self.sg_out, near(self.sg_out, 0.95, 1.2)),
                              car_buy=self.sg_car_buy, car_run=near(self.sg_car_run, 0.9, 1.2), recv=near(self.sg_recv, 0.9, 1.25))
        # 机关运行经费 = 公用经费 of admin units
        self.jgyx = self.admin_public
        self.jgyx_last = near(self.jgyx, 0.8, 1.2)
        # totals last year
        self.total_last = int(round(self.total_all() * r.uniform(0.8, 1.2)))
        self.fiscal_last = int(round(self.fiscal_total() * r.uniform(0.8, 1.2)))
        # procurement
        gp_goods = self.amt(5, 80)
        gp_works = self.amt(10, 120) if r.random() < 0.3 else 0
        gp_serv = self.amt(5, 90)
        self.gp = dict(goods=gp_goods, works=gp_works, serv=gp_serv)
        gpt = gp_goods + gp_works + gp_serv
        self.gp_sme = int(gpt * r.uniform(0.5, 1.0))
        self.gp_micro = int(self.gp_sme * r.uniform(0.3, 0.9))
        # vehicles
        kinds = ['主要负责人用车', '机要通信用车', '应急保障用车', '执法执勤用车', '特种专业技术用车', '其他用车']
        self.veh = {k: 0 for k in kinds}
        self.veh['执法执勤用车'] = r.randint(0, 8)
        self.veh['应急保障用车'] = r.randint(0, 2)
        self.veh['机要通信用车'] = r.randint(0, 1)
        self.veh['特种专业技术用车'] = r.randint(0, 3) if r.random() < 0.3 else 0
        self.veh['其他用车'] = r.randint(0, 2)
        self.equip50 = r.randint(0, 3)
        self.equip100 = r.randint(0, 1)
        self.n_proj = r.randint(len(chosen) + 1, len(chosen) + 8)
        self.units = [self.dept + '（本级）'] + self.subunits
        # unit split of income (budget 收入总表)
        gpb = self.gpb_total()
        self.unit_gpb = self.split(gpb, len(self.units), 0.2)

    # ------------------------------------------------------------ aggregates
    def it_gpb(self, it):
        return it['person'] + it['public'] + it['proj']

    def it_all(self, it):
        return self.it_gpb(it) + it['sy'] + it['qt'] + it['gf']

    def it_basic(self, it):
        return it['person'] + it['public']

    def it_allproj(self, it):
        return it['proj'] + it['sy'] + it['qt'] + it['gf']

    def person_total(self):
        return sum(self.econ[c] for c in self.person_codes)

    def public_total(self):
        return sum(self.econ[c] for c in self.public_codes)

    def basic_total(self):
        return sum(self.it_basic(i) for i in self.items.values())

    def gpb_total(self):
        return sum(self.it_gpb(i) for i in self.items.values())

    def gpb_proj(self):
        return sum(i['proj'] for i in self.items.values())

    def gf_total(self):
        return sum(i['gf'] for i in self.items.values())

    def sy_total(self):
        return sum(i['sy'] for i in self.items.values())

    def qt_total(self):
        return sum(i['qt'] for i in self.items.values())

    def exp_total(self):
        return sum(self.it_all(i) for i in self.items.values())

    def proj_total(self):
        return sum(self.it_allproj(i) for i in self.items.values())

    def inc_gpb(self):
        return self.gpb_total() + self.s1 - self.s0

    def inc_total(self):  # 本年收入合计
        return self.inc_gpb() + self.gf_total() + self.sy_total() + self.qt_total()

    def total_all(self):  # 收入总计 = 支出总计
        return self.inc_total() + self.s0

    def fiscal_total(self):  # 财政拨款收支总计
        return self.inc_gpb() + self.gf_total() + self.s0

    def sg_total(self, d=None):
        if d is None:
            d = dict(out=self.sg_out, car_buy=self.sg_car_buy, car_run=self.sg_car_run, recv=self.sg_recv)
        return d['out'] + d['car_buy'] + d['car_run'] + d['recv']

    def tree(self, filt=None, val=None):
        """Return list of (level, code, name, values) rows for functional tables.
        val: function(item) -> list of ints."""
        rows = []
        items = [i for i in self.items.values() if (filt is None or filt(i))]
        leis = sorted({i['code'][:3] for i in items})
        for lei in leis:
            li = [i for i in items if i['code'][:3] == lei]
            lv = [sum(x) for x in zip(*[val(i) for i in li], strict=False)]
            rows.append((1, lei, LEI_NAMES[lei], lv))
            for k in sorted({i['code'][:5] for i in li}):
                ki = [i for i in li if i['code'][:5] == k]
                kv = [sum(x) for x in zip(*[val(i) for i in ki], strict=False)]
                rows.append((2, k, KUAN_NAMES[k], kv))
                for i in ki:
                    rows.append((3, i['code'], i['name'], val(i)))
        return rows

    # ------------------------------------------------------------ tables
    def unit_of_tables(self):
        return '元' if self.yuan else '万元'

    def func_table(self, key, title, cols, val, filt=None, header=None, merges=None, total_label='合计', extra_hdr=None):
        rows = self.tree(filt, val)
        nval = len(rows[0][3]) if rows else len(cols)
        if header is None:
            header = [['科目编码', '科目名称'] + cols]
            merges = []
        body = []
        tot = [sum(r[3][j] for r in rows if r[0] == 1) for j in range(nval)]
        total_row = ['', total_label] + [self.M(v, True) for v in tot]
        if extra_hdr:
            header = header + [extra_hdr]
        for lvl, code, name, vals in rows:
            body.append([code, name] + [self.M(v, lvl < 3) for v in vals])
        trows = []
        if self.total_top:
            body.insert(0, total_row)
            trows = [0]
        else:
            body.append(total_row)
            trows = [len(body) - 1]
        return Table(key, title, header, merges, body, unit=self.unit_of_tables(), total_rows=trows)

    def basic_header(self, first, last_cols=()):
        """header with 基本支出 (人员经费, 公用经费) merged."""
        if self.two_row_hdr:
            h1 = ['科目编码', '科目名称', first, '基本支出', '', '', '项目支出'] + list(last_cols)
            h2 = ['', '', '', '小计', '人员经费', '公用经费', ''] + ['' for _ in last_cols]
            merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 5), (0, 6, 1, 6)]
            for j in range(len(last_cols)):
                merges.append((0, 7 + j, 1, 7 + j))
            return [h1, h2], merges
        h1 = ['科目编码', '科目名称', first, '基本支出小计', '人员经费', '公用经费', '项目支出'] + list(last_cols)
        return [h1], []

    def two_sided(self, key, title, left_title, right_title, left, right, left_cols, right_cols,
                  total_pairs):
        """left/right: list of (label, [cells]) ; total_pairs: list of (left_label, right_label) rows that must align."""
        # align rows: place rows so that totals are on the same line
        L, R = [], []
        li = ri = 0
        for ll, rl in total_pairs:
            while left[li][0] != ll:
                L.append(left[li])
                li += 1
            while right[ri][0] != rl:
                R.append(right[ri])
                ri += 1
            while len(L) < len(R):
                L.append(None)
            while len(R) < len(L):
                R.append(None)
            L.append(left[li])
            li += 1
            R.append(right[ri])
            ri += 1
        L += left[li:]
        R += right[ri:]
        while len(L) < len(R):
            L.append(None)
        while len(R) < len(L):
            R.append(None)
        nl, nr = len(left_cols), len(right_cols)
        h1 = [left_title] + [''] * nl + [right_title] + [''] * nr
        h2 = ['项目'] + left_cols + ['项目'] + right_cols
        merges = [(0, 0, 0, nl), (0, nl + 1, 0, nl + 1 + nr)]
        body = []
        trows = []
        for a, b in zip(L, R, strict=True):
            row = (([a[0]] + a[1]) if a else [''] * (nl + 1)) + (([b[0]] + b[1]) if b else [''] * (nr + 1))
            if (a and ('合计' in a[0] or '总计' in a[0])) or (b and ('合计' in b[0] or '总计' in b[0])):
                trows.append(len(body))
            body.append(row)
        return Table(key, title, [h1, h2], merges, body, unit=self.unit_of_tables(), total_rows=trows)

    def build_tables(self):
        T = []
        if self.doc_type == 'budget':
            T.append(self.t_budget_summary())
            T.append(self.t_budget_income())
            T.append(self.t_budget_exp())
            T.append(self.t_budget_fiscal())
            T.append(self.t_gpb())
            T.append(self.t_basic())
            T.append(self.t_sangong())
            T.append(self.t_gf())
            T.append(self.t_perf())
        else:
            T.append(self.t_final_summary())
            T.append(self.t_final_income())
            T.append(self.t_final_exp())
            T.append(self.t_final_fiscal())
            T.append(self.t_gpb())
            T.append(self.t_basic())
            T.append(self.t_gf())
            T.append(self.t_soe())
            T.append(self.t_sangong())
        return T

    def M2(self, c):
        return self.M(c, True)

    def t_budget_summary(self):
        Y = self.year
        left = [('一、一般公共预算拨款收入', [self.M(self.inc_gpb())]),
                ('二、政府性基金预算拨款收入', [self.M(self.gf_total())]),
                ('三、国有资本经营预算拨款收入', [self.M(0)]),
                ('四、事业收入', [self.M(self.sy_total())]),
                ('五、事业单位经营收入', [self.M(0)]),
                ('六、其他收入', [self.M(self.qt_total())]),
                ('本年收入合计', [self.M2(self.inc_total())]),
                ('上年结转', [self.M(0)]),
                ('收入总计', [self.M2(self.total_all())])]
        right = []
        rows = self.tree(val=lambda i: [self.it_all(i)])
        k = 0
        for lvl, _code, name, v in rows:
            if lvl == 1:
                k += 1
                right.append((f'{cn(k)}、{name}', [self.M(v[0])]))
        right += [('本年支出合计', [self.M2(self.exp_total())]), ('结转下年', [self.M(0)]),
                  ('支出总计', [self.M2(self.total_all())])]
        return self.two_sided('summary', f'{Y}年部门收支总表', '收入', '支出', left, right,
                              [f'{Y}年预算数'], [f'{Y}年预算数'],
                              [('本年收入合计', '本年支出合计'), ('收入总计', '支出总计')])

    def t_budget_income(self):
        Y = self.year
        cols = ['合计', '上年结转', '一般公共预算拨款', '政府性基金预算拨款', '事业收入', '其他收入']
        header = [['单位编码', '单位名称'] + cols]
        body = []
        urows = []
        for k, u in enumerate(self.units):
            g = self.unit_gpb[k]
            gf = self.gf_total() if k == 0 else 0
            sy = self.sy_total() if k == 1 else 0
            qt = self.qt_total() if k == 0 else 0
            urows.append([f'{(101001 + k)}', u, g + gf + sy + qt, 0, g, gf, sy, qt])
        if self.has_sy and len(self.units) < 2:
            raise RuntimeError('sy without subunit')
        tot = [sum(r[j] for r in urows) for j in range(2, 8)]
        tr = ['', '合计'] + [self.M2(v) for v in tot]
        for u in urows:
            body.append(u[:2] + [self.M(u[2], True)] + [self.M(v) for v in u[3:]])
        if self.total_top:
            body.insert(0, tr)
            trows = [0]
        else:
            body.append(tr)
            trows = [len(body) - 1]
        return Table('income', f'{Y}年部门收入总表', header, [], body, unit=self.unit_of_tables(), total_rows=trows)

    def t_budget_exp(self):
        Y = self.year
        return self.func_table('exp', f'{Y}年部门支出总表', ['合计', '基本支出', '项目支出'],
                               lambda i: [self.it_all(i), self.it_basic(i), self.it_allproj(i)])

    def t_budget_fiscal(self):
        Y = self.year
        left = [('一、本年收入', [self.M2(self.inc_gpb() + self.gf_total())]),
                ('（一）一般公共预算拨款', [self.M(self.inc_gpb())]),
                ('（二）政府性基金预算拨款', [self.M(self.gf_total())]),
                ('（三）国有资本经营预算拨款', [self.M(0)]),
                ('二、上年结转', [self.M(0)]),
                ('收入总计', [self.M2(self.fiscal_total())])]
        rows = self.tree(filt=lambda i: i['fund'] in ('gpb', 'gf') and (self.it_gpb(i) + i['gf']) > 0,
                         val=lambda i: [self.it_gpb(i) + i['gf'], self.it_gpb(i), i['gf']])
        right = [('一、本年支出', [self.M2(self.gpb_total() + self.gf_total()), self.M2(self.gpb_total()), self.M2(self.gf_total())])]
        k = 0
        for lvl, _code, name, v in rows:
            if lvl == 1:
                k += 1
                right.append((f'（{cn(k)}）{name}', [self.M(x) for x in v]))
        right += [('二、结转下年', [self.M(0), self.M(0), self.M(0)]),
                  ('支出总计', [self.M2(self.fiscal_total()), self.M2(self.gpb_total()), self.M2(self.gf_total())])]
        return self.two_sided('fiscal', f'{Y}年财政拨款收支总表', '收入', '支出', left, right,
                              ['预算数'], ['合计', '一般公共预算', '政府性基金预算'], [('收入总计', '支出总计')])

    def t_gpb(self):
        Y = self.year
        def gfilt(i):
            return self.it_gpb(i) > 0

        if self.doc_type == 'budget':
            header, merges = self.basic_header('合计')

            def val(i):
                return [self.it_gpb(i), self.it_basic(i), i['person'], i['public'], i['proj']]

            return self.func_table('gpb', f'{Y}年一般公共预算支出表', None, val, gfilt, header, merges)
        if self.two_row_hdr:
            h1 = ['科目编码', '科目名称', '年初预算数', '决算数', '', '']
            h2 = ['', '', '', '合计', '基本支出', '项目支出']
            header = [h1, h2]
            merges = [(0, 0, 1, 0), (0, 1, 1, 1), (0, 2, 1, 2), (0, 3, 0, 5)]
        else:
            header = [['科目编码', '科目名称', '年初预算数', '决算数合计', '基本支出', '项目支出']]
            merges = []

        def val(i):
            return [i['budget'], self.it_gpb(i), self.it_basic(i), i['proj']]

        return self.func_table('gpb', f'{Y}年度一般公共预算财政拨款支出决算表', None, val, gfilt, header, merges)

    def t_basic(self, econ=None):
        Y = self.year
        econ = econ if econ is not None else self.econ
        title = f'{Y}年一般公共预算基本支出表' if self.doc_type == 'budget' else f'{Y}年度一般公共预算财政拨款基本支出决算表'
        header = [['科目编码', '科目名称', '合计', '人员经费', '公用经费']]
        body = []
        groups = sorted({c[:3] for c in econ})
        for g in groups:
            codes = sorted(c for c in econ if c[:3] == g)
            s = sum(econ[c] for c in codes)
            pers = g != '302'
            body.append([g, ECON_GROUP[g], self.M2(s), self.M2(s if pers else 0), self.M2(0 if pers else s)])
            for c in codes:
                v = econ[c]
                body.append([c, self.econ_names[c], self.M(v), self.M(v if pers else 0), self.M(0 if pers else v)])
        tp = sum(econ[c] for c in econ if c[:3] != '302')
        tu = sum(econ[c] for c in econ if c[:3] == '302')
        tr = ['', '合计', self.M2(tp + tu), self.M2(tp), self.M2(tu)]
        if self.total_top:
            body.insert(0, tr)
            trows = [0]
        else:
            body.append(tr)
            trows = [len(body) - 1]
        return Table('basic', title, header, [], body, unit=self.unit_of_tables(), total_rows=trows)

    def t_sangong(self, override_total=None):
        Y = self.year
        if self.doc_type == 'budget':
            a, b = self.sg_last, dict(out=self.sg_out, car_buy=self.sg_car_buy, car_run=self.sg_car_run, recv=self.sg_recv)
            cols = [f'{Y - 1}年预算数', f'{Y}年预算数']
            title = f'{Y}年一般公共预算“三公”经费支出表'
        else:
            a, b = self.sg_budget, dict(out=self.sg_out, car_buy=self.sg_car_buy, car_run=self.sg_car_run, recv=self.sg_recv)
            cols = ['预算数', '决算数']
            title = f'{Y}年度财政拨款“三公”经费支出决算表'
        def row(label, f, total=False):
            return [label] + [self.M(f(a), total), self.M(f(b), total)]
        body = [row('合计', lambda d: self.sg_total(d), True),
                row('1.因公出国（境）费', lambda d: d['out'], True),
                row('2.公务用车购置及运行维护费', lambda d: d['car_buy'] + d['car_run'], True),
                row('  其中：公务用车购置费', lambda d: d['car_buy']),
                row('        公务用车运行维护费', lambda d: d['car_run']),
                row('3.公务接待费', lambda d: d['recv'], True)]
        if self.doc_type == 'final':
            body += [row('  其中：国内接待费', lambda d: d['recv']), row('        国（境）外接待费', lambda d: 0)]
        return Table('sangong', title, [['项目'] + cols], [], body, unit=self.unit_of_tables(), total_rows=[0])

    def t_gf(self):
        Y = self.year
        if self.doc_type == 'budget':
            title = f'{Y}年政府性基金预算支出表'
            header = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']]

            def val(i):
                return [i['gf'], 0, i['gf']]
        else:
            title = f'{Y}年度政府性基金预算财政拨款收入支出决算表'
            header = [['科目编码', '科目名称', '年初结转和结余', '本年收入', '本年支出', '年末结转和结余']]

            def val(i):
                return [0, i['gf'], i['gf'], 0]

        if self.gf_total() == 0:
            body = [['', '合计'] + [None] * (len(header[0]) - 2)]
            note = '注：本部门无政府性基金预算财政拨款收支，故该表为空表。'
            if self.doc_type == 'final':
                note = '注：本部门本年度无政府性基金预算财政拨款收入、支出及结转结余，故该表为空表。'
            return Table('gf', title, header, [], body, unit=self.unit_of_tables(), note=note, total_rows=[0])
        t = self.func_table('gf', title, header[0][2:], val, lambda i: i['gf'] > 0, header, [])
        return t

    def t_soe(self):
        Y = self.year
        header = [['科目编码', '科目名称', '合计', '基本支出', '项目支出']]
        body = [['', '合计', None, None, None]]
        return Table('soe', f'{Y}年度国有资本经营预算财政拨款支出决算表', header, [], body, unit=self.unit_of_tables(),
                     note='注：本部门本年度无国有资本经营预算财政拨款收支，故该表为空表。', total_rows=[0])

    def t_perf(self, basic=None):
        Y = self.year
        B = self.basic_total() if basic is None else basic
        P = self.proj_total()
        F = self.gpb_total() + self.gf_total() + (B - self.basic_total())
        oth = self.sy_total() + self.qt_total()
        header = [['部门（单位）名称', self.dept, '', '']]
        merges = [(0, 1, 0, 3)]
        body = [
            ['年度预算情况（万元）', '部门预算总额', Money(B + P), ''],
            ['', '1、资金来源：（1）财政性资金', Money(F), ''],
            ['', '（2）其他资金', Money(oth) if oth or not self.zero_blank else None, ''],
            ['', '2、资金结构：（1）基本支出', Money(B), ''],
            ['', '（2）项目支出', Money(P), ''],
            ['年度总体目标', '保障机构正常运转，全面履行部门职能，完成年度重点工作任务，提升公共服务水平。', '', ''],
            ['一级指标', '二级指标', '三级指标', '指标值'],
            ['产出指标', '数量指标', '重点工作任务完成数', f'≥{self.r.randint(5, 20)}项'],
            ['产出指标', '质量指标', '重点工作完成率', '≥95%'],
            ['产出指标', '时效指标', '预算执行进度', '按时完成'],
            ['效益指标', '社会效益指标', '公共服务水平', '有所提升'],
            ['满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'],
        ]
        t = Table('perf', f'{Y}年部门整体支出绩效目标表', header, merges, body, unit='万元', total_rows=[0])
        t.merges_body = [(0, 0, 4, 0), (5, 1, 5, 3)]
        return t

    def t_final_summary(self):
        Y = self.year
        left_items = [('一、一般公共预算财政拨款收入', self.inc_gpb()), ('二、政府性基金预算财政拨款收入', self.gf_total()),
                      ('三、国有资本经营预算财政拨款收入', 0), ('四、上级补助收入', 0), ('五、事业收入', self.sy_total()),
                      ('六、经营收入', 0), ('七、附属单位上缴收入', 0), ('八、其他收入', self.qt_total())]
        left = []
        n = 0
        for lab, v in left_items:
            n += 1
            left.append((lab, [str(n), self.M(v)]))
        left += [('本年收入合计', [str(n + 1), self.M2(self.inc_total())]),
                 ('使用非财政拨款结余', [str(n + 2), self.M(0)]),
                 ('年初结转和结余', [str(n + 3), self.M(self.s0)]),
                 ('收入总计', [str(n + 4), self.M2(self.total_all())])]
        right = []
        rows = self.tree(val=lambda i: [self.it_all(i)])
        k = 0
        m = 30
        for lvl, _code, name, v in rows:
            if lvl == 1:
                k += 1
                right.append((f'{cn(k)}、{name}', [str(m), self.M(v[0])]))
                m += 1
        right += [('本年支出合计', [str(m), self.M2(self.exp_total())]), ('结余分配', [str(m + 1), self.M(0)]),
                  ('年末结转和结余', [str(m + 2), self.M(self.s1)]), ('支出总计', [str(m + 3), self.M2(self.total_all())])]
        return self.two_sided('summary', f'{Y}年度收入支出决算总表', '收入', '支出', left, right,
                              ['行次', '金额'], ['行次', '金额'],
                              [('本年收入合计', '本年支出合计'), ('收入总计', '支出总计')])

    def final_income_val(self, i, extra=0):
        fin = self.it_gpb(i) + i['gf'] + (self.s1 - self.s0 if i['code'] == self.proj_main else 0) + extra
        return [fin + i['sy'] + i['qt'], fin, 0, i['sy'], 0, 0, i['qt']]

    def t_final_income(self, extra_code=None, extra=0):
        Y = self.year
        cols = ['本年收入合计', '财政拨款收入', '上级补助收入', '事业收入', '经营收入', '附属单位上缴收入', '其他收入']
        lanci = ['栏次', ''] + [str(j + 1) for j in range(len(cols))] if self.r.random() < 0.5 else None
        return self.func_table('income', f'{Y}年度收入决算表', cols,
                               lambda i: self.final_income_val(i, extra if i['code'] == extra_code else 0),
                               extra_hdr=lanci)

    def t_final_exp(self):
        Y = self.year
        cols = ['本年支出合计', '基本支出', '项目支出', '上缴上级支出', '经营支出', '对附属单位补助支出']
        lanci = ['栏次', ''] + [str(j + 1) for j in range(len(cols))] if self.r.random() < 0.5 else None
        return self.func_table('exp', f'{Y}年度支出决算表', cols,
                               lambda i: [self.it_all(i), self.it_basic(i), self.it_allproj(i), 0, 0, 0],
                               extra_hdr=lanci)

    def t_final_fiscal(self):
        Y = self.year
        left = [('一、一般公共预算财政拨款', ['1', self.M(self.inc_gpb())]),
                ('二、政府性基金预算财政拨款', ['2', self.M(self.gf_total())]),
                ('三、国有资本经营预算财政拨款', ['3', self.M(0)]),
                ('本年收入合计', ['4', self.M2(self.inc_gpb() + self.gf_total())]),
                ('年初财政拨款结转和结余', ['5', self.M(self.s0)]),
                ('收入总计', ['6', self.M2(self.fiscal_total())])]
        rows = self.tree(filt=lambda i: (self.it_gpb(i) + i['gf']) > 0,
                         val=lambda i: [self.it_gpb(i) + i['gf'], self.it_gpb(i), i['gf'], 0])
        right = []
        k = 0
        m = 30
        for lvl, _code, name, v in rows:
            if lvl == 1:
                k += 1
                right.append((f'{cn(k)}、{name}', [str(m)] + [self.M(x) for x in v]))
                m += 1
        ex = self.gpb_total() + self.gf_total()
        right += [('本年支出合计', [str(m), self.M2(ex), self.M2(self.gpb_total()), self.M2(self.gf_total()), self.M2(0)]),
                  ('年末财政拨款结转和结余', [str(m + 1), self.M(self.s1), self.M(self.s1), self.M(0), self.M(0)]),
                  ('支出总计', [str(m + 2), self.M2(self.fiscal_total()), self.M2(self.gpb_total() + self.s1),
                            self.M2(self.gf_total()), self.M2(0)])]
        return self.two_sided('fiscal', f'{Y}年度财政拨款收入支出决算总表', '收入', '支出', left, right,
                              ['行次', '金额'], ['行次', '合计', '一般公共预算财政拨款', '政府性基金预算财政拨款', '国有资本经营预算财政拨款'],
                              [('本年收入合计', '本年支出合计'), ('收入总计', '支出总计')])

    # ------------------------------------------------------------ text
    def build_text(self):
        r = self.r
        Y = self.year
        B = self.doc_type == 'budget'
        kind = '预算' if B else '决算'
        yr = f'{Y}年' if B else f'{Y}年度'
        cmp_ = f'与{Y - 1}年预算相比' if B else f'与{Y - 1}年度决算相比'
        self.h(1, f'{self.dept}{Y}年部门预算' if B else f'{self.dept}{Y}年度部门决算')
        self.h(2, f'第一部分 {self.dept}概况')
        self.h(3, '一、主要职能')
        for k, d in enumerate(self.dt['duties']):
            self.p(f'（{cn(k + 1)}）{d}')
        self.h(3, '二、机构设置及' + ('部门预算' if B else '部门决算') + '单位构成')
        n_off = len(self.offices)
        bi = self.p(f'{self.dept}内设{n_off}个职能科室，分别是：{"、".join(self.offices)}。')
        self.claim('count_office', bi, f'内设{n_off}个职能科室', n=n_off)
        if self.subunits:
            self.p(f'纳入{self.dept}{Y}年{"度" if not B else ""}部门{kind}编制范围的单位共{len(self.units)}个，包括：'
                   + '、'.join([self.dept + '（本级）'] + self.subunits) + '。')
        else:
            self.p(f'纳入{self.dept}{Y}年{"度" if not B else ""}部门{kind}编制范围的单位仅{self.dept}本级，无下属预算单位。')
        self.h(3, '三、人员编制情况')
        bz = self.bz_admin + self.bz_inst
        if self.bz_inst:
            self.p(f'{self.dept}共有编制{bz}名，其中：行政编制{self.bz_admin}名，事业编制{self.bz_inst}名。实有在职人员{self.staff_in}人，退休人员{self.staff_retired}人。')
        else:
            self.p(f'{self.dept}共有行政编制{bz}名，实有在职人员{self.staff_in}人，退休人员{self.staff_retired}人。')

        self.h(2, f'第二部分 {self.dept}{yr}部门{kind}情况说明')
        sec = 0

        def sh(title, key=None):
            nonlocal sec
            sec += 1
            return self.h(3, f'{cn(sec)}、{title}', key)

        # 1 总体
        tot = self.total_all()
        sh(TITLES[self.doc_type]['overall'], 'overall')
        cl, info = self.change(tot, self.total_last)
        if B:
            txt = (f'{self.dept}{Y}年收入总计{self.w(tot)}万元，支出总计{self.w(tot)}万元。{cmp_}，收、支总计各{cl}。'
                   f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。')
        else:
            txt = (f'{self.dept}{Y}年度收入总计{self.w(tot)}万元，支出总计{self.w(tot)}万元。{cmp_}，收、支总计各{cl}。'
                   f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。')
        bi = self.p(txt)
        self.claim('total_text', bi, f'收入总计{self.w(tot)}万元', value=tot)
        if info:
            self.claim('growth', bi, cl, **info)
            self.claim('compyear', bi, cmp_)
        if not B:
            bi = self.p(f'收入总计{self.w(tot)}万元，其中：本年收入合计{self.w(self.inc_total())}万元，使用非财政拨款结余0.00万元，'
                        f'年初结转和结余{self.w(self.s0)}万元。支出总计{self.w(tot)}万元，其中：本年支出合计{self.w(self.exp_total())}万元，'
                        f'结余分配0.00万元，年末结转和结余{self.w(self.s1)}万元。')
            self.claim('breakdown', bi, f'本年收入合计{self.w(self.inc_total())}万元', label='本年收入合计', value=self.inc_total(),
                       total=tot)
        # 2 收入
        sh(TITLES[self.doc_type]['income'], 'income')
        it = self.inc_total()
        parts = [('一般公共预算拨款收入' if B else '一般公共预算财政拨款收入', self.inc_gpb()),
                 ('政府性基金预算拨款收入' if B else '政府性基金预算财政拨款收入', self.gf_total())]
        if self.sy_total():
            parts.append(('事业收入', self.sy_total()))
        if self.qt_total():
            parts.append(('其他收入', self.qt_total()))
        segs = [f'{n}{self.w(v)}万元，占{self.pc(v, it)}%' for n, v in parts]
        bi = self.p(f'{self.dept}{yr}本年收入合计{self.w(it)}万元，其中：' + '；'.join(segs) + '。')
        for (n, v), s in zip(parts, segs, strict=True):
            self.claim('share', bi, s, part=v, total=it, label=n)
        # 3 支出
        sh(TITLES[self.doc_type]['exp'], 'exp')
        et = self.exp_total()
        bt, pt = self.basic_total(), self.proj_total()
        s1 = f'基本支出{self.w(bt)}万元，占{self.pc(bt, et)}%'
        s2 = f'项目支出{self.w(pt)}万元，占{self.pc(pt, et)}%'
        bi = self.p(f'{self.dept}{yr}本年支出合计{self.w(et)}万元，其中：{s1}；{s2}。'
                    f'基本支出是为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费；项目支出是为完成特定行政任务和事业发展目标所发生的支出。')
        self.claim('share', bi, s1, part=bt, total=et, label='基本支出')
        self.claim('share', bi, s2, part=pt, total=et, label='项目支出')
        # 4 财政拨款
        sh(TITLES[self.doc_type]['fiscal'], 'fiscal')
        ft = self.fiscal_total()
        cl, info = self.change(ft, self.fiscal_last)
        if B:
            txt = (f'{self.dept}{Y}年财政拨款收支总预算{self.w(ft)}万元，其中：一般公共预算拨款{self.w(self.inc_gpb())}万元，'
                   f'政府性基金预算拨款{self.w(self.gf_total())}万元。{cmp_}，财政拨款收支总预算{cl}。')
        else:
            txt = (f'{self.dept}{Y}年度财政拨款收入、支出决算总计{self.w(ft)}万元。{cmp_}，财政拨款收、支总计各{cl}。'
                   f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。')
        bi = self.p(txt)
        if info:
            self.claim('growth', bi, cl, **info)
            self.claim('compyear', bi, cmp_)
        # 5 一般公共预算
        sh(TITLES[self.doc_type]['gpb'], 'gpb')
        gt = self.gpb_total()
        gl = sum(i['last'] for i in self.items.values() if self.it_gpb(i) > 0)
        self.p('（一）总体情况')
        cl, info = self.change(gt, gl)
        sp = f'占本年支出合计的{self.pc(gt, et)}%'
        bi = self.p(f'{self.dept}{yr}一般公共预算财政拨款支出{self.w(gt)}万元，{sp}。{cmp_}，{cl}。'
                    f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。')
        self.claim('share', bi, sp, part=gt, total=et, label='一般公共预算财政拨款支出')
        if info:
            self.claim('growth', bi, cl, **info)
        self.p('（二）结构情况')
        rows = self.tree(filt=lambda i: self.it_gpb(i) > 0, val=lambda i: [self.it_gpb(i)])
        segs = [f'{name}（类）{self.w(v[0])}万元，占{self.pc(v[0], gt)}%' for lvl, code, name, v in rows if lvl == 1]
        bi = self.p(f'{self.dept}{yr}一般公共预算财政拨款支出{self.w(gt)}万元，主要用于以下方面：' + '；'.join(segs) + '。')
        for (_lvl, _code, name, v), s in zip([x for x in rows if x[0] == 1], segs, strict=True):
            self.claim('share', bi, s, part=v[0], total=gt, label=name)
        self.p('（三）具体情况')
        n = 0
        lei = kuan = ''
        for lvl, code, name, _v in rows:
            if lvl == 1:
                lei = name
                continue
            if lvl == 2:
                kuan = name
                continue
            n += 1
            i = self.items[code]
            a = self.it_gpb(i)
            head = f'{n}.{lei}（类）{kuan}（款）{name}（项）'
            if B:
                cl, info = self.change(a, i['last'])
                bi = self.p(f'{head}{self.w(a)}万元，与上年相比{cl}。主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。')
                if info:
                    self.claim('growth', bi, cl, **info)
            else:
                c = self.pc(a, i['budget'])
                sub = f'完成年初预算的{c}%'
                bi = self.p(f'{head}：年初预算为{self.w(i["budget"])}万元，支出决算为{self.w(a)}万元，{sub}。'
                            + ('决算数大于年初预算数的主要原因是年中追加了相关经费。' if a > i['budget'] else
                               '决算数小于年初预算数的主要原因是厉行节约、压减一般性支出。' if a < i['budget'] else ''))
                self.claim('completion', bi, sub, part=a, total=i['budget'])
        # 6 基本支出
        sh(TITLES[self.doc_type]['basic'], 'basic')
        pers, pub = self.person_total(), self.public_total()
        plist = '、'.join(f'{self.econ_names[c]}{self.w(self.econ[c])}万元' for c in sorted(self.person_codes))
        ulist = '、'.join(f'{self.econ_names[c]}{self.w(self.econ[c])}万元' for c in sorted(self.public_codes))
        bi = self.p(f'{self.dept}{yr}一般公共预算财政拨款基本支出{self.w(pers + pub)}万元，其中：')
        bi1 = self.p(f'人员经费{self.w(pers)}万元，其中：{plist}。')
        self.p(f'公用经费{self.w(pub)}万元，其中：{ulist}。')
        for c in sorted(self.person_codes):
            self.claim('breakdown', bi1, f'{self.econ_names[c]}{self.w(self.econ[c])}万元', label=self.econ_names[c],
                       value=self.econ[c], total=pers)
        # 7 三公
        sh(TITLES[self.doc_type]['sangong'], 'sangong')
        st = self.sg_total()
        sl = self.sg_total(self.sg_last)
        cl, info = self.change(st, sl)
        if B:
            sent = f'{self.dept}{Y}年一般公共预算“三公”经费预算{self.w(st)}万元，比{Y - 1}年预算{self.w(sl)}万元{cl}。'
            tsub = f'“三公”经费预算{self.w(st)}万元'
        else:
            sbud = self.sg_total(self.sg_budget)
            sent = (f'{self.dept}{Y}年度财政拨款“三公”经费支出决算{self.w(st)}万元，完成预算的{self.pc(st, sbud)}%，'
                    f'比{Y - 1}年度决算{self.w(sl)}万元{cl}。')
            tsub = f'“三公”经费支出决算{self.w(st)}万元'
        sent += f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。'
        bi = self.p(sent)
        self.claim('sangong_total', bi, tsub, value=st)
        if info:
            self.claim('growth', bi, cl, **info)
            self.claim('direction', bi, cl, **info)
        # parts
        vb = '预算' if B else '支出'
        def part_sent(label, this, last, extra=''):
            if last == 0 and this == 0:
                return f'{label}{vb}{self.w(this)}万元，与上年持平。', None, None
            if last == 0:
                return f'{label}{vb}{self.w(this)}万元，上年未安排此项经费。', None, None
            c2, inf = self.change(this, last)
            return f'{label}{vb}{self.w(this)}万元{extra}，比上年{c2}。', c2, inf
        s, c2, inf = part_sent('1.因公出国（境）费', self.sg_out, self.sg_last['out'])
        bi = self.p(s + ('全年安排因公出国（境）团组0个。' if self.sg_out == 0 else f'全年安排因公出国（境）团组{r.randint(1, 2)}个。'))
        if inf:
            self.claim('growth', bi, c2, **inf)
        car = self.sg_car_buy + self.sg_car_run
        carl = self.sg_last['car_buy'] + self.sg_last['car_run']
        s, c2, inf = part_sent('2.公务用车购置及运行维护费', car, carl,
                               f'（其中：公务用车购置费{self.w(self.sg_car_buy)}万元，公务用车运行维护费{self.w(self.sg_car_run)}万元）')
        bi = self.p(s)
        if inf:
            self.claim('growth', bi, c2, **inf)
        self.claim('sg_car', bi, f'公务用车购置费{self.w(self.sg_car_buy)}万元', value=self.sg_car_buy)
        if self.sg_car_buy:
            if self.sg_last['car_buy'] == 0:
                zs = f'公务用车购置费{self.w(self.sg_car_buy)}万元，上年未安排公务用车购置费，本年按规定更新公务用车1辆。'
                bi = self.p(zs)
                self.claim('zero_base', bi, zs, value=self.sg_car_buy)
            else:
                c3, inf3 = self.change(self.sg_car_buy, self.sg_last['car_buy'])
                bi = self.p(f'其中：公务用车购置费{self.w(self.sg_car_buy)}万元，比上年{c3}，本年按规定更新公务用车1辆。')
                self.claim('growth', bi, c3, **inf3)
        s, c2, inf = part_sent('3.公务接待费', self.sg_recv, self.sg_last['recv'])
        bi = self.p(s + '主要用于按规定开支的各类公务接待支出。')
        if inf:
            self.claim('growth', bi, c2, **inf)
        # 8 政府性基金
        sh(TITLES[self.doc_type]['gf'], 'gf')
        if self.gf_total():
            g = self.gf_total()
            self.p(f'{self.dept}{yr}政府性基金预算财政拨款支出{self.w(g)}万元，全部为项目支出，主要用于{self.dt["gf"][3]}。')
        else:
            self.p(f'{self.dept}{yr}无政府性基金预算财政拨款收支，故《政府性基金预算{"支出表" if B else "财政拨款收入支出决算表"}》为空表。')
        sh(TITLES[self.doc_type]['soe'], 'soe')
        self.p(f'{self.dept}{yr}无国有资本经营预算财政拨款收支，' + ('故未编制国有资本经营预算支出表。' if B else '故《国有资本经营预算财政拨款支出决算表》为空表。'))
        # 其他重要事项
        sh('其他重要事项的情况说明', 'other')
        self.h(3, '（一）机关运行经费支出情况', 'jgyx')
        cl, info = self.change(self.jgyx, self.jgyx_last)
        if B:
            txt = f'{Y}年{self.dept}机关运行经费预算{self.w(self.jgyx)}万元，比{Y - 1}年预算{self.w(self.jgyx_last)}万元{cl}。'
        else:
            txt = f'{Y}年度{self.dept}机关运行经费支出{self.w(self.jgyx)}万元，比{Y - 1}年度{self.w(self.jgyx_last)}万元{cl}。'
        txt += f'主要原因是{r.choice(REASONS_UP if info and info["up"] else REASONS_DOWN)}。'
        bi = self.p(txt)
        if info:
            self.claim('growth', bi, cl, **info)
            self.claim('direction', bi, cl, **info)
        self.h(3, '（二）政府采购支出情况', 'procurement')
        gpt = sum(self.gp.values())
        if B:
            txt = (f'{Y}年{self.dept}政府采购预算总额{self.w(gpt)}万元，其中：政府采购货物预算{self.w(self.gp["goods"])}万元、'
                   f'政府采购工程预算{self.w(self.gp["works"])}万元、政府采购服务预算{self.w(self.gp["serv"])}万元。'
                   f'面向中小企业预留政府采购项目预算金额{self.w(self.gp_sme)}万元，占政府采购预算总额的{self.pc(self.gp_sme, gpt)}%，'
                   f'其中：预留给小微企业{self.w(self.gp_micro)}万元，占预留中小企业金额的{self.pc(self.gp_micro, self.gp_sme)}%。')
        else:
            txt = (f'{Y}年度{self.dept}政府采购支出总额{self.w(gpt)}万元，其中：政府采购货物支出{self.w(self.gp["goods"])}万元、'
                   f'政府采购工程支出{self.w(self.gp["works"])}万元、政府采购服务支出{self.w(self.gp["serv"])}万元。'
                   f'授予中小企业合同金额{self.w(self.gp_sme)}万元，占政府采购支出总额的{self.pc(self.gp_sme, gpt)}%，'
                   f'其中：授予小微企业合同金额{self.w(self.gp_micro)}万元，占授予中小企业合同金额的{self.pc(self.gp_micro, self.gp_sme)}%。')
        bi = self.p(txt)
        self.claim('share', bi, f'占政府采购{"预算" if B else "支出"}总额的{self.pc(self.gp_sme, gpt)}%', part=self.gp_sme, total=gpt,
                   label='中小企业')
        self.h(3, '（三）国有资产占用情况', 'assets')
        nveh = sum(self.veh.values())
        date = f'{Y - 1}年12月31日' if B else f'{Y}年12月31日'
        vparts = '、'.join(f'{k}{v}辆' for k, v in self.veh.items())
        bi = self.p(f'截至{date}，{self.dept}共有车辆{nveh}辆，其中：{vparts}。单价50万元以上通用设备{self.equip50}台（套），'
                    f'单价100万元以上专用设备{self.equip100}台（套）。')
        self.claim('count_veh', bi, f'共有车辆{nveh}辆', n=nveh)
        if B:
            self.h(3, '（四）预算绩效管理情况', 'perf')
            gp = self.gpb_proj()
            self.p(f'根据预算绩效管理要求，{self.dept}{Y}年实行绩效目标管理的项目{self.n_proj}个，涉及一般公共预算项目支出{self.w(gp)}万元。'
                   f'同时编制了部门整体支出绩效目标，部门整体支出预算{self.w(self.exp_total())}万元，其中：基本支出{self.w(bt)}万元，'
                   f'项目支出{self.w(pt)}万元。')
        else:
            self.h(3, '（四）预算绩效管理情况', 'perf')
            gp = self.gpb_proj()
            self.p(f'根据预算绩效管理要求，{self.dept}组织对{Y}年度一般公共预算项目支出全面开展绩效自评，共涉及项目{self.n_proj}个，'
                   f'资金{self.w(gp)}万元，占一般公共预算项目支出总额的100%。自评结果显示，各项目基本完成年初设定的绩效目标。')
        self.h(2, '第三部分 名词解释')
        for k, (a, b) in enumerate(GLOSSARY):
            self.p(f'{cn(k + 1)}、{a}：{b}')
        self.h(2, f'第四部分 {yr}部门{kind}表')
        self.p('（详见下表）' if self.r.random() < 0.5 else f'{self.dept}{yr}部门{kind}公开表如下。')

    # ------------------------------------------------------------ build
    def build(self):
        self.build_text()
        self.tables = self.build_tables()
        self.defect = None
        if self.defect_class:
            self.apply_defect(self.defect_class)
        for t in self.tables:
            self.blocks.append({'t': 'table', 'table': t})
        return self

    # ------------------------------------------------------------ defects
    def replace_in_block(self, bi, old, new):
        t = self.blocks[bi]['text']
        assert old in t, (old, t)
        self.blocks[bi]['text'] = t.replace(old, new, 1)

    def pick(self, kind, cond=None):
        c = [x for x in self.claims if x['kind'] == kind and (cond is None or cond(x))]
        return self.r.choice(c) if c else None

    def table(self, key):
        return [t for t in self.tables if t.key == key][0]

    def find_row(self, t, label):
        for k, row in enumerate(t.body):
            for j, c in enumerate(row):
                if isinstance(c, str) and c.strip() == label:
                    return k, j
        raise KeyError(label)

    def off(self, v, lo=0.06, hi=0.18):
        f = self.r.uniform(lo, hi) * self.r.choice([1, -1])
        nv = int(round(v * (1 + f)))
        if abs(nv - v) < 50:
            nv = v + 50 if f > 0 else v - 50
        return nv

    def apply_defect(self, cls):
        r = self.r
        Y = self.year
        d = {'class': cls}
        if cls == 'table-total':
            opt = r.choice(['gpb', 'exp', 'basic'])
            t = self.table(opt)
            ri = min(t.total_rows)
            col = 2
            if opt == 'basic':
                col = r.choice([2, 3])
            old = t.body[ri][col].c
            nv = self.off(old)
            t.body[ri][col] = Money(nv)
            d.update(where=self.fmt_cell(t, Money(nv)), stated=self.fmt_cell(t, Money(nv)), expected=self.fmt_cell(t, Money(old)),
                     table=t.title, row='合计', note=f'{t.title}: 合计 row column "{t.header[0][col] if t.header[0][col] else t.header[-1][col]}" is not the sum of the rows below.')
        elif cls == 'cross-table':
            if r.random() < 0.5:
                econ2 = dict(self.econ)
                code = '30102' if '30102' in econ2 else self.person_codes[0]
                add = self.off(econ2[code]) - econ2[code]
                add = abs(add) + int(0.05 * self.basic_total())
                econ2[code] += add
                t = self.t_basic(econ2)
                k = [i for i, x in enumerate(self.tables) if x.key == 'basic'][0]
                self.tables[k] = t
                newt = sum(econ2.values())
                d.update(where=self.fmt_cell(t, Money(newt)), stated=self.fmt_cell(t, Money(newt)),
                         expected=self.fmt_cell(t, Money(self.basic_total())), table=t.title, row='合计',
                         alt=[self.fmt_cell(t, Money(econ2[code]))],
                         note=f'基本支出 in {t.title} ({self.econ_names[code]} inflated) differs from 基本支出 in the other tables and text.')
            else:
                if self.doc_type == 'budget':
                    add = int(self.unit_gpb[0] * r.uniform(0.08, 0.2)) + 100
                    self.unit_gpb[0] += add
                    t = self.t_budget_income()
                    self.unit_gpb[0] -= add
                    k = [i for i, x in enumerate(self.tables) if x.key == 'income'][0]
                    self.tables[k] = t
                    newv = self.inc_gpb() + add
                    d.update(where=self.fmt_cell(t, Money(newv)), stated=self.fmt_cell(t, Money(newv)),
                             expected=self.fmt_cell(t, Money(self.inc_gpb())), table=t.title, row='合计',
                             note='一般公共预算拨款 total in 收入总表 differs from 收支总表, 财政拨款收支总表 and the text.')
                else:
                    code = self.proj_main
                    add = int(self.it_gpb(self.items[code]) * r.uniform(0.1, 0.25)) + 100
                    t = self.t_final_income(code, add)
                    k = [i for i, x in enumerate(self.tables) if x.key == 'income'][0]
                    self.tables[k] = t
                    newv = self.inc_gpb() + self.gf_total() + add
                    d.update(where=self.fmt_cell(t, Money(newv)), stated=self.fmt_cell(t, Money(newv)),
                             expected=self.fmt_cell(t, Money(self.inc_gpb() + self.gf_total())), table=t.title, row='合计',
                             note='财政拨款收入 in 收入决算表 (one 项 raised, sums kept) differs from 收入支出决算总表, 财政拨款收入支出决算总表 and text.')
        elif cls == 'blank-total':
            t = self.table('summary')
            ri, j = self.find_row(t, '收入总计')
            col = j + (1 if self.doc_type == 'budget' else 2)
            old = t.body[ri][col]
            t.body[ri][col] = None
            d.update(where='收入总计', stated='', expected=self.fmt_cell(t, old), table=t.title, row='收入总计',
                     note='收入总计 cell left blank in the summary table while rows and 支出总计 are filled.')
        elif cls == 'text-vs-table':
            c = self.pick('total_text')
            nv = self.off(c['value'])
            new = c['sub'].replace(self.w(c['value']), self.w(nv))
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=self.w(nv), expected=self.w(c['value']),
                     note='收入总计 in the 总体情况 text differs from the summary table.')
        elif cls == 'share':
            c = self.pick('share', lambda x: x['total'] and 5 <= x['part'] * 100 / x['total'] <= 95)
            old = pct_value(c['part'], c['total'], self.pct_dec)
            delta = D(r.choice([-1, 1]) * r.randint(20, 50)) / 10
            if old + delta <= 0 or old + delta >= 100:
                delta = -delta
            nv = (old + delta).quantize(old)
            new = c['sub'].replace(f'占{old}%', f'占{nv}%').replace(f'的{old}%', f'的{nv}%')
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=f'{nv}%', expected=f'{old}%', note=f'share of {c["label"]} is wrong by {delta} points.')
        elif cls == 'growth':
            c = self.pick('growth', lambda x: x['last'] >= 500 and abs(x['delta']) >= 100 and x['g'] < 80)
            if c is None:
                c = self.pick('growth')
            old = c['g']
            alt = pct_value(abs(c['delta']), c['this'], self.pct_dec)  # divided by this year (real error)
            if abs(alt - old) >= 2 and abs(alt - old) <= 40:
                nv = alt
            else:
                nv = (old + D(r.randint(25, 60)) / 10).quantize(old)
            word = '增长' if c['up'] else '下降'
            new = c['sub'].replace(f'{word}{old}%', f'{word}{nv}%')
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=f'{word}{nv}%', stated=f'{nv}%', expected=f'{old}%',
                     note=f'growth rate {word}{nv}% does not match change {self.w(abs(c["delta"]))} over last year {self.w(c["last"])}.')
        elif cls == 'direction':
            c = self.pick('direction')
            if c['up']:
                new = c['sub'].replace('增加', '减少').replace('增长', '下降')
            else:
                new = c['sub'].replace('减少', '增加').replace('下降', '增长')
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=new[:2], expected=c['sub'][:2],
                     note=f'direction word says {new[:2]} but this year {self.w(c["this"])} vs last year {self.w(c["last"])} went the other way.')
        elif cls == 'breakdown':
            c = self.pick('breakdown', lambda x: x['label'] != '本年收入合计' and x['value'] > 300) or self.pick('breakdown')
            nv = self.off(c['value'], 0.15, 0.3)
            new = c['sub'].replace(self.w(c['value']), self.w(nv))
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=self.w(nv), expected=self.w(c['value']),
                     note=f'item {c["label"]} in the 其中 list changed, so the list no longer adds up to its stated total {self.w(c["total"])}.')
        elif cls == 'sangong-sum':
            c = self.pick('sangong_total')
            nv = self.off(c['value'], 0.1, 0.25)
            new = c['sub'].replace(self.w(c['value']), self.w(nv))
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=self.w(nv), expected=self.w(c['value']),
                     note='三公 total in the text is not 出国 + 用车 + 接待 (and differs from the table).')
        elif cls == 'perf-table':
            add = int(self.basic_total() * r.uniform(0.06, 0.15)) + 100
            t = self.t_perf(self.basic_total() + add)
            k = [i for i, x in enumerate(self.tables) if x.key == 'perf'][0]
            self.tables[k] = t
            d.update(where=self.fmt_cell(t, Money(self.exp_total() + add)), stated=self.fmt_cell(t, Money(self.exp_total() + add)),
                     expected=self.fmt_cell(t, Money(self.exp_total())), table=t.title, row='部门预算总额',
                     alt=[self.fmt_cell(t, Money(self.basic_total() + add))],
                     note='部门整体支出绩效目标表: 预算总额 and 基本支出 differ from the budget tables (by the same amount).')
        elif cls == 'count':
            if r.random() < 0.5:
                c = self.pick('count_veh')
                k = r.choice(['执法执勤用车', '其他用车', '应急保障用车'])
                v = self.veh[k]
                nv = c['n'] + r.randint(1, 3)
                old = f'{k}{v}辆'
                bi = c['block']
                self.replace_in_block(bi, old, f'{k}{nv}辆')
                d.update(where=f'{k}{nv}辆', stated=str(nv), expected=f'<= {c["n"]}',
                         note=f'其中 count {k}{nv}辆 exceeds the total 共有车辆{c["n"]}辆 (and parts no longer add up).')
            else:
                c = self.pick('count_office')
                nv = c['n'] + r.choice([-2, -1, 1, 2])
                new = f'内设{nv}个职能科室'
                self.replace_in_block(c['block'], c['sub'], new)
                d.update(where=new, stated=str(nv), expected=str(c['n']),
                         note=f'内设机构 count says {nv} but {c["n"]} names are listed.')
        elif cls == 'comparison-year':
            c = self.pick('compyear')
            wy = Y - 2 if r.random() < 0.7 else Y
            new = c['sub'].replace(f'{Y - 1}年', f'{wy}年')
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=new, stated=str(wy), expected=str(Y - 1),
                     note=f'comparison year {wy} in a {Y} document; should be {Y - 1}.')
        elif cls == 'template-residue':
            if r.random() < 0.5:
                c = self.pick('growth')
                w1 = '增加' if c['up'] else '减少'
                res = r.choice(['增加（减少）', '增长（下降）']) if True else ''
                if res == '增加（减少）':
                    new = c['sub'].replace(w1, '增加（减少）', 1)
                    where = '增加（减少）'
                else:
                    w2 = '增长' if c['up'] else '下降'
                    new = c['sub'].replace(w2, '增长（下降）', 1)
                    where = '增长（下降）'
                self.replace_in_block(c['block'], c['sub'], new)
                d.update(where=new, stated=where, expected=w1, note=f'template residue "{where}" left in a change sentence.')
            else:
                bis = [i for i, b in enumerate(self.blocks) if b['t'] == 'p' and '主要原因是' in b['text']]
                bi = r.choice(bis)
                t = self.blocks[bi]['text']
                k = t.index('主要原因是')
                end = t.index('。', k)
                ins = '（请根据实际情况填写变动原因）'
                self.blocks[bi]['text'] = t[:end] + ins + t[end:]
                d.update(where=ins, stated=ins, expected='', note='bracketed instruction to the author left in the text.')
        elif cls == 'missing-part':
            key = r.choice(['sangong', 'procurement'])
            s = [i for i, b in enumerate(self.blocks) if b.get('key') == key][0]
            e = s + 1
            while e < len(self.blocks) and self.blocks[e]['t'] == 'p':
                e += 1
            title = self.blocks[s]['text']
            del self.blocks[s:e]
            self.claims = []
            d.update(where='三公' if key == 'sangong' else '政府采购', stated='', expected=title,
                     note=f'mandatory section "{title}" and its heading deleted.')
        elif cls == 'zero-base':
            c = self.pick('zero_base')
            if c is None:
                # make one: 公务用车购置费 sentence with last year 0
                raise RuntimeError('zero-base requires car purchase')
            new = f'公务用车购置费{self.w(c["value"])}万元，比上年增加{self.w(c["value"])}万元，增长100%，本年按规定更新公务用车1辆。'
            self.replace_in_block(c['block'], c['sub'], new)
            d.update(where=f'增加{self.w(c["value"])}万元，增长100%', stated='100%', expected='not computable (last year 0)',
                     note='growth stated as 100% although last year\'s 公务用车购置费 was 0.')
        elif cls == 'doc-type':
            cands = [i for i, b in enumerate(self.blocks) if b['t'] == 'h3' and b.get('key') in ('gf', 'soe', 'basic', 'fiscal')]
            bi = r.choice(cands)
            t = self.blocks[bi]['text']
            if self.doc_type == 'budget':
                new = t.replace('预算情况说明', '决算情况说明') if '预算情况说明' in t else t.replace('情况说明', '决算情况说明')
            else:
                new = t.replace('决算', '预算', 1)
            assert new != t
            self.blocks[bi]['text'] = new
            d.update(where=new.split('、', 1)[1], stated='决算' if self.doc_type == 'budget' else '预算',
                     expected='预算' if self.doc_type == 'budget' else '决算',
                     note=f'a {self.doc_type} document has a section titled with the other document kind.')
        else:
            raise ValueError(cls)
        self.defect = d


# ----------------------------------------------------------------------------
# renderers
# ----------------------------------------------------------------------------
def plain_text_blocks(g):
    return [b['text'] for b in g.blocks if b['t'] != 'table']


def render_txt(g, path, sep):
    out = []
    for b in g.blocks:
        if b['t'] == 'table':
            t = b['table']
            out.append('')
            out.append(t.title)
            out.append(f'编制单位：{g.dept}{"    " if sep == " | " else chr(9)}单位：{t.unit}')
            for hr in t.header:
                out.append(sep.join(hr))
            for row in t.body:
                out.append(sep.join(g.fmt_cell(t, c) for c in row))
            if t.note:
                out.append(t.note)
        elif b['t'] == 'p':
            out.append(b['text'])
        else:
            out.append('')
            out.append(b['text'])
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(out) + '\n')


def esc(s):
    return s.replace('&', '&amp;').replace('<', '&lt;').replace('>', '&gt;')


def header_cells(t):
    """yield per header row list of (r, c, text, rowspan, colspan) for visible cells."""
    covered = set()
    span = {}
    for (r0, c0, r1, c1) in t.merges:
        span[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
        for rr in range(r0, r1 + 1):
            for cc in range(c0, c1 + 1):
                if (rr, cc) != (r0, c0):
                    covered.add((rr, cc))
    rows = []
    for r, hr in enumerate(t.header):
        row = []
        for c, txt in enumerate(hr):
            if (r, c) in covered:
                continue
            rs, cs = span.get((r, c), (1, 1))
            row.append((r, c, txt, rs, cs))
        rows.append(row)
    return rows


def render_html(g, path):
    h = [f'<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{esc(g.blocks[0]["text"])}</title>',
         '<style>table{border-collapse:collapse}td,th{border:1px solid #333;padding:2px 6px}</style></head><body>']
    for b in g.blocks:
        t = b['t']
        if t in ('h1', 'h2', 'h3'):
            h.append(f'<{t}>{esc(b["text"])}</{t}>')
        elif t == 'p':
            h.append(f'<p>{esc(b["text"])}</p>')
        else:
            tb = b['table']
            h.append(f'<h4 style="text-align:center">{esc(tb.title)}</h4>')
            h.append(f'<p>编制单位：{esc(g.dept)}　　　　单位：{tb.unit}</p>')
            h.append('<table>')
            h.append('<thead>')
            for row in header_cells(tb):
                cells = ''.join(
                    f'<th{f" rowspan={rs}" if rs > 1 else ""}{f" colspan={cs}" if cs > 1 else ""}>{esc(txt)}</th>'
                    for (r, c, txt, rs, cs) in row)
                h.append(f'<tr>{cells}</tr>')
            h.append('</thead><tbody>')
            bspan = getattr(tb, 'merges_body', [])
            covered = set()
            spans = {}
            for (r0, c0, r1, c1) in bspan:
                spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
                for rr in range(r0, r1 + 1):
                    for cc in range(c0, c1 + 1):
                        if (rr, cc) != (r0, c0):
                            covered.add((rr, cc))
            for ri, row in enumerate(tb.body):
                cells = []
                for ci, c in enumerate(row):
                    if (ri, ci) in covered:
                        continue
                    rs, cs = spans.get((ri, ci), (1, 1))
                    attr = (f' rowspan={rs}' if rs > 1 else '') + (f' colspan={cs}' if cs > 1 else '')
                    al = ' align="right"' if isinstance(c, Money) else ''
                    cells.append(f'<td{attr}{al}>{esc(g.fmt_cell(tb, c))}</td>')
                h.append('<tr>' + ''.join(cells) + '</tr>')
            h.append('</tbody></table>')
            if tb.note:
                h.append(f'<p>{esc(tb.note)}</p>')
    h.append('</body></html>')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(h))


def render_docx(g, path):
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    doc = Document()
    for b in g.blocks:
        t = b['t']
        if t in ('h1', 'h2', 'h3'):
            doc.add_heading(b['text'], level=int(t[1]))
        elif t == 'p':
            doc.add_paragraph(b['text'])
        else:
            tb = b['table']
            p = doc.add_paragraph(tb.title)
            p.alignment = WD_ALIGN_PARAGRAPH.CENTER
            p.runs[0].bold = True
            doc.add_paragraph(f'编制单位：{g.dept}\t单位：{tb.unit}')
            nh = len(tb.header)
            table = doc.add_table(rows=nh + len(tb.body), cols=tb.ncols)
            table.style = 'Table Grid'
            for r, hr in enumerate(tb.header):
                for c, txt in enumerate(hr):
                    table.cell(r, c).text = txt
            for (r0, c0, r1, c1) in tb.merges:
                txt = tb.header[r0][c0]
                m = table.cell(r0, c0).merge(table.cell(r1, c1))
                m.text = txt
            for ri, row in enumerate(tb.body):
                for ci, c in enumerate(row):
                    table.cell(nh + ri, ci).text = g.fmt_cell(tb, c)
            for (r0, c0, r1, c1) in getattr(tb, 'merges_body', []):
                txt = g.fmt_cell(tb, tb.body[r0][c0])
                m = table.cell(nh + r0, c0).merge(table.cell(nh + r1, c1))
                m.text = txt
            if tb.note:
                doc.add_paragraph(tb.note)
    doc.save(path)


def render_xlsx(g, path, narrative):
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Border, Font, Side
    wb = Workbook()
    ws0 = wb.active
    if narrative:
        ws0.title = '说明'
        ws0.column_dimensions['A'].width = 120
        r = 1
        for b in g.blocks:
            if b['t'] == 'table':
                continue
            ws0.cell(row=r, column=1, value=b['text'])
            if b['t'] != 'p':
                ws0.cell(row=r, column=1).font = Font(bold=True)
            r += 1
        first = False
    else:
        first = True
    thin = Side(style='thin')
    border = Border(left=thin, right=thin, top=thin, bottom=thin)
    n = 0
    for b in g.blocks:
        if b['t'] != 'table':
            continue
        tb = b['table']
        n += 1
        name = re.sub(r'[\\/?*\[\]:]', '', f'{n}{tb.title.replace(str(g.year) + "年度", "").replace(str(g.year) + "年", "")}')[:31]
        if first:
            ws = ws0
            ws.title = name
            first = False
        else:
            ws = wb.create_sheet(name)
        nc = tb.ncols
        ws.cell(row=1, column=1, value=tb.title).font = Font(bold=True, size=14)
        ws.merge_cells(start_row=1, start_column=1, end_row=1, end_column=nc)
        ws.cell(row=1, column=1).alignment = Alignment(horizontal='center')
        ws.cell(row=2, column=1, value=f'编制单位：{g.dept}')
        ws.cell(row=2, column=nc, value=f'单位：{tb.unit}')
        r0 = 3
        for r, hr in enumerate(tb.header):
            for c, txt in enumerate(hr):
                cell = ws.cell(row=r0 + r, column=c + 1, value=txt if txt else None)
                cell.border = border
                cell.alignment = Alignment(horizontal='center', vertical='center', wrap_text=True)
        for (a, b_, c, d) in tb.merges:
            ws.merge_cells(start_row=r0 + a, start_column=b_ + 1, end_row=r0 + c, end_column=d + 1)
        rb = r0 + len(tb.header)
        for ri, row in enumerate(tb.body):
            for ci, c in enumerate(row):
                if isinstance(c, Money):
                    if tb.unit == '元':
                        v = float(c.c * 100)
                    else:
                        v = float(D(c.c) / 100)
                    cell = ws.cell(row=rb + ri, column=ci + 1, value=v)
                    cell.number_format = '#,##0.00' if g.table_sep else '0.00'
                else:
                    cell = ws.cell(row=rb + ri, column=ci + 1, value=(c if c else None))
                cell.border = border
        for (a, b_, c, d) in getattr(tb, 'merges_body', []):
            ws.merge_cells(start_row=rb + a, start_column=b_ + 1, end_row=rb + c, end_column=d + 1)
        if tb.note:
            ws.cell(row=rb + len(tb.body), column=1, value=tb.note)
        for ci in range(nc):
            ws.column_dimensions[chr(65 + ci)].width = 34 if ci in (0, 1) else 16
    wb.save(path)


def render_pdf(g, path, repeat):
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, TableStyle
    from reportlab.platypus import Table as RTable
    try:
        pdfmetrics.getFont('STSong-Light')
    except KeyError:
        pdfmetrics.registerFont(UnicodeCIDFont('STSong-Light'))
    F = 'STSong-Light'
    st = {
        'h1': ParagraphStyle('h1', fontName=F, fontSize=16, leading=22, alignment=1, spaceAfter=8),
        'h2': ParagraphStyle('h2', fontName=F, fontSize=13, leading=18, spaceBefore=6, spaceAfter=4),
        'h3': ParagraphStyle('h3', fontName=F, fontSize=11.5, leading=16, spaceBefore=4, spaceAfter=2),
        'p': ParagraphStyle('p', fontName=F, fontSize=10.5, leading=16, firstLineIndent=21, wordWrap='CJK'),
        'tt': ParagraphStyle('tt', fontName=F, fontSize=12, leading=16, alignment=1, spaceBefore=10),
        'u': ParagraphStyle('u', fontName=F, fontSize=9, leading=12),
        'c': ParagraphStyle('c', fontName=F, fontSize=7.5, leading=9.5, wordWrap='CJK'),
    }
    doc = SimpleDocTemplate(path, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm, bottomMargin=15 * mm)
    W = A4[0] - 30 * mm
    story = []
    for b in g.blocks:
        t = b['t']
        if t in ('h1', 'h2', 'h3', 'p'):
            story.append(Paragraph(esc(b['text']), st[t]))
        else:
            tb = b['table']
            story.append(Paragraph(esc(tb.title), st['tt']))
            story.append(Paragraph(esc(f'编制单位：{g.dept}　　　　单位：{tb.unit}'), st['u']))
            data = []
            for hr in tb.header:
                data.append([Paragraph(esc(x), st['c']) if x else '' for x in hr])
            for row in tb.body:
                cells = []
                for c in row:
                    s = g.fmt_cell(tb, c)
                    cells.append(s if isinstance(c, Money) else (Paragraph(esc(s), st['c']) if s else ''))
                data.append(cells)
            nc = tb.ncols
            lens = [max(len(g.fmt_cell(tb, row[j])) if not isinstance(row[j], str) else len(row[j]) for row in tb.body) for j in range(nc)]
            ws = [max(8, min(ln, 24)) + (6 if isinstance(tb.body[0][j], str) or tb.body[0][j] is None else 0)
                  for j, ln in enumerate(lens)]
            tot = sum(ws)
            cw = [W * x / tot for x in ws]
            rt = RTable(data, colWidths=cw, repeatRows=len(tb.header) if repeat else 0)
            style = [('FONT', (0, 0), (-1, -1), F, 7.5), ('GRID', (0, 0), (-1, -1), 0.5, colors.black),
                     ('VALIGN', (0, 0), (-1, -1), 'MIDDLE'), ('ALIGN', (2, len(tb.header)), (-1, -1), 'RIGHT')]
            for (r0, c0, r1, c1) in tb.merges:
                style.append(('SPAN', (c0, r0), (c1, r1)))
            nh = len(tb.header)
            for (r0, c0, r1, c1) in getattr(tb, 'merges_body', []):
                style.append(('SPAN', (c0, nh + r0), (c1, nh + r1)))
            rt.setStyle(TableStyle(style))
            story.append(rt)
            if tb.note:
                story.append(Paragraph(esc(tb.note), st['u']))
            story.append(Spacer(1, 6))
    doc.build(story)


# ----------------------------------------------------------------------------
# main
# ----------------------------------------------------------------------------
CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction', 'breakdown',
           'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue', 'missing-part', 'zero-base', 'doc-type']
TEXT_DEFECTS = {'text-vs-table', 'share', 'growth', 'direction', 'breakdown', 'sangong-sum', 'count', 'comparison-year',
                'template-residue', 'missing-part', 'zero-base', 'doc-type'}


def make_doc(seed, fmt, i, cls, doc_type):
    # retry until the data supports the defect class
    for attempt in range(200):
        rng = random.Random(f'{seed}-{fmt}-{i}-{attempt}')
        g = Gen(rng, doc_type, i, cls, fmt)
        if cls == 'zero-base':
            if not g.sg_car_buy or g.sg_last['car_buy'] != 0:
                continue
        if cls == 'direction' and not any(True for _ in [0]):
            pass
        try:
            g.build()
        except (RuntimeError, IndexError, TypeError, KeyError, AttributeError):
            if os.environ.get('GEN_DEBUG') or attempt > 150:
                raise
            continue
        if cls is None and (g.sg_car_buy and g.sg_last['car_buy'] == 0) and rng.random() < 0.5:
            pass
        return g
    raise RuntimeError('could not build')


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    rng = random.Random(a.seed)
    fmts = [f.strip() for f in a.formats.split(',') if f.strip()]
    order = CLASSES[:]
    rng.shuffle(order)
    ci = 0
    manifest = []
    for fmt in fmts:
        for i in range(a.count):
            clean = (i % 3 == 0)
            cls = None
            if not clean:
                cls = order[ci % len(order)]
                ci += 1
            doc_type = 'budget' if (i + fmts.index(fmt)) % 2 == 0 else 'final'
            if cls == 'perf-table':
                doc_type = 'budget'
            g = make_doc(a.seed, fmt, i, cls, doc_type)
            fn = f'{fmt}_{i + 1:02d}_{g.doc_type}_{g.year}.{fmt}'
            path = os.path.join(a.outdir, fn)
            if fmt == 'txt':
                render_txt(g, path, g.r.choice(['\t', ' | ']))
            elif fmt == 'html':
                render_html(g, path)
            elif fmt == 'docx':
                render_docx(g, path)
            elif fmt == 'xlsx':
                narrative = (cls in TEXT_DEFECTS) or g.r.random() < 0.75
                render_xlsx(g, path, narrative)
            elif fmt == 'pdf':
                render_pdf(g, path, g.r.random() < 0.5)
            rec = dict(file=fn, format=fmt, doc_type=g.doc_type, department=g.dept, year=g.year,
                       defect=g.defect,
                       options=dict(pct_dec=g.pct_dec, text_sep=g.text_sep, table_unit=g.unit_of_tables(),
                                    zero_blank=g.zero_blank, gf=bool(g.gf_total()), total_top=g.total_top))
            # sanity: where must appear in the document text
            if g.defect and g.defect['class'] != 'missing-part':
                alltext = '\n'.join(plain_text_blocks(g))
                for b in g.blocks:
                    if b['t'] == 'table':
                        t = b['table']
                        alltext += '\n' + t.title + '\n' + '\n'.join(' '.join(g.fmt_cell(t, c) for c in row) for row in t.body)
                assert g.defect['where'] in alltext, (fn, g.defect)
            manifest.append(rec)
            # also keep a plain dump for self-verification
            dump_dir = os.path.normpath(a.outdir) + '.verify'
            os.makedirs(dump_dir, exist_ok=True)
            render_txt(g, os.path.join(dump_dir, fn + '.txt'), '\t')
            dump = dict(paras=[b['text'] for b in g.blocks if b['t'] != 'table'],
                        tables=[dict(key=b['table'].key, title=b['table'].title, unit=b['table'].unit,
                                     header=b['table'].header,
                                     rows=[[g.fmt_cell(b['table'], c) for c in row] for row in b['table'].body])
                                for b in g.blocks if b['t'] == 'table'],
                        doc_type=g.doc_type, year=g.year, defect=g.defect)
            with open(os.path.join(dump_dir, fn + '.json'), 'w', encoding='utf-8') as f:
                json.dump(dump, f, ensure_ascii=False)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1)
    print(f'wrote {len(manifest)} documents to {a.outdir}')


if __name__ == '__main__':
    main()
