"""Print what a course costs as it grows: build time and memory, a lesson's first visit, the offline copy, search.

    .venv/bin/python bench/scaling.py [--lessons 100 1000 5000] [--site site]

Each course is bench/big_course.py's (the hip-hinge course's sentences recombined, with words of each
lesson's own; parts of 20, in groups of 20 parts once there are more than 20, navigation.prune: the course
AUTHORING.md describes), written fresh into a temporary folder and built there with
`coursegen build --strict` of this engine. `--site DIR` measures an already built site too (main's
`site/`, the hip-hinge course), without building it. For each course it prints:

- the build: wall time, CPU time (user + system of the build and every process it started), and the
  peak memory of its largest process (the build itself, MkDocs, or a worker);
- a lesson's first visit: the gzip bytes Chromium fetched for the first lesson page at a phone's size,
  service worker blocked, before the first touch and after it (Material's bundle loads on the touch);
- the offline copy and the first search: `bench/offline_size.py` and `bench/first_search.py` on the site.

Figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from big_course import write_big_course
from budget import touch, transfer
from chromium import launch
from playwright.sync_api import sync_playwright
from serve_gzip import serve

ROOT = Path(__file__).resolve().parents[1]
BENCH = Path(__file__).resolve().parent
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True}
PART_SIZE = 20  # lessons a part
GROUP_SIZE = 20  # parts a group, once a course has more parts than that (AUTHORING.md, "Parts")


def group_size(lessons: int) -> int:
    """Return the parts a group holds in a course of `lessons` lessons: 0 (no groups) for 20 parts or fewer."""
    return GROUP_SIZE if -(-lessons // PART_SIZE) > GROUP_SIZE else 0


def timed_build(course: Path) -> tuple[float, float, float]:
    """Build a course with this engine; return wall seconds, CPU seconds and the largest process's peak MB."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "NO_MKDOCS_2_WARNING": "1"}
    started = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-m", "coursegen", "build", "--strict"], cwd=course, env=env, stdout=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(child.pid, 0)  # the child's usage counts the processes it waited for
    wall = time.perf_counter() - started
    assert os.waitstatus_to_exitcode(status) == 0, f"the build of {course} failed"
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def first_visit(site: Path) -> tuple[float, float]:
    """Return the KB (gzip bodies) a first visit to the first lesson fetches, before and after the first touch."""
    lesson = min(site.glob("lessons/**/index.html")).parent.relative_to(site).as_posix() + "/"
    base, server = serve(site)
    try:
        with sync_playwright() as p:
            browser = launch(p)
            page = browser.new_context(**PHONE, service_workers="block").new_page()
            before = sum(body for _, body, _ in transfer(page, base + lesson))
            after = sum(body for _, body, _ in touch(page))
            browser.close()
    finally:
        server.shutdown()
    return before / 1024, (before + after) / 1024


def printed(script: str, site: Path) -> list[str]:
    """Run a bench script on a site and return the lines it printed."""
    result = subprocess.run([sys.executable, str(BENCH / script), str(site)], capture_output=True, text=True)
    return result.stdout.strip().splitlines() or [result.stderr.strip()]


def report(name: str, site: Path) -> None:
    """Print a site's first visit, offline copy and first search."""
    before, after = first_visit(site)
    print(f"{name}: a lesson's first visit {before:.1f} KB gzip before the first touch, {after:.1f} KB after")
    for line in printed("offline_size.py", site) + printed("first_search.py", site)[-1:]:
        print(f"{name}: {line.strip()}")
    sys.stdout.flush()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, nargs="*", default=[100, 1000, 5000])
    parser.add_argument("--site", type=Path, help="a built site to measure as well, without building it")
    args = parser.parse_args()
    if args.site:
        report(str(args.site), args.site)
    for lessons in args.lessons:
        with tempfile.TemporaryDirectory() as tmp:
            course = Path(tmp, "course")
            write_big_course(course, lessons, part_size=PART_SIZE, group_size=group_size(lessons), prune=True)
            wall, cpu, peak = timed_build(course)
            print(
                f"{lessons} lessons: build {wall:.1f} s wall, {cpu:.1f} s CPU, {peak:.0f} MB peak "
                f"({wall / lessons * 1000:.0f} ms wall and {cpu / lessons * 1000:.0f} ms CPU a lesson)"
            )
            report(f"{lessons} lessons", course / "site")


if __name__ == "__main__":
    main()
