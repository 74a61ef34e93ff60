"""Related stories for a whole digest at once agree with the story-by-story definition."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsdigest.related import Story, related_stories, related_to_each

NAMES = st.frozensets(st.sampled_from(["Tamm", "Holt", "Renn", "Maritime", "Energy", "Health"]), max_size=4)
STORIES = st.lists(st.builds(Story, key=st.text("abcdef", min_size=1, max_size=3),
                             date=st.sampled_from(["2026-01-01", "2026-01-02", "2026-02-01"]),
                             topics=NAMES, people=NAMES),
                   max_size=30, unique_by=lambda story: story.key)


@settings(max_examples=300, deadline=None)
@given(STORIES, st.integers(min_value=1, max_value=5))
def test_every_story_gets_what_related_stories_gives_it(stories, limit):
    each = related_to_each(stories, limit)
    assert each == {story.key: related_stories(story, stories, limit) for story in stories}


def test_a_person_in_common_outweighs_a_topic():
    story = Story("a", "2026-01-01", frozenset({"Energy"}), frozenset({"Tamm"}))
    by_topic = Story("b", "2026-01-03", frozenset({"Energy"}))
    by_person = Story("c", "2026-01-02", people=frozenset({"Tamm"}))
    unrelated = Story("d", "2026-01-04", frozenset({"Health"}))
    assert related_to_each([story, by_topic, by_person, unrelated])["a"] == [by_person, by_topic]
