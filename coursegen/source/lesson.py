"""A lesson file, top to bottom: its place under lessons/, its shape, its rules, its Lesson; then what only
all the lessons together show (an id or an order used twice, the menu's order, a lesson without a quiz)."""

from __future__ import annotations

import functools
import re
from pathlib import PurePosixPath

from ..model.course import Callout, DocsFiles, Figure, Lesson, Mistake, Section
from ..model.diagnostics import Diagnostic, error, warning
from ..model.parts import MAX_DEPTH, folder_key
from ..model.schema import LESSON, SLUG_PATTERN
from .checks import Checked, check_file, check_image, check_markdown, duplicate_across
from .convert import Converted
from .load import Loaded
from .practice import build_practice, check_practice


def read_lesson(loaded: Loaded, *, docs: DocsFiles, diagnostics: list[Diagnostic]) -> Checked | None:
    """Check one lesson file and make its Lesson; every problem goes to `diagnostics`."""
    diagnostics += loaded.diagnostics
    diagnostics += lesson_place(loaded.path)
    rules = functools.partial(check_lesson, docs=docs)
    return check_file(loaded, LESSON, diagnostics, rules=rules, build=build_lesson)


def lesson_place(path: str) -> list[Diagnostic]:
    """Refuse a lesson file more than two folders below lessons/ (a group, then a part), or in a badly named folder."""
    folders = lesson_folders(path)
    if len(folders) > MAX_DEPTH:
        return [too_deep(path, folders)]
    for depth, folder in enumerate(folders):
        if not re.match(SLUG_PATTERN, folder):
            kind = "group" if depth < len(folders) - 1 else "part"
            return [
                error(
                    path,
                    1,
                    1,
                    f"the {kind} folder '{folder}' is not a short name",
                    f"Name {kind} folders like ids: lowercase letters, digits and dashes (part-1-the-grip). "
                    f"Give the {kind} its title in mkdocs.yml, under extra.course.parts.",
                )
            ]
    return []


def too_deep(path: str, folders: tuple[str, ...]) -> Diagnostic:
    """Refuse a lesson file three or more folders deep, with the place it can move to."""
    name = PurePosixPath(path).name
    return error(
        path,
        1,
        1,
        f"a lesson file can be in lessons/, in a part (lessons/<part>/) or in a part of a group "
        f"(lessons/<group>/<part>/), not {len(folders)} folders deep",
        f"Move it to lessons/{folders[0]}/{folders[1]}/{name}. A sub-folder of lessons/ is a part of the "
        "course; a sub-folder of a part makes that part a group of parts. Titles go in mkdocs.yml, under "
        "extra.course.parts.",
    )


def lesson_folders(path: str) -> tuple[str, ...]:
    """Return the folders between lessons/ and a lesson file: none at the top, one for a part, two in a group."""
    return PurePosixPath(path).parts[1:-1]


def lesson_part(path: str) -> str:
    """Return the part a lesson file sits in, as its folder path under lessons/ ('week-1', 'unit-1/week-1'), or ''."""
    return "/".join(lesson_folders(path))


def check_lesson(values: dict, out: Converted, *, docs: DocsFiles) -> None:
    """Check a lesson's figures and Markdown."""
    for i, figure in enumerate(values.get("figures") or ()):
        if figure and figure.get("src"):
            check_image(figure["src"], out, ("figures", i, "src"), docs=docs)
    for i, section in enumerate(values.get("sections") or ()):
        check_markdown((section or {}).get("body"), out, ("sections", i, "body"))
    for name in ("steps", "cues"):
        for i, text in enumerate(values.get(name) or ()):
            check_markdown(text, out, (name, i))
    for name in ("easier", "harder"):
        check_markdown(values.get(name), out, (name,))
    for i, callout in enumerate(values.get("callouts") or ()):
        check_markdown((callout or {}).get("text"), out, ("callouts", i, "text"))
    check_practice(values, out)
    if not values.get("figures"):
        out.diagnostics.append(
            warning(
                out.path,
                *out.at(("id",)),
                "lesson has no figure",
                "A picture helps more than a paragraph. Add:\n  figures:\n"
                "    - src: figures/my-figure.svg\n      alt: What the picture shows.",
            )
        )


def build_lesson(values: dict, path: str) -> Lesson:
    """Make a Lesson from checked values."""
    return Lesson(
        id=values["id"],
        title=values["title"],
        summary=values["summary"],
        order=values["order"],
        source=path,
        part=lesson_part(path),
        figures=tuple(Figure(f["src"], f["alt"], f.get("caption") or "") for f in values.get("figures") or ()),
        sections=tuple(Section(s["heading"], s["body"]) for s in values.get("sections") or ()),
        steps=tuple(values.get("steps") or ()),
        cues=tuple(values.get("cues") or ()),
        mistakes=tuple(Mistake(m["mistake"], m["fix"]) for m in values.get("mistakes") or ()),
        easier=values.get("easier") or "",
        harder=values.get("harder") or "",
        callouts=tuple(Callout(c.get("style") or "note", c["title"], c["text"]) for c in values.get("callouts") or ()),
        practice=tuple(build_practice(p, values.get("figures") or ()) for p in values.get("practice") or ()),
        prescribe_first=values.get("prescribe_first") is True,
    )


def check_lessons_together(
    lessons: list[Checked], *, quizzes: list[Checked], all_lessons_read: bool
) -> list[Diagnostic]:
    """Check what no lesson file shows alone: ids and orders used twice, the menu's order, lessons with no quiz.

    The menu and the quizzes are checked only when every lesson file could be read.
    """
    problems = duplicate_across(lessons, "id", "lesson") + duplicate_across(lessons, "order", "lesson")
    if not all_lessons_read:
        return problems
    problems += menu_order(lessons)
    quizzed = {q.values.get("lesson") for q in quizzes}
    for lesson in lessons:
        if lesson.values.get("id") and lesson.values["id"] not in quizzed:
            problems.append(
                warning(
                    lesson.out.path,
                    *lesson.out.at(("id",)),
                    f"lesson '{lesson.values['id']}' has no quiz",
                    f"Add one: coursegen new quiz {lesson.values['id']}",
                )
            )
    return problems


def menu_order(lessons: list) -> list[Diagnostic]:
    """Warn about a lesson that the menu lists before its part's place in the order ('Next lesson' follows order)."""
    placed = [
        c for c in lessons if isinstance(c.values.get("order"), int) and len(lesson_folders(c.out.path)) <= MAX_DEPTH
    ]
    ordered = sorted(placed, key=lambda c: c.values["order"])
    problems = []
    furthest = None
    for c in ordered:
        if furthest is None or menu_key(c.out.path) >= menu_key(furthest.out.path):
            furthest = c
            continue
        problems.append(
            warning(
                c.out.path,
                *c.out.at(("order",)),
                f"lesson order {c.values['order']} comes after order {furthest.values['order']} "
                f"({furthest.out.path}), but the menu lists {part_name(c.out.path)} before "
                f"{part_name(furthest.out.path)}",
                "The menu lists the lessons at the top of lessons/ first, then each part (and each group's "
                "parts) by folder name; "
                "'Next lesson' follows the order numbers. Move the file into the right part, renumber the "
                "lessons, or name the folders so they sort in course order (part-01, part-02, ...).",
            )
        )
    return problems


def menu_key(path: str) -> tuple[str, ...]:
    """Return where MkDocs' menu puts a lesson file: lessons at the top of lessons/ first, then folders by name."""
    return folder_key(lesson_part(path))


def part_name(path: str) -> str:
    """Name the place of a lesson file in the menu, for messages."""
    part = lesson_part(path)
    return f"part '{part}'" if part else "the lessons at the top of lessons/"
