"""Social cards and portrait thumbnails, drawn by worker processes from the moment the quotes are
indexed, while the build makes its other contexts and writes its pages; the build waits for them
only once every page is written (``finalized``). The workers run at a lower priority than the
build's own thread, whose pages are the longer path through the build.

Writes ``cards/site.png``, ``cards/articles/<slug>.png``, ``cards/topics/<slug>.png``,
``cards/people/<slug>.png`` and ``portraits/<slug>.png``; templates find a
person's thumbnail in ``portrait_urls``. Images are cached under CACHE_PATH.
"""
from __future__ import annotations

import functools
import logging
import os
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from PIL import Image
from pelican import signals
from pelican.generators import Generator

from newsdigest.cache import worker_context
from newsdigest.cards import (Card, CardFonts, ImageCache, card_key, card_with_portrait_file, quoted, thumbnail_key,
                              thumbnail_of_file)
from newsdigest.filecache import CACHE_KEPT_FOR
from newsdigest.files import yield_to_the_build

from .editorial import people_registry
from .lifecycle import build_ending, quote_index_made
from .people_pages import person_slug

logger = logging.getLogger(__name__)

QUOTES_PER_CARD = 6
JOBS_PER_TASK = 16  # images a worker is handed at a time: fewer round trips, still a fair share each


def fonts_of_theme(theme: str) -> CardFonts:
    fonts = Path(theme) / "static" / "fonts"
    return CardFonts(regular=fonts / "Lato-Regular.ttf", bold=fonts / "Lato-Bold.ttf",
                     italic=fonts / "Lato-Italic.ttf")


def readable_image(path: Path) -> bool:
    try:
        with Image.open(path) as image:
            image.verify()
    except (OSError, SyntaxError, Image.DecompressionBombError):
        return False
    return True


def portrait_file(portrait: str, content: Path) -> Path | None:
    """The portrait's file when it is a readable image inside the content folder, else None."""
    path = (content / portrait).resolve()
    if path.is_relative_to(content.resolve()) and path.is_file() and readable_image(path):
        return path
    return None


def quotes_by_article(index) -> dict[str, list]:
    """Every published quote as (person, indexed quote) under its article's key, in the order of the text."""
    grouped = defaultdict(list)
    for entry in (index.people.values() if index else ()):
        for item in entry.quotes:
            grouped[item.article.key].append((entry.person, item))
    for pairs in grouped.values():
        pairs.sort(key=lambda pair: pair[1].quote.start)
    return grouped


def newest_quotes(articles, by_article: dict[str, list], wanted: int = QUOTES_PER_CARD) -> list:
    """A card's candidates from ``articles``, listed newest first: their newest published quotes, whole
    sentences before fragments, at most ``wanted``; it reads only as many articles as it needs."""
    whole, fragments = [], []
    for article in articles:
        for pair in reversed(by_article.get(article.slug, ())):
            (whole if pair[1].quote.kind == "full" else fragments).append(pair)
        if len(whole) >= wanted:
            break
    return (whole + fragments)[:wanted]


def card_quotes(pairs) -> tuple[str, ...]:
    """A card's candidate quotes from (person, indexed quote) pairs: whole sentences before fragments."""
    ranked = sorted(pairs, key=lambda pair: pair[1].quote.kind != "full")
    return tuple(quoted(item.quote.text, person.name) for person, item in ranked[:QUOTES_PER_CARD])


class CardsGenerator(Generator):
    """Draws one card for the site, each article, topic and person, and the portrait thumbnails."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.workers: ProcessPoolExecutor | None = None
        self.started = False
        quote_index_made.connect(self.draw_once_the_quotes_are_indexed)

    def draw_once_the_quotes_are_indexed(self, context) -> None:
        """Starts drawing when this build's quotes are indexed, while the people plugin links the speakers
        and the other contexts are made."""
        if context is self.context and not self.started:
            self.start_drawing()

    @functools.cached_property
    def portraits(self) -> dict[str, Path]:
        """Each registered person's portrait, when it is a readable image in the content folder."""
        content, found = Path(self.settings["PATH"]), {}
        for person in people_registry(self.settings).people:
            if not person.portrait:
                continue
            path = portrait_file(person.portrait, content)
            if path:
                found[person.name] = path
            else:
                logger.warning("%s: portrait %r is not a readable image in %s", person.name, person.portrait, content)
        return found

    def generate_context(self):
        self.context["portrait_urls"] = {name: f"portraits/{person_slug(name, self.settings)}.png"
                                         for name in self.portraits}

    def start_drawing(self) -> None:
        """Queues every image and starts drawing them in worker processes, which go on while
        the build makes the other contexts and writes its pages; ``finish_drawing`` waits for them."""
        self.started = True
        DRAWING.append(self)
        self.cache = ImageCache(Path(self.settings["CACHE_PATH"]) / "newsdigest-images")
        self.fonts = fonts_of_theme(self.theme)
        self.jobs = []
        index = self.context.get("quote_index")
        self.quotes_by_article = quotes_by_article(index)
        site = self.settings["SITENAME"]
        self.write_card("cards/site.png", Card(site, self.settings.get("SITESUBTITLE") or site))
        for article in self.context.get("articles", []):
            self.write_card(f"cards/articles/{article.slug}.png", self.article_card(article))
        for tag, articles in self.context.get("tags", []):
            self.write_card(f"cards/topics/{tag.slug}.png", self.topic_card(tag.name, articles))
        for name, entry in (index.people.items() if index else ()):
            self.write_person_images(self.context["person_slugs"][name], entry)
        self.workers = ProcessPoolExecutor(os.cpu_count() or 1, mp_context=worker_context(),
                                           initializer=yield_to_the_build)
        self.drawn = self.workers.map(self.cache.write, *zip(*self.jobs), chunksize=JOBS_PER_TASK)

    def finish_drawing(self) -> None:
        """Waits for every image, then removes the cached images no build has used for a while;
        the workers stop even when an image fails."""
        try:
            drawn = sum(self.drawn)
        finally:
            self.stop_drawing()
        forgotten = self.cache.forget_unused_since(CACHE_KEPT_FOR)
        logger.info("Cards: %d images written, %d of them drawn anew; %d unused cached images removed",
                    len(self.jobs), drawn, forgotten)

    def write_person_images(self, slug: str, entry) -> None:
        """The person's card, and their portrait's thumbnail when they have one."""
        portrait = self.portraits.get(entry.person.name)
        self.write_card(f"cards/people/{slug}.png", self.person_card(entry), portrait)
        if portrait:
            self.write_thumbnail(f"portraits/{slug}.png", portrait)

    def article_card(self, article) -> Card:
        in_article = self.quotes_by_article.get(article.slug, ())
        kicker = " · ".join(filter(None, [getattr(article, "source", ""), article.locale_date]))
        return Card(self.settings["SITENAME"], article.title, kicker, card_quotes(in_article))

    def topic_card(self, topic: str, articles: list) -> Card:
        """The topic's card: its number of articles and the newest quotes of its newest articles."""
        count = len(articles)
        kicker = f"Topic · {count} article{'s' if count != 1 else ''}"
        quotes = card_quotes(newest_quotes(articles, self.quotes_by_article))
        return Card(self.settings["SITENAME"], topic, kicker, quotes)

    def person_card(self, entry) -> Card:
        return Card(self.settings["SITENAME"], entry.person.name, entry.role,
                    card_quotes((entry.person, item) for item in entry.quotes))

    def write_card(self, name: str, card: Card, portrait: Path | None = None) -> None:
        draw = functools.partial(card_with_portrait_file, card, self.fonts, portrait)
        self.write_image(name, card_key(card, self.fonts, portrait), draw)

    def write_thumbnail(self, name: str, source: Path) -> None:
        self.write_image(name, thumbnail_key(source), functools.partial(thumbnail_of_file, source))

    def write_image(self, name: str, key: str, draw) -> None:
        """Queues the image; ``draw`` must pickle, as it is called in a worker process."""
        self.jobs.append((key, Path(self.output_path) / name, draw))

    def stop_drawing(self) -> None:
        """Drops the images not yet drawn and waits for the workers (at once when the build ends early)."""
        if self.workers is not None:
            self.workers.shutdown(wait=True, cancel_futures=True)
        self.workers = None


DRAWING: list[CardsGenerator] = []


def start_drawing(generators) -> None:
    """Once every generator has its context, a cards generator that has not started drawing does."""
    for generator in generators:
        if isinstance(generator, CardsGenerator) and not generator.started:
            generator.start_drawing()


def finish_drawing(pelican) -> None:
    """Once every page is written, waits for the images still being drawn."""
    while DRAWING:
        DRAWING.pop().finish_drawing()


def stop_drawing(pelican) -> None:
    for generator in DRAWING:
        generator.stop_drawing()
    DRAWING.clear()


def get_generators(pelican):
    return CardsGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.all_generators_finalized.connect(start_drawing)
    signals.finalized.connect(finish_drawing)
    build_ending.connect(stop_drawing)
