"""Cleaned sources to one merged, ordered, attributed Story.

Order follows the sources' own: the backbone is the source that shares most of its sentences
with the others; every other source's material is inserted next to its nearest neighbour that
is already in the story (after the sentence that precedes it in that source, or before the one
that follows it). Each near-duplicate group is shown once, in its most complete wording.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from digest.engine.details import new_word_spans, sharing_sources, shingle_owners
from digest.engine.normalize import STOPWORDS, Token, quoted_words, tokenize, words
from digest.engine.segment import sentence_spans
from digest.timing import StageTimer, no_timing
from digest.engine.similarity import DEFAULT_PARAMS, Fingerprint, SimilarityParams, fingerprint, group_near_duplicates, score
from digest.model import (
    Block,
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


@dataclass
class _Sentence:
    ref: SentenceRef
    text: str
    tokens: list[Token]
    print: Fingerprint
    kind: ParagraphKind = "paragraph"
    group: int = -1
    new_spans: tuple[Span, ...] = ()
    partners: frozenset[int] = frozenset()


@dataclass
class _Node:
    """A block being built; blocks inserted before or after it hang off it until the end."""

    kind: ParagraphKind
    groups: list[int] = field(default_factory=list)
    before: list["_Node"] = field(default_factory=list)
    after: list["_Node"] = field(default_factory=list)

    def walk(self):
        for node in self.before:
            yield from node.walk()
        yield self
        for node in self.after:
            yield from node.walk()


def segment_sources(sources: Sequence[Source]) -> list[list[list[_Sentence]]]:
    """Every source's paragraphs as sentences (a heading is one sentence)."""
    result = []
    for s_index, source in enumerate(sources):
        paragraphs = []
        for p_index, paragraph in enumerate(source.paragraphs):
            spans = [(0, len(paragraph.text))] if paragraph.kind == "heading" else sentence_spans(paragraph.text)
            sentences = []
            for k, (a, b) in enumerate(spans):
                text = paragraph.text[a:b]
                tokens = tokenize(text)
                sentences.append(
                    _Sentence(SentenceRef(s_index, p_index, k), text, tokens, fingerprint([t.norm for t in tokens], quoted_words(text)), paragraph.kind)
                )
            paragraphs.append(sentences)
        result.append(paragraphs)
    return result


def build_story(sources: Sequence[Source], params: SimilarityParams = DEFAULT_PARAMS, stage: StageTimer = no_timing) -> Story:
    """Merge ``sources`` into one Story; deterministic for the same inputs.

    ``stage`` lets a benchmark time the steps (segment, signatures, candidates, verify, merge).
    """
    with stage("segment"):
        segmented = segment_sources(sources)
        flat = [s for paragraphs in segmented for sentences in paragraphs for s in sentences]
    for sentence, group in zip(flat, group_near_duplicates([s.print for s in flat], params, stage)):
        sentence.group = group
    with stage("merge"):
        return _assemble(sources, segmented, flat, params)


def _assemble(sources: Sequence[Source], segmented: list[list[list[_Sentence]]], flat: list[_Sentence], params: SimilarityParams) -> Story:
    members: dict[int, list[_Sentence]] = {}
    for sentence in flat:
        members.setdefault(sentence.group, []).append(sentence)
    group_sources = {g: sorted({m.ref.source for m in ms}) for g, ms in members.items()}
    representative = {g: _most_complete(ms) for g, ms in members.items()}
    _mark_details(flat, representative.values())

    nodes = _order(segmented, group_sources)
    blocks: list[Block] = []
    placed: dict[int, tuple[int, int]] = {}
    for node in nodes:
        merged = []
        for group in node.groups:
            placed[group] = (len(blocks), len(merged))
            merged.append(_merged_sentence(members[group], representative[group], group_sources[group], sources))
        blocks.append(Block(node.kind, tuple(merged)))

    source_sentences = tuple(
        tuple(
            tuple(
                SourceSentence(
                    text=s.text,
                    block=placed[s.group][0],
                    index=placed[s.group][1],
                    new_spans=s.new_spans,
                )
                for s in sentences
            )
            for sentences in paragraphs
        )
        for paragraphs in segmented
    )
    chars_in = sum(len(s.text) for s in flat)
    chars_out = sum(len(m.text) for b in blocks for m in b.sentences)
    stats = StoryStats(len(sources), len(flat), sum(len(b.sentences) for b in blocks), chars_in, chars_out)
    return Story(
        title=choose_title(sources, segmented),
        sources=tuple(sources),
        blocks=tuple(blocks),
        source_sentences=source_sentences,
        stats=stats,
        parameters=params.as_dict(),
    )


def _mark_details(flat: list[_Sentence], representatives: Iterable[_Sentence]) -> None:
    owners = shingle_owners([(s.ref.source, s.tokens) for s in flat])
    for sentence in flat:
        sentence.new_spans = new_word_spans(sentence.ref.source, sentence.tokens, owners)
    for sentence in representatives:
        sentence.partners = frozenset(sharing_sources(sentence.ref.source, sentence.tokens, owners))


def _most_complete(members: list[_Sentence]) -> _Sentence:
    """The wording with the most words; the earliest source wins a tie."""
    return max(members, key=lambda m: (len(m.print.words), -m.ref.source, -m.ref.paragraph, -m.ref.sentence))


def _merged_sentence(members: list[_Sentence], rep: _Sentence, carriers: list[int], sources: Sequence[Source]) -> MergedSentence:
    variants = tuple(
        Variant(sources[m.ref.source].id, m.ref, m.text, round(sc.resemblance, 4), round(sc.containment, 4))
        for m in members
        if m is not rep
        for sc in [score(rep.print, m.print)]
    )
    partly = sorted(rep.partners - set(carriers))
    return MergedSentence(
        text=rep.text,
        origin=rep.ref,
        source_ids=tuple(sources[i].id for i in carriers),
        variants=variants,
        new_spans=rep.new_spans,
        partly_shared_with=tuple(sources[i].id for i in partly),
    )


def source_order(segmented: list[list[list[_Sentence]]], group_sources: dict[int, list[int]]) -> list[int]:
    """Sources in merge order. First the backbone: most sentences that other sources also carry,
    then the longest, then the first given; the rest by shared sentences, then as given."""
    shared = [sum(1 for p in paragraphs for s in p if len(group_sources[s.group]) > 1) for paragraphs in segmented]
    sizes = [sum(len(p) for p in paragraphs) for paragraphs in segmented]
    backbone = max(range(len(segmented)), key=lambda i: (shared[i], sizes[i], -i))
    return [backbone] + sorted((i for i in range(len(segmented)) if i != backbone), key=lambda i: (-shared[i], i))


def _order(segmented: list[list[list[_Sentence]]], group_sources: dict[int, list[int]]) -> list[_Node]:
    if not segmented:
        return []
    order = source_order(segmented, group_sources)
    backbone = order[0]
    roots: list[_Node] = []
    home: dict[int, _Node] = {}
    for source in order:
        pending_before: list[_Node] = []
        own: set[int] = set()  # ids of the nodes this source added: they anchor nothing before it
        last: _Node | None = None
        for paragraph in segmented[source]:
            if not paragraph:
                continue
            kind = paragraph[0].kind
            current: _Node | None = None
            for sentence in paragraph:
                if sentence.group in home:
                    last = home[sentence.group]
                    current = None
                    if pending_before and id(last) not in own:
                        last.before.extend(pending_before)
                        pending_before = []
                    continue
                if current is None:
                    current = _Node(kind)
                    own.add(id(current))
                    if source == backbone:
                        roots.append(current)
                    elif last is not None:
                        last.after.append(current)
                    else:
                        pending_before.append(current)
                current.groups.append(sentence.group)
                home[sentence.group] = current
                last = current
        roots.extend(pending_before)
    return [node for root in roots for node in root.walk() if node.groups]


def choose_title(sources: Sequence[Source], segmented: list[list[list[_Sentence]]]) -> str:
    """The most representative headline: the one whose words the other headlines use most,
    then the one whose words most sources carry; without headlines, the first sentence."""
    titles = [(i, s.title) for i, s in enumerate(sources) if s.title]
    if titles:
        content = {i: {w for w in words(title) if w not in STOPWORDS} for i, title in titles}
        in_titles = Counter(w for ws in content.values() for w in ws)
        in_sources = Counter(w for paragraphs in segmented for w in {t.norm for p in paragraphs for s in p for t in s.tokens})

        def representativeness(item: tuple[int, str]) -> tuple[float, float, int]:
            mine = content[item[0]]
            if not mine:
                return 0.0, 0.0, -item[0]
            closeness = sum(in_titles[w] - 1 for w in mine) / len(mine)
            carried = sum(in_sources[w] for w in mine) / len(mine)
            return round(closeness, 6), round(carried, 6), -item[0]

        return max(titles, key=representativeness)[1]
    for paragraphs in segmented:
        for paragraph in paragraphs:
            for sentence in paragraph:
                return sentence.text
    return "Untitled story"
