"""The benchmark corpus: reproducible for a seed, and read by the Newsdigest reader like real articles."""
from __future__ import annotations

from pathlib import Path

import pytest
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from conftest import ROOT
from newsdigest.corpus import corpus, write_article, write_registries
from newsdigest.site.reader import RawArticleReader


def test_a_seed_always_gives_the_same_articles():
    assert list(corpus(5, 8)) == list(corpus(5, 8))


def test_another_seed_gives_other_articles():
    assert [a.as_raw_text() for a in corpus(5, 3)] != [a.as_raw_text() for a in corpus(6, 3)]


def test_an_article_depends_only_on_the_seed_and_its_number():
    assert next(corpus(5, 1, start=6)) == list(corpus(5, 8))[6]


def test_articles_are_dated_in_the_order_they_are_added_a_few_a_day():
    dates = [article.date for article in corpus(5, 100)]
    assert dates == sorted(dates) and next(corpus(5, 1, start=100)).date >= dates[-1]
    assert 3 <= (dates[-1] - dates[0]).days <= 20


def test_articles_are_news_length_with_and_without_a_header():
    articles = list(corpus(11, 40))
    words = [len(article.as_raw_text().split()) for article in articles]
    assert 600 <= sum(words) / len(words) <= 1000
    assert {article.has_header for article in articles} == {True, False}
    assert len({article.slug for article in articles}) == len(articles)


@pytest.fixture(scope="module")
def written(tmp_path_factory) -> Path:
    content = tmp_path_factory.mktemp("corpus")
    for folder in ("raw", "markdown"):
        (content / folder).mkdir()
    write_registries(content, seed=3)
    for article in corpus(3, 12):
        write_article(article, content / "raw", content / "markdown")
    return content


def test_the_reader_accepts_every_article_and_finds_quotes(written: Path):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={
        "PATH": str(written), "CACHE_PATH": str(written / "cache"), "NEWSDIGEST_EXTRACTION_CACHE": False})
    reader = RawArticleReader(settings)
    read = [reader.read(str(path)) for path in sorted((written / "raw").glob("*.txt"))]
    assert len(read) == 12
    for html, metadata in read:
        assert html.startswith("<p>") and metadata["title"] and metadata["date"]
        assert metadata["digest"].body_html is None  # the body is held once, as the content
    assert sum(len(metadata["digest"].quotes) for _, metadata in read) >= 12 * 3


def test_the_markdown_twin_is_plain_pelican_markdown(written: Path):
    reader = MarkdownReader(read_settings(None))
    for path in sorted((written / "markdown").glob("*.md")):
        html, metadata = reader.read(str(path))
        assert "<p>" in html and metadata["title"] and metadata["tags"]
