"""Render the README's picture of an annotated page: `python3 docs/annotated_example.py`.

Annotates a real disclosure with known errors (../shared/real/putuo-sifaju-2026-dept-budget.pdf, p9: a
growth rate whose direction is wrong, another rate miscomputed, an item stated with two amounts) with
`budgetdoc annotate`, then renders page 9 of the copy with pdfium, which draws the annotations (the
highlights, the squares around the stated figures, the note icons), into docs/annotated-page.png.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from budgetdoc.cli import main

SRC = Path(__file__).resolve().parents[2] / "shared" / "real" / "putuo-sifaju-2026-dept-budget.pdf"
OUT = Path(__file__).resolve().parent / "annotated-page.png"
PAGE = 9


def render() -> int:
    import pypdfium2 as pdfium

    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / "annotated.pdf"
        if main(["annotate", str(SRC), "-o", str(copy)]) not in (0, 1):
            return 2
        pdf = pdfium.PdfDocument(str(copy))
        try:
            image = pdf[PAGE - 1].render(scale=1.25, may_draw_forms=True).to_pil()
        finally:
            pdf.close()
    w, h = image.size
    image.crop((0, 0, w, int(h * 0.62))).convert("P", palette=1, colors=64).save(OUT, optimize=True)
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(render())
