"""Safe output: script in every text field never runs and shows as text; every page obeys a strict CSP."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import PHONE, let_modules_start
from playwright.sync_api import Browser, expect
from project import copy_project, run_build

LONG = '<script>window.pwned=1</script><img src=x onerror="window.pwned=2">"\'><svg onload=window.pwned=3>'
SHORT = "\"'><img src=x onerror=window.pwned=4>"
LINK = ' <a href="javascript:window.pwned=6">or me</a> [a site](https://example.com/) [mail](mailto:a@example.com)'
TEXT_FIELDS = {
    "title",
    "summary",
    "heading",
    "caption",
    "alt",
    "mistake",
    "fix",
    "prompt",
    "text",
    "feedback",
    "explanation",
    "intro",
    "message",
    "feedback_true",
    "feedback_false",
}
MARKDOWN_FIELDS = {"body", "easier", "harder", "note"}
SHORT_FIELDS = {"title", "summary"}


def poison(value: object, key: str = "") -> object:
    """Return a course value with an attack added to every text and Markdown field, ids left alone."""
    if isinstance(value, dict):
        return {k: poison(v, k) for k, v in value.items()}
    if isinstance(value, list):
        items = [poison(v, key) for v in value]
        return [LONG + str(v) if key in ("steps", "cues") and isinstance(v, str) else v for v in items]
    if isinstance(value, str) and key in SHORT_FIELDS:
        return SHORT + value
    if isinstance(value, str) and key in TEXT_FIELDS:
        return LONG + value
    if isinstance(value, str) and key in MARKDOWN_FIELDS:
        return LONG + value + LINK
    return value


@pytest.fixture(scope="module")
def poisoned_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    project = copy_project(tmp_path_factory.mktemp("poisoned") / "course")
    for path in [*project.glob("lessons/*.yml"), *project.glob("quizzes/*.yml"), *project.glob("programs/*.yml")]:
        path.write_text(yaml.safe_dump(poison(yaml.safe_load(path.read_text())), allow_unicode=True, width=1000))
    config = project / "mkdocs.yml"
    config.write_text(
        config.read_text() + f"  trainer:\n    name: {yaml.safe_dump(SHORT + 'Sam').strip()}\n"
        f"    city: {yaml.safe_dump(LONG).strip()}\n"
    )
    result = run_build(project, "build", "--engine", engine)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_nothing_injected_runs_and_the_text_shows_as_text(browser: Browser, serve, poisoned_site: Path) -> None:
    base = serve(poisoned_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    pages = sorted(p.relative_to(poisoned_site).parent.as_posix() for p in poisoned_site.rglob("index.html"))
    assert len(pages) >= 6
    for rel in pages:
        page.goto(base + ("" if rel == "." else rel + "/"))
        for link in page.locator("a", has_text="or me").all():
            link.dispatch_event("click")
        let_modules_start(page)  # what the scripts write into the page is written by now
        assert page.evaluate("window.pwned") is None, rel
    page.goto(base + "lessons/01-first-steps/")
    body = page.locator("article").inner_text()
    assert "<script>window.pwned=1</script>" in body
    assert "\"'><img src=x onerror=window.pwned=4>First steps" in body
    assert '<a href="javascript:window.pwned=6">or me</a>' in body
    page.goto(base + "quizzes/01-first-steps/")
    page.locator("label.cq-option").first.tap()
    expect(page.locator("[data-cq-feedback]").first).to_contain_text("<svg onload=window.pwned=3>")
    assert page.evaluate("window.pwned") is None
    assert dialogs == []
    context.close()


SAFE_LINK = ("http:", "https:", "mailto:", "tel:", "sms:")
CONTROLS = "button, input, summary, a[href^='#'], a[href^='mailto:'], a[data-cq-send]"


def test_every_link_button_and_control_of_a_hostile_course_runs_nothing(
    browser: Browser, serve, poisoned_site: Path
) -> None:
    base = serve(poisoned_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    dialogs: list[str] = []
    away: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.on("framenavigated", lambda f: away.append(f.url) if not f.url.startswith(("http:", "https:")) else None)
    page.on("popup", lambda p: away.append(p.url))
    pages = sorted(p.relative_to(poisoned_site).parent.as_posix() for p in poisoned_site.rglob("index.html"))
    controls = 0
    for rel in pages:
        url = base + ("" if rel == "." else rel + "/")
        page.goto(url)
        # Ready: every module the page names has arrived and set up its controls (a hidden form's submit
        # button clicked before its module is there would submit the form natively).
        page.wait_for_load_state("networkidle")
        hrefs = page.locator("a[href]").evaluate_all("links => links.map(a => a.href)")
        assert [h for h in hrefs if not h.startswith(SAFE_LINK)] == [], rel
        # Clicked from the page itself, every control found when the page is ready, even those that a click
        # before them hides or replaces.
        controls += page.evaluate(
            """selector => {
              const found = [...document.querySelectorAll(selector)];
              found.forEach((control) => { try { control.click(); } catch (error) { /* gone already */ } });
              return found.length;
            }""",
            CONTROLS,
        )
        page.wait_for_timeout(100)
        assert page.evaluate("window.pwned") is None, rel
        assert page.url.startswith(url.split("#")[0]), rel
    assert controls > 100
    assert dialogs == [] and away == []
    context.close()


def test_every_page_of_the_course_works_under_a_strict_csp(
    browser: Browser, serve, built_site: Path, strict_csp: str, engine: str
) -> None:
    base = serve(built_site, headers={"Content-Security-Policy": strict_csp})
    context = browser.new_context(**PHONE)
    page = context.new_page()
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"{page.url}: {m.text}") if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: problems.append(f"{page.url}: {e}"))
    pages = sorted(p.relative_to(built_site).parent.as_posix() for p in built_site.rglob("index.html"))
    for rel in pages:
        page.goto(base + ("" if rel == "." else rel + "/"), wait_until="networkidle")
    page.goto(base + "lessons/03-hinge-or-knee-bend/")
    page.locator(".md-header__button.md-icon[for=__search]").first.tap()
    page.keyboard.type("hinge")
    if engine == "mkdocs":  # Zensical's search draws other markup, in a shadow root: its style is in its CSP
        page.locator(".md-search-result__item").first.wait_for()
    else:
        page.wait_for_timeout(500)
    assert problems == []
    context.close()
