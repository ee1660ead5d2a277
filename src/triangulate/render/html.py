"""The dossier as one self-contained HTML page: no scripts, no external assets, inline SVG charts.

All article text is escaped; the page is safe to open from any source.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from triangulate.render._cells import counted_with_holder
from triangulate.types import Article, BriefSentence, Dossier, Figure, Measure

__all__ = ["dossier_to_html"]

_CSS = """
body{font:15px/1.5 system-ui,sans-serif;max-width:1100px;margin:2em auto;padding:0 1em;
color:#1d1d1f}
h1{font-size:1.6em}h2{border-bottom:1px solid #ddd;padding-bottom:.2em;margin-top:2em}
table{border-collapse:collapse;width:100%;margin:.5em 0 1.5em}th,td{border:1px solid #e2e2e2;
padding:.3em .5em;text-align:left;vertical-align:top}th{background:#f6f6f6}
.v-agree{color:#1a7f37}.v-evolving{color:#0969da}.v-conflicting{color:#cf222e}
.v-single{color:#6e7781}
.badge{font-weight:600;text-transform:uppercase;font-size:.8em;letter-spacing:.04em}
.measure{border:1px solid #e2e2e2;border-radius:8px;padding:.6em 1em;margin:1em 0}
.reason{color:#444}.cite{color:#6e7781;font-size:.85em}svg text{font:11px system-ui,sans-serif}
blockquote{margin:.4em 0;padding-left:.8em;border-left:3px solid #ddd}
"""

_COLOURS = ("#0969da", "#bf8700", "#8250df", "#1a7f37", "#cf222e", "#57606a", "#e16f24")


def dossier_to_html(dossier: Dossier) -> str:
    """Render the dossier as a standalone HTML document."""
    docs = {a.id: a for a in dossier.documents}
    title = next((a.title for a in dossier.documents if a.title), None) or "Dossier"
    body = [
        f"<h1>Dossier: {escape(title)}</h1>",
        _summary(dossier),
        _sources(dossier),
        _brief(dossier, docs),
        _ledger(dossier, docs),
        _quotes(dossier, docs),
        _timeline(dossier, docs),
        _entities(dossier),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width,initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_CSS}</style></head><body>"
        + "\n".join(part for part in body if part)
        + "</body></html>\n"
    )


def _name(article: Article | None, doc_id: str) -> str:
    if article is None:
        return doc_id
    approx = "≈" if article.date_estimated else ""
    when = f", {approx}{article.published}" if article.published else ""
    return f"{article.label}{when}"


def _summary(dossier: Dossier) -> str:
    counts: dict[str, int] = {}
    for measure in dossier.measures:
        counts[measure.verdict] = counts.get(measure.verdict, 0) + 1
    verdicts = ", ".join(
        f'<span class="v-{escape(v)}">{n} {escape(v)}</span>' for v, n in sorted(counts.items())
    )
    return (
        f"<p>{len(dossier.documents)} sources · {len(dossier.figures)} figures in "
        f"{len(dossier.measures)} measures ({verdicts or 'none'}) · {len(dossier.quotes)} quotes · "
        f"{len(dossier.events)} dated events</p>"
    )


def _sources(dossier: Dossier) -> str:
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(x))}</td>"
            for x in (
                a.id,
                a.outlet or "—",
                f"≈{a.published} (estimated)" if a.date_estimated else a.published or "—",
                ", ".join(a.bylines) or "—",
                a.title or "—",
                f"rewrites {dossier.derived_from[a.id]}" if a.id in dossier.derived_from else "",
            )
        )
        + "</tr>"
        for a in dossier.documents
    )
    return (
        "<h2>Sources</h2><table><tr><th>id</th><th>outlet</th><th>published</th><th>byline</th>"
        f"<th>title</th><th>note</th></tr>{rows}</table>"
    )


def _brief(dossier: Dossier, docs: dict[str, Article]) -> str:
    if not dossier.brief:
        return ""

    def item(sentence: BriefSentence) -> str:
        cites = "; ".join(
            escape(f"{_name(docs.get(c.doc_id), c.doc_id)} @{c.start}–{c.end}")
            for c in sentence.citations[:4]
        )
        return f'<li>{escape(sentence.text)} <span class="cite">[{cites}]</span></li>'

    shared = "".join(item(b) for b in dossier.brief if b.section != "differ")
    differ = "".join(item(b) for b in dossier.brief if b.section == "differ")
    out = f"<h2>Brief</h2><ul>{shared}</ul>"
    return out + (f"<h3>Where the sources differ</h3><ul>{differ}</ul>" if differ else "")


def _ledger(dossier: Dossier, docs: dict[str, Article]) -> str:
    if not dossier.measures:
        return "<h2>Figure ledger</h2><p>No figures found.</p>"
    figures = {f.id: f for f in dossier.figures}
    ordered = sorted(dossier.measures, key=lambda m: (m.verdict == "single", -len(m.figure_ids)))
    parts = ["<h2>Figure ledger</h2>"]
    for measure in ordered:
        group = [figures[i] for i in measure.figure_ids if i in figures]
        parts.append(_measure(measure, group, docs))
    return "\n".join(parts)


def _measure(measure: Measure, figures: Sequence[Figure], docs: dict[str, Article]) -> str:
    origins = ""
    if measure.outlets and measure.origins:
        origins = (
            f" · {len(measure.outlets)} outlet(s), {len(measure.origins)} origin(s): "
            + escape(", ".join(measure.origins))
        )
    rows = "".join(
        "<tr>"
        + "".join(
            f"<td>{escape(str(x))}</td>"
            for x in (
                _name(docs.get(f.doc_id), f.doc_id),
                f"“{f.text}”",
                counted_with_holder(f),
                f.amount.qualifier or "",
                f.attributed_to or "(outlet)",
                f.as_of or "—",
            )
        )
        + "</tr>"
        for f in sorted(figures, key=lambda f: (str(f.as_of or ""), f.doc_id, f.start))
    )
    chart = _chart(figures, docs) if len(figures) > 1 else ""
    return (
        f'<div class="measure"><h3>{escape(measure.label)}</h3>'
        f'<p><span class="badge v-{escape(measure.verdict)}">{escape(measure.verdict)}</span>'
        f"{origins}"
        f' — <span class="reason">{escape(measure.reason)}</span></p>{chart}'
        "<table><tr><th>source</th><th>wording</th><th>counted</th><th>qualifier</th>"
        f"<th>who says</th><th>as of</th></tr>{rows}</table></div>"
    )


def _chart(figures: Sequence[Figure], docs: dict[str, Article]) -> str:
    """Horizontal bars: each figure's value (or its range), so disagreements are visible."""
    points = [(f, bounds) for f in figures if (bounds := _bounds(f)) is not None]
    if not points:
        return ""
    top = max(b[1] for _, b in points) or 1.0
    width, label_width, bar_height = 640, 220, 18
    rows = []
    for index, (figure, (low, high)) in enumerate(points):
        y = index * (bar_height + 6)
        x0 = label_width + (width - label_width) * low / top
        x1 = label_width + (width - label_width) * high / top
        colour = _COLOURS[index % len(_COLOURS)]
        label = f"{_name(docs.get(figure.doc_id), figure.doc_id)}: {figure.text}"
        rows.append(
            f'<text x="0" y="{y + 13}">{escape(label[:38])}</text>'
            f'<rect x="{x0:.1f}" y="{y}" width="{max(x1 - x0, 3):.1f}" height="{bar_height}" '
            f'fill="{colour}" opacity="0.8"><title>{escape(label)}</title></rect>'
        )
    height = len(points) * (bar_height + 6)
    return (
        f'<svg role="img" aria-label="figures compared" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}">{"".join(rows)}</svg>'
    )


def _bounds(figure: Figure) -> tuple[float, float] | None:
    amount = figure.amount
    if amount.value is not None:
        return amount.value, amount.value
    if amount.low is not None:
        return amount.low, amount.high if amount.high is not None else amount.low
    return None


def _quotes(dossier: Dossier, docs: dict[str, Article]) -> str:
    if not dossier.quotes:
        return ""
    items = "".join(
        f'<blockquote>“{escape(q.text)}”<br><span class="cite">— '
        f"{escape(q.speaker or 'unattributed')}, {escape(_name(docs.get(q.doc_id), q.doc_id))}"
        f"{' (earliest)' if q.earliest else ''}</span></blockquote>"
        for q in dossier.quotes
    )
    return f"<h2>Quotes</h2>{items}"


def _timeline(dossier: Dossier, docs: dict[str, Article]) -> str:
    if not dossier.events:
        return ""
    rows = "".join(
        f"<tr><td>{escape(e.date)}</td><td>{escape(e.description)}</td><td>"
        + escape(", ".join(sorted({_name(docs.get(m.doc_id), m.doc_id) for m in e.mentions})))
        + "</td></tr>"
        for e in dossier.events
    )
    return (
        f"<h2>Timeline</h2><table><tr><th>date</th><th>what</th><th>told by</th></tr>{rows}</table>"
    )


def _entities(dossier: Dossier) -> str:
    if not dossier.entities:
        return ""
    rows = "".join(
        f"<tr><td>{escape(e.name)}</td><td>{escape(e.type)}</td>"
        f"<td>{escape(', '.join(a for a in e.aliases if a != e.name))}</td>"
        f"<td>{len(e.mentions)}</td></tr>"
        for e in sorted(dossier.entities, key=lambda e: -len(e.mentions))[:40]
    )
    return (
        "<h2>Entities</h2><table><tr><th>name</th><th>type</th><th>also written</th>"
        f"<th>mentions</th></tr>{rows}</table>"
    )
