"""HTML: headings, paragraphs and <table>s in document order, located by source line.

Text is read wherever it is: in <p>/<h*>/<li>, and loose inside containers (<div>, <td>-less
<body>, <section>), with <br> separating lines, as exported or generated pages often have it.
"""

from __future__ import annotations

from pathlib import Path

import lxml.html
from lxml import etree

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument, table_block
from .encoding import decode
from .wrapping import join_cut_lines

HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
TEXT_BLOCKS = {"p", "li", "dt", "dd", "pre", "blockquote", "caption", "figcaption"} | HEADINGS
CONTAINERS = {"html", "body", "div", "section", "article", "main", "header", "footer", "nav", "aside",
              "center", "form", "ul", "ol", "dl", "figure", "fieldset", "details", "summary"}
SKIP = {"script", "style", "head", "title", "noscript", "template", "svg", "button", "select", "textarea"}


class _Lines:
    """Inline text collected for one container run, split into lines at <br>."""

    def __init__(self, line: int | None) -> None:
        self.parts: list[tuple[str, int | None]] = [("", line)]

    def add(self, text: str | None) -> None:
        if text:
            t, line = self.parts[-1]
            if not t.strip() and line is not None:
                # A line's text that starts after newlines in the source starts further down.
                line += (t + text)[: len(t + text) - len((t + text).lstrip())].count("\n") - t.count("\n")
            self.parts[-1] = (t + text, line)

    def newline(self, line: int | None) -> None:
        self.parts.append(("", line))

    def flush(self, blocks: list[Block], kind: str = "paragraph") -> None:
        for text, line in self.parts:
            if text.strip():
                blocks.append(Block(kind, " ".join(text.split()) if "\n" in text else text.strip(),  # type: ignore[arg-type]
                                    Location(line=line)))
        self.parts = [("", self.parts[-1][1])]


def read(path: Path, data: bytes) -> SourceDocument:
    text, encoding = decode(path, data)
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as e:
        raise InputError(f"{path}：无法按 HTML 读取（{e}）") from None
    blocks: list[Block] = []
    counter = [0]
    _walk(root, blocks, counter)
    return SourceDocument(source=str(path), format="html", blocks=join_cut_lines(blocks, same_line=True),
                          encoding=encoding)


def _tag(el: etree._Element) -> str:
    return el.tag.lower() if isinstance(el.tag, str) else ""


def _walk(el: etree._Element, blocks: list[Block], counter: list[int]) -> None:
    """A container: loose text and inline children form lines; block children are handled in turn."""
    run = _Lines(el.sourceline)
    run.add(el.text)
    for child in el:
        tag = _tag(child)
        if tag in SKIP or not tag:
            pass
        elif tag == "br":
            run.newline(child.sourceline)
        elif tag == "table":
            run.flush(blocks)
            # A <caption> is the table's title: a line above it, as a title printed over a table is.
            for caption in (x for x in child if _tag(x) == "caption"):
                inner = _Lines(caption.sourceline)
                _inline(caption, inner)
                inner.flush(blocks)
            counter[0] += 1
            blocks.append(_table(child, counter[0]))
        elif tag in TEXT_BLOCKS:
            run.flush(blocks)
            inner = _Lines(child.sourceline)
            _inline(child, inner)
            inner.flush(blocks, "heading" if tag in HEADINGS else "paragraph")
        elif tag in CONTAINERS:
            run.flush(blocks)
            _walk(child, blocks, counter)
        else:
            _inline(child, run)
        run.add(child.tail)
    run.flush(blocks)


def _inline(el: etree._Element, run: _Lines) -> None:
    """Text of an element read inline; <br> (and nested block tags) start a new line."""
    run.add(el.text)
    for child in el:
        tag = _tag(child)
        if tag == "br":
            run.newline(child.sourceline)
        elif tag in SKIP:
            pass
        else:
            if tag in TEXT_BLOCKS or tag in CONTAINERS:
                run.newline(child.sourceline)
            _inline(child, run)
        run.add(child.tail)


def _cell_text(td: etree._Element) -> str:
    run = _Lines(td.sourceline)
    _inline(td, run)
    return " ".join(" ".join(t.split()) for t, _ in run.parts if t.strip())


def _span(td: etree._Element, name: str) -> int:
    value = str(td.get(name, "1") or "1")
    return int(value) if value.isdigit() else 1


def _table(el: etree._Element, number: int) -> Block:
    rows: list[list[Cell]] = []
    for r, tr in enumerate((x for x in el.iter("tr") if _nearest_table(x) is el), start=1):
        cells = []
        for c, td in enumerate((x for x in tr if _tag(x) in ("td", "th")), start=1):
            cells.append(Cell(text=_cell_text(td), row=r, col=c,
                              loc=Location(line=td.sourceline, table=number, row=r, col=c),
                              rowspan=_span(td, "rowspan"), colspan=_span(td, "colspan")))
        rows.append(cells)
    return table_block(rows, Location(line=el.sourceline, table=number))


def _nearest_table(tr: etree._Element) -> etree._Element | None:
    for a in tr.iterancestors():
        if _tag(a) == "table":
            return a
    return None
