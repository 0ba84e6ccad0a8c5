"""The reading screen: one story, merged or as each outlet published it.

It owns what the reader is looking at (the story, the view, the reading cursor, the search) and
every key that acts on it; the app (app.py) loads the stories and moves between this screen, the
story list and the dialogs. ``view`` and ``cursor`` are reactive: changing the view retitles it
and moves the source panel's highlight.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Input, LoadingIndicator, OptionList, Static

from digest.model import LoadProblem, Story, source_marker
from digest.phrasing import plural
from digest.tui import render
from digest.tui.screens.dialogs import ConfirmScreen, SaveScreen, TextScreen
from digest.tui.scrolling import scroll, scroll_bindings
from digest.tui.widgets.footer import KeyFooter
from digest.tui.widgets.source_list import MERGED_ID, SourceList
from digest.tui.widgets.story_view import StoryView

Place = tuple[int, int]
"""(paragraph index, sentence index) in the current view."""

READER_BINDINGS = [
    *scroll_bindings("scroll_story", "scroll"),
    Binding("tab", "cycle_source(1)", "Source", tooltip="Next source", id="source.next", priority=True),
    Binding("shift+tab", "cycle_source(-1)", "Previous source", show=False, id="source.previous", priority=True),
    *[Binding(str(n), f"pick_source({n - 1})", f"Source {n}", show=False, id=f"source.pick{n}") for n in range(1, 10)],
    Binding("0,escape", "merged_view", "Merged story", show=False, id="source.merged"),
    Binding("right_square_bracket", "jump_detail(1)", "Detail", tooltip="Next detail", id="detail.next", key_display="]"),
    Binding("left_square_bracket", "jump_detail(-1)", "Previous detail", show=False, id="detail.previous", key_display="["),
    Binding("right_curly_bracket", "move_sentence(1)", "Next sentence", show=False, id="sentence.next", key_display="}"),
    Binding("left_curly_bracket", "move_sentence(-1)", "Previous sentence", show=False, id="sentence.previous", key_display="{"),
    Binding("v", "variants", "Variants", tooltip="How each outlet tells this sentence", show=False, id="variants"),
    Binding("w", "toggle_wordings", "Wordings", tooltip="Every outlet's wording under its sentence", id="wordings"),
    Binding("r", "removed", "Removed", show=False, id="removed"),
    Binding("o", "open_original", "Open", tooltip="Open the original article in the browser", show=False, id="open"),
    Binding("slash", "search", "Search", id="search.open", key_display="/"),
    Binding("n", "next_match(1)", "Next match", show=False, id="search.next"),
    Binding("N", "next_match(-1)", "Previous match", show=False, id="search.previous"),
    Binding("s", "save", "Save", id="save"),
    Binding("l", "app.story_list", "Stories", tooltip="Back to the list of stories", show=False, id="stories"),
]

NEEDS_STORY = ("save", "search", "variants", "toggle_wordings", "removed", "jump_detail", "move_sentence", "next_match", "cycle_source", "pick_source", "open_original")
"""Actions that mean nothing before a story is shown: hidden from the footer and palette."""


class ReaderScreen(Screen[None]):
    """The story being read: header, source panel, the story view, search box and footer."""

    BINDINGS = READER_BINDINGS
    view: reactive[int | None] = reactive(None, init=False, always_update=True)
    """The source shown as published, or None for the merged story."""
    cursor: reactive[Place | None] = reactive(None, init=False, always_update=True)
    """The reading cursor: a sentence of the current view, or None."""

    def __init__(self) -> None:
        super().__init__()
        self.story: Story | None = None
        self.new_sources: frozenset[str] = frozenset()
        """Sources of the story being read that are new since it was last read (the library's)."""
        self.wordings = False
        """Show every outlet's wording under each merged sentence (off: the compact story)."""
        self.problems: list[LoadProblem] = []
        """Sources that could not be used, and why: listed in the source panel and under r."""
        self.rendered: list[render.RenderedParagraph] = []
        self.search_pattern: re.Pattern[str] | None = None
        self.matches: list[Place] = []
        self.match_index = -1

    def compose(self) -> ComposeResult:
        """Header, the source panel beside the story, the search box and the footer."""
        yield Static(Content("digest"), id="story-header", markup=False)
        with Horizontal(id="body"):
            yield SourceList(id="sources")
            with Vertical(id="reading"):
                yield Static(Content(""), id="view-title", markup=False)
                yield LoadingIndicator(id="loading")
                yield Static(Content("Loading sources…"), id="status", markup=False)
                yield StoryView(id="story")
        yield Input(placeholder="search (enter: find, escape: close)", id="search")
        yield KeyFooter()

    class Ready(Message):
        """The screen's widgets are mounted: the app may show stories in it."""

    def on_mount(self) -> None:
        """Focus the source panel and tell the app the screen is ready for stories."""
        self.query_one(SourceList).focus()
        self.post_message(self.Ready())

    def can_act(self, action: str) -> bool:
        """Whether ``action`` can run now: most need a story to act on."""
        return self.story is not None or not action.startswith(NEEDS_STORY)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what needs a story while there is none (loading, or nothing usable)."""
        return self.can_act(action)

    def watch_view(self, source: int | None) -> None:
        """A new view: its title line and the source panel's highlight follow."""
        if self.story is None:
            return
        self.query_one(SourceList).show_view(source)
        self.query_one("#view-title", Static).update(self._view_title())

    def show_loading(self, text: str) -> None:
        """Back to the loading state (a reload, or a story being merged)."""
        self.story = None
        self.query_one("#story").display = False
        self.query_one("#loading").display = True
        self.query_one("#status").display = True
        self.set_status(text)
        self.refresh_bindings()

    def show_failure(self, problems: Iterable[LoadProblem]) -> None:
        """No usable source: say why for each."""
        self.query_one("#loading").display = False
        lines = [str(p) for p in problems] or ["no sources given"]
        self.set_status("No usable source, so there is no story to show:\n\n" + "\n".join(f"  • {line}" for line in lines) + "\n\nPress q to quit.")

    def show_story(self, story: Story, problems: Iterable[LoadProblem], notify: bool = True, new_sources: frozenset[str] = frozenset()) -> None:
        """Show a built story: header, source panel (with skipped sources), merged view."""
        self.story = story
        self.new_sources = new_sources
        if new_sources:
            count = len(new_sources)
            self.notify(f"{plural(count, 'new article')} since you last read this story: ✚ marks what only they tell.", markup=False, timeout=6)
        problems = list(problems)
        self.problems = problems
        if notify:
            self.app.notify_skipped(problems)
        for source in story.sources:
            if source.id in story.unrelated:
                self.notify(f"{source.label} shares nothing with the other sources: probably another story.", title="Unrelated source", severity="warning", markup=False, timeout=8)
        if len(story.sources) == 1:
            self.notify("Only one source: there is nothing to compare it with, so all of it is its own.", markup=False, timeout=8)
        self.query_one("#loading").display = False
        self.query_one("#status").display = False
        self.query_one("#story").display = True
        self.query_one("#story-header", Static).update(render.header_text(story))
        self.query_one(SourceList).set_story(story, problems)
        self.refresh_bindings()
        self.switch_view(None)
        self.set_focus(self.query_one(StoryView))  # now, not after a refresh: the footer rebuilds once for both changes

    def switch_view(self, source: int | None) -> None:
        """Show the merged story (None) or one source as published.

        With the reading cursor on a sentence, the other view opens at its counterpart: the
        outlet's own version of a merged sentence, in context, or the merged sentence that
        represents an outlet's sentence. So a reader goes to each outlet's wording and back.
        """
        if self.story is None:
            return
        merged_place = self._merged_place()
        self.set_reactive(ReaderScreen.cursor, None)  # a new view: nothing to un-draw
        self.view = source  # watch_view: the title line and the source panel follow
        self.rendered = self._render_all()
        self.matches, self.match_index = self._find_matches(), -1
        self.query_one(StoryView).show([(render.with_search(p, self.search_pattern), p.heading) for p in self.rendered])
        if merged_place is not None:
            target = self._place_of(merged_place)
            if target is not None:
                self.call_after_refresh(self._set_cursor, target)
            else:
                label = self.story.sources[source].label if source is not None else "the merged story"
                self.notify(f"{label} does not tell that sentence.", timeout=3, markup=False)

    def _merged_place(self) -> Place | None:
        """(block, index) of the merged sentence at the cursor, in either view; None without cursor."""
        if self.cursor is None or self.story is None:
            return None
        if self.view is None:
            return self.cursor
        sentence = self.story.source_sentences[self.view][self.cursor[0]][self.cursor[1]]
        return (sentence.block, sentence.index)

    def _place_of(self, merged_place: Place) -> Place | None:
        """Where the merged sentence at ``merged_place`` stands in the current view."""
        assert self.story is not None
        if self.view is None:
            return merged_place
        for p, paragraph in enumerate(self.story.source_sentences[self.view]):
            for k, sentence in enumerate(paragraph):
                if (sentence.block, sentence.index) == merged_place:
                    return (p, k)
        return None

    def _render_all(self) -> list[render.RenderedParagraph]:
        """Every paragraph of the current view as Content, with the places of its sentences."""
        assert self.story is not None
        if self.view is None:
            return [render.merged_paragraph(self.story, i, wordings=self.wordings, new_sources=self.new_sources) for i in range(len(self.story.blocks))]
        count = len(self.story.sources[self.view].paragraphs)
        return [render.source_paragraph(self.story, self.view, i) for i in range(count)]

    def _render_one(self, index: int, cursor: int | None) -> render.RenderedParagraph:
        """One paragraph again, with the reading cursor on sentence ``cursor``."""
        assert self.story is not None
        if self.view is None:
            return render.merged_paragraph(self.story, index, cursor, wordings=self.wordings, new_sources=self.new_sources)
        return render.source_paragraph(self.story, self.view, index, cursor)

    def _view_title(self) -> Content:
        """The line above the story: which view this is and how to read its cues."""
        assert self.story is not None
        if self.view is None:
            return Content.assemble(("Merged story", "bold"), ("  ·  underlined: only one outlet says it  ·  ‹ABC›: who tells it  ·  w: every wording", "dim"))
        source = self.story.sources[self.view]
        origin = source.origin + (f" · {source.date}" if source.date else "")
        return Content.assemble(
            (f" {source_marker(self.view)} ", f"reverse {render.marker_style(self.view)}"),
            " ",
            (source.label, "bold"),
            (f"  ·  {origin}  ·  as published; dimmed: shared with other outlets", "dim"),
        )

    def _set_cursor(self, place: Place | None) -> None:
        """Move the reading cursor (see watch_cursor)."""
        self.cursor = place

    def watch_cursor(self, old: Place | None, place: Place | None) -> None:
        """The cursor moved: re-render only the paragraphs it leaves and enters, and show it."""
        view = self.query_one(StoryView)
        for paragraph in {p for p in (old[0] if old else None, place[0] if place else None) if p is not None}:
            sentence = place[1] if place and place[0] == paragraph else None
            self.rendered[paragraph] = self._render_one(paragraph, sentence)
            view.update_paragraph(paragraph, render.with_search(self.rendered[paragraph], self.search_pattern))
        if place:
            view.reveal(place[0])

    def _places(self) -> list[Place]:
        """Every sentence of the current view, as (paragraph, sentence), in reading order."""
        return [(p, s) for p, paragraph in enumerate(self.rendered) for s in range(len(paragraph.sentences))]

    def _start_place(self, direction: int) -> Place:
        """Where a jump starts: the cursor, or the top of what is on screen."""
        if self.cursor is not None:
            return self.cursor
        first = self.query_one(StoryView).first_visible()
        return (first, -1) if direction > 0 else (first, 0)

    def _step(self, candidates: list[Place], direction: int) -> Place | None:
        """The next (or previous) of ``candidates`` after the start place, wrapping around."""
        if not candidates:
            return None
        start = self._start_place(direction)
        after = [p for p in candidates if (p > start if direction > 0 else p < start)]
        if after:
            return after[0] if direction > 0 else after[-1]
        return candidates[0] if direction > 0 else candidates[-1]  # wrap around

    def action_scroll_story(self, how: str) -> None:
        """Scroll the story one way; the keys are remappable (see scrolling.py)."""
        scroll(self.query_one(StoryView), how)

    def action_cycle_source(self, step: int) -> None:
        """Tab through the merged story and each source as published."""
        if self.story is None:
            return
        views: list[int | None] = [None, *range(len(self.story.sources))]
        self.switch_view(views[(views.index(self.view) + step) % len(views)])

    def action_pick_source(self, index: int) -> None:
        """Show source ``index`` (keys 1 to 9) as published."""
        if self.story is not None and index < len(self.story.sources):
            self.switch_view(index)

    def action_merged_view(self) -> None:
        """Escape closes the search box first; otherwise back to the merged story, and from
        there to the story list (with several stories)."""
        search = self.query_one("#search", Input)
        if search.display:
            search.display = False
            self.query_one(StoryView).focus()
            return
        if self.view is not None:
            self.switch_view(None)
        else:
            self.app.action_story_list()

    def action_jump_detail(self, direction: int) -> None:
        """Move the cursor to the next (or previous) detail of the shown outlet, or of any."""
        details = [
            (p, s)
            for p, paragraph in enumerate(self.rendered)
            for s, place in enumerate(paragraph.sentences)
            if place.detail_of and (self.view is None or self.view in place.detail_of)
        ]
        target = self._step(details, direction)
        if target is None:
            self.notify("No unique details in this view.", markup=False)
            return
        self._set_cursor(target)

    def action_move_sentence(self, direction: int) -> None:
        """Move the reading cursor one sentence on or back."""
        target = self._step(self._places(), direction)
        if target is not None:
            self._set_cursor(target)

    def action_open_original(self) -> None:
        """Open the shown source's page, or the page of the sentence at the cursor, in the browser."""
        if self.story is None:
            return
        if self.view is not None:
            index = self.view
        elif self.cursor is not None:
            index = self.story.blocks[self.cursor[0]].sentences[self.cursor[1]].origin.source
        else:
            self.notify("Pick a source (tab) or a sentence ({ }) first.", timeout=3, markup=False)
            return
        source = self.story.sources[index]
        if not source.origin.lower().startswith(("http://", "https://")):
            self.notify(f"{source.label} is a file, not a web page: {source.origin}", timeout=4, markup=False)
            return
        self.app.open_url(source.origin)
        self.notify(f"Opening {source.origin}", timeout=3, markup=False)

    def action_toggle_wordings(self) -> None:
        """Compact story (each piece of information once) or every outlet's wording under it."""
        if self.story is None:
            return
        self.wordings = not self.wordings
        if self.view is None:
            first = self.query_one(StoryView).first_visible()
            self.switch_view(None)
            self.query_one(StoryView).reveal(first)
        self.notify("Showing every outlet's wording" if self.wordings else "Compact story: each piece of information once", timeout=2, markup=False)

    def action_search(self) -> None:
        """Open the search box (enter finds, escape closes)."""
        if self.story is None:
            return
        search = self.query_one("#search", Input)
        search.display = True
        search.focus()

    @on(Input.Submitted, "#search")
    def run_search(self, event: Input.Submitted) -> None:
        """Highlight every hit in the view and move to the first one after the cursor."""
        query = event.value.strip()
        event.input.display = False
        self.query_one(StoryView).focus()
        self.search_pattern = re.compile(re.escape(query), re.IGNORECASE) if query else None
        self.matches, self.match_index = self._find_matches(), -1
        self.query_one(StoryView).restyle([render.with_search(p, self.search_pattern) for p in self.rendered])
        if not query:
            return
        if not self.matches:
            self.notify(f"No match for “{query}”.", markup=False)
            return
        self.action_next_match(1)

    def _find_matches(self) -> list[Place]:
        """The sentences of the current view that the search pattern finds."""
        if self.search_pattern is None:
            return []
        found = []
        for p, paragraph in enumerate(self.rendered):
            plain = paragraph.content.plain
            for s, place in enumerate(paragraph.sentences):
                if self.search_pattern.search(plain[place.start : place.end]):
                    found.append((p, s))
        return found

    def action_next_match(self, direction: int) -> None:
        """Move the cursor to the next (or previous) search hit, wrapping around."""
        if not self.matches:
            if self.search_pattern is not None:
                self.notify("No matches in this view.", markup=False)
            return
        self.match_index = (self.match_index + direction) % len(self.matches)
        self._set_cursor(self.matches[self.match_index])
        self.notify(f"Match {self.match_index + 1} of {len(self.matches)}", timeout=2, markup=False)

    def action_variants(self) -> None:
        """How each outlet tells the sentence at the cursor: wordings, how they matched, scores."""
        if self.story is None:
            return
        place = self.cursor or (self.query_one(StoryView).first_visible(), 0)
        if not self.rendered or not self.rendered[place[0]].sentences:
            return
        merged = self._merged_at(place)
        story = self.story
        body = [self._attributed(merged.origin.source, merged.text, "shown in the merged story")]
        for variant in merged.variants:
            scores = f"resemblance {variant.resemblance:.2f} · containment {variant.containment:.2f} · information {variant.cosine:.2f}"
            body.append(self._attributed(story.source_index(variant.source_id), variant.text, f"{render.HOW[variant.how]} · {scores}"))
        how = {variant.ref: variant.how for variant in merged.variants}
        for addition in merged.additions:
            body.append(self._attributed(story.source_index(addition.source_id), addition.text, render.ADDITION[how.get(addition.ref, "wording")]))
        carriers = ", ".join(f"{story.marker(i)} {story.sources[story.source_index(i)].label}" for i in merged.source_ids)
        body.append(Content.assemble(("Carried by: ", "bold"), carriers))
        if not merged.variants:
            body.append(Content.assemble(("No other outlet tells this, in these words or others.", "dim")))
        self.app.push_screen(TextScreen("How other outlets tell this sentence", body))

    def _merged_at(self, place: Place):
        """The merged sentence at ``place`` of the current view (either view)."""
        assert self.story is not None
        if self.view is None:
            return self.story.blocks[place[0]].sentences[place[1]]
        return self.story.merged(self.story.source_sentences[self.view][place[0]][place[1]])

    def _attributed(self, index: int, text: str, note: str) -> Content:
        """A dialog item: the outlet's marker and label, a note, then its text."""
        assert self.story is not None
        return Content.assemble(
            (f" {source_marker(index)} ", f"reverse {render.marker_style(index)}"),
            " ",
            (self.story.sources[index].label, "bold"),
            (f"  {note}", "dim"),
            "\n",
            text,
        )

    def action_removed(self) -> None:
        """Skipped sources, and every line cleaning removed with its reason."""
        if self.story is None:
            return
        indexes = range(len(self.story.sources)) if self.view is None else [self.view]
        body = []
        if self.view is None:  # sources that could not be used at all, with the whole reason
            body.extend(Content.assemble(("⚠ skipped ", "bold"), problem.origin, "\n", (problem.message, "dim")) for problem in self.problems)
        for index in indexes:
            source = self.story.sources[index]
            if not source.removed:
                body.append(self._attributed(index, "", "nothing removed"))
            for line in source.removed:
                body.append(self._attributed(index, line.text, line.reason))
        title = "Removed by cleaning" + ("" if self.view is None else f": {self.story.sources[self.view].label}")
        if self.view is None and self.problems:
            title = "Skipped sources, and lines removed by cleaning"
        self.app.push_screen(TextScreen(title, body))

    def action_save(self) -> None:
        """Ask where to save the merged story as Markdown (default name from the title)."""
        if self.story is None:
            return
        self.app.push_screen(SaveScreen(default_save_path(self.story)), self._save_chosen)

    def _save_chosen(self, path: Path | None) -> None:
        """After the save prompt: ask before replacing an existing file."""
        if path is None:
            return
        if path.exists():
            self.app.push_screen(ConfirmScreen(f"{path.name} already exists in {path.parent}.\nOverwrite it?"), lambda yes: self._write(path, overwrite=True) if yes else None)
        else:
            self._write(path, overwrite=False)

    def _write(self, path: Path, overwrite: bool) -> None:
        """Write the Markdown atomically; say where, or why it could not be written."""
        from digest.export import render_markdown
        from digest.export.save import SaveError, save_text

        assert self.story is not None
        try:
            written = save_text(path, render_markdown(self.story), overwrite=overwrite)
        except SaveError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False, timeout=10)
            return
        self.notify(f"Saved to {written}", title="Saved", markup=False)

    @on(OptionList.OptionSelected, "#sources")
    def source_selected(self, event: OptionList.OptionSelected) -> None:
        """A click or enter in the source panel switches the view."""
        option_id = event.option.id or MERGED_ID
        target = None if option_id == MERGED_ID else int(option_id.split("-")[1])
        if target != self.view:
            self.switch_view(target)
        self.query_one(StoryView).focus()

    @on(StoryView.Clicked)
    def paragraph_clicked(self, event: StoryView.Clicked) -> None:
        """A click on a paragraph puts the reading cursor on its first sentence."""
        if self.rendered and self.rendered[event.index].sentences:
            self._set_cursor((event.index, 0))

    def set_status(self, text: str) -> None:
        """What the loader is doing, shown while the story is not there yet."""
        self.query_one("#status", Static).update(Content(text))


MAX_SLUG = 60


def default_save_path(story: Story) -> Path:
    """A file name from the title, cut at a word boundary, in the current folder."""
    words = [w for w in re.split(r"[^\w]+", story.title.casefold()) if w]
    slug = ""
    for word in words:
        longer = f"{slug}-{word}" if slug else word
        if len(longer) > MAX_SLUG:
            break
        slug = longer
    return Path.cwd() / f"{slug or (words[0][:MAX_SLUG] if words else 'digest')}.md"
