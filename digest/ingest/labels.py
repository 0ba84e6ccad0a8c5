"""Short display labels that tell the sources of one story apart."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from urllib.parse import urlparse

from digest.model import RemovedLine

MAX_LABEL = 24

_OUTLET_HINTS = (
    re.compile(r"\b(?i:download|get|install) the (?P<name>[A-Z][\w&.' -]{1,30}?) app\b"),
    re.compile(r"\bfollow (?P<name>[A-Z][\w&.' -]{1,30}?) on \w+", re.I),
    re.compile(r"^(?:copyright\s*)?©\s*(?:\d{4}\s*)?(?P<name>[A-Z][\w&.' -]{1,30}?)(?:[,.]|\s+all rights|$)", re.I),
    re.compile(r"\b(?i:subscribe) to (?P<name>[A-Z][\w&.' -]{1,30}?) (?:on|for)\b"),
)
_NOT_NAMES = {"us", "our", "the", "this", "me", "them"}


def outlet_from_removed(removed: Iterable[RemovedLine]) -> str | None:
    """An outlet's name, when its own boilerplate says it ("Download the Daily Planet app")."""
    for line in removed:
        for pattern in _OUTLET_HINTS:
            match = pattern.search(line.text)
            if match and match.group("name").strip().casefold() not in _NOT_NAMES:
                return match.group("name").strip()
    return None


def label_from_host(url: str) -> str:
    host = urlparse(url).hostname or url
    return re.sub(r"^(?:www\d?|m|amp|edition)\.", "", host)


def label_from_path(path: str) -> str:
    """The file's stem without hash-like runs that make labels unreadable."""
    stem = Path(path).stem if Path(path).suffix.lower() in {".txt", ".md", ".markdown", ".html", ".htm"} else Path(path).name
    parts = [p for p in re.split(r"[_\s]+", stem) if p and not re.fullmatch(r"[0-9a-f]{8,}", p, re.I)]
    return " ".join(parts) or stem


def shorten(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1].rstrip() + "…"


def distinct(labels: Sequence[str]) -> list[str]:
    """Make repeated labels distinct by numbering the repeats ("Reuters", "Reuters 2")."""
    seen: dict[str, int] = {}
    result = []
    for label in labels:
        key = label.casefold()
        seen[key] = seen.get(key, 0) + 1
        result.append(label if seen[key] == 1 else f"{label} {seen[key]}")
    return result
