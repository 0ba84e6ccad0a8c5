"""Fetching many pages at once, politely: a few at a time in all, fewer per host, each within
its own deadline (see ingest.fetch), in the order asked whatever the order they finish in."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import urlparse

from digest.ingest.fetch import MAX_BYTES, TIMEOUT_SECONDS, FetchError, Fetched, Validators, fetch_url

WORKERS = 8
"""Pages fetched at the same time in all."""
PER_HOST = 2
"""Pages fetched at the same time from one host: a digest must not hammer a site."""

Done = Callable[[int, int, str], None]
"""Told after each page: (how many done, how many in all, which URL)."""


def fetch_all(
    urls: Sequence[str],
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    validators: Sequence[Validators | None] | None = None,
    done: Done | None = None,
    workers: int = WORKERS,
    per_host: int = PER_HOST,
) -> list[Fetched | FetchError]:
    """Each URL's bytes or the reason it could not be had, in the order of ``urls``."""
    hosts: dict[str, threading.Semaphore] = {}
    lock = threading.Lock()
    finished = 0

    def one(index: int) -> Fetched | FetchError:
        nonlocal finished
        url = urls[index]
        host = (urlparse(url).hostname or "").lower()
        with lock:
            gate = hosts.setdefault(host, threading.Semaphore(per_host))
        with gate:
            try:
                result: Fetched | FetchError = fetch_url(url, timeout, max_bytes, validators[index] if validators else None)
            except FetchError as error:
                result = error
        if done:
            with lock:
                finished += 1
                count = finished
            done(count, len(urls), url)
        return result

    if not urls:
        return []
    with ThreadPoolExecutor(max_workers=max(1, min(workers, len(urls))), thread_name_prefix="digest page") as pool:
        return list(pool.map(one, range(len(urls))))
