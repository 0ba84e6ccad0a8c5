"""An outlet's details: the words of a sentence that no other outlet states anywhere in the story.

A content word is new for an outlet when no other outlet uses its lemma in any sentence of the
story (``meaning.Weights.owners``), so a rewording of what others said is not a detail, and a
name or figure only this outlet gives is. New words close together (only function words between
them, in one phrase: no comma, dash, bracket or quotation mark) form one span. A span is a
detail when it holds a name or a number, or two or more content words; one lone new word is
usually a synonym, not news.

A sentence that only one outlet carries is already credited to it by its marker (‹only B›), so
there only names and figures are highlighted, and nothing when they would cover most of the
sentence: bold that covers everything says nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from digest.engine.lexicon import Facts, Word
from digest.engine.meaning import Weights
from digest.model import Span

MOST_OF_A_SENTENCE = 0.6
"""Share of a single-outlet sentence's content words above which highlighting stops."""


PHRASE_BREAK = re.compile(r"[,;:()\[\]\"“”‘’«»–—]|\s[-‐‑]|[-‐‑]\s")
"""What ends a phrase between two words: a span of new words does not reach across it, so
"**Supermax**, in **Florence**" is bold where "Supermax - in Florence, Colo., which has the
reputation" was bold whole, and a span never opens in a quotation and closes outside it."""


NAME_JOINT = re.compile(r"\s*[-‐‑]?\s*")
"""What may stand between two words of one name ("New York Times", "Jean-Luc")."""


def detail_runs(text: str, words: Sequence[Word], is_new: Callable[[Word], bool], credited_alone: bool) -> list[list[Word]]:
    """Runs of consecutive new words (in ``words``' order, one phrase of ``text``) that count as a
    detail. A run that begins or ends inside a name takes in the whole name: only "York" of "The
    New York Times" may be a word no other outlet uses, but the new detail is the newspaper."""
    runs: list[list[int]] = []
    current: list[int] = []
    for index, word in enumerate(words):
        if is_new(word):
            if current and PHRASE_BREAK.search(text, words[current[-1]].end, word.start):
                runs.append(current)
                current = []
            current.append(index)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    details: list[list[int]] = []
    for run in runs:
        if not _is_detail([words[i] for i in run], credited_alone):
            continue
        first, last = run[0], run[-1]
        while first > 0 and _one_name(text, words[first - 1], words[first]):
            first -= 1
        while last + 1 < len(words) and _one_name(text, words[last], words[last + 1]):
            last += 1
        previous = details[-1][-1] if details else -2
        if first <= previous or (first == previous + 1 and _one_name(text, words[previous], words[first])):
            details[-1] = list(range(details[-1][0], last + 1))  # one name joins it to the run before
        else:
            details.append(list(range(first, last + 1)))
    return [[words[i] for i in run] for run in details]


def _one_name(text: str, before: Word, after: Word) -> bool:
    """True when two neighbouring words are parts of one name: both capitalised, nothing but a
    space or hyphen between them, the first not a possessive ("Syria's Aleppo") and the second
    not the head of a compound that modifies what follows ("Shiite Iran-backed militia")."""
    if not (before.name and after.name) or NAME_JOINT.fullmatch(text, before.end, after.start) is None:
        return False
    return not text.endswith(_POSSESSIVE, before.start, before.end) and not _COMPOUND_AFTER.match(text, after.end)


_POSSESSIVE = ("'s", "’s", "'", "’")
_COMPOUND_AFTER = re.compile(r"[-‐‑][a-z]")


def new_spans(text: str, facts: Facts, source: int, weights: Weights, credited_alone: bool) -> tuple[Span, ...]:
    """Character spans of ``text`` (whose facts are ``facts``) that only ``source`` states in the story.

    ``credited_alone``: the sentence is shown as this outlet's alone (its marker says so).
    """
    if not weights.has_own_words(facts.lemmas, source):
        return ()  # most sentences: every word is told by another outlet too
    sole_owner = weights.sole_owner
    details = detail_runs(text, facts.words, lambda word: sole_owner.get(word.lemma) == source, credited_alone)
    if credited_alone and facts.words:
        covered = sum(len(run) for run in details)
        if covered > MOST_OF_A_SENTENCE * len(facts.words):
            return ()
    return tuple(Span(run[0].start, run[-1].end) for run in details)


def _is_detail(run: list[Word], credited_alone: bool) -> bool:
    if any(word.name or word.number for word in run):
        return True
    return not credited_alone and len(run) >= 2
