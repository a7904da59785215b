"""OCR for pages without a text layer and for images: RapidOCR (PP-OCR models shipped inside the
`rapidocr` wheel) on onnxruntime, so nothing is downloaded at run time.

The engine takes ~1.6 s to start, so it is created on first use and cached for the process.
`ocr_lines()` turns the engine's text boxes into lines in reading order: boxes whose vertical
centres lie within about half a box height of each other are one line, ordered left to right, so
a sentence the detector split into several boxes comes back as one line.

How the engine is run is one place, `SETTINGS` (an `OcrSettings`), each value with the measurement
that chose it; `LEGACY` is how it ran before, kept so that bench/bench_ocr.py can time both in one run.
`ScanPages` OCRs the textless pages of one PDF: ahead of the reader on a pool of worker processes
(one page bitmap per worker at a time), or, in a process that is itself a pool's worker (check -j,
ingest -j, the workbench's checker, Dask), one page after another in that process with one thread,
because its pool already uses the cores and pools must not nest. The workers are spawned, so a script
that calls check() on a scan needs the usual `if __name__ == "__main__":` guard; without it the workers
fail to start and the pages are read in-process, page after page.
"""

from __future__ import annotations

import atexit
import multiprocessing
import os
import signal
import tempfile
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image


@dataclass(frozen=True)
class OcrSettings:
    """How RapidOCR 3.x is run (parameter names as in the `rapidocr` package's config.yaml).

    Chosen with `bench/bench_ocr.py --repeat 3 --variants` on this 2-core machine, shared with other
    jobs (so CPU seconds compared the settings): a 3-page scan of seed text in 12 pt, the same with ruled
    rows, more blur, 1° rotation and noise, a 2-page one in 9 pt, and six pages of the corpus's scanned
    泉州 PDF (two typed by hand). Figures: CPU seconds per page on those four, one worker with one thread,
    and the character error rate (CER) against the typeset or hand-typed text. With all the values
    below: 1.03 / 0.90 / 1.24 / 1.01 s, CER 0.0081 / 0.0098 / 0.0107 / 0.0008. Before (LEGACY, two
    threads): 2.80 / 2.41 / 2.85 / 2.63 s, CER 0.0081 / 0.0380 / 0.0134 / 0.0211. Each comment gives the
    figures with that one value reverted (and, where it differed, from an earlier run under heavier load)."""

    # 200 dpi: the 泉州 scan's own resolution; the engine shrinks pages over 2000 px (its max_side_len),
    # so more costs nothing. 150 dpi: 1.00 / 0.90 / 1.20 / 1.04 s, CER 0.0081 / 0.0098 / 0.0098 / 0.0008
    # (an earlier run: 3–5% less CPU), and on 7.5 pt print drawn at 300 dpi 0.0085 against 0.0081: a tie
    # within a character a page; not taken, to keep the pixels of small table print.
    dpi: int = 200
    # The angle classifier turns text lines it judges upside down; scanned pages are upright. With the
    # default detector size it flipped and lost a whole line of the 泉州 scan (LEGACY: CER 0.0211; the
    # default detector without the classifier: 0.0008). With the other values here: 1.02 / 0.91 / 1.24 /
    # 1.02 s, same CER. Off: one way fewer to lose a line, for nothing.
    use_cls: bool = False
    # The detector's input: the page scaled so its longer side is 960 px ("max"), instead of the default
    # shorter side at least 736 px ("min", i.e. the whole 1408 x 2000 image): 1.82 / 1.74 / 2.02 / 1.81 s,
    # CER 0.0081 / 0.0161 / 0.0134 / 0.0008. 1280 px: 1.25 / 1.04 / 1.38 / 1.21 s, CER 0.0081 / 0.0098 /
    # 0.0112 / 0.0008. The recogniser still reads each line from the full-resolution page.
    det_limit_type: str = "max"
    det_limit_side_len: int = 960
    # Lines recognised one at a time: a batch is padded to its widest line. Batch 6 (the default):
    # 1.31 / 1.13 / 1.76 / 1.46 s, CER 0.0085 / 0.0103 / 0.0103 / 0.0008.
    rec_batch_num: int = 1
    # onnxruntime intra-op threads in a worker. One process with two threads: 1.20 / 1.08 / 1.47 / 1.21
    # CPU s a page, 1.62 / 1.80 / 1.34 / 1.61 pages/s, against 1.70 / 1.94 / 1.05 / 1.69 for two processes
    # with one thread each (1.05: a 2-page scan, one page a worker); under heavier load 0.43–0.59 pages/s
    # against 1.05–1.94: threads spin waiting for each other, the more so when the cores are shared.
    threads: int = 1
    # Worker processes reading the pages of one document (at most the cores, at most its pages).
    workers: int = 2

    def params(self, threads: int | None = None) -> dict[str, Any]:
        """The settings as RapidOCR(params=...) keys; `threads` overrides the intra-op thread count."""
        threads = self.threads if threads is None else threads
        p: dict[str, Any] = {
            # Its own log would print INFO lines to stderr on every run; only real errors matter to us.
            "Global.log_level": "error",
            "Global.use_cls": self.use_cls,
            "Det.limit_type": self.det_limit_type,
            "Det.limit_side_len": self.det_limit_side_len,
            "Rec.rec_batch_num": self.rec_batch_num,
        }
        if threads > 0:
            p["EngineConfig.onnxruntime.intra_op_num_threads"] = threads
            p["EngineConfig.onnxruntime.inter_op_num_threads"] = 1  # the models' graphs are sequential
        return p


SETTINGS = OcrSettings()
# How the engine ran before these measurements: RapidOCR's defaults, all cores in one process, page by page.
LEGACY = OcrSettings(dpi=200, use_cls=True, det_limit_type="min", det_limit_side_len=736, rec_batch_num=6,
                     threads=0, workers=1)
RENDER_DPI = SETTINGS.dpi
# Two boxes on one line further apart than this many line heights are separate cells (a table row):
# they are joined by a tab, which the normaliser never merges into a number as it does a space.
_CELL_GAP = 1.5


@dataclass(frozen=True)
class OcrLine:
    """One line of recognised text, with its box in image pixels and the engine's confidence.

    `confidence` is the lowest score of the boxes in the line: one doubtful box makes the line doubtful.
    """

    text: str
    confidence: float
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@dataclass(frozen=True)
class _Box:
    text: str
    score: float
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def centre(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def height(self) -> float:
        return self.bottom - self.top


@lru_cache(maxsize=1)
def available() -> bool:
    """Whether the OCR engine can be imported (it is a dependency, but a trimmed install may lack it)."""
    try:
        import rapidocr  # noqa: F401
    except ImportError:
        return False
    return True


@lru_cache(maxsize=2)
def engine(settings: OcrSettings = SETTINGS) -> Any:
    """The RapidOCR engine for `settings`, created on first use (about 1.6 s) and kept for the process.
    In a pool's worker it runs `settings.threads` threads (its pool shares the cores); in a process of
    its own, reading one image or page after page, all cores."""
    from rapidocr import RapidOCR

    return RapidOCR(params=settings.params(settings.threads if in_worker() else 0))


def in_worker() -> bool:
    """Whether this process was started by multiprocessing (a worker of check -j, ingest -j, the
    workbench, Dask or our own page pool): the cores are then its pool's to share, not this process's."""
    return multiprocessing.parent_process() is not None


def ocr_lines(image: Image.Image | np.ndarray, settings: OcrSettings | None = None) -> list[OcrLine]:
    """Recognise the text of an image (PIL image or RGB numpy array); lines in reading order."""
    import numpy as np

    arr = np.asarray(image.convert("RGB")) if hasattr(image, "convert") else np.asarray(image)
    result = engine(settings or SETTINGS)(arr)
    if result.boxes is None or result.txts is None or result.scores is None:
        return []  # nothing recognised on the image (blank page, photo)
    boxes = []
    for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        if not text.strip():
            continue
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        boxes.append(_Box(text.strip(), float(score), min(xs), min(ys), max(xs), max(ys)))
    return group_lines(without_specks(boxes))


# A mark in the margin of a scan (a punch hole, a speck of toner) read as a character or two: shorter than
# this share of the page's median box and wholly beside the text column. Kept, it joins a line as a cell or
# stands as a line of its own, and moves the right margin by which wrapped lines are joined into sentences.
_SPECK_HEIGHT = 0.6
_SPECK_CHARS = 2


def without_specks(boxes: list[_Box]) -> list[_Box]:
    """The boxes without margin specks (see _SPECK_HEIGHT): the text column is the span of the boxes of
    more than two characters; nothing inside it is dropped."""
    words = [b for b in boxes if len(b.text) > _SPECK_CHARS]
    if not words:
        return boxes
    left, right = min(b.x0 for b in words), max(b.x1 for b in words)
    median = sorted(b.height for b in boxes)[len(boxes) // 2]
    return [b for b in boxes if len(b.text) > _SPECK_CHARS or b.height >= _SPECK_HEIGHT * median
            or left <= b.x1 and b.x0 <= right]


def group_lines(boxes: list[_Box]) -> list[OcrLine]:
    """Group boxes into lines by vertical centre, top to bottom, and each line's boxes left to right."""
    lines: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: b.centre):
        if lines:
            current = lines[-1]
            # Compare with the line's mean centre and height so one tall box does not swallow the next line.
            centre = sum(b.centre for b in current) / len(current)
            height = sum(b.height for b in current) / len(current)
            if abs(box.centre - centre) <= 0.5 * min(height, box.height):
                current.append(box)
                continue
        lines.append([box])
    return [_join(sorted(line, key=lambda b: b.x0)) for line in lines]


def _join(line: list[_Box]) -> OcrLine:
    height = sum(b.height for b in line) / len(line)
    parts = [line[0].text]
    for prev, box in zip(line, line[1:], strict=False):
        parts.append("\t" if box.x0 - prev.x1 > _CELL_GAP * height else "")
        parts.append(box.text)
    return OcrLine(text="".join(parts), confidence=min(b.score for b in line),
                   x0=line[0].x0, top=min(b.top for b in line),
                   x1=max(b.x1 for b in line), bottom=max(b.bottom for b in line))


def render_page(pdf: Any, index: int, dpi: int = RENDER_DPI) -> Image.Image:
    """Render page `index` (0-based) of an open pypdfium2 PdfDocument to a PIL image at `dpi`."""
    page = pdf[index]
    try:
        return page.render(scale=dpi / 72).to_pil()
    finally:
        page.close()


PageText = tuple[int, list[OcrLine]]  # the rendered page's width in pixels, and its OCR lines


def textless_pages(pdf: Any) -> list[int]:
    """The 0-based pages of an open pypdfium2 PdfDocument that draw something but have no text: the
    pages the reader will OCR (a blank page is neither read nor OCR'd)."""
    import pypdfium2.raw as pdfium_c

    out = []
    for i in range(len(pdf)):
        page = pdf[i]
        try:
            text = page.get_textpage()
            try:
                if text.count_chars() == 0 and pdfium_c.FPDFPage_CountObjects(page) > 0:
                    out.append(i)
            finally:
                text.close()
        finally:
            page.close()
    return out


class ScanPages:
    """OCR of the textless pages of one PDF, each page once, in any order the reader asks for them.

    With two or more such pages and `settings.workers` > 1 in a process that is not itself a pool's
    worker, all of them are queued on the page pool when the first is asked for, so the workers run
    ahead of the reader; otherwise each page is rendered and read here when asked for. The bitmap of a
    page lives only while its page is read (one per worker): memory does not grow with the pages."""

    def __init__(self, data: bytes, settings: OcrSettings | None = None) -> None:
        self._data = data
        self._settings = settings or SETTINGS  # looked up now: the benchmark swaps SETTINGS for LEGACY
        self._pdf: Any = None
        self._file: str | None = None
        self._ahead: dict[int, Future[PageText]] | None = None

    def page(self, index: int) -> PageText:
        """The width and OCR lines of page `index` (0-based). Raises pypdfium2.PdfiumError when pdfium
        cannot open or render the file."""
        if self._ahead is None:
            self._ahead = self._queue(index)
        future = self._ahead.pop(index, None)
        if future is not None:
            try:
                return future.result()
            except BrokenProcessPool:  # a worker died (out of memory?): a fresh pool next time, this page here
                _drop_pool()
            except Exception:  # noqa: BLE001 - read the page here, where its error, if any, is raised as before
                pass
        return self._here(index)

    def _queue(self, first: int) -> dict[int, Future[PageText]]:
        workers = min(self._settings.workers, os.cpu_count() or 1)
        if workers < 2 or in_worker():
            return {}
        pages = [i for i in textless_pages(self._open()) if i >= first]
        if len(pages) < 2:
            return {}  # one page is read here: a pool would cost the same engine start-up and a process
        # The workers open the file themselves: each task carries a path, not the document's bytes.
        try:
            with tempfile.NamedTemporaryFile(prefix="budgetdoc-scan-", suffix=".pdf", delete=False) as f:
                self._file = f.name
                f.write(self._data)
        except OSError:
            return {}  # no room for the copy: read page after page here
        pool = _pool(self._settings, min(workers, len(pages)))
        return {i: pool.submit(_worker_page, self._file, i, self._settings.dpi) for i in pages}

    def _here(self, index: int) -> PageText:
        image = render_page(self._open(), index, self._settings.dpi)
        try:
            return image.width, ocr_lines(image, self._settings)
        finally:
            image.close()  # one page's bitmap at a time

    def _open(self) -> Any:
        if self._pdf is None:
            import pypdfium2

            self._pdf = pypdfium2.PdfDocument(self._data)
        return self._pdf

    def close(self) -> None:
        """Cancel the pages still queued (the reader stopped early) and release the document. Pages
        already running finish unseen: a worker has the file open, so removing it here is safe."""
        for future in (self._ahead or {}).values():
            future.cancel()
        self._ahead = {}
        if self._pdf is not None:
            self._pdf.close()
            self._pdf = None
        if self._file is not None:
            os.unlink(self._file)
            self._file = None


_POOL: dict[OcrSettings, ProcessPoolExecutor] = {}  # at most one: the page pool of this process


def _pool(settings: OcrSettings, workers: int) -> ProcessPoolExecutor:
    """The page pool, started on the first scan with several pages and kept for the process (as the
    engine is), so each worker loads the engine once. spawn, not fork: a forked copy of a process whose
    onnxruntime threads already exist can deadlock."""
    if settings not in _POOL:
        _drop_pool()
        _POOL[settings] = ProcessPoolExecutor(max_workers=workers, initializer=_start_worker, initargs=(settings,),
                                              mp_context=multiprocessing.get_context("spawn"))
    return _POOL[settings]


@atexit.register
def _drop_pool() -> None:
    for pool in _POOL.values():
        pool.shutdown(wait=False, cancel_futures=True)
    _POOL.clear()


_WORKER: dict[str, Any] = {}  # in a pool's worker: its settings and the document it has open


def _start_worker(settings: OcrSettings) -> None:
    # Ctrl-C is the reader's to handle; the workers' pages are cancelled by ScanPages.close().
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER["settings"] = settings
    engine(settings)  # import the engine now (its models load on the first page)


def _worker_page(path: str, index: int, dpi: int) -> PageText:
    """In a pool's worker: render and OCR one page of the PDF at `path` (kept open for its next page)."""
    import pypdfium2

    if _WORKER.get("path") != path:
        if (old := _WORKER.get("pdf")) is not None:
            old.close()
        _WORKER["pdf"], _WORKER["path"] = pypdfium2.PdfDocument(path), path
    image = render_page(_WORKER["pdf"], index, dpi)
    try:
        return image.width, ocr_lines(image, _WORKER["settings"])
    finally:
        image.close()
