"""Work that runs in a forked process while the caller goes on: the second core.

The merge has steps that need nothing from each other: the MinHash signatures and LSH buckets
of the sentences, and the facts of the same sentences. On a machine with two cores, a forked
child computes one while the parent computes the other (likewise the candidate hosts of the
information level, ranked ahead while the parent judges the folds: ``engine.candidates``);
the child inherits its inputs (fork copies nothing up front) and sends back only its results,
one item at a time when the parent can start on the first (half of the buckets to verify)
while the child works on the next.
The price is memory: every page either process writes to while both live (reference counts
included) then exists twice (``benchmarks/scale.py`` measures both processes together).

The reader starts its whole build that way (``Ahead``): forked before Textual is even imported,
the child loads and merges while the parent starts the interface, and the parent then only
receives the result, with the progress the child told on the way.

Forking is safe only in a process with one thread (a fork copies locks held by other threads
in whatever state they are): the command line forks, the reader's own worker threads compute
in-process, as does any platform without ``os.fork``. A child that fails or
dies is not an error: the work is done again in-process. The result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import queue
import signal
import sys
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from itertools import islice
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")
_END = object()
_FAILED = object()


def can_fork() -> bool:
    """True when a forked child is safe and useful here (Linux, one thread, two cores)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


def in_background(compute: Callable[[], T]) -> Callable[[], T]:
    """Start ``compute`` in a forked child when possible; return the function that gives its
    result (waiting for the child, or computing in-process when there is none)."""
    items = stream_in_background(lambda: [compute()])

    def result() -> T:
        [value] = items  # iterating to the end reaps the child
        return value

    return result


def in_two_halves(work: Callable[[Sequence[T], int], list[R]], items: Sequence[T], parallel_from: int) -> list[R]:
    """``work(items, 0)``, one result per item; from ``parallel_from`` items on, a forked child
    does ``work(second half, its offset)`` while this process does ``work(first half, 0)``.
    ``offset`` is where the part starts in ``items`` (a child's offset is never 0)."""
    if len(items) < parallel_from or not can_fork():
        return work(items, 0)
    half = len(items) // 2
    second = in_background(partial(work, items[half:], half))
    return work(items[:half], 0) + second()


def stream_in_background(produce: Callable[[], Iterable[T]]) -> Iterator[T]:
    """Start ``produce`` in a forked child when possible; iterate over the items it makes, each
    as soon as the child has sent it, so the caller can work on one while the child makes the
    next. Without a child, ``produce`` runs here as the items are asked for.

    The items are read by a thread of this process as they come, so a child never waits for the
    caller to be ready. ``produce`` must be deterministic: if the child fails or dies, it runs
    here and the items already received are skipped. Iterate to the end: that reaps the child.
    """
    if not can_fork():
        return _when_asked(produce)
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: make, send, and leave without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                for item in produce():
                    pickle.dump(item, out, protocol=pickle.HIGHEST_PROTOCOL)
                    out.flush()
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    inbox: queue.SimpleQueue = queue.SimpleQueue()

    def receive() -> None:
        with os.fdopen(read_end, "rb") as stream:
            while True:
                try:
                    inbox.put(pickle.load(stream))  # read as it comes: never a whole message twice in memory
                except EOFError:
                    inbox.put(_END)
                    return
                except Exception:  # the child failed or died midway through a message
                    inbox.put(_FAILED)
                    return

    receiver = threading.Thread(target=receive, name="digest-background-receiver", daemon=True)
    receiver.start()

    def items() -> Iterator[T]:
        received = 0
        while (item := inbox.get()) is not _END and item is not _FAILED:
            received += 1
            yield item
        receiver.join()
        _, status = os.waitpid(pid, 0)
        if item is _FAILED or status != 0:
            yield from islice(produce(), received, None)

    return items()


Tell = Callable[[object], None]


class Ahead(Generic[R]):
    """``work(tell)`` started in a forked child at once, where one can be forked; ``result(tell)``
    passes on what the child tells as it comes and returns what the work returned. Like
    ``stream_in_background``, the work must give the same result when done again here."""

    def __init__(self, work: Callable[[Tell], R]) -> None:
        self._work = work
        self._cancelled = False
        self._pid = 0
        self._read_end = -1
        if not can_fork():
            return
        read_end, write_end = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child: work, send what it tells and its result, leave without the parent's exit code
            status = 1
            try:
                os.close(read_end)
                _silence_terminal()
                with os.fdopen(write_end, "wb") as out:

                    def send(kind: str, item: object) -> None:
                        pickle.dump((kind, item), out, protocol=pickle.HIGHEST_PROTOCOL)
                        out.flush()

                    send("result", work(lambda told: send("told", told)))
                status = 0
            finally:
                os._exit(status)
        os.close(write_end)
        self._pid, self._read_end = pid, read_end

    def result(self, tell: Tell) -> R:
        """The work's result, from the child (``tell`` hears what it told, as it told it), or
        from the work done here, telling ``tell`` itself, when there is no child or it failed."""
        if self._cancelled:
            raise RuntimeError("the work was cancelled")
        if self._read_end < 0:
            return self._work(tell)
        found: tuple[R] | None = None
        stream = os.fdopen(self._read_end, "rb")
        self._read_end = -1
        try:
            while found is None:
                try:
                    kind, item = pickle.load(stream)
                except Exception:  # noqa: BLE001 - the child failed or died: the work is done here
                    break
                if kind == "told":
                    tell(item)
                else:
                    found = (item,)
        finally:
            stream.close()
            status = self._reap()  # a ``tell`` that raises is the caller's error: the child still goes
        if self._cancelled:
            raise RuntimeError("the work was cancelled")
        if found is None or status != 0:
            return self._work(tell)
        return found[0]

    def cancel(self) -> None:
        """Stop the child if it still works: the caller no longer wants the result (a reader
        that quits while the child builds must not leave it running)."""
        self._cancelled = True
        if self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._reap()
        if self._read_end >= 0:
            os.close(self._read_end)
            self._read_end = -1

    def _reap(self) -> int:
        """Wait for the child to end; its exit status. Known until it has ended, so that
        ``cancel`` can still stop a child that ``result`` waits for."""
        pid = self._pid
        if not pid:
            return 0
        try:
            status = os.waitpid(pid, 0)[1]
        except ChildProcessError:  # reaped by the other caller meanwhile (result and cancel)
            status = 1
        self._pid = 0
        return status


def _silence_terminal() -> None:
    """Point a child's standard output and error at /dev/null: its parent may own the terminal
    (the reader draws on it, and Textual captures only its own process's prints), and a warning
    a library logs must not scribble over the screen. A child's failure is not lost: the work is
    done again in the parent, which reports it."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    for stream in (1, 2):
        os.dup2(devnull, stream)
    os.close(devnull)


def _when_asked(produce: Callable[[], Iterable[T]]) -> Iterator[T]:
    yield from produce()  # a generator: nothing runs before the first item is asked for
