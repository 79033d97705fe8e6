"""`check`: read and check every course file and report all problems, without writing anything."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from .generate import generate
from .installation import installation_problem
from .outcome import NOT_WRITTEN, Outcome, plural


def check(project: Path, *, strict: bool = False, env: Mapping[str, str] | None = None) -> Outcome:
    """Validate every course file and report all problems, without writing anything."""
    if problem := installation_problem():
        return Outcome(False, message=problem)
    generated = generate(project, strict=strict, env=env, draw=False)  # nothing is written, so nothing is drawn
    if not generated.ok:
        return Outcome(False, generated.diagnostics, generated.texts, NOT_WRITTEN)
    course = generated.course
    counts = ", ".join(
        plural(len(items), word)
        for items, word in ((course.lessons, "lesson"), (course.quizzes, "quiz"), (course.programs, "program"))
    )
    return Outcome(True, generated.diagnostics, generated.texts, f"OK: {counts}.")
