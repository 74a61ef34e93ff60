"""schema.org structured data (JSON-LD) for articles, people and their quotes."""
from __future__ import annotations

import json


def json_ld(data: dict) -> str:
    """``data`` as JSON safe to place inside ``<script type="application/ld+json">``."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    return text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def without_empty(data: dict) -> dict:
    return {key: value for key, value in data.items() if value not in (None, "", [], {})}


def news_article(headline: str, url: str, date: str, description: str = "", source: str = "",
                 editor: str = "", topics: list[str] = (), people: list[str] = (), image: str = "") -> dict:
    return without_empty({
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": headline,
        "url": url,
        "datePublished": date,
        "description": description,
        "publisher": without_empty({"@type": "Organization", "name": source}) if source else None,
        "editor": {"@type": "Person", "name": editor} if editor else None,
        "keywords": list(topics),
        "mentions": [{"@type": "Person", "name": name} for name in people],
        "image": image,
    })


def quotation(text: str, speaker: str, article_url: str, date: str) -> dict:
    return without_empty({
        "@type": "Quotation",
        "text": text,
        "spokenByCharacter": {"@type": "Person", "name": speaker},
        "isPartOf": article_url,
        "dateCreated": date,
    })


def person(name: str, url: str, role: str = "", bio: str = "", quotes: list[dict] = ()) -> dict:
    return without_empty({
        "@context": "https://schema.org",
        "@type": "Person",
        "name": name,
        "url": url,
        "jobTitle": role,
        "description": bio,
        "subjectOf": list(quotes),
    })
