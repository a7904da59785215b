from decimal import Decimal as D

from budgetdoc.interval import Interval


def test_stated_interval_half_unit() -> None:
    i = Interval.stated(D("61.7"), 1)
    assert (i.lo, i.hi) == (D("61.65"), D("61.75"))


def test_growth_within_rounding_is_consistent() -> None:
    # domain.md: 0.95 -> +0.12 -> "增长14.41%": 0.12/0.83 = 14.46% yet consistent within rounding
    cur, change = Interval.stated(D("0.95"), 2), Interval.stated(D("0.12"), 2)
    rate = (change / (cur - change)).scale(D(100))
    assert rate.overlaps(Interval.stated(D("14.41"), 2))


def test_wrong_base_is_inconsistent() -> None:
    cur, change = Interval.stated(D("384.49"), 2), Interval.stated(D("17.05"), 2)
    rate = (change / (cur - change)).scale(D(100))
    assert not rate.overlaps(Interval.stated(D("4.43"), 2))


def test_division_by_possible_zero_is_unknown() -> None:
    assert Interval.stated(D("1"), 0) / Interval.stated(D("0"), 2) is None
