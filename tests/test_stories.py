"""Several stories in one input: `digest stories`, export with one section per story, and the
reader's story list. The articles are invented for these tests."""

import json
from pathlib import Path

import pytest
from textual.widgets import OptionList

from digest.cli import main
from digest.pipeline import load_stories
from digest.tui.app import DigestApp
from digest.tui.screens.story_list import UNREAD_MARK, StoryListScreen

ARTICLES = {
    "flood-a.txt": "Tessel River floods Marlow, 3,000 evacuated\n\n"
    "Floodwaters forced 3,000 residents of Marlow to leave their homes on Tuesday after the Tessel River burst its banks.\n\n"
    "Mayor Ilse Varga said shelters at two schools in Marlow were full by nightfall.\n\n"
    "Forecasters expect more rain over the Tessel valley on Wednesday.\n",
    "flood-b.txt": "Thousands leave Marlow as Tessel River floods\n\n"
    "About 3,000 people were evacuated from Marlow on Tuesday as the Tessel River overflowed.\n\n"
    "Shelters in two Marlow schools filled up quickly, Mayor Ilse Varga told reporters.\n\n"
    "More rain is forecast for the Tessel valley, and Varga urged people to keep clear of the riverbanks.\n",
    "council-a.txt": "Harwick council elects Odile Brandt as speaker\n\n"
    "The city council of Harwick elected Odile Brandt as its new speaker on Monday after a long vote.\n\n"
    "Brandt won the post with 31 votes against 27 for her rival.\n\n"
    "Brandt promised to publish every Harwick council budget online.\n",
    "council-b.txt": "Odile Brandt becomes Harwick council speaker\n\n"
    "Odile Brandt was elected speaker of the Harwick city council on Monday, winning 31 votes to 27.\n\n"
    "Brandt said she would put every Harwick council budget online.\n",
}


@pytest.fixture
def two_events(tmp_path: Path) -> Path:
    folder = tmp_path / "mixed"
    folder.mkdir()
    for name, text in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_the_pipeline_groups_articles_into_stories_and_merges_each(two_events):
    loaded = load_stories([str(two_events)])
    assert sorted(sorted(Path(s.origin).name for s in story.sources) for story in loaded.stories.all()) == [
        ["council-a.txt", "council-b.txt"],
        ["flood-a.txt", "flood-b.txt"],
    ]
    assert len(load_stories([str(two_events)], one_story=True).stories) == 1


def test_stories_lists_each_story_with_its_outlets(two_events, capsys):
    assert main(["stories", str(two_events)]) == 0
    out = capsys.readouterr().out
    assert out.count("(2 sources") == 2
    assert "Tessel" in out and "Brandt" in out


def test_stories_as_json(two_events, capsys):
    assert main(["stories", "--format", "json", str(two_events)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "digest.stories"
    assert [len(s["sources"]) for s in document["stories"]] == [2, 2]
    first = document["stories"][0]["sources"][0]
    assert set(first) == {"origin", "label", "title", "date"}


def test_stories_with_nothing_usable_exits_non_zero(tmp_path, capsys):
    assert main(["stories", str(tmp_path / "missing.txt")]) == 1
    assert "no usable source left" in capsys.readouterr().err


def test_export_writes_one_section_per_story(two_events, capsys):
    assert main(["export", str(two_events)]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("# Digest: 2 stories")
    assert captured.out.count("\n## ") == 2 and captured.out.count("\n### Story") == 2
    assert "tell 2 stories" in captured.err


def test_export_json_of_several_stories_is_a_digest_document(two_events, capsys):
    assert main(["export", "--format", "json", str(two_events)]) == 0
    document = json.loads(capsys.readouterr().out)
    assert document["schema"] == "digest.digest"
    assert [s["schema"] for s in document["stories"]] == ["digest.story", "digest.story"]


def test_one_story_merges_everything(two_events, capsys):
    assert main(["export", "--one-story", str(two_events)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("# ") and "Digest:" not in out


async def test_the_reader_opens_on_the_story_list_and_reads_a_story(two_events):
    stories = load_stories([str(two_events)]).stories.all()
    app = DigestApp(stories=stories)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, StoryListScreen)
        listing = app.screen.query_one(OptionList)
        assert listing.option_count == 2
        assert all(UNREAD_MARK in str(listing.get_option_at_index(i).prompt) for i in range(2))
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, StoryListScreen)
        assert app.story is stories[0]
        await pilot.press("escape")  # merged view -> back to the list
        await pilot.pause()
        assert isinstance(app.screen, StoryListScreen)
        listing = app.screen.query_one(OptionList)
        assert UNREAD_MARK not in str(listing.get_option_at_index(0).prompt)
        await pilot.press("n")  # next unread: the second story
        assert listing.highlighted == 1
        await pilot.press("enter")
        await pilot.pause()
        assert app.story is stories[1]
        await pilot.press("l")
        await pilot.pause()
        assert isinstance(app.screen, StoryListScreen)
        await pilot.press("n")
        await pilot.pause()
        await pilot.press("escape")  # from the list back to the story being read
        await pilot.pause()
        assert app.story is stories[1] and not isinstance(app.screen, StoryListScreen)


async def test_story_keys_do_nothing_on_the_list(two_events):
    app = DigestApp(stories=load_stories([str(two_events)]).stories.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("tab", "s", "w")
        await pilot.pause()
        assert isinstance(app.screen, StoryListScreen) and app.story is None


async def test_o_in_the_list_says_when_there_is_no_page_to_open(two_events):
    app = DigestApp(stories=load_stories([str(two_events)]).stories.all())
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        await pilot.press("o")
        await pilot.pause()
        assert any("no page to open" in str(n.message) for n in app._notifications)


def test_a_one_shot_command_freezes_what_it_built_instead_of_walking_it():
    import gc

    from digest.pipeline import no_cyclic_collection

    frozen_before = gc.get_freeze_count()
    try:
        with no_cyclic_collection(until_exit=True):
            assert not gc.isenabled()
            built = [[i] for i in range(1000)]
        assert gc.isenabled()
        assert gc.get_freeze_count() >= frozen_before + len(built)
    finally:
        gc.unfreeze()
    with no_cyclic_collection():
        pass
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_stories_loaded_ahead_in_a_child_are_the_stories_loaded_here(two_events, tmp_path):
    from tests.test_background import _run

    cache = tmp_path / "cache"
    out = _run(
        f"""
        import os
        os.environ["XDG_CACHE_HOME"] = {str(cache)!r}
        from digest.export.json import json_pieces
        from digest.pipeline import LoadingAhead, load_stories
        ahead = LoadingAhead([{str(two_events)!r}])
        child = ahead._ahead._pid
        told = []
        loaded = ahead(status=told.append)
        from pathlib import Path
        kept = bool(list(Path({str(cache)!r}, "digest").glob("lemmas-*.marshal")))  # by the child: this process looked up none
        here = load_stories([{str(two_events)!r}])
        same = "".join(json_pieces(loaded.stories.all())) == "".join(json_pieces(here.stories.all()))
        outlines = loaded.stories.outlines == here.stories.outlines
        print(child != 0, same, outlines, any(t.startswith("Merging story") for t in told), kept)
        """
    )
    assert out == "True True True True True"
