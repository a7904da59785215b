"""HTML: headings, paragraphs and <table>s in document order, located by source line."""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument
from .encoding import decode

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TEXT_BLOCKS = {"p", "li", "dt", "dd", "pre", "blockquote", "caption"} | HEADINGS
SKIP = {"script", "style", "head", "title", "noscript", "template"}


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"{path}: not readable as HTML ({e})") from None
    blocks: list[Block] = []
    tables = 0
    for el in root.iter():
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP or _inside(el, SKIP | {"table"} | TEXT_BLOCKS - {tag}):
            continue
        if tag == "table":
            tables += 1
            blocks.append(_table(el, tables))
        elif tag in TEXT_BLOCKS:
            _add_text(blocks, el, "heading" if tag in HEADINGS else "paragraph")
        elif tag in {"div", "section", "article", "body", "td"} and el.text and el.text.strip():
            # Loose text directly inside a container (common in exported pages).
            blocks.append(Block("paragraph", el.text.strip(), Location(line=el.sourceline)))
    return SourceDocument(source=str(path), format="html", blocks=blocks, encoding=encoding)


def _inside(el: etree._Element, tags: set[str]) -> bool:
    return any(isinstance(a.tag, str) and a.tag in tags for a in el.iterancestors())


def _add_text(blocks: list[Block], el: etree._Element, kind: str) -> None:
    # <br> separates lines; keep them apart so each line stays a sentence group.
    parts = _text_with_breaks(el).split("\n")
    line = el.sourceline or 0
    for offset, part in enumerate(parts):
        if part.strip():
            blocks.append(Block(kind, part.strip(), Location(line=line + offset)))  # type: ignore[arg-type]


def _text_with_breaks(el: etree._Element) -> str:
    out = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag == "br":
            out.append("\n")
        else:
            out.append(_text_with_breaks(child))
        out.append(child.tail or "")
    return "".join(out)


def _table(el: etree._Element, number: int) -> Block:
    rows: list[list[Cell]] = []
    for r, tr in enumerate(el.iter("tr"), start=1):
        cells = []
        for c, td in enumerate((x for x in tr if x.tag in ("td", "th")), start=1):
            text = " ".join(_text_with_breaks(td).split())
            cells.append(Cell(text=text, row=r, col=c,
                              loc=Location(line=td.sourceline, table=number, row=r, col=c),
                              rowspan=int(td.get("rowspan", "1") or 1) if str(td.get("rowspan", "1")).isdigit() else 1,
                              colspan=int(td.get("colspan", "1") or 1) if str(td.get("colspan", "1")).isdigit() else 1))
        rows.append(cells)
    text = "\n".join("\t".join(c.text for c in row) for row in rows)
    return Block("table", text, Location(line=el.sourceline, table=number), rows=rows)
