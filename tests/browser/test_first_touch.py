"""Material's bundle waits for the reader's first touch: what a reader on a phone gets before and after it.

A page holds Material's script bundle inert until the first touch, scroll or key (md-start.js). Before
that, the page must show its content, open its drawer and check and save a quiz answer; the first tap on
search must open search and the first tap on the toggle must switch the palette; after it, instant
navigation must start each module (quiz.js, share.js, ...) exactly once per page. Every test runs twice: as served, and
under the strict Content-Security-Policy.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import PHONE, wake_material
from playwright.sync_api import Browser, Page, Route, expect

QUIZ = "quizzes/01-first-steps/"
PALETTE_AND_COURSE = "assets/coursegen/palette-and-course.css"
OTHER_QUIZ = "quizzes/02-red-flags/"
BUNDLE = re.compile(r"/assets/javascripts/bundle\.[0-9a-f]+\.min\.js$")
# Counts, per page, what a double start would show: click handlers per quiz question, the start of each
# module (each asks once per start for the markup it sets up), CSP violations and layout shifts.
PROBE = """
window.cqProbe = {clicks: new Map(), starts: [], csp: [], shifts: []};
const add = EventTarget.prototype.addEventListener;
EventTarget.prototype.addEventListener = function (type, listener, options) {
  const clicks = cqProbe.clicks;
  if (type === "click" && this instanceof HTMLFormElement) clicks.set(this, (clicks.get(this) || 0) + 1);
  return add.call(this, type, listener, options);
};
const STARTS = {".cq-quiz:not([data-cq-ready])": "quiz", "[data-cq-share]:not([data-cq-ready])": "share",
  "[data-cq-needs-js]": "progress", "[data-cq-reminders]": "program"};
const query = Document.prototype.querySelectorAll;
Document.prototype.querySelectorAll = function (selector) {
  if (STARTS[selector]) cqProbe.starts.push(STARTS[selector] + " " + location.pathname);
  return query.call(this, selector);
};
addEventListener("securitypolicyviolation", (e) => cqProbe.csp.push(e.violatedDirective + " " + e.blockedURI));
new PerformanceObserver((list) => { for (const e of list.getEntries()) cqProbe.shifts.push(e.value); })
  .observe({type: "layout-shift", buffered: true});
"""
CLICKS_PER_QUESTION = "[...document.querySelectorAll('.cq-question')].map((f) => cqProbe.clicks.get(f) || 0)"


@pytest.fixture(params=["as served", "strict CSP"])
def base(request, site_at_its_address, strict_csp: str) -> str:
    """The sample course built for, and served at, one address (so instant navigation is on)."""
    return site_at_its_address(csp=strict_csp if request.param == "strict CSP" else "")


@pytest.fixture
def reader(browser: Browser) -> Iterator[Page]:
    """A phone page that records Material's bundle requests, console errors and the probe above."""
    context = browser.new_context(**PHONE, service_workers="block")
    context.add_init_script(PROBE)
    page = context.new_page()
    page.problems = []
    page.bundle_requests = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type in ("error", "warning") else None)
    # Service workers are blocked, so that page.route sees every request; the course says so in the console.
    page.on("console", lambda m: page.problems.remove(m.text) if "blocked by Playwright" in m.text else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("request", lambda r: page.bundle_requests.append(r.url) if BUNDLE.search(r.url) else None)
    yield page
    context.close()


def hold_bundle(page: Page) -> list[Route]:
    """Keep Material's bundle from arriving, so what follows runs as it does before the bundle starts."""
    held: list[Route] = []
    page.route(BUNDLE, lambda route: held.append(route))
    return held


def header_boxes(page: Page) -> list[dict]:
    """Return the boxes of the header's buttons and palette toggle, to compare before and after the bundle."""
    return page.evaluate(
        "[...document.querySelectorAll('.md-header__inner > *, .md-header__option > label')]"
        ".map((e) => { const r = e.getBoundingClientRect(); return [e.className, r.x, r.y, r.width, r.height]; })"
    )


@pytest.mark.only_on("mkdocs", "Zensical keeps its bundle in the page, loaded at once (BENCHMARKS.md, Zensical)")
def test_a_page_loads_without_the_bundle_until_the_reader_acts(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ, wait_until="networkidle")
    reader.wait_for_timeout(500)
    assert reader.bundle_requests == []
    assert reader.evaluate("document.documentElement.className").split() == ["js", "cq-wait"]
    expect(reader.locator("label.md-header__button[for=__search]")).to_be_visible()
    expect(reader.locator(".md-header__option > label:visible")).to_have_count(1)
    reader.mouse.wheel(0, 1)
    expect(reader.locator("html")).not_to_have_class(re.compile("cq-wait"))
    assert len(reader.bundle_requests) == 1
    assert reader.evaluate("cqProbe.csp") == []
    assert reader.problems == []


@pytest.mark.only_on("mkdocs", "Zensical's bundle is a plain script of the page: the page loads only with it")
def test_before_the_bundle_a_page_reads_its_drawer_opens_and_a_quiz_answer_is_saved(reader: Page, base: str) -> None:
    held = hold_bundle(reader)
    reader.goto(base + QUIZ)
    expect(reader.locator("article h1")).to_be_visible()
    reader.locator("label.md-header__button[for=__drawer]").tap()
    expect(reader.locator(".md-sidebar--primary .md-nav__link").first).to_be_in_viewport()
    reader.locator("label.md-overlay").tap(position={"x": 380, "y": 400})
    reader.locator("#first-steps-where-bend label.cq-option").nth(1).tap()
    expect(reader.locator("#first-steps-where-bend [data-cq-feedback]")).to_contain_text("Not quite.")
    assert held, "the first touch should have asked for Material's bundle"
    assert reader.evaluate("window.document$") is None
    reader.reload()
    expect(reader.locator("#first-steps-where-bend label.cq-option").nth(1).locator("input")).to_be_checked()
    expect(reader.locator("#first-steps-where-bend [data-cq-feedback]")).to_contain_text("Not quite.")
    assert reader.problems == []


STYLE_OF = """(selector) => { const s = getComputedStyle(document.querySelector(selector));
  return [s.display, s.backgroundColor, s.color, s.borderLeft, s.padding, s.fontSize, s.width, s.height]; }"""
FULL_STYLESHEETS = re.compile(r"/assets/(stylesheets/main\.[0-9a-f]+\.min|coursegen/palette-and-course)\.css$")
COMPLETE_STYLESHEET = re.compile(r"/assets/coursegen/complete\.css$")


@pytest.mark.only_on("mkdocs", "Zensical pages link their stylesheets as the engine writes them")
def test_before_the_complete_stylesheet_the_page_and_quiz_feedback_look_as_after(reader: Page, base: str) -> None:
    # The page links one small stylesheet; the complete one waits for the first touch, held back here too.
    full: list[Route] = []
    reader.route(COMPLETE_STYLESHEET, lambda route: full.append(route))
    held = hold_bundle(reader)
    reader.goto(base + QUIZ)
    reader.locator("#first-steps-where-bend label.cq-option").nth(1).tap()  # quiz.js makes the feedback's text
    expect(reader.locator("#first-steps-where-bend [data-cq-feedback]")).to_contain_text("Not quite.")
    parts = ["article h1", ".md-header", "#first-steps-where-bend [data-cq-feedback]", "label.cq-option"]
    before = [reader.evaluate(STYLE_OF, part) for part in parts]
    boxes = header_boxes(reader)
    assert len(full) == 1 and not held, "the touch asked for the complete stylesheet; the bundle waits for it"
    for route in full:
        route.continue_()
    reader.wait_for_function("() => [...document.querySelectorAll('body > link')].filter((l) => l.sheet).length === 1")
    assert [reader.evaluate(STYLE_OF, part) for part in parts] == before
    assert header_boxes(reader) == boxes
    for _ in range(100):  # the bundle is asked for once the complete stylesheet has loaded
        if held:
            break
        reader.wait_for_timeout(50)
    assert held, "then the bundle"
    assert reader.problems == []


@pytest.mark.only_on("mkdocs", "Zensical pages link their stylesheets as the engine writes them")
def test_a_reader_who_chose_the_dark_palette_reads_in_it_before_the_first_touch(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ)
    light = reader.evaluate(COLOURS)
    reader.locator("[data-md-component=palette] label:not([hidden])").tap()
    reader.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    dark = reader.evaluate(COLOURS)
    assert dark != light
    waiting: list[Route] = []
    reader.route(COMPLETE_STYLESHEET, lambda route: waiting.append(route))
    reader.goto(base + OTHER_QUIZ)  # no touch: the critical stylesheet alone
    assert reader.evaluate(COLOURS) == dark
    assert not waiting


@pytest.mark.only_on("mkdocs", "Zensical's bundle is in the page from the start and sets the palette itself")
def test_a_first_visit_on_a_phone_set_to_dark_is_dark_before_the_first_touch(browser: Browser, base: str) -> None:
    context = browser.new_context(**PHONE, color_scheme="dark", service_workers="block")
    page = context.new_page()
    page.goto(base + QUIZ)  # Material's bundle waits for the first touch
    before = page.evaluate(COLOURS)
    assert page.evaluate("document.body.dataset.mdColorScheme") == "slate"
    wake_material(page)  # the bundle starts, and keeps the palette
    page.wait_for_timeout(300)
    assert page.evaluate(COLOURS) == before
    context.close()


COLOURS = """() => [document.body, document.querySelector('article h1'), document.querySelector('.md-header')]
  .map((e) => [getComputedStyle(e).backgroundColor, getComputedStyle(e).color])"""


# Scripts and stylesheet links are left out: never shown, and md-start.js appends them in the order they start.
STYLES = """() => [...document.querySelectorAll('body *:not(script, link, style, template)')]
  .flatMap((e) => [null, '::before', '::after'].map((part) => {
  const s = getComputedStyle(e, part);
  const own = [];
  for (let k = 0; k < s.length; k++) if (!s[k].startsWith('--')) own.push(s[k] + ': ' + s.getPropertyValue(s[k]));
  return (e.tagName + '.' + e.getAttribute('class') + (part || '')) + ' { ' + own.join('; ') + ' }';
}))"""


def bundle_views(page: Page, url: str) -> list[list[str]]:
    """Return every element's computed style (and its ::before and ::after) in what Material's bundle and the
    course's search change: a page scrolled back up with its back-to-top button, the open menu, search with
    results, and the dark palette. Custom properties are left out: a stylesheet may drop one nothing reads."""
    page.goto(url)
    wake_material(page)
    # Transitions off: a style caught halfway through one differs from one shot to the next.
    page.add_style_tag(content="*, *::before, *::after { transition: none !important; animation: none !important }")
    views = []
    page.mouse.wheel(0, 1500)
    page.wait_for_timeout(300)
    page.mouse.wheel(0, -300)  # scrolling up shows the back-to-top button
    expect(page.locator(".md-top")).to_be_visible()
    page.wait_for_timeout(1000)
    views.append(page.evaluate(STYLES))
    page.evaluate("scrollTo(0, 0)")
    page.locator("label.md-header__button[for=__drawer]").tap()
    page.wait_for_timeout(1000)
    views.append(page.evaluate(STYLES))
    page.locator("label.md-overlay").tap(position={"x": 380, "y": 400})
    page.locator("label.md-header__button[for=__search]").tap()
    page.locator("[data-cq-search-input]").press_sequentially("hinge")
    expect(page.locator(".md-search-result__item").first).to_be_visible()
    page.wait_for_timeout(1000)
    views.append(page.evaluate(STYLES))
    page.keyboard.press("Escape")
    page.locator("[data-md-component=palette] label:not([hidden])").tap()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.wait_for_timeout(1000)
    views.append(page.evaluate(STYLES))
    return views


@pytest.mark.only_on("mkdocs", "Zensical pages link their stylesheets as the engine writes them")
def test_what_the_bundle_shows_looks_the_same_with_the_complete_stylesheet_as_with_the_full_ones(
    browser: Browser, serve, sample_site: Path
) -> None:
    # The full stylesheets are never fetched: complete.css holds every rule a page, the course's scripts or
    # Material's bundle may use. Here the same views are read twice: as built, and with the full stylesheets
    # served in its place.
    full = (next((sample_site / "assets/stylesheets").glob("main.*.min.css")), sample_site / PALETTE_AND_COURSE)
    body = "".join(path.read_text(encoding="utf-8") for path in full)
    base = serve(sample_site)
    views, asked = [], []
    for swap in (False, True):
        context = browser.new_context(**PHONE, service_workers="block")
        page = context.new_page()
        page.on("request", lambda request: asked.append(request.url))
        if swap:
            page.route(COMPLETE_STYLESHEET, lambda route: route.fulfill(body=body, content_type="text/css"))
        views.append(bundle_views(page, base + QUIZ))
        context.close()
    assert not [url for url in asked if FULL_STYLESHEETS.search(url)], "the full stylesheets were never asked for"
    for index, (complete, whole) in enumerate(zip(*views, strict=True)):
        assert len(complete) == len(whole), f"view {index}: the bundle made other elements"
        differing = [(a, b) for a, b in zip(complete, whole, strict=True) if a != b]
        assert differing == [], f"view {index}"


@pytest.mark.only_on("mkdocs", "Zensical's search is its own component, with other markup in a shadow root")
def test_the_first_tap_on_search_opens_search(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ)
    reader.locator("label.md-header__button[for=__search]").tap()
    query = reader.locator("[data-cq-search-input]")
    expect(query).to_be_visible()
    expect(query).to_be_focused()
    query.press_sequentially("hinge")
    expect(reader.locator(".md-search-result__item").first).to_be_visible()
    assert reader.problems == []


def test_the_first_tap_on_the_toggle_switches_the_palette_and_material_agrees(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ)
    body = reader.locator("body")
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    reader.locator(".md-header__option > label:visible").tap()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    reader.wait_for_function("() => window.document$ !== undefined && !document.getElementById('cq-material')")
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    expect(reader.locator(".md-header__option > label:visible")).to_have_attribute("for", "__palette_0")
    reader.reload()
    expect(body).to_have_attribute("data-md-color-scheme", "slate")
    reader.locator(".md-header__option > label:visible").tap()
    expect(body).to_have_attribute("data-md-color-scheme", "default")
    assert reader.problems == []


def test_the_header_does_not_move_when_the_bundle_starts(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ, wait_until="networkidle")
    before = header_boxes(reader)
    wake_material(reader)
    reader.wait_for_timeout(300)
    reader.mouse.wheel(0, -1)
    assert header_boxes(reader) == before


def test_after_instant_navigation_a_quiz_starts_once(reader: Page, base: str) -> None:
    reader.goto(base + QUIZ)
    reader.locator("#first-steps-where-bend label.cq-option").first.tap()
    wake_material(reader)
    on_quiz = [f"quiz /{QUIZ}", f"share /{QUIZ}"]
    assert sorted(reader.evaluate("cqProbe.starts")) == on_quiz
    assert reader.evaluate(CLICKS_PER_QUESTION) == [1] * 5
    reader.evaluate("window.samePage = true")  # survives only while Material swaps pages in place
    reader.locator("label.md-header__button[for=__drawer]").tap()
    reader.locator(f".md-sidebar--primary .md-nav__link[href$='{OTHER_QUIZ}']").first.tap()
    expect(reader).to_have_url(re.compile(f".*/{OTHER_QUIZ}$"))
    option = reader.locator("#red-flags-numb-care label.cq-option").first
    option.tap()
    expect(reader.locator("#red-flags-numb-care [data-cq-feedback]")).to_contain_text("Right.")
    expect(reader.locator("#red-flags-numb-care [data-cq-feedback] .cq-verdict")).to_have_count(1)
    assert reader.evaluate("window.samePage") is True
    assert sorted(reader.evaluate("cqProbe.starts")) == sorted(
        [*on_quiz, f"quiz /{OTHER_QUIZ}", f"share /{OTHER_QUIZ}"]
    )
    assert reader.evaluate(CLICKS_PER_QUESTION) == [1] * reader.locator(".cq-question").count()
    saved = reader.evaluate("JSON.stringify(Object.entries(localStorage))")
    assert "numb-care" in saved and "where-bend" in saved
    assert reader.evaluate("cqProbe.csp") == []
    assert reader.problems == []


def test_progress_scripts_load_only_where_needed_and_after_instant_navigation(reader: Page, base: str) -> None:
    tools = re.compile(r"/assets/coursegen/(progress|program)\.js$")
    fetched: list[str] = []
    reader.on("request", lambda r: fetched.append(r.url) if tools.search(r.url) else None)
    reader.goto(base + QUIZ)
    reader.locator("#first-steps-where-bend label.cq-option").nth(1).tap()
    expect(reader.locator("#first-steps-where-bend [data-cq-feedback]")).to_contain_text("No.")
    wake_material(reader)
    assert fetched == [], "a quiz page has no progress box or program, so it is spared their scripts"
    reader.evaluate("window.samePage = true")
    # The drawer's logo leads home; a click on it, as a tap makes one (the drawer's open section covers it).
    reader.locator(".md-sidebar--primary .md-nav__title a.md-logo").dispatch_event("click")
    expect(reader).to_have_url(base)
    expect(reader.locator("[data-cq-progress-text]")).to_contain_text("quizzes passed")
    assert reader.evaluate("window.samePage") is True, "reached by instant navigation"
    assert [url.rsplit("/", 1)[-1] for url in fetched] == ["progress.js"], "the home page has no program"
    # Modules already loaded start on every page after; progress.js joins them on the home page.
    starts = sorted(reader.evaluate("cqProbe.starts"))
    assert starts == ["progress /", "quiz /", f"quiz /{QUIZ}", "share /", f"share /{QUIZ}"], "each once per page"
    assert reader.problems == [] and reader.evaluate("cqProbe.csp") == []
