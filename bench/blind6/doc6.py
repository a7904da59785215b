"""Document model for gen6: printed figures, identities, blocks, tables."""
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

SCALE = {"万元": 1000000, "元": 100}
UP1 = {"增加": "减少", "增长": "下降", "上升": "下降", "提高": "降低"}
DOWN1 = {v: k for k, v in UP1.items()}


def fmt_dec(val, dec, sep=False):
    q = Decimal(1).scaleb(-dec)
    d = Decimal(val).quantize(q, rounding=ROUND_HALF_UP)
    return f"{d:,.{dec}f}" if sep else f"{d:.{dec}f}"


def fmt_amt(fen, unit, dec, sep=False):
    return fmt_dec(Decimal(fen) / Decimal(SCALE[unit]), dec, sep)


class Doc:
    def __init__(self, opts, mut):
        self.opts = opts
        self.mut = mut or {}
        self.blocks = []
        self.figs = []
        self.ids = []
        self.sites = {}
        self.cand = {}
        self.tables = []
        self.toc_tables = []
        self.residue_sites = []

    # ---- figures
    def _reg(self, key, s, unit, dec, site, cat, kind, true, where=None, table=None, row=None):
        fid = len(self.figs)
        self.figs.append({"id": fid, "key": key, "s": s, "unit": unit, "dec": dec, "site": site, "kind": kind,
                          "true": true, "where": where if where is not None else s, "table": table, "row": row})
        assert site not in self.sites, site
        self.sites[site] = fid
        if cat:
            self.cand.setdefault(cat, []).append(site)
        return fid

    def amt(self, key, fen, site, unit="万元", dec=2, sep=False, blank_zero=False, cat=None, table=None, row=None):
        m = self.mut.get(site)
        true = fen
        blank = False
        if m == "blank":
            blank = True
        elif m is not None:
            fen = m(fen)
        s = "" if blank or (blank_zero and fen == 0) else fmt_amt(fen, unit, dec, sep)
        fid = self._reg(key, s, unit, dec, site, cat, "amt", true, table=table, row=row)
        return fid, s

    def num_text(self, s):
        st = self.opts.get("tnum", "plain")
        return f" {s} " if st == "space" else s

    def t(self, lab, key, fen, site, cat=None, unit_word="万元"):
        """Amount in the text: returns (fid, 'label 1,234.56万元')."""
        fid, s = self.amt(key, fen, site, "万元", 2, sep=self.opts.get("tnum") == "sep", cat=cat)
        txt = f"{lab}{self.num_text(s)}{unit_word}"
        self.figs[fid]["where"] = txt
        return fid, txt

    def pct(self, val, site, cat=None, lab=""):
        """val: exact Fraction percent."""
        m = self.mut.get(site)
        true = val
        if m is not None:
            val = m(val)
        dec = self.opts.get("pdec", 2)
        s = fmt_dec(Decimal(val.numerator) / Decimal(val.denominator), dec)
        fid = self._reg(None, s, "%", dec, site, cat, "pct", str(true))
        txt = f"{lab}{self.num_text(s)}%"
        self.figs[fid]["where"] = txt
        return fid, txt

    def cnt(self, key, n, site, unit, lab="", cat=None):
        m = self.mut.get(site)
        true = n
        if m is not None:
            n = m(n)
        fid = self._reg(key, str(n), unit, 0, site, cat, "cnt", true)
        txt = f"{lab}{n}{unit}"
        self.figs[fid]["where"] = txt
        return fid, txt

    def idn(self, **kw):
        self.ids.append(kw)

    def sum_id(self, total, parts, site=None):
        self.ids.append({"t": "sum", "total": total, "parts": list(parts)})

    # ---- text
    def h1(self, s):
        self.blocks.append(("h1", s))

    def h2(self, s):
        self.blocks.append(("h2", s))

    def p(self, s):
        self.blocks.append(("p", s))

    def reason(self, site, text, cat="residue"):
        m = self.mut.get(site)
        self.cand.setdefault(cat, []).append(site)
        if m is not None:
            return m
        return text

    # ---- growth clause
    def growth(self, lab_key, cur_fid, cur, prev, site, rng, comp="比上年", show_prev=False, show_change=True,
               cat=True, prev_key=None):
        """Returns the clause text; registers change, pct and a growth identity."""
        if prev == cur:
            self.idn(t="growth", cur=cur_fid, prev=None, change=None, pct=None, sign=0)
            return f"{comp}持平" if comp != "比上年" else "与上年持平"
        up = cur > prev
        w1 = rng.choice(["增加", "增加", "增长", "上升"]) if up else rng.choice(["减少", "减少", "下降"])
        w2 = rng.choice(["增长", "增长", "上升"]) if up else rng.choice(["下降", "下降", "降低"])
        if w1 == w2:
            w2 = "增长" if up and w1 != "增长" else ("上升" if up else ("降低" if w1 == "下降" else "下降"))
        sign = 1 if up else -1
        msite = self.mut.get(site + ".dir")
        residue = None
        if msite == "flip":
            w1 = UP1.get(w1) or DOWN1.get(w1)
            w2 = UP1.get(w2) or DOWN1.get(w2)
            sign = -sign
        elif isinstance(msite, str):
            residue = msite
        ch = abs(cur - prev)
        prev_fid = None
        txt = comp
        if show_prev:
            prev_fid, ptxt = self.t("", prev_key, prev, site + ".prev")
            if comp.startswith("与"):
                txt = comp.rstrip("，").replace("相比", "") + ptxt + "相比，"
            elif comp == "同比":
                txt = f"较上年{ptxt}"
            else:
                txt = f"{comp}的{ptxt}"
        ch_fid = None
        if show_change:
            ch_fid, ctxt = self.t(w1 if residue is None else residue, None, ch, site + ".chg")
            txt += ctxt
            wherew = ctxt
        pct_val = Fraction(ch * 100, prev)
        pf, ptx = self.pct(pct_val, site + ".pct", cat="growpct" if cat else None, lab=w2)
        self.figs[pf]["aux"] = {"ch": ch, "cur": cur, "prev": prev}
        txt += ("，" if show_change else "") + ptx
        if not show_change:
            wherew = ptx
        if cat and (show_prev or show_change) and residue is None:
            self.cand.setdefault("dirword", []).append((site, wherew, show_prev))
        if cat:
            self.cand.setdefault("dirres", []).append(site)
        self.idn(t="growth", cur=cur_fid, prev=prev_fid, change=ch_fid, pct=pf, sign=None if residue else sign)
        return txt

    def completion(self, act_fid, act, bud_fid, bud, site, word="完成年初预算的"):
        if bud == 0:
            return ""
        pf, ptx = self.pct(Fraction(act * 100, bud), site, cat="comppct", lab=word)
        self.idn(t="completion", actual=act_fid, budget=bud_fid, pct=pf)
        return ptx

    def share(self, part_fid, part, whole_fid, whole, site, lab="占", cat="sharepct"):
        pf, ptx = self.pct(Fraction(part * 100, whole), site, cat=cat, lab=lab)
        self.idn(t="share", part=part_fid, whole=whole_fid, pct=pf)
        return ptx

    # ---- tables
    def table(self, T):
        self.tables.append(T)
        self.toc_tables.append(T["name"])
        self.blocks.append(("table", T))

    def finish_keys(self):
        groups = {}
        for f in self.figs:
            if f["key"] and not f.get("dropped"):
                groups.setdefault(f["key"], []).append(f["id"])
        for k, ids in groups.items():
            for other in ids[1:]:
                self.ids.append({"t": "eq", "a": ids[0], "b": other, "key": k})
        gone = {f["id"] for f in self.figs if f.get("dropped")}

        def refs(d):
            out = []
            for k2, v in d.items():
                if k2 in ("t", "key", "sign"):
                    continue
                out += v if isinstance(v, list) else [v]
            return out
        self.ids = [d for d in self.ids if not (set(refs(d)) & gone)]
