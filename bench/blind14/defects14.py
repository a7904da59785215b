"""Planting exactly one defect in a finished document.

Every class changes printed figures (or removes a table, or leaves template text) and is accepted
only when (a) an identity of the class's own kind is violated even after every printed interval
is widened by 2 units of its last digit, and (b) every identity violated within plain rounding
involves a changed figure — so the document carries one defect and nothing else.
"""
from __future__ import annotations

import random
import re
from fractions import Fraction
from typing import Any, Callable

from doc14 import Doc, Fig, Para, check_identity, fmt_number, implicit_eq_violations, parse_number

CLASSES = ['table-total', 'text-vs-table', 'yoy-growth', 'yoy-change', 'direction', 'share', 'sangong-sum',
           'vehicle-count', 'procurement-sum', 'cross-table', 'missing-part', 'template-left']
RESIDUE_PATTERNS = ['XX部门', 'XX单位', '××', '（此处填写', '增加（减少）', '增长（下降）', '主要原因是……']
FLIP = {'增加': '减少', '减少': '增加', '增长': '下降', '下降': '增长'}


def norm(s: str) -> str:
    return re.sub(r'\s+', '', s)


# ---------------------------------------------------------------- violation bookkeeping
def violated(doc: Doc, widen: int) -> list[dict[str, Any]]:
    """Explicit identities and implicit same-key equalities that fail at this widening."""
    out = [d for d in doc.identities if check_identity(d, doc.figs, widen) is False]
    for a, b in implicit_eq_violations(doc.figs, widen):
        out.append({'type': 'key-eq', 'tag': '', 'a': a, 'b': b, 'id': f'eq:{a}:{b}'})
    return out


def fig_ids(d: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for k, v in d.items():
        if k in ('type', 'tag', 'id', 'n'):
            continue
        if isinstance(v, str) and v.startswith('f'):
            ids.add(v)
        elif isinstance(v, list):
            ids |= {x for x in v if isinstance(x, str) and x.startswith('f')}
    return ids


def is_table(doc: Doc, fid: str) -> bool:
    return doc.figs[fid].loc.get('part') == 'table'


# ---------------------------------------------------------------- text positions
def para_of(doc: Doc, fig: Fig) -> Para | None:
    for b in doc.blocks:
        if isinstance(b, Para) and any(s is fig for s in b.segs):
            return b
    return None


def span_of(p: Para, fig: Fig) -> tuple[int, int]:
    pos = 0
    for s in p.segs:
        t = s if isinstance(s, str) else s.text
        if s is fig:
            return pos, pos + len(t)
        pos += len(t)
    raise KeyError(fig.id)


def unit_after(p: Para, fig: Fig) -> str:
    i = next(i for i, s in enumerate(p.segs) if s is fig)
    nxt = p.segs[i + 1] if i + 1 < len(p.segs) else ''
    if isinstance(nxt, str):
        for u in ('万元', '元', '%', '辆', '个', '台（套）'):
            if nxt.startswith(u):
                return u
    return ''


def clause(doc: Doc, p: Para, start: int, end: int) -> str:
    """The clause around [start, end): from the previous delimiter, made unique in the document."""
    text = p.text()
    full = norm(doc.plain_text())
    delims = '，；。：、（）'
    b = start
    while b > 0 and text[b - 1] not in delims:
        b -= 1
    w = text[b:end]
    while (len(norm(w)) < 6 or full.count(norm(w)) != 1) and b > 0:
        b -= 1
        while b > 0 and text[b - 1] not in delims:
            b -= 1
        w = text[b:end]
    return w


def where_text_fig(doc: Doc, fig: Fig) -> str:
    p = para_of(doc, fig)
    assert p is not None
    s, e = span_of(p, fig)
    return clause(doc, p, s, e + len(unit_after(p, fig)))


# ---------------------------------------------------------------- the planter
class Planter:
    def __init__(self, doc: Doc, rng: random.Random) -> None:
        self.doc, self.rng = doc, rng
        self.baseline = {d['id'] for d in violated(doc, 0)}
        assert not self.baseline, f'clean document violates {self.baseline}'

    # -- acceptance
    def accept(self, changed: set[str], want: Callable[[dict[str, Any]], bool]) -> bool:
        hard = violated(self.doc, 2)
        soft = violated(self.doc, 0)
        if not any(want(d) for d in hard):
            return False
        return all(fig_ids(d) & changed for d in soft)

    def set_text(self, fig: Fig, text: str) -> None:
        fig.text = text
        fig.tampered = True

    def revert(self, figs: list[Fig]) -> None:
        for f in figs:
            f.text = f.true_text
            f.tampered = False

    def unique_in_doc(self, s: str) -> bool:
        return norm(self.doc.plain_text()).count(norm(s)) == 1

    def shifted(self, fig: Fig, lo: float = 0.04, hi: float = 0.25, min_yuan: int = 10000) -> str:
        """The figure's amount moved by a clearly-wrong delta, printed like the original."""
        v = parse_number(fig.true_text) or Fraction(0)
        step = Fraction(1, 10 ** fig.dec)
        unit = 10000 if fig.unit == '万元' else 1
        delta = max(abs(fig.value) * Fraction(self.rng.uniform(lo, hi)).limit_denominator(1000), Fraction(min_yuan)) / unit
        # a slip of whole hundreds of 元 (or the printed step, if coarser): no stray 分 in a whole-元 budget
        nice = max(step, Fraction(100) / unit)
        delta = max(round(delta / nice) * nice, nice)
        sign = self.rng.choice([1, -1])
        if v > 0 and v - delta <= 0:
            sign = 1
        if v < 0 and v + delta >= 0:
            sign = -1
        return fmt_number(v + sign * delta, fig.dec, self.sep_of(fig))

    def sep_of(self, fig: Fig) -> bool:
        """Whether this document prints thousands separators where `fig` stands."""
        o = self.doc.options
        if fig.loc['part'] == 'table':
            return o['tunit'] == '元' or o['tsep']
        return o['xsep']

    def transposed(self, fig: Fig) -> str | None:
        """Swap two adjacent digits (a typing slip), if that changes the number."""
        t = fig.true_text
        idx = [i for i in range(len(t) - 1) if t[i].isdigit() and t[i + 1].isdigit() and t[i] != t[i + 1]
               and not (i == 0 and t[1] == '0')]  # no leading zero
        if not idx:
            return None
        i = self.rng.choice(idx)
        return t[:i] + t[i + 1] + t[i] + t[i + 2:]

    def manifest(self, cls: str, where: str, stated: str | None, expected: str | None, note: str,
                 changed: list[Fig], alt: list[str] | None = None, table: str | None = None,
                 row: str | None = None) -> dict[str, Any]:
        d: dict[str, Any] = {'class': cls, 'where': where, 'alt': alt or [], 'stated': stated,
                             'expected': expected, 'note': note}
        if table:
            d['table'] = table
            d['row'] = row
        d['_changed'] = [f.id for f in changed]
        return d

    def table_title(self, fig: Fig) -> str:
        for t in self.doc.tables():
            if t.tid == fig.loc.get('table'):
                return t.title
        return ''

    def unit_word(self, fig: Fig) -> str:
        return fig.unit if fig.unit != '%' else '%'

    # -- one attempt per class; each returns a manifest defect or None
    def try_amount_change(self, cls: str, cands: list[Fig], want: Callable[[dict[str, Any], Fig], bool],
                          note: Callable[[Fig], str], min_yuan: int = 10000) -> dict[str, Any] | None:
        self.rng.shuffle(cands)
        for fig in cands[:25]:
            options = []
            tr = self.transposed(fig)
            if tr and self.rng.random() < 0.4:
                options.append(tr)
            options += [self.shifted(fig, min_yuan=min_yuan) for _ in range(3)]
            for new in options:
                nv = parse_number(new)
                if new == fig.true_text or nv is None or nv == 0 or (nv < 0) != ((parse_number(fig.true_text) or 0) < 0):
                    continue
                factor = 10000 if fig.unit == '万元' else 1
                if abs(nv - (parse_number(fig.true_text) or 0)) * factor < min_yuan:
                    continue
                self.set_text(fig, new)
                where = new if fig.loc['part'] == 'table' else where_text_fig(self.doc, fig)
                if self.unique_in_doc(where) and self.accept({fig.id}, lambda d: want(d, fig)):
                    return self.finish(cls, fig, where, note(fig))
                self.revert([fig])
        return None

    def finish(self, cls: str, fig: Fig, where: str, note: str, alt: list[str] | None = None) -> dict[str, Any]:
        table = row = None
        if fig.loc['part'] == 'table':
            table, row = self.table_title(fig), fig.loc['row']
        else:
            p = para_of(self.doc, fig)
            if p is not None:
                p.protect = True
        u = '' if fig.unit in ('%', '') else fig.unit
        pc = '%' if fig.unit == '%' and fig.loc['part'] == 'text' else ''
        stated, expected = fig.text + pc, fig.true_text + pc
        return self.manifest(cls, where, stated, expected, note + (f'（单位：{u}）' if u else ''), [fig], alt,
                             table, row)

    # ---------------------------------------------------------------- classes
    def table_total(self) -> dict[str, Any] | None:
        doc = self.doc
        totals = list(dict.fromkeys(d['total'] for d in doc.identities if d['type'] == 'sum'
                                    and d['tag'].startswith('table:') and len(d['parts']) >= 2))
        cands = [doc.figs[i] for i in totals if doc.figs[i].value >= 20000 and is_table(doc, i)
                 and not doc.figs[i].key.startswith(('chg:', 'rate:'))]

        def want(d: dict[str, Any], fig: Fig) -> bool:
            return d['type'] == 'sum' and d.get('total') == fig.id
        return self.try_amount_change('table-total', cands, want,
                                      lambda f: f'“{f.loc["row"]}”行“{f.loc["col"]}”列的合计数与其组成部分之和不符，'
                                                f'应为{f.true_text}')

    def text_vs_table(self) -> dict[str, Any] | None:
        doc = self.doc
        table_keys = {f.key for f in doc.figs.values() if f.loc['part'] == 'table' and f.kind == 'amt'}
        cands = [f for f in doc.figs.values() if f.loc['part'] == 'text' and f.kind == 'amt' and f.signed
                 and f.key in table_keys and f.value >= 10000]

        def want(d: dict[str, Any], fig: Fig) -> bool:
            if d['type'] != 'key-eq' or fig.id not in (d['a'], d['b']):
                return False
            other = d['b'] if d['a'] == fig.id else d['a']
            return is_table(doc, other)
        return self.try_amount_change('text-vs-table', cands, want,
                                      lambda f: f'正文金额与表中同一数字不一致，表中为{f.true_text}{f.unit}')

    def yoy_growth(self) -> dict[str, Any] | None:
        doc = self.doc
        ids = [d for d in doc.identities if d['type'] == 'growth']
        self.rng.shuffle(ids)
        text_first = self.rng.random() < 0.8  # mostly a sentence, sometimes a table's 增减率 cell
        ids.sort(key=lambda d: (d['tag'] != 'text') == text_first)
        for d in ids[:30]:
            fig = doc.figs[d['rate']]
            cur = doc.figs[d['cur']] if d.get('cur') else None
            true = fig.value if fig.signed else abs(fig.value)
            wrong: list[Fraction] = []
            prev_v: Fraction | None = None
            if d.get('prev'):
                prev_v = doc.figs[d['prev']].value
            elif d.get('chg') and cur is not None:
                chg = doc.figs[d['chg']]
                sgn = doc.figs[d['chgdir']].sign() if d.get('chgdir') else 1
                prev_v = cur.value - sgn * chg.value
            if cur is not None and cur.value and prev_v is not None:
                # the classic slip: the change divided by this year's amount instead of last year's
                w = (cur.value - prev_v) / cur.value * 100
                if abs(abs(w) - abs(true)) >= Fraction(3, 10):  # only when the slip shows
                    wrong.append(w if fig.signed else abs(w))
            wrong.append(true * Fraction(self.rng.choice([13, 15, 18, 7, 6]), 10))
            for w in wrong:
                new = fmt_number(w, fig.dec, False)
                if new == fig.true_text:
                    continue
                self.set_text(fig, new)
                where = new if fig.loc['part'] == 'table' else where_text_fig(doc, fig)
                if self.unique_in_doc(where) and self.accept({fig.id}, lambda x: x['type'] == 'growth' and x['rate'] == fig.id):
                    note = '增长率应以上年预算数为基数计算（增减额÷2025年预算数），正确值为' + fig.true_text + '%'
                    return self.finish('yoy-growth', fig, where, note)
                self.revert([fig])
        return None

    def yoy_change(self) -> dict[str, Any] | None:
        doc = self.doc
        cands = [doc.figs[d['chg']] for d in doc.identities if d['type'] == 'diff'
                 and abs(doc.figs[d['chg']].value) >= 1000]
        # mostly a sentence of the text, sometimes a table's 增减额 cell
        text_first = self.rng.random() < 0.75
        cands.sort(key=lambda f: ((f.loc['part'] != 'text') == text_first, self.rng.random()))
        cands = cands[:12] + [f for f in cands[12:] if self.rng.random() < 0.3]

        def want(d: dict[str, Any], fig: Fig) -> bool:
            return d['type'] == 'diff' and d['chg'] == fig.id
        for fig in cands:
            res = self.try_amount_change('yoy-change', [fig], want,
                                         lambda f: f'增减额应等于2026年预算数减2025年预算数，应为{f.true_text}',
                                         min_yuan=5000)
            if res:
                return res
        return None

    def direction(self) -> dict[str, Any] | None:
        doc = self.doc
        ids = [d for d in doc.identities if d['type'] == 'dir' and d['dirs']
               and all(doc.figs[x].text in FLIP for x in d['dirs'])]
        self.rng.shuffle(ids)
        for d in ids:
            words = [doc.figs[x] for x in d['dirs']]
            for w in words:
                self.set_text(w, FLIP[w.true_text])
            p = para_of(doc, words[0])
            assert p is not None
            s, _ = span_of(p, words[0])
            last = words[-1]
            i = next(i for i, seg in enumerate(p.segs) if seg is last)
            nxt = p.segs[i + 1] if i + 1 < len(p.segs) else None
            _, e = span_of(p, nxt if isinstance(nxt, Fig) else last)
            if isinstance(nxt, Fig):
                e += len(unit_after(p, nxt))
            where = clause(doc, p, s, e)
            if self.unique_in_doc(where) and self.accept({w.id for w in words},
                                                         lambda x: x['type'] == 'dir' and x['id'] == d['id']):
                p.protect = True
                return self.manifest('direction', where, words[0].text, words[0].true_text,
                                     '2026年预算数与2025年预算数的变动方向与文字表述相反：应为“'
                                     + '”“'.join(w.true_text for w in words) + '”', words)
            self.revert(words)
        return None

    def share(self) -> dict[str, Any] | None:
        doc = self.doc
        ids = [d for d in doc.identities if d['type'] == 'share']
        self.rng.shuffle(ids)
        for d in ids:
            fig = doc.figs[d['share']]
            if fig.value < 3:
                continue
            for w in (fig.value + self.rng.choice([-1, 1]) * self.rng.uniform(2.5, 9), fig.value * Fraction(12, 10)):
                w = Fraction(w).limit_denominator(10000)
                if w <= 0 or w >= 100:
                    continue
                new = fmt_number(w, fig.dec, False)
                self.set_text(fig, new)
                where = where_text_fig(doc, fig)
                if self.unique_in_doc(where) and self.accept({fig.id}, lambda x: x['type'] == 'share' and x['share'] == fig.id):
                    return self.finish('share', fig, where, f'占比应为{fig.true_text}%')
                self.revert([fig])
        return None

    def tagged_sum(self, cls: str, tag: str, label: str) -> dict[str, Any] | None:
        doc = self.doc
        ids = [d for d in doc.identities if d['type'] == 'sum' and d['tag'] == tag]
        cands: list[Fig] = []
        for d in ids:
            for fid in [d['total']] + list(d['parts']):
                f = doc.figs[fid]
                if f not in cands and (f.kind == 'cnt' or f.value >= 5000 or fid == d['total']):
                    cands.append(f)
        cands.sort(key=lambda f: (f.loc['part'] != 'text', self.rng.random()))
        if self.rng.random() < 0.3:
            self.rng.shuffle(cands)

        def want(d: dict[str, Any], fig: Fig) -> bool:
            return d['type'] == 'sum' and d['tag'] == tag and fig.id in fig_ids(d)
        for fig in cands[:20]:
            if fig.kind == 'cnt':
                for delta in self.rng.sample([1, 2, -1], 3):
                    n = int(fig.value) + delta
                    if n < 0:
                        continue
                    self.set_text(fig, str(n))
                    where = where_text_fig(doc, fig)
                    if self.unique_in_doc(where) and self.accept({fig.id}, lambda x: want(x, fig)):
                        return self.finish(cls, fig, where, f'{label}：各分项之和与总数不符，此处应为{fig.true_text}')
                    self.revert([fig])
                continue
            res = self.try_amount_change(cls, [fig], want, lambda f: f'{label}：各分项之和与合计不符，此处应为{f.true_text}',
                                         min_yuan=2000)
            if res:
                return res
        return None

    def sangong_sum(self) -> dict[str, Any] | None:
        if self.doc.figs and not any(f.key.startswith('sg.tot@2026') and f.value > 0 for f in self.doc.figs.values()):
            return None
        return self.tagged_sum('sangong-sum', 'sangong', '“三公”经费 = 因公出国（境）费 + 公务用车购置及运行费 + 公务接待费')

    def vehicle_count(self) -> dict[str, Any] | None:
        return self.tagged_sum('vehicle-count', 'vehicle', '车辆总数应等于各类车辆数之和')

    def procurement_sum(self) -> dict[str, Any] | None:
        return self.tagged_sum('procurement-sum', 'procurement', '政府采购预算总额 = 货物 + 工程 + 服务')

    def cross_table(self) -> dict[str, Any] | None:
        doc = self.doc
        t = next((t for t in doc.tables() if t.tid == 't_szzb'), None)
        if t is None:
            return None
        # expense halves: the 2026 column of each 类 row, each a separate figure
        figs = [c for row in t.rows for c in row if isinstance(c, Fig) and c.key.startswith('exp.all.')
                and c.key.endswith('@2026') and c.value >= 20000]
        others = {f.key for f in doc.figs.values() if f.loc.get('table') not in (None, 't_szzb')}
        figs = [f for f in figs if f.key in others]
        self.rng.shuffle(figs)
        for a in figs:
            for b in figs:
                if a is b:
                    continue
                va, vb = parse_number(a.true_text), parse_number(b.true_text)
                step = Fraction(1, 10 ** a.dec)
                unit = 10000 if a.unit == '万元' else 1
                delta = max(min(vb * Fraction(self.rng.uniform(0.1, 0.4)).limit_denominator(100),
                                Fraction(self.rng.randint(2, 40) * 10000, unit)), 20 * step)
                delta = round(delta / step) * step
                if delta >= vb:
                    continue
                sep = self.sep_of(a)
                na, nb = fmt_number(va + delta, a.dec, sep), fmt_number(vb - delta, b.dec, sep)
                self.set_text(a, na)
                self.set_text(b, nb)
                ok = self.unique_in_doc(na) and self.unique_in_doc(nb)

                def want(d: dict[str, Any]) -> bool:
                    return d['type'] == 'key-eq' and (a.id in (d['a'], d['b'])) and is_table(doc, d['a']) \
                        and is_table(doc, d['b'])
                if ok and self.accept({a.id, b.id}, want):
                    other = next(t2.title for t2 in doc.tables() if any(
                        isinstance(c, Fig) and c.key == a.key for r in t2.rows for c in r) and t2.tid != 't_szzb')
                    res = self.manifest('cross-table', na, na, a.true_text,
                                        f'{t.title}中“{a.loc["row"]}”为{na}，与{other}中的{a.true_text}不一致；'
                                        f'差额挪到了“{b.loc["row"]}”（{nb}，应为{b.true_text}），本表合计仍平衡',
                                        [a, b], alt=[nb], table=t.title, row=a.loc['row'])
                    return res
                self.revert([a, b])
        return None

    def missing_part(self) -> dict[str, Any] | None:
        doc = self.doc
        choices = ['t_srb', 't_zcb', 't_czbk', 't_jbzc', 't_sg', 't_zfxjj', 't_gyzb', 't_xm', 't_cg']
        tabs = {t.tid: t for t in doc.tables()}
        choices = [c for c in choices if c in tabs]
        tid = self.rng.choice(choices)
        t = tabs[tid]
        base_title = dict(zip(doc.toc_tids, doc.toc_tables))[tid]
        doc.blocks = [b for b in doc.blocks if b is not t]
        gone = {c.id for row in t.rows for c in row if isinstance(c, Fig)}
        doc.identities = [d for d in doc.identities if not (fig_ids(d) & gone)]
        for fid in gone:
            del doc.figs[fid]
        bare = base_title[5:] if base_title.startswith('2026年') else base_title
        return self.manifest('missing-part', bare, None, '目录所列表格应予公开',
                             f'目录列出《{base_title}》，但文件中没有这张表（也没有说明其为空表）', [],
                             alt=[base_title] if bare != base_title else [])

    def template_left(self) -> dict[str, Any] | None:
        doc = self.doc
        kind = self.rng.choice(['amount', 'reason', 'dept', 'dir'])
        paras = [b for b in doc.blocks if isinstance(b, Para) and b.style == 'body']
        if kind == 'reason':
            for p in self.rng.sample(paras, len(paras)):
                for i, s in enumerate(p.segs):
                    if isinstance(s, str) and s.startswith(('，主要原因是', '。主要原因是')) and len(s) > 8:
                        old = s
                        p.segs[i] = s[:6] + '（此处填写变动原因）'
                        p.protect = True
                        return self.manifest('template-left', '（此处填写变动原因）', '（此处填写变动原因）', None,
                                             f'模板说明文字未替换，原应为：{old[6:]}', [])
        if kind == 'dept':
            dept = doc.facts['dept']
            for p in self.rng.sample(paras, len(paras)):
                for i, s in enumerate(p.segs):
                    if isinstance(s, str) and dept in s and '所有收入和支出' in s:
                        p.segs[i] = s.replace(dept, 'XX部门', 1)
                        p.protect = True
                        return self.manifest('template-left', 'XX部门', 'XX部门', dept,
                                             '模板占位的部门名称未替换', [])
        if kind == 'dir':
            words = [f for f in doc.figs.values() if f.kind == 'dir' and f.text == '增加']
            if words:
                w = self.rng.choice(words)
                self.set_text(w, '增加（减少）')
                p = para_of(doc, w)
                assert p is not None
                p.protect = True
                return self.manifest('template-left', '增加（减少）', '增加（减少）', '增加',
                                     '模板中的“增加（减少）”未按实际情况删改', [w])
        cands = [f for f in doc.figs.values() if f.loc['part'] == 'text' and f.kind == 'amt' and f.signed
                 and f.value >= 10000]
        fig = self.rng.choice(cands)
        self.set_text(fig, '××')
        p = para_of(doc, fig)
        assert p is not None
        p.protect = True
        where = where_text_fig(doc, fig)  # e.g. "公务接待费××元": the placeholder with its label
        return self.manifest('template-left', where, '××' + fig.unit, fig.true_text + fig.unit,
                             '金额仍为模板占位符“××”，未填写实际数字', [fig])


def plant(doc: Doc, cls: str, rng: random.Random) -> dict[str, Any]:
    """Plant `cls` (or, if it does not fit this document, the next class that does)."""
    pl = Planter(doc, rng)
    funcs = {'table-total': pl.table_total, 'text-vs-table': pl.text_vs_table, 'yoy-growth': pl.yoy_growth,
             'yoy-change': pl.yoy_change, 'direction': pl.direction, 'share': pl.share,
             'sangong-sum': pl.sangong_sum, 'vehicle-count': pl.vehicle_count,
             'procurement-sum': pl.procurement_sum, 'cross-table': pl.cross_table,
             'missing-part': pl.missing_part, 'template-left': pl.template_left}
    order = [cls] + [c for c in CLASSES[CLASSES.index(cls) + 1:] + CLASSES[:CLASSES.index(cls)]]
    for c in order:
        res = funcs[c]()
        if res is not None:
            if c != cls:
                res['note'] += f'（计划类别 {cls} 不适用于本文件，改为 {c}）'
            return res
    raise RuntimeError('no defect class fits')
