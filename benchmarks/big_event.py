"""Whether one event covered by many outlets stays one story when grouped among other articles.

Usage: python benchmarks/big_event.py [OUTLETS ...]   (default: 60 100 200 400)

Grouping bounds its work on large inputs (each article keeps its nearest articles; words in very
many articles propose no pairs: see digest/engine/grouping.py), which can split an event that
more articles cover than those bounds allow. For each N, one generated event of N outlets (the
same generator as benchmarks/library.py: invented protagonists and place, a core of real news
sentences each outlet carries about 60% of, plus sentences of its own) is grouped among the
2,000 generated articles of library.py, and the sizes of the stories holding its articles are
printed, largest first. Generated text: this measures the bounds, not quality on real news.
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))


def big_event(outlets: int, seed: int = 3):
    from library import invented_name
    from scale import sentence_pool

    from digest.model import Paragraph, Source

    rng = random.Random(seed)
    sentences = [s for body in sentence_pool() for s in body]
    who, other, place = invented_name(rng), invented_name(rng), invented_name(rng)
    core = [f"{who} met {other} in {place} on Monday."] + [f"{s.rstrip('.')} in {place}, {who} said." for s in rng.sample(sentences, 6)]
    sources = []
    for outlet in range(outlets):
        body = [s for s in core if rng.random() < 0.6] or core[:1]
        body += rng.sample(sentences, rng.randint(4, 8))
        paragraphs = tuple(Paragraph(" ".join(body[i : i + 2])) for i in range(0, len(body), 2))
        sources.append(Source(id=f"b{outlet}", label=f"Outlet {outlet}", origin=f"gen://big/{outlet}", format="text",
                              paragraphs=paragraphs, title=f"{who} and {other} in {place}", date="2026-11-20"))
    return sources


def main(argv: list[str]) -> int:
    from library import make_sources

    from digest.engine.grouping import group_articles

    others, _ = make_sources(2000)
    print("| outlets of the event | stories holding them | largest stories (articles of the event) |")
    print("|---|---|---|")
    for outlets in [int(a) for a in argv] or [60, 100, 200, 400]:
        groups = group_articles(big_event(outlets) + others)
        sizes = sorted((sum(1 for i in g if i < outlets) for g in groups if any(i < outlets for i in g)), reverse=True)
        print(f"| {outlets} | {len(sizes)} | {', '.join(map(str, sizes[:5]))} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
