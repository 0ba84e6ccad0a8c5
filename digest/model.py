"""The data every stage passes on: ingest -> engine -> story -> reader/exports.

Frozen dataclasses only, and no imports from the rest of the project, so that any stage can
depend on this module without depending on another stage.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal

ParagraphKind = Literal["paragraph", "heading"]


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One reading unit of a cleaned article: a paragraph of body text or a heading inside it."""

    text: str
    kind: ParagraphKind = "paragraph"


@dataclass(frozen=True, slots=True)
class RemovedLine:
    """A line the cleaner dropped, kept so that nothing disappears silently."""

    text: str
    reason: str
    """A short, human-readable reason such as "photo credit" or "app prompt"."""
    rule: str
    """The identifier of the rule that fired (see digest.ingest.boilerplate)."""
    position: int
    """Index of the line in the extracted text, counted from 0, before cleaning."""


@dataclass(frozen=True, slots=True)
class Source:
    """One outlet's article, loaded and cleaned."""

    id: str
    """Stable id derived from the origin and content; unique within one run."""
    label: str
    """Short display name that tells the sources of one story apart."""
    origin: str
    """The path or URL it was loaded from."""
    format: Literal["text", "markdown", "html"]
    paragraphs: tuple[Paragraph, ...]
    removed: tuple[RemovedLine, ...] = ()
    title: str | None = None
    date: str | None = None
    author: str | None = None
    site: str | None = None
    note: str | None = None
    """What the reader should know about where the text comes from ("the page could not be
    fetched; this is the feed's own text")."""


@dataclass(frozen=True, slots=True)
class LoadProblem:
    """Why one source could not be used; reported in one line, never as a traceback."""

    origin: str
    message: str

    def __str__(self) -> str:
        return f"{self.origin}: {self.message}"


# --- the merged story -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range [start, end) inside one sentence's text."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class SentenceRef:
    """Where a sentence sits in its source: indexes into Source.paragraphs and their sentences."""

    source: int
    paragraph: int
    sentence: int


MatchKind = Literal["wording", "information", "quotation", "clause"]
"""How a folded sentence matched the one shown for it: the same wording (MinHash level), the
same information in other words, the same quotation inside the outlet's own framing, or the
same information once a part of its own is set aside (``clause``: a trailing or opening clause,
or a description after its subject; engine/clauses.py)."""


@dataclass(frozen=True, slots=True)
class Variant:
    """One source's sentence folded under a merged sentence, with how and how well it matched."""

    source_id: str
    ref: SentenceRef
    text: str
    how: MatchKind
    resemblance: float
    """Jaccard similarity of the two word-trigram sets, exact (not estimated)."""
    containment: float
    """Share of the smaller sentence's word trigrams found in the larger one."""
    cosine: float
    """IDF-weighted cosine of the two sentences' content lemmas (the information level)."""


@dataclass(frozen=True, slots=True)
class Addition:
    """An outlet's own words attached to a merged sentence it shares: the framing around a
    quotation that the merged sentence already shows ("…,” the minister told reporters), or the
    details its own wording gives beyond the merged sentence ("drone strike · Jerusalem")."""

    source_id: str
    ref: SentenceRef
    text: str
    """The outlet's sentence with the shared quotation replaced by an ellipsis, or the fragments
    of it that are details, joined by " · "."""
    new_spans: tuple[Span, ...] = ()


@dataclass(frozen=True, slots=True)
class MergedSentence:
    """One piece of information of the merged story, shown once in its most complete wording."""

    text: str
    """The representative wording."""
    origin: SentenceRef
    """Where the representative wording comes from."""
    source_ids: tuple[str, ...]
    """Every source that carries this information (its wording, another wording of it, or its
    quotation), in source order."""
    variants: tuple[Variant, ...] = ()
    """Every other source sentence folded under this one (not the representative)."""
    new_spans: tuple[Span, ...] = ()
    """Words of ``text`` that no other outlet states anywhere in the story (its outlet's details)."""
    additions: tuple[Addition, ...] = ()
    """Other outlets' own framing of what this sentence quotes."""

    @property
    def unique(self) -> bool:
        """True when only one source carries this sentence: that source's detail."""
        return len(self.source_ids) == 1


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph or heading of the merged story."""

    kind: ParagraphKind
    sentences: tuple[MergedSentence, ...]

    @property
    def text(self) -> str:
        return " ".join(s.text for s in self.sentences)


@dataclass(frozen=True, slots=True)
class SourceSentence:
    """A sentence as its own source published it, and where it went in the merged story."""

    text: str
    block: int
    """Index of the merged Block that represents it."""
    index: int
    """Index of the MergedSentence inside that block; its source_ids say who else carries it."""
    new_spans: tuple[Span, ...]
    """Words of this sentence that no other source states anywhere in the story."""
    how: MatchKind | Literal["shown"] = "shown"
    """"shown": it is the merged sentence's own wording; otherwise how it was folded under it."""


@dataclass(frozen=True, slots=True)
class StoryStats:
    """The one-line summary: how much the merge saved."""

    sources: int
    sentences_in: int
    sentences_out: int
    chars_in: int
    chars_out: int

    @property
    def duplicate_share(self) -> float:
        """Share of the input text that the merged story does not need to repeat."""
        if self.chars_in == 0:
            return 0.0
        return max(0.0, 1.0 - self.chars_out / self.chars_in)


@dataclass(frozen=True)
class Story:
    """The merged, attributed story that the reader and the exporters show."""

    title: str
    sources: tuple[Source, ...]
    blocks: tuple[Block, ...]
    source_sentences: tuple[tuple[tuple[SourceSentence, ...], ...], ...]
    """For each source, for each of its paragraphs, its sentences in published order."""
    stats: StoryStats
    parameters: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
    """The similarity thresholds the story was built with, for the JSON export."""
    unrelated: tuple[str, ...] = ()
    """Ids of sources that share nothing with the others: probably another story."""

    @cached_property
    def _index_of(self) -> dict[str, int]:
        return {source.id: i for i, source in enumerate(self.sources)}

    def source_index(self, source_id: str) -> int:
        return self._index_of[source_id]

    def unique_counts(self) -> list[int]:
        """Each source's details: the sentences of the merged story it alone carries, the shared
        sentences shown in its wording with words no other outlet states, and its additions to
        the others that state something no other outlet does (a clause of its own, a name, a
        figure)."""
        counts = [0] * len(self.sources)
        for block in self.blocks:
            for sentence in block.sentences:
                if sentence.unique or sentence.new_spans:
                    counts[sentence.origin.source] += 1
                for addition in sentence.additions:
                    if addition.new_spans:
                        counts[self.source_index(addition.source_id)] += 1
        return counts

    def merged(self, sentence: SourceSentence) -> MergedSentence:
        """The merged sentence that represents one source's sentence."""
        return self.blocks[sentence.block].sentences[sentence.index]

    def marker(self, source_id: str) -> str:
        """The source's letter (A, B, ... Z, AA, AB, ...): the cue that works without colour."""
        return source_marker(self.source_index(source_id))


def source_marker(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class StoryOutline:
    """One story of a digest as the story list shows it: no merge needed."""

    title: str
    sources: tuple[Source, ...]
    first: str | None = None
    """The earliest publication date of its articles (ISO), when any is known."""
    last: str | None = None
    """The latest publication date of its articles (ISO), when any is known."""
