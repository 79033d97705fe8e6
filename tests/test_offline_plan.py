"""What the offline copy keeps: a small course whole at the first visit, a big one its shell first."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest
from project import ROOT, run_build

from coursegen.site.offline import WHOLE_COURSE_LIMIT, offline_files, offline_plan, offline_url, page_needs, site_url
from coursegen.site.search import is_core as is_search_core

sys.path.insert(0, str(ROOT / "bench"))
from big_course import write_big_course


def site_files(site: Path) -> list[tuple[str, bytes]]:
    """Return every file of a built site, as the build hands them to the offline plan."""
    return [(p.relative_to(site).as_posix(), p.read_bytes()) for p in site.rglob("*") if p.is_file()]


@pytest.fixture(scope="module")
def big_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A built synthetic course of six lessons in parts of three: big only under a lowered limit."""
    project = tmp_path_factory.mktemp("big") / "course"
    write_big_course(project, 6, part_size=3)
    shutil.copy(ROOT / "build.py", project / "build.py")
    shutil.copytree(ROOT / "coursegen", project / "coursegen", ignore=shutil.ignore_patterns("__pycache__"))
    result = run_build(project, "build")
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_a_course_below_the_limit_is_kept_whole_by_the_build(big_site: Path) -> None:
    listing = json.loads((big_site / "offline.json").read_text())
    files = [(rel, data) for rel, data in site_files(big_site) if rel != "offline.json"]
    assert listing["rest"] == [] and listing["rest_bytes"] == 0
    assert listing["shell"] == [offline_url(rel) for rel, _ in sorted(files) if offline_url(rel)]
    assert "lessons/part-01/01-lesson-1/" in listing["shell"]
    assert offline_plan(files).version == listing["version"]


def test_a_course_above_the_limit_keeps_its_shell_and_offers_the_rest(big_site: Path) -> None:
    files = [(rel, data) for rel, data in site_files(big_site) if rel not in ("offline.json", "sw.js")]
    whole = offline_plan(files)
    plan = offline_plan(files, whole_limit=50_000)
    assert plan.version == whole.version, "the cache name depends on the files, not on the plan"
    assert sorted(plan.shell + plan.rest) == sorted(whole.shell)
    assert "./" in plan.shell and "manifest.webmanifest" in plan.shell and "404.html" in plan.shell
    assert "shared/course.json" in plan.shell, "every page's progress reads the course data's index"
    assert all(
        url.startswith(("assets/", "icons/")) or is_search_core(url)
        for url in plan.shell
        if url not in ("./", "404.html", "manifest.webmanifest", "shared/course.json")
    )
    assert "pagefind/pagefind.js" in plan.shell and "pagefind/pagefind-entry.json" in plan.shell
    assert "assets/coursegen/quiz.js" in plan.shell
    lessons = [url for url in whole.shell if url.startswith("lessons/") and url.endswith("/")]
    assert len(lessons) >= 6 and set(lessons) <= set(plan.rest)
    assert any(url.startswith("pagefind/fragment/") for url in plan.rest), "search fragments: kept as searched"
    assert any(url.startswith("pagefind/index/") for url in plan.rest)
    assert 50_000 < plan.rest_bytes < WHOLE_COURSE_LIMIT


def test_the_worker_names_no_file_and_its_list_is_the_plan(big_site: Path) -> None:
    files = site_files(big_site)
    written = offline_files(files, offline=True, whole_limit=50_000)
    listing = json.loads(written["offline.json"])
    plan = offline_plan(files, whole_limit=50_000)
    assert listing == {
        "version": plan.version,
        "shell": list(plan.shell),
        "rest": list(plan.rest),
        "rest_bytes": plan.rest_bytes,
        "needs": {page: list(files) for page, files in plan.needs.items()},
    }
    worker = written["sw.js"]
    assert json.dumps(plan.version) in worker and '"offline.json"' in worker
    assert "lessons/" not in worker and "assets/coursegen" not in worker
    assert set(offline_files(files, offline=False)) == {"sw.js"}


def test_a_page_left_out_of_the_shell_names_the_figures_it_shows(big_site: Path) -> None:
    files = [(rel, data) for rel, data in site_files(big_site) if rel not in ("offline.json", "sw.js")]
    plan = offline_plan(files, whole_limit=50_000)
    lesson = "lessons/part-02/05-lesson-5/"
    assert lesson in plan.rest
    assert "figures/figure.svg" in plan.needs[lesson]
    index = json.loads(dict(files)["shared/course.json"])
    piece = next(part["piece"] for part in index["parts"] if "lesson-5" in part["lessons"])
    assert f"shared/course/{piece}.json" in plan.needs[lesson], "its program page reads its doses offline"
    assert all(file in plan.rest for shown in plan.needs.values() for file in shown)
    assert "./" not in plan.needs, "the shell's pages need nothing from the rest to be listed"
    assert offline_plan(files).needs == {}, "a course kept whole needs no list"


def test_an_image_address_is_read_from_the_page_it_is_on() -> None:
    assert site_url("lessons/part-01/01-a/", "../../../figures/a.svg") == "figures/a.svg"
    assert site_url("./", "figures/a.svg") == "figures/a.svg"
    assert site_url("lessons/a/", "../../../figures/a.svg") == "figures/a.svg", "as a browser: not above the root"
    assert site_url("lessons/a/", "https://example.org/a.svg") == ""
    assert site_url("lessons/a/", "/figures/a.svg") == ""
    page = b'<p><img alt="" src="../../figures/a.svg"><img src="../../figures/a.svg"></p><img src="../../other.svg">'
    needs = page_needs([("lessons/a/", page), ("figures/a.svg", b"")], rest={"lessons/a/", "figures/a.svg"}, pieces={})
    assert needs == {"lessons/a/": ("figures/a.svg",)}
