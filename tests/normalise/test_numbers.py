"""parse_amount on real news wording: values, bounds, hedges, units, multipliers."""

from __future__ import annotations

import pytest

from triangulate.normalise.numbers import parse_amount
from triangulate.types import Amount

A = Amount

CASES = [
    # digits, separators, decimals
    ("2,267", A(2267.0)),
    ("203,639", A(203639.0)),
    ("1.7", A(1.7)),
    ("40 000", A(40000.0)),
    (".08", A(0.08)),
    # scale words and abbreviations
    ("1.7 million", A(1_700_000.0)),
    ("1.7m", A(1_700_000.0)),
    ("2.5 billion", A(2.5e9)),
    ("$3bn", A(3e9, unit="USD")),
    ("€40m", A(40e6, unit="EUR")),
    ("Dh472.72bn", A(472.72e9, unit="AED")),
    ("£1.2 trillion", A(1.2e12, unit="GBP")),
    ("$48.2 million", A(48.2e6, unit="USD")),
    ("US$ 150 million", A(150e6, unit="USD")),
    ("c $ 16.4 million", A(16.4e6, unit="CAD")),
    ("13 lakh", A(1.3e6)),
    ("6 crore and two hundred", A(60_000_200.0)),
    ("10k", A(10_000.0)),
    # spelled-out numbers
    ("fifteen", A(15.0)),
    ("two hundred", A(200.0)),
    ("sixty-four", A(64.0)),
    ("a dozen", A(12.0, step=12.0)),
    ("half a million", A(500_000.0)),
    ("one hundred and sixty-one", A(161.0)),
    ("two thousand and two hundred", A(2200.0)),
    ("one and a half million", A(1_500_000.0)),
    ("three million and a half", A(3_500_000.0)),
    # percentages
    ("60%", A(60.0, unit="%")),
    ("60 percent", A(60.0, unit="%")),
    ("60 per cent", A(60.0, unit="%")),
    ("5.4 per cent", A(5.4, unit="%")),
    ("twenty percent", A(20.0, unit="%")),
    ("2 percentage points", A(2.0, unit="pp")),
    # ranges
    ("between 10 and 20", A(None, low=10.0, high=20.0)),
    ("10-20", A(None, low=10.0, high=20.0)),
    ("10 to 20", A(None, low=10.0, high=20.0)),
    ("10 to 20 million", A(None, low=10e6, high=20e6)),
    ("500,000 to 2 million", A(None, low=500_000.0, high=2e6)),
    ("$140 million to $160 million", A(None, low=140e6, high=160e6, unit="USD")),
    ("between $140 and $150 million", A(None, low=140e6, high=150e6, unit="USD")),
    ("two or three", A(None, low=2.0, high=3.0)),
    ("up to 5,000", A(5000.0, high=5000.0, qualifier="up_to")),
    ("within 10 days", A(10.0, high=10.0, qualifier="at_most", unit="days")),
    # vague amounts
    ("tens of thousands", A(None, low=10_000.0, high=99_999.0)),
    ("hundreds of thousands", A(None, low=100_000.0, high=999_999.0)),
    ("tens of millions of dollars", A(None, low=10e6, high=99_999_999.0, unit="USD")),
    ("thousands", A(None, low=1000.0, high=9999.0)),
    ("Hundreds", A(None, low=100.0, high=999.0)),
    ("millions", A(None, low=1e6, high=9999999.0)),
    ("dozens", A(None, low=24.0, high=99.0)),
    ("scores", A(None, low=40.0, high=99.0)),
    ("a few feet", A(None, low=2.0, high=9.0, unit="ft")),
    ("dozens of miles", A(None, low=24.0, high=99.0, unit="mi")),
    ("a couple of hours", A(2.0, qualifier="about", unit="h")),
    # decades and centuries are years
    ("more than three decades", A(30.0, low=30.0, qualifier="over", unit="years")),
    ("nearly half a century", A(50.0, high=50.0, qualifier="nearly", unit="years")),
    ("several hundred", A(None, low=300.0, high=999.0)),
    ("a few thousand", A(None, low=2000.0, high=9999.0)),
    ("a handful", A(None, low=3.0, high=9.0)),
    ("a couple of", A(2.0, qualifier="about")),
    # multipliers
    ("doubled", A(2.0, multiplier=True)),
    ("tripled", A(3.0, multiplier=True)),
    ("a threefold rise", A(3.0, multiplier=True)),
    ("tenfold", A(10.0, multiplier=True)),
    ("2.5-fold", A(2.5, multiplier=True)),
    ("halved", A(0.5, multiplier=True)),
    # qualifiers and their bounds
    ("over 2,200", A(2200.0, low=2200.0, qualifier="over")),
    ("Over 400,000", A(400_000.0, low=400_000.0, qualifier="over")),
    ("more than 327,000", A(327_000.0, low=327_000.0, qualifier="over")),
    ("in excess of $160 million", A(160e6, low=160e6, qualifier="over", unit="USD")),
    ("upwards of 300", A(300.0, low=300.0, qualifier="over")),
    ("200,000-plus", A(200_000.0, low=200_000.0, qualifier="over")),
    ("fewer than 26", A(26.0, high=26.0, qualifier="under")),
    ("less than 1,000 euros", A(1000.0, high=1000.0, qualifier="under", unit="EUR")),
    ("below 5%", A(5.0, high=5.0, qualifier="under", unit="%")),
    ("some 2,300", A(2300.0, qualifier="about")),
    ("about 32 million", A(32e6, qualifier="about")),
    ("roughly $22 million", A(22e6, qualifier="about", unit="USD")),
    ("approximately 1.3 million", A(1.3e6, qualifier="about")),
    ("nearly 2 million", A(2e6, high=2e6, qualifier="nearly")),
    ("almost $10 million", A(10e6, high=10e6, qualifier="nearly", unit="USD")),
    ("close to 500", A(500.0, high=500.0, qualifier="nearly")),
    ("just under 5,000", A(5000.0, high=5000.0, qualifier="nearly")),
    ("at least three", A(3.0, low=3.0, qualifier="at_least")),
    ("no fewer than 40", A(40.0, low=40.0, qualifier="at_least")),
    ("no more than 10", A(10.0, high=10.0, qualifier="at_most")),
    ("an estimated 1.7 million", A(1.7e6, qualifier="estimated")),
    ("more than two dozen", A(24.0, low=24.0, qualifier="over", step=12.0)),
    # currencies and measurement units
    ("35 lakh rupees", A(3.5e6, unit="INR")),
    ("Rs 5bn", A(5e9, unit="INR")),
    ("PKR 2 billion", A(2e9, unit="PKR")),
    ("323 million euros", A(323e6, unit="EUR")),
    ("361 million pounds", A(361e6, unit="GBP")),
    ("450,000 yen", A(450_000.0, unit="JPY")),
    ("100 billion yuan", A(100e9, unit="CNY")),
    ("$ 12,345", A(12_345.0, unit="USD")),
    ("5.6 magnitude", A(5.6, unit="magnitude")),
    ("magnitude 5.6", A(5.6, unit="magnitude")),
    ("6.1-magnitude", A(6.1, unit="magnitude")),
    ("about 25 miles", A(25.0, qualifier="about", unit="mi")),
    ("1,500,000 kilometres", A(1.5e6, unit="km")),
    ("10km", A(10.0, unit="km")),
    ("16,000 metric tons", A(16_000.0, unit="t")),
    ("25 pounds", A(25.0, unit="lb")),
    ("5,000 gallons", A(5000.0, unit="gal")),
    ("about 8.7 acres", A(8.7, qualifier="about", unit="acre")),
    ("30°C", A(30.0, unit="°C")),
    ("190 km2", A(190.0, unit="km2")),
    ("193km/h", A(193.0, unit="km/h")),
    ("120 miles an hour", A(120.0, unit="mph")),
    ("170,000-square-foot", A(170_000.0, unit="ft2")),
    ("15,800-square-metre", A(15_800.0, unit="m2")),
    ("three-quarters", A(0.75)),
    ("a pair", A(2.0)),
    ("a third", A(0.333333333333)),
    ("a mile and a half", A(1.5, unit="mi")),
    ("an hour and a half", A(1.5, unit="h")),
]


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0] for c in CASES])
def test_parse_amount(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "the",
        "Covid",
        "52-3",
        "2013-14",
        "1, 234, 567",
        "45 and 50",
        "a few people",
        "manifold",
        "three-nought-four",
        "forty deg celsius",
        "20 to 10",
    ],
)
def test_not_one_amount(text: str) -> None:
    assert parse_amount(text) is None


def test_rupee_follows_the_story() -> None:
    assert parse_amount("Rs 500 million", rupee="PKR") == A(500e6, unit="PKR")
    assert parse_amount("2 billion rupees", rupee="PKR") == A(2e9, unit="PKR")


def test_scaled_decimals_are_exact() -> None:
    amount = parse_amount("$16.4 million")
    assert amount is not None and amount.value == 16_400_000.0
