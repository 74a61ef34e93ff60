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


def test_articles_let_go_of_their_digests_before_pages_are_written_and_the_feeds_still_hold_them(tmp_path: Path):
    from pelican import signals

    from conftest import build_site, copy_sample_content

    content = copy_sample_content(tmp_path / "content")
    seen = {}

    def note_digests(generator, writer=None):
        seen["kept"] = [article.slug for article in generator.articles if hasattr(article, "digest")]
        seen["articles"] = len(generator.articles)

    signals.article_writer_finalized.connect(note_digests)
    try:
        output = build_site(content, tmp_path / "output", NEWSDIGEST_SEARCH=False)
    finally:
        signals.article_writer_finalized.disconnect(note_digests)
    assert seen == {"kept": [], "articles": len(ARTICLES)}
    feed = (output / "feeds" / "all.atom.xml").read_text(encoding="utf-8")
    assert feed.count("<entry>") == min(len(ARTICLES), 50) and "/people/" in feed
