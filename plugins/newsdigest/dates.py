"""Dates in headers and article text, normalised to ISO ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM``."""
from __future__ import annotations

import re
from datetime import datetime
from itertools import chain
from typing import Iterable

from dateutil import parser as dateutil_parser

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
    ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
    ("october", "oct"), ("november", "nov"), ("december", "dec")), start=1) for name in names}
MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
TIME = r"(?:[T ,]+(?:at )?(?P<hour>\d{1,2}):(?P<minute>\d{2})(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?"
DATE_PATTERNS = tuple(re.compile(pattern, re.IGNORECASE) for pattern in (
    r"\b(?P<year>\d{4})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})\b" + TIME,
    r"\b(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?" + MONTH + r",?\s+(?P<year>\d{4})\b" + TIME,
    r"\b" + MONTH + r"\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})\b" + TIME,
))
DATELINE = re.compile(r"^[A-Z][A-Z.'’ -]+(?:\([A-Za-z]+\))?,\s+[^—–]{0,40}?\d{4}")
PUBLISHED_LINE = re.compile(
    r"^\W*(?:(?:first\s+)?published|posted|updated|last\s+updated|dated?|filed)(?:\s+on)?\s*:?\s*", re.IGNORECASE)


YEAR = re.compile(r"\d{4}")
MONTH_NAME = re.compile(r"\b" + MONTH + r"(?!\w)", re.IGNORECASE)
LINES_SEARCHED = 80
DATELINE_PARAGRAPHS = 2
DATE_SEARCH_CHARS = 2000


class ImpossibleDate(ValueError):
    """A date-shaped value that names no real day (month 13, day 45)."""


def normalise_date(value: str) -> str | None:
    """``value`` as an ISO date (with ``THH:MM`` when a time is given), or None when it holds no date.

    Raises ImpossibleDate when ``value`` is shaped like a date but names no real day.
    """
    match = first_date_match(value)
    if match:
        return iso_date(match)
    return date_by_dateutil(value) if names_a_day(value) else None


def names_a_day(value: str) -> bool:
    """Whether ``value`` has a year and either a month name or two more numbers."""
    return bool(YEAR.search(value)) and (bool(MONTH_NAME.search(value)) or len(re.findall(r"\d+", value)) >= 3)


def date_by_dateutil(value: str) -> str | None:
    """Other spellings with a four-digit year ("Mon, 03 Mar 2025 14:05:00 GMT"), read by dateutil."""
    try:
        moment = dateutil_parser.parse(value, default=datetime(1, 1, 1))
    except (ValueError, OverflowError):
        return None
    has_time = bool(re.search(r"\d:\d\d", value))
    return moment.strftime("%Y-%m-%dT%H:%M" if has_time else "%Y-%m-%d")


def is_whole_date(value: str) -> bool:
    """Whether ``value`` is a date and nothing more (allowing a trailing period)."""
    match = date_match_at(value, len(value) - len(value.lstrip()))
    return bool(match) and value[match.end():].strip(" .") == ""


def date_match_at(text: str, position: int) -> re.Match | None:
    """The date starting exactly at ``position``, as ``first_date_match`` would find it there."""
    return next((match for pattern in DATE_PATTERNS if (match := pattern.match(text, position))), None)


def first_date_match(text: str) -> re.Match | None:
    matches = (pattern.search(text) for pattern in DATE_PATTERNS)
    found = [match for match in matches if match]
    return min(found, key=lambda match: match.start()) if found else None


def iso_date(match: re.Match) -> str:
    month = match.group("month")
    month_number = MONTHS[month.lower()] if month.isalpha() else int(month)
    try:
        moment = datetime(int(match.group("year")), month_number, int(match.group("day")),
                          int(match.group("hour") or 0), int(match.group("minute") or 0))
    except ValueError as error:
        raise ImpossibleDate(f"impossible date {match.group(0).strip()!r} ({error})") from None
    return iso_text(moment, with_time=bool(match.group("hour")))


def iso_text(moment: datetime, with_time: bool) -> str:
    """``moment.strftime("%Y-%m-%d")`` (``"%Y-%m-%dT%H:%M"`` with the time) spelled out, many times quicker; the year
    unpadded, as glibc's strftime writes it."""
    day = f"{moment.year}-{moment.month:02d}-{moment.day:02d}"
    return f"{day}T{moment.hour:02d}:{moment.minute:02d}" if with_time else day


def date_in_text(lines: list[str], lead: list[str]) -> tuple[str | None, bool]:
    """The publication date stated in an article, and whether it was stated as one.

    A "Published/Updated/Posted ..." line among the first ``lines`` (removed
    ones included) or a dateline opening the lead ("PORT ANSEL, Oct. 14,
    2026 —") states it; otherwise a date in the first ``lead`` paragraphs or
    on a line of its own is taken as a guess. Dates further down are events
    the story reports, not its date.
    """
    lines = [line for line in lines[:LINES_SEARCHED] if line.strip()]
    stated = chain(filter(PUBLISHED_LINE.match, lines), filter(DATELINE.match, lead[:1]))
    guessed = chain(lead[:DATELINE_PARAGRAPHS], filter(is_whole_date, lines))
    for candidates, is_stated in ((stated, True), (guessed, False)):
        date = first_real_date(candidates)
        if date:
            return date, is_stated
    return None, False


def first_real_date(texts: Iterable[str]) -> str | None:
    for text in texts:
        match = first_date_match(text[:DATE_SEARCH_CHARS]) if YEAR.search(text[:DATE_SEARCH_CHARS]) else None
        if match:
            try:
                return iso_date(match)
            except ImpossibleDate:
                continue
    return None
