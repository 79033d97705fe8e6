"""The two engines give readers and trainers the same site: the same engine-owned elements page by page,
the course colour, nothing from overrides/ published, and no error from a hostile fragment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ENGINES, PHONE, wake_material
from playwright.sync_api import Browser, Page, expect
from project import ROOT
from test_prescribe import new_phone, prescribe

PAGES = {
    "home": "",
    "lesson": "lessons/03-hinge-or-knee-bend/",
    "quiz": "quizzes/03-hinge-or-knee-bend/",
    "program": "programs/new-client/",
    "prescribe": "shared/prescribe/",
}
# Every element that carries a data-cq-* attribute, as tag[attribute names], and whether it shows; but the
# search box's, which only MkDocs has (Zensical keeps its own search: tests/browser/test_search.py).
ENGINE_OWNED = """() => [...document.querySelectorAll('*')]
  .filter((e) => !e.closest('[data-cq-search]'))
  .map((e) => [e, e.getAttributeNames().filter((n) => n.startsWith('data-cq')).sort()])
  .filter(([, names]) => names.length)
  .map(([e, names]) => `${e.localName}[${names.join(',')}]${e.closest('[hidden]') ? ' hidden' : ''}`)"""
HOSTILE_FRAGMENTS = ["#%E0%A4%A", "#%", "#%zz%", "#<img src=x onerror=window.hacked=1>", "#" + "%C3" * 2000]


def engine_owned(page: Page, url: str) -> Counter[str]:
    """Open a page as a reader does, and count its engine-owned elements once the course's scripts have run."""
    page.goto(url)
    page.wait_for_load_state("networkidle")  # every module and course.json have arrived
    # The scripts fill what they own once their module has run: read until two readings a quarter of a
    # second apart agree (a busy machine may take seconds), at most 10 s.
    seen = Counter(page.evaluate(ENGINE_OWNED))
    for _ in range(40):
        page.wait_for_timeout(250)
        now = Counter(page.evaluate(ENGINE_OWNED))
        if now == seen:
            break
        seen = now
    return seen


def course_colour(page: Page) -> str:
    """Return the header's background colour on the open page."""
    return page.evaluate("getComputedStyle(document.querySelector('.md-header')).backgroundColor")


@pytest.fixture(scope="module")
def bases(serve, built_sites: Callable[[str], Path]) -> dict[str, str]:
    """The real course as each engine built it, served side by side."""
    return {engine: serve(built_sites(engine)) for engine in ENGINES}


@pytest.mark.engine_free("it compares the two engines' builds of the same course")
def test_every_page_has_the_same_engine_owned_elements_and_colour_on_both_engines(
    browser: Browser, bases: dict[str, str]
) -> None:
    context, trainer = new_phone(browser)
    trainer.goto(bases["mkdocs"] + PAGES["prescribe"])
    link = prescribe(trainer, ["start-here", "dowel-test"], note="Daily.", name="Alex")
    context.close()
    pages = {**PAGES, "program from a link": link.removeprefix(bases["mkdocs"])}
    differences = {}
    for name, path in pages.items():
        seen = {}
        for engine, base in bases.items():
            context, page = new_phone(browser)
            seen[engine] = (engine_owned(page, base + path), course_colour(page), page.problems)
            context.close()
        (mkdocs, mkdocs_colour, mkdocs_problems), (zensical, zensical_colour, zensical_problems) = seen.values()
        assert mkdocs, f"{name}: the page owns no element on MkDocs"
        assert mkdocs_problems == [] and zensical_problems == [], name
        if mkdocs != zensical or mkdocs_colour != zensical_colour:
            only = {"mkdocs only": mkdocs - zensical, "zensical only": zensical - mkdocs}
            differences[name] = {**only, "colours": (mkdocs_colour, zensical_colour)}
    assert differences == {}


def test_no_file_of_overrides_is_published(built_site: Path) -> None:
    """overrides/ holds the theme's templates and the course's notes about them; none of it is for readers."""
    overrides = [p for p in (built_site.parent / "overrides").rglob("*") if p.is_file()]
    assert ROOT.joinpath("overrides/README.md").is_file() and overrides
    names = {p.relative_to(built_site.parent / "overrides").as_posix() for p in overrides}
    contents = {p.read_bytes() for p in overrides}
    published = [p for p in built_site.rglob("*") if p.is_file()]
    assert [p for p in published if p.relative_to(built_site).as_posix() in names] == []
    assert [p for p in published if p.name.lower().startswith("readme")] == []
    assert [p for p in published if p.read_bytes() in contents] == []


@pytest.mark.parametrize("name", [*PAGES, "program from a link"])
def test_a_hostile_fragment_throws_nothing(phone: Page, serve, built_site: Path, name: str) -> None:
    """A link's fragment is anyone's to write: opened with one, or changed to one, a page throws nothing."""
    base = serve(built_site) + ("shared/program/" if name == "program from a link" else PAGES[name])
    for fragment in HOSTILE_FRAGMENTS:
        phone.goto(base + fragment)
        wake_material(phone)
        phone.evaluate("(fragment) => { location.hash = fragment; }", fragment)
        phone.evaluate("(fragment) => { location.hash = fragment; }", HOSTILE_FRAGMENTS[0])
        phone.wait_for_timeout(100)
        assert phone.evaluate("window.hacked") is None
        assert phone.problems == [], fragment[:20]


@pytest.mark.only_on("zensical", "Zensical keeps its bundle in the page; MkDocs' waits for the first touch")
def test_the_bundle_runs_at_once_and_the_palette_toggle_is_kept(browser: Browser, serve, sample_site) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(serve(sample_site) + "quizzes/01-first-steps/")
    assert page.evaluate("window.document$ !== undefined && !document.getElementById('cq-material')")
    page.locator(".md-header__option > label:visible").tap()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    fresh = context.new_page()
    fresh.goto(page.url)
    expect(fresh.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    context.close()
