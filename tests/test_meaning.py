"""The same-information level: what sentences state, when one may fold under another, and when
they must stay apart. Every fixture is written for its test."""

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.engine import build_story
from digest.engine import lexicon
from digest.engine.lexicon import add_capitalised_inside, facts, opposed
from digest.engine.meaning import DEFAULT_MEANING, Unit, Weights, cosine, different_fact, fold_by_meaning, remainder, similarity, tells_same
from digest.engine.normalize import tokenize
from digest.engine.wording import fingerprint_of
from tests.conftest import make_source

# --- lexicon: the facts of one sentence -----------------------------------------------------------


def test_content_words_are_lemmas_without_function_words_or_attribution():
    found = facts("The ferries were canceled on Monday, officials said.")
    assert {"ferry", "cancel", "official"} <= found.lemmas
    assert not {"the", "were", "on", "say", "said"} & found.lemmas


def test_a_contracted_pronoun_is_grammar_not_a_name_or_a_word():
    # "I'm" normalizes to "im" and "I'll" to "ill": read as words, a quotation's "I'm" was one
    # outlet's capitalised detail, shown in bold
    found = facts("“I’m not leaving, and we've said so,” she said. I'll stay, they'd stay, you're staying.")
    assert not found.names
    assert found.lemmas <= {"leave", "stay"}
    assert {"ill", "shell", "well"} <= facts("She fell ill as the shell hit the well.").lemmas  # the words themselves
    assert "obama" in facts("Obama's plan failed.").names

def test_names_are_capitalised_words_and_a_known_first_word_is_not_one():
    found = facts("Harbor officials said Lena Ortiz met the Coast Guard in Portland.")
    assert {"lena", "ortiz", "coast", "guard", "portland"} <= found.names
    assert "harbor" not in found.names  # an ordinary word that starts the sentence
    assert "ortiz" in facts("Ortiz resigned.").names  # a first word the dictionary does not know
    assert "smith" in facts("Smith resigned.", names=capitalised_inside("The mayor thanked Smith.")).names


_WORDS = ["Smith", "smith", "Smith's", "NATO", "U.S.", "said", "not", "never", "The", "the", "rose", "12", "two", "Paris", "ports", "A", "I"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=8), min_size=1, max_size=6))
def test_facts_do_not_depend_on_the_words_seen_before(sentences):
    # facts() remembers what each written word is; a word's role must not depend on where it
    # was first met (first word or inside, before or after a possessive or a negation).
    texts = [" ".join(words) + "." for words in sentences]
    names = capitalised_inside(*texts)
    warm = [facts(t, names=names) for t in texts]
    lexicon._ROLES.clear()
    cold = [facts(t, names=names) for t in reversed(texts)][::-1]
    assert warm == cold


def test_a_plural_of_a_proper_noun_is_the_noun():
    # the dictionary knows "Americans" only capitalised: a lowercase lookup left it as it was,
    # so "Americans" and "American" were two different names
    assert facts("Rescuers found the Americans near Oslo.").names >= {"american", "oslo"}
    assert different_fact(facts("Two Americans were hurt near Oslo."), facts("Two American hikers were hurt near Oslo.")) is None
    assert "ferry" in facts("The ferries sank.").lemmas  # ordinary plurals as before


def test_numbers_written_as_words_or_figures_are_one_figure():
    assert facts("Two ferries sank.").numbers == facts("2 ferries sank.").numbers == {"2"}
    assert facts("It was the second crash.").numbers == {"2nd"}
    assert facts("Fares rose by 1,500 dollars.").numbers == {"1500"}


def test_a_figure_written_with_its_scale_is_the_figure_and_the_scale():
    assert facts("The port got a $40bn loan.").numbers == facts("The port got a $40 billion loan.").numbers == {"40", "billion"}
    assert facts("He asked for $3.5MM a season.").numbers == facts("He asked for $3.5 million a season.").numbers == {"3.5", "million"}
    assert facts("The port got a $40bn loan.").numbers != facts("The port got a $40m loan.").numbers
    assert facts("The plant cost 7bn to build.").number_contexts == ()  # an amount, not a count of what follows
    assert facts("He moved from 3B to 2B.").numbers == {"3b", "2b"}  # a position, not billions


def test_a_negation_bears_on_the_next_few_words_only():
    found = facts("The mayor did not sign the budget, and the council approved new fares for the harbor ferries.")
    assert "sign" in found.negated and "budget" in found.negated
    assert "ferry" not in found.negated and "harbor" not in found.negated
    assert "allow" in facts("She refused to allow photographs.").negated


def test_a_negation_reaches_to_the_end_of_its_clause_and_no_further():
    # past the next few words while the clause goes on ...
    assert {"agree", "plan", "publish"} <= facts("The mayor never agreed to having the annual plan published.").negated
    # ... but not into the next clause, after a comma or a word that starts one
    assert "veto" not in facts("The mayor did not sign the bill but quickly vetoed the harbor budget.").negated
    assert "ferry" not in facts("The mayor did not sign it, and the council approved the ferry.").negated
    # so two wordings that negate one thing agree, and a plain statement of it still differs
    refused, never = facts("The mayor refused to have the annual plan published."), facts("The mayor never agreed to having the annual plan published.")
    assert different_fact(refused, never) is None
    assert different_fact(never, facts("The mayor had the annual plan published.")) == "negation"


def test_words_in_brackets_inside_a_quotation_are_the_outlets_not_quoted():
    inserted = facts("“We thank you for your respect to her [Dana Okafor] and her family at this time,” a spokesman said.")
    assert {"thank", "respect", "family"} <= inserted.quoted and not {"dana", "okafor"} & inserted.quoted
    plain = facts("“We thank you for your respect to her and her family at this time,” he said.")
    assert different_fact(inserted, plain) is None


def test_a_name_written_short_is_the_name_it_begins():
    short = facts("The harbor pilot Dana Okafor was born in Salem, Mass., in 1951.")
    full = facts("The harbor pilot Dana Okafor was born in 1951 in Salem, Massachusetts.")
    assert different_fact(short, full) is None
    # without a full stop a shorter name is a name of its own: "Dan" is not "Dana"
    assert different_fact(facts("The pilot Dan Okafor of Salem was fined."), facts("The pilot Dana Okafor of Salem was fined.")) == "different names"


def test_a_quotation_opened_in_an_earlier_sentence_is_still_a_quotation():
    # the outlet's quotation began a sentence before; this one closes it and says who said it
    closing = facts("He lives for this harbor,” the ferry company's director Ana Ruiz said.")
    assert {"live", "harbor"} <= closing.quoted
    # so it does not fold under a sentence that only names the speaker
    assert different_fact(closing, facts("Director Ana Ruiz of the ferry company announced a new harbor route.")) == "a quotation the other lacks"
    # a lone mark followed by more than a few words of the outlet's own is not taken as one
    assert facts("We will appeal,” he said, adding that the council had been told of the plan in March.").quoted == frozenset()


def test_words_of_opposite_direction_are_found():
    assert opposed(facts("Exports rose 20% in May."), facts("Exports fell 20% in May."))
    assert opposed(facts("The council approved the plan."), facts("The council rejected the plan."))
    assert not opposed(facts("Exports rose 20% in May."), facts("Exports climbed 20% in May."))


def capitalised_inside(*texts: str) -> frozenset[str]:
    """The names a story of these sentences has (as segment_sources finds them)."""
    found: set[str] = set()
    for text in texts:
        add_capitalised_inside(found, text, tokenize(text))
    return frozenset(found)


# --- the fold decision -------------------------------------------------------------------------------


def _units(*texts_by_source: str):
    names = capitalised_inside(*texts_by_source)
    sentences = [(i, facts(t, names=names)) for i, t in enumerate(texts_by_source)]
    weights = Weights(sentences)
    units = []
    for (i, found), text in zip(sentences, texts_by_source):
        fp = fingerprint_of(text)
        units.append(Unit(facts=found, source=i, carriers=frozenset({i}), shingles=fp.shingles, quote=fp.quote))
    return units, weights


BACKGROUND = (
    "Rescue crews searched the river through the night.",
    "The bridge had been inspected in March and passed.",
    "Traffic was diverted to the northern crossing.",
)


def _why_apart(first: str, second: str) -> str | None:
    """What keeps ``first`` from folding under ``second`` (different_fact), told beside BACKGROUND."""
    units, _ = _units(first, second, *BACKGROUND)
    return different_fact(units[0].facts, units[1].facts)


def test_a_rewording_of_what_another_outlet_says_folds_under_it():
    units, weights = _units(
        "The ferry captain was arrested in Portland on Tuesday after the collision.",
        "Police arrested the captain of the ferry in Portland on Tuesday following the collision with a barge.",
        *BACKGROUND,
    )
    fold = tells_same(units[0], units[1], weights)
    assert fold is not None and fold.how == "information"
    assert remainder(units[0].facts, units[0].carriers, units[1].facts, weights) == ()
    # the longer one says more: whatever it adds stays visible when it folds
    assert "barge" in [w.lemma for w in remainder(units[1].facts, units[1].carriers, units[0].facts, weights)]


def test_a_different_figure_never_folds():
    units, weights = _units(
        "The storm killed 12 people in the coastal towns on Sunday.",
        "The storm killed 21 people in the coastal towns on Sunday, officials said.",
        *BACKGROUND,
    )
    assert different_fact(units[0].facts, units[1].facts) == "a number the other lacks"
    assert tells_same(units[0], units[1], weights) is None


def test_a_figure_with_its_scale_abbreviated_is_the_same_figure():
    units, weights = _units(
        "The city will borrow $40bn from the regional fund to rebuild the harbour.",
        "To rebuild its harbour the city is set to borrow $40 billion from the regional fund, the mayor said.",
        "The city will borrow $40m from the regional fund to rebuild the harbour.",
        *BACKGROUND,
    )
    assert tells_same(units[0], units[1], weights) is not None
    assert different_fact(units[2].facts, units[1].facts) == "a number the other lacks"  # millions are not billions


def test_who_did_what_to_whom_matters():
    units, weights = _units("Smith sued Jones over the harbor contract.", "Jones sued Smith over the harbor contract.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "names in another order"
    assert tells_same(units[0], units[1], weights) is None


def test_where_a_day_stands_is_not_who_did_what():
    units, weights = _units(
        "On Friday, Smith sued Jones over the harbor contract.", "Smith sued Jones over the harbor contract on Friday.", *BACKGROUND
    )
    assert different_fact(units[0].facts, units[1].facts) is None
    assert tells_same(units[0], units[1], weights) is not None


def test_a_different_name_in_the_same_place_never_folds():
    units, weights = _units("Lena Ortiz won the harbor board election.", "Maria Chen won the harbor board election.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "different names"


def test_negation_and_opposite_direction_keep_sentences_apart():
    units, weights = _units("The council approved the ferry budget on Monday.", "The council did not approve the ferry budget on Monday.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "negation"
    units, weights = _units("Ferry fares rose 20 percent this year.", "Ferry fares fell 20 percent this year.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "opposite direction"
    assert tells_same(units[0], units[1], weights) is None
    # what happens to a person: killed / injured, arrested / released, appointed / dismissed
    units, weights = _units("The ferry collision killed two passengers near Salem.", "The ferry collision injured two passengers near Salem.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "opposite direction"
    units, weights = _units("Police arrested Okafor in Portland on Tuesday after the collision.", "Police released Okafor in Portland on Tuesday after the collision.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "opposite direction"
    units, weights = _units("The harbor board appointed Okafor as its chief pilot on Tuesday.", "The harbor board dismissed Okafor as its chief pilot on Tuesday.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "opposite direction"


def test_what_a_sentence_says_is_not_so_must_be_said_by_the_other():
    # "never signed the contract" is a claim of its own: a sentence that does not speak of the
    # contract cannot stand for it, however much else the two share
    never = facts("The mayor never signed the harbor contract but is back at city hall.")
    assert different_fact(never, facts("The mayor is back at city hall after a week away.")) == "a negation about what the other does not say"
    # a negation mostly about what the other says too is the same statement in other words
    quiet = facts("He says it is not in his nature to stay quiet in prison.")
    assert different_fact(quiet, facts("It is not his nature to stay quiet in jail, he says.")) is None


def test_a_short_sentence_folds_only_under_one_that_states_all_its_words():
    parties = ("The party went on all night.", "Another party was planned.", "She left the party early.", "The party ended at dawn.", "Party guests came late.")
    units, weights = _units("I partied hard.", "Old habits die hard.", *parties)
    # "hard" is rarer than "party" here, so it alone makes the scores: not the same fact
    cos, coverage = similarity(units[0].facts, units[1].facts, weights)
    assert cos >= 0.3 and coverage >= 0.5
    assert tells_same(units[0], units[1], weights) is None
    units, weights = _units("I partied hard.", "She was known for partying far too hard.", *parties)
    assert tells_same(units[0], units[1], weights) is not None
    # one content word is not enough to tell that a sentence says what another says
    units, weights = _units("News.", "The better news is that the party ended early.", *parties)
    assert similarity(units[0].facts, units[1].facts, weights)[1] == 1.0
    assert tells_same(units[0], units[1], weights) is None


def test_a_sentence_with_words_no_other_outlet_uses_is_not_folded():
    units, weights = _units(
        "The ferry captain, a veteran of 30 years, was arrested in Portland.",
        "The ferry captain was arrested in Portland.",
        *BACKGROUND,
    )
    assert tells_same(units[0], units[1], weights) is None  # "veteran of 30 years" is told by nobody else


def test_same_outlet_never_folds_into_itself():
    units, weights = _units("The ferry captain was arrested.", "The ferry captain was arrested.")
    own = Unit(facts=units[0].facts, source=1, carriers=frozenset({1}), shingles=units[0].shingles)
    assert tells_same(own, units[1], weights) is None


def test_a_sentence_about_the_same_thing_with_other_facts_is_related_not_folded():
    units, weights = _units(
        "The storm killed 12 people in the coastal towns of Maine on Sunday.",
        "The storm killed 21 people in the coastal towns on Sunday, officials said.",
        "The ferry schedule for the winter was published in the spring.",
        *BACKGROUND,
    )
    folding = fold_by_meaning(units, weights)
    assert folding.folds == []  # a different figure: shown apart
    # ... but the two death tolls are about the same thing: the less informative one is related
    # to the other, and nothing is related to a sentence about something else
    assert folding.related == {1: 0}


def test_a_sentence_whose_other_wordings_disagree_with_a_host_is_kept_and_takes_folds():
    units, weights = _units(
        "Police arrested the captain of the ferry in Portland on Tuesday following the collision with a barge.",
        "The ferry captain was arrested in Portland on Tuesday after the collision.",
        "The ferry captain was arrested in Portland on Tuesday after the crash.",
        *BACKGROUND,
    )
    assert {(f.index, f.host) for f in fold_by_meaning(units, weights).folds} == {(1, 0), (2, 0)}
    # another wording of unit 2 (its same-wording group) does not tell what unit 0 tells: unit 2
    # stays shown, and is then a host like any kept sentence (before, it was shown but never
    # offered to the sentences after it)
    refused = fold_by_meaning(units, weights, agrees=lambda unit, host, how: (unit, host) != (2, 0))
    assert {(f.index, f.host) for f in refused.folds} == {(1, 2)}


def test_scores_are_exact_and_bounded():
    a, b = facts("The ferry captain was arrested in Portland."), facts("Police arrested the ferry captain in Portland on Tuesday.")
    weights = Weights([(0, a), (1, b)])
    assert 0 < cosine(a, b, weights) <= 1 and similarity(a, b, weights)[1] == 1.0


# --- in the merged story -------------------------------------------------------------------------------


def test_restatements_by_independent_outlets_appear_once_credited_to_both():
    a = make_source(0, "The ferry captain was arrested in Portland on Tuesday after the collision.", "Rescue crews searched the river through the night.")
    b = make_source(1, "Police arrested the captain of the ferry in Portland on Tuesday following the collision with a barge.", "The bridge had been inspected in March.")
    story = build_story([a, b])
    shown = [s for block in story.blocks for s in block.sentences]
    arrests = [s for s in shown if "arrest" in s.text]
    assert len(arrests) == 1 and arrests[0].source_ids == ("s0", "s1")
    assert [v.how for v in arrests[0].variants] == ["information"]
    mapped = story.merged(story.source_sentences[0][0][0])
    assert mapped is arrests[0]


def test_an_unrelated_source_is_flagged():
    harbor = [make_source(i, "The ferry captain was arrested in Portland on Tuesday after the collision with a barge.", f"Rescue crews from Portland searched the river for {i + 2} hours.") for i in range(2)]
    other = make_source(2, "The Oscars will be hosted by a comedian from Ohio next spring.", "Tickets for the ceremony sold out in minutes.")
    story = build_story([*harbor, other])
    assert story.unrelated == ("s2",)
    assert build_story(harbor).unrelated == ()


def test_an_acronym_is_the_name_it_abbreviates():
    acronym, spelled = "The DoD said the strike was aimed at deterring attacks.", "The Defense Department said the strike was aimed at deterring attacks."
    assert _why_apart(acronym, spelled) is None
    assert _why_apart(spelled, acronym) is None


def test_a_day_conflicts_only_with_another_day_and_sources_are_not_facts():
    units, _ = _units(
        "Thursday's strike by the army was aimed at deterring attacks, the ministry announced.",
        "The strike was aimed at deterring attacks, the Defense Ministry said.",
        "The strike on Friday was aimed at deterring attacks.",
        *BACKGROUND,
    )
    assert different_fact(units[0].facts, units[1].facts) is None
    assert different_fact(units[0].facts, units[2].facts) == "different names"  # Thursday / Friday


def test_a_month_written_short_is_the_month_written_out():
    # the dictionary knows some abbreviations ("Oct."), not all ("Dec.", "Aug.", "Jan.")
    for short, month in (("Dec.", "december"), ("Aug.", "august"), ("Jan.", "january"), ("Oct.", "october")):
        assert month in facts(f"The ferry sank on {short} 3 near the harbor.").lemmas
    assert _why_apart("The ferry sank on Dec. 3 near the harbor.", "The ferry sank near the harbor on December 3.") is None
    assert _why_apart("The ferry sank on Dec. 3 near the harbor.", "The ferry sank near the harbor on November 3.") == "different names"


def test_a_speaker_who_reports_its_own_deed_is_who_the_fact_is_about():
    # "X said it/they ..." tells what X did: X is not only the source of the news
    assert "globex" in facts("The stores will close, Globex said.").sources
    assert "globex" in facts("Globex said the stores will close.").sources
    assert not facts("Globex said it will close 40 stores.").sources
    assert not facts("Globex said last week that they would close 40 stores.").sources
    units, _ = _units("Globex said on Monday it will close 40 stores in Ohio.", "Initech will close 40 stores in Ohio.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) == "different names"
    units, _ = _units("Globex will close 40 stores in Ohio, a spokesman for the company said.", "Globex said on Monday it will close 40 stores in Ohio.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) is None


def test_a_name_written_in_full_is_the_name_written_short():
    units, _ = _units(
        "The club named Maurice Okafor coach on Monday.",
        "Okafor was named coach on Monday after Dan Pell was dismissed.",
        "Jim Pell was dismissed on Monday.",
        "Dan Pell was dismissed on Monday.",
        "Ortiz Cancels Harbor Parade.",
        "Ortiz praised the harbor parade organised by Lena Park.",
        *BACKGROUND,
    )
    assert different_fact(units[0].facts, units[1].facts) is None  # "Maurice Okafor" / "Okafor"
    assert different_fact(units[2].facts, units[3].facts) == "different names"  # two Pells
    # a headline's capitalised ordinary word ("Cancels") is no part of Ortiz's name
    assert different_fact(units[4].facts, units[5].facts) == "different names"


def test_what_an_outlet_adds_to_a_restatement_stays_visible_as_its_addition():
    a = make_source(0, "The ferry captain was arrested in Portland on Tuesday after the collision.", "Rescue crews searched the river through the night.")
    b = make_source(1, "Police arrested the ferry captain in Portland on Tuesday after the collision with a grain barge.", "The bridge had been inspected in March.")
    c = make_source(2, "The captain was arrested in Portland after the ferry collision on Tuesday, police said.", "Divers joined the search at dawn.")
    story = build_story([a, b, c])
    shown = [s for block in story.blocks for s in block.sentences]
    arrests = [s for s in shown if "arrest" in s.text]
    assert len(arrests) == 1 and len(arrests[0].source_ids) == 3
    visible = arrests[0].text + " ".join(x.text for x in arrests[0].additions)
    assert "grain barge" in visible


def test_an_unrelated_sources_sentences_come_after_the_story():
    harbor = [make_source(i, "The ferry captain was arrested in Portland on Tuesday after the collision with a barge.", f"Rescue crews from Portland searched the river for {i + 2} hours.") for i in range(2)]
    other = make_source(2, "The Oscars will be hosted by a comedian from Ohio next spring.", "Tickets for the ceremony sold out in minutes.")
    story = build_story([*harbor, other])
    order = [s.source_ids for block in story.blocks for s in block.sentences]
    assert order[-2:] == [("s2",), ("s2",)]


def test_the_same_figure_about_something_else_is_a_different_fact():
    assert _why_apart("Police said 12 people were injured in the riots.", "Police said 18 people had been injured and 12 arrested for carrying weapons.") == "a number about something else"
    assert _why_apart("At least 25 militia fighters were killed in the airstrikes.", "US airstrikes on Sunday killed 25 fighters of the militia.") is None  # the same 25, told another way


def test_an_age_set_off_after_a_name_is_the_same_age_as_n_year_old():
    set_off, hyphenated = "Harbor pilot Dana Okafor, 52, was hurt in the collision.", "The 52-year-old harbor pilot Dana Okafor was hurt in the collision."
    assert _why_apart(set_off, hyphenated) is None
    assert _why_apart(hyphenated, set_off) is None
    # an age is still not a count of something else
    assert _why_apart("A 12-year-old boy was hurt in the collision.", "Twelve passengers were hurt in the collision.") == "a number about something else"


def test_one_as_a_pronoun_is_not_a_figure():
    # "no one" is "nobody"; "one of the most ..." picks a member, it counts nothing
    assert _why_apart("No one was hurt when the ferry ran aground.", "Nobody was hurt when the ferry ran aground.") is None
    assert _why_apart("Okafor was one of the most experienced harbor pilots.", "Okafor was among the most experienced harbor pilots.") is None
    # a "one" that counts stays a figure: before a noun, or joined by a hyphen
    one, two = "Officials said that one passenger was hurt.", "Officials said that two passengers were hurt."
    assert _why_apart(two, one) == "a number the other lacks"
    assert _why_apart(one, two) == "a number the other lacks"
    assert _why_apart("She signed the one-year contract.", "She signed the two-year contract.") == "a number the other lacks"


def test_a_title_capitalised_before_a_shared_name_is_not_another_name():
    # house styles differ: "Harbor Master Dana Okafor" / "the harbor master, Dana Okafor"
    assert _why_apart("Harbor Master Dana Okafor was hurt in the collision.", "Portland's harbor master, Dana Okafor, was hurt in the collision.") is None
    # a capitalised word that stands alone still names something: "the Bank" is not "a bank"
    assert _why_apart("Protesters threw stones at the Exchange.", "Protesters in Salem threw stones at police near the exchange.") == "different names"


def test_a_score_or_record_is_not_a_count_of_the_words_after_it():
    assert _why_apart("Okafor's crew is 41-38 lifetime on the river.", "Okafor's crew has an overall record of 41-38 on the river.") is None
    # the figures themselves still have to agree
    assert _why_apart("Okafor's crew is 41-37 lifetime on the river.", "Okafor's crew has an overall record of 41-38 on the river.") == "a number the other lacks"


def test_the_one_thing_a_sentence_says_of_its_names_must_be_told():
    # the names are the rare words both share; the one word beyond them is the fact
    units, weights = _units("Okafor testified in Portland.", "Okafor was honored in Portland.", *BACKGROUND)
    assert tells_same(units[0], units[1], weights) is None
    assert different_fact(units[0].facts, units[1].facts) == "something else of the same names"
    units, weights = _units("Dana Okafor, 33, testified on Tuesday.", "Dana Okafor, 33, was honored at the hall on Tuesday.", *BACKGROUND)
    assert tells_same(units[0], units[1], weights) is None
    units, weights = _units("Okafor was arrested in Portland on Tuesday.", "Police arrested Dana Okafor in Portland on Tuesday.", *BACKGROUND)
    assert different_fact(units[0].facts, units[1].facts) is None


def test_figures_that_all_agree_let_a_sentence_fold_at_lower_coverage():
    # a season's line told in other words: every figure agrees, the wording around them does not
    host = "Okafor hit 33 homers and drove in 121 runs with a .308 average."
    units, weights = _units("Overall, the veteran slugger finished a remarkable season with a .308 average, 33 homers and 121 runs.", host, *BACKGROUND)
    fold = tells_same(units[0], units[1], weights)
    assert fold is not None and fold.coverage < DEFAULT_MEANING.coverage
    # one figure is not enough evidence, and a figure the other lacks still keeps them apart
    units, weights = _units("Overall, the veteran slugger finished a remarkable season with 33 homers.", host, *BACKGROUND)
    assert tells_same(units[0], units[1], weights) is None
    units, weights = _units("Overall, the veteran slugger finished a remarkable season with a .308 average, 34 homers and 121 runs.", host, *BACKGROUND)
    assert tells_same(units[0], units[1], weights) is None


def test_function_words_with_an_opposite_keep_facts_apart():
    # "more than 20" / "fewer than 20", "before" / "after", "all" / "some": no content word
    # differs, yet the facts do
    for one, other in (("More than", "Fewer than"), ("All of the", "Some of the")):
        assert _why_apart(f"{one} 20 passengers were hurt when the ferry ran aground.", f"{other} 20 passengers were hurt when the ferry ran aground.") == "opposite direction"
    assert _why_apart("The ferry ran aground before the storm.", "The ferry ran aground after the storm.") == "opposite direction"
    # the same word on both sides is no difference
    assert _why_apart("More than 20 passengers were hurt in the collision.", "More than 20 passengers were hurt, more than in March.") is None


def test_the_agent_of_a_passive_is_who_did_it():
    # "Okafor was hired by the Salem Harbor Board" tells what "the Salem Harbor Board hired Okafor" tells
    assert _why_apart("Dana Okafor was hired by the Salem Harbor Board on Monday.", "The Salem Harbor Board hired Dana Okafor on Monday.") is None
    # and not what "Okafor hired the Salem Harbor Board" tells
    assert _why_apart("Dana Okafor was hired by the Salem Harbor Board on Monday.", "Dana Okafor hired the Salem Harbor Board on Monday.") == "names in another order"
    # a noun's "by" is no passive: "a plan by the board" names no one who did anything to Okafor
    assert _why_apart("Dana Okafor backed a plan by the Salem Harbor Board on Monday.", "Dana Okafor backed the Salem Harbor Board plan on Monday.") is None


def test_a_passive_without_its_agent_tells_what_the_active_tells():
    # "was fired as director of the board" names the board after Okafor; "the board fired" before
    passive = "Dana Okafor was fired as director of the Salem Harbor Board on Monday."
    assert _why_apart(passive, "The Salem Harbor Board fired director Dana Okafor on Monday.") is None
    # the same names around the same verb the other way round are still another fact
    assert _why_apart("The Salem Harbor Board fired director Dana Okafor on Monday.", "Dana Okafor fired the Salem Harbor Board on Monday.") == "names in another order"
    assert _why_apart("Dana Okafor sued the Salem Harbor Board on Monday.", "The Salem Harbor Board sued Dana Okafor on Monday.") == "names in another order"


def test_names_written_side_by_side_in_another_order_are_one_name_or_one_list():
    assert _why_apart("Salem Police Chief Ann Lee was hurt in the blast.", "Salem Chief of Police Ann Lee was hurt in the blast.") is None
    assert _why_apart("Ann Lee and Raj Patel won seats on the Salem board.", "Raj Patel and Ann Lee won seats on the Salem board.") is None
    # a verb or a word of direction between them is who did what to whom
    assert _why_apart("Ann Lee beat Raj Patel for a seat on the Salem board.", "Raj Patel beat Ann Lee for a seat on the Salem board.") == "names in another order"
    assert _why_apart("A win for Ann Lee over Raj Patel in the Salem final.", "A win for Raj Patel over Ann Lee in the Salem final.") == "names in another order"


def test_a_clause_the_other_hardly_speaks_of_is_a_fact_of_its_own():
    told = "Police arrested the ferry captain in Portland on Tuesday after the collision."
    assert _why_apart("The ferry captain was arrested in Portland on Tuesday, and a deckhand was treated for burns at a local hospital.", told) == "a clause the other does not tell"
    # a list joined by "and" whose words the other states is no clause of its own
    assert _why_apart("Her films include Harbor Lights and Salt Road.", "She starred in Harbor Lights and Salt Road, and had a role on Tide.") is None
    # who said it and when are not the clause's facts
    assert _why_apart("Federal investigators said on Tuesday that the ferry captain was arrested in Portland.", told) is None


def test_a_name_in_another_clause_than_the_verb_keeps_the_order_check():
    # Jones arrived; the other says Jones did the attacking: not told by the first
    assert _why_apart("Lee Smith was attacked after Dana Jones arrived at the harbor.", "Dana Jones attacked Lee Smith at the harbor.") == "names in another order"
    # a clause opened by its verb has its doer after it: nothing is told by where the names stand
    attacking = "Attacking Lee Smith, Dana Jones shouted at the harbor."  # Jones attacked Smith
    assert _why_apart(attacking, "Dana Jones was attacked near Lee Smith's home at the harbor.") == "names in another order"
    # after a passive, a name in the possessive may be who did it: "near Jones's home"
    assert _why_apart("Lee Smith was attacked near Dana Jones's home on Monday.", "Dana Jones attacked Lee Smith on Monday.") == "names in another order"
    assert _why_apart("Lee Smith was attacked near the Salem harbor on Monday.", "Dana Jones attacked Lee Smith near the Salem harbor on Monday.") is None
    # a participle after a determiner describes a noun: "the rarely used Harbor Act" is no verb
    assert facts("Salem members invoked the rarely used Harbor Act.").actions == (("invoke", 2, False),)


def test_exclusive_alternatives_keep_facts_apart():
    # a man or a woman, the northern or the southern pier: the same sentence about someone else
    for one, other in (("A man", "A woman"), ("Two boys", "Two girls")):
        assert _why_apart(f"{one} drowned when the ferry capsized near the pier.", f"{other} drowned when the ferry capsized near the pier.") == "opposite direction"
    assert _why_apart("The ferry capsized near the northern pier.", "The ferry capsized near the southern pier.") == "opposite direction"
    # both named on both sides is no difference
    assert _why_apart("Two women and a man drowned when the ferry capsized.", "A man and two women drowned when the ferry capsized near the pier.") is None


def test_a_sentence_nearly_all_told_inside_a_longer_one_folds_at_a_lower_cosine():
    # the longer sentence tells several things, so its cosine with any one of them is low
    host = (
        "The mayor announced on Friday that Dana Ortiz will chair the harbor commission, the third woman to hold the post since "
        "the panel was founded after the great flood of 1998, that its budget would double as dredging, pier repairs and the new "
        "ferry terminal resume in the spring, and that two deputies would be named by the council in June."
    )
    units, weights = _units("Dana Ortiz will chair the harbor commission.", host, *BACKGROUND)
    cos, cov = similarity(units[0].facts, units[1].facts, weights)
    assert cos < DEFAULT_MEANING.cosine and cov >= DEFAULT_MEANING.full_coverage
    assert tells_same(units[0], units[1], weights) is not None
    # a sentence of a few words needs the full cosine: one or two rare words make its coverage
    units, weights = _units("Ortiz will chair the commission.", host, *BACKGROUND)
    assert similarity(units[0].facts, units[1].facts, weights)[1] >= DEFAULT_MEANING.full_coverage
    assert tells_same(units[0], units[1], weights) is None
