"""Topic assignment: header first, then the vocabulary, then recurring names, each with evidence."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from newsdigest.errors import ContentError
from newsdigest.topics import Topic, assign_topics, load_topics

VOCABULARY = [
    Topic("Harbours", keywords=("harbour", "quay", "ferry"), aliases=("Ports",)),
    Topic("Energy", keywords=("wind farm", "turbine", "grid")),
]


def topics_of(text, header="", people=(), discover=True):
    return [match.topic for match in assign_topics(text, header, VOCABULARY, people, discover)]


def test_header_topics_come_first_and_use_the_vocabulary_name_for_an_alias():
    assert topics_of("Nothing here.", header="ports, Elections") == ["Harbours", "Elections"]


def test_vocabulary_keywords_assign_a_topic_with_the_words_as_evidence():
    [match] = assign_topics("The ferry left the quay late; the ferry was full.", "", VOCABULARY)
    assert match.topic == "Harbours"
    assert match.evidence == ("ferry ×2", "quay ×1")


def test_a_single_keyword_is_not_enough():
    assert topics_of("A turbine hummed.") == []


def test_recurring_places_become_topics_but_people_and_sentence_openers_do_not():
    text = ("Officials in Marrowby met. " * 3 + "However, Lena Osk spoke. However, Osk left. "
            "However, it rained. However, more. However, again. ") + "Marrowby is calm. Back in Marrowby."
    assert topics_of(text, people=["Lena Osk"]) == ["Marrowby"]


def test_discovery_can_be_switched_off():
    assert topics_of("In Marrowby, in Marrowby, in Marrowby, in Marrowby, in Marrowby.", discover=False) == []


def test_each_topic_is_given_once():
    assert topics_of("The ferry and the quay.", header="Harbours") == ["Harbours"]


def test_the_registry_is_read_with_its_lists():
    [topic] = load_topics("- name: Harbours\n  keywords: [quay, ferry]\n  aliases: Ports\n")
    assert topic == Topic("Harbours", keywords=("quay", "ferry"), aliases=("Ports",))


@pytest.mark.parametrize("text, problem", [
    ("- name: [unclosed\n", "topics.yml:1"),
    ("name: Harbours\n", "must be a YAML list"),
    ("- description: no name\n", "entry 1 has no 'name'"),
    ("- name: A\n- name: a\n", "names listed twice"),
    ("- name: A\n  keywords: {x: 1}\n", "must be a list of words"),
])
def test_a_malformed_registry_is_refused_naming_the_file_and_the_problem(text, problem):
    with pytest.raises(ContentError) as error:
        load_topics(text, "content/topics.yml")
    assert "content/topics.yml" in str(error.value) and problem in str(error.value)


@given(st.text(max_size=400), st.text(max_size=40))
def test_assignment_never_fails_and_never_repeats_a_topic(text, header):
    found = topics_of(text, header)
    assert len(found) == len({name.casefold() for name in found})
