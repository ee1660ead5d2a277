"""The records that stages pass to each other: frozen, slotted, defined in one place.

The pipeline reads like this, and each arrow is one of the records below::

    ingest -> RawArticle -> normalise -> Article -> annotate (spaCy) -> extract
    -> Figure / Quote / DateMention / EntityMention -> link -> Measure / Event / Entity
    -> verdicts -> brief -> Dossier -> render / store

Every extracted item carries its provenance: the document id and the character span into
``Article.text`` (``end`` exclusive), so ``article.text[start:end] == item.text``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class InputKind(StrEnum):
    """What an input was before it became plain text."""

    TEXT = "text"
    HTML = "html"
    JSONL = "jsonl"
    FEED = "feed"


@dataclass(frozen=True, slots=True)
class Problem:
    """An input that could not be used, or was used only in part: where, what, what to do."""

    source: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line is not None else self.source
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class RawArticle:
    """One article as read from its input, before any metadata is inferred.

    ``text`` is the plain text every later span indexes into (for HTML: the extracted body).
    The optional fields are metadata the input stated itself (HTML meta tags, JSONL fields).
    """

    id: str
    text: str
    kind: InputKind
    source_path: str | None = None
    title: str | None = None
    url: str | None = None
    published: dt.date | None = None
    outlet: str | None = None
    bylines: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Evidence:
    """How a metadata field was found: the method and, when read from the text, the span."""

    field: str
    method: str
    start: int | None = None
    end: int | None = None
    note: str | None = None


STORY_ESTIMATE = "story estimate"
"""Evidence method of a date taken from the other sources of the story, not from the text."""


@dataclass(frozen=True, slots=True)
class Article:
    """An article with its metadata settled; ``text`` is exactly the ingested plain text."""

    id: str
    text: str
    kind: InputKind
    source_path: str | None = None
    title: str | None = None
    url: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    bylines: tuple[str, ...] = ()
    cited_outlets: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()

    @property
    def label(self) -> str:
        """How a reader names this source: its outlet, else its document id."""
        return self.outlet or self.id

    @property
    def date_estimated(self) -> bool:
        """True when ``published`` was estimated from the story, not read from the article."""
        return any(e.field == "published" and e.method == STORY_ESTIMATE for e in self.evidence)


@dataclass(frozen=True, slots=True)
class Span:
    """A character span in one document."""

    doc_id: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Attribution:
    """A speaker credited with what a sentence says: "Kakar said", "according to the UN".

    ``start``/``end`` span the speaker mention; ``sentence_start``/``sentence_end`` the stretch
    of text the attribution vouches for (the reported clause, which may leave out the speaker's
    own description). ``speaker`` is the mention as written, or a resolved name when the
    mention is a pronoun or a description ("he added" -> nearest compatible named speaker).
    """

    doc_id: str
    start: int
    end: int
    speaker: str
    sentence_start: int
    sentence_end: int
    cue: str
    descriptive: bool = False


@dataclass(frozen=True, slots=True)
class Amount:
    """A normalised numeric expression: value and bounds, hedge, unit.

    ``value`` is the point value (None for a pure range or a vague amount such as "tens of
    thousands", whose bounds go in ``low`` / ``high``). ``qualifier`` is the normalised hedge
    (``over``, ``under``, ``about``, ``nearly``, ``at_least``, ``at_most``, ``up_to``,
    ``estimated``) or None.
    """

    value: float | None
    low: float | None = None
    high: float | None = None
    qualifier: str | None = None
    unit: str | None = None
    multiplier: bool = False
    step: float | None = None  # the rounding unit the words imply ("two dozen": 12), if any


@dataclass(frozen=True, slots=True)
class Figure:
    """A number that matters, with what it counts, who says so and as of when."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    amount: Amount
    counted: str | None = None
    change: str | None = None
    attributed_to: str | None = None
    as_of: dt.date | None = None
    sentence_start: int = 0
    sentence_end: int = 0
    holder: str | None = None  # the name the figure belongs to ("the Nationals bid $160m")


@dataclass(frozen=True, slots=True)
class Measure:
    """One measured quantity: the figures from all documents that measure it, and a verdict."""

    id: str
    label: str
    verdict: str
    reason: str
    figure_ids: tuple[str, ...]
    origins: tuple[str, ...] = ()
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Quote:
    """Words inside quote marks, with the speaker they are credited to."""

    id: str
    doc_id: str
    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_span: Span | None = None
    cluster: str | None = None
    earliest: bool = False


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date expression in the text, resolved against its document's date.

    ``clause_start``/``clause_end`` span the clause that says what happened then (the verb with
    its subject and the date), which the timeline uses as the event's description.
    ``anchored`` marks a date counted from another date of the article ("the next day").
    """

    doc_id: str
    start: int
    end: int
    text: str
    date: str
    precision: str
    sentence_start: int = 0
    sentence_end: int = 0
    clause_start: int | None = None
    clause_end: int | None = None
    anchored: bool = False


@dataclass(frozen=True, slots=True)
class Event:
    """A dated event told by one or more sources."""

    id: str
    date: str
    precision: str
    description: str
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class EntityMention:
    """A named entity in the text, with its (possibly corrected) type."""

    doc_id: str
    start: int
    end: int
    text: str
    label: str


@dataclass(frozen=True, slots=True)
class Entity:
    """An entity with its aliases merged across documents."""

    id: str
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[Span, ...]


@dataclass(frozen=True, slots=True)
class BriefSentence:
    """One sentence of the brief and the spans it rests on.

    ``section`` is ``"shared"`` for sentences the sources share and ``"differ"`` for the
    generated "Where the sources differ" sentences.
    """

    text: str
    citations: tuple[Span, ...]
    section: str = "shared"


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence of a document (from the parser), for linking and the brief."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractors found in one document; the output of annotate + extract."""

    article: Article
    sentences: tuple[Sentence, ...] = ()
    figures: tuple[Figure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    dates: tuple[DateMention, ...] = ()
    entities: tuple[EntityMention, ...] = ()
    attributions: tuple[Attribution, ...] = ()


@dataclass(frozen=True, slots=True)
class Dossier:
    """The reconciled view of one story."""

    documents: tuple[Article, ...]
    figures: tuple[Figure, ...] = ()
    measures: tuple[Measure, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    entities: tuple[Entity, ...] = ()
    brief: tuple[BriefSentence, ...] = ()
    derived_from: dict[str, str] = field(default_factory=dict)
    coverage: dict[str, dict[str, list[str]]] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()
