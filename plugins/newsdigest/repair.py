"""Repairs to a paragraph's text, each expressed as replacements so offsets stay mapped.

- mojibake and HTML entities fixed with ftfy (curly quotes kept as they are);
- whitespace collapsed to single spaces, none at the ends;
- a name glued to a following reporting verb split ("Merzsaid" -> "Merz said").
"""
from __future__ import annotations

import difflib
import functools
import os
import re
import string
from typing import Iterator, NamedTuple

import ftfy

from .mapped import MappedText, Replacement

FTFY_CONFIG = ftfy.TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False, explain=False)
SUSPICIOUS_CHARACTERS = (r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\xc2\xc3\xc5\xce\xcf\xd0\xd1\xe2\ufffd\ufb00-\ufb06"
                         r"\uff01-\uff5e")
SUSPICIOUS = re.compile(rf"[{SUSPICIOUS_CHARACTERS}]|&[#\w]+;")
# Every match of SUSPICIOUS starts with one of these; one class is found far quicker than the alternation.
SUSPICIOUS_START = re.compile(rf"[{SUSPICIOUS_CHARACTERS}&]")
TOKEN = re.compile(r"\S+|\s+")
WINDOW = 120
ODD_SPACE = "\t\n\r\x0b\x0c\x1c-\x1f\x85\xa0\u1680\u2000-\u200b\u2028\u2029\u202f\u205f\u2060\u3000\ufeff"
SPACE_TO_FIX = re.compile(rf" ?[{ODD_SPACE}][\s{ODD_SPACE}]*|  +[\s{ODD_SPACE}]*")
# (Every one of them is unprintable, so a printable text holds none.)
ODD_SPACE_CHARACTER = re.compile(f"[{ODD_SPACE}]")
REPORTING_VERBS = ("said", "says", "told", "tells", "added", "stated", "warned", "noted", "explained", "argued",
                   "insisted", "claimed", "wrote", "asked", "replied", "announced", "declared", "acknowledged",
                   "admitted", "confirmed", "recalled", "continued", "tweeted", "testified")
GLUED = re.compile(r"\b(?P<prefix>[A-Za-z][A-Za-z]+?)(?P<verb>" + "|".join(REPORTING_VERBS) + r")\b")
SPLIT_LOWERCASE_VERBS = frozenset({"said", "says", "told"})
REAL_COMPOUNDS = frozenset({"unsaid", "aforesaid", "gainsaid", "gainsays", "foretold", "untold", "retold",
                            "soothsaid", "overstated", "understated", "restated", "misstated", "unstated",
                            "forewarned", "unwarned", "unasked", "unexplained", "uncontinued", "unclaimed",
                            "reclaimed", "proclaimed", "disclaimed", "acclaimed", "unconfirmed", "unadded",
                            "rewrote", "unnoted", "denoted", "connoted", "annoted", "footnoted", "unanswered"})
MID_SENTENCE_CAPITAL = re.compile(r"(?<=[\w,;] )[A-Z][A-Za-z]+\b")
NAME_BEFORE = re.compile(r"\b[A-Z][A-Za-z'’-]+ $")
LOWER_WORD = re.compile(r"\b[a-z]+\b")
ASCII_LETTERS = frozenset(string.ascii_letters)


class Repaired(NamedTuple):
    """A repaired paragraph, notes on what was changed, and the garbled words fixed (old, new)."""

    paragraph: MappedText
    notes: tuple[str, ...] = ()
    garbled: tuple[tuple[str, str], ...] = ()


def fixed_mojibake(paragraph: MappedText) -> Repaired:
    """Mojibake, HTML entities and stray controls fixed by ftfy, word by suspicious word."""
    text = paragraph.text
    if is_plain_ascii(text) or not SUSPICIOUS_START.search(text):
        return Repaired(paragraph)
    replacements: list[Replacement] = []
    fixed_words = []
    covered = 0
    for match in SUSPICIOUS.finditer(text):
        if match.start() < covered:
            continue
        start, covered = word_around(text, match.start())
        word = text[start:covered]
        fixed, changes = window_repairs(word)
        if changes:
            fixed_words.append((word, fixed))
            replacements.extend((start + low, start + high, new) for low, high, new in changes)
    return Repaired(paragraph.replaced(replacements), garbled=tuple(fixed_words))


def is_plain_ascii(text: str) -> bool:
    """Printable ASCII without ``&``: nothing SUSPICIOUS can match (its other ASCII characters are controls), and
    ``str`` methods tell it far quicker than a search."""
    return text.isascii() and "&" not in text and text.isprintable()


def word_around(text: str, position: int) -> tuple[int, int]:
    """Bounds of the word holding ``position`` (with the next word after a lone "Ã"/"Â"), at most WINDOW wide."""
    start = max(text.rfind(" ", max(0, position - WINDOW), position) + 1, position - WINDOW // 2, 0)
    end = text.find(" ", position, position + WINDOW)
    if end < 0:
        end = min(len(text), position + WINDOW // 2)
    elif text[end - 1] in "ÃÂ":
        following = text.find(" ", end + 1, end + WINDOW)
        end = following if following >= 0 else min(len(text), end + WINDOW // 2)
    return start, end


@functools.lru_cache(maxsize=1 << 16)
def window_repairs(window: str) -> tuple[str, tuple[Replacement, ...]]:
    """ftfy's fix of one window of text, and the replacements (relative to the window) that make it."""
    fixed = ftfy.fix_text(window, FTFY_CONFIG)
    return fixed, tuple(aligned_replacements(window, fixed, 0)) if fixed != window else ()


def aligned_replacements(old: str, new: str, offset: int) -> list[Replacement]:
    """The replacements that turn ``old`` into ``new``, keeping unchanged characters mapped.

    Words are aligned first, then each changed stretch is trimmed to the
    characters that really differ.
    """
    old_starts, old_tokens = token_starts(old)
    new_starts, new_tokens = token_starts(new)
    matcher = difflib.SequenceMatcher(None, old_tokens, new_tokens, autojunk=False)
    replacements = []
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag != "equal":
            start, end = old_starts[i1], old_starts[i2]
            replacements.append(trimmed_replacement(old[start:end], new[new_starts[j1]:new_starts[j2]], offset + start))
    return replacements


def token_starts(text: str) -> tuple[list[int], list[str]]:
    """Words and spaces of ``text`` with their offsets, plus the end offset as a last start."""
    tokens = TOKEN.findall(text)
    starts, position = [], 0
    for token in tokens:
        starts.append(position)
        position += len(token)
    return starts + [position], tokens


def trimmed_replacement(old: str, new: str, offset: int) -> Replacement:
    prefix = len(commonprefix(old, new))
    suffix = len(commonprefix(old[prefix:][::-1], new[prefix:][::-1]))
    return offset + prefix, offset + len(old) - suffix, new[prefix:len(new) - suffix]


def commonprefix(first: str, second: str) -> str:
    return os.path.commonprefix([first, second])


def collapsed_whitespace(paragraph: MappedText) -> Repaired:
    """Runs of whitespace become one space (the first one kept if it is a space); ends trimmed."""
    text = paragraph.text
    replacements: list[Replacement] = []
    for start, end in space_runs(text):
        if start == 0 or end == len(text):
            replacements.append((start, end, ""))
        else:
            keep = 1 if text[start] == " " else 0
            replacements.append((start + keep, end, "" if keep else " "))
    return Repaired(paragraph.replaced(replacements))


def space_runs(text: str) -> list[tuple[int, int]]:
    """Whitespace runs that are not one plain space, and any whitespace at either end."""
    needs_fixing = "  " in text or not text.isprintable() and ODD_SPACE_CHARACTER.search(text)
    runs = [match.span() for match in SPACE_TO_FIX.finditer(text)] if needs_fixing else []
    if text[:1] == " " and (not runs or runs[0][0] != 0):
        runs.insert(0, (0, len(text) - len(text.lstrip(" "))))
    if text[-1:] == " " and (not runs or runs[-1][1] != len(text)):
        runs.append((len(text.rstrip(" ")), len(text)))
    return runs


class KnownWords:
    """What the article's own words say about a glued token: which prefixes are names or words."""

    def __init__(self, texts: list[str]):
        self.joined = "\n".join(texts)

    @functools.cached_property
    def capitalised(self) -> set[str]:
        return set(MID_SENTENCE_CAPITAL.findall(self.joined))

    @functools.cached_property
    def lowercase(self) -> set[str]:
        return set(LOWER_WORD.findall(self.joined))

    def splits(self, prefix: str, verb: str, after_name: bool) -> bool:
        """Whether ``prefix + verb`` is clearly a word glued to a reporting verb.

        A capitalised prefix must be a name: seen capitalised mid-sentence
        elsewhere, or ending a run of capitalised words ("Friedrich Merzsaid"),
        and never used as a lower-case word. A lower-case prefix must be a
        word of the article and the verb said, says or told.
        """
        glued = (prefix + verb).lower()
        if glued in REAL_COMPOUNDS or glued in self.lowercase:
            return False
        if prefix[0].isupper():
            is_name = prefix in self.capitalised or (after_name and len(prefix) >= 3)
            return is_name and prefix.lower() not in self.lowercase
        return verb in SPLIT_LOWERCASE_VERBS and len(prefix) >= 4 and prefix in self.lowercase


def split_glued_verbs(paragraph: MappedText, known: KnownWords) -> Repaired:
    """A space inserted between a known name (or word) and the reporting verb glued to it."""
    replacements: list[Replacement] = []
    notes = []
    text = paragraph.text
    for match in glued_matches(text):
        after_name = bool(NAME_BEFORE.search(text, max(0, match.start() - 40), match.start()))
        if known.splits(match.group("prefix"), match.group("verb"), after_name):
            replacements.append((match.start("verb"), match.start("verb"), " "))
            notes.append(f"split {match.group()!r} into {match.group('prefix')!r} {match.group('verb')!r}")
    return Repaired(paragraph.replaced(replacements), tuple(notes))


def has_glued_candidates(texts: list[str]) -> bool:
    """Whether any of ``texts`` holds a run of letters ending in a reporting verb (all searched at once:
    a run never crosses the newline that joins them)."""
    return bool(glued_matches("\n".join(texts)))


def glued_matches(text: str) -> list[re.Match]:
    """What ``GLUED.finditer(text)`` yields, found far quicker: GLUED is tried only at the start
    of each run of letters that holds a reporting verb right after a letter."""
    starts = {letters_start(text, position) for position in verb_positions(text)
              if position and text[position - 1] in ASCII_LETTERS}
    return [match for start in sorted(starts) if (match := GLUED.match(text, start))]


def verb_positions(text: str) -> Iterator[int]:
    """Offsets of every occurrence of a reporting verb in ``text``, even inside words."""
    for verb in REPORTING_VERBS:
        position = text.find(verb)
        while position >= 0:
            yield position
            position = text.find(verb, position + 1)


def letters_start(text: str, end: int) -> int:
    """Where the run of ASCII letters ending at ``end`` begins."""
    start = end
    while start and text[start - 1] in ASCII_LETTERS:
        start -= 1
    return start
