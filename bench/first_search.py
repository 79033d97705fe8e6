"""Print what a reader's first search fetches on a built site, measured in Chromium over gzip.

    .venv/bin/python bench/first_search.py SITE [--query WORD]

SITE is a built site folder (MkDocs with Material). A phone-size page opens the site's first lesson with the
service worker blocked (so every byte is fetched, as on a first visit), scrolls once (Material's bundle loads
on the first touch), opens search, types WORD and waits for results. Every response fetched from the first
touch on whose address is search's is listed with its bytes on the wire: on an MkDocs site, Pagefind's
(pagefind.js, its worker, its WebAssembly, the entry and meta files, the index chunks and page fragments the
word needs); on a site with Material's own search, its worker, its index and Lunr's language files. A
script or JSON file counts gzipped at level 6, which is what bench/serve_gzip.py sends (Chromium reports no
body size for a worker's own script); Pagefind's other files are gzip already and count as they are.
Figures only: no pass/fail.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from urllib.parse import urlsplit

from chromium import launch
from playwright.sync_api import sync_playwright
from serve_gzip import compressed, serve

SEARCH = ("/pagefind/", "search_index.json", "/workers/search", "/javascripts/lunr/")
QUERY_BOX = "[data-cq-search-input], [data-md-component=search-query]"  # Pagefind's box (MkDocs), or Material's
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}


def first_lesson(site: Path) -> str:
    """Return the address of the site's first lesson page, relative to its root."""
    page = min(site.glob("lessons/**/index.html"))
    return page.parent.relative_to(site).as_posix() + "/"


def search_fetches(site: Path, query: str) -> list[tuple[str, int]]:
    """Return each search response of a first search on `site`: its path and its bytes on the wire."""
    base, server = serve(site)
    rows: list[str] = []
    try:
        with sync_playwright() as p:
            browser = launch(p)
            context = browser.new_context(**PHONE, service_workers="block")
            page = context.new_page()
            page.goto(base + first_lesson(site), wait_until="networkidle")
            context.on("requestfinished", lambda r: rows.append(urlsplit(r.url).path))
            page.mouse.wheel(0, 1)
            page.wait_for_function("window.document$ !== undefined", timeout=30000)
            page.locator("label[for=__search]").first.click()
            page.locator(QUERY_BOX).first.press_sequentially(query, delay=50)
            page.locator(".md-search-result__item").first.wait_for(timeout=60000)
            page.wait_for_load_state("networkidle")
            browser.close()
    finally:
        server.shutdown()
    fetched = dict.fromkeys(path for path in rows if any(part in path for part in SEARCH))
    return [(path, wire_bytes(site / path.lstrip("/"))) for path in fetched]


def wire_bytes(file: Path) -> int:
    """Return the bytes bench/serve_gzip.py sends for a file: gzip for text, else the file as it is."""
    return len(compressed(file, file.stat().st_mtime_ns)) if file.suffix in (".js", ".json") else file.stat().st_size


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="a built site folder")
    parser.add_argument("--query", default="hinge", help="the word to search for (default: hinge)")
    args = parser.parse_args()
    rows = search_fetches(args.site, args.query)
    for path, size in rows:
        print(f"  {path}: {size / 1000:.1f} KB on the wire")
    print(f"{args.site}: the first search fetches {len(rows)} files, {sum(s for _, s in rows) / 1000:.0f} KB gzip")


if __name__ == "__main__":
    main()
