"""The extraction cache: the same digest back, and a miss whenever text, registries or extractor change."""
from __future__ import annotations

from pathlib import Path

import pytest

from newsdigest.cache import EXTRACTION_MODULES, PACKAGE, ExtractionCache, modules_used_by
from newsdigest.clean import read_article
from newsdigest.digest import digest_article, digest_text
from newsdigest.errors import ContentError
from newsdigest.render import render_body_html

ARTICLE = "Title: Ferry row\nDate: 2026-03-01\n\n“We will not wait,” Aino Tamm said on Monday.\n"


class CountingExtractor:
    """``digest_text`` over the file, counting the calls."""

    def __init__(self):
        self.calls = 0

    def __call__(self, path: str):
        self.calls += 1
        return digest_text(Path(path).read_text(encoding="utf-8"), path)


def read_and_digest(path: str):
    return digest_article(read_article(path))


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "ferry-row.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def cache_in(tmp_path: Path, registries: bytes = b"people", version: str = "v1") -> ExtractionCache:
    return ExtractionCache(tmp_path / "cache", registries, version)


def test_a_second_read_returns_the_same_digest_without_extracting(tmp_path: Path, article: Path):
    extract = CountingExtractor()
    first = cache_in(tmp_path).digest_of_file(str(article), extract)
    again = cache_in(tmp_path).digest_of_file(str(article), extract)
    assert again == first == digest_text(ARTICLE, str(article))
    assert extract.calls == 1


def test_changed_text_is_extracted_again(tmp_path: Path, article: Path):
    extract = CountingExtractor()
    cache_in(tmp_path).digest_of_file(str(article), extract)
    article.write_text(ARTICLE.replace("Monday", "Tuesday"), encoding="utf-8")
    digest = cache_in(tmp_path).digest_of_file(str(article), extract)
    assert extract.calls == 2 and "Tuesday" in digest.article.text


@pytest.mark.parametrize("changed", [{"registries": b"people, edited"}, {"version": "v2"}])
def test_changed_registries_or_extractor_are_a_miss(tmp_path: Path, article: Path, changed: dict):
    extract = CountingExtractor()
    cache_in(tmp_path).digest_of_file(str(article), extract)
    cache_in(tmp_path, **changed).digest_of_file(str(article), extract)
    assert extract.calls == 2


def test_an_unreadable_entry_is_a_miss(tmp_path: Path, article: Path):
    extract = CountingExtractor()
    cache = cache_in(tmp_path)
    cache.digest_of_file(str(article), extract)
    for entry in (tmp_path / "cache").glob("*/*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert cache_in(tmp_path).digest_of_file(str(article), extract) == digest_text(ARTICLE, str(article))
    assert extract.calls == 2


def test_pruning_keeps_only_the_entries_a_build_used(tmp_path: Path, article: Path):
    extract = CountingExtractor()
    cache_in(tmp_path, version="old").digest_of_file(str(article), extract)
    current = cache_in(tmp_path)
    current.digest_of_file(str(article), extract)
    assert current.prune() == 1
    assert [entry.stem for entry in (tmp_path / "cache").glob("*/*.pickle")] == list(current.used)


def test_files_extracted_ahead_in_workers_give_the_same_digests(tmp_path: Path):
    texts = {tmp_path / f"article-{number}.txt": ARTICLE.replace("Monday", f"day {number}") for number in range(40)}
    for path, text in texts.items():
        path.write_text(text, encoding="utf-8")
    extract, cache = CountingExtractor(), cache_in(tmp_path)
    assert cache.extract_ahead([str(path) for path in texts], extract, workers=2) == 40
    for path, text in texts.items():
        assert cache.digest_of_file(str(path), extract) == digest_text(text, str(path))
    assert extract.calls == 0, "every file was extracted by a worker process"
    assert cache.workers is None and not cache.ahead
    assert len(list((tmp_path / "cache").glob("*/*.pickle"))) == 40


def test_too_few_files_or_one_worker_are_extracted_in_the_build_itself(tmp_path: Path, article: Path):
    cache = cache_in(tmp_path)
    assert cache.extract_ahead([str(article)], CountingExtractor(), workers=2) == 0
    assert cache.extract_ahead([str(article)] * 40, CountingExtractor(), workers=1) == 0
    assert cache.workers is None


def test_an_error_in_a_worker_reaches_the_build_naming_the_file(tmp_path: Path):
    paths = [tmp_path / f"article-{number}.txt" for number in range(40)]
    for path in paths:
        path.write_text(ARTICLE, encoding="utf-8")
    paths[7].write_bytes(b"")
    cache = cache_in(tmp_path)
    cache.extract_ahead([str(path) for path in paths], read_and_digest, workers=2)
    with pytest.raises(ContentError) as raised:
        cache.digest_of_file(str(paths[7]), read_and_digest)
    assert raised.value.file == str(paths[7]) and "empty" in str(raised.value)
    cache.stop_workers()


def test_the_site_s_extraction_inputs_change_with_registries_and_topic_discovery(tmp_path: Path):
    from newsdigest.site.cache import extraction_inputs

    settings = {"PATH": str(tmp_path)}
    before = extraction_inputs(settings)
    assert extraction_inputs({**settings, "NEWSDIGEST_DISCOVER_TOPICS": False}) != before
    (tmp_path / "topics.yml").write_text("- name: Harbours\n", encoding="utf-8")
    assert extraction_inputs(settings) != before


def test_a_digest_kept_by_the_site_keeps_text_quotes_and_topics_and_its_body_but_not_the_way_back():
    raw = "Title: Ferry row\nDate: 2026-03-01\n\nAdvertisement\n\n“We will not wait,” Aino Tamm said on Monday.\n"
    digest = digest_text(raw, "ferry-row.txt")
    kept = digest.for_a_site()
    assert digest.article.removed and digest.article.offsets.segments and digest.body_html is None
    assert (kept.article.text, kept.article.metadata, kept.quotes, kept.topics) == (
        digest.article.text, digest.article.metadata, digest.quotes, digest.topics)
    assert not kept.article.removed and not kept.article.offsets.segments
    assert kept.body_html == render_body_html(digest.article.text, digest.quotes)
    assert '<q class="quote" data-speaker="Aino Tamm"' in kept.body_html


def test_a_file_whose_key_was_worked_out_ahead_is_not_read_and_hashed_again(tmp_path: Path, article: Path,
                                                                            monkeypatch):
    from newsdigest.cache import DigestStore

    extract = CountingExtractor()
    cache_in(tmp_path).digest_of_file(str(article), extract)
    cache = cache_in(tmp_path)
    assert cache.extract_ahead([str(article)], extract, workers=1) == 0
    hashed = []
    key_of_file = DigestStore.key_of_file
    monkeypatch.setattr(DigestStore, "key_of_file", lambda store, path: hashed.append(path) or key_of_file(store, path))
    assert cache.digest_of_file(str(article), extract).quotes[0].speaker == "Aino Tamm"
    assert hashed == [] and extract.calls == 1
    cache.stop_ahead()
    cache.digest_of_file(str(article), extract)
    assert hashed == [str(article)] and extract.calls == 1


def test_the_extractor_s_version_follows_the_imports_of_extraction_and_nothing_else(tmp_path: Path):
    package = tmp_path / "pkg"
    (package / "sub").mkdir(parents=True)
    (package / "start.py").write_text("import os\nfrom .near import x\nfrom . import other\n")
    (package / "near.py").write_text("from pkg.far import y\nimport pkg.sub.inner\n")
    (package / "far.py").write_text("def y(): pass\n")
    (package / "other.py").write_text("")
    (package / "sub" / "inner.py").write_text("")
    (package / "unused.py").write_text("from .start import x\n")
    used = modules_used_by(["start.py"], package)
    assert {path.relative_to(package).as_posix() for path in used} == {
        "start.py", "near.py", "far.py", "other.py", "sub/inner.py"}
    extraction = {path.name for path in modules_used_by(EXTRACTION_MODULES, PACKAGE)}
    assert {"quotes.py", "names.py", "clean.py", "model.py", "topics.py"} <= extraction
    assert not {"cards.py", "bench.py", "cli.py", "filecache.py"} & extraction
