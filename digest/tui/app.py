"""The reader app: loads the stories and moves between the screens that show them.

The screens split the work by role: the reading screen (screens/reader.py) shows one story and
owns every key that acts on it; the story list (screens/story_list.py) opens on several stories;
dialogs (screens/dialogs.py) show help, variants, removed lines and the save prompt. The app
holds what spans them: the loader, the stories and their reading state, the keymap and theme.

Stories are built off the interface, so that the first paint waits for neither the slow imports
(trafilatura, datasketch) nor the merge: the loader runs in a worker thread, and the command
line's loader only receives there what a forked child has been building since before Textual
was imported (``pipeline.LoadingAhead``). The app reads stories, never builds or changes them.
"""

from __future__ import annotations

import queue
import threading
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.worker import get_current_worker

from digest.model import LoadProblem, Story, source_marker
from digest.pipeline import Loaded, Loader, Stories
from digest.phrasing import plural
from digest.safe_text import one_line
from digest.tui.screens.dialogs import HelpScreen
from digest.tui.screens.reader import READER_BINDINGS, ReaderScreen
from digest.tui.screens.story_list import StoryListScreen
from digest.tui.settings import keymap_path, read_keymap, read_theme, remember_theme

STATUS_EVERY = 0.25
"""Seconds between two progress lines of one loading stage in the status line."""

APP_BINDINGS = [
    Binding("question_mark", "help", "Help", id="help", key_display="?"),
    Binding("q", "quit", "Quit", id="quit"),
]
BINDINGS = [*APP_BINDINGS, *READER_BINDINGS]
"""Every key of the reader, app-wide and on the reading screen (help, keymap and palette)."""


class DigestApp(App[int]):
    """digest's reader."""

    CSS_PATH = Path(__file__).with_name("digest.tcss")  # absolute, so subclasses elsewhere find it too
    TITLE = "digest"
    BINDINGS = APP_BINDINGS
    NARROW_WIDTH = 100
    WIDE_WIDTH = 160

    def __init__(self, loader: Loader | None = None, story: Story | None = None, stories: Sequence[Story] = (), reloader: Loader | None = None) -> None:
        """Show ``story`` or ``stories``, or those ``loader`` makes (run in the background);
        ``r`` in the story list runs ``reloader`` (the library's: update its feeds first), else
        ``loader`` again."""
        super().__init__()
        self.loader = loader
        self.reloader = reloader or loader
        self.reader = ReaderScreen()
        self.stories: Stories = Stories.of(())
        """Every story of the digest; ``story`` is the one being read."""
        self._given_stories = Stories.of((story,) if story is not None else tuple(stories))
        self.problems: list[LoadProblem] = []
        """Sources that could not be used, and why."""
        self.exit_code = 0
        self.user_keymap: dict[str, str] = {}

    @property
    def story(self) -> Story | None:
        """The story being read (None while loading or merging)."""
        return self.reader.story

    def get_default_screen(self) -> Screen:
        """The reading screen is the app's first screen; the list and dialogs go over it."""
        return self.reader

    # --- start, theme, loading ----------------------------------------------------------------

    def on_mount(self) -> None:
        """Apply the user's keymap and theme (the reading screen, once mounted, starts the rest)."""
        self.user_keymap, problems = read_keymap({binding.id for binding in [*BINDINGS, *StoryListScreen.BINDINGS] if binding.id})
        if self.user_keymap:
            self.set_keymap(self.user_keymap)
        for problem in problems:
            self.notify(one_line(problem), title="Keymap", severity="warning", markup=False, timeout=10)
        remembered = read_theme()
        if remembered in self.available_themes:
            self.theme = remembered
        self.theme_changed_signal.subscribe(self, self._remember_theme)

    def on_reader_screen_ready(self, _: ReaderScreen.Ready) -> None:
        """The reading screen is there: show the given stories, or start loading them."""
        if len(self._given_stories):
            self.show_stories(self._given_stories, ())
        else:
            self.build_in_background()

    def _remember_theme(self, theme) -> None:
        """The theme chosen (command palette: Theme) is the one the reader opens with next time."""
        problem = remember_theme(theme.name)
        if problem:
            self.notify(one_line(problem), severity="warning", markup=False)

    def on_resize(self) -> None:
        """A narrower source panel on small terminals, a wider one (longer titles) on large ones."""
        self.set_class(self.size.width < self.NARROW_WIDTH, "narrow")
        self.set_class(self.size.width >= self.WIDE_WIDTH, "wide")

    @work(thread=True, exclusive=True)
    def build_in_background(self, reload: bool = False) -> None:
        """Run the loader in a daemon thread and wait for it here, a little at a time.

        Loading can block for a while (a slow server, up to its deadline). When the user quits,
        Textual cancels this worker; it stops waiting at once, and the daemon thread, if still
        busy, cannot keep the program from exiting.
        """
        worker = get_current_worker()
        outcome: queue.Queue[Loaded | BaseException] = queue.Queue(maxsize=1)
        last = ["", 0.0]  # the stage last told, and when

        def status(text: str) -> None:
            """Tell the reader the loader's stage, unless the user has already left: a new stage
            at once, progress within one at most every STATUS_EVERY seconds. Each message waits
            for the screen to take it, and the loader told one per source: 1,200 articles spent
            6 s waiting on their "Loading source k of n" lines."""
            stage, now = text.split(" ", 1)[0], time.monotonic()
            if worker.is_cancelled or (stage == last[0] and now - last[1] < STATUS_EVERY):
                return
            last[:] = [stage, now]
            self.call_from_thread(self.reader.set_status, text)

        def run() -> None:
            """The loader itself, in its daemon thread; any failure becomes the outcome."""
            try:
                loader = self.reloader if reload else self.loader
                outcome.put(loader(status=status) if loader else Loaded(Stories.of(()), ()))
            except BaseException as error:  # noqa: BLE001 - shown to the user, not swallowed
                outcome.put(error)

        threading.Thread(target=run, name="digest loader", daemon=True).start()
        while True:
            try:
                result = outcome.get(timeout=0.1)
                break
            except queue.Empty:
                if worker.is_cancelled:
                    return
        if worker.is_cancelled:
            return
        if isinstance(result, BaseException):
            self.call_from_thread(self.show_failure, [LoadProblem("digest", f"could not build the story ({type(result).__name__}: {result})")])
        elif not len(result.stories):
            self.call_from_thread(self.show_failure, result.problems)
        else:
            self.call_from_thread(self.show_stories, result.stories, result.problems)

    def show_failure(self, problems: Iterable[LoadProblem]) -> None:
        """No usable source: say why for each, and leave with exit code 1 on q."""
        self.exit_code = 1
        self.reader.show_failure(problems)

    # --- stories ---------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The story list means something only with several stories."""
        return action != "story_list" or len(self.stories) > 1

    def show_stories(self, stories: Stories, problems: Iterable[LoadProblem]) -> None:
        """One story: read it. Several: the story list, which opens each on enter."""
        self.stories = stories
        self.problems = list(problems)
        self.notify_skipped(self.problems)
        if len(stories) == 1:
            self.open_story(0)
            return
        self.reader.query_one("#loading").display = False
        self.reader.set_status(f"{len(stories)} stories: pick one in the list (l shows it again).")
        self.action_story_list()

    def open_story(self, index: int) -> None:
        """Read story ``index``: merged now if it is not yet (a library's are merged when
        opened), marked read, with what is new since it was last read marked."""
        if isinstance(self.screen, StoryListScreen):
            self.pop_screen()
        new = self.stories.open(index)
        if self.stories.is_merged(index):
            self.reader.show_story(self.stories.story(index), self.problems, notify=False, new_sources=new)
            return
        outline = self.stories.outlines[index]
        self.reader.show_loading(f"Merging “{one_line(outline.title)[:80]}” ({len(outline.sources)} sources)…")
        self.merge_in_background(index, new)

    @work(thread=True, exclusive=True, group="merge")
    def merge_in_background(self, index: int, new: frozenset[str]) -> None:
        """Merge one story of the list off the UI thread, then show it."""
        story = self.stories.story(index)
        if not get_current_worker().is_cancelled:
            self.call_from_thread(self.reader.show_story, story, self.problems, False, new)

    def action_story_list(self) -> None:
        """Back to the story list (with several stories)."""
        if len(self.stories) > 1 and not isinstance(self.screen, StoryListScreen):
            self.push_screen(StoryListScreen(self.stories.outlines, self.stories.unread, self.open_story))

    def action_close_list(self) -> None:
        """Escape in the story list: back to the story being read, if any."""
        if isinstance(self.screen, StoryListScreen) and self.story is not None:
            self.pop_screen()

    def action_reload(self) -> None:
        """Load the sources again (pages fetched anew; the library's feeds updated first)."""
        if self.reloader is None:
            self.notify("Nothing to reload: the stories were given, not loaded.", markup=False)
            return
        while isinstance(self.screen, StoryListScreen):
            self.pop_screen()
        self.reader.show_loading("Loading sources…")
        self.build_in_background(reload=True)

    def notify_skipped(self, problems: list[LoadProblem]) -> None:
        """One notice for the sources that could not be used (listed in the source panel)."""
        if problems:
            self.notify(f"{plural(len(problems), 'source')} skipped: see the end of the source list.", title="Sources skipped", severity="warning", markup=False, timeout=6)

    # --- app-wide keys ---------------------------------------------------------------------------

    def action_help(self) -> None:
        """The key help, grouped, with the user's remapped keys and each binding's id."""
        self.push_screen(HelpScreen(help_lines(self.user_keymap)))

    def action_quit(self) -> None:
        """Leave with the exit code the story earned (1 when no source was usable)."""
        self.exit(return_code=self.exit_code)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """Textual's own commands, less the two ours replace (Quit, and Keys: our Help lists the
        keys with their ids), then every action of ours that the app can do now, and sources."""
        for command in super().get_system_commands(screen):
            if command.title not in ("Quit", "Keys"):
                yield command
        reading = screen is self.reader
        for binding in BINDINGS:
            if not binding.id or binding.id.startswith(("source.pick", "scroll.")):
                continue
            if binding in APP_BINDINGS or binding.action.startswith("app."):
                if self.check_action(binding.action.removeprefix("app."), ()):
                    yield SystemCommand(binding.tooltip or binding.description, f"Key: {binding.key_display or binding.key}", lambda action=binding.action: self.run_action(action))
            elif reading and self.reader.can_act(binding.action):
                yield SystemCommand(binding.tooltip or binding.description, f"Key: {binding.key_display or binding.key}", lambda action=binding.action: self.reader.run_action(action))
        if reading and self.story is not None:
            for index, source in enumerate(self.story.sources):
                yield SystemCommand(f"Show {source_marker(index)} {source.label}", "As published, with its own details highlighted", lambda i=index: self.reader.switch_view(i))


def _home_relative(path: Path) -> str:
    """A path as a reader writes it: the home folder as ~."""
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return str(path)


HELP_GROUPS = (
    ("Read", ("scroll.", "sentence.", "wordings", "variants")),
    ("Sources", ("source.", "open")),
    ("Details", ("detail.",)),
    ("Search, save, removed lines", ("search.", "save", "removed")),
    ("App", ("help", "quit")),
    ("Stories (several in the digest)", ("stories",)),
)
"""The help's sections, essentials first, and the binding ids each one lists."""


def help_lines(keymap: dict[str, str]) -> list[Content]:
    """The key help, grouped and one line per binding, written from the bindings and the user's
    keymap (so remapped keys show), with each binding's id for keymap.toml."""
    lines: list[Content] = [Content.assemble(("escape, q or ?: close  ·  j k g G space b: scroll", "dim"))]
    for title, prefixes in HELP_GROUPS:
        lines.append(Content.assemble(("\n" + title, "bold")))
        for binding in [*BINDINGS, *StoryListScreen.BINDINGS]:
            if not binding.id or not binding.id.startswith(prefixes):
                continue
            if binding.id.startswith("source.pick"):
                if binding.id != "source.pick1":  # one line stands for all nine
                    continue
                keys, does, ident = " ".join(keymap.get(f"source.pick{n}", str(n)) for n in range(1, 10)), "show source 1 … 9 as published", "source.pick1…9"
            else:
                keys = keymap.get(binding.id, binding.key_display or binding.key).replace(",", " ")
                does, ident = binding.tooltip or binding.description, binding.id
            lines.append(Content.assemble((f"  {keys:<18}", "bold"), f"{does:<34}", (ident, "dim")))
    lines.append(Content.assemble((f"  {'ctrl+p':<18}", "bold"), "command palette: every action"))
    lines.append(
        Content.assemble(
            ("\nMarkers such as ‹ACD› name every outlet that tells a sentence. Underlined words: only that outlet says "
             "them anywhere in the story. (B: …) is outlet B's own addition. Mouse: scroll, click a source or a paragraph. "
             f"Remap keys in {_home_relative(keymap_path())} with the ids above, e.g. \"detail.next\" = \"n\".", "dim")
        )
    )
    return lines
