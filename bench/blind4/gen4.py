"""gen4: synthetic 部门预算/部门决算 disclosures with planted defects.  python3 gen4.py --seed N --count C --formats txt,html OUTDIR"""
import argparse
import json
import os
import random

import ia4
from build4 import build
from doc4 import fmt_amt
from facts4 import make_facts
from render4 import RENDER

CLASSES = ["table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction", "breakdown", "sangong-sum",
           "perf-table", "count", "comparison-year", "template-residue", "missing-part", "zero-base", "doc-type"]


def options(rng, dt):
    tunit = rng.choice(["元", "万元", "万元", "千元"])
    tdec = {"元": rng.choice([0, 2]), "万元": 2, "千元": rng.choice([1, 2])}[tunit]
    return {"tunit": tunit, "tdec": tdec, "tsep": tunit == "元" and rng.random() < 0.7 or rng.random() < 0.15,
            "xunit": "万元" if rng.random() < 0.8 else "元", "xsep": False, "pdec": rng.choice([2, 2, 2, 1, 0]),
            "pstyle": rng.choice(["di", "di", "cn", "ar"]), "sstyle": rng.choice(["cn", "paren", "ar"]), "tables_first": rng.random() < 0.4,
            "tprefix": rng.choice(["cn", "biao", "fu", "yr"]), "tstyle": rng.randint(0, 1), "szb2": rng.random() < 0.6,
            "split": rng.random() < 0.5, "merged": rng.random() < 0.6, "codes": rng.choice(["split", "joined", "indent"]),
            "zblank": rng.random() < 0.3, "budcols": rng.random() < 0.6, "jbside": rng.random() < 0.4,
            "cmpw": rng.choice(["比上年", "与上年相比", "较上年", "同比"]), "gvar": rng.choice(["A", "B"])}


def prep(f, rng, plan, dt):
    f["prev"]["gp_exp"] = -1
    if f["sub"]:
        sh = rng.uniform(0.15, 0.35)
        vals = [f["gp_inc"], f["sy"], f["qt"], f["c0"]]
        f["subv"] = [int(v * sh) // 100 * 100 for v in vals]
        f["ownv"] = [v - s for v, s in zip(vals, f["subv"])]
        f["own_inc"], f["sub_inc"] = sum(f["ownv"][:3]), sum(f["subv"][:3])
    if plan == "zero-base":
        c = f["newleaf"] or sorted(c for c in f["leafs"] if f["leafs"][c]["proj"] > 0)[0]
        f["newleaf"] = c
        f["prev"]["leaf"][c] = 0
        if dt == "final":
            f["bud"][c] = 0
            f["bud_gp"] = sum(f["bud"].values())
    f["prev"]["gp_exp"] = sum(f["prev"]["leaf"].values())


def bad_at(d, w=2):
    return ia4.check(d.records(), d.idents, widen=w)


def refmt(d, fg, fen):
    fg.fen = fen
    fg.text = fmt_amt(fen, fg.unit, fg.dec, fg.sep)


def bump(d, fg, rng):
    base = d.val(fg)
    sign = rng.choice([1, -1])
    for rel in (0.06, 0.12, 0.25, 0.5, 0.9):
        new = int(base * (1 + sign * rel))
        new = new if new > 0 else int(base * (1 + rel))
        refmt(d, fg, new)
        if bad_at(d):
            return True
    return False


def row_of(d, fid):
    for b in d.blocks:
        if b[0] == "table":
            for r in b[1].rows:
                if any(getattr(c, "id", None) == fid for c in r):
                    return b[1], r
    return None, None


def plant(d, cls, f, rng, o):
    F = d.figs
    tabkeys = {fg.key for fg in F.values() if fg.loc == "table" and fg.key}
    if cls in ("table-total", "blank-total"):
        c = [fg for fg in F.values() if fg.loc == "table" and fg.role == "total" and fg.kind == "amt" and len(fg.text) >= 4 and fg.fen]
        rng.shuffle(c)
        for fg in c:
            old = fg.text
            t, r = row_of(d, fg.id)
            if cls == "blank-total":
                labels = sorted([x for x in r if isinstance(x, str) and len(x.strip()) >= 4], key=len, reverse=True)
                if not labels:
                    continue
                fg.text = ""
                if bad_at(d):
                    return {"class": cls, "where": labels[0].strip(), "alt": [], "stated": "", "expected": old, "note": "total cell left blank in %s" % t.title}
                fg.text = old
                continue
            if bump(d, fg, rng):
                return {"class": cls, "where": fg.text, "alt": [], "stated": fg.text, "expected": old, "note": "total does not equal its parts in %s" % t.title}
            fg.text = old
    if cls == "cross-table":
        listed = [F[x] for x in f["_lesum"]["parts"]]
        for tf in [x for x in F.values() if x.loc == "table" and x.key in {y.key for y in listed} and x.fen]:
            t, _ = row_of(d, tf.id)
            grp = tf.key[2:5]
            others = [x for x in F.values() if x.loc == "table" and row_of(d, x.id)[0] is t and (x.key or "").startswith("e." + grp)
                      and len(x.key) == 7 and x.key != tf.key and x.key not in {y.key for y in listed}]
            if not others:
                continue
            ob = rng.choice(others)
            olda, oldb, fa0, fb0 = tf.text, ob.text, tf.fen, ob.fen
            for rel in (0.3, 0.6):
                x = int(fa0 * rel) // 100 * 100
                refmt(d, tf, fa0 - x)
                refmt(d, ob, fb0 + x)
                if bad_at(d):
                    return {"class": cls, "where": tf.text, "alt": [d.locate(y.id) for y in listed if y.key == tf.key], "stated": tf.text, "expected": olda,
                            "note": "%s: amount moved from one item to another; the table still adds up but disagrees with the text" % t.title}
            tf.text, ob.text, tf.fen, ob.fen = olda, oldb, fa0, fb0
        return None
    if cls in ("text-vs-table", "sangong-sum", "perf-table"):
        if cls == "text-vs-table":
            c = [fg for fg in F.values() if fg.loc == "text" and fg.kind == "amt" and fg.key in tabkeys and fg.fen]
        elif cls == "sangong-sum":
            c = [f["_sgtext"]] + [fg for fg in F.values() if fg.loc == "table" and fg.key == "sg"]
        else:
            c = [f["_perf"]]
        rng.shuffle(c)
        for fg in c:
            old = fg.text
            if bump(d, fg, rng):
                other = [x.text for x in F.values() if x.key == fg.key and x is not fg and x.text][:1]
                where = d.locate(fg.id) if fg.loc == "text" else fg.text
                return {"class": cls, "where": where, "alt": other, "stated": fg.text, "expected": old, "note": "%s stated differently" % fg.key}
            fg.text = old
        return None
    if cls in ("share", "growth"):
        c = [i for i in d.idents if i["t"] == cls if cls == "share" or (i.get("pct") and i.get("word"))]
        rng.shuffle(c)
        for idn in c:
            pf = F[idn["pct"]]
            old = pf.text
            cands = []
            if cls == "growth":
                cur = d.val(F[idn["cur"]])
                chg = d.val(F[idn["chg"]]) if idn.get("chg") else None
                if chg and cur:
                    cands.append(("divided by this year instead of last year", chg / cur * 100))
            v = float(old)
            cands += [("wrong percentage", v + max(6, v * 0.3)), ("wrong percentage", max(0.0, v - max(6, v * 0.3)))]
            for note, nv in cands:
                from doc4 import q
                pf.text = str(q(nv if not hasattr(nv, "numerator") else nv, pf.dec))
                if pf.text != old and bad_at(d):
                    return {"class": cls, "where": d.locate(pf.id, 12, 1), "alt": [], "stated": pf.text + "%", "expected": old + "%", "note": note}
            pf.text = old
        return None
    if cls == "direction":
        c = [i for i in d.idents if i["t"] == "growth" and i.get("prev") and i.get("chg") and F[i["word"]].text in ("增加", "减少")]
        rng.shuffle(c)
        for idn in c:
            w1 = F[idn["word"]]
            w2 = F["f%d" % (int(w1.id[1:]) + 1)]
            o1, o2 = w1.text, w2.text
            w1.text = "减少" if o1 == "增加" else "增加"
            w2.text = "下降" if o2 == "增长" else "增长"
            if bad_at(d):
                return {"class": cls, "where": d.locate(w1.id, 2, len(F[idn["chg"]].text)), "alt": [], "stated": w1.text, "expected": o1,
                        "note": "direction word contradicts the figures"}
            w1.text, w2.text = o1, o2
        return None
    if cls == "breakdown":
        idn = f["_lesum"]
        tot = F[idn["total"]]
        p0 = F[idn["parts"][0]]
        old = p0.text
        others = sum(d.val(F[x]) for x in idn["parts"][1:])
        refmt(d, p0, int(d.val(tot) - others + d.val(tot) * 0.15))
        if bad_at(d):
            return {"class": cls, "where": d.locate(p0.id, 6, 2), "alt": [], "stated": p0.text, "expected": old, "note": "listed items of 人员经费 add up to more than the total"}
        p0.text = old
        return None
    if cls == "count":
        c = [fg for fg in F.values() if fg.loc == "text" and fg.kind == "cnt" and (fg.key or "").startswith(("car.", "staff_admin")) and fg.key != "car.total"]
        fg = rng.choice(c)
        old = fg.text
        fg.text = str(int(old) + rng.randint(15, 25))
        if bad_at(d):
            return {"class": cls, "where": d.locate(fg.id, 6, 1), "alt": [], "stated": fg.text, "expected": old, "note": "sub-counts add up to more than the total"}
        fg.text = old
        return None
    if cls == "comparison-year":
        c = [fg for fg in F.values() if fg.kind == "yr"]
        fg = rng.choice(c)
        old = fg.text
        fg.text = str(int(old) + rng.choice([1, -1]))
        return {"class": cls, "where": d.locate(fg.id, 2, 1), "alt": [], "stated": fg.text, "expected": old, "note": "comparison year is not the previous year"}
    if cls == "template-residue":
        c = [i for i in d.idents if i["t"] == "growth" and i.get("chg") and F[i["word"]].text in ("增加", "减少")]
        if c and rng.random() < 0.6:
            w1 = F[rng.choice(c)["word"]]
            old = w1.text
            w1.text = rng.choice(["增加（减少）", "增加/减少", "减少（增加）"])
            return {"class": cls, "where": d.locate(w1.id, 2, 2), "alt": [w1.text], "stated": w1.text, "expected": old, "note": "template wording left in"}
        for b in d.blocks:
            if b[0] == "p":
                for j, s in enumerate(b[1]):
                    if isinstance(s, str) and "主要原因是" in s:
                        new = s[:s.index("主要原因是")] + "主要原因是：（请说明增减变化的主要原因）"
                        b[1][j] = new
                        return {"class": cls, "where": "（请说明增减变化的主要原因）", "alt": [], "stated": "（请说明增减变化的主要原因）", "expected": "", "note": "author instruction not replaced"}
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--formats", default="txt,html,docx,xlsx,pdf")
    ap.add_argument("outdir")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.outdir, "_internal"), exist_ok=True)
    man = []
    R = random.Random(a.seed)
    order = CLASSES[:]
    R.shuffle(order)
    ci = 0
    for fmt in a.formats.split(","):
        for nn in range(a.count):
            dt = "budget" if nn % 2 == 0 else "final"
            correct = nn % 3 == 0
            plan = None if correct else order[ci % len(order)]
            if not correct:
                ci += 1
            for attempt in range(30):
                rng = random.Random("%d-%s-%d-%d" % (a.seed, fmt, nn, attempt))
                f = make_facts(rng, dt)
                o = options(rng, dt)
                prep(f, rng, plan, dt)
                d = build(f, dt, o, plan, rng)
                assert not ia4.check(d.records(), d.idents, 0) or getattr(d, "planted", None), ia4.check(d.records(), d.idents, 0)[:3]
                defect = getattr(d, "planted", None)
                if plan and not defect:
                    defect = plant(d, plan, f, rng, o)
                if plan and not defect:
                    continue
                if defect and defect.get("_fid"):
                    defect["where"] = d.locate(defect.pop("_fid"), 12, 1)
                if defect and plan not in ("template-residue", "missing-part", "doc-type") and not bad_at(d):
                    continue
                if defect and (not defect["where"] or len(defect["where"]) < 4):
                    continue
                break
            else:
                raise SystemExit("could not plant %s" % plan)
            name = "g4_%d_%02d_%s.%s" % (a.seed, nn, dt, fmt)
            fopts = RENDER[fmt](d, os.path.join(a.outdir, name), rng)
            o2 = dict(o, **fopts)
            man.append({"file": name, "format": fmt, "doc_type": dt, "department": f["dept"], "year": f["year"], "options": o2, "defect": defect})
            rec = {"file": name, "doc_type": dt, "year": f["year"], "figures": d.records(), "identities": d.idents, "defect": defect,
                   "toc_titles": d.toc,
                   "table_titles": [b[1].title for b in d.blocks if b[0] == "table"]}
            with open(os.path.join(a.outdir, "_internal", name + ".json"), "w", encoding="utf-8") as fh:
                json.dump(rec, fh, ensure_ascii=False, indent=0)
    with open(os.path.join(a.outdir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(man, fh, ensure_ascii=False, indent=1)
    print("wrote %d files to %s" % (len(man), a.outdir))


if __name__ == "__main__":
    main()
