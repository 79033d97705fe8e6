"""Sharing on a phone: the Share button, the result for the trainer, programs, handouts and QR codes."""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from conftest import PHONE, let_modules_start, wake_material
from playwright.sync_api import Browser, Page, expect
from project import ROOT, copy_project, run_build

TRAINER = "  trainer:\n    name: Sam Rivera Coaching\n    email: sam@example.com\n    phone: '+1 555 010 0199'\n"
SITE_URL = "https://coach.example.com/hinge/"


@pytest.fixture(scope="module")
def branded_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    project = copy_project(tmp_path_factory.mktemp("branded") / "course", course=ROOT)
    (project / "mkdocs.yml").write_text((project / "mkdocs.yml").read_text() + TRAINER)
    result = run_build(project, "build", "--strict", "--engine", engine, env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stderr
    return project / "site"


@pytest.fixture
def page(browser: Browser, serve, branded_site: Path) -> Page:
    context = browser.new_context(**PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.base = serve(branded_site)
    yield page
    context.close()


def test_share_uses_the_share_sheet_when_the_phone_has_one(page: Page) -> None:
    page.add_init_script("navigator.share = async (data) => { window.shared = data; };")
    page.goto(page.base + "lessons/02-dowel-test/")
    page.get_by_role("button", name="Share this page").tap()
    # The address the reader is on, not site_url: a site uploaded without site_url still shares live links.
    assert page.evaluate("window.shared") == {"title": "The dowel test", "url": page.base + "lessons/02-dowel-test/"}


def test_share_copies_the_link_and_says_so_otherwise(page: Page) -> None:
    page.add_init_script("delete Navigator.prototype.share;")
    page.goto(page.base + "programs/new-client/")
    page.get_by_role("button", name="Share this page").tap()
    expect(page.locator("[data-cq-share-status]")).to_have_text(f"Link copied: {page.base}programs/new-client/")
    assert page.evaluate("navigator.clipboard.readText()") == page.base + "programs/new-client/"


def test_a_finished_quiz_offers_its_result_to_the_trainer(page: Page) -> None:
    page.goto(page.base + "quizzes/01-start-here/")
    send = page.locator("[data-cq-send]")
    expect(send).to_be_hidden()
    for form in page.locator("[data-cq-question]").all():
        kind = form.get_attribute("data-cq-type")
        if kind == "order":
            form.locator("[data-cq-check]").tap()
        else:
            form.locator("input").first.locator("xpath=..").tap()
            if kind == "multiple":
                form.locator("[data-cq-check]").tap()
    expect(send).to_be_visible()
    href = send.get_attribute("href")
    assert href.startswith("mailto:sam@example.com?subject=")
    text = send.get_attribute("data-cq-text")
    assert re.search(r"The Hip Hinge: Check yourself: Start here\. I got \d of \d right on ", text)
    assert text.endswith(page.base + "quizzes/01-start-here/")


def test_a_lesson_opened_from_a_program_shows_what_comes_next(page: Page) -> None:
    page.goto(page.base + "programs/new-client/")
    let_modules_start(page)  # the page's scripts, which start after its load, remember the program
    page.locator("article ol a", has_text="When to see a practitioner").tap()
    expect(page.locator(".cq-next a")).to_have_text("Next in your program: Start here")
    wake_material(page)  # a tap that lands while Material's bundle starts can miss: see the closing note
    page.locator(".cq-next a").tap()
    expect(page.locator("h1")).to_contain_text("Start here")
    page.goto(page.base + "programs/new-client/")
    expect(page.locator("article ol li", has_text="When to see a practitioner").locator(".cq-mark")).to_be_visible()


def test_a_printed_lesson_is_a_clean_handout_of_at_most_two_pages(page: Page, tmp_path: Path) -> None:
    page.goto(page.base + "lessons/02-dowel-test/")
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    expect(page.locator(".cq-qr-print img")).to_be_visible()
    expect(page.locator(".cq-trainer")).to_contain_text("Sam Rivera Coaching")
    pdf = page.pdf(format="A4", print_background=False)
    assert 1 <= len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 2


def test_the_qr_code_opens_the_lesson(page: Page, tmp_path: Path) -> None:
    page.goto(page.base + "lessons/02-dowel-test/")
    wake_material(page)
    page.locator(".cq-qr summary").tap()
    # The code loads when it is opened (loading="lazy"), not with the page: wait for it as a reader would.
    qr = page.locator(".cq-qr img")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    image = tmp_path / "qr.png"
    qr.screenshot(path=image)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    assert decoded.stdout.strip() == SITE_URL + "lessons/02-dowel-test/"


def test_a_program_prints_as_one_document(page: Page) -> None:
    page.goto(page.base + "programs/new-client/")
    page.get_by_role("link", name="Print all 8 lessons as one handout").tap()
    expect(page.locator("article h2")).to_have_count(8)
    page.emulate_media(media="print")
    expect(page.locator(".md-sidebar--primary")).to_be_hidden()
    pdf = page.pdf(format="A4")
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) <= 16, "about two pages per lesson at most"
