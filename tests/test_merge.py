"""Merging: attribution, order, representatives, word-level details, titles, odd input."""

import pytest

from digest.engine import build_story
from tests.conftest import make_source

WIRE = "The harbor authority raised ferry fares by 10 percent on Monday, citing fuel costs and repairs to the piers."
QUOTE = '"We did everything we could to avoid this increase," authority director Lena Ortiz said in a statement.'
EXTRA_A = "Commuters at the north terminal said they would switch to driving."
EXTRA_B = "The last increase, in 2019, was 4 percent."


def carriers(story, text_start):
    for block in story.blocks:
        for sentence in block.sentences:
            if sentence.text.startswith(text_start):
                return [story.sources[story.source_index(i)].label for i in sentence.source_ids]
    raise AssertionError(f"not in story: {text_start}")


def test_shared_sentences_appear_once_credited_to_every_carrier():
    a = make_source(0, f"{WIRE} {EXTRA_A}", QUOTE)
    b = make_source(1, WIRE.replace("10 percent", "10 percent").upper().lower().capitalize(), f"{QUOTE} {EXTRA_B}")
    story = build_story([a, b])
    texts = [s.text for blk in story.blocks for s in blk.sentences]
    assert sum(t.lower().startswith("the harbor authority raised") for t in texts) == 1
    assert carriers(story, '"We did everything') == ["Outlet 0", "Outlet 1"]
    assert carriers(story, "Commuters") == ["Outlet 0"]
    assert carriers(story, "The last increase") == ["Outlet 1"]


def test_unique_material_is_inserted_next_to_its_neighbour():
    a = make_source(0, WIRE, QUOTE, "The board will meet again in June.", "A third shared sentence about the ferry schedule changes this summer.")
    b = make_source(1, WIRE, EXTRA_B, QUOTE, "A third shared sentence about the ferry schedule changes this summer.")
    story = build_story([a, b])
    order = [s.text for blk in story.blocks for s in blk.sentences]
    assert order.index(EXTRA_B) == order.index(WIRE) + 1
    assert order.index(QUOTE) > order.index(EXTRA_B)


def test_most_complete_wording_represents_the_group_and_variants_stay():
    short = "Officials said the piers would reopen on Friday after an inspection."
    long = "Officials said the piers would reopen on Friday after an inspection of the pilings closest to the fire."
    story = build_story([make_source(0, short), make_source(1, long)])
    [block] = story.blocks
    [sentence] = block.sentences
    assert sentence.text == long and len(sentence.source_ids) == 2
    assert [v.text for v in sentence.variants] == [short]
    assert sentence.variants[0].containment == 1.0
    assert sentence.variants[0].how == "wording"
    assert [sentence.text[s.start : s.end] for s in sentence.new_spans] == ["pilings closest to the fire"]


QUOTED = '"The United States will continue to take all necessary action to protect our people"'


def test_a_shared_quote_inside_an_outlets_own_framing_is_shown_once_and_the_framing_stays():
    plain = f"{QUOTED}, the statement said."
    framed = f"Announcing the death of a senior commander in Baghdad on Friday, the department said in a statement that {QUOTED.lower()}."
    story = build_story([make_source(0, plain), make_source(1, framed)])
    shown = [s for b in story.blocks for s in b.sentences]
    [quoted] = [s for s in shown if "necessary action" in s.text]
    assert len(quoted.source_ids) == 2 and len(shown) == 1
    visible = quoted.text + " ".join(a.text for a in quoted.additions)
    assert "senior commander in Baghdad" in visible


def _shown_once(story, phrase: str):
    """The one shown sentence that contains ``phrase`` (fails when there are none or several)."""
    shown = [s for b in story.blocks for s in b.sentences]
    assert sum(phrase in s.text for s in shown) == 1, phrase
    return next(s for s in shown if phrase in s.text)


def test_a_quotation_whose_marks_do_not_pair_is_still_one_quotation():
    # Pasted text opens with a straight quote and closes with a curly one (or the reverse).
    words = "we will not rest until the harbour is safe for every family again"
    first = f'"{words.capitalize()},” the mayor told reporters on Friday at the pier.'
    second = f'The council leader, speaking after a long night at the town hall, said: “{words.capitalize()}."'
    quoted = _shown_once(build_story([make_source(0, first), make_source(1, second)]), "harbour is safe")
    assert [v.how for v in quoted.variants] == ["quotation"]


def test_when_two_framings_each_add_words_the_quotation_is_shown_once_and_both_framings_stay():
    first = f"{QUOTED}, the Pentagon said in a statement late Thursday after the strike near the airport in the capital."
    second = f"{QUOTED}, Defense Secretary Mark Esper told reporters on Friday morning at a briefing held in Washington."
    quoted = _shown_once(build_story([make_source(0, first), make_source(1, second)]), "necessary action")
    assert [v.how for v in quoted.variants] == ["quotation"]
    [addition] = quoted.additions
    assert "necessary action" not in addition.text and "“…”" in addition.text
    visible = quoted.text + addition.text
    assert "Pentagon" in visible and "Esper" in visible


def test_a_near_copy_shows_what_it_adds_but_not_a_name_spelt_another_way():
    # the longer wording is shown; the shorter adds a name of its own
    first = "The ferry captain was arrested in Portland on Tuesday after the collision with a grain barge near the Technicolor studio during a night of heavy fog on the river."
    second = "The ferry captain was arrested in Portland on Tuesday after the collision with a grain barge near the Technicolour studio, harbor pilot Lena Ortiz said."
    [shown] = [s for block in build_story([make_source(0, first), make_source(1, second)]).blocks for s in block.sentences]
    assert [v.how for v in shown.variants] == ["wording"]
    visible = shown.text + " ".join(a.text for a in shown.additions)
    assert "Lena Ortiz" in visible  # the near-copy's own detail is not hidden
    assert visible.count("Technicolo") == 1  # a spelling is not a detail


def test_one_source_is_all_unique_and_in_order():
    story = build_story([make_source(0, WIRE, QUOTE, EXTRA_A)])
    assert [s.text for b in story.blocks for s in b.sentences] == [WIRE, QUOTE, EXTRA_A]
    assert all(s.unique for b in story.blocks for s in b.sentences)
    assert story.stats.duplicate_share == 0.0


def test_source_sentences_map_back_to_the_merged_story():
    a, b = make_source(0, WIRE, QUOTE), make_source(1, QUOTE, EXTRA_B)
    story = build_story([a, b])
    for s_index, paragraphs in enumerate(story.source_sentences):
        for paragraph in paragraphs:
            for sentence in paragraph:
                merged = story.blocks[sentence.block].sentences[sentence.index]
                assert story.sources[s_index].id in merged.source_ids
    quote_in_b = story.source_sentences[1][0][0]
    assert story.merged(quote_in_b).source_ids == ("s0", "s1") and quote_in_b.new_spans == ()


def test_title_is_the_most_representative_headline():
    a = make_source(0, WIRE, title="Ferry fares rise 10 percent")
    b = make_source(1, WIRE, title="Harbor authority raises ferry fares by 10 percent")
    c = make_source(2, WIRE, title="Opinion: our town deserves better")
    assert build_story([a, b, c]).title in {a.title, b.title}
    assert build_story([make_source(0, WIRE)]).title == WIRE


def test_a_teaser_whose_few_words_every_headline_uses_is_not_the_title():
    titles = [
        "Harbor party... a ferry party!",
        "Mayor Ilse Varga opens the new harbor ferry terminal",
        "Varga opens Marlow harbor ferry terminal after fire",
        "New ferry terminal opens in Marlow harbor",
    ]
    sources = [make_source(i, WIRE, title=title) for i, title in enumerate(titles)]
    assert build_story(sources).title != titles[0]


def test_odd_inputs_do_not_crash():
    assert build_story([]).blocks == ()
    empty = make_source(0)
    story = build_story([empty, make_source(1, "Ok.")])
    assert [s.text for b in story.blocks for s in b.sentences] == ["Ok."]
    cyrillic = make_source(2, "Паромы подорожали на десять процентов в понедельник, сообщили власти гавани.")
    chinese = make_source(3, "港务局周一宣布渡轮票价上涨百分之十。官员表示，燃料成本上升。")
    story = build_story([cyrillic, chinese, make_source(4, cyrillic.paragraphs[0].text)])
    assert len(story.blocks[0].sentences[0].source_ids) == 2 or any(len(s.source_ids) == 2 for b in story.blocks for s in b.sentences)


def test_a_byline_or_a_paragraph_is_never_the_title():
    lede = "A fire closed the harbor ferry terminal on Sunday."
    sources = [
        make_source(0, lede, "Crews worked through the night.", title="By Jane Roe | Updated 3:10 PM"),
        make_source(1, lede, "Two workers were treated for smoke.", title="Published: Monday, May 2, 2013, 1:32 PM"),
    ]
    assert build_story(sources).title == lede  # no headline: the story's lede
    sources.append(make_source(2, lede, title="Fire shuts harbor ferry terminal"))
    assert build_story(sources).title == "Fire shuts harbor ferry terminal"


def test_without_headlines_the_title_is_a_short_lede_of_an_outlet():
    long_lede = (
        "After weeks of delays and a tangled trail of hearings that frustrated commuters and "
        "harbor workers alike, the ferry terminal that a fire closed on Sunday reopened on "
        "Friday morning with a reduced timetable."
    )
    sources = [
        make_source(0, long_lede, "Crews worked through the night."),
        make_source(1, "The harbor ferry terminal reopened on Friday.", "Two workers were treated for smoke."),
    ]
    assert build_story(sources).title == "The harbor ferry terminal reopened on Friday."
    # only ledes too long for a headline: the merged story's lede
    assert build_story(sources[:1]).title == long_lede


def test_sentences_in_unspaced_scripts_merge_by_their_characters():
    a = make_source(0, "他说今天天气很好。我们明天去北京看长城！")
    b = make_source(1, "我们明天去北京看长城！他说今天天气不好。")
    story = build_story([a, b])
    shown = {s.text: s.source_ids for block in story.blocks for s in block.sentences}
    assert shown["我们明天去北京看长城！"] == ("s0", "s1")
    assert shown["他说今天天气很好。"] == ("s0",) and shown["他说今天天气不好。"] == ("s1",)


@pytest.mark.parametrize(
    "one,other",
    [
        ("Dana Smith won", "Dana Jones won"),  # someone else
        ("on Monday evening", "on Tuesday evening"),  # another day
        ("ferry fares rose", "ferry fares fell"),  # the other way
        ("the council will accept", "the council will refuse"),  # a verb that negates
        ("all members backed", "most members backed"),  # how many
        ("more than 20 members backed", "fewer than 20 members backed"),
        ("before the storm members backed", "after the storm members backed"),  # when
        ("Dana Smith was backed by Lee Jones for", "Dana Smith backed Lee Jones for"),  # who did it
    ],
)
def test_worded_alike_but_of_someone_else_or_the_other_way_is_not_the_same_wording(one, other):
    # one swapped word leaves most word trigrams of a long sentence alike
    text = "The harbor board said late in the week that {} the vote for the northern routes this year."
    story = build_story([make_source(0, text.format(one)), make_source(1, text.format(other))])
    shown = [s for block in story.blocks for s in block.sentences]
    assert len(shown) == 2 and all(len(s.source_ids) == 1 for s in shown)


def test_a_spelling_of_the_same_name_is_still_the_same_wording():
    text = "The harbor board said late in the week that the {} musical about the northern routes won the vote."
    story = build_story([make_source(0, text.format("Technicolour")), make_source(1, text.format("Technicolor"))])
    assert [len(s.source_ids) for block in story.blocks for s in block.sentences] == [2]
