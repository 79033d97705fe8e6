"""Print the phone budgets: bytes on first and second visit, generator share of the build, and scaling.

Run after `make site`:  .venv/bin/python bench/budget.py [--skip-scaling]
Figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

import offline_size
from big_course import write_big_course
from chromium import launch
from peer import peer_site
from playwright.sync_api import sync_playwright
from reference import reference_site
from serve_gzip import serve

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "site"
SEARCH = ("search_index.json", "search.json", "/workers/search")
# Material's own files on every first visit: its script bundle, main and palette styles, and the sitemap
# that instant navigation fetches.
MATERIAL = ("/assets/javascripts/bundle.", "/assets/stylesheets/main.", "/assets/stylesheets/palette.", "/sitemap.xml")
sys.path.insert(0, str(ROOT))


def transfer(page, url: str) -> list[tuple[str, int, int]]:
    """Load a page; return each request's URL, gzip body bytes and header bytes (a cache hit counts 0)."""
    rows: list[tuple[str, int, int]] = []
    page.on(
        "requestfinished",
        lambda r: rows.append((r.url, max(0, r.sizes()["responseBodySize"]), max(0, r.sizes()["responseHeadersSize"]))),
    )
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    return rows


def summary(rows: list[tuple[str, int, int]]) -> str:
    """Describe a load as the ecosystem notes count it: bodies, without search, split into Material's and ours."""
    counted = [(url, body) for url, body, _ in rows if body and not any(s in url for s in SEARCH)]
    total = sum(body for _, body in counted) / 1024
    material = sum(body for url, body in counted if any(s in url for s in MATERIAL)) / 1024
    search = sum(body for url, body, _ in rows if any(s in url for s in SEARCH)) / 1024
    headers = sum(head for _, _, head in rows) / 1024
    return (
        f"{total:5.1f} KB in {len(counted)} responses with a body "
        f"(Material's own files {material:.1f} KB, the rest {total - material:.1f} KB; "
        f"not counted: search worker + index {search:.1f} KB, HTTP headers {headers:.1f} KB)"
    )


def touch(page) -> list[tuple[str, int, int]]:
    """Scroll a loaded page a little, as a reader's first touch; return what that fetched (Material's bundle)."""
    rows: list[tuple[str, int, int]] = []
    page.on(
        "requestfinished",
        lambda r: rows.append((r.url, max(0, r.sizes()["responseBodySize"]), max(0, r.sizes()["responseHeadersSize"]))),
    )
    page.mouse.wheel(0, 1)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(1000)
    return rows


def measure_transfer() -> None:
    """Print a quiz page's first visit before and after the first touch, a warm second page, and the references."""
    base, server = serve(SITE)
    quiz = sorted(p.parent.name for p in (SITE / "quizzes").glob("*/index.html"))[1]
    lesson = sorted(p.parent.name for p in (SITE / "lessons").glob("*/index.html"))[2]
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        reference, reference_server = serve(reference_site(Path(tmp, "featured"), featured=True))
        peer, peer_server = serve(peer_site(Path(tmp, "peer")))
        browser = launch(p)
        phone = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
        context = browser.new_context(**phone, service_workers="block")
        page = context.new_page()
        first = list(transfer(page, base + f"quizzes/{quiz}/"))  # a copy: its listener keeps counting
        print(f"quiz page, first visit, before any touch: {summary(first)}")
        print("  budget 45 KB")
        print(f"  the same after the first touch, with the bundle: {summary(first + touch(page))}")
        print("  budget 80 KB")
        print(f"second page, warm cache:      {summary(transfer(context.new_page(), base + f'lessons/{lesson}/'))}")
        print("  budget 10 KB")
        for name, url in (("stock Material with the toggle", reference), ("the mkdocs-quiz peer", peer)):
            fresh = browser.new_context(**phone, service_workers="block")
            print(f"{name}, the same quiz text, first visit: {summary(transfer(fresh.new_page(), url + 'quiz/'))}")
        browser.close()
        reference_server.shutdown()
        peer_server.shutdown()
    server.shutdown()
    print(f"offline copy fetched once by the service worker after the first page: {precache_kb():.0f} KB gzip")


def precache_kb() -> float:
    """Return the gzip size of what the service worker keeps by itself for offline reading (offline.json)."""
    alone, _on_request = offline_size.lists(SITE)
    return offline_size.total(SITE, alone)[1] / 1024


def timed(command: list[str], cwd: Path) -> tuple[float, int]:
    """Run a command; return its wall time and the peak memory (MB) of it and its children."""
    probe = (
        "import resource, subprocess, sys, time; t = time.perf_counter(); "
        "r = subprocess.run(sys.argv[1:], capture_output=True); "
        "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, r.returncode)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *command],
        cwd=cwd,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT)},
    ).stdout.split()
    assert out and out[2] == "0", f"{command} failed"
    return float(out[0]), int(out[1]) // 1024


COURSE_PARTS = ("build.py", "coursegen", "mkdocs.yml", "overrides", "docs", "lessons", "quizzes", "programs")
# Runs `build.py build` as build.py does, in the course folder, timing the generator's two steps from inside.
BUILD_DRIVER = """
import runpy, sys, time
from coursegen.commands import build
spent = []
def timed(step):
    def run(*args, **kwargs):
        started = time.perf_counter()
        try:
            return step(*args, **kwargs)
        finally:
            spent.append(time.perf_counter() - started)
    return run
build.generate, build.write_docs = timed(build.generate), timed(build.write_docs)
sys.argv = ["build.py", "build"]
try:
    runpy.run_path("build.py", run_name="__main__")
finally:
    print("generator seconds:", sum(spent))
"""


def fresh_copy(target: Path) -> None:
    """Copy the engine and the course as a fresh clone has them: the files git tracks, no generated file, no cache."""
    tracked = subprocess.run(["git", "ls-files", "-z", *COURSE_PARTS], cwd=ROOT, capture_output=True, check=True)
    for rel in tracked.stdout.decode("utf-8").split("\0"):
        if rel and (ROOT / rel).is_file():
            (target / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(ROOT / rel, target / rel)


def timed_build(project: Path) -> tuple[float, float]:
    """Run `build.py build` in a new process; return the generator's time inside it and the process's wall time."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-c", BUILD_DRIVER],
        cwd=project,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    wall = time.perf_counter() - started
    assert result.returncode == 0, f"the build failed:\n{result.stdout}{result.stderr}"
    return float(result.stdout.rsplit("generator seconds:", 1)[1]), wall


def measure_generator_share() -> None:
    """Print the generator's share of a whole build, both timed in that one build, cold and on an unchanged rebuild.

    The generator is `generate` (read, validate, render) and `write_docs` (write the generated files);
    the build is the `build.py build` process from start to end, MkDocs and the site check included.
    Cold is the first build of a fresh copy (every card drawn); the rebuild figure is the median of three.
    """
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp)
        fresh_copy(project)
        cold = timed_build(project)
        warm = sorted((timed_build(project) for _ in range(3)), key=lambda run: run[0] / run[1])[1]
        mkdocs, _ = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-q"], project)
    share = ", ".join(
        f"{name} {generator:.2f} of {wall:.2f} s ({generator / wall:.0%})"
        for name, (generator, wall) in (("cold", cold), ("unchanged rebuild", warm))
    )
    print(f"generator share: {share} (budget 10%); mkdocs build alone: {mkdocs:.2f} s")


def measure_scaling() -> None:
    """Print build time, peak memory and time per lesson for synthetic courses of growing size, in two layouts.

    The courses are bench/big_course.py's: neutral settings, the course's sentences recombined per lesson.
    The first is what AUTHORING.md advises for big courses (parts of 20 lessons, navigation.prune); the
    second, for comparison, is every lesson at the top of lessons/ with Material's default navigation.
    """
    layouts = (("parts of 20 + prune", 20, True), ("flat, no prune", 0, False))
    print("layout                lessons  build (s)  peak memory (MB)  ms per lesson")
    for name, part_size, prune in layouts:
        for lessons in (100, 300, 1000):
            with tempfile.TemporaryDirectory() as tmp:
                write_big_course(Path(tmp), lessons, part_size=part_size, prune=prune)
                seconds, memory = timed([sys.executable, "-m", "coursegen", "build", "--strict"], Path(tmp))
                print(f"{name:20}  {lessons:7}  {seconds:9.1f}  {memory:16}  {seconds / lessons * 1000:13.1f}")


def main() -> None:
    """Print every budget figure with the date and machine."""
    print(f"# {date.today()} on {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    measure_transfer()
    measure_generator_share()
    if "--skip-scaling" not in sys.argv:
        measure_scaling()


if __name__ == "__main__":
    main()
