"""What paragraphs look like, independent of widgets: the cues that survive NO_COLOR."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.engine import build_story
from digest.tui import render
from tests.conftest import make_source

SHARED = "The harbor authority raised ferry fares by 10 percent on Monday, citing fuel costs."
SHARED_MORE = "The harbor authority raised ferry fares by 10 percent on Monday, citing fuel costs and Pier 39 repairs."
OWN = "Commuters at the north terminal said they would switch to driving instead."


def story():
    return build_story([make_source(0, f"{SHARED_MORE} {OWN}"), make_source(1, SHARED)])


def test_details_are_underlined_as_well_as_coloured_and_carry_a_letter_marker():
    paragraph = render.merged_paragraph(story(), 0)
    plain = paragraph.content.plain
    detail_spans = [s for s in paragraph.content.spans if "underline" in str(s.style)]
    # only the new words of the shared sentence; the sentence only A carries is credited by ‹A›
    assert [plain[s.start : s.end] for s in detail_spans] == ["Pier 39 repairs"]
    assert "‹AB›" in plain and "‹A›" in plain
    assert paragraph.sentences[0].detail_of == (0,) and paragraph.sentences[1].detail_of == (0,)


def test_every_wording_can_be_shown_under_its_sentence():
    compact = render.merged_paragraph(story(), 0).content.plain
    full = render.merged_paragraph(story(), 0, wordings=True).content.plain
    assert SHARED not in compact
    assert "↳ B same wording: " + SHARED in full


def test_single_source_view_dims_what_others_carry():
    paragraph = render.source_paragraph(story(), 1, 0)
    dim = [s for s in paragraph.content.spans if s.style == "dim"]
    assert [paragraph.content.plain[s.start : s.end] for s in dim] == [SHARED]
    own = render.source_paragraph(story(), 0, 0)
    assert not [s for s in own.content.spans if s.style == "dim"]  # A's own sentence stands out


def test_cursor_and_search_layer_on_top():
    paragraph = render.merged_paragraph(story(), 0, cursor=1)
    assert any(s.style == render.CURSOR_STYLE for s in paragraph.content.spans)
    import re

    searched = render.with_search(paragraph, re.compile("fuel", re.I))
    assert any(s.style == render.SEARCH_STYLE for s in searched.spans)


def test_markup_in_article_text_stays_text():
    hostile = "Officials wrote [bold red]ALERT[/] and [link=http://x]click[/link] here."
    paragraph = render.merged_paragraph(build_story([make_source(0, hostile)]), 0)
    assert paragraph.content.plain.startswith(hostile)


def test_markers_stay_unambiguous_past_26_sources():
    shared = "The harbor authority raised ferry fares by 10 percent on Monday, citing fuel costs."
    many = build_story([make_source(i, shared) for i in range(28)])
    plain = render.merged_paragraph(many, 0).content.plain
    assert "‹A·B·C·" in plain and "·Z·AA·AB›" in plain
    assert "‹AB›" in render.merged_paragraph(story(), 0).content.plain  # few sources: compact


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(st.sampled_from([*"ab cdé字\n\t-—", "word ", "longerword ", "  "]), max_size=80).map("".join),
    width=st.integers(min_value=2, max_value=90),
)
def test_the_reader_counts_the_lines_textual_wraps_a_paragraph_to(text, width):
    from textual.content import Content

    from digest.tui.widgets.story_view import line_count

    assert line_count(text, width) == max(1, len(Content(text).wrap(width)))
