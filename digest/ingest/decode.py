"""Bytes to clean Unicode text: encoding detection and the normalization every source gets."""

from __future__ import annotations

import codecs
import re
import unicodedata

from digest.safe_text import INVISIBLE, SPACES, visible_controls


class DecodeError(ValueError):
    """The bytes are not text we can read (binary, or no encoding fits)."""


_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: a BOM wins, then strict UTF-8, then a declared charset, then detection.

    UTF-8 is tried strictly first because detection on short texts can mistake UTF-8 for a legacy
    code page; a legacy file almost never decodes as valid UTF-8 by accident.
    """
    if not data.strip():
        raise DecodeError("is empty")
    return _checked(_decoded(data, declared))


def _decoded(data: bytes, declared: str | None) -> str:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace")
    if b"\x00" in data[:8192]:
        raise DecodeError("looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError):
            pass
    from charset_normalizer import from_bytes  # lazy: only legacy files need it

    best = from_bytes(data).best()
    if best is None:
        raise DecodeError("looks like a binary file, not text")
    return str(best)


_NOT_TEXT = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffd]")
"""Control characters other than line ends and tabs, and the replacement character that stands
for bytes no encoding could read: text has almost none."""

BINARY_SHARE = 0.05
"""Share of such characters above which the decoded "text" is a binary file read as text."""


def _checked(text: str) -> str:
    """``text``, unless more than BINARY_SHARE of it is what text does not contain, whichever
    way it was decoded: a binary file behind bytes that look like a byte-order mark, or valid
    UTF-8 full of control characters, is refused like one with a NUL byte near its start."""
    if len(_NOT_TEXT.findall(text)) > BINARY_SHARE * max(1, len(text)):
        raise DecodeError("looks like a binary file, not text")
    return text


def normalize_text(text: str) -> str:
    """Normalize what is invisible or accidental, and nothing the reader would see differently.

    NFC composes accents (NFKC would also rewrite ligatures, superscripts and full-width forms,
    which changes what the reader sees); exotic spaces become plain spaces, zero-width
    characters and soft hyphens go, line ends become ``\\n`` and runs of spaces collapse.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = INVISIBLE.sub("", text)
    text = visible_controls(text)
    lines = [SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")
