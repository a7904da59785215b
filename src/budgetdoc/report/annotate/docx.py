"""A DOCX copy with each finding as a Word comment anchored on the runs of its quote (python-docx):
the run where the quote starts and the one where it ends are split at the quote's boundaries, so the
comment covers the quote and nothing else. A table cell's finding is anchored on the cell's text."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from ...model import Evidence, Finding
from .note import AUTHOR, note_lines
from .summary import Summary


def annotate_docx(src: Path, findings: list[Finding], out: Path) -> Summary:
    import docx

    document = docx.Document(str(src))
    paragraphs = _body_paragraphs(document)
    summary = Summary()
    for f in findings:
        summary.findings += 1
        for e in f.evidence:
            runs = _runs_of(document, paragraphs, e)
            if not runs:
                summary.missed.append((f, e))
                continue
            lines = note_lines(f, e)
            comment = document.add_comment(runs, text=lines[0], author=AUTHOR, initials="BD")
            for line in lines[1:]:
                comment.add_paragraph(line)
            summary.places += 1
    document.save(str(out))
    return summary


def _body_paragraphs(document: Any) -> dict[int, Any]:
    """The body's paragraphs numbered as the DOCX reader numbers them (every w:p of the body, empty
    ones too, 1-based)."""
    from docx.text.paragraph import Paragraph

    out, n = {}, 0
    for child in document.element.body.iterchildren():
        if child.tag.rsplit("}", 1)[-1] == "p":
            n += 1
            out[n] = Paragraph(child, document)
    return out


def _runs_of(document: Any, paragraphs: dict[int, Any], e: Evidence) -> list[Any]:
    loc = e.loc
    if loc.table is not None and loc.row is not None and loc.col is not None:
        try:
            cell = document.tables[loc.table - 1].rows[loc.row - 1].cells[loc.col - 1]
        except IndexError:
            return []
        return next((p.runs for p in cell.paragraphs if p.runs and p.text.strip()), [])
    para = paragraphs.get(loc.paragraph) if loc.paragraph is not None else None
    if para is None or not para.runs:
        return []
    span = _find(para.text, e.quote)
    if span is None:
        return []
    return _split_runs(para, *span) or para.runs


def _find(text: str, quote: str) -> tuple[int, int] | None:
    """The quote's span in the paragraph's text, whitespace-insensitively (the reader strips lines)."""
    q = quote.strip()
    i = text.find(q)
    if i >= 0:
        return i, i + len(q)
    solid = [k for k, c in enumerate(text) if not c.isspace()]
    joined = "".join(text[k] for k in solid)
    want = "".join(q.split())
    j = joined.find(want)
    if j < 0 or not want:
        return None
    return solid[j], solid[j + len(want) - 1] + 1


def _split_runs(para: Any, start: int, end: int) -> list[Any]:
    """The runs covering [start, end) of the paragraph's text, a run split where a boundary falls
    inside it (only a run of plain text is split; one holding a tab or break is taken whole)."""
    pos = 0
    covered = []
    for run in list(para.runs):
        text = run.text
        a, b = pos, pos + len(text)
        pos = b
        if b <= start or a >= end:
            continue
        if a < start < b and _plain(run):
            run = _split(run, start - a)
            a = start
        if a < end < b and _plain(run):
            _split(run, end - a)
        covered.append(run)
    return covered


def _plain(run: Any) -> bool:
    return all(child.tag.rsplit("}", 1)[-1] in ("rPr", "t") for child in run._r)


def _split(run: Any, at: int) -> Any:
    """Split a plain run at `at`: it keeps the text before, a copy after it gets the rest (returned)."""
    from docx.text.run import Run

    text = run.text
    tail = copy.deepcopy(run._r)
    run._r.addnext(tail)
    run.text = text[:at]
    rest = Run(tail, run._parent)
    rest.text = text[at:]
    return rest
