#!/usr/bin/env python3
"""Independent arithmetic self-check of generated documents (reads OUTDIR.verify/*.json dumps).

Usage: python3 verify_generated.py OUTDIR      -> prints problems; clean documents must show none.
"""
import json
import os
import re
import sys
from decimal import ROUND_HALF_UP, Decimal

AMT = re.compile(r'(\d[\d,]*(?:\.\d+)?)万元')


def num(s):
    s = (s or '').replace(',', '').strip()
    if not s:
        return Decimal(0)
    return Decimal(s)


def cents(s, unit):
    v = num(s)
    if unit == '元':
        q = v / 100
        assert q == q.to_integral_value(), s
        return int(q)
    return int(v * 100)


def rnd(x, dec):
    return x.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def check_tables(d, P):
    vals = {}

    def cell(t, r, j):
        return cents(t['rows'][r][j], t['unit'] if t['key'] != 'perf' else '万元')

    for t in d['tables']:
        rows = t['rows']
        hdr0 = t['header'][0]
        if hdr0[0] == '科目编码':
            nc = len(hdr0)
            codes = {}
            tot = None
            for k, r in enumerate(rows):
                if r[0].isdigit():
                    codes[r[0]] = k
                elif r[1] == '合计':
                    tot = k
            for j in range(2, nc):
                for c, k in codes.items():
                    kids = [kk for cc, kk in codes.items() if len(cc) == len(c) + 2 and cc.startswith(c)]
                    if kids:
                        s = sum(cell(t, kk, j) for kk in kids)
                        if s != cell(t, k, j):
                            P.append(f'{t["title"]}: row {c} col {j} {rows[k][j]} != sum of children {s}')
                if tot is not None and codes:
                    s = sum(cell(t, k, j) for c, k in codes.items() if len(c) == 3)
                    if s != cell(t, tot, j):
                        P.append(f'{t["title"]}: 合计 col {j} {rows[tot][j]} != sum {s}')
            rel = None
            key = t['key']
            if d['doc_type'] == 'budget':
                rel = {'exp': [(2, [3, 4])], 'gpb': [(2, [3, 6]), (3, [4, 5])], 'basic': [(2, [3, 4])],
                       'gf': [(2, [3, 4])]}.get(key)
            else:
                rel = {'exp': [(2, [3, 4, 5, 6, 7])], 'income': [(2, [3, 4, 5, 6, 7, 8])], 'gpb': [(3, [4, 5])],
                       'basic': [(2, [3, 4])]}.get(key)
            for k, r in enumerate(rows):
                if not (r[0].isdigit() or r[1] == '合计'):
                    continue
                for a, bs in rel or []:
                    if cell(t, k, a) != sum(cell(t, k, b) for b in bs):
                        P.append(f'{t["title"]}: row {r[1]} col{a} != sum cols {bs}')
            if tot is not None:
                vals[key] = [cell(t, tot, j) if j >= 2 else None for j in range(nc)]
        if hdr0[0] == '单位编码':
            tot = [k for k, r in enumerate(rows) if r[1] == '合计'][0]
            for j in range(2, 8):
                s = sum(cell(t, k, j) for k, r in enumerate(rows) if k != tot)
                if s != cell(t, tot, j):
                    P.append(f'{t["title"]}: 合计 col {j} != sum of units')
            for k, r in enumerate(rows):
                if cell(t, k, 2) != sum(cell(t, k, j) for j in range(3, 8)):
                    P.append(f'{t["title"]}: row {r[1]} 合计 != sum of sources')
            vals['income'] = [None, None, cell(t, tot, 2), None, cell(t, tot, 4)]
        if t['key'] in ('summary', 'fiscal'):
            h2 = t['header'][1]
            rj = h2.index('项目', 1)
            left = [(r[0], r[1:rj]) for r in rows if r[0]]
            right = [(r[rj], r[rj + 1:]) for r in rows if r[rj]]
            def side(items, subtotal, total, numbered, extras, valcol, t=t):
                m = {lab: it for lab, it in items}

                def val_of(lab):
                    return cents(m[lab][valcol], t['unit'])

                parts = [val_of(lab) for lab, it in items if re.match(numbered, lab)]
                if sum(parts) != val_of(subtotal):
                    P.append(f'{t["title"]}: {subtotal} {val_of(subtotal)} != sum {sum(parts)}')
                ex = sum(val_of(e) for e in extras if e in m)
                if val_of(subtotal) + ex != val_of(total):
                    P.append(f'{t["title"]}: {total} != {subtotal} + {extras}')
                return val_of(total), val_of(subtotal)
            lvc = len(left[0][1]) - 1
            rvc = 1 if d['doc_type'] == 'final' else 0
            if t['key'] == 'summary':
                ti, si = side(left, '本年收入合计', '收入总计', r'^[一二三四五六七八九十]+、', ['上年结转', '使用非财政拨款结余', '年初结转和结余'], lvc)
                to, so = side(right, '本年支出合计', '支出总计', r'^[一二三四五六七八九十]+、', ['结转下年', '结余分配', '年末结转和结余'], rvc)
                vals['summary'] = dict(inc_total=si, total=ti, exp_total=so)
            else:
                if d['doc_type'] == 'budget':
                    ti, si = side(left, '一、本年收入', '收入总计', r'^（[一二三四五六七八九十]+）', ['二、上年结转'], lvc)
                    to, so = side(right, '一、本年支出', '支出总计', r'^（[一二三四五六七八九十]+）', ['二、结转下年'], rvc)
                    m = {lab: it for lab, it in right}
                    vals['fiscal'] = dict(gpb=cents(m['一、本年支出'][1], t['unit']), total=ti)
                else:
                    ti, si = side(left, '本年收入合计', '收入总计', r'^[一二三四五六七八九十]+、', ['年初财政拨款结转和结余'], lvc)
                    to, so = side(right, '本年支出合计', '支出总计', r'^[一二三四五六七八九十]+、', ['年末财政拨款结转和结余'], rvc)
                    m = {lab: it for lab, it in right}
                    vals['fiscal'] = dict(gpb=cents(m['本年支出合计'][2], t['unit']), total=ti)
            if ti != to:
                P.append(f'{t["title"]}: 收入总计 {ti} != 支出总计 {to}')
        if t['key'] == 'sangong':
            for j in (1, 2):
                v = [cents(r[j], t['unit']) for r in rows]
                if v[0] != v[1] + v[2] + v[5]:
                    P.append(f'{t["title"]}: 合计 != parts col {j}')
                if v[2] != v[3] + v[4]:
                    P.append(f'{t["title"]}: 用车 != 购置+运维 col {j}')
            vals['sangong'] = [cents(r[2], t['unit']) for r in rows]
        if t['key'] == 'perf':
            v = {r[1]: cents(r[2], '万元') for r in rows[:5]}
            if v['部门预算总额'] != v['2、资金结构：（1）基本支出'] + v['（2）项目支出']:
                P.append('perf: 总额 != 基本 + 项目')
            if v['部门预算总额'] != v['1、资金来源：（1）财政性资金'] + v['（2）其他资金']:
                P.append('perf: 总额 != sources')
            vals['perf'] = v
    # cross-table
    try:
        s = vals['summary']
        if s['inc_total'] != vals['income'][2]:
            P.append(f'cross: summary 本年收入合计 {s["inc_total"]} != income table {vals["income"][2]}')
        if s['exp_total'] != vals['exp'][2]:
            P.append('cross: summary 本年支出合计 != exp table')
        if vals['exp'][3] != vals['basic'][2]:
            P.append(f'cross: exp 基本支出 {vals["exp"][3]} != basic table {vals["basic"][2]}')
        gcol = 2 if d['doc_type'] == 'budget' else 3
        if vals['gpb'][gcol] != vals['fiscal']['gpb']:
            P.append('cross: gpb table total != fiscal table 一般公共预算')
        bcol = 3 if d['doc_type'] == 'budget' else 4
        if vals['gpb'][bcol] != vals['basic'][2]:
            P.append('cross: gpb 基本 != basic table')
        if d['doc_type'] == 'budget':
            if vals['gpb'][4] != vals['basic'][3] or vals['gpb'][5] != vals['basic'][4]:
                P.append('cross: gpb 人员/公用 != basic table')
            if vals['perf']['部门预算总额'] != vals['exp'][2] or vals['perf']['2、资金结构：（1）基本支出'] != vals['exp'][3]:
                P.append('cross: perf table != exp table')
            if vals['income'][4] != vals['fiscal']['gpb']:
                P.append('cross: income table 一般公共预算拨款 != fiscal')
    except KeyError as e:
        P.append(f'missing table values {e}')
    return vals


def amounts(s):
    return [Decimal(x.replace(',', '')) for x in AMT.findall(s)]


def check_text(d, vals, P):
    paras = d['paras']
    text = '\n'.join(paras)
    exp_total = None
    m = re.search(r'本年支出合计(\d[\d,]*\.\d+)万元，其中', text)
    if m:
        exp_total = Decimal(m.group(1).replace(',', ''))
    for para in paras:
        sents = para.split('。')
        prev_first = None
        for s in sents:
            am = amounts(s)
            # growth
            for g in re.finditer(r'(增加|减少)(\d[\d,]*\.\d+)万元，(增长|下降)(\d+(?:\.\d+)?)%', s):
                delta = Decimal(g.group(2).replace(',', ''))
                if (g.group(1) == '增加') != (g.group(3) == '增长'):
                    P.append(f'direction words disagree: {g.group(0)}')
                sign = 1 if g.group(1) == '增加' else -1
                rate = Decimal(g.group(4))
                dec = len(g.group(4).split('.')[1]) if '.' in g.group(4) else 0
                ml = re.search(r'比\d{4}年(?:预算|度决算|度)?(\d[\d,]*\.\d+)万元' + re.escape(g.group(0)), s)
                pre = s[:g.start()]
                this_am = amounts(pre)
                if ml:
                    last = Decimal(ml.group(1).replace(',', ''))
                    this = amounts(s)[0]
                    if this - last != sign * delta:
                        P.append(f'change/direction mismatch: this {this} last {last} stated {g.group(0)}')
                else:
                    this = this_am[0] if this_am else prev_first
                    last = this - sign * delta
                if last <= 0:
                    P.append(f'zero/negative base: {g.group(0)}')
                    continue
                exp = rnd(delta / last * 100, dec)
                if exp != rate:
                    P.append(f'growth mismatch: {g.group(0)} expected {exp} (this {this}, last {last}) in: {s[:60]}')
            # shares
            for sh in re.finditer(r'(\d[\d,]*\.\d+)万元，占([^%0-9]*?)(\d+(?:\.\d+)?)%', s):
                part = Decimal(sh.group(1).replace(',', ''))
                rate = Decimal(sh.group(3))
                dec = len(sh.group(3).split('.')[1]) if '.' in sh.group(3) else 0
                if '本年支出合计' in sh.group(2):
                    tot = exp_total
                elif '中小企业' in sh.group(2) and '总额' not in sh.group(2):
                    tot = amounts(s[:sh.start()])[-1]
                else:
                    tot = amounts(para)[0]
                exp = rnd(part / tot * 100, dec) if tot else Decimal(0)
                if exp != rate:
                    P.append(f'share mismatch: {sh.group(0)} expected {exp} of {tot}')
            # completion
            for c in re.finditer(r'年初预算为(\d[\d,]*\.\d+)万元，支出决算为(\d[\d,]*\.\d+)万元，完成年初预算的(\d+(?:\.\d+)?)%', s):
                a, b, r = [Decimal(x.replace(',', '')) for x in c.groups()]
                dec = len(c.group(3).split('.')[1]) if '.' in c.group(3) else 0
                if rnd(b / a * 100, dec) != r:
                    P.append(f'completion mismatch {c.group(0)}')
            # 其中 lists (amounts)
            if '其中：' in s:
                pre, post = s.split('其中：', 1)
                if pre.endswith('（'):
                    post = post.split('）')[0]
                pa = amounts(pre)
                po = amounts(post.split('占')[0] if False else post)
                # drop amounts that follow '占' shares? shares are %, not 万元
                if pa and len(po) >= 2:
                    if sum(po) != pa[-1]:
                        P.append(f'其中 sum mismatch: total {pa[-1]} parts {sum(po)} in: {s[:50]}')
                elif pa and len(po) == 1 and po[0] > pa[-1]:
                    P.append(f'其中 subset exceeds total in: {s[:50]}')
            # counts
            mv = re.search(r'共有车辆(\d+)辆，其中：(.*)', s)
            if mv:
                parts = [int(x) for x in re.findall(r'(\d+)辆', mv.group(2))]
                if sum(parts) != int(mv.group(1)):
                    P.append(f'vehicle count mismatch: {mv.group(0)[:60]}')
            mo = re.search(r'内设(\d+)个职能科室，分别是：(.*)', s)
            if mo and len(mo.group(2).split('、')) != int(mo.group(1)):
                P.append('office count mismatch')
            if am:
                prev_first = am[0]
    Y = d['year']
    for y in re.findall(r'与(\d{4})年', text):
        if int(y) != Y - 1:
            P.append(f'comparison year {y}')
    for bad in ['增加（减少）', '增长（下降）', '请根据实际情况']:
        if bad in text:
            P.append(f'residue {bad}')
    other = '决算' if d['doc_type'] == 'budget' else '预算情况说明'
    for para in paras:
        if re.match(r'^[一二三四五六七八九十]+、', para) and other in para and para.endswith('情况说明'):
            P.append(f'doc-type heading: {para}')
    for key in ['三公', '政府采购']:
        if not any(key in p and re.match(r'^[（(]?[一二三四五六七八九十]+[）)、]', p) and p.endswith('情况说明') or
                   (key in p and p.endswith('支出情况') and p.startswith('（')) for p in paras):
            P.append(f'missing section {key}')
    # text vs tables
    try:
        m = re.search(r'收入总计(\d[\d,]*\.\d+)万元', text)
        if int(Decimal(m.group(1).replace(',', '')) * 100) != vals['summary']['total']:
            P.append('text 收入总计 != table')
        m = re.search(r'“三公”经费(?:预算|支出决算)(\d[\d,]*\.\d+)万元', text)
        if m:
            st = int(Decimal(m.group(1).replace(',', '')) * 100)
            if st != vals['sangong'][0]:
                P.append('text 三公 total != table')
            parts = re.findall(r'(?:1\.因公出国（境）费|2\.公务用车购置及运行维护费|3\.公务接待费)(?:预算|支出)(\d[\d,]*\.\d+)万元', text)
            if sum(int(Decimal(x.replace(',', '')) * 100) for x in parts) != st:
                P.append('text 三公 total != sum of parts')
        m = re.search(r'机关运行经费(?:预算|支出)(\d[\d,]*\.\d+)万元', text)
        if m and int(Decimal(m.group(1).replace(',', '')) * 100) > vals['basic'][4]:
            P.append('机关运行经费 > 公用经费')
        m = re.search(r'人员经费(\d[\d,]*\.\d+)万元，其中', text)
        if int(Decimal(m.group(1).replace(',', '')) * 100) != vals['basic'][3]:
            P.append('text 人员经费 != basic table')
    except (KeyError, AttributeError, TypeError) as e:
        P.append(f'text-vs-table check failed {e!r}')


def main():
    out = sys.argv[1]
    vdir = os.path.normpath(out) + '.verify'
    man = json.load(open(os.path.join(out, 'manifest.json'), encoding='utf-8'))
    bad_clean = 0
    undetected = 0
    for rec in man:
        d = json.load(open(os.path.join(vdir, rec['file'] + '.json'), encoding='utf-8'))
        P = []
        vals = check_tables(d, P)
        check_text(d, vals, P)
        cls = rec['defect']['class'] if rec['defect'] else None
        if cls is None:
            if P:
                bad_clean += 1
            print(f'{"OK  " if not P else "BAD "} clean  {rec["file"]}: {P}')
        else:
            if not P:
                undetected += 1
            print(f'{"det " if P else "MISS"} {cls:16s} {rec["file"]}: {P[:3]}')
    print(f'clean docs with problems: {bad_clean}; defect docs with nothing detected by self-check: {undetected}')
    sys.exit(1 if bad_clean else 0)


if __name__ == '__main__':
    main()
