"""The whole Story as JSON, for other tools. The schema is versioned; see SCHEMA below.

SCHEMA (version 3)::

    {
      "schema": "digest.story", "version": 3,
      "title": str,
      "stats": {"sources", "sentences_in", "sentences_out", "chars_in", "chars_out": int,
                "duplicate_share": float},
      "parameters": {name: number},          # similarity thresholds used
      "unrelated": [source id],              # sources that share nothing with the others
      "sources": [{"id", "label", "marker", "origin", "format": str,
                   "title", "date", "author", "site": str | null,
                   "note": str | null,       # e.g. the page failed: this is the feed's own text
                   "paragraphs": [{"kind": "paragraph" | "heading", "text": str}],
                   "removed": [{"text", "reason", "rule": str, "position": int}],
                   "sentences": [[{"text": str, "block": int, "index": int,
                                   "how": "shown" | "wording" | "information" | "quotation" | "clause",
                                   "new_spans": [[start, end]]}]]}],
      "blocks": [{"kind": "paragraph" | "heading",
                  "sentences": [{"text": str, "sources": [source id], "unique": bool,
                                 "origin": {"source": int, "paragraph": int, "sentence": int},
                                 "new_spans": [[start, end]],
                                 "variants": [{"source": source id, "text": str,
                                               "origin": {...},
                                               "how": "wording" | "information" | "quotation" | "clause",
                                               "resemblance": float, "containment": float,
                                               "cosine": float}],
                                 "additions": [{"source": source id, "text": str,
                                                "origin": {...}, "new_spans": [[start, end]]}]}]}]
    }

Each merged sentence is one piece of information: ``sources`` lists every outlet that carries
it, in its own wording or another; each folded sentence is a variant that says how it matched
(the same wording, the same information in other words, the same quotation, or ``clause``: the
same information once a part of its own, a clause or a description, is set aside) with its scores against the shown text: ``resemblance`` and ``containment`` of word trigrams, ``cosine`` of
IDF-weighted content lemmas. An addition is another outlet's own words attached to the
sentence: its framing of a quotation the sentence shows, with the quotation replaced by “…”, or
the details its own wording (same wording or same information) gives beyond the shown one, as
fragments of its text joined by " · ", followed, for a ``clause`` variant, by its own part
word for word.

Offsets in ``new_spans`` are character offsets into the sentence's ``text`` (end exclusive): the
words no other outlet states anywhere in the story. ``sources[i].sentences[p][k]`` is sentence k of
paragraph p of that source; ``block`` and ``index`` say which merged sentence represents it.

Several stories (``digest export`` of a digest) come as one document of schema
``digest.digest`` version 1: ``{"schema": "digest.digest", "version": 1, "stories": [story, ...]}``,
each story a ``digest.story`` document as above; a single story is written as that story alone.

The text is indented two spaces down to ``COMPACT_DEPTH``: from there each value (a paragraph, a
removed line, a paragraph's sentences, a merged sentence with its variants) is one line.

Version 3 (from 2): ``how`` may be ``clause``: a sentence whose head tells what the shown one
tells, and whose part of its own (a trailing clause, "..., and to hundreds more years on 50
charges", an opening clause or a description after its subject) is its addition, word for word; the scores of a ``clause`` variant are those of its whole text.

Version 2 (from 1): variants gained ``how`` and ``cosine``; sentences gained ``additions``; source
sentences gained ``how``; ``partly_shared_with`` is gone; ``unrelated`` is new.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import asdict
from types import GeneratorType

from digest.model import Addition, MergedSentence, SentenceRef, Source, SourceSentence, Span, Story, Variant

SCHEMA_NAME = "digest.story"
SCHEMA_VERSION = 3
DIGEST_SCHEMA_NAME = "digest.digest"
DIGEST_SCHEMA_VERSION = 1


def _spans(spans: tuple[Span, ...]) -> list[list[int]]:
    return [[s.start, s.end] for s in spans]


def _ref(ref: SentenceRef) -> dict[str, int]:
    return asdict(ref)


def _source(story: Story, index: int, source: Source) -> dict:
    return {
        "id": source.id,
        "label": source.label,
        "marker": story.marker(source.id),
        "origin": source.origin,
        "format": source.format,
        "title": source.title,
        "date": source.date,
        "author": source.author,
        "site": source.site,
        "note": source.note,
        "paragraphs": [{"kind": p.kind, "text": p.text} for p in source.paragraphs],
        "removed": [asdict(r) for r in source.removed],
        "sentences": [[_source_sentence(s) for s in paragraph] for paragraph in story.source_sentences[index]],
    }


def _source_sentence(sentence: SourceSentence) -> dict:
    return {
        "text": sentence.text,
        "block": sentence.block,
        "index": sentence.index,
        "how": sentence.how,
        "new_spans": _spans(sentence.new_spans),
    }


def _variant(variant: Variant) -> dict:
    return {
        "source": variant.source_id,
        "text": variant.text,
        "origin": _ref(variant.ref),
        "how": variant.how,
        "resemblance": variant.resemblance,
        "containment": variant.containment,
        "cosine": variant.cosine,
    }


def _addition(addition: Addition) -> dict:
    return {"source": addition.source_id, "text": addition.text, "origin": _ref(addition.ref), "new_spans": _spans(addition.new_spans)}


def _merged(sentence: MergedSentence) -> dict:
    return {
        "text": sentence.text,
        "sources": list(sentence.source_ids),
        "unique": sentence.unique,
        "origin": _ref(sentence.origin),
        "new_spans": _spans(sentence.new_spans),
        "variants": [_variant(v) for v in sentence.variants],
        "additions": [_addition(a) for a in sentence.additions],
    }


def _story_document(story: Story) -> dict:
    """The story as JSON values; its sources and blocks are generators, made one at a time
    while they are written (a day's digest is hundreds of megabytes of JSON)."""
    stats = story.stats
    return {
        "schema": SCHEMA_NAME,
        "version": SCHEMA_VERSION,
        "title": story.title,
        "stats": {
            "sources": stats.sources,
            "sentences_in": stats.sentences_in,
            "sentences_out": stats.sentences_out,
            "chars_in": stats.chars_in,
            "chars_out": stats.chars_out,
            "duplicate_share": round(stats.duplicate_share, 4),
        },
        "parameters": dict(sorted(story.parameters.items())),
        "unrelated": list(story.unrelated),
        "sources": (_source(story, i, s) for i, s in enumerate(story.sources)),
        "blocks": ({"kind": b.kind, "sentences": [_merged(s) for s in b.sentences]} for b in story.blocks),
    }


_COMPACT = json.JSONEncoder(ensure_ascii=False)
"""One line per value, by the json module's C encoder (``indent`` would make it use the pure
Python one: four times slower, and it holds the whole text)."""

COMPACT_DEPTH = 4
"""Values this deep in a story document are written on one line each: a paragraph, a removed
line, a paragraph's sentences, a merged sentence with its variants. Above it, one item per line."""


def _pieces(value: object, depth: int, compact_at: int) -> Iterator[str]:
    """``value`` as JSON text in pieces, indented two spaces per level down to ``compact_at``.
    A generator stands for a list (it must not lie that deep)."""
    is_list = isinstance(value, (list, GeneratorType))
    if depth >= compact_at or not (is_list or isinstance(value, dict)):
        yield _COMPACT.encode(value)
        return
    opening, closing = ("[", "]") if is_list else ("{", "}")
    inner = "\n" + "  " * (depth + 1)
    empty = True
    for item in value if is_list else value.items():  # type: ignore[union-attr]
        yield (opening if empty else ",") + inner
        empty = False
        if not is_list:
            key, item = item
            yield _COMPACT.encode(key) + ": "
        yield from _pieces(item, depth + 1, compact_at)
    yield opening + closing if empty else "\n" + "  " * depth + closing


def json_pieces(stories: Sequence[Story]) -> Iterator[str]:
    """One story as its own document; several inside a ``digest.digest`` document. In pieces,
    for writing as they come."""
    if len(stories) == 1:
        yield from _pieces(_story_document(stories[0]), 0, COMPACT_DEPTH)
    else:
        document = {"schema": DIGEST_SCHEMA_NAME, "version": DIGEST_SCHEMA_VERSION, "stories": (_story_document(s) for s in stories)}
        yield from _pieces(document, 0, COMPACT_DEPTH + 2)
    yield "\n"


def render_json(story: Story) -> str:
    return "".join(json_pieces([story]))
