"""extract_figures on the example story and on ECB+ news: spans, values, what is not a figure."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from triangulate.extract.figures import extract_figures
from triangulate.types import Article, Attribution, Figure, InputKind

if TYPE_CHECKING:
    from spacy.language import Language

PUBLISHED = dt.date(2023, 11, 8)


def _figures(
    nlp: Language,
    text: str,
    attributions: tuple[Attribution, ...] = (),
    published: dt.date | None = PUBLISHED,
    doc_id: str = "d",
) -> list[Figure]:
    article = Article(doc_id, text, InputKind.TEXT, published=published)
    return extract_figures(nlp(text), article, attributions)


@pytest.fixture(scope="module")
def story(nlp: Language, example_story: Path) -> dict[str, tuple[str, list[Figure]]]:
    """Each example article's text and figures."""
    result = {}
    for path in sorted(example_story.glob("*.txt")):
        text = path.read_text("utf-8")
        result[path.stem] = (text, _figures(nlp, text, doc_id=path.stem))
    return result


def test_spans_reproduce_the_text(story: dict[str, tuple[str, list[Figure]]]) -> None:
    for doc_id, (text, figures) in story.items():
        assert figures, doc_id
        for n, figure in enumerate(figures, start=1):
            assert text[figure.start : figure.end] == figure.text
            assert figure.id == f"{doc_id}:f{n}"
            assert figure.sentence_start <= figure.start < figure.end <= figure.sentence_end
        assert [f.start for f in figures] == sorted(f.start for f in figures)


def test_killed_figure_is_read_with_what_it_counts(
    story: dict[str, tuple[str, list[Figure]]],
) -> None:
    figures = [f for _, fs in story.values() for f in fs if f.text == "2,267"]
    assert len(figures) == 1
    figure = figures[0]
    assert figure.amount.value == 2267
    assert figure.counted is not None and "Pakistani" in figure.counted
    assert "killed" in figure.counted


@pytest.mark.parametrize(
    ("surface", "value", "low", "high", "qualifier", "unit"),
    [
        ("over 2,200", 2200, 2200, None, "over", None),
        ("some 2,300", 2300, None, None, "about", None),
        ("tens of thousands", None, 10_000, 99_999, None, None),
        ("hundreds of thousands", None, 100_000, 999_999, None, None),
        ("more than 327,000", 327_000, 327_000, None, "over", None),
        ("an estimated 1.7 million", 1_700_000, None, None, "estimated", None),
        ("nearly 2 million", 2_000_000, None, 2_000_000, "nearly", None),
        ("60 percent", 60, None, None, None, "%"),
        ("79%", 79, None, None, None, "%"),
    ],
)
def test_hedged_figures_keep_their_hedge(
    story: dict[str, tuple[str, list[Figure]]],
    surface: str,
    value: float | None,
    low: float | None,
    high: float | None,
    qualifier: str | None,
    unit: str | None,
) -> None:
    found = [f for _, fs in story.values() for f in fs if f.text == surface]
    assert found, surface
    amount = found[0].amount
    assert (amount.value, amount.low, amount.high, amount.qualifier, amount.unit) == (
        value,
        low,
        high,
        qualifier,
        unit,
    )


def test_no_year_or_date_is_a_figure(story: dict[str, tuple[str, list[Figure]]]) -> None:
    texts = [f.text for _, fs in story.values() for f in fs]
    assert not [t for t in texts if t in {"2021", "2022", "2007", "2023", "8", "1", "11", "40"}]


def test_percentage_changes_record_direction(
    story: dict[str, tuple[str, list[Figure]]],
) -> None:
    changes = {f.text: f for _, fs in story.values() for f in fs if f.amount.unit == "%"}
    assert changes["79%"].change == "increase"
    assert changes["79%"].counted is not None and "attacks" in changes["79%"].counted.lower()
    assert changes["60%"].change == "increase"


def test_period_gives_its_last_day_as_of(story: dict[str, tuple[str, list[Figure]]]) -> None:
    figure = next(f for _, fs in story.values() for f in fs if f.text == "79%")
    assert figure.as_of == dt.date(2023, 6, 30)
    other = next(f for _, fs in story.values() for f in fs if f.text == "2,267")
    assert other.as_of == PUBLISHED


def test_attribution_of_the_covering_sentence(nlp: Language) -> None:
    text = "Kakar said over 200,000 Afghans had left. The UN counts 1,000 more."
    said = Attribution("d", 0, 5, "Anwar ul Haq Kakar", 0, text.index(" The"), "said")
    figures = _figures(nlp, text, (said,))
    by_text = {f.text: f for f in figures}
    assert by_text["over 200,000"].attributed_to == "Anwar ul Haq Kakar"
    assert by_text["1,000"].attributed_to is None


@pytest.mark.parametrize(
    ("sentence", "expected_as_of"),
    [
        ("More than 327,000 refugees had been expelled as of November 1.", dt.date(2023, 11, 1)),
        ("Over 17,000 crossed as of November 20, a date after the article's.", PUBLISHED),
        ("Since November 1, over 200,000 Afghans have left.", PUBLISHED),
        ("Attacks rose by 79% in the first half of 2023.", dt.date(2023, 6, 30)),
        ("The deadline calls for 2 million people to leave by December 31.", PUBLISHED),
    ],
)
def test_as_of(nlp: Language, sentence: str, expected_as_of: dt.date) -> None:
    figures = _figures(nlp, sentence)
    assert len(figures) == 1
    assert figures[0].as_of == expected_as_of


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The quake, of magnitude 5.6, flattened seven villages.", "seven"),
        ("A total of 31 fire trucks arrived.", "31"),
        ("The bailout is worth $3bn, officials said.", "$3bn"),
        ("Sales doubled last year.", "doubled"),
        ("Militant attacks saw a threefold rise.", "threefold"),
        ("Around 20 more people had to be ushered to safety.", "Around 20"),
        ("It cost between $140 million and $150 million.", "between $140 million and $150 million"),
        ("They chased him at speeds up to 193km/h.", "up to 193km/h"),
        ("The 170,000-square-foot building houses law offices.", "170,000-square-foot"),
        ("Thousands joined a 24-hour general strike.", "24-hour"),
        ("Greece will receive loans over three years.", "three years"),
        ("The tremor lasted just over 10 seconds.", "just over 10 seconds"),
        # How long a stretch up to now lasted: "the past five years" measures it.
        ("He had been in its anti-gang unit for the past five years.", "five years"),
        ("He has hosted Afghan refugees for the last 40 years.", "40 years"),
        ("He fired two or three times in the air.", "two or three"),
        ("Two officers have been arrested.\nOne was charged with murder.", "One"),
        ("Between 10 and 20 people died in the blast.", "Between 10 and 20"),
        # Minutes between two moments of the story measure how long it took.
        ("She was escorted out and returned 10 minutes later with a gun.", "10 minutes"),
        ("He was outside for nine minutes before coming back.", "nine minutes"),
        # "one" counts people and charges.
        ("Police say an employee opened fire, killing one male employee.", "one"),
        ("He was charged with one count of first-degree murder.", "one"),
        # Small vague amounts count the noun they go with.
        ("He hit several cars in the parking lot.", "several"),
        ("Police stopped him a few blocks away.", "a few"),
        ("They took a couple of bowls of chips downstairs.", "a couple"),
        ("He led Portland to a pair of playoff appearances.", "a pair"),
        # The size of a body or a building, glued to the unit it is measured in.
        ("The 2,507-member People's Council was abolished.", "2,507"),
        ("The bill passed in the 300-seat Parliament.", "300"),
        ("The elections will be held on a two-party basis.", "two"),
        ("The film is based on the four-book series.", "four"),
        ("Nearly one-sixth of the league's coaches have been fired.", "Nearly one-sixth"),
        ("She had moved about a mile and a half away.", "about a mile and a half"),
        ("The Orioles offered seven years and $140-150 million.", "$140-150 million"),
        ("The forecast high is 10-20 degrees.", "10-20"),  # a range, not a tally's two sides
        ("A three-judge panel heard the appeal.", "three"),
        # Seasons count what a player or a coach did; spaCy calls them a DATE.
        ("DiLeo has spent 19 seasons with the 76ers.", "19"),
        ("Cheeks is 122-147 in three-plus seasons as head coach.", "three-plus"),
        ("Cheeks is 122-147 in three-plus seasons as head coach.", "147"),
        ("The 76ers opened 9-14, including an 88-72 setback at Cleveland.", "14"),
        ("The 76ers opened 9-14, including an 88-72 setback at Cleveland.", "72"),
        ("HEAVYWEIGHT TITLE FIGHTS\nJoe Louis 26-1\nMuhammad Ali 22-3", "26"),
        # A rate or an average written without its zero.
        ("LaSalle had a blood-alcohol level of .41, police said.", ".41"),
        # ... or its point split off by a re-tokenised text.
        ("Teixeira hit. 308 with 33 homers.", ". 308"),
        ("She had a blood alcohol content of. 09 percent.", ". 09 percent"),
        ("His career line looks like this:. 290 average,. 919 OPS.", ". 290"),
        # A duration told with an article, hedged; the sentence's full stop is not the unit's.
        ("She left rehab after less than an hour.", "less than an hour"),
        ("The starlet left it after a few minutes.", "a few minutes"),
        ("Nichols was an $80,000-a-year computer expert at UPS.", "$80,000"),
        # A multiple of something ("five times the legal limit"), not a count of occasions.
        (
            "His blood-alcohol level was more than five times the legal limit.",
            "more than five times",
        ),
    ],
)
def test_figures_found(nlp: Language, sentence: str, surface: str) -> None:
    assert surface in [f.text for f in _figures(nlp, sentence)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The TTP was founded in 2007 and is aligned with the Taliban.",
        "A 61-year-old man was arrested on November 8.",
        "The actress, 26, checked in late Thursday night.",
        "Covid-19 spread quickly, and the G7 met in 2021.",
        "The F-16 and the Boeing 737 were grounded.",
        "Call 555-1234 before 10:30 a.m. on Monday.",
        "Section 144 was imposed in the city.",
        "It was one of the worst attacks, the first in years.",
        "Six months ago the talks broke down.",
        "Two years ago, the office closed.",
        "The quake was registered at 17:06 hours local time.",
        "He wanted to learn and grow one day at a time.",
        "She returned with a .357 Magnum and opened fire.",
        "He carried a 12 gauge shotgun.",
        "He was a four-star general.",
        "A third suspect was arrested on Friday.",
        "Call 555-1234 for details.",
        "Police were called to the building at 40 East 5th Avenue.",
        "The shooting happened at 40 East Ave in Vancouver.",
        "It was an 11th-round stoppage of Tony Thompson.",
        "He hit a three-point shot.",
        "He shot the clerk with a .22 rifle.",
        "She was suspended for the second time in two months.",
        "Relatives held a vigil to mark the three-month anniversary of the shooting.",
        "Two days later, the office reopened.",
        "Day six of the Greek youth revolt brought more clashes.",
        "The talks run between 10 and 12 March.",
        "Call Crimestoppers anonymously on 0800 555 111.",
        "The fire started shortly before 9.",
        "He pulled out a. 357 revolver in East Flatbush.",
        "A. 38-caliber revolver was recovered.",
        "He was let go on Dec. 11.",
        "News spoke to one man who says he called for help.",
        "Gunfire was reported at about 3 p.m.in the area.",
        "He leaves sons, ages 6 and 16.",
        "Within a minute or two, the whole roof was ablaze.",
        "He worked as a patrol officer from 1996 to 2000.",
        "“I am tired of this,” said one young man in a helmet.",
        "http://dlisted.com/2013/05/02/lindsay-lohan-checks-out-two-minutes-later/\nLohan",
    ],
)
def test_not_figures(nlp: Language, sentence: str) -> None:
    assert _figures(nlp, sentence) == []


def test_ecbplus_spans_are_exact_and_years_excluded(nlp: Language, shared: Path) -> None:
    path = shared / "data" / "ecbplus" / "dev.jsonl"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines()[:60]]
    total = 0
    for row in rows:
        figures = _figures(nlp, row["text"], published=None, doc_id=row["id"])
        total += len(figures)
        for figure in figures:
            assert row["text"][figure.start : figure.end] == figure.text
            amount = figure.amount
            is_year = (
                amount.unit is None
                and amount.value is not None
                and (
                    figure.text.isdigit() and len(figure.text) == 4 and 1900 <= amount.value <= 2030
                )
            )
            assert not is_year, (row["id"], figure.text)
    assert total > 30


@pytest.mark.parametrize(
    ("sentence", "surface", "counted"),
    [
        # the noun with the predicate that gives it meaning, read from the parse
        (
            "More than 327,000 Afghan refugees have been expelled.",
            "More than 327,000",
            "Afghan refugees expelled",
        ),
        (
            "The WHO warned that approximately 1.3 million Afghans are expected to return to "
            "Afghanistan.",
            "approximately 1.3 million",
            "Afghans expected to return to Afghanistan",
        ),
        (
            "The deadline called for nearly 2 million Afghan refugees to leave Pakistan.",
            "nearly 2 million",
            "Afghan refugees to leave Pakistan",
        ),
        (
            "Tens of thousands of Afghans have already left the country.",
            "Tens of thousands",
            "Afghans left country",
        ),
        (
            "A group of about 200 communists stormed the Acropolis.",
            "about 200",
            "communists stormed Acropolis",
        ),
        ("The three bank workers were killed in the fire.", "three", "bank workers killed in fire"),
        # a number standing for its noun: people, or the noun of the sentence's last figure
        (
            "A strong earthquake struck southern Iran, killing at least 10 and injuring dozens.",
            "dozens",
            "people injured",
        ),
        (
            "An estimated 1.7 million Afghans live in Pakistan, with 1.4 million registered as "
            "refugees.",
            "1.4 million",
            "Afghans registered as refugees",
        ),
        ("The death toll rose to 10.", "10", "people killed"),
        ("The Focus poll of 1,000 people gave a 3.1 percent margin.", "1,000", "people surveyed"),
        ("The fire left three people dead.", "three", "people left dead"),
        ("1 dead, 2 hurt in Mich. office shooting", "2", "people hurt"),
        ("A man shot three people, killing one, before fleeing.", "one", "people killed"),
        (
            "He faces two counts of murder and one count of fleeing police.",
            "two",
            "counts of murder faced",
        ),
        # nominalised events, owners, measurements
        (
            "Pakistan expects the repatriation of an estimated 1.7 million Afghan migrants.",
            "an estimated 1.7 million",
            "Afghan migrants repatriated",
        ),
        ("The town has a population of 120,000.", "120,000", "population"),
        # an aside set off by commas is not the predicate; a level reached is its subject's
        (
            "Some 500 people, accounting for half the town, fled their homes.",
            "Some 500",
            "people fled their homes",
        ),
        ("Authorities said turnout reached 93.87 percent.", "93.87 percent", "turnout"),
        # no object the parser took from the source of the sentence
        (
            "At least a dozen employees had been celebrating when the gunman entered the party, "
            "according to Vancouver Police spokesperson Const. Tim Fanning.",
            "At least a dozen",
            "employees celebrating",
        ),
        ("The death toll hit 50 on Monday.", "50", "people killed"),
        # a count of times counts what was done
        ("He hosted the ceremony five times.", "five", "times hosted ceremony"),
        (
            "The team offered an eight-year deal worth $184 million.",
            "$184 million",
            "eight-year deal",
        ),
        (
            "The epicentre was about 58km south-west of Bandar Abbas.",
            "about 58km",
            "distance south-west of Bandar Abbas",
        ),
        (
            "A 6.4-magnitude quake hit the town of Zarand in February.",
            "6.4-magnitude",
            "quake magnitude (hit town of Zarand) in February",
        ),
    ],
)
def test_counted_phrase(nlp: Language, sentence: str, surface: str, counted: str) -> None:
    figures = {f.text: f for f in _figures(nlp, sentence)}
    assert figures[surface].counted == counted


@pytest.mark.parametrize(
    ("sentence", "surface", "counted", "change"),
    [
        (
            "There was a 60% increase in militant attacks since the Taliban returned to power in "
            "August 2021.",
            "60%",
            "militant attacks (increase) since August 2021",
            "increase",
        ),
        (
            "Terror attacks increased by 79% in the first half of 2023.",
            "79%",
            "terror attacks (increase) in the first half of 2023",
            "increase",
        ),
        (
            "There was a 500% surge in suicide bombings.",
            "500%",
            "suicide bombings (increase)",
            "increase",
        ),
        ("Greek stocks fell 5.4 per cent.", "5.4 per cent", "Greek stocks (decrease)", "decrease"),
        (
            "Afghans have been crossing the border, an average of over 17,000 each day.",
            "over 17,000",
            None,
            None,
        ),
        ("He earns 900 euros a month.", "900 euros", "earned per month", None),
    ],
)
def test_changes_and_periods_end_the_phrase(
    nlp: Language, sentence: str, surface: str, counted: str | None, change: str | None
) -> None:
    figure = {f.text: f for f in _figures(nlp, sentence)}[surface]
    assert figure.change == change
    if counted is not None:
        assert figure.counted == counted
    else:
        assert figure.counted is not None and figure.counted.endswith("per day")


def test_the_later_period_is_told_apart(story: dict[str, tuple[str, list[Figure]]]) -> None:
    """ "60% since 2021" and "79% in the first half of 2023" must not read alike."""
    phrases = {f.text: f.counted or "" for _, fs in story.values() for f in fs}
    assert "first half of 2023" in phrases["79%"]
    assert "since" in phrases["60 percent"] and "2021" in phrases["60 percent"]


def test_size_counts_the_members_of_the_whole(nlp: Language) -> None:
    figures = _figures(nlp, "The 1,000-member evangelical church burned down.")
    assert [f.counted for f in figures] == ["evangelical church members"]


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("Cleveland extended its 11-game winning streak.", "11"),
        ("The Sixers have lost in a three-game losing streak.", "three"),
    ],
)
def test_a_count_glued_to_its_unit_counts(nlp: Language, sentence: str, surface: str) -> None:
    assert [f.text for f in _figures(nlp, sentence)] == [surface]


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("More than half of the candidates come from the party.", 50.0, "%"),
        ("Among the candidates, more than half are members of the party.", 50.0, "%"),
        ("About half were destroyed in the fire.", 50.0, "%"),
        ("Half the roof at the entrance has collapsed.", 50.0, "%"),
        ("Half a million people left.", 500_000.0, None),
    ],
)
def test_a_fraction_of_something_is_a_share(
    nlp: Language, sentence: str, value: float, unit: str | None
) -> None:
    amount = _figures(nlp, sentence)[0].amount
    assert (amount.low or amount.value, amount.unit) == (value, unit)


@pytest.mark.parametrize(
    ("sentence", "unit"),
    [
        ("He earns Dh4,275 a month.", "AED"),
        # a currency sign a wrong encoding turned into "?" or U+FFFD: money, currency unknown
        ("A pensioner who earns? 900 a month.", "XXX"),
        ("Greece agreed a \ufffd\ufffd110 billion bailout.", "XXX"),
        ("Is it 900? 300 people came.", None),
    ],
)
def test_currency_of_a_sum(nlp: Language, sentence: str, unit: str | None) -> None:
    assert _figures(nlp, sentence)[-1].amount.unit == unit


@pytest.mark.parametrize(
    ("sentence", "amounts"),
    [
        ("A corner measuring 50m by 50m was alight.", [(50.0, "m"), (50.0, "m")]),
        ("The wall was 3m high.", [(3.0, "m")]),
        ("The firm raised £50m last year.", [(50e6, "GBP")]),
        ("Some 50m people watched.", [(50e6, None)]),
    ],
)
def test_a_glued_m_is_metres_where_a_size_is_told(
    nlp: Language, sentence: str, amounts: list[tuple[float, str | None]]
) -> None:
    assert [(f.amount.value, f.amount.unit) for f in _figures(nlp, sentence)] == amounts


@pytest.mark.parametrize(
    ("sentence", "sides"),
    [
        ("Cheeks was fired as coach of the 76ers, who are slumping at 9-14.", ["9", "14"]),
        ("O'Brien recorded a mark of 182-158 in Boston.", ["182", "158"]),
        ("Cleveland beat the Sixers 88-72 on Friday.", ["88", "72"]),
        ("The jury deadlocked 9-3 in favor of death.", ["9", "3"]),
        ("Klitschko improved his record to 52-3 with the win.", ["52", "3"]),
        ("Klitschko (58-3, 51 KOs) stopped Thompson.", ["58", "3", "51"]),
        ("Klitschko stopped Hasim Rahman (45-7-2) in Mannheim.", ["45", "7", "2"]),
        # no tally: a phone number, a date
        ("Call 555-1234 with information.", []),
        ("He died on 2005-06-24 at home.", []),
    ],
)
def test_tallies_are_two_figures(nlp: Language, sentence: str, sides: list[str]) -> None:
    assert [f.text for f in _figures(nlp, sentence)] == sides


def test_unit_conversion_in_brackets_counts_the_same(nlp: Language) -> None:
    figures = _figures(nlp, "The epicentre was about 58km (36 miles) south-west of Bandar Abbas.")
    assert [f.text for f in figures] == ["about 58km", "36 miles"]
    assert figures[0].counted == figures[1].counted == "distance south-west of Bandar Abbas"


@pytest.mark.parametrize(
    "sentence",
    [
        "Britain and Canada are the two countries that have announced new efforts.",
        "It marks a departure from the close relationship between the two entities.",
        "Talks between the two sides will resume.",
        "Stefanski may reach out to Jordan, as the two worked together earlier.",
        "She was 85.",
        "Esther Williams, swimming star, dies at 91",
        "She is currently dating her business partner Julien Jarmoune, 34.",
        "Tara was 100 percent professional, he said.",
        "The bomb detonated at the bank in the 2500 block of Oregon 214.",
        "Juror No. 12 spoke to reporters.",
        "In round three Klitschko was again using his left hand.",
        "He is a four-time Oscar nominee.",
        "A few said nothing.",
        "It happened a couple of days ago.",
        "Several of the victims were shot.",
    ],
)
def test_references_ages_and_labels_are_not_figures(nlp: Language, sentence: str) -> None:
    assert _figures(nlp, sentence) == []


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The three bank workers were killed in the fire.", "three"),
        ("Up to 80% of houses in the 12 worst-hit villages were destroyed.", "12"),
        ("Two jurors spoke to reporters after the verdict.", "Two"),
        ("The two women and a man were killed during the demonstrations.", "two"),
        ("Three dead after fire-bomb hits bank", "Three"),
        ("A man shot three people, killing one, before fleeing.", "one"),
        ("He faces two counts of murder and one count of fleeing police.", "one"),
    ],
)
def test_small_counts_of_victims_stay(nlp: Language, sentence: str, surface: str) -> None:
    assert surface in [f.text for f in _figures(nlp, sentence)]


@pytest.mark.parametrize(
    ("sentence", "holders"),
    [
        # the owner of an offer or a bid, a gapped subject, a bracketed gloss
        (
            "The Washington Nationals reportedly have bid $160 million over eight years, the "
            "Baltimore Orioles between $140 million and $150 million over seven years.",
            ["Washington Nationals"] * 2 + ["Baltimore Orioles"] * 3,
        ),
        (
            "The Baltimore Orioles (seven years, $140- $150 million) and Washington Nationals "
            "(eight years, $160 million) have made sizeable offers.",
            ["Baltimore Orioles"] * 2 + ["Washington Nationals"] * 2,
        ),
        ("The Los Angeles Angels have made an eight-year offer.", ["Los Angeles Angels"]),
        # an act told with other actors elsewhere has no holder, nor has a subject
        ("INS Sukanya seized six rifles and 12 magazines.", [None, None]),
        ("Five people were injured when the quake struck Qeshm.", [None]),
        ("The Qeshm quake of magnitude 5.6 hurt two villagers.", [None, None]),
    ],
)
def test_whose_figure_it_is(nlp: Language, sentence: str, holders: list[str | None]) -> None:
    assert [f.holder for f in _figures(nlp, sentence)] == holders


@pytest.mark.parametrize(
    ("sentence", "surface"),
    [
        ("The act has protected wildlife for more than three decades.", "more than three decades"),
        ("She had been out of public view for nearly half a century.", "nearly half a century"),
        ("Little is known of five decades of her life.", "five decades"),
    ],
)
def test_decades_and_centuries_are_durations(nlp: Language, sentence: str, surface: str) -> None:
    figures = _figures(nlp, sentence)
    assert [(f.text, f.amount.unit) for f in figures] == [(surface, "years")]
