"""The hand-annotated seed article, when the shared evaluation data is present."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsdigest.clean import clean_article
from newsdigest.quotes import extract_quotes

SEED = Path(__file__).resolve().parents[2] / "shared" / "eval" / "seed"


@pytest.fixture(scope="module")
def seed():
    if not (SEED / "gold.jsonl").exists():
        pytest.skip(f"no shared evaluation data at {SEED}")
    [record] = [json.loads(line) for line in (SEED / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    raw = (SEED / "text" / record["file"]).read_text(encoding="utf-8")
    article = clean_article(raw, record["file"])
    quotes = [q.shifted_to_source(article.offsets) for q in extract_quotes(article.text)]
    return raw, record["quotes"], quotes


def quote_at(quotes, start: int, end: int):
    return max(quotes, key=lambda q: min(q.end, end) - max(q.start, start))


def test_every_gold_quote_is_found_with_its_speaker(seed):
    raw, gold, quotes = seed
    for item in gold:
        [(start, end)] = item["content_spans"]
        found = quote_at(quotes, start + 1, end - 1)
        assert min(found.end, end) - max(found.start, start) > (end - start) // 2, item["content"]
        if item.get("name"):
            assert found.speaker == item["name"]
            assert found.speaker_kind == "person"
        else:
            assert found.speaker_kind in ("organisation", "document"), (item["content"], found)
            assert found.speaker is not None
