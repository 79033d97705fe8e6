"""Helpers shared by the tests: copy the project with a course into a temporary folder, and run build.py."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "tests" / "sample"
PROJECT_PARTS = ("build.py", "coursegen")
COURSE_PARTS = ("mkdocs.yml", "lessons", "quizzes", "programs", "docs", "overrides")
GENERATED = {
    "docs": ("lessons", "quizzes", "programs", "icons", "manifest.webmanifest", "previews", "qr", "calendar", "shared"),
    "assets": ("coursegen",),
    "overrides": ("main.html", "partials"),
}


def copy_project(target: Path, *, course: Path = SAMPLE) -> Path:
    """Copy the engine, plus a course's settings, lessons, quizzes, programs, docs and overrides, into `target`.

    `course` is the sample course by default; pass ROOT for the real course. What the course lacks
    (overrides/, for instance) comes from the real course.
    """
    for part in PROJECT_PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            (target / part).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / part)
    for part in COURSE_PARTS:
        source = course / part if (course / part).exists() else ROOT / part
        if source.is_dir():
            shutil.copytree(source, target / part, dirs_exist_ok=True, ignore=ignore_generated)
        elif source.is_file():
            shutil.copy2(source, target / part)
    return target


def ignore_generated(folder: str, names: list[str]) -> list[str]:
    """Skip the files a previous build generated, so a copy starts as a fresh clone would."""
    return [n for n in names if n in GENERATED.get(Path(folder).name, ())]


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


def search_fragments(site: Path) -> list[dict]:
    """Return the page fragments Pagefind wrote into a built MkDocs site: each page's url, meta and text."""
    import gzip
    import json

    found = []
    for path in sorted((site / "pagefind/fragment").glob("*.pf_fragment")):
        data = gzip.decompress(path.read_bytes())
        found.append(json.loads(data[data.index(b"{") :]))
    return found
