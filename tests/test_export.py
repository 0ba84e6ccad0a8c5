"""Exports: golden files on the seeds, CommonMark validity, escaping, schema.

Regenerate the golden files after an intended change with DIGEST_UPDATE_GOLDEN=1 and review
the diff like any other change.
"""

import json
import os
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from digest.engine import build_story
from digest.export import render, render_json, render_markdown
from digest.export.markdown import _with_bold as with_bold, escape
from digest.model import Span
from digest.ingest import load_sources
from tests.conftest import make_source

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden"


@pytest.fixture(scope="module")
def seed_story():
    cwd = os.getcwd()
    os.chdir(ROOT)  # relative origins, so the golden files do not depend on where the clone is
    try:
        return build_story(load_sources(["seeds"]).sources)
    finally:
        os.chdir(cwd)


@pytest.mark.parametrize("fmt,name", [("markdown", "seeds.md"), ("json", "seeds.json")])
def test_golden_exports_of_the_seeds(seed_story, fmt, name):
    text = render([seed_story], fmt)
    if os.environ.get("DIGEST_UPDATE_GOLDEN"):
        (GOLDEN / name).write_text(text, encoding="utf-8")
    assert text == (GOLDEN / name).read_text(encoding="utf-8")


def test_markdown_is_commonmark_whose_only_markup_is_ours(seed_story):
    markdown = render_markdown(seed_story)
    tokens = MarkdownIt("commonmark").parse(markdown)
    kinds = {t.type for t in tokens} | {c.type for t in tokens for c in (t.children or [])}
    assert kinds <= {"heading_open", "heading_close", "inline", "paragraph_open", "paragraph_close", "bullet_list_open",
                     "bullet_list_close", "list_item_open", "list_item_close", "text", "strong_open", "strong_close",
                     "em_open", "em_close", "code_inline", "softbreak"}
    assert markdown.startswith(f"# {escape(seed_story.title)}\n")
    assert "Merged from 5 sources" in markdown


def test_untrusted_text_cannot_become_markup():
    hostile = "# Not a heading *not bold* [link](http://x) <script>alert(1)</script> `code` &amp; 1. item"
    story = build_story([make_source(0, hostile)])
    html = MarkdownIt("commonmark").render(render_markdown(story)).split("Story</h2>")[1]
    assert "<script>" not in html and "<a " not in html and "<code>" not in html and "<em>" not in html
    assert "&lt;script&gt;" in html and "*not bold*" in html and "&amp;amp;" in html


def test_json_writes_each_merged_sentence_on_a_line_of_its_own(seed_story):
    """A large export stays greppable and streams: a merged sentence, variants included, is one
    line that is JSON by itself; empty lists and objects still parse."""
    text = render_json(seed_story)
    merged = [s for b in json.loads(text)["blocks"] for s in b["sentences"]]
    lines = {line.strip().rstrip(",") for line in text.splitlines()}
    assert all(json.dumps(s, ensure_ascii=False) in lines for s in merged)
    assert '"unrelated": []' in text


def test_json_has_schema_version_and_every_part_of_the_model(seed_story):
    data = json.loads(render_json(seed_story))
    assert data["schema"] == "digest.story" and data["version"] == 3
    assert {"title", "stats", "parameters", "unrelated", "sources", "blocks"} <= set(data)
    source = data["sources"][0]
    assert {"id", "label", "marker", "origin", "paragraphs", "removed", "sentences"} <= set(source)
    assert source["removed"][0]["reason"]
    merged = [s for b in data["blocks"] for s in b["sentences"]]
    assert any(s["variants"] and 0 <= s["variants"][0]["resemblance"] <= 1 for s in merged)
    variants = [v for s in merged for v in s["variants"]]
    assert {v["how"] for v in variants} <= {"wording", "information", "quotation", "clause"}
    assert all({"source", "text", "origin", "resemblance", "containment", "cosine"} <= set(v) for v in variants)
    assert all({"source", "text", "origin", "new_spans"} <= set(a) for s in merged for a in s["additions"])
    assert {p_["how"] for s in data["sources"] for p in s["sentences"] for p_ in p} <= {"shown", "wording", "information", "quotation", "clause"}
    assert sum(len(p) for s in data["sources"] for p in s["sentences"]) == data["stats"]["sentences_in"]


def test_text_after_a_bold_detail_is_not_escaped_as_a_line_start():
    # "17-year-old" with "17" bold: the hyphen is inside a line, and pasted Markdown reads clean
    text = "He leaves a 17-year-old son."
    markdown = with_bold(text, (Span(12, 14),))
    assert markdown == "He leaves a **17**-year-old son."
    assert "<strong>17</strong>-year-old" in MarkdownIt("commonmark").render(markdown)
    # what would open a block is still escaped at the start of the whole text, bold or not
    assert with_bold("- 12 ferries were cancelled.", (Span(2, 4),)) == "\\- **12** ferries were cancelled."
    assert with_bold("1. ferries", ()) == "1\\. ferries"
