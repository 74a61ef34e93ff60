"""Which attributions are published and which wait for an editor's review.

Editors correct the extractor in the article's header, one key per kind of
correction, several corrections separated by `` | ``::

    Quote-Speaker: We will rebuild => Ines Kalder | Nobody asked => Piet Ramsgate
    Quote-Suppress: Evening Harbour | so-called harbour tax

``Quote-Speaker`` names the speaker of every quote whose words begin with the
words before ``=>``; ``Quote-Suppress`` drops every quote that begins with the
given words (a title or a scare quote taken for speech). Words match whatever
their case, spacing, and straight or curly apostrophes. The cleaner lower-cases
header keys, so the keys read here are ``quote-speaker`` and ``quote-suppress``.
A corrected quote is the editor's word: it is published with confidence 1.

A quote is held for review, with the reason, when its confidence is below
``REVIEW_THRESHOLD``, when a person speaks who is not named (``he`` with no
one to refer to, ``the harbour master`` with no name), or when words name a
speaker that could not be told a person, an organisation or a document.
Published quotes are those of named people: in full, or by surname alone
(``Minister Vell``) when the article gives no full name, which the people
index then joins to the one full name with that surname across the digest or
holds. Quotes of organisations and documents are neither published in the
people index nor held.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field, replace
from pathlib import Path

from .clean import read_article
from .digest import digest_article
from .errors import ContentError
from .model import Quote
from .people import PeopleRegistry, SourceArticle, build_quote_index, load_people
from .quotes import REVIEW_THRESHOLD

SPEAKER_KEY = "quote-speaker"
SUPPRESS_KEY = "quote-suppress"
SEPARATOR = " | "
NAME_PARTICLES = frozenset({"de", "van", "von", "der", "bin", "al", "da", "di", "le", "la"})
ARROW = "=>"


@dataclass
class Overrides:
    """An article's editorial corrections: (opening words, speaker) pairs and suppressed openings."""

    speakers: list[tuple[str, str]] = field(default_factory=list)
    suppressed: list[str] = field(default_factory=list)

    @classmethod
    def from_header(cls, metadata: dict[str, str]) -> "Overrides":
        speakers = []
        for item in split_items(metadata.get(SPEAKER_KEY, "")):
            opening, arrow, name = item.partition(ARROW)
            if arrow and comparable(opening) and name.strip():
                speakers.append((comparable(opening), " ".join(name.split())))
        suppressed = [comparable(item) for item in split_items(metadata.get(SUPPRESS_KEY, "")) if comparable(item)]
        return cls(speakers, suppressed)

    def speaker_for(self, quote: Quote) -> str | None:
        words = comparable(quote.text)
        return next((name for opening, name in self.speakers if words.startswith(opening)), None)

    def suppresses(self, quote: Quote) -> bool:
        words = comparable(quote.text)
        return any(words.startswith(opening) for opening in self.suppressed)


def split_items(value: str) -> list[str]:
    """The corrections in one header value, split at ``|``."""
    return [item.strip() for item in value.split(SEPARATOR.strip()) if item.strip()]


def comparable(words: str) -> str:
    """Words as an editor's correction matches them: ``“We’ll  GO”`` and ``"we'll go`` alike."""
    words = words.replace("’", "'").replace("‘", "'").strip(" \t\"“”'")
    return " ".join(words.casefold().split())


def apply_overrides(quotes: list[Quote], metadata: dict[str, str]) -> list[Quote]:
    """The quotes with the header's corrections applied and its suppressed quotes left out."""
    overrides = Overrides.from_header(metadata)
    corrected = []
    for quote in quotes:
        if overrides.suppresses(quote):
            continue
        name = overrides.speaker_for(quote)
        if name is not None:
            role = quote.role if quote.speaker == name else None
            quote = replace(quote, speaker=name, speaker_kind="person", confidence=1.0, role=role)
        corrected.append(quote)
    return corrected


def reason_to_hold(quote: Quote) -> str | None:
    """Why a quote needs an editor, or None when it can be published as it is."""
    if quote.speaker_mention is None and quote.speaker is None:
        return None
    if quote.speaker_kind == "unknown":
        return "speaker is not known to be a person, an organisation or a document"
    if quote.confidence < REVIEW_THRESHOLD:
        return f"confidence {quote.confidence:.2f} is below {REVIEW_THRESHOLD:.2f}"
    if quote.speaker_kind == "person" and not is_a_name(quote.speaker or ""):
        return "speaker is not named"
    return None


def is_a_name(speaker: str) -> bool:
    """A proper name, in full (``Ines Kalder``) or by surname (``Kalder``), not a description (``the mayor``)."""
    words = [w for w in speaker.split() if w.lower() not in NAME_PARTICLES]
    return bool(words) and all(w[:1].isupper() for w in words) and speaker.split()[0].lower() not in ("the", "a", "an")


def split_for_review(quotes: list[Quote], metadata: dict[str, str]) -> tuple[list[Quote], list[tuple[Quote, str]]]:
    """(published person quotes, [(held quote, reason)]) of one article, after the header's corrections."""
    published, held = [], []
    for quote in apply_overrides(quotes, metadata):
        reason = reason_to_hold(quote)
        if reason is not None:
            held.append((quote, reason))
        elif quote.speaker_kind == "person":
            published.append(quote)
    return published, held


def article_paths(paths: list[str]) -> list[Path]:
    """The files named, and the ``.txt`` files under the directories named, in order."""
    found = []
    for name in paths:
        path = Path(name)
        found += sorted(path.rglob("*.txt")) if path.is_dir() else [path]
    return found


def people_registry_beside(paths: list[str]) -> PeopleRegistry:
    """The ``people.yml`` of the first directory named that has one, as the site build would read it."""
    for name in paths:
        registry = Path(name) / "people.yml"
        if Path(name).is_dir() and registry.is_file():
            try:
                return PeopleRegistry(load_people(registry.read_text(encoding="utf-8"), str(registry)))
            except (ContentError, UnicodeDecodeError) as error:
                print(f"newsdigest: {registry}: {error}; the registry is ignored", file=sys.stderr)
    return PeopleRegistry()


def command_review(args: argparse.Namespace) -> int:
    """``newsdigest review PATH...``: list the quotes an editor should check.

    Besides each article's own doubts, a quote is held, as in the site build,
    when its speaker names no one person across all the articles given.
    """
    status, offsets, published = 0, {}, []
    for path in article_paths(args.paths):
        try:
            article = read_article(path)
        except (ContentError, OSError, UnicodeDecodeError) as error:
            message = error if isinstance(error, ContentError) else f"{path}: {error}"
            print(f"newsdigest: {message}", file=sys.stderr)
            status = 1
            continue
        offsets[str(path)] = article.offsets
        kept, held = split_for_review(digest_article(article).quotes, article.metadata)
        published.append((SourceArticle(key=str(path), title=article.title, url="", date=""), kept))
        for quote, reason in held:
            print_held(args, str(path), quote.shifted_to_source(article.offsets), reason)
    for held in build_quote_index(published, people_registry_beside(args.paths)).held:
        print_held(args, held.article.key, held.quote.shifted_to_source(offsets[held.article.key]), held.reason)
    return status


def print_held(args: argparse.Namespace, path: str, quote: Quote, reason: str) -> None:
    print(json.dumps({"file": path, "reason": reason, **quote.to_json()}, ensure_ascii=False)
          if args.json else held_line(path, quote, reason))


def held_line(path: str, quote: Quote, reason: str) -> str:
    """One held quote for reading: where, the words, the proposed speaker and why it is held."""
    speaker = quote.speaker or "(nobody)"
    return (f"{path}:{quote.start}-{quote.end} “{quote.text}” — proposed {speaker} "
            f"({quote.speaker_kind}, confidence {quote.confidence:.2f}): {reason}")


def add_review_command(commands) -> None:
    """Register ``review`` with the ``newsdigest`` command's subparsers."""
    review = commands.add_parser("review", help="list quotes held for an editor's review")
    review.add_argument("--json", action="store_true", help="JSON Lines, one object per held quote")
    review.add_argument("paths", nargs="+", metavar="PATH", help="article files or directories of .txt files")
    review.set_defaults(run=command_review)
