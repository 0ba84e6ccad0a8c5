"""Score digest's HTML path against plain trafilatura on the article-extraction dev set.

Usage: python benchmarks/extraction.py [DATASET_DIR] [--worst N]

DATASET_DIR holds html/<id>.html.gz and ground-truth.json ({id: {"url", "articleBody"}}); the
default is ../shared/data/article-extraction-dev next to the repository. The metric is the
benchmark's: \\w+ tokens, multisets of 4-token shingles, per-page TP/FP/FN normalised to sum 1,
precision and recall averaged over pages, F1 of the two means.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import trafilatura

from digest.ingest.load import parse_text

DEFAULT_DATASET = Path(__file__).resolve().parents[2] / "shared" / "data" / "article-extraction-dev"
TOKEN = re.compile(r"\w+")


def shingle_counts(text: str) -> Counter:
    tokens = TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + 4]) for i in range(len(tokens) - 3))


def page_precision_recall(gold: str, predicted: str) -> tuple[float, float]:
    g, p = shingle_counts(gold), shingle_counts(predicted)
    tp, fp, fn = sum((g & p).values()), sum((p - g).values()), sum((g - p).values())
    total = tp + fp + fn
    if total == 0 or (fp == 0 and fn == 0):
        return 1.0, 1.0
    tp, fp, fn = tp / total, fp / total, fn / total
    return (tp / (tp + fp) if tp + fp else 0.0), (tp / (tp + fn) if tp + fn else 0.0)


def digest_html(html: str, url: str) -> str:
    try:
        source = parse_text(html, "html", url, url=url)
    except ValueError:  # no article found: the page scores as empty output
        return ""
    return "\n".join(p.text for p in source.paragraphs)


def plain_trafilatura(html: str, url: str) -> str:
    return trafilatura.extract(html, url=url) or ""


def score(extract: Callable[[str, str], str], pages: dict[str, tuple[str, str, str]]) -> tuple[float, float, float, float, dict[str, tuple[float, float]]]:
    per_page = {}
    started = time.perf_counter()
    for page_id, (html, url, gold) in pages.items():
        per_page[page_id] = page_precision_recall(gold, extract(html, url))
    seconds = time.perf_counter() - started
    precision = sum(p for p, _ in per_page.values()) / len(per_page)
    recall = sum(r for _, r in per_page.values()) / len(per_page)
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1, seconds, per_page


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dataset", nargs="?", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--worst", type=int, default=0, help="also list the N pages where digest scores lowest")
    args = parser.parse_args()
    truth = json.loads((args.dataset / "ground-truth.json").read_text(encoding="utf-8"))
    pages = {}
    for page_id, entry in truth.items():
        raw = gzip.decompress((args.dataset / "html" / f"{page_id}.html.gz").read_bytes())
        pages[page_id] = (raw.decode("utf-8", errors="replace"), entry["url"], entry["articleBody"])
    print(f"{len(pages)} pages from {args.dataset}")
    print(f"{'extractor':<22}{'precision':>10}{'recall':>10}{'F1':>8}{'seconds':>9}")
    results = {}
    for name, extract in (("plain trafilatura", plain_trafilatura), ("digest (HTML path)", digest_html)):
        precision, recall, f1, seconds, per_page = score(extract, pages)
        results[name] = per_page
        print(f"{name:<22}{precision:>10.3f}{recall:>10.3f}{f1:>8.3f}{seconds:>9.1f}")
    if args.worst:
        print(f"\nlowest {args.worst} pages for digest (precision, recall, url):")
        ranked = sorted(results["digest (HTML path)"].items(), key=lambda item: min(item[1]))
        for page_id, (p, r) in ranked[: args.worst]:
            print(f"  {p:.2f} {r:.2f} {truth[page_id]['url']}")


if __name__ == "__main__":
    main()
