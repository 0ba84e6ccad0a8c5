"""Optional stage timing, so benchmarks measure the real code path instead of a copy of it."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext

StageTimer = Callable[[str], AbstractContextManager]


def no_timing(name: str) -> AbstractContextManager:
    return nullcontext()


class StageClock:
    """Accumulates wall-clock seconds per named stage: ``with clock("signatures"): ...``."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    @contextmanager
    def __call__(self, name: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.seconds[name] = self.seconds.get(name, 0.0) + time.perf_counter() - started
