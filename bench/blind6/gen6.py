#!/usr/bin/env python3
"""gen6: synthetic 部门预算 / 部门决算 disclosures with at most one planted defect each.

Usage: gen6.py --seed N --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random
from fractions import Fraction

from build6 import BUDGET_TABLES, FINAL_TABLES, WRONG, build
from facts6 import make_facts
from render6 import RENDER
from tables6 import cn

CLASSES = ["table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction", "breakdown",
           "sangong-sum", "completion", "count", "template-residue", "missing-part", "doc-type", "carryover", "identity"]
FINAL_ONLY = {"completion", "carryover"}
SCALE = {"万元": 1000000, "元": 100}
RESIDUES = ["增加（减少）", "……", "（请说明变动原因）", "XX万元"]


# ---------------- interval arithmetic (generator's own copy; verify6 has an independent one)
def box(f, widen):
    s = f["s"].replace(",", "").strip()
    v = Fraction(s) if s else Fraction(0)
    if f["kind"] == "cnt":
        return v, v
    h = (Fraction(1, 2) + (2 if widen else 0)) / Fraction(10) ** f["dec"]
    k = SCALE.get(f["unit"], 1)
    return (v - h) * k, (v + h) * k


def ok_identity(d, figs, widen):
    B = {}

    def b(i):
        if i not in B:
            B[i] = box(figs[i], widen)
        return B[i]

    def ov(a, c):
        return a[0] <= c[1] and c[0] <= a[1]
    t = d["t"]
    if t == "sum":
        lo = sum(b(i)[0] for i in d["parts"])
        hi = sum(b(i)[1] for i in d["parts"])
        return ov(b(d["total"]), (lo, hi))
    if t == "le_sum":
        return sum(b(i)[0] for i in d["parts"]) <= b(d["total"])[1]
    if t == "le":
        return b(d["a"])[0] <= b(d["b"])[1]
    if t == "eq":
        return ov(b(d["a"]), b(d["b"]))
    if t in ("share", "completion"):
        p, w = (d["part"], d["whole"]) if t == "share" else (d["actual"], d["budget"])
        if b(w)[0] <= 0:
            return True
        r = (b(p)[0] * 100 / b(w)[1], b(p)[1] * 100 / b(w)[0])
        return ov(r, b(d["pct"]))
    if t == "growth":
        s = d["sign"]
        if s is None:
            return True
        cur = b(d["cur"])
        pv = b(d["prev"]) if d.get("prev") is not None else None
        ch = b(d["change"]) if d.get("change") is not None else None
        if s == 0:
            return pv is None or ov(cur, pv)
        if pv is not None:
            if s > 0 and not cur[1] - pv[0] > 0:
                return False
            if s < 0 and not cur[0] - pv[1] < 0:
                return False
            if ch is not None:
                diff = (cur[0] - pv[1], cur[1] - pv[0])
                sc = ch if s > 0 else (-ch[1], -ch[0])
                if not ov(diff, sc):
                    return False
        if d.get("pct") is None:
            return True
        pc = b(d["pct"])
        if pv is not None:
            if pv[0] <= 0:
                return True
            if ch is None:
                dd = (cur[0] - pv[1], cur[1] - pv[0]) if s > 0 else (pv[0] - cur[1], pv[1] - cur[0])
                ch = (max(dd[0], 0), dd[1])
            r = (ch[0] * 100 / pv[1], ch[1] * 100 / pv[0])
            return ov(r, pc)
        if ch is None:
            return True
        den_lo = cur[0] - s * (ch[1] if s > 0 else ch[0])
        den_lo = min(cur[0] - s * ch[1], cur[0] - s * ch[0])
        if den_lo <= 0:
            return True
        dmin = cur[1] - s * ch[0]
        dmax = cur[0] - s * ch[1]
        r = (ch[0] * 100 / max(dmin, dmax), ch[1] * 100 / min(dmin, dmax))
        return ov(r, pc)
    raise ValueError(t)


def violations(D, widen):
    return [d for d in D.ids if not ok_identity(d, D.figs, widen)]


# ---------------- options
def make_opts(rng, doc_type, year, fmt):
    o = {"doc_type": doc_type, "year": year, "wseed": rng.randint(0, 10 ** 9),
         "tunit": rng.choice(["元", "元", "万元"]), "tzero": rng.choice(["blank", "zero"]),
         "codes": rng.choice(["three", "three", "one", "name"]), "totlab": rng.choice(["合计", "总计"]),
         "totpos": rng.choice(["top", "top", "bottom"]), "kuan_nozero": rng.random() < 0.2,
         "lanci": rng.random() < 0.7, "hanci": rng.random() < 0.7, "merged": rng.random() < 0.6,
         "budcol": rng.random() < 0.5, "econ_sbs": rng.random() < 0.4, "sg_prev": rng.random() < 0.4,
         "tprefix": rng.choice(["num", "biao", "year"]), "tables_first": rng.random() < 0.3,
         "tnum": rng.choice(["plain", "plain", "sep", "space"]), "pdec": rng.choice([2, 2, 1]),
         "show_prev": rng.random() < 0.5, "carry_sentence": doc_type == "final" and rng.random() < 0.7,
         "txt_table": rng.choice(["tsv", "pipe"]), "html_caption": rng.random() < 0.5,
         "docx_heading": rng.random() < 0.5, "xlsx_layout": rng.choice(["sheets", "inline"]),
         "xlsx_numeric": rng.random() < 0.6, "pdf_repeat": rng.random() < 0.7, "pdf_newpage": rng.random() < 0.5}
    o["tsep"] = o["tunit"] == "元" or rng.random() < 0.3
    o["format"] = fmt
    return o


def shapes(o, f):
    s = ["two-column-总表"]
    if o["lanci"] and o["doc_type"] == "final":
        s.append("栏次-row")
    if o["hanci"] and o["doc_type"] == "final":
        s.append("行次-column")
    s.append({"three": "类款项-three-code-columns", "one": "7-digit-code-column", "name": "code+name-one-cell"}[o["codes"]])
    if o["merged"]:
        s.append("merged-multirow-header")
    if o["tunit"] == "元" and o["tsep"]:
        s.append("元-thousands-separators")
    s.append("zero-as-blank" if o["tzero"] == "blank" else "zero-as-0.00")
    s.append("econ-人员|公用-side-by-side" if o["econ_sbs"] else "econ-301/302/303-tree-with-5-digit")
    s.append("project-table")
    if o["doc_type"] == "final":
        s += ["completion-items-类款项", "三公-预算-vs-决算", "vehicle-and-reception-counts", "procurement-SME-share",
              "perf-selfeval-share"]
        if o["carry_sentence"]:
            s.append("carryover-sentence")
        if o["budcol"]:
            s.append("年初预算数-column")
    else:
        s += ["上年结转-income-side", "item-growth-vs-上年预算", "perf-target-share"]
    if o["show_prev"]:
        s.append("growth-with-prev-amount")
    if o["tnum"] != "plain":
        s.append("text-numbers-" + o["tnum"])
    if o["format"] == "pdf" and o["pdf_repeat"]:
        s.append("pdf-header-repeated-on-page-break")
    return s


# ---------------- planting
def bump_fen(rng, v):
    d = max(int(abs(v) * rng.uniform(0.06, 0.15)), 3000000)
    return (d // 10000) * 10000 + rng.choice([0, 3700, 51200]) + 10000


def plan(rng, cls, f, o, D0):
    """Return (mut dict, info) for the defect class, using the correct build D0."""
    figs = D0.figs
    cand = D0.cand

    def pick(cat):
        c = [s for s in cand.get(cat, []) if not figs[D0.sites[s]].get("dropped")] if cat in cand else []
        return rng.choice(c) if c else None
    if cls in ("table-total", "text-vs-table", "sangong-sum", "identity", "carryover"):
        cat = {"table-total": "ttotal", "text-vs-table": "txtamt", "sangong-sum": "sgtotal", "identity": "idtotal",
               "carryover": "carry"}[cls]
        site = pick(cat)
        if cls == "identity":
            site = "t1.r.支出总计"
        if site is None:
            return None
        d = bump_fen(rng, figs[D0.sites[site]]["true"])
        return {site: (lambda v, d=d: v + d)}, {"site": site}
    if cls == "cross-table":
        off = 1 if (o["doc_type"] == "final" and o["budcol"]) else 0
        lf = rng.choice([x for x in f["leaves"] if x["p"]])
        c = lf["code"]
        d = bump_fen(rng, lf["p"])
        mut = {}
        for code in (c, c[:5], c[:3], "ALL"):
            for j in (off, off + 2):
                mut[f"t5.{code}.{j}"] = (lambda v, d=d: v + d)
        return mut, {"site": f"t5.ALL.{off}", "alt_sites": [f"t5.{c}.{off}"]}
    if cls == "blank-total":
        site = pick("blank")
        return {site: "blank"}, {"site": site}
    if cls == "share":
        site = pick("sharepct")
        k = Fraction(rng.choice([4, 5, 7, 9, 12]))
        return {site: (lambda v, k=k: v + k if v + k < 100 else v - k)}, {"site": site}
    if cls == "growth":
        c = [s for s in cand.get("growpct", [])]
        good = [s for s in c if figs[D0.sites[s]]["aux"]["ch"] * 10 >= figs[D0.sites[s]]["aux"]["prev"]]
        if good and rng.random() < 0.6:
            site = rng.choice(good)
            a = figs[D0.sites[site]]["aux"]
            val = Fraction(a["ch"] * 100, a["cur"])
            return {site: (lambda v, val=val: val)}, {"site": site, "note": "growth divided by this year's amount"}
        site = rng.choice(c)
        k = Fraction(rng.choice([5, 8, 11, 15]))
        return {site: (lambda v, k=k: v + k)}, {"site": site, "note": "growth rate does not match its amounts"}
    if cls == "direction":
        c = cand.get("dirword", [])
        pref = [x for x in c if x[2]] or c
        site, _, _ = rng.choice(pref)
        return {site + ".dir": "flip"}, {"dirsite": site}
    if cls == "breakdown":
        site = pick("bditem")
        fg = figs[D0.sites[site]]
        tot = figs[fg["bd_total"]]
        listed = [x for x in figs if x.get("bd_total") == fg["bd_total"]]
        gap = tot["true"] - sum(x["true"] for x in listed)
        d = gap + max(int(tot["true"] * 0.05), 3000000)
        d = (d // 10000 + 1) * 10000
        return {site: (lambda v, d=d: v + d)}, {"site": site}
    if cls == "completion":
        site = pick("comppct")
        k = Fraction(rng.choice([6, 9, 13, 20]))
        return {site: (lambda v, k=k: v + k if rng.random() < 0.5 or v < 30 else v - k)}, {"site": site}
    if cls == "count":
        site = pick("cntitem")
        k = rng.choice([3, 4, 5])
        return {site: (lambda v, k=k: v + k)}, {"site": site}
    if cls == "template-residue":
        r = rng.random()
        if r < 0.25:
            g = "（名词解释部分请根据各部门实际列支情况罗列）"
            return {"residue_gloss": g}, {"where": g}
        if r < 0.5 and cand.get("dirres"):
            site = rng.choice(cand["dirres"])
            return {site + ".dir": "增加（减少）"}, {"where": "增加（减少）", "dirsite": site}
        site = rng.choice(cand["residue"])
        txt = rng.choice(["……", "（请说明变动原因）", "XX"])
        return {site: txt}, {"where": "主要原因是" + txt if txt != "XX" else "主要原因是XX"}
    if cls == "missing-part":
        names = FINAL_TABLES if o["doc_type"] == "final" else BUDGET_TABLES
        i = rng.randint(1, len(names) - 1)
        return {"missing": names[i]}, {"where": f"{cn(i)}、{names[i]}", "table": names[i]}
    if cls == "doc-type":
        names = FINAL_TABLES if o["doc_type"] == "final" else BUDGET_TABLES
        c = [n for n in names if n in WRONG]
        if rng.random() < 0.3:
            return {"doctype_part": True}, {"part": True}
        n = rng.choice(c)
        return {"doctype_table": n}, {"table_name": n}
    raise ValueError(cls)


def fig_where(D, fid):
    fg = D.figs[fid]
    return fg["where"] if fg["where"] else fg["s"]


def plant(rng, cls, f, o, D0):
    for _ in range(12):
        res = plan(rng, cls, f, o, D0)
        if res is None:
            return None
        mut, info = res
        D = build(f, o, mut)
        bad = violations(D, widen=True)
        defect = {"class": cls, "alt": [], "note": ""}
        if cls in ("template-residue",):
            if violations(D, widen=False) and "dirsite" not in info:
                continue
            defect.update(where=info["where"], stated=info["where"], expected=None,
                          note="template text never filled in")
            return D, defect
        if cls == "missing-part":
            if violations(D, widen=False):
                continue
            defect.update(where=info["where"], stated=None, expected=info["table"], table=info["table"],
                          note="table listed in 目录 but absent from the document")
            return D, defect
        if cls == "doc-type":
            if violations(D, widen=False):
                continue
            if info.get("part"):
                w = D.cand["_dt"][0]
                defect.update(where=w, stated=w, expected=w.replace("预算", "决算") if o["doc_type"] == "final"
                              else w.replace("决算", "预算"), note="part heading of the wrong document kind")
            else:
                T = next(t for t in D.tables if t["name"] == info["table_name"]) if any(
                    t["name"] == info["table_name"] for t in D.tables) else None
                if T is None:
                    continue
                defect.update(where=T["title"], stated=T["title"], expected=T["title"].replace(
                    WRONG[info["table_name"]], info["table_name"]), table=T["title"],
                    note="table title of the wrong document kind")
            return D, defect
        if cls == "direction":
            site = info["dirsite"]
            gid = [d for d in D.ids if d["t"] == "growth" and d.get("pct") == D.sites.get(site + ".pct")]
            if not gid or ok_identity(gid[0], D.figs, True):
                continue
            ch = D.sites.get(site + ".chg")
            w = D.figs[ch]["where"] if ch is not None else D.figs[D.sites[site + ".pct"]]["where"]
            defect.update(where=w, stated=w, expected=None, note="direction word contradicts the amounts")
            return D, defect
        site = info["site"]
        fid = D.sites[site]
        mut_ids = {D.sites[s] for s in mut if s in D.sites}
        hit = [d for d in bad if mut_ids & set(_refs(d))]
        if not hit or len(bad) != len(hit):
            continue
        fg = D.figs[fid]
        F0 = D0.figs[D0.sites[site]]
        w = fig_where(D, fid) if cls != "blank-total" else fg["row"]
        if len(w.replace(" ", "")) < 4:
            w = fg["row"] + "" if fg.get("row") and len(fg["row"]) >= 4 else w
        if len(w.replace(" ", "")) < 4:
            continue
        defect.update(where=w, stated=fg["s"], expected=F0["s"],
                      note=info.get("note", "") or f"{cls}: printed {fg['s'] or '(blank)'}, consistent value {F0['s']}")
        if fg.get("table"):
            defect["table"] = fg["table"]
            defect["row"] = fg["row"]
        for s in info.get("alt_sites", []):
            defect["alt"].append(fig_where(D, D.sites[s]))
        if fg["key"]:
            defect["alt"] += sorted({fig_where(D, x["id"]) for x in D.figs if x["key"] == fg["key"] and x["id"] != fid
                                     and x["where"] and len(x["where"]) >= 4})[:3]
        return D, defect
    return None


def _refs(d):
    out = []
    for k, v in d.items():
        if k in ("t", "key", "sign"):
            continue
        out += v if isinstance(v, list) else [v]
    return [x for x in out if x is not None]


# ---------------- output
def internal(D, f, o, fname, defect):
    return {"file": fname, "doc_type": o["doc_type"], "year": f["year"], "department": f["dept"],
            "figures": [{k: fg.get(k) for k in ("id", "key", "s", "unit", "dec", "kind", "where", "table", "row")}
                        for fg in D.figs if not fg.get("dropped")],
            "identities": D.ids,
            "titles": [T["title"] for T in D.tables],
            "mandatory_tables": D.toc_tables,
            "rendered_tables": [T["name"] for T in D.tables],
            "residue_expected": bool(defect and defect["class"] == "template-residue"),
            "defect": defect}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--formats", default="txt,html,docx,xlsx,pdf")
    ap.add_argument("outdir")
    a = ap.parse_args()
    fmts = a.formats.split(",")
    os.makedirs(os.path.join(a.outdir, "_internal"), exist_ok=True)
    rng = random.Random(a.seed * 7919 + 6)
    nslots = a.count * len(fmts)
    defect_slots = [i for i in range(nslots) if i % 3 != 0]
    pool = []
    while len(pool) < len(defect_slots):
        c = CLASSES[:]
        rng.shuffle(c)
        pool += c
    manifest = []
    slot = 0
    for fmt in fmts:
        for n in range(a.count):
            dt = "budget" if n % 2 == 0 else "final"
            drng = random.Random(rng.randint(0, 10 ** 12))
            want = None
            if slot % 3 != 0:
                want = pool.pop(0)
                if dt == "budget" and want in FINAL_ONLY:
                    j = next((k for k, c in enumerate(pool) if c not in FINAL_ONLY), None)
                    if j is not None:
                        pool.append(want)
                        want = pool.pop(j)
                    else:
                        want = "share"
            for _attempt in range(20):
                f = make_facts(drng, dt)
                o = make_opts(drng, dt, f["year"], fmt)
                D0 = build(f, o, {})
                if violations(D0, widen=False):
                    raise SystemExit(f"correct doc has violations: {violations(D0, False)[:3]}")
                if want is None:
                    D, defect = D0, None
                    break
                r = plant(drng, want, f, o, D0)
                if r:
                    D, defect = r
                    break
            else:
                raise SystemExit(f"could not plant {want}")
            fname = f"g6_{a.seed}_{slot:02d}_{dt}.{fmt}"
            RENDER[fmt](D, os.path.join(a.outdir, fname), f["dept"])
            opts = {k: v for k, v in o.items() if k != "wseed"}
            opts["shapes"] = shapes(o, f)
            opts["region"] = f["prov"]
            manifest.append({"file": fname, "format": fmt, "doc_type": dt, "department": f["dept"], "year": f["year"],
                             "options": opts, "defect": defect})
            with open(os.path.join(a.outdir, "_internal", fname + ".json"), "w", encoding="utf-8") as fh:
                json.dump(internal(D, f, o, fname, defect), fh, ensure_ascii=False, indent=1, default=str)
            slot += 1
    with open(os.path.join(a.outdir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    print(f"wrote {len(manifest)} files to {a.outdir}")


if __name__ == "__main__":
    main()
