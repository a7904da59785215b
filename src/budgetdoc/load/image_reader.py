"""PNG and JPEG images (a photographed or scanned page) via OCR: one image is one page.

Lines are located by page 1 and their OCR line number; each block carries its OCR confidence, and
a warning states the mean confidence, as for a scanned PDF page (see pdf_reader).
"""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..model import SourceDocument
from . import ocr
from .pdf_reader import image_blocks


def read(path: Path, data: bytes, progress: Callable[[int, int], None] | None = None) -> SourceDocument:
    if not ocr.available():
        raise InputError(f"{path}：图片需用 OCR 读取，需要 `rapidocr` 和 `onnxruntime` 两个包（未安装）")
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as im:
            # A phone photo is stored sideways with an EXIF note saying how to turn it: apply it.
            image = ImageOps.exif_transpose(im).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as e:
        raise InputError(f"{path}：无法读取的图片（{type(e).__name__}: {str(e)[:80]}）") from None
    blocks, _, confidences = image_blocks(image, 1)
    if progress is not None:
        progress(1, 1)
    warnings = []
    if confidences:
        mean = sum(confidences) / len(confidences)
        warnings.append(f"第1页为图片，已用 OCR 识别，OCR 平均置信度 {mean:.3f}：请对照原件核对数字")
    return SourceDocument(source=str(path), format="image", blocks=blocks, encoding=None, warnings=warnings)
