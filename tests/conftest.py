"""Shared fixtures: the bundled seeds, a loopback HTTP server, small source builders."""

from __future__ import annotations

import http.server
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from digest.ingest.load import bundled_seeds_dir
from digest.model import Paragraph, Source

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def own_config_and_data(tmp_path_factory, monkeypatch) -> Path:
    """Every test gets empty config and data folders: none reads the developer's own."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(home / "cache"))
    from digest.engine import dictionary

    monkeypatch.setattr(dictionary, "LEMMAS", dictionary.LemmaMemo(home / "cache" / "digest"))  # not the process-wide one
    return home


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return bundled_seeds_dir()


def make_source(index: int, *paragraphs: str, label: str | None = None, title: str | None = None) -> Source:
    """A cleaned Source built directly, for engine tests that need no ingest."""
    return Source(
        id=f"s{index}",
        label=label or f"Outlet {index}",
        origin=f"test://{index}",
        format="text",
        paragraphs=tuple(Paragraph(p) for p in paragraphs),
        title=title,
    )


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes, float, dict[str, str], float]] = {}

    requests: list[tuple[str, dict[str, str]]] = []
    """Every request served: (path, its headers), for tests of what a client asked."""

    def do_GET(self) -> None:  # noqa: N802 (http.server's naming)
        status, content_type, body, delay, headers, drip = self.routes.get(self.path, (404, "text/plain", b"not found", 0.0, {}, 0.0))
        self.requests.append((self.path, dict(self.headers.items())))
        if delay:
            time.sleep(delay)
        if headers.get("ETag") and self.headers.get("If-None-Match") == headers["ETag"]:
            self.send_response(304)
            self.send_header("ETag", headers["ETag"])
            self.end_headers()
            return
        try:
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            for name, value in headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not drip:
                self.wfile.write(body)
                return
            for byte in body:  # a slow server: one byte at a time, each well inside a read timeout
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
                time.sleep(drip)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def log_message(self, *args) -> None:
        pass


class LocalServer:
    """Pages served from 127.0.0.1 only: tests never touch the network."""

    def __init__(self) -> None:
        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def route(
        self,
        path: str,
        body: bytes,
        content_type: str = "text/html; charset=utf-8",
        status: int = 200,
        delay: float = 0.0,
        headers: dict[str, str] | None = None,
        drip: float = 0.0,
    ) -> str:
        """Serve ``body`` at ``path``; ``drip``: seconds between bytes (bounded: the body's length)."""
        _Handler.routes[path] = (status, content_type, body, delay, headers or {}, drip)
        return self.url(path)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture(scope="session")
def local_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
