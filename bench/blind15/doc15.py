"""Document model for gen15: figures, identities, tables and text blocks.

Amounts are kept in integer fen. Every printed number is a Fig; identities refer to figs by id.
"""
from fractions import Fraction as F

SCALE = {'元': 100, '万元': 1000000}


def round_half_up(x, dec):
    """x: Fraction -> Fraction rounded half away from zero to dec decimals."""
    q = F(10) ** dec
    y = abs(x) * q
    n = (y.numerator * 2 + y.denominator) // (2 * y.denominator)
    return (n if x >= 0 else -n) / q


def fmt_num(x, dec, sep=False):
    r = round_half_up(F(x), dec)
    neg = r < 0
    r = abs(r)
    q = 10 ** dec
    n = int(r * q)
    ip, fp = divmod(n, q)
    s = f'{ip:,}' if sep else str(ip)
    if dec:
        s += '.' + str(fp).rjust(dec, '0')
    return ('-' if neg else '') + s


class Fig:
    __slots__ = ('id', 'key', 'kind', 'exact', 'unit', 'dec', 'sep', 'zero', 'text', 'loc', 'orig')

    def __init__(self, fid, key, kind, exact, unit, dec, sep=False, zero='0', loc='text'):
        self.id, self.key, self.kind, self.exact = fid, key, kind, F(exact)
        self.unit, self.dec, self.sep, self.zero, self.loc = unit, dec, sep, zero, loc
        self.text = self.render()
        self.orig = self.text

    def value_in_unit(self):
        if self.kind == 'amt':
            return self.exact / SCALE[self.unit]
        return self.exact

    def render(self):
        if self.kind in ('dir', 'word'):
            return str(self.exact_word)
        v = self.value_in_unit()
        if self.kind in ('cnt', 'year'):
            return str(int(v))
        s = fmt_num(v, self.dec, self.sep)
        if round_half_up(v, self.dec) == 0 and self.loc != 'text':
            if self.zero == '-':
                return '-'
            if self.zero == 'blank':
                return ''
            if self.zero == '0':
                return fmt_num(0, self.dec)
        return s

    def record(self):
        return dict(id=self.id, key=self.key, kind=self.kind, unit=self.unit, dec=self.dec, sep=self.sep,
                    zero=self.zero, text=self.text, orig=self.orig, loc=self.loc,
                    exact=f'{self.exact.numerator}/{self.exact.denominator}')


class Word(Fig):
    """A direction word (增加/减少/持平) or a free word registered for defects."""
    __slots__ = ('exact_word', 'sign')

    def __init__(self, fid, key, word, sign, loc='text'):
        self.exact_word = word
        self.sign = sign
        self.id, self.key, self.kind, self.exact = fid, key, 'dir', F(sign)
        self.unit, self.dec, self.sep, self.zero, self.loc = '', 0, False, '', loc
        self.text = word
        self.orig = word

    def record(self):
        r = Fig.record(self)
        r['sign'] = self.sign
        return r


class Mark(str):
    """A text segment that a defect may rewrite (zero-base clauses, reasons)."""

    def __new__(cls, text, **hook):
        m = str.__new__(cls, text)
        m.hook = hook
        return m


class Table:
    """header: list of rows of (text, colspan, rowspan); rows: list of lists of str|Fig|None."""

    def __init__(self, tid, name, title, unit, ncols):
        self.tid, self.name, self.title, self.unit, self.ncols = tid, name, title, unit, ncols
        self.header = []
        self.rows = []
        self.note = ''
        self.label_cols = 1
        self.empty = False
        self.blocks = None   # for side-by-side tables: list of column ranges
        self.spans = []      # body spans (row, col, colspan, rowspan); covered cells are None
        self.form = False    # a form-like table (performance tables) without a header grid

    def add_header(self, cells):
        self.header.append(cells)

    def add_row(self, cells):
        assert len(cells) == self.ncols, (self.title, len(cells), self.ncols, cells)
        self.rows.append(cells)

    def span(self, r, c, cs, rs=1):
        self.spans.append((r, c, cs, rs))

    def header_grid(self):
        """Expand header spans into a grid of strings (None for covered cells)."""
        nrows = len(self.header)
        grid = [[None] * self.ncols for _ in range(nrows)]
        taken = [[False] * self.ncols for _ in range(nrows)]
        spans = []
        for r, row in enumerate(self.header):
            c = 0
            for text, cs, rs in row:
                while c < self.ncols and taken[r][c]:
                    c += 1
                grid[r][c] = text
                spans.append((r, c, cs, rs))
                for rr in range(r, r + rs):
                    for cc in range(c, c + cs):
                        taken[rr][cc] = True
                c += cs
        return grid, spans


class Doc:
    def __init__(self, doc_type, year, dept):
        self.doc_type, self.year, self.dept = doc_type, year, dept
        self.figs = []
        self.idents = []
        self.blocks = []          # ('h', level, text) ('p', [segs]) ('t', Table) ('toc', [lines]) ('cover', [lines])
        self.tables = []
        self.listed = []          # table names listed in the 目录
        self.mandatory = []
        self.opts = {}
        self.defect = None
        self.units_text = '万元'

    # figures -------------------------------------------------------------
    def fig(self, key, kind, exact, unit, dec, sep=False, zero='0', loc='text'):
        f = Fig(len(self.figs), key, kind, exact, unit, dec, sep, zero, loc)
        self.figs.append(f)
        return f

    def word(self, key, word, sign, loc='text'):
        w = Word(len(self.figs), key, word, sign, loc)
        self.figs.append(w)
        return w

    def ident(self, t, **kw):
        d = dict(t=t)
        for k, v in kw.items():
            if isinstance(v, Fig):
                v = v.id
            elif isinstance(v, (list, tuple)):
                v = [x.id if isinstance(x, Fig) else x for x in v]
            d[k] = v
        self.idents.append(d)
        return d

    # blocks ----------------------------------------------------------------
    def h(self, level, text):
        self.blocks.append(['h', level, text])

    def p(self, *segs):
        self.blocks.append(['p', [s for s in segs if s is not None and s != '']])

    def t(self, table):
        self.tables.append(table)
        self.blocks.append(['t', table])

    @staticmethod
    def cell_text(cell):
        if cell is None:
            return ''
        if isinstance(cell, Fig):
            return cell.text
        if isinstance(cell, list):
            return ''.join(Doc.cell_text(x) for x in cell)
        return cell

    @staticmethod
    def cell_figs(cell):
        if isinstance(cell, Fig):
            return [cell]
        if isinstance(cell, list):
            return [x for x in cell if isinstance(x, Fig)]
        return []

    @staticmethod
    def para_text(segs):
        out, pos = [], {}
        n = 0
        for s in segs:
            if isinstance(s, Fig):
                pos.setdefault(s.id, []).append((n, n + len(s.text)))
                out.append(s.text)
                n += len(s.text)
            else:
                out.append(s)
                n += len(s)
        return ''.join(out), pos

    def record(self):
        return dict(doc_type=self.doc_type, year=self.year, dept=self.dept,
                    figs=[f.record() for f in self.figs], idents=self.idents,
                    tables=[dict(tid=t.tid, name=t.name, title=t.title, unit=t.unit, empty=t.empty,
                                 rows=len(t.rows)) for t in self.tables],
                    headings=[b[2] for b in self.blocks if b[0] == 'h'],
                    listed=self.listed, mandatory=self.mandatory, opts=self.opts)
