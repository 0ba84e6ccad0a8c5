"""The keymap file: every problem is one line, and the default keys stay."""


import pytest

from digest.tui.app import BINDINGS
from digest.tui.settings import is_key, keymap_path, read_keymap

IDS = {b.id for b in BINDINGS if b.id}


def write(text: str):
    path = keymap_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_the_config_folder_follows_xdg_config_home(own_config_and_data):
    assert keymap_path() == own_config_and_data / "config" / "digest" / "keymap.toml"


def test_no_file_is_no_problem():
    assert read_keymap(IDS) == ({}, [])


def test_a_good_file_remaps():
    write('"detail.next" = "n"\n"search.next" = "ctrl+n"\n')
    assert read_keymap(IDS) == ({"detail.next": "n", "search.next": "ctrl+n"}, [])


@pytest.mark.parametrize(
    "text,expected",
    [
        ('keymap = "x"\n', "'keymap' must be a table"),
        ("this is not toml", "not valid TOML"),
        ('"no.such.binding" = "x"\n', "ignored unknown binding ids: no.such.binding"),
        ('"detail.next" = "notakey"\n', "ignored key names Textual does not know: detail.next = 'notakey'"),
        ('"detail.next" = "hyperctrl+x"\n', "Textual does not know"),
        ('"detail.next" = 5\n', "ignored entries that are not text: detail.next"),
    ],
)
def test_each_problem_is_one_line_and_the_defaults_stay(text, expected):
    write(text)
    keymap, problems = read_keymap(IDS)
    assert keymap == {}
    assert len(problems) == 1 and expected in problems[0] and "\n" not in problems[0]


def test_an_unreadable_config_folder_is_one_line(monkeypatch):
    path = write('"detail.next" = "n"\n')

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(type(path), "read_text", refuse)  # root reads everything: simulate
    keymap, problems = read_keymap(IDS)
    assert keymap == {} and "cannot be read (Permission denied)" in problems[0]


def test_key_names():
    for good in ("n", "N", "ctrl+n", "f5", "question_mark", "pageup", "space", "a,b", "shift+tab", "]"):
        assert is_key(good), good
    for bad in ("", "ctrl+", "hyper+", "notakey", "ctrlx+n", "ctrl+notakey"):
        assert not is_key(bad), bad
