"""HTML to lines and metadata, with trafilatura doing the main-text extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.engine.normalize import word_count
from digest.ingest.decode import normalize_text
from digest.ingest.lines import RawLine


class NoArticleError(ValueError):
    """The page has no main text that trafilatura recognises as an article."""


MOSTLY_LINKS = 0.6
"""A page whose extracted text is this much link text is an index or navigation, not an article."""
MIN_PARAGRAPH_WORDS = 8
"""An article has at least one paragraph of this many words that is not mostly a link."""


def _is_running_text(line: RawLine) -> bool:
    return line.kind == "paragraph" and line.link_share < 0.5 and word_count(line.text) >= MIN_PARAGRAPH_WORDS


@dataclass(frozen=True)
class HtmlArticle:
    lines: list[RawLine]
    title: str | None
    site: str | None
    date: str | None
    author: str | None


_LINE_TAGS = {"p": "paragraph", "head": "heading", "item": "item", "quote": "paragraph", "row": "paragraph"}


def extract_article(html: str, url: str | None = None) -> HtmlArticle:
    """Extract the article body as structured lines (headings, paragraphs, list items).

    Comments are left out: readers' comments are not the outlet's story. trafilatura's XML
    body is walked rather than its plain-text output so that headings stay headings.
    """
    import trafilatura  # lazy: it costs a noticeable share of start-up

    from trafilatura.settings import set_date_params

    # No extensive date search: it guesses from the text ("In 2008, …" became 2008-01-01), and
    # a wrong date splits a story (engine/grouping.py); only the page's own metadata counts.
    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        include_links=True,
        date_extraction_params=set_date_params(extensive=False),
    )
    if document is None or document.body is None:
        raise NoArticleError("has no article text that could be extracted")
    lines = _body_lines(document.body)
    if not lines:
        raise NoArticleError("has no article text that could be extracted")
    if link_share(lines) >= MOSTLY_LINKS:
        raise NoArticleError(f"has no article: {link_share(lines):.0%} of its text is links (a navigation or index page)")
    if not any(_is_running_text(line) for line in lines):
        raise NoArticleError("has no article: no paragraph of running text, only headings, links or short lines")
    return HtmlArticle(
        lines=lines,
        title=_clean_meta(document.title),
        site=_clean_meta(document.sitename) or _clean_meta(document.hostname),
        date=_clean_meta(document.date),
        author=_clean_meta(document.author),
    )


def _clean_meta(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = normalize_text(value)
    return value or None


_BLOCK_TAGS = {"p", "head", "list", "item", "quote", "table", "row"}
"""Elements that start a line of their own, wherever they stand."""


def _body_lines(body) -> list[RawLine]:
    """Every piece of text in trafilatura's body, in document order, as lines.

    Line elements (paragraphs, headings, list items, table rows, quotes) give their lines. Text
    that stands between them in the body or a container (an element's tail, a container's own
    text, inline links there: a bare subheading, a disclaimer, a byline of fields) is gathered
    into lines of its own instead of being lost, with its share of link text.
    """
    lines: list[RawLine] = []
    loose: list[tuple[str, bool]] = []  # (text, is link text) since the last line element

    def add(texts: list[str], kind: str, share: float) -> None:
        block = len({line.block for line in lines})
        lines.extend(RawLine(text, kind, block, share) for text in texts)

    def flush() -> None:
        text = "".join(t for t, _ in loose)
        total = len(text.strip())
        if total:
            linked = sum(len(t.strip()) for t, is_link in loose if is_link)
            add(_split_lines(text), "paragraph", linked / total)
        loose.clear()

    def walk(container) -> None:
        if container.text:
            loose.append((_spaced(container.text), container.tag == "ref"))
        for child in container:
            if _is_line(child):
                flush()
                add(_element_text_lines(child), _LINE_TAGS[child.tag], _link_share(child))
            elif child.tag == "lb":
                loose.append(("\n", False))
            elif child.tag in _BLOCK_TAGS or child.tag == "table":
                flush()
                walk(child)
                flush()
            else:
                if child.tag == "ref" and loose and _glued(loose[-1][0], "".join(child.itertext())):
                    loose.append((" ", False))
                walk(child)
                if child.tag == "ref" and child.tail and _glued("".join(child.itertext()), child.tail):
                    loose.append((" ", False))
            if child.tail:
                loose.append((_spaced(child.tail), False))

    walk(body)
    flush()
    return lines


def _is_line(element) -> bool:
    """A line element; a quote made of paragraphs is a container of lines instead."""
    if element.tag not in _LINE_TAGS:
        return False
    return not (element.tag == "quote" and any(child.tag in _BLOCK_TAGS for child in element))


def _link_share(element) -> float:
    total = len("".join(element.itertext()).strip())
    linked = sum(len("".join(ref.itertext()).strip()) for ref in element.iter("ref"))
    return linked / total if total else 0.0


def link_share(lines: list[RawLine]) -> float:
    """Share of the extracted text's characters that are link text."""
    total = sum(len(line.text) for line in lines)
    return sum(len(line.text) * line.link_share for line in lines) / total if total else 0.0


def _split_lines(text: str) -> list[str]:
    text = normalize_text(text)
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]


def _element_text_lines(element) -> list[str]:
    """The element's text, split where it had explicit line breaks (<lb/>) or nested blocks.

    trafilatura sometimes drops the space after a link ("MacBook Prowas", its issue #661): at a
    link's end, a space goes back between two letters. Other inline elements are joined as
    they are, so that a drop cap ("<hi>T</hi>he") stays one word.
    """
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("list", "item", "p", "quote") and element.tag == "quote":
            continue
        elif child.tag in _BLOCK_TAGS:
            parts.append("\n" + "".join(child.itertext()) + "\n")
        elif child.tag == "cell":
            parts.append(" " + "".join(child.itertext()) + " ")
        else:
            parts.append("".join(child.itertext()))
        if child.tail:
            if child.tag == "ref" and parts and _glued(parts[-1], child.tail):
                parts.append(" ")
            parts.append(child.tail)
    return _split_lines("".join(parts))


def _spaced(text: str) -> str:
    """Newlines in the page's source are white space; only <lb/> breaks a line."""
    return text.replace("\r", " ").replace("\n", " ")


def _glued(before: str, after: str) -> bool:
    return bool(before) and bool(after) and before[-1].isalnum() and after[0].isalnum()
