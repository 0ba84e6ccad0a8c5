"""Exports: read Stories, never rebuild them."""

from collections.abc import Sequence

from digest.export.json import render_digest_json, render_json
from digest.export.markdown import render_digest_markdown, render_markdown
from digest.model import Story

FORMATS = {"markdown": render_digest_markdown, "json": render_digest_json}


def render(stories: Sequence[Story], fmt: str) -> str:
    """One story, or a digest of several, in ``fmt`` ("markdown" or "json")."""
    return FORMATS[fmt](stories)


__all__ = ["FORMATS", "render", "render_json", "render_markdown"]
