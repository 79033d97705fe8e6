"""The quiz renderer: the fixture against its golden HTML, escaping, anchors, shuffling and the contract.

Run with UPDATE_GOLDENS=1 to rewrite tests/golden/quiz/ after an intended change, then review the diff.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import markdown
import pytest
from fixtures.quiz_fixture import ENGLISH, HOSTILE, QUIZ, SELF_CHECK, render_fixture

from coursegen.model.course import Question
from coursegen.site.quizzes import page_marker, render_quiz, shuffled_order

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = ROOT / "tests/golden/quiz"
UPDATE = os.environ.get("UPDATE_GOLDENS") == "1"
ARGS = {"strings": ENGLISH, "lesson_title": "The hinge", "lesson_url": "lesson/", "root": "../../", "sizes": {}}


@pytest.mark.parametrize("name", sorted(render_fixture()))
def test_fixture_matches_its_golden_file(name: str) -> None:
    rendered = render_fixture()[name]
    if UPDATE:
        GOLDEN.mkdir(parents=True, exist_ok=True)
        (GOLDEN / name).write_text(rendered, encoding="utf-8")
    assert rendered == (GOLDEN / name).read_text(encoding="utf-8"), f"rerun with UPDATE_GOLDENS=1: {name}"


def test_every_question_has_its_stable_anchor() -> None:
    html = render_quiz(QUIZ, **ARGS)
    ids = re.findall(r'<form class="cq-question" id="([^"]+)"', html)
    assert ids == [f"fixture-{q.id}" for q in QUIZ.questions]


@pytest.mark.parametrize("quiz", [QUIZ, SELF_CHECK], ids=["quiz", "self-check"])
def test_markdown_keeps_the_quiz_as_one_html_block(quiz) -> None:
    html = render_quiz(quiz, **ARGS)
    assert "\n\n" not in html
    page = markdown.markdown(f"# Title\n\nIntro.\n\n{html}\n\n- after")
    assert html in page


def test_author_text_reaches_the_page_escaped() -> None:
    html = render_quiz(QUIZ, **ARGS)
    assert "<img src=x" not in html and 'onerror="' not in html
    assert "&lt;img src=x onerror=&#34;window.pwned=1&#34;&gt; &amp; &#34;quotes&#34;" in html
    lesson = render_quiz(
        QUIZ, strings=ENGLISH, lesson_title="<b>Hinge</b>", lesson_url='x" onclick="y', root="", sizes={}
    )
    assert "<b>Hinge" not in lesson and 'x" onclick' not in lesson
    assert HOSTILE not in page_marker(kind="lesson", item_id=HOSTILE)


def test_images_are_relative_to_the_site_root() -> None:
    html = render_quiz(QUIZ, **ARGS)
    assert '<img src="../../figures/hinge.svg" alt="A person bending at the hips"' in html


@pytest.mark.parametrize("count", range(2, 9))
def test_order_steps_are_shuffled_the_same_way_every_time_and_never_in_order(count: int) -> None:
    for n in range(60):
        question = Question(id=f"q{n}", type="order", prompt="p", steps=tuple(f"s{i}" for i in range(count)))
        order = shuffled_order(question)
        assert sorted(order) == list(range(count))
        assert order != list(range(count))
        assert order == shuffled_order(question)


def test_a_self_check_has_care_messages_and_no_score_or_answers() -> None:
    html = render_quiz(SELF_CHECK, **ARGS)
    assert 'data-cq-scored="false"' in html and "data-cq-score" not in html.replace("data-cq-scored", "")
    assert [m for m in re.findall(r'data-cq-care="(\w+)"', html)] == ["emergency", "urgent", "soon"]
    assert "<details" not in html and "data-cq-show" not in html


def test_a_lesson_page_marker_is_hidden_and_loads_the_share_module() -> None:
    assert page_marker(kind="lesson", item_id="hinge") == (
        '<span hidden data-cq-module="share" data-cq-page="lesson" data-cq-id="hinge"></span>'
    )


def contract_attributes() -> set[str]:
    """Return every data-cq-* attribute the renderer writes or the script reads or writes."""
    html = "".join(render_fixture().values())
    script = (ROOT / "coursegen/theme/assets/quiz.js").read_text(encoding="utf-8")
    names = set(re.findall(r"data-cq-[a-z-]+", html + script))
    camel = re.findall(r"dataset\.cq([A-Z]\w*)", script)
    return names | {"data-cq-" + re.sub(r"(?<!^)([A-Z])", r"-\1", n).lower() for n in camel}


def test_contract_md_documents_every_attribute() -> None:
    contract = (ROOT / "CONTRACT.md").read_text(encoding="utf-8")
    missing = [n for n in contract_attributes() if not re.search(re.escape(n) + r"(?![a-z-])", contract)]
    assert sorted(missing) == []
