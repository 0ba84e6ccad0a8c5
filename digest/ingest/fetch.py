"""Getting raw bytes: from files (with a size limit) and from http(s) URLs (with a timeout)."""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from email.message import Message
from pathlib import Path

MAX_BYTES = 8 * 1024 * 1024
"""Largest source we read: far above any article, small enough never to stall the reader."""
TIMEOUT_SECONDS = 15.0
USER_AGENT = "digest/0.1 (+terminal news reader)"


class FetchError(OSError):
    """The bytes could not be had; the message says why in a few words."""


@dataclass(frozen=True)
class Fetched:
    data: bytes
    content_type: str | None
    charset: str | None
    final_url: str | None = None


def read_file(path: Path, max_bytes: int = MAX_BYTES) -> Fetched:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise FetchError(f"is too large ({size / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:.0f} MiB)")
        with path.open("rb") as handle:
            data = handle.read(max_bytes + 1)
    except PermissionError:
        raise FetchError("cannot be read (permission denied)") from None
    except IsADirectoryError:
        raise FetchError("is a directory") from None
    except FileNotFoundError:
        raise FetchError("does not exist") from None
    except OSError as error:
        raise FetchError(f"cannot be read ({error.strerror or error})") from None
    return Fetched(data, None, None)


def fetch_url(url: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Fetched:
    """GET ``url``; refuse answers that are errors, too slow, or larger than ``max_bytes``."""
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,text/plain,text/markdown,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise FetchError(f"is too large ({int(length) / 1_048_576:.1f} MiB; the limit is {max_bytes / 1_048_576:.0f} MiB)")
            data = response.read(max_bytes + 1)
            headers: Message = response.headers
            final_url = response.geturl()
    except urllib.error.HTTPError as error:
        raise FetchError(f"answered HTTP {error.code} {error.reason}") from None
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"did not answer within {timeout:g} s") from None
        raise FetchError(f"cannot be reached ({reason})") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"did not answer within {timeout:g} s") from None
    except (OSError, ValueError) as error:
        raise FetchError(f"cannot be fetched ({error})") from None
    if len(data) > max_bytes:
        raise FetchError(f"is too large (over {max_bytes / 1_048_576:.0f} MiB)")
    return Fetched(data, headers.get_content_type(), headers.get_content_charset(), final_url)
