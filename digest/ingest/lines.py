"""The line-level form every format is brought to before cleaning."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

LineKind = Literal["paragraph", "heading", "item"]


@dataclass(frozen=True)
class RawLine:
    """One line of extracted text, before cleaning.

    ``block`` groups lines that stood together (one HTML element, or lines of plain text with
    no blank line between them): captions and credits come in such stacks, headings stand alone.
    """

    text: str
    kind: LineKind = "paragraph"
    block: int = 0
    link_share: float = 0.0
    """Share of the text that is link text (HTML only): lists of links are navigation."""
