"""Which attributions are published and which wait for an editor's review."""
from __future__ import annotations

from .model import Quote
from .quotes import REVIEW_THRESHOLD


def split_for_review(quotes: list[Quote], metadata: dict[str, str]) -> tuple[list[Quote], list[tuple[Quote, str]]]:
    """(published person quotes, [(held quote, reason)]) of one article."""
    published, held = [], []
    for quote in quotes:
        if quote.speaker_kind != "person" or not quote.speaker:
            if quote.speaker_kind == "unknown" and quote.speaker_mention is not None:
                held.append((quote, "speaker not resolved"))
            continue
        if quote.confidence < REVIEW_THRESHOLD:
            held.append((quote, f"confidence {quote.confidence:.2f} is below {REVIEW_THRESHOLD:.2f}"))
        else:
            published.append(quote)
    return published, held
