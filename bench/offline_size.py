"""Print what a built site's offline copy costs a reader: what the service worker fetches by itself after the
first page, what "keep the whole course" adds, the worker's own size, and the first search's bytes.

    .venv/bin/python bench/offline_size.py SITE [SITE ...]

SITE is a built site folder (`site/` after `coursegen build`). A site built before offline.json existed
(its worker held the list itself) is read from sw.js. Sizes are gzip level 6, as a web server sends them.
Figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
from pathlib import Path

SEARCH_INDEX = "search/search_index.json"


def gzip_size(data: bytes) -> int:
    """Return the bytes of `data` compressed as a web server sends it."""
    return len(gzip.compress(data, 6))


def site_path(url: str) -> str:
    """Return the file a service worker URL names, relative to the site root."""
    return "index.html" if url == "./" else url + "index.html" if url.endswith("/") else url


def lists(site: Path) -> tuple[list[str], list[str]]:
    """Return the URLs the worker keeps by itself, and those it keeps only when the reader asks."""
    listing = site / "offline.json"
    if listing.is_file():
        data = json.loads(listing.read_text(encoding="utf-8"))
        return [*data["shell"], "offline.json"], data["rest"]
    worker = (site / "sw.js").read_text(encoding="utf-8")
    found = re.search(r"const FILES = (\[.*?\]);", worker, re.DOTALL)
    return (json.loads(found.group(1)) if found else []), []


def total(site: Path, urls: list[str]) -> tuple[int, int]:
    """Return the raw and gzip bytes of the files behind some URLs."""
    blobs = [(site / site_path(url)).read_bytes() for url in urls]
    return sum(map(len, blobs)), sum(map(gzip_size, blobs))


def report(site: Path) -> list[str]:
    """Return the figures of one built site, one line each."""
    alone, on_request = lists(site)
    raw, packed = total(site, alone)
    rest_raw, rest_packed = total(site, on_request)
    worker = (site / "sw.js").read_bytes()
    index = site / SEARCH_INDEX
    search = index.read_bytes() if index.is_file() else b""
    mb = 1e6
    return [
        f"{site}",
        f"  offline copy fetched by the service worker by itself: {len(alone)} files, "
        f"{packed / mb:.2f} MB gzip ({raw / mb:.1f} MB raw)",
        f"  kept only when the reader asks (keep the whole course): {len(on_request)} files, "
        f"{rest_packed / mb:.2f} MB gzip ({rest_raw / mb:.1f} MB raw)",
        f"  sw.js: {len(worker) / 1000:.1f} KB raw, {gzip_size(worker) / 1000:.1f} KB gzip",
    ] + (
        [
            f"  Material's search index ({SEARCH_INDEX}): "
            f"{len(search) / 1000:.0f} KB raw, {gzip_size(search) / 1000:.0f} KB gzip"
        ]
        if search
        else []  # an MkDocs site searches with Pagefind: bench/first_search.py measures it
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sites", nargs="+", type=Path, help="built site folders")
    for site in parser.parse_args().sites:
        print("\n".join(report(site)))


if __name__ == "__main__":
    main()
