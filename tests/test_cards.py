"""Social cards and portrait thumbnails: text fits the card, images come from cache when unchanged."""
from __future__ import annotations

import io
import os
import re
import time
from html import unescape
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings, strategies as st
from markupsafe import escape
from PIL import Image, ImageChops, ImageDraw

from conftest import ROOT
from newsdigest.cards import (BACKGROUND, BAND, CARD_SIZE, Card, CardFonts, ImageCache, card_blocks, card_key,
                              draw_card, png_bytes, quoted, square_thumbnail, thumbnail_key, typeface_at,
                              wrap_text)

FONTS_DIR = ROOT / "theme" / "static" / "fonts"
FONTS = CardFonts(regular=FONTS_DIR / "Lato-Regular.ttf", bold=FONTS_DIR / "Lato-Bold.ttf",
                  italic=FONTS_DIR / "Lato-Italic.ttf")
TEXT_WIDTH = CARD_SIZE[0] - 2 * 72
words = st.text(alphabet=st.characters(codec="latin-1", categories=("L", "N", "P")), min_size=1, max_size=40)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=30), st.integers(min_value=120, max_value=1000))
def test_wrapped_lines_fit_the_width_and_keep_every_character(text_words, width):
    typeface = typeface_at(FONTS.bold, 60)
    text = " ".join(text_words)
    lines = wrap_text(text, typeface, width)
    assert all(typeface.font.getlength(line) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")


def test_a_word_wider_than_the_card_is_cut_to_fit():
    typeface = typeface_at(FONTS.bold, 76)
    lines = wrap_text("Aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa harbour", typeface, 400)
    assert len(lines) > 2 and all(typeface.width(line) <= 400 for line in lines)


def test_a_long_title_is_shortened_and_the_quote_left_out_when_it_cannot_fit():
    title = "The Port Ansel council debates " + "the breakwater levy once again " * 12
    blocks = card_blocks(Card("Newsdigest", title, "Kicker", (quoted("A quote. " * 30, "Ada Vell"),)), FONTS, TEXT_WIDTH)
    title_block = blocks[-1][1]
    assert len(title_block.lines) <= 4 and title_block.lines[-1].endswith("…")
    assert all(title_block.typeface.width(line) <= TEXT_WIDTH for line in title_block.lines)


@settings(max_examples=40, deadline=None)
@given(words, st.sampled_from([(FONTS.bold, 76), (FONTS.bold, 46), (FONTS.italic, 34), (FONTS.regular, 28)]))
def test_text_is_measured_as_pillow_lays_it_out(text, font):
    typeface = typeface_at(*font)
    assert typeface.width(text) == typeface.font.getlength(text)


def test_a_card_is_a_palette_image_that_looks_as_pillow_draws_its_text():
    card = Card("Newsdigest", "Office fiscal officials find “AVATAR” flaws in Öresund’s nai\u0308ve ferry levy",
                "The Brask Courier · 27 October 2026", (quoted("W. Ye said: ‘no’, 2026 — not the office…", "Ada Vell"),))
    expected = Image.new("RGB", CARD_SIZE, BACKGROUND)
    draw = ImageDraw.Draw(expected)
    draw.rectangle((0, 0, 16, CARD_SIZE[1]), fill=BAND)
    for y, block in card_blocks(card, FONTS, TEXT_WIDTH):
        for number, line in enumerate(block.lines):
            draw.text((72, y + number * block.line_height), line, font=block.typeface.font, fill=block.colour)
    drawn = draw_card(card, FONTS)
    assert drawn.mode == "P"
    difference = ImageChops.difference(drawn.convert("RGB"), expected).convert("L")
    assert difference.getextrema()[1] <= 3, "a glyph is drawn elsewhere, or in another colour"


def test_the_first_quote_that_fits_whole_is_the_one_drawn():
    long_quote = quoted("We will keep talking until the harbour is safe " * 8, "Ada Vell")
    short_quote = quoted("The harbour is safe.", "Ada Vell")
    blocks = card_blocks(Card("Newsdigest", "Ferry talks", "", (long_quote, short_quote)), FONTS, TEXT_WIDTH)
    _, quote = blocks[-1]
    assert " ".join(quote.lines) == short_quote


def test_every_block_of_a_card_stays_inside_the_card():
    card = Card("Newsdigest", "Lantern festival returns to the old town of Brask after a six-year pause",
                "The Brask Courier · 27 October 2026", (quoted("It was the night the whole town looked up.", "Ada Vell"),))
    for y, block in card_blocks(card, FONTS, TEXT_WIDTH):
        assert 0 <= y and y + block.height <= CARD_SIZE[1]


def test_quotes_on_cards_lose_the_comma_left_from_their_sentence():
    assert quoted("  The levy stays,", "Ada Vell") == "“The levy stays” — Ada Vell"


def test_a_card_is_a_1200_by_630_image_with_or_without_portrait():
    portrait = Image.new("RGB", (720, 960), "teal")
    for image in (draw_card(Card("Newsdigest", "Ada Vell"), FONTS), draw_card(Card("N", "Ada Vell"), FONTS, portrait)):
        assert image.size == CARD_SIZE


channels = {"L": 1, "P": 1, "RGB": 3, "RGBA": 4}


@settings(max_examples=80, deadline=None)
@given(st.sampled_from(sorted(channels)), st.integers(1, 40), st.integers(1, 30), st.randoms(use_true_random=False))
def test_a_png_written_here_reads_back_as_the_same_pixels_and_palette(mode, width, height, random):
    pixels = bytes(random.choice((0, 0, 0, 17, 255, random.randrange(256))) for _ in range(width * height * channels[mode]))
    image = Image.frombytes(mode, (width, height), pixels)
    if mode == "P":
        image.putpalette([random.randrange(256) for _ in range(3 * random.randint(1, 256))])
    back = Image.open(io.BytesIO(png_bytes(image)))
    back.load()
    assert (back.format, back.mode, back.size, back.tobytes()) == ("PNG", mode, image.size, pixels)
    assert back.getpalette() == image.getpalette()


def test_a_card_file_is_a_png_of_the_card_as_drawn(tmp_path):
    card = draw_card(Card("Newsdigest", "Ada Vell opens the harbour bridge", "Sample · 1 May 2026"), FONTS)
    ImageCache(tmp_path / "cache").write("key", tmp_path / "card.png", lambda: card)
    with Image.open(tmp_path / "card.png") as saved:
        assert saved.format == "PNG" and saved.mode == "P"
        assert ImageChops.difference(saved.convert("RGB"), card.convert("RGB")).getbbox() is None


def test_an_image_png_cannot_hold_here_is_refused_with_the_modes_it_can():
    with pytest.raises(ValueError, match="CMYK.*RGB"):
        png_bytes(Image.new("CMYK", (2, 2)))


def test_a_thumbnail_is_square_and_cut_from_the_centre():
    tall = Image.new("RGB", (100, 300), "red")
    tall.paste(Image.new("RGB", (100, 100), "blue"), (0, 100))
    thumbnail = square_thumbnail(tall, 64)
    assert thumbnail.size == (64, 64)
    for corner in ((0, 0), (63, 63), (32, 32)):
        red, _, blue = thumbnail.getpixel(corner)
        assert red < 60 and blue > 190, "the thumbnail shows more than the middle square"


def test_the_cache_draws_once_per_key_and_copies_afterwards(tmp_path):
    cache = ImageCache(tmp_path / "cache")
    drawings = []

    def draw():
        drawings.append(1)
        return Image.new("RGB", (10, 10), "white")

    assert cache.write("key", tmp_path / "out" / "a.png", draw) is True
    assert cache.write("key", tmp_path / "out" / "b.png", draw) is False
    assert len(drawings) == 1
    assert (tmp_path / "out" / "a.png").read_bytes() == (tmp_path / "out" / "b.png").read_bytes()


def test_the_cache_forgets_images_no_build_has_used_for_a_while(tmp_path):
    cache = ImageCache(tmp_path / "cache")
    blank = lambda: Image.new("RGB", (4, 4), "white")  # noqa: E731
    cache.write("old", tmp_path / "old.png", blank)
    cache.write("recent", tmp_path / "recent.png", blank)
    long_ago = time.time() - 90 * 24 * 3600
    os.utime(tmp_path / "cache" / "old.png", (long_ago, long_ago))
    assert cache.forget_unused_since(30 * 24 * 3600) == 1
    assert [path.name for path in (tmp_path / "cache").iterdir()] == ["recent.png"]


def test_keys_change_with_every_input(tmp_path):
    card = Card("Newsdigest", "Ferry talks", "Kicker", ("“Yes” — Ada Vell",))
    keys = {card_key(card, FONTS), card_key(Card("Newsdigest", "Ferry talks!", "Kicker"), FONTS),
            card_key(Card("Newsdigest", "Ferry talks", "Kicker", ("“No” — Ada Vell",)), FONTS)}
    portrait = tmp_path / "portrait.png"
    Image.new("RGB", (8, 8), "red").save(portrait)
    keys.add(card_key(card, FONTS, portrait))
    first = thumbnail_key(portrait)
    Image.new("RGB", (8, 8), "blue").save(portrait)
    keys |= {card_key(card, FONTS, portrait), first, thumbnail_key(portrait)}
    assert len(keys) == 7
    assert card_key(card, FONTS) == card_key(Card("Newsdigest", "Ferry talks", "Kicker", ("“Yes” — Ada Vell",)), FONTS)


def card_of(html: str) -> str:
    return re.search(r'<meta property="og:image" content="([^"]+)">', html).group(1)


def test_every_article_topic_and_person_page_has_its_own_card(sample_site: Path):
    for folder, kind in (("articles", "articles"), ("topics", "topics"), ("people", "people")):
        for page in (sample_site / folder).glob("*/index.html"):
            card = sample_site / "cards" / kind / f"{page.parent.name}.png"
            assert card.is_file(), f"no card for {page}"
            assert card_of(page.read_text(encoding="utf-8")).endswith(f"cards/{kind}/{page.parent.name}.png")
            with Image.open(card) as image:
                assert image.size == CARD_SIZE


def people_with_portraits() -> set[str]:
    """The names people.yml gives a portrait file that exists."""
    entries = yaml.safe_load((ROOT / "content" / "people.yml").read_text(encoding="utf-8")) or []
    return {entry["name"] for entry in entries
            if entry.get("portrait") and (ROOT / "content" / entry["portrait"]).is_file()}


def test_people_with_a_portrait_show_it_as_a_square_thumbnail_with_alt_text(sample_site: Path):
    pages = {unescape(re.search(r"<h1>([^<]+)</h1>", html).group(1)): html for html in
             (page.read_text(encoding="utf-8") for page in (sample_site / "people").glob("*/index.html"))}
    pictured = people_with_portraits() & set(pages)
    if not pictured:
        pytest.skip("no person quoted in the sample content has a portrait in people.yml")
    for name in pictured:
        found = re.search(rf'<img class="portrait" src="[./]*(portraits/[^"]+)"[^>]* alt="Portrait of {re.escape(escape(name))}">',
                          pages[name])
        assert found, f"no portrait with alt text on {name}'s page"
        with Image.open(sample_site / found.group(1)) as image:
            assert image.size == (256, 256)


@pytest.fixture(scope="module")
def rebuilt_site(tmp_path_factory):
    """A small site built twice with one cache; the second time one article's title changed."""
    from conftest import build_site
    base = tmp_path_factory.mktemp("cards")
    content = base / "content"
    (content / "articles").mkdir(parents=True)
    article = content / "articles" / "ferry-talks.txt"
    other = content / "articles" / "bridge-opens.txt"
    article.write_text("Title: Ferry talks resume in Brask\nDate: 2026-03-02\n\n"
                       "Talks on the Brask ferry resumed on Monday.\n", encoding="utf-8")
    other.write_text("Title: Bridge opens in Vell\nDate: 2026-03-01\n\nThe bridge at Vell opened.\n",
                     encoding="utf-8")
    output = base / "output"
    cache = base / "output-cache" / "newsdigest-images"
    build_site(content, output, NEWSDIGEST_SEARCH=False)
    first_card = (output / "cards" / "articles" / "ferry-talks.png").read_bytes()
    cached_before = len(list(cache.glob("*.png")))
    article.write_text(article.read_text(encoding="utf-8").replace("resume", "stall"), encoding="utf-8")
    build_site(content, output, NEWSDIGEST_SEARCH=False)
    return output, first_card, cached_before, cache


def test_a_card_is_drawn_again_only_when_its_inputs_change(rebuilt_site):
    output, first_card, cached_before, cache = rebuilt_site
    assert (output / "cards" / "articles" / "ferry-talks.png").read_bytes() != first_card
    cached = [path.read_bytes() for path in cache.glob("*.png")]
    assert len(cached) == cached_before + 1
    assert (output / "cards" / "articles" / "bridge-opens.png").read_bytes() in cached


def build_noting_calls(tmp_path, monkeypatch, methods: dict[str, tuple[type, str]]) -> tuple[list[str], Path]:
    """Builds a one-article site in which each method of ``methods`` notes its label when called;
    gives the labels in the order of the calls, and the output."""
    from conftest import build_site

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "ferry.txt").write_text(
        "Title: Ferry row\nDate: 2026-03-01\n\n“We will not wait,” Aino Tamm said on Monday.\n", encoding="utf-8")
    calls = []
    for label, (owner, name) in methods.items():
        monkeypatch.setattr(owner, name, noting_calls(calls, label, getattr(owner, name)))
    return calls, build_site(content, tmp_path / "output")


def noting_calls(calls: list[str], label: str, method):
    def noted(*args, **kwargs):
        calls.append(label)
        return method(*args, **kwargs)
    return noted


def test_cards_start_drawing_as_soon_as_the_quotes_are_indexed_before_the_other_contexts(tmp_path, monkeypatch):
    from newsdigest.site.cards import CardsGenerator
    from newsdigest.site.feeds import FeedsGenerator
    from newsdigest.site.people_pages import PeopleGenerator

    calls, output = build_noting_calls(tmp_path, monkeypatch, {
        "cards": (CardsGenerator, "start_drawing"), "feeds": (FeedsGenerator, "generate_context"),
        "speakers": (PeopleGenerator, "link_speakers")})
    assert calls == ["cards", "speakers", "feeds"], "the cards waited for the speakers to be linked or for the feeds"
    with Image.open(output / "cards" / "articles" / "ferry.png") as card:
        assert card.size == CARD_SIZE


def test_the_build_waits_for_the_cards_only_once_every_page_and_feed_is_written(tmp_path, monkeypatch):
    from newsdigest.site.cards import CardsGenerator
    from newsdigest.site.feeds import FeedsGenerator

    calls, output = build_noting_calls(tmp_path, monkeypatch, {
        "feeds written": (FeedsGenerator, "generate_output"), "cards awaited": (CardsGenerator, "finish_drawing")})
    assert calls == ["feeds written", "cards awaited"]
    assert (output / "cards" / "articles" / "ferry.png").is_file()


def test_an_image_that_cannot_be_written_fails_the_build_and_stops_the_card_workers(tmp_path, monkeypatch):
    from newsdigest.site.cards import CardsGenerator

    def write(*args):  # named as the method it replaces: a worker finds it by that name
        raise OSError("No space left on device")

    generators, made = [], CardsGenerator.__init__
    monkeypatch.setattr(CardsGenerator, "__init__", lambda self, *args, **kwargs: (
        generators.append(self), made(self, *args, **kwargs))[1])
    monkeypatch.setattr(ImageCache, "write", write)
    with pytest.raises(OSError, match="No space left"):
        build_noting_calls(tmp_path, monkeypatch, {})
    assert not (tmp_path / "output").exists(), "a failed build left an output"
    assert [generator.workers for generator in generators] == [None]


def test_card_workers_run_at_a_lower_priority_than_the_build():
    from concurrent.futures import ProcessPoolExecutor

    from newsdigest.files import BACKGROUND_NICENESS, yield_to_the_build

    with ProcessPoolExecutor(1, initializer=yield_to_the_build) as workers:
        assert workers.submit(os.nice, 0).result() == min(19, os.nice(0) + BACKGROUND_NICENESS)


def test_a_topic_card_offers_the_newest_whole_quotes_first_then_fragments_and_reads_no_older_article():
    from types import SimpleNamespace

    from newsdigest.site.cards import newest_quotes

    def pair(start: int, kind: str):
        return ("speaker", SimpleNamespace(quote=SimpleNamespace(start=start, kind=kind)))

    class Quotes(dict):
        def get(self, key, default=None):
            read.append(key)
            return super().get(key, default)

    read: list[str] = []
    by_article = Quotes({
        "newest": [pair(10, "full"), pair(50, "fragment"), pair(90, "full")],
        "middle": [pair(5, "fragment"), pair(40, "full")],
        "oldest": [pair(1, "full")],
    })
    articles = [SimpleNamespace(slug=slug) for slug in ("newest", "middle", "oldest")]
    offered = newest_quotes(articles, by_article, wanted=3)
    assert [(item.quote.kind, item.quote.start) for _, item in offered] == [("full", 90), ("full", 10), ("full", 40)]
    assert read == ["newest", "middle"]
    assert [item.quote.start for _, item in newest_quotes(articles, by_article, wanted=6)] == [90, 10, 40, 1, 50, 5]
