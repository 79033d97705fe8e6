"""Browser fixtures: Debian's Chromium through Playwright at phone size, a local server, built sites.

Every browser test runs once per engine (MkDocs with Material, and Zensical): the `engine` fixture is
autouse and shows in the test id, and each engine's sites are built once per session. A test that cannot
apply to one engine is marked `only_on(engine, reason)`; a test of something no engine builds is marked
`engine_free(reason)` and runs once.
"""

from __future__ import annotations

import functools
import socket
import threading
from collections.abc import Callable, Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from pagecheck import STRICT_CSPS
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


ENGINES = ("mkdocs", "zensical")


def pytest_configure(config: pytest.Config) -> None:
    """Register the markers that say why a test runs on one engine only."""
    config.addinivalue_line("markers", "only_on(engine, reason): the test cannot apply to the other engine")
    config.addinivalue_line("markers", "engine_free(reason): the test uses no built site, so it runs once")


@pytest.fixture(scope="session", params=ENGINES, autouse=True)
def engine(request: pytest.FixtureRequest) -> str:
    """The engine that builds the sites of this run of a test."""
    return request.param


def pytest_runtest_setup(item: pytest.Item) -> None:
    """Skip a test on an engine it cannot apply to, saying why, before any site is built for it."""
    engine = item.callspec.params.get("engine") if hasattr(item, "callspec") else None
    only = item.get_closest_marker("only_on")
    if only and engine and only.args[0] != engine:
        pytest.skip(f"{only.args[0]} only: {only.args[1]}")
    free = item.get_closest_marker("engine_free")
    if free and engine and engine != ENGINES[0]:
        pytest.skip(f"runs once, on {ENGINES[0]}: {free.args[0]}")


@pytest.fixture(scope="session")
def strict_csp(engine: str) -> str:
    """The strictest Content-Security-Policy a site built by this run's engine works under."""
    return STRICT_CSPS[engine]


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
    # The bundle then fetches sitemap.xml, the pages instant navigation may swap in; a tap before it has
    # arrived loads the whole page. The course's modules start at the same touch.
    page.wait_for_load_state("networkidle")


def read_page(page: Page, url: str) -> None:
    """Open a page and wait until the course's scripts, which start once it has loaded, have kept it as read."""
    page.goto(url)
    page.wait_for_function("() => Object.values(localStorage).some((kept) => kept.includes(location.pathname))")


def let_modules_start(page: Page) -> None:
    """Wait until the course's modules, which start after the page's load (md-start.js), have loaded and run."""
    page.wait_for_function("() => !document.getElementById('cq-modules')")
    page.wait_for_load_state("networkidle")


def release_when_asked(page: Page, held: list) -> None:
    """Let a held script (page.route) through once the page has asked for it: md-start.js asks as the reader acts."""
    for _ in range(100):
        if held:
            break
        page.wait_for_timeout(50)
    assert held, "the script was asked for"
    held[0].continue_()


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that is free now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def build_copy(target: Path, *, course: Path, engine: str, env: dict[str, str] | None = None) -> Path:
    """Build a course with an engine in a throwaway copy of the project and return its site folder."""
    project = copy_project(target, course=course)
    result = run_build(project, "build", "--strict", "--engine", engine, env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The built sample course (tests/sample): one quiz with every scored type, and a self-check."""
    return build_copy(
        tmp_path_factory.mktemp(f"sample-{engine}") / "course", course=ROOT / "tests/sample", engine=engine
    )


@pytest.fixture(scope="session")
def built_sites(tmp_path_factory: pytest.TempPathFactory) -> Callable[[str], Path]:
    """Return the real course built by an engine; each engine builds it once per session."""
    sites: dict[str, Path] = {}

    def site(engine: str) -> Path:
        if engine not in sites:
            folder = tmp_path_factory.mktemp(f"real-{engine}") / "course"
            sites[engine] = build_copy(folder, course=ROOT, engine=engine)
        return sites[engine]

    return site


@pytest.fixture(scope="session")
def built_site(built_sites: Callable[[str], Path], engine: str) -> Path:
    """The real course, built by this run's engine."""
    return built_sites(engine)


@pytest.fixture(scope="session")
def site_at_its_address(tmp_path_factory: pytest.TempPathFactory, serve, engine: str) -> Callable[..., str]:
    """Return the base URL of the sample course built for, and served at, one address (so instant navigation is on).

    One build per engine and set of headers, shared by the tests of every module that asks for it.
    """
    bases: dict[str, str] = {}

    def base(*, csp: str = "") -> str:
        if csp not in bases:
            port = free_port()
            url = f"http://127.0.0.1:{port}/"
            folder = tmp_path_factory.mktemp(f"at-its-address-{engine}") / "course"
            site = build_copy(folder, course=ROOT / "tests/sample", engine=engine, env={"SITE_URL": url})
            bases[csp] = serve(site, headers={"Content-Security-Policy": csp} if csp else {}, port=port)
        return bases[csp]

    return base
