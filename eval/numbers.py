"""Number normalisation measured on test cases written by others.

Runs :func:`triangulate.normalise.numbers.parse_amount` on every in-scope surface of the
Microsoft Recognizers-Text English specs and quantulum3's test sentences
(``../shared/data/numbers``), and the figure extractor on their sentences, and prints accuracy.

What is in scope is decided by the case, never by whether we pass it (see ``_in_scope_*``):
- counts (digits, separators, decimals, scale words and abbreviations, number words),
  percentages, money in a currency with an ISO code, news measurement units (length, area,
  mass, volume, speed), and ranges of those (quantulum3 gives a range its midpoint);
- out: cases marked ``NotSupported`` / ``NotSupportedByDesign``, the alternative-mode spec files,
  ordinals, ages, temperatures, fractions and ratios ("two thirds", "1/4", "one over three"),
  exponent notation ("1.1^23"), minor or historic currencies (cents, pence, francs, markka),
  units outside news use (bits, electronvolts, picometres) and quantulum3's time spans.

Usage: ``.venv/bin/python eval/numbers.py``; the CI gate calls :func:`evaluate`.
"""

from __future__ import annotations

import json
import math
import os
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from triangulate.normalise.numbers import parse_amount
from triangulate.types import Amount

# Run as a script, this file's folder leads sys.path and "numbers" would shadow the standard
# library module that numpy imports; drop the folder (imports below are all absolute).
if __name__ == "__main__":
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent]

REPO = Path(__file__).resolve().parents[1]
DATA = Path(os.environ.get("TRIANGULATE_SHARED", REPO.parent / "shared")) / "data" / "numbers"
RT_FILES = (
    "Number/NumberModel.json",
    "Number/PercentModel.json",
    "NumberWithUnit/CurrencyModel.json",
    "NumberWithUnit/DimensionModel.json",
)
RT_OUT_FILES = (
    "Number/NumberModelExperimentalMode.json",
    "Number/NumberModelPercentMode.json",
    "Number/NumberRangeModel.json",
    "Number/NumberRangeModelExperimentalMode.json",
    "Number/OrdinalModel.json",
    "Number/OrdinalModelSuppressExtendedTypes.json",
    "Number/PercentModelPercentMode.json",
    "NumberWithUnit/AgeModel.json",
    "NumberWithUnit/TemperatureModel.json",
)
QUANTULUM_FILES = ("quantities.json", "quantities.ambiguity.json")

RT_UNITS = {
    "Dollar": "USD",
    "United States dollar": "USD",
    "Pound": "GBP",
    "Euro": "EUR",
    "Japanese yen": "JPY",
    "Chinese yuan": "CNY",
    "Canadian dollar": "CAD",
    "Australian dollar": "AUD",
    "Hong Kong dollar": "HKD",
    "Swiss franc": "CHF",
    "Rupee": "INR",
    "Mexican peso": "MXN",
}
RT_DIMENSIONS = {
    "Mile": "mi",
    "Kilometer": "km",
    "Meter": "m",
    "Foot": "ft",
    "Inch": "in",
    "Kilogram": "kg",
    "Ton": "t",
    "Metric ton": "t",
    "Gallon": "gal",
    "Barrel": "bbl",
    "Acre": "acre",
    "Square meter": "m2",
    "Square kilometer": "km2",
    "Millimeter": "mm",
    "Milliliter": "ml",
    "Mile per hour": "mph",
    "Kilometer per hour": "km/h",
    "Cubic foot": "ft3",
    "Ounce": "oz",
}
QUANTULUM_UNITS = {
    "dimensionless": None,
    "percentage": "%",
    "dollar": "USD",
    "euro": "EUR",
    "pound sterling": "GBP",
    "metre": "m",
    "kilometre": "km",
    "mile": "mi",
    "foot": "ft",
    "kilogram": "kg",
    "tonne": "t",
    "pound-mass": "lb",
    "litre": "l",
    "gallon": "gal",
    "square kilometre": "km2",
    "square mile": "mi2",
    "milligram": "mg",
    "kilometre per hour": "km/h",
}
_FRACTION = re.compile(
    r"/|\^|[½⅓¼¾]|×|±|\bover\b|\bout of\b|\b(?:halves|thirds?|quarters?|fourths?|fifths?|sixths?"
    r"|eighths?|ninths?|tenths?|hundredths?|thousandths?|millionths?|trillionths?|thirtieth"
    r"|firsts?|half)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class Case:
    """One expected quantity: where it came from, its sentence and surface, value and unit."""

    source: str
    sentence: str
    surface: str
    value: float
    unit: str | None


def evaluate(with_finder: bool = True) -> dict[str, float]:
    """Accuracy of parse_amount (and the figure finder) on the in-scope cases."""
    cases, out_of_scope = _load()
    correct = [c for c in cases if _matches(parse_amount(c.surface), c)]
    result = {
        "numbers_in_scope": float(len(cases)),
        "numbers_out_of_scope": float(out_of_scope),
        "numbers_accuracy": len(correct) / len(cases) if cases else 0.0,
    }
    for source in ("recognizers", "quantulum3"):
        group = [c for c in cases if c.source == source]
        hits = [c for c in correct if c.source == source]
        result[f"numbers_accuracy_{source}"] = len(hits) / len(group) if group else 0.0
    if with_finder:
        result["numbers_finder_recall"] = _finder_recall(cases)
    return result


def failures() -> Iterator[tuple[Case, Amount | None]]:
    """The in-scope cases parse_amount gets wrong, with what it returned."""
    for case in _load()[0]:
        got = parse_amount(case.surface)
        if not _matches(got, case):
            yield case, got


def _matches(amount: Amount | None, case: Case) -> bool:
    if amount is None:
        return False
    value = amount.value
    if value is None and amount.low is not None and amount.high is not None:
        value = (amount.low + amount.high) / 2
    if value is None:
        return False
    return math.isclose(value, case.value, rel_tol=1e-6, abs_tol=1e-9) and amount.unit == case.unit


def _load() -> tuple[list[Case], int]:
    cases: list[Case] = []
    out = 0
    rt = DATA / "recognizers-text-en"
    for name in RT_OUT_FILES:
        out += sum(len(c["Results"]) or 1 for c in json.loads((rt / name).read_text("utf-8")))
    for name in RT_FILES:
        for raw in json.loads((rt / name).read_text("utf-8")):
            for result in raw["Results"]:
                case = _in_scope_recognizers(raw, result)
                if case is None:
                    out += 1
                else:
                    cases.append(case)
    for name in QUANTULUM_FILES:
        for raw in json.loads((DATA / "quantulum3" / name).read_text("utf-8")):
            for result in raw["res"]:
                case = _in_scope_quantulum(raw["req"], result)
                if case is None:
                    out += 1
                else:
                    cases.append(case)
    return cases, out


def _in_scope_recognizers(raw: dict[str, object], result: dict[str, object]) -> Case | None:
    if raw.get("NotSupported") or raw.get("NotSupportedByDesign"):
        return None
    text = str(result["Text"])
    resolution = result.get("Resolution")
    if not isinstance(resolution, dict) or resolution.get("value") in (None, ""):
        return None
    kind = result["TypeName"]
    if _FRACTION.search(text) or re.search(r"\be[+-]?\d", text):
        return None
    value_text = str(resolution["value"]).rstrip("%")
    unit: str | None
    if kind == "number":
        unit = None
    elif kind == "percentage":
        if re.match(r"^\s*per", text, re.IGNORECASE):
            return None  # "per cent of twenty-two": no news construction
        unit = "%"
    elif kind == "currency":
        unit = RT_UNITS.get(str(resolution.get("unit")))
        if unit is None or not re.search(
            r"[\d$€£¥]|dollar|euro|pound|yen|yuan|rupee|rmb", text.lower()
        ):
            return None
    elif kind == "dimension":
        unit = RT_DIMENSIONS.get(str(resolution.get("unit")))
        if unit is None:
            return None
    else:
        return None
    sentence = str(raw["Input"])
    return Case("recognizers", sentence, text, float(value_text), unit)


def _in_scope_quantulum(sentence: str, result: dict[str, object]) -> Case | None:
    unit_name = str(result["unit"])
    if unit_name not in QUANTULUM_UNITS or result.get("uncertainty"):
        return None
    surface = str(result["surface"])
    if _FRACTION.search(surface) or re.search(r"\de[+-]?\d", surface):
        return None
    value = result["value"]
    assert isinstance(value, (int, float))
    return Case("quantulum3", sentence, surface, float(value), QUANTULUM_UNITS[unit_name])


def _finder_recall(cases: list[Case]) -> float:
    """Share of in-scope quantities in real sentences that the figure extractor finds.

    Only sentences of four words or more count: a bare "1,234,567" has no context to find a
    figure in. A hit is a figure whose span overlaps the surface and whose value matches.
    """
    import datetime as dt

    from triangulate.extract.figures import extract_figures
    from triangulate.nlp.pipeline import load_nlp
    from triangulate.types import Article, InputKind

    nlp = load_nlp()
    sentences = [c for c in cases if len(c.sentence.split()) >= 4]
    texts = sorted({c.sentence for c in sentences})
    found: dict[str, list[tuple[int, int, Amount]]] = {}
    for i, doc in enumerate(nlp.pipe(texts)):
        article = Article(f"n{i}", texts[i], InputKind.TEXT, published=dt.date(2020, 1, 1))
        found[texts[i]] = [(f.start, f.end, f.amount) for f in extract_figures(doc, article)]
    hits = 0
    for case in sentences:
        start = case.sentence.lower().find(case.surface.lower())
        end = start + len(case.surface)
        hits += any(s < end and start < e and _matches(a, case) for s, e, a in found[case.sentence])
    return hits / len(sentences) if sentences else 0.0


def main() -> None:
    """Print the measured accuracy and the in-scope cases that fail."""
    scores = evaluate()
    for case, got in failures():
        print(f"FAIL {case.source}: {case.surface!r} expected {case.value} {case.unit}; got {got}")
    for key, value in scores.items():
        print(f"{key:34} {value:.3f}" if value <= 1 else f"{key:34} {value:.0f}")


if __name__ == "__main__":
    main()
