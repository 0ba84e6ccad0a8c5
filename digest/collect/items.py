"""From a feed, an OPML list or a list of URLs to cleaned articles.

Every item's page is fetched (concurrently and politely, see pages.py) and cleaned like any
page. When the page cannot be had or holds no article, the item's own text from the feed is
used instead and the source says so in its ``note``; when the feed has no text either, the item
is a LoadProblem. The feed's title names the outlet; the item's title and date fill in what the
page does not say.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import replace

from digest.collect.feeds import Feed, FeedError, FeedItem, parse_feed, parse_opml
from digest.collect.pages import fetch_all
from digest.ingest.decode import decode_bytes
from digest.ingest.fetch import MAX_BYTES, TIMEOUT_SECONDS, FetchError, Fetched
from digest.ingest.labels import label_from_host, shorten
from digest.ingest.load import ARTICLE_ERRORS, EmptyArticleError, format_of, article, parse_text, problem
from digest.model import LoadProblem, Source
from digest.safe_text import one_line

Collected = tuple[list[Source], list[LoadProblem]]


def from_urls(urls: Sequence[str], timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Collected:
    """Every page of a list of URLs."""
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    for url, fetched in zip(urls, fetch_all(urls, timeout, max_bytes)):
        try:
            sources.append(_page(url, fetched))
        except ARTICLE_ERRORS as error:
            problems.append(problem(url, str(error)))
    return sources, problems


def from_feed(origin: str, data: bytes, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Collected:
    """Every item of one feed (RSS or Atom)."""
    feed = parse_feed(data)
    return items_to_sources([(feed, item) for item in feed.items], origin, timeout, max_bytes)


def from_opml(origin: str, data: bytes, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES) -> Collected:
    """Every item of every feed an OPML list subscribes to; a feed that fails is one problem."""
    urls = parse_opml(data)
    problems: list[LoadProblem] = []
    pairs: list[tuple[Feed, FeedItem]] = []
    for url, fetched in zip(urls, fetch_all(urls, timeout, max_bytes)):
        try:
            if isinstance(fetched, FetchError):
                raise fetched
            feed = parse_feed(fetched.data)
        except (FetchError, FeedError) as error:
            problems.append(problem(url, str(error)))
            continue
        pairs.extend((feed, item) for item in feed.items)
    sources, item_problems = items_to_sources(pairs, origin, timeout, max_bytes)
    return sources, problems + item_problems


def items_to_sources(pairs: Sequence[tuple[Feed, FeedItem]], origin: str, timeout: float, max_bytes: int) -> Collected:
    """Fetch every item's page at once; each becomes a Source, from its page or its own text."""
    links = list(dict.fromkeys(item.link for _, item in pairs if item.link))
    by_link = dict(zip(links, fetch_all(links, timeout, max_bytes)))
    sources: list[Source] = []
    problems: list[LoadProblem] = []
    for feed, item in pairs:
        fetched = by_link.get(item.link or "")
        try:
            sources.append(item_source(feed, item, fetched, origin))
        except ARTICLE_ERRORS as error:
            problems.append(problem(item.link or origin, str(error)))
    return sources, problems


def item_source(feed: Feed, item: FeedItem, fetched: Fetched | FetchError | None, origin: str) -> Source:
    """One item: its page when that holds an article, else the feed's own text of it (noted)."""
    why = "the item has no link"
    if isinstance(fetched, Fetched):
        try:
            return _with_item(_page(item.link or origin, fetched), feed, item, None)
        except ARTICLE_ERRORS as error:
            why = str(error)
    elif isinstance(fetched, FetchError):
        why = str(fetched)
    if not item.content:
        raise EmptyArticleError(f"{why}; and the feed gives no text of its own")
    if "<" in item.content:  # an HTML fragment: give the extractor a whole page
        source = parse_text(f"<html><body><article>{item.content}</article></body></html>", "html", item.link or origin)
    else:
        source = parse_text(item.content, "text", item.link or origin)
    if not source.paragraphs:
        raise EmptyArticleError(f"{why}; and the feed's own text is empty")
    return _with_item(source, feed, item, f"the page {why}: this is the feed's own text of the item")


def _page(url: str, fetched: Fetched | FetchError) -> Source:
    if isinstance(fetched, FetchError):
        raise fetched
    return article(url, fetched, format_of(fetched), decode_bytes(fetched.data, declared=fetched.charset))


def _with_item(source: Source, feed: Feed, item: FeedItem, note: str | None) -> Source:
    """The feed names the outlet; the item's title fills in what the page lacks, and its date
    comes first (pages' dates are often a guess)."""
    host = label_from_host(item.link or source.origin)
    address = (item.link or source.origin).casefold()
    named = source.site if source.site and source.site.casefold() not in address else None  # not just the host again
    label = named or (one_line(feed.title) if feed.title else None) or host
    ident = source.id or "s" + hashlib.sha1((item.key + (item.content or "")).encode("utf-8", "replace")).hexdigest()[:10]
    return replace(
        source,
        id=ident,
        label=shorten(one_line(label)),
        title=source.title or (one_line(item.title) if item.title else None),
        date=item.date or source.date,  # the feed's date is the publisher's own statement
        note=note,
    )
