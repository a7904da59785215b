"""Document model, figure registry and interval arithmetic for gen5."""
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

UNIT_FEN = {"元": 100, "万元": 1_000_000, "千元": 100_000}


def q(x, dec):
    """Round a Fraction/int half-up to dec decimals, return Decimal."""
    d = Decimal(x.numerator) / Decimal(x.denominator) if isinstance(x, Fraction) else Decimal(x)
    return d.quantize(Decimal(1).scaleb(-dec), rounding=ROUND_HALF_UP)


def fmt_num(v, dec, sep):
    """v: Decimal already rounded. sep: '', ',' or ' '."""
    s = f"{v:,.{dec}f}" if sep else f"{v:.{dec}f}"
    if sep == " ":
        s = s.replace(",", " ")
    return s


class Doc:
    def __init__(self, opts):
        self.o = opts
        self.figs = []
        self.ids = []
        self.blocks = []
        self.toc_tables = []

    # ---- figures -------------------------------------------------------
    def _add(self, **kw):
        kw["id"] = len(self.figs)
        self.figs.append(kw)
        self.render_fig(kw)
        return kw["id"]

    def render_fig(self, f):
        k = f["kind"]
        if k == "amt":
            if f.get("blank"):
                f["printed"] = ""
                return
            v = q(Fraction(f["fen"], UNIT_FEN[f["unit"]]), f["dec"])
            if f["fen"] == 0 and f.get("zero_blank"):
                f["printed"] = ""
            else:
                f["printed"] = fmt_num(v, f["dec"], f.get("sep", ""))
        elif k == "pct" or k == "pp":
            f["printed"] = fmt_num(q(Fraction(f["num"], f["den"]) * 100, f["dec"]), f["dec"], "")
        elif k == "count":
            f["printed"] = str(f["n"])
        # dir / target: printed set directly

    def amt(self, key, fen, loc="text", unit=None, dec=None, sep=None, zero_blank=False):
        o = self.o
        if loc == "text":
            unit = unit or "万元"
            dec = 2 if dec is None else dec
            sep = o["txt_sep"] if sep is None else sep
            if sep and abs(fen) < 1000 * UNIT_FEN[unit]:
                sep = ""
        else:
            unit = unit or o["tab_unit"]
            dec = o["tab_dec"] if dec is None else dec
            sep = o["tab_sep"] if sep is None else sep
        return self._add(kind="amt", key=key, fen=int(fen), unit=unit, dec=dec, sep=sep, loc=loc,
                         zero_blank=zero_blank)

    def pct(self, key, num, den, loc="text", dec=None):
        dec = self.o["pct_dec"] if dec is None else dec
        return self._add(kind="pct", key=key, num=int(num), den=int(den), dec=dec, loc=loc, unit="%")

    def ppfig(self, key, frac, loc="text", dec=None):
        dec = self.o["pct_dec"] if dec is None else dec
        return self._add(kind="pp", key=key, num=frac.numerator, den=frac.denominator, dec=dec, loc=loc,
                         unit="个百分点")

    def cnt(self, key, n, loc="text"):
        return self._add(kind="count", key=key, n=int(n), loc=loc, unit="", dec=0)

    def word(self, key, w, loc="text"):
        return self._add(kind="dir", key=key, printed=w, loc=loc, unit="", dec=0)

    def target(self, printed, loc):
        return self._add(kind="target", key="target", printed=printed, loc=loc, unit="", dec=0)

    def ident(self, typ, **kw):
        kw["type"] = typ
        kw["iid"] = len(self.ids)
        self.ids.append(kw)
        return kw["iid"]

    # ---- blocks ---------------------------------------------------------
    def h(self, level, text):
        self.blocks.append({"t": "h", "level": level, "text": text})

    def p(self, *segs):
        self.blocks.append({"t": "p", "segs": [s for s in segs if s != ""]})

    def table(self, tb):
        self.blocks.append({"t": "table", **tb})


# ---- interval arithmetic ---------------------------------------------------
def fig_iv(f, widen=0):
    """Interval of a printed figure; amounts in fen, pct/pp as ratio, counts exact."""
    s = (f.get("printed") or "").replace(",", "").replace(" ", "")
    k = f["kind"]
    if k == "count":
        v = Fraction(int(s))
        return (v, v)
    if s == "":
        return (Fraction(0), Fraction(0))
    v = Fraction(Decimal(s))
    half = (Fraction(1, 2) + 2 * widen) * Fraction(1, 10 ** f["dec"])
    lo, hi = v - half, v + half
    if k == "amt":
        m = UNIT_FEN[f["unit"]]
        return (lo * m, hi * m)
    return (lo / 100, hi / 100)


def iv_add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def iv_neg(a):
    return (-a[1], -a[0])


def iv_meet(a, b):
    return max(a[0], b[0]) <= min(a[1], b[1])


def iv_div(a, b):
    if b[0] <= 0 <= b[1]:
        return None
    c = [a[0] / b[0], a[0] / b[1], a[1] / b[0], a[1] / b[1]]
    return (min(c), max(c))


DIR_SIGN = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "增幅": 1, "减少": -1, "下降": -1, "降低": -1,
            "降幅": -1, "节约": -1, "持平": 0}


def check(idn, figs, widen=0):
    """True if the identity can hold with values inside the printed intervals."""
    F = {f["id"]: f for f in figs}

    def iv(i):
        return fig_iv(F[i], widen)

    t = idn["type"]
    if t == "sum":
        s = (Fraction(0), Fraction(0))
        for p in idn["parts"]:
            s = iv_add(s, iv(p))
        tot = F[idn["total"]]
        if tot.get("printed", "") == "" and tot["kind"] == "amt":
            return s[0] <= 0 <= s[1]
        return iv_meet(iv(idn["total"]), s)
    if t == "eq":
        ivs = [iv(i) for i in idn["figs"]]
        return max(a[0] for a in ivs) <= min(a[1] for a in ivs)
    if t in ("share", "ratio"):
        r = iv_div(iv(idn["part"]), iv(idn["whole"]))
        return True if r is None else iv_meet(iv(idn["pct"]), r)
    if t == "le":
        return iv(idn["small"])[0] <= iv(idn["big"])[1]
    if t == "pp":
        s = DIR_SIGN[F[idn["dir"]]["printed"]]
        d = iv(idn["diff"])
        if s < 0:
            d = iv_neg(d)
        return iv_meet(d, iv_add(iv(idn["a"]), iv_neg(iv(idn["b"]))))
    if t == "growth":
        signs = {DIR_SIGN.get(F[d]["printed"], None) for d in idn["dirs"]}
        if None in signs or len(signs) != 1:
            return False
        s = signs.pop()
        cur = iv(idn["cur"])
        prev = iv(idn["prev"]) if idn.get("prev") is not None else None
        if s == 0:
            if prev is None:
                pe = Fraction(idn["prev_exact"])
                prev = (pe, pe)
            return iv_meet(cur, prev)
        chg = None
        if idn.get("chg") is not None:
            chg = iv(idn["chg"])
            if s < 0:
                chg = iv_neg(chg)
        if prev is not None:
            diff = iv_add(cur, iv_neg(prev))
            if s > 0 and diff[1] <= 0:
                return False
            if s < 0 and diff[0] >= 0:
                return False
            if chg is not None and not iv_meet(diff, chg):
                return False
        if idn.get("pct") is not None:
            pc = iv(idn["pct"])
            if s < 0:
                pc = iv_neg(pc)
            if prev is not None:
                r = iv_div(cur, prev)
                if r is None:
                    return True
                r = (r[0] - 1, r[1] - 1)
            else:
                c = [chg[0] / (u - chg[0]) if u != chg[0] else None for u in cur] + \
                    [chg[1] / (u - chg[1]) if u != chg[1] else None for u in cur]
                if None in c or any((u - x) <= 0 for u in cur for x in chg):
                    return True
                r = (min(c), max(c))
            if not iv_meet(pc, r):
                return False
        return True
    raise ValueError(t)
