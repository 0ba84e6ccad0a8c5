"""Where a sentence can be cut before a trailing clause of its own.

Outlets often tell the same fact and then add one of their own in the same sentence: "A judge
on Saturday sentenced the man to life without parole, *and to hundreds more years on more than
50 charges*" beside "A judge on Saturday sentenced the man to life without parole *after the
jury failed to return a death sentence*". Neither tells all the other does, so neither folds
under the other as a whole, and the reader gets the shared fact twice. Cut before its own
clause, the first sentence's head tells what the second tells: the information level
(``meaning``) folds the head under it and shows the clause, word for word, as the outlet's
addition. Nothing is hidden: the clause is shown, and the head is told by the sentence it is
shown under.

A cut stands before a word that starts a clause of its own ("after", "because", "but", "when",
...), or before "and", "which" or "who" right after a comma, semicolon or dash ("..., and to
hundreds more years"): a bare "and" joins two nouns as often as two clauses ("two women and a
man"), and a bare "that" or "who" mostly starts what the head needs ("announced that",
"the man who killed"). Never inside a quotation or brackets: a quotation is never split; and
never after a function word: a head that ends "said that" or "to do it" needs what follows. The
head must tell something: it has a verb (an auxiliary, "said", or a word in -ed: "Esther
Williams, swimming champion, actress" is no statement), and it is not itself a question or a
subject clause ("Whether he knew Wilhelm was an agent before he killed him could make a
difference" does not state that he knew).
"""

from __future__ import annotations

import re
from typing import NamedTuple

from digest.engine.lexicon import Facts

OWN_CLAUSE_WORDS = frozenset("but while although though because since after before when whereas".split())
"""Words that start a clause of its own wherever they stand."""

AFTER_PUNCTUATION = frozenset("and which who".split())
"""Words that start a clause of its own after a comma, semicolon or dash."""

_CLAUSE_WORD = re.compile(r"\b(" + "|".join(sorted(OWN_CLAUSE_WORDS | AFTER_PUNCTUATION)) + r")\b", re.IGNORECASE)
_PUNCTUATION = re.compile(r"[,;—–]")
_ONLY_PUNCTUATION = re.compile(r"[\s,;—–”’\")\]]*")
"""What may stand between a head's last content word and the clause word: a head that ends in a
function word ("... said that", "... to do it") needs what follows it."""
_HEAD_END = " \t,;—–"
"""Stripped from the end of a head: the comma that closes it belongs to neither part."""

_STATES = re.compile(r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did|says|said|\w+ed)\b", re.IGNORECASE)
"""A head that states something has a verb: an auxiliary, "said", or a word in -ed."""

_ASKING = re.compile(r"\W*(?:whether|if|what|how|why)\b", re.IGNORECASE)
"""A sentence that opens so is a question or a subject clause: its head asks or names."""

MAX_CUTS = 2
"""Cuts tried per sentence, from its end: the last clause alone, then the last two."""

_OPENING = "“(["
_CLOSING = "”)]"


class Cut(NamedTuple):
    """Where a sentence can be cut: its head is ``text[:head_end]``, and its own clause starts
    at ``clause_start`` (with its clause word); ``words`` of its content words are in the head."""

    head_end: int
    clause_start: int
    words: int


def tail_cuts(text: str, found: Facts) -> list[Cut]:
    """The places ``text`` (whose facts are ``found``) can be cut before a trailing clause of its
    own, from its end, at most MAX_CUTS. Read from the facts' clause breaks: no second
    tokenization."""
    cuts: list[Cut] = []
    if _ASKING.match(text):
        return cuts
    words = found.words
    for k in sorted(set(found.breaks), reverse=True):
        if not 0 < k < len(words):
            continue
        gap_start = words[k - 1].end
        gap = text[gap_start : words[k].start]
        clause_word = _CLAUSE_WORD.search(gap)
        if clause_word is None:
            continue
        before = gap[: clause_word.start()]
        if not _ONLY_PUNCTUATION.fullmatch(before):
            continue
        if clause_word.group(1).lower() in AFTER_PUNCTUATION and not _PUNCTUATION.search(before):
            continue
        head_end = gap_start + len(before.rstrip(_HEAD_END))
        head = text[:head_end]
        if _closed(head) and _STATES.search(head):
            cuts.append(Cut(head_end, gap_start + clause_word.start(), k))
            if len(cuts) == MAX_CUTS:
                break
    return cuts


def _closed(head: str) -> bool:
    """True when no quotation or bracket is open at the end of ``head``."""
    if head.count('"') % 2:
        return False
    return all(head.count(opening) <= head.count(closing) for opening, closing in zip(_OPENING, _CLOSING))
