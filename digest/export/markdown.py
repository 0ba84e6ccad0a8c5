"""The merged story as CommonMark that reads well rendered and as plain text.

Attribution stays out of the way: each sentence ends with a small marker naming the sources
that carry it (⟨A·C⟩); a detail only one source reports is set in bold and marked ⟨only B⟩.
Article text is escaped, so nothing an outlet wrote can turn into Markdown markup.
"""

from __future__ import annotations

from collections.abc import Sequence

import re

from digest.model import MergedSentence, Span, Story, source_marker
from digest.phrasing import plural
from digest.safe_text import clip


_INLINE_SPECIAL = re.compile(r"([\\`*_\[\]<>|~])")
_ENTITY = re.compile(r"&(?=#?\w+;)")
_ORDERED_ITEM = re.compile(r"^(\d+)([.)])")


def escape(text: str) -> str:
    """Backslash-escape what CommonMark would read as markup, and nothing else.

    Text here is always one line (paragraphs never contain line breaks), so only its start can
    open a block: a heading, quote, list item or setext underline.
    """
    return _line_start(_inline(text))


def _inline(text: str) -> str:
    """``text`` with what CommonMark reads as markup anywhere in a line escaped."""
    return _ENTITY.sub(r"\\&", _INLINE_SPECIAL.sub(r"\\\1", text))


def _line_start(text: str) -> str:
    """``text`` (already escaped inline) with what would open a block at its start escaped."""
    if text[:1] in ("#", ">", "+", "=", "-"):
        return "\\" + text
    return _ORDERED_ITEM.sub(r"\1\\\2", text)


def _with_bold(text: str, spans: tuple[Span, ...]) -> str:
    """Escaped text with the given spans in bold. Only the start of the whole text can open a
    block: the text after a bold span ("**17**-year-old") is escaped as the inside of a line."""
    parts, cursor = [], 0
    for span in spans:
        parts.append(_inline(text[cursor : span.start]))
        parts.append(f"**{_inline(text[span.start : span.end])}**")
        cursor = span.end
    parts.append(_inline(text[cursor:]))
    return _line_start("".join(parts))


def _sentence(story: Story, sentence: MergedSentence) -> str:
    markers = [story.marker(i) for i in sentence.source_ids]
    body = _with_bold(sentence.text, sentence.new_spans)
    if sentence.unique:
        out = f"{body} ⟨only {markers[0]}⟩"
    elif sentence.new_spans:
        out = f"{body} ⟨{'·'.join(markers)}, bold: only {source_marker(sentence.origin.source)}⟩"
    else:
        out = f"{body} ⟨{'·'.join(markers)}⟩"
    for addition in sentence.additions:
        out += f" ({story.marker(addition.source_id)}: {_with_bold(addition.text, addition.new_spans)})"
    return out


def _summary(story: Story) -> str:
    stats = story.stats
    return (
        f"Merged from {plural(stats.sources, 'source')}: "
        f"{stats.sentences_in} sentences in, {stats.sentences_out} out; "
        f"{stats.duplicate_share:.0%} of the text was duplicate."
    )


def _origin(origin: str) -> str:
    if origin.startswith(("http://", "https://")) and not re.search(r"[\s<>]", origin):
        return f"<{origin}>"
    return "`" + origin.replace("`", "'") + "`"


def render_markdown(story: Story, depth: int = 1) -> str:
    """The story as Markdown; ``depth`` is the level of its title's heading (2 inside a digest)."""
    h = "#" * depth
    out = [f"{h} {escape(clip(story.title))}", "", f"*{_summary(story)}*", "", f"{h}# Sources", ""]
    for source, details in zip(story.sources, story.unique_counts()):
        title = f" — *{escape(source.title)}*" if source.title else ""
        unrelated = " — **shares nothing with the other sources: probably another story**" if source.id in story.unrelated else ""
        out.append(f"- **{story.marker(source.id)}** {escape(source.label)}{title} — {_origin(source.origin)} ({plural(details, 'unique detail')}){unrelated}")
    out += [
        "",
        "Each piece of information is shown once. Markers such as ⟨A·C⟩ name every source that "
        "reports it, in these words or others; ⟨only B⟩ credits a sentence only source B carries. "
        "**Bold** words are details no other source states anywhere in the story. "
        "(B: …) is what source B adds to the sentence just before it: its framing of a quotation, "
        "the details its wording gives, or a clause of its own.",
        "",
        f"{h}# Story",
        "",
    ]
    for block in story.blocks:
        if block.kind == "heading":
            out.append(f"{h}## " + " ".join(escape(s.text) + f" ⟨{'·'.join(story.marker(i) for i in s.source_ids)}⟩" for s in block.sentences))
        else:
            out.append(" ".join(_sentence(story, s) for s in block.sentences))
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


def render_digest_markdown(stories: Sequence[Story]) -> str:
    """Several stories: a list of their headlines, then one section per story."""
    if len(stories) == 1:
        return render_markdown(stories[0])
    out = [f"# Digest: {len(stories)} stories", ""]
    for number, story in enumerate(stories, 1):
        out.append(f"{number}. {escape(clip(story.title))} ({plural(story.stats.sources, 'source')})")
    sections = [render_markdown(story, depth=2) for story in stories]
    return "\n".join(out) + "\n\n" + "\n".join(sections)
