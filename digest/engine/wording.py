"""The merge's first level, same wording: MinHash signatures, LSH candidates, exact verification.

(Sentences that tell the same in other words are the second level's job: see ``meaning.py``.)
Two sentences are near-duplicates when either

* their shingle sets resemble each other: Jaccard |A∩B| / |A∪B| >= ``resemblance``, or
* the smaller one sits inside the larger: containment |A∩B| / min(|A|, |B|) >= ``containment``
  (an outlet quoting part of a statement inside its own framing has low Jaccard but high
  containment), or
* both quote one statement (their quotations meet the containment test) and neither adds more
  than ``max_framing_words`` words around it: "“...,” the ministry announced" and "The ministry said
  that Thursday's strike “...”" are one passage; a quote inside a long sentence of the outlet's
  own reporting is not, and keeps its own words as details,

and the smaller one states no number the larger does not, and no word the two share is negated
in only one of them (a negation or a different figure is a different fact; a negation about
words only one states is that one's addition). MinHash (datasketch) estimates similarity from
fixed-size signatures; LSH banding turns the signatures into candidate pairs in near-linear
time; every candidate is then verified on the exact shingle sets, so LSH only ever costs
recall, never precision.

Banding: with ``bands`` b and ``rows`` r, a pair of Jaccard J becomes a candidate with
probability 1 - (1 - J^r)^b. The default b=64, r=2 (128 permutations) gives 0.93 at J=0.2 and
more than 0.999 at J=0.4: a sentence fully contained in another three times its length has
J≈0.25 and is found with probability 0.98.

The thresholds were chosen with ``benchmarks/thresholds.py`` on 1,765 pairs: 1,753 synthetic
edits of sentences from 62 real article bodies (rewordings, embeddings, number changes, half-
shared splices), labelled by construction, and 12 pairs from the seeds labelled by hand.
Resemblance 0.4 with containment 0.8 had the best F1 there (0.982: precision 0.978, recall
0.987); without the containment test recall fell to 0.87. LSH with the default banding kept 956
of the 958 positive pairs the exact test accepts. On 180 real cross-outlet pairs labelled by hand
(``benchmarks/real_pairs.py``) this level folds 11, all correct (precision 1.00), and finds 17%
of the pairs that tell the same: independent outlets rarely share wording, hence ``meaning.py``.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import types
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass
from itertools import accumulate
from typing import Any, NamedTuple

from digest.engine.normalize import STOPWORDS, negated, numbers, quoted_words, shingles, words


@dataclass(frozen=True)
class SimilarityParams:
    resemblance: float = 0.4
    """Jaccard at or above which two sentences are near-duplicates."""
    containment: float = 0.8
    """Containment at or above which the smaller sentence counts as inside the larger."""
    max_framing_words: int = 12
    """Most words a sentence may add around a shared quotation and still be the same passage."""
    min_shingles: int = 3
    """Sentences with fewer shingles match only when their words are identical: a MinHash of
    one or two shingles says little, and two empty MinHashes would compare as identical."""
    exact_limit: int = 5000
    """Up to this many sentences, candidates come from shared trigrams (exact, and faster than
    loading and running MinHash); above it, from MinHash LSH, whose cost stays linear."""
    num_perm: int = 128
    bands: int = 64
    rows: int = 2
    seed: int = 1

    def as_dict(self) -> dict[str, float]:
        return {k: float(v) for k, v in asdict(self).items()}


DEFAULT_PARAMS = SimilarityParams()


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the comparison needs to know of one sentence."""

    words: tuple[str, ...]
    shingles: frozenset[str]
    numbers: frozenset[str]
    quote: frozenset[str] = frozenset()
    """Shingles of the sentence's one quotation (see normalize.quoted_words); empty if none."""
    framing: int = 0
    """How many of its words stand outside that quotation."""
    negated: frozenset[str] = frozenset()
    """Its negating words and the words they bear on (see normalize.negated); empty if none."""


def fingerprint(norm_words: Sequence[str], quoted: Sequence[str] | None = None) -> Fingerprint:
    words = tuple(norm_words)
    quote = shingles(quoted) if quoted else frozenset()
    return Fingerprint(words, shingles(words), numbers(words), quote, len(words) - len(quoted or ()), negated(words))


def fingerprint_of(text: str) -> Fingerprint:
    """The fingerprint of raw text: normalized words, and its quotation if it has one."""
    return fingerprint(words(text), quoted_words(text))


class Score(NamedTuple):
    resemblance: float
    containment: float


def score(a: Fingerprint, b: Fingerprint) -> Score:
    """Exact Jaccard and containment of two shingle sets."""
    if not a.shingles or not b.shingles:
        return Score(0.0, 0.0)
    common = len(a.shingles & b.shingles)
    union = len(a.shingles) + len(b.shingles) - common
    return Score(common / union, common / min(len(a.shingles), len(b.shingles)))


def is_near_duplicate(a: Fingerprint, b: Fingerprint, params: SimilarityParams = DEFAULT_PARAMS) -> bool:
    """The whole decision, on exact sets: shared wording, no figure of its own, and no word of
    both negated in only one ("approved" / "did not approve" share most words, not their fact;
    "protected wildlife" / "protected wildlife, and should improve it, not weaken it" agree).

    The verification runs it millions of times on a day's articles, so it computes the two
    scores of ``score`` inline rather than through it.
    """
    if not a.words or not b.words:
        return False
    size_a, size_b = len(a.shingles), len(b.shingles)
    smallest = min(size_a, size_b)
    if smallest < params.min_shingles or min(len(a.words), len(b.words)) < params.min_shingles:
        return a.words == b.words
    if not (a.numbers <= b.numbers if size_a <= size_b else b.numbers <= a.numbers):
        return False
    if a.negated != b.negated and not _negations_agree(a, b):
        return False
    common = len(a.shingles & b.shingles)
    if common / (size_a + size_b - common) >= params.resemblance or common / smallest >= params.containment:
        return True
    return _same_quoted_passage(a, b, params)


def _negations_agree(a: Fingerprint, b: Fingerprint) -> bool:
    """No word of both texts is negated in one of them only: what one negates beyond the other
    is about words the other does not state."""
    differ = (a.negated ^ b.negated) - STOPWORDS
    return differ.isdisjoint(set(a.words).intersection(b.words))


def _same_quoted_passage(a: Fingerprint, b: Fingerprint, params: SimilarityParams) -> bool:
    if not a.quote or not b.quote or max(a.framing, b.framing) > params.max_framing_words:
        return False
    common = len(a.quote & b.quote)
    return common / min(len(a.quote), len(b.quote)) >= params.containment


def minhash_class() -> type:
    """datasketch's ``MinHash``, imported without the package's ``__init__`` when it can be.

    ``import datasketch`` imports every sketch it offers, MinHashLSH among them, and that pulls in
    scipy: 0.25 to 0.45 s here, on the critical path of a mid-sized story, for a class that needs
    only numpy and hashlib. So ``datasketch.minhash`` is loaded under a bare package object that
    is removed again at once: a later ``import datasketch`` runs the real ``__init__``, which
    reuses the module already loaded. Any surprise (another layout in a later datasketch) falls
    back to the plain import: slower, never wrong.
    """
    if "datasketch" in sys.modules:
        from datasketch import MinHash

        return MinHash
    try:
        spec = importlib.util.find_spec("datasketch")
        package = types.ModuleType("datasketch")
        package.__path__ = list(spec.submodule_search_locations or [])
        package.__spec__ = spec
        sys.modules["datasketch"] = package
        try:
            return importlib.import_module("datasketch.minhash").MinHash
        finally:
            del sys.modules["datasketch"]
    except Exception:
        sys.modules.pop("datasketch.minhash", None)
        from datasketch import MinHash

        return MinHash


def signatures(prints: Sequence[Fingerprint], indexes: Sequence[int], params: SimilarityParams):
    """datasketch MinHash signatures of the chosen sentences, one row each of a numpy matrix.

    The rows are stored as 32-bit integers and each MinHash is dropped once copied: on a day's
    articles the signatures would otherwise take twice their memory, twice over. Shingles are
    hashed with CRC-32 (``zlib.crc32``, datasketch's ``hashfunc`` option) rather than its default
    SHA-1: a third of the signing time went to SHA-1, and datasketch mixes every hash value
    (murmur's finalizer) before permuting it, so the estimates are as good (mean absolute error
    0.033 against 0.031 on 53 pairs of generated sentences above Jaccard 0.2). A MinHash is a
    minimum, so the order of the shingles does not matter.
    """
    import zlib

    import numpy as np  # datasketch's own dependency

    MinHash = minhash_class()
    matrix = np.empty((len(indexes), params.num_perm), dtype=np.uint32)
    shingle_lists = ([s.encode("utf-8") for s in prints[i].shingles] for i in indexes)
    minhashes = MinHash.generator(shingle_lists, num_perm=params.num_perm, seed=params.seed, hashfunc=zlib.crc32)
    for row, minhash in enumerate(minhashes):
        matrix[row] = minhash.hashvalues
    return matrix


def shingle_buckets(indexes: Sequence[int], prints: Sequence[Fingerprint]) -> list[list[int]]:
    """Buckets of sentence indexes that share a word trigram: exact candidates, for small stories.

    Every pair that meets the near-duplicate test shares at least one trigram, so these buckets
    miss nothing (LSH may miss one pair in a thousand); their cost grows with how often trigrams
    repeat, which is small in a story of a few hundred sentences and large in thousands.
    """
    postings: dict[str, list[int]] = {}
    for index in indexes:
        for shingle in prints[index].shingles:
            postings.setdefault(shingle, []).append(index)
    return [members for members in postings.values() if len(members) > 1]


FAILED_MEMORY = 1 << 19
"""Failed pairs the verification remembers at most (see _verified_neighbours)."""

LIST_CHUNK = 65536
"""Bucket members turned into Python integers at a time (see Buckets.lists)."""


class Buckets(NamedTuple):
    """LSH buckets packed in two numpy arrays: cheap to make, to cut and to send to a process."""

    members: Any
    """Every bucket's sentence indexes, one bucket after another (numpy int64)."""
    sizes: Any
    """How many members each bucket has (numpy int64)."""

    def lists(self) -> Iterator[list[int]]:
        """Each bucket as a list, made a few thousand members at a time: on a day's articles all
        of them as Python lists at once would cost tens of megabytes at the peak of a build."""
        start, pending = 0, []  # pending: members[start : start + len(pending)] as Python integers
        for end, size in zip(self._ends(), self.sizes.tolist()):
            begin = end - size
            if end > start + len(pending):
                start = begin
                pending = self.members[begin : max(begin + LIST_CHUNK, end)].tolist()
            yield pending[begin - start : end - start]

    def halves(self) -> tuple[Buckets, Buckets]:
        """The buckets cut in two at half of their members, a measure of the work to verify them."""
        ends = self._ends()
        cut = bisect_left(ends, ends[-1] // 2) + 1 if ends else 0
        at = ends[cut - 1] if cut else 0
        return Buckets(self.members[:at], self.sizes[:cut]), Buckets(self.members[at:], self.sizes[cut:])

    def _ends(self) -> list[int]:
        return list(accumulate(self.sizes.tolist()))


def lsh_buckets(indexes: Sequence[int], matrix, params: SimilarityParams) -> Buckets:
    """Buckets of sentence indexes whose signatures agree on all rows of at least one band.

    The banding is done here on datasketch's signatures rather than through MinHashLSH because
    this is a self-join: MinHashLSH answers one query at a time, each returning a whole bucket
    again, while the buckets themselves let verification stop early (see group_near_duplicates).
    Each band's keys are sorted with numpy (stably: members stay in sentence order) and runs of
    equal keys are its buckets: the same buckets a dictionary of keys gives, without a Python
    step per sentence or per bucket.
    """
    import numpy as np  # datasketch's own dependency

    # ``matrix``: one row of MinHash values per sentence (see ``signatures``)
    ids = np.asarray(indexes, dtype=np.int64)
    members, sizes = [], []
    width = matrix.dtype.itemsize * params.rows
    # A band's values read as one number when they fit in 64 bits (two 32-bit rows, the
    # default): numpy sorts integers several times faster than the raw bytes of the general case.
    key_type = {4: np.uint32, 8: np.uint64}.get(width) or np.dtype((np.void, width))
    for band in range(params.bands if len(ids) else 0):  # one band at a time: memory stays at one column of keys
        columns = matrix[:, band * params.rows : (band + 1) * params.rows]
        keys = np.ascontiguousarray(columns).view(key_type).ravel()
        order = np.argsort(keys, kind="stable")
        ordered = keys[order]
        starts = np.flatnonzero(np.r_[True, ordered[1:] != ordered[:-1]])
        runs = np.diff(np.r_[starts, len(ordered)])
        members.append(ids[order[np.repeat(runs > 1, runs)]])
        sizes.append(runs[runs > 1])
    if not members:
        return Buckets(np.empty(0, dtype=np.int64), np.empty(0, dtype=np.int64))
    return _by_first_member(np.concatenate(members), np.concatenate(sizes).astype(np.int64))


def _by_first_member(members, sizes) -> Buckets:
    """The buckets reordered by their first member (stably). Two sentences that agree on several
    bands meet in several buckets; in band order those lie far apart, in this order near each
    other, so the verification's bounded memory of failed pairs still holds most repeats.
    Which pairs match does not depend on the order of the buckets."""
    import numpy as np

    ends = np.cumsum(sizes)
    starts = ends - sizes
    order = np.argsort(members[starts], kind="stable")
    new_sizes = sizes[order]
    # where each place of the new order comes from: its bucket's old start plus its offset in it
    new_starts = np.cumsum(new_sizes) - new_sizes
    source = np.repeat(starts[order], new_sizes) + np.arange(len(members)) - np.repeat(new_starts, new_sizes)
    return Buckets(members[source], new_sizes)


MAX_HEADS = 24
"""Most groups a bucket keeps checking new members against: a bucket of a trigram that
hundreds of different sentences share costs its size times this, not its size squared."""


@dataclass(frozen=True)
class WordingPlan:
    """What the same-wording level will compare: sentences with identical words are joined to
    their first occurrence without any comparison, the others are compared."""

    same_words: dict[int, int]
    """Sentence index -> the first sentence with exactly its words."""
    comparable: list[int]
    """Sentences compared: the first of their words, long enough for shingles to mean something."""
    uses_minhash: bool
    """More comparable sentences than ``exact_limit``: candidates come from MinHash LSH."""


def plan_wording(prints: Sequence[Fingerprint], params: SimilarityParams = DEFAULT_PARAMS) -> WordingPlan:
    first_of: dict[tuple[str, ...], int] = {}
    same_words: dict[int, int] = {}
    comparable: list[int] = []
    for index, fp in enumerate(prints):
        if not fp.words:
            continue
        if fp.words in first_of:
            same_words[index] = first_of[fp.words]
            continue
        first_of[fp.words] = index
        if len(fp.shingles) >= params.min_shingles and len(fp.words) >= params.min_shingles:
            comparable.append(index)
    return WordingPlan(same_words, comparable, len(comparable) > params.exact_limit)


def group_near_duplicates(
    prints: Sequence[Fingerprint],
    params: SimilarityParams = DEFAULT_PARAMS,
    plan: WordingPlan | None = None,
    halves: Iterator | None = None,
) -> list[int]:
    """For every sentence, the index of its group's representative: the most complete wording.

    1. Identical wordings are joined first, without MinHash (``plan_wording``).
    2. Candidates: sentences that share a bucket (a word trigram in a small story, an LSH band
       in a large one). In each bucket a member is checked against the bucket's heads, one per
       group seen there, until one matches; each verified pair is an edge. A pair is checked
       once (a failed one again only after FAILED_MEMORY others have failed).
    3. Groups: sentences taken most complete first (most words); each joins the earliest group
       leader among its verified neighbours, or its neighbour's leader when it verifies against
       that leader itself; otherwise it leads a group of its own.
    So every member of a group is a near-duplicate of its representative (verified pairs chain:
    A~B and B~C does not make A~C), and the work is linear in the buckets' sizes. A sentence with
    no words is a group of its own: separators never merge. ``plan``: ``plan_wording``'s, when
    the caller has made it already. ``halves``: ``minhash_halves`` of the same sentences running
    in another process, for a large story (made here otherwise).
    """
    plan = plan or plan_wording(prints, params)
    if not plan.uses_minhash:
        neighbours = _verified_neighbours(shingle_buckets(plan.comparable, prints), prints, params)
    else:
        halves = halves or minhash_halves(prints, params, plan)
        neighbours = _verified_neighbours(next(halves).lists(), prints, params)
        for found in halves:  # the other half's neighbours; iterating to the end reaps the helper
            for index, others in found.items():
                neighbours[index] = list(dict.fromkeys(neighbours.get(index, []) + others))
    representative = _leaders(prints, neighbours, params)
    for index, first in plan.same_words.items():
        representative[index] = representative[first]
    return representative


def minhash_halves(prints: Sequence[Fingerprint], params: SimilarityParams, plan: WordingPlan) -> Iterator:
    """A large story's same-wording candidates cut in two, for two processes to verify at once.

    Makes the signatures and LSH buckets, yields the second half of the buckets (for the caller
    to verify), then verifies the first half and yields its neighbours. The union is exactly the
    neighbours of one pass: whether a bucket's members match depends only on the pairs in it
    (remembering pairs already checked only saves repeats), so buckets can be verified apart.
    The cut is at half of the bucket members, a measure of the work.
    """
    matrix = signatures(prints, plan.comparable, params)
    mine, theirs = lsh_buckets(plan.comparable, matrix, params).halves()
    del matrix
    yield theirs
    yield _verified_neighbours(mine.lists(), prints, params)


def _verified_neighbours(buckets: Iterable[list[int]], prints: Sequence[Fingerprint], params: SimilarityParams) -> dict[int, list[int]]:
    neighbours: dict[int, list[int]] = {}
    # A pair (i, j), i < j, is remembered as the one integer i * n + j: millions of pairs are
    # checked on a day's articles, and an integer is smaller and faster to hash than a tuple.
    # Pairs that failed are forgotten when there are FAILED_MEMORY of them: checking one again
    # gives the same answer, and the set would otherwise be the largest thing in memory at the
    # peak of a day's build (a hundred bytes per pair, millions of pairs).
    n = len(prints)
    verified: set[int] = set()
    failed: set[int] = set()
    for bucket in buckets:
        heads: list[int] = []
        for member in bucket:
            matched = False
            member_print = prints[member]
            for head in heads:
                pair = head * n + member if head < member else member * n + head
                if pair in verified:
                    matched = True
                elif pair not in failed:
                    matched = is_near_duplicate(prints[head], member_print, params)
                    if matched:
                        verified.add(pair)
                        neighbours.setdefault(head, []).append(member)
                        neighbours.setdefault(member, []).append(head)
                    else:
                        if len(failed) >= FAILED_MEMORY:
                            failed.clear()
                        failed.add(pair)
                if matched:
                    break
            if not matched and len(heads) < MAX_HEADS:
                heads.append(member)
    return neighbours


def _leaders(prints: Sequence[Fingerprint], neighbours: dict[int, list[int]], params: SimilarityParams) -> list[int]:
    representative = list(range(len(prints)))
    rank = {index: position for position, index in enumerate(sorted(neighbours, key=lambda i: (-len(prints[i].words), i)))}
    for index in sorted(neighbours, key=rank.__getitem__):
        for other in sorted(neighbours[index], key=rank.__getitem__):
            if rank[other] > rank[index]:
                break  # later ones have not been placed yet
            leader = representative[other]
            if leader == other or is_near_duplicate(prints[leader], prints[index], params):
                representative[index] = leader
                break
    return representative
