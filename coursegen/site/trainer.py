"""Programs made in the browser: the trainer's prescribe page, the client's program and moved progress.

A trainer picks lessons on `shared/prescribe/`; the selection travels in the link's fragment to
`shared/program/`, where the browser builds the program from `shared/course.json`, the course's own
list of lessons. Progress moves between devices the same way, through `shared/progress/`. Nothing is
sent to a server: the pages are plain HTML made here, and `program.js` and `progress.js` add the
behaviour (CONTRACT.md, "Programs made in the browser").

These pages must stay out of the readers' menu: settings.py checks that mkdocs.yml lists them under
`not_in_nav`.
"""

from __future__ import annotations

import json
from collections.abc import Mapping

from babel import Locale, UnknownLocaleError

from ..model import paths
from ..model.course import Course, Practice, Program
from ..model.strings import Strings
from .jinja import templates
from .practice import dose_text

NOTE_MAX = 280  # characters of a trainer's note: a text message, not a letter
NAME_MAX = 40  # characters of a client's first name
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


def course_data(course: Course, *, quiz_titles: Mapping[str, str]) -> str:
    """Return the course's lessons, their quizzes and its programs as JSON, for pages built in the browser.

    Addresses are relative to the site root, so the data holds no site_url and works wherever the site is.
    """
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
                }
                for q in course.quizzes_of(lesson.id)
            ],
            "practice": [practice_data(p, course=course) for p in lesson.practice],
        }
        for lesson in course.lessons
    ]
    programs = {program.id: list(program.lessons) for program in course.programs}
    data = {"lessons": lessons, "programs": programs}
    return json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


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


def shared_heads(strings: Strings) -> dict[str, tuple[str, str, str]]:
    """Return the kind, title and description of each page of `shared/`, keyed by its path under docs/."""
    return {
        paths.PRESCRIBE_PAGE: ("prescribe", strings("prescribe_title"), strings("prescribe_description")),
        paths.PRESCRIBED_PAGE: ("prescribed", strings("prescribed_title"), strings("prescribed_description")),
        paths.PROGRESS_PAGE: ("progress-in", strings("progress_in_title"), strings("progress_in_description")),
    }


def block(kind: str, *, course: Course, page: str) -> str:
    """Return one page's HTML block from `templates/shared.html`, on lines with no blank one (an HTML block)."""
    strings = course.settings.strings
    html = (
        templates()
        .get_template("shared.html")
        .render(
            kind=kind,
            t=strings,
            lessons=course.lessons,
            quizzes={lesson.id: bool(course.quizzes_of(lesson.id)) for lesson in course.lessons},
            days=day_names(strings.language),
            note_max=NOTE_MAX,
            name_max=NAME_MAX,
            home=paths.root_from(page),
        )
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


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
