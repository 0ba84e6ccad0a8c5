"""Details: only what no other outlet states anywhere in the story is highlighted."""

from digest.engine import build_story
from tests.conftest import make_source


def _bold(story, startswith):
    for block in story.blocks:
        for sentence in block.sentences:
            if sentence.text.startswith(startswith):
                return [sentence.text[s.start : s.end] for s in sentence.new_spans]
    raise AssertionError(startswith)


SHARED = "The harbor ferry collided with a barge near the north pier on Sunday night."


def test_a_name_or_figure_only_one_outlet_gives_is_a_detail():
    a = make_source(0, f"{SHARED[:-1]}, injuring 14 passengers, Captain Ruth Alvarez said.")
    b = make_source(1, SHARED)
    assert _bold(build_story([a, b]), "The harbor ferry") == ["injuring 14 passengers", "Captain Ruth Alvarez"]


def test_a_detail_stays_within_its_phrase():
    # new words on both sides of a comma, dash or quotation mark are two details, not one span
    # that makes the words between them bold too
    a = make_source(0, f"{SHARED[:-1]} - near Dock Nine, a wharf that flooded twice, “the worst spot in town” said Mayor Lena Ortiz.")
    b = make_source(1, SHARED)
    assert _bold(build_story([a, b]), "The harbor ferry") == ["Dock Nine", "wharf that flooded twice", "worst spot in town", "Mayor Lena Ortiz"]


def test_a_rewording_is_not_a_detail():
    a = make_source(0, "The harbor ferry smashed into a barge near the north pier on Sunday night.")
    b = make_source(1, SHARED, "Witnesses said the ferry smashed into the pilings too.")
    story = build_story([a, b])
    assert all(not s.new_spans for block in story.blocks for s in block.sentences if s.text.startswith("The harbor ferry"))


def test_words_another_outlet_states_elsewhere_are_not_details():
    a = make_source(0, f"{SHARED[:-1]} after the engine failed.")
    b = make_source(1, SHARED, "Investigators said the engine failed minutes before.")
    assert _bold(build_story([a, b]), "The harbor ferry") == []


def test_a_sentence_only_one_outlet_carries_is_not_bold_all_over():
    a = make_source(0, SHARED, "Commuters at the terminal said they would switch to driving instead.")
    b = make_source(1, SHARED)
    story = build_story([a, b])
    assert _bold(story, "Commuters") == []
    [own] = [s for block in story.blocks for s in block.sentences if s.text.startswith("Commuters")]
    assert own.unique  # its marker credits it to outlet A alone


def test_a_detail_inside_a_name_takes_in_the_whole_name():
    # only "Ledger" is a word no other outlet uses, but the new detail is the newspaper
    a = make_source(0, f"{SHARED[:-1]}, according to the Harbor City Ledger.")
    b = make_source(1, SHARED, "Harbor City officials said the barge was empty.")
    assert _bold(build_story([a, b]), "The harbor ferry") == ["Harbor City Ledger"]
    # a possessive or a compound ends a name: "Portland's Ledger", "Quayside Portland-based crew"
    a = make_source(0, f"{SHARED[:-1]}, Portland's Ledger said, as did a Quayside Portland-based crew.")
    b = make_source(1, SHARED, "Officials in Portland said the barge crew was based nearby.")
    assert _bold(build_story([a, b]), "The harbor ferry") == ["Ledger", "Quayside"]
