"""The cleaner on the shared seed and evaluation texts (read and measured, never copied) and from the command line."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsdigest.clean import read_article, read_article_text

SHARED = Path(__file__).resolve().parent.parent.parent / "shared"
SEED = SHARED / "seeds" / "000_09faeee6b37f03b2.txt"
POLNEAR = SHARED / "eval" / "polnear-dev"
QUOTE_MARK = re.compile("[\"“”]")
NOT_ARTICLE_PARAGRAPHS = {"headline", "subtitle"}

needs_seed = pytest.mark.skipif(not SEED.exists(), reason=f"the shared seed article {SEED} is not present")
needs_polnear = pytest.mark.skipif(not POLNEAR.exists(), reason=f"the PolNeAR dev set {POLNEAR} is not present")


def source_lines_of(text: str) -> list[str]:
    return [line.strip() for line in text.split("\n") if line.strip()]


@pytest.fixture(scope="module")
def seed():
    return read_article(SEED)


@pytest.fixture(scope="module")
def articles():
    return [(path, read_article_text(path)[0], read_article(path)) for path in sorted((POLNEAR / "text").glob("*.txt"))]


@needs_seed
class TestSeed:
    def test_every_article_paragraph_is_kept(self, seed):
        raw, _ = read_article_text(SEED)
        lines = source_lines_of(raw)
        trailer_start = next(i for i, line in enumerate(lines) if line.startswith("Editorial Context"))
        article = [line for line in lines[:trailer_start] if "JavaScript" not in line]
        kept = seed.paragraphs()
        assert len(kept) == len(article)
        for original, cleaned in zip(article, kept):
            assert cleaned == original.replace("Merzsaid", "Merz said")

    def test_no_boilerplate_is_left(self, seed):
        for phrase in ("JavaScript", "Editorial", "Methodology", "Verified Source", "Fact-Check"):
            assert phrase not in seed.text

    def test_glued_name_is_repaired(self, seed):
        assert "Friedrich Merz said" in seed.text and "Merzsaid" not in seed.text

    def test_trailer_metadata(self, seed):
        assert seed.metadata["source"] == "Deutsche Welle"
        assert seed.metadata["editor"] == "Fatima Al-Hassan"
        assert seed.metadata["editor_role"] == "Senior Editor"
        assert seed.metadata["desk"] == "World"
        assert seed.metadata["fact_checked"] == "yes"

    def test_removed_lines_name_their_family(self, seed):
        reasons = {line.reason for line in seed.removed}
        assert reasons == {"video notice", "editorial trailer"}

    def test_offsets_point_at_the_same_characters(self, seed):
        raw, _ = read_article_text(SEED)
        for start, source, length in seed.offsets.segments:
            assert seed.text[start:start + length] == raw[source:source + length]
        merz = seed.text.index("Merz said")
        assert raw[seed.offsets.to_source(merz):].startswith("Merzsaid")


@needs_polnear
class TestPolnear:
    def test_no_line_with_a_quotation_mark_in_an_article_paragraph_is_removed(self, articles):
        removed = [(path.name, line.line, line.reason) for path, _, article in articles for line in article.removed
                   if QUOTE_MARK.search(line.text) and line.reason not in NOT_ARTICLE_PARAGRAPHS]
        assert removed == []

    def test_every_gold_quote_survives_cleaning(self, articles):
        gold = {json.loads(line)["file"]: json.loads(line) for line in (POLNEAR / "gold.jsonl").open(encoding="utf-8")}
        lost = []
        for path, raw, article in articles:
            copied = bytearray(len(raw))
            for _, source, length in article.offsets.segments:
                copied[source:source + length] = b"\x01" * length
            for quote in gold.get(path.name, {}).get("quotes", []):
                for start, end in quote["content_spans"]:
                    if sum(copied[start:end]) < 0.9 * (end - start):
                        lost.append((path.name, start, end))
        assert lost == []

    def test_offsets_are_valid_everywhere(self, articles):
        for _, raw, article in articles:
            for start, source, length in article.offsets.segments:
                assert article.text[start:start + length] == raw[source:source + length]

    def test_every_article_has_a_headline_title(self, articles):
        assert [path.name for path, _, article in articles if article.title_derived] == []


def run_command(*args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "newsdigest.cli", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120,
                          env={"PYTHONPATH": str(Path(__file__).resolve().parent.parent / "plugins")})


class TestCommand:
    def test_clean_json_prints_one_object_per_good_file_and_reports_bad_ones(self, tmp_path):
        good = tmp_path / "good.txt"
        good.write_text("Ferry Back\n\nThe Norrvik ferry runs again, the harbour master said on Tuesday.\n",
                        encoding="utf-8")
        empty = tmp_path / "empty.txt"
        empty.write_bytes(b"")
        bad_date = tmp_path / "bad-date.txt"
        bad_date.write_text("Title: Ferry\nDate: 2025-13-45\n\nText of the story goes here.\n", encoding="utf-8")
        result = run_command("clean", "--json", str(empty), str(good), str(bad_date))
        assert result.returncode == 1
        objects = [json.loads(line) for line in result.stdout.splitlines()]
        assert [(item["file"], item["title"]) for item in objects] == [(str(good), "Ferry Back")]
        assert {"file", "title", "text", "metadata", "removed", "warnings"} <= set(objects[0])
        errors = result.stderr.splitlines()
        assert errors == [f"newsdigest: {empty}: empty file",
                          f"newsdigest: {bad_date}:2: header key 'Date' on line 2: impossible date '2025-13-45' "
                          "(month must be in 1..12)"]
        assert "Traceback" not in result.stderr

    def test_quotes_command_reads_through_the_same_decoder(self, tmp_path):
        path = tmp_path / "old.txt"
        path.write_bytes("Ferry Back\r\n\r\n\x93We are ready,\x94 Varga said.\r\n".encode("latin-1"))
        result = run_command("quotes", "--json", str(path))
        assert result.returncode == 0, result.stderr
