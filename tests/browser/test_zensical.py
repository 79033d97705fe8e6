"""The same project also builds with Zensical, Material's successor, and its quizzes still work."""

from __future__ import annotations

from pathlib import Path

from conftest import PHONE
from playwright.sync_api import Browser, expect
from project import copy_project, run_build


def test_zensical_builds_the_course_and_a_quiz_checks_an_answer(browser: Browser, serve, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course")
    result = run_build(project, "build", "--engine", "zensical")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    assert (site / "lessons/01-first-steps/index.html").exists() and (site / "sw.js").exists()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(serve(site) + "quizzes/01-first-steps/")
    question = page.locator("#first-steps-where-bend")
    question.locator("label.cq-option").nth(1).tap()
    expect(question.locator("[data-cq-feedback]")).to_contain_text("No. The low back stays still")
    # Zensical keeps its bundle in the page (BENCHMARKS.md): it runs at once, and agrees with md-start.js.
    assert page.evaluate("window.document$ !== undefined && !document.getElementById('cq-material')")
    page.locator(".md-header__option > label:visible").tap()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    fresh = context.new_page()
    fresh.goto(page.url)
    expect(fresh.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    context.close()
