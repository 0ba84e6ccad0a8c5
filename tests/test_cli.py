"""The command line, through its entry points."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from digest.cli import main

ARTICLE = "Harbor fire closes piers\n\nA fire closed two piers at Eastport harbor on Thursday morning.\n"


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "digest", *args], capture_output=True, text=True, cwd=cwd, env=env, timeout=120)


def test_clean_prints_each_source_and_removed_lines(capsys):
    assert main(["clean", "--show-removed"]) == 0
    out = capsys.readouterr().out
    assert out.count("==> ") == 5
    assert "[browser notice] IE 11 is not supported" in out
    assert "[app prompt] Download the" in out


def test_clean_without_flag_hides_removed(capsys):
    main(["clean"])
    assert "-- removed" not in capsys.readouterr().out


def test_bad_sources_are_one_line_each_and_the_rest_is_processed(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    code = main(["clean", str(tmp_path / "missing.txt"), str(good)])
    captured = capsys.readouterr()
    assert code == 0
    assert captured.err.strip() == f"digest: {tmp_path / 'missing.txt'}: does not exist"
    assert "A fire closed two piers" in captured.out


def test_nothing_usable_exits_non_zero_without_traceback(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    result = run_cli("export", str(empty), str(tmp_path / "nope.md"))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines() == [
        f"digest: {empty}: is empty",
        f"digest: {tmp_path / 'nope.md'}: does not exist",
        "digest: no usable source left; nothing to show",
    ]


def test_export_markdown_and_json_to_stdout(capsys):
    assert main(["export"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert main(["export", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["schema"] == "digest.story"


def test_export_format_follows_the_output_files_name_unless_given(tmp_path):
    assert main(["export", "-o", str(tmp_path / "story.json")]) == 0
    assert json.loads((tmp_path / "story.json").read_text(encoding="utf-8"))["schema"] == "digest.story"
    assert main(["export", "-o", str(tmp_path / "story.md")]) == 0
    assert (tmp_path / "story.md").read_text(encoding="utf-8").startswith("# ")
    assert main(["export", "-f", "markdown", "-o", str(tmp_path / "as-asked.json")]) == 0
    assert (tmp_path / "as-asked.json").read_text(encoding="utf-8").startswith("# ")


def test_export_to_file_refuses_to_clobber(tmp_path, capsys):
    target = tmp_path / "story.md"
    target.write_text("keep me")
    assert main(["export", "-o", str(target)]) == 1
    assert "already exists" in capsys.readouterr().err and target.read_text() == "keep me"
    assert main(["export", "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith("# ")


def test_reader_refuses_without_a_terminal():
    result = run_cli()
    assert result.returncode == 2 and "needs a terminal" in result.stderr


def test_usage_error_is_argparse_exit_2():
    result = run_cli("export", "--format", "pdf")
    assert result.returncode == 2 and "invalid choice" in result.stderr


def test_console_script_is_installed_and_works_from_any_folder(tmp_path):
    script = Path(sys.executable).with_name("digest")
    if not script.exists():
        pytest.skip("digest console script not installed in this environment")
    result = subprocess.run([str(script), "export", "-f", "json"], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 0 and json.loads(result.stdout)["stats"]["sources"] == 5


def test_saved_files_get_normal_permissions_and_keep_existing_ones(tmp_path):
    from digest.export.save import save_text

    old = os.umask(0o022)
    try:
        fresh = save_text(tmp_path / "new.md", "x")
        assert fresh.stat().st_mode & 0o777 == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("y")
        kept.chmod(0o600)
        save_text(kept, "z", overwrite=True)
        assert kept.stat().st_mode & 0o777 == 0o600 and kept.read_text() == "z"
    finally:
        os.umask(old)


def test_text_in_pieces_is_saved_whole_and_in_order(tmp_path):
    from digest.export.save import save_text

    saved = save_text(tmp_path / "story.json", (piece for piece in ["{", '"a": 1', "}\n"]))
    assert saved.read_text() == '{"a": 1}\n'


@pytest.mark.parametrize("value", ["0", "-3", "nan", "inf", "soon"])
def test_a_timeout_must_be_a_positive_number_of_seconds(value):
    done = subprocess.run([sys.executable, "-m", "digest", "export", "--timeout", value, "x.txt"], capture_output=True, text=True)
    assert done.returncode == 2
    assert "argument --timeout: must be" in done.stderr and "Traceback" not in done.stderr


def test_escape_sequences_in_names_labels_and_titles_never_reach_the_terminal(tmp_path):
    hostile = tmp_path / "evil\x1b]0;pwned\x07\u202e.txt"
    hostile.write_text("Title \x1b[2J wiped\n\n" + ARTICLE.split("\n", 2)[2], encoding="utf-8")
    missing = str(tmp_path / "gone\x1b[31m.txt")
    for command in (["export"], ["export", "-f", "json"], ["clean", "--show-removed"]):
        result = run_cli(*command, str(hostile), missing, "--label", "Red\x1b[31m Outlet")
        assert result.returncode == 0
        for stream in (result.stdout, result.stderr):
            assert "\x1b" not in stream and "\x07" not in stream and "\u202e" not in stream
        assert "␛" in result.stderr  # the problem line shows that something was there


def test_force_writes_through_a_symbolic_link_and_never_replaces_a_device(tmp_path, capsys):
    target = tmp_path / "real.md"
    target.write_text("old")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    assert main(["export", "-o", str(link), "--force"]) == 0
    assert link.is_symlink() and target.read_text().startswith("# ")
    assert main(["export", "-o", "/dev/null", "--force"]) == 1
    assert "is not a regular file" in capsys.readouterr().err
    assert Path("/dev/null").is_char_device()


def test_dash_means_standard_output(tmp_path, capsys):
    assert main(["export", "-o", "-"]) == 0
    assert capsys.readouterr().out.startswith("# ")
    assert not (Path.cwd() / "-").exists()


def test_a_label_follows_its_source_and_extra_labels_are_reported(tmp_path):
    from digest.cli import labels_for_sources

    assert labels_for_sources(["a.txt", "-l", "A", "b.txt", "--label", "B"], ["a.txt", "b.txt"]) == (["A", "B"], [])
    assert labels_for_sources(["-l", "A", "--label=B", "a.txt", "b.txt"], ["a.txt", "b.txt"]) == (["A", "B"], [])
    assert labels_for_sources(["a.txt", "b.txt", "-lB"], ["a.txt", "b.txt"]) == ([None, "B"], [])
    assert labels_for_sources(["a.txt", "-l", "A", "-l", "Z"], ["a.txt"]) == (["A"], ["Z"])
    first, second = tmp_path / "first.txt", tmp_path / "second.txt"
    first.write_text(ARTICLE)
    second.write_text(ARTICLE.replace("Thursday", "Friday"))
    result = run_cli("export", str(first), "-l", "Harbor Post", str(tmp_path / "gone.txt"), "-l", "Gone", str(second), "-l", "Bay Times", "-l", "Spare")
    assert result.returncode == 0
    assert "- **A** Harbor Post" in result.stdout and "- **B** Bay Times" in result.stdout
    assert "more label(s) than sources; not used: Spare" in result.stderr
