"""Addresses for crawlers and lost readers: ``sitemap.xml``, ``robots.txt`` and ``404.html``.

Also gives templates ``ABSOLUTE_SITEURL``, the SITEURL setting as configured
(pages with relative URLs see a relative SITEURL), for canonical links and
Open Graph tags. Every lastmod is an article date, never the build's time.
"""
from __future__ import annotations

import logging
from pathlib import Path
from xml.etree import ElementTree

from pelican import signals
from pelican.generators import Generator

logger = logging.getLogger(__name__)

SITEMAP_NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


def day_of(date) -> str:
    """The calendar day of a datetime, or of an ISO 8601 string."""
    return date.date().isoformat() if hasattr(date, "date") else str(date)[:10]


def newest_day(dates) -> str | None:
    days = [day_of(date) for date in dates]
    return max(days) if days else None


def sitemap_xml(entries: list[tuple[str, str | None]]) -> bytes:
    """The sitemap document for (address, lastmod day or None) entries."""
    root = ElementTree.Element("urlset", xmlns=SITEMAP_NAMESPACE)
    for address, lastmod in entries:
        url = ElementTree.SubElement(root, "url")
        ElementTree.SubElement(url, "loc").text = address
        if lastmod:
            ElementTree.SubElement(url, "lastmod").text = lastmod
    ElementTree.indent(root)
    return ElementTree.tostring(root, encoding="utf-8", xml_declaration=True) + b"\n"


class SitemapGenerator(Generator):
    """Lists every article, page, topic and person page in the sitemap, and writes the 404 page."""

    def generate_context(self):
        self.context["ABSOLUTE_SITEURL"] = self.settings.get("SITEURL", "")

    def address(self, url: str) -> str:
        return f"{self.settings.get('SITEURL', '')}/{url}"

    def entries(self) -> list[tuple[str, str | None]]:
        """(address, lastmod) of the home and index pages, then of every article, page, topic and person."""
        newest = newest_day(article.date for article in self.context.get("articles", []))
        indexes = [(self.address(url), newest) for url in ("", self.settings["TAGS_URL"], "people/")]
        return indexes + self.article_entries() + self.page_entries() + self.topic_entries() + self.person_entries()

    def article_entries(self) -> list[tuple[str, str | None]]:
        return [(self.address(article.url), day_of(article.date)) for article in self.context.get("articles", [])]

    def page_entries(self) -> list[tuple[str, str | None]]:
        return [(self.address(page.url), day_of(page.date) if hasattr(page, "date") else None)
                for page in self.context.get("pages", [])]

    def topic_entries(self) -> list[tuple[str, str | None]]:
        tags = sorted(self.context.get("tags", []), key=lambda pair: pair[0].slug)
        return [(self.address(tag.url), newest_day(article.date for article in tagged)) for tag, tagged in tags]

    def person_entries(self) -> list[tuple[str, str | None]]:
        index, slugs = self.context.get("quote_index"), self.context.get("person_slugs", {})
        return [(self.address(f"people/{slugs[name]}/"), newest_day(item.article.date for item in entry.quotes))
                for name, entry in (index.people.items() if index else ())]

    def generate_output(self, writer):
        output = Path(self.output_path)
        output.mkdir(parents=True, exist_ok=True)
        (output / "sitemap.xml").write_bytes(sitemap_xml(self.entries()))
        (output / "robots.txt").write_text(f"User-agent: *\nAllow: /\n\nSitemap: {self.address('sitemap.xml')}\n",
                                           encoding="utf-8")
        writer.write_file("404.html", self.get_template("404"), self.context, relative_urls=False,
                          SITEURL=self.settings.get("SITEURL", ""), page_name="404")


def get_generators(pelican):
    return SitemapGenerator


def register():
    signals.get_generators.connect(get_generators)
