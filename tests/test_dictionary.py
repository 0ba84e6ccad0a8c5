"""The decoded simplemma dictionary kept in the cache folder: same lemmas, never an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.engine import dictionary
from digest.engine.dictionary import CachedDictionaryFactory, LemmaMemo, cache_folder


def _cache_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("simplemma-*-en.marshal"))


def test_the_first_load_writes_the_cache_and_the_next_reads_the_same_dictionary(tmp_path):
    first = CachedDictionaryFactory(tmp_path).get_dictionary("en")
    files = _cache_files(tmp_path)
    assert len(files) == 1 and not list(tmp_path.glob("*.tmp"))
    again = CachedDictionaryFactory(tmp_path).get_dictionary("en")
    assert again == first and len(first) > 100_000
    assert first["killed"] == "kill"


def test_a_damaged_cache_file_is_decoded_again_and_rewritten(tmp_path):
    good = CachedDictionaryFactory(tmp_path).get_dictionary("en")
    (path,) = _cache_files(tmp_path)
    path.write_bytes(b"\x00not marshal data")
    assert CachedDictionaryFactory(tmp_path).get_dictionary("en") == good
    assert CachedDictionaryFactory(tmp_path).get_dictionary("en") == good
    assert path.stat().st_size > 1_000_000


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_cache_folder_that_cannot_be_written_is_not_used(tmp_path):
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    try:
        assert CachedDictionaryFactory(folder).get_dictionary("en")["killed"] == "kill"
        assert _cache_files(folder) == []
    finally:
        folder.chmod(0o700)


def test_a_cache_folder_that_is_a_file_is_not_used(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    assert CachedDictionaryFactory(blocker / "digest").get_dictionary("en")["killed"] == "kill"


def test_the_cache_folder_follows_xdg_cache_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_folder() == tmp_path / "digest"


def _finder(calls: list[str]):
    def find(word: str) -> tuple[str, bool]:
        calls.append(word)
        return (word.rstrip("s"), word.startswith("o"))

    return find


def test_the_lemma_memo_remembers_across_runs_and_asks_only_for_new_words(tmp_path):
    calls: list[str] = []
    first = LemmaMemo(tmp_path)
    assert first.lemma("ferries", _finder(calls)) == ("ferrie", False)
    assert first.lemma("okafors", _finder(calls)) == ("okafor", True)
    assert first.lemma("ferries", _finder(calls)) == ("ferrie", False) and calls == ["ferries", "okafors"]
    first.save()
    calls.clear()
    again = LemmaMemo(tmp_path)
    assert again.lemma("okafors", _finder(calls)) == ("okafor", True) and calls == []
    assert again.lemma("piers", _finder(calls)) == ("pier", False) and calls == ["piers"]


def test_a_damaged_or_foreign_memo_is_not_used(tmp_path):
    memo = LemmaMemo(tmp_path)
    memo.path().parent.mkdir(parents=True, exist_ok=True)
    for content in (b"\x00not marshal", __import__("marshal").dumps({"ferries": ("ferry", False)})):
        memo.path().write_bytes(content)
        calls: list[str] = []
        assert LemmaMemo(tmp_path).lemma("ferries", _finder(calls)) == ("ferrie", False) and calls == ["ferries"]


def test_the_memo_keeps_the_words_last_met_first_up_to_its_bound(tmp_path, monkeypatch):
    monkeypatch.setattr(dictionary, "MEMO_MAX", 3)
    old = LemmaMemo(tmp_path)
    for word in ("a1", "a2", "a3"):
        old.lemma(word, _finder([]))
    old.save()
    recent = LemmaMemo(tmp_path)
    recent.lemma("b1", _finder([]))
    recent.lemma("a3", _finder([]))
    recent.save()
    calls: list[str] = []
    latest = LemmaMemo(tmp_path)
    for word in ("b1", "a3", "a1"):
        latest.lemma(word, _finder(calls))
    assert calls == []  # b1 and a3 were met last, a1 is the oldest one kept
    assert latest.lemma("a2", _finder(calls)) and calls == ["a2"]


def test_a_forked_helper_does_not_write_the_memo(tmp_path, monkeypatch):
    memo = LemmaMemo(tmp_path)
    memo.lemma("ferries", _finder([]))
    monkeypatch.setattr(dictionary.os, "getpid", lambda: -1)
    memo.save()
    assert not memo.path().exists()


def test_lemmas_are_the_same_read_from_the_memo(tmp_path):
    from digest.engine.lexicon import _looked_up

    words = ["killed", "americans", "ferries", "maurice", "restore", "washington"]
    memo = LemmaMemo(tmp_path)
    first = [memo.lemma(w, _looked_up) for w in words]
    memo.save()
    assert [LemmaMemo(tmp_path).lemma(w, lambda w: ("?", False)) for w in words] == first == [_looked_up(w) for w in words]
