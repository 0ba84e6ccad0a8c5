"""Small modal screens: help, variants, removed lines, the save prompt and its confirmation."""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static

from digest.tui.scrolling import scroll, scroll_bindings


class TextScreen(ModalScreen[None]):
    """A scrollable panel of Content (never markup) that any close key dismisses."""

    BINDINGS = [Binding("escape,q,enter", "dismiss", "Close", id="dialog.close")]

    def __init__(self, title: str, body: list[Content]) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog"):
            yield Label(Content(self.title_text), classes="dialog-title")
            for item in self.body:
                yield Static(item, markup=False, classes="dialog-item")
            yield Label(Content("escape: close"), classes="dialog-hint")

    def action_dismiss(self) -> None:
        self.dismiss(None)


class HelpScreen(ModalScreen[None]):
    """Key help: our own text, grouped, one line per key; scrolls with the reader's keys."""

    BINDINGS = [Binding("escape,q,question_mark", "dismiss", "Close", id="help.close"), *scroll_bindings("scroll", "help")]

    def __init__(self, lines: list[Content]) -> None:
        super().__init__()
        self.lines = lines

    @property
    def text(self) -> str:
        """The help as plain text (what it lists)."""
        return "\n".join(line.plain for line in self.lines)

    def compose(self) -> ComposeResult:
        with VerticalScroll(classes="dialog help"):
            yield Static(Content("\n").join(self.lines), markup=False)

    def action_scroll(self, how: str) -> None:
        scroll(self.query_one(VerticalScroll), how)

    def action_dismiss(self) -> None:
        self.dismiss(None)


class SaveScreen(ModalScreen[Path | None]):
    """Asks where to save the merged story as Markdown, with a sensible default name."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="save.cancel")]

    def __init__(self, default: Path) -> None:
        super().__init__()
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label("Save the merged story as Markdown", classes="dialog-title")
            yield Input(str(self.default), id="save-path", select_on_focus=False)
            yield Label(Content(f"in {self.default.parent} unless you give another folder"), classes="dialog-hint")
            yield Label(Content("enter: save · escape: cancel"), classes="dialog-hint")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        self.dismiss(Path(value).expanduser() if value else None)

    def action_cancel(self) -> None:
        self.dismiss(None)


class ConfirmScreen(ModalScreen[bool]):
    """A yes/no question; only an explicit yes confirms."""

    BINDINGS = [
        Binding("y", "answer(True)", "Yes", id="confirm.yes"),
        Binding("n,escape", "answer(False)", "No", id="confirm.no"),
    ]

    def __init__(self, question: str) -> None:
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog small"):
            yield Label(Content(self.question), classes="dialog-title")
            with Horizontal(classes="buttons"):
                yield Button("Overwrite (y)", id="yes", variant="warning")
                yield Button("Cancel (n)", id="no")

    def on_mount(self) -> None:
        """Cancel has the focus: enter, enter after a save must never overwrite by accident."""
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
