"""Plant exactly one defect in a built Doc; returns the manifest's defect object."""

from __future__ import annotations

import random

from facts9 import SCALE, Doc, fmt_num

CLASSES_BOTH = [
    "table-total",
    "cross-table",
    "blank-total",
    "text-vs-table",
    "share",
    "growth",
    "direction",
    "breakdown",
    "sangong-sum",
    "perf-table",
    "count",
    "comparison-year",
    "template-residue",
    "missing-part",
    "zero-base",
    "doc-type",
    "unit-sum",
    "code-split",
    "procurement-share",
    "asset-count",
]
CLASSES_FINAL = ["score-cap", "rate-calc"]
FWD = str.maketrans("０１２３４５６７８９", "0123456789")


class NotApplicable(Exception):
    pass


# ------------------------------------------------------------------ helpers
def reprint(doc: Doc, fid: str, value: float) -> None:
    f = doc.figs[fid]
    old = f["printed"]
    full = any("０" <= ch <= "９" for ch in old)
    norm = old.translate(FWD).replace(" ", "")
    if norm in ("", "-", "—"):
        dec = doc.st.table_dec if f["unit"] != "元" else 2
        if f["kind"] == "pct":
            dec = 2
    else:
        dec = len(norm.split(".")[1]) if "." in norm else 0
    if f["kind"] == "amount" and dec == 0 and f["where"] == "text":
        dec = 2
    group = "," if "," in old else (" " if " " in old.strip() else "")
    scale = SCALE.get(f["unit"], 1.0) if f["kind"] == "amount" else 1.0
    f["printed"] = fmt_num(value / scale, dec, group, full)
    f["value"] = value


def table_of(doc: Doc, name: str) -> dict:
    for t in doc.tables:
        if t["name"] == name:
            return t
    raise NotApplicable(name)


def cell_of(doc: Doc, t: dict, key: str) -> tuple[int, int, str]:
    for r, row in enumerate(t["rows"]):
        for c, x in enumerate(row):
            if x in doc.figs and doc.figs[x]["key"] == key:
                return r, c, x
    raise NotApplicable(key)


def row_label(doc: Doc, t: dict, r: int) -> str:
    for x in t["rows"][r]:
        s = doc.printed(x)
        if s and not s[0].isdigit() and s not in ("", "-", "—"):
            return s.strip()
    return ""


def text_figs(doc: Doc, key: str | None = None) -> list[str]:
    """Figure ids used in paragraphs (in order), optionally with a given key."""
    out = []
    for b in doc.blocks:
        if b[0] == "p":
            for p in b[1]:
                if p in doc.figs and (key is None or doc.figs[p]["key"] == key):
                    out.append(p)
    return out


def context(doc: Doc, fid: str, left: int = 10, right: int = 3) -> str:
    """A quotable piece of the paragraph around a text figure."""
    for b in doc.blocks:
        if b[0] == "p" and fid in b[1]:
            i = b[1].index(fid)
            before = doc.para_text(b[1][:i])
            after = doc.para_text(b[1][i + 1 :])
            cut = max(before.rfind(ch) for ch in "，。；：、")
            lead = before[cut + 1 :][-left:] if cut >= 0 else before[-left:]
            tail = after[:right]
            for ch in "，。；）、":
                if ch in tail:
                    tail = tail[: tail.index(ch)]
            k = len(before) - len(lead)
            while k > 0 and (before[k - 1].isdigit() or before[k - 1] in ".．"):
                k -= 1
            lead = before[k:]
            return lead + doc.figs[fid]["printed"] + tail
    raise NotApplicable(fid)


def span(doc: Doc, a: str, b: str, tail: str = "") -> str:
    """Paragraph text from the start of figure a to the end of figure b (plus tail)."""
    for blk in doc.blocks:
        if blk[0] == "p" and a in blk[1] and b in blk[1]:
            i, j = blk[1].index(a), blk[1].index(b)
            return doc.para_text(blk[1][i : j + 1]) + tail
    raise NotApplicable(a)


def bump(rng: random.Random, v: float, lo: float = 0.08, hi: float = 0.3, floor: float = 20000.0) -> float:
    """A clearly different amount (元)."""
    d = max(abs(v) * rng.uniform(lo, hi), floor * rng.uniform(1.0, 2.0))
    d = round(d, -2)
    return v + d if rng.random() < 0.6 or v - d <= 0 else v - d


def D(
    cls: str,
    where: str,
    stated: str,
    expected: str,
    note: str,
    alt: list[str] | None = None,
    table: str | None = None,
    row: str | None = None,
) -> dict:
    d = dict(
        where=where,
        alt=[a for a in (alt or []) if a and len(a) >= 4 and a != where],
        stated=stated,
        expected=expected,
        note=note,
    )
    d = {"class": cls, **d}
    if table:
        d["table"] = table
    if row is not None:
        d["row"] = row
    return d


def amount_cell(doc: Doc, rng: random.Random, tname: str, key: str, cls: str, note: str) -> dict:
    t = table_of(doc, tname)
    r, c, fid = cell_of(doc, t, key)
    old = doc.figs[fid]["printed"]
    reprint(doc, fid, bump(rng, doc.figs[fid]["value"]))
    lab = row_label(doc, t, r)
    return D(cls, doc.figs[fid]["printed"], doc.figs[fid]["printed"], old, note, [lab], doc.printed(t["title"]), lab)


# ------------------------------------------------------------------ classes
def plant(doc: Doc, cls: str, rng: random.Random) -> dict:
    f = doc.f
    fin = f.doc_type == "final"
    if cls == "table-total":
        tname, key = rng.choice([("gp", "gp_exp"), ("econ", "basic"), ("expense", "exp.year")])
        return amount_cell(doc, rng, tname, key, cls, "合计 is not the sum of its parts")
    if cls == "cross-table":
        t = table_of(doc, "econ")
        r, c, fid = cell_of(doc, t, "econ.30102")
        delta = round(max(doc.figs[fid]["value"] * rng.uniform(0.15, 0.4), 30000), -2)
        old_tot = doc.figs[cell_of(doc, t, "basic")[2]]["printed"]
        changed = []
        for key in ("econ.30102", "econ.30102.x", "econ.301", "econ.g.301", "basic", "personnel"):
            r2, c2, x = cell_of(doc, t, key)
            reprint(doc, x, doc.figs[x]["value"] + delta)
            changed.append(x)
        tot = changed[4]
        return D(
            cls,
            doc.figs[tot]["printed"],
            doc.figs[tot]["printed"],
            old_tot,
            "基本支出表 shifted consistently: its 合计 disagrees with 支出总表, 一般公共预算支出表 and the text",
            [doc.figs[changed[0]]["printed"]],
            doc.printed(t["title"]),
            "合计",
        )
    if cls == "blank-total":
        opts = [("summary", "inc.year"), ("summary", "exp.year"), ("econ", "econ.301"), ("econ", "econ.302")]
        tname, key = rng.choice(opts)
        t = table_of(doc, tname)
        r, c, fid = cell_of(doc, t, key)
        old = doc.figs[fid]["printed"]
        doc.figs[fid]["printed"] = ""
        lab = doc.printed(t["rows"][r][c - 1]) if tname == "summary" else row_label(doc, t, r)
        return D(
            cls, lab, "", old, "a total cell left blank while its parts are not zero", [], doc.printed(t["title"]), lab
        )
    if cls == "text-vs-table":
        keys = ["basic", "project", "inc.biz", "public", "proc.total", "sg.total", "exp.year", "personnel"]
        rng.shuffle(keys)
        for key in keys:
            fs = [x for x in text_figs(doc, key) if doc.figs[x]["value"]]
            if fs:
                fid = fs[0]
                old = doc.figs[fid]["printed"]
                reprint(doc, fid, bump(rng, doc.figs[fid]["value"]))
                return D(
                    cls,
                    context(doc, fid),
                    doc.figs[fid]["printed"],
                    old,
                    f"text figure {key} differs from the tables",
                    [doc.figs[fid]["printed"]],
                )
        raise NotApplicable(cls)
    if cls in ("share", "procurement-share"):
        cands = [
            i
            for i in doc.idents
            if i["type"] == "share"
            and doc.figs[i["pct"]]["value"] < 99.5
            and (doc.figs[i["pct"]]["key"].startswith("proc.") == (cls == "procurement-share"))
        ]
        if cls == "procurement-share" and rng.random() < 0.4:
            fid = text_figs(doc, "proc.serv")[0]
            old = doc.figs[fid]["printed"]
            reprint(doc, fid, bump(rng, doc.figs[fid]["value"], floor=30000))
            return D(
                cls,
                context(doc, fid),
                doc.figs[fid]["printed"],
                old,
                "货物 + 工程 + 服务 ≠ 政府采购总额",
                [doc.figs[fid]["printed"]],
            )
        if not cands:
            raise NotApplicable(cls)
        idt = rng.choice(cands)
        fid = idt["pct"]
        old = doc.figs[fid]["printed"]
        v = doc.figs[fid]["value"]
        nv = v + rng.choice([-1, 1]) * rng.uniform(4, 12) if v > 15 else v + rng.uniform(4, 12)
        reprint(doc, fid, min(nv, 99.0) if nv < 100 else nv)
        part = idt["part"]
        try:
            where = context(doc, part, 10, 0) + span(doc, part, fid, "%")[len(doc.figs[part]["printed"]) :]
        except NotApplicable:
            where = context(doc, fid)
        return D(cls, where, doc.figs[fid]["printed"] + "%", old + "%", "share not part ÷ whole", [context(doc, fid)])
    if cls == "growth":
        cands = [i for i in doc.idents if i["type"] == "growth" and i.get("pct")]
        idt = rng.choice(cands)
        fid = idt["pct"]
        old = doc.figs[fid]["printed"]
        cur = doc.figs[idt["cur"]]["value"]
        chg = doc.figs[idt["chg"]]["value"]
        wrong = chg / cur * 100
        v = doc.figs[fid]["value"]
        if abs(wrong - v) < max(3.0, 0.15 * v):
            wrong = v * rng.choice([0.5, 1.6]) + rng.uniform(3, 8)
            note = "growth rate does not follow from the amounts"
        else:
            note = "growth divided by this year's amount instead of last year's"
        reprint(doc, fid, wrong)
        return D(
            cls,
            span(doc, idt["dirs"][0], fid, "%"),
            doc.figs[fid]["printed"] + "%",
            old + "%",
            note,
            [context(doc, fid)],
        )
    if cls == "direction":
        cands = [i for i in doc.idents if i["type"] == "growth" and i.get("prev") and len(i["dirs"]) == 2]
        idt = rng.choice(cands)
        w1, w2 = idt["dirs"]
        flip = {"增加": "减少", "减少": "增加", "增长": "下降", "下降": "增长"}
        old = doc.figs[w1]["printed"]
        doc.figs[w1]["printed"] = flip[old]
        doc.figs[w2]["printed"] = flip[doc.figs[w2]["printed"]]
        return D(
            cls,
            context(doc, w1, 8, 0) + span(doc, w1, idt["chg"])[len(doc.figs[w1]["printed"]) :],
            doc.figs[w1]["printed"],
            old,
            "direction word contradicts this year's and last year's amounts stated in the sentence",
            [context(doc, w2, 4, 8)],
        )
    if cls == "breakdown":
        idt = rng.choice([i for i in doc.idents if i["type"] == "le" and i.get("breakdown")])
        fid = rng.choice(idt["a"])
        tot = doc.figs[idt["b"]]["value"]
        s = sum(doc.figs[x]["value"] for x in idt["a"])
        old = doc.figs[fid]["printed"]
        reprint(doc, fid, doc.figs[fid]["value"] + (tot - s) + max(tot * rng.uniform(0.1, 0.3), 20000))
        return D(
            cls,
            context(doc, fid),
            doc.figs[fid]["printed"],
            old,
            "the items listed under 主要包括 add up to more than their total",
        )
    if cls == "sangong-sum":
        if rng.random() < 0.5:
            t = table_of(doc, "sangong")
            key = rng.choice(["sg.total", "sg.car"])
            return amount_cell(doc, rng, "sangong", key, cls, "三公 total ≠ 出国 + 车辆 + 接待 (or 车 ≠ 购置 + 运行)")
        fid = text_figs(doc, "sg.total")[-1]
        old = doc.figs[fid]["printed"]
        reprint(doc, fid, bump(rng, doc.figs[fid]["value"], floor=10000))
        return D(cls, context(doc, fid), doc.figs[fid]["printed"], old, "三公 total in text ≠ sum of the items")
    if cls == "perf-table":
        t = table_of(doc, "perf")
        r, c, fid = cell_of(doc, t, "gp.proj")
        old = doc.figs[fid]["printed"]
        reprint(doc, fid, bump(rng, doc.figs[fid]["value"]))
        return D(
            cls,
            doc.figs[fid]["printed"],
            doc.figs[fid]["printed"],
            old,
            "绩效表 合计 资金 ≠ sum of projects and ≠ 项目支出 in the budget tables",
            ["合计"],
            doc.printed(t["title"]),
            "合计",
        )
    if cls == "count":
        fid = text_figs(doc, "staff.admin")[0]
        old = doc.figs[fid]["printed"]
        reprint(doc, fid, doc.figs[fid]["value"] + doc.f.staff["inst"] + rng.randint(3, 8))
        return D(cls, context(doc, fid), doc.figs[fid]["printed"], old, "行政编制 + 事业编制 > 核定编制")
    if cls == "comparison-year":
        fid = rng.choice([i["fig"] for i in doc.idents if i["type"] == "year"])
        old = doc.figs[fid]["printed"]
        doc.figs[fid]["printed"] = str(f.year if rng.random() < 0.5 else f.year - 2)
        return D(
            cls,
            context(doc, fid, 4, 8),
            doc.figs[fid]["printed"],
            old,
            "comparison year is not the year before the report year",
        )
    if cls == "template-residue":
        if rng.random() < 0.5:
            idt = rng.choice([i for i in doc.idents if i["type"] == "growth" and i.get("chg")])
            w = idt["dirs"][0]
            old = doc.figs[w]["printed"]
            doc.figs[w]["printed"] = rng.choice(["增加（减少）", "增加/减少"])
            return D(cls, context(doc, w, 4, 8), doc.figs[w]["printed"], old, "template wording left in place")
        residue = rng.choice(
            [
                "（请根据本部门实际情况说明增减变化的主要原因）",
                "主要原因是……",
                "（名词解释部分请根据各部门实际列支情况罗列）",
            ]
        )
        for b in doc.blocks:
            if b[0] == "p" and b[1] and "机关运行经费" in doc.para_text(b[1]):
                b[1].append(residue)
                return D(cls, residue, residue, "", "instruction to the author left in the text")
        raise NotApplicable(cls)
    if cls == "missing-part":
        name = rng.choice(["income", "expense", "econ", "sangong", "fund", "capital"])
        t = table_of(doc, name)
        doc.blocks = [b for b in doc.blocks if not (b[0] == "t" and b[1] is t)]
        t["missing"] = True
        short = [x for x in doc.toc_titles if doc.printed(t["title"]).endswith(x)][0]
        return D(
            cls,
            short,
            "",
            doc.printed(t["title"]),
            "a table listed in the 目录 is not published",
            [],
            doc.printed(t["title"]),
        )
    if cls == "zero-base":
        idt = next(
            (
                i
                for i in doc.idents
                if i["type"] == "growth" and i.get("prev") and doc.figs[i["cur"]]["key"] == "run_cost"
            ),
            None,
        )
        if idt is None:
            raise NotApplicable(cls)
        cur = doc.figs[idt["cur"]]["value"]
        old = doc.figs[idt["pct"]]["printed"]
        reprint(doc, idt["prev"], 0.0)
        reprint(doc, idt["chg"], cur)
        doc.figs[idt["dirs"][0]]["printed"] = "增加"
        doc.figs[idt["dirs"][1]]["printed"] = "增长"
        reprint(doc, idt["pct"], 100.0)
        return D(
            cls,
            span(doc, idt["prev"], idt["pct"], "%"),
            doc.figs[idt["pct"]]["printed"] + "%",
            old + "%",
            "growth rate stated on a zero base (上年为0)",
            [context(doc, idt["pct"], 8, 1)],
        )
    if cls == "doc-type":
        if rng.random() < 0.5:
            t = rng.choice([t for t in doc.tables if t["name"] not in ("other", "perf")])
            fid = t["title"]
            old = doc.figs[fid]["printed"]
            if fin:
                new = old.replace("决算", "预算")
            else:
                new = old.replace("总表", "决算总表") if "总表" in old else old[:-1] + "决算表"
        else:
            fid = next(b[2] for b in doc.blocks if b[0] == "h" and "第二部分" in doc.printed(b[2]))
            old = doc.figs[fid]["printed"]
            new = old.replace("部门决算", "部门预算") if fin else old.replace("部门预算", "部门决算")
        if new == old:
            raise NotApplicable(cls)
        doc.figs[fid]["printed"] = new
        return D(cls, new, new, old, f"{'决算' if fin else '预算'} document titled as the other kind")
    if cls == "unit-sum":
        tname = rng.choice(["income", "expense"])
        t = table_of(doc, tname)
        i = rng.randrange(len(f.units))
        key_t, key_p = (f"u{i}.inc", f"u{i}.inc.gp") if tname == "income" else (f"u{i}.exp", f"u{i}.basic")
        r, c, ft = cell_of(doc, t, key_t)
        _, _, fp = cell_of(doc, t, key_p)
        old = doc.figs[ft]["printed"]
        delta = round(max(doc.figs[ft]["value"] * rng.uniform(0.08, 0.25), 30000), -2)
        reprint(doc, ft, doc.figs[ft]["value"] + delta)
        reprint(doc, fp, doc.figs[fp]["value"] + delta)
        lab = f.units[i].name
        return D(
            cls,
            doc.figs[ft]["printed"],
            doc.figs[ft]["printed"],
            old,
            "the units' rows do not add up to the 部门合计 row",
            [lab],
            doc.printed(t["title"]),
            lab,
        )
    if cls == "code-split":
        if doc.options["code_layout"] != "split":
            raise NotApplicable(cls)
        t = table_of(doc, "gp")
        kuans = [
            doc.figs[x]["key"]
            for row in t["rows"]
            for x in row
            if x in doc.figs and len(doc.figs[x]["key"]) == 8 and doc.figs[x]["key"][3:].isdigit()
        ]
        key = rng.choice(kuans)
        r, c, ft = cell_of(doc, t, key)
        _, _, fb = cell_of(doc, t, key + ".b")
        if not doc.figs[fb]["value"]:
            _, _, fb = cell_of(doc, t, key + ".p")
        old = doc.figs[ft]["printed"]
        delta = round(max(doc.figs[ft]["value"] * rng.uniform(0.08, 0.25), 30000), -2)
        reprint(doc, ft, doc.figs[ft]["value"] + delta)
        reprint(doc, fb, doc.figs[fb]["value"] + delta)
        lab = f.names[key[3:]]
        return D(
            cls,
            doc.figs[ft]["printed"],
            doc.figs[ft]["printed"],
            old,
            f"款 {key[3:]} is not the sum of its 项 rows (类|款|项 code columns)",
            [lab],
            doc.printed(t["title"]),
            lab,
        )
    if cls == "asset-count":
        kinds = [k for k in f.cars]
        k = rng.choice(kinds)
        fids = [x for x, g in doc.figs.items() if g["key"] == f"cars.{k}"]
        nv = f.cars[k] + rng.randint(2, 4)
        for x in fids:
            reprint(doc, x, nv)
        tf = [x for x in fids if doc.figs[x]["where"] == "text"][0]
        return D(
            cls,
            context(doc, tf, 8, 1),
            str(nv),
            str(f.cars[k]),
            "vehicles by kind add up to more than the total number of vehicles",
        )
    if cls == "score-cap":
        t = table_of(doc, "perf")
        j = rng.randrange(len(f.projects))
        r, c, fid = cell_of(doc, t, f"prj{j}.s")
        old = doc.figs[fid]["printed"]
        reprint(doc, fid, 10 + rng.choice([0.5, 1.5, 2.0, 5.0]))
        return D(
            cls,
            doc.figs[fid]["printed"],
            doc.figs[fid]["printed"],
            old,
            "得分 above 分值 (10)",
            [f.projects[j].name],
            doc.printed(t["title"]),
            f.projects[j].name,
        )
    if cls == "rate-calc":
        if rng.random() < 0.6:
            t = table_of(doc, "perf")
            j = rng.randrange(len(f.projects))
            r, c, fid = cell_of(doc, t, f"prj{j}.rate")
            lab = f.projects[j].name
        else:
            t = table_of(doc, "sangong")
            cands = [
                doc.figs[x]["key"]
                for row in t["rows"]
                for x in row
                if x in doc.figs and doc.figs[x]["key"].startswith("sgr.")
            ]
            if not cands:
                raise NotApplicable(cls)
            r, c, fid = cell_of(doc, t, rng.choice(cands))
            lab = row_label(doc, t, r)
        old = doc.figs[fid]["printed"]
        v = doc.figs[fid]["value"]
        reprint(doc, fid, v - rng.uniform(6, 20) if v > 50 else v + rng.uniform(6, 20))
        return D(
            cls,
            doc.figs[fid]["printed"],
            doc.figs[fid]["printed"],
            old,
            "执行率 ≠ 执行数 ÷ 预算数",
            [lab],
            doc.printed(t["title"]),
            lab,
        )
    raise NotApplicable(cls)
