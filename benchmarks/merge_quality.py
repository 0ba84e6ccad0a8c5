"""How well the merge merges: per event and in total, on real multi-outlet coverage.

Usage: python benchmarks/merge_quality.py [FOLDER ...]
       (default: every event folder of ../shared/data/story-clusters-dev, then the bundled seeds)
       python benchmarks/merge_quality.py --three
       (three-outlet stories drawn from the dev events, in total, beside the unmerged length,
       and how close the sentences shown for one outlet come to folding: see single_outlet)

Each FOLDER is one story (one file per outlet article); a folder of such folders (as
story-clusters-dev is) stands for each of them. For each story it prints:

* shared: share of the shown sentences credited to two or more outlets;
* length: words shown (additions included) / words of the longest single source;
* bold: share of the shown characters (additions included) highlighted as one outlet's detail;
* lost: source sentences that no shown sentence represents (must be 0);
* folded: source sentences folded under another outlet's sentence by meaning (level 2);
* adjacent: mean IDF-weighted cosine of consecutive shown sentences (how much what is read next
  is about the same thing; higher reads less scattered);
* in order: share of an outlet's consecutive sentences (shown apart) that the story reads in
  their outlet's order.

Targets from issue 7 on the dev events: shared >= 25%, length <= 2.5x, bold <= 30%, lost 0.
These are development figures: the project is measured on other, unseen events.
"""

from __future__ import annotations

import random
import sys
from collections import Counter
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "data" / "story-clusters-dev"


@dataclass
class Quality:
    name: str
    sources: int
    shown: int
    shared: float
    length: float
    bold: float
    lost: int
    folded: int
    seconds: float
    adjacent: float
    in_order: float
    unmerged: float
    """Words of all sources / words of the longest: the length with nothing merged."""
    single: Counter
    """Words of the sentences shown for one outlet only, by why they did not fold (``single_outlet``)."""
    words_shown: int


def measure(folder: Path, files: list[Path] | None = None, census: bool = False) -> Quality:
    """The figures of the story of ``folder``'s articles (or of just ``files``); with
    ``census``, also ``single_outlet`` (pairwise: for small stories)."""
    from digest.engine import build_story
    from digest.engine.normalize import words
    from digest.ingest import load_sources

    started = time.perf_counter()
    sources = load_sources([str(f) for f in files] if files else [str(folder)]).sources
    story = build_story(sources)
    seconds = time.perf_counter() - started
    shown = [s for block in story.blocks for s in block.sentences]
    shared = sum(1 for s in shown if len(s.source_ids) > 1)
    words_shown = sum(len(words(s.text)) + sum(len(words(a.text)) for a in s.additions) for s in shown)
    longest = max(sum(len(words(p.text)) for p in source.paragraphs) for source in sources)
    chars = sum(len(s.text) + sum(len(a.text) for a in s.additions) for s in shown)
    bold = sum(span.end - span.start for s in shown for span in s.new_spans) + sum(
        span.end - span.start for s in shown for a in s.additions for span in a.new_spans
    )
    lost = 0
    folded = 0
    for index, paragraphs in enumerate(story.source_sentences):
        for paragraph in paragraphs:
            for sentence in paragraph:
                merged = story.merged(sentence)
                if story.sources[index].id not in merged.source_ids:
                    lost += 1
                folded += sentence.how == "information"
    found, weights = story_facts(sources)
    adjacent, in_order = reading(story, found, weights)
    unmerged = sum(len(words(p.text)) for source in sources for p in source.paragraphs)
    return Quality(
        folder.name,
        len(sources),
        len(shown),
        shared / max(1, len(shown)),
        words_shown / max(1, longest),
        bold / max(1, chars),
        lost,
        folded,
        seconds,
        adjacent,
        in_order,
        unmerged / max(1, longest),
        single_outlet(story, found, weights) if census else Counter(),
        words_shown,
    )


def story_facts(sources):
    """Every source sentence's facts (by its SentenceRef) and the story's IDF weights."""
    from digest.engine.lexicon import facts
    from digest.engine.meaning import Weights
    from digest.engine.merge import segment_sources

    segmented, names = segment_sources(sources)
    found = {s.ref: facts(s.text, s.tokens, names) for paragraphs in segmented for p in paragraphs for s in p}
    return found, Weights([(ref.source, f) for ref, f in found.items()])


def reading(story, found, weights) -> tuple[float, float]:
    """(adjacent, in order) of the story: see the module docstring."""
    from digest.engine.meaning import cosine

    shown = [found[s.origin] for block in story.blocks for s in block.sentences]
    pairs = [cosine(a, b, weights) for a, b in zip(shown, shown[1:])]
    kept = total = 0
    for paragraphs in story.source_sentences:
        places = [(s.block, s.index) for p in paragraphs for s in p]
        for a, b in zip(places, places[1:]):
            if a != b:
                total += 1
                kept += a < b
    return sum(pairs) / max(1, len(pairs)), kept / max(1, total)


def single_outlet(story, found, weights) -> Counter:
    """Words of each sentence shown for one outlet only, by how close its most similar shown
    sentence of another outlet comes: "unlike" (cosine under the ``related`` threshold, 0.2),
    "short of thresholds" (below the fold's cosine or coverage), "kept apart" (both reached, and
    a check for a different fact, or too few shared words for a short sentence, refused it).
    Brute force over pairs: for three-outlet stories."""
    from digest.engine.meaning import DEFAULT_MEANING, similarity
    from digest.engine.normalize import words

    shown = [s for block in story.blocks for s in block.sentences if block.kind == "paragraph"]
    result: Counter = Counter()
    for sentence in shown:
        if not sentence.unique or not found[sentence.origin].lemmas:
            continue
        mine = found[sentence.origin]
        best = max(
            (similarity(mine, found[other.origin], weights) for other in shown if sentence.source_ids[0] not in other.source_ids),
            default=(0.0, 0.0),
        )
        if best[0] < DEFAULT_MEANING.related:
            kind = "unlike"
        elif best[0] < DEFAULT_MEANING.cosine or best[1] < DEFAULT_MEANING.coverage:
            kind = "short of thresholds"
        else:
            kind = "kept apart"
        result[kind] += len(words(sentence.text))
    return result


def _events(folder: Path) -> list[Path]:
    """The event folders inside a folder of events; empty for a folder that is one story."""
    if not folder.is_dir() or any(p.is_file() and not p.name.startswith(".") and p.suffix != ".md" for p in folder.iterdir()):
        return []
    return sorted(p for p in folder.iterdir() if p.is_dir())


THREE_SAMPLES = 3
"""Three-outlet stories drawn from each dev event by ``--three``."""


def three_outlets(events: list[Path]) -> int:
    """The issue's other case: stories of three outlets (target length <= 1.6x), drawn at
    random (seeded) from each event's articles, with the length nothing merged would have."""
    rng = random.Random(5)
    rows = []
    for event in events:
        articles = sorted(p for p in event.iterdir() if p.is_file() and not p.name.startswith(".") and p.suffix != ".md")
        rows += [measure(event, rng.sample(articles, 3), census=True) for _ in range(THREE_SAMPLES)]
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    print(
        f"{len(rows)} three-outlet stories ({THREE_SAMPLES} per dev event): shared {mean([r.shared for r in rows]):.0%}, "
        f"length {mean([r.length for r in rows]):.2f}x (<= 1.6x; {mean([r.unmerged for r in rows]):.2f}x with nothing merged), "
        f"bold {mean([r.bold for r in rows]):.0%} (<= 30%), lost {sum(r.lost for r in rows)} (0), "
        f"over 1.6x: {sum(r.length > 1.6 for r in rows)}"
    )
    single = sum((r.single for r in rows), Counter())
    shown = sum(r.words_shown for r in rows)
    print(
        "words shown in sentences of one outlet, by their most similar sentence of another: "
        + ", ".join(f"{kind} {single[kind] / shown:.0%}" for kind in ("unlike", "short of thresholds", "kept apart"))
    )
    return 0


def main(argv: list[str]) -> int:
    from digest.ingest import bundled_seeds_dir

    if argv[:1] == ["--three"]:
        return three_outlets(_events(DEV))
    if not argv and not DEV.is_dir():
        print(f"merge_quality: {DEV} is not there; name the event folders to measure", file=sys.stderr)
        return 2
    given = [Path(a) for a in argv] or [DEV, bundled_seeds_dir()]
    if missing := [str(path) for path in given if not path.is_dir()]:
        print(f"merge_quality: not a folder: {', '.join(missing)} (--three comes first and alone)", file=sys.stderr)
        return 2
    folders = [event for folder in given for event in (_events(folder) or [folder])]
    rows = [measure(folder) for folder in folders]
    print(f"| {'event':<14} | sources | shown | shared | length | bold | lost | folded | adjacent | in order | seconds |")
    print("|" + "|".join("-" * w for w in (16, 9, 7, 8, 8, 6, 6, 8, 10, 10, 9)) + "|")
    for r in rows:
        print(
            f"| {r.name:<14} | {r.sources:>7} | {r.shown:>5} | {r.shared:>6.0%} | {r.length:>5.2f}x | {r.bold:>4.0%} | {r.lost:>4} | {r.folded:>6} "
            f"| {r.adjacent:>8.3f} | {r.in_order:>8.1%} | {r.seconds:>7.2f} |"
        )
    dev = [r for r in rows if r.name.startswith("t")] or rows
    mean = lambda values: sum(values) / len(values)  # noqa: E731
    print()
    print(
        f"mean over {len(dev)} dev events: shared {mean([r.shared for r in dev]):.0%} (target >= 25%), "
        f"length {mean([r.length for r in dev]):.2f}x (<= 2.5x), bold {mean([r.bold for r in dev]):.0%} (<= 30%), "
        f"lost {sum(r.lost for r in rows)} (0)"
    )
    print(
        f"worst dev event: shared {min(r.shared for r in dev):.0%}, length {max(r.length for r in dev):.2f}x, "
        f"bold {max(r.bold for r in dev):.0%}"
    )
    print(f"reading over {len(dev)} dev events: adjacent {mean([r.adjacent for r in dev]):.3f}, in order {mean([r.in_order for r in dev]):.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
