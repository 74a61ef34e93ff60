"""Newsdigest: raw scraped news articles into a static news-digest site.

The modules at this level are plain text functions over strings and never
import Pelican; the Pelican plugins live in ``newsdigest.site``.
"""
__version__ = "0.1.0"
