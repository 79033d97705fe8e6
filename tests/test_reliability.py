"""A failed or killed build loses nothing, builds are reproducible, and every internal link resolves."""

from __future__ import annotations

import hashlib
import json
import os
import re
import signal
import subprocess
import sys
import time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from project import ROOT, copy_project, run_build


def tree_hashes(folder: Path) -> dict[str, str]:
    """Return the SHA-256 of every file under a folder."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def hand_written(project: Path) -> dict[str, str]:
    """Hash every file an author wrote: course YAML, mkdocs.yml and the hand-written pages in docs/."""
    generated = (
        "docs/lessons/",
        "docs/quizzes/",
        "docs/programs/",
        "docs/qr/",
        "docs/previews/",
        "docs/calendar/",
        "docs/shared/",
    )
    files = [p for p in project.rglob("*") if p.is_file() and p.suffix in (".yml", ".md", ".svg")]
    return {
        rel: hashlib.sha256(p.read_bytes()).hexdigest()
        for p in files
        if not (rel := p.relative_to(project).as_posix()).startswith((*generated, "site"))
    }


# Runs a build in a child process that SIGKILLs itself at the Nth file write: a real kill, at a known point.
KILL_AT_WRITE = """
import os, signal, sys
from pathlib import Path
import coursegen.output.write as write
real, calls, build_process = write.write_atomic, [0], os.getpid()
def dying(path, content):
    calls[0] += 1 if os.getpid() == build_process else 0  # the writes of the build, not of its drawing workers
    if calls[0] == int(sys.argv[1]) and os.getpid() == build_process:
        os.kill(os.getpid(), signal.SIGKILL)
    real(path, content)
write.write_atomic = dying
from coursegen.commands.build import build
build(Path.cwd(), site_dir=Path.cwd() / "site")
"""


def rename_course(project: Path, old: str, new: str) -> None:
    """Rename the course, so that the pages and files that show its name change at the next build."""
    settings = project / "mkdocs.yml"
    settings.write_text(settings.read_text().replace(f"site_name: {old}", f"site_name: {new}"))


@pytest.mark.parametrize("write", [1, 2, 8, 14])
def test_a_build_killed_while_writing_files_leaves_nothing_stuck(sample_project: Path, write: int) -> None:
    assert run_build(sample_project, "build").returncode == 0
    before = tree_hashes(sample_project / "site")
    rename_course(sample_project, "The Hip Hinge", "The Hinge Course")
    killed = subprocess.run([sys.executable, "-c", KILL_AT_WRITE, str(write)], cwd=sample_project)
    assert killed.returncode == -signal.SIGKILL, "the build was killed while it wrote files"
    assert tree_hashes(sample_project / "site") == before, "the site is still the previous one"
    # The author changes their mind: the half-written files must not pass for hand edits.
    rename_course(sample_project, "The Hinge Course", "The Hip Hinge Again")
    result = run_build(sample_project, "build")
    assert result.returncode == 0, result.stderr
    assert "edited by hand" not in result.stderr
    assert "The Hip Hinge Again" in (sample_project / "site/index.html").read_text()


def build_until_the_engine_starts(project: Path, **popen: object) -> subprocess.Popen:
    """Start a build and return it once the engine builds into its temporary folder, still running."""
    build = subprocess.Popen([sys.executable, "build.py", "build"], cwd=project, **popen)
    deadline = time.monotonic() + 60
    while not list(project.glob(".site-*")) and time.monotonic() < deadline and build.poll() is None:
        time.sleep(0.01)
    assert build.poll() is None, "the build was still running when the engine started"
    return build


def test_a_build_killed_while_the_engine_builds_leaves_the_previous_site(sample_project: Path) -> None:
    assert run_build(sample_project, "build").returncode == 0
    site = sample_project / "site"
    before = tree_hashes(site)
    rename_course(sample_project, "The Hip Hinge", "The Hinge Course")
    build = build_until_the_engine_starts(sample_project, start_new_session=True)
    os.killpg(build.pid, signal.SIGKILL)
    build.wait()
    assert tree_hashes(site) == before, "the site is the old one, never a mix"
    assert run_build(sample_project, "build").returncode == 0, "the next build cleans up and succeeds"
    assert not list(sample_project.glob(".site-*")), "no temporary build folder is left behind"


def test_a_build_killed_while_it_draws_leaves_no_worker_holding_the_course(sample_project: Path) -> None:
    # Only the build process is killed (as the system kills one that runs out of memory), not its workers.
    build = build_until_the_engine_starts(sample_project)  # it draws meanwhile: nothing was drawn before
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    again = subprocess.run([sys.executable, "build.py", "build"], cwd=sample_project, timeout=120, capture_output=True)
    assert again.returncode == 0, again.stderr


def test_a_kill_between_the_two_renames_is_recovered(sample_project: Path) -> None:
    assert run_build(sample_project, "build").returncode == 0
    before = tree_hashes(sample_project / "site")
    (sample_project / "site").rename(sample_project / "site.previous")
    (sample_project / "lessons/02-red-flags.yml").write_text("id: broken\n")
    result = run_build(sample_project, "build")
    assert result.returncode == 1
    assert tree_hashes(sample_project / "site") == before


def test_builds_never_touch_hand_written_files(sample_project: Path) -> None:
    before = hand_written(sample_project)
    assert run_build(sample_project, "build").returncode == 0
    (sample_project / "quizzes/red-flags.yml").rename(sample_project / "quizzes/red-flags.yml.off")
    assert run_build(sample_project, "build").returncode == 0
    (sample_project / "quizzes/red-flags.yml.off").rename(sample_project / "quizzes/red-flags.yml")
    (sample_project / "lessons/03-bad.yml").write_text("titel: oops\n")
    assert run_build(sample_project, "build").returncode == 1
    (sample_project / "lessons/03-bad.yml").unlink()
    assert run_build(sample_project, "build").returncode == 0
    assert hand_written(sample_project) == before


def test_a_hand_edited_generated_page_stops_the_build_and_names_its_source(sample_project: Path) -> None:
    assert run_build(sample_project, "build").returncode == 0
    page = sample_project / "docs/lessons/01-first-steps.md"
    page.write_text(page.read_text() + "\nMy own note.\n")
    edited = page.read_bytes()
    result = run_build(sample_project, "build")
    assert result.returncode == 1
    assert (
        "docs/lessons/01-first-steps.md:1:1: error: this generated page was edited by hand; it is made from "
        "lessons/01-first-steps.yml" in result.stderr
    )
    assert page.read_bytes() == edited


def test_two_builds_are_byte_identical_and_honour_source_date_epoch(tmp_path: Path) -> None:
    sites = []
    for name in ("one", "two"):
        project = copy_project(tmp_path / name)
        result = run_build(project, "build", env={"SOURCE_DATE_EPOCH": "1700000000"})
        assert result.returncode == 0, result.stderr
        sites.append(tree_hashes(project / "site"))
        time.sleep(1.1)
    assert sites[0] == sites[1]
    assert "<lastmod>2023-11-14</lastmod>" in (project / "site/sitemap.xml").read_text()


class Links(HTMLParser):
    """Collect the ids and the internal links of one page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("href") and not re.match(r"^[a-z]+:", values["href"]):
            self.hrefs.append(values["href"])


def broken_links(site: Path) -> list[str]:
    """Return every internal link or anchor in the site that does not resolve."""
    pages = {}
    for html in site.rglob("*.html"):
        parser = Links()
        parser.feed(html.read_text(encoding="utf-8"))
        pages["/" + html.relative_to(site).as_posix()] = parser
    broken = []
    for path, parser in pages.items():
        for href in parser.hrefs:
            target = urlparse(urljoin(path, href))
            file = unquote(target.path) + ("index.html" if target.path.endswith("/") else "")
            if file not in pages and not (site / file.lstrip("/")).exists():
                broken.append(f"{path}: {href}")
            elif target.fragment and file in pages and target.fragment not in pages[file].ids:
                broken.append(f"{path}: {href} (no such anchor)")
    return broken


def test_every_internal_link_and_anchor_of_the_real_course_resolves(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "course", course=ROOT)
    assert run_build(project, "build", "--strict").returncode == 0
    assert broken_links(project / "site") == []


def test_a_broken_link_fails_the_build_with_a_clear_message(sample_project: Path) -> None:
    lesson = sample_project / "lessons/02-red-flags.yml"
    lesson.write_text(
        lesson.read_text().replace(
            "body: Numbness needs care today.", "body: Numbness needs care today. See [the start](01-nowhere.md#top)."
        )
    )
    result = run_build(sample_project, "build")
    assert result.returncode == 1
    assert "01-nowhere.md" in result.stderr and "not found" in result.stderr
    assert "site/ was left as it was" in result.stderr


def test_a_manifest_naming_files_outside_the_generated_folders_deletes_none_of_them(sample_project: Path) -> None:
    assert run_build(sample_project, "build").returncode == 0
    lesson = sample_project / "lessons/01-first-steps.yml"
    outside = sample_project.parent / "keep.txt"
    outside.write_text("mine")
    manifest = sample_project / ".coursegen-manifest.json"
    data = json.loads(manifest.read_text())
    for rel, path in (("lessons/01-first-steps.yml", lesson), ("docs/../../keep.txt", outside)):
        data["files"][rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    manifest.write_text(json.dumps(data))
    assert run_build(sample_project, "build").returncode == 0
    assert lesson.is_file() and outside.read_text() == "mine"


def test_two_builds_at_once_take_turns_and_the_site_is_always_whole(sample_project: Path) -> None:
    assert run_build(sample_project, "build").returncode == 0
    site = sample_project / "site"
    whole = set(tree_hashes(site))
    rename_course(sample_project, "The Hip Hinge", "The Hinge Course")
    command = [sys.executable, "build.py", "build"]
    first = subprocess.Popen(command, cwd=sample_project, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while not list(sample_project.glob(".site-*")) and first.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    # The second starts while the first is inside the engine, the moment it would clean up the first's folder.
    builds = [first, subprocess.Popen(command, cwd=sample_project, stderr=subprocess.PIPE, text=True)]
    seen = 0
    while any(build.poll() is None for build in builds):
        # One look at the site, kept only if no swap happened while it was read (the folder is the same one
        # before and after): a listing that straddles a swap mixes two sites and says nothing about either.
        try:
            before = site.stat().st_ino
            files = set(tree_hashes(site))
            still = site.stat().st_ino == before
        except OSError:  # the site was being swapped: between the two renames there is none to read
            still = False
        if still:
            assert files >= whole - {"sw.js"}, "the site is one complete site at every moment"
            seen += 1
        time.sleep(0.05)
    errors = [build.stderr.read() for build in builds]
    assert [build.returncode for build in builds] == [0, 0], errors
    assert seen > 5
    assert "The Hinge Course" in (site / "index.html").read_text()
    assert not list(sample_project.glob(".site-*"))
