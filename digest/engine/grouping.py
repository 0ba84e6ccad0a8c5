"""Which articles report the same event: a pile of articles grouped into stories.

A morning's feeds bring many articles; each story of the digest is the articles about one event.
Two kinds of mistakes matter: splitting one event's coverage, and joining two events that look
alike (two earthquakes, two celebrities entering rehab, a coach fired and the same coach hired
years earlier). Topic words alone join look-alikes, so three signals decide:

* **What the article is about**: an IDF-weighted cosine of the articles' content lemmas (the
  same ``lexicon.facts`` the merge uses), with the headline and the first paragraph counted
  ``lede_weight`` times and names ``name_weight`` times, because that is where an article says
  which event it reports.
* **Who the event is about**: an article's *protagonists* are the names in its headline or first
  paragraph that it repeats (``protagonist_mentions`` times or more). Two articles that each have
  a protagonist the other never mentions report different events (Tara Reid in rehab and Lindsay
  Lohan in rehab); such a pair counts as not similar at all. Outlets covering one event rarely
  leave out its protagonists entirely.
* **When**: articles whose publication dates are more than ``max_days_apart`` days apart report
  different events (an anniversary piece is a new story).

Articles then join by average linkage: two groups merge while the mean similarity over all their
pairs is at least ``similarity``. Average linkage, unlike chaining single links, keeps one
borderline pair from joining two stories. Pairs with no similarity are never stored. Large inputs
compute the cosines with sparse matrices, for the pairs that share a heavy word, and keep each
article's nearest articles only, so the work and memory grow with the number of articles, not
its square, even when thousands of them look alike.
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from digest.background import in_two_halves
from digest.engine.headline import choose_title
from digest.engine.lexicon import facts
from digest.engine.normalize import words
from digest.engine.segment import split_sentences
from digest.model import Source, StoryOutline

if TYPE_CHECKING:  # numpy and scipy load only for large inputs
    import numpy as np
    from scipy import sparse


@dataclass(frozen=True)
class GroupingParams:
    similarity: float = 0.1
    """Mean cosine over two groups' pairs at or above which they are one story."""
    background: int = 1000
    """Unrelated articles assumed besides the input when weighing how rare a word is (IDF).
    Without them, ten articles about one event make that event's words look common and split
    it; with them, a word's weight hardly depends on how many articles were given."""
    lede_weight: float = 3.0
    """How many times the headline's and first paragraph's words count."""
    name_weight: float = 2.0
    """How many times a name counts against another content word."""
    protagonist_mentions: int = 3
    """Mentions that make a headline or first-paragraph name a protagonist of the article."""
    max_days_apart: int = 7
    """Articles published further apart than this report different events."""
    sparse_from: int = 150
    """From this many articles on, cosines come from sparse matrices (scipy)."""


DEFAULT_GROUPING = GroupingParams()


@dataclass(frozen=True)
class Profile:
    """What grouping compares of one article."""

    terms: dict[str, float]
    """Weighted counts of its content lemmas (headline and lede weighted up, names weighted up)."""
    protagonists: frozenset[str]
    lemmas: frozenset[str]
    """Every content lemma it uses anywhere."""
    day: date | None


def profile(source: Source, params: GroupingParams = DEFAULT_GROUPING) -> Profile:
    """The article's terms, protagonists and publication day."""
    texts = ([source.title] if source.title else []) + [p.text for p in source.paragraphs]
    terms: Counter[str] = Counter()
    mentions: Counter[str] = Counter()
    lede_names: set[str] = set()
    for position, text in enumerate(texts):
        weight = params.lede_weight if position < 2 else 1.0
        for word in facts(text).words:
            terms[word.lemma] += weight * (params.name_weight if word.name else 1.0)
            if word.name:
                mentions[word.lemma] += 1
                if position < 2:
                    lede_names.add(word.lemma)
    protagonists = frozenset(n for n in lede_names if mentions[n] >= params.protagonist_mentions)
    return Profile(dict(terms), protagonists, frozenset(terms), publication_day(source.date))


def publication_day(text: str | None) -> date | None:
    """The day of an ISO date ("2026-11-21", "2026-11-21T08:00:00Z"), or None."""
    if not text or len(text) < 10:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None


def different_events(a: Profile, b: Profile, params: GroupingParams = DEFAULT_GROUPING) -> bool:
    """True when each article has a protagonist the other never mentions, or they were
    published too far apart."""
    if a.day and b.day and abs((a.day - b.day).days) > params.max_days_apart:
        return True
    return bool(a.protagonists - b.lemmas) and bool(b.protagonists - a.lemmas)


def _unit_vectors(profiles: Sequence[Profile], background: int) -> list[dict[str, float]]:
    """Sublinear TF times smoothed IDF over these articles and ``background`` unrelated ones,
    scaled to length 1. Terms of one
    article only stay in: they make it less like the others (and with two articles, leaving
    them out would make any two articles that share a word identical)."""
    df: Counter[str] = Counter()
    for item in profiles:
        df.update(item.terms)
    total = len(profiles) + background
    vectors = []
    for item in profiles:
        vector = {t: (1.0 + math.log(c)) * math.log(1.0 + total / df[t]) for t, c in item.terms.items() if c > 0}
        norm = math.sqrt(sum(v * v for v in vector.values())) or 1.0
        vectors.append({t: v / norm for t, v in vector.items()})
    return vectors


PARALLEL_FROM = 100
"""From this many articles on, a forked child finds the profiles of half of them (digest.background)."""
PROPOSERS = 40
"""An article's this many heaviest terms propose the pairs it is compared in (large inputs)."""
COMMON_ARTICLES = 300
"""A term in more articles than this is common (large inputs): it proposes no pair and does not
rank an article's nearest, because every term pairs the square of its articles, so such words
alone would make the work quadratic (and a word that so many share says little about the event).
Its weight is added to the cosines of the pairs kept."""
NEIGHBOURS = 150
"""Each article keeps its this many most similar articles (large inputs); a pair is kept when
either side keeps it. So the pairs stored, and the work and memory of the grouping, grow with
the number of articles, not its square, even when thousands of articles look alike."""
ROW_BLOCK = 256
PAIR_FLOOR = 0.03
"""Pairs less similar than this are left out (as if 0): far below any grouping threshold, and
each such pair only nudges a group average down."""


def cosines(vectors: Sequence[dict[str, float]], sparse_from: int = DEFAULT_GROUPING.sparse_from) -> dict[tuple[int, int], float]:
    """Cosine of every pair (i < j) of unit vectors at least PAIR_FLOOR alike; for large inputs,
    each article's nearest (see ``_sparse_cosines``)."""
    if len(vectors) >= sparse_from:
        return _sparse_cosines(vectors)
    found: dict[tuple[int, int], float] = {}
    for i, a in enumerate(vectors):
        for j in range(i + 1, len(vectors)):
            b = vectors[j]
            small, large = (a, b) if len(a) <= len(b) else (b, a)
            dot = sum(v * large[t] for t, v in small.items() if t in large)
            if dot >= PAIR_FLOOR:
                found[(i, j)] = dot
    return found


def _sparse_cosines(vectors: Sequence[dict[str, float]]) -> dict[tuple[int, int], float]:
    """The loop in ``cosines``, in C, bounded so that it grows with the number of articles.

    Every pair of a large input sharing some common word would make the product dense (tens of
    millions of pairs at a few thousand articles). Articles about one event share the words that
    weigh most in them (its names and places, its key words; in the headline and lede), so a pair
    is proposed when a term is among the ``PROPOSERS`` heaviest of both and not common
    (``COMMON_ARTICLES``). A block of rows at a time, the proposed pairs are scored over their
    uncommon terms, each article keeps the ``NEIGHBOURS`` best, and the common terms' share is
    added to those pairs alone, so their cosines are exact.
    """
    import numpy as np
    from scipy import sparse  # lazy: only large inputs pay for importing scipy

    column: dict[str, int] = {}
    rows, cols, values = [], [], []
    for row, vector in enumerate(vectors):
        for term, value in vector.items():
            rows.append(row)
            cols.append(column.setdefault(term, len(column)))
            values.append(value)
    shape = (len(vectors), max(1, len(column)))
    columns = np.asarray(cols)
    common = np.bincount(columns, minlength=shape[1]) > COMMON_ARTICLES
    is_common = common[columns]
    entries = (np.asarray(values), np.asarray(rows), columns)

    def matrix(chosen: np.ndarray) -> sparse.csr_matrix:
        values_, rows_, columns_ = (array[chosen] for array in entries)
        return sparse.csr_matrix((values_, (rows_, columns_)), shape=shape, dtype=np.float64)

    matrix_rare, matrix_common = matrix(~is_common), matrix(is_common)
    heavy_rows, heavy_cols = [], []
    for row, vector in enumerate(vectors):
        for term, _ in heapq.nlargest(PROPOSERS, vector.items(), key=lambda item: (item[1], item[0])):
            if not common[column[term]]:
                heavy_rows.append(row)
                heavy_cols.append(column[term])
    presence = sparse.csr_matrix((np.ones(len(heavy_rows)), (heavy_rows, heavy_cols)), shape=shape)
    presence_t = presence.T.tocsc()
    rare_t = matrix_rare.T.tocsc()
    found: dict[tuple[int, int], float] = {}
    for start in range(0, len(vectors), ROW_BLOCK):  # a block of rows at a time: memory stays bounded
        block = slice(start, start + ROW_BLOCK)
        proposed = (presence[block] @ presence_t).astype(bool)
        dots = (matrix_rare[block] @ rare_t).multiply(proposed).tocoo()
        left = dots.row + start
        kept = dots.col != left
        left, right, sims = left[kept], dots.col[kept], dots.data[kept]
        kept = _near_enough(left, sims)
        left, right, sims = left[kept], right[kept], sims[kept]
        order = np.lexsort((right, -sims, left))  # each row's most similar first
        left, right, sims = left[order], right[order], sims[order]
        nearest = np.arange(len(left)) - np.searchsorted(left, left) < NEIGHBOURS
        left, right, sims = left[nearest], right[nearest], sims[nearest]
        if matrix_common.nnz:  # the common words' share, for the pairs kept only
            sims = sims + _row_dots(matrix_common, left, right)
        kept = sims >= PAIR_FLOOR
        for i, j, sim in zip(left[kept].tolist(), right[kept].tolist(), sims[kept].tolist()):
            found[(i, j) if i < j else (j, i)] = sim
    return found


def _near_enough(rows: np.ndarray, sims: np.ndarray) -> np.ndarray:
    """A mask of the entries at least as similar as their row's ``NEIGHBOURS``-th best (ties
    included): what sorting each row must still order. ``rows`` ascending."""
    import numpy as np

    keep = np.ones(len(rows), dtype=bool)
    starts = np.flatnonzero(np.r_[True, rows[1:] != rows[:-1]]) if len(rows) else np.zeros(0, dtype=int)
    for start, end in zip(starts.tolist(), [*starts[1:].tolist(), len(rows)]):
        if end - start > NEIGHBOURS:
            row = sims[start:end]
            keep[start:end] = row >= np.partition(row, end - start - NEIGHBOURS)[end - start - NEIGHBOURS]
    return keep


PAIR_CHUNK = 4096
"""Pairs whose rows ``_row_dots`` copies at once."""


def _row_dots(matrix: sparse.csr_matrix, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """Dot products of rows ``left[k]`` and ``right[k]`` of a sparse matrix, a few thousand pairs
    at a time (each chunk copies its rows, so memory stays bounded)."""
    import numpy as np

    parts = [
        np.asarray(matrix[left[at : at + PAIR_CHUNK]].multiply(matrix[right[at : at + PAIR_CHUNK]]).sum(axis=1)).ravel()
        for at in range(0, len(left), PAIR_CHUNK)
    ]
    return np.concatenate(parts) if parts else np.zeros(0)


def group_articles(sources: Sequence[Source], params: GroupingParams = DEFAULT_GROUPING) -> list[list[int]]:
    """Indexes of ``sources`` grouped by event: largest story first, then by first article;
    each group in source order. Deterministic."""
    if not sources:
        return []
    profiles = in_two_halves(lambda part, _: [profile(s, params) for s in part], sources, PARALLEL_FROM)
    pairs = cosines(_unit_vectors(profiles, params.background), params.sparse_from)
    pairs = {pair: sim for pair, sim in pairs.items() if not different_events(profiles[pair[0]], profiles[pair[1]], params)}
    groups = average_linkage(len(sources), pairs, params.similarity)
    return sorted(groups, key=lambda g: (-len(g), g[0]))


def average_linkage(count: int, pairs: dict[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Merge groups, most similar first, while their mean pair similarity is >= ``threshold``.

    Pairs missing from ``pairs`` have similarity 0. Each group keeps the sum of similarities to
    its neighbours; a merge folds the smaller group's sums into the larger one's. A merge lowers
    the mean of the merged group with every neighbour but those of the group folded in, so only
    those get a new heap entry; an entry found out of date when it comes up is re-entered with
    the current mean. The work follows the number of stored pairs, not the neighbours of every
    group at every merge.
    """
    members: dict[int, list[int]] = {i: [i] for i in range(count)}
    sums: dict[int, dict[int, float]] = {i: {} for i in range(count)}
    for (i, j), sim in pairs.items():
        sums[i][j] = sums[i].get(j, 0.0) + sim
        sums[j][i] = sums[j].get(i, 0.0) + sim
    heap = [(-sim, i, j) for (i, j), sim in pairs.items() if sim >= threshold]
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in sums[a]:
            continue
        mean = sums[a][b] / (len(members[a]) * len(members[b]))
        if abs(mean + negative) > 1e-12:  # out of date: the groups changed since it was entered
            if mean >= threshold:
                heapq.heappush(heap, (-mean, a, b))
            continue
        keep, gone = (a, b) if (len(members[a]), -a) >= (len(members[b]), -b) else (b, a)
        members[keep].extend(members.pop(gone))
        changed = []
        for other, total in sums.pop(gone).items():
            if other == keep:
                continue
            sums[keep][other] = sums[keep].get(other, 0.0) + total
            sums[other][keep] = sums[other].get(keep, 0.0) + total
            del sums[other][gone]
            changed.append(other)
        sums[keep].pop(gone, None)
        size = len(members[keep])
        for other in changed:
            mean = sums[keep][other] / (size * len(members[other]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(keep, other), max(keep, other)))
    return [sorted(group) for group in members.values()]


def outline(sources: Sequence[Source], title: str | None = None) -> StoryOutline:
    """A group's headline (``title``, or as the merged story would choose it), its articles and
    time span (the dates that can be read)."""
    if title is None:
        ledes = [next((next(iter(split_sentences(p.text)), None) for p in source.paragraphs if p.kind == "paragraph"), None) for source in sources]
        title = choose_title(sources, [(words(p.text) for p in source.paragraphs) for source in sources], ledes)
    dates = sorted(s.date for s in sources if publication_day(s.date))
    return StoryOutline(
        title=title,
        sources=tuple(sources),
        first=dates[0] if dates else None,
        last=dates[-1] if dates else None,
    )
