"""Addresses of a published build: sitemap, robots.txt, canonical links and social tags, all absolute."""
from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest import ROOT, build_site

SITEURL = "https://news.example.org"
NAMESPACE = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The sample digest built as ``make publish`` builds it: absolute URLs from SITEURL."""
    base = tmp_path_factory.mktemp("published")
    return build_site(ROOT / "content", base / "output", SITEURL=SITEURL, RELATIVE_URLS=False,
                      NEWSDIGEST_SHOW_REVIEW=False, NEWSDIGEST_SEARCH=False)


def sitemap_of(site: Path) -> dict[str, str | None]:
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    return {url.findtext("s:loc", namespaces=NAMESPACE): url.findtext("s:lastmod", namespaces=NAMESPACE)
            for url in root.findall("s:url", NAMESPACE)}


def page_address(site: Path, page: Path) -> str:
    return f"{SITEURL}/{page.relative_to(site).as_posix().removesuffix('index.html')}"


def test_sitemap_lists_every_article_page_topic_and_person(published_site):
    listed = sitemap_of(published_site)
    for folder in ("articles", "topics", "people"):
        for page in (published_site / folder).glob("*/index.html"):
            assert page_address(published_site, page) in listed, page
    for page in (published_site / "about").glob("index.html"):
        assert page_address(published_site, page) in listed
    assert f"{SITEURL}/" in listed


def test_sitemap_lists_only_pages_that_exist(published_site):
    for address in sitemap_of(published_site):
        path = address.removeprefix(SITEURL + "/")
        assert (published_site / path / "index.html").is_file() or (published_site / path).is_file(), address


def test_lastmod_of_an_article_is_its_date(published_site):
    listed = sitemap_of(published_site)
    for page in (published_site / "articles").glob("*/index.html"):
        published = re.search(r'<meta property="article:published_time" content="([\d-]{10})',
                              page.read_text(encoding="utf-8")).group(1)
        assert listed[page_address(published_site, page)] == published


def test_lastmod_values_are_days_no_later_than_the_newest_article(published_site):
    listed = sitemap_of(published_site)
    article_days = [day for address, day in listed.items() if "/articles/" in address]
    for day in filter(None, listed.values()):
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", day) and day <= max(article_days)


def test_the_sitemap_is_the_same_whenever_it_is_built(published_site, tmp_path):
    again = build_site(ROOT / "content", tmp_path / "output", SITEURL=SITEURL, RELATIVE_URLS=False,
                       NEWSDIGEST_SHOW_REVIEW=False, NEWSDIGEST_SEARCH=False)
    assert (again / "sitemap.xml").read_bytes() == (published_site / "sitemap.xml").read_bytes()


def test_robots_txt_points_to_the_sitemap(published_site):
    robots = (published_site / "robots.txt").read_text(encoding="utf-8")
    assert f"Sitemap: {SITEURL}/sitemap.xml" in robots.splitlines()
    assert "User-agent: *" in robots


def test_canonical_and_open_graph_addresses_are_absolute(published_site):
    for page in (published_site / "articles").glob("*/index.html"):
        html = page.read_text(encoding="utf-8")
        address = page_address(published_site, page)
        assert f'<link rel="canonical" href="{address}">' in html
        assert f'<meta property="og:url" content="{address}">' in html
        slug = page.parent.name
        assert f'<meta property="og:image" content="{SITEURL}/cards/articles/{slug}.png">' in html


def test_the_not_found_page_works_at_any_depth(published_site):
    page = (published_site / "404.html").read_text(encoding="utf-8")
    assert f'href="{SITEURL}/theme/css/site.css"' in page
    assert not re.search(r'(href|src)="\.\.?/', page)
