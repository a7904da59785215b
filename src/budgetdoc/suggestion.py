"""The corrected wording a finding suggests: its quote with the stated figure replaced by the expected
one, written the way the document writes figures ("增长 21.95 %" → "增长 22.00 %", "3,958.67" keeps
its thousands separator), or — where no single correction follows because either of two figures may be
wrong (a text figure against a table figure) — which two figures to reconcile, with both places.

Which rules give which kind is knowledge (knowledge/report.yaml `suggestion`). The expected value is the
rule's: a rate recomputed by interval arithmetic and rounded to the stated precision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import lru_cache

from .knowledge import load_yaml
from .model import Evidence, Finding
from .normalize import normalize

_NUMBER = re.compile(r"\d[\d,，]*(?:\.\d+)?")


@dataclass(frozen=True)
class _Policy:
    replace: frozenset[str]
    reconcile: frozenset[str]
    opposite: dict[str, str]
    up: frozenset[str]
    not_a_value: re.Pattern[str]
    reconcile_two: str
    reconcile_one: str


@lru_cache(maxsize=1)
def _policy() -> _Policy:
    s = load_yaml("report.yaml")["suggestion"]
    return _Policy(frozenset(s["replace"]), frozenset(s["reconcile"]), dict(s["opposite"]), frozenset(s["up"]),
                   re.compile(s["not_a_value"]), s["reconcile_two"], s["reconcile_one"])


def with_suggestions(findings: list[Finding]) -> list[Finding]:
    """The findings, each carrying its suggestion (None where none follows)."""
    return [replace(f, suggestion=suggest(f)) for f in findings]


def suggest(f: Finding) -> str | None:
    """The suggestion of a finding: its first place's corrected quote, or the figures to reconcile."""
    return next((s for s in (suggest_at(f, e) for e in f.evidence) if s), None) if f.evidence else None


def suggest_at(f: Finding, e: Evidence) -> str | None:
    """The suggestion for one place of a finding (a grouped finding has one per place)."""
    p = _policy()
    if f.stated is None or f.expected is None or p.not_a_value.match(f.expected.strip()):
        return None
    if f.rule in p.reconcile:
        return _reconcile(f, e)
    if f.rule in p.replace:
        return corrected_quote(e, f.stated, f.expected)
    return None


def _reconcile(f: Finding, e: Evidence) -> str:
    """The two figures to reconcile, in the document's order (the first place and another one), or the
    stated figure and the figure the others give when the finding quotes one place."""
    p = _policy()
    first = f.evidence[0]
    other = next((o for o in f.evidence[1:] if _figure(o, f) != _figure(first, f) or o.loc != first.loc), None)
    if other is not None:
        a, b = (first, other) if e is first else (first, e)
        return p.reconcile_two.format(where_a=a.loc.describe(), a=_figure(a, f),
                                      where_b=b.loc.describe(), b=_figure(b, f))
    return p.reconcile_one.format(where=e.loc.describe(), stated=_figure(e, f), expected=f.expected)


def _figure(e: Evidence, f: Finding) -> str:
    """The figure a place states as the document writes it: the marked text, else whichever of the
    stated and expected values its quote holds."""
    if e.mark is not None:
        return e.quote[e.mark[0]:e.mark[1]].strip()
    quote = _plain(e.quote)
    for value in (f.stated, f.expected):
        if value and _plain(value) in quote:
            return value.strip()
    return e.quote.strip()


def corrected_quote(e: Evidence, stated: str, expected: str) -> str | None:
    """The quote with the stated figure (its marked span, or where the stated text stands) replaced by
    the expected one in the document's style; None when the stated figure cannot be found in it."""
    span = _stated_span(e, stated)
    if span is None:
        return None
    a, b = span
    marked = e.quote[a:b]
    word, value = _split_direction(expected)
    new = restyle(marked, value)
    if new is None:
        return None
    if word is not None:
        a, new = _redirect(e.quote, a, new, word)
    return e.quote[:a] + new + e.quote[b:]


def _stated_span(e: Evidence, stated: str) -> tuple[int, int] | None:
    want = _plain(stated)
    if e.mark is not None and _plain(e.quote[e.mark[0]:e.mark[1]]) == want:
        return e.mark
    nt = normalize(e.quote)
    needle = normalize(stated).text.strip()
    if not want or not needle or nt.text.count(needle) != 1:
        return None  # not there, or there twice: which one to correct is not known
    i = nt.text.find(needle)
    return nt.orig_span(i, i + len(needle))


def _plain(text: str) -> str:
    return normalize(text).text.replace(" ", "").replace(",", "")


def _split_direction(expected: str) -> tuple[str | None, str]:
    """"下降91.11%" → ("下降", "91.11%"); a value without a direction word → (None, value)."""
    m = _NUMBER.search(expected)
    head = expected[:m.start()].strip() if m else ""
    if head and head in _policy().opposite:
        return head, expected[m.start():]  # type: ignore[union-attr]
    return None, expected


def restyle(marked: str, expected: str) -> str | None:
    """The expected value written as the marked text writes its figure: its spacing, thousands
    separators and unit ("21.95 %" + "22.00%" → "22.00 %"; "3,958.67" + "4012.5" → "4,012.5")."""
    old = _NUMBER.search(marked)
    new = _NUMBER.search(expected)
    if new is None or old is None:
        return expected.strip() if _plain(marked) and new is None and old is None else None
    digits = new.group(0).replace(",", "").replace("，", "")
    if "," in old.group(0) or "，" in old.group(0):
        whole, _, frac = digits.partition(".")
        digits = f"{int(whole):,}" + (f".{frac}" if frac else "")
    suffix = marked[old.end():]
    unit = expected[new.end():]
    if _plain(unit) != _plain(suffix):
        suffix = unit
    return marked[:old.start()] + digits + suffix


def _redirect(quote: str, a: int, new: str, word: str) -> tuple[int, str]:
    """Where the expected value has a direction (下降91.11%) and the document a direction word right
    before the figure (增加17.62%): the word kept when it goes the same way, else its opposite."""
    p = _policy()
    up = word in p.up
    head = quote[:a].rstrip()
    for w in sorted(p.opposite, key=len, reverse=True):
        # the word right before the figure, or a character or two before it (增加了, 降幅为)
        start = head.rfind(w, max(len(head) - len(w) - 2, 0))
        if start < 0:
            continue
        if (w in p.up) == up:
            return a, new
        return start, p.opposite[w] + quote[start + len(w):a] + new
    return a, word + new
