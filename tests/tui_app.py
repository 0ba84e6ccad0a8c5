"""A fixed story for snapshot tests: built from the bundled seeds with relative origins, so the
screens do not depend on where the repository is checked out."""

import os
from pathlib import Path

from digest.engine import build_story
from digest.ingest import load_sources
from digest.tui.app import DigestApp

ROOT = Path(__file__).resolve().parents[1]


def seed_story():
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        return build_story(load_sources(["seeds"]).sources)
    finally:
        os.chdir(cwd)


app = DigestApp(story=seed_story())
