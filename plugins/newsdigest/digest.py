"""The whole text pipeline for one article: clean it, then extract its quotes."""
from __future__ import annotations

from dataclasses import dataclass, field

from .clean import clean_article
from .model import CleanArticle, Quote
from .quotes import extract_quotes


@dataclass
class Digest:
    """A cleaned article and the quotes found in its cleaned text."""

    article: CleanArticle
    quotes: list[Quote] = field(default_factory=list)

    def quotes_in_source(self) -> list[Quote]:
        """The quotes with offsets into the raw text the article was cleaned from."""
        return [q.shifted_to_source(self.article.offsets) for q in self.quotes]


def digest_article(article: CleanArticle) -> Digest:
    return Digest(article, extract_quotes(article.text))


def digest_text(raw: str, file: str = "<string>") -> Digest:
    return digest_article(clean_article(raw, file))
