"""Properties over hostile input that the cleaner's and the extractor's own property tests leave out:
any bytes are decoded and cleaned or refused with a ContentError; the whole pipeline's quotes point
inside the raw file; the rendered body holds no markup but its own."""
from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.clean import clean_article, decode_article_bytes
from newsdigest.digest import digest_text
from newsdigest.errors import ContentError
from newsdigest.render import render_body_html

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

PIECES = st.sampled_from([
    "“", "”", '"', "‘", "’", "'", "«", "»", "„", " ", "\n", "\n\n", "\r\n", ",", ".", "—", ":",
    "said", "told", "according to", "she", "Tove Arnlund", "Dara O'Neill", "the mayor", "Port Ansel",
    "<script>alert(1)</script>", "<img src=x onerror=alert(2)>", '" onmouseover="x', "&amp;", "&",
    "javascript:alert(3)", "</q>", "<p>", "Title: ", "Date: 2026-02-30", "Advertisement", "\x00", "\ufeff",
    "é", "â€™", "\u202e", "\t",
])
HOSTILE_TEXT = st.lists(PIECES, max_size=60).map("".join) | st.text(max_size=300)
HOSTILE_BYTES = st.binary(max_size=400) | HOSTILE_TEXT.flatmap(
    lambda text: st.sampled_from(["utf-8", "utf-16", "utf-16-be", "cp1252", "latin-1"]).map(
        lambda codec: text.encode(codec, errors="replace")))

OWN_TAGS = re.compile(r'</?p>|<q class="quote" data-speaker="[^"<>]*" title="[^"<>]*">|</q>'
                      r'|<a class="speaker" href="[^"<>]*">|</a>')


@SETTINGS
@given(HOSTILE_BYTES)
def test_any_bytes_are_cleaned_or_refused_with_a_content_error(data):
    try:
        text, warnings = decode_article_bytes(data, "any.txt")
        cleaned = clean_article(text, "any.txt")
    except ContentError as error:
        assert error.file == "any.txt" and error.problem
        return
    assert "\r" not in text and all(isinstance(warning, str) for warning in warnings)
    assert cleaned.text.strip() and cleaned.title


def digest_unless_refused(raw: str):
    """The digest of ``raw``, or None when the cleaner refuses it with a ContentError (which is allowed)."""
    try:
        return digest_text(raw, "any.txt")
    except ContentError:
        return None


@SETTINGS
@given(HOSTILE_TEXT)
def test_the_pipeline_gives_quotes_inside_the_raw_text(raw):
    digest = digest_unless_refused(raw)
    if digest is None:
        return
    for quote in digest.quotes:
        assert digest.article.text[quote.start:quote.end] == quote.text
    for quote in digest.quotes_in_source():
        assert 0 <= quote.start <= quote.end <= len(raw)


@SETTINGS
@given(HOSTILE_TEXT)
def test_the_rendered_body_holds_no_markup_but_its_own(raw):
    digest = digest_unless_refused(raw)
    if digest is None:
        return
    html = render_body_html(digest.article.text, digest.quotes, lambda quote: "../people/someone/")
    assert "<" not in OWN_TAGS.sub("", html) and ">" not in OWN_TAGS.sub("", html)
