"""Related stories: articles that share people and topics with one another.

A shared person counts more than a shared topic, because a topic joins many
stories and a person few. Nothing here imports Pelican.
"""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

PERSON_WEIGHT = 2
TOPIC_WEIGHT = 1


@dataclass(frozen=True)
class Story:
    """What relatedness is judged on: an article's key, date, topics and quoted people."""

    key: str
    date: str
    topics: frozenset[str] = frozenset()
    people: frozenset[str] = frozenset()


def shared_score(story: Story, other: Story) -> int:
    """How much two stories have in common; 0 when nothing."""
    return (PERSON_WEIGHT * len(story.people & other.people)
            + TOPIC_WEIGHT * len(story.topics & other.topics))


def related_stories(story: Story, stories: Iterable[Story], limit: int = 3) -> list[Story]:
    """Up to ``limit`` other stories sharing most with ``story``; ties go to the newer, then by key."""
    candidates = sorted((other for other in stories if other.key != story.key and shared_score(story, other)),
                        key=lambda other: other.key)
    candidates.sort(key=lambda other: other.date, reverse=True)
    candidates.sort(key=lambda other: shared_score(story, other), reverse=True)
    return candidates[:limit]



def related_to_each(stories: Iterable[Story], limit: int = 3) -> dict[str, list[Story]]:
    """``related_stories`` of every story, keyed by story key, without comparing every pair.

    Stories are numbered in tie-break order (newer first, then by key) and each
    person or topic becomes a bit set of the stories that have it; a story's
    scores against all others are then summed bit-sliced, a few big-integer
    operations per person or topic, and its related stories are the lowest set
    bits of its highest scores.
    """
    ordered = sorted(sorted(stories, key=lambda story: story.key), key=lambda story: story.date, reverse=True)
    having: dict[tuple[int, str], int] = {}
    same_key: dict[str, int] = {}
    for position, story in enumerate(ordered):
        bit = 1 << position
        same_key[story.key] = same_key.get(story.key, 0) | bit
        for feature in weighted_features(story):
            having[feature] = having.get(feature, 0) | bit
    everyone = (1 << len(ordered)) - 1
    related = {}
    for story in ordered:
        slices = score_slices((weight, having[(weight, name)]) for weight, name in weighted_features(story))
        others = everyone & ~same_key[story.key]
        related[story.key] = [ordered[position] for position in best_positions(slices, others, limit)]
    return related


def weighted_features(story: Story) -> list[tuple[int, str]]:
    """(weight, name) of each person and topic of a story; a person and a topic of one name stay apart."""
    return [(PERSON_WEIGHT, person) for person in story.people] + [(TOPIC_WEIGHT, topic) for topic in story.topics]


def score_slices(weighted_sets: Iterable[tuple[int, int]]) -> list[int]:
    """Sums of weighted bit sets, bit-sliced: bit ``i`` of slice ``j`` is bit ``j`` of story ``i``'s sum."""
    slices: list[int] = []
    for weight, members in weighted_sets:
        for shift in range(weight.bit_length()):
            if weight >> shift & 1:
                add_at(slices, shift, members)
    return slices


def add_at(slices: list[int], shift: int, carry: int) -> None:
    """Adds ``carry << shift`` to every story's bit-sliced sum."""
    while carry:
        slices.extend([0] * (shift + 1 - len(slices)))
        slices[shift], carry = slices[shift] ^ carry, slices[shift] & carry
        shift += 1


def best_positions(slices: list[int], candidates: int, limit: int) -> list[int]:
    """Up to ``limit`` positions among ``candidates`` with the highest nonzero sums, lower positions first."""
    best: list[int] = []
    for score in range((1 << len(slices)) - 1, 0, -1):
        scored = candidates
        for bit, members in enumerate(slices):
            scored &= members if score >> bit & 1 else ~members
        while scored and len(best) < limit:
            lowest = scored & -scored
            best.append(lowest.bit_length() - 1)
            scored ^= lowest
        if len(best) == limit:
            break
    return best
