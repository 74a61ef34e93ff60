"""Pelican settings for publishing: absolute URLs from ``SITEURL`` in the environment."""
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pelicanconf import *  # noqa: E402,F401,F403

SITEURL = os.environ.get("SITEURL", "").rstrip("/")
if not SITEURL.startswith(("http://", "https://")):
    sys.exit("publishconf.py: set SITEURL to the site's absolute address, "
             "e.g. SITEURL=https://news.example.org make publish")
RELATIVE_URLS = False
DELETE_OUTPUT_DIRECTORY = True
NEWSDIGEST_REQUIRE_DATES = True
# Any skipped file fails the build, after all of them are listed (see plugins/newsdigest/site/report.py).
NEWSDIGEST_STRICT = True
NEWSDIGEST_SHOW_REVIEW = False
