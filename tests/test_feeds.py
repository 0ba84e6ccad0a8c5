"""Feeds, OPML lists and lists of URLs as sources, served from 127.0.0.1 only. Every feed and
page here is written for these tests."""

import threading
import time

from digest.collect import pages
from digest.collect.feeds import FeedError, parse_feed, parse_opml, sniff, url_list
from digest.ingest import load_sources
from digest.ingest.fetch import Validators, fetch_url

import pytest


def page(title: str, *paragraphs: str) -> bytes:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{body}</article></body></html>".encode()


FERRY = page(
    "Ferry service resumes in Eastport",
    "Ferry service between Eastport and Gull Island resumed on Friday morning after a three-day strike by deckhands ended with a new contract.",
    "The harbor authority said the first boat left at six and that every crossing would run on time through the weekend.",
)
BRIDGE = page(
    "Eastport bridge closes for repairs",
    "The old swing bridge in Eastport will close for six weeks from Monday so that engineers can replace its rusted gears and its deck plates.",
    "Drivers are asked to use the northern ring road, which the council expects to carry twice its usual traffic during the works.",
)


def rss(title: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><guid>{link}</guid><pubDate>Fri, 20 Nov 2026 08:00:00 GMT</pubDate><description>{d}</description></item>"
        for t, link, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{entries}</channel></rss>'.encode()


def atom(title: str, items: list[tuple[str, str]]) -> bytes:
    entries = "".join(f'<entry><title>{t}</title><link href="{link}"/><id>{link}</id><updated>2026-11-20T09:30:00Z</updated></entry>' for t, link in items)
    return f'<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>{title}</title>{entries}</feed>'.encode()


def test_sniff_reads_the_root_element():
    assert sniff(b'\xef\xbb\xbf<?xml version="1.0"?>\n<!-- hi --><rss version="2.0">') == "rss"
    assert sniff(b'<feed xmlns="http://www.w3.org/2005/Atom">') == "atom"
    assert sniff(b"<opml version='2.0'>") == "opml"
    assert sniff(b"<!DOCTYPE html><html>") is None
    assert sniff(b"Plain words about a feed <rss>") is None


def test_an_rss_feed_is_its_items_pages_named_after_the_feed(local_server):
    ferry = local_server.route("/rss/ferry.html", FERRY)
    bridge = local_server.route("/rss/bridge.html", BRIDGE)
    feed = local_server.route("/rss/feed.xml", rss("Eastport Courier", [("Ferry back", ferry, "Ferries run again."), ("Bridge shut", bridge, "Bridge works.")]), "application/rss+xml")
    result = load_sources([feed])
    assert result.problems == ()
    assert [s.origin for s in result.sources] == [ferry, bridge]
    assert {s.label for s in result.sources} == {"Eastport Courier", "Eastport Courier 2"}
    assert all(s.date == "2026-11-20T08:00:00Z" and s.note is None for s in result.sources)
    assert "three-day strike" in result.sources[0].paragraphs[0].text


def test_an_atom_feed(local_server):
    ferry = local_server.route("/atom/ferry.html", FERRY)
    feed = local_server.route("/atom/feed", atom("Harbor Notes", [("Ferry back", ferry)]), "application/atom+xml")
    [source] = load_sources([feed]).sources
    assert source.label == "Harbor Notes" and source.date == "2026-11-20T09:30:00Z"


def test_an_item_whose_page_fails_uses_the_feeds_own_text_and_says_so(local_server):
    text = "The council voted on Thursday to keep the Eastport night ferry running all winter, at a cost of two million dollars a year to the harbor budget."
    gone = local_server.url("/fallback/gone.html")
    feed = local_server.route("/fallback/feed.xml", rss("Courier", [("Night ferry stays", gone, f"&lt;p&gt;{text}&lt;/p&gt;")]))
    result = load_sources([feed])
    [source] = result.sources
    assert "night ferry" in source.paragraphs[0].text
    assert "HTTP 404" in source.note and "feed's own text" in source.note


def test_an_item_with_no_page_and_no_text_is_one_problem(local_server):
    gone = local_server.url("/empty/gone.html")
    feed = local_server.route("/empty/feed", atom("Courier", [("Nothing here", gone)]), "application/atom+xml")
    result = load_sources([feed])
    assert result.sources == ()
    [problem] = result.problems
    assert problem.origin == gone and "HTTP 404" in problem.message and "no text of its own" in problem.message


def test_a_slow_page_falls_back_within_its_deadline(local_server):
    slow = local_server.route("/slow/page.html", FERRY, delay=3.0)
    feed = local_server.route("/slow/feed.xml", rss("Courier", [("Ferry back", slow, "Ferry service between Eastport and Gull Island resumed on Friday after a strike ended.")]))
    started = time.monotonic()
    [source] = load_sources([feed], timeout=1.0).sources
    assert time.monotonic() - started < 2.9
    assert "within 1 s" in source.note


def test_a_malformed_feed_is_one_problem(local_server):
    broken = local_server.route("/bad/feed.xml", b'<?xml version="1.0"?><rss version="2.0"><channel><title>Oops</title><item><title>unclosed', "application/rss+xml")
    result = load_sources([broken])
    assert result.sources == ()
    [problem] = result.problems
    assert problem.origin == broken and "feed" in problem.message


def test_an_opml_list_reads_every_feed_and_a_failing_feed_is_one_line(local_server):
    ferry = local_server.route("/opml/ferry.html", FERRY)
    bridge = local_server.route("/opml/bridge.html", BRIDGE)
    one = local_server.route("/opml/one.xml", rss("Courier", [("Ferry back", ferry, "")]))
    two = local_server.route("/opml/two.xml", atom("Harbor Notes", [("Bridge shut", bridge)]), "application/atom+xml")
    missing = local_server.url("/opml/missing.xml")
    opml = f'<?xml version="1.0"?><opml version="2.0"><body><outline text="News"><outline xmlUrl="{one}"/><outline xmlUrl="{two}"/></outline><outline xmlUrl="{missing}"/></body></opml>'
    listing = local_server.route("/opml/subs.opml", opml.encode(), "text/x-opml")
    result = load_sources([listing])
    assert [s.origin for s in result.sources] == [ferry, bridge]
    assert [p.origin for p in result.problems] == [missing]


def test_feed_and_url_list_files(tmp_path, local_server):
    ferry = local_server.route("/files/ferry.html", FERRY)
    bridge = local_server.route("/files/bridge.html", BRIDGE)
    (tmp_path / "feed.rss").write_bytes(rss("Courier", [("Ferry back", ferry, "")]))
    (tmp_path / "links.txt").write_text(f"# this morning\n{bridge}\n\n{ferry}\n")
    result = load_sources([str(tmp_path / "feed.rss"), str(tmp_path / "links.txt")])
    assert [s.origin for s in result.sources] == [ferry, bridge, ferry]


def test_a_text_with_a_url_among_words_is_an_article_not_a_list():
    assert url_list("See https://example.org for more.\nIt rained.") is None
    assert url_list("https://a.example/1\n# note\nhttps://a.example/1\n") == ["https://a.example/1"]


def test_opml_and_feed_errors():
    with pytest.raises(FeedError, match="no feeds"):
        parse_opml(b"<opml><body><outline text='x'/></body></opml>")
    with pytest.raises(FeedError, match="OPML"):
        parse_opml(b"<opml><body>")
    with pytest.raises(FeedError, match="no items"):
        parse_feed(b'<?xml version="1.0"?><rss version="2.0"><channel><title>Empty</title></channel></rss>')


def test_pages_come_back_in_order_with_a_limit_per_host(monkeypatch):
    running: dict[str, int] = {}
    most: dict[str, int] = {}
    lock = threading.Lock()

    def fake_fetch(url, timeout, max_bytes, validators):
        host = url.split("/")[2]
        with lock:
            running[host] = running.get(host, 0) + 1
            most[host] = max(most.get(host, 0), running[host])
        time.sleep(0.02)
        with lock:
            running[host] -= 1
        return url

    monkeypatch.setattr(pages, "fetch_url", fake_fetch)
    urls = [f"http://{host}.example/{n}" for n in range(6) for host in ("a", "b")]
    assert pages.fetch_all(urls, workers=8, per_host=2) == urls
    assert most == {"a.example": 2, "b.example": 2}


def test_a_conditional_request_of_an_unchanged_feed_is_not_modified(local_server):
    url = local_server.route("/cond/feed.xml", rss("Courier", [("x", "http://127.0.0.1:9/x", "y")]), headers={"ETag": '"v1"'})
    first = fetch_url(url)
    assert first.etag == '"v1"' and not first.not_modified
    again = fetch_url(url, validators=Validators(etag=first.etag))
    assert again.not_modified and again.data == b""


def test_a_slow_feed_is_one_line_within_its_deadline(local_server):
    slow = local_server.route("/slowfeed/feed.xml", rss("Courier", [("x", local_server.url("/slowfeed/x.html"), "y")]), delay=3.0)
    started = time.monotonic()
    result = load_sources([slow], timeout=1.0)
    assert time.monotonic() - started < 2.9
    assert [str(p) for p in result.problems] == [f"{slow}: did not finish within 1 s"]
