"""Ninth generator of synthetic 部门预算 / 部门决算 disclosures with planted defects.

python3 gen9.py --seed 901 --count 6 --formats txt,html,docx,xlsx,pdf OUTDIR
"""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

import verify9
from defects9 import CLASSES_BOTH, CLASSES_FINAL, NotApplicable, plant
from facts9 import Doc, Style, make_facts
from render9 import RENDER
from tables9 import build_tables, titles
from text9 import build_front, build_text, year_str


def make_options(rng: random.Random, fmt: str) -> dict:
    tu = rng.choice(["万元", "万元", "元", "千元"])
    trad = rng.random() < 0.3
    o = dict(
        table_unit=tu,
        table_dec=(rng.choice([1, 2]) if tu == "千元" else 2),
        table_group=("," if tu == "元" and rng.random() < 0.7 else ""),
        zero=rng.choice(["0.00", "-", "—", "blank"]),
        full_p=rng.choice([0.0, 0.0, 0.15]),
        space_p=rng.choice([0.0, 0.3]),
        unit_space_p=rng.choice([0.0, 0.3]),
        pct_dec=rng.choice([2, 2, 1]),
        code_layout=rng.choice(["split", "split", "joint", "sep"]),
        unit_codes=rng.choice(["", "101", "305"]),
        year_style=rng.choice(["arabic", "cn"]),
        trad=trad,
        table_prefix=rng.choice(["", "表{n} ", "{cn}、", "{y}年"]),
        tables_first=rng.random() < 0.3,
        txt_table=rng.choice(["tsv", "pipe"]),
        txt_wrap=rng.choice([0, 0, 38, 52, 70]),
        html_caption=rng.random() < 0.5,
        docx_headings=rng.random() < 0.5,
        xlsx_layout=rng.choice(["sheets", "inline"]),
        xlsx_numeric=rng.random() < 0.6,
        pdf_repeat=rng.random() < 0.5,
        pdf_newpage=rng.random() < 0.4,
    )
    o["unit_line"] = "单位：" + ("萬元" if trad and tu == "万元" else tu)
    o["pub_date"] = ""
    return o


def build(rng: random.Random, doc_type: str, year: int, fmt: str, force: dict | None = None) -> Doc:
    facts = make_facts(rng, doc_type, year)
    o = make_options(rng, fmt)
    o.update(force or {})
    o["year_str"] = year_str(year, o["year_style"])
    o["pub_date"] = f"{year if doc_type == 'budget' else year + 1}年{rng.randint(2, 9)}月"
    st = Style(
        table_unit=o["table_unit"],
        table_dec=o["table_dec"],
        text_unit="万元",
        text_dec=2,
        pct_dec=o["pct_dec"],
        table_group=o["table_group"],
        zero=o["zero"],
        full_p=o["full_p"],
        space_p=o["space_p"],
        unit_space_p=o["unit_space_p"],
    )
    doc = Doc(facts, st, rng, o)
    tt = [t for _, t in titles(doc_type)]
    build_front(doc, tt)
    front = doc.blocks
    doc.blocks = []
    build_tables(doc)
    build_text(doc)
    text = doc.blocks
    kind = "决算" if doc_type == "final" else "预算"
    att = [("h", 1, doc.title(f"附件：{o['year_str']}{'度' if doc_type == 'final' else ''}部门{kind}表"))]
    tbl = [("t", t) for t in doc.tables]
    doc.blocks = front + (att + tbl + text if o["tables_first"] else text + att + tbl)
    return doc


def record(doc: Doc, name: str) -> dict:
    rendered = {id(b[1]) for b in doc.blocks if b[0] == "t"}
    hidden: set[str] = set()
    tables = []
    for t in doc.tables:
        cells = [c for row in t["rows"] for c in row if c in doc.figs]
        if id(t) not in rendered:
            hidden.update(cells)
            hidden.add(t["title"])
        tables.append(
            dict(
                name=t["name"],
                title=doc.printed(t["title"]),
                rendered=id(t) in rendered,
                grid=[[doc.printed(c) for c in row] for row in t["header"] + t["rows"]],
            )
        )
    figs = {}
    for fid, f in doc.figs.items():
        g = dict(f)
        g["rendered"] = fid not in hidden
        figs[fid] = g
    lines = []
    for b in doc.blocks:
        if b[0] == "h":
            lines.append(doc.printed(b[2]))
        elif b[0] == "p":
            lines.append(doc.para_text(b[1]))
    return dict(
        file=name,
        doc_type=doc.f.doc_type,
        year=doc.f.year,
        department=doc.f.dept_name,
        figs=figs,
        idents=doc.idents,
        tables=tables,
        toc=doc.toc_titles,
        text="\n".join(lines),
        options=doc.options,
    )


def plan_classes(seed: int, fmts: list[str], count: int) -> dict[tuple[str, int], str | None]:
    """One slot in three is correct; the rest take classes from seeded shuffles, spread across formats."""
    rng = random.Random(f"classes-{seed}")
    queue: list[str] = []
    out: dict[tuple[str, int], str | None] = {}
    for slot in range(count):
        for fi, fmt in enumerate(fmts):
            dt = "budget" if slot % 2 == 0 else "final"
            if (slot + fi) % 3 == 2:
                out[(fmt, slot)] = None
                continue
            ok = [c for c in queue if dt == "final" or c not in CLASSES_FINAL]
            if not ok:
                queue += rng.sample(CLASSES_BOTH + CLASSES_FINAL, len(CLASSES_BOTH) + len(CLASSES_FINAL))
                ok = [c for c in queue if dt == "final" or c not in CLASSES_FINAL]
            queue.remove(ok[0])
            out[(fmt, slot)] = ok[0]
    return out


def generate(seed: int, count: int, fmts: list[str], outdir: Path) -> list[dict]:
    outdir.mkdir(parents=True, exist_ok=True)
    (outdir / "_internal").mkdir(exist_ok=True)
    plan = plan_classes(seed, fmts, count)
    manifest = []
    for fmt in fmts:
        for slot in range(count):
            dt = "budget" if slot % 2 == 0 else "final"
            cls = plan[(fmt, slot)]
            name = f"g9_{seed}_{slot + 1:02d}_{dt}.{fmt}"
            for attempt in range(40):
                rng = random.Random(f"{seed}-{fmt}-{slot}-{attempt}")
                year = rng.choice([2021, 2022, 2023, 2024, 2025])
                force = {"code_layout": "split"} if cls == "code-split" else None
                doc = build(rng, dt, year, fmt, force)
                rec = record(doc, name)
                bad = verify9.check_record(rec, 0.0)
                if bad:
                    raise RuntimeError(f"{name}: correct build violates {bad[:5]}")
                defect = None
                if cls is not None:
                    try:
                        defect = plant(doc, cls, rng)
                    except (NotApplicable, IndexError, StopIteration):
                        continue
                    rec = record(doc, name)
                    if not verify9.check_record(rec, 2.0):
                        continue
                break
            else:
                raise RuntimeError(f"{name}: could not plant {cls}")
            RENDER[fmt](doc, outdir / name)
            (outdir / "_internal" / (name + ".json")).write_text(
                json.dumps(rec, ensure_ascii=False, indent=1), encoding="utf-8"
            )
            opts = {k: v for k, v in doc.options.items() if k != "pub_date"}
            opts["region"] = doc.f.province + doc.f.county
            opts["units"] = len(doc.f.units)
            manifest.append(
                dict(
                    file=name,
                    format=fmt,
                    doc_type=dt,
                    department=doc.f.dept_name,
                    year=doc.f.year,
                    options=opts,
                    defect=defect,
                )
            )
    (outdir / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return manifest


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--formats", default="txt,html,docx,xlsx,pdf")
    ap.add_argument("outdir")
    a = ap.parse_args()
    m = generate(a.seed, a.count, a.formats.split(","), Path(a.outdir))
    n_def = sum(1 for x in m if x["defect"])
    print(f"{a.outdir}: {len(m)} files, {n_def} with a defect")


if __name__ == "__main__":
    main()
