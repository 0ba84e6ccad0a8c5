"""Regenerate the reader's screenshots (SVG) shown in the README.

Usage: python screenshots/make_screenshots.py
Runs the real app headless on the bundled seeds at 120x40 and saves one SVG per main view.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

from digest.engine import build_story
from digest.ingest import load_sources
from digest.tui.app import DigestApp

HERE = Path(__file__).resolve().parent
VIEWS = {
    "merged-story": [],
    "single-source": ["5", "right_square_bracket"],
    "variants": ["G", "left_square_bracket", "v"],
    "wordings": ["w", "space", "space"],
    "search": ["slash", *"statement", "enter"],
    "help": ["question_mark"],
}


async def shoot(name: str, keys: list[str], story) -> None:
    app = DigestApp(story=story)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for key in keys:
            await pilot.press(key)
        await pilot.pause(0.3)
        app.save_screenshot(filename=f"{name}.svg", path=str(HERE))
    print(f"wrote screenshots/{name}.svg")


def main() -> None:
    os.chdir(HERE.parent)  # relative origins in the pictures
    os.environ.pop("XDG_CONFIG_HOME", None)  # the help shows the default keymap path, ~/.config/…
    story = build_story(load_sources(["seeds"]).sources)
    for name, keys in VIEWS.items():
        asyncio.run(shoot(name, keys, story))


if __name__ == "__main__":
    main()
