"""`init`: make a new course folder that builds at once, in the course's language."""

from __future__ import annotations

from pathlib import Path

import yaml

from ..source import scaffold
from ..source.json_schema import schema_files
from .installation import PACKAGE
from .outcome import Outcome


def init_course(folder: Path, *, name: str | None = None, language: str = "en", short: str | None = None) -> Outcome:
    """Make a new course folder that builds at once: one lesson, quiz and program, in the course's language."""
    if folder.exists() and any(folder.iterdir()):
        return Outcome(False, message=f"{folder} is not empty; pick a new folder for the course.")
    title = name or folder.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My course"
    problem = scaffold.init_problem(name=title, language=language)
    problem = problem or scaffold.init_problem(name=short or "", language=language)
    if problem:
        return Outcome(False, message=problem)
    starters = {p.stem: p for p in sorted((PACKAGE / "catalogues/starter").glob("*.yml"))}
    if language not in starters:
        return Outcome(False, message=f"No catalogue for '{language}'; init knows: {', '.join(starters)}.")
    words = yaml.safe_load(starters[language].read_text(encoding="utf-8"))
    short = short or scaffold.short_name(title, small_words=words["small_words"])
    if not short or len(short) > 12:
        return Outcome(False, message=f"'{title}' has no short form of 12 characters: add --short-name NAME.")
    files = scaffold.course_files(name=title, short=short, language=language, words=words, schemas=schema_files())
    try:
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    except OSError as exc:
        return Outcome(False, message=f"cannot write the course into {folder}: {exc.strerror}")
    return Outcome(True, message=f"Made a new course in {folder}. Next: cd {folder} && coursegen build")
