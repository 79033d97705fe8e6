"""`build`: check the course, write the generated files, build the site with the engine, gate it, swap it in.

One build at a time runs in a course folder, and any failure leaves the previous site as it was.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import functools
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import urlsplit

from ..model import paths
from ..model.course import Settings
from ..output.cores import POOL_FROM, Advance, in_background, on_every_core
from ..output.gate import Trusted, site_file_problems
from ..output.swap import leftover_site, recover_site, remove_stale_builds, swap_site
from ..site import critical
from ..site.critical import blocking_links as stylesheet_links
from ..site.offline import offline_files
from .drawings import copy_drawings, drawer, missing
from .engine import engine_problem, run_engine
from .generate import Generated, generate, write_docs
from .installation import installation_problem
from .installed import read_trusted
from .outcome import NOT_WRITTEN, Outcome
from .progress import QUIET, Progress
from .read import SOURCE_FOLDERS
from .search_index import index_site, search_scripts

LOCK = ".coursegen.lock"
GATE_FAILED = "The built site holds what no reader should get (script, a request to another site, a private file):\n"
NOT_SWAPPED = "The site folder was left as it was; fix the cause, then build again."
DISK_FULL = "the disk is full (no space left on the device): free some space, then build again."


def site_state(site_dir: Path) -> str:
    """Say truly where the site is after a build stopped on an error of the file system."""
    if not site_dir.exists() and leftover_site(site_dir):
        return f"The last good site is in {leftover_site(site_dir)}/; the next build puts it back as {site_dir.name}/."
    return NOT_SWAPPED


def engine_output(output: str) -> str:
    """Return the engine's output for the author, with a full disk said in one line instead of a traceback."""
    return DISK_FULL.capitalize() if "No space left on device" in output or "[Errno 28]" in output else output


def build(
    project: Path,
    *,
    site_dir: Path,
    strict: bool = False,
    engine: str = "mkdocs",
    env: Mapping[str, str] | None = None,
    progress: Progress = QUIET,
) -> Outcome:
    """Validate, write the generated files, then build the site and swap it in; on any error, change nothing.

    One build at a time runs in a course folder: a second one waits for the first (the lock goes with
    the process, so a killed build never leaves it held).
    """
    started = time.perf_counter()
    site_dir = project / site_dir  # a relative folder is in the course folder; an absolute one stays as it is
    refused = installation_problem() or site_dir_problem(project, site_dir) or engine_problem(engine)
    if refused:
        return Outcome(False, message=refused)
    try:
        with build_lock(project):
            return build_locked(
                project, site_dir=site_dir, strict=strict, engine=engine, env=env, started=started, progress=progress
            )
    except OSError as exc:
        reason = DISK_FULL if exc.errno == errno.ENOSPC else f"{disk_fault(exc, project=project)}."
        return Outcome(False, message=f"The build stopped: {reason} {site_state(site_dir)}")


def disk_fault(exc: OSError, *, project: Path) -> str:
    """Describe a failed read or write by its path and the system's reason ('cannot use docs/x.md: Disk full')."""
    path = Path(os.fsdecode(exc.filename)) if exc.filename else None
    if path is not None and path.is_absolute() and path.is_relative_to(project):
        path = path.relative_to(project)
    reason = exc.strerror or str(exc) or type(exc).__name__
    return f"cannot use {path.as_posix()}: {reason}" if path is not None else f"a file could not be used: {reason}"


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


def build_locked(
    project: Path,
    *,
    site_dir: Path,
    strict: bool,
    engine: str,
    env: Mapping[str, str] | None,
    started: float,
    progress: Progress = QUIET,
) -> Outcome:
    """Run a build while holding the lock."""
    recover_site(site_dir)
    generated = generate(project, strict=strict, env=env, progress=progress, draw=False)
    if not generated.ok:
        return Outcome(False, generated.diagnostics, generated.texts, NOT_WRITTEN)
    changed = write_docs(project, generated)
    ok, output, drawn = build_site(project, generated, site_dir=site_dir, engine=engine, progress=progress)
    changed += drawn
    name = site_dir.name
    if not ok:
        failed = (
            "The site was not published" if output.startswith(GATE_FAILED) else f"{engine} could not build the site"
        )
        detail = engine_output(output)
        return Outcome(False, generated.diagnostics, generated.texts, f"{failed}; {name}/ was left as it was.", detail)
    seconds = time.perf_counter() - started
    made = len(generated.pages) + len(generated.drawings)
    message = f"Built {made} generated files ({changed} changed) into {name}/ in {seconds:.1f} s."
    if leftover_site(site_dir):
        message += f" The old site could not be removed: delete {leftover_site(site_dir)}/ by hand."
    return Outcome(True, generated.diagnostics, generated.texts, message)


def build_site(
    project: Path, generated: Generated, *, site_dir: Path, engine: str, progress: Progress
) -> tuple[bool, str, int]:
    """Build the site with MkDocs or Zensical into a new folder and swap it in only if all went well.

    The cards, QR codes and icons no earlier build kept are drawn meanwhile: the engine does not read
    them, so they join docs/ and the built site once both are done. Return whether the site was swapped
    in, what the engine or the gate said, and how many drawings changed in docs/.
    """
    settings = generated.course.settings
    trusted = read_trusted(project, generated=generated.pages, course_scripts=settings.extra_javascript)
    to_draw = missing(project, generated.drawings)
    with in_background(drawer(project), to_draw) as drawn, temporary_site(site_dir) as temporary:
        pages = count_pages(project)
        ok, output = run_engine(project, engine=engine, site_dir=temporary, progress=progress, pages=pages)
        if ok and engine == "mkdocs":  # Zensical builds its own search; the drawing goes on meanwhile
            with progress.stage("Indexing search"):
                problem = index_site(temporary)
            ok, output = not problem, problem or output
            trusted = replace(trusted, scripts=trusted.scripts | search_scripts())
        with progress.stage("Drawing", total=len(to_draw), unit="cards, QR codes and icons") as advance:
            drawn(advance)
        new = {drawing.key for drawing in to_draw}
        copied = copy_drawings(project, {rel: d for rel, d in generated.drawings.items() if d.key in new})
        if not ok:
            # The temporary folder's name changes at every build; name it as the author knows it.
            return False, output.replace(str(temporary), f"{site_dir.name} (being built)"), len(copied)
        late = {rel.removeprefix(f"{paths.DOCS}/"): project / rel for rel in copied}
        ok, output = publish_site(
            temporary,
            site_dir=site_dir,
            late=late,
            settings=settings,
            trusted=trusted,
            progress=progress,
            output=output,
        )
        return ok, output, len(copied)


def check_folder(root: Path, names: Sequence[str], *, base: str, trusted: Trusted, advance: Advance) -> list[str]:
    """Return what the gate finds in the files `names` of a built site's folder, each read by a worker, on every core.

    No file is held in the build's memory, so a site of any size costs no more than its largest file.
    """
    checked = functools.partial(folder_file_problems, root=root, base=base, trusted=trusted)
    return [problem for problems in on_every_core(checked, names, advance=advance) for problem in problems]


def folder_file_problems(rel: str, *, root: Path, base: str, trusted: Trusted) -> list[str]:
    """Return 'path: problem' for one file of a site's folder (in a worker)."""
    return site_file_problems((rel, (root / rel).read_bytes()), base=base, trusted=trusted)


def style_first_paint(site: Path) -> None:
    """Write a built MkDocs site's critical and complete stylesheets; link the critical one alone from its pages.

    The pages are those holding Material's bundle; the complete stylesheet waits with it for the reader's
    first touch (md-start.js). Pages are read one at a time, as the gate reads them. A site with no such page
    (Zensical) is left as it was.
    """
    pages = sorted(site.rglob("*.html"))
    texts = (page.read_text(encoding="utf-8") for page in pages)
    first = next((text for text in texts if critical.with_critical(text) != text), None)
    if first is None:
        return
    stylesheets = stylesheet_paths(first)
    scripts = [p.read_text(encoding="utf-8") for p in sorted((site / "assets/coursegen").rglob("*.js"))]
    held = [(site / p).read_text(encoding="utf-8") for p in critical.held_scripts(first) if (site / p).is_file()]
    css = [(site / name).read_text(encoding="utf-8") for name in stylesheets]
    shares = [pages[n::PAGE_SHARES] for n in range(PAGE_SHARES)]
    classes = frozenset().union(*on_every_core(classes_in_files, shares))

    def match(selectors: frozenset[str]) -> frozenset[str]:
        # A sample of every kind of page matches most selectors first; the workers try only the others.
        found = matched_in_files(pages[:: max(1, len(pages) // PAGE_SHARES)], selectors=selectors)
        tried = functools.partial(matched_in_files, selectors=selectors - found)
        return found.union(*on_every_core(tried, shares))

    made = critical.first_paint_stylesheets(css, classes=classes, match=match, scripts=scripts, held=held)
    for name, text in zip((critical.CRITICAL, critical.COMPLETE), made, strict=True):
        (site / name).write_text(text, encoding="utf-8")
    on_every_core(functools.partial(link_critical_in_files, stylesheets=stylesheets), shares)


PAGE_SHARES = 2 * POOL_FROM  # the built pages are read in this many shares, on every core


def classes_in_files(pages: Sequence[Path]) -> frozenset[str]:
    """Return every class an element of these built pages holds, reading them one at a time (in a worker)."""
    return critical.page_classes(page.read_text(encoding="utf-8") for page in pages)


def matched_in_files(pages: Sequence[Path], *, selectors: frozenset[str]) -> frozenset[str]:
    """Return the selectors that match an element of one of these built pages, read one at a time (in a worker)."""
    return critical.matched(selectors, (page.read_text(encoding="utf-8") for page in pages))


def link_critical_in_files(pages: Sequence[Path], *, stylesheets: list[str]) -> None:
    """Make each of these built pages that links `stylesheets` link the critical stylesheet alone (in a worker)."""
    for page in pages:
        text = page.read_text(encoding="utf-8")
        styled = critical.with_critical(text)
        if styled != text and stylesheet_paths(text) == stylesheets:
            page.write_text(styled, encoding="utf-8")


def stylesheet_paths(html: str) -> list[str]:
    """Return the site paths of the stylesheets a page links in its <head>."""
    return [critical.site_path(href) for _, href in stylesheet_links(html)]


@contextlib.contextmanager
def temporary_site(site_dir: Path) -> Iterator[Path]:
    """Yield a new folder beside the site folder to build into; it is removed after, unless swapped in."""
    remove_stale_builds(site_dir)
    temporary = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}-", dir=site_dir.parent))
    temporary.chmod(0o755)  # mkdtemp makes it private; a web server must be able to read the site
    try:
        yield temporary
    finally:
        if temporary.exists():
            shutil.rmtree(temporary)


def count_pages(project: Path) -> int:
    """Return how many pages the engine will convert: the Markdown files of docs/."""
    return sum(1 for _ in (project / paths.DOCS).rglob("*.md"))


def publish_site(
    temporary: Path,
    *,
    site_dir: Path,
    late: Mapping[str, Path],
    settings: Settings,
    trusted: Trusted,
    progress: Progress,
    output: str,
) -> tuple[bool, str]:
    """Copy the `late` files into a site the engine built, gate it, add the offline files, and swap it in."""
    for rel, source in late.items():
        (temporary / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, temporary / rel)
    with progress.stage("Styling the first paint"):
        style_first_paint(temporary)
    names = sorted(p.relative_to(temporary).as_posix() for p in temporary.rglob("*") if p.is_file())
    with progress.stage("Checking", total=len(names), unit="files of the built site") as advance:
        base = urlsplit(settings.site_url).path or "/"
        unsafe = check_folder(temporary, names, base=base, trusted=trusted, advance=advance)
    if unsafe:
        return False, GATE_FAILED + "\n".join(f"  {problem}" for problem in unsafe[:50])
    site_files = ((name, (temporary / name).read_bytes()) for name in names)  # read one at a time
    for name, text in offline_files(site_files, offline=settings.offline).items():
        (temporary / name).write_text(text, encoding="utf-8")
    swap_site(temporary, site_dir)
    return True, output
