"""Build the block model of one 部门决算 document from facts, options and overrides."""
from facts17 import REASONS_DOWN, REASONS_UP
from fmt17 import DASH, Registry, money, rate

CN = '一二三四五六七八九十'


def cn(i):
    return CN[i] if i < 10 else '十' + CN[i - 10]


class Builder:
    def __init__(self, f, opt, overrides=None):
        self.f, self.o = f, opt
        self.R = Registry(overrides)
        self.blocks = []
        self.tables = []

    # ---------- helpers ----------
    def t(self, key, c):          # table amount
        return self.R.amt(key, c, self.o['tunit'], self.o['sep'])

    def w(self, key, c, neg=False):   # text amount in 万元
        return self.R.amt(key, c, '万元', self.o['tsep'], neg)

    def p(self, text):
        self.blocks.append(('p', text))

    def h(self, level, text):
        self.blocks.append((level, text))

    def clause(self, key, text):
        self.R.clauses[key] = text
        return text

    def table(self, tid, title, header, rows, wide=False, split=False):
        tb = dict(id=tid, title=title, unit=self.o['tunit'], header=header, rows=rows, wide=wide, split=split)
        self.tables.append(tb)
        return tb

    def cmp_cells(self, key, prev, cur):
        """上年 | 本年 | 增减额 | 增减率 cells + identities."""
        R = self.R
        a = self.t(key + '.prev', prev)
        b = self.t(key + '.cur', cur)
        d = self.t(key + '.d', cur - prev)
        r = R.pct(key + '.r', cur - prev, prev, self.o['rnd'], self.o['blank'])
        R.bal([key + '.d', key + '.prev'], [key + '.cur'], f'{key} 增减额 = 本年 − 上年')
        R.ratio(key + '.r', key + '.d', key + '.prev', f'{key} 增减率 = 增减额 ÷ 上年')
        return [(a, 'amt'), (b, 'amt'), (d, 'amt'), (r, 'pct')]

    def sum_cols(self, tot, parts, cols, label):
        for c in cols:
            self.R.bal([f'{tot}.{c}'], [f'{p}.{c}' for p in parts], f'{label} {c}')

    def put_total(self, rows, total_row):
        return [total_row] + rows if self.o['total_top'] else rows + [total_row]

    def dirw(self, d):
        return '增加' if d > 0 else '减少'

    # ---------- document ----------
    def build(self):
        f, o = self.f, self.o
        self.blocks.append(('title', f"{f['dept']}{f['year']}年度部门决算"))
        self.h('h1', '第一部分 部门概况')
        self.h('h2', '一、部门职责')
        self.p(f"{f['dept']}是{f['city']}人民政府工作部门，负责本行业领域的政策执行、规划编制和监督管理工作，"
               f"统筹本系统经费的预决算管理。")
        self.h('h2', '二、决算单位构成')
        us = f['units']
        self.p(f"纳入本部门{f['year']}年度部门决算编制范围的单位共{len(us)}个，包括部门本级和{len(us) - 1}个所属单位："
               + '、'.join(u['name'] for u in us[1:]) + '。')
        if o['tables_first']:
            self.tables_part()
            self.text_part()
        else:
            self.text_part()
            self.tables_part()
        return self

    # ---------- tables ----------
    def tables_part(self):
        self.h('h1', '第三部分 部门决算表' if not self.o['tables_first'] else '第二部分 部门决算表')
        self.blocks.append(('tables', None))

    def make_tables(self):
        f, o, R = self.f, self.o, self.R
        us = f['units']
        tot = dict(c0=sum(u['c0'] for u in us), c1=sum(u['c1'] for u in us), fin=sum(u['fin'] for u in us),
                   sy=sum(u['sy'] for u in us), ot=sum(u['ot'] for u in us), basic=sum(u['basic'] for u in us),
                   proj=sum(u['proj'] for u in us))
        tot['inc'] = tot['fin'] + tot['sy'] + tot['ot']
        tot['exp'] = tot['basic'] + tot['proj']
        self.tot = tot
        # 表1 收入决算表 (per unit)
        rows = []
        for u in us:
            k = 'ui.' + u['code']
            rows.append([(u['code'], 'code'), (u['name'], 'txt'), (self.t(k + '.c0', u['c0']), 'amt'),
                         (self.t(k + '.inc', u['fin'] + u['sy'] + u['ot']), 'amt'), (self.t(k + '.fin', u['fin']), 'amt'),
                         (self.t(k + '.sy', u['sy']), 'amt'), (self.t(k + '.ot', u['ot']), 'amt')])
            R.bal([k + '.inc'], [k + '.fin', k + '.sy', k + '.ot'], f"{u['name']} 本年收入合计 = 各项收入之和")
        tr = [('', 'code'), ('合计', 'txt'), (self.t('ui.T.c0', tot['c0']), 'amt'), (self.t('ui.T.inc', tot['inc']), 'amt'),
              (self.t('ui.T.fin', tot['fin']), 'amt'), (self.t('ui.T.sy', tot['sy']), 'amt'), (self.t('ui.T.ot', tot['ot']), 'amt')]
        R.bal(['ui.T.inc'], ['ui.T.fin', 'ui.T.sy', 'ui.T.ot'], '合计 本年收入合计 = 各项收入之和')
        self.sum_cols('ui.T', ['ui.' + u['code'] for u in us], ['c0', 'inc', 'fin', 'sy', 'ot'], '收入决算表 合计 = Σ单位')
        hdr = [[('单位代码', 1, 2), ('单位名称', 1, 2), ('年初结转和结余', 1, 2), ('本年收入合计', 1, 2),
                ('本年收入', 3, 1)], [('财政拨款收入', 1, 1), ('事业收入', 1, 1), ('其他收入', 1, 1)]]
        self.table('income', '收入决算表', hdr, self.put_total(rows, tr), wide=True)
        # 表2 支出决算表 (per unit)
        rows = []
        for u in us:
            k = 'ue.' + u['code']
            rows.append([(u['code'], 'code'), (u['name'], 'txt'), (self.t(k + '.exp', u['basic'] + u['proj']), 'amt'),
                         (self.t(k + '.basic', u['basic']), 'amt'), (self.t(k + '.proj', u['proj']), 'amt'),
                         (self.t(k + '.c1', u['c1']), 'amt')])
            R.bal([k + '.exp'], [k + '.basic', k + '.proj'], f"{u['name']} 本年支出合计 = 基本 + 项目")
            R.bal(['ui.' + u['code'] + '.c0', 'ui.' + u['code'] + '.inc'], [k + '.exp', k + '.c1'],
                  f"{u['name']} 年初结转 + 本年收入 = 本年支出 + 年末结转")
        tr = [('', 'code'), ('合计', 'txt'), (self.t('ue.T.exp', tot['exp']), 'amt'), (self.t('ue.T.basic', tot['basic']), 'amt'),
              (self.t('ue.T.proj', tot['proj']), 'amt'), (self.t('ue.T.c1', tot['c1']), 'amt')]
        R.bal(['ue.T.exp'], ['ue.T.basic', 'ue.T.proj'], '合计 本年支出合计 = 基本 + 项目')
        R.bal(['ui.T.c0', 'ui.T.inc'], ['ue.T.exp', 'ue.T.c1'], '合计 年初结转 + 本年收入 = 本年支出 + 年末结转')
        self.sum_cols('ue.T', ['ue.' + u['code'] for u in us], ['exp', 'basic', 'proj', 'c1'], '支出决算表 合计 = Σ单位')
        hdr = [[('单位代码', 1, 2), ('单位名称', 1, 2), ('本年支出合计', 1, 2), ('本年支出', 2, 1), ('年末结转和结余', 1, 2)],
               [('基本支出', 1, 1), ('项目支出', 1, 1)]]
        self.table('expense', '支出决算表', hdr, self.put_total(rows, tr), wide=True)
        # 表3 收入支出决算同比变动表
        pv = f['prev']
        cmp_hdr = [[('项目', 1, 1), ('上年决算数', 1, 1), ('本年决算数', 1, 1), ('增减额', 1, 1), ('增减率(%)', 1, 1)]]
        rows = []
        for key, label, prev, cur in (('inc', '本年收入合计', pv['inc'], tot['inc']), ('exp', '本年支出合计', pv['basic'] + pv['proj'], tot['exp']),
                                      ('basic', '基本支出', pv['basic'], tot['basic']), ('proj', '项目支出', pv['proj'], tot['proj'])):
            rows.append([(label, 'txt')] + self.cmp_cells('ct.' + key, prev, cur))
        for c in ('prev', 'cur', 'd'):
            R.bal([f'ct.exp.{c}'], [f'ct.basic.{c}', f'ct.proj.{c}'], f'同比表 支出合计 = 基本 + 项目 ({c})')
        R.bal(['ct.inc.cur'], ['ui.T.inc'], '同比表 本年收入 = 收入决算表合计')
        R.bal(['ct.exp.cur'], ['ue.T.exp'], '同比表 本年支出 = 支出决算表合计')
        R.bal(['ct.basic.cur'], ['ue.T.basic'], '同比表 基本支出 = 支出决算表合计')
        R.bal(['ct.proj.cur'], ['ue.T.proj'], '同比表 项目支出 = 支出决算表合计')
        self.table('change', '收入支出决算同比变动表', cmp_hdr, rows)
        # 表4 一般公共预算财政拨款支出决算表
        self.function_table()
        # 表5 分类对比表
        rows = []
        gtot = prevtot = 0
        for cc, cname, _ in f['tree']:
            cur = sum(lf['b'] + lf['p'] for lf in f['leaves'] if lf['cls'] == cc)
            prev = f['prev_cls'][cc]
            gtot += cur
            prevtot += prev
            rows.append([(cc, 'code'), (cname, 'txt')] + self.cmp_cells('cc.' + cc, prev, cur))
            R.bal(['cc.' + cc + '.cur'], ['ft.' + cc + '.tot'], f'{cname} 对比表本年 = 支出决算表决算数')
        trow = [('', 'code'), ('合计', 'txt')] + self.cmp_cells('cc.T', prevtot, gtot)
        self.sum_cols('cc.T', ['cc.' + cc for cc, _, _ in f['tree']], ['prev', 'cur', 'd'], '分类对比表 合计 = Σ类')
        hdr = [[('科目编码', 1, 1), ('科目名称', 1, 1), ('上年决算数', 1, 1), ('本年决算数', 1, 1), ('增减额', 1, 1), ('增减率(%)', 1, 1)]]
        self.table('clscmp', '一般公共预算财政拨款支出决算分类对比表', hdr, self.put_total(rows, trow))
        # 表6 基本支出决算表
        rows = []
        for grp, items, key, tot_c, code in (('人员经费', f['person'], 'per', f['per_total'], '301/303'),
                                             ('公用经费', f['public'], 'pub', f['pub_total'], '302')):
            rows.append([(code, 'code'), (grp, 'txt'), (self.t('ec.' + key, tot_c), 'amt')])
            for c, n, v in items:
                rows.append([(c, 'code'), ('  ' + n, 'txt'), (self.t('ec.' + c, v), 'amt')])
            R.bal(['ec.' + key], ['ec.' + c for c, _, _ in items], f'基本支出表 {grp} = Σ明细')
        trow = [('', 'code'), ('合计', 'txt'), (self.t('ec.T', f['per_total'] + f['pub_total']), 'amt')]
        R.bal(['ec.T'], ['ec.per', 'ec.pub'], '基本支出表 合计 = 人员经费 + 公用经费')
        R.bal(['ec.T'], ['ft.T.b'], '基本支出表 合计 = 一般公共预算财政拨款支出决算表 基本支出')
        hdr = [[('经济分类科目编码', 1, 1), ('科目名称', 1, 1), ('决算数', 1, 1)]]
        self.table('basic', '一般公共预算财政拨款基本支出决算表', hdr, self.put_total(rows, trow))
        # 表7 三公
        sg = f['sg']
        sgv = {k: v for k, v in sg.items()}
        sgv['car'] = (sg['buy'][0] + sg['run'][0], sg['buy'][1] + sg['run'][1])
        sgv['T'] = tuple(sg['abroad'][i] + sgv['car'][i] + sg['recv'][i] for i in (0, 1))
        rows = []
        for k, label in (('T', '合计'), ('abroad', '1.因公出国（境）费'), ('car', '2.公务用车购置及运行维护费'),
                         ('buy', '（1）公务用车购置费'), ('run', '（2）公务用车运行维护费'), ('recv', '3.公务接待费')):
            rows.append([(label, 'txt')] + self.cmp_cells('sg.' + k, *sgv[k]))
        self.sum_cols('sg.T', ['sg.abroad', 'sg.car', 'sg.recv'], ['prev', 'cur', 'd'], '三公 合计 = 出国 + 车 + 接待')
        self.sum_cols('sg.car', ['sg.buy', 'sg.run'], ['prev', 'cur', 'd'], '三公 车 = 购置 + 运行维护')
        self.table('sangong', '财政拨款“三公”经费支出决算表', cmp_hdr, rows)
        self.sgv = sgv

    def function_table(self):
        f, o, R = self.f, self.o, self.R
        rows = []
        agg = {}
        order = []
        for lf in f['leaves']:
            for lvl, code, name in ((0, lf['cls'], lf['cname']), (1, lf['kuan'], lf['kname']), (2, lf['code'], lf['name'])):
                if code not in agg:
                    agg[code] = dict(init=0, adj=0, b=0, p=0, name=name, lvl=lvl, kids=[])
                    order.append(code)
                    if lvl:
                        parent = lf['cls'] if lvl == 1 else lf['kuan']
                        agg[parent]['kids'].append(code)
                for c in ('init', 'adj', 'b', 'p'):
                    agg[code][c] += lf[c]
        T = dict(init=0, adj=0, b=0, p=0)
        for code in order:
            if agg[code]['lvl'] == 0:
                for c in T:
                    T[c] += agg[code][c]
        cols = ('init', 'adj', 'tot', 'b', 'p')

        def cells(key, a):
            return [(self.t(f'ft.{key}.init', a['init']), 'amt'), (self.t(f'ft.{key}.adj', a['adj']), 'amt'),
                    (self.t(f'ft.{key}.tot', a['b'] + a['p']), 'amt'), (self.t(f'ft.{key}.b', a['b']), 'amt'),
                    (self.t(f'ft.{key}.p', a['p']), 'amt')]
        for code in order:
            a = agg[code]
            name = ('　' * a['lvl']) + a['name'] if o['indent'] else a['name']
            rows.append([(code, 'code'), (name, 'txt')] + cells(code, a))
            R.bal([f'ft.{code}.tot'], [f'ft.{code}.b', f'ft.{code}.p'], f'{code} 决算合计 = 基本 + 项目')
            if a['kids']:
                self.sum_cols('ft.' + code, ['ft.' + k for k in a['kids']], cols, f'{code} {a["name"]} = Σ下级科目')
        trow = [('', 'code'), ('合计', 'txt')] + cells('T', T)
        R.bal(['ft.T.tot'], ['ft.T.b', 'ft.T.p'], '合计 决算合计 = 基本 + 项目')
        self.sum_cols('ft.T', ['ft.' + c for c in order if agg[c]['lvl'] == 0], cols, '支出决算表 合计 = Σ类')
        hdr = [[('科目编码', 1, 2), ('科目名称', 1, 2), ('年初预算数', 1, 2), (o['adjw'] + '数', 1, 2), ('决算数', 3, 1)],
               [('合计', 1, 1), ('基本支出', 1, 1), ('项目支出', 1, 1)]]
        self.table('gpb', '一般公共预算财政拨款支出决算表', hdr, self.put_total(rows, trow), wide=True, split=True)
        self.agg, self.T = agg, T

    # ---------- text ----------
    def text_part(self):
        f, o, R = self.f, self.o, self.R
        self.make_tables()
        tot = self.tot
        yr = f['year']
        self.h('h1', '第二部分 部门决算情况说明' if not o['tables_first'] else '第三部分 部门决算情况说明')
        sec = iter(range(20))
        # 一 总体
        self.h('h2', f'{cn(next(sec))}、收入支出决算总体情况说明')
        s1 = self.w('tx.inc', tot['inc'])
        s2 = self.w('tx.exp', tot['exp'])
        s3 = self.w('tx.c0', tot['c0'])
        s4 = self.w('tx.c1', tot['c1'])
        self.p(f"{f['dept']}{yr}年度本年收入合计{s1}万元，年初结转和结余{s3}万元；本年支出合计{s2}万元，年末结转和结余{s4}万元。")
        R.bal(['tx.inc'], ['ui.T.inc'], '文字 本年收入 = 表')
        R.bal(['tx.exp'], ['ue.T.exp'], '文字 本年支出 = 表')
        R.bal(['tx.c0'], ['ui.T.c0'], '文字 年初结转 = 表')
        R.bal(['tx.c1'], ['ue.T.c1'], '文字 年末结转 = 表')
        # 二 与上年比较 (changes summed)
        self.h('h2', f'{cn(next(sec))}、收入支出决算与上年对比情况说明')
        pv = f['prev']
        parts = []
        for key, label, prev, cur in (('inc', '本年收入合计', pv['inc'], tot['inc']),
                                      ('exp', '本年支出合计', pv['basic'] + pv['proj'], tot['exp'])):
            d = cur - prev
            a = self.w(f'tx.ch.{key}.cur', cur)
            dd = self.w(f'tx.ch.{key}.d', abs(d), neg=d < 0)
            r = R.pct(f'tx.ch.{key}.r', abs(d), prev, 2)
            R.put(f'tx.ch.{key}.rs', R.figs[f'tx.ch.{key}.r']['s'], kind='pct', neg=d < 0)
            R.bal([f'tx.ch.{key}.cur'], [f'ct.{key}.cur'], f'文字 {label} = 同比表')
            R.bal([f'tx.ch.{key}.d'], [f'ct.{key}.d'], f'文字 {label}增减额 = 同比表')
            R.ratio(f'tx.ch.{key}.rs', f'tx.ch.{key}.d', f'ct.{key}.prev', f'文字 {label}增长率 = 增减额 ÷ 上年')
            grow = '增长' if d > 0 else '下降'
            parts.append(f"{label}{a}万元，比上年{self.dirw(d)}{dd}万元，{grow}{r}%")
        txt = '；'.join(parts[:1]) + '。' + parts[1] + '。其中：'
        sub = []
        for key, label, prev, cur in (('basic', '基本支出', pv['basic'], tot['basic']), ('proj', '项目支出', pv['proj'], tot['proj'])):
            d = cur - prev
            a = self.w(f'tx.ch.{key}.cur', cur)
            dd = self.w(f'tx.ch.{key}.d', abs(d), neg=d < 0)
            R.bal([f'tx.ch.{key}.cur'], [f'ct.{key}.cur'], f'文字 {label} = 同比表')
            R.bal([f'tx.ch.{key}.d'], [f'ct.{key}.d'], f'文字 {label}增减额 = 同比表')
            sub.append(self.clause(f'tx.ch.{key}', f"{label}{a}万元，比上年{self.dirw(d)}{dd}万元"))
        R.bal(['tx.ch.exp.d'], ['tx.ch.basic.d', 'tx.ch.proj.d'], '文字 支出增减额 = 基本增减额 + 项目增减额')
        self.clause('tx.ch.exp', parts[1])
        dexp = tot['exp'] - pv['basic'] - pv['proj']
        reason = f['_reasons'][0][0 if dexp > 0 else 1]
        self.p(txt + '；'.join(sub) + f'。变动的主要原因是{reason}。')
        # 三 分单位
        self.h('h2', f'{cn(next(sec))}、分单位收入支出情况说明')
        big = sorted(f['units'], key=lambda u: -(u['basic'] + u['proj']))[:2]
        ss = []
        for u in big:
            k = 'tx.u.' + u['code']
            e = self.w(k + '.exp', u['basic'] + u['proj'])
            i = self.w(k + '.inc', u['fin'] + u['sy'] + u['ot'])
            c1 = self.w(k + '.c1', u['c1'])
            R.bal([k + '.exp'], ['ue.' + u['code'] + '.exp'], f"文字 {u['name']} 支出 = 支出决算表")
            R.bal([k + '.inc'], ['ui.' + u['code'] + '.inc'], f"文字 {u['name']} 收入 = 收入决算表")
            R.bal([k + '.c1'], ['ue.' + u['code'] + '.c1'], f"文字 {u['name']} 年末结转 = 支出决算表")
            ss.append(self.clause(k, f"{u['name']}本年收入合计{i}万元，本年支出合计{e}万元，年末结转和结余{c1}万元"))
        self.p(f"本部门所属{len(f['units'])}个单位中，支出规模较大的两个单位是：" + '；'.join(ss) + '。各单位收支情况详见收入决算表和支出决算表。')
        # 四 一般公共预算财政拨款支出
        self.h('h2', f'{cn(next(sec))}、一般公共预算财政拨款支出决算情况说明')
        T = self.T
        a = self.w('tx.g.tot', T['b'] + T['p'])
        b = self.w('tx.g.init', T['init'])
        c = self.w('tx.g.adj', T['adj'])
        r = R.pct('tx.g.r', T['b'] + T['p'], T['adj'], 2)
        R.bal(['tx.g.tot'], ['ft.T.tot'], '文字 一般公共预算支出 = 表')
        R.bal(['tx.g.init'], ['ft.T.init'], '文字 年初预算 = 表')
        R.bal(['tx.g.adj'], ['ft.T.adj'], f"文字 {o['adjw']} = 表")
        R.ratio('tx.g.r', 'tx.g.tot', 'tx.g.adj', f"文字 完成{o['adjw']}")
        self.p(f"{yr}年度一般公共预算财政拨款支出决算{a}万元，年初预算{b}万元，{o['adjw']}{c}万元，完成{o['adjw']}的{r}%。"
               f"从支出功能分类看，各项（项级科目）支出的预算完成情况如下：")
        rs = f['_reasons']
        for n, lf in enumerate([x for x in f['leaves'] if x['b'] + x['p'] > 0]):
            self.p(self.leaf_sentence(n + 1, lf, rs[(n + 1) % len(rs)]))
        cls_txt = []
        for cc, cname, _ in f['tree']:
            cur = sum(lf['b'] + lf['p'] for lf in f['leaves'] if lf['cls'] == cc)
            prev = f['prev_cls'][cc]
            v = self.w(f'tx.cc.{cc}', cur)
            R.bal([f'tx.cc.{cc}'], [f'cc.{cc}.cur'], f'文字 {cname} = 对比表')
            if prev == 0:
                cls_txt.append(f"{cname}（类）{v}万元，上年无此类支出")
            else:
                d = cur - prev
                dd = self.w(f'tx.cc.{cc}.d', abs(d), neg=d < 0)
                R.bal([f'tx.cc.{cc}.d'], [f'cc.{cc}.d'], f'文字 {cname}增减额 = 对比表')
                cls_txt.append(f"{cname}（类）{v}万元，比上年{self.dirw(d)}{dd}万元")
        self.p('与上年决算相比：' + '；'.join(cls_txt) + '。')
        # 五 基本支出
        self.h('h2', f'{cn(next(sec))}、一般公共预算财政拨款基本支出决算情况说明')
        a = self.w('tx.b.tot', f['per_total'] + f['pub_total'])
        b = self.w('tx.b.per', f['per_total'])
        c = self.w('tx.b.pub', f['pub_total'])
        R.bal(['tx.b.tot'], ['ec.T'], '文字 基本支出 = 表')
        R.bal(['tx.b.per'], ['ec.per'], '文字 人员经费 = 表')
        R.bal(['tx.b.pub'], ['ec.pub'], '文字 公用经费 = 表')
        self.p(f"{yr}年度一般公共预算财政拨款基本支出{a}万元，其中：人员经费{b}万元，主要包括基本工资、津贴补贴、奖金、"
               f"绩效工资、社会保障缴费、住房公积金等；公用经费{c}万元，主要包括办公费、水电费、差旅费、维修（护）费、"
               f"公务接待费、工会经费等。")
        # 六 三公
        self.h('h2', f'{cn(next(sec))}、财政拨款“三公”经费支出决算情况说明')
        sgv = self.sgv
        pv, cu = sgv['T']
        d = cu - pv
        a = self.w('tx.sg.T', cu)
        dd = self.w('tx.sg.d', abs(d), neg=d < 0)
        R.bal(['tx.sg.T'], ['sg.T.cur'], '文字 三公合计 = 表')
        R.bal(['tx.sg.d'], ['sg.T.d'], '文字 三公增减额 = 表')
        items = []
        for k, label in (('abroad', '因公出国（境）费'), ('car', '公务用车购置及运行维护费'), ('recv', '公务接待费')):
            v = self.w(f'tx.sg.{k}', sgv[k][1])
            R.bal([f'tx.sg.{k}'], [f'sg.{k}.cur'], f'文字 {label} = 表')
            if sgv[k][0] == 0 and sgv[k][1] == 0:
                items.append(f"{label}{v}万元，与上年持平")
            elif sgv[k][0] == 0:
                items.append(f"{label}{v}万元，上年无此项支出")
            else:
                dk = sgv[k][1] - sgv[k][0]
                if dk == 0:
                    items.append(f"{label}{v}万元，与上年持平")
                else:
                    x = self.w(f'tx.sg.{k}.d', abs(dk), neg=dk < 0)
                    R.bal([f'tx.sg.{k}.d'], [f'sg.{k}.d'], f'文字 {label}增减额 = 表')
                    items.append(f"{label}{v}万元，比上年{self.dirw(dk)}{x}万元")
        head = f"{yr}年度财政拨款“三公”经费支出{a}万元，" + (f"与上年持平" if d == 0 else f"比上年{self.dirw(d)}{dd}万元")
        self.clause('tx.sg', head)
        self.p(head + '。其中：' + '；'.join(items) + '。')
        # 七 机关运行经费 (share)
        self.h('h2', f'{cn(next(sec))}、机关运行经费支出情况说明')
        a = self.w('tx.jg.pub', f['pub_total'])
        b = self.w('tx.jg', f['jgyx'])
        r = R.pct('tx.jg.r', f['jgyx'], f['pub_total'], 2)
        R.bal(['tx.jg.pub'], ['ec.pub'], '文字 公用经费 = 表')
        R.ratio('tx.jg.r', 'tx.jg', 'tx.jg.pub', '机关运行经费占公用经费比例')
        cl = self.clause('tx.jg', f"机关运行经费{b}万元，占公用经费的{r}%")
        self.p(f"{yr}年度本部门一般公共预算财政拨款基本支出中公用经费{a}万元，其中行政单位（含参照公务员法管理的事业单位）"
               f"{cl}，主要用于办公、水电、差旅、公务接待及公务用车运行维护等日常公用开支。")
        # 八 政府采购 (share)
        self.h('h2', f'{cn(next(sec))}、政府采购支出情况说明')
        g = f['gp']
        gt = g['goods'] + g['works'] + g['serv']
        a = self.w('tx.gp.T', gt)
        b = self.w('tx.gp.goods', g['goods'])
        c = self.w('tx.gp.works', g['works'])
        e = self.w('tx.gp.serv', g['serv'])
        s = self.w('tx.gp.sme', g['sme'])
        m = self.w('tx.gp.micro', g['micro'])
        r1 = R.pct('tx.gp.sme.r', g['sme'], gt, 2)
        R.bal(['tx.gp.T'], ['tx.gp.goods', 'tx.gp.works', 'tx.gp.serv'], '政府采购总额 = 货物 + 工程 + 服务')
        R.ratio('tx.gp.sme.r', 'tx.gp.sme', 'tx.gp.T', '中小企业占政府采购支出总额')
        if o['micro_base'] == 'sme':
            r2 = R.pct('tx.gp.micro.r', g['micro'], g['sme'], 2)
            R.ratio('tx.gp.micro.r', 'tx.gp.micro', 'tx.gp.sme', '小微企业占中小企业合同金额')
            mb = '授予中小企业合同金额'
        else:
            r2 = R.pct('tx.gp.micro.r', g['micro'], gt, 2)
            R.ratio('tx.gp.micro.r', 'tx.gp.micro', 'tx.gp.T', '小微企业占政府采购支出总额')
            mb = '政府采购支出总额'
        cl = self.clause('tx.gp.sme', f"授予中小企业合同金额{s}万元，占政府采购支出总额的{r1}%")
        self.clause('tx.gp.micro', f"授予小微企业合同金额{m}万元，占{mb}的{r2}%")
        self.p(f"{yr}年度本部门政府采购支出总额{a}万元，其中：政府采购货物支出{b}万元、政府采购工程支出{c}万元、"
               f"政府采购服务支出{e}万元。{cl}，其中：{self.R.clauses['tx.gp.micro']}。")
        # 九 绩效 (share)
        self.h('h2', f'{cn(next(sec))}、预算绩效情况说明')
        a = self.w('tx.pf.proj', tot['proj'])
        b = self.w('tx.pf.cov', f['perf_cov'])
        r = R.pct('tx.pf.r', f['perf_cov'], tot['proj'], 2)
        R.bal(['tx.pf.proj'], ['ue.T.proj'], '文字 项目支出 = 支出决算表')
        R.ratio('tx.pf.r', 'tx.pf.cov', 'tx.pf.proj', '绩效自评覆盖资金占项目支出总额')
        cl = self.clause('tx.pf', f"项目支出绩效自评覆盖资金{b}万元，占项目支出总额的{r}%")
        self.p(f"{yr}年度本部门本年项目支出{a}万元。本部门组织对{f['perf_n']}个项目开展绩效自评，{cl}。"
               f"自评结果显示，项目总体完成了年初设定的绩效目标。")
        self.h('h1', '名词解释')
        self.p('年初结转和结余：指以前年度尚未完成、结转到本年按有关规定继续使用的资金。'
               '年末结转和结余：指本年度或以前年度预算安排、因客观条件发生变化无法按原计划实施，需延迟到以后年度按有关规定继续使用的资金。'
               f"{o['adjw']}：指年初预算经年度中追加、追减及调剂后的全年预算。机关运行经费：指行政单位和参照公务员法管理的事业单位"
               '使用一般公共预算财政拨款安排的基本支出中的日常公用经费支出。')

    def leaf_sentence(self, n, lf, reason_pair):
        o, R = self.o, self.R
        code = lf['code']
        B = lf['b'] + lf['p']
        stage = o['stage'] if o['stage'] != 'mixed' else ('init' if int(code) % 2 else 'adj')
        if lf['init'] == 0 and stage == 'init' and ('zb.' + code) not in R.over:
            stage = 'init0'
        if ('zb.' + code) in R.over:
            stage = 'init'
        lf['_stage'] = stage
        k = 'tx.l.' + code
        sA = self.w(k + '.init', lf['init'])
        sB = self.w(k + '.B', B)
        R.bal([k + '.init'], [f'ft.{code}.init'], f'文字 {code} 年初预算 = 表')
        R.bal([k + '.B'], [f'ft.{code}.tot'], f'文字 {code} 支出决算 = 表')
        head = f"{n}. {lf['kname']}（款）{lf['name']}（项）年初预算为{sA}万元，"
        up, down = reason_pair
        if stage == 'init0':
            return head + f"支出决算为{sB}万元，年初未安排预算，支出主要来源于年中追加，主要用于{up}。"
        if stage == 'init':
            base, bkey, word = lf['init'], k + '.init', '年初预算'
            mid = ''
        else:
            base, bkey, word = lf['adj'], f'ft.{code}.adj', o['adjw']
            mid = ''
            if o['say_adj']:
                sC = self.w(k + '.adj', lf['adj'])
                R.bal([k + '.adj'], [f'ft.{code}.adj'], f"文字 {code} {o['adjw']} = 表")
                mid = f"{o['adjw']}为{sC}万元，"
                bkey = k + '.adj'
        if ('zb.' + code) in R.over:
            r = R.put(k + '.r', R.over['zb.' + code], kind='pct')
        else:
            r = R.pct(k + '.r', B, base, 2)
        R.ratio(k + '.r', k + '.B', bkey, f'文字 {code} 完成{word}')
        cl = self.clause(k, f"完成{word}的{r}%")
        self.clause(k + '.full', f"支出决算为{sB}万元，{cl}")
        if B > base:
            tail = f"决算数大于{word}数的主要原因是{up}。"
        elif B < base:
            tail = f"决算数小于{word}数的主要原因是{down}。"
        else:
            tail = f"决算数与{word}数一致。"
        return head + mid + f"支出决算为{sB}万元，{cl}；" + tail


def build(f, opt, overrides=None):
    b = Builder(f, opt, overrides)
    b.build()
    return b


__all__ = ['build', 'money', 'rate', 'DASH', 'REASONS_UP', 'REASONS_DOWN']
