"""Finding the headline (and deck) at the top of an article, or deriving a title from its lead."""
from __future__ import annotations

import re

from .lines import Line, ends_sentence, has_quote_marks, words_of

LONGEST_HEADLINE_WORDS = 15
LONGEST_HEADLINE_CHARS = 150
LONGEST_DECK_WORDS = 25
LONGEST_TITLE = 110
ATTRIBUTED_QUOTE = re.compile(r"[\"“‘'].*\b(?:said|says|told|tells|asked|added)\b")
DECK_MARKS = (";", ":", "|", "—", "–")
SENTENCE_BREAK = re.compile(r"[.!?…][\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
ABBREVIATIONS = frozenset("""mr mrs ms dr prof sen rep gov gen col lt sgt st jr sr inc ltd co corp no vs etc
jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n e.u d.c""".split())
CLAUSE_BREAK = re.compile(r",\s|;\s|:\s|\s[—–]\s|\s-\s|\s(?=(?:and|but|as|while|after|before|because|which|who|"
                          r"although|though|when|where|amid|despite)\s)")
PHRASE_BREAK = re.compile(r"\s(?=(?:to|on|in|for|from|with|by|over|at|about|against|into)\s)")
SHORTEST_CUT = 40


def is_headline(line: Line, followed_by_blank: bool) -> bool:
    """A short first line: unpunctuated, or punctuated but standing alone above a blank line."""
    text = line.stripped
    words = words_of(text)
    if not words or len(words) > LONGEST_HEADLINE_WORDS or len(text) > LONGEST_HEADLINE_CHARS:
        return False
    if text.endswith(",") or text[0].islower() or ATTRIBUTED_QUOTE.match(text):
        return False
    return followed_by_blank or not ends_sentence(text)


def is_deck(headline: Line, line: Line, followed_by_blank: bool) -> bool:
    """A one-line subtitle right under a headline ending in ";" (or ":", "|", a dash), itself above a blank line."""
    text = line.stripped
    words = words_of(text)
    if not words or len(words) > LONGEST_DECK_WORDS or has_quote_marks(text) or not followed_by_blank:
        return False
    return headline.stripped.endswith(DECK_MARKS)


def title_from_headline(text: str) -> str:
    """The headline without a closing period, semicolon or colon (abbreviations kept)."""
    text = " ".join(text.split()).rstrip(" ;:|—–")
    last = text.rsplit(" ", 1)[-1]
    if text.endswith(".") and not text.endswith("..") and last.count(".") == 1:
        text = text[:-1]
    return text


def first_sentence(paragraph: str) -> str:
    """The paragraph up to its first full stop that ends a sentence: not one after an abbreviation or
    an initial, nor one with no word before it.

    >>> first_sentence(". A stray stop. Then more.")
    '. A stray stop.'
    """
    for match in SENTENCE_BREAK.finditer(paragraph):
        before = paragraph[:match.start() + 1].rsplit(" ", 1)[-1].lower().strip("\"“‘'(.")
        if before in ABBREVIATIONS or len(before) == 1 or not any(map(str.isalnum, paragraph[:match.start()])):
            continue
        return paragraph[:match.start() + 1]
    return paragraph


def title_from_lead(paragraph: str) -> str:
    """The lead sentence, cut at the last clause boundary that keeps it within LONGEST_TITLE characters."""
    sentence = first_sentence(paragraph).strip()
    if len(sentence) <= LONGEST_TITLE:
        return sentence.rstrip(".") or sentence
    head = sentence[:LONGEST_TITLE]
    for boundary in (CLAUSE_BREAK, PHRASE_BREAK):
        breaks = [match.start() for match in boundary.finditer(head) if match.start() >= SHORTEST_CUT]
        if breaks:
            return head[:breaks[-1]].rstrip(" ,;:")
    return head[:LONGEST_TITLE - 1].rsplit(" ", 1)[0].rstrip(" ,;:") + "…"
