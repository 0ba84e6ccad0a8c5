"""Writing a file safely: never clobber silently, never leave half a file behind."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path


class SaveError(OSError):
    """The file could not be written; the message names the path and the reason."""


def _mode_for(path: Path) -> int:
    """Keep an overwritten file's permissions; a new file gets what the umask allows."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def save_text(path: Path, text: str | Iterable[str], overwrite: bool = False) -> Path:
    """Write ``text`` to ``path`` atomically (temporary file + rename in the same folder).
    ``text`` may come in pieces (``digest.export.pieces``), written as they come.

    Refuses an existing file unless ``overwrite`` is set, so that callers must ask first. A
    symbolic link is written through: the file it points to is replaced, the link stays. Only a
    regular file is ever replaced: a device, pipe or socket is refused.
    """
    path = path.expanduser()
    if path.is_symlink():
        path = Path(os.path.realpath(path))
    if path.is_dir():
        raise SaveError(f"{path}: is a folder")
    if path.exists() and not path.is_file():
        raise SaveError(f"{path}: is not a regular file (a device, pipe or socket); not replaced")
    if path.exists() and not overwrite:
        raise SaveError(f"{path}: already exists (use --force to overwrite)")
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise SaveError(f"{path}: folder {folder} does not exist")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
        try:
            os.chmod(temporary, _mode_for(path))
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as stream:
                stream.writelines((text,) if isinstance(text, str) else text)
                stream.flush()
                os.fsync(stream.fileno())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as error:
        raise SaveError(f"{path}: cannot be written ({error.strerror or error})") from None
    return path.resolve()
