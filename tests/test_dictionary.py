"""The decoded simplemma dictionary kept in the cache folder: same lemmas, never an error."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from digest.engine.dictionary import CachedDictionaryFactory, cache_folder


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
