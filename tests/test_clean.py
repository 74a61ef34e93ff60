"""The cleaner on articles written for these tests: header, boilerplate, repairs, title, date, errors."""
from __future__ import annotations

import codecs

import pytest

from newsdigest.clean import clean_article, decode_article_bytes, read_article
from newsdigest.errors import ContentError

LEAD = ("Harbour master Ilse Varga said on Tuesday that the Norrvik ferry would run again from Friday, "
        "after a week of storms kept every boat in port.")
SECOND = "“We have checked every hull twice,” Varga told reporters at the quay."
THIRD = "The council expects the first crossing to be full, according to its transport office."


def article(*lines: str) -> str:
    return "\n".join(lines) + "\n"


def copied_characters_match(raw: str, cleaned) -> bool:
    """Every run the offset map calls copied is the same text in the raw string."""
    return all(cleaned.text[start:start + length] == raw[source:source + length]
               for start, source, length in cleaned.offsets.segments)


class TestHeader:
    def test_header_values_become_lower_case_metadata_and_win(self):
        raw = article("Title: Ferry Returns", "Date: 3 March 2025", "Source: Norrvik Post", "Quote-Speaker: Ilse Varga",
                      "", "Storm Ends at Last", "", LEAD, "", SECOND)
        cleaned = clean_article(raw)
        assert cleaned.title == "Ferry Returns"
        assert cleaned.metadata["date"] == "2025-03-03"
        assert cleaned.metadata["source"] == "Norrvik Post"
        assert cleaned.metadata["quote-speaker"] == "Ilse Varga"
        assert cleaned.text.startswith("Storm Ends at Last")
        assert cleaned.date_found and not cleaned.title_derived

    @pytest.mark.parametrize("value, iso", [
        ("2025-03-03 14:05", "2025-03-03T14:05"),
        ("2025-03-03T14:05:00+01:00", "2025-03-03T14:05"),
        ("Monday, March 3, 2025", "2025-03-03"),
        ("3rd of March 2025", "2025-03-03"),
        ("Mon, 03 Mar 2025 14:05:00 GMT", "2025-03-03T14:05"),
    ])
    def test_header_dates_are_normalised_to_iso(self, value, iso):
        cleaned = clean_article(article(f"Date: {value}", "", LEAD))
        assert cleaned.metadata["date"] == iso

    def test_headline_with_colon_is_not_a_header(self):
        raw = article("Ferry Chaos: Norrvik Waits for the Storm to Pass", "", LEAD, "", SECOND)
        cleaned = clean_article(raw)
        assert cleaned.title == "Ferry Chaos: Norrvik Waits for the Storm to Pass"
        assert "ferry chaos" not in cleaned.metadata

    def test_header_after_a_byte_order_mark(self):
        raw = "\ufeff" + article("Title: Ferry Returns", "Date: 2025-03-03", "", LEAD)
        cleaned = clean_article(raw)
        assert cleaned.title == "Ferry Returns" and cleaned.text == LEAD
        assert raw[cleaned.offsets.to_source(0):].startswith(LEAD)

    def test_headline_repeating_the_header_title_is_removed(self):
        cleaned = clean_article(article("Title: Ferry Returns", "", "Ferry Returns", "", LEAD))
        assert cleaned.paragraphs() == [LEAD]
        assert [(r.line, r.reason) for r in cleaned.removed] == [(3, "headline")]

    def test_one_word_key_that_is_not_known_is_a_headline(self):
        cleaned = clean_article(article("Poll: Varga Leads in Norrvik.", "", LEAD))
        assert cleaned.title == "Poll: Varga Leads in Norrvik"
        assert "poll" not in cleaned.metadata

    def test_impossible_date_names_key_and_line(self):
        with pytest.raises(ContentError) as error:
            clean_article(article("Title: Ferry Returns", "Date: 2025-13-45", "", LEAD), "ferry.txt")
        assert "'Date' on line 2" in str(error.value) and "ferry.txt" in str(error.value)
        assert error.value.line == 2

    def test_header_without_blank_line_is_refused(self):
        with pytest.raises(ContentError, match="blank line"):
            clean_article(article("Title: Ferry Returns", "Date: 2025-03-03", LEAD))

    @pytest.mark.parametrize("value", ["soon", "2025", "13/45/2025"])
    def test_date_that_is_no_date_is_refused(self, value):
        with pytest.raises(ContentError, match="not a date"):
            clean_article(article("Title: Ferry Returns", f"Date: {value}", "", LEAD))

    def test_date_with_impossible_day_is_refused(self):
        with pytest.raises(ContentError, match="impossible date 'March 32, 2025'"):
            clean_article(article("Date: March 32, 2025", "", LEAD))


class TestTitleAndDate:
    def test_short_unpunctuated_first_line_is_the_headline(self):
        cleaned = clean_article(article("Norrvik Ferry Back in Service", LEAD, SECOND))
        assert cleaned.title == "Norrvik Ferry Back in Service"
        assert cleaned.text.startswith("Harbour master")
        assert cleaned.removed[0].reason == "headline"

    def test_punctuated_headline_above_blank_line_loses_its_period(self):
        cleaned = clean_article(article("Ferry runs again after storm week.", "", LEAD))
        assert cleaned.title == "Ferry runs again after storm week"

    def test_opening_quote_paragraph_is_not_a_headline(self):
        opening = "“We will rebuild the quay,” the mayor said."
        cleaned = clean_article(article(opening, "", LEAD))
        assert cleaned.paragraphs() == [opening, LEAD] and cleaned.title_derived

    def test_deck_under_headline_becomes_subtitle(self):
        cleaned = clean_article(article("Ferry back;", "Storm week ends with a full boat.", "", LEAD, "", SECOND))
        assert cleaned.title == "Ferry back"
        assert cleaned.metadata["subtitle"] == "Storm week ends with a full boat."
        assert cleaned.text.startswith("Harbour master")

    def test_title_derived_from_lead_is_cut_at_a_clause(self):
        cleaned = clean_article(article(LEAD, SECOND))
        assert cleaned.title_derived
        assert cleaned.title == ("Harbour master Ilse Varga said on Tuesday that the Norrvik ferry "
                                 "would run again from Friday")
        assert len(cleaned.title) <= 110
        assert any("title derived" in warning for warning in cleaned.warnings)
        assert cleaned.text.startswith(LEAD)

    def test_summary_is_the_lead_paragraph_unless_the_header_gives_one(self):
        assert clean_article(article(LEAD, SECOND)).metadata["summary"] == LEAD
        header = article("Summary: Ferries run again.", "", LEAD)
        assert clean_article(header).metadata["summary"] == "Ferries run again."

    @pytest.mark.parametrize("line, date", [
        ("Published 3 March 2025", "2025-03-03"),
        ("Updated: March 4, 2025 at 09:30", "2025-03-04T09:30"),
        ("Posted on 2025-03-05", "2025-03-05"),
    ])
    def test_date_line_gives_the_date_and_is_removed(self, line, date):
        cleaned = clean_article(article("Ferry Back", line, "", LEAD))
        assert cleaned.metadata["date"] == date and cleaned.date_found
        assert ("date line" in {r.reason for r in cleaned.removed})
        assert line not in cleaned.text

    def test_dateline_after_headline_and_credit_gives_the_date(self):
        raw = article("Ferry Back", "", "Photo: Jane Roe/Agency", "", f"NORRVIK, Oct. 14, 2026 — {LEAD}", SECOND)
        cleaned = clean_article(raw)
        assert cleaned.metadata["date"] == "2026-10-14"
        assert not any("date" in warning for warning in cleaned.warnings)

    def test_date_mentioned_in_text_is_used_with_a_warning(self):
        lead = "The vote on March 3, 2025 approved the new ferry timetable for the summer."
        cleaned = clean_article(article(lead, SECOND))
        assert cleaned.metadata["date"] == "2025-03-03"
        assert any("mentioned in the text" in warning for warning in cleaned.warnings)

    def test_event_date_deep_in_the_story_is_not_its_date(self):
        history = "The old ferry first sailed on June 1, 1998, from the quay."
        cleaned = clean_article(article(LEAD, SECOND, THIRD, history))
        assert not cleaned.date_found

    def test_no_date_is_reported(self):
        cleaned = clean_article(article(LEAD))
        assert not cleaned.date_found and "date" not in cleaned.metadata
        assert any("no date" in warning for warning in cleaned.warnings)


class TestRepairs:
    def test_name_glued_to_said_is_split_when_the_name_is_known(self):
        raw = article("Minister Oskar Lindqvist opened the quay.", "Lindqvistsaid the ferry would run.")
        cleaned = clean_article(raw)
        assert "Lindqvist said the ferry" in cleaned.text
        assert any("Lindqvistsaid" in warning for warning in cleaned.warnings)

    def test_name_glued_after_first_name_is_split(self):
        cleaned = clean_article(article("On Monday, Mayor Ilse Vargatold “we are ready” to the crews on the quay."))
        assert "Ilse Varga told “we are ready”" in cleaned.text

    @pytest.mark.parametrize("word", ["unsaid", "foretold", "overstated", "Aforesaid"])
    def test_real_words_are_never_split(self, word):
        raw = article(f"Much was left {word} by the harbour board over the ferry plans, over and over again.")
        assert word in clean_article(raw).text

    def test_capitalised_common_word_is_not_taken_for_a_name(self):
        raw = article("Over the years Overstated claims were common.", "She said it was over.")
        assert "Overstated" in clean_article(raw).text

    def test_mojibake_is_fixed_and_curly_quotes_kept(self):
        raw = article("The mayorâ€™s plan for the cafÃ© was “final,” she said &amp; left.")
        cleaned = clean_article(raw)
        assert "The mayor’s plan for the café was “final,” she said & left." in cleaned.text
        assert copied_characters_match(raw, cleaned)
        assert any("'cafÃ©' → 'café'" in warning for warning in cleaned.warnings)

    def test_straight_quotes_stay_straight(self):
        raw = article('Varga said "we are ready" on Friday, and the crews cheered at the quay.')
        assert '"we are ready"' in clean_article(raw).text

    def test_whitespace_and_paragraphs_are_normalised(self):
        raw = f"  {LEAD.replace(' ', '  ', 3)}\u00a0 \t  \n\n\n\n  {SECOND.replace(' ', chr(9), 2)}   \n \n"
        cleaned = clean_article(raw)
        assert cleaned.text == f"{LEAD}\n\n{SECOND}"
        assert copied_characters_match(raw, cleaned)

    def test_wrapped_lines_are_joined(self):
        raw = article("The harbour board met on Tuesday and", "agreed to reopen the ferry line.", "", SECOND)
        joined = "The harbour board met on Tuesday and agreed to reopen the ferry line."
        assert clean_article(raw).paragraphs()[0] == joined

    def test_one_paragraph_per_line_is_kept(self):
        assert clean_article(article(LEAD, SECOND, THIRD)).paragraphs() == [LEAD, SECOND, THIRD]


class TestBoilerplateInArticle:
    def test_notices_in_the_middle_are_removed_and_reported(self):
        raw = article(LEAD, "Watch: enable scripts to play this clip", SECOND, "ADVERTISEMENT",
                      "Photo: Jane Roe/Agency", THIRD, "Sign up for our morning briefing")
        cleaned = clean_article(raw)
        assert cleaned.paragraphs() == [LEAD, SECOND, THIRD]
        assert [(r.line, r.reason) for r in cleaned.removed] == [
            (2, "video notice"), (4, "advertisement"), (5, "image credit"), (7, "newsletter prompt")]

    def test_editorial_trailer_is_removed_and_gives_metadata(self):
        raw = article(LEAD, SECOND, "About This Report", "Lead Source", "Norrvik Harbour Gazette",
                      "Staff Team", "Deputy Editor", "Tomas Ek", "Covers the Nordic desk",
                      "Every figure was fact-checked against the original records before publication.")
        cleaned = clean_article(raw)
        assert cleaned.paragraphs() == [LEAD, SECOND]
        assert {r.reason for r in cleaned.removed} == {"editorial trailer"}
        assert cleaned.metadata["source"] == "Norrvik Harbour Gazette"
        assert cleaned.metadata["editor"] == "Tomas Ek"
        assert cleaned.metadata["editor_role"] == "Deputy Editor"
        assert cleaned.metadata["desk"] == "Nordic"
        assert cleaned.metadata["fact_checked"] == "yes"

    @pytest.mark.parametrize("trailer, expected", [
        (["Sources: Norrvik Port Authority", "Editor: Tomas Ek"],
         {"source": "Norrvik Port Authority", "editor": "Tomas Ek"}),
        (["About the Author", "Jane Roe is a senior correspondent covering energy for the Norrvik Post."],
         {"author": "Jane Roe"}),
        (["Transparency Note", "Reporting Sources", "Norrvik Port Authority records", "Reviewed By", "Managing Editor",
          "Karin Dahl", "Part of our Climate desk", "Verified by two editors before publication"],
         {"source": "Norrvik Port Authority records", "editor": "Karin Dahl", "editor_role": "Managing Editor",
          "desk": "Climate", "fact_checked": "yes"}),
        (["Our Standards", "Source: Norrvik Gazette", "Reviewed by: Karin Dahl", "Desk: Business", "Fact-checked: yes"],
         {"source": "Norrvik Gazette", "editor": "Karin Dahl", "desk": "Business", "fact_checked": "yes"}),
        (["This story was produced by the Business desk and reviewed by Senior Editor Karin Dahl."],
         {"editor": "Karin Dahl", "editor_role": "Senior Editor", "desk": "Business"}),
        (["Editorial Team", "Harbour Correspondent", "Tomas Ek", "Islands Desk", "Specialises in Shipping coverage"],
         {"editor": "Tomas Ek", "editor_role": "Harbour Correspondent", "desk": "Shipping"}),
    ])
    def test_trailers_in_other_wordings(self, trailer, expected):
        cleaned = clean_article(article(LEAD, SECOND, *trailer))
        assert cleaned.paragraphs() == [LEAD, SECOND]
        assert {r.reason for r in cleaned.removed} == {"editorial trailer"}
        assert {key: cleaned.metadata.get(key) for key in expected} == expected

    def test_byline_and_tags_give_metadata(self):
        cleaned = clean_article(article("By Jane Roe", LEAD, SECOND, "Tags: ferries, Norrvik, storms"))
        assert cleaned.metadata["author"] == "Jane Roe"
        assert cleaned.metadata["topics"] == "ferries, Norrvik, storms"
        assert cleaned.paragraphs() == [LEAD, SECOND]

    def test_wrapped_editors_note_at_the_end_is_a_trailer(self):
        raw = article(LEAD, SECOND, "", "Editor's note: the harbour board", "owns a share in",
                      "the ferry company that publishes", "this site.")
        cleaned = clean_article(raw)
        assert cleaned.paragraphs() == [LEAD, SECOND]
        assert [r.reason for r in cleaned.removed] == ["editorial trailer"] * 4

    def test_quoted_line_with_prompt_words_is_kept_but_a_quoted_teaser_is_not(self):
        quoted = "“Subscribe to nothing and share nothing,” the old captain used to say."
        raw = article(LEAD, quoted, "Read more: “Ferry strike” enters its second week", SECOND)
        cleaned = clean_article(raw)
        assert cleaned.paragraphs() == [LEAD, quoted, SECOND]
        assert [r.reason for r in cleaned.removed] == ["teaser"]

    def test_short_closing_sentences_are_not_a_trailer(self):
        raw = article(LEAD, SECOND, "More is on the way.", "Editorial boards were silent.")
        assert clean_article(raw).paragraphs()[-2:] == ["More is on the way.", "Editorial boards were silent."]


class TestBadInput:
    def test_empty_text(self):
        with pytest.raises(ContentError, match="empty"):
            clean_article("  \n\n", "empty.txt")

    def test_only_boilerplate(self):
        with pytest.raises(ContentError, match="no article text"):
            clean_article(article("Advertisement", "Share this article", "Sign up for our newsletter"), "ads.txt")

    def test_binary_bytes(self):
        with pytest.raises(ContentError, match="binary"):
            decode_article_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.png")

    def test_control_characters(self):
        with pytest.raises(ContentError, match="binary"):
            decode_article_bytes(bytes(range(1, 9)) * 50 + b"text", "noise.bin")

    def test_empty_file(self, tmp_path):
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        with pytest.raises(ContentError, match="empty"):
            read_article(path)

    def test_missing_file(self, tmp_path):
        with pytest.raises(ContentError, match="cannot read"):
            read_article(tmp_path / "absent.txt")


class TestDecoding:
    TEXT = "Café owner Åsa Lind said “we stay open” as the storm passed over Norrvik."

    def test_utf8_with_bom_keeps_offsets_of_the_file_as_read(self):
        text, warnings = decode_article_bytes(codecs.BOM_UTF8 + self.TEXT.encode(), "a.txt")
        assert text == "\ufeff" + self.TEXT and warnings == []
        cleaned = clean_article(text)
        assert cleaned.text == self.TEXT and cleaned.offsets.to_source(0) == 1

    @pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
    def test_utf16_with_bom(self, codec):
        bom = codecs.BOM_UTF16_LE if codec.endswith("le") else codecs.BOM_UTF16_BE
        text, warnings = decode_article_bytes(bom + self.TEXT.encode(codec), "a.txt")
        assert text == self.TEXT and warnings == []

    def test_cp1252_is_read_with_a_warning(self, tmp_path):
        path = tmp_path / "old.txt"
        path.write_bytes("Café owner said “we stay open” on Friday.".encode("cp1252"))
        cleaned = read_article(path)
        assert "“we stay open”" in cleaned.text and "Café" in cleaned.text
        assert "cp1252" in cleaned.warnings[0]

    def test_crlf_line_ends_become_newlines(self):
        text, _ = decode_article_bytes(b"Ferry Back\r\n\r\nThe ferry runs again.\r\n", "a.txt")
        assert text == "Ferry Back\n\nThe ferry runs again.\n"
