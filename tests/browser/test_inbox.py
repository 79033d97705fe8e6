"""Sealed practice links, on phones: a trainer prescribes, the client sends what they did, sealed, and
only the trainer's phone opens it; a stranger, a tampered link and a replayed link get nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pagecheck import axe_violations
from playwright.sync_api import Browser, Page, expect
from test_prescribe import new_phone, pass_quiz, prescribe

NAME = "Robin"
NOTE = "Slow and steady, stop at sharp pain."
SESSION_NOTE = "left hip tight after gardening"
PAIN = 7  # above the threshold of the course's pain rule (3), so the inbox flags the client


@pytest.fixture(scope="module")
def base(serve, built_site: Path, strict_csp: str) -> str:
    """The real course under the strict CSP it must work with on this run's engine."""
    return serve(built_site, headers={"Content-Security-Policy": strict_csp})


@pytest.fixture(scope="module")
def axe_base(serve, built_site: Path) -> str:
    """The real course without a CSP, so axe-core can be injected."""
    return serve(built_site)


def practice_log(days: int, *, pain: int = PAIN, note: str = SESSION_NOTE) -> dict:
    """Return a practice log in the agreed format (CONTRACT.md, "Practice log"): one session a day."""
    start = datetime(2026, 11, 1, 8, 15, tzinfo=UTC)
    sessions = [
        {
            "id": f"s{day:05d}",
            "at": (start + timedelta(days=day)).isoformat().replace("+00:00", "Z"),
            "lesson": "start-here",
            "program": None,
            "items": [
                {"id": "start-here/wall-hinge", "sets": 3, "of": 3},
                {"id": "start-here/dowel-hinge", "sets": 2, "of": 3},
            ],
            "effort": 4 + day % 3,
            "pain": pain if day == days - 1 else 2,
            "note": note if day == days - 1 else "",
        }
        for day in range(days)
    ]
    return {"v": 1, "sessions": sessions}


def seed(page: Page, log: dict) -> None:
    """Put a practice log on the client's phone, as the practice player leaves it."""
    page.evaluate("log => localStorage.setItem('cq:/:practice', JSON.stringify(log))", log)


def send(page: Page, program_link: str) -> str:
    """Open the program afresh, make the practice link and return it."""
    page.goto("about:blank")  # a hash-only change would not load the page again
    page.goto(program_link)
    panel = page.locator("[data-cq-send-practice]")
    try:
        expect(panel.locator("[data-cq-send-make]")).to_be_visible()
    except AssertionError as failed:
        raise AssertionError(f"the send panel says {panel.inner_text()!r}; problems: {page.problems}") from failed
    expect(panel.locator("[data-cq-send-make]")).to_be_enabled()
    panel.locator("[data-cq-send-make]").tap()
    expect(panel.locator("[data-cq-send-qr] svg")).to_be_visible()
    return panel.locator("[data-cq-send-link]").get_attribute("href")


def say(page: Page):
    return page.locator("[data-cq-inbox] [data-cq-say]")


def test_the_trainer_reads_what_the_client_sent_and_nobody_else_can(browser: Browser, base: str) -> None:
    trainer_context, trainer = new_phone(browser)
    trainer.goto(base + "shared/prescribe/")
    program = prescribe(trainer, ["start-here", "dowel-test"], note=NOTE, name=NAME)
    assert "&c=" in program and "&k=" in program

    client_context, client = new_phone(browser)
    client.goto(program)
    seed(client, practice_log(3))
    client.goto(base + "quizzes/02-dowel-test/")
    pass_quiz(client)
    link = send(client, program)
    preview = client.locator("[data-cq-send-preview]")
    expect(preview.locator("li")).to_have_count(4)  # three sessions, then the quiz passed
    expect(preview).to_contain_text(SESSION_NOTE)
    assert link.startswith(base + "shared/inbox/#r=1.")
    for secret in (NAME, NOTE, SESSION_NOTE, "wall-hinge", "pain", "dowel"):
        assert secret.lower() not in link.lower(), f"{secret!r} is in the link in clear"

    trainer.goto(link)
    expect(say(trainer)).to_have_text(f"Added 3 sessions for {NAME}.")
    expect(trainer.locator("[data-cq-inbox-client] h2")).to_have_text(NAME)
    rows = trainer.locator("[data-cq-timeline] tbody tr")
    expect(rows).to_have_count(3)
    last = rows.nth(2).locator("td")
    expect(last.nth(3)).to_have_text("6")  # effort
    expect(last.nth(4)).to_have_text(str(PAIN))
    expect(last.nth(5)).to_have_text(SESSION_NOTE)
    expect(trainer.locator("[data-cq-inbox-client]")).to_contain_text("The dowel test")
    expect(trainer.locator(".cq-chart polyline")).to_have_count(2)

    stranger_context, stranger = new_phone(browser)
    stranger.goto(link)
    expect(say(stranger)).to_contain_text("not on this phone")
    text = stranger.locator("article").inner_text()
    for secret in (NAME, NOTE, SESSION_NOTE, f"{PAIN}/10", "Slow"):
        assert secret not in text
    assert stranger.locator("[data-cq-timeline]").count() == 0

    trainer.goto(base + "shared/prescribe/")
    trainer.goto(link)
    expect(say(trainer)).to_contain_text("already added")

    head, data = link.rsplit(".", 1)
    flipped = data[:40] + ("A" if data[40] != "A" else "B") + data[41:]
    trainer.goto(base + "shared/prescribe/")
    trainer.goto(f"{head}.{flipped}")
    expect(say(trainer)).to_contain_text("was changed or cut short")
    trainer.goto(base + "shared/inbox/")
    line = trainer.locator("[data-cq-clients] li")
    expect(line).to_have_count(1)
    expect(line).to_contain_text("Check in")  # pain 7 is above the course's pain rule threshold, 3
    expect(line).to_contain_text("Pain 7/10")
    line.get_by_role("link", name=NAME).tap()
    expect(trainer.locator("[data-cq-timeline] tbody tr")).to_have_count(
        3
    )  # the replay and the tampering added nothing
    assert trainer.problems == []
    assert client.problems == []
    assert stranger.problems == []
    for context in (trainer_context, client_context, stranger_context):
        context.close()


def trainer_with_a_client(browser: Browser, base: str, *, days: int, doses: dict | None = None) -> tuple:
    """Return (trainer context, trainer page, client context, client page, program link, result link)."""
    trainer_context, trainer = new_phone(browser)
    trainer.goto(base + "shared/prescribe/")
    program = prescribe(trainer, ["start-here"], name=NAME, doses=doses)
    client_context, client = new_phone(browser)
    client.goto(program)
    seed(client, practice_log(days))
    link = send(client, program)
    trainer.goto(link)
    expect(say(trainer)).to_contain_text("Added")
    return trainer_context, trainer, client_context, client, program, link


def test_four_weeks_of_daily_sessions_go_in_one_short_link(browser: Browser, base: str) -> None:
    trainer_context, trainer, client_context, client, program, link = trainer_with_a_client(browser, base, days=28)
    assert len(link) <= 2000
    expect(client.locator("[data-cq-send-say]")).to_have_text(
        "The link is ready. It is sealed: only your trainer’s phone can read it."
    )
    expect(trainer.locator("[data-cq-timeline] tbody tr")).to_have_count(28)
    client.goto(program)
    expect(client.locator("[data-cq-send-state]")).to_have_text("Nothing new since your last send.")
    trainer_context.close()
    client_context.close()


def test_the_inbox_survives_backup_and_restore_and_its_csv_matches_the_timeline(
    browser: Browser, base: str, tmp_path: Path
) -> None:
    trainer_context, trainer, client_context, _, _, _ = trainer_with_a_client(browser, base, days=5)
    shown = [
        [cell.inner_text() for cell in row.locator("td").all()]
        for row in trainer.locator("[data-cq-timeline] tbody tr").all()
    ]
    with trainer.expect_download() as made:
        trainer.get_by_role("button", name="Export CSV").tap()
    table = list(csv.reader(io.StringIO(Path(made.value.path()).read_text(encoding="utf-8-sig"))))
    assert table[0] == ["Client", "Date", "Practised from", "Exercises", "Effort", "Pain", "Note"]
    assert [row[1:] for row in table[1:]] == shown and {row[0] for row in table[1:]} == {NAME}
    with trainer.expect_download() as saved:
        trainer.get_by_role("button", name="Back up to a file").tap()
    backup = tmp_path / "inbox.json"
    saved.value.save_as(backup)
    assert json.loads(backup.read_text())["clients"]

    fresh_context, fresh = new_phone(browser)
    fresh.goto(base + "shared/inbox/")
    expect(fresh.locator("[data-cq-inbox-empty]")).to_be_visible()
    fresh.locator("[data-cq-restore]").set_input_files(str(backup))
    expect(say(fresh)).to_have_text("Restored 1 client from the file.")
    fresh.locator("[data-cq-clients]").get_by_role("link", name=NAME).tap()
    restored = [
        [cell.inner_text() for cell in row.locator("td").all()]
        for row in fresh.locator("[data-cq-timeline] tbody tr").all()
    ]
    assert restored == shown

    fresh.locator("[data-cq-restore]").set_input_files(
        files=[{"name": "x.json", "mimeType": "application/json", "buffer": b"{}"}]
    )
    expect(say(fresh)).to_have_text("This file is not a backup of this inbox. Nothing changed.")
    expect(fresh.locator("[data-cq-timeline] tbody tr")).to_have_count(len(shown))
    fresh.get_by_role("button", name="Delete this client").tap()
    fresh.get_by_role("button", name="Delete", exact=True).tap()
    expect(say(fresh)).to_have_text(f"{NAME} was deleted from this phone.")
    expect(fresh.locator("[data-cq-clients] li")).to_have_count(0)
    assert fresh.problems == [] and trainer.problems == []
    for context in (trainer_context, client_context, fresh_context):
        context.close()


def test_an_updated_program_keeps_the_clients_key_and_doses(browser: Browser, base: str) -> None:
    trainer_context, trainer, client_context, client, program, _ = trainer_with_a_client(
        browser, base, days=1, doses={"start-here.wall-hinge": {"Sets": 1}}
    )
    assert "x=start-here.wall-hinge.1.&" in program
    trainer.get_by_role("link", name="Update the program").tap()
    expect(trainer.locator("[data-cq-same-client]")).to_contain_text(NAME)
    expect(trainer.locator("#cq-name")).to_have_value(NAME)
    dose = trainer.locator('[data-cq-dose="start-here.wall-hinge"]')
    expect(dose.locator("[data-cq-dose-sets]")).to_have_value("1")  # what was prescribed, not the lesson's 2
    expect(dose.locator("[data-cq-dose-work]")).to_have_value("5")
    trainer.locator('[data-cq-lesson="dowel-test"] .cq-pick-label').tap()
    trainer.get_by_role("button", name="Make the link").tap()
    updated = trainer.locator("[data-cq-link]").get_attribute("href")
    key = lambda link: [part for part in link.split("#")[1].split("&") if part[:2] in ("c=", "k=", "x=")]  # noqa: E731
    assert key(updated) == key(program) and "dowel-test" in updated
    client.goto(updated)
    seed(client, {"v": 1, "sessions": practice_log(2)["sessions"]})
    trainer.goto(send(client, updated))
    expect(say(trainer)).to_have_text(f"Added 1 session for {NAME}.")
    trainer_context.close()
    client_context.close()


def test_without_a_key_the_client_is_told_to_ask_the_trainer(browser: Browser, base: str) -> None:
    context, client = new_phone(browser)
    client.goto(base + "programs/new-client/")
    expect(client.locator("[data-cq-send-state]")).to_have_text(
        "Sending needs a link from your trainer. Ask them for a link to your program, open it on this phone,"
        " then send from here."
    )
    expect(client.locator("[data-cq-send-make]")).to_be_hidden()
    assert client.problems == []
    context.close()


def test_the_inbox_and_what_this_site_keeps_pass_axe(browser: Browser, axe_base: str) -> None:
    trainer_context, trainer, client_context, _, _, _ = trainer_with_a_client(browser, axe_base, days=4)
    assert axe_violations(trainer) == []
    trainer.get_by_role("link", name="All clients").tap()
    assert axe_violations(trainer) == []
    trainer.get_by_role("link", name="What this site keeps").tap()
    expect(trainer.locator("h1")).to_contain_text("What this site keeps")
    expect(trainer.locator("article")).to_contain_text("No cookies")
    assert axe_violations(trainer) == []
    trainer_context.close()
    client_context.close()


def test_a_client_sends_from_my_practice_and_pain_above_the_courses_threshold_flags_them(
    browser: Browser, base: str
) -> None:
    trainer_context, trainer = new_phone(browser)
    trainer.goto(base + "shared/prescribe/")
    program = prescribe(trainer, ["start-here"], name=NAME)
    client_context, client = new_phone(browser)
    client.goto(program)  # the program link leaves the client's key on the phone
    expect(client.locator("[data-cq-send-practice]")).to_be_visible()  # once send.js has taken the key
    steady = practice_log(3, pain=4)
    for session in steady["sessions"]:
        session["pain"] = 4  # steady, so only the course's threshold (3) can flag it: 4 was under the old 5
    seed(client, steady)
    client.goto(base + "shared/practice/")
    panel = client.locator("[data-cq-send-practice]")
    expect(panel.locator("[data-cq-send-make]")).to_be_enabled()
    expect(panel.locator("[data-cq-send-preview] li")).to_have_count(3)
    panel.locator("[data-cq-send-make]").tap()
    link = panel.locator("[data-cq-send-link]").get_attribute("href")
    trainer.goto(link)
    expect(say(trainer)).to_have_text(f"Added 3 sessions for {NAME}.")
    trainer.goto(base + "shared/inbox/")
    line = trainer.locator("[data-cq-clients] li")
    expect(line).to_contain_text("Pain steady")
    expect(line).to_contain_text("Check in")
    expect(line).to_contain_text("Pain 4/10, above the course’s 3")
    assert trainer.problems == [] and client.problems == []
    trainer_context.close()
    client_context.close()
