"""The pages of shared/ as the build makes them: the course data, the menu setting, the contract."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
import yaml
from project import ROOT, copy_project

from coursegen.commands.generate import generate
from coursegen.model import paths
from coursegen.model.course import Course, Dose, PainRule, Practice
from coursegen.model.practice_formats import MAX_REPS, MAX_SECONDS, MAX_SETS
from coursegen.site import trainer
from coursegen.site.pages import render_program, render_shared
from coursegen.source import settings
from coursegen.source.load import load
from coursegen.source.markup import plain

SCRIPTS = (
    "common.js",
    "program.js",
    "progress.js",
    "share.js",
    "send.js",
    "keys.js",
    "inbox.js",
    "kit.js",
    "pick.js",
    "chart.js",
    "quiz.js",
    "practice.js",
    "practice-page.js",
    "practice-log.js",
)
TEMPLATES = tuple(f"coursegen/templates/{name}.html" for name in ("shared", "reminders", "send", "inbox", "practice"))
PARTIALS = ("coursegen/theme/overrides/partials/cq-progress.html", "coursegen/theme/overrides/partials/cq-share.html")


@pytest.fixture(scope="module")
def sample_course(tmp_path_factory: pytest.TempPathFactory) -> Course:
    generated = generate(copy_project(tmp_path_factory.mktemp("prescribe") / "course"))
    assert generated.ok
    return generated.course


def course_data(course: Course) -> tuple[dict, list[dict]]:
    """Return the course data's index and its pieces in order, as the browser reads them."""
    files = trainer.course_files(course, quiz_titles={q.id: q.id.upper() for q in course.quizzes})
    index = json.loads(files[paths.COURSE_DATA])
    return index, [json.loads(files[paths.course_piece(part["piece"])]) for part in index["parts"]]


def in_parts(course: Course, *folders: str) -> Course:
    """Return the course with its lessons spread over these part folders in turn, one lesson to each."""
    lessons = tuple(replace(lesson, part=folders[i % len(folders)]) for i, lesson in enumerate(course.lessons))
    return replace(course, lessons=lessons)


def settings_node(text: str) -> yaml.Node:
    return load(text.encode(), path="mkdocs.yml").node


def not_in_nav_problems(text: str) -> list[str]:
    node = settings_node(text)
    top = {k.value: v for k, v in node.value}
    return [d.format(text) for d in settings.check_not_in_nav("mkdocs.yml", top.get("not_in_nav"), node)]


def test_not_in_nav_must_keep_the_shared_pages_out_of_the_menu() -> None:
    assert not_in_nav_problems("site_name: A\nnot_in_nav: |\n  /shared/\n") == []
    assert not_in_nav_problems("site_name: A\nnot_in_nav: |\n  /drafts/\n  shared/\n") == []
    missing = not_in_nav_problems("site_name: A\n")
    assert len(missing) == 1 and "not_in_nav should list /shared/" in missing[0] and "/shared/" in missing[0]
    assert len(not_in_nav_problems("site_name: A\nnot_in_nav: /shared/prescribe.md\n")) == 1, "every page, not one"


def test_every_course_in_the_repository_sets_not_in_nav() -> None:
    for config in [ROOT / "mkdocs.yml", *ROOT.glob("tests/**/mkdocs.yml")]:
        text = config.read_text(encoding="utf-8")
        assert not_in_nav_problems(text.replace("!ENV ", "")) == [], config


def test_course_data_lists_lessons_in_order_with_their_quizzes(sample_course) -> None:
    index, pieces = course_data(sample_course)
    lessons = [lesson for piece in pieces for lesson in piece["lessons"]]
    assert [lesson["id"] for lesson in lessons] == [lesson.id for lesson in sample_course.lessons]
    assert [part["lessons"] for part in index["parts"]] == [[lesson["id"] for lesson in p["lessons"]] for p in pieces]
    first = lessons[0]
    assert first["url"] == paths.url_of(paths.lesson_page(sample_course.lessons[0], sample_course))
    assert not first["url"].startswith(("/", "http")), "relative to the site root: no site_url"
    quizzes = [q for lesson in lessons for q in lesson["quizzes"]]
    assert {q["id"] for q in quizzes} == {q.id for q in sample_course.quizzes}
    assert sorted(q for part in index["parts"] for q in part["quizzes"]) == sorted(q.id for q in sample_course.quizzes)
    assert any(not q["scored"] for q in quizzes), "self-checks are marked, so progress leaves them out"


def test_each_part_has_its_piece_and_the_index_says_where_each_lesson_is(sample_course) -> None:
    course = in_parts(sample_course, "week-02", "week-01")
    course = replace(course, settings=replace(course.settings, parts={"week-02": "Second week"}))
    index, pieces = course_data(course)
    assert [(part["piece"], part["title"]) for part in index["parts"]] == [(1, "Week 01"), (2, "Second week")]
    in_first = [lesson.id for lesson in course.lessons if lesson.part == "week-01"]
    assert index["parts"][0]["lessons"] == in_first and [x["id"] for x in pieces[0]["lessons"]] == in_first
    in_second = [lesson.id for lesson in course.lessons if lesson.part == "week-02"]
    assert index["parts"][1]["lessons"] == in_second and [x["id"] for x in pieces[1]["lessons"]] == in_second
    whole, _ = course_data(sample_course)
    assert [part["title"] for part in whole["parts"]] == ["Lessons"], "a course without parts is one piece"
    assert "practice" not in json.dumps(index), "the index holds ids, not what a lesson shows"


def test_course_data_lists_each_self_checks_levels_with_the_questions_that_lead_to_them(sample_course) -> None:
    _, pieces = course_data(sample_course)
    quizzes = {q["id"]: q for piece in pieces for lesson in piece["lessons"] for q in lesson["quizzes"]}
    for quiz in sample_course.quizzes:
        if quiz.scored:
            assert "levels" not in quizzes[quiz.id]
            continue
        levels = quizzes[quiz.id]["levels"]
        assert [level["id"] for level in levels] == [level.id for level in quiz.levels], "most serious first"
        for level in levels:
            assert level["questions"] == [q.id for q in quiz.questions if q.level == level["id"]]


def test_the_inbox_and_what_this_site_keeps_are_shared_pages_out_of_search(sample_course) -> None:

    pages = render_shared(sample_course)
    inbox, keeps = pages[paths.INBOX_PAGE], pages[paths.KEEPS_PAGE]
    assert "exclude: true" in inbox and 'data-cq-module="inbox"' in inbox and "<script" not in inbox
    assert "## What stays on your phone" in keeps and "No cookies" in keeps and "data-cq" not in keeps
    assert {paths.INBOX_PAGE, paths.KEEPS_PAGE} <= set(paths.SHARED_PAGES)


def test_contract_md_documents_every_attribute_of_programs_made_in_the_browser() -> None:
    text = "".join((ROOT / "coursegen/theme/assets" / name).read_text(encoding="utf-8") for name in SCRIPTS)
    text += "".join((ROOT / name).read_text(encoding="utf-8") for name in TEMPLATES + PARTIALS)
    names = set(re.findall(r"data-cq-[a-z-]+", text))
    camel = re.findall(r"dataset\.cq([A-Z]\w*)", text) + re.findall(r"\bcq([A-Z]\w*):", text)
    names |= {"data-cq-" + re.sub(r"(?<!^)([A-Z])", r"-\1", n).lower() for n in camel}
    contract = (ROOT / "CONTRACT.md").read_text(encoding="utf-8")
    missing = [n for n in names if not re.search(re.escape(n) + r"(?![a-z-])", contract)]
    assert sorted(missing) == []


def test_the_prescribe_page_names_the_lessons_marked_prescribe_first_and_one_box_per_part(sample_course) -> None:
    last = sample_course.lessons[-1]
    lessons = tuple(replace(lesson, prescribe_first=lesson is last) for lesson in sample_course.lessons)
    course = in_parts(replace(sample_course, lessons=lessons), "a", "b")
    html = trainer.block("prescribe", course=course, page=paths.PRESCRIBE_PAGE)
    assert f'data-cq-first="{last.id}"' in html
    assert re.findall(r'<details class="cq-pick-part" data-cq-piece="(\d+)">', html) == ["1", "2"], "closed"
    assert 'name="lessons"' not in html, "the lessons come from the pieces, when a part is opened"
    single = trainer.block("prescribe", course=sample_course, page=paths.PRESCRIBE_PAGE)
    assert '<details class="cq-pick-part" data-cq-piece="1" open>' in single, "one part opens at once"


def test_the_prescribe_page_names_each_part_of_a_group_with_its_group(sample_course) -> None:
    course = in_parts(sample_course, "unit-10/week-3", "unit-2/week-2")
    titles = {"unit-2": "Unit 2: Daily life", "unit-2/week-2": "Week 2: At work"}
    course = replace(course, settings=replace(course.settings, parts=titles))
    html = trainer.block("prescribe", course=course, page=paths.PRESCRIBE_PAGE)
    summaries = re.findall(r'<details class="cq-pick-part" data-cq-piece="\d+"><summary>(.*?)</summary>', html)
    assert summaries == ["Unit 10: Week 3", "Unit 2: Daily life: Week 2: At work"], "the menu's folder order"
    index, _ = course_data(course)
    assert [part["title"] for part in index["parts"]] == summaries


def test_a_program_page_shows_the_course_notice(sample_course) -> None:
    notice = sample_course.settings.notice
    assert notice is not None
    prescribed = render_shared(sample_course)[paths.PRESCRIBED_PAGE]
    built = render_program(sample_course.programs[0], sample_course)
    for page in (prescribed, built):
        body = page.split("\n---\n", 1)[1]
        assert "cq-notice" in body and plain(notice.title) in body
        assert body.index("cq-notice") < body.index("\n# "), "the notice comes before the program"


def test_course_data_carries_the_courses_pain_threshold_for_the_inbox(sample_course) -> None:
    rule = PainRule(4, "Stop the move that hurts.", "", "")
    ruled = replace(sample_course, settings=replace(sample_course.settings, pain_rule=rule))
    assert course_data(ruled)[0]["pain_threshold"] == 4
    no_rule = replace(sample_course, settings=replace(sample_course.settings, pain_rule=None))
    assert course_data(no_rule)[0]["pain_threshold"] is None
    inbox = render_shared(sample_course)[paths.INBOX_PAGE]
    assert "data-cq-pain-limit" not in inbox, "one source of the threshold: the course's pain rule"


def test_my_practice_has_the_program_pages_send_box(sample_course) -> None:
    send = trainer.send_html(strings=sample_course.settings.strings, page=paths.PRACTICE_PAGE)
    practice = render_shared(sample_course)[paths.PRACTICE_PAGE]
    program = render_program(sample_course.programs[0], sample_course)
    assert send in practice and send in program
    assert practice.count('data-cq-module="send"') == 1


def test_each_exercises_dose_reaches_the_prescribe_page_with_the_schemas_limits(sample_course) -> None:
    first = sample_course.lessons[0]
    held = Practice("wall-lean", "Wall lean", Dose(sets=3, hold=20, rest=10))
    counted = Practice("slow-reps", "Slow hinge", Dose(sets=2, reps=5))
    lessons = (replace(first, practice=(held, counted)), *(replace(x, practice=()) for x in sample_course.lessons[1:]))
    course = replace(sample_course, lessons=lessons)
    _, pieces = course_data(course)
    practice = pieces[0]["lessons"][0]["practice"]
    assert [(p["id"], p["sets"], p["reps"], p["hold"]) for p in practice] == [
        ("wall-lean", 3, 0, 20),
        ("slow-reps", 2, 5, 0),
    ]
    assert all(lesson["practice"] == [] for lesson in pieces[0]["lessons"][1:]), "a lesson without practice has no dose"
    html = trainer.block("prescribe", course=course, page=paths.PRESCRIBE_PAGE)
    limits = json.loads(html.split('data-cq-limits="', 1)[1].split('"', 1)[0].replace("&#34;", '"'))
    assert limits == {"sets": MAX_SETS, "reps": MAX_REPS, "hold": MAX_SECONDS}


def test_course_data_carries_the_schemas_dose_limits_for_prescribed_doses(sample_course) -> None:
    assert course_data(sample_course)[0]["dose_limits"] == {"sets": MAX_SETS, "reps": MAX_REPS, "hold": MAX_SECONDS}
