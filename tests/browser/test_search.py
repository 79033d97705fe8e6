"""Search at phone size: open it, type a word of a lesson, see the lesson, follow it; by keyboard alone; offline.

On MkDocs the box is Material's, driven by Pagefind; on Zensical, Zensical's own search must still find the lesson.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PHONE, free_port, release_when_asked
from playwright.sync_api import Browser, Page, expect
from project import ROOT, copy_project, run_build
from test_build import fetch, wait_for

HOSTILE = "<img src=x onerror=window.cqHit=1> Zzyzx"


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The sample course with a lesson whose title holds markup, built by this run's engine."""
    project = copy_project(tmp_path_factory.mktemp(f"search-{engine}") / "course", course=ROOT / "tests/sample")
    lesson = project / "lessons/01-first-steps.yml"
    lesson.write_text(lesson.read_text().replace("title: First steps", f"title: '{HOSTILE}'"))
    result = run_build(project, "build", "--strict", "--engine", engine)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture
def base(serve, hostile_site: Path, strict_csp: str) -> str:
    return serve(hostile_site, headers={"Content-Security-Policy": strict_csp})


@pytest.mark.only_on("mkdocs", "Pagefind drives search on MkDocs; Zensical's own search is tested below")
def test_a_reader_finds_a_lesson_by_a_word_of_it_and_follows_it(phone: Page, base: str) -> None:
    # Chromium itself sometimes asks for /favicon.ico while following a result (the page names its icon, so
    # no reader sees it); that 404 is the browser's, not the site's.
    phone.route("**/favicon.ico", lambda route: route.fulfill(status=204))
    phone.goto(base + "quizzes/")
    phone.goto(base)
    phone.locator(".md-header__button[for='__search']").tap()
    field = phone.locator("[data-cq-search-input]")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("aria-label", "Search")
    field.press_sequentially("Zzyzx", delay=30)
    # The title's markup reaches the reader as the text the author wrote, never as an element.
    title = phone.locator("h1", has_text=re.compile(r"^<img src=x onerror=window\.cqHit=1> Zzyzx$"))
    result = phone.locator("[data-cq-search-list] li a").filter(has=title)
    expect(result).to_have_count(1)
    assert phone.locator("[data-cq-search-list] img").count() == 0
    expect(phone.locator("[data-cq-search-status]")).to_have_text(re.compile(r"^\d+ pages? match(es)?\.$"))
    result.tap()
    expect(phone).to_have_url(re.compile(r"/lessons/01-first-steps/$"))
    assert phone.evaluate("window.cqHit") is None
    assert phone.problems == []


@pytest.mark.only_on("mkdocs", "Pagefind drives search on MkDocs")
def test_words_typed_before_the_search_script_starts_are_searched(phone: Page, base: str) -> None:
    held = []
    phone.route("**/coursegen/search.js", lambda route: held.append(route))
    phone.goto(base)
    phone.locator(".md-header__button[for='__search']").tap()
    field = phone.locator("[data-cq-search-input]")
    expect(field).to_be_focused()  # md-start.js focuses it until search.js has started
    field.press_sequentially("Zzyzx", delay=30)
    release_when_asked(phone, held)
    expect(phone.locator("[data-cq-search-list] li a").first).to_be_visible()
    expect(phone.locator("[data-cq-search-status]")).to_have_text(re.compile(r"^\d+ pages? match(es)?\.$"))
    assert phone.problems == []


@pytest.mark.only_on("mkdocs", "Pagefind drives search on MkDocs")
def test_search_works_by_keyboard_alone(browser: Browser, base: str) -> None:
    context = browser.new_context(**{**PHONE, "has_touch": False, "is_mobile": False})
    page = context.new_page()
    page.goto(base + "lessons/02-red-flags/")
    # Search's keys work once its script has run, which names the header's button for keyboard readers.
    expect(page.locator(".md-header__button[for='__search']")).to_have_attribute("role", "button")
    page.keyboard.press("/")
    field = page.locator("[data-cq-search-input]")
    expect(field).to_be_focused()
    page.keyboard.type("hinge")
    expect(page.locator("[data-cq-search-list] li").first).to_be_visible()
    expect(page.locator("[data-cq-search-status]")).to_have_text(re.compile(r"\d+ pages? match"))
    page.keyboard.press("Escape")
    expect(page.locator("#__search")).not_to_be_checked()
    page.keyboard.press("s")
    expect(field).to_be_focused()
    page.keyboard.press("Enter")  # follows the first result
    expect(page).not_to_have_url(re.compile(r"/lessons/02-red-flags/$"))
    context.close()


@pytest.mark.only_on("mkdocs", "Pagefind drives search on MkDocs")
def test_search_works_offline_after_a_visit(browser: Browser, base: str) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=15000)
    context.set_offline(True)
    page.goto(base + "lessons/02-red-flags/")
    page.locator(".md-header__button[for='__search']").tap()
    page.locator("[data-cq-search-input]").press_sequentially("Zzyzx", delay=30)
    expect(page.locator("[data-cq-search-list] li a").first).to_contain_text("Zzyzx")
    context.close()


@pytest.mark.only_on("zensical", "Zensical keeps its own search")
def test_zensical_still_finds_a_lesson_with_its_own_search(phone: Page, base: str) -> None:
    phone.goto(base)
    phone.locator("label[for='__search'], [data-md-component=search] button, .md-search__button").first.tap()
    phone.keyboard.type("Zzyzx", delay=30)
    # Zensical's results link to the page with the words searched (`?h=`): only its search makes such links.
    expect(phone.locator("a[href*='lessons/01-first-steps/?h=Zzyzx']").first).to_be_visible()


@pytest.mark.only_on("mkdocs", "`serve` previews with MkDocs")
def test_the_preview_finds_a_lesson_with_materials_own_search(phone: Page, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course", course=ROOT / "tests/sample")
    port = free_port()
    with (tmp_path / "serve.log").open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "build.py", "serve", "--port", str(port)], cwd=project, stdout=log, stderr=log
        )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: "First steps" in fetch(base + "lessons/02-red-flags/"), seconds=180)
        phone.goto(base + "lessons/02-red-flags/")
        phone.locator("label.md-header__button[for='__search']").tap()
        phone.keyboard.type("hips", delay=30)
        # The preview has no Pagefind index; Material's search plugin indexes each preview, and its results
        # link with `?h=` (search.highlight).
        expect(phone.locator(".md-search-result a[href*='lessons/01-first-steps/?h=hips']").first).to_be_visible()
    finally:
        server.terminate()
        server.wait(timeout=30)
