"""Word-level details: which words of a sentence no other source has.

A word counts as shared when some run of ``SHINGLE_SIZE`` words containing it also appears in
another source (anywhere in it). What is left are the outlet's own words: a clause added to
wire copy, the framing around a quoted statement, a different figure. Runs made only of
stopwords ("the", "and") or of one lone word that is not a number are not details: a single
different word is usually rewording, not news.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest.engine.normalize import SHINGLE_SIZE, STOPWORDS, Token
from digest.model import Span


def shingle_owners(sentences: Sequence[tuple[int, Sequence[Token]]]) -> dict[tuple[str, ...], set[int]]:
    """For every word run of SHINGLE_SIZE words (or a whole shorter sentence): its sources."""
    owners: dict[tuple[str, ...], set[int]] = {}
    for source, tokens in sentences:
        for key in _keys(tokens):
            owners.setdefault(key, set()).add(source)
    return owners


def _keys(tokens: Sequence[Token]) -> list[tuple[str, ...]]:
    words = [t.norm for t in tokens]
    if len(words) < SHINGLE_SIZE:
        return [tuple(words)] if words else []
    return [tuple(words[i : i + SHINGLE_SIZE]) for i in range(len(words) - SHINGLE_SIZE + 1)]


def _windows(count: int) -> list[range]:
    """Token positions covered by each key of a sentence of ``count`` tokens."""
    if count < SHINGLE_SIZE:
        return [range(count)] if count else []
    return [range(i, i + SHINGLE_SIZE) for i in range(count - SHINGLE_SIZE + 1)]


def _is_detail(run: Sequence[Token], sentence_length: int) -> bool:
    if len(run) == sentence_length:
        return True
    content = [t for t in run if t.norm not in STOPWORDS]
    return len(content) >= 2 or any(t.norm[0].isdigit() for t in content)


def sharing_sources(source: int, tokens: Sequence[Token], owners: dict[tuple[str, ...], set[int]]) -> set[int]:
    """The other sources that carry at least one word run of this sentence."""
    partners: set[int] = set()
    for key in _keys(tokens):
        partners |= owners.get(key, set())
    partners.discard(source)
    return partners


def new_word_spans(source: int, tokens: Sequence[Token], owners: dict[tuple[str, ...], set[int]]) -> tuple[Span, ...]:
    """Spans of ``tokens`` that no other source carries."""
    shared = [False] * len(tokens)
    for key, window in zip(_keys(tokens), _windows(len(tokens))):
        carriers = owners.get(key)
        if carriers and (len(carriers) > 1 or source not in carriers):
            for position in window:
                shared[position] = True
    spans: list[Span] = []
    run: list[Token] = []
    for token, is_shared in zip(list(tokens) + [None], shared + [True]):  # type: ignore[list-item]
        if not is_shared and token is not None:
            run.append(token)
            continue
        if run and _is_detail(run, len(tokens)):
            spans.append(Span(run[0].start, run[-1].end))
        run = []
    return tuple(spans)
