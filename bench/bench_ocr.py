"""OCR speed and accuracy, the settings in use (load/ocr.py's SETTINGS) beside the ones used before
(LEGACY), back to back in one run: on scanned (image-only) PDFs made from seed text, and on the pages of
the corpus's real scans. Also the generator of those scanned PDFs, which tests/test_ocr.py imports.

    python3 bench/bench_ocr.py [--repeat N] [--real-pages N] [--variants]

Per setting and scan: seconds per page (wall; median of the repeats), pages per second, CPU seconds per
page (this process and its OCR workers), the character error rate (CER) against the typeset text or the
hand-typed text of real pages (bench/ocr_truth.json), and whether the check of the scan finds the same
facts and findings as the check of its text. Start-up (engine, page pool) is timed once, apart.
`--variants` also times each of SETTINGS' choices reverted alone, on one worker with one thread.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

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


def page_images(lines: list[str], font: tuple[str, int], dpi: int, grid: bool = False,
                size: float = SIZE) -> list[Image.Image]:
    """The lines typeset on white A4 pages at `dpi` (`size` pt, filled to the right margin), greyscale;
    `grid`: each line in a ruled table row (rules above and below it and at both margins), as in the
    tables of a printed disclosure, whose rules the detector must not read as text."""
    from PIL import Image, ImageDraw, ImageFont

    px = dpi / 72  # pixels per point
    face = ImageFont.truetype(font[0], round(size * px), index=font[1])
    leading = size * LEADING / SIZE
    width, height = round(A4[0] * px), round(A4[1] * px)
    pages: list[Image.Image] = []
    y = float("inf")
    for line in lines:
        for part in _wrap(line, face, (A4[0] - 2 * MARGIN) * px):
            if y > (A4[1] - MARGIN) * px:
                pages.append(Image.new("L", (width, height), 255))
                y = MARGIN * px
            draw = ImageDraw.Draw(pages[-1])
            draw.text((MARGIN * px, y), part, font=face, fill=0)
            if grid:  # the row's rules, a few points clear of the glyphs
                top, bottom = y - leading / 6 * px, y + leading * 5 / 6 * px
                left, right = (MARGIN - 6) * px, (A4[0] - MARGIN + 6) * px
                draw.rectangle((left, top, right, bottom), outline=0, width=max(1, round(0.8 * px)))
            y += leading * px
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
                angle: float = 0.4, grid: bool = False, noise: float = 0.0, size: float = SIZE) -> Path:
    """An image-only PDF of the typeset lines: each page slightly blurred and rotated like a scan and
    wrapped into a PDF by Pillow (no text layer). `grid` rules every line like a table row; `noise` adds
    that much Gaussian grey-level noise (standard deviation, 0–255) and a grey paper tone, as a photocopy."""
    from PIL import Image, ImageFilter

    images = [img.filter(ImageFilter.GaussianBlur(blur)).rotate(angle, fillcolor=255, resample=3)
              for img in page_images(lines, font, dpi, grid=grid, size=size)]
    if noise:
        import numpy as np

        rng = np.random.default_rng(0)  # a fixed seed: the same scan every run, comparable across runs
        images = [Image.fromarray(np.clip(np.asarray(img, dtype=np.float32) - 12 + rng.normal(0, noise, (img.height, img.width)),
                                          0, 255).astype(np.uint8)) for img in images]
    images[0].save(path, "PDF", resolution=dpi, save_all=True, append_images=images[1:])
    return path


def _seed(prefix: str) -> Path:
    return sorted(SEEDS.glob(f"{prefix}_*.txt"))[0]


CORPUS = HERE.parent.parent / "shared" / "corpus"
TRUTH = HERE / "ocr_truth.json"
# Printed characters the engine returns in another form of the same glyph: folded before the CER.
_FOLD = str.maketrans({"，": ",", "：": ":", "；": ";", "（": "(", "）": ")", "！": "!", "？": "?", "㎡": "m²",
                       "•": "·", "－": "-", "—": "-"})


def fold(text: str) -> str:
    """Text as compared by the CER: no whitespace, one form of each punctuation glyph."""
    return "".join(text.split()).translate(_FOLD)


def cer(read: str, truth: str) -> float:
    """Character error rate: edits from the folded truth to the folded text read, per truth character."""
    a, b = fold(truth), fold(read)
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1] / max(1, len(a))


def real_scans(limit: int) -> list[tuple[str, Path, list[int], dict[int, str]]]:
    """The corpus's PDFs with pages drawn but without text (whatever their names say): per file its name
    under the corpus, path, the 0-based pages to read (those with hand-typed text first, then the first
    others up to `limit`), and the hand-typed text by 0-based page."""
    import pypdfium2 as pdfium

    from budgetdoc.load import ocr

    truth = json.loads(TRUTH.read_text(encoding="utf-8")) if TRUTH.exists() else {}
    out = []
    for path in sorted(p for p in CORPUS.rglob("*") if p.is_file()):
        with open(path, "rb") as f:
            if b"%PDF" not in f.read(1024):
                continue
        try:
            pdf = pdfium.PdfDocument(path)
        except pdfium.PdfiumError:
            continue
        try:
            pages = ocr.textless_pages(pdf)
        finally:
            pdf.close()
        if len(pages) < 2:
            continue  # one drawing among text pages (a chart) is not a scan
        name = path.relative_to(CORPUS).as_posix()
        typed = {int(k) - 1: v for k, v in truth.get(name, {}).items()}
        chosen = [p for p in pages if p in typed]
        chosen += [p for p in pages if p not in typed][:max(0, limit - len(chosen))]
        out.append((name, path, sorted(chosen), typed))
    return out


def extract(src: Path, pages: list[int], dest: Path) -> Path:
    """A PDF of the given 0-based pages of `src` (the real scan's pages the benchmark reads)."""
    import pypdfium2 as pdfium

    out, pdf = pdfium.PdfDocument.new(), pdfium.PdfDocument(src)
    out.import_pages(pdf, pages)
    out.save(dest)
    out.close()
    pdf.close()
    return dest


def _cpu_now() -> float:
    """CPU seconds so far of this process and of the page pool's workers (alive, so read from /proc)."""
    import resource

    from budgetdoc.load import ocr

    own = resource.getrusage(resource.RUSAGE_SELF)
    total = own.ru_utime + own.ru_stime
    tick = os.sysconf("SC_CLK_TCK")
    for pool in ocr._POOL.values():
        for pid in list(pool._processes or {}):
            try:
                fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _peak_mib() -> dict[str, float]:
    """Peak resident memory (MiB) of this process and of each page-pool worker."""
    import resource

    from budgetdoc.load import ocr

    out = {"reader": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
    for pool in ocr._POOL.values():
        for n, pid in enumerate(list(pool._processes or {}), start=1):
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            out[f"worker {n}"] = int(status.split("VmHWM:")[1].split()[0]) / 1024
    return out


def read_pages(data: bytes, settings) -> tuple[list[str], float, float]:
    """OCR every textless page as the PDF reader does (ScanPages with `settings`): the text of each page,
    wall seconds, CPU seconds."""
    import pypdfium2 as pdfium

    from budgetdoc.load import ocr

    pdf = pdfium.PdfDocument(data)
    pages = ocr.textless_pages(pdf)
    pdf.close()
    cpu0, t0 = _cpu_now(), time.perf_counter()
    scan = ocr.ScanPages(data, settings)
    try:
        texts = ["\n".join(ln.text for ln in scan.page(i)[1]) for i in pages]
    finally:
        scan.close()
    return texts, time.perf_counter() - t0, _cpu_now() - cpu0


def _facts(result) -> set[tuple[str, str]]:
    return {(f.key, str(f.value_yuan)) for f in result.facts}


def _findings(result) -> set[tuple[str, str, str, str]]:
    # The quote of a stated amount keeps the document's own spacing ("1723.66 万元"), which OCR may not.
    return {(f.rule, "".join((f.stated or "").split()), f.expected, f.severity) for f in result.findings}


def agreement(scanned, text) -> str:
    """How many of the text's facts (key, value) and findings (rule, stated, expected, severity) the
    check of the scan found, and how many others it found."""
    fs, ft, gs, gt = _facts(scanned), _facts(text), _findings(scanned), _findings(text)
    return (f"facts {len(fs & ft)}/{len(ft)} (+{len(fs - ft)}), "
            f"findings {len(gs & gt)}/{len(gt)} (+{len(gs - gt)})")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=1, help="runs of each timing (median reported)")
    ap.add_argument("--real-pages", type=int, default=6, help="pages read of each real scan")
    ap.add_argument("--variants", action="store_true",
                    help="also time each of SETTINGS' choices reverted alone (one worker, one thread)")
    args = ap.parse_args()
    if not SEEDS.exists():
        print(f"seeds not found at {SEEDS}", file=sys.stderr)
        return 1
    from budgetdoc import check
    from budgetdoc.load import ocr

    font = cjk_font()
    if font is None:
        print("no Simplified-Chinese font on this system (fonts-noto-cjk): cannot draw the scanned PDF")
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        lines = [x for prefix, (a, b) in EXCERPTS.items() for x in excerpt(_seed(prefix), a, b)]
        text_path = Path(tmp) / "scan.txt"
        text_path.write_text("\n".join(lines), encoding="utf-8")
        truth = "".join(lines)
        # name -> (pdf, text of each page or None, check of the text or None)
        scans: dict[str, tuple[Path, dict[int, str], Any]] = {}
        text_check = check(text_path)
        for name, extra in (("synthetic 12pt", {}), ("ruled+noisy 12pt", {"blur": 1.0, "angle": 1.0, "grid": True, "noise": 25}),
                            ("ruled+noisy 9pt", {"blur": 0.8, "angle": 0.7, "grid": True, "noise": 20, "size": 9})):
            scans[name] = (scanned_pdf(lines, Path(tmp) / f"{len(scans)}.pdf", font, **extra), {-1: truth}, text_check)
        for name, path, pages, typed in real_scans(args.real_pages):
            sub = extract(path, pages, Path(tmp) / f"real{len(scans)}.pdf")
            scans[f"real {Path(name).parent.name}, {len(pages)} pages"] = (sub, {n: typed[p] for n, p in enumerate(pages) if p in typed}, None)
        if not any(k.startswith("real") for k in scans):
            print(f"no real scans (pages drawn without text) in {CORPUS}")

        settings = {"before": ocr.LEGACY, "now": ocr.SETTINGS}
        print(f"now:    {ocr.SETTINGS}\nbefore: {ocr.LEGACY}")
        _start_up(settings, scans)
        rows = _measure(settings, scans, args.repeat)
        _print(rows, scans, check, settings)
        print("peak resident memory (MiB): " + ", ".join(f"{k} {v:.0f}" for k, v in _peak_mib().items()))
        if args.variants:
            _variants(scans, args.repeat)
    return 0


def _start_up(settings: dict, scans: dict) -> None:
    """Start each setting's engine (and page pool) on a first page, timed apart from the throughput."""
    path = next(iter(scans.values()))[0]
    one = Path(path.parent / "first-two.pdf")
    extract(path, [0, 1], one)
    for label, s in settings.items():
        t0 = time.perf_counter()
        read_pages(one.read_bytes(), s)
        how = f"{s.workers} worker processes" if s.workers > 1 else "in this process"
        print(f"start-up + first 2 pages, {label} ({how}): {time.perf_counter() - t0:.1f} s")


def _measure(settings: dict, scans: dict, repeat: int) -> dict[tuple[str, str], dict[str, Any]]:
    rows: dict[tuple[str, str], dict[str, Any]] = {}
    for _ in range(max(1, repeat)):  # settings back to back within each repeat: the same machine load
        for scan, (path, _truth, _text) in scans.items():
            data = path.read_bytes()
            for label, s in settings.items():
                texts, wall, cpu = read_pages(data, s)
                row = rows.setdefault((scan, label), {"wall": [], "cpu": [], "texts": texts})
                row["wall"].append(wall)
                row["cpu"].append(cpu)
    return rows


def _print(rows: dict, scans: dict, check, settings: dict) -> None:
    from budgetdoc.load import ocr

    print(f"{'scan':44} {'setting':7} {'pages':>5} {'s/page':>7} {'pages/s':>8} {'CPU s/page':>10} {'CER':>7}  "
          "check: of the text's (+ others)")
    for scan, (path, truth, text_check) in scans.items():
        results = {}
        for label, s in settings.items():
            row = rows[(scan, label)]
            n = len(row["texts"])
            wall, cpu = statistics.median(row["wall"]), statistics.median(row["cpu"])
            if -1 in truth:  # typeset: the whole document's text
                error = f"{cer(''.join(row['texts']), truth[-1]):.4f}"
            elif truth:
                error = f"{cer(''.join(row['texts'][p] for p in truth), ''.join(truth.values())):.4f}"
            else:
                error = "-"
            saved, ocr.SETTINGS = ocr.SETTINGS, s  # the check reads the scan with this setting
            try:
                results[label] = check(path)
            finally:
                ocr.SETTINGS = saved
            if text_check is not None:
                verdict = agreement(results[label], text_check)
            else:
                verdict = f"{len(results[label].facts)} facts, {len(results[label].findings)} findings"
            print(f"{scan[:44]:44} {label:7} {n:5d} {wall / n:7.2f} {n / wall:8.2f} {cpu / n:10.2f} {error:>7}  {verdict}")
        print(f"{'':44} now against before: {agreement(results['now'], results['before'])}")


def _variants(scans: dict, repeat: int) -> None:
    """Each choice of SETTINGS reverted alone, on one worker process with one thread: CPU per page, CER."""
    from dataclasses import replace

    import pypdfium2 as pdfium

    from budgetdoc.load import ocr

    base = replace(ocr.SETTINGS, workers=1)
    variants = {"now, 1 worker": base, "angle classifier on": replace(base, use_cls=True),
                "detector: shorter side >= 736": replace(base, det_limit_type="min", det_limit_side_len=736),
                "detector: longer side 1280": replace(base, det_limit_side_len=1280),
                "recognition batch 6": replace(base, rec_batch_num=6), "render 150 dpi": replace(base, dpi=150),
                "one process, two threads": replace(base, threads=2)}
    print(f"\nvariants (one worker, one thread; median of {repeat}): per scan CPU s/page, pages/s, CER")
    print(f"  {'':28} " + " | ".join(scans))
    for label, s in variants.items():
        pool = ocr._pool(s, 1)
        pool.submit(ocr._worker_page, str(next(iter(scans.values()))[0]), 0, s.dpi).result()  # start-up
        cells = []
        for path, truth, _ in scans.values():
            n = len(ocr.textless_pages(pdfium.PdfDocument(path)))
            cpus, walls, texts = [], [], []
            for _ in range(max(1, repeat)):
                cpu0, t0 = _cpu_now(), time.perf_counter()
                texts = [pool.submit(ocr._worker_page, str(path), i, s.dpi).result() for i in range(n)]
                cpus.append(_cpu_now() - cpu0)
                walls.append(time.perf_counter() - t0)
            read = ["\n".join(ln.text for ln in t[1]) for t in texts]
            if -1 in truth:
                error = cer("".join(read), truth[-1])
            else:
                error = cer("".join(read[p] for p in truth), "".join(truth.values())) if truth else float("nan")
            cells.append(f"{statistics.median(cpus) / n:.2f} s {n / statistics.median(walls):.2f}/s {error:.4f}")
        print(f"  {label:28} " + " | ".join(cells))


if __name__ == "__main__":
    sys.exit(main())
