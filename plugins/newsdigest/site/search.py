"""Static search: Pagefind indexes the written pages.

Pages mark what is searchable with ``data-pagefind-body``. Pagefind holds a
whole index in memory while it builds it, so the site is indexed in shards of
at most NEWSDIGEST_SEARCH_SHARD_PAGES pages, one Pagefind run each: the first
shard's bundle and Pagefind's UI land in ``output/pagefind/``, the others in
``output/pagefind-2/``, ``output/pagefind-3/``…, and ``pagefind/bundles.json``
lists them for the search box, which searches them all at once (Pagefind's
``mergeIndex``).

The article pages are indexed as soon as they are written, in the background,
while the build goes on with the other pages; the rest are indexed at the end.
A run that fails first stops the indexing before its output is thrown away.
NEWSDIGEST_SEARCH = False turns indexing off.
"""
from __future__ import annotations

import json
import logging
import math
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pelican import signals

from .lifecycle import build_ending

logger = logging.getLogger(__name__)

SEARCHABLE_MARK = b"data-pagefind-body"
DEFAULT_SHARD_PAGES = 1000
BUNDLE_LIST = "bundles.json"
ARTICLES = "articles"


def searchable_pages(site: Path, folder: str = "") -> list[Path]:
    """The HTML pages under ``site`` (or its ``folder``) that mark content for search, in a stable order;
    never Pagefind's own files or the folders shards are indexed from (not even looked into)."""
    pages = []
    for directory, subdirectories, files in os.walk(site / folder):
        if Path(directory) == site:
            subdirectories[:] = [name for name in subdirectories if not name.startswith(("pagefind", "."))]
        pages += [Path(directory) / name for name in files if name.endswith(".html")]
    return sorted(page for page in pages if SEARCHABLE_MARK in page.read_bytes())


def shards_of(pages: list[Path], most_per_shard: int) -> list[list[Path]]:
    """``pages`` cut into the fewest shards of at most ``most_per_shard`` pages, as even as can be."""
    count = max(1, math.ceil(len(pages) / max(1, most_per_shard)))
    size, extra = divmod(len(pages), count)
    shards, start = [], 0
    for number in range(count):
        end = start + size + (number < extra)
        shards.append(pages[start:end])
        start = end
    return shards


def bundle_name(number: int) -> str:
    return "pagefind" if number == 1 else f"pagefind-{number}"


def run_pagefind(site: Path, bundle: Path) -> bool:
    """Indexes the pages under ``site`` into ``bundle``; logs Pagefind's error and returns False on failure."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(bundle)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        logger.error("Pagefind could not index %s:\n%s", site, result.stderr or result.stdout)
        return False
    logger.debug("%s", result.stdout)
    return True


def index_shard(site: Path, pages: list[Path], bundle: Path) -> bool:
    """Indexes ``pages`` alone: Pagefind is given a folder of links to them at their places in the site."""
    shutil.rmtree(bundle, ignore_errors=True)
    try:
        with tempfile.TemporaryDirectory(prefix=".search-shard-", dir=site) as folder:
            for page in pages:
                link_or_copy(page, Path(folder) / page.relative_to(site))
            return run_pagefind(Path(folder), bundle)
    except OSError as error:
        logger.error("The search index could not be written to %s: %s", bundle, error)
        return False


def link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


class SearchIndexer:
    """Indexes a site's searchable pages shard by shard, one Pagefind run at a time, in a background thread."""

    def __init__(self, site: Path, most_per_shard: int):
        self.site = site
        self.most_per_shard = most_per_shard
        self.runner = ThreadPoolExecutor(max_workers=1, thread_name_prefix="search-index")
        self.shards: list[Future] = []

    def index(self, pages: list[Path]) -> None:
        """Starts indexing ``pages``, in as many shards as they need."""
        for pages_of_shard in shards_of(pages, self.most_per_shard) if pages else []:
            bundle = self.site / bundle_name(len(self.shards) + 1)
            self.shards.append(self.runner.submit(index_shard, self.site, pages_of_shard, bundle))

    def stop(self) -> None:
        """Drops the shards not yet started and waits for the one being indexed."""
        self.runner.shutdown(wait=True, cancel_futures=True)

    def finish(self) -> int | None:
        """Waits for every shard and lists their bundles for the search box; the number of shards, or None on failure."""
        if not self.shards:
            self.index([])
        succeeded = [shard.result() for shard in self.shards]
        self.runner.shutdown()
        if not all(succeeded):
            return None
        bundles = [f"{bundle_name(number)}/" for number in range(1, len(self.shards) + 1)]
        (self.site / "pagefind" / BUNDLE_LIST).write_text(json.dumps(bundles), encoding="utf-8")
        return len(bundles)


INDEXERS: dict[str, SearchIndexer] = {}


def searching(settings: dict) -> bool:
    return bool(settings.get("NEWSDIGEST_SEARCH", True))


def index_articles(generator, writer=None) -> None:
    """Starts indexing the article pages once they are written."""
    if not searching(generator.settings):
        return
    site = Path(generator.output_path)
    indexer = INDEXERS[str(site)] = SearchIndexer(
        site, generator.settings.get("NEWSDIGEST_SEARCH_SHARD_PAGES") or DEFAULT_SHARD_PAGES)
    indexer.index(searchable_pages(site, ARTICLES))


def index_the_rest(pelican) -> None:
    """Indexes the searchable pages other than articles, then waits for every shard."""
    if not searching(pelican.settings):
        return
    site = Path(pelican.output_path)
    indexer = INDEXERS.get(str(site)) or INDEXERS.setdefault(str(site), SearchIndexer(
        site, pelican.settings.get("NEWSDIGEST_SEARCH_SHARD_PAGES") or DEFAULT_SHARD_PAGES))
    articles = site / ARTICLES
    indexer.index([page for page in searchable_pages(site) if not page.is_relative_to(articles)]
                  if indexer.shards else searchable_pages(site))
    shards = indexer.finish()
    INDEXERS.pop(str(site), None)
    if shards:
        logger.info("Pagefind indexed %s in %d shard%s", site, shards, "s" if shards != 1 else "")


def stop_indexing(pelican) -> None:
    """When a run ends before its index is finished (a failed build), stops indexing into its output."""
    indexer = INDEXERS.pop(str(Path(pelican.output_path)), None)
    if indexer is not None:
        indexer.stop()


def register():
    signals.article_writer_finalized.connect(index_articles)
    signals.finalized.connect(index_the_rest)
    build_ending.connect(stop_indexing)
