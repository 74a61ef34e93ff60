"""Pelican's content cache: loaded while only files change, not loaded once registries or settings change."""
from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from conftest import ROOT, build_site
from newsdigest.site.cache import check_content_cache, record_content_cache

ARTICLE = "Title: Ferry row\nDate: 2026-03-01\n\n“We will not wait,” Aino Tamm said on Monday.\n"


@pytest.fixture
def content(tmp_path: Path) -> Path:
    folder = tmp_path / "content"
    (folder / "articles").mkdir(parents=True)
    shutil.copy(ROOT / "content" / "people.yml", folder / "people.yml")
    (folder / "articles" / "ferry-row.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def loads_cache(content: Path, tmp_path: Path, **settings) -> bool:
    """Whether a build of ``content`` with ``settings`` would load the content cache, recording it as written."""
    pelican = SimpleNamespace(settings={"PATH": str(content), "CACHE_PATH": str(tmp_path / "cache"),
                                        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, **settings})
    check_content_cache(pelican)
    record_content_cache(pelican)
    return pelican.settings["LOAD_CONTENT_CACHE"]


def test_the_cache_is_loaded_until_registries_or_settings_change(content: Path, tmp_path: Path):
    assert not loads_cache(content, tmp_path)
    assert loads_cache(content, tmp_path)
    people = content / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + "\n- name: Tove Arnlund\n", encoding="utf-8")
    assert not loads_cache(content, tmp_path)
    assert loads_cache(content, tmp_path)
    assert not loads_cache(content, tmp_path, NEWSDIGEST_DISCOVER_TOPICS=False)


def test_a_rebuild_from_the_cache_writes_the_same_article_page(content: Path, tmp_path: Path):
    cached = {"NEWSDIGEST_SEARCH": False, "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True}
    page = build_site(content, tmp_path / "output", **cached) / "articles" / "ferry-row" / "index.html"
    first = page.read_text(encoding="utf-8")
    build_site(content, tmp_path / "output", **cached)
    assert page.read_text(encoding="utf-8") == first
