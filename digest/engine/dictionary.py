"""simplemma's dictionary, decoded once and kept in digest's cache folder.

simplemma ships its dictionaries front-coded and compressed; decoding the English one takes
about 0.17 s of pure Python at every start, a third of the time the reader needs to show the
bundled seeds. This module implements simplemma's ``DictionaryFactory`` protocol: the first run
decodes the dictionary through simplemma's own factory and writes it, as a ``marshal`` file
named after simplemma's version, to ``$XDG_CACHE_HOME/digest`` (platformdirs); later runs read
that file (about 0.05 s). A missing, unreadable or damaged cache file is decoded again and
rewritten (atomically); a cache folder that cannot be written is simply not used. The lemmas
are the same either way: the cache holds exactly what simplemma decodes.
"""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from simplemma import Lemmatizer
    from simplemma.strategies import DictionaryLookupStrategy


def cache_folder() -> Path:
    """digest's cache folder (platformdirs; tests point XDG_CACHE_HOME elsewhere)."""
    import platformdirs

    return platformdirs.user_cache_path("digest")


class CachedDictionaryFactory:
    """simplemma's decoded dictionaries, read from ``folder`` when a previous run left them."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self.get_dictionary = lru_cache(maxsize=4)(self._load)

    def _load(self, lang: str) -> Mapping[str, str]:
        import simplemma
        from simplemma.strategies.dictionaries import DefaultDictionaryFactory

        folder = self.folder or cache_folder()
        path = folder / f"simplemma-{simplemma.__version__}-{lang}.marshal"
        cached = _read(path)
        if cached is not None:
            return cached
        decoded = dict(DefaultDictionaryFactory().get_dictionary(lang).items())
        _write(path, decoded)
        return decoded


def _read(path: Path) -> dict[str, str] | None:
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, EOFError, ValueError, TypeError):
        return None
    return data if isinstance(data, dict) and data else None


def _write(path: Path, data: dict[str, str]) -> None:
    """Write atomically; a cache that cannot be written is skipped, never an error."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                marshal.dump(data, out)
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError:
        pass


@lru_cache(maxsize=1)
def lemmatizer_for() -> tuple[Lemmatizer, DictionaryLookupStrategy]:
    """simplemma's lemmatizer and dictionary lookup, both reading the cached dictionary."""
    from simplemma import Lemmatizer
    from simplemma.strategies import DefaultStrategy, DictionaryLookupStrategy

    factory = CachedDictionaryFactory()
    return Lemmatizer(lemmatization_strategy=DefaultStrategy(dictionary_factory=factory)), DictionaryLookupStrategy(factory)
