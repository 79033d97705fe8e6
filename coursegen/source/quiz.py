"""A quiz file, top to bottom: its shape, its rules (each question against its type), its Quiz; then what only
the quizzes together show (an id used twice, a lesson that does not exist)."""

from __future__ import annotations

import functools

from ..model.course import DocsFiles, Level, Option, Question, Quiz
from ..model.diagnostics import Diagnostic
from ..model.schema import MAX_LEVELS, QUESTION_TYPES, QUIZ, TYPE_KEYS
from .checks import Checked, check_file, check_image, duplicate_across, missing_reference, report_duplicates
from .convert import Converted, did_you_mean
from .load import Loaded


def read_quiz(loaded: Loaded, *, docs: DocsFiles, diagnostics: list[Diagnostic]) -> Checked | None:
    """Check one quiz file and make its Quiz; every problem goes to `diagnostics`."""
    diagnostics += loaded.diagnostics
    return check_file(loaded, QUIZ, diagnostics, rules=functools.partial(check_quiz, docs=docs), build=build_quiz)


def check_quiz(values: dict, out: Converted, *, docs: DocsFiles) -> None:
    """Check every question of a quiz, and a self-check's levels."""
    questions = [q for q in values.get("questions") or () if q]
    scored = values.get("scored", True)
    levels = [level.get("id") for level in values.get("levels") or () if level]
    for i, question in enumerate(values.get("questions") or ()):
        if question and question.get("type"):
            check_question(question, out, ("questions", i), scored=scored, levels=levels, docs=docs)
    report_duplicates(
        [q.get("id") for q in questions], out, [("questions", i, "id") for i in range(len(questions))], "question id"
    )
    report_duplicates(levels, out, [("levels", i, "id") for i in range(len(levels))], "level id")
    if not scored and not values.get("levels"):
        out.error(
            ("scored",),
            "a self-check (scored: false) needs 'levels': the advice a 'yes' leads to",
            "For example:\n  levels:\n    - id: soon\n      title: If you said yes\n"
            "      message: Talk to your coach.\n      style: info",
        )
    if len(levels) > MAX_LEVELS:
        out.error(("levels",), f"a self-check has at most {MAX_LEVELS} levels; this one has {len(levels)}")
    for key in ("levels", "all_no"):
        if scored and values.get(key):
            out.error((key,), f"'{key}' is only used by self-checks", f"Add 'scored: false', or remove '{key}'.")


def check_question(
    question: dict, out: Converted, where: tuple, *, scored: bool, levels: list, docs: DocsFiles
) -> None:
    """Check that a question has what its type needs, and nothing it does not use."""
    kind = QUESTION_TYPES[question["type"]]
    for name in sorted(TYPE_KEYS - kind.keys):
        if name in question:
            out.error(
                (*where, name),
                f"'{name}' is not used by {kind.name} questions",
                f"Remove it, or change the type. {kind.name} questions use: " + ", ".join(sorted(kind.keys)) + ".",
            )
    if "options" in kind.keys:
        check_options(question, out, where, docs=docs)
    elif "answer" in kind.keys and question.get("answer") is None and "answer" not in question:
        out.error(
            where, "a true-false question needs 'answer: true' or 'answer: false'", "For example:\n  answer: false"
        )
    elif "steps" in kind.keys:
        steps = question.get("steps") or []
        if "steps" in question and len(steps) < 2:
            out.error((*where, "steps"), "an order question needs at least 2 steps")
        elif "steps" not in question:
            out.error(where, "an order question needs 'steps', listed in the right order")
        report_duplicates(steps, out, [(*where, "steps", i) for i in range(len(steps))], "step")
    if not kind.scored:
        check_self_check_question(question, out, where, scored=scored, levels=levels)


def check_options(question: dict, out: Converted, where: tuple, *, docs: DocsFiles) -> None:
    """Check the options of a single, multiple or picture question."""
    kind = question["type"]
    spec = QUESTION_TYPES[kind]
    options = [o for o in question.get("options") or () if o is not None]
    if "options" not in question:
        out.error(
            where,
            f"a {kind} question needs 'options'",
            "For example:\n  options:\n    - text: Near the tip\n      correct: true\n      feedback: Yes.",
        )
        return
    if len(options) < 2:
        out.error((*where, "options"), "a question needs at least 2 options")
    correct = sum(1 for o in options if o.get("correct"))
    if spec.control == "radio" and correct != 1 and options:
        found = "none is marked" if correct == 0 else f"{correct} are marked"
        out.error(
            (*where, "options"),
            f"a {kind} question needs exactly one correct option; {found} 'correct: true'",
            "Mark one option 'correct: true', or use 'type: multiple' for select-all-that-apply.",
        )
    if spec.control == "checkbox" and correct == 0 and options:
        out.error((*where, "options"), "a multiple question needs at least one option marked 'correct: true'")
    for i, option in enumerate(question.get("options") or ()):
        check_option(option or {}, out, (*where, "options", i), kind=kind, pictures=spec.pictures, docs=docs)
    labels = [(o.get("text") or o.get("image") or "").casefold() for o in options]
    report_duplicates(labels, out, [(*where, "options", i) for i in range(len(options))], "option")


def check_option(option: dict, out: Converted, where: tuple, *, kind: str, pictures: bool, docs: DocsFiles) -> None:
    """Check that an option has text, or an image with alt text for picture questions."""
    if pictures:
        if not option.get("image") and "image" not in option:
            out.error(
                where,
                "a picture option needs 'image' and 'alt'",
                "For example:\n  image: figures/relaxed-grip.svg\n  alt: A relaxed hand holding a pencil.",
            )
        elif option.get("image"):
            check_image(option["image"], out, (*where, "image"), docs=docs)
        if option.get("image") and not option.get("alt") and "alt" not in option:
            out.error((*where, "image"), "a picture option needs 'alt': say what the picture shows")
    elif not option.get("text") and "text" not in option:
        out.error(where, "an option needs 'text'", "For example:\n  text: Near the tip")
    elif "image" in option:
        out.error((*where, "image"), f"'image' is only used in picture questions, not {kind}")


def check_self_check_question(question: dict, out: Converted, where: tuple, *, scored: bool, levels: list) -> None:
    """Check that a self-check question sits in a self-check and names one of its levels."""
    if scored:
        out.error(
            (*where, "type"),
            f"{question['type']} questions belong in a self-check",
            "Add 'scored: false' to the quiz, with its 'levels'.",
        )
    level = question.get("level")
    if not level and "level" not in question:
        out.error(where, "a yes-no question needs a 'level': the id of one of the quiz's levels")
    elif level and levels and level not in levels:
        out.error(
            (*where, "level"),
            f"no level has the id '{level}'{did_you_mean(level, levels)}",
            "Levels of this quiz: " + ", ".join(str(x) for x in levels) + ".",
        )


def build_quiz(values: dict, path: str) -> Quiz:
    """Make a Quiz from checked values."""
    return Quiz(
        id=values["id"],
        lesson=values["lesson"],
        title=values.get("title") or "",
        source=path,
        questions=tuple(build_question(q) for q in values["questions"]),
        intro=values.get("intro") or "",
        scored=values.get("scored", True),
        levels=tuple(
            Level(x["id"], x["title"], x["message"], x["style"], x.get("label") or "")
            for x in values.get("levels") or ()
        ),
        all_no=all_no_of(values.get("all_no")),
    )


def all_no_of(values: dict | None) -> Level | None:
    """Return a self-check's advice for all-no answers, if the quiz sets it."""
    return Level("all-no", values["title"], values["message"], values["style"]) if values else None


def build_question(values: dict) -> Question:
    """Make a Question; true-false and yes-no questions get their two built-in options, named by key."""
    kind = QUESTION_TYPES[values["type"]]
    if "answer" in kind.keys:
        options = tuple(
            Option(key, correct=values["answer"] is flag, feedback=values.get(f"feedback_{key}") or "")
            for key, flag in (("true", True), ("false", False))
        )
    elif not kind.scored:
        options = (Option("yes"), Option("no"))
    else:
        options = tuple(
            Option(
                chr(ord("a") + i),
                o.get("text") or "",
                o.get("image") or "",
                o.get("alt") or "",
                bool(o.get("correct")),
                o.get("feedback") or "",
            )
            for i, o in enumerate(values.get("options") or ())
        )
    return Question(
        id=values["id"],
        type=values["type"],
        prompt=values["prompt"],
        options=options,
        steps=tuple(values.get("steps") or ()),
        level=values.get("level") or "",
        explanation=values.get("explanation") or "",
    )


def check_quizzes_together(quizzes: list[Checked], *, lesson_ids: list[str] | None) -> list[Diagnostic]:
    """Check what no quiz file shows alone: an id used twice, and (when every lesson was read) the lesson it checks."""
    problems = duplicate_across(quizzes, "id", "quiz")
    for quiz in quizzes if lesson_ids is not None else ():
        problems += missing_reference(quiz, ("lesson",), quiz.values.get("lesson"), lesson_ids)
    return problems
