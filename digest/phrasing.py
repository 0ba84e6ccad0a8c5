"""Small pieces of English that every output (command line, reader, exports) writes the same way."""

from __future__ import annotations


def plural(count: int, noun: str, nouns: str | None = None) -> str:
    """"1 source", "3 sources"; ``nouns`` for an irregular plural ("story", "stories")."""
    return f"{count} {noun if count == 1 else nouns or noun + 's'}"
