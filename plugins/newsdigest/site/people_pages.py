"""People pages: ``people/`` A–Z, ``people/<slug>/`` with every quote, and the review queue.

After the articles are read, their quotes are split into published and held
for review, published quotes are indexed by person across the whole digest,
and each article body is rendered again with its speakers linked.
"""
from __future__ import annotations

import functools
import logging

from markupsafe import Markup
from pelican import signals
from pelican.generators import Generator
from pelican.urlwrappers import Tag
from pelican.utils import slugify

from newsdigest import structured
from newsdigest.people import HeldQuote, PersonEntry, QuoteIndex, SourceArticle, build_quote_index
from newsdigest.render import render_body_html
from newsdigest.review import split_for_review

from .editorial import people_registry
from .lifecycle import quote_index_made
from .pagination import on_the_first_page, page_size

logger = logging.getLogger(__name__)

# The newest quotes, from which the front page picks its quote cards.
LATEST_QUOTES_SHOWN = 200


def source_article_of(article) -> SourceArticle:
    return SourceArticle(key=article.slug, title=article.title, url=article.url,
                         date=article.date.isoformat(), source=getattr(article, "source", ""),
                         topics=tuple(tag.name for tag in getattr(article, "tags", [])))


def person_slug(name: str, settings: dict) -> str:
    return slugify(name, regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def topic_url(topic: str, settings: dict) -> str:
    """The address of a topic's page, which every topic a quote is filed under has (topics are tags)."""
    return Tag(topic, settings).url


def add_link_filters(generator) -> None:
    """``{{ name | person_slug }}`` and ``{{ topic | topic_url }}`` in templates: a page reads the
    addresses it links to, not the whole table of people or of topics."""
    generator.env.filters["person_slug"] = functools.partial(person_slug, settings=generator.settings)
    generator.env.filters["topic_url"] = functools.partial(topic_url, settings=generator.settings)


class PeopleGenerator(Generator):
    """Indexes the digest's quotes by person and writes the people pages."""

    def generate_context(self):
        articles = [a for a in self.context.get("articles", []) if getattr(a, "digest", None)]
        published, held = [], []
        for article in articles:
            source = source_article_of(article)
            kept, queued = split_for_review(article.digest.quotes, article.digest.article.metadata)
            published.append((source, kept))
            held += [HeldQuote(quote, source, reason) for quote, reason in queued]
        index = build_quote_index(published, people_registry(self.settings))
        index.held[:0] = held
        self.index = index
        self.slugs = {name: person_slug(name, self.settings) for name in index.people}
        self.context.update(quote_index=index, person_slugs=self.slugs, **self.what_templates_show(index))
        quote_index_made.send(self.context)
        for article in articles:
            self.link_speakers(article, index)
            article.structured_data = self.article_data(article, index)

    def what_templates_show(self, index: QuoteIndex) -> dict:
        """The parts of the index that pages show, so that a page depends on them, not on every quote."""
        return {
            "latest_quotes": index.latest_quotes(LATEST_QUOTES_SHOWN),
            "topic_speakers": {tag.name: index.top_speakers(tag.name) for tag, _ in self.context.get("tags", [])},
            "people_directory": [(name, entry.role, len(entry.quotes)) for name, entry in index.people.items()],
            "held_quotes": index.held,
        }

    def person_path(self, name: str) -> str:
        return f"people/{self.slugs[name]}/"

    def absolute(self, url: str) -> str:
        return f"{self.settings.get('SITEURL', '')}/{url}"

    def article_data(self, article, index: QuoteIndex) -> dict:
        speakers = sorted({p.name for q in article.digest.quotes if (p := index.person_of(article.slug, q))})
        return structured.news_article(
            article.title, self.absolute(article.url), article.date.isoformat(),
            description=Markup(getattr(article, "summary", "") or "").striptags(),
            source=getattr(article, "source", ""),
            editor=getattr(article, "editor", ""), topics=[tag.name for tag in getattr(article, "tags", [])],
            people=speakers)

    def person_data(self, entry: PersonEntry) -> dict:
        """The person and their newest quotes (the first page's), as schema.org data."""
        shown = on_the_first_page(len(entry.quotes), page_size(self.settings, "person"))
        quotes = [structured.quotation(item.quote.text, entry.person.name, self.absolute(item.article.url),
                                       item.article.date) for item in entry.quotes[:shown]]
        return structured.person(entry.person.name, self.absolute(self.person_path(entry.person.name)),
                                 entry.role, entry.person.bio, quotes)

    def link_speakers(self, article, index: QuoteIndex) -> None:
        """Renders the article body again, each published quote's speaker linked to their page."""
        if self.settings.get("RELATIVE_URLS"):
            root = "../" * article.url.count("/")
        else:
            root = self.settings.get("SITEURL", "") + "/"

        speakers = {id(q): person for q in article.digest.quotes if (person := index.person_of(article.slug, q))}

        def speaker_url(quote):
            return root + self.person_path(speakers[id(quote)].name)

        published = [q for q in article.digest.quotes if id(q) in speakers]
        article._content = render_body_html(article.digest.article.text, published, speaker_url)

    def generate_output(self, writer):
        def write(url: str, template: str, **values):
            writer.write_file(url + "index.html", self.get_template(template), self.context,
                              relative_urls=self.settings.get("RELATIVE_URLS"), url=url,
                              page_name=template, **values)

        write("people/", "people")
        for name, entry in self.index.people.items():
            write(self.person_path(name), "person", entry=entry, person=entry.person, role=entry.role,
                  slug=self.slugs[name],
                  structured_data=self.person_data(entry), paginated={"quotes": entry.quotes},
                  template_name="person")
        if self.settings.get("NEWSDIGEST_SHOW_REVIEW"):
            write("review/", "review")


def get_generators(pelican):
    return PeopleGenerator


def register():
    signals.get_generators.connect(get_generators)
    signals.generator_init.connect(add_link_filters)
