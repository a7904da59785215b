#!/usr/bin/env python3
"""gen3: synthetic 部门预算 / 部门决算 disclosures with at most one planted defect each.

usage: python3 gen3.py --seed S --count N --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random
import re
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import build3  # noqa: E402
import render3  # noqa: E402
import text3  # noqa: E402
from doc3 import CN_NUM, PH, Doc, fmt_amt, fmt_pct  # noqa: E402
from facts3 import make_facts  # noqa: E402
from ia3 import UNITS, check_identity, interval  # noqa: E402

CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'direction', 'breakdown',
           'sangong-sum', 'perf-table', 'count', 'comparison-year', 'template-residue', 'missing-part', 'zero-base',
           'doc-type']
BUILD_TIME = ('zero-base', 'perf-table')
RESIDUE_PATTERNS = ['XX', '××', '增加（减少）', '增加(减少)', '增加/减少', '增长（下降）', '下降（增长）', '……', '。。',
                    '（请', '请根据', '填写']


def make_opts(rng, dtype):
    B = dtype == 'budget'
    tab_unit = rng.choices(['万元', '元', '千元'], [55, 30, 15])[0]
    o = dict(
        text_unit=rng.choices(['万元', '元'], [85, 15])[0],
        pct_dec=rng.choices([2, 1, 0], [60, 25, 15])[0],
        num_space=rng.random() < 0.2,
        text_sep=rng.random() < 0.4,
        w_neg_chg='减少',
        w_pos_pct=rng.choice(['增长', '增长', '上升']),
        w_neg_pct=rng.choice(['下降', '下降', '降低']),
        tab_unit=tab_unit,
        tab_dec=2 if tab_unit != '千元' else rng.choice([0, 1]),
        tab_sep=rng.random() < {'元': 0.85, '万元': 0.4, '千元': 0.6}[tab_unit],
        blank0=rng.random() < 0.35,
        code_style=rng.choices(['code7', 'lkx', 'indent', 'codename'], [35, 25, 20, 20])[0],
        code_head=rng.choice(['科目编码', '功能分类科目编码', '科目代码']),
        total_label=rng.choice(['合计', '总计', '合计']),
        total_top=rng.random() < 0.6,
        econ_layout=rng.choice(['tree', 'tree', 'blocks']),
        econ_indent=rng.random() < 0.5,
        econ_grand=rng.random() < 0.5,
        lanci=(not B) and rng.random() < 0.5,
        lineno=(not B) and rng.random() < 0.5,
        gp_cols=rng.choice(['plain', 'cmp']),
        sg_layout=rng.choice(['h', 'v']),
        sg_prev=B and rng.random() < 0.6,
        all_classes=(not B) and rng.random() < 0.6,
        cls_num=rng.random() < 0.5,
        drop_zero_cols=rng.random() < 0.5,
        with_gz=(not B) or rng.random() < 0.6,
        list_zero=rng.random() < 0.3,
        meta=rng.random() < 0.7,
        h2_style=rng.choice(['cn', 'cn', 'arabic', 'mixed']),
        part_fmt=rng.choice(['第%s部分 %s', '第%s部分　%s', '第%s部分：%s']),
        tables_first=rng.random() < 0.5,
        title_prefix=rng.choice(['none', 'num', 'biao', 'year']),
        other_h1=rng.random() < 0.4,
        contact=rng.random() < 0.6,
        basic_head=None, sg_head=None, gf_head=None, gz_head=None,
        txt_table=rng.choice(['tsv', 'pipe', 'cells']),
        txt_ff=rng.random() < 0.3,
        html_caption=rng.random() < 0.5,
        docx_heading_styles=rng.random() < 0.5,
        xlsx_mode=rng.choice(['sheets', 'onesheet', 'inline']),
        xlsx_numeric=rng.random() < 0.6,
        pdf_split=rng.choice(['auto', 'manual']),
        pdf_repeat=rng.random() < 0.6,
        pdf_chunk=rng.randint(12, 22),
        contd_label=rng.choice(['续表', '（续表）', '续上表']),
        contd_title=rng.random() < 0.4,
        pdf_table_newpage=rng.random() < 0.5,
        pdf_small_toc=rng.random() < 0.5,
        toc_h2=rng.random() < 0.5,
    )
    if B:
        o['basic_head'] = rng.choice(['一般公共预算基本支出情况说明', '一般公共预算基本支出预算情况说明'])
        o['sg_head'] = rng.choice(['一般公共预算“三公”经费支出情况说明', '“三公”经费预算情况说明'])
    else:
        o['basic_head'] = rng.choice(['一般公共预算财政拨款基本支出决算情况说明', '基本支出决算情况说明'])
        o['sg_head'] = rng.choice(['财政拨款“三公”经费支出决算情况说明', '“三公”经费财政拨款支出决算情况说明'])
        o['gf_head'] = '政府性基金预算财政拨款支出决算情况说明'
        o['gz_head'] = '国有资本经营预算财政拨款支出决算情况说明'
    return o


# ===================================================================== assembly
def build_doc(rng, dtype, year, defect):
    f = make_facts(rng, dtype, year)
    o = make_opts(rng, dtype)
    d = Doc(rng, dtype, year, f, o)
    d.defect = defect
    B = dtype == 'budget'
    d.cover_title = rng.choice(['%s%d年部门预算' % (f['dept'], year), '%s%d年度部门预算公开' % (f['dept'], year),
                                '%d年%s部门预算' % (year, f['dept'])]) if B else \
        rng.choice(['%s%d年度部门决算' % (f['dept'], year), '%d年度%s部门决算公开' % (year, f['dept']),
                    '%s%d年度部门决算公开说明' % (f['dept'], year)])
    sub = []
    if rng.random() < 0.6:
        sub.append('%d年%d月' % (year if B else year + 1, rng.randint(1, 3) if B else rng.randint(7, 9)))
    if not B and rng.random() < 0.4:
        sub = ['部门名称：%s' % f['dept'], '单位负责人：%s' % rng.choice(['王明', '李华', '赵强', '陈静'])] + sub
    d.blocks.append(dict(t='title', text=d.cover_title, sub=sub))
    toc = dict(t='toc', lines=[])
    d.blocks.append(toc)
    # content in separate block lists then ordered
    base = len(d.blocks)
    text3.overview(d)
    ov = d.blocks[base:]
    del d.blocks[base:]
    # tables
    tpart_name = rng.choice(['%d年部门预算表' % year, '部门预算公开表' if B else '部门决算表', '%s%d年部门%s表' % (f['short'], year, '预算' if B else '决算')]) \
        if B else rng.choice(['%d年度部门决算表' % year, '部门决算表', '%d年度部门决算公开表' % year])
    (build3.budget_tables if B else build3.final_tables)(d)
    tb = d.blocks[base:]
    del d.blocks[base:]
    (text3.budget_text if B else text3.final_text)(d)
    tx = d.blocks[base:]
    del d.blocks[base:]
    # number tables
    tabs = [b for b in tb if b['t'] == 'table']
    for i, b in enumerate(tabs):
        tp = o['title_prefix']
        if tp == 'num':
            b['shown_title'] = '%s、%s' % (CN_NUM[i], b['title'])
        elif tp == 'biao':
            b['shown_title'] = '表%d  %s' % (i + 1, b['title'])
        elif tp == 'year':
            b['shown_title'] = '%s%d年%s' % (f['dept'] if rng.random() < 0.3 else '', year, b['title'])
    # order parts; part numbers must follow reading order -> renumber h1 headings
    seq = [('ov', ov)]
    thead = dict(t='h1', text='@@TABLES@@', role='section')
    if o['tables_first']:
        seq += [('tb', [thead] + tb), ('tx', tx)]
    else:
        seq += [('tx', tx), ('tb', [thead] + tb)]
    blocks = []
    for _, bl in seq:
        blocks += bl
    # renumber parts
    k = 0
    for b in blocks:
        if b['t'] == 'h1':
            name = b['text']
            if name == '@@TABLES@@':
                name = tpart_name
            else:
                name = name.split(' ', 1)[-1].split('　', 1)[-1].split('：', 1)[-1]
            b['text'] = o['part_fmt'] % (CN_NUM[k], name)
            k += 1
    if rng.random() < 0.3:   # Jiangsu style: tables as 附件 after a page break
        blocks.insert(next(i for i, b in enumerate(blocks) if b.get('text', '').endswith(tpart_name)), dict(t='pagebreak'))
    d.blocks += blocks
    # toc lines
    for b in blocks:
        if b['t'] == 'h1':
            toc['lines'].append(b['text'])
            if b['text'].endswith(tpart_name):
                for i, t in enumerate(tabs):
                    toc['lines'].append('　　%s、%s' % (CN_NUM[i], t['title']) if rng.random() < 0.85 or True else t['title'])
        elif b['t'] == 'h2' and o['toc_h2'] and any(b is x for x in tx):
            toc['lines'].append('　　' + d.resolve(b['text']))
    d.mandatory = [t['title'] for t in tabs]
    d.tpart_name = tpart_name
    return d


# ===================================================================== planting
def fig_val(d, fid):
    return int(d.figs[fid]['val'])


def reprint(d, fid, newval):
    f = d.figs[fid]
    f['printed'] = fmt_amt(newval, f['unit'], f['dec'], f['sep'])
    f['val_printed'] = str(newval)


def where_of(d, fid, ctx=False):
    f = d.figs[fid]
    if ctx and f['ctx'] == 'text' and len((f.get('pre') or '').strip()) < 2:
        ph = '⟦%s⟧' % fid
        for b in d.blocks:
            if 'text' in b and ph in b['text']:
                before = d.resolve(b['text'][:b['text'].index(ph)])
                c = re.sub(r'^[\d.,\s万元千%，；。、：（）()]+', '', before[-9:])
                return c + f['printed'] + (f.get('post') or '')
    return (f.get('pre') or '') + f['printed'] + (f.get('post') or '')


def all_printed(d):
    return {f['printed'] for f in d.figs.values() if f['kind'] in ('amt', 'pct')}


def key_conflicts(d, margin=0):
    """pairs of figures with the same key whose (widened) intervals do not overlap"""
    byk = {}
    for f in d.figs.values():
        if f['kind'] == 'amt' and f['key'] and f['printed'] not in ('',) and f.get('live', True):
            byk.setdefault(f['key'], []).append(f)
    out = []
    for k, fs in byk.items():
        ivs = []
        for f in fs:
            try:
                iv = interval(f)
            except ValueError:
                continue
            if iv is None:
                continue
            u = Fraction(1, 10 ** f['dec']) * UNITS[f['unit']] * margin
            ivs.append((iv[0] - u, iv[1] + u, f['id']))
        if ivs:
            lo = max(x[0] for x in ivs)
            hi = min(x[1] for x in ivs)
            if lo > hi:
                out.append(k)
    return out


def ident_violated(d, idt, margin=2):
    try:
        ok, _ = check_identity(idt, d.figs, margin_units=margin)
    except (ValueError, KeyError, ZeroDivisionError):
        return True
    return not ok


def wrong_amount(d, fid, check, min_rel=0.04):
    """find a new value for fid (fen) such that check() is True afterwards; returns (old_printed, new_printed)"""
    rng = d.rng
    f = d.figs[fid]
    v = int(f['val'])
    old = f['printed']
    used = all_printed(d)
    unitfen = max(1, UNITS[f['unit']] // (10 ** f['dec']))
    for attempt in range(80):
        mode = rng.choice(['transpose', 'digit', 'scale', 'scale'])
        cand = None
        digits = [i for i, ch in enumerate(old) if ch.isdigit()]
        if mode == 'transpose' and len(digits) >= 3:
            i = rng.randrange(len(digits) - 1)
            a, b = digits[i], digits[i + 1]
            if old[a] != old[b]:
                s = list(old)
                s[a], s[b] = s[b], s[a]
                try:
                    cand = int(Fraction(''.join(s).replace(',', '')) * UNITS[f['unit']])
                except ValueError:
                    cand = None
        elif mode == 'digit' and digits:
            s = list(old)
            i = rng.choice(digits[:max(1, len(digits) - 2)])
            s[i] = str((int(s[i]) + rng.randint(1, 8)) % 10)
            try:
                cand = int(Fraction(''.join(s).replace(',', '')) * UNITS[f['unit']])
            except ValueError:
                cand = None
        else:
            r = rng.uniform(0.05, 0.35) * rng.choice([1, -1])
            cand = int(v * (1 + r)) + rng.randint(0, 99) * unitfen
        if cand is None or cand <= 0:
            continue
        if abs(cand - v) < max(v * min_rel, 20 * unitfen, 50000):
            continue
        reprint(d, fid, cand)
        if f['printed'] == old or f['printed'] in used or f['printed'].lstrip('0') == '' or f['printed'].startswith('0.0') \
                or len(f['printed']) < 4:
            f['printed'] = old
            continue
        if check():
            return old, f['printed']
        f['printed'] = old
    return None


def wrong_pct(d, fid, check, cands_extra=()):
    rng = d.rng
    f = d.figs[fid]
    old = f['printed']
    v = Fraction(f['val']) * 100
    dec = f['dec']
    opts = list(cands_extra)
    for _ in range(60):
        m = rng.choice(['swap', 'shift', 'scale'])
        if m == 'swap':
            ds = [i for i, ch in enumerate(old) if ch.isdigit()]
            if len(ds) >= 2:
                i = rng.randrange(len(ds) - 1)
                s = list(old)
                s[ds[i]], s[ds[i + 1]] = s[ds[i + 1]], s[ds[i]]
                opts.append(''.join(s))
        elif m == 'shift':
            opts.append(fmt_pct(Fraction(f['val']) + Fraction(rng.choice([1, -1]) * rng.randint(3, 25), 100), dec))
        else:
            opts.append(fmt_pct(Fraction(f['val']) * Fraction(rng.randint(120, 190), 100), dec))
    for c in opts:
        if c == old or c.startswith('-') or c.lstrip('0.') == '':
            continue
        f['printed'] = c
        if check():
            return old, c
        f['printed'] = old
    return None


def table_of(d, fid):
    return d.figs[fid]['ctx']


def plant(d, cls):
    rng = d.rng
    used = used_fids(d)
    figs = d.figs
    ids = [i for i in d.idents if all(x in used for x in _fids(i))]
    for fx in figs.values():
        fx['live'] = fx['id'] in used
    text_ids = [i for i in ids if i.get('where') == 'text' or all(figs[x]['ctx'] == 'text' for x in _fids(i))]

    def done(where, stated, expected, note, fid=None, table=None, row=None, alt=()):
        d.defect_info = dict(cls=cls, where=where, stated=stated, expected=expected, note=note, fid=fid, table=table,
                             row=row, alt=list(alt))
        return True

    if cls in ('table-total', 'blank-total'):
        cands = [i for i in ids if i['k'] == 'sum' and i.get('where') == 'table' and not i.get('sg')
                 and len(i['parts']) >= 2 and fig_val(d, i['total']) > 0
                 and sum(1 for p in i['parts'] if fig_val(d, p) > 0) >= (2 if cls == 'table-total' else 1)]
        rng.shuffle(cands)
        for idt in cands:
            t = idt['total']
            if cls == 'blank-total':
                old = figs[t]['printed']
                figs[t]['printed'] = ''
                if ident_violated(d, idt, 0):
                    return done(d.shown_title(figs[t]['ctx']), '（空白）', old,
                                '“%s”行的合计数未填列，但其明细行有数据。' % figs[t]['row'], t, figs[t]['ctx'], figs[t]['row'],
                                alt=[figs[t]['ctx'], figs[t]['row']])
                figs[t]['printed'] = old
                continue
            r = wrong_amount(d, t, lambda: ident_violated(d, idt))
            if r:
                return done(r[1], r[1], r[0], '表中“%s”的合计数与各项之和不符。' % figs[t]['row'], t, figs[t]['ctx'],
                            figs[t]['row'])
        return False
    if cls == 'cross-table':
        kinds = ['jbzc', 'zc', 'sr', 'gpzc']
        rng.shuffle(kinds)
        for kind in kinds:
            tb = [b for b in d.blocks if b['t'] == 'table' and b['kind'] == kind]
            if not tb:
                continue
            title = tb[0]['title']
            tids = [i for i in ids if any(figs[x]['ctx'] == title for x in _fids(i))]
            if not tids or any(i['k'] != 'sum' or not i.get('tree') for i in tids):
                continue
            totals = {i['total'] for i in tids}
            leaves = [x for i in tids for x in i['parts'] if x not in totals and fig_val(d, x) > 0 and figs[x]['key']]
            if not leaves:
                continue
            tops = [x for x in totals if not any(x in i['parts'] for i in tids)]
            leaf = rng.choice(sorted(set(leaves)))
            tv = max(fig_val(d, t) for t in tops) if tops else fig_val(d, leaf)
            lv = fig_val(d, leaf)
            for attempt in range(10):
                delta = int(max(tv * rng.uniform(0.05, 0.15), 200000)) * rng.choice([1, -1])
                if lv + delta <= 0:
                    delta = abs(delta)
                deltas = {leaf: delta}
                for _ in range(8):
                    for i in tids:
                        s = sum(deltas.get(p, 0) for p in i['parts'])
                        if s:
                            deltas[i['total']] = s
                saved = {k: figs[k]['printed'] for k in deltas}
                for k, dv in deltas.items():
                    reprint(d, k, fig_val(d, k) + dv)
                top = max(tops, key=lambda t: fig_val(d, t)) if tops else leaf
                if all(not ident_violated(d, i, 0) for i in tids) and figs[top]['key'] in key_conflicts(d, 2):
                    return done(figs[top]['printed'], figs[top]['printed'], saved[top],
                                '%s中的%s与其他表格及说明中的同一数据不一致（表内已按错误数平衡）。' % (title, figs[top]['row']),
                                top, title, figs[top]['row'], alt=[figs[leaf]['printed']])
                for k, v in saved.items():
                    figs[k]['printed'] = v
        return False
    if cls == 'text-vs-table':
        tkeys = {f['key'] for f in figs.values() if f['ctx'] != 'text' and f['key'] and f['live']}
        cands = [f['id'] for f in figs.values() if f['ctx'] == 'text' and f['kind'] == 'amt' and f['key'] in tkeys
                 and int(f['val']) > 100000 and f['pre'].strip() and f['live']]
        nid = {c: sum(1 for i in ids if c in _fids(i)) for c in cands}
        cands.sort(key=lambda c: (nid[c], rng.random()))
        for c in cands[:6]:
            r = wrong_amount(d, c, lambda: figs[c]['key'] in key_conflicts(d, 2))
            if r:
                return done(where_of(d, c, True), r[1], r[0], '说明中“%s”的金额与表格数据不一致。' % figs[c]['pre'].strip(), c)
        return False
    if cls == 'share':
        cands = [i for i in ids if i['k'] == 'share' and figs[i['pct']]['ctx'] == 'text'
                 and 0 < Fraction(figs[i['pct']]['val']) < 1]
        rng.shuffle(cands)
        for idt in cands:
            r = wrong_pct(d, idt['pct'], lambda: ident_violated(d, idt))
            if r:
                wh = where_of(d, idt['num']) + '，' + where_of(d, idt['pct'])
                return done(wh, r[1] + '%', r[0] + '%', '占比与其金额和总额不符。', idt['pct'],
                            alt=[where_of(d, idt['pct'])])
        return False
    if cls == 'growth':
        cands = [i for i in ids if i['k'] == 'growth' and i.get('pct') and figs[i['pct']]['ctx'] == 'text'
                 and i.get('wpct')]
        rng.shuffle(cands)
        for idt in cands:
            extra = []
            if idt.get('chg'):   # the real-world error: divided by this year instead of last year
                extra.append(fmt_pct(Fraction(fig_val(d, idt['chg']), fig_val(d, idt['cur'])), figs[idt['pct']]['dec'])
                             if fig_val(d, idt['cur']) else '1')
            r = wrong_pct(d, idt['pct'], lambda: ident_violated(d, idt), extra)
            if r:
                w = figs[idt['wpct']]['printed']
                wh = w + r[1] + '%'
                alt = []
                if idt.get('chg') and idt.get('wchg'):
                    alt = [wh]
                    wh = figs[idt['wchg']]['printed'] + where_of(d, idt['chg']) + '，' + wh
                return done(wh, w + r[1] + '%', w + r[0] + '%', '增长率与前后两年数据不符。', idt['pct'], alt=alt)
        return False
    if cls == 'direction':
        cands = [i for i in ids if i['k'] == 'growth' and i.get('prev') and i.get('wchg') and i.get('wpct')
                 and figs[i['wchg']]['printed'] != '持平']
        rng.shuffle(cands)
        for idt in cands:
            w1, w2 = figs[idt['wchg']], figs[idt['wpct']]
            o1, o2 = w1['printed'], w2['printed']
            up = o1 == '增加'
            w1['printed'] = '减少' if up else '增加'
            w2['printed'] = (d.o['w_neg_pct'] if up else d.o['w_pos_pct'])
            dirid = [i for i in ids if i['k'] == 'direction' and i['w'] == idt['wchg']]
            if ident_violated(d, idt, 2) and all(ident_violated(d, x, 0) for x in dirid):
                c = figs[idt['chg']]
                return done(w1['printed'] + c['pre'] + c['printed'] + c['post'], w1['printed'], o1,
                            '数据实际%s，却表述为“%s”。' % ('增加' if up else '减少', w1['printed']), idt['wchg'],
                            alt=[w2['printed'] + figs[idt['pct']]['printed'] + '%'])
            w1['printed'], w2['printed'] = o1, o2
        return False
    if cls == 'breakdown':
        cands = [i for i in ids if i['k'] == 'sum' and i.get('list') and not i.get('sg') and len(i['parts']) >= 2
                 and fig_val(d, i['total']) > 0]
        rng.shuffle(cands)
        for idt in cands:
            ps = [p for p in idt['parts'] if fig_val(d, p) > 0]
            p = rng.choice(ps)
            r = wrong_amount(d, p, lambda: ident_violated(d, idt) and sum_over(d, idt))
            if r:
                return done(where_of(d, p, True), r[1], r[0], '句中所列各项之和超过所述总数。', p)
        return False
    if cls == 'sangong-sum':
        cands = [i for i in ids if i['k'] == 'sum' and i.get('sg')]
        cands.sort(key=lambda i: (-fig_val(d, i['total']), rng.random()))
        for idt in cands:
            t = idt['total']
            v = fig_val(d, t)
            if v == 0:
                continue
            r = wrong_amount(d, t, lambda: ident_violated(d, idt), min_rel=0.1)
            if r:
                inf = figs[t]
                if inf['ctx'] == 'text':
                    return done(where_of(d, t, True), r[1], r[0], '“三公”经费合计数不等于三项之和。', t)
                return done(r[1], r[1], r[0], '“三公”经费合计数不等于三项之和。', t, inf['ctx'], inf['row'])
        return False
    if cls == 'count':
        cands = [i for i in ids if (i['k'] == 'sum' and i.get('count')) or i['k'] == 'max']
        rng.shuffle(cands)
        for idt in cands:
            if idt['k'] == 'max':
                f = figs[idt['f']]
                old = f['printed']
                f['printed'] = str(rng.choice([105, 110, 120, 150, 200]))
                return done(where_of(d, idt['f']), f['printed'] + '%', old + '%', '满意度目标值超过100%，不可能实现。',
                            idt['f'], f['ctx'], f['row'])
            ps = idt['parts']
            p = rng.choice(ps)
            f = figs[p]
            old = f['printed']
            f['printed'] = str(int(old) + rng.randint(1, 3))
            if ident_violated(d, idt, 0):
                return done(where_of(d, p), f['printed'], old, '分项数量之和大于总数。', p)
            f['printed'] = old
        return False
    if cls == 'comparison-year':
        cands = [f for f in figs.values() if f['kind'] == 'year' and f['live']]
        if not cands:
            return False
        f = rng.choice(cands)
        old = f['printed']
        y = int(old)
        f['printed'] = str(rng.choice([y - 1, y - 2] if d.dtype == 'final' else [y - 1, y + 1]))
        return done(where_of(d, f['id']), f['printed'], old, '比较年份错误，应与%s年比较。' % old, f['id'])
    if cls == 'template-residue':
        mode = rng.choice(['word', 'reason', 'amount', 'reason2'])
        if mode == 'word':
            ws = [f for f in figs.values() if f['kind'] == 'word' and f['printed'] in ('增加', '减少') and f['live']]
            if ws:
                f = rng.choice(ws)
                old = f['printed']
                f['printed'] = rng.choice(['增加（减少）', '增加/减少'])
                return done(f['printed'], f['printed'], old, '模板占位“增加（减少）”未按实际情况改写。', f['id'])
        if mode in ('reason', 'reason2'):
            rs = [f for f in figs.values() if f['kind'] == 'reason' and f['pre'] in ('主要原因是', '主要原因：', '变动原因：')
                  and f['live']]
            if rs:
                f = rng.choice(rs)
                old = f['printed']
                f['printed'] = '……' if mode == 'reason' else '（请说明增减变化的具体原因）'
                return done(f['pre'] + f['printed'], f['printed'], old, '变动原因未填写，保留了模板文字。', f['id'])
        am = [f for f in figs.values() if f['kind'] == 'amt' and f['ctx'] == 'text' and f['pre'].strip() and f['live']]
        f = rng.choice(am)
        old = f['printed']
        f['printed'] = 'XX'
        return done(where_of(d, f['id'], True), 'XX', old, '金额处保留了模板占位符“XX”。', f['id'])
    if cls == 'missing-part':
        kinds = ['sg', 'gf', 'gz', 'jbzc', 'czzb', 'sr']
        rng.shuffle(kinds)
        for k in kinds:
            tb = [b for b in d.blocks if b['t'] == 'table' and b['kind'] == k]
            if tb:
                d.blocks.remove(tb[0])
                return done(tb[0]['title'], '（缺）', tb[0]['title'], '目录列出的“%s”在正文中缺失。' % tb[0]['title'],
                            table=tb[0]['title'])
        return False
    if cls == 'doc-type':
        B = d.dtype == 'budget'
        tabs = [b for b in d.blocks if b['t'] == 'table' and b['kind'] in ('zc', 'gpzc', 'jbzc', 'sr', 'sg', 'czzb')]
        mode = rng.choice(['table', 'heading'])
        if mode == 'heading':
            hs = [b for b in d.blocks if b['t'] == 'h1' and ('决算情况说明' in b['text'] or '预算情况说明' in b['text'])]
            if hs:
                b = hs[0]
                old = b['text']
                b['text'] = old.replace('部门预算情况说明', '部门决算情况说明') if B else old.replace('部门决算情况说明', '部门预算情况说明')
                new = b['text'].split(' ', 1)[-1].split('　', 1)[-1].split('：', 1)[-1]
                return done(new, b['text'], old, '%s文件中的章节标题写成了“%s”。' % ('预算' if B else '决算', '决算' if B else '预算'))
        b = rng.choice(tabs)
        old = b['title']
        if B:
            new = old.replace('总表', '决算总表') if old.endswith('总表') else old[:-1] + '决算表'
        else:
            new = old.replace('决算总表', '预算总表').replace('决算明细表', '预算明细表').replace('决算表', '预算表')
        b['title'] = new
        if b.get('shown_title'):
            b['shown_title'] = b['shown_title'].replace(old, new)
        for fx in figs.values():
            if fx['ctx'] == old:
                fx['ctx'] = new
        return done(new, new, old, '%s文件的表格标题写成了“%s表”。' % ('预算' if B else '决算', '决算' if B else '预算'),
                    table=new)
    raise ValueError(cls)


def sum_over(d, idt):
    """parts exceed the total (unambiguous for a 主要包括 list)"""
    t = interval(d.figs[idt['total']])
    lo = sum(interval(d.figs[p])[0] for p in idt['parts'])
    return lo > t[1]


def _fids(i):
    out = []
    for k, v in i.items():
        if k in ('k', 'where', 'tree', 'list', 'sg', 'count', 'max', 'expected'):
            continue
        if isinstance(v, list):
            out += v
        elif isinstance(v, str) and v.startswith('F'):
            out.append(v)
    return out


def shown_title(d, title):
    for b in d.blocks:
        if b['t'] == 'table' and b['title'] == title:
            return b['title']
    return title


Doc.shown_title = shown_title


# ===================================================================== records
def used_fids(d):
    used = set()
    for b in d.blocks:
        if b['t'] == 'table':
            for r in b['rows']:
                for c in r:
                    if isinstance(c, tuple) and c[0] in ('F',):
                        used.add(c[1])
                    elif isinstance(c, tuple) and c[0] == 'T':
                        used.add(c[2])
        elif 'text' in b:
            used.update(PH.findall(b['text']))
    return used


def records(d):
    used = used_fids(d)
    figs = {k: v for k, v in d.figs.items() if k in used}
    ids = [i for i in d.idents if all(x in used for x in _fids(i))]
    titles = []
    for b in d.blocks:
        if b['t'] == 'table' and b.get('role') == 'table':
            titles.append(dict(text=b['title'], role='table'))
        elif b['t'] == 'h1':
            titles.append(dict(text=b['text'], role='part'))
        elif b['t'] == 'title':
            titles.append(dict(text=b['text'], role='cover'))
    rendered_tables = [b['title'] for b in d.blocks if b['t'] == 'table']
    return dict(doc_type=d.dtype, year=d.Y, department=d.f['dept'], figures=figs, identities=ids, titles=titles,
                mandatory=d.mandatory, rendered_tables=rendered_tables, residue_patterns=RESIDUE_PATTERNS)


def self_check(rec):
    """returns list of violations (same logic as verify3 minus the rendered-text checks)"""
    import verify3
    return verify3.check_records(rec)


def make_one(seed, idx, dtype, year, cls):
    for attempt in range(40):
        rng = random.Random(seed * 1000003 + idx * 7919 + attempt * 31)
        d = build_doc(rng, dtype, year, cls)
        if cls in BUILD_TIME:
            if d.defect_info is None:
                continue
        elif cls:
            if not plant(d, cls):
                continue
        rec = records(d)
        v = self_check(rec)
        if cls is None and v:
            print('WARN correct doc has violations, retrying', idx, v[:3], file=sys.stderr)
            continue
        if cls and not v:
            print('WARN defect not detectable, retrying', idx, cls, file=sys.stderr)
            continue
        return d, rec
    raise RuntimeError('could not build doc %d %s' % (idx, cls))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    fmts = [x.strip() for x in a.formats.split(',') if x.strip()]
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    rng = random.Random(a.seed)
    total = a.count * len(fmts)
    order = CLASSES[:]
    rng.shuffle(order)
    # about a third correct, the rest defective; classes in a seeded rotation
    slots = []
    k = 0
    for i in range(total):
        if i % 3 == 1:
            slots.append(None)
        else:
            slots.append(order[k % len(order)])
            k += 1
            if k % len(order) == 0:
                rng.shuffle(order)
    rng.shuffle(slots)
    manifest = []
    gi = 0
    for fmt in fmts:
        for j in range(a.count):
            dtype = 'budget' if j % 2 == 0 else 'final'
            year = rng.choice([2021, 2022, 2023, 2024, 2025]) if dtype == 'budget' else rng.choice([2020, 2021, 2022, 2023, 2024])
            cls = slots[gi]
            d, rec = make_one(a.seed, gi, dtype, year, cls)
            gi += 1
            name = 'g3_%d_%02d_%s.%s' % (a.seed, j, dtype, fmt)
            path = os.path.join(a.outdir, name)
            getattr(render3, 'to_' + fmt)(d, path)
            di = d.defect_info
            defect = None
            if cls:
                defect = {'class': cls, 'where': di['where'], 'alt': [x for x in di.get('alt', []) if x and len(x) >= 2],
                          'stated': di.get('stated'), 'expected': di.get('expected'), 'note': di.get('note')}
                if di.get('table'):
                    defect['table'] = di['table']
                if di.get('row'):
                    defect['row'] = di['row']
            opts = {k: v for k, v in d.o.items() if v is not None}
            manifest.append({'file': name, 'format': fmt, 'doc_type': dtype, 'department': d.f['dept'], 'year': year,
                             'options': opts, 'defect': defect})
            rec['file'] = name
            rec['format'] = fmt
            rec['defect'] = defect
            with open(os.path.join(a.outdir, '_internal', name + '.json'), 'w', encoding='utf-8') as fh:
                json.dump(rec, fh, ensure_ascii=False, indent=0)
            print('wrote', name, cls or 'correct')
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)


if __name__ == '__main__':
    main()
