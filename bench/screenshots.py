"""Take the README's phone screenshots (390 px wide) of the built site: home, a lesson, the red-flag lesson.

Run after `make site`:  .venv/bin/python bench/screenshots.py
"""

from __future__ import annotations

import functools
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
OUT = ROOT / "screenshots"
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


def pages_to_shoot() -> dict[str, str]:
    """Return screenshot names and site paths: the home page, the second lesson and the red-flag lesson."""
    lessons = sorted((ROOT / "docs/lessons").glob("*.md"))
    care = next(p for p in lessons if 'care_page: "true"' in p.read_text(encoding="utf-8"))
    return {"home": "", "lesson": f"lessons/{lessons[1].stem}/", "red-flags": f"lessons/{care.stem}/"}


def main() -> None:
    """Serve site/ and save one full-page PNG per page."""
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = browser.new_page(
            viewport={"width": 390, "height": 844}, device_scale_factor=1, is_mobile=True, has_touch=True
        )
        for name, path in pages_to_shoot().items():
            page.goto(base + path, wait_until="networkidle")
            page.screenshot(path=OUT / f"{name}-390.png", full_page=False)
            print(f"screenshots/{name}-390.png  <- /{path}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
