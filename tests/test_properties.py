"""Invariants of the merge, on generated stories (hypothesis)."""

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.engine import build_story
from digest.engine.lexicon import facts
from digest.engine.meaning import substitutes
from digest.engine.merge import segment_sources
from digest.engine.normalize import words
from digest.engine.wording import fingerprint_of, is_near_duplicate
from digest.export import render_json
from tests.conftest import make_source

VOCABULARY = [f"{a}{b}" for a in ("bar", "cor", "dun", "fal", "gim", "hol", "jex", "kor", "lum", "mip") for b in ("a", "e", "o", "ix", "un", "et")]

sentence = st.lists(st.sampled_from(VOCABULARY), min_size=6, max_size=14).map(lambda ws: " ".join(ws).capitalize() + ".")
pool = st.lists(sentence, min_size=1, max_size=12, unique_by=lambda s: tuple(words(s)))


@st.composite
def stories(draw):
    sentences = draw(pool)
    count = draw(st.integers(1, 4))
    sources = []
    for index in range(count):
        chosen = draw(st.lists(st.sampled_from(sentences), min_size=1, max_size=8))
        sizes = draw(st.lists(st.integers(1, 3), min_size=1, max_size=len(chosen)))
        paragraphs, cursor = [], 0
        for size in sizes:
            if cursor < len(chosen):
                paragraphs.append(" ".join(chosen[cursor : cursor + size]))
                cursor += size
        if cursor < len(chosen):
            paragraphs.append(" ".join(chosen[cursor:]))
        sources.append(make_source(index, *paragraphs))
    return sources


SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(stories())
def test_nothing_is_lost_and_every_source_is_credited(sources):
    story = build_story(sources)
    credited: dict[tuple[int, int], set[str]] = {}
    for s_index, paragraphs in enumerate(story.source_sentences):
        count = sum(len(p) for p in paragraphs)
        assert count == sum(len(sources[s_index].paragraphs[k].text.split(". ")) for k in range(len(sources[s_index].paragraphs)))
        for paragraph in paragraphs:
            for item in paragraph:
                credited.setdefault((item.block, item.index), set()).add(story.sources[s_index].id)
    places = {(b, i) for b, block in enumerate(story.blocks) for i in range(len(block.sentences))}
    assert set(credited) == places  # every merged sentence stands for at least one source sentence
    for (b, i), ids in credited.items():
        assert set(story.blocks[b].sentences[i].source_ids) == ids


@SETTINGS
@given(stories())
def test_no_near_duplicate_is_left(sources):
    # unless it tells it of someone else or the other way round (meaning.substitutes)
    story = build_story(sources)
    _, names = segment_sources(sources)
    texts = [s.text for b in story.blocks for s in b.sentences]
    prints = [fingerprint_of(text) for text in texts]
    for x in range(len(prints)):
        for y in range(x + 1, len(prints)):
            if is_near_duplicate(prints[x], prints[y]):
                assert substitutes(facts(texts[x], names=names), facts(texts[y], names=names))


@SETTINGS
@given(stories())
def test_deterministic(sources):
    assert render_json(build_story(sources)) == render_json(build_story(list(sources)))


@SETTINGS
@given(pool)
def test_a_source_merged_with_an_exact_copy_of_itself_collapses(sentences):
    original = make_source(0, *sentences)
    copy = make_source(1, *sentences)
    story = build_story([original, copy])
    merged = [s for b in story.blocks for s in b.sentences]
    assert len(merged) == len(sentences)
    assert all(s.source_ids == ("s0", "s1") for s in merged)
    assert story.stats.duplicate_share == 0.5


@SETTINGS
@given(pool, pool)
def test_unrelated_sources_stay_separate(first, second):
    second = [s.replace("a", "y").replace("e", "w").replace("o", "q").replace("i", "z").replace("u", "v") for s in second]
    story = build_story([make_source(0, *first), make_source(1, *second)])
    assert all(len(s.source_ids) == 1 for b in story.blocks for s in b.sentences)


@SETTINGS
@given(stories())
def test_every_member_of_a_group_is_like_its_representative(sources):
    from digest.engine.meaning import DEFAULT_MEANING

    story = build_story(sources)
    for block in story.blocks:
        for sentence in block.sentences:
            shown = fingerprint_of(sentence.text)
            for variant in sentence.variants:
                folded = fingerprint_of(variant.text)
                if variant.how == "wording":
                    assert folded.words == shown.words or is_near_duplicate(folded, shown)
                elif variant.how == "information":
                    assert variant.cosine >= DEFAULT_MEANING.cosine
                    assert folded.numbers <= shown.numbers
                elif variant.how == "clause":
                    _assert_clause_shown(sentence, variant)
                else:
                    assert folded.quote and len(folded.quote & shown.shingles) >= DEFAULT_MEANING.quote_containment * len(folded.quote)


def _assert_clause_shown(sentence, variant):
    """A variant folded by its head: its own clause is its outlet's addition, word for word, and
    its head states no figure the shown sentence lacks."""
    from digest.engine.merge import FRAGMENT_SEPARATOR

    (addition,) = [a for a in sentence.additions if a.ref == variant.ref]
    clause = addition.text.split(FRAGMENT_SEPARATOR)[-1]
    assert clause and variant.text.endswith(clause)
    assert facts(variant.text[: -len(clause)]).numbers <= facts(sentence.text).numbers


clause = st.lists(st.sampled_from(VOCABULARY), min_size=8, max_size=14).map(" ".join)


@SETTINGS
@given(pool, st.lists(st.sampled_from(VOCABULARY), min_size=5, max_size=8), clause, clause, st.sampled_from([", and", " after", " because", ", but"]))
def test_a_shared_head_shows_each_clause_of_its_own_word_for_word(sentences, head, own_a, own_b, joint):
    told = "Korun was " + " ".join(head)
    a = make_source(0, *sentences, f"{told}{joint} {own_a}.")
    b = make_source(1, *sentences, f"{told} when {own_b}.")
    story = build_story([a, b])
    for block in story.blocks:
        for sentence in block.sentences:
            for variant in sentence.variants:
                if variant.how == "clause":
                    _assert_clause_shown(sentence, variant)
    for index, paragraphs in enumerate(story.source_sentences):
        for sentence in (s for p in paragraphs for s in p):
            assert story.sources[index].id in story.merged(sentence).source_ids


PUNCTUATED = st.lists(
    st.sampled_from([*VOCABULARY[:24], ",", ", and", ", which", ", who", " after", " when", " but", "(", ")", "“", "”", '"', " —", " was", " has", " fined", " the", " a"]),
    min_size=4,
    max_size=18,
).map(lambda parts: ("Korun " + " ".join(parts) + ".").replace(" ,", ","))


@SETTINGS
@given(st.lists(PUNCTUATED, min_size=1, max_size=4), PUNCTUATED, PUNCTUATED, PUNCTUATED, st.sampled_from([", and", " after", ", who", " because"]))
def test_cut_sentences_lose_nothing_and_show_their_own_part(others, core, own_a, own_b, joint):
    # clause words, commas, quotation marks and brackets anywhere, paired or not; one fact told
    # by both outlets, each with a part of its own
    a = make_source(0, " ".join(others), f"{core[:-1]}{joint} {own_a[0].lower()}{own_a[1:]}")
    b = make_source(1, f"{core[:-1]} when {own_b[0].lower()}{own_b[1:]}", " ".join(others[:1]))
    story = build_story([a, b])
    for block in story.blocks:
        for sentence in block.sentences:
            for variant in sentence.variants:
                if variant.how == "clause":
                    (addition,) = [x for x in sentence.additions if x.ref == variant.ref]
                    assert all(piece in variant.text for piece in addition.text.split(" · "))
    for index, paragraphs in enumerate(story.source_sentences):
        for sentence in (s for p in paragraphs for s in p):
            assert story.sources[index].id in story.merged(sentence).source_ids


SEPARATORS = st.sampled_from(["***", "* * *", "— — —", "---", "•", "###"])


@SETTINGS
@given(stories(), st.lists(SEPARATORS, min_size=1, max_size=3))
def test_wordless_lines_never_merge_across_outlets(sources, separators):
    from dataclasses import replace as with_

    from digest.model import Paragraph

    marked = [with_(s, paragraphs=s.paragraphs + tuple(Paragraph(x) for x in separators)) for s in sources]
    story = build_story(marked)
    for block in story.blocks:
        for sentence in block.sentences:
            if not words(sentence.text):
                assert len(sentence.source_ids) == 1 and not sentence.variants


@SETTINGS
@given(pool, st.integers(1, 999), st.integers(1, 999))
def test_a_different_number_never_folds(sentences, first, second):
    if first == second:
        second += 1
    a = make_source(0, *sentences, f"The count reached {first} on the north side of the harbor today.")
    b = make_source(1, *sentences, f"The count reached {second} on the north side of the harbor today.")
    story = build_story([a, b])
    counts = [s for blk in story.blocks for s in blk.sentences if s.text.startswith("The count reached")]
    assert len(counts) == 2 and all(len(s.source_ids) == 1 for s in counts)


@SETTINGS
@given(stories())
def test_every_source_sentence_is_represented_by_one_shown_sentence_that_credits_it(sources):
    story = build_story(sources)
    for index, paragraphs in enumerate(story.source_sentences):
        for paragraph in paragraphs:
            for sentence in paragraph:
                merged = story.merged(sentence)
                assert story.sources[index].id in merged.source_ids
                if sentence.how == "shown":
                    assert merged.text == sentence.text
                else:
                    assert any(v.text == sentence.text and v.how == sentence.how for v in merged.variants)


def _opposite_pairs() -> list[tuple[str, str]]:
    """Pairs of opposite words that are content words as written (a few, like "more", are
    function words, and count only in other forms)."""
    from digest.engine.lexicon import OPPOSITES, facts

    usable = lambda word: facts(f"They {word} it.").lemmas == {word}  # noqa: E731
    return sorted((a, b) for a, others in OPPOSITES.items() for b in others if a < b and usable(a) and usable(b))


@SETTINGS
@given(pool, st.sampled_from(_opposite_pairs()))
def test_an_opposite_word_never_folds(sentences, pair):
    one, other = pair
    a = make_source(0, *sentences, f"The harbor board will {one} the ferry plan for the pier on Monday.")
    b = make_source(1, *sentences, f"The harbor board will {other} the ferry plan for the pier on Monday.")
    story = build_story([a, b])
    plans = [s for blk in story.blocks for s in blk.sentences if s.text.startswith("The harbor board will")]
    assert len(plans) == 2 and all(len(s.source_ids) == 1 for s in plans)


PEOPLE = ["Dana Okafor", "Lee Smith", "Ravi Patel", "Mara Chen", "the Salem Harbor Board", "the Port Authority"]
DEEDS = ["sued", "attacked", "defeated", "hired", "fired", "arrested", "criticized", "accused", "praised", "blamed"]
TAILS = ["on Monday.", "near the Salem harbor on Monday.", "in Portland after the vote.", "over the ferry contract, officials said."]


def _sentence(doer: str, deed: str, receiver: str, tail: str, passive: bool) -> str:
    text = f"{receiver} was {deed} by {doer} {tail}" if passive else f"{doer} {deed} {receiver} {tail}"
    return text[0].upper() + text[1:]


@SETTINGS
@given(pool, st.permutations(PEOPLE), st.sampled_from(DEEDS), st.sampled_from(TAILS), st.booleans(), st.booleans())
def test_who_did_what_to_whom_never_folds_the_other_way_round(sentences, people, deed, tail, passive_a, passive_b):
    doer, receiver = people[:2]
    a = make_source(0, *sentences, _sentence(doer, deed, receiver, tail, passive_a))
    b = make_source(1, *sentences, _sentence(receiver, deed, doer, tail, passive_b))
    story = build_story([a, b])
    deeds = [s for blk in story.blocks for s in blk.sentences if f" {deed} " in s.text]
    assert len(deeds) == 2 and all(len(s.source_ids) == 1 for s in deeds)
