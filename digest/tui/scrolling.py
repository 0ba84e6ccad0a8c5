"""The reader's scrolling keys, one definition for every scrollable view (the story, the help)."""

from __future__ import annotations

from textual.binding import Binding
from textual.widget import Widget

SCROLL_KEYS = (
    ("down,j", "down", "Scroll down", "down"),
    ("up,k", "up", "Scroll up", "up"),
    ("space,pagedown", "page_down", "Page down", "page_down"),
    ("b,pageup", "page_up", "Page up", "page_up"),
    ("g,home", "home", "Top", "top"),
    ("G,end", "end", "Bottom", "bottom"),
)
"""(keys, how, description, id suffix) for each way of scrolling."""


def scroll_bindings(action: str, id_prefix: str) -> list[Binding]:
    """Bindings that call ``action('how')`` for each way of scrolling, with ids ``prefix.suffix``."""
    return [Binding(keys, f"{action}('{how}')", description, show=False, id=f"{id_prefix}.{suffix}") for keys, how, description, suffix in SCROLL_KEYS]


def scroll(view: Widget, how: str) -> None:
    """Scroll ``view`` one way ("down", "page_up", "home", …), without animation."""
    {
        "down": view.scroll_down,
        "up": view.scroll_up,
        "page_down": view.scroll_page_down,
        "page_up": view.scroll_page_up,
        "home": view.scroll_home,
        "end": view.scroll_end,
    }[how](animate=False)
