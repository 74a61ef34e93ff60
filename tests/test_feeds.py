"""Feeds end to end: small invented digests built into temporary folders, read back with feedparser."""
from __future__ import annotations

import re
from html import unescape
import xml.etree.ElementTree as ET
from pathlib import Path

import feedparser
import pytest

from conftest import SEED, build_site

LOCAL = "http://localhost:8000"
MOVED = "https://news.example.net"
ATOM = "{http://www.w3.org/2005/Atom}"

ARTICLES = {
    "bridge-reopens": """Title: Brenholm bridge to reopen before the winter markets
Date: 2026-03-02
Source: The Brenholm Courier
Editor: Oda Fenn
Topics: Transport, City Politics

"We will reopen the bridge," Mayor Ilse Varga said on Monday. "The repairs are finished and the inspectors are happy."

Engineers spent eight weeks replacing the bearings under the eastern span.

"It was the longest eight weeks of my career," said Tomas Lerche, the chief engineer.
""",
    "ferry-timetable": """Title: Ferry timetable cut as crews fall ill
Date: 2026-03-04
Source: Harbour Weekly
Editor: Oda Fenn
Topics: Transport

The Brenholm ferry will run every forty minutes instead of every twenty until the end of the month.

"Nobody likes waiting on a cold pier," Mayor Ilse Varga said. "We are hiring four more deckhands."
""",
    "library-roof": """Title: Library roof fund reaches its target <b>& more</b>
Date: 2026-02-20
Source: The Brenholm Courier
Editor: Per Nyborg
Topics: Culture

Donations to the Brenholm library roof fund passed their target on Friday, a month ahead of schedule.

For a day the fund's page showed <script>alert("roof")</script> and a link <a href="/donate">donate</a> by mistake.

"Readers paid for every slate," said Agnes Holt, the head librarian.
""",
}
NEWEST_FIRST = ["ferry-timetable", "bridge-reopens", "library-roof"]


def write_content(folder: Path) -> Path:
    (folder / "articles").mkdir(parents=True)
    for slug, text in ARTICLES.items():
        (folder / "articles" / f"{slug}.txt").write_text(text, encoding="utf-8")
    return folder


def feed_files(site: Path) -> list[Path]:
    return sorted((site / "feeds").rglob("*.xml"))


def parsed(path: Path):
    return feedparser.parse(path.read_bytes())


def entry_ids(site: Path) -> dict[str, list[str]]:
    return {path.relative_to(site).as_posix(): [entry.id for entry in parsed(path).entries]
            for path in feed_files(site)}


def person_slugs(site: Path) -> list[str]:
    return sorted(page.parent.name for page in (site / "people").glob("*/index.html"))


@pytest.fixture(scope="module")
def content(tmp_path_factory) -> Path:
    return write_content(tmp_path_factory.mktemp("feeds") / "content")


def build(content: Path, name: str, **overrides) -> Path:
    return build_site(content, content.parent / name, **overrides)


@pytest.fixture(scope="module")
def site(content) -> Path:
    return build(content, "local")


@pytest.fixture(scope="module")
def rebuilt_site(content) -> Path:
    return build(content, "local-again")


@pytest.fixture(scope="module")
def moved_site(content) -> Path:
    return build(content, "moved", SITEURL=MOVED, RELATIVE_URLS=False)


def test_site_topic_and_person_feeds_are_written_in_both_formats(site):
    names = {path.relative_to(site / "feeds").as_posix() for path in feed_files(site)}
    expected = {"all", "topics/transport", "topics/city-politics", "topics/culture",
                *(f"people/{slug}" for slug in person_slugs(site))}
    assert "people/ilse-varga" in expected
    assert names == {f"{name}.{kind}.xml" for name in expected for kind in ("atom", "rss")}


def test_every_feed_parses_without_errors(site):
    for path in feed_files(site):
        feed = parsed(path)
        assert not feed.bozo, f"{path.name}: {feed.get('bozo_exception')}"
        assert feed.version in ("atom10", "rss20")
        assert feed.entries, path


def test_entry_ids_are_unique_tag_uris(site):
    ids = entry_ids(site)
    for name, feed_ids in ids.items():
        assert all(re.fullmatch(r"tag:newsdigest\.example,\d{4}-\d\d-\d\d:[\w/-]+", id) for id in feed_ids), name
        assert len(set(feed_ids)) == len(feed_ids), name
    quote_ids = [id for name, feed_ids in ids.items() if name.startswith("feeds/people/") and ".atom" in name
                 for id in feed_ids]
    assert len(set(quote_ids)) == len(quote_ids)
    assert all("/quote/" in id for id in quote_ids)


def test_ids_survive_a_rebuild_and_a_move_of_the_site(site, rebuilt_site, moved_site):
    assert entry_ids(site) == entry_ids(rebuilt_site) == entry_ids(moved_site)


def test_two_builds_write_the_same_bytes(site, rebuilt_site):
    for path in feed_files(site):
        assert path.read_bytes() == (rebuilt_site / path.relative_to(site)).read_bytes(), path.name


def test_rss_guids_are_not_permalinks(site):
    for path in (site / "feeds").rglob("*.rss.xml"):
        guids = ET.parse(path).getroot().iter("guid")
        assert all(guid.get("isPermaLink") == "false" and guid.text.startswith("tag:") for guid in guids)


@pytest.mark.parametrize("built, root", [("site", LOCAL), ("moved_site", MOVED)])
def test_every_link_is_absolute_under_the_site_address(built, root, request):
    site = request.getfixturevalue(built)
    for path in feed_files(site):
        feed = parsed(path)
        assert feed.feed.link.startswith(root + "/")
        assert any(link.rel == "self" and link.href == f"{root}/{path.relative_to(site).as_posix()}"
                   for link in feed.feed.links), path
        for entry in feed.entries:
            assert entry.link.startswith(root + "/articles/")
            for url in re.findall(r'<[^>]+\b(?:href|src)="([^"]*)"', entry.content[0].value):
                assert url.startswith(root + "/"), (path.name, url)


def test_entries_carry_dates_and_the_feed_is_as_new_as_its_newest_entry(site):
    for path in feed_files(site):
        feed = parsed(path)
        assert all(entry.published_parsed for entry in feed.entries), path
    for path in (site / "feeds").rglob("*.atom.xml"):
        feed = parsed(path)
        assert feed.feed.updated_parsed == max(entry.updated_parsed for entry in feed.entries), path


def test_site_feed_lists_every_article_newest_first_with_its_source(site):
    for kind in ("atom", "rss"):
        entries = parsed(site / "feeds" / f"all.{kind}.xml").entries
        assert [entry.link for entry in entries] == [f"{LOCAL}/articles/{slug}/" for slug in NEWEST_FIRST]
    courier = parsed(site / "feeds" / "all.atom.xml").entries[1]
    assert courier.author == "The Brenholm Courier"
    assert "replacing the bearings under the eastern span" in courier.content[0].value


def test_topic_feed_holds_the_articles_of_its_topic(site):
    entries = parsed(site / "feeds" / "topics" / "transport.atom.xml").entries
    assert [entry.link for entry in entries] == [f"{LOCAL}/articles/{slug}/" for slug in NEWEST_FIRST[:2]]


def test_person_feed_has_one_entry_per_quote_on_their_page(site):
    for slug in person_slugs(site):
        page = (site / "people" / slug / "index.html").read_text(encoding="utf-8")
        for kind in ("atom", "rss"):
            entries = parsed(site / "feeds" / "people" / f"{slug}.{kind}.xml").entries
            assert len(entries) == page.count('class="quote-item"'), (slug, kind)


def test_person_feed_entry_gives_the_quote_its_speaker_and_the_article(site):
    entries = parsed(site / "feeds" / "people" / "ilse-varga.atom.xml").entries
    bridge = [entry for entry in entries if "reopen the bridge" in entry.content[0].value]
    assert len(bridge) == 1
    html = bridge[0].content[0].value
    assert "Ilse Varga" in html and "Ilse Varga" in bridge[0].title
    assert f'href="{LOCAL}/articles/bridge-reopens/"' in html
    assert "Brenholm bridge to reopen before the winter markets" in html
    assert bridge[0].id.startswith("tag:newsdigest.example,2026-03-02:bridge-reopens/quote/")


def test_text_from_articles_reaches_feeds_escaped(site):
    for path in [site / "feeds" / "all.atom.xml", site / "feeds" / "topics" / "culture.atom.xml"]:
        entry = next(e for e in ET.parse(path).getroot().iter(f"{ATOM}entry")
                     if e.find(f"{ATOM}id").text.endswith(":library-roof"))
        html = entry.find(f"{ATOM}content").text
        assert "<script" not in html and "&lt;script&gt;" in html
        assert '<a href="/donate">' not in html
        assert entry.find(f"{ATOM}title").text.endswith("<b>& more</b>")


def test_max_items_limits_every_feed_to_the_newest_entries(content):
    site = build(content, "max-one", NEWSDIGEST_FEED_MAX_ITEMS=1)
    links = [entry.link for entry in parsed(site / "feeds" / "all.atom.xml").entries]
    assert links == [f"{LOCAL}/articles/{NEWEST_FIRST[0]}/"]
    assert all(len(parsed(path).entries) == 1 for path in feed_files(site))


def test_summary_only_feeds_leave_out_the_full_text(content):
    site = build(content, "summaries", NEWSDIGEST_FEED_SUMMARY_ONLY=True)
    for path in feed_files(site):
        for entry in parsed(path).entries:
            assert "content" not in entry and entry.summary, path.name
    ferry = parsed(site / "feeds" / "all.rss.xml").entries[0]
    assert ferry.summary.startswith("The Brenholm ferry will run")
    assert "deckhands" not in ferry.summary


def test_every_page_announces_the_site_feed_and_its_own(site):
    def alternates(page: str) -> list[str]:
        html = (site / page).read_text(encoding="utf-8")
        return re.findall(r'<link rel="alternate" type="application/(?:atom|rss)\+xml"[^>]*href="([^"]+)"', html)

    assert alternates("index.html") == ["./feeds/all.atom.xml", "./feeds/all.rss.xml"]
    assert alternates("articles/bridge-reopens/index.html")[:2] == ["../../feeds/all.atom.xml",
                                                                     "../../feeds/all.rss.xml"]
    assert alternates("topics/transport/index.html")[2:] == ["../../feeds/topics/transport.atom.xml",
                                                              "../../feeds/topics/transport.rss.xml"]
    assert alternates("people/ilse-varga/index.html")[2:] == ["../../feeds/people/ilse-varga.atom.xml",
                                                               "../../feeds/people/ilse-varga.rss.xml"]


def test_feeds_page_lists_every_feed_and_how_to_subscribe(site):
    page = (site / "feeds" / "index.html").read_text(encoding="utf-8")
    for path in feed_files(site):
        assert f'href="../{path.relative_to(site).as_posix()}"' in page, path.name
    assert "How to subscribe" in page
    assert 'href="../feeds/" aria-current="page"' in page


def test_sample_feeds_parse_and_the_site_feed_holds_every_article(sample_site):
    articles = list((sample_site / "articles").glob("*/index.html"))
    for path in feed_files(sample_site):
        assert not parsed(path).bozo, path.name
    assert len(parsed(sample_site / "feeds" / "all.atom.xml").entries) == min(len(articles), 50)


def test_seed_feed_of_mark_rutte_carries_his_quotes(seed_site):
    feed = parsed(seed_site / "feeds" / "people" / "mark-rutte.atom.xml")
    assert not feed.bozo
    assert len(feed.entries) >= 1
    seed = " ".join(SEED.read_text(encoding="utf-8").split())
    for entry in feed.entries:
        quote = entry.summary.removeprefix("“").removesuffix("” — Mark Rutte")
        assert quote and quote in unescape(entry.content[0].value)
        assert " ".join(quote.split()) in seed
        assert entry.link == f"{LOCAL}/articles/{SEED.stem}/"
