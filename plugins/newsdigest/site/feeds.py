"""Atom and RSS feeds of the digest: every article, each topic, each person's quotes.

They replace Pelican's own feeds. Every id is a tag URI made from an article's
date and slug, so it survives rebuilds and moves of the site; every link is
absolute; every date comes from the articles, so building the same content
twice writes the same bytes. The Feeds page at ``feeds/`` lists them all.

Written feeds are cached under CACHE_PATH by a hash of everything they are
made from (their entries, the settings they use, this module and feedgen's
version), so a rebuild writes anew only the feeds whose entries changed.
"""
from __future__ import annotations

import dataclasses
import functools
import hashlib
import re
from collections.abc import Iterator
from importlib.metadata import version
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timezone
from html import escape
from itertools import islice
from pathlib import Path

from feedgen.feed import FeedGenerator
from pelican import signals
from pelican.generators import Generator

from newsdigest.filecache import CACHE_KEPT_FOR, FileCache
from newsdigest.files import hash_of_pickle
from newsdigest.people import IndexedQuote, PersonEntry, QuoteIndex
from newsdigest.render import render_body_html

DEFAULTS = {
    "NEWSDIGEST_LOCAL_FEED_URL": "http://localhost:8000",
    "NEWSDIGEST_TAG_AUTHORITY": "newsdigest.example",
    "NEWSDIGEST_TAG_DATE": "2026",
    "NEWSDIGEST_FEED_MAX_ITEMS": 50,
    "NEWSDIGEST_FEED_SUMMARY_ONLY": False,
}
FEED_PATHS = {"site": "feeds/all", "topic": "feeds/topics/{slug}", "person": "feeds/people/{slug}"}
FORMATS = {"atom": "application/atom+xml", "rss": "application/rss+xml"}
NO_ENTRIES_UPDATED = datetime(1970, 1, 1, tzinfo=timezone.utc)
TITLE_LENGTH = 90
FEED_CODE = hashlib.sha256(Path(__file__).read_bytes() + version("feedgen").encode()).hexdigest()


def setting(settings: dict, name: str):
    return settings.get(name, DEFAULTS[name])


def feed_path(kind: str, slug: str = "") -> str:
    """Where a feed is written, without its ``.atom.xml``/``.rss.xml`` ending."""
    return FEED_PATHS[kind].format(slug=slug)


def feed_root(settings: dict) -> str:
    """The absolute address feeds link from: FEED_DOMAIN, else SITEURL, else the local server's."""
    root = settings.get("FEED_DOMAIN") or settings.get("SITEURL") or setting(settings, "NEWSDIGEST_LOCAL_FEED_URL")
    return root.rstrip("/")


def tag_uri(settings: dict, date: str, specific: str) -> str:
    """An RFC 4151 id: ``tag:<authority>,<date>:<specific>``; ``date`` may be a longer ISO timestamp."""
    return f"tag:{setting(settings, 'NEWSDIGEST_TAG_AUTHORITY')},{date[:10]}:{specific}"


def fingerprint(text: str) -> str:
    """A short hash of a quote's words alone: case, spacing and punctuation make no difference."""
    words = " ".join(re.findall(r"\w+", text.casefold()))
    return hashlib.sha1(words.encode("utf-8")).hexdigest()[:12]


def shortened(text: str, length: int = TITLE_LENGTH) -> str:
    """The text on one line, cut at a word to at most ``length`` characters, without trailing commas."""
    text = " ".join(text.split())
    text = text if len(text) <= length else text[:length].rsplit(" ", 1)[0] + "…"
    return text.rstrip(",;: ")


@dataclass(frozen=True)
class Entry:
    """One feed entry, before it is written as Atom or RSS; ``content`` is escaped HTML."""

    id: str
    title: str
    url: str
    date: datetime
    summary: str
    content: str
    author: str = ""
    categories: tuple[str, ...] = ()


@dataclass(frozen=True)
class Feed:
    """A feed the site offers and the page it follows."""

    path: str
    id: str
    label: str
    title: str
    subtitle: str
    page_url: str
    entries: tuple[Entry, ...]

    def file(self, kind: str) -> str:
        return f"{self.path}.{kind}.xml"

    @property
    def updated(self) -> datetime:
        return max((entry.date for entry in self.entries), default=NO_ENTRIES_UPDATED)


def quote_ids(index: QuoteIndex, settings: dict) -> dict[tuple[str, int, int], str]:
    """Each published quote's id: its article's tag URI and a hash of its words, numbered if repeated."""
    items = sorted((item for entry in index.people.values() for item in entry.quotes),
                   key=lambda item: (item.article.key, item.quote.start))
    seen: Counter = Counter()
    ids = {}
    for item in items:
        words = fingerprint(item.quote.text)
        seen[item.article.key, words] += 1
        repeat = seen[item.article.key, words]
        specific = f"{item.article.key}/quote/{words}" + (f"-{repeat}" if repeat > 1 else "")
        ids[item.article.key, item.quote.start, item.quote.end] = tag_uri(settings, item.article.date, specific)
    return ids


class FeedBuilder:
    """Makes the site's feeds from the articles and the quote index in a Pelican context."""

    def __init__(self, context: dict, settings: dict):
        self.context = context
        self.settings = settings
        self.root = feed_root(settings)
        self.index: QuoteIndex = context["quote_index"]
        self.slugs: dict[str, str] = context["person_slugs"]
        self.quote_ids = quote_ids(self.index, settings)
        self.article_entries: dict[str, Entry] = {}

    def absolute(self, url: str) -> str:
        return f"{self.root}/{url}"

    def newest(self, articles) -> list:
        """Articles with a digest, newest first, the slug breaking ties."""
        digested = [article for article in articles if getattr(article, "digest", None)]
        return sorted(digested, key=lambda article: (article.date, article.slug), reverse=True)

    def feed(self, kind: str, slug: str, label: str, subtitle: str, page_url: str, entries) -> Feed:
        """A feed titled with the site's name and ``label``, holding the first entries up to the maximum."""
        path = feed_path(kind, slug)
        limit = setting(self.settings, "NEWSDIGEST_FEED_MAX_ITEMS")
        return Feed(path, tag_uri(self.settings, setting(self.settings, "NEWSDIGEST_TAG_DATE"), path),
                    label, f"{self.settings['SITENAME']}: {label}", subtitle, page_url,
                    tuple(islice(entries, limit)))

    def site_feed(self) -> Feed:
        name = self.settings["SITENAME"]
        subtitle = self.settings.get("SITESUBTITLE") or f"Every article in {name}"
        articles = self.newest(self.context["articles"])
        return self.feed("site", "", "All articles", subtitle, "", map(self.article_entry, articles))

    def topic_feeds(self) -> list[Feed]:
        name = self.settings["SITENAME"]
        return [self.feed("topic", tag.slug, tag.name, f"Articles on {tag.name} in {name}",
                          tag.url, map(self.article_entry, self.newest(articles)))
                for tag, articles in sorted(self.context["tags"], key=lambda pair: pair[0].slug)]

    def person_feeds(self) -> Iterator[Feed]:
        """Each person's feed, made as it is asked for."""
        name = self.settings["SITENAME"]
        return (self.feed("person", self.slugs[person], f"Quotes of {person}",
                          f"Every quote of {person} in {name}, newest first",
                          f"people/{self.slugs[person]}/", self.quote_entries(entry))
                for person, entry in self.index.people.items())

    def speaker_url(self, article):
        """The absolute address of the page of each published quote's speaker in ``article``."""
        def url(quote):
            person = self.index.person_of(article.slug, quote)
            return self.absolute(f"people/{self.slugs[person.name]}/") if person else None
        return url

    def article_entry(self, article) -> Entry:
        """The article's entry, made once however many feeds (the site's, each of its topics') hold it."""
        if article.slug not in self.article_entries:
            self.article_entries[article.slug] = self.new_article_entry(article)
        return self.article_entries[article.slug]

    def new_article_entry(self, article) -> Entry:
        clean = article.digest.article
        published = [quote for quote in article.digest.quotes if self.index.person_of(article.slug, quote)]
        return Entry(
            id=tag_uri(self.settings, article.date.isoformat(), article.slug),
            title=article.title, url=self.absolute(article.url), date=article.date,
            summary=clean.metadata.get("summary") or next(iter(clean.paragraphs()), article.title),
            content=render_body_html(clean.text, published, self.speaker_url(article)),
            author=getattr(article, "source", ""),
            categories=tuple(tag.name for tag in getattr(article, "tags", [])))

    def quote_entries(self, entry: PersonEntry):
        return (self.quote_entry(entry, item) for item in entry.quotes)

    def quote_entry(self, entry: PersonEntry, item: IndexedQuote) -> Entry:
        quote, article = item.quote, item.article
        speaker = entry.person.name
        return Entry(
            id=self.quote_ids[article.key, quote.start, quote.end],
            title=f"{speaker}: “{shortened(quote.text)}”", url=self.absolute(article.url),
            date=datetime.fromisoformat(article.date),
            summary=f"“{quote.text}” — {speaker}", content=self.quote_html(entry, item),
            author=article.source, categories=article.topics)

    def quote_html(self, entry: PersonEntry, item: IndexedQuote) -> str:
        """The quote, who said it, the sentence around it and the article, every part escaped."""
        quote, article = item.quote, item.article
        speaker = escape(entry.person.name) + (f", {escape(quote.role)}" if quote.role else "")
        parts = [f"<blockquote><p>“{escape(quote.text)}”</p></blockquote>", f"<p>— {speaker}</p>"]
        if quote.context:
            parts.append(f"<p>{escape(quote.context)}</p>")
        source = f", {escape(article.source)}" if article.source else ""
        parts.append(f'<p>From <a href="{escape(self.absolute(article.url))}">{escape(article.title)}</a>'
                     f"{source}, {escape(article.date[:10])}.</p>")
        return "\n".join(parts)

    def key(self, feed: Feed) -> str:
        """A hash of everything the feed's files are written from: equal feeds give equal keys whichever
        objects they share (``hash_of_pickle``)."""
        used = [self.settings.get(name) for name in ("AUTHOR", "SITENAME", "DEFAULT_LANG")]
        inputs = (FEED_CODE, self.root, used, setting(self.settings, "NEWSDIGEST_FEED_SUMMARY_ONLY"), feed)
        return hash_of_pickle(inputs).hexdigest()

    def generator(self, feed: Feed) -> FeedGenerator:
        """The feed for feedgen, its entries in the given order; ``xml`` writes it as Atom or RSS."""
        generator = FeedGenerator()
        generator.load_extension("dc", atom=False, rss=True)
        generator.id(feed.id)
        generator.title(feed.title)
        generator.subtitle(feed.subtitle)
        generator.author(name=self.settings.get("AUTHOR") or self.settings["SITENAME"])
        generator.language(self.settings.get("DEFAULT_LANG", "en"))
        generator.updated(feed.updated)
        for entry in feed.entries:
            self.add_entry(generator, entry)
        return generator

    def xml(self, generator: FeedGenerator, feed: Feed, kind: str) -> bytes:
        """The feed as Atom or RSS, linking to itself in that format."""
        # RSS takes the channel's link from the last link given.
        generator.link([{"href": self.absolute(feed.file(kind)), "rel": "self", "type": FORMATS[kind]},
                        {"href": self.absolute(feed.page_url), "rel": "alternate", "type": "text/html"}],
                       replace=True)
        return generator.atom_str(pretty=True) if kind == "atom" else generator.rss_str(pretty=True)

    def add_entry(self, generator: FeedGenerator, entry: Entry) -> None:
        item = generator.add_entry(order="append")
        item.guid(entry.id, permalink=False)
        item.title(entry.title)
        item.link(href=entry.url, rel="alternate", type="text/html")
        item.published(entry.date)
        item.updated(entry.date)
        # RSS readers render a description as HTML: the plain-text summary goes in escaped.
        item.summary(escape(entry.summary, quote=False), type="html")
        if not setting(self.settings, "NEWSDIGEST_FEED_SUMMARY_ONLY"):
            item.content(entry.content, type="html")
        if entry.author:
            item.author(name=entry.author)
            item.dc.dc_creator(entry.author)
        if entry.categories:
            # One call: feedgen rebuilds every RSS category on each call.
            item.category([{"term": category} for category in entry.categories])


def as_listed(feed: Feed) -> Feed:
    """The feed as the Feeds page lists it: without its entries, which the page does not show."""
    return dataclasses.replace(feed, entries=())


class FeedsGenerator(Generator):
    """Writes every feed and the Feeds page that lists them."""

    def generate_context(self):
        """Makes the entries of the site's and the topics' feeds now, from the articles' digests (the
        people plugin, which comes first, has indexed the quotes), so that the articles need not keep
        their digests while pages are written. A person's feed needs the quote index alone and is
        made when it is written."""
        self.context["feed_path"] = feed_path
        self.builder = FeedBuilder(self.context, self.settings)
        self.site_feed, self.topic_feeds = self.builder.site_feed(), self.builder.topic_feeds()

    def generate_output(self, writer):
        cache = FileCache(Path(self.settings["CACHE_PATH"]) / "newsdigest-feeds", ".xml")
        for feed in (self.site_feed, *self.topic_feeds):
            self.write_feed(self.builder, cache, feed)
        person_feeds = []
        for feed in self.builder.person_feeds():
            self.write_feed(self.builder, cache, feed)
            person_feeds.append(as_listed(feed))
        cache.forget_unused_since(CACHE_KEPT_FOR)
        writer.write_file("feeds/index.html", self.get_template("feeds"), self.context,
                          relative_urls=self.settings.get("RELATIVE_URLS"), url="feeds/", page_name="feeds",
                          feed_root=self.builder.root, site_feed=as_listed(self.site_feed),
                          topic_feeds=[as_listed(feed) for feed in self.topic_feeds], person_feeds=person_feeds)

    def write_feed(self, builder: FeedBuilder, cache: FileCache, feed: Feed) -> None:
        """Writes the feed in both formats, from the cache when its entries are unchanged."""
        @functools.cache
        def generator() -> FeedGenerator:
            return builder.generator(feed)

        def write(kind: str, path: Path) -> None:
            path.write_bytes(builder.xml(generator(), feed, kind))

        key = builder.key(feed)
        for kind in FORMATS:
            cache.write(f"{key}.{kind}", Path(self.output_path) / feed.file(kind), functools.partial(write, kind))


def get_generators(pelican):
    return FeedsGenerator


def register():
    signals.get_generators.connect(get_generators)
