"""What a long build tells the author while it runs: a live bar on a terminal, plain lines in a log, nothing quiet."""

from __future__ import annotations

import fcntl
import os
import pty
import re
import struct
import subprocess
import sys
import termios
from pathlib import Path

from project import run_build

from coursegen.commands.progress import Progress


def run_in_terminal(project: Path, *args: str) -> tuple[int, str]:
    """Run build.py with a pseudo-terminal (100 columns) as its output; return its exit code and all it printed."""
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 30, 100, 0, 0))
    child = subprocess.Popen(
        [sys.executable, "build.py", *args], cwd=project, stdin=follower, stdout=follower, stderr=follower
    )
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal: it has finished
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    return child.wait(timeout=300), b"".join(chunks).decode("utf-8", "replace")


def test_a_build_on_a_terminal_shows_each_stage_with_a_count_and_an_estimate(sample_project: Path) -> None:
    code, shown = run_in_terminal(sample_project, "build")
    assert code == 0, shown
    lessons = len(list((sample_project / "lessons").rglob("*.yml")))
    quizzes = len(list((sample_project / "quizzes").rglob("*.yml")))
    redrawn = [part.lstrip("\n") for part in shown.split("\r")]
    assert len(redrawn) > 8, "the bar is redrawn in place as the stages go"
    assert f"Rendering {lessons + quizzes} lessons and quizzes: {lessons + quizzes}/{lessons + quizzes}" in shown
    drawn = re.search(r"Drawing (\d+) cards, QR codes and icons: (\d+)/(\d+) ", shown)
    assert drawn and drawn[1] == drawn[3], shown
    assert any(re.match(r"Drawing .*: 0/\d+ .*\[00:00<\?\]", part) for part in redrawn), "no estimate yet at 0"
    pages = [re.match(r"Building (\d+) pages: (\d+)/(\d+) .*\[\d\d:\d\d<\d\d:\d\d\]", part) for part in redrawn]
    pages = [found for found in pages if found]
    # How often the bar is redrawn between its first and last state depends on the machine's speed (tqdm draws
    # at most every 0.2 s), so only its last state is certain: the whole, with the time left.
    assert pages and pages[-1][2] == pages[-1][1] == pages[-1][3], "it reaches the whole, with the time left"
    assert re.search(r"Built \d+ generated files \(\d+ changed\) into site/", shown)


def test_a_build_into_a_pipe_prints_one_plain_line_per_stage(sample_project: Path) -> None:
    result = run_build(sample_project, "build")
    assert result.returncode == 0, result.stderr
    assert "\r" not in result.stdout and "\x1b" not in result.stdout
    lines = result.stdout.splitlines()
    assert [re.sub(r"\d[\d,]*", "N", line) for line in lines[:-1]] == [
        "Checking N course files",
        "Rendering N lessons and quizzes",
        "Converting N pages",
        "Building N pages",
        "Indexing search",
        "Drawing N cards, QR codes and icons",
        "Styling the first paint",
        "Checking N files of the built site",
    ]
    assert lines[-1].startswith("Built ")
    again = run_build(sample_project, "build")
    assert "Drawing" not in again.stdout, "a rebuild draws nothing new, and says nothing of drawing"


def test_a_quiet_build_prints_only_its_outcome(sample_project: Path) -> None:
    result = run_build(sample_project, "build", "--quiet")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [result.stdout.strip()] and result.stdout.startswith("Built ")
    assert result.stderr == ""


def test_plain_stage_lines_write_big_counts_with_separators() -> None:
    class Lines(list):
        def write(self, text: str) -> None:
            self.append(text)

        def flush(self) -> None:
            pass

    lines = Lines()
    with Progress(lines).stage("Drawing", total=2000, unit="cards") as advance:
        advance(1)
    with Progress(lines).stage("Drawing", total=0, unit="cards"):
        pass
    assert lines == ["Drawing 2,000 cards\n"], "a stage with nothing to count says nothing"
