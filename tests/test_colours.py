"""Outlet colours stay apart in the colour systems terminals have: 256 colours (tmux's default)
and 16, in each of the themes a reader is likely to pick."""

import pytest
from rich.color import Color as RichColor
from rich.color import ColorSystem
from textual.color import Color

from digest.tui import render
from tests.test_tui import reader

THEMES = ("textual-dark", "textual-light", "nord", "gruvbox")


def _downgraded(app, system: ColorSystem) -> list[int]:
    variables = app.get_css_variables()
    colours = [Color.parse(variables[name]) for name in render.PALETTE]
    return [RichColor.from_rgb(*c.rgb).downgrade(system).number for c in colours]


@pytest.mark.asyncio
@pytest.mark.parametrize("theme", THEMES)
async def test_outlet_colours_stay_distinct_in_256_and_16_colours(theme):
    async with reader() as (app, pilot):
        app.theme = theme
        await pilot.pause()
        assert len(set(_downgraded(app, ColorSystem.EIGHT_BIT))) == len(render.PALETTE)  # all 8 apart
        assert len(set(_downgraded(app, ColorSystem.STANDARD)[:5])) >= 3  # letters tell the rest


def test_details_are_coloured_text_not_a_background_tint():
    style = render.detail_style(0)
    assert "on " not in style and "underline" in style and "bold" in style
