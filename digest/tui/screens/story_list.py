"""The story list: what a digest of many articles opens on when they tell several stories.

One line per story (a mark while it has articles not yet read, the headline, how many outlets,
the time span), keys as feed-reader users know them from newsboat: enter opens, ``n`` jumps to
the next unread story, ``o`` opens the highlighted story's first original article, ``r``
reloads. Escape from a merged story comes back here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from digest.export.outline import time_span
from digest.model import StoryOutline
from digest.safe_text import clip, one_line
from digest.tui.widgets.footer import KeyFooter

UNREAD_MARK = "●"


def story_line(outline: StoryOutline, unread: bool) -> Content:
    """One row of the list: the mark, how many outlets, the time span, then the headline (plain
    text, never markup), so that what tells stories apart stays visible when the row is cut."""
    count = len(outline.sources)
    span = time_span(outline)
    mark = Content.styled(UNREAD_MARK if unread else " ", "bold $accent")
    facts = Content.styled(f"{count:>3} outlet{'s' if count != 1 else ' '}  {span + '  ' if span else ''}", "dim")
    return Content.assemble(mark, " ", facts, Content(one_line(clip(outline.title))))


class StoryListScreen(Screen[None]):
    """The stories of the digest (their outlines); ``open_story(index)`` is called on enter."""

    BINDINGS = [
        Binding("n", "next_unread", "Next unread", id="stories.next_unread"),
        Binding("o", "open_original", "Open", tooltip="Open its first original article", id="stories.open"),
        Binding("escape", "app.close_list", "Back", show=False, id="stories.back"),
        Binding("r", "app.reload", "Reload", tooltip="Reload (library: update feeds)", id="stories.reload"),
    ]

    def __init__(self, stories: Sequence[StoryOutline], unread: Callable[[int], bool], open_story: Callable[[int], None]) -> None:
        super().__init__()
        self.stories = stories
        self.unread = unread
        self.open_story = open_story

    def compose(self) -> ComposeResult:
        yield Static(Content(f"digest — {len(self.stories)} stories   (enter: read, n: next unread, ?: keys)"), id="story-list-header", markup=False)
        yield OptionList(*self._options(), id="story-list")
        yield KeyFooter()

    def _options(self) -> list[Option]:
        """One option per story, with its unread mark as it is now."""
        return [Option(story_line(story, self.unread(i)), id=str(i)) for i, story in enumerate(self.stories)]

    def on_screen_resume(self) -> None:
        """Back from a story: its mark is gone."""
        listing = self.query_one(OptionList)
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(self._options())
        listing.highlighted = highlighted if highlighted is not None else 0
        listing.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter (or a click) reads the story."""
        self.open_story(event.option_index)

    def action_next_unread(self) -> None:
        """Highlight the next story with unread articles after the highlighted one (wrapping)."""
        listing = self.query_one(OptionList)
        start = listing.highlighted if listing.highlighted is not None else -1
        count = len(self.stories)
        for step in range(1, count + 1):
            index = (start + step) % count
            if self.unread(index):
                listing.highlighted = index
                return
        self.notify("No unread stories.", markup=False)

    def action_open_original(self) -> None:
        """Open the highlighted story's first article that has a web address."""
        listing = self.query_one(OptionList)
        if listing.highlighted is None:
            return
        story = self.stories[listing.highlighted]
        url = next((s.origin for s in story.sources if s.origin.startswith(("http://", "https://"))), None)
        if url is None:
            self.notify("This story's articles were read from files: there is no page to open.", markup=False)
            return
        self.app.open_url(url)
