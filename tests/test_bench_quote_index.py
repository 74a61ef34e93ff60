"""The quote index counts each topic's speakers once and answers every tag page from the count."""
from __future__ import annotations

from newsdigest.model import Quote
from newsdigest.people import PeopleRegistry, SourceArticle, build_quote_index


def article(key: str, *topics: str) -> SourceArticle:
    return SourceArticle(key=key, title=key, url=f"articles/{key}/", date="2026-01-01", source="", topics=topics)


def said(speaker: str, start: int) -> Quote:
    return Quote(start, start + 5, "words", speaker=speaker, speaker_kind="person")


def test_top_speakers_count_quotes_in_articles_on_the_topic():
    index = build_quote_index([
        (article("a", "Energy", "Health"), [said("Aino Tamm", 0), said("Maren Holt", 10)]),
        (article("b", "Energy"), [said("Aino Tamm", 0), said("Aino Tamm", 10)]),
        (article("c", "Health", "Health"), [said("Maren Holt", 0)]),
    ], PeopleRegistry())
    assert [(person.name, n) for person, n in index.top_speakers("Energy")] == [("Aino Tamm", 3), ("Maren Holt", 1)]
    assert [(person.name, n) for person, n in index.top_speakers("Health", limit=1)] == [("Maren Holt", 2)]
    assert index.top_speakers("Weather") == []
