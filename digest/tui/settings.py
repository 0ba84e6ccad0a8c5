"""The reader's settings in digest's config folder: keymap.toml maps binding ids to keys, and
settings.toml remembers the theme last chosen.

Example (ids are listed in the reader's help, ``?``)::

    "detail.next" = "n"
    "search.next" = "ctrl+n"

The folder is the platform's (platformdirs: ``$XDG_CONFIG_HOME/digest`` or ``~/.config/digest``
on Linux). Whatever is wrong with the file (unreadable, not TOML, unknown ids, keys Textual does
not know) is reported in one line each, and the default keys stay.
"""

from __future__ import annotations

import tomllib
from collections.abc import Collection
from pathlib import Path

MODIFIERS = frozenset({"ctrl", "shift", "alt", "meta", "super", "hyper"})


def config_dir() -> Path:
    """digest's config folder (platformdirs; tests point XDG_CONFIG_HOME elsewhere)."""
    import platformdirs

    return platformdirs.user_config_path("digest")


def keymap_path() -> Path:
    """Where the user remaps keys by binding id."""
    return config_dir() / "keymap.toml"


def _known_key_names() -> frozenset[str]:
    """Key names Textual understands, to refuse a typo in the keymap with a clear line."""
    from textual.keys import KEY_DISPLAY_ALIASES, Keys

    names = {key.value.rpartition("+")[2] for key in Keys}
    return frozenset(names | set(KEY_DISPLAY_ALIASES) | {"space", "enter", "tab", "backspace", "delete", "escape"})


def is_key(name: str) -> bool:
    """Whether Textual knows ``name`` as a key ("n", "ctrl+n", "f5", "question_mark", "a,b")."""
    from textual.keys import key_to_character

    known = _known_key_names()
    for key in name.split(","):
        *modifiers, base = key.strip().split("+")
        if not base or any(m not in MODIFIERS for m in modifiers):
            return False
        if len(base) == 1 and base.isprintable():
            continue
        if base not in known and key_to_character(base) is None:
            return False
    return True


def read_keymap(known_ids: Collection[str], path: Path | None = None) -> tuple[dict[str, str], list[str]]:
    """The usable entries of the keymap file, and one line for each problem found in it."""
    path = path or keymap_path()
    try:
        if not path.is_file():
            return {}, []
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or str(error)
        return {}, [f"{path}: cannot be read ({reason}); using the default keys"]
    except tomllib.TOMLDecodeError as error:
        return {}, [f"{path}: not valid TOML ({error}); using the default keys"]
    table = data.get("keymap", data)
    if not isinstance(table, dict):
        return {}, [f"{path}: 'keymap' must be a table of binding ids and keys; using the default keys"]
    problems: list[str] = []
    not_text = sorted(str(k) for k, v in table.items() if not isinstance(v, str))
    unknown = sorted(str(k) for k, v in table.items() if isinstance(v, str) and k not in known_ids)
    bad_keys = sorted(f"{k} = {v!r}" for k, v in table.items() if isinstance(v, str) and k in known_ids and not is_key(v))
    if not_text:
        problems.append(f"{path}: ignored entries that are not text: {', '.join(not_text)}")
    if unknown:
        problems.append(f"{path}: ignored unknown binding ids: {', '.join(unknown)} (the help, ?, lists the ids)")
    if bad_keys:
        problems.append(f"{path}: ignored key names Textual does not know: {', '.join(bad_keys)}")
    keymap = {k: v for k, v in table.items() if isinstance(v, str) and k in known_ids and is_key(v)}
    return keymap, problems


def settings_path() -> Path:
    """Where the reader remembers the chosen theme."""
    return config_dir() / "settings.toml"


def read_theme(path: Path | None = None) -> str | None:
    """The theme the reader last used, or None (no file, unreadable, or no theme in it)."""
    path = path or settings_path()
    try:
        value = tomllib.loads(path.read_text(encoding="utf-8")).get("theme")
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return None
    return value if isinstance(value, str) else None


def remember_theme(theme: str, path: Path | None = None) -> str | None:
    """Write the theme for next time; a one-line problem if it could not be saved."""
    from digest.export.save import SaveError, save_text

    path = path or settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        save_text(path, f"theme = {_toml_string(theme)}\n", overwrite=True)
    except (OSError, SaveError) as error:
        return f"{path}: the theme could not be remembered ({getattr(error, 'strerror', None) or error})"
    return None


def _toml_string(text: str) -> str:
    """A TOML basic string (quotes and backslashes escaped)."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
