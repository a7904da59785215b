"""The 说明 text of a 2026年部门预算 and the assembly of the whole document.

Phrasing follows budget documents: totals with their parts and shares, and comparisons with
上年预算 ("比2025年预算增加X万元，增长Y%", "较上年预算减少", "与上年预算持平", "上年未安排").
Each printed amount is a figure keyed to the facts; each comparison registers its difference,
growth and direction identities, referring to last year's figure in the text when the sentence
states it, else to the 2025年预算数 column of a table when one is published.
"""
from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from build14 import P, Q, Y, cn, fmt_money_text, table_titles
from doc14 import Doc, Fig, Para, Table, fmt_number
from facts14 import ADMIN_NATURES, CLASS_NAMES, ECON_NAMES, KUAN_NAMES, XIANG_NAMES

UP, DOWN = ('增加', '增长'), ('减少', '下降')

GLOSSARY = [
    ('财政拨款收入', '指本级财政当年拨付的资金，包括一般公共预算拨款、政府性基金预算拨款和国有资本经营预算拨款。'),
    ('事业收入', '指事业单位开展专业业务活动及其辅助活动取得的收入。'),
    ('其他收入', '指部门取得的除上述收入以外的各项收入。'),
    ('上年结转结余', '指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'),
    ('基本支出', '指为保障机构正常运转、完成日常工作任务而发生的人员经费和公用经费。'),
    ('项目支出', '指在基本支出之外为完成特定行政任务和事业发展目标所发生的支出。'),
    ('“三公”经费', '指部门用一般公共预算财政拨款安排的因公出国（境）费、公务用车购置及运行费和公务接待费。'
                 '其中，因公出国（境）费反映单位公务出国（境）的国际旅费、国外城市间交通费、住宿费、伙食费、培训费、'
                 '公杂费等支出；公务用车购置及运行费反映单位公务用车车辆购置支出（含车辆购置税）及租用费、燃料费、'
                 '维修费、过路过桥费、保险费等支出；公务接待费反映单位按规定开支的各类公务接待（含外宾接待）支出。'),
    ('机关运行经费', '指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务的各项资金，包括办公及印刷费、'
                   '邮电费、差旅费、会议费、福利费、日常维修费、专用材料及一般设备购置费、办公用房水电费、办公用房取暖费、'
                   '办公用房物业管理费、公务用车运行维护费以及其他费用。'),
    ('政府采购', '指各级国家机关、事业单位和团体组织，使用财政性资金采购依法制定的集中采购目录以内的'
             '或者采购限额标准以上的货物、工程和服务的行为。'),
]


class Numbering:
    """Section numbers in one of three house styles: 一、(一)1. / 1. 1.1 (1) / 一、1.（1）."""

    def __init__(self, style: str) -> None:
        self.style = style

    def h2(self, n: int) -> str:
        return {'cn': f'{cn(n)}、', 'arabic': f'{n}.', 'mixed': f'{cn(n)}、'}[self.style]

    def h3(self, n: int, parent: int) -> str:
        return {'cn': f'（{cn(n)}）', 'arabic': f'{parent}.{n}', 'mixed': f'{n}.'}[self.style]

    def item(self, n: int) -> str:
        return {'cn': f'{n}.', 'arabic': f'（{n}）', 'mixed': f'（{n}）'}[self.style]


class TextMaker:
    def __init__(self, doc: Doc, q: Q, rng: random.Random, tables: dict[str, Table]) -> None:
        self.doc, self.q, self.rng, self.o, self.f = doc, q, rng, doc.options, doc.facts
        self.tables = tables
        self.num = Numbering(self.o['numbering'])
        self.paras: list[Any] = []
        self.pid = 0

    # ---------------------------------------------------------------- building blocks
    def para(self, style: str = 'body') -> Para:
        p = Para(style=style)
        self.paras.append(p)
        return p

    def heading(self, text: str, style: str = 'h2') -> None:
        self.paras.append(Para([text], style=style))

    def loc(self) -> dict[str, Any]:
        return {'part': 'text', 'para': len(self.paras)}

    def amt(self, p: Para, key: str) -> Fig:
        val = self.q[key]
        txt, unit, dec = fmt_money_text(val, self.o)
        fg = self.doc.new_fig(key, 'amt', val, txt, unit, dec, self.loc())
        p.segs += [fg, unit]
        return fg

    def mag(self, p: Para, key: str, value: Fraction) -> Fig:
        """A change printed as a magnitude beside a direction word."""
        txt, unit, dec = fmt_money_text(abs(value), self.o)
        fg = self.doc.new_fig(key, 'amt', abs(value), txt, unit, dec, self.loc(), signed=False)
        p.segs += [fg, unit]
        return fg

    def pct(self, p: Para, key: str, signed: bool = True) -> Fig:
        val = self.q[key]
        if not signed:
            val = abs(val)
        d = self.o['pdec']
        fg = self.doc.new_fig(key, 'pct', val, fmt_number(val, d, False), '%', d, self.loc(), signed=signed)
        p.segs += [fg, '%']
        return fg

    def cnt(self, p: Para, key: str, unit: str) -> Fig:
        val = self.q[key]
        fg = self.doc.new_fig(key, 'cnt', val, str(int(val)), unit, 0, self.loc())
        p.segs += [fg, unit]
        return fg

    def word(self, p: Para, key: str, text: str) -> Fig:
        val = {'增加': 1, '增长': 1, '减少': -1, '下降': -1, '持平': 0}[text]
        fg = self.doc.new_fig(key, 'dir', Fraction(val), text, '', 0, self.loc())
        p.segs.append(fg)
        return fg

    def table_fig(self, key: str) -> Fig | None:
        """A figure stating `key` in a published table (to refer to last year's budget)."""
        for t in self.tables.values():
            for row in t.rows:
                for c in row:
                    if isinstance(c, Fig) and c.key == key:
                        return c
        return None

    def pick(self, *opts: str) -> str:
        return self.rng.choice(opts)

    # ---------------------------------------------------------------- comparison with 上年预算
    def yoy(self, p: Para, base: str, cur: Fig | None, reason: str = '', style: str | None = None,
            lead: str = '，') -> None:
        """Compare base@2026 with base@2025 and register the identities the sentence carries."""
        q = self.q
        c, pv = q[f'{base}@{Y}'], q[f'{base}@{P}']
        ref = self.pick('2025年预算', '上年预算') if self.o['cmp_year'] else '上年预算'
        if pv == 0:
            if c == 0:
                return
            p.segs.append(lead + self.pick('上年未安排此项预算', '2025年未安排预算', '为本年新增预算'))
            if reason:
                p.segs.append(f'，主要原因是{reason}')
            return
        style = style or self.rng.choice(self.o['yoy_styles'])
        prev_fig: Fig | None = None
        if style == 'both':
            p.segs.append(f'{lead}2025年预算数为')
            prev_fig = self.amt(p, f'{base}@{P}')
        else:
            prev_fig = self.table_fig(f'{base}@{P}')
        if c == pv:
            p.segs.append(('，' if style == 'both' else lead) + self.pick('与上年预算', f'与{ref}') )
            w = self.word(p, f'dir:{base}', '持平')
            if prev_fig is not None and cur is not None:
                self.doc.ident('dir', 'text', dirs=[w], cur=cur, prev=prev_fig)
            return
        up = c > pv
        chg = c - pv
        if style == 'both':
            p.segs.append('，')
        else:
            p.segs.append(lead + self.pick(f'比{ref}', f'较{ref}', f'与{ref}相比，'))
        d1 = d2 = chg_fig = rate_fig = None
        if style in ('both', 'chg', 'chgonly'):
            d1 = self.word(p, f'dir:{base}', (UP if up else DOWN)[0])
            chg_fig = self.mag(p, f'chg:{base}', chg)
        if style in ('both', 'chg', 'rate'):
            if chg_fig is not None:
                p.segs.append('，')
            d2 = self.word(p, f'dir:{base}', (UP if up else DOWN)[1])
            rate_fig = self.pct(p, f'rate:{base}', signed=False)
        if reason:
            p.segs.append(self.pick('，主要原因是', '。主要原因是', '，主要是') + reason)
        # identities
        dirs = [d for d in (d1, d2) if d is not None]
        if prev_fig is not None and cur is not None:
            self.doc.ident('dir', 'text', dirs=dirs, cur=cur, prev=prev_fig)
        if chg_fig is not None and prev_fig is not None and cur is not None:
            self.doc.ident('diff', 'text', chg=chg_fig, cur=cur, prev=prev_fig, dir=d1)
        if rate_fig is not None:
            if prev_fig is not None and cur is not None:
                self.doc.ident('growth', 'text', rate=rate_fig, cur=cur, prev=prev_fig, dir=d2)
            elif chg_fig is not None and cur is not None:
                self.doc.ident('growth', 'text', rate=rate_fig, cur=cur, chg=chg_fig, chgdir=d1, dir=d2)

    def reason(self, up: bool, kind: str, name: str = '') -> str:
        r = self.rng
        if kind == 'basic':
            return r.choice(['人员变动及工资标准调整', '在职人员增加及社会保险缴费基数调整', '按规定调整津贴补贴标准']) if up else \
                r.choice(['部分人员退休，人员经费相应减少', '人员调出，在职人数减少', '落实过紧日子要求，压减一般性支出'])
        if kind == 'project':
            return (r.choice([f'{name}工作任务增加', f'新增{name}', f'{name}资金需求增加']) if up else
                    r.choice([f'{name}部分工作已完成，相应减少预算', f'压减{name}', '落实过紧日子要求，压减非刚性支出']))
        if kind == 'sangong':
            return r.choice(['按规定更新公务用车', '公务活动增加，相应增加预算']) if up else \
                r.choice(['严格落实中央八项规定精神，厉行节约，从严控制“三公”经费', '压减公务接待和公务用车运行支出'])
        if kind == 'jgyx':
            return r.choice(['人员增加，日常公用经费相应增加', '办公用房物业管理费用增加']) if up else \
                r.choice(['落实过紧日子要求，压减日常公用经费', '严控一般性支出'])
        return r.choice(['人员工资标准调整及新增项目支出', '业务工作任务增加', '新增项目支出']) if up else \
            r.choice(['部分一次性项目已完成，相应减少预算安排', '落实过紧日子要求，压减非刚性、非重点支出'])

    def up(self, base: str) -> bool:
        return self.q[f'{base}@{Y}'] > self.q[f'{base}@{P}']

    def subj(self) -> str:
        """How the text names the department (本部门 / the name / 我局)."""
        return self.rng.choice([self.f['dept'], '本部门', self.f['dept']])

    # ---------------------------------------------------------------- part one: 部门概况
    def part_overview(self) -> None:
        f, n = self.f, self.num
        self.heading(n.h2(1) + self.pick('部门职责', '主要职能'))
        for i, d in enumerate(f['duties']):
            self.para().segs.append(f'{self.num.item(i + 1)}{d}' if self.o['numbering'] != 'arabic' else f'（{i + 1}）{d}')
        self.heading(n.h2(2) + '机构设置')
        p = self.para()
        p.segs.append(f'{f["dept"]}内设')
        fg = self.cnt(p, 'offices.n', '个')
        p.segs.append('职能科室，分别是：' + '、'.join(f['offices']) + '。')
        self.doc.ident('count_items', 'offices', fig=fg, n=len(f['offices']))
        self.heading(n.h2(3) + '部门预算单位构成')
        p = self.para()
        if f['consolidated']:
            p.segs.append('从预算单位构成看，纳入本部门2026年部门预算编制范围的单位共')
            fg = self.cnt(p, 'units.n', '个')
            p.segs.append('，包括：' + '、'.join(u['name'] for u in f['units']) + '。具体如下：')
            self.doc.ident('count_items', 'units', fig=fg, n=len(f['units']))
            rows = [[str(i + 1), u['name'], u['nature']] for i, u in enumerate(f['units'])]
            self.paras.append(Table('t_units', '部门预算单位构成', '', [['序号', '单位名称', '单位性质']], rows,
                                    ['item'] * len(rows), set()))
        else:
            p.segs.append(self.pick(f'{f["dept"]}为一级预算单位，无下属预算单位，本部门预算即本级预算。',
                                    f'纳入本部门2026年部门预算编制范围的单位仅为{f["dept"]}本级，无所属二级预算单位。'))

    # ---------------------------------------------------------------- part two: 情况说明
    def sec_total(self, k: int) -> None:
        self.heading(self.num.h2(k) + self.pick('收支预算总体情况', '收入支出预算总体情况'))
        p = self.para()
        p.segs.append(f'按照综合预算的原则，{self.f["dept"]}所有收入和支出均纳入部门预算管理。2026年收入预算总计')
        a = self.amt(p, f'inc.grand@{Y}')
        p.segs.append('，支出预算总计')
        b = self.amt(p, f'exp.grand@{Y}')
        self.doc.ident('eq', 'text', a=a, b=b)
        # "收、支预算总计各比2025年预算增加…": the change is stated once for both totals
        self.yoy(p, 'inc.grand', b, self.reason(self.up('inc.grand'), 'total'),
                 style=self.rng.choice(['chg', 'chg', 'rate', 'chgonly']), lead='，收、支预算总计各')
        p.segs.append('。')

    def sec_income(self, k: int) -> None:
        q = self.q
        self.heading(self.num.h2(k) + '收入预算情况')
        p = self.para()
        p.segs.append(f'2026年{self.pick("本部门", self.f["dept"])}收入预算总计')
        tot = self.amt(p, f'inc.grand@{Y}')
        items = [('gp', '一般公共预算拨款收入'), ('gf', '政府性基金预算拨款收入'), ('zh', '财政专户管理资金收入'),
                 ('sy', '事业收入'), ('qt', '其他收入'), ('jz', '上年结转结余')]
        items = [(k2, n2) for k2, n2 in items if q.get(f'inc.{k2}@{Y}')]
        parts = []
        if len(items) == 1:
            p.segs.append('，全部为一般公共预算拨款收入')
        else:
            p.segs.append('，其中：')
            for j, (k2, name) in enumerate(items):
                p.segs.append(name)
                fg = self.amt(p, f'inc.{k2}@{Y}')
                parts.append(fg)
                p.segs.append('，占')
                sh = self.pct(p, f'share:inc.{k2}@{Y}|inc.grand@{Y}')
                self.doc.ident('share', 'text', share=sh, part=fg, whole=tot)
                p.segs.append('；' if j < len(items) - 1 else '。')
            self.doc.ident('sum', 'text', total=tot, parts=parts)
        if len(items) == 1:
            p.segs.append('。')
        if self.rng.random() < 0.6:
            p2 = self.para()
            p2.segs.append('其中，一般公共预算拨款收入')
            g = self.amt(p2, f'inc.gp@{Y}')
            self.yoy(p2, 'inc.gp', g, self.reason(self.up('inc.gp'), 'total'))
            p2.segs.append('。')

    def sec_expense(self, k: int) -> None:
        self.heading(self.num.h2(k) + '支出预算情况')
        p = self.para()
        p.segs.append('2026年支出预算总计')
        tot = self.amt(p, f'exp.grand@{Y}')
        p.segs.append('，其中：基本支出')
        b = self.amt(p, f'exp.all.T.b@{Y}')
        p.segs.append('，占')
        sb = self.pct(p, f'share:exp.all.T.b@{Y}|exp.grand@{Y}')
        p.segs.append('；项目支出')
        pj = self.amt(p, f'exp.all.T.p@{Y}')
        p.segs.append('，占')
        sp = self.pct(p, f'share:exp.all.T.p@{Y}|exp.grand@{Y}')
        p.segs.append('。')
        self.doc.ident('sum', 'text', total=tot, parts=[b, pj])
        self.doc.ident('share', 'text', share=sb, part=b, whole=tot)
        self.doc.ident('share', 'text', share=sp, part=pj, whole=tot)
        if self.rng.random() < 0.7:
            p2 = self.para()
            p2.segs.append('基本支出')
            bb = self.amt(p2, f'exp.all.T.b@{Y}')
            self.yoy(p2, 'exp.all.T.b', bb, self.reason(self.up('exp.all.T.b'), 'basic'))
            p2.segs.append('；项目支出')
            pp = self.amt(p2, f'exp.all.T.p@{Y}')
            self.yoy(p2, 'exp.all.T.p', pp, self.reason(self.up('exp.all.T.p'), 'total'))
            p2.segs.append('。')

    def sec_fiscal(self, k: int) -> None:
        q = self.q
        self.heading(self.num.h2(k) + '财政拨款收支预算总体情况')
        p = self.para()
        p.segs.append('2026年财政拨款收支总预算')
        tot = self.amt(p, f'inc.fis@{Y}')
        p.segs.append('。收入包括：一般公共预算拨款')
        gp = self.amt(p, f'inc.gp@{Y}')
        parts = [gp]
        if q.get(f'inc.gf@{Y}'):
            p.segs.append('、政府性基金预算拨款')
            parts.append(self.amt(p, f'inc.gf@{Y}'))
        self.doc.ident('sum', 'text', total=tot, parts=parts)
        p.segs.append('；支出包括：')
        classes = sorted({c[:3] for c in q.leaves if q.get(f'exp.fis.{c[:3]}.tot@{Y}')})
        cparts = []
        for j, c in enumerate(classes):
            p.segs.append(CLASS_NAMES[c])
            cparts.append(self.amt(p, f'exp.fis.{c}.tot@{Y}'))
            p.segs.append('、' if j < len(classes) - 1 else '。')
        self.doc.ident('sum', 'text', total=tot, parts=cparts)
        p2 = self.para()
        p2.segs.append('财政拨款收支总预算')
        t2 = self.amt(p2, f'inc.fis@{Y}')
        self.yoy(p2, 'inc.fis', t2, self.reason(self.up('inc.fis'), 'total'))
        p2.segs.append('。')

    def sec_gp(self, k: int) -> None:
        q, n = self.q, self.num
        self.heading(n.h2(k) + '一般公共预算支出预算情况')
        self.heading(n.h3(1, k) + '一般公共预算支出总体情况', 'h3')
        p = self.para()
        p.segs.append('2026年一般公共预算支出')
        tot = self.amt(p, f'exp.gp.T.tot@{Y}')
        p.segs.append('，占本年支出合计的')
        whole_t = self.table_fig(f'exp.total@{Y}')
        sh = self.pct(p, f'share:exp.gp.T.tot@{Y}|exp.total@{Y}')
        if whole_t is not None:
            self.doc.ident('share', 'text', share=sh, part=tot, whole=whole_t)
        self.yoy(p, 'exp.gp.T.tot', tot, self.reason(self.up('exp.gp.T.tot'), 'total'))
        p.segs.append('。')
        self.heading(n.h3(2, k) + '一般公共预算支出结构情况', 'h3')
        p = self.para()
        p.segs.append('2026年一般公共预算支出')
        tot2 = self.amt(p, f'exp.gp.T.tot@{Y}')
        p.segs.append('，按支出功能分类，主要用于以下方面：')
        classes = sorted({c[:3] for c in q.leaves if q.get(f'exp.gp.{c[:3]}.tot@{Y}')})
        parts = []
        for j, c in enumerate(classes):
            p.segs.append(f'{CLASS_NAMES[c]}（类）')
            fg = self.amt(p, f'exp.gp.{c}.tot@{Y}')
            parts.append(fg)
            p.segs.append('，占')
            s = self.pct(p, f'share:exp.gp.{c}.tot@{Y}|exp.gp.T.tot@{Y}')
            self.doc.ident('share', 'text', share=s, part=fg, whole=tot2)
            p.segs.append('；' if j < len(classes) - 1 else '。')
        self.doc.ident('sum', 'text', total=tot2, parts=parts)
        self.heading(n.h3(3, k) + '一般公共预算支出具体情况', 'h3')
        leaves = [c for c in sorted(q.leaves) if q.get(f'exp.gp.{c}.tot@{Y}') or q.get(f'exp.gp.{c}.tot@{P}')]
        proj_names = {}
        for pr in self.f['projects']:
            proj_names.setdefault(pr['leaf'], pr['name'])
        for j, c in enumerate(leaves):
            p = self.para()
            path = (f'{CLASS_NAMES[c[:3]]}（类）{KUAN_NAMES[c[:5]]}（款）{XIANG_NAMES[c]}（项）'
                    if self.o['leaf_path'] == 'full' else f'{XIANG_NAMES[c]}（{c}）')
            p.segs.append(f'{n.item(j + 1)}{path}')
            base = f'exp.gp.{c}.tot'
            cur, prev = q[f'{base}@{Y}'], q[f'{base}@{P}']
            is_basic = q.get(f'exp.gp.{c}.b@{Y}') > q.get(f'exp.gp.{c}.p@{Y}') or \
                q.get(f'exp.gp.{c}.b@{P}') > q.get(f'exp.gp.{c}.p@{P}')
            name = proj_names.get(c, XIANG_NAMES[c])
            if cur == 0:
                p.segs.append('：2026年未安排预算，2025年预算数为')
                self.amt(p, f'{base}@{P}')
                p.segs.append(f'，主要原因是{name}已完成，本年不再安排。')
                continue
            p.segs.append(self.pick('：2026年预算数为', '2026年预算', '：'))
            fg = self.amt(p, f'{base}@{Y}')
            why = self.reason(cur > prev, 'basic' if is_basic else 'project', name) if cur != prev else ''
            if prev == 0:
                why = f'新增{name}'
            self.yoy(p, base, fg, why)
            p.segs.append('。')

    def sec_basic(self, k: int) -> None:
        q = self.q
        self.heading(self.num.h2(k) + '一般公共预算基本支出情况')
        p = self.para()
        p.segs.append('2026年一般公共预算基本支出')
        tot = self.amt(p, f'exp.gp.T.b@{Y}')
        p.segs.append('，其中：人员经费')
        pe = self.amt(p, f'econ.person@{Y}')
        names_p = [ECON_NAMES[c] for c in q.econ_codes if c.startswith(('301', '303'))]
        names_g = [ECON_NAMES[c] for c in q.econ_codes if c.startswith('302')]
        p.segs.append('，主要包括：' + '、'.join(names_p[:8]) + '等；公用经费')
        pu = self.amt(p, f'econ.public@{Y}')
        p.segs.append('，主要包括：' + '、'.join(names_g[:9]) + '等。')
        self.doc.ident('sum', 'text', total=tot, parts=[pe, pu])
        self.basic_public_fig = pu
        if self.rng.random() < 0.75:
            p2 = self.para()
            p2.segs.append('一般公共预算基本支出')
            b2 = self.amt(p2, f'exp.gp.T.b@{Y}')
            self.yoy(p2, 'exp.gp.T.b', b2, self.reason(self.up('exp.gp.T.b'), 'basic'))
            p2.segs.append('。')

    def sec_sangong(self, k: int) -> None:
        q, n = self.q, self.num
        self.heading(n.h2(k) + '一般公共预算“三公”经费预算情况')
        p = self.para()
        p.segs.append(f'2026年{self.pick("本部门", self.f["dept"])}一般公共预算“三公”经费预算数为')
        tot = self.amt(p, f'sg.tot@{Y}')
        self.yoy(p, 'sg.tot', tot, self.reason(self.up('sg.tot'), 'sangong'))
        p.segs.append('。')
        p = self.para()
        p.segs.append('其中：')
        order = [('cg', '因公出国（境）费'), ('car', '公务用车购置及运行费'), ('jd', '公务接待费')]
        if self.o['sg_order'] == 'jd_first':
            order = [order[0], order[2], order[1]]
        parts: list[Fig] = []
        for j, (key, name) in enumerate(order):
            p.segs.append(f'{n.item(j + 1) if self.o["sg_items_numbered"] else ""}{name}')
            fg = self.amt(p, f'sg.{key}@{Y}')
            parts.append(fg)
            if key == 'car':
                p.segs.append('（其中：公务用车购置费')
                gz = self.amt(p, f'sg.gz@{Y}')
                p.segs.append('，公务用车运行费')
                yx = self.amt(p, f'sg.yx@{Y}')
                p.segs.append('）')
                self.doc.ident('sum', 'sangong', total=fg, parts=[gz, yx])
            base = f'sg.{key}'
            if q[f'{base}@{Y}'] or q[f'{base}@{P}']:
                self.yoy(p, base, fg, '')
            else:
                p.segs.append('，与上年预算持平')
            p.segs.append('；' if j < len(order) - 1 else '。')
        self.doc.ident('sum', 'sangong', total=tot, parts=parts)

    def sec_funds(self, k: int) -> None:
        q = self.q
        self.heading(self.num.h2(k) + '政府性基金预算支出情况')
        p = self.para()
        if q.get(f'exp.gf.T.tot@{Y}'):
            p.segs.append('2026年政府性基金预算支出')
            fg = self.amt(p, f'exp.gf.T.tot@{Y}')
            self.yoy(p, 'exp.gf.T.tot', fg, '')
            names = [pr['name'] for pr in self.f['projects'] if pr['src'] == 'gf' and pr['v26']]
            p.segs.append('，主要用于' + '、'.join(names) + '。')
        else:
            p.segs.append(self.pick('本部门2026年无使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。',
                                    '本部门无政府性基金预算收入，也没有使用政府性基金预算拨款安排的支出。'))
        self.heading(self.num.h2(k + 1) + '国有资本经营预算支出情况')
        self.para().segs.append(self.pick('本部门2026年无使用国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。',
                                          '本部门无国有资本经营预算拨款安排的支出。'))

    def sec_other(self, k: int) -> None:
        q, n, f = self.q, self.num, self.f
        self.heading(n.h2(k) + '其他重要事项的情况说明')
        # 机关运行经费
        self.heading(n.h3(1, k) + '机关运行经费', 'h3')
        p = self.para()
        admin_units = [u for u in f['units'] if u['nature'] in ADMIN_NATURES]
        who = '本部门' if len(admin_units) > 1 else f['dept']
        p.segs.append(f'2026年{who}机关运行经费预算')
        fg = self.amt(p, f'jgyx@{Y}')
        self.yoy(p, 'jgyx', fg, self.reason(self.up('jgyx'), 'jgyx'))
        p.segs.append('。机关运行经费主要用于办公及印刷费、邮电费、差旅费、会议费、福利费、日常维修费、办公用房水电费、'
                      '办公用房物业管理费、公务用车运行维护费以及其他费用。')
        pub = getattr(self, 'basic_public_fig', None)
        if pub is not None:
            self.doc.ident('le', 'text', a=fg, b=pub)
        # 政府采购预算
        self.heading(n.h3(2, k) + '政府采购预算情况', 'h3')
        p = self.para()
        p.segs.append(f'2026年{self.pick("本部门", f["dept"])}政府采购预算总额')
        tot = self.amt(p, f'proc.tot@{Y}')
        p.segs.append('，其中：政府采购货物预算')
        g = self.amt(p, f'proc.goods@{Y}')
        p.segs.append('、政府采购工程预算')
        w = self.amt(p, f'proc.works@{Y}')
        p.segs.append('、政府采购服务预算')
        s = self.amt(p, f'proc.services@{Y}')
        self.doc.ident('sum', 'procurement', total=tot, parts=[g, w, s])
        if q.get(f'proc.tot@{P}') and self.rng.random() < 0.5:
            p.segs.append('。政府采购预算总额')
            self.yoy(p, 'proc.tot', tot, '', style='chg', lead='')
        if f'proc.sme@{Y}' in q.v:
            p.segs.append('。其中，面向中小企业预留政府采购项目预算')
            sm = self.amt(p, f'proc.sme@{Y}')
            p.segs.append('，占政府采购预算总额的')
            sh = self.pct(p, f'share:proc.sme@{Y}|proc.tot@{Y}')
            self.doc.ident('share', 'text', share=sh, part=sm, whole=tot)
        p.segs.append('。')
        # 国有资产占用情况
        self.heading(n.h3(3, k) + '国有资产占用情况', 'h3')
        p = self.para()
        if q.get('veh.tot'):
            p.segs.append(f'截至2025年12月31日，{self.pick("本部门", f["dept"])}共有车辆')
            vt = self.cnt(p, 'veh.tot', '辆')
            p.segs.append('，其中：')
            parts = []
            for j, (kind, _) in enumerate(f['vehicles']):
                p.segs.append(kind)
                parts.append(self.cnt(p, f'veh.{kind}', '辆'))
                p.segs.append('、' if j < len(f['vehicles']) - 1 else '；')
            self.doc.ident('sum', 'vehicle', total=vt, parts=parts)
        else:
            p.segs.append('截至2025年12月31日，本部门无车辆；')
        p.segs.append('单价50万元以上通用设备')
        self.cnt(p, 'equip50', '台（套）')
        p.segs.append('，单价100万元以上专用设备')
        self.cnt(p, 'equip100', '台（套）')
        p.segs.append('。2026年部门预算')
        if q.get('vehbuy'):
            p.segs.append('安排购置车辆')
            self.cnt(p, 'vehbuy', '辆')
            p.segs.append('（一般公务用车），购置资金已列入“三公”经费公务用车购置费。')
        else:
            p.segs.append('未安排购置车辆。')
        # 预算绩效管理情况
        self.heading(n.h3(4, k) + '预算绩效管理情况', 'h3')
        p = self.para()
        p.segs.append('根据预算绩效管理要求，本部门组织对2026年一般公共预算项目全面编制了绩效目标，实行绩效目标管理的项目共')
        pn = self.cnt(p, 'perf.n', '个')
        p.segs.append('，涉及一般公共预算拨款')
        self.amt(p, f'exp.gp.T.p@{Y}')
        p.segs.append('。')
        if 't_xm' in self.tables:
            self.doc.ident('count_items', 'projects', fig=pn, n=len(self.tables['t_xm'].items))

    def glossary(self) -> None:
        for i, (term, expl) in enumerate(GLOSSARY):
            self.para().segs.append(f'{self.num.h2(i + 1)}{term}：{expl}')


# ---------------------------------------------------------------- assembly
def compose(doc: Doc, q: Q, rng: random.Random, tables: dict[str, Table]) -> None:
    o, f = doc.options, doc.facts
    tm = TextMaker(doc, q, rng, tables)
    dept = f['dept']
    titles = table_titles(o, o['annex'])
    doc.toc_tables = [t for _, t in titles]
    doc.toc_tids = [tid for tid, _ in titles]
    doc.mandatory = [t for tid, t in titles]
    # build the text parts first so that figures get their paragraph positions
    overview = TextMaker(doc, q, rng, tables)
    overview.part_overview()
    tm.paras = []
    secs = [tm.sec_total, tm.sec_income, tm.sec_expense, tm.sec_fiscal, tm.sec_gp, tm.sec_basic, tm.sec_sangong]
    for i, s in enumerate(secs):
        s(i + 1)
    tm.sec_funds(len(secs) + 1)
    tm.sec_other(len(secs) + 3)
    explain = tm.paras
    gl = TextMaker(doc, q, rng, tables)
    gl.glossary()

    parts = [('部门概况', overview.paras), ('2026年部门预算情况说明', explain), ('名词解释', gl.paras),
             ('2026年部门预算表', 'TABLES')]
    if o['tables_first']:
        parts = [parts[0], parts[3], parts[1], parts[2]]
    cover = [Para([f'{dept}2026年部门预算'], style='title'), Para([rng.choice(['2026年2月', '2026年3月'])], style='title')]
    toc = [Para(['目  录'], style='title')]
    for i, (name, _) in enumerate(parts):
        toc.append(Para([f'第{cn(i + 1)}部分 {name}'], style='toc'))
        if _ == 'TABLES':
            for j, t in enumerate(doc.toc_tables):
                toc.append(Para([f'{table_prefix(o, j + 1)}{t}'], style='toc'))
    doc.blocks = cover + toc + ['pagebreak']
    for i, (name, content) in enumerate(parts):
        doc.blocks.append(Para([f'第{cn(i + 1)}部分 {name}'], style='h1'))
        if content == 'TABLES':
            for j, (tid, title) in enumerate(titles):
                t = tables[tid]
                t.title = f'{table_prefix(o, j + 1)}{title}' if o['table_prefix_in_title'] else title
                if o['table_newpage']:
                    doc.blocks.append('pagebreak')
                doc.blocks.append(t)
        else:
            doc.blocks += content
        if i < len(parts) - 1:
            doc.blocks.append('pagebreak')
    # figures' paragraph locations are renumbered from the final block order
    n = 0
    for b in doc.blocks:
        if isinstance(b, Para):
            n += 1
            for s in b.segs:
                if isinstance(s, Fig):
                    s.loc = {'part': 'text', 'para': n}


def table_prefix(o: dict[str, Any], j: int) -> str:
    return {'cn': f'{cn(j)}、', 'biao': f'表{j}：', 'num': f'{j}、'}[o['table_numbering']]
