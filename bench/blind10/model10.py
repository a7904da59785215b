"""model10: printed figures, document blocks and the identities among them.

Every number that is printed is a `Fig`: key (what it is, e.g. `cur:u1/pub`), kind (amt, pct, dir),
unit and decimals, its exact value and its printed text.  Checks refer to figure ids, so planting a
defect (changing one figure's printed text) breaks exactly the checks that use that figure.
"""
from decimal import ROUND_HALF_UP, Decimal

SCALE = {'万元': 1_000_000, '元': 100}
UP = ['增加', '增长', '上升', '提高']
DOWN = ['减少', '下降', '降低', '下降']


def fmt_amount(fen, unit, dec, comma=False):
    q = Decimal(fen) / Decimal(SCALE[unit])
    q = q.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)
    s = f'{q:,.{dec}f}' if comma else f'{q:.{dec}f}'
    return s


def fmt_pct(x, dec):
    q = Decimal(repr(x)).quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)
    return f'{q:.{dec}f}'


class Fig:
    __slots__ = ('id', 'key', 'kind', 'unit', 'dec', 'exact', 'text', 'ctx', 'zero')

    def __init__(self, fid, key, kind, unit, dec, exact, text, ctx='text', zero='0'):
        self.id, self.key, self.kind, self.unit, self.dec = fid, key, kind, unit, dec
        self.exact, self.text, self.ctx, self.zero = exact, text, ctx, zero

    def __str__(self):
        return self.text

    def rec(self):
        return dict(id=self.id, key=self.key, kind=self.kind, unit=self.unit, dec=self.dec,
                    exact=self.exact, text=self.text, ctx=self.ctx)


class Table:
    def __init__(self, tid, title, unit, header, code=None):
        self.tid, self.title, self.unit, self.header = tid, title, unit, header
        self.rows = []        # (label, cells: list[Fig|None|str]) ; label names the row for a reader
        self.code = code      # e.g. 公开01表
        self.note = None
        self.split_at = None  # a page break before this body row (txt/pdf)
        self.repeat_header = True

    def add(self, label, cells):
        self.rows.append((label, list(cells)))
        return len(self.rows) - 1


class Doc:
    def __init__(self, opts):
        self.opts = opts
        self.figs = []
        self.checks = []
        self.blocks = []
        self.by_key = {}
        self.cands = {}
        self.cellinfo = {}   # fid -> (table title, row label)

    # ---- figures
    def _new(self, key, kind, unit, dec, exact, text, ctx, zero='0'):
        f = Fig(len(self.figs), key, kind, unit, dec, exact, text, ctx, zero)
        self.figs.append(f)
        if kind == 'amt':
            self.by_key.setdefault(key, []).append(f)
        return f

    def amt(self, key, fen, unit='万元', dec=2, ctx='text', comma=None, zero='0'):
        comma = self.opts.get('text_comma', False) if comma is None else comma
        if fen == 0 and zero == '-':
            text = '-'
        elif fen == 0 and zero == 'blank':
            text = ''
        else:
            text = fmt_amount(fen, unit, dec, comma)
        return self._new(key, 'amt', unit, dec, fen, text, ctx, zero)

    def pct(self, key, x, dec=None, ctx='text'):
        dec = self.opts['pdec'] if dec is None else dec
        return self._new(key, 'pct', '%', dec, x, fmt_pct(x, dec), ctx)

    def word(self, key, sign, which=0, ctx='text'):
        """a direction word: which=0 amount word (增加/减少), 1 rate word (增长/下降)."""
        w = (UP if sign > 0 else DOWN)[which]
        return self._new(key, 'dir', '', 0, sign, w, ctx)

    def first(self, key):
        return self.by_key[key][0]

    # ---- checks (ids only)
    def c_sum(self, total, parts, tag, signs=None):
        if total is None or any(p is None for p in parts):
            return
        self.checks.append(dict(type='sum', total=total.id, parts=[p.id for p in parts],
                                signs=signs or [1] * len(parts), tag=tag))

    def c_ratio(self, rate, num, den, tag):
        self.checks.append(dict(type='ratio', rate=rate.id, num=[num.id], den=[den.id], tag=tag))

    def c_change(self, cur, prior, change, dirs, rate, tag):
        self.checks.append(dict(type='change', cur=cur.id, prior=prior.id if prior else None,
                                change=change.id if change else None, dirs=[d.id for d in dirs],
                                rate=rate.id if rate else None, tag=tag))

    # ---- blocks
    def h(self, level, text):
        self.blocks.append(('h%d' % level, text))

    def p(self, *parts):
        self.blocks.append(('p', [x for x in parts if x is not None and x != '']))

    def table(self, t):
        self.blocks.append(('table', t))

    def pagebreak(self):
        self.blocks.append(('pagebreak', None))
