"""The one path from what the user named to stories: load and clean the sources, group them by
event, and merge each group into a Story.

The command line calls it directly; the reader is handed it (``cli.py`` binds the arguments) and
runs it in the background, so the reader depends on this narrow door and not on ingest or
engine internals. Progress is told in words, for the reader's status line.
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from digest.model import LoadProblem, Source, Story, StoryOutline

if TYPE_CHECKING:
    from digest.ingest.load import LoadResult

Status = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Loaded:
    """The stories (none when no source could be used) and every source that could not be."""

    stories: tuple[Story, ...]
    problems: tuple[LoadProblem, ...]


@dataclass(frozen=True)
class Listed:
    """The stories' outlines, without merging them (``digest stories``), and the problems."""

    outlines: tuple[StoryOutline, ...]
    problems: tuple[LoadProblem, ...]


Loader = Callable[..., Loaded]
"""What the reader is handed: ``loader(status=callback)`` gives the stories (see load_stories)."""


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' if count != 1 else ''}"


def _load(specs: Sequence[str], labels: Sequence[str | None], timeout: float, status: Status) -> LoadResult:
    from digest.ingest import load_sources

    def loading(done: int, total: int, origin: str) -> None:
        status(f"Loading source {done + 1} of {total}: {origin}")

    return load_sources(specs, labels=labels, timeout=timeout, progress=loading)


def _groups(sources: Sequence[Source], one_story: bool, status: Status) -> list[list[int]]:
    from digest.engine.grouping import group_articles

    if one_story or len(sources) == 1:
        return [list(range(len(sources)))]
    status(f"Grouping {_plural(len(sources), 'article')} into stories…")
    return group_articles(sources)


def load_stories(
    specs: Sequence[str], labels: Sequence[str | None] = (), timeout: float = 15.0, *, one_story: bool = False, status: Status = _quiet
) -> Loaded:
    """Load, clean, group by event (unless ``one_story``) and merge each group; ``status``
    hears which stage runs ("Loading source 3 of 12: …")."""
    from digest.engine import build_story

    with no_cyclic_collection():
        result = _load(specs, labels, timeout, status)
        if not result.sources:
            return Loaded((), result.problems)
        groups = _groups(result.sources, one_story, status)
        stories = []
        for number, group in enumerate(groups, 1):
            size = _plural(len(group), "source")
            status(f"Merging story {number} of {len(groups)} ({size})…" if len(groups) > 1 else f"Merging {size}…")
            stories.append(build_story([result.sources[i] for i in group]))
        return Loaded(tuple(stories), result.problems)


def list_stories(specs: Sequence[str], labels: Sequence[str | None] = (), timeout: float = 15.0, *, status: Status = _quiet) -> Listed:
    """Load, clean and group by event; each story's headline, outlets and time span."""
    from digest.engine.grouping import outline

    with no_cyclic_collection():
        result = _load(specs, labels, timeout, status)
        groups = _groups(result.sources, False, status) if result.sources else []
        return Listed(tuple(outline([result.sources[i] for i in group]) for group in groups), result.problems)


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
