"""The command line: `digest` (the reader), `digest clean`, `digest export`.

Only wiring lives here: ingest -> engine -> reader or exporter. User mistakes end in one line
on stderr and an exit code, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from digest import __version__

EXIT_OK = 0
EXIT_FAILURE = 1
"""No usable source left, or the output could not be written."""
EXIT_USAGE = 2

COMMANDS = ("clean", "export")


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
        help="display name for the sources, in the order they load (repeat for each source)",
    )
    parser.add_argument("--timeout", type=_seconds, default=15.0, metavar="SECONDS", help="time limit for each URL's whole download (default 15)")


def _parser(command: str | None) -> argparse.ArgumentParser:
    if command == "clean":
        parser = argparse.ArgumentParser(prog="digest clean", description="Print each source's cleaned article text.")
        _add_source_arguments(parser)
        parser.add_argument("--show-removed", action="store_true", help="also list every removed line and why")
        return parser
    if command == "export":
        parser = argparse.ArgumentParser(prog="digest export", description="Write the merged story as Markdown or JSON.")
        _add_source_arguments(parser)
        parser.add_argument("-f", "--format", choices=("markdown", "json"), default="markdown")
        parser.add_argument("-o", "--output", metavar="FILE", help="write to FILE instead of standard output")
        parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
        return parser
    parser = argparse.ArgumentParser(
        prog="digest",
        description="Read one merged story from several outlets' versions of it. "
        "Subcommands: 'digest clean …' prints cleaned text, 'digest export …' writes Markdown or JSON.",
    )
    parser.add_argument("--version", action="version", version=f"digest {__version__}")
    _add_source_arguments(parser)
    return parser


def _load(args: argparse.Namespace):
    from digest.ingest import load_sources

    result = load_sources(args.sources, labels=args.label, timeout=args.timeout)
    for problem in result.problems:
        print(f"digest: {problem}", file=sys.stderr)
    if not result.sources:
        print("digest: no usable source left; nothing to show", file=sys.stderr)
    return result


def unrelated_warnings(story) -> list[str]:
    """One line for each source that shares nothing with the others."""
    return [
        f"{source.label} ({source.origin}) shares nothing with the other sources: probably another story"
        for source in story.sources
        if source.id in story.unrelated
    ]


def run_clean(args: argparse.Namespace) -> int:
    from digest.export.text import cleaned_text

    result = _load(args)
    if not result.sources:
        return EXIT_FAILURE
    sys.stdout.write(cleaned_text(result.sources, show_removed=args.show_removed))
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from digest.engine import build_story
    from digest.export import render
    from digest.export.save import SaveError, save_text
    from digest.safe_text import one_line

    result = _load(args)
    if not result.sources:
        return EXIT_FAILURE
    story = build_story(result.sources)
    for line in unrelated_warnings(story):
        print(f"digest: {line}", file=sys.stderr)
    text = render(story, args.format)
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


def run_reader(args: argparse.Namespace) -> int:
    from digest.tui.app import DigestApp

    if not sys.stdout.isatty():
        print("digest: the reader needs a terminal; use 'digest export' to write the story to a file or pipe", file=sys.stderr)
        return EXIT_USAGE
    app = DigestApp(args.sources, labels=args.label, timeout=args.timeout)
    app.run()
    return app.return_code or EXIT_OK


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    command = argv[0] if argv and argv[0] in COMMANDS else None
    args = _parser(command).parse_args(argv[1:] if command else argv)
    try:
        if command == "clean":
            return run_clean(args)
        if command == "export":
            return run_export(args)
        return run_reader(args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    raise SystemExit(main())
