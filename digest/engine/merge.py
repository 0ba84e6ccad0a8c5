"""Cleaned sources to one merged, ordered, attributed Story: the engine's assembly line.

1. ``segment``: every paragraph into sentences (a heading is one sentence);
2. ``wording``: sentences with the same wording form groups (MinHash, LSH, exact check);
3. ``meaning``: a group whose information another outlet's group already tells is folded under it;
4. ``details``: the words of each shown sentence that no other outlet states;
5. ``order``: the shown sentences in the outlets' consensus order, cut into paragraphs.

Every source sentence ends up represented by exactly one shown sentence, which credits its
outlet; each folded wording is kept as a variant with how it matched and its scores.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial

from digest.background import stream_in_background
from digest.engine.clauses import cuts
from digest.engine.details import detail_runs, new_spans
from digest.engine.headline import choose_title
from digest.engine.lexicon import TIME_NAMES, Facts, add_capitalised_inside, facts
from digest.engine.meaning import (
    DEFAULT_MEANING,
    FoldKind,
    Head,
    MeaningParams,
    Unit,
    Weights,
    cosine,
    fold_by_meaning,
    remainder,
    substitutes,
    tells_same,
)
from digest.engine.normalize import Tokens, numbers, quotation, tokenize, words
from digest.engine.order import (
    Placed,
    depends_on_previous,
    inside_quotation,
    reading_order,
)
from digest.engine.segment import sentence_spans
from digest.engine.wording import (
    DEFAULT_PARAMS,
    Fingerprint,
    SimilarityParams,
    fingerprint,
    group_near_duplicates,
    minhash_halves,
    plan_wording,
    score,
)
from digest.model import (
    Addition,
    Block,
    MatchKind,
    MergedSentence,
    ParagraphKind,
    SentenceRef,
    Source,
    SourceSentence,
    Span,
    Story,
    StoryStats,
    Variant,
)
from digest.timing import StageTimer, no_timing

UNRELATED_VOCABULARY = 0.35
UNRELATED_NAMES = 0.2
"""A source none of whose sentences is shared, whose content words (IDF-weighted) other outlets
use less than UNRELATED_VOCABULARY of, and whose names other outlets mention less than
UNRELATED_NAMES of, is flagged as probably another story. On the development events, an
article of another topic mixed into an event was flagged 16 times in 20, and no article of
the event was."""


FRAGMENT_SEPARATOR = " · "
"""Between the fragments of a folded sentence's own details."""


@dataclass(slots=True)
class _Sentence:
    index: int
    ref: SentenceRef
    text: str
    print: Fingerprint
    tokens: Tokens | None
    """Its normalized words with their offsets; dropped once its facts are found."""
    kind: ParagraphKind = "paragraph"
    facts: Facts | None = None
    group: int = -1
    """Index of the shown sentence that represents it (after both levels)."""
    how: MatchKind | None = None
    """How it matched that sentence; None when it is that sentence."""
    depends: int = 0
    """How much it needs the sentence before it in its outlet (order.depends_on_previous)."""
    own: tuple[int, int] = (0, 0)
    """Folded by ``clause``: where its own part, shown as its addition, is in ``text``."""


def segment_sources(sources: Sequence[Source]) -> tuple[list[list[list[_Sentence]]], frozenset[str]]:
    """Every source's paragraphs as sentences (a heading is one sentence), and the story's names
    (``lexicon.add_capitalised_inside``).

    Outlets repeat each other's paragraphs and sentences word for word (wire copy): a text seen
    before is split, tokenized and fingerprinted once, and its results shared (they are not
    changed afterwards).
    """
    result = []
    counter = 0
    split: dict[str, list[tuple[int, int]]] = {}
    analysed: dict[str, tuple[str, Fingerprint, Tokens]] = {}
    names: set[str] = set()
    for s_index, source in enumerate(sources):
        paragraphs = []
        for p_index, paragraph in enumerate(source.paragraphs):
            if paragraph.kind == "heading":
                spans = [(0, len(paragraph.text))]
            elif paragraph.text in split:
                spans = split[paragraph.text]
            else:
                spans = split[paragraph.text] = sentence_spans(paragraph.text)
            sentences = []
            for k, (a, b) in enumerate(spans):
                text = paragraph.text[a:b]
                if text not in analysed:
                    analysed[text] = (text, *_analyse(text, names))
                text, print_, tokens = analysed[text]  # the first copy: wire copy is kept once
                sentences.append(_Sentence(counter, SentenceRef(s_index, p_index, k), text, print_, tokens, paragraph.kind))
                counter += 1
            paragraphs.append(sentences)
        result.append(paragraphs)
    return result, frozenset(names)


def _analyse(text: str, names: set[str]) -> tuple[Fingerprint, Tokens]:
    """The sentence's fingerprint and tokens; adds the words it writes capitalised inside to ``names``."""
    tokens = tokenize(text)
    add_capitalised_inside(names, text, tokens)
    quote = quotation(text)
    quoted = words(text[quote[0] + 1 : quote[1] - 1]) if quote else None
    return fingerprint(tokens.norms, quoted), tokens


def build_story(
    sources: Sequence[Source],
    params: SimilarityParams = DEFAULT_PARAMS,
    stage: StageTimer = no_timing,
    meaning: MeaningParams = DEFAULT_MEANING,
) -> Story:
    """Merge ``sources`` into one Story; deterministic for the same inputs.

    ``stage`` lets a benchmark time the steps (segment, meaning, wording, merge); for a large
    story "wording" is this process's half of the verification and the wait for the helper's.
    """
    with stage("segment"):
        segmented, names = segment_sources(sources)
        flat = [s for paragraphs in segmented for sentences in paragraphs for s in sentences]
    prints = [s.print for s in flat]
    # A large story's same-wording candidates (MinHash signatures, LSH buckets) are made in a
    # forked child while this process finds the sentences' facts, which do not depend on them;
    # then each process verifies half of the buckets (digest.background). A small story's
    # groups take less than a process costs.
    plan = plan_wording(prints, params)
    halves = stream_in_background(partial(minhash_halves, prints, params, plan)) if plan.uses_minhash else None
    with stage("meaning"):
        known: dict[str, Facts] = {}  # identical sentences (wire copy) state the same facts
        for sentence in flat:
            if sentence.text not in known:
                known[sentence.text] = facts(sentence.text, sentence.tokens, names)
            sentence.facts = known[sentence.text]
            sentence.tokens = None  # only the facts needed them: freed as they go
        del known
        weights = Weights([(s.ref.source, s.facts) for s in flat])  # type: ignore[misc]
    with stage("merge"):
        _mark_dependencies(segmented)  # needs no groups: done while the helper still works
    with stage("wording"):
        wording_rep = group_near_duplicates(prints, params, plan, halves)
    with stage("meaning"):
        related = _fold(flat, wording_rep, weights, meaning, names)
    with stage("merge"):
        return _assemble(sources, segmented, flat, weights, related, {**params.as_dict(), **meaning.as_dict()})


def _mark_dependencies(segmented: list[list[list[_Sentence]]]) -> None:
    """Mark each sentence that needs the one before it in its outlet (order.depends_on_previous)."""
    for paragraphs in segmented:
        sentences = [s for p in paragraphs for s in p]
        quoted = inside_quotation([s.text for s in sentences])
        for previous, sentence, inside in zip([None, *sentences[:-1]], sentences, quoted):
            sentence.depends = depends_on_previous(sentence.text, previous.text if previous else None, inside)


def sentence_unit(text: str, found: Facts, print_: Fingerprint, source: int, carriers: frozenset[int], heading: bool = False) -> Unit:
    """What the information level compares of one sentence (see meaning.Unit)."""
    span = quotation(text) if print_.quote else None
    return Unit(
        facts=found,
        source=source,
        carriers=carriers,
        shingles=print_.shingles,
        quote=print_.quote,
        quote_numbers=numbers(words(text[span[0] : span[1]])) if span else frozenset(),
        foldable=not heading and bool(found.lemmas),
    )


def _unit(sentence: _Sentence, carriers: frozenset[int]) -> Unit:
    assert sentence.facts is not None
    return sentence_unit(sentence.text, sentence.facts, sentence.print, sentence.ref.source, carriers, sentence.kind == "heading")


def _fold(flat: list[_Sentence], wording_rep: list[int], weights: Weights, meaning: MeaningParams, names: frozenset[str]) -> dict[int, int]:
    """Set every sentence's group and how it matched: same wording first, then same information.
    Returns the shown groups that are related to another shown group (``Folding.related``).

    A sentence the wording level grouped that tells it of someone else or the other way round
    (``meaning.substitutes``) is taken out of its group. A same-wording group folds under
    another only when each of its members, checked on its own, tells what the host tells, in
    the same way: no member is ever unlike the sentence it is shown under.
    """
    members: dict[int, list[_Sentence]] = {}
    for sentence, rep in zip(flat, wording_rep):
        if rep != sentence.index and sentence.facts is not flat[rep].facts and substitutes(sentence.facts, flat[rep].facts):  # type: ignore[arg-type]
            rep = sentence.index  # worded alike, but of someone else or the other way: its own
        members.setdefault(rep, []).append(sentence)
        sentence.group = rep
        sentence.how = None if rep == sentence.index else "wording"
    reps = sorted(members)
    units = [_unit(flat[rep], frozenset(m.ref.source for m in members[rep])) for rep in reps]

    def agrees(unit: int, host: int, how: FoldKind) -> bool:
        group = reps[unit]
        return all(
            (result := tells_same(_unit(m, frozenset({m.ref.source})), units[host], weights, meaning)) is not None and result.how == how
            for m in members[group]
            if m.index != group
        )

    def heads(unit: int) -> list[Head]:
        """A sentence of one outlet without a part of its own (clauses.cuts); a same-wording
        group is not cut: its members would each need their own cut."""
        group = members[reps[unit]]
        if len(group) > 1:
            return []
        sentence = group[0]
        assert sentence.facts is not None
        found = []
        for cut in cuts(sentence.text, sentence.facts):
            own_start, own_end = cut.own_start, cut.own_end
            lemmas = frozenset(w.lemma for w in sentence.facts.words if w.start < own_start or w.start >= own_end)
            if len(lemmas) >= 2:
                found.append(Head((own_start, own_end), lemmas, partial(_head_unit, cut.core, names, units[unit])))
        return found

    folding = fold_by_meaning(units, weights, meaning, agrees, heads)
    for fold in folding.folds:
        for member in members[reps[fold.index]]:
            member.group = reps[fold.host]
            member.how = fold.how
            member.own = fold.own
    return {reps[unit]: reps[like] for unit, like in folding.related.items()}


def _head_unit(head: str, names: frozenset[str], whole: Unit) -> Unit:
    """The head of a sentence as a unit of its own (see meaning.Head)."""
    return Unit(facts(head, names=names), whole.source, whole.carriers, frozenset())


def _assemble(
    sources: Sequence[Source], segmented: list[list[list[_Sentence]]], flat: list[_Sentence], weights: Weights, related: dict[int, int], parameters: dict[str, float]
) -> Story:
    members: dict[int, list[_Sentence]] = {}
    for sentence in flat:
        members.setdefault(sentence.group, []).append(sentence)
    carriers = {g: sorted({m.ref.source for m in ms}) for g, ms in members.items()}

    placed_sources = [[Placed(s.ref, s.group, s.depends) for p in paragraphs for s in p] for paragraphs in segmented]
    unrelated = _unrelated(sources, segmented, carriers, weights)
    unrelated_indexes = {i for i, source in enumerate(sources) if source.id in unrelated}
    ordered = reading_order(
        placed_sources,
        {g: flat[g].ref for g in members},
        {g: flat[g].kind for g in members},
        last=unrelated_indexes,
        related=related,
        prominence={g: _prominence(flat[g].facts, weights) for g in members},  # type: ignore[arg-type]
    )
    del placed_sources  # a tuple per sentence: freed before the Story's own are made

    details = {  # each sentence's own words, once: shown sentences and source views both use them
        s.index: new_spans(s.text, s.facts, s.ref.source, weights, credited_alone=len(carriers[s.group]) == 1)  # type: ignore[arg-type]
        for s in flat
    }
    blocks: list[Block] = []
    placed: dict[int, tuple[int, int]] = {}
    for block in ordered:
        merged = []
        for group in block.groups:
            placed[group] = (len(blocks), len(merged))
            merged.append(_merged_sentence(flat[group], members[group], carriers[group], details[group], sources, weights))
        blocks.append(Block(block.kind, tuple(merged)))

    source_sentences = tuple(
        tuple(
            tuple(
                SourceSentence(
                    text=s.text,
                    block=placed[s.group][0],
                    index=placed[s.group][1],
                    new_spans=details[s.index],
                    how=s.how or "shown",
                )
                for s in sentences
            )
            for sentences in paragraphs
        )
        for paragraphs in segmented
    )
    chars_in = sum(len(s.text) for s in flat)
    chars_out = sum(len(m.text) + sum(len(a.text) for a in m.additions) for b in blocks for m in b.sentences)
    stats = StoryStats(len(sources), len(flat), sum(len(b.sentences) for b in blocks), chars_in, chars_out)
    return Story(
        title=choose_title(
            sources,
            [(s.print.words for p in paragraphs for s in p) for paragraphs in segmented],
            _ledes(segmented),
            _lede(blocks),
        ),
        sources=tuple(sources),
        blocks=tuple(blocks),
        source_sentences=source_sentences,
        stats=stats,
        parameters=parameters,
        unrelated=unrelated,
    )


def _prominence(found: Facts, weights: Weights) -> tuple[int, float]:
    """How many outlets name the most widely named person, place or thing this sentence names
    (times and the sources it quotes aside), then how many outlets use its words, on average:
    among ledes, the one that names who the story is about and tells it in the words most
    outlets use comes first (see order.reading_order)."""
    owners = weights.owners
    named = max((len(owners.get(name, ())) for name in found.names - found.sources - TIME_NAMES), default=0)
    shared = sum(len(owners.get(lemma, ())) for lemma in found.lemmas) / len(found.lemmas) if found.lemmas else 0.0
    return named, round(shared, 6)


def _lede(blocks: list[Block]) -> str | None:
    """The first sentence of the merged story that is not a heading and has words."""
    for block in blocks:
        if block.kind == "paragraph":
            for sentence in block.sentences:
                if words(sentence.text):
                    return sentence.text
    return None


def _merged_sentence(
    rep: _Sentence, members: list[_Sentence], carriers: list[int], rep_spans: tuple[Span, ...], sources: Sequence[Source], weights: Weights
) -> MergedSentence:
    assert rep.facts is not None
    variants = []
    additions = []
    for member in members:
        if member is rep:
            continue
        if member.text == rep.text:  # wire copy: the same sentence, nothing to score
            resemblance = containment = information = 1.0
        else:
            wording = score(rep.print, member.print)
            resemblance, containment = round(wording.resemblance, 4), round(wording.containment, 4)
            information = round(cosine(member.facts, rep.facts, weights), 4)  # type: ignore[arg-type]
        variants.append(Variant(sources[member.ref.source].id, member.ref, member.text, member.how or "wording", resemblance, containment, information))
        if member.how == "quotation":
            addition = _framing(member, rep, sources, weights)
        elif member.how == "clause":
            addition = _own_clause(member, rep, sources, weights)
        elif member.text != rep.text:  # in other words, or worded alike with words of its own
            addition = _remainder(member, rep, sources, weights)
        else:
            addition = None
        if addition is not None:
            additions.append(addition)
    return MergedSentence(
        text=rep.text,
        origin=rep.ref,
        source_ids=tuple(sources[i].id for i in carriers),
        variants=tuple(variants),
        new_spans=rep_spans,
        additions=tuple(additions),
    )


def _framing(member: _Sentence, rep: _Sentence, sources: Sequence[Source], weights: Weights) -> Addition | None:
    """The member's words around its quotation, when they say something the shown sentence
    does not (its own attribution, circumstances or figures); None for a bare "… he said"."""
    assert member.facts is not None and rep.facts is not None
    span = quotation(member.text)
    if span is None:
        return None
    outside = [w for w in member.facts.words if not span[0] <= w.start < span[1]]
    if not [w for w in outside if w.lemma not in rep.facts.lemmas]:
        return None
    text = member.text[: span[0]] + "“…”" + member.text[span[1] :]
    shift = len(text) - len(member.text)  # for spans after the quotation
    spans = tuple(
        s if s.end <= span[0] else Span(s.start + shift, s.end + shift)
        for s in new_spans(member.text, member.facts, member.ref.source, weights, credited_alone=False)
        if s.end <= span[0] or s.start >= span[1]
    )
    return Addition(sources[member.ref.source].id, member.ref, text, spans)


def _own_clause(member: _Sentence, rep: _Sentence, sources: Sequence[Source], weights: Weights) -> Addition:
    """A sentence whose core is shown under ``rep``: the details of its core beyond ``rep`` (as
    in ``_remainder``) and its own part word for word, in the order of its text."""
    assert member.facts is not None
    own_start, own_end = member.own
    own_spans = [s for s in new_spans(member.text, member.facts, member.ref.source, weights, credited_alone=False) if own_start <= s.start and s.end <= own_end]
    return _joined(member, sorted([*_details_beyond(member, rep, weights, member.own), member.own]), own_spans, sources)


def _remainder(member: _Sentence, rep: _Sentence, sources: Sequence[Source], weights: Weights) -> Addition | None:
    """The details a sentence shown under another states beyond it, as fragments of its own
    text ("drone strike · Jerusalem"), or None when it states no detail more. A near-copy
    ("same wording") may add a clause of its own as much as a restatement may."""
    assert member.facts is not None
    if not weights.has_own_words(member.facts.lemmas, member.ref.source):
        return None  # most sentences: every word is told by another outlet too
    pieces = _details_beyond(member, rep, weights)
    return _joined(member, pieces, [], sources) if pieces else None


def _details_beyond(member: _Sentence, rep: _Sentence, weights: Weights, aside: tuple[int, int] = (0, 0)) -> list[tuple[int, int]]:
    """Where in its text ``member`` states details ``rep`` lacks and no other outlet tells
    (``meaning.remainder``, in runs of ``details.detail_runs``), outside the span ``aside``."""
    assert member.facts is not None and rep.facts is not None
    start, end = aside
    keep = {id(w) for w in remainder(member.facts, frozenset({member.ref.source}), rep.facts, weights) if not start <= w.start < end}
    runs = detail_runs(member.text, member.facts.words, lambda word: id(word) in keep, credited_alone=False)
    return [(run[0].start, run[-1].end) for run in runs if run[-1].end <= start or run[0].start >= end]


def _joined(member: _Sentence, pieces: list[tuple[int, int]], own_spans: list[Span], sources: Sequence[Source]) -> Addition:
    """``member``'s addition: the ``pieces`` of its text joined by FRAGMENT_SEPARATOR, each a
    detail in full, except its own part (``member.own``), in which only ``own_spans`` are."""
    text, spans = "", []
    for start, end in pieces:
        if text:
            text += FRAGMENT_SEPARATOR
        shift = len(text) - start
        if (start, end) == member.own:
            spans += [Span(s.start + shift, s.end + shift) for s in own_spans]
        else:
            spans.append(Span(len(text), len(text) + end - start))
        text += member.text[start:end]
    return Addition(sources[member.ref.source].id, member.ref, text, tuple(spans))


def _unrelated(sources: Sequence[Source], segmented: list[list[list[_Sentence]]], carriers: dict[int, list[int]], weights: Weights) -> tuple[str, ...]:
    """Sources that share no sentence, few content words and few names with the others."""
    if len(sources) < 2:
        return ()
    flagged = []
    for index, paragraphs in enumerate(segmented):
        sentences = [s for p in paragraphs for s in p]
        if not sentences or any(len(carriers[s.group]) > 1 for s in sentences):
            continue
        mine = frozenset({index})
        lemmas = frozenset(w.lemma for s in sentences for w in s.facts.words)  # type: ignore[union-attr]
        names = frozenset(w.lemma for s in sentences for w in s.facts.words if w.name)  # type: ignore[union-attr]
        total = weights.weight(lemmas)
        shared = weights.weight(frozenset(lemma for lemma in lemmas if weights.told_by_others(lemma, mine)))
        named = sum(1 for name in names if weights.told_by_others(name, mine))
        if total and shared / total < UNRELATED_VOCABULARY and named < UNRELATED_NAMES * max(1, len(names)):
            flagged.append(sources[index].id)
    return tuple(flagged)


def _ledes(segmented: list[list[list[_Sentence]]]) -> list[str | None]:
    """Each source's first sentence of body text (None for a source without one)."""
    return [next((s.text for p in paragraphs for s in p if s.kind == "paragraph"), None) for paragraphs in segmented]
