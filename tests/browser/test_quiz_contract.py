"""The quiz script against the golden fixture HTML (tests/golden/quiz/) on a bare page, one question type at a time.

The same files are what tests/test_render_quiz.py checks the renderer against, so both sides of CONTRACT.md
are tested with one rendered fixture. The page has no Material, so this also covers the DOMContentLoaded path.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import PHONE
from fixtures.quiz_fixture import CASES, ENGLISH, HOSTILE, QUIZ
from pagecheck import STRICT_CSP, axe_violations
from playwright.sync_api import Browser, Locator, Page, expect
from project import ROOT

from coursegen.model.strings import script_json

pytestmark = pytest.mark.engine_free("a bare page of golden HTML and the quiz script, which neither engine builds")
GOLDEN = ROOT / "tests/golden/quiz"
TYPES = list(CASES)
EXPLANATIONS = {q.id: q.explanation for q in QUIZ.questions}
RECORD_CSP = "window.cspViolations = []; addEventListener('securitypolicyviolation', e => cspViolations.push(e))"
PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title><link rel="icon" href="{up}figures/hinge.svg">
<link rel="stylesheet" href="{up}assets/coursegen/quiz.css"></head>
<body><nav aria-label="Course"><a class="md-nav__link" href="{up}lesson/">The hinge</a>
<a class="md-nav__link" href="{up}quiz.html">Quiz</a></nav>
<main><h1>{title}</h1>
{body}</main><script type="application/json" id="cq-strings">{strings}</script>
<script type="module" src="{up}assets/coursegen/common.js"></script>
<script type="module" src="{up}assets/coursegen/quiz.js"></script></body></html>
"""


def write_page(path: Path, *, title: str, body: str) -> None:
    """Write one bare HTML page that loads quiz.css, common.js and quiz.js as the built site does, no inline code."""
    up = "../" * (len(path.parts) - 1)
    path.parent.mkdir(parents=True, exist_ok=True)
    strings = script_json(ENGLISH.for_scripts())
    path.write_text(PAGE.format(title=title, body=body, up=up, strings=strings), encoding="utf-8")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder with the golden quiz and self-check, a lesson page, the figures and the quiz assets."""
    site = tmp_path_factory.mktemp("quiz-fixture")
    shutil.copytree(ROOT / "coursegen/theme/assets", site / "assets/coursegen")
    shutil.copytree(ROOT / "tests/sample/docs/figures", site / "figures")
    golden = {p.name: p.read_text(encoding="utf-8") for p in GOLDEN.glob("*.html")}
    write_page(site / "quiz.html", title="Check yourself: the hinge", body=golden["quiz.html"])
    write_page(site / "self-check.html", title="Do you need care now?", body=golden["self-check.html"])
    write_page(site / "lesson/index.html", title="The hinge", body="<p>A lesson.</p>" + golden["lesson-marker.html"])
    return site


@pytest.fixture
def base(serve, fixture_site: Path) -> str:
    return serve(fixture_site)


@pytest.fixture
def quiz(phone: Page, base: str) -> Page:
    phone.add_init_script(RECORD_CSP)
    phone.goto(base + "quiz.html")
    return phone


def form(page: Page, question_id: str) -> Locator:
    """Return a fixture question by its stable anchor."""
    return page.locator(f"#{QUIZ.id}-{question_id}")


def answer(page: Page, question_id: str, *, right: bool) -> None:
    """Answer one question by tapping, as a reader on a phone does, and press Check where there is one."""
    case = CASES[question_id]
    box = form(page, question_id)
    if case.type == "order" and right:
        for place in range(len(case.right)):
            while box.locator("[data-cq-step]").nth(place).get_attribute("data-cq-step") != str(place):
                box.locator(f'[data-cq-step="{place}"] [data-cq-move="-1"]').tap()
    for value in () if case.type == "order" else case.right if right else case.wrong:
        box.locator(f'label:has(input[value="{value}"])').tap()
    if case.type in ("multiple", "order"):
        box.locator("[data-cq-check]").tap()


def feedback(page: Page, question_id: str) -> Locator:
    return form(page, question_id).locator("[data-cq-feedback]")


def assert_answered(page: Page, question_id: str) -> None:
    """Assert a question shows the right answer as chosen, with its verdict."""
    case = CASES[question_id]
    box = form(page, question_id)
    if case.type == "order":
        assert box.locator("[data-cq-step]").evaluate_all("items => items.map(i => i.dataset.cqStep)") == list(
            case.right
        )
    for value in case.right if case.type != "order" else ():
        expect(box.locator(f'input[value="{value}"]')).to_be_checked()
    expect(feedback(page, question_id)).to_contain_text("\u2713 Right.")


@pytest.mark.parametrize("question_id", TYPES)
def test_a_wrong_answer_says_not_quite_and_why(quiz: Page, question_id: str) -> None:
    answer(quiz, question_id, right=False)
    expect(feedback(quiz, question_id)).to_contain_text("\u2717 Not quite.")
    expect(feedback(quiz, question_id)).to_contain_text(CASES[question_id].wrong_says)
    expect(quiz.locator("[data-cq-live]")).to_contain_text("Not quite.")
    expect(form(quiz, question_id).locator("[data-cq-retry]")).to_be_visible()
    form(quiz, question_id).locator("[data-cq-show]").tap()
    expect(form(quiz, question_id).locator("[data-cq-answer] summary")).to_be_focused()
    expect(form(quiz, question_id).locator("[data-cq-answer]")).to_contain_text(EXPLANATIONS[question_id])


@pytest.mark.parametrize("question_id", TYPES)
def test_a_right_answer_updates_the_score(quiz: Page, question_id: str) -> None:
    quiz.evaluate(
        "document.addEventListener('cq:score', e => { window.scores = [...(window.scores || []), e.detail]; })"
    )
    for other in TYPES:
        answer(quiz, other, right=False)
    expect(quiz.locator("[data-cq-score-text]")).to_have_text("0 of 5 right.")
    expect(quiz.locator("[data-cq-review]")).to_be_visible()
    form(quiz, question_id).locator("[data-cq-retry]").tap()
    expect(quiz.locator("[data-cq-score]")).to_be_hidden()
    answer(quiz, question_id, right=True)
    assert_answered(quiz, question_id)
    expect(quiz.locator("[data-cq-score-text]")).to_have_text("1 of 5 right.")
    assert quiz.evaluate("window.scores")[-1] == {"quiz": QUIZ.id, "right": 1, "total": 5}


def test_all_right_hides_the_review_link_and_marks_the_quiz_passed(quiz: Page) -> None:
    for question_id in TYPES:
        answer(quiz, question_id, right=True)
    expect(quiz.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    expect(quiz.locator("[data-cq-review]")).to_be_hidden()
    expect(quiz.locator(".md-nav__link[href$='quiz.html'] .cq-mark")).to_have_text("\u2713 (passed)")


@pytest.mark.parametrize("question_id", TYPES)
def test_a_reload_keeps_the_answer_and_reset_clears_it(quiz: Page, question_id: str) -> None:
    answer(quiz, question_id, right=True)
    quiz.reload()
    assert_answered(quiz, question_id)
    quiz.locator("[data-cq-reset]").tap()
    expect(feedback(quiz, question_id)).to_be_hidden()
    expect(form(quiz, question_id).locator("input:checked")).to_have_count(0)
    assert quiz.evaluate("localStorage.getItem('cq:/')") is None
    quiz.reload()
    expect(feedback(quiz, question_id)).to_be_hidden()
    expect(form(quiz, question_id).locator("input:checked")).to_have_count(0)


@pytest.mark.parametrize(
    "saved",
    [{"order": {"v": [0, 1, 2, 9], "ok": False}}, {"order": {"v": [0, 1], "ok": False}}, {"single": {"v": ["z"]}}],
    ids=["a-step-that-no-longer-exists", "a-step-missing", "an-option-that-no-longer-exists"],
)
def test_a_saved_answer_that_no_longer_fits_its_question_is_dropped(quiz: Page, saved: dict) -> None:
    quiz.evaluate("saved => localStorage.setItem('cq:/', JSON.stringify({answers: {'/quiz.html': saved}}))", saved)
    quiz.reload()
    question_id = next(iter(saved))
    expect(feedback(quiz, question_id)).to_be_hidden()
    steps = form(quiz, question_id).locator("[data-cq-step]")
    assert steps.count() in (0, 4) and "null" not in form(quiz, question_id).inner_text()
    answer(quiz, question_id, right=True)
    assert_answered(quiz, question_id)


def test_the_self_check_shows_the_most_serious_care_and_keeps_it_after_a_reload(phone: Page, base: str) -> None:
    phone.goto(base + "self-check.html")
    expect(phone.locator("[data-cq-care]:visible")).to_have_count(0)
    phone.locator("#red-flags-weeks label", has_text="No").tap()
    expect(phone.locator("[data-cq-care]:visible")).to_have_count(0)
    phone.locator("#red-flags-weeks label", has_text="Yes").tap()
    expect(phone.locator('[data-cq-care="soon"]')).to_be_focused()
    phone.locator("#red-flags-numb label", has_text="Yes").tap()
    emergency = phone.locator('[data-cq-care="emergency"]')
    expect(emergency).to_be_focused()
    expect(emergency).to_contain_text("Call your local emergency number now.")
    expect(phone.locator("[data-cq-live]")).to_contain_text("Get emergency care now")
    expect(phone.locator("[data-cq-care]:visible")).to_have_count(1)
    phone.locator("#red-flags-fever label", has_text="Yes").tap()
    expect(phone.locator("#red-flags-fever input[value=yes]")).to_be_focused()  # same advice: no jump
    phone.reload()
    expect(phone.locator("[data-cq-care]:visible")).to_have_count(1)
    expect(emergency).to_be_visible()
    phone.locator("#red-flags-numb [data-cq-retry]").tap()
    expect(phone.locator('[data-cq-care="urgent"]')).to_be_visible()
    expect(emergency).to_be_hidden()


def tab_to(page: Page, selector: str) -> None:
    """Press Tab until the element matching `selector` has focus, as a keyboard user would."""
    for _ in range(40):
        if page.evaluate("s => document.activeElement.matches(s)", selector):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"Tab never reached {selector}")


def test_the_whole_quiz_by_keyboard_alone(quiz: Page) -> None:
    keys = quiz.keyboard
    tab_to(quiz, "#fixture-single input[value=a]")
    keys.press("ArrowDown")
    keys.press("ArrowDown")
    keys.press("ArrowUp")
    expect(feedback(quiz, "single")).to_be_hidden()  # looking through the options answers nothing
    expect(quiz.locator("[data-cq-live]")).to_have_text("Press Enter to check.")
    keys.press("ArrowUp")
    keys.press("Space")
    expect(feedback(quiz, "single")).to_contain_text("Right.")
    tab_to(quiz, "#fixture-multiple input[value=a]")
    keys.press("Space")
    keys.press("Tab")
    keys.press("Space")
    tab_to(quiz, "#fixture-multiple [data-cq-check]")
    keys.press("Enter")
    tab_to(quiz, "#fixture-true-false input")
    keys.press("ArrowDown")
    expect(feedback(quiz, "true-false")).to_be_hidden()
    keys.press("Enter")
    for place in range(4):
        mover = f'#fixture-order [data-cq-step="{place}"] [data-cq-move="-1"]'
        while form(quiz, "order").locator("[data-cq-step]").nth(place).get_attribute("data-cq-step") != str(place):
            tab_to(quiz, mover)
            keys.press("Enter")
    tab_to(quiz, "#fixture-order [data-cq-check]")
    keys.press("Enter")
    tab_to(quiz, "#fixture-picture input[value=a]")
    keys.press("Space")
    for question_id in TYPES:
        assert_answered(quiz, question_id)
    expect(quiz.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")


def test_with_scripts_off_every_answer_sits_behind_show_answer(browser: Browser, base: str) -> None:
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "quiz.html")
    expect(page.locator("[data-cq-check], [data-cq-retry], [data-cq-show], [data-cq-reset]")).to_have_count(13)
    expect(page.locator("[data-cq-check]:visible, [data-cq-reset]:visible")).to_have_count(0)
    for question in QUIZ.questions:
        details = form(page, question.id).locator("details[data-cq-answer]")
        expect(details.locator("p", has_text=question.explanation)).to_be_hidden()
        details.locator("summary", has_text="Show answer").tap()
        expect(details.locator("p", has_text=question.explanation)).to_be_visible()
    expect(form(page, "order").locator("details li").first).to_have_text("Stand tall")
    page.goto(base + "self-check.html")
    expect(page.locator("[data-cq-care]:visible")).to_have_count(3)  # with no script, every piece of advice shows
    context.close()


def test_under_a_strict_csp_every_type_checks_and_nothing_is_violated(phone: Page, serve, fixture_site: Path) -> None:
    phone.add_init_script(RECORD_CSP)
    phone.goto(serve(fixture_site, headers={"Content-Security-Policy": STRICT_CSP}) + "quiz.html")
    for question_id in TYPES:
        answer(phone, question_id, right=True)
        expect(feedback(phone, question_id)).to_contain_text("Right.")
    expect(phone.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    assert phone.evaluate("window.cspViolations") == []
    assert phone.problems == []


def test_author_text_shows_as_text_and_never_runs(quiz: Page) -> None:
    answer(quiz, "single", right=False)
    expect(form(quiz, "single").locator("legend")).to_contain_text(HOSTILE)
    expect(feedback(quiz, "single")).to_contain_text(HOSTILE)
    assert quiz.evaluate("window.pwned") is None
    assert quiz.locator("main img[src=x]").count() == 0


def test_running_the_script_twice_changes_nothing(quiz: Page, base: str) -> None:
    # A second copy of the module (another address, so the browser runs it again) starts on the same page.
    quiz.add_script_tag(url=base + "assets/coursegen/quiz.js?again", type="module")
    quiz.evaluate("document.dispatchEvent(new Event('DOMContentLoaded'))")
    order = form(quiz, "order").locator("[data-cq-step]")
    before = order.evaluate_all("items => items.map(i => i.dataset.cqStep)")
    form(quiz, "order").locator("[data-cq-step]").nth(2).locator('[data-cq-move="-1"]').tap()
    after = order.evaluate_all("items => items.map(i => i.dataset.cqStep)")
    assert after == [before[0], before[2], before[1], before[3]]  # moved one place, not two
    answer(quiz, "single", right=False)
    expect(feedback(quiz, "single").locator(".cq-verdict")).to_have_count(1)
    expect(quiz.locator(".md-nav__link .cq-mark")).to_have_count(0)
    assert quiz.problems == []


@pytest.mark.parametrize(
    "storage",
    [
        "Object.defineProperty(window, 'localStorage', {get() { throw new DOMException('no', 'SecurityError'); }})",
        "Storage.prototype.setItem = () => { throw new DOMException('full', 'QuotaExceededError'); }",
    ],
    ids=["blocked", "full"],
)
def test_without_storage_quizzes_still_work_and_nothing_is_thrown(phone: Page, base: str, storage: str) -> None:
    phone.add_init_script(storage)
    phone.goto(base + "quiz.html")
    for question_id in TYPES:
        answer(phone, question_id, right=True)
    expect(phone.locator("[data-cq-score-text]")).to_have_text("5 of 5 right.")
    phone.locator("[data-cq-reset]").tap()
    expect(phone.locator("[data-cq-score]")).to_be_hidden()
    assert phone.problems == []


def test_no_cookies_and_nothing_sent_anywhere(quiz: Page, base: str) -> None:
    requests = []
    quiz.on("request", lambda r: requests.append((r.method, r.url)))
    quiz.reload()
    for question_id in TYPES:
        answer(quiz, question_id, right=True)
    quiz.goto(base + "lesson/")
    assert quiz.evaluate("document.cookie") == "" and quiz.context.cookies() == []
    assert {method for method, _ in requests} == {"GET"}
    assert all(url.startswith(base) for _, url in requests)


def test_a_lesson_read_is_marked_in_the_navigation_with_words(quiz: Page, base: str) -> None:
    expect(quiz.locator(".cq-mark")).to_have_count(0)
    quiz.goto(base + "lesson/")
    mark = quiz.locator(".md-nav__link[href$='lesson/'] .cq-mark")
    expect(mark).to_have_text("\u2713 (read)")
    expect(mark.locator(".cq-sr")).to_have_text(" (read)")
    quiz.goto(base + "quiz.html")
    expect(mark).to_have_text("\u2713 (read)")


def test_every_target_is_at_least_48_px_square(quiz: Page) -> None:
    for question_id in TYPES:
        answer(quiz, question_id, right=False)
    targets = quiz.locator(".cq-option:visible, .cq-button:visible, .cq-move:visible, summary:visible")
    assert targets.count() >= 20
    for i in range(targets.count()):
        box = targets.nth(i).bounding_box()
        assert box["width"] >= 48 and box["height"] >= 48, targets.nth(i).inner_text()


@pytest.mark.parametrize("page_name", ["quiz.html", "self-check.html"])
def test_axe_finds_nothing_before_or_after_answering(phone: Page, base: str, page_name: str) -> None:
    phone.goto(base + page_name)
    assert axe_violations(phone) == []
    if page_name == "quiz.html":
        for question_id in TYPES:
            answer(phone, question_id, right=False)
    else:
        phone.locator("#red-flags-numb label", has_text="Yes").tap()
    assert axe_violations(phone) == []


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_turns_off_transitions(browser: Browser, base: str, motion: str) -> None:
    context = browser.new_context(**PHONE, reduced_motion=motion)
    page = context.new_page()
    page.goto(base + "quiz.html")
    duration = page.locator(".cq-option").first.evaluate("e => getComputedStyle(e).transitionDuration")
    assert (duration == "0s") == (motion == "reduce")
    context.close()
