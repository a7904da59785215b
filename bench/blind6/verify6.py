#!/usr/bin/env python3
"""Independent checker for gen6 output. Does not import the generator.

Usage: verify6.py OUTDIR [OUTDIR ...]
"""
import json
import os
import re
import sys
from fractions import Fraction

SCALE = {"万元": 1000000, "元": 100}
RESIDUE = ["增加（减少）", "主要原因是……", "（请说明", "主要原因是XX", "请根据各部门实际"]
NUMERIC = {"table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction", "breakdown",
           "sangong-sum", "completion", "count", "carryover", "identity"}


def interval(f, widen):
    s = (f["s"] or "").replace(",", "").strip()
    v = Fraction(s) if s else Fraction(0)
    if f["kind"] == "cnt":
        return (v, v)
    half = Fraction(1, 2) + (Fraction(2) if widen else 0)
    half = half / (Fraction(10) ** f["dec"]) * SCALE.get(f["unit"], 1)
    v = v * SCALE.get(f["unit"], 1)
    return (v - half, v + half)


def overlap(a, b):
    return a[0] <= b[1] and b[0] <= a[1]


def div(n, d):
    """Interval n/d*100 for d > 0."""
    c = [x * 100 / y for x in n for y in d]
    return (min(c), max(c))


def holds(d, F, widen):
    def iv(i):
        return interval(F[i], widen)
    t = d["t"]
    if t == "eq":
        return overlap(iv(d["a"]), iv(d["b"]))
    if t == "sum":
        ps = [iv(i) for i in d["parts"]]
        return overlap(iv(d["total"]), (sum(p[0] for p in ps), sum(p[1] for p in ps)))
    if t == "le_sum":
        return sum(iv(i)[0] for i in d["parts"]) <= iv(d["total"])[1]
    if t == "le":
        return iv(d["a"])[0] <= iv(d["b"])[1]
    if t in ("share", "completion"):
        n, w = (d["part"], d["whole"]) if t == "share" else (d["actual"], d["budget"])
        W = iv(w)
        if W[0] <= 0:
            return True
        return overlap(div(iv(n), W), iv(d["pct"]))
    if t == "growth":
        sg = d["sign"]
        if sg is None:
            return True
        cur = iv(d["cur"])
        prev = iv(d["prev"]) if d.get("prev") is not None else None
        ch = iv(d["change"]) if d.get("change") is not None else None
        if sg == 0:
            return prev is None or overlap(cur, prev)
        if prev is not None:
            diff = (cur[0] - prev[1], cur[1] - prev[0])
            if sg > 0 and diff[1] <= 0:
                return False
            if sg < 0 and diff[0] >= 0:
                return False
            if ch is not None and not overlap(diff, ch if sg > 0 else (-ch[1], -ch[0])):
                return False
            if d.get("pct") is None or prev[0] <= 0:
                return True
            if ch is None:
                m = diff if sg > 0 else (-diff[1], -diff[0])
                ch = (max(m[0], 0), m[1])
            return overlap(div(ch, prev), iv(d["pct"]))
        if ch is None or d.get("pct") is None:
            return True
        # implied last year = cur - sign*change, sampled at the corners of the box
        dens = [c - sg * x for c in cur for x in ch]
        if min(dens) <= 0:
            return True
        vals = [x * 100 / (c - sg * x) for c in cur for x in ch]
        return overlap((min(vals), max(vals)), iv(d["pct"]))
    raise ValueError(t)


def load(path):
    with open(path, encoding="utf-8") as fh:
        return fh.read()


def norm(s):
    return re.sub(r"\s+", "", s)


def read_text(path, fmt):
    if fmt == "txt":
        return load(path)
    if fmt == "html":
        import lxml.html
        return lxml.html.fromstring(load(path)).text_content()
    if fmt == "docx":
        import docx
        d = docx.Document(path)
        out = [p.text for p in d.paragraphs]
        for t in d.tables:
            for r in t.rows:
                out.append("\t".join(c.text for c in r.cells))
        return "\n".join(out)
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                cells = []
                for c in row:
                    v = c.value
                    if v is None:
                        cells.append("")
                    elif isinstance(v, (int, float)):
                        nf = c.number_format
                        cells.append(f"{v:,.2f}" if "#,##0.00" in nf else f"{v:.2f}" if "0.00" in nf else str(v))
                    else:
                        cells.append(str(v))
                out.append("\t".join(cells))
        return "\n".join(out)
    if fmt == "pdf":
        import pdfplumber
        with pdfplumber.open(path) as p:
            return "\n".join((pg.extract_text(y_tolerance=6) or "") for pg in p.pages)
    raise ValueError(fmt)


def check_dir(out):
    errs = []
    man = json.loads(load(os.path.join(out, "manifest.json")))
    seen_cls = {}
    for e in man:
        fn = e["file"]
        pfx = f"[{out}/{fn}]"
        if not re.fullmatch(r"g6_\d+_\d{2}_(budget|final)\.(txt|html|docx|xlsx|pdf)", fn):
            errs.append(f"{pfx} bad file name")
        for k in ("file", "format", "doc_type", "department", "year", "options", "defect"):
            if k not in e:
                errs.append(f"{pfx} manifest lacks {k}")
        rec = json.loads(load(os.path.join(out, "_internal", fn + ".json")))
        F = {f["id"]: f for f in rec["figures"]}
        dfc = e["defect"]
        cls = dfc["class"] if dfc else None
        if dfc:
            seen_cls[cls] = seen_cls.get(cls, 0) + 1
            for k in ("class", "where", "alt", "stated", "expected", "note"):
                if k not in dfc:
                    errs.append(f"{pfx} defect lacks {k}")
            if len(norm(dfc["where"])) < 4:
                errs.append(f"{pfx} where too short")
        # identities
        bad_exact = [d for d in rec["identities"] if not holds(d, F, False)]
        bad_wide = [d for d in rec["identities"] if not holds(d, F, True)]
        if cls in NUMERIC:
            if not bad_wide:
                errs.append(f"{pfx} planted {cls} is not a violation after widening")
        elif bad_exact:
            errs.append(f"{pfx} {len(bad_exact)} identities fail in a document without a numeric defect: {bad_exact[:2]}")
        # mandatory tables
        missing = [t for t in rec["mandatory_tables"] if t not in rec["rendered_tables"]]
        if (cls == "missing-part") != bool(missing):
            errs.append(f"{pfx} missing tables {missing} vs class {cls}")
        # titles of the right kind
        wrongkind = [t for t in rec["titles"] if ("决算" not in t if e["doc_type"] == "final" else "决算" in t)]
        text = read_text(os.path.join(out, fn), e["format"])
        nt = norm(text)
        if e["doc_type"] == "budget" and "决算情况说明" in nt:
            wrongkind.append("决算情况说明")
        if e["doc_type"] == "final" and "预算情况说明" in nt:
            wrongkind.append("预算情况说明")
        if (cls == "doc-type") != bool(wrongkind):
            errs.append(f"{pfx} wrong-kind titles {wrongkind} vs class {cls}")
        res = [r for r in RESIDUE if r in nt]
        if (cls == "template-residue") != bool(res):
            errs.append(f"{pfx} residue {res} vs class {cls}")
        # read back
        for f in rec["figures"]:
            if f["s"] and norm(f["s"]) not in nt:
                errs.append(f"{pfx} figure {f['s']!r} ({f['key']}) not in rendered file")
                break
            if f["where"] and f["kind"] != "pct" and not f.get("table") and norm(f["where"]) not in nt:
                errs.append(f"{pfx} text figure {f['where']!r} not in rendered file")
                break
        for t in rec["titles"]:
            if norm(t) not in nt:
                errs.append(f"{pfx} title {t!r} not in rendered file")
        if dfc and norm(dfc["where"]) not in nt:
            errs.append(f"{pfx} where {dfc['where']!r} not in rendered file")
    return errs, len(man), seen_cls


def main():
    allerr = []
    total = 0
    cls = {}
    for out in sys.argv[1:]:
        e, n, c = check_dir(out)
        allerr += e
        total += n
        for k, v in c.items():
            cls[k] = cls.get(k, 0) + v
    for x in allerr:
        print(x)
    print(f"{total} files checked, {len(allerr)} problems; defect classes: {dict(sorted(cls.items()))}")
    sys.exit(1 if allerr else 0)


if __name__ == "__main__":
    main()
