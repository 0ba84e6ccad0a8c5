"""Time to first paint and to a full story in the reader, on the seeds and on 100 articles.

Usage: python benchmarks/reader.py

Each case runs in a fresh process, so import time counts. "first paint" is when Textual reports
the app ready (its first screen drawn); "story shown" is when the merged story is on screen.
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
    import functools

    from digest.pipeline import load_stories
    from digest.tui.app import DigestApp

    marks: dict[str, float] = {"imported": time.perf_counter() - STARTED}

    class TimedApp(DigestApp):
        def on_ready(self) -> None:
            marks.setdefault("first_paint", time.perf_counter() - STARTED)

    async def main() -> None:
        app = TimedApp(loader=functools.partial(load_stories, [folder]))
        async with app.run_test(size=(120, 40)) as pilot:
            while app.story is None:
                await pilot.pause(0.01)
            await pilot.pause()
            marks["story_shown"] = time.perf_counter() - STARTED
            marks["paragraphs"] = len(app.rendered)

    asyncio.run(main())
    return marks


def main() -> None:
    if len(sys.argv) == 3 and sys.argv[1] == "--one":
        print(json.dumps(run_case(sys.argv[2])))
        return
    sys.path.insert(0, str(HERE))
    from scale import make_articles

    from digest.ingest import bundled_seeds_dir

    with tempfile.TemporaryDirectory() as tmp:
        make_articles(100, Path(tmp))
        cases = {"5 seed stories": str(bundled_seeds_dir()), "100 articles": tmp}
        print(f"{'input':<16} {'import s':>9} {'first paint s':>14} {'story shown s':>14} {'paragraphs':>11}")
        for name, folder in cases.items():
            runs = [json.loads(subprocess.run([sys.executable, __file__, "--one", folder], capture_output=True, text=True, check=True).stdout) for _ in range(3)]
            best = min(runs, key=lambda r: r["story_shown"])
            print(f"{name:<16} {best['imported']:>9.2f} {best['first_paint']:>14.2f} {best['story_shown']:>14.2f} {best['paragraphs']:>11}")
        print("(best of 3 runs each, seconds from process start)")


if __name__ == "__main__":
    main()
