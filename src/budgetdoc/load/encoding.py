"""Decode text files: UTF-8 (with or without BOM), UTF-16 with BOM, GB18030/GBK, else a detector."""

from __future__ import annotations

from pathlib import Path

from ..errors import InputError


def decode(path: Path, data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Refuse binary content instead of guessing."""
    if data.startswith(b"\xef\xbb\xbf"):
        return _strict(path, data, "utf-8-sig"), "utf-8-sig"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return _strict(path, data, "utf-16"), "utf-16"
    if b"\x00" in data[:65536]:
        raise InputError(f"{path}：二进制内容，不是文本文件")
    for enc in ("utf-8", "gb18030"):
        try:
            text = data.decode(enc)
        except UnicodeDecodeError:
            continue
        _refuse_garbage(path, text)
        return text, enc
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{path}：无法确定文本编码（二进制内容？）")
    text = str(best)
    _refuse_garbage(path, text)
    return text, best.encoding


def _strict(path: Path, data: bytes, enc: str) -> str:
    try:
        text = data.decode(enc)
    except UnicodeDecodeError:
        raise InputError(f"{path}：声明为 {enc}，但不是有效的 {enc} 文本") from None
    _refuse_garbage(path, text)
    return text


def _refuse_garbage(path: Path, text: str) -> None:
    sample = text[:65536]
    control = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\f\v")
    if sample and control / len(sample) > 0.01:
        raise InputError(f"{path}：二进制内容，不是文本文件")
