"""End-to-end: the sample digest builds and holds the pages a reader opens."""
from __future__ import annotations

from pathlib import Path

from conftest import ROOT

ARTICLES = sorted((ROOT / "content" / "articles").glob("*.txt"))


def test_the_sample_has_enough_articles_to_show_the_product():
    assert len(ARTICLES) >= 12


def test_every_sample_article_gets_a_page(sample_site: Path):
    for source in ARTICLES:
        page = sample_site / "articles" / source.stem / "index.html"
        assert page.exists(), f"no page for {source.name}"
        assert "<article" in page.read_text(encoding="utf-8")


def test_home_page_links_to_the_newest_articles(sample_site: Path):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    linked = [source.stem for source in ARTICLES if f"articles/{source.stem}/" in home]
    assert len(linked) >= 10


def test_navigation_reaches_home_topics_people_and_feeds(sample_site: Path):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    for label in ("Home", "Topics", "People", "Feeds"):
        assert f">{label}</a>" in home
