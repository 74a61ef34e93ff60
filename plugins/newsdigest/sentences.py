"""Sentences of an article, with quoted words masked so that their punctuation cannot split them.

``masked(text, spans)`` replaces the words inside quotation marks by ``·``
(keeping a final ``.``, ``?``, ``!`` or ``,``), so that ``“No. Never,” Ada
Brenner said.`` reads ``“···,” Ada Brenner said.``: one sentence, whose frame
can be searched for cues and names without matching quoted words.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .marks import QuotedSpan

MASK = "·"
SPACES = re.compile(r"\s*")
KEPT_PUNCTUATION = ".?!,…:;—–-"
# (It opens with a single mark, not a repetition, so that a search skips quickly to the next one.) The spaces after it
# are where the next sentence begins.
SENTENCE_END = re.compile(r"[.?!…][.?!…]*[”“\"’'»)\]]*(?=(?P<spaces>\s+)[“”\"‘(\[]?[A-Z0-9·])")
ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Sgt|Rev|Prof|St|Jr|Sr|Capt|Maj|Adm|Cmdr|Supt|Insp|"
    r"Det|Pres|Atty|Corp|Inc|Ltd|Co|No|Vol|vs|etc|Jan|Feb|Mar|Apr|Aug|Sept|Sep|Oct|Nov|Dec|Mt|Ft|Ave|"
    r"U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e)|(?<![\w.])(?:[A-Z]\.)*[A-Z])\Z")


class Sentence(NamedTuple):
    """Characters ``start:end`` of the text, on line (paragraph) ``line``."""

    start: int
    end: int
    line: int


def masked(text: str, spans: list[QuotedSpan]) -> str:
    """The text with every quoted span's characters replaced by ``MASK`` but its last punctuation.

    A span lies within one line, so masking keeps every line break where it was.
    """
    pieces, done = [], 0
    for span in spans:
        last = text[span.end - 1] if span.end > span.start else ""
        kept = last if last in KEPT_PUNCTUATION else ""
        pieces += [text[done:span.start], MASK * (span.end - span.start - len(kept)), kept]
        done = span.end
    pieces.append(text[done:])
    return "".join(pieces)


def sentences(frame: str, lines: list[tuple[int, int]]) -> list[Sentence]:
    """The sentences of each of the (masked) text's ``lines``, in order."""
    found = []
    for number, (start, end) in enumerate(lines):
        begin = SPACES.match(frame, start, end).end()
        for match in SENTENCE_END.finditer(frame, start, end):
            if ABBREVIATION.search(frame, max(start, match.start() - 5), match.start()):
                continue
            found.append(Sentence(begin, match.end(), number))
            begin = match.end("spaces")
        if begin < end:
            found.append(Sentence(begin, end, number))
    return found
