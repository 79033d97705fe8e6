"""Practice blocks and doses: a lesson's exercises, a program's doses, and the pain rule's link.

Checked here from the lesson, program and settings modules, so the practice rules live in one file.
"""

from __future__ import annotations

from ..model.course import Dose, DoseOverride, Figure, Practice, Settings
from ..model.diagnostics import Diagnostic, error
from .checks import Checked, report_duplicates
from .convert import Converted, did_you_mean
from .load import Loaded

DOSE_EXAMPLE = "For example:\n  sets: 3\n  reps: 5\n  rest: 30\nor, for a held position:\n  sets: 2\n  hold: 20"


def check_practice(values: dict, out: Converted) -> None:
    """Check each exercise's dose (reps or hold, not both), its figure, and that its id is unique in the lesson."""
    blocks = [p for p in values.get("practice") or () if p]
    figures = [f.get("src") for f in values.get("figures") or () if f and f.get("src")]
    for i, block in enumerate(values.get("practice") or ()):
        where = ("practice", i)
        if not block:
            continue
        if "reps" in block and "hold" in block:
            out.error((*where, "hold"), "an exercise is counted in reps or held for seconds, not both", DOSE_EXAMPLE)
        elif "reps" not in block and "hold" not in block:
            out.error(where, "an exercise needs a dose: 'reps' (counted) or 'hold' (seconds)", DOSE_EXAMPLE)
        if block.get("figure") and block["figure"] not in figures:
            out.error(
                (*where, "figure"),
                f"'{block['figure']}' is not one of this lesson's figures{did_you_mean(block['figure'], figures)}",
                "Name the src of a figure listed under 'figures' (its alt text describes it in the player).",
            )
    report_duplicates(
        [p.get("id") for p in blocks], out, [("practice", i, "id") for i in range(len(blocks))], "practice id"
    )


def build_practice(values: dict, figures: list[dict]) -> Practice:
    """Make one exercise of a lesson; its figure is the lesson's figure it names, or the lesson's first."""
    chosen = values.get("figure")
    found = next((f for f in figures if f["src"] == chosen), None) if chosen else (figures[0] if figures else None)
    return Practice(
        id=values["id"],
        name=values["name"],
        dose=Dose(values.get("sets") or 1, values.get("reps") or 0, values.get("hold") or 0, values.get("rest") or 0),
        sides=bool(values.get("sides")),
        cue=values.get("cue") or "",
        figure=Figure(found["src"], found["alt"], found.get("caption") or "") if found else None,
    )


def check_doses(values: dict, out: Converted) -> None:
    """Check a program's doses: one per lesson, each for a lesson of the program, reps or hold but not both."""
    lessons = values.get("lessons") or []
    doses = [d for d in values.get("doses") or () if d]
    report_duplicates(
        [d.get("lesson") for d in doses], out, [("doses", i, "lesson") for i in range(len(doses))], "dose lesson"
    )
    for i, dose in enumerate(doses):
        if dose.get("lesson") and dose["lesson"] not in lessons:
            out.error(
                ("doses", i, "lesson"),
                f"the dose is for '{dose['lesson']}', which is not in this program's lessons",
                "Add the lesson to 'lessons', or remove its dose.",
            )
        if "reps" in dose and "hold" in dose:
            out.error(("doses", i, "hold"), "a dose sets 'reps' or 'hold', not both", DOSE_EXAMPLE)


def build_doses(values: dict) -> tuple[DoseOverride, ...]:
    """Make a program's doses; a rest left out keeps the lesson's (-1)."""
    return tuple(
        DoseOverride(d["lesson"], d.get("sets") or 0, d.get("reps") or 0, d.get("hold") or 0, d.get("rest", -1))
        for d in values.get("doses") or ()
    )


def dose_mismatches(programs: list[Checked], lessons: list[Checked]) -> list[Diagnostic]:
    """Report a program's dose for a lesson with no exercise, or reps for held exercises only (and the reverse)."""
    practised = {c.values.get("id"): [p for p in c.values.get("practice") or () if p] for c in lessons}
    problems = []
    for program in programs:
        for i, dose in enumerate(program.values.get("doses") or ()):
            if dose and dose.get("lesson") in practised:
                problems += dose_mismatch(program, i, dose, practised[dose["lesson"]])
    return problems


def dose_mismatch(program: Checked, index: int, dose: dict, blocks: list[dict]) -> list[Diagnostic]:
    """Report one dose that would change nothing in its lesson's exercises."""
    at = program.out.at
    if not blocks:
        message = f"lesson '{dose['lesson']}' has no practice block, so a dose for it would change nothing"
        hint = "Remove this dose, or add a 'practice' block to the lesson."
        return [error(program.out.path, *at(("doses", index, "lesson")), message, hint)]
    problems = []
    for key in ("reps", "hold"):
        if key in dose and not any(key in p for p in blocks):
            kind = "counted in reps" if key == "hold" else "held for seconds"
            message = f"lesson '{dose['lesson']}' has exercises {kind} only, so '{key}' would change nothing"
            hint = f"Use '{'reps' if key == 'hold' else 'hold'}' instead."
            problems.append(error(program.out.path, *at(("doses", index, key)), message, hint))
    return problems


def pain_rule_references(settings: Settings, config: Loaded, ids: list[str], where: tuple[int, int]) -> list:
    """Check that the pain rule links to a lesson that exists, with words to tap."""
    rule = settings.pain_rule
    if not rule or not rule.link:
        return []
    if rule.link not in ids:
        return [
            error(
                config.path,
                *where,
                f"the pain rule links to '{rule.link}', but no lesson has that id{did_you_mean(rule.link, ids)}",
                "Lesson ids: " + ", ".join(sorted(ids)) + ".",
            )
        ]
    if not rule.link_text:
        return [error(config.path, *where, "the pain rule's link needs 'link_text': the words readers tap")]
    return []
