"""The whole text pipeline for one article: clean it, extract its quotes, find its topics."""
from __future__ import annotations

from dataclasses import dataclass, field, replace

from .clean import clean_article
from .model import CleanArticle, OffsetMap, Quote
from .quotes import extract_quotes
from .render import render_body_html
from .topics import Topic, TopicMatch, assign_topics


@dataclass(frozen=True)
class TopicRules:
    """What an article's topics are found with: the vocabulary, the registered people
    (whose names are never topics), and whether recurring names become topics."""

    vocabulary: tuple[Topic, ...] = ()
    people: tuple[str, ...] = ()
    discover: bool = True


@dataclass
class Digest:
    """A cleaned article, the quotes found in its cleaned text and, when asked for, its topics."""

    article: CleanArticle
    quotes: list[Quote] = field(default_factory=list)
    topics: list[TopicMatch] = field(default_factory=list)
    # The cleaned body as HTML with its quotes marked up, once a site build asks for it (``for_a_site``).
    body_html: str | None = None

    def quotes_in_source(self) -> list[Quote]:
        """The quotes with offsets into the raw text the article was cleaned from."""
        return [q.shifted_to_source(self.article.offsets) for q in self.quotes]

    def for_a_site(self) -> Digest:
        """What a site build, which holds thousands at once, keeps of the digest: not what only leads
        back to its raw file (the offset map, the removed lines), and the body rendered as HTML."""
        return Digest(replace(self.article, offsets=OffsetMap(), removed=[]), self.quotes, self.topics,
                      render_body_html(self.article.text, self.quotes))


def topics_of(article: CleanArticle, quotes: list[Quote], rules: TopicRules) -> list[TopicMatch]:
    """The header's topics, then those the vocabulary and the text's recurring names give."""
    people = [q.speaker for q in quotes if q.speaker and q.speaker_kind == "person"] + list(rules.people)
    return assign_topics(article.text, article.metadata.get("topics", ""), list(rules.vocabulary), people,
                         discover=rules.discover)


def digest_article(article: CleanArticle, rules: TopicRules | None = None) -> Digest:
    quotes = extract_quotes(article.text)
    return Digest(article, quotes, topics_of(article, quotes, rules) if rules else [])


def digest_text(raw: str, file: str = "<string>") -> Digest:
    return digest_article(clean_article(raw, file))
