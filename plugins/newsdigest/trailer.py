"""Editorial trailers: the "about this article" block after the text, and the metadata it carries.

A trailer starts at a heading ("Editorial Context", "About the author",
"Editor's note: ...", "Sources:") and runs to the end of the article, provided
every line after the heading is trailer-like: a label, a name, a fragment
without sentence punctuation, or a sentence dense with editorial vocabulary.
"""
from __future__ import annotations

import re

from .lines import ends_sentence, has_quote_marks, words_of

TRAILER_VOCABULARY = frozenset("""editorial editor editors editor's editor’s methodology source sources about author
authors context insight insights team fact-check fact-checked fact-checking verified verification quality assurance
standards corrections correction disclosure transparency credits contributor contributors reporting analysis synthesis
accuracy publication verify review reviewed specializes specialises coverage desk correspondent reporter primary
cross-referenced compliance original multi-source note""".split())
HEADING_START = re.compile(
    r"^(?:editor['’]?s['’]? note|about the (?:author|authors|writer|reporter)s?\b"
    r"|about this (?:article|story|report)"
    r"|editorial (?:context|note|standards|team|insight)|methodology\b|(?:primary |verified )?sources?\s*:"
    r"|fact[- ]?check|this (?:story|article|report) (?:was|has been) (?:produced|edited|reviewed|written|reported|"
    r"fact-checked|compiled)|(?:additional )?reporting by|(?:editing|written|compiled|produced) by)", re.IGNORECASE)
LONGEST_HEADING_WORDS = 6
LONGEST_TRAILER_LINE_WORDS = 80
LONGEST_HEADING_CHARS = 80
LONGEST_TRAILER_LINE_CHARS = 800

ROLE = re.compile(r"^(?:[A-Za-z][\w-]*\s+){0,3}(?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Pp]roducer"
                  r"|[Aa]nalyst|[Jj]ournalist)$")
PERSON_NAME = re.compile(r"^[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|van|von|de|da|del|al|el|bin|ibn)){1,3}$")
SPECIALISES = re.compile(
    r"speciali[sz](?:es|ing) in (?P<desk>[\w&/ -]+?) (?:coverage|reporting|news|affairs|stories)\b", re.IGNORECASE)
DESK = re.compile(r"\b(?P<desk>[A-Z][\w&/-]*(?: [A-Z][\w&/-]*)?) [Dd]esk\b")
SOURCE_LABEL = re.compile(r"^(?:[A-Za-z]+\s+)?sources?$", re.IGNORECASE)
BIO = re.compile(r"^(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2}) (?:is|was|has been) (?:an? |the )?[\w ,-]*?"
                 r"\b(?:correspondent|reporter|editor|writer|journalist|columnist|contributor|producer)\b")
ROLE_AND_NAME = re.compile(r"\b(?P<role>(?:(?:Senior|Managing|Deputy|Executive|Chief|Copy|News|Contributing) )?"
                           r"(?:Editor|Correspondent|Reporter))\s+(?P<name>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){1,2})")
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w’' -]{1,30}?)\s*:\s*(?P<value>\S.*?)\.?$")
FACT_CHECKED = re.compile(r"\bfact[- ]?check|\bverified by\b", re.IGNORECASE)


def vocabulary_hits(words: list[str]) -> int:
    return sum(word.lower() in TRAILER_VOCABULARY for word in words)


def is_trailer_heading(text: str) -> bool:
    if HEADING_START.match(text):
        return True
    if len(text) > LONGEST_HEADING_CHARS:
        return False
    words = words_of(text)
    return (0 < len(words) <= LONGEST_HEADING_WORDS and not ends_sentence(text) and not has_quote_marks(text)
            and vocabulary_hits(words) > 0 and text[0].isupper())


def is_trailer_like(text: str) -> bool:
    """A label, name, fragment or editorial-vocabulary sentence, never a quotation."""
    if len(text) > LONGEST_TRAILER_LINE_CHARS or has_quote_marks(text):
        return False
    words = words_of(text)
    if len(words) > LONGEST_TRAILER_LINE_WORDS:
        return False
    return not ends_sentence(text) or vocabulary_hits(words) >= 2 or text[0].islower() or bool(BIO.match(text))


def trailer_start(texts: list[str | None]) -> int | None:
    """Index where the trailer begins in ``texts`` (None entries are blank or already removed lines)."""
    start = None
    for index in range(len(texts) - 1, -1, -1):
        text = texts[index]
        if text is None:
            continue
        if is_trailer_heading(text):
            start = index
        if not is_trailer_like(text):
            break
    return start


def trailer_metadata(texts: list[str]) -> dict[str, str]:
    """Source, editor, role, desk and fact-checking found in the trailer's lines."""
    metadata: dict[str, str] = {}
    pending = None
    for text in texts:
        text = text.strip()
        pending = read_trailer_line(text, pending, metadata)
        read_trailer_sentence(text, metadata)
        if FACT_CHECKED.search(text):
            metadata["fact_checked"] = "yes"
    desk = first_search((SPECIALISES, DESK), texts)
    if desk:
        metadata.setdefault("desk", desk.group("desk").strip())
    return metadata


def first_search(patterns: tuple[re.Pattern, ...], texts: list[str]) -> re.Match | None:
    """The first match of the first pattern that matches any of ``texts``."""
    for pattern in patterns:
        for text in texts:
            match = pattern.search(text)
            if match:
                return match
    return None


def read_trailer_sentence(text: str, metadata: dict[str, str]) -> None:
    """Names in running trailer text: an author's bio, "reviewed by Senior Editor X Y"."""
    bio = BIO.match(text)
    if bio:
        metadata.setdefault("author", bio.group("name"))
    named = ROLE_AND_NAME.search(text)
    if named and "editor" not in metadata:
        metadata["editor"] = named.group("name")
        metadata.setdefault("editor_role", named.group("role"))


def read_trailer_line(text: str, pending: str | None, metadata: dict[str, str]) -> str | None:
    """Take one trailer line into ``metadata``; the key a following value line would fill."""
    if SOURCE_LABEL.match(text):
        if text.lower().startswith("verified"):
            metadata["source_verified"] = "yes"
        return "source"
    if ROLE.match(text):
        if "editor_role" not in metadata and not FACT_CHECKED.search(text):
            metadata["editor_role"] = text
            return "editor"
        return None
    pair = KEY_VALUE.match(text)
    if pair and len(words_of(pair.group("key"))) <= 3:
        take_key_value(pair.group("key").lower(), pair.group("value"), metadata)
        return None
    if pending and is_value_for(pending, text) and pending not in metadata:
        metadata[pending] = text
        return None
    return pending


def is_value_for(key: str, text: str) -> bool:
    words = words_of(text)
    if not words or len(words) > 6 or ends_sentence(text) or vocabulary_hits(words) == len(words):
        return False
    return bool(PERSON_NAME.match(text)) if key == "editor" else text[0].isupper()


def take_key_value(key: str, value: str, metadata: dict[str, str]) -> None:
    if "source" in key:
        metadata.setdefault("source", value)
    elif "desk" in key:
        metadata.setdefault("desk", value.removesuffix(" desk"))
    elif ROLE.match(key) or key.endswith(" by") or key in ("by", "author"):
        metadata.setdefault("editor", value)
        if ROLE.match(key):
            metadata.setdefault("editor_role", key.title())
