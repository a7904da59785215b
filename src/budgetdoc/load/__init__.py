"""Readers: one module per format, each turning a file into the same SourceDocument.

`load()` validates the path, picks a reader by extension (checked against the file's magic
bytes so a renamed file gets a clear message), and never modifies the input.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..errors import InputError
from ..model import SourceDocument
from . import convert, docx_reader, html_reader, image_reader, pdf_reader, text_reader, xlsx_reader

MAX_BYTES = 50 * 1024 * 1024  # a disclosure is at most a few MB; beyond this is not a disclosure

Reader = Callable[[Path, bytes], SourceDocument]

READERS: dict[str, tuple[str, Reader]] = {
    ".txt": ("text", text_reader.read),
    ".text": ("text", text_reader.read),
    ".md": ("markdown", text_reader.read),
    ".markdown": ("markdown", text_reader.read),
    ".html": ("html", html_reader.read),
    ".htm": ("html", html_reader.read),
    ".docx": ("docx", docx_reader.read),
    ".pdf": ("pdf", pdf_reader.read),
    ".xlsx": ("xlsx", xlsx_reader.read),
    ".png": ("image", image_reader.read),  # OCR (load/ocr.py)
    ".jpg": ("image", image_reader.read),
    ".jpeg": ("image", image_reader.read),
}

# Formats recognised by their first bytes, to explain a mismatch with the extension.
_ZIP = "ZIP/Office (DOCX/XLSX)"
MAGIC = [(b"%PDF", "PDF"), (b"PK\x03\x04", _ZIP),
         (b"\xd0\xcf\x11\xe0", "legacy Office (DOC/XLS)"), (b"\x89PNG", "PNG image"),
         (b"\xff\xd8\xff", "JPEG image")]


def sniff(head: bytes) -> str | None:
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    return None


def supported_extensions() -> list[str]:
    return sorted([*READERS, *convert.TARGET])


def load(path: str | Path) -> SourceDocument:
    p = Path(path)
    if not p.exists():
        raise InputError(f"{p}: no such file")
    if p.is_dir():
        raise InputError(f"{p}: is a directory; give the files inside it")
    if not p.is_file():
        raise InputError(f"{p}: not a regular file")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}: the file is empty")
    if size > MAX_BYTES:
        raise InputError(f"{p}: the file is {size / 1024 / 1024:.0f} MB, more than the "
                         f"{MAX_BYTES // 1024 // 1024} MB a disclosure can plausibly be")
    ext = p.suffix.lower()
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}: cannot be read ({e.strerror})") from None
    kind = sniff(data[:8])
    if ext in convert.TARGET:
        if kind != "legacy Office (DOC/XLS)":
            raise InputError(f"{p}: not a legacy Office {ext} file" + (f" (its content looks like {kind})" if kind else ""))
        converted, tmp = convert.convert(p)
        try:
            doc = load(converted)
        finally:
            tmp.cleanup()
        doc.source, doc.format = str(p), ext.lstrip(".")
        doc.warnings.append(f"converted from {ext} with LibreOffice; locations refer to the converted copy")
        return doc
    if ext not in READERS:
        hint = f" (its content looks like {kind})" if kind else ""
        raise InputError(f"{p}: unsupported file type '{ext or 'no extension'}'{hint}; "
                         f"supported: {', '.join(supported_extensions())}")
    fmt, reader = READERS[ext]
    if fmt in ("docx", "xlsx"):
        if kind != _ZIP:
            # Office encrypts a password-protected DOCX/XLSX into a legacy compound file.
            hint = " or a password-protected file" if kind == "legacy Office (DOC/XLS)" else ""
            article = "an" if fmt == "xlsx" else "a"
            raise InputError(f"{p}: not {article} {fmt.upper()} file"
                             + (f" (its content looks like {kind}{hint})" if kind else ""))
    elif fmt == "pdf":
        # The PDF header may follow a little junk (the spec allows it in the first 1024 bytes).
        if b"%PDF" not in data[:1024]:
            raise InputError(f"{p}: not a PDF file" + (f" (its content looks like {kind})" if kind else ""))
    elif fmt == "image":
        expected = "PNG image" if ext == ".png" else "JPEG image"
        if kind != expected:
            raise InputError(f"{p}: not a {expected.split()[0]} image"
                             + (f" (its content looks like {kind})" if kind else ""))
    elif kind is not None:
        raise InputError(f"{p}: the extension says {fmt} but the content looks like {kind}")
    doc = reader(p, data)
    doc.format = fmt
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise InputError(f"{p}: no text found in the file")
    return doc
