"""The local library: subscribed feeds, fetched articles (raw and cleaned), stories, what was read.

One SQLite file in the user's data folder (platformdirs: ``$XDG_DATA_HOME/digest/library.db``),
in WAL mode so that the reader can read while an update writes. Every article is written in a
transaction of its own, so an update killed half-way leaves every article either wholly there
or not at all. The schema's version is SQLite's ``user_version``; ``MIGRATIONS[n]`` takes a
library from version n to n+1, so an older library is brought up to date when opened, and a
newer one (written by a later digest) is refused rather than damaged.

Reading state is kept per article: a story is unread while any of its articles is, and inside a
story the sentences that only unread articles carry are the ones new since it was last read.
"""

from __future__ import annotations

import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, replace
from datetime import UTC, datetime
from pathlib import Path

from digest.library import LibraryError
from digest.model import Paragraph, RemovedLine, Source

MIGRATIONS: tuple[str, ...] = (
    # 0 -> 1: feeds, articles, stories
    """
    CREATE TABLE feeds (
        id INTEGER PRIMARY KEY,
        url TEXT NOT NULL UNIQUE,
        title TEXT,
        etag TEXT,
        last_modified TEXT,
        added_at TEXT NOT NULL,
        checked_at TEXT,
        error TEXT
    );
    CREATE TABLE articles (
        id INTEGER PRIMARY KEY,
        feed_id INTEGER REFERENCES feeds(id) ON DELETE CASCADE,
        item_key TEXT NOT NULL,
        url TEXT,
        fetched_at TEXT NOT NULL,
        raw BLOB,
        source TEXT NOT NULL,
        story_id INTEGER,
        read_at TEXT,
        UNIQUE (feed_id, item_key)
    );
    CREATE INDEX articles_story ON articles(story_id);
    CREATE INDEX articles_fetched ON articles(fetched_at);
    CREATE TABLE stories (
        id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        first TEXT,
        last TEXT,
        grouped_at TEXT NOT NULL
    );
    """,
)
SCHEMA_VERSION = len(MIGRATIONS)


def library_path() -> Path:
    import platformdirs

    return platformdirs.user_data_path("digest") / "library.db"


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


@dataclass(frozen=True)
class Feed:
    id: int
    url: str
    title: str | None
    etag: str | None
    last_modified: str | None
    checked_at: str | None
    error: str | None
    articles: int


@dataclass(frozen=True)
class StoredStory:
    """A story of the library as the list shows it, with its articles' ids."""

    id: int
    title: str
    first: str | None
    last: str | None
    article_ids: tuple[int, ...]
    unread: int
    """How many of its articles have not been read."""


CHUNK = 500
"""Ids per ``IN (…)`` list: far below SQLite's limit on bound parameters."""


def chunks(ids: Sequence[int]) -> Iterator[tuple[str, list[int]]]:
    """(``?,?,…`` placeholders, ids) for each slice of ``ids`` short enough for one statement."""
    for start in range(0, len(ids), CHUNK):
        chunk = list(ids[start : start + CHUNK])
        yield ",".join("?" * len(chunk)), chunk


def source_to_json(source: Source) -> str:
    return json.dumps(asdict(source), ensure_ascii=False)


def source_from_json(text: str) -> Source:
    data = json.loads(text)
    data["paragraphs"] = tuple(Paragraph(**p) for p in data["paragraphs"])
    data["removed"] = tuple(RemovedLine(**r) for r in data["removed"])
    return Source(**data)


class Library:
    """An open library; use as a context manager (``with Library.open() as library:``)."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self.db = connection
        self.path = path

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open (creating or migrating) the library at ``path`` (default: the user's)."""
        path = path or library_path()
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(path, timeout=10.0, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA foreign_keys=ON")
            connection.execute("PRAGMA synchronous=NORMAL")
        except (OSError, sqlite3.Error) as error:
            raise LibraryError(f"the library {path} cannot be opened ({error})") from None
        library = cls(connection, path)
        library._migrate()
        return library

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *_: object) -> None:
        self.db.close()

    def _migrate(self) -> None:
        try:
            version = self.db.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise LibraryError(f"the library {self.path} was written by a newer digest (schema {version}; this one knows {SCHEMA_VERSION})")
            for step in range(version, SCHEMA_VERSION):
                with self.transaction():
                    for statement in MIGRATIONS[step].split(";"):
                        if statement.strip():
                            self.db.execute(statement)
                    self.db.execute(f"PRAGMA user_version = {step + 1}")
        except sqlite3.DatabaseError as error:
            raise LibraryError(f"the library {self.path} cannot be read ({error})") from None

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT, or ROLLBACK on any error: all or nothing."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- feeds ---------------------------------------------------------------------------------

    def add_feed(self, url: str) -> bool:
        """Subscribe; False when already subscribed."""
        with self.transaction():
            cursor = self.db.execute("INSERT OR IGNORE INTO feeds (url, added_at) VALUES (?, ?)", (url, now()))
        return cursor.rowcount == 1

    def remove_feed(self, url: str) -> int | None:
        """Unsubscribe, with the feed's articles; how many articles went, None if not subscribed."""
        row = self.db.execute("SELECT id FROM feeds WHERE url = ?", (url,)).fetchone()
        if row is None:
            return None
        with self.transaction():
            count = self.db.execute("SELECT COUNT(*) FROM articles WHERE feed_id = ?", (row[0],)).fetchone()[0]
            self.db.execute("DELETE FROM articles WHERE feed_id = ?", (row[0],))
            self.db.execute("DELETE FROM feeds WHERE id = ?", (row[0],))
            self._drop_empty_stories()
        return count

    def feeds(self) -> list[Feed]:
        rows = self.db.execute(
            "SELECT f.id, f.url, f.title, f.etag, f.last_modified, f.checked_at, f.error, "
            "(SELECT COUNT(*) FROM articles a WHERE a.feed_id = f.id) FROM feeds f ORDER BY f.id"
        ).fetchall()
        return [Feed(*row) for row in rows]

    def feed_checked(self, feed_id: int, title: str | None, etag: str | None, last_modified: str | None, error: str | None) -> None:
        """After an update of one feed: what it said (validators for the next conditional request) or why it failed."""
        with self.transaction():
            if error is None:
                self.db.execute(
                    "UPDATE feeds SET title = COALESCE(?, title), etag = ?, last_modified = ?, checked_at = ?, error = NULL WHERE id = ?",
                    (title, etag, last_modified, now(), feed_id),
                )
            else:
                self.db.execute("UPDATE feeds SET checked_at = ?, error = ? WHERE id = ?", (now(), error, feed_id))

    # --- articles ------------------------------------------------------------------------------

    def known_urls(self) -> set[str]:
        """Every stored article's address: a page two feeds both link to is stored once."""
        return {row[0] for row in self.db.execute("SELECT url FROM articles WHERE url IS NOT NULL")}

    def known_items(self, feed_id: int) -> set[str]:
        return {row[0] for row in self.db.execute("SELECT item_key FROM articles WHERE feed_id = ?", (feed_id,))}

    def add_article(self, feed_id: int, item_key: str, url: str | None, raw: bytes | None, source: Source) -> int:
        """Store one article in a transaction of its own; its id."""
        with self.transaction():
            cursor = self.db.execute(
                "INSERT OR IGNORE INTO articles (feed_id, item_key, url, fetched_at, raw, source) VALUES (?, ?, ?, ?, ?, ?)",
                (feed_id, item_key, url, now(), zlib.compress(raw) if raw else None, source_to_json(source)),
            )
        return int(cursor.lastrowid or 0)

    def article_count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def sources(self, article_ids: Iterable[int] | None = None, since: str | None = None) -> list[tuple[int, Source]]:
        """(article id, cleaned Source) of the given articles, or of those fetched ``since``; each
        Source's id is ``a<article id>``, so a story's sentences point back to articles."""
        if article_ids is not None:
            ids = list(article_ids)
            rows = []
            for marks, chunk in chunks(ids):
                rows += self.db.execute(f"SELECT id, source FROM articles WHERE id IN ({marks})", chunk).fetchall()
            order = {a: i for i, a in enumerate(ids)}
            rows.sort(key=lambda row: order[row[0]])
        else:
            rows = self.db.execute("SELECT id, source FROM articles WHERE fetched_at >= ? ORDER BY id", (since or "",)).fetchall()
        found = []
        for article_id, text in rows:
            source = source_from_json(text)
            found.append((article_id, replace(source, id=f"a{article_id}")))
        return found

    # --- stories -------------------------------------------------------------------------------

    def replace_stories(self, groups: Sequence[tuple[str, str | None, str | None, Sequence[int]]]) -> None:
        """Store a new grouping of some articles: (title, first, last, article ids) per story.
        Their old stories go when no article is left in them. One transaction."""
        with self.transaction():
            stamp = now()
            for title, first, last, article_ids in groups:
                story_id = self.db.execute("INSERT INTO stories (title, first, last, grouped_at) VALUES (?, ?, ?, ?)", (title, first, last, stamp)).lastrowid
                for marks, chunk in chunks(article_ids):
                    self.db.execute(f"UPDATE articles SET story_id = ? WHERE id IN ({marks})", [story_id, *chunk])
            self._drop_empty_stories()

    def _drop_empty_stories(self) -> None:
        self.db.execute("DELETE FROM stories WHERE id NOT IN (SELECT DISTINCT story_id FROM articles WHERE story_id IS NOT NULL)")

    def stories(self) -> list[StoredStory]:
        """Every story, newest first (by its latest article), with its articles and unread count."""
        members: dict[int, list[tuple[int, bool]]] = {}
        for article_id, story_id, read_at in self.db.execute("SELECT id, story_id, read_at FROM articles WHERE story_id IS NOT NULL ORDER BY id"):
            members.setdefault(story_id, []).append((article_id, read_at is None))
        rows = self.db.execute("SELECT id, title, first, last FROM stories").fetchall()
        found = [
            StoredStory(sid, title, first, last, tuple(a for a, _ in members.get(sid, [])), sum(unread for _, unread in members.get(sid, [])))
            for sid, title, first, last in rows
            if members.get(sid)
        ]
        return sorted(found, key=lambda s: (s.last or "", max(s.article_ids)), reverse=True)

    def mark_read(self, article_ids: Iterable[int]) -> None:
        with self.transaction():
            for marks, chunk in chunks(list(article_ids)):
                self.db.execute(f"UPDATE articles SET read_at = ? WHERE read_at IS NULL AND id IN ({marks})", [now(), *chunk])

    def unread(self, article_ids: Iterable[int]) -> set[int]:
        found: set[int] = set()
        for marks, chunk in chunks(list(article_ids)):
            found |= {row[0] for row in self.db.execute(f"SELECT id FROM articles WHERE read_at IS NULL AND id IN ({marks})", chunk)}
        return found
