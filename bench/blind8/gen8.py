#!/usr/bin/env python3
"""gen8: synthetic 部门预算 / 部门决算 disclosures with one planted defect per defective slot.

python3 gen8.py --seed S --count N --formats txt,html,docx,xlsx,pdf OUTDIR
"""
from __future__ import annotations

import argparse
import json
import os
import random
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import build  # noqa: E402
import defects  # noqa: E402
import render  # noqa: E402
from model import all_violations, structural_violations  # noqa: E402


def violations(d, widen: Fraction) -> list[str]:
    data = json.loads(json.dumps(d.to_json()))
    return all_violations(data, widen) + structural_violations(data)


def make_one(seed: int, fmt: str, nn: int, cls: str | None) -> tuple:
    doc_type = "budget" if nn % 2 == 0 else "final"
    for attempt in range(8):
        rng = random.Random(f"g8-{seed}-{fmt}-{nn}-{attempt}")
        year = rng.choice([2022, 2023, 2024, 2025])
        opts = build.draw_options(rng, fmt)
        if fmt == "xlsx":
            opts["xlsx_numeric"] = rng.random() < 0.7
        if cls == "change-column":
            opts["cmp_cols"] = True
        d, f, ctx = build.build(rng, doc_type, year, opts)
        base = violations(d, Fraction(0))
        if base:
            raise RuntimeError(f"generator bug, correct document violates: {base[:5]}")
        if cls is None:
            return d, None
        rec = defects.PLANTERS[cls](d, f, ctx, rng)
        if rec is None:
            continue
        widen = Fraction(0) if cls == "rate-rounding" else Fraction(1)
        v = violations(d, widen)
        if v:
            rec["violates"] = v[:6]
            return d, rec
    raise RuntimeError(f"could not plant {cls} in {fmt} {nn}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--count", type=int, default=6)
    ap.add_argument("--formats", default="txt,html,docx,xlsx,pdf")
    ap.add_argument("outdir")
    a = ap.parse_args()
    fmts = [x.strip() for x in a.formats.split(",") if x.strip()]
    os.makedirs(os.path.join(a.outdir, "_internal"), exist_ok=True)
    crng = random.Random(f"classes-{a.seed}")
    pool: list[str] = []
    manifest = []
    for nn in range(a.count):
        for fmt in fmts:
            cls = None
            if nn % 3 != 0:
                if not pool:  # new classes weighted double
                    pool = defects.ALL + defects.NEW
                    crng.shuffle(pool)
                cls = pool.pop()
            d, rec = make_one(a.seed, fmt, nn, cls)
            name = f"g8_{a.seed}_{nn:02d}_{d.meta['doc_type']}.{fmt}"
            render.RENDER[fmt](d, os.path.join(a.outdir, name))
            defect = None
            if rec:
                defect = {k: rec[k] for k in ("class", "where", "alt", "stated", "expected", "note", "table", "row")
                          if k in rec}
            manifest.append({"file": name, "format": fmt, "doc_type": d.meta["doc_type"],
                             "department": d.meta["department"], "year": d.meta["year"],
                             "options": d.meta["options"], "defect": defect})
            internal = d.to_json()
            internal["defect"] = rec
            internal["file"] = name
            with open(os.path.join(a.outdir, "_internal", name + ".json"), "w", encoding="utf-8") as fh:
                json.dump(internal, fh, ensure_ascii=False, indent=1)
            print(name, defect["class"] if defect else "-", flush=True)
    with open(os.path.join(a.outdir, "manifest.json"), "w", encoding="utf-8") as fh:
        json.dump(manifest, fh, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
