"""build7: options, narrative text and assembly of one document.

Phrasing is paraphrased from real disclosures (see README): long one-sentence 三公
paragraphs with each item's change and reason (北京/山东 style), 年初预算/调整预算/决算
with 完成率 and reasons (finals), per-unit income/expenditure lists, 政府采购 split into
货物/工程/服务 with 中小企业 shares, vehicles by kind, 绩效 coverage.
"""
from fractions import Fraction

from doc7 import Doc
from facts7 import CAPITAL, FAMILY, PERSONNEL, PUBLIC, UNIT_TYPES
from tables7 import MANDATORY, TB, cn_num

BUDGET_NAMES = [
    {'收支总表': '部门收支总表', '收入总表': '部门收入总表', '支出总表': '部门支出总表',
     '财政拨款收支总表': '财政拨款收支总表', '一般公共预算支出表': '一般公共预算支出表',
     '一般公共预算基本支出表': '一般公共预算基本支出表', '一般公共预算“三公”经费支出表': '一般公共预算“三公”经费支出表',
     '政府性基金预算支出表': '政府性基金预算支出表', '国有资本经营预算支出表': '国有资本经营预算支出表',
     '项目支出表': '一般公共预算项目支出表'},
    {'收支总表': '收支预算总表', '收入总表': '部门收入预算表', '支出总表': '部门支出预算表',
     '财政拨款收支总表': '财政拨款收支预算总表', '一般公共预算支出表': '一般公共预算支出预算表',
     '一般公共预算基本支出表': '一般公共预算基本支出预算表', '一般公共预算“三公”经费支出表': '一般公共预算“三公”经费支出预算表',
     '政府性基金预算支出表': '政府性基金预算支出预算表', '国有资本经营预算支出表': '国有资本经营预算支出预算表',
     '项目支出表': '项目支出预算表'},
]

REASON_UP = ['人员增加及工资标准调整', '新增重点工作任务经费', '年中追加专项工作经费', '社会保险缴费基数调整',
             '业务量增加相应增加支出', '新增信息化建设项目']
REASON_DOWN = ['严格落实过紧日子要求，压减一般性支出', '部分项目已完成，支出相应减少', '人员退休减少',
               '厉行节约，从严控制公用经费', '上年一次性项目本年不再安排']
REASON_UNDER = ['部分项目按合同进度支付，未支付部分结转下年使用', '厉行节约，实际支出少于预算',
                '项目采购节约资金']
REASON_OVER = ['年中追加预算用于重点工作', '人员变动及社保基数调整追加经费', '上年结转资金在本年使用']
SG_REASON = {
    ('abroad', 1): ['按计划安排的因公出国（境）团组增加'], ('abroad', -1): ['严格控制因公出国（境）团组数量和规模'],
    ('car', 1): ['按规定更新购置达到报废年限的公务用车', '部分车辆使用年限较长，维修保养费用增加'],
    ('car', -1): ['严格控制公务用车使用，燃油和维修费用下降', '公务用车保有量减少，运行维护费相应减少'],
    ('recep', 1): ['上级检查调研和业务交流接待任务增加'],
    ('recep', -1): ['严格执行公务接待标准，压减接待批次和人数', '落实过紧日子要求，从严控制公务接待'],
}
GLOSSARY = [
    ('财政拨款收入', '指本级财政当年拨付的资金，包括一般公共预算财政拨款、政府性基金预算财政拨款和国有资本经营预算财政拨款。'),
    ('事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'),
    ('其他收入', '指单位取得的除上述收入以外的各项收入。'),
    ('年初结转和结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'),
    ('年末结转和结余', '指本年度或以前年度预算安排、因客观条件变化未执行完毕、结转到以后年度按有关规定继续使用的资金。'),
    ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
    ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
    ('“三公”经费', '指用财政拨款安排的因公出国（境）费、公务用车购置及运行维护费和公务接待费。'),
    ('机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金。'),
]


def make_opts(rng, doc_type, fmt):
    o = {}
    o['rng'] = rng
    o['text_unit'] = '万元' if rng.random() < 0.85 else '元'
    o['text_dec'] = 2
    o['pct_dec'] = rng.choice([2, 2, 1])
    o['tbl_unit'] = rng.choice(['元', '万元', '万元', '千元'])
    o['tbl_dec'] = {'元': 2, '万元': 2, '千元': rng.choice([0, 2])}[o['tbl_unit']]
    o['tbl_sep'] = ',' if o['tbl_unit'] != '万元' or rng.random() < 0.4 else ''
    o['zero_blank'] = rng.random() < 0.35
    o['unit_in_header'] = rng.random() < 0.25
    o['unit_label_fmt'] = rng.choice(['单位：{u}', '金额单位：{u}', '单位: {u}'])
    o['title_style'] = rng.choice(['cn', 'biao', 'fubiao'])
    o['title_year'] = True if o['title_style'] == 'cn' else rng.random() < 0.5
    o['nian_du'] = rng.random() < 0.6
    o['label_style'] = rng.choice(['two', 'one', 'lkx'])
    o['total_first'] = rng.random() < 0.6
    o['hangci'] = rng.random() < 0.5
    o['two_column'] = rng.random() < 0.7
    o['zero_cols'] = rng.random() < 0.5
    o['gp_budget_cols'] = doc_type == 'final' and rng.random() < 0.5
    o['basic_layout'] = rng.choice(['tree', 'halves'])
    o['sg_vertical'] = doc_type == 'budget' and rng.random() < 0.5
    o['sg_prev_row'] = rng.random() < 0.5
    o['project_table'] = doc_type == 'budget' and rng.random() < 0.5
    o['budget_names'] = rng.choice(BUDGET_NAMES)
    o['tables_first'] = rng.random() < 0.3          # 北京 style: 报表 first, then 说明
    o['units_narrative'] = rng.random() < 0.8
    o['fullwidth_p'] = rng.choice([0, 0, 0.08])
    o['space_sep_p'] = rng.choice([0, 0, 0.25])
    o['comma_text_p'] = rng.choice([0, 0.3])
    o['num_style'] = rng.choice(['cn', 'arabic'])
    o['cmp_style'] = rng.choice(['bi', 'jiao', 'yu', 'year'])
    o['with_prev_p'] = rng.choice([0.0, 0.3])
    o['dup_p'] = rng.choice([0.0, 0.3])
    # renderer options
    o['txt_style'] = rng.choice(['pdfx', 'pdfx', 'tsv', 'pipe'])
    o['txt_width'] = rng.choice([34, 38, 42])
    o['txt_page_lines'] = rng.choice([40, 46, 52])
    o['txt_repeat_header'] = rng.random() < 0.6
    o['txt_split_numbers'] = rng.random() < 0.6
    o['txt_footer'] = rng.choice(['— {n} —', '- {n} -', '第 {n} 页'])
    o['html_caption'] = rng.random() < 0.5
    o['html_mark'] = rng.choice(['', 'u', 'span'])
    o['docx_headings'] = rng.random() < 0.6
    o['xlsx_layout'] = rng.choice(['sheets', 'one', 'inline'])
    o['xlsx_numeric'] = rng.random() < 0.6
    o['pdf_repeat_header'] = rng.random() < 0.6
    o['pdf_table_newpage'] = rng.random() < 0.4
    return o


PUBLIC_OPTS = ['text_unit', 'pct_dec', 'tbl_unit', 'tbl_dec', 'tbl_sep', 'zero_blank', 'unit_in_header', 'title_style',
               'title_year', 'label_style', 'total_first', 'hangci', 'two_column', 'zero_cols', 'gp_budget_cols',
               'basic_layout', 'sg_vertical', 'sg_prev_row', 'project_table', 'tables_first', 'units_narrative',
               'fullwidth_p', 'space_sep_p', 'comma_text_p', 'num_style', 'cmp_style', 'with_prev_p', 'dup_p',
               'txt_style', 'txt_width', 'txt_page_lines', 'txt_repeat_header', 'txt_split_numbers', 'html_caption',
               'html_mark', 'docx_headings', 'xlsx_layout', 'xlsx_numeric', 'pdf_repeat_header', 'pdf_table_newpage']


class TX:
    """Narrative builder."""

    def __init__(self, doc, f, o, rng):
        self.doc, self.f, self.o, self.rng = doc, f, o, rng
        self.fin = f.doc_type == 'final'
        self.Y = f.year
        self.title_year = None
        self.sec = 0

    # ---------------- small pieces ----------------
    def yr(self, p, tags=('body',)):
        p.yr('year.report', self.Y, tags)

    def pyr(self, p):
        fid = p.yr('year.prev', self.Y - 1, ('body', 'prevyear'))
        self.doc.ident('yeardiff', 'year-mismatch', a=fid, b=self.title_year, diff=-1)

    def nd(self):
        return '年度' if self.fin else '年'

    def heading(self, level, parts):
        segs = []
        for x in parts:
            if x == 'Y':
                fid = self.doc.new_fig('year.report', 'year', self.Y, tags={'heading', 'body'})
                segs.append(('F', fid))
            else:
                segs.append(x)
        self.doc.heading(level, segs)

    def sec_head(self, name):
        self.sec += 1
        if self.o['num_style'] == 'cn':
            self.doc.heading(2, [f'{cn_num(self.sec)}、{name}'])
        else:
            self.doc.heading(2, [f'{self.sec}.{name}'])

    def cmp(self, p):
        """Comparison phrase: 比上年 / 较上年预算 / 与2024年度相比，"""
        st = self.o['cmp_style']
        base = '决算' if self.fin else '预算'
        if st == 'bi':
            p.t(f'比上年{base if self.rng.random() < 0.5 else ""}')
        elif st == 'jiao':
            p.t(f'较上年{base}')
        elif st == 'yu':
            p.t('与')
            self.pyr(p)
            p.t('年度相比，' if self.fin else '年预算相比，')
        else:
            p.t('比')
            self.pyr(p)
            p.t('年度' if self.fin else '年预算')

    def growth(self, p, key, cur_fid, cur, prev, prev_key=None, reason=None, lead='，', cmp=True):
        """…，比上年增加X万元，增长Y%[，主要原因是…]"""
        doc, rng = self.doc, self.rng
        if prev == 0:
            p.t(lead + ('上年无此项支出' if self.fin else '上年未安排此项预算') if cur else lead + '与上年持平')
            return
        d = cur - prev
        if d == 0:
            p.t(lead + '与上年持平')
            return
        p.t(lead)
        with_prev = rng.random() < self.o['with_prev_p']
        pf = None
        if with_prev:
            p.t('上年为' if rng.random() < 0.5 else '上年')
            pf = p.money(prev_key or f'prev.{key}', prev, ('prev',))
            p.t('，本年')
        elif cmp:
            self.cmp(p)
        s = 1 if d > 0 else -1
        w1, w2 = (rng.choice([('增加', '增长'), ('增加', '上升'), ('增加', '提高')]) if s > 0
                  else rng.choice([('减少', '下降'), ('减少', '降低')]))
        pct = Fraction(abs(d) * 100, prev)
        form = rng.random()
        if with_prev and form < 0.4:
            # 较上年的P万元增长Y% (no change amount)
            d2 = p.word(f'dir.{key}', s, w2, ('dir',))
            pc = p.pct(f'pct.g.{key}', pct, ('growth',))
            doc.ident('growth', 'growth', cur=cur_fid, prev=pf, pct=pc, dir=d2, dir2=d2)
        else:
            d1 = p.word(f'dir.{key}', s, w1, ('dir',))
            ch = p.money(f'chg.{key}', abs(d), ('chg',))
            p.t('，')
            d2 = p.word(f'dir2.{key}', s, w2, ('dir',))
            pc = p.pct(f'pct.g.{key}', pct, ('growth',))
            doc.ident('growth', 'growth', cur=cur_fid, prev=pf, chg=ch, pct=pc, dir=d1, dir2=d2)
        if reason:
            p.t(rng.choice(['，主要原因是', '。主要原因是', '，主要是']) + reason)

    def share(self, p, key, part_fid, part, whole_fid, whole, words='，占'):
        if not whole:
            return
        p.t(words)
        pc = p.pct(f'pct.s.{key}', Fraction(part * 100, whole), ('share',))
        self.doc.ident('share', 'share', pct=pc, part=part_fid, whole=whole_fid)

    def sg_reason(self, k, d):
        if d == 0:
            return None
        return self.rng.choice(SG_REASON[(k, 1 if d > 0 else -1)])

    def reason(self, d):
        return self.rng.choice(REASON_UP if d > 0 else REASON_DOWN)

    # ---------------- parts ----------------
    def cover(self):
        f = self.f
        fid = self.doc.new_fig('year.report', 'year', self.Y, tags={'title'})
        self.title_year = fid
        segs = [f.dept_name, ('F', fid), '年度部门决算' if self.fin else '年部门预算']
        self.doc.blocks.append(('cover', segs))

    def overview(self):
        f, doc, rng = self.f, self.doc, self.rng
        self.heading(1, ['第一部分 ', f.dept_short if rng.random() < 0.3 else '部门', '概况'])
        self.doc.heading(2, ['一、主要职能'])
        p = doc.para()
        p.t(f'{f.dept_name}的主要职责是：')
        p.t('；'.join(f'（{cn_num(i + 1)}）{d}' for i, d in enumerate(f.duties)) + '。')
        self.doc.heading(2, ['二、机构设置及' + ('决算' if self.fin else '预算') + '单位构成'])
        p = doc.para()
        p.t('纳入' + f.dept_name)
        self.yr(p)
        p.t(self.nd() + ('部门决算' if self.fin else '部门预算') + '编制范围的单位共')
        n = len(f.units)
        tot = p.cnt('unit.count', n, ('count',))
        p.t('个，其中：')
        parts = []
        for i, ty in enumerate(UNIT_TYPES):
            k = sum(1 for u in f.units if u.type == ty)
            p.t(ty)
            parts.append(p.cnt(f'unit.{i}', k, ('count', 'count_item')))
            p.t('个' + ('、' if i < 3 else '。'))
        doc.sum_(tot, parts, 'count')
        if n > 1:
            p.t('本部门下属单位')
            sub = p.cnt('unit.sub', n - 1, ('count', 'count_item'))
            p.t('个，分别是：' + '、'.join(u.name for u in f.units[1:]) + '。')
            doc.ident('sum', 'count', total=tot, parts=[sub], signs=[1], const=1)
        p = doc.para()
        p.t('人员情况：全部门核定编制')
        qt = p.cnt('staff.quota', sum(u.quota for u in f.units), ('count',))
        p.t('名，实有人数')
        st = p.cnt('staff.total', sum(u.staff for u in f.units), ('count',))
        p.t('人。其中：')
        qs, ss = [], []
        for i, u in enumerate(f.units):
            p.t(u.name + '编制')
            qs.append(p.cnt(f'staff.quota.{i}', u.quota, ('count', 'count_item')))
            p.t('名、实有')
            ss.append(p.cnt(f'staff.{i}', u.staff, ('count', 'count_item')))
            p.t('人' + ('；' if i < len(f.units) - 1 else '。'))
        doc.sum_(qt, qs, 'count')
        doc.sum_(st, ss, 'count')

    def part2_head(self):
        self.sec = 0

        if self.fin:
            self.heading(1, ['第二部分 ', 'Y', '年度部门决算情况说明'])
        else:
            self.heading(1, ['第二部分 ', 'Y', '年部门预算情况说明'])

    # ---------- 收支总体 ----------
    def s_total(self):
        f, doc, rng, t = self.f, self.doc, self.rng, self.f.tot
        self.sec_head('收入支出决算总体情况说明' if self.fin else '收支预算总体情况说明')
        p = doc.para()
        p.t(f.dept_name if rng.random() < 0.5 else '本部门')
        self.yr(p)
        p.t(self.nd() + '收入总计')
        gi = p.money('f.ALL.inc.grand', t.inc_grand)
        p.t('，支出总计')
        ge = p.money('f.ALL.exp.grand', t.exp_grand)
        self.growth(p, 'grand', gi, t.inc_grand, f.prev['inc_grand'], reason=self.reason(t.inc_grand - f.prev['inc_grand']))
        p.t('。')
        p = doc.para()
        p.t('收入总计中：本年收入合计')
        a = p.money('f.ALL.inc.total', t.inc_total)
        if self.fin:
            p.t('，使用非财政拨款结余')
            u = p.money('f.ALL.inc.use', t.use)
            p.t('，年初结转和结余')
        else:
            p.t('，用事业基金弥补收支差额')
            u = p.money('f.ALL.inc.use', t.use)
            p.t('，上年结转')
        o = p.money('f.ALL.open', t.open)
        p.t('。支出总计中：本年支出合计')
        e = p.money('f.ALL.all.total', t.total)
        if self.fin:
            p.t('，结余分配')
            di = p.money('f.ALL.dist', t.dist)
            p.t('，年末结转和结余')
        else:
            di = None
            p.t('，年末结转')
        c = p.money('f.ALL.close', t.close, ('carry_close',))
        p.t('。')
        doc.sum_(gi, [a, u, o], 'list-sum')
        doc.sum_(ge, [e] + ([di] if di else []) + [c], 'list-sum')
        if self.fin:
            doc.ident('sum', 'carryover', total=c, parts=[o, a, u, e, di], signs=[1, 1, 1, -1, -1])
            if t.close:
                p = doc.para()
                p.t('年末结转和结余')
                p.money('f.ALL.close', t.close, ('carry_close', 'dup'))
                p.t('，主要是' + rng.choice(['部分项目按合同约定尚未支付完毕', '跨年度项目结转下年继续实施', '年末收到的专项资金尚未使用']) + '，')
                p.t('将于下年按规定继续使用。')
        if self.o['units_narrative'] and len(f.units) > 1:
            p = doc.para()
            p.t('本部门下属单位')
            p.cnt('unit.sub', len(f.units) - 1, ('count',))
            p.t('个（不含本级），全部门本年收入合计')
            ti = p.money('f.ALL.inc.total', t.inc_total)
            p.t('、本年支出合计')
            te = p.money('f.ALL.all.total', t.total)
            p.t('。分单位看：')
            ins, exs = [], []
            for i, un in enumerate(f.units):
                p.t(un.name + ('收入' if rng.random() < 0.7 else '本年收入'))
                ins.append(p.money(f'u.{i}.inc', un.inc, ('list_item',)))
                p.t('、支出')
                exs.append(p.money(f'u.{i}.exp', un.exp, ('list_item',)))
                p.t('；' if i < len(f.units) - 1 else '。')
            doc.sum_(ti, ins, 'list-sum')
            doc.sum_(te, exs, 'list-sum')

    def s_income(self):
        f, doc, rng, t = self.f, self.doc, self.rng, self.f.tot
        self.sec_head('收入决算情况说明' if self.fin else '收入预算情况说明')
        p = doc.para()
        p.t('本部门')
        self.yr(p)
        p.t(self.nd() + '本年收入合计')
        tot = p.money('f.ALL.inc.total', t.inc_total)
        self.growth(p, 'inc_total', tot, t.inc_total, f.prev['inc_total'])
        p.t('。其中：')
        items = [('一般公共预算财政拨款收入' if self.fin else '一般公共预算拨款收入', 'f.ALL.inc.gp', t.inc_gp),
                 ('政府性基金预算财政拨款收入' if self.fin else '政府性基金预算拨款收入', 'f.ALL.inc.gf', t.inc_gf),
                 ('国有资本经营预算财政拨款收入' if self.fin else '国有资本经营预算拨款收入', 'f.ALL.inc.soe', 0),
                 ('事业收入', 'f.ALL.inc.sy', t.inc_sy), ('其他收入', 'f.ALL.inc.qt', t.inc_qt)]
        if self.fin:
            items[3:3] = [('上级补助收入', 'f.ALL.inc.sj', 0)]
            items[-1:-1] = [('经营收入', 'f.ALL.inc.jy', 0), ('附属单位上缴收入', 'f.ALL.inc.fs', 0)]
        parts = []
        for i, (lb, k, v) in enumerate(items):
            p.t(lb)
            x = p.money(k, v, ('list_item',))
            parts.append(x)
            self.share(p, k + '.inc', x, v, tot, t.inc_total,
                       words='，占' if rng.random() < 0.7 else '，占本年收入合计的')
            p.t('；' if i < len(items) - 1 else '。')
        doc.sum_(tot, parts, 'list-sum')

    def s_expense(self):
        f, doc, t = self.f, self.doc, self.f.tot
        self.sec_head('支出决算情况说明' if self.fin else '支出预算情况说明')
        p = doc.para()
        p.t('本部门')
        self.yr(p)
        p.t(self.nd() + '本年支出合计')
        tot = p.money('f.ALL.all.total', t.total)
        self.growth(p, 'exp_total', tot, t.total, f.prev['total'])
        p.t('。其中：基本支出')
        b = p.money('f.ALL.all.basic', t.basic)
        self.share(p, 'basic', b, t.basic, tot, t.total)
        p.t('，主要用于保障机构正常运转和在职人员工资福利等；项目支出')
        pr = p.money('f.ALL.all.proj', t.proj)
        self.share(p, 'proj', pr, t.proj, tot, t.total)
        p.t('，主要用于' + '、'.join(x.name for x in f.projects[:3]) + '等。')
        doc.sum_(tot, [b, pr], 'list-sum')

    def s_fiscal(self):
        f, doc, t = self.f, self.doc, self.f.tot
        self.sec_head('财政拨款收入支出决算总体情况说明' if self.fin else '财政拨款收支预算总体情况说明')
        p = doc.para()
        self.yr(p)
        p.t(self.nd() + '财政拨款收入总计')
        g = p.money('f.ALL.fis.grand', t.fis_grand)
        p.t('、支出总计')
        p.money('f.ALL.fis.egrand', t.fis_grand)
        self.growth(p, 'fis_grand', g, t.fis_grand, f.prev['fis_grand'], reason=self.reason(t.fis_grand - f.prev['fis_grand']))
        p.t('。')
        p = doc.para()
        if self.fin:
            p.t('其中：年初财政拨款结转和结余')
            o = p.money('f.ALL.fis.open', t.gp_open + t.gf_open)
            p.t('，本年财政拨款收入')
            i = p.money('f.ALL.fis.inc', t.fis_inc)
            p.t('；本年财政拨款支出')
            e = p.money('f.ALL.fis.total', t.fis)
            p.t('，年末财政拨款结转和结余')
            c = p.money('f.ALL.fis.close', t.gp_close + t.gf_close, ('carry_close',))
            p.t('。')
            doc.ident('sum', 'carryover', total=c, parts=[o, i, e], signs=[1, 1, -1])
            doc.sum_(g, [o, i], 'list-sum')
        else:
            p.t('其中：一般公共预算拨款收入')
            a = p.money('f.ALL.inc.gp', t.inc_gp)
            p.t('，政府性基金预算拨款收入')
            b = p.money('f.ALL.inc.gf', t.inc_gf)
            p.t('，上年财政拨款结转')
            o = p.money('f.ALL.fis.open', t.gp_open + t.gf_open)
            p.t('。')
            doc.sum_(g, [a, b, o], 'list-sum')

    def s_gp(self):
        f, doc, t = self.f, self.doc, self.f.tot
        self.sec_head('一般公共预算财政拨款支出决算情况说明' if self.fin else '一般公共预算支出预算情况说明')
        p = doc.para()
        p.t('（一）总体情况。')
        self.yr(p)
        p.t(self.nd() + ('一般公共预算财政拨款支出' if self.fin else '一般公共预算支出'))
        g = p.money('f.ALL.gp.total', t.gp)
        self.share(p, 'gp_of_total', g, t.gp, doc.first('f.ALL.all.total'), t.total, words='，占本年支出合计的')
        self.growth(p, 'gp', g, t.gp, f.prev['gp'], reason=self.reason(t.gp - f.prev['gp']))
        p.t('。')
        # structure by 类
        p = doc.para()
        p.t('（二）结构情况。' + ('一般公共预算财政拨款支出' if self.fin else '一般公共预算支出') + '主要用于以下方面：')
        tb = TB(doc, f, self.o)
        leis = tb.tree([lf for lf in f.leaves if lf.gp > 0])
        parts = []
        for i, (lei, ln, ks) in enumerate(leis):
            v = sum(lf.gp for _, _, lv in ks for lf in lv)
            p.t(ln + '（类）')
            x = p.money(f'f.{lei}.gp.total', v, ('list_item',))
            parts.append(x)
            self.share(p, f'lei.{lei}', x, v, g, t.gp)
            p.t('；' if i < len(leis) - 1 else '。')
        doc.sum_(g, parts, 'list-sum')
        # details by 项
        p = doc.para()
        p.t('（三）具体情况。')
        if self.fin:
            p.t('一般公共预算财政拨款支出年初预算为')
            b0 = p.money('f.ALL.gp.b0', t.b0)
            p.t('，支出决算为')
            g3 = p.money('f.ALL.gp.total', t.gp)
            p.t('，完成年初预算的')
            if t.b0:
                c = p.pct('pct.cmp0.ALL', Fraction(t.gp * 100, t.b0), ('cmp',))
                doc.ident('completion', 'completion', pct=c, part=g3, whole=b0)
            p.t('。其中：')
        for i, lf in enumerate(sorted([lf for lf in f.leaves if lf.gp > 0], key=lambda x: x.code)):
            p = doc.para()
            p.t(f'{i + 1}.{lf.lname}（类）{lf.kname}（款）{lf.name}（项）')
            if self.fin:
                self.leaf_final(p, lf)
            else:
                self.leaf_budget(p, lf)

    def leaf_budget(self, p, lf):
        rng = self.rng
        p.t('：' + rng.choice(['预算数为', '']))
        x = p.money(f'f.{lf.code}.gp.total', lf.gp)
        prev = getattr(lf, 'prev_b', None)
        if prev is None:
            prev = 0 if (lf.nature == 'proj' and rng.random() < 0.15) else int(lf.gp / (1 + rng.uniform(-0.3, 0.4)))
            prev -= prev % 100
            lf.prev_b = prev
        self.growth(p, f'leaf.{lf.code}', x, lf.gp, prev, reason=self.reason(lf.gp - prev) if prev else None)
        if rng.random() < self.o['dup_p']:
            p.t('；本年预算安排')
            p.money(f'f.{lf.code}.gp.total', lf.gp, ('dup',))
            p.t('，主要用于' + ('机构正常运转' if lf.nature == 'basic' else '相关工作'))
        p.t('。')

    def leaf_final(self, p, lf):
        doc, rng = self.doc, self.rng
        p.t('。年初预算为')
        b0 = p.money(f'f.{lf.code}.gp.b0', lf.b0)
        use_adj = rng.random() < 0.5 and lf.b1 != lf.b0
        if use_adj:
            p.t('，调整预算为')
            b1 = p.money(f'f.{lf.code}.gp.b1', lf.b1)
        p.t('，支出决算为')
        x = p.money(f'f.{lf.code}.gp.total', lf.gp)
        base, bf, word, key = (lf.b1, b1, '调整预算', 'cmp1') if use_adj else (lf.b0, b0, '年初预算', 'cmp0')
        if base:
            p.t(f'，完成{word}的')
            c = p.pct(f'pct.{key}.{lf.code}', Fraction(lf.gp * 100, base), ('cmp',))
            doc.ident('completion', 'completion', pct=c, part=x, whole=bf)
            if lf.gp > base:
                p.t('。决算数大于预算数的主要原因是' + rng.choice(REASON_OVER))
            elif lf.gp < base:
                p.t('。决算数小于预算数的主要原因是' + rng.choice(REASON_UNDER))
            else:
                p.t('，决算数与预算数一致')
        else:
            p.t('，年初未安排预算，决算数主要是' + rng.choice(['年中追加', '上年结转资金安排']) + '的支出')
        if rng.random() < self.o['dup_p']:
            p.t('；全年实际支出')
            p.money(f'f.{lf.code}.gp.total', lf.gp, ('dup',))
        p.t('。')

    def s_basic(self):
        f, doc = self.f, self.doc
        self.sec_head('一般公共预算财政拨款基本支出决算情况说明' if self.fin else '一般公共预算基本支出预算情况说明')
        e = f.econ
        p = doc.para()
        self.yr(p)
        p.t(self.nd() + ('一般公共预算财政拨款基本支出' if self.fin else '一般公共预算基本支出'))
        tot = p.money('f.ALL.gp.basic', f.gp_basic)
        p.t('，其中：')
        p.t('人员经费')
        pe = p.money('e.personnel', f.personnel)
        self.growth(p, 'personnel', pe, f.personnel, f.prev['personnel'])
        p.t('，主要包括：')
        its = [(c, n) for c, n in PERSONNEL + FAMILY if e[c]]
        parts = []
        for i, (c, n) in enumerate(its):
            p.t(n)
            parts.append(p.money(f'e.{c}', e[c], ('list_item',)))
            p.t('、' if i < len(its) - 1 else '；')
        doc.sum_(pe, parts, 'list-sum')
        p.t('公用经费')
        pu = p.money('e.public', f.public)
        self.growth(p, 'public', pu, f.public, f.prev['public'])
        p.t('，主要包括：')
        its = [(c, n) for c, n in PUBLIC + CAPITAL if e[c]]
        parts = []
        for i, (c, n) in enumerate(its):
            p.t(n)
            parts.append(p.money(f'e.{c}', e[c], ('list_item',)))
            p.t('、' if i < len(its) - 1 else '。')
        doc.sum_(pu, parts, 'list-sum')
        doc.sum_(tot, [pe, pu], 'list-sum')

    def s_sangong(self):
        doc, rng, sg = self.doc, self.rng, self.f.sg
        self.sec_head(('财政拨款“三公”经费支出决算情况说明' if self.fin else '一般公共预算“三公”经费预算情况说明'))
        p = doc.para()
        self.yr(p)
        names = {'abroad': '因公出国（境）费', 'car': '公务用车购置及运行维护费', 'recep': '公务接待费',
                 'car_buy': '公务用车购置费', 'car_run': '公务用车运行维护费'}
        if self.fin:
            p.t('年度“三公”经费财政拨款支出决算为')
            T = p.money('sg.total', sg.total, ('sg_total',))
            if sg.bud.total:
                p.t('，完成全年预算')
                B = p.money('sg.bud.total', sg.bud.total)
                p.t('的')
                c = p.pct('pct.sg.cmp.total', Fraction(sg.total * 100, sg.bud.total), ('cmp',))
                doc.ident('completion', 'completion', pct=c, part=T, whole=B)
            self.growth(p, 'sg.total', T, sg.total, sg.prev.total, prev_key='sg.prev.total', cmp=True)
            p.t('。其中：')
            F = {}
            for i, k in enumerate(['abroad', 'car', 'recep']):
                p.t(names[k] + '支出决算为')
                x = p.money(f'sg.{k}', getattr(sg, k))
                F[k] = x
                bud = getattr(sg.bud, k)
                if bud:
                    p.t('，完成全年预算')
                    bb = p.money(f'sg.bud.{k}', bud)
                    p.t('的')
                    c = p.pct(f'pct.sg.cmp.{k}', Fraction(getattr(sg, k) * 100, bud), ('cmp',))
                    doc.ident('completion', 'completion', pct=c, part=x, whole=bb)
                self.growth(p, f'sg.{k}', x, getattr(sg, k), getattr(sg.prev, k), prev_key=f'sg.prev.{k}',
                            reason=self.sg_reason(k, getattr(sg, k) - getattr(sg.prev, k)))
                p.t('；' if i < 2 else '。')
            doc.sum_(T, [F['abroad'], F['car'], F['recep']], 'three-public')
        else:
            p.t('年一般公共预算“三公”经费预算数为')
            T = p.money('sg.total', sg.total, ('sg_total',))
            self.growth(p, 'sg.total', T, sg.total, sg.prev.total, prev_key='sg.prev.total')
            p.t('。其中：')
            F = {}
            for i, k in enumerate(['abroad', 'car', 'recep']):
                p.t(names[k])
                x = p.money(f'sg.{k}', getattr(sg, k))
                F[k] = x
                cur, prev = getattr(sg, k), getattr(sg.prev, k)
                self.growth(p, f'sg.{k}', x, cur, prev, prev_key=f'sg.prev.{k}',
                            reason=self.sg_reason(k, cur - prev) if prev else None)
                p.t('；' if i < 2 else '。')
            doc.sum_(T, [F['abroad'], F['car'], F['recep']], 'three-public')
        # details
        p = doc.para()
        if self.fin:
            p.t('具体情况：因公出国（境）费支出')
            p.money('sg.abroad', sg.abroad)
            p.t('，全年使用财政拨款安排出国（境）团组')
            p.cnt('sg.groups', sg.abroad_groups, ('count',))
            p.t('个、累计')
            p.cnt('sg.abroad_people', sg.abroad_people, ('count',))
            p.t('人次；公务用车购置及运行维护费支出')
        else:
            p.t('具体情况：公务用车购置及运行维护费')
        car = p.money('sg.car', sg.car)
        p.t('，其中：公务用车购置费')
        cb = p.money('sg.car_buy', sg.car_buy)
        if self.fin:
            p.t('，购置车辆')
            p.cnt('sg.cars_bought', sg.cars_bought, ('count',))
            p.t('辆')
        p.t('；公务用车运行维护费')
        cr = p.money('sg.car_run', sg.car_run)
        p.t('，主要用于公务用车燃料费、维修费、保险费、过路过桥费等支出')
        doc.sum_(car, [cb, cr], 'three-public')
        p.t('；公务接待费')
        p.money('sg.recep', sg.recep)
        if self.fin and sg.recep:
            p.t('，全年国内公务接待')
            p.cnt('sg.batches', sg.recep_batches, ('count',))
            p.t('批次、')
            p.cnt('sg.recep_people', sg.recep_people, ('count',))
            p.t('人次')
        p.t('。')
        if rng.random() < self.o['dup_p'] + 0.2:
            p = doc.para()
            p.t('综上，' + ('“三公”经费财政拨款支出决算合计' if self.fin else '“三公”经费预算合计'))
            p.money('sg.total', sg.total, ('dup', 'sg_total'))
            p.t('。')

    def s_gf(self):
        f, doc, t = self.f, self.doc, self.f.tot
        self.sec_head('政府性基金预算财政拨款支出决算情况说明' if self.fin else '政府性基金预算支出预算情况说明')
        p = doc.para()
        self.yr(p)
        if t.gf:
            p.t(self.nd() + '政府性基金预算' + ('财政拨款支出决算' if self.fin else '支出预算'))
            g = p.money('f.ALL.gf.total', t.gf)
            p.t('，主要用于：')
            leis = TB(doc, f, self.o).tree([lf for lf in f.leaves if lf.gf > 0])
            parts = []
            allv = [lf for _, _, ks in leis for _, _, lv in ks for lf in lv]
            for i, lf in enumerate(allv):
                p.t(f'{lf.name}（项）')
                parts.append(p.money(f'f.{lf.code}.gf.total', lf.gf, ('list_item',)))
                p.t('；' if i < len(allv) - 1 else '。')
            doc.sum_(g, parts, 'list-sum')
        else:
            p.t(self.nd() + '本部门没有使用政府性基金预算拨款安排的支出，' +
                ('《政府性基金预算财政拨款收入支出决算表》' if self.fin else '《' + self.o['budget_names']['政府性基金预算支出表'] + '》')
                + '为空表。')

    def s_soe(self):
        doc = self.doc
        self.sec_head('国有资本经营预算财政拨款支出决算情况说明' if self.fin else '国有资本经营预算支出预算情况说明')
        p = doc.para()
        self.yr(p)
        p.t(self.nd() + '本部门没有使用国有资本经营预算拨款安排的支出，' +
            ('《国有资本经营预算财政拨款支出决算表》' if self.fin else '《' + self.o['budget_names']['国有资本经营预算支出表'] + '》')
            + '无数据。')

    def s_other(self):
        f, doc, rng = self.f, self.doc, self.rng
        self.sec_head('其他重要事项的情况说明')
        # 机关运行经费
        p = doc.para()
        p.t('（一）机关运行经费' + ('支出情况' if self.fin else '预算情况') + '。')
        self.yr(p)
        p.t(self.nd() + '本部门机关运行经费' + ('支出' if self.fin else '预算'))
        y = p.money('yx', f.yx)
        self.growth(p, 'yx', y, f.yx, f.yx_prev, prev_key='yx.prev', reason=self.reason(f.yx - f.yx_prev))
        p.t('。')
        pub = doc.first('e.public')
        if pub:
            doc.ident('le', 'le', a=y, b=pub)
        # 政府采购
        cg = f.cg
        p = doc.para()
        if self.fin:
            p.t('（二）政府采购支出情况。')
            self.yr(p)
            p.t('年度本部门政府采购支出总额')
        else:
            p.t('（二）政府采购预算情况。')
            self.yr(p)
            p.t('年本部门政府采购预算总额')
        T = p.money('cg.total', cg.total)
        p.t('，其中：政府采购货物' + ('支出' if self.fin else '预算'))
        a = p.money('cg.goods', cg.goods)
        p.t('、政府采购工程' + ('支出' if self.fin else '预算'))
        b = p.money('cg.works', cg.works)
        p.t('、政府采购服务' + ('支出' if self.fin else '预算'))
        c = p.money('cg.serv', cg.serv)
        p.t('。')
        doc.sum_(T, [a, b, c], 'list-sum')
        if self.fin:
            p.t('授予中小企业合同金额')
        else:
            p.t('面向中小企业预留政府采购项目预算金额')
        s = p.money('cg.sme', cg.sme)
        self.share(p, 'cg.sme', s, cg.sme, T, cg.total,
                   words='，占政府采购支出总额的' if self.fin else '，占政府采购预算总额的')
        doc.ident('le', 'le', a=s, b=T)
        if self.fin:
            p.t('，其中：授予小微企业合同金额')
            m = p.money('cg.micro', cg.micro)
            self.share(p, 'cg.micro', m, cg.micro, T, cg.total, words='，占政府采购支出总额的')
            doc.ident('le', 'le', a=m, b=s)
        p.t('。')
        # 国有资产
        p = doc.para()
        p.t('（三）国有资产占' + rng.choice(['用', '有使用']) + '情况。截至')
        if self.fin:
            self.yr(p)
        else:
            self.pyr(p)
        p.t('年12月31日，本部门')
        if self.fin:
            a = f.assets
            p.t('资产总额')
            A = p.money('as.total', a.total)
            p.t('，其中：流动资产')
            x1 = p.money('as.current', a.current, ('list_item',))
            p.t('、固定资产')
            x2 = p.money('as.fixed', a.fixed, ('list_item',))
            p.t('、无形资产')
            x3 = p.money('as.intangible', a.intangible, ('list_item',))
            p.t('、其他资产')
            x4 = p.money('as.other', a.other, ('list_item',))
            p.t('；')
            doc.sum_(A, [x1, x2, x3, x4], 'list-sum')
        p.t('共有车辆')
        N = p.cnt('car.total', f.car_total, ('count',))
        p.t('辆，其中：')
        parts = []
        ks = list(f.cars)
        for i, k in enumerate(ks):
            p.t(k)
            parts.append(p.cnt(f'car.{k}', f.cars[k], ('count', 'count_item')))
            p.t('辆' + ('、' if i < len(ks) - 1 else '；'))
        doc.sum_(N, parts, 'count')
        p.t('单位价值50万元以上通用设备')
        p.cnt('eq50', f.eq50, ('count',))
        p.t('台（套），单位价值100万元以上专用设备')
        p.cnt('eq100', f.eq100, ('count',))
        p.t('台（套）。')
        # 绩效
        pf = f.perf
        p = doc.para()
        if self.fin:
            p.t('（四）预算绩效情况。本部门组织对')
            self.yr(p)
            p.t('年度一般公共预算项目支出开展绩效自评，共涉及项目')
            n = p.cnt('perf.n', pf.nproj, ('count',))
            p.t('个、资金')
            fund = p.money('f.ALL.gp.proj', f.tot.gp_proj)
            p.t('，占一般公共预算项目支出总额的')
            whole = doc.first('f.ALL.gp.proj')
            c = p.pct('pct.perf.cover', Fraction(100), ('share',))
            doc.ident('share', 'share', pct=c, part=fund, whole=whole)
            p.t('。')
            p = doc.para()
            p.t('项目自评情况：')
            for i, pr in enumerate(f.projects[:3]):
                bud = getattr(pr, 'bud', None)
                if bud is None:
                    pr.bud = pr.amount if rng.random() < 0.4 else int(pr.amount / rng.uniform(0.7, 1.0))
                    pr.bud -= pr.bud % 100
                p.t(f'“{pr.name}”全年预算数')
                bb = p.money(f'p.{i}.bud', pr.bud)
                p.t('，执行数')
                ee = p.money(f'p.{i}', pr.amount)
                p.t('，完成预算的')
                c = p.pct(f'pct.p.{i}', Fraction(pr.amount * 100, pr.bud), ('cmp',))
                doc.ident('completion', 'completion', pct=c, part=ee, whole=bb)
                p.t('，自评得分')
                p.cnt(f'score.{i}', rng.randint(86, 100), ('score',))
                p.t('分' + ('；' if i < min(3, len(f.projects)) - 1 else '。'))
        else:
            p.t('（四）绩效目标设置情况。')
            self.yr(p)
            p.t('年本部门项目支出共')
            n = p.cnt('perf.n', pf.nproj, ('count',))
            p.t('个，其中实行绩效目标管理的项目')
            g = p.cnt('perf.goal_n', pf.goal_n, ('count',))
            p.t('个，涉及一般公共预算当年财政拨款')
            key = 'f.ALL.gp.proj' if pf.goal_n == pf.nproj else 'perf.fund'
            fund = p.money(key, pf.goal_fund)
            p.t('，绩效目标覆盖率')
            c = p.pct('pct.perf.cover', Fraction(pf.goal_n * 100, pf.nproj), ('share',))
            doc.ident('share', 'share', pct=c, part=g, whole=n)
            doc.ident('le', 'count', a=g, b=n)
            p.t('。')

    def glossary(self):
        doc, rng = self.doc, self.rng
        self.heading(1, ['第三部分 名词解释'])
        items = [g for g in GLOSSARY if rng.random() < 0.8]
        for i, (k, v) in enumerate(items):
            p = doc.para()
            p.t(f'{cn_num(i + 1)}、{k}：{v}')

    def contact(self):
        p = self.doc.para()
        p.t('联系方式：' + self.f.dept_name + '办公室，联系电话：' + f'0{self.rng.randint(310, 990)}-{self.rng.randint(2000000, 8999999)}')


def build(facts, opts, rng):
    doc = Doc(facts, opts)
    doc.rng = rng
    tx = TX(doc, facts, opts, rng)
    tx.cover()
    tb = TB(doc, facts, opts)
    tables = tb.build_all()
    fin = facts.doc_type == 'final'
    tbl_part = '部门决算表' if fin else '部门预算表'
    # table of contents
    toc = ['目  录', '第一部分 部门概况', ('第二部分 ' + ('部门决算情况说明' if fin else '部门预算情况说明')),
           '第三部分 名词解释', f'第四部分 {tbl_part}']
    if opts['tables_first']:
        toc = ['目  录', f'第一部分 {tbl_part}', '第二部分 部门概况',
               '第三部分 ' + ('部门决算情况说明' if fin else '部门预算情况说明'), '第四部分 名词解释']
    toc_entries = []
    for i, t in enumerate(tables):
        name = t.mandatory or opts['budget_names']['项目支出表']
        if t.mandatory and not fin:
            name = opts['budget_names'].get(t.mandatory, t.mandatory)
        toc_entries.append(f'{cn_num(i + 1)}、{name}')
        t.toc_entry = toc_entries[-1]
    if opts['tables_first']:
        toc = toc[:2] + toc_entries + toc[2:]
    else:
        toc = toc + toc_entries
    doc.blocks.append(('toc', toc))
    doc.toc = toc

    def tables_part(head_no):
        doc.heading(1, [f'第{head_no}部分 ', ('F', doc.new_fig('year.report', 'year', facts.year, tags={'heading', 'body'})),
                        '年度' + tbl_part if fin else '年' + tbl_part])
        for t in tables:
            doc.add_table(t)

    if opts['tables_first']:
        tables_part('一')
        tx.overview()
        tx.part2_head()
    else:
        tx.overview()
        tx.part2_head()
    tx.s_total()
    tx.s_income()
    tx.s_expense()
    tx.s_fiscal()
    tx.s_gp()
    tx.s_basic()
    tx.s_sangong()
    tx.s_gf()
    tx.s_soe()
    tx.s_other()
    tx.glossary()
    tx.contact()
    if not opts['tables_first']:
        tables_part('四')
    # fix part numbering when tables come first
    if opts['tables_first']:
        ren = {'第一部分 ': '第二部分 ', '第二部分 ': '第三部分 ', '第三部分 名词解释': '第四部分 名词解释'}
        seen_tables = False
        for i, b in enumerate(doc.blocks):
            if b[0] == 'h' and b[1] == 1:
                segs = b[2]
                if isinstance(segs[0], str) and segs[0].startswith('第一部分') and not seen_tables:
                    seen_tables = True
                    continue
                if isinstance(segs[0], str):
                    for old, new in ren.items():
                        if segs[0].startswith(old):
                            segs[0] = new + segs[0][len(old):]
                            break
    doc.table_list = tables
    doc.mandatory = MANDATORY[facts.doc_type]
    return doc
