"""The data model shared by every Newsdigest stage.

Offsets, spans and names are computed once, by the text functions, and carried
in these objects to the Pelican plugins, the feeds and the command line.
Nothing here imports Pelican.
"""
from __future__ import annotations

import bisect
import operator
from dataclasses import asdict, dataclass, field, replace


def pickled_as_a_call(cls):
    """Class decorator: a slotted dataclass is pickled as a call to its class with its fields in
    order, which writes and reads faster than the state the dataclasses module gives it (which
    looks the fields up again for every object); a site build reads thousands of digests."""
    fields_of = operator.attrgetter(*cls.__match_args__)
    if len(cls.__match_args__) == 1:
        cls.__reduce__ = lambda self: (type(self), (fields_of(self),))
    else:
        cls.__reduce__ = lambda self: (type(self), fields_of(self))
    return cls


@pickled_as_a_call
@dataclass(frozen=True, slots=True)
class Span:
    """Characters ``text[start:end]`` of some string (the cleaned body unless said otherwise)."""

    start: int
    end: int
    text: str


@pickled_as_a_call
@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A source line the cleaner dropped, with its 1-based line number and the reason."""

    line: int
    text: str
    reason: str


@pickled_as_a_call
@dataclass(frozen=True, slots=True)
class OffsetMap:
    """Maps offsets in a cleaned text back to offsets in the source it came from.

    ``segments`` holds ``(clean_start, source_start, length)`` runs of characters
    copied unchanged, sorted by ``clean_start``. An offset that falls in no run
    (a character the cleaner inserted) maps to the end of the run before it.
    """

    segments: tuple[tuple[int, int, int], ...] = ()

    def to_source(self, offset: int) -> int:
        if not self.segments:
            return offset
        i = bisect.bisect_right(self.segments, (offset, float("inf"), 0)) - 1
        if i < 0:
            return self.segments[0][1]
        clean_start, source_start, length = self.segments[i]
        return source_start + min(offset - clean_start, length)


@pickled_as_a_call
@dataclass(slots=True)
class CleanArticle:
    """A raw scraped article after cleaning.

    ``text`` is the body with paragraphs separated by one blank line;
    ``metadata`` has lower-case keys (``title``, ``date``, ``source``,
    ``editor``, ``desk``, ``topics``, ``summary``, ...), header values winning
    over derived ones.
    """

    file: str
    title: str
    text: str
    metadata: dict[str, str] = field(default_factory=dict)
    removed: list[RemovedLine] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    title_derived: bool = False
    date_found: bool = True
    offsets: OffsetMap = field(default_factory=OffsetMap)

    def paragraphs(self) -> list[str]:
        return [p for p in self.text.split("\n\n") if p.strip()]

    def to_json(self) -> dict:
        return {
            "file": self.file,
            "title": self.title,
            "title_derived": self.title_derived,
            "text": self.text,
            "metadata": self.metadata,
            "removed": [asdict(r) for r in self.removed],
            "warnings": self.warnings,
        }


SPEAKER_KINDS = ("person", "organisation", "document", "unknown")
QUOTE_KINDS = ("full", "partial", "fragment")


@pickled_as_a_call
@dataclass(slots=True)
class Quote:
    """One direct quote: the words inside one pair of quotation marks.

    ``start``/``end`` delimit the quoted words (marks excluded) in the text the
    extractor was given; ``speaker`` is the resolved full name (or the
    organisation/document as named), ``speaker_mention`` the words that name
    the speaker at this quote (a name, "he", "the minister").
    """

    start: int
    end: int
    text: str
    speaker: str | None = None
    speaker_mention: Span | None = None
    cue: str | None = None
    kind: str = "full"
    speaker_kind: str = "unknown"
    role: str | None = None
    confidence: float = 0.0
    paragraph: int = 0
    context: str = ""

    def to_json(self) -> dict:
        data = asdict(self)
        data["speaker_mention"] = asdict(self.speaker_mention) if self.speaker_mention else None
        return data

    def shifted_to_source(self, offsets: OffsetMap) -> "Quote":
        """The same quote with its offsets moved into the source the text was cleaned from."""
        mention = self.speaker_mention
        if mention is not None:
            mention = Span(offsets.to_source(mention.start), offsets.to_source(mention.end - 1) + 1, mention.text)
        return replace(self, start=offsets.to_source(self.start),
                       end=offsets.to_source(self.end - 1) + 1 if self.end > self.start else offsets.to_source(self.end),
                       speaker_mention=mention)
