"""End-to-end: each hostile input file either builds correctly or is skipped with a message naming
the file (and line) and the problem while the rest of the site builds; the ``newsdigest`` command
says the same and exits non-zero."""
from __future__ import annotations

import codecs
import html
import json
import subprocess
from pathlib import Path

import pytest
from hostile import PLAIN_ARTICLE, build, captured_errors, skipped_summary, write_content

from conftest import ROOT
from newsdigest.site.report import StrictBuildFailed

NEWSDIGEST = str(ROOT / ".venv" / "bin" / "newsdigest")

CAFE_ARTICLE = """Title: Café owners on the square close for a day
Date: 2026-09-04

DROVNY – Owners of the cafés on the square said on Tuesday they would close for a day.

“It is our only way to be heard,” said Brin Holloway, who runs the Naïve Gull.
"""

QUOTES_ARTICLE = """Title: Pier vote goes to a second round
Date: 2026-09-05

PORT ANSEL — The council said on Monday that “the pier vote “will be repeated” next week, said Tove Arnlund.

“This quote is never closed, said Brin Holloway.

“Nested ‘inner “deeper” quote’ here,” said Ana Quist. ” A stray closing mark.

"Straight “mixed” 'single' quotes,” said Kit Varga. « Guillemets » and „low marks“ too. "
"""

SKIPPED = {
    "empty.txt": (b"", "empty file"),
    "blank.txt": (b"  \n\n\t \n", "empty file"),
    "binary.txt": (bytes(range(256)) * 40, "binary"),
    "utf16-without-bom.txt": (PLAIN_ARTICLE.encode("utf-16-le"), "binary"),
    "only-boilerplate.txt": ("Advertisement\nShare this article\nSign up for our newsletter\n",
                             "no article text left"),
    "header-only.txt": ("Title: Nothing follows\nDate: 2026-09-03\n\n", "no article text left"),
    "impossible-date.txt": ("Title: A day that never was\nDate: 2026-02-30\n\nThe mayor said so.\n",
                            ":2: header key 'Date' on line 2: impossible date '2026-02-30'"),
    "month-13.txt": ("Title: A month that never was\nDate: 2026-13-01\n\nThe mayor said so.\n",
                     ":2: header key 'Date' on line 2: impossible date '2026-13-01'"),
    "not-a-date.txt": ("Title: Some day\nDate: the day after the storm\n\nThe mayor said so.\n",
                       ":2: header key 'Date' on line 2: not a date"),
}

ENCODED = {
    "utf16-le.txt": codecs.BOM_UTF16_LE + CAFE_ARTICLE.encode("utf-16-le"),
    "utf16-be.txt": codecs.BOM_UTF16_BE + CAFE_ARTICLE.encode("utf-16-be"),
    "utf8-bom-crlf.txt": codecs.BOM_UTF8 + CAFE_ARTICLE.replace("\n", "\r\n").encode("utf-8"),
    "cp1252.txt": CAFE_ARTICLE.encode("cp1252"),
    "latin1.txt": CAFE_ARTICLE.replace("–", "-").replace("“", '"').replace("”", '"').encode("latin-1"),
}

BAD_REGISTRIES = {
    "unclosed list": ("people.yml", "- name: [Tove Arnlund\n", "people.yml:1: not valid YAML"),
    "bad mapping": ("people.yml", "- name: Tove\n  role: a: b: c\n", "people.yml:2: not valid YAML"),
    "not a list": ("people.yml", "name: Tove Arnlund\n", "must be a YAML list"),
    "no name": ("people.yml", "- role: Mayor of Drovny\n", "entry 1 has no 'name'"),
    "aliases not a list": ("people.yml", "- name: Tove\n  aliases: {a: 1}\n", "'aliases' must be a list"),
    "name twice": ("people.yml", "- name: Tove Arnlund\n- name: tove arnlund\n", "names listed twice"),
    "python tag": ("people.yml", "!!python/object/apply:os.system [echo]\n", "not valid YAML"),
    "not UTF-8": ("people.yml", b"- name: Caf\xe9 Owner\n", "not UTF-8 text"),
    "topics tab": ("topics.yml", "- name: Maritime\n\t- keywords\n", "topics.yml:2: not valid YAML"),
    "topics keywords": ("topics.yml", "- name: Maritime\n  keywords: [[port]]\n", "'keywords' must be a list"),
}


def page_text(output: Path, slug: str) -> str:
    """The article page as a browser reads it: character references resolved."""
    return html.unescape((output / "articles" / slug / "index.html").read_text(encoding="utf-8"))


def newsdigest(*arguments: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSDIGEST, *arguments], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def skipped_site(tmp_path_factory) -> tuple[Path, str]:
    """One build of every file to be skipped beside a good article: (output, the build's summary)."""
    root = tmp_path_factory.mktemp("hostile-input")
    content = write_content(root, {"ferry-timetable.txt": PLAIN_ARTICLE,
                                   **{name: data for name, (data, _) in SKIPPED.items()}})
    with captured_errors() as errors:
        output = build(content)
    return output, skipped_summary(errors)


def test_the_good_article_builds_beside_the_bad_files(skipped_site):
    output, summary = skipped_site
    assert "Tove Arnlund" in page_text(output, "ferry-timetable")
    assert summary.startswith(f"Skipped {len(SKIPPED)} files:")


@pytest.mark.parametrize("name", SKIPPED)
def test_a_bad_file_is_skipped_with_its_name_and_problem(skipped_site, name: str):
    output, summary = skipped_site
    reason = SKIPPED[name][1]
    assert any(line.strip().startswith(f"articles/{name}") and reason in line for line in summary.splitlines())
    assert not (output / "articles" / Path(name).stem).exists()


@pytest.mark.parametrize("command", ["clean", "quotes", "review"])
@pytest.mark.parametrize("name", SKIPPED)
def test_the_command_names_a_bad_file_once_and_exits_non_zero(tmp_path: Path, name: str, command: str):
    path = write_content(tmp_path, {name: SKIPPED[name][0]}) / "articles" / name
    finished = newsdigest(command, str(path))
    assert finished.returncode == 1
    assert finished.stderr.count(str(path)) == 1 and SKIPPED[name][1] in finished.stderr


def test_utf16_utf8_bom_cp1252_and_latin1_articles_build_with_their_text_intact(tmp_path: Path, caplog):
    output = build(write_content(tmp_path, ENCODED))
    for name in ENCODED:
        page = page_text(output, Path(name).stem)
        assert "Café owners on the square" in page and "Naïve Gull" in page, name
        assert "It is our only way to be heard" in page, name
        assert "\ufffd" not in page and "â€" not in page and "Ã©" not in page, name
    decoded = [record.getMessage() for record in caplog.records if "decoded as" in record.getMessage()]
    assert any("cp1252.txt" in message for message in decoded)
    assert any("latin1.txt" in message for message in decoded)


def test_the_command_reads_every_encoding(tmp_path: Path):
    content = write_content(tmp_path, ENCODED)
    finished = newsdigest("clean", *sorted(str(path) for path in (content / "articles").iterdir()))
    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.count("# Café owners on the square") == len(ENCODED)
    assert finished.stdout.count("who runs the Naïve Gull.") == len(ENCODED)


def test_unbalanced_and_nested_quotes_build_and_give_quotes_inside_the_file(tmp_path: Path):
    content = write_content(tmp_path, {"pier-vote.txt": QUOTES_ARTICLE})
    page = page_text(build(content), "pier-vote")
    assert "A stray closing mark." in page and "„low marks“ too." in page
    finished = newsdigest("quotes", "--json", str(content / "articles" / "pier-vote.txt"))
    assert finished.returncode == 0, finished.stderr
    raw = (content / "articles" / "pier-vote.txt").read_text(encoding="utf-8")
    for line in finished.stdout.splitlines():
        quote = json.loads(line)
        assert 0 <= quote["start"] < quote["end"] <= len(raw)
        assert quote["text"].strip("“”\"' ,.")[:10] in raw[quote["start"]:quote["end"]]


def ten_megabyte_paragraph(number: int) -> str:
    """A long council record: every fiftieth paragraph holds a quote."""
    if number % 50 == 0:
        return f"“We will rebuild pier number {number} before the winter,” said Tove Arnlund, the director."
    return (f"The council met on Tuesday in Port Ansel to discuss levy {number}, and the harbour master "
            "read the list of berths, moorings and repairs that the winter storms had left behind.")


def test_a_ten_megabyte_article_builds_whole(tmp_path: Path):
    paragraphs = [ten_megabyte_paragraph(number) for number in range(60_000)]
    text = "Title: The harbour council's long record\nDate: 2026-09-03\n\n" + "\n\n".join(paragraphs)
    text += "\n\nThe record ends with this paragraph.\n"
    assert len(text.encode("utf-8")) > 10_000_000
    page = page_text(build(write_content(tmp_path, {"long-record.txt": text})), "long-record")
    assert "discuss levy 59999, and" in page and "The record ends with this paragraph." in page
    assert page.count('<q class="quote"') == 60_000 // 50


def test_huge_titles_and_words_build_with_their_cards(tmp_path: Path):
    long_title = " ".join(["levy"] * 20_000)
    long_word = "Harbour" * 3_000
    content = write_content(tmp_path, {
        "long-title.txt": f"Title: {long_title}\nDate: 2026-09-03\n\n“We will pay,” said Tove Arnlund.\n",
        "long-word.txt": f"Title: {long_word}\nDate: 2026-09-04\n\n“We pay {long_word},” said Tove Arnlund.\n"})
    output = build(content)
    for slug in ("long-title", "long-word"):
        assert (output / "cards" / "articles" / f"{slug}.png").is_file()
    assert long_title in page_text(output, "long-title")


def test_two_articles_for_one_page_keep_the_first_and_skip_the_other(tmp_path: Path):
    second = PLAIN_ARTICLE.replace("Ferry timetable changes", "A second pier story")
    content = write_content(tmp_path, {
        "a/pier.txt": PLAIN_ARTICLE, "b/pier.txt": second,
        "slug-header.txt": "Slug: Pier\n" + second, "escaping-slug.txt": "Slug: ../../people\n" + second})
    with captured_errors() as errors:
        output = build(content)
    assert "Ferry timetable changes" in page_text(output, "pier")
    summary = skipped_summary(errors)
    assert summary.startswith("Skipped 2 files:")
    assert "articles/b/pier.txt: its page articles/pier/index.html is already that of articles/a/pier.txt" in summary
    assert "articles/slug-header.txt: its page articles/pier/index.html" in summary
    assert "A second pier story" in page_text(output, "people")
    assert "<h1>People" in (output / "people" / "index.html").read_text(encoding="utf-8")


def test_a_page_that_would_replace_one_of_the_sites_own_is_skipped(tmp_path: Path):
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE})
    (content / "pages").mkdir()
    (content / "pages" / "people.md").write_text("Title: People\n\nOur own list of people.\n", encoding="utf-8")
    (content / "pages" / "about.md").write_text("Title: About\n\nWho we are.\n", encoding="utf-8")
    (content / "pages" / "about-us.md").write_text("Title: About us\nSlug: about\n\nWho we were.\n",
                                                   encoding="utf-8")
    with captured_errors() as errors:
        output = build(content)
    summary = skipped_summary(errors)
    assert "pages/people.md: its page people/index.html would replace one of the site's own" in summary
    assert "pages/about.md: its page about/index.html is already that of pages/about-us.md" in summary
    assert "Our own list of people" not in (output / "people" / "index.html").read_text(encoding="utf-8")
    assert "Who we were." in (output / "about" / "index.html").read_text(encoding="utf-8")


def test_an_article_s_address_is_worked_out_once_and_every_page_still_links_to_it(tmp_path: Path, monkeypatch):
    from collections import Counter

    from pelican.contents import Article

    worked_out, work_out = Counter(), Article._expand_settings

    def counted(article, key):
        worked_out[article.source_path] += 1
        return work_out(article, key)

    monkeypatch.setattr(Article, "_expand_settings", counted)
    days = range(3, 9)
    content = write_content(tmp_path, {f"ferry-{day}.txt": PLAIN_ARTICLE.replace(
        "for the winter", f"on day {day}").replace("2026-09-03", f"2026-09-0{day}") for day in days})
    output = build(content)
    assert len(worked_out) == len(days) and max(worked_out.values()) <= 6, worked_out
    front_page = (output / "index.html").read_text(encoding="utf-8")
    for day in days:
        assert (output / "articles" / f"ferry-{day}" / "index.html").is_file()
        assert f'href="./articles/ferry-{day}/"' in front_page


def test_an_article_whose_page_would_be_one_of_the_site_s_own_never_replaces_it_quietly(tmp_path: Path):
    content = write_content(tmp_path, {"people.txt": PLAIN_ARTICLE.replace("Source:", "Slug: people\nSource:")})
    with pytest.raises(Exception, match="people/index.html"):
        build(content, ARTICLE_SAVE_AS="{slug}/index.html", ARTICLE_URL="{slug}/")


@pytest.mark.parametrize("case", BAD_REGISTRIES)
def test_a_malformed_registry_is_ignored_with_its_name_and_problem(tmp_path: Path, case: str):
    name, text, reason = BAD_REGISTRIES[case]
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE}, **{name[:-4]: text})
    with captured_errors() as errors:
        output = build(content)
    assert "Tove Arnlund" in page_text(output, "ferry-timetable")
    summary = skipped_summary(errors)
    assert summary.startswith("Skipped 1 file:") and name in summary and reason in summary
    with captured_errors() as errors, pytest.raises(StrictBuildFailed):
        build(content, tmp_path / "strict-output", NEWSDIGEST_STRICT=True)
    assert reason in skipped_summary(errors)


@pytest.mark.parametrize("name", ["people.yml", "topics.yml"])
def test_a_malformed_registry_is_reported_again_when_the_articles_come_from_the_cache(tmp_path: Path, name: str):
    content = write_content(tmp_path, {"ferry-timetable.txt": PLAIN_ARTICLE}, **{name[:-4]: "- name: [broken\n"})
    output = build(content)
    with captured_errors() as errors:
        build(content, output)
    assert f"{name}:1: not valid YAML" in skipped_summary(errors)
