"""A big course offline: the first visit keeps its shell only, and the reader can choose to keep it all."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest
from conftest import PHONE
from playwright.sync_api import Browser, expect
from project import ROOT, run_build

from coursegen.site.offline import offline_files

sys.path.insert(0, str(ROOT / "bench"))
from big_course import write_big_course

LIMIT = 50_000  # gzip bytes: the six-lesson course is above it, so it is kept as a big course is
UNVISITED = "lessons/part-02/05-lesson-5/"


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built synthetic course of six lessons whose offline files are made with a lowered limit."""
    project = tmp_path_factory.mktemp("big") / "course"
    write_big_course(project, 6, part_size=3)
    shutil.copy(ROOT / "build.py", project / "build.py")
    shutil.copytree(ROOT / "coursegen", project / "coursegen", ignore=shutil.ignore_patterns("__pycache__"))
    result = run_build(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    site = project / "site"
    files = [(p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file()]
    for name, text in offline_files(files, offline=True, whole_limit=LIMIT).items():
        (site / name).write_text(text, encoding="utf-8")
    return site


def test_a_big_course_keeps_its_shell_then_all_of_it_when_the_reader_asks(
    browser: Browser, serve, big_site: Path
) -> None:
    base = serve(big_site)
    context = browser.new_context(**PHONE)
    page = context.new_page()
    fetched: list[str] = []
    context.on("request", lambda r: fetched.append(urlparse(r.url).path))
    page.goto(base)
    page.wait_for_function("navigator.serviceWorker.controller !== null", timeout=15000)
    page.wait_for_load_state("networkidle")
    assert not [path for path in fetched if path.startswith("/lessons/")], "the first visit fetches no lesson"
    assert "/assets/coursegen/quiz.js" in fetched
    kept = f"caches.match({base + UNVISITED!r}).then(Boolean)"
    assert page.evaluate(kept) is False

    keep = page.locator("[data-cq-keep-button]")
    expect(keep).to_have_text("Keep the whole course on this phone (0.1 MB)")
    keep.tap()
    expect(page.locator("[data-cq-keep-status]")).to_have_text(
        "The whole course is on this phone. It works with no connection."
    )
    expect(keep).to_be_hidden()
    assert page.evaluate(kept) is True

    context.set_offline(True)
    page.goto(base + UNVISITED)
    expect(page.locator("h1")).to_contain_text("5")
    page.goto(base)
    expect(page.locator("[data-cq-keep]")).to_be_hidden()
    context.close()
