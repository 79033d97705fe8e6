"""Print the course data each browser-built page fetches: the page itself and its `shared/course…` files.

    .venv/bin/python bench/data_bytes.py SITE [SITE ...]

SITE is a built site folder (`site/` after `coursegen build`). Each page is opened in Chromium at a phone's
size, service worker blocked, until the network is idle: the prescribe page as it opens, then with its first
part opened (where it has parts); a prescribed program of the first three lessons; the inbox and "My
practice" with nothing kept. Bytes are those of the files fetched, raw and gzip level 6 (as a host sends
them), read from SITE; each file counts once. Works on a site built before the course data was in pieces
(one `shared/course.json`), for before-and-after figures. Figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import gzip
import json
from pathlib import Path
from urllib.parse import unquote, urlparse

from chromium import launch
from playwright.sync_api import Page, sync_playwright
from serve_gzip import serve

PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def first_lessons(site: Path, count: int) -> list[str]:
    """Return the ids of the course's first lessons, from its course data (the index's, or the old whole file's)."""
    data = json.loads((site / "shared/course.json").read_text(encoding="utf-8"))
    if "parts" in data:
        return [lesson for part in data["parts"] for lesson in part["lessons"]][:count]
    return [lesson["id"] for lesson in data["lessons"]][:count]


def file_of(site: Path, path: str) -> Path:
    """Return the file of the site a fetched path names (a folder's address names its index.html)."""
    rel = unquote(path).lstrip("/")
    return site / (rel + "index.html" if rel.endswith("/") or not rel else rel)


def fetched(page: Page, address: str, then=None) -> list[str]:
    """Open an address and return the paths of the page and the course data it fetched, in order, once each."""
    paths: list[str] = []
    watch = lambda r: paths.append(urlparse(r.url).path)  # noqa: E731
    page.on("request", watch)
    page.goto(address)
    page.wait_for_load_state("networkidle")
    if then:
        then(page)
        page.wait_for_load_state("networkidle")
    page.remove_listener("request", watch)
    wanted = [p for p in paths if p.startswith("/shared/") and (p.endswith("/") or "/shared/course" in p)]
    return list(dict.fromkeys(wanted))


def open_first_part(page: Page) -> None:
    """Open the prescribe page's first closed part, as a trainer would."""
    closed = page.locator("details[data-cq-piece]:not([open]) summary")
    if closed.count():
        closed.first.tap()
        page.locator("details[data-cq-piece][open] [data-cq-lesson]").first.wait_for()


def sizes(site: Path, paths: list[str]) -> tuple[int, int, int, int]:
    """Return the raw and gzip bytes of the page (the first path) and of the course data files."""
    page_raw = page_gz = data_raw = data_gz = 0
    for path in paths:
        body = file_of(site, path).read_bytes()
        if path.endswith("/"):
            page_raw, page_gz = page_raw + len(body), page_gz + len(gzip.compress(body, 6))
        else:
            data_raw, data_gz = data_raw + len(body), data_gz + len(gzip.compress(body, 6))
    return page_raw, page_gz, data_raw, data_gz


def measure(site: Path) -> None:
    """Print, for each browser-built page of a site, the bytes of the page and of the course data it fetched."""
    program = "shared/program/#l=" + ",".join(first_lessons(site, 3))
    pages = [
        ("home page, a new reader", "", None),
        ("prescribe page", "shared/prescribe/", None),
        ("prescribe, a part opened", "shared/prescribe/", open_first_part),
        ("prescribed program (3 lessons)", program, None),
        ("inbox", "shared/inbox/", None),
        ("My practice", "shared/practice/", None),
    ]
    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            print(f"{site}")
            print(f"  {'page':32} {'page KB raw/gz':>16} {'data KB raw/gz':>16} {'files':>6}")
            for name, address, then in pages:
                context = browser.new_context(**PHONE, service_workers="block")
                paths = fetched(context.new_page(), base + address, then)
                context.close()
                page_raw, page_gz, data_raw, data_gz = sizes(site, paths)
                files = len([p for p in paths if not p.endswith("/")])
                print(
                    f"  {name:32} {page_raw / 1000:7.1f}/{page_gz / 1000:6.1f}  "
                    f"{data_raw / 1000:7.1f}/{data_gz / 1000:6.1f} {files:6d}"
                )
            browser.close()
    finally:
        server.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path)
    for site in parser.parse_args().sites:
        measure(site)


if __name__ == "__main__":
    main()
