"""OCR for pages without a text layer and for images: RapidOCR (PP-OCR models shipped inside the
`rapidocr` wheel) on onnxruntime, so nothing is downloaded at run time.

The engine takes ~1.6 s to start, so it is created on first use and cached for the process.
`ocr_lines()` turns the engine's text boxes into lines in reading order: boxes whose vertical
centres lie within about half a box height of each other are one line, ordered left to right, so
a sentence the detector split into several boxes comes back as one line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from PIL import Image

RENDER_DPI = 200  # enough for 10–12 pt CJK text; the engine scales larger images down to 2000 px anyway
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


@lru_cache(maxsize=1)
def engine() -> Any:
    """The shared RapidOCR engine, created on first use (about 1.6 s) and kept for the process."""
    from rapidocr import RapidOCR

    # Its own log would print INFO lines to stderr on every run; only real errors matter to us.
    return RapidOCR(params={"Global.log_level": "error"})


def ocr_lines(image: Image.Image | np.ndarray) -> list[OcrLine]:
    """Recognise the text of an image (PIL image or RGB numpy array); lines in reading order."""
    import numpy as np

    arr = np.asarray(image.convert("RGB")) if hasattr(image, "convert") else np.asarray(image)
    result = engine()(arr)
    if result.boxes is None or result.txts is None or result.scores is None:
        return []  # nothing recognised on the image (blank page, photo)
    boxes = []
    for quad, text, score in zip(result.boxes, result.txts, result.scores, strict=True):
        if not text.strip():
            continue
        xs, ys = [float(p[0]) for p in quad], [float(p[1]) for p in quad]
        boxes.append(_Box(text.strip(), float(score), min(xs), min(ys), max(xs), max(ys)))
    return group_lines(boxes)


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
