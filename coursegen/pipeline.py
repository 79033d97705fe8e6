"""The build pipeline: read every source, validate, render, then write docs/ and swap in a new site.

Everything is read and checked before anything is written. A failed step leaves docs/ and site/ as
they were.
"""

from __future__ import annotations

import contextlib
import fcntl
import functools
import importlib.util
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from . import paths, scaffold, share
from .diagnostics import Diagnostic, error, has_errors, promote_warnings, sort_key
from .gate import check_site
from .guide import update_guide
from .icons import Artwork, Fonts
from .images import figure_sizes
from .json_schema import schema_files
from .load import MAX_FILE_BYTES, Loaded, load, too_big
from .model import Course, DocsFiles, Settings
from .offline import icon_key, icons, manifest_json, service_worker
from .render import page_heads, render_course
from .theme import Stylesheet, theme_files
from .validate import Sources, validate_course
from .write import Content, Plan, apply_plan, plan_writes, read_manifest, recover_site, swap_site, write_atomic

SOURCE_FOLDERS = ("lessons", "quizzes", "programs")
NESTED_FOLDERS = ("lessons", "quizzes")  # lessons in parts (lessons/week-1/), quizzes anywhere under quizzes/
CONFIG = "mkdocs.yml"
MKDOCS_TAGS = frozenset({"!ENV", "!relative"})
PACKAGE = Path(__file__).resolve().parent
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
LOCK = ".coursegen.lock"
GATE_FAILED = "The built site holds something that could run script in a reader's browser:\n"
DRAWING_CACHE = (
    ".coursegen-cache/drawings"  # cards, QR codes and icons by a hash of what they show: a rebuild draws only new ones
)


@dataclass(frozen=True)
class Generated:
    """The outcome of reading and rendering: diagnostics, the course, and the pages and plan if valid."""

    diagnostics: tuple[Diagnostic, ...]
    course: Course | None = None
    pages: dict[str, Content] = field(default_factory=dict)
    plan: Plan | None = None
    texts: dict[str, str] = field(default_factory=dict)
    new_drawings: dict[str, bytes] = field(default_factory=dict)  # cards, QR codes and icons drawn now, for the cache

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
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:  # refused from its size, before a byte of it is read
            return too_big(name, size)
        data = path.read_bytes()
    except OSError as exc:
        return Loaded(name, "", None, (error(name, 1, 1, f"cannot read the file: {exc.strerror}"),))
    return load(data, path=name, extra_tags=extra_tags)


def read_catalogues() -> dict[str, dict]:
    """Read the strings catalogues that ship with the engine, keyed by language code."""
    folder = PACKAGE / "catalogues"
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: ten times faster
    return {p.stem: yaml.load(p.read_text(encoding="utf-8"), Loader=loader) for p in sorted(folder.glob("*.yml"))}


def read_theme() -> dict[str, bytes]:
    """Read the engine's theme files, keyed by their path under coursegen/theme/."""
    folder = PACKAGE / "theme"
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def read_material_palette() -> Stylesheet | None:
    """Read the installed Material's palette stylesheet, which course pages carry in palette-and-course.css."""
    spec = importlib.util.find_spec("material")
    if spec is None or not spec.submodule_search_locations:
        return None
    templates = Path(next(iter(spec.submodule_search_locations))) / "templates"
    found = sorted(templates.glob("assets/stylesheets/palette.*.min.css"))
    if len(found) != 1:
        return None
    return Stylesheet(found[0].relative_to(templates).as_posix(), found[0].read_bytes())


def read_fonts() -> Fonts:
    """Read the DejaVu fonts that cards and icons are drawn with, if the machine has them."""

    def read(name: str) -> bytes | None:
        try:
            return (FONT_DIR / name).read_bytes()
        except OSError:
            return None

    return Fonts(read("DejaVuSans.ttf"), read("DejaVuSans-Bold.ttf"))


def read_logo(docs_dir: Path, logo: str) -> Artwork | None:
    """Read the course logo named in mkdocs.yml, if it names one that exists."""
    if not logo:
        return None
    try:
        return Artwork(logo, (docs_dir / logo).read_bytes())
    except OSError:
        return None


def generate(project: Path, *, strict: bool = False, env: Mapping[str, str] | None = None) -> Generated:
    """Read, validate and render the course, and plan the writes, without writing anything."""
    sources = read_sources(project)
    texts = {f.path: f.text for f in [sources.config, *sources.lessons, *sources.quizzes, *sources.programs]}
    course, diagnostics = validate_course(
        sources, catalogues=read_catalogues(), docs=list_docs(project), env=os.environ if env is None else env
    )
    if strict:
        diagnostics = promote_warnings(diagnostics)
    diagnostics = sorted(diagnostics, key=sort_key)
    if course is None or has_errors(diagnostics):
        return Generated(tuple(diagnostics), course, texts=texts)
    pages, new_drawings = render_files(course, project=project)
    plan = plan_writes(pages, project=project, manifest=read_manifest(project))
    return Generated(tuple(diagnostics) + plan.problems, course, pages, plan, texts, new_drawings)


def list_docs(project: Path) -> DocsFiles:
    """Return what docs/ holds for the validator: its files, and the links that lead out of it or of the course.

    Generated folders are left out, and links are not followed, so a link to a big folder costs nothing.
    """
    docs = project / paths.DOCS
    root, course = docs.resolve(), project.resolve()
    files, outside, escapes = set(), set(), set()
    for folder, names, filenames in os.walk(docs):
        here = Path(folder)
        if here == docs:
            names[:] = [n for n in names if n not in paths.GENERATED_FOLDERS]
        elif here == docs / "assets":
            names[:] = [n for n in names if n != paths.THEME_ASSETS]
        for name in [*names, *filenames]:
            path = here / name
            rel = path.relative_to(docs).as_posix()
            target = path.resolve() if path.is_symlink() else None
            if target is not None and not target.is_relative_to(root):
                outside.add(rel)
                if not target.is_relative_to(course):
                    escapes.add(rel)
            elif name in filenames and path.is_file():
                files.add(rel)
    return DocsFiles(frozenset(files), frozenset(outside), frozenset(escapes))


def read_figures(course: Course, docs_dir: Path) -> dict[str, bytes]:
    """Read every figure and picture option the course names, for their sizes."""
    names = {f.src for lesson in course.lessons for f in lesson.figures}
    names |= {o.image for quiz in course.quizzes for q in quiz.questions for o in q.options if o.image}
    figures = {}
    for name in sorted(names):
        try:
            figures[name] = (docs_dir / name).read_bytes()
        except OSError:
            continue
    return figures


def render_files(course: Course, *, project: Path) -> tuple[dict[str, Content], dict[str, bytes]]:
    """Render every generated file of the course, keyed by its path in the course folder.

    Also return the cards, QR codes and icons that were not in the cache and had to be drawn, keyed by cache name.
    """
    docs_dir = project / paths.DOCS
    figures = read_figures(course, docs_dir)
    logo = read_logo(docs_dir, course.settings.logo)
    fonts = read_fonts()
    docs: dict[str, Content] = dict(render_course(course, image_sizes=figure_sizes(figures)))
    artwork = {name: Artwork(name, data) for name, data in figures.items()}
    new_drawings: dict[str, bytes] = {}
    inputs = {"settings": course.settings, "figures": artwork, "logo": logo, "fonts": fonts}
    for rel, card in share.cards(course, heads=page_heads(course)).items():
        draw = functools.partial(share.draw_card, card, **inputs)
        docs[rel] = cached_or_drawn(project, share.card_key(card, **inputs), draw, new_drawings)
    for rel, url in share.qr_codes(course).items():
        docs[rel] = cached_or_drawn(project, share.qr_key(url), functools.partial(share.qr_svg, url), new_drawings)
    for rel, drawing in icons(course.settings, logo=logo, fonts=fonts).items():
        docs[rel] = cached_or_drawn(project, icon_key(drawing), drawing, new_drawings)
    docs[paths.MANIFEST] = manifest_json(course.settings).encode("utf-8")
    files: dict[str, Content] = {f"{paths.DOCS}/{rel}": content for rel, content in docs.items()}
    return files | theme_files(course, packaged=read_theme(), palette=read_material_palette()), new_drawings


def cached_or_drawn(project: Path, key: str, draw: Callable[[], bytes], new_drawings: dict[str, bytes]) -> bytes:
    """Return a drawing kept by an earlier build under its key, or draw it now and note it for the cache."""
    cached = read_cached_drawing(project, key)
    return cached if cached is not None else new_drawings.setdefault(key, draw())


def read_cached_drawing(project: Path, key: str) -> bytes | None:
    """Return a card, QR code or icon drawn by an earlier build with the same inputs, if it is kept."""
    try:
        return (project / DRAWING_CACHE / key).read_bytes()
    except OSError:
        return None


def keep_drawings(project: Path, drawings: Mapping[str, bytes]) -> None:
    """Keep newly drawn cards, QR codes and icons for later builds; a cache that cannot be written only costs time."""
    for key, data in drawings.items():
        try:
            write_atomic(project / DRAWING_CACHE / key, data)
        except OSError:
            return


@dataclass(frozen=True)
class Outcome:
    """What a command did: whether it succeeded, every diagnostic with its file's text, and what to tell the author."""

    ok: bool
    diagnostics: tuple[Diagnostic, ...] = ()
    texts: dict[str, str] = field(default_factory=dict)
    message: str = ""
    detail: str = ""  # the engine's own output, when it failed

    def report(self) -> str:
        """Return every diagnostic with its source line and hint, then a count, then the final message."""
        split = {path: text.splitlines() for path, text in self.texts.items()}
        lines = [d.format(split.get(d.path)) for d in self.diagnostics]
        errors = sum(d.severity == "error" for d in self.diagnostics)
        warnings = sum(d.severity == "warning" for d in self.diagnostics)
        if errors or warnings:
            files = len({d.path for d in self.diagnostics if d.severity != "note"})
            lines.append(f"{plural(errors, 'error')} and {plural(warnings, 'warning')} in {plural(files, 'file')}.")
        if self.detail:
            lines.append(self.detail.rstrip())
        if self.message:
            lines.append(self.message)
        return "\n".join(lines)


NOT_WRITTEN = "Nothing was written. Fix the errors above, then run the build again."


def plural(count: int, word: str) -> str:
    """Return '1 error' or '2 errors' (and '2 quizzes')."""
    return f"{count} {word}" if count == 1 else f"{count} {word}{'zes' if word.endswith('z') else 's'}"


def check(project: Path, *, strict: bool = False, env: Mapping[str, str] | None = None) -> Outcome:
    """Validate every course file and report all problems, without writing anything."""
    generated = generate(project, strict=strict, env=env)
    if not generated.ok:
        return Outcome(False, generated.diagnostics, generated.texts, NOT_WRITTEN)
    course = generated.course
    counts = ", ".join(
        plural(len(items), word)
        for items, word in ((course.lessons, "lesson"), (course.quizzes, "quiz"), (course.programs, "program"))
    )
    return Outcome(True, generated.diagnostics, generated.texts, f"OK: {counts}.")


def build(
    project: Path,
    *,
    site_dir: Path,
    strict: bool = False,
    engine: str = "mkdocs",
    env: Mapping[str, str] | None = None,
) -> Outcome:
    """Validate, write the generated files, then build the site and swap it in; on any error, change nothing.

    One build at a time runs in a course folder: a second one waits for the first (the lock goes with
    the process, so a killed build never leaves it held).
    """
    started = time.perf_counter()
    site_dir = project / site_dir  # a relative folder is in the course folder; an absolute one stays as it is
    refused = site_dir_problem(project, site_dir) or engine_problem(engine)
    if refused:
        return Outcome(False, message=refused)
    try:
        with build_lock(project):
            return build_locked(project, site_dir=site_dir, strict=strict, engine=engine, env=env, started=started)
    except OSError as exc:
        where = Path(exc.filename).name if exc.filename else "a file"
        return Outcome(False, message=f"The build stopped: cannot write {where} ({exc.strerror}). {NOT_SWAPPED}")


NOT_SWAPPED = "The site folder was left as it was; fix the cause, then build again."


@contextlib.contextmanager
def build_lock(project: Path) -> Iterator[None]:
    """Hold the course folder's build lock, waiting for another build to finish first."""
    with open(project / LOCK, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def site_dir_problem(project: Path, site_dir: Path) -> str:
    """Say why a site folder may not be used: the build replaces it whole, so it must hold nothing else."""
    site, course = site_dir.resolve(), project.resolve()
    shown = site_dir.relative_to(project).as_posix() if site_dir.is_relative_to(project) else str(site_dir)
    kept = [course / name for name in (paths.DOCS, paths.OVERRIDES, *SOURCE_FOLDERS, "schema", ".git")]
    if site == course or course.is_relative_to(site):
        return f"--site-dir {shown} would replace the course folder itself; choose a folder of its own, like site"
    for folder in kept:
        if site == folder or site.is_relative_to(folder) or folder.is_relative_to(site):
            rel = folder.relative_to(course).as_posix()
            return f"--site-dir {shown} is or holds {rel}/, which the build must never replace; use site"
    return ""


def engine_problem(engine: str) -> str:
    """Say why an engine cannot run here, or nothing."""
    if engine == "zensical" and not zensical_path().exists():
        return "Zensical is not installed in this environment; install it with: make site ENGINE=zensical"
    return ""


def zensical_path() -> Path:
    """Return where Zensical's command is, beside this Python."""
    return Path(sys.executable).with_name("zensical")


def build_locked(
    project: Path, *, site_dir: Path, strict: bool, engine: str, env: Mapping[str, str] | None, started: float
) -> Outcome:
    """Run a build while holding the lock."""
    recover_site(site_dir)
    generated = generate(project, strict=strict, env=env)
    if not generated.ok:
        return Outcome(False, generated.diagnostics, generated.texts, NOT_WRITTEN)
    changed = write_docs(project, generated)
    settings = generated.course.settings
    ok, output = build_site(project, site_dir=site_dir, settings=settings, engine=engine)
    name = site_dir.name
    if not ok:
        failed = (
            "The site was not published" if output.startswith(GATE_FAILED) else f"{engine} could not build the site"
        )
        return Outcome(False, generated.diagnostics, generated.texts, f"{failed}; {name}/ was left as it was.", output)
    seconds = time.perf_counter() - started
    message = f"Built {len(generated.pages)} generated files ({changed} changed) into {name}/ in {seconds:.1f} s."
    return Outcome(True, generated.diagnostics, generated.texts, message)


def regenerate(project: Path) -> Outcome:
    """Validate and write the generated files for the preview server, keeping the last good ones on error."""
    generated = generate(project)
    if generated.ok:
        changed = write_docs(project, generated)
        return Outcome(True, generated.diagnostics, generated.texts, f"Regenerated: {changed} files changed.")
    note = (
        "The preview shows the last good version until the errors are fixed."
        if has_errors(generated.diagnostics)
        else ""
    )
    return Outcome(False, generated.diagnostics, generated.texts, note)


def write_docs(project: Path, generated: Generated) -> int:
    """Apply the planned writes to the course folder; return how many files changed."""
    plan = generated.plan
    apply_plan(plan, project=project, pages=generated.pages)
    keep_drawings(project, generated.new_drawings)
    return len(plan.writes) + len(plan.deletes)


def build_site(project: Path, *, site_dir: Path, settings: Settings, engine: str = "mkdocs") -> tuple[bool, str]:
    """Build the site into a temporary folder with MkDocs or Zensical, and swap it in only if the build succeeds."""
    remove_stale_builds(site_dir)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    temporary.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    try:
        with engine_command(project, engine=engine, site_dir=temporary) as command:
            result = subprocess.run(command, cwd=project, env=engine_env(project), capture_output=True, text=True)
        if result.returncode != 0:
            # The temporary folder's name changes at every build; name it as the author knows it.
            return False, (result.stdout + result.stderr).replace(str(temporary), f"{site_dir.name} (being built)")
        site_files = [
            (p.relative_to(temporary).as_posix(), p.read_bytes()) for p in temporary.rglob("*") if p.is_file()
        ]
        unsafe = check_site(site_files, base=urlsplit(settings.site_url).path or "/")
        if unsafe:
            return False, GATE_FAILED + "\n".join(f"  {problem}" for problem in unsafe[:50])
        worker = service_worker(site_files, offline=settings.offline)
        (temporary / "sw.js").write_text(worker, encoding="utf-8")
        swap_site(temporary, site_dir)
        return True, result.stdout + result.stderr
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)


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
        yield [str(zensical_path()), "build", "--strict", "-f", config.name]
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


WATCHED = ("lessons", "quizzes", "programs", "docs/figures", "docs/assets", "mkdocs.yml")


def serve(project: Path, *, port: int, tell: Callable[[Outcome], None]) -> Outcome:
    """Preview the site at http://127.0.0.1:PORT/, regenerating when a course file changes, until stopped."""
    if not port_is_free(port):
        return Outcome(
            False, message=f"Port {port} on 127.0.0.1 is in use; stop what uses it, or pick another: --port 8001"
        )
    tell(regenerate(project))
    command = mkdocs_command("serve", "--livereload", "--dev-addr", f"127.0.0.1:{port}")
    server = subprocess.Popen(command, cwd=project, env=engine_env())
    # A stop from a process manager or a closed terminal must stop the preview server too, as Ctrl-C does.
    for stop in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(stop, lambda *_: sys.exit(0))
    seen = watched_times(project)
    try:
        while server.poll() is None:
            time.sleep(0.5)
            now = watched_times(project)
            if now != seen:
                seen = now
                tell(regenerate(project))
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
        server.wait()
    return Outcome(server.returncode in (0, -signal.SIGTERM, None), message="Stopped the preview.")


def port_is_free(port: int) -> bool:
    """Tell whether the preview server could listen on a port of 127.0.0.1."""
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def watched_times(project: Path) -> dict[str, float]:
    """Return the modification time of every course file the preview watches (not the generated ones)."""
    owned = set(read_manifest(project))
    times = {}
    for name in WATCHED:
        path = project / name
        for item in [path, *path.rglob("*")] if path.is_dir() else [path]:
            rel = item.relative_to(project).as_posix()
            if item.is_file() and rel not in owned:
                times[rel] = item.stat().st_mtime
    return times


def new_lesson(project: Path, slug: str) -> Outcome:
    """Write a starter lesson at the top of lessons/, numbered after the last one in any part."""
    problem = scaffold.slug_problem(slug)
    if problem:
        return Outcome(False, message=problem)
    files = source_files(project, "lessons")
    taken = [p for p in files if p.stem == slug or p.stem.endswith(f"-{slug}")]
    if taken:
        name = taken[0].relative_to(project).as_posix()
        return Outcome(False, message=f"{name} already exists; pick another name or edit that file.")
    order = scaffold.next_order([p.read_text(encoding="utf-8", errors="replace") for p in files])
    return write_new(project, f"lessons/{order:02d}-{slug}.yml", scaffold.lesson_file(slug, order=order))


def new_quiz(project: Path, slug: str, *, lesson: str) -> Outcome:
    """Write a starter quiz for a lesson."""
    problem = scaffold.slug_problem(slug) or scaffold.slug_problem(lesson)
    if problem:
        return Outcome(False, message=problem)
    return write_new(project, f"quizzes/{slug}.yml", scaffold.quiz_file(slug, lesson=lesson))


def write_new(project: Path, rel: str, text: str) -> Outcome:
    """Write a new course file, refusing to overwrite one that exists."""
    path = project / rel
    if path.exists():
        return Outcome(False, message=f"{rel} already exists; pick another name or edit that file.")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        return Outcome(False, message=f"cannot write {rel}: {exc.strerror}")
    return Outcome(True, message=f"Wrote {rel}. Edit it, then run: python build.py check")


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


def write_schema(project: Path) -> Outcome:
    """Write the JSON Schema files in schema/ and the field tables of AUTHORING.md, if they changed."""
    files = dict(schema_files())
    guide = project / "AUTHORING.md"
    files["AUTHORING.md"] = update_guide(guide.read_text(encoding="utf-8") if guide.exists() else "")
    for rel, text in files.items():
        if not (project / rel).exists() or (project / rel).read_text(encoding="utf-8") != text:
            write_atomic(project / rel, text)
    return Outcome(True, message="Wrote schema/*.schema.json and the field tables in AUTHORING.md.")
