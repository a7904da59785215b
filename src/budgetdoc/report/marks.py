"""What the text and HTML reports share: where the stated value sits in its (original) quote, the
value as the document writes it, amounts with thousands separators, and the first few quotes of a
finding that covers many places.

Rules state values in normalised form (half-width punctuation, no thousands separators); quotes
are the original text. A value is located in the normalised quote and mapped back through the
normaliser's offset map, so the mark lands on the original characters ("（必须达到100%）" for
"(必须达到100%)"). When a finding's evidence carries `mark` (the span the rule knew), it is used as is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from ..model import Evidence, Finding
from ..normalize import normalize

SHOWN_QUOTES = 3  # a finding that covers many places shows this many quotes, then the other places
# Rules whose stated value is the first of its kind in the quote (a list's total before its parts,
# a list number at the start); for the others the claim ends the quote and the last occurrence is it.
FIRST_OCCURRENCE = {"breakdown-sum", "numbering-skip", "fact-conflict", "unit-mix"}
_DIGIT = re.compile(r"\d")


def _in_number(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] is only a piece of a longer number ("7" in "7.47", "47" in "7.47")."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    if _DIGIT.match(text[start]) and (before.isdigit() or (before == "." and start > 1 and text[start - 2].isdigit())):
        return True
    if _DIGIT.match(text[end - 1]):
        if after.isdigit():
            return True
        if after == "." and end + 1 < len(text) and text[end + 1].isdigit():
            return True
    return False


def spans(evidence: Evidence, stated: str | None, rule: str = "") -> list[tuple[int, int]]:
    """The spans of the stated value in the evidence's original quote (none when it is not there);
    a direction pair like "减少/增加" gives a span for each word."""
    mark = getattr(evidence, "mark", None)
    if mark is not None:
        return [tuple(mark)]  # type: ignore[list-item]
    quote = evidence.quote
    if not stated or not quote:
        return []
    nt = normalize(quote)
    text = nt.text
    wanted = normalize(stated).text.strip()
    needles = [wanted] if wanted and wanted in text else [s for s in wanted.split("/") if s]
    out: list[tuple[int, int]] = []
    for needle in needles:
        found = [m.start() for m in re.finditer(re.escape(needle), text)]
        whole = [i for i in found if not _in_number(text, i, i + len(needle))]
        candidates = whole or found
        if not candidates:
            continue
        i = candidates[0] if rule in FIRST_OCCURRENCE else candidates[-1]
        a, b = nt.orig_span(i, i + len(needle))
        if b > a and not any(x < b and a < y for x, y in out):
            out.append((a, b))
    return sorted(out)


def stated_as_written(f: Finding) -> str | None:
    """The stated value as the document writes it (the marked text of the first quote), else as the
    rule gives it."""
    if f.stated is None:
        return None
    wanted = _plain(f.stated)
    written = []
    for e in f.evidence:
        found = spans(e, f.stated, f.rule)
        if len(found) == 1:
            a, b = found[0]
            written.append(e.quote[a:b])
    # The quote whose marked text is the stated value (a conflict quotes the other figure first).
    return next((w for w in written if _plain(w) == wanted), written[0] if written else f.stated)


def _plain(text: str) -> str:
    return normalize(text).text.replace(" ", "").replace(",", "")


def amount(value_yuan: Decimal, unit: str | None) -> str:
    """An amount in the document's own unit with thousands separators: 3,121.42万元, 31,214,205.80元."""
    if unit == "元":
        return f"{value_yuan:,.2f}元"
    return f"{value_yuan / 10000:,.2f}万元"


def shown_evidence(f: Finding, limit: int = SHOWN_QUOTES) -> tuple[list[Evidence], list[Evidence]]:
    """The quotes to show in full and the rest (listed by location only)."""
    if len(f.evidence) <= limit + 1:  # "and 1 more place" is no shorter than the quote itself
        return f.evidence, []
    return f.evidence[:limit], f.evidence[limit:]
