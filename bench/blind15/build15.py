"""Assemble one document (final or budget) with its layout options."""
from catalog15 import GLOSSARY_BUDGET, GLOSSARY_FINAL
from doc15 import Doc
from facts15 import make_facts
from perf15 import project_eval_table, project_target_table, whole_eval_table, whole_target_table
from tablekit15 import TB, cn
from tables15 import budget_tables, final_tables
from text15b import budget_explain, budget_other
from text15f import final_explain, final_other, hn, overview
from textkit15 import TX

CN_DIGIT = '〇一二三四五六七八九'
FINAL_NAMES = ['收入支出决算总表', '收入决算表', '支出决算表', '财政拨款收入支出决算总表', '一般公共预算财政拨款支出决算表',
               '一般公共预算财政拨款基本支出决算表', '财政拨款“三公”经费支出决算表', '政府性基金预算财政拨款收入支出决算表',
               '国有资本经营预算财政拨款支出决算表']
BUDGET_NAMES = ['部门收支总表', '部门收入总表', '部门支出总表', '财政拨款收支总表', '一般公共预算支出表', '一般公共预算基本支出表',
                '一般公共预算“三公”经费支出表', '政府性基金预算支出表', '国有资本经营预算支出表']


def cn_year(y, zero='〇'):
    return ''.join(CN_DIGIT[int(c)] for c in str(y)).replace('〇', zero)


def choose_options(rng, doc_type, fmt):
    c = rng.choice
    o = dict(
        tunit='mixed' if fmt == 'xlsx' else c(['元', '万元', '万元', 'mixed']),
        sep=c([True, True, False]), sep_wan=c([False, False, True]), zero=c(['0', '-', 'blank']),
        code=c(['code', 'code', 'lkx', 'name', 'codename']), kuan_nozero=c([False, True]),
        total_in_name=c([False, True]), cn_space=c([False, True]), total_pos=c(['top', 'top', 'bottom']),
        total_label=c(['合计', '合计', '总计']), hangci=doc_type == 'final' and rng.random() < 0.5,
        lanci=doc_type == 'final' and rng.random() < 0.5,
        gpb_layout=c(['bp', 'iad', 'ibr']) if doc_type == 'final' else c(['bp', 'prev']), bp_group=c([False, True]),
        basic_layout=c(['tree', 'side2', 'side3']), sg_layout=c(['v', 'h']),
        use_label=c(['使用非财政拨款结余', '使用非财政拨款结余（含专用结余）', '用事业基金弥补收支差额']),
        text_unit=c(['万元'] * 6 + ['元']), text_sep=c([False, False, True]), pdec=c([2, 2, 2, 1]), cmp=rng.randrange(3),
        show_prev=c([0.3, 0.5, 0.7]), num=c(['cn', 'arabic', 'mixed']), tables_pos=c(['mid', 'end']),
        tprefix=c(['', 'num', 'cn', 'year']), basic_list=c(['amounts', 'amounts', 'names']),
        perf_pos=c(['inline', 'end']), n_perf=rng.randint(1, 3), zero_char=c(['〇', '零']),
    )
    if o['text_unit'] == '元':
        o['text_sep'] = c([True, False])
    return o


def build(rng, doc_type, year, fmt):
    f = make_facts(rng, doc_type, year)
    o = choose_options(rng, doc_type, fmt)
    doc = Doc(doc_type, year, f.dept)
    doc.opts = o
    doc.facts = f
    tb = TB(doc, rng, o)
    tx = TX(doc, rng, f, o)
    Y = year
    final = doc_type == 'final'
    names = FINAL_NAMES if final else BUDGET_NAMES
    if final:
        title = f'{f.dept}{Y}年度部门决算'
        date = f'{cn_year(Y + 1, o["zero_char"])}年{rng.choice(["八", "九"])}月'
    else:
        title = f'{f.dept}{Y}年部门预算'
        date = f'{cn_year(Y, o["zero_char"])}年{rng.choice(["一", "二"])}月'
    doc.title = title
    doc.blocks.append(['cover', [title, date]])
    T = final_tables(doc, rng, f, o, tb) if final else budget_tables(doc, rng, f, o, tb)
    std = [T['zb'][0], T['sr'], T['zc'], T['czzb'][0], T['gpb'], T['jb'], T['sg'], T['gf'], T['gy']]
    for i, (t, nm) in enumerate(zip(std, names)):
        t.name = nm
        base = nm if final else f'{Y}年{nm}'
        if o['tprefix'] == 'year' and final:
            base = f'{Y}年度{nm}'
        pre = {'num': f'表{i + 1} ', 'cn': f'{cn(i + 1)}、'}.get(o['tprefix'], '')
        t.title = pre + base
    doc.T = T
    doc.std = std
    # performance tables
    perf, perf_figs = [], {}
    if final:
        for j in f.evaluated[:o['n_perf']]:
            t, tot, _ = project_eval_table(doc, tb, rng, f, j, f.projects[j], f.units[min(len(f.units) - 1, 1 + j % 3)][0])
            perf.append(t)
            perf_figs[j] = tot.exact
        wt = whole_eval_table(doc, tb, rng, f)
        perf.append(wt)
        perf_figs['whole'] = wt.total_fig.exact
    else:
        perf = [whole_target_table(doc, tb, rng, f), project_target_table(doc, tb, rng, f)]
    doc.perf = perf
    part = 0

    def PART(text):
        nonlocal part
        part += 1
        doc.h(1, f'第{cn(part)}部分 {text}')

    def put_tables(lst):
        for t in lst:
            doc.t(t)
    PART('部门概况')
    overview(doc, tx, f, o, not final)
    word = '决算' if final else '预算'
    ytxt = f'{Y}年度' if final else f'{Y}年'
    if o['tables_pos'] == 'mid':
        PART(f'{ytxt}部门{word}表')
        put_tables(std)
        if o['perf_pos'] == 'end' and not final:
            put_tables(perf)
    PART(f'{ytxt}部门{word}情况说明')
    if final:
        K = final_explain(doc, tx, f, o)
        PART('其他重要事项的情况说明')
        final_other(doc, tx, f, o, K, perf_figs)
        if o['perf_pos'] == 'inline':
            put_tables(perf)
    else:
        K = budget_explain(doc, tx, f, o)
        doc.h(2, hn(o, 10) + '其他重要事项的情况说明')
        budget_other(doc, tx, f, o, K)
        if o['perf_pos'] == 'inline':
            put_tables(perf)
    PART('名词解释')
    for j, (k, v) in enumerate(GLOSSARY_FINAL if final else GLOSSARY_BUDGET):
        doc.p(f'{hn(o, j + 1)}{k}：{v}')
    doc.h(2, '联系方式')
    doc.p(f'联系单位：{f.dept}办公室；联系电话：0{rng.randint(310, 999)}-{rng.randint(2000000, 8999999)}。')
    if o['tables_pos'] == 'end':
        PART(f'附件（{ytxt}部门{word}公开表）')
        put_tables(std)
    if o['perf_pos'] == 'end' and (final or o['tables_pos'] == 'end'):
        if o['tables_pos'] != 'end':
            PART('附表')
        put_tables(perf)
    doc.listed = [t.name for t in std]
    doc.mandatory = list(names)
    # table of contents (after the cover)
    toc = ['目录']
    for b in doc.blocks:
        if b[0] == 'h' and b[1] == 1:
            toc.append(b[2])
            if '表' in b[2] and ('部门' + word + '表' in b[2] or '附件' in b[2]):
                toc += [f'{cn(i + 1)}、{nm}' for i, nm in enumerate(names)]
    doc.blocks.insert(1, ['toc', toc])
    return doc
