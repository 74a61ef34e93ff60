"""Reporting cues: the verbs and phrases that introduce what someone said.

``VERB_CUE`` finds a reporting verb in any of its forms (``said``, ``tells``,
``goes on``); ``NOUN_CUE`` a reporting noun after a possessive (``Vance’s claim
that``) and ``INTRODUCING_NOUN_CUE`` one before a colon (``the following
statement:``); ``GLUED_CUE`` a verb run into a name (``Vancesaid``);
``WORDING_CUE`` the use of someone's words (``used the phrase``);
``ACCORDING_TO`` the phrase ``according to``.
"""
from __future__ import annotations

import re

from .patterns import alternation

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
GLUED_CUE = re.compile(r"(?<=\b[A-Z][a-z]{2})[a-z]*?(?P<cue>said|says)(?=[\s:,])")
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
