"""Pages rendered once per set of inputs: a rebuild renders only what changed, and builds the same site."""
from __future__ import annotations

import dataclasses
import functools
import shutil
from pathlib import Path

import jinja2
import pytest

from conftest import ROOT, build_site, copy_sample_content
from newsdigest.filecache import FileCache
from newsdigest.site.page_cache import PageFile, PageKeys, RememberedTemplate, TemplateNamedAtRunTime, variables_read

ADDED_ARTICLE = """Sample ferry timetable extended into the winter
Published 3 November 2026
The harbour authority of the invented town of Port Ansel will keep the evening ferry running until February, its director said on Tuesday.
"The evening crossing is full every night, so it stays," said Marta Quillon, who directs the Port Ansel Harbour Authority.
Quillon said the extra sailings would be paid for from the harbour levy.
(Sample article: all people, places and organisations are invented.)
"""


class RenderCount:
    """Counts the templates Jinja renders while it is installed."""

    def __init__(self, monkeypatch):
        self.names: list[str] = []
        render = jinja2.Template.render

        def counting(template, *args, **kwargs):
            self.names.append(template.name)
            return render(template, *args, **kwargs)

        monkeypatch.setattr(jinja2.Template, "render", counting)


def site_files(output: Path) -> dict[str, bytes]:
    """Every page and feed of a built site, by path; the search index and build marker left out."""
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.rglob("*"))
            if path.is_file() and "pagefind" not in path.parts and path.suffix in {".html", ".xml", ".json"}}


@pytest.fixture()
def content(tmp_path: Path) -> Path:
    return copy_sample_content(tmp_path / "content")


def test_a_rebuild_of_unchanged_content_renders_no_page(content: Path, tmp_path: Path, monkeypatch):
    build_site(content, tmp_path / "output")
    count = RenderCount(monkeypatch)
    build_site(content, tmp_path / "output")
    assert count.names == []
    assert (tmp_path / "output" / "articles" / "harbour-levy-vote" / "index.html").exists()


def test_a_rebuild_after_edits_is_the_site_a_clean_build_gives(content: Path, tmp_path: Path, monkeypatch):
    build_site(content, tmp_path / "output")
    edited = content / "articles" / "dockworkers-threaten-strike.txt"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Nobody wants a strike", "Nobody here wants a strike"),
                      encoding="utf-8")
    (content / "articles" / "ferry-timetable-extended.txt").write_text(ADDED_ARTICLE, encoding="utf-8")
    count = RenderCount(monkeypatch)
    build_site(content, tmp_path / "output")
    articles_rendered = count.names.count("article.html")
    clean = build_site(content, tmp_path / "clean", NEWSDIGEST_PAGE_CACHE=False)
    assert site_files(tmp_path / "output") == site_files(clean)
    assert 2 <= articles_rendered < len(list(content.glob("articles/*.txt")))


def older_list_pages(output: Path) -> dict[str, bytes]:
    """The pages after the first of every list (front page, topics, people), by path."""
    return {str(path.relative_to(output)): path.read_bytes() for path in sorted(output.glob("**/page/*/index.html"))}


def path_of_page(path: str, step: int) -> str:
    """The path of the page ``step`` numbers after the page at ``path`` (``…/page/N/index.html``)."""
    head, number, tail = path.rsplit("/", 2)
    return f"{head}/{int(number) + step}/{tail}"


def test_a_new_article_leaves_the_older_pages_of_its_lists_as_they_were(content: Path, tmp_path: Path, monkeypatch):
    paged = {"DEFAULT_PAGINATION": 2, "PAGINATED_TEMPLATES": {"index": None, "tag": None, "person": 1}}
    output = build_site(content, tmp_path / "output", **paged)
    before = older_list_pages(output)
    (content / "articles" / "ferry-timetable-extended.txt").write_text(
        ADDED_ARTICLE + '"The ferry is how this town gets to work," said Mayor Aino Tamm.\n', encoding="utf-8")
    count = RenderCount(monkeypatch)
    build_site(content, output, **paged)
    after = older_list_pages(output)
    assert len([path for path in before if path.startswith("people/aino-tamm/")]) >= 4
    assert len([path for path in before if path.startswith("page/")]) >= 7
    changed = {path for path in before if after.get(path) != before[path]}
    # Only a list that gained a page changes an older page: its newest, whose "Newer" link now leads there.
    assert all(path_of_page(path, 1) in after.keys() - before.keys() for path in changed)
    assert len(changed) < len(before) / 4
    # The first page, and the next older one, whose key holds its neighbour, the first page, in full.
    assert count.names.count("index.html") == 2
    # Marta Quillon's two pages, new; Aino Tamm's first page, the page her previous first became and
    # the one before it, whose "Newer" link now leads there. Her other pages are not rendered.
    assert count.names.count("person.html") == 5
    front = (output / "index.html").read_text(encoding="utf-8")
    assert "Sample ferry timetable extended into the winter" in front and "Busiest topics" in front
    assert not any(b"Busiest topics" in page for page in after.values())


def test_a_changed_template_renders_every_page_that_uses_it(content: Path, tmp_path: Path, monkeypatch):
    theme = shutil.copytree(ROOT / "theme", tmp_path / "theme")
    build_site(content, tmp_path / "output", THEME=str(theme))
    base = theme / "templates" / "base.html"
    base.write_text(base.read_text(encoding="utf-8").replace("Set in Lato.", "Set in Lato &amp; friends."),
                    encoding="utf-8")
    build_site(content, tmp_path / "output", THEME=str(theme))
    page = (tmp_path / "output" / "articles" / "harbour-levy-vote" / "index.html").read_text(encoding="utf-8")
    assert "Set in Lato &amp; friends." in page


def test_a_changed_setting_renders_the_pages_again(content: Path, tmp_path: Path):
    build_site(content, tmp_path / "output")
    build_site(content, tmp_path / "output", SITENAME="Harbour Digest")
    page = (tmp_path / "output" / "articles" / "harbour-levy-vote" / "index.html").read_text(encoding="utf-8")
    assert "Harbour Digest" in page


def test_turned_off_no_page_is_cached(content: Path, tmp_path: Path):
    build_site(content, tmp_path / "output", NEWSDIGEST_PAGE_CACHE=False)
    assert not (tmp_path / "output-cache" / "newsdigest-pages").exists()


TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block body %}{% endblock %}{% include 'footer.html' %}",
    "footer.html": "<footer>{{ FOOTER }}</footer>",
    "page.html": "{% extends 'base.html' %}{% block body %}{% set shown = item.upper() %}{{ shown }}{% endblock %}",
    "dynamic.html": "{% include chosen %}",
}


@pytest.fixture()
def environment() -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES), autoescape=True)


def test_the_variables_read_include_those_of_extended_and_included_templates(environment):
    assert variables_read(environment, "page.html") == {"SITENAME", "FOOTER", "item"}


def test_a_template_named_at_run_time_cannot_be_followed(environment):
    with pytest.raises(TemplateNamedAtRunTime):
        variables_read(environment, "dynamic.html")


def test_a_key_changes_with_a_variable_read_and_not_with_one_unread(environment):
    keys, template = PageKeys(b"salt"), environment.get_template("page.html")
    context = {"SITENAME": "Digest", "FOOTER": "f", "item": "a", "output_file": "a.html", "unread": 1}
    key = keys.key(template, context)
    assert keys.key(template, {**context, "unread": 2}) == key
    assert keys.key(template, {**context, "item": "b"}) != key
    assert keys.key(template, {**context, "output_file": "b.html"}) != key
    assert PageKeys(b"other salt").key(template, context) != key


def test_a_page_with_a_value_that_cannot_be_hashed_is_rendered_every_time(environment, tmp_path: Path):
    template = environment.get_template("page.html")
    remembered = RememberedTemplate(template, PageKeys(b"salt"), FileCache(tmp_path, ".html"))

    class Shouting(str):
        def upper(self):
            return "LOCAL"

    context = {"SITENAME": "Digest", "FOOTER": "f", "item": Shouting("a"), "output_file": "a.html"}
    assert "LOCAL" in remembered.render(context)
    assert list(tmp_path.iterdir()) == []


def test_a_remembered_page_is_linked_from_the_cache_not_rendered_again(environment, tmp_path: Path, monkeypatch):
    cache = FileCache(tmp_path / "cache", ".html")
    remembered = RememberedTemplate(environment.get_template("page.html"), PageKeys(b"salt"), cache)
    context = {"SITENAME": "A &amp; B", "FOOTER": "<b>", "item": "x", "output_file": "a.html"}
    first, second = tmp_path / "first.html", tmp_path / "second.html"
    with PageFile(str(first), open(first, "w", encoding="utf-8"), cache) as out:
        out.write(remembered.render(dict(context)))
    count = RenderCount(monkeypatch)
    with PageFile(str(second), open(second, "w", encoding="utf-8"), cache) as out:
        out.write(remembered.render(dict(context)))
    assert count.names == []
    assert "&lt;b&gt;" in first.read_text(encoding="utf-8")
    assert second.read_text(encoding="utf-8") == first.read_text(encoding="utf-8")
    assert second.stat().st_ino == first.stat().st_ino == cache.entry(remembered.render(context).key).stat().st_ino


@dataclasses.dataclass
class Tally:
    counts: dict

    @functools.cached_property
    def total(self) -> int:
        return sum(self.counts.values())


@dataclasses.dataclass(frozen=True, slots=True)
class Said:
    text: str
    speaker: str


def test_dataclasses_are_keyed_by_their_fields_not_by_what_they_cached(environment):
    keys, template = PageKeys(b"salt"), environment.get_template("page.html")
    tally = Tally({"Ada Vell": 2})
    context = {"SITENAME": "Digest", "FOOTER": "f", "item": "a", "output_file": "a.html"}
    before = keys.key(template, {**context, "FOOTER": tally})
    assert tally.total == 2
    assert PageKeys(b"salt").key(template, {**context, "FOOTER": tally}) == before
    assert PageKeys(b"salt").key(template, {**context, "FOOTER": Tally({"Ada Vell": 3})}) != before
    said = PageKeys(b"salt").key(template, {**context, "FOOTER": [Said("Yes", "Ada Vell")]})
    assert PageKeys(b"salt").key(template, {**context, "FOOTER": [Said("Yes", "Ada Vell")]}) == said
    assert PageKeys(b"salt").key(template, {**context, "FOOTER": [Said("Yes", "Bo Lund")]}) != said


class Pickled(str):
    """A string that counts how often it is pickled."""

    times = 0

    def __reduce__(self):
        Pickled.times += 1
        return str, (str(self),)


def pages_of(items: list, per_page: int = 2) -> list:
    from pelican.paginator import Paginator
    from pelican.settings import read_settings

    paginator = Paginator("index.html", "", items, read_settings(), per_page)
    return [paginator.page(number) for number in range(1, paginator.num_pages + 1)]


def test_the_pages_of_a_list_are_keyed_by_the_whole_list_pickled_once(environment):
    keys, template = PageKeys(b"salt"), environment.get_template("page.html")
    context = {"SITENAME": "Digest", "FOOTER": "f", "output_file": "a.html"}
    items, Pickled.times = [Pickled(word) for word in "abcde"], 0
    page_keys = [keys.key(template, {**context, "item": page}) for page in pages_of(items)]
    assert Pickled.times == len(items)
    assert len(set(page_keys)) == 3
    fresh = PageKeys(b"salt")
    again = [fresh.key(template, {**context, "item": page}) for page in pages_of([Pickled(w) for w in "abcde"])]
    assert again == page_keys
    changed_last = [fresh.key(template, {**context, "item": page}) for page in pages_of([Pickled(w) for w in "abcdX"])]
    assert all(before != after for before, after in zip(page_keys, changed_last))


def test_a_setting_that_cannot_be_hashed_turns_the_cache_off_with_a_warning(content: Path, tmp_path: Path, caplog):
    build_site(content, tmp_path / "output", JINJA_GLOBALS={"shout": lambda text: text.upper()})
    assert "page cache cannot hash the setting JINJA_GLOBALS" in caplog.text
    assert not (tmp_path / "output-cache" / "newsdigest-pages").exists()
    assert (tmp_path / "output" / "articles" / "harbour-levy-vote" / "index.html").exists()
