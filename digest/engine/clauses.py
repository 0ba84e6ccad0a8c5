"""Where a sentence can be cut around a part of its own: a trailing clause, or a description.

Outlets often tell the same fact and then add one of their own in the same sentence: "A judge
on Saturday sentenced the man to life without parole, *and to hundreds more years on more than
50 charges*" beside "A judge on Saturday sentenced the man to life without parole *after the
jury failed to return a death sentence*". Neither tells all the other does, so neither folds
under the other as a whole, and the reader gets the shared fact twice. Cut before its own
clause, the first sentence's head tells what the second tells: the information level
(``meaning``) folds the head under it and shows the clause, word for word, as the outlet's
addition. Nothing is hidden: the clause is shown, and the head is told by the sentence it is
shown under. The same holds for a description each outlet sets off after the subject in its
own words ("Bettie Page, *the 1950s pin-up model who ...*, has died" beside "Bettie Page,
*whose raven hair ...*, died Thursday"): without it, the core ("Bettie Page has died") folds.

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

RELATIVE = frozenset("which who".split())
"""Clause words that may open a description in the middle of the sentence, not its last clause."""

_PUNCTUATION = re.compile(r"[,;—–]")
_ONLY_PUNCTUATION = re.compile(r"[\s,;—–”’\")\]]*")
"""What may stand between a head's last content word and the clause word: a head that ends in a
function word ("... said that", "... to do it") needs what follows it."""
_HEAD_END = " \t,;—–"
"""Stripped from the end of a head: the comma that closes it belongs to neither part."""

_AUXILIARIES = "is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|should|shall|do|does|did"

_STATES = re.compile(rf"\b(?:{_AUXILIARIES}|\w+ed)\b", re.IGNORECASE)
"""A head that states something has a verb: an auxiliary or a word in -ed. "Said" alone is not
enough: "The newspaper said Nichols, who ..." is no statement without what follows."""

_ASKING = re.compile(r"\W*(?:whether|if|what|how|why)\b", re.IGNORECASE)
"""A sentence that opens so is a question or a subject clause: its head asks or names."""

MAX_CUTS = 2
"""Trailing cuts tried per sentence, from its end: the last clause alone, then the last two."""

_OPENING = "“(["
_CLOSING = "”)]"

_APPOSITIVE_OPENING = re.compile(r",\s+(?:the|a|an|who|whose|which)\b", re.IGNORECASE)
"""Where a description set off after the sentence's subject starts: ", the 1950s pin-up model who ..." """

_VERB_NEXT = re.compile(rf",\s+(?:{_AUXILIARIES}|says|said|[a-z]+ed)\b")
"""A comma that closes a description: the subject's verb follows it, in lowercase ("..., has
died", "..., said on Monday")."""


class Cut(NamedTuple):
    """A place a sentence can be cut: ``own_start:own_end`` of its text is a part of its own
    (a trailing or opening clause, or a description set off between commas), and ``core`` is
    the text left without it, which may fold; the others of its content words are the core's."""

    own_start: int
    own_end: int
    core: str


def cuts(text: str, found: Facts) -> list[Cut]:
    """Every place ``text`` (whose facts are ``found``) can be cut, longest core first: a
    description after its subject, an opening clause, then its trailing clauses from its end."""
    if _ASKING.match(text):
        return []
    return [*_appositive(text), *_leading(text), *_trailing(text, found)]


_LEADING = re.compile(r"\W*(?:" + "|".join(sorted(OWN_CLAUSE_WORDS - {"but"})) + r")\b[^,;]*,\s*", re.IGNORECASE)
"""An opening clause of its own, up to its comma: "After three years of legal delays, ..."."""


def _leading(text: str) -> list[Cut]:
    """A clause of its own that opens the sentence ("After more than three years of delays, the
    man was sentenced to life"): the core is the rest, the main clause."""
    opening = _LEADING.match(text)
    if opening is None or not _balanced(opening.group()):
        return []
    core = text[opening.end() :]
    if not _STATES.search(core):
        return []
    return [Cut(0, len(opening.group().rstrip(" ,;")), core[:1].upper() + core[1:])]


def _appositive(text: str) -> list[Cut]:
    """A description set off between commas right after the sentence's subject ("Bettie Page, the
    1950s pin-up model who helped set the stage for the sexual revolution, has died."): the
    first comma opens it when nothing before it states anything (no verb: it is the subject),
    and it ends at the first comma after which the subject's verb comes. The core is the
    subject and what it did ("Bettie Page has died.")."""
    opening = _APPOSITIVE_OPENING.search(text)
    if opening is None or "," in text[: opening.start()] or _STATES.search(text[: opening.start()]):
        return []
    closing = _VERB_NEXT.search(text, opening.end())
    if closing is None:
        return []
    start, end = opening.start(), closing.start()  # the two commas
    if not (_closed(text[:start]) and _balanced(text[start:end])):
        return []
    core = text[:start] + text[end + 1 :]
    if not _STATES.search(core):
        return []
    description = text[start + 1 : end]
    return [Cut(end - len(description.lstrip()), end, core)]


def _trailing(text: str, found: Facts) -> list[Cut]:
    """The places ``text`` can be cut before a trailing clause of its own, from its end, at most
    MAX_CUTS. Read from the facts' clause breaks: no second tokenization."""
    found_cuts: list[Cut] = []
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
        word = clause_word.group(1).lower()
        if word in AFTER_PUNCTUATION and not _PUNCTUATION.search(before):
            continue
        if word in RELATIVE and _VERB_NEXT.search(text, gap_start + clause_word.end()):
            continue  # "Nichols, who received 485 years, offered ...": the sentence goes on past it
        head = text[: gap_start + len(before.rstrip(_HEAD_END))]
        if _closed(head) and _STATES.search(head):
            found_cuts.append(Cut(gap_start + clause_word.start(), len(text), head))
            if len(found_cuts) == MAX_CUTS:
                break
    return found_cuts


def _closed(head: str) -> bool:
    """True when no quotation or bracket is open at the end of ``head``."""
    if head.count('"') % 2:
        return False
    return all(head.count(opening) <= head.count(closing) for opening, closing in zip(_OPENING, _CLOSING))


def _balanced(part: str) -> bool:
    """True when ``part`` closes every quotation and bracket it opens, and opens every one it closes."""
    return part.count('"') % 2 == 0 and all(part.count(o) == part.count(c) for o, c in zip(_OPENING, _CLOSING))
