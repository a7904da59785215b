"""OCR speed: a scanned (image-only) PDF made from seed text, checked end to end, beside the time
pypdfium2 alone takes to render the same pages. Also the generator of that scanned PDF, which
tests/test_ocr.py imports.

    python3 bench/bench_ocr.py [--repeat N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PIL import Image, ImageFont

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"

# The parts of two seeds that hold the key figures (1-based, inclusive line ranges of the text files).
EXCERPTS = {"002": (23, 40), "001": (145, 205)}

SIZE, LEADING, MARGIN = 12, 24, 60  # points: 12 pt type, about 30 lines on an A4 page
A4 = (595, 842)
# Markup of the seeds' text rendering (bookmarks, images, underline, bold, fill-in underscores): a scan
# of the printed page has none of it.
_MARKUP = re.compile(r"\[(?:bookmark|image):[^\]]*\]|</?u>|\*\*?|_+")


def excerpt(path: Path, first: int, last: int) -> list[str]:
    """Lines first..last of a seed, without markup and without empty lines."""
    lines = path.read_text(encoding="utf-8").split("\n")[first - 1:last]
    cleaned = (_MARKUP.sub("", x).replace("\t", " ").strip() for x in lines)
    return [x for x in cleaned if x]


def cjk_font() -> tuple[str, int] | None:
    """A Simplified-Chinese font on this system (file, face index), preferring a Song/serif face as in
    printed disclosures; None when there is none (fontconfig lists them).

    The pages are drawn with it directly rather than rasterising a reportlab PDF with pypdfium2: a PDF
    with reportlab's non-embedded STSong-Light is drawn by pdfium with the first CJK face it finds, here
    Noto CJK's Japanese face, whose 门 the OCR model reads as 内 (部门 -> 部内), which no Chinese scan shows."""
    if not shutil.which("fc-list"):
        return None
    out = subprocess.run(["fc-list", ":lang=zh-cn", "-f", "%{file}|%{index}|%{family}\n"],
                         capture_output=True, text=True, timeout=30).stdout
    faces = []
    for row in out.splitlines():
        file, index, family = (row.split("|") + ["", ""])[:3]
        family = family.split(",")[0]
        if "Mono" in family or not index.isdigit():
            continue
        simplified = family.endswith(" SC") or family.startswith(("WenQuanYi", "AR PL", "Noto Sans SC", "Noto Serif SC"))
        if simplified:
            faces.append(("Serif" not in family and "Ming" not in family, "Bold" in file, file, int(index)))
    return min(faces)[2:] if faces else None


def page_images(lines: list[str], font: tuple[str, int], dpi: int) -> list[Image.Image]:
    """The lines typeset on white A4 pages at `dpi` (12 pt, filled to the right margin), greyscale."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72  # pixels per point
    face = ImageFont.truetype(font[0], round(SIZE * px), index=font[1])
    width, height = round(A4[0] * px), round(A4[1] * px)
    pages: list[Image.Image] = []
    y = float("inf")
    for line in lines:
        for part in _wrap(line, face, (A4[0] - 2 * MARGIN) * px):
            if y > (A4[1] - MARGIN) * px:
                pages.append(Image.new("L", (width, height), 255))
                y = MARGIN * px
            ImageDraw.Draw(pages[-1]).text((MARGIN * px, y), part, font=face, fill=0)
            y += LEADING * px
    return pages


def _wrap(line: str, face: ImageFont.FreeTypeFont, width: float) -> list[str]:
    out, current = [], ""
    for ch in line:
        if face.getlength(current + ch) > width:
            out.append(current)
            current = ""
        current += ch
    return [*out, current]


def scanned_pdf(lines: list[str], path: Path, font: tuple[str, int], dpi: int = 150, blur: float = 0.6,
                angle: float = 0.4) -> Path:
    """An image-only PDF of the typeset lines: each page slightly blurred and rotated like a scan and
    wrapped into a PDF by Pillow (no text layer)."""
    from PIL import ImageFilter

    images = [img.filter(ImageFilter.GaussianBlur(blur)).rotate(angle, fillcolor=255, resample=3)
              for img in page_images(lines, font, dpi)]
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _seed(prefix: str) -> Path:
    return sorted(SEEDS.glob(f"{prefix}_*.txt"))[0]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each measurement (median reported)")
    args = ap.parse_args()
    if not SEEDS.exists():
        print(f"seeds not found at {SEEDS}", file=sys.stderr)
        return 1
    import pypdfium2 as pdfium

    from budgetdoc import check
    from budgetdoc.load import ocr

    with tempfile.TemporaryDirectory() as tmp:
        font = cjk_font()
        if font is None:
            print("no Simplified-Chinese font on this system (fonts-noto-cjk): cannot draw the scanned PDF")
            return 0
        lines = [x for prefix, (a, b) in EXCERPTS.items() for x in excerpt(_seed(prefix), a, b)]
        path = scanned_pdf(lines, Path(tmp) / "scanned.pdf", font)
        data = path.read_bytes()
        pages = len(pdfium.PdfDocument(data))

        t0 = time.perf_counter()
        ocr.ocr_lines(page_images(lines[:1], font, 100)[0])  # creates the engine and loads its models
        print(f"OCR engine start-up (once per process, models loaded): {time.perf_counter() - t0:.2f} s")

        def render() -> None:
            pdf = pdfium.PdfDocument(data)
            for i in range(len(pdf)):
                ocr.render_page(pdf, i)
            pdf.close()

        def render_and_ocr() -> None:
            pdf = pdfium.PdfDocument(data)
            for i in range(len(pdf)):
                ocr.ocr_lines(ocr.render_page(pdf, i))
            pdf.close()

        render_s = _median(render, args.repeat)
        ocr_s = _median(render_and_ocr, args.repeat)
        results = []
        check_s = _median(lambda: results.append(check(path)), args.repeat)
        result = results[-1]
        print(f"scanned PDF: {pages} pages at 150 dpi, {len(data) / 1024:.0f} KiB; {len(result.facts)} facts; "
              f"{'; '.join(result.warnings)}")
        print(f"pypdfium2 render at {ocr.RENDER_DPI} dpi: {render_s / pages * 1000:6.0f} ms/page "
              f"({pages / render_s:.1f} pages/s)")
        print(f"render + OCR (engine):    {ocr_s / pages * 1000:6.0f} ms/page ({pages / ocr_s:.2f} pages/s)")
        print(f"full check with OCR:      {check_s / pages * 1000:6.0f} ms/page ({pages / check_s:.2f} pages/s), "
              f"{check_s / ocr_s:.2f}x render + OCR")
    return 0


def _median(fn, repeat: int) -> float:
    times = []
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


if __name__ == "__main__":
    sys.exit(main())
