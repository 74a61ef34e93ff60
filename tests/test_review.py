"""The review queue: editorial corrections from the header, and what waits for an editor."""
from __future__ import annotations

import json

from newsdigest.cli import main
from newsdigest.model import Quote, Span
from newsdigest.quotes import REVIEW_THRESHOLD
from newsdigest.review import apply_overrides, reason_to_hold, split_for_review


def quote(text: str, speaker: str | None = "Ines Kalder", kind: str = "person", confidence: float = 0.9) -> Quote:
    mention = Span(0, 6, "Kalder") if speaker else None
    return Quote(0, len(text), text, speaker=speaker, speaker_mention=mention, speaker_kind=kind,
                 confidence=confidence)


def test_confident_person_quotes_are_published():
    published, held = split_for_review([quote("The port stays closed.")], {})
    assert [q.text for q in published] == ["The port stays closed."]
    assert held == []


def test_unsure_quotes_are_held_with_the_reason():
    unsure = quote("The cranes are old,", confidence=REVIEW_THRESHOLD - 0.1)
    published, held = split_for_review([unsure], {})
    assert published == []
    assert held[0][0] is unsure
    assert "below" in held[0][1]


def test_person_described_but_not_named_is_held():
    assert reason_to_hold(quote("We will.", speaker="the harbour master")) == "speaker is not named"
    assert reason_to_hold(quote("We will.", speaker="he")) == "speaker is not named"


def test_surname_alone_is_published_for_the_people_index_to_join():
    assert reason_to_hold(quote("We will.", speaker="Kalder")) is None


def test_organisations_and_documents_are_neither_published_nor_held():
    council = quote("Not acceptable.", speaker="the city council", kind="organisation")
    assert split_for_review([council], {}) == ([], [])


def test_unattributed_quotes_are_ignored():
    title = quote("Evening Harbour", speaker=None, kind="unknown", confidence=0.0)
    assert split_for_review([title], {}) == ([], [])


def test_header_corrects_a_speaker_by_the_first_words_of_the_quote():
    wrong = quote("We’ll rebuild the pier, all of it.", speaker="Tomas Vell", confidence=0.4)
    header = {"quote-speaker": "we'll REBUILD  the pier => Ines  Kalder | Nobody asked => Piet Ramsgate"}
    [fixed] = apply_overrides([wrong], header)
    assert fixed.speaker == "Ines Kalder"
    assert fixed.confidence == 1.0
    assert fixed.speaker_kind == "person"
    published, held = split_for_review([wrong], header)
    assert [q.speaker for q in published] == ["Ines Kalder"] and held == []


def test_header_suppresses_quotes():
    header = {"quote-suppress": "Evening Harbour | so-called"}
    quotes = [quote("Evening Harbour Tonight"), quote("so-called harbour tax"), quote("We will.")]
    assert [q.text for q in apply_overrides(quotes, header)] == ["We will."]


def test_review_command_lists_held_quotes(tmp_path, capsys):
    article = tmp_path / "desk" / "harbour.txt"
    article.parent.mkdir()
    article.write_text(
        "Title: Harbour\n"
        "Quote-Suppress: Evening Harbour\n"
        "\n"
        "Ines Kalder met Tomas Vell, and Olga Prest joined them later.\n"
        "\n"
        '"The cranes are old," she said. Vell was on “Evening Harbour Tonight”.\n'
        "\n"
        "“We must act,” Kalder said.\n", encoding="utf-8")
    assert main(["review", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1
    assert "harbour.txt" in lines[0] and "The cranes are old," in lines[0] and "confidence" in lines[0]

    assert main(["review", "--json", str(article)]) == 0
    [held] = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    raw = article.read_text(encoding="utf-8")
    assert raw[held["start"]:held["end"]] == held["text"] == "The cranes are old,"
    assert held["reason"].startswith("confidence")


def test_review_command_reports_unreadable_files(tmp_path, capsys):
    assert main(["review", str(tmp_path / "missing.txt")]) == 1
    assert "missing.txt" in capsys.readouterr().err


def write_article(folder, name: str, body: str):
    path = folder / name
    path.write_text(f"Title: {name}\nDate: 2026-10-0{len(name) % 9 + 1}\n\n{body}", encoding="utf-8")
    return path


def test_review_command_holds_a_surname_that_names_two_people_across_the_articles(tmp_path, capsys):
    write_article(tmp_path, "ferry.txt", "The ferry board met in Tollby.\n\n"
                                         '"We will sail again in spring," Ms. Varga said after the meeting.\n')
    write_article(tmp_path, "quay.txt", 'Ilse Varga and Tomas Varga both spoke.\n\n"The quay is safe," Ilse Varga said.'
                                        '\n\n"It is not," Tomas Varga said.\n')
    assert main(["review", str(tmp_path)]) == 0
    [line] = capsys.readouterr().out.splitlines()
    assert "ferry.txt" in line and "We will sail again in spring," in line
    assert "names no one person across the digest" in line


def test_review_command_uses_the_registry_beside_the_articles(tmp_path, capsys):
    write_article(tmp_path, "ferry.txt", "The ferry board met in Tollby.\n\n"
                                         '"We will sail again in spring," Ms. Varga said after the meeting.\n')
    (tmp_path / "people.yml").write_text("- name: Ilse Varga\n  aliases: [Varga]\n", encoding="utf-8")
    assert main(["review", str(tmp_path)]) == 0
    assert capsys.readouterr().out == ""
