"""`init`: make a new course folder that builds at once."""

from __future__ import annotations

from pathlib import Path

from ..source import scaffold
from ..source.json_schema import schema_files
from .outcome import Outcome


def init_course(folder: Path, *, name: str | None = None, language: str = "en") -> Outcome:
    """Make a new course folder that builds at once: one lesson, quiz and program, and nothing else's."""
    if folder.exists() and any(folder.iterdir()):
        return Outcome(False, message=f"{folder} is not empty; pick a new folder for the course.")
    title = name or folder.resolve().name.replace("-", " ").replace("_", " ").strip().capitalize() or "My course"
    files = scaffold.course_files(name=title, language=language, schemas=schema_files())
    try:
        for rel, text in files.items():
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(text, encoding="utf-8")
    except OSError as exc:
        return Outcome(False, message=f"cannot write the course into {folder}: {exc.strerror}")
    return Outcome(True, message=f"Made a new course in {folder}. Next: cd {folder} && coursegen build")
