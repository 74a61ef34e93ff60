"""The optional ``Key: value`` header at the top of a raw article."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .dates import ImpossibleDate, normalise_date
from .errors import ContentError
from .lines import Line

KNOWN_KEYS = frozenset({
    "title", "subtitle", "date", "modified", "updated", "source", "url", "link", "topics", "tags",
    "category", "editor", "author", "authors", "byline", "desk", "summary", "status", "people",
    "quote-speaker", "quote-suppress", "slug", "lang", "language", "section", "fact-checked",
})
HEADER_LINE = re.compile(r"^(?P<key>[A-Za-z][A-Za-z0-9_-]{0,23}):[ \t]*(?P<value>.*?)\s*$")
REQUIRED_VALUES = ("title", "date")


@dataclass
class Header:
    """Header metadata (lower-case keys) and the body lines after the header's blank line."""

    metadata: dict[str, str] = field(default_factory=dict)
    body: list[Line] = field(default_factory=list)


def read_header(lines: list[Line], file: str) -> Header:
    """Split ``lines`` into header and body; without a header the body is every line.

    A header is a run of ``Key: value`` lines with short one-word keys, at
    least one of them a known key, ended by a blank line. A run with two
    known keys that runs straight into text is a malformed header.
    """
    run = header_run(lines)
    known = sum(key in KNOWN_KEYS for _, key, _ in run)
    if not known:
        return Header(body=lines)
    after = lines[len(run)] if len(run) < len(lines) else None
    if after is not None and not after.is_blank:
        if known == 1:
            return Header(body=lines)
        raise ContentError(file, f"header must end with a blank line (line {after.number}: {after.stripped[:40]!r})",
                           after.number)
    metadata = {}
    for line, key, value in run:
        metadata[key] = checked_value(key, value, line, file)
    return Header(metadata, lines[len(run) + 1:])


def header_run(lines: list[Line]) -> list[tuple[Line, str, str]]:
    """The ``Key: value`` lines opening ``lines``, each with its lower-case key and its value."""
    run = []
    for line in lines:
        match = HEADER_LINE.match(line.stripped)
        if not match or line.is_blank:
            break
        run.append((line, match.group("key").lower(), match.group("value")))
    return run


def checked_value(key: str, value: str, line: Line, file: str) -> str:
    """The value to store for ``key``; dates normalised to ISO, impossible or missing ones refused."""
    if key in REQUIRED_VALUES and not value:
        raise ContentError(file, f"header key '{key.title()}' on line {line.number} has no value", line.number)
    if key not in ("date", "modified", "updated"):
        return value
    try:
        date = normalise_date(value)
    except ImpossibleDate as error:
        raise ContentError(file, f"header key '{key.title()}' on line {line.number}: {error}", line.number) from None
    if date is None:
        raise ContentError(file, f"header key '{key.title()}' on line {line.number}: not a date: {value!r}",
                           line.number)
    return date
