"""Feed ids: tag URIs that depend on an article's date and slug and a quote's words, nothing else."""
from __future__ import annotations

from newsdigest.model import Quote
from newsdigest.people import IndexedQuote, Person, PersonEntry, QuoteIndex, SourceArticle
from newsdigest.site.feeds import feed_root, fingerprint, quote_ids, tag_uri

BRIDGE = SourceArticle(key="bridge-reopens", title="Bridge to reopen", url="articles/bridge-reopens/",
                       date="2026-03-02T00:00:00+00:00")


def index_of(*quotes: Quote) -> QuoteIndex:
    person = Person("Ilse Varga")
    return QuoteIndex(people={person.name: PersonEntry(person, [IndexedQuote(q, BRIDGE) for q in quotes])})


def test_tag_uri_takes_the_day_of_a_timestamp():
    assert tag_uri({}, "2026-03-02T09:30:00+01:00", "bridge-reopens") == \
        "tag:newsdigest.example,2026-03-02:bridge-reopens"
    assert tag_uri({"NEWSDIGEST_TAG_AUTHORITY": "news.example.net"}, "2026", "feeds/all") == \
        "tag:news.example.net,2026:feeds/all"


def test_fingerprint_ignores_case_spacing_and_punctuation_but_not_words():
    assert fingerprint("We will reopen the bridge,") == fingerprint("we  will reopen\nthe bridge")
    assert fingerprint("We will reopen the bridge") != fingerprint("We will close the bridge")


def test_a_quote_keeps_its_id_when_the_extractor_moves_it():
    before = quote_ids(index_of(Quote(10, 37, "We will reopen the bridge,")), {})
    after = quote_ids(index_of(Quote(12, 38, "We will reopen the bridge")), {})
    assert list(before.values()) == list(after.values())
    assert list(before.values())[0].startswith("tag:newsdigest.example,2026-03-02:bridge-reopens/quote/")


def test_a_repeated_quote_in_one_article_gets_a_numbered_id():
    ids = quote_ids(index_of(Quote(10, 20, "Never again."), Quote(90, 100, "Never again.")), {})
    first, second = ids[BRIDGE.key, 10, 20], ids[BRIDGE.key, 90, 100]
    assert second == first + "-2"


def test_feed_root_prefers_feed_domain_then_site_url_then_the_local_server():
    assert feed_root({"FEED_DOMAIN": "https://feeds.example.net/", "SITEURL": "https://x.example"}) == \
        "https://feeds.example.net"
    assert feed_root({"FEED_DOMAIN": "", "SITEURL": "https://news.example.net"}) == "https://news.example.net"
    assert feed_root({"FEED_DOMAIN": "", "SITEURL": ""}) == "http://localhost:8000"
    assert feed_root({"SITEURL": "", "NEWSDIGEST_LOCAL_FEED_URL": "http://127.0.0.1:9000"}) == \
        "http://127.0.0.1:9000"
