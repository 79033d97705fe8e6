"""Starter files: a new lesson or quiz, and a whole new course. Commented, neutral, and valid as written.

Everything here returns text; the pipeline decides where it goes and writes it.
"""

from __future__ import annotations

import json
import re

from ..model.formats import FORMAT
from ..model.schema import SLUG_PATTERN
from .starters import (
    COURSE_SETTINGS,
    EDITOR_SETTINGS,
    FIGURE,
    FIRST_LESSON,
    FIRST_PROGRAM,
    FIRST_QUIZ,
    GITIGNORE,
    HOME_PAGE,
    LESSON_TEMPLATE,
    OVERRIDES_README,
    QUIZ_TEMPLATE,
    SCHEMA_LINE,
)


def slug_problem(slug: str) -> str:
    """Return why a name cannot be an id, or an empty string if it can."""
    if re.match(SLUG_PATTERN, slug) and len(slug) <= 60:
        return ""
    return f"'{slug}' cannot be an id: use up to 60 lowercase letters, digits and dashes, like 'first-steps'."


LANGUAGE_CODE = r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$"


def init_problem(*, name: str, language: str) -> str:
    """Return why `init` cannot write a course with this name and language, or an empty string if it can."""
    if not re.fullmatch(LANGUAGE_CODE, language):
        return f"{language[:40]!r} is not a language code: use two or three lowercase letters, like en or fr."
    if len(name) > 120 or any(ord(c) < 32 or 0x7F <= ord(c) < 0xA0 or c in "\u2028\u2029" for c in name):
        return "The course name must be one line of text, up to 120 characters."
    return ""


def schema_line(kind: str, *, depth: int) -> str:
    """Return the editor's schema comment for a file `depth` folders below the course folder."""
    return SCHEMA_LINE.format(up="../" * depth, kind=kind)


def lesson_file(slug: str, *, order: int, check: str) -> str:
    """Return a starter lesson whose comment names the course's check command."""
    title = slug.replace("-", " ").capitalize()
    schema = schema_line("lesson", depth=1)
    return LESSON_TEMPLATE.format(schema=schema, slug=slug, title=title, order=order, check=check)


def quiz_file(slug: str, *, lesson: str, check: str) -> str:
    """Return a starter quiz for a lesson, whose comment names the course's check command."""
    return QUIZ_TEMPLATE.format(schema=schema_line("quiz", depth=1), slug=slug, lesson=lesson, check=check)


def next_order(lesson_texts: list[str]) -> int:
    """Return one more than the highest `order:` found in the lesson files' texts."""
    orders = [0]
    for text in lesson_texts:
        found = re.search(r"^order:\s*(\d{1,9})\s*$", text, re.M)  # a longer one is refused by check anyway
        if found:
            orders.append(int(found.group(1)))
    return max(orders) + 1


def yaml_text(value: str) -> str:
    """Return a string as a double-quoted YAML scalar."""
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def short_name(name: str, *, small_words: str) -> str:
    """Return a home-screen name of at most 12 characters ending on a whole word, or '' if none fits."""
    if len(name) <= 12:
        return name
    words: list[str] = []
    for word in name.split():
        if len(" ".join([*words, word])) > 12:
            break
        words.append(word)
    while words and words[-1].casefold() in small_words.split():
        words.pop()
    return " ".join(words)


def course_files(
    *, name: str, short: str, language: str, words: dict[str, str], schemas: dict[str, str]
) -> dict[str, str]:
    """Return every file of a new course in its language's words, keyed by its path in the course folder."""
    quoted = {key: yaml_text(value) for key, value in words.items()}
    plain = {key: " ".join(value.split()) for key, value in words.items()}
    settings = COURSE_SETTINGS.format(
        name=yaml_text(name),
        description=quoted["description"],
        language=language,
        short_name=yaml_text(short),
        format=FORMAT,
        c=plain,
        q=quoted,
    )
    first = {"schema": "", "c": plain, "q": quoted}
    return {
        "mkdocs.yml": settings,
        "lessons/01-welcome.yml": FIRST_LESSON.format(**{**first, "schema": schema_line("lesson", depth=1)}),
        "quizzes/welcome.yml": FIRST_QUIZ.format(**{**first, "schema": schema_line("quiz", depth=1)}),
        "programs/first-week.yml": FIRST_PROGRAM.format(**{**first, "schema": schema_line("program", depth=1)}),
        "docs/index.md": HOME_PAGE.format(name=name.replace("<", "&lt;"), description=plain["description"], c=plain),
        "docs/figures/welcome.svg": FIGURE,
        "overrides/README.md": OVERRIDES_README,
        ".gitignore": GITIGNORE,
        ".vscode/settings.json": EDITOR_SETTINGS,
        **schemas,
    }
