"""Running the site engine, MkDocs or Zensical, in the course folder with a reproducible environment."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from .read import CONFIG


def run_engine(project: Path, *, engine: str, site_dir: Path) -> tuple[bool, str]:
    """Build the site into a folder with MkDocs or Zensical; return whether it succeeded, and what it printed."""
    config = project / f".zensical-{site_dir.name}.yml"
    try:
        if engine == "zensical":
            config.write_text(zensical_config(project, site_dir=site_dir), encoding="utf-8")
            command = [str(zensical_path()), "build", "--strict", "-f", config.name]
        else:
            command = mkdocs_command("build", "--strict", "--site-dir", str(site_dir))
        result = subprocess.run(command, cwd=project, env=engine_env(project), capture_output=True, text=True)
        return result.returncode == 0, result.stdout + result.stderr
    finally:
        config.unlink(missing_ok=True)


def engine_problem(engine: str) -> str:
    """Say why an engine cannot run here, or nothing."""
    if engine == "zensical" and not zensical_path().exists():
        return "Zensical is not installed in this environment; install it with: make site ENGINE=zensical"
    return ""


def zensical_path() -> Path:
    """Return where Zensical's command is, beside this Python."""
    return Path(sys.executable).with_name("zensical")


def zensical_config(project: Path, *, site_dir: Path) -> str:
    """Return mkdocs.yml with site_dir pointing at the temporary folder, since Zensical has no --site-dir."""
    return (project / CONFIG).read_text(encoding="utf-8").rstrip("\n") + f"\nsite_dir: {site_dir.as_posix()}\n"


def mkdocs_command(*args: str) -> list[str]:
    """Return the command that runs MkDocs with this Python."""
    return [sys.executable, "-m", "mkdocs", *args]


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
