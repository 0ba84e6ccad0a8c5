"""Encodings and text normalization."""

import codecs

import pytest

from digest.ingest.decode import DecodeError, decode_bytes, normalize_text
from digest.safe_text import visible_controls

TEXT = "Café owners in Zürich said the “new rules” cost them €1,200 — a month’s rent."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode("utf-8"),
        codecs.BOM_UTF8 + TEXT.encode("utf-8"),
        TEXT.encode("utf-16"),  # carries its BOM
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8-bom", "utf-16-bom", "cp1252"],
)
def test_encodings_decode_to_the_same_text(data):
    assert decode_bytes(data) == TEXT


def test_latin1_paragraphs_are_detected_not_guessed():
    text = ("Les élèves de l'école ont reçu des prix. Ça a été une journée très réussie pour la ville, "
            "a déclaré le maire devant la presse réunie à l'hôtel de ville.\n") * 3
    assert decode_bytes(text.encode("latin-1")) == text


def test_declared_charset_is_used_when_utf8_fails():
    assert decode_bytes("Ærø".encode("iso-8859-1"), declared="iso-8859-1") == "Ærø"


@pytest.mark.parametrize("data,problem", [(b"", "empty"), (b"  \n\t ", "empty"), (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary")])
def test_empty_and_binary_are_refused(data, problem):
    with pytest.raises(DecodeError, match=problem):
        decode_bytes(data)


def test_normalize_spaces_and_invisible_characters():
    raw = "Follow\u00a0us  on\u200b Twitter\r\nnext\u2009line \nsoft\u00adhyphen"
    assert normalize_text(raw) == "Follow us on Twitter\nnext line\nsofthyphen"


def test_normalize_composes_accents_but_keeps_ligatures():
    assert normalize_text("Cafe\u0301 ﬁnal") == "Café ﬁnal"


def test_control_characters_become_visible_symbols():
    shown = visible_controls("red \x1b[31mALERT\x1b[0m bell\x07")
    assert "\x1b" not in shown and "\x07" not in shown
    assert shown == "red \u241b[31mALERT\u241b[0m bell\u2407"


@pytest.mark.parametrize(
    "data",
    [
        codecs.BOM_UTF32_LE + b"\x00\x00garbage",  # what follows the mark decodes to nothing readable
        codecs.BOM_UTF8 + bytes(range(1, 32)) * 4 + b"a few letters",
        bytes(range(1, 9)) * 20 + b"valid UTF-8, but control characters throughout",
    ],
    ids=["behind a byte-order mark", "behind the UTF-8 mark", "valid UTF-8"],
)
def test_binary_is_refused_however_it_decodes(data):
    with pytest.raises(DecodeError, match="binary"):
        decode_bytes(data)


def test_text_with_a_few_control_characters_is_still_text():
    text = "The council met on Monday.\x0c It voted to reopen the bridge.\x07 " * 5
    assert decode_bytes(text.encode("utf-8")) == text
