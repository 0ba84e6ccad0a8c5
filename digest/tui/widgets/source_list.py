"""The source panel: each outlet's marker, colour, label, title and unique-detail count."""

from __future__ import annotations

from textual.widgets import OptionList
from textual.widgets.option_list import Option

from collections.abc import Sequence

from textual.content import Content

from digest.model import LoadProblem, Story
from digest.tui.render import source_option

MERGED_ID = "merged"


class SourceList(OptionList):
    """First row: the merged story; then one row per source, and one per skipped source (with its
    reason, not selectable). Selecting a row switches view."""

    def set_story(self, story: Story, problems: Sequence[LoadProblem] = ()) -> None:
        """The merged story, each source, then each source that could not be used and why."""
        counts = story.unique_counts()
        self.clear_options()
        self.add_option(Option(" ★ Merged story", id=MERGED_ID))
        self.add_options(Option(source_option(story, i, counts[i]), id=f"source-{i}") for i in range(len(story.sources)))
        for problem in problems:
            name = problem.origin.rstrip("/").rsplit("/", 1)[-1] or problem.origin
            self.add_option(Option(Content.assemble((" ⚠ skipped ", "bold"), name, "\n", (f"    {problem.message}", "dim italic")), disabled=True))

    def show_view(self, source: int | None) -> None:
        """Highlight the view shown: the merged story (None) or source ``source``."""
        self.highlighted = 0 if source is None else source + 1
