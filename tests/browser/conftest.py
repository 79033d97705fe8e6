"""Browser fixtures: Debian's Chromium through Playwright at phone size, a local server, built sites."""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright
from project import ROOT, copy_project, run_build

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
PHONE = {"viewport": {"width": 390, "height": 844}, "has_touch": True, "is_mobile": True, "device_scale_factor": 2}


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A fresh page at phone size with touch; `page.problems` collects console errors and page errors."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


class Server(ThreadingHTTPServer):
    """A quiet local HTTP server for one folder."""

    daemon_threads = True


def handler_for(folder: Path, headers: dict[str, str]) -> type[SimpleHTTPRequestHandler]:
    """Return a request handler that serves `folder` and adds `headers` to every response."""

    class Handler(SimpleHTTPRequestHandler):
        def end_headers(self) -> None:
            for name, value in headers.items():
                self.send_header(name, value)
            super().end_headers()

        def log_message(self, *args: object) -> None:
            pass

    return functools.partial(Handler, directory=str(folder))


@pytest.fixture(scope="session")
def serve() -> Iterator[Callable[..., str]]:
    """Serve a folder on 127.0.0.1 and return its base URL; `headers` are added to every response.

    `port` 0 picks a free port. Material's instant navigation only works when the site is served at its
    `site_url`, so a test of it builds with SITE_URL set to a `free_port()` and serves on that port.
    """
    servers: list[Server] = []

    def start(folder: Path, *, headers: dict[str, str] | None = None, port: int = 0) -> str:
        server = Server(("127.0.0.1", port), handler_for(folder, headers or {}))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()


def wake_material(page: Page) -> None:
    """Scroll a little, as a reader would, so the page loads Material's bundle; wait until it has started.

    Until the reader first touches, scrolls or uses a key, a page runs without Material's bundle
    (md-start.js), so links load whole pages; instant navigation starts with the bundle.
    """
    page.mouse.wheel(0, 1)
    page.wait_for_function("() => window.document$ !== undefined && !document.getElementById('cq-material')")


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_copy(target: Path, *, course: Path, env: dict[str, str] | None = None) -> Path:
    """Build a course in a throwaway copy of the project and return its site folder."""
    project = copy_project(target, course=course)
    result = run_build(project, "build", "--strict", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built sample course (tests/sample): one quiz with every scored type, and a self-check."""
    return build_copy(tmp_path_factory.mktemp("sample") / "course", course=ROOT / "tests/sample")


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The built real course."""
    return build_copy(tmp_path_factory.mktemp("real") / "course", course=ROOT)
