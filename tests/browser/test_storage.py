"""What the scripts read back from storage is checked before use: a crafted or broken entry is dropped.

Anything on the reader's phone (another script of the same site, an old version, a hand edit) can write
the entries the course keeps, so they are read as hostile: a link from storage is followed only as a
path of this site, and a value of the wrong type never stops a page from working.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PHONE, let_modules_start
from playwright.sync_api import Browser, Page, expect

KEY = "cq:/"  # the site is served at the root of its address


@pytest.fixture
def reader(browser: Browser, serve, built_site: Path) -> Iterator[Page]:
    """A phone page on the built course, collecting page errors."""
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.base = serve(built_site)
    page.lessons = sorted(p.name for p in (built_site / "lessons").iterdir() if (p / "index.html").is_file())
    page.quizzes = sorted(p.name for p in (built_site / "quizzes").iterdir() if (p / "index.html").is_file())
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    yield page
    context.close()


def remember_program(page: Page, program: dict) -> None:
    """Write a program entry into session storage, as if a program page had been opened before."""
    page.goto(page.base)
    page.evaluate("([key, value]) => sessionStorage.setItem(key, value)", [KEY + ":program", json.dumps(program)])


def next_links(page: Page) -> list[str]:
    """Return the address of every 'Next in your program' or 'Back to your program' link on the page."""
    return page.locator(".cq-next a").evaluate_all("links => links.map((a) => a.href)")


@pytest.mark.parametrize(
    "bad", ["javascript:window.pwned=1", "//evil.example/", "/\\evil.example/", "/\t/evil.example/"]
)
def test_a_crafted_program_link_is_never_offered(reader: Page, bad: str) -> None:
    first, second = (f"/lessons/{name}/" for name in reader.lessons[:2])
    lessons = [
        {"path": first, "title": "First"},
        {"path": bad, "title": "Crafted"},
        {"path": second, "title": "Second"},
    ]
    remember_program(reader, {"title": "Plan", "path": "/programs/", "lessons": lessons})
    reader.goto(reader.base + first.lstrip("/"))
    # The crafted lesson is dropped, so the lesson after the first is the second one.
    expect(reader.locator(".cq-next a")).to_have_text("Next in your program: Second")
    assert next_links(reader) == [reader.base + second.lstrip("/")]
    remember_program(reader, {"title": "Plan", "path": bad, "lessons": lessons})
    reader.goto(reader.base + second.lstrip("/"))
    let_modules_start(reader)
    assert next_links(reader) == [], "a program whose own address is crafted is not offered at all"
    assert reader.evaluate("window.pwned") is None
    assert reader.problems == []


def test_wrong_typed_saved_progress_does_not_stop_a_quiz(reader: Page) -> None:
    path = f"/quizzes/{reader.quizzes[0]}/"
    reader.goto(reader.base + path.lstrip("/"))
    question = reader.locator("[data-cq-question]").first
    qid = question.get_attribute("data-cq-question")
    broken = {"read": "all", "passed": [1], "answers": {path: {qid: {"v": "b", "ok": "yes"}}, "/x/": 7}}
    reader.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, json.dumps(broken)])
    reader.reload()
    question.locator("label.cq-option").first.tap()
    if question.locator("[data-cq-check]").count():
        question.locator("[data-cq-check]").tap()
    expect(question.locator("[data-cq-feedback] .cq-verdict")).to_be_visible()
    reader.locator("[data-cq-reset]").first.tap()
    expect(reader.locator("[data-cq-live]").first).to_have_text("Your progress on this device is cleared.")
    assert reader.evaluate(f"localStorage.getItem({json.dumps(KEY)})") is None
    assert reader.problems == []
