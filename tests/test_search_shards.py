"""Cutting the search index into shards: every page in exactly one shard, none over the limit, even sizes."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from newsdigest.site.search import searchable_pages, shards_of


@given(st.integers(min_value=0, max_value=500), st.integers(min_value=1, max_value=120))
def test_shards_hold_every_page_once_and_none_holds_too_many(count: int, most: int):
    pages = [Path(f"articles/{number:04}/index.html") for number in range(count)]
    shards = shards_of(pages, most)
    assert [page for shard in shards for page in shard] == pages
    assert all(len(shard) <= most for shard in shards)
    assert len(shards) == max(1, -(-count // most))
    assert max(map(len, shards)) - min(map(len, shards)) <= 1


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


def test_a_build_that_fails_stops_indexing_and_leaves_the_previous_output(tmp_path: Path):
    from conftest import build_site
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
