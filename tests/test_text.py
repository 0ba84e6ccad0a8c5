"""Plain text and Markdown to lines; headline detection."""

from digest.ingest.load import parse_text
from digest.ingest.text import markdown_lines, plain_text_lines


def test_blank_lines_separate_paragraphs_and_stacked_lines_stay_apart():
    lines = plain_text_lines("Headline of the day\n\nFirst paragraph here.\nPhoto: someone\n\nSecond paragraph.")
    assert [(l.text, l.block) for l in lines] == [
        ("Headline of the day", 0),
        ("First paragraph here.", 1),
        ("Photo: someone", 1),
        ("Second paragraph.", 2),
    ]


def test_hard_wrapped_paragraph_is_joined():
    text = (
        "The council met on Tuesday evening to discuss the harbor plan and\n"
        "heard from more than forty residents, most of whom spoke against\n"
        "the proposed parking garage."
    )
    lines = plain_text_lines(text)
    assert len(lines) == 1 and lines[0].text.startswith("The council met") and lines[0].text.endswith("garage.")


def test_standalone_question_is_a_heading():
    for question in ("What happens next?", "What's next for the harbor?", "Is the harbor safe now?", "Harbor Fire: The Hidden Cost?"):
        lines = plain_text_lines(f"Body text that ends.\n\n{question}\n\nMore body text.")
        assert [l.kind for l in lines] == ["paragraph", "heading", "paragraph"], question


def test_a_question_in_the_flow_of_the_text_is_no_heading():
    for question in ("Having second thoughts about the ferry?", "Anyone else?", "Seriously, Mayor?", "Seriously?"):
        lines = plain_text_lines(f"And what did the council want -- a new ferry?\n\n{question}\n\nMore body text.")
        assert [l.kind for l in lines] == ["paragraph", "paragraph", "paragraph"], question


def test_a_sentence_ending_in_a_spaced_or_opening_quote_is_no_heading():
    # Re-joined text leaves "happen. “" or "later. '": the sentence still ends there.
    for line in ("Nothing will change. \u201c", "It ended there. '", "We are done.\u201d )"):
        lines = plain_text_lines(f"Body text that ends.\n\n{line}\n\nMore body text.")
        assert [l.kind for l in lines] == ["paragraph", "paragraph", "paragraph"], line


def test_first_headline_becomes_title_and_its_repeat_is_removed():
    source = parse_text("Harbor fire closes two piers\n\nHarbor fire closes two piers\nA fire closed two piers on Thursday.\n", "text", "x.txt")
    assert source.title == "Harbor fire closes two piers"
    assert [p.text for p in source.paragraphs] == ["A fire closed two piers on Thursday."]
    assert [r.reason for r in source.removed] == ["headline, shown as the title", "headline repeated"]


def test_text_starting_with_a_sentence_has_no_title():
    source = parse_text("A fire closed two piers on Thursday.\n\nCrews worked all night.", "text", "x.txt")
    assert source.title is None and len(source.paragraphs) == 2


def test_a_sentence_right_above_the_date_or_byline_is_the_headline():
    # some outlets end a headline with a full stop; the date or byline under it says what it is
    for under in ("June 6, 2013", "Posted: May 24, 2005", "By Dana Reyes"):
        source = parse_text(f"Harbor fire closes two piers.\n\n{under}\n\nA fire closed two piers on Thursday.", "text", "x.txt")
        assert source.title == "Harbor fire closes two piers.", under
        assert [p.text for p in source.paragraphs] == ["A fire closed two piers on Thursday."]
    # a sentence followed by more text is the article's first sentence, as before
    source = parse_text("A fire closed two piers.\n\nCrews worked all night.\n\nJune 6, 2013", "text", "x.txt")
    assert source.title is None and len(source.paragraphs) == 2


def test_markdown_structure_and_inline_markup():
    text = "# Harbor fire\n\nA **fire** closed [two piers](http://x) on\nThursday.\n\n## Why it matters\n\n- first item\n- second item\n\n![smoke](a.jpg)\n"
    lines = markdown_lines(text)
    assert [(l.kind, l.text) for l in lines] == [
        ("heading", "Harbor fire"),
        ("paragraph", "A fire closed two piers on Thursday."),
        ("heading", "Why it matters"),
        ("item", "first item"),
        ("item", "second item"),
        ("paragraph", "![smoke](a.jpg)"),
    ]


def test_markdown_source_keeps_headings_and_records_images():
    source = parse_text("# Harbor fire\n\nA fire closed two piers.\n\n## Why it matters\n\nTrade stopped.\n\n![smoke](a.jpg)\n", "markdown", "x.md")
    assert source.title == "Harbor fire"
    assert [(p.kind, p.text) for p in source.paragraphs] == [("paragraph", "A fire closed two piers."), ("heading", "Why it matters"), ("paragraph", "Trade stopped.")]
    assert any(r.reason == "image" for r in source.removed)
