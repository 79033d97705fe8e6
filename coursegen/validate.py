"""Second validation pass: the rules, across files, then the typed model.

Every problem in every file is collected; the model is returned only when there is no error.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import rules
from .convert import Converted, convert_record
from .diagnostics import Diagnostic, error, has_errors, warning
from .load import Loaded
from .model import Care, Course, Figure, Lesson, Mistake, Option, Program, Question, Quiz, Section, Settings, Trainer
from .schema import CARE_TIERS, LESSON, PROGRAM, QUIZ, SETTINGS


@dataclass(frozen=True)
class Sources:
    """Every loaded course file, grouped by kind."""

    lessons: tuple[Loaded, ...]
    quizzes: tuple[Loaded, ...]
    programs: tuple[Loaded, ...]
    config: Loaded


def validate_course(sources: Sources, *, docs_dir: Path, env: Mapping[str, str]) -> tuple[Course | None, list]:
    """Validate every file, then the links between them; return the course and all diagnostics."""
    diagnostics: list[Diagnostic] = [d for group in all_loaded(sources) for d in group.diagnostics]
    diagnostics += [d for f in sources.lessons for d in rules.lesson_place(f.path)]
    settings = read_settings(sources.config, docs_dir=docs_dir, env=env, diagnostics=diagnostics)
    lessons = [read_file(f, LESSON, build_lesson, docs_dir, diagnostics) for f in sources.lessons]
    quizzes = [read_file(f, QUIZ, build_quiz, docs_dir, diagnostics) for f in sources.quizzes]
    programs = [read_file(f, PROGRAM, build_program, docs_dir, diagnostics) for f in sources.programs]
    all_lessons_read = all(x is not None and x.values.get("id") for x in lessons)
    diagnostics += rules.cross_file(
        [x for x in lessons + quizzes + programs if x is not None], all_lessons_read=all_lessons_read
    )
    if has_errors(diagnostics) or settings is None:
        return None, diagnostics
    course = Course(
        settings=settings,
        lessons=tuple(sorted((x.model for x in lessons), key=lambda les: les.order)),
        quizzes=tuple(x.model for x in quizzes),
        programs=tuple(x.model for x in programs),
    )
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


def read_file(loaded: Loaded, record, build, docs_dir: Path, diagnostics: list) -> Checked | None:
    """Convert and check one file; the model is built only when the file has no error."""
    if loaded.node is None or has_errors(loaded.diagnostics):
        return None
    out = Converted(loaded.path)
    values = convert_record(loaded.node, record, out)
    if values is not None:
        rules.check(record.name, values, out, docs_dir=docs_dir)
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
        practitioner=values.get("practitioner") or "",
    )


def build_quiz(values: dict, path: str) -> Quiz:
    """Make a Quiz from checked values."""
    care = values.get("care") or {}
    return Quiz(
        id=values["id"],
        lesson=values["lesson"],
        title=values.get("title") or "",
        source=path,
        questions=tuple(build_question(q) for q in values["questions"]),
        intro=values.get("intro") or "",
        scored=values.get("scored", True),
        care=tuple(Care(tier, care[tier]["title"], care[tier]["message"]) for tier in CARE_TIERS if tier in care),
    )


def build_question(values: dict) -> Question:
    """Make a Question; a true-false question becomes two options, True and False."""
    if values["type"] == "true-false":
        options = tuple(
            Option(key, text, correct=values["answer"] is flag, feedback=values.get(f"feedback_{key}") or "")
            for key, text, flag in (("true", "True", True), ("false", "False", False))
        )
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
        tier=values.get("tier") or "",
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
    )


def read_settings(config: Loaded, *, docs_dir: Path, env: Mapping[str, str], diagnostics: list) -> Settings | None:
    """Read site_name, site_url and the validated `extra:` settings from mkdocs.yml."""
    if config.node is None:
        return None
    if not isinstance(config.node, yaml.MappingNode):
        diagnostics.append(error(config.path, 1, 1, "mkdocs.yml should be a mapping of settings"))
        return None
    top = {k.value: v for k, v in config.node.value if isinstance(k, yaml.ScalarNode)}
    site_name = scalar_setting(top.get("site_name"), env)
    if not site_name:
        diagnostics.append(error(config.path, 1, 1, "mkdocs.yml has no site_name", "Add:\n  site_name: My course"))
    site_url = scalar_setting(top.get("site_url"), env)
    if not site_url:
        diagnostics.append(
            warning(
                config.path,
                1,
                1,
                "site_url is not set in mkdocs.yml",
                "Share links, link previews and QR codes need the address where the site "
                "is published:\n  site_url: https://example.com/course/",
            )
        )
    out = Converted(config.path)
    extra = top.get("extra")
    values: dict = {}
    if extra is not None:
        known = yaml.MappingNode(
            "tag:yaml.org,2002:map",
            [(k, v) for k, v in getattr(extra, "value", []) if getattr(k, "value", None) in ("course", "trainer")],
            extra.start_mark,
            extra.end_mark,
        )
        values = convert_record(known, SETTINGS, out, ("extra",)) or {}
        rules.check("extra", values, out, docs_dir=docs_dir)
    diagnostics += out.diagnostics
    if has_errors(out.diagnostics) or not site_name:
        return None
    course = values.get("course") or {}
    return Settings(
        site_name=site_name,
        site_url=site_url or "",
        offline=course.get("offline", True),
        theme_color=course.get("theme_color") or "#00695c",
        trainer=Trainer(**{k: v for k, v in (values.get("trainer") or {}).items() if v}),
    )


def scalar_setting(node: yaml.Node | None, env: Mapping[str, str]) -> str:
    """Return a top-level mkdocs.yml string, resolving MkDocs' `!ENV` tag from `env`."""
    if node is None:
        return ""
    if node.tag == "!ENV":
        names = [n.value for n in node.value] if isinstance(node, yaml.SequenceNode) else [node.value]
        for name in names[:-1] if len(names) > 1 else names:
            if env.get(name):
                return env[name]
        return names[-1] if len(names) > 1 else ""
    return node.value if isinstance(node, yaml.ScalarNode) and not node.tag.endswith(":null") else ""
