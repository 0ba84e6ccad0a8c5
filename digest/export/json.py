"""The whole Story as JSON, for other tools. The schema is versioned; see SCHEMA below.

SCHEMA (version 1)::

    {
      "schema": "digest.story", "version": 1,
      "title": str,
      "stats": {"sources", "sentences_in", "sentences_out", "chars_in", "chars_out": int,
                "duplicate_share": float},
      "parameters": {name: number},          # similarity thresholds used
      "sources": [{"id", "label", "marker", "origin", "format": str,
                   "title", "date", "author", "site": str | null,
                   "paragraphs": [{"kind": "paragraph" | "heading", "text": str}],
                   "removed": [{"text", "reason", "rule": str, "position": int}],
                   "sentences": [[{"text": str, "block": int, "index": int,
                                   "new_spans": [[start, end]]}]]}],
      "blocks": [{"kind": "paragraph" | "heading",
                  "sentences": [{"text": str, "sources": [source id], "unique": bool,
                                 "origin": {"source": int, "paragraph": int, "sentence": int},
                                 "new_spans": [[start, end]], "partly_shared_with": [source id],
                                 "variants": [{"source": source id, "text": str,
                                               "origin": {...}, "resemblance": float,
                                               "containment": float}]}]}]
    }

Offsets in ``new_spans`` are character offsets into the sentence's ``text`` (end exclusive).
``sources[i].sentences[p][k]`` is sentence k of paragraph p of that source; ``block`` and
``index`` say which merged sentence represents it (whose ``sources`` are all its carriers).
"""

from __future__ import annotations

import json
from dataclasses import asdict

from digest.model import MergedSentence, SentenceRef, Source, SourceSentence, Span, Story

SCHEMA_NAME = "digest.story"
SCHEMA_VERSION = 1


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
        "paragraphs": [{"kind": p.kind, "text": p.text} for p in source.paragraphs],
        "removed": [asdict(r) for r in source.removed],
        "sentences": [[_source_sentence(s) for s in paragraph] for paragraph in story.source_sentences[index]],
    }


def _source_sentence(sentence: SourceSentence) -> dict:
    return {
        "text": sentence.text,
        "block": sentence.block,
        "index": sentence.index,
        "new_spans": _spans(sentence.new_spans),
    }


def _merged(sentence: MergedSentence) -> dict:
    return {
        "text": sentence.text,
        "sources": list(sentence.source_ids),
        "unique": sentence.unique,
        "origin": _ref(sentence.origin),
        "new_spans": _spans(sentence.new_spans),
        "partly_shared_with": list(sentence.partly_shared_with),
        "variants": [
            {"source": v.source_id, "text": v.text, "origin": _ref(v.ref), "resemblance": v.resemblance, "containment": v.containment}
            for v in sentence.variants
        ],
    }


def story_to_dict(story: Story) -> dict:
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
        "sources": [_source(story, i, s) for i, s in enumerate(story.sources)],
        "blocks": [{"kind": b.kind, "sentences": [_merged(s) for s in b.sentences]} for b in story.blocks],
    }


def render_json(story: Story) -> str:
    return json.dumps(story_to_dict(story), ensure_ascii=False, indent=2) + "\n"
