"""The extraction cache of a build: under ``CACHE_PATH``, keyed by the site's registries, pruned at the end.

``NEWSDIGEST_EXTRACTION_CACHE = False`` turns it off.
"""
from __future__ import annotations

import logging
from pathlib import Path

from newsdigest.cache import ExtractionCache

logger = logging.getLogger(__name__)

REGISTRIES = (("NEWSDIGEST_PEOPLE", "people.yml"), ("NEWSDIGEST_TOPICS", "topics.yml"))
CACHES: dict[Path, ExtractionCache] = {}


def registry_bytes(settings: dict) -> bytes:
    """The contents of the site's registry files, empty for a missing one."""
    paths = [Path(settings["PATH"]) / settings.get(setting, default) for setting, default in REGISTRIES]
    return b"\0".join(path.read_bytes() if path.is_file() else b"" for path in paths)


def cache_directory(settings: dict) -> Path:
    return Path(settings["CACHE_PATH"]) / "newsdigest-digests"


def extraction_cache(settings: dict) -> ExtractionCache | None:
    """The build's cache: one per cache directory and registries, shared by every reader."""
    if not settings.get("NEWSDIGEST_EXTRACTION_CACHE", True):
        return None
    directory, registries = cache_directory(settings), registry_bytes(settings)
    cache = CACHES.get(directory)
    if cache is None or cache.registries != registries:
        cache = CACHES[directory] = ExtractionCache(directory, registries)
    return cache


def prune_extraction_cache(pelican) -> None:
    """At the end of a build, drops the entries it did not use (older texts, registries, versions)."""
    cache = CACHES.get(cache_directory(pelican.settings))
    if cache is not None and cache.used:
        logger.debug("extraction cache: %d unused entries removed", cache.prune())
