"""One stated number: its value, the digits it was stated with, its unit, and where it was stated.

The money scale (元 per 万元 …) lives here and nowhere else; an amount's rounding interval (x ± half a
unit of its last digit, interval.py) in its own unit and in yuan is computed here.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from .interval import Interval
from .model import Fact, Location

# Yuan per unit. 万 alone is how a clause sometimes ends ("增加5.2万，"); it means 万元.
MONEY_SCALE: dict[str, Decimal] = {"亿元": Decimal(100000000), "万元": Decimal(10000), "万": Decimal(10000),
                                   "千元": Decimal(1000),
                                   "元": Decimal(1)}


def money_scale(unit: str | None) -> Decimal:
    """Yuan per unit of a money unit (10000 for 万元); 1 for anything that is not money (%)."""
    return MONEY_SCALE.get(unit or "", Decimal(1))


def money_unit(unit: str) -> str:
    """The unit as a document names its money unit: 万 and 万元 are both 万元."""
    return "万元" if unit == "万" else unit


@dataclass(frozen=True)
class Amount:
    value: Decimal  # as stated, in `unit`
    decimals: int  # digits after the point as stated: the rounding of the figure
    unit: str  # 万元 / 元 / 亿元 / % (万 as written)
    loc: Location | None = None
    quote: str = ""  # the number and its unit as they stand in the text or cell

    @staticmethod
    def of_fact(fact: Fact) -> Amount:
        """A fact's amount as stated (its digits and unit; 2 decimals of 元 when the reader kept none)."""
        unit = fact.unit or "元"
        decimals = fact.decimals if fact.decimals is not None else 2
        return Amount(fact.value_yuan / money_scale(unit), decimals, unit, fact.loc, fact.stated)

    @property
    def is_percent(self) -> bool:
        return self.unit == "%"

    @property
    def scale(self) -> Decimal:
        """Yuan per unit of this amount (10000 for 万元)."""
        return money_scale(self.unit)

    @property
    def interval(self) -> Interval:
        """The values the stated digits stand for, in the stated unit."""
        return Interval.stated(self.value, self.decimals)

    @property
    def yuan(self) -> Interval:
        """The amount in yuan, as an interval (rounding of the stated digits kept)."""
        return self.interval.scale(self.scale)

    @property
    def value_yuan(self) -> Decimal:
        return self.value * self.scale

    @property
    def last_digit_yuan(self) -> Decimal:
        """One unit of the stated last digit, in yuan (100 for 221.33万元)."""
        return Decimal(1).scaleb(-self.decimals) * self.scale
