"""From what the user named (files, folders, URLs, or nothing) to cleaned, labelled Sources.

Every failure becomes a LoadProblem naming the source and the problem in one line; the other
sources still load. Nothing here raises for a user mistake.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path
from typing import Literal

from digest.engine.normalize import word_count
from digest.timing import StageTimer, no_timing
from digest.ingest import labels as labelling
from digest.ingest.boilerplate import LineContext, classify, clean_lines, find_date
from digest.ingest.decode import DecodeError, decode_bytes, normalize_text
from digest.safe_text import one_line
from digest.ingest.fetch import MAX_BYTES, TIMEOUT_SECONDS, FetchError, Fetched, fetch_url, file_problem, read_file
from digest.ingest.html import NoArticleError, extract_article
from digest.ingest.lines import RawLine
from digest.ingest.text import find_title, markdown_lines, plain_text_lines
from digest.model import LoadProblem, RemovedLine, Source

Format = Literal["text", "markdown", "html"]

SUFFIX_FORMATS: dict[str, Format] = {".txt": "text", "": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html"}
MIN_HTML_ARTICLE_WORDS = 20
"""A page with less text than this is a form, an index or an error page, not an article."""
FEED_SUFFIXES = (".rss", ".atom", ".xml", ".opml")
"""Files read as feeds or subscription lists (what they are is read from their first bytes)."""
SUPPORTED = ", ".join(sorted([*(s for s in SUFFIX_FORMATS if s), *FEED_SUFFIXES])) + " or no extension"


def _supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIX_FORMATS or path.suffix.lower() in FEED_SUFFIXES


@dataclass(frozen=True)
class LoadResult:
    sources: tuple[Source, ...]
    problems: tuple[LoadProblem, ...]


def bundled_seeds_dir() -> Path:
    """The example stories: inside the installed wheel, or at the top of a source checkout."""
    packaged = resources.files("digest").joinpath("seeds")
    if packaged.is_dir():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "seeds"


def is_url(spec: str) -> bool:
    return spec.lower().startswith(("http://", "https://"))


_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://", re.IGNORECASE)


def other_scheme(spec: str) -> str | None:
    """The scheme of an address that is not http(s) ("ftp"), or None."""
    found = _SCHEME.match(spec)
    return found.group()[:-3].lower() if found and not is_url(spec) else None


def problem(origin: str, message: str) -> LoadProblem:
    """A LoadProblem whose origin (a user's path or URL) can be shown on a terminal as it is."""
    return LoadProblem(one_line(origin), one_line(message))


def expand(specs: Sequence[str]) -> tuple[list[str], list[LoadProblem]]:
    """Files and URLs as given; a folder becomes its supported files in name order."""
    origins: list[str] = []
    problems: list[LoadProblem] = []
    for spec in specs:
        if is_url(spec):
            origins.append(spec)
            continue
        if scheme := other_scheme(spec):
            problems.append(problem(spec, f"uses {scheme}://; only http:// and https:// addresses can be fetched"))
            continue
        path = Path(spec)
        if path.is_dir():
            try:
                files = sorted(p for p in path.iterdir() if p.is_file() and not p.name.startswith(".") and _supported(p))
            except OSError as error:
                problems.append(problem(spec, f"cannot be listed ({error.strerror or error})"))
                continue
            if not files:
                problems.append(problem(spec, f"is a folder with no supported files ({SUPPORTED})"))
            origins.extend(str(p) for p in files)
        elif why := file_problem(path):
            problems.append(problem(spec, why))
        elif not _supported(path):
            problems.append(problem(spec, f"is not a supported kind of file ({SUPPORTED})"))
        else:
            origins.append(spec)
    return origins, problems


Progress = Callable[[int, int, str], None]
"""Told before each source loads: (how many loaded so far, how many in all, which one)."""


def load_sources(
    specs: Sequence[str],
    labels: Sequence[str | None] = (),
    timeout: float = TIMEOUT_SECONDS,
    max_bytes: int = MAX_BYTES,
    stage: StageTimer = no_timing,
    progress: Progress | None = None,
) -> LoadResult:
    """Load, clean and label every source; with no specs, the bundled seeds.

    ``labels[i]`` names what ``specs[i]`` loads (every file of a folder, numbered); None or a
    missing entry keeps the label found in the source itself. Problems come in the user's order.
    """
    if not specs:
        specs = [str(bundled_seeds_dir())]
    planned: list[tuple[str | None, LoadProblem | None, str | None]] = []  # (origin, problem, label)
    for index, spec in enumerate(specs):
        origins, expand_problems = expand([spec])
        planned.extend((None, p, None) for p in expand_problems)
        label = labels[index] if index < len(labels) else None
        planned.extend((origin, None, label) for origin in origins)
    origins = [origin for origin, _, _ in planned if origin is not None]
    loaded = iter(_load_all(origins, timeout, max_bytes, stage, progress))
    sources: list[Source] = []
    given: list[str | None] = []
    problems: list[LoadProblem] = []
    for origin, expand_problem, label in planned:
        if origin is None:
            problems.append(expand_problem)  # type: ignore[arg-type]
            continue
        found, found_problems = next(loaded)
        sources.extend(found)
        given.extend([label] * len(found))
        problems.extend(found_problems)
    return LoadResult(tuple(_finish_labels(sources, given)), tuple(problems))


PARALLEL_FROM = 64
"""From this many files on, a forked child loads and cleans the second half of them while this
process does the first (digest.background); fewer are not worth a process."""


def _load_all(origins: list[str], timeout: float, max_bytes: int, stage: StageTimer, progress: Progress | None) -> list[tuple[list[Source], list[LoadProblem]]]:
    """What each origin loads to, in order."""
    from digest.background import in_two_halves

    def load(part: Sequence[str], offset: int) -> list[tuple[list[Source], list[LoadProblem]]]:
        results = []
        for done, origin in enumerate(part, offset):
            if progress and not offset:  # a forked child (second half) tells no progress
                progress(done, len(origins), one_line(origin))
            results.append(load_origin(origin, timeout=timeout, max_bytes=max_bytes, stage=stage))
        return results

    return in_two_halves(load, origins, PARALLEL_FROM)


class EmptyArticleError(ValueError):
    """Nothing of the article is left after cleaning."""


ARTICLE_ERRORS = (FetchError, DecodeError, NoArticleError, EmptyArticleError)
"""Why one article cannot be used: reported as a LoadProblem, never raised to the user."""


def load_origin(origin: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES, stage: StageTimer = no_timing) -> tuple[list[Source], list[LoadProblem]]:
    """One file or URL: an article, or a feed, OPML list or list of URLs that stands for the
    articles it points to (fetched concurrently; see collect.items)."""
    from digest.collect.feeds import FeedError, sniff, url_list

    try:
        fetched, fmt = _fetch(origin, timeout, max_bytes, stage)
        kind = sniff(fetched.data) if fmt != "markdown" else None
        if kind is not None:
            from digest.collect.items import from_feed, from_opml

            collect = from_opml if kind == "opml" else from_feed
            return collect(origin, fetched.data, timeout=timeout, max_bytes=max_bytes)
        text = decode_bytes(fetched.data, declared=fetched.charset)
        urls = url_list(text) if fmt == "text" else None
        if urls is not None:
            from digest.collect.items import from_urls

            return from_urls(urls, timeout=timeout, max_bytes=max_bytes)
        return [article(origin, fetched, fmt, text, stage)], []
    except (*ARTICLE_ERRORS, FeedError) as error:
        return [], [problem(origin, str(error))]


def load_one(origin: str, timeout: float = TIMEOUT_SECONDS, max_bytes: int = MAX_BYTES, stage: StageTimer = no_timing) -> Source:
    """Load one file or URL as one article; raises the errors load_sources reports."""
    fetched, fmt = _fetch(origin, timeout, max_bytes, stage)
    return article(origin, fetched, fmt, decode_bytes(fetched.data, declared=fetched.charset), stage)


def _fetch(origin: str, timeout: float, max_bytes: int, stage: StageTimer) -> tuple[Fetched, Format]:
    """The origin's bytes and the format its name or content type says."""
    with stage("load"):
        if is_url(origin):
            fetched = fetch_url(origin, timeout=timeout, max_bytes=max_bytes)
            return fetched, format_of(fetched)
        return read_file(Path(origin), max_bytes=max_bytes), SUFFIX_FORMATS.get(Path(origin).suffix.lower(), "text")


def article(origin: str, fetched: Fetched, fmt: Format, text: str, stage: StageTimer = no_timing) -> Source:
    """One article from its fetched bytes (``text``: already decoded) as a cleaned Source."""
    if fmt == "text" and _looks_like_html(text):
        fmt = "html"
    with stage("clean"):
        source = parse_text(text, fmt, origin, url=fetched.final_url or (origin if is_url(origin) else None))
    if not source.paragraphs:
        raise EmptyArticleError("has no article text left after removing boilerplate")
    words = sum(word_count(p.text) for p in source.paragraphs)
    if fmt == "html" and words < MIN_HTML_ARTICLE_WORDS:
        raise NoArticleError(f"has no article: only {words} word(s) of text besides navigation and boilerplate")
    digest = hashlib.sha1(fetched.data).hexdigest()[:10]
    return replace(source, id=f"s{digest}")


def parse_text(text: str, fmt: Format, origin: str, url: str | None = None) -> Source:
    """Turn decoded text of a known format into a cleaned Source (id and final label come later)."""
    site = date = author = None
    if fmt == "html":
        article = extract_article(text, url=url)
        lines, title, site, date, author = article.lines, article.title, article.site, article.date, article.author
        title_index = None
    else:
        lines = markdown_lines(normalize_text(text)) if fmt == "markdown" else plain_text_lines(normalize_text(text))
        title_index = find_title(lines, lambda i: _boilerplate(lines, i))
        title = lines[title_index].text if title_index is not None else None
    cleaned = clean_lines(_without(lines, title_index), title)
    removed = list(cleaned.removed)
    if title_index is not None:
        removed = _shift_positions(removed, title_index)
        removed.insert(_insert_at(removed, title_index), RemovedLine(lines[title_index].text, "headline, shown as the title", "title", title_index))
    if date is None:
        date = _date_from_removed(removed)
    label = site or (labelling.label_from_host(origin) if is_url(origin) else None)
    label = label or labelling.outlet_from_removed(removed) or labelling.label_from_path(origin)
    return Source(
        id="",
        label=labelling.shorten(one_line(label)),
        origin=one_line(origin),
        format=fmt,
        paragraphs=cleaned.paragraphs,
        removed=tuple(removed),
        title=_shown(title),
        date=_shown(date),
        author=_shown(author),
        site=_shown(site),
    )


def _shown(value: str | None) -> str | None:
    return one_line(value) or None if value else None


def _boilerplate(lines: list[RawLine], index: int) -> str | None:
    """Why ``lines[index]`` is boilerplate, judged on its own (before the title is known), or None."""
    line = lines[index]
    block = tuple(item for item in lines if item.block == line.block)
    found = classify(line, LineContext(line, block, None, False))
    return found[1] if found else None


def _without(lines: list[RawLine], index: int | None) -> list[RawLine]:
    return lines if index is None else lines[:index] + lines[index + 1 :]


def _shift_positions(removed: list[RemovedLine], title_index: int) -> list[RemovedLine]:
    """Positions were counted without the title line; count them in the original text again."""
    return [replace(r, position=r.position + 1) if r.position >= title_index else r for r in removed]


def _insert_at(removed: list[RemovedLine], position: int) -> int:
    return sum(1 for r in removed if r.position < position)


def _date_from_removed(removed: list[RemovedLine]) -> str | None:
    for line in removed:
        if line.rule in ("date", "credit"):
            found = find_date(line.text)
            if found:
                return found
    return None


def format_of(fetched: Fetched) -> Format:
    """The format a server's content type says (HTML when it says nothing usable)."""
    content_type = (fetched.content_type or "").lower()
    if "markdown" in content_type:
        return "markdown"
    if content_type in ("text/plain",):
        return "text"
    return "html"


def _looks_like_html(text: str) -> bool:
    head = text[:2048].lstrip().lower()
    return head.startswith(("<!doctype html", "<html")) or ("<body" in head and "</" in head)


def _finish_labels(sources: list[Source], overrides: Sequence[str | None]) -> list[Source]:
    """Apply the user's label of each source, number repeated labels, and make ids unique."""
    names = [one_line(given) if given and one_line(given) else s.label for s, given in zip(sources, overrides)]
    names = labelling.distinct([labelling.shorten(n) for n in names])
    ids = labelling.distinct([s.id for s in sources])
    return [replace(s, label=name, id=sid.replace(" ", "-")) for s, name, sid in zip(sources, names, ids)]
