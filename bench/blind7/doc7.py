"""doc7: the document model, the figure registry and the identities.

A document is a list of blocks (headings, paragraphs, tables, a table of contents).
Paragraphs and table cells hold literal strings and references to figures.  A
figure is registered once with its exact value (fen for money, a Fraction for a
rate, an int for a count or a year, a sign for a direction word), its unit, its
decimals and its printed string.  A defect changes a figure's printed string (and
its value); the renderers always print the registry's current string.
"""
import re
from fractions import Fraction

WAN = 1_000_000
SCALE = {'元': 100, '万元': WAN, '千元': 100_000}     # fen per display unit
FW = str.maketrans('0123456789', '０１２３４５６７８９')


def round_half_up(x: Fraction, d: int) -> Fraction:
    q = Fraction(10) ** d
    y = x * q
    neg = y < 0
    y = abs(y)
    n = int(y)
    if y - n >= Fraction(1, 2):
        n += 1
    return Fraction(-n if neg else n) / q


def fmt_fixed(x: Fraction, d: int, sep: str = '') -> str:
    r = round_half_up(x, d)
    neg = r < 0
    r = abs(r)
    whole = int(r)
    frac = r - whole
    s_whole = str(whole)
    if sep:
        s_whole = '{:,}'.format(whole).replace(',', sep)
    if d > 0:
        fr = str(int(frac * 10 ** d)).rjust(d, '0')
        s = s_whole + '.' + fr
    else:
        s = s_whole
    return ('-' if neg else '') + s


class Figure:
    __slots__ = ('id', 'key', 'kind', 'exact', 'unit', 'dec', 'printed', 'sep', 'fullwidth', 'blank',
                 'where', 'tags', 'table', 'row', 'col', 'para', 'label', 'zero_blank', 'signed')

    def __init__(self, **kw):
        for k in self.__slots__:
            setattr(self, k, kw.get(k))
        if self.tags is None:
            self.tags = set()

    def render(self):
        """Compute the printed string from the exact value and the format."""
        k = self.kind
        if k == 'amount':
            if self.blank:
                self.printed = ''
                return
            v = Fraction(self.exact, SCALE[self.unit])
            if self.zero_blank and round_half_up(v, self.dec) == 0:
                self.printed = ''
                return
            s = fmt_fixed(v, self.dec, self.sep or '')
        elif k == 'pct':
            s = fmt_fixed(self.exact, self.dec)
        elif k in ('count', 'year'):
            s = str(self.exact)
        elif k == 'word':
            s = self.printed
            return
        else:
            raise ValueError(k)
        if self.fullwidth:
            s = s.translate(FW)
        self.printed = s

    def to_json(self):
        ex = self.exact
        if isinstance(ex, Fraction):
            ex = f'{ex.numerator}/{ex.denominator}'
        d = dict(id=self.id, key=self.key, kind=self.kind, exact=ex, unit=self.unit, dec=self.dec,
                 printed=self.printed, tags=sorted(self.tags))
        if self.blank:
            d['blank'] = True
        if self.signed:
            d['signed'] = True
        for k in ('table', 'row', 'col', 'para', 'label'):
            v = getattr(self, k)
            if v is not None:
                d[k] = v
        return d


class Para:
    """A paragraph: a list of str and ('F', fid) segments."""

    def __init__(self, doc, style='p'):
        self.doc = doc
        self.segs = []
        self.style = style
        self.idx = None

    def t(self, s):
        self.segs.append(s)
        return self

    def f(self, fid):
        self.segs.append(('F', fid))
        fig = self.doc.figs[fid]
        fig.para = self.idx
        return self

    # convenience: money / pct / count / year / word in the document's text format
    def money(self, key, fen, tags=(), unit_word=True):
        fid = self.doc.text_money(key, fen, tags)
        self.f(fid)
        if unit_word:
            self.t(self.doc.text_unit)
        return fid

    def pct(self, key, value, tags=(), dec=None):
        fid = self.doc.new_fig(key, 'pct', value, unit='%', dec=self.doc.pct_dec if dec is None else dec, tags=tags)
        self.f(fid)
        self.t('%')
        return fid

    def cnt(self, key, n, tags=()):
        fid = self.doc.new_fig(key, 'count', int(n), tags=tags)
        self.f(fid)
        return fid

    def yr(self, key, y, tags=()):
        fid = self.doc.new_fig(key, 'year', int(y), tags=tags)
        self.f(fid)
        return fid

    def word(self, key, sign, word, tags=()):
        fid = self.doc.new_fig(key, 'word', sign, tags=tags)
        self.doc.figs[fid].printed = word
        self.f(fid)
        return fid

    def plain(self):
        out = []
        for s in self.segs:
            out.append(self.doc.figs[s[1]].printed if isinstance(s, tuple) else s)
        return ''.join(out)


class Table:
    def __init__(self, doc, tid, title_segs, unit_label, headers, mandatory=None, kind=None):
        self.doc = doc
        self.id = tid
        self.title_segs = title_segs      # list of str / ('F', fid)
        self.unit_label = unit_label      # e.g. 单位：万元  (None: unit given in a header cell)
        self.headers = headers            # list of header rows (list of str)
        self.rows = []                    # list of dict(cells=[str|('F',fid)], label=str, kind=str)
        self.notes = []
        self.mandatory = mandatory        # canonical mandatory-table name or None
        self.kind = kind
        self.label_cols = 1

    def title(self):
        return ''.join(self.doc.figs[s[1]].printed if isinstance(s, tuple) else s for s in self.title_segs)

    def add_row(self, cells, label='', kind='row'):
        r = len(self.rows)
        for c, cell in enumerate(cells):
            if isinstance(cell, tuple):
                fig = self.doc.figs[cell[1]]
                fig.table = self.id
                fig.row = r
                fig.col = c
                fig.label = label
        self.rows.append(dict(cells=list(cells), label=label, kind=kind))
        return r

    def cell_text(self, cell):
        if isinstance(cell, tuple):
            return self.doc.figs[cell[1]].printed
        return cell


class Doc:
    def __init__(self, facts, opts):
        self.facts = facts
        self.opts = opts
        self.figs = {}
        self.order = []
        self.ids = []             # identities
        self.blocks = []          # ('h', level, text) | ('p', Para) | ('t', Table) | ('toc', [..]) | ('cover', ..)
        self.tables = {}
        self.text_unit = opts['text_unit']
        self.text_dec = opts['text_dec']
        self.pct_dec = opts['pct_dec']
        self.n = 0
        self.residue = []         # template residue inserted (defect only)
        self.toc = []
        self.rng = None

    # ---------- figures ----------
    def new_fig(self, key, kind, exact, unit=None, dec=0, tags=(), sep='', fullwidth=False, zero_blank=False,
                signed=False):
        self.n += 1
        fid = f'f{self.n}'
        fig = Figure(id=fid, key=key, kind=kind, exact=exact, unit=unit, dec=dec, sep=sep, fullwidth=fullwidth,
                     tags=set(tags), zero_blank=zero_blank, signed=signed)
        if kind != 'word':
            fig.render()
        self.figs[fid] = fig
        self.order.append(fid)
        return fid

    def text_money(self, key, fen, tags=()):
        o = self.opts
        fw = self.rng.random() < o.get('fullwidth_p', 0)
        sep = ''
        if self.text_unit == '元' or (fen >= 1000 * SCALE[self.text_unit]):
            r = self.rng.random()
            if r < o.get('space_sep_p', 0):
                sep = ' '
            elif r < o.get('space_sep_p', 0) + o.get('comma_text_p', 0):
                sep = ','
        return self.new_fig(key, 'amount', int(fen), unit=self.text_unit, dec=self.text_dec, tags=set(tags) | {'text'},
                            sep=sep, fullwidth=fw)

    def table_money(self, key, fen, tbl_fmt, tags=()):
        unit, dec, sep, zero_blank = tbl_fmt
        return self.new_fig(key, 'amount', int(fen), unit=unit, dec=dec, tags=set(tags) | {'table'}, sep=sep,
                            zero_blank=zero_blank)

    def first(self, key):
        for fid in self.order:
            if self.figs[fid].key == key:
                return fid
        return None

    # ---------- identities ----------
    def ident(self, kind, cls=None, **kw):
        d = dict(kind=kind, **kw)
        if cls:
            d['cls'] = cls
        d['id'] = f'i{len(self.ids) + 1}'
        self.ids.append(d)
        return d

    def sum_(self, total, parts, cls=None, signs=None):
        parts = [p for p in parts if p]
        if not total or not parts:
            return None
        return self.ident('sum', cls, total=total, parts=parts, signs=signs or [1] * len(parts))

    # ---------- blocks ----------
    def para(self, style='p'):
        p = Para(self, style)
        p.idx = len(self.blocks)
        self.blocks.append(('p', p))
        return p

    def heading(self, level, text_or_segs):
        segs = text_or_segs if isinstance(text_or_segs, list) else [text_or_segs]
        self.blocks.append(('h', level, segs))

    def add_table(self, tbl):
        self.tables[tbl.id] = tbl
        self.blocks.append(('t', tbl))

    def seg_text(self, segs):
        return ''.join(self.figs[s[1]].printed if isinstance(s, tuple) else s for s in segs)

    # ---------- whole-document helpers ----------
    def fig_ids_in_use(self):
        """Figures that are actually printed (a dropped table's figures are not)."""
        used = []
        for b in self.blocks:
            if b[0] == 'p':
                used += [s[1] for s in b[1].segs if isinstance(s, tuple)]
            elif b[0] == 'h':
                used += [s[1] for s in b[2] if isinstance(s, tuple)]
            elif b[0] == 'cover':
                used += [s[1] for s in b[1] if isinstance(s, tuple)]
            elif b[0] == 't':
                t = b[1]
                used += [s[1] for s in t.title_segs if isinstance(s, tuple)]
                for r in t.rows:
                    used += [c[1] for c in r['cells'] if isinstance(c, tuple)]
        return used

    def plain_text(self):
        out = []
        for b in self.blocks:
            if b[0] == 'p':
                out.append(b[1].plain())
            elif b[0] in ('h',):
                out.append(self.seg_text(b[2]))
            elif b[0] == 'cover':
                out.append(self.seg_text(b[1]))
            elif b[0] == 'toc':
                out.append('\n'.join(b[1]))
            elif b[0] == 't':
                t = b[1]
                out.append(t.title())
                for r in t.rows:
                    out.append(' '.join(t.cell_text(c) for c in r['cells']))
                out += t.notes
        return '\n'.join(out)


# ====================== interval arithmetic (generator side) ======================
def interval(fig, widen=0):
    """Closed interval (in fen for money, in % for rates) that the printed string allows."""
    k = fig.kind
    if k == 'word':
        return (fig.exact, fig.exact)
    if k in ('count', 'year'):
        v = parse_num(fig.printed)
        return (v, v)
    if k == 'amount':
        if fig.printed == '':
            return (Fraction(0), Fraction(0))
        v = parse_num(fig.printed)
        h = (Fraction(1, 2) + widen) * Fraction(1, 10 ** fig.dec)
        s = SCALE[fig.unit]
        return ((v - h) * s, (v + h) * s)
    if k == 'pct':
        v = parse_num(fig.printed)
        h = (Fraction(1, 2) + widen) * Fraction(1, 10 ** fig.dec)
        return (v - h, v + h)
    raise ValueError(k)


_FWR = str.maketrans('０１２３４５６７８９．，－', '0123456789.,-')


def parse_num(s):
    s = s.translate(_FWR).replace(',', '').replace(' ', '')
    if not re.fullmatch(r'-?\d+(\.\d+)?', s):
        raise ValueError(f'not a number: {s!r}')
    return Fraction(s)


def _ratio_range(num, den, mul=100):
    """Range of mul*num/den over the box; None if den may be 0."""
    if den[0] <= 0 <= den[1]:
        return None
    vals = [mul * a / b for a in num for b in den]
    return (min(vals), max(vals))


def _meets(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def check_identity(doc, d, widen=0):
    """True if the identity can hold for some values inside the intervals."""
    F = doc.figs
    iv = lambda fid: interval(F[fid], widen)
    k = d['kind']
    if k == 'sum':
        lo = hi = Fraction(d.get('const', 0))
        for p, s in zip(d['parts'], d['signs']):
            a, b = iv(p)
            if s > 0:
                lo += a
                hi += b
            else:
                lo -= b
                hi -= a
        return _meets(iv(d['total']), (lo, hi))
    if k == 'eq':
        ivs = [iv(x) for x in d['figs']]
        return max(a for a, _ in ivs) <= min(b for _, b in ivs)
    if k == 'le':
        return iv(d['a'])[0] <= iv(d['b'])[1]
    if k in ('share', 'completion'):
        r = _ratio_range(iv(d['part']), iv(d['whole']))
        return r is None or _meets(iv(d['pct']), r)
    if k == 'yeardiff':
        return F[d['a']].exact is not None and parse_num(F[d['a']].printed) - parse_num(F[d['b']].printed) == d['diff']
    if k == 'growth':
        return check_growth(doc, d, widen)
    raise ValueError(k)


def check_growth(doc, d, widen):
    F = doc.figs
    iv = lambda fid: interval(F[fid], widen)
    cur = iv(d['cur'])
    s = F[d['dir']].exact if d.get('dir') else None
    s2 = F[d['dir2']].exact if d.get('dir2') else s
    prev = iv(d['prev']) if d.get('prev') else None
    chg = None
    if d.get('chg'):
        a, b = iv(d['chg'])
        if F[d['chg']].signed or s is None:
            chg = (a, b)
        elif s > 0:
            chg = (a, b)
        elif s < 0:
            chg = (-b, -a)
        else:
            chg = (a, b)
            if not (a <= 0 <= b):
                return False
    pct = None
    if d.get('pct'):
        a, b = iv(d['pct'])
        if s2 is None or s2 > 0:
            pct = (a, b)
        elif s2 < 0:
            pct = (-b, -a)
        else:
            pct = (a, b)
            if not (a <= 0 <= b):
                return False
    if prev is None and chg is not None:
        prev = (cur[0] - chg[1], cur[1] - chg[0])
        derived = True
    else:
        derived = False
    diff = (cur[0] - prev[1], cur[1] - prev[0]) if prev else None
    if chg is not None and not derived and diff is not None and not _meets(chg, diff):
        return False
    if s is not None and diff is not None:
        if s > 0 and not diff[1] > 0:
            return False
        if s < 0 and not diff[0] < 0:
            return False
        if s == 0 and not (diff[0] <= 0 <= diff[1]):
            return False
    if pct is not None and prev is not None:
        if derived:
            # pct = 100*chg/(cur-chg) over the (cur, chg) box
            if cur[0] - chg[1] <= 0:
                return True
            vals = [100 * x / (c - x) for c in cur for x in chg]
            r = (min(vals), max(vals))
        else:
            if prev[0] <= 0:
                return True
            vals = [100 * (c - p) / p for c in cur for p in prev]
            r = (min(vals), max(vals))
        if not _meets(pct, r):
            return False
    return True


def key_groups(doc, used=None):
    g = {}
    for fid in (used if used is not None else doc.order):
        f = doc.figs[fid]
        if f.kind in ('amount', 'pct', 'count', 'year') and f.key:
            g.setdefault((f.key, f.kind), []).append(fid)
    return {k: v for k, v in g.items() if len(v) > 1}


def all_identities(doc):
    """Explicit identities restricted to printed figures, plus implicit same-key equalities."""
    used = set(doc.fig_ids_in_use())
    out = []
    for d in doc.ids:
        refs = ident_refs(d)
        if all(r in used for r in refs):
            out.append(d)
    for (key, kind), fids in key_groups(doc, [f for f in doc.order if f in used]).items():
        out.append(dict(kind='eq', figs=fids, key=key, id='k:' + key))
    return out


def ident_refs(d):
    k = d['kind']
    if k == 'sum':
        return [d['total']] + list(d['parts'])
    if k == 'eq':
        return list(d['figs'])
    if k == 'le':
        return [d['a'], d['b']]
    if k in ('share', 'completion'):
        return [d['pct'], d['part'], d['whole']]
    if k == 'yeardiff':
        return [d['a'], d['b']]
    if k == 'growth':
        return [d[x] for x in ('cur', 'prev', 'chg', 'pct', 'dir', 'dir2') if d.get(x)]
    return []


def violated(doc, widen=0):
    return [d for d in all_identities(doc) if not check_identity(doc, d, widen)]
