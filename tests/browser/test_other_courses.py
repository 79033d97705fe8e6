"""Other courses in the browser: a French reader sees no English interface word, and pictures fit a phone."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import PHONE, build_copy
from playwright.sync_api import Browser, Page, expect
from project import ROOT

from coursegen.commands.read import read_catalogues

COURSES = ROOT / "tests/courses"
PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


@pytest.fixture(scope="module")
def french_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    return build_copy(tmp_path_factory.mktemp("fr") / "course", course=COURSES / "lavage-des-mains", engine=engine)


@pytest.fixture(scope="module")
def knife_site(tmp_path_factory: pytest.TempPathFactory, engine: str) -> Path:
    return build_copy(tmp_path_factory.mktemp("knife") / "course", course=COURSES / "knife-skills", engine=engine)


def forms(entry: object) -> list[str]:
    """Return every form of a catalogue entry."""
    return [entry] if isinstance(entry, str) else list(entry.values())


def english_interface_words() -> set[str]:
    """Return the fixed pieces of every English interface string that French does not share."""
    catalogues = read_catalogues()
    french = " ".join(form for entry in catalogues["fr"].values() for form in forms(entry))
    pieces = set()
    for entry in catalogues["en"].values():
        for form in forms(entry):
            for piece in PLACEHOLDER.split(form):
                piece = piece.strip(" .:“”\"'")
                if len(re.sub(r"[^A-Za-z]", "", piece)) >= 4 and piece not in french:
                    pieces.add(piece)
    return pieces


def answer_every_question(page: Page) -> int:
    """Answer each question of the quiz on the page as a reader would, by touch; return how many."""
    questions = page.locator("[data-cq-question]")
    for i in range(questions.count()):
        form = questions.nth(i)
        if form.locator("[data-cq-steps]").count():
            form.locator("[data-cq-move='1']").first.tap()
        else:
            form.locator("label.cq-option").first.tap()
        if form.get_attribute("data-cq-on-tap") is None:
            form.locator("[data-cq-check]").tap()
        expect(form.locator("[data-cq-feedback]")).to_be_visible()
    return questions.count()


def test_a_french_reader_answers_every_type_and_sees_no_english_word(
    browser: Browser, serve, french_site: Path
) -> None:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    problems: list[str] = []
    page.on("pageerror", lambda error: problems.append(str(error)))
    page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    base = serve(french_site)
    english = english_interface_words()
    types = set()
    for quiz in sorted(french_site.glob("quizzes/*/index.html")):
        if 'data-cq-scored="false"' in quiz.read_text(encoding="utf-8"):
            continue  # the self-check has no score: test_self_check_all_no.py answers it
        page.goto(base + f"quizzes/{quiz.parent.name}/")
        types |= {page.locator("[data-cq-question]").nth(i).get_attribute("data-cq-type") for i in range(3)}
        assert answer_every_question(page) == 3
        expect(page.locator("[data-cq-score-text]")).to_contain_text("sur 3")
        page.locator(".md-header__button.md-icon[for='__drawer']").tap()  # the menu, with its section names
        visible = page.locator("body").inner_text()
        found = sorted(word for word in english if word in visible)
        assert found == [], f"{quiz.parent.name}: English interface words on a French page"
    assert types == {"single", "multiple", "true-false", "order", "picture"}
    assert problems == []
    context.close()


@pytest.mark.engine_free("it checks the word list against the catalogues, not a built page")
def test_the_english_word_check_would_see_an_english_button() -> None:
    words = english_interface_words()
    assert {"Try again", "Show answer", "Reset my progress", "Share this page"} <= words


@pytest.mark.parametrize("width", [360, 390])
def test_pictures_with_only_a_viewbox_fit_their_cards(browser: Browser, serve, knife_site: Path, width: int) -> None:
    context = browser.new_context(**{**PHONE, "viewport": {"width": width, "height": 844}})
    page = context.new_page()
    page.goto(serve(knife_site) + "quizzes/part-1-the-grip/01-pinch-grip/")
    pictures = page.locator(".cq-pictures .cq-option")
    assert pictures.count() >= 2
    for i in range(pictures.count()):
        card = pictures.nth(i).bounding_box()
        image = pictures.nth(i).locator("img").bounding_box()
        assert image["width"] > 40, "the picture shows at a usable size"
        assert image["x"] + image["width"] <= card["x"] + card["width"] + 0.5, f"picture {i} overflows its card"
        assert card["x"] + card["width"] <= width, f"card {i} overflows the screen"
    context.close()
