"""DOCX via python-docx: body paragraphs and tables in order, located by paragraph/table index."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..errors import InputError
from ..model import Block, Cell, Location, SourceDocument, table_block


def read(path: Path, data: bytes) -> SourceDocument:
    import docx
    from docx.opc.exceptions import PackageNotFoundError
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as e:
        raise InputError(f"{path}：不是有效的 DOCX 文件（{type(e).__name__}）") from None
    blocks: list[Block] = []
    n_par = n_tab = 0
    # Resolving para.style walks the style table each time (slow); map style ids to names once.
    style_names = {s.style_id: (s.name or "") for s in document.styles}
    for child in document.element.body.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1]
        if tag == "p":
            n_par += 1
            para = Paragraph(child, document)
            text = para.text
            if not text.strip():
                continue
            style = style_names.get(child.style or "", "")
            kind = "heading" if style.lower().startswith(("heading", "title", "标题")) else "paragraph"
            # Soft line breaks inside one Word paragraph are separate lines of the source text.
            for sub in text.split("\n"):
                if sub.strip():
                    blocks.append(Block(kind, sub, Location(paragraph=n_par)))
        elif tag == "tbl":
            n_tab += 1
            blocks.append(_table(Table(child, document), n_tab))
    return SourceDocument(source=str(path), format="docx", blocks=blocks, encoding=None)


def _table(table, number: int) -> Block:
    rows: list[list[Cell]] = []
    for r, row in enumerate(table.rows, start=1):
        cells: list[Cell] = []
        seen = set()
        for c, cell in enumerate(row.cells, start=1):
            # python-docx repeats a merged cell once per grid column; keep it once, widened.
            if id(cell._tc) in seen:
                cells[-1].colspan += 1
                continue
            seen.add(id(cell._tc))
            cells.append(Cell(text=cell.text.strip(), row=r, col=c,
                              loc=Location(table=number, row=r, col=c)))
        rows.append(cells)
    return table_block(rows, Location(table=number))
