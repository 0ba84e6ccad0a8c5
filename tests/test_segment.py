"""Sentence splitting on news text and other scripts (cases written for the test)."""

import pytest

from digest.engine.segment import sentence_spans, split_sentences


@pytest.mark.parametrize(
    "text,expected",
    [
        ("The U.S. Embassy was attacked. Marines arrived.", ["The U.S. Embassy was attacked.", "Marines arrived."]),
        ("Maj. Gen. Ana Ruiz spoke on Dec. 27 in Kirkuk. She left.", ["Maj. Gen. Ana Ruiz spoke on Dec. 27 in Kirkuk.", "She left."]),
        ('"We will respond," she said. "Soon."', ['"We will respond," she said.', '"Soon."']),
        ("Is it over? Not yet! Officials said so.", ["Is it over?", "Not yet!", "Officials said so."]),
        ("Sen. Jo Park, D-Conn., objected. J. R. Smith agreed.", ["Sen. Jo Park, D-Conn., objected.", "J. R. Smith agreed."]),
        ("Crews arrived at 9 a.m. They left at noon.", ["Crews arrived at 9 a.m.", "They left at noon."]),
        ("The deal closed in Jan. Then prices rose.", ["The deal closed in Jan.", "Then prices rose."]),
        ("他说今天很好。我们明天去北京！你呢？", ["他说今天很好。", "我们明天去北京！", "你呢？"]),
        ("今日は晴れです。明日は雨でしょう！", ["今日は晴れです。", "明日は雨でしょう！"]),
        ("वह आया। सब खुश थे।", ["वह आया।", "सब खुश थे।"]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_split(text, expected):
    assert split_sentences(text) == expected


def test_spans_cover_the_text_without_whitespace():
    text = "  First one.   Second one!  "
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one.", "Second one!"]


def test_a_very_long_line_is_one_sentence_and_nothing_is_lost():
    text = "x" * 200_000
    assert sentence_spans(text) == [(0, len(text))]
    dots = "a. " * 50_000
    assert "".join(split_sentences(dots)).replace(" ", "") == dots.replace(" ", "")


@pytest.mark.parametrize(
    "text",
    [
        "The leak was first reported by Harbornews. com, the council said on Monday.",
        "“Get down now!” an officer shouts at the crowd.",
        "Mix 2 cups of flour, 1 tsp. salt and a little water.",
    ],
)
def test_no_sentence_begins_with_a_lowercase_letter(text):
    assert split_sentences(text) == [text]


@pytest.mark.parametrize(
    "text",
    ["The guard averaged 13. 4 points and 6. 9 assists last season.", "The deal is worth $103. 5 million over eight years."],
)
def test_a_figure_broken_by_a_space_is_not_a_sentence_boundary(text):
    assert split_sentences(text) == [text]


def test_a_capital_after_a_full_stop_still_starts_a_sentence():
    assert split_sentences("The ferry left late. Passengers waited for an hour.") == ["The ferry left late.", "Passengers waited for an hour."]
