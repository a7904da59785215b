"""gen11 tables: build the standard tables of a disclosure as a grid model with two-level headers,
multi-line label cells, right-aligned numbers and continuation chunks; every amount is a figure, every
sum is an identity."""
from facts11 import PERSON_ITEMS, PUBLIC_ITEMS, FAMILY_ITEMS

CN = '一二三四五六七八九十'


class Tbl:
    def __init__(self, doc, tid, title, unit, thousands, zero_blank, widths, header, kinds):
        self.doc = doc
        self.id = tid
        self.title = title
        self.unit = unit
        self.thousands = thousands
        self.zero_blank = zero_blank
        self.widths = widths          # display width (half-width units) of every column
        self.header = header          # list of header rows: [(text, colspan, rowspan), ...]
        self.kinds = kinds            # 'label' | 'code' | 'num' per column
        self.rows = []
        self.chunks = None            # list of (start, end) row ranges rendered as pages with header repeated
        self.cont_label = None
        self.note = None

    def num(self, key, fen, loc, signed=False):
        d = self.doc
        fid = d.amt(key, fen, self.unit, 2, self.thousands, loc=f'{self.id}:{loc}', signed=signed)
        if fen == 0 and self.zero_blank and not signed:
            d.figs[fid]['printed'] = ''
        d.figs[fid]['table'] = self.title
        d.figs[fid]['row'] = loc.split('|')[0]
        return {'f': fid}

    def add(self, cells, label, total=False):
        self.rows.append(dict(cells=cells, label=label, total=total))
        return len(self.rows) - 1

    def to_json(self):
        return dict(id=self.id, title=self.title, unit=self.unit, thousands=self.thousands, widths=self.widths,
                    header=self.header, kinds=self.kinds, rows=self.rows, chunks=self.chunks,
                    cont_label=self.cont_label, note=self.note)


def T(text, span=1):
    return {'t': text, 'span': span} if span > 1 else {'t': text}


def unit_word(u):
    return '元' if u == 'yuan' else '万元'


def tree_rows(F, pred):
    """nodes of the function tree with money under pred, as (code, name, depth)"""
    out = []
    for code, name in F['tree']:
        ls = [v for c, v in F['leaves'].items() if c.startswith(code)]
        if any(pred(v) for v in ls):
            out.append((code, name))
    return out


def build_T1(doc, F, o, year, dt):
    """收支总表, two halves side by side"""
    w = '预算数' if dt == 'budget' else '决算数'
    title = f'{year}年部门收支总表' if dt == 'budget' else f'{year}年度收入支出决算总表'
    t = Tbl(doc, 'T1', title, o['tunit'], o['thousands'], False, [26, 14, 30, 14],
            [[('收入', 2, 1), ('支出', 2, 1)], [('项目', 1, 1), (w, 1, 1), ('项目', 1, 1), (w, 1, 1)]],
            ['label', 'num', 'label', 'num'])
    left = [('一、一般公共预算拨款收入', 'inc.G', F['G']), ('二、政府性基金预算拨款收入', 'inc.F', 0),
            ('三、事业收入', 'inc.S', F['S']), ('四、其他收入', 'inc.O', F['O'])]
    right = []
    for i, (code, name) in enumerate([(c, n) for c, n in F['tree'] if len(c) == 3]):
        fen = sum(v['all'] for c, v in F['leaves'].items() if c.startswith(code))
        right.append((f'{CN[i] if i < 10 else i + 1}、{name}', f'fa.{code}', fen))
    n = max(len(left), len(right))
    lf, rf = [], []
    for i in range(n):
        cells = []
        lab = ''
        for side, acc in ((left, lf), (right, rf)):
            if i < len(side):
                lbl, key, fen = side[i]
                c = t.num(key, fen, lbl)
                acc.append(c['f'])
                cells += [T(lbl), c]
                lab = lab or lbl
            else:
                cells += [T(''), T('')]
        t.add(cells, lab)
    inc_y = t.num('inc.year', F['inc_year'], '本年收入合计')
    exp_y = t.num('exp.year', F['total'], '本年支出合计')
    t.add([T('本年收入合计'), inc_y, T('本年支出合计'), exp_y], '本年收入合计', True)
    doc.ident('sum', total=inc_y['f'], parts=lf, what='收支总表 本年收入合计')
    doc.ident('sum', total=exp_y['f'], parts=rf, what='收支总表 本年支出合计')
    if dt == 'budget':
        cl = t.num('inc.carry', F['C'], '上年结转')
        t.add([T('上年结转'), cl, T(''), T('')], '上年结转')
        er = None
    else:
        cl = t.num('inc.carry', F['C'], '年初结转和结余')
        er = t.num('exp.carry', F['E'], '年末结转和结余')
        t.add([T('年初结转和结余'), cl, T('年末结转和结余'), er], '年初结转和结余')
    it = t.num('inc.total', F['inc_total'], '收入总计')
    et = t.num('exp.total', F['exp_total'], '支出总计')
    t.add([T('收入总计'), it, T('支出总计'), et], '收入总计', True)
    doc.ident('sum', total=it['f'], parts=[inc_y['f'], cl['f']], what='收入总计')
    doc.ident('sum', total=et['f'], parts=[exp_y['f']] + ([er['f']] if er else []), what='支出总计')
    doc.ident('eqv', fids=[it['f'], et['f']], what='收入总计 = 支出总计')
    return t


def func_table(doc, F, o, tid, title, cols, pred, keyfmt, header, widths, total_pos):
    """a function-classification table; cols: list of (colkey, getter(v)) ; first col is the row total"""
    kinds = ['code', 'label'] + ['num'] * len(cols)
    alias = {'fa.all.all': 'exp.year', 'fa.all.basic': 'g.basic', 'fa.all.proj': 'exp.proj', 'fg.all.g': 'exp.g',
             'fg.all.person': 'g.person', 'fg.all.public': 'g.public', 'fg.all.gproj': 'g.proj'}
    kf0 = keyfmt

    def keyfmt(code, ck):
        k = kf0(code, ck)
        return alias.get(k, alias.get(f'{k}.{ck}', k))
    t = Tbl(doc, tid, title, o['tunit'], o['thousands'], o['zero_blank'], widths, header, kinds)
    nodes = tree_rows(F, pred)
    rowfids = {}

    def vals(code):
        ls = [v for c, v in F['leaves'].items() if c.startswith(code) and pred(v)]
        return [sum(g(v) for v in ls) for _, g in cols]

    tot = [sum(g(v) for v in F['leaves'].values() if pred(v)) for _, g in cols]

    def total_row():
        cells = [T('合计', 2)] + [t.num(keyfmt('all', ck), tot[i], f'合计|{ck}') for i, (ck, _) in enumerate(cols)]
        rowfids['合计'] = [c['f'] for c in cells[1:]]
        t.add(cells, '合计', True)
    if total_pos == 'top':
        total_row()
    for code, name in nodes:
        vs = vals(code)
        cells = [T(code), T(name)] + [t.num(keyfmt(code, ck), vs[i], f'{name}|{ck}') for i, (ck, _) in enumerate(cols)]
        rowfids[code] = [c['f'] for c in cells[2:]]
        t.add(cells, name)
    if total_pos == 'bottom':
        total_row()
    # identities: row sums, parent sums, total = sum of 类
    for k, fids in rowfids.items():
        doc.ident('sum', total=fids[0], parts=fids[1:], what=f'{title} 行 {k}')
    for code, _ in nodes:
        kids = [c for c, _ in nodes if c.startswith(code) and len(c) == len(code) + 2]
        if kids:
            for i in range(len(cols)):
                doc.ident('sum', total=rowfids[code][i], parts=[rowfids[c][i] for c in kids], what=f'{title} {code}')
    cls = [c for c, _ in nodes if len(c) == 3]
    for i in range(len(cols)):
        doc.ident('sum', total=rowfids['合计'][i], parts=[rowfids[c][i] for c in cls], what=f'{title} 合计')
    return t


def build_T2(doc, F, o, year, dt):
    title = f'{year}年部门支出总表' if dt == 'budget' else f'{year}年度支出决算表'
    header = [[('功能分类科目', 2, 1), ('合计', 1, 2), ('基本支出', 1, 2), ('项目支出', 1, 2)],
              [('科目编码', 1, 1), ('科目名称', 1, 1)]]
    cols = [('all', lambda v: v['all']), ('basic', lambda v: v['basic']), ('proj', lambda v: v['gproj'] + v['oproj'])]
    return func_table(doc, F, o, 'T2', title, cols, lambda v: v['all'] > 0,
                      lambda code, ck: f'fa.{code}' if ck == 'all' else f'fa.{code}.{ck}',
                      header, [9, o['wrapw'], 14, 14, 14], o['total_pos'])


def build_T3(doc, F, o, year, dt):
    title = (f'{year}年一般公共预算支出表' if dt == 'budget' else f'{year}年度一般公共预算财政拨款支出决算表')
    header = [[('科目编码', 1, 2), ('科目名称', 1, 2), ('合计', 1, 2), ('基本支出', 2, 1), ('项目支出', 1, 2)],
              [('人员经费', 1, 1), ('公用经费', 1, 1)]]
    cols = [('g', lambda v: v['g']), ('person', lambda v: v['person']), ('public', lambda v: v['public']),
            ('gproj', lambda v: v['gproj'])]
    return func_table(doc, F, o, 'T3', title, cols, lambda v: v['g'] > 0,
                      lambda code, ck: f'fg.{code}' if ck == 'g' else f'fg.{code}.{ck}',
                      header, [9, o['wrapw'], 13, 13, 13, 13], o['total_pos'])


def build_T4(doc, F, o, year, dt):
    title = (f'{year}年一般公共预算基本支出表' if dt == 'budget' else f'{year}年度一般公共预算财政拨款基本支出决算表')
    header = [[('经济分类科目', 2, 1), ('基本支出', 3, 1)],
              [('科目编码', 1, 1), ('科目名称', 1, 1), ('合计', 1, 1), ('人员经费', 1, 1), ('公用经费', 1, 1)]]
    t = Tbl(doc, 'T4', title, o['tunit'], o['thousands'], True, [9, min(o['wrapw'], 20), 14, 14, 14], header,
            ['code', 'label', 'num', 'num', 'num'])
    eco = F['eco']
    groups = [('301', '工资福利支出', PERSON_ITEMS, 'person'), ('302', '商品和服务支出', PUBLIC_ITEMS, 'public'),
              ('303', '对个人和家庭的补助', FAMILY_ITEMS, 'person')]
    grp_fids = []
    pending_total = None
    if o['total_pos'] == 'top':
        pending_total = len(t.rows)
        t.add([], '合计', True)
    for gc, gn, items, side in groups:
        items = [(c, n) for c, n in items if eco[c] > 0]
        gsum = sum(eco[c] for c, _ in items)
        a = t.num(f'eco.{gc}', gsum, f'{gn}|合计')
        b = t.num(f'eco.{gc}.p', gsum if side == 'person' else 0, f'{gn}|人员经费')
        c2 = t.num(f'eco.{gc}.u', gsum if side == 'public' else 0, f'{gn}|公用经费')
        t.add([T(gc), T(gn), a, b, c2], gn)
        doc.ident('sum', total=a['f'], parts=[b['f'], c2['f']], what=f'{gn} 行')
        kids = []
        for c, n in items:
            x = t.num(f'eco.{c}', eco[c], f'{n}|合计')
            y = t.num(f'eco.{c}.s', eco[c], f'{n}|{"人员经费" if side == "person" else "公用经费"}')
            cells = [T(c), T(n), x] + ([y, T('')] if side == 'person' else [T(''), y])
            t.add(cells, n)
            doc.ident('sum', total=x['f'], parts=[y['f']], what=f'{n} 行')
            kids.append((x['f'], y['f']))
        doc.ident('sum', total=a['f'], parts=[k[0] for k in kids], what=f'{gn} 合计列')
        doc.ident('sum', total=(b if side == 'person' else c2)['f'], parts=[k[1] for k in kids], what=f'{gn} 分列')
        grp_fids.append((a['f'], b['f'], c2['f']))
    tot = [t.num('g.basic', F['basic'], '合计|合计'), t.num('g.person', F['person'], '合计|人员经费'),
           t.num('g.public', F['public'], '合计|公用经费')]
    cells = [T('合计', 2)] + tot
    if pending_total is not None:
        t.rows[pending_total]['cells'] = cells
    else:
        t.add(cells, '合计', True)
    for i in range(3):
        doc.ident('sum', total=tot[i]['f'], parts=[g[i] for g in grp_fids], what=f'{title} 合计 列{i}')
    doc.ident('sum', total=tot[0]['f'], parts=[tot[1]['f'], tot[2]['f']], what=f'{title} 合计行')
    return t


def build_T5(doc, F, o, year, dt):
    """项目支出表, long names, rendered in chunks (pages) with the header repeated"""
    w = '预算数' if dt == 'budget' else '决算数'
    title = f'{year}年项目支出表' if dt == 'budget' else f'{year}年度项目支出决算表'
    header = [[('项目名称', 1, 2), ('功能分类科目', 1, 2), (w, 3, 1)],
              [('合计', 1, 1), ('财政拨款', 1, 1), ('其他资金', 1, 1)]]
    t = Tbl(doc, 'T5', title, o['tunit'], o['thousands'], o['zero_blank'], [o['wrapw'], 20, 14, 14, 14], header,
            ['label', 'label', 'num', 'num', 'num'])
    prs = F['projects']
    rows = []
    for i, p in enumerate(prs):
        a = t.num(f'p.{i}', p['g'] + p['o'], f'{p["name"]}|合计')
        b = t.num(f'p.{i}.g', p['g'], f'{p["name"]}|财政拨款')
        c = t.num(f'p.{i}.o', p['o'], f'{p["name"]}|其他资金')
        doc.ident('sum', total=a['f'], parts=[b['f'], c['f']], what=f'项目 {p["name"]}')
        rows.append(([T(p['name']), T(f'{p["leaf"]}{F["names"][p["leaf"]]}'), a, b, c], p['name'], (a, b, c)))
    tot = [t.num('exp.proj', F['proj'], '合计|合计'), t.num('g.proj', sum(p['g'] for p in prs), '合计|财政拨款'),
           t.num('o.proj', sum(p['o'] for p in prs), '合计|其他资金')]
    trow = ([T('合计', 2)] + tot, '合计', None)
    doc.ident('sum', total=tot[0]['f'], parts=[tot[1]['f'], tot[2]['f']], what='项目合计行')
    for j in range(3):
        doc.ident('sum', total=tot[j]['f'], parts=[r[2][j]['f'] for r in rows], what=f'项目支出表 合计 列{j}',
                  cont=True)
    size = o['chunk']
    if o['total_pos'] == 'top':
        allrows = [trow] + rows
    else:
        allrows = rows + [trow]
    for cells, lab, _ in allrows:
        t.add(cells, lab, lab == '合计')
    n = len(t.rows)
    t.chunks = [(s, min(n, s + size)) for s in range(0, n, size)]
    if len(t.chunks) > 1 and t.chunks[-1][1] - t.chunks[-1][0] < 2:
        a, _ = t.chunks[-2]
        t.chunks[-2] = (a, n - 2)
        t.chunks[-1] = (n - 2, n)
    t.cont_label = o['cont_label']
    # rows of the first page (for the continued-total defect)
    t.first_chunk_rows = [i for i in range(*t.chunks[0]) if t.rows[i]['label'] != '合计']
    t.row_fids = [[c['f'] for c in r[0][2:]] for r in rows]
    return t


def build_T6(doc, F, o, year, dt):
    """三公 vertical, 本年 | 上年 | 增减 (金额 | 幅度)"""
    w = '预算数' if dt == 'budget' else '决算数'
    title = (f'{year}年一般公共预算“三公”经费支出表' if dt == 'budget'
             else f'{year}年度财政拨款“三公”经费支出决算表')
    header = [[('项目', 1, 2), (w, 2, 1), ('比上年增减', 2, 1)],
              [(f'{year}年', 1, 1), (f'{year - 1}年', 1, 1), ('金额', 1, 1), ('幅度（%）', 1, 1)]]
    unit = o['sgunit']
    t = Tbl(doc, 'T6', title, unit, o['thousands'] and unit == 'yuan', False, [o['wrapw'], 13, 13, 13, 11],
            header, ['label', 'num', 'num', 'num', 'num'])
    sg, sp = F['sg'], F['sgp']
    items = [('合计', 'total'), ('因公出国（境）费', 'abroad'), ('公务用车购置及运行维护费', 'car'),
             ('其中：公务用车购置费', 'carbuy'), ('公务用车运行维护费', 'carrun'), ('公务接待费', 'recep')]

    def val(d, k):
        if k == 'total':
            return sum(d.values())
        if k == 'car':
            return d['carbuy'] + d['carrun']
        return d[k]
    f = {}
    for lab, k in items:
        c, p = val(sg, k), val(sp, k)
        a = t.num(f'sg.{k}', c, f'{lab}|本年')
        b = t.num(f'sgp.{k}', p, f'{lab}|上年')
        d = t.num(f'sgd.{k}', c - p, f'{lab}|增减', signed=True)
        if p > 0:
            r = doc.pct(f'sgr.{k}', (c - p) * 100 / __import__('fractions').Fraction(p), 2, loc=f'T6:{lab}|幅度',
                        signed=True)
            doc.figs[r]['table'] = title
            doc.figs[r]['row'] = lab
            rc = {'f': r}
            doc.ident('growth', cur=a['f'], prev=b['f'], rate=r, dir=None, what=f'三公 {lab} 幅度')
        else:
            rc = T('—')
        doc.ident('change', cur=a['f'], prev=b['f'], chg=d['f'], dir=None, what=f'三公 {lab} 增减')
        t.add([T(lab), a, b, d, rc], lab, k == 'total')
        f[k] = (a, b, d)
    for j in range(3):
        doc.ident('sum', total=f['total'][j]['f'], parts=[f[k][j]['f'] for k in ('abroad', 'car', 'recep')],
                  what=f'三公合计 列{j}')
        doc.ident('sum', total=f['car'][j]['f'], parts=[f[k][j]['f'] for k in ('carbuy', 'carrun')],
                  what=f'公务用车 列{j}')
    return t


INDICATORS = [
    ('产出指标', '数量指标', '{a}完成数量', '≥{n}项'),
    ('产出指标', '数量指标', '{a}覆盖人次', '≥{m}人次'),
    ('产出指标', '质量指标', '{a}任务完成率', '≥95%'),
    ('产出指标', '质量指标', '资金使用合规率', '100%'),
    ('产出指标', '时效指标', '{a}按时办结率', '100%'),
    ('产出指标', '成本指标', '单项{a}成本控制', '≤{c}万元'),
    ('效益指标', '社会效益指标', '{a}社会知晓率', '≥{k}%'),
    ('效益指标', '可持续影响指标', '长效工作机制建立健全情况', '持续完善'),
    ('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
]


def build_T7(doc, F, o, year, dt, rng):
    title = (f'{year}年部门整体支出绩效目标表' if dt == 'budget' else f'{year}年度部门整体支出绩效自评表')
    ncol = 4 if dt == 'budget' else 5
    header = []
    wl = [10, 16, o['wrapw'], 14] + ([12] if dt == 'final' else [])
    t = Tbl(doc, 'T7', title, 'wan', False, False, wl, header, ['label'] * ncol)
    t.header_first = False
    rest = ncol - 1
    t.add([T('部门（单位）名称'), T(F['org'], rest)], '部门（单位）名称')
    a = t.num('exp.year', F['total'], '年度资金总额')
    b = t.num('exp.g', F['G'], '其中：财政拨款')
    c = t.num('exp.nong', F['total'] - F['G'], '其他资金')
    for lab, x in (('年度资金总额（万元）', a), ('其中：财政拨款', b), ('其他资金', c)):
        x['span'] = rest
        t.add([T(lab), x], lab)
    doc.ident('sum', total=a['f'], parts=[b['f'], c['f']], what='绩效表资金')
    goal = '；'.join(rng.sample(F['duty_pool'], 3)) + '，确保年度重点工作任务全面完成。'
    t.add([T('年度总体目标'), T(goal, rest)], '年度总体目标')
    t.add([T('一级指标'), T('二级指标'), T('三级指标'), T('指标值')] + ([T('实际完成值')] if dt == 'final' else []),
          '一级指标', True)
    area = rng.choice(['专项检查', '业务培训', '宣传活动', '监督检查', '服务保障'])
    last = None
    for l1, l2, l3, v in INDICATORS:
        val = v.format(n=rng.randint(6, 40), m=rng.randint(200, 5000), c=rng.randint(3, 40), k=rng.choice([80, 85, 90]))
        name = l3.format(a=area)
        cells = [T(l1 if l1 != last else ''), T(l2), T(name), T(val)]
        if dt == 'final':
            if '%' in val:
                got = '100%' if val == '100%' else f'{rng.choice([96, 97.5, 98, 99.2, 100])}%'
            elif val.startswith('≥'):
                got = val[1:]
            elif val.startswith('≤'):
                got = val[1:]
            else:
                got = '达成'
            cells.append(T(got))
        last = l1
        t.add(cells, name)
    t.body_header_at = 5
    return t


def build_tables(doc, F, o, year, dt, rng):
    ts = [build_T1(doc, F, o, year, dt), build_T2(doc, F, o, year, dt), build_T3(doc, F, o, year, dt),
          build_T4(doc, F, o, year, dt), build_T5(doc, F, o, year, dt), build_T6(doc, F, o, year, dt),
          build_T7(doc, F, o, year, dt, rng)]
    for t in ts:
        doc.tables[t.id] = t
    return ts
