"""What a normalised amount allows: its kind of quantity and the interval of values it admits.

A figure as printed is rarely a point. "some 2,300" is a rounding, "over 2,200" a floor with
an implied ceiling, "nearly 2 million" a ceiling with an implied floor, "tens of thousands" a
decade. Alignment asks whether two amounts could measure the same kind of quantity at the same
scale; verdicts ask whether all the intervals share a point. Both read the rules from here, so
a reader can check one table of assumptions:

=====================  ===================================  ==========================
wording                interval                             example
=====================  ===================================  ==========================
bare / about / some    v ± min(step / 2, 10 % of v)         some 2,300 -> [2250, 2350)
over / more than       (v, v + max(10 % of v, step, 1)]     over 2,200 -> (2200, 2420]
at least               [v, v + max(10 % of v, step, 1)]
nearly / almost        [v - 10 % of v, v)                   nearly 2m -> [1.8m, 2m)
under / at most / up   [0, v)  or [0, v]
range / vague          [low, high], or [low, next decade)   thousands -> [1000, 10000)
=====================  ===================================  ==========================

``step`` is the rounding unit the words imply ("two dozen": 12, so "more than two dozen" reaches
36), else the one the digits imply: 2,267 -> 1, 2,300 -> 100, 1.7 million ->
100,000. A bare length, area, mass, volume or speed spans at least 3 % either side: sources
convert "58 km" to "36 miles" or "35 miles", rounding after the conversion. Measurements
convert to one base unit per dimension (miles to km, °F to °C) so that "36 miles" and "about
58 km" can be compared; currencies do not convert (no rates offline).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal

from triangulate.types import Amount

__all__ = ["Interval", "base_unit", "common_point", "interval", "kind", "log_gap"]

_SLACK = 0.1  # the share of a value that "over", "nearly" and roundings are taken to span
_CONVERSION_SLACK = 0.03  # a measurement's least spread: sources convert units, then round
_CONVERTED = {"length", "area", "mass", "volume", "speed"}  # dimensions told in two systems
_REL_EPS = 1e-9

# dimension -> {unit: (factor to the base unit, offset)}; the first unit listed is the base.
_DIMENSIONS: dict[str, dict[str, tuple[float, float]]] = {
    "length": {
        "km": (1, 0),
        "m": (1e-3, 0),
        "cm": (1e-5, 0),
        "mm": (1e-6, 0),
        "mi": (1.609344, 0),
        "ft": (3.048e-4, 0),
        "in": (2.54e-5, 0),
    },
    "area": {
        "km2": (1, 0),
        "m2": (1e-6, 0),
        "mi2": (2.589988, 0),
        "ft2": (9.290304e-8, 0),
        "ha": (0.01, 0),
        "acre": (4.0468564e-3, 0),
    },
    "mass": {
        "kg": (1, 0),
        "g": (1e-3, 0),
        "mg": (1e-6, 0),
        "t": (1e3, 0),
        "lb": (0.45359237, 0),
        "oz": (0.028349523, 0),
    },
    "volume": {
        "l": (1, 0),
        "ml": (1e-3, 0),
        "gal": (3.785411784, 0),
        "bbl": (158.987295, 0),
        "ft3": (28.316846592, 0),
    },
    "temperature": {"°C": (1, 0), "°F": (5 / 9, -32 * 5 / 9)},
    "speed": {"km/h": (1, 0), "mph": (1.609344, 0)},
    "power": {"MW": (1, 0), "GW": (1e3, 0), "kW": (1e-3, 0)},
    "energy": {"MWh": (1, 0), "kWh": (1e-3, 0)},
    "duration": {
        "s": (1, 0),
        "sec": (1, 0),
        "seconds": (1, 0),
        "min": (60, 0),
        "minutes": (60, 0),
        "h": (3600, 0),
        "hours": (3600, 0),
        "days": (86400, 0),
        "weeks": (604800, 0),
        "months": (2629800, 0),
        "years": (31557600, 0),
    },
}
_UNIT_DIMENSION = {unit: dim for dim, units in _DIMENSIONS.items() for unit in units}
_CURRENCY = re.compile(r"^[A-Z]{3}$")
_CEILINGS = {"under", "at_most", "up_to"}


@dataclass(frozen=True, slots=True)
class Interval:
    """The values an amount admits, in its base unit; open ends exclude the bound itself."""

    lo: float
    hi: float
    lo_open: bool = False
    hi_open: bool = False

    def __contains__(self, x: float) -> bool:
        above = x > self.lo if self.lo_open else x >= self.lo - _eps(self.lo)
        below = x < self.hi if self.hi_open else x <= self.hi + _eps(self.hi)
        return above and below


def kind(amount: Amount) -> str:
    """The kind of quantity: count, percent, pp, money, multiplier, a dimension, or unit:X."""
    if amount.multiplier:
        return "multiplier"
    unit = amount.unit
    if unit is None:
        return "count"
    if unit in {"%", "pp"}:
        return "percent" if unit == "%" else "pp"
    if unit in _UNIT_DIMENSION:
        return _UNIT_DIMENSION[unit]
    if _CURRENCY.match(unit):
        return "money"
    return f"unit:{unit}"


def base_unit(amount: Amount) -> str:
    """The unit :func:`interval` reports in: "" for counts, the currency code for money."""
    dim = _UNIT_DIMENSION.get(amount.unit or "")
    if dim is not None:
        return next(iter(_DIMENSIONS[dim]))
    return "x" if amount.multiplier else amount.unit or ""


def interval(amount: Amount) -> Interval | None:
    """The interval of values the wording admits, in the base unit; None without a number."""
    found = _raw_interval(amount)
    if found is None:
        return None
    factor, offset = _DIMENSIONS.get(_UNIT_DIMENSION.get(amount.unit or "", ""), {}).get(
        amount.unit or "", (1.0, 0.0)
    )
    lo, hi = found.lo * factor + offset, found.hi * factor + offset
    return Interval(lo, hi, found.lo_open, found.hi_open)


def common_point(intervals: list[Interval]) -> bool:
    """Whether one value lies in every interval: the figures can all be true at once."""
    if not intervals:
        return True
    low = max(intervals, key=lambda i: (i.lo, i.lo_open))
    high = min(intervals, key=lambda i: (i.hi, not i.hi_open))
    if low.lo < high.hi - _eps(high.hi):
        return True
    touching = abs(low.lo - high.hi) <= _eps(high.hi)
    return touching and not low.lo_open and not high.hi_open


def log_gap(a: Interval, b: Interval) -> float:
    """Orders of magnitude between two intervals: 0 when they overlap.

    A ceiling with no floor ("up to 500") is taken to lie within a decade of its ceiling, so a
    bare upper bound is not counted as close to every smaller number.
    """
    a_lo, b_lo = max(a.lo, a.hi / 10), max(b.lo, b.hi / 10)
    if a.hi <= 0 or b.hi <= 0 or a_lo <= 0 or b_lo <= 0:
        return 0.0 if (a.lo <= b.hi and b.lo <= a.hi) else math.inf
    if a.hi < b_lo:
        return math.log10(b_lo / a.hi)
    if b.hi < a_lo:
        return math.log10(a_lo / b.hi)
    return 0.0


def _raw_interval(amount: Amount) -> Interval | None:
    value, low, high, qualifier = amount.value, amount.low, amount.high, amount.qualifier
    if value is None:
        if low is not None and high is not None:
            return Interval(min(low, high), max(low, high))
        if qualifier in {"over", "at_least"} and low is not None:
            value = low
        elif qualifier in {*_CEILINGS, "nearly"} and high is not None:
            value = high
        elif low is not None:  # a vague plural: "thousands" runs up to the next decade
            return (
                Interval(low, 10.0 ** (math.floor(math.log10(low)) + 1), hi_open=True)
                if low > 0
                else Interval(low, low)
            )
        elif high is not None:
            return Interval(0.0, high)
        else:
            return None
    converted = _UNIT_DIMENSION.get(amount.unit or "") in _CONVERTED
    count = amount.unit is None and not amount.multiplier
    return _hedged(value, qualifier, count, converted, amount.step)


def _hedged(
    v: float,
    qualifier: str | None,
    count: bool,
    converted: bool = False,
    step: float | None = None,
) -> Interval:
    size = abs(v)
    step = step or _step(v)
    if qualifier in {"over", "at_least"}:
        # A floor implies a ceiling not far above it, else the writer would quote a higher one;
        # a round floor reaches its next step: "more than 100 mph" holds for 120 mph.
        reach = max(_SLACK * size, step, 1.0 if count else 0.0)
        return Interval(v, v + reach, lo_open=qualifier == "over")
    if qualifier == "nearly":
        return Interval(v - _SLACK * size, v, hi_open=True)
    if qualifier in _CEILINGS:
        return Interval(min(0.0, v), v, hi_open=qualifier == "under")
    half = min(step / 2, _SLACK * size)
    if converted:  # "36 miles" and "35 miles" for one "58 km": a conversion, rounded twice
        half = max(half, _CONVERSION_SLACK * size)
    # Rounding is half-open: 5.5 rounds to six, not five, so "five" and "six" never agree.
    return Interval(v - half, v + half, hi_open=half > 0)


def _step(v: float) -> float:
    """The rounding unit the digits imply: 2267 -> 1, 2300 -> 100, 1.7e6 -> 1e5, 5.4 -> 0.1."""
    if v == 0 or not math.isfinite(v):
        return 1.0
    exponent = Decimal(f"{abs(v):.12g}").normalize().as_tuple().exponent
    return 10.0 ** int(exponent)


def _eps(x: float) -> float:
    return _REL_EPS * max(1.0, abs(x))
