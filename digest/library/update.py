"""``digest update``: fetch what is new in every subscribed feed, store it, regroup the stories.

Feeds are asked conditionally (ETag / Last-Modified), so an unchanged feed costs one short
answer. New items' pages are fetched concurrently and politely (collect.pages), each article is
stored in a transaction of its own, and a feed that fails is one line in the report: the update
never stops at the first failure. Only one update runs at a time (a lock file beside the
library); a second one is refused with a clear message instead of waiting or corrupting.

Stories are regrouped over the articles fetched in the last ``REGROUP_DAYS`` days: recent news
joins its story; older stories stay as they were.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path

from digest.collect.feeds import FeedError, parse_feed
from digest.collect.items import item_source
from digest.collect.pages import fetch_all
from digest.ingest.fetch import TIMEOUT_SECONDS, FetchError, Fetched, Validators
from digest.ingest.load import ARTICLE_ERRORS, problem
from digest.library.store import Library, LibraryError
from digest.model import LoadProblem

REGROUP_DAYS = 3

Progress = Callable[[int, int], None]
"""Told after each page: (pages done, pages in all)."""


@dataclass
class UpdateReport:
    feeds: int = 0
    unchanged: int = 0
    """Feeds that answered "not modified"."""
    new_articles: int = 0
    from_feed_text: int = 0
    """New articles whose page failed, stored with the feed's own text."""
    failures: list[LoadProblem] = field(default_factory=list)
    """Each feed or item that could not be used, and why."""
    stories: int = 0


@contextmanager
def update_lock(library: Library) -> Iterator[None]:
    """Hold the library's update lock, or raise LibraryError at once when another update has it.

    An advisory lock on a file beside the library (``fcntl.flock``): the system releases it when
    the holder exits, however it exits, so a killed update never leaves the library locked.
    """
    import fcntl

    path = Path(str(library.path) + ".lock")
    handle = open(path, "a+")  # noqa: SIM115 - held open for the lock's lifetime
    try:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise LibraryError("another 'digest update' is running on this library; try again when it has finished") from None
        handle.seek(0)
        handle.truncate()
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()


def update(library: Library, timeout: float = TIMEOUT_SECONDS, progress: Progress | None = None) -> UpdateReport:
    """Fetch, store and regroup (see the module's docstring); the caller holds update_lock."""
    report = UpdateReport()
    feeds = library.feeds()
    report.feeds = len(feeds)
    answers = fetch_all([f.url for f in feeds], timeout, validators=[Validators(f.etag, f.last_modified) for f in feeds])
    pending = []
    seen_links = library.known_urls()  # the same page through two feeds is one article
    for feed, answer in zip(feeds, answers):
        try:
            if isinstance(answer, FetchError):
                raise answer
            if answer.not_modified:
                report.unchanged += 1
                library.feed_checked(feed.id, None, feed.etag, feed.last_modified, None)
                continue
            parsed = parse_feed(answer.data)
        except (FetchError, FeedError) as error:
            report.failures.append(problem(feed.url, str(error)))
            library.feed_checked(feed.id, None, None, None, str(error))
            continue
        library.feed_checked(feed.id, parsed.title, answer.etag, answer.last_modified, None)
        known = library.known_items(feed.id)
        for item in parsed.items:
            if item.key in known or (item.link and item.link in seen_links):
                continue
            if item.link:
                seen_links.add(item.link)
            pending.append((feed, parsed, item))
    links = [item.link for _, _, item in pending if item.link]
    pages = dict(zip(links, fetch_all(links, timeout, done=(lambda done, total, _: progress(done, total)) if progress else None)))
    for feed, parsed, item in pending:
        page = pages.get(item.link) if item.link else None
        try:
            source = item_source(parsed, item, page, feed.url)
        except ARTICLE_ERRORS as error:
            report.failures.append(problem(item.link or feed.url, str(error)))
            continue
        library.add_article(feed.id, item.key, item.link, page.data if isinstance(page, Fetched) else None, source)
        report.new_articles += 1
        report.from_feed_text += source.note is not None
    report.stories = regroup(library)
    return report


def regroup(library: Library, days: int = REGROUP_DAYS) -> int:
    """Group the articles fetched in the last ``days`` days into stories again; how many."""
    from digest.engine.grouping import group_articles, outline
    from digest.pipeline import no_cyclic_collection

    since = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds").replace("+00:00", "Z")
    with no_cyclic_collection():
        recent = library.sources(since=since)
        if not recent:
            return 0
        sources = [source for _, source in recent]
        groups = []
        for group in group_articles(sources):
            shape = outline([sources[i] for i in group])
            groups.append((shape.title, shape.first, shape.last, [recent[i][0] for i in group]))
    library.replace_stories(groups)
    return len(groups)
