"""A program file, top to bottom: its shape, its rules, its Program; then what only the programs together show
(an id used twice, a lesson that does not exist)."""

from __future__ import annotations

from ..model.course import Program
from ..model.diagnostics import Diagnostic
from ..model.schema import PROGRAM
from .checks import Checked, check_file, check_markdown, duplicate_across, missing_reference, report_duplicates
from .convert import Converted
from .load import Loaded
from .practice import build_doses, check_doses


def read_program(loaded: Loaded, *, diagnostics: list[Diagnostic]) -> Checked | None:
    """Check one program file and make its Program; every problem goes to `diagnostics`."""
    diagnostics += loaded.diagnostics
    return check_file(loaded, PROGRAM, diagnostics, rules=check_program, build=build_program)


def check_program(values: dict, out: Converted) -> None:
    """Check a program's note, its lesson list and its reminder settings."""
    check_markdown(values.get("note"), out, ("note",))
    lessons = values.get("lessons") or []
    report_duplicates(lessons, out, [("lessons", i) for i in range(len(lessons))], "lesson")
    check_doses(values, out)
    if values.get("reminder_time") and not values.get("reminder_days"):
        out.error(
            ("reminder_time",), "'reminder_time' needs 'reminder_days'", "For example:\n  reminder_days: [MO, WE, FR]"
        )


def build_program(values: dict, path: str) -> Program:
    """Make a Program from checked values."""
    return Program(
        id=values["id"],
        title=values["title"],
        source=path,
        lessons=tuple(values["lessons"]),
        note=values.get("note") or "",
        reminder_days=tuple(values.get("reminder_days") or ()),
        reminder_time=values.get("reminder_time") or "08:00",
        reminder_text=values.get("reminder_text") or "",
        doses=build_doses(values),
    )


def check_programs_together(programs: list[Checked], *, lesson_ids: list[str] | None) -> list[Diagnostic]:
    """Check what no program file shows alone: an id used twice, and (when every lesson was read) its lessons."""
    problems = duplicate_across(programs, "id", "program")
    for program in programs if lesson_ids is not None else ():
        for i, lesson_id in enumerate(program.values.get("lessons") or ()):
            problems += missing_reference(program, ("lessons", i), lesson_id, lesson_ids)
    return problems
