"""What a feed, an OPML subscription list or a list of URLs says, from its bytes.

feedparser reads RSS 0.9x/1.0/2.0 and Atom, and copes with the malformed feeds found in the
wild (its ``bozo`` flag says the XML was broken; items it could still read are kept). It is
given bytes, never a URL: fetching stays ours (deadlines, size limits, politeness).
"""

from __future__ import annotations

import calendar
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

FeedKind = Literal["rss", "atom", "opml"]

_ROOT = re.compile(rb"<(?:[\w-]+:)?(rss|feed|RDF|opml)\b")
_URL = re.compile(r"^https?://\S+$", re.IGNORECASE)


class FeedError(ValueError):
    """The document is not a feed that can be read; the message says why in a few words."""


@dataclass(frozen=True)
class FeedItem:
    """One entry of a feed: where its article is, and what the feed itself says of it."""

    link: str | None
    title: str | None
    date: str | None
    """Publication (or else update) time, ISO 8601 in UTC."""
    content: str | None
    """The item's own text (full content when the feed carries it, else its summary), HTML."""
    key: str
    """A stable identity: the item's id, else its link, else its title."""


@dataclass(frozen=True)
class Feed:
    title: str | None
    items: tuple[FeedItem, ...]


def sniff(data: bytes) -> FeedKind | None:
    """"rss", "atom" or "opml" when the document's root element says so (first 4 KB), else None."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"<"):
        return None
    head = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", head, flags=re.DOTALL).lstrip()
    found = _ROOT.match(head)
    if not found:
        return None
    root = found.group(1)
    return "opml" if root == b"opml" else "atom" if root == b"feed" else "rss"


def _iso(parsed) -> str | None:
    """feedparser's UTC struct_time as ISO 8601."""
    if not parsed:
        return None
    try:
        return datetime.fromtimestamp(calendar.timegm(parsed), UTC).isoformat().replace("+00:00", "Z")
    except (OverflowError, ValueError, OSError):
        return None


def parse_feed(data: bytes) -> Feed:
    """The feed's title and items; FeedError when nothing readable is there."""
    import feedparser  # lazy: only feeds need it

    parsed = feedparser.parse(data)
    if not parsed.entries:
        if parsed.bozo:
            reason = str(parsed.get("bozo_exception", "")).splitlines()[0][:100] if parsed.get("bozo_exception") else "not well-formed"
            raise FeedError(f"is not a readable feed ({reason})")
        raise FeedError("is a feed with no items")
    items = []
    for entry in parsed.entries:
        contents = entry.get("content") or []
        text = contents[0].get("value") if contents else entry.get("summary")
        link = entry.get("link") or None
        title = entry.get("title") or None
        items.append(
            FeedItem(
                link=link,
                title=title,
                date=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                content=text or None,
                key=entry.get("id") or link or title or "",
            )
        )
    return Feed(parsed.feed.get("title") or None, tuple(items))


def parse_opml(data: bytes) -> list[str]:
    """The feed addresses (``xmlUrl``) of an OPML subscription list, nested outlines included."""
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise FeedError(f"is not a readable OPML list ({error})") from None
    urls = [outline.get("xmlUrl", "").strip() for outline in root.iter("outline")]
    urls = list(dict.fromkeys(url for url in urls if url))
    if not urls:
        raise FeedError("is an OPML list with no feeds")
    return urls


def url_list(text: str) -> list[str] | None:
    """The URLs of a plain list (one per line; blank lines and # comments allowed), or None
    when any other line is there: then it is an article, not a list."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line and not line.startswith("#")]
    if not lines or not all(_URL.match(line) for line in lines):
        return None
    return list(dict.fromkeys(lines))
