"""Rounding-aware numbers: a stated figure with d decimals means the interval x ± 0.5·10⁻ᵈ.

A claim is inconsistent only when no choice of values inside the intervals satisfies it
(domain.md, "Rounding"). Every check compares intervals built here, so no rule re-invents
tolerance.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

ZERO = Decimal(0)


@dataclass(frozen=True)
class Interval:
    lo: Decimal
    hi: Decimal

    @staticmethod
    def stated(value: Decimal, decimals: int) -> Interval:
        half = Decimal(5) * Decimal(10) ** (-(decimals + 1))
        return Interval(value - half, value + half)

    @staticmethod
    def exact(value: Decimal) -> Interval:
        return Interval(value, value)

    @property
    def mid(self) -> Decimal:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, k: Decimal) -> Interval:
        a, b = self.lo * k, self.hi * k
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def __truediv__(self, other: Interval) -> Interval | None:
        """None when the divisor may be zero: the ratio is then unbounded and nothing can be said."""
        if other.contains_zero():
            return None
        q = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        return Interval(min(q), max(q))

    def overlaps(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def gap(self, point: Decimal) -> Decimal:
        """How far a point lies outside this interval (0 when inside)."""
        if point < self.lo:
            return self.lo - point
        if point > self.hi:
            return point - self.hi
        return ZERO


def interval_sum(parts: list[Interval]) -> Interval:
    total = Interval.exact(ZERO)
    for p in parts:
        total = total + p
    return total
