"""Helpers shared by the tests: copy the project with a course into a temporary folder, and run build.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "sample"
PROJECT_PARTS = ("build.py", "coursegen", "mkdocs.yml", "overrides", "docs/assets")
COURSE_PARTS = ("lessons", "quizzes", "programs", "docs")


def copy_project(target: Path, *, course: Path = SAMPLE) -> Path:
    """Copy the generator and theme, plus a course's lessons, quizzes, programs and docs, into `target`.

    `course` is the sample course by default; pass ROOT for the real course.
    """
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    for part in COURSE_PARTS:
        if (course / part).is_dir():
            shutil.copytree(course / part, target / part, dirs_exist_ok=True, ignore=ignore_generated)
    return target


def ignore_generated(folder: str, names: list[str]) -> list[str]:
    """Skip the pages a previous build generated, so a copy starts as a fresh clone would."""
    generated = ("lessons", "quizzes", "programs", "icons", "manifest.webmanifest", "previews", "qr", "calendar")
    return [n for n in names if Path(folder).name == "docs" and n in generated]


def run_build(project: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `build.py` in a project and capture its output."""
    return subprocess.run(
        [sys.executable, "build.py", *args],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=300,
    )
