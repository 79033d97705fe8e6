"""Take the quiz screenshots for the README: a quiz at 390 px before and after answering, light and dark.

Builds the course in a throwaway copy (so the shots always show the current quiz.js and quiz.css), serves it
and writes screenshots/quiz-{light,dark}-{before,after}.png.

Run: .venv/bin/python bench/screenshots_quiz.py
"""

from __future__ import annotations

import functools
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from chromium import launch
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "screenshots"
sys.path.insert(0, str(ROOT / "tests"))
from project import copy_project, run_build  # noqa: E402


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without logging every request."""

    def log_message(self, *args: object) -> None:
        pass


def build(folder: Path) -> Path:
    """Build the real course in `folder` and return its site."""
    project = copy_project(folder / "course", course=ROOT)
    result = run_build(project, "build")
    if result.returncode:
        raise SystemExit(result.stdout + result.stderr)
    return project / "site"


def shoot(page: Page, base: str, scheme: str, *, site: Path) -> None:
    """Save the first quiz with a single-choice question before and after a wrong answer."""
    for quiz in sorted(p.parent.name for p in site.glob("quizzes/*/index.html")):
        page.goto(base + f"quizzes/{quiz}/", wait_until="networkidle")
        if page.locator('.cq-question[data-cq-type="single"]').count():
            break
    question = page.locator('.cq-question[data-cq-type="single"]').first
    question.evaluate("q => window.scrollTo(0, q.getBoundingClientRect().top + scrollY - 70)")
    page.wait_for_timeout(500)  # let Material's header finish swapping the site name for the page title
    save(page, f"quiz-{scheme}-before.png")
    question.locator("label.cq-option:has(input:not([data-cq-correct]))").first.tap()
    question.locator("[data-cq-feedback]").wait_for()
    question.evaluate("q => window.scrollTo(0, q.getBoundingClientRect().top + scrollY - 70)")
    page.wait_for_timeout(500)
    save(page, f"quiz-{scheme}-after.png")


def save(page: Page, name: str) -> None:
    """Save a screenshot of the visible screen."""
    page.screenshot(path=OUT / name)
    print(f"screenshots/{name}")


def main() -> None:
    """Build, serve and shoot the quiz in both palettes at phone size."""
    OUT.mkdir(exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        site = build(Path(folder))
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(QuietHandler, directory=str(site)))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/"
        with sync_playwright() as playwright:
            browser = launch(playwright)
            for scheme in ("light", "dark"):
                context = browser.new_context(
                    viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True, color_scheme=scheme
                )
                shoot(context.new_page(), base, scheme, site=site)
                context.close()
            browser.close()
        server.shutdown()


if __name__ == "__main__":
    main()
