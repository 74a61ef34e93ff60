"""End-to-end: people and topic pages of built sites, with the seed article and the sample."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from conftest import ROOT

EXPECTED = yaml.safe_load((ROOT / "tests" / "data" / "sample_expectations.yml").read_text(encoding="utf-8"))
QUOTE_ITEM = re.compile(r'<li class="quote-item">(.*?)</li>', re.S)


def page(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def quotes_on(site: Path, slug: str) -> list[str]:
    return QUOTE_ITEM.findall(page(site, f"people/{slug}"))


def person_pages(site: Path) -> dict[str, str]:
    return {path.parent.name: path.read_text(encoding="utf-8")
            for path in (site / "people").glob("*/index.html")}


def json_ld_of(html: str) -> list[dict]:
    return [json.loads(block) for block in
            re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)]


@pytest.mark.parametrize("slug, count, words", [
    ("mark-rutte", 3, "next steps"),
    ("donald-trump", 2, "going to have Greenland"),
    ("friedrich-merz", 2, "share the US concerns"),
    ("andrius-kubilius", 2, "end of NATO"),
])
def test_seed_speakers_have_all_their_quotes_on_their_page(seed_site, slug, count, words):
    quotes = quotes_on(seed_site, slug)
    assert len(quotes) == count
    assert any(words in quote for quote in quotes)


def test_seed_words_of_a_statement_or_a_coalition_are_on_no_person_page(seed_site):
    for html in person_pages(seed_site).values():
        assert "belongs to its people" not in html
        assert "under any circumstances" not in html


def test_seed_article_is_listed_under_its_topics(seed_site):
    for topic in ("greenland", "nato"):
        assert "articles/000_09faeee6b37f03b2/" in page(seed_site, f"topics/{topic}")


def test_seed_article_links_its_speakers_and_marks_up_their_quotes(seed_site):
    html = page(seed_site, "articles/000_09faeee6b37f03b2")
    assert re.search(r'<a class="speaker" href="[./]*people/mark-rutte/">', html)
    assert '<q class="quote" data-speaker="Friedrich Merz"' in html


def test_every_recurring_sample_person_has_one_page_with_their_quotes(sample_site):
    pages = person_pages(sample_site)
    for person in EXPECTED["people"]:
        assert person["slug"] in pages, f"no page for {person['name']}"
        found = len(QUOTE_ITEM.findall(pages[person["slug"]]))
        assert 0 < found <= person["quotes"], person["name"]


def test_no_sample_page_for_a_non_person_nor_a_second_page_for_a_person(sample_site):
    known = {p["slug"] for p in EXPECTED["people"] + EXPECTED["other_speakers"]}
    assert set(person_pages(sample_site)) <= known


def test_a_surname_only_article_is_credited_to_the_registered_person(sample_site):
    case = EXPECTED["surname_only_article"]
    slug = Path(case["file"]).stem
    html = page(sample_site, "people/oskar-lindqvist")
    assert f"articles/{slug}/" in html


def test_people_index_lists_everyone_a_to_z_with_role_and_count(sample_site):
    html = page(sample_site, "people")
    names = re.findall(r'<a href="[./]*people/[^/]+/">([^<]+)</a>', html)
    surnames = [name.split()[-1] for name in names]
    assert surnames == sorted(surnames, key=str.casefold)
    assert re.search(r"\d+ quotes?", html)


@pytest.mark.parametrize("topic", EXPECTED["topics"], ids=lambda topic: topic["name"])
def test_topic_pages_list_their_articles(sample_site, topic):
    slug = topic["name"].lower().replace(" ", "-")
    html = "".join(path.read_text(encoding="utf-8")
                   for path in (sample_site / "topics" / slug).rglob("index.html"))
    for source in topic["articles"]:
        assert f"articles/{Path(source).stem}/" in html


def test_topics_index_lists_every_vocabulary_topic(sample_site):
    html = page(sample_site, "topics")
    for topic in EXPECTED["topics"]:
        assert f">{topic['name']}</a>" in html


def test_structured_data_describes_articles_people_and_quotes(sample_site):
    article = json_ld_of(page(sample_site, "articles/harbour-levy-vote"))
    assert article[0]["@type"] == "NewsArticle" and article[0]["headline"]
    person = json_ld_of(page(sample_site, "people/aino-tamm"))
    assert person[0]["@type"] == "Person" and person[0]["name"] == "Aino Tamm"
    assert {quote["@type"] for quote in person[0]["subjectOf"]} == {"Quotation"}


def older_pages(folder: Path) -> list[str]:
    """The pages that follow the page in ``folder`` by their "Older" links, newest first."""
    pages = []
    while found := re.search(r'<a rel="next" href="([^"]*)">Older</a>', (folder / "index.html").read_text("utf-8")):
        folder = (folder / found.group(1)).resolve()
        pages.append((folder / "index.html").read_text(encoding="utf-8"))
    return pages


def test_a_person_page_is_cut_into_pages_that_hold_every_quote_once_the_first_alone_searchable(sample_site, tmp_path):
    from conftest import build_site

    paged = build_site(ROOT / "content", tmp_path / "output", NEWSDIGEST_SEARCH=False,
                       PAGINATED_TEMPLATES={"index": None, "tag": None, "person": 2})
    whole = person_pages(sample_site)["aino-tamm"]
    first = page(paged, "people/aino-tamm")
    pages = [first] + older_pages(paged / "people" / "aino-tamm")
    assert len(pages) > 1 and len(QUOTE_ITEM.findall(first)) in (2, 3)
    assert all(len(QUOTE_ITEM.findall(html)) == 2 for html in pages[1:])
    quoted = re.compile(r"<blockquote[^>]*>\s*<p>(.*?)</p>", re.S)
    assert [words for html in pages for words in quoted.findall(html)] == quoted.findall(whole)
    assert 'rel="next"' in first and 'rel="prev"' in pages[1] and 'rel="next"' not in pages[-1]
    assert "people/aino-tamm/page/2/" in first or len(pages) > 2
    assert "<title>Aino Tamm, page 2 — " in pages[-1]
    assert "data-pagefind-body" in first and not any("data-pagefind-body" in html for html in pages[1:])
    assert 'id="speaks-on"' in first and "application/ld+json" in first
    firsts = person_pages(paged).values()
    assert any(len(QUOTE_ITEM.findall(html)) == 3 for html in firsts)
    assert all(len(json_ld_of(html)[0]["subjectOf"]) == len(QUOTE_ITEM.findall(html)) for html in firsts)
    assert not any('id="speaks-on"' in html or "application/ld+json" in html for html in pages[1:])
    assert all("<h1>Aino Tamm</h1>" in html and '<p class="role">Mayor</p>' in html for html in pages)
    numbers = [int(n) for html in pages for n in re.findall(r'<ol class="quote-list" reversed start="(\d+)"', html)]
    assert numbers[-1] == 2 and numbers[0] == len(quoted.findall(whole))