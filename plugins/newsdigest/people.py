"""People: the editorial registry, one name per person across articles, and the quote index.

A quote reaches a person's page only when its speaker is a person, resolved to
one full name with no doubt; everything else is held for review with a reason.
"""
from __future__ import annotations

import heapq
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .model import Quote
from .registry import load_registry_entries

HONORIFICS = frozenset("mr mrs ms miss mx dr prof sir dame lord lady rev".split())


@dataclass(frozen=True)
class Person:
    """A person as the registry describes them, or as the articles name them."""

    name: str
    role: str = ""
    bio: str = ""
    portrait: str = ""
    note: str = ""
    aliases: tuple[str, ...] = ()
    registered: bool = False


def load_people(yaml_text: str, file: str = "people.yml") -> list[Person]:
    """The people registry; raises ContentError naming the file and entry when malformed."""
    return [
        Person(name=entry["name"], role=str(entry.get("role", "")), bio=str(entry.get("bio", "")),
               portrait=str(entry.get("portrait", "")), note=str(entry.get("note", "")),
               aliases=tuple(entry.get("aliases", ())), registered=True)
        for entry in load_registry_entries(yaml_text, file, list_fields=("aliases",))
    ]


def name_words(name: str) -> list[str]:
    """The words of a personal name without honorifics and initials: "Mr. Donald J. Trump" → Donald, Trump."""
    words = re.findall(r"[^\W\d_][\w'’-]*\.?", name)
    return [w.rstrip(".") for w in words
            if w.rstrip(".").casefold() not in HONORIFICS and len(w.rstrip(".")) > 1]


def name_key(name: str) -> str:
    """Spellings of one full name share this key: first and last word, case-folded."""
    words = name_words(name)
    return " ".join((words[0], words[-1]) if len(words) > 1 else words).casefold()


class PeopleRegistry:
    """Looks people up by canonical name or alias; registry entries always win."""

    def __init__(self, people: Iterable[Person] = ()):
        self.people = list(people)
        self.by_key: dict[str, Person] = {}
        for person in self.people:
            for known in (person.name, *person.aliases):
                self.by_key.setdefault(name_key(known), person)
                self.by_key.setdefault(" ".join(known.split()).casefold(), person)

    def find(self, name: str) -> Person | None:
        return self.by_key.get(" ".join(name.split()).casefold()) or self.by_key.get(name_key(name))


def resolve_names(names: Iterable[str], registry: PeopleRegistry) -> dict[str, Person | None]:
    """Each speaker name mapped to the one person it denotes across all articles.

    Full names merge by first and last word; a lone surname ("Trump", "Mr. Trump")
    joins the only full name that ends with it, and maps to None (held for
    review) when there is none or more than one.
    """
    uses = Counter(names)
    names = sorted(uses)
    full: dict[str, Counter] = defaultdict(Counter)
    for name in names:
        if len(name_words(name)) > 1 and not registry.find(name):
            full[name_key(name)][name] = uses[name]
    people = {key: Person(name=most_used_spelling(spellings)) for key, spellings in full.items()}
    by_surname: dict[str, set] = defaultdict(set)
    for person in [*people.values(), *registry.people]:
        by_surname[name_words(person.name)[-1].casefold()].add(person)
    resolved: dict[str, Person | None] = {}
    for name in names:
        words = name_words(name)
        if not words:
            resolved[name] = None
        elif registry.find(name):
            resolved[name] = registry.find(name)
        elif len(words) > 1:
            resolved[name] = people[name_key(name)]
        else:
            candidates = by_surname.get(words[0].casefold(), set())
            resolved[name] = next(iter(candidates)) if len(candidates) == 1 else None
    return resolved


def most_used_spelling(spellings: Counter) -> str:
    """The spelling used most; on a tie the one with fewest words ("Ilse Varga" over "Ilse M. Varga")."""
    return min(spellings, key=lambda name: (-spellings[name], len(name.split()), name))


@dataclass(frozen=True, slots=True)
class SourceArticle:
    """What a quote index needs to know of the article a quote comes from."""

    key: str
    title: str
    url: str
    date: str
    source: str = ""
    topics: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class IndexedQuote:
    quote: Quote
    article: SourceArticle


@dataclass(frozen=True, slots=True)
class HeldQuote:
    """A quote kept off person pages until an editor decides, with the reason."""

    quote: Quote
    article: SourceArticle
    reason: str


@dataclass
class PersonEntry:
    """A person's page: who they are and every quote they gave, newest first."""

    person: Person
    quotes: list[IndexedQuote] = field(default_factory=list)

    @property
    def role(self) -> str:
        """The role as the newest article describes it, else the registry's."""
        for item in self.quotes:
            if item.quote.role:
                return item.quote.role
        return self.person.role

    @property
    def topics(self) -> list[tuple[str, int]]:
        """The topics this person speaks on, most quoted first."""
        counts = Counter(topic for item in self.quotes for topic in item.article.topics)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


@dataclass
class QuoteIndex:
    people: dict[str, PersonEntry] = field(default_factory=dict)
    held: list[HeldQuote] = field(default_factory=list)
    speakers: dict[tuple[str, int, int], Person] = field(default_factory=dict)
    # For each topic, how many quotes each person gave in articles on it; counted when the index is built.
    quote_counts_by_topic: defaultdict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))

    def person_of(self, article_key: str, quote: Quote) -> Person | None:
        """The person whose page shows ``quote`` of the article keyed ``article_key``, if any."""
        return self.speakers.get((article_key, quote.start, quote.end))

    def latest_quotes(self, limit: int) -> list[tuple[Person, IndexedQuote]]:
        """The ``limit`` newest (person, quote) pairs, newest first."""
        everything = ((entry.person, item) for entry in self.people.values() for item in entry.quotes)
        return heapq.nlargest(limit, everything, key=recency)

    def top_speakers(self, topic: str, limit: int = 5) -> list[tuple[Person, int]]:
        counts = [(self.people[name].person, count) for name, count in self.quote_counts_by_topic.get(topic, {}).items()]
        return sorted(counts, key=lambda pair: (-pair[1], pair[0].name))[:limit]


def recency(pair: tuple[Person, IndexedQuote]) -> tuple[str, str, int]:
    item = pair[1]
    return item.article.date, item.article.key, item.quote.start


def newest_first(items: list) -> list:
    return sorted(items, key=lambda item: (item.article.date, item.article.key, -item.quote.start), reverse=True)


def build_quote_index(published: Iterable[tuple[SourceArticle, Iterable[Quote]]],
                      registry: PeopleRegistry) -> QuoteIndex:
    """Person pages from the quotes that passed review, one page per person across articles."""
    pairs = [(article, quote) for article, quotes in published for quote in quotes
             if quote.speaker and quote.speaker_kind == "person"]
    resolved = resolve_names((quote.speaker for _, quote in pairs), registry)
    index = QuoteIndex()
    for article, quote in pairs:
        person = resolved[quote.speaker]
        if person is None:
            index.held.append(HeldQuote(quote, article, f"“{quote.speaker}” names no one person across the digest"))
            continue
        index.people.setdefault(person.name, PersonEntry(person)).quotes.append(IndexedQuote(quote, article))
        index.speakers[(article.key, quote.start, quote.end)] = person
    for entry in index.people.values():
        entry.quotes = newest_first(entry.quotes)
    index.people = dict(sorted(index.people.items(), key=lambda item: sort_key_of_name(item[0])))
    for name, entry in index.people.items():
        for item in entry.quotes:
            for topic in dict.fromkeys(item.article.topics):
                index.quote_counts_by_topic[topic][name] += 1
    return index


def sort_key_of_name(name: str) -> tuple[str, str]:
    """People sort A–Z by surname, then by the full name."""
    words = name_words(name) or [name]
    return (words[-1].casefold(), name.casefold())
