"""Compare two builds of a site pixel by pixel: every page at 390 and 1280 px, light and dark, and printed.

The second site is shot as a reader first sees it, before any touch (so with its critical stylesheet
alone, when it has one). Prints each view's differing pixels; writes the differing pairs' images to OUT.

    .venv/bin/python bench/first_paint_compare.py BEFORE_SITE AFTER_SITE [OUT]
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

from chromium import launch
from PIL import Image, ImageChops
from playwright.sync_api import sync_playwright
from serve_gzip import serve

VIEWS = (
    ("390 light", 390, "light", "screen"),
    ("390 dark", 390, "dark", "screen"),
    ("1280 light", 1280, "light", "screen"),
    ("1280 dark", 1280, "dark", "screen"),
    ("print", 800, "light", "print"),
)


def shot(page, url: str, media: str) -> Image.Image:
    """Return a full-page screenshot of the page once loaded, with no touch, scroll or key."""
    page.emulate_media(media=media)
    page.goto(url, wait_until="load")
    page.wait_for_timeout(300)
    return Image.open(io.BytesIO(page.screenshot(full_page=True, animations="disabled", caret="hide"))).convert("RGB")


def differing(a: Image.Image, b: Image.Image) -> int:
    """Return how many pixels differ (every pixel of the larger image beyond the smaller one counts)."""
    if a.size != b.size:
        return max(a.size[0] * a.size[1], b.size[0] * b.size[1])
    box = ImageChops.difference(a, b).convert("L").point(lambda v: 255 if v else 0)
    return box.histogram()[255]


def main(before: Path, after: Path, out: Path) -> None:
    """Print every page's differing pixels in each view."""
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(p.relative_to(after).parent.as_posix() for p in after.rglob("index.html"))
    (base_a, server_a), (base_b, server_b) = serve(before), serve(after)
    total = 0
    with sync_playwright() as pw:
        browser = launch(pw)
        for name, width, scheme, media in VIEWS:
            context = browser.new_context(viewport={"width": width, "height": 844}, color_scheme=scheme)
            page = context.new_page()
            for path in pages:
                rel = "" if path == "." else path + "/"
                a, b = shot(page, base_a + rel, media), shot(page, base_b + rel, media)
                n = differing(a, b)
                total += n
                if n:
                    stem = f"{rel.strip('/').replace('/', '_') or 'home'}-{name.replace(' ', '-')}"
                    a.save(out / f"{stem}-before.png")
                    b.save(out / f"{stem}-after.png")
                sizes = "" if a.size == b.size else f" (sizes {a.size} {b.size})"
                print(f"{name:10} {rel or '/':45} {n:8d} pixels differ{sizes}")
            context.close()
        browser.close()
    server_a.shutdown()
    server_b.shutdown()
    print(f"{len(pages)} pages x {len(VIEWS)} views: {total} differing pixels in all")


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3] if len(sys.argv) > 3 else "bench/out/first-paint"))
