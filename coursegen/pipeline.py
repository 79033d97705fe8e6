"""The build pipeline: read every source, validate, render, then write docs/ and swap in a new site.

Everything is read and checked before anything is written. A failed step leaves docs/ and site/ as
they were.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import Diagnostic, error, has_errors, promote_warnings, sort_key
from .images import figure_sizes
from .load import Loaded, load
from .model import Course
from .offline import render_offline_files, write_service_worker
from .render import render_course
from .share import render_share_files
from .validate import Sources, validate_course
from .write import Content, Plan, apply_plan, plan_writes, read_manifest, recover_site, swap_site

SOURCE_FOLDERS = ("lessons", "quizzes", "programs")
NESTED_FOLDERS = ("lessons", "quizzes")  # lessons in parts (lessons/week-1/), quizzes anywhere under quizzes/
CONFIG = "mkdocs.yml"
MKDOCS_TAGS = frozenset({"!ENV", "!relative"})


@dataclass(frozen=True)
class Generated:
    """The outcome of reading and rendering: diagnostics, the course, and the pages and plan if valid."""

    diagnostics: tuple[Diagnostic, ...]
    course: Course | None = None
    pages: dict[str, Content] = field(default_factory=dict)
    plan: Plan | None = None
    texts: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """Tell whether the build may go on."""
        return self.plan is not None and not has_errors(self.diagnostics)


def read_sources(project: Path) -> Sources:
    """Load mkdocs.yml and every lesson, quiz and program file, in a stable order."""
    groups = {name: tuple(load_file(project, p) for p in source_files(project, name)) for name in SOURCE_FOLDERS}
    config_path = project / CONFIG
    if config_path.is_file():
        config = load_file(project, config_path, extra_tags=MKDOCS_TAGS)
    else:
        config = Loaded(
            CONFIG,
            "",
            None,
            (
                error(
                    CONFIG,
                    1,
                    1,
                    "mkdocs.yml is missing",
                    "Run the build from the course folder, the one holding mkdocs.yml.",
                ),
            ),
        )
    return Sources(groups["lessons"], groups["quizzes"], groups["programs"], config)


def source_files(project: Path, folder: str) -> list[Path]:
    """Return the YAML files of one source folder, sorted by name; lessons and quizzes may sit in sub-folders."""
    base = project / folder
    found = base.rglob("*") if folder in NESTED_FOLDERS else base.glob("*")
    return sorted(p for p in found if p.suffix in (".yml", ".yaml") and p.is_file()) if base.is_dir() else []


def load_file(project: Path, path: Path, *, extra_tags: frozenset[str] = frozenset()) -> Loaded:
    """Read and load one file, naming it relative to the project."""
    name = path.relative_to(project).as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return Loaded(name, "", None, (error(name, 1, 1, f"cannot read the file: {exc.strerror}"),))
    return load(data, path=name, extra_tags=extra_tags)


def generate(project: Path, *, strict: bool = False, env: Mapping[str, str] | None = None) -> Generated:
    """Read, validate and render the course, and plan the writes to docs/, without writing anything."""
    sources = read_sources(project)
    texts = {f.path: f.text for f in [sources.config, *sources.lessons, *sources.quizzes, *sources.programs]}
    docs_dir = project / "docs"
    course, diagnostics = validate_course(sources, docs_dir=docs_dir, env=os.environ if env is None else env)
    if strict:
        diagnostics = promote_warnings(diagnostics)
    diagnostics = sorted(diagnostics, key=sort_key)
    if course is None or has_errors(diagnostics):
        return Generated(tuple(diagnostics), course, texts=texts)
    pages = render_pages(course, docs_dir=docs_dir)
    plan = plan_writes(pages, docs_dir=docs_dir, manifest=read_manifest(project))
    return Generated(tuple(diagnostics) + plan.problems, course, pages, plan, texts)


def render_pages(course: Course, *, docs_dir: Path) -> dict[str, Content]:
    """Render every generated file of the course, keyed by its path under docs/."""
    figures = [f.src for lesson in course.lessons for f in lesson.figures]
    figures += [o.image for quiz in course.quizzes for q in quiz.questions for o in q.options if o.image]
    pages: dict[str, Content] = dict(render_course(course, image_sizes=figure_sizes(figures, docs_dir=docs_dir)))
    pages |= render_share_files(course, pages={p: t for p, t in pages.items() if isinstance(t, str)})
    pages |= render_offline_files(course.settings)
    return pages


def write_docs(project: Path, generated: Generated) -> int:
    """Apply the planned writes to docs/; return how many files changed."""
    plan = generated.plan
    apply_plan(plan, project=project, docs_dir=project / "docs", pages=generated.pages)
    return len(plan.writes) + len(plan.deletes)


def build_site(project: Path, *, site_dir: Path, offline: bool = True, engine: str = "mkdocs") -> tuple[bool, str]:
    """Build the site into a temporary folder with MkDocs or Zensical, and swap it in only if the build succeeds."""
    recover_site(site_dir)
    remove_stale_builds(site_dir)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    temporary.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    config = project / f".zensical-{temporary.name}.yml"
    try:
        if engine == "zensical":
            config.write_text(zensical_config(project, site_dir=temporary), encoding="utf-8")
            command = [str(Path(sys.executable).with_name("zensical")), "build", "--strict", "-f", config.name]
        else:
            command = mkdocs_command("build", "--strict", "--site-dir", str(temporary))
        result = subprocess.run(command, cwd=project, env=engine_env(project), capture_output=True, text=True)
        if result.returncode != 0:
            return False, result.stdout + result.stderr
        write_service_worker(temporary, offline=offline)
        swap_site(temporary, site_dir)
        return True, result.stdout + result.stderr
    finally:
        config.unlink(missing_ok=True)
        if temporary.exists():
            shutil.rmtree(temporary)


def zensical_config(project: Path, *, site_dir: Path) -> str:
    """Return mkdocs.yml with site_dir pointing at the temporary folder, since Zensical has no --site-dir."""
    return (project / CONFIG).read_text(encoding="utf-8").rstrip("\n") + f"\nsite_dir: {site_dir.as_posix()}\n"


def remove_stale_builds(site_dir: Path) -> None:
    """Remove temporary build folders left behind by a build that was killed."""
    for stale in site_dir.parent.glob(f".{site_dir.name}-*"):
        if stale.is_dir():
            shutil.rmtree(stale, ignore_errors=True)


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
