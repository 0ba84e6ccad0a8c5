"""The story list (``digest stories``) as plain text or JSON.

JSON::

    {"schema": "digest.stories", "version": 1,
     "stories": [{"title": str, "outlets": int, "first": str | null, "last": str | null,
                  "sources": [{"origin", "label": str, "title", "date": str | null}]}]}

``first`` and ``last`` are the earliest and latest publication dates of the story's articles
(ISO 8601, as the articles give them), null when none says.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from digest.model import StoryOutline
from digest.phrasing import plural
from digest.safe_text import clip, one_line

SCHEMA_NAME = "digest.stories"
SCHEMA_VERSION = 1


def outline_to_dict(outline: StoryOutline) -> dict:
    return {
        "title": outline.title,
        "outlets": len(outline.sources),
        "first": outline.first,
        "last": outline.last,
        "sources": [{"origin": s.origin, "label": s.label, "title": s.title, "date": s.date} for s in outline.sources],
    }


def time_span(outline: StoryOutline) -> str:
    """"2026-11-20", "2026-11-20 – 2026-11-21", or "" when no article gives a date."""
    if not outline.first or not outline.last:
        return ""
    first, last = outline.first[:10], outline.last[:10]
    return first if first == last else f"{first} – {last}"


def render_outlines(outlines: Sequence[StoryOutline], fmt: str) -> str:
    if fmt == "json":
        document = {"schema": SCHEMA_NAME, "version": SCHEMA_VERSION, "stories": [outline_to_dict(o) for o in outlines]}
        return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    lines = []
    for number, outline in enumerate(outlines, 1):
        count = len(outline.sources)
        span = time_span(outline)
        lines.append(f"{number}. {one_line(clip(outline.title))} ({plural(count, 'source')}{', ' + span if span else ''})")
        for source in outline.sources:
            lines.append(f"   - {source.label}: {source.origin}")
    return "\n".join(lines) + "\n"
