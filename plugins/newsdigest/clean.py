"""Cleaning raw scraped articles: decoding, header, boilerplate, repairs, title, date and summary.

``clean_article`` turns a raw article into a ``CleanArticle`` whose ``offsets``
map every character of the cleaned text back to the raw string; repairs are
listed in ``warnings`` as ``"repair: ..."`` lines.
"""
from __future__ import annotations

import codecs
import re
from collections import Counter
from pathlib import Path
from typing import Callable

from .boilerplate import Verdict, classify_line
from .dates import DATELINE_PARAGRAPHS, date_in_text
from .errors import ContentError
from .header import read_header
from .headline import is_deck, is_headline, title_from_headline, title_from_lead
from .lines import Line, split_lines
from .mapped import MappedText
from .model import CleanArticle, RemovedLine
from .repair import (KnownWords, Repaired, collapsed_whitespace, fixed_mojibake, has_glued_candidates,
                     split_glued_verbs)
from .trailer import trailer_metadata, trailer_start

CONTROL_SHARE_LIMIT = 0.1
SHOWN_FIXES = 8
SAMPLE = 8192
WRAP_ENDINGS = tuple(".!?…:;\"”’)]")
# Control characters other than tab, newline, form feed and carriage return.
CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]")


def decode_article_bytes(data: bytes, file: str) -> tuple[str, list[str]]:
    """The text of an article file and any decoding warnings.

    UTF-16 needs its byte-order mark; UTF-8 may carry one (kept as U+FEFF so
    offsets count characters of the file as read); anything else is read as
    cp1252 (Latin-1 for bytes cp1252 leaves undefined). Line ends become "\\n".
    """
    if not data.strip():
        raise ContentError(file, "empty file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text, warnings = data.decode("utf-16"), []
        except UnicodeDecodeError as error:
            raise ContentError(file, f"broken UTF-16: {error.reason} at byte {error.start}") from None
    elif b"\x00" in data:
        raise ContentError(file, "binary file (NUL bytes), not article text")
    else:
        text, warnings = decoded_8bit(data)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    refuse_unusable(text, file)
    return text, warnings


def decoded_8bit(data: bytes) -> tuple[str, list[str]]:
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as error:
        where = f"invalid UTF-8 at byte {error.start}"
    try:
        return data.decode("cp1252"), [f"{where}; decoded as cp1252"]
    except UnicodeDecodeError:
        return data.decode("latin-1"), [f"{where}; decoded as Latin-1"]


def refuse_unusable(text: str, file: str) -> None:
    """Raise ContentError for text that is empty or looks binary."""
    if not text.strip().strip("\ufeff"):
        raise ContentError(file, "empty file")
    sample = text[:SAMPLE]
    controls = len(CONTROL.findall(sample))
    if "\x00" in sample or controls > CONTROL_SHARE_LIMIT * len(sample):
        raise ContentError(file, "binary content (control characters), not article text")


def read_article(path: str | Path) -> CleanArticle:
    """Read, decode and clean the article file at ``path``."""
    text, warnings = read_article_text(path)
    article = clean_article(text, str(path))
    article.warnings[:0] = warnings
    return article


def read_article_text(path: str | Path) -> tuple[str, list[str]]:
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise ContentError(str(path), f"cannot read: {error.strerror or error}") from None
    return decode_article_bytes(data, str(path))


def clean_article(raw: str, file: str = "<string>") -> CleanArticle:
    """Clean one raw article: header, boilerplate, headline, repairs, title, date, summary."""
    refuse_unusable(raw, file)
    header = read_header(split_lines(raw), file)
    body = header.body
    verdicts = judged_lines(body)
    metadata = derived_metadata(body, verdicts)
    kept = [None if verdict or line.is_blank else line for line, verdict in zip(body, verdicts)]
    headline = take_headline(body, kept, verdicts, header.metadata.get("title"))
    if headline:
        metadata.update(headline)
    paragraphs, warnings = repaired_paragraphs(raw, kept, metadata.get("title", ""))
    removed = [RemovedLine(line.number, line.text, verdict.reason)
               for line, verdict in zip(body, verdicts) if verdict]
    if not paragraphs:
        raise ContentError(file, f"no article text left after removing {len(removed)} boilerplate line(s)")
    text = MappedText.joined(paragraphs, "\n\n")
    article = CleanArticle(file=file, title="", text=text.text, removed=removed, warnings=warnings,
                           offsets=text.offset_map())
    settle_metadata(article, metadata, header.metadata, [line.stripped for line in body])
    return article


def judged_lines(body: list[Line]) -> list[Verdict | None]:
    """Each body line's boilerplate verdict; the editorial trailer, if any, runs to the end."""
    verdicts = [classify_line(line.stripped) for line in body]
    start = trailer_start([None if verdict or line.is_blank else line.stripped
                           for line, verdict in zip(body, verdicts)])
    if start is not None:
        for index in range(start, len(body)):
            if not body[index].is_blank:
                verdicts[index] = Verdict("editorial trailer")
    return verdicts


def derived_metadata(body: list[Line], verdicts: list[Verdict | None]) -> dict[str, str]:
    """Metadata carried by removed lines: the trailer's, a byline's author, a tag line's topics."""
    metadata = trailer_metadata([line.stripped for line, verdict in zip(body, verdicts)
                                 if verdict and verdict.reason == "editorial trailer"])
    for verdict in verdicts:
        for key, value in verdict.metadata if verdict else ():
            metadata.setdefault(key, value)
    return metadata


def take_headline(body: list[Line], kept: list[Line | None], verdicts: list[Verdict | None],
                  header_title: str | None) -> dict[str, str]:
    """Mark the headline (and a deck under it) as removed; their text as title and subtitle."""
    indices = [index for index, line in enumerate(kept) if line is not None]
    if len(indices) < 2:
        return {}
    first, second = indices[0], indices[1]
    line = body[first]
    if not is_headline(line, blank_after(body, first)) or (second == first + 1 and runs_on(line, body[second])):
        return {}
    title = title_from_headline(line.stripped)
    if header_title and title.lower() != title_from_headline(header_title).lower():
        return {}
    found = {"title": title}
    kept[first], verdicts[first] = None, Verdict("headline")
    if second == first + 1 and len(indices) > 2 and is_deck(line, body[second], blank_after(body, second)):
        found["subtitle"] = " ".join(body[second].stripped.split())
        kept[second], verdicts[second] = None, Verdict("subtitle")
    return found


def blank_after(body: list[Line], index: int) -> bool:
    return index + 1 >= len(body) or body[index + 1].is_blank


def paragraph_lines(kept: list[Line | None]) -> list[list[Line]]:
    """Kept lines grouped into paragraphs: each line is one, unless it runs on (wrapped text)
    into the next; blank and removed lines (None) always end a paragraph."""
    paragraphs: list[list[Line]] = []
    current: list[Line] = []
    for line in kept + [None]:
        if current and (line is None or not runs_on(current[-1], line)):
            paragraphs.append(current)
            current = []
        if line is not None:
            current.append(line)
    return paragraphs


def runs_on(previous: Line, line: Line) -> bool:
    """Whether ``previous`` stops mid-sentence and ``line`` carries on in lower case."""
    return not previous.stripped.endswith(WRAP_ENDINGS) and line.stripped[:1].islower()


def repaired_paragraphs(raw: str, kept: list[Line | None], title: str) -> tuple[list[MappedText], list[str]]:
    """Each paragraph copied from ``raw``, mojibake fixed, whitespace collapsed, glued verbs split."""
    paragraphs = [copied_paragraph(raw, lines) for lines in paragraph_lines(kept)]
    notes: list[str] = []
    fixes = [fixed_mojibake(paragraph) for paragraph in paragraphs]
    garbled = Counter(pair for fix in fixes for pair in fix.garbled)
    if garbled:
        notes.append(garbled_note(garbled))
    paragraphs = [repaired(fix.paragraph, collapsed_whitespace, notes) for fix in fixes]
    paragraphs = [paragraph for paragraph in paragraphs if paragraph.text]
    texts = [paragraph.text for paragraph in paragraphs]
    if has_glued_candidates(texts):
        known = KnownWords(texts + [title])
        paragraphs = [repaired(paragraph, lambda p: split_glued_verbs(p, known), notes) for paragraph in paragraphs]
    return paragraphs, [f"repair: {note}" for note in notes]


def copied_paragraph(raw: str, lines: list[Line]) -> MappedText:
    """The lines' text copied from ``raw``, joined by single spaces."""
    parts = [MappedText.copied(raw, *line.bounds) for line in lines]
    return parts[0] if len(parts) == 1 else MappedText.joined(parts, " ")


def garbled_note(garbled: Counter) -> str:
    """One note for all garbled words fixed: the commonest shown as old → new with counts."""
    shown = ", ".join(f"{old!r} → {new!r} ×{count}" for (old, new), count in garbled.most_common(SHOWN_FIXES))
    more = f" and {len(garbled) - SHOWN_FIXES} more" if len(garbled) > SHOWN_FIXES else ""
    return f"fixed {sum(garbled.values())} garbled word(s): {shown}{more}"


def repaired(paragraph: MappedText, repair: Callable[[MappedText], Repaired], notes: list[str]) -> MappedText:
    """The paragraph after ``repair``, its notes added to ``notes``."""
    result = repair(paragraph)
    notes.extend(result.notes)
    return result.paragraph


def settle_metadata(article: CleanArticle, derived: dict[str, str], header: dict[str, str],
                    body_texts: list[str]) -> None:
    """Title, date and summary, header values winning over derived ones; warnings for guesses."""
    metadata = dict(derived)
    opening = article.text.split("\n\n", DATELINE_PARAGRAPHS)[:DATELINE_PARAGRAPHS]
    lead = opening[0]
    if "title" not in metadata and "title" not in header:
        metadata["title"] = title_from_lead(lead)
        article.title_derived = True
        article.warnings.append("no headline; title derived from the lead sentence")
    if "date" not in header:
        date, stated = date_in_text(body_texts, opening)
        if date:
            metadata["date"] = date
            if not stated:
                article.warnings.append(f"date {date} taken from a date mentioned in the text")
        else:
            article.date_found = False
            article.warnings.append("no date found; the file's time will be used")
    metadata.setdefault("summary", lead)
    metadata.update(header)
    article.metadata = metadata
    article.title = metadata["title"]
