"""Figure registry and document blocks for gen16."""
from decimal import Decimal as D, ROUND_HALF_UP

UNIT_LABEL = {'wan': '万元', 'yuan': '元', 'qian': '千元', 'yi': '亿元'}
# value of one printed unit in 万元
UNIT_WAN = {'wan': D(1), 'yuan': D('0.0001'), 'qian': D('0.1'), 'yi': D(10000)}
BAI_PER = {'wan': D(100), 'yuan': D('0.01'), 'qian': D(10), 'yi': D(1000000)}


def q(x, dec):
    return D(x).quantize(D(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def fmt(x, dec, sep=False):
    x = q(x, dec)
    return f'{x:,.{dec}f}' if sep else f'{x:.{dec}f}'


def pct(a, b, dec=2):
    return q(D(a) / D(b) * 100, dec)


class Fig:
    def __init__(self, doc, kind, key=None, bai=None, unit='wan', dec=2, val=None, sep=False):
        self.id = str(len(doc.figs))
        doc.figs[self.id] = self
        self.kind, self.key, self.unit, self.dec, self.sep = kind, key, unit, dec, sep
        if kind == 'amt':
            self.v = q(D(bai) / BAI_PER[unit], dec)
        elif kind == 'cnt':
            self.v, self.dec = D(val), 0
        else:
            self.v = q(val, dec)
        self.mutated = False

    def set(self, v):
        self.v = q(v, self.dec)
        self.mutated = True

    @property
    def s(self):
        return fmt(self.v, self.dec, self.sep and self.kind == 'amt')

    def record(self):
        if self.kind == 'amt':
            base, hw = self.v * UNIT_WAN[self.unit], D('0.5').scaleb(-self.dec) * UNIT_WAN[self.unit]
        elif self.kind == 'cnt':
            base, hw = self.v, D(0)
        else:
            base, hw = self.v, D('0.5').scaleb(-self.dec)
        return dict(key=self.key, kind=self.kind, s=self.s, unit=self.unit, v=str(base), hw=str(hw),
                    mutated=self.mutated)


class Doc:
    def __init__(self):
        self.figs = {}
        self.blocks = []     # ('h', level, text) | ('p', [pieces]) | ('t', table)
        self.identities = []

    def amt(self, bai, key=None, unit='wan', sep=False, dec=2):
        return Fig(self, 'amt', key, bai=bai, unit=unit, sep=sep, dec=dec)

    def num(self, val, kind='pct', dec=2, key=None):
        return Fig(self, kind, key, val=val, dec=dec)

    def cnt(self, n, key=None):
        return Fig(self, 'cnt', key, val=n)

    def ident(self, kind, name, figs, sign=1):
        self.identities.append(dict(kind=kind, name=name, figs=[f.id for f in figs], sign=sign))

    def h(self, level, text):
        self.blocks.append(('h', level, text))

    def p(self, *pieces):
        self.blocks.append(('p', list(pieces)))

    def table(self, t):
        self.blocks.append(('t', t))


def piece_str(x):
    return x.s if isinstance(x, Fig) else str(x)


def para_text(pieces):
    return ''.join(piece_str(x) for x in pieces)


def clause_of(pieces, fig):
    """The clause (between ，；。) of the paragraph that holds fig."""
    text, pos = '', None
    for x in pieces:
        if x is fig:
            pos = len(text)
        text += piece_str(x)
    if pos is None:
        return None
    a = max(text.rfind(c, 0, pos) for c in '，；。：') + 1
    ends = [i for i in (text.find(c, pos) for c in '，；。') if i >= 0]
    b = min(ends) if ends else len(text)
    return text[a:b]
