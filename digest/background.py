"""Work that runs in a forked process while the caller goes on: the second core.

The merge has steps that need nothing from each other: the MinHash signatures of the
sentences (datasketch, and its 0.5 s import) and the facts of the same sentences. On a
machine with two cores, a forked child computes one while the parent computes the other; the
child inherits its inputs (fork copies nothing up front) and sends back only its result.

Forking is safe only in a process with one thread (a fork copies locks held by other threads
in whatever state they are): the command line forks, the reader (which builds in a worker
thread) computes in-process, as does any platform without ``os.fork``. A child that fails or
dies is not an error: the work is done again in-process. The result is the same either way.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
_NOTHING = object()


def can_fork() -> bool:
    """True when a forked child is safe and useful here (Linux, one thread, two cores)."""
    return sys.platform.startswith("linux") and threading.active_count() == 1 and (os.cpu_count() or 1) > 1


def in_background(compute: Callable[[], T]) -> Callable[[], T]:
    """Start ``compute`` in a forked child when possible; return the function that gives its
    result (waiting for the child, or computing in-process when there is none)."""
    if not can_fork():
        return compute
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: compute, send, and leave without running the parent's exit code
        status = 1
        try:
            os.close(read_end)
            with os.fdopen(write_end, "wb") as out:
                pickle.dump(compute(), out, protocol=pickle.HIGHEST_PROTOCOL)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)

    def result() -> T:
        received = os.fdopen(read_end, "rb")
        try:
            value = pickle.load(received)  # read as it comes: never the whole message twice in memory
        except Exception:  # the child failed or died: no (whole) message
            value = _NOTHING
        finally:
            received.close()
            _, status = os.waitpid(pid, 0)
        return value if status == 0 and value is not _NOTHING else compute()

    return result
