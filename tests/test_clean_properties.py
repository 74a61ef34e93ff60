"""Properties of the cleaner over generated articles: it never crashes, its offsets are
right, and cleaning a cleaned text changes nothing."""
from __future__ import annotations


from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from newsdigest.clean import clean_article
from newsdigest.errors import ContentError
from test_clean_boilerplate import BOILERPLATE

WORDS = ("harbour ferry council storm the a of to and in on at for with mayor quay boats winter crews "
         "ticket island bridge vote budget night water engineers road week").split()
NAMES = ("Varga", "Lindqvist", "Holm", "Norrvik", "Ek")
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

word = st.sampled_from(WORDS)
name = st.sampled_from(NAMES)


@st.composite
def sentences(draw, shortest: int = 3, longest: int = 24) -> str:
    words = draw(st.lists(st.one_of(word, name), min_size=shortest, max_size=longest))
    return words[0].capitalize() + " " + " ".join(words[1:]) + draw(st.sampled_from([".", "?", "!"]))


@st.composite
def quoted(draw) -> str:
    sentence = draw(sentences())
    opening, closing = draw(st.sampled_from([("“", "”"), ('"', '"')]))
    return f"{opening}{sentence}{closing} {draw(name)} {draw(st.sampled_from(['said', 'told reporters', 'added']))}."


@st.composite
def wrapped(draw) -> str:
    """One paragraph broken over two lines, the second starting lower-case."""
    first = " ".join(draw(st.lists(word, min_size=3, max_size=8)))
    second = " ".join(draw(st.lists(word, min_size=2, max_size=8)))
    return f"{first.capitalize()}\n{second}."


repairable = st.sampled_from([
    "Minister Oskar Lindqvistsaid the boats were ready for the winter crossing.",
    "The mayorâ€™s plan for the cafÃ© was ready &amp; approved.",
    "Ferry  crews\twaited \u00a0 on the quay.",
])
paragraph = st.one_of(sentences(), quoted(), wrapped(), repairable,
                      st.lists(sentences(), min_size=2, max_size=3).map(" ".join))
boilerplate = st.sampled_from([line for line, _ in BOILERPLATE])
separator = st.sampled_from(["\n", "\n\n", "\n \n\n", "\n\t\n"])


@st.composite
def articles(draw) -> str:
    """A header-less article: maybe a headline, a long lead, then paragraphs and boilerplate."""
    parts = []
    if draw(st.booleans()):
        parts.append(" ".join(word.title() for word in draw(st.lists(word, min_size=2, max_size=8))))
    parts.append(draw(sentences(shortest=18, longest=30)))
    parts.extend(draw(st.lists(st.one_of(paragraph, paragraph, boilerplate), min_size=1, max_size=12)))
    text = parts[0]
    for part in parts[1:]:
        text += draw(separator) + part
    return text + draw(st.sampled_from(["", "\n", "\n\n"]))


def assert_offsets_valid(raw: str, cleaned) -> None:
    """Every copied character maps to the same character of the raw text; only spaces,
    newlines and repaired characters lie outside the copied runs."""
    covered = 0
    for start, source, length in cleaned.offsets.segments:
        assert cleaned.text[start:start + length] == raw[source:source + length]
        for offset in (start, start + length - 1):
            assert raw[cleaned.offsets.to_source(offset)] == cleaned.text[offset]
        covered += length
    assert len(cleaned.text) - covered <= cleaned.text.count(" ") + cleaned.text.count("\n") + 40


@SETTINGS
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=400))
def test_any_text_is_cleaned_or_refused_with_a_content_error(raw):
    try:
        cleaned = clean_article(raw, "any.txt")
    except ContentError as error:
        assert error.file == "any.txt"
        return
    assert cleaned.text and cleaned.title
    assert_offsets_valid(raw, cleaned)


@SETTINGS
@given(articles())
def test_offsets_map_every_copied_character_back(raw):
    cleaned = clean_article(raw)
    assert_offsets_valid(raw, cleaned)
    for index, character in enumerate(cleaned.text):
        if any(start <= index < start + length for start, _, length in cleaned.offsets.segments):
            assert raw[cleaned.offsets.to_source(index)] == character


@SETTINGS
@given(articles())
def test_cleaning_is_idempotent(raw):
    once = clean_article(raw).text
    assert clean_article(once).text == once


@SETTINGS
@given(articles())
def test_paragraphs_are_separated_by_exactly_one_blank_line(raw):
    text = clean_article(raw).text
    assert "\n\n\n" not in text and "  " not in text
    assert all(paragraph == paragraph.strip() and "\n" not in paragraph for paragraph in text.split("\n\n"))


def test_a_ten_megabyte_article_is_cleaned_whole():
    lines = []
    for index in range(40000):
        lines.append("Sign up for our morning briefing" if index % 9 == 0 else
                     "The mayorâ€™s plan for the cafÃ© was ready, Varga said." if index % 40 == 1 else
                     f"Harbour master Ilse Varga said on day {index} that the “Norrvik ferry” would keep "
                     "running through the storm, and crews worked through the night to clear the quay.")
    raw = "Ferry Keeps Running\n\n" + "\n\n".join(lines) + "\n"
    raw += raw.replace("\n\n", "\n")
    assert len(raw) > 10_000_000
    cleaned = clean_article(raw)
    assert len(cleaned.paragraphs()) > 70000
    assert "Sign up for our morning briefing" not in cleaned.text
