"""Cutting the search index into shards: every page in exactly one shard, none over the limit, each shard's
bundle cached by what Pagefind reads of its pages."""
from __future__ import annotations

import gzip
import json
import os
import random
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, build_site
from hypothesis import given, strategies as st

from newsdigest.site.search import (CACHE_FOLDER, PageFacts, searchable_pages, searchable_part, shard_key,
                                    shards_of)

SITE = Path("/site")
ARTICLE = """<!DOCTYPE html>
<html lang="en"><head><title>{title} — Newsdigest</title><meta name="description" content="{title}"></head>
<body><main><div class="article-layout"><article class="article" data-pagefind-body><h1>{title}</h1>
<div class="article-body">{body}</div></article>
<aside class="related"><ul><li><a href="/articles/other/">{related}</a></li></ul></aside></div>
<nav class="neighbours"><a rel="prev" href="/articles/older/">{related}</a></nav></main></body></html>
"""


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=120), st.randoms())
def test_shards_hold_every_page_once_none_too_many_whatever_the_order(count: int, most: int, order: random.Random):
    pages = [SITE / f"articles/{number:04}/index.html" for number in range(count)]
    shards = shards_of(pages, most, SITE)
    assert sorted(page for shard in shards for page in shard) == pages
    assert all(0 < len(shard) <= most for shard in shards)
    assert shards_of(order.sample(pages, len(pages)), most, SITE) == shards


def test_only_what_pagefind_reads_of_a_page_counts():
    page = ARTICLE.format(title="Ferry row", body="<p>We will not wait.</p>", related="Bridge vote")
    part = searchable_part(page.encode())
    assert searchable_part(page.replace("Bridge vote", "Harbour dues").encode()) == part
    assert searchable_part(page.replace("not wait", "wait").encode()) != part
    assert searchable_part(page.replace("<title>Ferry", "<title>Ferry boat").encode()) != part
    assert searchable_part(page.replace('lang="en"', 'lang="fi"').encode()) != part
    unclosed = page.replace("<p>We", "<article><p>We")
    assert searchable_part(unclosed.encode()) == unclosed.encode()
    tagged_outside = page.replace("<nav ", "<nav data-pagefind-filter=\"kind\" ")
    assert searchable_part(tagged_outside.encode()) == tagged_outside.encode()


def write_articles(site: Path, names: list[str]) -> None:
    """Article pages whose related list and links to neighbours, outside what is searchable, change with each call."""
    for name in names:
        page = site / "articles" / name / "index.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(ARTICLE.format(title=name, body=f"<p>{name} said so.</p>", related=f"{len(names)} more"),
                        encoding="utf-8")


def keys_of_shards(site: Path, most: int) -> dict[str, list[Path]]:
    shards = shards_of(searchable_pages(site), most, site)
    return {shard_key(site, pages, f"pagefind-{number}"): pages for number, pages in enumerate(shards, 1)}


def test_an_added_article_changes_the_key_of_its_own_shard_alone(tmp_path: Path):
    write_articles(tmp_path, [f"article-{number:02}" for number in range(30)])
    before = keys_of_shards(tmp_path, 12)
    write_articles(tmp_path, [f"article-{number:02}" for number in range(31)])
    after = keys_of_shards(tmp_path, 12)
    changed = [pages for key, pages in after.items() if key not in before]
    assert len(after) == len(before) > 1 and len(changed) == 1
    assert tmp_path / "articles" / "article-30" / "index.html" in changed[0]


def test_a_rebuild_takes_every_shard_s_bundle_from_the_cache(tmp_path: Path):
    output = tmp_path / "output"
    cache = tmp_path / "output-cache" / CACHE_FOLDER
    build_site(ROOT / "content", output, NEWSDIGEST_SEARCH_SHARD_PAGES=4)
    first = {path.relative_to(output): path.read_bytes() for path in output.glob("pagefind*/**/*") if path.is_file()}
    entries = sorted(cache.iterdir())
    build_site(ROOT / "content", output, NEWSDIGEST_SEARCH_SHARD_PAGES=4)
    bundles = json.loads((output / "pagefind" / "bundles.json").read_text())
    assert len(bundles) == len(entries) > 4
    assert sorted(cache.iterdir()) == entries
    assert {path.relative_to(output): path.read_bytes()
            for path in output.glob("pagefind*/**/*") if path.is_file()} == first


def test_only_pages_marked_for_search_are_indexed_never_pagefinds_own_or_a_shard_s_links(tmp_path: Path):
    for name, html in {"articles/a/index.html": "<article data-pagefind-body>A</article>",
                       "people/b/index.html": "<article data-pagefind-body>B</article>",
                       "index.html": "<main>home</main>",
                       "pagefind-2/x.html": "<div data-pagefind-body></div>",
                       ".search-shard-1/articles/a/index.html": "<article data-pagefind-body>A</article>"}.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(html, encoding="utf-8")
    assert [page.relative_to(tmp_path).as_posix() for page in searchable_pages(tmp_path)] == [
        "articles/a/index.html", "people/b/index.html"]


def test_a_rebuild_reads_only_the_pages_written_anew_and_keys_shards_as_reading_every_page_would(
        tmp_path: Path, monkeypatch):
    site, store = tmp_path / "site", tmp_path / "cache" / "facts.pickle"
    for number in range(6):
        page = site / f"articles/{number}/index.html"
        page.parent.mkdir(parents=True)
        page.write_text(ARTICLE.format(title=f"Story {number}", body="Text", related="Other"), encoding="utf-8")
    (site / "index.html").write_text("<main>home</main>", encoding="utf-8")
    first = PageFacts(store)
    pages = searchable_pages(site, facts=first)
    key = shard_key(site, pages, "pagefind", first)
    first.save()
    edited = site / "articles/2/index.html"
    edited.unlink()  # written anew, as a page rendered again is
    edited.write_text(ARTICLE.format(title="Story two", body="Text", related="Other"), encoding="utf-8")
    read, read_bytes = [], Path.read_bytes
    monkeypatch.setattr(Path, "read_bytes", lambda path: read.append(path) or read_bytes(path))
    again = PageFacts(store)
    assert searchable_pages(site, facts=again) == pages
    changed = shard_key(site, pages, "pagefind", again)
    assert read == [edited]
    assert changed == shard_key(site, pages, "pagefind") != key


def test_a_build_that_fails_stops_indexing_and_leaves_the_previous_output(tmp_path: Path):
    from newsdigest.site import search

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "ferry.txt").write_text(
        "Title: Ferry row\nDate: 2026-03-01\n\n“We will not wait,” Aino Tamm said on Monday.\n", encoding="utf-8")
    output = build_site(content, tmp_path / "output")
    before = sorted(path.relative_to(output) for path in output.rglob("*"))
    (content / "articles" / "empty.txt").write_bytes(b"")
    with pytest.raises(Exception, match="strict build"):
        build_site(content, tmp_path / "output", NEWSDIGEST_STRICT=True)
    assert sorted(path.relative_to(output) for path in output.rglob("*")) == before
    assert not search.INDEXERS
    assert not list(tmp_path.glob("output.building-*"))


def test_a_site_with_nothing_marked_for_search_still_gets_the_search_box_files(tmp_path: Path):
    from conftest import build_site

    (tmp_path / "content").mkdir()
    output = build_site(tmp_path / "content", tmp_path / "output")
    assert (output / "pagefind" / "pagefind-ui.js").is_file()
    assert json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8")) == ["pagefind/"]


def test_pagefind_s_output_is_read_as_utf_8_whatever_the_locale(tmp_path: Path):
    """Pagefind reports pages it skips with a non-ASCII arrow; an ASCII locale must not fail the build."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "marked.html").write_text('<html lang="en"><body data-pagefind-body><p>Ferry</p></body></html>')
    (site / "unmarked.html").write_text('<html lang="en"><body><p>Pier</p></body></html>')
    script = ("import sys; from pathlib import Path; from newsdigest.site.search import run_pagefind; "
              "sys.exit(0 if run_pagefind(Path(sys.argv[1]), Path(sys.argv[2])) else 1)")
    ascii_locale = dict(os.environ, LC_ALL="C", LANG="C", PYTHONCOERCECLOCALE="0", PYTHONUTF8="0",
                        PYTHONPATH=str(ROOT / "plugins"))
    finished = subprocess.run([sys.executable, "-c", script, str(site), str(site / "pagefind")],
                              env=ascii_locale, capture_output=True, text=True, check=False)
    assert finished.returncode == 0, finished.stderr
    assert (site / "pagefind" / "pagefind-entry.json").exists()


def test_the_articles_are_indexed_as_soon_as_their_last_page_is_written_before_the_lists(tmp_path: Path, monkeypatch):
    from pelican import signals

    from newsdigest.site import search

    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    for day in range(1, 4):
        (content / "articles" / f"ferry-{day}.txt").write_text(
            f"Title: Ferry row, day {day}\nDate: 2026-03-0{day}\n\n“We will not wait,” Aino Tamm said on day {day}.\n",
            encoding="utf-8")
    pages_when_indexing_began: list[list[str]] = []
    real_index_articles = search.SearchIndexer.index_articles

    def index_articles(indexer):
        if not indexer.articles_indexed:
            pages_when_indexing_began.append(sorted(page.relative_to(indexer.site).as_posix()
                                                    for page in indexer.site.rglob("*.html")))
        real_index_articles(indexer)

    monkeypatch.setattr(search.SearchIndexer, "index_articles", index_articles)
    output = build_site(content, tmp_path / "output")
    articles = sorted(page.relative_to(output).as_posix() for page in (output / "articles").rglob("*.html"))
    assert len(articles) == 3 and (output / "index.html").is_file()
    assert pages_when_indexing_began == [articles], "indexing began before the last article page or after a list"
    bundles = json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))
    assert bundles[0] == "pagefind/" and all((output / bundle / "pagefind-entry.json").is_file() for bundle in bundles)


def test_pagefind_runs_one_at_a_time_while_the_build_writes_then_one_per_core(tmp_path: Path, monkeypatch):
    import threading
    import time

    from newsdigest.site.search import BundleCache, SearchIndexer

    running, most_at_once, lock = [0], {"building": 0, "finishing": 0}, threading.Lock()
    phase, one_ran = ["building"], threading.Event()

    def run_pagefind_on(indexer, pages, bundle):
        with lock:
            running[0] += 1
            most_at_once[phase[0]] = max(most_at_once[phase[0]], running[0])
        time.sleep(0.05)
        (bundle / "pagefind-entry.json").write_text("{}", encoding="utf-8")
        with lock:
            running[0] -= 1
        one_ran.set()
        return True

    monkeypatch.setattr(SearchIndexer, "run_pagefind_on", run_pagefind_on)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    site = tmp_path / "site"
    pages = []
    for number in range(12):
        page = site / "articles" / f"{number}.html"
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(f'<html><body data-pagefind-body><p>Ferry {number}</p></body></html>', encoding="utf-8")
        pages.append(page)
    indexer = SearchIndexer(site, 2, BundleCache(tmp_path / "bundles"))
    indexer.index(pages)
    assert one_ran.wait(10)
    phase[0] = "finishing"
    assert indexer.finish() == len(indexer.shards) >= 6
    assert most_at_once["building"] == 1
    assert most_at_once["finishing"] <= 2


def test_stopping_waits_for_the_run_under_way_and_starts_no_other(tmp_path: Path, monkeypatch):
    import threading

    from newsdigest.site.search import BundleCache, SearchIndexer

    runs, under_way, go_on = [], threading.Event(), threading.Event()

    def run_pagefind_on(indexer, pages, bundle):
        runs.append(pages)
        under_way.set()
        go_on.wait(10)
        return True

    monkeypatch.setattr(SearchIndexer, "run_pagefind_on", run_pagefind_on)
    monkeypatch.setattr(os, "cpu_count", lambda: 2)
    site = tmp_path / "site"
    (site / "articles").mkdir(parents=True)
    pages = []
    for number in range(8):
        pages.append(site / "articles" / f"{number}.html")
        pages[-1].write_text(f"<html><body data-pagefind-body><p>Pier {number}</p></body></html>", encoding="utf-8")
    indexer = SearchIndexer(site, 2, BundleCache(tmp_path / "bundles"))
    indexer.index(pages)
    assert under_way.wait(10)
    stopping = threading.Thread(target=indexer.stop)
    stopping.start()
    while not indexer.stopping:
        stopping.join(0.01)
    go_on.set()
    stopping.join(10)
    assert not stopping.is_alive() and len(runs) == 1


def test_a_rebuild_of_unchanged_content_reads_no_page_again_for_search(tmp_path: Path, monkeypatch):
    """Pages from the page cache are the files search looked at last time: the cache marks them used
    without changing their modification time."""
    from conftest import copy_sample_content

    from newsdigest.site import search

    content = copy_sample_content(tmp_path / "content")
    output = build_site(content, tmp_path / "output")
    pages = sorted(output.rglob("*.html"))
    read: list[int] = []
    searchable_part = search.searchable_part
    monkeypatch.setattr(search, "searchable_part", lambda html: (read.append(len(html)), searchable_part(html))[1])
    build_site(content, tmp_path / "output")
    assert len(pages) > 20 and read == []
    assert json.loads((output / "pagefind" / "bundles.json").read_text(encoding="utf-8"))[0] == "pagefind/"


def test_some_pages_of_a_site_are_indexed_alone_at_their_places_in_it(tmp_path: Path):
    from newsdigest.pagefind import index_pages

    site = tmp_path / "site"
    pages = []
    for place in ("articles/ferry/index.html", "articles/pier/index.html", "topics/harbour/index.html"):
        pages.append(site / place)
        pages[-1].parent.mkdir(parents=True)
        pages[-1].write_text(f'<html lang="en"><body data-pagefind-body><p>{place}</p></body></html>', encoding="utf-8")
    assert index_pages(site, [pages[0], pages[2]], site / "pagefind")
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text(encoding="utf-8"))
    assert [language["page_count"] for language in entry["languages"].values()] == [2]
    fragments = [json.loads(gzip.decompress(path.read_bytes()).removeprefix(b"pagefind_dcd"))
                 for path in (site / "pagefind" / "fragment").iterdir()]
    assert sorted(fragment["url"] for fragment in fragments) == ["/articles/ferry/", "/topics/harbour/"]
    assert not [path for path in site.iterdir() if path.name.startswith(".search-shard-")]


def test_indexing_a_missing_page_fails_naming_it(tmp_path: Path, caplog):
    from newsdigest.pagefind import index_pages

    site = tmp_path / "site"
    site.mkdir()
    assert not index_pages(site, [site / "articles" / "gone" / "index.html"], site / "pagefind")
    assert "gone" in caplog.text and not (site / "pagefind").exists()
