"""People, organisations and documents named in an article, and who a mention means.

``Cast.of(text)`` reads every capitalised name in the article once: the full
names (``German Chancellor Ada Brenner`` gives the person ``Ada Brenner`` with
the role ``German Chancellor``; ``Ada Brenner, the mayor of Tollby,`` gives the
role ``the mayor of Tollby``), the gender the text states through an
honorific (``Ms. Brenner``), and where each person is mentioned. A later
mention resolves against it: ``Brenner`` and ``Ms. Brenner`` to ``Ada Brenner``,
``the chancellor`` to the one person whose role has that word.

``kind_of_mention`` tells a person (``Brenner``, ``she``, ``the mayor``) from an
organisation (``the campaign``, ``the White House``, ``a spokesperson``) and a
document (``a joint statement``).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from .patterns import rests_after_first_letter

HONORIFICS = {"mr": "he", "mr.": "he", "mrs": "she", "mrs.": "she", "ms": "she", "ms.": "she",
              "miss": "she", "sir": "he", "dame": "she", "lord": "he", "lady": "she"}
TITLES = frozenset("""
dr dr. sen sen. rep rep. gov gov. gen gen. lt lt. col col. sgt sgt. rev rev. prof prof. pres pres.
gen. adm adm. capt capt. maj maj. cmdr supt insp det det. st.
president vice prime minister chancellor secretary senator governor mayor speaker king queen pope
prince princess ambassador general commissioner chief director chairman chairwoman chair judge
justice attorney representative congressman congresswoman spokesman spokeswoman spokesperson
leader founder ceo sheriff commander admiral captain major colonel lieutenant sergeant officer
deputy assistant foreign defence defense interior finance economy state home health justice
treasury labour labor education trade energy environment agriculture transport culture
premier emperor sheikh ayatollah rabbi bishop cardinal father reverend professor doctor
coach manager minority majority whip counsel auditor comptroller treasurer clerk
democratic republican nominee candidate host anchor moderator editor columnist correspondent
economist analyst strategist adviser advisor aide official lawmaker diplomat envoy
prosecutor businessman businesswoman author writer singer actor actress filmmaker director
councillor councilor councilman councilwoman alderman inspector constable detective superintendent
marshal magistrate senior acting interim former top
""".split())
ROLE_NOUNS = TITLES | frozenset("""
member activist organizer organiser surrogate pollster physician scientist researcher expert
resident voter supporter critic announcer player partner delegate head executive owner
officer boss operative staffer source witness victim friend mother father son daughter wife
husband brother sister neighbour neighbor teacher student worker farmer nurse lawyer master
engineer pilot driver fisherman shopkeeper owner chef priest imam pastor journalist spokesman
""".split())
ORGANISATION_WORDS = frozenset("""
campaign coalition government committee administration party alliance ministry department agency
company firm group office team union council commission board house court police army military
navy embassy bank fund foundation institute university association organization organisation
network newspaper paper magazine station channel service bureau parliament congress senate
assembly cabinet kremlin pentagon inc corp corporation club center centre authority authorities
regime federation league church hospital school college caucus secretariat spokesperson
spokesman spokeswoman spokespeople staff post times journal news press reuters afp ap cnn bbc
nbc cbs abc fox msnbc politico politifact bloomberg guardian telegraph tribune herald gazette
daily agency commission nato un eu opec fbi cia nsa doj gop dnc rnc ministry command
security intelligence prosecutors police officials spokespersons outlet site network media
television radio tv utility operator maker manufacturer producer retailer carrier airline charity
lender insurer broadcaster publisher delegation
""".split())
DOCUMENT_WORDS = frozenset("""
statement report letter memo filing document release ruling study survey poll website post
tweet ad advert article editorial brief complaint lawsuit order opinion analysis book transcript
email message note decision declaration communique communiqué resolution bill law platform
manifesto notice judgment judgement verdict indictment affidavit motion petition advisory guidance
guidelines plan proposal agreement treaty summary headline caption sign banner slogan video
spot commercial page blog newsletter column review profile readout text documents records piece story
essay clip
""".split())
# Words that make a capitalised run a place, an event or a thing rather than a person.
NOT_PERSON_WORDS = frozenset("""
united states kingdom republic new north south east west northern southern eastern western central
county city town village street avenue road square park river lake mountain mountains island islands
bay sea ocean valley beach coast national american european international democratic republican
federal supreme white day war act amendment island airport station bridge tower hall palace
church cathedral mosque temple hospital school academy prize award awards cup games olympics
league championship festival conference summit forum treaty accord plan program programme project
initiative fund base zone region province state territory district empire union street mall
americans africans europeans asians republicans democrats latinos hispanics christians muslims jews
catholics evangelicals conservatives liberals
""".split())
# Endings of nouns for people: spokesman, chairwoman, teacher, economist, resident, inspector, historian.
PERSON_ENDINGS = ("man", "woman", "er", "ist", "ent", "or", "ian")
PRONOUN_GENDER = {"he": "he", "him": "he", "she": "she", "her": "she"}
PERSON_PRONOUNS = frozenset({"he", "she", "i", "we", "they", "you"})
PRONOUNS = PERSON_PRONOUNS | {"it"}
NOT_NAMES = frozenset("""
who which
the a an on in at but and or as if when while after before since for with by from to of this
that these those his her its their our my your there here it he she they we i you mr mrs ms
monday tuesday wednesday thursday friday saturday sunday january february march april may june
july august september october november december today yesterday however meanwhile still also
asked said says according yes no not though although yet now then so thus instead later earlier first
finally last next once perhaps maybe indeed even only still meanwhile however also despite during
after before while when where why how what who whom which if unless because since until among amid
outside inside across around beyond within without against toward towards along through throughout near
behind below above beside between upon following including except
""".split())
CAPITALISED = r"(?:[A-Z][a-z]+(?:[A-Z][a-z]+)?(?:[-’'][A-Za-z]+)*|[A-Z]\.|Mc[A-Z][a-z]+)"
ABBREVIATED_TITLES = ("Mr", "Mrs", "Ms", "Dr", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt", "Rev",
                      "Prof", "St", "Jr", "Sr", "Capt", "Maj", "Adm", "Pres")
# A word of a name run before the last: initials, an abbreviated title or a capitalised word, then a connector or a space.
RUN_WORD = rf"(?:[A-Z](?:\.[A-Z])*\.|(?:{'|'.join(ABBREVIATED_TITLES)})\.|[A-Z][\w’'-]*+)"
RUN_CONNECTOR = r"(?:of|for|and|the|de|van|von|der|bin|al|da|di|le|la)"
RUN_SPACE = rf"(?:\s+{RUN_CONNECTOR}(?=\s+[A-Z]))?\s+"
# The first word once its capital is matched.
RUN_WORD_AFTER_CAPITAL = rf"(?:(?:\.[A-Z])*\.|(?:{rests_after_first_letter(ABBREVIATED_TITLES)})\.|[\w’'-]*+)"
# What follows the first word of a run that goes on: spaces, maybe a connector, a capital (a quick test that spares
# the lone capitalised words opening most sentences the search for more words).
RUN_GOES_ON = rf"(?=[\w’'.-]*+\s+(?:{RUN_CONNECTOR}\s+)?[A-Z])"
# Capitalised words up to a last one, with titles and connectors: "Commissioner for Trade and Fisheries Ada Brenner".
# (It opens with the capital that starts a word, one class, so that a search skips quickly to the next one.)
NAME_RUN = re.compile(rf"[A-Z](?<![\w’'.-][A-Z])(?:{RUN_GOES_ON}{RUN_WORD_AFTER_CAPITAL}{RUN_SPACE}"
                      rf"(?:{RUN_WORD}{RUN_SPACE})*[A-Z][\w’'-]*|[\w’'-]*)")
APPOSITION_ROLE = re.compile(
    r"\s*,\s*(?P<role>(?:the|a|an)\s+[^,;:.“”\"()]{2,70}?|[a-z][^,;:.“”\"()]{2,40}?)\s*(?:[,;.]|$)")
WORD = re.compile(r"\S+")
# A name followed by "which" or "its" names a thing, not a person: "Tollby Power, which runs the plant".
NAMED_AS_A_THING = re.compile(r"(?:’s|'s)?\s*,?\s*which\b")
WORD_CHARS = re.compile(r"[\w’'-]+")
LOWER_WORD = re.compile(r"[a-z]+")
CAPITALISED_WORD = re.compile(r"[A-Z][\w’'.-]*")
INITIAL = re.compile(r"[A-Z]\.")
INITIALS = re.compile(r"(?:[A-Z]\.)+")
# Initials that stand for a place or a body rather than a person's given names.
PLACE_AND_BODY_INITIALS = frozenset({"U.S.", "U.K.", "U.N.", "E.U.", "D.C.", "N.Y.", "L.A."})
APPOSITION_OR_PARENTHESIS = re.compile(r"\s*[,(]")
PARENTHESIS = re.compile(r"\([^()]*\)")
POST_MODIFIER = re.compile(r",.*|\s(?:of|from|by|in|at|for|with|on|to|that|which|who|whose|where)\s.*")
FULL_NAME = re.compile(rf"(?:[\w.]+\s+)*{CAPITALISED}(?:\s+{CAPITALISED})+")
CONNECTORS = frozenset({"of", "for", "and", "the", "de", "van", "von", "der", "bin", "al", "da", "di", "le", "la"})


@dataclass(eq=False)
class Person:
    """Someone named in full in the article."""

    name: str
    role: str | None = None
    gender: str | None = None
    mentions: list[int] = field(default_factory=list)
    introduction: str | None = None

    def mentioned_between(self, start: int, end: int) -> bool:
        return bisect.bisect_left(self.mentions, start) < bisect.bisect_left(self.mentions, end)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


@dataclass
class Cast:
    """The people of one article, found once and looked up by mention."""

    people: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    by_first_name: dict[str, list[Person]] = field(default_factory=dict)
    timeline: list[tuple[int, Person]] = field(default_factory=list)
    timeline_offsets: list[int] = field(default_factory=list)
    organisations: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, text: str, end: int | None = None) -> "Cast":
        """The people named in ``text``, or in its first ``end`` characters when nothing after them is needed."""
        cast = cls()
        for match in NAME_RUN.finditer(text, 0, len(text) if end is None else end):
            run = match.group()
            if " " in run:
                cast.read_name_run(text, match)
            elif run in cast.by_surname:
                cast.note_surname_mention([run], match.start(), [])
        for name in cast.organisations & cast.people.keys():
            cast.forget(name)
        cast.timeline = sorted(((at, p) for p in cast.people.values() for at in p.mentions), key=lambda pair: pair[0])
        cast.timeline_offsets = [at for at, _ in cast.timeline]
        return cast

    def mentioned_between(self, start: int, end: int) -> list[tuple[int, Person]]:
        """The mentions of people in ``[start, end)``, the latest first."""
        low = bisect.bisect_left(self.timeline_offsets, start)
        high = bisect.bisect_left(self.timeline_offsets, end)
        return self.timeline[low:high][::-1]

    def read_name_run(self, text: str, match: re.Match) -> None:
        """Record the person a run of capitalised words names, with the role and honorific around it."""
        run = parsed_run(match.group())
        if len(run.name_words) < 2 and not run.may_name_someone_by_surname(self):
            return
        words, first, last = run.words, run.first, run.last
        at = match.start() + run.offsets[first]
        if len(run.name_words) < 2:
            self.note_surname_mention(list(run.name_words), at, list(words[:first]))
            self.note_titled_surname(list(run.name_words), at, list(words[:first]))
            return
        if not run.may_be_a_person:
            return
        if last == len(words) and names_a_thing(text, match.end()):
            self.organisations.add(run.name)
            return
        person = self.people.get(run.name) or self.add(run.name)
        person.mentions.append(at)
        if run.title:
            person.role = run.title
        elif person.role is None and len(person.mentions) == 1:
            after = match.start() + run.offsets[last - 1] + len(words[last - 1]) if last == len(words) else None
            apposition = APPOSITION_ROLE.match(text, after) if after else None
            person.introduction = apposition.group("role") if apposition else None
            person.role = role_in_apposition(apposition) or role_before(text, match.start())
        self.note_honorific(person, list(words[:first]))

    def note_surname_mention(self, name_words: list[str], at: int, before: list[str]) -> None:
        """A later mention of a known person by surname, perhaps with an honorific that states the gender."""
        if len(name_words) != 1:
            return
        for person in self.by_surname.get(name_words[0], []):
            person.mentions.append(at)
            self.note_honorific(person, before)

    def note_titled_surname(self, name_words: list[str], at: int, before: list[str]) -> None:
        """A person known only by title and surname (``Minister Lindqvist``), when no full name has that surname."""
        if len(name_words) != 1 or name_words[0] in self.by_surname or is_acronym(name_words[0]):
            return
        titles = [w for w in before if w.lower().rstrip(".") in TITLES or w.lower() in HONORIFICS]
        if not titles or name_words[0].lower() in NOT_PERSON_WORDS:
            return
        person = self.add(name_words[0])
        person.mentions.append(at)
        person.role = " ".join(w for w in before if w.lower() not in HONORIFICS) or None
        self.note_honorific(person, before)

    @staticmethod
    def note_honorific(person: Person, words: list[str]) -> None:
        """``Ms.``/``Mr.`` before a name state the person's gender."""
        for word in words:
            person.gender = HONORIFICS.get(word.lower(), person.gender)

    def forget(self, name: str) -> None:
        """Drop a name taken for a person that the text shows to be a thing (``Tollby Power, which …``)."""
        person = self.people.pop(name)
        self.by_surname[person.surname].remove(person)
        self.by_first_name[name.split()[0]].remove(person)

    def is_organisation(self, mention: str) -> bool:
        return APPOSITION_OR_PARENTHESIS.split(mention, maxsplit=1)[0].strip() in self.organisations

    def add(self, name: str) -> Person:
        person = Person(name)
        self.people[name] = person
        self.by_surname.setdefault(person.surname, []).append(person)
        self.by_first_name.setdefault(name.split()[0], []).append(person)
        return person

    def resolve_name(self, mention: str, at: int) -> Person | None:
        """The person a name mention means: the full name itself, or the full name named last with its surname."""
        named = name_in_mention(mention)
        if named is None:
            return None
        full, surname, one_word = named
        if full in self.people:
            return self.people[full]
        return latest_before(self.by_surname.get(surname, []), at) or latest_before(
            self.by_first_name.get(surname, []) if one_word else [], at)

    def resolve_role(self, mention: str, at: int) -> Person | None:
        """The one person whose role holds every word of ``the chancellor`` (determiner and ``former`` aside)."""
        words = [w for w in LOWER_WORD.findall(mention.lower()) if w not in ("the", "a", "an", "former", "then")]
        if not words or words[-1] not in ROLE_NOUNS:
            return None
        matches = [p for p in self.people.values()
                   if p.role and all(w in p.role.lower().split() for w in words) and p.mentions and p.mentions[0] < at]
        return matches[0] if len(matches) == 1 else None


    def introduced_next(self, mention: str, at: int, reach: int = 400) -> Person | None:
        """The person a description stands for when the name follows it, as news ledes have it:
        ``The head of the port authority said …`` then ``Ines Kalder, who heads the authority, …``."""
        stem = word_stem(head_word(mention))
        if not stem:
            return None
        matches = [p for p in self.people.values() if p.mentions and at < p.mentions[0] < at + reach
                   and any(word_stem(w) == stem for w in LOWER_WORD.findall(f"{p.role} {p.introduction}".lower()))]
        return matches[0] if len(matches) == 1 else None


@lru_cache(maxsize=8192)
def name_in_mention(mention: str) -> tuple[str, str, bool] | None:
    """The name a mention holds, its surname (or only word) and whether it is one word:
    ``Ms. Brenner, the mayor,`` gives ``("Brenner", "Brenner", True)``."""
    mention = APPOSITION_OR_PARENTHESIS.split(mention, maxsplit=1)[0]
    words = [w for w in CAPITALISED_WORD.findall(mention) if w.lower() not in NOT_NAMES]
    words = words[name_start(words):]
    if not words:
        return None
    surname = words[-1].rstrip("’'s") if words[-1].endswith(("’s", "'s")) else words[-1]
    surname = surname.title() if surname.isupper() else surname
    return " ".join(words), surname, len(words) == 1


def word_stem(word: str) -> str:
    """A crude stem shared by a role and its verb: ``leader`` and ``leads`` give ``lead``."""
    for ending in ("ership", "ers", "er", "ors", "or", "s"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[:-len(ending)]
    return word


def unglued(word: str) -> str:
    """A name without a reporting verb run into it: ``Brennersaid`` gives ``Brenner``."""
    return word[:-4] if word.endswith(("said", "says")) and len(word) > 7 and word[-5].islower() else word


@dataclass
class NameRun:
    """A run of capitalised words read once: its words, where the name lies in them, the title before it."""

    words: tuple[str, ...]
    first: int
    last: int
    title: str | None
    offsets: tuple[int, ...]

    @cached_property
    def name_words(self) -> tuple[str, ...]:
        return self.words[self.first:self.last]

    @cached_property
    def name(self) -> str:
        return " ".join(self.name_words)

    def may_name_someone_by_surname(self, cast: "Cast") -> bool:
        """A lone surname that is known, or follows a title (``Minister Vell``)."""
        return len(self.name_words) == 1 and (self.name_words[0] in cast.by_surname or self.first > 0)

    @cached_property
    def may_be_a_person(self) -> bool:
        return not is_organisation(self.name) and not any(
            is_acronym(w) or w.lower() in NOT_PERSON_WORDS for w in self.name_words)


@lru_cache(maxsize=8192)
def parsed_run(run: str) -> NameRun:
    """The words of a run (``German Chancellor Ada Brennersaid``), where each starts, the name's bounds and the title
    before it."""
    found = list(WORD.finditer(run))
    words = [unglued(m.group()) for m in found]
    words[-1] = possessive_free(words[-1])
    first, last = name_bounds(tuple(words))
    before = words[:first]
    title = " ".join(w for w in before if w.lower() not in HONORIFICS and w.lower() not in NOT_NAMES)
    titled = any(w.lower().rstrip(".") in TITLES for w in before)
    keeps_title = title and titled and before[-1].lower() not in CONNECTORS
    return NameRun(tuple(words), first, last, title if keeps_title else None, tuple(m.start() for m in found))


@lru_cache(maxsize=4096)
def name_bounds(words: tuple[str, ...]) -> tuple[int, int]:
    """Where the name proper lies in a run of capitalised words, titles and portfolios aside.

    ``Mayor Ada Brenner of Tollby`` gives Ada Brenner; in ``Commissioner for Trade and
    Fisheries Ada Brenner`` the name is the last two words of the part after the last connector.
    """
    parts, begin = [], 0
    for i, word in enumerate(words + ("of",)):
        if word.lower() in CONNECTORS:
            parts.append((begin, i))
            begin = i + 1
    for index, (begin, end) in enumerate(parts):
        first = begin + name_start(words[begin:end])
        if end - first >= 2:
            if index > 0 and end - first > 2 and not INITIAL.fullmatch(words[end - 2]):
                first = end - 2
            return first, end
    begin, end = parts[-1]
    return begin + name_start(words[begin:end]), end


def latest_before(people: list[Person], at: int) -> Person | None:
    """Of several people sharing a surname, the one mentioned last before ``at``."""
    best, best_at = None, -1
    for person in people:
        before = bisect.bisect_left(person.mentions, at)
        only_one = len(people) == 1 and person.mentions
        last = person.mentions[before - 1] if before else (person.mentions[0] if only_one else -1)
        if last > best_at:
            best, best_at = person, last
    return best


def name_start(words: list[str]) -> int:
    """Index of the first word of the name proper, after leading titles, roles and sentence words."""
    start = 0
    for i, word in enumerate(words):
        low = word.lower().rstrip(".")
        if low in TITLES or word.lower() in TITLES or word.lower() in HONORIFICS or low in NOT_NAMES \
                or word.lower() in CONNECTORS or (is_acronym(word) and i < len(words) - 1):
            start = i + 1
    return start


def names_a_thing(text: str, end: int) -> bool:
    """Whether the words after a name show it names an organisation: ``, which``, ``, the state utility,``."""
    if NAMED_AS_A_THING.match(text, end):
        return True
    apposition = APPOSITION_ROLE.match(text, end)
    if apposition is None or not apposition.group("role").startswith(("the ", "a ", "an ")):
        return False
    return head_word(apposition.group("role")) in ORGANISATION_WORDS


def is_acronym(word: str) -> bool:
    """``NATO``, ``US``, ``U.N.``: capitals that are not a name, unlike initials such as ``E.`` or ``T.J.``."""
    if INITIALS.fullmatch(word):
        return word in PLACE_AND_BODY_INITIALS
    return word.isupper() and len(word.rstrip(".")) > 1


def apposition_role(text: str, end: int) -> str | None:
    """The role in an apposition after a name: ``Ada Brenner, the mayor of Tollby, said``."""
    return role_in_apposition(APPOSITION_ROLE.match(text, end))


def role_in_apposition(match: re.Match | None) -> str | None:
    """The role an APPOSITION_ROLE match holds, if its words name one."""
    if not match:
        return None
    role = match.group("role")
    words = LOWER_WORD.findall(role.lower())
    return role if any(w in ROLE_NOUNS for w in words) else None


def role_before(text: str, start: int) -> str | None:
    """A lower-case role just before a name, with up to two words leading to it: ``NATO chief``, ``party spokesman``."""
    words = text[max(0, start - 60):start].split()
    if not words or words[-1].lower() not in ROLE_NOUNS or not words[-1].isalpha():
        return None
    lead = [words[-1]]
    for word in reversed(words[-3:-1]):
        if not (word[:1].isupper() or word.lower() in ROLE_NOUNS) or not word.replace("-", "").isalnum():
            break
        lead.insert(0, word)
    return " ".join(lead)


def is_organisation(phrase: str) -> bool:
    return any(possessive_free(w.lower()) in ORGANISATION_WORDS for w in phrase.split())


def possessive_free(word: str) -> str:
    return word[:-2] if word.endswith(("’s", "'s")) else word.rstrip("’'")


@lru_cache(maxsize=8192)
def head_word(phrase: str) -> str:
    """The main noun of a noun phrase: ``the campaign’s`` gives campaign, ``a letter from the mayors`` letter."""
    phrase = POST_MODIFIER.sub("", PARENTHESIS.sub("", phrase))
    words = WORD_CHARS.findall(phrase)
    if not words:
        return ""
    return possessive_free(words[-1].lower())


def kind_of_mention(mention: str, resolved: Person | None) -> str:
    """``person``, ``organisation``, ``document`` or ``unknown`` for the words naming a speaker."""
    return kind_of_words(mention, resolved is not None)


@lru_cache(maxsize=8192)
def kind_of_words(mention: str, names_a_known_person: bool) -> str:
    """``kind_of_mention`` for words that do or do not name a person of the article's cast."""
    low = mention.lower().strip()
    head = head_word(mention)
    single = head[:-1] if head.endswith("s") and not head.endswith("ss") else head
    if low in PERSON_PRONOUNS:
        return "person" if low in ("he", "she", "i") else "unknown"
    if head in DOCUMENT_WORDS or single in DOCUMENT_WORDS:
        return "document"
    if names_a_known_person:
        return "person"
    if head in ORGANISATION_WORDS or single in ORGANISATION_WORDS or low.startswith(("the white house", "the kremlin")):
        return "organisation"
    if single in ROLE_NOUNS or single.endswith(PERSON_ENDINGS) and not mention[:1].isupper():
        return "person"
    if FULL_NAME.fullmatch(mention.strip()) and not is_organisation(mention):
        return "person"
    return "unknown"
