"""The theme on every built page: landmarks, social tags, search, own assets, readable colours, escaping."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from conftest import ROOT, build_site

THEME = ROOT / "theme"
CSS = (THEME / "static" / "css" / "site.css").read_text(encoding="utf-8")


class Elements(HTMLParser):
    """Every start tag of a page with its attributes, and the text of its title."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {name: value or "" for name, value in attrs}))

    def all(self, tag: str, **wanted) -> list[dict]:
        return [attrs for name, attrs in self.tags
                if name == tag and all(attrs.get(key.replace("_", "-")) == value for key, value in wanted.items())]

    def meta(self, key: str) -> str | None:
        found = self.all("meta", property=key) or self.all("meta", name=key)
        return found[0].get("content") if found else None


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.fixture(scope="module")
def parsed(sample_site: Path) -> dict[str, Elements]:
    return {str(page.relative_to(sample_site)): Elements(page.read_text(encoding="utf-8"))
            for page in html_pages(sample_site) if not page.relative_to(sample_site).parts[0] == "pagefind"}


def test_every_page_has_landmarks_a_skip_link_and_one_main_heading(parsed, sample_site):
    for name, page in parsed.items():
        html = (sample_site / name).read_text(encoding="utf-8")
        assert page.all("html")[0].get("lang"), name
        assert page.all("a", href="#main", **{"class": "skip-link"}), name
        assert page.all("main", id="main") and page.all("header") and page.all("footer"), name
        assert page.all("nav", aria_label="Main"), name
        assert len(re.findall(r"<h1[ >]", html)) == 1, name


def test_every_page_has_the_search_box_and_its_scripts_from_the_site_itself(parsed):
    for name, page in parsed.items():
        assert page.all("div", id="search"), name
        scripts = [attrs["src"] for attrs in page.all("script") if "src" in attrs]
        assert any(src.endswith("pagefind/pagefind-ui.js") for src in scripts), name


def test_no_page_loads_anything_from_another_host(parsed):
    for name, page in parsed.items():
        loaded = [attrs["src"] for tag in ("img", "script", "source", "iframe") for attrs in page.all(tag) if "src" in attrs]
        loaded += [attrs["href"] for attrs in page.all("link") if attrs.get("rel") in ("stylesheet", "preload", "icon")]
        assert not [url for url in loaded if urlsplit(url).netloc], name


def test_every_image_has_alt_text(parsed):
    for name, page in parsed.items():
        assert all("alt" in attrs for attrs in page.all("img")), name


def test_every_page_has_open_graph_and_large_card_tags(parsed):
    for name, page in parsed.items():
        kind = "article" if name.startswith("articles/") else "website"
        assert page.meta("og:type") == kind, name
        assert page.meta("twitter:card") == "summary_large_image", name
        for key in ("og:title", "og:description", "og:site_name"):
            assert page.meta(key), (name, key)
        assert page.meta("og:image").endswith(".png"), name
        if name != "404.html":
            assert page.meta("og:url") and page.all("link", rel="canonical"), name


def test_canonical_address_is_the_page_itself(parsed):
    for name, page in parsed.items():
        if name == "404.html":
            continue
        canonical = page.all("link", rel="canonical")[0]["href"]
        expected = name.removesuffix("index.html")
        assert canonical.lstrip("./").rstrip("/") == expected.rstrip("/") or canonical.endswith("/" + expected), name


def test_the_fonts_and_their_licence_ship_with_the_theme():
    fonts = THEME / "static" / "fonts"
    for font in re.findall(r'url\("\.\./fonts/([^"]+)"\)', CSS):
        assert (fonts / font).is_file(), font
    licence = (fonts / "OFL.txt").read_text(encoding="utf-8")
    assert "SIL OPEN FONT LICENSE Version 1.1" in licence and "Lato" in licence
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", CSS), "the stylesheet loads from another host"


def custom_properties(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):\s*(#[0-9a-fA-F]{6})", block))


def relative_luminance(hex_colour: str) -> float:
    channels = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


LIGHT = custom_properties(CSS[CSS.index(":root {"):CSS.index("}", CSS.index(":root {"))])
DARK = LIGHT | custom_properties(CSS[CSS.index("prefers-color-scheme: dark"):])


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize("text, ground", [("fg", "bg"), ("muted", "bg"), ("accent", "bg"), ("fg", "quote-bg"),
                                          ("fg", "surface"), ("muted", "surface"), ("accent", "surface")])
def test_colours_meet_wcag_aa_contrast(scheme, text, ground):
    assert contrast(scheme[text], scheme[ground]) >= 4.5


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
def test_focus_outline_and_form_borders_stand_out_from_the_page(scheme):
    assert contrast(scheme["accent"], scheme["bg"]) >= 3 and contrast(scheme["muted"], scheme["bg"]) >= 3


def test_stylesheet_has_dark_mode_visible_focus_and_a_readable_measure():
    assert "@media (prefers-color-scheme: dark)" in CSS
    assert re.search(r":focus-visible\s*{[^}]*outline:\s*3px solid", CSS)
    assert re.search(r"--measure:\s*(6\d|7[0-5])ch", CSS)


def test_home_page_groups_the_digest_by_day_newest_first(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    days = re.findall(r'<h2 class="day-heading"[^>]*><time datetime="([\d-]+)">', home)
    assert len(days) >= 2 and days == sorted(days, reverse=True) and len(set(days)) == len(days)


def test_home_page_lists_the_busiest_topics_first(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    busiest = home[home.index('id="busiest-heading"'):]
    counts = [int(count) for count in re.findall(r'<span class="count">(\d+) articles?</span>', busiest)]
    assert counts and counts == sorted(counts, reverse=True)


def test_home_page_shows_latest_quotes_linked_to_their_speakers(sample_site):
    home = (sample_site / "index.html").read_text(encoding="utf-8")
    cards = re.findall(r'<figure class="quote-card">.*?</figure>', home, re.S)
    assert cards
    for card in cards:
        speaker = re.search(r'— <a href="\./(people/[^"]+/)">', card).group(1)
        assert (sample_site / speaker / "index.html").is_file()


def article_pages(site: Path) -> dict[str, str]:
    return {page.parent.name: page.read_text(encoding="utf-8") for page in (site / "articles").glob("*/index.html")}


def test_article_bodies_are_marked_for_search_with_quotes_highlighted(sample_site):
    pages = article_pages(sample_site)
    assert all('<article class="article" data-pagefind-body>' in html for html in pages.values())
    assert any('<q class="quote"' in html and '<a class="speaker"' in html for html in pages.values())


def test_older_and_newer_links_walk_every_article_in_date_order(sample_site):
    pages = article_pages(sample_site)
    newest = [slug for slug, html in pages.items() if 'class="newer"' not in html]
    assert len(newest) == 1
    seen, slug = [], newest[0]
    while slug:
        seen.append(slug)
        older = re.search(r'<a class="older" rel="prev" href="[./]*articles/([^/]+)/">', pages[slug])
        slug = older.group(1) if older else None
    assert sorted(seen) == sorted(pages)


def test_related_articles_share_a_topic_or_a_person(sample_site):
    pages = article_pages(sample_site)

    def links(html: str, label: str) -> set[str]:
        found = re.search(rf"<dt>{label}</dt><dd>(.*?)</dd>", html, re.S)
        return set(re.findall(r">([^<]+)</a>", found.group(1))) if found else set()

    checked = 0
    for html in pages.values():
        related = re.search(r'<aside class="related".*?</aside>', html, re.S)
        for slug in re.findall(r'href="[./]*articles/([^/]+)/"', related.group(0) if related else ""):
            shared = (links(html, "Topics") & links(pages[slug], "Topics")) | (links(html, "People") & links(pages[slug], "People"))
            assert shared, slug
            checked += 1
    assert checked


def test_search_index_and_its_ui_are_written_with_the_site(sample_site):
    for name in ("pagefind-ui.js", "pagefind-ui.css", "pagefind.js"):
        assert (sample_site / "pagefind" / name).is_file()


def test_the_not_found_page_links_from_the_site_root(sample_site):
    page = (sample_site / "404.html").read_text(encoding="utf-8")
    assert 'href="/theme/css/site.css"' in page and 'rel="canonical"' not in page


HOSTILE = '<script>alert("x")</script>'


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    """A site whose article and person carry markup in their words."""
    base = tmp_path_factory.mktemp("hostile")
    content = base / "content"
    (content / "articles").mkdir(parents=True)
    (content / "articles" / "brask-vote.txt").write_text(
        f"Title: Brask votes {HOSTILE}\nDate: 2026-03-02\nSource: The <b>Brask</b> Courier\n"
        f"Summary: A summary with {HOSTILE} in it.\nTopics: Harbours\n\n"
        f'"The harbour {HOSTILE} stays open," said Ada Vell, the mayor of Brask.\n\n'
        f'Ada Vell added: "We are ready."\n', encoding="utf-8")
    return build_site(content, base / "output", NEWSDIGEST_SEARCH=False)


def test_words_from_content_are_escaped_in_pages_and_social_tags(hostile_site):
    for page in html_pages(hostile_site):
        html = page.read_text(encoding="utf-8")
        assert HOSTILE not in html and "<b>Brask</b>" not in html, page
        for content in re.findall(r'<meta [^>]*content="([^"]*)"', html):
            assert "<" not in content, (page, content)
