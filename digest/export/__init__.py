"""Exports: read a Story, never rebuild it."""

from digest.export.json import render_json
from digest.export.markdown import render_markdown
from digest.model import Story

FORMATS = {"markdown": render_markdown, "json": render_json}


def render(story: Story, fmt: str) -> str:
    return FORMATS[fmt](story)


__all__ = ["FORMATS", "render", "render_json", "render_markdown"]
