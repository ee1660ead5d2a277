"""The brief: sentences the sources share, then where they differ, every sentence cited.

Extractive and neutral: each candidate sentence is scored by how many *other independent*
sources carry similar content (rarity-weighted overlap of content words and numbers), with a
small preference for lead sentences. Headlines, boilerplate ("Disclaimer: …", "(Reporting
by …)"), sentences that are only a quote, and near-duplicates of earlier picks are skipped.
Each picked sentence cites its own span and the closest sentence in every other source that
supports it. Derived documents (re-published copies) never count as support.

Then one generated sentence per evolving or conflicting measure, built from the measure's
label, its figures and its reason, citing the figures' spans. Those sentences carry
``section="differ"`` so renderers can head them "Where the sources differ".
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from triangulate.link._tokens import content_tokens, idf_weights, weighted_overlap
from triangulate.types import Article, BriefSentence, Figure, Measure, Sentence, Span

__all__ = ["write_brief"]

_MIN_SENTENCES, _MAX_SENTENCES = 5, 10
_SUPPORT = 0.35  # overlap at which another source's sentence says the same thing
_DUPLICATE = 0.4  # overlap at which two picks repeat each other
_LEAD = 3  # sentences counted as a document's lead
_MIN_WORDS, _MAX_WORDS = 8, 60
_BOILERPLATE = re.compile(
    r"^\W*(?:disclaimer|reporting by|editing by|writing by|copyright|all rights reserved|"
    r"similar news|related|read more|click here|subscribe|follow us|update[sd]?:|published:|"
    r"https?://|\(?(?:reuters|ap|afp|ani)\)?\s*[-—–]?\s*$)",
    re.I,
)
# A sentence that leans on the one before it ("He added…") does not stand alone in a brief.
_DANGLING = re.compile(r"^(?:he|she|they|it|his|her|their|its|this|these|those)\b", re.I)
_QUOTE_OPEN = "\"“‘'"
_QUOTE_CLOSE = "\"”’'"


@dataclass(slots=True)
class _Candidate:
    sentence: Sentence
    position: int
    tokens: frozenset[str]
    support: dict[str, tuple[Sentence, float]]

    @property
    def score(self) -> float:
        lead = 0.5 if self.position < _LEAD else 0.0
        return len(self.support) + sum(s for _, s in self.support.values()) * 0.5 + lead


def write_brief(
    sentences: Sequence[Sentence],
    articles: Sequence[Article],
    measures: Sequence[Measure],
    figures: Sequence[Figure],
    derived_from: Mapping[str, str],
) -> list[BriefSentence]:
    """A cited extractive brief of 5–10 shared sentences, then one line per disagreement."""
    titles = {a.id: a.title for a in articles}
    # A copy adds nothing its original lacks: its sentences neither compete nor support.
    sentences = [s for s in sentences if s.doc_id not in derived_from]
    by_doc: dict[str, list[Sentence]] = defaultdict(list)
    for sentence in sorted(sentences, key=lambda s: (s.doc_id, s.start)):
        by_doc[sentence.doc_id].append(sentence)
    idf = idf_weights(s.text for s in sentences)
    candidates = [
        _Candidate(s, position, content_tokens(s.text), {})
        for doc_id, doc_sentences in by_doc.items()
        for position, s in enumerate(_usable(doc_sentences, titles.get(doc_id)))
    ]
    _find_support(candidates, idf)
    brief = [_cite(c) for c in _pick(candidates, idf)]
    brief += _differences(measures, figures, articles)
    return brief


def _usable(sentences: list[Sentence], title: str | None) -> list[Sentence]:
    """Body sentences worth quoting: no headline, boilerplate, bare quote or fragment."""
    seen: set[str] = set()
    kept = []
    for sentence in sentences:
        text = " ".join(sentence.text.split())
        key = text.lower()
        if key in seen or (title and key == " ".join(title.split()).lower()):
            continue
        seen.add(key)
        if (
            _BOILERPLATE.match(text)
            or _DANGLING.match(text)
            or _is_quote_only(text)
            or _half_quote(text)
        ):
            continue
        if not _MIN_WORDS <= len(text.split()) <= _MAX_WORDS or text[-1] not in '.!?"”’':
            continue
        kept.append(sentence)
    return kept


def _is_quote_only(text: str) -> bool:
    """A sentence that opens with a quote mark, or is mostly words inside quote marks."""
    if text[0] in _QUOTE_OPEN:
        return True
    quoted = sum(len(m) for m in re.findall(r"[“\"][^”\"]*[”\"]", text))
    return quoted > 0.6 * len(text)


def _half_quote(text: str) -> bool:
    """A sentence that ends a quote begun before it ('... confiscated," the officer said.') or
    begins one that runs on: a piece of a quote, which a brief cannot cite alone."""
    if text.count('"') % 2:
        return True
    depth = 0
    for char in text:
        depth += (char == "“") - (char == "”")
        if depth < 0:
            return True
    return depth != 0


def _find_support(candidates: list[_Candidate], idf: Mapping[str, float]) -> None:
    """For each candidate: the best similar sentence in every other document.

    Only pairs that share a content word can reach the threshold, so an inverted index of
    words keeps this near-linear in the number of sentences instead of quadratic.
    """
    totals = [sum(idf.get(t, 1.0) for t in c.tokens) for c in candidates]
    postings: dict[str, list[int]] = defaultdict(list)
    for index, candidate in enumerate(candidates):
        for token in candidate.tokens:
            postings[token].append(index)
    for i, a in enumerate(candidates):
        shared: dict[int, float] = defaultdict(float)
        for token in a.tokens:
            weight = idf.get(token, 1.0)
            for j in postings[token]:
                shared[j] += weight
        for j, overlap in shared.items():
            b = candidates[j]
            doc_b = b.sentence.doc_id
            if doc_b == a.sentence.doc_id or not totals[i] or not totals[j]:
                continue
            score = overlap / min(totals[i], totals[j])
            if score >= _SUPPORT and score > a.support.get(doc_b, (b.sentence, 0.0))[1]:
                a.support[doc_b] = (b.sentence, score)


def _pick(candidates: list[_Candidate], idf: Mapping[str, float]) -> list[_Candidate]:
    """Best-supported sentences first, leads before later sentences, no repeats."""
    ranked = sorted(candidates, key=lambda c: (-c.score, c.position, c.sentence.doc_id))
    picked: list[_Candidate] = []
    for candidate in ranked:
        if len(picked) >= _MAX_SENTENCES:
            break
        if len(picked) >= _MIN_SENTENCES and not candidate.support:
            break
        if any(weighted_overlap(candidate.tokens, p.tokens, idf) >= _DUPLICATE for p in picked):
            continue
        picked.append(candidate)
    return picked


def _cite(candidate: _Candidate) -> BriefSentence:
    own = candidate.sentence
    spans = [Span(own.doc_id, own.start, own.end)]
    spans += [
        Span(s.doc_id, s.start, s.end)
        for s, _ in sorted(candidate.support.values(), key=lambda v: v[0].doc_id)
    ]
    return BriefSentence(" ".join(own.text.split()), tuple(spans))


def _differences(
    measures: Sequence[Measure], figures: Sequence[Figure], articles: Sequence[Article]
) -> list[BriefSentence]:
    """One sentence per evolving or conflicting measure, citing its figures."""
    by_id = {f.id: f for f in figures}
    names = {a.id: a.label for a in articles}
    lines = []
    for measure in measures:
        if measure.verdict not in ("evolving", "conflicting"):
            continue
        members = [by_id[i] for i in measure.figure_ids if i in by_id]
        if len(members) < 2:
            continue
        members.sort(key=lambda f: (f.as_of or dt.date.max, f.doc_id, f.start))
        told = "; ".join(_figure_phrase(f, names) for f in members)
        opening = (
            f"Figures for {measure.label} changed over time"
            if measure.verdict == "evolving"
            else f"Sources disagree on {measure.label}"
        )
        reason = f" ({measure.reason.rstrip('.')})" if measure.reason else ""
        text = f"{opening}: {told}{reason}."
        citations = tuple(Span(f.doc_id, f.start, f.end) for f in members)
        lines.append(BriefSentence(text, citations, section="differ"))
    return lines


def _figure_phrase(figure: Figure, names: Mapping[str, str]) -> str:
    parts = [names.get(figure.doc_id, figure.doc_id)]
    if figure.attributed_to:
        parts.append(f"citing {figure.attributed_to}")
    if figure.as_of:
        parts.append(f"as of {figure.as_of.isoformat()}")
    return f"{figure.text} ({', '.join(parts)})"
