"""defects7: plant exactly one defect in a built document.

A numeric defect changes one figure (or, for cross-table, one table cell and the totals
above it in the same table, so that table stays balanced).  It is kept only if some
identity is still violated after every interval is widened by 2 units of its last
digit, and every identity violated at normal width involves a changed figure.
"""
from fractions import Fraction

from doc7 import SCALE, all_identities, ident_refs, parse_num, violated

CLASSES = ['table-total', 'cross-table', 'blank-total', 'text-vs-table', 'share', 'growth', 'change-amount',
           'completion', 'carryover', 'three-public', 'list-sum', 'count', 'duplicate-figure', 'missing-section',
           'template-residue', 'year-mismatch', 'direction']
FINAL_ONLY = {'completion', 'carryover'}
FLIP = {'增加': '减少', '减少': '增加', '增长': '下降', '下降': '增长', '上升': '下降', '提高': '降低', '降低': '提高'}


class Planter:
    def __init__(self, doc, rng):
        self.doc = doc
        self.rng = rng
        self.F = doc.figs

    # ---------------- helpers ----------------
    def used(self):
        """Printed figures in registration order (a list, so that candidate order is deterministic)."""
        u = set(self.doc.fig_ids_in_use())
        return [f for f in self.doc.order if f in u]

    def idents_of(self, fid):
        return [d for d in all_identities(self.doc) if fid in ident_refs(d)]

    def snapshot(self, fids):
        return {f: (self.F[f].exact, self.F[f].printed, self.F[f].blank, self.F[f].fullwidth, self.F[f].sep,
                    self.F[f].zero_blank) for f in fids}

    def restore(self, snap):
        for f, (e, p, b, fw, sep, zb) in snap.items():
            fig = self.F[f]
            fig.exact, fig.printed, fig.blank, fig.fullwidth, fig.sep, fig.zero_blank = e, p, b, fw, sep, zb

    def set_amount(self, fid, new):
        fig = self.F[fid]
        fig.exact = int(new)
        fig.fullwidth = False
        if fig.sep == ' ':
            fig.sep = ''
        fig.zero_blank = False
        fig.render()

    def accept(self, changed):
        if not violated(self.doc, widen=2):
            return False
        for d in violated(self.doc, widen=0):
            if not set(ident_refs(d)) & set(changed):
                return False
        return True

    def unit_fen(self, fig):
        return SCALE[fig.unit] // (10 ** fig.dec) if SCALE[fig.unit] >= 10 ** fig.dec else 1

    def new_amount(self, fig, up=None):
        v = fig.exact
        u = self.unit_fen(fig)
        r = self.rng.random()
        if r < 0.25 and len(fig.printed.replace(',', '').replace('.', '')) >= 3:
            # transposed digits, a real typing slip
            s = fig.printed
            idx = [i for i in range(len(s) - 1) if s[i].isdigit() and s[i + 1].isdigit() and s[i] != s[i + 1]]
            if idx:
                i = self.rng.choice(idx)
                t = s[:i] + s[i + 1] + s[i] + s[i + 2:]
                val = parse_num(t)
                return int(val * SCALE[fig.unit])
        rel = self.rng.uniform(0.08, 0.45)
        sign = up if up is not None else self.rng.choice([1, -1])
        delta = max(int(abs(v) * rel), u * self.rng.randint(12, 60))
        delta -= delta % u
        new = v + sign * delta
        if new < 0:
            new = v + delta
        return new

    def where_of(self, fid, before=12, after=4):
        """Context string around a figure in its paragraph or heading, or the cell text.

        The window starts after the last punctuation mark before the figure and stops at the
        first punctuation mark after it, so it reads like a quote: 完成调整预算的102.9%."""
        fig = self.F[fid]
        if fig.table is not None:
            return fig.printed
        for b in self.doc.blocks:
            if b[0] == 'p':
                segs = b[1].segs
            elif b[0] == 'h':
                segs = b[2]
            else:
                continue
            pos = 0
            text = []
            hit = None
            for s in segs:
                st = self.F[s[1]].printed if isinstance(s, tuple) else s
                if isinstance(s, tuple) and s[1] == fid:
                    hit = (pos, pos + len(st))
                text.append(st)
                pos += len(st)
            if hit:
                full = ''.join(text)
                a = max(0, hit[0] - before)
                pre = full[a:hit[0]]
                cut = max(pre.rfind(ch) for ch in '，。；：、（）')
                if cut >= 0:
                    a += cut + 1
                post = full[hit[1]:hit[1] + after]
                cuts = [post.find(ch) for ch in '，。；：、' if post.find(ch) >= 0]
                if cuts:
                    post = post[:min(cuts)]
                return full[a:hit[0]] + fig.printed + post
        return fig.printed

    def unique_enough(self, w):
        if len(w.replace(' ', '')) < 4:
            return False
        txt = self.doc.plain_text().replace(' ', '').replace('\n', '')
        return txt.count(w.replace(' ', '')) == 1

    def alt_of(self, changed):
        alts = []
        for d in violated(self.doc, widen=0):
            for r in ident_refs(d):
                if r in changed:
                    continue
                p = self.F[r].printed or ''
                if self.F[r].kind in ('amount', 'pct') and len(p) >= 4 and p not in alts and parse_num(p) != 0:
                    alts.append(p)
        return alts[:6]

    def record(self, cls, fid, changed, old, note, where=None):
        fig = self.F[fid]
        w = where or self.where_of(fid)
        d = dict(**{'class': cls}, where=w, alt=self.alt_of(changed), stated=fig.printed, expected=old, note=note,
                 figs=sorted(changed))
        if fig.table is not None:
            t = self.doc.tables[fig.table]
            d['table'] = t.title()
            d['row'] = fig.label
        return d

    def try_amount(self, cls, cands, note, up=None, tries=3):
        self.rng.shuffle(cands)
        for fid in cands[:40]:
            fig = self.F[fid]
            for _ in range(tries):
                snap = self.snapshot([fid])
                old = fig.printed
                self.set_amount(fid, self.new_amount(fig, up))
                w = self.where_of(fid)
                if fig.printed != old and self.unique_enough(w) and self.accept([fid]):
                    return self.record(cls, fid, [fid], old, note.format(old=old, new=fig.printed))
                self.restore(snap)
        return None

    def try_pct(self, cls, cands, note, newval):
        self.rng.shuffle(cands)
        for fid in cands[:40]:
            fig = self.F[fid]
            for attempt in range(4):
                snap = self.snapshot([fid])
                old = fig.printed
                nv = newval(fid, attempt)
                if nv is None or nv < 0:
                    continue
                fig.exact = Fraction(nv)
                fig.fullwidth = False
                fig.render()
                w = self.where_of(fid)
                if fig.printed != old and self.unique_enough(w) and self.accept([fid]):
                    return self.record(cls, fid, [fid], old, note.format(old=old, new=fig.printed))
                self.restore(snap)
        return None

    def sums(self, cls=None):
        return [d for d in all_identities(self.doc) if d['kind'] == 'sum' and (cls is None or d.get('cls') in cls)]

    # ---------------- classes ----------------
    def p_table_total(self):
        c = [d['total'] for d in self.sums({'table-tree', 'table-row', 'three-public'})
             if self.F[d['total']].table is not None and self.F[d['total']].exact > 0]
        return self.try_amount('table-total', sorted(set(c)), '合计/小计单元格{old}被改成{new}，不再等于其组成部分之和')

    def p_cross_table(self):
        used = self.used()
        keys_tables = {}
        for fid in used:
            fg = self.F[fid]
            if fg.table is not None and fg.kind == 'amount':
                keys_tables.setdefault(fg.key, set()).add(fg.table)
        tsums_all = self.sums({'table-tree', 'table-row'})
        totals = {d['total'] for d in tsums_all}
        cands = [fid for fid in used if self.F[fid].table is not None and 'leaf' in self.F[fid].tags
                 and self.F[fid].exact > 0 and fid not in totals]
        self.rng.shuffle(cands)
        for fid in cands[:30]:
            fig = self.F[fid]
            old = fig.printed
            new = self.new_amount(fig)
            delta = new - fig.exact
            # propagate the change to the totals above it in the same table
            changed = [fid]
            queue = [fid]
            tsums = [d for d in tsums_all if self.F[d['total']].table == fig.table]
            while queue:
                x = queue.pop()
                for d in tsums:
                    if x in d['parts'] and d['total'] not in changed:
                        changed.append(d['total'])
                        queue.append(d['total'])
            if not any(len(keys_tables.get(self.F[c].key, ())) > 1 for c in changed):
                continue
            snap = self.snapshot(changed)
            for c in changed:
                self.set_amount(c, self.F[c].exact + delta)
            if any(self.F[c].exact < 0 for c in changed):
                self.restore(snap)
                continue
            same = sum(1 for c in changed if self.F[c].printed == fig.printed)
            txt = self.doc.plain_text().replace(' ', '').replace('\n', '')
            if len(fig.printed) >= 4 and txt.count(fig.printed) <= same and self.accept(changed):
                t = self.doc.tables[fig.table]
                return self.record('cross-table', fid, changed, old,
                                   f'《{t.title()}》中“{fig.label}”为{fig.printed}（及其上级合计随之改动，表内自洽），'
                                   f'与其他表格和正文中的同一数字{old}不一致')
            self.restore(snap)
        return None

    def p_blank_total(self):
        cands = []
        for d in self.sums({'table-tree'}):
            fg = self.F[d['total']]
            if fg.table is not None and fg.exact > 0 and fg.printed and fg.label and len(fg.label) >= 4 \
                    and fg.label != '合计' and ('kuan' in fg.tags or 'lei' in fg.tags):
                cands.append(d['total'])
        self.rng.shuffle(cands)
        for fid in cands:
            fig = self.F[fid]
            snap = self.snapshot([fid])
            old = fig.printed
            fig.blank = True
            fig.printed = ''
            if self.accept([fid]):
                t = self.doc.tables[fig.table]
                d = dict(**{'class': 'blank-total'}, where=fig.label, alt=self.alt_of([fid]), stated='', expected=old,
                         note=f'《{t.title()}》“{fig.label}”行的合计数留空，其明细不为零', figs=[fid],
                         table=t.title(), row=fig.label)
                return d
            self.restore(snap)
        return None

    def p_text_vs_table(self):
        used = self.used()
        tkeys = {self.F[f].key for f in used if self.F[f].table is not None and self.F[f].kind == 'amount'}
        cands = [f for f in used if 'text' in self.F[f].tags and self.F[f].kind == 'amount'
                 and self.F[f].key in tkeys and self.F[f].exact > 0 and 'dup' not in self.F[f].tags]
        return self.try_amount('text-vs-table', cands, '正文数字{old}被写成{new}，与表格不一致')

    def p_share(self):
        used = self.used()
        cands = [f for f in used if 'share' in self.F[f].tags and self.F[f].kind == 'pct']

        def nv(fid, k):
            v = self.F[fid].exact
            d = Fraction(self.rng.choice([3, 5, 8, 12, 15, 20]))
            return v + d if (v < 60 or k % 2) else v - d
        return self.try_pct('share', cands, '占比{old}%被写成{new}%，与金额不符', nv)

    def p_growth(self):
        used = self.used()
        cands = [f for f in used if 'growth' in self.F[f].tags and self.F[f].kind == 'pct']
        gid = {}
        for d in all_identities(self.doc):
            if d['kind'] == 'growth' and d.get('pct'):
                gid[d['pct']] = d

        def nv(fid, k):
            d = gid.get(fid)
            v = self.F[fid].exact
            if k == 0 and d and d.get('chg'):
                # the real error: change divided by this year's amount
                cur = self.F[d['cur']].exact
                chg = self.F[d['chg']].exact
                if cur:
                    return Fraction(abs(chg) * 100, abs(cur))
            if k == 1:
                others = [g for g in cands if g != fid]
                if others:
                    return self.F[self.rng.choice(others)].exact
            return v * Fraction(self.rng.choice([3, 5, 7, 15]), 10)
        return self.try_pct('growth', cands, '增长率{old}%被写成{new}%，与增减额和上年数不符', nv)

    def p_change(self):
        used = self.used()
        cands = [f for f in used if 'chg' in self.F[f].tags and self.F[f].kind == 'amount' and self.F[f].exact != 0]
        return self.try_amount('change-amount', cands, '增减额{old}被写成{new}，不等于本年数减上年数')

    def p_completion(self):
        used = self.used()
        cands = [f for f in used if 'cmp' in self.F[f].tags and self.F[f].kind == 'pct']

        def nv(fid, k):
            v = self.F[fid].exact
            if k == 0 and v > 0:
                return Fraction(10000) / v       # budget / actual instead of actual / budget
            return v + Fraction(self.rng.choice([-25, -12, -6, 6, 12, 25]))
        return self.try_pct('completion', cands, '完成率{old}%被写成{new}%，不等于决算数/预算数', nv)

    def p_carryover(self):
        cands = set()
        for d in all_identities(self.doc):
            if d['kind'] == 'sum' and d.get('cls') == 'carryover':
                cands.add(d['total'])
        return self.try_amount('carryover', sorted(cands), '年末结转和结余{old}被写成{new}，不等于年初结转+本年收入-本年支出')

    def p_three_public(self):
        cands = [d['total'] for d in self.sums({'three-public'})] + \
                [f for f in self.used() if 'sg_total' in self.F[f].tags]
        return self.try_amount('three-public', sorted(set(cands)), '“三公”经费合计{old}被写成{new}，不等于出国+车辆+接待之和')

    def p_list_sum(self):
        cands = []
        for d in self.sums({'list-sum'}):
            for p in d['parts']:
                if 'text' in self.F[p].tags and self.F[p].exact >= 0:
                    cands.append(p)
        return self.try_amount('list-sum', sorted(set(cands)), '“其中”明细{old}被写成{new}，明细之和不再等于总数', up=1)

    def p_count(self):
        cands = []
        for d in self.sums({'count'}):
            cands += [p for p in d['parts'] if 'count_item' in self.F[p].tags]
        cands = sorted(set(cands))
        self.rng.shuffle(cands)
        for fid in cands:
            fig = self.F[fid]
            snap = self.snapshot([fid])
            old = fig.printed
            fig.exact = fig.exact + self.rng.randint(1, 3)
            fig.fullwidth = False
            fig.render()
            w = self.where_of(fid, before=8, after=2)
            if self.unique_enough(w) and self.accept([fid]):
                return self.record('count', fid, [fid], old, f'分项个数{old}被写成{fig.printed}，分项之和超过总数', where=w)
            self.restore(snap)
        return None

    def p_duplicate(self):
        cands = [f for f in self.used() if 'dup' in self.F[f].tags and self.F[f].kind == 'amount' and self.F[f].exact > 0]
        return self.try_amount('duplicate-figure', cands, '同一数字在正文中两次出现，第二次写成{new}（应为{old}）')

    def p_direction(self):
        cands = [f for f in self.used() if 'dir' in self.F[f].tags and self.F[f].printed in FLIP and self.F[f].exact]
        self.rng.shuffle(cands)
        for fid in cands:
            fig = self.F[fid]
            snap = self.snapshot([fid])
            old = fig.printed
            fig.printed = FLIP[old]
            fig.exact = -fig.exact
            w = self.where_of(fid, before=8, after=8)
            if self.unique_enough(w) and self.accept([fid]):
                return self.record('direction', fid, [fid], old, f'方向词“{old}”被写成“{fig.printed}”，与数字的增减方向相反', where=w)
            self.restore(snap)
        return None

    def p_year(self):
        cands = [f for f in self.used() if self.F[f].kind == 'year' and self.F[f].key == 'year.report'
                 and 'body' in self.F[f].tags and self.F[f].table is None]
        self.rng.shuffle(cands)
        for fid in cands:
            fig = self.F[fid]
            snap = self.snapshot([fid])
            old = fig.printed
            fig.exact = fig.exact + self.rng.choice([-1, 1])
            fig.render()
            w = self.where_of(fid, before=10, after=6)
            if self.unique_enough(w) and self.accept([fid]):
                return self.record('year-mismatch', fid, [fid], old, f'标题年度为{old}，正文写成{fig.printed}', where=w)
            self.restore(snap)
        return None

    def p_missing(self):
        ts = [b[1] for b in self.doc.blocks if b[0] == 't' and b[1].mandatory]
        t = self.rng.choice(ts)
        self.doc.blocks = [b for b in self.doc.blocks if not (b[0] == 't' and b[1] is t)]
        self.doc.missing = t.mandatory
        return dict(**{'class': 'missing-section'}, where=t.toc_entry, alt=[t.title()], stated='', expected=t.title(),
                    note=f'目录列出《{t.toc_entry[2:]}》，正文附表中没有这张表', figs=[], table=t.title())

    def p_residue(self):
        doc, rng = self.doc, self.rng
        styles = ['unit', 'year', 'reason', 'phone']
        rng.shuffle(styles)
        for st in styles:
            if st == 'unit':
                for b in doc.blocks:
                    if b[0] == 'p':
                        segs = b[1].segs
                        for i, s in enumerate(segs):
                            if isinstance(s, str) and doc.facts.dept_name in s and i == 0:
                                new = s.replace(doc.facts.dept_name, 'XX单位', 1)
                                segs[i] = new
                                k = new.index('XX单位')
                                w = new[k:k + 8]
                                doc.residue.append('XX单位')
                                return self.res_rec(w, '单位名称处保留了模板占位符“XX单位”')
            if st == 'year':
                for b in doc.blocks:
                    if b[0] == 'h':
                        segs = b[2]
                        for i, s in enumerate(segs):
                            if isinstance(s, tuple) and 'heading' in self.F[s[1]].tags:
                                segs[i] = '202X'
                                w = '202X' + ''.join(x for x in segs[i + 1:i + 2] if isinstance(x, str))[:6]
                                doc.residue.append('202X')
                                return self.res_rec(w, '标题中的年度保留为模板“202X年”')
            if st == 'reason':
                for b in doc.blocks:
                    if b[0] == 'p':
                        segs = b[1].segs
                        for i, s in enumerate(segs):
                            if isinstance(s, str) and '主要原因是' in s:
                                k = s.index('主要原因是') + 5
                                segs[i] = s[:k] + '【填写】'
                                doc.residue.append('【填写】')
                                return self.res_rec('主要原因是【填写】', '原因说明处保留了模板“【填写】”')
            if st == 'phone':
                for b in doc.blocks:
                    if b[0] == 'p' and b[1].segs and isinstance(b[1].segs[0], str) and b[1].segs[0].startswith('联系方式'):
                        s = b[1].segs[0]
                        k = s.index('联系电话：') + 5
                        b[1].segs[0] = s[:k] + '（请填写联系电话）'
                        doc.residue.append('（请填写联系电话）')
                        return self.res_rec('（请填写联系电话）', '联系电话处保留了模板说明“（请填写联系电话）”')
        return None

    def res_rec(self, w, note):
        return dict(**{'class': 'template-residue'}, where=w, alt=[], stated=w, expected='', note=note, figs=[])

    def plant(self, cls):
        fn = {'table-total': self.p_table_total, 'cross-table': self.p_cross_table, 'blank-total': self.p_blank_total,
              'text-vs-table': self.p_text_vs_table, 'share': self.p_share, 'growth': self.p_growth,
              'change-amount': self.p_change, 'completion': self.p_completion, 'carryover': self.p_carryover,
              'three-public': self.p_three_public, 'list-sum': self.p_list_sum, 'count': self.p_count,
              'duplicate-figure': self.p_duplicate, 'missing-section': self.p_missing,
              'template-residue': self.p_residue, 'year-mismatch': self.p_year, 'direction': self.p_direction}[cls]
        return fn()
