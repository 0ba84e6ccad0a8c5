"""Regenerate the reader's screenshots (SVG) shown in the README.

Usage: python screenshots/make_screenshots.py
Runs the real app headless on the bundled seeds at 120x40 and saves one SVG per main view, and
one of the story list (the seeds' story beside two small invented ones, written here).
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


INVENTED = {
    "Tessel River floods Marlow, 3,000 evacuated": "Floodwaters forced 3,000 residents of Marlow to leave their homes after the Tessel River burst its banks. Mayor Ilse Varga said shelters in Marlow were full.",
    "Thousands leave Marlow as Tessel River floods": "About 3,000 people were evacuated from Marlow as the Tessel River overflowed, Mayor Ilse Varga told reporters in Marlow.",
    "Harwick council elects Odile Brandt as speaker": "The Harwick city council elected Odile Brandt as its speaker on Monday. Brandt won 31 votes to 27 in Harwick.",
    "Odile Brandt becomes Harwick council speaker": "Odile Brandt was elected speaker of the Harwick council on Monday. Brandt promised to publish every Harwick budget online.",
}


async def shoot_story_list(stories) -> None:
    app = DigestApp(stories=stories)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        app.save_screenshot(filename="story-list.svg", path=str(HERE))
    print("wrote screenshots/story-list.svg")


def main() -> None:
    os.chdir(HERE.parent)  # relative origins in the pictures
    os.environ.pop("XDG_CONFIG_HOME", None)  # the help shows the default keymap path, ~/.config/…
    story = build_story(load_sources(["seeds"]).sources)
    for name, keys in VIEWS.items():
        asyncio.run(shoot(name, keys, story))
    from dataclasses import replace

    from digest.engine.grouping import group_articles
    from digest.ingest.load import parse_text

    invented = [replace(parse_text(f"{title}\n\n{text}\n", "text", f"example-{n}.txt"), id=f"x{n}") for n, (title, text) in enumerate(INVENTED.items())]
    others = [build_story([invented[i] for i in group]) for group in group_articles(invented)]
    asyncio.run(shoot_story_list([story, *others]))


if __name__ == "__main__":
    main()
