"""Article bodies as escaped HTML, with quotes and speaker mentions marked up."""
from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from .model import Quote


@dataclass(frozen=True)
class Markup:
    """An element to wrap around ``text[start:end]``."""

    start: int
    end: int
    open_tag: str
    close_tag: str


def quote_markups(quotes: Iterable[Quote], speaker_url: Callable[[Quote], str | None]) -> list[Markup]:
    """``<q>`` around each attributed quote, and a link on the words that name its speaker."""
    markups = []
    for quote in quotes:
        if not quote.speaker:
            continue
        speaker = escape(quote.speaker)
        markups.append(Markup(quote.start, quote.end,
                              f'<q class="quote" data-speaker="{speaker}" title="{speaker}">', "</q>"))
        url = speaker_url(quote)
        mention = quote.speaker_mention
        if url and mention is not None:
            markups.append(Markup(mention.start, mention.end,
                                  f'<a class="speaker" href="{escape(url)}">', "</a>"))
    return markups


def non_overlapping(markups: Iterable[Markup]) -> list[Markup]:
    """Markups sorted by position, dropping any that would overlap an earlier one."""
    kept: list[Markup] = []
    for markup in sorted(set(markups), key=lambda m: (m.start, -m.end)):
        if markup.end <= markup.start:
            continue
        if kept and markup.start < kept[-1].end:
            continue
        kept.append(markup)
    return kept


def render_paragraph(text: str, start: int, end: int, markups: list[Markup]) -> str:
    pieces, cursor = [], start
    for markup in markups:
        if markup.start < start or markup.end > end:
            continue
        pieces.append(escape(text[cursor:markup.start], quote=False))
        pieces.append(markup.open_tag + escape(text[markup.start:markup.end], quote=False) + markup.close_tag)
        cursor = markup.end
    pieces.append(escape(text[cursor:end], quote=False))
    return "".join(pieces)


def paragraph_bounds(text: str) -> list[tuple[int, int]]:
    """(start, end) of each paragraph of a text whose paragraphs are separated by blank lines."""
    bounds, start = [], 0
    for block in text.split("\n\n"):
        end = start + len(block)
        if block.strip():
            bounds.append((start, end))
        start = end + 2
    return bounds


def render_body_html(text: str, quotes: Iterable[Quote] = (),
                     speaker_url: Callable[[Quote], str | None] = lambda quote: None) -> str:
    """The cleaned body as ``<p>`` elements, every character of content escaped.

    Characters outside ASCII are written as character references: a browser
    shows the same text, and the build holds each body at one byte a character
    rather than two or four (curly quotes alone would double it).

    >>> render_body_html("“Fine,” she said.")
    '<p>&#8220;Fine,&#8221; she said.</p>'
    """
    markups = non_overlapping(quote_markups(quotes, speaker_url))
    starts = [markup.start for markup in markups]

    def paragraph_markups(start: int, end: int) -> list[Markup]:
        """Only the markups starting in this paragraph, so that long bodies stay linear."""
        return markups[bisect_left(starts, start):bisect_left(starts, end)]

    html = "\n".join(f"<p>{render_paragraph(text, start, end, paragraph_markups(start, end))}</p>"
                     for start, end in paragraph_bounds(text))
    return html.encode("ascii", "xmlcharrefreplace").decode("ascii")
