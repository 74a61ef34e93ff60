"""Properties of quote extraction on any text: no crash, true offsets, same answer twice, linear work."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.quotes import extract_quotes

PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "''", "``", "„", "«", "»", " ", "\n", "\n\n", ",", ".", ":", "—", "(", ")",
    "said", "says", "told", "according to", "he", "she", "Ines", "Kalder", "Ms.", "the mayor", "the council",
    "a statement", "and", "that", "Lisvik", "We will", "x", "É", "·", "\t",
])
ARTICLE_TEXT = st.lists(PIECES, max_size=80).map(" ".join) | st.text(max_size=300)


def check_offsets(text: str) -> None:
    for quote in extract_quotes(text):
        assert 0 <= quote.start <= quote.end <= len(text)
        assert text[quote.start:quote.end] == quote.text
        mention = quote.speaker_mention
        if mention is not None:
            assert 0 <= mention.start <= mention.end <= len(text)
            assert text[mention.start:mention.end] == mention.text
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.kind in ("full", "partial", "fragment")
        assert quote.speaker_kind in ("person", "organisation", "document", "unknown")


@settings(max_examples=300, deadline=None)
@given(ARTICLE_TEXT)
def test_offsets_point_at_the_quoted_words_and_the_speaker(text):
    check_offsets(text)


@settings(max_examples=100, deadline=None)
@given(ARTICLE_TEXT)
def test_same_text_same_quotes(text):
    assert extract_quotes(text) == extract_quotes(text)


def test_a_megabyte_of_quotes_and_names_finishes():
    paragraph = ('“We will rebuild,” Ines Kalder said. "And then?" he asked, and she told the council '
                 "that the pier was “next”. Ms. Kalder's ‘plan’ isn't ready, according to Tomas Vell.\n\n")
    text = paragraph * (1_000_000 // len(paragraph))
    quotes = extract_quotes(text)
    assert len(quotes) == 3 * (1_000_000 // len(paragraph))
    check_offsets(text[:5000])


def test_a_megabyte_sentence_of_marks_finishes():
    text = '" x ' * 250_000
    for quote in extract_quotes(text)[:100]:
        assert text[quote.start:quote.end] == quote.text
