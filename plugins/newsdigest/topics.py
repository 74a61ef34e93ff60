"""Topics of an article: the editorial ``Topics:`` header, the topic vocabulary, and
recurring places and organisations, each assignment kept with its evidence."""
from __future__ import annotations

import functools
import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from .registry import load_registry_entries

MIN_KEYWORD_HITS = 2
MIN_DISCOVERED_MENTIONS = 5

WORD = re.compile(r"\w+")

# A capitalised word or acronym, possibly joined to the next by a space ("Port Ansel").
PROPER_NOUN = re.compile(r"\b(?:[A-Z][a-z]+|[A-Z]{2,})(?:[ -](?:[A-Z][a-z]+|[A-Z]{2,}))*\b")
NOT_TOPICS = frozenset("""
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July
August September October November December I The A An And But Or If In On At As For From To Of By With
He She They We It You This That These Those There Here His Her Their Our Its Mr Mrs Ms Dr
""".split())


@dataclass(frozen=True)
class Topic:
    """A topic of the editorial vocabulary (``content/topics.yml``)."""

    name: str
    description: str = ""
    keywords: tuple[str, ...] = ()
    aliases: tuple[str, ...] = ()

    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class TopicMatch:
    """A topic given to an article, and why: the header, or the words that matched."""

    topic: str
    evidence: tuple[str, ...]


def load_topics(yaml_text: str, file: str = "topics.yml") -> list[Topic]:
    """The topic vocabulary; raises ContentError naming the file and entry when malformed."""
    return [
        Topic(name=entry["name"], description=entry.get("description", ""),
              keywords=tuple(entry.get("keywords", ())), aliases=tuple(entry.get("aliases", ())))
        for entry in load_registry_entries(yaml_text, file, list_fields=("keywords", "aliases"))
    ]


def words_of(text: str) -> list[str]:
    """The lower-cased words of ``text``; a phrase matches where its words follow one another."""
    return WORD.findall(text.lower())


@functools.lru_cache(maxsize=8)
def phrases_by_first_word(vocabulary: tuple[Topic, ...]) -> dict[str, list[tuple[tuple[str, ...], str, str]]]:
    """Each vocabulary phrase as (its words, its topic, its lower-cased spelling) under its first word,
    longest phrases first."""
    index: dict[str, list[tuple[tuple[str, ...], str, str]]] = defaultdict(list)
    for topic in vocabulary:
        spellings = {tuple(words_of(phrase)): phrase.strip().lower() for phrase in (*topic.names(), *topic.keywords)}
        for words, spelling in spellings.items():
            if words:
                index[words[0]].append((words, topic.name, spelling))
    for candidates in index.values():
        candidates.sort(key=lambda candidate: (-len(candidate[0]), candidate))
    return dict(index)


def phrase_hits(text: str, vocabulary: tuple[Topic, ...]) -> dict[str, Counter]:
    """How often each topic's phrases occur in ``text``, by topic; a topic's matches never overlap.

    >>> phrase_hits("Patrol vessels and a patrol vessel.", (Topic("Sea", keywords=("patrol vessel", "vessel")),))
    {'Sea': Counter({'patrol vessel': 1})}
    """
    index = phrases_by_first_word(vocabulary)
    words = words_of(text)
    hits: dict[str, Counter] = defaultdict(Counter)
    free_from: dict[str, int] = defaultdict(int)
    for position, word in enumerate(words):
        for phrase, topic, spelling in index.get(word, ()):
            end = position + len(phrase)
            if position >= free_from[topic] and tuple(words[position:end]) == phrase:
                hits[topic][spelling] += 1
                free_from[topic] = end
    return dict(hits)


def header_topic_names(header: str) -> list[str]:
    return [name.strip() for name in re.split(r"[;,]", header or "") if name.strip()]


def canonical_topic(name: str, vocabulary: list[Topic]) -> str:
    """The vocabulary's name for ``name`` when it is a topic's name or alias, else ``name`` itself."""
    wanted = name.casefold()
    for topic in vocabulary:
        if any(wanted == known.casefold() for known in topic.names()):
            return topic.name
    return name


def vocabulary_matches(text: str, vocabulary: list[Topic]) -> list[TopicMatch]:
    """Topics whose name, aliases or keywords occur at least MIN_KEYWORD_HITS times in ``text``."""
    hits = phrase_hits(text, tuple(vocabulary))
    return [TopicMatch(topic.name, tuple(f"{phrase} ×{n}" for phrase, n in sorted(hits[topic.name].items())))
            for topic in vocabulary if topic.name in hits and hits[topic.name].total() >= MIN_KEYWORD_HITS]


def starts_a_sentence(text: str, offset: int) -> bool:
    before = text[max(0, offset - 3):offset].rstrip(" \"“‘'")
    return offset == 0 or before == "" or before[-1] in ".!?:\n"


def recurring_proper_nouns(text: str, people: Iterable[str]) -> Counter:
    """Capitalised names that ``text`` uses mid-sentence, other than people's names, with their counts.

    A term counts only when at least half of its uses are mid-sentence, so that
    sentence-opening words ("However", "Currently") are never taken for names.
    """
    person_words = {word for name in people for word in name.split()}
    total: Counter = Counter()
    mid_sentence: Counter = Counter()
    for match in PROPER_NOUN.finditer(text):
        term = match.group(0)
        if term in NOT_TOPICS or any(word in person_words for word in term.split()):
            continue
        total[term] += 1
        if not starts_a_sentence(text, match.start()):
            mid_sentence[term] += 1
    return Counter({term: n for term, n in total.items() if mid_sentence[term] * 2 >= n})


def discovered_topics(text: str, people: Iterable[str], vocabulary: list[Topic]) -> list[TopicMatch]:
    """Places and organisations the article keeps returning to, as topics."""
    counts = recurring_proper_nouns(text, people)
    return [TopicMatch(canonical_topic(term, vocabulary), (f"{term} ×{n}",))
            for term, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
            if n >= MIN_DISCOVERED_MENTIONS]


def assign_topics(text: str, header: str, vocabulary: list[Topic], people: Iterable[str] = (),
                  discover: bool = True) -> list[TopicMatch]:
    """The article's topics, header first, each once, with the evidence for it.

    >>> [m.topic for m in assign_topics("Harbour fees rose. Harbour fees again.", "Trade", [])]
    ['Trade']
    """
    found = [TopicMatch(canonical_topic(name, vocabulary), ("editorial header",))
             for name in header_topic_names(header)]
    found += vocabulary_matches(text, vocabulary)
    if discover:
        found += discovered_topics(text, people, vocabulary)
    seen: dict[str, TopicMatch] = {}
    for match in found:
        key = match.topic.casefold()
        if key not in seen:
            seen[key] = match
    return list(seen.values())
