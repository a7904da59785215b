"""An XLSX copy with each finding as a comment on its cited cells (openpyxl). A finding located on a
whole table (a range) or a row is put on the range's first cell."""

from __future__ import annotations

from pathlib import Path

from ...model import Finding
from .note import AUTHOR, note
from .summary import Summary


def annotate_xlsx(src: Path, findings: list[Finding], out: Path) -> Summary:
    from openpyxl import load_workbook
    from openpyxl.comments import Comment

    wb = load_workbook(str(src))
    summary = Summary()
    for f in findings:
        summary.findings += 1
        for e in f.evidence:
            sheet, cell = e.loc.sheet, (e.loc.cell or "").split(":")[0]
            if sheet not in wb.sheetnames or not cell:
                summary.missed.append((f, e))
                continue
            target = wb[sheet][cell]
            text = note(f, e)
            if target.comment is not None:  # two findings on one cell: one comment with both notes
                text = f"{target.comment.text}\n\n{text}"
            comment = Comment(text, AUTHOR)
            comment.width, comment.height = 360, 40 + 18 * (text.count("\n") + len(text) // 30)
            target.comment = comment
            summary.places += 1
    wb.save(str(out))
    return summary
