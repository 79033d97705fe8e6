"""Sealed practice links, on phones: a trainer prescribes, the client sends what they did, sealed, and
only the trainer's phone opens it; a stranger, a tampered link and a replayed link get nothing."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from pagecheck import STRICT_CSP, axe_violations
from playwright.sync_api import Browser, Page, expect
from test_prescribe import new_phone, pass_quiz, prescribe

NAME = "Robin"
NOTE = "Slow and steady, stop at sharp pain."
SESSION_NOTE = "left hip tight after gardening"
PAIN = 7  # above the course's flag, so the inbox flags the client


@pytest.fixture(scope="module")
def base(serve, built_site: Path) -> str:
    """The real course under the strict CSP it must work with."""
    return serve(built_site, headers={"Content-Security-Policy": STRICT_CSP})


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
            "items": [{"id": "start-here/wall-hinge", "sets": 3, "of": 3}, {"id": "start-here/dowel-hinge", "sets": 2, "of": 3}],
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
    """Open the program, make the practice link and return it."""
    page.goto(program_link)
    panel = page.locator("[data-cq-send-practice]")
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
    expect(line).to_contain_text("Check in")  # pain 7 is at or above the course's 5
    expect(line).to_contain_text("Pain 7/10")
    line.get_by_role("link", name=NAME).tap()
    expect(trainer.locator("[data-cq-timeline] tbody tr")).to_have_count(3)  # the replay and the tampering added nothing
    assert trainer.problems == [] and client.problems == [] and stranger.problems == []
    for context in (trainer_context, client_context, stranger_context):
        context.close()
