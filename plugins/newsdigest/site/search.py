"""Static search: Pagefind indexes the written site once the build is done.

Pages mark what is searchable with ``data-pagefind-body``; the index and
Pagefind's own UI land in ``output/pagefind/``. NEWSDIGEST_SEARCH = False
turns indexing off.
"""
from __future__ import annotations

import logging
import subprocess
import sys

from pelican import signals

logger = logging.getLogger(__name__)


def index_site(pelican) -> None:
    if not pelican.settings.get("NEWSDIGEST_SEARCH", True):
        return
    command = [sys.executable, "-m", "pagefind", "--site", str(pelican.output_path)]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        logger.error("Pagefind could not index %s:\n%s", pelican.output_path, result.stderr or result.stdout)
        return
    logger.info("Pagefind indexed %s", pelican.output_path)
    logger.debug("%s", result.stdout)


def register():
    signals.finalized.connect(index_site)
