"""A seeded, reproducible corpus of invented raw news articles, for benchmarks.

Every person, place and organisation here is invented. Article ``i`` of a
corpus depends only on the seed and ``i``, so a corpus of N + 1 articles is the
corpus of N articles plus one more. Each article can be written as a raw
scraped ``.txt`` file (what the Newsdigest reader takes) or as plain Markdown
(what bare Pelican takes).
"""
from __future__ import annotations

import datetime as dt
import random
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import yaml

FIRST_NAMES = ("Aino Brita Dagny Elin Freya Greta Hedda Ilse Jorunn Kaija Liv Maren Nadia Oda Petra Runa "
               "Sigrid Tove Ulla Vera Anders Bjarne Casimir Dag Eskil Finn Gorm Halvar Ivar Jonas Kjell "
               "Leif Mattis Nils Osvald Per Ragnar Sten Torben Vidar").split()
FEMININE_NAMES = frozenset(FIRST_NAMES[:20])
SURNAMES = ("Tamm Lindqvist Ondrey Savolet Renn Holt Ekwall Harrow Felder Saal Kjell Aske Stenlund Brask "
            "Morrow Vellam Dunholm Astrup Kareth Noerby Quist Rasmark Solvik Tennant Ulvang Varga Wexby "
            "Yttre Zorell Brekke Carsten Dahlby Ferro Grell Hagen Ilvik Jarnfeldt Korsmo Lunde Myrvoll").split()
ROLES = (
    ("Mayor of {place}", "the mayor", "Mayor"),
    ("Foreign Minister of {country}", "the foreign minister", "Foreign Minister"),
    ("Health Minister of {country}", "the health minister", "Health Minister"),
    ("chair of {org}", "the chair", ""),
    ("spokesperson for {org}", "the spokesperson", ""),
    ("a councillor in {place}", "the councillor", "Councillor"),
    ("director of {org}", "the director", "Director"),
    ("an economist at the University of {place}", "the economist", ""),
    ("a skipper from {place}", "the skipper", ""),
    ("head of the {place} harbour authority", "the harbour master", ""),
)
COUNTRIES = ("Valdoria", "Karsovia", "Ostrenia")
PLACES = ("Port Ansel", "Drovny", "Castrelle", "Halvik", "Marrow Bay", "Eskeby", "Tarn Point", "Vellholm",
          "Skarra", "Lindholt")
ORGANISATIONS = ("the Northern Maritime Council", "Calderway Power", "the Small Boat Fishers' Association",
                 "the Port Ansel Dockworkers' Guild", "the Halvik Teachers' Union", "the Valdorian Rail Authority",
                 "the Coastal Hospitals Trust", "the Ansel Chamber of Commerce", "the Greyshelf Wind Partnership",
                 "the Lindholt Heritage Society")
SOURCES = ("The Ansel Ledger", "Coastal Wire", "Drovny Evening Post", "Northern Herald")
PHOTO_AGENCIES = ("Coastline Images", "Northlight Press", "Harbour Photo Agency")
TOPICS = {
    "Maritime": ("trawler", "fishing quota", "shipping lane", "quay", "cargo", "patrol vessel"),
    "Energy": ("wind farm", "power grid", "substation", "turbines", "electricity prices", "blackout"),
    "Diplomacy": ("treaty", "foreign ministry", "ambassador", "bilateral talks", "accord", "communique"),
    "City Politics": ("city council", "levy", "city budget", "councillors", "city hall", "zoning plan"),
    "Health": ("hospital", "vaccination", "nurses", "health budget", "waiting lists", "clinic"),
    "Culture": ("museum", "festival", "exhibition", "heritage", "concert hall", "lantern procession"),
    "Transport": ("rail line", "ferry", "timetable", "bus routes", "bridge", "tram depot"),
    "Education": ("school", "teachers", "curriculum", "exam results", "university", "school meals"),
    "Economy": ("inflation", "interest rates", "unemployment", "exports", "wages", "tax cut"),
    "Weather": ("storm", "flood defences", "snowfall", "coastal erosion", "heatwave", "storm surge"),
}
# A digest grows day by day: article i is dated i // ARTICLES_A_DAY days after the first, so the
# article added to a corpus is among its newest, as an editor's new article is.
FIRST_DAY = dt.date(2025, 1, 1)
ARTICLES_A_DAY = 15
MONTHS = ("January February March April May June July August September October November December").split()
WEEKDAYS = ("Monday Tuesday Wednesday Thursday Friday Saturday Sunday").split()
NUMBERS = ("two", "three", "four", "five", "a dozen", "several", "more than 40", "about 300", "nearly 1,200",
           "11 million", "38", "at least 70")
ADJECTIVES = ("reasonable", "dangerous", "long overdue", "modest", "badly judged", "necessary", "costly",
              "fair", "reckless", "pressing", "careful", "premature")
VERBS = ("support", "oppose", "review", "fund", "delay", "defend", "reconsider", "finish", "question", "protect")
ADVERBS = ("this winter", "next year", "without delay", "step by step", "in good faith", "before the spring",
           "for as long as it takes", "with our neighbours")

QUOTE_SENTENCES = (
    "We will {verb} the {kw} {adverb}.",
    "Nobody in {place} wants to {verb} the {kw}.",
    "This is {adj} for {place}, and we will not pretend otherwise.",
    "The {kw} is not {adj}; it is {adj2}.",
    "I have said it before and I will say it again: the {kw} has to be {adj}.",
    "People in {place} deserve a {adj} answer, not another committee.",
    "If we do not {verb} the {kw} now, we will pay for it {adverb}.",
    "My door is open, but my patience is not endless.",
    "We counted {number} families who depend on the {kw}.",
    "It would be {adj} to {verb} the {kw2} while the {kw} is in doubt.",
    "Nobody asked us a single question about the {kw}.",
    "We are ready to talk, but we are not ready to be ignored.",
)
PARTIALS = ("{adj} and {adj2}", "a {adj} mistake", "not up for negotiation", "the last chance for the {kw}",
            "{adj}, but long overdue", "a matter for {place}")
NARRATIVE_SENTENCES = (
    "The {kw} has been debated in {place} for {number} months.",
    "{Org} said on {day} that {number} people had written to object to the {kw}.",
    "Officials in {place} estimate that the {kw} will cost {number} valdors.",
    "The {kw2} was raised again at a meeting in {place} on {day}, according to minutes seen by reporters.",
    "Critics say the {kw} was approved too quickly and without a proper study of the {kw2}.",
    "Supporters point out that the {kw} was first proposed {number} years ago.",
    "A decision on the {kw} is expected before the end of {month}.",
    "{Org} has asked for a seat on the committee overseeing the {kw}.",
    "The {kw2} in {place} has become a test for the government in {country}.",
    "Figures published on {day} showed that the {kw} had fallen behind schedule.",
    "In {place}, {number} residents attended a public meeting on the {kw} on {day} evening.",
    "The dispute over the {kw} has drawn comparisons with the row over the {kw2} in {place}.",
)
HEADLINES = (
    "{place} council backs {kw} after late-night session",
    "Talks on {kw} stall in {place}",
    "{Org} warns over {kw}",
    "{place} braces for {kw2} row",
    "Minister defends {kw} as critics gather in {place}",
    "Questions mount over {kw} in {place}",
    "{place} residents divided on {kw}",
)
BOILERPLATE = (
    "ADVERTISEMENT",
    "Advertisement",
    "Photo: {person}/{agency}",
    "Sign up for {source} briefings: the day's news in your inbox every weekday.",
    "Read more: {headline}",
    "Related: {headline}",
    "Share this article",
    "We use cookies to improve your experience. Accept all cookies",
    "Watch: {headline} (video, 2:14)",
    "Click here to follow {source} on social media",
)
TRAILERS = (
    "Reporting by {person}; editing by {person2}",
    "Copyright {year} {source}. All rights reserved.",
    "(Invented article generated for benchmarks: all people, places and organisations are fictional.)",
)
MARKS = {"curly": ("“", "”"), "straight": ('"', '"')}


@dataclass(frozen=True)
class Person:
    """An invented person who recurs across the corpus."""

    first: str
    last: str
    role: str
    role_noun: str
    title: str
    country: str

    @property
    def name(self) -> str:
        return f"{self.first} {self.last}"

    @property
    def pronoun(self) -> str:
        return "she" if self.first in FEMININE_NAMES else "he"

    @property
    def honorific(self) -> str:
        return "Ms." if self.first in FEMININE_NAMES else "Mr."


@dataclass(frozen=True)
class Article:
    """One invented article: its editorial facts, its body lines and whether it carries a header."""

    slug: str
    title: str
    date: dt.date
    source: str
    topics: tuple[str, ...]
    lines: tuple[str, ...]
    has_header: bool
    blank_lines: bool

    def as_raw_text(self) -> str:
        """The article as a scraper would leave it, with or without an editorial header."""
        gap = "\n\n" if self.blank_lines else "\n"
        body = gap.join(self.lines)
        if not self.has_header:
            return f"{self.title}\n{body}\n"
        header = (f"Title: {self.title}\nDate: {self.date.isoformat()}\nSource: {self.source}\n"
                  f"Topics: {', '.join(self.topics)}\nURL: https://example.org/{self.slug}\n")
        return f"{header}\n{body}\n"

    def as_markdown(self) -> str:
        """The same article as plain Pelican Markdown, every line a paragraph."""
        header = (f"Title: {self.title}\nSlug: {self.slug}\nDate: {self.date.isoformat()}\n"
                  f"Tags: {', '.join(self.topics)}\n")
        return header + "\n" + "\n\n".join(self.lines) + "\n"


def people_of_corpus(seed: int, count: int = 240) -> list[Person]:
    """The recurring cast: ``count`` distinct invented people, the same for every corpus of ``seed``."""
    rng = random.Random(f"people:{seed}")
    pairs = [(first, last) for first in FIRST_NAMES for last in SURNAMES]
    people = []
    for first, last in rng.sample(pairs, count):
        role, role_noun, title = rng.choice(ROLES)
        country = rng.choice(COUNTRIES)
        role = role.format(place=rng.choice(PLACES), country=country, org=rng.choice(ORGANISATIONS))
        people.append(Person(first, last, role, role_noun, title, country))
    return people


class ArticleWriter:
    """Writes one article from its own random stream; the cast is shared by the whole corpus."""

    def __init__(self, rng: random.Random, cast: list[Person], weights: list[float]):
        self.rng = rng
        self.topics = tuple(rng.sample(sorted(TOPICS), rng.choice((1, 1, 2, 2, 3))))
        keywords = [kw for topic in self.topics for kw in TOPICS[topic]]
        self.keywords = keywords
        self.place = rng.choice(PLACES)
        self.country = rng.choice(COUNTRIES)
        self.speakers = self.pick_speakers(cast, weights)
        self.open_mark, self.close_mark = MARKS[rng.choice(("curly", "curly", "straight"))]
        self.mentioned: set[Person] = set()
        self.last_speaker: Person | None = None

    def pick_speakers(self, cast: list[Person], weights: list[float]) -> list[Person]:
        chosen = self.rng.choices(cast, weights, k=4)
        return list(dict.fromkeys(chosen))

    def pick(self, choices):
        """One of ``choices``, drawn faster than ``random.choice`` does it."""
        return choices[int(self.rng.random() * len(choices))]

    def fill(self, template: str, **extra) -> str:
        """``template`` with each slot drawn at random, only the slots it uses."""
        return template.format_map(Slots(self, extra))

    def sentences(self, pool: tuple[str, ...], count: int) -> str:
        return " ".join(self.fill(self.pick(pool)) for _ in range(count))

    def quoted(self, text: str) -> str:
        return f"{self.open_mark}{text}{self.close_mark}"

    def spoken(self, count: int) -> str:
        """Quoted words ending in a comma, ready for a ``said X.`` that follows."""
        return self.quoted(self.sentences(QUOTE_SENTENCES, count)[:-1] + ",")

    def reference(self, person: Person) -> str:
        """How the article names ``person``: the full name with a role once, then the surname."""
        if person in self.mentioned:
            return self.rng.choice((person.last, person.last, f"{person.honorific} {person.last}"))
        self.mentioned.add(person)
        if person.title and self.rng.random() < 0.5:
            return f"{person.title} {person.name}"
        return f"{person.name}, {person.role},"

    def quote_paragraph(self) -> str:
        person = self.rng.choice(self.speakers)
        if person is self.last_speaker:
            constructions = CONSTRUCTIONS + (pronoun_said,)
        else:
            constructions = CONSTRUCTIONS if person in self.mentioned else FIRST_CONSTRUCTIONS
        construction = self.rng.choice(constructions)
        self.last_speaker = person
        return construction(self, person)

    def narrative_paragraph(self) -> str:
        return self.sentences(NARRATIVE_SENTENCES, self.pick((2, 3, 3, 4)))

    def boilerplate_line(self) -> str:
        rng = self.rng
        return self.fill(rng.choice(BOILERPLATE), person=f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}",
                         agency=rng.choice(PHOTO_AGENCIES), source=rng.choice(SOURCES),
                         headline=self.fill(rng.choice(HEADLINES)))

    def trailer(self, source: str, year: int) -> list[str]:
        rng = self.rng
        person, person2 = (f"{rng.choice(FIRST_NAMES)} {rng.choice(SURNAMES)}" for _ in range(2))
        return [self.fill(line, person=person, person2=person2, source=source, year=year)
                for line in rng.sample(TRAILERS, rng.choice((1, 2)))]


class Slots(dict):
    """The values of a template's slots, each drawn when the template first asks for it."""

    def __init__(self, writer: ArticleWriter, given: dict):
        super().__init__(given, place=writer.place, country=writer.country)
        self.writer = writer

    def __missing__(self, slot: str) -> str:
        choices = self.writer.keywords if slot in ("kw", "kw2") else SLOT_CHOICES[slot]
        value = self[slot] = self.writer.pick(choices)
        return value


SLOT_CHOICES = {"Org": tuple(org.replace("the ", "The ", 1) for org in ORGANISATIONS), "day": WEEKDAYS,
                "month": MONTHS, "number": NUMBERS, "adj": ADJECTIVES, "adj2": ADJECTIVES, "verb": VERBS,
                "adverb": ADVERBS}


def said_after(writer: ArticleWriter, person: Person) -> str:
    return f"{writer.spoken(writer.rng.choice((1, 2)))} {writer.reference(person)} said."


def said_inverted(writer: ArticleWriter, person: Person) -> str:
    return f"{writer.spoken(writer.rng.choice((1, 2)))} said {writer.reference(person).rstrip(',')}."


def said_before(writer: ArticleWriter, person: Person) -> str:
    return f"{writer.reference(person)} said: {writer.quoted(writer.sentences(QUOTE_SENTENCES, 2))}"


def told_partial(writer: ArticleWriter, person: Person) -> str:
    partial = writer.quoted(writer.fill(writer.rng.choice(PARTIALS)))
    return writer.fill("{who} told reporters on {day} that the {kw} was {partial}.",
                       who=writer.reference(person), partial=partial)


def according_to(writer: ArticleWriter, person: Person) -> str:
    partial = writer.quoted(writer.fill(writer.rng.choice(PARTIALS)))
    return writer.fill("According to {who}, the {kw} is {partial}.", who=writer.reference(person).rstrip(","),
                       partial=partial)


def pronoun_said(writer: ArticleWriter, person: Person) -> str:
    return f"{writer.spoken(1)} {person.pronoun} said. {writer.quoted(writer.sentences(QUOTE_SENTENCES, 1))}"


def role_said(writer: ArticleWriter, person: Person) -> str:
    return f"{writer.spoken(1)} {person.role_noun} said on {writer.rng.choice(WEEKDAYS)}."


def added_colon(writer: ArticleWriter, person: Person) -> str:
    return f"{person.honorific} {person.last} added: {writer.quoted(writer.sentences(QUOTE_SENTENCES, 1))}"


def continued(writer: ArticleWriter, person: Person) -> str:
    first = said_after(writer, person)
    return f"{first} {writer.quoted(writer.sentences(QUOTE_SENTENCES, 1))}"


FIRST_CONSTRUCTIONS: tuple[Callable[[ArticleWriter, Person], str], ...] = (
    said_after, said_before, told_partial, continued)
CONSTRUCTIONS = (said_after, said_inverted, said_before, told_partial, according_to, role_said, added_colon,
                 continued)


def dateline(date: dt.date, place: str) -> str:
    return f"{place.upper()}, {MONTHS[date.month - 1][:3]}. {date.day}, {date.year} — "


def article_lines(writer: ArticleWriter, date: dt.date, has_header: bool, source: str) -> list[str]:
    """The body: a lead, then narrative and quote paragraphs with boilerplate mixed in, then a trailer."""
    rng = writer.rng
    lead = writer.narrative_paragraph()
    lines = []
    if not has_header and rng.random() < 0.5:
        lines.append(f"Published {date.day} {MONTHS[date.month - 1]} {date.year}")
    elif not has_header:
        lead = dateline(date, writer.place) + lead
    lines.append(lead)
    size, target = len(lead), rng.randint(3700, 4800)
    while size < target:
        paragraph = writer.quote_paragraph() if rng.random() < 0.45 else writer.narrative_paragraph()
        lines.append(paragraph)
        size += len(paragraph)
        if rng.random() < 0.12:
            lines.append(writer.boilerplate_line())
    return lines + writer.trailer(source, date.year)


def slug_of(index: int, title: str) -> str:
    words = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")
    return f"{index:06d}-{words[:48].rstrip('-')}"


def corpus_article(seed: int, index: int, cast: list[Person], weights: list[float]) -> Article:
    """Article ``index`` of the corpus of ``seed``."""
    rng = random.Random(seed * 1_000_003 + index)
    writer = ArticleWriter(rng, cast, weights)
    date = FIRST_DAY + dt.timedelta(days=index // ARTICLES_A_DAY)
    has_header, source = rng.random() < 0.5, rng.choice(SOURCES)
    title = writer.fill(rng.choice(HEADLINES))
    title = title[0].upper() + title[1:]
    lines = article_lines(writer, date, has_header, source)
    return Article(slug_of(index, title), title, date, source, writer.topics, tuple(lines), has_header,
                   blank_lines=rng.random() < 0.7)


def speaker_weights(count: int) -> list[float]:
    """A few people are quoted often and most rarely, as in real news."""
    return [1 / (rank + 1) for rank in range(count)]


def corpus(seed: int, count: int, start: int = 0) -> Iterator[Article]:
    """Articles ``start`` .. ``start + count - 1`` of the corpus of ``seed``."""
    cast = people_of_corpus(seed)
    weights = speaker_weights(len(cast))
    for index in range(start, start + count):
        yield corpus_article(seed, index, cast, weights)


def people_registry_yaml(seed: int, registered: int = 60) -> str:
    """``people.yml`` for the most quoted part of the cast."""
    entries = [{"name": p.name, "aliases": [p.last, f"{p.honorific} {p.last}"] + ([f"{p.title} {p.last}"]
                                                                                  if p.title else []),
                "role": p.role, "bio": f"{p.name} is {p.role}, an invented person."}
               for p in people_of_corpus(seed)[:registered]]
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)


def topics_registry_yaml() -> str:
    entries = [{"name": name, "description": f"Invented news about {name.lower()}.", "keywords": list(keywords)}
               for name, keywords in TOPICS.items()]
    return yaml.safe_dump(entries, allow_unicode=True, sort_keys=False)


def write_registries(content: Path, seed: int) -> None:
    (content / "people.yml").write_text(people_registry_yaml(seed), encoding="utf-8")
    (content / "topics.yml").write_text(topics_registry_yaml(), encoding="utf-8")


def write_article(article: Article, raw_articles: Path, markdown_articles: Path | None) -> Path:
    """Writes ``article`` as raw text (and as Markdown when asked); returns the raw file."""
    path = raw_articles / f"{article.slug}.txt"
    path.write_text(article.as_raw_text(), encoding="utf-8")
    if markdown_articles is not None:
        (markdown_articles / f"{article.slug}.md").write_text(article.as_markdown(), encoding="utf-8")
    return path
