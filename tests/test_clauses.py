"""A part of its own: where a sentence is cut (clauses.cuts) and how the rest folds (merge)."""

import pytest

from digest.engine import build_story
from digest.engine.clauses import cuts
from digest.engine.lexicon import facts
from digest.export import render_json, render_markdown
from tests.conftest import make_source


def parts(text: str) -> list[tuple[str, str]]:
    """(core, its own part) for each cut of ``text``, longest core first."""
    return [(cut.core, text[cut.own_start : cut.own_end]) for cut in cuts(text, facts(text))]


@pytest.mark.parametrize("word", ["after", "because", "but", "when", "although"])
def test_a_clause_word_cuts_before_itself(word):
    text = f"The harbor pilot was fined by the ferry board on Monday {word} the tugboat ran aground."
    assert parts(text) == [("The harbor pilot was fined by the ferry board on Monday", f"{word} the tugboat ran aground.")]


def test_and_which_and_who_cut_only_after_a_comma():
    text = "The harbor pilot was fined by the ferry board, and the tugboat crew was cleared."
    assert parts(text) == [("The harbor pilot was fined by the ferry board", "and the tugboat crew was cleared.")]
    assert parts("The storm damaged two piers and a ferry terminal in the harbor on Monday.") == []
    assert parts("The pilot who steered the ferry was fined by the harbor board.") == []


def test_the_last_clause_is_tried_first_and_at_most_two():
    text = "The ferry board fined the harbor pilot, and the crew was cleared after the inquiry, but the owners appealed because of costs."
    heads = [head for head, _ in parts(text)]
    assert len(heads) == 2 and heads[0].endswith("the owners appealed") and heads[1].endswith("after the inquiry")


def test_never_inside_a_quotation_or_brackets():
    assert parts('The ferry board said "the harbor pilot was fined, but the crew was cleared" on Monday.') == []
    assert parts("The ferry board fined the harbor pilot (who had steered the boat, and the crew) on Monday.") == []


def test_a_description_after_the_subject_is_its_own_part():
    text = "Dana Okafor, the harbor pilot whose ferry ran aground off Salem in 2019, has died, her family said."
    assert parts(text) == [("Dana Okafor has died, her family said.", "the harbor pilot whose ferry ran aground off Salem in 2019")]
    # commas inside the description: it ends where the subject's verb follows
    text = "Dana Okafor, who sailed ferries, tugs and barges for decades, was fined on Monday."
    assert parts(text)[0] == ("Dana Okafor was fined on Monday.", "who sailed ferries, tugs and barges for decades")
    # no verb after it: a list, not a description
    assert parts("Dana Okafor, a pilot, a captain and a mother of three.") == []
    # a comma before the description: the subject is not what opens the sentence
    assert parts("On Monday, Dana Okafor, the harbor pilot, was fined by the board.") == []


def test_an_opening_clause_is_its_own_part():
    text = "After three years of delays in the courts, the harbor pilot was fined by the board."
    assert parts(text)[0] == ("The harbor pilot was fined by the board.", "After three years of delays in the courts")
    assert parts("When the storm came, the harbor pilots said.") == []  # "said" alone states nothing

    # no verb: a name and what it is, not a statement
    assert parts("The Salem Ferry Board of Harbor Pilots, which fines captains, met on Monday.") == []
    # it ends in a function word: what was said is in the clause
    assert parts("The harbor board said late in the week that after the storm the piers closed.") == []
    # a question or a subject clause asks rather than tells
    assert parts("Whether the pilot knew the ferry was late before he left could decide the fine.") == []


def folded_once(first: str, second: str):
    """The story of two outlets' sentences, asserting it shows one sentence credited to both with
    one variant and one addition; returns (story, variant, addition)."""
    story = build_story([make_source(0, first), make_source(1, second)])
    shown = [s for block in story.blocks for s in block.sentences]
    assert len(shown) == 1 and shown[0].source_ids == ("s0", "s1")
    (variant,) = shown[0].variants
    (addition,) = shown[0].additions
    assert variant.how == "clause" and addition.source_id == variant.source_id
    return story, variant, addition


def test_a_shared_head_is_shown_once_with_each_outlets_clause_word_for_word():
    # told in other words (the same wording is the other level), each with a clause of its own
    story, variant, addition = folded_once(
        "A judge in Salem sentenced the harbor pilot to eight years in prison on Monday, and ordered him to repay the ferry company.",
        "On Monday the harbor pilot was sentenced by a Salem judge to eight years of prison after a two-week trial.",
    )
    clause = "and ordered him to repay the ferry company." if variant.source_id == "s0" else "after a two-week trial."
    assert addition.text.endswith(clause)
    assert f"{story.marker(addition.source_id)}: " in render_markdown(story)
    assert story.unique_counts() == [1, 1]  # the clause is a detail; so are the shown wording's own words
    assert '"how": "clause"' in render_json(story)


def test_a_shared_fact_with_each_outlets_own_description_is_shown_once():
    _, _, addition = folded_once(
        "Dana Okafor, the harbor pilot whose ferry ran aground off Salem in 2019, died on Sunday at age 71.",
        "Dana Okafor, who sailed the Salem ferries for four decades, has died at age 71, her family said.",
    )
    own = "the harbor pilot whose ferry ran aground off Salem in 2019" if addition.source_id == "s0" else "who sailed the Salem ferries for four decades"
    assert own in addition.text


def test_a_different_figure_in_the_head_never_folds():
    a = make_source(0, "A judge in Salem sentenced the harbor pilot to eight years in prison on Monday, and ordered him to repay the ferry company.")
    b = make_source(1, "On Monday the harbor pilot was sentenced by a Salem judge to nine years of prison after a two-week trial.")
    story = build_story([a, b])
    assert [len(s.source_ids) for block in story.blocks for s in block.sentences] == [1, 1]


def test_a_clause_that_says_the_opposite_of_the_host_never_folds():
    a = make_source(0, "The harbor board closed the north pier and the ferry terminal on Monday, before the storm reached the coast.")
    b = make_source(1, "The harbor board closed the north pier and the ferry terminal on Monday, after the storm reached the coast.")
    story = build_story([a, b])
    assert [len(s.source_ids) for block in story.blocks for s in block.sentences] == [1, 1]
