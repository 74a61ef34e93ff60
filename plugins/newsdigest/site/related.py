"""Where to read next: each article's neighbours and related articles, and the busiest topics.

Sets ``article.older_article``, ``article.newer_article`` and
``article.related_articles``, and ``busiest_topics`` (tag, articles) in the
context, once every generator has read its content, so the people an article
quotes are known.
"""
from __future__ import annotations

from collections import defaultdict

from pelican import signals

from newsdigest.related import Story, related_to_each

RELATED_LIMIT = 3


def people_by_article(quote_index) -> dict[str, set[str]]:
    """The names of the people each article quotes, keyed by article slug."""
    people = defaultdict(set)
    for name, entry in (quote_index.people.items() if quote_index else ()):
        for item in entry.quotes:
            people[item.article.key].add(name)
    return people


def story_of(article, people: set[str]) -> Story:
    return Story(key=article.slug, date=article.date.isoformat(),
                 topics=frozenset(tag.name for tag in getattr(article, "tags", [])),
                 people=frozenset(people))


def busiest_first(tags) -> list:
    """(tag, articles) pairs, most articles first, then A–Z."""
    return sorted(tags, key=lambda pair: (-len(pair[1]), pair[0].name.casefold()))


def link_neighbours(generators) -> None:
    context = generators[0].context
    context["busiest_topics"] = busiest_first(context.get("tags", []))
    articles = sorted(context.get("articles", []), key=lambda article: (article.date, article.slug))
    people = people_by_article(context.get("quote_index"))
    stories = {article.slug: story_of(article, people[article.slug]) for article in articles}
    by_slug = {article.slug: article for article in articles}
    related = related_to_each(stories.values(), RELATED_LIMIT)
    for position, article in enumerate(articles):
        article.older_article = articles[position - 1] if position > 0 else None
        article.newer_article = articles[position + 1] if position + 1 < len(articles) else None
        article.related_articles = [by_slug[story.key] for story in related[article.slug]]


def register():
    signals.all_generators_finalized.connect(link_neighbours)
