"""Reporting cues: the verbs and phrases that introduce what someone said.

``VERB_CUE`` finds a reporting verb in any of its forms (``said``, ``tells``,
``goes on``); ``NOUN_CUE`` a reporting noun after a possessive (``Vance’s claim
that``) and ``INTRODUCING_NOUN_CUE`` one before a colon (``the following
statement:``); ``GLUED_CUE`` a verb run into a name (``Vancesaid``);
``WORDING_CUE`` the use of someone's words (``used the phrase``);
``ACCORDING_TO`` the phrase ``according to``. ``CuesOfFrame`` finds them in each
sentence of an article once, however many quotes ask about it.
"""
from __future__ import annotations

import re
from typing import Iterator

from .patterns import alternation
from .sentences import MASK

# Each verb with the forms that differ from the regular ones (say: says, said, saying).
IRREGULAR_VERBS = {
    "say": ("say", "says", "said", "saying"),
    "tell": ("tell", "tells", "told", "telling"),
    "write": ("write", "writes", "wrote", "writing", "written"),
    "sing": ("sing", "sings", "sang", "singing"),
    "read": ("read", "reads", "reading"),
    "go on": ("went on", "goes on", "going on"),
    "put it": ("put it", "puts it", "putting it"),
    "speak": ("spoke", "speaks"),
}
REGULAR_VERBS = (
    "add", "ask", "tweet", "post", "explain", "note", "argue", "claim", "insist", "warn", "state", "declare",
    "continue", "reply", "respond", "answer", "recall", "acknowledge", "admit", "concede", "suggest",
    "predict", "promise", "vow", "pledge", "boast", "complain", "lament", "joke", "quip", "shout", "yell",
    "whisper", "announce", "report", "observe", "remark", "comment", "counter", "retort", "stress",
    "emphasize", "emphasise", "urge", "call", "describe", "label", "brand", "characterize", "characterise",
    "blast", "slam", "praise", "accuse", "charge", "allege", "contend", "maintain", "conclude", "agree",
    "testify", "text", "email", "reiterate", "confirm", "deny", "mock", "criticize", "criticise", "wonder",
    "demand", "point out", "cite", "write in", "tout", "assure", "caution", "chime in", "concur", "scoff",
    "sneer", "recount", "proclaim", "assert", "affirm", "plead", "beg", "refer to", "dismiss", "mutter",
    "exclaim", "interject", "begin", "deride", "decry", "hail", "question", "challenge", "reveal", "indicate",
    "tease", "muse", "sigh", "laugh", "snap", "pronounce", "rule", "repeat", "liken", "laud", "compare",
    "attack", "condemn", "denounce", "rate", "exhort", "reference", "chant", "ridicule", "lambaste", "applaud",
    "welcome", "thank",
)
NOUN_CUES = (
    "claim", "claims", "statement", "statements", "remark", "remarks", "comment", "comments",
    "words", "assertion", "description", "promise", "pledge", "warning", "accusation",
    "message", "argument", "suggestion", "response", "reply", "answer", "tweet", "tweets",
    "question", "prediction", "vow", "boast", "charge", "complaint", "call", "insistence",
    "contention", "view", "assessment", "verdict", "ruling", "memo", "letter", "report",
)


# Verbs that double their last consonant: "quip" gives quipped, "admit" admitted.
DOUBLES_LAST_CONSONANT = re.compile(r"^(?:qu|[^aeiou])*[aeiou][^aeiouwxy]$")
STRESSED_LAST_SYLLABLE = frozenset({"admit", "commit", "submit", "rebut", "regret", "omit", "permit", "refer",
                                    "prefer", "confer", "compel", "repel", "concur", "infer", "aver"})


def inflections(verb: str) -> tuple[str, ...]:
    """The forms of a regular verb: ``note`` gives note, notes, noted, noting."""
    head, _, particle = verb.partition(" ")
    tail = f" {particle}" if particle else ""
    if head.endswith("e"):
        forms = (head, head + "s", head + "d", head[:-1] + "ing")
    elif head.endswith("y") and head[-2] not in "aeiou":
        forms = (head, head[:-1] + "ies", head[:-1] + "ied", head + "ing")
    elif head.endswith(("sh", "ch", "ss", "x")):
        forms = (head, head + "es", head + "ed", head + "ing")
    elif DOUBLES_LAST_CONSONANT.match(head) or head in STRESSED_LAST_SYLLABLE:
        forms = (head, head + "s", head + head[-1] + "ed", head + head[-1] + "ing")
    else:
        forms = (head, head + "s", head + "ed", head + "ing")
    return tuple(form + tail for form in forms)


def all_cue_forms() -> list[str]:
    """Every form of every cue, also capitalised for a sentence that opens with it (``Said Vell: …``)."""
    forms = {form for verb in REGULAR_VERBS for form in inflections(verb)}
    forms.update(form for group in IRREGULAR_VERBS.values() for form in group)
    forms.update([form[0].upper() + form[1:] for form in forms])
    return sorted(forms, key=len, reverse=True)


VERB_CUE = re.compile(r"(?<![\w’'-])" + alternation(all_cue_forms()) + r"(?![\w’'-])")
NOUN_CUE = re.compile(r"(?:’s|'s|s’|s')\s+(?:[a-z-]+\s+){0,2}?(?P<cue>" + alternation(NOUN_CUES)
                      + r")\b(?=\s*(?:that\b|:|,|[“\"]))")
# A cue run into the name before it by a lost space: "Ada Brennersaid".
# (It opens with a bare capital, so that a search skips quickly to the next one.)
GLUED_CUE = re.compile(r"[A-Z](?<=\b[A-Z])[a-z]{2}[a-z]*?(?P<cue>said|says)(?=[\s:,])")
# A reporting noun introducing a quote after a colon: "Vell made the following statement:".
INTRODUCING_NOUN_CUE = re.compile(r"\b(?:the|a|an|this|these|his|her|their|its|my|our|your)\s+(?:[a-z-]+\s+){0,5}?(?P<cue>"
                                  + alternation(NOUN_CUES) + r")\s*:")
# Using someone's words: "Vell has used the phrase “harbour tax”".
WORDING_CUE = re.compile(r"\b(?P<cue>used|uses|using|use|coined|invoked|repeated)\s+(?:the|a|that|this)\s+"
                         r"(?:phrase|term|word|words|expression|slogan|line)\b")
ACCORDING_TO = re.compile(r"\b[Aa]ccording to\b")
# Verbs that take a quote as a name or a label rather than as speech: "called it".
NAMING_CUES = frozenset(f for verb in ("call", "label", "brand", "describe", "characterize",
                                       "characterise", "refer to", "dub") for f in inflections(verb))
# Cues that also have common non-reporting senses, trusted less.
WEAK_CUES = frozenset(f for verb in ("continue", "add", "call", "charge", "question", "rule", "read",
                                     "begin", "state", "post", "report", "answer", "text",
                                     "challenge", "repeat", "cite", "maintain")
                      for f in inflections(verb))


def cue_strength(cue: str) -> float:
    """How surely a cue introduces speech: 1 for ``said``, less for verbs with other senses."""
    return 0.8 if cue.lower() in WEAK_CUES else 1.0


NOUN_MARKERS = frozenset("""
the a an his her their its our my your these those this many some several recent new latest previous
earlier later two three four numerous multiple angry late-night early-morning online public private such
via by in on of with from through into for following same
""".split())
# (Possessive: a word cut short is followed by a letter, never by a space.)
WORD_BEFORE = re.compile(r"([\w’'-]++)\s+\Z")
TWO_WORDS_BEFORE = re.compile(r"([\w’'-]++)\s+[\w’'-]++\s+\Z")
# The cue patterns besides the verbs, each with the strings one of which a sentence must hold for it to match.
OTHER_CUES = ((NOUN_CUE, ("’", "'")), (GLUED_CUE, ("said", "says")), (INTRODUCING_NOUN_CUE, (":",)),
              (WORDING_CUE, ("use", "coined", "invoked", "repeated")))
DETERMINERS = frozenset("a an the his her their its our my your".split())
# The bare form of each verb: "say", "note"; not "read" or "put it", which are also past forms.
BARE_FORMS = frozenset([inflections(verb)[0] for verb in REGULAR_VERBS]
                       + [forms[0] for verb, forms in IRREGULAR_VERBS.items() if verb not in ("read", "put it", "speak")])
# "a Vell tweet": a singular subject of up to three words, none of them a count (a few, a number) or an auxiliary.
SINGULAR_SUBJECT_BEFORE = re.compile(
    r"(?<![\w’'-])(?:[Aa]n?|[Aa]nother|[Ee]ach|[Ee]very)\s+"
    r"(?:(?!(?:few|lot|lots|number|couple|handful|majority|minority|third|half|dozen|of|and|or|will|would|can"
    r"|could|should|may|might|must|did|does|do|to|not|also|who|that)\b)[\w’'.-]+\s+){1,3}\Z")
NEGATION_BEFORE = re.compile(r"(?:\bnot|\bnever|n[’']t)\s+\Z")
NOT_A_CUE_AFTER = re.compile(r"(?<=call)(?:s|ed|ing)?\s+(?:off|up|in)\b", re.IGNORECASE)
# Masked quoted words (one mask first, not a repetition, so that a search skips quickly to the next one).
MASKED_RUN = re.compile(MASK + MASK + "*")


class CuesOfFrame:
    """The reporting verbs and nouns of a (masked) frame, each sentence searched once, looked up by position."""

    def __init__(self, frame: str):
        self.frame = frame
        self.by_sentence: dict[tuple[int, int], list[re.Match]] = {}

    def of_sentence(self, start: int, end: int) -> list[re.Match]:
        """The cues in ``frame[start:end]``, nearest to ``end`` first."""
        found = self.by_sentence.get((start, end))
        if found is None:
            stretches = unmasked_stretches(self.frame, start, end)
            found = self.found_in(VERB_CUE, stretches)
            words = self.frame[start:end]
            others = [match for pattern, hints in OTHER_CUES if any(map(words.__contains__, hints))
                      for match in self.found_in(pattern, stretches)]
            if others:
                found += others
                found.sort(key=lambda m: -cue_start(m))
            else:  # the verbs alone, found in order
                found.reverse()
            self.by_sentence[(start, end)] = found
        return found

    def found_in(self, pattern: re.Pattern, stretches: list[tuple[int, int]]) -> list[re.Match]:
        """The matches of ``pattern`` in the stretches of the frame, in order."""
        return [match for start, end in stretches for match in pattern.finditer(self.frame, start, end)]

    def before(self, sentence: tuple[int, int], floor: int, ceiling: int) -> Iterator[re.Match]:
        """The cues of a sentence within ``frame[floor:ceiling]``, nearest to ``ceiling`` first, each checked
        only when it is taken."""
        return (m for m in self.of_sentence(*sentence) if cue_start(m) >= floor and m.end() <= ceiling
                and (m.re is not VERB_CUE or is_a_verb_cue(self.frame, m, floor)))


def unmasked_stretches(frame: str, start: int, end: int) -> list[tuple[int, int]]:
    """The stretches of ``frame[start:end]`` between masked quoted words.

    No cue holds a mask, and where a cue pattern looks at the character after a cue it treats a mask as
    it treats the end of the text, so the cues of the stretches are the cues of the whole.
    """
    stretches = []
    for masked in MASKED_RUN.finditer(frame, start, end):
        if masked.start() > start:
            stretches.append((start, masked.start()))
        start = masked.end()
    if end > start:
        stretches.append((start, end))
    return stretches


def cue_start(cue: re.Match) -> int:
    """Where the reporting word of a cue starts."""
    return cue.start("cue") if "cue" in cue.re.groupindex else cue.start()


def cue_words(cue: re.Match) -> str:
    """The reporting word of a cue match: ``claim`` in ``’s claim``, ``said`` in ``Brennersaid``."""
    return cue.group("cue") if "cue" in cue.re.groupindex else cue.group()


def is_a_verb_cue(frame: str, cue: re.Match, floor: int) -> bool:
    """A reporting verb used as one: not ``called for``, not a noun (``his claims``), not negated (``did not
    comment``), capitalised only to open a sentence."""
    start, form = cue_start(cue), cue_words(cue)
    if form[0].isupper() and frame[floor:start].strip(" “”\"") != "":
        return False
    return not NOT_A_CUE_AFTER.match(frame, start + 4) and not used_as_noun(frame, start, form) and \
        not is_negated(frame, start)


def is_negated(frame: str, start: int) -> bool:
    """Whether the cue at ``start`` says words were not said: ``Vell did not comment``, ``Vell never said``."""
    return NEGATION_BEFORE.search(frame, max(0, start - 12), start) is not None


def used_as_noun(frame: str, start: int, form: str) -> bool:
    """Whether the cue ``form`` at ``start`` is a noun: ``his claims``, ``late-night tweets``, ``the report``,
    ``his harbour comment``.

    Agreement tells two more: after ``to`` a verb is bare, so ``pointed to reports`` is a noun; a singular subject
    takes ``tweets``, so ``a Vell tweet`` is one.
    """
    if form.endswith(("ed", "ing")):
        return False
    before = WORD_BEFORE.search(frame, max(0, start - 30), start)
    if before is None:
        return False
    word = before.group(1)
    if word.lower() in NOUN_MARKERS or word.endswith(("’s", "'s")) or word.endswith("-night"):
        return True
    if word == "to" and form.endswith("s") and form not in BARE_FORMS:
        return True
    if form in BARE_FORMS and SINGULAR_SUBJECT_BEFORE.search(frame, max(0, start - 60), start):
        return True
    earlier = TWO_WORDS_BEFORE.search(frame, max(0, start - 40), start)
    if earlier is None:
        return False
    lead = earlier.group(1).lower()
    could_be_noun = form.lower() in NOUN_CUES
    return could_be_noun and (lead in ("of", "about", "with", "for") or lead in DETERMINERS and word.islower())
