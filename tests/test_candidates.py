"""Candidate hosts of the information level: ranked from the kept sentences' index, or ranked
ahead against every sentence and then narrowed to the kept ones, with the same result."""

from unittest import mock

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.engine import candidates, meaning
from digest.engine.candidates import Postings, Ranked, ranked_ahead, unpacked
from digest.engine.lexicon import facts
from digest.engine.meaning import Unit, Weights, fold_by_meaning
from digest.engine.wording import fingerprint_of

IDF = {"ferry": 2.0, "captain": 1.0, "storm": 3.0, "common": 0.5}
DF = {"ferry": 3, "captain": 4, "storm": 1, "common": 500}


def test_hosts_are_ranked_by_their_partial_product_ties_by_index():
    postings = Postings(IDF, DF, candidate_df=150)
    postings.post(0, frozenset({"captain"}))
    postings.post(1, frozenset({"ferry"}))
    postings.post(2, frozenset({"captain"}))
    postings.post(3, frozenset({"ferry", "captain", "common"}))  # "common" is in too many sentences to be posted
    ranked = postings.ranked(frozenset({"ferry", "captain", "common"}), count=3)
    assert list(ranked.hosts) == [3, 1, 0] and list(ranked.dots) == [5.0, 4.0, 1.0]
    assert ranked.unposted == 0.25  # what "common" may add to any host
    assert not ranked.complete  # host 2 had a product and was cut off
    assert postings.ranked(frozenset({"captain"}), count=5).complete
    assert not postings.ranked(frozenset({"storm"}), count=5).hosts


def test_the_kept_best_come_from_a_list_only_when_it_surely_holds_them():
    ranked = Ranked([5, 3, 8, 1], [4.0, 3.0, 2.0, 1.0], 0.5, complete=False)
    kept = {3, 8, 1}.__contains__
    narrowed = ranked.kept(kept, 2)
    assert narrowed is not None and list(narrowed.hosts) == [3, 8] and list(narrowed.dots) == [3.0, 2.0]
    assert narrowed.unposted == 0.5
    assert ranked.kept(kept, 4) is None  # a host cut off the list might be the fourth kept one
    assert Ranked([3], [1.0], 0.0, complete=False).kept(kept, 2) is None  # all kept, but too few listed
    assert list(Ranked([5, 3], [4.0, 3.0], 0.0, complete=True).kept(kept, 4).hosts) == [3]  # nothing was cut off


def test_ranked_ahead_sends_every_sentence_its_best_among_all_before_it():
    sentences = [(7, frozenset({"ferry"})), (2, frozenset({"ferry", "captain"})), (5, frozenset({"captain"}))]
    with mock.patch.object(candidates, "CHUNK", 2):  # two chunks: lists cross a chunk's end
        found = list(unpacked(ranked_ahead(sentences, IDF, DF, 150)))
    assert [list(r.hosts) for r in found] == [[], [7], [2]]
    assert [list(r.dots) for r in found] == [[], [4.0], [1.0]]


def _units(texts: list[str]) -> tuple[list[Unit], Weights]:
    found = [(i, facts(t)) for i, t in enumerate(texts)]
    units = [Unit(facts=f, source=i, carriers=frozenset({i}), shingles=fingerprint_of(t).shingles) for (i, f), t in zip(found, texts)]
    return units, Weights(found)


def _folded_with_ranking_ahead(units: list[Unit], weights: Weights, ahead: int) -> meaning.Folding:
    """fold_by_meaning with its candidates ranked ahead (in this process), ``ahead`` per sentence."""

    def in_process(sentences, weights_, params):
        return unpacked(ranked_ahead(sentences, weights_.idf, weights_.df, params.candidate_df))

    with mock.patch.object(meaning, "PARALLEL_FROM", 0), mock.patch.object(meaning, "_ranked_in_background", in_process), mock.patch.object(candidates, "AHEAD", ahead):
        return fold_by_meaning(units, weights)


def test_a_list_too_short_to_hold_the_kept_best_is_ranked_again_from_the_kept_index():
    # Ranked ahead one host each, the third sentence's list holds only its best, the first; the
    # fold must still find the host that is best of all (found first by a property test below).
    units, weights = _units(["Ferry captain storm council.", "Council budget river ferry captain.", "Ferry captain storm harbor."])
    as_it_goes = fold_by_meaning(units, weights)
    assert as_it_goes.folds and _folded_with_ranking_ahead(units, weights, ahead=1) == as_it_goes


WORDS = "ferry captain storm harbor council budget river bridge mayor police crew night vote barge".split()
sentence = st.lists(st.sampled_from(WORDS), min_size=4, max_size=9, unique=True)


@settings(max_examples=60, deadline=None)
@given(st.lists(sentence, min_size=2, max_size=14), st.lists(st.integers(0, 3), min_size=1, max_size=14), st.integers(1, 3))
def test_folding_is_the_same_whether_candidates_are_ranked_ahead_or_as_it_goes(bodies, dropped, ahead):
    # Each outlet tells a generated sentence, some with words left out (a restatement that
    # folds); ranked ahead with a short list, the kept hosts are often cut off and the index
    # must decide instead.
    texts = []
    for index, body in enumerate(bodies):
        cut = dropped[index % len(dropped)]
        texts.append(" ".join(body[: len(body) - cut] if cut < len(body) - 1 else body).capitalize() + ".")
    units, weights = _units(texts)
    assert _folded_with_ranking_ahead(units, weights, ahead) == fold_by_meaning(units, weights)
