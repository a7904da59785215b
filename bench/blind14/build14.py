"""Quantities of a facts model and the budget tables built from them.

`Q` computes every keyed quantity (whole 元, counts) once; the table builders print them as
figures and register the identities each table carries (column sums of the 类/款/项 tree, row
sums, 2026 − 2025 changes and rates, 三公 and 政府采购 sums).
"""
from __future__ import annotations

import random
from fractions import Fraction
from typing import Any

from doc14 import Doc, Fig, Table, fmt_number
from facts14 import CLASS_NAMES, ECON_CLASSES, ECON_NAMES, KUAN_NAMES, XIANG_NAMES, leaf_table

Y, P = 2026, 2025
INC_ITEMS = [('gp', '一般公共预算拨款收入'), ('gf', '政府性基金预算拨款收入'), ('soe', '国有资本经营预算拨款收入'),
             ('zh', '财政专户管理资金收入'), ('sy', '事业收入'), ('jy', '事业单位经营收入'),
             ('sj', '上级补助收入'), ('fs', '附属单位上缴收入'), ('qt', '其他收入')]
CN_NUM = '一二三四五六七八九十'


def cn(n: int) -> str:
    """1 → 一 … 99 (enough for headings and table numbering)."""
    if n <= 10:
        return CN_NUM[n - 1]
    if n < 20:
        return '十' + CN_NUM[n - 11]
    t, u = divmod(n, 10)
    return CN_NUM[t - 1] + '十' + (CN_NUM[u - 1] if u else '')


def code_name(code: str) -> str:
    return {3: CLASS_NAMES, 5: KUAN_NAMES, 7: XIANG_NAMES}[len(code)][code]


class Q:
    """All keyed quantities of one facts model (generator side; verify14 has its own)."""

    def __init__(self, f: dict[str, Any]) -> None:
        self.f = f
        self.v: dict[str, int] = {}
        self.leaves = leaf_table(f)
        v = self.v
        for year, suf in ((Y, ''), (P, '25')):
            for code, r in self.leaves.items():
                parts = {('gp', 'b'): r['gp_b' + suf], ('gp', 'p'): r['gp_p' + suf],
                         ('gf', 'b'): 0, ('gf', 'p'): r['gf_p' + suf],
                         ('soe', 'b'): 0, ('soe', 'p'): 0,
                         ('nf', 'b'): r['nf_b' + suf], ('nf', 'p'): 0}
                scopes = {'gp': ['gp'], 'gf': ['gf'], 'soe': ['soe'], 'fis': ['gp', 'gf', 'soe'],
                          'all': ['gp', 'gf', 'soe', 'nf']}
                for scope, srcs in scopes.items():
                    b = sum(parts[(s, 'b')] for s in srcs)
                    p = sum(parts[(s, 'p')] for s in srcs)
                    for c in ('T', code[:3], code[:5], code):
                        for part, val in (('b', b), ('p', p), ('tot', b + p)):
                            k = f'exp.{scope}.{c}.{part}@{year}'
                            v[k] = v.get(k, 0) + val
            for scope in ('gp', 'gf', 'soe', 'fis', 'all'):
                for part in ('b', 'p', 'tot'):
                    v.setdefault(f'exp.{scope}.T.{part}@{year}', 0)
        units = f['units']
        nf26 = {k: sum(u['nf_income'][k] for u in units) for k in ('sy', 'qt', 'zh', 'jz')}
        for year, nf in ((Y, nf26), (P, f['nf_income25'])):
            inc = dict(gp=v[f'exp.gp.T.tot@{year}'], gf=v[f'exp.gf.T.tot@{year}'], soe=0,
                       zh=nf['zh'], sy=nf['sy'], jy=0, sj=0, fs=0, qt=nf['qt'])
            for k, val in inc.items():
                v[f'inc.{k}@{year}'] = val
            v[f'inc.total@{year}'] = sum(inc.values())
            v[f'inc.jz@{year}'] = nf['jz']
            v[f'inc.grand@{year}'] = v[f'inc.total@{year}'] + nf['jz']
            v[f'inc.fis@{year}'] = inc['gp'] + inc['gf'] + inc['soe']
            v[f'exp.total@{year}'] = v[f'exp.all.T.tot@{year}']
            v[f'exp.jz@{year}'] = 0
            v[f'exp.grand@{year}'] = v[f'exp.all.T.tot@{year}']
        for k in ('gp', 'gf', 'soe', 'T'):
            v[f'inc.fisjz.{k}@{Y}'] = 0
        v[f'exp.fisjz@{Y}'] = 0
        # units' income
        for i, u in enumerate(units):
            gp = sum(u['basic_gp'].values()) + sum(p['v26'] for p in f['projects'] if p['unit'] == i and p['src'] == 'gp')
            gf = sum(p['v26'] for p in f['projects'] if p['unit'] == i and p['src'] == 'gf')
            inc = dict(gp=gp, gf=gf, soe=0, **{k: u['nf_income'][k] for k in ('zh', 'sy', 'qt', 'jz')})
            for k, val in inc.items():
                v[f'unit.{i}.inc.{k}@{Y}'] = val
            v[f'unit.{i}.inc.grand@{Y}'] = sum(inc.values())
        # 经济分类 (一般公共预算基本支出)
        econ: dict[str, int] = {}
        for u in units:
            for k, val in u['econ'].items():
                econ[k] = econ.get(k, 0) + val
        self.econ_codes = sorted(econ)
        for k, val in econ.items():
            v[f'econ.{k}@{Y}'] = val
            v[f'econ.{k[:3]}@{Y}'] = v.get(f'econ.{k[:3]}@{Y}', 0) + val
        v[f'econ.T@{Y}'] = sum(econ.values())
        v[f'econ.person@{Y}'] = v.get(f'econ.301@{Y}', 0) + v.get(f'econ.303@{Y}', 0)
        v[f'econ.public@{Y}'] = v.get(f'econ.302@{Y}', 0)
        # 三公, 机关运行经费
        for year in (Y, P):
            sg = f['sangong'][str(year)]
            for k in ('cg', 'gz', 'yx', 'jd'):
                v[f'sg.{k}@{year}'] = sg[k]
            v[f'sg.car@{year}'] = sg['gz'] + sg['yx']
            v[f'sg.tot@{year}'] = sg['cg'] + sg['gz'] + sg['yx'] + sg['jd']
            v[f'jgyx@{year}'] = f['jgyx'][str(year)]
        # 政府采购
        tot = dict(goods=0, works=0, services=0)
        for k, r in enumerate(f['proc']['rows']):
            for part in tot:
                v[f'proc.r{k}.{part}@{Y}'] = r[part]
                tot[part] += r[part]
            v[f'proc.r{k}.tot@{Y}'] = r['goods'] + r['works'] + r['services']
        for part, val in tot.items():
            v[f'proc.{part}@{Y}'] = val
        v[f'proc.tot@{Y}'] = sum(tot.values())
        v[f'proc.tot@{P}'] = f['proc']['prev_total']
        if f['proc']['sme'] is not None:
            v[f'proc.sme@{Y}'] = f['proc']['sme']
        # projects of 2026
        for k, p in enumerate(f['projects']):
            if p['v26']:
                gp = p['v26'] if p['src'] == 'gp' else 0
                gf = p['v26'] if p['src'] == 'gf' else 0
                v[f'proj.{k}.gp@{Y}'], v[f'proj.{k}.gf@{Y}'], v[f'proj.{k}.tot@{Y}'] = gp, gf, gp + gf
                for part, val in (('gp', gp), ('gf', gf), ('tot', gp + gf)):
                    kk = f'proj.u{p["unit"]}.{part}@{Y}'
                    v[kk] = v.get(kk, 0) + val
        # counts
        for kind, n in f['vehicles']:
            v[f'veh.{kind}'] = n
        v['veh.tot'] = sum(n for _, n in f['vehicles'])
        v['equip50'], v['equip100'], v['vehbuy'] = f['equip50'], f['equip100'], f['veh_buy']
        v['units.n'] = len(units)
        v['offices.n'] = len(f['offices'])
        v['perf.n'] = sum(1 for p in f['projects'] if p['v26'] and p['src'] == 'gp')

    def __getitem__(self, key: str) -> Fraction:
        """Value of a key, including derived chg:/rate:/share:/dir: keys."""
        if key.startswith('exp.all.') and key.split('@')[0].endswith(('.sj', '.jy', '.fs')):
            return Fraction(0)  # 上缴上级 / 经营 / 对附属单位补助 columns: nothing budgeted
        if key.startswith('chg:'):
            b = key[4:]
            return Fraction(self.v[f'{b}@{Y}'] - self.v[f'{b}@{P}'])
        if key.startswith('rate:'):
            b = key[5:]
            return Fraction(100 * (self.v[f'{b}@{Y}'] - self.v[f'{b}@{P}']), self.v[f'{b}@{P}'])
        if key.startswith('share:'):
            a, w = key[6:].split('|')
            return Fraction(100 * self.v[a], self.v[w])
        if key.startswith('dir:'):
            c = self[f'chg:{key[4:]}']
            return Fraction((c > 0) - (c < 0))
        if key.startswith('exp.') and key not in self.v:
            return Fraction(0)  # a 类 listed in the table with nothing budgeted
        return Fraction(self.v[key])

    def get(self, key: str, default: int = 0) -> int:
        return self.v.get(key, default)


# ---------------------------------------------------------------- table helpers
class TableMaker:
    """Prints table cells as figures in the document's table unit and registers identities."""

    def __init__(self, doc: Doc, q: Q, rng: random.Random) -> None:
        self.doc, self.q, self.rng, self.o = doc, q, rng, doc.options

    # -- cells
    def amt(self, key: str, tid: str, row: str, col: str, blank_zero: bool | None = None) -> Fig | None:
        val = self.q[key]
        if blank_zero is None:
            blank_zero = self.o['zero'] == 'blank'
        if val == 0 and blank_zero:
            return None
        unit, dec = self.o['tunit'], self.o['tdec']
        x = val / 10000 if unit == '万元' else val
        sep = True if unit == '元' else self.o['tsep']
        return self.doc.new_fig(key, 'amt', val, fmt_number(x, dec, sep), unit, dec,
                                {'part': 'table', 'table': tid, 'row': row, 'col': col})

    def rate(self, key: str, tid: str, row: str, col: str) -> Fig | None:
        base = key[5:]
        if self.q.get(f'{base}@{P}') == 0:
            return None  # no rate on a zero base: the cell stays blank
        val = self.q[key]
        return self.doc.new_fig(key, 'pct', val, fmt_number(val, 2, False), '%', 2,
                                {'part': 'table', 'table': tid, 'row': row, 'col': col})

    def chg(self, key: str, tid: str, row: str, col: str) -> Fig | None:
        val = self.q[key]
        if val == 0 and self.o['zero'] == 'blank':
            return None
        unit, dec = self.o['tunit'], self.o['tdec']
        x = val / 10000 if unit == '万元' else val
        sep = True if unit == '元' else self.o['tsep']
        return self.doc.new_fig(key, 'amt', val, fmt_number(x, dec, sep), unit, dec,
                                {'part': 'table', 'table': tid, 'row': row, 'col': col})

    def sum_id(self, tag: str, total: Fig | None, parts: list[Fig | None]) -> None:
        ps = [p for p in parts if p is not None]
        if total is None:
            return
        self.doc.ident('sum', tag, total=total, parts=ps)

    def unit_caption(self) -> str:
        return '单位：' + self.o['tunit']

    def total_label(self) -> str:
        return self.o['total_label']

    def place_total(self, rows: list[list[Any]], kinds: list[str], total_row: list[Any]) -> tuple[list, list]:
        if self.o['total_pos'] == 'top':
            return [total_row] + rows, ['total'] + kinds
        return rows + [total_row], kinds + ['total']

    # -- 功能分类 tree
    def code_cols(self) -> list[str]:
        s = self.o['code_style']
        return {'one': ['科目编码', '科目名称'], 'split': ['类', '款', '项', '科目名称'],
                'joined': ['功能分类科目'], 'indent': ['科目名称']}[s]

    def code_cells(self, code: str) -> list[str]:
        s = self.o['code_style']
        name = code_name(code)
        if s == 'one':
            return [code, name]
        if s == 'split':
            return [code[:3], code[3:5] if len(code) >= 5 else '', code[5:7] if len(code) == 7 else '', name]
        if s == 'joined':
            return [f'{code} {name}']
        return [{3: '', 5: '  ', 7: '    '}[len(code)] + name]

    def tree_codes(self, scope: str, with_prev: bool) -> list[str]:
        leaves = []
        for code in sorted(self.q.leaves):
            cur = self.q.get(f'exp.{scope}.{code}.tot@{Y}')
            prev = self.q.get(f'exp.{scope}.{code}.tot@{P}') if with_prev else 0
            if cur or prev:
                leaves.append(code)
        out: list[str] = []
        for code in leaves:
            for c in (code[:3], code[:5], code):
                if c not in out:
                    out.append(c)
        return out

    def func_table(self, tid: str, title: str, scope: str, cols: list[tuple[str, str, str]],
                   header_rows: list[list[Any]] | None = None, with_prev: bool = False,
                   landscape: bool = False, note: str = '') -> Table:
        """cols: (header, kind, key template with {c}); kind ∈ amt | chg | rate."""
        codes = self.tree_codes(scope, with_prev)
        ncode = len(self.code_cols())
        rows: list[list[Any]] = []
        kinds: list[str] = []
        cell: dict[tuple[str, int], Fig | None] = {}

        def make_row(c: str, label: str) -> list[Any]:
            out: list[Any] = []
            for j, (hdr, kind, tmpl) in enumerate(cols):
                key = tmpl.format(c=c)
                if kind == 'amt':
                    fg = self.amt(key, tid, label, hdr)
                elif kind == 'chg':
                    fg = self.chg(key, tid, label, hdr)
                else:
                    fg = self.rate(key, tid, label, hdr)
                cell[(c, j)] = fg
                out.append(fg)
            return out
        for c in codes:
            label = f'{c} {code_name(c)}'
            rows.append(self.code_cells(c) + make_row(c, label))
            kinds.append({3: 'class', 5: 'kuan', 7: 'xiang'}[len(c)])
        tl = self.total_label()
        total = [tl] + [''] * (ncode - 1) + make_row('T', tl)
        rows, kinds = self.place_total(rows, kinds, total)
        # identities: tree sums per amount column, row relations per row
        classes = [c for c in codes if len(c) == 3]
        for j, (hdr, kind, tmpl) in enumerate(cols):
            if kind != 'amt':
                continue
            self.sum_id(f'table:{tid}', cell[('T', j)], [cell[(c, j)] for c in classes])
            for c in codes:
                kids = [k for k in codes if len(k) == len(c) + 2 and k.startswith(c)]
                if kids:
                    self.sum_id(f'table:{tid}', cell[(c, j)], [cell[(k, j)] for k in kids])
        self.row_relations(tid, cols, ['T'] + codes, cell)
        num_cols = set(range(ncode, ncode + len(cols)))
        header = header_rows or [self.code_cols() + [h for h, _, _ in cols]]
        t = Table(tid, title, self.unit_caption(), header, rows, kinds, num_cols, landscape, note)
        return t

    def row_relations(self, tid: str, cols: list[tuple[str, str, str]], row_ids: list[str],
                      cell: dict[tuple[str, int], Fig | None]) -> None:
        """合计 = parts within a row; 增减额 = 2026 − 2025; 增减率 = 增减额 / 2025."""
        hdrs = [h for h, _, _ in cols]
        idx = {h: j for j, h in enumerate(hdrs)}
        for c in row_ids:
            if '合计' in idx and '基本支出' in idx and '项目支出' in idx:
                extra = [idx[h] for h in hdrs if h in ('上缴上级支出', '事业单位经营支出', '对附属单位补助支出')]
                tot = cell[(c, idx['合计'])]
                parts = [cell[(c, idx['基本支出'])], cell[(c, idx['项目支出'])]] + [cell[(c, e)] for e in extra]
                if tot is not None:
                    self.sum_id(f'table:{tid}', tot, parts)
            if '增减额' in idx:
                cur, prev, ch = cell[(c, idx['合计'])], cell[(c, idx['2025年预算数'])], cell[(c, idx['增减额'])]
                if ch is not None:
                    self.doc.ident('diff', f'table:{tid}', chg=ch, cur=cur, prev=prev)
                if '增减率(%)' in idx:
                    rt = cell[(c, idx['增减率(%)'])]
                    if rt is not None and prev is not None:
                        self.doc.ident('growth', f'table:{tid}', rate=rt, cur=cur, prev=prev)


# ---------------------------------------------------------------- the budget tables
def year_prefix(o: dict[str, Any]) -> str:
    return f'{Y}年' if o['title_year'] else ''


def table_titles(o: dict[str, Any], has_annex: list[str]) -> list[tuple[str, str]]:
    """(tid, title) of the tables this document publishes, in order."""
    yp = year_prefix(o)
    t = [('t_szzb', f'{yp}收支预算总表'), ('t_srb', f'{yp}收入预算表'), ('t_zcb', f'{yp}支出预算表'),
         ('t_czbk', f'{yp}财政拨款收支预算总表'), ('t_ybgg', f'{yp}一般公共预算支出表'),
         ('t_jbzc', f'{yp}一般公共预算基本支出表'), ('t_sg', f'{yp}一般公共预算“三公”经费支出表'),
         ('t_zfxjj', f'{yp}政府性基金预算支出表'), ('t_gyzb', f'{yp}国有资本经营预算支出表')]
    if 'proj' in has_annex:
        t.append(('t_xm', f'{yp}项目支出表'))
    if 'proc' in has_annex:
        t.append(('t_cg', f'{yp}政府采购预算表'))
    return t


def build_tables(doc: Doc, q: Q, rng: random.Random) -> dict[str, Table]:
    o = doc.options
    tm = TableMaker(doc, q, rng)
    f = doc.facts
    titles = dict(table_titles(o, o['annex']))
    out: dict[str, Table] = {}
    yoy = o['yoy_tables']

    # 收支预算总表 (two halves side by side)
    out['t_szzb'] = two_col_total(tm, 't_szzb', titles['t_szzb'], yoy)
    out['t_srb'] = income_table(tm, 't_srb', titles['t_srb'])
    extra = o['exp_extra_cols']
    cols = [('合计', 'amt', 'exp.all.{c}.tot@2026'), ('基本支出', 'amt', 'exp.all.{c}.b@2026'),
            ('项目支出', 'amt', 'exp.all.{c}.p@2026')]
    if extra:
        cols += [('上缴上级支出', 'amt', 'exp.all.{c}.sj@2026'), ('事业单位经营支出', 'amt', 'exp.all.{c}.jy@2026'),
                 ('对附属单位补助支出', 'amt', 'exp.all.{c}.fs@2026')]
    out['t_zcb'] = tm.func_table('t_zcb', titles['t_zcb'], 'all', cols, landscape=extra)
    out['t_czbk'] = fiscal_total(tm, 't_czbk', titles['t_czbk'])
    # 一般公共预算支出表 — with last year's budget, change and rate in the year-over-year layout
    if yoy:
        cols = [('2025年预算数', 'amt', 'exp.gp.{c}.tot@2025'), ('合计', 'amt', 'exp.gp.{c}.tot@2026'),
                ('基本支出', 'amt', 'exp.gp.{c}.b@2026'), ('项目支出', 'amt', 'exp.gp.{c}.p@2026'),
                ('增减额', 'chg', 'chg:exp.gp.{c}.tot'), ('增减率(%)', 'rate', 'rate:exp.gp.{c}.tot')]
        cc = tm.code_cols()
        header = [cc + ['2025年预算数', '2026年预算数', None, None, '增减额', '增减率(%)'],
                  ['^'] * len(cc) + ['^', '合计', '基本支出', '项目支出', '^', '^']]
        out['t_ybgg'] = tm.func_table('t_ybgg', titles['t_ybgg'], 'gp', cols, header, with_prev=True, landscape=True)
    else:
        cols = [('合计', 'amt', 'exp.gp.{c}.tot@2026'), ('基本支出', 'amt', 'exp.gp.{c}.b@2026'),
                ('项目支出', 'amt', 'exp.gp.{c}.p@2026')]
        out['t_ybgg'] = tm.func_table('t_ybgg', titles['t_ybgg'], 'gp', cols)
    out['t_jbzc'] = basic_table(tm, 't_jbzc', titles['t_jbzc'])
    out['t_sg'] = sangong_table(tm, 't_sg', titles['t_sg'], yoy)
    # 政府性基金: a tree when there is money, else an empty table with its note
    if q.get('exp.gf.T.tot@2026'):
        cols = [('合计', 'amt', 'exp.gf.{c}.tot@2026'), ('基本支出', 'amt', 'exp.gf.{c}.b@2026'),
                ('项目支出', 'amt', 'exp.gf.{c}.p@2026')]
        out['t_zfxjj'] = tm.func_table('t_zfxjj', titles['t_zfxjj'], 'gf', cols)
    else:
        out['t_zfxjj'] = empty_table(tm, 't_zfxjj', titles['t_zfxjj'], 'exp.gf.T',
                                     rng.choice(['注：本部门无政府性基金预算，此表为空表。',
                                                 '本部门2026年无政府性基金预算拨款安排的支出，此表为空表。',
                                                 '说明：本部门无政府性基金预算，此表为空表。']))
    out['t_gyzb'] = empty_table(tm, 't_gyzb', titles['t_gyzb'], 'exp.soe.T',
                                rng.choice(['注：本部门无国有资本经营预算，此表为空表。',
                                            '本部门2026年无国有资本经营预算拨款安排的支出，此表为空表。',
                                            '说明：本部门无国有资本经营预算支出，此表为空表。']))
    if 'proj' in o['annex']:
        out['t_xm'] = project_table(tm, 't_xm', titles['t_xm'])
    if 'proc' in o['annex']:
        out['t_cg'] = procurement_table(tm, 't_cg', titles['t_cg'])
    for t in out.values():
        if o['dept_line']:
            t.dept_line = '编制单位：' + f['dept']
        if o['lanci'] and len(t.num_cols) >= 3 and t.tid not in ('t_szzb', 't_czbk'):
            first = min(t.num_cols)
            t.lanci = ['栏次'] + [''] * (first - 1) + [str(i + 1) for i in range(len(t.header[0]) - first)]
    return out


def two_col_total(tm: TableMaker, tid: str, title: str, yoy: bool) -> Table:
    q, o, doc = tm.q, tm.o, tm.doc
    years = [P, Y] if yoy else [Y]
    ycols = [f'{yr}年预算数' for yr in years] if yoy else ['预算数']
    inc_rows = [(f'{cn(i + 1)}、{name}', f'inc.{k}') for i, (k, name) in enumerate(INC_ITEMS)]
    classes = sorted({c[:3] for c in q.leaves if q.get(f'exp.all.{c[:3]}.tot@{Y}') or
                      (yoy and q.get(f'exp.all.{c[:3]}.tot@{P}'))})
    if o['all_classes']:
        classes = sorted(set(classes) | set(CLASS_NAMES))
    exp_rows = [(f'{cn(i + 1)}、{CLASS_NAMES[c]}', f'exp.all.{c}.tot') for i, c in enumerate(classes)]
    n = max(len(inc_rows), len(exp_rows))
    rows: list[list[Any]] = []
    kinds: list[str] = []
    inc_figs: dict[int, list[Fig | None]] = {yr: [] for yr in years}
    exp_figs: dict[int, list[Fig | None]] = {yr: [] for yr in years}
    for i in range(n):
        row: list[Any] = []
        for side, lst, acc in (('inc', inc_rows, inc_figs), ('exp', exp_rows, exp_figs)):
            if i < len(lst):
                label, base = lst[i]
                row.append(label)
                for yr, yc in zip(years, ycols):
                    fg = tm.amt(f'{base}@{yr}', tid, label, yc)
                    acc[yr].append(fg)
                    row.append(fg)
            else:
                row += [''] + [None] * len(years)
        rows.append(row)
        kinds.append('item')
    w = len(years)
    bottom = [('本年收入合计', 'inc.total', '本年支出合计', 'exp.total'),
              ('上年结转结余', 'inc.jz', '年末结转结余', 'exp.jz'),
              ('收入总计', 'inc.grand', '支出总计', 'exp.grand')]
    bf: dict[str, dict[int, Fig | None]] = {}
    for li, ki, le, ke in bottom:
        row = [li]
        for yr, yc in zip(years, ycols):
            fg = tm.amt(f'{ki}@{yr}', tid, li, yc, blank_zero=False)
            bf.setdefault(ki, {})[yr] = fg
            row.append(fg)
        row.append(le)
        for yr, yc in zip(years, ycols):
            fg = tm.amt(f'{ke}@{yr}', tid, le, yc, blank_zero=False)
            bf.setdefault(ke, {})[yr] = fg
            row.append(fg)
        rows.append(row)
        kinds.append('total')
    for yr in years:
        tm.sum_id(f'table:{tid}', bf['inc.total'][yr], inc_figs[yr])
        tm.sum_id(f'table:{tid}', bf['exp.total'][yr], exp_figs[yr])
        tm.sum_id(f'table:{tid}', bf['inc.grand'][yr], [bf['inc.total'][yr], bf['inc.jz'][yr]])
        tm.sum_id(f'table:{tid}', bf['exp.grand'][yr], [bf['exp.total'][yr], bf['exp.jz'][yr]])
        doc.ident('eq', f'table:{tid}', a=bf['inc.grand'][yr], b=bf['exp.grand'][yr])
    header = [['收入', *([None] * w), '支出', *([None] * w)],
              ['项目', *ycols, '项目', *ycols]]
    num_cols = set(range(1, 1 + w)) | set(range(2 + w, 2 + 2 * w))
    return Table(tid, title, tm.unit_caption(), header, rows, kinds, num_cols, False)


def income_table(tm: TableMaker, tid: str, title: str) -> Table:
    f = tm.doc.facts
    srcs = [('gp', '一般公共预算拨款收入'), ('gf', '政府性基金预算拨款收入'), ('soe', '国有资本经营预算拨款收入'),
            ('zh', '财政专户管理资金收入'), ('sy', '事业收入'), ('qt', '其他收入'), ('jz', '上年结转结余')]
    with_code = tm.o['unit_code']
    lead = ['单位编码', '单位名称'] if with_code else ['单位名称']
    header = [lead + ['合计'] + [s for _, s in srcs]]
    rows: list[list[Any]] = []
    kinds: list[str] = []
    col_figs: dict[str, list[Fig | None]] = {}
    for i, u in enumerate(f['units']):
        label = u['name']
        row: list[Any] = ([f'{101 + tm.o["code_base"]:03d}{i + 1:03d}'] if with_code else []) + [label]
        tot = tm.amt(f'unit.{i}.inc.grand@{Y}', tid, label, '合计')
        parts = []
        row.append(tot)
        for k, hdr in srcs:
            fg = tm.amt(f'unit.{i}.inc.{k}@{Y}', tid, label, hdr)
            parts.append(fg)
            col_figs.setdefault(k, []).append(fg)
            row.append(fg)
        col_figs.setdefault('T', []).append(tot)
        tm.sum_id(f'table:{tid}', tot, parts)
        rows.append(row)
        kinds.append('item')
    tl = tm.total_label()
    trow: list[Any] = ([''] if with_code else []) + [tl]
    ttot = tm.amt(f'inc.grand@{Y}', tid, tl, '合计')
    trow.append(ttot)
    tparts = []
    for k, hdr in srcs:
        fg = tm.amt(f'inc.{k}@{Y}', tid, tl, hdr)
        tparts.append(fg)
        trow.append(fg)
        tm.sum_id(f'table:{tid}', fg, col_figs[k])
    tm.sum_id(f'table:{tid}', ttot, tparts)
    tm.sum_id(f'table:{tid}', ttot, col_figs['T'])
    rows, kinds = tm.place_total(rows, kinds, trow)
    lc = len(lead)
    return Table(tid, title, tm.unit_caption(), header, rows, kinds, set(range(lc, lc + 1 + len(srcs))), True)


def fiscal_total(tm: TableMaker, tid: str, title: str) -> Table:
    q, doc = tm.q, tm.doc
    classes = sorted({c[:3] for c in q.leaves if q.get(f'exp.fis.{c[:3]}.tot@{Y}')})
    if tm.o['all_classes']:
        classes = sorted(set(classes) | set(CLASS_NAMES))
    inc = [('一、本年收入', f'inc.fis@{Y}'), ('（一）一般公共预算拨款', f'inc.gp@{Y}'),
           ('（二）政府性基金预算拨款', f'inc.gf@{Y}'), ('（三）国有资本经营预算拨款', f'inc.soe@{Y}'),
           ('二、上年结转', f'inc.fisjz.T@{Y}'), ('（一）一般公共预算拨款', f'inc.fisjz.gp@{Y}'),
           ('（二）政府性基金预算拨款', f'inc.fisjz.gf@{Y}'), ('（三）国有资本经营预算拨款', f'inc.fisjz.soe@{Y}')]
    scopes = [('合计', 'fis'), ('一般公共预算', 'gp'), ('政府性基金预算', 'gf'), ('国有资本经营预算', 'soe')]
    exp = [('一、本年支出', 'T')] + [(f'（{cn(i + 1)}）{CLASS_NAMES[c]}', c) for i, c in enumerate(classes)]
    exp.append(('二、年末结转结余', 'jz'))
    n = max(len(inc), len(exp))
    rows: list[list[Any]] = []
    kinds: list[str] = []
    inc_f: dict[str, Fig | None] = {}
    exp_f: dict[tuple[str, str], Fig | None] = {}
    for i in range(n):
        row: list[Any] = []
        if i < len(inc):
            label, key = inc[i]
            fg = tm.amt(key, tid, label, '预算数', blank_zero=False if i in (0, 4) else None)
            inc_f[key] = fg
            row += [label, fg]
        else:
            row += ['', None]
        if i < len(exp):
            label, c = exp[i]
            row.append(label)
            for hdr, sc in scopes:
                key = f'exp.fisjz@{Y}' if c == 'jz' else f'exp.{sc}.{c}.tot@{Y}'
                if c == 'jz' and sc != 'fis':
                    fg = None
                else:
                    fg = tm.amt(key, tid, label, hdr, blank_zero=False if c in ('T', 'jz') and sc == 'fis' else None)
                exp_f[(c, sc)] = fg
                row.append(fg)
        else:
            row += [''] + [None] * len(scopes)
        rows.append(row)
        kinds.append('item')
    # 收入总计 / 支出总计
    gi = tm.amt(f'inc.fis@{Y}', tid, '收入总计', '预算数', blank_zero=False)
    row = ['收入总计', gi, '支出总计']
    gtot: dict[str, Fig | None] = {}
    for hdr, sc in scopes:
        fg = tm.amt(f'exp.{sc}.T.tot@{Y}', tid, '支出总计', hdr, blank_zero=False if sc == 'fis' else None)
        gtot[sc] = fg
        row.append(fg)
    rows.append(row)
    kinds.append('total')
    tag = f'table:{tid}'
    tm.sum_id(tag, inc_f[f'inc.fis@{Y}'], [inc_f[f'inc.gp@{Y}'], inc_f[f'inc.gf@{Y}'], inc_f[f'inc.soe@{Y}']])
    tm.sum_id(tag, gi, [inc_f[f'inc.fis@{Y}'], inc_f[f'inc.fisjz.T@{Y}']])
    for hdr, sc in scopes:
        tm.sum_id(tag, exp_f[('T', sc)], [exp_f[(c, sc)] for c in classes])
    tm.sum_id(tag, gtot['fis'], [exp_f[('T', 'fis')], exp_f[('jz', 'fis')]])
    for c in ['T'] + classes:
        tm.sum_id(tag, exp_f[(c, 'fis')], [exp_f[(c, 'gp')], exp_f[(c, 'gf')], exp_f[(c, 'soe')]])
    tm.sum_id(tag, gtot['fis'], [gtot['gp'], gtot['gf'], gtot['soe']])
    doc.ident('eq', tag, a=gi, b=gtot['fis'])
    header = [['收入', None, '支出', None, None, None, None],
              ['项目', '预算数', '项目', '合计', '一般公共预算', '政府性基金预算', '国有资本经营预算']]
    return Table(tid, title, tm.unit_caption(), header, rows, kinds, {1, 3, 4, 5, 6}, True)


def basic_table(tm: TableMaker, tid: str, title: str) -> Table:
    q = tm.q
    style = tm.o['econ_style']
    lead = {'one': ['经济分类科目编码', '科目名称'], 'split': ['类', '款', '科目名称'], 'joined': ['经济分类科目']}[style]

    def lab(code: str) -> list[str]:
        name = ECON_CLASSES.get(code) or ECON_NAMES[code]
        if style == 'one':
            return [code, name]
        if style == 'split':
            return [code[:3], code[3:] if len(code) == 5 else '', name]
        return [f'{code} {name}']
    cols = ['合计', '人员经费', '公用经费']
    rows: list[list[Any]] = []
    kinds: list[str] = []
    cells: dict[tuple[str, str], Fig | None] = {}
    order: list[str] = []
    for cls in ('301', '302', '303'):
        kids = [c for c in q.econ_codes if c.startswith(cls)]
        if not kids:
            continue
        order.append(cls)
        order += kids
    for code in order:
        label = f'{code} {ECON_CLASSES.get(code) or ECON_NAMES[code]}'
        person = code.startswith(('301', '303'))
        row: list[Any] = lab(code)
        for col in cols:
            if col == '合计' or (col == '人员经费') == person:
                fg = tm.amt(f'econ.{code}@{Y}', tid, label, col)
            else:
                fg = None
            cells[(code, col)] = fg
            row.append(fg)
        rows.append(row)
        kinds.append('class' if len(code) == 3 else 'kuan')
    tl = tm.total_label()
    trow: list[Any] = [tl] + [''] * (len(lead) - 1)
    for col, key in zip(cols, ('exp.gp.T.b', 'econ.person', 'econ.public')):
        fg = tm.amt(f'{key}@{Y}', tid, tl, col)
        cells[('T', col)] = fg
        trow.append(fg)
    rows, kinds = tm.place_total(rows, kinds, trow)
    tag = f'table:{tid}'
    classes = [c for c in order if len(c) == 3]
    for col in cols:
        tm.sum_id(tag, cells[('T', col)], [cells[(c, col)] for c in classes])
        for c in classes:
            tm.sum_id(tag, cells[(c, col)], [cells[(k, col)] for k in order if len(k) == 5 and k.startswith(c)])
    for code in ['T'] + order:
        tm.sum_id(tag, cells[(code, '合计')], [cells[(code, '人员经费')], cells[(code, '公用经费')]])
    n = len(lead)
    return Table(tid, title, tm.unit_caption(), [lead + cols], rows, kinds, set(range(n, n + 3)), False)


SG_ITEMS = [('sg.tot', '合计'), ('sg.cg', '1.因公出国（境）费'), ('sg.car', '2.公务用车购置及运行费'),
            ('sg.gz', '  其中：（1）公务用车购置费'), ('sg.yx', '        （2）公务用车运行费'), ('sg.jd', '3.公务接待费')]


def sangong_table(tm: TableMaker, tid: str, title: str, yoy: bool) -> Table:
    doc = tm.doc
    tag = 'sangong'
    if tm.o['sg_layout'] == 'vertical':
        cols = ['2025年预算数', '2026年预算数', '增减额', '增减率(%)'] if yoy else (
            ['2025年预算数', '2026年预算数'] if tm.o['sg_prev'] else ['2026年预算数'])
        rows: list[list[Any]] = []
        kinds: list[str] = []
        cell: dict[tuple[str, str], Fig | None] = {}
        for base, label in SG_ITEMS:
            row: list[Any] = [label]
            for col in cols:
                if col == '增减额':
                    fg = tm.chg(f'chg:{base}', tid, label.strip(), col)
                elif col == '增减率(%)':
                    fg = tm.rate(f'rate:{base}', tid, label.strip(), col)
                else:
                    fg = tm.amt(f'{base}@{col[:4]}', tid, label.strip(), col, blank_zero=False)
                cell[(base, col)] = fg
                row.append(fg)
            rows.append(row)
            kinds.append('total' if base == 'sg.tot' else 'item')
        for col in cols:
            if col.endswith('预算数'):
                tm.sum_id(tag, cell[('sg.tot', col)], [cell[('sg.cg', col)], cell[('sg.car', col)], cell[('sg.jd', col)]])
                tm.sum_id(tag, cell[('sg.car', col)], [cell[('sg.gz', col)], cell[('sg.yx', col)]])
        if yoy:
            for base, _ in SG_ITEMS:
                ch, cur, prev = cell[(base, '增减额')], cell[(base, '2026年预算数')], cell[(base, '2025年预算数')]
                if ch is not None:
                    doc.ident('diff', f'table:{tid}', chg=ch, cur=cur, prev=prev)
                rt = cell[(base, '增减率(%)')]
                if rt is not None:
                    doc.ident('growth', f'table:{tid}', rate=rt, cur=cur, prev=prev)
        if tm.o['total_pos'] == 'bottom':
            rows = rows[1:] + rows[:1]
            kinds = kinds[1:] + kinds[:1]
        return Table(tid, title, tm.unit_caption(), [['项目'] + cols], rows, kinds, set(range(1, 1 + len(cols))))
    # horizontal: one row per year
    header = [['项目', '合计', '因公出国（境）费', '公务用车购置及运行费', None, None, '公务接待费'],
              ['^', '^', '^', '小计', '公务用车购置费', '公务用车运行费', '^']]
    order = ['sg.tot', 'sg.cg', 'sg.car', 'sg.gz', 'sg.yx', 'sg.jd']
    hdrs = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务用车购置费', '公务用车运行费', '公务接待费']
    rows = []
    kinds = []
    years = [P, Y] if (yoy or tm.o['sg_prev']) else [Y]
    for yr in years:
        label = f'{yr}年预算数'
        row = [label]
        cell = {}
        for base, hdr in zip(order, hdrs):
            fg = tm.amt(f'{base}@{yr}', tid, label, hdr, blank_zero=False)
            cell[base] = fg
            row.append(fg)
        tm.sum_id(tag, cell['sg.tot'], [cell['sg.cg'], cell['sg.car'], cell['sg.jd']])
        tm.sum_id(tag, cell['sg.car'], [cell['sg.gz'], cell['sg.yx']])
        rows.append(row)
        kinds.append('item')
    return Table(tid, title, tm.unit_caption(), header, rows, kinds, set(range(1, 7)), True)


def empty_table(tm: TableMaker, tid: str, title: str, base: str, note: str) -> Table:
    cc = tm.code_cols()
    cols = ['合计', '基本支出', '项目支出']
    tl = tm.total_label()
    row: list[Any] = [tl] + [''] * (len(cc) - 1)
    if tm.o['empty_zero']:
        for col, part in zip(cols, ('tot', 'b', 'p')):
            row.append(tm.amt(f'{base}.{part}@{Y}', tid, tl, col, blank_zero=False))
    else:
        row += [None, None, None]
    return Table(tid, title, tm.unit_caption(), [cc + cols], [row], ['total'], set(range(len(cc), len(cc) + 3)),
                 False, note)


def project_table(tm: TableMaker, tid: str, title: str) -> Table:
    """项目支出表: one row per 2026 project, with a 小计 row per unit in a consolidated budget."""
    f, q = tm.doc.facts, tm.q
    cons = f['consolidated']
    has_gf = q.get(f'exp.gf.T.p@{Y}') > 0
    lead = ['单位名称', '项目名称'] if cons else ['项目名称']
    if tm.o['proj_code']:
        lead.append('功能分类科目编码')
    cols = [('合计', 'tot'), ('一般公共预算拨款', 'gp')] + ([('政府性基金预算拨款', 'gf')] if has_gf else [])
    rows: list[list[Any]] = []
    kinds: list[str] = []
    tag = f'table:{tid}'
    top_parts: dict[str, list[Fig | None]] = {c: [] for _, c in cols}  # what the 合计 row sums
    projs = [(k, p) for k, p in enumerate(f['projects']) if p['v26']]
    for i, u in enumerate(f['units']):
        mine = [(k, p) for k, p in projs if p['unit'] == i]
        if not mine:
            continue
        sub: dict[str, Fig | None] = {}
        if cons:
            row: list[Any] = [u['name'], '小计'] + ([''] if tm.o['proj_code'] else [])
            for hdr, c in cols:
                sub[c] = tm.amt(f'proj.u{i}.{c}@{Y}', tid, u['name'] + ' 小计', hdr)
                row.append(sub[c])
                top_parts[c].append(sub[c])
            tm.sum_id(tag, sub['tot'], [sub[c] for _, c in cols[1:]])
            rows.append(row)
            kinds.append('subtotal')
        kids: dict[str, list[Fig | None]] = {c: [] for _, c in cols}
        for k, p in mine:
            row = ([''] if cons else []) + [p['name']] + ([p['leaf']] if tm.o['proj_code'] else [])
            rf: dict[str, Fig | None] = {}
            for hdr, c in cols:
                rf[c] = tm.amt(f'proj.{k}.{c}@{Y}', tid, p['name'], hdr)
                kids[c].append(rf[c])
                row.append(rf[c])
            tm.sum_id(tag, rf['tot'], [rf[c] for _, c in cols[1:]])
            rows.append(row)
            kinds.append('item')
        for _, c in cols:
            if cons:
                tm.sum_id(tag, sub[c], kids[c])
            else:
                top_parts[c] += kids[c]
    tl = tm.total_label()
    trow: list[Any] = [tl] + [''] * (len(lead) - 1)
    totkeys = {'tot': 'exp.fis.T.p', 'gp': 'exp.gp.T.p', 'gf': 'exp.gf.T.p'}
    tf: dict[str, Fig | None] = {}
    for hdr, c in cols:
        tf[c] = tm.amt(f'{totkeys[c]}@{Y}', tid, tl, hdr)
        trow.append(tf[c])
        tm.sum_id(tag, tf[c], top_parts[c])
    tm.sum_id(tag, tf['tot'], [tf[c] for _, c in cols[1:]])
    rows, kinds = tm.place_total(rows, kinds, trow)
    n = len(lead)
    t = Table(tid, title, tm.unit_caption(), [lead + [h for h, _ in cols]], rows, kinds, set(range(n, n + len(cols))))
    t.items = [p['name'] for _, p in projs if p['src'] == 'gp']
    return t


def procurement_table(tm: TableMaker, tid: str, title: str) -> Table:
    f = tm.doc.facts
    cols = [('合计', 'tot'), ('货物', 'goods'), ('工程', 'works'), ('服务', 'services')]
    if tm.o['proc_hdr_long']:
        cols = [('合计', 'tot'), ('货物类', 'goods'), ('工程类', 'works'), ('服务类', 'services')]
    rows: list[list[Any]] = []
    kinds: list[str] = []
    kids: dict[str, list[Fig | None]] = {c: [] for _, c in cols}
    for k, r in enumerate(f['proc']['rows']):
        row: list[Any] = [r['label']]
        rf = {}
        for hdr, c in cols:
            fg = tm.amt(f'proc.r{k}.{c}@{Y}', tid, r['label'], hdr)
            rf[c] = fg
            kids[c].append(fg)
            row.append(fg)
        tm.sum_id('procurement', rf['tot'], [rf['goods'], rf['works'], rf['services']])
        rows.append(row)
        kinds.append('item')
    tl = tm.total_label()
    trow: list[Any] = [tl]
    tf = {}
    for hdr, c in cols:
        fg = tm.amt(f'proc.{c}@{Y}', tid, tl, hdr, blank_zero=False if c == 'tot' else None)
        tf[c] = fg
        trow.append(fg)
        tm.sum_id('procurement', fg, kids[c])
    tm.sum_id('procurement', tf['tot'], [tf['goods'], tf['works'], tf['services']])
    rows, kinds = tm.place_total(rows, kinds, trow)
    return Table(tid, title, tm.unit_caption(), [['单位名称'] + [h for h, _ in cols]], rows, kinds, {1, 2, 3, 4})


def fmt_money_text(val: Fraction | int, o: dict[str, Any]) -> tuple[str, str, int]:
    """(printed number, unit, decimals) of an amount in the text of this document."""
    val = Fraction(val)
    if o['xunit'] == '万元':
        return fmt_number(val / 10000, 2, o['xsep']), '万元', 2
    return fmt_number(val, o['xdec'], o['xsep']), '元', o['xdec']

