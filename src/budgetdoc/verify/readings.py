"""The one decision every arithmetic rule makes: does any reading of a statement make it right?

A rule lists the readings it found (`Candidate`): the figures the statement may be held against and
the value they give, each marked `certain` when the text binds the statement to exactly those figures
(the total a share names, the two levels of the sentence it compares). `decide` holds the stated
value against every reading, within the rounding of every figure:

- one reading holds: **verified**, under that reading (recorded in the ledger);
- none holds and a certain binding exists: **contradicted**, a finding (a slip when it misses by at
  most one unit of its last digit);
- none holds and nothing is certain, or no reading can be computed (a zero base): **unverified**.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from ..interval import Interval
from ..model import ClaimStatus, Reading

Miss = Literal["slip", "miss"]

NO_READING = "未找到可与之核对的数字"
UNCERTAIN = "所依据的数字不确定，几种读法都不相符"
ZERO_BASE = "基数为0或可能为0，比率无法核对"


@dataclass(frozen=True)
class Candidate:
    """One reading of a statement: the value it should have under it (None when the reading gives
    none, as a base that may be zero), how it was read, and whether the text binds it with certainty."""

    expected: Interval | None
    reading: Reading
    certain: bool = False
    point: Decimal | None = None  # the value from the figures as written (what a message states as 应为)


@dataclass(frozen=True)
class Decision:
    status: ClaimStatus
    candidate: Candidate | None = None  # verified: the reading that holds; contradicted: the binding
    miss: Miss | None = None  # contradicted: a last-digit slip or a wrong figure
    reason: str | None = None  # unverified: why

    @property
    def reading(self) -> Reading | None:
        return self.candidate.reading if self.candidate is not None else None


def holds(value: Decimal, decimals: int, expected: Interval) -> bool:
    return Interval.stated(value, decimals).overlaps(expected)


def miss_of(value: Decimal, decimals: int, expected: Interval) -> Miss:
    """A slip when the stated figure misses the expected values by at most one unit of its last digit."""
    return "slip" if expected.gap(value) <= Decimal(1).scaleb(-decimals) else "miss"


def decide(value: Decimal, decimals: int, candidates: Iterable[Candidate]) -> Decision:
    """The statement `value` (stated with `decimals` digits, signed as the readings are) against its
    readings, in the order the rule found them (the likeliest first)."""
    cands = list(candidates)
    usable = [c for c in cands if c.expected is not None]
    for c in usable:
        if holds(value, decimals, c.expected):  # type: ignore[arg-type]
            return Decision("verified", c)
    certain = [c for c in cands if c.certain]
    if certain and certain[0].expected is not None:
        c = certain[0]
        return Decision("contradicted", c, miss_of(value, decimals, c.expected))
    if certain or (cands and not usable):
        return Decision("unverified", usable[0] if usable else None, reason=ZERO_BASE)
    if not usable:
        return Decision("unverified", reason=NO_READING)
    return Decision("unverified", usable[0], miss_of(value, decimals, usable[0].expected),  # type: ignore[arg-type]
                    reason=UNCERTAIN)
