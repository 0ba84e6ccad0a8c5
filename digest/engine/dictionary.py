"""simplemma's dictionary, decoded once and kept in digest's cache folder; and the lemmas of
the words earlier runs met (``LemmaMemo``).

simplemma ships its dictionaries front-coded and compressed; decoding the English one takes
about 0.17 s of pure Python at every start, a third of the time the reader needs to show the
bundled seeds. This module implements simplemma's ``DictionaryFactory`` protocol: the first run
decodes the dictionary through simplemma's own factory and writes it, as a ``marshal`` file
named after simplemma's version, to ``$XDG_CACHE_HOME/digest`` (platformdirs); later runs read
that file (about 0.05 s). A missing, unreadable or damaged cache file is decoded again and
rewritten (atomically); a cache folder that cannot be written is simply not used. The lemmas
are the same either way: the cache holds exactly what simplemma decodes.

Even read from that file, the dictionary costs 0.15 s and importing simplemma 0.1 s (it compiles
the rules of 21 languages), most of what `digest export` of a few articles takes. News repeats
its words: ``LemmaMemo`` keeps, in the same folder, each word's lemma as digest reads it (see
``lexicon._lemma``) for the words met, so a run whose words were all met before imports neither.
"""

from __future__ import annotations

import atexit
import marshal
import os
import tempfile
from collections.abc import Callable, Mapping
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


def _write(path: Path, data: Mapping[str, object]) -> None:
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


MEMO_FORMAT = 1
"""Bumped when ``lexicon._lemma`` reads simplemma's answers otherwise: a memo of another format
is not read."""

MEMO_MAX = 50_000
"""Most words a memo keeps (about 1 MB; read in about 0.03 s): the words the last runs met come
first, so what stays is the vocabulary of the news being read."""

PROPER = "\x00"
"""Before a remembered lemma that is a proper noun (plain strings read three times faster than pairs)."""

Lemma = tuple[str, bool]


class LemmaMemo:
    """Word -> (lemma, proper noun) as ``lexicon._lemma`` found them, in earlier runs and this one.

    Read from ``folder`` (default: the cache folder) at the first lookup; written back, once, at
    exit when this run met new words, atomically and only by the process that read it (a forked
    helper's new words are its own). A missing, damaged or unwritable memo is simply not used."""

    def __init__(self, folder: Path | None = None) -> None:
        self.folder = folder
        self._path: Path | None = None
        """Where it was read from, and is written back to (fixed at the first lookup)."""
        self._known: dict[str, str] | None = None
        self._met: dict[str, str] = {}
        """The words this run looked up, with their lemmas: kept first when the memo is written."""
        self._new = False
        self._pid = os.getpid()

    def path(self) -> Path:
        if self._path is None:
            self._path = (self.folder or cache_folder()) / f"lemmas-{_simplemma_version()}-{MEMO_FORMAT}.marshal"
        return self._path

    def lemma(self, word: str, find: Callable[[str], Lemma]) -> Lemma:
        """The remembered lemma of ``word``, or ``find(word)``, remembered."""
        known = self._known
        if known is None:
            known = self._known = self._read()
        stored = known.get(word)
        if stored is None:
            lemma, proper = find(word)
            stored = known[word] = PROPER + lemma if proper else lemma
            if not self._new:
                self._new = True
                atexit.register(self.save)
        if len(self._met) < MEMO_MAX:
            self._met[word] = stored
        return (stored[1:], True) if stored[:1] == PROPER else (stored, False)

    def _read(self) -> dict[str, str]:
        data = _read(self.path()) or {}
        if not all(isinstance(k, str) and isinstance(v, str) and v for k, v in data.items()):
            return {}
        return data

    def save(self, adopt: bool = False) -> None:
        """Write the memo back if this process met new words (atomically; never an error): the
        words this run met, then the others, up to MEMO_MAX. A forked child saves only with
        ``adopt``: when it does the run's own work (``pipeline.LoadingAhead``), not a helper's."""
        if not self._new or self._known is None or (os.getpid() != self._pid and not adopt):
            return
        # Copies made in one step each: a reader that quits while its loader thread still
        # looks words up must not see the memo change under it at exit.
        kept = dict(self._met)
        for word, stored in list(self._known.items()):
            if len(kept) >= MEMO_MAX:
                break
            kept.setdefault(word, stored)
        _write(self.path(), kept)
        self._new = False


def _simplemma_version() -> str:
    """simplemma's version, read from its source without importing it (importing takes 0.1 s,
    and so does importlib.metadata's lookup); its file's size and time if it does not say."""
    import importlib.util
    import re

    spec = importlib.util.find_spec("simplemma")
    if spec is None or spec.origin is None:
        return "none"
    origin = Path(spec.origin)
    for candidate in (origin.with_name("__metadata__.py"), origin):  # where simplemma 1.x and 2.x say it
        try:
            found = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", candidate.read_text(encoding="utf-8"), re.MULTILINE)
        except OSError:
            continue
        if found:
            return found.group(1)
    try:
        stat = origin.stat()
    except OSError:
        return "unknown"
    return f"{stat.st_size}-{stat.st_mtime_ns}"


LEMMAS = LemmaMemo()
"""The memo ``lexicon._lemma`` reads."""
