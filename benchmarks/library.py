"""The digest of many stories at scale: grouping a day's articles, storing and listing a library.

Usage: python benchmarks/library.py [ARTICLES...]   (default: 250 2500 10000)

Articles are generated in memory, network excluded: events of 3 to 8 outlets each, every event
with its own invented protagonists and place and a core of sentences drawn from real news text
(benchmarks/data), which each outlet carries about 60% of, lightly reworded, plus sentences of
its own. Each size runs in a fresh process and prints:

* group: ``group_articles`` over all the articles (the grouping `digest update` does over its
  recent window), with B-cubed F1 against the generated events;
* store: writing every article into a new library, one transaction each;
* list: opening that library and listing its stories (``Library.stories``: titles, dates,
  article ids, unread counts);
* list with sources: the same with every article's cleaned source read back, what `digest
  stories` and the reader's story list show (``pipeline.library_stories``);
* peak memory of the process (maximum resident set size).
"""

from __future__ import annotations

import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

SYLLABLES = "ka lo mi ra ten vo su bel dor an fi gra hol ir jun ket lem nor pas qui ros tam ul ver wen yor zan".split()


def invented_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def make_sources(count: int, seed: int = 7):
    """(sources, the event of each) for ``count`` generated articles."""
    from scale import sentence_pool  # the same real sentences as the scale benchmark

    from digest.model import Paragraph, Source

    rng = random.Random(seed)
    sentences = [s for body in sentence_pool() for s in body]
    sources, events = [], []
    event = 0
    while len(sources) < count:
        who, other, place = invented_name(rng), invented_name(rng), invented_name(rng)
        core = [f"{who} {rng.choice(['met', 'sued', 'thanked', 'defeated'])} {other} in {place} on {rng.choice(['Monday', 'Tuesday', 'Friday'])}."]
        core += [f"{s.rstrip('.')} in {place}, {who} said." for s in rng.sample(sentences, 6)]
        for outlet in range(min(rng.randint(3, 8), count - len(sources))):
            body = [s if rng.random() < 0.7 else s.replace(",", "", 1) for s in core if rng.random() < 0.6] or core[:1]
            body += rng.sample(sentences, rng.randint(4, 8))
            paragraphs = tuple(Paragraph(" ".join(body[i : i + 2])) for i in range(0, len(body), 2))
            sources.append(
                Source(id=f"s{len(sources)}", label=f"Outlet {outlet}", origin=f"gen://{event}/{outlet}", format="text",
                       paragraphs=paragraphs, title=f"{who} and {other} in {place}", date=f"2026-11-{20 + rng.randint(0, 1)}")
            )
            events.append(event)
        event += 1
    return sources, events


def run_one(count: int) -> dict:
    from grouping import bcubed

    from digest.engine.grouping import group_articles
    from digest.library.store import Library
    from digest.pipeline import library_stories, no_cyclic_collection

    sources, events = make_sources(count)
    started = time.perf_counter()
    with no_cyclic_collection():
        groups = group_articles(sources)
    group_s = time.perf_counter() - started
    predicted = [0] * count
    for number, group in enumerate(groups):
        for index in group:
            predicted[index] = number
    f1 = bcubed([str(p) for p in predicted], [str(e) for e in events])[2]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "library.db"
        with Library.open(path) as library:
            feed = library.add_feed("https://example.org/feed") and library.feeds()[0].id
            started = time.perf_counter()
            ids = [library.add_article(feed, s.origin, s.origin, None, s) for s in sources]
            store_s = time.perf_counter() - started
            library.replace_stories([(sources[g[0]].title or "", None, None, [ids[i] for i in g]) for g in groups])
        started = time.perf_counter()
        with Library.open(path) as library:
            listed = library.stories()
        list_s = time.perf_counter() - started
        started = time.perf_counter()
        outlines = library_stories(path).stories.outlines
        outline_s = time.perf_counter() - started
        assert len(outlines) == len(listed)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"articles": count, "events": len(set(events)), "stories": len(listed), "f1": f1,
            "group": group_s, "store": store_s, "list": list_s, "outlines": outline_s, "peak_mib": peak}


def main() -> None:
    if len(sys.argv) > 2 and sys.argv[1] == "--one":
        print(json.dumps(run_one(int(sys.argv[2]))))
        return
    sizes = [int(a) for a in sys.argv[1:]] or [250, 2500, 10000]
    print("| articles | events | stories | B-cubed F1 | group s | store s | list s | list with sources s | peak MiB |")
    print("|---|---|---|---|---|---|---|---|---|")
    for size in sizes:
        out = subprocess.run([sys.executable, __file__, "--one", str(size)], capture_output=True, text=True, check=True)
        r = json.loads(out.stdout)
        print(f"| {r['articles']} | {r['events']} | {r['stories']} | {r['f1']:.3f} | {r['group']:.2f} | {r['store']:.2f} | {r['list']:.3f} | {r['outlines']:.2f} | {r['peak_mib']:.0f} |", flush=True)


if __name__ == "__main__":
    main()
