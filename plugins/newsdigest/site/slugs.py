"""One page per address: a header's ``Slug`` is made a safe path word; of articles or pages that
would be written to the same place the first by file name is kept and the others are skipped, and
no page of the content may take a folder the site writes itself (``people/``, ``feeds/``, …).

Without this, two files called ``pier.txt`` in different folders, two headers
with the same ``Slug`` or a page called ``people.md`` stop the whole build when
Pelican refuses to write a file twice; a ``Slug`` such as ``../people`` would
reach a page of the site's own.

Once the articles are read, each one's URL is worked out once and kept.
"""
from __future__ import annotations

import logging

from pelican import signals
from pelican.utils import slugify

from newsdigest.errors import skipped

logger = logging.getLogger(__name__)

ARTICLE_LISTS = ("articles", "translations", "hidden_articles", "hidden_translations",
                 "drafts", "drafts_translations")
PAGE_LISTS = ("pages", "translations", "hidden_pages", "hidden_translations",
              "draft_pages", "draft_translations")
NEWSDIGEST_SECTIONS = ("people", "review", "feeds", "cards", "portraits", "pagefind", "theme")
PELICAN_SECTIONS = ("ARTICLE_SAVE_AS", "TAG_SAVE_AS", "TAGS_SAVE_AS", "ARCHIVES_SAVE_AS")


def safe_given_slug(generator, metadata: dict) -> None:
    """A slug from a file's header, slugified like a derived one."""
    if metadata.get("slug"):
        metadata["slug"] = slugify(str(metadata["slug"]),
                                   regex_subs=generator.settings.get("SLUG_REGEX_SUBSTITUTIONS", []))


def site_sections(settings: dict) -> set[str]:
    """The top folders the site writes itself: articles, topics, archives and Newsdigest's own."""
    pelican = {str(settings.get(key) or "").split("/")[0] for key in PELICAN_SECTIONS}
    return {section for section in pelican | set(NEWSDIGEST_SECTIONS) if section and "{" not in section}


def skip(content, problem: str) -> None:
    logger.error("%s: %s; skipped", content.relative_source_path, problem,
                 extra=skipped(content.relative_source_path))


def colliding(contents, reserved: set[str]) -> set[int]:
    """ids of the contents whose page is in a reserved folder or already claimed by one earlier by file name."""
    owners, found = {}, set()
    for content in sorted(contents, key=lambda content: content.relative_source_path):
        owner = owners.setdefault(content.save_as, content)
        if content.save_as.split("/")[0] in reserved:
            skip(content, f"its page {content.save_as} would replace one of the site's own")
        elif owner is not content:
            skip(content, f"its page {content.save_as} is already that of {owner.relative_source_path}")
        else:
            continue
        found.add(id(content))
    return found


def drop_colliding(generator, lists: tuple[str, ...], reserved: set[str]) -> None:
    """Remove colliding contents from the generator's lists, in place (the context shares them)."""
    found = colliding([content for name in lists for content in getattr(generator, name)], reserved)
    if not found:
        return
    for name in lists:
        kept = getattr(generator, name)
        kept[:] = [content for content in kept if id(content) not in found]
        for content in kept:
            content.translations = [other for other in getattr(content, "translations", []) if id(other) not in found]


def drop_colliding_articles(generator) -> None:
    drop_colliding(generator, ARTICLE_LISTS, set())


def drop_colliding_pages(generator) -> None:
    drop_colliding(generator, PAGE_LISTS, site_sections(generator.settings))


def settle_addresses(generator) -> None:
    """Keeps each article's URL as Pelican keeps one given in a file's header (``override_url``):
    otherwise it formats it from the settings at every use, and the pages, feeds and page keys of a
    build use it tens of thousands of times. The output file is left to be worked out as before: an
    ``override_save_as`` would let the article's page quietly replace a page the site writes later
    (Pelican writes such an article with ``override_output``), where Pelican now refuses."""
    for name in ARTICLE_LISTS:
        for article in getattr(generator, name):
            article.override_url = article.url


def register():
    signals.article_generator_context.connect(safe_given_slug)
    signals.article_generator_pretaxonomy.connect(drop_colliding_articles)
    signals.article_generator_finalized.connect(settle_addresses)
    signals.page_generator_finalized.connect(drop_colliding_pages)
