"""A self-check answered "no" to every question shows the course's all-no advice, in English and in French."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import build_copy
from playwright.sync_api import Browser, expect
from project import ROOT

FRENCH = ROOT / "tests/courses/lavage-des-mains"
COURSES = {"hip-hinge": (ROOT, "No", "Yes"), "lavage-des-mains": (FRENCH, "Non", "Oui")}


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    return build_copy(tmp_path_factory.mktemp("fr-all-no") / "course", course=FRENCH, engine=engine)


def self_check(course: Path) -> dict:
    """Return the course's self-check as its author wrote it."""
    quizzes = [yaml.safe_load(p.read_text(encoding="utf-8")) for p in sorted(course.glob("quizzes/*.yml"))]
    return next(q for q in quizzes if q.get("scored") is False)


@pytest.mark.parametrize("name", COURSES)
def test_no_to_every_question_shows_the_all_no_advice(
    browser: Browser, serve, built_site: Path, french_site: Path, name: str
) -> None:
    course, no, yes = COURSES[name]
    site = built_site if course == ROOT else french_site
    quiz = self_check(course)
    page_file = next(p for p in site.glob("quizzes/*/index.html") if f'data-cq-quiz="{quiz["id"]}"' in p.read_text())
    context = browser.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    page.goto(serve(site) + f"quizzes/{page_file.parent.name}/")
    all_no = page.locator("[data-cq-all-no]")
    forms = page.locator("[data-cq-question]")
    assert forms.count() == len(quiz["questions"])
    for i in range(forms.count()):
        expect(all_no).to_be_hidden()  # not before every question has its answer
        forms.nth(i).locator("label.cq-option", has_text=no).tap()
    expect(all_no).to_be_visible()
    expect(all_no).to_contain_text(quiz["all_no"]["title"])
    expect(all_no).to_contain_text(quiz["all_no"]["message"].split(".")[0])
    expect(page.locator("[data-cq-care]:visible")).to_have_count(0)
    forms.last.locator("[data-cq-retry]").tap()  # changing an answer to yes takes the all-no advice away
    forms.last.locator("label.cq-option", has_text=yes).tap()
    expect(all_no).to_be_hidden()
    expect(page.locator(f'[data-cq-care="{quiz["questions"][-1]["level"]}"]')).to_be_visible()
    page.reload()  # answers are kept on the phone: the advice after a reload is the same
    expect(all_no).to_be_hidden()
    expect(page.locator(f'[data-cq-care="{quiz["questions"][-1]["level"]}"]')).to_be_visible()
    context.close()
