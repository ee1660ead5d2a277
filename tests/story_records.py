"""Parse a real story into the records the timeline, coverage and brief tests need.

Articles are read from ../shared at test time (the corpus text is never copied here), with the
publication dates a careful reader finds (eval/gold/<story>/documents.json), so relative dates
resolve as they should whatever the metadata stage infers.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from pathlib import Path
from typing import TYPE_CHECKING

from triangulate.extract.dates import extract_dates
from triangulate.types import Article, DateMention, InputKind, Sentence

if TYPE_CHECKING:
    from spacy.language import Language

GOLD = Path(__file__).resolve().parents[1] / "eval" / "gold"


@dataclasses.dataclass(frozen=True)
class Story:
    """A parsed story: articles, sentences and date mentions, all from the real text."""

    articles: list[Article]
    sentences: list[Sentence]
    dates: list[DateMention]

    def text(self, doc_id: str) -> str:
        """The plain text of one document."""
        return next(a.text for a in self.articles if a.id == doc_id)


def example_articles(folder: Path) -> list[Article]:
    """The example story's documents with their hand-checked dates and outlets."""
    meta = {d["id"]: d for d in json.loads((GOLD / folder.name / "documents.json").read_text())}
    articles = []
    for path in sorted(folder.glob("*.txt")):
        info = meta.get(path.stem, {})
        published = info.get("published")
        articles.append(
            Article(
                id=path.stem,
                text=path.read_text("utf-8"),
                kind=InputKind.TEXT,
                title=info.get("title"),
                outlet=info.get("outlet"),
                published=dt.date.fromisoformat(published) if published else None,
            )
        )
    return articles


def parse_story(articles: list[Article], nlp: Language) -> Story:
    """Sentences and date mentions of every article, from one spaCy pass."""
    sentences: list[Sentence] = []
    dates: list[DateMention] = []
    for article, doc in zip(articles, nlp.pipe(a.text for a in articles), strict=True):
        sentences += [Sentence(article.id, s.start_char, s.end_char, s.text) for s in doc.sents]
        dates += extract_dates(doc, article)
    return Story(articles, sentences, dates)
