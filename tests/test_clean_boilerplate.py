"""The boilerplate classifier on a labelled corpus of invented lines.

ARTICLE lines are paragraphs a news story could hold, many of them using the
vocabulary of boilerplate (videos, newsletters, cookies, sharing) in
narrative; BOILERPLATE lines are notices and prompts in wordings the cleaner
was not written from, each labelled with its family. The shares kept and
removed are measured, and the cleaner must keep every article line.
"""
from __future__ import annotations

import pytest

from newsdigest.boilerplate import classify_line
from newsdigest.clean import clean_article

ARTICLE = [
    "The harbour board voted on Tuesday to reopen the ferry line to Norrvik.",
    "“We will not sign up for a plan that leaves the islands behind,” said councillor Mira Holm.",
    "The newsletter urged readers to subscribe before the price rose in April.",
    "Police said they would share the video of the arrest with the family's lawyers.",
    "The company, which sells cookies and cakes, posted record sales in the winter quarter.",
    "Residents watched the video on their phones as the water rose around the quay.",
    "She told the committee that the advertisement had misled thousands of pensioners.",
    "Critics said the app collected location data without clear consent.",
    "More is on the way.",
    "Only the mayor stayed home.",
    "Stop lying",
    "Read the fine print, the regulator warned, before signing any energy contract.",
    "The station's website crashed twice during the count, officials acknowledged.",
    "Follow-up talks are scheduled for Friday in Valdby.",
    "He said the subscription model had saved the paper from closing.",
    "Subscribers to the local service complained about missed deliveries all winter.",
    "The clip, filmed by a tourist, shows the bridge swaying in the gale.",
    "Share prices fell 4 percent after the announcement.",
    "Click-through rates on the campaign's emails dropped sharply, the report found.",
    "Copyright lawyers for the band filed the complaint in Oslund on Monday.",
    "Related charges against two other officials were dropped.",
    "Watchdog groups said the rules were too weak.",
    "The privacy policy was rewritten after the court ruling.",
    "Two-front war.",
    "Netherby.",
    "The full interview airs on Sunday on the national broadcaster.",
    "Read more than 400 pages and you still will not find the budget line, Holm said.",
    "Varga added: “The comments section is not where policy is made.”",
    "Download speeds in the valley remain the slowest in the country.",
    "Photographers were kept behind a barrier at the harbour gate.",
    "Sponsors of the bill include three members of the opposition.",
    "The minister's office declined to comment.",
    "Editorial boards across the region were split on the question.",
    "2 p.m.",
    "The governor added:",
    "Sources close to the talks said a deal was near.",
    "Trending topics on social media included the storm and the ferry strike.",
    "Members of the public can register to speak at the hearing until Thursday.",
    "Video shows the officer raising his hands moments before the crash.",
    "Log books from the vessel were handed to investigators.",
]

BOILERPLATE = [
    ("Watch: enable scripts to play this clip", "video notice"),
    ("Your browser does not support the video tag.", "video notice"),
    ("Please turn on JavaScript to watch this report", "video notice"),
    ("Video player is loading. Play video", "video notice"),
    ("ADVERTISEMENT", "advertisement"),
    ("Sponsored content", "advertisement"),
    ("Story continues below advertisement", "advertisement"),
    ("Scroll to continue with content", "advertisement"),
    ("Share this story", "share prompt"),
    ("Share on Facebook Share on X Email this page", "share prompt"),
    ("Click to share on WhatsApp", "share prompt"),
    ("Copy link", "share prompt"),
    ("Follow us on Instagram for more updates", "follow prompt"),
    ("Follow @norrvikpost on X", "follow prompt"),
    ("Sign up for our morning briefing", "newsletter prompt"),
    ("Get the day's top headlines delivered to your inbox every morning.", "newsletter prompt"),
    ("Subscribe now for unlimited access", "newsletter prompt"),
    ("Already a subscriber? Log in", "newsletter prompt"),
    ("Register for free to unlock this article", "newsletter prompt"),
    ("We use cookies to improve your experience on our site.", "cookie notice"),
    ("Accept all cookies", "cookie notice"),
    ("Manage your privacy settings and cookie preferences", "cookie notice"),
    ("Photo: Jane Roe/Agency", "image credit"),
    ("Image credit: Harbour Archive", "image credit"),
    ("(Photograph by Tomas Ek)", "image credit"),
    ("Lena Sand/Norrvik Post", "image credit"),
    ("Read more: Ferry strike enters second week", "teaser"),
    ("Related: Mayor Varga resigns", "teaser"),
    ("Read the rest at the Norrvik Post.", "teaser"),
    ("You may also like", "teaser"),
    ("Most read", "teaser"),
    ("Click here to read the full story", "teaser"),
    ("Continue reading", "teaser"),
    ("Leave a comment", "comments prompt"),
    ("Comments (14)", "comments prompt"),
    ("Join the conversation below", "comments prompt"),
    ("Download our news app for breaking alerts", "app prompt"),
    ("Get the Post app on Google Play", "app prompt"),
    ("Home > World > Europe", "navigation"),
    ("Back to top", "navigation"),
    ("© 2025 Norrvik Media Group. All rights reserved.", "copyright"),
    ("Copyright Harbour Press 2024", "copyright"),
    ("* * *", "separator"),
    ("___", "separator"),
    ("By Jane Roe", "byline"),
    ("Published 3 March 2025", "date line"),
    ("Tags: ferries, storms, Norrvik", "tags"),
    ("4 min read", "reading time"),
    ("ABSTRACT.", "section label"),
    ("Join our WhatsApp channel for live updates", "follow prompt"),
]


def reason_of(line: str) -> str | None:
    verdict = classify_line(line)
    return verdict.reason if verdict else None


def shares() -> tuple[float, float, float]:
    """Share of article lines kept, of boilerplate lines removed, and of those removed with the right family."""
    kept = sum(reason_of(line) is None for line in ARTICLE) / len(ARTICLE)
    reasons = [(reason_of(line), family) for line, family in BOILERPLATE]
    removed = sum(reason is not None for reason, _ in reasons) / len(BOILERPLATE)
    named = sum(reason == family for reason, family in reasons) / len(BOILERPLATE)
    return kept, removed, named


def test_every_article_line_is_kept():
    assert [line for line in ARTICLE if reason_of(line)] == []


@pytest.mark.parametrize("line, family", BOILERPLATE)
def test_boilerplate_line_is_removed_with_its_family(line, family):
    assert reason_of(line) == family


def test_measured_shares():
    kept, removed, named = shares()
    print(f"article lines kept {kept:.1%}, boilerplate lines removed {removed:.1%}, family named {named:.1%}")
    assert kept == 1.0 and removed >= 0.95 and named >= 0.9


def test_whole_article_keeps_every_paragraph_in_context():
    lines = [line for pair in zip(ARTICLE, [line for line, _ in BOILERPLATE]) for line in pair]
    cleaned = clean_article("Storm Week in Norrvik\n\n" + "\n\n".join(lines) + "\n")
    assert cleaned.paragraphs() == ARTICLE
