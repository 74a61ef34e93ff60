"""End-to-end: two builds of the same content are byte-identical, over the whole output tree.

Nothing is excluded: pages, feeds, sitemap, cards, the search index and the theme's files are all
compared. The builds run with the same settings as ``make html`` (search included): a second
build over the first, with its caches warm, and a third into another folder, so no output may
depend on the caches, on where it was written, on the clock or on the order in which the file
system lists files. The content's file times are fixed, as articles
without a date are dated by their file's time.
"""
from __future__ import annotations

import os
import shutil
from pathlib import Path

from hostile import FIXED_TIME, build, tree

from conftest import ROOT


def fixed_time_copy(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    for path in target.rglob("*"):
        os.utime(path, (FIXED_TIME, FIXED_TIME))
    return target


def test_builds_of_the_sample_are_byte_identical(tmp_path: Path):
    content = fixed_time_copy(ROOT / "content", tmp_path / "content")
    output = tmp_path / "first" / "output"
    first = tree(build(content, output, NEWSDIGEST_SEARCH=True))
    assert len(first) > 50
    for again in (output, tmp_path / "elsewhere" / "output"):
        second = tree(build(content, again, NEWSDIGEST_SEARCH=True))
        assert sorted(second) == sorted(first)
        assert [name for name in first if first[name] != second[name]] == []
