"""Loading sources: folders, bad input, labels, URLs served from 127.0.0.1."""

import os
from pathlib import Path


from digest.ingest.load import bundled_seeds_dir, load_sources
from tests.conftest import FIXTURES

ARTICLE = "Harbor fire closes piers\n\nA fire closed two piers at Eastport harbor on Thursday morning.\n\nCrews from three towns fought it for four hours.\n"


def test_bundled_seeds_load_when_no_source_is_given():
    result = load_sources([])
    assert len(result.sources) == 5 and not result.problems
    assert all(s.origin.startswith(str(bundled_seeds_dir())) for s in result.sources)
    assert len({s.id for s in result.sources}) == 5 and len({s.label for s in result.sources}) == 5


def test_folder_loads_supported_files_in_name_order(tmp_path):
    (tmp_path / "b.txt").write_text(ARTICLE)
    (tmp_path / "a.md").write_text("# Title here\n\nBody sentence one.\n")
    (tmp_path / "c.pdf").write_bytes(b"%PDF")
    (tmp_path / ".hidden.txt").write_text(ARTICLE)
    result = load_sources([str(tmp_path)])
    assert [Path(s.origin).name for s in result.sources] == ["a.md", "b.txt"]


def test_bad_inputs_each_give_one_problem_and_the_rest_still_loads(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 50)
    only_junk = tmp_path / "junk.txt"
    only_junk.write_text("Follow us on Twitter\n\n3 min read\n")
    unreadable = tmp_path / "secret.txt"
    unreadable.write_text(ARTICLE)
    unreadable.chmod(0)
    empty_dir = tmp_path / "nothing"
    empty_dir.mkdir()
    unsupported = tmp_path / "photo.jpg"
    unsupported.write_bytes(b"\xff\xd8")
    specs = [str(p) for p in (good, empty, binary, only_junk, unreadable, empty_dir, unsupported, tmp_path / "missing.txt")]
    specs.append(str(FIXTURES / "no_article.html"))
    result = load_sources(specs)
    root = os.geteuid() == 0  # root reads any file, so the permission case cannot fail there
    assert [s.origin for s in result.sources] == [str(good)] + ([str(unreadable)] if root else [])
    messages = {Path(p.origin).name: p.message for p in result.problems}
    assert messages["empty.txt"] == "is empty"
    assert "binary" in messages["binary.txt"]
    assert "no article text left" in messages["junk.txt"]
    assert "no supported files" in messages["nothing"]
    assert "not a supported kind" in messages["photo.jpg"]
    assert messages["missing.txt"] == "does not exist"
    assert "no article" in messages["no_article.html"]
    if not root:
        assert "permission denied" in messages["secret.txt"]


def test_file_over_the_size_limit(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text(ARTICLE * 100)
    result = load_sources([str(big)], max_bytes=1000)
    assert not result.sources and "too large" in result.problems[0].message


def test_a_label_names_what_its_spec_loads_and_repeats_are_numbered(tmp_path):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE.replace("Thursday", name))
    result = load_sources([str(tmp_path)], labels=["Wire"])  # a folder: each of its files
    assert [s.label for s in result.sources] == ["Wire", "Wire 2", "Wire 3"]
    files = sorted(str(p) for p in tmp_path.iterdir())
    result = load_sources(files, labels=["Wire", None, "Wire"])
    assert [s.label for s in result.sources] == ["Wire", "b", "Wire 2"]


def test_identical_files_get_distinct_ids(tmp_path):
    (tmp_path / "a.txt").write_text(ARTICLE)
    (tmp_path / "b.txt").write_text(ARTICLE)
    result = load_sources([str(tmp_path)])
    assert len({s.id for s in result.sources}) == 2


def test_outlet_name_from_its_own_app_prompt(tmp_path):
    path = tmp_path / "0001_ab12cd34ef56.txt"
    path.write_text(ARTICLE + "\nDownload the Harbor Herald app for breaking news\n")
    assert load_sources([str(path)]).sources[0].label == "Harbor Herald"


def test_url_html_page(local_server):
    url = local_server.route("/story.html", (FIXTURES / "harbor_fire.html").read_bytes())
    source = load_sources([url]).sources[0]
    assert source.origin == url and source.format == "html" and source.label == "The Coastal Ledger"


def test_url_plain_text_in_legacy_encoding(local_server):
    url = local_server.route("/story.txt", ARTICLE.replace("fire", "café fire").encode("cp1252"), "text/plain; charset=windows-1252")
    source = load_sources([url]).sources[0]
    assert source.format == "text" and "café fire" in source.paragraphs[0].text


def test_url_errors_and_timeouts(local_server):
    missing = local_server.url("/missing")
    server_error = local_server.route("/broken", b"oops", status=500)
    slow = local_server.route("/slow", b"<html></html>", delay=2.0)
    good = local_server.route("/good.txt", ARTICLE.encode(), "text/plain")
    result = load_sources([missing, server_error, slow, good], timeout=0.5)
    assert [s.origin for s in result.sources] == [good]
    messages = {p.origin: p.message for p in result.problems}
    assert messages[missing] == "answered HTTP 404 Not Found"
    assert messages[server_error].startswith("answered HTTP 500")
    assert messages[slow] == "did not finish within 0.5 s"


def test_unreachable_url():
    result = load_sources(["http://127.0.0.1:9/nothing"], timeout=2)
    assert not result.sources and "cannot be reached" in result.problems[0].message


def test_permission_denied_is_reported_even_when_running_as_root(tmp_path, monkeypatch):
    path = tmp_path / "locked.txt"
    path.write_text(ARTICLE)

    def refuse(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    result = load_sources([str(path)])
    assert result.problems[0].message == "cannot be read (permission denied)"


def test_a_slow_server_cannot_hold_a_url_past_its_deadline(local_server):
    # 40 bytes, one every 0.2 s: every read is quick, the whole would take 8 s
    dripping = local_server.route("/drip", b"<html><body><p>" + b"x" * 25 + b"</p>", drip=0.2)
    result = load_sources([dripping], timeout=1)
    assert result.problems[0].message == "did not finish within 1 s"


def test_a_redirect_loop_is_one_line(local_server):
    loop = local_server.route("/loop", b"", status=302, headers={"Location": "/loop"})
    result = load_sources([loop], timeout=5)
    assert result.problems[0].message == "redirects in a loop (more than 10 redirects)"


def test_special_files_links_and_other_schemes_are_refused_without_opening_them(tmp_path):
    import os

    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    (tmp_path / "a.txt").symlink_to(tmp_path / "b.txt")
    (tmp_path / "b.txt").symlink_to(tmp_path / "a.txt")
    (tmp_path / "broken.txt").symlink_to(tmp_path / "gone.txt")
    specs = [str(fifo), str(tmp_path / "a.txt"), str(tmp_path / "broken.txt"), "/dev/null", "ftp://example.org/story.txt"]
    messages = [p.message for p in load_sources(specs).problems]
    assert messages == [
        "is a named pipe, not a regular file",
        "is a symbolic link loop",
        "is a broken symbolic link",
        "is a character device, not a regular file",
        "uses ftp://; only http:// and https:// addresses can be fetched",
    ]


def test_a_file_over_the_size_limit_says_so_once(tmp_path):
    path = tmp_path / "big.txt"
    path.write_text(ARTICLE * 50)
    [problem] = load_sources([str(path)], max_bytes=1024).problems
    assert problem.message.startswith("is too large (") and "cannot be read" not in problem.message
