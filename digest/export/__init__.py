"""Exports: read Stories, never rebuild them."""

from collections.abc import Iterator, Sequence

from digest.export.json import json_pieces, render_json
from digest.export.markdown import render_digest_markdown, render_markdown
from digest.model import Story


def pieces(stories: Sequence[Story], fmt: str) -> Iterator[str]:
    """One story, or a digest of several, in ``fmt`` ("markdown" or "json"), as pieces of text
    to write as they come: a day's digest as JSON is hundreds of megabytes, never held whole."""
    if fmt == "json":
        return json_pieces(stories)
    return iter((render_digest_markdown(stories),))


def render(stories: Sequence[Story], fmt: str) -> str:
    """The whole text of ``pieces``."""
    return "".join(pieces(stories, fmt))


__all__ = ["pieces", "render", "render_json", "render_markdown"]
