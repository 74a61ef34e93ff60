"""One page per address: a header's ``Slug`` is made a safe path word, and of articles that would
still be written to the same page the first by file name is kept and the others are skipped.

Without this, two files called ``pier.txt`` in different folders, or two
headers with the same ``Slug``, stop the whole build when Pelican refuses to
write the second page; a ``Slug`` such as ``../people`` would overwrite a
page of the site's own.
"""
from __future__ import annotations

import logging

from pelican import signals
from pelican.utils import slugify

from newsdigest.errors import skipped

logger = logging.getLogger(__name__)

ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations")


def safe_given_slug(generator, metadata: dict) -> None:
    """A slug from a file's header, slugified like a derived one."""
    if metadata.get("slug"):
        metadata["slug"] = slugify(str(metadata["slug"]),
                                   regex_subs=generator.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def colliding_articles(generator) -> set[int]:
    """ids of the articles whose page another article, earlier by file name, already claims."""
    articles = sorted((article for name in ARTICLE_LISTS for article in getattr(generator, name)),
                      key=lambda article: article.relative_source_path)
    owners, colliding = {}, set()
    for article in articles:
        owner = owners.setdefault(article.save_as, article)
        if owner is not article:
            logger.error("%s: its page %s is already that of %s; article skipped",
                         article.relative_source_path, article.save_as, owner.relative_source_path,
                         extra=skipped(article.relative_source_path))
            colliding.add(id(article))
    return colliding


def drop_colliding_articles(generator) -> None:
    colliding = colliding_articles(generator)
    if not colliding:
        return
    for name in ARTICLE_LISTS:
        kept = [article for article in getattr(generator, name) if id(article) not in colliding]
        for article in kept:
            translations = getattr(article, "translations", [])
            article.translations = [other for other in translations if id(other) not in colliding]
        setattr(generator, name, kept)


def register():
    signals.article_generator_context.connect(safe_given_slug)
    signals.article_generator_pretaxonomy.connect(drop_colliding_articles)
