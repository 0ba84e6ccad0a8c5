"""Sentence splitting on news text."""

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
        ("prices rose 2.5 percent. a lowercase start stays joined", ["prices rose 2.5 percent. a lowercase start stays joined"]),
        ("No final stop", ["No final stop"]),
    ],
)
def test_split(text, expected):
    assert split_sentences(text) == expected


def test_spans_cover_the_text_without_whitespace():
    text = "  First one.   Second one!  "
    assert [text[a:b] for a, b in sentence_spans(text)] == ["First one.", "Second one!"]
