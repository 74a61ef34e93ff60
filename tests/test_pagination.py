"""Lists paged from their oldest entry: every entry once, older pages unmoved by new entries."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from pelican.paginator import PaginationRule

from newsdigest.site.pagination import StablePaginator, on_the_first_page, page_size, stable_pages

SETTINGS = {"DEFAULT_ORPHANS": 0, "PAGINATION_PATTERNS": (PaginationRule(1, "{url}", "{save_as}"),
                                    PaginationRule(2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"))}
ENTRIES = st.lists(st.integers(), max_size=60)
PER_PAGE = st.integers(min_value=1, max_value=7)


def pages_of(entries: list, per_page: int) -> list:
    return stable_pages("index.html", "", entries, SETTINGS, per_page)


@given(ENTRIES, PER_PAGE)
def test_the_pages_hold_every_entry_once_newest_first(entries, per_page):
    pages = pages_of(entries, per_page)
    assert [entry for page in pages for entry in page.object_list] == entries
    assert all(len(page.object_list) == per_page for page in pages[1:])
    assert len(pages[0].object_list) < 2 * per_page
    assert len(pages[0].object_list) >= min(len(entries), per_page)
    assert len(pages[0].object_list) == on_the_first_page(len(entries), per_page)


@given(ENTRIES, PER_PAGE)
def test_the_links_lead_from_the_first_page_to_the_oldest_and_back(entries, per_page):
    pages = pages_of(entries, per_page)
    by_number = {page.number: page for page in pages}
    assert sorted(by_number) == list(range(1, len(pages) + 1))
    older = [page.older for page in pages]
    assert older == [page.number for page in pages[1:]] + [None]
    assert [page.newer for page in pages] == [None] + [page.number for page in pages[:-1]]
    assert [page.url for page in pages[1:]] == [f"page/{page.number}/" for page in pages[1:]]
    assert pages[0].url == "" and pages[0].save_as == "index.html"


@given(ENTRIES, PER_PAGE, st.lists(st.integers(), min_size=1, max_size=20))
def test_new_entries_leave_every_page_but_the_first_as_it_was(entries, per_page, new):
    before = pages_of(entries, per_page)[1:]
    after = {page.number: page for page in pages_of(new + entries, per_page)}
    for page in before:
        kept = after[page.number]
        assert (kept.object_list, kept.url, kept.oldest_position, kept.older) == (
            page.object_list, page.url, page.oldest_position, page.older)


@given(ENTRIES, PER_PAGE)
def test_positions_count_from_the_oldest_entry(entries, per_page):
    pages = pages_of(entries, per_page)
    assert pages[0].newest_position == len(entries)
    assert pages[-1].oldest_position == 1
    for newer, older in zip(pages, pages[1:]):
        assert older.newest_position + 1 == newer.oldest_position


def test_the_paginator_finds_each_page_by_its_number():
    paginator = StablePaginator("index.html", "", list(range(25, 0, -1)), SETTINGS, 10)
    assert paginator.num_pages == 2 and paginator.page_range == [1, 2]
    assert paginator.page(1).object_list == list(range(25, 10, -1))
    assert paginator.page(2).object_list == list(range(10, 0, -1))


def test_a_page_holds_what_the_settings_say_and_an_unpaged_list_is_one_page():
    settings = {"PAGINATED_TEMPLATES": {"index": None, "person": 200}, "DEFAULT_PAGINATION": 10}
    assert (page_size(settings, "index"), page_size(settings, "person"), page_size(settings, "tag")) == (10, 200, None)
    assert page_size({**settings, "DEFAULT_PAGINATION": False}, "index") is None
    assert on_the_first_page(25, None) == 25 and on_the_first_page(25, 10) == 15 and on_the_first_page(7, 10) == 7
