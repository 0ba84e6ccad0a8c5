"""Precision and recall of both merge levels on real sentence pairs labelled by hand.

Usage: python benchmarks/real_pairs.py [--grid]

The pairs (benchmarks/labelled/dev-pairs.jsonl) are 180 pairs of sentences from two different
outlets covering the same event, taken from the 20 events of ../shared/data/story-clusters-dev
(the file stores only the file name and character offsets; the text is read from there).
They were sampled across four bands of similarity (IDF cosine or lemma coverage from 0.15 up),
so that easy and hard pairs are both present, and labelled by one written rule:

    same_information is true when everything sentence A states about the event (who did what,
    where, when, how many) is stated by sentence B. B may say more. Rewording and a different
    attribution ("told People" / "said in a statement") do not matter; a name, figure, place,
    time or action of A that B lacks makes it false.

The decision measured is "A may be folded under B": the wording level (``is_near_duplicate``,
symmetric) and the information level (``meaning.tells_same``, with the IDF weights of A's whole
event, as in the merge). With ``--grid`` it also prints the information level's trade-off over
its thresholds. These are development pairs: figures on unseen events will differ.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEV = HERE.parent.parent / "shared" / "data" / "story-clusters-dev"
PAIRS = HERE / "labelled" / "dev-pairs.jsonl"


def load_cases():
    """(unit A, unit B, weights, fingerprints, label) for every labelled pair."""
    from digest.engine.lexicon import facts
    from digest.engine.meaning import Weights
    from digest.engine.merge import segment_sources, sentence_unit
    from digest.engine.wording import fingerprint_of
    from digest.ingest import load_sources

    items = [json.loads(line) for line in PAIRS.read_text(encoding="utf-8").splitlines()]
    events: dict[str, tuple[object, dict[str, int]]] = {}
    cases = []
    for item in items:
        if item["event"] not in events:
            sources = load_sources([str(DEV / item["event"])]).sources
            segmented, names = segment_sources(sources)
            flat = [s for paragraphs in segmented for p in paragraphs for s in p]
            weights = Weights([(s.ref.source, facts(s.text, s.tokens, names)) for s in flat])
            events[item["event"]] = (weights, {Path(src.origin).name: i for i, src in enumerate(sources)}, names)
        weights, index_of, names = events[item["event"]]
        units, prints = [], []
        for side in ("a", "b"):
            ref = item[side]
            text = (DEV / item["event"] / ref["file"]).read_text(encoding="utf-8")[ref["start"] : ref["end"]]
            fp = fingerprint_of(text)
            source = index_of[ref["file"]]
            units.append(sentence_unit(text, facts(text, names=names), fp, source, frozenset({source})))
            prints.append(fp)
        cases.append((units[0], units[1], weights, prints, item["same_information"]))
    return cases


def scores(predictions: list[bool], labels: list[bool]) -> tuple[float, float, float]:
    tp = sum(p and l for p, l in zip(predictions, labels))
    fp = sum(p and not l for p, l in zip(predictions, labels))
    fn = sum(l and not p for p, l in zip(predictions, labels))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def main(argv: list[str]) -> int:
    from digest.engine.meaning import DEFAULT_MEANING, tells_same
    from digest.engine.wording import is_near_duplicate

    cases = load_cases()
    labels = [c[4] for c in cases]
    # In the merge the longer of two same-wording sentences is shown: only the shorter folds.
    wording = [is_near_duplicate(p[0], p[1]) and len(p[0].words) <= len(p[1].words) for _, _, _, p, _ in cases]
    folds = [tells_same(a, b, w) for a, b, w, _, _ in cases]
    meaning = [f is not None and f.how == "information" for f in folds]
    quotation = [f is not None and f.how == "quotation" for f in folds]
    either = [x or y for x, y in zip(wording, meaning)]
    print(f"{len(cases)} real pairs from the dev events, {sum(labels)} labelled same information\n")
    print("| level | folds | precision | recall | F1 |")
    print("|---|---|---|---|---|")
    for name, predicted in (("same wording (MinHash level)", wording), ("same information", meaning), ("either (the merge)", either)):
        p, r, f = scores(predicted, labels)
        print(f"| {name} | {sum(predicted)} | {p:.3f} | {r:.3f} | {f:.3f} |")
    print(
        f"\nSame quotation: {sum(quotation)} pairs fold as a quotation ({sum(q and l for q, l in zip(quotation, labels))} "
        "of them labelled same information); the outlet's framing stays visible as its addition, so they are not scored."
    )
    if "--grid" in argv:
        print("\n| cosine | coverage | precision | recall | F1 |")
        print("|---|---|---|---|---|")
        for cos in (0.2, 0.25, 0.3, 0.35, 0.4, 0.5):
            for cov in (0.4, 0.5, 0.6, 0.7, 0.8):
                params = replace(DEFAULT_MEANING, cosine=cos, coverage=cov)
                found = [tells_same(a, b, w, params) for a, b, w, _, _ in cases]
                predicted = [f is not None and f.how == "information" for f in found]
                p, r, f = scores(predicted, labels)
                print(f"| {cos} | {cov} | {p:.3f} | {r:.3f} | {f:.3f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
