"""Static search: Pagefind indexes the written site once the build is done.

Pages mark what is searchable with ``data-pagefind-body``. Pagefind holds a
whole index in memory while it builds it, so a large site is indexed in
shards of at most NEWSDIGEST_SEARCH_SHARD_PAGES pages, one Pagefind run each:
the first shard's bundle and Pagefind's UI land in ``output/pagefind/``, the
others in ``output/pagefind-2/``, ``output/pagefind-3/``…, and
``pagefind/bundles.json`` lists them for the search box, which searches them
all at once (Pagefind's ``mergeIndex``). NEWSDIGEST_SEARCH = False turns
indexing off.
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
from pathlib import Path

from pelican import signals

logger = logging.getLogger(__name__)

SEARCHABLE_MARK = b"data-pagefind-body"
DEFAULT_SHARD_PAGES = 2000
BUNDLE_LIST = "bundles.json"


def searchable_pages(site: Path) -> list[Path]:
    """The site's HTML pages that mark content for search, in a stable order."""
    return sorted(page for page in site.rglob("*.html")
                  if not page.relative_to(site).parts[0].startswith("pagefind")
                  and SEARCHABLE_MARK in page.read_bytes())


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
    with tempfile.TemporaryDirectory(prefix=".search-shard-", dir=site) as folder:
        for page in pages:
            link_or_copy(page, Path(folder) / page.relative_to(site))
        return run_pagefind(Path(folder), bundle)


def link_or_copy(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:  # a file system without hard links
        shutil.copyfile(source, target)


def index_site(pelican) -> None:
    if not pelican.settings.get("NEWSDIGEST_SEARCH", True):
        return
    site = Path(pelican.output_path)
    most = pelican.settings.get("NEWSDIGEST_SEARCH_SHARD_PAGES") or DEFAULT_SHARD_PAGES
    shards = shards_of(searchable_pages(site), most)
    bundles = [bundle_name(number) for number in range(1, len(shards) + 1)]
    for name in bundles:
        shutil.rmtree(site / name, ignore_errors=True)
    if not all(index_shard(site, pages, site / name) for pages, name in zip(shards, bundles)):
        return
    (site / "pagefind" / BUNDLE_LIST).write_text(json.dumps([f"{name}/" for name in bundles]), encoding="utf-8")
    logger.info("Pagefind indexed %s in %d shard%s", site, len(shards), "s" if len(shards) != 1 else "")


def register():
    signals.finalized.connect(index_site)
