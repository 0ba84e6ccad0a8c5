"""The source panel: each outlet's marker, colour, label, title and unique-detail count."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from digest.model import Story
from digest.tui.render import source_option

MERGED_ID = "merged"


class SourceList(OptionList):
    """First row: the merged story; then one row per source. Selecting a row switches view."""

    def set_story(self, story: Story) -> None:
        counts = story.unique_counts()
        self.clear_options()
        self.add_option(Option(" ★ Merged story", id=MERGED_ID))
        self.add_options(Option(source_option(story, i, counts[i]), id=f"source-{i}") for i in range(len(story.sources)))

    def show_view(self, source: int | None) -> None:
        self.highlighted = 0 if source is None else source + 1
