"""Phrases that name a speaker, as regular expressions over a masked sentence frame.

A speaker is named by a pronoun (``she``), a name led by titles or roles
(``Harbour master Ines Kalder``, ``Rep. Tomas Vell (D-Lisvik)``) maybe followed
by appositions (``Kalder, the mayor of Tollby,``), a determined phrase (``the
city council``, ``Kalder’s office``), or a bare plural (``officials``). The
patterns anchor these where attribution grammar puts them: before a cue
(``AT_END``), right after a closing mark (``AFTER_NORMAL``: ``“…,” Kalder said``;
``AFTER_INVERTED``: ``“…,” said Kalder``; ``AFTER_PASSIVE``: ``“…” was written by
Kalder``; ``AFTER_DASH``: ``“…” ― Kalder``), or opening the sentence (``AT_START``:
``On Monday, Kalder …``).
"""
from __future__ import annotations

import re
from functools import lru_cache

from .cues import VERB_CUE
from .names import HONORIFICS, NOT_NAMES, PRONOUNS, ROLE_NOUNS, kind_of_mention
from .patterns import alternation

# A capitalised word, an abbreviated title, or initials, one or run together: "Rep.", "T.", "T.J.".
CAP = r"(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen|Lt|Col|Rev|Prof|St|Jr|Sr|Capt)\.|(?:[A-Z]\.)+|[A-Z][\w’'-]*)"
NAME = (rf"(?:{CAP}(?:\s+(?:{CAP}|de|van|von|der|bin|al|da|di|of\s+(?:the\s+)?{CAP}))*"
        rf"(?:\s*\([^()\n]{{1,25}}\))?)")
PRONOUN = r"(?:[Hh]e|[Ss]he|[Tt]hey|[Ww]e|I|[Ii]t|[Yy]ou)"
DETERMINER = (r"(?:\d+(?:[,.]\d+)*|[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Oo]ne|[Aa]nother|[Tt]wo|[Tt]hree|[Ss]everal"
              r"|[Ss]ome|[Mm]any|[Bb]oth|[Tt]his|[Ee]ach|[Mm]y|[Oo]ur|[Yy]our)")
DETERMINER_WORDS = frozenset("the a an his her their its one another two three several some many both this each my our your"
                             .split())
CLAUSE_WORDS = (r"(?:that|what|which|who|whom|whose|when|where|while|through|but|if|because|as|to|is|was|are"
                r"|were|has|have|had|he|she|they|it|we|I|you|not|would|will|can|could|should|may|might|by|with"
                r"|at|in|on|during|after|before|into|about|over|under|against|without|via)")
# "the city council", "Kalder’s office", "the foreign ministry in Lisvik".
DETERMINED = (rf"(?:(?:{DETERMINER}|{NAME}(?:’s|'s|’))(?:\s+(?!{CLAUSE_WORDS}\b)[\w’'.-]+){{1,10}}?"
              rf"(?:\s+(?:in|at|for|from)\s+(?:the\s+)?{NAME})?)")
# Bounded by a cue right after it, a phrase may hold prepositions: "a narrator in the ad asks".
DETERMINED_BEFORE_CUE = rf"(?:(?:{DETERMINER}|{NAME}(?:’s|'s|’))(?:\s+(?!{PRONOUN}\b)[\w’'.-]+){{1,10}}?)"
# One or two appositions closed by a comma: ", the mayor of Tollby," or ", 45, who runs the port,".
APPOSITION = r"(?:(?:\s*,\s*[^,;:“”\"·\n]{1,120}?){1,2}\s*,)?"
PLURAL = (r"(?:(?!(?:was|has|does|this|thus|his|its|hers|ours|yours|theirs|yes|less|unless|always|perhaps|across)\b)"
          r"[a-z][a-z-]{2,}s)")
ROLE_WORD = alternation(ROLE_NOUNS) + r"\b"
ROLED_NAME = rf"(?:(?:{CAP}|{ROLE_WORD})\s+){{0,4}}?{NAME}"
NOUN_PHRASE = rf"(?<![\w’'.-])(?:{PRONOUN}(?![\w’'-])|{DETERMINED}|{ROLED_NAME}{APPOSITION}|{PLURAL})"
ADVERBIALS = (r"(?:(?:,\s*)?(?:(?:on|last|this|early|late|earlier|later|in|at|during|next)\s+)?"
              r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|week|weekend|month|year|morning|afternoon|evening"
              r"|night|today|yesterday|tonight|also|then|later|previously|repeatedly|reportedly|simply|again"
              r"|once|recently|has|have|had|would|will|could|may|might|did|does|do|is|was|were|are|further"
              r"|publicly|privately|often|never|already|even|only|just|flatly|bluntly|quickly|been|being"
              r"|always|subsequently|first|not|long|ago|frequently|still|now|usually|sometimes|finally|told\s+reporters"
              r"|[a-z]+ly)\b,?\s*)")
CUE = VERB_CUE.pattern
# Right after a quote the phrase is bounded by the cue, so any words may lead to the name:
# "Lisvik harbour master Ines Kalder said", "said 9/11 widow Ines Kalder".
LED_NAME = rf"(?:(?!{CLAUSE_WORDS}\b)[\w/’'-]+\s+){{0,4}}?{NAME}{APPOSITION}"
NOUN_PHRASE_AFTER_QUOTE = rf"(?:{NOUN_PHRASE}|{LED_NAME}|{DETERMINED_BEFORE_CUE})"
AFTER_NORMAL = re.compile(rf"\s*[,:;—–-]?\s*(?P<np>{NOUN_PHRASE_AFTER_QUOTE})\s+{ADVERBIALS}*(?P<cue>{CUE})")
AFTER_INVERTED = re.compile(rf"\s*[,:;—–-]?\s*(?P<cue>{CUE})\s+(?P<np>{NOUN_PHRASE_AFTER_QUOTE})")
AFTER_PASSIVE = re.compile(rf"\s*[,:;—–-]?\s*(?:(?:was|were|is|are|has been|had been)\s+)?(?P<cue>{CUE})\s+by\s+"
                           rf"(?P<np>{NOUN_PHRASE_AFTER_QUOTE})")
AFTER_DASH = re.compile(rf"\s*[―—–-]+\s*(?P<np>{LED_NAME})[\s.,]*$", re.MULTILINE)
AT_END = re.compile(rf"(?P<np>{NOUN_PHRASE})\s*,?\s*{ADVERBIALS}*\s*\Z")
# A sentence's subject, after an introduction: "On Monday, the three mayors of Lisvik wrote ..."
NOT_IN_SUBJECT = rf"(?:{CLAUSE_WORDS}|and|also|then|[a-z]+ed|took|made|went|gave|got|came|{CUE})\b"
SUBJECT_PHRASE = rf"(?:{DETERMINER}|{NAME}(?:’s|'s|’))(?:\s+(?!{NOT_IN_SUBJECT})[\w’'.-]+){{1,6}}"
SENTENCE_OPENERS = (r"(?:On|In|At|After|Before|During|Since|When|While|If|As|Last|This|But|And|However|Although|Though"
                    r"|Yet|So|Then|Now|Still|Once|Despite|With|Without|For|From|By|To|Under|Over|Unlike|Like|Even"
                    r"|Among|Amid|Outside|Inside|Across|Around|Beyond|Within|Through|Throughout|Near|Behind|Between"
                    r"|Along|Against|Toward|Towards|Upon|Following|Including)")
TIME_OPENING = (r"(?:(?:On|In|At|During|By|Last|This|Earlier|Later|Since)\s+(?:the\s+|last\s+|this\s+|next\s+)?"
                r"(?:[A-Z][a-z]+|\d+)(?:\s+(?:[A-Z][a-z]+|\d+))*\s+)")
AT_START = re.compile(rf"(?:(?:[^,·“”\"\n]{{1,120}},\s+){{0,3}}?|{TIME_OPENING})(?!{SENTENCE_OPENERS}\b)"
                      rf"(?P<np>{PRONOUN}\b|{SUBJECT_PHRASE}|{ROLED_NAME}{APPOSITION})")
LABELLED_AS = re.compile(r"(?:(?<!such )\bas\s+(?:(?:a|an|the|being|its|his|her|their)\s+)?(?:[\w-]+\s+){0,2}|[a-z]:\s*)"
                         r"[“\"„«']*\Z")
GIVEN_AS_LABEL = re.compile(r"(?:(?<!\bknown )(?<!\bsuch )(?<!\bserved )(?<!\bbilled )(?<!\bworked )(?<!\bacted )\bas\s+"
                            r"|\b(?:called|calls|calling|dubbed|labell?ed|branded)\s+(?!(?:for|from|on|in|to|at|off|up|out|back)\b)"
                            r"(?:[\w’'-]+\s+){1,5}?)"
                            r"(?:[“\"]·*[,.]?[”\"],?\s+(?:and|or)\s+)?[“\"„«]\Z")
OPENING_PARTICIPLE = re.compile(rf"(?:(?:After|Before|While|When|Since|Despite|By|Upon|In)\s+)?(?P<cue>{CUE})\b")
SUBJECT_AFTER_OPENING = re.compile(rf"[,”\"]\s*[,”\"]?\s+(?P<np>{PRONOUN}\b|{ROLED_NAME}{APPOSITION}|{SUBJECT_PHRASE})")
FOLLOWING = re.compile(rf"\s*(?P<np>{NOUN_PHRASE})")
INVERTED = re.compile(rf"\s+(?P<np>{NOUN_PHRASE_AFTER_QUOTE})\s*[,:]")
COORDINATED = re.compile(rf"(?<![\w’'-])(?P<np>{PRONOUN}|{NAME})\s+(?:(?!and\b)[a-z][\w’'-]*\s+){{1,4}}"
                         r"(?:and|but|then)\s+\Z")
FIRST_WORD = re.compile(r"[\w’'-]+")
ADJACENT = re.compile(r"[\s,:]*(?:that\s*)?,?\s*")
LEADING_DETERMINER = re.compile(DETERMINER + r"\s")
PARTICIPLE = re.compile(r"\w+ing\b")
APPOSITION_AND_PARENTHESIS = re.compile(r"\s*\([^()]*\)|,.*")
SENTENCE_CLOSING_CUE = re.compile(r"[^,;:“”\"·]{0,60}[.?!]?\s*\Z")
SCARE_MARKER = re.compile(r"\bso-called\s+\Z", re.IGNORECASE)
COORDINATING = re.compile(r"\s*,?\s*(?:(?:and|or|but|as well as|then)\s+)?(?:(?:a|an|the|as)\s+)?")
RELATIVE_PRONOUNS = frozenset({"who", "which"})
RELATIVE_SUBJECT = re.compile(rf"(?<![\w’'-])(?P<np>who|which)\s+(?:in\s+\d{{4}}\s+)?{ADVERBIALS}*\Z")
SUBJECT_ELSEWHERE = re.compile(r"\b(?:and|but|then|or|to|before|after|while|when|by|without|as|also|that|despite)"
                               r"\s*\Z")
SUBJECT_LEAD = re.compile(rf"\s*(?:and\s+|but\s+)?(?:(?:{CAP}|{ROLE_WORD}|the|a|an)\s+)*")
DOCUMENT_BEFORE_PARTICIPLE = re.compile(
    r"(?<![\w-])(?P<np>(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)(?:\s+[\w-]+){0,2}?\s+(?P<head>[\w-]+))"
    r"(?:\s+(?:last|this|on|early|late)?\s*"
    r"(?:week|month|year|morning|evening|night|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day))?"
    r"(?:\s+[a-z]+ed\s+by\s+[^,;:·]{1,60}?)?\s*\Z")
TITLE_WORDS = re.compile(r"[A-Z0-9][\w’'.-]*|(?:a|an|the|of|and|in|on|at|to|for|with|or|from|by|is)\b")
TITLE_BEFORE = re.compile(r"(?:’s|'s|titled|entitled|called|named|dubbed|nicknamed|nickname|episode of|show|program|"
                          r"programme|film|documentary|book|song|album|series|movie|known as|so-called|term|the|a|an|"
                          r"word|words|phrase|slogan|hashtag|headline|column|op-ed|article|essay|report|play)[\s,]*\Z",
                          re.IGNORECASE)


@lru_cache(maxsize=8192)
def can_name_a_speaker(words: str) -> bool:
    """Not a sentence adverb or a bare function word: ``However``, ``During``, ``My``."""
    first = FIRST_WORD.match(words)
    if first is None:
        return False
    lead = first.group().lower()
    if lead in PRONOUNS or lead in DETERMINER_WORDS or lead in HONORIFICS or lead in RELATIVE_PRONOUNS:
        return True
    return lead not in NOT_NAMES


@lru_cache(maxsize=8192)
def can_speak(mention: str) -> bool:
    """A pronoun, person, organisation or document, or a name: not ``the dispute``."""
    if mention.lower() in PRONOUNS:
        return True
    return kind_of_mention(mention, None) != "unknown" or mention[:1].isupper() and not LEADING_DETERMINER.match(mention)
