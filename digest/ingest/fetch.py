"""Getting raw bytes: from regular files (with a size limit) and from http(s) URLs (with a
deadline for the whole download).

A URL is fetched with httpx (redirects followed up to a limit, the body streamed so that the size
limit holds) in a daemon thread, and the caller waits for it at most ``timeout`` seconds: a server
that sends a byte every second, each read well inside a per-read timeout, still cannot hold the
caller past its deadline, and nothing left behind keeps the program from exiting.
"""

from __future__ import annotations

import errno
import math
import os
import queue
import stat
import threading
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024
"""Largest source we read: far above any article, small enough never to stall the reader."""
TIMEOUT_SECONDS = 15.0
MAX_REDIRECTS = 10
USER_AGENT = "digest/0.1 (+terminal news reader)"


class FetchError(OSError):
    """The bytes could not be had; the message says why in a few words."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str | None
    charset: str | None
    final_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    not_modified: bool = False
    """The server answered 304 to a conditional request: nothing new, ``data`` is empty."""


@dataclass(frozen=True)
class Validators:
    """What the last answer for a URL said, for a conditional request (If-None-Match,
    If-Modified-Since): a feed that has not changed costs the server almost nothing."""

    etag: str | None = None
    last_modified: str | None = None


def _size(count: int) -> str:
    return f"{count / 1_048_576:.1f} MiB"


def check_timeout(seconds: float) -> float:
    """A usable deadline in seconds, or ValueError saying what is wrong with it."""
    if math.isnan(seconds) or math.isinf(seconds) or seconds <= 0:
        raise ValueError(f"must be a positive number of seconds, not {seconds:g}")
    return seconds


_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISCHR, "a character device"), (stat.S_ISBLK, "a block device"), (stat.S_ISSOCK, "a socket"), (stat.S_ISDIR, "a folder"))


def file_problem(path: Path) -> str | None:
    """Why ``path`` cannot be read as a file, in a few words, or None when it is a regular file.

    Asked before opening: opening a named pipe would block until someone writes to it.
    """
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return "is a broken symbolic link" if os.path.islink(path) else "does not exist"
    except PermissionError:
        return "cannot be read (permission denied)"
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "is a symbolic link loop"
        return f"cannot be read ({error.strerror or error})"
    if stat.S_ISREG(mode):
        return None
    for test, kind in _KINDS:
        if test(mode):
            return f"is {kind}, not a regular file"
    return "is not a regular file"


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Fetched:
    problem = file_problem(path)
    if problem:
        raise FetchError(problem)
    data = b""
    try:
        size = path.stat().st_size
        if size <= max_bytes:
            with path.open("rb") as handle:
                data = handle.read(max_bytes + 1)
    except PermissionError:
        raise FetchError("cannot be read (permission denied)") from None
    except OSError as error:
        raise FetchError(f"cannot be read ({error.strerror or error})") from None
    if size > max_bytes or len(data) > max_bytes:
        raise FetchError(f"is too large ({_size(max(size, len(data)))}; the limit is {max_bytes / 1_048_576:.0f} MiB)")
    return Fetched(data, None, None)


def fetch_url(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES, validators: Validators | None = None) -> Fetched:
    """GET ``url`` within ``timeout`` seconds in all; refuse errors and bodies over ``max_bytes``.
    With ``validators``, ask conditionally: an unchanged resource comes back ``not_modified``."""
    outcome: queue.Queue[Fetched | FetchError] = queue.Queue(maxsize=1)

    def download() -> None:
        try:
            outcome.put(_download(url, timeout, max_bytes, validators))
        except FetchError as error:
            outcome.put(error)
        except Exception as error:  # noqa: BLE001 - any failure of the library becomes one line
            outcome.put(FetchError(f"cannot be fetched ({type(error).__name__}: {error})"))

    worker = threading.Thread(target=download, name=f"fetch {url[:60]}", daemon=True)
    worker.start()
    try:
        result = outcome.get(timeout=timeout)
    except queue.Empty:
        raise FetchError(f"did not finish within {timeout:g} s") from None
    if isinstance(result, FetchError):
        raise result
    return result


def _download(url: str, timeout: float, max_bytes: int, validators: Validators | None) -> Fetched:
    import httpx  # lazy: only URLs need it

    headers = {"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,text/markdown,application/rss+xml,application/atom+xml,*/*;q=0.5"}
    if validators and validators.etag:
        headers["If-None-Match"] = validators.etag
    if validators and validators.last_modified:
        headers["If-Modified-Since"] = validators.last_modified
    try:
        with httpx.Client(follow_redirects=True, max_redirects=MAX_REDIRECTS, timeout=timeout, headers=headers) as client:
            with client.stream("GET", url) as response:
                if response.status_code == 304:
                    return Fetched(b"", None, None, str(response.url), validators.etag if validators else None, validators.last_modified if validators else None, True)
                if response.status_code >= 400:
                    raise FetchError(f"answered HTTP {response.status_code} {response.reason_phrase}".rstrip())
                length = response.headers.get("content-length", "")
                if length.isdigit() and int(length) > max_bytes:
                    raise FetchError(f"is too large ({_size(int(length))}; the limit is {max_bytes / 1_048_576:.0f} MiB)")
                chunks: list[bytes] = []
                received = 0
                for chunk in response.iter_bytes():
                    received += len(chunk)
                    if received > max_bytes:
                        raise FetchError(f"is too large (over {max_bytes / 1_048_576:.0f} MiB)")
                    chunks.append(chunk)
                content_type = response.headers.get("content-type", "")
                return Fetched(
                    b"".join(chunks),
                    _media_type(content_type),
                    _charset(content_type),
                    str(response.url),
                    response.headers.get("etag"),
                    response.headers.get("last-modified"),
                )
    except httpx.TooManyRedirects:
        raise FetchError(f"redirects in a loop (more than {MAX_REDIRECTS} redirects)") from None
    except httpx.TimeoutException:
        raise FetchError(f"did not finish within {timeout:g} s") from None
    except httpx.ConnectError as error:
        raise FetchError(f"cannot be reached ({_reason(error)})") from None
    except httpx.UnsupportedProtocol:
        raise FetchError("is not an http or https address") from None
    except httpx.HTTPError as error:
        raise FetchError(f"cannot be fetched ({_reason(error)})") from None


def _reason(error: Exception) -> str:
    text = str(error) or type(error).__name__
    return text.splitlines()[0][:120]


def _media_type(content_type: str) -> str | None:
    media = content_type.split(";", 1)[0].strip().lower()
    return media or None


def _charset(content_type: str) -> str | None:
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        if key.strip().lower() == "charset":
            return value.strip().strip('"') or None
    return None
