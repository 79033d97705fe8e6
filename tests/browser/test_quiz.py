"""The quiz as a reader on a phone uses it: tap, keyboard, reload, reset, scripts off, strict CSP, axe."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import let_modules_start, release_when_asked, wake_material
from pagecheck import axe_violations
from playwright.sync_api import Page, expect

QUIZ = "quizzes/01-first-steps/"
SELF_CHECK = "quizzes/02-red-flags-check/"


def question(page: Page, question_id: str):
    """Return the form of one question of the sample quiz, by its stable anchor."""
    return page.locator(f"#first-steps-{question_id}")


def option(page: Page, question_id: str, index: int):
    """Return the label of one option of a question."""
    return question(page, question_id).locator("label.cq-option").nth(index)


def put_in_order(page: Page, question_id: str) -> None:
    """Move the steps of an order question into the right order with the Up buttons."""
    form = question(page, question_id)
    for wanted in range(form.locator("[data-cq-step]").count()):
        item = form.locator(f'[data-cq-step="{wanted}"]')
        while form.locator("[data-cq-step]").nth(wanted).get_attribute("data-cq-step") != str(wanted):
            item.locator('[data-cq-move="-1"]').tap()


def answer_all_right(page: Page) -> None:
    """Answer every question of the sample quiz correctly by tapping."""
    option(page, "where-bend", 0).tap()
    option(page, "cues", 0).tap()
    option(page, "cues", 1).tap()
    question(page, "cues").locator("[data-cq-check]").tap()
    option(page, "is-cure", 1).tap()
    put_in_order(page, "order")
    question(page, "order").locator("[data-cq-check]").tap()
    option(page, "picture", 0).tap()


@pytest.fixture
def quiz_page(phone: Page, serve, sample_site: Path) -> Page:
    phone.goto(serve(sample_site) + QUIZ)
    return phone


@pytest.mark.parametrize(
    "question_id,wrong,expected",
    [
        ("where-bend", 1, "No. The low back stays still; the hips do the work."),
        ("is-cure", 0, "No. It is a way to move, not a cure."),
        ("picture", 1, "No, that is a knee bend."),
    ],
)
def test_a_wrong_tap_answers_at_once_and_says_why(quiz_page: Page, question_id: str, wrong: int, expected: str) -> None:
    option(quiz_page, question_id, wrong).tap()
    feedback = question(quiz_page, question_id).locator("[data-cq-feedback]")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text(expected)
    expect(question(quiz_page, question_id).locator("[data-cq-retry]")).to_be_visible()
    expect(question(quiz_page, question_id).locator("[data-cq-show]")).to_be_visible()


def test_a_tap_made_before_the_script_starts_is_answered_when_it_does(phone: Page, serve, sample_site: Path) -> None:
    held = []
    phone.route("**/coursegen/quiz.js", lambda route: held.append(route))
    phone.goto(serve(sample_site) + QUIZ, wait_until="commit")  # the page stops short of its modules
    option(phone, "picture", 1).tap()
    expect(option(phone, "picture", 1).locator("input")).to_be_checked()
    release_when_asked(phone, held)
    feedback = question(phone, "picture").locator("[data-cq-feedback]")
    expect(feedback).to_contain_text("Not quite.")
    expect(feedback).to_contain_text("No, that is a knee bend.")


def test_an_arrow_key_pressed_before_the_script_starts_only_looks(phone: Page, serve, sample_site: Path) -> None:
    held = []
    phone.route("**/coursegen/quiz.js", lambda route: held.append(route))
    phone.goto(serve(sample_site) + QUIZ)
    option(phone, "where-bend", 0).locator("input").focus()
    phone.keyboard.press("ArrowDown")  # moves the choice, as it would once the script runs: no answer yet
    expect(option(phone, "where-bend", 1).locator("input")).to_be_checked()
    release_when_asked(phone, held)
    expect(phone.locator(".cq-quiz[data-cq-ready]").first).to_be_attached()
    expect(question(phone, "where-bend").locator("[data-cq-feedback]")).to_be_hidden()
    phone.keyboard.press("Space")
    expect(question(phone, "where-bend").locator("[data-cq-feedback]")).to_contain_text("Not quite.")


def test_the_order_arrows_show_once_the_script_can_move_a_step(phone: Page, serve, sample_site: Path) -> None:
    # A tap on an arrow before quiz.js has started would be lost: the arrows wait for it, in their place.
    held = []
    phone.route("**/coursegen/quiz.js", lambda route: held.append(route))
    phone.goto(serve(sample_site) + QUIZ)
    arrow = question(phone, "order").locator('[data-cq-step] [data-cq-move="1"]').first
    box = arrow.bounding_box()
    expect(arrow).to_be_hidden()
    phone.keyboard.press("Shift")  # a first key (or touch) starts the modules
    release_when_asked(phone, held)
    expect(arrow).to_be_visible()
    assert arrow.bounding_box() == box  # no shift when they show
    first = question(phone, "order").locator("[data-cq-step]").first.get_attribute("data-cq-step")
    arrow.tap()
    expect(question(phone, "order").locator("[data-cq-step]").nth(1)).to_have_attribute("data-cq-step", first)


def test_a_tap_while_a_picture_is_still_loading_is_answered(phone: Page, serve, sample_site: Path) -> None:
    # The modules wait for the page's load, or for the reader's first touch if that comes sooner (md-start.js).
    pictures = []
    phone.route("**/figures/**", lambda route: pictures.append(route))
    phone.goto(serve(sample_site) + QUIZ, wait_until="domcontentloaded")
    option(phone, "picture", 1).tap()
    feedback = question(phone, "picture").locator("[data-cq-feedback]")
    expect(feedback).to_contain_text("No, that is a knee bend.")
    assert pictures and phone.evaluate("document.readyState") != "complete", "the page was still loading"
    for route in pictures:
        route.continue_()


def test_multiple_and_order_wait_for_check_and_explain(quiz_page: Page) -> None:
    option(quiz_page, "cues", 2).tap()
    expect(question(quiz_page, "cues").locator("[data-cq-feedback]")).to_be_hidden()
    question(quiz_page, "cues").locator("[data-cq-check]").tap()
    expect(question(quiz_page, "cues").locator("[data-cq-feedback]")).to_contain_text("No, keep the back long.")
    question(quiz_page, "order").locator("[data-cq-check]").tap()
    expect(question(quiz_page, "order").locator("[data-cq-feedback]")).to_contain_text("Stand, hinge, return.")


def test_right_answers_give_a_score_and_an_event(quiz_page: Page) -> None:
    quiz_page.evaluate("document.addEventListener('cq:score', e => { window.scored = e.detail; })")
    answer_all_right(quiz_page)
    expect(quiz_page.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    assert quiz_page.evaluate("window.scored") == {"quiz": "first-steps", "right": 5, "total": 5}
    expect(quiz_page.locator("[data-cq-review]")).to_be_hidden()


def test_a_wrong_answer_lowers_the_score_and_links_back_to_the_lesson(quiz_page: Page) -> None:
    answer_all_right(quiz_page)
    question(quiz_page, "where-bend").locator("[data-cq-retry]").tap()
    option(quiz_page, "where-bend", 1).tap()
    expect(quiz_page.locator("[data-cq-score]")).to_contain_text("4 of 5 right.")
    review = quiz_page.locator("[data-cq-review]")
    expect(review).to_be_visible()
    review.tap()
    expect(quiz_page).to_have_url(re.compile(r".*/lessons/01-first-steps/$"))


def test_answers_survive_a_reload_and_reset_clears_them(quiz_page: Page) -> None:
    answer_all_right(quiz_page)
    quiz_page.reload()
    expect(quiz_page.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    expect(option(quiz_page, "where-bend", 0).locator("input")).to_be_checked()
    expect(question(quiz_page, "order").locator("[data-cq-step]").first).to_have_attribute("data-cq-step", "0")
    expect(quiz_page.locator(".md-nav__link .cq-mark").first).to_contain_text("passed")
    quiz_page.locator("[data-cq-reset]").tap()
    expect(quiz_page.locator("[data-cq-score]")).to_be_hidden()
    expect(quiz_page.locator("[data-cq-live]")).to_have_text("Your progress on this device is cleared.")
    quiz_page.reload()
    let_modules_start(quiz_page)  # else nothing is checked yet either way
    expect(option(quiz_page, "where-bend", 0).locator("input")).not_to_be_checked()
    expect(quiz_page.locator(".cq-mark")).to_have_count(0)


def test_the_whole_quiz_works_from_the_keyboard(quiz_page: Page) -> None:
    keyboard = quiz_page.keyboard
    first = option(quiz_page, "where-bend", 0).locator("input")
    first.focus()  # the page's scripts start at the first focus, if the page has not loaded yet
    expect(quiz_page.locator(".cq-quiz[data-cq-ready]").first).to_be_attached()
    keyboard.press("ArrowDown")
    expect(question(quiz_page, "where-bend").locator("[data-cq-feedback]")).to_be_hidden()
    keyboard.press("ArrowUp")
    keyboard.press("Space")
    expect(question(quiz_page, "where-bend").locator("[data-cq-feedback]")).to_contain_text("Right.")
    option(quiz_page, "cues", 0).locator("input").focus()
    keyboard.press("Space")
    keyboard.press("Tab")
    keyboard.press("Space")
    question(quiz_page, "cues").locator("[data-cq-check]").focus()
    keyboard.press("Enter")
    option(quiz_page, "is-cure", 1).locator("input").focus()
    keyboard.press("Space")
    form = question(quiz_page, "order")
    for wanted in range(3):
        while form.locator("[data-cq-step]").nth(wanted).get_attribute("data-cq-step") != str(wanted):
            form.locator(f'[data-cq-step="{wanted}"] [data-cq-move="-1"]').focus()
            keyboard.press("Enter")
    form.locator("[data-cq-check]").focus()
    keyboard.press("Enter")
    option(quiz_page, "picture", 0).locator("input").focus()
    keyboard.press("Space")
    expect(quiz_page.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")


def test_feedback_is_announced_in_a_live_region(quiz_page: Page) -> None:
    option(quiz_page, "where-bend", 1).tap()
    live = quiz_page.locator("[data-cq-live]")
    expect(live).to_have_attribute("aria-live", "polite")
    expect(live).to_contain_text("Not quite.")


def test_every_target_is_at_least_48_px(quiz_page: Page) -> None:
    answer_all_right(quiz_page)
    question(quiz_page, "where-bend").locator("[data-cq-retry]").tap()
    targets = quiz_page.locator(".cq-option:visible, .cq-button:visible, .cq-move:visible")
    assert targets.count() > 10
    for i in range(targets.count()):
        box = targets.nth(i).bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, targets.nth(i).inner_text()


def test_with_scripts_off_answers_sit_behind_show_answer(browser, serve, sample_site: Path) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(serve(sample_site) + QUIZ)
    explanations = {
        "where-bend": "A hinge folds at the hips.",
        "cues": "Hips back and a long back.",
        "is-cure": "Nothing here is a cure.",
        "order": "Stand, hinge, return.",
        "picture": "The hinge folds at the hips.",
    }
    for question_id, explanation in explanations.items():
        answer = question(page, question_id).locator("details.cq-answer")
        expect(answer.locator("summary")).to_have_text("Show answer")
        expect(answer.get_by_text(explanation)).to_be_hidden()
        answer.locator("summary").click()
        expect(answer.get_by_text(explanation)).to_be_visible()
    expect(page.locator("[data-cq-check]").first).to_be_hidden()
    context.close()


def test_quiz_works_under_a_strict_content_security_policy(
    phone: Page, serve, sample_site: Path, strict_csp: str
) -> None:
    phone.add_init_script("window.csp = []; addEventListener('securitypolicyviolation', e => csp.push(e.blockedURI))")
    phone.goto(serve(sample_site, headers={"Content-Security-Policy": strict_csp}) + QUIZ)
    answer_all_right(phone)
    for question_id in ("where-bend", "cues", "is-cure", "order", "picture"):
        expect(question(phone, question_id).locator("[data-cq-feedback]")).to_contain_text("Right.")
    expect(phone.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    assert phone.evaluate("window.csp") == []
    assert phone.problems == []


def test_blocked_storage_still_checks_answers_quietly(browser, serve, sample_site: Path) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True)
    context.add_init_script(
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('blocked', 'SecurityError'); }})"
    )
    page = context.new_page()
    problems = []
    page.on("pageerror", lambda e: problems.append(str(e)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    page.goto(serve(sample_site) + QUIZ)
    option(page, "where-bend", 0).tap()
    expect(question(page, "where-bend").locator("[data-cq-feedback]")).to_contain_text("Right.")
    assert [p for p in problems if "cq" in p or "quiz" in p] == []
    context.close()


def test_any_yes_on_the_self_check_shows_the_care_message(quiz_page: Page) -> None:
    page = quiz_page
    page.goto(page.url.replace(QUIZ, SELF_CHECK))
    expect(page.locator("[data-cq-care]:visible")).to_have_count(0)
    page.locator("#red-flags-check-weeks label", has_text="Yes").tap()
    expect(page.locator('[data-cq-care="soon"]')).to_be_visible()
    page.locator("#red-flags-check-numb label", has_text="Yes").tap()
    emergency = page.locator('[data-cq-care="emergency"]')
    expect(emergency).to_be_visible()
    expect(emergency).to_be_focused()
    expect(page.locator('[data-cq-care="soon"]')).to_be_hidden()
    expect(emergency).to_contain_text("Call your local emergency number")


def test_reading_a_lesson_marks_it_in_the_navigation(quiz_page: Page) -> None:
    base = quiz_page.url.replace(QUIZ, "")
    quiz_page.goto(base + "lessons/01-first-steps/")
    quiz_page.locator("a[href$='quizzes/01-first-steps/']").last.tap()
    expect(question(quiz_page, "where-bend")).to_be_visible()
    option(quiz_page, "where-bend", 0).tap()
    expect(question(quiz_page, "where-bend").locator("[data-cq-feedback]")).to_contain_text("Right.")
    lesson_link = quiz_page.locator(".md-nav__link[href$='lessons/01-first-steps/']").first
    expect(lesson_link.locator(".cq-mark")).to_contain_text("read")


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_quiz_pages_have_no_axe_violations(quiz_page: Page, scheme: str) -> None:
    quiz_page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    option(quiz_page, "where-bend", 1).tap()
    question(quiz_page, "cues").locator("[data-cq-check]").tap()
    option(quiz_page, "picture", 0).tap()
    assert axe_violations(quiz_page) == []


def test_real_course_quizzes_have_no_axe_violations(phone: Page, serve, built_site: Path) -> None:
    base = serve(built_site)
    for quiz in sorted(built_site.glob("quizzes/*/index.html")):
        phone.goto(base + f"quizzes/{quiz.parent.name}/")
        phone.locator("label.cq-option").first.tap()
        assert axe_violations(phone) == [], quiz.parent.name


def test_real_red_flag_self_check_sends_any_yes_to_get_care(phone: Page, serve, built_site: Path) -> None:
    check = next(p for p in built_site.glob("quizzes/*/index.html") if 'data-cq-scored="false"' in p.read_text())
    phone.goto(serve(built_site) + f"quizzes/{check.parent.name}/")
    questions = phone.locator("[data-cq-question]")
    assert questions.count() >= 20
    for tier, title in (("soon", "see a practitioner soon"), ("emergency", "get emergency care now")):
        form = phone.locator(f'[data-cq-level="{tier}"]').first
        form.locator("label", has_text="Yes").tap()
        care = phone.locator(f'[data-cq-care="{tier}"]')
        expect(care).to_be_visible()
        expect(care).to_contain_text(title)


@pytest.fixture
def instant_base(site_at_its_address) -> str:
    """The sample course built for, and served at, one address, so Material's instant navigation is on."""
    return site_at_its_address()


def test_answers_and_marks_come_back_after_instant_navigation(phone: Page, instant_base: str) -> None:
    phone.goto(instant_base + "lessons/01-first-steps/")
    wake_material(phone)
    phone.evaluate("window.samePage = true")  # survives only while Material swaps pages in place
    phone.locator("article a[href$='quizzes/01-first-steps/']").last.tap()
    expect(phone).to_have_url(re.compile(r".*/quizzes/01-first-steps/$"))
    answer_all_right(phone)
    expect(phone.locator(".md-nav__link[href$='lessons/01-first-steps/'] .cq-mark").first).to_contain_text("(read)")
    phone.locator("article a[href$='lessons/01-first-steps/']:visible").first.tap()
    expect(phone).to_have_url(re.compile(r".*/lessons/01-first-steps/$"))
    phone.locator("article a[href$='quizzes/01-first-steps/']").last.tap()
    expect(phone.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    expect(option(phone, "where-bend", 0).locator("input")).to_be_checked()
    expect(phone.locator(".md-nav__link[href$='quizzes/01-first-steps/'] .cq-mark").first).to_contain_text("(passed)")
    assert phone.evaluate("window.samePage") is True
    assert phone.problems == []


CONTRAST = """([selector, property]) => {
  const rgba = (c) => c.match(/[\\d.]+/g).map(Number);
  const bg = rgba(getComputedStyle(document.body).backgroundColor);
  const [r, g, b, a = 1] = rgba(getComputedStyle(document.querySelector(selector))[property]);
  const mixed = [r, g, b].map((v, i) => v * a + bg[i] * (1 - a));
  const lum = (c) => c.map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}"""


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_control_borders_have_3_to_1_contrast_in_both_palettes(quiz_page: Page, scheme: str) -> None:
    wake_material(quiz_page)  # its palette component applies the phone's palette as it starts; then this one
    quiz_page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    option(quiz_page, "where-bend", 1).tap()
    # Colours are read once the palette's and the option's transitions (0.2 s) have ended: a colour read
    # halfway through one once came back in a form the check could not read.
    quiz_page.wait_for_timeout(500)
    for selector, prop in [
        (".cq-option", "borderTopColor"),
        (".cq-option:has(input:checked)", "borderTopColor"),
        ("[data-cq-check]", "backgroundColor"),
        ("[data-cq-retry]:not([hidden])", "borderTopColor"),
        (".cq-wrong", "borderLeftColor"),
    ]:
        assert quiz_page.evaluate(CONTRAST, [selector, prop]) >= 3, (scheme, selector)


@pytest.mark.parametrize("scheme", ["default", "slate"])
def test_a_self_check_showing_care_has_no_axe_violations(quiz_page: Page, scheme: str) -> None:
    quiz_page.goto(quiz_page.url.replace(QUIZ, SELF_CHECK))
    wake_material(quiz_page)  # its palette component applies the phone's palette as it starts; then this one
    quiz_page.evaluate(f"document.body.setAttribute('data-md-color-scheme', '{scheme}')")
    quiz_page.locator("#red-flags-check-numb label", has_text="Yes").tap()
    expect(quiz_page.locator('[data-cq-care="emergency"]')).to_be_visible()
    expect(quiz_page.locator("[data-cq-live]")).to_contain_text("Get emergency care now\n")
    assert axe_violations(quiz_page) == []
