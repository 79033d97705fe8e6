"""The practice player on a phone: a whole session on the page clock, pause, reload, taps, how it felt,
the pain rule, "My practice" and its CSV, a corrupted log, a strict CSP, axe, offline and French."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import quote

import pytest
from conftest import PHONE, build_copy, wake_material
from pagecheck import axe_violations
from playwright.sync_api import Browser, Page, expect
from project import ROOT, copy_project, run_build
from selectolax.lexbor import LexborHTMLParser
from test_other_courses import english_interface_words
from test_prescribe import prescribe

LOG = "cq:/:practice"
HOLD_LESSON = "lessons/01-first-steps/"
REPS_LESSON = "lessons/03-slow-hinge/"
PROGRAM = "programs/new-client/"
MY_PRACTICE = "shared/practice/"
# What a program session takes: first-steps (get ready 5; 2 sets of 10 s each side with a 5 s switch,
# 15 s rest after each), then red-flags at the program's 3 sets (get ready 5; 20 s holds, 10 s rests).
PROGRAM_SECONDS = (5 + 2 * (10 + 5 + 10) + 2 * 15) + (5 + 3 * 20 + 2 * 10)

HOLD_PRACTICE = """practice:
  - id: wall-hold
    name: Hinge hold
    sets: 2
    hold: 10
    rest: 15
    sides: true
    cue: Hips back, back long.
"""
LEAN_PRACTICE = """practice:
  - id: wall-lean
    name: Wall lean
    sets: 2
    hold: 20
    rest: 10
"""
REPS_FILES = {
    "lessons/03-slow-hinge.yml": """id: slow-hinge
title: Slow hinge
summary: A few slow reps.
order: 3
figures:
  - src: figures/hinge.svg
    alt: A person bends forward at the hips with a long, flat back.
practice:
  - id: slow-reps
    name: Slow hinge
    sets: 2
    reps: 3
    rest: 10
""",
    "quizzes/slow-hinge.yml": """id: slow-hinge
lesson: slow-hinge
questions:
  - id: slow
    type: true-false
    prompt: Slow reps are fine.
    answer: true
""",
}
PAIN_RULE = """    pain_rule:
      threshold: 3
      message: Stop the move that hurts, and read the warning signs.
      link: red-flags
      link_text: Warning signs
"""


@pytest.fixture(scope="module")
def practice_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    """The sample course with practice, built by this run's engine: holds each side, holds, reps, a program
    dose and a pain rule."""
    project = copy_project(tmp_path_factory.mktemp(f"practice-{engine}") / "course")
    for name, block in (("01-first-steps.yml", HOLD_PRACTICE), ("02-red-flags.yml", LEAN_PRACTICE)):
        lesson = project / "lessons" / name
        lesson.write_text(lesson.read_text() + block)
    for rel, text in REPS_FILES.items():
        (project / rel).write_text(text)
    program = project / "programs/new-client.yml"
    program.write_text(program.read_text() + "doses:\n  - lesson: red-flags\n    sets: 3\n")
    config = project / "mkdocs.yml"
    text = config.read_text()
    config.write_text(
        text.replace(
            "      link_text: Warning signs that need care\n",
            "      link_text: Warning signs that need care\n" + PAIN_RULE,
            1,
        )
    )
    result = run_build(project, "build", "--strict", "--engine", engine)
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


@pytest.fixture(scope="module")
def base(serve, practice_site: Path) -> str:
    return serve(practice_site)


@pytest.fixture
def reader(browser: Browser) -> Page:
    """A phone whose clock the test moves: a session of minutes runs in milliseconds."""
    context = browser.new_context(**PHONE, service_workers="block")
    page = context.new_page()
    page.problems = []
    page.on("pageerror", lambda e: page.problems.append(str(e)))
    page.on("console", lambda m: page.problems.append(m.text) if m.type == "error" else None)
    page.clock.install()
    yield page
    context.close()


def saved_log(page: Page) -> dict:
    return json.loads(page.evaluate(f"localStorage.getItem('{LOG}')") or "null")


def start_practice(page: Page, url: str) -> None:
    page.goto(url)
    wake_material(page)
    hold_time(page)
    page.locator("[data-cq-practice-start]").tap()
    expect(page.locator("[data-cq-player]")).to_be_visible()


def run_held_clock_past_start(page: Page) -> None:
    """On a new page whose clock the test holds, pass the idle moment after its load in which its scripts start."""
    page.clock.run_for(1_000)


def hold_time(page: Page) -> None:
    """Stop the page's clock from running on its own: from now on only the test moves it."""
    now = datetime.fromtimestamp(page.evaluate("Date.now()") / 1000, tz=UTC)
    page.clock.pause_at(now + timedelta(seconds=1))


def pick(page: Page, scale: int, value: int) -> None:
    page.locator("[data-cq-feel] fieldset").nth(scale).locator("label", has_text=str(value)).first.tap()


def test_without_javascript_a_lesson_shows_its_dose_as_text(browser: Browser, base: str) -> None:
    context = browser.new_context(**PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(base + HOLD_LESSON)
    expect(page.locator(".cq-dose")).to_have_text(
        "Hinge hold: 2 sets: hold 10 seconds, each side; rest 15 seconds between sets. Hips back, back long."
    )
    expect(page.locator("[data-cq-practice-start]")).to_be_hidden()
    context.close()


def test_a_whole_program_session_runs_on_the_clock_and_the_feeling_is_logged(reader: Page, base: str) -> None:
    start_practice(reader, base + PROGRAM)
    player = reader.locator("[data-cq-player]")
    expect(player.locator(".cq-player-name")).to_have_text("Hinge hold")
    expect(player.locator(".cq-player-what")).to_have_text("Get ready")
    reader.clock.run_for(5_000)
    expect(player.locator(".cq-player-where")).to_have_text("Set 1 of 2, Left side")
    expect(player.locator(".cq-player-big")).to_have_text("10")
    reader.clock.run_for((PROGRAM_SECONDS - 5) * 1000 + 500)
    expect(player).to_have_count(0)
    log = saved_log(reader)
    (session,) = log["sessions"]
    assert session["program"] == "/programs/new-client/"
    assert session["items"] == [
        {"id": "first-steps/wall-hold", "sets": 2, "of": 2},
        {"id": "red-flags/wall-lean", "sets": 3, "of": 3},
    ]
    assert session["days"] == ["MO", "WE", "FR"]
    assert (session["effort"], session["pain"]) == (None, None)
    expect(reader.get_by_role("heading", name="How did it feel?")).to_be_focused()
    pick(reader, 0, 4)
    pick(reader, 1, 2)
    reader.locator("[data-cq-feel] textarea").fill("Felt steady.")
    reader.get_by_role("button", name="Save").tap()
    expect(reader.locator(".cq-feel-result")).to_contain_text("Saved in your practice log.")
    expect(reader.locator(".cq-pain-advice")).to_have_count(0)  # 2 is not above the threshold of 3
    felt = saved_log(reader)["sessions"][0]
    assert (felt["effort"], felt["pain"], felt["note"]) == (4, 2, "Felt steady.")
    assert reader.problems == []


def test_pain_above_the_threshold_shows_the_courses_advice_and_link(reader: Page, base: str) -> None:
    start_practice(reader, base + HOLD_LESSON)
    reader.locator("[data-cq-player]").get_by_role("button", name="Stop").tap()
    pick(reader, 1, 6)
    reader.get_by_role("button", name="Save").tap()
    advice = reader.locator(".cq-pain-advice")
    expect(advice).to_contain_text("Stop the move that hurts, and read the warning signs.")
    expect(advice.get_by_role("link", name="Warning signs")).to_have_attribute("href", "../02-red-flags/")
    expect(advice).to_be_focused()


def test_pause_resume_and_a_reload_keep_the_place(reader: Page, base: str) -> None:
    start_practice(reader, base + HOLD_LESSON)
    player = reader.locator("[data-cq-player]")
    big = player.locator(".cq-player-big")
    reader.clock.run_for(5_000 + 3_000)
    expect(big).to_have_text("7")
    player.get_by_role("button", name="Pause").tap()
    expect(player.locator(".cq-player-what")).to_have_text("Paused")
    reader.clock.run_for(30_000)
    expect(big).to_have_text("7")
    expect(player.locator(".cq-player-what")).to_have_text("Paused")
    player.get_by_role("button", name="Resume").tap()
    expect(player.get_by_role("button", name="Pause")).to_be_visible()
    reader.clock.run_for(2_000)
    expect(big).to_have_text("5")
    reader.reload()
    wake_material(reader)  # so the first tap goes straight to Resume, not to starting Material's bundle
    expect(player).to_be_visible()
    expect(player.locator(".cq-player-where")).to_have_text("Set 1 of 2, Left side")
    expect(big).to_have_text("5")
    expect(player.get_by_role("button", name="Resume")).to_be_visible()
    player.get_by_role("button", name="Resume").tap()
    expect(player.get_by_role("button", name="Pause")).to_be_visible()  # the tap reached the page
    reader.clock.run_for(5_500)
    expect(player.locator(".cq-player-what")).to_have_text("Switch sides")
    player.get_by_role("button", name="Back").tap()  # back over a started step restarts it
    expect(player.locator(".cq-player-what")).to_have_text("Switch sides")
    expect(big).to_have_text("5")
    player.get_by_role("button", name="Back").tap()
    expect(player.locator(".cq-player-where")).to_have_text("Set 1 of 2, Left side")
    player.get_by_role("button", name="Skip").tap()
    expect(player.locator(".cq-player-what")).to_have_text("Switch sides")


def test_a_tap_anywhere_counts_a_rep_and_so_does_the_keyboard(reader: Page, base: str) -> None:
    start_practice(reader, base + REPS_LESSON)
    player = reader.locator("[data-cq-player]")
    reader.clock.run_for(5_000)
    expect(player.locator(".cq-player-of")).to_have_text("0 of 3")
    player.locator(".cq-player-name").tap()
    player.locator(".cq-player-figure").tap()
    expect(player.locator(".cq-player-big")).to_have_text("2")
    reader.clock.run_for(100)  # the live region is written a moment later, so it is announced again
    expect(player.locator(".cq-sr")).to_have_text("2 of 3")
    player.locator("[data-cq-stage]").focus()
    reader.keyboard.press("Enter")
    expect(player.locator(".cq-player-what")).to_have_text("Rest")
    expect(player.locator(".cq-player-big")).to_have_text("10")
    player.get_by_role("button", name="Pause").tap()  # a tap on a control is not a rep
    expect(player.locator(".cq-player-what")).to_have_text("Paused")


def test_my_practice_shows_the_week_charts_and_a_csv_that_matches_the_log(reader: Page, base: str) -> None:
    for pain in (1, 2):
        start_practice(reader, base + HOLD_LESSON)
        reader.locator("[data-cq-player]").get_by_role("button", name="Stop").tap()
        pick(reader, 0, 5)
        pick(reader, 1, pain)
        reader.locator("[data-cq-feel] textarea").fill('=sum, "quoted"')
        reader.get_by_role("button", name="Save").tap()
        expect(reader.locator(".cq-feel-result")).to_contain_text("Saved")
    reader.locator(".cq-feel-result").get_by_role("link", name="My practice").tap()
    reader.wait_for_url("**" + MY_PRACTICE)
    run_held_clock_past_start(reader)
    box = reader.locator("[data-cq-practice-log]")
    expect(box).to_be_visible()
    expect(box.locator(".cq-goal")).to_have_text("2 of 3 sessions this week")
    expect(box.locator(".cq-week .cq-day-done")).to_have_count(1)
    expect(box.locator("svg.cq-chart")).to_have_count(2)
    expect(box.locator("svg.cq-chart").nth(1)).to_have_attribute("aria-label", "Pain, last sessions: 1, 2")
    expect(box.locator(".cq-log-sessions li")).to_have_count(2)
    expect(box.locator(".cq-log-sessions li").first).to_contain_text("Hinge hold (0/2)")
    with reader.expect_download() as download:
        box.locator("[data-cq-log-export]").tap()
    text = Path(download.value.path()).read_text(encoding="utf-8-sig")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    sessions = saved_log(reader)["sessions"]
    assert rows[0] == ["session", "at", "lesson", "program", "exercise", "sets", "of", "effort", "pain", "note"]
    assert rows[1:] == [
        [
            s["id"],
            s["at"],
            "first-steps",
            "",
            "first-steps/wall-hold",
            "0",
            "2",
            "5",
            str(s["pain"]),
            '\'=sum, "quoted"',
        ]
        for s in sessions
    ]
    box.locator("[data-cq-log-clear]").tap()
    reader.get_by_role("button", name="Yes, clear it").tap()
    expect(box.locator(".cq-say")).to_have_text("Your practice log is cleared.")
    expect(box.locator(".cq-log-empty")).to_be_visible()
    assert saved_log(reader) is None
    assert reader.problems == []


CORRUPTED = [
    "not json {",
    '{"v": 1, "sessions": "many"}',
    json.dumps(
        {
            "v": 1,
            "sessions": [
                42,
                "junk",
                {"id": "BAD ID", "at": "2026-12-01T08:00:00.000Z"},
                {"id": "abcdef1", "at": "yesterday"},
                {
                    "id": "good123",
                    "at": "2026-12-01T08:00:00.000Z",
                    "lesson": "<img src=x onerror=alert(1)>",
                    "items": [
                        {"id": "first-steps/wall-hold", "sets": "two", "of": 2},
                        {"id": "first-steps/wall-hold", "sets": 1, "of": 2},
                    ],
                    "effort": "high",
                    "pain": 99,
                    "note": {"a": 1},
                },
            ],
        }
    ),
]


@pytest.mark.parametrize("stored", CORRUPTED, ids=["not-json", "sessions-not-a-list", "bad-items"])
def test_a_corrupted_log_breaks_no_page(reader: Page, base: str, stored: str) -> None:
    reader.goto(base)
    reader.evaluate(
        "([log, value]) => { localStorage.setItem(log, value); localStorage.setItem(log + '-now', value); }",
        [LOG, stored],
    )
    reader.goto(base + MY_PRACTICE)
    box = reader.locator("[data-cq-practice-log]")
    expect(box).to_be_visible()
    kept = 1 if "good123" in stored else 0
    expect(box.locator(".cq-log-sessions li")).to_have_count(kept)
    if kept:
        expect(box.locator(".cq-log-sessions li")).to_contain_text("Hinge hold (1/2)")
    start_practice(reader, base + HOLD_LESSON)
    reader.locator("[data-cq-player]").get_by_role("button", name="Stop").tap()
    reader.get_by_role("button", name="Skip").tap()
    assert len(saved_log(reader)["sessions"]) == kept + 1
    assert reader.problems == []


def test_the_player_works_under_a_strict_content_security_policy(
    reader: Page, serve, practice_site: Path, strict_csp: str
) -> None:
    strict = serve(practice_site, headers={"Content-Security-Policy": strict_csp})
    start_practice(reader, strict + PROGRAM)
    reader.clock.run_for(PROGRAM_SECONDS * 1000 + 500)
    expect(reader.locator("[data-cq-feel]")).to_be_visible()
    reader.get_by_role("button", name="Skip").tap()
    reader.goto(strict + MY_PRACTICE)
    run_held_clock_past_start(reader)
    expect(reader.locator(".cq-log-sessions li")).to_have_count(1)
    assert reader.problems == []


def test_the_player_its_form_and_my_practice_pass_axe(reader: Page, base: str) -> None:
    start_practice(reader, base + HOLD_LESSON)
    reader.clock.run_for(6_000)
    reader.clock.resume()  # axe-core waits on timers of its own: a paused clock would hold it for ever
    assert axe_violations(reader) == []
    big = reader.locator("[data-cq-player] .cq-player-control").first.bounding_box()
    stage = reader.locator("[data-cq-stage]").bounding_box()
    assert big["height"] >= 64 and big["width"] >= 64 and stage["height"] >= 64
    reader.locator("[data-cq-player]").get_by_role("button", name="Stop").tap()
    assert axe_violations(reader) == []
    reader.goto(base + MY_PRACTICE)
    expect(reader.locator("[data-cq-practice-log]")).to_be_visible()
    assert axe_violations(reader) == []


def test_a_trainer_halves_the_sets_and_the_clients_program_and_player_follow(
    browser: Browser, reader: Page, base: str
) -> None:
    trainer_context = browser.new_context(**PHONE)
    trainer = trainer_context.new_page()
    trainer.goto(base + "shared/prescribe/")
    link = prescribe(trainer, ["first-steps"], doses={"first-steps.wall-hold": {"Sets": 1}})
    trainer_context.close()
    assert "&x=first-steps.wall-hold.1.&" in link  # only what differs: the sets, not the hold
    start_practice(reader, link)
    expect(reader.locator(".cq-dose")).to_have_text(
        "Hinge hold: 1 set: hold 10 seconds, each side; rest 15 seconds between sets. Hips back, back long."
    )
    player = reader.locator("[data-cq-player]")
    reader.clock.run_for(5_000)
    expect(player.locator(".cq-player-where")).to_have_text("Set 1 of 1, Left side")
    reader.clock.run_for((10 + 5 + 10) * 1000 + 500)  # one set each side, and no rest after the last
    expect(player).to_have_count(0)
    (session,) = saved_log(reader)["sessions"]
    assert session["program"] == "/shared/program/"
    assert session["items"] == [{"id": "first-steps/wall-hold", "sets": 1, "of": 1}]
    assert reader.problems == []


@pytest.mark.parametrize(
    "dose", ["first-steps.wall-hold.0.601", "first-steps.wall-hold.21.", "first-steps.wall-hold.x.5<b>", "a,b.c.d.e"]
)
def test_a_tampered_dose_in_the_link_is_ignored(reader: Page, base: str, dose: str) -> None:
    reader.goto(base + "shared/program/#l=first-steps&x=" + quote(dose, safe=",."))
    wake_material(reader)
    expect(reader.locator(".cq-dose")).to_have_text(
        "Hinge hold: 2 sets: hold 10 seconds, each side; rest 15 seconds between sets. Hips back, back long."
    )
    expect(reader.locator("[data-cq-practice-start]")).to_be_visible()
    assert reader.problems == []


def modules(page: Path) -> list[str]:
    """Return the src of every module script a built page holds for md-start.js to start (#cq-modules)."""
    held = LexborHTMLParser(page.read_text()).css_first("template#cq-modules")
    # A template's scripts are its content, not its children: read them as a div's.
    scripts = LexborHTMLParser(held.html.replace("<template", "<div", 1)).css("script[type=module][src]")
    return [node.attributes["src"] for node in scripts]


def test_the_player_loads_only_where_a_page_has_practice(practice_site: Path) -> None:
    quiz = (practice_site / "quizzes/01-first-steps/index.html").read_text()
    assert "practice.js" not in quiz and "practice.css" not in quiz
    assert "../../assets/coursegen/practice.js" in modules(practice_site / "lessons/01-first-steps/index.html")


def test_the_player_works_offline(browser: Browser, serve, practice_site: Path) -> None:
    base = serve(practice_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(base)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    context.set_offline(True)
    start_practice(page, base + HOLD_LESSON)
    expect(page.locator("[data-cq-player] .cq-player-name")).to_have_text("Hinge hold")
    page.locator("[data-cq-player]").get_by_role("button", name="Stop").tap()
    page.get_by_role("button", name="Skip").tap()
    page.goto(base + MY_PRACTICE)
    run_held_clock_past_start(page)
    expect(page.locator(".cq-log-sessions li")).to_contain_text("Hinge hold")
    context.close()


@pytest.fixture(scope="module")
def french_base(serve, tmp_path_factory: pytest.TempPathFactory, engine: str) -> str:
    site = build_copy(
        tmp_path_factory.mktemp(f"fr-practice-{engine}") / "course",
        course=ROOT / "tests/courses/lavage-des-mains",
        engine=engine,
    )
    return serve(site)


def test_a_french_reader_practises_and_sees_no_english_word(reader: Page, french_base: str) -> None:
    english = english_interface_words()
    start_practice(reader, french_base + "lessons/02-les-bons-gestes/")
    player = reader.locator("[data-cq-player]")
    expect(player.locator(".cq-player-what")).to_have_text("Préparez-vous")
    reader.clock.run_for(5_000)
    texts = [player.inner_text(), player.get_attribute("aria-label") or ""]
    texts += player.locator("[aria-label]").evaluate_all("nodes => nodes.map(n => n.getAttribute('aria-label'))")
    player.get_by_role("button", name="Arrêter").tap()
    pick(reader, 1, 5)
    reader.get_by_role("button", name="Enregistrer").tap()
    expect(reader.locator(".cq-pain-advice")).to_contain_text("pharmacien")
    texts.append(reader.locator(".cq-practice").inner_text())
    reader.locator(".cq-feel-result").get_by_role("link", name="Ma pratique").tap()
    reader.wait_for_url("**" + MY_PRACTICE)
    run_held_clock_past_start(reader)
    expect(reader.locator("[data-cq-practice-log]")).to_be_visible()
    texts.append(reader.locator("article").inner_text())
    found = sorted({piece for piece in english for text in texts if piece in text})
    assert found == [], found
