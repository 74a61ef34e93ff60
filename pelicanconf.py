"""Pelican settings for building the digest locally (``make html``)."""
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE / "plugins"))
from newsdigest.site.listings import newest_first  # noqa: E402  (the order of article lists)

AUTHOR = "Newsdigest editors"
SITENAME = "Newsdigest"
SITESUBTITLE = "What was said, by whom, on which subject"
SITEURL = ""
RELATIVE_URLS = True

PATH = "content"
ARTICLE_PATHS = ["articles"]
PAGE_PATHS = ["pages"]
STATIC_PATHS = ["images"]
THEME = "theme"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_DATE_FORMAT = "%-d %B %Y"
SLUGIFY_SOURCE = "basename"
# A digest's articles are not translations of one another: Pelican's search for them compares every
# article with every other, and two articles that claim one address are reported by the slugs plugin.
ARTICLE_TRANSLATION_ID = None
# Newest first, and articles of the same time in one order from build to build (by source path).
ARTICLE_ORDER_BY = newest_first
DEFAULT_PAGINATION = 10
PAGINATION_PATTERNS = (
    (1, "{url}", "{save_as}"),
    (2, "{base_name}/page/{number}/", "{base_name}/page/{number}/index.html"),
)

JINJA_ENVIRONMENT = {"trim_blocks": True, "lstrip_blocks": True, "autoescape": True}

PLUGIN_PATHS = ["plugins"]
PLUGINS = [
    "newsdigest.site.listings",
    "newsdigest.site.reader",
    "newsdigest.site.people_pages",
    "newsdigest.site.structured_data",
    "newsdigest.site.related",
    "newsdigest.site.cards",
    "newsdigest.site.sitemap",
    "newsdigest.site.search",
    "newsdigest.site.feeds",
    "newsdigest.site.slugs",
    "newsdigest.site.report",
    "newsdigest.site.page_cache",
    "newsdigest.site.atomic",
    "newsdigest.site.memory",
]

ARTICLE_URL = "articles/{slug}/"
ARTICLE_SAVE_AS = "articles/{slug}/index.html"
PAGE_URL = "{slug}/"
PAGE_SAVE_AS = "{slug}/index.html"
TAG_URL = "topics/{slug}/"
TAG_SAVE_AS = "topics/{slug}/index.html"
TAGS_URL = "topics/"
TAGS_SAVE_AS = "topics/index.html"
ARCHIVES_URL = "archives/"
ARCHIVES_SAVE_AS = "archives/index.html"
CATEGORY_SAVE_AS = ""
CATEGORIES_SAVE_AS = ""
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
DIRECT_TEMPLATES = ["index", "tags", "archives"]
# A person page shows 200 quotes, newest first; older ones on people/<slug>/page/2/ and on.
PAGINATED_TEMPLATES = {"index": None, "tag": None, "person": 200}
# Lists are paged from their oldest entry; what heads a list and changes with every new entry is
# given to its first page only, so that the older pages stay as they are (see site/pagination.py).
NEWSDIGEST_FIRST_PAGE_ONLY = ("busiest_topics", "latest_quotes", "topic_speakers", "entry", "structured_data")

# Pelican's own feeds are replaced by Newsdigest's.
FEED_ALL_ATOM = None
FEED_ALL_RSS = None
CATEGORY_FEED_ATOM = None
TRANSLATION_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None

# Rebuilds take each article's quotes and topics from Newsdigest's extraction
# cache (docs/performance.md), which costs less than Pelican's content cache
# would to save and load. Turning Pelican's on is supported: Newsdigest does not
# load it when the registries, its code or its settings have changed.
CACHE_CONTENT = False
LOAD_CONTENT_CACHE = False
CONTENT_CACHING_LAYER = "reader"
GZIP_CACHE = False

# Newsdigest
NEWSDIGEST_REQUIRE_DATES = False
NEWSDIGEST_SHOW_REVIEW = True
NEWSDIGEST_DISCOVER_TOPICS = True
