"""Static search: Pagefind indexes the written pages.

Pages mark what is searchable with ``data-pagefind-body``. Pagefind holds a
whole index in memory while it builds it, so the site is indexed in shards of
at most NEWSDIGEST_SEARCH_SHARD_PAGES pages, one Pagefind run each: the first
shard's bundle and Pagefind's UI land in ``output/pagefind/``, the others in
``output/pagefind-2/``, ``output/pagefind-3/``…, and ``pagefind/bundles.json``
lists them for the search box, which searches them all at once (Pagefind's
``mergeIndex``).

A page's shard is picked by a hash of its path, so adding a page changes one
shard and leaves the others alone. Bundles are kept in
``CACHE_PATH/newsdigest-search/``, by a key over what Pagefind reads of the
shard's pages: a rebuild runs Pagefind only for the shards whose pages
changed and takes the others' bundles from the cache. What a page gives that
key, and whether it is searchable at all, is kept beside them for the same file
(``PageFacts``), so a rebuild reads only the pages rendered anew.

The article pages are indexed in the background as soon as the last of them is
written, while the build goes on with its lists and other pages, one Pagefind
run at a time; the rest are indexed at the end, when the build has nothing else
to do, with as many runs at once as there are cores. The background threads
leave the file work to child processes (``newsdigest.pagefind``,
``place_all``): linking a shard's pages and its bundle's files is thousands of
file-system calls, after each of which a thread of the build waits for the
interpreter lock. A run that fails first
stops the indexing before its output is thrown away. NEWSDIGEST_SEARCH = False
turns indexing off.
"""
from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import math
import os
import re
import shutil
import tempfile
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from pelican import signals
from pelican.generators import ArticlesGenerator

from newsdigest.filecache import CACHE_KEPT_FOR, forget_unused, mark_used, place_all
from newsdigest.files import read_pickle, write_pickle
from newsdigest.pagefind import index_pages, pagefind_version, run_pagefind

from .lifecycle import build_ending

logger = logging.getLogger(__name__)

SEARCHABLE_MARK = b"data-pagefind-body"
DEFAULT_SHARD_PAGES = 1000
BUNDLE_LIST = "bundles.json"
ARTICLES = "articles"
# Shards are counted for this share of the limit on average, so that pages
# spread by hash seldom fill one beyond the limit.
SHARD_FILL = 0.8
CACHE_FOLDER = "newsdigest-search"
FACTS_FILE = "newsdigest-search-pages.pickle"

# Searched for in a page in lower case:
HTML_TAG = re.compile(rb"<html\b[^>]*>")
TITLE = re.compile(rb"<title\b.*?</title\s*>", re.DOTALL)
BODY_OPENING = re.compile(rb"<([a-z][a-z0-9-]*)\b[^>]*\s" + SEARCHABLE_MARK)
HIDING_TAGS = (b"<!--", b"<script", b"<style")  # what looks like a tag inside them is not one
PAGEFIND_ATTRIBUTE = b"data-pagefind-"


class PageFacts:
    """What search needs to know of each page: whether it marks content for search, and the hash of
    what Pagefind reads of it (``searchable_part``).

    The facts are kept in ``store`` from one build to the next for the same file, told by its inode,
    size and modification time: a page the page cache gives again is the same file linked anew, so
    a rebuild reads only the pages rendered anew. Without a store every page is read.
    """

    def __init__(self, store: Path | None = None):
        self.store = store
        self.known: dict[str, tuple] = (read_pickle(store) if store else None) or {}
        self.seen: dict[str, tuple] = {}

    def of(self, site: Path, page: Path) -> tuple[bool, bytes]:
        """(whether the page is searchable, the hash of its searchable part); a page looked at
        before in this build (listed, then keyed with its shard) is not looked at again."""
        name = page.relative_to(site).as_posix()
        if name in self.seen:
            return self.seen[name][1:]
        status = page.stat()
        stamp = (status.st_ino, status.st_size, status.st_mtime_ns)
        facts = self.known.get(name)
        if facts is None or facts[0] != stamp:
            html = page.read_bytes()
            facts = (stamp, SEARCHABLE_MARK in html, hashlib.sha256(searchable_part(html)).digest())
        self.seen[name] = facts
        return facts[1:]

    def save(self) -> None:
        """Keeps the facts of the pages this build looked at, for the next."""
        if self.store:
            write_pickle(self.seen, self.store)


def searchable_pages(site: Path, folder: str = "", leaving_out: str | None = None,
                     facts: PageFacts | None = None) -> list[Path]:
    """The HTML pages under ``site`` (or its ``folder``) that mark content for search, in a stable order;
    never Pagefind's own files, the folders shards are indexed from or the folder ``leaving_out``
    (not even looked into)."""
    facts = facts or PageFacts()
    pages = []
    for directory, subdirectories, files in os.walk(site / folder):
        if Path(directory) == site:
            subdirectories[:] = [name for name in subdirectories
                                 if not name.startswith(("pagefind", ".")) and name != leaving_out]
        pages += [Path(directory) / name for name in files if name.endswith(".html")]
    return sorted(page for page in pages if facts.of(site, page)[0])


def shards_of(pages: list[Path], most_per_shard: int, site: Path) -> list[list[Path]]:
    """``pages`` of ``site`` in shards of at most ``most_per_shard`` pages, none empty, whatever their order.

    A page's shard is picked by a hash of its path in the site, among enough
    shards to fill each to SHARD_FILL of the limit on average, so adding or
    removing a page changes its shard alone while their number stays the same.
    A shard that still gets too many pages is cut into even runs.
    """
    most = max(1, most_per_shard)
    count = max(1, math.ceil(len(pages) / (most * SHARD_FILL)))
    hashed: list[list[Path]] = [[] for _ in range(count)]
    for page in sorted(pages):
        hashed[number_of_path(page.relative_to(site)) % count].append(page)
    return [run for shard in hashed for run in even_runs(shard, most)]


def number_of_path(path: Path) -> int:
    """A number fixed by a path, the same in every process (unlike ``hash``)."""
    return int.from_bytes(hashlib.sha256(path.as_posix().encode()).digest()[:8], "big")


def even_runs(pages: list[Path], most: int) -> list[list[Path]]:
    """``pages`` cut into the fewest runs of at most ``most`` pages, as even as can be; none when there are none."""
    count = math.ceil(len(pages) / most)
    return [pages[len(pages) * number // count:len(pages) * (number + 1) // count] for number in range(count)]


def bundle_name(number: int) -> str:
    return "pagefind" if number == 1 else f"pagefind-{number}"


def searchable_part(html: bytes) -> bytes:
    """What Pagefind reads of a page, or more: its ``<html>`` tag (the language), its ``<title>`` and the element
    marked ``data-pagefind-body`` up to the last closing tag of its name; the whole page when that element cannot
    be told apart (unpaired tags, comments, scripts or styles inside) or Pagefind attributes are found outside it."""
    lower = html.lower()
    opening = BODY_OPENING.search(lower)
    closing = lower.rfind(b"</" + opening.group(1), opening.end()) if opening else -1
    end = lower.find(b">", closing) + 1 if closing >= 0 else 0
    if not end:
        return html
    body = lower[opening.start():end]
    openings = len(re.findall(rb"<" + opening.group(1) + rb"[\s/>]", body))
    closings = len(re.findall(rb"</" + opening.group(1) + rb"[\s>]", body))
    if (openings != closings or any(tag in body for tag in HIDING_TAGS)
            or body.count(PAGEFIND_ATTRIBUTE) != lower.count(PAGEFIND_ATTRIBUTE)):
        return html
    head = [html[found.start():found.end()] for found in (HTML_TAG.search(lower), TITLE.search(lower)) if found]
    return b"\0".join([*head, html[opening.start():end]])


def files_of_tree(folder: Path, target: Path) -> list[tuple[Path, Path]]:
    """(file, where it goes) for each file under ``folder``, to be placed under ``target``."""
    return [(Path(directory) / name, target / Path(directory).relative_to(folder) / name)
            for directory, _, files in os.walk(folder) for name in files]


def shard_key(site: Path, pages: list[Path], bundle: str, facts: PageFacts | None = None) -> str:
    """What the bundle ``bundle`` of a shard is made from: Pagefind's version, the bundle's name and, page by page,
    its path in the site and the hash of its searchable part."""
    facts = facts or PageFacts()
    key = hashlib.sha256(f"{pagefind_version()}\0{bundle}".encode())
    for page in pages:
        key.update(page.relative_to(site).as_posix().encode() + b"\0" + facts.of(site, page)[1])
    return key.hexdigest()


class BundleCache:
    """Pagefind bundles kept by key, one folder each under ``directory``.

    A bundle is written into a temporary folder that is then renamed, so a
    cached bundle is never half written. Each use touches the bundle's folder,
    so bundles no build has used for a while can be told apart and removed.
    Outputs get hard links to the cached files where the file system allows:
    nothing may change a bundle's files in place.
    """

    def __init__(self, directory: Path):
        self.directory = directory

    def bundle(self, key: str, make: Callable[[Path], bool]) -> Path | None:
        """The folder of the bundle for ``key``, having ``make`` write it first if it is not cached;
        None when ``make`` fails."""
        cached = self.directory / key
        if cached.is_dir():
            mark_used(cached)
            return cached
        self.directory.mkdir(parents=True, exist_ok=True)
        temporary = Path(tempfile.mkdtemp(prefix=".new-", dir=self.directory))
        try:
            if not make(temporary):
                return None
            with contextlib.suppress(OSError):  # another build has just stored the same bundle
                temporary.rename(cached)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
        return cached

    def forget_unused_since(self, seconds: float) -> int:
        """Removes the bundles no build has used in the last ``seconds``; returns how many."""
        return forget_unused(self.directory.glob("*"), seconds, functools.partial(shutil.rmtree, ignore_errors=True))


class SearchIndexer:
    """Indexes a site's searchable pages shard by shard in background threads: one Pagefind run at a time
    while the build writes its pages, one per core once ``finish`` is called.

    ``last_article`` is the article whose page the build writes last among the articles; the
    page written once it is announced (``note_article_to_write``) starts indexing the articles.
    """

    def __init__(self, site: Path, most_per_shard: int, cache: BundleCache, facts: PageFacts | None = None):
        self.site = site
        self.most_per_shard = most_per_shard
        self.cache = cache
        self.facts = facts or PageFacts()
        self.cores = os.cpu_count() or 1
        self.runner = ThreadPoolExecutor(max_workers=self.cores, thread_name_prefix="search-index")
        self.turns = threading.Semaphore(1)
        self.shards: list[Future] = []
        self.pagefind_runs = 0
        self.last_article = None
        self.writing_the_last_article = False
        self.articles_indexed = False
        self.stopping = False

    def note_article_to_write(self, article) -> None:
        self.writing_the_last_article |= article is self.last_article

    def note_page_written(self) -> None:
        if self.writing_the_last_article:
            self.index_articles()

    def index_articles(self) -> None:
        """Starts indexing the pages in the articles folder, once."""
        if not self.articles_indexed:
            self.articles_indexed = True
            self.index(searchable_pages(self.site, ARTICLES, facts=self.facts))

    def index(self, pages: list[Path]) -> None:
        """Starts indexing ``pages``, in as many shards as they need."""
        for pages_of_shard in shards_of(pages, self.most_per_shard, self.site):
            bundle = self.site / bundle_name(len(self.shards) + 1)
            self.shards.append(self.runner.submit(self.index_shard, pages_of_shard, bundle))

    def index_shard(self, pages: list[Path], bundle: Path) -> bool:
        """Puts the bundle of ``pages`` at ``bundle``: the cached one when what Pagefind reads of them is unchanged,
        else a new one."""
        with self.turns:
            if self.stopping:
                return False
            shutil.rmtree(bundle, ignore_errors=True)
            try:
                cached = self.cache.bundle(shard_key(self.site, pages, bundle.name, self.facts),
                                           functools.partial(self.run_pagefind_on, pages))
                if cached is not None:
                    place_all(files_of_tree(cached, bundle))
                return cached is not None
            except OSError as error:
                logger.error("The search index could not be written to %s: %s", bundle, error)
                return False

    def run_pagefind_on(self, pages: list[Path], bundle: Path) -> bool:
        """Indexes ``pages`` alone, in a child process."""
        self.pagefind_runs += 1
        return index_pages(self.site, pages, bundle)

    def stop(self) -> None:
        """Drops the shards not yet started and waits for the one being indexed."""
        self.stopping = True
        self.runner.shutdown(wait=True, cancel_futures=True)

    def finish(self) -> int | None:
        """Waits for every shard and lists their bundles for the search box; the number of shards, or None on failure.

        A site with no page marked for search is indexed whole, as Pagefind does by default, so that the
        search box and the files every page loads from ``pagefind/`` are still there.
        """
        if not self.shards:
            self.shards.append(self.runner.submit(run_pagefind, self.site, self.site / bundle_name(1)))
        if self.cores > 1:
            self.turns.release(self.cores - 1)
        succeeded = [shard.result() for shard in self.shards]
        self.runner.shutdown()
        if not all(succeeded):
            return None
        bundles = [f"{bundle_name(number)}/" for number in range(1, len(self.shards) + 1)]
        (self.site / "pagefind" / BUNDLE_LIST).write_text(json.dumps(bundles), encoding="utf-8")
        self.cache.forget_unused_since(CACHE_KEPT_FOR)
        self.facts.save()
        return len(bundles)


INDEXERS: dict[str, SearchIndexer] = {}


def searching(settings: dict) -> bool:
    return bool(settings.get("NEWSDIGEST_SEARCH", True))


def new_indexer(site: Path, settings: dict) -> SearchIndexer:
    """The indexer of a build's output, registered in INDEXERS."""
    cache = BundleCache(Path(settings["CACHE_PATH"]) / CACHE_FOLDER)
    facts = PageFacts(Path(settings["CACHE_PATH"]) / FACTS_FILE)
    most_per_shard = settings.get("NEWSDIGEST_SEARCH_SHARD_PAGES") or DEFAULT_SHARD_PAGES
    INDEXERS[str(site)] = SearchIndexer(site, most_per_shard, cache, facts)
    return INDEXERS[str(site)]


def await_article_pages(generators) -> None:
    """Once every generator has its context, notes the article the build writes last: Pelican writes
    the translations, the articles, the hidden translations, then the hidden articles."""
    for generator in generators:
        if isinstance(generator, ArticlesGenerator) and searching(generator.settings):
            in_writing_order = (generator.translations, generator.articles, generator.hidden_translations,
                                generator.hidden_articles)
            last = next((articles[-1] for articles in reversed(in_writing_order) if articles), None)
            new_indexer(Path(generator.output_path), generator.settings).last_article = last


def note_article_to_write(generator, content) -> None:
    for indexer in list(INDEXERS.values()):
        indexer.note_article_to_write(content)


def note_page_written(path: str, context=None) -> None:
    """The first page written once the last article is announced is its page (or, if that article
    has none, a page after it): every article page is written, and its site's indexing starts."""
    for indexer in list(INDEXERS.values()):
        indexer.note_page_written()


def index_articles(generator, writer=None) -> None:
    """Once the articles generator has written every page, starts indexing the articles unless the page
    written after the last article's announcement has already."""
    indexer = INDEXERS.get(str(Path(generator.output_path)))
    if indexer is not None:
        indexer.index_articles()


def index_the_rest(pelican) -> None:
    """Indexes the searchable pages other than articles, then waits for every shard."""
    if not searching(pelican.settings):
        return
    site = Path(pelican.output_path)
    indexer = INDEXERS.get(str(site)) or new_indexer(site, pelican.settings)
    indexer.index_articles()
    indexer.index(searchable_pages(site, leaving_out=ARTICLES, facts=indexer.facts))
    shards = indexer.finish()
    INDEXERS.pop(str(site), None)
    if shards:
        logger.info("Pagefind indexed %s in %d shard%s, %d of them anew (the others' bundles were cached)",
                    site, shards, "s" if shards != 1 else "", indexer.pagefind_runs)


def stop_indexing(pelican) -> None:
    """When a run ends before its index is finished (a failed build), stops indexing into its output."""
    indexer = INDEXERS.pop(str(Path(pelican.output_path)), None)
    if indexer is not None:
        indexer.stop()


def register():
    signals.all_generators_finalized.connect(await_article_pages)
    signals.article_generator_write_article.connect(note_article_to_write)
    signals.content_written.connect(note_page_written)
    signals.article_writer_finalized.connect(index_articles)
    signals.finalized.connect(index_the_rest)
    build_ending.connect(stop_indexing)
