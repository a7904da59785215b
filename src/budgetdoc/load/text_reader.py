"""Plain text and Markdown: one block per line, located by its 1-based line number."""

from __future__ import annotations

from pathlib import Path

from ..model import Block, Location, SourceDocument
from .encoding import decode


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    blocks = []
    # splitlines() would also split on \x0b, \x1c.. which editors do not count as lines.
    for i, line in enumerate(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), start=1):
        if line.strip():
            kind = "heading" if line.lstrip().startswith("#") else "paragraph"
            blocks.append(Block(kind=kind, text=line, loc=Location(line=i)))
    return SourceDocument(source=str(path), format="text", blocks=blocks, encoding=encoding)
