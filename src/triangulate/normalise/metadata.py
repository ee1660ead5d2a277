"""Settle an article's metadata: title, outlet, bylines and date, from what the text hides.

Real plain-text articles carry their metadata in the body: a repeated headline, an agency
dateline ("Islamabad [Pakistan], November 7 :"), a sign-off ("(Reporting by …; Editing by …)"),
a stray header ("date 2023-11-07", "Update: 2023-11-20 23:14 GMT") or a source URL line. Each
settled field records how it was found in ``Article.evidence``. Stated metadata (HTML meta tags,
JSONL fields) wins over inference.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import tomllib
from collections.abc import Iterator, Sequence
from dataclasses import replace
from importlib import resources
from urllib.parse import urlparse

from triangulate.normalise.dates import parse_published
from triangulate.types import STORY_ESTIMATE, Article, Evidence, InputKind, RawArticle

__all__ = ["date_undated", "settle_metadata"]

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?"
WEEKDAY_YEAR = "weekday with month-day fixes the year"
YEAR_GUESSED = "weekday with month-day; year guessed (the text names none)"
EVENT_BOUND = "bounded by the latest dated event"
_INFERRED = (WEEKDAY_YEAR, YEAR_GUESSED, EVENT_BOUND)
_GUESS_YEARS = 30  # how far back a weekday-only date is looked for
_DAYS_IN_YEAR = 366
_HEADER_LINE_WORDS = 12  # a dateline or header line is short; a longer one is prose
_CRAWLED = re.compile(
    r"\b(?:downloaded|accessed|retrieved|crawled|archived|captured|saved)\s+(?:on\s+)?$", re.I
)
_LIFE_EVENT = re.compile(r"\b(?:born|died|founded|established|married|elected)\b[^.]*$", re.I)
_FULL_DATE = re.compile(
    rf"\b(?:{_WEEKDAY},?\s+)?(?:"
    rf"(?P<iso>(?:19|20)\d\d-\d\d-\d\d)"
    rf"|(?P<mdy>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d\d)"
    rf"|(?P<dmy>\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?:19|20)\d\d)"
    r"|(?P<numeric>\d{1,2}/\d{1,2}/(?:\d\d){1,2}))\b",
    re.I,
)
_HEADER_DATE = re.compile(
    r"(?im)^\s*(?:date|dated|published|posted|updated?|last updated(?: at)?)\s*[:\-]?\s*"
    r"(?P<value>[^\n]{6,60})"
)
_WEEKDAY_MONTH_DAY = re.compile(
    rf"\b(?P<weekday>{_WEEKDAY}),?\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?!\d|,?\s+(?:19|20)\d\d)",
    re.I,
)
# A month-day that states the date a figure or report describes ("as of November 11").
_REPORTING_DAY = re.compile(
    rf"\b(?:as of|as at)\s+(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})\b(?!,?\s*(?:19|20)\d\d)",
    re.I,
)
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")
_SIGN_OFF = re.compile(r"\((?P<body>(?:Additional\s+)?Reporting by [^()]{3,300})\)", re.I)
_DATELINE = re.compile(
    r"(?m)^\s*(?:date\s+\S+\s+)?(?P<place>[A-Z][\w .'-]{1,40})\s*"
    r"\[(?P<country>[A-Z][\w .'-]{1,40})\],?"
    rf"\s*(?P<date>{_MONTH}\s+\d{{1,2}})\s*(?:\(ANI\))?\s*:",
)
_AGENCY_TAGS = {
    "(ANI)": "ANI",
    "(AP)": "AP",
    "(AFP)": "AFP",
    "(Reuters)": "Reuters",
    "(IANS)": "IANS",
    "(PTI)": "PTI",
    "(UPI)": "UPI",
    "(dpa)": "dpa",
    "(Xinhua)": "Xinhua",
}
_CITED = re.compile(
    r"(?:reported|according to|told|said)[ \t]+(?:the[ \t]+)?"
    r"(?P<outlet>(?:The[ \t]+)?[A-Z][\w&-]*(?:[ \t]+[A-Z][\w&-]*){0,4})"
)
_OUTLET_WORD = re.compile(
    r"\b(?:Tribune|Times|News|Post|Journal|Herald|Express|Press|Agency|Reuters|TV)\b"
)
_BY_LINE = re.compile(
    r"(?m)^\s*By\s+(?P<names>[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3}(?:\s+and\s+[A-Z][\w.'-]+(?:\s+[A-Z][\w.'-]+){0,3})?)\s*$"
)
# Parts of a host that name no outlet: subdomains and country second-level suffixes.
_HOST_NOISE = frozenset(
    ["www", "edition", "news", "articles", "en", "m", "amp", "mobile", "eu", "uk", "us"]
)
_SECOND_LEVEL = frozenset(["co", "com", "org", "net", "gov", "ac", "edu", "nic"])
# Hosts that serve many outlets: the outlet is the label before ("abcnews.go.com").
_PLATFORMS = frozenset(["go", "wordpress", "blogspot", "substack", "tumblr", "medium"])
_AGENCY_FEED = re.compile(r"auto-published from an? (?:agency|syndicated) feed", re.I)


def settle_metadata(raw: RawArticle) -> Article:
    """Combine stated metadata with what the text reveals; record evidence for each field."""
    evidence: list[Evidence] = []
    text = raw.text
    url = raw.url or _url_line(text)

    title = raw.title
    if title:
        evidence.append(Evidence("title", "stated"))
    elif raw.kind is not InputKind.HTML:
        found = _title_from_text(text)
        if found:
            start, end, title = found
            evidence.append(Evidence("title", "first line", start, end))

    bylines = raw.bylines
    outlet = raw.outlet
    if bylines:
        evidence.append(Evidence("bylines", "stated"))
    if outlet:
        evidence.append(Evidence("outlet", "stated"))
    sign_off = _SIGN_OFF.search(text)
    if sign_off:
        if not bylines:
            bylines = _reporters(sign_off.group("body"))
            evidence.append(Evidence("bylines", "sign-off", sign_off.start(), sign_off.end()))
        if not outlet:
            outlet = "Reuters"
            evidence.append(
                Evidence(
                    "outlet", "sign-off (Reuters house style)", sign_off.start(), sign_off.end()
                )
            )
    if not bylines and (by := _BY_LINE.search(text[:600])):
        bylines = tuple(n.strip() for n in re.split(r"\s+and\s+", by.group("names")))
        evidence.append(Evidence("bylines", "by-line", by.start("names"), by.end("names")))
    dateline = _DATELINE.search(text[:800])
    if dateline:
        evidence.append(
            Evidence("dateline", "agency dateline", dateline.start("place"), dateline.end("date"))
        )
    if not outlet:
        outlet, how = _outlet_from_text(text, dateline is not None, url)
        if outlet:
            evidence.append(Evidence("outlet", how))

    published = raw.published
    if published:
        evidence.append(Evidence("published", "stated"))
    else:
        found_date = _published_from_text(text, url)
        if found_date:
            published, how, date_start, date_end = found_date
            evidence.append(Evidence("published", how, date_start, date_end))

    return Article(
        id=raw.id,
        text=text,
        kind=raw.kind,
        source_path=raw.source_path,
        title=title,
        url=url,
        outlet=outlet,
        published=published,
        bylines=bylines,
        cited_outlets=_cited_outlets(text, outlet),
        evidence=tuple(evidence),
    )


def _lines(text: str) -> Iterator[tuple[int, int, str]]:
    """Non-blank lines with their spans (stripped of surrounding white space)."""
    for match in re.finditer(r"[^\n]+", text):
        line = match.group()
        if line.strip():
            lead = len(line) - len(line.lstrip())
            yield match.start() + lead, match.start() + len(line.rstrip()), line.strip()


def _url_line(text: str) -> str | None:
    for _, _, line in _lines(text[:400]):
        if re.fullmatch(r"https?://\S+", line):
            return line
        return None
    return None


def _title_from_text(text: str) -> tuple[int, int, str] | None:
    """The first line, when it reads as a headline rather than as the first paragraph.

    A source URL and date or "Updated …" lines above the headline are passed over.
    """
    lines = list(_lines(text[:2000]))
    while lines and _is_preamble(lines[0][2]):
        lines = lines[1:]
    if len(lines) < 2:
        return None
    start, end, line = lines[0]
    words = line.split()
    if len(line) > 200 or len(words) > 30 or len(words) < 3:
        return None
    if line.endswith((".", ",", ";")) and not line.endswith("..."):
        return None
    if _DATELINE.match(line):
        return None
    return start, end, line


def _is_preamble(line: str) -> bool:
    """A URL, date or header line that sits above a headline."""
    if re.fullmatch(r"https?://\S+", line) or _HEADER_DATE.match(line):
        return True
    return _FULL_DATE.search(line) is not None and len(_FULL_DATE.sub("", line).split()) < 3


def _reporters(body: str) -> tuple[str, ...]:
    """Reporter names from a sign-off body; editors are not bylines."""
    names: list[str] = []
    for part in body.split(";"):
        match = re.match(r"\s*(?:Additional\s+)?(?:reporting|writing)\s+by\s+(.+)", part, re.I)
        if not match:
            continue
        for name in re.split(r",|\s+and\s+", match.group(1)):
            name = re.sub(r"\s+in\s+[A-Z][\w ]+$", "", name.strip())  # "X in Kabul"
            if name and name not in names:
                names.append(name)
    return tuple(names)


def _outlet_from_text(text: str, has_dateline: bool, url: str | None) -> tuple[str | None, str]:
    head = text[:800]
    for tag, agency in _AGENCY_TAGS.items():
        if tag in head:
            return agency, f"agency tag {tag}"
    if has_dateline and (_AGENCY_FEED.search(text) or "(ANI)" in text):
        return "ANI", "ANI-style dateline 'Place [Country], Month D :' and agency-feed note"
    if has_dateline:
        return "ANI", "ANI-style dateline 'Place [Country], Month D :'"
    if url:
        host = (urlparse(url).hostname or "").removeprefix("www.")
        key = _host_key(host)
        if key and (name := _known_outlets().get(key)):
            return name, "source URL"
        if key and (written := _masthead(key, text)):
            return written, f"source URL {host}, named so in the text"
        if host:
            return host, "source URL"
    return None, ""


def _host_key(host: str) -> str | None:
    """The label that names the outlet: "articles.timesofindia.indiatimes.com" ->
    "indiatimes", "tribune.com.pk" -> "tribune", "news.sky.com" -> "sky"."""
    labels = host.lower().split(".")[:-1]  # the top-level domain names no outlet
    if len(labels) > 1 and labels[-1] in _SECOND_LEVEL:
        labels = labels[:-1]
    if len(labels) > 1 and labels[-1] in _PLATFORMS:
        labels = labels[:-1]
    labels = [label for label in labels if label not in _HOST_NOISE]
    return labels[-1] if labels else None


@functools.cache
def _known_outlets() -> dict[str, str]:
    """The shipped table of outlet names by host key (``triangulate/data/outlets.toml``)."""
    table = resources.files("triangulate") / "data" / "outlets.toml"
    hosts: dict[str, str] = tomllib.loads(table.read_text(encoding="utf-8"))["hosts"]
    return hosts


def _masthead(key: str, text: str) -> str | None:
    """The outlet's name as its page writes it, found from the host: "thenational" ->
    "The National", "keeptalkinggreece" -> "Keep Talking Greece", "sky" -> "Sky News"."""
    for letters in (f"{key}news", key):
        pattern = r"\b" + r"[ -]?".join(re.escape(c) for c in letters) + r"\b"
        for match in re.finditer(pattern, text, re.IGNORECASE):
            words = re.split(r"[ -]", match.group())
            if all(w[:1].isupper() for w in words):
                return match.group()
    return None


def _cited_outlets(text: str, publisher: str | None) -> tuple[str, ...]:
    """Outlets the article cites ("reported The Express Tribune"): sources, not the publisher."""
    cited: list[str] = []
    for match in _CITED.finditer(text):
        name = match.group("outlet").strip()
        if _OUTLET_WORD.search(name) and name != publisher and name not in cited:
            cited.append(name)
    return tuple(cited)


def _published_from_text(
    text: str, url: str | None
) -> tuple[dt.date, str, int | None, int | None] | None:
    """The publication date: a header, a dated top line, the URL, a weekday, or a bound."""
    for match in _HEADER_DATE.finditer(text[:1500]):
        if (full := _FULL_DATE.search(match.group("value"))) is not None:
            start = match.start("value") + full.start()
            if _CRAWLED.search(text[max(0, start - 40) : start]):
                continue
            if parsed := _parse_full_date(full):
                if _evening_post(match.group("value"), parsed, url):
                    # "POSTED: 04/02/07, 9:00 PM" on .../20070403/...: tomorrow's paper.
                    return parsed + dt.timedelta(days=1), "source URL", None, None
                return parsed, "header", start, start + len(full.group())
    head = text[:400]
    for full in _FULL_DATE.finditer(head):
        if _in_prose(text, full.start(), full.end()):
            continue  # "Page was born ... on April 22, 1923." tells a life, not the paper's day
        if parsed := _parse_full_date(full):
            return parsed, "date near the top", full.start(), full.end()
    if url and (from_url := _date_from_url(url)):
        return from_url, "source URL", None, None
    years = [int(y) for y in _YEAR.findall(text)]
    floor = max(years) if years else None
    if (wk := _WEEKDAY_MONTH_DAY.search(text)) is not None:
        fixed = _year_for_weekday(
            wk.group("weekday"), wk.group("month"), int(wk.group("day")), floor
        )
        if fixed:
            how = WEEKDAY_YEAR if floor else YEAR_GUESSED
            return fixed, how, wk.start(), wk.end()
    if floor is not None:
        return _latest_event_bound(text, floor)
    return None


def _evening_post(header: str, day: dt.date, url: str | None) -> bool:
    """Whether a header posted in the evening belongs to the next day's paper, as the URL says:
    the story's "Tuesday" is then the day after the posting stamp."""
    from_url = _date_from_url(url) if url else None
    evening = re.search(r"\b(?:[6-9]|1[01])(?::\d\d)?\s*(?:PM|p\.m\.)", header, re.IGNORECASE)
    return evening is not None and from_url == day + dt.timedelta(days=1)


def _in_prose(text: str, start: int, end: int) -> bool:
    """Whether a date sits in a sentence of the story rather than on a dateline or header:
    a long line, a life event just before it ("born", "died", "founded"), or the day the page
    was saved ("downloaded on"), which bounds the publication date but is not it."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    before = text[max(line_start, start - 40) : start]
    return (
        len(line.split()) > _HEADER_LINE_WORDS
        or bool(_LIFE_EVENT.search(before))
        or bool(_CRAWLED.search(before))  # "[downloaded on 2 October 2013]": when it was saved
    )


def _parse_full_date(match: re.Match[str]) -> dt.date | None:
    """A matched full date; numeric ones are read month first (US style) unless impossible."""
    numeric = match.group("numeric")
    if not numeric:
        return parse_published(match.group())
    first, second, year = (int(p) for p in numeric.split("/"))
    year += 2000 if year < 50 else 1900 if year < 100 else 0
    month, day = (second, first) if first > 12 else (first, second)
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _date_from_url(url: str) -> dt.date | None:
    match = re.search(r"(?:/|\b)((?:19|20)\d\d)[/-]?(\d\d)[/-]?(\d\d)(?:/|\b)", url)
    if not match:
        return None
    try:
        return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def _month(name: str) -> int:
    return [
        "jan",
        "feb",
        "mar",
        "apr",
        "may",
        "jun",
        "jul",
        "aug",
        "sep",
        "oct",
        "nov",
        "dec",
    ].index(name[:3].lower()) + 1


def _year_for_weekday(weekday: str, month: str, day: int, floor: int | None) -> dt.date | None:
    """The date in the latest year the text names, or the year after, where the weekday fits.

    News names past years ("since 2021"), rarely its own. With no year in the text the latest
    fitting year not after today is a guess (the weekday fits one year in seven), which
    :func:`date_undated` drops when the story's other sources are dated years away."""
    target = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].index(weekday[:3].lower())
    this_year = dt.date.today().year
    years = (floor, floor + 1) if floor else range(this_year, this_year - _GUESS_YEARS, -1)
    for year in years:
        try:
            candidate = dt.date(year, _month(month), day)
        except ValueError:
            return None
        if candidate.weekday() == target and candidate <= dt.date.today():
            return candidate
    return None


def _latest_event_bound(
    text: str, floor: int
) -> tuple[dt.date, str, int | None, int | None] | None:
    """No date is written: the latest dated event (month-day in the latest year named) bounds it."""
    best: tuple[dt.date, int, int] | None = None
    for match in _REPORTING_DAY.finditer(text):
        try:
            candidate = dt.date(floor, _month(match.group("month")), int(match.group("day")))
        except ValueError:
            continue
        if best is None or candidate > best[0]:
            best = (candidate, match.start(), match.end())
    if best is None:
        return None
    return (
        best[0],
        f"{EVENT_BOUND} (year {floor} from the text)",
        best[1],
        best[2],
    )


def _guessed(article: Article) -> bool:
    """Whether the article's date is inferred (from a weekday or the latest event it tells)
    rather than written as its date."""
    return any(e.field == "published" and e.method.startswith(_INFERRED) for e in article.evidence)


def _far(day: dt.date | None, dates: Sequence[dt.date]) -> bool:
    """Whether a date lies over a year from the middle of the story's other dates."""
    middle = dates[(len(dates) - 1) // 2]
    return day is not None and abs((day - middle).days) > _DAYS_IN_YEAR


def _undate(article: Article) -> Article:
    """The article without its guessed date (so that the story's estimate replaces it)."""
    kept = tuple(e for e in article.evidence if e.field != "published")
    return replace(article, published=None, evidence=kept)


def date_undated(articles: Sequence[Article]) -> list[Article]:
    """Give articles that state no date the story's typical date, marked as an estimate.

    A date only inferred from the text (a weekday's year, the latest event told) that lies over
    a year from the dates the other sources state is dropped first: an obituary naming only
    1923-1957 fits "Thursday, December 11" to 1958, while its story is from 2008.

    The articles of one story report the same events within days of each other; an article
    with no date of its own is dated with the lower median of the others' dates, so its
    relative dates ("on Monday") and its figures' as-of dates can still be resolved. The
    evidence says so, and renderers mark the date as estimated.
    """
    dates = sorted(a.published for a in articles if a.published and not _guessed(a))
    articles = [
        _undate(a) if _guessed(a) and dates and _far(a.published, dates) else a for a in articles
    ]
    dates = sorted(a.published for a in articles if a.published is not None)
    if not dates or len(dates) == len(articles):
        return list(articles)
    typical = dates[(len(dates) - 1) // 2]
    note = f"lower median date of the {len(dates)} dated source(s) in the story"
    return [
        a
        if a.published is not None
        else replace(
            a,
            published=typical,
            evidence=(*a.evidence, Evidence("published", STORY_ESTIMATE, note=note)),
        )
        for a in articles
    ]
