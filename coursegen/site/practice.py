"""Render practice blocks: each exercise's dose as text, with the data attributes the player reads.

A lesson shows its own exercises; a program shows every exercise of its lessons, with the program's
doses in place of the lessons' (CONTRACT.md, "Practice"). Author text is escaped by the template.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..model import paths
from ..model.course import Course, Dose, DoseOverride, Lesson, PainRule, Practice
from ..model.strings import Strings
from .jinja import templates


@dataclass(frozen=True)
class Exercise:
    """One exercise as a page shows it: its log id, dose (after any override) and the words of the dose."""

    id: str
    name: str
    dose: Dose
    sides: bool
    cue: str
    figure: str
    alt: str
    text: str


def dose_text(dose: Dose, *, sides: bool, strings: Strings) -> str:
    """Return a dose in words: '3 sets: 5 reps, each side; rest 30 seconds between sets.'"""
    work = strings.plural("dose_reps", dose.reps) if dose.reps else strings.plural("dose_hold", dose.hold)
    return strings(
        "dose_line",
        sets=strings.plural("dose_sets", dose.sets),
        work=work,
        sides=strings("dose_each_side") if sides else "",
        rest=strings.plural("dose_rest", dose.rest) if dose.rest else "",
    )


def overridden(dose: Dose, override: DoseOverride | None) -> Dose:
    """Return a lesson's dose with a program's override applied: reps only to counted ones, hold to held ones."""
    if override is None:
        return dose
    return replace(
        dose,
        sets=override.sets or dose.sets,
        reps=(override.reps or dose.reps) if dose.reps else 0,
        hold=(override.hold or dose.hold) if dose.hold else 0,
        rest=dose.rest if override.rest < 0 else override.rest,
    )


def exercise(lesson: Lesson, practice: Practice, *, override: DoseOverride | None, root: str, strings: Strings):
    """Return one exercise of a lesson as a page shows it."""
    dose = overridden(practice.dose, override)
    figure = practice.figure
    return Exercise(
        id=f"{lesson.id}/{practice.id}",
        name=practice.name,
        dose=dose,
        sides=practice.sides,
        cue=practice.cue,
        figure=root + figure.src if figure else "",
        alt=figure.alt if figure else "",
        text=dose_text(dose, sides=practice.sides, strings=strings),
    )


def practice_block(
    items: list[Exercise], *, course: Course, page: str, lesson: str = "", program: str = "", days: str = ""
) -> str:
    """Return the practice block of a page, on lines with no blank one (one HTML block in Markdown)."""
    strings = course.settings.strings
    rule: PainRule | None = course.settings.pain_rule
    target = course.lesson(rule.link) if rule and rule.link else None
    html = (
        templates()
        .get_template("practice.html")
        .render(
            items=items,
            t=strings,
            source="program" if program else "lesson",
            lesson=lesson,
            program=program,
            days=days,
            log_page=paths.address_link(page, paths.PRACTICE_PAGE),
            rule=rule,
            rule_url=paths.address_link(page, paths.lesson_page(target, course)) if target else "",
            start=strings("practice_all") if program else strings("practice_now"),
        )
    )
    return "\n".join(line for line in html.splitlines() if line.strip())


def lesson_practice_block(lesson: Lesson, course: Course, *, page: str) -> str:
    """Return a lesson's practice section: a heading and its exercises, or nothing when it has none."""
    if not lesson.practice:
        return ""
    strings = course.settings.strings
    root = paths.root_from(page)
    items = [exercise(lesson, p, override=None, root=root, strings=strings) for p in lesson.practice]
    return f"## {strings('practice_heading')}\n\n" + practice_block(items, course=course, page=page, lesson=lesson.id)


def program_exercises(lesson_ids: tuple[str, ...], doses: tuple[DoseOverride, ...], *, course: Course, page: str):
    """Return every exercise of a program's lessons, in order, with the program's doses applied."""
    by_lesson = {d.lesson: d for d in doses}
    root = paths.root_from(page)
    strings = course.settings.strings
    return [
        exercise(lesson, p, override=by_lesson.get(lesson.id), root=root, strings=strings)
        for lesson in (course.lesson(i) for i in lesson_ids)
        for p in lesson.practice
    ]
