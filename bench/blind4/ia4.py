"""Interval arithmetic over printed figures (shared by generator and verifier; no generator imports)."""
from fractions import Fraction as F

SCALE = {"元": 100, "千元": 100000, "万元": 1000000}


def parse_num(text):
    t = text.replace(",", "").replace("%", "").strip()
    if t in ("", "-", "—"):
        return None
    neg = t.startswith("-")
    t = t.lstrip("+-")
    dec = len(t.split(".")[1]) if "." in t else 0
    v = F(t) if "." not in t else F(int(t.replace(".", "")), 10 ** dec)
    return (-v if neg else v), dec


def interval(fig, widen=0):
    """fig: dict with text, kind, unit. Amounts -> fen, pct -> percent, cnt -> count. None if blank."""
    if fig["kind"] not in ("amt", "pct", "cnt"):
        return None
    p = parse_num(fig["text"])
    if p is None:
        return None
    v, dec = p
    h = (F(1, 2) + widen) / F(10) ** dec
    s = SCALE.get(fig.get("unit"), 1) if fig["kind"] == "amt" else 1
    return ((v - h) * s, (v + h) * s)


def _ratio_range(num, den):
    if den[0] <= 0:
        return None
    cands = [num[0] / den[0], num[0] / den[1], num[1] / den[0], num[1] / den[1]]
    return min(cands), max(cands)


def overlap(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def check(figs, idents, widen=0):
    """Return list of (identity, reason) violations."""
    bad = []
    I = {k: interval(f, widen) for k, f in figs.items()}
    # implicit: equal keys
    bykey = {}
    for k, f in figs.items():
        if f.get("key") and f["kind"] in ("amt", "cnt", "pct"):
            bykey.setdefault((f["key"], f["kind"]), []).append(k)
    for (key, _), ids in bykey.items():
        iv = [(i, I[i]) for i in ids if I[i] is not None]
        for i in range(len(iv)):
            for j in range(i + 1, len(iv)):
                if not overlap(iv[i][1], iv[j][1]):
                    bad.append(({"t": "eq", "a": iv[i][0], "b": iv[j][0]}, "key %s" % key))
    for idn in idents:
        t = idn["t"]
        if t == "sum":
            tot = I[idn["total"]]
            parts = [I[p] for p in idn["parts"]]
            if tot is None:
                if any(p is not None and p[1] > 0 for p in parts):
                    bad.append((idn, "blank total"))
                continue
            lo = sum(p[0] for p in parts if p is not None)
            hi = sum(p[1] for p in parts if p is not None)
            # blank parts count as zero
            if not overlap(tot, (lo, hi)):
                bad.append((idn, "sum"))
        elif t == "lesum":
            tot = I[idn["total"]]
            lo = sum(I[p][0] for p in idn["parts"] if I[p] is not None)
            if tot is not None and lo > tot[1]:
                bad.append((idn, "parts exceed total"))
        elif t == "le":
            a, b = I[idn["a"]], I[idn["b"]]
            if a and b and a[0] > b[1]:
                bad.append((idn, "le"))
        elif t in ("share", "ratio"):
            num, den, pct = I[idn["num"]], I[idn["den"]], I[idn["pct"]]
            if den is None or den[1] <= 0 or parse_num(figs[idn["den"]]["text"])[0] == 0:
                bad.append((idn, "zero denominator"))
                continue
            r = _ratio_range(num, den)
            if r is None or not overlap((r[0] * 100, r[1] * 100), pct):
                bad.append((idn, t))
        elif t == "growth":
            cur = I[idn["cur"]]
            word = figs[idn["word"]]["text"] if idn.get("word") else None
            sign = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "减少": -1, "下降": -1, "降低": -1, "节约": -1, "持平": 0}.get(word)
            if idn.get("prev"):
                prev = I[idn["prev"]]
                pv = parse_num(figs[idn["prev"]]["text"])[0]
            else:  # prev implied by the stated change
                c = I[idn["chg"]]
                c = (-c[1], -c[0]) if sign == -1 else c
                prev = (cur[0] - c[1], cur[1] - c[0])
                pv = None if prev[1] > 0 else 0
            if idn.get("pct") and pv == 0:
                bad.append((idn, "zero base"))
                continue
            if sign is None:
                continue
            d = (cur[0] - prev[1], cur[1] - prev[0])
            if sign == 1 and d[1] <= 0 or sign == -1 and d[0] >= 0 or sign == 0 and not (d[0] <= 0 <= d[1]):
                bad.append((idn, "direction"))
                continue
            if idn.get("chg"):
                c = I[idn["chg"]]
                c = (c[0] * (sign or 1), c[1] * (sign or 1)) if sign != -1 else (-c[1], -c[0])
                if not overlap(c, d):
                    bad.append((idn, "change"))
                    continue
            if idn.get("pct"):
                p = I[idn["pct"]]
                if sign == -1:
                    p = (-p[1], -p[0])
                r = _ratio_range(d, prev) if prev[0] > 0 else None
                if r is None:
                    continue
                if not overlap((r[0] * 100, r[1] * 100), p):
                    bad.append((idn, "growth rate"))
        elif t == "year":
            if int(figs[idn["fig"]]["text"]) != idn["expected"]:
                bad.append((idn, "year"))
        elif t == "max":
            a = I[idn["a"]]
            if a and a[0] > idn["max"]:
                bad.append((idn, "max"))
    return bad
