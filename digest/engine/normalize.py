"""Comparison form of text: tokens that ignore case, quote style, punctuation and acronym dots.

Numbers are kept (without thousands separators): two outlets reporting different figures are
reporting different details, and the comparison must see that.
"""

from __future__ import annotations

import re
from array import array
from sys import intern
from collections.abc import Sequence
from functools import lru_cache

_TOKEN = re.compile(r"\d+(?:[.,]\d+)*\w*|\w+(?:['’.]\w+)*\.?", re.UNICODE)
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
"""Characters of scripts written without spaces between words (Chinese, Japanese): each one
is a token of its own, so that shingles, word counts and details work for them as for others."""
_ACRONYM = re.compile(r"^(?:\w\.)+\w?\.?$")

STOPWORDS = frozenset(
    "a an the and or but of to in on at by for with from as is was were be been are it its this that "
    "these those he she they his her their we our you your i not no has have had will would said says".split()
)


class Tokens:
    """A text's normalized words and where each stands in it: ``norms[i]`` is the word at
    ``text[starts[i]:ends[i]]``.

    Parallel sequences rather than an object per word: a story of 10,000 articles has millions of
    words, and its sentences' tokens are kept from segmenting until their facts are found; as
    a list of strings and two arrays of offsets they take a fifth of the memory of a tuple per
    word, and are made faster."""

    __slots__ = ("norms", "starts", "ends")

    def __init__(self) -> None:
        self.norms: list[str] = []
        self.starts = array("I")
        self.ends = array("I")

    def add(self, norm: str, start: int, end: int) -> None:
        self.norms.append(norm)
        self.starts.append(start)
        self.ends.append(end)


@lru_cache(maxsize=65536)
def _normalize_token(raw: str) -> str:
    if raw[0].isdigit():  # "1,000" is 1000; "76ERS", "5PM" are written in either case
        return raw.replace(",", "").rstrip(".").casefold()
    if _ACRONYM.match(raw):
        return raw.replace(".", "").casefold()
    raw = raw.rstrip(".")
    return raw.replace("'", "").replace("’", "").replace(".", "").casefold()


def _token_form(raw: str) -> tuple[str, int]:
    """(normalized form, characters to drop from the end of its span): the full stop that ends
    a sentence is not part of a word, an acronym's is."""
    trim = 1 if raw.endswith(".") and not _ACRONYM.match(raw) else 0
    return _normalize_token(raw), trim


_FORMS: dict[str, tuple[str, int]] = {}
"""Raw word -> ``_token_form``, filled as words are met: a plain dictionary, not an lru_cache,
because this lookup runs for every word of every sentence and a dictionary's ``get`` is the
cheapest call Python has (a fifth of tokenizing a day's articles)."""

_FORMS_MEMORY = 262144
"""Most forms remembered: a long-running reader's memory stays bounded."""


def tokenize(text: str) -> Tokens:
    """Normalized tokens with their character offsets in ``text``.

    "U.S." and "US" both become "us", "Ortiz’s" and "Ortiz's" both "ortizs", "1,000" is "1000";
    a trailing full stop that ends a sentence is not part of a word's span.
    """
    tokens = Tokens()
    add_norm, add_start, add_end = tokens.norms.append, tokens.starts.append, tokens.ends.append
    unspaced_possible = not text.isascii() and UNSPACED.search(text) is not None
    forms = _FORMS
    for match in _TOKEN.finditer(text):
        raw = match.group()
        if unspaced_possible and UNSPACED.search(raw):
            _add_unspaced(tokens, raw, match.start())
            continue
        form = forms.get(raw)
        if form is None:
            form = _token_form(raw)
            if len(forms) < _FORMS_MEMORY:
                forms[raw] = form
        norm, trim = form
        if norm:
            start, end = match.span()
            add_norm(norm)
            add_start(start)
            add_end(end - trim)
    return tokens


def _add_unspaced(tokens: Tokens, raw: str, offset: int) -> None:
    """A run mixing unspaced characters and others: one token per unspaced character, the
    rest as ordinary tokens."""
    position = 0
    for found in UNSPACED.finditer(raw):
        if found.start() > position:
            for match in _TOKEN.finditer(raw[position : found.start()]):
                norm = _normalize_token(match.group())
                if norm:
                    tokens.add(norm, offset + position + match.start(), offset + position + match.end())
        tokens.add(found.group(), offset + found.start(), offset + found.end())
        position = found.end()
    for match in _TOKEN.finditer(raw[position:]):
        norm = _normalize_token(match.group())
        if norm:
            tokens.add(norm, offset + position + match.start(), offset + position + match.end())


def word_count(text: str) -> int:
    """How many words ``text`` has, counting each character of an unspaced script as one."""
    if text.isascii() or UNSPACED.search(text) is None:
        return len(text.split())
    unspaced = len(UNSPACED.findall(text))
    return unspaced + sum(1 for piece in text.split() if not UNSPACED.search(piece))


def words(text: str) -> list[str]:
    """Just the normalized words of ``text``."""
    return tokenize(text).norms


SHINGLE_SIZE = 3
"""Words per shingle. Three words keep phrase order without making one changed word fatal
(``shingles`` spells the three out: it runs for every sentence of a story)."""


def shingles(norm_words: Sequence[str]) -> frozenset[str]:
    """Overlapping word trigrams (SHINGLE_SIZE); a text shorter than that is one shingle of all its words."""
    if not norm_words:
        return frozenset()
    if len(norm_words) < SHINGLE_SIZE:
        return frozenset({" ".join(norm_words)})
    # Interned: near-duplicate sentences share most shingles, and a day's articles hold
    # millions; one string per distinct shingle instead of one per occurrence.
    return frozenset(map(intern, [f"{a} {b} {c}" for a, b, c in zip(norm_words, norm_words[1:], norm_words[2:])]))


QUOTATION = re.compile(r"[“\"]([^“”\"]+)[”\"]")
"""A quotation in double quotes, curly or straight (group 1: its words). The marks need not be a
matching pair: text pasted between systems often opens with one kind and closes with the other."""
MIN_QUOTE_WORDS = 6


def quotation(text: str) -> tuple[int, int] | None:
    """The character span (marks included) of the one quotation a sentence carries, if it
    carries exactly one of MIN_QUOTE_WORDS words or more; None otherwise (no quote, a fragment,
    or several)."""
    found = list(QUOTATION.finditer(text))
    if len(found) != 1:
        return None
    inner = found[0].group(1)
    return found[0].span() if len(words(inner)) >= MIN_QUOTE_WORDS else None


def quoted_words(text: str) -> list[str] | None:
    """The words of the sentence's one quotation (see ``quotation``), or None."""
    span = quotation(text)
    return words(text[span[0] + 1 : span[1] - 1]) if span else None


NEGATION_WORDS = frozenset(
    "not no never without none nobody nothing neither nor cannot dont doesnt didnt isnt arent wasnt werent "
    "wont cant couldnt wouldnt shouldnt hasnt havent hadnt aint mustnt neednt "
    "deny denies denied denying refuse refuses refused refusing fail fails failed failing "
    "不 没 沒 未 非 无 無 别 別 勿".split()
)
"""Words (normalized, apostrophes gone) that negate what follows, verbs that do ("refused to
sign") among them: a sentence with one and a sentence without one state different facts,
however alike their other words are."""


NEGATION_SCOPE = 4
"""A negation bears on the next few words ("did not sign the bill"). The wording level uses this
alone; the information level reads on to the end of the clause (``lexicon.NEGATION_REACH``)."""


def negated(norm_words: Sequence[str]) -> frozenset[str]:
    """The negating words of a text and the words in their scope (empty when it negates nothing):
    two texts differ in fact when a word both have is negated in only one of them."""
    if NEGATION_WORDS.isdisjoint(norm_words):
        return _EMPTY
    found: set[str] = set()
    for position, word in enumerate(norm_words):
        if word in NEGATION_WORDS:
            found.update(norm_words[position : position + 1 + NEGATION_SCOPE])
    return frozenset(found)


def numbers(norm_words: Sequence[str]) -> frozenset[str]:
    """The numbers a text states; differing numbers mark different details."""
    return compact(frozenset(w for w in norm_words if w[0].isdigit()))


_EMPTY: frozenset = frozenset()


def compact(found: frozenset) -> frozenset:
    """``found``, or the one shared empty frozenset when it is empty: most sentences have no
    figure, negation or quotation, and each empty set built from a generator is a new object
    of 216 bytes (a 10,000-article story has hundreds of thousands of them)."""
    return found or _EMPTY
