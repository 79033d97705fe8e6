"""Rules beyond shape and type: question rules, image paths, links, and references across files."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import PurePosixPath

from .convert import Converted, did_you_mean
from .diagnostics import Diagnostic, error, warning
from .markup import scheme_of, unsafe_links
from .model import DocsFiles
from .schema import MAX_LEVELS, QUESTION_TYPES, SLUG_PATTERN, TYPE_KEYS

IMAGE_SUFFIXES = (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif")


def check(kind: str, values: dict, out: Converted, *, docs: DocsFiles) -> None:
    """Apply the rules for one file of the given kind."""
    if kind == "lesson":
        check_lesson(values, out, docs=docs)
    elif kind == "quiz":
        check_quiz(values, out, docs=docs)
    elif kind == "program":
        check_markdown(values.get("note"), out, ("note",))
        check_program(values, out)
    elif kind == "extra":
        notice = (values.get("course") or {}).get("notice") or {}
        check_markdown(notice.get("text"), out, ("extra", "course", "notice", "text"))
        logo = (values.get("trainer") or {}).get("logo")
        if logo:
            check_image(logo, out, ("extra", "trainer", "logo"), docs=docs)


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
    if scored and values.get("levels"):
        out.error(("levels",), "'levels' are only used by self-checks", "Add 'scored: false', or remove 'levels'.")


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


def check_program(values: dict, out: Converted) -> None:
    """Check a program's lesson list and reminder settings."""
    lessons = values.get("lessons") or []
    report_duplicates(lessons, out, [("lessons", i) for i in range(len(lessons))], "lesson")
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
    if values.get("reminder_time") and not values.get("reminder_days"):
        out.error(
            ("reminder_time",), "'reminder_time' needs 'reminder_days'", "For example:\n  reminder_days: [MO, WE, FR]"
        )


def check_image(src: str, out: Converted, where: tuple, *, docs: DocsFiles) -> None:
    """Check that an image path stays inside docs/, names an image, and exists there as a file of its own."""
    path = PurePosixPath(src)
    if path.is_absolute() or src.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", src):
        out.error(
            where, f"image path '{src}' must be relative to docs/, not absolute", "For example: figures/pencil-grip.svg"
        )
        return
    if ".." in path.parts:
        out.error(where, f"image path '{src}' leaves the docs/ folder", "Put the image under docs/figures/.")
        return
    if path.suffix.lower() not in IMAGE_SUFFIXES:
        out.error(where, f"'{src}' is not an image file", "Use one of: " + ", ".join(IMAGE_SUFFIXES) + ".")
        return
    if any("/".join(path.parts[: i + 1]) in docs.outside for i in range(len(path.parts))):
        out.error(
            where,
            f"image 'docs/{src}' is a link to a file outside docs/",
            "Copy the image into docs/ instead of linking to it.",
        )
        return
    if path.as_posix() not in docs.files:
        out.error(
            where,
            f"image file 'docs/{src}' does not exist{nearby_image(path, docs)}",
            "Check the spelling, or add the file under docs/.",
        )


def nearby_image(path: PurePosixPath, docs: DocsFiles) -> str:
    """Suggest an existing file with a similar path in the same folder."""
    folder = path.parent.as_posix()
    names = [name for name in docs.files if PurePosixPath(name).parent.as_posix() == folder]
    return did_you_mean(path.as_posix(), names)


def check_markdown(text: str | None, out: Converted, where: tuple) -> None:
    """Refuse links and images whose address could run script, found as the page would have them."""
    for address in unsafe_links(text or ""):
        shown = address.encode("unicode_escape").decode("ascii")[:60]
        out.error(
            where,
            f"a link or image uses '{scheme_of(address)}:' ({shown}), which could run script",
            "Links may start with https:, http:, mailto: or tel:, or point to another page; images must be "
            "files under docs/.",
        )


def report_duplicates(items: list, out: Converted, places: list[tuple], what: str) -> None:
    """Report every repeat of an item after its first appearance."""
    first: dict = {}
    for item, where in zip(items, places, strict=False):
        if item is None or item == "":
            continue
        if item in first:
            line = out.at(first[item])[0]
            out.error(where, f"duplicate {what} '{item}' (first at line {line})", f"Each {what} must be different.")
        else:
            first[item] = where


def cross_file(checked: list, *, all_lessons_read: bool = True) -> list[Diagnostic]:
    """Check ids across files and the references between lessons, quizzes and programs.

    References are checked only when every lesson file could be read, so one broken lesson does not
    also show up as a missing lesson in every quiz and program that names it.
    """
    problems: list[Diagnostic] = []
    by_kind = {kind: [c for c in checked if c.kind == kind] for kind in ("lesson", "quiz", "program")}
    for kind, files in by_kind.items():
        problems += duplicate_across(files, "id", kind)
    problems += duplicate_across(by_kind["lesson"], "order", "lesson")
    if not all_lessons_read:
        return problems
    problems += menu_order(by_kind["lesson"])
    lesson_ids = [c.values.get("id") for c in by_kind["lesson"] if c.values.get("id")]
    for quiz in by_kind["quiz"]:
        problems += missing_reference(quiz, ("lesson",), quiz.values.get("lesson"), lesson_ids)
    for program in by_kind["program"]:
        for i, lesson_id in enumerate(program.values.get("lessons") or ()):
            problems += missing_reference(program, ("lessons", i), lesson_id, lesson_ids)
    practised = {c.values.get("id"): c.values.get("practice") or [] for c in by_kind["lesson"]}
    for program in by_kind["program"]:
        problems += dose_mismatch(program, practised)
    quizzed = {q.values.get("lesson") for q in by_kind["quiz"]}
    for lesson in by_kind["lesson"]:
        if lesson.values.get("id") and lesson.values["id"] not in quizzed:
            problems.append(
                warning(
                    lesson.out.path,
                    *lesson.out.at(("id",)),
                    f"lesson '{lesson.values['id']}' has no quiz",
                    f"Add one: python build.py new quiz {lesson.values['id']}",
                )
            )
    return problems


def dose_mismatch(program, practised: dict[str, list]) -> list[Diagnostic]:
    """Report a program's dose for a lesson with no exercise, or reps for held exercises only (and the reverse)."""
    problems = []
    for i, dose in enumerate(program.values.get("doses") or ()):
        blocks = [p for p in practised.get((dose or {}).get("lesson"), ()) if p]
        if not dose or dose.get("lesson") not in practised:
            continue
        if not blocks:
            problems.append(
                error(
                    program.out.path,
                    *program.out.at(("doses", i, "lesson")),
                    f"lesson '{dose['lesson']}' has no practice block, so a dose for it would change nothing",
                    "Remove this dose, or add a 'practice' block to the lesson.",
                )
            )
            continue
        for key in ("reps", "hold"):
            if key in dose and not any(key in p for p in blocks):
                kind = "counted in reps" if key == "hold" else "held for seconds"
                problems.append(
                    error(
                        program.out.path,
                        *program.out.at(("doses", i, key)),
                        f"lesson '{dose['lesson']}' has exercises {kind} only, so '{key}' would change nothing",
                        f"Use '{'reps' if key == 'hold' else 'hold'}' instead.",
                    )
                )
    return problems


def lesson_folders(path: str) -> tuple[str, ...]:
    """Return the folders between lessons/ and a lesson file: none at the top, one for a part."""
    return PurePosixPath(path).parts[1:-1]


def lesson_part(path: str) -> str:
    """Return the part (the sub-folder of lessons/) a lesson file sits in, or '' at the top of lessons/."""
    return "/".join(lesson_folders(path))


def lesson_place(path: str) -> list[Diagnostic]:
    """Refuse a lesson file more than one folder below lessons/: a part is a single sub-folder."""
    folders = lesson_folders(path)
    if len(folders) == 1 and not re.match(SLUG_PATTERN, folders[0]):
        return [
            error(
                path,
                1,
                1,
                f"the part folder '{folders[0]}' is not a short name",
                "Name part folders like ids: lowercase letters, digits and dashes (part-1-the-grip). "
                "Give the part its title in mkdocs.yml, under extra.course.parts.",
            )
        ]
    if len(folders) < 2:
        return []
    name = PurePosixPath(path).name
    return [
        error(
            path,
            1,
            1,
            f"a lesson file can be in lessons/ or in one sub-folder of it, not {len(folders)} folders deep",
            f"Move it to lessons/{folders[0]}/{name}. A sub-folder of lessons/ is a part of the course, "
            "and its name becomes the part's title in the menu.",
        )
    ]


def menu_key(path: str) -> tuple[bool, str]:
    """Return where MkDocs' menu puts a lesson file: lessons at the top of lessons/ first, then parts by name."""
    part = lesson_part(path)
    return bool(part), part


def menu_order(lessons: list) -> list[Diagnostic]:
    """Warn about a lesson that the menu lists before its part's place in the order ('Next lesson' follows order)."""
    placed = [c for c in lessons if isinstance(c.values.get("order"), int) and len(lesson_folders(c.out.path)) < 2]
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
                "The menu lists the lessons at the top of lessons/ first, then each part by folder name; "
                "'Next lesson' follows the order numbers. Move the file into the right part, renumber the "
                "lessons, or name the folders so they sort in course order (part-01, part-02, ...).",
            )
        )
    return problems


def part_name(path: str) -> str:
    """Name the place of a lesson file in the menu, for messages."""
    part = lesson_part(path)
    return f"part '{part}'" if part else "the lessons at the top of lessons/"


def duplicate_across(files: list, key: str, kind: str) -> list[Diagnostic]:
    """Report a value of `key` that more than one file of a kind uses."""
    counts = Counter(c.values.get(key) for c in files if c.values.get(key) is not None)
    seen: dict = {}
    problems = []
    for c in sorted(files, key=lambda c: c.out.path):
        value = c.values.get(key)
        if value is None or counts[value] < 2:
            continue
        if value in seen:
            problems.append(
                error(
                    c.out.path,
                    *c.out.at((key,)),
                    f"{kind} {key} '{value}' is also used by {seen[value]}",
                    f"Each {kind} needs its own {key}.",
                )
            )
        else:
            seen[value] = c.out.path
    return problems


def missing_reference(checked, where: tuple, lesson_id: str | None, lesson_ids: list[str]) -> list[Diagnostic]:
    """Report a reference to a lesson id that no lesson file has."""
    if not lesson_id or lesson_id in lesson_ids:
        return []
    return [
        error(
            checked.out.path,
            *checked.out.at(where),
            f"no lesson has the id '{lesson_id}'" + did_you_mean(lesson_id, lesson_ids),
            "Lesson ids: " + ", ".join(sorted(lesson_ids)) + ".",
        )
    ]
