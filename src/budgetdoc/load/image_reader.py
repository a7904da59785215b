"""PNG and JPEG images (a photographed or scanned page) via OCR: one image is one page.

Lines are located by page 1 and their OCR line number; each block carries its OCR confidence, and
a warning states the mean confidence, as for a scanned PDF page (see pdf_reader).
"""

from __future__ import annotations

import io
from pathlib import Path

from ..errors import InputError
from ..model import SourceDocument
from . import ocr
from .pdf_reader import image_blocks


def read(path: Path, data: bytes) -> SourceDocument:
    if not ocr.available():
        raise InputError(f"{path}: images are read by OCR, which needs the `rapidocr` and `onnxruntime` "
                         f"packages; they are not installed")
    from PIL import Image, ImageOps

    try:
        with Image.open(io.BytesIO(data)) as im:
            # A phone photo is stored sideways with an EXIF note saying how to turn it: apply it.
            image = ImageOps.exif_transpose(im).convert("RGB")
    except (OSError, ValueError, Image.DecompressionBombError) as e:
        raise InputError(f"{path}: not a readable image ({type(e).__name__}: {str(e)[:80]})") from None
    blocks, _, confidences = image_blocks(image, 1)
    warnings = []
    if confidences:
        mean = sum(confidences) / len(confidences)
        warnings.append(f"page 1 read by OCR (an image); mean OCR confidence {mean:.3f}: "
                        f"check figures against the original")
    return SourceDocument(source=str(path), format="image", blocks=blocks, encoding=None, warnings=warnings)
