"""One test per rule kind: realistic lines written for the project, and body text that must stay."""

import pytest

from digest.ingest.boilerplate import LineContext, classify, clean_lines, find_date
from digest.ingest.lines import RawLine


def reason_for(text: str, kind: str = "paragraph", block: tuple[str, ...] = (), title: str | None = None, before_body: bool = False):
    line = RawLine(text, kind, 0)
    block_lines = tuple(RawLine(t, "paragraph", 0) for t in block) or (line,)
    verdict = classify(line, LineContext(line, block_lines, title, False, before_body))
    return verdict[1] if verdict else None


@pytest.mark.parametrize(
    "text",
    [
        "Internet Explorer 11 is no longer supported. Please use a modern browser for the best experience.",
        "Your browser does not support the video tag.",
        "Please enable JavaScript to view this site properly.",
        "We use cookies to improve your experience. By continuing you accept our cookie policy.",
    ],
)
def test_browser_and_cookie_notices(text):
    assert reason_for(text) in {"browser notice", "cookie notice"}


@pytest.mark.parametrize(
    "text,reason",
    [
        ("Get the Daily Planet app for the latest alerts", "app prompt"),
        ("Install the Metro Times app today", "app prompt"),
        ("Follow The Ledger on Facebook and X for updates", "social media prompt"),
        ("Follow us on Instagram to stay up to date", "social media prompt"),
        ("Sign up for our daily newsletter", "newsletter or subscription prompt"),
        ("Subscribe to our YouTube channel for more videos", "newsletter or subscription prompt"),
        ("Thanks for subscribing!", "newsletter or subscription prompt"),
        ("Click here to subscribe to the Morning Brief newsletter", "call to action"),
        ("Sound off in the comments below!", "comments prompt"),
        ("Let us know what you think of the new ferry schedule in the comments.", "comments prompt"),
    ],
)
def test_app_social_and_newsletter_prompts(text, reason):
    assert reason_for(text) == reason


@pytest.mark.parametrize("text", ["4 min read", "12 minute read", "Reading time: 3 minutes", "Share", "Share | Tweet | Email", "Print article", "27 Comments"])
def test_read_time_and_share_widgets(text):
    assert reason_for(text) in {"read time", "share or tool widget"}


@pytest.mark.parametrize(
    "text",
    [
        "Photo: Harbor police at the scene on Monday",
        "Image credit: City of Eastport",
        "Protesters gather outside the courthouse [AFP]",
        "A rescue boat searches the bay on Sunday. Mary Chen via Reuters",
        "Firefighters work through the night (Photo by Sam Ortiz/Getty Images)",
        "REUTERS/Ana Lopez",
        "Julia Novak/AP",
        "This image provided by the coast guard shows the damaged ferry.",
        "![A ferry at the dock](ferry.jpg)",
        "Courtesy of The Eastport HeraldMaria Okafor, harbor master",
        "(Courtesy of the Okafor family)",
    ],
)
def test_photo_credits_and_captions(text):
    assert reason_for(text) in {"photo credit or caption", "agency photo byline", "image"}


@pytest.mark.parametrize(
    "text",
    [
        "Associated Press writer Kim Lee in Seoul contributed to this report.",
        "Additional reporting by Omar Haddad in Beirut",
        "(Reporting by Priya Nair; Editing by Tom Hale)",
        "By Alex Romero and Jo Bright",
        "Write to Sam Ruiz at sam.ruiz@example.com",
    ],
)
def test_contributor_and_byline_lines(text):
    assert reason_for(text) in {"contributor line", "byline"}


@pytest.mark.parametrize("text", ["March 14, 2024", "14 March 2024", "Published: 2024-03-14 09:12", "Updated 3:45 p.m. ET, Thu March 14, 2024", "Tuesday, 2 April, 2024", "Updated 7:15 p. m. ET", "Posted at 11:02 AM", "09:30 a. m. PDT June 4, 2021", "Tuesday March 5, 2019 @ 6:02pm EST", "03/14/19 11:20 AM ET EST", "Jul. 9 6:12 PM EDT", "on Aug 3 2014, 4:05p", "on Friday, 5 March 2021 14:20.", "9:41am:", "PORTLAND, ORE., May 2, 2024"])
def test_standalone_dates_and_datelines(text):
    assert reason_for(text) in {"standalone date", "dateline"}


@pytest.mark.parametrize(
    "text",
    ["Updated rules take effect at 5:40 p.m. on Monday.", "The vote was held at 9:30 a.m. in the old hall.", "On March 5 the council met at 9:30 a.m. in the old hall.", "At 9:30 the doors opened."],
)
def test_a_sentence_that_names_a_time_is_not_a_timestamp(text):
    assert reason_for(text) is None


def test_find_date_reads_common_formats():
    assert find_date("03 February, 2021") == "2021-02-03"
    assert find_date("date 2019-11-05 AFP/Jane Roe") == "2019-11-05"
    assert find_date("nothing here") is None


@pytest.mark.parametrize("text", ["Related: Council approves the harbor plan", "Read more: Ferry fares rise again", "Most read in local news", "Don't miss", "Popular on The Ledger"])
def test_related_links(text):
    assert reason_for(text) in {"related link", "related-links heading"}


def test_items_after_a_related_heading_are_links_too():
    lines = [
        RawLine("The council voted 5-2 to approve the plan on Tuesday night after a long debate.", "paragraph", 0),
        RawLine("Related stories", "heading", 1),
        RawLine("Harbor plan wins approval", "item", 2),
        RawLine("Ferry fares to rise", "item", 3),
        RawLine("The mayor said work would start in May.", "paragraph", 4),
    ]
    cleaned = clean_lines(lines, title=None)
    assert [p.text for p in cleaned.paragraphs] == [lines[0].text, lines[4].text]
    assert {r.reason for r in cleaned.removed} == {"related-links heading", "related link"}


@pytest.mark.parametrize("text", ["Copyright © 2024 Ledger Media Group", "© 2023 Example News. All rights reserved."])
def test_copyright_lines(text):
    assert reason_for(text) == "copyright notice"


@pytest.mark.parametrize("text", ["Source: Harbor Authority", "SOURCE Harbor Authority Inc."])
def test_source_labels(text):
    assert reason_for(text) == "source label"


def test_headline_repeated_and_standfirst():
    assert reason_for("Fire guts warehouse at Eastport harbor", title="Fire guts warehouse at Eastport harbor") == "headline repeated"
    assert reason_for("Fire guts old warehouse at Eastport harbour", kind="heading", title="Fire guts warehouse at Eastport harbor | Ledger", before_body=True) == "headline repeated"
    assert reason_for("Investigators say the blaze started in an empty storage room on the ground floor.", kind="heading", before_body=True).startswith("standfirst")


def test_caption_of_names():
    assert reason_for("Maria Okafor; Tom Reyes") == "caption of names"
    assert reason_for("Maria Okafor", block=("Maria Okafor", "Tom Reyes")) == "caption of names"


@pytest.mark.parametrize(
    "text,kind",
    [
        ("Who is Maria Okafor?", "heading"),
        ("Maria Okafor", "heading"),
        ("Harbor Redevelopment", "paragraph"),
        ("The chief said crews would follow the app's alerts to track hot spots overnight.", "paragraph"),
        ("Okafor told reporters that the building had been empty since 2019, when the packing company closed.", "paragraph"),
        ("He said he would follow the investigation closely and share its results with the council.", "paragraph"),
        ("More than 40 firefighters from three towns answered the call.", "paragraph"),
        ("By Thursday afternoon the smoke had cleared and the piers reopened.", "paragraph"),
        ("The photo, taken by a fisherman at dawn, shows the roof collapsing.", "paragraph"),
        ("Download speeds on the harbor's public Wi-Fi were cut during the fire, officials said.", "paragraph"),
        ("Source: the harbor master.", "paragraph"),
        ("SOURCES say the harbor will reopen.", "paragraph"),
        ("Harbor Day, March 5, 2024", "heading"),
        ("Tell us, the mayor said, how the harbor can pay for repairs without cuts.", "paragraph"),
        ("Readers weighed in with hundreds of comments.", "paragraph"),
        ("Courtesy of a grant from the state, the harbor library reopened on Monday.", "paragraph"),
    ],
)
def test_article_text_is_kept(text, kind):
    assert reason_for(text, kind=kind) is None
