"""How well articles are grouped into stories: B-cubed precision, recall and F1.

Usage: python benchmarks/grouping.py [FOLDER_OF_EVENT_FOLDERS]
       (default: ../shared/data/story-clusters-dev, the development data)

Every event folder's articles are copied into one folder under names that say nothing (a hash
of the content), so that nothing but the text can tell the events apart; the mix is loaded and
grouped exactly as `digest stories` does. B-cubed: for each article, precision is the share of
its predicted story that belongs to its event, recall the share of its event inside its
predicted story; both are averaged over articles. Two baselines run on the same mix: every
article its own story, and grouping by topic (what the dev data's folder prefix says, known
only to the benchmark: the score a topic-level grouper would reach at best).
"""

from __future__ import annotations

import hashlib
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE.parent.parent / "shared" / "data" / "story-clusters-dev"


def bcubed(predicted: list[str], gold: list[str]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering against the gold one (labels per item)."""
    pairs = Counter(zip(predicted, gold))
    by_predicted, by_gold = Counter(predicted), Counter(gold)
    precision = sum(pairs[(p, g)] / by_predicted[p] for p, g in zip(predicted, gold)) / len(gold)
    recall = sum(pairs[(p, g)] / by_gold[g] for p, g in zip(predicted, gold)) / len(gold)
    return precision, recall, 2 * precision * recall / (precision + recall)


def mix(events: Path, into: Path) -> dict[str, str]:
    """Copy every event's articles into ``into`` under content-hash names; name -> event."""
    gold: dict[str, str] = {}
    for event in sorted(p for p in events.iterdir() if p.is_dir()):
        for article in sorted(event.iterdir()):
            if article.is_file() and not article.name.startswith("."):
                data = article.read_bytes()
                name = hashlib.sha1(data).hexdigest()[:16] + article.suffix
                (into / name).write_bytes(data)
                gold[name] = event.name
    return gold


def main(argv: list[str]) -> int:
    from digest.engine.grouping import group_articles
    from digest.ingest import load_sources

    events = Path(argv[0]) if argv else DEFAULT
    if not events.is_dir():
        print(f"grouping: {events} is not there; give a folder of event folders")
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        gold_by_name = mix(events, folder)
        loaded = load_sources([str(folder)])
        started = time.perf_counter()
        groups = group_articles(loaded.sources)
        seconds = time.perf_counter() - started
    gold = [gold_by_name[Path(s.origin).name] for s in loaded.sources]
    predicted = [""] * len(gold)
    for number, group in enumerate(groups):
        for index in group:
            predicted[index] = str(number)
    topic = [g.split("_")[0] for g in gold]
    print(f"{len(gold)} articles from {len(set(gold))} events ({len(loaded.problems)} not loaded); grouped in {seconds:.2f} s\n")
    print("| grouping | stories | precision | recall | B-cubed F1 |")
    print("|---|---|---|---|---|")
    for name, labels in (("digest", predicted), ("each article alone", [str(i) for i in range(len(gold))]), ("by topic (folder prefix)", topic)):
        p, r, f = bcubed(labels, gold)
        print(f"| {name} | {len(set(labels))} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print()
    for number, group in enumerate(groups):
        events_in = Counter(gold[i] for i in group)
        if len(events_in) > 1:
            print(f"story {number} mixes: {dict(events_in)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
