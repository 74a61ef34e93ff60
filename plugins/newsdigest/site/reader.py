"""Pelican reader for raw scraped ``.txt`` articles."""
from __future__ import annotations

import datetime as dt
import functools
import logging
import os
from dataclasses import replace
from html import escape

from pelican import signals
from pelican.readers import BaseReader

from newsdigest.digest import Digest
from newsdigest.errors import ContentError

from .cache import (article_extractor, check_content_cache, extract_articles_ahead, extraction_cache,
                    prune_extraction_cache, record_content_cache, stop_extracting_ahead)
from .slugs import ARTICLE_LISTS

logger = logging.getLogger(__name__)

PELICAN_STATUSES = ("published", "draft", "hidden", "skip")
PASSED_THROUGH = ("title", "slug", "summary", "source", "editor", "editor_role",
                  "desk", "fact_checked")


def file_date(path: str) -> str:
    return dt.datetime.fromtimestamp(os.path.getmtime(path)).strftime("%Y-%m-%dT%H:%M")


class RawArticleReader(BaseReader):
    """Reads a raw ``.txt`` article: cleans it, finds its quotes, keeps its editorial metadata."""

    enabled = True
    file_extensions = ["txt"]

    def read(self, source_path):
        digest = self.digest_of_file(source_path)
        for warning in digest.article.warnings:
            logger.warning("%s: %s", source_path, warning)
        # The body is the article's content; the digest the article keeps lets go of it, so that the
        # body is freed once the people plugin links its speakers in a new one.
        return digest.body_html, self.metadata_for(replace(digest, body_html=None), source_path)

    def digest_of_file(self, source_path: str) -> Digest:
        """The file's digest, from the extraction cache when it holds one for the same text."""
        if self.cache is None:
            return self.extract(source_path)
        return self.cache.digest_of_file(source_path, self.extract)

    @functools.cached_property
    def extract(self):
        """The extraction with the site's topic rules, made once per reader: Pelican makes its
        readers anew for each build, so a build reads the registries as they are when it starts."""
        return article_extractor(self.settings)

    @functools.cached_property
    def cache(self):
        return extraction_cache(self.settings)

    def metadata_for(self, digest: Digest, source_path: str) -> dict:
        article = digest.article
        raw = {key: article.metadata[key] for key in PASSED_THROUGH if article.metadata.get(key)}
        raw["title"] = article.title
        if article.metadata.get("url"):
            raw["original_url"] = article.metadata["url"]
        status = article.metadata.get("status", "").strip().lower()
        if status in PELICAN_STATUSES:
            raw["status"] = status
        elif status:
            raw["editorial_status"] = status
        if raw.get("summary"):
            raw["summary"] = f"<p>{escape(raw['summary'], quote=False)}</p>"
        raw["date"] = article.metadata.get("date") or self.date_of_undated(source_path)
        topics = digest.topics
        if topics:
            raw["tags"] = [match.topic for match in topics]
        metadata = {key: self.process_metadata(key, value) for key, value in raw.items()}
        metadata["digest"] = digest
        metadata["topic_evidence"] = topics
        metadata["title_derived"] = article.title_derived
        return metadata

    def date_of_undated(self, source_path: str) -> str:
        if self.settings.get("NEWSDIGEST_REQUIRE_DATES"):
            raise ContentError(source_path, "no date given in the header or found in the text")
        logger.warning("%s: no date given or found; using the file's time", source_path)
        return file_date(source_path)


def release_digests(generators) -> None:
    """Once every generator has its context, articles let go of their digests: the people plugin
    and the feeds, which read them, have made what they need, and a digest (the clean text and
    every quote) weighs more than the page made from it."""
    for generator in generators:
        for name in ARTICLE_LISTS:
            for article in getattr(generator, name, ()):
                article.metadata.pop("digest", None)
                vars(article).pop("digest", None)


def add_reader(readers):
    readers.reader_classes["txt"] = RawArticleReader


def register():
    signals.readers_init.connect(add_reader)
    signals.initialized.connect(check_content_cache)
    signals.article_generator_init.connect(extract_articles_ahead)
    signals.article_generator_finalized.connect(stop_extracting_ahead)
    signals.all_generators_finalized.connect(release_digests)
    signals.finalized.connect(prune_extraction_cache)
    signals.finalized.connect(record_content_cache)
