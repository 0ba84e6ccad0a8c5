"""The command line: `digest` (the reader), `digest clean`, `digest export`, `digest stories`.

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
from digest.safe_text import one_line

EXIT_OK = 0
EXIT_FAILURE = 1
"""No usable source left, or the output could not be written."""
EXIT_USAGE = 2

COMMANDS = ("clean", "export", "stories")


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
        parser.add_argument("-f", "--format", choices=("markdown", "json"), default="markdown")
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
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


def run_export(args: argparse.Namespace) -> int:
    from digest.export import render
    from digest.export.save import SaveError, save_text
    from digest.pipeline import load_stories

    loaded = load_stories(args.sources, _labels(args), args.timeout, one_story=args.one_story)
    _report(loaded.problems, nothing_left=not loaded.stories)
    if not loaded.stories:
        return EXIT_FAILURE
    _warn_notes(source for story in loaded.stories for source in story.sources)
    for line in unrelated_warnings(loaded.stories):
        print(f"digest: {line}", file=sys.stderr)
    if len(loaded.stories) > 1:
        print(f"digest: the sources tell {len(loaded.stories)} stories; each has its own section (--one-story merges them all)", file=sys.stderr)
    text = render(loaded.stories, args.format)
    if not args.output or args.output == "-":
        sys.stdout.write(text)
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
    from digest.pipeline import list_stories

    listed = list_stories(args.sources, _labels(args), args.timeout)
    _report(listed.problems, nothing_left=not listed.outlines)
    if not listed.outlines:
        return EXIT_FAILURE
    _warn_notes(source for outline in listed.outlines for source in outline.sources)
    sys.stdout.write(render_outlines(listed.outlines, args.format))
    return EXIT_OK


def run_reader(args: argparse.Namespace) -> int:
    from digest.pipeline import load_stories
    from digest.tui.app import DigestApp

    if not sys.stdout.isatty():
        print("digest: the reader needs a terminal; use 'digest export' to write the story to a file or pipe", file=sys.stderr)
        return EXIT_USAGE
    app = DigestApp(loader=functools.partial(load_stories, args.sources, _labels(args), args.timeout, one_story=args.one_story))
    app.run()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    rest = argv[1:] if command else argv
    args = _parser(command).parse_intermixed_args(rest)  # a label may follow its source
    args.argv = rest
    try:
        if command == "clean":
            return run_clean(args)
        if command == "export":
            return run_export(args)
        if command == "stories":
            return run_stories(args)
        return run_reader(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
