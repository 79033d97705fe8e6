"""The course data in pieces: a page fetches the index and only the pieces of what it shows (issue 27)."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from conftest import PHONE, build_copy, read_page
from playwright.sync_api import Browser, Page, expect
from project import ROOT

sys.path.insert(0, str(ROOT / "bench"))
from big_course import write_big_course

HOSTILE = "\"'><img src=x onerror=window.pwned=1><b>"
PRACTICE = [{"id": "wall-hold", "name": HOSTILE + "Wall hold", "sets": 3, "hold": 20, "rest": 10}]


@pytest.fixture(scope="module")
def parts_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """Six lessons in two parts of three (pieces 1 and 2), hostile titles, practice in lessons 2 and 5."""
    source = tmp_path_factory.mktemp(f"pieces-source-{engine}")
    write_big_course(source, 6, part_size=3)
    (source / "programs").mkdir()  # none: not the real course's, which name its lessons
    for path in source.glob("lessons/*/*.yml"):
        lesson = yaml.safe_load(path.read_text(encoding="utf-8"))
        lesson["title"] = HOSTILE + lesson["id"]
        if lesson["id"] in ("lesson-2", "lesson-5"):
            lesson["practice"] = PRACTICE
        path.write_text(yaml.safe_dump(lesson, allow_unicode=True, width=1000), encoding="utf-8")
    return build_copy(tmp_path_factory.mktemp(f"pieces-{engine}") / "course", course=source, engine=engine)


def watched(page: Page) -> list[str]:
    """Return the list the course data files a page fetches are added to, as they arrive."""
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(urlparse(r.url).path) if "/shared/course" in r.url else None)
    return fetched


def open_watched(browser: Browser, base: str, address: str) -> tuple[Page, list[str]]:
    """Open a page at phone size and return it with the course data files it fetches, as they arrive."""
    page = browser.new_context(**PHONE).new_page()
    fetched = watched(page)
    page.goto(base + address)
    return page, fetched


def test_the_prescribe_page_fetches_a_part_only_when_it_is_opened(browser: Browser, serve, parts_site: Path) -> None:
    page, fetched = open_watched(browser, serve(parts_site), "shared/prescribe/")
    expect(page.locator("[data-cq-pick][data-cq-ready]")).to_have_count(1)
    parts = page.locator("details[data-cq-piece]")
    expect(parts).to_have_count(2)
    page.wait_for_load_state("networkidle")
    assert fetched == [], "no piece before a part is opened"
    parts.nth(1).locator("summary").tap()
    expect(parts.nth(1).locator("[data-cq-lesson]")).to_have_count(3)
    page.wait_for_load_state("networkidle")
    assert fetched == ["/shared/course/2.json"]
    item = page.locator('[data-cq-lesson="lesson-5"]')
    expect(item.locator(".cq-pick-label span")).to_have_text(HOSTILE + "lesson-5")
    item.locator(".cq-pick-label").tap()
    expect(page.locator("[data-cq-pick] input:checked")).to_have_count(1)  # moved to the program's list
    item.locator("summary").tap()
    expect(item.locator("[data-cq-dose] legend")).to_have_text(HOSTILE + "Wall hold")
    item.get_by_label("Sets").fill("1")
    page.get_by_role("button", name="Make the link").tap()
    expect(page.locator("[data-cq-link]")).to_contain_text("l=lesson-5")
    expect(page.locator("[data-cq-link]")).to_contain_text("x=lesson-5.wall-hold.1.")
    assert page.evaluate("window.pwned") is None and page.locator("img[src=x]").count() == 0
    assert fetched == ["/shared/course/2.json"], "the part's piece, once"
    page.context.close()


def test_a_prescribed_program_fetches_only_its_lessons_pieces_and_shows_their_doses(
    browser: Browser, serve, parts_site: Path
) -> None:
    page, fetched = open_watched(
        browser, serve(parts_site), "shared/program/#l=lesson-5,lesson-6&x=lesson-5.wall-hold.2."
    )
    titles = page.locator(".cq-program > li > a:first-child")
    expect(titles).to_have_text([HOSTILE + "lesson-5", HOSTILE + "lesson-6"])
    dose = page.locator('[data-cq-exercise="lesson-5/wall-hold"]')
    expect(dose).to_contain_text("2 sets")
    expect(dose.locator("strong")).to_have_text(HOSTILE + "Wall hold")
    page.wait_for_load_state("networkidle")
    assert sorted(set(fetched)) == ["/shared/course.json", "/shared/course/2.json"], "the index and part 2 only"
    assert fetched.count("/shared/course/2.json") == 1, "each piece fetched once, however many scripts read it"
    assert page.evaluate("window.pwned") is None and page.locator("img[src=x]").count() == 0
    page.context.close()


def test_updating_a_clients_program_fetches_the_parts_of_their_lessons(
    browser: Browser, serve, parts_site: Path
) -> None:
    base = serve(parts_site)
    page, _ = open_watched(browser, base, "shared/prescribe/")
    page.locator("details[data-cq-piece='2'] summary").tap()
    page.locator('[data-cq-lesson="lesson-5"] .cq-pick-label').tap()
    page.locator('[data-cq-lesson="lesson-5"] summary').tap()
    page.locator('[data-cq-lesson="lesson-5"]').get_by_label("Sets").fill("1")
    page.get_by_role("button", name="Make the link").tap()
    expect(page.locator("[data-cq-qr] svg")).to_be_visible()
    client = page.locator("[data-cq-client-id]").input_value()
    again = page.context.new_page()  # the inbox's "Update the program", on the same phone
    fetched = watched(again)
    again.goto(base + f"shared/prescribe/#client={client}")
    expect(again.locator("[data-cq-pick] input:checked")).to_have_count(1)
    expect(again.locator('[data-cq-pick] [data-cq-lesson="lesson-5"] [data-cq-dose-sets]')).to_have_value("1")
    again.wait_for_load_state("networkidle")
    assert sorted(set(fetched)) == ["/shared/course.json", "/shared/course/2.json"], "not part 1's piece"
    page.context.close()


def test_the_home_page_counts_the_course_from_the_index_and_fetches_only_what_was_read(
    browser: Browser, serve, parts_site: Path
) -> None:
    base = serve(parts_site)
    page, fetched = open_watched(browser, base, "")
    progress = page.locator("[data-cq-progress=course] [data-cq-progress-text]")
    expect(progress).to_contain_text("0 of 6 lessons read")
    page.wait_for_load_state("networkidle")
    assert fetched == ["/shared/course.json"], "a new reader's progress needs the index alone"
    lesson = min(parts_site.glob("lessons/*/05-*/index.html")).parent.relative_to(parts_site).as_posix()
    read_page(page, base + lesson + "/")  # reading lesson 5, of the second part, marks it read
    fetched.clear()
    page.goto(base)
    expect(progress).to_contain_text("1 of 6 lessons read")
    page.wait_for_load_state("networkidle")
    assert sorted(set(fetched)) == ["/shared/course.json", "/shared/course/2.json"], "only the read lesson's piece"
    page.context.close()
