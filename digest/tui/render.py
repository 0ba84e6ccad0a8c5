"""Story to Textual Content: what each paragraph looks like in the merged and single-source views.

Pure functions of the Story (no widgets), so that both views and the tests share them. Article
text only ever enters Content as plain text with spans; it is never parsed as markup. Every
colour cue has a second cue that survives NO_COLOR: a source's letter marker, and underline on
highlighted words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual.content import Content, Span

from digest.model import Source, SourceSentence, Story, source_marker
from digest.phrasing import plural
from digest.safe_text import clip

PALETTE = ("primary", "warning", "success", "error", "secondary-lighten-3", "accent-darken-3", "primary-lighten-3", "error-lighten-3")
"""Theme variables, so highlights follow the theme the user picks; beyond these the letter
markers tell sources apart."""

CURSOR_STYLE = "reverse"
SEARCH_STYLE = "bold on $foreground 30%"


def source_colour(index: int) -> str:
    """Source ``index``'s colour: a theme variable, so highlights follow the theme."""
    return f"${PALETTE[index % len(PALETTE)]}"


def detail_style(index: int) -> str:
    """A source's detail: in its colour, bold and underlined (for NO_COLOR).

    The colour is the text's, not a background tint: a 35% tint over the background collapses
    when a terminal has 256 colours (tmux's default; three of five outlets looked the same) or
    16 (all one grey), while the theme's colours themselves stay apart (tests/test_colours.py)."""
    return f"bold {source_colour(index)} underline"


def marker_style(index: int) -> str:
    """How a source's letter marker is drawn: bold, in its colour."""
    return f"bold {source_colour(index)}"


@dataclass(frozen=True)
class SentencePlace:
    """Where one sentence sits in a rendered paragraph, for cursors, jumps and search."""

    start: int
    end: int
    detail_of: tuple[int, ...]
    """Source indexes whose own detail this sentence is or shows: a sentence only that outlet
    carries, or new words in a shared one (empty: no detail)."""


@dataclass(frozen=True)
class RenderedParagraph:
    """A paragraph as drawn, with where each of its sentences lies (for cursor and jumps)."""

    content: Content
    sentences: tuple[SentencePlace, ...]
    heading: bool = False


class _Builder:
    """Text and style spans built piece by piece: untrusted text is only ever a plain string."""

    def __init__(self) -> None:
        self.text: list[str] = []
        self.length = 0
        self.spans: list[Span] = []

    def add(self, text: str, style: str | None = None) -> tuple[int, int]:
        """Append ``text`` (optionally styled); its [start, end) offsets."""
        start = self.length
        self.text.append(text)
        self.length += len(text)
        if style:
            self.spans.append(Span(start, self.length, style))
        return start, self.length

    def style(self, start: int, end: int, style: str) -> None:
        """Style a range already added."""
        self.spans.append(Span(start, end, style))

    def content(self) -> Content:
        """The built Content (never parsed as markup)."""
        return Content("".join(self.text), spans=list(self.spans))


def _markers(story: Story, builder: _Builder, source_ids: tuple[str, ...], dim: bool) -> None:
    """‹ACD›: the outlets that tell a sentence. Past 26 sources a marker can have two letters,
    so the letters are set apart (‹A·AB·C›) and never read as other markers."""
    separator = "·" if len(story.sources) > 26 else ""
    builder.add(" ")
    builder.add("‹", "dim")
    for position, source_id in enumerate(source_ids):
        if position and separator:
            builder.add(separator, "dim")
        index = story.source_index(source_id)
        builder.add(source_marker(index), "dim" if dim else marker_style(index))
    builder.add("›", "dim")


HOW = {
    "wording": "same wording",
    "information": "same information",
    "quotation": "same quotation",
    "clause": "same information, and a clause of its own",
}
"""How a folded wording matched, in words for the reader."""

ADDITION = {
    "wording": "the details its wording gives",
    "information": "the details its wording gives",
    "quotation": "its own framing of the quotation",
    "clause": "what it adds: its own clause",
}
"""What an outlet's addition is, by how its sentence matched, in words for the reader."""


NEW_MARK = "✚ "
"""Before a sentence that only articles new since the story was last read carry."""


def merged_paragraph(
    story: Story, block_index: int, cursor: int | None = None, wordings: bool = False, new_sources: frozenset[str] = frozenset()
) -> RenderedParagraph:
    """A block of the merged story: details highlighted in their source's colour, with markers.

    ``wordings``: also show, under each sentence, every other outlet's wording folded under it.
    ``new_sources``: ids of sources new since the story was last read; what only they tell is
    marked with NEW_MARK (a sign, not only a colour, so it survives NO_COLOR).
    """
    block = story.blocks[block_index]
    builder = _Builder()
    places: list[SentencePlace] = []
    for position, sentence in enumerate(block.sentences):
        if position:
            builder.add("\n" if wordings else " ")
        owner = sentence.origin.source  # new words are always the representative's own
        if new_sources and set(sentence.source_ids) <= new_sources:
            builder.add(NEW_MARK, "bold $success")
        start, end = builder.add(sentence.text, "bold" if block.kind == "heading" else None)
        for span in sentence.new_spans:
            builder.style(start + span.start, start + span.end, detail_style(owner))
        _markers(story, builder, sentence.source_ids, dim=not sentence.unique)
        for addition in sentence.additions:
            index = story.source_index(addition.source_id)
            builder.add(" (")
            builder.add(source_marker(index), marker_style(index))
            builder.add(": ")
            a_start, _ = builder.add(addition.text)
            for span in addition.new_spans:
                builder.style(a_start + span.start, a_start + span.end, detail_style(index))
            builder.add(")")
        if cursor == position:
            builder.style(start, end, CURSOR_STYLE)
        places.append(SentencePlace(start, end, (owner,) if sentence.new_spans or sentence.unique else ()))
        if wordings:
            for variant in sentence.variants:
                index = story.source_index(variant.source_id)
                builder.add("\n  ↳ ", "dim")
                builder.add(source_marker(index), marker_style(index))
                builder.add(f" {HOW[variant.how]}: ", "dim italic")
                builder.add(variant.text, "dim")
    return RenderedParagraph(builder.content(), tuple(places), block.kind == "heading")


def source_paragraph(story: Story, source_index: int, paragraph_index: int, cursor: int | None = None) -> RenderedParagraph:
    """A paragraph as its outlet published it: shared text dimmed, its own words highlighted."""
    source: Source = story.sources[source_index]
    heading = source.paragraphs[paragraph_index].kind == "heading"
    builder = _Builder()
    places: list[SentencePlace] = []
    sentences: tuple[SourceSentence, ...] = story.source_sentences[source_index][paragraph_index]
    for position, sentence in enumerate(sentences):
        if position:
            builder.add(" ")
        shared = not story.merged(sentence).unique
        base = "dim" if shared and not sentence.new_spans else None  # other outlets tell all of it too
        if heading:
            base = f"bold {base or ''}".strip()
        start, end = builder.add(sentence.text, base)
        for span in sentence.new_spans:
            builder.style(start + span.start, start + span.end, detail_style(source_index))
        if cursor == position:
            builder.style(start, end, CURSOR_STYLE)
        places.append(SentencePlace(start, end, (source_index,) if sentence.new_spans or not shared else ()))
    return RenderedParagraph(builder.content(), tuple(places), heading)


def with_search(paragraph: RenderedParagraph, pattern: re.Pattern[str] | None) -> Content:
    """The paragraph with search hits layered on top (Content is immutable: a new one)."""
    if pattern is None:
        return paragraph.content
    return paragraph.content.highlight_regex(pattern, style=SEARCH_STYLE)


def header_text(story: Story) -> Content:
    """The header: the clipped title and the one-line summary of what the merge saved."""
    stats = story.stats
    summary = (
        f"{plural(stats.sources, 'source')} · {stats.sentences_in} sentences in, "
        f"{stats.sentences_out} out · {stats.duplicate_share:.0%} duplicate"
    )
    return Content.assemble((clip(story.title), "bold"), "\n", (summary, "dim"))


def source_option(story: Story, index: int, details: int) -> Content:
    """A source panel row: marker, label and detail count; below, its date when known and its
    title (or file name), as wide as the panel lets it be (the panel clips with an ellipsis);
    a warning mark when it shares nothing with the other sources."""
    source = story.sources[index]
    title = source.title or source.origin.rstrip("/").rsplit("/", 1)[-1]
    dated = f"{source.date} · {title}" if source.date else title
    return Content.assemble(
        (f" {source_marker(index)} ", f"reverse {marker_style(index)}"),
        " ",
        (source.label, "bold"),
        (f" · {details} unique", "dim"),
        "\n",
        (f"    {clip(dated)}", "dim italic"),
        ("\n    ⚠ shares nothing: another story?" if source.id in story.unrelated else "", "bold"),
    )
