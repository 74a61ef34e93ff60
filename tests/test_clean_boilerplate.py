"""The boilerplate classifier on a labelled corpus of invented lines.

ARTICLE lines are paragraphs a news story could hold, many of them using the
vocabulary of boilerplate (videos, newsletters, cookies, sharing) in
narrative; BOILERPLATE lines are notices and prompts, each labelled with its
family. The first part of each list was written with the classifier; the
MORE_ parts were written afterwards as unseen wordings, measured, and then
kept here. The cleaner must keep every article line and remove nearly all
boilerplate; the shares are measured.
"""
from __future__ import annotations

import pytest

from newsdigest.boilerplate import CUES_BEFORE_QUOTES, FAMILIES_BY_REASON, classify_line
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


MORE_ARTICLE = [
    "The council will play the recording at Thursday's hearing.",
    "Fans shared photos of the concert on social media.",
    "The ferry company's app crashed during the storm, stranding hundreds of passengers.",
    "Varga promised to follow the court's ruling.",
    "The newspaper's morning briefing was first to report the closure.",
    "Cookies baked by the school raised 2,000 crowns.",
    "The mayor refused to comment on the leaked video.",
    "Readers flooded the comments with questions about fares.",
    "Download times improved after the new cable was laid.",
    "Ek asked viewers to share their memories of the old ferry.",
    "The advertisement ran for three weeks before regulators stepped in.",
    "Police urged residents to stay indoors.",
    "More than 300 people signed up for the volunteer clean-up.",
    "Click, the sound of the turnstile, marked the first crossing.",
    "Subscriptions rose 12 percent after the paywall came down.",
    "Privacy campaigners said the cameras went too far.",
    "See you on the other side, the captain told passengers.",
    "The full report is due in June.",
    "Watch for ice on the bridge, the road agency warned.",
    "Read between the lines and the budget is smaller than it looks.",
    "Holm, who writes a weekly column, said she was not surprised.",
    "The ferry's Instagram account has 40,000 followers.",
    "The video could not be verified independently, the agency said.",
    "Investors pinned their hopes on the new terminal.",
    "The mayor tapped her former deputy to lead the inquiry.",
    "Readers who signed the petition want the ferry back by May.",
    "The trial of the former harbour master opens on Monday.",
    "Members of the rowing club cleared the beach on Sunday.",
    "Alerts about the storm reached phones across the islands late on Friday.",
    "Varga opened the app and showed reporters the timetable.",
    "The next article of the treaty deals with fishing rights.",
    "Comments by the minister angered island residents.",
    "The site of the new terminal was once a shipyard.",
    "Join us, the mayor told the crowd, and help rebuild the quay.",
    "Click and collect services resumed at the harbour shop.",
    "Popular support for the plan has fallen since spring.",
    "The ad campaign cost the council 80,000 crowns.",
    "Free parking ends in April.",
]

MORE_BOILERPLATE = [
    ("Press play to watch the full report", "video notice"),
    ("This video is no longer available.", "video notice"),
    ("Video unavailable in your region", "video notice"),
    ("Listen to this article", "video notice"),
    ("Audio: 4 minutes", "video notice"),
    ("Tap to unmute", "video notice"),
    ("Loading video player…", "video notice"),
    ("The video could not be loaded.", "video notice"),
    ("Watch live", "video notice"),
    ("Promoted stories", "advertisement"),
    ("Paid partnership with Nordlys Energy", "advertisement"),
    ("Ad", "advertisement"),
    ("Continue reading below", "advertisement"),
    ("Sponsored links", "advertisement"),
    ("Ads by Nordlys", "advertisement"),
    ("Send this article to a friend", "share prompt"),
    ("Share via email", "share prompt"),
    ("Tweet this", "share prompt"),
    ("Print this page", "share prompt"),
    ("Share this page on LinkedIn", "share prompt"),
    ("Pin it", "share prompt"),
    ("Email us your tips", "share prompt"),
    ("Like us on Facebook", "follow prompt"),
    ("Find us on TikTok and YouTube", "follow prompt"),
    ("Follow the Norrvik Post on Threads", "follow prompt"),
    ("Get our free weekly newsletter", "newsletter prompt"),
    ("Want more stories like this? Sign up here.", "newsletter prompt"),
    ("Enter your email address to subscribe", "newsletter prompt"),
    ("Newsletter", "newsletter prompt"),
    ("Subscribe", "newsletter prompt"),
    ("Log in", "newsletter prompt"),
    ("Join 40,000 readers who get our daily digest", "newsletter prompt"),
    ("Sign in to read the full article", "newsletter prompt"),
    ("Become a member today", "newsletter prompt"),
    ("Start your free trial", "newsletter prompt"),
    ("This site uses cookies. By continuing to browse you agree to our use of cookies.", "cookie notice"),
    ("Cookie settings", "cookie notice"),
    ("Our site uses cookies for analytics.", "cookie notice"),
    ("Reject all cookies", "cookie notice"),
    ("Picture: Harbour Archive", "image credit"),
    ("Illustration by Lena Sand", "image credit"),
    ("Photo courtesy of the Norrvik council", "image credit"),
    ("Photograph: Tomas Ek for the Norrvik Post", "image credit"),
    ("Image: Harbour Archive", "image credit"),
    ("(AFP via Getty Images)", "image credit"),
    ("See also: Five things to know about the ferry strike", "teaser"),
    ("Recommended for you", "teaser"),
    ("More from Norrvik Post", "teaser"),
    ("Don't miss: The island that banned cars", "teaser"),
    ("Keep reading", "teaser"),
    ("Trending now", "teaser"),
    ("Related coverage", "teaser"),
    ("More stories", "teaser"),
    ("Read next: Why ferries cost more", "teaser"),
    ("Popular on Norrvik Post", "teaser"),
    ("Previous article", "teaser"),
    ("Next article", "teaser"),
    ("Click here", "teaser"),
    ("Have your say in the comments", "comments prompt"),
    ("Comments are closed.", "comments prompt"),
    ("Install the app for faster access", "app prompt"),
    ("Open the app", "app prompt"),
    ("Get alerts on your phone", "app prompt"),
    ("Skip to main content", "navigation"),
    ("Breadcrumb: Home / News", "navigation"),
    ("All rights reserved.", "copyright"),
    ("Reproduction without permission is prohibited.", "copyright"),
    ("© Norrvik Post", "copyright"),
]
ALL_ARTICLE = ARTICLE + MORE_ARTICLE
ALL_BOILERPLATE = BOILERPLATE + MORE_BOILERPLATE


def reason_of(line: str) -> str | None:
    verdict = classify_line(line)
    return verdict.reason if verdict else None


def shares(article: list[str], boilerplate: list[tuple[str, str]]) -> tuple[float, float, float]:
    """Share of article lines kept, of boilerplate lines removed, and of those removed with the right family."""
    kept = sum(reason_of(line) is None for line in article) / len(article)
    reasons = [(reason_of(line), family) for line, family in boilerplate]
    removed = sum(reason is not None for reason, _ in reasons) / len(boilerplate)
    named = sum(reason == family for reason, family in reasons) / len(boilerplate)
    return kept, removed, named


def test_every_article_line_is_kept():
    assert [line for line in ALL_ARTICLE if reason_of(line)] == []


@pytest.mark.parametrize("line, family", BOILERPLATE)
def test_boilerplate_line_is_removed_with_its_family(line, family):
    assert reason_of(line) == family


def test_families_kept_before_quotes_are_cued_only_at_the_line_start():
    """classify_line passes over a line with quotation marks unless a cue opens it, which is right only
    while the families allowed before quotes have no cue found elsewhere in a line."""
    assert [reason for reason in CUES_BEFORE_QUOTES if FAMILIES_BY_REASON[reason].anywhere] == []


def test_measured_shares():
    kept, removed, named = shares(ALL_ARTICLE, ALL_BOILERPLATE)
    print(f"{len(ALL_ARTICLE)} article lines: {kept:.1%} kept; {len(ALL_BOILERPLATE)} boilerplate lines: "
          f"{removed:.1%} removed, {named:.1%} with the right family")
    assert kept == 1.0 and removed >= 0.95 and named >= 0.9


def test_whole_article_keeps_every_paragraph_in_context():
    lines = [line for pair in zip(ARTICLE, [line for line, _ in BOILERPLATE]) for line in pair]
    cleaned = clean_article("Storm Week in Norrvik\n\n" + "\n\n".join(lines) + "\n")
    assert cleaned.paragraphs() == ARTICLE
