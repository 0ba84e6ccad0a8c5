"""The scrolling story: one Static per paragraph, the fastest way Textual shows long text."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Static


class ParagraphView(Static):
    """One paragraph or heading; clicking it moves the reading cursor there."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, content: Content, index: int, heading: bool) -> None:
        super().__init__(content, markup=False, classes="heading" if heading else "paragraph")
        self.index = index

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.index))


class StoryView(VerticalScroll):
    """Scrolls the paragraphs of the current view; the app decides what they say."""

    BINDINGS = []  # scrolling keys are the app's, so that they have ids and can be remapped

    def show(self, paragraphs: list[tuple[Content, bool]]) -> None:
        """Replace every paragraph (a view switch)."""
        with self.app.batch_update():
            self.remove_children()
            self.mount_all([ParagraphView(content, index, heading) for index, (content, heading) in enumerate(paragraphs)])
        self.scroll_home(animate=False)

    def restyle(self, contents: list[Content]) -> None:
        """New styling for the same paragraphs (search hits): update in place, no remount."""
        for view, content in zip(self.query(ParagraphView), contents):
            view.update(content)

    def paragraph(self, index: int) -> ParagraphView | None:
        views = self.query(ParagraphView)
        return views[index] if 0 <= index < len(views) else None

    def update_paragraph(self, index: int, content: Content) -> None:
        view = self.paragraph(index)
        if view is not None:
            view.update(content)

    def reveal(self, index: int) -> None:
        view = self.paragraph(index)
        if view is not None:
            self.scroll_to_widget(view, animate=False, center=True)

    def first_visible(self) -> int:
        """Index of the first paragraph at least partly on screen."""
        top = self.scroll_offset.y
        for view in self.query(ParagraphView):
            if view.virtual_region.bottom > top:
                return view.index
        return 0
