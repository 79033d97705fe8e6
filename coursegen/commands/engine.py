"""Running the site engine, MkDocs or Zensical, in the course folder with a reproducible environment."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

from ..model import paths
from .installed import isolated_command
from .read import CONFIG


def run_engine(project: Path, *, engine: str, site_dir: Path) -> tuple[bool, str]:
    """Build the site into a folder with MkDocs or Zensical; return whether it succeeded, and what it printed."""
    with engine_command(project, engine=engine, site_dir=site_dir) as command:
        result = subprocess.run(command, cwd=project, env=engine_env(project), capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


@contextlib.contextmanager
def engine_command(project: Path, *, engine: str, site_dir: Path) -> Iterator[list[str]]:
    """Yield the command that builds the site into `site_dir`; Zensical's own config lives as long as the build."""
    if engine != "zensical":
        yield mkdocs_command("build", "--strict", "--site-dir", str(site_dir))
        return
    config = project / f".zensical-{site_dir.name}.yml"
    templates = project / f".zensical-{site_dir.name}-templates"
    try:
        copy_templates(project / paths.OVERRIDES, templates)
        config.write_text(zensical_config(site_dir=site_dir, templates=templates), encoding="utf-8")
        yield isolated_command("zensical", "build", "--strict", "-f", config.name)
    finally:
        config.unlink(missing_ok=True)
        shutil.rmtree(templates, ignore_errors=True)


def copy_templates(overrides: Path, target: Path) -> None:
    """Copy the templates (*.html) of overrides/ into `target`, the only theme files Zensical is shown.

    Zensical publishes every file of `theme.custom_dir` that is not a template, README.md included;
    MkDocs leaves READMEs out. Nothing else in overrides/ belongs on the site.
    """
    target.mkdir()
    for template in sorted(overrides.rglob("*.html")):
        if template.is_file() and not template.is_symlink():
            destination = target / template.relative_to(overrides)
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(template, destination)


def engine_problem(engine: str) -> str:
    """Say why an engine cannot run here, or nothing."""
    if engine == "zensical" and not zensical_path().exists():
        return "Zensical is not installed in this environment; install it with: make site ENGINE=zensical"
    return ""


def zensical_path() -> Path:
    """Return where Zensical's command is, beside this Python."""
    return Path(sys.executable).with_name("zensical")


def zensical_config(*, site_dir: Path, templates: Path) -> str:
    """Return Zensical's config for one build: mkdocs.yml, with what Zensical must do differently from MkDocs.

    Zensical has no --site-dir; it reads the templates from their own folder (`copy_templates`); and its
    `classic` variant is the look the theme is made for (the default, `modern`, draws a white header where
    the course's colour belongs). JSON strings are YAML strings, so any folder name is quoted safely.
    """
    lines = (
        "# Written by build.py for one Zensical build, and removed after it.",
        f"INHERIT: {CONFIG}",
        f"site_dir: {json.dumps(site_dir.as_posix())}",
        "theme:",
        f"  custom_dir: {json.dumps(templates.name)}",
        "  variant: classic",
    )
    return "\n".join(lines) + "\n"


def mkdocs_command(*args: str) -> list[str]:
    """Return the command that runs MkDocs with this Python, in isolated mode: no module of the course folder."""
    return isolated_command("mkdocs", *args)


def engine_env(project: Path | None = None) -> dict[str, str]:
    """Return the environment for MkDocs: no end-of-life notices, and a fixed build date for reproducible output.

    The build date (used in sitemap.xml) is SOURCE_DATE_EPOCH when set, else the time of the project's
    last git commit, so two builds of the same commit give byte-identical sites.
    """
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
    if "SOURCE_DATE_EPOCH" not in env and project is not None:
        epoch = last_commit_time(project)
        if epoch:
            env["SOURCE_DATE_EPOCH"] = epoch
    return env


def last_commit_time(project: Path) -> str:
    """Return the Unix time of the last git commit in the project, or an empty string outside git."""
    try:
        result = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=project, capture_output=True, text=True)
    except OSError:
        return ""
    return result.stdout.strip() if result.returncode == 0 else ""
