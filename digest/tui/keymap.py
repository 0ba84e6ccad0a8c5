"""User key remapping: ~/.config/digest/keymap.toml maps binding ids to keys.

Example::

    "detail.next" = "n"
    "search.next" = "ctrl+n"
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path


def keymap_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "digest" / "keymap.toml"


def read_keymap(path: Path | None = None) -> tuple[dict[str, str], str | None]:
    """The keymap in ``path`` and a one-line problem, if it could not be used."""
    path = path or keymap_path()
    if not path.exists():
        return {}, None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        return {}, f"{path}: ignored ({error})"
    table = data.get("keymap", data)
    keymap = {str(k): v for k, v in table.items() if isinstance(v, str)}
    skipped = sorted(set(table) - set(keymap))
    return keymap, (f"{path}: ignored non-text entries {', '.join(skipped)}" if skipped else None)
