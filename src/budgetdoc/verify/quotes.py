"""Quotes for evidence: the sentence (or span of a line) that holds a figure, as the document writes it,
with the figure marked. Findings and the claim ledger quote alike."""

from __future__ import annotations

from ..extract import Mention
from ..model import Evidence
from ..structure import Line


def _sentence_start(text: str, at: int) -> int:
    return max(text.rfind(c, 0, at) for c in "。!?;") + 1


def quote_sentence(m: Mention, end: int | None = None, start: int | None = None) -> str:
    """The original text of the sentence holding a mention, from its start to the claim's end."""
    s = start if start is not None else _sentence_start(m.line.norm.text, m.start)
    e = end if end is not None else m.end
    return m.line.norm.quote(s, e)


def _mark(line: Line, start: int, end: int, mark: tuple[int, int] | None) -> tuple[int, int] | None:
    """A span of the normalized text (`mark`) as offsets in the quote of [start, end) (original text,
    stripped as NormText.quote strips it)."""
    if mark is None or not (start <= mark[0] < mark[1] <= end):
        return None
    norm = line.norm
    qa, qb = norm.orig_span(start, end)
    raw = norm.original[qa:qb]
    qa += len(raw) - len(raw.lstrip())
    ma, mb = norm.orig_span(*mark)
    raw_mark = norm.original[ma:mb]
    ma += len(raw_mark) - len(raw_mark.lstrip())
    mb -= len(raw_mark) - len(raw_mark.rstrip())
    if ma < qa or mb <= ma:
        return None
    return ma - qa, mb - qa


def evidence(m: Mention, end: int | None = None, start: int | None = None) -> Evidence:
    """The sentence of a mention (or [start, end) of its line) with the mention's figure marked."""
    s = start if start is not None else _sentence_start(m.line.norm.text, m.start)
    e = end if end is not None else m.end
    return Evidence(m.line.norm.quote(s, e), m.line.block.loc, m.line.block.confidence,
                    mark=_mark(m.line, s, e, (m.start, m.end)))


def line_evidence(line: Line, start: int, end: int, mark: tuple[int, int] | None = None) -> Evidence:
    """[start, end) of a line's normalized text; `mark` (normalized offsets) is the stated text in it."""
    return Evidence(line.norm.quote(start, end), line.block.loc, line.block.confidence,
                    mark=_mark(line, start, end, mark))


