"""Link check over the built sample site: every internal href and src resolves to a file in the output.

Internal means relative, root-relative, or under SITEURL; a directory URL means its index.html;
fragments and queries are ignored. Feeds, the search index and cards are plugins of the site, so
links into feeds/, pagefind/ and cards/ must resolve like any other.
"""
from __future__ import annotations

import posixpath
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from hostile import build

from conftest import ROOT

PUBLIC_SITEURL = "https://news.example.org"
LINK_ATTRIBUTES = {"href", "src"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.urls += [value for name, value in attrs if name in LINK_ATTRIBUTES and value]
        srcset = dict(attrs).get("srcset")
        if srcset:
            self.urls += [candidate.split()[0] for candidate in srcset.split(",") if candidate.strip()]


def links_of(page: Path) -> list[str]:
    parser = Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.urls


def target_of(url: str, page: str, siteurl: str) -> str | None:
    """The output path (posix, from the output's root) an internal URL points at; None if external."""
    if siteurl and (url == siteurl or url.startswith(siteurl + "/")):
        url = url[len(siteurl):] or "/"
    parts = urlsplit(url)
    if parts.scheme or parts.netloc or not parts.path:
        return None
    path = unquote(parts.path)
    base = "/" if path.startswith("/") else posixpath.dirname("/" + page) + "/"
    resolved = posixpath.normpath(posixpath.join(base, path))
    if path.endswith("/") and resolved != "/":
        resolved += "/"
    return resolved.lstrip("/")


def exists_in(output: Path, target: str) -> bool:
    if target == ".." or target.startswith("../"):
        return False
    path = output / target
    if not target or target.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path.is_file()


def broken_links(output: Path, siteurl: str) -> dict[str, list[str]]:
    broken = {}
    for page in sorted(output.rglob("*.html")):
        name = page.relative_to(output).as_posix()
        targets = [(url, target_of(url, name, siteurl)) for url in links_of(page)]
        missing = [url for url, target in targets if target is not None and not exists_in(output, target)]
        if missing:
            broken[name] = sorted(set(missing))
    return broken


@pytest.fixture(scope="module")
def published_site(tmp_path_factory) -> Path:
    """The sample built with absolute URLs, as ``make publish`` builds it."""
    base = tmp_path_factory.mktemp("published")
    return build(ROOT / "content", base / "output", SITEURL=PUBLIC_SITEURL, RELATIVE_URLS=False,
                 NEWSDIGEST_SEARCH=True)


def test_no_broken_internal_links_in_the_local_build(sample_site: Path):
    assert len(list(sample_site.rglob("*.html"))) > 20
    assert broken_links(sample_site, "") == {}


def test_no_broken_internal_links_in_the_published_build(published_site: Path):
    assert broken_links(published_site, PUBLIC_SITEURL) == {}


def test_the_checker_sees_a_broken_link(tmp_path: Path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "index.html").write_text(
        '<a href="../b/">b</a><img src="/missing.png"><a href="#top">top</a><a href="https://x.org/">x</a>'
        '<a href="../a/#part">self</a><a href="../../outside.html">out</a>', encoding="utf-8")
    assert broken_links(tmp_path, "") == {"a/index.html": ["../../outside.html", "../b/", "/missing.png"]}
