"""Readers: one module per format, each turning a file into the same SourceDocument.

`load()` validates the path, reads the file as what its bytes are (`detect`: PDF, HTML, text,
DOCX/XLSX by the archive's parts, an image, a legacy Office file by its extension) — scrapers save
pages under the name of the file they link to — notes where that differs from the extension, and never
modifies the input. Only unreadable bytes are an InputError.
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
    if ext in convert.TARGET and sniff(data[:8]) == _LEGACY:
        return _converted(p, ext, progress)
    if ext not in READERS and ext not in convert.TARGET:
        kind = sniff(data[:8])
        hint = f"（内容看起来是{kind}）" if kind else ""
        raise InputError(f"{p}：不支持的文件类型“{ext or '无扩展名'}”{hint}；"
                         f"支持：{' '.join(supported_extensions())}")
    fmt = detect(p, ext, data)
    if fmt == "pdf" and data.count(_REPLACEMENT) * len(_REPLACEMENT) > len(data) // 20:
        # A scraper that saved the PDF as decoded text turned its binary bytes into U+FFFD: lost.
        raise InputError(f"{p}：PDF 已损坏（二进制内容被当作文本转存过，满是替换字符 U+FFFD），无法读取")
    doc = _read(p, fmt, data, progress)
    named = READERS[ext][0] if ext in READERS else ext.lstrip(".")
    if _FAMILY.get(fmt, fmt) != _FAMILY.get(named, named):
        # Scrapers save pages under the name of the file they link to: the bytes decide how it is read.
        doc.warnings.insert(0, f"扩展名为 {ext}，内容实为 {_LABEL[fmt]}，已按 {_LABEL[fmt]} 读取")
    return doc


_REPLACEMENT = "\ufffd".encode()
# Formats a file's bytes can be, as the reader names them; text and Markdown are one family.
_FAMILY = {"markdown": "text"}
_LABEL = {"pdf": "PDF", "html": "HTML", "text": "纯文本", "markdown": "纯文本", "docx": "DOCX", "xlsx": "XLSX",
          "image": "图片"}
_READER = {fmt: reader for fmt, reader in READERS.values()}
# Tags that mark a text as a web page within its first few KB; the weak ones also occur in Markdown, so
# they decide only for a file not named as text.
_HTML_MARKS = (b"<!doctype html", b"<html")
_WEAK_HTML_MARKS = (b"<head", b"<body", b"<meta", b"<div", b"<script", b"<table", b"<p>", b"<p ", b"<span",
                    b"<a href", b"<link", b"<title", b"<iframe")


def detect(p: Path, ext: str, data: bytes) -> str:
    """The reader for the file's bytes, whatever its extension says; InputError when they are
    neither a known binary format nor text."""
    kind = sniff(data[:8])
    named = READERS[ext][0] if ext in READERS else None
    if b"%PDF" in data[:1024]:  # the spec allows a little junk before the header
        return "pdf"
    if kind in ("PNG 图片", "JPEG 图片"):
        return "image"
    if kind == _ZIP:
        return _zip_format(p, data, named)
    if kind == _LEGACY:
        # Office encrypts a password-protected DOCX/XLSX into a legacy compound file.
        hint = "，或是加了密码的文件" if named in ("docx", "xlsx") else ""
        raise InputError(f"{p}：内容是{_LEGACY}{hint}；请另存为 .docx/.xlsx 或改用 .doc/.xls 扩展名")
    if not _textual(data):
        expected = f"{_LABEL.get(named or '', ext.lstrip('.').upper())} 文件"
        raise InputError(f"{p}：不是 {expected}，内容也不是可识别的格式（二进制数据）")
    head = data[:4096].lower()
    as_text = named in ("text", "markdown")
    if any(mark in head for mark in _HTML_MARKS) or (not as_text and any(m in head for m in _WEAK_HTML_MARKS)):
        return "html"
    return named if as_text and named is not None else "text"


def _textual(data: bytes) -> bool:
    """Text in some encoding: UTF-16 has its byte order mark; otherwise no NUL and few control bytes."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return True
    sample = data[:8192]
    if b"\x00" in sample:
        return False
    control = sum(1 for b in sample if b < 32 and b not in b"\t\n\r\f\v\x1b")
    return control <= len(sample) // 100


def _zip_format(p: Path, data: bytes, named: str | None) -> str:
    """DOCX or XLSX by the archive's parts; a broken archive named as one goes to that reader, which says so."""
    import io
    import zipfile

    try:
        names = set(zipfile.ZipFile(io.BytesIO(data)).namelist())
    except zipfile.BadZipFile:
        if named in ("docx", "xlsx"):
            return named
        raise InputError(f"{p}：损坏的 ZIP/Office 文件") from None
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    raise InputError(f"{p}：ZIP 压缩包，不是 DOCX/XLSX 文件")


def _read(p: Path, fmt: str, data: bytes, progress: Callable[[int, int], None] | None) -> SourceDocument:
    reader = _READER[fmt]
    doc = reader(p, data, progress) if fmt in PAGED else reader(p, data)  # type: ignore[call-arg]
    doc.format = fmt
    return doc


def _converted(p: Path, ext: str, progress: Callable[[int, int], None] | None) -> SourceDocument:
    converted, tmp = convert.convert(p)
    try:
        doc = load(converted, progress)
    finally:
        tmp.cleanup()
    doc.source, doc.format = str(p), ext.lstrip(".")
    doc.warnings.append(f"已用 LibreOffice 将 {ext} 转换后读取；位置指转换后的副本")
    return doc
