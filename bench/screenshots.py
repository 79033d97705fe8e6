"""Take the README's phone screenshots (390 px wide) of the built site.

Home, a lesson and the red-flag lesson, and a quiz before and after answering in light and dark mode.

Run after `make site`:  .venv/bin/python bench/screenshots.py
The lesson figures alone, each drawn 390 px wide (no site needed):  .venv/bin/python bench/screenshots.py --figures
"""

from __future__ import annotations

import base64
import functools
import sys
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from chromium import launch
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
SITE = ROOT / "site"
OUT = ROOT / "screenshots"


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without logging every request."""

    def log_message(self, *args: object) -> None:
        pass


def pages_to_shoot() -> dict[str, str]:
    """Return screenshot names and site paths: the home page, the second lesson, the lesson the course's
    notice links to (the red flags), and the first program."""
    from coursegen.commands.generate import generate
    from coursegen.model import paths

    course = generate(ROOT).course
    lessons = course.lessons_in_order
    notice = course.settings.notice
    care = course.lesson(notice.link) if notice and notice.link else lessons[-1]
    return {
        "home": "",
        "lesson": paths.url_of(paths.lesson_page(lessons[1], course)),
        "red-flags": paths.url_of(paths.lesson_page(care, course)),
        "program": paths.url_of(paths.program_page(course.programs[0])),
    }


def main() -> None:
    """Serve site/ and save one full-page PNG per page."""
    handler = functools.partial(QuietHandler, directory=str(SITE))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    OUT.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = launch(p)
        for scheme in ("light", "dark"):
            page = browser.new_page(
                viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, color_scheme=scheme
            )
            if scheme == "light":
                for name, path in pages_to_shoot().items():
                    page.goto(base + path, wait_until="networkidle")
                    save(page, f"{name}-390.png")
                shoot_handout(browser, base)
            shoot_quiz(page, base, scheme)
            page.close()
        browser.close()
    server.shutdown()


def shoot_quiz(page, base: str, scheme: str) -> None:
    """Save the second lesson's quiz before and after a wrong and a right answer."""
    quiz = sorted((ROOT / "docs/quizzes").glob("*.md"))[1].stem
    page.goto(base + f"quizzes/{quiz}/", wait_until="networkidle")
    page.locator(".cq-question").first.scroll_into_view_if_needed()
    save(page, f"quiz-{scheme}-before.png")
    single = page.locator('.cq-question[data-cq-type="single"]').first
    single.locator("input:not([data-cq-correct])").first.locator("xpath=..").tap()
    single.locator("[data-cq-feedback]").scroll_into_view_if_needed()
    save(page, f"quiz-{scheme}-after.png")


def shoot_handout(browser, base: str) -> None:
    """Save the top of a lesson as it prints: an A4-wide handout with no navigation."""
    page = browser.new_page(viewport={"width": 794, "height": 1123})
    page.goto(base + "lessons/02-dowel-test/", wait_until="networkidle")
    page.emulate_media(media="print")
    save(page, "handout-print.png")
    page.close()


def shoot_figures() -> None:
    """Save each lesson figure (not the small quiz pictures) as the phone draws it, 390 px wide."""
    with sync_playwright() as p:
        browser = launch(p)
        page = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
        for svg in sorted((ROOT / "docs/figures").glob("*.svg")):
            if svg.name.startswith("pic-"):
                continue
            data = base64.b64encode(svg.read_bytes()).decode()
            page.set_content(
                f'<body style="margin:0"><img style="display:block;width:390px" src="data:image/svg+xml;base64,{data}">'
            )
            page.locator("img").screenshot(path=OUT / f"figure-{svg.stem}-390.png")
            print(f"screenshots/figure-{svg.stem}-390.png")
        browser.close()


def save(page, name: str) -> None:
    """Save a screenshot of the visible screen."""
    page.screenshot(path=OUT / name)
    print(f"screenshots/{name}")


if __name__ == "__main__":
    shoot_figures() if "--figures" in sys.argv[1:] else main()
