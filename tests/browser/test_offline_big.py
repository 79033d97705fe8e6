"""A big course offline: the first visit keeps its shell only, a program's lessons are kept once the reader
opens it, and the reader can choose to keep it all."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import PHONE, build_copy, let_modules_start
from playwright.sync_api import Browser, Page, expect
from project import ROOT

from coursegen.site.offline import offline_files

sys.path.insert(0, str(ROOT / "bench"))
from big_course import write_big_course

LIMIT = 50_000  # gzip bytes: the six-lesson course is above it, so it is kept as a big course is
UNVISITED = "lessons/part-02/05-lesson-5/"
PROGRAM = "shared/program/#l=lesson-2,lesson-5"  # a trainer's link to two lessons
OUTSIDE = "lessons/part-02/04-lesson-4/"  # a lesson in no program


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """A built synthetic course of six lessons whose offline files are made with a lowered limit."""
    source = tmp_path_factory.mktemp(f"big-source-{engine}")
    write_big_course(source, 6, part_size=3)
    (source / "programs").mkdir()  # none: not the real course's, which name its lessons
    site = build_copy(tmp_path_factory.mktemp(f"big-{engine}") / "course", course=source, engine=engine)
    files = [(p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file()]
    for name, text in offline_files(files, offline=True, whole_limit=LIMIT).items():
        (site / name).write_text(text, encoding="utf-8")
    return site


def first_visit(page: Page, base: str) -> list[str]:
    """Open the home page until the worker controls it, and return the paths it fetched."""
    fetched: list[str] = []
    page.context.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(base)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    page.wait_for_load_state("networkidle")
    return fetched


def wait_until(page: Page, expression: str, *, seconds: float = 15) -> None:
    """Evaluate a promise of a boolean until it is true (wait_for_function takes a promise for a true value)."""
    for _ in range(int(seconds * 5)):
        if page.evaluate(expression) is True:
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"never true: {expression}")


def is_kept(page: Page, url: str) -> bool:
    """Tell whether the worker's caches hold a URL."""
    return page.evaluate(f"caches.match({url!r}).then(Boolean)")


def test_a_big_course_keeps_its_shell_then_all_of_it_when_the_reader_asks(
    browser: Browser, serve, big_site: Path
) -> None:
    base = serve(big_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    fetched = first_visit(page, base)
    assert not [path for path in fetched if path.startswith("/lessons/")], "the first visit fetches no lesson"
    assert "/assets/coursegen/quiz.js" in fetched
    assert is_kept(page, base + UNVISITED) is False

    keep = page.locator("[data-cq-keep-button]")
    rest = json.loads((big_site / "offline.json").read_text())["rest_bytes"]
    expect(keep).to_have_text(f"Keep the whole course on this phone ({round(max(rest / 1e6, 0.1), 1):g} MB)")
    keep.tap()
    expect(page.locator("[data-cq-keep-status]")).to_have_text(
        "The whole course is on this phone. It works with no connection."
    )
    expect(keep).to_be_hidden()
    assert is_kept(page, base + UNVISITED) is True

    context.set_offline(True)
    page.goto(base + UNVISITED)
    expect(page.locator("h1")).to_contain_text("5")
    page.goto(base)
    let_modules_start(page)  # offline.js would show the choice by now
    expect(page.locator("[data-cq-keep]")).to_be_hidden()
    context.close()


def test_the_lessons_of_the_program_a_reader_opened_work_offline_unread(
    browser: Browser, serve, big_site: Path
) -> None:
    base = serve(big_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    first_visit(page, base)
    assert is_kept(page, base + "figures/figure.svg") is False, "a big course keeps no figure at first"
    page.goto(base + PROGRAM)
    expect(page.locator(".cq-program > li")).to_have_count(2)
    wait_until(page, f"caches.match({base + UNVISITED!r}).then(Boolean)")
    assert is_kept(page, base + "figures/figure.svg") is True, "a program lesson's figure is kept with it"
    assert is_kept(page, base + OUTSIDE) is False, "a lesson in no program is not fetched"

    context.set_offline(True)
    page.goto(base + UNVISITED)
    expect(page.locator("h1")).to_contain_text("5")
    expect(page.locator("article img").first).to_have_js_property("complete", True)
    expect(page.locator("article img").first).not_to_have_js_property("naturalWidth", 0)
    context.close()


def test_a_new_build_keeps_the_program_lessons_at_install(
    browser: Browser, serve, big_site: Path, tmp_path: Path
) -> None:
    site = tmp_path / "site"
    shutil.copytree(big_site, site)
    base = serve(site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    first_visit(page, base)
    page.goto(base + PROGRAM)
    wait_until(page, f"caches.match({base + UNVISITED!r}).then(Boolean)")

    # A new build: one page changes, so the cache's name does; no page is opened while the new worker installs.
    changed = site / OUTSIDE / "index.html"
    changed.write_text(changed.read_text(encoding="utf-8") + "<!-- rebuilt -->\n", encoding="utf-8")
    files = [(p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file()]
    for name, text in offline_files(files, offline=True, whole_limit=LIMIT).items():
        (site / name).write_text(text, encoding="utf-8")
    version = json.loads((site / "offline.json").read_text(encoding="utf-8"))["version"]
    page.evaluate("navigator.serviceWorker.getRegistration().then((r) => r.update())")
    in_new = "caches.open({v!r}).then((c) => c.match({u!r})).then(Boolean)"
    wait_until(page, in_new.format(v=version, u=base + "./"))  # the install is done
    assert page.evaluate(in_new.format(v=version, u=base + UNVISITED)) is True
    assert page.evaluate(in_new.format(v=version, u=base + "figures/figure.svg")) is True
    assert page.evaluate(in_new.format(v=version, u=base + OUTSIDE)) is False
    context.close()
