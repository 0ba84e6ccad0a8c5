"""Same information in other words: which sentences another outlet already tells.

The wording level (``wording.py``) finds sentences that share their wording. Independent outlets
tell the same facts in their own words, so this second level compares what sentences state (see
``lexicon.facts``): content lemmas weighted by how rare they are in the story (IDF), names,
numbers, negation and direction. A sentence A is *folded* under a sentence B of another outlet,
and B is credited to both, when

* A and B are about the same thing: IDF-weighted cosine of their lemma sets >= ``cosine``
  (``cosine_when_covered`` when B states nearly all of A, ``full_coverage``, and A has more
  than ``SHORT`` lemmas: a longer B about several things has a low cosine with any one of them);
* B states most of what A states: the IDF weight of A's lemmas that B has >= ``coverage``
  (``coverage_with_figures`` when A states two figures or more and B states them all; and two
  lemmas at least, when A has ``SHORT`` lemmas or fewer: one word alone never folds);
* and nothing marks a different fact. Every number of A is in B, counting the same thing (a
  content word beside it in both), and every word A quotes is in B; if
  A and B each name someone
  the other does not, or name the same people in another order ("who shot whom"), or one
  negates a word the other states plainly, or A says something is not so and B does not speak
  of it, or one says "rose" where the other says "fell", or a clause of A is one that B hardly
  speaks of, they stay apart. Wrongly hiding a fact is worse than showing a repeat.

What A states beyond B is not hidden: its *remainder* (``remainder``), the words of A that B lacks
and that no other outlet uses anywhere in the story, stays visible as A's addition to B when it
is a detail (``details.detail_runs``): "compared against everything the other outlets say", not
only against B. Words of A that B lacks but another outlet tells are shown where it tells them.

A shared quotation is the other way to tell the same: when the words A quotes (six or more) are
in B, A folds under B as a *quotation*, and A's framing around the quotation is kept as A's own
addition when it has words B lacks ("…,” the minister told reporters in Geneva"), so the
quotation is shown once and the framing stays visible.

Sentences are taken most informative first (by IDF weight): each either folds under a sentence
already kept, or is kept itself. So every folded sentence is compared with the sentence it is
shown under, never chained through a third. Candidates come from an inverted index of the kept
sentences' lemmas; lemmas used in more than ``candidate_df`` sentences do not produce candidates
(they are the story's common words, and skipping them keeps the work linear in the story's
length); the cosine itself uses every lemma.

A second pass (``_fold_heads``) takes the kept sentences that nothing folded under and cuts
each around a part of its own (``clauses.cuts``: a trailing clause, an opening clause, a
description after its subject); when the rest, its *head*, tells what a kept sentence tells
(by the rules above, that sentence stating nearly all of it), it folds as a ``clause`` and its
own part is shown word for word as its addition.

A kept sentence that folds under none of its candidates but has a cosine of at least
``related`` with one of them is *related* to it (``Folding.related``): another fact about the
same thing, which the order (``order.py``) reads next to it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import asdict, dataclass
from functools import partial
from typing import Literal

from digest.background import can_fork, stream_in_background
from digest.engine.candidates import Postings, Ranked, ranked_ahead, unpacked
from digest.engine.lexicon import TIME_NAMES, Facts, Word, opposed, proper_noun

FoldKind = Literal["information", "quotation", "clause"]


@dataclass(frozen=True)
class MeaningParams:
    cosine: float = 0.3
    """IDF-weighted cosine of the two lemma sets at or above which they are about the same thing."""
    coverage: float = 0.5
    """Share of the folded sentence's lemma weight that the sentence it folds under must state."""
    coverage_with_figures: float = 0.35
    """``coverage`` for a sentence with two figures or more, all of which the other states."""
    full_coverage: float = 0.75
    """Coverage at or above which ``cosine_when_covered`` is enough (for more than SHORT lemmas)."""
    cosine_when_covered: float = 0.2
    """``cosine`` for a sentence nearly all of whose lemma weight the other states."""
    candidate_df: int = 150
    """Lemmas in more sentences than this do not produce candidates (they still count in scores)."""
    candidates: int = 8
    """How many best candidates are verified for each sentence."""
    quote_containment: float = 0.8
    """Share of a quotation's word trigrams that must appear in the other sentence."""
    related: float = 0.2
    """IDF-weighted cosine at or above which a sentence that does not fold is *related* to a kept
    one: it tells something else about the same thing, and is read next to it (order.py)."""

    def as_dict(self) -> dict[str, float]:
        return {f"information.{k}": float(v) for k, v in asdict(self).items()}


DEFAULT_MEANING = MeaningParams()

SHORT = 3
"""A sentence with this few content lemmas folds by information only under a sentence that
shares two of them: with two or three words, one rare word shared ("I partied *hard*" / "old
habits die *hard*") makes the scores, and the word left out is the fact. So a sentence of one
content word never folds by information: "News." under "The better news is ...", "See?" under
"... remains to be seen" would credit another outlet with what it does not report."""


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence to compare: the representative of a same-wording group."""

    facts: Facts
    source: int
    """The outlet whose wording this is."""
    carriers: frozenset[int]
    """Every outlet that carries it (same wording)."""
    shingles: frozenset[str]
    quote: frozenset[str] = frozenset()
    """Word trigrams of its one quotation (see normalize.quoted_words); empty if none."""
    quote_numbers: frozenset[str] = frozenset()
    """The figures inside that quotation: a quotation with another figure is another statement."""
    foldable: bool = True
    """False for headings and wordless lines, which neither fold nor take folds."""


@dataclass(frozen=True, slots=True)
class Fold:
    """Unit ``index`` tells what unit ``host`` tells: it is shown under it."""

    index: int
    host: int
    how: FoldKind
    cosine: float
    coverage: float
    own: tuple[int, int] = (0, 0)
    """For a fold by ``clause``: where the unit's own part is in its text (shown as its addition)."""


class Weights:
    """IDF of every lemma over the story's sentences, and which outlets use each lemma."""

    def __init__(self, sentences: Sequence[tuple[int, Facts]]) -> None:
        df: dict[str, int] = {}
        users: dict[str, list[int]] = {}
        for source, facts in sentences:
            for lemma in facts.lemmas:
                df[lemma] = df.get(lemma, 0) + 1
                found = users.get(lemma)
                if found is None:
                    users[lemma] = [source]
                elif found[-1] != source:  # sentences come source by source: one check per word
                    found.append(source)
        total = max(1, len(sentences))
        self.df = df
        self.idf = {lemma: math.log(1.0 + total / count) for lemma, count in df.items()}
        self.owners = {lemma: tuple(dict.fromkeys(found)) for lemma, found in users.items()}
        """Lemma -> the outlets that use it, each once. Tuples, not sets: a common word of a
        day's articles has thousands of owners, and a set of them takes four times the memory."""
        del users
        self.sole_owner = {lemma: found[0] for lemma, found in self.owners.items() if len(found) == 1}
        """Lemma -> the one outlet that uses it, for lemmas only one outlet uses: its details."""
        by_source: dict[int, list[str]] = {}
        for lemma, source in self.sole_owner.items():
            by_source.setdefault(source, []).append(lemma)
        self.own_lemmas = {source: frozenset(found) for source, found in by_source.items()}
        """Outlet -> the lemmas only it uses (one set test tells whether a sentence has any)."""
        self._weights: dict[frozenset[str], float] = {}
        self._norms: dict[frozenset[str], float] = {}

    def weight(self, lemmas: frozenset[str]) -> float:
        """Sum of the lemmas' IDF (remembered: the same sets are weighed many times)."""
        found = self._weights.get(lemmas)
        if found is None:
            idf = self.idf
            found = self._weights[lemmas] = sum(idf.get(lemma, 0.0) for lemma in lemmas)
        return found

    def norm(self, lemmas: frozenset[str]) -> float:
        """Euclidean length of the lemmas' IDF vector (remembered)."""
        found = self._norms.get(lemmas)
        if found is None:
            idf = self.idf
            found = self._norms[lemmas] = math.sqrt(sum(idf.get(lemma, 0.0) ** 2 for lemma in lemmas))
        return found

    def has_own_words(self, lemmas: frozenset[str], source: int) -> bool:
        """True when ``source`` uses one of ``lemmas`` that no other outlet uses: one set test
        that spares most sentences the search for their details."""
        return not lemmas.isdisjoint(self.own_lemmas.get(source, ()))

    def told_by_others(self, lemma: str, carriers: frozenset[int]) -> bool:
        """True when an outlet other than ``carriers`` uses the lemma somewhere in the story."""
        owners = self.owners.get(lemma)
        if not owners:
            return False
        return len(owners) > len(carriers) or not carriers.issuperset(owners)


def similarity(a: Facts, b: Facts, weights: Weights) -> tuple[float, float]:
    """``a`` against ``b``: the ``cosine`` of their lemma sets, and coverage, the share of ``a``'s
    lemma weight that ``b`` states too. One intersection gives both (the information level
    scores hundreds of thousands of pairs in a large story)."""
    return _lemma_similarity(a.lemmas, b.lemmas, weights)


def _lemma_similarity(a: frozenset[str], b: frozenset[str], weights: Weights) -> tuple[float, float]:
    if not a or not b:
        return 0.0, 0.0
    idf = weights.idf
    common = [idf.get(lemma, 0.0) for lemma in a & b]
    norm_a, norm_b = weights.norm(a), weights.norm(b)
    total = weights.weight(a)
    cos = sum(x**2 for x in common) / (norm_a * norm_b) if norm_a and norm_b else 0.0
    return cos, (sum(common) / total if total else 0.0)


def cosine(a: Facts, b: Facts, weights: Weights) -> float:
    """IDF-weighted cosine of two lemma sets (binary term weights)."""
    return similarity(a, b, weights)[0]


def different_fact(a: Facts, b: Facts) -> str | None:
    """Why ``a`` cannot fold under ``b`` whatever their words share, or None.

    A figure of ``a`` that ``b`` lacks, or has about something else; words ``a`` quotes that
    ``b`` lacks; a name on each side that the other lacks (days and months compared only with
    each other; an acronym matches the initials of the other's names; who is quoted as the
    source does not count); the same names in another order ("who shot whom", the agent of a
    passive first; where a day or month stands says nothing of it); a word both state but only
    one negates; a negation of ``a`` mostly about words ``b`` does not use ("never checked into
    the clinic" is a claim of its own); words of opposite direction; when ``a`` says one
    word beyond its names, figures and times, ``b`` lacking that word; or a clause of ``a``
    that ``b`` hardly speaks of (``_untold_clause``).
    """
    if not a.numbers <= b.numbers:
        return "a number the other lacks"
    if _number_about_something_else(a, b):
        return "a number about something else"
    if _negation_clash(a, b):
        return "negation"
    if 2 * len(a.negated & b.lemmas) < len(a.negated):
        return "a negation about what the other does not say"
    if a.quoted - b.lemmas:
        return "a quotation the other lacks"
    extra_a = _unmatched_names(a, b)
    extra_b = _unmatched_names(b, a) if extra_a else extra_a  # both sides need one
    if (extra_a & TIME_NAMES) and (extra_b & TIME_NAMES) or (extra_a - TIME_NAMES) and (extra_b - TIME_NAMES):
        return "different names"
    if _in_another_order(a, b):
        return "names in another order"
    if opposed(a, b):
        return "opposite direction"
    if _says_other_of_the_same(a, b):
        return "something else of the same names"
    if _untold_clause(a, b):
        return "a clause the other does not tell"
    return None


def _negation_clash(a: Facts, b: Facts) -> bool:
    """A word both state that only one of them negates."""
    return bool((a.negated & b.lemmas) - b.negated or (b.negated & a.lemmas) - a.negated)


def says_otherwise(a: Facts, b: Facts) -> bool:
    """True when ``a`` says anywhere the opposite of what ``b`` says: a word only one negates,
    words of opposite direction, or the same names in another order of who did what. A
    sentence whose head folds under ``b`` is credited to ``b``'s outlet too; its own clause must
    not contradict ``b`` ("... that *before* the storm members backed the vote" / "... that
    *after* the storm ...")."""
    return _negation_clash(a, b) or opposed(a, b) or _in_another_order(a, b)


UNTOLD_CLAUSE = 3
"""Fewest content words (who said it and when aside) of a clause that can be a fact of its own."""

UNTOLD_SHARE = 1 / 3
"""A clause of which the other sentence states less than this share of its content words is a
fact the other does not tell. Chosen on the labelled dev pairs (benchmarks/real_pairs.py):
with it the information level folded 33 pairs at precision 0.939 and recall 0.477; without the
clause check, 37 at 0.865 and 0.492; with one half, 30 at 0.967 and 0.446 (before brackets in a
quotation were read as the outlet's: now 34 at 0.941 and 0.492)."""


def _untold_clause(a: Facts, b: Facts) -> bool:
    """True when a clause of ``a`` (between its clause words: "..., and a bank employee was
    hurt", "... before starting new projects") has UNTOLD_CLAUSE content words or more and ``b``
    states less than UNTOLD_SHARE of them. A sentence can share most of another's words and
    still add a whole fact of its own, or say the opposite of it in words the two do not share
    ("agencies must again consult biologists before new projects" / "the rule let agencies skip
    the biologists' evidence"): folding it would hide that fact."""
    if not a.breaks:
        return False
    edges = (0, *a.breaks, len(a.words))
    for start, end in zip(edges, edges[1:]):
        clause = {w.lemma for w in a.words[start:end]} - a.sources - TIME_NAMES
        if len(clause) >= UNTOLD_CLAUSE and len(clause & b.lemmas) < UNTOLD_SHARE * len(clause):
            return True
    return False


def _says_other_of_the_same(a: Facts, b: Facts) -> bool:
    """True when ``a`` states one word beyond its names, figures and times, and ``b`` lacks it:
    "Okafor was arrested in Portland" and "Okafor was released in Portland" share their rare
    words, the names, and that one word is the whole of what ``a`` tells."""
    told = a.lemmas - a.names - a.numbers - TIME_NAMES
    return len(told) == 1 and told.isdisjoint(b.lemmas)


def _in_another_order(a: Facts, b: Facts, aside: frozenset[str] = frozenset()) -> bool:
    """True when ``a`` and ``b`` name two or more of the same (who is quoted, days and months,
    and ``aside`` left out: a day does nothing to anyone) in another order of who did what.

    Names in another order may still tell the same: "Okafor was fired as director of the Port
    Authority" and "the Port Authority fired Okafor". When a verb both write as a verb shows
    that no shared name does it in one and undergoes it in the other (``_roles_agree``), the
    order does not count."""
    shared = (a.names & b.names) - a.sources - b.sources - TIME_NAMES - aside
    if len(shared) < 2 or not _inverted(a, b, shared):
        return False
    return not _roles_agree(a, b, shared)


def _inverted(a: Facts, b: Facts, shared: frozenset[str]) -> bool:
    """True when two ``shared`` names stand in one order of who did what in ``a`` and in the
    other in ``b`` (``_roles_in_order``), unless one sentence writes the two in one name or one
    list (``Facts.joined``): "Police Chief Ann Lee" and "Chief of Police Ann Lee", "Lee and
    Ortiz" and "Ortiz and Lee" are not who did what to whom; "Lee over Ortiz" and "Ortiz over
    Lee" are. Past MAX_PAIRED names (a line of title-case words) any other order counts, so
    the work per pair of sentences stays bounded."""
    order_a, order_b = _roles_in_order(a, shared), _roles_in_order(b, shared)
    if order_a == order_b:
        return False
    if len(order_a) > MAX_PAIRED:
        return True
    place = {name: i for i, name in enumerate(order_b)}
    runs_a, runs_b = _runs(a), _runs(b)
    return any(
        place[first] > place[second] and runs_a[first].isdisjoint(runs_a[second]) and runs_b[first].isdisjoint(runs_b[second])
        for i, first in enumerate(order_a)
        for second in order_a[i + 1 :]
    )


MAX_PAIRED = 24
"""Most shared names whose every pair ``_inverted`` looks at, and most shared verbs
``_roles_agree`` reads: past that a line is a list of words, and any other order counts."""


def _runs(found: Facts) -> dict[str, set[int]]:
    """Each name -> the runs it stands in, a run being one name or one list of names
    (``Facts.joined``: "Chief of Police Ann Lee", "Ortiz and Chen", "Lee (Salem)")."""
    runs: dict[str, set[int]] = {}
    run = -1
    for i, word in enumerate(found.words):
        if word.name:
            if not found.joined >> i & 1:
                run = i  # a run is known by the place of its first name
            runs.setdefault(word.lemma, set()).add(run)
    return runs


def _roles_agree(a: Facts, b: Facts, shared: frozenset[str]) -> bool:
    """True when ``a`` and ``b`` write a verb in its -ed or -ing form both, and around each such
    verb no ``shared`` name does it in one sentence and undergoes it in the other ("Smith sued
    Jones" / "Jones sued Smith"), and each shared name stands in the verb's own clause in both
    (``_sides``): a name in another clause may be doing something else ("Smith was attacked
    after Jones arrived"). False whenever in doubt."""
    verbs = sorted({verb for verb, _, _ in a.actions} & {verb for verb, _, _ in b.actions})
    if not verbs or len(verbs) > MAX_PAIRED:  # none tells; or a list of words, not a sentence
        return False
    for verb in verbs:
        doers_a, receivers_a, unsure_a = _sides(a, verb)
        doers_b, receivers_b, unsure_b = _sides(b, verb)
        if (doers_a & receivers_b | receivers_a & doers_b | unsure_a | unsure_b) & shared:
            return False
    return True


def _sides(found: Facts, verb: str) -> tuple[set[str], set[str], set[str]]:
    """The names that do ``verb`` (its first -ed or -ing form), the names that undergo it, and
    the names whose part in it the sentence does not tell (unsure).

    Only names in the verb's own clause (between the clause words around it) take a part.
    Active: the names before the verb do it, those after undergo it; when no name stands before
    it in its clause, its doer is not among the names ("the board fired Lee") or comes after it
    ("Fighting the charges, Lee said"), so all are unsure. Passive ("was fired"): the names
    before it undergo it, those after "by" do it, and the others after it only say where or of
    what ("as director of the Port Authority"), unless written in the possessive: in "Lee was
    attacked near Ortiz's home" Ortiz may be who did it."""
    place, passive = next((i, p) for v, i, p in found.actions if v == verb)
    clause_start = max((k for k in found.breaks if k <= place), default=0)
    clause_end = next((k for k in found.breaks if k > place), len(found.words))
    opens_clause = not passive and not any(w.name for w in found.words[clause_start:place])
    doers: set[str] = set()
    receivers: set[str] = set()
    unsure: set[str] = set()
    for i, word in enumerate(found.words):
        if not word.name or i == place:
            continue
        if i < clause_start or i >= clause_end or opens_clause:
            if not (passive and word.lemma in found.agents):
                unsure.add(word.lemma)
                continue
        if i < place:
            (receivers if passive else doers).add(word.lemma)
        elif passive and word.lemma in found.agents:
            doers.add(word.lemma)
        elif not passive:
            receivers.add(word.lemma)
        elif found.possessives >> i & 1:
            unsure.add(word.lemma)
    return doers, receivers, unsure


def _roles_in_order(found: Facts, shared: frozenset[str]) -> list[str]:
    """The ``shared`` names in the order of who did what: the agent of a passive first ("Smith
    was shot by Jones" reads as "Jones shot Smith"), then the others as the sentence names them."""
    named = [n for n in found.name_order if n in shared]
    return [n for n in named if n in found.agents] + [n for n in named if n not in found.agents]


def _number_about_something_else(a: Facts, b: Facts) -> bool:
    """True when a figure of ``a`` stands in ``b`` only among other words ("12 people injured" /
    "18 injured and 12 arrested"): the same figure counting something else."""
    theirs: dict[str, list[frozenset[str]]] = {}
    for number, context in b.number_contexts:
        theirs.setdefault(number, []).append(context)
    for number, context in a.number_contexts:
        around = theirs.get(number, [])
        if context and around and not any(context & other for other in around if other):
            return True
    return False


def _unmatched_names(a: Facts, b: Facts) -> frozenset[str]:
    """Names of ``a`` that ``b`` lacks, less those that only name a source, less the title words
    of a name both state that ``b`` writes in lowercase ("Police Chief Scott Russell" / "the
    police chief, Scott Russell"), and less those that one side's acronym spells with the
    other's initials ("FBI" / "Federal Bureau of Investigation")."""
    extra = set(a.names - b.names - a.sources)
    if not extra:
        return frozenset()
    if not extra.isdisjoint(b.lemmas):
        for name_run in _name_runs(a.words):
            if not b.names.isdisjoint(name_run):
                extra -= b.lemmas.intersection(name_run)
    if extra and not a.names.isdisjoint(b.names) and any(proper_noun(name) for name in extra):
        extra -= _shortened_by(a, b)
    extra -= {name for name in extra & a.abbreviated if len(name) >= SHORTENED and any(other.startswith(name) for other in b.names if other != name)}
    run = [n for n in a.name_order if n in extra]
    initials = "".join(n[0] for n in run)
    for _, letters in b.acronyms:
        at = initials.find(letters) if len(letters) >= 2 else -1
        if at >= 0:
            extra -= set(run[at : at + len(letters)])
    others = "".join(n[0] for n in b.name_order if n not in a.names)
    for name, letters in a.acronyms:
        if len(letters) >= 2 and letters in others:
            extra.discard(name)
    return frozenset(extra)


SHORTENED = 2
"""Fewest letters of a name written short, with a full stop (``Facts.abbreviated``), that stands
for a longer one it begins ("Tenn." / "Tennessee", "Ga." / "Georgia", "Gov." / "Governor")."""

NAME_STEM = 4
"""Letters two names share at their start when one is a spelling or a shortening of the other
("Technicolour" / "Technicolor", "Tenn." / "Tennessee")."""


def substitutes(a: Facts, b: Facts) -> bool:
    """True when two sentences worded alike tell it of someone else, or the other way round: each
    names someone the other does not (a spelling or shortening of the other's name aside), they
    name the same in another order of who did what ("Smith was shot by Jones" / "Smith shot
    Jones"), or one has a word whose opposite only the other has. A swap of one word in a long
    sentence leaves most of its word trigrams alike ("... said Monday that Dana Smith won the
    seat" / "... Dana Jones won the seat"), so the same-wording groups are checked with this."""
    if opposed(a, b):
        return True
    # a quotation quoted in other words, and who is quoted, are one statement
    if _in_another_order(a, b, a.quoted | b.quoted):
        return True
    extra_a = a.names - b.lemmas - a.sources - a.quoted
    extra_b = b.names - a.lemmas - b.sources - b.quoted
    return bool(extra_a and extra_b and _unlike(extra_a, extra_b) and _unlike(extra_b, extra_a))


def _unlike(names: frozenset[str], others: frozenset[str]) -> bool:
    """True when one of ``names`` is no spelling or shortening of any of ``others``."""
    return any(not _spelt_as_one_of(name, others) for name in names)


def _spelt_as_one_of(name: str, others: frozenset[str]) -> bool:
    """True when ``name`` is a spelling or shortening of one of ``others`` ("technicolour" /
    "technicolor", "tenn" / "tennessee")."""
    return any(name[:NAME_STEM] == other[:NAME_STEM] or name.startswith(other) or other.startswith(name) for other in others)


def _shortened_by(a: Facts, b: Facts) -> set[str]:
    """The proper names of ``a`` that ``b`` leaves out when it writes the same one shorter:
    "Maurice Cheeks" / "Cheeks", "the Washington Nationals" / "the Nationals". A name of ``a``
    counts when it stands right next to a name ``b`` states, in a name that ``b`` writes with
    nothing of its own beside it ("Jim O'Brien" / "Dan O'Brien" stay two people), and is a
    proper noun: the capitalised ordinary words of a headline ("Obama Administration
    Restores ...") are not names of one person."""
    left_out: set[str] = set()
    b_runs = [frozenset(run) for run in _name_runs(b.words, gap=1)]
    for run in _name_runs(a.words, gap=1):
        shared = b.names.intersection(run)
        if shared and all(run_b <= a.names for run_b in b_runs if not shared.isdisjoint(run_b)):
            left_out.update(name for name in run if name not in b.names and proper_noun(name))
    return left_out


NAME_GAP = 2
"""Most characters between two capitalised words of one name ("Chief Scott", "Summit, Inc")."""


def _name_runs(found: Sequence[Word], gap: int = NAME_GAP) -> list[list[str]]:
    """The lemmas of each run of capitalised words that stand together ("Police Chief Scott
    Russell"), at most ``gap`` characters apart."""
    runs: list[list[str]] = []
    previous: Word | None = None
    for word in found:
        if word.name:
            if previous is not None and previous.name and word.start - previous.end <= gap:
                runs[-1].append(word.lemma)
            else:
                runs.append([word.lemma])
        previous = word
    return runs


def tells_same(a: Unit, b: Unit, weights: Weights, params: MeaningParams = DEFAULT_MEANING) -> Fold | None:
    """Whether ``a`` may be folded under ``b`` (not symmetric: ``b`` must cover ``a``).

    Returns the fold with its scores (index and host left 0: the caller fills them), or None.
    """
    fold, _ = _scored(a, b, weights, params)
    if fold is None or fold.how == "quotation" or different_fact(a.facts, b.facts) is None:
        return fold
    return None


def _scored(a: Unit, b: Unit, weights: Weights, params: MeaningParams) -> tuple[Fold | None, float]:
    """``tells_same`` short of its last, dearest check: a fold "by information" still has to pass
    ``different_fact``. A shared quotation decides alone. Also returns the cosine (0 when the
    two cannot be compared)."""
    if not a.foldable or not b.foldable or a.source in b.carriers:
        return None, 0.0
    sim, cov = similarity(a.facts, b.facts, weights)
    if a.quote and _quoted_in(a.quote, b.shingles, params) and a.quote_numbers <= b.facts.numbers:
        return Fold(0, 0, "quotation", round(sim, 4), round(cov, 4)), sim
    coverage = params.coverage_with_figures if len(a.facts.numbers) >= 2 and a.facts.numbers <= b.facts.numbers else params.coverage
    if (sim < params.cosine and not _covered_by_longer(a.facts, sim, cov, params)) or cov < coverage or _too_few_shared(a.facts, b.facts):
        return None, sim
    return Fold(0, 0, "information", round(sim, 4), round(cov, 4)), sim


def _covered_by_longer(a: Facts, sim: float, cov: float, params: MeaningParams) -> bool:
    """``a`` is nearly all in ``b`` (``full_coverage``) and says more than a few words: the
    cosine need only reach ``cosine_when_covered``. A sentence about one thing inside a longer
    one about several ("X will host the Oscars" / "X announced on Friday that she will return as
    host of the Oscars, the second time ...") has a low cosine because the other is long."""
    return cov >= params.full_coverage and sim >= params.cosine_when_covered and len(a.lemmas) > SHORT


def _too_few_shared(a: Facts, b: Facts) -> bool:
    """A short sentence (``SHORT``) shares fewer than two of its lemmas with ``b``."""
    return len(a.lemmas) <= SHORT and len(a.lemmas & b.lemmas) < 2


def _quoted_in(quote: frozenset[str], shingles: frozenset[str], params: MeaningParams) -> bool:
    return bool(quote) and len(quote & shingles) / len(quote) >= params.quote_containment


def remainder(a: Facts, a_carriers: frozenset[int], b: Facts, weights: Weights) -> tuple[Word, ...]:
    """The words of ``a`` that only ``a`` states: ``b`` lacks them and no outlet other than
    ``a_carriers`` uses them anywhere in the story. Shown as ``a``'s addition when it folds. A
    name ``b`` writes in another spelling ("Technicolour" / "Technicolor") is not one of them."""
    return tuple(
        w
        for w in a.words
        if w.lemma not in b.lemmas and not weights.told_by_others(w.lemma, a_carriers) and not (w.name and _spelt_as_one_of(w.lemma, b.names))
    )


@dataclass(frozen=True, slots=True)
class Folding:
    """What the information level decided for a story's units."""

    folds: list[Fold]
    """Every unit that tells what a kept unit tells, with the unit it folds under (by index)."""
    related: dict[int, int]
    """Kept unit -> the more informative kept unit of another outlet it is most like (cosine at
    least ``MeaningParams.related``): not the same information, but about the same thing."""


Agrees = Callable[[int, int, FoldKind], bool]
"""(unit, host, how) -> whether every other wording of the unit tells what the host tells too."""


def _always(unit: int, host: int, how: FoldKind) -> bool:
    return True


@dataclass(frozen=True, slots=True)
class Head:
    """A unit's text without a part of its own: a trailing clause, or a description set off
    after its subject (``clauses.cuts``)."""

    own: tuple[int, int]
    """Where its own part is in the unit's text: shown as its addition when the head folds."""
    lemmas: frozenset[str]
    """The head's lemmas as the whole sentence reads them: enough to rule most hosts out."""
    unit: Callable[[], Unit]
    """The head as a unit of its own (its facts found anew: who is quoted, what a negation
    bears on, may read otherwise without the clause); made only for a host not ruled out."""


Heads = Callable[[int], Sequence[Head]]
"""unit -> its heads, longest first; none for a unit that is not one outlet's one sentence."""


PARALLEL_FROM = 3000
"""From this many sentences to fold on, their candidates are ranked ahead in a forked helper
(``candidates.ranked_ahead``) while this process judges the folds; fewer are not worth a process."""


def fold_by_meaning(
    units: Sequence[Unit], weights: Weights, params: MeaningParams = DEFAULT_MEANING, agrees: Agrees = _always, heads: Heads | None = None
) -> Folding:
    """Fold every unit that tells what a kept unit tells; relate the kept ones to their likes.

    Units are taken most informative first; a unit that folds never takes folds itself, so each
    folded unit is compared directly with the one it is shown under. A unit that stands for a
    same-wording group folds only under a host that ``agrees`` every member of the group tells
    the same about; otherwise it tries its next candidate, and if none is left it is kept and
    takes folds itself. Deterministic, with or without a helper ranking the candidates.
    """
    order = sorted(
        (i for i, u in enumerate(units) if u.foldable and u.facts.lemmas),
        key=lambda i: (-round(weights.weight(units[i].facts.lemmas), 9), -len(units[i].carriers), i),
    )
    postings = Postings(weights.idf, weights.df, params.candidate_df)
    ahead = _ranked_in_background([(i, units[i].facts.lemmas) for i in order], weights, params) if len(order) >= PARALLEL_FROM else None
    kept = bytearray(len(units))
    folds: list[Fold] = []
    related: dict[int, int] = {}
    for index in order:
        unit = units[index]
        ranked = next(ahead).kept(kept.__getitem__, params.candidates) if ahead is not None else None
        if ranked is None:
            ranked = postings.ranked(unit.facts.lemmas, params.candidates)
        fold, like = _best_host(index, unit, ranked, units, weights, params, agrees)
        if fold is not None:
            folds.append(fold)
            continue
        if like is not None:
            related[index] = like
        kept[index] = 1
        postings.post(index, unit.facts.lemmas)
    for _ in ahead or ():  # iterating to the end reaps the helper
        pass
    if heads is not None:
        head_folds = _fold_heads(order, kept, folds, postings, heads, units, weights, params)
        folds += head_folds
        cut = {fold.index for fold in head_folds}
        related = {unit: like for unit, like in related.items() if unit not in cut and like not in cut}
    folds.sort(key=lambda f: f.index)
    return Folding(folds, related)


def _fold_heads(
    order: list[int], kept: bytearray, folds: list[Fold], postings: Postings, heads: Heads, units: Sequence[Unit], weights: Weights, params: MeaningParams
) -> list[Fold]:
    """The second pass: a kept unit that nothing folds under, whose head (``Head``) tells what
    another kept unit tells, folds under it, most informative first. After the first pass, so
    that a sentence folded whole is never lost for a head: a unit that takes folds is never cut,
    and a unit whose head folds takes none."""
    hosting = bytearray(len(units))
    for fold in folds:
        hosting[fold.host] = 1
    cut = {index: found for index in order if kept[index] and not hosting[index] and (found := heads(index))}
    found: list[Fold] = []
    for index, cuts in cut.items():
        if not kept[index] or hosting[index]:
            continue
        fold = _head_fold(index, cuts, lambda lemmas: [h for h in postings.ranked(lemmas, params.candidates + 1).hosts if h != index and kept[h]], units, weights, params)
        if fold is not None:
            found.append(fold)
            kept[index] = 0
            hosting[fold.host] = 1
    return found


def _ranked_in_background(sentences: list[tuple[int, frozenset[str]]], weights: Weights, params: MeaningParams) -> Iterator[Ranked] | None:
    """Every sentence's candidates among all before it, ranked in a forked helper as the fold
    asks for them; None where no helper can be forked (ranking ahead here would only add work)."""
    if not can_fork():
        return None
    return unpacked(stream_in_background(partial(ranked_ahead, sentences, weights.idf, weights.df, params.candidate_df)))


def _head_fold(
    index: int, heads: Sequence[Head], candidates: Callable[[frozenset[str]], list[int]], units: Sequence[Unit], weights: Weights, params: MeaningParams
) -> Fold | None:
    """The fold of a unit's head (its text without a part of its own) under a kept host that
    tells all the head tells, longest head first; None if none does. ``candidates`` ranks the
    kept units for a head's own lemmas (a long part of its own would rank them by itself).

    The host must state nearly all of the head (``full_coverage``), not only most of it: the
    head is a part cut to fit, and only the host shows it (on the dev events, hosts that stated
    half to two thirds of a head mostly told another fact about the same people). Of the hosts
    that do, the one most like the whole unit: its own part is read under that host, so the
    host most about what that part speaks of too ("the facility has not been sanctioned" under
    the sentence about that facility, not under one about another)."""
    floor_cosine = min(params.cosine, params.cosine_when_covered) - HEAD_SLACK
    floor_coverage = params.full_coverage - HEAD_SLACK
    for head in heads:
        possible = [
            host
            for host in candidates(head.lemmas)
            if (scores := _lemma_similarity(head.lemmas, units[host].facts.lemmas, weights))[0] >= floor_cosine and scores[1] >= floor_coverage
        ]
        if not possible:
            continue
        unit = head.unit()
        found = []
        for host in possible:
            fold, _ = _scored(unit, units[host], weights, params)
            if fold is not None and fold.how == "information" and fold.coverage >= params.full_coverage:
                whole = similarity(units[index].facts, units[host].facts, weights)[0]
                found.append((-round(whole, 9), -fold.cosine, host, fold))
        for *_, host, fold in sorted(found, key=lambda item: item[:3]):
            if different_fact(unit.facts, units[host].facts) is None and not says_otherwise(units[index].facts, units[host].facts):
                return Fold(index, host, "clause", fold.cosine, fold.coverage, head.own)
    return None


HEAD_SLACK = 0.05
"""How far below the thresholds a head's scores, read from the whole sentence's lemmas, may be
and still be found anew: its own facts may read a word or two otherwise."""


def _best_host(
    index: int, unit: Unit, ranked: Ranked, units: Sequence[Unit], weights: Weights, params: MeaningParams, agrees: Agrees
) -> tuple[Fold | None, int | None]:
    """The fold of ``unit`` under its best kept host of ``ranked``, else (None, the kept unit it is most like)."""
    if not ranked.hosts:
        return None, None
    norm = weights.norm(unit.facts.lemmas)
    floor = min(params.cosine, params.cosine_when_covered, params.related) - 1e-9
    scored: list[tuple[int, float, int, Fold]] = []
    likes: list[tuple[float, int]] = []
    for host, dot in zip(ranked.hosts, ranked.dots):
        # The cosine can be no higher than with every unposted lemma shared: below both
        # thresholds, tells_same would refuse (unless a quotation decides) and the host is not
        # related, so it is not scored.
        ceiling = (dot + ranked.unposted) / (norm * weights.norm(units[host].facts.lemmas) or 1.0)
        if not unit.quote and ceiling < floor:
            continue
        fold, sim = _scored(unit, units[host], weights, params)
        if fold is not None:
            scored.append((0 if fold.how == "quotation" else 1, -fold.cosine, host, fold))
        if sim >= params.related:
            likes.append((-sim, host))
    # The best host is a shared quotation, else the most similar that passes different_fact:
    # checked best first, the dear checks run only until one passes.
    for _, _, host, fold in sorted(scored, key=lambda item: item[:3]):
        if (fold.how == "quotation" or different_fact(unit.facts, units[host].facts) is None) and agrees(index, host, fold.how):
            return Fold(index, host, fold.how, fold.cosine, fold.coverage), None
    return None, (min(likes)[1] if likes else None)
