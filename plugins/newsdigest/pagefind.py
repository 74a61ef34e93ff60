"""Pagefind, the static search indexer, run on a whole site or on some of its pages alone.

Some pages are indexed by a child process of their own (``index_pages``), which
links them into a temporary folder at their places in the site, runs Pagefind
on that folder and removes it: thousands of file-system calls, which a thread
of the build would make waiting for the interpreter lock after each one (see
``run_module_in_child``). That process and its Pagefind run at a lower priority
than the build, whose own thread goes first while it writes pages beside them.
Nothing here imports Pelican.
"""
from __future__ import annotations

import functools
import logging
import subprocess
import sys
import tempfile
from pathlib import Path

from .filecache import place
from .files import listing_of, paths_in, run_module_in_child, yield_to_the_build

logger = logging.getLogger(__name__)

PAGEFIND = [sys.executable, "-m", "pagefind"]


@functools.cache
def pagefind_version() -> str:
    result = subprocess.run([*PAGEFIND, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip()


def run_pagefind(site: Path, bundle: Path) -> bool:
    """Indexes the pages under ``site`` into ``bundle``; logs Pagefind's error and returns False on failure."""
    command = [*PAGEFIND, "--site", str(site), "--output-path", str(bundle)]
    result = subprocess.run(command, capture_output=True, encoding="utf-8", errors="replace", check=False)
    if result.returncode != 0:
        logger.error("Pagefind could not index %s:\n%s", site, result.stderr or result.stdout)
        return False
    logger.debug("%s", result.stdout)
    return True


def index_pages(site: Path, pages: list[Path], bundle: Path) -> bool:
    """Indexes ``pages`` of ``site`` alone into ``bundle``, in a child process; logs why and returns
    False on failure."""
    result = run_module_in_child(__spec__.name, [str(site), str(bundle)], listing_of(pages))
    if result.returncode != 0:
        logger.error("Pagefind could not index %d pages of %s:\n%s", len(pages), site,
                     result.stderr.decode(errors="replace").strip() or f"exit status {result.returncode}")
    return result.returncode == 0


def index_pages_here(site: Path, pages: list[Path], bundle: Path) -> bool:
    """``index_pages`` in this process: Pagefind is given a folder of links to the pages."""
    with tempfile.TemporaryDirectory(prefix=".search-shard-", dir=site) as folder:
        for page in pages:
            place(page, Path(folder) / page.relative_to(site))
        return run_pagefind(Path(folder), bundle)


def main(arguments: list[str], listing: bytes) -> int:
    logging.basicConfig(format="%(message)s")
    yield_to_the_build()
    site, bundle = map(Path, arguments)
    try:
        return 0 if index_pages_here(site, [Path(page) for page in paths_in(listing)], bundle) else 1
    except OSError as error:
        logger.error("%s", error)
        return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:], sys.stdin.buffer.read()))
