"""The HTML path: trafilatura extraction, metadata, then the shared cleaner."""

import pytest

from digest.ingest.html import NoArticleError, extract_article
from digest.ingest.load import load_one, parse_text
from tests.conftest import FIXTURES


def test_article_text_metadata_and_headings():
    source = load_one(str(FIXTURES / "harbor_fire.html"))
    assert source.label == "The Coastal Ledger"
    assert source.title == "Fire guts warehouse at Eastport harbor"
    assert source.date == "2024-03-14"
    assert source.author == "Dana Whitfield"
    texts = [p.text for p in source.paragraphs]
    assert texts[0].startswith("A fire tore through a disused fish-packing warehouse")
    assert ("heading", "What caused the fire?") in [(p.kind, p.text) for p in source.paragraphs]
    assert any(t.startswith("Harbor master Tom Reyes said") for t in texts)


def test_boilerplate_left_by_trafilatura_is_removed_with_reasons():
    source = load_one(str(FIXTURES / "harbor_fire.html"))
    texts = " ".join(p.text for p in source.paragraphs)
    for junk in ("Sign up for our free morning newsletter", "contributed to this report", "Related stories", "Town council approves"):
        assert junk not in texts
    reasons = {r.reason for r in source.removed}
    assert {"newsletter or subscription prompt", "contributor line"} <= reasons


def test_page_without_article_is_refused():
    with pytest.raises(NoArticleError):
        load_one(str(FIXTURES / "no_article.html"))


def test_lists_of_links_are_navigation():
    html = """<html><body><article><h1>Ferry fares rise</h1>
    <p>The harbor authority raised ferry fares by 10 percent on Monday, the first increase since 2019, citing fuel costs.</p>
    <p>Commuters said the change would cost them about $30 a month. Read <a href="/x">the full notice</a> here.</p>
    <ul><li><a href="/1">Council approves the harbor redevelopment plan after long debate</a></li>
    <li><a href="/2">Fishing fleet faces another tough season on the water this year</a></li></ul>
    <p>More text about fares and the harbor authority that continues the story for readers.</p>
    </article></body></html>"""
    article = extract_article(html)
    shares = {l.text[:10]: l.link_share for l in article.lines}
    assert shares["Council ap"] == 1.0 and 0 < shares["Commuters "] < 0.3
    source = parse_text(html, "html", "page.html")
    assert [r.reason for r in source.removed if r.rule == "links"] == ["list of links", "list of links"]
    assert any(p.text.startswith("Commuters said") for p in source.paragraphs)


BODY = "<p>" + "Officials said the harbor ferry resumed service on Friday after repairs to the pier. " * 3 + "</p>"


def _lines(inner: str) -> list[str]:
    return [line.text for line in extract_article(f"<html><body>{inner}</body></html>").lines]


def test_text_between_blocks_is_read_not_lost():
    assert "A subheading written as bare text" in _lines(f"<div>{BODY}A subheading written as bare text</div><div>{BODY}</div>")
    assert "Disclaimer: this story was updated to correct a name." in _lines(f"<article>{BODY}Disclaimer: this story was updated to correct a name.</article>")


def test_nested_paragraphs_are_lines_of_their_own():
    lines = _lines("<main><p>First paragraph of the story with quite a few words in it.<p>A nested paragraph with enough words in it to count.</p>And a tail.</p></main>")
    assert lines == ["First paragraph of the story with quite a few words in it.", "A nested paragraph with enough words in it to count.", "And a tail."]


def test_the_word_after_a_link_is_not_glued_to_it():
    lines = _lines(f'<article><p>The new <a href="/m">MacBook Pro</a>was released on Monday with a new chip and better battery life for everyone.</p>{BODY}</article>')
    assert lines[0].startswith("The new MacBook Pro was released")


@pytest.mark.parametrize(
    "line",
    ["05/10/2018 - Posted by: Ana Ruiz - Category: Health - Tags: flu", "Publicado por: Clarissa Borba | Categoria: Saúde | Tags: sad"],
)
def test_a_line_of_labelled_fields_is_removed_as_metadata(line):
    first = "Officials said the harbor ferry resumed service on Friday: repairs took weeks - and cost more."
    text = f"Ferry service resumes\n\n{first}\n\n{line}\n\nCommuters welcomed the news."
    source = parse_text(text, "text", "story.txt")
    assert [r.rule for r in source.removed if r.text == line] == ["fields"]
    assert [p.text for p in source.paragraphs] == [first, "Commuters welcomed the news."]  # colon and dash in a sentence: kept


def test_a_page_of_links_or_headings_is_not_an_article():
    links = "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(40))
    heads = "".join(f'<h2><a href="/s{i}">Section {i}</a></h2>' for i in range(40))
    for page in (f"<nav><ul>{links}</ul></nav><main><ul>{links}</ul></main>", f"<main>{heads}</main>"):
        with pytest.raises(NoArticleError, match="has no article"):
            extract_article(f"<html><head><title>Index</title></head><body>{page}</body></html>")


def test_an_article_in_an_unspaced_script_is_an_article():
    body = "<p>" + "港のフェリーは修理の後、金曜日に運航を再開したと当局者が述べた。" * 3 + "</p>"
    assert extract_article(f"<html><body><article>{body}</article></body></html>").lines
