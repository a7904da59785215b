"""Speed and memory of `budgetdoc check`, by format, each beside a reference run of the same files
in the same run: the underlying library's raw read (decode for text, lxml parse for HTML,
python-docx load for DOCX, pdfplumber extract_text for PDF). The ratio is what carries over between machines.

    python3 bench/bench_check.py [--repeat N]
"""

from __future__ import annotations

import argparse
import html
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEEDS = HERE.parent.parent / "shared" / "seeds"


def _median_ms(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _renderings(seeds: list[Path], out: Path) -> dict[str, list[Path]]:
    import docx

    files: dict[str, list[Path]] = {"txt": list(seeds), "html": [], "docx": [], "pdf": []}
    for s in seeds:
        lines = s.read_text(encoding="utf-8").split("\n")
        h = out / (s.stem + ".html")
        h.write_text("<html><body>\n" + "\n".join(f"<p>{html.escape(x)}</p>" for x in lines) + "\n</body></html>",
                     encoding="utf-8")
        files["html"].append(h)
        d = docx.Document()
        for x in lines:
            if x.strip():
                d.add_paragraph(x)
        p = out / (s.stem + ".docx")
        d.save(p)
        files["docx"].append(p)
        files["pdf"].append(_pdf(lines, out / (s.stem + ".pdf")))
    return files


def _pdf(lines: list[str], path: Path) -> Path:
    """The seed typeset on A4 pages with a CJK font, lines filled to the margin as a typesetter would."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    font, size, margin = "STSong-Light", 10, 50
    pdfmetrics.registerFont(UnicodeCIDFont(font))
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setFont(font, size)
    y, width = A4[1] - margin, A4[0] - 2 * margin
    for line in lines:
        rest = line.replace("\t", " ")
        while rest:
            n = len(rest)
            while pdfmetrics.stringWidth(rest[:n], font, size) > width:
                n -= 1
            if y < margin:
                c.showPage()
                c.setFont(font, size)
                y = A4[1] - margin
            c.drawString(margin, y, rest[:n])
            y -= size * 1.5
            rest = rest[n:]
    c.save()
    return path


def _pages(path: Path) -> int:
    import pdfplumber

    with pdfplumber.open(path) as pdf:
        return len(pdf.pages)


def _reference(fmt: str):
    import docx
    import lxml.html

    def pdf_text(p: Path) -> None:
        import pdfplumber

        with pdfplumber.open(p) as pdf:
            for page in pdf.pages:
                page.extract_text()

    return {"txt": lambda p: p.read_bytes().decode("utf-8"),
            "html": lambda p: lxml.html.parse(str(p)),
            "docx": lambda p: docx.Document(str(p)),
            "pdf": pdf_text}[fmt]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=15)
    args = ap.parse_args()
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        print(f"no seeds in {SEEDS}", file=sys.stderr)
        return 2
    from budgetdoc import check

    t0 = time.perf_counter()
    check(seeds[0])  # imports, YAML, regex compilation
    print(f"one-time start-up (imports, knowledge, first check): {(time.perf_counter() - t0) * 1000:.0f} ms")
    with tempfile.TemporaryDirectory() as tmp:
        files = _renderings(seeds, Path(tmp))
        print(f"{'format':6} {'file':28} {'KB':>6} {'reference ms':>13} {'check ms':>9} {'ratio':>6}")
        per_format: dict[str, list[float]] = {}
        for fmt, paths in files.items():
            ref = _reference(fmt)
            for p in paths:
                r_ms = _median_ms(lambda p=p, ref=ref: ref(p), args.repeat)
                c_ms = _median_ms(lambda p=p: check(p), args.repeat)
                per_format.setdefault(fmt, []).append(c_ms)
                print(f"{fmt:6} {p.name:28} {p.stat().st_size / 1024:6.1f} {r_ms:13.2f} {c_ms:9.2f} {c_ms / r_ms:6.1f}")
        for fmt, ms in per_format.items():
            print(f"median check time, {fmt}: {statistics.median(ms):.1f} ms per document")
        pages = sum(_pages(p) for p in files["pdf"])
        ref = _reference("pdf")
        t0 = time.perf_counter()
        for p in files["pdf"]:
            ref(p)
        raw = time.perf_counter() - t0
        t0 = time.perf_counter()
        for p in files["pdf"]:
            check(p)
        full = time.perf_counter() - t0
        print(f"pdf: {pages} pages; pdfplumber extract_text {pages / raw:.1f} pages/s; our full check "
              f"{pages / full:.1f} pages/s; ratio {full / raw:.2f} (target within 1.5)")
        batch = [p for paths in files.values() for p in paths]
        t0 = time.perf_counter()
        for p in batch:
            check(p)
        secs = time.perf_counter() - t0
        print(f"batch: {len(batch)} documents in {secs:.2f} s = {len(batch) / secs:.1f} documents per second (one core)")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:.0f} MB; repeats per file: {args.repeat}; target < 50 ms per seed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
