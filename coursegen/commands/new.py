"""`new lesson` and `new quiz`: write a starter file that passes the checks, never over an existing one."""

from __future__ import annotations

from pathlib import Path

from ..source import scaffold
from .outcome import Outcome
from .read import source_files


def new_lesson(project: Path, slug: str) -> Outcome:
    """Write a starter lesson at the top of lessons/, numbered after the last one in any part."""
    problem = scaffold.slug_problem(slug)
    if problem:
        return Outcome(False, message=problem)
    files = source_files(project, "lessons")
    taken = [p for p in files if p.stem == slug or p.stem.endswith(f"-{slug}")]
    if taken:
        name = taken[0].relative_to(project).as_posix()
        return Outcome(False, message=f"{name} already exists; pick another name or edit that file.")
    order = scaffold.next_order([p.read_text(encoding="utf-8", errors="replace") for p in files])
    return write_new(
        project,
        f"lessons/{order:02d}-{slug}.yml",
        scaffold.lesson_file(slug, order=order, check=check_command(project)),
    )


def new_quiz(project: Path, slug: str, *, lesson: str) -> Outcome:
    """Write a starter quiz for a lesson."""
    problem = scaffold.slug_problem(slug) or scaffold.slug_problem(lesson)
    if problem:
        return Outcome(False, message=problem)
    return write_new(
        project, f"quizzes/{slug}.yml", scaffold.quiz_file(slug, lesson=lesson, check=check_command(project))
    )


def write_new(project: Path, rel: str, text: str) -> Outcome:
    """Write a new course file, refusing to overwrite one that exists."""
    path = project / rel
    if path.exists():
        return Outcome(False, message=f"{rel} already exists; pick another name or edit that file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return Outcome(False, message=f"cannot write {rel}: {exc.strerror}")
    return Outcome(True, message=f"Wrote {rel}. Edit it, then run: {check_command(project)}")


def check_command(project: Path) -> str:
    """Return how this course is checked: with its own build.py where it has one, else with coursegen."""
    return "python build.py check" if (project / "build.py").is_file() else "coursegen check"
