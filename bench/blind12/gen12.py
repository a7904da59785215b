#!/usr/bin/env python3
"""gen12: synthetic 部门预算 / 部门决算 whose numeric statements are phrased every way departments write them.

python3 gen12.py --seed N --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from defects12 import CLASSES, plant  # noqa: E402
from model12 import build, rng_for  # noqa: E402
from render12 import RENDER  # noqa: E402
from sections12 import build_text  # noqa: E402
from tables12 import build_tables  # noqa: E402

SECTIONS = ['total', 'income', 'exp', 'fiscal', 'gp', 'basic', 'sg', 'jg', 'cg', 'perf']


def draw_options(seed, fmt, slot):
    r = rng_for('gen12-opts', seed, fmt, slot)
    P = lambda p: r.random() < p  # noqa: E731
    o = dict(
        to_phrasing=P(0.6), pct_first=P(0.5), ratio_phrase=P(0.5), times_phrase=P(0.55), flat_item=P(0.5),
        near_flat=P(0.35), fenbie_amounts=P(0.7), fenbie_changes=P(0.5), fenbie_pcts=P(0.5), fenbie_shares=P(0.6),
        yi_total=P(0.55), mixed_yi_wan=P(0.4), approx=P(0.45), named_base=P(0.7), pp_phrase=P(0.55),
        sum_sentence=P(0.7), qizhong_heji=P(0.5), bracket_sub=P(0.7), completion_adjusted=P(0.6),
        cn_counts=P(0.6), wan_thousands=P(0.45),
        abroad=P(0.4), fund=P(0.4), nonfiscal=P(0.6), carbuy=P(0.5),
    )
    o['share_dec'] = r.choice([0, 1, 2, 2])
    o['growth_dec'] = r.choice([1, 2, 2])
    o['zero_style'] = r.choice(['0.00', '0', '无'])
    o['fullwidth'] = r.choice(SECTIONS) if P(0.3) else ''
    o['spaced'] = r.choice(SECTIONS) if P(0.3) else ''
    o['yuan_text'] = r.choice(['sg', 'jg', 'cg']) if P(0.25) else ''
    o['table_unit'] = r.choice(['万元', '万元', '元', '千元'])
    o['qian_dec'] = r.choice([0, 1])
    o['table_sep'] = P(0.5)
    o['zero_cell'] = r.choice(['', '0.00'])
    o['title_num'] = r.choice(['cn', 'biao', 'year'])
    o['tables_pos'] = r.choice(['mid', 'end'])
    o['txt_table'] = r.choice(['tsv', 'pipe', 'cells'])
    o['html_caption'] = P(0.5)
    o['docx_heads'] = P(0.5)
    o['xlsx_layout'] = r.choice(['sheets', 'one'])
    o['xlsx_numeric'] = P(0.5)
    o['pdf_newpage'] = P(0.5)
    return o


def make_doc(seed, fmt, slot, cls_order, ci):
    doc_type = 'budget' if slot % 2 == 0 else 'final'
    opts = draw_options(seed, fmt, slot)
    m = build(seed, f'{fmt}{slot}', doc_type, opts)
    tkey = ('gen12-text', seed, fmt, slot)
    blocks, tb = build_text(m, opts, {}, rng_for(*tkey))
    tables = build_tables(m, opts, {})
    ov, info, cls = {}, None, None
    if slot % 3 != 0:
        # the queue keeps a class that this document cannot carry at its head, for the next defect slot
        for k, c in enumerate(list(ci)):
            res = plant(c, tb.claims, tb.groups, tables, m['F'], rng_for('gen12-defect', seed, fmt, slot, c))
            if res:
                ov, info = res
                cls = c
                del ci[k]
                ci.append(c)
                break
        if ov:
            blocks, tb = build_text(m, opts, ov, rng_for(*tkey))
            tables = build_tables(m, opts, ov)
    return m, opts, blocks, tb, tables, ov, info, cls, ci


def defect_record(info, cls, tb, tables):
    by = {c['id']: c for c in tb.claims}
    if info['role'] == 'cell':
        for t in tables:
            for r in t.rows:
                for x in r:
                    if isinstance(x, dict) and x['id'] == info['cid']:
                        return dict(**{'class': cls}, where=x['v'], alt=[x['s']] if x['s'] != x['v'] else [],
                                    stated=x['v'], expected=info['expected'], table=info['table'], row=info['row'],
                                    note=f"{info['table']}「{info['row']}」{info['col']}印{x['s']}，与其各分项之和不符（应为{info['expected']}）")
    c = by[info['cid']]
    rec = c['n'][info['role']]
    alt = [c['sent']] if c.get('sent') and c['sent'] != c['clause'] else []
    if info.get('sum'):
        sc = by[info['sum']]
        if sc['clause'] not in alt and sc['clause'] != c['clause']:
            alt.append(sc['clause'])
    notes = {
        'fenbie-swap': '“分别”所列两项金额与表中顺序对调',
        'to-level': '“增加到/下降至”所述新水平与表中本年数不符',
        'by-change': '所述增减额与本年数、上年数之差不符',
        'ratio-of-prior': '“是上年的Y%”比例与本年数/上年数不符',
        'times-growth': '“增长N倍”与本年数、上年数不符',
        'share-named-base': '占指定基数的比重计算错误',
        'yi-unit': '以亿元表述的总额与万元表中合计不符',
        'sum-sentence': '分项之和与所述合计不符',
        'pp-change': '所述百分点变化与前后两个占比之差不符',
        'growth-pct': '增长率与本年数、上年数不符',
        'direction-word': '增减方向词与本年数、上年数的变化方向相反',
        'completion-rate': '完成预算比例计算错误',
        'bracket-subitems': '括号内“其中”分项之和与该项金额不符',
    }
    stated = rec['v'] if not info.get('sign') else ('减少' if c['sign'] < 0 else '增加')
    expected = info['expected'] if not info.get('sign') else ('增加' if c['sign'] < 0 else '减少')
    return dict(**{'class': cls}, where=c['clause'], alt=alt, stated=stated, expected=expected,
                note=f"{notes[cls]}：{c['clause']}（应为{expected}）")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--seed', type=int, required=True)
    ap.add_argument('--count', type=int, default=6)
    ap.add_argument('--formats', default='txt,html,docx,xlsx,pdf')
    ap.add_argument('outdir')
    a = ap.parse_args()
    os.makedirs(os.path.join(a.outdir, '_internal'), exist_ok=True)
    k = a.seed % len(CLASSES)
    order = CLASSES[k:] + CLASSES[:k]
    ci = list(order)
    man = []
    for fmt in a.formats.split(','):
        for slot in range(a.count):
            m, opts, blocks, tb, tables, ov, info, cls, ci = make_doc(a.seed, fmt, slot, order, ci)
            kind = '决算' if m['doc_type'] == 'final' else '预算'
            title = f"{m['dept']}{m['year']}年度部门{kind}" if kind == '决算' else f"{m['dept']}{m['year']}年部门预算"
            name = f"g12_{a.seed}_{slot:02d}_{m['doc_type']}.{fmt}"
            doc = dict(title=title, dept=m['dept'], year=m['year'], kind=kind, opts=opts, blocks=blocks,
                       tables=[t.to_json() for t in tables])
            with open(os.path.join(a.outdir, name), 'wb') as f:
                f.write(RENDER[fmt](doc))
            defect = defect_record(info, cls, tb, tables) if info else None
            man.append(dict(file=name, format=fmt, doc_type=m['doc_type'], department=m['dept'], year=m['year'],
                            options=opts, defect=defect))
            internal = dict(file=name, format=fmt, title=title, doc_type=m['doc_type'], dept=m['dept'], year=m['year'],
                            options=opts, facts=m['F'], prior=m['P'], counts=m['counts'],
                            leaves=m['leaves'], claims=tb.claims, groups=tb.groups, tables=doc['tables'],
                            blocks=blocks, overrides=ov, planted=(dict(info, **{'class': cls}) if info else None),
                            defect=defect)
            with open(os.path.join(a.outdir, '_internal', name + '.json'), 'w', encoding='utf-8') as f:
                json.dump(internal, f, ensure_ascii=False, indent=1, sort_keys=True, default=str)
    with open(os.path.join(a.outdir, 'manifest.json'), 'w', encoding='utf-8') as f:
        json.dump(man, f, ensure_ascii=False, indent=1)
    print(f'{len(man)} files in {a.outdir}')


if __name__ == '__main__':
    main()
