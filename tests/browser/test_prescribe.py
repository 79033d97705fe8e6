"""Programs made in the browser, on a phone: a trainer prescribes lessons, a client opens them, progress
shows at a glance and moves to another device, reminders are made on request."""

from __future__ import annotations

import itertools
import re
import subprocess
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import icalendar
import pytest
from conftest import PHONE, read_page
from pagecheck import axe_violations, engine_problems
from playwright.sync_api import Browser, BrowserContext, Page, expect
from project import search_fragments

PRESCRIBE = "shared/prescribe/"
PICKED = ["daily-life", "start-here", "dowel-test"]  # the order the trainer wants, not the course's
TITLES = ["Hinging in daily life", "Start here", "The dowel test"]
HOSTILE = (
    '<img src=x onerror="window.hacked=1"><b>bold</b> javascript:window.hacked=2 </p><script>window.hacked=3</script>'
)


@pytest.fixture(scope="module")
def base(serve, built_site: Path, strict_csp: str) -> str:
    """The real course under the strict CSP it must work with."""
    return serve(built_site, headers={"Content-Security-Policy": strict_csp})


@pytest.fixture(scope="module")
def axe_base(serve, built_site: Path) -> str:
    """The real course without a CSP, so axe-core can be injected."""
    return serve(built_site)


def new_phone(browser: Browser, *, width: int = 390) -> tuple[BrowserContext, Page]:
    """Return a fresh context (nothing saved) and its page, at phone size; `page.problems` collects errors."""
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 844}})
    page = context.new_page()
    page.problems = []
    page.on("console", lambda m: page.problems.append(m.text) if m.type in ("error", "warning") else None)
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    return context, page


@pytest.fixture
def trainer(browser: Browser, base: str) -> Page:
    context, page = new_phone(browser)
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page.goto(base + PRESCRIBE)
    yield page
    context.close()


def prescribe(
    page: Page, lessons: list[str], *, note: str = "", name: str = "", doses: dict[str, dict[str, int]] | None = None
) -> str:
    """Tick exactly these lessons (unticking any the page ticked first), move them with the arrow buttons
    into the given order, set the doses given ({"LESSON.EXERCISE": {"Sets": 1}}), and return the link shown."""
    expect(page.locator("[data-cq-pick][data-cq-ready]")).to_have_count(1)  # the lessons ticked first are in
    ticked = [box.get_attribute("value") for box in page.locator("[data-cq-pick] input:checked").all()]
    for lesson in {*ticked} ^ {*lessons}:
        page.locator(f'[data-cq-lesson="{lesson}"] .cq-pick-label').tap()
    for place, lesson in enumerate(lessons):
        item = page.locator(f'[data-cq-lesson="{lesson}"]')
        while page.locator("[data-cq-pick] input:checked").nth(place).get_attribute("value") != lesson:
            item.locator('[data-cq-shift="-1"]').tap()
    for exercise, fields in (doses or {}).items():
        row = page.locator(f'[data-cq-dose="{exercise}"]')
        if not row.is_visible():
            row.locator("xpath=ancestor::details").locator("summary").tap()
        for label, value in fields.items():
            row.get_by_label(label).fill(str(value))
    if name:
        page.fill("#cq-name", name)
    if note:
        page.fill("#cq-note", note)
    page.get_by_role("button", name="Make the link").tap()
    expect(page.locator("[data-cq-qr] svg")).to_be_visible()
    return page.locator("[data-cq-link]").get_attribute("href")


def pass_quiz(page: Page) -> None:
    """Answer every question of the quiz on the page correctly, reading which options are right."""
    for form in page.locator("[data-cq-question]").all():
        steps = form.locator("[data-cq-step]")
        for wanted in range(steps.count()):
            while steps.nth(wanted).get_attribute("data-cq-step") != str(wanted):
                form.locator(f'[data-cq-step="{wanted}"] [data-cq-move="-1"]').tap()
        for label in form.locator("label.cq-option:has(input[data-cq-correct])").all():
            label.tap()
        if form.locator("[data-cq-check]").is_visible():
            form.locator("[data-cq-check]").tap()
    expect(page.locator("[data-cq-score-text]")).to_be_visible()


def test_a_prescription_opens_elsewhere_in_the_trainers_order_with_next_in_program(
    trainer: Page, browser: Browser, base: str, engine: str
) -> None:
    link = prescribe(trainer, PICKED, note="Two minutes a day.\nStop if it hurts.", name="Alex")
    assert link.startswith(base + "shared/program/#"), "the link uses the address the trainer is on"
    context, client = new_phone(browser)
    client.goto(link)
    expect(client.locator(".cq-program > li > a:first-child")).to_have_text(TITLES)
    expect(client.locator(".cq-for")).to_have_text("For Alex")
    expect(client.locator(".cq-note p")).to_have_text(["Two minutes a day.", "Stop if it hurts."])
    client.locator(".cq-program > li > a:first-child").first.tap()
    for here, following in itertools.pairwise(TITLES):
        expect(client.locator("h1")).to_contain_text(here)
        expect(client.locator(".cq-next a")).to_have_text(f"Next in your program: {following}")
        client.locator(".cq-next a").tap()
    expect(client.locator("h1")).to_contain_text(TITLES[-1])
    client.locator(".cq-next a", has_text="all done").tap()
    expect(client.locator(".cq-program > li > a:first-child")).to_contain_text(TITLES)
    expect(client.locator(".cq-program .cq-mark")).to_have_count(3)
    expect(client.locator("[data-cq-progress-text]")).to_have_text("3 of 3 lessons read, 0 of 3 quizzes passed.")
    assert trainer.problems == [] and engine_problems(client.problems, engine) == []
    context.close()


def test_the_warning_signs_come_ticked_first_and_a_prescribed_program_shows_the_notice(
    trainer: Page, browser: Browser
) -> None:
    first = trainer.locator("[data-cq-pick] > li").first
    expect(first).to_have_attribute("data-cq-lesson", "when-to-see-a-practitioner")
    expect(trainer.locator("[data-cq-pick] input:checked")).to_have_count(1)
    expect(first.locator("input")).to_be_checked()
    trainer.locator('[data-cq-lesson="start-here"] .cq-pick-label').tap()
    trainer.get_by_role("button", name="Make the link").tap()
    context, client = new_phone(browser)
    client.goto(trainer.locator("[data-cq-link]").get_attribute("href"))
    expect(client.locator(".cq-program > li > a:first-child")).to_have_text(
        ["When to see a practitioner", "Start here"]
    )
    notice = client.locator(".cq-notice")
    expect(notice).to_contain_text("Safety first")
    expect(notice.locator("a")).to_have_text("Warning signs that need care")
    assert notice.bounding_box()["y"] < client.locator(".cq-program").bounding_box()["y"], "the notice comes first"
    client.locator(".cq-notice a").tap()
    expect(client.locator("h1")).to_contain_text("When to see a practitioner")
    assert trainer.problems == [] and client.problems == []
    context.close()


def test_a_hostile_note_and_name_show_as_text(trainer: Page, browser: Browser, engine: str) -> None:
    link = prescribe(trainer, ["start-here"], note=HOSTILE, name="<i>Al</i>")
    context, client = new_phone(browser)
    client.on("dialog", lambda d: client.problems.append("dialog: " + d.message))
    client.goto(link)
    expect(client.locator(".cq-note p")).to_have_text(HOSTILE.strip())
    expect(client.locator(".cq-for")).to_have_text("For <i>Al</i>")
    box = client.locator("[data-cq-prescribed]")
    assert box.locator("img, b, i, script, .cq-note a").count() == 0
    assert client.evaluate("window.hacked") is None
    assert engine_problems(client.problems, engine) == []
    context.close()


def test_a_link_longer_than_the_limits_is_cut(browser: Browser, base: str) -> None:
    context, client = new_phone(browser)
    client.goto(base + "shared/program/#l=start-here&n=" + "N" * 500 + "&m=" + quote("x" * 5000))
    expect(client.locator(".cq-note p")).to_have_text("x" * 280)
    assert client.locator(".cq-for").text_content() == "For " + "N" * 40
    context.close()


def test_a_stale_lesson_is_reported_and_the_rest_shown(browser: Browser, base: str) -> None:
    context, client = new_phone(browser)
    client.goto(base + "shared/program/#l=start-here,gone-lesson,dowel-test")
    expect(client.locator(".cq-stale")).to_have_text(
        "1 lesson in this link is no longer in the course. The others are below."
    )
    expect(client.locator(".cq-program > li > a:first-child")).to_have_text(["Start here", "The dowel test"])
    client.goto(base + "shared/program/#l=gone-lesson")  # a new fragment on the same page
    expect(client.locator(".cq-stale")).to_contain_text("no lesson the course has now")
    assert client.problems == []
    context.close()


def test_the_qr_code_decodes_to_the_link_shown(trainer: Page, tmp_path: Path) -> None:
    link = prescribe(trainer, PICKED, note="Slowly.", name="Alex")
    image = tmp_path / "qr.png"
    trainer.locator("[data-cq-qr] svg").screenshot(path=image)
    decoded = subprocess.run(["zbarimg", "--quiet", "--raw", str(image)], capture_output=True, text=True)
    assert decoded.stdout.strip() == link
    assert trainer.locator("[data-cq-link]").text_content() == link


def test_the_send_buttons_carry_the_link(trainer: Page) -> None:
    link = prescribe(trainer, ["start-here"], name="Alex")
    sms = trainer.locator("[data-cq-send-sms]").get_attribute("href")
    mail = trainer.locator("[data-cq-send-email]").get_attribute("href")
    assert sms.startswith("sms:?&body=") and quote(link, safe="") in sms
    assert mail.startswith("mailto:?subject=") and quote(link, safe="") in mail
    trainer.get_by_role("button", name="Copy the link").tap()
    assert trainer.evaluate("navigator.clipboard.readText()") == link


def test_the_prescribe_page_is_out_of_the_menu_and_search(built_site: Path, engine: str) -> None:
    home = (built_site / "index.html").read_text(encoding="utf-8")
    # The one link into shared/ on every page is the footer's "What this site keeps", never the menu.
    links_into_shared = {link for link in re.findall(r'href="([^"]*)"', home) if "shared/" in link}
    assert links_into_shared <= {"shared/privacy/", "./shared/privacy/"}  # Zensical writes "./"
    assert home.count("shared/") == len(re.findall(r'href="(?:\./)?shared/privacy/"', home))
    assert "shared/" not in home.split('<nav class="md-nav md-nav--primary"')[1].split("</nav>")[0]
    if engine == "mkdocs":  # Pagefind's index; Zensical's own is search.json
        assert not any(fragment["url"].startswith("/shared/") for fragment in search_fragments(built_site))
    else:
        assert "shared/" not in (built_site / "search.json").read_text(encoding="utf-8")
    assert (built_site / "shared/prescribe/index.html").is_file()


@pytest.mark.parametrize("width", [360, 390])
def test_the_prescribe_and_program_pages_fit_a_phone_and_pass_axe(browser: Browser, axe_base: str, width: int) -> None:
    base = axe_base
    context, page = new_phone(browser, width=width)
    page.goto(base + PRESCRIBE)
    link = prescribe(page, PICKED, note="Hello", doses={"start-here.wall-hinge": {"Repetitions": 4}})
    dose = page.locator('[data-cq-dose="start-here.wall-hinge"]')
    for target in (dose.locator("xpath=ancestor::details").locator("summary"), *dose.locator("input").all()):
        box = target.bounding_box()
        assert box["height"] >= 48 and box["x"] + box["width"] <= width
    for url in (base + PRESCRIBE, link):
        if url != page.url:
            page.goto(url)
            expect(page.locator(".cq-program")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        assert axe_violations(page) == [], url
    context.close()


def test_progress_moves_to_another_device_after_asking(browser: Browser, base: str) -> None:
    context, phone = new_phone(browser)
    read_page(phone, base + "lessons/02-dowel-test/")
    phone.goto(base + "quizzes/01-start-here/")
    pass_quiz(phone)
    phone.goto(base)
    expect(phone.locator("[data-cq-progress-text]")).to_have_text("1 of 8 lessons read, 1 of 8 quizzes passed.")
    phone.get_by_role("button", name="Move my progress to another device").tap()
    expect(phone.locator("[data-cq-move-qr] svg")).to_be_visible()
    link = phone.locator("[data-cq-move-link]").get_attribute("href")
    assert link == base + "shared/progress/#r=dowel-test&p=start-here", "ids only: nothing personal, no answers"

    other_context, other = new_phone(browser)
    other.goto(link)
    expect(other.locator("[data-cq-progress-in-text]")).to_contain_text("1 lesson read, 1 quiz passed")
    saved = "Object.keys(localStorage).filter((k) => k.startsWith('cq:'))"
    assert other.evaluate(saved) == [], "nothing is merged before the reader agrees"
    other.get_by_role("button", name="Add it to this device").tap()
    expect(other.locator("[data-cq-progress-in] [data-cq-say]")).to_contain_text("Added")
    other.goto(base)
    expect(other.locator("[data-cq-progress-text]")).to_have_text("1 of 8 lessons read, 1 of 8 quizzes passed.")
    expect(other.locator(".md-nav__link[href$='lessons/02-dowel-test/'] .cq-mark").first).to_be_attached()
    assert phone.problems == [] and other.problems == []
    context.close()
    other_context.close()


def test_the_home_progress_bar_follows_a_passed_quiz_without_a_reload(browser: Browser, base: str) -> None:
    context, home = new_phone(browser)
    home.goto(base)
    text = home.locator("[data-cq-progress-text]")
    expect(text).to_have_text("0 of 8 lessons read, 0 of 8 quizzes passed.")
    assert home.locator("[data-cq-progress-text]").get_attribute("role") == "status"
    home.evaluate("window.stillHere = true")
    quiz = context.new_page()
    quiz.goto(base + "quizzes/01-start-here/")
    pass_quiz(quiz)
    expect(text).to_have_text("0 of 8 lessons read, 1 of 8 quizzes passed.")
    assert home.evaluate("window.stillHere") is True, "the home page was not reloaded"
    assert home.evaluate("document.querySelector('[data-cq-progress-bar]').value") == 1
    context.close()


def test_the_quiz_page_event_updates_a_program_progress_bar_on_the_same_page(browser: Browser, base: str) -> None:
    context, page = new_phone(browser)
    page.goto(base + "programs/new-client/")
    expect(page.locator("[data-cq-progress-text]")).to_have_text("0 of 8 lessons read, 0 of 8 quizzes passed.")
    page.evaluate(
        """() => {
          const root = new URL('../../', document.querySelector('script[src$="common.js"]').src);
          const key = 'cq:' + root.pathname;
          const saved = JSON.parse(localStorage.getItem(key) || '{}');
          saved.passed = {[new URL('quizzes/01-start-here/', root).pathname]: 1};
          localStorage.setItem(key, JSON.stringify(saved));
          document.dispatchEvent(new CustomEvent('cq:score', {detail: {quiz: 'start-here', right: 5, total: 5}}));
        }"""
    )
    expect(page.locator("[data-cq-progress-text]")).to_have_text("0 of 8 lessons read, 1 of 8 quizzes passed.")
    context.close()


def reminder_file(page: Page, time: str) -> icalendar.Event:
    page.locator(".cq-reminders input[type=time]").fill(time)
    with page.expect_download() as download:
        page.get_by_role("button", name="Add reminders to my calendar").tap()
    calendar = icalendar.Calendar.from_ical(Path(download.value.path()).read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert len(events) == 1 and list(events[0].walk("VALARM"))
    return events[0]


def test_program_reminders_start_today_at_the_chosen_time_and_end_with_the_program(browser: Browser, base: str) -> None:
    context, page = new_phone(browser)
    page.goto(base + "programs/new-client/")
    event = reminder_file(page, "07:30")
    start = event.decoded("DTSTART")
    assert isinstance(start, datetime) and start.tzinfo is None, "floating local time"
    assert (start.hour, start.minute) == (7, 30)
    assert date.today() <= start.date() < date.today() + timedelta(days=7)
    assert start.strftime("%a")[:2].upper() in ("MO", "WE", "FR"), "the first occurrence is a practice day"
    rule = event["RRULE"]
    assert rule["FREQ"] == ["WEEKLY"] and rule["BYDAY"] == ["MO", "WE", "FR"] and rule["COUNT"] == [8]
    assert str(event["DESCRIPTION"]) == f"Time for a few minutes of practice.\n{page.url}", "the link on its own line"
    expect(page.locator(".cq-reminders [role=status]")).to_contain_text("8 reminders")
    context.close()


def test_prescribed_reminders_follow_the_trainers_days(trainer: Page, browser: Browser) -> None:
    trainer.locator("label.cq-day", has_text="Tuesday").tap()
    link = prescribe(trainer, ["start-here", "dowel-test"])
    context, client = new_phone(browser)
    client.goto(link)
    event = reminder_file(client, "18:00")
    rule = event["RRULE"]
    assert rule["BYDAY"] == ["TU"] and rule["COUNT"] == [2]
    assert event.decoded("DTSTART").weekday() == 1
    context.close()


def test_a_prescribed_program_prints_as_one_handout(trainer: Page, browser: Browser) -> None:
    link = prescribe(trainer, PICKED)
    context, client = new_phone(browser)
    client.goto(link)
    client.evaluate("window.print = () => { window.printed = true; }")
    client.get_by_role("button", name="Print all 3 lessons as one handout").tap()
    client.wait_for_function("window.printed === true")
    handout = client.locator(".cq-print-all")
    expect(handout.locator(":scope > h2")).to_have_text([f"{i}. {t}" for i, t in enumerate(TITLES, 1)])
    client.emulate_media(media="print")
    expect(handout).to_be_visible()
    expect(client.locator(".cq-program")).to_be_hidden()
    expect(handout.locator("img").first).to_be_visible()
    context.close()
