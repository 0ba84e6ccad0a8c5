"""Hostile and odd input through the whole pipeline (hypothesis): long lines, control, bidi and
zero-width characters, wordless lines, CJK, random splices of real news text, hostile names.

Each generated story must clean and merge without an exception, lose no sentence, give the same
export twice, and let no control character or bidi override into any export.
"""

from __future__ import annotations

import dataclasses
import json
import re
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digest.engine import build_story
from digest.export import render_json, render_markdown
from digest.ingest.load import load_sources, parse_text

BODIES = json.loads((Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "article-bodies.json").read_text(encoding="utf-8"))
REAL_SENTENCES = [s for entry in list(BODIES.values())[:20] for s in re.split(r"(?<=[.!?])\s+", entry["articleBody"]) if 20 < len(s) < 300]
UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

ODD_PIECES = st.sampled_from(
    ["\x1b[31m", "\x1b]0;title\x07", "\x00", "\x7f", "\u202e", "\u2066", "\u200b", "\ufeff", "\u00ad", "***", "— — —", "• • •", "   ", "\t",
     "他说今天很好。", "今日は晴れです。", "«Да», — сказал он.", "“", "”", '"', "(", "]", "U.S.", "9 a.m.", "Jan.", "...", "!!", "?"]
)
real_sentence = st.sampled_from(REAL_SENTENCES)


@st.composite
def splice(draw) -> str:
    """Half of one real sentence and half of another: plausible text, new facts."""
    a, b = draw(real_sentence), draw(real_sentence)
    return a[: len(a) // 2] + b[len(b) // 2 :]


long_run = st.integers(1_000, 20_000).flatmap(lambda n: st.sampled_from(["x" * n, "word " * (n // 5), "a. " * (n // 3), "。" * (n // 10)]))
line = st.one_of(real_sentence, splice(), st.lists(st.one_of(ODD_PIECES, real_sentence), min_size=1, max_size=6).map(" ".join), long_run)
article = st.lists(line, min_size=1, max_size=12).map("\n\n".join)

SETTINGS = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _safe(text: str) -> bool:
    return not UNSAFE.search(text)


@SETTINGS
@given(st.lists(article, min_size=1, max_size=4))
def test_odd_stories_merge_without_error_loss_or_escape_sequences(texts):
    sources = []
    for index, text in enumerate(texts):
        source = parse_text(text, "text", f"story-{index}.txt")
        if source.paragraphs:
            sources.append(dataclasses.replace(source, id=f"s{index}"))
    if not sources:
        return
    story = build_story(sources)
    for index, paragraphs in enumerate(story.source_sentences):
        for paragraph in paragraphs:
            for sentence in paragraph:
                assert story.sources[index].id in story.merged(sentence).source_ids  # nothing lost
    first = render_json(story)
    assert first == render_json(build_story(sources))  # deterministic
    markdown = render_markdown(story)
    assert _safe(markdown) and _safe(json.loads(first)["title"])


@settings(max_examples=25, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="/\x00"), min_size=1, max_size=40), st.text(min_size=1, max_size=40))
def test_hostile_file_names_and_labels_reach_no_output_raw(tmp_path_factory, name, label):
    folder = tmp_path_factory.mktemp("names")
    path = folder / (name.strip(".") or "x")
    try:
        path.write_text("A fire closed two piers at Eastport harbor on Thursday morning, officials said.", encoding="utf-8")
    except (OSError, ValueError):
        return  # a name this file system refuses
    result = load_sources([str(path)], labels=[label])
    for source in result.sources:
        assert _safe(source.label) and _safe(source.origin) and "\n" not in source.label
    for problem in result.problems:
        assert _safe(str(problem))
    if result.sources:
        assert _safe(render_markdown(build_story(result.sources)))
