"""Grouping articles into stories: one event's coverage together, look-alike events apart.
Every article here is invented for its test."""

import random
from dataclasses import replace

from hypothesis import given, settings
from hypothesis import strategies as st

from digest.engine.grouping import COMMON_ARTICLES, NEIGHBOURS, GroupingParams, average_linkage, cosines, different_events, group_articles, profile
from tests.conftest import make_source

FLOOD_A = make_source(
    0,
    "Floodwaters forced 3,000 residents of Marlow to leave their homes on Tuesday after the Tessel River burst its banks.",
    "Mayor Ilse Varga said shelters at two schools in Marlow were full by nightfall.",
    "Varga asked residents to stay away from the river until the water falls.",
    "Forecasters expect more rain over the Tessel valley on Wednesday.",
    title="Tessel River floods Marlow, 3,000 evacuated",
)
FLOOD_B = make_source(
    1,
    "About 3,000 people were evacuated from Marlow on Tuesday as the Tessel River overflowed.",
    "Shelters in two Marlow schools filled up quickly, Mayor Ilse Varga told reporters.",
    "Varga urged people to keep clear of the riverbanks; more rain is forecast for the Tessel valley.",
    title="Thousands leave Marlow as Tessel River floods",
)
FLOOD_ELSEWHERE = make_source(
    2,
    "Floodwaters forced 800 residents of Dunmore to leave their homes after the Arden River burst its banks.",
    "Mayor Piet Konings said shelters in Dunmore were full by nightfall.",
    "Konings asked residents of Dunmore to stay away from the Arden until the water falls.",
    title="Arden River floods Dunmore, 800 evacuated",
)
ELECTION = make_source(
    3,
    "The city council of Harwick elected a new speaker on Monday after a long vote.",
    "Councillor Odile Brandt won the post with 31 votes against 27 for her rival.",
    "Brandt promised to publish every council budget online.",
    title="Harwick council elects Odile Brandt as speaker",
)


def test_one_event_told_in_other_words_is_one_story():
    assert group_articles([FLOOD_A, ELECTION, FLOOD_B]) == [[0, 2], [1]]


def test_a_look_alike_event_with_other_protagonists_is_another_story():
    groups = group_articles([FLOOD_A, FLOOD_B, FLOOD_ELSEWHERE])
    assert [0, 1] in groups and [2] in groups


def test_protagonists_are_repeated_names_of_the_headline_or_first_paragraph():
    found = profile(FLOOD_A)
    assert {"marlow", "tessel"} <= found.protagonists
    assert "varga" not in found.protagonists  # repeated, but not in the headline or first paragraph
    assert "ilse" not in found.protagonists


def test_articles_published_far_apart_report_different_events():
    early = replace(FLOOD_A, date="2026-03-01")
    later = replace(FLOOD_B, date="2026-03-20T08:00:00Z")
    assert different_events(profile(early), profile(later))
    assert group_articles([early, later]) == [[0], [1]]
    assert group_articles([early, replace(FLOOD_B, date="2026-03-03")]) == [[0, 1]]


def test_an_unreadable_date_is_no_date():
    assert profile(replace(FLOOD_A, date="last Tuesday")).day is None


def test_average_linkage_does_not_chain_through_a_middle_article():
    # a~b and b~c strongly, a and c not at all: the mean over {a,b} x {c} is 0.45, under 0.5
    groups = average_linkage(3, {(0, 1): 0.95, (1, 2): 0.9}, threshold=0.5)
    assert sorted(groups) == [[0, 1], [2]]
    assert sorted(average_linkage(3, {(0, 1): 0.95, (1, 2): 0.9, (0, 2): 0.5}, threshold=0.5)) == [[0, 1, 2]]


def test_no_articles_no_stories_and_one_article_one_story():
    assert group_articles([]) == []
    assert group_articles([ELECTION]) == [[0]]


def test_the_order_of_the_articles_does_not_change_the_stories():
    articles = [FLOOD_A, ELECTION, FLOOD_B, FLOOD_ELSEWHERE]
    order = [2, 0, 3, 1]
    shuffled = group_articles([articles[i] for i in order])
    assert sorted(sorted(order[i] for i in g) for g in shuffled) == sorted(group_articles(articles))


@settings(max_examples=30, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from("abcdefghij"), st.floats(0.1, 3.0), min_size=1), min_size=2, max_size=8))
def test_the_sparse_product_gives_the_same_cosines_as_the_loop(raw):
    vectors = []
    for item in raw:
        norm = sum(v * v for v in item.values()) ** 0.5
        vectors.append({k: v / norm for k, v in item.items()})
    loop = cosines(vectors, sparse_from=10**9)
    matrix = cosines(vectors, sparse_from=0)
    assert loop.keys() == matrix.keys()
    assert all(abs(loop[k] - matrix[k]) < 1e-9 for k in loop)


def test_every_article_is_in_exactly_one_story():
    rng = random.Random(5)
    words = "harbor ferry council budget river storm vote mayor court school".split()
    sources = [make_source(i, " ".join(rng.choice(words) for _ in range(12)) + ".") for i in range(20)]
    groups = group_articles(sources, GroupingParams(similarity=0.2))
    assert sorted(i for g in groups for i in g) == list(range(20))


def test_many_look_alike_articles_keep_only_their_nearest_pairs():
    """Every article like every other: the pairs stored grow with the articles, not their square,
    and each article keeps the article most like it."""
    rng = random.Random(3)
    count = 3 * NEIGHBOURS
    vectors = []
    for _ in range(count):
        item = {f"w{rng.randrange(40)}": rng.uniform(0.5, 2.0) for _ in range(12)}
        norm = sum(v * v for v in item.values()) ** 0.5
        vectors.append({k: v / norm for k, v in item.items()})
    every = cosines(vectors, sparse_from=10**9)
    nearest = cosines(vectors, sparse_from=0)
    assert len(every) > count * NEIGHBOURS // 2 * 1.4  # dense: nearly every pair is alike
    assert len(nearest) <= count * NEIGHBOURS
    for i in range(count):
        best = max((j for j in range(count) if j != i), key=lambda j: every.get((min(i, j), max(i, j)), 0.0))
        assert (min(i, best), max(i, best)) in nearest


def test_an_event_is_still_found_among_more_articles_than_share_a_common_word():
    rng = random.Random(8)
    common = "harbor ferry council budget river storm vote mayor court school".split()
    fillers = [
        make_source(10 + i, " ".join(rng.choice(common) for _ in range(10)) + f" Item{i} Note{i}.", title=f"Brief {i}")
        for i in range(COMMON_ARTICLES + 20)
    ]
    sources = [FLOOD_A, *fillers, FLOOD_B, FLOOD_ELSEWHERE]
    groups = group_articles(sources)
    flood = next(g for g in groups if 0 in g)
    assert sorted(flood) == [0, len(sources) - 2]
    assert sorted(i for g in groups for i in g) == list(range(len(sources)))


def _linkage_by_brute_force(count, pairs, threshold):
    """Average linkage the slow way: every group pair's mean recomputed before every merge."""
    groups = [[i] for i in range(count)]
    while True:
        best = None
        for x in range(len(groups)):
            for y in range(x + 1, len(groups)):
                total = sum(pairs.get((min(i, j), max(i, j)), 0.0) for i in groups[x] for j in groups[y])
                mean = total / (len(groups[x]) * len(groups[y]))
                if mean >= threshold and (best is None or mean > best[0]):
                    best = (mean, x, y)
        if best is None:
            return {frozenset(g) for g in groups}
        _, x, y = best
        groups[x] = groups[x] + groups.pop(y)


def test_average_linkage_merges_as_the_brute_force_definition_does():
    rng = random.Random(12)
    for _ in range(150):
        count = rng.randint(2, 14)
        pairs = {}
        for _ in range(rng.randint(1, 3 * count)):
            i, j = sorted(rng.sample(range(count), 2))
            pairs[(i, j)] = rng.uniform(0.03, 0.9)
        threshold = rng.choice([0.1, 0.25, 0.4])
        assert {frozenset(g) for g in average_linkage(count, pairs, threshold)} == _linkage_by_brute_force(count, pairs, threshold)
