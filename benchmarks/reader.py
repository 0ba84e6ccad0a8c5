"""Time to first paint and to a full story in the reader: the seeds, 100 articles, and a story
of about 3,000 paragraphs.

Usage: python benchmarks/reader.py

Each case runs in a fresh process, so import time counts. "first paint" is when Textual reports
the app ready (its first screen drawn); "built" is when the loader hands the merged story to
the reader (the work `digest export` does too; as on the command line, it is done by a child
forked before Textual is imported, ``pipeline.LoadingAhead``, and "built" is when the reader
has received it); "story shown" is when the merged story is on screen; "scroll to
end" is how long `G` takes there. The generated articles tell one event, so they are merged as
one story (``one_story``), as the scale benchmarks do.
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
HERE = Path(__file__).resolve().parent


def run_case(folder: str) -> dict:

    from digest.pipeline import LoadingAhead

    ahead = LoadingAhead([folder], one_story=True)  # as the command line starts it: before Textual is imported
    from digest.tui.app import DigestApp

    marks: dict[str, float] = {"imported": time.perf_counter() - STARTED}

    class TimedApp(DigestApp):
        def on_ready(self) -> None:
            marks.setdefault("first_paint", time.perf_counter() - STARTED)

    def loader(**kwargs):
        loaded = ahead(**kwargs)
        marks["built"] = time.perf_counter() - STARTED
        return loaded

    async def main() -> None:
        app = TimedApp(loader=loader)
        async with app.run_test(size=(120, 40)) as pilot:
            while app.story is None:
                await asyncio.sleep(0.01)  # as a user waits: no pilot work while it builds
            await pilot.pause()
            marks["story_shown"] = time.perf_counter() - STARTED
            marks["paragraphs"] = len(app.reader.rendered)
            started = time.perf_counter()
            await pilot.press("G")
            await pilot.pause()
            marks["scroll_end"] = time.perf_counter() - started

    asyncio.run(main())
    return marks


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_case(sys.argv[2])))
        return
    sys.path.insert(0, str(HERE))
    from scale import make_articles

    from digest.ingest import bundled_seeds_dir

    with tempfile.TemporaryDirectory() as small, tempfile.TemporaryDirectory() as large:
        make_articles(100, Path(small))
        make_articles(1200, Path(large), seed=3)
        cases = {"5 seed articles": str(bundled_seeds_dir()), "100 articles": small, "1,200 articles": large}
        print("| input | paragraphs | import s | first paint s | built s | story shown s | shown − built s | scroll to end s |")
        print("|---|---|---|---|---|---|---|---|")
        for name, folder in cases.items():
            runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", folder], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
            best = min(runs, key=lambda r: r["story_shown"])
            print(
                f"| {name} | {best['paragraphs']} | {best['imported']:.2f} | {best['first_paint']:.2f} | {best['built']:.2f} | "
                f"{best['story_shown']:.2f} | {best['story_shown'] - best['built']:.2f} | {best['scroll_end']:.3f} |"
            )
        print("(best of 3 runs each, seconds from process start)")


if __name__ == "__main__":
    main()
