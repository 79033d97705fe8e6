"""The course from its files: each file checked top to bottom by its own module, then what only all of them
together show; the typed model is returned only when there is no error.

Every problem in every file is collected, in one pass over each file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from ..model import paths
from ..model.course import Course, DocsFiles
from ..model.diagnostics import Diagnostic, error, has_errors
from ..model.installed import Installed
from .lesson import check_lessons_together, read_lesson
from .load import Loaded
from .practice import dose_mismatches
from .program import check_programs_together, read_program
from .quiz import check_quizzes_together, read_quiz
from .settings import check_settings_references, read_settings


@dataclass(frozen=True)
class Sources:
    """Every loaded course file, grouped by kind."""

    lessons: tuple[Loaded, ...]
    quizzes: tuple[Loaded, ...]
    programs: tuple[Loaded, ...]
    config: Loaded


def validate_course(
    sources: Sources,
    *,
    catalogues: Mapping[str, Mapping],
    docs: DocsFiles,
    env: Mapping[str, str],
    installed: Installed | None = None,
) -> tuple[Course | None, list]:
    """Check every file, then what the files say about each other; return the course and all diagnostics."""
    diagnostics: list[Diagnostic] = [escaping_link(rel) for rel in sorted(docs.escapes)]
    settings = read_settings(
        sources.config, catalogues=catalogues, docs=docs, env=env, diagnostics=diagnostics, installed=installed
    )
    lessons = [read_lesson(f, docs=docs, diagnostics=diagnostics) for f in sources.lessons]
    quizzes = [read_quiz(f, docs=docs, diagnostics=diagnostics) for f in sources.quizzes]
    programs = [read_program(f, diagnostics=diagnostics) for f in sources.programs]
    # References to lessons are checked only when every lesson file could be read, so that one broken
    # lesson does not also show up as a missing lesson in every quiz and program that names it.
    all_lessons_read = all(x is not None and x.values.get("id") for x in lessons)
    lessons, quizzes, programs = ([x for x in group if x is not None] for group in (lessons, quizzes, programs))
    lesson_ids = [x.values["id"] for x in lessons if x.values.get("id")] if all_lessons_read else None
    diagnostics += check_lessons_together(lessons, quizzes=quizzes, all_lessons_read=all_lessons_read)
    diagnostics += check_quizzes_together(quizzes, lesson_ids=lesson_ids)
    diagnostics += check_programs_together(programs, lesson_ids=lesson_ids)
    if all_lessons_read:
        diagnostics += dose_mismatches(programs, lessons)
    if settings is not None and all_lessons_read:
        diagnostics += check_settings_references(settings, sources.config, [x.model for x in lessons if x.model])
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
