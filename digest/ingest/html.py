"""HTML to lines and metadata, with trafilatura doing the main-text extraction."""

from __future__ import annotations

import re
from dataclasses import dataclass

from digest.ingest.decode import normalize_text
from digest.ingest.lines import RawLine


class NoArticleError(ValueError):
    """The page has no main text that trafilatura recognises as an article."""


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

    document = trafilatura.bare_extraction(
        html, url=url, with_metadata=True, include_comments=False, include_tables=True, include_links=True
    )
    if document is None or document.body is None:
        raise NoArticleError("has no article text that could be extracted")
    lines = _body_lines(document.body)
    if not lines:
        raise NoArticleError("has no article text that could be extracted")
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


def _body_lines(body) -> list[RawLine]:
    lines: list[RawLine] = []
    block = 0
    for element in body.iter():
        kind = _LINE_TAGS.get(element.tag)
        if kind is None or _has_line_ancestor(element):
            continue
        share = _link_share(element)
        for text in _element_text_lines(element):
            lines.append(RawLine(text, kind, block, share))
        block += 1
    return lines


def _link_share(element) -> float:
    total = len("".join(element.itertext()).strip())
    linked = sum(len("".join(ref.itertext()).strip()) for ref in element.iter("ref"))
    return linked / total if total else 0.0


def _has_line_ancestor(element) -> bool:
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _LINE_TAGS and parent.tag != "quote":
            return True
        if parent.tag == "quote" and element.tag != "p":
            return True
        parent = parent.getparent()
    return False


def _element_text_lines(element) -> list[str]:
    """The element's text, split where it had explicit line breaks (<lb/>)."""
    parts: list[str] = []
    if element.text:
        parts.append(element.text)
    for child in element:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("list", "item", "p", "quote") and element.tag == "quote":
            continue
        elif child.tag == "cell":
            parts.append(" " + "".join(child.itertext()) + " ")
        else:
            parts.append("".join(child.itertext()))
        if child.tail:
            parts.append(child.tail)
    text = normalize_text("".join(parts))
    return [re.sub(r"\s+", " ", line).strip() for line in text.split("\n") if line.strip()]
