"""Related articles: shared people count more than shared topics; nothing shared, nothing related."""
from __future__ import annotations

from hypothesis import given, strategies as st

from newsdigest.related import Story, related_stories, shared_score

names = st.frozensets(st.sampled_from(["Ada Vell", "Rune Brask", "Ilse Marr", "Oda Fenn"]), max_size=3)
topics = st.frozensets(st.sampled_from(["Harbours", "Ferries", "Health", "Culture"]), max_size=3)
stories = st.lists(st.builds(Story, key=st.text("abcdef", min_size=1, max_size=4),
                             date=st.sampled_from(["2026-03-01", "2026-03-02", "2026-03-03"]),
                             topics=topics, people=names), max_size=12, unique_by=lambda story: story.key)


def test_a_shared_person_outweighs_a_shared_topic():
    story = Story("a", "2026-03-01", frozenset({"Harbours"}), frozenset({"Ada Vell"}))
    by_topic = Story("b", "2026-03-03", frozenset({"Harbours"}))
    by_person = Story("c", "2026-03-02", frozenset({"Culture"}), frozenset({"Ada Vell"}))
    assert related_stories(story, [story, by_topic, by_person]) == [by_person, by_topic]


def test_ties_go_to_the_newer_story():
    story = Story("a", "2026-03-01", frozenset({"Harbours"}))
    older, newer = Story("b", "2026-02-01", frozenset({"Harbours"})), Story("c", "2026-03-05", frozenset({"Harbours"}))
    assert related_stories(story, [older, newer]) == [newer, older]


@given(stories, st.integers(min_value=0, max_value=5))
def test_related_stories_share_something_are_others_and_come_best_first(candidates, limit):
    for story in candidates:
        related = related_stories(story, candidates, limit)
        assert len(related) <= limit and story not in related
        assert all(shared_score(story, other) > 0 for other in related)
        scores = [shared_score(story, other) for other in related]
        assert scores == sorted(scores, reverse=True)
