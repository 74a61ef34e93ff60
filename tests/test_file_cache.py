"""The file cache behind cards and feeds: made once per key, linked into place, old entries forgotten."""
from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from conftest import build_site
from newsdigest.filecache import FileCache, place, place_all
from newsdigest.files import read_pickle, write_pickle, write_whole


class CountingMaker:
    def __init__(self, text: str):
        self.text, self.calls = text, 0

    def __call__(self, path: Path) -> None:
        self.calls += 1
        path.write_text(self.text, encoding="utf-8")


def test_a_file_is_made_once_per_key_and_put_at_every_target(tmp_path: Path):
    cache, make = FileCache(tmp_path / "cache", ".xml"), CountingMaker("<feed/>")
    assert cache.write("k1", tmp_path / "out" / "a.xml", make)
    assert not cache.write("k1", tmp_path / "out" / "b.xml", make)
    assert make.calls == 1
    assert (tmp_path / "out" / "a.xml").read_text() == (tmp_path / "out" / "b.xml").read_text() == "<feed/>"


def test_a_file_is_placed_by_a_link_over_what_was_there_and_into_missing_folders(tmp_path: Path):
    source = tmp_path / "cache" / "page.html"
    source.parent.mkdir()
    source.write_text("cached", encoding="utf-8")
    there = tmp_path / "out" / "old.html"
    there.parent.mkdir()
    there.write_text("stale", encoding="utf-8")
    deep = tmp_path / "out" / "people" / "ada-vell" / "index.html"
    for target in (there, deep):
        place(source, target)
        assert target.read_text(encoding="utf-8") == "cached" and target.stat().st_ino == source.stat().st_ino
    with pytest.raises(FileNotFoundError):
        place(tmp_path / "cache" / "missing.html", tmp_path / "out" / "new" / "index.html")
    assert not (tmp_path / "out" / "new").exists()


def test_files_placed_by_a_child_process_are_links_to_their_sources_even_with_odd_names(tmp_path: Path):
    names = ["plain.html", "with space.html", "naïve – ünïcode.html", "new\nline.html"]
    sources = []
    for name in names:
        sources.append(tmp_path / "site" / name)
        sources[-1].parent.mkdir(exist_ok=True)
        sources[-1].write_text(name, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "plain.html").write_text("stale", encoding="utf-8")
    place_all((source, tmp_path / "out" / "deep" / source.name if source.name != "plain.html"
               else tmp_path / "out" / source.name) for source in sources)
    placed = sorted(path for path in (tmp_path / "out").rglob("*.html"))
    assert sorted(path.read_text(encoding="utf-8") for path in placed) == sorted(names)
    assert all(path.stat().st_ino in {source.stat().st_ino for source in sources} for path in placed)


def test_placing_a_missing_file_raises_naming_it(tmp_path: Path):
    with pytest.raises(OSError, match="gone.html"):
        place_all([(tmp_path / "gone.html", tmp_path / "out" / "gone.html")])


def test_a_maker_that_fails_leaves_nothing_cached(tmp_path: Path):
    cache = FileCache(tmp_path / "cache", ".xml")

    def broken(path: Path) -> None:
        path.write_text("half", encoding="utf-8")
        raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        cache.write("k1", tmp_path / "out.xml", broken)
    assert list((tmp_path / "cache").iterdir()) == []
    assert cache.write("k1", tmp_path / "out.xml", CountingMaker("whole"))
    assert (tmp_path / "out.xml").read_text() == "whole"


def test_a_file_made_elsewhere_is_kept_by_a_link_and_found_by_its_key(tmp_path: Path):
    cache, page = FileCache(tmp_path / "cache", ".html"), tmp_path / "out" / "page.html"
    page.parent.mkdir()
    page.write_text("<p>kept</p>", encoding="utf-8")
    assert cache.cached("k1") is None
    cache.keep("k1", page)
    cache.keep("k1", page)
    assert cache.cached("k1").read_text(encoding="utf-8") == "<p>kept</p>"
    page.unlink()
    assert cache.cached("k1").read_text(encoding="utf-8") == "<p>kept</p>", "removing the output keeps the entry"


def test_files_unused_for_the_given_time_are_forgotten(tmp_path: Path):
    cache = FileCache(tmp_path / "cache", ".xml")
    cache.write("old", tmp_path / "old.xml", CountingMaker("old"))
    cache.write("new", tmp_path / "new.xml", CountingMaker("new"))
    long_ago = time.time() - 3600
    os.utime(tmp_path / "cache" / "old.xml", (long_ago, long_ago))
    assert cache.forget_unused_since(60) == 1
    assert [path.name for path in (tmp_path / "cache").iterdir()] == ["new.xml"]


def test_a_file_used_again_is_kept_without_its_modification_time_changing(tmp_path: Path):
    cache = FileCache(tmp_path / "cache", ".xml")
    cache.write("old", tmp_path / "old.xml", CountingMaker("old"))
    long_ago = time.time() - 3600
    os.utime(tmp_path / "cache" / "old.xml", (long_ago, long_ago))
    made = (tmp_path / "old.xml").stat().st_mtime_ns
    cache.write("old", tmp_path / "again.xml", CountingMaker("never made"))
    assert (tmp_path / "again.xml").stat().st_mtime_ns == made == (tmp_path / "cache" / "old.xml").stat().st_mtime_ns
    assert cache.forget_unused_since(60) == 0
    assert (tmp_path / "again.xml").read_text(encoding="utf-8") == "old"


def test_a_rebuild_writes_anew_only_the_feeds_whose_entries_changed(tmp_path: Path):
    content = tmp_path / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "ferry.txt").write_text(
        "Title: Ferry row\nDate: 2026-03-01\n\n“We will not wait,” Aino Tamm said on Monday.\n", encoding="utf-8")
    (content / "articles" / "pier.txt").write_text(
        "Title: Pier vote\nDate: 2026-03-02\n\n“The pier stays,” Jon Vesik said.\n", encoding="utf-8")
    feeds = tmp_path / "output-cache" / "newsdigest-feeds"
    output = build_site(content, tmp_path / "output", NEWSDIGEST_SEARCH=False)
    first = {path.relative_to(output): path.read_bytes() for path in (output / "feeds").rglob("*.xml")}
    cached = set(feeds.iterdir())
    build_site(content, tmp_path / "output", NEWSDIGEST_SEARCH=False)
    assert {path.relative_to(output): path.read_bytes() for path in (output / "feeds").rglob("*.xml")} == first
    assert set(feeds.iterdir()) == cached
    (content / "articles" / "pier.txt").write_text(
        "Title: Pier vote\nDate: 2026-03-02\n\n“The pier stays open,” Jon Vesik said.\n", encoding="utf-8")
    build_site(content, tmp_path / "output", NEWSDIGEST_SEARCH=False)
    made = set(feeds.iterdir()) - cached
    assert made and len(made) < len(cached), "only the feeds holding the changed article are written anew"
    assert b"The pier stays open" in (output / "feeds" / "all.atom.xml").read_bytes()
    assert (output / "feeds" / "all.atom.xml").read_bytes() != first[Path("feeds/all.atom.xml")]


def test_a_file_written_whole_replaces_the_old_one_only_once_written(tmp_path: Path):
    target = tmp_path / "folder" / "facts.pickle"
    write_pickle({"a": 1}, target)
    assert read_pickle(target) == {"a": 1}

    def fails_halfway(path: Path) -> None:
        path.write_bytes(b"half")
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_whole(target, fails_halfway)
    assert read_pickle(target) == {"a": 1} and os.listdir(target.parent) == ["facts.pickle"]
    target.write_bytes(b"not a pickle")
    assert read_pickle(target) is None and read_pickle(tmp_path / "missing.pickle") is None
