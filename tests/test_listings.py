"""Topic, category and author lists that answer membership with one lookup and otherwise act as the lists they replace."""
from __future__ import annotations

import datetime as dt
import pickle
from pathlib import Path
from types import SimpleNamespace

from conftest import ROOT, build_site, copy_sample_content
from hypothesis import given, strategies as st
from pelican.settings import read_settings

from newsdigest.site.listings import ArticleList, newest_first


class Story:
    """An object with identity equality, as Pelican's articles have."""

    def __init__(self, number: int):
        self.number = number


@given(st.lists(st.integers(0, 30), max_size=40), st.integers(0, 40))
def test_an_article_list_holds_the_same_items_in_order_and_answers_in_as_the_list(picks: list[int], probe: int):
    stories = [Story(number) for number in range(41)]
    plain = [stories[pick] for pick in picks]
    listed = ArticleList(plain)
    assert listed == plain and len(listed) == len(plain) and list(reversed(listed)) == plain[::-1]
    assert (stories[probe] in listed) == (stories[probe] in plain)
    assert Story(probe) not in listed
    assert pickle.loads(pickle.dumps(ArticleList([1, 2, 1]))) == [1, 2, 1]


def test_the_site_built_with_the_lists_is_the_site_built_without_them(tmp_path: Path):
    content = copy_sample_content(tmp_path / "content")
    plugins = read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
    assert "newsdigest.site.listings" in plugins
    without = [plugin for plugin in plugins if plugin != "newsdigest.site.listings"]
    pages = {}
    for name, chosen in (("with", plugins), ("without", without)):
        output = build_site(content, tmp_path / name, PLUGINS=chosen, NEWSDIGEST_SEARCH=False)
        pages[name] = {path.relative_to(output): path.read_bytes() for path in sorted(output.rglob("*.html"))}
    assert any(path.parts[0] == "topics" and len(path.parts) > 2 for path in pages["with"])
    assert pages["with"] == pages["without"]


DAYS = st.integers(0, 3).map(lambda day: dt.datetime(2026, 3, 1 + day, 9))


@given(st.lists(st.tuples(DAYS, st.sampled_from("abcdef")), unique_by=lambda item: item[1], max_size=6),
       st.randoms())
def test_articles_are_ordered_newest_first_and_a_days_articles_the_same_way_whatever_order_they_were_read_in(
        dated, shuffler):
    articles = [SimpleNamespace(date=date, source_path=f"content/{name}.txt") for date, name in dated]
    read = articles[:]
    shuffler.shuffle(read)
    ordered = sorted(read, key=newest_first)
    assert ordered == sorted(articles, key=newest_first)
    assert [a.date for a in ordered] == sorted((a.date for a in articles), reverse=True)
