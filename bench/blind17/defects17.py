"""Planting one defect. Each planter looks at a correct build (b0) and returns a plan:
overrides (key -> wrong printed text) and a function that, given the rebuilt document, fills
where / alt / stated / expected."""
from fmt17 import money, rate

CLASSES = ['completion-stage', 'completion', 'change-sum', 'cmp-diff', 'cmp-rate', 'zero-base',
           'unit-carry', 'unit-total', 'share', 'text-vs-table', 'class-sum']

TITLES = {'ct': '收入支出决算同比变动表', 'cc': '一般公共预算财政拨款支出决算分类对比表', 'sg': '财政拨款“三公”经费支出决算表',
          'ui': '收入决算表', 'ue': '支出决算表', 'ft': '一般公共预算财政拨款支出决算表'}
SG_LABEL = {'T': '合计', 'abroad': '1.因公出国（境）费', 'car': '2.公务用车购置及运行维护费', 'buy': '（1）公务用车购置费',
            'run': '（2）公务用车运行维护费', 'recv': '3.公务接待费'}
CT_LABEL = {'inc': '本年收入合计', 'exp': '本年支出合计', 'basic': '基本支出', 'proj': '项目支出'}


def delta(rng, v):
    return max(500, int(abs(v) * rng.uniform(0.08, 0.25))) * rng.choice([1, -1])


def far(x, others, gap=1.0):
    return all(abs(x - y) > gap for y in others)


class Planter:
    def __init__(self, rng, b0):
        self.rng, self.b0, self.f, self.o = rng, b0, b0.f, b0.o
        self.figs = b0.R.figs

    def tfmt(self, c):
        return money(c, self.o['tunit'], self.o['sep'])

    def wfmt(self, c):
        return money(c, '万元', self.o['tsep'])

    def plan(self, cls):
        return getattr(self, 'p_' + cls.replace('-', '_'))()

    # ---- completion rates ----
    def rated_leaves(self):
        return [lf for lf in self.f['leaves'] if lf.get('_stage') in ('init', 'adj')]

    def p_completion_stage(self):
        c = [lf for lf in self.rated_leaves() if lf['init'] > 0 and abs(lf['init'] - lf['adj']) >= 0.12 * max(lf['init'], lf['adj'])]
        if not c:
            return None
        lf = self.rng.choice(c)
        B = lf['b'] + lf['p']
        other = lf['adj'] if lf['_stage'] == 'init' else lf['init']
        key = 'tx.l.' + lf['code']
        wrong = rate(B, other, 2)
        word = '年初预算' if lf['_stage'] == 'init' else self.o['adjw']
        return dict(over={key + '.r': wrong}, keys=[key + '.r'], stated=wrong + '%',
                    expected=self.figs[key + '.r']['s'] + '%', table=None, row=None,
                    where=lambda b: b.R.clauses[key], alt=lambda b: [b.R.clauses[key + '.full']],
                    note=f"{lf['name']}（项）的完成率按{'调整后' if lf['_stage'] == 'init' else '年初'}预算{money(other)}万元计算，"
                         f"却写作完成{word}的；按{word}应为{self.figs[key + '.r']['s']}%")

    def p_completion(self):
        c = self.rated_leaves()
        lf = self.rng.choice(c)
        B = lf['b'] + lf['p']
        key = 'tx.l.' + lf['code']
        ok = float(self.figs[key + '.r']['s'])
        alts = [B / x * 100 for x in (lf['init'], lf['adj']) if x]
        for _ in range(50):
            w = ok * self.rng.choice([self.rng.uniform(1.07, 1.3), self.rng.uniform(0.72, 0.93)])
            if far(w, alts + [ok], max(2.0, ok * 0.04)):
                break
        wrong = f'{w:.2f}'
        return dict(over={key + '.r': wrong}, keys=[key + '.r'], stated=wrong + '%', expected=f'{ok:.2f}%',
                    table=None, row=None, where=lambda b: b.R.clauses[key], alt=lambda b: [b.R.clauses[key + '.full']],
                    note=f"{lf['name']}（项）支出决算{money(B)}万元，完成率应为{ok:.2f}%")

    # ---- changes ----
    def p_change_sum(self):
        part = self.rng.choice(['basic', 'proj'])
        pv, tot = self.f['prev'], self.b0.tot
        d = tot[part] - pv[part]
        new = abs(d) + abs(delta(self.rng, d))
        key = f'tx.ch.{part}'
        s = self.wfmt(new)
        return dict(over={key + '.d': s}, keys=[key + '.d'], stated=s, expected=self.wfmt(abs(d)), table=None, row=None,
                    where=lambda b: b.R.clauses[key], alt=lambda b: [b.R.clauses['tx.ch.exp']],
                    note=f"{CT_LABEL[part]}的增减额写成{s}万元，基本与项目的增减额之和不再等于本年支出合计的增减额"
                         f"（同比变动表为{self.wfmt(abs(d))}万元）")

    def cmp_rows(self, need_prev=True):
        out = []
        for k, v in self.figs.items():
            if k.endswith('.d') and k.split('.')[0] in ('ct', 'cc', 'sg'):
                base = k[:-2]
                pv = float(self.figs[base + '.prev']['s'].replace(',', ''))
                cu = float(self.figs[base + '.cur']['s'].replace(',', ''))
                if (pv > 0 or not need_prev) and cu > 0:
                    out.append(base)
        return out

    def row_label(self, base):
        t, k = base.split('.')[:2]
        if t == 'sg':
            return SG_LABEL[k]
        if t == 'ct':
            return CT_LABEL[k]
        if k == 'T':
            return '合计'
        return [cn for cc, cn, _ in self.f['tree'] if cc == k][0]

    def p_cmp_diff(self):
        base = self.rng.choice(self.cmp_rows())
        t = base.split('.')[0]
        x = float(self.figs[base + '.d']['s'].replace(',', ''))
        d = round(x * 100) if self.o['tunit'] == '万元' else round(x / 100)
        wrong = self.tfmt(d + delta(self.rng, d))
        return dict(over={base + '.d': wrong}, keys=[base + '.d'], stated=wrong, expected=self.figs[base + '.d']['s'],
                    table=TITLES[t], row=self.row_label(base), where=lambda b: wrong, alt=lambda b: [],
                    note=f"{TITLES[t]}“{self.row_label(base)}”行增减额应为本年决算数减上年决算数")

    def p_cmp_rate(self):
        base = self.rng.choice(self.cmp_rows())
        t = base.split('.')[0]
        ok = float(self.figs[base + '.r']['s'])
        nd = self.o['rnd']
        if abs(ok) >= 3 and self.rng.random() < 0.3:
            w = -ok
        else:
            w = ok + self.rng.choice([1, -1]) * max(3.0, abs(ok) * self.rng.uniform(0.25, 0.6))
        wrong = f'{w:.{nd}f}'
        return dict(over={base + '.r': wrong}, keys=[base + '.r'], stated=wrong, expected=self.figs[base + '.r']['s'],
                    table=TITLES[t], row=self.row_label(base), where=lambda b: wrong, alt=lambda b: [],
                    note=f"{TITLES[t]}“{self.row_label(base)}”行增减率应为增减额除以上年决算数")

    def p_zero_base(self):
        rows = [b for b in self.cmp_rows(False) if float(self.figs[b + '.prev']['s'].replace(',', '')) == 0]
        zl = [lf for lf in self.f['leaves'] if lf['init'] == 0]
        if rows and (not zl or self.rng.random() < 0.5):
            base = self.rng.choice(rows)
            t = base.split('.')[0]
            wrong = '100.' + '0' * self.o['rnd']
            lab = self.row_label(base)
            return dict(over={base + '.r': wrong}, keys=[base + '.r'], stated=wrong, expected=self.figs[base + '.r']['s'] or '（空）',
                        table=TITLES[t], row=lab, where=lambda b: wrong, alt=lambda b: [lab] if t == 'sg' else [],
                        note=f"{TITLES[t]}“{lab}”行上年决算数为0，增减率无意义，却填了{wrong}%")
        lf = self.rng.choice(zl)
        key = 'tx.l.' + lf['code']
        return dict(over={'zb.' + lf['code']: '100.00'}, keys=[key + '.r'], stated='100.00%', expected='（不应计算完成率）',
                    table=None, row=None, where=lambda b: b.R.clauses[key + '.full'],
                    alt=lambda b: [f"{lf['name']}（项）年初预算为0.00万元"],
                    note=f"{lf['name']}（项）年初预算为0，却写“完成年初预算的100.00%”")

    # ---- per-unit tables ----
    def p_unit_carry(self):
        u = self.rng.choice(self.f['units'])
        side = self.rng.choice(['c0', 'c1'])
        t = 'ui' if side == 'c0' else 'ue'
        dl = abs(delta(self.rng, u['basic'] + u['proj']))
        tot = self.b0.tot[side]
        w1, w2 = self.tfmt(u[side] + dl), self.tfmt(tot + dl)
        k1, k2 = f"{t}.{u['code']}.{side}", f'{t}.T.{side}'
        lab = '年初结转和结余' if side == 'c0' else '年末结转和结余'
        return dict(over={k1: w1, k2: w2}, keys=[k1, k2], stated=w1, expected=self.figs[k1]['s'], table=TITLES[t],
                    row=u['name'], where=lambda b: w1, alt=lambda b: [w2],
                    note=f"{u['name']}的{lab}（{TITLES[t]}）与另一张表不衔接：年初结转 + 本年收入 ≠ 本年支出 + 年末结转"
                         f"（合计行同步改动）")

    def p_unit_total(self):
        u = self.rng.choice([x for x in self.f['units'] if x['proj'] >= 1500] or self.f['units'])
        if self.rng.random() < 0.5 or u['sy'] < 1500:
            a, b_, t = 'basic', 'proj', 'ue'
        else:
            a, b_, t = 'fin', 'sy', 'ui'
        dl = min(abs(delta(self.rng, u[a])), u[b_] - 100)
        dl = max(dl, 500)
        w1, w2 = self.tfmt(u[a] + dl), self.tfmt(u[b_] - dl)
        k1, k2 = f"{t}.{u['code']}.{a}", f"{t}.{u['code']}.{b_}"
        return dict(over={k1: w1, k2: w2}, keys=[k1, k2], stated=w1, expected=self.figs[k1]['s'], table=TITLES[t],
                    row=u['name'], where=lambda b: w1, alt=lambda b: [w2],
                    note=f"{u['name']}行两列一增一减，行合计不变，但两列各自的单位之和不再等于合计行")

    # ---- shares ----
    def p_share(self):
        f, T, tot = self.f, self.b0.T, self.b0.tot
        g = f['gp']
        gt = g['goods'] + g['works'] + g['serv']
        opts = {'tx.jg': (f['jgyx'], f['pub_total'], [f['per_total'] + f['pub_total'], f['per_total'], T['b'] + T['p']]),
                'tx.gp.sme': (g['sme'], gt, [g['goods'] + g['serv'], g['goods'] or 1]),
                'tx.gp.micro': (g['micro'], g['sme'] if self.o['micro_base'] == 'sme' else gt, [g['sme'], gt]),
                'tx.pf': (f['perf_cov'], tot['proj'], [T['p'] or 1, tot['exp']])}
        key = self.rng.choice(sorted(opts))
        num, den, others = opts[key]
        ok = num / den * 100
        alts = [num / x * 100 for x in others] + [ok]
        for _ in range(60):
            w = ok * self.rng.choice([self.rng.uniform(1.1, 1.35), self.rng.uniform(0.65, 0.9)])
            if w < 99.5 and far(w, alts, max(1.5, ok * 0.05)):
                break
        wrong = f'{w:.2f}'
        return dict(over={key + '.r': wrong}, keys=[key + '.r'], stated=wrong + '%', expected=self.figs[key + '.r']['s'] + '%',
                    table=None, row=None, where=lambda b: b.R.clauses[key], alt=lambda b: [],
                    note=f"比例应为{money(num)}÷{money(den)}={ok:.2f}%")

    # ---- text vs table ----
    def p_text_vs_table(self):
        v = self.rng.choice(['unit', 'sg', 'cls'])
        if v == 'unit':
            u = sorted(self.f['units'], key=lambda u: -(u['basic'] + u['proj']))[self.rng.randint(0, 1)]
            e = u['basic'] + u['proj']
            k = f"tx.u.{u['code']}.exp"
            s = self.wfmt(e + delta(self.rng, e))
            i = self.figs[f"tx.u.{u['code']}.inc"]['s']
            return dict(over={k: s}, keys=[k], stated=s, expected=self.wfmt(e), table=None, row=u['name'],
                        where=lambda b: f"{u['name']}本年收入合计{i}万元，本年支出合计{s}万元", alt=lambda b: [],
                        note=f"文字中{u['name']}本年支出合计与支出决算表该单位行不一致")
        if v == 'sg':
            cu = self.b0.sgv['T'][1]
            s = self.wfmt(cu + abs(delta(self.rng, cu)))
            return dict(over={'tx.sg.T': s}, keys=['tx.sg.T'], stated=s, expected=self.wfmt(cu), table=None, row=None,
                        where=lambda b: f"“三公”经费支出{s}万元", alt=lambda b: [],
                        note="文字中的三公经费合计与三公经费支出决算表合计行本年决算数不一致")
        cc, cname, _ = self.rng.choice(self.f['tree'])
        cur = sum(lf['b'] + lf['p'] for lf in self.f['leaves'] if lf['cls'] == cc)
        s = self.wfmt(cur + delta(self.rng, cur))
        return dict(over={f'tx.cc.{cc}': s}, keys=[f'tx.cc.{cc}'], stated=s, expected=self.wfmt(cur), table=None, row=cname,
                    where=lambda b: f"{cname}（类）{s}万元", alt=lambda b: [],
                    note=f"文字中{cname}（类）决算数与分类对比表及支出决算表不一致")

    def p_class_sum(self):
        cc, cname, _ = self.rng.choice(self.f['tree'])
        a = self.b0.agg[cc]
        col = 'b' if a['b'] > a['p'] else 'p'
        dl = delta(self.rng, a['b'] + a['p'])
        w1, w2 = self.tfmt(a['b'] + a['p'] + dl), self.tfmt(a[col] + dl)
        k1, k2 = f'ft.{cc}.tot', f'ft.{cc}.{col}'
        return dict(over={k1: w1, k2: w2}, keys=[k1, k2], stated=w1, expected=self.figs[k1]['s'], table=TITLES['ft'],
                    row=cname, where=lambda b: w1, alt=lambda b: [w2],
                    note=f"{cname}（类）决算数不等于其所属各款之和（该类行自身合计=基本+项目仍成立）")
