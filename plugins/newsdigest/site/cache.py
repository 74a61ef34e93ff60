"""Caches of a build, under ``CACHE_PATH``.

The extraction cache keeps each article's digest, keyed by its text, the
site's registries and the extractor's version, and is pruned at the end of a
build that read every article. ``NEWSDIGEST_EXTRACTION_CACHE = False`` turns it off.

Pelican's own content cache (``CACHE_CONTENT``, ``LOAD_CONTENT_CACHE``) keeps
what the reader returned for each file and knows only the file's stamp; a build
whose registries, Newsdigest code or ``NEWSDIGEST_*`` settings changed since the
cache was written therefore does not load it, and writes it afresh.
"""
from __future__ import annotations

import functools
import hashlib
import logging
import os
from collections.abc import Callable
from pathlib import Path

from newsdigest.cache import PACKAGE, ExtractionCache
from newsdigest.clean import read_article
from newsdigest.digest import Digest, TopicRules, digest_article
from newsdigest.files import write_whole

from .editorial import topic_rules

logger = logging.getLogger(__name__)

REGISTRIES = (("NEWSDIGEST_PEOPLE", "people.yml"), ("NEWSDIGEST_TOPICS", "topics.yml"))
CACHES: dict[Path, ExtractionCache] = {}
CONTENT_FINGERPRINT = "newsdigest-content-cache.fingerprint"
RAW_ARTICLE_SUFFIX = ".txt"


def extract_file(source_path: str, rules: TopicRules) -> Digest:
    """The file's digest as a build keeps it (``Digest.for_a_site``): so it is stored in the
    extraction cache, and a worker extracting ahead renders the body too."""
    return digest_article(read_article(source_path), rules).for_a_site()


def article_extractor(settings: dict) -> Callable[[str], Digest]:
    """The extraction of an article file with the site's topic rules; it pickles, for worker processes."""
    return functools.partial(extract_file, rules=topic_rules(settings))


def registry_bytes(settings: dict) -> bytes:
    """The contents of the site's registry files, empty for a missing one."""
    paths = [Path(settings["PATH"]) / settings.get(setting, default) for setting, default in REGISTRIES]
    return contents_of(tuple((path, stamp_of(path)) for path in paths))


def stamp_of(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_size


@functools.lru_cache(maxsize=8)
def contents_of(stamped_paths: tuple[tuple[Path, tuple[int, int] | None], ...]) -> bytes:
    """The files' contents joined, read once per version of the files."""
    return b"\0".join(path.read_bytes() if stamp and path.is_file() else b"" for path, stamp in stamped_paths)


def extraction_inputs(settings: dict) -> bytes:
    """What extraction depends on besides the article and the code: the registries and topic discovery."""
    return registry_bytes(settings) + f"\0discover={settings.get('NEWSDIGEST_DISCOVER_TOPICS', True)!r}".encode()


def cache_directory(settings: dict) -> Path:
    return Path(settings["CACHE_PATH"]) / "newsdigest-digests"


def extraction_cache(settings: dict) -> ExtractionCache | None:
    """The build's cache: one per cache directory and registries, shared by every reader."""
    if not settings.get("NEWSDIGEST_EXTRACTION_CACHE", True):
        return None
    directory, inputs = cache_directory(settings), extraction_inputs(settings)
    cache = CACHES.get(directory)
    if cache is None or cache.inputs != inputs:
        cache = CACHES[directory] = ExtractionCache(directory, inputs)
    return cache


def article_files(generator) -> list[str]:
    """The article files the generator will read itself, as the paths its reader is given:
    those Pelican's content cache does not answer for."""
    paths = []
    for name in generator.get_files(generator.settings["ARTICLE_PATHS"], exclude=generator.settings["ARTICLE_EXCLUDES"]):
        path = os.path.abspath(os.path.join(generator.path, name))
        if generator.get_cached_data(name, None) is None and generator.readers.get_cached_data(path, None) is None:
            paths.append(path)
    return paths


def extract_articles_ahead(generator) -> None:
    """Starts extracting the raw articles the build is about to read on every core (NEWSDIGEST_WORKERS)."""
    cache = extraction_cache(generator.settings)
    if cache is None:
        return
    raw = [path for path in article_files(generator) if path.endswith(RAW_ARTICLE_SUFFIX)]
    workers = generator.settings.get("NEWSDIGEST_WORKERS") or os.cpu_count() or 1
    started = cache.extract_ahead(raw, article_extractor(generator.settings), workers)
    if started:
        logger.info("Extracting %d articles in %d worker processes", started, workers)


def stop_extracting_ahead(generator) -> None:
    """Once the articles are read, stops the workers (a file that failed before reaching its reader leaves one
    waiting) and forgets the keys worked out ahead."""
    cache = CACHES.get(cache_directory(generator.settings))
    if cache is not None:
        cache.stop_ahead()


def prune_extraction_cache(pelican) -> None:
    """After a build that read every article, drops the entries it did not use (older texts, registries, versions)."""
    cache = CACHES.get(cache_directory(pelican.settings))
    if cache is not None and cache.used and not pelican.settings.get("LOAD_CONTENT_CACHE"):
        logger.debug("extraction cache: %d unused entries removed", cache.prune())


def content_fingerprint(settings: dict) -> str:
    """A hash of what the reader's output depends on besides the file: registries, code, NEWSDIGEST_* settings."""
    digest = hashlib.sha256(registry_bytes(settings))
    for source in sorted(PACKAGE.rglob("*.py")):
        digest.update(str(source.relative_to(PACKAGE)).encode() + b"\0" + source.read_bytes())
    digest.update(repr(sorted((key, repr(value)) for key, value in settings.items()
                              if key.startswith("NEWSDIGEST_"))).encode())
    return digest.hexdigest()


def fingerprint_file(settings: dict) -> Path:
    return Path(settings["CACHE_PATH"]) / CONTENT_FINGERPRINT


def check_content_cache(pelican) -> None:
    """Does not load Pelican's content cache when it was written for other registries, code or settings."""
    settings = pelican.settings
    if not (settings.get("CACHE_CONTENT") and settings.get("LOAD_CONTENT_CACHE")):
        return
    stamp = fingerprint_file(settings)
    if not stamp.is_file() or stamp.read_text(encoding="utf-8") != content_fingerprint(settings):
        logger.info("Pelican's content cache is for other registries, code or settings; reading every file")
        settings["LOAD_CONTENT_CACHE"] = False


def record_content_cache(pelican) -> None:
    """Notes what the content cache just written depends on, for the next build's check."""
    settings = pelican.settings
    if not settings.get("CACHE_CONTENT"):
        return
    fingerprint = content_fingerprint(settings)
    write_whole(fingerprint_file(settings), lambda path: path.write_text(fingerprint, encoding="utf-8"))
