"""Print the length of a sealed practice link for N days of daily sessions, packed and unpacked.

A client's "Send my practice to my trainer" link must stay whole in text and chat apps: send.js keeps it
to LINK_MAX characters (2,000) and leaves the rest for the next link. This opens a built site's program
page in Chromium, puts a practice log of one session a day on the phone (two exercises each, effort,
pain, and a note of NOTE characters every third day), makes the link, and prints its length and how many
sessions it holds: with CompressionStream, and without it, as on Safari before 16.4.

Run: .venv/bin/python build.py build && .venv/bin/python bench/practice_link.py [site folder]
"""

from __future__ import annotations

import functools
import sys
import threading
from datetime import UTC, datetime, timedelta
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from chromium import launch
from playwright.sync_api import sync_playwright

DAYS = (7, 14, 28, 42, 56, 90)
NOTE = "Felt the stretch at the back of the thighs; the last set was hard."  # 66 characters
CLIENT = "c=benchcli&k=AAAAAAAAAAAAAAAAAAAAAA"  # an id and secret of the agreed shapes
NO_COMPRESSION = "delete window.CompressionStream;"


class Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def practice_log(days: int) -> dict:
    """Return one session a day, in the agreed practice log format."""
    start = datetime(2026, 11, 1, 7, 30, tzinfo=UTC)
    items = [{"id": "start-here/wall-hinge", "sets": 3, "of": 3}, {"id": "dowel-test/dowel-hinge", "sets": 2, "of": 3}]
    return {
        "v": 1,
        "sessions": [
            {
                "id": f"b{day:07d}",
                "at": (start + timedelta(days=day, minutes=day * 7)).strftime("%Y-%m-%dT%H:%M:%S.000Z"),
                "lesson": "start-here",
                "program": None,
                "items": items,
                "effort": 3 + day % 5,
                "pain": day % 4,
                "note": NOTE if day % 3 == 0 else "",
            }
            for day in range(days)
        ],
    }


def measure(browser, base: str, days: int, *, packed: bool) -> tuple[int, str]:
    """Return the link's length and the page's words about it, for `days` of sessions."""
    context = browser.new_context()
    if not packed:
        context.add_init_script(NO_COMPRESSION)
    page = context.new_page()
    page.goto(base + "shared/program/#l=start-here&" + CLIENT)
    page.evaluate("log => localStorage.setItem('cq:/:practice', JSON.stringify(log))", practice_log(days))
    page.reload()
    page.locator("[data-cq-send-make]:not([disabled])").click()
    page.locator("[data-cq-send-qr] svg").wait_for()
    link = page.locator("[data-cq-send-link]").get_attribute("href")
    said = page.locator("[data-cq-send-say]").inner_text()
    context.close()
    return len(link), said


def main() -> None:
    site = Path(sys.argv[1] if len(sys.argv) > 1 else "site").resolve()
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    with sync_playwright() as playwright:
        browser = launch(playwright)
        print(f"{'days':>5} {'packing':>8} {'characters':>11}  holds")
        for days in DAYS:
            for packed in (True, False):
                length, said = measure(browser, base, days, packed=packed)
                holds = said if "holds" in said else f"all {days} sessions"
                print(f"{days:>5} {'deflate' if packed else 'none':>8} {length:>11}  {holds}")
        browser.close()
    server.shutdown()


if __name__ == "__main__":
    main()
