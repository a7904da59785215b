"""Document model: figures, identities, paragraphs and tables for one disclosure."""
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction as F

SCALE = {"元": 100, "千元": 100000, "万元": 1000000}
CN = "一二三四五六七八九十"


def cnnum(i):
    if i <= 10:
        return CN[i - 1]
    if i < 20:
        return "十" + CN[i - 11]
    return CN[i // 10 - 1] + "十" + ("" if i % 10 == 0 else CN[i % 10 - 1])


def q(x, dec):
    d = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, F) else Decimal(x)
    return d.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def fmt_amt(fen, unit, dec, sep=False):
    v = q(F(fen, SCALE[unit]), dec)
    if v == 0:
        v = abs(v)
    return "{:,.{}f}".format(v, dec) if sep else "{:.{}f}".format(v, dec)


def printed_val(text):
    t = text.replace(",", "")
    return F(t) if "." not in t else F(int(t.replace(".", "").replace("-", "")), 10 ** len(t.split(".")[1])) * (-1 if t.startswith("-") else 1)


class Fig:
    __slots__ = ("id", "kind", "key", "text", "unit", "dec", "fen", "loc", "role", "label", "sep")

    def __init__(self, id, kind, key, text, unit=None, dec=0, fen=None, loc="text", label="", sep=False):
        self.id, self.kind, self.key, self.text, self.unit, self.dec = id, kind, key, text, unit, dec
        self.fen, self.loc, self.role, self.label, self.sep = fen, loc, None, label, sep

    def rec(self):
        return {"id": self.id, "kind": self.kind, "key": self.key, "text": self.text, "unit": self.unit, "dec": self.dec,
                "loc": self.loc, "label": self.label}


class Table:
    def __init__(self, tid, title, unit_label, header, ncols):
        self.tid, self.title, self.unit_label, self.header, self.ncols = tid, title, unit_label, header, ncols
        self.rows = []
        self.note = None
        self.split_at = None  # row index where a 续表 starts


class Doc:
    def __init__(self, opts):
        self.o = opts
        self.figs = {}
        self.idents = []
        self.blocks = []
        self.n = 0
        self.toc = []
        self.cur_loc = "text"

    # figures
    def _new(self, **kw):
        self.n += 1
        fid = "f%d" % self.n
        fg = Fig(fid, loc=self.cur_loc, **kw)
        self.figs[fid] = fg
        return fg

    def amt(self, key, fen, table=False, label=""):
        o = self.o
        unit, dec, sep = (o["tunit"], o["tdec"], o["tsep"]) if table else (o["xunit"], 2, o["xsep"])
        return self._new(kind="amt", key=key, text=fmt_amt(fen, unit, dec, sep), unit=unit, dec=dec, fen=fen, label=label, sep=sep)

    def val(self, fg):
        """exact printed value in fen (amounts) or units."""
        v = printed_val(fg.text)
        return v * SCALE[fg.unit] if fg.kind == "amt" else v

    def pct_of(self, num, den, key=None, dec=None):
        dec = self.o["pdec"] if dec is None else dec
        r = self.val(num) / self.val(den) * 100
        return self._new(kind="pct", key=key, text=str(q(r, dec)), dec=dec)

    def cnt(self, key, n, label=""):
        return self._new(kind="cnt", key=key, text=str(n), dec=0, label=label)

    def word(self, w):
        return self._new(kind="word", key=None, text=w)

    def yr(self, y, expected):
        fg = self._new(kind="yr", key=None, text=str(y))
        self.idents.append({"t": "year", "fig": fg.id, "expected": expected})
        return fg

    def ident(self, **kw):
        self.idents.append(kw)
        return kw

    def sum_(self, total, parts, role=True):
        if role:
            total.role = "total"
        return self.ident(t="sum", total=total.id, parts=[p.id for p in parts])

    # blocks
    def h(self, level, text, toc=False):
        self.blocks.append(("h", level, text))

    def p(self, *segs):
        self.blocks.append(("p", [s for s in segs if s is not None and s != ""]))

    def table(self, t):
        self.blocks.append(("table", t))

    # rendering helpers
    def seg_text(self, s):
        return s.text if isinstance(s, Fig) else s

    def para_text(self, segs):
        return "".join(self.seg_text(s) for s in segs)

    def cell_text(self, c):
        if isinstance(c, Fig):
            return c.text
        return c if isinstance(c, str) else ""

    def all_text(self):
        out = []
        for b in self.blocks:
            if b[0] == "h":
                out.append(b[2])
            elif b[0] == "p":
                out.append(self.para_text(b[1]))
            else:
                t = b[1]
                out.append(t.title)
                for hr in t.header:
                    out.extend(x[0] for x in hr)
                for r in t.rows:
                    out.extend(self.cell_text(c) for c in r)
                if t.note:
                    out.append(t.note)
        return "\n".join(out)

    def locate(self, fid, before=10, after=3):
        """exact context string around a figure, from its paragraph or table cell."""
        for b in self.blocks:
            if b[0] == "p":
                pos = 0
                for s in b[1]:
                    if isinstance(s, Fig) and s.id == fid:
                        full = self.para_text(b[1])
                        a = max(0, pos - before)
                        # do not cross a sentence start
                        pre = full[a:pos]
                        for sep in "。；":
                            if sep in pre:
                                pre = pre[pre.rindex(sep) + 1:]
                        return pre + full[pos:pos + len(s.text) + after]
                    pos += len(self.seg_text(s))
            elif b[0] == "table":
                for r in b[1].rows:
                    for c in r:
                        if isinstance(c, Fig) and c.id == fid:
                            return c.text
        return None

    def records(self):
        return {k: v.rec() for k, v in self.figs.items()}
