"""Document model: figures (every printed number/word), blocks, identities, interval arithmetic."""
from __future__ import annotations

import itertools
from dataclasses import asdict, dataclass
from fractions import Fraction

SCALE = {"元": 100, "万元": 1_000_000}  # fen per unit
UP_WORDS = {"增加", "增长", "上升", "提高"}
DOWN_WORDS = {"减少", "下降", "降低", "节约"}


@dataclass
class Fig:
    id: int
    key: str | None
    kind: str  # amt | pct | year | count | word | title
    text: str
    unit: str = ""
    dec: int = 2
    exact: str = ""  # exact value as a string (fen for amounts)


def fmt_amt(fen: int, unit: str, dec: int = 2, sep: bool = False) -> str:
    v = Fraction(fen, SCALE[unit])
    x = v * 10**dec  # round half away from zero
    q = int(x + Fraction(1, 2)) if x >= 0 else -int(-x + Fraction(1, 2))
    s = str(abs(q))
    if dec:
        ip, fp = divmod(abs(q), 10**dec)
        ips = f"{ip:,}" if sep else str(ip)
        s = f"{ips}.{fp:0{dec}d}"
    elif sep:
        s = f"{abs(q):,}"
    return ("-" if q < 0 else "") + s


def fmt_pct(v: Fraction, dec: int) -> str:
    x = abs(v) * 10**dec
    q = int(x + Fraction(1, 2))
    if dec == 0:
        return str(q)
    ip, fp = divmod(q, 10**dec)
    return f"{ip}.{fp:0{dec}d}"


def trunc_pct(v: Fraction, dec: int) -> str:
    q = int(abs(v) * 10**dec)
    if dec == 0:
        return str(q)
    ip, fp = divmod(q, 10**dec)
    return f"{ip}.{fp:0{dec}d}"


def parse_num(s: str) -> Fraction:
    return Fraction(s.replace(",", "").replace("%", "").strip())


def decimals(s: str) -> int:
    s = s.replace(",", "").replace("%", "").strip()
    return len(s.split(".")[1]) if "." in s else 0


class Doc:
    """Holds blocks and figures of one document. Blocks reference figures by id."""

    def __init__(self) -> None:
        self.figs: list[Fig] = []
        self.blocks: list[dict] = []
        self.identities: list[dict] = []
        self.meta: dict = {}

    # -- figures
    def fig(self, key: str | None, kind: str, text: str, unit: str = "", dec: int = 2, exact: str = "") -> int:
        f = Fig(len(self.figs), key, kind, text, unit, dec, exact)
        self.figs.append(f)
        return f.id

    def amt(self, key: str | None, fen: int, unit: str = "万元", dec: int = 2, sep: bool = False) -> int:
        return self.fig(key, "amt", fmt_amt(fen, unit, dec, sep), unit, dec, str(fen))

    def pct(self, v: Fraction, dec: int, key: str | None = None) -> int:
        return self.fig(key, "pct", fmt_pct(v, dec), "%", dec, str(v))

    def word(self, w: str) -> int:
        return self.fig(None, "word", w)

    def ident(self, typ: str, **kw) -> dict:
        d = {"type": typ, **kw}
        self.identities.append(d)
        return d

    # -- blocks
    def heading(self, text: str, level: int = 1, title_fig: int | None = None) -> None:
        self.blocks.append({"t": "h", "level": level, "segs": [text] if title_fig is None else [title_fig]})

    def para(self, segs: list) -> dict:
        b = {"t": "p", "segs": segs}
        self.blocks.append(b)
        return b

    def table(self, tbl: dict) -> None:
        self.blocks.append({"t": "table", **tbl})

    def seg_text(self, s) -> str:
        return self.figs[s].text if isinstance(s, int) else s

    def block_text(self, b: dict) -> str:
        return "".join(self.seg_text(s) for s in b["segs"])

    def to_json(self) -> dict:
        return {"meta": self.meta, "figures": [asdict(f) for f in self.figs],
                "identities": self.identities, "blocks": self.blocks}


# ---------------------------------------------------------------- interval arithmetic
@dataclass
class Iv:
    lo: Fraction
    hi: Fraction

    def __add__(self, o: "Iv") -> "Iv":
        return Iv(self.lo + o.lo, self.hi + o.hi)

    def __sub__(self, o: "Iv") -> "Iv":
        return Iv(self.lo - o.hi, self.hi - o.lo)

    def meets(self, o: "Iv") -> bool:
        return self.lo <= o.hi and o.lo <= self.hi


def fig_iv(f: dict, widen: Fraction = Fraction(0)) -> Iv | None:
    """Interval (in fen for amounts, in % for percentages) of a printed figure."""
    if f["text"].strip() == "":
        return None
    v = parse_num(f["text"])
    d = decimals(f["text"])
    h = (Fraction(1, 2) + widen) / 10**d
    if f["kind"] == "amt":
        sc = SCALE[f["unit"]]
        return Iv((v - h) * sc, (v + h) * sc)
    return Iv(v - h, v + h)


def corners(fn, *ivs: Iv) -> Iv:
    vals = [fn(*c) for c in itertools.product(*[(i.lo, i.hi) for i in ivs])]
    return Iv(min(vals), max(vals))


def sign_of(word: str) -> int:
    if word in UP_WORDS:
        return 1
    if word in DOWN_WORDS:
        return -1
    if word == "持平":
        return 0
    raise ValueError(word)


def check_identity(idt: dict, figs: list[dict], widen: Fraction = Fraction(0)) -> tuple[bool, str]:
    """True if the identity can hold for some values inside the intervals."""
    F = lambda i: figs[i]  # noqa: E731
    iv = lambda i: fig_iv(F(i), widen)  # noqa: E731
    t = idt["type"]
    try:
        return _check(idt, figs, widen, F, iv, t)
    except ValueError as e:  # a direction word that is no direction word: template residue
        return False, f"unreadable word: {e}"


def _check(idt, figs, widen, F, iv, t):  # noqa: C901
    if t == "sum":
        tot = iv(idt["total"])
        if tot is None:
            return False, "blank total"
        acc = Iv(Fraction(0), Fraction(0))
        for p in idt["parts"]:
            pi = iv(p)
            if pi is None:
                return True, "blank part"
            acc = acc + pi
        return tot.meets(acc), f"total {F(idt['total'])['text']} vs sum [{float(acc.lo):.0f},{float(acc.hi):.0f}]"
    if t == "eq":
        a, b = iv(idt["a"]), iv(idt["b"])
        if a is None or b is None:
            return False, "blank"
        return a.meets(b), f"{F(idt['a'])['text']}{F(idt['a'])['unit']} vs {F(idt['b'])['text']}{F(idt['b'])['unit']}"
    if t == "le":
        a, b = iv(idt["a"]), iv(idt["b"])
        return a.lo <= b.hi, "le"
    if t == "share":  # pct = part / base * 100
        p, b, q = iv(idt["part"]), iv(idt["base"]), iv(idt["pct"])
        if b.lo <= 0:
            return True, "zero base"
        r = corners(lambda x, y: x / y * 100, p, b)
        return r.meets(q), f"share {F(idt['pct'])['text']} vs [{float(r.lo):.4f},{float(r.hi):.4f}]"
    if t == "growth":
        cur = iv(idt["cur"])
        sg = sign_of(F(idt["sign"])["text"]) if idt.get("sign") is not None else None
        prev = iv(idt["prev"]) if idt.get("prev") is not None else None
        chg = None
        if idt.get("chg") is not None:
            c = iv(idt["chg"])
            s = 1 if sg is None else sg
            chg = Iv(c.lo * s, c.hi * s) if s >= 0 else Iv(-c.hi, -c.lo)
        if prev is not None and chg is not None and not (cur - prev).meets(chg):
            return False, "change != cur - prev"
        if prev is not None and sg is not None and chg is None:
            d = cur - prev
            if (sg > 0 and d.hi <= 0) or (sg < 0 and d.lo >= 0) or (sg == 0 and not d.meets(Iv(Fraction(0), Fraction(0)))):
                return False, "direction"
        if idt.get("pct") is not None:
            q = iv(idt["pct"])
            psg = sign_of(F(idt["psign"])["text"]) if idt.get("psign") is not None else (sg or 1)
            q = Iv(q.lo * psg, q.hi * psg) if psg >= 0 else Iv(-q.hi, -q.lo)
            if prev is not None:
                if prev.lo <= 0:
                    return True, "zero base"
                r = corners(lambda x, y: (x - y) / y * 100, cur, prev)
            elif chg is not None:
                base = cur - chg
                if base.lo <= 0:
                    return True, "zero base"
                r = corners(lambda x, c: c / (x - c) * 100, cur, chg)
            else:
                return True, "no base"
            if not r.meets(q):
                return False, f"growth {F(idt['pct'])['text']} vs [{float(r.lo):.4f},{float(r.hi):.4f}]"
        return True, "ok"
    if t == "zerobase":  # a rate stated on a zero prior value: only the 100% template convention is acceptable
        prev = F(idt["prev"])
        if parse_num(prev["text"]) == 0:
            return parse_num(F(idt["pct"])["text"]) == 100, "rate on zero base"
        return True, "ok"
    if t == "year":
        return int(F(idt["fig"])["text"]) == idt["expected"], "year"
    if t == "count":
        return int(F(idt["fig"])["text"]) == idt["expected"], "count"
    if t == "doctype":
        txt = F(idt["fig"])["text"]
        if idt["doc_type"] == "final":
            return "决算" in txt, "final title"
        return "决算" not in txt, "budget title"
    raise ValueError(t)


def key_groups(figs: list[dict]) -> dict[str, list[int]]:
    g: dict[str, list[int]] = {}
    for f in figs:
        if f["key"] and f["kind"] == "amt":
            g.setdefault(f["key"], []).append(f["id"])
    return g


def all_violations(data: dict, widen: Fraction = Fraction(0)) -> list[str]:
    figs = data["figures"]
    out = []
    for idt in data["identities"]:
        ok, why = check_identity(idt, figs, widen)
        if not ok:
            out.append(f"{idt['type']}:{idt.get('label', '')}:{why}")
    for key, ids in key_groups(figs).items():
        for a, b in itertools.combinations(ids, 2):
            ok, why = check_identity({"type": "eq", "a": a, "b": b}, figs, widen)
            if not ok:
                out.append(f"key:{key}:{why}")
    return out


RESIDUE = ["增加（减少）", "增长（下降）", "增加/减少", "XX万元", "（请根据", "主要原因是。", "主要原因是……"]


def block_text(data: dict, b: dict) -> str:
    return "".join(data["figures"][s]["text"] if isinstance(s, int) else s for s in b["segs"])


def structural_violations(data: dict) -> list[str]:
    """Checks that are not identities among figures: table of contents and template residue."""
    out = []
    names = [b["name"] for b in data["blocks"] if b["t"] == "table"]
    for b in data["blocks"]:
        if b["t"] == "toc":
            for item in b["tables"]:
                if not any(item.endswith(n) for n in names):
                    out.append(f"toc:{item} listed but not published")
        if b["t"] == "p":
            txt = block_text(data, b)
            for r in RESIDUE:
                if r in txt:
                    out.append(f"residue:{r}")
    return out
