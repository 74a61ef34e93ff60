"""End-to-end: markup in articles, headers, quotes and registries reaches pages, feeds, JSON-LD,
the search index and the social cards only as text, never as live markup."""
from __future__ import annotations

import gzip
import json
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hostile import build, write_content

ARTICLE = """Title: <script>alert('pwned-1')</script> "Harbour" 'levy' ><img src=x onerror=alert('pwned-2')>
Date: 2026-09-03
Source: Port Ansel Post"><script>alert('pwned-3')</script>
Editor: Mira "Kallas" <img src=x onerror=alert('pwned-4')>
Topics: <script>alert('pwned-5')</script>, Maritime" onmouseover="alert('pwned-6')
Summary: </script><script>alert('pwned-7')</script> "quoted" 'single' <b>bold</b>
URL: javascript:alert('pwned-8')

PORT ANSEL — The council met on <script>alert('pwned-9')</script> Tuesday at the harbour. \
<img src=x onerror=alert('pwned-10')> and <a href="javascript:alert('pwned-11')">a link</a>.

“We will not <script>alert('pwned-12')</script> pay,” said Tove Arnlund, the director of the port.

“The levy is </script><script>alert('pwned-13')</script> fair,” said Dara O'Neill, the mayor of Port Ansel.

"Nobody asked us " onerror="alert('pwned-14')," said Kit Varga, who runs the ferry.
"""

UNTITLED_ARTICLE = """<img src=x onerror=alert('pwned-15')> Harbour pilots said on Monday that the dredging \
of the channel had begun, weeks ahead of the plan agreed with the port.

“It is </script>&lt;script&gt;alert('pwned-16') early,” said Tove Arnlund.
"""

PEOPLE = """\
- name: Tove Arnlund
  role: <script>alert('pwned-17')</script>
  bio: 'Director" onerror="alert(''pwned-18'')" <img src=x onerror=alert(''pwned-19'')>'
- name: Dara O'Neill
  role: Mayor of Port Ansel" onmouseover="alert('pwned-20')
  bio: </script><script>alert('pwned-21')</script>
- name: Kit Varga
  aliases: ["<script>alert('pwned-22')</script>"]
  portrait: javascript:alert('pwned-23')
"""

TOPICS = """\
- name: Maritime
  description: <script>alert('pwned-24')</script> ships" onerror="alert('pwned-25')
  keywords: [harbour, ferry]
- name: <img src=x onerror=alert('pwned-26')>
  keywords: [dredging]
"""

HOSTILE_FILE_NAME = "<img src=x onerror=alert('pwned-27')> \"toll\".txt"

URL_ATTRIBUTES = {"href", "src", "action", "formaction", "poster", "data", "cite", "background",
                  "xlink:href", "srcset"}
LIVE_SCHEMES = ("javascript:", "vbscript:", "data:text/html")
HTML_FEED_ELEMENTS = ("description", "{http://purl.org/rss/1.0/modules/content/}encoded")


class LiveMarkup(HTMLParser):
    """What in a page would run: event-handler attributes, script URLs and the text of scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []
        self.scripts: list[tuple[str, str]] = []
        self.script: tuple[str, list[str]] | None = None

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}={value!r}>")
            if name in URL_ATTRIBUTES and (value or "").strip().lower().startswith(LIVE_SCHEMES):
                self.problems.append(f"<{tag} {name}={value!r}>")
        if tag == "script":
            self.script = (dict(attrs).get("type") or "", [])

    def handle_endtag(self, tag):
        if tag == "script" and self.script:
            self.scripts.append((self.script[0], "".join(self.script[1])))
            self.script = None

    def handle_data(self, data):
        if self.script:
            self.script[1].append(data)


def live_markup_in(html: str) -> list[str]:
    """Everything in ``html`` that content could have made live; empty when the page is safe."""
    parser = LiveMarkup()
    parser.feed(html)
    parser.close()
    problems = list(parser.problems)
    for kind, text in parser.scripts:
        if kind == "application/ld+json":
            json.loads(text)
            if "<" in text:
                problems.append(f"'<' inside JSON-LD: {text[:80]!r}")
        elif "pwned" in text:
            problems.append(f"script runs content: {text[:80]!r}")
    return problems


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("hostile-markup")
    content = write_content(root, {"levy-attack.txt": ARTICLE, "dredging.txt": UNTITLED_ARTICLE,
                                   HOSTILE_FILE_NAME: ARTICLE.replace("levy", "toll").replace(
                                       "javascript:", "https://example.org/\" onmouseover=\"")},
                            people=PEOPLE, topics=TOPICS)
    return build(content, NEWSDIGEST_SEARCH=True)


def files(site: Path, pattern: str) -> list[Path]:
    return sorted(path for path in site.rglob(pattern) if "pagefind" not in path.parts)


def test_the_hostile_articles_were_built(site: Path):
    assert (site / "articles" / "levy-attack" / "index.html").is_file()
    assert (site / "articles" / "dredging" / "index.html").is_file()
    assert (site / "articles" / "toll" / "index.html").is_file()


def test_no_page_holds_live_markup_from_content(site: Path):
    pages = files(site, "*.html")
    assert len(pages) > 8
    problems = {page.relative_to(site).as_posix(): live_markup_in(page.read_text(encoding="utf-8"))
                for page in pages}
    assert {page: found for page, found in problems.items() if found} == {}


def test_markup_in_the_body_is_shown_as_text_not_dropped(site: Path):
    page = (site / "articles" / "levy-attack" / "index.html").read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#39;pwned-9&#39;)&lt;/script&gt;" in page or \
        "&lt;script&gt;alert('pwned-9')&lt;/script&gt;" in page


def test_structured_data_carries_hostile_text_as_json_strings(site: Path):
    page = (site / "articles" / "levy-attack" / "index.html").read_text(encoding="utf-8")
    parser = LiveMarkup()
    parser.feed(page)
    data = [json.loads(text) for kind, text in parser.scripts if kind == "application/ld+json"]
    article = next(item for item in data if item.get("@type") == "NewsArticle")
    assert "<script>alert('pwned-1')</script>" in article["headline"]
    assert article["description"].startswith("</script><script>alert('pwned-7')</script> \"quoted\"")


def feed_html_fragments(feed: Path) -> list[str]:
    """The parts of a feed that readers render as HTML: Atom type="html", an RSS item's description
    and content (a channel's description is plain text in RSS 2.0, as Atom's subtitle is)."""
    tree = ElementTree.parse(feed)
    atom = [element.text or "" for element in tree.iter() if element.get("type") == "html"]
    rss = [element.text or "" for item in tree.iter("item") for element in item if element.tag in HTML_FEED_ELEMENTS]
    return atom + rss


def test_feeds_are_well_formed_and_their_html_is_inert(site: Path):
    feeds = files(site / "feeds", "*.xml")
    assert feeds
    for feed in feeds:
        tree = ElementTree.parse(feed)
        links = [element.get("href", "") for element in tree.iter()] + \
                [element.text or "" for element in tree.iter() if element.tag == "link"]
        assert not [link for link in links if link.strip().lower().startswith(LIVE_SCHEMES)], feed
        for fragment in feed_html_fragments(feed):
            assert live_markup_in(fragment) == [], feed


def test_sitemap_and_json_files_parse(site: Path):
    ElementTree.parse(site / "sitemap.xml")
    for data in files(site, "*.json"):
        json.loads(data.read_text(encoding="utf-8"))


def pagefind_records(site: Path) -> list[dict]:
    """The search index's page records (gzip, a 12-byte signature, then JSON)."""
    return [json.loads(gzip.decompress(fragment.read_bytes())[len(b"pagefind_dcd"):])
            for fragment in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment"))]


def test_search_data_holds_content_as_text_that_pagefind_escapes_before_showing(site: Path):
    records = pagefind_records(site)
    assert any("pwned-12" in record["content"] for record in records)
    pagefind_script = (site / "pagefind" / "pagefind.js").read_text(encoding="utf-8")
    assert 'content.replace(/</g,"&lt;")' in pagefind_script, "Pagefind no longer escapes excerpts"


def test_social_cards_are_valid_images(site: Path):
    from PIL import Image

    cards = files(site, "*.png")
    assert cards
    for card in cards:
        with Image.open(card) as image:
            image.verify()
