"""Run the site engine in a child process, counting the pages it reads and builds as it goes.

MkDocs says nothing per page at its usual level, so it runs with --verbose, and its debug lines
("Reading: lessons/x.md", "Building page lessons/x.md") count the steps; they are then left out,
so the output an author sees on a failure is what MkDocs says without --verbose.
"""

from __future__ import annotations

import contextlib
import re
import subprocess
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from .progress import QUIET, Progress, nothing

STEPS = {"Reading: ": "Converting", "Building page ": "Building"}  # MkDocs' debug line -> the stage it is in
COLOUR = r"(?:\x1b\[[0-9;]*m)?"
DEBUG = re.compile(COLOUR + r"DEBUG\s+-\s+" + COLOUR)


def run_engine(
    command: list[str], *, cwd: Path, env: Mapping[str, str], progress: Progress = QUIET, pages: int = 0
) -> tuple[int, str]:
    """Run the engine, showing its stages; return its exit code, and its output (standard output, then errors)."""
    with tempfile.TemporaryFile("w+", encoding="utf-8") as out, contextlib.ExitStack() as stage:
        if not any(arg == "--verbose" for arg in command):
            stage.enter_context(progress.stage("Building the site"))
        with subprocess.Popen(
            command, cwd=cwd, env=dict(env), stdout=out, stderr=subprocess.PIPE, text=True, encoding="utf-8"
        ) as child:
            errors = "".join(shown_lines(child.stderr, progress=progress, pages=pages, stage=stage))
        out.seek(0)
        return child.returncode, out.read() + errors


def shown_lines(lines: Iterable[str], *, progress: Progress, pages: int, stage: contextlib.ExitStack) -> Iterator[str]:
    """Count each page step the engine reports, a stage per kind of step; pass on every line that is not debug."""
    current, advance = "", nothing
    for line in lines:
        debug = DEBUG.match(line)
        if not debug:
            yield line
            continue
        label = next((label for step, label in STEPS.items() if line.startswith(step, debug.end())), "")
        if label and label != current:
            stage.close()  # the stage before ends where this one starts
            advance = stage.enter_context(progress.stage(label, total=pages, unit="pages"))
            current = label
        if label:
            advance(1)
