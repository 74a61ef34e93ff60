"""Pages rendered once per set of inputs: a rebuild renders only the pages whose inputs changed.

Pelican renders every page of the site on every build. This plugin gives Pelican
a writer that first computes a key for the page and, when a page with that key
was rendered before, writes that text instead of rendering the template again.
The key of a page is a hash of

- the build's salt: the settings (the output folder excepted), every file of the
  theme's templates, the data files the reader depends on, the sources of this
  package and the versions of Pelican and Jinja;
- the template's name and the file written;
- every variable the template reads from its context, found by Jinja's own
  analysis of the template and of each template it extends, includes or imports
  (``jinja2.meta``). A page whose templates are named at run time is always
  rendered.

Values are hashed through pickle, each in full wherever it recurs, a
dataclass as its fields. The content object a page is about (the ``article``
of an article page) stands for its source file (that file's size and
modification time), URL and output file,
its content as linked for this page, and every attribute a plugin set or
replaced after reading (related articles, neighbours, structured data): what
its reader gave is a function of the file, the settings and the code, all in
the key already. A content object reached from there (a related article, the
articles listed on an index page) stands for its source file, URL and output
file alone; a taxonomy for its name, slug and URL, or, when the page is about
it (the ``tag`` of a tag page), with every attribute besides; a page of a list
paged from its oldest entry (``articles_page``, its neighbours; see
``pagination``, which this writer pages lists with) for its number, address,
neighbours' numbers and its own entries, so that an older page keeps its key
when new entries arrive; the list's paginator, and a page of Pelican's own
paginator, for the hash of the whole list, worked out once for all its pages.
A value pickle cannot take makes the page render as usual.

Templates should therefore read what they show, not whole indexes: a page that
reads the quote index depends on every quote of the digest.

Rendered pages are kept under ``CACHE_PATH/newsdigest-pages`` as hard links to
the pages written (copies where the file system has no links), and a cached page
is linked into the output, so neither is written twice; nothing may change an
output page in place. A page no build has used for 30 days is removed.
``NEWSDIGEST_PAGE_CACHE = False`` turns the cache off; lists are still paged
from their oldest entry.
"""
from __future__ import annotations

import copyreg
import dataclasses
import functools
import hashlib
import logging
import operator
import os
import pickle
from importlib.metadata import version
from pathlib import Path

from jinja2 import Template, meta
from pelican import signals
from pelican.contents import Content
from pelican.paginator import Page, Paginator
from pelican.urlwrappers import URLWrapper
from pelican.writers import Writer

from newsdigest.cache import hash_of_files
from newsdigest.filecache import CACHE_KEPT_FOR, FileCache, place
from newsdigest.files import HASHED_PICKLE_PROTOCOL, hash_of_pickle

from .cache import extraction_inputs
from .pagination import StablePage, StablePaginator, page_size, paged_values

logger = logging.getLogger(__name__)

PACKAGE = Path(__file__).resolve().parents[1]
CACHE_FOLDER = "newsdigest-pages"
PROTOCOL = HASHED_PICKLE_PROTOCOL  # the reducers below give what that protocol pickles
SETTINGS_OUTSIDE_THE_KEY = frozenset({"OUTPUT_PATH"})
# Where a paginated list's hash is remembered among the variables' hashes: no variable has this name.
PAGINATED_LIST = "\0paginated list"
CONTENT_ATTRIBUTES_OUTSIDE_THE_KEY = frozenset({"_context", "settings", "metadata"})


class TemplateNamedAtRunTime(Exception):
    """A template extends, includes or imports a template whose name is only known when rendering."""


def variables_read(environment, name: str) -> frozenset[str]:
    """The context variables template ``name`` and the templates it pulls in may read."""
    found: set[str] = set()
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        source = environment.loader.get_source(environment, current)[0]
        tree = environment.parse(source)
        found |= meta.find_undeclared_variables(tree)
        for referenced in meta.find_referenced_templates(tree):
            if referenced is None:
                raise TemplateNamedAtRunTime(current)
            pending.append(referenced)
    return frozenset(found)


class UnhashableSetting(Exception):
    """A setting pickle cannot take (a function defined in the settings file, say)."""


def pickled_settings(settings: dict) -> bytes:
    """The settings the key covers, pickled; raises ``UnhashableSetting`` naming one it cannot take."""
    pieces = []
    for name in sorted(settings):
        if name in SETTINGS_OUTSIDE_THE_KEY:
            continue
        try:
            pieces.append(pickle.dumps((name, settings[name]), protocol=PROTOCOL))
        except (pickle.PicklingError, TypeError, AttributeError) as error:
            raise UnhashableSetting(f"{name}: {error}") from error
    return b"".join(pieces)


def build_salt(settings: dict) -> bytes:
    """What every page depends on besides its own variables."""
    theme = Path(settings["THEME"])
    parts = [
        pickled_settings(settings),
        hash_of_files((path for path in theme.rglob("*") if path.is_file()), theme),
        hash_of_files(PACKAGE.rglob("*.py"), PACKAGE),
        extraction_inputs(settings),
        f"pelican {version('pelican')}; jinja2 {version('jinja2')}".encode(),
    ]
    return hashlib.sha256(b"\0".join(parts)).digest()


class PageKeys:
    """Keys of the pages of one build; what stands for a content object is worked out once per build."""

    def __init__(self, salt: bytes):
        self.salt = salt
        self.identities: dict[int, tuple[Content, str]] = {}
        self.variables: dict[str, tuple[str, ...]] = {}
        self.hashes: dict[str, tuple[object, bytes | str]] = {}
        self.entries: dict[int, tuple[StablePage, bytes]] = {}

    def key(self, template: Template, context: dict) -> str:
        """The page's key; raises ``pickle.PicklingError`` (or ``TypeError``) for a value that cannot be hashed."""
        digest = hashlib.sha256(self.salt)
        digest.update(f"{template.name}\0{context.get('output_file')}\0".encode())
        for name in self.variables_of(template):
            digest.update(self.hash_of(name, context.get(name)))
        return digest.hexdigest()

    def hash_of(self, name: str, value) -> bytes:
        """The hash of a variable's value; a value met again (the site's articles, on every index page)
        is hashed once."""
        return remembered(self.hashes, name, value, lambda held: self.hash_of_value((name, self.expanded(held))))

    def variables_of(self, template: Template) -> tuple[str, ...]:
        """The variables the template reads, in a fixed order."""
        if template.name not in self.variables:
            self.variables[template.name] = tuple(sorted(variables_read(template.environment, template.name)))
        return self.variables[template.name]

    def expanded(self, value):
        """A content object the page is about, as what identifies it, its content as linked for
        this page and every attribute that no longer holds what its reader gave; a taxonomy (the
        tag of a tag page) with every attribute; any other value as it is."""
        if isinstance(value, URLWrapper):
            return taxonomy_identity(value), sorted(
                (name, held) for name, held in vars(value).items() if name != "settings")
        if not isinstance(value, Content):
            return value
        as_read = value.metadata
        changed = {name: held for name, held in vars(value).items()
                   if name not in CONTENT_ATTRIBUTES_OUTSIDE_THE_KEY and held is not as_read.get(name)}
        return self.identity(value), value.content, sorted(changed.items())

    def hash_of_value(self, value) -> bytes:
        """The SHA-256 of ``value`` pickled (``hash_of_pickle``) with content objects, taxonomies and
        paginated lists as what identifies them. The dispatch table is consulted by pickle's C code,
        only for the types it names."""
        return hash_of_pickle(value, self.dispatch_table).digest()

    @functools.cached_property
    def dispatch_table(self) -> ReducerTable:
        table = ReducerTable(copyreg.dispatch_table)
        table.update({kind: self.reduce_content for kind in with_subclasses(Content)})
        table.update({kind: reduce_taxonomy for kind in with_subclasses(URLWrapper)})
        table.update({Page: self.reduce_page, Paginator: self.reduce_paginator,
                      StablePage: self.reduce_stable_page, StablePaginator: self.reduce_paginator})
        return table

    def reduce_page(self, page: Page):
        """A page of a list as its number, address and paginator: what it lists follows from them."""
        return tuple, ((page.number, page.url, page.save_as, self.hash_of_paginator(page.paginator)),)

    def reduce_stable_page(self, page: StablePage):
        """A page of a list paged from its oldest entry as what it shows: its number, address,
        neighbours' numbers and entries. It does not lead back to its list."""
        return tuple, ((page.number, page.url, page.save_as, page.oldest_position, page.newer, page.older,
                        self.hash_of_entries(page)),)

    def hash_of_entries(self, page: StablePage) -> bytes:
        """The hash of a page's entries, worked out once though the page is also its neighbours' neighbour."""
        return remembered(self.entries, id(page), page, lambda held: self.hash_of_value(held.object_list))

    def reduce_paginator(self, paginator: Paginator):
        return str, (self.hash_of_paginator(paginator),)

    def hash_of_paginator(self, paginator: Paginator) -> str:
        """The hash of the whole list a paginator cuts into pages, worked out once for all its pages."""
        return remembered(self.hashes, PAGINATED_LIST, paginator, lambda held: self.hash_of_value(
            (held.name, held.url, held.per_page, held.orphans, held.object_list)).hex())

    def reduce_content(self, content: Content):
        return str, (self.identity(content),)

    def identity(self, content: Content) -> str:
        """What stands for a content object reached from a page: its class, source file and that
        file's version, URL and output file."""
        return remembered(self.identities, id(content), content, lambda held: repr(
            (type(held).__qualname__, held.source_path, self.source_version(held.source_path), held.url,
             held.save_as)))

    def source_version(self, path: str | None) -> str:
        """The file's size and modification time, as make and rsync tell a changed file."""
        if not path:
            return ""
        try:
            status = os.stat(path)
        except OSError:
            return ""
        return f"{status.st_size}@{status.st_mtime_ns}"


def remembered(table: dict, slot, value, work_out):
    """``work_out(value)``, kept in ``table`` under ``slot`` and given again while ``value`` is the
    object found there (a value is held with its result, so its id is not reused meanwhile)."""
    known = table.get(slot)
    if known is None or known[0] is not value:
        known = (value, work_out(value))
        table[slot] = known
    return known[1]


class ReducerTable(dict):
    """Pickle's dispatch table for page keys, which finds the reducer of a type the first time it meets it.

    A dataclass is pickled as its fields, by a getter made once for its type:
    faster than the generic state of a slotted dataclass, and blind to what a
    plain one cached in its ``__dict__`` when first asked.
    """

    def __missing__(self, kind: type):
        if dataclasses.is_dataclass(kind):
            reducer = fields_reducer(kind)
        else:
            reducer = reduce_as_usual
        self[kind] = reducer
        return reducer


def fields_reducer(kind: type):
    names = [field.name for field in dataclasses.fields(kind)]
    if len(names) > 1:
        values = operator.attrgetter(*names)
    else:
        def values(value):
            return tuple(getattr(value, name) for name in names)
    return lambda value: (kind, values(value))


def reduce_as_usual(value):
    return value.__reduce_ex__(PROTOCOL)


def with_subclasses(kind: type) -> list[type]:
    found, pending = [], [kind]
    while pending:
        current = pending.pop()
        found.append(current)
        pending += current.__subclasses__()
    return found


def taxonomy_identity(taxonomy: URLWrapper) -> str:
    return repr((type(taxonomy).__qualname__, taxonomy.name, taxonomy.slug, taxonomy.url, taxonomy.save_as))


def reduce_taxonomy(taxonomy: URLWrapper):
    return str, (taxonomy_identity(taxonomy),)


class KeyedPage(str):
    """A page's text and its key; a page found in the cache has no text, only ``cached``, its file."""

    key: str
    cached: Path | None


def keyed_page(text: str, key: str, cached: Path | None = None) -> KeyedPage:
    page = KeyedPage(text)
    page.key, page.cached = key, cached
    return page


class RememberedTemplate:
    """A template whose ``render`` gives, for a page rendered before with the same key, the
    cached page instead of rendering it again."""

    def __init__(self, template: Template, keys: PageKeys, cache: FileCache):
        self.template, self.keys, self.cache = template, keys, cache
        self.name = template.name

    def render(self, context: dict) -> str:
        try:
            key = self.keys.key(self.template, context)
        except (pickle.PicklingError, TypeError, AttributeError, TemplateNamedAtRunTime) as error:
            logger.debug("page %s rendered uncached: %s", context.get("output_file"), error)
            return self.template.render(context)
        cached = self.cache.cached(key)
        if cached is not None:
            return keyed_page("", key, cached)
        return keyed_page(self.template.render(context), key)


class PageFile:
    """The output file Pelican writes a page to. A cached page is hard-linked into place from
    the cache, not written; a page just rendered is written, then kept in the cache by a link."""

    def __init__(self, path: str, opened, cache: FileCache):
        self.path, self.opened, self.cache = path, opened, cache

    def __enter__(self):
        return self

    def __exit__(self, *exception) -> None:
        self.opened.close()

    def __getattr__(self, name: str):
        return getattr(self.opened, name)

    def write(self, text: str) -> None:
        if not isinstance(text, KeyedPage) or self.path == os.devnull:
            self.opened.write(text)
        elif text.cached is None:
            self.opened.write(text)
            self.opened.close()
            self.cache.keep(text.key, Path(self.path))
        else:
            self.opened.close()
            place(text.cached, self.path)


class PageCachingWriter(Writer):
    """Pelican's writer, rendering a page only when no page with the same key was rendered before."""

    def __init__(self, output_path, settings=None):
        super().__init__(output_path, settings=settings)
        self.keys = page_keys(settings) if settings.get("NEWSDIGEST_PAGE_CACHE", True) else None
        self.cache = page_cache(settings)

    def write_file(self, name, template, context, relative_urls=False, paginated=None, template_name=None,
                   override_output=False, url=None, **kwargs):
        """Pelican's ``write_file``, with a paginated list paged from its oldest entry (``pagination``)."""
        if self.keys is not None:
            template = RememberedTemplate(template, self.keys, self.cache)
        if paginated is None:
            paginated = {key: value for key, value in kwargs.items() if key in {"articles", "dates"}}
        if not (name and paginated and template_name in self.settings["PAGINATED_TEMPLATES"]):
            super().write_file(name, template, context, relative_urls, paginated, template_name,
                               override_output, url, **kwargs)
            return
        per_page = page_size(self.settings, template_name)
        first_page_only = self.settings.get("NEWSDIGEST_FIRST_PAGE_ONLY", ())
        for save_as, values in paged_values(name, url, paginated, self.settings, per_page, first_page_only):
            super().write_file(save_as, template, context, relative_urls, {}, template_name, override_output,
                               url, **{**kwargs, **values})

    def _open_w(self, filename, encoding, override=False):
        return PageFile(filename, super()._open_w(filename, encoding, override), self.cache)


def page_keys(settings: dict) -> PageKeys | None:
    """The build's page keys; None, with a warning, when a setting cannot be hashed."""
    try:
        return PageKeys(build_salt(settings))
    except UnhashableSetting as error:
        logger.warning("Every page is rendered anew: the page cache cannot hash the setting %s", error)
        return None


def page_cache(settings: dict) -> FileCache:
    return FileCache(Path(settings["CACHE_PATH"]) / CACHE_FOLDER, ".html")


def caching_writer(pelican):
    return PageCachingWriter


def forget_unused_pages(pelican) -> None:
    if pelican.settings.get("NEWSDIGEST_PAGE_CACHE", True):
        page_cache(pelican.settings).forget_unused_since(CACHE_KEPT_FOR)


def register():
    signals.get_writer.connect(caching_writer)
    signals.finalized.connect(forget_unused_pages)
