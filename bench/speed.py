"""Print how long an author waits on a big course: a first build, an unchanged rebuild, and a save under `serve`.

    .venv/bin/python bench/speed.py [--lessons 100 1000] [--repeat 2] [--saves 2] [--engine DIR]

Each course is bench/big_course.py's (parts of 20, navigation.prune), written fresh for every repeat.
`--engine DIR` times the engine in DIR (a checkout of another commit, to compare before and after);
by default, this one. Times are wall time and CPU time (user + system, of every process the command
started: MkDocs and the drawing workers too), so a figure from a shared machine can be read for what it
is. Each first build also prints a hash of the whole built site: two engines that print the same hash
built the same site, file by file. Figures only: nothing here is a pass/fail test.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import resource
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date
from pathlib import Path

from big_course import write_big_course

ROOT = Path(__file__).resolve().parents[1]
EPOCH = "1764633600"  # a fixed build date, so that two builds of one course give the same sitemap
LESSON = "lesson-1"


def children_cpu() -> float:
    """Return the CPU time (user + system) of every finished child of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tree_cpu(pid: int) -> float:
    """Return the CPU time (user + system) a running process and its living descendants have used, from /proc."""
    ticks = os.sysconf("SC_CLK_TCK")
    parents, spent = {}, {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)] = int(fields[1])
        spent[int(entry.name)] = (int(fields[11]) + int(fields[12])) / ticks
    family, grew = {pid}, True
    while grew:
        more = {child for child, parent in parents.items() if parent in family} - family
        family |= more
        grew = bool(more)
    return sum(spent.get(member, 0.0) for member in family)


def run(engine: Path, course: Path, *args: str) -> tuple[float, float, str]:
    """Run `coursegen` of an engine in a course folder; return wall time, CPU time, and what it printed last."""
    cpu, started = children_cpu(), time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "coursegen", *args], cwd=course, env=engine_env(engine), capture_output=True, text=True
    )
    wall, cpu = time.perf_counter() - started, children_cpu() - cpu
    assert result.returncode == 0, result.stdout + result.stderr
    return wall, cpu, result.stdout.strip().splitlines()[-1]


def engine_env(engine: Path) -> dict[str, str]:
    """Return the environment that runs the engine in `engine`, with a fixed build date."""
    return {**os.environ, "PYTHONPATH": str(engine), "SOURCE_DATE_EPOCH": EPOCH, "NO_MKDOCS_2_WARNING": "1"}


def site_hash(site: Path) -> str:
    """Return one hash of every file of a built site, its path and its bytes."""
    digest = hashlib.sha256()
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        digest.update(path.relative_to(site).as_posix().encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def free_port() -> int:
    """Return a TCP port on 127.0.0.1 that nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str:
    """Return a page's text, or an empty string while the server is not ready."""
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(condition, *, seconds: float) -> float:
    """Poll until a condition holds; return how long it took (fail after `seconds`)."""
    started = time.perf_counter()
    while not condition():
        assert time.perf_counter() - started < seconds, "timed out"
        time.sleep(0.05)
    return time.perf_counter() - started


def saves_to_screen(engine: Path, course: Path, *, saves: int) -> list[tuple[float, float]]:
    """Start `serve`, then save a lesson's body `saves` times; return each save's wall and CPU time to the screen."""
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "coursegen", "serve", "--port", str(port)],
        cwd=course,
        env=engine_env(engine),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    lesson = next(course.glob(f"lessons/*/*-{LESSON}.yml"))
    url = f"http://127.0.0.1:{port}/lessons/{lesson.parent.name}/{lesson.stem}/"
    times = []
    try:
        wait_for(lambda: "</html>" in fetch(url), seconds=1800)
        time.sleep(2)  # let the first build settle
        for save in range(saves):
            marker = f"Saved change number {save} for the benchmark."
            text = lesson.read_text(encoding="utf-8")
            cpu = tree_cpu(server.pid)
            lesson.write_text(text.replace("body: '", f"body: '{marker} ", 1), encoding="utf-8")
            wall = wait_for(lambda marker=marker: marker in fetch(url), seconds=600)
            times.append((wall, tree_cpu(server.pid) - cpu))
            time.sleep(2)
    finally:
        server.terminate()
        server.wait(timeout=60)
    return times


def measure(engine: Path, lessons: int, *, repeat: int, saves: int) -> None:
    """Print the three waits for a course of `lessons` lessons, `repeat` times each."""
    for attempt in range(repeat):
        with tempfile.TemporaryDirectory() as tmp:
            course = Path(tmp, "course")
            write_big_course(course, lessons, part_size=20, prune=True)
            first = run(engine, course, "build", "--strict")
            print(f"{lessons:7}  {attempt + 1}  first build        {first[0]:7.1f} s  {first[1]:7.1f} s  {first[2]}")
            print(f"{lessons:7}  {attempt + 1}  site hash          {site_hash(course / 'site')}")
            again = run(engine, course, "build", "--strict")
            print(f"{lessons:7}  {attempt + 1}  unchanged rebuild  {again[0]:7.1f} s  {again[1]:7.1f} s  {again[2]}")
            for wall, cpu in saves_to_screen(engine, course, saves=saves):
                print(f"{lessons:7}  {attempt + 1}  save to screen     {wall:7.1f} s  {cpu:7.1f} s")
            sys.stdout.flush()


def main() -> None:
    """Print the figures with the date, the machine and how busy it was."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--lessons", type=int, nargs="+", default=[100, 1000])
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--saves", type=int, default=2, help="saves timed under serve, per course")
    parser.add_argument("--engine", type=Path, default=ROOT, help="the folder holding the engine (coursegen/)")
    args = parser.parse_args()
    load = ", ".join(f"{n:.1f}" for n in os.getloadavg())
    print(f"# {date.today()} on {platform.machine()}, {os.cpu_count()} cores, load average {load} at the start")
    print(f"# engine: {args.engine.resolve()}")
    print("lessons  run  what               wall       CPU (user+sys)")
    for lessons in args.lessons:
        measure(args.engine.resolve(), lessons, repeat=args.repeat, saves=args.saves)
    print(f"# load average {', '.join(f'{n:.1f}' for n in os.getloadavg())} at the end")


if __name__ == "__main__":
    main()
