"""Source lines with their numbers and offsets, and the shape tests the cleaner asks of a line."""
from __future__ import annotations

import re
from typing import NamedTuple

QUOTE_MARKS = "\"“”„«»"
SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
WORD = re.compile(r"[^\W_]+(?:['’.-][^\W_]+)*")
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060"
EDGE_SPACE = " \t\r\f\v\xa0" + INVISIBLE


class Line(NamedTuple):
    """One source line: 1-based ``number``, ``start`` offset in the raw text, ``text`` without its newline, and
    ``stripped`` of surrounding whitespace and invisible characters."""

    number: int
    start: int
    text: str
    stripped: str

    @property
    def is_blank(self) -> bool:
        return not self.stripped

    @property
    def bounds(self) -> tuple[int, int]:
        """Start and end offsets in the raw text of the line without surrounding whitespace."""
        text = self.text
        left = len(text) - len(text.lstrip(EDGE_SPACE))
        right = len(text.rstrip(EDGE_SPACE))
        return self.start + left, self.start + max(left, right)


def split_lines(raw: str) -> list[Line]:
    lines, start = [], 0
    for number, text in enumerate(raw.split("\n"), start=1):
        lines.append(Line(number, start, text, text.strip().strip(INVISIBLE).strip()))
        start += len(text) + 1
    return lines


def words_of(text: str) -> list[str]:
    return WORD.findall(text)


def ends_sentence(text: str) -> bool:
    return bool(SENTENCE_END.search(text.rstrip()[-8:]))


def has_quote_marks(text: str) -> bool:
    return any(map(text.__contains__, QUOTE_MARKS))
