"""Normalise a numeric expression as news writes it into an :class:`~triangulate.types.Amount`.

Pure string work, no spaCy: the figure extractor finds the span, this module reads it.
It understands digits with separators ("2,267", "1 234 567"), scale words and abbreviations
("1.7 million", "$3bn", "1.7m", "13 lakh"), spelled-out numbers ("two hundred and six"),
percentages, currencies (ISO codes), common measurement units, ranges ("between 10 and 20",
"10-20"), vague amounts with bounds ("tens of thousands"), multipliers ("doubled",
"a threefold rise") and hedges ("over", "nearly", "an estimated", "up to").

>>> parse_amount("over 2,200")
Amount(value=2200.0, low=2200.0, high=None, qualifier='over', unit=None, multiplier=False)
>>> parse_amount("tens of thousands")
Amount(value=None, low=10000.0, high=99999.0, qualifier=None, unit=None, multiplier=False)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from triangulate.types import Amount

__all__ = ["QUALIFIERS", "parse_amount"]

# Hedge wording -> normalised qualifier. Longest phrases are tried first (see _QUALIFIER_RE).
QUALIFIERS: dict[str, str] = {
    "more than": "over",
    "over": "over",
    "above": "over",
    "in excess of": "over",
    "upwards of": "over",
    "upward of": "over",
    "well over": "over",
    "just over": "over",
    "greater than": "over",
    "larger than": "over",
    "higher than": "over",
    "exceeding": "over",
    "under": "under",
    "fewer than": "under",
    "less than": "under",
    "below": "under",
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "some": "about",
    "circa": "about",
    "an estimated": "estimated",
    "estimated": "estimated",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "at least": "at_least",
    "no fewer than": "at_least",
    "no less than": "at_least",
    "at most": "at_most",
    "no more than": "at_most",
    "within": "at_most",
    "up to": "up_to",
    "as many as": "up_to",
    "as much as": "up_to",
}
_QUALIFIER_RE = re.compile(
    r"^(" + "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True)) + r")\s+"
)
_SUFFIX_QUALIFIERS = {"or more": "at_least", "plus": "over", "+": "over", "or so": "about"}

_UNITS_WORDS = tuple(
    [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ]
)
_SMALL: dict[str, float] = {w: float(i) for i, w in enumerate(_UNITS_WORDS)}
_SMALL.update({"nought": 0.0, "naught": 0.0, "nil": 0.0})
_TENS: dict[str, float] = {
    w: float(10 * i)
    for i, w in enumerate(
        ("_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
    )
    if w != "_"
}
_SCALES: dict[str, float] = {
    "thousand": 1e3,
    "k": 1e3,
    "million": 1e6,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "mil": 1e6,
    "mm": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "bln": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "tln": 1e12,
    "t": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "lac": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}

_CURRENCY_PREFIX: dict[str, str] = {
    "us$": "USD",
    "u.s.$": "USD",
    "u.s$": "USD",
    "$": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "nz$": "NZD",
    "mex$": "MXN",
    "s$": "SGD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "元": "CNY",
    "₩": "KRW",
    "₽": "RUB",
    "₺": "TRY",
    "rs": "INR",
    "rs.": "INR",
    "dh": "AED",  # UAE dirham, as Gulf papers write it: "Dh4,275"
    "dhs": "AED",
}
_ISO_CODES = tuple(
    [
        "usd",
        "eur",
        "gbp",
        "jpy",
        "cny",
        "inr",
        "pkr",
        "bdt",
        "lkr",
        "npr",
        "afn",
        "irr",
        "aed",
        "sar",
        "cad",
        "aud",
        "hkd",
        "chf",
        "rub",
        "try",
        "krw",
        "mxn",
        "brl",
        "zar",
        "ngn",
        "egp",
        "kes",
        "sgd",
        "nzd",
    ]
)
_CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "american dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rmb": "CNY",
    "rupee": "INR",
    "rupees": "INR",
    "indian rupees": "INR",
    "pakistani rupees": "PKR",
    "pakistan rupees": "PKR",
    "sri lankan rupees": "LKR",
    "nepalese rupees": "NPR",
    "afghanis": "AFN",
    "taka": "BDT",
    "rials": "IRR",
    "riyals": "SAR",
    "dirhams": "AED",
    "canadian dollars": "CAD",
    "australian dollars": "AUD",
    "hong kong dollars": "HKD",
    "swiss francs": "CHF",
    "roubles": "RUB",
    "rubles": "RUB",
    "lira": "TRY",
    "won": "KRW",
    "pesos": "MXN",
    "reais": "BRL",
    "rand": "ZAR",
    "naira": "NGN",
    "shillings": "KES",
}
_CURRENCY_WORDS.update({code: code.upper() for code in _ISO_CODES})
_DURATIONS = {"second": "s", "minute": "min", "hour": "h", "day": "days", "week": "weeks"}
_DURATIONS |= {"month": "months", "year": "years"}
_MEASURE_UNITS: dict[str, str] = {
    "km": "km",
    "kms": "km",
    "kilometre": "km",
    "kilometres": "km",
    "kilometer": "km",
    "kilometers": "km",
    "metre": "m",
    "metres": "m",
    "meter": "m",
    "meters": "m",
    "cm": "cm",
    "mm": "mm",
    "mile": "mi",
    "miles": "mi",
    "mi": "mi",
    "foot": "ft",
    "feet": "ft",
    "ft": "ft",
    "inch": "in",
    "inches": "in",
    "kg": "kg",
    "kgs": "kg",
    "kilogram": "kg",
    "kilograms": "kg",
    "kilo": "kg",
    "kilos": "kg",
    "t": "t",
    "g": "g",
    "gram": "g",
    "grams": "g",
    "mg": "mg",
    "milligram": "mg",
    "milligrams": "mg",
    "tonne": "t",
    "tonnes": "t",
    "ton": "t",
    "tons": "t",
    "metric tons": "t",
    "metric tonnes": "t",
    "lb": "lb",
    "lbs": "lb",
    "pound": "lb",
    "pounds": "lb",
    "ounce": "oz",
    "ounces": "oz",
    "oz": "oz",
    "litre": "l",
    "litres": "l",
    "liter": "l",
    "liters": "l",
    "ml": "ml",
    "gallon": "gal",
    "gallons": "gal",
    "barrel": "bbl",
    "barrels": "bbl",
    "acre": "acre",
    "acres": "acre",
    "hectare": "ha",
    "hectares": "ha",
    "ha": "ha",
    "sq km": "km2",
    "km2": "km2",
    "km squared": "km2",
    "square km": "km2",
    "m": "m",
    "square kilometres": "km2",
    "square kilometers": "km2",
    "square miles": "mi2",
    "sq mi": "mi2",
    "square metres": "m2",
    "square metre": "m2",
    "square meter": "m2",
    "sq m": "m2",
    "square feet": "ft2",
    "square foot": "ft2",
    "sq ft": "ft2",
    "square mile": "mi2",
    "square meters": "m2",
    "m2": "m2",
    "cubic feet": "ft3",
    "magnitude": "magnitude",
    "mph": "mph",
    "miles an hour": "mph",
    "miles per hour": "mph",
    "km/h": "km/h",
    "kph": "km/h",
    "kmph": "km/h",
    "kilometres per hour": "km/h",
    "kilometers per hour": "km/h",
    "°c": "°C",
    "degrees celsius": "°C",
    "degrees c": "°C",
    "°f": "°F",
    "degrees fahrenheit": "°F",
    "degrees f": "°F",
    "mw": "MW",
    "gw": "GW",
    "kw": "kW",
    "megawatts": "MW",
    "gigawatts": "GW",
    "kwh": "kWh",
    "mwh": "MWh",
    # durations: "a 24-hour strike", "loans over three years", "just over 10 seconds"
    **{f"{unit}{plural}": symbol for unit, symbol in _DURATIONS.items() for plural in ("", "s")},
}
_PERCENT_WORDS = {
    "%": "%",
    "percent": "%",
    "per cent": "%",
    "pc": "%",
    "pct": "%",
    "percentage": "%",
    "percents": "%",
    "percentage points": "pp",
    "percentage point": "pp",
}
_SUFFIX_UNITS: dict[str, str] = {**_MEASURE_UNITS, **_CURRENCY_WORDS, **_PERCENT_WORDS}
_SUFFIX_UNIT_RE = re.compile(
    r"(?:^|\s)("
    + "|".join(re.escape(u) for u in sorted(_SUFFIX_UNITS, key=len, reverse=True))
    + r")$"
)
_GLUED_UNIT_RE = re.compile(
    r"(?<=\d)(%|°[cf]|km2|m2|km/h|km|kms|kmph|kg|kgs|lbs|lb|mm|cm|ml|mi|mph|kph|mw|gw|kwh|t)$"
)
_PREFIX_UNIT_RE = re.compile(
    r"^("
    + "|".join(
        re.escape(u) for u in sorted([*_CURRENCY_PREFIX, *_ISO_CODES], key=len, reverse=True)
    )
    + r")(?![a-z])\s*"
)

_MULTIPLIER_VERBS: dict[str, float] = {
    "double": 2,
    "doubled": 2,
    "doubling": 2,
    "doubles": 2,
    "triple": 3,
    "tripled": 3,
    "tripling": 3,
    "triples": 3,
    "trebled": 3,
    "quadrupled": 4,
    "quadrupling": 4,
    "quintupled": 5,
    "halved": 0.5,
    "halving": 0.5,
}
_FOLD_RE = re.compile(
    r"^(?:an? )?(.+?)\s?-?\s?(?:fold|times)(?: (?:rise|increase|jump|surge|"
    r"growth|drop|fall|decline|more|higher|as many|as much))?$"
)

# Vague amounts. A bare plural ("thousands") spans its own order of magnitude (1,000-9,999:
# a writer with 40,000 in mind says "tens of thousands"); "tens of"/"hundreds of" give the
# decade below the next order of magnitude. "dozens" stops below a hundred.
_VAGUE_PLURAL: dict[str, float] = {
    "dozens": 24.0,
    "scores": 40.0,
    "hundreds": 100.0,
    "thousands": 1e3,
    "millions": 1e6,
    "billions": 1e9,
    "trillions": 1e12,
}
_VAGUE_FEW: dict[str, tuple[float, float]] = {
    "several": (3.0, 9.0),
    "a few": (2.0, 9.0),
    "a couple of": (2.0, 2.0),
    "a couple": (2.0, 2.0),
    "a pair": (2.0, 2.0),
    "many": (2.0, 9.0),
    "a handful of": (3.0, 9.0),
    "a handful": (3.0, 9.0),
}
_VAGUE_RE = re.compile(
    r"^(?:(?P<decade>tens|hundreds) of (?P<of>thousands|millions|billions)"
    r"|(?P<plural>dozens|scores|hundreds|thousands|millions|billions|trillions)"
    r"|(?P<few>several|a few|many|a couple of|a couple|a pair|a handful of|a handful)"
    r"(?: (?P<scale>dozen|hundred|thousand|million|billion))?)"
    r"(?: of (?P<unit>[a-z$€£ .]+)| (?P<measure>[a-z°]+(?: [a-z]+)?))?$"
)
# Counted in dozens, a number rounds to the dozen: "two dozen" may stand for anything to 36.
_DOZEN = re.compile(r"\bdozen\b")
_DOZEN_STEP = 12.0
# Decades and centuries are years counted in tens and hundreds ("five decades" = 50 years).
_LONG_SPAN_RE = re.compile(r"^(.+?) (decades?|century|centuries)$")
_LONG_SPAN_COUNTS = {"a": 1.0, "one": 1.0, "half a": 0.5, "a half": 0.5}
_DIGITS_RE = re.compile(r"^\d+(?:,\d{3})+(?:\.\d+)?$|^\d*\.\d+$|^\d+$|^\d+,\d{1,2}$")
_SCI_RE = re.compile(r"^\d+(?:\.\d+)?e[+-]?\d+$")
_TOKEN_RE = re.compile(
    r"\d+(?:\.\d+)?e[+-]?\d+(?![a-z])|\d[\d,]*(?:\.\d+)?|\.\d+|[a-z]+\.(?=\s*[$\d])|"
    r"[a-z]+|[$€£¥₹₩₽₺%°+]|-"
)
_A_NUMBER = {"hundred", "thousand", "million", "billion", "dozen", "half", "quarter", "lakh"}
_MAJOR_MINOR_RE = re.compile(
    r"^(.+? (?:dollars?|euros?|pounds?)) (and )?(.+?)(?: cents?| pence| p)?$"
)
_RANGE_SEPARATORS = re.compile(r"\s*(?:-|\bto\b|\bor\b)\s*")


@dataclass(frozen=True, slots=True)
class _Core:
    """A single number as read: its value, unit and whether a scale word was used."""

    value: float
    unit: str | None
    scaled: bool


_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5}
_DENOMINATORS = {
    "third": 3,
    "quarter": 4,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "eighth": 8,
    "tenth": 10,
}
_FRACTION_RE = re.compile(
    r"^(an?|one|two|three|four|five) (thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)$"
)


def parse_amount(text: str, *, rupee: str = "INR") -> Amount | None:
    """Read a numeric expression ("some 2,300", "$3bn", "10-20%") into an Amount, or None.

    ``rupee`` is the ISO code that a bare "Rs" or "rupees" stands for (the extractor passes
    "PKR" for a story about Pakistan).
    """
    s = _normalise(text)
    if not s:
        return None
    qualifier = None
    if m := _QUALIFIER_RE.match(s):
        qualifier, s = QUALIFIERS[m.group(1)], s[m.end() :]
    for suffix, suffix_qualifier in _SUFFIX_QUALIFIERS.items():
        if qualifier is None and s.endswith(suffix) and len(s) > len(suffix):
            qualifier, s = suffix_qualifier, s[: -len(suffix)].rstrip(" -")
    amount = _parse_unhedged(s, rupee)
    if amount is None:
        return None
    if amount.unit in {"INR", "rupee"} and rupee != "INR":
        amount = replace(amount, unit=rupee)
    if amount.value is not None and _DOZEN.search(s):
        amount = replace(amount, step=_DOZEN_STEP)  # "more than two dozen" reaches 36
    return _hedge(amount, qualifier) if qualifier else amount


_HALF_AFTER = re.compile(r"\b(an?|one|two|three|four|five|\d+) ([a-z]+) and a half$")


def _half_after(m: re.Match[str]) -> str:
    number = "one" if m.group(1) in {"a", "an"} else m.group(1)
    return f"{number} and a half {m.group(2)}"


def _normalise(text: str) -> str:
    s = text.lower().strip()
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"[\s\u00a0\u202f\u2009]+", " ", s)
    # "1 234 567": spaces as thousands separators, only in groups of exactly three digits.
    s = re.sub(r"\b\d{1,3}(?: \d{3})+\b", lambda m: m.group(0).replace(" ", ""), s)
    s = re.sub(r"(?<=[a-z\d])\s?-\s?(?=[a-z])|(?<=[a-z])(?<!\de)\s?-\s?(?=\d)", " ", s)
    s = re.sub(r"(?<=[a-z]),(?= )", "", s).replace(" & ", " and ")
    # "a mile and a half" -> "one and a half mile": the half told after the unit.
    s = _HALF_AFTER.sub(_half_after, s)
    s = re.sub(r"\s*[(\[{<]\s*([a-z]+)\s*[)\]}>]$", r" \1", s)  # "20 (kg)"
    if m := re.fullmatch(r"\(\s*([$€£][\d.,]+)\s*\)", s):
        s = f"{m.group(1)[0]}-{m.group(1)[1:]}"  # accounts write a loss in brackets: "($99.99)"
    if m := re.fullmatch(r"(-?)([\d.,]+)\s*([€£$¥元])", s):
        s = f"{m.group(3)}{m.group(1)}{m.group(2)}"  # "-15€", "100元": the symbol after
    s = re.sub(r"(?<=[$€£¥₹]) (?=\d)", "", s)
    s = re.sub(r"\bu\.s\.? ?\$", "us$", s)
    s = re.sub(r"\b(us|c|ca|a|au|hk|nz|mex|s) \$", r"\1$", s)
    return s.strip(" ,;:!?()[]{}\"'").rstrip(".")


def _parse_unhedged(s: str, rupee: str) -> Amount | None:
    if m := _FRACTION_RE.match(s):  # "two-thirds", "a third", "one-sixth"
        return Amount(_tidy(_NUMERATORS[m.group(1)] / _DENOMINATORS[m.group(2).rstrip("s")]))
    if m := _VAGUE_RE.match(s):
        return _vague(m, rupee)
    if m := _LONG_SPAN_RE.match(s):
        return _long_span(m.group(1), m.group(2))
    if multiplier := _multiplier(s):
        return multiplier
    if m := _MAJOR_MINOR_RE.match(s):
        major, minor = _parse_core(m.group(1)), _parse_core(m.group(3))
        if (
            major is not None
            and minor is not None
            and major.unit
            and minor.unit is None  # "900 euros a month" is a rate, not 900.01
            and 0 <= minor.value < 100
        ):
            return Amount(_tidy(major.value + minor.value / 100), unit=major.unit)
    if m := re.match(r"^(?:between|from) (.+?) (?:and|to) (.+)$", s):
        return _range(m.group(1), m.group(2))
    core = _parse_core(s)
    if core is not None:
        return Amount(core.value, unit=core.unit)
    for sep in _RANGE_SEPARATORS.finditer(s):
        if sep.start() > 0 and (found := _range(s[: sep.start()], s[sep.end() :])):
            return found
    return None


def _long_span(count: str, span: str) -> Amount | None:
    """ "three decades", "half a century": years, as durations are told elsewhere."""
    value = _LONG_SPAN_COUNTS.get(count)
    if value is None:
        core = _parse_core(count)
        if core is None or core.unit is not None:
            return None
        value = core.value
    return Amount(_tidy(value * (10 if span.startswith("decade") else 100)), unit="years")


def _range(left_text: str, right_text: str) -> Amount | None:
    right = _parse_core(right_text)
    left = _parse_core(left_text)
    if left is None or right is None:
        return None
    low = left.value
    # "10 to 20 million": the scale written once covers both ends, unless the left end
    # already is the larger order ("500,000 to 2 million").
    if right.scaled and not left.scaled:
        scale = _trailing_scale(right_text)
        if scale and low * scale <= right.value:
            low *= scale
    if low >= right.value or (left.unit and right.unit and left.unit != right.unit):
        return None
    return Amount(None, low=low, high=right.value, unit=right.unit or left.unit)


def _trailing_scale(text: str) -> float | None:
    words = [t for t in _TOKEN_RE.findall(text) if t in _SCALES]
    return _SCALES[words[-1]] if words else None


def _hedge(amount: Amount, qualifier: str) -> Amount:
    v = amount.value
    if v is None:
        return replace(amount, qualifier=qualifier)
    if qualifier in {"over", "at_least"}:
        return replace(amount, qualifier=qualifier, low=v)
    if qualifier in {"under", "nearly", "at_most", "up_to"}:
        return replace(amount, qualifier=qualifier, high=v)
    return replace(amount, qualifier=qualifier)


def _vague(m: re.Match[str], rupee: str) -> Amount | None:
    unit = None
    if written := m.group("unit") or m.group("measure"):  # "of dollars", "a few feet"
        unit = _CURRENCY_WORDS.get(written.strip()) or _MEASURE_UNITS.get(written.strip())
        if unit is None:
            return None
        unit = rupee if unit == "INR" else unit
    if m.group("decade"):
        base = 10.0 if m.group("decade") == "tens" else 100.0
        scale = _VAGUE_PLURAL[m.group("of")]
        return Amount(None, low=base * scale, high=base * scale * 10 - 1, unit=unit)
    if m.group("plural"):
        low = _VAGUE_PLURAL[m.group("plural")]
        # "dozens" and "scores" stop short of a hundred, where "hundreds" take over.
        high = 99.0 if m.group("plural") in {"dozens", "scores"} else low * 10 - 1
        return Amount(None, low=low, high=high, unit=unit)
    few_low, few_high = _VAGUE_FEW[m.group("few")]
    scale_word = m.group("scale") or ""
    scale = {"dozen": 12.0, "hundred": 1e2}.get(scale_word) or _SCALES.get(scale_word, 1.0)
    if few_low == few_high:  # "a couple": two, loosely; "a pair": two
        exact = m.group("few") == "a pair"
        return Amount(few_low * scale, qualifier=None if exact else "about", unit=unit)
    high = few_high * scale if scale in {1.0, 12.0} else scale * 10 - 1
    return Amount(None, low=few_low * scale, high=high, unit=unit)


def _multiplier(s: str) -> Amount | None:
    if s in _MULTIPLIER_VERBS:
        return Amount(float(_MULTIPLIER_VERBS[s]), multiplier=True)
    m = _FOLD_RE.match(s)
    if m is None:
        return None
    core = _parse_core(m.group(1))
    if core is None or core.unit is not None:
        return None
    return Amount(core.value, multiplier=True)


def _parse_core(s: str) -> _Core | None:
    """A single number with an optional sign, currency prefix and unit suffix."""
    s = s.strip(" ,").rstrip("-").strip()
    unit = None
    if m := _PREFIX_UNIT_RE.match(s):
        unit = _CURRENCY_PREFIX.get(m.group(1)) or m.group(1).upper()
        s = s[m.end() :].strip()
    negative = False
    if m := re.match(r"^(?:minus |negative |-\s*)", s):
        negative, s = True, s[m.end() :]
    if m := re.match(r"^(?:magnitude|mag\.?) (?=\d)", s):
        unit, s = "magnitude", s[m.end() :]
    if unit is None and ((m := _SUFFIX_UNIT_RE.search(s)) or (m := _GLUED_UNIT_RE.search(s))):
        word = m.group(1)
        unit = _SUFFIX_UNITS[word]
        s = s[: m.start()].strip()
        # "20 million pounds" is money; "25 pounds" a weight.
        if word in {"pound", "pounds"} and re.search(r"(?:million|billion|bn|m)$", s):
            unit = "GBP"
    if unit is not None and s in {"a", "an"}:
        return _Core(1.0, unit, False)  # "a gallon"
    tokens = _TOKEN_RE.findall(s)
    if "".join(tokens) != s.replace(" ", ""):
        return None  # something the number grammar does not know: not a number
    parsed = _words_to_number(tokens)
    if parsed is None:
        return None
    value, scaled = parsed
    return _Core(-value if negative else value, unit, scaled)


def _digits(token: str) -> float | None:
    if _SCI_RE.match(token):
        return float(token)
    if not _DIGITS_RE.match(token):
        return None
    if re.match(r"^\d+,\d{1,2}$", token):  # "5,00", "1,3": a decimal comma
        return float(token.replace(",", "."))
    return float(token.replace(",", ""))


def _word_value(token: str) -> float | None:
    return _SMALL.get(token, _TENS.get(token))


def _decimal_words(tokens: list[str]) -> str | None:
    """The digits after "point": "zero three" -> "03", "seventy-one" -> "71"."""
    digits = ""
    i = 0
    while i < len(tokens):
        value = _word_value(tokens[i])
        if value is None:
            return None
        nxt = _word_value(tokens[i + 1]) if i + 1 < len(tokens) else None
        if tokens[i] in _TENS and nxt is not None and 0 < nxt < 10:
            value, i = value + nxt, i + 1
        digits += str(int(value))
        i += 1
    return digits or None


def _words_to_number(tokens: list[str]) -> tuple[float, bool] | None:
    """Accumulate digits and number words ("two hundred and six", "1.7 m") into a value.

    Returns the value and whether a scale word ("million", "bn", "lakh") was used.
    """
    total, current, scaled, last_scale, previous = 0.0, None, False, 0.0, ""
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
        word = _word_value(tok)
        digit = _digits(tok)
        if tok in {"a", "an"} and previous == "" and nxt in _A_NUMBER:
            if nxt not in {"half", "quarter"}:
                current = 1.0  # "a hundred", "a dozen"; "a half" is read at "half"
        elif tok == "and":
            if previous in {"", "and"} or not nxt:
                return None
            if nxt in {"a", "one"} and tokens[i + 2 : i + 3] in (["half"], ["quarter"]):
                fraction = 0.5 if tokens[i + 2] == "half" else 0.25
                if current is None:
                    total += fraction * last_scale
                else:
                    current += fraction
                i, previous = i + 3, "fraction"
                continue
        elif tok in {"half", "quarter"} and current is None:
            current = 0.5 if tok == "half" else 0.25
            if nxt == "a":  # "half a million"
                i += 1
        elif digit is not None or word is not None:
            number = digit if digit is not None else word
            assert number is not None
            if current is None or previous == "hundred":
                current = (current or 0.0) + number
            elif previous == "and" and current % 100 == 0 and number < 100:
                current += number  # "three hundred and six"; "45 and 50" are two numbers
            elif previous in _TENS and word is not None and 0 < word < 10:
                current += word  # "fifty two"
            else:
                return None  # two bare numbers side by side are two numbers
        elif tok == "point" and current is not None:
            decimals = _decimal_words(tokens[i + 1 :])
            if decimals is None:
                return None
            return _tidy(total + current + float("0." + decimals)), scaled
        elif tok == "hundred":
            current = (current if current is not None else 1.0) * 100
        elif tok in {"dozen", "dozens", "dz", "dzs", "doz", "dozs"}:
            current = (current if current is not None else 1.0) * 12
        elif tok in _SCALES and (current is not None or previous in _SCALES):
            scale = _SCALES[tok]
            if current is None:
                total *= scale  # "three lakh crore"
            else:
                total += current * scale
            current, scaled, last_scale = None, True, scale
        else:
            return None
        previous = tok
        i += 1
    if current is None and not scaled:
        return None
    return _tidy(total + (current or 0.0)), scaled


def _tidy(value: float) -> float:
    """Drop binary noise from scaling ("16.4 million" is 16400000, not 16399999.999999998)."""
    return float(f"{value:.12g}")
