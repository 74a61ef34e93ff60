"""Quote extraction and speaker attribution, on invented articles."""
from __future__ import annotations

import pytest

from newsdigest.quotes import REVIEW_THRESHOLD, extract_quotes


def quote_of(text: str, words: str):
    """The extracted quote whose text begins with ``words``."""
    for quote in extract_quotes(text):
        if quote.text.startswith(words):
            return quote
    raise AssertionError(f"no quote starting {words!r} in {[q.text for q in extract_quotes(text)]}")


def speakers(text: str) -> list[str | None]:
    return [q.speaker for q in extract_quotes(text)]


# -- where the cue stands


def test_cue_after_quote_with_the_name_before_the_verb():
    text = "Mayor Ada Brenner of Tollby opened the bridge.\n\n“It took ten years,” Brenner said."
    quote = quote_of(text, "It took")
    assert quote.speaker == "Ada Brenner"
    assert quote.speaker_mention.text == "Brenner"
    assert quote.cue == "said"
    assert quote.kind == "full"
    assert quote.speaker_kind == "person"


def test_cue_after_quote_inverted():
    text = "Ada Brenner spoke first.\n\n“We will rebuild,” said Brenner, pointing at the river."
    assert quote_of(text, "We will").speaker == "Ada Brenner"


def test_quote_split_around_the_cue():
    text = 'Tomas Vell arrived late. "The river rose," Vell said, "and nobody was ready."'
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["Tomas Vell", "Tomas Vell"]


def test_cue_and_colon_before_the_quote():
    text = "Harbour master Ines Kalder was blunt. Kalder said: “The port stays closed.”"
    quote = quote_of(text, "The port")
    assert quote.speaker == "Ines Kalder"
    assert quote.kind == "full"


def test_cue_in_the_previous_paragraph_ending_with_a_colon():
    text = "Councillor Piet Ramsgate replied on Tuesday.\n\nHe said:\n\n“Nobody asked the fishermen.”"
    assert quote_of(text, "Nobody").speaker == "Piet Ramsgate"


def test_cue_in_the_next_sentence():
    text = "Ines Kalder runs the harbour.\n\n“The port stays closed until spring.” Kalder said so on Monday."
    assert quote_of(text, "The port").speaker == "Ines Kalder"


def test_according_to():
    text = 'The ferry was "barely afloat" by noon, according to Ines Kalder, the harbour master.'
    quote = quote_of(text, "barely")
    assert quote.speaker == "Ines Kalder"
    assert quote.role == "the harbour master"


def test_a_quote_with_no_cue_continues_the_speaker_before_it():
    text = "“We lost the north field,” farmer Olga Prest said. “We lose the south one next.”"
    assert speakers(text) == ["Olga Prest", "Olga Prest"]


# -- quotes over several paragraphs, partial quotes, marks


def test_multi_paragraph_quote_is_one_quote_of_one_speaker():
    text = ("Olga Prest addressed the council.\n\n"
            "“The first flood took the barns.\n\n"
            "“The second took the houses.\n\n"
            "“The third took the church,” Prest said. “We rebuilt it.”")
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == [
        "The first flood took the barns.\n\n“The second took the houses.\n\n“The third took the church,",
        "We rebuilt it."]
    assert [q.speaker for q in quotes] == ["Olga Prest", "Olga Prest"]
    assert [q.paragraph for q in quotes] == [1, 3]


def test_partial_quote_inside_indirect_speech():
    text = "Transport minister Lena Oduya said on Monday the agency was drafting \"next measures\" for the line."
    quote = quote_of(text, "next measures")
    assert quote.speaker == "Lena Oduya"
    assert quote.kind == "partial"
    assert quote.role == "Transport minister"


def test_straight_and_curly_marks_and_nested_single_quotes():
    text = ('Lena Oduya said: "They told me \'wait\', and we waited." '
            'Later she added: “Nobody said ‘sorry’.”')
    quotes = extract_quotes(text)
    assert [q.text for q in quotes] == ["They told me 'wait', and we waited.", "Nobody said ‘sorry’."]
    assert [q.speaker for q in quotes] == ["Lena Oduya", "Lena Oduya"]


def test_apostrophes_are_not_marks():
    text = "Lena Oduya’s plan isn’t ready, the ministers' aides said on Friday."
    assert extract_quotes(text) == []


def test_doubled_apostrophes_are_not_quotation_marks():
    text = "''The dam holds,'' said Ines Kalder, the engineer."
    assert extract_quotes(text) == []


def test_single_marks_do_not_pair_in_a_text_with_doubled_apostrophes():
    text = ("''The dam holds,'' said Ines Kalder. The 'new' sluice opened in '09 and the builders' crews left.\n"
            "''It will,'' she said. Tomas Vell called it 'a relic' on Monday.")
    assert extract_quotes(text) == []


def test_double_marks_still_quote_in_a_text_with_doubled_apostrophes():
    text = "''The dam holds,'' said Ines Kalder. Tomas Vell said: \"It leaks.\" The 'new' sluice waits."
    assert [q.text for q in extract_quotes(text)] == ["It leaks."]


def test_mismatched_curly_marks_still_pair():
    text = "Piet Ramsgate wrote: ”Enough is enough.“ Nobody replied."
    assert quote_of(text, "Enough").speaker == "Piet Ramsgate"


# -- who a mention means


def test_pronoun_resolves_to_who_spoke_last():
    text = ('"We need more buses," Tomas Vell said on Monday.\n\n'
            '"And we need them by winter," he said.')
    quote = quote_of(text, "And we need")
    assert quote.speaker == "Tomas Vell"
    assert quote.speaker_mention.text == "he"
    assert quote.confidence >= REVIEW_THRESHOLD


def test_pronoun_gender_only_as_the_text_states_it():
    text = ("Ms. Ines Kalder met Tomas Vell at the harbour.\n\n"
            '"The cranes are old," she said.')
    assert quote_of(text, "The cranes").speaker == "Ines Kalder"


def test_ambiguous_pronoun_is_unsure():
    text = ("Ines Kalder met Tomas Vell, and Olga Prest joined them later.\n\n"
            '"The cranes are old," she said.')
    assert quote_of(text, "The cranes").confidence < REVIEW_THRESHOLD


def test_honorific_and_surname_resolve_to_the_full_name():
    text = ("Foreign minister Marta Quell flew to Lisvik.\n\n"
            '"Talks went well," Ms. Quell said.\n\n'
            '"We meet again in May," Quell added.')
    assert speakers(text) == ["Marta Quell", "Marta Quell"]


def test_title_resolves_to_the_one_person_with_that_role():
    text = ("Ostland Chancellor Rudi Amsel visited the port.\n\n"
            '"Trade must go on," the chancellor said.')
    quote = quote_of(text, "Trade")
    assert quote.speaker == "Rudi Amsel"
    assert quote.role == "Ostland Chancellor"


def test_role_from_apposition():
    text = '"Our streets are safe," Jane Dorrit, the mayor of Eastwick, told reporters.'
    quote = quote_of(text, "Our streets")
    assert quote.speaker == "Jane Dorrit"
    assert quote.role == "the mayor of Eastwick"


# -- organisations, documents, titles


@pytest.mark.parametrize("subject, kind", [
    ("A joint statement from the three ports", "document"),
    ("The governing coalition", "organisation"),
    ("The Lisvik city council", "organisation"),
    ("A spokesperson", "organisation"),
    ("The campaign", "organisation"),
    ("The foreign ministry in Lisvik", "organisation"),
    ("Both delegations", "organisation"),
])
def test_organisations_and_documents_are_not_people(subject, kind):
    text = f'{subject} said the plan was "not acceptable."'
    quote = quote_of(text, "not acceptable")
    assert quote.speaker_kind == kind
    assert quote.speaker is not None


def test_statement_signed_by_several_parties_speaks_itself():
    text = ('Three ports backed Lisvik, with a joint statement signed by their mayors emphasizing '
            'that "the harbour belongs to its town."')
    quote = quote_of(text, "the harbour")
    assert quote.speaker == "a joint statement"
    assert quote.speaker_kind == "document"


@pytest.mark.parametrize("text", [
    "Ines Kalder appeared on the talk show “Evening Harbour” last week.",
    "The film “The Long Tide” opens in Lisvik on Friday.",
    'Tomas "Tommy" Vell runs the ferry.',
    'The so-called "harbour tax" is unpopular in Lisvik.',
    'Opponents have taken to calling it the so-called "harbour tax".',
    'Among the exhibits is a room on the winter of 1911, which historians call "the Long Dark".',
])
def test_titles_nicknames_and_scare_quotes_are_not_attributed(text):
    assert all(q.speaker is None and q.speaker_mention is None for q in extract_quotes(text))


def test_glued_reporting_verb_after_a_name():
    text = 'Ostland Chancellor Rudi Amselsaid "trade must go on."'
    assert quote_of(text, "trade").speaker == "Rudi Amsel"


def test_paragraph_and_context():
    text = "Ines Kalder spoke.\n\nNobody listened. “We are sinking,” Kalder said. Then she left."
    quote = quote_of(text, "We are sinking")
    assert quote.paragraph == 1
    assert quote.context == "“We are sinking,” Kalder said."


def test_offsets_point_at_the_quoted_words():
    text = 'He paused. "Go home," Vell said.'
    for quote in extract_quotes(text):
        assert text[quote.start:quote.end] == quote.text
        mention = quote.speaker_mention
        assert mention is None or text[mention.start:mention.end] == mention.text


# -- more grammar of attribution


@pytest.mark.parametrize("text, words, speaker", [
    ("“Nobody leaves before the tide turns,” was written by Ines Kalder on the harbour wall.", "Nobody", "Ines Kalder"),
    ("“We will rebuild the pier.” ― Ines Kalder", "We will", "Ines Kalder"),
    ("“Rotten planks” worry the fishermen most, Ines Kalder said.", "Rotten", "Ines Kalder"),
    ("The port will close for a month, Ines Kalder said on Monday. “We have no choice.”", "We have", "Ines Kalder"),
    ("Ines Kalder has long painted Tomas Vell as a “harbour pirate”.", "harbour pirate", "Ines Kalder"),
    ("After calling the plan “a disgrace,” Ines Kalder left the meeting.", "a disgrace", "Ines Kalder"),
    ("Ines Kalder smiled and said: “Not today.”", "Not today", "Ines Kalder"),
    ("Ines Kalder’s claim that the pier was “perfectly safe” angered the fishermen.", "perfectly", "Ines Kalder"),
    ("On Monday, Ines Kalder made the following statement:\n\n“The port stays open.”", "The port", "Ines Kalder"),
    ("Said Ines Kalder: “The port stays open.”", "The port", "Ines Kalder"),
])
def test_cue_constructions(text, words, speaker):
    assert quote_of(text, words).speaker == speaker


def test_relative_pronoun_names_the_speaker_through_its_antecedent():
    text = "The plan was backed by Ines Kalder, the harbour master, who said it was “long overdue.”"
    quote = quote_of(text, "long overdue")
    assert quote.speaker_mention.text == "who"
    assert quote.speaker == "Ines Kalder"


def test_nested_reporting_keeps_the_speaker_who_can_speak():
    text = "Ines Kalder said the storms demand “a higher sea wall” before winter."
    assert quote_of(text, "a higher").speaker == "Ines Kalder"


def test_single_marks_quote_when_a_text_has_no_double_marks():
    text = "‘We will rebuild,’ said Ines Kalder. The Smiths’ house isn’t ready. ‘Not yet’, she said."
    assert [(q.text, q.speaker) for q in extract_quotes(text)] == [
        ("We will rebuild,", "Ines Kalder"), ("Not yet", "Ines Kalder")]


def test_middle_initials_belong_to_the_name():
    text = "“We will,” said Ida M. Fenwick, the mayor. “Soon,” Ms. Fenwick added."
    assert speakers(text) == ["Ida M. Fenwick", "Ida M. Fenwick"]
    assert quote_of(text, "We will").role == "the mayor"


def test_quoted_words_in_reported_speech_belong_to_the_outer_speaker():
    text = "Ines Kalder said the council had asked owners to moor “well inside the breakwater”."
    assert quote_of(text, "well inside").speaker == "Ines Kalder"


def test_reporting_nouns_are_not_verbs():
    text = "Ines Kalder said the mayor’s late-night tweets were “unhinged.”"
    assert quote_of(text, "unhinged").speaker == "Ines Kalder"


@pytest.mark.parametrize("text", [
    "Tomas Vell mocked the mayor as “Lady Pier” at the rally.",
    "Tomas Vell called the mayor “Lady Pier” and “Queen Low Tide” at the rally.",
])
def test_labels_someone_gives_are_theirs_even_in_title_case(text):
    assert all(q.speaker == "Tomas Vell" for q in extract_quotes(text))


def test_single_marks_lead_when_they_quote_most():
    text = ("‘The pier will reopen in May,’ Ines Kalder said. ‘Fishermen told me: “Not soon enough.”’\n\n"
            "‘We lost a season,’ said Tomas Vell. His son’s boat stayed in. ‘It hurt,’ he added.")
    assert [q.speaker for q in extract_quotes(text)] == ["Ines Kalder", "Ines Kalder", "Tomas Vell", "Tomas Vell"]


def test_title_and_surname_name_a_person_without_a_full_name():
    text = 'Minister Lindqvist said: "The patrols stay." Lindqvist said later they were "about lifeboats".'
    assert [(q.speaker, q.speaker_kind) for q in extract_quotes(text)] == [
        ("Lindqvist", "person"), ("Lindqvist", "person")]


def test_description_named_in_the_next_sentence():
    text = ("The head of the harbour authority accused the council of “sleeping at the helm”.\n\n"
            "Ines Kalder, who heads the authority, said the dredging was two years late.")
    assert quote_of(text, "sleeping").speaker == "Ines Kalder"


def test_coordinated_quotes_share_the_speaker():
    text = "Tomas Vell said the plan was “reckless,” “costly” and a “waste of a good harbour.”"
    assert speakers(text) == ["Tomas Vell", "Tomas Vell", "Tomas Vell"]


def test_initials_run_together_stay_in_the_name():
    text = ("“The tide is turning,” said Rep. T.J. Vellman (D-Lisvik), who chairs the harbour caucus. "
            "“We will be ready.” The U.N. Harbour Office did not comment.")
    quotes = extract_quotes(text)
    assert [q.speaker for q in quotes] == ["T.J. Vellman", "T.J. Vellman"]
    assert quotes[0].role == "Rep."


def test_calls_from_listeners_do_not_give_a_label():
    text = ("By noon, Ines Kalder began taking calls from fishermen on her “Harbour Hour” radio show, "
            "which airs weekly.")
    assert [q.speaker for q in extract_quotes(text)] == [None]


def test_a_negated_cue_reports_nothing():
    text = "“The pier stays shut.” The harbour office did not comment. Ines Kalder never said “closed for good”."
    assert [q.speaker for q in extract_quotes(text)] == [None, None]


def test_a_sentence_word_before_the_name_is_not_part_of_it():
    text = "Ines Kalder spoke first. But Tomas Vell said Kalder has “great respect” for the crews."
    assert quote_of(text, "great respect").speaker == "Tomas Vell"


def test_a_cue_introducing_the_quote_with_a_comma_wins_over_an_outer_cue():
    text = ("When Ines Kalder noted that the pier was late ― as it was most years ― Tomas Vell boasted, "
            "“That makes us careful.”")
    assert quote_of(text, "That makes").speaker == "Tomas Vell"


def test_cue_forms_that_agreement_shows_to_be_nouns():
    text = ("Ines Kalder pointed to reports that Tomas Vell called the ferry “a rust bucket”.\n\n"
            "Ines Kalder is describing as “reckless” a Vell tweet attacking the harbour board.\n\n"
            "Tomas Vell said Kalder has “great respect” for the crews and her harbour comment was a joke.")
    assert speakers(text) == ["Tomas Vell", "Ines Kalder", "Tomas Vell"]
