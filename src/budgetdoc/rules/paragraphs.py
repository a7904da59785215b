"""A paragraph of the narrative as one text: a PDF breaks a sentence over lines ("2025年当年预算执行数为" /
"1690.69万元", "特种专业技术用车 9" / "辆"), so rules that read a sentence whole join its lines first and map
an offset back to the line it sits on."""

from __future__ import annotations

from dataclasses import dataclass

from ..analysis import Analysis
from ..extract import Mention
from ..extract.keys import numbering_style
from ..structure import Line
from .base import in_side_section

_CLAUSE_ENDS = ",;:。、"
_SENTENCE_ENDS = "。;"


@dataclass(frozen=True)
class Placed:
    """A mention at its offset in the joined text of its paragraph."""

    pos: int
    m: Mention


@dataclass
class Paragraph:
    text: str
    placed: list[Placed]
    lines: list[tuple[int, Line]]  # each joined line with its offset in `text`

    def line_at(self, pos: int) -> tuple[Line, int]:
        """The line holding an offset, and that line's offset in the paragraph."""
        return next((ln, off) for off, ln in reversed(self.lines) if off <= pos)

    def clause_before(self, pos: int) -> str:
        """The text of the clause in front of an offset (the label of the figure there)."""
        start = max(self.text.rfind(c, 0, pos) for c in _CLAUSE_ENDS) + 1
        return self.text[start:pos]

    def sentence_start(self, pos: int) -> int:
        return max(self.text.rfind(c, 0, pos) for c in _SENTENCE_ENDS) + 1

    def sentence_end(self, pos: int) -> int:
        ends = [i for i in (self.text.find(c, pos) for c in _SENTENCE_ENDS) if i >= 0]
        return min(ends) + 1 if ends else len(self.text)


def paragraphs(a: Analysis) -> list[Paragraph]:
    """Lines joined while a sentence runs on: a line that does not end a sentence continues into the
    next, unless the next is a heading or opens a numbered item."""
    out: list[Paragraph] = []
    cur: Paragraph | None = None
    after_heading = False
    for line, ms in a.mentions:
        text = line.norm.text
        starts_new = (cur is None or line.is_heading or after_heading or cur.text.rstrip().endswith("。")
                      or numbering_style(text, a.knowledge) is not None)
        after_heading = line.is_heading
        if starts_new:
            cur = Paragraph("", [], [])
            out.append(cur)
        assert cur is not None
        off = len(cur.text)
        cur.lines.append((off, line))
        cur.text += text
        cur.placed.extend(Placed(off + m.start, m) for m in ms if not in_side_section(m))
    return out
