"""A story's headline: the most representative real headline of its articles.

Shared by the merged story and the story list (which names stories without merging them).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Sequence

from digest.engine.normalize import STOPWORDS, words
from digest.model import Source

_NOT_A_HEADLINE = re.compile(
    r"^\s*(?:by|from|posted|published|updated)\b|\b(?:published|updated|posted)\s*:?\s*\d|\|\s*(?:published|updated)\b",
    re.IGNORECASE,
)
MAX_HEADLINE_WORDS = 25


def is_headline(title: str) -> bool:
    """A headline, not a byline ("By Jane Roe | Updated 3:10 PM"), a publishing line or a
    whole paragraph that happens to stand first."""
    count = len(title.split())
    return 2 <= count <= MAX_HEADLINE_WORDS and not _NOT_A_HEADLINE.search(title)


def choose_title(
    sources: Sequence[Source], word_runs: Sequence[Iterable[Sequence[str]]], ledes: Sequence[str | None] = (), fallback: str | None = None
) -> str:
    """The most representative headline: the one whose words the other headlines use most,
    then the one whose words most sources carry, each counted over its content words and
    divided by the square root of how many it has (the cosine's length normalisation). Divided
    by the count itself, a short teaser whose one or two words every headline uses ("It's a
    party... a rehab party!") beat the headlines that say who did what; not divided at all, the
    longest would win. Without headlines, the most representative of
    the outlets' first sentences (``ledes``, one per source) that is short enough to read as
    one ("An Atlanta judge sentenced Nichols to life on Saturday", not a 50-word lede), then
    ``fallback`` (the merged story's lede), then the first lede. ``word_runs[i]``: source i's
    normalized words, a run per sentence or paragraph, read only for the candidates' words (a
    day's articles hold millions of words and the headlines a few hundred)."""
    titles = [(i, s.title) for i, s in enumerate(sources) if s.title and is_headline(s.title)]
    if not titles:
        titles = [(i, lede) for i, lede in enumerate(ledes) if lede and is_headline(lede)]
    if not titles:
        return fallback or next((lede for lede in ledes if lede), None) or "Untitled story"
    content = {i: {w for w in words(title) if w not in STOPWORDS} for i, title in titles}
    in_titles = Counter(w for ws in content.values() for w in ws)
    carried: Counter[str] = Counter()  # sources per headline word
    for runs in word_runs:
        used: set[str] = set()
        for run in runs:
            used.update(in_titles.keys() & run)  # an intersection in C: no Python step per word
        carried.update(used)

    def representativeness(item: tuple[int, str]) -> tuple[float, float, int]:
        mine = content[item[0]]
        if not mine:
            return 0.0, 0.0, -item[0]
        length = math.sqrt(len(mine))
        closeness = sum(in_titles[w] - 1 for w in mine) / length
        share = sum(carried[w] for w in mine) / length
        return round(closeness, 6), round(share, 6), -item[0]

    return max(titles, key=representativeness)[1]
