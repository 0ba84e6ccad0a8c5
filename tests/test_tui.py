"""The reader, through App.run_test() and Pilot: every binding does what the help says."""

import functools
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
from textual.widgets import Input

from digest.engine import build_story
from digest.pipeline import load_stories
from digest.tui.app import BINDINGS, DigestApp
from digest.tui.screens.dialogs import ConfirmScreen, HelpScreen, SaveScreen, TextScreen
from digest.tui.widgets.story_view import StoryView
from tests.conftest import make_source
from tests.tui_app import seed_story

STORY = seed_story()


def paragraphs(app):
    return [p.content.plain for p in app.reader.rendered]


@asynccontextmanager
async def reader(story=STORY, size=(80, 24)):
    """The app on a ready-made story, paused until it shows it."""
    app = DigestApp(story=story)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.story is not None
        yield app, pilot


@pytest.mark.asyncio
async def test_loads_in_a_worker_and_shows_the_merged_story():
    app = DigestApp(loader=functools.partial(load_stories, [str(Path(__file__).resolve().parents[1] / "seeds")]))
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(200):
            if app.story is not None:
                break
            await pilot.pause(0.05)
        assert app.story is not None and app.reader.view is None
        assert app.query_one(StoryView).paragraph_count == len(app.story.blocks)


@pytest.mark.asyncio
async def test_no_usable_source_is_a_message_and_exit_code_1(tmp_path):
    app = DigestApp(loader=functools.partial(load_stories, [str(tmp_path / "missing.txt")]))
    async with app.run_test() as pilot:
        for _ in range(100):
            if app.exit_code:
                break
            await pilot.pause(0.05)
        status = app.query_one("#status").render()
        assert "No usable source" in str(status) and "missing.txt: does not exist" in str(status)
        await pilot.press("q")
    assert app.return_code == 1


@pytest.mark.asyncio
async def test_source_switching_tab_numbers_zero_and_escape():
    async with reader() as (app, pilot):
        await pilot.press("tab")
        assert app.reader.view == 0
        await pilot.press("tab", "tab")
        assert app.reader.view == 2
        await pilot.press("shift+tab")
        assert app.reader.view == 1
        await pilot.press("5")
        assert app.reader.view == 4
        assert paragraphs(app)[0] == STORY.sources[4].paragraphs[0].text
        await pilot.press("9")  # no ninth source: nothing happens
        assert app.reader.view == 4
        await pilot.press("0")
        assert app.reader.view is None
        await pilot.press("3", "escape")
        assert app.reader.view is None
        await pilot.press("shift+tab")
        assert app.reader.view == 4


@pytest.mark.asyncio
async def test_clicking_a_source_shows_it():
    async with reader(size=(120, 40)) as (app, pilot):
        await pilot.click("#sources", offset=(5, 3))
        await pilot.pause()
        assert app.reader.view is not None


@pytest.mark.asyncio
async def test_unique_detail_jumps_in_merged_and_single_source_views():
    async with reader() as (app, pilot):
        await pilot.press("right_square_bracket")
        first = app.reader.cursor
        assert first is not None and app.reader.rendered[first[0]].sentences[first[1]].detail_of
        await pilot.press("right_square_bracket")
        assert app.reader.cursor > first
        await pilot.press("left_square_bracket")
        assert app.reader.cursor == first
        await pilot.press("5", "right_square_bracket")
        place = app.reader.rendered[app.reader.cursor[0]].sentences[app.reader.cursor[1]]
        assert place.detail_of == (4,)


@pytest.mark.asyncio
async def test_detail_jump_without_details_says_so():
    story = build_story([make_source(0, "Same words in both outlets today."), make_source(1, "Same words in both outlets today.")])
    async with reader(story) as (app, pilot):
        await pilot.press("right_square_bracket")
        assert app.reader.cursor is None


@pytest.mark.asyncio
async def test_scrolling_keys_move_the_story():
    async with reader(size=(80, 24)) as (app, pilot):
        view = app.query_one(StoryView)
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k")
        assert view.scroll_y == 2
        await pilot.press("space")
        after_page = view.scroll_y
        assert after_page > 10
        await pilot.press("b")
        assert view.scroll_y < after_page
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("pagedown", "pageup", "end", "home")
        assert view.scroll_y == 0


@pytest.mark.asyncio
async def test_search_highlights_and_cycles_matches():
    async with reader() as (app, pilot):
        await pilot.press("slash")
        search = app.query_one("#search", Input)
        assert search.display and search.has_focus
        await pilot.press(*"zarif", "enter")
        assert not search.display
        assert len(app.reader.matches) >= 2 and app.reader.cursor == app.reader.matches[0]
        await pilot.press("n")
        assert app.reader.cursor == app.reader.matches[1]
        await pilot.press("N")
        assert app.reader.cursor == app.reader.matches[0]
        hit = app.query_one(StoryView).content(app.reader.cursor[0])
        assert any(str(span.style).startswith("bold on") for span in hit.spans)  # the search-hit style
        await pilot.press("slash", *"no such words", "enter")
        assert app.reader.matches == []
        await pilot.press("slash", "escape")
        assert not search.display and app.reader.view is None


@pytest.mark.asyncio
async def test_variants_of_a_shared_passage():
    async with reader(size=(120, 40)) as (app, pilot):
        shared = next((b, i) for b, block in enumerate(STORY.blocks) for i, s in enumerate(block.sentences) if s.variants)
        app.reader._set_cursor(shared)
        await pilot.press("v")
        assert isinstance(app.screen, TextScreen)
        texts = " ".join(str(w.render()) for w in app.screen.query(".dialog-item"))
        assert "resemblance" in texts and "Carried by" in texts
        await pilot.press("escape")
        assert not isinstance(app.screen, TextScreen)


@pytest.mark.asyncio
async def test_variants_name_a_clause_of_its_own_as_such():
    story = build_story(
        [
            make_source(0, "A judge in Salem sentenced the harbor pilot to eight years in prison on Monday, and ordered him to repay the ferry company."),
            make_source(1, "On Monday the harbor pilot was sentenced by a Salem judge to eight years of prison after a two-week trial."),
        ]
    )
    async with reader(story, size=(120, 40)) as (app, pilot):
        app.reader._set_cursor((0, 0))
        await pilot.press("v")
        texts = " ".join(str(w.render()) for w in app.screen.query(".dialog-item"))
        assert "a clause of its own" in texts and "what it adds: its own clause" in texts
        assert "framing of the quotation" not in texts


@pytest.mark.asyncio
async def test_removed_lines_per_source():
    async with reader(size=(120, 40)) as (app, pilot):
        await pilot.press("5", "r")
        texts = " ".join(str(w.render()) for w in app.screen.query(".dialog-item"))
        assert "browser notice" in texts and "IE 11" in texts and "caption of names" not in texts
        await pilot.press("escape", "0", "r")
        texts = " ".join(str(w.render()) for w in app.screen.query(".dialog-item"))
        assert "caption of names" in texts


@pytest.mark.asyncio
async def test_help_lists_every_binding():
    async with reader(size=(120, 40)) as (app, pilot):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        for binding in BINDINGS:
            if not binding.id.startswith("source.pick"):
                assert binding.id in app.screen.text
        assert "source.pick1…9" in app.screen.text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


def test_every_binding_has_an_id_and_remapping_works(tmp_path, monkeypatch):
    assert all(b.id for b in BINDINGS) and len({b.id for b in BINDINGS}) == len(BINDINGS)
    (tmp_path / "digest").mkdir()
    (tmp_path / "digest" / "keymap.toml").write_text('"detail.next" = "x"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))

    async def run():
        async with reader() as (app, pilot):
            await pilot.press("x")
            return app.reader.cursor

    import asyncio

    assert asyncio.run(run()) is not None


@pytest.mark.asyncio
async def test_save_writes_markdown_and_confirms_before_overwriting(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with reader(size=(100, 30)) as (app, pilot):
        await pilot.press("s")
        assert isinstance(app.screen, SaveScreen)
        default = Path(app.screen.query_one(Input).value)
        assert default.parent == tmp_path and default.name.startswith("u-s-airstrike-kills") and default.suffix == ".md"
        await pilot.press("enter")
        await pilot.pause()
        assert default.read_text(encoding="utf-8").startswith("# U.S. airstrike")
        default.write_text("older")
        await pilot.press("s", "enter")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")
        assert default.read_text() == "older"
        await pilot.press("s", "enter", "y")
        await pilot.pause()
        assert default.read_text(encoding="utf-8").startswith("# U.S. airstrike")
        assert not list(tmp_path.glob(".*.tmp"))


@pytest.mark.asyncio
async def test_a_failed_save_is_a_notification_not_a_crash(tmp_path):
    async with reader(size=(100, 30)) as (app, pilot):
        await pilot.press("s")
        field = app.screen.query_one(Input)
        field.value = str(tmp_path / "no" / "such" / "folder" / "x.md")
        await pilot.press("enter")
        await pilot.pause()
        assert any("does not exist" in n.message for n in app._notifications)


@pytest.mark.asyncio
async def test_untrusted_text_is_shown_literally():
    hostile = "Officials wrote [bold red]ALERT[/] and \x1b[31mred\x1b[0m in the memo."
    from digest.ingest.decode import normalize_text

    story = build_story([make_source(0, normalize_text(hostile))])
    async with reader(story) as (app, pilot):
        plain = " ".join(app.query_one(StoryView).text_lines(0))
        assert "[bold red]ALERT[/]" in plain
        assert "\x1b" not in plain and "␛[31mred" in plain


@pytest.mark.asyncio
async def test_command_palette_lists_actions():
    async with reader() as (app, pilot):
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for wanted in ("Next detail", "Search", "Save", "How each outlet tells this sentence", "Help", "Quit"):
            assert wanted in titles
        assert any(t.startswith("Show E") for t in titles)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert app.screen.__class__.__name__ == "CommandPalette"


@pytest.mark.asyncio
async def test_quit():
    async with reader() as (app, pilot):
        await pilot.press("q")
    assert app.return_code == 0


@pytest.mark.asyncio
async def test_search_cursor_is_drawn_on_the_match():
    async with reader() as (app, pilot):
        await pilot.press("slash", *"zarif", "enter")
        await pilot.pause()
        paragraph, sentence = app.reader.cursor
        shown = app.query_one(StoryView).content(paragraph)
        place = app.reader.rendered[paragraph].sentences[sentence]
        assert any(s.style == "reverse" and s.start == place.start for s in shown.spans)


@pytest.mark.asyncio
async def test_sentence_cursor_moves_both_ways():
    async with reader() as (app, pilot):
        await pilot.press("right_curly_bracket")
        assert app.reader.cursor == (0, 0)
        await pilot.press("right_curly_bracket", "right_curly_bracket")
        places = [(p, s) for p, paragraph in enumerate(app.reader.rendered) for s in range(len(paragraph.sentences))]
        assert app.reader.cursor == places[2]
        await pilot.press("left_curly_bracket")
        assert app.reader.cursor == places[1]


@pytest.mark.asyncio
async def test_highlights_follow_a_theme_change():
    async with reader() as (app, pilot):
        view = app.query_one(StoryView)
        before = [view.render_line(y) for y in range(5)]
        app.theme = "textual-light"
        await pilot.pause()
        after = [view.render_line(y) for y in range(5)]
        assert before != after  # same text, restyled from the new theme's variables


@pytest.mark.asyncio
async def test_a_single_source_is_shown_with_a_note():
    story = build_story([make_source(0, "Only one outlet covered the harbor fire on Thursday.")])
    async with reader(story) as (app, pilot):
        assert any("Only one source" in n.message for n in app._notifications)
        assert all(place.detail_of == (0,) for p in app.reader.rendered for place in p.sentences)


@pytest.mark.asyncio
async def test_a_broken_keymap_warns_once_and_keeps_the_default_keys():
    from digest.tui.settings import keymap_path

    keymap_path().parent.mkdir(parents=True, exist_ok=True)
    keymap_path().write_text('keymap = "x"\n', encoding="utf-8")
    async with reader() as (app, pilot):
        warnings = [n for n in app._notifications if n.title == "Keymap"]
        assert len(warnings) == 1 and "'keymap' must be a table" in warnings[0].message
        await pilot.press("]")
        assert app.reader.cursor is not None  # the default binding still works


@pytest.mark.asyncio
async def test_the_overwrite_question_has_cancel_focused(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    async with reader(size=(100, 30)) as (app, pilot):
        await pilot.press("s", "enter")
        await pilot.pause()
        saved = next(tmp_path.glob("*.md"))
        saved.write_text("keep me")
        await pilot.press("s", "enter")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # enter, enter must not overwrite
        await pilot.pause()
        assert saved.read_text() == "keep me"


def test_the_default_file_name_is_cut_at_a_word():
    from dataclasses import replace

    from digest.tui.screens.reader import MAX_SLUG, default_save_path

    long_title = "Officials announce sweeping overhaul of the harbor ferry network after months of complaints"
    name = default_save_path(replace(STORY, title=long_title)).stem
    assert len(name) <= MAX_SLUG and long_title.casefold().replace(" ", "-").startswith(name)
    assert name.split("-")[-1] in long_title.casefold().split()


@pytest.mark.asyncio
async def test_quit_while_a_source_is_still_loading_does_not_wait_for_it():
    import threading

    release = threading.Event()
    said: list[str] = []

    def stuck_loader(status):
        status("Loading source 1 of 1: http://127.0.0.1/slow")
        release.wait(60)  # a server that never finishes
        raise AssertionError("the loader was never meant to finish")

    app = DigestApp(loader=stuck_loader)
    async with app.run_test() as pilot:
        for _ in range(50):
            said.append(str(app.query_one("#status").render()))
            if "Loading source 1 of 1" in said[-1]:
                break
            await pilot.pause(0.05)
        assert "Loading source 1 of 1" in said[-1]  # progress is shown while loading
        await pilot.press("q")
    assert app.return_code == 0 and not release.is_set()
    release.set()


@pytest.mark.asyncio
async def test_progress_within_a_stage_is_thinned_and_each_stage_is_shown(monkeypatch):
    from digest.tui.screens.reader import ReaderScreen

    shown: list[str] = []
    original = ReaderScreen.set_status

    def loader(status):
        for k in range(300):
            status(f"Loading source {k + 1} of 300: a.txt")
        status("Merging 300 articles…")
        return load_stories([str(Path(__file__).resolve().parents[1] / "seeds")])

    def counted(screen, text):
        shown.append(text)
        original(screen, text)

    monkeypatch.setattr(ReaderScreen, "set_status", counted)
    app = DigestApp(loader=loader)
    async with app.run_test() as pilot:
        for _ in range(200):
            if app.story is not None:
                break
            await pilot.pause(0.05)
    loading = [text for text in shown if text.startswith("Loading source")]
    assert loading[0].startswith("Loading source 1 of 300") and len(loading) < 300  # the loader did not wait on each line
    assert "Merging 300 articles…" in shown


@pytest.mark.asyncio
async def test_help_fits_80x24_scrolls_and_says_how_to_close():
    async with reader(size=(80, 24)) as (app, pilot):
        await pilot.press("question_mark")
        assert "escape, q or ?: close" in app.screen.text
        scroller = app.screen.query_one("VerticalScroll")
        await pilot.press("G")
        await pilot.pause()
        assert scroller.scroll_offset.y > 0
        await pilot.press("g")
        await pilot.pause()
        assert scroller.scroll_offset.y == 0
        await pilot.press("q")
        assert not isinstance(app.screen, HelpScreen)


@pytest.mark.asyncio
async def test_skipped_sources_stay_listed_and_story_actions_wait_for_a_story(tmp_path):
    from digest.model import LoadProblem

    async with reader() as (app, pilot):
        app.reader.show_story(STORY, [LoadProblem("gone.txt", "does not exist")])
        await pilot.pause()
        rows = [str(option.prompt) for option in app.query_one("#sources").options]
        assert any("skipped" in row and "gone.txt" in row and "does not exist" in row for row in rows)
        titles = [c.title for c in app.get_system_commands(app.screen)]
        assert titles.count("Quit") <= 1 and "Keys" not in titles
    empty = DigestApp(loader=lambda status: __import__("digest.pipeline", fromlist=["Loaded"]).Loaded((), ()))
    async with empty.run_test() as pilot:
        await pilot.pause()
        assert empty.reader.check_action("save", ()) is False and empty.check_action("quit", ()) is True


@pytest.mark.asyncio
async def test_the_chosen_theme_is_remembered():
    from digest.tui.settings import read_theme

    async with reader() as (app, pilot):
        app.theme = "gruvbox"
        await pilot.pause()
    assert read_theme() == "gruvbox"
    async with reader() as (app, pilot):
        assert app.theme == "gruvbox"


@pytest.mark.asyncio
async def test_from_a_merged_sentence_to_an_outlets_own_version_and_back():
    async with reader(size=(120, 40)) as (app, pilot):
        shared = next((b, i) for b, block in enumerate(STORY.blocks) for i, s in enumerate(block.sentences) if len(s.source_ids) > 1)
        merged = STORY.blocks[shared[0]].sentences[shared[1]]
        outlet = STORY.source_index(merged.source_ids[-1])
        app.reader._set_cursor(shared)
        await pilot.press(str(outlet + 1))
        await pilot.pause()
        assert app.reader.view == outlet and app.reader.cursor is not None
        sentence = STORY.source_sentences[outlet][app.reader.cursor[0]][app.reader.cursor[1]]
        assert (sentence.block, sentence.index) == shared  # the outlet's own version, in context
        await pilot.press("0")
        await pilot.pause()
        assert app.reader.view is None and app.reader.cursor == shared  # and back


@pytest.mark.asyncio
async def test_o_opens_the_original_page_of_a_web_source_only(monkeypatch):
    from dataclasses import replace

    web = replace(STORY.sources[0], origin="https://example.org/story")
    story = replace(STORY, sources=(web, *STORY.sources[1:]))
    opened: list[str] = []
    async with reader(story) as (app, pilot):
        monkeypatch.setattr(app, "open_url", lambda url, **kw: opened.append(url))
        await pilot.press("1", "o")
        await pilot.press("2", "o")
        await pilot.pause()
    assert opened == ["https://example.org/story"]


@pytest.mark.asyncio
async def test_the_footer_shows_the_story_keys_once_a_story_is_there_and_rebuilds_only_on_a_change():
    from textual.widgets._footer import FooterKey

    from digest.tui.widgets.footer import KeyFooter

    shown = {}

    def loader(status):
        shown["keys"] = [key.key for key in app.screen.query(FooterKey)]  # while loading
        return Loaded(Stories.of([STORY]), ())

    from digest.pipeline import Loaded, Stories

    app = DigestApp(loader=loader)
    async with app.run_test(size=(100, 30)) as pilot:
        for _ in range(100):
            if app.story is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        keys = [key.key for key in app.screen.query(FooterKey)]
        assert "s" not in shown["keys"] and "s" in keys and "q" in keys
        footer = app.screen.query_one(KeyFooter)
        rebuilds = []
        original = footer.recompose

        async def counted():
            rebuilds.append(1)
            await original()

        footer.recompose = counted
        for _ in range(3):
            app.screen.refresh_bindings()  # the same keys: nothing to rebuild
        await pilot.pause()
        assert rebuilds == []
        await pilot.press("slash")  # the search box takes the focus: other keys
        await pilot.pause()
        assert len(rebuilds) == 1
