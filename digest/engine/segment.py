"""Paragraphs to sentences, keeping each sentence's exact place in its paragraph.

News text is full of full stops that end no sentence ("U.S.", "Maj. Gen.", "Dec. 27",
"D-Conn."), so a boundary needs a full stop, question or exclamation mark (with any closing
quotes) followed by space and a capital letter, digit or opening quote, and the word before
it must not be a known abbreviation or an initial. When unsure, do not split: a sentence too
long merges less well, but a sentence cut in two loses its meaning.
"""

from __future__ import annotations

import re

ABBREVIATIONS = frozenset(
    "mr mrs ms dr prof gen maj col lt capt cmdr adm sgt cpl pvt sen rep gov pres supt insp det "
    "st mt ft jr sr inc co corp ltd llc bros no nos vol vols fig figs approx est dept univ assn "
    "jan feb mar apr jun jul aug sep sept oct nov dec vs etc al ave blvd rd hon rev messrs mme mlle "
    "conn calif fla mich minn neb nev okla tenn tex wis wyo ariz ark colo kan ky mont".split()
)

_BOUNDARY = re.compile(r"""([.!?…]+)(["'”’)\]]*)(\s+)(?=["'“‘(\[]?[A-Z0-9À-ÖØ-Þ])""")


def _is_abbreviation(before: str) -> bool:
    word = re.search(r"([\w.-]+)$", before)
    if not word:
        return False
    token = word.group(1)
    last = token.split("-")[-1].rstrip(".").split(".")[-1].lower()
    if last in ABBREVIATIONS:
        return True
    if re.fullmatch(r"[A-Za-z]", last):  # an initial, as in "J. Smith"
        return True
    return bool(re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]?", token.rstrip(".") + "."))  # U.S. / a.m.


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Half-open (start, end) ranges of the sentences in ``text``, whitespace excluded."""
    spans: list[tuple[int, int]] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        marks = match.group(1)
        if marks == "." and _is_abbreviation(text[start : match.start()] + "."):
            continue
        end = match.start(3)
        if text[start:end].strip():
            spans.append((start, end))
        start = match.end()
    if text[start:].strip():
        spans.append((start, len(text.rstrip())))
    return [_trim(text, a, b) for a, b in spans]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def split_sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
