#!/usr/bin/env python3
"""Verify gen8 output: read each rendered file back and check identities, defects and `where`.

python3 verify8.py OUTDIR [OUTDIR ...]
It imports only model.py (figures' interval arithmetic), not the generator's builders or planters.
"""
from __future__ import annotations

import json
import os
import re
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model import all_violations, structural_violations  # noqa: E402

WS = re.compile(r"\s+")


def norm(s: str) -> str:
    return WS.sub("", s)


# ------------------------------------------------------------------ readers: list of pages of text
def read_txt(p: str) -> list[str]:
    return open(p, encoding="utf-8").read().split("\f")


def read_html(p: str) -> list[str]:
    from lxml import html
    root = html.parse(p).getroot()
    pages, cur = [], []
    for el in root.iter():
        if el.tag == "hr":
            pages.append("\n".join(cur))
            cur = []
        elif el.tag in ("p", "h1", "h2", "h3", "h4", "div"):
            cur.append(el.text_content())
        elif el.tag == "tr":
            cur.append("  ".join(c.text_content() for c in el if c.tag in ("td", "th")))
    pages.append("\n".join(cur))
    return pages


def read_docx(p: str) -> list[str]:
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph
    d = docx.Document(p)
    out = [s.header.paragraphs[0].text for s in d.sections if s.header.paragraphs]
    for el in d.element.body.iterchildren():
        tag = el.tag.split("}")[1]
        if tag == "p":
            out.append(Paragraph(el, d).text)
        elif tag == "tbl":
            for row in Table(el, d).rows:
                out.append("  ".join(c.text for c in row.cells))
    return ["\n".join(out)]


def xl_display(c) -> str:
    v = c.value
    if v is None:
        return ""
    if isinstance(v, (int, float)):
        fmt = c.number_format or ""
        dec = len(fmt.split(".")[1]) if "." in fmt else 0
        return f"{v:,.{dec}f}" if "," in fmt else f"{v:.{dec}f}"
    return str(v)


def read_xlsx(p: str) -> list[str]:
    import openpyxl
    wb = openpyxl.load_workbook(p)
    out = []
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            out.append("  ".join(xl_display(c) for c in row))
    return ["\n".join(out)]


def read_pdf(p: str) -> list[str]:
    import pdfplumber
    with pdfplumber.open(p) as pdf:
        return [pg.extract_text(y_tolerance=6) or "" for pg in pdf.pages]


READ = {"txt": read_txt, "html": read_html, "docx": read_docx, "xlsx": read_xlsx, "pdf": read_pdf}


# ------------------------------------------------------------------ checks
def rendered_fig_ids(data: dict) -> set[int]:
    ids: set[int] = set()
    for b in data["blocks"]:
        if b["t"] in ("p", "h"):
            ids |= {s for s in b["segs"] if isinstance(s, int)}
        elif b["t"] == "table":
            for r in b["rows"]:
                ids |= {c for c in r if isinstance(c, int)}
    return ids


def cell(data: dict, c) -> str:
    return data["figures"][c]["text"] if isinstance(c, int) else c


def check_file(outdir: str, m: dict) -> list[str]:
    errs = []
    path = os.path.join(outdir, m["file"])
    data = json.load(open(os.path.join(outdir, "_internal", m["file"] + ".json"), encoding="utf-8"))
    pages = READ[m["format"]](path)
    full = norm("".join(pages))
    npages = [norm(p) for p in pages]
    # 1. identities
    v0 = all_violations(data) + structural_violations(data)
    d = m["defect"]
    if d is None:
        if v0:
            errs.append(f"correct document violates {v0[:3]}")
    else:
        widen = Fraction(0) if d["class"] == "rate-rounding" else Fraction(1)
        v1 = all_violations(data, widen) + structural_violations(data)
        if not v1:
            errs.append(f"defect {d['class']} violates nothing beyond rounding")
        if norm(d["where"]) not in full or len(d["where"]) < 4:
            errs.append(f"where {d['where']!r} not in file")
    # 2. every printed figure, every table row, every title is in the file
    figs = data["figures"]
    for i in rendered_fig_ids(data):
        t = norm(figs[i]["text"])
        if t and t not in full:
            errs.append(f"figure {figs[i]['key']} {t} not in file")
            break
    for b in data["blocks"]:
        if b["t"] != "table":
            continue
        title = norm(figs[b["title"]]["text"])
        if title not in full:
            errs.append(f"title {title} missing")
        for r in b["rows"]:
            rs = norm("".join(cell(data, c) for c in r))
            if rs not in full:
                errs.append(f"row {rs[:40]} not read back")
                break
        # 3. a split table continues on a later page (paged formats)
        if b.get("split") and m["format"] in ("txt", "pdf"):
            last = norm("".join(cell(data, c) for c in b["rows"][b["split"] - 1]))
            first = norm("".join(cell(data, c) for c in b["rows"][b["split"]]))
            pl = [k for k, p in enumerate(npages) if last in p]
            pf = [k for k, p in enumerate(npages) if first in p]
            if not pl or not pf or min(pf) <= min(pl):
                errs.append(f"table {b['id']} does not continue on a later page ({pl} {pf})")
    return errs


def main() -> None:
    total = bad = 0
    for outdir in sys.argv[1:]:
        man = json.load(open(os.path.join(outdir, "manifest.json"), encoding="utf-8"))
        classes: dict[str, int] = {}
        nd = 0
        for m in man:
            total += 1
            e = check_file(outdir, m)
            if m["defect"]:
                nd += 1
                classes[m["defect"]["class"]] = classes.get(m["defect"]["class"], 0) + 1
            if e:
                bad += 1
                print(f"FAIL {outdir}/{m['file']}: {e[:4]}")
        print(f"{outdir}: {len(man)} files, {nd} defective, {len(man) - nd} correct; classes {dict(sorted(classes.items()))}")
    print(f"verified {total} files, {bad} failing")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
