#!/usr/bin/env python3
"""verify5: independent re-check of gen5 output (does not import the generator).

usage: verify5.py OUTDIR [OUTDIR ...]
For every file: re-checks every recorded identity with interval arithmetic on the printed figures
(d decimals = ±0.5·10⁻ᵈ; a planted defect must stay violated with every interval widened by 2 units of its
last digit), checks titles / mandatory tables / template residue, and reads the rendered file back to
find every printed figure, every table title and the defect's `where`.
"""
import json
import os
import re
import sys
from decimal import Decimal
from fractions import Fraction

FEN = {"元": 100, "万元": 1_000_000, "千元": 100_000}
SIGN = {"增加": 1, "增长": 1, "上升": 1, "提高": 1, "增幅": 1, "减少": -1, "下降": -1, "降低": -1, "降幅": -1,
        "节约": -1, "持平": 0}
RESIDUE = ["增加（减少）", "增加/减少", "……", "（请说明", "XX万元", "请根据各部门实际", "增长（下降）"]


def interval(f, w):
    s = (f.get("printed") or "").replace(",", "").replace(" ", "")
    if f["kind"] == "count":
        return (Fraction(int(s)),) * 2
    if not s:
        return (Fraction(0), Fraction(0))
    v = Fraction(Decimal(s))
    h = (Fraction(1, 2) + 2 * w) / 10 ** f["dec"]
    m = FEN[f["unit"]] if f["kind"] == "amt" else Fraction(1, 100)
    return ((v - h) * m, (v + h) * m)


def meet(a, b):
    return max(a[0], b[0]) <= min(a[1], b[1])


def quot(a, b):
    if b[0] <= 0 <= b[1]:
        return None
    xs = [a[i] / b[j] for i in (0, 1) for j in (0, 1)]
    return (min(xs), max(xs))


def holds(idn, F, w):
    iv = lambda i: interval(F[i], w)
    t = idn["type"]
    if t == "sum":
        lo = sum(iv(p)[0] for p in idn["parts"])
        hi = sum(iv(p)[1] for p in idn["parts"])
        tot = F[idn["total"]]
        if tot["kind"] == "amt" and not tot.get("printed"):
            return lo <= 0 <= hi
        return meet(iv(idn["total"]), (lo, hi))
    if t == "eq":
        xs = [iv(i) for i in idn["figs"]]
        return max(x[0] for x in xs) <= min(x[1] for x in xs)
    if t in ("share", "ratio"):
        r = quot(iv(idn["part"]), iv(idn["whole"]))
        return r is None or meet(iv(idn["pct"]), r)
    if t == "le":
        return iv(idn["small"])[0] <= iv(idn["big"])[1]
    if t == "pp":
        s = SIGN[F[idn["dir"]]["printed"]]
        d = iv(idn["diff"])
        d = d if s > 0 else (-d[1], -d[0])
        a, b = iv(idn["a"]), iv(idn["b"])
        return meet(d, (a[0] - b[1], a[1] - b[0]))
    if t == "growth":
        ss = {SIGN.get(F[x]["printed"]) for x in idn["dirs"]}
        if None in ss or len(ss) != 1:
            return False
        s = ss.pop()
        cur = iv(idn["cur"])
        prev = iv(idn["prev"]) if idn.get("prev") is not None else None
        if s == 0:
            if prev is None:
                prev = (Fraction(idn["prev_exact"]),) * 2
            return meet(cur, prev)
        chg = None
        if idn.get("chg") is not None:
            c = iv(idn["chg"])
            chg = c if s > 0 else (-c[1], -c[0])
        if prev is not None:
            diff = (cur[0] - prev[1], cur[1] - prev[0])
            if (s > 0 and diff[1] <= 0) or (s < 0 and diff[0] >= 0):
                return False
            if chg is not None and not meet(diff, chg):
                return False
        if idn.get("pct") is not None:
            pc = iv(idn["pct"])
            pc = pc if s > 0 else (-pc[1], -pc[0])
            if prev is not None:
                r = quot(cur, prev)
                if r is None:
                    return True
                r = (r[0] - 1, r[1] - 1)
            else:
                if any(u - x <= 0 for u in cur for x in chg):
                    return True
                xs = [x / (u - x) for u in cur for x in chg]
                r = (min(xs), max(xs))
            return meet(pc, r)
        return True
    raise ValueError(t)


def refs(i):
    out = [i.get(k) for k in ("total", "part", "whole", "pct", "cur", "prev", "chg", "small", "big", "a", "b",
                              "diff", "dir")]
    out += i.get("parts", []) + i.get("figs", []) + i.get("dirs", [])
    return {r for r in out if isinstance(r, int)}


# ------------------------------------------------------------------ readers
def read_back(path, fmt):
    """Return (stripped text, set of numeric tokens)."""
    toks = set()
    if fmt == "txt":
        txt = open(path, encoding="utf-8").read()
    elif fmt == "html":
        import lxml.html
        root = lxml.html.parse(path).getroot()
        txt = "\n".join(root.itertext())
    elif fmt == "docx":
        import docx
        doc = docx.Document(path)
        parts = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            for row in t.rows:
                for c in row.cells:
                    parts.append(c.text)
        txt = "\n".join(parts)
    elif fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        parts = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    if c.value is None:
                        continue
                    if isinstance(c.value, (int, float)):
                        m = re.search(r"0\.(0+)", c.number_format or "")
                        dec = len(m.group(1)) if m else 0
                        toks.add(f"{c.value:.{dec}f}")
                    else:
                        parts.append(str(c.value))
        txt = "\n".join(parts)
    elif fmt == "pdf":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            txt = "\n".join((p.extract_text(y_tolerance=6) or "") for p in pdf.pages)
    else:
        raise ValueError(fmt)
    return re.sub(r"\s+", "", txt), toks


def strip(s):
    return re.sub(r"\s+", "", s or "")


# ------------------------------------------------------------------ per file
def verify_file(outdir, m):
    errs = []
    rec = json.load(open(os.path.join(outdir, "_internal", m["file"] + ".json"), encoding="utf-8"))
    F = {f["id"]: f for f in rec["figures"]}
    defect = rec["defect"]
    mut = set(defect["mutated"]) if defect else set()
    nviol = 0
    for idn in rec["identities"]:
        if refs(idn) & {i for i, f in F.items() if f.get("absent")}:
            errs.append(f"identity {idn['iid']} refers to an absent figure")
            continue
        ok = holds(idn, F, 0)
        if not ok:
            nviol += 1
            if not (refs(idn) & mut):
                errs.append(f"identity {idn['iid']} ({idn['type']} {idn.get('label', idn.get('key', ''))}) fails "
                            "and does not involve the planted defect")
    if defect:
        if defect.get("primary") is not None:
            prim = [i for i in rec["identities"] if i["iid"] == defect["primary"]][0]
            if holds(prim, F, 1):
                errs.append(f"planted {defect['class']} is within rounding (holds after widening by 2 units)")
        elif mut:
            errs.append("mutated figures without a primary identity")
        if mut and nviol == 0:
            errs.append("defect breaks no identity")
        if m["defect"] is None or m["defect"]["class"] != defect["class"]:
            errs.append("manifest and internal disagree on the defect")
        if len(strip(defect["where"])) < 4:
            errs.append("where shorter than 4 characters")
    elif nviol:
        errs.append(f"correct document violates {nviol} identities")
    # titles and mandatory tables
    cls = defect["class"] if defect else None
    toc, rend = rec["toc_tables"], rec["rendered_tables"]
    for t in rend:
        bad = ("决算" in t) if rec["doc_type"] == "budget" else (t.endswith("预算表") or t.endswith("预算总表"))
        if bad and cls != "doc-type":
            errs.append(f"table title of the wrong kind: {t}")
    if cls == "doc-type":
        new = defect["retitled"][1]
        bad = ("决算" in new) if rec["doc_type"] == "budget" else ("预算表" in new or "预算总表" in new)
        if not bad or new not in rend:
            errs.append("doc-type defect not effective")
    missing = [t for t in toc if t not in rend]
    if cls == "missing-part":
        if missing != [defect["missing"]]:
            errs.append(f"missing-part: expected exactly {defect['missing']} missing, got {missing}")
    elif cls == "doc-type":
        if len(missing) != 1:
            errs.append("doc-type: retitled table should be the only one not matching the 目录")
    elif missing:
        errs.append(f"mandatory tables missing: {missing}")
    # read back
    path = os.path.join(outdir, m["file"])
    txt, toks = read_back(path, m["format"])
    nt = {t.replace(",", "") for t in toks}
    for f in rec["figures"]:
        if f.get("absent") or not f.get("printed"):
            continue
        p = strip(f["printed"])
        if p in txt:
            continue
        if f["kind"] == "amt" and p.replace(",", "") in nt:
            continue
        errs.append(f"figure {f['id']} {f['key']} '{f['printed']}' not found in {m['file']}")
    for t in rend:
        if strip(t) not in txt:
            errs.append(f"table title not found: {t}")
    for r in RESIDUE:
        if r in txt and cls != "template-residue":
            errs.append(f"residue '{r}' in a document without a residue defect")
    if defect:
        w = strip(defect["where"])
        if w not in txt and w.replace(",", "") not in nt:
            errs.append(f"where '{defect['where']}' not found in rendered file")
    if m["department"] != rec["department"] or m["doc_type"] != rec["doc_type"]:
        errs.append("manifest metadata mismatch")
    return errs


def main():
    total, bad = 0, 0
    for outdir in sys.argv[1:]:
        man = json.load(open(os.path.join(outdir, "manifest.json"), encoding="utf-8"))
        for m in man:
            total += 1
            errs = verify_file(outdir, m)
            if errs:
                bad += 1
                print(f"FAIL {outdir}/{m['file']}")
                for e in errs[:8]:
                    print("   ", e)
        cls = [m["defect"]["class"] for m in man if m["defect"]]
        print(f"{outdir}: {len(man)} files, {len(cls)} with defects, {len(man) - len(cls)} correct")
    print(f"verified {total} files, {bad} failed")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
