"""Direct quotes and who said them.

``extract_quotes(text)`` finds every pair of quotation marks (``marks``),
masks the quoted words (``sentences``), and attributes each quote by the
grammar of attribution around it (``cues``, ``phrases``), trying in turn:

- ``cue_after``: ``“We will,” Ines Kalder said.``, ``“We will,” said Kalder.``,
  ``“…” was written by Kalder``;
- ``opened_by_participle``: ``After calling it “a disgrace,” Kalder left.``;
- ``cue_before``: ``Kalder said: “We will.”``; a quote inside indirect speech,
  ``Kalder said the council was working on “next steps”`` (kind partial); a
  reporting noun, ``Kalder’s claim that it was “a farce”``; nested reports keep
  the subject that can speak (``Kalder said the storms demand “a sea wall”``);
- ``according_to``: ``… “barely afloat,” according to Kalder``;
- ``signed_with_a_dash``: ``“We will.” ― Ines Kalder``;
- ``cue_later``: ``“Rotten planks” worry fishermen most, Kalder said.``;
- ``introduced``: a quote after ``Kalder said:`` or after a sentence of the same
  paragraph reporting her words (``The port will close, Kalder said. “We …”``);
- ``cue_next``: ``“We will.” Kalder said so on Monday.``;
- ``characterised_as``: ``Kalder painted Vell as a “harbour pirate”``;
- then a quote with no cue of its own continues the speaker of the quote before
  it in the same or the previous paragraph, and the parts of a quote over
  several paragraphs share one speaker.

Titles, nicknames and scare quotes that no cue governs stay unattributed. The
speaker mention is then resolved (``names``): a surname or ``Ms. Kalder`` to the
full name used earlier, ``the mayor`` to the one person with that role, ``she``
to who spoke or was the subject last (gender only as the text states it),
``who`` to the phrase it follows.

``confidence`` multiplies how sure the rule is, how plainly the cue reports
speech, and how sure the resolution is; below ``REVIEW_THRESHOLD`` a quote
should be checked by an editor (``review``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from itertools import islice
from typing import Iterator

from .cues import (ACCORDING_TO, GLUED_CUE, INTRODUCING_NOUN_CUE, NAMING_CUES, NOUN_CUE, VERB_CUE, CuesOfFrame,
                   cue_strength, cue_words, is_a_verb_cue)
from .marks import QuotedSpan, line_spans, quoted_spans
from .model import Quote, Span
from .names import DOCUMENT_WORDS, ORGANISATION_WORDS, PRONOUN_GENDER, Cast, Person, apposition_role, kind_of_mention
from .phrases import (ADJACENT, AFTER_DASH, AFTER_INVERTED, AFTER_NORMAL, AFTER_PASSIVE, APPOSITION_AND_PARENTHESIS,
                      AT_END, AT_START, COORDINATED, COORDINATING, DOCUMENT_BEFORE_PARTICIPLE, FIRST_WORD, FOLLOWING,
                      GIVEN_AS_LABEL, INVERTED, LABELLED_AS, LEADING_DETERMINER, OPENING_PARTICIPLE, PARTICIPLE,
                      RELATIVE_PRONOUNS, RELATIVE_SUBJECT, SCARE_MARKER, SENTENCE_CLOSING_CUE, SUBJECT_AFTER_OPENING,
                      SUBJECT_ELSEWHERE, SUBJECT_LEAD, TITLE_BEFORE, TITLE_WORDS, can_name_a_speaker, can_speak)
from .sentences import MASK, Sentence, masked, sentences

REVIEW_THRESHOLD = 0.6
INTRODUCING_PUNCTUATION = re.compile(r"\s*[,:]\s*")
LEADING_CAPITALISED_WORD = re.compile(r"[A-Z][a-z]+\s+(?=[A-Z])")
# How far, in characters, the rules look from a quote for its cue and speaker, and back for whom a pronoun means.
REACH = 400
SALIENCE_REACH = 3000
# Names after the last quote matter only to name a description just before it ("The head of … said “…”. Ines Kalder, …").
NAMES_READ_AFTER_LAST_QUOTE = 500


@dataclass
class Attribution:
    """How a quote was attributed: the speaker's words, the cue and how sure the rule is."""

    mention: Span | None
    cue: str | None
    certainty: float
    kind: str = "full"


class Article:
    """One text with its quoted spans, masked frame, sentences and cast, shared by the rules."""

    def __init__(self, text: str):
        self.text = text
        lines = line_spans(text)
        self.spans = quoted_spans(text, lines)
        self.frame = masked(text, self.spans)
        self.sentences = sentences(self.frame, lines)
        self.cues = CuesOfFrame(self.frame)
        self.sentence_starts = [s.start for s in self.sentences]
        last_quote_end = self.spans[-1].end if self.spans else 0
        self.cast = Cast.of(text, min(len(text), last_quote_end + NAMES_READ_AFTER_LAST_QUOTE))

    def sentence_at(self, offset: int) -> int:
        """Index of the sentence holding ``offset``."""
        return max(0, bisect.bisect_right(self.sentence_starts, offset) - 1)

    def cues_before(self, floor: int, ceiling: int) -> Iterator[re.Match]:
        """The cues in ``frame[floor:ceiling]`` (within one sentence), nearest to ``ceiling`` first."""
        sentence = self.sentences[self.sentence_at(floor)]
        return self.cues.before((sentence.start, sentence.end), floor, ceiling)

    def last_cue(self, floor: int, ceiling: int) -> re.Match | None:
        """The cue nearest before ``ceiling`` in ``frame[floor:ceiling]``."""
        return next(self.cues_before(floor, ceiling), None)

    def span_of(self, match: re.Match, group: str) -> Span | None:
        """The words of a matched noun phrase, if they can name a speaker, without a capitalised sentence word
        that leads them: ``But Kalder`` gives Kalder."""
        start, end = match.span(group)
        if MASK in self.frame[start:end]:
            return None
        if not can_name_a_speaker(self.text[start:end]):
            lead = LEADING_CAPITALISED_WORD.match(self.text, start, end)
            if lead is None or not can_name_a_speaker(self.text[lead.end():end]):
                return None
            start = lead.end()
        return Span(start, end, self.text[start:end])


def extract_quotes(text: str) -> list[Quote]:
    """Every quote in ``text``, in order, with its speaker where the text says who it is."""
    if not text or not any(mark in text for mark in "“”\"„«»‘’'"):
        return []
    article = Article(text)
    if not article.sentences:
        return []
    attributions = [attribute(article, span) for span in article.spans]
    carry_through_continuations(article, attributions)
    carry_to_coordinated_quotes(article, attributions)
    carry_to_uncued_quotes(article, attributions)
    return joined_over_paragraphs(article, resolve_speakers(article, attributions))


def joined_over_paragraphs(article: Article, parts: list[Quote]) -> list[Quote]:
    """One quote for each quote over several paragraphs, from its first word to its last, as attributed."""
    quotes = []
    for chain in chains(article):
        first, last = parts[chain[0]], parts[chain[-1]]
        if first is last:
            quotes.append(first)
            continue
        speaking = next((parts[i] for i in chain if parts[i].speaker is not None), first)
        quotes.append(replace(speaking, start=first.start, end=last.end, text=article.text[first.start:last.end],
                              paragraph=first.paragraph, context=first.context))
    return quotes


def attribute(article: Article, span: QuotedSpan) -> Attribution | None:
    """The first rule that finds a speaker for one quoted span."""
    sentence = article.sentences[article.sentence_at(span.open)]
    if looks_like_a_title(article, span):
        return None
    for rule in (cue_after, opened_by_participle, cue_before, according_to, signed_with_a_dash, cue_later,
                 introduced, cue_next, characterised_as):
        found = rule(article, span, sentence)
        if found is not None and found.mention is not None:
            return found
    return None


def looks_like_a_title(article: Article, span: QuotedSpan) -> bool:
    """Words in title case, or a short capitalised quote after a title word: ``the show “Night Harbour”``,
    ``Vance’s “Tidewater”``, ``Tomas “Tommy” Vell``, ``what they call “the Long Dark”``; any quote marked
    ``so-called``; not a label someone gives, ``mocked Vell as “Lord Pier”``.
    """
    if SCARE_MARKER.search(article.frame, max(0, span.open - 15), span.open):
        return True
    words = article.text[span.start:span.end].split(maxsplit=9)  # more than 8 words are not a title
    if not words or len(words) > 8:
        return False
    if words[0] in ("the", "a", "an") and len(words) > 2:
        words = words[1:]
    if not all(TITLE_WORDS.match(w) for w in words) or not words[0][:1].isupper():
        return False
    if GIVEN_AS_LABEL.search(article.frame, max(0, span.open - 80), span.open + 1):
        return False
    capitalised = sum(1 for w in words if w[:1].isupper())
    if capitalised >= 2:
        return True
    return bool(TITLE_BEFORE.search(article.frame, max(0, span.open - 30), span.open)) or len(words) <= 4 and \
        not ends_with_speech_punctuation(article.text[span.start:span.end])


def ends_with_speech_punctuation(words: str) -> bool:
    """Whether a quote reads as speech: ends like a clause (``,`` ``?`` ``!``) or runs longer than a title."""
    return words.rstrip()[-1:] in ",?!" or len(words.split()) > 4


def cue_after(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A cue right after the closing mark: ``“We will,” Brenner said``, ``“We will,” said Brenner``,
    ``“Tide Song” was written by Brenner``."""
    if span.close is None:
        return None
    start = span.after_close
    frame = article.frame
    for pattern in (AFTER_NORMAL, AFTER_PASSIVE, AFTER_INVERTED):
        match = pattern.match(frame, start, min(sentence.end, start + REACH))
        if match and MASK not in match.group() and is_a_verb_cue(frame, match, match.start("cue")):
            mention = article.span_of(match, "np")
            if mention is None:
                continue
            certainty = 0.97 if ends_with_speech_punctuation(article.text[span.start:span.end]) else 0.85
            return Attribution(mention, match.group("cue"), certainty)
    return None


def cue_later(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A cue further on in the quote's sentence: ``“We will” rebuild the port, Kalder said.``,
    ``“We will,” Ines Kalder, who runs the port, one of the oldest, told us.``"""
    frame = article.frame
    start = span.after_close
    for cue in VERB_CUE.finditer(frame, start, min(sentence.end, start + REACH)):
        if not is_a_verb_cue(frame, cue, sentence.start) or cue_strength(cue.group()) < 1 or cue.group().endswith("ing"):
            continue
        match = AT_END.search(frame, max(start, cue.start() - 160), cue.start())
        mention = (article.span_of(match, "np") if match else None) or inverted_subject(article, cue)
        if mention is not None:
            closing = SENTENCE_CLOSING_CUE.match(frame, cue.end(), sentence.end) is not None
            return Attribution(mention, cue.group(), 0.8 if closing else 0.6, "partial")
    return None


def signed_with_a_dash(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A quote signed like an epigraph: ``“We will rebuild.” ― Ines Kalder``."""
    if span.close is None:
        return None
    match = AFTER_DASH.match(article.frame, span.after_close)
    mention = article.span_of(match, "np") if match else None
    return Attribution(mention, None, 0.9) if mention else None


def cue_before(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """The nearest cue before the quote in its sentence, and the subject of that cue.

    ``Brenner said: “We will.”`` (full); ``Brenner said the council was working on
    “next steps”`` (partial); ``Brenner’s claim that it was “a farce”`` (partial).
    """
    frame = article.frame
    found = speaking_cue(article, max(sentence.start, span.open - REACH), span.open)
    if found is None:
        return None
    cue, mention = found
    between = frame[cue.end():span.open]
    adjacent = ADJACENT.fullmatch(between) is not None
    kind = "full" if adjacent and span.start - span.open <= 2 else "partial"
    naming = cue_words(cue).lower() in NAMING_CUES
    certainty = (0.93 if adjacent else 0.85) * (0.85 if naming else 1.0) * distance_discount(between)
    return Attribution(mention, cue_words(cue), certainty, kind)


def distance_discount(between: str) -> float:
    """Less certainty the more words stand between the cue and the quote."""
    words = len(FIRST_WORD.findall(between))
    return 1.0 if words <= 12 else 0.9 if words <= 25 else 0.75


def speaking_cue(article: Article, floor: int, ceiling: int) -> tuple[re.Match, Span] | None:
    """The cue that reports the quote, with its subject: the outermost whose subject can speak.

    Quoted words inside reported speech are the reporter's source's: in ``Kalder
    said the council had asked for “calm”`` they are Kalder's; in ``Kalder said the
    floods demand “more dams”`` the floods cannot speak. A relative clause brings
    its own speaker (``Vell mocked Kalder, who said “never”``), and so does a cue
    that introduces the quote with just a comma or colon (``When Kalder asked,
    Vell said: “No.”``). With no speaking subject, the nearest cue's subject.
    """
    fallback, speaking = None, None
    for cue in islice(article.cues_before(floor, ceiling), 3):
        mention = speaker_of_cue(article, cue, floor)
        if mention is None:
            continue
        if can_speak(mention.text):
            introducing = speaking is None and INTRODUCING_PUNCTUATION.fullmatch(article.frame, cue.end(), ceiling)
            if mention.text.lower() in RELATIVE_PRONOUNS or introducing:
                return speaking or (cue, mention)
            speaking = (cue, mention)
        fallback = fallback or (cue, mention)
    return speaking or fallback


def speaker_of_cue(article: Article, cue: re.Match, floor: int) -> Span | None:
    """Who a cue's words belong to: its subject before it, the noun after an inverted cue, or the sentence subject."""
    frame = article.frame
    if cue.re is NOUN_CUE:
        return possessor(article, cue)
    start = cue.start("cue") if cue.re is GLUED_CUE else cue.start()
    document = document_subject(article, floor, start) if cue_words(cue).endswith("ing") else None
    if document is not None:
        return document
    relative = RELATIVE_SUBJECT.search(frame, max(floor, start - 40), start)
    if relative is not None:
        antecedent = AT_END.search(frame, max(floor, relative.start() - 200), relative.start())
        speaks = relative.group("np") == "who" or antecedent is not None and can_speak(antecedent.group("np"))
        return article.span_of(relative, "np") if speaks else None
    if cue.re is not INTRODUCING_NOUN_CUE and not ends_in_coordination(frame, floor, start):
        match = AT_END.search(frame, max(floor, start - 200), start)
        found = article.span_of(match, "np") if match else None
        if found is not None and not can_speak(found.text):
            subject = AT_START.match(frame, floor, start)
            opening = article.span_of(subject, "np") if subject else None
            found = opening if opening is not None and can_speak(opening.text) else found
        return found or inverted_subject(article, cue)
    earlier = article.last_cue(floor, start)
    if earlier is not None:
        return speaker_of_cue(article, earlier, floor)
    coordinated = COORDINATED.search(frame, max(floor, start - 80), start)
    if coordinated and article.span_of(coordinated, "np"):
        return article.span_of(coordinated, "np")
    subject = AT_START.match(frame, floor, start)
    mention = article.span_of(subject, "np") if subject else None
    return mention if mention and can_speak(mention.text) else None


def inverted_subject(article: Article, cue: re.Match) -> Span | None:
    """The subject after its cue, before a colon or comma: ``Said Vell: “…”``, ``as Vell put it, “…”``."""
    match = INVERTED.match(article.frame, cue.end())
    return article.span_of(match, "np") if match else None


def ends_in_coordination(frame: str, floor: int, start: int) -> bool:
    """A cue whose subject is the sentence's: ``Vell smiled and said``, ``Vell went on to say``, ``…, saying``,
    ``Vell left before adding``, ``Vell sent a letter that says``."""
    if frame[max(floor, start - 3):start].rstrip().endswith(",") and PARTICIPLE.match(frame, start):
        return True
    return SUBJECT_ELSEWHERE.search(frame, max(floor, start - 12), start) is not None


def possessor(article: Article, cue: re.Match) -> Span | None:
    """The owner of a reporting noun: ``Brenner’s claim`` gives Brenner."""
    match = AT_END.search(article.frame, max(0, cue.start() - 80), cue.start())
    return article.span_of(match, "np") if match else None


def document_subject(article: Article, floor: int, start: int) -> Span | None:
    """The document or organisation right before a participle cue: ``a statement saying``,
    ``a joint statement last week signed by three mayors emphasizing``."""
    match = DOCUMENT_BEFORE_PARTICIPLE.search(article.frame, max(floor, start - 160), start)
    if match is None:
        return None
    head = match.group("head").lower()
    if head not in DOCUMENT_WORDS and head not in ORGANISATION_WORDS:
        return None
    return Span(match.start("np"), match.end("np"), article.text[match.start("np"):match.end("np")])


def according_to(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """``according to Brenner`` anywhere in the quote's sentence."""
    frame = article.frame
    for match in ACCORDING_TO.finditer(frame, max(sentence.start, span.open - REACH), min(sentence.end, span.end + REACH)):
        np = FOLLOWING.match(frame, match.end())
        mention = article.span_of(np, "np") if np else None
        if mention is not None:
            return Attribution(mention, "according to", 0.85, "partial")
    return None


def introduced(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A quote opening a sentence after one that introduces it: ``Brenner said:⏎“We will.”``, or that reports
    speech without quoting it, in the same or the previous paragraph: ``The port will close, Brenner said.
    “We have no choice.”``"""
    if not at_sentence_start(article, span, sentence):
        return None
    index = article.sentence_at(span.open)
    if index == 0:
        return None
    previous = article.sentences[index - 1]
    frame = article.frame
    words = frame[previous.start:previous.end].rstrip()
    with_colon = words.endswith(":")
    if not with_colon and (previous.line < sentence.line - 1 or MASK in words):
        return None
    cue = article.last_cue(previous.start, previous.end)
    if cue is None:
        return None
    mention = speaker_of_cue(article, cue, previous.start)
    certainty = 0.88 if with_colon else 0.7 if previous.line == sentence.line else 0.65
    return Attribution(mention, cue_words(cue), certainty) if mention else None


def characterised_as(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """Words the sentence's subject gives as a label or after a colon, with no reporting verb:
    ``Brenner has long painted Vell as a “harbour pirate”``, ``The leaflet had one line: “Save the pier.”``"""
    frame = article.frame
    if not LABELLED_AS.search(frame, max(sentence.start, span.open - 30), span.open):
        return None
    subject = AT_START.match(frame, sentence.start, span.open)
    mention = article.span_of(subject, "np") if subject else None
    if mention is None or not can_speak(mention.text):
        return None
    return Attribution(mention, None, 0.6, "partial")


def opened_by_participle(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A sentence opening with a participle whose subject follows: ``After saying it was “over,” Vell left.``"""
    frame = article.frame
    opening = OPENING_PARTICIPLE.match(frame, sentence.start, span.open)
    if opening is None or not opening.group("cue").endswith("ing"):
        return None
    subject = SUBJECT_AFTER_OPENING.search(frame, span.end, min(sentence.end, span.end + REACH))
    mention = article.span_of(subject, "np") if subject else None
    if mention is None or not can_speak(mention.text):
        return None
    return Attribution(mention, opening.group("cue"), 0.75, "partial")


def at_sentence_start(article: Article, span: QuotedSpan, sentence: Sentence) -> bool:
    """Whether the quote opens its sentence."""
    return span.open - sentence.start < REACH and article.frame[sentence.start:span.open].strip() == ""


def cue_next(article: Article, span: QuotedSpan, sentence: Sentence) -> Attribution | None:
    """A quote that is a whole sentence followed in its paragraph by a short ``Brenner said so.``."""
    if not at_sentence_start(article, span, sentence) or span.close is None:
        return None
    if sentence.end - span.after_close > REACH or article.frame[span.after_close:sentence.end].strip(" .?!”\"") != "":
        return None
    index = article.sentence_at(span.open)
    if index + 1 >= len(article.sentences):
        return None
    following = article.sentences[index + 1]
    words = article.frame[following.start:following.end]
    if following.line != sentence.line or MASK in words or len(words.split()) > 12:
        return None
    cue = article.last_cue(following.start, following.end)
    if cue is None:
        return None
    mention = speaker_of_cue(article, cue, following.start)
    return Attribution(mention, cue_words(cue), 0.75) if mention else None


def chains(article: Article) -> list[list[int]]:
    """The indices of the spans of each quote, one list per quote, in order (several for a quote over paragraphs)."""
    continued = {span.continues for span in article.spans if span.continues is not None}
    found = []
    for index in range(len(article.spans)):
        if index in continued:
            continue
        chain = [index]
        while article.spans[chain[-1]].continues is not None:
            chain.append(article.spans[chain[-1]].continues)
        found.append(chain)
    return found


def carry_through_continuations(article: Article, attributions: list[Attribution | None]) -> None:
    """Give every part of a quote over several paragraphs the attribution of its first attributed part."""
    for chain in chains(article):
        source = next((attributions[i] for i in chain if attributions[i] is not None), None)
        for index in chain:
            if attributions[index] is None and source is not None:
                attributions[index] = carried(source, 0.95)


def carried(source: Attribution, factor: float) -> Attribution:
    """The same attribution for another quote, a little less sure."""
    return Attribution(source.mention, source.cue, source.certainty * factor, source.kind)


def carry_to_coordinated_quotes(article: Article, attributions: list[Attribution | None]) -> None:
    """A quote joined to the one before it by ``and``, ``or`` or a comma shares its speaker:
    ``Vell called the plan “reckless,” “costly” and “late.”``"""
    for index in range(1, len(article.spans)):
        before, span = article.spans[index - 1], article.spans[index]
        if attributions[index] is not None or attributions[index - 1] is None or before.close is None:
            continue
        if COORDINATING.fullmatch(article.frame, before.after_close, span.open):
            attributions[index] = carried(attributions[index - 1], 0.95)


def carry_to_uncued_quotes(article: Article, attributions: list[Attribution | None]) -> None:
    """A full-sentence quote with no cue continues the last attributed quote of its or the previous paragraph.

    ``“We will,” Brenner said. “We must.”``; and a paragraph ``“We must.”`` after one
    ending with Brenner's quote.
    """
    last: tuple[int, Attribution] | None = None
    for index, span in enumerate(article.spans):
        attribution = attributions[index]
        if attribution is not None:
            last = (span.line, attribution)
            continue
        sentence = article.sentences[article.sentence_at(span.open)]
        if last is None or not at_sentence_start(article, span, sentence) or last[1].mention is None:
            continue
        gap = span.line - last[0]
        if gap <= 1:
            attributions[index] = carried(last[1], 0.8 if gap == 0 else 0.7)
            last = (span.line, attributions[index])


def resolve_speakers(article: Article, attributions: list[Attribution | None]) -> list[Quote]:
    """Quotes with their mentions resolved to names, in text order, tracking who spoke last."""
    resolver = SpeakerResolver(article)
    quotes = []
    for span, attribution in zip(article.spans, attributions):
        quotes.append(resolver.quote(span, attribution))
    return quotes


class SpeakerResolver:
    """Turns a mention into a speaker, remembering who spoke last for the pronouns that follow."""

    def __init__(self, article: Article):
        self.article = article
        self.last_speaker: tuple[int, Person] | None = None

    def quote(self, span: QuotedSpan, attribution: Attribution | None) -> Quote:
        """The quote of one span, with its speaker resolved from its attribution."""
        article = self.article
        sentence = article.sentences[article.sentence_at(span.open)]
        quote = Quote(span.start, span.end, article.text[span.start:span.end], paragraph=span.line,
                      context=context_of(article, sentence, span))
        if attribution is None or attribution.mention is None:
            quote.kind = "fragment" if len(quote.text.split()) <= 4 else "full"
            quote.confidence = 0.0
            return quote
        quote.speaker_mention = attribution.mention
        mention = self.antecedent(attribution.mention)
        person, sureness = self.person_meant(mention)
        kind = kind_of_mention(mention.text, person)
        if kind == "unknown" and attribution.mention.text == "who":
            kind = "person"
        if person is None and self.article.cast.is_organisation(mention.text):
            kind = "organisation"
        quote.cue = attribution.cue
        quote.kind = attribution.kind
        quote.speaker_kind = kind
        if person is not None:
            quote.speaker, quote.role = person.name, person.role or apposition_role(mention.text, name_end(mention.text))
            self.last_speaker = (mention.start, person)
        else:
            quote.speaker = display_name(mention.text)
        strength = cue_strength(attribution.cue) if attribution.cue else 0.9
        quote.confidence = round(attribution.certainty * sureness * strength, 3)
        return quote

    def antecedent(self, mention: Span) -> Span:
        """What a relative pronoun stands for: ``Vell, the mayor since 2019,`` for ``who`` in ``Vell, …, who said``."""
        if mention.text.lower() not in RELATIVE_PRONOUNS:
            return mention
        match = AT_END.search(self.article.frame, max(0, mention.start - 200), mention.start)
        found = self.article.span_of(match, "np") if match else None
        return found or mention

    def person_meant(self, mention: Span) -> tuple[Person | None, float]:
        """The person a mention names and how sure that is."""
        words = mention.text.strip()
        low = words.lower()
        if low in PRONOUN_GENDER:
            return self.pronoun_meant(mention.start, PRONOUN_GENDER[low])
        if low in ("i", "we", "they", "it", "you"):
            return None, 0.6
        cast = self.article.cast
        if not words.islower() and not LEADING_DETERMINER.match(words):
            person = cast.resolve_name(words, mention.start)
            if person is not None:
                return person, 1.0
            return None, 0.85 if kind_of_mention(words, None) == "person" else 0.95
        person = cast.resolve_role(words, mention.start)
        if person is not None:
            return person, 0.9
        person = cast.introduced_next(words, mention.end)
        return (person, 0.75) if person is not None else (None, 0.9)

    def pronoun_meant(self, at: int, gender: str) -> tuple[Person | None, float]:
        """``he``/``she``: the subject named last since the last speaker, else the last speaker, gender permitting.

        A person the text has stated to be ``she`` (``Ms. Brenner``, an earlier
        ``she said``) wins over people of unstated gender. Sure when the stated
        gender decides or no one else fitting was a subject as recent as the
        chosen person (``Kalder met Vell, and Prest joined them. “…,” she said``
        is unsure); a sure resolution states the gender for later pronouns.
        """
        fitting = [p for p in self.recent_people(at) if p.gender in (None, gender)]
        if not fitting:
            return None, 0.4
        window = self.article.sentences[max(0, self.article.sentence_at(at) - 2)].start
        nearby = [(m, p) for m, p in self.article.cast.mentioned_between(window, at) if p in fitting]
        stated = [p for _, p in nearby if p.gender == gender]
        chosen = stated[0] if stated else fitting[0]
        latest = max((m for m, p in nearby if p is chosen), default=window)
        rivals = [p for m, p in nearby if p is not chosen and p.gender is None and is_subject(self.article, m)
                  and self.article.sentence_at(m) >= self.article.sentence_at(latest)]
        if not rivals:
            sureness = 0.95
        else:
            sureness = 0.75 if stated else 0.5
        if chosen.gender is None and sureness > 0.9:
            chosen.gender = gender
        return chosen, sureness

    def recent_people(self, at: int) -> list[Person]:
        """People by salience before ``at``: subjects of sentences since the last speaker, the last speaker, others."""
        article = self.article
        mentions = article.cast.mentioned_between(at - SALIENCE_REACH, at)
        since = self.last_speaker[0] if self.last_speaker else -1
        subjects = [p for m, p in mentions if m > since and is_subject(article, m)]
        ordered = subjects + ([self.last_speaker[1]] if self.last_speaker else []) + [p for _, p in mentions]
        unique: list[Person] = []
        for person in ordered:
            if person not in unique:
                unique.append(person)
        return unique


def context_of(article: Article, sentence: Sentence, span: QuotedSpan) -> str:
    """The sentence around a quote, or as much of it as lies within reach of the quote."""
    start = sentence.start if span.open - sentence.start <= REACH else span.open
    end = sentence.end if sentence.end - span.end <= REACH else span.end + 1
    return article.text[start:end].strip()


def is_subject(article: Article, offset: int) -> bool:
    """Whether a mention opens its sentence or clause, after at most an introduction and a role.

    ``On Monday, harbour master Ines Kalder ...`` and ``Kalder ...`` are subjects;
    ``Vell met Kalder`` makes only Vell one.
    """
    sentence = article.sentences[article.sentence_at(offset)]
    before = article.frame[max(sentence.start, offset - REACH):offset]
    before = before[before.rfind(",") + 1:]
    return SUBJECT_LEAD.fullmatch(before) is not None


def name_end(mention: str) -> int:
    """Where the name in a mention ends: before its apposition, if any."""
    comma = mention.find(",")
    return comma if comma >= 0 else len(mention)


def display_name(mention: str) -> str:
    """A mention as a speaker name: ``the campaign’s`` gives ``the campaign``; ``PENCE`` gives ``Pence``."""
    name = APPOSITION_AND_PARENTHESIS.sub("", mention).strip().rstrip(",")
    return name.title() if name.isupper() and len(name) > 3 else name
