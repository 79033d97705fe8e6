"""The typed course model: frozen dataclasses built by `validate.py` and read by `render.py`."""

from __future__ import annotations

import functools
from dataclasses import dataclass


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
    practitioner: str = ""


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
    tier: str = ""
    explanation: str = ""


@dataclass(frozen=True)
class Care:
    """The advice a self-check gives for one tier."""

    tier: str
    title: str
    message: str


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
    care: tuple[Care, ...] = ()


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
class Settings:
    """Course-wide settings from mkdocs.yml."""

    site_name: str
    site_url: str = ""
    offline: bool = True
    theme_color: str = "#00695c"
    trainer: Trainer = Trainer()


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

    def quiz_for(self, lesson_id: str) -> Quiz | None:
        """Return the first quiz that checks the lesson `lesson_id`, or None."""
        return next((q for q in self.quizzes if q.lesson == lesson_id), None)

    def lesson(self, lesson_id: str) -> Lesson | None:
        """Return the lesson with id `lesson_id`, or None."""
        return next((les for les in self.lessons if les.id == lesson_id), None)
