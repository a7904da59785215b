"""verify4 OUTDIR...: read every generated file back and check manifest defects and identities (does not import the generator)."""
import json
import os
import re
import sys

import ia4

NUMERIC = {"table-total", "cross-table", "blank-total", "text-vs-table", "share", "growth", "direction", "breakdown", "sangong-sum",
           "perf-table", "count", "comparison-year", "zero-base"}


def read_text(path, fmt):
    if fmt == "txt":
        return open(path, encoding="utf-8").read()
    if fmt == "html":
        from lxml import html as LH
        return LH.fromstring(open(path, encoding="utf-8").read()).text_content()
    if fmt == "docx":
        import docx
        dd = docx.Document(path)
        out = [p.text for p in dd.paragraphs]
        for t in dd.tables:
            for r in t.rows:
                out.extend(c.text for c in r.cells)
        return "\n".join(out)
    if fmt == "xlsx":
        import openpyxl
        wb = openpyxl.load_workbook(path)
        out = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    v = c.value
                    if isinstance(v, (int, float)):
                        fm = c.number_format or "0"
                        dec = len(fm.split(".")[1]) if "." in fm else 0
                        v = ("{:,.%df}" % dec if "," in fm else "{:.%df}" % dec).format(v)
                    if v is not None:
                        out.append(str(v))
        return "\n".join(out)
    if fmt == "pdf":
        import pdfplumber
        with pdfplumber.open(path) as pdf:
            return "\n".join((p.extract_text(y_tolerance=6) or "") for p in pdf.pages)
    raise ValueError(fmt)


def norm(s):
    return re.sub(r"\s+", "", s)


def main(dirs):
    nbad = 0
    ntot = 0
    for od in dirs:
        man = json.load(open(os.path.join(od, "manifest.json"), encoding="utf-8"))
        for m in man:
            ntot += 1
            errs = []
            rec = json.load(open(os.path.join(od, "_internal", m["file"] + ".json"), encoding="utf-8"))
            text = norm(read_text(os.path.join(od, m["file"]), m["format"]))
            figs, idents = rec["figures"], rec["identities"]
            for tt in rec["table_titles"]:
                if norm(tt) not in text:
                    errs.append("table title missing: " + tt)
            df = m["defect"]
            if df is None:
                bad = ia4.check(figs, idents, 0)
                if bad:
                    errs.append("correct document violates %s" % bad[:2])
                if re.search(r"增加（减少）|增加/减少|请说明", text):
                    errs.append("residue in correct document")
                for tt in rec["toc_titles"]:
                    if tt not in rec["table_titles"]:
                        errs.append("table in 目录 not published: " + tt)
                if m["doc_type"] == "budget" and any("决算" in t for t in rec["table_titles"]):
                    errs.append("决算 title in budget")
                if m["doc_type"] == "final" and any(re.search(r"(预算表|预算总表|支出情况表)$", t) for t in rec["table_titles"]):
                    errs.append("non-决算 title in final")
            else:
                w = norm(df["where"])
                if len(w) < 4 or w not in text:
                    errs.append("where not found: %r" % df["where"])
                for a in df.get("alt") or []:
                    if a and norm(a) not in text:
                        errs.append("alt not found: %r" % a)
                if df["class"] in NUMERIC:
                    if not ia4.check(figs, idents, 2):
                        errs.append("defect not a violation after widening by 2 units")
                    # the planted defect must be the only numeric problem source: fine if other identities break too
                elif df["class"] == "missing-part":
                    if df["where"] in rec["table_titles"]:
                        errs.append("missing table is present")
                elif df["class"] == "doc-type":
                    kw = "决算" if m["doc_type"] == "budget" else "预算"
                    if kw not in df["where"]:
                        errs.append("doc-type where lacks %s" % kw)
                elif df["class"] == "template-residue":
                    if not re.search(r"增加（减少）|减少（增加）|增加/减少|请说明", df["where"]):
                        errs.append("no residue in where")
                # all other identities must hold except those the defect breaks: check the doc without defect is not needed
            status = "OK " if not errs else "BAD"
            nbad += bool(errs)
            print(status, os.path.join(od, m["file"]), (df or {}).get("class", "-"), "; ".join(errs)[:300])
    print("%d files, %d failing" % (ntot, nbad))
    return 1 if nbad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
