"""The dossier as a Markdown report; the figure ledger is its centrepiece."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from triangulate.render._cells import counted_with_holder
from triangulate.types import Article, BriefSentence, Dossier, Figure, Measure

__all__ = ["dossier_to_markdown"]

_VERDICT_MARK = {
    "agree": "✅ agree",
    "evolving": "📈 evolving",
    "conflicting": "⚠️ conflicting",
    "single": "• single source",
}


def dossier_to_markdown(dossier: Dossier) -> str:
    """Render the whole dossier: sources, brief, ledger, quotes, timeline, entities, coverage."""
    docs = {a.id: a for a in dossier.documents}
    parts = [f"# {_story_title(dossier)}", ""]
    parts += _sources(dossier)
    parts += _brief(dossier, docs)
    parts += _ledger(dossier, docs)
    parts += _quotes(dossier, docs)
    parts += _timeline(dossier, docs)
    parts += _entities(dossier)
    parts += _coverage(dossier, docs)
    if dossier.problems:
        parts += ["## Inputs skipped", ""]
        parts += [f"- `{_cell(str(p))}`" for p in dossier.problems]
        parts.append("")
    return "\n".join(parts).rstrip() + "\n"


def _story_title(dossier: Dossier) -> str:
    titles = [a.title for a in dossier.documents if a.title]
    return f"Dossier: {titles[0]}" if titles else "Dossier"


def _source_name(article: Article | None, doc_id: str) -> str:
    if article is None:
        return doc_id
    if article.published is None:
        return article.label
    return f"{article.label} ({'≈' if article.date_estimated else ''}{article.published})"


def _sources(dossier: Dossier) -> list[str]:
    lines = [
        f"## Sources ({len(dossier.documents)})",
        "",
        "| id | outlet | published | byline | title | note |",
        "|---|---|---|---|---|---|",
    ]
    for a in dossier.documents:
        note = f"rewrites `{dossier.derived_from[a.id]}`" if a.id in dossier.derived_from else ""
        if a.cited_outlets:
            note = "; ".join(filter(None, [note, "cites " + ", ".join(a.cited_outlets)]))
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    f"`{a.id}`",
                    a.outlet or "—",
                    (
                        f"≈{a.published} (story estimate)"
                        if a.date_estimated
                        else str(a.published or "—")
                    ),
                    ", ".join(a.bylines) or "—",
                    a.title or "—",
                    note,
                )
            )
            + " |"
        )
    return [*lines, ""]


def _brief(dossier: Dossier, docs: dict[str, Article]) -> list[str]:
    if not dossier.brief:
        return []
    lines = ["## Brief", ""]
    differ = [b for b in dossier.brief if b.section == "differ"]
    for sentence in (b for b in dossier.brief if b.section != "differ"):
        lines.append(f"- {sentence.text} {_citations(sentence, docs)}")
    if differ:
        lines += ["", "**Where the sources differ**", ""]
        lines += [f"- {sentence.text} {_citations(sentence, docs)}" for sentence in differ]
    return [*lines, ""]


def _citations(sentence: BriefSentence, docs: dict[str, Article]) -> str:
    refs = sorted({_source_name(docs.get(c.doc_id), c.doc_id) for c in sentence.citations})
    spans = ", ".join(f"`{c.doc_id}`@{c.start}–{c.end}" for c in sentence.citations[:4])
    more = f" +{len(sentence.citations) - 4}" if len(sentence.citations) > 4 else ""
    return f"— *{'; '.join(refs)}* [{spans}{more}]"


def _ledger(dossier: Dossier, docs: dict[str, Article]) -> list[str]:
    lines = ["## Figure ledger", ""]
    if not dossier.measures:
        return [*lines, "No figures found.", ""]
    figures = {f.id: f for f in dossier.figures}
    counts: dict[str, int] = {}
    for m in dossier.measures:
        counts[m.verdict] = counts.get(m.verdict, 0) + 1
    lines.append(
        ", ".join(f"{n} {v}" for v, n in sorted(counts.items()))
        + f" — {len(dossier.figures)} figures"
    )
    lines.append("")
    ordered = sorted(dossier.measures, key=lambda m: (m.verdict == "single", -len(m.figure_ids)))
    for measure in ordered:
        lines += _measure_table(
            measure, [figures[i] for i in measure.figure_ids if i in figures], docs
        )
    return lines


def _measure_table(
    measure: Measure, figures: Sequence[Figure], docs: dict[str, Article]
) -> list[str]:
    independence = ""
    if measure.outlets and measure.origins:
        independence = (
            f" — {len(measure.outlets)} outlet(s), {len(measure.origins)} origin(s)"
            f" ({', '.join(measure.origins)})"
        )
    lines = [
        f"### {_cell(measure.label)}",
        "",
        f"**{_VERDICT_MARK.get(measure.verdict, measure.verdict)}**{independence}. "
        + _cell(measure.reason),
        "",
        "| source | value | wording | qualifier | who says | as of |",
        "|---|---|---|---|---|---|",
    ]
    for f in sorted(figures, key=lambda f: (str(f.as_of or ""), f.doc_id, f.start)):
        lines.append(
            "| "
            + " | ".join(
                _cell(x)
                for x in (
                    _source_name(docs.get(f.doc_id), f.doc_id),
                    _value(f),
                    f"“{f.text}” {counted_with_holder(f)}".strip(),
                    f.amount.qualifier or "",
                    f.attributed_to or "(outlet)",
                    str(f.as_of or "—"),
                )
            )
            + " |"
        )
    return [*lines, ""]


def _value(figure: Figure) -> str:
    amount = figure.amount
    unit = f" {amount.unit}" if amount.unit and amount.unit != "%" else (amount.unit or "")
    if amount.value is not None:
        return f"{_num(amount.value)}{unit}"
    low = _num(amount.low) if amount.low is not None else "…"
    high = _num(amount.high) if amount.high is not None else "…"
    return f"{low}–{high}{unit}"


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return (
        f"{int(value):,}" if float(value).is_integer() else f"{value:,.2f}".rstrip("0").rstrip(".")
    )


def _quotes(dossier: Dossier, docs: dict[str, Article]) -> list[str]:
    if not dossier.quotes:
        return []
    lines = ["## Quotes", ""]
    for q in dossier.quotes:
        mark = " (earliest)" if q.earliest else ""
        lines.append(
            f"- **{_cell(q.speaker or 'unattributed')}**: “{_cell(q.text)}” — "
            f"{_source_name(docs.get(q.doc_id), q.doc_id)}{mark}"
        )
    return [*lines, ""]


def _timeline(dossier: Dossier, docs: dict[str, Article]) -> list[str]:
    if not dossier.events:
        return []
    lines = ["## Timeline", "", "| date | what | told by |", "|---|---|---|"]
    for e in dossier.events:
        sources = sorted({_source_name(docs.get(m.doc_id), m.doc_id) for m in e.mentions})
        lines.append(f"| {e.date} | {_cell(e.description)} | {_cell(', '.join(sources))} |")
    return [*lines, ""]


def _entities(dossier: Dossier) -> list[str]:
    if not dossier.entities:
        return []
    lines = ["## Entities", "", "| name | type | also written | mentions |", "|---|---|---|---|"]
    for e in sorted(dossier.entities, key=lambda e: -len(e.mentions))[:40]:
        aliases = ", ".join(a for a in e.aliases if a != e.name)
        lines.append(f"| {_cell(e.name)} | {e.type} | {_cell(aliases)} | {len(e.mentions)} |")
    return [*lines, ""]


def _coverage(dossier: Dossier, docs: dict[str, Article]) -> list[str]:
    """A source x measure matrix (measures at least two sources carry), then each source's
    exclusives and omissions, named by label rather than id."""
    if not dossier.coverage:
        return []
    labels = {m.id: m.label for m in dossier.measures}
    labels |= {e.id: f"{e.date}: {e.description}" for e in dossier.events}
    shared = [
        m for m in dossier.measures if len({dossier_id for dossier_id in _docs_of(m, dossier)}) > 1
    ]
    lines = ["## Coverage and omissions", ""]
    if shared:
        header = " | ".join(f"m{i}" for i, _ in enumerate(shared, start=1))
        lines += [f"| source | {header} |", "|---" * (len(shared) + 1) + "|"]
        for doc_id, facts in dossier.coverage.items():
            marks = " | ".join("✓" if m.id in facts.get("measures", []) else "—" for m in shared)
            lines.append(f"| {_cell(_source_name(docs.get(doc_id), doc_id))} | {marks} |")
        lines.append("")
        lines += [f"m{i}: {_cell(m.label)}  " for i, m in enumerate(shared, start=1)]
        lines.append("")
    for doc_id, facts in dossier.coverage.items():
        name = _source_name(docs.get(doc_id), doc_id)
        only = [labels[f] for f in facts.get("only_here", []) if f in labels]
        omits = [labels[f] for f in facts.get("omits", []) if f in labels]
        if only or omits:
            parts = []
            if only:
                parts.append("only here: " + "; ".join(_cell(x) for x in only[:8]))
            if omits:
                parts.append("omits: " + "; ".join(_cell(x) for x in omits[:8]))
            lines.append(f"- **{_cell(name)}** — {' · '.join(parts)}")
    return [*lines, ""]


def _docs_of(measure: Measure, dossier: Dossier) -> set[str]:
    ids = set(measure.figure_ids)
    return {f.doc_id for f in dossier.figures if f.id in ids}


def _cell(text: str | Iterable[str]) -> str:
    """Text safe inside a Markdown table cell: no pipes, no line breaks."""
    value = text if isinstance(text, str) else ", ".join(text)
    return " ".join(value.replace("|", "\\|").split())
