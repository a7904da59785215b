"""Prose cut at a fixed width: the lines of a PDF page, and text files that kept them (prose copied from
a PDF into a .txt, an HTML page with <br> at every printed line). One sentence must stay one block for
the rules, so the readers join a line that runs to the width without ending its sentence with the next."""

from __future__ import annotations

import re
import unicodedata

from ..model import Block

# A line that starts like this opens a new paragraph, even right under a line cut at the width.
# ("58.73%；…" is a number that went on to the next line, not an item numbered 58.)
NEW_PARAGRAPH = re.compile(r"^\s*(第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[)）]|\d+[．.、](?!\d))")
# What ends a paragraph's last line (a wrapped line ends without one of these).
ENDS = ("。", "；", ";", "：", ":", "！", "？", "!", "?")
# A line cut at the width ends mid-clause: not with a mark, and not with the unit closing an amount (an
# item per line, "人员经费489.18万元", ends there without being cut).
_CLAUSE_MARKS = "，,；;：:。"
# A page's number on a line of its own ("— 7 —", "- 7 -", "第 7 页 共 20 页"): page furniture a text
# copied from a PDF keeps between the two halves of a sentence or a table.
PAGE_NUMBER = re.compile(r"^\s*(?:[-—–─]+\s*\d{1,4}\s*[-—–─]+|第\s*\d{1,4}\s*页(?:\s*[,，/、]?\s*共\s*\d{1,4}\s*页)?)\s*$")
_WIDE_GAP = re.compile(r"(?<=\S) {3,}(?=\S)")
_THOUSANDS = re.compile(r"(?<=\d),(?=\d{3})")
_COMPLETE_END = (*ENDS, ",", "，", "、", ")", "）", "元", "%")
# What opens no sentence: a line starting so continues the line above it.
_CONTINUATION = re.compile(r"^\s*(的|地|得|了|之|，|,|、|。|；|：|）|\)|%|万元|元)")


def width(text: str) -> int:
    """Printed width: a CJK character takes two columns, an ASCII one."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def page_furniture(lines: list[str]) -> set[int]:
    """The 1-based numbers of the lines that are a page's number, and of the blank lines around one."""
    out: set[int] = set()
    for n, line in enumerate(lines):
        if PAGE_NUMBER.match(line):
            out.add(n + 1)
            for step in (-1, 1):
                k = n + step
                while 0 <= k < len(lines) and not lines[k].strip():
                    out.add(k + 1)
                    k += step
    return out


def join_cut_lines(blocks: list[Block], same_line: bool = False, furniture: set[int] | None = None) -> list[Block]:
    """The paragraph blocks of a text file (one a line, located by line number), with the lines of a file
    cut at one width joined into their paragraphs. A file is cut when at least five lines, and a third of
    the lines that reach within a fifth of its widest lines, end mid-clause there; then a line that reaches that
    width without ending its sentence goes on in the line right under it, unless that one is numbered or
    a heading. Files written a paragraph a line come back unchanged. `same_line`: the next line may be
    on the same source line (HTML, <br> between them). `furniture`: line numbers a sentence runs on over
    (a page's number and the blank lines around it)."""
    # (A line with a wide gap inside is a table's row left as text, not prose: it says nothing of the width.)
    prose = [b for b in blocks if b.kind == "paragraph" and len(b.text.strip()) >= 8 and "   " not in b.text.strip()]
    if len(prose) < 5:
        return blocks
    widths = sorted(width(b.text.strip()) for b in prose)
    full = 0.8 * widths[int(0.9 * (len(widths) - 1))]
    long = [b for b in prose if width(b.text.strip()) >= full]
    cut = [b for b in long if not b.text.rstrip().endswith(_COMPLETE_END)]
    # (Counted among the lines that reach the width: titles and short lines say nothing of a cut.)
    if len(cut) < 5 or len(cut) < len(long) / 3:
        return blocks
    out: list[Block] = []
    last: Block | None = None  # the source line the last block of `out` ends with
    for b in blocks:
        prev = out[-1] if out else None
        if prev is not None and last is not None and prev.kind == b.kind == "paragraph" \
                and b.loc.line is not None and last.loc.line is not None \
                and (b.loc.line == last.loc.line + 1 or same_line and b.loc.line == last.loc.line
                     or bool(furniture) and b.loc.line > last.loc.line + 1
                     and all(n in furniture for n in range(last.loc.line + 1, b.loc.line))) \
                and (_runs_on(last.text, full) or _goes_on(last.text, b.text)) \
                and not NEW_PARAGRAPH.match(b.text) and not _row_like(b.text):
            prev.text = prev.text.rstrip() + b.text.strip()
        else:
            out.append(b)
        last = b
    return out


def _runs_on(line: str, full: float) -> bool:
    """Does a line reach the width without ending its sentence? A colon at the width is cut there too
    ("…150384元，其中：" / "基本支出150384元，项目支出0元。"); a numbered line without a clause mark is a
    heading ("（六）关于2020年度一般公共预算财政拨款基本支出决算情况说明"), however long."""
    text = line.strip()
    if NEW_PARAGRAPH.match(text) and not any(c in text for c in _CLAUSE_MARKS) or _row_like(text):
        return False
    return bool(text) and not text.rstrip(":：").endswith(ENDS) and width(text) >= full


def _goes_on(line: str, below: str) -> bool:
    """Does the line under one that ends its sentence nowhere open with what no sentence opens with (的, a
    clause mark, a unit: "…与2024年度" / "的2,034.82万元相比，…")? Then it goes on, short of the width or not
    (a line of wide digits looks short)."""
    text = line.strip()
    return bool(text) and not text.endswith(ENDS) and not _row_like(text) and _CONTINUATION.match(below) is not None


def has_clause_mark(text: str) -> bool:
    """Does the text punctuate a clause, as a sentence does and a table's row does not? A figure's own
    comma (33,862.49) is no clause mark."""
    text = _THOUSANDS.sub("", text)
    return any(c in text for c in (*_CLAUSE_MARKS, "！", "？"))


def _row_like(line: str) -> bool:
    """A table's row left as text (three cells or more apart by wide gaps, no clause mark): no line of a
    paragraph. (One wide gap is as often a justified line of prose: "…基本支出预算       13,979.92" / "万元。")"""
    text = line.strip()
    return len(_WIDE_GAP.findall(text)) >= 2 and not has_clause_mark(text)
