"""Which kept sentences the information level compares a sentence with: its candidate hosts.

Sentences are taken one by one, most informative first (``meaning.fold_by_meaning``); each is
compared with the kept sentences before it that share its rarer lemmas, best first by their
partial dot product (the IDF² of the lemmas both state, counting only lemmas in at most
``candidate_df`` sentences). The index of those lemmas (``Postings``) answers that in time
linear in the postings it reads.

Finding the candidates is half of the folding, and it needs nothing of the folds but which
sentences were kept. So a large story's candidates are ranked ahead in a forked helper
(``ranked_ahead``) against *every* sentence before each one, as if all were kept, while this
process judges the folds; this process then keeps, of each ranked list, the hosts that were kept.
That is exactly the ranking over the kept ones (the product of two sentences does not depend
on the others), as long as the list holds enough kept hosts: when it does not, the ranking is
made again here from the kept index (``Ranked.kept``). Same hosts, same order, either way.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

AHEAD = 16
"""Hosts ranked ahead for each sentence, kept or not: enough that the kept best of them are
the kept best of all for nearly every sentence (most sentences are kept)."""

CHUNK = 512
"""Sentences whose ranked lists the helper sends at a time."""


@dataclass(frozen=True, slots=True)
class Ranked:
    """A sentence's candidate hosts, best first (ties by index), with their partial products."""

    hosts: Sequence[int]
    dots: Sequence[float]
    unposted: float
    """What lemmas too common to be posted can add to any host's dot product (see meaning)."""
    complete: bool
    """Every host with a partial product is listed (none was cut off)."""

    def kept(self, is_kept: Callable[[int], bool], count: int) -> Ranked | None:
        """The ``count`` best hosts that ``is_kept``, when this list is sure to hold them (it is
        complete, or holds ``count`` kept ones); None when only the kept index can tell."""
        if (len(self.hosts) >= count or self.complete) and all(map(is_kept, self.hosts[:count])):
            return Ranked(self.hosts[:count], self.dots[:count], self.unposted, True)  # the usual case: the best were kept
        chosen = [(host, dot) for host, dot in zip(self.hosts, self.dots) if is_kept(host)]
        if len(chosen) < count and not self.complete:
            return None
        chosen = chosen[:count]
        return Ranked([h for h, _ in chosen], [d for _, d in chosen], self.unposted, True)


class Postings:
    """The inverted index of the posted sentences' rarer lemmas (in ``candidate_df`` sentences
    or fewer), for ranking candidates."""

    def __init__(self, idf: dict[str, float], df: dict[str, int], candidate_df: int) -> None:
        self._idf, self._df, self._candidate_df = idf, df, candidate_df
        self._lists: dict[str, list[int]] = {}

    def post(self, index: int, lemmas: frozenset[str]) -> None:
        df, limit, lists = self._df, self._candidate_df, self._lists
        for lemma in lemmas:
            if df.get(lemma, 0) <= limit:
                lists.setdefault(lemma, []).append(index)

    def ranked(self, lemmas: frozenset[str], count: int) -> Ranked:
        """The ``count`` posted sentences of highest partial dot product with ``lemmas``."""
        partial: dict[int, float] = {}
        unposted = 0.0
        idf, df, limit, lists = self._idf, self._df, self._candidate_df, self._lists
        add = partial.get
        for lemma in lemmas:
            posted = lists.get(lemma)
            if posted:
                gain = idf[lemma] ** 2
                for other in posted:
                    partial[other] = add(other, 0.0) + gain
            elif df.get(lemma, 0) > limit:
                unposted += idf.get(lemma, 0.0) ** 2
        hosts = _highest(partial, count)
        return Ranked(hosts, [partial[h] for h in hosts], unposted, len(hosts) == len(partial))


def _highest(partial: dict[int, float], count: int) -> list[int]:
    """The ``count`` hosts of highest partial dot product, highest first, ties by index.

    Only the hosts at or above the ``count``-th highest product are made into pairs and sorted:
    a unit has hundreds of partial hosts, and floats sort in C faster than tuples in a heap."""
    if len(partial) > count:
        floor = sorted(partial.values(), reverse=True)[count - 1]
        found = [(-dot, host) for host, dot in partial.items() if dot >= floor]
    else:
        found = [(-dot, host) for host, dot in partial.items()]
    found.sort()
    return [host for _, host in found[:count]]


Packed = tuple[array, array, array, array, bytes]
"""CHUNK sentences' ranked lists as flat arrays (hosts, dots, list ends, unposted, complete):
cheap to pickle and to send, unlike a list of objects."""


def ranked_ahead(sentences: Sequence[tuple[int, frozenset[str]]], idf: dict[str, float], df: dict[str, int], candidate_df: int) -> Iterator[Packed]:
    """For each (index, lemmas) in order, its AHEAD best among all the sentences before it, as
    if every one were kept; in chunks of CHUNK. Deterministic, as a helper's work must be."""
    postings = Postings(idf, df, candidate_df)
    chunk: list[Ranked] = []
    for index, lemmas in sentences:
        chunk.append(postings.ranked(lemmas, AHEAD))
        postings.post(index, lemmas)
        if len(chunk) == CHUNK:
            yield _pack(chunk)
            chunk = []
    if chunk:
        yield _pack(chunk)


def unpacked(chunks: Iterator[Packed]) -> Iterator[Ranked]:
    """The ranked lists of ``ranked_ahead``, one per lemma set, in order."""
    for hosts, dots, ends, unposted, complete in chunks:
        start = 0
        for end, extra, whole in zip(ends, unposted, complete):
            yield Ranked(hosts[start:end], dots[start:end], extra, bool(whole))
            start = end


def _pack(chunk: list[Ranked]) -> Packed:
    hosts, dots, ends = array("q"), array("d"), array("q")
    for ranked in chunk:
        hosts.extend(ranked.hosts)
        dots.extend(ranked.dots)
        ends.append(len(hosts))
    return hosts, dots, ends, array("d", (r.unposted for r in chunk)), bytes(r.complete for r in chunk)
