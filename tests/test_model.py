"""The shared data model: what a digest holds survives pickling (the extraction cache) unchanged."""
from __future__ import annotations

import pickle

from hypothesis import given, strategies as st

from newsdigest.model import CleanArticle, OffsetMap, Quote, RemovedLine, Span

texts = st.text(max_size=40)
offsets = st.integers(min_value=0, max_value=10_000)
spans = st.builds(Span, offsets, offsets, texts)
quotes = st.builds(Quote, offsets, offsets, texts, st.none() | texts, st.none() | spans, st.none() | texts,
                   st.sampled_from(["full", "partial", "fragment"]), st.sampled_from(["person", "unknown"]),
                   st.none() | texts, st.floats(0, 1), st.integers(0, 50), texts)
articles = st.builds(CleanArticle, texts, texts, texts, st.dictionaries(texts, texts, max_size=4),
                     st.lists(st.builds(RemovedLine, offsets, texts, texts), max_size=3), st.lists(texts, max_size=3),
                     st.booleans(), st.booleans(),
                     st.builds(OffsetMap, st.lists(st.tuples(offsets, offsets, offsets), max_size=4).map(tuple)))


@given(st.lists(quotes, max_size=5), articles)
def test_quotes_and_articles_come_back_from_a_pickle_equal_and_of_their_class(quotes: list[Quote], article: CleanArticle):
    again_quotes, again_article = pickle.loads(pickle.dumps((quotes, article), protocol=pickle.HIGHEST_PROTOCOL))
    assert again_quotes == quotes and again_article == article
    assert [type(quote) for quote in again_quotes] == [Quote] * len(quotes)
    assert type(again_article.offsets) is OffsetMap and all(type(line) is RemovedLine for line in again_article.removed)
