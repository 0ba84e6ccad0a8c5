"""Plain text and Markdown to lines: where paragraphs, headings and stacked captions are."""

from __future__ import annotations

import re
from collections.abc import Callable

from digest.ingest.lines import RawLine

# Quotes, brackets and spaces that may follow a sentence's last mark. Typographic quotes are not
# always the closing kind, and re-joined text often leaves a space before the closing quote.
_CLOSERS = r"[\s\"'“”‘’«»)\]]*$"
_SENTENCE_END = re.compile(r"[.!?:;]" + _CLOSERS)
_FULL_STOP_END = re.compile(r"\." + _CLOSERS)
_HEADING_CANNOT_END = re.compile(r"[.!:;,]" + _CLOSERS)


def _is_hard_wrapped(lines: list[str]) -> bool:
    """True when a block is one paragraph broken at a fixed width rather than stacked lines.

    Wrapped prose has long lines that stop mid-sentence; stacked captions, datelines and credits
    are short or end where a sentence ends.
    """
    if len(lines) < 2:
        return False
    body = lines[:-1]
    return all(len(line) >= 40 and not _SENTENCE_END.search(line) for line in body)


def plain_text_lines(text: str) -> list[RawLine]:
    """Split plain text into blocks at blank lines; join a block only when it is hard-wrapped."""
    result: list[RawLine] = []
    for block_no, block in enumerate(re.split(r"\n\s*\n", text)):
        lines = [line.strip() for line in block.split("\n") if line.strip()]
        if _is_hard_wrapped(lines):
            lines = [" ".join(lines)]
        kind = "heading" if len(lines) == 1 and _looks_like_heading(lines[0]) else "paragraph"
        result.extend(RawLine(line, kind, block_no) for line in lines)
    return result


_QUESTION_OPENERS = frozenset(
    "what why how who whom whose when where which will would can could should shall is are was were do does did "
    "has have had may might must".split()
)
"""Words a question that stands as a heading opens with ("What happens next?", "Is the port safe?")."""


def _looks_like_heading(line: str) -> bool:
    """A short standalone line with no sentence end. A question is a heading when it reads as one:
    it opens with a question word or is written in title case; otherwise ("Having second
    thoughts?") it is a line of the text."""
    words = line.split()
    if not 1 <= len(words) <= 10 or not line[0].isupper():
        return False
    if _HEADING_CANNOT_END.search(line) or line.startswith(('"', "“", "'")):
        return False
    if line.rstrip().endswith("?"):
        opener = re.split(r"['’]", words[0].casefold())[0]  # "What's" opens as "What"
        capitalised = sum(1 for word in words if word[:1].isupper())
        return opener in _QUESTION_OPENERS or (len(words) >= 3 and capitalised * 3 >= len(words) * 2)
    return True


HEADLINE_METADATA = frozenset({"standalone date", "dateline", "byline"})
"""Why a line is boilerplate when it is what stands under a headline: its date or its byline."""


def find_title(lines: list[RawLine], boilerplate: Callable[[int], str | None]) -> int | None:
    """Index of the line that is the article's headline, if the text starts with one.

    The headline is the first line that is not boilerplate (``boilerplate(i)``: why line ``i``
    is, or None), standing at the top of its block, short, and not ending as a sentence does
    (news headlines carry no full stop), unless the line after it is a date or a byline: a
    sentence right above the article's date is its headline, full stop or not ("Star dies
    at 91." / "June 6, 2013").
    """
    for index, line in enumerate(lines):
        if boilerplate(index):
            continue
        words = line.text.split()
        first_in_block = index == 0 or lines[index - 1].block != line.block or boilerplate(index - 1) is not None
        long_enough = len(words) >= (1 if line.kind == "heading" else 3)
        if not first_in_block or line.kind == "item" or not long_enough or len(words) > 25:
            return None
        if not _FULL_STOP_END.search(line.text) or (index + 1 < len(lines) and boilerplate(index + 1) in HEADLINE_METADATA):
            return index
        return None
    return None


def markdown_lines(text: str) -> list[RawLine]:
    """Parse Markdown with markdown-it and keep its structure: headings, paragraphs, list items.

    Inline markup goes (emphasis, link targets); an image keeps its source text, so that the
    cleaner can record it as removed instead of it vanishing.
    """
    from markdown_it import MarkdownIt

    source_lines = text.split("\n")
    tokens = MarkdownIt("commonmark").parse(text)
    result: list[RawLine] = []
    block_no = 0
    kind = "paragraph"
    list_depth = 0
    for token in tokens:
        if token.type in ("bullet_list_open", "ordered_list_open"):
            list_depth += 1
        elif token.type in ("bullet_list_close", "ordered_list_close"):
            list_depth -= 1
        elif token.type == "heading_open":
            kind = "heading"
        elif token.type == "paragraph_open":
            kind = "item" if list_depth else "paragraph"
        elif token.type == "inline":
            for line in _inline_lines(token, source_lines):
                result.append(RawLine(line, kind, block_no))
            block_no += 1
        elif token.type in ("fence", "code_block", "html_block"):
            body = re.sub(r"<[^>]+>", " ", token.content) if token.type == "html_block" else token.content
            for line in body.split("\n"):
                if line.strip():
                    result.append(RawLine(line.strip(), "paragraph", block_no))
            block_no += 1
    return result


def _inline_lines(token, source_lines: list[str]) -> list[str]:
    children = token.children or []
    if children and all(c.type in ("image", "softbreak", "hardbreak") or (c.type == "text" and not c.content.strip()) for c in children):
        start, end = token.map if token.map else (0, 0)
        raw = " ".join(line.strip() for line in source_lines[start:end]).strip()
        return [raw] if raw else []
    lines: list[str] = []
    current: list[str] = []
    for child in children:
        if child.type in ("text", "code_inline"):
            current.append(child.content)
        elif child.type == "softbreak":
            current.append(" ")
        elif child.type == "hardbreak":
            lines.append("".join(current))
            current = []
        elif child.type == "image":
            current.append(child.content)
        elif child.type == "html_inline" and re.match(r"<br\s*/?>", child.content, re.I):
            lines.append("".join(current))
            current = []
    lines.append("".join(current))
    return [re.sub(r"\s+", " ", line).strip() for line in lines if line.strip()]
