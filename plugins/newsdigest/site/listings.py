"""The article lists of topics, categories and authors answer ``article in articles`` with one lookup.

For each topic, category and author, Pelican picks the site's articles that belong to it with
``[article for article in self.dates if article in articles]``: a scan of the group's list for
each article of the site, so the time grows with the square of the site (about ten seconds for
10,000 articles), even for the category and author pages the site does not write. Once the
articles generator has grouped its articles, each group's list becomes an ``ArticleList``: the
same articles in the same order, with a set beside them for the membership test.
"""
from __future__ import annotations

from pelican import signals


def newest_first(article) -> tuple[float, str]:
    """The key of ``ARTICLE_ORDER_BY``: the newest article first, articles of the same time by their
    source path. Pelican reads files in the order the file system lists them, which one new file can
    change, so without the path a day's articles could swap places from one build to the next, and
    every page listing them would change with them."""
    return -article.date.timestamp(), article.source_path or ""


class ArticleList(list):
    """A list of articles with a set of them for ``in``; it must not change after it is made.

    Articles have no equality of their own, so a set of them answers as the list would.
    """

    def __init__(self, articles=()):
        super().__init__(articles)
        self.members = frozenset(self)

    def __contains__(self, article) -> bool:
        try:
            return article in self.members
        except TypeError:  # unhashable: compared as the list would
            return super().__contains__(article)

    def __reduce_ex__(self, protocol):
        return ArticleList, (list(self),)


def grouped_with_sets(groups):
    """``(group, articles)`` pairs with each list of articles an ``ArticleList``."""
    return [(group, ArticleList(articles)) for group, articles in groups]


def give_lists_sets(generator) -> None:
    """Replaces the article lists of the generator's tags, categories and authors, in the
    generator and in the context Pelican copied them to."""
    generator.tags = dict(grouped_with_sets(generator.tags.items()))
    generator.categories = grouped_with_sets(generator.categories)
    generator.authors = grouped_with_sets(generator.authors)
    for name, groups in (("tags", list(generator.tags.items())), ("categories", generator.categories),
                         ("authors", generator.authors)):
        if name in generator.context:
            generator.context[name] = groups


def register():
    signals.article_generator_finalized.connect(give_lists_sets)
