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
