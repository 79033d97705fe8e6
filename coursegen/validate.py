"""Second validation pass: the rules, across files, then the typed model.

Every problem in every file is collected; the model is returned only when there is no error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from . import paths, rules
from .convert import Converted, convert_record
from .diagnostics import Diagnostic, error, has_errors
from .load import Loaded
from .model import (
    Callout,
    Course,
    DocsFiles,
    Dose,
    DoseOverride,
    Figure,
    Lesson,
    Level,
    Mistake,
    Option,
    Practice,
    Program,
    Question,
    Quiz,
    Section,
    Settings,
)
from .schema import LESSON, PROGRAM, QUESTION_TYPES, QUIZ
from .settings import read_settings, setting_line


@dataclass(frozen=True)
class Sources:
    """Every loaded course file, grouped by kind."""

    lessons: tuple[Loaded, ...]
    quizzes: tuple[Loaded, ...]
    programs: tuple[Loaded, ...]
    config: Loaded


def validate_course(
    sources: Sources, *, catalogues: Mapping[str, Mapping], docs: DocsFiles, env: Mapping[str, str]
) -> tuple[Course | None, list]:
    """Validate every file, then the links between them; return the course and all diagnostics."""
    diagnostics: list[Diagnostic] = [d for group in all_loaded(sources) for d in group.diagnostics]
    diagnostics += [d for f in sources.lessons for d in rules.lesson_place(f.path)]
    diagnostics += [escaping_link(rel) for rel in sorted(docs.escapes)]
    settings = read_settings(sources.config, catalogues=catalogues, docs=docs, env=env, diagnostics=diagnostics)
    lessons = [read_file(f, LESSON, build_lesson, docs, diagnostics) for f in sources.lessons]
    quizzes = [read_file(f, QUIZ, build_quiz, docs, diagnostics) for f in sources.quizzes]
    programs = [read_file(f, PROGRAM, build_program, docs, diagnostics) for f in sources.programs]
    all_lessons_read = all(x is not None and x.values.get("id") for x in lessons)
    diagnostics += rules.cross_file(
        [x for x in lessons + quizzes + programs if x is not None], all_lessons_read=all_lessons_read
    )
    if settings is not None and all_lessons_read:
        diagnostics += settings_references(settings, sources.config, [x.model for x in lessons if x and x.model])
    if has_errors(diagnostics) or settings is None:
        return None, diagnostics
    course = Course(
        settings=settings,
        lessons=tuple(sorted((x.model for x in lessons), key=lambda les: les.order)),
        quizzes=tuple(x.model for x in quizzes),
        programs=tuple(x.model for x in programs),
    )
    diagnostics += colliding_files(course)
    if has_errors(diagnostics):
        return None, diagnostics
    return course, diagnostics


def all_loaded(sources: Sources) -> list[Loaded]:
    """Return every loaded file, the config first."""
    return [sources.config, *sources.lessons, *sources.quizzes, *sources.programs]


@dataclass(frozen=True)
class Checked:
    """One file after checking: its kind, its values (even if invalid), positions, and model if valid."""

    kind: str
    values: dict
    out: Converted
    model: object | None


def read_file(loaded: Loaded, record, build, docs: DocsFiles, diagnostics: list) -> Checked | None:
    """Convert and check one file; the model is built only when the file has no error."""
    if loaded.node is None or has_errors(loaded.diagnostics):
        return None
    out = Converted(loaded.path)
    values = convert_record(loaded.node, record, out)
    if values is not None:
        rules.check(record.name, values, out, docs=docs)
    diagnostics += out.diagnostics
    if values is None:
        return None
    model = None if has_errors(out.diagnostics) else build(values, loaded.path)
    return Checked(record.name, values, out, model)


def build_lesson(values: dict, path: str) -> Lesson:
    """Make a Lesson from checked values."""
    return Lesson(
        id=values["id"],
        title=values["title"],
        summary=values["summary"],
        order=values["order"],
        source=path,
        part=rules.lesson_part(path),
        figures=tuple(Figure(f["src"], f["alt"], f.get("caption") or "") for f in values.get("figures") or ()),
        sections=tuple(Section(s["heading"], s["body"]) for s in values.get("sections") or ()),
        steps=tuple(values.get("steps") or ()),
        cues=tuple(values.get("cues") or ()),
        mistakes=tuple(Mistake(m["mistake"], m["fix"]) for m in values.get("mistakes") or ()),
        easier=values.get("easier") or "",
        harder=values.get("harder") or "",
        callouts=tuple(Callout(c.get("style") or "note", c["title"], c["text"]) for c in values.get("callouts") or ()),
        practice=tuple(build_practice(p, values.get("figures") or ()) for p in values.get("practice") or ()),
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
    )


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
        doses=tuple(
            DoseOverride(d["lesson"], d.get("sets") or 0, d.get("reps") or 0, d.get("hold") or 0, d.get("rest", -1))
            for d in values.get("doses") or ()
        ),
    )


def settings_references(settings: Settings, config: Loaded, lessons: list[Lesson]) -> list[Diagnostic]:
    """Check that the notice links to a lesson that exists, and that every titled part is a folder of lessons/."""
    problems = []
    ids = [lesson.id for lesson in lessons]
    notice = settings.notice
    if notice and notice.link and notice.link not in ids:
        problems.append(
            error(
                config.path,
                *setting_line(config.node, "extra", "course", "notice", "link"),
                f"the notice links to '{notice.link}', but no lesson has that id{rules.did_you_mean(notice.link, ids)}",
                "Lesson ids: " + ", ".join(sorted(ids)) + ".",
            )
        )
    if notice and notice.link and not notice.link_text:
        problems.append(
            error(
                config.path,
                *setting_line(config.node, "extra", "course", "notice", "link"),
                "the notice's link needs 'link_text': the words readers tap",
                "For example:\n      link_text: What to do if you cut yourself",
            )
        )
    problems += pain_rule_references(settings, config, ids)
    folders = sorted({lesson.part for lesson in lessons if lesson.part})
    for index, folder in enumerate(settings.parts):
        if folder not in folders:
            problems.append(
                error(
                    config.path,
                    *setting_line(config.node, "extra", "course", "parts", index, "folder"),
                    f"part '{folder}' has a title, but lessons/ has no folder of that name"
                    + rules.did_you_mean(folder, folders),
                    "Part folders: " + (", ".join(folders) or "none") + ".",
                )
            )
    return problems


def pain_rule_references(settings: Settings, config: Loaded, ids: list[str]) -> list[Diagnostic]:
    """Check that the pain rule links to a lesson that exists, with words to tap."""
    rule = settings.pain_rule
    if not rule or not rule.link:
        return []
    where = setting_line(config.node, "extra", "course", "pain_rule", "link")
    if rule.link not in ids:
        return [
            error(
                config.path,
                *where,
                f"the pain rule links to '{rule.link}', but no lesson has that id{rules.did_you_mean(rule.link, ids)}",
                "Lesson ids: " + ", ".join(sorted(ids)) + ".",
            )
        ]
    if not rule.link_text:
        return [error(config.path, *where, "the pain rule's link needs 'link_text': the words readers tap")]
    return []


def escaping_link(rel: str) -> Diagnostic:
    """Refuse a link under docs/ that leads outside the course folder: the site would publish what it points to."""
    return error(
        f"docs/{rel}",
        1,
        1,
        "this is a link to a file or folder outside the course folder, and the site would publish it",
        "Copy what you need into docs/ and remove the link.",
    )


def colliding_files(course: Course) -> list[Diagnostic]:
    """Refuse two pages whose generated files (page, preview card, QR code) would have the same name."""
    owners: dict[str, str] = {}
    problems = []
    pages = [(paths.lesson_page(les, course), les.source) for les in course.lessons]
    pages += [(paths.quiz_page(q, course), q.source) for q in course.quizzes]
    pages += [(page(p), p.source) for p in course.programs for page in (paths.program_page, paths.handout_page)]
    for page, source in pages:
        for made in (page, paths.preview_image(page), paths.qr_code(page)):
            if made in owners and owners[made] != source:
                problems.append(
                    error(
                        source,
                        1,
                        1,
                        f"this file's page would make docs/{made}, which {owners[made]} makes too",
                        "Rename an id or a part folder so that the two differ.",
                    )
                )
                break
            owners[made] = source
    return problems
