"""The one path from what the user named to a Story: load and clean the sources, then merge.

The command line calls it directly; the reader is handed it (``cli.py`` binds the arguments) and
runs it in the background, so the reader depends on this narrow door and not on ingest or
engine internals. Progress is told in words, for the reader's status line.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

from digest.model import LoadProblem, Story

Status = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Loaded:
    """A story (None when no source could be used) and every source that could not."""

    story: Story | None
    problems: tuple[LoadProblem, ...]


Loader = Callable[..., Loaded]
"""What the reader is handed: ``loader(status=callback)`` gives the story (see load_story)."""


def load_story(specs: Sequence[str], labels: Sequence[str | None] = (), timeout: float = 15.0, *, status: Status = _quiet) -> Loaded:
    """Load, clean and merge; ``status`` hears which stage runs ("Loading source 3 of 12: …")."""
    from digest.engine import build_story
    from digest.ingest import load_sources

    def loading(done: int, total: int, origin: str) -> None:
        status(f"Loading source {done + 1} of {total}: {origin}")

    with no_cyclic_collection():
        result = load_sources(specs, labels=labels, timeout=timeout, progress=loading)
        if not result.sources:
            return Loaded(None, result.problems)
        status(f"Merging {len(result.sources)} source{'s' if len(result.sources) != 1 else ''}…")
        return Loaded(build_story(result.sources), result.problems)


@contextmanager
def no_cyclic_collection() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loading and merging.

    They make millions of short-lived objects (a token per word) and no reference cycles worth
    collecting; the collector's full passes over them cost about a third of the build time at
    10,000 articles (issue 11's profile). Reference counting still frees everything as usual.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
