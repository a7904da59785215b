"""Compose one document (text + tables) from facts; registers figures, identities, defect candidates."""
from decimal import Decimal as D

from doc16 import Doc, pct, q
from facts16 import CLASS, name_of
from tables16 import tree_table

CN = '一二三四五六七八九十'
REASON_UP = ['主要原因是人员调资及社保缴费基数调整', '主要原因是新增重点项目建设任务', '主要原因是业务工作量增加',
             '主要原因是专项工作经费纳入年初预算', '主要原因是部分下属单位划入']
REASON_BUP = ['主要原因是人员调资及社保缴费基数调整', '主要原因是新进人员增加', '主要原因是落实工资政策']
REASON_BDN = ['主要原因是部分人员退休', '主要原因是人员调出', '主要原因是社保缴费基数调整']
REASON_DN = ['主要原因是压减一般性支出', '主要原因是部分项目已完成', '主要原因是落实过紧日子要求',
             '主要原因是部分人员退休', '主要原因是专项资金按进度安排减少']


def cn(i):
    return CN[i] if i < 10 else '十' + CN[i - 10]


class Composer:
    def __init__(self, f, rng, o):
        self.f, self.rng, self.o = f, rng, o
        self.d = Doc()
        self.cand = {}
        self.bud = f['doc_type'] == 'budget'
        self.Y = f['year']
        self.PY = self.Y - 1

    # ---------- helpers
    def add(self, k, v):
        self.cand.setdefault(k, []).append(v)

    def W(self, bai, key=None):
        return self.d.amt(bai, key, 'wan')

    def T(self, bai, key):
        return self.d.amt(bai, key, self.o['unit'], self.o['sep'])

    def prev_word(self):
        return '上年预算' if self.bud else '上年决算数'

    def change(self, cur_fig, cur, prev, style=None, cls_tag=None):
        """Clause comparing with last year; registers identities; returns pieces."""
        d, rng = self.d, self.rng
        nm = '预算' if self.bud else '支出'
        if prev == 0:
            return [f'上年无此项{nm}']
        if cur == prev:
            return ['与上年持平']
        if style is None:
            style = rng.choice('ABCD')
        if abs(cur - prev) * 1000 < prev * 3 and style != 'E':
            return ['上年为', self.W(prev), '万元，与上年基本持平']
        if style == 'E' and cur >= 2 * prev:
            pf = self.W(prev)
            n = d.num(D(cur - prev) / D(prev), 'num')
            d.ident('times', 'times', [n, cur_fig, pf])
            self.add('times', (n, cls_tag))
            verb = rng.choice(['增长', '增加了'])
            return ['比上年的', pf, f'万元{verb}', n, '倍']
        if style in 'DE':
            pf = self.W(prev)
            r = d.num(pct(cur, prev))
            d.ident('ratio', 'ratio', [r, cur_fig, pf])
            self.add('ratio', (r, cls_tag))
            w = '为上年的' if self.bud else rng.choice(['是上年决算数的', '为上年的'])
            return ['上年为', pf, f'万元，{w}', r, '%']
        ch = abs(cur - prev)
        sg = 1 if cur > prev else -1
        chf = self.W(ch)
        r = d.num(pct(ch, prev))
        d.ident('growth', 'growth', [r, cur_fig, chf], sg)
        up = sg > 0
        if style == 'A':
            out = ['比上年' + ('增加' if up else '减少'), chf, '万元，' + ('增长' if up else '下降'), r, '%']
        elif style == 'B':
            out = ['较上年' + ('增加' if up else '减少'), chf, '万元，' + ('增幅' if up else '降幅'), r, '%']
        else:
            out = ['同比' + ('增加' if up else '减少'), chf, '万元，' + ('增长' if up else '降幅'), r, '%']
        self.add('growth', (r, chf, cur_fig, cur, prev, sg, cls_tag))
        self.last_growth = r
        return out

    # ---------- data views
    def leaves(self):
        f = self.f
        gp = {c: dict(t=v['cur'], b=v['cur'] if v['basic'] else 0, p=0 if v['basic'] else v['cur'])
              for c, v in f['gp'].items()}
        gf = {c: dict(t=v['cur'], b=0, p=v['cur']) for c, v in f['gf'].items()}
        soe = {c: dict(t=v['cur'], b=0, p=v['cur']) for c, v in f['soe'].items()}
        allf = {}
        for src in (gp, gf, soe):
            for c, v in src.items():
                a = allf.setdefault(c, dict(t=0, b=0, p=0))
                for k in v:
                    a[k] += v[k]
        nf = sum(f['nonfis'].values())
        first = next(c for c, v in f['gp'].items() if v['basic'])
        allf[first] = dict(t=allf[first]['t'] + nf, b=allf[first]['b'] + nf, p=allf[first]['p'])
        return gp, gf, soe, allf

    def part_overview(self):
        f, d = self.f, self.d
        d.h(1, f'第一部分 {f["dept"]}概况')
        d.h(2, '一、主要职能')
        lv = '省委、省政府' if f['dept'].startswith(f['prov']) else '省委、市委'
        d.p(f'{f["dept"]}贯彻落实党中央和{lv}关于本领域工作的方针政策和决策部署，负责本行业的规划、管理和监督工作。')
        d.h(2, '二、部门预算单位构成' if self.bud else '二、部门决算单位构成')
        names = '、'.join(n for _, n in f['units'][1:])
        d.p(f'纳入本部门{self.Y}年{"部门预算" if self.bud else "部门决算"}编制范围的单位共{len(f["units"])}个，'
            f'包括：{f["dept"]}本级和{names}。')

    # ---------- text
    def part_text(self):
        f, d, rng = self.f, self.d, self.rng
        B, Y = self.bud, self.Y
        kind = '预算' if B else '决算'
        d.h(1, f'第二部分 {Y}年部门{kind}情况说明' if B else f'第二部分 {Y}年度部门决算情况说明')
        gp, gf, soe, allf = self.gp, self.gf, self.soe, self.allf
        gp_exp = sum(v['t'] for v in gp.values())
        gf_t = sum(v['t'] for v in gf.values())
        soe_t = sum(v['t'] for v in soe.values())
        nf = sum(f['nonfis'].values())
        exp_all = gp_exp + gf_t + soe_t + nf
        tot = exp_all + f['carry_out']
        gp_prev = sum(v['prev'] for v in f['gp'].values())
        gf_prev = sum(v['prev'] for v in f['gf'].values())
        soe_prev = sum(v['prev'] for v in f['soe'].values())
        nf_prev = sum(f['nonfis_prev'].values())
        tot_prev = f['gp_inc_prev'] + gf_prev + soe_prev + nf_prev + f['carry_in_prev']
        sec = iter(range(20))
        # 一 总体
        d.h(2, f'{cn(next(sec))}、收入支出{kind}总体情况')
        ft = self.W(tot, 'tot.in')
        ft2 = self.W(tot, 'tot.out')
        lead = [f'{Y}年{"度" if not B else ""}收入总计']
        if self.o['yi']:
            yi = d.amt(tot, 'tot.in', 'yi')
            lead += [yi, '亿元（', ft, '万元），支出总计', ft2, '万元']
        else:
            lead += [ft, '万元，支出总计', ft2, '万元']
        d.p(*(lead + ['。收入总计'] + self.change(ft, tot, tot_prev, 'D') + ['；'] +
              self.change(ft, tot, tot_prev, rng.choice('ABC')) + ['，', rng.choice(REASON_UP if tot > tot_prev else REASON_DN), '。']))
        # 二 收入
        d.h(2, f'{cn(next(sec))}、收入{kind}情况')
        inc = [('一般公共预算拨款收入', f['gp_inc'], 'inc.gp'), ('政府性基金预算拨款收入', gf_t, 'inc.gf'),
               ('国有资本经营预算拨款收入', soe_t, 'inc.soe'), ('事业收入', f['nonfis']['事业收入'], 'inc.sy'),
               ('其他收入', f['nonfis']['其他收入'], 'inc.qt')]
        inc_tot = sum(x[1] for x in inc)
        tf = self.W(inc_tot, 'inc.ALL')
        pcs = [f'{Y}年本年收入合计', tf, '万元，其中：']
        for i, (nm, v, k) in enumerate(inc):
            if v == 0:
                continue
            a = self.W(v, k)
            s = d.num(pct(v, inc_tot))
            d.ident('share', 'share', [s, a, tf])
            pcs += [nm, a, '万元，占', s, '%；']
        pcs[-1] = '%。'
        d.p(*pcs)
        # 三 支出 + pp
        d.h(2, f'{cn(next(sec))}、支出{kind}情况')
        basic = sum(v['b'] for v in allf.values())
        proj = exp_all - basic
        prevb = sum(v['prev'] for v in f['gp'].values() if v['basic']) + nf_prev
        prevt = gp_prev + gf_prev + soe_prev + nf_prev
        prevp = prevt - prevb
        ef = self.W(exp_all, 'all.ALL.t')
        bf, pf = self.W(basic, 'all.ALL.b'), self.W(proj, 'all.ALL.p')
        sb, sp = d.num(pct(basic, exp_all)), d.num(pct(proj, exp_all))
        d.ident('share', 'share', [sb, bf, ef])
        d.ident('share', 'share', [sp, pf, ef])
        d.ident('sum', 'exp.bp', [ef, bf, pf])
        sp0 = d.num(pct(prevp, prevt))
        diff = sp.v - sp0.v
        pcs = [f'{Y}年本年支出合计', ef, '万元，其中：基本支出', bf, '万元，占', sb, '%；项目支出', pf, '万元，占', sp, '%。']
        if diff != 0:
            pp = d.num(abs(diff))
            sg = 1 if diff > 0 else -1
            d.ident('pp', 'pp', [pp, sp, sp0], sg)
            self.add('pp', (pp, sg))
            pcs += ['项目支出占比较上年的', sp0, '%' + ('提高' if sg > 0 else '下降'), pp, '个百分点，',
                    '主要原因是项目资金安排' + ('增加' if sg > 0 else '减少') + '。']
        else:
            pcs += ['项目支出占比与上年的', sp0, '%持平。']
        d.p(*pcs)
        # 四 财政拨款
        d.h(2, f'{cn(next(sec))}、财政拨款收支{kind}总体情况')
        fin = f['gp_inc'] + gf_t + soe_t
        fin_prev = f['gp_inc_prev'] + gf_prev + soe_prev
        ff = self.W(fin, 'fin.inc')
        d.p(f'{Y}年财政拨款收入', ff, '万元，', *self.change(ff, fin, fin_prev), '。')
        gpf = self.W(f['gp_inc'], 'inc.gp')
        d.p('一般公共预算当年拨款', gpf, '万元，', *self.change(gpf, f['gp_inc'], f['gp_inc_prev'], rng.choice('ABCD')), '。')
        if gf_t:
            g = self.W(gf_t, 'inc.gf')
            st = 'E' if f['times_mode'] and gf_t >= 2 * gf_prev else rng.choice('DAB')
            d.p('政府性基金预算拨款', g, '万元，', *self.change(g, gf_t, gf_prev, st, 'gfinc'), '，主要用于',
                name_of(sorted(gf)[0]), '等方面。')
        else:
            d.p('本部门无政府性基金预算拨款。')
        if soe_t:
            g = self.W(soe_t, 'inc.soe')
            d.p('国有资本经营预算拨款', g, '万元，', *self.change(g, soe_t, soe_prev), '。')
        # 五 一般公共预算
        d.h(2, f'{cn(next(sec))}、一般公共预算支出{kind}情况')
        gf_ = self.W(gp_exp, 'gp.ALL.t')
        d.p(f'{Y}年一般公共预算支出', gf_, '万元，', *self.change(gf_, gp_exp, gp_prev, rng.choice('ABCD')), '。')
        cls = sorted({c[:3] for c in gp})
        pcs = ['按支出功能分类，主要用于：']
        for c in cls:
            v = sum(x['t'] for k, x in gp.items() if k[:3] == c)
            a = self.W(v, f'gp.{c}.t')
            s = d.num(pct(v, gp_exp))
            d.ident('share', 'share', [s, a, gf_])
            pcs += [f'{CLASS[c]}（类）', a, '万元，占', s, '%；']
        pcs[-1] = '%。'
        d.p(*pcs)
        d.p('具体情况如下：')
        for i, c in enumerate(sorted(gp)):
            v = f['gp'][c]
            a = self.W(v['cur'], f'gp.{c}.t')
            lab = f'（{cn(i)}）{CLASS[c[:3]]}（类）{name_of(c[:5])}（款）{name_of(c)}（项）'
            ch = self.change(a, v['cur'], v['prev'], rng.choice('AAABC'), 'item')
            reason = '' if v['prev'] in (0, v['cur']) or '基本持平' in ch[-1] else \
                '，' + rng.choice((REASON_BUP if v['cur'] > v['prev'] else REASON_BDN) if v['basic'] else
                                 (REASON_UP[1:] if v['cur'] > v['prev'] else REASON_DN[:3] + REASON_DN[4:]))
            if v['prev'] == 0:
                reason = '，主要原因是新增该项工作任务'
            pcs = [lab, a, '万元，'] + ch + [reason + '。']
            d.p(*pcs)
            self.add('item', (a, pcs, c))
        # 六 基本支出
        d.h(2, f'{cn(next(sec))}、一般公共预算基本支出{kind}情况')
        pers = self.eco['pers']
        pubf = self.W(f['public'], 'eco.302')
        persf = self.W(pers, None)
        bt = self.W(pers + f['public'], 'eco.ALL')
        d.ident('sum', 'eco.pers', [persf, self.eco_cells['301'], self.eco_cells['303']])
        d.ident('sum', 'basic.text', [bt, persf, pubf])
        d.p(f'{Y}年一般公共预算基本支出', bt, '万元，其中：人员经费', persf, '万元，主要包括基本工资、津贴补贴、奖金、社会保障缴费、'
            '住房公积金、退休费等；公用经费', pubf, '万元，主要包括办公费、差旅费、公务用车运行维护费等。')
        # 七 三公
        d.h(2, f'{cn(next(sec))}、“三公”经费{kind}情况')
        sg, sg0 = f['sg'], f['sg_prev']
        st, st0 = sum(sg.values()), sum(sg0.values())
        s_f = self.W(st, 'sg.ALL')
        d.p(f'{Y}年一般公共预算“三公”经费{kind}', s_f, '万元，', *self.change(s_f, st, st0), '。其中：因公出国（境）费',
            self.W(sg['abroad'], 'sg.abroad'), '万元；公务用车购置及运行维护费', self.W(sg['buy'] + sg['run'], 'sg.car'),
            '万元（其中公务用车购置费', self.W(sg['buy'], 'sg.buy'), '万元，公务用车运行维护费', self.W(sg['run'], 'sg.run'),
            '万元）；公务接待费', self.W(sg['rec'], 'sg.rec'), '万元。')
        # 八 政府性基金
        d.h(2, f'{cn(next(sec))}、政府性基金预算支出{kind}情况')
        if gf_t:
            g = self.W(gf_t, 'gf.ALL.t')
            st = 'E' if f['times_mode'] and gf_t >= 2 * gf_prev else rng.choice('ABCD')
            pcs = [f'{Y}年政府性基金预算支出', g, '万元，'] + self.change(g, gf_t, gf_prev, st, 'gfexp') + ['。其中：']
            for c in sorted(gf):
                pcs += [f'{name_of(c)}（项）', self.W(gf[c]['t'], f'gf.{c}.t'), '万元；']
            pcs[-1] = '万元。'
            d.p(*pcs)
            self.add('gftext', (g, pcs))
        else:
            d.p(f'本部门{Y}年没有使用政府性基金预算拨款安排的支出，政府性基金预算支出表为空表。')
        # 九 国有资本经营
        d.h(2, f'{cn(next(sec))}、国有资本经营预算支出{kind}情况')
        if soe_t:
            g = self.W(soe_t, 'soe.ALL.t')
            d.p(f'{Y}年国有资本经营预算支出', g, '万元，全部用于国有企业退休人员社会化管理补助支出。')
        else:
            d.p(f'本部门{Y}年没有使用国有资本经营预算拨款安排的支出，国有资本经营预算支出表为空表。')
        # 十 其他
        d.h(2, f'{cn(next(sec))}、其他重要事项的情况说明')
        d.h(3, '（一）机关运行经费')
        j = self.W(f['jg'], 'jg')
        d.ident('le', 'jg<=public', [self.eco_cells['302'], j])
        d.p(f'{Y}年本部门机关运行经费{kind}', j, '万元，', *self.change(j, f['jg'], f['jg_prev'], rng.choice('ABC')), '。')
        self.procurement()
        self.assets()
        d.h(3, '（四）绩效目标设置情况' if B else '（四）预算绩效管理情况')
        d.p(f'本部门{Y}年项目支出全部按要求设置了绩效目标。' if B else f'本部门对{Y}年度项目支出全部开展了绩效自评。')

    def procurement(self):
        f, d, rng = self.f, self.d, self.rng
        d.h(3, '（二）政府采购情况')
        p = f['proc']
        tot = sum(p.values())
        tf = self.W(tot, 'proc.ALL')
        pcs = [f'{self.Y}年政府采购{"预算" if self.bud else "支出"}总额', tf, '万元，其中：']
        shares = []
        for k, nm in (('goods', '货物'), ('works', '工程'), ('svc', '服务')):
            a = self.W(p[k], f'proc.{k}')
            s = d.num(pct(p[k], tot))
            d.ident('share', 'share', [s, a, tf])
            shares.append((s, a))
            pcs += [f'政府采购{nm}{"预算" if self.bud else "支出"}', a, '万元，占', s, '%；']
        pcs[-1] = '%。'
        d.ident('sum', 'proc.sum', [tf] + [a for _, a in shares])
        d.p(*pcs)
        self.add('proc', (tf, shares, pcs))

    def assets(self):
        f, d = self.f, self.d
        d.h(3, '（三）国有资产占用情况')
        v = f['veh']
        vt = d.cnt(sum(v.values()))
        parts = [(k, d.cnt(n)) for k, n in v.items()]
        d.ident('sum', 'veh', [vt] + [x for _, x in parts])
        pcs = [f'截至{self.Y - 1 if self.bud else self.Y}年12月31日，本部门共有车辆', vt, '辆，其中：']
        for k, x in parts:
            pcs += [k, x, '辆、']
        pcs[-1] = '辆；'
        e = f['equip']
        et = d.cnt(sum(e.values()))
        ep = [(k, d.cnt(n)) for k, n in e.items()]
        d.ident('sum', 'equip', [et] + [x for _, x in ep])
        pcs += ['单价50万元以上设备', et, '台（套），其中通用设备', ep[0][1], '台（套）、专用设备', ep[1][1], '台（套）；']
        h = f['house']
        ht = d.cnt(sum(h.values()))
        hp = [(k, d.cnt(n)) for k, n in h.items()]
        d.ident('sum', 'house', [ht] + [x for _, x in hp])
        pcs += ['房屋面积', ht, '平方米，其中：办公用房', hp[0][1], '平方米、业务用房', hp[1][1], '平方米、其他用房', hp[2][1], '平方米。']
        d.p(*pcs)
        self.add('asset', (vt, parts, pcs))
        self.add('asset', (et, ep, pcs))
        self.add('asset', (ht, hp, pcs))

    # ---------- tables
    def eco_split(self):
        f, rng = self.f, self.rng
        g = f['gp']
        basic = sum(v['cur'] for v in g.values() if v['basic'])
        pub = f['public']
        pers = basic - pub
        fixed = {'30108': g['2080505']['cur'], '30109': g['2080506']['cur'],
                 '30110': g['2101101']['cur'] + g['2101102']['cur'], '30111': g['2101103']['cur'],
                 '30113': g['2210201']['cur']}
        rest = pers - sum(fixed.values())
        r303 = int(rest * rng.uniform(0.03, 0.08))
        w = rest - r303
        a = [int(w * x) for x in (0.34, 0.27, 0.08)]
        items301 = {'30101': a[0], '30102': a[1], '30103': a[2], '30107': w - sum(a)}
        items301.update(fixed)
        items302 = {}
        r = pub
        for k, x in (('30201', 0.2), ('30211', 0.12), ('30228', 0.05), ('30231', 0)):
            items302[k] = f['sg']['run'] if k == '30231' and f['sg']['run'] < r // 3 else int(pub * x)
            r -= items302[k]
        items302['30299'] = r
        assert min(items301.values()) > 0 and min(items302.values()) > 0, 'eco split'
        items303 = {'30302': int(r303 * 0.8), '30305': r303 - int(r303 * 0.8)}
        self.eco = dict(pers=pers, i301=items301, i302=items302, i303=items303)

    def part_tables(self):
        f, d, o = self.f, self.d, self.o
        B, Y = self.bud, self.Y
        u = {'wan': '万元', 'yuan': '元', 'qian': '千元'}[o['unit']]
        T = self.T
        d.h(1, f'第{"三" if not o["tables_first"] else "一"}部分 {Y}年部门{"预算" if B else "决算"}表' if False else
            f'附件：{f["dept"]}{Y}年{"部门预算表" if B else "度部门决算表"}')
        n = iter(range(1, 30))
        ttl = (lambda a, b: f'表{next(n)} {a if B else b}')
        gp, gf, soe, allf = self.gp, self.gf, self.soe, self.allf
        gf_t = sum(v['t'] for v in gf.values())
        soe_t = sum(v['t'] for v in soe.values())
        gp_exp = sum(v['t'] for v in gp.values())
        nf = sum(f['nonfis'].values())
        exp_all = gp_exp + gf_t + soe_t + nf
        cin = '上年结转' if B else '年初结转和结余'
        cout = '结转下年' if B else '年末结转和结余'
        # 1 收支总表
        inc = [('一般公共预算拨款收入', f['gp_inc'], 'inc.gp'), ('政府性基金预算拨款收入', gf_t, 'inc.gf'),
               ('国有资本经营预算拨款收入', soe_t, 'inc.soe'), ('事业收入', f['nonfis']['事业收入'], 'inc.sy'),
               ('其他收入', f['nonfis']['其他收入'], 'inc.qt')]
        L = [[nm, T(v, k)] for nm, v, k in inc]
        cls = sorted({c[:3] for c in allf})
        R = [[CLASS[c], T(sum(v['t'] for k, v in allf.items() if len(k) == 7 and k[:3] == c), f'all.{c}.t')] for c in cls]
        m = max(len(L), len(R))
        L += [['', '']] * (m - len(L))
        R += [['', '']] * (m - len(R))
        inc_tot = sum(x[1] for x in inc)
        it, et = T(inc_tot, 'inc.ALL'), T(exp_all, 'all.ALL.t')
        ci, co = T(f['carry_in'], 'carry.in'), T(f['carry_out'], 'carry.out')
        tin, tout = T(inc_tot + f['carry_in'], 'tot.in'), T(exp_all + f['carry_out'], 'tot.out')
        rows = [l + r for l, r in zip(L, R)] + [['本年收入合计', it, '本年支出合计', et], [cin, ci, cout, co],
                                                 ['收入总计', tin, '支出总计', tout]]
        d.ident('sum', 'inc.sum', [it] + [x[1] for x in L if x[0]])
        d.ident('sum', 'exp.sum', [et] + [x[1] for x in R if x[0]])
        d.ident('sum', 'tin', [tin, it, ci])
        d.ident('sum', 'tout', [tout, et, co])
        d.ident('eq', 'in=out', [tin, tout])
        for x in L:
            if x[0]:
                self.add('incrow', (x[1], x[0]))
        d.table(dict(title=ttl('部门收支总表', '收入支出决算总表'), unit=u, name='total',
                     header=[['收入项目', '金额', '支出项目', '金额']] if B else [['收入项目', '决算数', '支出项目', '决算数']],
                     rows=rows))
        # 2 收入表 by unit
        self.unit_table(ttl('部门收入总表', '收入决算表'), u, inc, cin)
        # 3 支出总表
        t, _ = tree_table(d, ttl('部门支出总表', '支出决算表'), allf, 'all', o['unit'], o['sep'], o['layout'])
        d.table(t)
        # 4 财政拨款收支总表
        self.fin_table(ttl('财政拨款收支总表', '财政拨款收入支出决算总表'), u, cin, cout)
        # 5 一般公共预算支出表
        t, cells = tree_table(d, ttl('一般公共预算支出表', '一般公共预算财政拨款支出决算表'), gp, 'gp', o['unit'], o['sep'], o['layout'])
        d.table(t)
        for c, r in cells.items():
            if len(c) == 3 and c != 'ALL':
                self.add('classrow', (r, CLASS[c]))
        # 6 基本支出表
        self.eco_table(ttl('一般公共预算基本支出表', '一般公共预算财政拨款基本支出决算表'), u)
        # 7 三公
        self.sg_table(ttl('一般公共预算“三公”经费支出表', '一般公共预算财政拨款“三公”经费支出决算表'), u)
        # 8 政府性基金
        self.empty_or_tree(ttl('政府性基金预算支出表', '政府性基金预算财政拨款收入支出决算表'), gf, 'gf', '政府性基金预算')
        # 9 国有资本经营
        self.empty_or_tree(ttl('国有资本经营预算支出表', '国有资本经营预算财政拨款支出决算表'), soe, 'soe', '国有资本经营预算')
        if o['proc_table']:
            p = f['proc']
            cl = [(nm, T(p[k], f'proc.{k}')) for k, nm in (('goods', '货物类'), ('works', '工程类'), ('svc', '服务类'))]
            tt = T(sum(p.values()), 'proc.ALL')
            d.ident('sum', 'proc.table', [tt] + [x for _, x in cl])
            d.table(dict(title=ttl('政府采购预算表', '政府采购支出情况表'), unit=u, name='proc',
                         header=[['采购类别', '金额']], rows=[['合计', tt]] + [[a, b] for a, b in cl]))

    def empty_or_tree(self, title, leaves, prefix, nm):
        d, o = self.d, self.o
        if leaves:
            t, _ = tree_table(d, title, leaves, prefix, o['unit'], o['sep'], o['layout'])
        else:
            t = dict(title=title, unit={'wan': '万元', 'yuan': '元', 'qian': '千元'}[o['unit']], name=prefix,
                     header=[['科目编码', '科目名称', '合计', '基本支出', '项目支出']], rows=[['', '合计', '', '', '']],
                     note=f'注：本部门{self.Y}年没有使用{nm}拨款安排的支出，本表为空表。')
        d.table(t)

    def unit_table(self, title, u, inc, cin):
        f, d, rng, T = self.f, self.d, self.rng, self.T
        units = f['units']
        n = len(units)
        cols = [(nm, v, k) for nm, v, k in inc] + [(cin, f['carry_in'], 'carry.in')]
        alloc = []
        for nm, v, k in cols:
            if k in ('inc.gp', 'inc.qt'):
                alloc.append(self.split_n(v, n))
            elif k == 'inc.sy':
                alloc.append([0] + self.split_n(v, n - 1))
            elif k == 'inc.gf' and v:
                s = self.split_n(v, 2)
                alloc.append([s[0]] + [0] * (n - 2) + [s[1]])
            else:
                alloc.append([v] + [0] * (n - 1))
        hdr = ['单位编码', '单位名称', '合计'] + [nm.replace('收入', '') if 'inc.' in k and k not in ('inc.sy', 'inc.qt') else nm
                                          for nm, v, k in cols]
        totrow = ['', '合计', T(sum(c[1] for c in cols), 'tot.in')] + [T(v, k) for _, v, k in cols]
        rows = [totrow]
        for i, (code, nm) in enumerate(units):
            vals = [a[i] for a in alloc]
            r = [code, nm, T(sum(vals), None)] + [T(x, None) for x in vals]
            rows.append(r)
            d.ident('sum', f'unit.{code}.row', r[2:])
            if i > 0:
                j = next(j for j, x in enumerate(vals) if x > 0) if any(vals) else None
                if j is not None:
                    self.add('unitrow', (r[2], r[3 + j], nm))
        d.ident('sum', 'unit.tot.row', totrow[2:])
        for j in range(2, len(totrow)):
            d.ident('sum', f'unit.col{j}', [totrow[j]] + [r[j] for r in rows[1:]])
        d.table(dict(title=title, unit=u, name='unit', header=[hdr], rows=rows))

    def split_n(self, v, n):
        if v == 0:
            return [0] * n
        w = [self.rng.uniform(0.3, 1) for _ in range(n)]
        w[0] *= 2.5
        parts = [int(v * x / sum(w)) for x in w]
        parts[0] += v - sum(parts)
        return parts

    def fin_table(self, title, u, cin, cout):
        f, d, T = self.f, self.d, self.T
        gp, gf, soe = self.gp, self.gf, self.soe
        cls = sorted({c[:3] for c in list(gp) + list(gf) + list(soe)})
        R = []
        for c in cls:
            a = [sum(v['t'] for k, v in src.items() if k[:3] == c) for src in (gp, gf, soe)]
            cells = [T(sum(a), f'fin.{c}'), T(a[0], f'gp.{c}.t'), T(a[1], f'gf.{c}.t'), T(a[2], f'soe.{c}.t')]
            d.ident('sum', f'fin.{c}.row', cells)
            R.append([CLASS[c]] + cells)
            if a[0] > 0:
                self.add('fincls', (cells, CLASS[c]))
        gpt = sum(v['t'] for v in gp.values())
        gft = sum(v['t'] for v in gf.values())
        sot = sum(v['t'] for v in soe.values())
        tot = [T(gpt + gft + sot, 'fin.exp'), T(gpt, 'gp.ALL.t'), T(gft, 'gf.ALL.t'), T(sot, 'soe.ALL.t')]
        for j in range(4):
            d.ident('sum', f'fin.col{j}', [tot[j]] + [r[1 + j] for r in R])
        d.ident('sum', 'fin.tot.row', tot)
        L = [['一般公共预算拨款', T(f['gp_inc'], 'inc.gp')], ['政府性基金预算拨款', T(gft, 'inc.gf')],
             ['国有资本经营预算拨款', T(sot, 'inc.soe')]]
        m = max(len(L), len(R))
        L += [['', '']] * (m - len(L))
        R += [['', '', '', '', '']] * (m - len(R))
        li = T(f['gp_inc'] + gft + sot, 'fin.inc')
        ci, co = T(f['carry_in'], 'carry.in'), T(f['carry_out'], 'carry.out')
        ti = T(f['gp_inc'] + gft + sot + f['carry_in'], 'fin.tot')
        to = T(gpt + gft + sot + f['carry_out'], 'fin.tot')
        d.ident('sum', 'fin.inc', [li] + [x[1] for x in L if x[0]])
        d.ident('sum', 'fin.ti', [ti, li, ci])
        d.ident('sum', 'fin.to', [to, tot[0], co])
        rows = [l + r for l, r in zip(L, R)] + [['本年收入合计', li, '本年支出合计'] + tot,
                                                 [cin, ci, cout, co, '', '', ''], ['收入总计', ti, '支出总计', to, '', '', '']]
        hdr = [['收入', '', '支出', '', '', '', ''],
               ['项目', '预算数' if self.bud else '决算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']]
        d.table(dict(title=title, unit=u, name='fin', header=hdr, rows=rows))

    def eco_table(self, title, u):
        d, T, e = self.d, self.T, self.eco
        NM = {'301': '工资福利支出', '30101': '基本工资', '30102': '津贴补贴', '30103': '奖金', '30107': '绩效工资',
              '30108': '机关事业单位基本养老保险缴费', '30109': '职业年金缴费', '30110': '职工基本医疗保险缴费',
              '30111': '公务员医疗补助缴费', '30113': '住房公积金', '302': '商品和服务支出', '30201': '办公费',
              '30211': '差旅费', '30228': '工会经费', '30231': '公务用车运行维护费', '30299': '其他商品和服务支出',
              '303': '对个人和家庭的补助', '30302': '退休费', '30305': '生活补助'}
        rows = []
        tot = T(e['pers'] + self.f['public'], 'eco.ALL')
        rows.append(['', '合计', tot])
        self.eco_cells = {}
        tops = []
        for top, items in (('301', e['i301']), ('302', e['i302']), ('303', e['i303'])):
            c = T(sum(items.values()), f'eco.{top}')
            self.eco_cells[top] = c
            tops.append(c)
            rows.append([top, NM[top], c])
            ch = []
            for k in sorted(items):
                x = T(items[k], None)
                ch.append(x)
                rows.append([k, '  ' + NM[k], x])
            d.ident('sum', f'eco.{top}', [c] + ch)
        d.ident('sum', 'eco.ALL', [tot] + tops)
        d.table(dict(title=title, unit=u, name='eco', header=[['科目编码', '科目名称', '金额']], rows=rows))

    def sg_table(self, title, u):
        d, T, f = self.d, self.T, self.f
        rows = []
        for lab, s, pre in ((f'{self.Y}年{"预算数" if self.bud else "决算数"}', f['sg'], 'sg'),
                            (f'{self.Y - 1}年{"预算数" if self.bud else "决算数"}', f['sg_prev'], None)):
            k = (lambda x: f'{pre}.{x}') if pre else (lambda x: None)
            c = [T(sum(s.values()), k('ALL')), T(s['abroad'], k('abroad')), T(s['buy'] + s['run'], k('car')),
                 T(s['buy'], k('buy')), T(s['run'], k('run')), T(s['rec'], k('rec'))]
            d.ident('sum', 'sg.row', [c[0], c[1], c[2], c[5]])
            d.ident('sum', 'sg.car', [c[2], c[3], c[4]])
            rows.append([lab] + c)
        hdr = [['项目', '合计', '因公出国（境）费', '公务用车购置及运行维护费', '', '', '公务接待费'],
               ['', '', '', '小计', '公务用车购置费', '公务用车运行维护费', '']]
        d.table(dict(title=title, unit=u, name='sg', header=hdr, rows=rows))


def compose(f, rng, o):
    c = Composer(f, rng, o)
    c.eco_split()
    c.gp, c.gf, c.soe, c.allf = c.leaves()
    # tables are built first so that text can reference table cells (eco), then blocks are reordered
    d = c.d
    c.part_tables()
    tb = d.blocks
    d.blocks = []
    title = f'{f["dept"]}{c.Y}年{"部门预算" if c.bud else "度部门决算"}'
    d.h(0, title)
    if o['tables_first']:
        d.blocks += tb
    c.part_overview()
    c.part_text()
    if not o['tables_first']:
        d.blocks += tb
    d.h(1, '第三部分 名词解释' if not o['tables_first'] else '名词解释')
    d.p('一般公共预算拨款：指本级财政当年拨付的一般公共预算资金。')
    d.p('机关运行经费：指为保障行政单位（含参照公务员法管理的事业单位）运行用于购买货物和服务等的各项资金。')
    return d, c.cand, title
