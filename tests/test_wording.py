"""The near-duplicate decision and the LSH grouping."""

from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.engine.wording import SimilarityParams, fingerprint_of, group_near_duplicates, is_near_duplicate, score

STATEMENT = "The United States will continue to take all necessary action to protect our people and our interests wherever they are around the world"


def fp(text):
    return fingerprint_of(text)


def test_rewording_of_quotes_and_acronyms_is_a_duplicate():
    a = fp("“At the direction of the President, the U.S. military has taken decisive defensive action to protect U.S. personnel abroad,” the department said.")
    b = fp('"At the direction of the President, the US military has taken decisive defensive action to protect US personnel abroad," the Pentagon said.')
    assert is_near_duplicate(a, b)


def test_short_passage_inside_a_longer_sentence_is_a_duplicate_by_containment():
    short = fp(STATEMENT)
    long = fp(f'"{STATEMENT}," the statement added, hours after the strike that reshaped the region, alarmed allies in Europe and Asia, sent oil prices up by the most in months and left diplomats scrambling for a response.')
    s = score(short, long)
    assert s.resemblance < 0.5 and s.containment >= 0.8
    assert is_near_duplicate(short, long)


def test_different_numbers_are_different_details():
    a = fp("The strikes killed 25 fighters of the militia near the border on Sunday.")
    b = fp("The strikes killed 19 fighters of the militia near the border on Sunday.")
    assert score(a, b).resemblance >= 0.5
    assert not is_near_duplicate(a, b)


def test_unrelated_sentences_and_empty_text_are_not_duplicates():
    assert not is_near_duplicate(fp("The ferry resumed service on Friday morning."), fp("Officials blamed the outage on a software update."))
    assert not is_near_duplicate(fp(""), fp(""))


def test_very_short_sentences_match_only_when_identical():
    assert is_near_duplicate(fp("Not yet."), fp("not yet"))
    assert not is_near_duplicate(fp("Not yet."), fp("Not now."))


def test_grouping_joins_duplicates_under_the_most_complete_and_leaves_the_rest_alone():
    texts = [STATEMENT, "Completely different words about harbor ferries and fares rising.", STATEMENT.upper(), "", f"{STATEMENT}, officials said on Thursday."]
    groups = group_near_duplicates([fp(t) for t in texts])
    assert groups[0] == groups[2] == groups[4] == 4  # the longest wording represents the group
    assert groups[1] == 1 and groups[3] == 3


def test_wordless_lines_are_never_grouped():
    groups = group_near_duplicates([fp(t) for t in ("***", "— — —", "***", "* * *")])
    assert groups == [0, 1, 2, 3]


def test_a_chain_of_near_duplicates_is_split_so_every_member_matches_its_representative():
    # a~b and b~c, but a and c share almost nothing: union-find alone would group all three.
    a = "alpha beta gamma delta epsilon zeta eta theta iota omega psi chi phi"
    b = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu"
    c = "zeta eta theta iota kappa lambda mu rho sigma"
    prints = [fp(a), fp(b), fp(c)]
    assert is_near_duplicate(prints[0], prints[1]) and is_near_duplicate(prints[1], prints[2])
    assert not is_near_duplicate(prints[0], prints[2])
    groups = group_near_duplicates(prints)
    for member, rep in enumerate(groups):
        assert rep == member or is_near_duplicate(prints[member], prints[rep])
    assert len(set(groups)) == 2


def test_thresholds_are_parameters():
    a, b = fp("one two three four five six seven"), fp("one two three four five eight nine")  # Jaccard 3/7
    assert is_near_duplicate(a, b, SimilarityParams(resemblance=0.4))
    assert not is_near_duplicate(a, b, SimilarityParams(resemblance=0.5, containment=0.9))


def test_one_quotation_with_short_framings_is_one_passage():
    a = fp("The ministry said that Friday’s order by the court “was meant to stop further attacks on the port.”")
    b = fp("“This order was meant to stop further attacks on the port,” the ministry announced.")
    assert score(a, b).containment < 0.8
    assert is_near_duplicate(a, b)


def test_a_quotation_inside_long_reporting_keeps_its_own_words():
    a = fp("“This order was meant to stop further attacks on the port,” the ministry announced.")
    b = fp("“This order was meant to stop further attacks on the port,” the ministry said in a statement that also named "
           "three officers, described the damage to the northern docks and promised compensation to the fishing families.")
    assert not is_near_duplicate(a, b, SimilarityParams(containment=0.95))
    assert is_near_duplicate(a, b)  # by plain containment: all of a is inside b
    c = fp("Officials said “this order was meant to stop further attacks on the port,” and “it will be lifted soon.”")
    assert not c.quote  # two quotations: no single passage to compare


def test_a_negation_on_one_side_only_is_a_different_fact():
    assert not is_near_duplicate(fp("The city council approved the new ferry budget on Monday night."), fp("The city council did not approve the new ferry budget on Monday night."))
    assert not is_near_duplicate(fp("他说今天天气很好。"), fp("他说今天天气不好。"))
    assert is_near_duplicate(fp("The council did not approve the budget on Monday night."), fp("The council did not approve the budget on Monday night, officials said."))


def test_a_negation_about_words_only_one_side_states_is_its_addition():
    short = fp("For two decades the harbor trust has kept the old lighthouse open to visitors.")
    longer = fp("For two decades the harbor trust has kept the old lighthouse open to visitors, and it should be funded, not closed.")
    assert is_near_duplicate(short, longer)  # the negation bears on "closed", which only the longer states
    both = fp("For two decades the harbor trust has not kept the old lighthouse open to visitors.")
    assert not is_near_duplicate(short, both)  # here it bears on words both state


def test_minhash_comes_without_scipy_and_leaves_datasketch_importable():
    """The signatures need datasketch's MinHash only; its package __init__ would pull in scipy."""
    import subprocess
    import sys

    check = (
        "import sys\n"
        "from digest.engine.wording import minhash_class\n"
        "cls = minhash_class()\n"
        "assert 'scipy' not in sys.modules and 'datasketch' not in sys.modules, sorted(sys.modules)\n"
        "import datasketch\n"
        "assert datasketch.MinHash is cls and datasketch.MinHashLSH is not None\n"
        "m = cls(num_perm=16, seed=1); m.update(b'a'); assert len(m.hashvalues) == 16\n"
    )
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


def test_buckets_cut_in_halves_keep_every_bucket_whole_and_in_order():
    import numpy as np

    from digest.engine.wording import Buckets

    buckets = Buckets(np.array([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]), np.array([2, 3, 2, 4]))
    first, second = buckets.halves()
    assert list(buckets.lists()) == [[1, 2], [3, 4, 5], [6, 7], [8, 9, 10, 11]]
    assert list(first.lists()) == [[1, 2], [3, 4, 5]] and list(second.lists()) == [[6, 7], [8, 9, 10, 11]]
    empty = Buckets(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
    assert [list(half.lists()) for half in empty.halves()] == [[], []]


@given(st.lists(st.integers(min_value=2, max_value=9), max_size=40), st.integers(min_value=1, max_value=12))
def test_buckets_listed_a_chunk_at_a_time_are_the_buckets(sizes, chunk):
    """Buckets.lists turns members into Python integers a chunk at a time; whatever the chunk
    size, and whether a bucket straddles a chunk's end or is longer than a chunk, every bucket
    comes out whole and in order."""
    import numpy as np

    import digest.engine.wording as wording

    members = np.arange(sum(sizes), dtype=np.int64) * 7
    expected, at = [], 0
    for size in sizes:
        expected.append(members[at : at + size].tolist())
        at += size
    original = wording.LIST_CHUNK
    wording.LIST_CHUNK = chunk
    try:
        listed = list(wording.Buckets(members, np.array(sizes, dtype=np.int64)).lists())
    finally:
        wording.LIST_CHUNK = original
    assert listed == expected


def test_a_large_story_groups_the_same_whether_its_halves_are_verified_here_or_apart():
    """minhash_halves verifies half of the buckets, the caller the other half: together the
    groups are those of one pass over all of them."""
    from digest.engine.wording import _leaders, _verified_neighbours, lsh_buckets, minhash_halves, plan_wording, signatures

    base = "the city council approved the new budget after a long debate on tuesday evening"
    texts = [f"{base} and outlet {i} notes detail {i % 3}" for i in range(30)] + [f"an unrelated line number {i} about weather and sport" for i in range(10)]
    prints = [fp(t) for t in texts]
    params = replace(SimilarityParams(), exact_limit=0)
    plan = plan_wording(prints, params)
    whole = _leaders(prints, _verified_neighbours(lsh_buckets(plan.comparable, signatures(prints, plan.comparable, params), params).lists(), prints, params), params)
    assert group_near_duplicates(prints, params, plan, minhash_halves(prints, params, plan)) == whole
    assert len(set(whole[:30])) < 30  # the test is not vacuous: the near-copies did merge


@settings(max_examples=40, deadline=None)
@given(st.integers(1, 3), st.lists(st.lists(st.integers(0, 3), min_size=6, max_size=6), min_size=0, max_size=30))
def test_lsh_buckets_are_the_runs_of_equal_band_keys_whatever_the_key_width(rows, values):
    # Two 32-bit rows are sorted as one uint64, one row as uint32, three as raw bytes: the
    # buckets must be what a dictionary of band keys gives in every case.
    import numpy as np

    from digest.engine.wording import lsh_buckets

    params = replace(SimilarityParams(), bands=6 // rows, rows=rows)
    matrix = np.array(values, dtype=np.uint32).reshape(len(values), 6)
    indexes = list(range(100, 100 + len(values)))
    expected = []
    for band in range(params.bands):
        found: dict[tuple[int, ...], list[int]] = {}
        for index, row in zip(indexes, matrix.tolist()):
            found.setdefault(tuple(row[band * rows : (band + 1) * rows]), []).append(index)
        expected += [members for members in found.values() if len(members) > 1]
    assert sorted(lsh_buckets(indexes, matrix, params).lists()) == sorted(expected)
