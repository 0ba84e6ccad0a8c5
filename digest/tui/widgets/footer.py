"""The key footer, rebuilt only when the keys it shows change.

Textual's Footer rebuilds all its key widgets (about thirty here, each styled anew) every time
the screen says its bindings may have changed: on every focus change and every
``refresh_bindings``. Opening a story said so three times in a row, and each rebuild took
about 50 ms of the time before the story was on screen, to show the same keys. This footer
waits for the requests of one refresh to pass and rebuilds once, and only when what it would
show (keys, labels, enabled or not) is not what it shows already.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer


class KeyFooter(Footer):
    """A Footer that rebuilds once per change of the keys it shows."""

    def __init__(self) -> None:
        super().__init__()
        self._shown: tuple | None = None
        """What the keys last composed look like (``_keys``)."""
        self._pending = False
        """A rebuild is asked for after the next refresh."""

    def bindings_changed(self, screen: Screen) -> None:
        """Textual's signal that the bindings may have changed: check once, after the refresh."""
        self._bindings_ready = True
        if not screen.app.app_focus or not self.is_attached or screen is not self.screen or self._pending:
            return
        self._pending = True
        self.call_after_refresh(self._rebuild_if_changed)

    async def _rebuild_if_changed(self) -> None:
        self._pending = False
        if not self.is_attached:
            return  # its screen has left the stack meanwhile: it asks again when it is back
        keys = self._keys()
        if keys != self._shown:
            self._shown = keys
            await self.recompose()

    def _keys(self) -> tuple:
        """Everything of the active bindings that the footer shows."""
        app = self.app
        return tuple(
            (key, binding.action, app.get_key_display(binding), binding.description, binding.show, binding.group, enabled, tooltip)
            for key, (_, binding, enabled, tooltip) in self.screen.active_bindings.items()
        )
