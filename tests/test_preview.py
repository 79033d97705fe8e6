"""`serve` after a save: a lesson's body rebuilds its own pages only; a new title rebuilds every page, and says so.

The figures (how many seconds at 1,000 lessons) come from bench/speed.py; here the limits are generous,
so that a busy machine slows the test down without failing it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from test_build import fetch, free_port, wait_for


def test_a_saved_body_and_a_saved_title_reach_the_served_pages(sample_project: Path, tmp_path: Path) -> None:
    port = free_port()
    said = tmp_path / "serve.log"
    with said.open("w") as log:
        server = subprocess.Popen(
            [sys.executable, "build.py", "serve", "--port", str(port)], cwd=sample_project, stdout=log, stderr=log
        )
    first = f"http://127.0.0.1:{port}/lessons/01-first-steps/"
    second = f"http://127.0.0.1:{port}/lessons/02-red-flags/"
    lesson = sample_project / "lessons/01-first-steps.yml"
    try:
        wait_for(lambda: "Push your hips back." in fetch(first) and "First steps" in fetch(second), seconds=180)
        lesson.write_text(lesson.read_text().replace("Push your hips back.", "Send your hips back."))
        wait_for(lambda: "Send your hips back." in fetch(first), seconds=120)
        assert "rebuilding only the pages they touch" in said.read_text()

        lesson.write_text(lesson.read_text().replace("title: First steps", "title: The very first steps", 1))
        # The other lesson's page did not change, but its menu shows the new title.
        wait_for(lambda: "The very first steps" in fetch(second), seconds=120)
        assert "The menu, theme or settings changed: rebuilding every page." in said.read_text()
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_serve_loads_again_only_the_files_a_save_changed(sample_project: Path) -> None:
    from coursegen.commands.generate import generate

    remembered: dict = {}
    first = generate(sample_project, remembered=remembered)
    untouched = {name: loaded for name, (_, loaded) in remembered.items()}
    lesson = sample_project / "lessons/01-first-steps.yml"
    lesson.write_text(lesson.read_text().replace("title: ", "title: Saved ", 1))
    second = generate(sample_project, remembered=remembered)
    assert remembered["lessons/01-first-steps.yml"][1] is not untouched["lessons/01-first-steps.yml"]
    assert all(remembered[name][1] is loaded for name, loaded in untouched.items() if "01-first-steps" not in name)
    assert second.pages != first.pages and second.pages == generate(sample_project).pages
