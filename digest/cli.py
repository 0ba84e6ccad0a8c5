"""The command line: `digest` (the reader), `digest clean`, `digest export`, `digest stories`,
`digest feeds add|list|remove`, `digest update`.

With no SOURCE, the reader, `export` and `stories` show the library's stories (see
digest.library), or the bundled example stories while the library is empty.

Only wiring lives here: ingest -> engine -> reader or exporter. User mistakes end in one line
on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import functools
import sys
from collections.abc import Sequence
from pathlib import Path

from digest import __version__
from digest.library import LibraryError
from digest.phrasing import plural
from digest.safe_text import one_line

EXIT_OK = 0
EXIT_FAILURE = 1
"""No usable source left, or the output could not be written."""
EXIT_USAGE = 2

COMMANDS = ("clean", "export", "stories", "feeds", "update")


def _seconds(text: str) -> float:
    """--timeout's value: a positive, finite number of seconds."""
    from digest.ingest.fetch import check_timeout

    try:
        return check_timeout(float(text))
    except ValueError as error:
        message = str(error) if "seconds" in str(error) else f"must be a number of seconds, not {text!r}"
        raise argparse.ArgumentTypeError(message) from None


def _add_source_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "sources",
        nargs="*",
        metavar="SOURCE",
        help="a file (.txt, .md, .html), a folder of them, or an http(s) URL; none: the bundled example stories",
    )
    parser.add_argument(
        "-l",
        "--label",
        action="append",
        default=[],
        metavar="NAME",
        help="display name for the SOURCE it follows (repeat for each); all given first: the sources in order",
    )
    parser.add_argument("--timeout", type=_seconds, default=15.0, metavar="SECONDS", help="time limit for each URL's whole download (default 15)")


def _add_one_story(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--one-story", action="store_true", help="merge every source into one story instead of grouping them by event"
    )


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command == "clean":
        parser = argparse.ArgumentParser(prog="digest clean", description="Print each source's cleaned article text.")
        _add_source_arguments(parser)
        parser.add_argument("--show-removed", action="store_true", help="also list every removed line and why")
        return parser
    if command == "export":
        parser = argparse.ArgumentParser(
            prog="digest export", description="Write the merged story (one section per story when the sources tell several) as Markdown or JSON."
        )
        _add_source_arguments(parser)
        _add_one_story(parser)
        parser.add_argument(
            "-f", "--format", choices=("markdown", "json"), help="default: json for an output FILE named *.json, else markdown"
        )
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
        return parser
    if command == "feeds":
        parser = argparse.ArgumentParser(prog="digest feeds", description="The feeds the library follows ('digest update' fetches them).")
        actions = parser.add_subparsers(dest="action", required=True, metavar="add|list|remove")
        actions.add_parser("add", help="subscribe to a feed (RSS or Atom)").add_argument("url", metavar="URL")
        actions.add_parser("list", help="list the feeds, their articles and last problem")
        actions.add_parser("remove", help="unsubscribe, removing the feed's articles").add_argument("url", metavar="URL")
        return parser
    if command == "update":
        parser = argparse.ArgumentParser(prog="digest update", description="Fetch what is new in every subscribed feed into the library.")
        parser.add_argument("--timeout", type=_seconds, default=15.0, metavar="SECONDS", help="time limit for each feed's and page's download (default 15)")
        return parser
    if command == "stories":
        parser = argparse.ArgumentParser(prog="digest stories", description="List the stories the sources tell: articles grouped by event.")
        _add_source_arguments(parser)
        parser.add_argument("-f", "--format", choices=("text", "json"), default="text")
        return parser
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Read one merged story from several outlets' versions of it. "
        "Subcommands: 'digest clean …' prints cleaned text, 'digest export …' writes Markdown or JSON, "
        "'digest stories …' lists the stories (articles grouped by event).",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    _add_source_arguments(parser)
    _add_one_story(parser)
    return parser


def labels_for_sources(argv: Sequence[str], sources: Sequence[str]) -> tuple[list[str | None], list[str]]:
    """Each SOURCE's label from the command line, and the labels no source takes.

    A label belongs to the SOURCE it follows ("a.txt -l A b.txt -l B"); labels given before any
    source name the sources in order ("-l A -l B a.txt b.txt").
    """
    pending: list[str] = []
    labels: list[str | None] = [None] * len(sources)
    seen = 0
    extra: list[str] = []
    tokens = iter(argv)
    for token in tokens:
        value: str | None = None
        if token in ("-l", "--label"):
            value = next(tokens, None)
        elif token.startswith("--label="):
            value = token.split("=", 1)[1]
        elif token.startswith("-l") and len(token) > 2 and not token.startswith("--"):
            value = token[2:]
        elif token in ("--timeout", "-f", "--format", "-o", "--output"):
            next(tokens, None)
        elif seen < len(sources) and token == sources[seen]:
            seen += 1
        if value is None:
            continue
        if seen == 0:
            pending.append(value)
        elif labels[seen - 1] is None:
            labels[seen - 1] = value
        else:
            extra.append(value)
    for value in pending:
        free = next((i for i, label in enumerate(labels) if label is None), None)
        if free is None:
            extra.append(value)
        else:
            labels[free] = value
    return labels, extra


def _labels(args: argparse.Namespace) -> list[str | None]:
    """Each SOURCE's label; one warning line for labels that no source takes."""
    labels, extra = labels_for_sources(args.argv, args.sources)
    if extra:
        print(f"digest: {len(extra)} more label(s) than sources; not used: {', '.join(one_line(e) for e in extra)}", file=sys.stderr)
    return labels


def _report(problems, nothing_left: bool) -> None:
    for problem in problems:
        print(f"digest: {problem}", file=sys.stderr)
    if nothing_left:
        print("digest: no usable source left; nothing to show", file=sys.stderr)


def _warn_notes(sources) -> None:
    """One line for each source whose text is not what its origin promised (see Source.note)."""
    for source in sources:
        if source.note:
            print(f"digest: {source.origin}: {source.note}", file=sys.stderr)


def unrelated_warnings(stories) -> list[str]:
    """One line for each source that shares nothing with the others of its story."""
    return [
        f"{source.label} ({source.origin}) shares nothing with the other sources: probably another story"
        for story in stories
        for source in story.sources
        if source.id in story.unrelated
    ]


def _from_library(args: argparse.Namespace) -> bool:
    """No SOURCE given and the library has stories: show those (else the bundled seeds)."""
    if args.sources:
        return False
    from digest.library.store import Library, library_path

    if not library_path().exists():
        return False
    try:
        with Library.open() as library:
            return library.article_count() > 0
    except LibraryError as error:
        print(f"digest: {one_line(str(error))}; showing the bundled example stories", file=sys.stderr)
        return False


def _stories(args: argparse.Namespace, one_story: bool = False):
    """The stories to export: the library's or the sources'."""
    from digest.pipeline import library_stories, load_stories

    if _from_library(args):
        return library_stories()
    return load_stories(args.sources, _labels(args), args.timeout, one_story=one_story)


def run_clean(args: argparse.Namespace) -> int:
    from digest.export.text import cleaned_text
    from digest.ingest import load_sources

    result = load_sources(args.sources, labels=_labels(args), timeout=args.timeout)
    _report(result.problems, nothing_left=not result.sources)
    if not result.sources:
        return EXIT_FAILURE
    _warn_notes(result.sources)
    sys.stdout.write(cleaned_text(result.sources, show_removed=args.show_removed))
    return EXIT_OK


def export_format(output: str | None) -> str:
    """The format an output file's name asks for: JSON for ``*.json``, else Markdown."""
    return "json" if output and output.lower().endswith(".json") else "markdown"


def run_export(args: argparse.Namespace) -> int:
    from digest.export import pieces
    from digest.export.save import SaveError, save_text
    from digest.pipeline import no_cyclic_collection

    with no_cyclic_collection(until_exit=True):
        loaded = _stories(args, one_story=args.one_story)
        _report(loaded.problems, nothing_left=not len(loaded.stories))
        if not len(loaded.stories):
            return EXIT_FAILURE
        stories = loaded.stories.all()
    _warn_notes(source for story in stories for source in story.sources)
    for line in unrelated_warnings(stories):
        print(f"digest: {line}", file=sys.stderr)
    if len(stories) > 1:
        print(f"digest: the sources tell {len(stories)} stories; each has its own section (--one-story merges them all)", file=sys.stderr)
    text = pieces(stories, args.format or export_format(args.output))
    if not args.output or args.output == "-":
        sys.stdout.writelines(text)
        return EXIT_OK
    try:
        path = save_text(Path(args.output), text, overwrite=args.force)
    except SaveError as error:
        print(f"digest: {one_line(str(error))}", file=sys.stderr)
        return EXIT_FAILURE
    print(f"digest: wrote {one_line(str(path))}", file=sys.stderr)
    return EXIT_OK


def run_stories(args: argparse.Namespace) -> int:
    from digest.export.outline import render_outlines
    from digest.pipeline import Listed, library_stories, list_stories

    if _from_library(args):
        listed = Listed(library_stories().stories.outlines, ())
    else:
        listed = list_stories(args.sources, _labels(args), args.timeout)
    _report(listed.problems, nothing_left=not listed.outlines)
    if not listed.outlines:
        return EXIT_FAILURE
    _warn_notes(source for outline in listed.outlines for source in outline.sources)
    sys.stdout.write(render_outlines(listed.outlines, args.format))
    return EXIT_OK


def run_reader(args: argparse.Namespace) -> int:
    from digest.pipeline import LoadingAhead, library_stories, load_stories, update_library_stories

    if not sys.stdout.isatty():
        print("digest: the reader needs a terminal; use 'digest export' to write the story to a file or pipe", file=sys.stderr)
        return EXIT_USAGE
    reloader = None
    ahead: LoadingAhead | None = None
    if _from_library(args):
        loader, reloader = library_stories, update_library_stories
    else:
        # Started before Textual is imported: the sources load and merge while the reader starts.
        loader = ahead = LoadingAhead(args.sources, _labels(args), args.timeout, one_story=args.one_story)
        reloader = functools.partial(load_stories, args.sources, _labels(args), args.timeout, one_story=args.one_story)
    from digest.tui.app import DigestApp

    app = DigestApp(loader=loader, reloader=reloader)
    try:
        app.run()
    finally:
        if ahead is not None:
            ahead.cancel()
    return app.return_code or EXIT_OK


def run_feeds(args: argparse.Namespace) -> int:
    from digest.ingest.load import is_url
    from digest.library.store import Library

    with Library.open() as library:
        if args.action == "list":
            feeds = library.feeds()
            if not feeds:
                print("digest: no feeds yet; add one with 'digest feeds add URL'", file=sys.stderr)
            for feed in feeds:
                state = f"failed: {feed.error}" if feed.error else f"checked {feed.checked_at}" if feed.checked_at else "not fetched yet"
                title = f" ({feed.title})" if feed.title else ""
                print(one_line(f"{feed.url}{title} — {plural(feed.articles, 'article')}, {state}"))
            return EXIT_OK
        url = args.url.strip()
        if args.action == "add":
            if not is_url(url):
                print(f"digest: {one_line(url)}: a feed is an http:// or https:// address", file=sys.stderr)
                return EXIT_USAGE
            added = library.add_feed(url)
            print(f"digest: {'added' if added else 'already following'} {one_line(url)}; 'digest update' fetches it", file=sys.stderr)
            return EXIT_OK
        removed = library.remove_feed(url)
        if removed is None:
            print(f"digest: not following {one_line(url)} ('digest feeds list' shows the feeds)", file=sys.stderr)
            return EXIT_FAILURE
        print(f"digest: removed {one_line(url)} and its {plural(removed, 'article')}", file=sys.stderr)
        return EXIT_OK


def run_update(args: argparse.Namespace) -> int:
    from digest.library.store import Library
    from digest.library.update import update, update_lock

    bar = ProgressBar(sys.stderr)
    with Library.open() as library, update_lock(library):
        if not library.feeds():
            print("digest: no feeds to update; add one with 'digest feeds add URL'", file=sys.stderr)
            return EXIT_FAILURE
        report = update(library, timeout=args.timeout, progress=bar.show)
    bar.close()
    for line in report.failures:
        print(f"digest: {line}", file=sys.stderr)
    fallback = f" ({report.from_feed_text} from the feed's own text)" if report.from_feed_text else ""
    print(
        f"digest: {plural(report.feeds, 'feed')} ({report.unchanged} unchanged), "
        f"{plural(report.new_articles, 'new article')}{fallback}, {plural(report.stories, 'recent story', 'recent stories')}",
        file=sys.stderr,
    )
    return EXIT_OK if report.new_articles or len(report.failures) < report.feeds else EXIT_FAILURE


class ProgressBar:
    """``[#####     ] 12/40 pages`` redrawn in place on a terminal; silent when piped."""

    WIDTH = 30

    def __init__(self, stream) -> None:
        self.stream = stream
        self.live = stream.isatty()
        self.drawn = False

    def show(self, done: int, total: int) -> None:
        if not self.live or not total:
            return
        filled = self.WIDTH * done // total
        self.stream.write(f"\r[{'#' * filled}{' ' * (self.WIDTH - filled)}] {done}/{total} pages")
        self.stream.flush()
        self.drawn = True

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    rest = argv[1:] if command else argv
    parser = _parser(command)
    # a label may follow its source; subcommands of `feeds` cannot be parsed intermixed
    args = parser.parse_args(rest) if command in ("feeds", "update") else parser.parse_intermixed_args(rest)
    args.argv = rest
    try:
        if command == "clean":
            return run_clean(args)
        if command == "export":
            return run_export(args)
        if command == "stories":
            return run_stories(args)
        if command == "feeds":
            return run_feeds(args)
        if command == "update":
            return run_update(args)
        return run_reader(args)
    except LibraryError as error:
        print(f"digest: {one_line(str(error))}", file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
