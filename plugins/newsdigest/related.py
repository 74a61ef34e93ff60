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
