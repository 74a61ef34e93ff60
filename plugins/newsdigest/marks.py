"""Quotation marks: which ones open, which close, and the spans they enclose.

Marks are paired line by line (scraped articles put one paragraph on a line),
deciding by the characters around a mark whether it opens or closes, so that a
typographically wrong mark still pairs: in ``He said ”yes.“`` the two marks
enclose ``yes.``. An opening mark still open at the end of a paragraph closes
there; when the next paragraph begins with an opening mark, the quote goes on
in it (the usual convention for a quote over several paragraphs).

A text without double marks may quote with single marks (``‘We will,’ she
said.``); in a text with double marks, single marks are nested quotes or
apostrophes and belong to the words around them. Two apostrophes written for
one double mark (``''We will,'' she said.``, as in some news archives) are
apostrophes too, and a text that has them quotes with double marks only, so
that its stray single marks never pair.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

DOUBLE_MARKS = "“”\"„«»"
SINGLE_MARKS = "‘’'‚"
OPENING_GLYPHS = "“„«‘‚"
BEFORE_OPENING = " \t\n([{—–-/:;,"
AFTER_CLOSING = " \t\n)]}—–-/.,;:!?…"
DOUBLED_APOSTROPHES = ("''", "``")
SINGLE_OPENING = re.compile(r"(?<![\w’'])‘(?=\w)")


@dataclass(frozen=True)
class QuotedSpan:
    """The words between one pair of marks (``start``/``end``), with the marks' positions.

    ``close`` is None when the paragraph ended before a closing mark;
    ``continues`` is the index of the span the quote goes on in, if any.
    """

    start: int
    end: int
    open: int
    close: int | None
    line: int
    continues: int | None = None

    @property
    def after_close(self) -> int:
        """Offset just past the closing mark (the paragraph's end for a quote left open)."""
        return self.end if self.close is None else self.close + 1


def opens(text: str, i: int) -> bool:
    """Whether the mark at ``i`` opens a quote, judged by its neighbours, then its glyph."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    left_flanking = after not in " \t\n" and (before in BEFORE_OPENING or before in DOUBLE_MARKS)
    right_flanking = before not in " \t\n" and (after in AFTER_CLOSING or after in DOUBLE_MARKS)
    if left_flanking != right_flanking:
        return left_flanking
    return text[i] in OPENING_GLYPHS


def is_single_mark(text: str, i: int) -> bool:
    """A single mark that can be a quotation mark: not an apostrophe inside a word (``don’t``)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not (before.isalnum() and after.isalnum())


def closes_straight_pair(text: str, outer: int, i: int, depth: int) -> bool:
    """A straight mark inside a quote opened by a straight mark closes it: straight marks do not nest."""
    return depth > 0 and text[i] == '"' and text[outer] == '"'


def mark_positions(text: str) -> list[int]:
    """Positions of the marks ``text`` quotes with: its double marks, or its single marks that are not apostrophes."""
    doubles = positions_of(text, DOUBLE_MARKS)
    if not quotes_with_single_marks(text, len(doubles)):
        return doubles
    return [i for i in positions_of(text, SINGLE_MARKS) if is_single_mark(text, i)]


def positions_of(text: str, characters: str) -> list[int]:
    """Where any of ``characters`` occurs in ``text``, in order (each found by ``str.find``, far quicker than a
    regular expression that must look at every character)."""
    found = []
    for character in characters:
        position = text.find(character)
        while position >= 0:
            found.append(position)
            position = text.find(character, position + 1)
    return sorted(found)


def quotes_with_single_marks(text: str, doubles: int) -> bool:
    """Whether a text holding ``doubles`` double marks quotes with single marks rather than double ones.

    Single marks win when they open more than twice as many quotes as double
    marks do, as in a text quoting ‘like this’ with a “nested” quote or two,
    or when a text has no double marks, unless it writes doubled apostrophes
    (``''``), which make its single marks apostrophes.
    """
    if any(pair in text for pair in DOUBLED_APOSTROPHES):
        return False
    singles = len(SINGLE_OPENING.findall(text)) if "‘" in text else 0
    return not (doubles and singles <= 2 * max(1, doubles // 2))


def pair_line(text: str, positions: list[int]) -> tuple[list[tuple[int, int | None]], bool]:
    """Pairs of (open, close) positions of the marks of one line; close None for a quote left open.

    Marks inside an open quote nest (a quote within a quote) and only the
    outermost pair is returned. The flag says whether the line ends inside a quote.
    """
    pairs: list[tuple[int, int | None]] = []
    depth, outer = 0, -1
    for i in positions:
        if opens(text, i) and not closes_straight_pair(text, outer, i, depth):
            if depth == 0:
                outer = i
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                pairs.append((outer, i))
    if depth > 0:
        pairs.append((outer, None))
    return pairs, depth > 0


def line_spans(text: str) -> list[tuple[int, int]]:
    """Where each line that is not blank starts and ends."""
    spans, start = [], 0
    for line in text.split("\n"):
        if line and not line.isspace():
            spans.append((start, start + len(line)))
        start += len(line) + 1
    return spans


def quoted_spans(text: str, lines: list[tuple[int, int]]) -> list[QuotedSpan]:
    """Every quoted span of ``text`` (whose ``lines`` are given) in order, a quote over several paragraphs giving
    one span each."""
    positions = mark_positions(text)
    spans: list[QuotedSpan] = []
    left_open: int | None = None
    for number, (start, end) in enumerate(lines):
        low, high = bisect.bisect_left(positions, start), bisect.bisect_left(positions, end)
        pairs, ends_open = pair_line(text, positions[low:high])
        first = len(spans)
        for open_at, close_at in pairs:
            stop = close_at if close_at is not None else end
            spans.append(QuotedSpan(open_at + 1, stop, open_at, close_at, number))
        if left_open is not None and pairs and pairs[0][0] == start + leading_space(text, start):
            spans[left_open] = replace(spans[left_open], continues=first)
        left_open = len(spans) - 1 if ends_open else None
    return [trimmed(text, span) for span in spans]


def leading_space(text: str, start: int) -> int:
    """How many spaces and tabs open the line at ``start``."""
    n = 0
    while start + n < len(text) and text[start + n] in " \t":
        n += 1
    return n


def trimmed(text: str, span: QuotedSpan) -> QuotedSpan:
    """The span without the spaces just inside its marks."""
    start, end = span.start, span.end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return span if (start, end) == (span.start, span.end) else replace(span, start=start, end=end)
