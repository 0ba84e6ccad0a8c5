"""Untrusted text stays text: what every output does to article text, names, labels and URLs.

Nothing an outlet wrote, nor any file name, label or address a user gave, may reach a terminal or
an export as an escape sequence. Pure functions, used by ingest (where text enters the model), the
command line and the reader alike.
"""

from __future__ import annotations

import re
import unicodedata

SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


def visible_controls(text: str) -> str:
    """Replace control characters with visible symbols so text never drives the terminal.

    ESC becomes U+241B (␛) and so on: the reader sees that something was there, and no escape
    sequence ever reaches a terminal or a Markdown file. Bidirectional embeddings, overrides and
    isolates, which can make text display in another order than it reads, become U+FFFD.
    """

    def picture(match: re.Match[str]) -> str:
        code = ord(match.group())
        if code < 0x20:
            return chr(0x2400 + code)
        if code == 0x7F:
            return "\u2421"
        return "\ufffd"

    return CONTROL.sub(picture, text)


def one_line(text: str) -> str:
    """Untrusted metadata made safe to show on one line: a file name, URL, label, title or site.

    Control characters become visible (see ``visible_controls``, newlines and tabs included),
    invisible characters go, and runs of white space become one space.
    """
    text = INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = visible_controls(text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
    return SPACES.sub(" ", text).strip()


MAX_TITLE = 300
"""Characters of a title worth showing: a longer "title" is a paragraph that stood first."""


def clip(text: str, limit: int = MAX_TITLE) -> str:
    """``text`` cut at a word before ``limit`` characters, with an ellipsis when cut."""
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip() + "…"
