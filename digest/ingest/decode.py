"""Bytes to clean Unicode text: encoding detection and the normalization every source gets."""

from __future__ import annotations

import codecs
import re
import unicodedata


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
    text = str(best)
    if _control_share(text) > 0.05:
        raise DecodeError("looks like a binary file, not text")
    return text


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t")
    return controls / max(1, len(text))


_SPACES = re.compile(r"[ \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]+")
_INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\x80-\x9f\u202a-\u202e\u2066-\u2069]")


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

    return _CONTROL.sub(picture, text)


def one_line(text: str) -> str:
    """Untrusted metadata made safe to show on one line: a file name, URL, label, title or site.

    Control characters become visible (see ``visible_controls``, newlines and tabs included),
    invisible characters go, and runs of white space become one space.
    """
    text = _INVISIBLE.sub("", unicodedata.normalize("NFC", text))
    text = visible_controls(text.replace("\n", " ").replace("\r", " ").replace("\t", " "))
    return _SPACES.sub(" ", text).strip()


def normalize_text(text: str) -> str:
    """Normalize what is invisible or accidental, and nothing the reader would see differently.

    NFC composes accents (NFKC would also rewrite ligatures, superscripts and full-width forms,
    which changes what the reader sees); exotic spaces become plain spaces, zero-width
    characters and soft hyphens go, line ends become ``\\n`` and runs of spaces collapse.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    text = text.replace("\u2029", "\n\n")
    text = unicodedata.normalize("NFC", text)
    text = _INVISIBLE.sub("", text)
    text = visible_controls(text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    return "\n".join(lines).strip("\n")
