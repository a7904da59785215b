"""Which quantity a label names: quantity patterns, role words, funding scope (knowledge data)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..knowledge import Knowledge, knowledge


@dataclass(frozen=True)
class QuantityMatch:
    key: str
    also: tuple[str, ...]  # further keys the same phrase states (收、支总计)
    scoped: bool  # the key takes a funding-scope prefix (fiscal./gpb./...)
    start: int  # where the matched name starts in the label: the text before it qualifies it
    end: int = 0  # where it ends: a scope word inside the name (财政拨款支出) scopes it too


def match_quantity(label: str, k: Knowledge | None = None) -> QuantityMatch | None:
    """The quantity a label names, or None.

    The name that covers most of the label wins (三公经费财政拨款支出 is 三公经费, not 财政拨款支出);
    among names starting at the same place, the first listed in the data.
    """
    best: QuantityMatch | None = None
    for q in (k or knowledge()).quantities:
        for p in q.patterns:
            m = p.search(label)
            if m and (best is None or m.start() < best.start):
                best = QuantityMatch(q.key, q.also, q.scoped, m.start(), m.end())
    return best


def match_econ(label: str, k: Knowledge | None = None) -> str | None:
    for name in (k or knowledge()).econ_items:
        if label.endswith(name):
            return "econ." + name
    return None


def scope_in(text: str, k: Knowledge | None = None) -> str | None:
    for prefix, pattern in (k or knowledge()).scopes:
        if pattern.search(text):
            return prefix
    return None


def split_role(label: str, k: Knowledge | None = None) -> tuple[str | None, str]:
    """Strip a role word from the end of a label: ('budget', '因公出国(境)费') for '因公出国(境)费预算'."""
    for role, pattern in (k or knowledge()).roles:
        m = pattern.search(label)
        if m and m.start() < len(label):
            return role, label[: m.start()]
    return None, label


def is_bare(rest: str, k: Knowledge | None = None) -> bool:
    """Is what is left of a label after its role word only a connective (no quantity of its own)?"""
    return rest.strip(",;:、 ") in (k or knowledge()).words["connectives"]


def numbering_style(text: str, k: Knowledge | None = None) -> str | None:
    """How a list item or label is numbered (digit, paren-digit, han ...; claims.yaml numbering_styles)."""
    for name, pattern in (k or knowledge()).claims["numbering_styles"].items():
        if re.match(pattern, text):
            return name
    return None
