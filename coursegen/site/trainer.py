"""Programs made in the browser: the trainer's prescribe page, the client's program and moved progress.

A trainer picks lessons on `shared/prescribe/`; the selection travels in the link's fragment to
`shared/program/`, where the browser builds the program from the course data: `shared/course.json`, an
index of the course's parts, and one piece per part, `shared/course/N.json`, each read only where a page
shows it. Progress moves between devices the same way, through `shared/progress/`. Nothing is
sent to a server: the pages are plain HTML made here, and `program.js` and `progress.js` add the
behaviour (CONTRACT.md, "Programs made in the browser").

These pages must stay out of the readers' menu: settings.py checks that mkdocs.yml lists them under
`not_in_nav`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from babel import Locale, UnknownLocaleError

from ..model import paths
from ..model.course import Course, Lesson, Practice, Program, Quiz
from ..model.parts import folder_key, group_of
from ..model.practice_formats import MAX_REPS, MAX_SECONDS, MAX_SETS
from ..model.strings import INBOX_KEYS, SEND_KEYS, Strings, script_json
from ..source.markup import plain
from .jinja import templates
from .practice import dose_text
from .theme import part_title

NOTE_MAX = 280  # characters of a trainer's note: a text message, not a letter
NAME_MAX = 40  # characters of a client's first name
# The highest dose a prescription may set (the schema's); the lowest is 1 (CONTRACT.md, "The prescription link").
DOSE_LIMITS = {"sets": MAX_SETS, "reps": MAX_REPS, "hold": MAX_SECONDS}
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
# The words each page's own scripts read from its `data-cq-words`, by kind of page.
PICK_KEYS = ("move_up", "move_down", "prescribe_dose", "prescribe_dose_sets", "prescribe_dose_reps")
PICK_KEYS += ("prescribe_dose_hold",)
PAGE_WORDS = {"prescribe": ("inbox_same_client", *PICK_KEYS), "prescribed": SEND_KEYS, "inbox": INBOX_KEYS}


@dataclass(frozen=True)
class Part:
    """One part of the course as the browser pages read it: its title and lessons, kept in one piece."""

    piece: int  # the piece's number, from 1: `shared/course/N.json`
    title: str
    lessons: tuple[Lesson, ...]


def course_parts(course: Course) -> tuple[Part, ...]:
    """Return the course's parts in the menu's order: lessons outside any part first, then parts by folder."""
    folders = sorted({lesson.part for lesson in course.lessons}, key=folder_key)
    return tuple(
        Part(
            piece=number,
            title=part_heading(course, folder),
            lessons=tuple(lesson for lesson in course.lessons if lesson.part == folder),
        )
        for number, folder in enumerate(folders, start=1)
    )


def part_heading(course: Course, folder: str) -> str:
    """Return the title of a part outside the menu, its group's with it ("Unit 1: Week 1"); "Lessons" for no part."""
    strings = course.settings.strings
    if not folder:
        return strings("section_lessons")
    group = group_of(folder)
    title = part_title(course, folder)
    return strings("part_in_group", group=part_title(course, group), part=title) if group else title


def course_files(course: Course, *, quiz_titles: Mapping[str, str]) -> dict[str, str]:
    """Return the course data of the browser pages, keyed by path under docs/: the index and one piece per part."""
    parts = course_parts(course)
    files = {paths.COURSE_DATA: course_index(course, parts)}
    for part in parts:
        files[paths.course_piece(part.piece)] = course_piece(part, course=course, quiz_titles=quiz_titles)
    return files


def course_index(course: Course, parts: tuple[Part, ...]) -> str:
    """Return the index of the course data as JSON: course-wide facts, and the lesson and quiz ids of each piece.

    Each part counts its scored quizzes too, so the course's progress needs no piece to know its totals.

    Addresses are relative to the site root, so the data holds no site_url and works wherever the site is.
    """
    rule = course.settings.pain_rule
    data = {
        "title": course.settings.site_name,
        "pain_threshold": rule.threshold if rule else None,
        "dose_limits": DOSE_LIMITS,
        "parts": [
            {
                "piece": part.piece,
                "title": part.title,
                "lessons": [lesson.id for lesson in part.lessons],
                "quizzes": [quiz.id for lesson in part.lessons for quiz in course.quizzes_of(lesson.id)],
                "scored": sum(quiz.scored for lesson in part.lessons for quiz in course.quizzes_of(lesson.id)),
            }
            for part in parts
        ],
    }
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def course_piece(part: Part, *, course: Course, quiz_titles: Mapping[str, str]) -> str:
    """Return one piece of the course data as JSON: a part's lessons with their quizzes and practice."""
    lessons = [
        {
            "id": lesson.id,
            "title": lesson.title,
            "summary": lesson.summary,
            "url": paths.url_of(paths.lesson_page(lesson, course)),
            "quizzes": [
                {
                    "id": q.id,
                    "title": quiz_titles[q.id],
                    "url": paths.url_of(paths.quiz_page(q, course)),
                    "scored": q.scored,  # a self-check is never passed, so progress does not count it
                    **self_check_levels(q),
                }
                for q in course.quizzes_of(lesson.id)
            ],
            "practice": [practice_data(p, course=course) for p in lesson.practice],
        }
        for lesson in part.lessons
    ]
    data = {"piece": part.piece, "title": part.title, "lessons": lessons}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"


def practice_data(practice: Practice, *, course: Course) -> dict:
    """Return one exercise of a lesson for pages built in the browser; its figure's address is from the site root."""
    dose = practice.dose
    figure = practice.figure
    return {
        "id": practice.id,
        "name": practice.name,
        "sets": dose.sets,
        "reps": dose.reps,
        "hold": dose.hold,
        "rest": dose.rest,
        "sides": practice.sides,
        "cue": practice.cue,
        "figure": figure.src if figure else "",
        "alt": figure.alt if figure else "",
        "text": dose_text(dose, sides=practice.sides, strings=course.settings.strings),
    }


def self_check_levels(quiz: Quiz) -> dict[str, list[dict[str, object]]]:
    """Return a self-check's levels, most serious first, each with the questions whose "yes" leads to it."""
    if quiz.scored:
        return {}
    levels = [
        {"id": level.id, "title": level.title, "questions": [q.id for q in quiz.questions if q.level == level.id]}
        for level in quiz.levels
    ]
    return {"levels": levels}


def shared_heads(strings: Strings) -> dict[str, tuple[str, str, str]]:
    """Return the kind, title and description of each page of `shared/`, keyed by its path under docs/."""
    return {
        paths.PRESCRIBE_PAGE: ("prescribe", strings("prescribe_title"), strings("prescribe_description")),
        paths.PRESCRIBED_PAGE: ("prescribed", strings("prescribed_title"), strings("prescribed_description")),
        paths.PROGRESS_PAGE: ("progress-in", strings("progress_in_title"), strings("progress_in_description")),
        paths.INBOX_PAGE: ("inbox", strings("inbox_title"), strings("inbox_description")),
        paths.KEEPS_PAGE: ("keeps", strings("keeps_title"), strings("keeps_description")),
    }


def block(kind: str, *, course: Course, page: str) -> str:
    """Return one page's HTML block from `templates/shared.html`, on lines with no blank one (an HTML block)."""
    strings = course.settings.strings
    if kind == "keeps":
        return keeps_markdown(strings)
    html = (
        templates()
        .get_template("shared.html")
        .render(
            kind=kind,
            t=strings,
            parts=course_parts(course),
            first=[lesson.id for lesson in course.lessons if lesson.prescribe_first],
            days=day_names(strings.language),
            note_max=NOTE_MAX,
            name_max=NAME_MAX,
            limits=json.dumps(DOSE_LIMITS, sort_keys=True),
            home=paths.root_from(page),
            words=script_json(strings.only(PAGE_WORDS.get(kind, ()))),
        )
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def send_html(*, strings: Strings, page: str) -> str:
    """Return "Send my practice to my trainer" for a built program's page (send.js adds the behaviour)."""
    template = templates().get_template("send.html")
    html = template.render(t=strings, words=script_json(strings.only(SEND_KEYS)))
    return "\n".join(line for line in html.splitlines() if line.strip())


KEEPS_SECTIONS = (
    ("keeps_phone_heading", ("keeps_phone", "keeps_reset")),
    ("keeps_leaves_heading", ("keeps_leaves", "keeps_sealed")),
    ("keeps_trainer_heading", ("keeps_trainer",)),
    ("keeps_tracking_heading", ("keeps_tracking",)),
)


def keeps_markdown(strings: Strings) -> str:
    """Return the body of "What this site keeps" as Markdown, in plain words from the catalogue; no script."""
    parts = [
        f"## {plain(strings(heading))}\n\n" + "\n\n".join(plain(strings(key)) for key in keys)
        for heading, keys in KEEPS_SECTIONS
    ]
    return "\n\n".join(parts)


def day_names(language: str) -> dict[str, str]:
    """Return the names of the week's days in the course's language, keyed by their iCalendar code (MO...)."""
    try:
        names = Locale.parse(language, sep="-").days["format"]["wide"]
    except (UnknownLocaleError, ValueError):
        names = Locale.parse("en").days["format"]["wide"]
    return {code: names[i] for i, code in enumerate(DAYS)}


def reminders_html(program: Program, *, strings: Strings) -> str:
    """Return the reminders block of a built program: the browser makes the calendar file when asked."""
    attrs: Mapping[str, str] = {
        "data-cq-days": ",".join(program.reminder_days),
        "data-cq-time": program.reminder_time,
        "data-cq-count": str(len(program.lessons)),
        "data-cq-title": strings("reminder_summary", program=program.title),
        "data-cq-text": program.reminder_text or strings("reminder_text"),
    }
    return templates().get_template("reminders.html").render(attrs=attrs).strip()
