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

PAGED = {"pdf", "image"}  # readers that report progress page by page
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
_ZIP = "ZIP/Office 文件（DOCX/XLSX）"
_LEGACY = "旧版 Office 文件（DOC/XLS）"
MAGIC = [(b"%PDF", "PDF"), (b"PK\x03\x04", _ZIP),
         (b"\xd0\xcf\x11\xe0", _LEGACY), (b"\x89PNG", "PNG 图片"),
         (b"\xff\xd8\xff", "JPEG 图片")]


def sniff(head: bytes) -> str | None:
    for magic, name in MAGIC:
        if head.startswith(magic):
            return name
    return None


def supported_extensions() -> list[str]:
    return sorted([*READERS, *convert.TARGET])


def load(path: str | Path, progress: Callable[[int, int], None] | None = None) -> SourceDocument:
    """Read a file; `progress(done, total)` is called after each page of a PDF (or the one page of an image)."""
    p = Path(path)
    if not p.exists():
        raise InputError(f"文件不存在：{p}")
    if p.is_dir():
        raise InputError(f"{p}：是文件夹，请给出其中的文件")
    if not p.is_file():
        raise InputError(f"{p}：不是普通文件")
    size = p.stat().st_size
    if size == 0:
        raise InputError(f"{p}：文件为空")
    if size > MAX_BYTES:
        raise InputError(f"{p}：文件有 {size / 1024 / 1024:.0f} MB，超过公开文件可能的大小"
                         f"（{MAX_BYTES // 1024 // 1024} MB）")
    ext = p.suffix.lower()
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(f"{p}：无法读取（{e.strerror}）") from None
    kind = sniff(data[:8])
    if ext in convert.TARGET:
        if kind != _LEGACY:
            raise InputError(f"{p}：不是旧版 Office {ext} 文件" + (f"（内容看起来是{kind}）" if kind else ""))
        converted, tmp = convert.convert(p)
        try:
            doc = load(converted, progress)
        finally:
            tmp.cleanup()
        doc.source, doc.format = str(p), ext.lstrip(".")
        doc.warnings.append(f"已用 LibreOffice 将 {ext} 转换后读取；位置指转换后的副本")
        return doc
    if ext not in READERS:
        hint = f"（内容看起来是{kind}）" if kind else ""
        raise InputError(f"{p}：不支持的文件类型“{ext or '无扩展名'}”{hint}；"
                         f"支持：{' '.join(supported_extensions())}")
    fmt, reader = READERS[ext]
    if fmt in ("docx", "xlsx"):
        if kind != _ZIP:
            # Office encrypts a password-protected DOCX/XLSX into a legacy compound file.
            hint = "，或是加了密码的文件" if kind == _LEGACY else ""
            raise InputError(f"{p}：不是 {fmt.upper()} 文件"
                             + (f"（内容看起来是{kind}{hint}）" if kind else ""))
    elif fmt == "pdf":
        # The PDF header may follow a little junk (the spec allows it in the first 1024 bytes).
        if b"%PDF" not in data[:1024]:
            raise InputError(f"{p}：不是 PDF 文件" + (f"（内容看起来是{kind}）" if kind else ""))
    elif fmt == "image":
        expected = "PNG 图片" if ext == ".png" else "JPEG 图片"
        if kind != expected:
            raise InputError(f"{p}：不是 {expected.split()[0]} 图片"
                             + (f"（内容看起来是{kind}）" if kind else ""))
    elif kind is not None:
        raise InputError(f"{p}：扩展名表示 {fmt}，内容却像是{kind}")
    doc = reader(p, data, progress) if fmt in PAGED else reader(p, data)
    doc.format = fmt
    if not any(b.text.strip() or b.rows for b in doc.blocks):
        raise InputError(f"{p}：文件中没有文字")
    return doc
