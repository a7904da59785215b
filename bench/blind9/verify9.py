"""Verify generated documents: identities (interval arithmetic) from the records, and the rendered files.

    python3 verify9.py OUTDIR [OUTDIR ...]

Does not import the generator. For each file in OUTDIR/manifest.json:
  * a correct document satisfies every identity (intervals of printed values, d decimals = ±0.5·10⁻ᵈ);
  * a defective one violates at least one identity even when every interval is widened by 2 units of
    its last digit;
  * the file is read back (pdfplumber, python-docx, openpyxl, lxml, plain text) and every printed figure,
    every rendered table title and the defect's `where` occur in it (whitespace removed);
  * docx/xlsx/html tables are read cell by cell and compared with the recorded grid.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

SCALE = {"元": 1.0, "千元": 1000.0, "万元": 10000.0}
EXACT = {"辆", "台", "名", "人", "个", "年", ""}
FW = str.maketrans("０１２３４５６７８９．％，", "0123456789.%,")
UP = ("增加", "增长", "上升", "提高")
DOWN = ("减少", "下降", "降低", "节约")
RESIDUE = [
    "增加（减少）",
    "增加(减少)",
    "增加/减少",
    "增加减少",
    "下降（增长）",
    "减少（增加）",
    "主要原因是……",
    "主要原因是。",
    "（请",
    "XX万元",
    "xx万元",
    "。。",
]


def ws(s: str) -> str:
    return re.sub(r"\s+", "", s)


# ------------------------------------------------------------------ intervals
def interval(fig: dict, widen: float = 0.0) -> tuple[float, float] | None:
    """Interval of a printed figure in its base unit (元 for amounts); None if blank."""
    s = ws(fig["printed"].translate(FW)).replace(",", "")
    if s in ("-", "—", "－", "--"):
        return (0.0, 0.0)
    if s == "":
        return None
    m = re.fullmatch(r"-?\d+(\.\d+)?", s)
    if not m:
        raise ValueError(f"unparsable figure {fig['printed']!r}")
    v = float(s)
    dec = len(m.group(1)) - 1 if m.group(1) else 0
    scale = SCALE.get(fig["unit"], 1.0)
    if fig["unit"] in EXACT and fig["kind"] in ("count", "year"):
        return (v, v)
    h = (0.5 + widen) * 10 ** (-dec) * scale
    return (v * scale - h, v * scale + h)


def add(a, b):
    return (a[0] + b[0], a[1] + b[1])


def overlap(a, b, eps: float = 1e-9) -> bool:
    return a[0] <= b[1] + eps and b[0] <= a[1] + eps


def box(fn, *ivs):
    """Range of fn over the corners of a box (fn monotone in each variable on the box)."""
    vals = []

    def rec(i, args):
        if i == len(ivs):
            vals.append(fn(*args))
            return
        for x in ivs[i]:
            rec(i + 1, args + [x])

    rec(0, [])
    return (min(vals), max(vals))


def sign_of(word: str) -> int | None:
    if word == "持平":
        return 0
    if word in UP:
        return 1
    if word in DOWN:
        return -1
    return None


def check_ident(figs: dict, idt: dict, widen: float, doc_type: str) -> bool:
    """True if the identity holds under some reading of the printed values."""

    def iv(fid: str) -> tuple[float, float]:
        return interval(figs[fid], widen) or (0.0, 0.0)  # a blank cell reads as zero

    t = idt["type"]
    if t == "sum":
        tot = interval(figs[idt["total"]], widen)
        parts = [iv(p) for p in idt["parts"]]
        s = (0.0, 0.0)
        for p in parts:
            s = add(s, p or (0.0, 0.0))
        if tot is None:
            return s[0] <= 0 <= s[1]
        return overlap(tot, s)
    if t in ("share", "rate"):
        a = iv(idt["part"] if t == "share" else idt["num"])
        b = iv(idt["whole"] if t == "share" else idt["den"])
        p = iv(idt["pct"])
        if a is None or b is None or p is None or b[0] <= 0 <= b[1]:
            return False
        r = box(lambda x, y: x / y * 100, a, b)
        return overlap(r, p)
    if t == "diff":
        a, b, d = iv(idt["a"]), iv(idt["b"]), iv(idt["d"])
        return overlap((a[0] - b[1], a[1] - b[0]), d)
    if t == "le":
        lo = sum(iv(x)[0] for x in idt["a"])
        hi = idt["b"] if isinstance(idt["b"], (int, float)) else iv(idt["b"])[1]
        return lo <= hi + 1e-9
    if t == "year":
        s = ws(figs[idt["fig"]]["printed"].translate(FW))
        return s == str(idt["expected"])
    if t == "growth":
        signs = {sign_of(figs[w]["printed"]) for w in idt["dirs"]}
        if None in signs or len(signs) != 1:
            return False
        s = signs.pop()
        C = iv(idt["cur"])
        Pv = iv(idt["prev"]) if idt.get("prev") else None
        c = iv(idt["chg"]) if idt.get("chg") else None
        if s == 0:
            return Pv is None or overlap((C[0] - Pv[1], C[1] - Pv[0]), (0.0, 0.0))
        if Pv is not None:
            diff = (C[0] - Pv[1], C[1] - Pv[0])
            if s > 0 and diff[1] <= 0 or s < 0 and diff[0] >= 0:
                return False
            if c is not None and not overlap(diff, (s * c[0], s * c[1]) if s > 0 else (-c[1], -c[0])):
                return False
        if idt.get("pct"):
            p = iv(idt["pct"])
            sp = (p[0], p[1]) if s > 0 else (-p[1], -p[0])
            if Pv is not None:
                if Pv[0] <= 0:
                    return False
                r = box(lambda x, y: (x / y - 1) * 100, C, Pv)
            else:
                if c is None:
                    return True
                if s > 0 and C[0] - c[1] <= 0:
                    return C[1] - c[0] > 0  # base may be near zero: any rate fits
                r = box(lambda x, y: s * y / (x - s * y) * 100, C, c)
            return overlap(r, sp)
        return True
    raise ValueError(t)


def check_record(rec: dict, widen: float = 0.0) -> list[str]:
    """Violated identities of an internal record, as short descriptions."""
    figs = rec["figs"]
    bad = []
    for i, idt in enumerate(rec["idents"]):
        if not check_ident(figs, idt, widen, rec["doc_type"]):
            bad.append(f"{idt['type']}#{i}")
    # same key -> same quantity
    by_key: dict[str, list[str]] = {}
    for fid, f in figs.items():
        if f["kind"] in ("amount", "pct", "count", "score") and f.get("rendered", True):
            by_key.setdefault(f["key"], []).append(fid)
    for key, fids in by_key.items():
        ivs = [interval(figs[x], widen) for x in fids]
        ivs = [v for v in ivs if v is not None]
        for a in ivs[1:]:
            if not overlap(ivs[0], a):
                bad.append(f"eq:{key}")
                break
    # document kind in titles and headings
    for fid, f in figs.items():
        if f["kind"] in ("heading", "table_title"):
            s = f["printed"]
            if rec["doc_type"] == "budget" and ("决算" in s or "決算" in s):
                bad.append(f"doctype:{s}")
            if rec["doc_type"] == "final" and (
                "部门预算" in s
                or "预算情况说明" in s
                or (f["kind"] == "table_title" and "决算" not in s and "绩效" not in s)
            ):
                bad.append(f"doctype:{s}")
    # every table listed in the 目录 must be rendered
    for t in rec["tables"]:
        if not t["rendered"]:
            bad.append(f"missing:{t['name']}")
    text = rec.get("text", "")
    for r in RESIDUE:
        if r in text:
            bad.append(f"residue:{r}")
    return bad


# ------------------------------------------------------------------ reading files back
def xl_str(v, fmt: str) -> str:
    if isinstance(v, (int, float)):
        dec = len(fmt.split(".")[1]) if "." in fmt else 0
        return f"{v:,.{dec}f}" if "," in fmt else f"{v:.{dec}f}"
    return "" if v is None else str(v)


def read_file(path: Path) -> tuple[str, list[list[list[str]]]]:
    """Plain text of a file and, for docx/xlsx/html, its tables as grids."""
    ext = path.suffix[1:]
    tables: list[list[list[str]]] = []
    if ext == "txt":
        return path.read_text(encoding="utf-8"), tables
    if ext == "html":
        from lxml import html as lh

        root = lh.fromstring(path.read_bytes())
        for tb in root.iter("table"):
            rows = tb.findall(".//tr")
            g: dict[tuple[int, int], str] = {}
            for r, tr in enumerate(rows[1:]):  # first row: unit line
                c = 0
                for cell in tr:
                    if cell.tag not in ("td", "th"):
                        continue
                    while (r, c) in g:
                        c += 1
                    rs, cs = int(cell.get("rowspan", 1)), int(cell.get("colspan", 1))
                    txt = cell.text_content()
                    for i in range(rs):
                        for j in range(cs):
                            g[(r + i, c + j)] = txt if (i, j) == (0, 0) else ""
                    c += cs
            nr = max(k[0] for k in g) + 1
            nc = max(k[1] for k in g) + 1
            tables.append([[g.get((r, c), "") for c in range(nc)] for r in range(nr)])
        return root.text_content(), tables
    if ext == "docx":
        import docx
        from docx.oxml.ns import qn

        d = docx.Document(str(path))
        parts = [p.text for p in d.paragraphs]
        for tb in d.tables:
            grid = []
            for tr in tb._tbl.iter(qn("w:tr")):
                line = []
                for tc in tr.iter(qn("w:tc")):
                    pr = tc.tcPr
                    span = 1
                    cont = False
                    if pr is not None:
                        gs = pr.find(qn("w:gridSpan"))
                        span = int(gs.get(qn("w:val"))) if gs is not None else 1
                        vm = pr.find(qn("w:vMerge"))
                        cont = vm is not None and vm.get(qn("w:val")) in (None, "continue")
                    txt = (
                        ""
                        if cont
                        else "\n".join("".join(t.text or "" for t in p.iter(qn("w:t"))) for p in tc.iter(qn("w:p")))
                    )
                    parts.append(txt)
                    line += [txt] + [""] * (span - 1)
                grid.append(line)
            tables.append(grid)
        return "\n".join(parts), tables
    if ext == "xlsx":
        import openpyxl

        wb = openpyxl.load_workbook(str(path))
        parts = []
        for ws_ in wb.worksheets:
            for row in ws_.iter_rows():
                for c in row:
                    if c.value is not None:
                        parts.append(xl_str(c.value, c.number_format))
        return "\n".join(parts), tables
    if ext == "pdf":
        import pdfplumber

        with pdfplumber.open(str(path)) as pdf:
            return "\n".join(p.extract_text() or "" for p in pdf.pages), tables
    raise ValueError(ext)


def xlsx_grids(path: Path, rec: dict) -> list[list[list[str]]]:
    """Table grids of an xlsx file located by their titles."""
    import openpyxl

    wb = openpyxl.load_workbook(str(path))
    out = []
    for t in rec["tables"]:
        if not t["rendered"]:
            continue
        found = None
        for ws_ in wb.worksheets:
            for row in ws_.iter_rows(max_col=1):
                c = row[0]
                nxt = ws_.cell(row=c.row + 1, column=1).value
                if c.value == t["title"] and str(nxt or "").startswith("单位"):
                    found = (ws_, c.row)
                    break
            if found:
                break
        if not found:
            out.append([])
            continue
        ws_, r0 = found
        g = []
        for r in range(len(t["grid"])):
            g.append(
                [
                    xl_str(
                        ws_.cell(row=r0 + 2 + r, column=c + 1).value,
                        ws_.cell(row=r0 + 2 + r, column=c + 1).number_format,
                    )
                    for c in range(len(t["grid"][0]))
                ]
            )
        out.append(g)
    return out


def verify_dir(out: Path) -> tuple[int, list[str]]:
    man = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    errors: list[str] = []
    for m in man:
        name = m["file"]
        rec = json.loads((out / "_internal" / (name + ".json")).read_text(encoding="utf-8"))
        bad0 = check_record(rec, 0.0)
        bad2 = check_record(rec, 2.0)
        if m["defect"] is None and bad0:
            errors.append(f"{name}: correct document violates {bad0[:5]}")
        if m["defect"] is not None and not bad2:
            errors.append(f"{name}: defect {m['defect']['class']} violates nothing after widening")
        text, grids = read_file(out / name)
        flat = ws(text)
        for fid, f in rec["figs"].items():
            if f.get("rendered", True) and f["printed"].strip() and ws(f["printed"]) not in flat:
                errors.append(f"{name}: figure {fid} {f['key']} {f['printed']!r} not in file")
                break
        for t in rec["tables"]:
            if t["rendered"] and ws(t["title"]) not in flat:
                errors.append(f"{name}: table title {t['title']} not in file")
        if m["defect"] is not None:
            if len(m["defect"]["where"]) < 4 or ws(m["defect"]["where"]) not in flat:
                errors.append(f"{name}: where {m['defect']['where']!r} not in file")
        if m["format"] == "xlsx":
            grids = xlsx_grids(out / name, rec)
        if m["format"] in ("docx", "html", "xlsx"):
            want = [t["grid"] for t in rec["tables"] if t["rendered"]]
            if len(grids) != len(want):
                errors.append(f"{name}: {len(grids)} tables read, {len(want)} rendered")
            for a, b in zip(grids, want):
                if [[ws(x) for x in r] for r in a] != [[ws(x) for x in r] for r in b]:
                    errors.append(f"{name}: table grid differs from record ({b[0][:3]})")
                    break
    return len(man), errors


def main(argv: list[str]) -> int:
    total = 0
    allerr = []
    for d in argv:
        n, errs = verify_dir(Path(d))
        total += n
        print(f"{d}: {n} files, {len(errs)} problems")
        for e in errs[:30]:
            print("   ", e)
        allerr += errs
    print(f"TOTAL {total} files, {len(allerr)} problems")
    return 1 if allerr else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
