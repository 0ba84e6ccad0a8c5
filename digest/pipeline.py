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
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from digest.model import LoadProblem, Source, Story, StoryOutline
from digest.phrasing import plural

if TYPE_CHECKING:
    from digest.ingest.load import LoadResult

Status = Callable[[str], None]


def _quiet(_: str) -> None:
    pass


@dataclass(frozen=True)
class Loaded:
    """The stories (none when no source could be used) and every source that could not be."""

    stories: Stories
    problems: tuple[LoadProblem, ...]


class Stories:
    """The stories of a digest: their outlines at once, each merged story when first asked for
    (a library holds hundreds; the reader merges the one being opened), and what was read.

    ``unread_sources(i)`` gives the ids of story i's sources not read yet (the library's reading
    state); without it, a story is unread until it is opened in this session.
    """

    def __init__(
        self,
        outlines: Sequence[StoryOutline],
        merge: Callable[[int], Story],
        unread_sources: Callable[[int], frozenset[str]] | None = None,
        mark_read: Callable[[int], None] | None = None,
    ) -> None:
        self.outlines = tuple(outlines)
        self._merge = merge
        self._built: dict[int, Story] = {}
        self._unread_sources = unread_sources
        self._mark_read = mark_read
        self._opened: set[int] = set()

    @classmethod
    def of(cls, stories: Sequence[Story], outlines: Sequence[StoryOutline] | None = None) -> Stories:
        """Stories already merged (with their outlines, when known: they are found by the engine)."""
        built = tuple(stories)
        return cls([story_outline(s) for s in built] if outlines is None else outlines, built.__getitem__)

    def __len__(self) -> int:
        return len(self.outlines)

    def is_merged(self, index: int) -> bool:
        return index in self._built

    def story(self, index: int) -> Story:
        """Story ``index``, merged on first use."""
        if index not in self._built:
            with no_cyclic_collection():
                self._built[index] = self._merge(index)
        return self._built[index]

    def all(self) -> list[Story]:
        return [self.story(i) for i in range(len(self))]

    def unread(self, index: int) -> bool:
        if self._unread_sources is not None:
            return bool(self._unread_sources(index))
        return index not in self._opened

    def open(self, index: int) -> frozenset[str]:
        """Mark story ``index`` read; the ids of its sources that are new since it was last
        read (none when all of it is new: then nothing stands out as new)."""
        new = self._unread_sources(index) if self._unread_sources is not None else frozenset()
        self._opened.add(index)
        if self._mark_read is not None:
            self._mark_read(index)
        return new if len(new) < len(self.outlines[index].sources) else frozenset()


def distinct_labels(sources: Sequence[Source]) -> tuple[Source, ...]:
    """Number repeated labels inside one story ("Local News", "Local News 2"): one feed often
    brings several articles of a story, and markers must tell them apart."""
    from dataclasses import replace

    from digest.ingest.labels import distinct

    return tuple(replace(s, label=label) for s, label in zip(sources, distinct([s.label for s in sources])))


def story_outline(story: Story) -> StoryOutline:
    """What a story list shows of a merged story."""
    from digest.engine.grouping import outline

    return outline(story.sources, story.title)


@dataclass(frozen=True)
class Listed:
    """The stories' outlines, without merging them (``digest stories``), and the problems."""

    outlines: tuple[StoryOutline, ...]
    problems: tuple[LoadProblem, ...]


Loader = Callable[..., Loaded]
"""What the reader is handed: ``loader(status=callback)`` gives the stories (see load_stories)."""


def _load(specs: Sequence[str], labels: Sequence[str | None], timeout: float, status: Status) -> LoadResult:
    from digest.ingest import load_sources

    def loading(done: int, total: int, origin: str) -> None:
        status(f"Loading source {done + 1} of {total}: {origin}")

    return load_sources(specs, labels=labels, timeout=timeout, progress=loading)


def _groups(sources: Sequence[Source], one_story: bool, status: Status) -> list[list[int]]:
    from digest.engine.grouping import group_articles

    if one_story or len(sources) == 1:
        return [list(range(len(sources)))]
    status(f"Grouping {plural(len(sources), 'article')} into stories…")
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
            return Loaded(Stories.of(()), result.problems)
        groups = _groups(result.sources, one_story, status)
        stories = []
        for number, group in enumerate(groups, 1):
            size = plural(len(group), "source")
            status(f"Merging story {number} of {len(groups)} ({size})…" if len(groups) > 1 else f"Merging {size}…")
            stories.append(build_story([result.sources[i] for i in group]))
        return Loaded(Stories.of(stories), result.problems)


class LoadingAhead:
    """``load_stories`` started now in a forked child (``background.Ahead``), for the reader:
    the child loads and merges on the second core while the reader starts (importing Textual
    and drawing the first screen take about as long as merging the bundled seeds). Called as
    the reader calls a loader, with its ``status``, it hears the child's progress and returns
    the same Loaded as ``load_stories`` would; without a child it is ``load_stories``."""

    def __init__(self, specs: Sequence[str], labels: Sequence[str | None] = (), timeout: float = 15.0, *, one_story: bool = False) -> None:
        from digest.background import Ahead

        self._ahead = Ahead(partial(_load_to_send, list(specs), list(labels), timeout, one_story))

    def __call__(self, *, status: Status = _quiet) -> Loaded:
        stories, outlines, problems = self._ahead.result(status)  # type: ignore[arg-type]
        return Loaded(Stories.of(stories, outlines), problems)

    def cancel(self) -> None:
        """The reader has quit: stop the child if it still works."""
        self._ahead.cancel()


def _load_to_send(
    specs: list[str], labels: list[str | None], timeout: float, one_story: bool, status: Status
) -> tuple[list[Story], tuple[StoryOutline, ...], tuple[LoadProblem, ...]]:
    """``load_stories`` as a child sends it: the merged stories (a Stories holds functions,
    which do not pickle), their outlines (so that the reader need not import the engine to find
    them) and the problems. The child's new lemmas are this run's: it keeps them
    (``LemmaMemo``), since it leaves without the exit code that would."""
    from digest.engine.dictionary import LEMMAS

    loaded = load_stories(specs, labels, timeout, one_story=one_story, status=status)
    LEMMAS.save(adopt=True)
    return loaded.stories.all(), loaded.stories.outlines, loaded.problems


def library_stories(library_path: Path | None = None, *, status: Status = _quiet) -> Loaded:
    """The library's stories, newest first: outlines at once, each merged when opened."""
    from digest.engine import build_story
    from digest.library.store import Library

    status("Opening the library…")
    with Library.open(library_path) as library:
        stored = library.stories()
        every = [article_id for story in stored for article_id in story.article_ids]
        sources = dict(library.sources(every))
        unread = library.unread(every)
    outlines = [StoryOutline(s.title, distinct_labels([sources[a] for a in s.article_ids]), s.first, s.last) for s in stored]

    def merge(index: int) -> Story:
        return build_story(outlines[index].sources)

    def unread_sources(index: int) -> frozenset[str]:
        return frozenset(f"a{a}" for a in stored[index].article_ids if a in unread)

    def mark_read(index: int) -> None:
        unread.difference_update(stored[index].article_ids)
        with Library.open(library_path) as library:
            library.mark_read(stored[index].article_ids)

    return Loaded(Stories(outlines, merge, unread_sources, mark_read), ())


def list_stories(specs: Sequence[str], labels: Sequence[str | None] = (), timeout: float = 15.0, *, status: Status = _quiet) -> Listed:
    """Load, clean and group by event; each story's headline, outlets and time span."""
    from digest.engine.grouping import outline

    with no_cyclic_collection():
        result = _load(specs, labels, timeout, status)
        groups = _groups(result.sources, False, status) if result.sources else []
        return Listed(tuple(outline([result.sources[i] for i in group]) for group in groups), result.problems)


@contextmanager
def no_cyclic_collection(*, until_exit: bool = False) -> Iterator[None]:
    """Pause Python's cyclic garbage collector while loading and merging.

    They make millions of short-lived objects (a token per word) and no reference cycles worth
    collecting; the collector's full passes over them cost about a third of the build time at
    10,000 articles (issue 11's profile). Reference counting still frees everything as usual.

    ``until_exit`` is for a one-shot command whose stories live until the process ends: what
    survives is frozen (``gc.freeze``) before the collector is back on. Otherwise its first pass
    walks every object the build made (0.07 s at 1,000 articles), and the one at exit again. A
    long-running reader does not freeze: its own objects would never be collected again.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            if until_exit:
                gc.freeze()
            gc.enable()


def update_library_stories(library_path: Path | None = None, *, status: Status = _quiet) -> Loaded:
    """Update the library's feeds (the reader's ``r``), then its stories; a feed or item that
    failed, or an update already running, is one problem line."""
    from digest.library.store import Library, LibraryError
    from digest.library.update import update, update_lock

    problems: list[LoadProblem] = []
    try:
        with Library.open(library_path) as library, update_lock(library):
            report = update(library, progress=lambda done, total: status(f"Updating the feeds: page {done} of {total}"))
        problems = report.failures
    except LibraryError as error:
        problems = [LoadProblem("digest update", str(error))]
    loaded = library_stories(library_path, status=status)
    return Loaded(loaded.stories, tuple(problems))
