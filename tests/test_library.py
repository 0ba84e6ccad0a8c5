"""The library: subscribing, updating from feeds served on 127.0.0.1, reading offline, new since
last read, an interrupted update, two updates at once, schema versions. Every test has its own
empty data folder (conftest's own_config_and_data)."""

import sqlite3
import subprocess
import sys
import textwrap
import time

import pytest

from digest.cli import main
from digest.library.store import SCHEMA_VERSION, Library, LibraryError, library_path
from digest.library.update import update_lock
from digest.pipeline import library_stories
from digest.tui.app import DigestApp
from digest.tui.screens.story_list import UNREAD_MARK, StoryListScreen
from tests.test_feeds import BRIDGE, FERRY, page, rss

FERRY_AGAIN = page(
    "Eastport ferries back on schedule after strike",
    "Ferries between Eastport and Gull Island were back on schedule on Friday, the harbor authority said, after the three-day deckhands' strike ended with a new contract.",
    "The first boat left Eastport at six in the morning and every crossing ran on time, according to the authority.",
    "Union leader Mara Quist said the deckhands won a raise of four percent and two more rest days a month.",
)


def serve_feed(local_server, prefix: str, items: list[tuple[str, bytes]]) -> str:
    """A feed at /<prefix>/feed.xml whose items link to pages served beside it."""
    entries = []
    for name, body in items:
        url = local_server.route(f"/{prefix}/{name}.html", body)
        entries.append((name, url, ""))
    return local_server.route(f"/{prefix}/feed.xml", rss(f"{prefix} news", entries), "application/rss+xml", headers={"ETag": f'"{len(items)}"'})


def test_feeds_add_list_remove(capsys, local_server):
    url = local_server.url("/sub/feed.xml")
    assert main(["feeds", "add", url]) == 0
    assert main(["feeds", "add", url]) == 0
    assert "already following" in capsys.readouterr().err
    assert main(["feeds", "list"]) == 0
    assert f"{url} — 0 articles, not fetched yet" in capsys.readouterr().out
    assert main(["feeds", "add", "ftp://example.org/feed"]) == 2
    assert main(["feeds", "remove", url]) == 0
    assert main(["feeds", "remove", url]) == 1
    assert "not following" in capsys.readouterr().err


def test_update_read_update_again_and_the_new_article_is_marked(capsys, local_server):
    feed = serve_feed(local_server, "daily", [("ferry", FERRY), ("bridge", BRIDGE)])
    main(["feeds", "add", feed])
    assert main(["update"]) == 0
    assert "2 new articles" in capsys.readouterr().err
    assert main(["stories"]) == 0  # no SOURCE: the library's stories
    listing = capsys.readouterr().out
    assert "Ferry service resumes" in listing and "bridge closes" in listing

    loaded = library_stories()
    ferry = next(i for i, o in enumerate(loaded.stories.outlines) if "Ferry" in o.title)
    assert loaded.stories.unread(ferry)
    assert loaded.stories.open(ferry) == frozenset()  # first reading: nothing stands out as new
    assert not library_stories().stories.unread(ferry)  # read state is stored

    serve_feed(local_server, "daily", [("ferry", FERRY), ("bridge", BRIDGE), ("ferry2", FERRY_AGAIN)])
    assert main(["update"]) == 0
    assert "1 new article" in capsys.readouterr().err
    again = library_stories().stories
    ferry = next(i for i, o in enumerate(again.outlines) if len(o.sources) == 2)
    assert again.unread(ferry)  # the story has an article added since it was read
    new = again.open(ferry)
    assert len(new) == 1
    story = again.story(ferry)
    assert any(set(s.source_ids) <= new for b in story.blocks for s in b.sentences)


def test_an_unchanged_feed_is_asked_conditionally(capsys, local_server):
    feed = serve_feed(local_server, "cond", [("ferry", FERRY)])
    main(["feeds", "add", feed])
    main(["update"])
    capsys.readouterr()
    assert main(["update"]) == 0
    assert "(1 unchanged), 0 new articles" in capsys.readouterr().err


def test_a_failing_feed_is_one_line_and_the_others_still_update(capsys, local_server):
    good = serve_feed(local_server, "good", [("ferry", FERRY)])
    main(["feeds", "add", local_server.url("/nowhere/feed.xml")])
    main(["feeds", "add", good])
    capsys.readouterr()
    assert main(["update"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert [line for line in err if "/nowhere/" in line] == [f"digest: {local_server.url('/nowhere/feed.xml')}: answered HTTP 404 Not Found"]
    assert "1 new article" in err[-1]
    main(["feeds", "list"])
    assert "failed: answered HTTP 404" in capsys.readouterr().out


def test_update_with_no_feeds_says_how_to_add_one(capsys):
    assert main(["update"]) == 1
    assert "digest feeds add URL" in capsys.readouterr().err


def test_two_updates_at_once_the_second_is_refused(capsys, local_server):
    main(["feeds", "add", serve_feed(local_server, "lock", [("ferry", FERRY)])])
    with Library.open() as library, update_lock(library):
        assert main(["update"]) == 1
    assert "another 'digest update' is running" in capsys.readouterr().err
    assert main(["update"]) == 0  # the lock went with its holder


def test_a_killed_update_leaves_a_consistent_library(local_server, own_config_and_data, tmp_path):
    items = [(f"slow{n}", FERRY.replace(b"Friday", f"day {n}".encode())) for n in range(6)]
    feed = serve_feed(local_server, "killed", items)
    for name, body in items[3:]:
        local_server.route(f"/killed/{name}.html", body, delay=30)  # the update is still busy with these
    main(["feeds", "add", feed])
    script = textwrap.dedent(
        """
        import sys
        from digest.cli import main
        sys.exit(main(["update", "--timeout", "60"]))
        """
    )
    env = {"XDG_DATA_HOME": str(own_config_and_data / "data"), "XDG_CONFIG_HOME": str(own_config_and_data / "config"), "PATH": "/usr/bin:/bin"}
    process = subprocess.Popen([sys.executable, "-c", script], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(3)
    process.kill()
    process.wait()
    connection = sqlite3.connect(library_path())
    assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    connection.close()
    with Library.open() as library:  # readable, and the lock went with the killed process
        assert library.article_count() in range(0, 7)
    assert main(["update"]) == 0


def test_the_schema_is_versioned_and_a_newer_library_is_refused(tmp_path):
    path = tmp_path / "library.db"
    with Library.open(path) as library:
        assert library.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert library.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    connection = sqlite3.connect(path)
    connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    connection.close()
    with pytest.raises(LibraryError, match="newer digest"):
        Library.open(path)


def test_a_file_that_is_not_a_library_is_one_line(capsys):
    library_path().parent.mkdir(parents=True, exist_ok=True)
    library_path().write_bytes(b"this is not a database" * 100)
    assert main(["feeds", "list"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("digest: the library") and "Traceback" not in err


async def test_the_reader_opens_the_library_on_its_story_list(local_server):
    main(["feeds", "add", serve_feed(local_server, "reader", [("ferry", FERRY), ("bridge", BRIDGE)])])
    main(["update"])
    app = DigestApp(loader=library_stories)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(50):
            await pilot.pause(0.05)
            if isinstance(app.screen, StoryListScreen):
                break
        assert isinstance(app.screen, StoryListScreen)
        await pilot.press("enter")
        for _ in range(50):
            await pilot.pause(0.05)
            if app.story is not None:
                break
        assert app.story is not None
        await pilot.press("escape")
        await pilot.pause()
        from textual.widgets import OptionList

        listing = app.screen.query_one(OptionList)
        assert UNREAD_MARK not in str(listing.get_option_at_index(0).prompt)
        assert UNREAD_MARK in str(listing.get_option_at_index(1).prompt)


async def test_r_in_the_story_list_updates_the_feeds(local_server):
    from textual.widgets import OptionList

    from digest.pipeline import update_library_stories

    feed = serve_feed(local_server, "reload", [("ferry", FERRY), ("bridge", BRIDGE)])
    main(["feeds", "add", feed])
    main(["update"])
    app = DigestApp(loader=library_stories, reloader=update_library_stories)
    async with app.run_test(size=(100, 30)) as pilot:

        async def story_list() -> OptionList:
            for _ in range(100):
                await pilot.pause(0.05)
                if isinstance(app.screen, StoryListScreen):
                    return app.screen.query_one(OptionList)
            raise AssertionError("no story list")

        listing = await story_list()
        assert "2 outlets" not in str(listing.get_option_at_index(0).prompt)
        serve_feed(local_server, "reload", [("ferry", FERRY), ("bridge", BRIDGE), ("ferry2", FERRY_AGAIN)])
        await pilot.press("r")
        await pilot.pause(0.3)
        listing = await story_list()
        assert any("2 outlets" in str(listing.get_option_at_index(i).prompt) for i in range(listing.option_count))


def test_a_page_two_feeds_link_to_is_stored_once(capsys, local_server):
    main(["feeds", "add", serve_feed(local_server, "twin1", [("ferry", FERRY)])])
    other = local_server.route("/twin2/feed.xml", rss("Other", [("Ferry", local_server.url("/twin1/ferry.html"), "")]))
    main(["feeds", "add", other])
    assert main(["update"]) == 0
    assert "1 new article" in capsys.readouterr().err
