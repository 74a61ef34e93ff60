"""Telling boilerplate lines (notices, prompts, credits, teasers) from article paragraphs.

Each line is judged on its own, as jusText judges paragraphs: anchored cue
phrases name a family outright; otherwise the line is scored by how much of
it is a family's vocabulary, whether it reads as a prompt (imperative verb,
"you"/"our", short, unpunctuated) and whether it reads as narrative
(reporting verbs, past tense, length). A line holding quotation marks is
article text unless it starts with a teaser, share or advertisement cue.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from operator import itemgetter

from .dates import PUBLISHED_LINE, first_date_match
from .lines import ends_sentence, has_quote_marks, words_of

LONGEST_BOILERPLATE_WORDS = 40
LONGEST_BOILERPLATE_CHARS = 600
SHORT_WORDS = 12


@dataclass(frozen=True)
class Family:
    """A kind of boilerplate: the ``reason`` reported, cue phrases that open a line or occur
    anywhere in it, and the family's ``vocabulary``."""

    reason: str
    opening: str
    anywhere: str
    vocabulary: frozenset[str]


def family(reason: str, vocabulary: str, opening: str, anywhere: str = "") -> Family:
    return Family(reason, opening, anywhere, frozenset(vocabulary.split()))


FAMILIES = (
    family("video notice",
           "video videos clip clips player javascript scripts script html5 browser browsers enable enabled "
           "play playback watch view upgrade upgrading autoplay support supports loading unavailable available "
           "flash plugin media footage press listen audio unmute mute live loaded played displayed",
           r"(?:watch|video|listen|audio|now playing)\s*[:|-]",
           r"(?:enable|activate|turn on|allow)\s+(?:your\s+)?(?:javascript|scripts)|browser (?:does not|doesn't|that) "
           r"supports?|video (?:is )?(?:no longer |not |currently )?(?:un)?available"
           r"|\b(?:video|clip|player|media)\b.{0,20}\b(?:could not|couldn't|cannot|can't|failed to) "
           r"(?:be )?(?:load|play|display)"),
    family("advertisement",
           "advertisement advertisements advert ad ads sponsored sponsor promoted promotion partner paid affiliate "
           "commission continues below scroll",
           r"(?:advertisement|advertising|advert|ads?(?: by\b.*)?|(?:sponsored|promoted)(?: content| posts?| stories| links| by\b.*)?"
           r"|paid (?:content|post|partnership)(?: with\b.*)?|partner content|(?:story|article) continues below(?: advertisement)?|"
           r"continue reading (?:below|the main story)|scroll (?:down )?to continue(?: with content)?)\W*$"),
    family("share prompt",
           "share sharing shares tweet facebook twitter whatsapp linkedin email e-mail pinterest reddit copy link "
           "print send friend article story page post pin",
           r"(?:share|tweet|email|print|pin)(?: this| on| via| the)?(?: article| story| page| post| link)?\s*(?::|$)"
           r"|click to share|copy link"),
    family("follow prompt",
           "follow us instagram tiktok youtube like channel social updates x twitter facebook threads bluesky",
           r"follow (?:us|@)"),
    family("newsletter prompt",
           "subscribe subscribed subscription subscriber subscribers newsletter newsletters sign signup register "
           "inbox briefing digest alerts delivered email free daily weekly morning evening account log login "
           "membership member premium unlock unlimited access trial offer",
           r"(?:sign up|sign in to|subscribe|register|already a (?:subscriber|member)|log ?in to)\b"),
    family("cookie notice",
           "cookie cookies consent privacy policy accept settings preferences tracking gdpr agree continuing "
           "browsing site website experience",
           r"(?:accept|manage) (?:all )?cookies", r"\bwe use cookies\b"),
    family("teaser",
           "read more related stories story articles article recommended trending popular also see full rest here "
           "continue reading click next previous latest top headlines",
           r"(?:read more|read also|also read|read next|read the (?:rest|full)|related(?: stories| articles| coverage|"
           r" content| reading| links)?\s*(?::|$)|see also|more on this|more from|recommended(?: for you| reading)?"
           r"|you (?:may|might) also (?:like|be interested)|most (?:read|popular|viewed)|trending(?: now)?\s*(?::|$)"
           r"|further reading|continue reading|keep reading|top stories|editor'?s picks|don'?t miss|must read|up next"
           r"|watch next|popular (?:on|in|now)\b.*)(?!\w)"),
    family("comments prompt",
           "comment comments conversation discussion reply replies join leave community guidelines",
           r"(?:leave a comment|comments?\s*\(\d+\)|join the conversation|have your say"
           r"|comments? (?:are|is) (?:now )?(?:closed|disabled|open))"),
    family("app prompt",
           "app apps download install store google play apple android iphone notifications push phone",
           r"(?:download|get) (?:our|the) \w+ app\b"),
    family("navigation", "home menu skip back top search navigation main section breadcrumb",
           r"(?:home|menu|skip to (?:main )?content|back to top|search)(?:\s*[>›»/|]\s*[\w ]+)*$"
           r"|(?:breadcrumbs?|you are here)\s*:"),
    family("copyright", "copyright rights reserved reproduced reproduction permission republish republished "
           "prohibited distribution",
           r"(?:©|\(c\)|copyright\b)", r"\ball rights reserved\b"),
)


def cue_pattern(kind: str) -> re.Pattern:
    """One pattern naming each family's cue of ``kind`` ("opening" or "anywhere") as group ``cue<index>``."""
    cues = [f"(?P<cue{index}>{getattr(candidate, kind)})" for index, candidate in enumerate(FAMILIES)
            if getattr(candidate, kind)]
    return re.compile("|".join(cues), re.IGNORECASE)


FAMILIES_BY_REASON = {candidate.reason: candidate for candidate in FAMILIES}
OPENING_CUES = cue_pattern("opening")
ANYWHERE_CUES = cue_pattern("anywhere")
# Every "anywhere" cue above holds one of these words; a line without any skips the (slower) search.
ANYWHERE_CUE_WORDS = frozenset("""javascript scripts support supports available unavailable could couldn't cannot
can't failed cookies reserved""".split())
ALL_VOCABULARY = frozenset().union(*(candidate.vocabulary for candidate in FAMILIES))
CUES_BEFORE_QUOTES = ("advertisement", "share prompt", "teaser")
IMPERATIVES = frozenset("""sign subscribe follow share click tap read watch enable download get join like see continue
scroll log register upgrade accept allow turn please listen view discover explore stay find check try learn send print
email tweet leave manage don't never press keep install tap pin become reject open start""".split())
FUNCTION_WORDS = frozenset("""a an the this that these those to of in on at for with by from via and or our your my
my its it is are be now here all more up today""".split())
LONGEST_LABEL_WORDS = 5
PROMPT_PRONOUNS = frozenset("you your you're yours our us".split())
REPORTING = frozenset("""said says told according added stated warned noted explained argued insisted claimed wrote
asked replied announced declared acknowledged admitted confirmed recalled reported urged""".split())

IMAGE_CREDIT = re.compile(
    r"^(?:\(?(?:photo|photograph|image|picture|pic|illustration|graphic|footage|credit|photos|images)s?"
    r"(?: credit)?\s*(?:by\b|courtesy\b|:|\||/|©|-|–))"
    r"|\b(?:getty images|ap photo|afp(?: via getty)?|reuters/|shutterstock|alamy|epa-efe|imago)\b", re.IGNORECASE)
SLASH_CREDIT = re.compile(r"^[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}\s*/\s*[A-Z][\w.'&-]*(?: [A-Z][\w.'&-]*){0,3}\.?$")
BYLINE = re.compile(r"^[Bb]y\s+(?P<name>[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3})\s*(?:[,|–—-].*)?$")
TAGS = re.compile(r"^(?:tags|topics|filed under|categories|more about)\s*:\s*(?P<tags>.+)$", re.IGNORECASE)
READING_TIME = re.compile(r"^\d+\s*(?:min|mins|minutes?)\s+read\W*$", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """Why a line is boilerplate, and any metadata it carries (a byline's author, a date line's date)."""

    reason: str
    metadata: tuple[tuple[str, str], ...] = ()


@lru_cache(maxsize=4096)
def classify_line(text: str) -> Verdict | None:
    """The boilerplate verdict for one stripped line, or None when it is article text (cached: the same
    notices and prompts recur from article to article)."""
    if not text:
        return None
    if not any(map(str.isalnum, text)):
        return Verdict("separator")
    if len(text) > LONGEST_BOILERPLATE_CHARS or surely_too_many_words(text):
        return None
    quoted = has_quote_marks(text)
    if quoted and not opens_with_cue_before_quotes(text):
        return None
    words = words_of(text)
    if len(words) > LONGEST_BOILERPLATE_WORDS:
        return None
    lowered = list(map(str.lower, words))
    cued = cued_family(text, lowered)
    if cued:
        return Verdict(cued)
    if quoted:
        return None
    return labelled_line(text, words) or scored_family(text, lowered) or label_of_family(text, lowered)


def surely_too_many_words(text: str) -> bool:
    """A quick certainty that the line has more than LONGEST_BOILERPLATE_WORDS words: that many
    whitespace-separated tokens start with a letter or digit, and each of them holds a word."""
    return (text.count(" ") >= LONGEST_BOILERPLATE_WORDS
            and sum(map(str.isalnum, map(itemgetter(0), text.split()))) > LONGEST_BOILERPLATE_WORDS)


def opens_with_cue_before_quotes(text: str) -> bool:
    """Whether the line opens with the cue of a family that survives quotation marks (those families have
    no cue found anywhere else in a line), the only way a line holding them can be boilerplate."""
    match = OPENING_CUES.match(text)
    return match is not None and family_of(match).reason in CUES_BEFORE_QUOTES


def family_of(match: re.Match) -> Family:
    """The family whose cue ``match`` (of OPENING_CUES or ANYWHERE_CUES) found."""
    return FAMILIES[int(match.lastgroup.removeprefix("cue"))]


def cued_family(text: str, lowered: list[str]) -> str | None:
    """The family whose cue opens (or, for a few, occurs in) this line.

    A cue that is not decisive (no colon, not the whole line) yields to signs
    of narrative; only teaser, share and advertisement cues survive quotation marks.
    """
    word_count = len(lowered)
    if word_count > 25:
        return None
    match = OPENING_CUES.match(text)
    if not match and not ANYWHERE_CUE_WORDS.isdisjoint(lowered):
        match = ANYWHERE_CUES.search(text)
    if not match:
        return None
    reason = family_of(match).reason
    if has_quote_marks(text) and reason not in CUES_BEFORE_QUOTES:
        return None
    rest = text[match.end():].strip()
    decisive = ":" in match.group() or rest[:1] in ("", ":", ".") or word_count <= 4
    if decisive or not narrative_score(lowered, FAMILIES_BY_REASON[reason].vocabulary):
        return reason
    return None


def labelled_line(text: str, words: list[str]) -> Verdict | None:
    """Credits, bylines, date lines, tag lines, reading times and all-capital section labels."""
    if len(words) <= 12 and (IMAGE_CREDIT.search(text) or SLASH_CREDIT.match(text)):
        return Verdict("image credit")
    byline = BYLINE.match(text)
    if byline and len(words) <= 10:
        return Verdict("byline", (("author", byline.group("name")),))
    tags = TAGS.match(text)
    if tags and len(words) <= 25:
        return Verdict("tags", (("topics", tags.group("tags").strip(" .")),))
    if len(words) <= 12 and PUBLISHED_LINE.match(text) and first_date_match(text):
        return Verdict("date line")
    if READING_TIME.match(text):
        return Verdict("reading time")
    if len(words) <= 2 and is_capitalised_label(text):
        return Verdict("section label")
    return None


def is_capitalised_label(text: str) -> bool:
    """At least five letters, every one of them a capital."""
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 5 and all(ch.isupper() for ch in letters)


def scored_family(text: str, lowered: list[str]) -> Verdict | None:
    """The family whose vocabulary dominates a prompt-like line, weighed against narrative signs."""
    present = ALL_VOCABULARY.intersection(lowered)
    if len(present) < 2:
        return None
    best, hits = max(((candidate, len(present & candidate.vocabulary)) for candidate in FAMILIES),
                     key=lambda pair: pair[1])
    if hits < 2:
        return None
    score = 1.5 * hits + prompt_score(text, lowered) - narrative_score(lowered, best.vocabulary)
    return Verdict(best.reason) if score >= 5 else None


def label_of_family(text: str, lowered: list[str]) -> Verdict | None:
    """A short unpunctuated line made only of one family's words and function words
    ("Promoted stories", "Cookie settings", "Log in", "Listen to this article")."""
    if not lowered or len(lowered) > LONGEST_LABEL_WORDS or ends_sentence(text):
        return None
    for candidate in FAMILIES:
        signal = [word for word in lowered if word in candidate.vocabulary or word in IMPERATIVES]
        others = [word for word in lowered if word not in candidate.vocabulary and word not in IMPERATIVES]
        if len(signal) * 2 >= len(lowered) and any(word in candidate.vocabulary for word in signal) \
                and all(word in FUNCTION_WORDS for word in others):
            return Verdict(candidate.reason)
    return None


def prompt_score(text: str, lowered: list[str]) -> float:
    """How much the line reads like a prompt: imperative, "please", you/our, short, unpunctuated."""
    score = 2.0 if lowered[0] in IMPERATIVES else 0.0
    score += 1.0 if "please" in lowered else 0.0
    score += 1.0 if PROMPT_PRONOUNS & set(lowered) else 0.0
    score += 1.0 if len(lowered) <= SHORT_WORDS else 0.0
    score += 0.5 if not ends_sentence(text) else 0.0
    return score


def narrative_score(lowered: list[str], vocabulary: frozenset[str]) -> float:
    """How much the line reads like reporting: reporting verbs, past tenses, length."""
    reporting = any(word in REPORTING for word in lowered)
    past_tense = any(word.endswith("ed") and len(word) > 4 and word not in vocabulary for word in lowered)
    return 3.0 * (reporting or past_tense) + (2.0 if len(lowered) > 25 else 0.0)
