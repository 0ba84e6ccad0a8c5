"""Choose the same-wording thresholds from labelled sentence pairs, and show the trade-off.

Usage: python benchmarks/thresholds.py

This calibrates the wording level only, mostly on synthetic pairs; the real cross-outlet pairs
that both levels are scored on are in benchmarks/real_pairs.py. Pairs come from two places:
* benchmarks/labelled_pairs.jsonl: 12 pairs from the bundled seeds, labelled by hand;
* synthetic pairs built from sentences of the 62 human-written article bodies in
  benchmarks/data, labelled by construction:
  positives are a sentence and the same sentence as another outlet would print it (quote style,
  "U.S."/"US", a changed attribution, a clause cut, two words edited, the sentence embedded in a
  longer one); negatives are two different sentences of the same article (same topic, shared
  names), a sentence whose second half is another sentence's (half shared, half new), and a
  sentence with one of its numbers changed (a different detail, which must stay apart).

For each (resemblance, containment) setting it prints precision, recall and F1 of the exact
decision, then the LSH recall of the default banding on the positive pairs.
"""

from __future__ import annotations

import json
import random
import re
from dataclasses import replace
from pathlib import Path

from digest.engine.segment import split_sentences
from digest.engine.wording import DEFAULT_PARAMS, fingerprint_of, is_near_duplicate, lsh_buckets, signatures

HERE = Path(__file__).resolve().parent
ATTRIBUTIONS = ["officials said", "the ministry said in a statement", "according to a spokesperson", "the agency reported on Thursday"]


def outlet_version(sentence: str, rng: random.Random) -> str:
    """The same sentence as another outlet might print it."""
    text = sentence
    if rng.random() < 0.5:
        text = text.replace('"', "“", 1).replace('"', "”", 1) if '"' in text else text.replace("“", '"').replace("”", '"')
    if rng.random() < 0.5:
        text = re.sub(r"\bU\.S\.", "US", text) if "U.S." in text else re.sub(r"\bUS\b", "U.S.", text)
    choice = rng.random()
    if choice < 0.3:
        text = text.rstrip(".") + f", {rng.choice(ATTRIBUTIONS)}."
    elif choice < 0.55:
        parts = text.split(", ")
        if len(parts) > 2:
            text = ", ".join(parts[:-1]) + "."
    return text


def change_a_number(sentence: str, rng: random.Random) -> str | None:
    numbers = re.findall(r"\b\d+\b", sentence)
    if not numbers:
        return None
    old = rng.choice(numbers)
    return re.sub(rf"\b{old}\b", str(int(old) + rng.randint(1, 9)), sentence, count=1)


def light_edit(sentence: str, rng: random.Random) -> str | None:
    """Two words swapped for others, as a copy editor might: still the same sentence."""
    tokens = sentence.split()
    if len(tokens) < 14:
        return None
    for position in rng.sample(range(1, len(tokens) - 1), 2):
        if not any(ch.isdigit() for ch in tokens[position]):
            tokens[position] = rng.choice(["reportedly", "also", "later", "then", "new", "local", "major"])
    return " ".join(tokens)


def assemble_pairs(seed: int = 7) -> list[tuple[str, str, bool, str]]:
    rng = random.Random(seed)
    bodies = json.loads((HERE / "data" / "article-bodies.json").read_text(encoding="utf-8"))
    pairs = []
    for entry in bodies.values():
        sentences = [s for p in entry["articleBody"].split("\n") for s in split_sentences(p) if len(s.split()) >= 8]
        if len(sentences) < 4:
            continue
        for sentence in rng.sample(sentences, min(6, len(sentences))):
            pairs.append((sentence, outlet_version(sentence, rng), True, "rewording"))
            other = rng.choice(sentences)
            if other != sentence:
                pairs.append((sentence, f"{other.rstrip('.')}, and {sentence[0].lower()}{sentence[1:]}", True, "embedded"))
                pairs.append((sentence, other, False, "same article"))
            edited = light_edit(sentence, rng)
            if edited:
                pairs.append((sentence, edited, True, "light edit"))
            if other != sentence:
                cut_a, cut_b = sentence.split(), other.split()
                half = " ".join(cut_a[: len(cut_a) // 2] + cut_b[len(cut_b) // 2 :])
                pairs.append((sentence, half, False, "half shared"))
            changed = change_a_number(sentence, rng)
            if changed and changed != sentence:
                pairs.append((sentence, changed, False, "number changed"))
    for line in (HERE / "labelled_pairs.jsonl").read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        pairs.append((item["a"], item["b"], item["duplicate"], "hand-labelled"))
    return pairs


def evaluate(pairs, params) -> tuple[float, float, float]:
    tp = fp = fn = 0
    for a, b, label, _ in pairs:
        predicted = is_near_duplicate(fingerprint_of(a), fingerprint_of(b), params)
        tp += predicted and label
        fp += predicted and not label
        fn += label and not predicted
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def main() -> None:
    pairs = assemble_pairs()
    kinds: dict[str, int] = {}
    for *_, kind in pairs:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(f"{len(pairs)} labelled pairs (synthetic but the 12 hand-labelled): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"\n{'resemblance':>11} {'containment':>11} {'precision':>9} {'recall':>7} {'F1':>6}")
    best = None
    for resemblance in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8):
        for containment in (0.6, 0.7, 0.8, 0.9, 1.01):
            params = replace(DEFAULT_PARAMS, resemblance=resemblance, containment=containment)
            precision, recall, f1 = evaluate(pairs, params)
            mark = " <- default" if (resemblance, containment) == (DEFAULT_PARAMS.resemblance, DEFAULT_PARAMS.containment) else ""
            print(f"{resemblance:>11.2f} {containment if containment <= 1 else 'off':>11} {precision:>9.3f} {recall:>7.3f} {f1:>6.3f}{mark}")
            if best is None or f1 > best[0]:
                best = (f1, resemblance, containment)
    print(f"\nbest F1 {best[0]:.3f} at resemblance {best[1]}, containment {best[2]}")
    positives = [(a, b) for a, b, label, _ in pairs if label]
    prints = [fingerprint_of(t) for pair in positives for t in pair]
    indexes = [i for i, p in enumerate(prints) if len(p.shingles) >= DEFAULT_PARAMS.min_shingles]
    together = set()
    for bucket in lsh_buckets(indexes, signatures(prints, indexes, DEFAULT_PARAMS), DEFAULT_PARAMS).lists():
        members = set(bucket)
        together |= {k for k in range(len(positives)) if 2 * k in members and 2 * k + 1 in members}
    found = [k for k in range(len(positives)) if is_near_duplicate(prints[2 * k], prints[2 * k + 1])]
    caught = sum(1 for k in found if k in together)
    print(f"LSH recall (bands={DEFAULT_PARAMS.bands}, rows={DEFAULT_PARAMS.rows}) on positives the exact test accepts: {caught}/{len(found)}")


if __name__ == "__main__":
    main()
