"""People: the registry, one name per person across articles, and the quote index."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsdigest.errors import ContentError
from newsdigest.model import Quote
from newsdigest.people import (PeopleRegistry, Person, SourceArticle, build_quote_index, load_people,
                               name_words, resolve_names)

REGISTRY = PeopleRegistry([Person("Oskar Lindqvist", role="Foreign Minister", aliases=("Minister Lindqvist",),
                                  registered=True)])


def quote(text, speaker, start=0, kind="person", role=None):
    return Quote(start, start + len(text), text, speaker=speaker, speaker_kind=kind, role=role, confidence=0.9)


def article(key, date, topics=()):
    return SourceArticle(key=key, title=key.title(), url=f"articles/{key}/", date=date, topics=topics)


def test_name_words_drop_honorifics_and_initials():
    assert name_words("Mr. Peter J. Varga") == ["Peter", "Varga"]


def test_spellings_of_one_person_merge_across_articles():
    resolved = resolve_names(["Ilse Varga", "Varga", "Ms. Varga", "Ilse M. Varga"], REGISTRY)
    assert {resolved[name].name for name in resolved} == {"Ilse Varga"}


def test_the_registry_wins_over_the_article_spelling():
    resolved = resolve_names(["Lindqvist", "Minister Lindqvist", "Oskar Lindqvist"], REGISTRY)
    assert {person.name for person in resolved.values()} == {"Oskar Lindqvist"}
    assert resolved["Lindqvist"].registered


def test_a_surname_shared_by_two_people_names_no_one():
    resolved = resolve_names(["Ilse Varga", "Tomas Varga", "Varga"], REGISTRY)
    assert resolved["Varga"] is None
    assert resolved["Tomas Varga"].name == "Tomas Varga"


def test_a_surname_with_no_full_name_anywhere_is_not_a_person_yet():
    assert resolve_names(["Halloran"], REGISTRY)["Halloran"] is None


def test_the_index_puts_each_quote_on_one_page_newest_article_first_and_holds_the_unsure():
    old, new = article("old", "2026-10-01", ("Harbours",)), article("new", "2026-10-09", ("Energy",))
    index = build_quote_index([
        (old, [quote("We will rebuild", "Ilse Varga", role="Mayor of Port Ansel"),
               quote("Not now", "Varga", 40)]),
        (new, [quote("The grid is ready", "Varga", role="Former mayor"),
               quote("A statement", "the harbour board", kind="organisation"),
               quote("Who knows", "Hale")]),
    ], REGISTRY)
    assert list(index.people) == ["Ilse Varga"]
    entry = index.people["Ilse Varga"]
    assert [item.quote.text for item in entry.quotes] == ["The grid is ready", "We will rebuild", "Not now"]
    assert entry.role == "Former mayor"
    assert entry.topics == [("Harbours", 2), ("Energy", 1)]
    assert [held.quote.text for held in index.held] == ["Who knows"]
    assert index.person_of("new", entry.quotes[0].quote).name == "Ilse Varga"


def test_people_sort_by_surname():
    index = build_quote_index([(article("a", "2026-10-01"), [quote("x", "Zed Abbot"), quote("y", "Ann Zorn", 5)])],
                              REGISTRY)
    assert list(index.people) == ["Zed Abbot", "Ann Zorn"]


def test_the_people_registry_is_read_and_a_bad_one_refused():
    [person] = load_people("- name: Aino Tamm\n  role: Mayor\n  aliases: [Mayor Tamm]\n")
    assert person.aliases == ("Mayor Tamm",) and person.registered
    with pytest.raises(ContentError, match="people.yml:2"):
        load_people("- name: Aino\n  role: [unclosed\n", "people.yml")


@given(st.lists(st.text(max_size=30), max_size=12))
def test_every_name_resolves_to_a_person_or_to_none(names):
    resolved = resolve_names(names, REGISTRY)
    assert set(resolved) == set(names)
    assert all(person is None or isinstance(person, Person) for person in resolved.values())


@given(st.lists(st.tuples(st.sampled_from(["Ilse Varga", "Zed Abbot", "Ann Zorn"]), st.integers(1, 28),
                          st.integers(0, 500)), max_size=30),
       st.integers(0, 35))
def test_the_latest_quotes_are_the_newest_first_of_all_of_them(said, limit):
    articles = [(article(f"a{day}-{start}", f"2026-10-{day:02d}"), [quote("Words", speaker, start)])
                for speaker, day, start in said]
    index = build_quote_index(articles, REGISTRY)
    everything = index.latest_quotes(len(said))
    assert len(everything) == len(said)
    dates = [item.article.date for _, item in everything]
    assert dates == sorted(dates, reverse=True)
    assert index.latest_quotes(limit) == everything[:limit]
