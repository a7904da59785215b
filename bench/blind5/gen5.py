#!/usr/bin/env python3
"""gen5: blind test-data generator for 部门预算/部门决算 disclosures with planted defects.

usage: gen5.py --seed N --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
"""
import argparse
import json
import os
import random

from build5 import Builder
from core5 import UNIT_FEN, check
from facts5 import make_facts
from render5 import RENDER

CLASSES = ["table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction",
           "breakdown", "sangong-sum", "perf-table", "project-text", "count", "template-residue",
           "missing-part", "doc-type", "per-unit-conflict"]


def pick_opts(rng, fmt):
    tu = rng.choice(["元", "元", "万元", "万元", "千元"])
    o = dict(
        tab_unit=tu,
        tab_dec=2 if tu != "千元" else rng.choice([0, 1, 2]),
        tab_sep=("," if tu == "元" and rng.random() < 0.8 else ("," if rng.random() < 0.3 else "")),
        zero_blank=rng.random() < 0.4,
        pct_dec=rng.choice([2, 2, 1]),
        txt_sep=rng.choice(["", "", ",", " "]),
        num_pad=rng.random() < 0.3,
        code_style=rng.choice(["single", "split", "combined"]),
        total_pos=rng.choice(["top", "bottom"]),
        total_label=rng.choice(["合计", "总计"]),
        tables_first=rng.random() < 0.3,
        split=rng.random() < 0.6,
        title_prefix=rng.choice(["cn", "biao", "fu"]),
        title_style=rng.random() < 0.5,
        blank_single_subtotal=rng.random() < 0.6,
        txt_table=rng.choice(["tsv", "pipe", "cells"]),
        html_caption=rng.random() < 0.5,
        docx_heading=rng.random() < 0.5,
        xlsx_layout=rng.choice(["sheets", "one", "inline"]),
        xlsx_numeric=rng.random() < 0.5,
        pdf_repeat_header=rng.random() < 0.5,
    )
    return o


# ---------------------------------------------------------------- helpers
def para_text(d, blk):
    out, pos = [], {}
    n = 0
    for s in blk["segs"]:
        if isinstance(s, int):
            t = d.figs[s]["printed"]
            pos[s] = (n, n + len(t))
        else:
            t = s
        out.append(t)
        n += len(t)
    return "".join(out), pos


def context(d, fid, before=8, after=2):
    for blk in d.blocks:
        if blk["t"] == "p" and fid in blk["segs"]:
            txt, pos = para_text(d, blk)
            a, b = pos[fid]
            return txt[max(0, a - before):b + after]
    return None


def row_of(d, fid):
    for blk in d.blocks:
        if blk["t"] == "table":
            for r in blk["rows"]:
                if fid in r:
                    labs = [c.strip() for c in r if isinstance(c, str) and c.strip()]
                    lab = max(labs, key=len) if labs else ""
                    return blk, lab
    return None, None


def ids_with(d, fid):
    out = []
    for idn in d.ids:
        refs = [idn.get(k) for k in ("total", "part", "whole", "pct", "cur", "prev", "chg", "small", "big", "a", "b",
                                     "diff", "dir")]
        refs += idn.get("parts", []) + idn.get("figs", []) + idn.get("dirs", [])
        if fid in refs:
            out.append(idn)
    return out


def add_eq(d):
    groups = {}
    for f in d.figs:
        if f["key"] and f["kind"] in ("amt", "pct", "count") and not f["key"].startswith(("dir", "target")):
            groups.setdefault(f["key"], []).append(f["id"])
    for k, v in groups.items():
        if len(v) > 1:
            d.ident("eq", figs=v, key=k)


def delta_for(rng, f):
    base = max(int(abs(f.get("fen", 0)) * rng.uniform(0.08, 0.3)), 2_000_000)
    step = max(UNIT_FEN[f["unit"]] // 10 ** f["dec"], 10000)
    return (base // step + 1) * step


def set_fen(d, fid, fen):
    f = d.figs[fid]
    f["fen"] = fen
    f["zero_blank"] = False
    d.render_fig(f)


def violated(d, idn):
    return not check(idn, d.figs, widen=1)


# ---------------------------------------------------------------- defects
class Planter:
    def __init__(self, rng, b):
        self.rng, self.b, self.d, self.F = rng, b, b.d, b.F

    def plant(self, cls):
        fn = getattr(self, "p_" + cls.replace("-", "_"))
        for _ in range(30):
            snap = json.dumps([self.d.figs, self.d.ids, self.d.blocks, self.d.toc_tables], ensure_ascii=False)
            r = fn()
            if r:
                r["class"] = cls
                return r
            self.d.figs, self.d.ids, self.d.blocks, self.d.toc_tables = json.loads(snap)
        return None

    def text_figs(self, pred):
        return [f for f in self.d.figs if f["loc"] == "text" and pred(f)]

    def mutate_amt(self, fid, primary, sign=None):
        d = self.d
        f = d.figs[fid]
        old = f["printed"]
        sign = sign or self.rng.choice([1, -1])
        dl = delta_for(self.rng, f)
        if sign < 0 and f["fen"] - dl <= 0:
            sign = 1
        set_fen(d, fid, f["fen"] + sign * dl)
        if not violated(d, primary):
            return None
        return old, f["printed"]

    def res(self, fid, old, new, note, where=None, primary=None, **kw):
        d = self.d
        f = d.figs[fid]
        if where is None:
            if f["loc"] == "text":
                where = context(d, fid)
            else:
                where = f["printed"]
        tb, lab = row_of(d, fid)
        if len((where or "").replace(" ", "")) < 4:
            where = lab if lab and len(lab) >= 4 else (tb["title"] if tb else context(d, fid, before=10))
        r = dict(where=where, alt=[f["printed"]] if f["printed"] and f["printed"] != where else [], stated=new,
                 expected=old, note=note, mutated=[fid], primary=primary["iid"] if primary else None)
        if tb:
            r["table"] = tb["title"]
            r["row"] = lab
        r.update(kw)
        return r

    # -- classes
    def p_table_total(self):
        c = [i for i in self.d.ids if i["type"] == "sum" and self.d.figs[i["total"]]["loc"] != "text"
             and any(x in i["label"] for x in (":class", ":total", ":kuan", ":dept", "sum:inc", "sum:exp", ":col"))]
        idn = self.rng.choice(c)
        r = self.mutate_amt(idn["total"], idn)
        if not r:
            return None
        return self.res(idn["total"], *r, "a total cell does not equal the sum of its rows", primary=idn)

    def p_blank_total(self):
        c = [i for i in self.d.ids if i["type"] == "sum" and self.d.figs[i["total"]]["loc"] != "text"
             and self.d.figs[i["total"]]["fen"] != 0 and any(x in i["label"] for x in (":class", ":total", ":kuan"))]
        idn = self.rng.choice(c)
        f = self.d.figs[idn["total"]]
        old = f["printed"]
        f["blank"] = True
        self.d.render_fig(f)
        if not violated(self.d, idn):
            return None
        tb, lab = row_of(self.d, f["id"])
        where = lab if lab and len(lab) >= 4 else tb["title"]
        return self.res(f["id"], old, "", "total cell left blank while its rows are filled", where=where, primary=idn)

    def p_text_vs_table(self):
        keys_in_tables = {f["key"] for f in self.d.figs if f["loc"] != "text" and f["kind"] == "amt"}
        c = self.text_figs(lambda f: f["kind"] == "amt" and f["key"] in keys_in_tables and f["fen"] > 0
                           and not f["key"].startswith(("u", "proj.")))
        f = self.rng.choice(c)
        eq = [i for i in ids_with(self.d, f["id"]) if i["type"] == "eq"][0]
        r = self.mutate_amt(f["id"], eq)
        if not r:
            return None
        return self.res(f["id"], *r, f"text amount for {f['key']} differs from the table", primary=eq)

    def p_share(self):
        c = [i for i in self.d.ids if i["type"] == "share"]
        idn = self.rng.choice(c)
        f = self.d.figs[idn["pct"]]
        old = f["printed"]
        v = float(old)
        nv = v + self.rng.choice([-1, 1]) * self.rng.uniform(3, 12)
        if nv <= 0 or nv >= 100:
            nv = v / 2 if v > 10 else v + 7
        f["num"], f["den"] = int(round(nv * 10000)), 1000000
        self.d.render_fig(f)
        if not violated(self.d, idn):
            return None
        return self.res(f["id"], old, f["printed"], "share does not match part / whole", primary=idn)

    def p_growth(self):
        c = [i for i in self.d.ids if i["type"] == "growth" and i.get("pct") is not None]
        idn = self.rng.choice(c)
        f = self.d.figs[idn["pct"]]
        old = f["printed"]
        cur = self.d.figs[idn["cur"]]["fen"]
        if idn.get("chg") is not None and self.rng.random() < 0.6:
            chg = self.d.figs[idn["chg"]]["fen"]
            f["num"], f["den"] = chg, cur
            note = "growth rate divided by this year's amount instead of last year's"
        else:
            f["num"], f["den"] = f["num"] * 3 + f["den"] // 50, f["den"] * 2
            note = "growth rate does not match the amounts"
        self.d.render_fig(f)
        if not violated(self.d, idn):
            return None
        return self.res(f["id"], old, f["printed"], note, primary=idn)

    def p_direction(self):
        flip = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长", "上升": "下降", "降低": "增长",
                "增幅": "降幅", "降幅": "增幅"}
        c = [i for i in self.d.ids if i["type"] == "growth" and i.get("prev") is not None
             and self.d.figs[i["dirs"][0]]["printed"] != "持平"]
        idn = self.rng.choice(c)
        old = "".join(self.d.figs[w]["printed"] for w in idn["dirs"])
        for w in idn["dirs"]:
            self.d.figs[w]["printed"] = flip[self.d.figs[w]["printed"]]
        if not violated(self.d, idn):
            return None
        w0 = idn["dirs"][0]
        where = context(self.d, w0, before=0, after=8)
        return self.res(w0, old, "".join(self.d.figs[w]["printed"] for w in idn["dirs"]),
                        "direction word contradicts last year's figure", where=where, primary=idn)

    def p_breakdown(self):
        c = [i for i in self.d.ids if i["type"] == "sum" and i["label"] in ("text.person.list", "text.public.list",
                                                                             "text.car.paren")]
        idn = self.rng.choice(c)
        p = self.rng.choice([x for x in idn["parts"] if self.d.figs[x]["fen"] > 0])
        r = self.mutate_amt(p, idn, sign=1)
        if not r:
            return None
        return self.res(p, *r, "其中 items add to more than the stated total", primary=idn)

    def p_sangong_sum(self):
        c = [i for i in self.d.ids if i["type"] == "sum" and (i["label"] == "text.sangong" or i["label"].endswith(":sangong"))]
        idn = self.rng.choice(c)
        r = self.mutate_amt(idn["total"], idn)
        if not r:
            return None
        return self.res(idn["total"], *r, "三公 total is not 出国 + 车 + 接待", primary=idn)

    def propagate(self, leaf, title, delta):
        d = self.d
        S = {leaf}
        changed = True
        while changed:
            changed = False
            for i in d.ids:
                if i["type"] == "sum" and d.figs[i["total"]]["loc"] == title and i["total"] not in S \
                        and any(p in S for p in i["parts"]):
                    S.add(i["total"])
                    changed = True
        for fid in S:
            set_fen(d, fid, d.figs[fid]["fen"] + delta)
        for i in d.ids:  # keep ratios inside the table consistent
            if i["type"] == "ratio" and d.figs[i["pct"]]["loc"] == title and i["part"] in S:
                f = d.figs[i["pct"]]
                f["num"], f["den"] = d.figs[i["part"]]["fen"], d.figs[i["whole"]]["fen"]
                d.render_fig(f)
        inner = [i for i in d.ids if i["type"] in ("sum", "ratio") and d.figs[i.get("total", i.get("pct"))]["loc"] == title]
        if any(violated(d, i) for i in inner):
            return None
        return S

    def cross(self, title, leaf, total_key, note, cls_note):
        d = self.d
        tot = [f for f in d.figs if f["loc"] == title and f["key"] == total_key][0]
        old = tot["printed"]
        dl = delta_for(self.rng, d.figs[leaf]) * self.rng.choice([1, -1])
        if d.figs[leaf]["fen"] + dl <= 0:
            dl = -dl
        S = self.propagate(leaf, title, dl)
        if not S or tot["id"] not in S:
            return None
        eq = [i for i in ids_with(d, tot["id"]) if i["type"] == "eq"]
        if not eq or not violated(d, eq[0]):
            return None
        r = self.res(tot["id"], old, tot["printed"], note, primary=eq[0])
        r["mutated"] = sorted(S)
        r["note"] = cls_note
        return r

    def p_cross_table(self):
        d = self.d
        cands = []
        for blk in d.blocks:
            if blk["t"] != "table":
                continue
            nm = blk["name"]
            if "基本支出" in nm:
                tk = "gpb.T.b"
            elif nm in ("支出总表", "支出决算表"):
                tk = "all.T.t"
            elif nm.startswith("一般公共预算") and "支出" in nm and "三公" not in nm:
                tk = "gpb.T.t"
            else:
                continue
            leaves = [c for r in blk["rows"] for c in r[1:] if isinstance(c, int) and d.figs[c]["fen"] > 0
                      and not any(i["type"] == "sum" and i["total"] == c for i in d.ids)]
            cands += [(blk["title"], lf, tk) for lf in leaves]
        title, leaf, tk = self.rng.choice(cands)
        return self.cross(title, leaf, tk, "", f"table is internally balanced but its total {tk} disagrees with "
                                                "the other tables and the text")

    def p_perf_table(self):
        d = self.d
        blk = [b for b in d.blocks if b["t"] == "table" and b["name"].startswith("部门整体支出绩效")][0]
        title = blk["title"]
        if self.b.bud:
            leaf = blk["rows"][self.rng.choice([1, 2])][1]
            tk = "all.T.t"
        else:
            leaf = blk["rows"][1][3]
            tk = "all.T.t"
        return self.cross(title, leaf, tk, "", "整体绩效表 资金 differs from the budget tables")

    def p_project_text(self):
        c = self.text_figs(lambda f: f["key"].startswith("proj."))
        f = self.rng.choice(c)
        eq = [i for i in ids_with(self.d, f["id"]) if i["type"] == "eq"][0]
        r = self.mutate_amt(f["id"], eq)
        if not r:
            return None
        return self.res(f["id"], *r, "重点项目 amount differs from its row in the project table", primary=eq)

    def p_count(self):
        c = [i for i in self.d.ids if i["type"] == "sum" and i["label"] in ("vehicles", "staff")]
        idn = self.rng.choice(c)
        p = self.rng.choice(idn["parts"])
        f = self.d.figs[p]
        old = f["printed"]
        f["n"] += self.rng.randint(3, 8)
        self.d.render_fig(f)
        if not violated(self.d, idn):
            return None
        return self.res(p, old, f["printed"], "sub-counts add to more than the total", primary=idn,
                        where=context(self.d, p, before=6, after=1))

    def p_template_residue(self):
        d = self.d
        rs = [("因公出国（境）费比上年增加（减少）XX万元，主要原因是……。", "增加（减少）XX万元"),
              ("主要原因是（请说明增减变化原因）。", "（请说明增减变化原因）"),
              ("机关运行经费比上年增加/减少XX万元。", "增加/减少XX万元"),
              ("项目支出主要用于……等方面。", "主要用于……等方面"),
              ("（名词解释部分请根据各部门实际列支情况罗列）", "请根据各部门实际列支情况罗列")]
        txt, where = self.rng.choice(rs)
        paras = [b for b in d.blocks if b["t"] == "p" and any(isinstance(s, int) for s in b["segs"])]
        blk = self.rng.choice(paras)
        blk["segs"].append(txt)
        return dict(where=where, alt=[], stated=txt, expected=None, note="template text never filled in", mutated=[],
                    primary=None)

    def p_missing_part(self):
        d = self.d
        tbs = [b for b in d.blocks if b["t"] == "table" and b["rows"] and "收支总表" not in b["name"]
               and "决算总表" not in b["name"]]
        blk = self.rng.choice(tbs)
        title = blk["title"]
        d.blocks.remove(blk)
        gone = {f["id"] for f in d.figs if f["loc"] == title}
        for f in d.figs:
            if f["id"] in gone:
                f["absent"] = True
        keep = []
        for i in d.ids:
            refs = set(ids_ref(i))
            if refs & gone:
                if i["type"] == "eq":
                    rest = [x for x in i["figs"] if x not in gone]
                    if len(rest) > 1:
                        i["figs"] = rest
                        keep.append(i)
                continue
            keep.append(i)
        d.ids = keep
        for n, i in enumerate(d.ids):
            i["iid"] = n
        return dict(where=title, alt=[blk["name"]], stated=None, expected=title,
                    note="table listed in 目录 but absent", mutated=[], primary=None, table=title, missing=title)

    def p_doc_type(self):
        d = self.d
        tbs = [b for b in d.blocks if b["t"] == "table"]
        blk = self.rng.choice(tbs)
        old = blk["title"]
        if self.b.bud:
            if old.endswith("总表"):
                new = old[:-2] + "决算总表"
            else:
                new = old[:-1] + "决算表"
        else:
            if "决算" not in old:
                return None
            i = old.rfind("决算")
            new = old[:i] + "预算" + old[i + 2:]
        blk["title"] = new
        return dict(where=new, alt=[], stated=new, expected=old, note="table title of the wrong document kind",
                    mutated=[], primary=None, table=new, retitled=[old, new])

    def p_per_unit_conflict(self):
        d = self.d
        i = self.rng.randrange(len(self.F["units"]))
        figs = [f for f in d.figs if f["key"] == f"u{i}.exp" and f["loc"] == "text"]
        f = figs[-1]
        eq = [x for x in ids_with(d, f["id"]) if x["type"] == "eq"][0]
        r = self.mutate_amt(f["id"], eq)
        if not r:
            return None
        return self.res(f["id"], *r, f"{self.F['units'][i]['name']} 支出 stated twice with two values", primary=eq)


def ids_ref(i):
    refs = [i.get(k) for k in ("total", "part", "whole", "pct", "cur", "prev", "chg", "small", "big", "a", "b",
                               "diff", "dir")]
    refs += i.get("parts", []) + i.get("figs", []) + i.get("dirs", [])
    return [r for r in refs if isinstance(r, int)]


# ---------------------------------------------------------------- main
def make_one(seed, fmt, slot, cls, outdir):
    rng = random.Random(f"g5-{seed}-{fmt}-{slot}")
    doc_type = "budget" if slot % 2 == 0 else "final"
    year = rng.randint(2022, 2026) if doc_type == "budget" else rng.randint(2022, 2025)
    F = make_facts(rng, doc_type, year)
    opts = pick_opts(rng, fmt)
    b = Builder(rng, F, opts)
    d = b.build()
    add_eq(d)
    bad = [i for i in d.ids if not check(i, d.figs)]
    if bad:
        raise AssertionError(f"correct doc violates {len(bad)} identities: {bad[:3]}")
    defect = None
    if cls:
        defect = Planter(rng, b).plant(cls)
        if defect is None:
            raise AssertionError(f"could not plant {cls}")
    name = f"g5_{seed}_{slot:02d}_{doc_type}.{fmt}"
    rendered_titles = [blk["title"] for blk in d.blocks if blk["t"] == "table"]
    RENDER[fmt](d, os.path.join(outdir, name))
    options = {k: v for k, v in opts.items()}
    options.update(region=F["region"], province=F["prov"], bureau=F["bureau"]["name"], units=len(F["units"]),
                   jgyx_scope=F["jgyx_scope"], shapes=sorted(b.shapes))
    man_def = None
    if defect:
        man_def = {k: defect[k] for k in ("class", "where", "alt", "stated", "expected", "note")}
        for k in ("table", "row"):
            if defect.get(k):
                man_def[k] = defect[k]
    man = dict(file=name, format=fmt, doc_type=doc_type, department=F["dept"], year=year, options=options,
               defect=man_def)
    internal = dict(file=name, doc_type=doc_type, year=year, department=F["dept"],
                    figures=[{k: v for k, v in f.items()} for f in d.figs],
                    identities=d.ids, toc_tables=d.toc_tables, rendered_tables=rendered_titles,
                    defect=defect, options=options)
    with open(os.path.join(outdir, "_internal", name + ".json"), "w", encoding="utf-8") as fh:
        json.dump(internal, fh, ensure_ascii=False, indent=1)
    return man


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--formats", default="txt,html,docx,xlsx,pdf")
    ap.add_argument("outdir")
    a = ap.parse_args()
    os.makedirs(os.path.join(a.outdir, "_internal"), exist_ok=True)
    fmts = a.formats.split(",")
    rng = random.Random(a.seed * 7919 + 5)
    pool = []
    need = sum(1 for _ in fmts for s in range(a.count) if s % 3 != 0)
    while len(pool) < need:
        c = CLASSES[:]
        rng.shuffle(c)
        pool += c
    manifest = []
    k = 0
    for fmt in fmts:
        for slot in range(a.count):
            cls = None
            if slot % 3 != 0:
                cls = pool[k]
                k += 1
            manifest.append(make_one(a.seed, fmt, slot, cls, a.outdir))
    with open(os.path.join(a.outdir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)
    print(f"wrote {len(manifest)} files to {a.outdir}")


if __name__ == "__main__":
    main()
