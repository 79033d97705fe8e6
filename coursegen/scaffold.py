"""Starter files for `build.py new lesson` and `build.py new quiz`: commented, and valid as written."""

from __future__ import annotations

import re
from pathlib import Path

import click

from .schema import SLUG_PATTERN

LESSON_TEMPLATE = """\
# yaml-language-server: $schema=../schema/lesson.schema.json
# A lesson. The authoring guide (AUTHORING.md) explains every key.
# Check your work with: python build.py check

id: {slug}
title: "{title}"
# One sentence. It also shows in link previews when you share the lesson.
summary: "One sentence that says what the reader will learn."
order: {order}

# figures:
#   - src: figures/{slug}.svg         # an image under docs/
#     alt: "What the picture shows."   # required: said aloud by screen readers

sections:
  - heading: "Why it matters"
    body: |
      Write the lesson here, in Markdown. Keep sentences short.

      !!! note "A callout"
          Indent the text of a callout by four spaces.

steps:
  - "Stand tall with your feet under your hips."
  - "Push your hips back."

cues:
  - "Hips back, chest long."

mistakes:
  - mistake: "What often goes wrong."
    fix: "How to put it right."

practitioner: "If this hurts, stop and talk to a physiotherapist or doctor."
"""

QUIZ_TEMPLATE = """\
# yaml-language-server: $schema=../schema/quiz.schema.json
# A quiz. Types: single, multiple, true-false, order, picture (and yes-no for self-checks).
# Check your work with: python build.py check

id: {slug}
lesson: {lesson}

questions:
  - id: first-question
    type: single
    prompt: "Which one is right?"
    options:
      - text: "This one"
        correct: true
        feedback: "Yes. Say why it is right."
      - text: "Not this one"
        feedback: "Not quite. Say why, so the reader learns something."
    explanation: "Explain the right answer in one or two sentences."

  - id: true-or-false
    type: true-false
    prompt: "A statement the reader decides is true or false."
    answer: true
    feedback_true: "Right. Say why."
    feedback_false: "Not quite. Say why."
    explanation: "Explain it."

  - id: in-order
    type: order
    prompt: "Put the steps in order."
    steps:   # the right order; readers see them shuffled
      - "First step"
      - "Second step"
      - "Third step"
    explanation: "Explain the order."
"""


def new_lesson(project: Path, slug: str) -> Path:
    """Write a starter lesson at the top of lessons/, numbered after the last one in any part, and return its path."""
    check_slug(slug)
    folder = project / "lessons"
    taken = [p for p in lesson_files(folder) if p.stem == slug or p.stem.endswith(f"-{slug}")]
    if taken:
        name = taken[0].relative_to(project).as_posix()
        raise click.UsageError(f"{name} already exists; pick another name or edit that file.")
    order = next_order(folder)
    path = folder / f"{order:02d}-{slug}.yml"
    title = slug.replace("-", " ").capitalize()
    return write_new(path, LESSON_TEMPLATE.format(slug=slug, title=title, order=order))


def new_quiz(project: Path, slug: str, *, lesson: str) -> Path:
    """Write a starter quiz for a lesson, and return its path."""
    check_slug(slug)
    check_slug(lesson)
    return write_new(project / "quizzes" / f"{slug}.yml", QUIZ_TEMPLATE.format(slug=slug, lesson=lesson))


def check_slug(slug: str) -> None:
    """Refuse names that cannot be ids."""
    if not re.match(SLUG_PATTERN, slug):
        raise click.UsageError(
            f"'{slug}' cannot be an id: use lowercase letters, digits and dashes, like 'dowel-test'."
        )


def next_order(folder: Path) -> int:
    """Return one more than the highest `order:` found in the lesson files, parts included."""
    orders = [0]
    for path in lesson_files(folder):
        found = re.search(r"^order:\s*(\d+)\s*$", path.read_text(encoding="utf-8", errors="replace"), re.M)
        if found:
            orders.append(int(found.group(1)))
    return max(orders) + 1


def lesson_files(folder: Path) -> list[Path]:
    """Return the lesson files in lessons/ and its part folders."""
    return sorted(folder.rglob("*.y*ml")) if folder.is_dir() else []


def write_new(path: Path, text: str) -> Path:
    """Write a new file, refusing to overwrite one that exists."""
    if path.exists():
        raise click.UsageError(f"{path.name} already exists; pick another name or edit that file.")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path
