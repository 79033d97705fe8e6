"""The typed course model: frozen dataclasses built by `source/validate.py` and read by `site/`."""

from __future__ import annotations

import bisect
import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .schema import DEFAULT_COLOR

if TYPE_CHECKING:  # the words of a course are built by strings.py; the model only holds them
    from .strings import Strings


@dataclass(frozen=True)
class DocsFiles:
    """What docs/ holds, as the validator needs it: its files, and the links that lead out of it."""

    files: frozenset[str] = frozenset()  # paths under docs/ of the files in it (a link to a file in docs/ too)
    outside: frozenset[str] = frozenset()  # links, to files or folders, that lead outside docs/
    escapes: frozenset[str] = frozenset()  # links that lead outside the course folder altogether
    image_problems: Mapping[str, str] = field(default_factory=dict)  # images that cannot be drawn safely, and why


@dataclass(frozen=True)
class Figure:
    """A picture with its alt text."""

    src: str
    alt: str
    caption: str = ""


@dataclass(frozen=True)
class Section:
    """A heading and its Markdown body."""

    heading: str
    body: str


@dataclass(frozen=True)
class Mistake:
    """A common mistake and its fix."""

    mistake: str
    fix: str


@dataclass(frozen=True)
class Callout:
    """A boxed note in a lesson, drawn in one of Material's admonition styles."""

    style: str
    title: str
    text: str


@dataclass(frozen=True)
class Dose:
    """How much of an exercise: sets of reps (counted) or of a hold (seconds), with a rest after each set."""

    sets: int = 1
    reps: int = 0  # reps or hold: exactly one is set
    hold: int = 0
    rest: int = 0


@dataclass(frozen=True)
class Practice:
    """One exercise of a lesson for the session player: its dose, whether each side, a cue and a figure."""

    id: str
    name: str
    dose: Dose
    sides: bool = False
    cue: str = ""
    figure: Figure | None = None


@dataclass(frozen=True)
class DoseOverride:
    """A program's dose for one lesson's exercises: the keys it sets replace the lesson's (0: keep)."""

    lesson: str
    sets: int = 0
    reps: int = 0
    hold: int = 0
    rest: int = -1  # a rest of 0 is a real choice; -1 keeps the lesson's


@dataclass(frozen=True)
class Lesson:
    """One lesson, from lessons/*.yml or lessons/<part>/*.yml."""

    id: str
    title: str
    summary: str
    order: int
    source: str
    part: str = ""
    figures: tuple[Figure, ...] = ()
    sections: tuple[Section, ...] = ()
    steps: tuple[str, ...] = ()
    cues: tuple[str, ...] = ()
    mistakes: tuple[Mistake, ...] = ()
    easier: str = ""
    harder: str = ""
    callouts: tuple[Callout, ...] = ()
    practice: tuple[Practice, ...] = ()
    prescribe_first: bool = False  # ticked and put first on the trainer's prescribe page


@dataclass(frozen=True)
class Option:
    """One answer of a single, multiple or picture question."""

    key: str
    text: str = ""
    image: str = ""
    alt: str = ""
    correct: bool = False
    feedback: str = ""


@dataclass(frozen=True)
class Question:
    """One quiz question; which fields are used depends on `type`."""

    id: str
    type: str
    prompt: str
    options: tuple[Option, ...] = ()
    steps: tuple[str, ...] = ()
    level: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class Level:
    """One level of a self-check, most serious first: its advice shows when one of its questions is answered yes."""

    id: str
    title: str
    message: str
    style: str
    label: str = ""


@dataclass(frozen=True)
class Quiz:
    """One quiz, from quizzes/*.yml."""

    id: str
    lesson: str
    title: str
    source: str
    questions: tuple[Question, ...]
    intro: str = ""
    scored: bool = True
    levels: tuple[Level, ...] = ()
    all_no: Level | None = None  # a self-check's advice once every answer is no; its id is unused


@dataclass(frozen=True)
class Program:
    """A trainer's ordered selection of lessons for a client, from programs/*.yml."""

    id: str
    title: str
    source: str
    lessons: tuple[str, ...]
    note: str = ""
    reminder_days: tuple[str, ...] = ()
    reminder_time: str = "08:00"
    reminder_text: str = ""
    doses: tuple[DoseOverride, ...] = ()


@dataclass(frozen=True)
class Trainer:
    """Trainer details from mkdocs.yml `extra.trainer`; every field may be empty."""

    name: str = ""
    logo: str = ""
    phone: str = ""
    email: str = ""
    booking_url: str = ""
    city: str = ""


@dataclass(frozen=True)
class Notice:
    """A note the course shows on every lesson and handout, with an optional link to one lesson."""

    title: str
    text: str
    style: str = "note"
    link: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class PainRule:
    """The course's advice after a session whose pain is above `threshold` (or rising), with a lesson to link."""

    threshold: int
    message: str
    link: str = ""
    link_text: str = ""


@dataclass(frozen=True)
class Settings:
    """Course-wide settings from mkdocs.yml."""

    site_name: str
    strings: Strings
    site_url: str = ""
    site_description: str = ""
    offline: bool = True
    theme_color: str = DEFAULT_COLOR
    short_name: str = ""
    logo: str = ""
    notice: Notice | None = None
    parts: Mapping[str, str] = field(default_factory=dict)
    trainer: Trainer = Trainer()
    pain_rule: PainRule | None = None
    weekly_goal: int = 3
    extra_javascript: tuple[str, ...] = ()  # the course's own scripts, under docs/, published because it opted in


@dataclass(frozen=True)
class Course:
    """Everything the renderer needs: settings, lessons in order, quizzes and programs."""

    settings: Settings
    lessons: tuple[Lesson, ...]
    quizzes: tuple[Quiz, ...]
    programs: tuple[Program, ...] = ()

    @functools.cached_property
    def order_width(self) -> int:
        """Return the digits of the largest lesson order (at least 2), so page names sort like the orders."""
        return max(2, *(len(str(les.order)) for les in self.lessons))

    # The indexes below are built once per course: a page looks lessons and quizzes up several times,
    # and a scan of the whole course for each look-up made rendering grow with the square of its size.

    @functools.cached_property
    def lessons_by_id(self) -> dict[str, Lesson]:
        """Return each lesson by its id (the first, should two share one)."""
        return {les.id: les for les in reversed(self.lessons)}

    @functools.cached_property
    def quizzes_by_lesson(self) -> dict[str, tuple[Quiz, ...]]:
        """Return the quizzes of each lesson id, in course order."""
        found: dict[str, list[Quiz]] = {}
        for quiz in self.quizzes:
            found.setdefault(quiz.lesson, []).append(quiz)
        return {lesson_id: tuple(quizzes) for lesson_id, quizzes in found.items()}

    @functools.cached_property
    def lessons_in_order(self) -> tuple[Lesson, ...]:
        """Return the lessons sorted by order."""
        return tuple(sorted(self.lessons, key=lambda les: les.order))

    @functools.cached_property
    def lesson_orders(self) -> list[int]:
        """Return the orders of `lessons_in_order`, for bisection."""
        return [les.order for les in self.lessons_in_order]

    def quizzes_of(self, lesson_id: str) -> tuple[Quiz, ...]:
        """Return the quizzes that check the lesson `lesson_id`, in course order."""
        return self.quizzes_by_lesson.get(lesson_id, ())

    def lesson(self, lesson_id: str) -> Lesson | None:
        """Return the lesson with id `lesson_id`, or None."""
        return self.lessons_by_id.get(lesson_id)

    def lesson_after(self, lesson: Lesson) -> Lesson | None:
        """Return the lesson with the next higher order, or None after the last."""
        at = bisect.bisect_right(self.lesson_orders, lesson.order)
        return self.lessons_in_order[at] if at < len(self.lessons_in_order) else None
