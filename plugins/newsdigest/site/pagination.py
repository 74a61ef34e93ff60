"""Lists paged from their oldest entry, so that a page other than the first keeps its entries.

Pelican counts a list's pages from the newest entry: one new article moves every
entry of every page of each list it joins, and a rebuild renders all those pages
again. Here the first page holds the newest entries and every other page holds
``per_page`` entries counted from the oldest: page 2 the oldest ones, page 3 the
next, up to the page just older than the first. The first page takes what is
left over, ``per_page`` to ``2 * per_page - 1`` entries once the list is that
long. A new entry changes the first page and, once every ``per_page`` entries,
adds a page; the pages already made keep their number, address and entries.

A page knows its entries, its number, the numbers of the next newer and older
pages and the positions of its entries counted from the oldest; it does not lead
back to the whole list, so the page cache keys it by what it shows (see
``page_cache``). A template that reads ``<list>_paginator`` (the whole list)
depends on every entry, and its pages change with each one. Variables named in
``NEWSDIGEST_FIRST_PAGE_ONLY`` (what heads a list and changes with each new
entry, like the front page's latest quotes) are given to a list's first page
only; the other pages get ``None``. Pelican's ``DEFAULT_ORPHANS`` has no place
here: a page other than the first always holds ``per_page`` entries.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from pelican.paginator import Page, Paginator


class StablePage(Page):
    """One page of a list paged from its oldest entry.

    >>> pages = stable_pages("index.html", "", list("gfedcba"), {"PAGINATION_PATTERNS": ()}, 3)
    >>> [(page.number, page.object_list) for page in pages]
    [(1, ['g', 'f', 'e', 'd']), (2, ['c', 'b', 'a'])]
    >>> pages[1].newest_position, pages[0].newest_position
    (3, 7)
    """

    def __init__(self, name, url, entries: Sequence, number: int, settings: dict, *,
                 oldest_position: int, newer: int | None, older: int | None):
        super().__init__(name, url, entries, number, None, settings)
        self.oldest_position = oldest_position
        self.newest_position = oldest_position + len(entries) - 1
        self.newer, self.older = newer, older

    def __repr__(self):
        return f"<StablePage {self.number}: entries {self.oldest_position}-{self.newest_position} from the oldest>"

    def has_next(self) -> bool:
        """Whether an older page follows, as Pelican's templates ask."""
        return self.older is not None

    def has_previous(self) -> bool:
        return self.newer is not None

    def next_page_number(self) -> int | None:
        """The number of the next older page."""
        return self.older

    def previous_page_number(self) -> int | None:
        """The number of the next newer page."""
        return self.newer

    def start_index(self):
        raise TypeError("a page counted from the oldest entry has no index from the newest: "
                        "use oldest_position and newest_position")

    end_index = start_index


def page_size(settings: dict, template_name: str) -> int | None:
    """How many entries a page of the template's lists holds, as Pelican's settings say
    (``PAGINATED_TEMPLATES``, then ``DEFAULT_PAGINATION``); None when one page holds them all."""
    templates = settings.get("PAGINATED_TEMPLATES") or {}
    if template_name not in templates:
        return None
    return templates[template_name] or settings.get("DEFAULT_PAGINATION") or None


def on_the_first_page(count: int, per_page: int | None) -> int:
    """How many of ``count`` entries the first page holds: ``per_page`` and what the older pages,
    ``per_page`` each, leave over; all of them when pages are not limited."""
    if not per_page:
        return count
    return count - max(count // per_page - 1, 0) * per_page


def stable_pages(name: str, url: str, entries: Sequence, settings: dict, per_page: int | None) -> list[StablePage]:
    """The pages of ``entries`` (newest first), first page first, then from the newest to the oldest."""
    count = len(entries)
    per_page = per_page or max(count, 1)
    first_count = on_the_first_page(count, per_page)
    last = (count - first_count) // per_page + 1
    first = StablePage(name, url, entries[:first_count], 1, settings,
                       oldest_position=count - first_count + 1, newer=None, older=last if last > 1 else None)
    pages = [first]
    for number in range(last, 1, -1):
        top = count - (number - 2) * per_page
        pages.append(StablePage(name, url, entries[top - per_page:top], number, settings,
                                oldest_position=(number - 2) * per_page + 1,
                                newer=1 if number == last else number + 1, older=number - 1 if number > 2 else None))
    return pages


class StablePaginator(Paginator):
    """The whole list and its pages, as ``<list>_paginator`` gives them to a template."""

    def __init__(self, name, url, object_list, settings, per_page=None):
        super().__init__(name, url, object_list, settings, per_page)
        self.orphans = 0
        self.pages = stable_pages(name, url, object_list, settings, per_page)

    num_pages = property(lambda self: len(self.pages))

    def page(self, number: int) -> StablePage:
        return self.pages[0] if number == 1 else self.pages[self.num_pages - number + 1]


def paged_values(name: str, url: str, lists: dict[str, Sequence], settings: dict, per_page: int | None,
                 first_page_only: Sequence[str]) -> Iterator[tuple[str, dict]]:
    """For each page of the lists (one list in several orders), the file it is written to and
    its variables: ``<list>_page``, ``<list>_previous_page`` (newer), ``<list>_next_page`` (older)
    and ``<list>_paginator`` as Pelican names them, and ``None`` for each first-page-only variable
    on the other pages."""
    paginators = {key: StablePaginator(name, url, entries, settings, per_page) for key, entries in lists.items()}
    for at in range(next(iter(paginators.values())).num_pages):
        values = {} if at == 0 else dict.fromkeys(first_page_only)
        for key, paginator in paginators.items():
            pages = paginator.pages
            values.update({f"{key}_page": pages[at],
                           f"{key}_previous_page": pages[at - 1] if at > 0 else None,
                           f"{key}_next_page": pages[at + 1] if at + 1 < len(pages) else None,
                           f"{key}_paginator": paginator})
        yield pages[at].save_as, values
