"""How the reader looks: snapshots of the main views at 80x24 and 120x40.

Update after an intended change with: pytest tests/test_snapshots.py --snapshot-update
"""

from pathlib import Path

import pytest

APP = str(Path(__file__).with_name("tui_app.py"))
SIZES = [(80, 24), (120, 40)]


@pytest.fixture(autouse=True)
def fixed_config_folder(monkeypatch):
    """The help shows the keymap's path: the same on every machine and run."""
    monkeypatch.setenv("XDG_CONFIG_HOME", "/nonexistent/config")


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_merged_story(snap_compare, size):
    assert snap_compare(APP, terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_single_source(snap_compare, size):
    assert snap_compare(APP, press=["5", "right_square_bracket"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_help(snap_compare, size):
    assert snap_compare(APP, press=["question_mark"], terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_search(snap_compare, size):
    assert snap_compare(APP, press=["slash", *"statement", "enter"], terminal_size=size)


def test_variants(snap_compare):
    assert snap_compare(APP, press=["G", "left_square_bracket", "v"], terminal_size=(120, 40))


STORY_LIST_APP = str(Path(__file__).with_name("tui_story_list_app.py"))


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_story_list(snap_compare, size):
    assert snap_compare(STORY_LIST_APP, terminal_size=size)


def test_story_list_after_reading_the_first(snap_compare):
    assert snap_compare(STORY_LIST_APP, press=["enter", "escape"], terminal_size=(80, 24))
